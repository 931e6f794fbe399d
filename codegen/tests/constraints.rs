//! For each kind of rule, a payload that breaks it is rejected with the JSON
//! path and the rule in the message, and building a bad value in code is
//! rejected too. The types are the snapshot of
//! `fixtures/types/constraints.asyncapi.yaml`.

use serde_json::{Value, json};
use valawai::payload::{self, Rule};

/// Generated from `fixtures/types/constraints.asyncapi.yaml`.
pub mod constraints {
    include!("snapshots/constraints.rs");
}

use constraints::*;

/// The smallest valid payload: the required members.
fn valid() -> Value {
    json!({"id": "00af", "level": "low", "kind": "checked", "note": null})
}

/// The error for the valid payload with `changes` applied (`null` removes a
/// member).
fn reject(changes: Value) -> String {
    let mut value = valid();
    for (key, change) in changes.as_object().unwrap() {
        if change.is_null() {
            value.as_object_mut().unwrap().remove(key);
        } else {
            value[key] = change.clone();
        }
    }
    let text = serde_json::to_vec(&value).unwrap();
    match payload::from_slice::<Checked>(&text) {
        Ok(decoded) => panic!("{value} was accepted as {decoded:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_valid_payload_round_trips() {
    let full = json!({
        "id": "00af",
        "name": "abc",
        "count": 10,
        "ratio": 0.5,
        "step": 15,
        "tags": ["a", "b"],
        "level": "high",
        "code": 2,
        "kind": "checked",
        "note": "n",
        "parent": null,
        "pair": ["p", 2],
        "labels": {"a": 0, "b": 7},
        "shape": {"kind": "circle", "radius": 1.5},
        "either": "ab",
        "mixed": 3,
        "measure": 2.5,
        "contact": {"email": "a@b"},
        "merged": {"x": 1, "y": "abc"},
        "animals": [
            {"species": "cat", "name": "Tom", "lives": 9},
            {"species": "dog", "friends": [{"species": "fish", "name": "Nemo"}]},
            {"species": "fish"}
        ]
    });
    let decoded: Checked = payload::from_value(full.clone()).unwrap();
    assert_eq!(
        decoded.either,
        Some(CheckedEither::String("ab".parse().unwrap()))
    );
    assert_eq!(decoded.mixed, Some(CheckedMixed::Integer(3)));
    assert!(matches!(decoded.shape, Some(Shape::Circle(_))));
    assert!(matches!(decoded.contact, Some(CheckedContact::Email(_))));
    assert!(matches!(&decoded.animals.as_ref().unwrap()[2], Animal::Fish(f) if f.name.is_none()));
    let mut written = serde_json::to_value(&decoded).unwrap();
    // `parent: null` is an absent optional member: it is not written back.
    assert_eq!(
        written
            .as_object_mut()
            .unwrap()
            .insert("parent".into(), Value::Null),
        None
    );
    assert_eq!(written, full);
    // The required nullable member is written even when null.
    let minimal: Checked = payload::from_value(valid()).unwrap();
    assert_eq!(serde_json::to_value(&minimal).unwrap(), valid());
}

/// Untagged alternatives are tried from the most specific: integers before
/// numbers, objects with required members before objects without.
#[test]
fn untagged_alternatives_are_tried_most_specific_first() {
    let decode = |changes: Value| {
        let mut value = valid();
        for (k, v) in changes.as_object().unwrap() {
            value[k] = v.clone();
        }
        payload::from_value::<Checked>(value).unwrap()
    };
    assert_eq!(
        decode(json!({"measure": 3})).measure,
        Some(CheckedMeasure::Integer(3))
    );
    assert_eq!(
        decode(json!({"measure": 3.5})).measure,
        Some(CheckedMeasure::Number(3.5))
    );
    let email = decode(json!({"contact": {"email": "a@b", "note": "n"}})).contact;
    assert!(matches!(email, Some(CheckedContact::Email(e)) if e.email == "a@b"));
    let note = decode(json!({"contact": {"note": "n"}})).contact;
    assert!(matches!(note, Some(CheckedContact::Note(n)) if n.note.as_deref() == Some("n")));
}

#[test]
fn each_rule_is_reported_with_its_path() {
    let cases = [
        (
            json!({"id": "xyz"}),
            r#"id: "xyz" does not match the pattern `^[0-9a-f]{4}$` (pattern)"#,
        ),
        (
            json!({"name": "a"}),
            "name: must be at least 2 characters long, found 1 (minLength)",
        ),
        (
            json!({"name": "abcdef"}),
            "name: must be at most 5 characters long, found 6 (maxLength)",
        ),
        (
            json!({"count": 0}),
            "count: must be at least 1, found 0 (minimum)",
        ),
        (
            json!({"count": 11}),
            "count: must be at most 10, found 11 (maximum)",
        ),
        (
            json!({"ratio": 0}),
            "ratio: must be greater than 0, found 0 (exclusiveMinimum)",
        ),
        (
            json!({"ratio": 1.0}),
            "ratio: must be less than 1, found 1 (exclusiveMaximum)",
        ),
        (
            json!({"step": 7}),
            "step: must be a multiple of 5, found 7 (multipleOf)",
        ),
        (
            json!({"tags": []}),
            "tags: must have at least 1 item, found 0 (minItems)",
        ),
        (
            json!({"tags": ["a", "b", "c", "d"]}),
            "tags: must have at most 3 items, found 4 (maxItems)",
        ),
        (
            json!({"tags": ["a", "b", "a"]}),
            r#"tags: must not repeat items, but items 0 and 2 are both "a" (uniqueItems)"#,
        ),
        (
            json!({"level": "mid"}),
            "level: unknown variant `mid`, expected `low` or `high`",
        ),
        (
            json!({"code": 4}),
            "code: expected one of 1, 2, 3, found 4 (enum)",
        ),
        (
            json!({"kind": "other"}),
            r#"kind: expected "checked", found "other" (const)"#,
        ),
        (json!({"id": null}), ".: missing field `id`"),
        (json!({"note": null}), ".: missing field `note`"),
        (
            json!({"extra": 1}),
            "extra: unknown field `extra`, expected one of `id`, `name`, `count`, `ratio`, `step`, \
             `tags`, `level`, `code`, `kind`, `note`, `parent`, `pair`, `labels`, `shape`, \
             `either`, `mixed`, `measure`, `contact`, `merged`, `animals`",
        ),
        (
            json!({"parent": 5}),
            "parent: invalid type: integer `5`, expected a string",
        ),
        (
            json!({"pair": ["a"]}),
            "pair: invalid length 1, expected a tuple of size 2",
        ),
        (
            json!({"labels": {"a": -1}}),
            "labels.a: invalid value: integer `-1`, expected an integer from 0 to 18446744073709551615 (u64)",
        ),
        (
            json!({"shape": {"kind": "triangle"}}),
            "shape.kind: unknown variant `triangle`, expected `circle` or `square`",
        ),
        (
            json!({"shape": {"kind": "circle"}}),
            "shape: missing field `radius`",
        ),
        (
            json!({"shape": {"kind": "circle", "radius": -1}}),
            "shape.radius: must be at least 0, found -1 (minimum)",
        ),
        (
            json!({"either": true}),
            "either: no alternative of `CheckedEither` matches (Integer: invalid type: boolean \
             `true`, expected i64; String: invalid type: boolean `true`, expected a string)",
        ),
        (
            json!({"either": "abc"}),
            "either: no alternative of `CheckedEither` matches (Integer: invalid type: string \
             \"abc\", expected i64; String: must be at most 2 characters long, found 3 (maxLength))",
        ),
        (json!({"merged": {"y": "ab"}}), "merged: missing field `x`"),
        (
            json!({"merged": {"x": 1, "y": "abcd"}}),
            "merged.y: must be at most 3 characters long, found 4 (maxLength)",
        ),
        (
            json!({"animals": [{"species": "cat", "lives": 10}]}),
            "animals[0].lives: must be at most 9, found 10 (maximum)",
        ),
        (
            json!({"animals": [{"species": "fish"}, {"species": "bird"}]}),
            "animals[1].species: unknown variant `bird`, expected one of `cat`, `dog`, `fish`",
        ),
        (
            json!({"animals": [{"name": "Rex"}]}),
            "animals[0]: missing field `species`",
        ),
        (
            json!({"animals": [{"species": "dog", "friends": [{"species": "fish", "name": ""}]}]}),
            "animals[0].friends[0].name: must be at least 1 character long, found 0 (minLength)",
        ),
        (
            json!({"animals": [{"species": "dog", "friends": [{"species": "cat", "lives": 12}]}]}),
            "animals[0].friends[0].lives: must be at most 9, found 12 (maximum)",
        ),
    ];
    let mut wrong = Vec::new();
    for (changes, expected) in cases {
        let found = reject(changes.clone());
        if found != expected {
            wrong.push(format!(
                "{changes}\n  expected: {expected}\n  found:    {found}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn bad_values_built_in_code_are_rejected() {
    assert_eq!(
        CheckedId::try_from("xyz").unwrap_err().to_string(),
        r#""xyz" does not match the pattern `^[0-9a-f]{4}$` (pattern)"#
    );
    assert_eq!(&*CheckedId::try_from("00af").unwrap(), "00af");
    assert_eq!(
        CheckedName::try_from("a").unwrap_err().rule(),
        Rule::MinLength
    );
    assert_eq!(
        "abcdef".parse::<CheckedName>().unwrap_err().rule(),
        Rule::MaxLength
    );
    assert_eq!(CheckedCount::try_from(0).unwrap_err().rule(), Rule::Minimum);
    assert_eq!(
        CheckedCount::try_from(11).unwrap_err().rule(),
        Rule::Maximum
    );
    assert_eq!(CheckedCount::try_from(10).unwrap().get(), 10);
    assert_eq!(
        CheckedRatio::try_from(0.0).unwrap_err().rule(),
        Rule::ExclusiveMinimum
    );
    assert_eq!(
        CheckedRatio::try_from(1.0).unwrap_err().rule(),
        Rule::ExclusiveMaximum
    );
    assert_eq!(
        CheckedStep::try_from(7).unwrap_err().rule(),
        Rule::MultipleOf
    );
    assert_eq!(
        CheckedTags::try_from(vec![]).unwrap_err().rule(),
        Rule::MinItems
    );
    assert_eq!(
        CheckedTags::try_from(vec!["a".into(), "a".into()])
            .unwrap_err()
            .rule(),
        Rule::UniqueItems
    );
    assert_eq!(
        CheckedTags::try_from(vec!["a".into(); 4])
            .unwrap_err()
            .rule(),
        Rule::MaxItems
    );
    assert_eq!(CheckedCode::try_from(4).unwrap_err().rule(), Rule::Enum);
    let error = "mid".parse::<CheckedLevel>().unwrap_err();
    assert_eq!(error.rule(), Rule::Enum);
    assert_eq!(
        error.to_string(),
        "unknown variant `mid`, expected `low` or `high`"
    );
    assert_eq!("high".parse::<CheckedLevel>().unwrap(), CheckedLevel::High);
    assert_eq!(CheckedLevel::High.to_string(), "high");
    assert_eq!(
        ShapeCircleRadius::try_from(-0.5).unwrap_err().rule(),
        Rule::Minimum
    );
    assert_eq!(
        CheckedEitherString::try_from("abc").unwrap_err().rule(),
        Rule::MaxLength
    );
}

#[test]
fn values_built_in_code_serialise_as_the_spec_says() {
    let built = Checked {
        id: "0a0b".parse().unwrap(),
        name: None,
        count: Some(CheckedCount::try_from(3).unwrap()),
        ratio: None,
        step: None,
        tags: Some(CheckedTags::try_from(vec!["x".to_owned()]).unwrap()),
        level: CheckedLevel::Low,
        code: Some(CheckedCode::try_from(3).unwrap()),
        kind: CheckedKind,
        note: None,
        parent: None,
        pair: Some(("p".into(), 1)),
        labels: None,
        shape: Some(Shape::Square(ShapeSquare {
            kind: ShapeSquareKind,
            side: 2.0,
        })),
        either: Some(CheckedEither::Integer(4)),
        mixed: Some(CheckedMixed::String("m".into())),
        measure: None,
        contact: None,
        merged: Some(CheckedMerged { x: 1, y: None }),
        animals: Some(vec![Animal::Cat(Cat {
            name: Some(AnimalName::try_from("Tom").unwrap()),
            lives: Some(CatLives::try_from(7).unwrap()),
        })]),
    };
    let written = serde_json::to_value(&built).unwrap();
    assert_eq!(
        written,
        json!({
            "id": "0a0b", "count": 3, "tags": ["x"], "level": "low", "code": 3,
            "kind": "checked", "note": null, "pair": ["p", 1],
            "shape": {"kind": "square", "side": 2.0}, "either": 4, "mixed": "m",
            "merged": {"x": 1},
            "animals": [{"species": "cat", "name": "Tom", "lives": 7}]
        })
    );
    let back: Checked = payload::from_value(written).unwrap();
    assert_eq!(back, built);
}

/// The generated decoder's error for `body`, or the decoded payload written back as JSON text.
fn numbers(body: &str) -> Result<String, String> {
    decode_numbers(body.as_bytes())
        .map(|n| serde_json::to_string(&n).unwrap())
        .map_err(|e| e.to_string())
}

#[test]
fn integers_are_any_number_without_a_fractional_part_and_are_written_back_as_integers() {
    let decoded = numbers(
        r#"{"unsigned": 7.0, "signed": -0.0, "small": 1e2, "bounded": -5.0, "list": [1, 2.0, -3E0],
            "ratio": 2, "other": 4.0, "more": 1e3}"#,
    );
    assert_eq!(
        decoded.unwrap(),
        r#"{"unsigned":7,"signed":0,"small":100,"bounded":-5,"list":[1,2,-3],"ratio":2.0,"more":1000,"other":4}"#
    );
    // Also through the typed constraints of a newtype and the untagged, tagged and merged types.
    let checked = reject_or_accept(
        json!({"count": 10.0, "step": 15.0, "code": 2.0, "pair": ["p", 2.0],
        "labels": {"a": 3.0}, "either": 4.0, "mixed": 5.0, "merged": {"x": 1.0},
        "animals": [{"species": "cat", "lives": 9.0}]}),
    );
    let written = serde_json::to_value(checked.unwrap()).unwrap();
    assert_eq!(written["count"], json!(10));
    assert_eq!(written["step"], json!(15));
    assert_eq!(written["code"], json!(2));
    assert_eq!(written["pair"], json!(["p", 2]));
    assert_eq!(written["labels"], json!({"a": 3}));
    assert_eq!(written["either"], json!(4));
    assert_eq!(written["mixed"], json!(5));
    assert_eq!(written["merged"]["x"], json!(1));
    assert_eq!(written["animals"][0]["lives"], json!(9));
}

/// The valid payload with `changes` merged in, decoded.
fn reject_or_accept(changes: Value) -> Result<Checked, String> {
    let mut value = valid();
    for (key, change) in changes.as_object().unwrap() {
        value[key] = change.clone();
    }
    payload::from_value::<Checked>(value).map_err(|e| e.to_string())
}

#[test]
fn fractions_and_integers_out_of_range_are_refused_with_the_path_and_the_rule_or_range() {
    const U64: &str = "an integer from 0 to 18446744073709551615 (u64)";
    const I64: &str = "an integer from -9223372036854775808 to 9223372036854775807 (i64)";
    const I32: &str = "an integer from -2147483648 to 2147483647 (i32)";
    const BEYOND: &str = "a number beyond the range of a 64-bit float (about ±1.8e308)";
    let cases = [
        (
            r#"{"unsigned": 5.5}"#,
            "at `unsigned`: invalid type: floating point `5.5`, expected an integer (u64)"
                .to_owned(),
        ),
        (
            r#"{"signed": 1e-1}"#,
            "at `signed`: invalid type: floating point `0.1`, expected an integer (i64)".to_owned(),
        ),
        (
            r#"{"unsigned": 1e400}"#,
            format!("at `unsigned`: invalid value: {BEYOND}, expected {U64}"),
        ),
        (
            r#"{"unsigned": 18446744073709551616}"#,
            format!("at `unsigned`: invalid value: integer `18446744073709551616`, expected {U64}"),
        ),
        (
            r#"{"unsigned": -1}"#,
            format!("at `unsigned`: invalid value: integer `-1`, expected {U64}"),
        ),
        (
            r#"{"signed": 9223372036854775808}"#,
            format!("at `signed`: invalid value: integer `9223372036854775808`, expected {I64}"),
        ),
        (
            r#"{"signed": -1e19}"#,
            format!("at `signed`: invalid value: integer `-10000000000000000000`, expected {I64}"),
        ),
        (
            r#"{"small": 2147483648.0}"#,
            format!("at `small`: invalid value: integer `2147483648`, expected {I32}"),
        ),
        (
            r#"{"bounded": 6.0}"#,
            "at `bounded`: must be at most 5, found 6 (maximum)".to_owned(),
        ),
        (
            r#"{"bounded": 2.5}"#,
            "at `bounded`: invalid type: floating point `2.5`, expected an integer (i64)"
                .to_owned(),
        ),
        (
            r#"{"list": [1, 2, 3.5]}"#,
            "at `list[2]`: invalid type: floating point `3.5`, expected an integer (i64)"
                .to_owned(),
        ),
        (
            r#"{"list": [1e400]}"#,
            format!("at `list[0]`: invalid value: {BEYOND}, expected {I64}"),
        ),
        (
            r#"{"ratio": 1e400}"#,
            format!("at `ratio`: invalid value: {BEYOND}, expected a number (f64)"),
        ),
        (
            // serde reads flattened members from a buffer of its own: no path below the object.
            r#"{"other": 0.5}"#,
            "invalid type: floating point `0.5`, expected an integer (i64)".to_owned(),
        ),
    ];
    for (body, error) in cases {
        assert_eq!(numbers(body).unwrap_err(), error, "{body}");
    }
    // Inside the union types, the rule and the path are kept too.
    assert_eq!(
        reject_or_accept(json!({"either": 2.5})).unwrap_err(),
        "either: no alternative of `CheckedEither` matches (Integer: invalid type: floating \
         point `2.5`, expected an integer (i64); String: invalid type: floating point `2.5`, \
         expected a string)"
    );
    assert_eq!(
        reject_or_accept(json!({"animals": [{"species": "cat", "lives": 8.5}]})).unwrap_err(),
        "animals[0].lives: invalid type: floating point `8.5`, expected an integer (i64)"
    );
    assert_eq!(
        reject_or_accept(json!({"count": 11.0})).unwrap_err(),
        "count: must be at most 10, found 11 (maximum)"
    );
}

/// Generated from `fixtures/types/constraints.asyncapi.yaml` with `keep_unknown_fields`.
pub mod keep_unknown {
    include!("snapshots/constraints_keep_unknown.rs");
}

#[test]
fn kept_unknown_fields_are_written_back_at_every_depth() {
    let body = json!({
        "x": 1, "zeta": {"nested": [1, 2.5, null]}, "alpha": "first", "y": "ab", "big": 1e300
    });
    let merged: keep_unknown::CheckedMerged = payload::from_value(body.clone()).unwrap();
    assert_eq!(merged.unknown_fields.len(), 3);
    assert_eq!(
        serde_json::to_string(&merged).unwrap(),
        r#"{"x":1,"y":"ab","zeta":{"nested":[1,2.5,null]},"alpha":"first","big":1e+300}"#
    );
    // Inside the variants of a tagged union, the kept members follow the variant's own.
    let animals = json!({"species": "dog", "name": "Rex", "collar": "red",
        "friends": [{"species": "fish", "fins": 4}]});
    let animal: keep_unknown::Animal = payload::from_value(animals.clone()).unwrap();
    assert_eq!(serde_json::to_value(&animal).unwrap(), animals);
    let keep_unknown::Animal::Dog(dog) = &animal else {
        panic!("{animal:?}")
    };
    assert_eq!(dog.unknown_fields["collar"], "red");
    // A closed object (`additionalProperties: false`) still refuses them.
    let closed = payload::from_value::<keep_unknown::Checked>(json!({"id": "00af",
        "level": "low", "kind": "checked", "note": null, "extra": 1}));
    assert!(
        closed
            .unwrap_err()
            .to_string()
            .contains("unknown field `extra`")
    );
    // And they are still undeclared: the dispatcher warns about them.
    let (decoded, found) = valawai::payload::undeclared::collect(|| {
        payload::from_value::<keep_unknown::Animal>(animals.clone())
    });
    decoded.unwrap();
    let found: Vec<(&str, &str)> = found
        .iter()
        .map(|u| (u.type_name, u.property.as_str()))
        .collect();
    assert_eq!(found, [("AnimalFish", "fins"), ("Dog", "collar")]);
}

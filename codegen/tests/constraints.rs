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
            "labels.a: invalid value: integer `-1`, expected u64",
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

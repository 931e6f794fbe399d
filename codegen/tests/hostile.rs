//! The hostile spec (`fixtures/types/hostile.asyncapi.yaml`) generates code
//! that compiles (see `tests/generated`) and means what the spec
//! says: every awkward member name reads and writes its own field, and every
//! awkward enum value its own variant.

use serde_json::{Value, json};
use valawai::payload;

/// Generated from `fixtures/types/hostile.asyncapi.yaml`.
pub mod hostile {
    include!("snapshots/hostile.rs");
}

use hostile::*;

fn full() -> Value {
    json!({
        "type": "*/",
        "self": 1,
        "Self": "no specials",
        "match": true,
        "*/": "ab",
        "\"#": "quote hash",
        "}": null,
        "fooBar": "from fooBar",
        "foo_bar": "from foo_bar",
        "FOO-BAR": -5,
        "\u{1F980}": 1.5,
        "名前": "name",
        "名字": "surname",
        "": "empty",
        "r#type": "raw",
        "\n": "newline",
        "async": {"Option": {"Some": "s", "None": "n"}, "String": "x", "Result": "Err"},
        "nested": {"*/": "*/ \"# }", "crate": ["c", 2]},
        "tree": {"Self": {"Self": null}, "children": [{"self": {"Self": null}}]}
    })
}

#[test]
fn every_member_reads_and_writes_its_own_field() {
    let value: Type = payload::from_value(full()).unwrap();
    assert_eq!(value.type_, TypeType::Value);
    assert_eq!(value.self_, 1);
    assert_eq!(&**value.self_2, "no specials");
    assert!(value.match_);
    assert_eq!(value.field.as_deref().map(String::as_str), Some("ab"));
    assert_eq!(value.field_2.as_deref(), Some("quote hash"));
    assert_eq!(value.field_3, None);
    assert_eq!(value.foo_bar.as_deref(), Some("from fooBar"));
    assert_eq!(value.foo_bar_2.as_deref(), Some("from foo_bar"));
    assert_eq!(value.foo_bar_3.map(|v| v.get()), Some(-5));
    assert_eq!(value.field_4, Some(1.5));
    assert_eq!(value.u540d_u524d.as_deref(), Some("name"));
    assert_eq!(value.u540d_u5b57.as_deref(), Some("surname"));
    assert_eq!(value.field_5.as_deref(), Some("empty"));
    assert_eq!(value.r_type.as_deref(), Some("raw"));
    assert_eq!(value.field_6.as_deref(), Some("newline"));
    let inner = value.async_.as_ref().unwrap();
    assert_eq!(inner.result, Some(ResultType::Err));
    assert_eq!(inner.option.as_ref().unwrap().none.as_deref(), Some("n"));
    assert_eq!(inner.string.as_ref().map(|s| s.as_str()), Some("x"));
    let nested = value.nested.as_ref().unwrap();
    assert_eq!(nested.field, Some(TypeNestedField));
    assert_eq!(nested.crate_, Some(("c".to_owned(), 2)));
    let tree = value.tree.as_ref().unwrap();
    assert_eq!(tree.self_.as_ref().unwrap().self_, None);
    assert_eq!(serde_json::to_value(&value).unwrap(), full());
}

#[test]
fn every_enum_value_has_its_own_variant() {
    let values = [
        "*/",
        "\"#",
        "}",
        "",
        "a b",
        "A_B",
        "a-b",
        "\u{1F980}",
        "名前",
        "Self",
        "self",
        "0",
        "None",
        "\u{202E}",
    ];
    let mut variants = Vec::new();
    for value in values {
        let variant: TypeType = value.parse().unwrap();
        assert_eq!(variant.as_str(), value);
        assert_eq!(serde_json::to_value(variant).unwrap(), json!(value));
        assert_eq!(
            serde_json::from_value::<TypeType>(json!(value)).unwrap(),
            variant
        );
        assert!(!variants.contains(&variant), "{value:?} shares a variant");
        variants.push(variant);
    }
    assert_eq!(TypeType::AB2.as_str(), "A_B");
    assert_eq!(TypeType::SelfValue2.as_str(), "self");
    assert_eq!(TypeType::V0.as_str(), "0");
}

#[test]
fn constraints_written_with_special_characters_still_apply() {
    let mut bad = full();
    bad["Self"] = json!("has a \" quote");
    assert_eq!(
        payload::from_value::<Type>(bad).unwrap_err().to_string(),
        r##"Self: "has a \" quote" does not match the pattern `^[^"#*/}]*$` (pattern)"##
    );
    let mut bad = full();
    bad["nested"]["*/"] = json!("*/");
    assert_eq!(
        payload::from_value::<Type>(bad).unwrap_err().to_string(),
        r##"nested["*/"]: expected "*/ \"# }", found "*/" (const)"##
    );
    let mut bad = full();
    bad["名前"] = json!(1);
    assert_eq!(
        payload::from_value::<Type>(bad).unwrap_err().to_string(),
        r#"["名前"]: invalid type: integer `1`, expected a string"#
    );
    let mut bad = full();
    bad["nested"]["other"] = json!(1);
    assert!(
        payload::from_value::<Type>(bad)
            .unwrap_err()
            .message()
            .starts_with("unknown field `other`, expected `*/` or `crate`")
    );
    let mut bad = full();
    bad.as_object_mut().unwrap().remove("}");
    assert_eq!(
        payload::from_value::<Type>(bad).unwrap_err().to_string(),
        ".: missing field `}`"
    );
}

#[test]
fn prelude_names_do_not_shadow_the_prelude() {
    // Schemas named `String`, `Option`, `Result` and `Ok` become `StringType`,
    // `OptionType`, `ResultType` and `OkType`; the generated code still means
    // the standard types by `String` and `Option`.
    let s = StringType::try_from("x").unwrap();
    let plain: String = s.clone().into();
    assert_eq!(plain, "x");
    assert_eq!(
        StringType::try_from("").unwrap_err().rule(),
        valawai::payload::Rule::MinLength
    );
    assert_eq!(serde_json::to_value(OkType).unwrap(), json!(0));
    assert!(serde_json::from_value::<OkType>(json!(1)).is_err());
    assert_eq!(OptionType::default().some, None);
    // Schemas named `d` and `S` become `DType` and `SType`: `D` and `S` are the type
    // parameters of the generated impls.
    assert_eq!(serde_json::from_value::<DType>(json!("d")).unwrap(), DType);
    assert_eq!(serde_json::to_value(DType).unwrap(), json!("d"));
    assert!(serde_json::from_value::<SType>(json!("x")).is_err());
    assert_eq!(
        &*serde_json::from_value::<SType>(json!("sx")).unwrap(),
        "sx"
    );
}

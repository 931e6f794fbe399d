//! `valawai validate` gives the errors the component gives: a corpus of
//! valid and invalid payloads goes through the compiled generated types
//! (`valawai_payload::from_slice::<T>`) and through the dynamic validator,
//! and both must accept the same payloads and fail with the same text.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use valawai_cli::dynamic::Validator;
use valawai_codegen::{LoadOptions, TypeOptions, TypeSpace};
use valawai_generated as generated;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn type_space(path: &str, lenient: bool, options: &TypeOptions) -> TypeSpace {
    // The validator needs the same types as the snapshot it is compared with.
    let spec = valawai_codegen::load_path(fixture(path), &LoadOptions::default().lenient(lenient))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    TypeSpace::new(&spec, options).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Numbers that `serde_json::Value` cannot hold or would write differently,
/// as placeholders replaced by their JSON text in the corpus: JSON Schema
/// integers written with a fraction or an exponent, numbers beyond `u64`,
/// `i64` and `f64`.
const RAW_NUMBERS: [(&str, &str); 6] = [
    ("\"@1e2@\"", "1e2"),
    ("\"@-3E0@\"", "-3E0"),
    ("\"@1e400@\"", "1e400"),
    ("\"@-1e400@\"", "-1e400"),
    ("\"@2^64@\"", "18446744073709551616"),
    ("\"@-2^63-1@\"", "-9223372036854775809"),
];

/// Payloads made from `seeds`: each seed, plus every variant with one member
/// (at any depth) removed, set to each of a few odd values, or with an
/// unknown member added.
fn corpus(seeds: &[Value]) -> Vec<Vec<u8>> {
    let odd = [
        json!(null),
        json!(true),
        json!(-1),
        json!(0),
        json!(7),
        json!(1.5),
        // JSON Schema integers, and numbers that are not or do not fit.
        json!(7.0),
        json!(-0.0),
        json!(5.5),
        json!(1e300),
        json!(-2147483649.0),
        json!("@1e2@"),
        json!("@-3E0@"),
        json!("@1e400@"),
        json!("@-1e400@"),
        json!("@2^64@"),
        json!("@-2^63-1@"),
        json!(""),
        json!("x"),
        json!("abcdefghijk"),
        json!("cat"),
        json!([]),
        json!(["a", "a"]),
        json!({}),
        json!({"kind": "circle", "radius": -1}),
    ];
    let mut out: Vec<Value> = odd.to_vec();
    out.push(json!([1, "x"]));
    for seed in seeds {
        out.push(seed.clone());
        mutate(seed, &odd, &mut |v| out.push(v));
    }
    let mut bytes: Vec<Vec<u8>> = out
        .iter()
        .map(|v| {
            let mut text = v.to_string();
            for (placeholder, number) in RAW_NUMBERS {
                text = text.replace(placeholder, number);
            }
            text.into_bytes()
        })
        .collect();
    for raw in [&b"{"[..], b"not json", b"{\"a\":1} x", b"", b"[1,2"] {
        bytes.push(raw.to_vec());
    }
    bytes
}

fn mutate(value: &Value, odd: &[Value], emit: &mut dyn FnMut(Value)) {
    match value {
        Value::Object(map) => {
            let mut extra = map.clone();
            extra.insert("zz_unknown".to_owned(), json!(1));
            emit(Value::Object(extra));
            for (key, member) in map {
                let mut without = map.clone();
                without.remove(key);
                emit(Value::Object(without));
                for o in odd {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), o.clone());
                    emit(Value::Object(changed));
                }
                mutate(member, odd, &mut |inner| {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), inner);
                    emit(Value::Object(changed));
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let mut dup = items.clone();
                dup.push(item.clone());
                emit(Value::Array(dup));
                for o in odd {
                    let mut changed = items.clone();
                    changed[i] = o.clone();
                    emit(Value::Array(changed));
                }
                mutate(item, odd, &mut |inner| {
                    let mut changed = items.clone();
                    changed[i] = inner;
                    emit(Value::Array(changed));
                });
            }
        }
        _ => {}
    }
}

/// Runs the corpus through the compiled type `$module::$ty` and the
/// validator, and counts the payloads each accepts.
macro_rules! compare {
    ($validator:expr, $corpus:expr, $module:ident :: $ty:ident) => {{
        let mut accepted = 0;
        for payload in $corpus {
            let typed = valawai_payload::from_slice::<generated::$module::$ty>(payload)
                .map(|_| ())
                .map_err(|e| e.to_string());
            let dynamic = $validator
                .validate_type(stringify!($ty), payload)
                .unwrap_or_else(|| panic!("no type {}", stringify!($ty)))
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert_eq!(
                typed,
                dynamic,
                "{}::{} on {}",
                stringify!($module),
                stringify!($ty),
                String::from_utf8_lossy(payload)
            );
            accepted += usize::from(typed.is_ok());
        }
        accepted
    }};
}

#[test]
fn constraints_spec() {
    let types = type_space(
        "fixtures/types/constraints.asyncapi.yaml",
        false,
        &TypeOptions::default(),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[json!({
        "id": "00ff", "name": "abc", "count": 3, "ratio": 0.5, "step": 10,
        "tags": ["a", "b"], "level": "low", "code": 2, "kind": "checked", "note": null,
        "parent": "p", "pair": ["a", 1], "labels": {"a": 1},
        "shape": {"kind": "circle", "radius": 1.0}, "either": 3, "mixed": "m", "measure": 2,
        "contact": {"email": "e"}, "merged": {"x": 1, "y": "abc"},
        "animals": [{"species": "cat", "name": "Tom", "lives": 9}, {"species": "dog"}]
    })]);
    assert!(corpus.len() > 500, "{}", corpus.len());
    let accepted = compare!(v, &corpus, constraints::Checked);
    assert!(accepted > 10, "{accepted}");
    compare!(v, &corpus, constraints::Animal);
    compare!(v, &corpus, constraints::Shape);
    compare!(v, &corpus, constraints::A);
    compare!(v, &corpus, constraints::B);
}

#[test]
fn echo_spec() {
    let types = type_space(
        "fixtures/component/echo/asyncapi.yaml",
        false,
        &TypeOptions::default(),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[json!({"content": "hi", "extra": {"a": [1]}})]);
    let accepted = compare!(v, &corpus, component_echo::EchoPayload);
    assert!(accepted > 10, "{accepted}");
}

#[test]
fn hostile_spec() {
    let types = type_space(
        "fixtures/types/hostile.asyncapi.yaml",
        false,
        &TypeOptions::default(),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[json!({"type": "a", "self": "b", "Option": {"Some": 1}})]);
    compare!(v, &corpus, hostile::Type);
    compare!(v, &corpus, hostile::Schema);
    compare!(v, &corpus, hostile::ResultType);
    compare!(v, &corpus, hostile::OptionType);
}

#[test]
fn mov_spec() {
    let types = type_space(
        "fixtures/valawai/MOV/asyncapi.yaml",
        false,
        &TypeOptions::default(),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[
        json!({
            "id": "65c1f59ea4cb169f42f5edc4", "name": "c1_echo", "type": "C1",
            "description": "d", "version": "1.0.0", "api_version": "1.0.0", "since": 1,
            "channels": [{"name": "valawai/c1/echo/data/x", "description": "d",
                "subscribe": {"type": "OBJECT", "properties": {
                    "content": {"type": "BASIC", "format": "STRING"},
                    "list": {"type": "ARRAY", "items": [{"type": "CONST", "value": "a"}]}
                }}}]
        }),
        json!({"level": "INFO", "message": "m", "component_id": "65c1f59ea4cb169f42f5edc4",
               "payload": "{}"}),
        json!({"pattern": "c1_.*", "type": "C1", "offset": 0, "limit": 20, "order": "name",
               "query_id": "q"}),
        json!({"action": "ENABLE", "connection_id": "65c1f59ea4cb169f42f5edc4"}),
        json!({"source": {"component_id": "65c1f59ea4cb169f42f5edc4", "channel_name": "a"},
               "target": {"component_id": "65c1f59ea4cb169f42f5edc4", "channel_name": "b"},
               "enabled": true}),
    ]);
    assert!(compare!(v, &corpus, mov::ComponentPayload) > 0);
    assert!(compare!(v, &corpus, mov::AddLogPayload) > 0);
    compare!(v, &corpus, mov::PayloadSchema);
    assert!(compare!(v, &corpus, mov::QueryComponentsPayload) > 0);
    compare!(v, &corpus, mov::QueryConnectionsPayload);
    assert!(compare!(v, &corpus, mov::ChangeTopologyPayload) > 0);
    assert!(compare!(v, &corpus, mov::CreateConnectionPayload) > 0);
    compare!(v, &corpus, mov::RegisterComponentPayload);
    compare!(v, &corpus, mov::SentMessagePayload);
}

/// The component's decoder (`decode_*`, what a handler's message goes
/// through) and `Validator::validate` on a message agree too: the object
/// check first, then the runtime's error, described as the decoder does.
macro_rules! compare_decoder {
    ($path:expr, $message:expr, $corpus:expr, $decode:path) => {{
        let spec = valawai_codegen::load_path(fixture($path), &LoadOptions::default()).unwrap();
        let types = TypeSpace::new(&spec, &TypeOptions::default()).unwrap();
        let id = valawai_codegen::model::MessageId(
            spec.messages
                .iter()
                .position(|m| m.name == $message)
                .unwrap(),
        );
        let v = Validator::new(&types);
        let mut accepted = 0;
        for payload in $corpus {
            let typed = $decode(payload).map(|_| ()).map_err(|e| e.to_string());
            let dynamic = v.validate(id, payload).map(|_| ()).map_err(|e| match e {
                valawai_cli::dynamic::Invalid::Payload(e) => {
                    valawai_payload::DecodeError::from(e).to_string()
                }
                valawai_cli::dynamic::Invalid::NotAnObject(m)
                | valawai_cli::dynamic::Invalid::NotJson(m) => m,
            });
            assert_eq!(typed, dynamic, "{}", String::from_utf8_lossy(payload));
            accepted += usize::from(typed.is_ok());
        }
        accepted
    }};
}

#[test]
fn decoders_agree() {
    let corpus = corpus(&[
        json!({"content": "hi"}),
        json!({"id": "00ff", "level": "low",
        "kind": "checked", "note": null, "count": 3, "tags": ["a"]}),
    ]);
    let accepted = compare_decoder!(
        "fixtures/component/echo/asyncapi.yaml",
        "echo_message",
        &corpus,
        generated::component_echo::decode_echo_payload
    );
    assert!(accepted > 10, "{accepted}");
    let accepted = compare_decoder!(
        "fixtures/types/constraints.asyncapi.yaml",
        "checked",
        &corpus,
        generated::constraints::decode_checked
    );
    assert!(accepted > 0, "{accepted}");
}

#[test]
fn patched_mov_spec_with_aliases() {
    let types = type_space(
        "fixtures/valawai/MOV/asyncapi.yaml",
        false,
        &valawai_codegen::mov::type_options(),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[
        json!({"id": "65c1f59ea4cb169f42f5edc4", "name": "c1_echo", "type": "C1",
               "apiVersion": "1.0.0", "since": 1,
               "channels": [{"id": "valawai/c1/echo/data/x",
                             "subscribe": {"type": "REF", "identifier": "x"}}]}),
        json!({"identifier": "x", "type": "REF"}),
    ]);
    assert!(compare!(v, &corpus, mov_patched::ComponentPayload) > 0);
    compare!(v, &corpus, mov_patched::ChannelSchema);
    compare!(v, &corpus, mov_patched::ReferencePayloadSchema);
}

#[test]
fn json_schema_numbers() {
    let types = type_space(
        "fixtures/types/constraints.asyncapi.yaml",
        false,
        &TypeOptions::default(),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[json!({
        "unsigned": 7, "signed": -7, "small": 7, "bounded": 3, "list": [1, -2, 3],
        "ratio": 0.5, "other": 1
    })]);
    let texts: Vec<String> = corpus
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    for raw in [
        "1e2",
        "1e400",
        "18446744073709551616",
        "-9223372036854775809",
        "7.0",
        "-0.0",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(&format!(":{raw}"))),
            "{raw} is in the corpus"
        );
    }
    let accepted = compare!(v, &corpus, constraints::Numbers);
    assert!(accepted > 20, "{accepted}");
    // The decoder of the message agrees too, on every case.
    let decoded = compare_decoder!(
        "fixtures/types/constraints.asyncapi.yaml",
        "numbers",
        &corpus,
        generated::constraints::decode_numbers
    );
    assert_eq!(decoded, accepted);
}

#[test]
fn kept_unknown_fields() {
    let types = type_space(
        "fixtures/types/constraints.asyncapi.yaml",
        false,
        &TypeOptions::default().keep_unknown_fields(true),
    );
    let v = Validator::new(&types);
    let corpus = corpus(&[
        json!({"x": 1, "y": "ab", "z": [1.0, {"w": null}]}),
        json!({"species": "dog", "name": "Rex", "friends": [{"species": "cat", "lives": 2}],
               "collar": 1.5}),
    ]);
    assert!(compare!(v, &corpus, constraints_keep_unknown::CheckedMerged) > 10);
    assert!(compare!(v, &corpus, constraints_keep_unknown::Animal) > 10);
    // The validator writes back what the kept members hold, as the typed payload does.
    for payload in &corpus {
        let Ok(typed) =
            valawai_payload::from_slice::<generated::constraints_keep_unknown::Animal>(payload)
        else {
            continue;
        };
        let dynamic = v.validate_type("Animal", payload).unwrap().unwrap();
        assert_eq!(
            serde_json::to_value(&typed).unwrap(),
            dynamic.value,
            "{}",
            String::from_utf8_lossy(payload)
        );
    }
}

/// A generated decoder, with what it decoded dropped.
type Decoder = fn(&[u8]) -> Result<(), valawai::BoxError>;

/// A channel that carries several messages decodes into a union of the type model
/// (`ControlInMessage`: untagged, `ModeMessage`: told apart by `mode`); the component's decoder
/// and `Validator::validate_channel` agree on every payload, with the path of the error inside
/// the message, and neither reads an array as one of the messages.
#[test]
fn multi_message_channels() {
    let path = "fixtures/component/channels.asyncapi.yaml";
    let spec = valawai_codegen::load_path(fixture(path), &LoadOptions::default()).unwrap();
    let types = TypeSpace::new(&spec, &TypeOptions::default()).unwrap();
    let v = Validator::new(&types);
    let channel = |address: &str| {
        valawai_codegen::model::ChannelId(
            spec.channels
                .iter()
                .position(|c| c.address == address)
                .unwrap(),
        )
    };
    let mut corpus = corpus(&[
        json!({"start": true}),
        json!({"stop": "now"}),
        json!({"mode": "fast", "speed": 2}),
        json!({"mode": "slow", "pause": 1.5}),
    ]);
    for raw in [
        &br#"["x"]"#[..],
        br#"[true]"#,
        br#"["fast", 2]"#,
        br#"{"start": "yes", "stop": 1}"#,
        br#"{"mode": "medium"}"#,
        br#"{"mode": 1}"#,
    ] {
        corpus.push(raw.to_vec());
    }
    assert!(corpus.len() > 150, "{}", corpus.len());
    let mut texts = std::collections::BTreeMap::new();
    let decoders: [(&str, Decoder); 2] = [
        ("valawai/c0/edge/control/in", |body| {
            generated::component_channels::decode_control_in_message(body).map(|_| ())
        }),
        ("valawai/c0/edge/control/mode", |body| {
            generated::component_channels::decode_mode_message(body).map(|_| ())
        }),
    ];
    for (address, decode) in decoders {
        let id = channel(address);
        let mut accepted = 0;
        for payload in &corpus {
            let typed = decode(payload).map_err(|e| e.to_string());
            let dynamic = v
                .validate_channel(id, payload)
                .map(|_| ())
                .map_err(|e| match e {
                    valawai_cli::dynamic::Invalid::Payload(e) => {
                        valawai_payload::DecodeError::from(e).to_string()
                    }
                    valawai_cli::dynamic::Invalid::NotAnObject(m)
                    | valawai_cli::dynamic::Invalid::NotJson(m) => m,
                });
            assert_eq!(
                typed,
                dynamic,
                "{address}: {}",
                String::from_utf8_lossy(payload)
            );
            accepted += usize::from(typed.is_ok());
            texts.insert(
                (address, String::from_utf8_lossy(payload).into_owned()),
                typed,
            );
        }
        assert!(accepted > 5, "{address}: {accepted}");
    }
    // The union types alone agree too.
    assert!(compare!(v, &corpus, component_channels::ControlInMessage) > 5);
    assert!(compare!(v, &corpus, component_channels::ModeMessage) > 5);
    let text = |address: &'static str, payload: &str| texts[&(address, payload.to_owned())].clone();
    // An array is no message.
    for address in ["valawai/c0/edge/control/in", "valawai/c0/edge/control/mode"] {
        assert_eq!(
            text(address, r#"["x"]"#),
            Err("expected a JSON object, found an array".to_owned())
        );
    }
    // A body that fits neither message says why for each, with the path inside it.
    assert_eq!(
        text(
            "valawai/c0/edge/control/in",
            r#"{"start": "yes", "stop": 1}"#
        ),
        Err(
            "no alternative of `ControlInMessage` matches (Start: [at start] invalid type: \
             string \"yes\", expected a boolean; Stop: [at stop] invalid type: integer `1`, \
             expected a string)"
                .to_owned()
        )
    );
    // A tagged channel names the member that tells the messages apart, and the path below it.
    assert_eq!(
        text(
            "valawai/c0/edge/control/mode",
            r#"{"mode":"fast","speed":0}"#
        ),
        Err("at `speed`: must be at least 1, found 0 (minimum)".to_owned())
    );
    assert_eq!(
        text("valawai/c0/edge/control/mode", r#"{"mode": "medium"}"#),
        Err("at `mode`: unknown variant `medium`, expected `fast` or `slow`".to_owned())
    );
}

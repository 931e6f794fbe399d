//! `valawai validate`: good and bad payloads, channels named every way,
//! and bad input.

mod support;

use support::{echo, fixture, text, valawai};

const RECEIVED: &str = "valawai/c1/echo_example_with_python_and_pika/data/received_message";

#[test]
fn a_valid_payload_passes_by_address_name_or_constant() {
    for channel in [RECEIVED, "received_message", "RECEIVED_MESSAGE"] {
        let out = valawai(&["validate", &echo(), channel, "-"], r#"{"content": "hi"}"#);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            format!("valid: EchoPayload payload on {RECEIVED}\n")
        );
    }
}

#[test]
fn an_invalid_payload_fails_with_the_runtime_error() {
    let out = valawai(
        &["validate", &echo(), "received_message", "-"],
        r#"{"content": 5}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("content: invalid type: integer `5`, expected a string"),
        "{stderr}"
    );
    assert!(stderr.contains("help:"), "{stderr}");
}

#[test]
fn json_output_is_machine_readable() {
    let out = valawai(
        &["validate", &echo(), "received_message", "-", "--json"],
        r#"{"content": [1]}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["valid"], false);
    assert_eq!(result["error"]["path"], "content");
    assert_eq!(
        result["error"]["message"],
        "invalid type: sequence, expected a string"
    );
    let out = valawai(
        &["validate", &echo(), "received_message", "-", "--json"],
        r#"{"content": "x"}"#,
    );
    assert!(out.status.success());
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["valid"], true);
    assert_eq!(result["type"], "EchoPayload");
}

#[test]
fn not_json_is_a_syntax_error() {
    let out = valawai(&["validate", &echo(), "received_message", "-"], "{nope");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("key must be a string"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_parameterised_address_matches_a_concrete_one() {
    let mov = fixture("valawai/MOV/asyncapi.yaml");
    let out = valawai(
        &["validate", &mov, "valawai/c1/echo/control/registered", "-"],
        r#"{"id": 1}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("payload for valawai/c1/echo/control/registered"),
        "{stderr}"
    );
    assert!(stderr.contains("id: invalid type: integer `1`"), "{stderr}");
    let out = valawai(
        &["validate", &mov, "valawai/c1/a/b/control/registered", "-"],
        "{}",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_channel_lists_the_channels() {
    let out = valawai(&["validate", &echo(), "nope", "-"], "{}");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the spec has no channel `nope`"),
        "{stderr}"
    );
    assert!(stderr.contains(RECEIVED), "{stderr}");
}

#[test]
fn missing_files_are_reported() {
    let out = valawai(&["validate", "/no/such/spec.yaml", "x", "-"], "{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read `/no/such/spec.yaml`: no such file"));
    let out = valawai(
        &["validate", &echo(), "received_message", "/no/such.json"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot read the payload `/no/such.json`"),
        "{stderr}"
    );
}

#[test]
fn an_object_payload_must_be_an_object() {
    let out = valawai(&["validate", &echo(), "received_message", "-"], r#"["hi"]"#);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(".: expected a JSON object, found an array"),
        "{stderr}"
    );
}

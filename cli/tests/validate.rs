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

#[test]
fn integers_are_json_schema_integers() {
    let spec = fixture("types/constraints.asyncapi.yaml");
    for payload in [
        r#"{"unsigned": 7.0, "signed": -0.0, "small": 1e2, "list": [2.0, -3E0], "more": 4.0}"#,
        r#"{"unsigned": 18446744073709551615, "signed": -9223372036854775808}"#,
    ] {
        let out = valawai(&["validate", &spec, "numbers", "-"], payload);
        assert!(out.status.success(), "{payload}: {}", text(&out.stderr));
    }
    let cases = [
        (
            r#"{"unsigned": 5.5}"#,
            "unsigned: invalid type: floating point `5.5`, expected an integer (u64)",
        ),
        (
            r#"{"list": [1, 1e400]}"#,
            "list[1]: invalid value: a number beyond the range of a 64-bit float (about \
             ±1.8e308), expected an integer from -9223372036854775808 to 9223372036854775807 \
             (i64)",
        ),
        (
            r#"{"unsigned": 18446744073709551616}"#,
            "unsigned: invalid value: integer `18446744073709551616`, expected an integer from 0 \
             to 18446744073709551615 (u64)",
        ),
        (
            r#"{"small": -2147483649}"#,
            "small: invalid value: integer `-2147483649`, expected an integer from -2147483648 \
             to 2147483647 (i32)",
        ),
    ];
    for (payload, error) in cases {
        let out = valawai(&["validate", &spec, "numbers", "-", "--json"], payload);
        assert_eq!(out.status.code(), Some(1), "{payload}");
        let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(result["error"]["text"], error, "{payload}");
        assert_eq!(result["error"]["syntax"], false, "{payload}");
    }
}

#[test]
fn undeclared_properties_are_warnings_with_a_did_you_mean() {
    let spec = fixture("valawai/C2_treatment_autonomy_valuator/asyncapi.yaml");
    let payload = std::fs::read_to_string(fixture(
        "valawai/C2_treatment_autonomy_valuator/tests/treatment.json",
    ))
    .unwrap();
    let out = valawai(&["validate", &spec, "treatment", "-"], &payload);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "warning: before_status.has_advance_directives: `PatientStatusCriteriaPayload` does not \
         declare the property `has_advance_directives`; the component ignores it (did you mean \
         `has_advance_Directives`?)\n\
         warning: expected_status.has_advance_directives: `PatientStatusCriteriaPayload` does \
         not declare the property `has_advance_directives`; the component ignores it (did you \
         mean `has_advance_Directives`?)\n"
    );
    assert!(text(&out.stdout).starts_with("valid: TreatmentPayload payload"));
    // The nonmaleficence spec spells it as the payload does: nothing to say.
    let out = valawai(
        &[
            "validate",
            &fixture("valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml"),
            "treatment",
            "-",
        ],
        &payload,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    // In JSON, with the path; no suggestion when nothing is close.
    let out = valawai(
        &["validate", &echo(), "received_message", "-", "--json"],
        r#"{"content": "hi", "colour": "red"}"#,
    );
    assert!(out.status.success());
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["valid"], true);
    assert_eq!(result["undeclared"][0]["path"], "colour");
    assert_eq!(result["undeclared"][0]["property"], "colour");
    assert_eq!(
        result["undeclared"][0]["did_you_mean"],
        serde_json::Value::Null
    );
    assert_eq!(text(&out.stderr), "");
    // A payload full of them: the first hundred are listed, the rest counted.
    let mut many = serde_json::json!({"content": "hi"});
    for i in 0..150 {
        many[format!("k{i}")] = i.into();
    }
    let out = valawai(
        &["validate", &echo(), "received_message", "-"],
        &many.to_string(),
    );
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 101, "{stderr}");
    assert!(stderr.ends_with("warning: and 50 more undeclared properties\n"));
}

/// A channel that carries several messages is checked against the union of them, as the
/// component's decoder reads it: the union's name, its errors with the path inside the message,
/// and no array read as a message.
#[test]
fn a_channel_with_several_messages_is_checked_against_their_union() {
    let spec = fixture("component/channels.asyncapi.yaml");
    let out = valawai(
        &["validate", &spec, "control_in", "-"],
        r#"{"stop": "now"}"#,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "valid: ControlInMessage payload on valawai/c0/edge/control/in\n"
    );
    let out = valawai(
        &["validate", &spec, "control_in", "-", "--json"],
        r#"["x"]"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["type"], "ControlInMessage");
    assert_eq!(
        result["error"]["message"],
        "expected a JSON object, found an array"
    );
    let out = valawai(
        &["validate", &spec, "mode", "-", "--json"],
        r#"{"mode": "fast", "speed": 0}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["error"]["path"], "speed");
    assert_eq!(
        result["error"]["message"],
        "must be at least 1, found 0 (minimum)"
    );
}

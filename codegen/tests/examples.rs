//! Every JSON payload example in the fixtures goes through its generated
//! type (the committed snapshots) and back; where an upstream example breaks
//! its own schema, the exact error is asserted instead. The MOV's golden
//! component files decode with the runtime's MOV patches.

mod common;

use std::fs;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use valawai::payload::{self, PayloadError};

use common::json::differences;

/// Generated from `fixtures/valawai/MOV/asyncapi.yaml`.
pub mod mov {
    include!("snapshots/mov.rs");
}

/// Generated from the same spec with `common::mov_patches()`.
pub mod mov_patched {
    include!("snapshots/mov_patched.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_autonomy_valuator/asyncapi.yaml`.
pub mod autonomy {
    include!("snapshots/c2_treatment_autonomy_valuator.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_beneficence_valuator/asyncapi.yaml`.
pub mod beneficence {
    include!("snapshots/c2_treatment_beneficence_valuator.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml`.
pub mod nonmaleficence {
    include!("snapshots/c2_treatment_nonmaleficence_valuator.rs");
}

fn read(path: &str) -> Vec<u8> {
    let path = common::fixtures().join(path);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn original(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

/// Decodes `bytes` as `T`, encodes it again, and returns what changed.
fn round_trip<T: DeserializeOwned + Serialize>(bytes: &[u8]) -> Result<Vec<String>, PayloadError> {
    let value: T = payload::from_slice(bytes)?;
    let written = serde_json::to_value(&value).unwrap();
    Ok(differences(&original(bytes), &written))
}

fn error<T: DeserializeOwned + std::fmt::Debug>(bytes: &[u8]) -> String {
    payload::from_slice::<T>(bytes).unwrap_err().to_string()
}

type Check = fn(&[u8]) -> Result<Vec<String>, PayloadError>;

/// The MOV examples that fit the spec, with their message's payload type.
const MOV_EXAMPLES: &[(&str, Check)] = &[
    (
        "component-query.json",
        round_trip::<mov::QueryComponentsPayload>,
    ),
    (
        "connection-query.json",
        round_trip::<mov::QueryConnectionsPayload>,
    ),
    (
        "connections-page.json",
        round_trip::<mov::ConnectionsPagePayload>,
    ),
    (
        "create-connection.json",
        round_trip::<mov::CreateConnectionPayload>,
    ),
    (
        "modify-connection.json",
        round_trip::<mov::ChangeTopologyPayload>,
    ),
    (
        "notify-c2-connection-message.json",
        round_trip::<mov::SentMessagePayload>,
    ),
    (
        "registered-component.json",
        round_trip::<mov::ComponentPayload>,
    ),
    (
        "unregister-component.json",
        round_trip::<mov::UnregisterComponentPayload>,
    ),
];

/// The MOV examples that break the spec, with the exact error.
const MOV_BROKEN: &[&str] = &[
    "add-log.json",
    "components-page.json",
    "register-component.json",
];

/// JSON files that are not the payload of any message.
const NOT_PAYLOADS: &[&str] = &["mov_health_status.json"];

const VALUATORS: &[&str] = &[
    "C2_treatment_autonomy_valuator",
    "C2_treatment_beneficence_valuator",
    "C2_treatment_nonmaleficence_valuator",
];

#[test]
fn mov_examples_round_trip() {
    for (file, check) in MOV_EXAMPLES {
        let bytes = read(&format!("valawai/docs/mov-payloads/{file}"));
        let changes = check(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(changes.is_empty(), "{file} changed: {changes:?}");
    }
}

#[test]
fn mov_examples_that_break_the_spec_are_rejected_with_path_and_rule() {
    let add_log = read("valawai/docs/mov-payloads/add-log.json");
    assert_eq!(
        error::<mov::AddLogPayload>(&add_log),
        "message: must be at most 1 character long, found 23 (maxLength)"
    );
    let register = read("valawai/docs/mov-payloads/register-component.json");
    assert_eq!(
        error::<mov::RegisterComponentPayload>(&register),
        r#"name: "c0_voice_to_text" does not match the pattern `c[0|1|2]_\\w+` (pattern)"#
    );
    let page = read("valawai/docs/mov-payloads/components-page.json");
    assert_eq!(
        error::<mov::ComponentsPagePayload>(&page),
        r#"total: invalid type: string "5", expected u64"#
    );
}

/// The patches fix the two spec defects, not the example's own mistake.
#[test]
fn mov_patches_accept_what_the_mov_really_sends() {
    let add_log = read("valawai/docs/mov-payloads/add-log.json");
    let changes = round_trip::<mov_patched::AddLogPayload>(&add_log).unwrap();
    assert!(changes.is_empty(), "{changes:?}");
    let decoded: mov_patched::AddLogPayload = payload::from_slice(&add_log).unwrap();
    assert_eq!(decoded.message.as_deref(), Some("The component is active"));
    assert_eq!(decoded.level, Some(mov_patched::AddLogPayloadLevel::Info));

    let register = read("valawai/docs/mov-payloads/register-component.json");
    let changes = round_trip::<mov_patched::RegisterComponentPayload>(&register).unwrap();
    assert!(changes.is_empty(), "{changes:?}");

    let page = read("valawai/docs/mov-payloads/components-page.json");
    assert_eq!(
        error::<mov_patched::ComponentsPagePayload>(&page),
        r#"total: invalid type: string "5", expected u64"#
    );
}

#[test]
fn every_json_example_is_checked() {
    let mut known: Vec<String> = MOV_EXAMPLES
        .iter()
        .map(|(f, _)| (*f).to_owned())
        .chain(
            MOV_BROKEN
                .iter()
                .chain(NOT_PAYLOADS)
                .map(|f| (*f).to_owned()),
        )
        .map(|f| format!("valawai/docs/mov-payloads/{f}"))
        .collect();
    for valuator in VALUATORS {
        for file in ["treatment.json", "change_parameters.json"] {
            known.push(format!("valawai/{valuator}/tests/{file}"));
        }
    }
    let mut found = Vec::new();
    let mut stack = vec![common::fixtures().join("valawai")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path
                .strip_prefix(common::fixtures())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                stack.push(path);
            } else if relative.contains("mov-payloads/") || relative.contains("/tests/") {
                found.push(relative);
            }
        }
    }
    found.sort();
    known.sort();
    assert_eq!(found, known, "payload examples without a test");
}

#[test]
fn valuator_examples_round_trip() {
    type Pair = (Check, Check);
    let types: [Pair; 3] = [
        (
            round_trip::<autonomy::TreatmentPayload>,
            round_trip::<autonomy::ComponentParametersPayload>,
        ),
        (
            round_trip::<beneficence::TreatmentPayload>,
            round_trip::<beneficence::ComponentParametersPayload>,
        ),
        (
            round_trip::<nonmaleficence::TreatmentPayload>,
            round_trip::<nonmaleficence::ComponentParametersPayload>,
        ),
    ];
    for (valuator, (treatment, parameters)) in VALUATORS.iter().zip(types) {
        let bytes = read(&format!("valawai/{valuator}/tests/treatment.json"));
        let changes = treatment(&bytes).unwrap_or_else(|e| panic!("{valuator}: {e}"));
        // The autonomy and beneficence specs spell the property
        // `has_advance_Directives`; the example's `has_advance_directives` is
        // an unknown member, accepted and not kept.
        let expected: Vec<String> = if valuator.contains("nonmaleficence") {
            Vec::new()
        } else {
            vec![
                "before_status.has_advance_directives: dropped".into(),
                "expected_status.has_advance_directives: dropped".into(),
            ]
        };
        assert_eq!(changes, expected, "{valuator}");
        let bytes = read(&format!("valawai/{valuator}/tests/change_parameters.json"));
        let changes = parameters(&bytes).unwrap_or_else(|e| panic!("{valuator}: {e}"));
        assert!(changes.is_empty(), "{valuator}: {changes:?}");
    }
}

#[test]
fn valuator_example_values_land_in_the_right_fields() {
    use autonomy::{
        PatientStatusCriteriaPayloadAgeRange as AgeRange,
        PatientStatusCriteriaPayloadNitLevel as NitLevel, TreatmentPayloadActionsItem as Action,
    };
    let bytes = read("valawai/C2_treatment_autonomy_valuator/tests/treatment.json");
    let treatment: autonomy::TreatmentPayload = payload::from_slice(&bytes).unwrap();
    assert_eq!(treatment.id.as_deref(), Some("treatment_1"));
    assert_eq!(treatment.created_time, Some(1_736_865_373));
    let before = treatment.before_status.unwrap();
    assert_eq!(before.age_range, Some(AgeRange::AgeBetween80And89));
    assert_eq!(before.ccd, Some(false));
    assert_eq!(
        before.independence_instrumental_activities.map(|v| v.get()),
        Some(6)
    );
    assert_eq!(before.nit_level, Some(NitLevel::TwoA));
    assert_eq!(before.has_advance_directives, None);
    let actions: Vec<Action> = treatment.actions.unwrap().into_inner();
    assert_eq!(actions, vec![Action::MediumClinicalTrial]);
}

/// The golden `testNN.component.json` files are what the MOV stores for the
/// matching `testNN.asyncapi.yml`. They are REST-shaped (`apiVersion`, no
/// `id`) and name channels with `name`: with the patches they decode and
/// keep every channel name, every payload schema and the API version.
#[test]
fn golden_component_files_decode_with_the_mov_patches() {
    for n in 1..=5 {
        let file = format!("valawai/MOV/test-resources/api/v1/components/test0{n}.component.json");
        let bytes = read(&file);
        let component: mov_patched::ComponentPayload =
            payload::from_slice(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        let golden = original(&bytes);
        let channels = golden["channels"].as_array().unwrap();
        let decoded = component.channels.as_ref().unwrap();
        assert_eq!(decoded.len(), channels.len(), "{file}");
        for (channel, json) in decoded.iter().zip(channels) {
            assert_eq!(channel.id.as_deref(), json["name"].as_str(), "{file}");
        }
        // What the decoded value writes: the golden file with the channel
        // name under the spec's `id` and the REST-only `apiVersion` under
        // the spec's `api_version`.
        let mut expected = golden.clone();
        let object = expected.as_object_mut().unwrap();
        let api_version = object.remove("apiVersion").unwrap();
        object.insert("api_version".into(), api_version);
        for channel in object["channels"].as_array_mut().unwrap() {
            let channel = channel.as_object_mut().unwrap();
            let name = channel.remove("name").unwrap();
            channel.insert("id".into(), name);
        }
        let written = serde_json::to_value(&component).unwrap();
        let changes = differences(&expected, &written);
        assert!(changes.is_empty(), "{file}: {changes:?}");

        // Without the patch the channel names are lost.
        let unpatched: mov::ComponentPayload = payload::from_slice(&bytes).unwrap();
        assert!(
            unpatched.channels.unwrap().iter().all(|c| c.id.is_none()),
            "{file}"
        );
    }
}

#[test]
fn reference_schemas_accept_identifier_with_the_patch() {
    let bytes = br#"{"type": "REF", "identifier": 3}"#;
    let patched: mov_patched::PayloadSchema = payload::from_slice(bytes).unwrap();
    let mov_patched::PayloadSchema::Ref(reference) = &patched else {
        panic!("not a REF: {patched:?}");
    };
    assert_eq!(reference.value, Some(3));
    assert_eq!(
        serde_json::to_value(&patched).unwrap(),
        json!({"type": "REF", "value": 3})
    );
    let unpatched: mov::PayloadSchema = payload::from_slice(bytes).unwrap();
    assert_eq!(
        unpatched,
        mov::PayloadSchema::Ref(mov::ReferencePayloadSchema { value: None })
    );
}

/// Errors inside the `payload_schema` union keep their full path through
/// every level of the internally tagged enum.
#[test]
fn errors_inside_payload_schemas_keep_their_path() {
    let bytes = read("valawai/docs/mov-payloads/registered-component.json");
    let mut value = original(&bytes);
    value["channels"][1]["publish"]["properties"]["accuracy"]["format"] = json!("DECIMAL");
    assert_eq!(
        payload::from_value::<mov::ComponentPayload>(value)
            .unwrap_err()
            .to_string(),
        "channels[1].publish.properties.accuracy.format: unknown variant `DECIMAL`, \
         expected one of `INTEGER`, `NUMBER`, `BOOLEAN`, `STRING`"
    );

    let mut value = original(&bytes);
    value["channels"][0]["subscribe"]["type"] = json!("TUPLE");
    assert_eq!(
        payload::from_value::<mov::ComponentPayload>(value)
            .unwrap_err()
            .to_string(),
        "channels[0].subscribe.type: unknown variant `TUPLE`, expected one of `BASIC`, `ENUM`, \
         `OBJECT`, `ARRAY`, `CONST`, `REF`, `ONE_OF`, `ANY_OF`, `ALL_OF`"
    );

    let mut value = original(&bytes);
    value["channels"][0]["subscribe"]["properties"]["sample"] = json!({
        "type": "ARRAY",
        "items": [{"type": "OBJECT", "properties": {"x": {"type": "ENUM", "values": [1]}}}]
    });
    let text = serde_json::to_vec(&value).unwrap();
    assert_eq!(
        payload::from_slice::<mov::ComponentPayload>(&text)
            .unwrap_err()
            .to_string(),
        "channels[0].subscribe.properties.sample.items[0].properties.x.values[0]: \
         invalid type: integer `1`, expected a string"
    );

    let mut value = original(&bytes);
    value["channels"][0]["subscribe"] = json!({"properties": {}});
    assert_eq!(
        payload::from_value::<mov::ComponentPayload>(value)
            .unwrap_err()
            .to_string(),
        "channels[0].subscribe: missing field `type`"
    );

    let mut value = original(&bytes);
    value["channels"][0]["subscribe"]["type"] = json!(7);
    assert_eq!(
        payload::from_value::<mov::ComponentPayload>(value)
            .unwrap_err()
            .to_string(),
        "channels[0].subscribe.type: invalid type: integer `7`, expected a string"
    );
}

#[test]
fn malformed_json_is_a_syntax_error() {
    let error = payload::from_slice::<mov::AddLogPayload>(b"{\"level\": \"INFO\",").unwrap_err();
    assert!(error.is_syntax());
    assert_eq!(
        error.to_string(),
        ".: EOF while parsing a value at line 1 column 17"
    );
    let error =
        payload::from_slice::<mov::AddLogPayload>(b"{\"level\": \"INFO\", \"message\": tru}")
            .unwrap_err();
    assert!(error.is_syntax());
    assert_eq!(
        error.to_string(),
        "message: expected ident at line 1 column 33"
    );
    let error = payload::from_slice::<mov::AddLogPayload>(b"{} x").unwrap_err();
    assert_eq!(
        error.to_string(),
        ".: trailing characters at line 1 column 4"
    );
}

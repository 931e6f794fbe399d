//! The MOV's translation of specs, checked against the MOV's own golden pairs
//! (`fixtures/valawai/MOV/test-resources/api/v1/components/testNN.*`).

use std::path::{Path, PathBuf};

use serde_json::Value;
use valawai_codegen::mov::translate_str;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).unwrap()
}

#[test]
fn translations_match_the_movs_golden_files() {
    for n in 1..=5 {
        let base = format!("valawai/MOV/test-resources/api/v1/components/test0{n}");
        let spec = read(&format!("{base}.asyncapi.yml"));
        let golden: Value = serde_json::from_str(&read(&format!("{base}.component.json"))).unwrap();
        let component = translate_str(&spec, &format!("test0{n}.asyncapi.yml")).unwrap();
        assert_eq!(component.channels_json(), golden["channels"], "test0{n}");
        assert_eq!(
            component.description.as_deref(),
            golden["description"].as_str(),
            "test0{n}"
        );
        assert_eq!(
            component.api_version.as_deref(),
            golden["apiVersion"].as_str(),
            "test0{n}"
        );
        assert_eq!(
            component.title.as_deref(),
            golden["name"].as_str(),
            "test0{n}"
        );
    }
}

#[test]
fn the_upstream_echo_data_channels_have_no_payload() {
    let spec = read("valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml");
    let component = translate_str(&spec, "asyncapi.yaml").unwrap();
    assert_eq!(
        component.description.as_deref(),
        Some("This VALAWAI component echo the received messages.\n")
    );
    let names: Vec<&str> = component.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "valawai/c1/echo_example_with_python_and_pika/control/registered",
            "valawai/c1/echo_example_with_python_and_pika/data/received_message",
            "valawai/c1/echo_example_with_python_and_pika/data/publish_message",
        ]
    );
    let registered = component.channels[0].subscribe.as_ref().unwrap();
    let properties: Vec<&String> = registered["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        properties,
        [
            "api_version",
            "channels",
            "description",
            "id",
            "name",
            "since",
            "type",
            "version"
        ]
    );
    // `payload_schema` is reached twice, from `subscribe` and then `publish`
    // of a channel entry (document order): the second time it is a
    // reference to the first, the third object translated.
    let channel = &registered["properties"]["channels"]["items"][0];
    assert_eq!(
        channel.get("id"),
        None,
        "nothing refers to the channel object"
    );
    let subscribe = &channel["properties"]["subscribe"];
    assert_eq!(subscribe["type"], "OBJECT");
    assert_eq!(subscribe["id"], 2);
    assert_eq!(
        subscribe["properties"]["type"]["values"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
    assert_eq!(
        channel["properties"]["publish"],
        serde_json::json!({"type": "REF", "identifier": 2})
    );
    for data in &component.channels[1..] {
        assert_eq!(data.subscribe, None);
        assert_eq!(data.publish, None);
        assert!(data.to_json()["description"].is_string());
    }
}

#[test]
fn every_modern_component_spec_is_accepted_by_the_mov() {
    for spec in [
        "valawai/C0_email_actuator/asyncapi.yaml",
        "valawai/C1_nit_protocol_manager/asyncapi.yaml",
        "valawai/C2_treatment_autonomy_valuator/asyncapi.yaml",
        "valawai/C2_treatment_beneficence_valuator/asyncapi.yaml",
        "valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml",
        "valawai/docs/c0_voice_to_text.asyncapi.yml",
    ] {
        let component = translate_str(&read(spec), spec).unwrap_or_else(|d| panic!("{spec}:\n{d}"));
        assert!(
            component.channels.iter().any(|c| c.subscribe.is_some()),
            "{spec}"
        );
    }
}

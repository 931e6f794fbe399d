//! `valawai mov translate` and `valawai mov run` on bad input.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn valawai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_valawai"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .output()
        .unwrap()
}

/// Every golden pair of the MOV (`testNN.asyncapi.yml` → `testNN.component.json`): the printed
/// channels are the golden ones as the MOV holds and sends them (properties and enum values in
/// Java's sorted order, channels and items in document order), compared as JSON text, so in
/// order.
#[test]
fn translate_prints_what_the_mov_makes_of_a_spec() {
    for n in 1..=11 {
        let base = format!("fixtures/valawai/MOV/test-resources/api/v1/components/test{n:02}");
        let out = valawai(&["mov", "translate", &format!("{base}.asyncapi.yml")]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
        let golden: Value = serde_json::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../{base}.component.json")),
            )
            .unwrap(),
        )
        .unwrap();
        let expected = valawai_codegen::mov::as_the_mov_holds(&golden["channels"]);
        assert_eq!(
            printed["channels"].to_string(),
            expected.to_string(),
            "test{n:02}"
        );
        assert_eq!(printed["api_version"], golden["apiVersion"], "test{n:02}");
    }
    let out = valawai(&["mov", "translate", "examples/echo/asyncapi.yaml"]);
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["name"], "c1_echo_example_with_rust_and_lapin");
    assert_eq!(printed["type"], "C1");
    assert_eq!(printed["version"], "1.0.0");
    assert_eq!(printed["channels"].as_array().unwrap().len(), 3);
    assert_eq!(
        printed["channels"][1]["subscribe"]["properties"]["content"]["format"],
        "STRING"
    );
}

#[test]
fn translate_says_what_is_wrong_with_bad_input() {
    let out = valawai(&["mov", "translate", "no/such/asyncapi.yaml"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read no/such/asyncapi.yaml"),
        "{stderr}"
    );

    let dir = std::env::temp_dir().join(format!("valawai-mov-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("asyncapi.yaml");
    std::fs::write(
        &spec,
        "asyncapi: 2.6.0\ninfo:\n  title: x\n  version: 1.0.0\n",
    )
    .unwrap();
    let out = valawai(&["mov", "translate", spec.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("The MOV would refuse this registration"),
        "{stderr}"
    );
    assert!(
        stderr.contains("asyncapi.yaml:"),
        "the error points into the file: {stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_fails_clearly_without_a_broker() {
    let out = valawai(&["mov", "run", "--url", "amqp://guest:guest@127.0.0.1:1/%2f"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot connect to RabbitMQ at 127.0.0.1:1"),
        "{stderr}"
    );
    assert!(stderr.contains("help: start RabbitMQ"), "{stderr}");
    let out = valawai(&["mov", "run", "--url", "http://x"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad broker URL"));
}

#[test]
fn the_help_says_it_is_a_stand_in() {
    let out = valawai(&["mov", "run", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("stand-in for the real MOV"), "{help}");
    assert!(help.contains("not the real MOV"), "{help}");
}

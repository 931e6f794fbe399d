//! `valawai check`: summaries, diagnostics and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(path)
}

fn valawai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_valawai"))
        .args(args)
        .output()
        .expect("the valawai binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_summarises_a_component() {
    let spec = fixture("valawai/C2_treatment_autonomy_valuator/asyncapi.yaml");
    let out = valawai(&["check", spec.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("component c2_treatment_autonomy_valuator (C2)\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("(AsyncAPI 2.6.0, valawai dialect)"),
        "{stdout}"
    );
    let registered = stdout
        .lines()
        .find(|l| l.contains("/control/registered"))
        .unwrap();
    assert!(
        registered.trim_start().starts_with("receive"),
        "{registered}"
    );
    assert!(
        registered.trim_end().ends_with("ComponentPayload"),
        "{registered}"
    );
    assert!(text(&out.stderr).is_empty());
}

#[test]
fn check_reports_the_dangling_ref_and_fails_unless_lenient() {
    let spec = fixture("valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml");
    let spec = spec.to_str().unwrap();
    let strict = valawai(&["check", spec]);
    assert_eq!(strict.status.code(), Some(1));
    let stderr = text(&strict.stderr);
    assert!(
        stderr
            .contains("error[dangling-ref]: `#/components/messages/echo_message` does not resolve"),
        "{stderr}"
    );
    assert!(stderr.contains("asyncapi.yaml:25:15"), "{stderr}");
    assert!(
        stderr.contains("did you mean `#/components/messages/ech_message`?"),
        "{stderr}"
    );
    assert!(strict.stdout.is_empty());

    let lenient = valawai(&["check", spec, "--lenient"]);
    assert!(lenient.status.success());
    assert!(text(&lenient.stderr).contains("warning[dangling-ref]"));
    let stdout = text(&lenient.stdout);
    let received = stdout
        .lines()
        .find(|l| l.contains("received_message"))
        .unwrap();
    assert!(received.contains("untyped JSON"), "{received}");
}

#[test]
fn check_reads_the_standard_dialect_when_asked() {
    let spec = fixture("valawai/C1_llm_dialogue_manager/asyncapi.yaml");
    let spec = spec.to_str().unwrap();
    let valawai_dialect = text(&valawai(&["check", spec]).stdout);
    let standard = text(&valawai(&["check", spec, "--dialect", "standard"]).stdout);
    let line = |out: &str| {
        out.lines()
            .find(|l| l.contains("reflections"))
            .unwrap()
            .trim()
            .to_owned()
    };
    assert!(line(&valawai_dialect).starts_with("send"));
    assert!(line(&standard).starts_with("receive"));

    let bad = valawai(&["check", spec, "--dialect", "other"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("unknown dialect `other`"));
}

#[test]
fn check_fails_clearly_on_a_missing_file() {
    let out = valawai(&["check", "no/such/spec.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot read `no/such/spec.yaml`"),
        "{stderr}"
    );
}

#[test]
fn check_warns_when_the_mov_would_drop_the_registration() {
    // The MOV follows only local references: this component's registration
    // would be dropped without a word, so check says so (and still passes).
    let spec = fixture("loader/refs/root.yaml");
    let out = valawai(&["check", spec.to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning[mov-rejects]: the MOV cannot translate this spec: a schema is read as an object but has no `properties` mapping"),
        "{stderr}"
    );
    assert!(stderr.contains("root.yaml:14:11"), "{stderr}");

    let fine = fixture("valawai/C0_email_actuator/asyncapi.yaml");
    let out = valawai(&["check", fine.to_str().unwrap()]);
    assert!(!text(&out.stderr).contains("mov-rejects"));
}

#[test]
fn check_refuses_legacy_type_names_at_their_line_unless_lenient() {
    let spec = fixture("types/legacy-types.asyncapi.yaml");
    let spec = spec.to_str().unwrap();
    let strict = valawai(&["check", spec]);
    assert_eq!(strict.status.code(), Some(1));
    let stderr = text(&strict.stderr);
    assert!(
        stderr.starts_with("error[legacy-type]: `float` is not a JSON Schema type\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("legacy-types.asyncapi.yaml:44:17"),
        "{stderr}"
    );
    assert!(stderr.contains("pass --lenient"), "{stderr}");
    assert!(strict.stdout.is_empty());

    let lenient = valawai(&["check", spec, "--lenient"]);
    assert!(lenient.status.success(), "{}", text(&lenient.stderr));
    let stderr = text(&lenient.stderr);
    assert_eq!(
        stderr.matches("warning[legacy-type]").count(),
        7,
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning[legacy-type]: `float` is not a JSON Schema type; read as `number` (lenient mode)\n  --> "
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("legacy-types.asyncapi.yaml:44:17"),
        "{stderr}"
    );
    assert!(text(&lenient.stdout).contains("AlignmentPayload"));
}

#[test]
fn refs_outside_the_spec_directory_need_ref_root() {
    let dir = std::env::temp_dir().join(format!("valawai-check-ref-root-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::write(
        dir.join("common.yaml"),
        "components:\n  schemas:\n    reading:\n      type: object\n      properties:\n        value: {type: number}\n",
    )
    .unwrap();
    let spec = dir.join("spec/asyncapi.yaml");
    std::fs::write(
        &spec,
        "asyncapi: '2.6.0'\ninfo: {title: T, version: '1.0.0'}\nchannels:\n  valawai/c0/t/data/reading:\n    subscribe:\n      message:\n        payload:\n          $ref: '../common.yaml#/components/schemas/reading'\n",
    )
    .unwrap();
    let spec = spec.to_str().unwrap();
    let out = valawai(&["check", spec]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[ref-outside-root]"), "{stderr}");
    assert!(stderr.contains("asyncapi.yaml:8:17"), "{stderr}");
    let root = dir.to_str().unwrap();
    let out = valawai(&["check", "--ref-root", root, spec]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = valawai(&["generate", "--ref-root", root, spec]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

//! `valawai new`: the scaffold builds and its tests pass with no edits;
//! bad names, existing directories and bad specs fail clearly.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{echo, fixture, text, unique, valawai};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .unwrap()
}

/// A fresh directory under the workspace's target directory.
fn temp_dir() -> PathBuf {
    let dir = repo().join("target/tmp").join(unique("new"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_scaffold_builds_and_its_tests_pass() {
    let dir = temp_dir();
    let repo = repo();
    let out = valawai(
        &[
            "new",
            "c1_scaffold_check",
            "--dir",
            dir.to_str().unwrap(),
            "--valawai-path",
            repo.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let root = dir.join("c1_scaffold_check");
    for file in [
        "Cargo.toml",
        "build.rs",
        "asyncapi.yaml",
        "src/main.rs",
        "Dockerfile",
        "docker-compose.yml",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
    ] {
        assert!(root.join(file).exists(), "{file}");
    }
    let main = std::fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert!(
        main.contains("#[receive(\"valawai/c1/scaffold_check/data/input\")]"),
        "{main}"
    );
    let license = std::fs::read_to_string(root.join("LICENSE")).unwrap();
    assert!(license.contains("GNU GENERAL PUBLIC LICENSE"));
    assert!(
        main.contains("async fn input_refuses_what_is_not_its_payload()"),
        "{main}"
    );
    cargo_test(&root, 2);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let fmt = Command::new(&cargo)
        .args(["fmt", "--check"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(fmt.status.success(), "{}", text(&fmt.stdout));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Builds a scaffold and runs its tests, with the workspace's target
/// directory so that the dependencies are built once.
fn cargo_test(root: &Path, passed: usize) {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| repo().join("target"), PathBuf::from);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let test = Command::new(&cargo)
        .args(["test", "--offline", "--quiet"])
        .current_dir(root)
        // The scaffold's tests need no broker: none answers here.
        .env("AMQP_ADDR", "amqp://127.0.0.1:1")
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    assert!(
        test.status.success(),
        "{}\n{}",
        text(&test.stdout),
        text(&test.stderr)
    );
    // The identity test, and one in-memory test per receive handler.
    assert!(
        text(&test.stdout).contains(&format!("{passed} passed")),
        "{}",
        text(&test.stdout)
    );
}

#[test]
fn a_scaffold_from_a_real_spec_builds_too() {
    let dir = temp_dir();
    let repo = repo();
    let spec = fixture("valawai/C2_treatment_autonomy_valuator/asyncapi.yaml");
    let out = valawai(
        &[
            "new",
            "c2_treatment_autonomy_valuator",
            "--dir",
            dir.to_str().unwrap(),
            "--spec",
            &spec,
            "--valawai-path",
            repo.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let root = dir.join("c2_treatment_autonomy_valuator");
    let main = std::fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert_eq!(main.matches("#[receive(").count(), 2, "{main}");
    assert_eq!(
        main.matches("valawai::testing::Harness::start(").count(),
        2,
        "{main}"
    );
    cargo_test(&root, 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_spec_gives_one_stub_per_receive_channel() {
    let dir = temp_dir();
    let out = valawai(
        &[
            "new",
            "c1_echo_again",
            "--dir",
            dir.to_str().unwrap(),
            "--spec",
            &echo(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let root = dir.join("c1_echo_again");
    let main = std::fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert_eq!(main.matches("#[receive(").count(), 1, "{main}");
    assert!(main.contains("async fn received_message("), "{main}");
    assert!(main.contains("echo_again::EchoPayload"), "{main}");
    assert!(
        main.contains("\"c1_echo_example_with_python_and_pika\""),
        "{main}"
    );
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(
        cargo.contains("valawai = { version = \"0.1\", features = [\"http\"] }"),
        "{cargo}"
    );
    let docker = std::fs::read_to_string(root.join("Dockerfile")).unwrap();
    assert!(
        docker.contains("VALAWAI_HTTP_ADDR=0.0.0.0:9464"),
        "{docker}"
    );
    assert!(
        docker.contains("HEALTHCHECK") && docker.contains("http://127.0.0.1:9464/readyz"),
        "{docker}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("asyncapi.yaml")).unwrap(),
        std::fs::read_to_string(echo()).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_names_are_refused() {
    let dir = temp_dir();
    for name in ["my_component", "c3_x", "c1_", "C1_x", "c1-x", "c1_a-b"] {
        let out = valawai(&["new", name, "--dir", dir.to_str().unwrap()], "");
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("is not a VALAWAI component name"),
            "{name}: {stderr}"
        );
        assert!(stderr.contains("c1_my_component"), "{stderr}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_existing_directory_is_not_overwritten() {
    let dir = temp_dir();
    std::fs::create_dir(dir.join("c1_taken")).unwrap();
    let out = valawai(&["new", "c1_taken", "--dir", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read_dir(dir.join("c1_taken")).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_specs_are_reported() {
    let dir = temp_dir();
    let d = dir.to_str().unwrap();
    let out = valawai(&["new", "c1_a", "--dir", d, "--spec", "/no/such.yaml"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read the spec `/no/such.yaml`"));
    let nameless = fixture("types/constraints.asyncapi.yaml");
    let out = valawai(&["new", "c1_b", "--dir", d, "--spec", &nameless], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the spec names no component"));
    assert!(!dir.join("c1_b").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

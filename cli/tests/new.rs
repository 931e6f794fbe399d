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

/// Without `--valawai-path` or `--valawai-version`, a `valawai` built from a checkout
/// depends on that checkout, by path (`cargo install --path cli` records it), so the scaffold
/// builds on this machine.
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
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("valawai: the checkout {}", repo.display())),
        "{}",
        text(&out.stdout)
    );
    let root = dir.join("c2_treatment_autonomy_valuator");
    let main = std::fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert_eq!(main.matches("#[receive(").count(), 2, "{main}");
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    // The spec's info.version, which the component registers with.
    assert!(cargo.contains("\nversion = \"1.0.0\"\n"), "{cargo}");
    let runtime = repo.join("runtime").display().to_string();
    assert!(
        cargo.contains(&format!(
            "valawai = {{ path = {runtime:?}, features = [\"http\"] }}"
        )),
        "{cargo}"
    );
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).unwrap();
    assert!(changelog.contains("## [1.0.0]"), "{changelog}");
    check_readme(
        &root,
        &spec,
        "valawai/c2/treatment_autonomy_valuator/data/treatment",
    );
    assert_eq!(
        main.matches("valawai::testing::Harness::start(").count(),
        2,
        "{main}"
    );
    cargo_test(&root, 3);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The README runs against the local broker of valawai-rs's README (guest on 127.0.0.1), and
/// its "Try it" publishes a payload that fits a channel the component receives on.
fn check_readme(root: &Path, spec: &str, channel: &str) {
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("```sh\nvalawai mov run\n```"), "{readme}");
    assert!(
        readme.contains(
            "```sh\nRABBITMQ_HOST=127.0.0.1 RABBITMQ_USERNAME=guest RABBITMQ_PASSWORD=guest \
             cargo run\n```"
        ),
        "{readme}"
    );
    assert!(!readme.contains("<channel>"), "{readme}");
    assert!(!readme.contains("does not fit the schema yet"), "{readme}");
    let publish = format!("valawai publish asyncapi.yaml {channel} message.json");
    assert!(readme.contains(&publish), "{readme}");
    let (_, rest) = readme.split_once("cat > message.json <<'EOF'\n").unwrap();
    let (payload, _) = rest.split_once("\nEOF\n").unwrap();
    let file = root.join("message.json");
    std::fs::write(&file, payload).unwrap();
    let out = valawai(&["validate", spec, channel, file.to_str().unwrap()], "");
    assert!(
        out.status.success(),
        "{payload}\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    std::fs::remove_file(&file).unwrap();
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
            "--valawai-version",
            "0.1.0",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("valawai: version 0.1.0 from crates.io"));
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
        cargo.contains("valawai = { version = \"0.1.0\", features = [\"http\"] }"),
        "{cargo}"
    );
    assert!(cargo.contains("valawai-codegen = \"0.1.0\""), "{cargo}");
    assert!(!root.join("Cargo.lock").exists());
    check_readme(
        &root,
        &echo(),
        "valawai/c1/echo_example_with_python_and_pika/data/received_message",
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
fn a_path_that_is_not_a_checkout_is_refused() {
    let dir = temp_dir();
    let d = dir.to_str().unwrap();
    let out = valawai(&["new", "c1_a", "--dir", d, "--valawai-path", d], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is not a valawai-rs checkout"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.join("c1_a").exists());
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

//! The build-script path end to end, as a component crate uses it: a crate with `asyncapi.yaml`
//! (whose payload schema is in another file, `schemas/echo.yaml`), a `build.rs` that calls
//! `valawai_codegen::Builder`, and a `main.rs` with `valawai::include_component!()` and
//! `#[valawai::handlers]`, built with `cargo build` in a temporary directory (the workspace's
//! target directory, so dependencies are built once).
//!
//! It checks that the build script
//! - runs again when the spec or the file it refers to changes, and regenerates the code;
//! - does not run, and nothing recompiles, when nothing it read changed (another file of the
//!   package did);
//! - fails the build with the spec's diagnostic, rustc-like, when the spec is broken;
//!
//! and that a package version the MOV would refuse fails the build with a message naming it.
//! The build script counts its runs in `build-runs.txt`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CARGO_TOML: &str = r#"[package]
name = "echo-build-check"
version = "1.0.0"
edition = "2024"
publish = false

[dependencies]
valawai = { path = "@ROOT@/runtime" }

[build-dependencies]
valawai-codegen = { path = "@ROOT@/codegen" }

# As in the workspace, so the dependencies built for it are reused.
[profile.dev.package."*"]
debug = false

[workspace]
"#;

const BUILD_RS: &str = r#"fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("build-runs.txt");
    let count = std::fs::read_to_string(&runs).unwrap_or_default();
    std::fs::write(&runs, format!("{count}x"))?;
    valawai_codegen::Builder::new().spec("asyncapi.yaml").compile()?;
    Ok(())
}
"#;

const MAIN_RS: &str = r#"valawai::include_component!(mod echo);

use echo::{Context, EchoPayload};
use valawai::HandlerResult;

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive("valawai/c1/echo_build_check/data/received_message")]
    async fn echo(&self, message: EchoPayload, ctx: Context) -> HandlerResult {
        ctx.publisher().publish_message(&message).await?;
        Ok(())
    }
}

fn main() {
    let component = echo::component(Echo);
    println!("{} {}", component.info().unwrap().name, component.info().unwrap().version);
}
"#;

const SPEC: &str = r#"asyncapi: '2.6.0'
info:
  title: Build check
  version: '1.0.0'
  description: First description.
channels:
  valawai/c1/echo_build_check/control/registered:
    subscribe:
      message:
        payload:
          type: object
          properties:
            id:
              type: string
  valawai/c1/echo_build_check/data/received_message:
    subscribe:
      message:
        $ref: '#/components/messages/echo_message'
  valawai/c1/echo_build_check/data/publish_message:
    publish:
      message:
        $ref: '#/components/messages/echo_message'
components:
  messages:
    echo_message:
      payload:
        $ref: '#/components/schemas/echo_payload'
  schemas:
    echo_payload:
      $ref: 'schemas/echo.yaml#/echo_payload'
"#;

const SCHEMA: &str = r#"echo_payload:
  type: object
  properties:
    content:
      type: string
"#;

struct Crate {
    dir: PathBuf,
    target: PathBuf,
}

impl Crate {
    fn new() -> Crate {
        let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let dir = tmp.join("build-script-check");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::create_dir_all(dir.join("schemas")).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .canonicalize()
            .unwrap();
        let root_text = root.to_str().unwrap().replace('\\', "/");
        let krate = Crate {
            dir,
            target: tmp.parent().unwrap().to_path_buf(),
        };
        krate.write("Cargo.toml", &CARGO_TOML.replace("@ROOT@", &root_text));
        krate.write("build.rs", BUILD_RS);
        krate.write("src/main.rs", MAIN_RS);
        krate.write("asyncapi.yaml", SPEC);
        krate.write("schemas/echo.yaml", SCHEMA);
        krate.write("README.md", "A crate for the build-script test.\n");
        fs::copy(root.join("Cargo.lock"), krate.dir.join("Cargo.lock")).unwrap();
        krate
    }

    fn write(&self, path: &str, text: &str) {
        fs::write(self.dir.join(path), text).unwrap();
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.dir.join(path)).unwrap();
        assert!(text.contains(from), "{path} has no `{from}`");
        self.write(path, &text.replacen(from, to, 1));
    }

    fn build(&self) -> Output {
        Command::new(env!("CARGO"))
            .args(["build", "--offline", "--color", "never"])
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &self.target)
            .output()
            .unwrap()
    }

    fn build_ok(&self) -> String {
        let output = self.build();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "the build failed:\n{stderr}");
        stderr
    }

    fn build_err(&self) -> String {
        let output = self.build();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!output.status.success(), "the build succeeded:\n{stderr}");
        stderr
    }

    fn runs(&self) -> usize {
        fs::read_to_string(self.dir.join("build-runs.txt"))
            .unwrap_or_default()
            .len()
    }

    /// The newest generated module (each build-script run of a changed
    /// build script gets its own `out` directory).
    fn generated(&self) -> String {
        let build = self.target.join("debug/build");
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&build)
            .unwrap()
            .filter_map(|e| {
                let dir = e.unwrap().path();
                let name = dir.file_name()?.to_str()?.to_owned();
                let file = dir.join("out/valawai/component.rs");
                (name.starts_with("echo-build-check-") && file.exists()).then(|| {
                    let modified = fs::metadata(&file).unwrap().modified().unwrap();
                    (modified, file)
                })
            })
            .collect();
        found.sort();
        let (_, newest) = found.pop().expect("no generated module");
        fs::read_to_string(newest).unwrap()
    }

    /// The `cargo:` lines the build script printed last.
    fn build_output(&self) -> String {
        let build = self.target.join("debug/build");
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&build)
            .unwrap()
            .filter_map(|e| {
                let dir = e.unwrap().path();
                let name = dir.file_name()?.to_str()?.to_owned();
                let file = dir.join("output");
                (name.starts_with("echo-build-check-") && file.exists()).then(|| {
                    let modified = fs::metadata(&file).unwrap().modified().unwrap();
                    (modified, file)
                })
            })
            .collect();
        found.sort();
        fs::read_to_string(&found.pop().expect("no build script output").1).unwrap()
    }
}

#[test]
fn the_build_script_regenerates_exactly_when_a_file_it_read_changes() {
    let krate = Crate::new();

    let first = krate.build_ok();
    assert_eq!(krate.runs(), 1, "{first}");
    let output = krate.build_output();
    for file in ["asyncapi.yaml", "schemas/echo.yaml"] {
        assert!(
            output
                .lines()
                .any(|l| l.starts_with("cargo:rerun-if-changed=") && l.ends_with(file)),
            "no rerun-if-changed for {file}:\n{output}"
        );
    }
    assert!(!first.contains("warning"), "{first}");
    let code = krate.generated();
    assert!(code.contains("pub struct EchoPayload"), "{code}");
    assert!(code.contains("First description."));

    // Nothing changed: the build script does not run and nothing compiles.
    let again = krate.build_ok();
    assert_eq!(krate.runs(), 1, "the build script ran again:\n{again}");
    assert!(!again.contains("Compiling"), "{again}");

    // A file the build script did not read changed: still nothing.
    krate.edit("README.md", "A crate", "The crate");
    let unrelated = krate.build_ok();
    assert_eq!(krate.runs(), 1, "an unrelated file reran it:\n{unrelated}");

    // The referenced schema changed: regenerated and recompiled.
    krate.edit(
        "schemas/echo.yaml",
        "    content:\n",
        "    lang:\n      type: string\n    content:\n",
    );
    let schema = krate.build_ok();
    assert_eq!(krate.runs(), 2, "{schema}");
    assert!(krate.generated().contains("pub lang: Option<String>"));
    assert!(schema.contains("Compiling echo-build-check"), "{schema}");

    // The spec changed, with a channel the generator warns about: the warning shows.
    krate.edit("asyncapi.yaml", "First description.", "Second description.");
    krate.edit(
        "asyncapi.yaml",
        "components:\n",
        "  valawai/c1/echo_build_check/data/{room}:\n    parameters:\n      room:\n        \
         schema:\n          type: string\n    subscribe:\n      message:\n        \
         $ref: '#/components/messages/echo_message'\ncomponents:\n",
    );
    let warned = krate.build_ok();
    assert_eq!(krate.runs(), 3);
    assert!(krate.generated().contains("Second description."));
    assert!(
        warned.contains("warning[parameterised-receive]: the component receives on"),
        "{warned}"
    );

    // A broken spec fails the build with the diagnostic, file:line:column.
    krate.edit(
        "asyncapi.yaml",
        "'#/components/messages/echo_message'\n  valawai/c1/echo_build_check/data/publish",
        "'#/components/messages/echo_mesage'\n  valawai/c1/echo_build_check/data/publish",
    );
    let broken = krate.build_err();
    assert!(
        broken
            .contains("error[dangling-ref]: `#/components/messages/echo_mesage` does not resolve"),
        "{broken}"
    );
    assert!(broken.contains("asyncapi.yaml:18:15"), "{broken}");
    assert!(
        broken.contains("did you mean `#/components/messages/echo_message`?"),
        "{broken}"
    );
    krate.edit("asyncapi.yaml", "echo_mesage", "echo_message");
    krate.build_ok();

    // A version the MOV refuses fails the build, naming the version.
    krate.edit(
        "Cargo.toml",
        "version = \"1.0.0\"",
        "version = \"1.0.0-beta.1\"",
    );
    let version = krate.build_err();
    assert!(
        version.contains("the package version `1.0.0-beta.1` cannot be registered"),
        "{version}"
    );
    krate.edit(
        "Cargo.toml",
        "version = \"1.0.0-beta.1\"",
        "version = \"1.0.1\"",
    );
    krate.build_ok();
    let run = Command::new(krate.target.join("debug/echo-build-check"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&run.stdout).trim(),
        "c1_echo_build_check 1.0.1"
    );
}

//! Compile tests for the macros, with trybuild.
//!
//! - `ui/pass/`: the build-script path. `ui` runs `valawai_codegen::Builder` as a build script
//!   would (the corrected echo spec as `component`, the upstream echo leniently as
//!   `upstream_echo`, the MOV's spec as `mov`) into a directory that the cases see as `OUT_DIR`,
//!   so `valawai::include_component!` finds the files exactly as in a component crate.
//! - `ui/macro/`: the macro path, `valawai::generate!`, on the same specs. trybuild compiles the
//!   cases in a crate of its own under `target/`, where a path relative to the package would
//!   not find the fixtures, so the cases are templates whose `@FIXTURES@` becomes the absolute
//!   path of `fixtures/`.
//! - `ui/fail/`: what the macros refuse, with the errors pinned in `.stderr` files (update them
//!   with `TRYBUILD=overwrite cargo test -p valawai-macros --test ui`).
//!
//! trybuild runs cargo, which passes `OUT_DIR` on to rustc for a crate without a build script;
//! setting it in this process would need `unsafe`, so `ui` prepares the files, then runs itself
//! again in a child process with `OUT_DIR` (and `VALAWAI_UI_CASES`, the macro cases) in its
//! environment, where it runs trybuild.

use std::path::{Path, PathBuf};
use std::process::Command;

use valawai_codegen::Builder;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .canonicalize()
        .unwrap()
}

#[test]
fn ui() {
    if let Ok(cases) = std::env::var("VALAWAI_UI_CASES") {
        let t = trybuild::TestCases::new();
        t.pass("tests/ui/pass/*.rs");
        t.pass(format!("{cases}/*.rs"));
        t.compile_fail("tests/ui/fail/*.rs");
        return;
    }
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ui");
    let out = tmp.join("out");
    let build = |spec: &str, module: &str, lenient: bool| {
        let types = if module == "mov" {
            valawai_codegen::mov::type_options()
        } else {
            valawai_codegen::TypeOptions::new()
        };
        Builder::new()
            .spec(fixtures().join(spec))
            .lenient(lenient)
            .type_options(types)
            .module(module)
            .out_dir(&out)
            .cargo_output(false)
            .compile()
            .unwrap_or_else(|e| panic!("{spec}:\n{e}"));
    };
    build("component/echo/asyncapi.yaml", "component", false);
    build(
        "valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
        "upstream_echo",
        true,
    );
    build("valawai/MOV/asyncapi.yaml", "mov", false);

    let cases = tmp.join("macro");
    std::fs::create_dir_all(&cases).unwrap();
    let fixtures = fixtures().to_str().unwrap().replace('\\', "/");
    let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/macro");
    for entry in std::fs::read_dir(templates).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            cases.join(path.file_name().unwrap()),
            text.replace("@FIXTURES@", &fixtures),
        )
        .unwrap();
    }

    let status = Command::new(std::env::current_exe().unwrap())
        .args(["ui", "--exact", "--nocapture"])
        .env("OUT_DIR", &out)
        .env("VALAWAI_UI_CASES", &cases)
        .status()
        .unwrap();
    assert!(status.success(), "the trybuild cases failed (output above)");
}

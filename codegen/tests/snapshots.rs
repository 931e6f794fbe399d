//! The generated source of every spec in `fixtures/` is committed under
//! `tests/snapshots/` and compared here (regenerate with
//! `EXPECTORATE=overwrite cargo test -p valawai-codegen --test snapshots`);
//! every snapshot is compiled under `#![deny(warnings, missing_docs)]` by the
//! trybuild cases in `tests/compile/`.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use valawai_codegen::{LoadOptions, load_path};

#[test]
fn generated_source_matches_the_snapshots() {
    for case in common::CASES {
        let source = common::generate(case);
        expectorate::assert_contents(format!("tests/snapshots/{}.rs", case.name), &source);
    }
}

#[test]
fn generation_is_deterministic() {
    for case in common::CASES
        .iter()
        .filter(|c| ["mov", "hostile"].contains(&c.name))
    {
        let first = common::generate(case);
        for _ in 0..3 {
            assert_eq!(
                common::generate(case),
                first,
                "{} changed between runs",
                case.name
            );
        }
    }
}

/// Every file under `fixtures/` that the loader accepts (strictly or
/// leniently) has a snapshot, so a new fixture cannot go untested.
#[test]
fn every_loadable_fixture_has_a_snapshot() {
    let covered: BTreeSet<&str> = common::CASES.iter().map(|c| c.spec).collect();
    let mut missing = Vec::new();
    let mut stack = vec![common::fixtures()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".tyml")) {
                continue;
            }
            let loads = [false, true]
                .iter()
                .any(|&lenient| load_path(&path, &LoadOptions::default().lenient(lenient)).is_ok());
            let relative = path
                .strip_prefix(common::fixtures())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if loads && !covered.contains(relative.as_str()) {
                missing.push(relative);
            }
        }
    }
    assert!(missing.is_empty(), "specs without a snapshot: {missing:?}");
}

/// Each snapshot is included by exactly one trybuild case, and every file in
/// `tests/snapshots/` is a current snapshot.
#[test]
fn every_snapshot_is_compiled_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut includes = Vec::new();
    for entry in fs::read_dir(dir.join("compile")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for piece in text.split("include!(\"../snapshots/").skip(1) {
            includes.push(piece.split(".rs\")").next().unwrap().to_owned());
        }
    }
    includes.sort();
    let mut names: Vec<String> = common::CASES.iter().map(|c| c.name.to_owned()).collect();
    names.sort();
    assert_eq!(includes, names, "trybuild cases and snapshots differ");
    let mut files: Vec<String> = fs::read_dir(dir.join("snapshots"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    files.sort();
    assert_eq!(files, names, "stale or missing snapshot files");
}

#[test]
fn snapshots_compile_without_warnings() {
    trybuild::TestCases::new().pass("tests/compile/*.rs");
}

/// Runs clippy with `-D warnings` on the trybuild cases, as a component's CI
/// would on its generated code. Slow (it builds the runtime once more), so
/// opt in: `cargo test -p valawai-codegen --test snapshots -- --ignored`.
#[test]
#[ignore = "runs cargo clippy on every snapshot (slow); run with --ignored"]
fn snapshots_pass_clippy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("clippy-snapshots");
    fs::create_dir_all(&dir).unwrap();
    let runtime = root.join("../runtime").canonicalize().unwrap();
    let mut manifest = format!(
        "[package]\nname = \"clippy-snapshots\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\nvalawai = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.display().to_string()
    );
    for entry in fs::read_dir(root.join("tests/compile")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        manifest.push_str(&format!(
            "\n[[bin]]\nname = {name:?}\npath = {:?}\n",
            path.display().to_string()
        ));
    }
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::copy(root.join("../Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["clippy", "--offline", "--bins", "--", "-D", "warnings"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "clippy found problems in the generated code:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

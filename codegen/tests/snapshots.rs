//! The generated module of every spec in `fixtures/` is committed under
//! `tests/snapshots/` and compared here (regenerate with
//! `EXPECTORATE=overwrite cargo test -p valawai-codegen --test snapshots`).
//! Every snapshot is compiled by the workspace member `tests/generated`
//! (progenitor's standalone output crate) under `#![deny(warnings,
//! missing_docs)]`, so `cargo test --workspace` compiles the generated code
//! and `cargo clippy --workspace --all-targets -- -D warnings` lints it.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

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

/// Each snapshot is included exactly once by `tests/generated/src/lib.rs`,
/// and every file in `tests/snapshots/` is a current snapshot.
#[test]
fn every_snapshot_is_compiled_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let text = fs::read_to_string(dir.join("generated/src/lib.rs")).unwrap();
    let mut includes: Vec<String> = text
        .split("include!(\"../codegen/tests/snapshots/")
        .skip(1)
        .map(|piece| piece.split(".rs\")").next().unwrap().to_owned())
        .collect();
    includes.sort();
    let mut names: Vec<String> = common::CASES.iter().map(|c| c.name.to_owned()).collect();
    names.sort();
    assert_eq!(includes, names, "tests/generated and the snapshots differ");
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

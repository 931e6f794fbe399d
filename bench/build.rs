//! Records the lapin and rustc versions so benchmark reports can state them.

use std::{env, fs, path::Path, process::Command};

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let lock = Path::new(&manifest_dir).join("../Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let lapin = fs::read_to_string(&lock)
        .ok()
        .and_then(|text| package_version(&text, "lapin"))
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=VALAWAI_BENCH_LAPIN_VERSION={lapin}");

    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=VALAWAI_BENCH_RUSTC_VERSION={version}");
}

/// The version of `name` in a `Cargo.lock`, if it is there once.
fn package_version(lock: &str, name: &str) -> Option<String> {
    let needle = format!("name = \"{name}\"\nversion = \"");
    let start = lock.find(&needle)? + needle.len();
    let end = lock[start..].find('"')? + start;
    Some(lock[start..end].to_owned())
}

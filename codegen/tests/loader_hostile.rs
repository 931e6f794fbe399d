//! Hostile specs: `$ref`s that try to leave the spec's directory or read special files, files
//! over the size limit, and numbers JSON cannot hold. Every refusal points at the `$ref` or value,
//! and no diagnostic quotes a file that was refused.

use std::path::{Path, PathBuf};

use valawai_codegen::{Diagnostic, Error, Limits, LoadOptions, Spec, load_path};

/// A fresh folder with `spec/` (the spec's directory) and a file beside it, outside.
fn sandbox(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("valawai-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("spec/sub")).unwrap();
    std::fs::write(
        dir.join("outside.yaml"),
        "components:\n  schemas:\n    x:\n      description: OUTSIDE-SECRET-CONTENT\n      type: string\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("spec/inside.yaml"),
        "components:\n  schemas:\n    x:\n      type: string\n",
    )
    .unwrap();
    dir
}

/// A spec whose one payload is `$ref: <reference>`, written as `spec/asyncapi.yaml`.
fn spec_with_ref(dir: &Path, reference: &str) -> PathBuf {
    let text = format!(
        "asyncapi: '2.6.0'\n\
         info: {{title: T, version: '1.0.0'}}\n\
         channels:\n  valawai/c0/t/data/in:\n    subscribe:\n      message:\n        payload:\n          $ref: '{reference}'\n"
    );
    let path = dir.join("spec/asyncapi.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn only_error(result: Result<Spec, Error>) -> (Diagnostic, String) {
    let error = result.expect_err("the document should not load");
    let errors: Vec<Diagnostic> = error.errors().cloned().collect();
    assert_eq!(errors.len(), 1, "expected one error, got:\n{error}");
    (errors[0].clone(), error.to_string())
}

fn line_column(d: &Diagnostic) -> (u32, u32) {
    let l = d.location.as_ref().expect("a location");
    (l.line, l.column)
}

#[test]
fn a_ref_may_not_leave_the_spec_directory_unless_the_root_is_widened() {
    let dir = sandbox("outside");
    let spec = spec_with_ref(&dir, "../outside.yaml#/components/schemas/x");
    let (d, shown) = only_error(load_path(&spec, &LoadOptions::default()));
    assert_eq!(d.code, "ref-outside-root", "{shown}");
    assert_eq!(line_column(&d), (8, 17));
    assert!(!shown.contains("OUTSIDE-SECRET-CONTENT"), "{shown}");
    assert!(shown.contains("--ref-root"), "{shown}");

    // A sneakier path that only passes through the outside: the same refusal.
    let spec = spec_with_ref(&dir, "sub/../../outside.yaml#/components/schemas/x");
    let (d, _) = only_error(load_path(&spec, &LoadOptions::default()));
    assert_eq!(d.code, "ref-outside-root");

    // Inside is fine, and so is outside once the root is widened.
    let spec = spec_with_ref(&dir, "sub/../inside.yaml#/components/schemas/x");
    load_path(&spec, &LoadOptions::default()).unwrap();
    let spec = spec_with_ref(&dir, "../outside.yaml#/components/schemas/x");
    let loaded = load_path(&spec, &LoadOptions::default().ref_root(&dir)).unwrap();
    assert_eq!(loaded.sources.files().count(), 2);
}

#[test]
fn a_symbolic_link_out_of_the_root_is_refused() {
    let dir = sandbox("symlink");
    std::os::unix::fs::symlink(dir.join("outside.yaml"), dir.join("spec/link.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("spec/zero.yaml")).unwrap();
    for link in ["link.yaml", "zero.yaml"] {
        let spec = spec_with_ref(&dir, &format!("{link}#/components/schemas/x"));
        let (d, shown) = only_error(load_path(&spec, &LoadOptions::default()));
        assert_eq!(d.code, "ref-outside-root", "{shown}");
        assert!(!shown.contains("OUTSIDE-SECRET-CONTENT"), "{shown}");
    }
}

#[test]
fn absolute_paths_and_urls_are_refused_before_anything_is_read() {
    let dir = sandbox("absolute");
    let outside = dir.join("outside.yaml");
    let home = std::env::var("HOME").unwrap_or_default();
    let path_var = std::env::var("PATH").unwrap_or_default();
    let cases = [
        ("/dev/zero#/x".to_owned(), "absolute-ref"),
        ("/proc/self/environ".to_owned(), "absolute-ref"),
        ("/etc/passwd#/root".to_owned(), "absolute-ref"),
        (
            format!("{}#/components/schemas/x", outside.display()),
            "absolute-ref",
        ),
        ("file:///etc/passwd".to_owned(), "remote-ref"),
        ("file:/etc/passwd".to_owned(), "remote-ref"),
        (
            "https://example.com/spec.yaml#/components/schemas/x".to_owned(),
            "remote-ref",
        ),
    ];
    for (reference, code) in cases {
        let spec = spec_with_ref(&dir, &reference);
        let started = std::time::Instant::now();
        let (d, shown) = only_error(load_path(&spec, &LoadOptions::default()));
        assert_eq!(d.code, code, "{reference}: {shown}");
        assert_eq!(line_column(&d), (8, 17), "{reference}");
        assert!(!shown.contains("OUTSIDE-SECRET-CONTENT"), "{shown}");
        assert!(!shown.contains("root:x:0:0"), "{shown}");
        assert!(path_var.is_empty() || !shown.contains(&path_var), "{shown}");
        assert!(home.is_empty() || !shown.contains(&format!("HOME={home}")));
        // Nothing was read until memory ran out.
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}

#[test]
fn only_regular_files_within_the_size_limit_are_read() {
    let dir = sandbox("special");
    // A directory is not a spec file.
    let spec = spec_with_ref(&dir, "sub#/components/schemas/x");
    let (d, shown) = only_error(load_path(&spec, &LoadOptions::default()));
    assert_eq!(d.code, "read-file");
    assert!(shown.contains("not a regular file"), "{shown}");

    // A file over the limit is refused at the `$ref`, unread.
    std::fs::write(
        dir.join("spec/big.yaml"),
        format!(
            "components:\n  schemas:\n    x:\n      description: '{}'\n",
            "B".repeat(5000)
        ),
    )
    .unwrap();
    let spec = spec_with_ref(&dir, "big.yaml#/components/schemas/x");
    let small = Limits {
        max_file_bytes: 4096,
        ..Limits::default()
    };
    let (d, shown) = only_error(load_path(&spec, &LoadOptions::default().limits(small)));
    assert_eq!(d.code, "read-file");
    assert_eq!(line_column(&d), (8, 17));
    assert!(shown.contains("more than the limit of 4096"), "{shown}");
    assert!(!shown.contains("BBBB"), "{shown}");

    // The spec itself too.
    let tiny = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let (d, shown) = only_error(load_path(&spec, &LoadOptions::default().limits(tiny)));
    assert_eq!(d.code, "read-file");
    assert!(shown.contains("more than the limit of 100"), "{shown}");
    let (d, _) = only_error(load_path("/dev/zero", &LoadOptions::default()));
    assert_eq!(d.code, "read-file");
}

#[test]
fn the_expanded_size_counts_every_referenced_file() {
    let dir = sandbox("budget");
    std::fs::write(
        dir.join("spec/inside.yaml"),
        format!(
            "components:\n  schemas:\n    x:\n      type: string\n      description: '{}'\n",
            "d".repeat(20_000)
        ),
    )
    .unwrap();
    let spec = spec_with_ref(&dir, "inside.yaml#/components/schemas/x");
    load_path(&spec, &LoadOptions::default()).unwrap();
    let small = Limits {
        max_expanded_bytes: 10_000,
        ..Limits::default()
    };
    let error = load_path(&spec, &LoadOptions::default().limits(small)).unwrap_err();
    let d = error.errors().next().unwrap();
    assert_eq!(d.code, "too-large", "{error}");
    let l = d.location.as_ref().unwrap();
    assert!(l.file.ends_with("inside.yaml"), "{error}");
    assert_eq!(l.line, 5);
}

#[test]
fn non_finite_numbers_in_schema_values_are_errors_where_they_are_written() {
    let cases = [
        ("const: .inf", (9, 18)),
        ("enum: [1, .nan]", (9, 21)),
        ("default: -.inf", (9, 20)),
        ("examples: [[1, .NaN]]", (9, 26)),
        ("minimum: .inf", (9, 20)),
    ];
    for (keyword, at) in cases {
        let text = format!(
            "asyncapi: '2.6.0'\n\
             info: {{title: T, version: '1.0.0'}}\n\
             channels:\n  valawai/c0/t/data/in:\n    subscribe:\n      message:\n        payload:\n          type: number\n          {keyword}\n"
        );
        let (d, shown) = only_error(valawai_codegen::load_str(
            &text,
            "inf.yaml",
            &LoadOptions::default(),
        ));
        assert!(
            d.code == "non-finite-number" || d.code == "wrong-type",
            "{keyword}: {shown}"
        );
        assert!(shown.contains("finite"), "{keyword}: {shown}");
        assert_eq!(line_column(&d), at, "{keyword}: {shown}");
    }
}

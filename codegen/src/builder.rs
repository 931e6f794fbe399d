//! Generation from a build script, in the style of tonic-build:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     valawai_codegen::Builder::new().spec("asyncapi.yaml").compile()?;
//!     Ok(())
//! }
//! ```
//!
//! ```ignore
//! // src/main.rs
//! mod echo {
//!     valawai::include_component!();
//! }
//! ```
//!
//! [`Builder::compile`] loads the spec, generates the component module,
//! writes it formatted to `$OUT_DIR/valawai/<module>.rs` (only when it
//! changed, so nothing recompiles for nothing), prints
//! `cargo:rerun-if-changed` for the spec and every file it refers to, and
//! the spec's warnings as `cargo:warning`. Its error renders like rustc
//! (file, line, column, the line itself, a hint), in `Display` and `Debug`
//! alike, so `fn main() -> Result<(), Box<dyn Error>>` shows it as it is.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Error};
use crate::generate::{GenerateOptions, generate};
use crate::loader::{LoadOptions, load_path};
use crate::model::Dialect;
use crate::types::{TypeOptions, TypePatch};

/// The module name when none is given: `$OUT_DIR/valawai/component.rs`,
/// included by `valawai::include_component!()`.
pub const DEFAULT_MODULE: &str = "component";

/// Generates a component module from a build script.
#[derive(Debug, Clone)]
pub struct Builder {
    spec: Option<PathBuf>,
    load: LoadOptions,
    types: TypeOptions,
    interface: bool,
    out_dir: Option<PathBuf>,
    module: String,
    cargo_output: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            spec: None,
            load: LoadOptions::default(),
            types: TypeOptions::default(),
            interface: true,
            out_dir: None,
            module: DEFAULT_MODULE.to_owned(),
            cargo_output: true,
        }
    }
}

impl Builder {
    /// A builder with the defaults: VALAWAI dialect, strict `$ref`s, no
    /// patches, output to `$OUT_DIR/valawai/component.rs`.
    pub fn new() -> Self {
        Builder::default()
    }

    /// The AsyncAPI document. A relative path is relative to the package
    /// (`CARGO_MANIFEST_DIR`), where `asyncapi.yaml` usually sits next to
    /// `Cargo.toml`.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.spec = Some(path.into());
        self
    }

    /// How to read AsyncAPI 2.x publish/subscribe ([`Dialect::Valawai`] by
    /// default: subscribe = the component receives).
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.load.dialect = dialect;
        self
    }

    /// Read what older VALAWAI specs write, with a `cargo:warning` for each
    /// (see [`LoadOptions::lenient`]): a message `$ref` that does not
    /// resolve becomes an untyped payload (the upstream echo example has
    /// one), and a type name that is not JSON Schema's (`float`, `double`,
    /// `int`, `long`, `str`, `bool`, `String`) is read as the type it means.
    pub fn lenient(mut self, lenient: bool) -> Self {
        self.load.lenient = lenient;
        self
    }

    /// Keeps the members an object does not declare in a flattened
    /// `unknown_fields` map and writes them back (see
    /// [`TypeOptions::keep_unknown_fields`]); for a component that forwards
    /// what it receives. Set it after [`Self::type_options`], which replaces
    /// every type option.
    pub fn keep_unknown_fields(mut self, keep: bool) -> Self {
        self.types = self.types.keep_unknown_fields(keep);
        self
    }

    /// Lets the spec's `$ref`s reach files anywhere below `dir` (relative to the package, like
    /// [`spec`](Self::spec)). By default they may only name files in the spec's directory and
    /// below; absolute paths and URLs are always refused.
    pub fn ref_root(mut self, dir: impl Into<PathBuf>) -> Self {
        self.load.ref_root = Some(dir.into());
        self
    }

    /// Patches the type generated for the schema or type named `name`:
    /// rename it, add derives or attributes, rename or alias its fields.
    pub fn patch(mut self, name: impl Into<String>, patch: TypePatch) -> Self {
        self.types = self.types.patch(name, patch);
        self
    }

    /// Uses the existing Rust type `rust_type` (a path, e.g.
    /// `crate::Level`) wherever the schema or type named `name` is used.
    pub fn replace(mut self, name: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.types = self.types.replace(name, rust_type);
        self
    }

    /// Uses the existing Rust type `rust_path` (e.g. `crate::Level`) for the
    /// schema `schema` and generates nothing for it, as tonic-build's and
    /// prost-build's `extern_path` do; `schema` is its name under
    /// `components/schemas` or its JSON pointer
    /// (`#/components/schemas/level`). See [`TypeOptions::extern_path`].
    /// Set it after [`Self::type_options`], which replaces every type option.
    pub fn extern_path(mut self, schema: impl AsRef<str>, rust_path: impl Into<String>) -> Self {
        self.types = self.types.extern_path(schema, rust_path);
        self
    }

    /// Whether the component's schemas that are the MOV's refer to the
    /// runtime's MOV types (`valawai::mov::protocol`) instead of being
    /// generated again (on by default; see [`TypeOptions::mov_types`]).
    /// Set it after [`Self::type_options`], which replaces every type option.
    pub fn mov_types(mut self, use_them: bool) -> Self {
        self.types = self.types.mov_types(use_them);
        self
    }

    /// Sets all type options at once (replacing patches given before).
    pub fn type_options(mut self, types: TypeOptions) -> Self {
        self.types = types;
        self
    }

    /// Whether to generate the component interface besides the types and
    /// channel addresses (on by default; see
    /// [`GenerateOptions::interface`]).
    pub fn interface(mut self, interface: bool) -> Self {
        self.interface = interface;
        self
    }

    /// The directory to write to; `OUT_DIR` by default. The file is
    /// `<dir>/valawai/<module>.rs`.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The module name, which names the file: `valawai/<module>.rs`,
    /// included with `valawai::include_component!("<module>")`. Letters,
    /// digits, `_` and `-`; `component` by default.
    pub fn module(mut self, name: impl Into<String>) -> Self {
        self.module = name.into();
        self
    }

    /// Whether to print `cargo:` instructions (on by default; off to use
    /// the builder outside a build script).
    pub fn cargo_output(mut self, print: bool) -> Self {
        self.cargo_output = print;
        self
    }

    /// Generates and writes the module; returns the file's path.
    pub fn compile(self) -> Result<PathBuf, Error> {
        let Some(spec_path) = self.spec.clone() else {
            return Err(fail(
                "builder",
                "no spec given",
                "call `.spec(\"asyncapi.yaml\")` before `.compile()`",
            ));
        };
        if self.module.is_empty()
            || !self
                .module
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(fail(
                "builder",
                format!("the module name `{}` cannot name a file", self.module),
                "use letters, digits, `_` and `-`",
            ));
        }
        let out_dir = match self
            .out_dir
            .clone()
            .or_else(|| std::env::var_os("OUT_DIR").map(PathBuf::from))
        {
            Some(dir) => dir,
            None => {
                return Err(fail(
                    "builder",
                    "`OUT_DIR` is not set",
                    "call `compile()` from a build script (build.rs), or set `.out_dir(..)`",
                ));
            }
        };
        let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
        let in_package = |path: PathBuf| match &manifest_dir {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path,
        };
        let spec_path = in_package(spec_path);
        let mut load = self.load.clone();
        load.ref_root = load.ref_root.map(in_package);
        if self.cargo_output {
            // Printed before loading, so that a build that fails on the spec
            // runs again once the spec is fixed.
            println!("cargo:rerun-if-changed={}", spec_path.display());
        }
        let spec = load_path(&spec_path, &load)?;
        let generated = generate(
            &spec,
            &GenerateOptions::new()
                .types(self.types.clone())
                .interface(self.interface),
        )?;
        if self.cargo_output {
            for path in spec.sources.paths() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            for warning in generated.warnings() {
                for line in warning_lines(warning) {
                    println!("cargo:warning={line}");
                }
            }
        }
        let source = generated.to_source()?;
        let root = spec
            .sources
            .paths()
            .next()
            .unwrap_or(&spec_path)
            .display()
            .to_string();
        let text = format!(
            "// @generated by valawai-codegen {} from `{root}`.\n\
             // Do not edit: change the spec, and the build regenerates it.\n\n{source}",
            env!("CARGO_PKG_VERSION")
        );
        let dir = out_dir.join("valawai");
        let file = dir.join(format!("{}.rs", self.module));
        write_if_changed(&dir, &file, &text)?;
        Ok(file)
    }
}

/// A warning as `cargo:warning` lines: cargo shows each on its own line.
fn warning_lines(warning: &Diagnostic) -> Vec<String> {
    let mut text = String::new();
    let _ = write!(text, "{warning}");
    text.lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "|")
        .map(str::to_owned)
        .collect()
}

/// Writes `text` to `file` unless it already holds exactly that, so an
/// unchanged spec does not make rustc recompile the crate.
fn write_if_changed(dir: &Path, file: &Path, text: &str) -> Result<(), Error> {
    if std::fs::read_to_string(file).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(file, text))
        .map_err(|e| {
            fail(
                "write-file",
                format!("cannot write `{}`: {e}", file.display()),
                "check that the output directory is writable",
            )
        })
}

fn fail(code: &'static str, message: impl Into<String>, hint: &str) -> Error {
    Error::new(vec![Diagnostic::error(code, message).hint(hint)])
}

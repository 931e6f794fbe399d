//! `valawai generate`: print or write the component module generated from
//! a spec, for review or for committing.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use valawai_codegen::{Dialect, GenerateOptions, LoadOptions, SpecText, TypeOptions};

/// Arguments of `valawai generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The AsyncAPI document (YAML or JSON).
    spec: PathBuf,
    /// Write the code to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Read what older VALAWAI specs write, with a warning for each: a message
    /// `$ref` that does not resolve (an untyped payload; the upstream echo
    /// example has one) and type names that are not JSON Schema's (`float`,
    /// `double`, `int`, `long`, `str`, `bool`, or a type name in capitals).
    #[arg(long)]
    lenient: bool,
    /// How to read AsyncAPI 2.x publish/subscribe: `valawai` (subscribe = the
    /// component receives) or `standard`.
    #[arg(long, default_value = "valawai")]
    dialect: Dialect,
    /// Let `$ref`s name files anywhere below this directory (by default only
    /// the spec's directory and below).
    #[arg(long, value_name = "DIR")]
    ref_root: Option<PathBuf>,
    /// Generate only the payload types and the channel addresses, not the
    /// handler trait, the publisher, the identity and the wiring.
    #[arg(long)]
    types_only: bool,
    /// Put the spec's text in the code as a string literal. By default the
    /// code includes it with `include_str!`, by a path relative to the output
    /// file (or to the current directory when printing).
    #[arg(long)]
    inline_spec: bool,
    /// Keep the members an object does not declare in a flattened
    /// `unknown_fields` map of each struct, and write them back, for a
    /// component that forwards what it receives.
    #[arg(long)]
    keep_unknown_fields: bool,
    /// Use an existing Rust type for a schema and generate nothing for it, as
    /// prost-build's `extern_path` does: `--extern-path
    /// component_payload=::valawai::mov::protocol::ComponentPayload` (the
    /// schema by its name under `components/schemas` or its JSON pointer).
    /// Repeatable.
    #[arg(long, value_name = "SCHEMA=PATH", value_parser = parse_extern_path)]
    extern_path: Vec<(String, String)>,
    /// Generate the component's copies of the MOV's schemas in the module
    /// instead of referring to the runtime's MOV types
    /// (`valawai::mov::protocol`) for those that are the MOV's.
    #[arg(long)]
    local_mov_types: bool,
}

/// `schema=rust::Path`, for `--extern-path`.
fn parse_extern_path(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((schema, path)) if !schema.trim().is_empty() && !path.trim().is_empty() => {
            Ok((schema.trim().to_owned(), path.trim().to_owned()))
        }
        _ => Err(format!(
            "`{text}` is not `SCHEMA=PATH`, e.g. `component_type=::valawai::ComponentType`"
        )),
    }
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    let options = LoadOptions::default()
        .dialect(args.dialect)
        .lenient(args.lenient);
    let options = match &args.ref_root {
        Some(dir) => options.ref_root(dir),
        None => options,
    };
    let spec = match valawai_codegen::load_path(&args.spec, &options) {
        Ok(spec) => spec,
        Err(error) => {
            let _ = writeln!(stderr, "{error}");
            return ExitCode::FAILURE;
        }
    };
    let text = if args.inline_spec {
        SpecText::Inline
    } else {
        let base = match &args.output {
            Some(file) => file.parent().unwrap_or(Path::new("")).to_path_buf(),
            None => PathBuf::new(),
        };
        match relative_path(&args.spec, &base) {
            Some(path) => SpecText::Include(path),
            None => {
                let _ = writeln!(
                    stderr,
                    "warning: no relative path from the output to `{}`; the spec is inlined",
                    args.spec.display()
                );
                SpecText::Inline
            }
        }
    };
    let mut types = TypeOptions::new()
        .keep_unknown_fields(args.keep_unknown_fields)
        .mov_types(!args.local_mov_types);
    for (schema, path) in &args.extern_path {
        types = types.extern_path(schema, path);
    }
    let options = GenerateOptions::new()
        .spec_text(text)
        .interface(!args.types_only)
        .types(types);
    let generated = match valawai_codegen::generate(&spec, &options) {
        Ok(generated) => generated,
        Err(error) => {
            let _ = writeln!(stderr, "{error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in generated.warnings() {
        let _ = writeln!(stderr, "{warning}");
    }
    let source = match generated.to_source() {
        Ok(source) => source,
        Err(error) => {
            let _ = writeln!(stderr, "{error}");
            return ExitCode::FAILURE;
        }
    };
    let text = format!(
        "// @generated by `valawai generate` from `{}`.\n\n{source}",
        args.spec.display()
    );
    match &args.output {
        Some(file) => {
            if let Err(e) = std::fs::write(file, text) {
                let _ = writeln!(stderr, "error: cannot write `{}`: {e}", file.display());
                return ExitCode::FAILURE;
            }
        }
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    ExitCode::SUCCESS
}

/// The path of `target` relative to the directory `base`, with `/`
/// separators, for `include_str!` in a file in `base`.
fn relative_path(target: &Path, base: &Path) -> Option<String> {
    let absolute = |p: &Path| -> Option<PathBuf> {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        std::fs::canonicalize(p).ok()
    };
    let target = absolute(target)?;
    let base = absolute(base)?;
    let t: Vec<Component> = target.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); b.len() - common];
    for c in &t[common..] {
        parts.push(c.as_os_str().to_str()?.to_owned());
    }
    Some(parts.join("/"))
}

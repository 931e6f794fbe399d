//! `valawai new`: scaffold a component crate from the templates in
//! `templates/new/` (minijinja), with handler stubs generated from the spec.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use heck::ToUpperCamelCase;
use minijinja::{Environment, context};
use valawai_codegen::model::Direction;
use valawai_codegen::{LoadOptions, Spec};

use crate::common::Failure;

/// The templates, embedded in the binary: (output path, template name, text).
const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "Cargo.toml",
        "Cargo.toml.j2",
        include_str!("../../templates/new/Cargo.toml.j2"),
    ),
    (
        "build.rs",
        "build.rs.j2",
        include_str!("../../templates/new/build.rs.j2"),
    ),
    (
        "src/main.rs",
        "main.rs.j2",
        include_str!("../../templates/new/main.rs.j2"),
    ),
    (
        "Dockerfile",
        "Dockerfile.j2",
        include_str!("../../templates/new/Dockerfile.j2"),
    ),
    (
        "docker-compose.yml",
        "docker-compose.yml.j2",
        include_str!("../../templates/new/docker-compose.yml.j2"),
    ),
    (
        "README.md",
        "README.md.j2",
        include_str!("../../templates/new/README.md.j2"),
    ),
    (
        "CHANGELOG.md",
        "CHANGELOG.md.j2",
        include_str!("../../templates/new/CHANGELOG.md.j2"),
    ),
    (
        ".gitignore",
        "gitignore.j2",
        include_str!("../../templates/new/gitignore.j2"),
    ),
];

/// The spec of a new component without `--spec`.
const SPEC_TEMPLATE: &str = include_str!("../../templates/new/asyncapi.yaml.j2");

/// The GNU GPL version 3, VALAWAI's recommended license.
const GPL_3: &str = include_str!("../../templates/new/LICENSE-GPL-3.0");

/// Arguments of `valawai new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The component's name, as the MOV wants it: `c0_`, `c1_` or `c2_`
    /// then letters, digits and underscores (`c1_my_component`). It names
    /// the crate and the directory.
    name: String,
    /// Start from this AsyncAPI document instead of a minimal one.
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// Create the component in this directory.
    #[arg(long, value_name = "DIR", default_value = ".")]
    dir: PathBuf,
    /// Depend on `valawai` and `valawai-codegen` in this valawai-rs checkout
    /// (by path) instead of crates.io.
    #[arg(long, value_name = "PATH")]
    valawai_path: Option<PathBuf>,
    /// The one-line description of the component.
    #[arg(long, default_value = "A VALAWAI component.")]
    description: String,
    /// The license, as an SPDX expression. With a GPL-3.0 license (the
    /// default, as VALAWAI recommends) the LICENSE file is written too.
    #[arg(long, default_value = "GPL-3.0-or-later")]
    license: String,
}

/// Checks a component name: `c[012]_\w+`.
pub fn check_name(name: &str) -> Result<(), Failure> {
    let ok = name.len() > 3
        && name.as_bytes()[0] == b'c'
        && matches!(name.as_bytes()[1], b'0' | b'1' | b'2')
        && name.as_bytes()[2] == b'_'
        && name[3..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        return Ok(());
    }
    Err(Failure::new(format!(
        "`{name}` is not a VALAWAI component name: the MOV wants c0_, c1_ or c2_ (the type) then \
         letters, digits and underscores (c[0|1|2]_\\w+)"
    ))
    .hint("name it like c1_my_component (lower snake case)"))
}

/// Runs the command.
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    check_name(&args.name)?;
    if args.name.bytes().any(|b| b.is_ascii_uppercase()) {
        eprintln!(
            "warning: `{}` has capitals; VALAWAI components are named in lower snake case",
            args.name
        );
    }
    let root = args.dir.join(&args.name);
    if root.exists() {
        return Err(Failure::new(format!("`{}` already exists", root.display()))
            .hint("choose another name or directory, or remove it first"));
    }
    let short_name = &args.name[3..];
    let type_lower = &args.name[..2];
    let spec_text = match &args.spec {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure::new(format!("cannot read the spec `{}`: {e}", path.display()))
                .hint("give the path of an AsyncAPI document, or leave --spec out")
        })?,
        None => {
            let env = Environment::new();
            env.render_str(
                SPEC_TEMPLATE,
                context! {
                    title => &args.name,
                    description => &args.description,
                    type_lower => type_lower,
                    short_name => short_name,
                },
            )
            .map_err(template_error)?
        }
    };
    let spec = valawai_codegen::load_str(&spec_text, "asyncapi.yaml", &LoadOptions::default())
        .map_err(|e| {
            Failure::new(format!("the spec does not load:\n{e}"))
                .hint("fix the spec; `valawai check` lists every problem in it")
        })?;
    let Some(identity) = &spec.identity else {
        return Err(Failure::new(
            "the spec names no component: it has no `valawai/cN/<name>/control/registered` channel",
        )
        .hint("add the registered channel; `valawai new` without --spec shows one"));
    };
    if identity.name != args.name {
        eprintln!(
            "warning: the spec names the component `{}`, the crate is `{}`; the MOV sees `{}`",
            identity.name, args.name, identity.name
        );
    }
    let module = module_name(short_name);
    let type_name = type_name(short_name);
    let handlers = valawai_codegen::scaffold::handler_stubs(&spec, &module, &type_name)
        .map_err(|e| Failure::new(format!("cannot generate the handlers:\n{e}")))?;
    let handler_tests = valawai_codegen::scaffold::handler_tests(&spec, &module, &type_name)
        .map_err(|e| Failure::new(format!("cannot generate the handlers' tests:\n{e}")))?;
    let (valawai_dep, codegen_dep) = match &args.valawai_path {
        Some(path) => {
            let path = std::fs::canonicalize(path).map_err(|e| {
                Failure::new(format!("cannot find `{}`: {e}", path.display()))
                    .hint("give the path of a valawai-rs checkout")
            })?;
            let path_of = |krate: &str| toml_string(&path.join(krate).to_string_lossy());
            (
                format!("{{ path = {}, features = [\"http\"] }}", path_of("runtime")),
                format!("{{ path = {} }}", path_of("codegen")),
            )
        }
        // `http`: /healthz, /readyz and /metrics, which the Dockerfile's HEALTHCHECK uses.
        None => (
            "{ version = \"0.1\", features = [\"http\"] }".to_owned(),
            "\"0.1\"".to_owned(),
        ),
    };
    // The tests serve the component in memory (`valawai::testing`).
    let valawai_dev_dep = valawai_dep.replace("[\"http\"]", "[\"testing\"]");
    let gpl = args.license.starts_with("GPL-3.0");
    let channels = channel_rows(&spec);
    let try_channel = channels
        .iter()
        .find(|c| c.0 == "receive" && c.1 != spec.channel(identity.registered_channel).address)
        .map_or("<channel>".to_owned(), |c| c.1.clone());
    let vars = context! {
        crate_name => &args.name,
        component_name => &identity.name,
        type_upper => identity.component_type.to_string(),
        description => &args.description,
        license => &args.license,
        license_text => if gpl {
            format!("{}; see [LICENSE](LICENSE).", args.license)
        } else {
            args.license.clone()
        },
        valawai_dep => valawai_dep,
        codegen_dep => codegen_dep,
        module => module,
        type_name => type_name,
        handlers => handlers,
        handler_tests => handler_tests,
        valawai_dev_dep => valawai_dev_dep,
        registered_channel => &spec.channel(identity.registered_channel).address,
        channels => channels
            .iter()
            .map(|(d, a)| context! { direction => d, address => a })
            .collect::<Vec<_>>(),
        try_channel => try_channel,
    };
    let mut env = Environment::new();
    for (_, name, text) in TEMPLATES {
        env.add_template(name, text).map_err(template_error)?;
    }
    let mut files: Vec<(String, String)> = Vec::new();
    for (path, name, _) in TEMPLATES {
        let text = env
            .get_template(name)
            .and_then(|t| t.render(&vars))
            .map_err(template_error)?;
        files.push(((*path).to_owned(), ensure_newline(text)));
    }
    files.push(("asyncapi.yaml".to_owned(), spec_text));
    if gpl {
        files.push(("LICENSE".to_owned(), GPL_3.to_owned()));
    }
    for (path, text) in &files {
        write(&root.join(path), text)?;
    }
    // prettyplease formats the stubs; rustfmt, when there is one, makes the
    // whole crate look as `cargo fmt` would.
    let _ = std::process::Command::new("rustfmt")
        .args(["--edition", "2024"])
        .arg(root.join("build.rs"))
        .arg(root.join("src/main.rs"))
        .stderr(std::process::Stdio::null())
        .status();
    // The checkout's lock file pins what the repository is tested with, and
    // lets the new crate build offline.
    if let Some(lock) = args
        .valawai_path
        .as_ref()
        .map(|p| p.join("Cargo.lock"))
        .filter(|p| p.exists())
    {
        std::fs::copy(&lock, root.join("Cargo.lock"))
            .map_err(|e| Failure::new(format!("cannot copy `{}`: {e}", lock.display())))?;
    }
    println!(
        "created {} ({} {}, {} files)",
        root.display(),
        identity.component_type,
        identity.name,
        files.len()
    );
    println!("next: cd {} && cargo test", root.display());
    Ok(ExitCode::SUCCESS)
}

/// `(direction, address)` for each operation, from the component's view.
fn channel_rows(spec: &Spec) -> Vec<(String, String)> {
    spec.operations
        .iter()
        .map(|o| {
            let direction = match o.direction {
                Direction::Receive => "receive",
                Direction::Send => "send",
            };
            (
                direction.to_owned(),
                spec.channel(o.channel).address.clone(),
            )
        })
        .collect()
}

/// The module of the generated code: the name without its type prefix,
/// when that is a plain identifier.
fn module_name(short_name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match",
        "mod", "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "true", "try", "type", "unsafe", "use", "where", "while", "yield", "valawai", "tokio",
        "std", "core", "main", "tests",
    ];
    let plain = short_name
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase())
        && short_name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if plain && !KEYWORDS.contains(&short_name) {
        short_name.to_owned()
    } else {
        "component".to_owned()
    }
}

/// The handler type: the name in upper camel case.
fn type_name(short_name: &str) -> String {
    let name = short_name.to_upper_camel_case();
    match name.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => name,
        _ => format!("Component{name}"),
    }
}

fn toml_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

fn ensure_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    let fail = |e: std::io::Error| {
        Failure::new(format!("cannot write `{}`: {e}", path.display()))
            .hint("check that the directory is writable")
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    std::fs::write(path, text).map_err(fail)
}

fn template_error(e: minijinja::Error) -> Failure {
    Failure::new(format!("a template of `valawai new` failed: {e}"))
        .hint("this is a bug in valawai; please report it")
}

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
        include_str!("../templates/new/Cargo.toml.j2"),
    ),
    (
        "build.rs",
        "build.rs.j2",
        include_str!("../templates/new/build.rs.j2"),
    ),
    (
        "src/main.rs",
        "main.rs.j2",
        include_str!("../templates/new/main.rs.j2"),
    ),
    (
        "Dockerfile",
        "Dockerfile.j2",
        include_str!("../templates/new/Dockerfile.j2"),
    ),
    (
        "docker-compose.yml",
        "docker-compose.yml.j2",
        include_str!("../templates/new/docker-compose.yml.j2"),
    ),
    (
        "README.md",
        "README.md.j2",
        include_str!("../templates/new/README.md.j2"),
    ),
    (
        "CHANGELOG.md",
        "CHANGELOG.md.j2",
        include_str!("../templates/new/CHANGELOG.md.j2"),
    ),
    (
        ".gitignore",
        "gitignore.j2",
        include_str!("../templates/new/gitignore.j2"),
    ),
];

/// The spec of a new component without `--spec`.
const SPEC_TEMPLATE: &str = include_str!("../templates/new/asyncapi.yaml.j2");

/// The GNU GPL version 3, VALAWAI's recommended license.
const GPL_3: &str = include_str!("../templates/new/LICENSE-GPL-3.0");

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
    /// (by path). Without it or `--valawai-version`: the checkout this
    /// `valawai` was built from, when it is still there, else crates.io.
    #[arg(long, value_name = "PATH", conflicts_with = "valawai_version")]
    valawai_path: Option<PathBuf>,
    /// Depend on this version of `valawai` and `valawai-codegen` from
    /// crates.io (default: this `valawai`'s own version, when the checkout it
    /// was built from is gone).
    #[arg(long, value_name = "VERSION")]
    valawai_version: Option<String>,
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
        .map_err(|e| {
            Failure::new(format!(
                "cannot generate the handlers' tests:
{e}"
            ))
        })?;
    let source = dependency_source(args)?;
    let (valawai_dep, codegen_dep) = source.dependencies();
    // The tests serve the component in memory (`valawai::testing`).
    let valawai_dev_dep = valawai_dep.replace("[\"http\"]", "[\"testing\"]");
    let gpl = args.license.starts_with("GPL-3.0");
    let channels = channel_rows(&spec);
    let version = package_version(&spec.info.version);
    let try_it = try_it(&spec, identity.registered_channel);
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
        version => version,
        try_channel => try_it.as_ref().map(|t| t.channel.clone()),
        try_payload => try_it.as_ref().map(|t| t.payload.clone()),
        try_problem => try_it.as_ref().and_then(|t| t.problem.clone()),
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
    if let Source::Path(checkout) = &source {
        let lock = checkout.join("Cargo.lock");
        if lock.exists() {
            std::fs::copy(&lock, root.join("Cargo.lock"))
                .map_err(|e| Failure::new(format!("cannot copy `{}`: {e}", lock.display())))?;
        }
    }
    println!(
        "created {} ({} {}, {} files)",
        root.display(),
        identity.component_type,
        identity.name,
        files.len()
    );
    println!("{}", source.describe());
    println!("next: cd {} && cargo test", root.display());
    Ok(ExitCode::SUCCESS)
}

/// Where the scaffold's `valawai` and `valawai-codegen` come from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A valawai-rs checkout, by path.
    Path(PathBuf),
    /// A version on crates.io.
    Version(String),
}

impl Source {
    /// The TOML of the `valawai` and `valawai-codegen` dependencies.
    fn dependencies(&self) -> (String, String) {
        // `http`: /healthz, /readyz and /metrics, which the Dockerfile's HEALTHCHECK uses.
        match self {
            Source::Path(root) => {
                let path_of = |krate: &str| toml_string(&root.join(krate).to_string_lossy());
                (
                    format!("{{ path = {}, features = [\"http\"] }}", path_of("runtime")),
                    format!("{{ path = {} }}", path_of("codegen")),
                )
            }
            Source::Version(version) => (
                format!(
                    "{{ version = {}, features = [\"http\"] }}",
                    toml_string(version)
                ),
                toml_string(version),
            ),
        }
    }

    fn describe(&self) -> String {
        match self {
            Source::Path(root) => format!("valawai: the checkout {}", root.display()),
            Source::Version(version) => format!("valawai: version {version} from crates.io"),
        }
    }
}

/// The dependency source: `--valawai-path`, `--valawai-version`, else the checkout this binary
/// was built from when it is still there, else this binary's version.
fn dependency_source(args: &Args) -> Result<Source, Failure> {
    if let Some(path) = &args.valawai_path {
        let root = std::fs::canonicalize(path).map_err(|e| {
            Failure::new(format!("cannot find `{}`: {e}", path.display()))
                .hint("give the path of a valawai-rs checkout")
        })?;
        return match checkout_at(&root) {
            Some(root) => Ok(Source::Path(root)),
            None => Err(Failure::new(format!(
                "`{}` is not a valawai-rs checkout: it has no runtime/Cargo.toml of `valawai` \
                 and codegen/Cargo.toml of `valawai-codegen`",
                root.display()
            ))
            .hint("give the root of a valawai-rs checkout, or use --valawai-version")),
        };
    }
    if let Some(version) = &args.valawai_version {
        return Ok(Source::Version(version.clone()));
    }
    Ok(default_source(Path::new(BUILT_IN)))
}

/// The `cli/` folder this binary was built from (`cargo install --path cli` builds it there).
const BUILT_IN: &str = env!("CARGO_MANIFEST_DIR");

/// The checkout that holds the `cli/` folder `built_in`, when it is still there; else this
/// binary's version from crates.io (a binary built from a published package has no checkout
/// around it).
fn default_source(built_in: &Path) -> Source {
    match built_in.parent().and_then(checkout_at) {
        Some(root) => Source::Path(root),
        None => Source::Version(env!("CARGO_PKG_VERSION").to_owned()),
    }
}

/// `root`, canonical, when it holds the `valawai` and `valawai-codegen` packages in
/// `runtime/` and `codegen/`.
fn checkout_at(root: &Path) -> Option<PathBuf> {
    let holds = |folder: &str, package: &str| {
        std::fs::read_to_string(root.join(folder).join("Cargo.toml")).is_ok_and(|text| {
            text.lines()
                .any(|l| l.trim() == format!("name = \"{package}\""))
        })
    };
    (holds("runtime", "valawai") && holds("codegen", "valawai-codegen"))
        .then(|| std::fs::canonicalize(root).ok())
        .flatten()
}

/// The package version: the spec's `info.version` when the MOV accepts it (`major.minor.patch`
/// in digits), else `0.1.0` with a warning.
fn package_version(spec_version: &str) -> String {
    let version = spec_version.trim();
    let parts: Vec<&str> = version.split('.').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return version.to_owned();
    }
    eprintln!(
        "warning: the spec's info.version `{spec_version}` is not major.minor.patch in digits, \
         which the MOV wants; the crate's version is 0.1.0"
    );
    "0.1.0".to_owned()
}

/// What the README's "Try it" publishes.
struct TryIt {
    /// The receive channel.
    channel: String,
    /// The payload, pretty JSON.
    payload: String,
    /// Why the payload does not fit the channel, when it does not.
    problem: Option<String>,
}

/// An example payload for the first channel the component receives on (the registered
/// channel and parameterised channels excepted), from the spec's examples or its schema, and
/// checked as the component will check it.
fn try_it(spec: &Spec, registered: valawai_codegen::model::ChannelId) -> Option<TryIt> {
    let operation = spec.operations.iter().find(|o| {
        o.direction == Direction::Receive
            && o.channel != registered
            && !spec.channel(o.channel).is_parameterised()
    })?;
    let message = *operation.messages.first()?;
    let payload = valawai_cli::example::message_example(spec, message)
        .unwrap_or_else(|| serde_json::json!({}));
    let payload = serde_json::to_string_pretty(&payload).ok()?;
    let problem = valawai_codegen::TypeSpace::new(spec, &valawai_codegen::TypeOptions::default())
        .ok()
        .and_then(|types| {
            valawai_cli::dynamic::Validator::new(&types)
                .validate(message, payload.as_bytes())
                .err()
                .map(|e| e.to_string())
        });
    Some(TryIt {
        channel: spec.channel(operation.channel).address.clone(),
        payload,
        problem,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checkout_it_was_built_from_is_used_while_it_is_there() {
        let checkout = Path::new(BUILT_IN).parent().unwrap();
        assert_eq!(
            default_source(Path::new(BUILT_IN)),
            Source::Path(checkout.canonicalize().unwrap())
        );
        let (valawai, codegen) = default_source(Path::new(BUILT_IN)).dependencies();
        assert!(valawai.contains("runtime\""), "{valawai}");
        assert!(codegen.contains("codegen\""), "{codegen}");
    }

    #[test]
    fn without_the_checkout_it_is_this_version_from_crates_io() {
        let gone = std::env::temp_dir().join(format!("valawai-gone-{}/cli", std::process::id()));
        let source = default_source(&gone);
        assert_eq!(
            source,
            Source::Version(env!("CARGO_PKG_VERSION").to_owned())
        );
        assert_eq!(
            source.dependencies(),
            (
                format!(
                    "{{ version = \"{}\", features = [\"http\"] }}",
                    env!("CARGO_PKG_VERSION")
                ),
                format!("\"{}\"", env!("CARGO_PKG_VERSION"))
            )
        );
        // A folder that is not a checkout any more (runtime/ left, codegen/ gone).
        let half = std::env::temp_dir().join(format!("valawai-half-{}", std::process::id()));
        std::fs::create_dir_all(half.join("runtime")).unwrap();
        std::fs::write(
            half.join("runtime/Cargo.toml"),
            "[package]\nname = \"valawai\"\n",
        )
        .unwrap();
        assert!(checkout_at(&half).is_none());
        std::fs::create_dir_all(half.join("codegen")).unwrap();
        std::fs::write(
            half.join("codegen/Cargo.toml"),
            "[package]\nname = \"valawai-codegen\"\n",
        )
        .unwrap();
        assert_eq!(checkout_at(&half), Some(half.canonicalize().unwrap()));
        std::fs::remove_dir_all(&half).unwrap();
    }

    #[test]
    fn the_version_is_the_spec_s_when_the_mov_accepts_it() {
        assert_eq!(package_version("1.0.0"), "1.0.0");
        assert_eq!(package_version(" 2.10.3 "), "2.10.3");
        assert_eq!(package_version("1.0"), "0.1.0");
        assert_eq!(package_version("1.0.0-beta"), "0.1.0");
    }
}

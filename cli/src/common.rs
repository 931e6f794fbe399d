//! What the subcommands share: loading a spec, reading a payload, and
//! reporting a failure with a hint of what to do next.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use miette::MietteDiagnostic;
use valawai_codegen::{Dialect, LoadOptions, Spec, TypeOptions, TypeSpace};

/// The exit code of a payload that does not fit its schema.
pub const INVALID: u8 = 1;
/// The exit code of everything else that fails: a missing file, a bad spec,
/// an unknown channel, an unreachable broker.
pub const ERROR: u8 = 2;

/// A failure: what went wrong, what to do next, and the exit code.
#[derive(Debug)]
pub struct Failure {
    message: String,
    hint: Option<String>,
    code: u8,
    json: bool,
    printed: bool,
}

impl Failure {
    /// A failure with exit code [`ERROR`].
    pub fn new(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            hint: None,
            code: ERROR,
            json: false,
            printed: false,
        }
    }

    /// Adds what to do next.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the exit code.
    pub fn code(mut self, code: u8) -> Self {
        self.code = code;
        self
    }

    /// Also prints the failure as a JSON object on standard output (for
    /// `--json`), unless the command printed its own result there already.
    pub fn json(mut self, json: bool) -> Self {
        self.json = json && !self.printed;
        self
    }

    /// Marks a failure whose JSON result the command printed itself.
    pub fn printed(mut self) -> Self {
        self.printed = true;
        self.json = false;
        self
    }

    /// Prints the failure on standard error (with colour when it is a
    /// terminal and `NO_COLOR` is not set) and returns the exit code.
    pub fn report(self) -> ExitCode {
        if self.json {
            let object = serde_json::json!({
                "ok": false,
                "error": self.message,
                "hint": self.hint,
                "exit_code": self.code,
            });
            println!("{object}");
        }
        let mut diagnostic = MietteDiagnostic::new(self.message);
        if let Some(hint) = self.hint {
            diagnostic = diagnostic.with_help(hint);
        }
        eprintln!("{:?}", miette::Report::new(diagnostic));
        ExitCode::from(self.code)
    }
}

/// Whether to colour standard output: a terminal, and no `NO_COLOR`.
pub fn colour() -> bool {
    colour_on(&std::io::stdout())
}

/// Whether to colour `stream`: a terminal, and no `NO_COLOR`.
pub fn colour_on(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `text` in green when standard output takes colour.
pub fn green(text: &str) -> String {
    if colour() {
        format!("\x1b[32m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// `text` in yellow when standard error takes colour.
pub fn yellow(text: &str) -> String {
    if colour_on(&std::io::stderr()) {
        format!("\x1b[33m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// The spec arguments every subcommand takes.
#[derive(Debug, clap::Args)]
pub struct SpecArgs {
    /// The AsyncAPI document (YAML or JSON).
    pub spec: PathBuf,
    /// Read what older VALAWAI specs write, with a warning for each: a message
    /// `$ref` that does not resolve (an untyped payload; the upstream echo
    /// example has one) and type names that are not JSON Schema's (`float`,
    /// `double`, `int`, `long`, `str`, `bool`, or a type name in capitals).
    #[arg(long)]
    pub lenient: bool,
    /// How to read AsyncAPI 2.x publish/subscribe: `valawai` (subscribe = the
    /// component receives) or `standard`.
    #[arg(long, default_value = "valawai")]
    pub dialect: Dialect,
    /// Let `$ref`s name files anywhere below this directory (by default only
    /// the spec's directory and below).
    #[arg(long, value_name = "DIR")]
    pub ref_root: Option<PathBuf>,
}

/// A loaded spec and its payload types.
pub struct Loaded {
    /// The spec.
    pub spec: Spec,
    /// Its payload types.
    pub types: TypeSpace,
}

impl SpecArgs {
    /// How these arguments say to read the spec.
    pub fn load_options(&self) -> LoadOptions {
        let options = LoadOptions::default()
            .dialect(self.dialect)
            .lenient(self.lenient);
        match &self.ref_root {
            Some(dir) => options.ref_root(dir),
            None => options,
        }
    }

    /// Loads the spec and converts its types; warnings go to standard error.
    pub fn load(&self) -> Result<Loaded, Failure> {
        if !self.spec.exists() {
            return Err(Failure::new(format!(
                "cannot read `{}`: no such file",
                self.spec.display()
            ))
            .hint("give the path of the component's asyncapi.yaml"));
        }
        let spec = valawai_codegen::load_path(&self.spec, &self.load_options()).map_err(|e| {
            Failure::new(format!("{e}"))
                .hint("fix the spec; `valawai check` lists every problem in it")
        })?;
        let types = TypeSpace::new(&spec, &TypeOptions::default())
            .map_err(|e| Failure::new(format!("{e}")))?;
        for warning in spec.warnings.iter().chain(types.warnings()) {
            eprintln!("{warning}");
        }
        Ok(Loaded { spec, types })
    }
}

/// Reads a payload file, or standard input for `-`.
pub fn read_payload(path: &Path) -> Result<Vec<u8>, Failure> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::new(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| {
        Failure::new(format!("cannot read the payload `{}`: {e}", path.display()))
            .hint("give a file with the JSON payload, or `-` to read it from standard input")
    })
}

/// Logs to standard error, filtered by `VALAWAI_LOG` (default `warn`), for the commands that
/// talk to the broker.
pub fn init_logs() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(crate::common::colour_on(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("VALAWAI_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .try_init();
}

//! The echo implementations under comparison, and how to find and start each one.
//!
//! Every echo gets the same environment: the broker (`RABBITMQ_HOST/PORT/USERNAME/PASSWORD`),
//! its queues and the fairness policy (`VALAWAI_BENCH_*`, see [`crate::policy`]). The
//! hand-written and pika echoes read all of it. The generated echo takes its channel names from
//! its spec, so by default it is benchmarked on those names ([`QueueNaming::Spec`]) and its
//! runtime settings come from `--generated-env`.

use std::{
    fmt,
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

use crate::{child::EchoCommand, machine::command_output, policy::Queues};

/// The name of the generated echo's binary (issue 6).
pub const GENERATED_BINARY: &str = "c1_echo_example_with_rust_and_lapin";
/// The hand-written echo's binary, built by this crate.
pub const HAND_WRITTEN_BINARY: &str = "lapin-echo";

/// One of the compared echoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// (a) the generated echo component.
    Generated,
    /// (b) the hand-written lapin echo.
    HandWritten,
    /// (c) the tuned pika echo.
    Pika,
}

impl Kind {
    /// All of them, in report order.
    pub const ALL: [Kind; 3] = [Kind::Generated, Kind::HandWritten, Kind::Pika];

    /// The label in reports.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Generated => "(a) generated",
            Kind::HandWritten => "(b) hand-written lapin",
            Kind::Pika => "(c) tuned pika",
        }
    }

    /// The name on the command line (`--only`) and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Generated => "generated",
            Kind::HandWritten => "hand-written",
            Kind::Pika => "pika",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.key() == s)
            .ok_or_else(|| format!("unknown echo `{s}` (generated, hand-written or pika)"))
    }
}

/// Which queues an echo is benchmarked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QueueNaming {
    /// Fresh names for every run, passed in `VALAWAI_BENCH_*_QUEUE`.
    Unique,
    /// The channels of the generated echo's spec (`valawai/c1/echo_example_with_rust_and_lapin/
    /// data/...`, logs on `valawai/log/add`); purged before use, and refused if another process
    /// consumes them.
    Spec,
}

impl FromStr for QueueNaming {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "unique" => Ok(QueueNaming::Unique),
            "spec" => Ok(QueueNaming::Spec),
            other => Err(format!("unknown queue naming `{other}` (unique or spec)")),
        }
    }
}

impl QueueNaming {
    /// The queues for one run; `tag` makes unique names unique.
    pub fn queues(self, tag: &str) -> Queues {
        match self {
            QueueNaming::Unique => Queues::unique(tag),
            QueueNaming::Spec => Queues::of_component("c1", "echo_example_with_rust_and_lapin"),
        }
    }
}

/// An echo ready to start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runnable {
    /// The command, with any implementation-specific environment.
    pub command: EchoCommand,
    /// Its queues.
    pub queue_naming: QueueNaming,
    /// Version facts worth reporting (the Python and pika versions for (c)).
    pub versions: Option<String>,
}

/// An echo and whether it can run here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Implementation {
    /// Which one.
    pub kind: Kind,
    /// How to start it, or why it cannot be.
    pub availability: Result<Runnable, String>,
}

/// What the command line can change about the implementations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    /// (a)'s command line instead of the `c1_echo_example_with_rust_and_lapin` binary.
    pub generated_cmd: Option<String>,
    /// (a)'s queues.
    pub generated_queues: Option<QueueNaming>,
    /// Extra environment for (a), e.g. its runtime's MOV-log switch or prefetch.
    pub generated_env: Vec<(String, String)>,
    /// (b)'s command line instead of the `lapin-echo` binary.
    pub hand_written_cmd: Option<String>,
    /// (c)'s command line instead of `python3 bench/pika_echo.py`.
    pub pika_cmd: Option<String>,
}

/// Where the driver's own binary lives: the other binaries are built next to it.
pub fn binary_dir() -> Option<PathBuf> {
    std::env::current_exe().ok()?.parent().map(Path::to_owned)
}

/// The workspace root (this crate lives in `<root>/bench`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_owned)
}

/// Finds out how to run `kind`.
pub fn discover(kind: Kind, overrides: &Overrides) -> Implementation {
    let availability = match kind {
        Kind::Generated => generated(overrides),
        Kind::HandWritten => hand_written(overrides),
        Kind::Pika => pika(overrides),
    };
    Implementation { kind, availability }
}

fn command_or_binary(line: Option<&str>, binary: &str) -> Result<EchoCommand, String> {
    if let Some(line) = line {
        return EchoCommand::parse(line).ok_or_else(|| "the command line is empty".to_owned());
    }
    let path = binary_dir()
        .map(|dir| dir.join(binary))
        .filter(|p| p.is_file())
        .ok_or_else(|| format!("no `{binary}` binary next to this one"))?;
    Ok(EchoCommand::new(path.to_string_lossy()))
}

fn generated(overrides: &Overrides) -> Result<Runnable, String> {
    let command =
        command_or_binary(overrides.generated_cmd.as_deref(), GENERATED_BINARY).map_err(|why| {
            let example = workspace_root().join("examples/echo");
            if example.is_dir() {
                format!(
                    "{why}: {} exists but is not built; run \
                     `cargo build --release --workspace --bins` first",
                    example.display()
                )
            } else {
                "examples/echo does not exist yet (it lands with the echo component, \
                 issue 6)"
                    .to_owned()
            }
        })?;
    let mut command = command;
    command.env = overrides.generated_env.clone();
    Ok(Runnable {
        command,
        queue_naming: overrides.generated_queues.unwrap_or(QueueNaming::Spec),
        versions: None,
    })
}

fn hand_written(overrides: &Overrides) -> Result<Runnable, String> {
    Ok(Runnable {
        command: command_or_binary(overrides.hand_written_cmd.as_deref(), HAND_WRITTEN_BINARY)?,
        queue_naming: QueueNaming::Unique,
        versions: None,
    })
}

fn pika(overrides: &Overrides) -> Result<Runnable, String> {
    let versions = command_output(
        "python3",
        &[
            "-c",
            "import sys, pika; print('Python', sys.version.split()[0], '/ pika', pika.__version__)",
        ],
        Duration::from_secs(20),
    )
    .ok_or_else(|| {
        "python3 with pika is not available (install it with `pip install pika`)".to_owned()
    })?;
    let command = match overrides.pika_cmd.as_deref() {
        Some(line) => {
            EchoCommand::parse(line).ok_or_else(|| "the command line is empty".to_owned())?
        }
        None => {
            let script = workspace_root().join("bench/pika_echo.py");
            let mut command = EchoCommand::new("python3");
            command.args = vec![script.to_string_lossy().into_owned()];
            command
        }
    };
    Ok(Runnable {
        command,
        queue_naming: QueueNaming::Unique,
        versions: Some(versions),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_their_keys() {
        for kind in Kind::ALL {
            assert_eq!(kind.key().parse::<Kind>(), Ok(kind));
        }
        assert!("python".parse::<Kind>().is_err());
    }

    #[test]
    fn a_given_generated_command_is_used_with_its_environment() {
        let overrides = Overrides {
            generated_cmd: Some("/opt/echo --flag".into()),
            generated_env: vec![("MOV_LOGS".into(), "off".into())],
            ..Overrides::default()
        };
        let runnable = discover(Kind::Generated, &overrides).availability.unwrap();
        assert_eq!(runnable.command.display(), "/opt/echo --flag");
        assert_eq!(
            runnable.command.env,
            [("MOV_LOGS".to_owned(), "off".to_owned())]
        );
        assert_eq!(runnable.queue_naming, QueueNaming::Spec);
    }

    #[test]
    fn spec_queues_are_the_echo_channels() {
        let queues = QueueNaming::Spec.queues("ignored");
        assert!(
            queues
                .input
                .ends_with("echo_example_with_rust_and_lapin/data/received_message")
        );
    }
}

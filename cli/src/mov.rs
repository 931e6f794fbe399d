//! `valawai mov`: the development MOV (a stand-in for the real Master Of VALAWAI), the MOV's
//! translation of a spec, and a demo that runs the echo example against it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Map, Value, json};
use valawai::{Config, Endpoint};
use valawai_devmov::DevMov;

mod demo;

/// The broker the CLI uses when neither `--url` nor the environment names one.
pub const DEFAULT_URL: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";

/// Arguments of `valawai mov`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Run the development MOV: a stand-in for the real MOV, for local development and tests.
    ///
    /// It registers components (validated and translated as the real MOV does), keeps and
    /// prints their logs, answers component and connection queries, auto-connects channels
    /// and routes messages. It keeps everything in memory and has no UI or REST API: it is not
    /// the real MOV (a Java service with MongoDB: the VALAWAI/MOV repository on GitHub).
    Run(RunArgs),
    /// Print the `component_payload` the MOV makes of a spec when a component registers
    /// with it (without `id` and `since`, which it assigns then).
    Translate(TranslateArgs),
    /// Start the development MOV and the echo example, send it a message, show the echo and
    /// the logs, then stop the echo and show it unregister.
    Demo(demo::Args),
}

/// Where the broker is.
#[derive(Debug, clap::Args)]
pub(crate) struct Broker {
    /// The broker's URL. Default: `AMQP_ADDR` or the `RABBITMQ_*` variables when set, else
    /// amqp://guest:guest@127.0.0.1:5672.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
}

impl Broker {
    /// The configuration for the broker: `--url`, else the VALAWAI environment variables when
    /// any is set, else RabbitMQ's local default.
    pub(crate) fn config(&self) -> Result<Config, String> {
        let from_env = ["AMQP_ADDR", "RABBITMQ_HOST", "RABBITMQ_PORT"]
            .iter()
            .any(|v| std::env::var_os(v).is_some());
        let mut config = match &self.url {
            Some(url) => Config::new(Endpoint::parse_url(url).map_err(|e| format!("--url: {e}"))?),
            None if from_env => Config::from_env().map_err(|e| e.to_string())?,
            None => Config::new(Endpoint::parse_url(DEFAULT_URL)?),
        };
        // A person is waiting: give up on an absent broker in seconds, not minutes.
        config.max_retries = config.max_retries.min(3);
        config.retry_sleep = config.retry_sleep.min(std::time::Duration::from_secs(1));
        Ok(config)
    }
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    #[command(flatten)]
    broker: Broker,
    /// Print one JSON object per event (`{"event": "registered", ...}`) instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct TranslateArgs {
    /// The component's AsyncAPI document.
    spec: PathBuf,
    /// The registered name (default: from the `valawai/cN/<name>/control/registered` channel).
    #[arg(long)]
    name: Option<String>,
    /// The registered version (default: the spec's `info.version`).
    #[arg(long)]
    version: Option<String>,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    match &args.command {
        Command::Run(a) => runtime().block_on(serve(a)),
        Command::Translate(a) => translate(a),
        Command::Demo(a) => runtime().block_on(demo::run(a)),
    }
}

pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| {
            eprintln!("error: cannot start the async runtime: {e}");
            std::process::exit(1)
        })
}

pub(crate) fn init_logs() {
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none();
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(colour)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("VALAWAI_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .try_init();
}

async fn serve(args: &RunArgs) -> ExitCode {
    init_logs();
    let config = match args.broker.config() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let dev_mov = DevMov::new(config);
    let handle = dev_mov.handle();
    let mut events = handle.subscribe();
    let json = args.json;
    let printer = tokio::spawn(async move {
        handle.ready().await;
        print_line(
            json,
            &json!({"event": "ready"}),
            "development MOV ready: a stand-in for the real MOV, for local development only",
        );
        loop {
            match events.recv().await {
                Ok(event) => print_line(json, &event.to_json(), &event.to_string()),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    eprintln!("warning: {n} events not shown (the output is too slow)");
                }
                Err(_) => break,
            }
        }
    });
    let result = dev_mov.run().await;
    printer.abort();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("help: start RabbitMQ (see README.md, \"Getting RabbitMQ\") or pass --url");
            ExitCode::FAILURE
        }
    }
}

fn print_line(json: bool, value: &Value, text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = if json {
        writeln!(out, "{value}")
    } else {
        writeln!(out, "mov | {text}")
    };
    let _ = out.flush();
}

fn translate(args: &TranslateArgs) -> ExitCode {
    let text = match std::fs::read_to_string(&args.spec) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.spec.display());
            return ExitCode::from(2);
        }
    };
    let component = match valawai_codegen::mov::translate_str(
        &text,
        &args.spec.display().to_string(),
    ) {
        Ok(c) => c,
        Err(rejection) => {
            eprintln!("{rejection}");
            eprintln!(
                "The MOV would refuse this registration (its log would say \"The async API is not valid.\")."
            );
            return ExitCode::FAILURE;
        }
    };
    // The name and type the Python components derive from the registered channel.
    let derived = component.channels.iter().find_map(|c| {
        let parts: Vec<&str> = c.name.split('/').collect();
        match parts.as_slice() {
            [
                "valawai",
                t @ ("c0" | "c1" | "c2"),
                name,
                "control",
                "registered",
            ] => Some((format!("{t}_{name}"), t.to_uppercase())),
            _ => None,
        }
    });
    let mut payload = Map::new();
    let name = args
        .name
        .clone()
        .or_else(|| derived.as_ref().map(|d| d.0.clone()));
    if let Some(name) = &name {
        payload.insert("name".into(), json!(name));
    }
    if let Some(d) = component.description.as_ref().filter(|d| !d.is_empty()) {
        payload.insert("description".into(), json!(d));
    }
    if let Some(v) = args
        .version
        .clone()
        .or_else(|| component.api_version.clone())
    {
        payload.insert("version".into(), json!(v));
    }
    if let Some(v) = &component.api_version {
        payload.insert("api_version".into(), json!(v));
    }
    let component_type = name
        .as_deref()
        .and_then(|n| n.get(..2))
        .map(str::to_uppercase)
        .or_else(|| derived.map(|d| d.1));
    if let Some(t) = component_type {
        payload.insert("type".into(), json!(t));
    }
    payload.insert("channels".into(), component.channels_json());
    let text = serde_json::to_string_pretty(&Value::Object(payload)).unwrap_or_default();
    println!("{text}");
    ExitCode::SUCCESS
}

//! `valawai mov`: the development MOV (a stand-in for the real Master Of VALAWAI), the MOV's
//! translation of a spec, and a demo that runs the echo example against it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Map, Value, json};
use valawai::conventions;
use valawai::lapin::options::QueuePurgeOptions;
use valawai_devmov::DevMov;

use crate::broker::{BrokerArgs, runtime};
use crate::common::Failure;

mod demo;

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

/// What to do when the broker cannot be reached.
const NO_BROKER: &str = "start RabbitMQ (see README.md, \"Getting RabbitMQ\"), or point at it \
     with --url amqp://user:password@host:port/";

#[derive(Debug, clap::Args)]
struct RunArgs {
    #[command(flatten)]
    broker: BrokerArgs,
    /// Print one JSON object per event (`{"event": "registered", ...}`) instead of text.
    #[arg(long)]
    json: bool,
    /// Keep the messages already waiting in the MOV's queues and handle them (by default they
    /// are purged before the MOV starts: stale logs and registrations of earlier runs).
    #[arg(long)]
    keep_backlog: bool,
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
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    match &args.command {
        Command::Run(a) => runtime()?.block_on(serve(a)),
        Command::Translate(a) => translate(a),
        Command::Demo(a) => runtime()?.block_on(demo::run(a)),
    }
}

async fn serve(args: &RunArgs) -> Result<ExitCode, Failure> {
    let config = args.broker.config()?;
    if !args.keep_backlog {
        purge_backlog(&args.broker, args.json).await?;
    }
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
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::new(e.to_string()).hint(NO_BROKER)),
    }
}

/// Purges the queues the development MOV consumes, before it consumes them, and says how many
/// messages were dropped, in one line.
async fn purge_backlog(broker: &BrokerArgs, json: bool) -> Result<(), Failure> {
    if broker.endpoint()?.tls {
        eprintln!(
            "warning: the command line cannot purge over amqps:// yet; the MOV's queues keep \
             their backlog"
        );
        return Ok(());
    }
    // No broker: the MOV's own connection says so, with its retries and its error.
    let Ok((connection, _)) = broker.connect("valawai mov run (purge)").await else {
        return Ok(());
    };
    let mut purged: Vec<(&str, u32)> = Vec::new();
    for &queue in valawai_devmov::QUEUES {
        // A channel per queue: a refused declaration closes its channel.
        let channel = connection.create_channel().await.map_err(|e| {
            Failure::new(format!(
                "cannot open a channel to purge the MOV's queues: {e}"
            ))
            .hint("run with --keep-backlog to skip the purge")
        })?;
        // Declared as the MOV declares it (durable, no arguments), so a queue that is not
        // there yet is no error; one declared otherwise is left to the MOV, which reports it.
        let declared = channel
            .queue_declare(
                queue.into(),
                conventions::queue_declare_options(),
                conventions::queue_arguments(),
            )
            .await;
        if declared.is_err() {
            continue;
        }
        let count = channel
            .queue_purge(queue.into(), QueuePurgeOptions::default())
            .await
            .map_err(|e| {
                Failure::new(format!("cannot purge `{queue}`: {e}"))
                    .hint("check the user's permissions, or run with --keep-backlog")
            })?;
        if count > 0 {
            purged.push((queue, count));
        }
        let _ = channel.close(200, "purged".into()).await;
    }
    let _ = connection.close(200, "done".into()).await;
    let total: u64 = purged.iter().map(|(_, n)| u64::from(*n)).sum();
    let text = if total == 0 {
        "no stale messages in the MOV's queues".to_owned()
    } else {
        let each: Vec<String> = purged.iter().map(|(q, n)| format!("{q}: {n}")).collect();
        format!(
            "purged {total} stale message{} from the MOV's queues ({}); --keep-backlog keeps them",
            if total == 1 { "" } else { "s" },
            each.join(", ")
        )
    };
    let queues: Map<String, Value> = purged
        .iter()
        .map(|(q, n)| ((*q).to_owned(), json!(n)))
        .collect();
    print_line(
        json,
        &json!({"event": "purged", "messages": total, "queues": queues}),
        &text,
    );
    Ok(())
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

fn translate(args: &TranslateArgs) -> Result<ExitCode, Failure> {
    let text = std::fs::read_to_string(&args.spec).map_err(|e| {
        Failure::new(format!("cannot read {}: {e}", args.spec.display()))
            .hint("give the path of the component's asyncapi.yaml")
    })?;
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
            return Ok(ExitCode::FAILURE);
        }
    };
    // The name and type the Python components derive from the registered channel.
    let derived = component.channels.iter().find_map(|c| {
        let (t, name) = conventions::parse_registered_address(&c.name)?;
        Some((
            format!("{}_{name}", t.channel_segment()),
            t.as_str().to_owned(),
        ))
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
    Ok(ExitCode::SUCCESS)
}

//! `valawai tap`: show the messages published on a spec's channels, live,
//! without taking them from anyone.
//!
//! It reads RabbitMQ's firehose: with tracing on (`rabbitmqctl trace_on`),
//! the broker copies every publish to the topic exchange
//! `amq.rabbitmq.trace` with routing key `publish.<exchange>`, the original
//! routing keys in the `routing_keys` header and the body unchanged. tap
//! binds an exclusive, auto-delete, server-named queue of its own to
//! `publish.` (the default exchange, where VALAWAI publishes) and keeps the
//! messages whose routing key is one of the channels. It never consumes a
//! component's queue, so the MOV and the components get every message as
//! before.
//!
//! AMQP cannot tell whether tracing is on. When the broker is local and
//! `rabbitmqctl` runs here, tap asks it (`list_vhosts name tracing`) and stops with an error when
//! tracing is off; `--enable-tracing` turns it on (`trace_on`) and off again
//! on exit. Without `rabbitmqctl` tap warns that nothing arrives unless
//! tracing is on.

use std::io::Write;
use std::process::{Command, ExitCode};

use futures_util::StreamExt;
use serde_json::{Value, json};
use valawai::Endpoint;
use valawai::lapin::Connection;
use valawai::lapin::options::{BasicConsumeOptions, QueueBindOptions, QueueDeclareOptions};
use valawai::lapin::types::{AMQPValue, FieldTable};
use valawai_cli::dynamic::Validator;
use valawai_cli::target;
use valawai_codegen::model::ChannelId;

use crate::broker::{self, BrokerArgs};
use crate::common::{Failure, Loaded, SpecArgs};

/// The firehose exchange.
const TRACE_EXCHANGE: &str = "amq.rabbitmq.trace";

/// Arguments of `valawai tap`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    spec: SpecArgs,
    /// The channels to show (addresses, concrete addresses of parameterised
    /// channels, or generated names); all of the spec's by default.
    channels: Vec<String>,
    #[command(flatten)]
    broker: BrokerArgs,
    /// Print one JSON object per message (JSON lines), for scripts.
    #[arg(long)]
    json: bool,
    /// Turn tracing on with `rabbitmqctl trace_on` when it is off, and off
    /// again on exit.
    #[arg(long)]
    enable_tracing: bool,
    /// Stop after this many messages.
    #[arg(long, value_name = "N")]
    count: Option<u64>,
}

/// What tap shows: every channel of the spec, or the channels given.
struct Filter {
    /// `(template address, concrete address or None for any)`.
    channels: Vec<(ChannelId, Option<String>)>,
}

impl Filter {
    fn find(&self, loaded: &Loaded, routing_key: &str) -> Option<ChannelId> {
        self.channels.iter().find_map(|(id, concrete)| {
            let address = &loaded.spec.channel(*id).address;
            let hit = match concrete {
                Some(concrete) => concrete == routing_key,
                None => address == routing_key || target::matches_template(address, routing_key),
            };
            hit.then_some(*id)
        })
    }
}

/// Runs the command.
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    run_checked(args).map_err(|f| f.json(args.json))
}

fn run_checked(args: &Args) -> Result<ExitCode, Failure> {
    let loaded = args.spec.load()?;
    let filter = if args.channels.is_empty() {
        Filter {
            channels: (0..loaded.spec.channels.len())
                .map(|i| (ChannelId(i), None))
                .collect(),
        }
    } else {
        let mut channels = Vec::new();
        for arg in &args.channels {
            let found = target::find(&loaded.spec, arg).map_err(|e| {
                Failure::new(e.to_string())
                    .hint("name a channel by its address or its generated name")
            })?;
            channels.push((found.channel, Some(found.address)));
        }
        Filter { channels }
    };
    let runtime = broker::runtime()?;
    runtime.block_on(async {
        let (connection, endpoint) = args.broker.connect("valawai tap").await?;
        let local = matches!(endpoint.host.as_str(), "127.0.0.1" | "localhost" | "::1");
        let enabled_here = tracing(&endpoint.vhost, local, args.enable_tracing)?;
        let result = tap(args, &loaded, &filter, &connection, &endpoint).await;
        let _ = connection.close(200, "done".into()).await;
        if enabled_here {
            let _ = rabbitmqctl(&["trace_off", "-p", &endpoint.vhost]);
        }
        result
    })
}

/// Checks that tracing is on (or turns it on); returns whether tap turned
/// it on.
fn tracing(vhost: &str, local: bool, enable: bool) -> Result<bool, Failure> {
    let listing = if local {
        rabbitmqctl(&["-q", "list_vhosts", "name", "tracing"])
    } else {
        None
    };
    let Some(listing) = listing else {
        eprintln!(
            "warning: cannot ask rabbitmqctl whether tracing is on; nothing arrives unless it \
             is: run `rabbitmqctl trace_on -p {vhost}` on the broker"
        );
        return Ok(false);
    };
    let on = listing.lines().any(|line| {
        let mut cells = line.split('\t');
        cells.next() == Some(vhost) && cells.next() == Some("true")
    });
    if on {
        return Ok(false);
    }
    if !enable {
        return Err(Failure::new(format!(
            "tracing is off on vhost `{vhost}`: no message can reach tap"
        ))
        .hint(format!(
            "run `rabbitmqctl trace_on -p {vhost}`, or pass --enable-tracing to have tap turn it \
             on and off again"
        )));
    }
    match rabbitmqctl(&["trace_on", "-p", vhost]) {
        Some(_) => {
            eprintln!("tracing turned on for vhost `{vhost}` (off again when tap stops)");
            Ok(true)
        }
        None => Err(Failure::new("`rabbitmqctl trace_on` failed")
            .hint("run it yourself as a user allowed to manage the broker")),
    }
}

/// Runs `rabbitmqctl`; its standard output when it succeeds.
fn rabbitmqctl(args: &[&str]) -> Option<String> {
    let out = Command::new("rabbitmqctl").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

async fn tap(
    args: &Args,
    loaded: &Loaded,
    filter: &Filter,
    connection: &Connection,
    endpoint: &Endpoint,
) -> Result<ExitCode, Failure> {
    let broker_error = |e: valawai::lapin::Error| {
        Failure::new(format!("the broker refused to set up the tap: {e}"))
            .hint("the user needs configure, write and read permissions for its own queue, and read on amq.rabbitmq.trace")
    };
    let channel = connection.create_channel().await.map_err(broker_error)?;
    let queue = channel
        .queue_declare(
            "".into(),
            QueueDeclareOptions {
                exclusive: true,
                auto_delete: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(broker_error)?;
    channel
        .queue_bind(
            queue.name().clone(),
            TRACE_EXCHANGE.into(),
            "publish.".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(broker_error)?;
    let mut consumer = channel
        .basic_consume(
            queue.name().clone(),
            "valawai-tap".into(),
            BasicConsumeOptions {
                no_ack: true,
                exclusive: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(broker_error)?;
    eprintln!(
        "tapping {} channel(s) on {endpoint}; Ctrl-C to stop",
        filter.channels.len()
    );
    let validator = Validator::new(&loaded.types);
    let colour = crate::common::colour();
    let mut seen = 0u64;
    let mut stdout = std::io::stdout();
    loop {
        if args.count.is_some_and(|n| seen >= n) {
            break;
        }
        let delivery = tokio::select! {
            next = consumer.next() => next,
            _ = tokio::signal::ctrl_c() => break,
        };
        let delivery = match delivery {
            Some(Ok(delivery)) => delivery,
            Some(Err(e)) => {
                return Err(Failure::new(format!("the tap stopped: {e}"))
                    .hint("the connection to the broker was lost; start tap again"));
            }
            None => {
                return Err(Failure::new("the tap stopped: the broker cancelled it")
                    .hint("the tap's queue was deleted; start tap again"));
            }
        };
        let headers = delivery.properties.headers().clone().unwrap_or_default();
        let routing_keys = strings(headers.inner().get("routing_keys"));
        let Some(routing_key) = routing_keys.first() else {
            continue;
        };
        let Some(id) = filter.find(loaded, routing_key) else {
            continue;
        };
        seen += 1;
        let body = &delivery.data;
        let error = validator.validate_channel(id, body).err();
        let line = if args.json {
            let payload = serde_json::from_slice::<Value>(body)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()));
            json!({
                "channel": routing_key,
                "spec_channel": loaded.spec.channel(id).address,
                "payload": payload,
                "valid": error.is_none(),
                "error": error.as_ref().map(ToString::to_string),
            })
            .to_string()
        } else {
            human(
                routing_key,
                body,
                error.as_ref().map(ToString::to_string),
                colour,
            )
        };
        if writeln!(stdout, "{line}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One message for a person: the channel, the body, and what is wrong with
/// it, if anything.
fn human(channel: &str, body: &[u8], error: Option<String>, colour: bool) -> String {
    let body = String::from_utf8_lossy(body);
    let (bold, red, reset) = if colour {
        ("\x1b[1m", "\x1b[31m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut line = format!("{bold}{channel}{reset} {body}");
    if let Some(error) = error {
        line.push_str(&format!("\n  {red}invalid:{reset} {error}"));
    }
    line
}

/// The strings of a header that holds an array of strings.
fn strings(value: Option<&AMQPValue>) -> Vec<String> {
    match value {
        Some(AMQPValue::FieldArray(items)) => items
            .as_slice()
            .iter()
            .filter_map(|item| match item {
                AMQPValue::LongString(s) => {
                    Some(String::from_utf8_lossy(s.as_bytes()).into_owned())
                }
                AMQPValue::ShortString(s) => Some(s.as_str().to_owned()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

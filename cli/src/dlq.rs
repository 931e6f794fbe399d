//! `valawai dlq`: a component's dead letters. `policy` prints the dead-letter policy the other
//! two expect (and declares the dead-letter queue), `list` shows the dead letters without
//! consuming them for good, `replay` sends chosen ones back to the channel they died on.
//!
//! The component rejects, without requeue, what it cannot handle (invalid input, a handler that
//! keeps failing). A broker policy on its receive queues dead-letters those messages through the
//! default exchange to one queue, `valawai/cN/<name>/dead_letters` by default:
//! `{"dead-letter-exchange": "", "dead-letter-routing-key": "<that queue>"}`. The broker adds
//! an `x-death` header saying where, when and why each message died. Policies, not queue
//! arguments: the MOV declares queues without arguments, and a declare with other arguments
//! fails.
//!
//! Listing takes up to `--limit` messages with `basic.get` and gives them all back at the end
//! (`basic.nack` with requeue): they stay in the queue, in their order, flagged as redelivered.
//! Replaying takes every message present when it starts, publishes the chosen ones to their
//! first death queue (confirmed, `mandatory`, with their properties and headers but the death
//! headers, and `x-valawai-replayed` counting the replays), acks each only once its copy is
//! confirmed, and gives the others back.

use std::collections::HashSet;
use std::process::ExitCode;

use serde_json::json;
use valawai::lapin::options::{
    BasicAckOptions, BasicGetOptions, BasicNackOptions, BasicPublishOptions, ConfirmSelectOptions,
    QueueDeclareOptions,
};
use valawai::lapin::{Channel, Confirmation, Connection};
use valawai_codegen::model::Direction;

use crate::broker::{BrokerArgs, runtime};
use crate::common::{Failure, Loaded, SpecArgs};

mod letter;

use letter::{DeadLetter, preview, replay_properties, rfc3339};

/// Arguments of `valawai dlq`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print the rabbitmqctl command that sets the dead-letter policy on the component's
    /// receive queues (for the broker's virtual host), and declare the dead-letter queue with
    /// --declare.
    Policy(PolicyArgs),
    /// List the component's dead letters (channel, reason, time, a body preview) without
    /// consuming them: they go back to the queue, flagged as redelivered.
    List(ListArgs),
    /// Send chosen dead letters back to the channel they died on (after a fix), with
    /// publisher confirms; the others stay.
    Replay(ReplayArgs),
}

/// Where the dead letters are.
#[derive(Debug, clap::Args)]
struct QueueArgs {
    #[command(flatten)]
    spec: SpecArgs,
    /// The dead-letter queue (default: `valawai/cN/<name>/dead_letters`, after the spec's
    /// registered channel).
    #[arg(long, value_name = "QUEUE")]
    queue: Option<String>,
}

#[derive(Debug, clap::Args)]
struct PolicyArgs {
    #[command(flatten)]
    queue: QueueArgs,
    /// Also declare the dead-letter queue (durable, classic, no arguments) on the broker:
    /// dead letters sent to a queue that does not exist are lost.
    #[arg(long)]
    declare: bool,
    #[command(flatten)]
    broker: BrokerArgs,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    #[command(flatten)]
    queue: QueueArgs,
    #[command(flatten)]
    broker: BrokerArgs,
    /// Show at most this many dead letters, the oldest first.
    #[arg(long, default_value = "100")]
    limit: u32,
    /// Print one JSON object per dead letter (with the whole body) instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct ReplayArgs {
    #[command(flatten)]
    queue: QueueArgs,
    #[command(flatten)]
    broker: BrokerArgs,
    /// The keys of the dead letters to replay, as `list` shows them.
    keys: Vec<String>,
    /// Replay every dead letter.
    #[arg(long, conflicts_with = "keys")]
    all: bool,
    /// Say what would be replayed, and replay nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print the result as one JSON object.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    match &args.command {
        Command::Policy(a) => policy(a),
        Command::List(a) => runtime()?.block_on(list(a)),
        Command::Replay(a) => {
            let json = a.json;
            runtime()?.block_on(replay(a)).map_err(|f| f.json(json))
        }
    }
}

/// The component's receive queues and its dead-letter queue.
struct Component {
    receive: Vec<String>,
    dead_letters: String,
    name: String,
}

impl QueueArgs {
    fn component(&self) -> Result<Component, Failure> {
        let Loaded { spec, .. } = self.spec.load()?;
        let mut receive: Vec<String> = spec
            .operations
            .iter()
            .filter(|o| o.direction == Direction::Receive)
            .map(|o| spec.channel(o.channel).address.clone())
            .filter(|a| !a.contains('{'))
            .collect();
        receive.dedup();
        let identity = spec.identity.as_ref();
        let dead_letters = match (&self.queue, identity) {
            (Some(queue), _) => queue.clone(),
            (None, Some(identity)) => {
                let registered = &spec.channel(identity.registered_channel).address;
                match valawai::conventions::parse_registered_address(registered) {
                    Some((t, name)) => {
                        format!("valawai/{}/{name}/dead_letters", t.channel_segment())
                    }
                    None => format!("{registered}/dead_letters"),
                }
            }
            (None, None) => {
                return Err(Failure::new(
                    "the spec names no component (no valawai/cN/<name>/control/registered \
                     channel), so there is no default dead-letter queue",
                )
                .hint("name the dead-letter queue with --queue"));
            }
        };
        let name = identity.map_or_else(|| "component".to_owned(), |i| i.name.clone());
        Ok(Component {
            receive,
            dead_letters,
            name,
        })
    }
}

/// A queue name as a literal in a regular expression.
fn regex_literal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if "\\^$.|?*+()[]{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A word for a POSIX shell, single-quoted.
fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// The policy: its name, pattern and definition.
fn policy_for(component: &Component) -> (String, String, String) {
    let names: Vec<String> = component.receive.iter().map(|q| regex_literal(q)).collect();
    let pattern = format!("^({})$", names.join("|"));
    let definition = json!({
        "dead-letter-exchange": "",
        "dead-letter-routing-key": component.dead_letters,
    })
    .to_string();
    (
        format!("valawai-dlx-{}", component.name),
        pattern,
        definition,
    )
}

fn policy(args: &PolicyArgs) -> Result<ExitCode, Failure> {
    let component = args.queue.component()?;
    if component.receive.is_empty() {
        return Err(Failure::new(
            "the component receives on no channel: nothing dies",
        ));
    }
    let (name, pattern, definition) = policy_for(&component);
    if args.declare {
        runtime()?.block_on(async {
            let (connection, endpoint) = args.broker.connect("valawai dlq").await?;
            let channel = open_channel(&connection).await?;
            declare(&channel, &component.dead_letters, false).await?;
            eprintln!("declared `{}` on {endpoint}", component.dead_letters);
            Ok::<_, Failure>(())
        })?;
    }
    // For the broker's virtual host (`--url`, `AMQP_ADDR`).
    let vhost = args.broker.endpoint()?.vhost;
    println!(
        "rabbitmqctl set_policy -p {} --apply-to queues {} {} {}",
        shell_quote(&vhost),
        shell_quote(&name),
        shell_quote(&pattern),
        shell_quote(&definition)
    );
    Ok(ExitCode::SUCCESS)
}

async fn open_channel(connection: &Connection) -> Result<Channel, Failure> {
    connection
        .create_channel()
        .await
        .map_err(|e| Failure::new(format!("cannot open a channel: {e}")))
}

/// Declares `queue` (durable, no arguments; `passive`: only checks it) and returns its message
/// count.
async fn declare(channel: &Channel, queue: &str, passive: bool) -> Result<u32, Failure> {
    let options = QueueDeclareOptions {
        passive,
        ..valawai::conventions::queue_declare_options()
    };
    channel
        .queue_declare(
            queue.into(),
            options,
            valawai::conventions::queue_arguments(),
        )
        .await
        .map(|q| q.message_count())
        .map_err(|e| {
            Failure::new(format!("the dead-letter queue `{queue}`: {e}")).hint(
                "declare it and set the policy: `valawai dlq policy <spec> --declare` prints \
                 the policy command",
            )
        })
}

/// Takes up to `limit` messages from `queue`, unacked.
async fn take(channel: &Channel, queue: &str, limit: u32) -> Result<Vec<DeadLetter>, Failure> {
    let mut taken = Vec::new();
    while taken.len() < limit as usize {
        let got = channel
            .basic_get(queue.into(), BasicGetOptions { no_ack: false })
            .await
            .map_err(|e| Failure::new(format!("cannot read `{queue}`: {e}")))?;
        let Some(message) = got else { break };
        let delivery = message.delivery;
        taken.push(DeadLetter::new(
            delivery.delivery_tag,
            delivery.data,
            delivery.properties,
        ));
    }
    Ok(taken)
}

/// Gives back every message taken and not acked.
async fn give_back(channel: &Channel, last_tag: Option<u64>) -> Result<(), Failure> {
    if let Some(tag) = last_tag {
        channel
            .basic_nack(
                tag,
                BasicNackOptions {
                    multiple: true,
                    requeue: true,
                },
            )
            .await
            .map_err(|e| {
                Failure::new(format!("cannot give the dead letters back: {e}"))
                    .hint("they go back to the queue anyway when the connection closes")
            })?;
    }
    Ok(())
}

async fn list(args: &ListArgs) -> Result<ExitCode, Failure> {
    let component = args.queue.component()?;
    let (connection, endpoint) = args.broker.connect("valawai dlq").await?;
    let channel = open_channel(&connection).await?;
    let queue = &component.dead_letters;
    let total = declare(&channel, queue, true).await?;
    let taken = take(&channel, queue, args.limit).await?;
    give_back(&channel, taken.last().map(|d| d.tag)).await?;
    let _ = connection.close(200, "done".into()).await;
    if args.json {
        for d in &taken {
            println!("{}", d.to_json());
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{total} dead letter(s) in `{queue}` on {endpoint}{}",
        if (taken.len() as u32) < total {
            format!(", the first {}:", taken.len())
        } else if total > 0 {
            ":".to_owned()
        } else {
            String::new()
        }
    );
    if taken.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let width = taken
        .iter()
        .map(|d| d.channel.as_deref().unwrap_or("?").len())
        .max()
        .unwrap_or(0)
        .max(7);
    println!(
        "{:<12}  {:<width$}  {:<14}  {:<20}  BODY",
        "KEY", "CHANNEL", "REASON", "TIME"
    );
    for d in &taken {
        let mut reason = d.reason.clone().unwrap_or_else(|| "?".into());
        if d.count > 1 {
            reason.push_str(&format!(" ×{}", d.count));
        }
        println!(
            "{:<12}  {:<width$}  {:<14}  {:<20}  {}",
            d.key,
            d.channel.as_deref().unwrap_or("?"),
            reason,
            d.time.map_or_else(|| "?".to_owned(), rfc3339),
            preview(&d.body, 60)
        );
    }
    if !component.receive.is_empty()
        && let Some(stranger) = taken.iter().find_map(|d| {
            d.channel
                .as_ref()
                .filter(|c| !component.receive.contains(c))
        })
    {
        eprintln!(
            "warning: `{stranger}` is not a receive channel of {}: is the queue shared?",
            component.name
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn replay(args: &ReplayArgs) -> Result<ExitCode, Failure> {
    if !args.all && args.keys.is_empty() {
        return Err(Failure::new("name the dead letters to replay")
            .hint("give their keys (`valawai dlq list` shows them), or --all"));
    }
    let component = args.queue.component()?;
    let (connection, _) = args.broker.connect("valawai dlq").await?;
    let channel = open_channel(&connection).await?;
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .map_err(|e| Failure::new(format!("cannot turn publisher confirms on: {e}")))?;
    let queue = &component.dead_letters;
    let total = declare(&channel, queue, true).await?;
    // Only what is there now: a replayed message that dies again comes back behind them.
    let taken = take(&channel, queue, total).await?;
    let wanted: HashSet<&str> = args.keys.iter().map(String::as_str).collect();
    let mut replayed = Vec::new();
    let mut failed = Vec::new();
    let mut kept_last = None;
    for d in &taken {
        let chosen = args.all || wanted.contains(d.key.as_str());
        let Some(target) = d.channel.as_deref().filter(|_| chosen) else {
            if chosen {
                failed.push(json!({"key": d.key, "error": "no x-first-death-queue header"}));
            }
            kept_last = Some(d.tag);
            continue;
        };
        if args.dry_run {
            replayed.push(json!({"key": d.key, "channel": target}));
            kept_last = Some(d.tag);
            continue;
        }
        match publish(&channel, target, d).await {
            Ok(()) => {
                channel
                    .basic_ack(d.tag, BasicAckOptions { multiple: false })
                    .await
                    .map_err(|e| {
                        Failure::new(format!(
                            "replayed {} to `{target}`, but cannot remove it from `{queue}`: {e}",
                            d.key
                        ))
                        .hint("it stays a dead letter as well: replaying it again duplicates it")
                    })?;
                replayed.push(json!({"key": d.key, "channel": target}));
            }
            Err(error) => {
                failed.push(json!({"key": d.key, "channel": target, "error": error}));
                kept_last = Some(d.tag);
            }
        }
    }
    // Acked tags are settled already; a multiple nack gives back what is left up to the last
    // kept one.
    give_back(&channel, kept_last).await?;
    let _ = connection.close(200, "done".into()).await;
    let unknown: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|k| !taken.iter().any(|d| d.key == *k))
        .collect();
    if args.json {
        println!(
            "{}",
            json!({"ok": failed.is_empty() && unknown.is_empty(), "dry_run": args.dry_run,
                "replayed": replayed, "failed": failed, "unknown": unknown})
        );
    } else {
        let verb = if args.dry_run {
            "would replay"
        } else {
            "replayed"
        };
        for r in &replayed {
            println!(
                "{verb} {} to {}",
                r["key"].as_str().unwrap_or_default(),
                r["channel"].as_str().unwrap_or_default()
            );
        }
        for f in &failed {
            eprintln!(
                "not replayed {}: {}",
                f["key"].as_str().unwrap_or_default(),
                f["error"].as_str().unwrap_or_default()
            );
        }
        for k in &unknown {
            eprintln!("no dead letter has the key {k}");
        }
        println!(
            "{} of {} dead letter(s) {verb}",
            replayed.len(),
            taken.len()
        );
    }
    if failed.is_empty() && unknown.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        let failure = Failure::new(format!(
            "{} dead letter(s) not replayed, {} key(s) unknown",
            failed.len(),
            unknown.len()
        ))
        .hint("the ones not replayed are still in the dead-letter queue");
        Err(if args.json {
            failure.printed()
        } else {
            failure
        })
    }
}

/// Publishes a copy of `d` to `target` and waits for the broker's confirm.
async fn publish(channel: &Channel, target: &str, d: &DeadLetter) -> Result<(), String> {
    let confirm = channel
        .basic_publish(
            "".into(),
            target.into(),
            BasicPublishOptions {
                mandatory: true,
                ..BasicPublishOptions::default()
            },
            &d.body,
            replay_properties(d),
        )
        .await
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    match confirm {
        Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
        Confirmation::Ack(Some(_)) => Err(format!("no queue `{target}` to receive it")),
        Confirmation::Nack(_) => Err("the broker refused it (nack)".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_match_exactly_the_receive_queues() {
        let component = Component {
            receive: vec!["valawai/c1/e.x/data/in".into(), "a+b".into()],
            dead_letters: "valawai/c1/e.x/dead_letters".into(),
            name: "c1_ex".into(),
        };
        let (name, pattern, definition) = policy_for(&component);
        assert_eq!(name, "valawai-dlx-c1_ex");
        assert_eq!(pattern, r"^(valawai/c1/e\.x/data/in|a\+b)$");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&definition).unwrap(),
            json!({"dead-letter-exchange": "", "dead-letter-routing-key": "valawai/c1/e.x/dead_letters"})
        );
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}

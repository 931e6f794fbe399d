//! Test helpers shared by the broker tests of the development MOV, the CLI and the echo example:
//! a client of the RabbitMQ at `127.0.0.1:5672` (or `AMQP_ADDR`) that declares queues as the
//! MOV does, publishes as components do, and consumes into a channel of JSON values.
//!
//! Everything panics with a message that says what was missing: these are test helpers, and a
//! test must fail (never skip) without a broker.

use std::time::Duration;

pub mod raw;

use futures_util::StreamExt;
use lapin::options::{
    BasicConsumeOptions, BasicPublishOptions, ConfirmSelectOptions, QueueDeclareOptions,
    QueueDeleteOptions, QueuePurgeOptions,
};
use lapin::types::FieldTable;
use lapin::{Channel, Connection, ConnectionProperties};
use serde_json::Value;
use tokio::sync::mpsc;
use valawai::conventions;

/// How long a test waits for anything (the upstream echo tests wait about 30 s).
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The MOV's own inbound queues.
pub const MOV_QUEUES: &[&str] = conventions::MOV_QUEUES;

/// The broker: `AMQP_ADDR`, else guest@127.0.0.1:5672.
pub fn url() -> String {
    conventions::BrokerVariables::from_env()
        .amqp_addr
        .unwrap_or_else(|| "amqp://guest:guest@127.0.0.1:5672/%2f".into())
}

/// A connection with a channel in confirm mode.
pub struct Client {
    /// The connection.
    pub connection: Connection,
    /// The channel every helper uses.
    pub channel: Channel,
}

impl Client {
    /// Connects, or panics saying that RabbitMQ must run.
    pub async fn connect() -> Self {
        let connection = tokio::time::timeout(
            Duration::from_secs(10),
            Connection::connect(&url(), ConnectionProperties::default()),
        )
        .await
        .expect("connecting to RabbitMQ timed out")
        .unwrap_or_else(|e| panic!("RabbitMQ must run on {} (see README.md): {e}", url()));
        let channel = connection.create_channel().await.unwrap();
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .unwrap();
        Self {
            connection,
            channel,
        }
    }

    /// Declares `queue` as the MOV does: durable, not exclusive, not auto-delete, no arguments.
    pub async fn declare(&self, queue: &str) {
        self.channel
            .queue_declare(
                queue.into(),
                conventions::queue_declare_options(),
                conventions::queue_arguments(),
            )
            .await
            .unwrap();
    }

    /// Declares and empties `queue`, so that nothing an earlier run left reaches this one.
    pub async fn fresh(&self, queue: &str) {
        self.declare(queue).await;
        self.channel
            .queue_purge(queue.into(), QueuePurgeOptions::default())
            .await
            .unwrap();
    }

    /// Publishes `body` as components do (default exchange, routing key = queue,
    /// `application/json`) and waits for the confirm.
    pub async fn publish(&self, queue: &str, body: &[u8]) {
        self.channel
            .basic_publish(
                "".into(),
                queue.into(),
                BasicPublishOptions::default(),
                body,
                conventions::mov_properties(),
            )
            .await
            .unwrap()
            .await
            .unwrap();
    }

    /// Publishes a JSON value.
    pub async fn publish_json(&self, queue: &str, value: &Value) {
        self.publish(queue, value.to_string().as_bytes()).await;
    }

    /// Consumes `queue` (declared first, auto-ack) into a channel of parsed bodies (`null` for
    /// a body that is not JSON).
    pub async fn consume(&self, queue: &str) -> mpsc::UnboundedReceiver<Value> {
        self.declare(queue).await;
        let no_ack = BasicConsumeOptions {
            no_ack: true,
            ..BasicConsumeOptions::default()
        };
        let mut consumer = self
            .channel
            .basic_consume(queue.into(), "".into(), no_ack, FieldTable::default())
            .await
            .unwrap();
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(Ok(delivery)) = consumer.next().await {
                let value = serde_json::from_slice(&delivery.data).unwrap_or(Value::Null);
                if tx.send(value).is_err() {
                    break;
                }
            }
        });
        rx
    }

    /// Deletes `queue`.
    pub async fn delete(&self, queue: &str) {
        self.channel
            .queue_delete(queue.into(), QueueDeleteOptions::default())
            .await
            .unwrap();
    }
}

/// The number of ready messages in `queue`, which must exist (a passive declare).
pub async fn message_count(channel: &Channel, queue: &str) -> u32 {
    let passive = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    channel
        .queue_declare(queue.into(), passive, FieldTable::default())
        .await
        .unwrap_or_else(|e| panic!("the queue `{queue}`: {e}"))
        .message_count()
}

/// The next value, or a panic naming `what` after [`PATIENCE`].
pub async fn next(rx: &mut mpsc::UnboundedReceiver<Value>, what: &str) -> Value {
    tokio::time::timeout(PATIENCE, rx.recv())
        .await
        .unwrap_or_else(|_| panic!("no {what} within {PATIENCE:?}"))
        .unwrap_or_else(|| panic!("no {what}: the consumer stopped"))
}

/// Runs `rabbitmqctl` (or the command in `RABBITMQCTL`, such as
/// `docker exec rabbitmq rabbitmqctl`) with `args`, and panics saying what failed.
pub fn rabbitmqctl(args: &[&str]) -> String {
    let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
    let mut parts = command.split_whitespace();
    let program = parts.next().expect("RABBITMQCTL is empty");
    let output = std::process::Command::new(program)
        .args(parts)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{command}` (set RABBITMQCTL): {e}"));
    assert!(
        output.status.success(),
        "`{command} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A virtual host of the test's own on the broker, with every permission for the test user;
/// deleted, with everything in it, when dropped. Tests that run a development MOV or set
/// policies use one, so that they cannot meet another test's queues or MOV.
pub struct Vhost {
    name: String,
}

impl Vhost {
    /// A new virtual host named `<prefix>_<pid>_<nanoseconds>`.
    pub fn create(prefix: &str) -> Self {
        Self::create_with(prefix, &[])
    }

    /// A new virtual host, with more arguments for `rabbitmqctl add_vhost` (such as
    /// `--default-queue-type quorum`).
    pub fn create_with(prefix: &str, options: &[&str]) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let name = format!("{prefix}_{}_{nanos}", std::process::id());
        rabbitmqctl(&[&["add_vhost", name.as_str()][..], options].concat());
        let vhost = Self { name };
        rabbitmqctl(&[
            "set_permissions",
            "-p",
            &vhost.name,
            &vhost.user(),
            ".*",
            ".*",
            ".*",
        ]);
        vhost
    }

    /// Its name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The broker's URL ([`url`]) with this virtual host.
    pub fn url(&self) -> String {
        let (scheme, authority) = scheme_and_authority();
        format!("{scheme}://{authority}/{}", self.name)
    }

    /// The user of [`url`].
    fn user(&self) -> String {
        match scheme_and_authority().1.rsplit_once('@') {
            Some((info, _)) => info.split(':').next().unwrap_or("guest").to_owned(),
            None => "guest".to_owned(),
        }
    }
}

/// `amqp` and `user:password@host:port` of [`url`].
fn scheme_and_authority() -> (String, String) {
    let base = url();
    let (scheme, rest) = base.split_once("://").expect("AMQP_ADDR has a scheme");
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    (scheme.to_owned(), authority.to_owned())
}

impl Drop for Vhost {
    fn drop(&mut self) {
        // Not `rabbitmqctl()`: a panic while dropping during a panic would abort the test run.
        let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
        let mut parts = command.split_whitespace();
        if let Some(program) = parts.next() {
            let _ = std::process::Command::new(program)
                .args(parts)
                .args(["delete_vhost", &self.name])
                .output();
        }
    }
}

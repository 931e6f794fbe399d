//! A broker client and a running development MOV for the tests.
//!
//! Every test that runs a development MOV takes [`serial`] first: two MOVs on one broker would
//! share (and steal from each other) the MOV's queues.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::Duration;

use futures_core::Stream;
use lapin::options::{
    BasicConsumeOptions, BasicPublishOptions, ConfirmSelectOptions, QueueDeclareOptions,
    QueuePurgeOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties};
use serde_json::Value;
use tokio::sync::{broadcast, mpsc};
use valawai::{Config, Endpoint};
use valawai_devmov::{DevMov, DevMovHandle, Event};

/// How long a test waits for anything.
pub const PATIENCE: Duration = Duration::from_secs(20);

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs one development MOV at a time in this test binary.
pub async fn serial() -> tokio::sync::MutexGuard<'static, ()> {
    SERIAL.lock().await
}

pub fn url() -> String {
    std::env::var("AMQP_ADDR").unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into())
}

pub fn config() -> Config {
    let mut config = Config::new(Endpoint::parse_url(&url()).unwrap());
    config.max_retries = 3;
    config.retry_sleep = Duration::from_millis(200);
    config.handle_signals = false;
    config
}

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A connection with a confirming channel. Fails (never skips) without a broker.
pub struct Client {
    pub connection: Connection,
    pub channel: Channel,
}

impl Client {
    pub async fn connect() -> Self {
        let connection = tokio::time::timeout(
            Duration::from_secs(10),
            Connection::connect(&url(), ConnectionProperties::default()),
        )
        .await
        .expect("connecting to RabbitMQ timed out")
        .unwrap_or_else(|e| panic!("RabbitMQ must run on {}: {e}", url()));
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

    /// Declares `queue` as the MOV does (durable, no arguments).
    pub async fn declare(&self, queue: &str) {
        let durable = QueueDeclareOptions {
            durable: true,
            ..QueueDeclareOptions::default()
        };
        self.channel
            .queue_declare(queue.into(), durable, FieldTable::default())
            .await
            .unwrap();
    }

    /// Declares and empties `queue`.
    pub async fn fresh(&self, queue: &str) {
        self.declare(queue).await;
        self.channel
            .queue_purge(queue.into(), QueuePurgeOptions::default())
            .await
            .unwrap();
    }

    pub async fn publish(&self, queue: &str, body: &[u8]) {
        self.channel
            .basic_publish(
                "".into(),
                queue.into(),
                BasicPublishOptions::default(),
                body,
                BasicProperties::default().with_content_type("application/json".into()),
            )
            .await
            .unwrap()
            .await
            .unwrap();
    }

    pub async fn publish_json(&self, queue: &str, value: &Value) {
        self.publish(queue, value.to_string().as_bytes()).await;
    }

    /// Consumes `queue` (declared first) into a channel of parsed JSON bodies.
    pub async fn consume(&self, queue: &str) -> mpsc::UnboundedReceiver<Value> {
        self.declare(queue).await;
        let mut consumer = self
            .channel
            .basic_consume(
                queue.into(),
                "".into(),
                BasicConsumeOptions {
                    no_ack: true,
                    ..BasicConsumeOptions::default()
                },
                FieldTable::default(),
            )
            .await
            .unwrap();
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(Ok(delivery)) =
                std::future::poll_fn(|cx| Pin::new(&mut consumer).poll_next(cx)).await
            {
                let value = serde_json::from_slice(&delivery.data).unwrap_or(Value::Null);
                if tx.send(value).is_err() {
                    break;
                }
            }
        });
        rx
    }
}

/// The next value, or a panic naming `what`.
pub async fn next(rx: &mut mpsc::UnboundedReceiver<Value>, what: &str) -> Value {
    tokio::time::timeout(PATIENCE, rx.recv())
        .await
        .unwrap_or_else(|_| panic!("no {what} within {PATIENCE:?}"))
        .unwrap_or_else(|| panic!("no {what}: the consumer stopped"))
}

/// The MOV's own queues, emptied before a development MOV starts so that nothing left by an
/// earlier run reaches it.
pub const MOV_QUEUES: [&str; 9] = [
    "valawai/component/register",
    "valawai/component/unregister",
    "valawai/component/query",
    "valawai/topology/create",
    "valawai/topology/query",
    "valawai/topology/change",
    "valawai/log/add",
    "valawai/topology/notification/create",
    "valawai/topology/notification/change",
];

/// A development MOV running in this process.
pub struct Running {
    pub handle: DevMovHandle,
    pub events: broadcast::Receiver<Event>,
    task: tokio::task::JoinHandle<Result<(), valawai::RunError>>,
}

impl Running {
    pub async fn start(client: &Client) -> Self {
        for q in MOV_QUEUES {
            client.fresh(q).await;
        }
        let dev_mov = DevMov::new(config());
        let handle = dev_mov.handle();
        let events = handle.subscribe();
        let task = tokio::spawn(dev_mov.run());
        tokio::time::timeout(PATIENCE, handle.ready())
            .await
            .expect("the development MOV starts");
        Self {
            handle,
            events,
            task,
        }
    }

    /// The next event that `accept` takes, skipping others.
    pub async fn wait_for(&mut self, what: &str, accept: impl Fn(&Event) -> bool) -> Event {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let event = tokio::time::timeout_at(deadline, self.events.recv())
                .await
                .unwrap_or_else(|_| panic!("no {what} within {PATIENCE:?}"))
                .expect("the event stream");
            if accept(&event) {
                return event;
            }
        }
    }

    pub async fn stop(self) {
        self.handle.shutdown();
        tokio::time::timeout(PATIENCE, self.task)
            .await
            .expect("the development MOV stops")
            .unwrap()
            .unwrap();
    }
}

/// A name unique to this run, usable in component names (`\w+`).
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{prefix}_{}_{nanos}", std::process::id())
}

//! Test support: the broker address, unique names, a plain AMQP client, a MOV played by the
//! test, a TCP relay to cut connections, and an echo component shaped like generated code.
//!
//! Broker tests need RabbitMQ at `AMQP_ADDR` (default `amqp://guest:guest@127.0.0.1:5672/%2f`).
//! They fail, never skip, when it does not answer.

#![allow(dead_code)] // Each test binary uses part of the support code.

pub mod echo;

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use futures_core::Stream;
use serde_json::Value;
use tokio::sync::{Mutex, mpsc};
use valawai::lapin::options::{
    BasicConsumeOptions, BasicPublishOptions, ConfirmSelectOptions, QueueDeleteOptions,
};
use valawai::lapin::types::FieldTable;
use valawai::lapin::{self, BasicProperties, Channel, Connection, ConnectionProperties};
use valawai::mov::MovChannels;
use valawai::{Config, Endpoint};

/// How long a test waits for something that should happen.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The broker URL.
pub fn amqp_addr() -> String {
    valawai_testkit::url()
}

fn endpoint() -> Endpoint {
    Endpoint::parse_url(&amqp_addr()).expect("AMQP_ADDR is not a valid amqp:// URL")
}

/// The broker's host and port, for a relay of a test's own.
pub fn broker_address() -> (String, u16) {
    let e = endpoint();
    (e.host, e.port)
}

/// The broker, with its credentials, reached at 127.0.0.1:`port` (a relay).
pub fn endpoint_via(port: u16) -> Endpoint {
    let mut e = endpoint();
    e.host = "127.0.0.1".into();
    e.port = port;
    e
}

/// Logs to the test output when RUST_LOG is set.
pub fn init_logs() {
    if std::env::var_os("RUST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
    }
}

/// Fails the test with a clear message when no broker answers.
pub async fn require_broker() {
    init_logs();
    let e = endpoint();
    let addr = e.host_port();
    match tokio::time::timeout(
        Duration::from_secs(5),
        tokio::net::TcpStream::connect((e.host.as_str(), e.port)),
    )
    .await
    {
        Ok(Ok(_)) => {}
        Ok(Err(err)) => panic!(
            "no RabbitMQ answers at {addr} ({err}). These tests need a broker: start one \
             (`rabbitmq-server -detached`) or set AMQP_ADDR=amqp://user:pass@host:port/%2f"
        ),
        Err(_) => panic!("RabbitMQ at {addr} did not accept a TCP connection within 5 s"),
    }
}

/// A name unique to this test, this process and this call: `{test}_{pid}_{n}`.
pub fn unique(test: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{test}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A fresh temporary folder.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("valawai-test-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A component configuration for tests: the test broker, fast retries, no signal handling,
/// the MOV's channels under `mov_prefix`, the id file in `log_dir`.
pub fn config(mov_prefix: &str, log_dir: PathBuf) -> Config {
    let mut c = Config::new(endpoint());
    c.max_retries = 5;
    c.retry_sleep = Duration::from_millis(100);
    c.retry_max_sleep = Duration::from_millis(500);
    c.connect_timeout = Duration::from_secs(5);
    c.handle_signals = false;
    c.shutdown_deadline = Duration::from_secs(5);
    c.publish_timeout = Duration::from_secs(20);
    c.registration_timeout = Duration::from_secs(5);
    c.mov_channels = MovChannels::with_prefix(&format!("{mov_prefix}/"));
    c.log_dir = log_dir;
    c
}

/// A component of type `kind` (`C0`, `C1`...) named after the test's `prefix`
/// (`c0_<prefix>`, version `version`), and its registered channel.
pub fn test_component(
    prefix: &str,
    kind: valawai::mov::protocol::ComponentType,
    version: &str,
) -> (valawai::Component, String) {
    let level = kind.as_str().to_lowercase();
    let name = prefix.replace(['/', '-'], "_");
    let registered = format!("valawai/{level}/{name}/control/registered");
    let component = valawai::Component::new(valawai::ComponentInfo {
        name: format!("{level}_{name}").into(),
        component_type: kind,
        version: version.to_owned().into(),
        asyncapi_yaml: "asyncapi: 2.6.0".into(),
        registered_channel: registered.clone().into(),
    });
    (component, registered)
}

/// The failing handler of the retry tests, by the message's `kind` and the attempt: `flaky`
/// fails once (retryable), `broken` always, `poison` rejects at once, `panic` panics, anything
/// else succeeds.
pub fn failing_handler(kind: &str, attempt: u32) -> valawai::HandlerResult {
    use valawai::HandlerError;
    match (kind, attempt) {
        ("flaky", 1) => Err(HandlerError::retry("not yet")),
        ("flaky", _) => Ok(()),
        ("broken", _) => Err(std::io::Error::other("disk on fire").into()),
        ("poison", _) => Err(HandlerError::reject("cannot ever work")),
        ("panic", _) => panic!("handler bug"),
        _ => Ok(()),
    }
}

/// Waits for `condition` (checked every 20 ms) or panics with `what` after `limit`.
pub async fn wait_until(what: &str, limit: Duration, mut condition: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + limit;
    while !condition() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A received message.
#[derive(Debug)]
pub struct Received {
    pub properties: BasicProperties,
    pub body: Vec<u8>,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// A plain lapin client, as another component or the MOV would use.
pub struct Client {
    pub connection: Connection,
    pub channel: Channel,
}

impl Client {
    pub async fn connect() -> Self {
        Self::connect_to(&amqp_addr()).await
    }

    /// A client of the broker at `url` (a virtual host of the test's own, say).
    pub async fn connect_to(url: &str) -> Self {
        require_broker().await;
        let connection = tokio::time::timeout(
            Duration::from_secs(10),
            Connection::connect(url, ConnectionProperties::default()),
        )
        .await
        .expect("connect timed out")
        .expect("connect");
        let channel = connection.create_channel().await.expect("channel");
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .expect("confirm_select");
        Self {
            connection,
            channel,
        }
    }

    /// Declares `queue` as the MOV does: durable, not exclusive, not auto-delete, no arguments.
    pub async fn declare(&self, queue: &str) -> lapin::Result<lapin::Queue> {
        self.channel
            .queue_declare(
                queue.into(),
                valawai::conventions::queue_declare_options(),
                valawai::conventions::queue_arguments(),
            )
            .await
    }

    /// Number of ready messages in `queue` (which must exist).
    pub async fn ready(&self, queue: &str) -> u32 {
        valawai_testkit::message_count(&self.channel, queue).await
    }

    /// Publishes `body` to `queue` (default exchange), persistent, and waits for the confirm.
    pub async fn publish(&self, queue: &str, body: &[u8]) {
        self.publish_with(queue, body, valawai::conventions::publish_properties(true))
            .await;
    }

    /// Publishes `body` with these properties and waits for the confirm.
    pub async fn publish_with(&self, queue: &str, body: &[u8], properties: BasicProperties) {
        let confirm = self
            .channel
            .basic_publish(
                "".into(),
                queue.into(),
                BasicPublishOptions::default(),
                body,
                properties,
            )
            .await
            .expect("publish")
            .await
            .expect("confirm");
        assert!(confirm.is_ack(), "the broker refused a test message");
    }

    /// Publishes a JSON value.
    pub async fn publish_json(&self, queue: &str, value: &Value) {
        self.publish(queue, value.to_string().as_bytes()).await;
    }

    /// Consumes `queue` (auto-ack) into a channel.
    pub async fn consume(&self, queue: &str) -> mpsc::UnboundedReceiver<Received> {
        let channel = self.connection.create_channel().await.expect("channel");
        let mut consumer = channel
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
            .expect("consume");
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            let _channel = channel;
            while let Some(Ok(d)) =
                std::future::poll_fn(|cx| Pin::new(&mut consumer).poll_next(cx)).await
            {
                if tx
                    .send(Received {
                        properties: d.properties,
                        body: d.data,
                    })
                    .is_err()
                {
                    break;
                }
            }
        });
        rx
    }

    /// Declares `queue` as the MOV does, then consumes it (auto-ack) into a channel.
    pub async fn declare_and_consume(&self, queue: &str) -> mpsc::UnboundedReceiver<Received> {
        self.declare(queue).await.expect("declare");
        self.consume(queue).await
    }

    /// Deletes queues (missing ones are fine).
    pub async fn delete(&self, queues: &[&str]) {
        let channel = self.connection.create_channel().await.expect("channel");
        for q in queues {
            let _ = channel
                .queue_delete((*q).into(), QueueDeleteOptions::default())
                .await;
        }
    }
}

/// Receives the next message or panics after `limit`.
pub async fn next(rx: &mut mpsc::UnboundedReceiver<Received>, what: &str) -> Received {
    tokio::time::timeout(PATIENCE, rx.recv())
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
        .unwrap_or_else(|| panic!("consumer ended while waiting for {what}"))
}

/// `true` if no message arrives within `quiet`.
pub async fn stays_empty(rx: &mut mpsc::UnboundedReceiver<Received>, quiet: Duration) -> bool {
    tokio::time::timeout(quiet, rx.recv()).await.is_err()
}

/// The MOV, played by the test: it consumes the register, unregister and log queues (under a
/// unique prefix) and answers registrations when told to.
pub struct TestMov {
    pub client: Client,
    pub channels: MovChannels,
    pub register: mpsc::UnboundedReceiver<Received>,
    pub unregister: mpsc::UnboundedReceiver<Received>,
    pub log: mpsc::UnboundedReceiver<Received>,
}

impl TestMov {
    pub async fn start(prefix: &str) -> Self {
        let client = Client::connect().await;
        let channels = MovChannels::with_prefix(&format!("{prefix}/"));
        for q in [&channels.register, &channels.unregister, &channels.log] {
            client.declare(q).await.expect("declare a MOV queue");
        }
        let register = client.consume(&channels.register).await;
        let unregister = client.consume(&channels.unregister).await;
        let log = client.consume(&channels.log).await;
        Self {
            client,
            channels,
            register,
            unregister,
            log,
        }
    }

    /// Sends the registered notification the way the MOV does (channel entries with `name`).
    pub async fn send_registered(&self, registered_channel: &str, id: &str, register: &Value) {
        let message = serde_json::json!({
            "id": id,
            "name": register["name"],
            "description": "Echo test component é",
            "version": register["version"],
            "api_version": "1.0.0",
            "type": register["type"],
            "since": 1_709_902_001,
            "channels": [
                {"name": registered_channel, "subscribe": {"type": "OBJECT", "properties": {
                    "id": {"type": "BASIC", "format": "STRING"}}}},
                {"name": "x", "publish": {"type": "REF", "identifier": 0}}
            ]
        });
        self.client.publish_json(registered_channel, &message).await;
    }

    /// The next log record whose level is `level`, skipping others.
    pub async fn next_log(&mut self, level: &str) -> Value {
        loop {
            let record = next(&mut self.log, &format!("a {level} log")).await.json();
            if record["level"] == level {
                return record;
            }
        }
    }

    pub async fn cleanup(self) {
        let c = &self.channels;
        self.client
            .delete(&[&c.register, &c.unregister, &c.log])
            .await;
    }
}

/// The end of a test with a component and a MOV: deletes the queues and the MOV's queues, and
/// removes the folder of the id file.
pub async fn clean_up(client: &Client, queues: &[&str], mov: TestMov, log_dir: PathBuf) {
    client.delete(queues).await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);
}

/// A TCP relay in front of the broker; [`Relay::cut`] drops every connection through it, and
/// [`Relay::set_refusing`] makes it close new connections at once (a broker that is down).
pub struct Relay {
    pub port: u16,
    tasks: Arc<Mutex<tokio::task::JoinSet<()>>>,
    accept: tokio::task::JoinHandle<()>,
    refusing: Arc<std::sync::atomic::AtomicBool>,
    /// Connections accepted (refused ones included).
    pub accepted: Arc<AtomicU32>,
}

impl Relay {
    pub async fn start() -> Self {
        let upstream = endpoint();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let tasks = Arc::new(Mutex::new(tokio::task::JoinSet::new()));
        let refusing = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let accepted = Arc::new(AtomicU32::new(0));
        let (t, r, a) = (tasks.clone(), refusing.clone(), accepted.clone());
        let accept = tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                a.fetch_add(1, Ordering::SeqCst);
                if r.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let upstream = (upstream.host.clone(), upstream.port);
                t.lock().await.spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        Self {
            port,
            tasks,
            accept,
            refusing,
            accepted,
        }
    }

    /// While `true`, new connections are closed as soon as they are accepted.
    pub fn set_refusing(&self, refusing: bool) {
        self.refusing.store(refusing, Ordering::SeqCst);
    }

    /// An endpoint through the relay, with the broker's credentials.
    pub fn endpoint(&self) -> Endpoint {
        endpoint_via(self.port)
    }

    /// Drops every connection (both sides). New connections are accepted again.
    pub async fn cut(&self) {
        self.tasks.lock().await.abort_all();
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Runs `rabbitmqctl` with `args`, or the command in `RABBITMQCTL` (for example
/// `docker exec rabbitmq rabbitmqctl`); panics if it fails.
pub fn rabbitmqctl(args: &[&str]) {
    rabbitmqctl_output(args);
}

/// Like [`rabbitmqctl`], returning what it printed.
pub fn rabbitmqctl_output(args: &[&str]) -> String {
    valawai_testkit::rabbitmqctl(args)
}

/// Stops a component started with [`spawn`] and checks that its run ended well.
pub async fn stop(
    handle: &valawai::ComponentHandle,
    run: tokio::task::JoinHandle<Result<(), valawai::RunError>>,
) {
    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .expect("the component stops in time")
        .expect("the component's task")
        .expect("the component's run");
}

/// Runs `future` on a task and returns its handle (for components under test).
pub fn spawn<F: Future + Send + 'static>(future: F) -> tokio::task::JoinHandle<F::Output>
where
    F::Output: Send + 'static,
{
    tokio::spawn(future)
}

//! Helpers the CLI tests share: running the binary, fixtures, the broker.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use serde_json::Value;
use valawai_testkit::PATIENCE;

use std::time::Duration;

use valawai::lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeleteOptions};
use valawai::lapin::types::FieldTable;
use valawai::lapin::{Channel, Connection, ConnectionProperties, ExchangeKind};

/// The path of a file under `fixtures/`, as a string.
pub fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(path)
        .to_str()
        .unwrap()
        .to_owned()
}

/// The echo component's spec.
pub fn echo() -> String {
    fixture("component/echo/asyncapi.yaml")
}

/// The MOV's spec.
pub fn mov() -> String {
    fixture("valawai/MOV/asyncapi.yaml")
}

/// Runs `valawai` with `args`, `stdin` on standard input, no colour.
pub fn valawai(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_valawai"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the valawai binary runs");
    // A command that fails before reading its input closes the pipe early.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// Text from bytes.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A name no other test (or run) uses.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    )
}

/// The test broker: 127.0.0.1:5672, guest/guest. Fails when it is not
/// there: broker tests must not skip.
pub async fn broker() -> Connection {
    broker_at("amqp://guest:guest@127.0.0.1:5672/%2f").await
}

/// The test broker at `url` (another vhost).
pub async fn broker_at(url: &str) -> Connection {
    Connection::connect(url, ConnectionProperties::default())
        .await
        .expect("RabbitMQ must run on 127.0.0.1:5672 (guest/guest) for the CLI broker tests")
}

/// Declares a component queue as components do: durable, no arguments.
pub async fn declare(channel: &Channel, queue: &str) {
    channel
        .queue_declare(
            queue.into(),
            valawai::conventions::queue_declare_options(),
            valawai::conventions::queue_arguments(),
        )
        .await
        .unwrap();
}

/// Deletes a queue a test declared.
pub async fn delete(channel: &Channel, queue: &str) {
    let _ = channel
        .queue_delete(queue.into(), QueueDeleteOptions::default())
        .await;
}

/// A registration payload for the MOV's registered channel.
pub const COMPONENT: &str = r#"{"id": "65c1f59ea4cb169f42f5edc4", "name": "c1_echo", "type": "C1", "description": "d", "version": "1.0.0", "api_version": "1.0.0", "since": 1, "channels": []}"#;

/// The echo example's package (and binary) name.
pub const ECHO: &str = "c1_echo_example_with_rust_and_lapin";

/// A child process killed when the test ends, however it ends.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn sigterm(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The echo example's binary, built with the cargo running this test.
pub fn echo_binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let output = Command::new(env!("CARGO"))
        .args([
            "build",
            "-p",
            ECHO,
            "--message-format=json-render-diagnostics",
        ])
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .stderr(Stdio::inherit())
        .output()
        .unwrap();
    assert!(output.status.success(), "cargo build -p {ECHO} failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|m| m["target"]["name"] == ECHO)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("the echo binary")
}

/// The development MOV's events (`--json` lines) as they come.
pub struct Events(pub mpsc::Receiver<Value>);

impl Events {
    pub fn wait_for(&self, what: &str, accept: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let event = self.0.recv_timeout(left).unwrap_or_else(|_| {
                panic!("no {what} from the development MOV within {PATIENCE:?}")
            });
            if accept(&event) {
                return event;
            }
        }
    }
}

/// Runs `valawai mov run --json --url <url>` and reads its events; returns once it is ready.
pub fn start_mov(url: &str) -> (Process, Events) {
    let mut mov = Command::new(env!("CARGO_BIN_EXE_valawai"))
        .args(["mov", "run", "--json", "--url", url])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = mov.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let event: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("`{line}` is not a JSON event: {e}"));
            if tx.send(event).is_err() {
                break;
            }
        }
    });
    let events = Events(rx);
    events.wait_for("ready", |e| e["event"] == "ready");
    (Process(mov), events)
}

/// Runs `rabbitmqctl` with `args`; fails the test if it fails.
pub fn rabbitmqctl(args: &[&str]) {
    let out = Command::new("rabbitmqctl")
        .args(args)
        .output()
        .expect("rabbitmqctl runs");
    assert!(
        out.status.success(),
        "rabbitmqctl {args:?}: {}",
        text(&out.stderr)
    );
}

/// A virtual host of its own, with every queue dead-lettering to the `dead` queue; deleted
/// when the test ends.
pub struct Vhost(pub String);

impl Vhost {
    pub async fn new() -> Self {
        let name = unique("valawai_vhost");
        rabbitmqctl(&["add_vhost", &name]);
        let vhost = Vhost(name);
        rabbitmqctl(&["set_permissions", "-p", &vhost.0, "guest", ".*", ".*", ".*"]);
        rabbitmqctl(&[
            "set_policy",
            "-p",
            &vhost.0,
            "dlx",
            "^valawai/",
            r#"{"dead-letter-exchange":"dlx"}"#,
            "--apply-to",
            "queues",
        ]);
        let connection = broker_at(&vhost.url()).await;
        let channel = connection.create_channel().await.unwrap();
        channel
            .exchange_declare(
                "dlx".into(),
                ExchangeKind::Fanout,
                ExchangeDeclareOptions::default(),
                FieldTable::default(),
            )
            .await
            .unwrap();
        declare(&channel, "dead").await;
        channel
            .queue_bind(
                "dead".into(),
                "dlx".into(),
                "".into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await
            .unwrap();
        let _ = connection.close(200, "set up".into()).await;
        vhost
    }

    pub fn url(&self) -> String {
        format!("amqp://guest:guest@127.0.0.1:5672/{}", self.0)
    }

    /// How many messages `queue` holds, as the broker counts them.
    pub fn messages(&self, queue: &str) -> u64 {
        let out = Command::new("rabbitmqctl")
            .args(["list_queues", "-q", "-p", &self.0, "name", "messages"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.rsplit_once('\t'))
            .find(|(name, _)| *name == queue)
            .and_then(|(_, n)| n.trim().parse().ok())
            .unwrap_or(0)
    }

    /// Waits until `queue` holds `n` messages.
    pub async fn wait_for_messages(&self, queue: &str, n: u64) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let found = self.messages(queue);
            if found == n {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "`{queue}` holds {found} messages, not {n}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Vhost {
    fn drop(&mut self) {
        let _ = Command::new("rabbitmqctl")
            .args(["delete_vhost", &self.0])
            .output();
    }
}

/// The development MOV and the echo example, as processes in a virtual host.
pub struct EchoAndMov {
    /// `valawai mov run`.
    pub mov: Process,
    /// Its events.
    pub events: Events,
    /// The echo example.
    pub echo: Process,
    log_dir: PathBuf,
}

impl EchoAndMov {
    /// Starts both in `vhost`; returns once the echo registered.
    pub async fn start(vhost: &Vhost) -> Self {
        let echo_binary = tokio::task::spawn_blocking(echo_binary).await.unwrap();
        let (mov, events) = start_mov(&vhost.url());
        let log_dir = std::env::temp_dir().join(unique("valawai-echo"));
        std::fs::create_dir_all(&log_dir).unwrap();
        let echo = Process(
            Command::new(&echo_binary)
                .env("AMQP_ADDR", vhost.url())
                .env("LOG_DIR", &log_dir)
                .env("COMPONET_ID_FILE_NAME", "component_id.json")
                .spawn()
                .unwrap(),
        );
        events.wait_for("the echo's registration", |e| {
            e["event"] == "registered" && e["component"]["name"] == ECHO
        });
        EchoAndMov {
            mov,
            events,
            echo,
            log_dir,
        }
    }

    /// Fails the test if either died.
    pub fn assert_alive(&mut self) {
        assert!(self.echo.0.try_wait().unwrap().is_none(), "the echo died");
        assert!(self.mov.0.try_wait().unwrap().is_none(), "the MOV died");
    }

    /// Stops both with SIGTERM.
    pub fn stop(mut self) {
        for process in [&mut self.echo, &mut self.mov] {
            sigterm(&process.0);
            let _ = process.0.wait();
        }
        let _ = std::fs::remove_dir_all(&self.log_dir);
    }
}

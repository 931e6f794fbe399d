//! Helpers the CLI tests share: running the binary, fixtures, the broker.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use valawai::lapin::options::{QueueDeclareOptions, QueueDeleteOptions};
use valawai::lapin::types::FieldTable;
use valawai::lapin::{Channel, Connection, ConnectionProperties};

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
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
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

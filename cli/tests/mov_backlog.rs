//! `valawai mov run` starts clean: the messages waiting in the MOV's queues from earlier runs
//! (stale logs, above all) are purged before it consumes, and it says how many; with
//! `--keep-backlog` it handles them. In a virtual host of its own, so no other test's queues
//! are touched.

mod support;

use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Instant;

use serde_json::Value;
use support::{Process, Vhost, broker_at, declare, sigterm};
use valawai::lapin::BasicProperties;
use valawai::lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use valawai_testkit::PATIENCE;

const LOG: &str = "valawai/log/add";
const REGISTER: &str = "valawai/component/register";

/// Fills the log queue with `n` stale records and the register queue with one stale
/// registration, with publisher confirms; waits until the broker counts them.
async fn fill(vhost: &Vhost, n: usize) {
    let connection = broker_at(&vhost.url()).await;
    let channel = connection.create_channel().await.unwrap();
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .unwrap();
    declare(&channel, LOG).await;
    declare(&channel, REGISTER).await;
    let mut bodies: Vec<(&str, String)> = (1..=n)
        .map(|i| {
            (
                LOG,
                format!(r#"{{"level": "INFO", "message": "stale record {i}"}}"#),
            )
        })
        .collect();
    bodies.push((
        REGISTER,
        r#"{"name": "c1_stale", "version": "1.0.0"}"#.to_owned(),
    ));
    for (queue, body) in &bodies {
        channel
            .basic_publish(
                "".into(),
                (*queue).into(),
                BasicPublishOptions::default(),
                body.as_bytes(),
                valawai::conventions::mov_properties(),
            )
            .await
            .unwrap()
            .await
            .unwrap();
    }
    let _ = connection.close(200, "filled".into()).await;
    vhost.wait_for_messages(LOG, n as u64).await;
    vhost.wait_for_messages(REGISTER, 1).await;
}

/// Publishes one fresh log record.
async fn log(vhost: &Vhost, message: &str) {
    let connection = broker_at(&vhost.url()).await;
    let channel = connection.create_channel().await.unwrap();
    channel
        .basic_publish(
            "".into(),
            LOG.into(),
            BasicPublishOptions::default(),
            format!(r#"{{"level": "INFO", "message": "{message}"}}"#).as_bytes(),
            BasicProperties::default(),
        )
        .await
        .unwrap()
        .await
        .unwrap();
    let _ = connection.close(200, "sent".into()).await;
}

/// `valawai mov run --json` with `extra` arguments, and every line it prints, in order.
fn mov_run(vhost: &Vhost, extra: &[&str]) -> (Process, mpsc::Receiver<Value>) {
    let url = vhost.url();
    let mut child = Command::new(env!("CARGO_BIN_EXE_valawai"))
        .args(["mov", "run", "--json", "--url", &url])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
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
    (Process(child), rx)
}

/// The events up to and including the first that `stop` accepts.
fn events_until(
    events: &mpsc::Receiver<Value>,
    what: &str,
    stop: impl Fn(&Value) -> bool,
) -> Vec<Value> {
    let deadline = Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let event = events
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no {what} within {PATIENCE:?}; seen: {seen:#?}"));
        let done = stop(&event);
        seen.push(event);
        if done {
            return seen;
        }
    }
}

fn stale_logs(events: &[Value]) -> usize {
    events
        .iter()
        .filter(|e| {
            e["event"] == "log"
                && e["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("stale record"))
        })
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mov_run_purges_the_backlog_and_keep_backlog_replays_it() {
    let vhost = Vhost::new().await;

    // Starting clean: one line says what was purged, before the MOV is ready; the stale
    // records never show, a fresh one does.
    fill(&vhost, 25).await;
    let (mut mov, events) = mov_run(&vhost, &[]);
    let start = events_until(&events, "ready", |e| e["event"] == "ready");
    let purged: Vec<&Value> = start.iter().filter(|e| e["event"] == "purged").collect();
    assert_eq!(purged.len(), 1, "{start:#?}");
    assert_eq!(purged[0]["messages"], 26, "{start:#?}");
    assert_eq!(purged[0]["queues"][LOG], 25, "{start:#?}");
    assert_eq!(purged[0]["queues"][REGISTER], 1, "{start:#?}");
    log(&vhost, "fresh record").await;
    let after = events_until(&events, "the fresh record", |e| {
        e["event"] == "log" && e["message"] == "fresh record"
    });
    assert_eq!(stale_logs(&after), 0, "{after:#?}");
    assert!(
        !after.iter().any(|e| e["event"] == "rejected"),
        "the stale registration was handled: {after:#?}"
    );
    sigterm(&mov.0);
    assert!(mov.0.wait().unwrap().success());
    assert_eq!(vhost.messages(LOG), 0);

    // The text line, with nothing left to purge.
    let out = Command::new(env!("CARGO_BIN_EXE_valawai"))
        .args([
            "mov",
            "run",
            "--url",
            &vhost.url(),
            "--connect-timeout",
            "5",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut text_mov = Process(out);
    let stdout = text_mov.0.stdout.take().unwrap();
    let first = {
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap();
        line
    };
    assert_eq!(first, "mov | no stale messages in the MOV's queues\n");
    sigterm(&text_mov.0);
    let _ = text_mov.0.wait();

    // --keep-backlog: no purge, and every stale record is handled, in order.
    fill(&vhost, 5).await;
    let (mut mov, events) = mov_run(&vhost, &["--keep-backlog"]);
    let seen = events_until(&events, "the last stale record", |e| {
        e["event"] == "log" && e["message"] == "stale record 5"
    });
    assert!(!seen.iter().any(|e| e["event"] == "purged"), "{seen:#?}");
    assert_eq!(stale_logs(&seen), 5, "{seen:#?}");
    let messages: Vec<&str> = seen
        .iter()
        .filter(|e| e["event"] == "log")
        .filter_map(|e| e["message"].as_str())
        .filter(|m| m.starts_with("stale record"))
        .collect();
    assert_eq!(
        messages,
        (1..=5)
            .map(|i| format!("stale record {i}"))
            .collect::<Vec<_>>()
    );
    sigterm(&mov.0);
    assert!(mov.0.wait().unwrap().success());
}

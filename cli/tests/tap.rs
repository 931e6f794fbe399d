//! `valawai tap` against the real broker: it shows a message published on a
//! channel while the channel's own consumer still gets it; it refuses to run
//! when tracing is off, and reports bad input and an unreachable broker.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use futures_util::StreamExt;
use support::{
    COMPONENT, broker_at, declare, delete, echo, mov, rabbitmqctl, text, unique, valawai,
};
use valawai::lapin::options::{BasicConsumeOptions, BasicPublishOptions};
use valawai::lapin::types::FieldTable;

const WAIT: Duration = Duration::from_secs(30);

/// Starts `valawai tap` and waits until it listens; its standard output
/// lines arrive on the receiver.
fn start_tap(args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_valawai"))
        .arg("tap")
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (ready_tx, ready_rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = ready_tx.send(line);
        }
    });
    loop {
        let line = ready_rx.recv_timeout(WAIT).expect("tap starts");
        if line.starts_with("tapping ") {
            break;
        }
    }
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (child, rx)
}

/// A vhost of the tests' own, so that tracing never changes on `/`.
fn vhost(name: &str) -> String {
    let _ = Command::new("rabbitmqctl")
        .args(["add_vhost", name])
        .output();
    rabbitmqctl(&["set_permissions", "-p", name, "guest", ".*", ".*", ".*"]);
    format!("amqp://guest:guest@127.0.0.1:5672/{name}")
}

#[tokio::test]
async fn tap_shows_a_message_and_the_consumer_still_gets_it() {
    let url = vhost("valawai_tap_on");
    rabbitmqctl(&["trace_on", "-p", "valawai_tap_on"]);
    let connection = broker_at(&url).await;
    let channel = connection.create_channel().await.unwrap();
    let address = format!("valawai/c1/{}/control/registered", unique("tap"));
    declare(&channel, &address).await;
    let mut consumer = channel
        .basic_consume(
            address.as_str().into(),
            "the component".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .unwrap();
    let (mut tap, lines) = start_tap(&[&mov(), &address, "--url", &url, "--json", "--count", "1"]);
    channel
        .basic_publish(
            "".into(),
            address.as_str().into(),
            BasicPublishOptions::default(),
            COMPONENT.as_bytes(),
            valawai::conventions::mov_properties(),
        )
        .await
        .unwrap()
        .await
        .unwrap();
    let delivery = tokio::time::timeout(WAIT, consumer.next())
        .await
        .expect("the consumer gets the message")
        .unwrap()
        .unwrap();
    assert_eq!(delivery.data, COMPONENT.as_bytes());
    let line = lines.recv_timeout(WAIT).expect("tap prints the message");
    let shown: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(shown["channel"], address.as_str());
    assert_eq!(
        shown["spec_channel"],
        "valawai/c{type}/{name}/control/registered"
    );
    assert_eq!(shown["valid"], true);
    assert_eq!(
        shown["payload"],
        serde_json::from_str::<serde_json::Value>(COMPONENT).unwrap()
    );
    assert!(tap.wait().unwrap().success());
    delete(&channel, &address).await;
}

#[test]
fn tap_refuses_to_run_when_tracing_is_off_and_can_turn_it_on() {
    let vhost_name = "valawai_tap_off";
    let url = vhost(vhost_name);
    rabbitmqctl(&["trace_off", "-p", vhost_name]);
    let out = valawai(&["tap", &echo(), "--url", &url], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("tracing is off on vhost `valawai_tap_off`"),
        "{stderr}"
    );
    assert!(stderr.contains("--enable-tracing"), "{stderr}");
    // With --enable-tracing it turns tracing on, taps, and turns it off.
    let (mut tap, lines) = start_tap(&[
        &echo(),
        "--url",
        &url,
        "--json",
        "--count",
        "1",
        "--enable-tracing",
    ]);
    let publish = valawai(
        &["publish", &echo(), "received_message", "-", "--url", &url],
        r#"{"content": "traced"}"#,
    );
    // Nobody consumes the channel in this vhost: publish says so, tap sees it.
    assert_eq!(publish.status.code(), Some(2));
    let line = lines.recv_timeout(WAIT).expect("tap prints the message");
    assert!(line.contains("\"traced\""), "{line}");
    assert!(tap.wait().unwrap().success());
    let listing = Command::new("rabbitmqctl")
        .args(["-q", "list_vhosts", "name", "tracing"])
        .output()
        .unwrap();
    assert!(
        text(&listing.stdout).contains(&format!("{vhost_name}\tfalse")),
        "{}",
        text(&listing.stdout)
    );
}

#[test]
fn bad_input_is_reported() {
    let out = valawai(&["tap", "/no/such.yaml"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read `/no/such.yaml`"));
    let out = valawai(&["tap", &echo(), "nope"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the spec has no channel `nope`"));
}

#[test]
fn an_unreachable_broker_is_reported() {
    let out = valawai(
        &[
            "tap",
            &echo(),
            "--url",
            "amqp://guest:guest@127.0.0.1:1/",
            "--connect-timeout",
            "2",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("cannot connect to the broker"), "{stderr}");
}

#[tokio::test]
async fn tap_prints_for_a_person_and_flags_invalid_payloads() {
    let url = vhost("valawai_tap_on");
    rabbitmqctl(&["trace_on", "-p", "valawai_tap_on"]);
    let address = format!("valawai/c1/{}/control/registered", unique("human"));
    let (mut tap, lines) = start_tap(&[&mov(), &address, "--url", &url, "--count", "1"]);
    // Nobody consumes this channel: publish says so, but the firehose saw it.
    let out = valawai(
        &[
            "publish",
            &mov(),
            &address,
            "-",
            "--url",
            &url,
            "--no-validate",
        ],
        r#"{"id": 1}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let first = lines.recv_timeout(WAIT).expect("tap prints the message");
    assert_eq!(first, format!(r#"{address} {{"id": 1}}"#));
    let second = lines.recv_timeout(WAIT).expect("tap says what is wrong");
    assert_eq!(
        second,
        "  invalid: id: invalid type: integer `1`, expected a string"
    );
    assert!(tap.wait().unwrap().success());
}

//! `valawai publish` against the real broker: a published message arrives
//! with the wire contract; an unroutable one, an invalid payload, an unknown
//! channel and an unreachable broker fail with a clear message.

mod support;

use std::time::Instant;

use support::{COMPONENT, broker, declare, delete, echo, mov, text, unique, valawai};
use valawai::lapin::options::BasicGetOptions;

#[tokio::test]
async fn a_valid_payload_is_published_to_the_channel_queue() {
    let connection = broker().await;
    let channel = connection.create_channel().await.unwrap();
    let address = format!("valawai/c1/{}/control/registered", unique("publish"));
    declare(&channel, &address).await;
    let out = valawai(&["publish", &mov(), &address, "-", "--json"], COMPONENT);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["published"], true);
    assert_eq!(result["channel"], address.as_str());
    let message = channel
        .basic_get(address.as_str().into(), BasicGetOptions { no_ack: true })
        .await
        .unwrap()
        .expect("the message is in the queue");
    assert_eq!(message.delivery.data, COMPONENT.as_bytes());
    assert_eq!(message.delivery.exchange.as_str(), "");
    assert_eq!(
        message
            .delivery
            .properties
            .content_type()
            .as_ref()
            .map(|c| c.as_str()),
        Some("application/json")
    );
    delete(&channel, &address).await;
}

#[tokio::test]
async fn a_message_nobody_receives_is_an_error() {
    let address = format!("valawai/c1/{}/control/registered", unique("nobody"));
    let out = valawai(&["publish", &mov(), &address, "-"], COMPONENT);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("no queue is bound: nobody consumes {address}")),
        "{stderr}"
    );
    assert!(stderr.contains("start the component"), "{stderr}");
}

#[test]
fn an_invalid_payload_is_not_published() {
    let out = valawai(
        &["publish", &echo(), "received_message", "-"],
        r#"{"content": 5}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("content: invalid type: integer `5`"),
        "{stderr}"
    );
    assert!(stderr.contains("--no-validate"), "{stderr}");
}

#[test]
fn an_unknown_channel_is_an_error() {
    let out = valawai(&["publish", &echo(), "nope", "-"], "{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the spec has no channel `nope`"));
}

#[test]
fn a_missing_payload_file_is_an_error() {
    let out = valawai(
        &["publish", &echo(), "received_message", "/no/such.json"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read the payload `/no/such.json`"));
}

#[test]
fn an_unreachable_broker_fails_quickly() {
    let start = Instant::now();
    let out = valawai(
        &[
            "publish",
            &echo(),
            "received_message",
            "-",
            "--url",
            "amqp://guest:guest@127.0.0.1:1/",
            "--connect-timeout",
            "2",
        ],
        r#"{"content": "hi"}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot connect to the broker at amqp://guest@127.0.0.1:1"),
        "{stderr}"
    );
    assert!(stderr.contains("start RabbitMQ"), "{stderr}");
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn json_failures_are_json_too() {
    let out = valawai(
        &[
            "publish",
            &echo(),
            "received_message",
            "-",
            "--json",
            "--url",
            "amqp://guest:guest@127.0.0.1:1/",
        ],
        r#"{"content": "hi"}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["ok"], false);
    assert_eq!(result["exit_code"], 2);
    assert!(
        result["error"]
            .as_str()
            .unwrap()
            .starts_with("cannot connect to the broker"),
        "{result}"
    );
    let out = valawai(
        &["publish", &echo(), "received_message", "-", "--json"],
        r#"{"content": 5}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["valid"], false);
    assert_eq!(result["error"]["path"], "content");
}

#[tokio::test]
async fn no_validate_publishes_an_invalid_payload() {
    let connection = support::broker().await;
    let channel = connection.create_channel().await.unwrap();
    let address = format!("valawai/c1/{}/control/registered", unique("novalidate"));
    declare(&channel, &address).await;
    let out = valawai(
        &["publish", &mov(), &address, "-", "--no-validate"],
        r#"{"id": 1}"#,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("published 9 bytes on "));
    let message = channel
        .basic_get(address.as_str().into(), BasicGetOptions { no_ack: true })
        .await
        .unwrap()
        .expect("the message is in the queue");
    assert_eq!(message.delivery.data, br#"{"id": 1}"#);
    delete(&channel, &address).await;
}

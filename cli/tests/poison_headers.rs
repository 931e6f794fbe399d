//! Poison headers: messages whose AMQP headers nest arrays 2,000 and 20,000 levels deep, or
//! tables 15,000 deep (lapin's recursive parser overflows its I/O thread's stack on them), sent
//! to a running component (the echo example) and to the development MOV (`valawai mov run`),
//! each in its own virtual host with a dead-letter policy. Both survive, log one ERROR for each
//! such message naming the channel, dead-letter it, and handle the next normal message.

use serde_json::{Value, json};
use valawai::lapin::BasicProperties;
use valawai::lapin::options::{BasicConsumeOptions, BasicPublishOptions};
use valawai::lapin::types::FieldTable;
use valawai_testkit::PATIENCE;
use valawai_testkit::raw::{nested_arrays, nested_tables, publish_with_raw_headers, table_entry};

mod support;
use support::{EchoAndMov, Vhost, broker_at, declare};

const RECEIVED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/received_message";
const PUBLISHED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/publish_message";
const LOG: &str = "valawai/log/add";

/// The three poisons: name and the header value.
fn poisons() -> [(&'static str, Vec<u8>); 3] {
    [
        ("arrays 2,000 deep", nested_arrays(2_000)),
        ("arrays 20,000 deep", nested_arrays(20_000)),
        ("tables 15,000 deep", nested_tables(15_000)),
    ]
}

fn is_refusal(event: &Value, channel: &str) -> bool {
    event["event"] == "log"
        && event["level"] == "ERROR"
        && event["message"].as_str().is_some_and(|m| {
            m.contains(&format!("channel `{channel}`")) && m.contains("AMQP headers were refused")
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poison_headers_are_dead_lettered_and_everyone_keeps_serving() {
    let vhost = Vhost::new().await;
    let mut both = EchoAndMov::start(&vhost).await;
    let events = &both.events;

    // Each poison to the echo and to the development MOV.
    let mut refusals = Vec::new();
    for (what, value) in poisons() {
        let headers = table_entry("poison", &value);
        publish_with_raw_headers(&vhost.0, RECEIVED, &headers, br#"{"content":"poison"}"#).await;
        let refusal = events.wait_for(&format!("the echo's ERROR for {what}"), |e| {
            is_refusal(e, RECEIVED)
        });
        assert!(
            refusal["message"]
                .as_str()
                .unwrap()
                .contains("header `poison` nests"),
            "{refusal}"
        );
        refusals.push(refusal);
        publish_with_raw_headers(
            &vhost.0,
            LOG,
            &headers,
            br#"{"level":"INFO","message":"poisoned log"}"#,
        )
        .await;
        refusals.push(
            events.wait_for(&format!("the MOV's ERROR for {what}"), |e| {
                is_refusal(e, LOG)
            }),
        );
    }
    vhost.wait_for_messages("dead", 6).await;

    // Both still serve: a normal message is echoed, a normal log recorded.
    let client = broker_at(&vhost.url()).await;
    let channel = client.create_channel().await.unwrap();
    declare(&channel, PUBLISHED).await;
    let mut echoes = channel
        .basic_consume(
            PUBLISHED.into(),
            "poison-test".into(),
            BasicConsumeOptions {
                no_ack: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .unwrap();
    for (queue, body) in [
        (RECEIVED, json!({"content": "after the poison"})),
        (LOG, json!({"level": "INFO", "message": "after the poison"})),
    ] {
        channel
            .basic_publish(
                "".into(),
                queue.into(),
                BasicPublishOptions::default(),
                body.to_string().as_bytes(),
                BasicProperties::default(),
            )
            .await
            .unwrap()
            .await
            .unwrap();
    }
    let echoed = tokio::time::timeout(PATIENCE, futures_util::StreamExt::next(&mut echoes))
        .await
        .expect("an echo")
        .unwrap()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&echoed.data).unwrap(),
        json!({"content": "after the poison"})
    );
    let after = events.wait_for("the normal log", |e| {
        e["event"] == "log" && e["message"] == "after the poison"
    });
    assert_eq!(after["level"], "INFO");

    // One ERROR for each poisoned message, no more: none arrived while the rest went on.
    while let Ok(event) = events.0.try_recv() {
        assert!(
            !is_refusal(&event, RECEIVED) && !is_refusal(&event, LOG),
            "a second ERROR: {event}"
        );
    }
    assert_eq!(refusals.len(), 6);
    assert_eq!(vhost.messages("dead"), 6);
    both.assert_alive();

    let _ = client.close(200, "done".into()).await;
    both.stop();
}

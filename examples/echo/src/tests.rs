//! The echo's handler tested with `valawai::testing`: no broker is needed (they pass with
//! `AMQP_ADDR=amqp://127.0.0.1:1`). The broker tests are in `tests/upstream.rs`.

use std::time::Duration;

use serde_json::{Value, json};
use valawai::mov::protocol::LogLevel;
use valawai::testing::{Fate, Harness, Input};

use super::{Echo, echo};

const RECEIVED: &str = echo::channels::RECEIVED_MESSAGE;
const PUBLISHED: &str = echo::channels::PUBLISH_MESSAGE;

async fn harness() -> Harness {
    Harness::start(echo::component(Echo))
        .await
        .expect("the echo is a valid component")
}

fn messages(harness: &Harness) -> Vec<(LogLevel, String)> {
    harness
        .mov_logs()
        .into_iter()
        .map(|log| (log.level, log.message))
        .collect()
}

#[tokio::test]
async fn a_message_is_echoed_with_two_info_logs() {
    let harness = harness().await;
    let outcome = harness
        .send(RECEIVED, &json!({"content": "Hello world!"}))
        .await;
    assert_eq!(outcome.fate, Fate::Acked);
    assert_eq!(outcome.attempts, 1);
    let echoed: Vec<Value> = harness.published_as(PUBLISHED).unwrap();
    assert_eq!(echoed, [json!({"content": "Hello world!"})]);
    let published = &harness.published(PUBLISHED)[0];
    assert_eq!(
        published
            .properties
            .content_type()
            .as_ref()
            .map(|t| t.as_str()),
        Some("application/json")
    );
    assert_eq!(
        messages(&harness),
        [
            (LogLevel::Info, "Received a message to echo".to_owned()),
            (LogLevel::Info, "Sent Echoed message".to_owned()),
        ]
    );
    // The logs carry the payload as JSON.
    assert_eq!(
        outcome.mov_logs[1].payload,
        Some(json!({"content": "Hello world!"}))
    );
    assert_eq!(harness.counters().handled, 1);
}

#[tokio::test]
async fn only_the_content_is_echoed() {
    let harness = harness().await;
    let outcome = harness
        .send(RECEIVED, &json!({"content": "x", "extra": [1, 2]}))
        .await;
    assert!(outcome.is_acked());
    let echoed: Vec<Value> = harness.published_as(PUBLISHED).unwrap();
    assert_eq!(echoed, [json!({"content": "x"})]);
    // The undeclared `extra` is warned about once, from a task of its own: settle waits for it.
    harness.settle(Duration::from_secs(5)).await.unwrap();
    let warnings: Vec<String> = harness
        .mov_logs()
        .into_iter()
        .filter(|log| log.level == LogLevel::Warn)
        .map(|log| log.message)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("`extra`"), "{}", warnings[0]);
}

#[tokio::test]
async fn bad_inputs_get_an_error_log_and_are_dead_lettered() {
    let harness = harness().await;
    let bad: [(&[u8], &str); 6] = [
        (b"{not json", "not JSON"),
        (b"[\"hi\"]", "expected a JSON object, found an array"),
        (
            br#"{"content": 5}"#,
            "at `content`: invalid type: integer `5`",
        ),
        (br#"{"content": ""}"#, "minLength"),
        (br#"{}"#, "content"),
        (b"{\"content\": \"\xff\xfe\"}", "not valid UTF-8"),
    ];
    for (body, expected) in bad {
        let outcome = harness.send_raw(RECEIVED, Input::bytes(body)).await;
        let reason = outcome.reason().expect("dead-lettered");
        assert!(
            reason.starts_with(&format!("Invalid message on channel `{RECEIVED}`"))
                && reason.contains(expected),
            "{reason}"
        );
        assert_eq!(outcome.mov_logs.len(), 1, "one ERROR log: {outcome:?}");
        assert_eq!(outcome.mov_logs[0].level, LogLevel::Error);
        assert!(
            outcome.mov_logs[0].payload.is_some(),
            "the body is in the log"
        );
    }
    assert!(harness.published(PUBLISHED).is_empty(), "nothing echoed");
    // The component carries on.
    let outcome = harness
        .send(RECEIVED, &json!({"content": "still here"}))
        .await;
    assert!(outcome.is_acked());
    let c = harness.counters();
    assert_eq!((c.rejected, c.invalid, c.handled), (6, 6, 1), "{c:?}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_before_decoding() {
    let harness = harness().await;
    let mut huge = br#"{"content":""#.to_vec();
    huge.resize(5 * 1024 * 1024, b'a');
    huge.extend_from_slice(br#""}"#);
    let outcome = harness.send_raw(RECEIVED, Input::bytes(huge)).await;
    assert!(
        matches!(&outcome.fate, Fate::DeadLettered { reason } if reason.contains("more than the limit"))
    );
    assert_eq!(outcome.attempts, 0, "not decoded");
}

#[tokio::test]
async fn the_register_message_describes_the_echo() {
    let harness = harness().await;
    let registration = harness.registration().expect("registered at start");
    assert_eq!(
        registration.name.as_deref(),
        Some("c1_echo_example_with_rust_and_lapin")
    );
    assert_eq!(
        registration.version.as_deref().map(|v| v.as_str()),
        Some("1.0.0")
    );
    assert_eq!(
        registration.asyncapi_yaml.as_deref(),
        Some(include_str!("../asyncapi.yaml"))
    );
    // Logs carry the id once the MOV's registered notification came.
    harness.set_component_id("65c1f59ea4cb169f42f5edc4");
    harness.send(RECEIVED, &json!({"content": "a"})).await;
    assert_eq!(
        harness.mov_logs()[0].component_id.as_deref(),
        Some("65c1f59ea4cb169f42f5edc4")
    );
}

#[tokio::test]
async fn many_messages_in_flight_settle() {
    let harness = harness().await;
    for n in 0..50 {
        harness
            .push(RECEIVED, &json!({"content": format!("m{n}")}))
            .unwrap();
    }
    harness.settle(Duration::from_secs(10)).await.unwrap();
    let mut echoed: Vec<String> = harness
        .published_as::<Value>(PUBLISHED)
        .unwrap()
        .iter()
        .map(|v| v["content"].as_str().unwrap().to_owned())
        .collect();
    echoed.sort_by_key(|c| c[1..].parse::<u32>().unwrap());
    assert_eq!(echoed, (0..50).map(|n| format!("m{n}")).collect::<Vec<_>>());
    assert_eq!(harness.counters().handled, 50);
}

#[tokio::test]
async fn the_handler_called_directly() {
    let harness = harness().await;
    let payload: echo::EchoPayload = serde_json::from_value(json!({"content": "direct"})).unwrap();
    Echo.echo(payload, harness.context(RECEIVED)).await.unwrap();
    let echoed: Vec<Value> = harness.published_as(PUBLISHED).unwrap();
    assert_eq!(echoed, [json!({"content": "direct"})]);
    assert_eq!(messages(&harness).len(), 2);
}

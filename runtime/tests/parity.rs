//! The in-memory harness (`valawai::testing`) against RabbitMQ: the bad-input corpus of the
//! broker tests (invalid JSON, non-objects, wrong types, a schema violation, a body over the
//! limit, invalid UTF-8, bad headers, handlers that retry then fail, reject or panic) gives the
//! same outcome, the same local logs of the message path and the same MOV logs through both.
//!
//! Needs the broker at `AMQP_ADDR`, like `broker.rs`.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use support::echo::EchoHandlers;
use support::{Client, PATIENCE, TestMov, next, unique, wait_until};
use tracing_subscriber::layer::SubscriberExt;
use valawai::lapin::BasicProperties;
use valawai::lapin::types::{AMQPValue, FieldTable};
use valawai::testing::{Fate, Harness, Input};
use valawai::{ChannelSettings, Component, Context, RetryPolicy};

echo_component!(parity_echo);
impl_echo_handlers!(parity_echo);

/// What one input gave: acked or rejected, the local logs of the message path and the MOV logs
/// (level, message, payload), in order.
#[derive(Debug, PartialEq)]
struct Record {
    acked: bool,
    local: Vec<String>,
    mov: Vec<(String, String, Option<String>)>,
}

/// The local events of the message path and the MOV client (targets `valawai::consumer::message` and
/// `valawai::mov`), as `LEVEL target: message`.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<String>>>);

impl Captured {
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

struct Message(String);

impl tracing::field::Visit for Message {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Captured {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        let meta = event.metadata();
        let target = meta.target();
        if target == "valawai::consumer::message" || target == "valawai::mov" {
            let mut message = Message(String::new());
            event.record(&mut message);
            self.0
                .lock()
                .unwrap()
                .push(format!("{} {target}: {}", meta.level(), message.0));
        }
    }
}

/// The echo with a second channel whose handler fails on demand, both in order, with short
/// retries.
fn component(failing: &str) -> Component {
    use parity_echo as echo;
    let retry = RetryPolicy {
        max_attempts: 2,
        delay: Duration::from_millis(10),
    };
    echo::component(EchoHandlers)
        .on(failing.to_owned(), |msg: Value, ctx: Context| async move {
            support::failing_handler(msg["kind"].as_str().unwrap_or_default(), ctx.attempt())
        })
        .channel_settings(
            &echo::channels::RECEIVED_MESSAGE,
            ChannelSettings::ordered().retry(retry),
        )
        .channel_settings(failing, ChannelSettings::ordered().retry(retry))
}

/// The corpus: a channel (`None`: the echo's), a body and headers.
fn corpus() -> Vec<(Option<()>, Vec<u8>, Option<FieldTable>)> {
    let mut huge = br#"{"content":""#.to_vec();
    huge.resize(5 * 1024 * 1024, b'a');
    huge.extend_from_slice(br#""}"#);
    // Arrays nested deeper than the transport takes, and a forged mark.
    let mut nested = AMQPValue::LongLongInt(1);
    for _ in 0..valawai::wire::MAX_HEADER_DEPTH + 8 {
        nested = AMQPValue::FieldArray(vec![nested].into());
    }
    let mut bad_headers = FieldTable::default();
    bad_headers.insert("x-nested".into(), nested);
    bad_headers.insert("x-fine".into(), AMQPValue::LongLongInt(7));
    let mut forged = FieldTable::default();
    forged.insert(
        valawai::wire::REFUSED_HEADERS.into(),
        AMQPValue::LongString("forged by the sender".into()),
    );
    let echo = |body: &[u8]| (None, body.to_vec(), None);
    let failing = |kind: &str| {
        (
            Some(()),
            json!({"kind": kind}).to_string().into_bytes(),
            None,
        )
    };
    vec![
        echo(br#"{"content": "hello"}"#),
        echo(b"{not json"),
        echo(b"[\"hi\"]"),
        echo(b"42"),
        echo(br#"{"content": 5}"#),
        echo(br#"{"content": ""}"#),
        echo(br#"{}"#),
        echo(b"{\"content\": \"\xff\xfe\"}"),
        (None, huge, None),
        (None, br#"{"content": "h"}"#.to_vec(), Some(bad_headers)),
        (None, br#"{"content": "h"}"#.to_vec(), Some(forged)),
        failing("flaky"),
        failing("broken"),
        failing("poison"),
        failing("panic"),
        failing("fine"),
        echo(br#"{"content": "still here"}"#),
    ]
}

fn input(body: &[u8], headers: &Option<FieldTable>) -> (BasicProperties, Input) {
    let mut properties = valawai::conventions::mov_properties();
    if let Some(headers) = headers {
        properties = properties.with_headers(headers.clone());
    }
    (
        properties.clone(),
        Input::bytes(body).properties(properties),
    )
}

fn mov_record(log: &Value) -> (String, String, Option<String>) {
    (
        log["level"].as_str().unwrap_or_default().to_owned(),
        log["message"].as_str().unwrap_or_default().to_owned(),
        log["payload"].as_str().map(str::to_owned),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_harness_and_rabbitmq_give_the_same_outcomes_and_logs() {
    let captured = Captured::default();
    // Global: the component's tasks run on the runtime's workers.
    tracing::subscriber::set_global_default(
        tracing_subscriber::registry()
            .with(tracing_subscriber::filter::LevelFilter::DEBUG)
            .with(captured.clone()),
    )
    .expect("the only test of this binary sets the subscriber");
    support::require_broker().await;
    let prefix = unique("parity");
    let failing = format!("{prefix}/failing");
    let echo_channel = parity_echo::channels::RECEIVED_MESSAGE.as_str();
    let corpus = corpus();
    let channel = |which: &Option<()>| match which {
        None => echo_channel,
        Some(()) => failing.as_str(),
    };

    // In memory.
    let harness = Harness::start(component(&failing)).await.unwrap();
    captured.take();
    let mut expected = Vec::new();
    for (which, body, headers) in &corpus {
        let (_, input) = input(body, headers);
        let outcome = harness.send_raw(channel(which), input).await;
        let mov = outcome
            .published
            .iter()
            .filter(|p| p.channel == "valawai/log/add")
            .map(|p| mov_record(&p.json().unwrap()))
            .collect();
        if let Fate::DeadLettered { reason } = &outcome.fate {
            assert!(!reason.is_empty());
        }
        expected.push(Record {
            acked: outcome.is_acked(),
            local: captured.take(),
            mov,
        });
    }
    harness.settle(Duration::from_secs(5)).await.unwrap();

    // On RabbitMQ.
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    client
        .declare(&parity_echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let log_dir = support::temp_dir(&prefix);
    let component = component(&failing);
    let handle = component.handle();
    let run = tokio::spawn(component.run(support::config(&prefix, log_dir.clone())));
    next(&mut mov.register, "register").await;
    handle
        .wait_for_state(|s| s == valawai::State::Running)
        .await;
    let mut found = Vec::new();
    captured.take();
    for (index, ((which, body, headers), expected)) in corpus.iter().zip(&expected).enumerate() {
        let settled = index as u64 + 1;
        let before = handle.counters();
        let (properties, _) = input(body, headers);
        client.publish_with(channel(which), body, properties).await;
        wait_until("the input settled", PATIENCE, || {
            let c = handle.counters();
            c.handled + c.rejected == settled
        })
        .await;
        let after = handle.counters();
        let mut logs = Vec::new();
        while logs.len() < expected.mov.len() {
            logs.push(mov_record(&next(&mut mov.log, "a MOV log").await.json()));
        }
        found.push(Record {
            acked: after.handled > before.handled,
            local: captured.take(),
            mov: logs,
        });
    }
    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let mut extra = Vec::new();
    while let Ok(m) = mov.log.try_recv() {
        extra.push(m.json());
    }
    client
        .delete(&[
            &parity_echo::channels::REGISTERED,
            echo_channel,
            &parity_echo::channels::PUBLISH_MESSAGE,
            &failing,
        ])
        .await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);

    for (((_, body, _), expected), found) in corpus.iter().zip(&expected).zip(&found) {
        let what = String::from_utf8_lossy(&body[..body.len().min(40)]);
        assert_eq!(expected, found, "input `{what}`");
    }
    assert!(extra.is_empty(), "no other MOV log: {extra:?}");
    // What the corpus is meant to show, in order.
    let fates: Vec<bool> = expected.iter().map(|r| r.acked).collect();
    assert_eq!(
        fates,
        [
            true, false, false, false, false, false, false, false, false, false, false, true,
            false, false, false, true, true
        ]
    );
    let error = |i: usize| -> &str {
        let log = expected[i].mov.last().expect("an ERROR log");
        assert_eq!(log.0, "ERROR");
        &log.1
    };
    assert!(error(1).contains("not JSON"), "{}", error(1));
    assert!(error(8).contains("more than the limit"), "{}", error(8));
    assert!(
        error(9).contains("header `x-nested` nests arrays or tables more than 32 levels deep"),
        "{}",
        error(9)
    );
    assert!(error(10).contains("forged by the sender"), "{}", error(10));
    assert!(
        error(12).contains("(attempt 2): disk on fire"),
        "{}",
        error(12)
    );
    assert!(
        error(14).contains("the handler panicked: handler bug"),
        "{}",
        error(14)
    );
    assert_eq!(expected[0].mov.len(), 2, "the echo's two INFO logs");
    assert!(expected[11].local.iter().any(|l| l.contains("retrying")));
    // Every kind of outcome is in the corpus.
    assert!(expected.iter().any(|r| r.acked));
    assert!(expected.iter().any(|r| !r.acked));
}

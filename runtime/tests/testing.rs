//! The in-memory harness (`valawai::testing`) on the echo's spec: retries, concurrency and
//! order, routing to the component's own channels, settling, errors. No broker is needed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use valawai::RetryPolicy;
use valawai::mov::protocol::ComponentType;
use valawai::mov::protocol::LogLevel;
use valawai::testing::{Fate, Harness, Input, SendError};
use valawai::{ChannelSettings, Component, ComponentInfo, Context, HandlerError};

mod echo {
    valawai::generate!("../examples/echo/asyncapi.yaml");
}

struct Echo;

#[valawai::handlers(crate::echo)]
impl Echo {
    #[receive(echo::channels::RECEIVED_MESSAGE)]
    async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
        ctx.mov()
            .info("Received a message to echo")
            .payload(&message)
            .await;
        ctx.publisher().publish_message(&message).await?;
        Ok(())
    }
}

const RECEIVED: &str = echo::channels::RECEIVED_MESSAGE;
/// How a reject's ERROR log ends: the runtime cannot see the broker's policies.
const DEAD_LETTERED: &str = "dead-lettered if a broker policy gives the queue a dead-letter \
                             exchange (`valawai dlq policy`), dropped otherwise";
const PUBLISHED: &str = echo::channels::PUBLISH_MESSAGE;

fn info() -> ComponentInfo {
    ComponentInfo::new(
        "c0_harness_test",
        ComponentType::C0,
        "1.0.0",
        "asyncapi: 2.6.0",
        "valawai/c0/harness_test/control/registered",
    )
}

fn fast_retry(attempts: u32) -> ChannelSettings {
    ChannelSettings::ordered().retry(RetryPolicy {
        max_attempts: attempts,
        delay: Duration::from_millis(1),
    })
}

#[tokio::test]
async fn the_echo_echoes_and_refuses_what_its_spec_refuses() {
    let harness = Harness::start(echo::component(Echo)).await.unwrap();
    let outcome = harness.send(RECEIVED, &json!({"content": "hi"})).await;
    assert_eq!(outcome.fate, Fate::Acked);
    assert_eq!(outcome.published.len(), 2, "a MOV log and the echo");
    assert_eq!(
        harness.published_as::<Value>(PUBLISHED).unwrap(),
        [json!({"content": "hi"})]
    );
    let published = &harness.published(PUBLISHED)[0];
    assert_eq!(published.properties.delivery_mode(), &Some(2), "persistent");
    assert!(published.properties.message_id().is_some());

    let outcome = harness.send_raw(RECEIVED, Input::bytes("[1]")).await;
    let reason = outcome.reason().unwrap();
    // The reason is the ERROR log, which also says what became of the message.
    assert_eq!(
        reason,
        format!(
            "Invalid message on channel `{RECEIVED}`: expected a JSON object, found an array; \
             not retried (it can never pass), rejected: {DEAD_LETTERED}"
        )
    );
    assert_eq!(outcome.attempts, 1);
    assert_eq!(outcome.mov_logs[0].payload, Some(json!([1])));
    assert_eq!(harness.published(PUBLISHED).len(), 1);
    let registration = harness.registration().unwrap();
    assert_eq!(registration.type_, Some(ComponentType::C1));
    assert_eq!(
        harness.registered_channel(),
        Some(echo::channels::REGISTERED)
    );
}

#[tokio::test]
async fn retries_rejects_and_panics_follow_the_retry_policy() {
    let component = Component::new(info())
        .on("in", |msg: Value, ctx: Context| async move {
            match (msg["kind"].as_str().unwrap_or_default(), ctx.attempt()) {
                ("flaky", 1) => Err(HandlerError::retry("not yet")),
                ("broken", _) => Err(std::io::Error::other("disk on fire").into()),
                ("poison", _) => Err(HandlerError::reject("cannot ever work")),
                ("panic", _) => panic!("handler bug"),
                _ => Ok(()),
            }
        })
        .channel_settings("in", fast_retry(3));
    let harness = Harness::start(component).await.unwrap();
    let send = |kind: &'static str| {
        let harness = harness.clone();
        async move { harness.send("in", &json!({ "kind": kind })).await }
    };
    let flaky = send("flaky").await;
    assert_eq!(
        (flaky.is_acked(), flaky.attempts),
        (true, 2),
        "retried then acked"
    );
    let broken = send("broken").await;
    assert_eq!(broken.attempts, 3);
    assert_eq!(
        broken.reason(),
        Some(
            format!(
                "Cannot process a message on channel `in` (attempt 3): disk on fire; \
                 no attempt left, rejected: {DEAD_LETTERED}"
            )
            .as_str()
        )
    );
    let poison = send("poison").await;
    assert_eq!(poison.attempts, 1, "a reject is final");
    let reason = poison.reason().unwrap();
    assert!(
        reason.contains("cannot ever work; ") && reason.ends_with(DEAD_LETTERED),
        "{reason}"
    );
    let panicked = send("panic").await;
    assert_eq!(panicked.attempts, 3);
    assert!(
        panicked
            .reason()
            .unwrap()
            .contains("the handler panicked: handler bug; no attempt left")
    );
    assert_eq!(panicked.mov_logs.len(), 1);
    assert_eq!(panicked.mov_logs[0].level, LogLevel::Error);
    let c = harness.counters();
    assert_eq!((c.handled, c.rejected, c.retried), (1, 3, 5), "{c:?}");
}

#[tokio::test]
async fn one_at_a_time_keeps_the_order_and_settle_waits_for_everything() {
    let seen: Arc<Mutex<Vec<u64>>> = Arc::default();
    let running = Arc::new(AtomicUsize::new(0));
    let (s, r) = (seen.clone(), running.clone());
    let component = Component::new(info())
        .on("ordered", move |msg: Value, _: Context| {
            let (seen, running) = (s.clone(), r.clone());
            async move {
                assert_eq!(running.fetch_add(1, Ordering::SeqCst), 0, "one at a time");
                tokio::time::sleep(Duration::from_millis(1)).await;
                seen.lock().unwrap().push(msg["n"].as_u64().unwrap());
                running.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            }
        })
        .channel_settings("ordered", ChannelSettings::ordered());
    let harness = Harness::start(component).await.unwrap();
    let sent: Vec<_> = (0..30)
        .map(|n| harness.push("ordered", &json!({ "n": n })).unwrap())
        .collect();
    harness.settle(Duration::from_secs(10)).await.unwrap();
    assert_eq!(*seen.lock().unwrap(), (0..30).collect::<Vec<_>>());
    for sent in sent {
        assert!(sent.await.is_acked());
    }
}

#[tokio::test]
async fn a_publish_to_a_receive_channel_is_delivered_there() {
    let hops = Arc::new(AtomicUsize::new(0));
    let h = hops.clone();
    let component = Component::new(info())
        .on("first", |msg: Value, ctx: Context| async move {
            ctx.publisher().publish("second", &msg).await?;
            Ok(())
        })
        .on("second", move |_: Value, _: Context| {
            let hops = h.clone();
            async move {
                hops.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        });
    let harness = Harness::start(component).await.unwrap();
    assert!(harness.send("first", &json!({"a": 1})).await.is_acked());
    harness.settle(Duration::from_secs(5)).await.unwrap();
    assert_eq!(hops.load(Ordering::SeqCst), 1);
    assert_eq!(harness.counters().handled, 2);
}

#[tokio::test]
async fn settle_fails_with_what_is_pending() {
    let component = Component::new(info()).on("stuck", |_: Value, _: Context| async {
        std::future::pending::<()>().await;
        Ok(())
    });
    let harness = Harness::start(component).await.unwrap();
    harness
        .push("stuck", &json!({"why": "never ends"}))
        .unwrap();
    let error = harness.settle(Duration::from_millis(50)).await.unwrap_err();
    assert_eq!(error.pending.len(), 1);
    let text = error.to_string();
    assert!(
        text.contains("on `stuck`") && text.contains("never ends"),
        "{text}"
    );
}

/// An address over 255 bytes cannot be an AMQP routing key: the publish fails with an error
/// that says so (lapin would panic on it), and inside a handler the message is rejected at
/// once, since a retry publishes to the same address.
#[tokio::test]
async fn an_address_no_queue_can_have_is_an_error_not_a_panic() {
    let attempts = Arc::new(AtomicUsize::new(0));
    let a = attempts.clone();
    let long = "é".repeat(200);
    let target = long.clone();
    let component = Component::new(info()).on("in", move |msg: Value, ctx: Context| {
        a.fetch_add(1, Ordering::SeqCst);
        let target = target.clone();
        async move {
            ctx.publisher().publish(&target, &msg).await?;
            Ok(())
        }
    });
    let harness = Harness::start(component).await.unwrap();
    let error = harness
        .publisher()
        .publish_json(&long, b"{}".to_vec())
        .await
        .unwrap_err();
    match &error {
        valawai::PublishError::InvalidChannel { channel, len } => {
            assert_eq!(*len, 400);
            // Cut at a character boundary: 127 two-byte characters, then the ellipsis.
            assert_eq!(channel, &format!("{}…", "é".repeat(127)));
        }
        other => panic!("not InvalidChannel: {other}"),
    }
    assert!(
        error
            .to_string()
            .contains("at most 255 bytes, this one has 400"),
        "{error}"
    );
    // A handler that publishes there: rejected after one attempt, nothing published.
    let outcome = harness.send("in", &json!({"a": 1})).await;
    let reason = outcome.reason().expect("rejected");
    assert!(reason.contains("at most 255 bytes"), "{reason}");
    assert_eq!(outcome.attempts, 1, "not retried");
    assert_eq!(attempts.load(Ordering::SeqCst), 1);
    assert!(harness.published(&long).is_empty());
}

#[tokio::test]
async fn unknown_channels_and_invalid_components_are_errors() {
    let harness = Harness::start(echo::component(Echo)).await.unwrap();
    let error = harness.push("nowhere", &json!({})).unwrap_err();
    assert!(matches!(&error, SendError::UnknownChannel { channel, .. } if channel == "nowhere"));
    assert!(error.to_string().contains(RECEIVED), "{error}");
    let bad = Component::new(ComponentInfo::new(
        "c1_bad",
        ComponentType::C1,
        "1.0.0-beta",
        "asyncapi: 2.6.0",
        "valawai/c1/bad/control/registered",
    ));
    assert!(Harness::start(bad).await.is_err());
}

#[tokio::test]
async fn headers_lapin_could_not_take_are_refused_as_on_the_broker() {
    let harness = Harness::start(echo::component(Echo)).await.unwrap();
    let mut nested = valawai::lapin::types::AMQPValue::LongLongInt(1);
    for _ in 0..40 {
        nested = valawai::lapin::types::AMQPValue::FieldArray(vec![nested].into());
    }
    let input = Input::json(&json!({"content": "x"}))
        .unwrap()
        .header("deep", nested);
    let outcome = harness.send_raw(RECEIVED, input).await;
    assert_eq!(outcome.attempts, 0);
    assert!(
        outcome
            .reason()
            .unwrap()
            .contains("header `deep` nests arrays or tables more than 32 levels deep"),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_context_for_one_handler_carries_the_message_properties() {
    let harness = Harness::start(echo::component(Echo)).await.unwrap();
    let properties = valawai::lapin::BasicProperties::default()
        .with_message_id("m-1".into())
        .with_correlation_id("c-1".into());
    let ctx: echo::Context = harness.context_with(RECEIVED, properties);
    assert_eq!(ctx.message_id(), Some("m-1"));
    assert_eq!(ctx.correlation_id(), Some("c-1"));
    assert_eq!(ctx.channel(), RECEIVED);
    let payload: echo::EchoPayload = serde_json::from_value(json!({"content": "d"})).unwrap();
    Echo.echo(payload, ctx).await.unwrap();
    assert_eq!(harness.published(PUBLISHED).len(), 1);
    assert_eq!(harness.mov_logs()[0].message, "Received a message to echo");
}

#[tokio::test]
async fn a_publisher_with_properties_publishes_with_them_while_the_input_is_handled() {
    let component = Component::new(info()).on("in", |msg: Value, ctx: Context| async move {
        let properties = valawai::MessageProperties::new().header("x-trace-id", "4bf92f35");
        ctx.publisher_with(properties).publish("out", &msg).await?;
        Ok(())
    });
    let harness = Harness::start(component).await.unwrap();
    let outcome = harness.send("in", &json!({"n": 1})).await;
    assert!(outcome.is_acked());
    assert_eq!(outcome.published.len(), 1);
    let published = &outcome.published[0];
    assert_eq!(published.channel, "out");
    assert_eq!(
        published
            .properties
            .headers()
            .as_ref()
            .and_then(|h| h.inner().get("x-trace-id"))
            .and_then(|v| v.as_long_string())
            .map(|s| s.to_string()),
        Some("4bf92f35".to_owned())
    );
}

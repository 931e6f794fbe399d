//! Quorum queues (`VALAWAI_QUEUE_TYPE=quorum`) on the broker at `AMQP_ADDR`, in a virtual host
//! of the test's own: the receive queues are declared as quorum queues, and the runtime's
//! retries and rejects stay right under a quorum delivery limit (RabbitMQ 4 sets one of 20 by
//! default; here a policy sets 1, the strictest that still lets a message be delivered again).

mod support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use support::{Client, PATIENCE, next, wait_until};
use valawai::lapin::types::AMQPValue;
use valawai::{
    ChannelSettings, Component, Config, Context, Endpoint, HandlerError, QueueType, RetryPolicy,
    RunError, State,
};
use valawai_testkit::{Vhost, rabbitmqctl};

fn config(vhost: &Vhost) -> Config {
    let mut config = Config::new(Endpoint::parse_url(&vhost.url()).unwrap());
    config.max_retries = 3;
    config.retry_sleep = Duration::from_millis(100);
    config.handle_signals = false;
    config.shutdown_deadline = Duration::from_secs(5);
    config.queue_type = QueueType::Quorum;
    config
}

/// A header of a dead-lettered message, as text.
fn header(properties: &valawai::lapin::BasicProperties, name: &str) -> String {
    match properties
        .headers()
        .as_ref()
        .and_then(|h| h.inner().get(name))
    {
        Some(AMQPValue::LongString(s)) => s.to_string(),
        Some(AMQPValue::ShortString(s)) => s.to_string(),
        other => panic!("header {name}: {other:?}"),
    }
}

#[tokio::test]
async fn retries_and_rejects_stay_right_under_a_quorum_delivery_limit() {
    let vhost = Vhost::create("quorum");
    // Dead letters to `dead`, and at most one delivery more per message (delivery-limit 1).
    rabbitmqctl(&[
        "set_policy",
        "-p",
        vhost.name(),
        "--apply-to",
        "queues",
        "limits",
        "^input$",
        r#"{"delivery-limit":1,"dead-letter-exchange":"","dead-letter-routing-key":"dead"}"#,
    ]);
    let client = Client::connect_to(&vhost.url()).await;
    let mut dead = client.declare_and_consume("dead").await;

    // `n` fails `fail` times before it succeeds; 3 attempts in all.
    let attempts: Arc<Mutex<HashMap<u64, u32>>> = Arc::default();
    let seen = attempts.clone();
    let component = Component::unregistered("quorum_test")
        .on("input", move |message: Value, ctx: Context| {
            let seen = seen.clone();
            async move {
                let n = message["n"].as_u64().unwrap();
                *seen.lock().unwrap().entry(n).or_default() += 1;
                if u64::from(ctx.attempt()) <= message["fail"].as_u64().unwrap() {
                    return Err(HandlerError::retry(format!(
                        "attempt {} fails",
                        ctx.attempt()
                    )));
                }
                Ok(())
            }
        })
        .channel_settings(
            "input",
            ChannelSettings::ordered().retry(RetryPolicy {
                max_attempts: 3,
                delay: Duration::from_millis(20),
            }),
        );
    let handle = component.handle();
    let run = support::spawn(component.run(config(&vhost)));
    tokio::time::timeout(PATIENCE, handle.wait_for_state(|s| s == State::Running))
        .await
        .unwrap();

    // The queue is a quorum queue, and a declare as the MOV makes it (no arguments) is refused.
    let listed = rabbitmqctl(&["-q", "list_queues", "-p", vhost.name(), "name", "type"]);
    assert!(
        listed
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["input", "quorum"]),
        "{listed}"
    );
    let plain = Client::connect_to(&vhost.url()).await;
    let refused = plain.declare("input").await.unwrap_err().to_string();
    assert!(
        refused.contains("inequivalent arg 'x-queue-type'"),
        "{refused}"
    );

    // 1 succeeds at once, 2 on its third attempt, 3 never; 4 is not JSON.
    for (n, fail) in [(1, 0), (2, 2), (3, 9)] {
        client
            .publish_json("input", &json!({"n": n, "fail": fail}))
            .await;
    }
    client.publish("input", b"not json").await;
    wait_until("every message settled", PATIENCE, || {
        let c = handle.counters();
        c.handled == 2 && c.rejected == 2
    })
    .await;
    let c = handle.counters();
    assert_eq!((c.failed, c.retried, c.invalid), (2 + 3, 2 + 2, 1), "{c:?}");
    assert_eq!(
        *attempts.lock().unwrap(),
        HashMap::from([(1, 1), (2, 3), (3, 3)]),
        "retried in the component, never redelivered by the broker"
    );

    // Dead-lettered: the failing message and the invalid one, each once, as `rejected` (not
    // `delivery_limit`: the retries never went back to the queue).
    let mut reasons = Vec::new();
    for _ in 0..2 {
        let d = next(&mut dead, "a dead letter").await;
        assert_eq!(header(&d.properties, "x-first-death-queue"), "input");
        reasons.push((
            String::from_utf8_lossy(&d.body).into_owned(),
            header(&d.properties, "x-first-death-reason"),
        ));
    }
    reasons.sort();
    assert_eq!(
        reasons,
        [
            ("not json".to_owned(), "rejected".to_owned()),
            (
                json!({"n": 3, "fail": 9}).to_string(),
                "rejected".to_owned()
            ),
        ]
    );
    assert!(
        support::stays_empty(&mut dead, Duration::from_millis(500)).await,
        "a third dead letter"
    );
    assert_eq!(client.ready("input").await, 0);

    support::stop(&handle, run).await;
}

/// A receive queue that exists as a classic queue cannot become a quorum queue by a declare:
/// the start fails and says what to do.
#[tokio::test]
async fn a_classic_queue_in_the_way_is_a_clear_error() {
    let vhost = Vhost::create("quorum_clash");
    let client = Client::connect_to(&vhost.url()).await;
    client.declare("input").await.unwrap();
    let component = Component::unregistered("quorum_clash")
        .on("input", |_: Value, _: Context| async { Ok(()) });
    let err = tokio::time::timeout(PATIENCE, component.run(config(&vhost)))
        .await
        .unwrap()
        .unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, RunError::Setup(_)), "{err:?}");
    assert!(
        text.contains("`input`")
            && text.contains("exists as a classic queue")
            && text.contains("VALAWAI_QUEUE_TYPE=classic"),
        "{text}"
    );
}

/// RabbitMQ 4 can make quorum the default queue type; a virtual host can since 3.10. There a
/// declare without `x-queue-type` (the MOV's, the Python components', valawai-rs's `classic`)
/// makes and matches a quorum queue, so every party agrees with either setting.
#[tokio::test]
async fn with_quorum_as_the_default_type_every_declare_agrees() {
    let vhost = Vhost::create_with("quorum_default", &["--default-queue-type", "quorum"]);
    let mut classic = config(&vhost);
    classic.queue_type = QueueType::Classic;
    let runs = [("classic", classic), ("quorum", config(&vhost))];
    for (queue, config) in runs {
        let component = Component::unregistered("quorum_default")
            .on(queue, |_: Value, _: Context| async { Ok(()) });
        let handle = component.handle();
        let run = support::spawn(component.run(config));
        tokio::time::timeout(PATIENCE, handle.wait_for_state(|s| s == State::Running))
            .await
            .unwrap();
        // The MOV's declare, on the queue the component made.
        let mov = Client::connect_to(&vhost.url()).await;
        mov.declare(queue).await.unwrap();
        support::stop(&handle, run).await;
    }
    let listed = rabbitmqctl(&["-q", "list_queues", "-p", vhost.name(), "name", "type"]);
    let mut types: Vec<Vec<&str>> = listed
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    types.sort();
    assert_eq!(
        types,
        [["classic", "quorum"], ["quorum", "quorum"]],
        "{listed}"
    );
}

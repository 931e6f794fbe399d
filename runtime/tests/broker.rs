//! Integration tests against the RabbitMQ at `AMQP_ADDR` (default 127.0.0.1:5672, guest/guest).
//!
//! Each test uses its own queues (`<test>_<pid>_<n>`) and its own MOV queues, and deletes them.
//! Tests that cut connections or restart the broker are in `faults.rs`.

mod support;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::echo::EchoHandlers;
use support::{Client, PATIENCE, TestMov, next, unique, wait_until};
use valawai::{ChannelSettings, Config, Context, Endpoint, RunError, State};

echo_component!(round_trip_echo);
impl_echo_handlers!(round_trip_echo);

/// register → registered (id file written) → messages and logs → unregister (id file removed).
#[tokio::test]
async fn mov_register_log_unregister_round_trip() {
    use round_trip_echo as echo;
    let prefix = unique("round_trip");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    // The queues exist already, declared as the MOV declares them: the component's declarations
    // must be equivalent or its start fails.
    client
        .declare(&echo::channels::RECEIVED_MESSAGE)
        .await
        .unwrap();
    client
        .declare(&echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let mut outputs = client.consume(&echo::channels::PUBLISH_MESSAGE).await;

    let log_dir = support::temp_dir(&prefix);
    let config = support::config(&prefix, log_dir.clone());
    let id_path = config.id_file_path();
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let run = support::spawn(component.run(config));

    // 1. register, sent only once the registered queue exists.
    let register = next(&mut mov.register, "the register message").await;
    assert_eq!(
        register
            .properties
            .content_type()
            .as_ref()
            .map(|s| s.as_str()),
        Some("application/json")
    );
    let register = register.json();
    assert_eq!(register["type"], "C1");
    assert_eq!(register["name"], format!("c1_{}", *echo::NAME));
    assert_eq!(register["version"], "1.0.0");
    assert_eq!(register["asyncapi_yaml"], echo::ASYNCAPI_YAML.as_str());
    assert_eq!(
        register.as_object().unwrap().len(),
        4,
        "only the documented fields: {register}"
    );
    assert!(
        client.ready(&echo::channels::REGISTERED).await == 0,
        "the registered queue exists"
    );
    assert!(!id_path.exists());
    let running = tokio::time::timeout(PATIENCE, handle.wait_for_state(|s| s == State::Running));
    assert_eq!(running.await.expect("running"), State::Running);

    // 2. registered: the id is kept and the id file written (sorted keys, indent 2).
    let id = "65c1f59ea4cb169f42f5edc4";
    mov.send_registered(&echo::channels::REGISTERED, id, &register)
        .await;
    let got = tokio::time::timeout(PATIENCE, handle.registered())
        .await
        .expect("registered");
    assert_eq!(&*got, id);
    let text = std::fs::read_to_string(&id_path).expect("the id file is written");
    let written: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(written["id"], id);
    assert_eq!(
        written["channels"][0]["name"],
        echo::channels::REGISTERED.as_str()
    );
    assert!(
        text.starts_with("{\n  \"api_version\": \"1.0.0\",\n  \"channels\": ["),
        "{text}"
    );
    assert!(
        text.contains("\\u00e9"),
        "non-ASCII escaped as Python does: {text}"
    );

    // 3. a message: echoed, persistent JSON; two INFO logs with the component id and payload.
    client
        .publish_json(
            &echo::channels::RECEIVED_MESSAGE,
            &json!({"content": "hi", "x": 1}),
        )
        .await;
    let out = next(&mut outputs, "the echo").await;
    assert_eq!(out.json(), json!({"content": "hi"}));
    assert_eq!(out.properties.delivery_mode(), &Some(2));
    assert_eq!(
        out.properties.content_type().as_ref().map(|s| s.as_str()),
        Some("application/json")
    );
    assert!(out.properties.message_id().is_some());
    // The handler's two INFO logs, and a WARN about the undeclared `x`, which comes from a task
    // of its own and so in any order.
    let (mut infos, mut warning) = (Vec::new(), None);
    while infos.len() < 2 || warning.is_none() {
        let record = next(&mut mov.log, "a log").await.json();
        match record["level"].as_str() {
            Some("INFO") => infos.push(record),
            Some("WARN") if warning.is_none() => warning = Some(record),
            _ => panic!("unexpected log: {record}"),
        }
    }
    assert_eq!(infos[0]["message"], "Received a message to echo");
    assert_eq!(infos[0]["component_id"], id);
    let payload: Value = serde_json::from_str(infos[0]["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload, json!({"content": "hi"}));
    assert_eq!(infos[1]["message"], "Sent Echoed message");
    let warning = warning.unwrap();
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("has a property `x` that `EchoPayload` does not declare"),
        "{warning}"
    );
    assert_eq!(warning["component_id"], id);

    // Logs outside handlers, every level, with and without payload.
    let m = handle.mov();
    m.debug("d").await;
    m.warn("w {braces} kept").payload(&json!([1, 2])).await;
    m.error("e").payload(&"text").await;
    let d = next(&mut mov.log, "DEBUG").await.json();
    assert_eq!(
        d,
        json!({"level": "DEBUG", "message": "d", "component_id": id})
    );
    let w = next(&mut mov.log, "WARN").await.json();
    assert_eq!(
        (w["message"].as_str(), w["payload"].as_str()),
        (Some("w {braces} kept"), Some("[1,2]"))
    );
    let e = next(&mut mov.log, "ERROR").await.json();
    assert_eq!(e["payload"], "\"text\"");
    wait_until("the echo acked", PATIENCE, || {
        handle.counters().handled == 2
    })
    .await;
    let counters = handle.counters();
    assert_eq!(
        (counters.handled, counters.rejected),
        (2, 0),
        "registered + echo: {counters:?}"
    );

    // 4. stop: unregister with the id, the id file removed, run returns Ok.
    handle.shutdown();
    let unregister = next(&mut mov.unregister, "the unregister message")
        .await
        .json();
    assert_eq!(unregister, json!({"component_id": id}));
    let result = tokio::time::timeout(PATIENCE, run)
        .await
        .expect("run returns")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    assert!(!id_path.exists(), "the id file is removed");
    assert_eq!(handle.state(), State::Stopped);
    assert!(handle.component_id().is_none());

    // The component declared its queues exactly as the MOV does (durable, no arguments): a
    // declaration with those flags still succeeds.
    for q in [
        &*echo::channels::REGISTERED,
        &*echo::channels::RECEIVED_MESSAGE,
    ] {
        client
            .declare(q)
            .await
            .unwrap_or_else(|e| panic!("{q} declared differently: {e}"));
    }
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
        ])
        .await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);
}

echo_component!(tuned_echo);
impl_echo_handlers!(tuned_echo);

/// `VALAWAI_DELIVERY_MODE=transient` and `VALAWAI_MOV_LOG_LEVEL=warn`, read by `from_lookup`:
/// the echo is transient and the handler's INFO logs stay local, while an ERROR log still goes
/// to the MOV.
#[tokio::test]
async fn the_configuration_tunes_delivery_mode_and_mov_logs() {
    use tuned_echo as echo;
    let prefix = unique("tuned");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    let mut outputs = client
        .declare_and_consume(&echo::channels::PUBLISH_MESSAGE)
        .await;
    let tuned = Config::from_lookup(|name| match name {
        "VALAWAI_DELIVERY_MODE" => Some("transient".into()),
        "VALAWAI_MOV_LOG_LEVEL" => Some("warn".into()),
        "VALAWAI_PREFETCH" => Some("7".into()),
        _ => None,
    })
    .unwrap();
    let log_dir = support::temp_dir(&prefix);
    let mut config = support::config(&prefix, log_dir.clone());
    config.delivery_mode = tuned.delivery_mode;
    config.mov_log_level = tuned.mov_log_level;
    config.prefetch = tuned.prefetch;
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let run = support::spawn(component.run(config));
    next(&mut mov.register, "the register message").await;
    tokio::time::timeout(PATIENCE, handle.wait_for_state(|s| s == State::Running))
        .await
        .expect("running");
    client
        .publish_json(&echo::channels::RECEIVED_MESSAGE, &json!({"content": "hi"}))
        .await;
    let out = next(&mut outputs, "the echo").await;
    assert_eq!(out.json(), json!({"content": "hi"}));
    assert_eq!(out.properties.delivery_mode(), &Some(1), "transient");
    let consumers =
        support::rabbitmqctl_output(&["list_consumers", "queue_name", "prefetch_count"]);
    let line = consumers
        .lines()
        .find(|l| l.starts_with(&format!("{}\t", *echo::channels::RECEIVED_MESSAGE)))
        .unwrap_or_else(|| panic!("no consumer on the input queue in {consumers}"));
    assert!(line.ends_with("\t7"), "prefetch 7: {line}");
    // The handler's two INFO logs were confirmed before the echo was published; none reached
    // the MOV, so the first log there is the ERROR of the invalid message sent now.
    client
        .publish(&echo::channels::RECEIVED_MESSAGE, b"not json")
        .await;
    let first = next(&mut mov.log, "the ERROR log").await.json();
    assert_eq!(first["level"], "ERROR", "{first}");

    // Never registered (no MOV answered), so it stops without unregistering.
    handle.shutdown();
    let result = tokio::time::timeout(PATIENCE, run)
        .await
        .expect("run returns")
        .unwrap();
    assert!(result.is_ok(), "{result:?}");
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
        ])
        .await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);
}

echo_component!(bad_input_echo);
impl_echo_handlers!(bad_input_echo);

/// Invalid JSON, an array, wrong types, a schema violation, 10 MB and invalid UTF-8: each gives one
/// ERROR log to the MOV and a reject; the component keeps running and echoes the next message.
#[tokio::test]
async fn bad_inputs_are_logged_once_and_rejected() {
    use bad_input_echo as echo;
    let prefix = unique("bad_input");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    client
        .declare(&echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let mut outputs = client.consume(&echo::channels::PUBLISH_MESSAGE).await;
    // A dead-letter policy on the input queue (policies, never queue arguments, on MOV queues):
    // rejected messages must land in the dead-letter queue.
    let dead_letters = format!("{prefix}/dead_letters");
    client.declare(&dead_letters).await.unwrap();
    let policy = format!("{prefix}_dlx");
    let definition =
        format!(r#"{{"dead-letter-exchange":"","dead-letter-routing-key":"{dead_letters}"}}"#);
    let pattern = format!("^{}$", *echo::channels::RECEIVED_MESSAGE);
    tokio::task::spawn_blocking({
        let (policy, pattern) = (policy.clone(), pattern.clone());
        move || {
            support::rabbitmqctl(&[
                "set_policy",
                "--apply-to",
                "queues",
                &policy,
                &pattern,
                &definition,
            ])
        }
    })
    .await
    .unwrap();
    let log_dir = support::temp_dir(&prefix);
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let run = support::spawn(component.run(support::config(&prefix, log_dir.clone())));
    next(&mut mov.register, "register").await;
    handle.wait_for_state(|s| s == State::Running).await;

    let mut huge = br#"{"content":""#.to_vec();
    huge.resize(10 * 1024 * 1024, b'a');
    huge.extend_from_slice(br#""}"#);
    let bad: Vec<(&str, Vec<u8>, &str)> = vec![
        ("invalid JSON", b"{not json".to_vec(), "not JSON"),
        (
            "an array",
            b"[\"hi\"]".to_vec(),
            "expected a JSON object, found an array",
        ),
        (
            "a wrong type",
            br#"{"content": 5}"#.to_vec(),
            "at `content`: invalid type: integer `5`",
        ),
        (
            "a schema violation",
            br#"{"content": ""}"#.to_vec(),
            "minLength",
        ),
        ("a 10 MB body", huge, "more than the limit"),
        (
            "invalid UTF-8",
            b"{\"content\": \"\xff\xfe\"}".to_vec(),
            "not valid UTF-8",
        ),
    ];
    for (what, body, expected) in &bad {
        client
            .publish(&echo::channels::RECEIVED_MESSAGE, body)
            .await;
        let log = mov.next_log("ERROR").await;
        let message = log["message"].as_str().unwrap();
        assert!(
            message.contains(&*echo::channels::RECEIVED_MESSAGE) && message.contains(expected),
            "{what}: {message}"
        );
        let payload = log["payload"].as_str().expect("the payload is a string");
        assert!(
            serde_json::from_str::<Value>(payload).is_ok(),
            "{what}: the payload string holds JSON"
        );
        assert!(
            payload.len() <= 16 * 1024 + 2,
            "{what}: the payload is cut ({} bytes)",
            payload.len()
        );
    }
    // Still running: a good message is echoed, and no other ERROR log came.
    client
        .publish_json(
            &echo::channels::RECEIVED_MESSAGE,
            &json!({"content": "still here"}),
        )
        .await;
    assert_eq!(
        next(&mut outputs, "the echo").await.json(),
        json!({"content": "still here"})
    );
    assert_eq!(
        mov.next_log("INFO").await["message"],
        "Received a message to echo"
    );
    wait_until("the good message acked", PATIENCE, || {
        handle.counters().handled == 1
    })
    .await;
    let c = handle.counters();
    assert_eq!(
        (c.rejected, c.invalid, c.handled, c.failed),
        (6, 6, 1, 0),
        "{c:?}"
    );
    assert_eq!(
        client.ready(&echo::channels::RECEIVED_MESSAGE).await,
        0,
        "nothing requeued"
    );
    wait_until_ready(client, &dead_letters, 6).await;
    tokio::task::spawn_blocking(move || support::rabbitmqctl(&["clear_policy", &policy]))
        .await
        .unwrap();
    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let mut other_errors = 0;
    while let Ok(m) = mov.log.try_recv() {
        other_errors += usize::from(m.json()["level"] == "ERROR");
    }
    assert_eq!(other_errors, 0, "exactly one ERROR log per bad input");
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
        ])
        .await;
    mov.cleanup().await;
    client.delete(&[&dead_letters]).await;
    let _ = std::fs::remove_dir_all(log_dir);
}

echo_component!(undeclared_echo);
impl_echo_handlers!(undeclared_echo);

/// A property the spec does not declare is ignored (the handler gets the payload), and the
/// runtime warns about it once per channel and property, locally and to the MOV, not once per
/// message.
#[tokio::test]
async fn undeclared_properties_are_warned_about_once_per_property() {
    use undeclared_echo as echo;
    let prefix = unique("undeclared");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    client
        .declare(&echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let mut outputs = client.consume(&echo::channels::PUBLISH_MESSAGE).await;
    let log_dir = support::temp_dir(&prefix);
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let run = support::spawn(component.run(support::config(&prefix, log_dir.clone())));
    next(&mut mov.register, "register").await;
    handle.wait_for_state(|s| s == State::Running).await;

    let bodies = [
        json!({"content": "a", "contnet": "x"}),
        json!({"content": "b", "contnet": "y"}),
        json!({"content": "c", "contnet": "z", "colour": 1}),
        json!({"content": "d", "colour": 2.5}),
    ];
    for body in &bodies {
        client
            .publish_json(&echo::channels::RECEIVED_MESSAGE, body)
            .await;
        let echoed = next(&mut outputs, "the echo").await.json();
        assert_eq!(echoed, json!({"content": body["content"]}));
    }
    // Every message is handled (two INFO logs each); the WARNs come from a task of their own,
    // so they may arrive in between or after.
    let mut warnings = Vec::new();
    let mut infos = 0;
    while infos < 2 * bodies.len() || warnings.len() < 2 {
        let record = next(&mut mov.log, "a log").await.json();
        match record["level"].as_str() {
            Some("INFO") => infos += 1,
            Some("WARN") => warnings.push(record),
            other => panic!("unexpected log {other:?}: {record}"),
        }
    }
    assert_eq!(warnings.len(), 2, "one WARN per property: {warnings:?}");
    let channel = &*echo::channels::RECEIVED_MESSAGE;
    assert_eq!(
        warnings[0]["message"],
        format!(
            "A message on {channel} has a property `contnet` that `EchoPayload` does not \
             declare; it is ignored; did you mean `content`? (said once per channel and property)"
        )
    );
    let details: Value = serde_json::from_str(warnings[0]["payload"].as_str().unwrap()).unwrap();
    assert_eq!(
        details,
        json!({"channel": channel, "type": "EchoPayload", "property": "contnet",
               "did_you_mean": "content"})
    );
    assert!(
        warnings[1]["message"].as_str().unwrap().contains(
            "a property `colour` that `EchoPayload` does not declare; it is ignored (said"
        ),
        "{}",
        warnings[1]
    );
    wait_until("every message acked", PATIENCE, || {
        handle.counters().handled == bodies.len() as u64
    })
    .await;
    assert_eq!(handle.counters().invalid, 0);
    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    while let Ok(m) = mov.log.try_recv() {
        assert_ne!(
            m.json()["level"],
            "WARN",
            "one WARN per property: {}",
            m.json()
        );
    }
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
        ])
        .await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);
}

/// Retry once, then reject; `HandlerError::Reject` rejects at once; a panic is a failure.
#[tokio::test]
async fn handler_failures_retry_once_then_reject() {
    let prefix = unique("retry");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    let queue = format!("{prefix}/in");
    let attempts: Arc<Mutex<Vec<(String, u32)>>> = Arc::default();
    let a = attempts.clone();
    let (component, registered) =
        support::test_component(&prefix, valawai::mov::protocol::ComponentType::C0, "0.1.0");
    let component = component
        .on(queue.clone(), move |msg: Value, ctx: Context| {
            let a = a.clone();
            async move {
                let kind = msg["kind"].as_str().unwrap_or_default().to_owned();
                a.lock().unwrap().push((kind.clone(), ctx.attempt()));
                support::failing_handler(&kind, ctx.attempt())
            }
        })
        .channel_settings(
            &queue,
            ChannelSettings::ordered().retry(valawai::RetryPolicy {
                max_attempts: 2,
                delay: Duration::from_millis(10),
            }),
        );
    let handle = component.handle();
    let run = support::spawn(component.run(support::config(&prefix, support::temp_dir(&prefix))));
    next(&mut mov.register, "register").await;
    for kind in ["flaky", "broken", "poison", "panic", "fine"] {
        client.publish_json(&queue, &json!({"kind": kind})).await;
    }
    for (kind, reason) in [
        ("broken", "disk on fire"),
        ("poison", "cannot ever work"),
        ("panic", "handler bug"),
    ] {
        let log = mov.next_log("ERROR").await;
        let message = log["message"].as_str().unwrap();
        assert!(
            message.contains(reason) && message.contains(&queue),
            "{kind}: {message}"
        );
        assert_eq!(log["payload"], json!({"kind": kind}).to_string());
    }
    wait_until("5 messages settled", PATIENCE, || {
        let c = handle.counters();
        c.handled + c.rejected == 5
    })
    .await;
    let c = handle.counters();
    assert_eq!(
        (c.handled, c.rejected, c.invalid),
        (2, 3, 0),
        "flaky and fine handled: {c:?}"
    );
    assert_eq!((c.failed, c.retried), (6, 3), "{c:?}");
    let seen = attempts.lock().unwrap().clone();
    let expected: Vec<(String, u32)> = [
        ("flaky", 1),
        ("flaky", 2),
        ("broken", 1),
        ("broken", 2),
        ("poison", 1),
        ("panic", 1),
        ("panic", 2),
        ("fine", 1),
    ]
    .iter()
    .map(|(k, n)| (k.to_string(), *n))
    .collect();
    assert_eq!(seen, expected);
    assert_eq!(
        client.ready(&queue).await,
        0,
        "rejected messages are not requeued"
    );
    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    client.delete(&[&queue, &registered]).await;
    mov.cleanup().await;
}

/// Concurrency 1 keeps the order; a higher limit is reached and never exceeded.
#[tokio::test]
async fn concurrency_limits_and_order() {
    let prefix = unique("order");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    let ordered_q = format!("{prefix}/ordered");
    let parallel_q = format!("{prefix}/parallel");
    let order: Arc<Mutex<Vec<u64>>> = Arc::default();
    let (running, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let done = Arc::new(AtomicUsize::new(0));
    let (o, r, p, d) = (order.clone(), running.clone(), peak.clone(), done.clone());
    let (component, registered) =
        support::test_component(&prefix, valawai::mov::protocol::ComponentType::C1, "1.2.3");
    let component = component
        .on(ordered_q.clone(), move |msg: Value, _: Context| {
            let o = o.clone();
            async move {
                let n = msg["n"].as_u64().unwrap();
                // Early messages take longer: with any concurrency they would finish out of order.
                tokio::time::sleep(Duration::from_millis(10u64.saturating_sub(n / 4))).await;
                o.lock().unwrap().push(n);
                Ok(())
            }
        })
        .on(parallel_q.clone(), move |_: Value, _: Context| {
            let (r, p, d) = (r.clone(), p.clone(), d.clone());
            async move {
                let now = r.fetch_add(1, Ordering::SeqCst) + 1;
                p.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(30)).await;
                r.fetch_sub(1, Ordering::SeqCst);
                d.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        })
        .channel_settings(&ordered_q, ChannelSettings::ordered())
        .channel_settings(
            &parallel_q,
            ChannelSettings::new().prefetch(20).concurrency(4),
        );
    let handle = component.handle();
    let run = support::spawn(component.run(support::config(&prefix, support::temp_dir(&prefix))));
    next(&mut mov.register, "register").await;
    for n in 0..40u64 {
        client.publish_json(&ordered_q, &json!({"n": n})).await;
        client.publish_json(&parallel_q, &json!({"n": n})).await;
    }
    wait_until("80 messages handled", PATIENCE, || {
        order.lock().unwrap().len() == 40 && done.load(Ordering::SeqCst) == 40
    })
    .await;
    assert_eq!(*order.lock().unwrap(), (0..40).collect::<Vec<_>>());
    assert_eq!(
        peak.load(Ordering::SeqCst),
        4,
        "the limit is reached and not exceeded"
    );
    // Every message was acked: nothing is left in the queues after the consumers stop.
    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            client.ready(&ordered_q).await,
            client.ready(&parallel_q).await
        ),
        (0, 0)
    );
    client.delete(&[&ordered_q, &parallel_q, &registered]).await;
    mov.cleanup().await;
}

/// A handler that publishes many messages: the first waits for its write, the next ones are
/// queued in lapin behind it, past the bound each waits again. Whatever the path, they reach the
/// broker in the order the handler made them, each once, and the input is acked only after all
/// of them are confirmed.
#[tokio::test]
async fn a_handlers_many_publishes_arrive_in_order_and_are_all_confirmed() {
    const INPUTS: u64 = 5;
    const PER_INPUT: u64 = 40;
    let prefix = unique("fan_out");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    let input_q = format!("{prefix}/input");
    let output_q = format!("{prefix}/output");
    client.declare(&output_q).await.unwrap();
    let mut outputs = client.consume(&output_q).await;
    let (component, registered) =
        support::test_component(&prefix, valawai::mov::protocol::ComponentType::C1, "1.2.3");
    let out = output_q.clone();
    let component = component
        .on(input_q.clone(), move |msg: Value, ctx: Context| {
            let out = out.clone();
            async move {
                let n = msg["n"].as_u64().unwrap();
                for i in 0..PER_INPUT {
                    ctx.publisher()
                        .publish(&out, &json!({"input": n, "i": i}))
                        .await?;
                }
                Ok(())
            }
        })
        .channel_settings(&input_q, ChannelSettings::ordered());
    let handle = component.handle();
    let run = support::spawn(component.run(support::config(&prefix, support::temp_dir(&prefix))));
    next(&mut mov.register, "register").await;
    for n in 0..INPUTS {
        client.publish_json(&input_q, &json!({"n": n})).await;
    }
    let mut seen = Vec::new();
    for _ in 0..INPUTS * PER_INPUT {
        let m = next(&mut outputs, "an output").await.json();
        seen.push((m["input"].as_u64().unwrap(), m["i"].as_u64().unwrap()));
    }
    let expected: Vec<(u64, u64)> = (0..INPUTS)
        .flat_map(|n| (0..PER_INPUT).map(move |i| (n, i)))
        .collect();
    assert_eq!(seen, expected, "in the order the handler published them");
    assert!(
        support::stays_empty(&mut outputs, Duration::from_millis(300)).await,
        "each output once"
    );
    wait_until("every input handled", PATIENCE, || {
        handle.counters().handled == INPUTS
    })
    .await;
    let counters = handle.counters();
    assert_eq!(counters.publish_failed, 0, "{counters:?}");
    assert!(counters.published >= INPUTS * PER_INPUT, "{counters:?}");
    support::stop(&handle, run).await;
    assert_eq!(client.ready(&input_q).await, 0, "every input acked");
    client.delete(&[&input_q, &output_q, &registered]).await;
    mov.cleanup().await;
}

/// A refused connection at start: the configured attempts, then an error naming host:port and
/// not the password.
#[tokio::test]
async fn connection_refused_at_start_retries_then_fails_clearly() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut config = Config::new(Endpoint::new("127.0.0.1", port, "mov", "hunter2-secret"));
    config.max_retries = 4;
    config.retry_sleep = Duration::from_millis(100);
    config.retry_max_sleep = Duration::from_millis(1000);
    config.handle_signals = false;
    let component = valawai::Component::new(valawai::ComponentInfo::new(
        "c1_refused",
        valawai::mov::protocol::ComponentType::C1,
        "1.0.0",
        "asyncapi: 2.6.0",
        "valawai/c1/refused/control/registered",
    ));
    let handle = component.handle();
    let started = Instant::now();
    let err = tokio::time::timeout(Duration::from_secs(30), component.run(config))
        .await
        .expect("gives up in time")
        .unwrap_err();
    let elapsed = started.elapsed();
    let text = err.to_string();
    let RunError::Connect(connect) = &err else {
        panic!("expected a connection error, got {err:?}");
    };
    assert_eq!(connect.attempts, 4, "{text}");
    assert!(text.contains(&format!("127.0.0.1:{port}")), "{text}");
    assert!(
        text.contains("after 4 attempt(s)") && text.contains("refused"),
        "{text}"
    );
    assert!(
        !text.contains("hunter2") && !format!("{err:?}").contains("hunter2"),
        "{text}"
    );
    // Three waits between four attempts: at least 100 + 200 + 400 ms (backoff with jitter).
    assert!(elapsed >= Duration::from_millis(700), "{elapsed:?}");
    assert_eq!(handle.state(), State::Failed);
}

/// A component that is not valid for the MOV fails at once with the reason.
#[tokio::test]
async fn an_identity_the_mov_would_drop_fails_fast() {
    let component = valawai::Component::new(valawai::ComponentInfo::new(
        "c1_echo",
        valawai::mov::protocol::ComponentType::C1,
        "1.0.0-beta",
        "asyncapi: 2.6.0",
        "valawai/c1/echo/control/registered",
    ));
    let err = component
        .run(support::config("unused", std::env::temp_dir()))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, RunError::InvalidComponent(m) if m.to_string().contains("1.0.0-beta")),
        "{err}"
    );
}

echo_component!(sigterm_echo);

/// Starts `sigterm_child_component` in a child process whose handler takes `handler_ms`.
fn spawn_child(prefix: &str, log_dir: &std::path::Path, handler_ms: u64) -> ChildGuard {
    ChildGuard(
        std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "sigterm_child_component",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("VALAWAI_TEST_PREFIX", prefix)
            .env("VALAWAI_TEST_PARENT_PID", std::process::id().to_string())
            .env("VALAWAI_TEST_LOG_DIR", log_dir)
            .env("VALAWAI_TEST_HANDLER_MS", handler_ms.to_string())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start the child component"),
    )
}

/// Sends the signal `name` (TERM, INT) to `child`.
fn signal(child: &std::process::Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{name} failed");
}

/// Kills the child process if the test fails before it exits.
struct ChildGuard(std::process::Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// How long the child's handler works (`VALAWAI_TEST_HANDLER_MS`, 400 ms by default).
fn handler_ms() -> u64 {
    std::env::var("VALAWAI_TEST_HANDLER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

/// The component process of `sigterm_under_load`: a slow echo that logs to the MOV when each
/// handler starts and ends. Run by that test in a child process; does nothing on its own.
#[test]
#[ignore = "helper process for sigterm_under_load"]
fn sigterm_child_component() {
    use sigterm_echo as echo;
    struct Slow;
    impl echo::Handlers for Slow {
        async fn received_message(
            &self,
            payload: echo::EchoPayload,
            ctx: echo::Context,
        ) -> valawai::HandlerResult {
            ctx.mov().info("start").payload(&payload).await;
            tokio::time::sleep(Duration::from_millis(handler_ms())).await;
            ctx.publisher().publish_message(&payload).await?;
            Ok(())
        }
    }
    let Ok(prefix) = std::env::var("VALAWAI_TEST_PREFIX") else {
        return;
    };
    let mut config = support::config(
        &prefix,
        std::env::var("VALAWAI_TEST_LOG_DIR").unwrap().into(),
    );
    config.handle_signals = true;
    config.shutdown_deadline = Duration::from_secs(if handler_ms() > 5_000 { 60 } else { 5 });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let component = echo::component(Slow).channel_settings(
        &echo::channels::RECEIVED_MESSAGE,
        ChannelSettings::new().prefetch(20).concurrency(10),
    );
    runtime
        .block_on(component.run(config))
        .expect("the component stops cleanly");
}

/// SIGTERM under load: the unregister is observed, in-flight handlers finish (their outputs are
/// published), nothing is lost, and the process exits 0 within the deadline.
#[tokio::test]
async fn sigterm_under_load() {
    use sigterm_echo as echo;
    let prefix = unique("sigterm");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    client
        .declare(&echo::channels::RECEIVED_MESSAGE)
        .await
        .unwrap();
    client
        .declare(&echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let mut outputs = client.consume(&echo::channels::PUBLISH_MESSAGE).await;
    let log_dir = support::temp_dir(&prefix);
    let mut child = spawn_child(&prefix, &log_dir, 400);
    let child = &mut child.0;

    let register = next(&mut mov.register, "register").await.json();
    let id = "65c1f59ea4cb169f42f5edc5";
    mov.send_registered(&echo::channels::REGISTERED, id, &register)
        .await;
    let id_file = log_dir.join("component_id.json");
    wait_until("the id file", PATIENCE, || id_file.exists()).await;

    const TOTAL: usize = 200;
    for n in 0..TOTAL {
        client
            .publish_json(
                &echo::channels::RECEIVED_MESSAGE,
                &json!({"content": n.to_string()}),
            )
            .await;
    }
    // Let some handlers finish and others start.
    let mut echoed = HashSet::new();
    for _ in 0..15 {
        echoed.insert(
            next(&mut outputs, "an echo").await.json()["content"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let signalled = Instant::now();
    signal(child, "TERM");

    let unregister = next(&mut mov.unregister, "the unregister").await.json();
    assert_eq!(unregister, json!({"component_id": id}));
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(15),
            "the child did not exit"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let took = signalled.elapsed();
    assert!(exit.success(), "exit status {exit:?}");
    assert!(took < Duration::from_secs(5 + 3), "exit took {took:?}");
    assert!(!id_file.exists(), "the id file is removed");

    // Every handler that started finished: its echo was published.
    let mut started = HashSet::new();
    while let Ok(m) = mov.log.try_recv() {
        let log = m.json();
        if log["message"] == "start" {
            let p: Value = serde_json::from_str(log["payload"].as_str().unwrap()).unwrap();
            started.insert(p["content"].as_str().unwrap().to_owned());
        }
    }
    while let Ok(Some(m)) = tokio::time::timeout(Duration::from_millis(500), outputs.recv()).await {
        echoed.insert(m.json()["content"].as_str().unwrap().to_owned());
    }
    let unfinished: Vec<_> = started.difference(&echoed).collect();
    assert!(
        unfinished.is_empty(),
        "handlers started but not finished: {unfinished:?}"
    );
    assert!(
        started.len() > 15 && started.len() < TOTAL,
        "load was in flight: {} started",
        started.len()
    );
    // Nothing lost: what was not handled is back in the queue.
    let left = client.ready(&echo::channels::RECEIVED_MESSAGE).await as usize;
    assert!(
        left + echoed.len() >= TOTAL,
        "{left} left + {} echoed < {TOTAL}",
        echoed.len()
    );
    println!(
        "sigterm_under_load: {} handled, {left} left in the queue, exit after {took:?}",
        echoed.len()
    );
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
        ])
        .await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);
}

/// A second signal during a shutdown that waits for a slow handler ends the process at once
/// with status 130; the interrupted message was not acked.
#[tokio::test]
async fn a_second_signal_forces_the_exit() {
    use sigterm_echo as echo;
    let prefix = unique("signal_twice");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    let log_dir = support::temp_dir(&prefix);
    // The handler takes 60 s, and so does the shutdown deadline.
    let mut child = spawn_child(&prefix, &log_dir, 60_000);
    let child = &mut child.0;
    let register = next(&mut mov.register, "register").await.json();
    mov.send_registered(
        &echo::channels::REGISTERED,
        "65c1f59ea4cb169f42f5edc6",
        &register,
    )
    .await;
    let id_file = log_dir.join("component_id.json");
    wait_until("the id file", PATIENCE, || id_file.exists()).await;
    client
        .publish_json(
            &echo::channels::RECEIVED_MESSAGE,
            &json!({"content": "slow"}),
        )
        .await;
    assert_eq!(
        mov.next_log("INFO").await["message"],
        "start",
        "a handler runs"
    );
    signal(child, "INT");
    next(&mut mov.unregister, "the unregister").await;
    let second = Instant::now();
    signal(child, "INT");
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            second.elapsed() < Duration::from_secs(10),
            "the second signal did not end the process"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(exit.code(), Some(130), "{exit:?}");
    assert!(
        second.elapsed() < Duration::from_secs(3),
        "{:?}",
        second.elapsed()
    );
    assert!(!id_file.exists(), "the id file is removed");
    // The interrupted message was not acked: the broker has it again.
    wait_until_ready(client, &echo::channels::RECEIVED_MESSAGE, 1).await;
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
        ])
        .await;
    mov.cleanup().await;
    let _ = std::fs::remove_dir_all(log_dir);
}

/// Waits until `queue` holds `count` ready messages.
async fn wait_until_ready(client: &Client, queue: &str, count: u32) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let ready = client.ready(queue).await;
        if ready == count {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{queue}: {ready} ready messages, expected {count}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

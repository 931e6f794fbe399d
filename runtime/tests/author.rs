//! What a component's author relies on, against the RabbitMQ at `AMQP_ADDR` (default
//! 127.0.0.1:5672, guest/guest): a log to the MOV never fails the message it is about, a refused
//! login says so at every attempt, and a payload that can never decode is not retried.

mod support;

use std::time::Duration;

use serde_json::json;
use support::echo::EchoHandlers;
use support::{Client, PATIENCE, next, stays_empty, unique, wait_until};
use valawai::lapin::options::QueueDeclareOptions;
use valawai::lapin::types::{AMQPValue, FieldTable};

echo_component!(refused_log_echo);
impl_echo_handlers!(refused_log_echo);

/// The MOV's log queue refuses every log (it is full, `x-overflow: reject-publish`): the echo,
/// whose handler logs twice to the MOV, still publishes its output exactly once, is handled
/// once (no failure, no retry) and acked; the lost logs are counted on the log channel.
#[tokio::test]
async fn a_log_the_mov_cannot_take_does_not_retry_or_duplicate_the_message() {
    use refused_log_echo as echo;
    let prefix = unique("refused_log");
    let client = &Client::connect().await;
    let channels = valawai::mov::MovChannels::with_prefix(&format!("{prefix}/"));
    // The MOV's register and unregister queues, as the MOV declares them; its log queue holds
    // at most one message and refuses more, and one is already there.
    let mut register = client.declare_and_consume(&channels.register).await;
    client.declare(&channels.unregister).await.unwrap();
    let mut full = FieldTable::default();
    full.insert("x-max-length".into(), AMQPValue::LongLongInt(1));
    full.insert(
        "x-overflow".into(),
        AMQPValue::LongString("reject-publish".into()),
    );
    client
        .channel
        .queue_declare(
            channels.log.as_str().into(),
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            full,
        )
        .await
        .expect("declare the full log queue");
    client.publish(&channels.log, b"{}").await;

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
    let mut config = support::config(&prefix, log_dir.clone());
    config.mov_channels = channels.clone();
    // Its declaration of the log queue (no arguments) would not match the test's.
    config.declare_mov_queues = false;
    // Were a log's failure the message's, the handler would be retried after 10 ms.
    let component = echo::component(EchoHandlers).channel_settings(
        &echo::channels::RECEIVED_MESSAGE,
        valawai::ChannelSettings::ordered().retry(valawai::RetryPolicy {
            max_attempts: 3,
            delay: Duration::from_millis(10),
        }),
    );
    let handle = component.handle();
    let run = support::spawn(component.run(config));
    next(&mut register, "the register message").await;

    client
        .publish_json(
            &echo::channels::RECEIVED_MESSAGE,
            &json!({"content": "once"}),
        )
        .await;
    let out = next(&mut outputs, "the echo").await;
    assert_eq!(out.json(), json!({"content": "once"}));
    wait_until("the input acked", PATIENCE, || {
        handle.counters().handled == 1
    })
    .await;
    assert!(
        stays_empty(&mut outputs, Duration::from_millis(500)).await,
        "the echo was published again"
    );
    let c = handle.counters();
    assert_eq!(
        (c.handled, c.failed, c.retried, c.rejected),
        (1, 0, 0, 0),
        "the echo handled once, no failure: {c:?}"
    );
    // Both of the handler's logs were refused, and counted on the log channel.
    let logs = handle
        .channel_counters()
        .into_iter()
        .find(|(name, _)| **name == *channels.log)
        .map(|(_, c)| c)
        .expect("the log channel is counted");
    assert_eq!((logs.published, logs.publish_failed), (0, 2), "{logs:?}");
    assert_eq!(
        client.ready(&echo::channels::RECEIVED_MESSAGE).await,
        0,
        "the input is acked, not requeued"
    );
    assert_eq!(client.ready(&channels.log).await, 1, "only the filler");

    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    client
        .delete(&[
            &echo::channels::REGISTERED,
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
            &channels.register,
            &channels.unregister,
            &channels.log,
        ])
        .await;
    let _ = std::fs::remove_dir_all(log_dir);
}

/// The `tracing` events of a test, as text (no colours).
#[derive(Clone, Default)]
struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    /// A subscriber writing the events at `level` and above here.
    fn subscriber(&self, level: tracing::Level) -> impl tracing::Subscriber + Send + Sync {
        let logs = self.clone();
        tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(level)
            .with_writer(move || logs.clone())
            .finish()
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// A wrong password: a WARN at every attempt that names the broker, the attempt, the user and
/// what to set, never the password; the error `run` returns says the same.
#[tokio::test]
async fn a_refused_login_is_a_warn_at_every_attempt() {
    support::require_broker().await;
    let logs = Logs::default();
    let _guard = tracing::subscriber::set_default(logs.subscriber(tracing::Level::WARN));
    let (host, port) = support::broker_address();
    let mut config =
        valawai::Config::new(valawai::Endpoint::new(&host, port, "mov", "hunter2-wrong"));
    config.max_retries = 2;
    config.retry_sleep = Duration::from_millis(50);
    config.retry_max_sleep = Duration::from_millis(100);
    config.handle_signals = false;
    let component = valawai::Component::new(valawai::ComponentInfo::new(
        "c1_wrong_password",
        valawai::mov::protocol::ComponentType::C1,
        "1.0.0",
        "asyncapi: 2.6.0",
        "valawai/c1/wrong_password/control/registered",
    ));
    let err = tokio::time::timeout(PATIENCE, component.run(config))
        .await
        .expect("gives up in time")
        .unwrap_err();
    let text = logs.text();
    let warns: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("WARN") && l.contains("login refused for user `mov`"))
        .collect();
    assert_eq!(warns.len(), 2, "one WARN per attempt:\n{text}");
    for (n, line) in warns.iter().enumerate() {
        assert!(
            line.contains(&format!(
                "connection attempt {}/2 to RabbitMQ at {host}:{port} failed: login refused for \
                 user `mov`: set RABBITMQ_USERNAME/RABBITMQ_PASSWORD",
                n + 1
            )),
            "{line}"
        );
    }
    let error = err.to_string();
    assert!(error.contains("login refused for user `mov`"), "{error}");
    assert!(
        !text.contains("hunter2") && !error.contains("hunter2"),
        "the password is never shown:\n{text}\n{error}"
    );
}

/// A failure's log says what becomes of the message: a retryable one "retrying once in 10 ms",
/// then "rejected: dead-lettered if ... dropped otherwise"; a decode error in the handler is
/// final at the first attempt (not retried).
#[tokio::test]
async fn failure_logs_say_what_becomes_of_the_message() {
    use std::sync::{Arc, Mutex};
    use valawai::{ChannelSettings, Context, HandlerError};
    let logs = Logs::default();
    let _guard = tracing::subscriber::set_default(logs.subscriber(tracing::Level::WARN));
    let prefix = unique("fates");
    let mut mov = support::TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    let queue = format!("{prefix}/in");
    let attempts: Arc<Mutex<Vec<(String, u32)>>> = Arc::default();
    let a = attempts.clone();
    let (component, registered) =
        support::test_component(&prefix, valawai::mov::protocol::ComponentType::C0, "0.1.0");
    let component = component
        .on(
            queue.clone(),
            move |msg: serde_json::Value, ctx: Context| {
                let a = a.clone();
                async move {
                    let kind = msg["kind"].as_str().unwrap_or_default().to_owned();
                    a.lock().unwrap().push((kind.clone(), ctx.attempt()));
                    match kind.as_str() {
                        "undecodable" => {
                            let _: u32 = serde_json::from_str(msg["inner"].as_str().unwrap_or(""))?;
                            Ok(())
                        }
                        _ => Err(HandlerError::retry("the database is away")),
                    }
                }
            },
        )
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
    client
        .publish_json(&queue, &json!({"kind": "undecodable", "inner": "x"}))
        .await;
    client.publish_json(&queue, &json!({"kind": "flaky"})).await;
    let undecodable = mov.next_log("ERROR").await;
    let message = undecodable["message"].as_str().unwrap();
    assert!(
        message.contains("(attempt 1)")
            && message.contains("the failure is final, rejected: dead-lettered if a broker policy")
            && message.ends_with("dropped otherwise"),
        "{message}"
    );
    let flaky = mov.next_log("ERROR").await;
    let message = flaky["message"].as_str().unwrap();
    assert!(
        message.contains("the database is away")
            && message.contains("(attempt 2)")
            && message.contains("no attempt left, rejected: dead-lettered"),
        "{message}"
    );
    wait_until("both rejected", PATIENCE, || {
        handle.counters().rejected == 2
    })
    .await;
    let seen = attempts.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            ("undecodable".to_owned(), 1),
            ("flaky".to_owned(), 1),
            ("flaky".to_owned(), 2)
        ],
        "the undecodable one is not retried"
    );
    let text = logs.text();
    assert!(
        text.contains(&format!(
            "handler failed on channel `{queue}` (attempt 1 of 2): the database is away; \
             retrying once in 10 ms"
        )),
        "{text}"
    );
    support::stop(&handle, run).await;
    client.delete(&[&queue, &registered]).await;
    mov.cleanup().await;
}

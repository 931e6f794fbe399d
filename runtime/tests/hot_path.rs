//! The consumer's hot path against the RabbitMQ at `AMQP_ADDR`: handlers spawned as tasks of
//! their own run in parallel, the thread the handlers run on follows the runtime's flavour, and
//! the channel's watchdog (no timer per publish) still bounds a confirm that never comes by the
//! publish timeout.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::{Client, PATIENCE, unique, wait_until};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::watch;
use valawai::{ChannelSettings, Component, Context, HandlerError, RetryPolicy};

/// Two handlers of one channel meet: each waits, blocking its thread, until the other arrived.
/// Only handlers that run at the same time on two threads can both meet.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spawned_handlers_run_in_parallel() {
    support::require_broker().await;
    let prefix = unique("spawned");
    let client = &Client::connect().await;
    let queue = format!("{prefix}/in");
    let meeting = Arc::new((Mutex::new(0usize), Condvar::new()));
    let met = Arc::new(AtomicUsize::new(0));
    let (m, n) = (meeting.clone(), met.clone());
    let component = Component::unregistered(prefix.clone())
        .on(queue.clone(), move |_: Value, _: Context| {
            let (meeting, met) = (m.clone(), n.clone());
            async move {
                let (arrived, all_here) = &*meeting;
                let mut arrived = arrived.lock().unwrap();
                *arrived += 1;
                all_here.notify_all();
                let (arrived, waited) = all_here
                    .wait_timeout_while(arrived, Duration::from_secs(5), |a| *a < 2)
                    .unwrap();
                if !waited.timed_out() && *arrived >= 2 {
                    met.fetch_add(1, Ordering::SeqCst);
                }
                Ok(())
            }
        })
        .channel_settings(
            &queue,
            ChannelSettings::new()
                .prefetch(2)
                .concurrency(2)
                .spawn(true),
        );
    let handle = component.handle();
    let run = support::spawn(component.run(support::config(&prefix, support::temp_dir(&prefix))));
    client.declare(&queue).await.unwrap();
    for n in 0..2 {
        client.publish_json(&queue, &json!({"n": n})).await;
    }
    wait_until("2 messages handled", PATIENCE, || {
        handle.counters().handled == 2
    })
    .await;
    assert_eq!(met.load(Ordering::SeqCst), 2, "both handlers met");
    support::stop(&handle, run).await;
    assert_eq!(client.ready(&queue).await, 0, "both messages acked");
    client.delete(&[&queue]).await;
}

/// Runs a component by awaiting `run` in the test's own future (as `#[tokio::main]` does) until
/// it handled one message, and returns the names of the threads its handler ran on and of the
/// test's thread.
async fn handler_threads(name: &str) -> (Vec<String>, String) {
    support::require_broker().await;
    let prefix = unique(name);
    let client = &Client::connect().await;
    let queue = format!("{prefix}/in");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    let component =
        Component::unregistered(prefix.clone()).on(queue.clone(), move |_: Value, _: Context| {
            let seen = s.clone();
            async move {
                let thread = std::thread::current().name().unwrap_or_default().to_owned();
                seen.lock().unwrap().push(thread);
                Ok(())
            }
        });
    let handle = component.handle();
    client.declare(&queue).await.unwrap();
    let feed = async {
        client.publish_json(&queue, &json!({"n": 1})).await;
        wait_until("1 message handled", PATIENCE, || {
            handle.counters().handled == 1
        })
        .await;
        handle.shutdown();
    };
    let config = support::config(&prefix, support::temp_dir(&prefix));
    let (ran, ()) = tokio::time::timeout(PATIENCE, async {
        tokio::join!(component.run(config), feed)
    })
    .await
    .expect("the component stops in time");
    ran.expect("the component's run");
    client.delete(&[&queue]).await;
    let test_thread = std::thread::current().name().unwrap_or_default().to_owned();
    let seen = seen.lock().unwrap().clone();
    (seen, test_thread)
}

/// With one worker, `run` serves on the worker (where tokio's reactor runs), not on the thread
/// that awaits it.
#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn with_one_worker_the_handlers_run_on_the_worker() {
    let (seen, test_thread) = handler_threads("one-worker").await;
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_ne!(
        seen[0], test_thread,
        "the handler ran on the awaiting thread"
    );
    assert!(seen[0].starts_with("tokio-"), "a worker of tokio: {seen:?}");
}

/// With two workers, the handlers run where `run` is awaited: lapin's I/O thread wakes that
/// thread directly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_two_workers_the_handlers_run_where_run_is_awaited() {
    let (seen, test_thread) = handler_threads("two-workers").await;
    assert_eq!(seen, [test_thread]);
}

/// A relay in front of the broker that can hold back what the broker sends.
struct HoldingRelay {
    port: u16,
    hold: watch::Sender<bool>,
    accept: tokio::task::JoinHandle<()>,
}

impl HoldingRelay {
    async fn start() -> Self {
        let upstream = support::broker_address();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (hold, held) = watch::channel(false);
        let accept = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Ok(server) = tokio::net::TcpStream::connect(upstream.clone()).await else {
                    continue;
                };
                let (client_read, client_write) = client.into_split();
                let (server_read, server_write) = server.into_split();
                tokio::spawn(pipe(client_read, server_write, None));
                tokio::spawn(pipe(server_read, client_write, Some(held.clone())));
            }
        });
        Self { port, hold, accept }
    }

    /// While `true`, what the broker sends waits in the relay.
    fn hold(&self, hold: bool) {
        self.hold.send_replace(hold);
    }
}

impl Drop for HoldingRelay {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut held: Option<watch::Receiver<bool>>,
) {
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let n = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(held) = held.as_mut()
            && held.wait_for(|held| !*held).await.is_err()
        {
            break;
        }
        if to.write_all(&buffer[..n]).await.is_err() {
            break;
        }
    }
    let _ = to.shutdown().await;
}

/// The first attempt publishes while the broker's answers are held back: its confirm never
/// comes, and the watchdog fails the attempt after one to one and a quarter publish timeouts.
/// The retry, with the answers flowing again, succeeds.
#[tokio::test]
async fn a_confirm_that_never_comes_fails_the_attempt_after_the_publish_timeout() {
    support::require_broker().await;
    let prefix = unique("watchdog");
    let client = &Client::connect().await;
    let input = format!("{prefix}/in");
    let output = format!("{prefix}/out");
    client.declare(&input).await.unwrap();
    let mut outputs = client.declare_and_consume(&output).await;
    let relay = Arc::new(HoldingRelay::start().await);
    let attempts: Arc<Mutex<Vec<(u32, Instant)>>> = Arc::default();
    let (r, a, out) = (relay.clone(), attempts.clone(), output.clone());
    let timeout = Duration::from_secs(1);
    let component = Component::unregistered(prefix.clone())
        .on(input.clone(), move |msg: Value, ctx: Context| {
            let (relay, attempts, out) = (r.clone(), a.clone(), out.clone());
            async move {
                attempts
                    .lock()
                    .unwrap()
                    .push((ctx.attempt(), Instant::now()));
                // Held back during the first attempt only.
                relay.hold(ctx.attempt() == 1);
                ctx.publisher().publish(&out, &msg).await?;
                Ok::<(), HandlerError>(())
            }
        })
        .channel_settings(
            &input,
            ChannelSettings::ordered().retry(RetryPolicy {
                max_attempts: 2,
                delay: Duration::from_millis(10),
            }),
        );
    let handle = component.handle();
    let mut config = support::config(&prefix, support::temp_dir(&prefix));
    config.endpoints = vec![support::endpoint_via(relay.port)];
    config.publish_timeout = timeout;
    let run = support::spawn(component.run(config));
    wait_until("the component runs", PATIENCE, || {
        handle.state() == valawai::State::Running
    })
    .await;
    client.publish_json(&input, &json!({"n": 1})).await;
    wait_until("the message handled", PATIENCE, || {
        handle.counters().handled == 1
    })
    .await;
    let c = handle.counters();
    assert_eq!(
        (c.failed, c.retried, c.handled, c.rejected, c.publish_failed),
        (1, 1, 1, 0, 1),
        "{c:?}"
    );
    let attempts = attempts.lock().unwrap().clone();
    assert_eq!(attempts.len(), 2);
    let failed_after = attempts[1].1 - attempts[0].1;
    assert!(
        failed_after >= timeout && failed_after < timeout * 3,
        "the first attempt failed {failed_after:?} after it started, for a publish timeout of {timeout:?}"
    );
    // At least once: the retry's output, and maybe the first attempt's.
    let echoed = support::next(&mut outputs, "an output").await.json();
    assert_eq!(echoed, json!({"n": 1}));
    support::stop(&handle, run).await;
    assert_eq!(client.ready(&input).await, 0, "the input is acked");
    client.delete(&[&input, &output]).await;
}

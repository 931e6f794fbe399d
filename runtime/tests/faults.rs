//! Fault injection against the RabbitMQ at `AMQP_ADDR`: connections cut by a TCP relay, a
//! broker restart (`rabbitmqctl stop_app` / `start_app`; set `RABBITMQCTL`, for example to
//! `docker exec rabbitmq rabbitmqctl`, when the broker runs elsewhere), a recovery that gives
//! up, and a component stopped while its connection is down. The tests run one at a time (they
//! hold `SERIAL`), and alone in this binary.
//!
//! All but the last run a pipeline of three components: a driver publishing 10,000 persistent,
//! confirmed messages; an echo (shaped like generated code) recording every message it handles
//! and echoing it; a sink recording every echo. Every message must be handled and echoed at least
//! once; the duplicates are reported (run with `--nocapture` to see the figures). A run that
//! loses messages says when each missing one was confirmed to the driver and handled by the echo,
//! against the times of the faults, with the counters of all three.

mod support;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Client, unique, wait_until};
use valawai::mov::protocol::ComponentType;
use valawai::{
    ChannelSettings, Component, ComponentHandle, ComponentInfo, Config, Context, Endpoint, State,
};

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

const TOTAL: u32 = 10_000;

/// Counts how often each message id was seen, and when it was first.
#[derive(Default)]
struct Seen {
    counts: Mutex<HashMap<u32, (u32, Instant)>>,
    total: AtomicU64,
}

impl Seen {
    fn record(&self, id: u32) {
        self.counts
            .lock()
            .unwrap()
            .entry(id)
            .or_insert((0, Instant::now()))
            .0 += 1;
        self.total.fetch_add(1, Ordering::SeqCst);
    }
    fn first(&self, id: u32) -> Option<Instant> {
        self.counts.lock().unwrap().get(&id).map(|(_, at)| *at)
    }
    fn distinct(&self) -> usize {
        self.counts.lock().unwrap().len()
    }
    fn total(&self) -> u64 {
        self.total.load(Ordering::SeqCst)
    }
    fn duplicates(&self) -> u64 {
        self.total() - self.distinct() as u64
    }
    fn missing(&self, total: u32) -> Vec<u32> {
        let c = self.counts.lock().unwrap();
        (0..total).filter(|n| !c.contains_key(n)).collect()
    }
}

/// The echo's handlers: record the id, echo the message; with `logs`, between the upstream
/// echo's two MOV logs, as the real echo does (three publishes per message, the echo and the
/// second log queued in lapin behind the first).
struct Recording {
    seen: Arc<Seen>,
    logs: bool,
}

impl Recording {
    fn new(seen: &Arc<Seen>) -> Self {
        Self {
            seen: seen.clone(),
            logs: false,
        }
    }
}

macro_rules! recording_echo {
    ($module:ident) => {
        echo_component!($module);
        impl $module::Handlers for Recording {
            async fn received_message(
                &self,
                payload: $module::EchoPayload,
                ctx: $module::Context,
            ) -> valawai::HandlerResult {
                let id: u32 = payload.content.parse()?;
                self.seen.record(id);
                if self.logs {
                    ctx.mov()
                        .info("Received a message to echo")
                        .payload(&payload)
                        .await;
                }
                ctx.publisher().publish_message(&payload).await?;
                if self.logs {
                    ctx.mov()
                        .info("Sent Echoed message")
                        .payload(&payload)
                        .await;
                }
                Ok(())
            }
        }
    };
}

recording_echo!(cut_echo);
recording_echo!(cut_logging_echo);
recording_echo!(restart_echo);
recording_echo!(supervised_echo);
recording_echo!(abandoned_echo);

fn fault_config(prefix: &str, endpoint: Endpoint) -> Config {
    let mut c = support::config(prefix, support::temp_dir(prefix));
    c.endpoints = vec![endpoint];
    c.max_retries = 100;
    c.retry_sleep = Duration::from_millis(100);
    c.retry_max_sleep = Duration::from_secs(1);
    c.publish_timeout = Duration::from_secs(90);
    c.heartbeat = 10;
    c
}

fn direct() -> Endpoint {
    Endpoint::parse_url(&support::amqp_addr()).unwrap()
}

struct Pipeline {
    input: String,
    output: String,
    /// When the pipeline started: the report's times count from it.
    started: Instant,
    /// What the test did, and when (a broker stopped, a connection cut).
    marks: Mutex<Vec<(&'static str, Instant)>>,
    /// The ids whose publish the broker confirmed to the driver.
    confirmed: Arc<Seen>,
    echo_seen: Arc<Seen>,
    sink_seen: Arc<Seen>,
    echo: ComponentHandle,
    sink: ComponentHandle,
    driver: ComponentHandle,
    runs: Vec<tokio::task::JoinHandle<Result<(), valawai::RunError>>>,
    queues: Vec<String>,
}

impl Pipeline {
    /// Starts the sink and the driver (direct to the broker) and `echo` (with `echo_config`).
    async fn start(
        prefix: &str,
        echo: Component,
        echo_config: Config,
        input: &str,
        output: &str,
        echo_seen: Arc<Seen>,
    ) -> Self {
        support::require_broker().await;
        let sink_seen = Arc::new(Seen::default());
        let name = prefix.replace(['/', '-'], "_");
        let info = |ty: ComponentType, role: &str| ComponentInfo {
            name: format!("{}_{role}_{name}", ty.channel_segment()).into(),
            component_type: ty,
            version: "1.0.0".into(),
            asyncapi_yaml: "asyncapi: 2.6.0".into(),
            registered_channel: format!(
                "valawai/{}/{role}_{name}/control/registered",
                ty.channel_segment()
            )
            .into(),
        };
        let sink_info = info(ComponentType::C1, "sink");
        let driver_info = info(ComponentType::C0, "driver");
        let s = sink_seen.clone();
        let sink = Component::new(sink_info.clone())
            .on(output.to_owned(), move |echo: Value, _: Context| {
                let s = s.clone();
                async move {
                    s.record(echo["content"].as_str().unwrap_or_default().parse()?);
                    Ok(())
                }
            })
            .channel_settings(
                output,
                ChannelSettings::new().prefetch(100).concurrency(100),
            );
        let driver = Component::new(driver_info.clone());
        let echo_info_registered = echo.info().unwrap().registered_channel.to_string();
        let (echo_handle, sink_handle, driver_handle) =
            (echo.handle(), sink.handle(), driver.handle());
        let runs = vec![
            tokio::spawn(sink.run(fault_config(&format!("{prefix}_sink"), direct()))),
            tokio::spawn(driver.run(fault_config(&format!("{prefix}_driver"), direct()))),
            tokio::spawn(echo.run(echo_config)),
        ];
        for h in [&echo_handle, &sink_handle, &driver_handle] {
            let state =
                tokio::time::timeout(support::PATIENCE, h.wait_for_state(|s| s == State::Running))
                    .await
                    .expect("components start");
            assert_eq!(state, State::Running);
        }
        let mut queues = vec![
            input.to_owned(),
            output.to_owned(),
            sink_info.registered_channel.to_string(),
            driver_info.registered_channel.to_string(),
            echo_info_registered,
        ];
        for p in [
            prefix.to_owned(),
            format!("{prefix}_sink"),
            format!("{prefix}_driver"),
        ] {
            let c = valawai::mov::MovChannels::with_prefix(&format!("{p}/"));
            queues.extend([c.register, c.unregister, c.log]);
        }
        Self {
            input: input.to_owned(),
            output: output.to_owned(),
            started: Instant::now(),
            marks: Mutex::default(),
            confirmed: Arc::default(),
            echo_seen,
            sink_seen,
            echo: echo_handle,
            sink: sink_handle,
            driver: driver_handle,
            runs,
            queues,
        }
    }

    /// Publishes the messages from 16 tasks through the driver's publisher (which waits for
    /// each confirm and survives reconnections).
    fn publish_all(&self) -> tokio::task::JoinHandle<()> {
        let publisher = self.driver.publisher();
        let input = self.input.clone();
        let confirmed = self.confirmed.clone();
        tokio::spawn(async move {
            let mut tasks = tokio::task::JoinSet::new();
            for worker in 0..16u32 {
                let (publisher, input) = (publisher.clone(), input.clone());
                let confirmed = confirmed.clone();
                tasks.spawn(async move {
                    for n in (worker..TOTAL).step_by(16) {
                        publisher
                            .publish(&input, &serde_json::json!({"content": n.to_string()}))
                            .await
                            .unwrap_or_else(|e| panic!("publishing message {n}: {e}"));
                        confirmed.record(n);
                    }
                });
            }
            while let Some(r) = tasks.join_next().await {
                r.expect("a publishing task failed");
            }
        })
    }

    /// Notes what the test does now, for the report.
    fn mark(&self, what: &'static str) {
        self.marks.lock().unwrap().push((what, Instant::now()));
    }

    /// Waits until the echo's deliveries grow by more than a prefetch (consumption resumed on
    /// a new connection), or until it has handled every message (the rest may have taken less
    /// than that): how long after `fault` that was. `None` when neither happens within two
    /// minutes; the loss check then says what is missing.
    async fn resumed_after(&self, fault: Instant) -> Option<Duration> {
        let before = self.echo.counters().received;
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if self.echo.counters().received > before + 60
                || self.echo_seen.distinct() == TOTAL as usize
            {
                return Some(fault.elapsed());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        None
    }

    /// What a failed run needs to be understood: the marks, when the first missing messages
    /// were confirmed to the driver and handled by the echo, the counters and the queues.
    async fn report(&self) -> String {
        let at = |t: Instant| format!("{:.3}s", t.duration_since(self.started).as_secs_f64());
        let marks: Vec<String> = self
            .marks
            .lock()
            .unwrap()
            .iter()
            .map(|(what, t)| format!("{what} at {}", at(*t)))
            .collect();
        let missing: Vec<String> = self
            .sink_seen
            .missing(TOTAL)
            .into_iter()
            .take(40)
            .map(|n| {
                let confirmed = self.confirmed.first(n).map_or("never".into(), at);
                let echoed = self.echo_seen.first(n).map_or("never".into(), at);
                format!("{n}: confirmed {confirmed}, echo {echoed}")
            })
            .collect();
        let client = Client::connect().await;
        let (input, output) = (
            client.ready(&self.input).await,
            client.ready(&self.output).await,
        );
        format!(
            "marks: {marks:?}\nmissing at the sink (first 40): {missing:?}\n\
             ready in the input queue {input}, in the output queue {output}\n\
             echo {:?}\nsink {:?}\ndriver {:?}",
            self.echo.counters(),
            self.sink.counters(),
            self.driver.counters()
        )
    }

    /// Waits for every message to be handled and echoed, checks nothing is lost, reports.
    async fn finish(self, test: &str, publishing: tokio::task::JoinHandle<()>, notes: &str) {
        tokio::time::timeout(Duration::from_secs(180), publishing)
            .await
            .expect("publishing finished in time")
            .expect("publishing succeeded");
        let all = TOTAL as usize;
        let deadline = Instant::now() + Duration::from_secs(180);
        while self.echo_seen.distinct() < all || self.sink_seen.distinct() < all {
            if Instant::now() > deadline {
                panic!(
                    "lost messages: echo missing {:?}, sink missing {:?}\n{}",
                    self.echo_seen.missing(TOTAL),
                    self.sink_seen.missing(TOTAL),
                    self.report().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let (e, s, d) = (
            self.echo.counters(),
            self.sink.counters(),
            self.driver.counters(),
        );
        println!(
            "{test}: {TOTAL} messages; echo handled {} ({} duplicates, {} redelivered, {} abandoned); \
             sink received {} ({} duplicates); driver published {} (failed {}); {notes}",
            self.echo_seen.total(),
            self.echo_seen.duplicates(),
            e.redelivered,
            e.abandoned,
            self.sink_seen.total(),
            self.sink_seen.duplicates(),
            d.published,
            d.publish_failed,
        );
        assert_eq!(
            (e.rejected, s.rejected),
            (0, 0),
            "nothing rejected: {e:?} {s:?}"
        );
        assert_eq!(d.publish_failed, 0);
        for h in [&self.echo, &self.sink, &self.driver] {
            h.shutdown();
        }
        for run in self.runs {
            tokio::time::timeout(Duration::from_secs(30), run)
                .await
                .expect("components stop")
                .unwrap()
                .expect("components stop cleanly");
        }
        let client = Client::connect().await;
        assert_eq!(
            client.ready(&self.input).await,
            0,
            "the input queue is empty"
        );
        let queues: Vec<&str> = self.queues.iter().map(String::as_str).collect();
        client.delete(&queues).await;
    }
}

/// The echo's connection is cut twice by a relay while 10,000 messages flow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relay_cuts_lose_nothing() {
    let seen = Arc::new(Seen::default());
    let echo = cut_echo::component(Recording::new(&seen));
    let channels = (
        cut_echo::channels::RECEIVED_MESSAGE.as_str(),
        cut_echo::channels::PUBLISH_MESSAGE.as_str(),
    );
    two_relay_cuts("relay_cuts_lose_nothing", "cut", echo, channels, seen).await;
}

/// As [`relay_cuts_lose_nothing`], with a handler that publishes three messages per input (a
/// MOV log, the echo, a MOV log): the echo is queued in lapin behind the first log when the cut
/// comes, and must still reach the sink.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relay_cuts_lose_nothing_with_three_publishes_per_message() {
    let seen = Arc::new(Seen::default());
    let echo = cut_logging_echo::component(Recording {
        logs: true,
        ..Recording::new(&seen)
    });
    let channels = (
        cut_logging_echo::channels::RECEIVED_MESSAGE.as_str(),
        cut_logging_echo::channels::PUBLISH_MESSAGE.as_str(),
    );
    two_relay_cuts(
        "relay_cuts_lose_nothing_with_three_publishes_per_message",
        "cut_logs",
        echo,
        channels,
        seen,
    )
    .await;
}

/// Runs the pipeline with `echo` behind a relay (its `(input, output)` channels, recording into
/// `seen`), cuts the relay after 2,000 and after 6,000 messages, and checks nothing was lost.
async fn two_relay_cuts(
    test: &str,
    name: &str,
    echo: Component,
    (input, output): (&str, &str),
    seen: Arc<Seen>,
) {
    let _serial = SERIAL.lock().await;
    let prefix = unique(name);
    let relay = support::Relay::start().await;
    let p = Pipeline::start(
        &prefix,
        echo,
        fault_config(&prefix, relay.endpoint()),
        input,
        output,
        seen,
    )
    .await;
    let publishing = p.publish_all();
    let mut recoveries = Vec::new();
    for at in [2_000u64, 6_000] {
        wait_until("progress", Duration::from_secs(120), || {
            p.echo_seen.total() >= at
        })
        .await;
        let cut = Instant::now();
        p.mark("relay cut");
        relay.cut().await;
        recoveries.push(p.resumed_after(cut).await);
    }
    assert!(
        relay.accepted.load(Ordering::SeqCst) >= 3,
        "the echo reconnected through the relay"
    );
    p.finish(
        test,
        publishing,
        &format!("resumed {recoveries:?} after the cuts"),
    )
    .await;
}

/// The broker restarts (stop_app, start_app) while 10,000 messages flow, the driver still
/// publishing: every component's connection recovers, nothing is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broker_restart_loses_nothing() {
    let _serial = SERIAL.lock().await;
    let prefix = unique("restart");
    let seen = Arc::new(Seen::default());
    let echo = restart_echo::component(Recording::new(&seen));
    let p = Pipeline::start(
        &prefix,
        echo,
        fault_config(&prefix, direct()),
        &restart_echo::channels::RECEIVED_MESSAGE,
        &restart_echo::channels::PUBLISH_MESSAGE,
        seen,
    )
    .await;
    let publishing = p.publish_all();
    wait_until("progress", Duration::from_secs(120), || {
        p.confirmed.total() >= 4_000
    })
    .await;
    let stopped = Instant::now();
    p.mark("stop_app called");
    tokio::task::spawn_blocking(|| support::rabbitmqctl(&["stop_app"]))
        .await
        .unwrap();
    p.mark("stop_app returned");
    let stop_took = stopped.elapsed();
    tokio::task::spawn_blocking(|| support::rabbitmqctl(&["start_app"]))
        .await
        .unwrap();
    p.mark("start_app returned");
    let down = stopped.elapsed();
    let resumed = p.resumed_after(stopped).await;
    p.finish(
        "broker_restart_loses_nothing",
        publishing,
        &format!("broker stopping took {stop_took:?}, down {down:?} in all, consumption resumed {resumed:?} after stop_app"),
    )
    .await;
}

/// lapin's recovery gives up (the broker refuses connections for longer than its budget); the
/// supervisor connects again, sets the channels up again, and nothing is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supervisor_reconnects_when_recovery_gives_up() {
    let _serial = SERIAL.lock().await;
    let prefix = unique("supervised");
    let relay = support::Relay::start().await;
    let seen = Arc::new(Seen::default());
    let echo = supervised_echo::component(Recording::new(&seen));
    let mut config = fault_config(&prefix, relay.endpoint());
    config.max_retries = 3;
    config.retry_sleep = Duration::from_millis(100);
    config.retry_max_sleep = Duration::from_millis(200);
    let p = Pipeline::start(
        &prefix,
        echo,
        config,
        &supervised_echo::channels::RECEIVED_MESSAGE,
        &supervised_echo::channels::PUBLISH_MESSAGE,
        seen,
    )
    .await;
    let publishing = p.publish_all();
    wait_until("progress", Duration::from_secs(120), || {
        p.echo_seen.total() >= 2_000
    })
    .await;
    relay.set_refusing(true);
    let cut = Instant::now();
    p.mark("relay refusing and cut");
    relay.cut().await;
    let state = tokio::time::timeout(
        Duration::from_secs(90),
        p.echo.wait_for_state(|s| s == State::Reconnecting),
    )
    .await
    .unwrap_or_else(|_| {
        panic!(
            "lapin gives up and the supervisor takes over: still {:?} after 90 s, {} connections \
             to the relay, echo counters {:?}",
            p.echo.state(),
            relay.accepted.load(Ordering::SeqCst),
            p.echo.counters()
        )
    });
    assert_eq!(state, State::Reconnecting);
    let gave_up = cut.elapsed();
    let refused_before = relay.accepted.load(Ordering::SeqCst);
    // The supervisor keeps trying while the broker is unreachable.
    wait_until("more connection attempts", Duration::from_secs(30), || {
        relay.accepted.load(Ordering::SeqCst) >= refused_before + 3
    })
    .await;
    relay.set_refusing(false);
    p.mark("relay accepting");
    tokio::time::timeout(
        Duration::from_secs(30),
        p.echo.wait_for_state(|s| s == State::Running),
    )
    .await
    .expect("the supervisor reconnects");
    let resumed = p.resumed_after(cut).await;
    p.finish(
        "supervisor_reconnects_when_recovery_gives_up",
        publishing,
        &format!("the supervisor took over {gave_up:?} after the cut, consumption resumed {resumed:?} after it"),
    )
    .await;
}

/// A component stops while its connection is down and lapin is still trying to recover it:
/// once the broker is reachable again, no connection of the stopped component comes back (lapin
/// went on recovering in the background and connected again, for as long as the process lived),
/// and nothing consumes its queue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_component_stopped_while_recovering_never_connects_again() {
    let _serial = SERIAL.lock().await;
    support::require_broker().await;
    let prefix = unique("abandoned");
    let relay = support::Relay::start().await;
    let seen = Arc::new(Seen::default());
    let echo = abandoned_echo::component(Recording::new(&seen));
    let handle = echo.handle();
    let mut config = fault_config(&prefix, relay.endpoint());
    config.shutdown_deadline = Duration::from_secs(1);
    config.publish_timeout = Duration::from_secs(2);
    let input = abandoned_echo::channels::RECEIVED_MESSAGE.to_string();
    let run = tokio::spawn(echo.run(config));
    let state = tokio::time::timeout(
        support::PATIENCE,
        handle.wait_for_state(|s| s == State::Running),
    )
    .await
    .expect("the echo starts");
    assert_eq!(state, State::Running);
    relay.set_refusing(true);
    relay.cut().await;
    // lapin is retrying: refused connections reach the relay.
    let cut = relay.accepted.load(Ordering::SeqCst);
    wait_until("lapin retrying", Duration::from_secs(30), || {
        relay.accepted.load(Ordering::SeqCst) > cut
    })
    .await;
    handle.shutdown();
    tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("the echo stops")
        .unwrap()
        .expect("the echo stops cleanly");
    relay.set_refusing(false);
    // Messages for the stopped echo stay in its queue, and no consumer comes back to take them
    // (lapin would dial again within its longest backoff, a second).
    let client = Client::connect().await;
    for n in 0..10 {
        client
            .publish_json(&input, &serde_json::json!({"content": n.to_string()}))
            .await;
    }
    tokio::time::sleep(Duration::from_secs(4)).await;
    let connections = tokio::task::spawn_blocking(|| {
        support::rabbitmqctl_output(&["list_connections", "-q", "client_properties"])
    })
    .await
    .unwrap();
    assert!(
        !connections.contains(&*abandoned_echo::NAME),
        "the broker has a connection of the stopped echo: {connections}"
    );
    let queue = client.declare(&input).await.expect("the queue is there");
    assert_eq!(
        (queue.consumer_count(), queue.message_count()),
        (0, 10),
        "no consumer on the stopped echo's queue, its messages waiting ({} connection(s) reached \
         the relay)",
        relay.accepted.load(Ordering::SeqCst)
    );
    assert_eq!(seen.total(), 0);
    let registered = abandoned_echo::channels::REGISTERED.to_string();
    let c = valawai::mov::MovChannels::with_prefix(&format!("{prefix}/"));
    client
        .delete(&[&input, &registered, &c.register, &c.unregister, &c.log])
        .await;
}

//! A component on a three-node RabbitMQ cluster that this test starts itself with
//! `rabbitmq-server` (on AMQP ports 5701-5703 and distribution ports 25701-25703, each node with
//! its own configuration file, node name, data and log folders, all in a temporary folder, joined
//! with `rabbitmqctl join_cluster`). The shared broker on 5672 is not touched.
//!
//! The component lists the three nodes in its `AMQP_ADDR`, declares quorum queues
//! (`VALAWAI_QUEUE_TYPE=quorum`) and echoes 5,000 persistent messages; the node it is connected
//! to is stopped in the middle. Nothing may be lost (duplicates are allowed and counted); the
//! component must be on another node afterwards; the reconnection time is printed (run with
//! `--nocapture`). Every node the test started is stopped, even when it fails.
//!
//! `RABBITMQ_SBIN` names the folder of the `rabbitmq-server` and `rabbitmqctl` scripts when
//! they are not in `/usr/lib/rabbitmq/bin` (the Debian package's, which run as the current user)
//! or on the `PATH`.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::Client;
use valawai::lapin::options::{BasicPublishOptions, QueueDeclareOptions};
use valawai::lapin::types::{AMQPValue, FieldTable};
use valawai::lapin::{BasicProperties, Channel};
use valawai::{Component, Config, Context, Endpoint, QueueType, State};

const NODES: usize = 3;
const TOTAL: u64 = 5_000;
/// Echoes received before the component's node is stopped.
const STOP_AFTER: u64 = 1_500;
/// The cookie the nodes and the test's `rabbitmqctl` share (a fixed one, so that nodes a killed
/// run left behind can be stopped by the next run).
const COOKIE: &str = "VALAWAICLUSTERTESTCOOKIE";
const INPUT: &str = "cluster/input";
const OUTPUT: &str = "cluster/output";

fn node_name(n: usize) -> String {
    format!("valawai_cluster_{n}@localhost")
}

fn amqp_port(n: usize) -> u16 {
    5700 + n as u16
}

fn url(n: usize) -> String {
    format!("amqp://guest:guest@127.0.0.1:{}/%2f", amqp_port(n))
}

/// The folder of the `rabbitmq-server` and `rabbitmqctl` scripts.
fn sbin() -> PathBuf {
    if let Some(dir) = std::env::var_os("RABBITMQ_SBIN") {
        return dir.into();
    }
    let debian = Path::new("/usr/lib/rabbitmq/bin");
    if debian.join("rabbitmq-server").exists() {
        return debian.into();
    }
    std::env::var_os("PATH")
        .and_then(|path| {
            std::env::split_paths(&path).find(|dir| dir.join("rabbitmq-server").exists())
        })
        .expect(
            "this test starts its own RabbitMQ nodes and needs rabbitmq-server: install \
             RabbitMQ, or set RABBITMQ_SBIN to the folder of its scripts",
        )
}

/// A three-node cluster; dropping it stops every node it started.
struct Cluster {
    root: PathBuf,
    sbin: PathBuf,
    /// The `rabbitmq-server` processes, `None` once stopped.
    nodes: Vec<Option<Child>>,
}

impl Cluster {
    /// Starts the nodes and joins the second and third to the first.
    fn start() -> Self {
        let root = std::env::temp_dir().join("valawai-cluster-test");
        let mut cluster = Self {
            sbin: sbin(),
            root,
            nodes: Vec::new(),
        };
        cluster.clear_leftovers();
        let _ = std::fs::remove_dir_all(&cluster.root);
        std::fs::create_dir_all(&cluster.root).unwrap();
        let cookie = cluster.root.join(".erlang.cookie");
        std::fs::write(&cookie, COOKIE).unwrap();
        set_mode(&cookie, 0o400);
        for n in 1..=NODES {
            let child = cluster.spawn_node(n);
            cluster.nodes.push(Some(child));
        }
        for n in 1..=NODES {
            cluster.wait_for_port(n);
        }
        for n in 2..=NODES {
            cluster.ctl(n, &["stop_app"]);
            cluster.ctl(n, &["join_cluster", &node_name(1)]);
            cluster.ctl(n, &["start_app"]);
            cluster.wait_for_port(n);
        }
        let status = cluster.ctl(1, &["cluster_status", "--formatter", "json"]);
        let status: Value = serde_json::from_str(&status).expect("cluster_status in JSON");
        let running = status["running_nodes"].as_array().map_or(0, Vec::len);
        assert_eq!(running, NODES, "not every node joined: {status}");
        cluster
    }

    fn dir(&self, n: usize) -> PathBuf {
        self.root.join(format!("node{n}"))
    }

    /// The environment of `rabbitmq-server` and `rabbitmqctl` for node `n`: nothing of the
    /// machine's own RabbitMQ (its `rabbitmq-env.conf`, configuration or plugins) applies.
    fn env(&self, n: usize, command: &mut Command) {
        let dir = self.dir(n);
        command
            .env("HOME", &self.root)
            .env("RABBITMQ_NODENAME", node_name(n))
            .env("RABBITMQ_CONF_ENV_FILE", dir.join("rabbitmq-env.conf"))
            .env("RABBITMQ_CONFIG_FILE", dir.join("rabbitmq.conf"))
            .env("RABBITMQ_ADVANCED_CONFIG_FILE", dir.join("advanced.config"))
            .env("RABBITMQ_ENABLED_PLUGINS_FILE", dir.join("enabled_plugins"))
            .env("RABBITMQ_MNESIA_BASE", dir.join("data"))
            .env("RABBITMQ_LOG_BASE", dir.join("log"))
            .env("RABBITMQ_PID_FILE", dir.join("pid"))
            .env("RABBITMQ_DIST_PORT", (amqp_port(n) + 20_000).to_string())
            .env("ERL_EPMD_ADDRESS", "127.0.0.1")
            .env(
                "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
                "-kernel inet_dist_use_interface {127,0,0,1}",
            );
    }

    fn spawn_node(&self, n: usize) -> Child {
        let dir = self.dir(n);
        for sub in ["data", "log"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(
            dir.join("rabbitmq.conf"),
            format!(
                "listeners.tcp.1 = 127.0.0.1:{}\nloopback_users = none\n",
                amqp_port(n)
            ),
        )
        .unwrap();
        std::fs::write(dir.join("rabbitmq-env.conf"), "").unwrap();
        std::fs::write(dir.join("enabled_plugins"), "[].\n").unwrap();
        let out = std::fs::File::create(dir.join("server.out")).unwrap();
        let mut command = Command::new(self.sbin.join("rabbitmq-server"));
        self.env(n, &mut command);
        command
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start rabbitmq-server: {e}"))
    }

    /// `rabbitmqctl -n <node n> args`, or a panic with what it printed and the node's output.
    fn ctl(&self, n: usize, args: &[&str]) -> String {
        match self.try_ctl(n, args) {
            Ok(out) => out,
            Err(e) => panic!(
                "`rabbitmqctl -n {} {}` failed: {e}\n{}",
                node_name(n),
                args.join(" "),
                self.tail(n)
            ),
        }
    }

    fn try_ctl(&self, n: usize, args: &[&str]) -> Result<String, String> {
        let mut command = Command::new(self.sbin.join("rabbitmqctl"));
        self.env(n, &mut command);
        let output = command
            .arg("-n")
            .arg(node_name(n))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| e.to_string())?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).into_owned())
        }
    }

    /// The end of node `n`'s output, for failure messages.
    fn tail(&self, n: usize) -> String {
        let out = std::fs::read_to_string(self.dir(n).join("server.out")).unwrap_or_default();
        let lines: Vec<&str> = out.lines().collect();
        format!(
            "last lines of {}:\n{}",
            node_name(n),
            lines[lines.len().saturating_sub(20)..].join("\n")
        )
    }

    fn wait_for_port(&mut self, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while std::net::TcpStream::connect(("127.0.0.1", amqp_port(n))).is_err() {
            if let Some(Some(child)) = self.nodes.get_mut(n - 1)
                && let Ok(Some(status)) = child.try_wait()
            {
                panic!("{} exited ({status})\n{}", node_name(n), self.tail(n));
            }
            assert!(
                Instant::now() < deadline,
                "{} did not listen on {} within 120 s\n{}",
                node_name(n),
                amqp_port(n),
                self.tail(n)
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Stops node `n` as an operator would (`rabbitmqctl stop`), and waits until it is gone.
    fn stop_node(&mut self, n: usize) {
        self.ctl(n, &["stop"]);
        if let Some(mut child) = self.nodes[n - 1].take() {
            let _ = child.wait();
        }
    }

    /// Nodes a killed run left behind hold the ports: stop them with the fixed cookie.
    fn clear_leftovers(&self) {
        let root = &self.root;
        if root.join(".erlang.cookie").exists() {
            for n in 1..=NODES {
                if std::net::TcpStream::connect(("127.0.0.1", amqp_port(n))).is_ok() {
                    let _ = self.try_ctl(n, &["stop"]);
                }
            }
        }
        for n in 1..=NODES {
            assert!(
                std::net::TcpListener::bind(("127.0.0.1", amqp_port(n))).is_ok(),
                "port {} is taken: this test needs 5701-5703 and 25701-25703",
                amqp_port(n)
            );
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for n in 1..=NODES {
            let Some(mut child) = self.nodes[n - 1].take() else {
                continue;
            };
            // SIGTERM to the Erlang VM is an orderly stop; then make sure.
            if let Ok(pid) = std::fs::read_to_string(self.dir(n).join("pid")) {
                let _ = Command::new("kill").args(["-TERM", pid.trim()]).status();
            }
            let deadline = Instant::now() + Duration::from_secs(30);
            while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(100));
            }
            if matches!(child.try_wait(), Ok(None)) {
                if let Ok(pid) = std::fs::read_to_string(self.dir(n).join("pid")) {
                    let _ = Command::new("kill").args(["-KILL", pid.trim()]).status();
                }
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn quorum() -> FieldTable {
    let mut arguments = FieldTable::default();
    arguments.insert(
        "x-queue-type".into(),
        AMQPValue::LongString("quorum".into()),
    );
    arguments
}

/// Counts how often each message was seen.
#[derive(Default)]
struct Seen {
    counts: Mutex<HashMap<u64, u32>>,
    total: AtomicU64,
}

impl Seen {
    fn record(&self, n: u64) {
        *self.counts.lock().unwrap().entry(n).or_default() += 1;
        self.total.fetch_add(1, Ordering::SeqCst);
    }
    fn distinct(&self) -> u64 {
        self.counts.lock().unwrap().len() as u64
    }
    fn duplicates(&self) -> u64 {
        self.total.load(Ordering::SeqCst) - self.distinct()
    }
}

/// Publishes `TOTAL` persistent messages to `INPUT`, 200 confirms in flight, sending again what
/// the broker nacks.
async fn publish_all(channel: &Channel) {
    let mut pending = Vec::new();
    for n in 0..TOTAL {
        pending.push(n);
        if pending.len() == 200 || n + 1 == TOTAL {
            while !pending.is_empty() {
                let mut confirms = Vec::new();
                for n in &pending {
                    let body = json!({"n": n}).to_string();
                    let confirm = channel
                        .basic_publish(
                            "".into(),
                            INPUT.into(),
                            BasicPublishOptions::default(),
                            body.as_bytes(),
                            BasicProperties::default()
                                .with_content_type("application/json".into())
                                .with_delivery_mode(2),
                        )
                        .await
                        .expect("publish");
                    confirms.push((*n, confirm));
                }
                let mut again = Vec::new();
                for (n, confirm) in confirms {
                    if !confirm.await.expect("confirm").is_ack() {
                        again.push(n);
                    }
                }
                pending = again;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_component_on_a_three_node_cluster_loses_nothing_when_its_node_stops() {
    support::init_logs();
    let started = Instant::now();
    let mut cluster = tokio::task::spawn_blocking(Cluster::start).await.unwrap();
    println!(
        "cluster: three nodes up and joined in {:?}",
        started.elapsed()
    );

    // The test's client is on node 3, which stays up.
    let client = Client::connect_to(&url(3)).await;
    let durable = QueueDeclareOptions {
        durable: true,
        ..QueueDeclareOptions::default()
    };
    client
        .channel
        .queue_declare(OUTPUT.into(), durable, quorum())
        .await
        .unwrap();
    let echoes = Arc::new(Seen::default());
    let mut outputs = client.consume(OUTPUT).await;
    let sink = echoes.clone();
    tokio::spawn(async move {
        while let Some(echo) = outputs.recv().await {
            sink.record(echo.json()["n"].as_u64().unwrap());
        }
    });

    // The component, with the three nodes in its AMQP_ADDR.
    let addr = (1..=NODES).map(url).collect::<Vec<_>>().join(",");
    let mut config = Config::new(Endpoint::new("unused", 1, "guest", "guest"))
        .with_urls(&addr)
        .unwrap();
    config.queue_type = QueueType::Quorum;
    config.max_retries = 100;
    config.retry_sleep = Duration::from_millis(100);
    config.retry_max_sleep = Duration::from_secs(1);
    config.connect_timeout = Duration::from_secs(5);
    config.heartbeat = 5;
    config.publish_timeout = Duration::from_secs(120);
    config.handle_signals = false;
    let handled = Arc::new(Seen::default());
    let record = handled.clone();
    let component =
        Component::unregistered("cluster_echo").on(INPUT, move |message: Value, ctx: Context| {
            let record = record.clone();
            async move {
                record.record(message["n"].as_u64().unwrap_or(u64::MAX));
                ctx.publisher().publish(OUTPUT, &message).await?;
                Ok(())
            }
        });
    let handle = component.handle();
    let run = support::spawn(component.run(config));
    tokio::time::timeout(
        Duration::from_secs(60),
        handle.wait_for_state(|s| s == State::Running),
    )
    .await
    .expect("the component runs");
    assert_eq!(handle.broker().as_deref(), Some("127.0.0.1:5701"));

    let publisher = tokio::spawn(async move {
        publish_all(&client.channel).await;
        client
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    while echoes.distinct() < STOP_AFTER {
        assert!(Instant::now() < deadline, "no progress before the stop");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    // Stop the component's node, and watch the component meanwhile.
    let echoed_before = echoes.distinct();
    let stopped_at = Instant::now();
    let stopping = tokio::task::spawn_blocking(move || {
        cluster.stop_node(1);
        cluster
    });
    let mut lost_at = None;
    let deadline = Instant::now() + Duration::from_secs(60);
    let ready_at = loop {
        if lost_at.is_none() && !handle.connected() {
            lost_at = Some(stopped_at.elapsed());
        }
        let moved = handle.broker().is_some_and(|b| b != "127.0.0.1:5701");
        if lost_at.is_some() && moved && handle.readiness().is_ok() {
            break stopped_at.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "not reconnected to another node: {:?}, {:?}",
            handle.broker(),
            handle.readiness()
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    };
    let lost_at = lost_at.unwrap();
    let mark = echoes.distinct();
    let deadline = Instant::now() + Duration::from_secs(60);
    while echoes.distinct() == mark && echoes.distinct() < TOTAL {
        assert!(Instant::now() < deadline, "no echo after the reconnection");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let first_echo_after = stopped_at.elapsed();
    let cluster = stopping.await.unwrap();
    let stop_took = stopped_at.elapsed();

    // Everything arrives.
    let client = tokio::time::timeout(Duration::from_secs(120), publisher)
        .await
        .expect("every message published")
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(180);
    while echoes.distinct() < TOTAL {
        assert!(
            Instant::now() < deadline,
            "lost: {} of {TOTAL} echoed, missing {:?}",
            echoes.distinct(),
            (0..TOTAL)
                .filter(|n| !echoes.counts.lock().unwrap().contains_key(n))
                .take(20)
                .collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(handled.distinct(), TOTAL);
    let now_on = handle.broker().unwrap();
    assert!(
        now_on == "127.0.0.1:5702" || now_on == "127.0.0.1:5703",
        "{now_on}"
    );
    // The broker agrees: the component's connection is on the node it says.
    let connections = {
        let cluster = &cluster;
        tokio::task::block_in_place(|| {
            cluster.ctl(2, &["list_connections", "port", "client_properties"])
        })
    };
    let ours = connections
        .lines()
        .find(|l| l.contains("valawai:cluster_echo"))
        .unwrap_or_else(|| panic!("no connection of the component in:\n{connections}"));
    assert!(ours.starts_with(&now_on[10..]), "{ours} is not on {now_on}");
    let c = handle.counters();
    assert!(c.reconnects >= 1, "{c:?}");
    assert_eq!(client.ready(INPUT).await, 0, "input left in the queue");
    println!(
        "cluster: {TOTAL} messages, {echoed_before} echoed before node 1 was stopped \
         (`rabbitmqctl stop` returned after {stop_took:?}); the component lost its connection \
         {lost_at:?} after the stop began and was ready again on {now_on} {:?} later; first new \
         echo {first_echo_after:?} after the stop began; 0 lost, {} duplicate echoes, {} \
         messages handled twice, {} reconnection(s)",
        ready_at - lost_at,
        echoes.duplicates(),
        handled.duplicates(),
        c.reconnects
    );
    support::stop(&handle, run).await;
    tokio::task::block_in_place(|| drop(cluster));
}

//! A topology for integration tests on a real broker: a virtual host of its own, the
//! development MOV and several components, all in this process.
//!
//! [`Topology::start`] creates the virtual host (with `rabbitmqctl`, or the command in
//! `RABBITMQCTL`, such as `docker exec rabbitmq rabbitmqctl`) and runs the development MOV in
//! it; [`Topology::add`] runs a component in it and waits until the MOV registered it;
//! [`Topology::enabled_connections`] waits until the MOV's auto-connection has enabled the
//! connections expected; [`Topology::publish`] and [`Topology::subscribe`] send and receive
//! typed messages on any channel; [`Topology::mov_logs`] has every log the MOV received.
//! [`Topology::stop`] stops the components and the MOV and deletes the virtual host, with
//! everything in it (dropping the topology deletes it too).
//!
//! ```no_run
//! # async fn f(component: valawai::Component) -> Result<(), valawai_devmov::TopologyError> {
//! use std::time::Duration;
//! use valawai_devmov::Topology;
//!
//! let mut topology = Topology::start("amqp://guest:guest@127.0.0.1:5672/%2f", "my_test").await?;
//! topology.add(component).await?;
//! topology.enabled_connections(1, Duration::from_secs(20)).await?;
//! topology
//!     .publish("valawai/c0/source/data/out", &serde_json::json!({"content": "hi"}))
//!     .await?;
//! // ... wait for what the components do ...
//! for log in topology.mov_logs() {
//!     println!("{} {}", log.level, log.message);
//! }
//! topology.stop().await?;
//! # Ok(()) }
//! ```

use std::time::Duration;

use lapin::options::{BasicConsumeOptions, BasicPublishOptions};
use lapin::types::FieldTable;
use lapin::{Channel, Connection, ConnectionProperties};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use valawai::conventions;
use valawai::{Component, ComponentHandle, Config, Endpoint, RunError};

use crate::{ConnectionRecord, DevMov, DevMovHandle, Event, LogRecord};

/// Why a topology could not be set up or used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TopologyError {
    /// The broker URL is not valid.
    #[error("the broker URL is not valid: {0}")]
    Url(#[source] valawai::UrlError),
    /// `rabbitmqctl` failed (creating the virtual host or its permissions).
    #[error("`{command}` failed: {message}")]
    Rabbitmqctl {
        /// The command.
        command: String,
        /// Its error output, or why it did not run.
        message: String,
    },
    /// The AMQP client of the topology failed.
    #[error("the topology's AMQP client: {0}")]
    Amqp(#[from] lapin::Error),
    /// A component (or the MOV) stopped with an error.
    #[error("`{name}` stopped: {source}")]
    Run {
        /// The component's name.
        name: String,
        /// Why.
        source: RunError,
    },
    /// What was awaited did not happen in time.
    #[error("timed out after {timeout:?} waiting for {what}")]
    Timeout {
        /// What.
        what: String,
        /// The limit.
        timeout: Duration,
    },
    /// A payload could not be serialised or a message decoded.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A virtual host deleted when dropped.
struct VirtualHost {
    name: String,
}

fn rabbitmqctl(args: &[&str]) -> Result<(), TopologyError> {
    let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
    let mut parts = command.split_whitespace();
    let program = parts.next().unwrap_or("rabbitmqctl");
    let failed = |message: String| TopologyError::Rabbitmqctl {
        command: format!("{command} {}", args.join(" ")),
        message,
    };
    let output = std::process::Command::new(program)
        .args(parts)
        .args(args)
        .output()
        .map_err(|e| failed(format!("{e} (set RABBITMQCTL to the command to run)")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ))
    }
}

impl Drop for VirtualHost {
    fn drop(&mut self) {
        if let Err(e) = rabbitmqctl(&["delete_vhost", &self.name]) {
            tracing::warn!("cannot delete the test virtual host: {e}");
        }
    }
}

struct Running {
    name: String,
    handle: ComponentHandle,
    task: JoinHandle<Result<(), RunError>>,
}

/// The development MOV and components in a virtual host of their own (module documentation).
pub struct Topology {
    config: Config,
    mov: DevMovHandle,
    mov_task: Option<JoinHandle<Result<(), RunError>>>,
    components: Vec<Running>,
    connection: Connection,
    channel: Channel,
    // Last: deleted after everything in it stopped.
    vhost: Option<VirtualHost>,
}

impl std::fmt::Debug for Topology {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Topology")
            .field("vhost", &self.vhost.as_ref().map(|v| &v.name))
            .field(
                "components",
                &self.components.iter().map(|c| &c.name).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl Topology {
    /// Creates a virtual host named `<prefix>_<pid>_<nanoseconds>` on the broker at `url`
    /// (`amqp://user:password@host:port/...`; the user gets every permission on it), and runs
    /// the development MOV in it.
    pub async fn start(url: &str, prefix: &str) -> Result<Self, TopologyError> {
        let mut endpoint = Endpoint::parse_url(url).map_err(TopologyError::Url)?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let name = format!("{prefix}_{}_{nanos}", std::process::id());
        let user = endpoint.username.clone();
        let vhost = {
            let name = name.clone();
            tokio::task::spawn_blocking(move || {
                rabbitmqctl(&["add_vhost", &name])?;
                let vhost = VirtualHost { name };
                rabbitmqctl(&[
                    "set_permissions",
                    "-p",
                    &vhost.name,
                    &user,
                    ".*",
                    ".*",
                    ".*",
                ])?;
                Ok::<_, TopologyError>(vhost)
            })
            .await
            .expect("rabbitmqctl does not panic")?
        };
        endpoint.vhost = name;
        let mut config = Config::new(endpoint.clone());
        config.handle_signals = false;
        config.max_retries = 5;
        config.retry_sleep = Duration::from_millis(100);
        config.retry_max_sleep = Duration::from_millis(500);
        config.shutdown_deadline = Duration::from_secs(5);
        config.registration_timeout = Duration::from_secs(20);
        config.log_dir = std::env::temp_dir().join(format!("valawai-topology-{}", vhost.name));
        let connection = Connection::connect(
            endpoint.url_with_password().expose(),
            ConnectionProperties::default(),
        )
        .await?;
        let channel = connection.create_channel().await?;
        let dev_mov = DevMov::new(config.clone());
        let mov = dev_mov.handle();
        let mov_task = tokio::spawn(dev_mov.run());
        let mut topology = Self {
            config,
            mov,
            mov_task: Some(mov_task),
            components: Vec::new(),
            connection,
            channel,
            vhost: Some(vhost),
        };
        let ready = topology.mov.ready();
        if tokio::time::timeout(Duration::from_secs(20), ready)
            .await
            .is_err()
        {
            let error = topology.mov_failure("the development MOV to start").await;
            let _ = topology.stop_all().await;
            return Err(error);
        }
        Ok(topology)
    }

    /// The configuration components of the topology run with: the virtual host, no signal
    /// handling, short retries, the id file in a folder of the topology's own.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The name of the virtual host.
    pub fn vhost(&self) -> &str {
        self.vhost.as_ref().map_or("", |v| &v.name)
    }

    /// The development MOV.
    pub fn mov(&self) -> &DevMovHandle {
        &self.mov
    }

    /// Runs `component` in the topology (with [`Topology::config`], in a folder of its own for
    /// the id file) and waits until the MOV's registered notification reached it (20 s at
    /// most).
    pub async fn add(&mut self, component: Component) -> Result<ComponentHandle, TopologyError> {
        self.add_with(component, self.config.clone()).await
    }

    /// [`Topology::add`] with a configuration of the caller's (start from
    /// [`Topology::config`]).
    pub async fn add_with(
        &mut self,
        component: Component,
        mut config: Config,
    ) -> Result<ComponentHandle, TopologyError> {
        let name = component.name().to_owned();
        config.log_dir = config.log_dir.join(&name);
        let handle = component.handle();
        let task = tokio::spawn(component.run(config));
        self.components.push(Running {
            name: name.clone(),
            handle: handle.clone(),
            task,
        });
        let registered = handle.registered();
        if tokio::time::timeout(Duration::from_secs(20), registered)
            .await
            .is_err()
        {
            let running = self.components.last_mut().expect("just pushed");
            if running.task.is_finished() {
                let result = (&mut running.task).await;
                if let Ok(Err(source)) = result {
                    return Err(TopologyError::Run { name, source });
                }
            }
            return Err(TopologyError::Timeout {
                what: format!("the registration of `{name}`"),
                timeout: Duration::from_secs(20),
            });
        }
        Ok(handle)
    }

    /// Waits until the MOV has at least `count` enabled connections, and returns them all.
    pub async fn enabled_connections(
        &self,
        count: usize,
        timeout: Duration,
    ) -> Result<Vec<ConnectionRecord>, TopologyError> {
        let mut events = self.mov.subscribe();
        let enabled = || -> Vec<ConnectionRecord> {
            self.mov
                .connections()
                .into_iter()
                .filter(|c| c.enabled)
                .collect()
        };
        let waited = tokio::time::timeout(timeout, async {
            loop {
                let now = enabled();
                if now.len() >= count {
                    return now;
                }
                // Any event may be the one: look again after each (or after a lag).
                let _ = events.recv().await;
            }
        })
        .await;
        waited.map_err(|_| TopologyError::Timeout {
            what: format!(
                "{count} enabled connection(s) (the MOV has {}: {:?})",
                enabled().len(),
                self.mov
                    .connections()
                    .iter()
                    .map(|c| format!(
                        "{} -> {} ({})",
                        c.source.channel_name,
                        c.target.channel_name,
                        if c.enabled { "enabled" } else { "disabled" }
                    ))
                    .collect::<Vec<_>>()
            ),
            timeout,
        })
    }

    /// Publishes `payload` as JSON on `channel` (the default exchange, persistent, as
    /// components do), on a channel without confirms: it returns once lapin wrote the message.
    /// A message to a queue nobody declared is dropped, as in VALAWAI.
    pub async fn publish<T: Serialize + ?Sized>(
        &self,
        channel: &str,
        payload: &T,
    ) -> Result<(), TopologyError> {
        let body = serde_json::to_vec(payload)?;
        self.channel
            .basic_publish(
                "".into(),
                channel.into(),
                BasicPublishOptions::default(),
                &body,
                conventions::publish_properties(true),
            )
            .await?
            .await?;
        Ok(())
    }

    /// Declares `channel`'s queue (durable, as the MOV does) and consumes it: the messages
    /// decoded into `T`. A channel the MOV routes from, or a component receives on, already has
    /// a consumer, which then shares the messages with this one (round robin): subscribe to
    /// channels nobody else consumes.
    pub async fn subscribe<T: DeserializeOwned + Send + 'static>(
        &self,
        channel: &str,
    ) -> Result<Subscription<T>, TopologyError> {
        let amqp = self.connection.create_channel().await?;
        amqp.queue_declare(
            channel.into(),
            conventions::queue_declare_options(),
            conventions::queue_arguments(),
        )
        .await?;
        let mut consumer = amqp
            .basic_consume(
                channel.into(),
                "valawai-topology".into(),
                BasicConsumeOptions {
                    no_ack: true,
                    ..BasicConsumeOptions::default()
                },
                FieldTable::default(),
            )
            .await?;
        let (tx, rx) = mpsc::unbounded_channel();
        let task = tokio::spawn(async move {
            let _amqp = amqp;
            while let Some(Ok(delivery)) = std::future::poll_fn(|cx| {
                futures_core::Stream::poll_next(std::pin::Pin::new(&mut consumer), cx)
            })
            .await
            {
                if tx
                    .send(serde_json::from_slice::<T>(&delivery.data))
                    .is_err()
                {
                    break;
                }
            }
        });
        Ok(Subscription {
            channel: channel.to_owned(),
            rx,
            task,
        })
    }

    /// Every log the MOV received so far (from every component, and its own).
    pub fn mov_logs(&self) -> Vec<LogRecord> {
        self.mov.logs()
    }

    /// Waits for a log the MOV received (earlier or from now on) that `accept` accepts. A log
    /// to the MOV is not confirmed before the handler goes on, so it may arrive after what the
    /// handler published next.
    pub async fn wait_for_log(
        &self,
        what: &str,
        timeout: Duration,
        mut accept: impl FnMut(&LogRecord) -> bool,
    ) -> Result<LogRecord, TopologyError> {
        // Subscribed before looking at what arrived, so that nothing falls between the two.
        let events = self.mov.subscribe();
        if let Some(log) = self.mov.logs().into_iter().find(|l| accept(l)) {
            return Ok(log);
        }
        wait_on(events, what, timeout, |event| match event {
            Event::Log(log) if accept(&log) => Some(log),
            _ => None,
        })
        .await
    }

    /// Waits for the MOV event `accept` accepts (events from now on).
    pub async fn wait_for_event(
        &self,
        what: &str,
        timeout: Duration,
        mut accept: impl FnMut(&Event) -> bool,
    ) -> Result<Event, TopologyError> {
        let events = self.mov.subscribe();
        wait_on(events, what, timeout, |event| {
            accept(&event).then_some(event)
        })
        .await
    }

    /// Stops the components (they unregister), then the MOV, and deletes the virtual host.
    /// The first error of a component or the MOV is returned, after everything was stopped.
    pub async fn stop(mut self) -> Result<(), TopologyError> {
        let result = self.stop_all().await;
        let vhost = self.vhost.take();
        let _ = self.connection.close(200, "topology stopped".into()).await;
        if let Some(vhost) = vhost {
            let _ = tokio::task::spawn_blocking(move || drop(vhost)).await;
        }
        result
    }

    async fn stop_all(&mut self) -> Result<(), TopologyError> {
        let mut first = None;
        for running in self.components.drain(..).rev() {
            running.handle.shutdown();
            match tokio::time::timeout(Duration::from_secs(20), running.task).await {
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(source))) => {
                    first.get_or_insert(TopologyError::Run {
                        name: running.name,
                        source,
                    });
                }
                Ok(Err(_)) | Err(_) => {
                    first.get_or_insert(TopologyError::Timeout {
                        what: format!("`{}` to stop", running.name),
                        timeout: Duration::from_secs(20),
                    });
                }
            }
        }
        self.mov.shutdown();
        if let Some(task) = self.mov_task.take()
            && let Ok(Ok(Err(source))) = tokio::time::timeout(Duration::from_secs(20), task).await
        {
            first.get_or_insert(TopologyError::Run {
                name: "the development MOV".into(),
                source,
            });
        }
        first.map_or(Ok(()), Err)
    }

    async fn mov_failure(&mut self, what: &str) -> TopologyError {
        if let Some(task) = self.mov_task.as_mut()
            && task.is_finished()
            && let Ok(Err(source)) = task.await
        {
            self.mov_task = None;
            return TopologyError::Run {
                name: "the development MOV".into(),
                source,
            };
        }
        TopologyError::Timeout {
            what: what.to_owned(),
            timeout: Duration::from_secs(20),
        }
    }
}

impl Drop for Topology {
    fn drop(&mut self) {
        for running in &self.components {
            running.handle.shutdown();
            running.task.abort();
        }
        self.mov.shutdown();
        if let Some(task) = &self.mov_task {
            task.abort();
        }
    }
}

/// The messages of a channel the topology consumes ([`Topology::subscribe`]).
#[derive(Debug)]
pub struct Subscription<T> {
    channel: String,
    rx: mpsc::UnboundedReceiver<Result<T, serde_json::Error>>,
    task: JoinHandle<()>,
}

impl<T> Subscription<T> {
    /// The next message, within `timeout`.
    pub async fn next(&mut self, timeout: Duration) -> Result<T, TopologyError> {
        match tokio::time::timeout(timeout, self.rx.recv()).await {
            Ok(Some(message)) => Ok(message?),
            Ok(None) | Err(_) => Err(TopologyError::Timeout {
                what: format!("a message on `{}`", self.channel),
                timeout,
            }),
        }
    }
}

impl<T> Drop for Subscription<T> {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The first of `events` that `pick` takes, within `timeout`.
async fn wait_on<T>(
    mut events: tokio::sync::broadcast::Receiver<Event>,
    what: &str,
    timeout: Duration,
    mut pick: impl FnMut(Event) -> Option<T>,
) -> Result<T, TopologyError> {
    tokio::time::timeout(timeout, async {
        loop {
            match events.recv().await {
                Ok(event) => {
                    if let Some(found) = pick(event) {
                        return Some(found);
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    })
    .await
    .ok()
    .flatten()
    .ok_or_else(|| TopologyError::Timeout {
        what: what.to_owned(),
        timeout,
    })
}

//! What `Component::run` does: start-up, the supervisor that replaces a lost connection, and
//! the orderly stop. `run` itself is here, so that the component (`component.rs`, what it is
//! made of) does not depend on how it runs.

use std::path::Path;
use std::sync::Arc;

use tokio::sync::watch;
use tokio::time::{Instant, timeout_at};
use tracing::Instrument;

use crate::component::{Component, RunError};
use crate::config::Config;
use crate::connection::{self, Connected};
use crate::consumer::{ChannelRuntime, ChannelSettings, ChannelStart};
use crate::handle::HandleInner;
use crate::info::ComponentInfo;
use crate::lifecycle::Event;
use crate::mov::restart::Watch;
use crate::mov::{Mov, id_file};
use crate::poller::Poller;
use crate::protocol::{
    RegisterComponentPayload, RegisterComponentPayloadVersion, UnregisterComponentPayload,
    UnregisterComponentPayloadComponentId,
};
use crate::publisher::Publisher;
use crate::registered::RegisteredDispatcher;
use crate::session::{Session, SessionSetup};
use crate::shutdown::{self, Urgency};

/// A task that is aborted when this is dropped.
struct AbortOnDrop<T = ()>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl Component {
    /// Runs the component until it is asked to stop.
    ///
    /// Connects (with the configured retries), declares and consumes every receive channel
    /// (the registered one first), publishes the register message, and serves. An
    /// [unregistered](Component::unregistered) service skips everything that concerns the MOV. A connection
    /// lost beyond lapin's recovery is opened again. On SIGINT, SIGTERM or
    /// [`ComponentHandle::shutdown`](crate::ComponentHandle::shutdown): unregisters (confirmed), deletes the id file, stops
    /// consuming, lets handlers finish until [`Config::shutdown_deadline`], flushes acks and
    /// confirms, closes the connection and returns `Ok(())`.
    ///
    /// When the component handles signals ([`Config::handle_signals`], the default) and no
    /// `tracing` subscriber is installed, `run` first calls [`crate::init_logging`], so that a
    /// component with no logging set up still says what it does.
    pub async fn run(self, config: Config) -> Result<(), RunError> {
        if config.handle_signals && !tracing::dispatcher::has_been_set() {
            crate::init_logging();
        }
        let inner = self.handle.inner.clone();
        let result = match self.check().and_then(|()| Ok(config.check()?)) {
            Ok(()) => {
                let signals = config.handle_signals.then(|| {
                    shutdown::listen_for_signals(
                        inner.urgency.clone(),
                        config.exit_on_second_signal,
                        self.info.is_some().then(|| config.id_file_path()),
                    )
                });
                // The receive channels' tasks are polled beside the supervisor, by one future.
                let serve = async move {
                    let poller = Poller::default();
                    poller.run(drive(self, &config, &poller)).await
                };
                let result = if serve_on_the_worker() {
                    let task = AbortOnDrop(tokio::spawn(serve.in_current_span()));
                    joined(task).await
                } else {
                    serve.await
                };
                if let Some(task) = signals {
                    task.abort();
                }
                result
            }
            Err(e) => Err(e),
        };
        if result.is_err() {
            inner.transition(Event::Fatal);
        }
        result
    }
}

/// Whether [`Component::run`] hands its future to the runtime's worker instead of polling it
/// where it is awaited: on a multi-threaded runtime with one worker.
///
/// lapin's socket is watched by tokio's reactor, and on a multi-threaded runtime the reactor
/// runs on a worker thread, never on the thread of `block_on` (where `#[tokio::main]` awaits
/// `run`). With one worker, that worker would do nothing but wait on the socket and wake
/// lapin's I/O thread, while the handlers ran on a third thread: two threads to wake where a
/// current-thread runtime, or the task on the worker, needs one (`docs/benchmarks.md`, round
/// five: that worker took 13 % of the echo's CPU samples). With two workers or more, the
/// reactor is on a worker either way, and a task woken from lapin's thread would make the
/// worker that takes it wake another to keep searching; polled by `block_on`, the handlers are
/// woken directly. On a current-thread runtime both are the same thread.
fn serve_on_the_worker() -> bool {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return false;
    };
    runtime.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread
        && runtime.metrics().num_workers() == 1
}

/// The result of the component's future spawned by [`Component::run`]: a panic goes on to the
/// caller of `run`, as it would from the future itself.
async fn joined(mut task: AbortOnDrop<Result<(), RunError>>) -> Result<(), RunError> {
    match (&mut task.0).await {
        Ok(result) => result,
        Err(error) => match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            // Only a runtime shutting down cancels it (dropping `run` drops `task` first).
            Err(_) => Err(RunError::RuntimeShutDown),
        },
    }
}

async fn drive(component: Component, config: &Config, poller: &Poller) -> Result<(), RunError> {
    let Component {
        name,
        info,
        receivers,
        registered_settings,
        mut publish_default,
        publish_default_explicit,
        publish_channels,
        handle,
    } = component;
    let inner = handle.inner.clone();
    if let (false, Some(mode)) = (publish_default_explicit, config.delivery_mode) {
        publish_default = publish_default.delivery_mode(mode);
    }
    inner
        .publisher
        .configure(publish_default, publish_channels, config.publish_timeout);
    inner
        .mov
        .configure(config.mov_channels.clone(), config.mov_log_level);
    // Only a registering component owns an id file.
    let id_path = info.as_ref().map(|_| config.id_file_path());
    let raw = Publisher::new(inner.publisher.clone());
    let mov = Mov::new(raw.clone(), inner.mov.clone());
    let graceful = || shutdown::reached(inner.urgency.subscribe(), Urgency::Graceful);

    // Served from the start, so that probes see the component connecting.
    #[cfg(feature = "http")]
    let _http = match config.http_addr {
        Some(addr) => Some(AbortOnDrop(crate::http::serve(addr, handle.clone()).await?)),
        None => None,
    };
    #[cfg(not(feature = "http"))]
    let _ = &handle;

    let runtime = |address: &str, settings: ChannelSettings, start: ChannelStart| {
        let counters = inner.counters.channel(address);
        Arc::new(ChannelRuntime {
            address: address.into(),
            settings,
            start,
            publisher: raw.clone(),
            mov: mov.clone(),
            counters,
        })
    };
    let mut channels = Vec::new();
    if let (Some(info), Some(id_file)) = (&info, &id_path) {
        channels.push(runtime(
            &info.registered_channel,
            registered_settings,
            ChannelStart::of(Arc::new(RegisteredDispatcher {
                mov: inner.mov.clone(),
                id_file: id_file.clone(),
                counters: inner.counters.clone(),
            })),
        ));
    }
    channels.extend(receivers.into_iter().map(|r| {
        let settings = if r.explicit {
            r.settings
        } else {
            config.tune_channel(r.settings)
        };
        runtime(&r.address, settings, r.start)
    }));
    let mov_queues = if config.declare_mov_queues && info.is_some() {
        let c = &config.mov_channels;
        vec![c.register.clone(), c.unregister.clone(), c.log.clone()]
    } else {
        Vec::new()
    };
    let open = |link| {
        Session::open(
            link,
            SessionSetup {
                receivers: &channels,
                mov_queues: &mov_queues,
                component: &name,
                limit: config.connect_timeout,
                publisher: &inner.publisher,
                queue_type: config.queue_type,
                counters: &inner.counters,
                peer: &inner.peer,
                poller,
            },
        )
    };

    inner.transition(Event::Start);
    let link = match connection::connect(config, &name, graceful(), &inner.peer).await? {
        Connected::Yes(link) => *link,
        Connected::Cancelled => return stop(&inner, None, config, id_path.as_deref()).await,
    };
    inner.transition(Event::Connected);
    let mut session = open(link).await.map_err(|e| RunError::Setup(Box::new(e)))?;
    inner.set_connection(Some(session.connection()));
    inner.transition(Event::Declared);

    let registration = match &info {
        Some(info) => Some(register(info, &raw, config, &inner).await),
        None => None,
    };
    inner.transition(Event::RegisterSent);
    // The MOV watch takes the registration watchdog over: it starts a new one when it registers
    // again.
    let (watch_task, registration) = match (&info, config.mov_watch) {
        (Some(info), Some(interval)) => {
            let watch = tokio::spawn(watch_mov(
                info.clone(),
                raw.clone(),
                config.clone(),
                inner.clone(),
                interval,
                registration,
            ));
            (Some(AbortOnDrop(watch)), None)
        }
        _ => (None, registration),
    };

    let session = loop {
        let reason = tokio::select! {
            biased;
            () = graceful() => break Some(session),
            reason = session.failed() => reason,
            () = inner.publisher.dead() => "the publishing channel is closed".to_string(),
        };
        tracing::warn!("connection lost beyond recovery ({reason}); connecting again");
        inner.transition(Event::SessionLost);
        inner.publisher.install(None);
        inner.set_connection(None);
        session.abort().await;
        let reopened = loop {
            let link = match connection::connect(config, &name, graceful(), &inner.peer).await {
                Ok(Connected::Yes(link)) => *link,
                Ok(Connected::Cancelled) => break None,
                Err(e) => {
                    tracing::error!("{e}; trying again in {:?}", config.retry_max_sleep);
                    tokio::select! {
                        () = graceful() => break None,
                        () = tokio::time::sleep(config.retry_max_sleep) => continue,
                    }
                }
            };
            match open(link).await {
                Ok(s) => break Some(s),
                Err(e) => {
                    tracing::error!("cannot set up the channels again: {e}");
                    tokio::select! {
                        () = graceful() => break None,
                        () = tokio::time::sleep(config.retry_sleep) => {}
                    }
                }
            }
        };
        match reopened {
            Some(s) => {
                session = s;
                inner.set_connection(Some(session.connection()));
                inner.counters.reconnected();
                inner.transition(Event::Recovered);
                tracing::info!(
                    broker = inner.peer.get().as_deref().unwrap_or("?"),
                    "connection and channels set up again"
                );
            }
            None => break None,
        }
    };
    // No more registering once the component stops.
    drop((watch_task, registration));
    stop(&inner, session, config, id_path.as_deref()).await
}

/// Watches for MOV restarts and registers again after one (see [`crate::mov::restart`]).
async fn watch_mov(
    info: ComponentInfo,
    raw: Publisher,
    config: Config,
    inner: Arc<HandleInner>,
    interval: std::time::Duration,
    mut registration: Option<Registration>,
) {
    let connection = {
        let inner = inner.clone();
        move || inner.current_connection()
    };
    let queue = config.mov_channels.register.clone();
    let mut watch = Watch::new(inner.mov.clone(), queue.clone(), interval, connection);
    loop {
        watch.reregister_needed().await;
        let old = inner.mov.component_id();
        tracing::info!(
            old_component_id = old.as_deref().unwrap_or(""),
            "the MOV consumes `{queue}` again after it stopped: a MOV restart forgets every \
             component, so this one registers again"
        );
        if let Some(old) = old {
            // A MOV that only lost its connection still knows the old registration: without
            // this, it would route every message twice, once per registration.
            match raw
                .publish(&config.mov_channels.unregister, &unregister_payload(&old))
                .await
            {
                Ok(()) => tracing::info!(component_id = %old, "unregistered the old registration"),
                Err(e) => tracing::warn!("cannot unregister the old registration {old}: {e}"),
            }
        }
        inner.mov.set_component_id(None);
        inner.counters.reregistered();
        drop(registration.take());
        let sent = register(&info, &raw, &config, &inner).await;
        if sent.sent {
            inner.mov.set_stale(false);
        } else {
            // Not even queued: try again at the next look that finds the MOV there.
            watch.try_again();
        }
        registration = Some(sent);
    }
}

/// The unregister message for `id` (an id of 24 hexadecimal digits, as the registered
/// dispatcher keeps).
fn unregister_payload(id: &str) -> UnregisterComponentPayload {
    UnregisterComponentPayload {
        component_id: UnregisterComponentPayloadComponentId::try_from(id).ok(),
    }
}

/// The register message of `info`.
pub(crate) fn register_payload(info: &ComponentInfo) -> RegisterComponentPayload {
    RegisterComponentPayload {
        type_: Some(info.component_type),
        name: Some(info.name.to_string()),
        // `check` accepted the version, so the spec's (looser) pattern does too.
        version: RegisterComponentPayloadVersion::try_from(info.version.as_ref()).ok(),
        asyncapi_yaml: Some(info.asyncapi_yaml.to_string()),
    }
}

/// Publishes the register message and starts the watchdog that warns when no registered
/// notification comes.
async fn register(
    info: &ComponentInfo,
    raw: &Publisher,
    config: &Config,
    inner: &HandleInner,
) -> Registration {
    let register = register_payload(info);
    let sent = match raw.publish(&config.mov_channels.register, &register).await {
        Ok(()) => {
            tracing::info!(
                "register message sent to the MOV: {} {} ({})",
                info.name,
                info.version,
                info.component_type
            );
            true
        }
        Err(e) => {
            tracing::error!("cannot send the register message to the MOV: {e}");
            false
        }
    };
    Registration {
        sent,
        _watchdog: AbortOnDrop(tokio::spawn(registration_watchdog(
            inner.mov.watch_component_id(),
            config.registration_timeout,
            info.registered_channel.to_string(),
        ))),
    }
}

/// A register message, and the watchdog that warns when no registered notification comes.
struct Registration {
    /// Whether the broker confirmed the register message.
    sent: bool,
    _watchdog: AbortOnDrop,
}

async fn registration_watchdog(
    mut id: watch::Receiver<Option<Arc<str>>>,
    limit: std::time::Duration,
    channel: String,
) {
    if tokio::time::timeout(limit, id.wait_for(Option::is_some))
        .await
        .is_err()
    {
        tracing::warn!(
            "no registered notification from the MOV on `{channel}` after {limit:?}. The MOV \
             drops a registration silently: check its log (UI, or GET /v1/logs?level=ERROR) for \
             \"Received invalid register component payload\". Likely causes: a version with a \
             suffix, a name that is not c[0|1|2]_\\w+, an AsyncAPI document the MOV cannot \
             translate, or no MOV running on this broker."
        );
    }
}

async fn stop(
    inner: &HandleInner,
    session: Option<Session>,
    config: &Config,
    id_path: Option<&Path>,
) -> Result<(), RunError> {
    inner.transition(Event::Stop);
    let deadline = Instant::now() + config.shutdown_deadline;
    let forced = shutdown::reached(inner.urgency.subscribe(), Urgency::Forced);
    let orderly = async {
        if let Some(id) = inner.mov.component_id() {
            if session.is_some() {
                let unregister = unregister_payload(&id);
                let publisher = Publisher::new(inner.publisher.clone());
                match timeout_at(
                    deadline,
                    publisher.publish(&config.mov_channels.unregister, &unregister),
                )
                .await
                {
                    Ok(Ok(())) => tracing::info!(component_id = %id, "unregistered from the MOV"),
                    // Expected when the broker is down at the stop: a warning, not an error.
                    Ok(Err(e)) => tracing::warn!("cannot unregister from the MOV: {e}"),
                    Err(_) => tracing::warn!(
                        "cannot unregister from the MOV: no confirm before the deadline"
                    ),
                }
            } else {
                tracing::warn!("no connection: cannot unregister from the MOV");
            }
        }
        inner.mov.set_component_id(None);
        if let Some(path) = id_path {
            remove_id_file(path);
        }
        if let Some(session) = session {
            session.stop(deadline, &inner.publisher).await;
        }
        inner.set_connection(None);
    };
    let result = tokio::select! {
        () = orderly => Ok(()),
        () = forced => {
            if let Some(path) = id_path {
                remove_id_file(path);
            }
            Err(RunError::Forced)
        }
    };
    inner.publisher.close();
    if result.is_ok() {
        inner.transition(Event::Closed);
        tracing::info!("stopped");
    }
    result
}

fn remove_id_file(path: &Path) {
    if let Err(e) = id_file::remove(path) {
        tracing::warn!(
            "cannot remove the component-id file {}: {e}",
            path.display()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_on_the_worker_only_with_a_single_worker() {
        assert!(!serve_on_the_worker(), "outside a runtime");
        let runtime = |workers: Option<usize>| {
            let mut builder = match workers {
                None => tokio::runtime::Builder::new_current_thread(),
                Some(n) => {
                    let mut b = tokio::runtime::Builder::new_multi_thread();
                    b.worker_threads(n);
                    b
                }
            };
            builder.build().unwrap()
        };
        assert!(!runtime(None).block_on(async { serve_on_the_worker() }));
        assert!(runtime(Some(1)).block_on(async { serve_on_the_worker() }));
        assert!(!runtime(Some(2)).block_on(async { serve_on_the_worker() }));
    }

    #[tokio::test]
    async fn a_panic_of_the_spawned_component_reaches_the_caller_of_run() {
        let outer = tokio::spawn(joined(AbortOnDrop(tokio::spawn(async {
            panic!("the supervisor broke")
        }))));
        let panic = outer.await.unwrap_err().into_panic();
        assert_eq!(panic.downcast_ref::<&str>(), Some(&"the supervisor broke"));
    }

    #[tokio::test]
    async fn a_result_of_the_spawned_component_is_returned() {
        let ok = joined(AbortOnDrop(tokio::spawn(async { Ok(()) }))).await;
        assert!(ok.is_ok());
        let forced = joined(AbortOnDrop(tokio::spawn(async { Err(RunError::Forced) }))).await;
        assert!(matches!(forced, Err(RunError::Forced)));
    }
}

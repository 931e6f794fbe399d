//! A component: its identity, its receive channels, and the `run` that drives its lifecycle.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use tokio::sync::watch;
use tokio::time::{Instant, timeout_at};

use crate::config::{Config, ConfigError};
use crate::connection::{self, ConnectError, Connected};
use crate::consumer::{ChannelRuntime, ChannelSettings};
use crate::context::Context;
use crate::counters::{Counters, CountersSnapshot};
use crate::handler::{Dispatch, FnDispatcher, HandlerResult};
use crate::lifecycle::{self, Event, State};
use crate::mov::protocol::{
    ComponentType, RegisterComponentPayload, RegisterComponentPayloadVersion,
    UnregisterComponentPayload, UnregisterComponentPayloadComponentId,
};
use crate::mov::{Mov, MovShared, RegisteredDispatcher, id_file};
use crate::publisher::{PublishSettings, Publisher, PublisherShared};
use crate::session::Session;
use crate::shutdown::{self, Urgency};

/// Who the component is, as the MOV sees it.
///
/// Generated code defines it as a constant with [`ComponentInfo::new`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComponentInfo {
    /// The registered name, `c[0|1|2]_\w+` (for example `c1_echo_example`).
    pub name: Cow<'static, str>,
    /// C0, C1 or C2.
    pub component_type: ComponentType,
    /// `major.minor.patch`, without suffix (the MOV rejects suffixes).
    pub version: Cow<'static, str>,
    /// The component's AsyncAPI document, sent as is with the register message.
    pub asyncapi_yaml: Cow<'static, str>,
    /// The `valawai/cN/<name>/control/registered` channel, consumed by the runtime.
    pub registered_channel: Cow<'static, str>,
}

impl ComponentInfo {
    /// The identity from static strings (usable in a `const`).
    pub const fn new(
        name: &'static str,
        component_type: ComponentType,
        version: &'static str,
        asyncapi_yaml: &'static str,
        registered_channel: &'static str,
    ) -> Self {
        Self {
            name: Cow::Borrowed(name),
            component_type,
            version: Cow::Borrowed(version),
            asyncapi_yaml: Cow::Borrowed(asyncapi_yaml),
            registered_channel: Cow::Borrowed(registered_channel),
        }
    }

    /// Checks what the MOV checks, so a registration it would drop silently fails here, loudly.
    pub fn check(&self) -> Result<(), String> {
        let ty = self.component_type.channel_segment();
        let word =
            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        match self.name.strip_prefix(ty).and_then(|r| r.strip_prefix('_')) {
            Some(rest) if word(rest) => {}
            _ => {
                return Err(format!(
                    "the component name `{}` must be `{ty}_` followed by letters, digits or `_` \
                     (the MOV requires c[0|1|2]_\\w+ matching the component type {})",
                    self.name, self.component_type
                ));
            }
        }
        if !is_mov_version(&self.version) {
            return Err(format!(
                "the version `{}` must be major.minor.patch with digits only; the MOV rejects \
                 anything else, suffixes included",
                self.version
            ));
        }
        let segments: Vec<&str> = self.registered_channel.split('/').collect();
        let ok = matches!(segments.as_slice(),
            ["valawai", t, name, "control", "registered"] if *t == ty && word(name));
        if !ok {
            return Err(format!(
                "the registered channel `{}` must be `valawai/{ty}/<name>/control/registered` \
                 (letters, digits and `_` in <name>)",
                self.registered_channel
            ));
        }
        if self.asyncapi_yaml.trim().is_empty() {
            return Err("the AsyncAPI document is empty".into());
        }
        Ok(())
    }
}

/// Whether `version` is what the MOV accepts: `^\d+\.\d+\.\d+$`. A `const
/// fn`, so generated code checks `CARGO_PKG_VERSION` at build time.
pub const fn is_mov_version(version: &str) -> bool {
    let bytes = version.as_bytes();
    let mut dots = 0;
    let mut digits = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => digits += 1,
            b'.' if digits > 0 && dots < 2 => {
                dots += 1;
                digits = 0;
            }
            _ => return false,
        }
        i += 1;
    }
    dots == 2 && digits > 0
}

/// Fails const evaluation, so the build, with `message` when `version` is not what the MOV
/// accepts. Generated code calls it on `CARGO_PKG_VERSION`.
pub const fn check_version(version: &str, message: &str) {
    if !is_mov_version(version) {
        panic!("{}", message);
    }
}

/// Why [`Component::run`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The component's identity or channels are not acceptable.
    #[error("invalid component: {0}")]
    InvalidComponent(String),
    /// The configuration is not usable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The broker could not be reached at start.
    #[error(transparent)]
    Connect(#[from] ConnectError),
    /// The broker refused a declaration or a consumer at start.
    #[error("cannot set up the channels: {0}")]
    Setup(String),
    /// A second signal interrupted the shutdown.
    #[error("the shutdown was forced by a second signal")]
    Forced,
}

struct ReceiveChannel {
    address: Cow<'static, str>,
    settings: ChannelSettings,
    dispatcher: Arc<dyn Dispatch>,
}

struct HandleInner {
    urgency: watch::Sender<Urgency>,
    state: watch::Sender<State>,
    counters: Arc<Counters>,
    publisher: Arc<PublisherShared>,
    mov: Arc<MovShared>,
}

impl HandleInner {
    fn transition(&self, event: Event) {
        self.state
            .send_if_modified(|state| match lifecycle::next(*state, event) {
                Ok(next) => {
                    let changed = next != *state;
                    if changed {
                        tracing::debug!("lifecycle: {state:?} -> {next:?}");
                    }
                    *state = next;
                    changed
                }
                Err(e) => {
                    tracing::error!("{e}");
                    false
                }
            });
    }
}

/// A handle on a component: shut it down, read its counters, follow its state. Cheap to clone;
/// take it with [`Component::handle`] before calling [`Component::run`].
#[derive(Clone)]
pub struct ComponentHandle {
    inner: Arc<HandleInner>,
}

impl std::fmt::Debug for ComponentHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ComponentHandle")
            .field("state", &self.state())
            .field("component_id", &self.component_id())
            .finish()
    }
}

impl ComponentHandle {
    /// Asks the component to stop, as SIGTERM does.
    pub fn shutdown(&self) {
        shutdown::request(&self.inner.urgency, Urgency::Graceful);
    }

    /// The counters now.
    pub fn counters(&self) -> CountersSnapshot {
        self.inner.counters.snapshot()
    }

    /// The lifecycle state now.
    pub fn state(&self) -> State {
        *self.inner.state.borrow()
    }

    /// Waits until `accept` accepts the state, and returns that state.
    pub async fn wait_for_state(&self, mut accept: impl FnMut(State) -> bool) -> State {
        let mut rx = self.inner.state.subscribe();
        *rx.wait_for(|s| accept(*s) || s.is_final())
            .await
            .expect("the handle keeps the sender alive")
    }

    /// The id the MOV gave the component, once registered.
    pub fn component_id(&self) -> Option<Arc<str>> {
        self.inner.mov.component_id()
    }

    /// Waits for the MOV's registered notification and returns the component id.
    pub async fn registered(&self) -> Arc<str> {
        let mut rx = self.inner.mov.watch_component_id();
        rx.wait_for(Option::is_some)
            .await
            .expect("the component keeps the sender alive")
            .clone()
            .expect("waited for Some")
    }

    /// A publisher usable outside handlers (each publish waits for its confirm).
    pub fn publisher(&self) -> Publisher {
        Publisher::new(self.inner.publisher.clone())
    }

    /// The MOV logger, usable outside handlers.
    pub fn mov(&self) -> Mov {
        Mov::new(self.publisher(), self.inner.mov.clone())
    }
}

/// A component: its identity and one dispatcher per receive channel.
///
/// Generated code builds it (`component(handlers)`); `run` connects, registers with the MOV,
/// serves until SIGINT, SIGTERM or [`ComponentHandle::shutdown`], then unregisters and stops.
///
/// What generated code looks like (see `docs/architecture.md`, "Runtime API for generated
/// code"):
///
/// ```no_run
/// mod echo {
///     #[derive(Debug, serde::Serialize, serde::Deserialize)]
///     pub struct EchoPayload {
///         pub content: String,
///     }
///
///     pub fn decode_echo_payload(body: &[u8]) -> Result<EchoPayload, ::valawai::BoxError> {
///         ::valawai::__private::decode_json_object(body)
///     }
///
///     pub mod channels {
///         pub const REGISTERED: &str = "valawai/c1/echo/control/registered";
///         pub const RECEIVED_MESSAGE: &str = "valawai/c1/echo/data/received_message";
///         pub const PUBLISH_MESSAGE: &str = "valawai/c1/echo/data/publish_message";
///     }
///
///     pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
///         "c1_echo",
///         ::valawai::ComponentType::C1,
///         "1.0.0",
///         "asyncapi: '2.6.0'",
///         channels::REGISTERED,
///     );
///
///     pub type Context = ::valawai::Context<Publisher>;
///
///     pub trait Handlers: Send + Sync + 'static {
///         fn received_message(
///             &self,
///             payload: EchoPayload,
///             ctx: Context,
///         ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;
///     }
///
///     #[derive(Clone, Debug)]
///     pub struct Publisher(::valawai::Publisher);
///
///     impl ::std::convert::From<::valawai::Publisher> for Publisher {
///         fn from(raw: ::valawai::Publisher) -> Self {
///             Self(raw)
///         }
///     }
///
///     impl Publisher {
///         pub async fn publish_message(
///             &self,
///             payload: &EchoPayload,
///         ) -> ::std::result::Result<(), ::valawai::PublishError> {
///             self.0.publish(channels::PUBLISH_MESSAGE, payload).await
///         }
///     }
///
///     pub fn component<H: Handlers>(handlers: H) -> ::valawai::Component {
///         let handlers = ::std::sync::Arc::new(handlers);
///         ::valawai::Component::new(COMPONENT).receive(
///             channels::RECEIVED_MESSAGE,
///             ::valawai::ChannelSettings::default(),
///             ::valawai::__private::dispatcher(decode_echo_payload, {
///                 let handlers = handlers.clone();
///                 move |payload: EchoPayload, ctx: Context| {
///                     let handlers = handlers.clone();
///                     async move { handlers.received_message(payload, ctx).await }
///                 }
///             }),
///         )
///     }
/// }
///
/// struct Echo;
///
/// impl echo::Handlers for Echo {
///     async fn received_message(&self, payload: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
///         ctx.mov().info("Received a message to echo", &payload).await?;
///         ctx.publisher().publish_message(&payload).await?;
///         Ok(())
///     }
/// }
///
/// #[tokio::main]
/// async fn main() -> Result<(), Box<dyn std::error::Error>> {
///     let config = valawai::Config::from_env()?;
///     echo::component(Echo)
///         .channel_settings(echo::channels::RECEIVED_MESSAGE, valawai::ChannelSettings::ordered())
///         .run(config)
///         .await?;
///     Ok(())
/// }
/// ```
pub struct Component {
    info: ComponentInfo,
    receivers: Vec<ReceiveChannel>,
    registered_settings: ChannelSettings,
    publish_default: PublishSettings,
    publish_channels: HashMap<String, PublishSettings>,
    handle: ComponentHandle,
}

impl std::fmt::Debug for Component {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Component")
            .field("info", &self.info.name)
            .field(
                "receive",
                &self
                    .receivers
                    .iter()
                    .map(|r| &*r.address)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Component {
    /// A component with no receive channel yet (the registered channel is always consumed).
    pub fn new(info: ComponentInfo) -> Self {
        let counters = Arc::new(Counters::default());
        let inner = HandleInner {
            urgency: watch::Sender::new(Urgency::None),
            state: watch::Sender::new(State::Created),
            publisher: PublisherShared::new(counters.clone()),
            counters,
            mov: Arc::new(MovShared::default()),
        };
        Self {
            info,
            receivers: Vec::new(),
            registered_settings: ChannelSettings::ordered().prefetch(1),
            publish_default: PublishSettings::default(),
            publish_channels: HashMap::new(),
            handle: ComponentHandle {
                inner: Arc::new(inner),
            },
        }
    }

    /// The component's identity.
    pub fn info(&self) -> &ComponentInfo {
        &self.info
    }

    /// A handle to stop the component and read its state and counters.
    pub fn handle(&self) -> ComponentHandle {
        self.handle.clone()
    }

    /// Adds a receive channel served by `dispatcher`.
    pub fn receive(
        mut self,
        address: impl Into<Cow<'static, str>>,
        settings: ChannelSettings,
        dispatcher: impl Dispatch,
    ) -> Self {
        self.receivers.push(ReceiveChannel {
            address: address.into(),
            settings,
            dispatcher: Arc::new(dispatcher),
        });
        self
    }

    /// Adds a receive channel whose JSON payload is decoded with serde into `T` (which must be
    /// a JSON object) and handled by `handler`. For hand-written components; generated code
    /// uses [`Component::receive`] with its own decoder, which also validates the schema.
    pub fn on<T, P, F, Fut>(self, address: impl Into<Cow<'static, str>>, handler: F) -> Self
    where
        T: DeserializeOwned + Send + 'static,
        P: From<Publisher> + Send + 'static,
        F: Fn(T, Context<P>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = HandlerResult> + Send + 'static,
    {
        let dispatcher = FnDispatcher::new(crate::private::decode_json_object::<T>, handler);
        self.receive(address, ChannelSettings::default(), dispatcher)
    }

    /// Changes the settings of a receive channel added before.
    pub fn channel_settings(mut self, address: &str, settings: ChannelSettings) -> Self {
        match self.receivers.iter_mut().find(|r| r.address == address) {
            Some(r) => r.settings = settings,
            None => tracing::warn!(
                "channel_settings: `{address}` is not a receive channel of this component"
            ),
        }
        self
    }

    /// Sets how messages to `address` are published (persistent, not mandatory by default).
    pub fn publish_settings(
        mut self,
        address: impl Into<String>,
        settings: PublishSettings,
    ) -> Self {
        self.publish_channels.insert(address.into(), settings);
        self
    }

    /// Sets how messages to channels without their own settings are published.
    pub fn default_publish_settings(mut self, settings: PublishSettings) -> Self {
        self.publish_default = settings;
        self
    }

    fn check(&self) -> Result<(), RunError> {
        self.info.check().map_err(RunError::InvalidComponent)?;
        let mut seen = HashSet::new();
        for r in &self.receivers {
            if r.address == self.info.registered_channel {
                return Err(RunError::InvalidComponent(format!(
                    "`{}` is the registered channel: the runtime consumes it, it takes no handler",
                    r.address
                )));
            }
            if r.address.is_empty() || r.address.len() > 255 {
                return Err(RunError::InvalidComponent(format!(
                    "the channel address `{}` must have 1 to 255 bytes (an AMQP queue name)",
                    r.address
                )));
            }
            if !seen.insert(&r.address) {
                return Err(RunError::InvalidComponent(format!(
                    "the channel `{}` has two handlers",
                    r.address
                )));
            }
        }
        Ok(())
    }

    /// Runs the component until it is asked to stop.
    ///
    /// Connects (with the configured retries), declares and consumes every receive channel
    /// (the registered one first), publishes the register message, and serves. A connection
    /// lost beyond lapin's recovery is opened again. On SIGINT, SIGTERM or
    /// [`ComponentHandle::shutdown`]: unregisters (confirmed), deletes the id file, stops
    /// consuming, lets handlers finish until [`Config::shutdown_deadline`], flushes acks and
    /// confirms, closes the connection and returns `Ok(())`.
    pub async fn run(self, config: Config) -> Result<(), RunError> {
        let inner = self.handle.inner.clone();
        let result = match self.check().and_then(|()| Ok(config.check()?)) {
            Ok(()) => {
                let signals = config.handle_signals.then(|| {
                    shutdown::listen_for_signals(
                        inner.urgency.clone(),
                        config.exit_on_second_signal,
                        config.id_file_path(),
                    )
                });
                let result = drive(self, &config).await;
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

async fn drive(component: Component, config: &Config) -> Result<(), RunError> {
    let Component {
        info,
        receivers,
        registered_settings,
        publish_default,
        publish_channels,
        handle,
    } = component;
    let inner = handle.inner.clone();
    inner
        .publisher
        .configure(publish_default, publish_channels, config.publish_timeout);
    inner.mov.configure(config.mov_channels.clone());
    let id_path = config.id_file_path();
    let raw = Publisher::new(inner.publisher.clone());
    let mov = Mov::new(raw.clone(), inner.mov.clone());
    let graceful = || shutdown::reached(inner.urgency.subscribe(), Urgency::Graceful);

    let runtime = |address: &str, settings: ChannelSettings, dispatcher: Arc<dyn Dispatch>| {
        Arc::new(ChannelRuntime {
            address: address.into(),
            settings,
            dispatcher,
            publisher: raw.clone(),
            mov: mov.clone(),
            counters: inner.counters.clone(),
        })
    };
    let mut channels = vec![runtime(
        &info.registered_channel,
        registered_settings,
        Arc::new(RegisteredDispatcher {
            mov: inner.mov.clone(),
            id_file: id_path.clone(),
        }),
    )];
    channels.extend(
        receivers
            .into_iter()
            .map(|r| runtime(&r.address, r.settings, r.dispatcher)),
    );
    let mov_queues = if config.declare_mov_queues {
        let c = &config.mov_channels;
        vec![c.register.clone(), c.unregister.clone(), c.log.clone()]
    } else {
        Vec::new()
    };
    let open = |connection| {
        Session::open(
            connection,
            &channels,
            &mov_queues,
            &info.name,
            config.connect_timeout,
            &inner.publisher,
        )
    };

    inner.transition(Event::Start);
    let connection = match connection::connect(config, &info.name, graceful()).await? {
        Connected::Yes(c) => *c,
        Connected::Cancelled => return stop(&inner, None, config, &id_path).await,
    };
    inner.transition(Event::Connected);
    let mut session = open(connection)
        .await
        .map_err(|e| RunError::Setup(e.to_string()))?;
    inner.transition(Event::Declared);

    let register = RegisterComponentPayload {
        type_: Some(info.component_type),
        name: Some(info.name.to_string()),
        // `check` accepted the version, so the spec's (looser) pattern does too.
        version: RegisterComponentPayloadVersion::try_from(info.version.as_ref()).ok(),
        asyncapi_yaml: Some(info.asyncapi_yaml.to_string()),
    };
    match raw.publish(&config.mov_channels.register, &register).await {
        Ok(()) => tracing::info!(
            "register message sent to the MOV: {} {} ({})",
            info.name,
            info.version,
            info.component_type
        ),
        Err(e) => tracing::error!("cannot send the register message to the MOV: {e}"),
    }
    inner.transition(Event::RegisterSent);
    let watchdog = tokio::spawn(registration_watchdog(
        inner.mov.watch_component_id(),
        config.registration_timeout,
        info.registered_channel.to_string(),
    ));

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
        session.abort().await;
        let reopened = loop {
            let connection = match connection::connect(config, &info.name, graceful()).await {
                Ok(Connected::Yes(c)) => *c,
                Ok(Connected::Cancelled) => break None,
                Err(e) => {
                    tracing::error!("{e}; trying again in {:?}", config.retry_max_sleep);
                    tokio::select! {
                        () = graceful() => break None,
                        () = tokio::time::sleep(config.retry_max_sleep) => continue,
                    }
                }
            };
            match open(connection).await {
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
                inner.transition(Event::Recovered);
                tracing::info!("connection and channels set up again");
            }
            None => break None,
        }
    };
    watchdog.abort();
    stop(&inner, session, config, &id_path).await
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
    id_path: &Path,
) -> Result<(), RunError> {
    inner.transition(Event::Stop);
    let deadline = Instant::now() + config.shutdown_deadline;
    let forced = shutdown::reached(inner.urgency.subscribe(), Urgency::Forced);
    let orderly = async {
        if let Some(id) = inner.mov.component_id() {
            if session.is_some() {
                // The registered dispatcher kept only ids of 24 hexadecimal digits.
                let unregister = UnregisterComponentPayload {
                    component_id: UnregisterComponentPayloadComponentId::try_from(&*id).ok(),
                };
                let publisher = Publisher::new(inner.publisher.clone());
                match timeout_at(
                    deadline,
                    publisher.publish(&config.mov_channels.unregister, &unregister),
                )
                .await
                {
                    Ok(Ok(())) => tracing::info!(component_id = %id, "unregistered from the MOV"),
                    Ok(Err(e)) => tracing::error!("cannot unregister from the MOV: {e}"),
                    Err(_) => tracing::error!(
                        "cannot unregister from the MOV: no confirm before the deadline"
                    ),
                }
            } else {
                tracing::warn!("no connection: cannot unregister from the MOV");
            }
        }
        inner.mov.set_component_id(None);
        remove_id_file(id_path);
        if let Some(session) = session {
            session.stop(deadline, &inner.publisher).await;
        }
    };
    let result = tokio::select! {
        () = orderly => Ok(()),
        () = forced => {
            remove_id_file(id_path);
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

    fn info(name: &'static str, version: &'static str, registered: &'static str) -> ComponentInfo {
        ComponentInfo::new(
            name,
            ComponentType::C1,
            version,
            "asyncapi: 2.6.0",
            registered,
        )
    }

    #[test]
    fn mov_versions() {
        for ok in ["1.0.0", "0.0.0", "10.20.300"] {
            assert!(is_mov_version(ok), "{ok}");
        }
        for bad in [
            "",
            "1",
            "1.0",
            "1.0.0-alpha",
            "1.0.0+b",
            "1..0",
            ".1.0",
            "1.0.",
            "1.0.0.0",
            "v1.0.0",
            " 1.0.0",
            "1.0.٣",
        ] {
            assert!(!is_mov_version(bad), "{bad}");
        }
        const _: () = assert!(is_mov_version("1.2.3"));
    }

    #[test]
    fn identity_checks_match_the_mov() {
        assert!(
            info("c1_echo", "1.0.0", "valawai/c1/echo/control/registered")
                .check()
                .is_ok()
        );
        let e = info(
            "c1_echo",
            "1.0.0-alpha",
            "valawai/c1/echo/control/registered",
        )
        .check()
        .unwrap_err();
        assert!(e.contains("1.0.0-alpha"), "{e}");
        let e = info("c2_echo", "1.0.0", "valawai/c1/echo/control/registered")
            .check()
            .unwrap_err();
        assert!(e.contains("c1_"), "{e}");
        assert!(
            info("c1_", "1.0.0", "valawai/c1/x/control/registered")
                .check()
                .is_err()
        );
        assert!(
            info("c1_a-b", "1.0.0", "valawai/c1/x/control/registered")
                .check()
                .is_err()
        );
        let e = info("c1_echo", "1.0.0", "valawai/c2/echo/control/registered")
            .check()
            .unwrap_err();
        assert!(e.contains("valawai/c1/<name>/control/registered"), "{e}");
        assert!(
            info("c1_echo", "1.0.0", "valawai/c1/echo/control/registered/x")
                .check()
                .is_err()
        );
        assert!(
            info("c1_echo", "1.0", "valawai/c1/echo/control/registered")
                .check()
                .is_err()
        );
    }

    #[test]
    fn the_registered_channel_takes_no_handler_and_channels_are_unique() {
        let reg = "valawai/c1/echo/control/registered";
        let c = Component::new(info("c1_echo", "1.0.0", reg))
            .on(reg, |_: serde_json::Value, _: Context| async { Ok(()) });
        assert!(
            matches!(c.check(), Err(RunError::InvalidComponent(m)) if m.contains("registered channel"))
        );
        let c = Component::new(info("c1_echo", "1.0.0", reg))
            .on("a", |_: serde_json::Value, _: Context| async { Ok(()) })
            .on("a", |_: serde_json::Value, _: Context| async { Ok(()) });
        assert!(
            matches!(c.check(), Err(RunError::InvalidComponent(m)) if m.contains("two handlers"))
        );
    }
}

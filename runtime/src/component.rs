//! A component: its receive channels and settings, and `run`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use tokio::sync::watch;

use crate::config::ConfigError;
use crate::connection::ConnectError;
use crate::consumer::{ChannelSettings, ChannelStart};
use crate::context::Context;
use crate::counters::Counters;
use crate::handle::{ComponentHandle, HandleInner};
use crate::handler::{Dispatch, FnDispatcher, HandlerResult};
use crate::info::{ComponentInfo, InvalidComponent};
use crate::lifecycle::State;
use crate::mov::MovShared;
use crate::publisher::{PublishSettings, Publisher, PublisherShared};
use crate::session::SetupError;
use crate::shutdown::Urgency;

/// Why [`Component::run`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The component's identity or channels are not acceptable.
    #[error("invalid component: {0}")]
    InvalidComponent(#[from] InvalidComponent),
    /// The configuration is not usable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The broker could not be reached at start.
    #[error(transparent)]
    Connect(#[from] ConnectError),
    /// The broker refused a declaration or a consumer at start.
    #[error("cannot set up the channels: {0}")]
    Setup(Box<SetupError>),
    /// The health and metrics endpoints could not be served (`VALAWAI_HTTP_ADDR`).
    #[error("cannot serve /healthz, /readyz and /metrics on {addr}: {source}")]
    Http {
        /// The address asked for.
        addr: std::net::SocketAddr,
        /// Why it could not be bound.
        source: std::io::Error,
    },
    /// A second signal interrupted the shutdown.
    #[error("the shutdown was forced by a second signal")]
    Forced,
    /// The tokio runtime shut down while the component ran on it, before its orderly stop.
    #[error("the tokio runtime shut down while the component was running")]
    RuntimeShutDown,
}

/// A channel a component receives on, as the generated module names it
/// (`echo::receive::RECEIVED_MESSAGE`), for [`Component::settings`]: naming a channel the
/// component does not receive on, or misspelling one, is a compile error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReceiveChannel(&'static str);

impl ReceiveChannel {
    /// The channel's address.
    pub const fn address(self) -> &'static str {
        self.0
    }
}

/// A [`ReceiveChannel`], for generated code (`__private::receive_channel`).
#[doc(hidden)]
pub const fn receive_channel(address: &'static str) -> ReceiveChannel {
    ReceiveChannel(address)
}

pub(crate) struct Receiver {
    pub(crate) address: Cow<'static, str>,
    pub(crate) settings: ChannelSettings,
    /// Whether the code chose the settings; if not, [`Config::tune_channel`](crate::Config::tune_channel) applies.
    pub(crate) explicit: bool,
    /// The dispatcher, for the in-memory harness (which calls it directly).
    #[cfg(feature = "testing")]
    pub(crate) dispatcher: Arc<dyn Dispatch>,
    /// The channel's task, for the type of its dispatcher.
    pub(crate) start: ChannelStart,
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
///         ::valawai::mov::protocol::ComponentType::C1,
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
///         ctx.mov().info("Received a message to echo").payload(&payload).await;
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
    pub(crate) name: Cow<'static, str>,
    pub(crate) info: Option<ComponentInfo>,
    pub(crate) receivers: Vec<Receiver>,
    pub(crate) registered_settings: ChannelSettings,
    pub(crate) publish_default: PublishSettings,
    /// Whether the code set `publish_default`; if not, [`Config::delivery_mode`](crate::Config::delivery_mode) applies.
    pub(crate) publish_default_explicit: bool,
    pub(crate) publish_channels: HashMap<String, PublishSettings>,
    pub(crate) handle: ComponentHandle,
}

impl std::fmt::Debug for Component {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Component")
            .field("name", &self.name)
            .field("registers", &self.info.is_some())
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
        Self::with(info.name.clone(), Some(info))
    }

    /// A service that uses the runtime without registering with the MOV: no registered channel,
    /// no register or unregister message, no id file. `name` names its connection in the broker.
    ///
    /// For infrastructure that speaks the VALAWAI protocol from the other side, such as the
    /// development MOV (`valawai mov`), built with `wire_handlers` from the MOV's own spec.
    pub fn unregistered(name: impl Into<Cow<'static, str>>) -> Self {
        Self::with(name.into(), None)
    }

    fn with(name: Cow<'static, str>, info: Option<ComponentInfo>) -> Self {
        let counters = Arc::new(Counters::default());
        let inner = HandleInner {
            urgency: watch::Sender::new(Urgency::None),
            state: watch::Sender::new(State::Created),
            publisher: PublisherShared::new(counters.clone()),
            counters,
            mov: Arc::new(MovShared::default()),
            connection: std::sync::RwLock::new(None),
            peer: Default::default(),
            registers: info.is_some(),
        };
        Self {
            name,
            info,
            receivers: Vec::new(),
            registered_settings: ChannelSettings::ordered().prefetch(1),
            publish_default: PublishSettings::default(),
            publish_default_explicit: false,
            publish_channels: HashMap::new(),
            handle: ComponentHandle {
                inner: Arc::new(inner),
            },
        }
    }

    /// The name the component's connection carries: the registered name, or the one given to
    /// [`Component::unregistered`].
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The component's identity, `None` for a [`Component::unregistered`] service.
    pub fn info(&self) -> Option<&ComponentInfo> {
        self.info.as_ref()
    }

    /// A handle to stop the component and read its state and counters.
    pub fn handle(&self) -> ComponentHandle {
        self.handle.clone()
    }

    /// Adds a receive channel served by `dispatcher`.
    ///
    /// Settings equal to [`ChannelSettings::default`] (what generated code passes) take the
    /// configuration's tuning at run time ([`Config::tune_channel`](crate::Config::tune_channel): `VALAWAI_PREFETCH`...);
    /// other settings are kept as given.
    pub fn receive(
        mut self,
        address: impl Into<Cow<'static, str>>,
        settings: ChannelSettings,
        dispatcher: impl Dispatch,
    ) -> Self {
        let dispatcher = Arc::new(dispatcher);
        self.receivers.push(Receiver {
            address: address.into(),
            explicit: settings != ChannelSettings::default(),
            settings,
            start: ChannelStart::of(dispatcher.clone()),
            #[cfg(feature = "testing")]
            dispatcher,
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

    /// Changes the settings of a receive channel added before. They are kept as given: the
    /// configuration's tuning (`VALAWAI_PREFETCH`...) no longer applies to the channel.
    pub fn channel_settings(mut self, address: &str, settings: ChannelSettings) -> Self {
        match self.receivers.iter_mut().find(|r| r.address == address) {
            Some(r) => {
                r.settings = settings;
                r.explicit = true;
            }
            None => tracing::warn!(
                "channel_settings: `{address}` is not a receive channel of this component"
            ),
        }
        self
    }

    /// Changes the settings of a receive channel named by the generated module's `receive`
    /// constants: a typo, or a channel the component only sends on, does not compile (where
    /// [`Component::channel_settings`] with an address only warns at run time). The settings
    /// are kept as given, as with `channel_settings`.
    ///
    /// ```
    /// mod echo {
    ///     valawai::generate!("../fixtures/component/echo/asyncapi.yaml");
    /// }
    /// # struct Echo;
    /// # impl echo::Handlers for Echo {
    /// #     async fn received_message(&self, _: echo::EchoPayload, _: echo::Context) -> valawai::HandlerResult { Ok(()) }
    /// # }
    /// let component = echo::component(Echo)
    ///     .settings(echo::receive::RECEIVED_MESSAGE, valawai::ChannelSettings::ordered());
    /// ```
    ///
    /// A channel the echo only sends on is not a `receive` constant:
    ///
    /// ```compile_fail
    /// # mod echo { valawai::generate!("../fixtures/component/echo/asyncapi.yaml"); }
    /// # struct Echo;
    /// # impl echo::Handlers for Echo {
    /// #     async fn received_message(&self, _: echo::EchoPayload, _: echo::Context) -> valawai::HandlerResult { Ok(()) }
    /// # }
    /// let component = echo::component(Echo)
    ///     .settings(echo::receive::PUBLISH_MESSAGE, valawai::ChannelSettings::ordered());
    /// ```
    pub fn settings(self, channel: ReceiveChannel, settings: ChannelSettings) -> Self {
        self.channel_settings(channel.address(), settings)
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

    /// Sets how messages to channels without their own settings are published. The
    /// configuration's delivery mode (`VALAWAI_DELIVERY_MODE`) then no longer applies.
    pub fn default_publish_settings(mut self, settings: PublishSettings) -> Self {
        self.publish_default = settings;
        self.publish_default_explicit = true;
        self
    }

    pub(crate) fn check(&self) -> Result<(), RunError> {
        if let Some(info) = &self.info {
            info.check()?;
        }
        let registered = self.info.as_ref().map(|i| &*i.registered_channel);
        let mut seen = HashSet::new();
        for r in &self.receivers {
            if Some(&*r.address) == registered {
                return Err(
                    InvalidComponent::HandlerOnRegisteredChannel(r.address.to_string()).into(),
                );
            }
            if r.address.is_empty() || r.address.len() > crate::properties::SHORT_STRING_BYTES {
                return Err(InvalidComponent::AddressLength(r.address.to_string()).into());
            }
            if !seen.insert(&r.address) {
                return Err(InvalidComponent::TwoHandlers(r.address.to_string()).into());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::info::tests::info;

    #[test]
    fn only_settings_the_code_chose_are_explicit() {
        let c = Component::new(info("c1_echo", "1.0.0", "r"))
            .on("a", |_: serde_json::Value, _: Context| async { Ok(()) })
            .on("b", |_: serde_json::Value, _: Context| async { Ok(()) })
            .channel_settings("b", ChannelSettings::default())
            .receive(
                "c",
                ChannelSettings::ordered(),
                FnDispatcher::new(
                    crate::private::decode_json_object::<serde_json::Value>,
                    |_: serde_json::Value, _: Context| async { Ok(()) },
                ),
            );
        let explicit: Vec<bool> = c.receivers.iter().map(|r| r.explicit).collect();
        assert_eq!(explicit, [false, true, true]);
        assert!(!c.publish_default_explicit);
        let c = c.default_publish_settings(PublishSettings::new());
        assert!(c.publish_default_explicit);
    }

    #[test]
    fn the_registered_channel_takes_no_handler_and_channels_are_unique() {
        let reg = "valawai/c1/echo/control/registered";
        let c = Component::new(info("c1_echo", "1.0.0", reg))
            .on(reg, |_: serde_json::Value, _: Context| async { Ok(()) });
        assert!(matches!(
            c.check(),
            Err(RunError::InvalidComponent(
                InvalidComponent::HandlerOnRegisteredChannel(_)
            ))
        ));
        let c = Component::new(info("c1_echo", "1.0.0", reg))
            .on("a", |_: serde_json::Value, _: Context| async { Ok(()) })
            .on("a", |_: serde_json::Value, _: Context| async { Ok(()) });
        assert!(matches!(
            c.check(),
            Err(RunError::InvalidComponent(InvalidComponent::TwoHandlers(_)))
        ));
    }
}

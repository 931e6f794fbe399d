/// The information of a component that is involved in a message.
///
/// Named like the MOV's schema, but not the same (they differ at `#/properties/id/pattern`), so generated here rather than referring to `valawai::mov::protocol::MinComponentPayload`.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct MinComponentPayload {
    /// The identifier of the component.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name of the component.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The type level of the component in the VALAWAI.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<::valawai::mov::protocol::ComponentType>,
}

/// A report on one component.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct ReportPayload {
    /// The component's level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<::valawai::mov::protocol::ComponentType>,
    /// Who the report is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<MinComponentPayload>,
    /// How many channels the component has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<u64>,
}

/// Decodes a message body into `valawai::mov::protocol::ComponentPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_component_seen(
    body: &[u8],
) -> ::std::result::Result<
    ::valawai::mov::protocol::ComponentPayload,
    ::valawai::BoxError,
> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c2/registry_watcher/control/registered`
    ///
    /// Receive the notification that the component is registered.
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c2/registry_watcher/control/registered";

    /// `valawai/c2/registry_watcher/data/component_seen`
    ///
    /// A component that another one has seen.
    ///
    /// The component receives `valawai::mov::protocol::ComponentPayload` here.
    pub const COMPONENT_SEEN: &str = "valawai/c2/registry_watcher/data/component_seen";

    /// `valawai/c2/registry_watcher/data/report`
    ///
    /// What the watcher makes of a component.
    ///
    /// The component sends `ReportPayload` here.
    pub const REPORT: &str = "valawai/c2/registry_watcher/data/report";
}

/// The component as the MOV registers it: `c2_registry_watcher`, a C2 component.
///
/// Registry watcher `0.1.0`
///
/// Reports the components it is told about.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c2_registry_watcher",
    ::valawai::mov::protocol::ComponentType::C2,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/component/mov_types/asyncapi.yaml"),
    channels::REGISTERED,
);

const _: () = ::valawai::__private::check_version(
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::concat!(
        "the package version `", ::std::env!("CARGO_PKG_VERSION"),
        "` cannot be registered: the MOV accepts only a version of the form major.minor.patch in digits (^\\d+\\.\\d+\\.\\d+$), without a pre-release or build suffix, and drops any other registration without a word; change `version` in Cargo.toml"
    ),
);

/// What a handler gets besides the payload: the typed [`Publisher`],
/// the MOV logger and the message's metadata.
pub type Context = ::valawai::Context<Publisher>;

/// The component's handlers: one method for each channel it receives
/// on (the registered channel excepted: the runtime consumes it).
///
/// A handler's result decides what happens to the message: `Ok` acks
/// it, `HandlerError::Retry` (what `?` makes of most errors) tries it
/// again by the channel's retry policy, `HandlerError::Reject` (what
/// `?` makes of an error that can never pass: a payload that does not
/// decode or fit its schema, an output that cannot be serialised)
/// rejects it at once. Implement the trait with `#[valawai::handlers]`,
/// or by hand, and pass the implementation to `component`.
pub trait Handlers: Send + Sync + 'static {
    /// Handles a message received on `valawai/c2/registry_watcher/data/component_seen`.
    ///
    /// A component that another one has seen.
    fn component_seen(
        &self,
        payload: ::valawai::mov::protocol::ComponentPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;
}

/// Publishes the messages the component sends, one typed method per
/// channel.
///
/// Handlers get it from their [`Context`]; a publish there returns
/// once the message is sent, and the runtime acks the input only
/// after the broker confirmed everything the handler published.
/// Outside handlers (`ComponentHandle::publisher`), a publish returns
/// once it is confirmed.
#[derive(Clone, Debug)]
pub struct Publisher(::valawai::Publisher);

impl ::std::convert::From<::valawai::Publisher> for Publisher {
    fn from(raw: ::valawai::Publisher) -> Self {
        Self(raw)
    }
}

impl Publisher {
    /// Publishes `payload` on `valawai/c2/registry_watcher/data/report`.
    ///
    /// What the watcher makes of a component.
    pub async fn report(
        &self,
        payload: &ReportPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::REPORT, payload).await
    }

    /// The runtime's publisher underneath, to publish on any channel.
    pub fn raw(&self) -> &::valawai::Publisher {
        &self.0
    }
}

/// The channels the component receives on, to change their
/// settings: `component(handlers).settings(receive::..., settings)`.
/// A channel it does not receive on is a compile error.
pub mod receive {
    /// `valawai/c2/registry_watcher/data/component_seen`
    pub const COMPONENT_SEEN: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::COMPONENT_SEEN,
    );
}

/// Adds a receive channel for each of `handlers`' methods to `component`: the
/// runtime decodes each body with the channel's decoder (a body that does not fit
/// is logged and rejected) and calls the method with the payload.
///
/// [`component`] does this for the component the spec describes.
pub fn wire_handlers<H: Handlers>(
    component: ::valawai::Component,
    handlers: H,
) -> ::valawai::Component {
    let handlers = ::std::sync::Arc::new(handlers);

    component
        .receive(
            receive::COMPONENT_SEEN.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_component_seen,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |
                        payload: ::valawai::mov::protocol::ComponentPayload,
                        ctx: Context|
                    {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::component_seen(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
}

/// The component: its identity, [`COMPONENT`], and a receive
/// channel for each of `handlers`' methods. Start it with
/// `run(config)`; change a channel's settings before with
/// `settings(receive::..., ...)`.
pub fn component<H: Handlers>(handlers: H) -> ::valawai::Component {
    wire_handlers(::valawai::Component::new(COMPONENT), handlers)
}

// The channel table `#[valawai::handlers(..)]` checks an implementation against:
// `receive <address> <Handlers method> <constant> (<payload>)`, `send <address>
// <Publisher method>`, `registered <address>`.
#[doc(hidden)]
#[allow(unused_macros)]
macro_rules! __valawai_handlers {
    ($($input:tt)*) => {
        ::valawai::__handlers! {
            {
                registered "valawai/c2/registry_watcher/control/registered";
                receive "valawai/c2/registry_watcher/data/component_seen"
                    component_seen COMPONENT_SEEN (::valawai::mov::protocol::ComponentPayload);
                send "valawai/c2/registry_watcher/data/report"
                    report;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

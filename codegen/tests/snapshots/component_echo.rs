/// A payload of a message to echo.
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
pub struct EchoPayload {
    /// The content of the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<EchoPayloadContent>,
}

/// The content of the message.
///
/// Constraints:
///
/// - at least 1 character long
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::valawai::__private::serde::Serialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct EchoPayloadContent(String);

impl EchoPayloadContent {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::min_length(value, 1)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for EchoPayloadContent {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<EchoPayloadContent> for String {
    fn from(value: EchoPayloadContent) -> Self {
        value.0
    }
}

impl TryFrom<String> for EchoPayloadContent {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for EchoPayloadContent {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for EchoPayloadContent {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for EchoPayloadContent {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for EchoPayloadContent {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// Decodes a message body into `EchoPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_echo_payload(
    body: &[u8],
) -> ::std::result::Result<EchoPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c1/echo_example_with_python_and_pika/control/registered`
    ///
    /// Receive the notification that the component is registered.
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c1/echo_example_with_python_and_pika/control/registered";

    /// `valawai/c1/echo_example_with_python_and_pika/data/received_message`
    ///
    /// Receive the message to echo.
    ///
    /// The component receives `EchoPayload` here.
    pub const RECEIVED_MESSAGE: &str = "valawai/c1/echo_example_with_python_and_pika/data/received_message";

    /// `valawai/c1/echo_example_with_python_and_pika/data/publish_message`
    ///
    /// Publish the echoed message.
    ///
    /// The component sends `EchoPayload` here.
    pub const PUBLISH_MESSAGE: &str = "valawai/c1/echo_example_with_python_and_pika/data/publish_message";
}

/// The component as the MOV registers it: `c1_echo_example_with_python_and_pika`, a C1 component.
///
/// C1 Echo example with Python and Pika `1.0.0`
///
/// This VALAWAI component echo the received messages.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c1_echo_example_with_python_and_pika",
    ::valawai::mov::protocol::ComponentType::C1,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/component/echo/asyncapi.yaml"),
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
    /// Handles a message received on `valawai/c1/echo_example_with_python_and_pika/data/received_message`.
    ///
    /// Receive the message to echo.
    fn received_message(
        &self,
        payload: EchoPayload,
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
    /// Publishes `payload` on `valawai/c1/echo_example_with_python_and_pika/data/publish_message`.
    ///
    /// Publish the echoed message.
    pub async fn publish_message(
        &self,
        payload: &EchoPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::PUBLISH_MESSAGE, payload).await
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
    /// `valawai/c1/echo_example_with_python_and_pika/data/received_message`
    pub const RECEIVED_MESSAGE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::RECEIVED_MESSAGE,
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
            receive::RECEIVED_MESSAGE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_echo_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: EchoPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::received_message(&*handlers, payload, ctx).await
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
                registered "valawai/c1/echo_example_with_python_and_pika/control/registered";
                receive "valawai/c1/echo_example_with_python_and_pika/data/received_message"
                    received_message RECEIVED_MESSAGE (self::EchoPayload);
                send "valawai/c1/echo_example_with_python_and_pika/data/publish_message"
                    publish_message;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

/// The payload of the `observationMessage` message.
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
pub struct ObservationMessagePayload {
    /// The `version` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The `text` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The `timestamp` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// The payload of the `textMessage` message.
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
pub struct TextMessagePayload {
    /// The `version` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The `speaker` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The `text` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The `timestamp` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// Decodes a message body into `TextMessagePayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_text_message_payload(
    body: &[u8],
) -> ::std::result::Result<TextMessagePayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai.c0.text-interface`
    ///
    /// The component receives `TextMessagePayload` here.
    /// The component sends `TextMessagePayload` here.
    pub const TEXT_INTERFACE: &str = "valawai.c0.text-interface";

    /// `valawai.c2.observations.reflections`
    ///
    /// The component sends `ObservationMessagePayload` here.
    pub const REFLECTIONS: &str = "valawai.c2.observations.reflections";
}

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
    /// Handles a message received on `valawai.c0.text-interface`.
    ///
    /// Receive text from the component.
    fn text_interface(
        &self,
        payload: TextMessagePayload,
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
    /// Publishes `payload` on `valawai.c0.text-interface`.
    ///
    /// Send text to the component.
    pub async fn text_interface(
        &self,
        payload: &TextMessagePayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::TEXT_INTERFACE, payload).await
    }

    /// Publishes `payload` on `valawai.c2.observations.reflections`.
    ///
    /// Add a reflection about the dialogue.
    pub async fn reflections(
        &self,
        payload: &ObservationMessagePayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::REFLECTIONS, payload).await
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
    /// `valawai.c0.text-interface`
    pub const TEXT_INTERFACE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::TEXT_INTERFACE,
    );
}

/// Adds a receive channel for each of `handlers`' methods to `component`: the
/// runtime decodes each body with the channel's decoder (a body that does not fit
/// is logged and rejected) and calls the method with the payload.
///
/// The spec has no `valawai/cN/<name>/control/registered` channel, so it names no
/// component and there is no `component` function: build the `valawai::Component`
/// with the identity it needs and pass it here.
pub fn wire_handlers<H: Handlers>(
    component: ::valawai::Component,
    handlers: H,
) -> ::valawai::Component {
    let handlers = ::std::sync::Arc::new(handlers);

    component
        .receive(
            receive::TEXT_INTERFACE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_text_message_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: TextMessagePayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::text_interface(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
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
                receive "valawai.c0.text-interface"
                    text_interface TEXT_INTERFACE (self::TextMessagePayload);
                send "valawai.c0.text-interface"
                    text_interface;
                send "valawai.c2.observations.reflections"
                    reflections;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

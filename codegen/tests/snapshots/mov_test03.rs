/// Name of the user
pub type DisplayName = String;

/// The `UserSignedUpPayload` schema.
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
pub struct UserSignedUpPayload {
    /// Name of the user
    #[serde(rename = "displayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<DisplayName>,
    /// Email of the user
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Decodes a message body into `UserSignedUpPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_user_signed_up_payload(
    body: &[u8],
) -> ::std::result::Result<UserSignedUpPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `user/signedup`
    ///
    /// The component receives `UserSignedUpPayload` here.
    pub const SIGNEDUP: &str = "user/signedup";
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
    /// Handles a message received on `user/signedup`.
    fn signedup(
        &self,
        payload: UserSignedUpPayload,
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
    /// The runtime's publisher underneath, to publish on any channel.
    pub fn raw(&self) -> &::valawai::Publisher {
        &self.0
    }
}

/// The channels the component receives on, to change their
/// settings: `component(handlers).settings(receive::..., settings)`.
/// A channel it does not receive on is a compile error.
pub mod receive {
    /// `user/signedup`
    pub const SIGNEDUP: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::SIGNEDUP,
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
            receive::SIGNEDUP.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_user_signed_up_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: UserSignedUpPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::signedup(&*handlers, payload, ctx).await }
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
                receive "user/signedup"
                    signedup SIGNEDUP (self::UserSignedUpPayload);
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

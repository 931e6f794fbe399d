/// The payload of the `valawai_reg_45678` message.
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
pub struct ValawaiReg45678Payload {
    /// The `field_12345` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_12345: Option<String>,
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `test/valawai_reg_45678`
    ///
    /// Description of the channel 456789
    ///
    /// The component sends `ValawaiReg45678Payload` here.
    pub const VALAWAI_REG_45678: &str = "test/valawai_reg_45678";
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
pub trait Handlers: Send + Sync + 'static {}

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
    /// Publishes `payload` on `test/valawai_reg_45678`.
    ///
    /// Description of the channel 456789
    pub async fn valawai_reg_45678(
        &self,
        payload: &ValawaiReg45678Payload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::VALAWAI_REG_45678, payload).await
    }

    /// The runtime's publisher underneath, to publish on any channel.
    pub fn raw(&self) -> &::valawai::Publisher {
        &self.0
    }
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
    _handlers: H,
) -> ::valawai::Component {
    component
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
                send "test/valawai_reg_45678"
                    valawai_reg_45678;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

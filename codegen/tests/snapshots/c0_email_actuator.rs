/// Describe the address associated with an e-mail.
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
pub struct EMailAddressPayload {
    /// The type of address.
    ///
    /// Example: `"TO"`
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<EMailAddressPayloadType>,
    /// The name of the user.
    ///
    /// Example: `"VALAWAI"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The e-mail address.
    ///
    /// Example: `"no-reply@valawai.eu"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The type of address.
///
/// Example: `"TO"`
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub enum EMailAddressPayloadType {
    /// `TO`
    #[serde(rename = "TO")]
    To,
    /// `CC`
    #[serde(rename = "CC")]
    Cc,
    /// `BCC`
    #[serde(rename = "BCC")]
    Bcc,
}

impl EMailAddressPayloadType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::To => "TO",
            Self::Cc => "CC",
            Self::Bcc => "BCC",
        }
    }
}

impl ::std::fmt::Display for EMailAddressPayloadType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for EMailAddressPayloadType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "TO" => Ok(Self::To),
            "CC" => Ok(Self::Cc),
            "BCC" => Ok(Self::Bcc),
            _ => Err(::valawai::__private::unknown_variant(value, &["TO", "CC", "BCC"])),
        }
    }
}

/// The payload that contains the information of an e-mail.
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
pub struct EMailPayload {
    /// The e-mail subject.
    ///
    /// Example:
    ///
    /// ```json
    /// [
    ///   {
    ///     "type": "FROM",
    ///     "name": "Jane doe",
    ///     "address": "jane.doe@valawai.eu"
    ///   },
    ///   {
    ///     "type": "TO",
    ///     "address": "info@valawai.eu"
    ///   }
    /// ]
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Vec<EMailAddressPayload>>,
    /// The e-mail subject.
    ///
    /// Example: `"How to publish a component?"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// This is true if the e-mail content is HTML.
    ///
    /// Default: `false`.
    ///
    /// Example: `true`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_html: Option<bool>,
    /// The content of the e-mail.
    ///
    /// Example:
    ///
    /// ```json
    /// "Hi! Could you please inform me about the necessary steps to have a component available in the VALAWAI?"
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// Decodes a message body into `EMailPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_e_mail_payload(
    body: &[u8],
) -> ::std::result::Result<EMailPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/email_actuator/data/e_mail`
    ///
    /// Notify this component about the e-mails to send.
    ///
    /// The component receives `EMailPayload` here.
    pub const E_MAIL: &str = "valawai/c0/email_actuator/data/e_mail";

    /// `valawai/c0/email_actuator/control/registered`
    ///
    /// Notify this component when it has been registered.
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c0/email_actuator/control/registered";
}

/// The component as the MOV registers it: `c0_email_actuator`, a C0 component.
///
/// C0 E-mail actuator API `1.0.0`
///
/// This VALAWAI component send email-s received from other components.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c0_email_actuator",
    ::valawai::mov::protocol::ComponentType::C0,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/valawai/C0_email_actuator/asyncapi.yaml"),
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
    /// Handles a message received on `valawai/c0/email_actuator/data/e_mail`.
    ///
    /// Notify this component about the e-mails to send.
    fn e_mail(
        &self,
        payload: EMailPayload,
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
    /// `valawai/c0/email_actuator/data/e_mail`
    pub const E_MAIL: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::E_MAIL,
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
            receive::E_MAIL.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_e_mail_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: EMailPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::e_mail(&*handlers, payload, ctx).await }
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
                receive "valawai/c0/email_actuator/data/e_mail"
                    e_mail E_MAIL (self::EMailPayload);
                registered "valawai/c0/email_actuator/control/registered";
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

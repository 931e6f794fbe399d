/// The `parameters_payload` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct ParametersPayload {
    /// The `basic_type_integer` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_integer: Option<i64>,
    /// The `basic_type_number` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_number: Option<f64>,
    /// The `basic_type_boolean` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_boolean: Option<bool>,
    /// The `basic_type_string` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_string: Option<String>,
    /// The `enum_type` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enum_type: Option<ParametersPayloadEnumType>,
    /// The `array_type__with_integer` member.
    #[serde(
        rename = "array_type__with_integer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_integer: Option<Vec<i64>>,
    /// The `array_type__with_number` member.
    #[serde(
        rename = "array_type__with_number",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_number: Option<Vec<f64>>,
    /// The `array_type__with_boolean` member.
    #[serde(
        rename = "array_type__with_boolean",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_boolean: Option<Vec<bool>>,
    /// The `array_type__with_string` member.
    #[serde(
        rename = "array_type__with_string",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_string: Option<Vec<String>>,
    /// The `array_type__with_enum` member.
    #[serde(
        rename = "array_type__with_enum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_enum: Option<Vec<ParametersPayloadArrayTypeWithEnumItem>>,
    /// The `array_type__with_object` member.
    #[serde(
        rename = "array_type__with_object",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_object: Option<Vec<ParametersPayloadArrayTypeWithObjectItem>>,
}

/// An item of `ParametersPayloadArrayTypeWithEnum`.
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
pub enum ParametersPayloadArrayTypeWithEnumItem {
    /// `1`
    #[serde(rename = "1")]
    V1,
    /// `2`
    #[serde(rename = "2")]
    V2,
    /// `3`
    #[serde(rename = "3")]
    V3,
}

impl ParametersPayloadArrayTypeWithEnumItem {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1 => "1",
            Self::V2 => "2",
            Self::V3 => "3",
        }
    }
}

impl ::std::fmt::Display for ParametersPayloadArrayTypeWithEnumItem {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ParametersPayloadArrayTypeWithEnumItem {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "1" => Ok(Self::V1),
            "2" => Ok(Self::V2),
            "3" => Ok(Self::V3),
            _ => Err(::valawai::__private::unknown_variant(value, &["1", "2", "3"])),
        }
    }
}

/// An item of `ParametersPayloadArrayTypeWithObject`.
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
pub struct ParametersPayloadArrayTypeWithObjectItem {
    /// The `field1` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field1: Option<i64>,
}

/// The `enum_type` member of [`ParametersPayload`].
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
pub enum ParametersPayloadEnumType {
    /// `A`
    A,
    /// `B`
    B,
    /// `C`
    C,
}

impl ParametersPayloadEnumType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
        }
    }
}

impl ::std::fmt::Display for ParametersPayloadEnumType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ParametersPayloadEnumType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "A" => Ok(Self::A),
            "B" => Ok(Self::B),
            "C" => Ok(Self::C),
            _ => Err(::valawai::__private::unknown_variant(value, &["A", "B", "C"])),
        }
    }
}

/// Decodes a message body into `ParametersPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_parameters_payload(
    body: &[u8],
) -> ::std::result::Result<ParametersPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/test/control/parameters`
    ///
    /// The component receives `ParametersPayload` here.
    pub const PARAMETERS: &str = "valawai/c0/test/control/parameters";
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
    /// Handles a message received on `valawai/c0/test/control/parameters`.
    fn parameters(
        &self,
        payload: ParametersPayload,
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
    /// `valawai/c0/test/control/parameters`
    pub const PARAMETERS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::PARAMETERS,
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
            receive::PARAMETERS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_parameters_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ParametersPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::parameters(&*handlers, payload, ctx).await
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
                receive "valawai/c0/test/control/parameters"
                    parameters PARAMETERS (self::ParametersPayload);
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

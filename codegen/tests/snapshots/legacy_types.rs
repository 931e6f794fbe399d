/// The `alignment_payload` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct AlignmentPayload {
    /// The alignment, between -1 and 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<f64>,
    /// The `norms` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norms: Option<Vec<String>>,
    /// The `weights` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<::std::collections::BTreeMap<String, f64>>,
}

/// The `parameters_payload` schema.
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
pub struct ParametersPayload {
    /// The `path_length` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_length: Option<ParametersPayloadPathLength>,
    /// The `path_sample` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_sample: Option<i64>,
    /// The `verbose` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verbose: Option<bool>,
    /// The `label` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The `path_length` member of [`ParametersPayload`].
///
/// Constraints:
///
/// - at least 1
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::valawai::__private::serde::Serialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct ParametersPayloadPathLength(u64);

impl ParametersPayloadPathLength {
    /// Checks a value against the constraints of the schema.
    fn check(value: u64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::minimum(value, 1)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl ::std::ops::Deref for ParametersPayloadPathLength {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<ParametersPayloadPathLength> for u64 {
    fn from(value: ParametersPayloadPathLength) -> Self {
        value.0
    }
}

impl TryFrom<u64> for ParametersPayloadPathLength {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for ParametersPayloadPathLength {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ParametersPayloadPathLength {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
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
    /// `valawai/C2/legacy_types/data/alignment`
    ///
    /// The component sends `AlignmentPayload` here.
    pub const ALIGNMENT: &str = "valawai/C2/legacy_types/data/alignment";

    /// `valawai/C2/legacy_types/control/parameters`
    ///
    /// The component receives `ParametersPayload` here.
    pub const PARAMETERS: &str = "valawai/C2/legacy_types/control/parameters";
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
    /// Handles a message received on `valawai/C2/legacy_types/control/parameters`.
    ///
    /// Change the parameters of the search.
    ///
    /// The parameters of the search.
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
    /// Publishes `payload` on `valawai/C2/legacy_types/data/alignment`.
    ///
    /// Provide the alignment of the norms.
    ///
    /// The alignment and the norms it was computed for.
    pub async fn alignment(
        &self,
        payload: &AlignmentPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::ALIGNMENT, payload).await
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
    /// `valawai/C2/legacy_types/control/parameters`
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
                send "valawai/C2/legacy_types/data/alignment"
                    alignment;
                receive "valawai/C2/legacy_types/control/parameters"
                    parameters PARAMETERS (self::ParametersPayload);
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

/// The `period` schema.
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
pub struct Period {
    /// The `seconds` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<PeriodSeconds>,
}

/// The `seconds` member of [`Period`].
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
pub struct PeriodSeconds(u64);

impl PeriodSeconds {
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

impl ::std::ops::Deref for PeriodSeconds {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<PeriodSeconds> for u64 {
    fn from(value: PeriodSeconds) -> Self {
        value.0
    }
}

impl TryFrom<u64> for PeriodSeconds {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for PeriodSeconds {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for PeriodSeconds {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
    }
}

/// The `reading` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct Reading {
    /// The `celsius` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celsius: Option<f64>,
    /// The `room` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
}

/// Decodes a message body into `Period`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_period(body: &[u8]) -> ::std::result::Result<Period, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/thermometer/control/registered`
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c0/thermometer/control/registered";

    /// `valawai/c0/thermometer/control/period`
    ///
    /// The time between two readings.
    ///
    /// The component receives `Period` here.
    pub const PERIOD: &str = "valawai/c0/thermometer/control/period";

    /// `valawai/c0/thermometer/data/reading`
    ///
    /// One reading.
    ///
    /// The component sends `Reading` here.
    pub const READING: &str = "valawai/c0/thermometer/data/reading";
}

/// The component as the MOV registers it: `c0_thermometer`, a C0 component.
///
/// C0 thermometer `1.0.0`
///
/// Publishes the room temperature every few seconds.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c0_thermometer",
    ::valawai::mov::protocol::ComponentType::C0,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/component/thermometer/asyncapi.yaml"),
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
    /// Handles a message received on `valawai/c0/thermometer/control/period`.
    ///
    /// The time between two readings.
    fn period(
        &self,
        payload: Period,
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
    /// Publishes `payload` on `valawai/c0/thermometer/data/reading`.
    ///
    /// One reading.
    pub async fn reading(
        &self,
        payload: &Reading,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::READING, payload).await
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
    /// `valawai/c0/thermometer/control/period`
    pub const PERIOD: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::PERIOD,
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
            receive::PERIOD.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_period,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Period, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::period(&*handlers, payload, ctx).await }
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
                registered "valawai/c0/thermometer/control/registered";
                receive "valawai/c0/thermometer/control/period"
                    period PERIOD (self::Period);
                send "valawai/c0/thermometer/data/reading"
                    reading;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

/// The `action_1_payload` schema.
pub type Action1Payload = EnumType;

/// The `action_2_payload` schema.
pub type Action2Payload = EnumType;

/// The `action_3_payload` schema.
pub type Action3Payload = EnumType;

/// The `action_4_payload` schema.
pub type Action4Payload = EnumType;

/// The `enum_type` schema.
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
pub enum EnumType {
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

impl EnumType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1 => "1",
            Self::V2 => "2",
            Self::V3 => "3",
        }
    }
}

impl ::std::fmt::Display for EnumType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for EnumType {
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

/// Decodes a message body into `EnumType`.
///
/// The body must be JSON in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_enum_type(
    body: &[u8],
) -> ::std::result::Result<EnumType, ::valawai::BoxError> {
    ::valawai::__private::decode_json(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/test_component/data/action_1`
    ///
    /// Action 1
    ///
    /// The component receives `EnumType` here.
    pub const ACTION_1: &str = "valawai/c0/test_component/data/action_1";

    /// `valawai/c0/test_component/data/action_2`
    ///
    /// Action 2
    ///
    /// The component receives `EnumType` here.
    pub const ACTION_2: &str = "valawai/c0/test_component/data/action_2";

    /// `valawai/c0/test_component/data/action_3`
    ///
    /// Action 3
    ///
    /// The component receives `EnumType` here.
    pub const ACTION_3: &str = "valawai/c0/test_component/data/action_3";

    /// `valawai/c0/test_component/data/action_4`
    ///
    /// Action 4
    ///
    /// The component receives `EnumType` here.
    pub const ACTION_4: &str = "valawai/c0/test_component/data/action_4";
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
    /// Handles a message received on `valawai/c0/test_component/data/action_1`.
    ///
    /// Action 1
    fn action_1(
        &self,
        payload: EnumType,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/test_component/data/action_2`.
    ///
    /// Action 2
    fn action_2(
        &self,
        payload: EnumType,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/test_component/data/action_3`.
    ///
    /// Action 3
    fn action_3(
        &self,
        payload: EnumType,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/test_component/data/action_4`.
    ///
    /// Action 4
    fn action_4(
        &self,
        payload: EnumType,
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
    /// `valawai/c0/test_component/data/action_1`
    pub const ACTION_1: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ACTION_1,
    );

    /// `valawai/c0/test_component/data/action_2`
    pub const ACTION_2: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ACTION_2,
    );

    /// `valawai/c0/test_component/data/action_3`
    pub const ACTION_3: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ACTION_3,
    );

    /// `valawai/c0/test_component/data/action_4`
    pub const ACTION_4: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ACTION_4,
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
            receive::ACTION_1.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_enum_type,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: EnumType, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::action_1(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::ACTION_2.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_enum_type,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: EnumType, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::action_2(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::ACTION_3.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_enum_type,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: EnumType, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::action_3(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::ACTION_4.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_enum_type,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: EnumType, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::action_4(&*handlers, payload, ctx).await }
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
                receive "valawai/c0/test_component/data/action_1"
                    action_1 ACTION_1 (self::EnumType);
                receive "valawai/c0/test_component/data/action_2"
                    action_2 ACTION_2 (self::EnumType);
                receive "valawai/c0/test_component/data/action_3"
                    action_3 ACTION_3 (self::EnumType);
                receive "valawai/c0/test_component/data/action_4"
                    action_4 ACTION_4 (self::EnumType);
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

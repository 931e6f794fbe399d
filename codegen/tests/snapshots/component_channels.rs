/// A message on `valawai/c0/edge/control/in`: `start`, `stop`.
///
/// Received as the first of them that the body fits, the most specific first.
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum ControlInMessage {
    /// The `start` message.
    Start(StartPayload),
    /// The `stop` message.
    Stop(StopPayload),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ControlInMessage {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        let mut input = ::valawai::__private::Untagged::read(deserializer)?;
        if let Some(value) = input.attempt("Start") {
            return Ok(Self::Start(value));
        }
        if let Some(value) = input.attempt("Stop") {
            return Ok(Self::Stop(value));
        }
        Err(input.fail("ControlInMessage"))
    }
}

/// The `kind` parameter of `valawai/c0/edge/{kind}/{level}/{room}/{tag}/{payload}`. What is measured.
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
pub enum EdgeKindLevelRoomTagPayloadKind {
    /// `temperature`
    #[serde(rename = "temperature")]
    Temperature,
    /// `humidity`
    #[serde(rename = "humidity")]
    Humidity,
}

impl EdgeKindLevelRoomTagPayloadKind {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Temperature => "temperature",
            Self::Humidity => "humidity",
        }
    }
}

impl ::std::fmt::Display for EdgeKindLevelRoomTagPayloadKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for EdgeKindLevelRoomTagPayloadKind {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "temperature" => Ok(Self::Temperature),
            "humidity" => Ok(Self::Humidity),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["temperature", "humidity"],
                    ),
                )
            }
        }
    }
}

/// The `room` parameter of `valawai/c0/edge/{kind}/{level}/{room}/{tag}/{payload}`. The room, as letters and digits.
///
/// Constraints:
///
/// - matches the pattern `^[a-z0-9]+$`
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
pub struct EdgeKindLevelRoomTagPayloadRoom(String);

impl EdgeKindLevelRoomTagPayloadRoom {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "^[a-z0-9]+$",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for EdgeKindLevelRoomTagPayloadRoom {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<EdgeKindLevelRoomTagPayloadRoom> for String {
    fn from(value: EdgeKindLevelRoomTagPayloadRoom) -> Self {
        value.0
    }
}

impl TryFrom<String> for EdgeKindLevelRoomTagPayloadRoom {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for EdgeKindLevelRoomTagPayloadRoom {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for EdgeKindLevelRoomTagPayloadRoom {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for EdgeKindLevelRoomTagPayloadRoom {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for EdgeKindLevelRoomTagPayloadRoom {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The payload of the `fast` message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct FastPayload {
    /// The `mode` member.
    pub mode: FastPayloadMode,
    /// The `speed` member.
    pub speed: FastPayloadSpeed,
}

/// The `mode` member of [`FastPayload`].
///
/// Always `"fast"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FastPayloadMode;

impl FastPayloadMode {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"fast\"";
}

impl ::valawai::__private::serde::Serialize for FastPayloadMode {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            FastPayloadMode::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for FastPayloadMode {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            FastPayloadMode::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// The `speed` member of [`FastPayload`].
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
pub struct FastPayloadSpeed(u64);

impl FastPayloadSpeed {
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

impl ::std::ops::Deref for FastPayloadSpeed {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<FastPayloadSpeed> for u64 {
    fn from(value: FastPayloadSpeed) -> Self {
        value.0
    }
}

impl TryFrom<u64> for FastPayloadSpeed {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for FastPayloadSpeed {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for FastPayloadSpeed {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
    }
}

/// A message on `valawai/c0/edge/control/mode`: `fast`, `slow`.
///
/// Told apart by the member `mode`.
#[derive(Debug, Clone, PartialEq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum ModeMessage {
    /// The `fast` message: `mode` is `fast`.
    Fast(FastPayload),
    /// The `slow` message: `mode` is `slow`.
    Slow(SlowPayload),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ModeMessage {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        const TAGS: &[&str] = &["fast", "slow"];
        let (tag, content) = ::valawai::__private::Tagged::read(
            deserializer,
            "a `ModeMessage` object",
            "mode",
            TAGS,
            true,
        )?;
        match tag.as_str() {
            "fast" => content.variant().map(Self::Fast),
            "slow" => content.variant().map(Self::Slow),
            _ => Err(content.unknown(&tag, TAGS)),
        }
    }
}

/// The `reading` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct Reading {
    /// The `value` member.
    pub value: f64,
}

/// The payload of the `slow` message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct SlowPayload {
    /// The `mode` member.
    pub mode: SlowPayloadMode,
    /// The `pause` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause: Option<f64>,
}

/// The `mode` member of [`SlowPayload`].
///
/// Always `"slow"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SlowPayloadMode;

impl SlowPayloadMode {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"slow\"";
}

impl ::valawai::__private::serde::Serialize for SlowPayloadMode {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            SlowPayloadMode::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for SlowPayloadMode {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            SlowPayloadMode::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// The payload of the `start` message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct StartPayload {
    /// The `start` member.
    pub start: bool,
}

/// The payload of the `stop` message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct StopPayload {
    /// The `stop` member.
    pub stop: String,
}

/// Decodes a message body into `Reading`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_reading(
    body: &[u8],
) -> ::std::result::Result<Reading, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `ControlInMessage`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_control_in_message(
    body: &[u8],
) -> ::std::result::Result<ControlInMessage, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `ModeMessage`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_mode_message(
    body: &[u8],
) -> ::std::result::Result<ModeMessage, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `valawai::payload::JsonValue`.
///
/// The body must be JSON in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_anything(
    body: &[u8],
) -> ::std::result::Result<::valawai::payload::JsonValue, ::valawai::BoxError> {
    ::valawai::__private::decode_json(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/edge/control/registered`
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c0/edge/control/registered";

    /// `valawai/c0/edge/data/in`
    ///
    /// Same last segment as the control channel below.
    ///
    /// The component receives `Reading` here.
    pub const DATA_IN: &str = "valawai/c0/edge/data/in";

    /// `valawai/c0/edge/control/in`
    ///
    /// The component receives `ControlInMessage` here.
    pub const CONTROL_IN: &str = "valawai/c0/edge/control/in";

    /// `valawai/c0/edge/control/mode`
    ///
    /// The component receives `ModeMessage` here.
    pub const MODE: &str = "valawai/c0/edge/control/mode";

    /// `valawai/c0/edge/data/both`
    ///
    /// The component receives `Reading` here.
    /// The component sends `Reading` here.
    pub const BOTH: &str = "valawai/c0/edge/data/both";

    /// `valawai/c0/edge/data/anything`
    ///
    /// The component receives `valawai::payload::JsonValue` here.
    pub const ANYTHING: &str = "valawai/c0/edge/data/anything";

    /// `valawai/c0/edge/data/raw`
    ///
    /// The component sends `String` here.
    pub const RAW: &str = "valawai/c0/edge/data/raw";

    /// `valawai/c0/edge/data/list`
    ///
    /// The component sends `Vec<Reading>` here.
    pub const LIST: &str = "valawai/c0/edge/data/list";

    /// `valawai/c0/edge/{kind}/{level}/{room}/{tag}/{payload}`
    ///
    /// The component sends `Reading` here.
    ///
    /// Parameters:
    ///
    /// - `kind`: What is measured.
    /// - `level`
    /// - `room`: The room, as letters and digits.
    /// - `tag`
    /// - `payload`
    pub fn edge_kind_level_room_tag_payload(
        kind: &super::EdgeKindLevelRoomTagPayloadKind,
        level: u64,
        room: &super::EdgeKindLevelRoomTagPayloadRoom,
        tag: &str,
        payload_2: &str,
    ) -> ::std::string::String {
        ::std::format!("valawai/c0/edge/{kind}/{level}/{room}/{tag}/{payload_2}")
    }

    /// `valawai/c0/edge/in/{room}`
    ///
    /// The component receives `Reading` here.
    ///
    /// Parameters:
    ///
    /// - `room`
    pub fn in_room(room: &str) -> ::std::string::String {
        ::std::format!("valawai/c0/edge/in/{room}")
    }
}

/// The component as the MOV registers it: `c0_edge`, a C0 component.
///
/// Channel edge cases `0.1.0`
///
/// Names that collide, several messages on one channel, parameters of every kind.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c0_edge",
    ::valawai::mov::protocol::ComponentType::C0,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/component/channels.asyncapi.yaml"),
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
    /// Handles a message received on `valawai/c0/edge/data/in`.
    ///
    /// Data to process.
    ///
    /// A reading
    fn data_in(
        &self,
        payload: Reading,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/edge/control/in`.
    fn control_in(
        &self,
        payload: ControlInMessage,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/edge/control/mode`.
    fn mode(
        &self,
        payload: ModeMessage,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/edge/data/both`.
    ///
    /// A reading
    fn both(
        &self,
        payload: Reading,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/edge/data/anything`.
    fn anything(
        &self,
        payload: ::valawai::payload::JsonValue,
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
    /// Publishes `payload` on `valawai/c0/edge/data/both`.
    ///
    /// A reading
    pub async fn both(
        &self,
        payload: &Reading,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::BOTH, payload).await
    }

    /// Publishes `payload` on `valawai/c0/edge/data/raw`.
    pub async fn raw_2(
        &self,
        payload: &str,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::RAW, payload).await
    }

    /// Publishes `payload` on `valawai/c0/edge/data/list`.
    pub async fn list(
        &self,
        payload: &[Reading],
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::LIST, payload).await
    }

    /// Publishes `payload` on `valawai/c0/edge/{kind}/{level}/{room}/{tag}/{payload}`.
    ///
    /// A reading
    pub async fn edge_kind_level_room_tag_payload(
        &self,
        kind: &EdgeKindLevelRoomTagPayloadKind,
        level: u64,
        room: &EdgeKindLevelRoomTagPayloadRoom,
        tag: &str,
        payload_2: &str,
        payload: &Reading,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw()
            .publish(
                &channels::edge_kind_level_room_tag_payload(
                    kind,
                    level,
                    room,
                    tag,
                    payload_2,
                ),
                payload,
            )
            .await
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
    /// `valawai/c0/edge/data/in`
    pub const DATA_IN: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::DATA_IN,
    );

    /// `valawai/c0/edge/control/in`
    pub const CONTROL_IN: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::CONTROL_IN,
    );

    /// `valawai/c0/edge/control/mode`
    pub const MODE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::MODE,
    );

    /// `valawai/c0/edge/data/both`
    pub const BOTH: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::BOTH,
    );

    /// `valawai/c0/edge/data/anything`
    pub const ANYTHING: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ANYTHING,
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
            receive::DATA_IN.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_reading,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Reading, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::data_in(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::CONTROL_IN.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_control_in_message,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ControlInMessage, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::control_in(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::MODE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_mode_message,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ModeMessage, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::mode(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::BOTH.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_reading,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Reading, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::both(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::ANYTHING.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_anything,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ::valawai::payload::JsonValue, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::anything(&*handlers, payload, ctx).await }
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
                registered "valawai/c0/edge/control/registered";
                receive "valawai/c0/edge/data/in"
                    data_in DATA_IN (self::Reading);
                receive "valawai/c0/edge/control/in"
                    control_in CONTROL_IN (self::ControlInMessage);
                receive "valawai/c0/edge/control/mode"
                    mode MODE (self::ModeMessage);
                receive "valawai/c0/edge/data/both"
                    both BOTH (self::Reading);
                send "valawai/c0/edge/data/both"
                    both;
                receive "valawai/c0/edge/data/anything"
                    anything ANYTHING (::valawai::payload::JsonValue);
                send "valawai/c0/edge/data/raw"
                    raw_2;
                send "valawai/c0/edge/data/list"
                    list;
                send "valawai/c0/edge/{kind}/{level}/{room}/{tag}/{payload}"
                    edge_kind_level_room_tag_payload;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

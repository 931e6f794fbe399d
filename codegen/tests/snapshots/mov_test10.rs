/// A payload that is represented by an array of values.
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
pub struct ArrayPayloadSchema {
    /// The type for the elements on the array.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<PayloadSchema>>,
}

/// The basic payload schema.
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
pub struct BasicPayloadSchema {
    /// The format of the basic type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<BasicPayloadSchemaFormat>,
}

/// The format of the basic type.
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
pub enum BasicPayloadSchemaFormat {
    /// `INTEGER`
    #[serde(rename = "INTEGER")]
    Integer,
    /// `NUMBER`
    #[serde(rename = "NUMBER")]
    Number,
    /// `BOOLEAN`
    #[serde(rename = "BOOLEAN")]
    Boolean,
    /// `STRING`
    #[serde(rename = "STRING")]
    String,
}

impl BasicPayloadSchemaFormat {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Integer => "INTEGER",
            Self::Number => "NUMBER",
            Self::Boolean => "BOOLEAN",
            Self::String => "STRING",
        }
    }
}

impl ::std::fmt::Display for BasicPayloadSchemaFormat {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for BasicPayloadSchemaFormat {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "INTEGER" => Ok(Self::Integer),
            "NUMBER" => Ok(Self::Number),
            "BOOLEAN" => Ok(Self::Boolean),
            "STRING" => Ok(Self::String),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["INTEGER", "NUMBER", "BOOLEAN", "STRING"],
                    ),
                )
            }
        }
    }
}

/// A schema that define the messages that a channel can receive or send.
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
pub struct ChannelSchema {
    /// The identifier of the channel.
    ///
    /// Example: `"valawai/c0_voice_to_text/audio"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The description of the channel.
    ///
    /// Example: `"Provide the audio to convert to text"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The type of payload that the channel can receive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscribe: Option<PayloadSchema>,
    /// The type of payload that the channel can send.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publish: Option<PayloadSchema>,
}

/// The parameters that configure the component.
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
pub struct ComponentParametersPayload {
    /// The duration between checks in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_duration: Option<i64>,
}

/// The `component_payload` schema.
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
pub struct ComponentPayload {
    /// The identifier of the component.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ComponentPayloadId>,
    /// The name of the component.
    ///
    /// Example: `"c0_voice_to_text"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description of the component.
    ///
    /// Example: `"Generate text from the ambient audio"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The component version.
    ///
    /// Example: `"1.0.5"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<ComponentPayloadVersion>,
    /// The version of the component API.
    ///
    /// Example: `"2.3.0"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<ComponentPayloadApiVersion>,
    /// The type level of the component in the VALAWAI.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ComponentType>,
    /// The epoch time, in seconds, since the component is available in VALAWAI.
    ///
    /// Example: `"1709902001"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<u64>,
    /// The channels that the component have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<ChannelSchema>>,
}

/// The version of the component API.
///
/// Constraints:
///
/// - matches the pattern `\d+\.\d+\.\d+`
///
/// Example: `"2.3.0"`
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
pub struct ComponentPayloadApiVersion(String);

impl ComponentPayloadApiVersion {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "\\d+\\.\\d+\\.\\d+",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for ComponentPayloadApiVersion {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ComponentPayloadApiVersion> for String {
    fn from(value: ComponentPayloadApiVersion) -> Self {
        value.0
    }
}

impl TryFrom<String> for ComponentPayloadApiVersion {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ComponentPayloadApiVersion {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ComponentPayloadApiVersion {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ComponentPayloadApiVersion {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ComponentPayloadApiVersion {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The identifier of the component.
///
/// Constraints:
///
/// - matches the pattern `[0-9a-fA-F]{24}`
///
/// Example: `"65c1f59ea4cb169f42f5edc4"`
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
pub struct ComponentPayloadId(String);

impl ComponentPayloadId {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "[0-9a-fA-F]{24}",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for ComponentPayloadId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ComponentPayloadId> for String {
    fn from(value: ComponentPayloadId) -> Self {
        value.0
    }
}

impl TryFrom<String> for ComponentPayloadId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ComponentPayloadId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ComponentPayloadId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ComponentPayloadId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ComponentPayloadId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The component version.
///
/// Constraints:
///
/// - matches the pattern `\d+\.\d+\.\d+`
///
/// Example: `"1.0.5"`
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
pub struct ComponentPayloadVersion(String);

impl ComponentPayloadVersion {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "\\d+\\.\\d+\\.\\d+",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for ComponentPayloadVersion {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ComponentPayloadVersion> for String {
    fn from(value: ComponentPayloadVersion) -> Self {
        value.0
    }
}

impl TryFrom<String> for ComponentPayloadVersion {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ComponentPayloadVersion {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ComponentPayloadVersion {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ComponentPayloadVersion {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ComponentPayloadVersion {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `component_type` schema.
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
pub enum ComponentType {
    /// `C0`
    C0,
    /// `C1`
    C1,
    /// `C2`
    C2,
}

impl ComponentType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::C0 => "C0",
            Self::C1 => "C1",
            Self::C2 => "C2",
        }
    }
}

impl ::std::fmt::Display for ComponentType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ComponentType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "C0" => Ok(Self::C0),
            "C1" => Ok(Self::C1),
            "C2" => Ok(Self::C2),
            _ => Err(::valawai::__private::unknown_variant(value, &["C0", "C1", "C2"])),
        }
    }
}

/// A payload that is a consatnt value.
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
pub struct ConstantPayloadSchema {
    /// The constant of the schema.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The information necessary to register a component.
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The MIME type that define the content type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime: Option<String>,
    /// The body of the e-mail
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// A payload that is defined of one value of a set.
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
pub struct EnumPayloadSchema {
    /// The possible enum values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// A definition of a schema that describe an object.
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
pub struct ObjectPayloadSchema {
    /// The identifier used whne this schme is refer by other components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The properties that define the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<::std::collections::BTreeMap<String, PayloadSchema>>,
}

/// The `payload_schema` schema.
///
/// The variant is named by the `type` member.
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", tag = "type")]
pub enum PayloadSchema {
    /// `type` is `BASIC`.
    ///
    /// The basic payload schema.
    #[serde(rename = "BASIC")]
    Basic(BasicPayloadSchema),
    /// `type` is `ENUM`.
    ///
    /// A payload that is defined of one value of a set.
    #[serde(rename = "ENUM")]
    Enum(EnumPayloadSchema),
    /// `type` is `OBJECT`.
    ///
    /// A definition of a schema that describe an object.
    #[serde(rename = "OBJECT")]
    Object(ObjectPayloadSchema),
    /// `type` is `ARRAY`.
    ///
    /// A payload that is represented by an array of values.
    #[serde(rename = "ARRAY")]
    Array(ArrayPayloadSchema),
    /// `type` is `CONST`.
    ///
    /// A payload that is a consatnt value.
    #[serde(rename = "CONST")]
    Const(ConstantPayloadSchema),
    /// `type` is `REF`.
    ///
    /// A payload that is a reference to another schema.
    #[serde(rename = "REF")]
    Ref(ReferencePayloadSchema),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for PayloadSchema {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        const TAGS: &[&str] = &["BASIC", "ENUM", "OBJECT", "ARRAY", "CONST", "REF"];
        let (tag, content) = ::valawai::__private::Tagged::read(
            deserializer,
            "a `PayloadSchema` object",
            "type",
            TAGS,
            false,
        )?;
        match tag.as_str() {
            "BASIC" => content.variant().map(Self::Basic),
            "ENUM" => content.variant().map(Self::Enum),
            "OBJECT" => content.variant().map(Self::Object),
            "ARRAY" => content.variant().map(Self::Array),
            "CONST" => content.variant().map(Self::Const),
            "REF" => content.variant().map(Self::Ref),
            _ => Err(content.unknown(&tag, TAGS)),
        }
    }
}

/// A payload that is a reference to another schema.
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
pub struct ReferencePayloadSchema {
    /// The identifier of the schema that this a reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
}

/// Decodes a message body into `ComponentParametersPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_component_parameters_payload(
    body: &[u8],
) -> ::std::result::Result<ComponentParametersPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/email_sensor/data/e_mail`
    ///
    /// Notify about the received e-mails.
    ///
    /// The component sends `EMailPayload` here.
    pub const E_MAIL: &str = "valawai/c0/email_sensor/data/e_mail";

    /// `valawai/c0/email_sensor/control/change_parameters`
    ///
    /// The action to change the parameters taht configure the component.
    ///
    /// The component receives `ComponentParametersPayload` here.
    pub const CHANGE_PARAMETERS: &str = "valawai/c0/email_sensor/control/change_parameters";

    /// `valawai/c0/email_sensor/control/registered`
    ///
    /// The message to notify when the component has been registered.
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c0/email_sensor/control/registered";
}

/// The component as the MOV registers it: `c0_email_sensor`, a C0 component.
///
/// C0 E-mail sensor API `10.0.0`
///
/// API description
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c0_email_sensor",
    ::valawai::ComponentType::C0,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!(
        "../../../fixtures/valawai/MOV/test-resources/api/v1/components/test10.asyncapi.yml"
    ),
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
    /// Handles a message received on `valawai/c0/email_sensor/control/change_parameters`.
    ///
    /// The action to change the parameters taht configure the component.
    fn change_parameters(
        &self,
        payload: ComponentParametersPayload,
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
    /// Publishes `payload` on `valawai/c0/email_sensor/data/e_mail`.
    ///
    /// Notify about the received e-mails.
    pub async fn e_mail(
        &self,
        payload: &EMailPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.0.publish(channels::E_MAIL, payload).await
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
    /// `valawai/c0/email_sensor/control/change_parameters`
    pub const CHANGE_PARAMETERS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::CHANGE_PARAMETERS,
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
            channels::CHANGE_PARAMETERS,
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_component_parameters_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ComponentParametersPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::change_parameters(&*handlers, payload, ctx).await
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
                send "valawai/c0/email_sensor/data/e_mail"
                    e_mail;
                receive "valawai/c0/email_sensor/control/change_parameters"
                    change_parameters CHANGE_PARAMETERS (self::ComponentParametersPayload);
                registered "valawai/c0/email_sensor/control/registered";
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

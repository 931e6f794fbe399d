/// The information of a log to add.
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
pub struct AddLogPayload {
    /// The level of the log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<AddLogPayloadLevel>,
    /// The message of the log.
    ///
    /// Example: `"The component is active"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<AddLogPayloadMessage>,
    /// The payload of the log.
    ///
    /// Example: `"{\"pattern:\"p1\"}"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// The identifeir of the component that has generated the log.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_id: Option<AddLogPayloadComponentId>,
}

/// The identifeir of the component that has generated the log.
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
pub struct AddLogPayloadComponentId(String);

impl AddLogPayloadComponentId {
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

impl ::std::ops::Deref for AddLogPayloadComponentId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<AddLogPayloadComponentId> for String {
    fn from(value: AddLogPayloadComponentId) -> Self {
        value.0
    }
}

impl TryFrom<String> for AddLogPayloadComponentId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for AddLogPayloadComponentId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for AddLogPayloadComponentId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for AddLogPayloadComponentId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for AddLogPayloadComponentId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The level of the log.
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
pub enum AddLogPayloadLevel {
    /// `ERROR`
    #[serde(rename = "ERROR")]
    Error,
    /// `WARN`
    #[serde(rename = "WARN")]
    Warn,
    /// `INFO`
    #[serde(rename = "INFO")]
    Info,
    /// `DEBUG`
    #[serde(rename = "DEBUG")]
    Debug,
}

impl AddLogPayloadLevel {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "ERROR",
            Self::Warn => "WARN",
            Self::Info => "INFO",
            Self::Debug => "DEBUG",
        }
    }
}

impl ::std::fmt::Display for AddLogPayloadLevel {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for AddLogPayloadLevel {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "ERROR" => Ok(Self::Error),
            "WARN" => Ok(Self::Warn),
            "INFO" => Ok(Self::Info),
            "DEBUG" => Ok(Self::Debug),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["ERROR", "WARN", "INFO", "DEBUG"],
                    ),
                )
            }
        }
    }
}

/// The message of the log.
///
/// Constraints:
///
/// - at most 1 character long
///
/// Example: `"The component is active"`
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
pub struct AddLogPayloadMessage(String);

impl AddLogPayloadMessage {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::max_length(value, 1)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for AddLogPayloadMessage {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<AddLogPayloadMessage> for String {
    fn from(value: AddLogPayloadMessage) -> Self {
        value.0
    }
}

impl TryFrom<String> for AddLogPayloadMessage {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for AddLogPayloadMessage {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for AddLogPayloadMessage {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for AddLogPayloadMessage {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for AddLogPayloadMessage {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// A payload that is a set of schemas.
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
pub struct AllOfPayloadSchema {
    /// The schemas that has to match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<PayloadSchema>>,
}

/// A payload that is any of the possible schemas.
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
pub struct AnyOfPayloadSchema {
    /// The possible schemas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<PayloadSchema>>,
}

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
    pub items: Option<Vec<PayloadSchema>>,
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

/// The `change_topology_payload` schema.
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
pub struct ChangeTopologyPayload {
    /// The type of action to do on the topology connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ChangeTopologyPayloadAction>,
    /// The identifier of the topology connection that has changed.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_id: Option<ChangeTopologyPayloadConnectionId>,
}

/// The type of action to do on the topology connection.
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
pub enum ChangeTopologyPayloadAction {
    /// `ENABLE`
    #[serde(rename = "ENABLE")]
    Enable,
    /// `DISABLE`
    #[serde(rename = "DISABLE")]
    Disable,
    /// `REMOVE`
    #[serde(rename = "REMOVE")]
    Remove,
}

impl ChangeTopologyPayloadAction {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enable => "ENABLE",
            Self::Disable => "DISABLE",
            Self::Remove => "REMOVE",
        }
    }
}

impl ::std::fmt::Display for ChangeTopologyPayloadAction {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ChangeTopologyPayloadAction {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "ENABLE" => Ok(Self::Enable),
            "DISABLE" => Ok(Self::Disable),
            "REMOVE" => Ok(Self::Remove),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["ENABLE", "DISABLE", "REMOVE"],
                    ),
                )
            }
        }
    }
}

/// The identifier of the topology connection that has changed.
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
pub struct ChangeTopologyPayloadConnectionId(String);

impl ChangeTopologyPayloadConnectionId {
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

impl ::std::ops::Deref for ChangeTopologyPayloadConnectionId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ChangeTopologyPayloadConnectionId> for String {
    fn from(value: ChangeTopologyPayloadConnectionId) -> Self {
        value.0
    }
}

impl TryFrom<String> for ChangeTopologyPayloadConnectionId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ChangeTopologyPayloadConnectionId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ChangeTopologyPayloadConnectionId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ChangeTopologyPayloadConnectionId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for ChangeTopologyPayloadConnectionId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
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
    /// Example: `"valawai/c0/voice_to_text/data/audio"`
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

/// The `components_page_payload` schema.
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
pub struct ComponentsPagePayload {
    /// The identifier of the query that this is the answer.
    ///
    /// Example: `"1elkjfg289"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    /// The number of components that satisfy the query.
    ///
    /// Examples: `5`, `10`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// The components that satisfy the query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<ComponentPayload>>,
}

/// The `connection_payload` schema.
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
pub struct ConnectionPayload {
    /// The identifier of the topology connection.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ConnectionPayloadId>,
    /// The epoch time, in seconds, when the connection has been created.
    ///
    /// Example: `"1709902001"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_timestamp: Option<i64>,
    /// The epoch time, in seconds, when the connection has been updated.
    ///
    /// Example: `"1709902001"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_timestamp: Option<i64>,
    /// The node that is the source of the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<NodePayload>,
    /// The node that is the target of the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<NodePayload>,
    /// This is 'true' if the connection is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

/// The identifier of the topology connection.
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
pub struct ConnectionPayloadId(String);

impl ConnectionPayloadId {
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

impl ::std::ops::Deref for ConnectionPayloadId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ConnectionPayloadId> for String {
    fn from(value: ConnectionPayloadId) -> Self {
        value.0
    }
}

impl TryFrom<String> for ConnectionPayloadId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ConnectionPayloadId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ConnectionPayloadId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ConnectionPayloadId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ConnectionPayloadId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `connections_page_payload` schema.
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
pub struct ConnectionsPagePayload {
    /// The identifier of the query that this is the answer.
    ///
    /// Example: `"1elkjfg289"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    /// The number of topology connections that satisfy the query.
    ///
    /// Examples: `5`, `10`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// The topology connections that satisfy the query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connections: Option<Vec<ConnectionPayload>>,
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

/// The `action` parameter of `valawai/c2/{name}/control/{action}`. The name of the action.
///
/// Constraints:
///
/// - matches the pattern `\w+`
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
pub struct ControlActionAction(String);

impl ControlActionAction {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "\\w+",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for ControlActionAction {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ControlActionAction> for String {
    fn from(value: ControlActionAction) -> Self {
        value.0
    }
}

impl TryFrom<String> for ControlActionAction {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ControlActionAction {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ControlActionAction {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ControlActionAction {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ControlActionAction {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `name` parameter of `valawai/c2/{name}/control/{action}`. The name of the component.
///
/// Constraints:
///
/// - matches the pattern `\w+`
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
pub struct ControlActionName(String);

impl ControlActionName {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "\\w+",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for ControlActionName {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<ControlActionName> for String {
    fn from(value: ControlActionName) -> Self {
        value.0
    }
}

impl TryFrom<String> for ControlActionName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for ControlActionName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for ControlActionName {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for ControlActionName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ControlActionName {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `create_connection_payload` schema.
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
pub struct CreateConnectionPayload {
    /// The node that is the source of the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<NodePayload>,
    /// The node that is the target of the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<NodePayload>,
    /// This is 'true' if the connection has to be enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
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

/// The information of a component that is involved in a message.
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
pub struct MinComponentPayload {
    /// The identifier of the component.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<MinComponentPayloadId>,
    /// The name of the component.
    ///
    /// Example: `"c0_voice_to_text"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The type level of the component in the VALAWAI.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ComponentType>,
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
pub struct MinComponentPayloadId(String);

impl MinComponentPayloadId {
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

impl ::std::ops::Deref for MinComponentPayloadId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<MinComponentPayloadId> for String {
    fn from(value: MinComponentPayloadId) -> Self {
        value.0
    }
}

impl TryFrom<String> for MinComponentPayloadId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for MinComponentPayloadId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for MinComponentPayloadId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for MinComponentPayloadId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for MinComponentPayloadId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `node_payload` schema.
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
pub struct NodePayload {
    /// The identifier of the component that the topology connection starts or ends.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_id: Option<NodePayloadComponentId>,
    /// The name of the channel of the component that do the connection.
    ///
    /// Example: `"valawai/c0/voice_to_text/data/audio"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_name: Option<String>,
}

/// The identifier of the component that the topology connection starts or ends.
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
pub struct NodePayloadComponentId(String);

impl NodePayloadComponentId {
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

impl ::std::ops::Deref for NodePayloadComponentId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<NodePayloadComponentId> for String {
    fn from(value: NodePayloadComponentId) -> Self {
        value.0
    }
}

impl TryFrom<String> for NodePayloadComponentId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for NodePayloadComponentId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for NodePayloadComponentId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for NodePayloadComponentId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for NodePayloadComponentId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
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

/// A payload that is one of the possible schemas.
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
pub struct OneOfPayloadSchema {
    /// The possible schemas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<PayloadSchema>>,
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
    /// `type` is `ONE_OF`.
    ///
    /// A payload that is one of the possible schemas.
    #[serde(rename = "ONE_OF")]
    OneOf(OneOfPayloadSchema),
    /// `type` is `ANY_OF`.
    ///
    /// A payload that is any of the possible schemas.
    #[serde(rename = "ANY_OF")]
    AnyOf(AnyOfPayloadSchema),
    /// `type` is `ALL_OF`.
    ///
    /// A payload that is a set of schemas.
    #[serde(rename = "ALL_OF")]
    AllOf(AllOfPayloadSchema),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for PayloadSchema {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        const TAGS: &[&str] = &[
            "BASIC",
            "ENUM",
            "OBJECT",
            "ARRAY",
            "CONST",
            "REF",
            "ONE_OF",
            "ANY_OF",
            "ALL_OF",
        ];
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
            "ONE_OF" => content.variant().map(Self::OneOf),
            "ANY_OF" => content.variant().map(Self::AnyOf),
            "ALL_OF" => content.variant().map(Self::AllOf),
            _ => Err(content.unknown(&tag, TAGS)),
        }
    }
}

/// The `query_components_payload` schema.
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
pub struct QueryComponentsPayload {
    /// The identifier of the query.
    ///
    /// Example: `"1elkjfg289"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The pattern to match the name or description of the components to return. If it is defined between / it is considered a PCRE regular expression.
    ///
    /// Examples: `"c0_voice_to_text"`, `"/.+voice.+/i"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The type to match the components to return. If it is defined between / it is considered a PCRE regular expression.
    ///
    /// Examples: `"C0"`, `"/C[1|2]/"`
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The order in witch the components has to be returned. It is form by the field names, separated by a comma, and each of it with the - prefix for descending order or + for ascending. By default is +since.
    ///
    /// Examples: `"type"`, `"-message,+type"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<QueryComponentsPayloadOrder>,
    /// The index of the first component to return.
    ///
    /// Examples: `1`, `7`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// The maximum number of components to return.
    ///
    /// Examples: `5`, `10`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<QueryComponentsPayloadLimit>,
}

/// The maximum number of components to return.
///
/// Constraints:
///
/// - at least 1
///
/// Examples: `5`, `10`
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
pub struct QueryComponentsPayloadLimit(u64);

impl QueryComponentsPayloadLimit {
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

impl ::std::ops::Deref for QueryComponentsPayloadLimit {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<QueryComponentsPayloadLimit> for u64 {
    fn from(value: QueryComponentsPayloadLimit) -> Self {
        value.0
    }
}

impl TryFrom<u64> for QueryComponentsPayloadLimit {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for QueryComponentsPayloadLimit {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for QueryComponentsPayloadLimit {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
    }
}

/// The order in witch the components has to be returned. It is form by the field names, separated by a comma, and each of it with the - prefix for descending order or + for ascending. By default is +since.
///
/// Constraints:
///
/// - matches the pattern `(,?[+|-]?[type|name|description|since])*`
///
/// Examples: `"type"`, `"-message,+type"`
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
pub struct QueryComponentsPayloadOrder(String);

impl QueryComponentsPayloadOrder {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "(,?[+|-]?[type|name|description|since])*",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for QueryComponentsPayloadOrder {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<QueryComponentsPayloadOrder> for String {
    fn from(value: QueryComponentsPayloadOrder) -> Self {
        value.0
    }
}

impl TryFrom<String> for QueryComponentsPayloadOrder {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for QueryComponentsPayloadOrder {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for QueryComponentsPayloadOrder {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for QueryComponentsPayloadOrder {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for QueryComponentsPayloadOrder {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `query_connections_payload` schema.
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
pub struct QueryConnectionsPayload {
    /// The identifier of the query.
    ///
    /// Example: `"1elkjfg289"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name to match the source channel of the topology connections to return. If it is defined between / it is considered a PCRE regular expression.
    ///
    /// Examples: `"voice_to_text"`, `"/.+voice.+/i"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_channel_name: Option<String>,
    /// The identifier to match the source component of the topology connections to return. If it is defined between / it is considered a PCRE regular expression.
    ///
    /// Examples: `"65c1f59ea4cb169f42f5edc4"`, `"/.+59ea.+/i"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_component_id: Option<String>,
    /// The name to match the target channel of the topology connections to return. If it is defined between / it is considered a PCRE regular expression.
    ///
    /// Examples: `"voice_to_text"`, `"/.+voice.+/i"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_channel_name: Option<String>,
    /// The identifier to match the target component of the topology connections to return. If it is defined between / it is considered a PCRE regular expression.
    ///
    /// Examples: `"65c1f59ea4cb169f42f5edc4"`, `"/.+59ea.+/i"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_component_id: Option<String>,
    /// The order in witch the topology connections has to be returned. It is form by the field names, separated by a comma, and each of it with the - prefix for descending order or + for ascending.By default is -updateTimestamp.
    ///
    /// Examples: `"enabled"`, `"-createTimestamp,+enabled"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<QueryConnectionsPayloadOrder>,
    /// The index of the first topology connection to return.
    ///
    /// Examples: `1`, `7`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// The maximum number of topology connections to return.
    ///
    /// Examples: `5`, `10`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<QueryConnectionsPayloadLimit>,
}

/// The maximum number of topology connections to return.
///
/// Constraints:
///
/// - at least 1
///
/// Examples: `5`, `10`
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
pub struct QueryConnectionsPayloadLimit(u64);

impl QueryConnectionsPayloadLimit {
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

impl ::std::ops::Deref for QueryConnectionsPayloadLimit {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<QueryConnectionsPayloadLimit> for u64 {
    fn from(value: QueryConnectionsPayloadLimit) -> Self {
        value.0
    }
}

impl TryFrom<u64> for QueryConnectionsPayloadLimit {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for QueryConnectionsPayloadLimit {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for QueryConnectionsPayloadLimit {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
    }
}

/// The order in witch the topology connections has to be returned. It is form by the field names, separated by a comma, and each of it with the - prefix for descending order or + for ascending.By default is -updateTimestamp.
///
/// Constraints:
///
/// - matches the pattern `(,?[+|-]?[createTimestamp|updateTimestamp|enabled|source.componentId|source.channelName|target.componentId|target.channelName])*`
///
/// Examples: `"enabled"`, `"-createTimestamp,+enabled"`
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
pub struct QueryConnectionsPayloadOrder(String);

impl QueryConnectionsPayloadOrder {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "(,?[+|-]?[createTimestamp|updateTimestamp|enabled|source.componentId|source.channelName|target.componentId|target.channelName])*",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for QueryConnectionsPayloadOrder {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<QueryConnectionsPayloadOrder> for String {
    fn from(value: QueryConnectionsPayloadOrder) -> Self {
        value.0
    }
}

impl TryFrom<String> for QueryConnectionsPayloadOrder {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for QueryConnectionsPayloadOrder {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for QueryConnectionsPayloadOrder {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for QueryConnectionsPayloadOrder {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for QueryConnectionsPayloadOrder {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
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
pub struct RegisterComponentPayload {
    /// The type of component.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<ComponentType>,
    /// The component name.
    ///
    /// Examples: `"c0_voice_to_text"`, `"c2_value_awarness_detector"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<RegisterComponentPayloadName>,
    /// the component version.
    ///
    /// Examples: `"1.0.0"`, `"1.7.2"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<RegisterComponentPayloadVersion>,
    /// The asyncapi specification in yaml.
    ///
    /// Example:
    ///
    /// ```json
    /// "asyncapi: 2.6.0\\ninfo:\\n  title: Service To test\\n  version: 1.5.0\\n  description: This service is in charge of processing user signups\\nchannels:\\n  valawai/test_input:\\n    subscribe:\\n      message:\\n        payload:\\n          type: object\\n          properties:\\n            content:\\n              type: string"
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asyncapi_yaml: Option<String>,
}

/// The component name.
///
/// Constraints:
///
/// - matches the pattern `c[0|1|2]_\\w+`
///
/// Examples: `"c0_voice_to_text"`, `"c2_value_awarness_detector"`
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
pub struct RegisterComponentPayloadName(String);

impl RegisterComponentPayloadName {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "c[0|1|2]_\\\\w+",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for RegisterComponentPayloadName {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<RegisterComponentPayloadName> for String {
    fn from(value: RegisterComponentPayloadName) -> Self {
        value.0
    }
}

impl TryFrom<String> for RegisterComponentPayloadName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for RegisterComponentPayloadName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for RegisterComponentPayloadName {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for RegisterComponentPayloadName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for RegisterComponentPayloadName {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// the component version.
///
/// Constraints:
///
/// - matches the pattern `\d+\.\d+\.\d+`
///
/// Examples: `"1.0.0"`, `"1.7.2"`
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
pub struct RegisterComponentPayloadVersion(String);

impl RegisterComponentPayloadVersion {
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

impl ::std::ops::Deref for RegisterComponentPayloadVersion {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<RegisterComponentPayloadVersion> for String {
    fn from(value: RegisterComponentPayloadVersion) -> Self {
        value.0
    }
}

impl TryFrom<String> for RegisterComponentPayloadVersion {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for RegisterComponentPayloadVersion {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for RegisterComponentPayloadVersion {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for RegisterComponentPayloadVersion {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for RegisterComponentPayloadVersion {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `name` parameter of `valawai/c{type}/{name}/control/registered`. The name of the component.
///
/// Constraints:
///
/// - matches the pattern `\w+`
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
pub struct RegisteredName(String);

impl RegisteredName {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "\\w+",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for RegisteredName {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<RegisteredName> for String {
    fn from(value: RegisteredName) -> Self {
        value.0
    }
}

impl TryFrom<String> for RegisteredName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for RegisteredName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for RegisteredName {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for RegisteredName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for RegisteredName {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `type` parameter of `valawai/c{type}/{name}/control/registered`. The identifeier of the component type.
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
pub enum RegisteredType {
    /// `0`
    #[serde(rename = "0")]
    V0,
    /// `1`
    #[serde(rename = "1")]
    V1,
    /// `2`
    #[serde(rename = "2")]
    V2,
}

impl RegisteredType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V0 => "0",
            Self::V1 => "1",
            Self::V2 => "2",
        }
    }
}

impl ::std::fmt::Display for RegisteredType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for RegisteredType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "0" => Ok(Self::V0),
            "1" => Ok(Self::V1),
            "2" => Ok(Self::V2),
            _ => Err(::valawai::__private::unknown_variant(value, &["0", "1", "2"])),
        }
    }
}

/// The `sent_message_payload` schema.
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
pub struct SentMessagePayload {
    /// The identifier of the topology connection that allows the message interchanging.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_id: Option<SentMessagePayloadConnectionId>,
    /// The source component that has sent the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<MinComponentPayload>,
    /// The target component that has received the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<MinComponentPayload>,
    /// The payload of the message that has been through the connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_payload: Option<::valawai::payload::JsonObject>,
    /// The epoch time, in seconds, when the message was sent.
    ///
    /// Example: `"1709902001"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
}

/// The identifier of the topology connection that allows the message interchanging.
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
pub struct SentMessagePayloadConnectionId(String);

impl SentMessagePayloadConnectionId {
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

impl ::std::ops::Deref for SentMessagePayloadConnectionId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<SentMessagePayloadConnectionId> for String {
    fn from(value: SentMessagePayloadConnectionId) -> Self {
        value.0
    }
}

impl TryFrom<String> for SentMessagePayloadConnectionId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for SentMessagePayloadConnectionId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for SentMessagePayloadConnectionId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for SentMessagePayloadConnectionId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for SentMessagePayloadConnectionId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The information necessary to unregister a component.
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
pub struct UnregisterComponentPayload {
    /// The identifeir of the component to unregister.
    ///
    /// Example: `"65c1f59ea4cb169f42f5edc4"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_id: Option<UnregisterComponentPayloadComponentId>,
}

/// The identifeir of the component to unregister.
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
pub struct UnregisterComponentPayloadComponentId(String);

impl UnregisterComponentPayloadComponentId {
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

impl ::std::ops::Deref for UnregisterComponentPayloadComponentId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<UnregisterComponentPayloadComponentId> for String {
    fn from(value: UnregisterComponentPayloadComponentId) -> Self {
        value.0
    }
}

impl TryFrom<String> for UnregisterComponentPayloadComponentId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for UnregisterComponentPayloadComponentId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for UnregisterComponentPayloadComponentId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for UnregisterComponentPayloadComponentId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for UnregisterComponentPayloadComponentId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// Decodes a message body into `RegisterComponentPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_register_component_payload(
    body: &[u8],
) -> ::std::result::Result<RegisterComponentPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `QueryComponentsPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_query_components_payload(
    body: &[u8],
) -> ::std::result::Result<QueryComponentsPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `UnregisterComponentPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_unregister_component_payload(
    body: &[u8],
) -> ::std::result::Result<UnregisterComponentPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `CreateConnectionPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_create_connection_payload(
    body: &[u8],
) -> ::std::result::Result<CreateConnectionPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `QueryConnectionsPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_query_connections_payload(
    body: &[u8],
) -> ::std::result::Result<QueryConnectionsPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `ChangeTopologyPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_change_topology_payload(
    body: &[u8],
) -> ::std::result::Result<ChangeTopologyPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `AddLogPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_add_log_payload(
    body: &[u8],
) -> ::std::result::Result<AddLogPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/component/register`
    ///
    /// The component receives `RegisterComponentPayload` here.
    pub const REGISTER: &str = "valawai/component/register";

    /// `valawai/component/query`
    ///
    /// The component receives `QueryComponentsPayload` here.
    pub const COMPONENT_QUERY: &str = "valawai/component/query";

    /// `valawai/component/page`
    ///
    /// The component sends `ComponentsPagePayload` here.
    pub const COMPONENT_PAGE: &str = "valawai/component/page";

    /// `valawai/component/unregister`
    ///
    /// The component receives `UnregisterComponentPayload` here.
    pub const UNREGISTER: &str = "valawai/component/unregister";

    /// `valawai/topology/create`
    ///
    /// The component receives `CreateConnectionPayload` here.
    pub const CREATE: &str = "valawai/topology/create";

    /// `valawai/topology/query`
    ///
    /// The component receives `QueryConnectionsPayload` here.
    pub const TOPOLOGY_QUERY: &str = "valawai/topology/query";

    /// `valawai/topology/page`
    ///
    /// The component sends `ConnectionsPagePayload` here.
    pub const TOPOLOGY_PAGE: &str = "valawai/topology/page";

    /// `valawai/topology/change`
    ///
    /// The component receives `ChangeTopologyPayload` here.
    pub const CHANGE: &str = "valawai/topology/change";

    /// `valawai/log/add`
    ///
    /// The component receives `AddLogPayload` here.
    pub const ADD: &str = "valawai/log/add";

    /// `valawai/c{type}/{name}/control/registered`
    ///
    /// The component sends `ComponentPayload` here.
    ///
    /// Parameters:
    ///
    /// - `type`: The identifeier of the component type.
    /// - `name`: The name of the component.
    pub fn registered(
        type_: &super::RegisteredType,
        name: &super::RegisteredName,
    ) -> ::std::string::String {
        ::std::format!("valawai/c{type_}/{name}/control/registered")
    }

    /// `valawai/c2/{name}/control/{action}`
    ///
    /// The component sends `SentMessagePayload` here.
    ///
    /// Parameters:
    ///
    /// - `name`: The name of the component.
    /// - `action`: The name of the action.
    pub fn control_action(
        name: &super::ControlActionName,
        action: &super::ControlActionAction,
    ) -> ::std::string::String {
        ::std::format!("valawai/c2/{name}/control/{action}")
    }
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
    /// Handles a message received on `valawai/component/register`.
    ///
    /// Used by the components to inform that it is present on the infratructure.
    fn register(
        &self,
        payload: RegisterComponentPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/component/query`.
    ///
    /// Used to obtain information about some components defined on VALAWAI.
    fn component_query(
        &self,
        payload: QueryComponentsPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/component/unregister`.
    ///
    /// Used by the components to inform that it leave the infratructure.
    fn unregister(
        &self,
        payload: UnregisterComponentPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/topology/create`.
    ///
    /// Used to create a connection between two components of the VALAWAI infrastructure.
    fn create(
        &self,
        payload: CreateConnectionPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/topology/query`.
    ///
    /// Used to obtain information about some topology defined on VALAWAI.
    fn topology_query(
        &self,
        payload: QueryConnectionsPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/topology/change`.
    ///
    /// Used by the components to inform of the changes that has to be done to the topology.
    fn change(
        &self,
        payload: ChangeTopologyPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/log/add`.
    ///
    /// Add a new log message to be stored.
    fn add(
        &self,
        payload: AddLogPayload,
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
    /// Publishes `payload` on `valawai/component/page`.
    ///
    /// Used to inform of the components found that satisfy the query.
    pub async fn component_page(
        &self,
        payload: &ComponentsPagePayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::COMPONENT_PAGE, payload).await
    }

    /// Publishes `payload` on `valawai/topology/page`.
    ///
    /// Used to inform of the topology connections found that satisfy the query.
    pub async fn topology_page(
        &self,
        payload: &ConnectionsPagePayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::TOPOLOGY_PAGE, payload).await
    }

    /// Publishes `payload` on `valawai/c{type}/{name}/control/registered`.
    ///
    /// Notify a component that it has been registered.
    pub async fn registered(
        &self,
        type_: &RegisteredType,
        name: &RegisteredName,
        payload: &ComponentPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(&channels::registered(type_, name), payload).await
    }

    /// Publishes `payload` on `valawai/c2/{name}/control/{action}`.
    ///
    /// Notify a C2 component of the message interchange between other non C2 components.
    pub async fn control_action(
        &self,
        name: &ControlActionName,
        action: &ControlActionAction,
        payload: &SentMessagePayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(&channels::control_action(name, action), payload).await
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
    /// `valawai/component/register`
    pub const REGISTER: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::REGISTER,
    );

    /// `valawai/component/query`
    pub const COMPONENT_QUERY: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::COMPONENT_QUERY,
    );

    /// `valawai/component/unregister`
    pub const UNREGISTER: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::UNREGISTER,
    );

    /// `valawai/topology/create`
    pub const CREATE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::CREATE,
    );

    /// `valawai/topology/query`
    pub const TOPOLOGY_QUERY: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::TOPOLOGY_QUERY,
    );

    /// `valawai/topology/change`
    pub const CHANGE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::CHANGE,
    );

    /// `valawai/log/add`
    pub const ADD: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ADD,
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
            receive::REGISTER.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_register_component_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: RegisterComponentPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::register(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::COMPONENT_QUERY.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_query_components_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: QueryComponentsPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::component_query(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::UNREGISTER.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_unregister_component_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: UnregisterComponentPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::unregister(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::CREATE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_create_connection_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: CreateConnectionPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::create(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::TOPOLOGY_QUERY.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_query_connections_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: QueryConnectionsPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::topology_query(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::CHANGE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_change_topology_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ChangeTopologyPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::change(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::ADD.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_add_log_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: AddLogPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::add(&*handlers, payload, ctx).await }
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
                receive "valawai/component/register"
                    register REGISTER (self::RegisterComponentPayload);
                receive "valawai/component/query"
                    component_query COMPONENT_QUERY (self::QueryComponentsPayload);
                send "valawai/component/page"
                    component_page;
                receive "valawai/component/unregister"
                    unregister UNREGISTER (self::UnregisterComponentPayload);
                receive "valawai/topology/create"
                    create CREATE (self::CreateConnectionPayload);
                receive "valawai/topology/query"
                    topology_query TOPOLOGY_QUERY (self::QueryConnectionsPayload);
                send "valawai/topology/page"
                    topology_page;
                receive "valawai/topology/change"
                    change CHANGE (self::ChangeTopologyPayload);
                receive "valawai/log/add"
                    add ADD (self::AddLogPayload);
                send "valawai/c{type}/{name}/control/registered"
                    registered;
                send "valawai/c2/{name}/control/{action}"
                    control_action;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

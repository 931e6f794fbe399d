/// The `local_copy` schema.
pub type LocalCopy = LocalCopy2;

/// The target of [`LocalCopy`].
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
pub struct LocalCopy2 {
    /// The `id` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The `channels` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<LocalCopy2ChannelsItem>>,
}

/// An item of [`LocalCopy2Channels`].
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
pub struct LocalCopy2ChannelsItem {
    /// The `name` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The `children` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<LocalCopy2ChannelsItem>>,
}

/// The payload of the `reading` message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct ReadingPayload {
    /// The `value` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The `unit` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

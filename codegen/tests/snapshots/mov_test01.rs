/// The payload of the `signedup` message.
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
pub struct SignedupPayload {
    /// Name of the user
    #[serde(rename = "displayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Email of the user
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

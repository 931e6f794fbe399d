/// Name of the user
pub type DisplayName = String;

/// The `UserSignedUpPayload` schema.
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
pub struct UserSignedUpPayload {
    /// Name of the user
    #[serde(rename = "displayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<DisplayName>,
    /// Email of the user
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The `tree` schema.
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
pub struct Tree {
    /// The `children` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<Tree>>,
    /// The `parent` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Box<Tree>>,
}

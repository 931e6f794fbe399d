/// The `parameters_payload` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct ParametersPayload {
    /// The `basic_type_integer` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_integer: Option<i64>,
    /// The `basic_type_number` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_number: Option<f64>,
    /// The `basic_type_boolean` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_boolean: Option<bool>,
    /// The `basic_type_string` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_type_string: Option<String>,
    /// The `enum_type` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enum_type: Option<ParametersPayloadEnumType>,
    /// The `array_type__with_integer` member.
    #[serde(
        rename = "array_type__with_integer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_integer: Option<Vec<i64>>,
    /// The `array_type__with_number` member.
    #[serde(
        rename = "array_type__with_number",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_number: Option<Vec<f64>>,
    /// The `array_type__with_boolean` member.
    #[serde(
        rename = "array_type__with_boolean",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_boolean: Option<Vec<bool>>,
    /// The `array_type__with_string` member.
    #[serde(
        rename = "array_type__with_string",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_string: Option<Vec<String>>,
    /// The `array_type__with_enum` member.
    #[serde(
        rename = "array_type__with_enum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_enum: Option<Vec<ParametersPayloadArrayTypeWithEnumItem>>,
    /// The `array_type__with_object` member.
    #[serde(
        rename = "array_type__with_object",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub array_type_with_object: Option<Vec<ParametersPayloadArrayTypeWithObjectItem>>,
}

/// An item of [`ParametersPayloadArrayTypeWithEnum`].
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
pub enum ParametersPayloadArrayTypeWithEnumItem {
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

impl ParametersPayloadArrayTypeWithEnumItem {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1 => "1",
            Self::V2 => "2",
            Self::V3 => "3",
        }
    }
}

impl ::std::fmt::Display for ParametersPayloadArrayTypeWithEnumItem {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ParametersPayloadArrayTypeWithEnumItem {
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

/// An item of [`ParametersPayloadArrayTypeWithObject`].
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
pub struct ParametersPayloadArrayTypeWithObjectItem {
    /// The `field1` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field1: Option<i64>,
}

/// The `enum_type` member of [`ParametersPayload`].
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
pub enum ParametersPayloadEnumType {
    /// `A`
    A,
    /// `B`
    B,
    /// `C`
    C,
}

impl ParametersPayloadEnumType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
        }
    }
}

impl ::std::fmt::Display for ParametersPayloadEnumType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ParametersPayloadEnumType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "A" => Ok(Self::A),
            "B" => Ok(Self::B),
            "C" => Ok(Self::C),
            _ => Err(::valawai::__private::unknown_variant(value, &["A", "B", "C"])),
        }
    }
}

/// The `crab 🦀` schema.
pub type Crab = bool;

/// Named like the type parameter of `Deserialize::deserialize`.
///
/// Always `"d"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DType;

impl DType {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"d\"";
}

impl ::valawai::__private::serde::Serialize for DType {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            DType::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for DType {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            DType::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// The `Ok` schema.
///
/// Always `0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct OkType;

impl OkType {
    /// The value, as JSON text.
    pub const JSON: &'static str = "0";
}

impl ::valawai::__private::serde::Serialize for OkType {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            OkType::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for OkType {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            OkType::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// The `Option` schema.
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
pub struct OptionType {
    /// The `Some` member.
    #[serde(rename = "Some", default, skip_serializing_if = "Option::is_none")]
    pub some: Option<String>,
    /// The `None` member.
    #[serde(rename = "None", default, skip_serializing_if = "Option::is_none")]
    pub none: Option<String>,
}

/// The `Result` schema.
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
pub enum ResultType {
    /// `Ok`
    Ok,
    /// `Err`
    Err,
}

impl ResultType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "Ok",
            Self::Err => "Err",
        }
    }
}

impl ::std::fmt::Display for ResultType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for ResultType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "Ok" => Ok(Self::Ok),
            "Err" => Ok(Self::Err),
            _ => Err(::valawai::__private::unknown_variant(value, &["Ok", "Err"])),
        }
    }
}

/// Named like the type parameter of `Serialize::serialize`.
///
/// Constraints:
///
/// - matches the pattern `^s`
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
pub struct SType(String);

impl SType {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "^s",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for SType {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<SType> for String {
    fn from(value: SType) -> Self {
        value.0
    }
}

impl TryFrom<String> for SType {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for SType {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for SType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for SType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for SType {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `*/` schema.
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
pub enum Schema {
    /// `*/`
    #[serde(rename = "*/")]
    Value,
}

impl Schema {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Value => "*/",
        }
    }
}

impl ::std::fmt::Display for Schema {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for Schema {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "*/" => Ok(Self::Value),
            _ => Err(::valawai::__private::unknown_variant(value, &["*/"])),
        }
    }
}

/// A recursive schema named like a keyword.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct SelfSchema {
    /// A recursive schema named like a keyword.
    #[serde(
        rename = "Self",
        deserialize_with = "::valawai::__private::deserialize_nullable"
    )]
    pub self_: Option<Box<SelfSchema>>,
    /// The `children` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<SelfSchema2>>,
}

/// Collides with `self`; refers back to it.
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
pub struct SelfSchema2 {
    /// A recursive schema named like a keyword.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_: Option<SelfSchema>,
}

/// The `String` schema.
///
/// Constraints:
///
/// - at least 1 character long
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
pub struct StringType(String);

impl StringType {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::min_length(value, 1)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for StringType {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<StringType> for String {
    fn from(value: StringType) -> Self {
        value.0
    }
}

impl TryFrom<String> for StringType {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for StringType {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for StringType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for StringType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for StringType {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The */ type "#
///
/// */ panic!("out") /*
/// \```rust
/// fn main() { panic!() }
/// \```
/// indented: fn main() { panic!() }
/// \\u{202e}bidi\\u{202c} and \\u{0007} bell, a
/// carriage return, \<script\>alert(1)\</script\> \[link\](javascript:x) \\ backslash
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct Type {
    /// The tag */ "#
    #[serde(rename = "type")]
    pub type_: TypeType,
    /// The `self` member.
    ///
    /// Examples: `"*/"`, `"\"#\n}"`
    #[serde(rename = "self")]
    pub self_: i64,
    /// Collides with `self` after casing.
    #[serde(rename = "Self")]
    pub self_2: TypeSelfField,
    /// The `match` member.
    #[serde(rename = "match")]
    pub match_: bool,
    /// */ evil
    #[serde(rename = "*/", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<TypeField>,
    /// The `"#` member.
    ///
    /// Default: `"\"# */"`.
    #[serde(rename = "\"#", default, skip_serializing_if = "Option::is_none")]
    pub field_2: Option<String>,
    /// The `}` member.
    #[serde(
        rename = "}",
        deserialize_with = "::valawai::__private::deserialize_nullable"
    )]
    pub field_3: Option<String>,
    /// The `fooBar` member.
    #[serde(rename = "fooBar", default, skip_serializing_if = "Option::is_none")]
    pub foo_bar: Option<String>,
    /// The `foo_bar` member.
    #[serde(rename = "foo_bar", default, skip_serializing_if = "Option::is_none")]
    pub foo_bar_2: Option<String>,
    /// The `FOO-BAR` member.
    #[serde(rename = "FOO-BAR", default, skip_serializing_if = "Option::is_none")]
    pub foo_bar_3: Option<TypeFooBar>,
    /// The `🦀` member.
    #[serde(rename = "🦀", default, skip_serializing_if = "Option::is_none")]
    pub field_4: Option<f64>,
    /// The `名前` member.
    #[serde(rename = "名前", default, skip_serializing_if = "Option::is_none")]
    pub u540d_u524d: Option<String>,
    /// The `名字` member.
    #[serde(rename = "名字", default, skip_serializing_if = "Option::is_none")]
    pub u540d_u5b57: Option<String>,
    /// The `  ` member.
    #[serde(rename = "", default, skip_serializing_if = "Option::is_none")]
    pub field_5: Option<String>,
    /// The `r#type` member.
    #[serde(rename = "r#type", default, skip_serializing_if = "Option::is_none")]
    pub r_type: Option<String>,
    /// The `\n` member.
    #[serde(rename = "\n", default, skip_serializing_if = "Option::is_none")]
    pub field_6: Option<String>,
    /// Collides with `type` after casing. */
    #[serde(rename = "async", default, skip_serializing_if = "Option::is_none")]
    pub async_: Option<Type2>,
    /// The `nested` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nested: Option<TypeNested>,
    /// A recursive schema named like a keyword.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tree: Option<SelfSchema>,
}

/// Collides with `type` after casing. */
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
pub struct Type2 {
    /// The `Option` member.
    #[serde(rename = "Option", default, skip_serializing_if = "Option::is_none")]
    pub option: Option<OptionType>,
    /// The `String` member.
    #[serde(rename = "String", default, skip_serializing_if = "Option::is_none")]
    pub string: Option<StringType>,
    /// The `Result` member.
    #[serde(rename = "Result", default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ResultType>,
}

/// */ evil
///
/// Constraints:
///
/// - at most 3 characters long
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
pub struct TypeField(String);

impl TypeField {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::max_length(value, 3)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for TypeField {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<TypeField> for String {
    fn from(value: TypeField) -> Self {
        value.0
    }
}

impl TryFrom<String> for TypeField {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for TypeField {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for TypeField {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for TypeField {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for TypeField {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `FOO-BAR` member of [`Type`].
///
/// Constraints:
///
/// - at least -5
/// - at most 5
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
pub struct TypeFooBar(i64);

impl TypeFooBar {
    /// Checks a value against the constraints of the schema.
    fn check(value: i64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::minimum(value, -5)?;
        ::valawai::__private::check::maximum(value, 5)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl ::std::ops::Deref for TypeFooBar {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.0
    }
}

impl From<TypeFooBar> for i64 {
    fn from(value: TypeFooBar) -> Self {
        value.0
    }
}

impl TryFrom<i64> for TypeFooBar {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: i64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for TypeFooBar {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for TypeFooBar {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, i64, Self>(deserializer)
    }
}

/// The `nested` member of [`Type`].
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde", deny_unknown_fields)]
pub struct TypeNested {
    /// The `*/` member.
    #[serde(rename = "*/", default, skip_serializing_if = "Option::is_none")]
    pub field: Option<TypeNestedField>,
    /// The `crate` member.
    #[serde(rename = "crate", default, skip_serializing_if = "Option::is_none")]
    pub crate_: Option<(String, i64)>,
}

/// The `*/` member of [`TypeNested`].
///
/// Always `"*/ \"# }"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TypeNestedField;

impl TypeNestedField {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"*/ \\\"# }\"";
}

impl ::valawai::__private::serde::Serialize for TypeNestedField {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            TypeNestedField::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for TypeNestedField {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            TypeNestedField::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// Collides with `self` after casing.
///
/// Constraints:
///
/// - matches the pattern `^[^"#*/}]*$`
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
pub struct TypeSelfField(String);

impl TypeSelfField {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "^[^\"#*/}]*$",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for TypeSelfField {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<TypeSelfField> for String {
    fn from(value: TypeSelfField) -> Self {
        value.0
    }
}

impl TryFrom<String> for TypeSelfField {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for TypeSelfField {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for TypeSelfField {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for TypeSelfField {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for TypeSelfField {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The tag */ "#
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
pub enum TypeType {
    /// `*/`
    #[serde(rename = "*/")]
    Value,
    /// `"#`
    #[serde(rename = "\"#")]
    Value2,
    /// `}`
    #[serde(rename = "}")]
    Value3,
    /// `  `
    #[serde(rename = "")]
    Empty,
    /// `a b`
    #[serde(rename = "a b")]
    AB,
    /// `A_B`
    #[serde(rename = "A_B")]
    AB2,
    /// `a-b`
    #[serde(rename = "a-b")]
    AB3,
    /// `🦀`
    #[serde(rename = "🦀")]
    Value4,
    /// `名前`
    #[serde(rename = "名前")]
    U540dU524d,
    /// `Self`
    #[serde(rename = "Self")]
    SelfValue,
    /// `self`
    #[serde(rename = "self")]
    SelfValue2,
    /// `0`
    #[serde(rename = "0")]
    V0,
    /// `None`
    None,
    /// `\u{202e}`
    #[serde(rename = "\u{202e}")]
    Value5,
}

impl TypeType {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Value => "*/",
            Self::Value2 => "\"#",
            Self::Value3 => "}",
            Self::Empty => "",
            Self::AB => "a b",
            Self::AB2 => "A_B",
            Self::AB3 => "a-b",
            Self::Value4 => "🦀",
            Self::U540dU524d => "名前",
            Self::SelfValue => "Self",
            Self::SelfValue2 => "self",
            Self::V0 => "0",
            Self::None => "None",
            Self::Value5 => "\u{202e}",
        }
    }
}

impl ::std::fmt::Display for TypeType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for TypeType {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "*/" => Ok(Self::Value),
            "\"#" => Ok(Self::Value2),
            "}" => Ok(Self::Value3),
            "" => Ok(Self::Empty),
            "a b" => Ok(Self::AB),
            "A_B" => Ok(Self::AB2),
            "a-b" => Ok(Self::AB3),
            "🦀" => Ok(Self::Value4),
            "名前" => Ok(Self::U540dU524d),
            "Self" => Ok(Self::SelfValue),
            "self" => Ok(Self::SelfValue2),
            "0" => Ok(Self::V0),
            "None" => Ok(Self::None),
            "\u{202e}" => Ok(Self::Value5),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &[
                            "*/",
                            "\"#",
                            "}",
                            "",
                            "a b",
                            "A_B",
                            "a-b",
                            "🦀",
                            "名前",
                            "Self",
                            "self",
                            "0",
                            "None",
                            "\u{202e}",
                        ],
                    ),
                )
            }
        }
    }
}

/// The `名前` schema.
pub type U540dU524d = String;

/// Decodes a message body into `Type`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_type(body: &[u8]) -> ::std::result::Result<Type, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c1/hostile/control/registered`
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c1/hostile/control/registered";

    /// `valawai/c1/hostile/data/in`
    ///
    /// The component receives `Type` here.
    pub const IN: &str = "valawai/c1/hostile/data/in";

    /// `valawai/c1/hostile/data/out`
    ///
    /// The component sends `Vec<Type2>` here.
    pub const OUT: &str = "valawai/c1/hostile/data/out";
}

/// The component as the MOV registers it: `c1_hostile`, a C1 component.
///
/// Hostile */ spec "# } `1.0.0`
///
/// */ /* " # } {
/// second line
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c1_hostile",
    ::valawai::mov::protocol::ComponentType::C1,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/types/hostile.asyncapi.yaml"),
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
    /// Handles a message received on `valawai/c1/hostile/data/in`.
    fn in_(
        &self,
        payload: Type,
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
    /// Publishes `payload` on `valawai/c1/hostile/data/out`.
    ///
    /// A message named `*/`.
    pub async fn out(
        &self,
        payload: &[Type2],
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::OUT, payload).await
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
    /// `valawai/c1/hostile/data/in`
    pub const IN: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::IN,
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
            receive::IN.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_type,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Type, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::in_(&*handlers, payload, ctx).await }
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
                registered "valawai/c1/hostile/control/registered";
                receive "valawai/c1/hostile/data/in"
                    in_ IN (self::Type);
                send "valawai/c1/hostile/data/out"
                    out;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

/// The `a` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct A {
    /// The `x` member.
    pub x: i64,
}

/// A base schema with a discriminator.
///
/// The variant is named by the `species` member.
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", tag = "species")]
pub enum Animal {
    /// `species` is `cat`.
    #[serde(rename = "cat")]
    Cat(Cat),
    /// `species` is `dog`.
    #[serde(rename = "dog")]
    Dog(Dog),
    /// `species` is `fish`.
    #[serde(rename = "fish")]
    Fish(AnimalFish),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for Animal {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        const TAGS: &[&str] = &["cat", "dog", "fish"];
        let (tag, content) = ::valawai::__private::Tagged::read(
            deserializer,
            "a `Animal` object",
            "species",
            TAGS,
            false,
        )?;
        match tag.as_str() {
            "cat" => content.variant().map(Self::Cat),
            "dog" => content.variant().map(Self::Dog),
            "fish" => content.variant().map(Self::Fish),
            _ => Err(content.unknown(&tag, TAGS)),
        }
    }
}

/// The `fish` variant of [`Animal`].
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
pub struct AnimalFish {
    /// The `name` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<AnimalName>,
}

/// The `name` member of [`AnimalFish`].
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
pub struct AnimalName(String);

impl AnimalName {
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

impl ::std::ops::Deref for AnimalName {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<AnimalName> for String {
    fn from(value: AnimalName) -> Self {
        value.0
    }
}

impl TryFrom<String> for AnimalName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for AnimalName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for AnimalName {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for AnimalName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for AnimalName {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `b` schema.
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
pub struct B {
    /// The `y` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<BY>,
}

/// The `y` member of [`CheckedMerged`].
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
pub struct BY(String);

impl BY {
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

impl ::std::ops::Deref for BY {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<BY> for String {
    fn from(value: BY) -> Self {
        value.0
    }
}

impl TryFrom<String> for BY {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for BY {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for BY {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for BY {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for BY {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `cat` schema.
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
pub struct Cat {
    /// The `name` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<AnimalName>,
    /// The `lives` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lives: Option<CatLives>,
}

/// The `lives` member of [`Cat`].
///
/// Constraints:
///
/// - at most 9
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
pub struct CatLives(i64);

impl CatLives {
    /// Checks a value against the constraints of the schema.
    fn check(value: i64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::maximum(value, 9)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl ::std::ops::Deref for CatLives {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.0
    }
}

impl From<CatLives> for i64 {
    fn from(value: CatLives) -> Self {
        value.0
    }
}

impl TryFrom<i64> for CatLives {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: i64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for CatLives {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CatLives {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, i64, Self>(deserializer)
    }
}

/// A payload with one constrained property per rule.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde", deny_unknown_fields)]
pub struct Checked {
    /// The `id` member.
    pub id: CheckedId,
    /// The `name` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<CheckedName>,
    /// The `count` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<CheckedCount>,
    /// The `ratio` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<CheckedRatio>,
    /// The `step` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<CheckedStep>,
    /// The `tags` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<CheckedTags>,
    /// The `level` member.
    pub level: CheckedLevel,
    /// The `code` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CheckedCode>,
    /// The `kind` member.
    pub kind: CheckedKind,
    /// Required, but may be null.
    #[serde(deserialize_with = "::valawai::__private::deserialize_nullable")]
    pub note: Option<String>,
    /// The `parent` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The `pair` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<(String, i64)>,
    /// The `labels` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<::std::collections::BTreeMap<String, u64>>,
    /// A union whose alternatives each fix `kind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<Shape>,
    /// The `either` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub either: Option<CheckedEither>,
    /// The `mixed` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mixed: Option<CheckedMixed>,
    /// The `measure` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<CheckedMeasure>,
    /// Untagged; the alternative with a required member is tried first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<CheckedContact>,
    /// The `merged` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged: Option<CheckedMerged>,
    /// The `animals` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animals: Option<Vec<Animal>>,
}

/// The `code` member of [`Checked`].
///
/// Constraints:
///
/// - one of `1`, `2`, `3`
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
pub struct CheckedCode(i64);

impl CheckedCode {
    /// Checks a value against the constraints of the schema.
    fn check(value: i64) -> Result<(), ::valawai::payload::ConstraintError> {
        static ALLOWED: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            "[1,2,3]",
        );
        ::valawai::__private::check::enum_values(&value, &ALLOWED)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl ::std::ops::Deref for CheckedCode {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.0
    }
}

impl From<CheckedCode> for i64 {
    fn from(value: CheckedCode) -> Self {
        value.0
    }
}

impl TryFrom<i64> for CheckedCode {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: i64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for CheckedCode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedCode {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, i64, Self>(deserializer)
    }
}

/// Untagged; the alternative with a required member is tried first.
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum CheckedContact {
    /// The `email` alternative of [`CheckedContact`].
    Email(CheckedContactEmail),
    /// The `note` alternative of [`CheckedContact`].
    Note(CheckedContactNote),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedContact {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        let mut input = ::valawai::__private::Untagged::read(deserializer)?;
        if let Some(value) = input.attempt("Email") {
            return Ok(Self::Email(value));
        }
        if let Some(value) = input.attempt("Note") {
            return Ok(Self::Note(value));
        }
        Err(input.fail("CheckedContact"))
    }
}

/// email
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct CheckedContactEmail {
    /// The `email` member.
    pub email: String,
}

/// note
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
pub struct CheckedContactNote {
    /// The `note` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The `count` member of [`Checked`].
///
/// Constraints:
///
/// - at least 1
/// - at most 10
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
pub struct CheckedCount(u64);

impl CheckedCount {
    /// Checks a value against the constraints of the schema.
    fn check(value: u64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::minimum(value, 1)?;
        ::valawai::__private::check::maximum(value, 10)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl ::std::ops::Deref for CheckedCount {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<CheckedCount> for u64 {
    fn from(value: CheckedCount) -> Self {
        value.0
    }
}

impl TryFrom<u64> for CheckedCount {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for CheckedCount {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedCount {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
    }
}

/// The `either` member of [`Checked`].
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum CheckedEither {
    /// Alternative 1 of [`CheckedEither`].
    Integer(i64),
    /// Alternative 2 of [`CheckedEither`].
    String(CheckedEitherString),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedEither {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        let mut input = ::valawai::__private::Untagged::read(deserializer)?;
        if let Some(value) = input.attempt("Integer") {
            return Ok(Self::Integer(value));
        }
        if let Some(value) = input.attempt("String") {
            return Ok(Self::String(value));
        }
        Err(input.fail("CheckedEither"))
    }
}

/// Alternative 2 of [`CheckedEither`].
///
/// Constraints:
///
/// - at most 2 characters long
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
pub struct CheckedEitherString(String);

impl CheckedEitherString {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::max_length(value, 2)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for CheckedEitherString {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<CheckedEitherString> for String {
    fn from(value: CheckedEitherString) -> Self {
        value.0
    }
}

impl TryFrom<String> for CheckedEitherString {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for CheckedEitherString {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for CheckedEitherString {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for CheckedEitherString {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedEitherString {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `id` member of [`Checked`].
///
/// Constraints:
///
/// - matches the pattern `^[0-9a-f]{4}$`
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
pub struct CheckedId(String);

impl CheckedId {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        static PATTERN_0: ::valawai::__private::Pattern = ::valawai::__private::Pattern::new(
            "^[0-9a-f]{4}$",
        );
        PATTERN_0.check(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for CheckedId {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<CheckedId> for String {
    fn from(value: CheckedId) -> Self {
        value.0
    }
}

impl TryFrom<String> for CheckedId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for CheckedId {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for CheckedId {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for CheckedId {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedId {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `kind` member of [`Checked`].
///
/// Always `"checked"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CheckedKind;

impl CheckedKind {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"checked\"";
}

impl ::valawai::__private::serde::Serialize for CheckedKind {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            CheckedKind::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedKind {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            CheckedKind::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// The `level` member of [`Checked`].
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
pub enum CheckedLevel {
    /// `low`
    #[serde(rename = "low")]
    Low,
    /// `high`
    #[serde(rename = "high")]
    High,
}

impl CheckedLevel {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::High => "high",
        }
    }
}

impl ::std::fmt::Display for CheckedLevel {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for CheckedLevel {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "low" => Ok(Self::Low),
            "high" => Ok(Self::High),
            _ => Err(::valawai::__private::unknown_variant(value, &["low", "high"])),
        }
    }
}

/// The `measure` member of [`Checked`].
#[derive(Debug, Clone, PartialEq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum CheckedMeasure {
    /// The integer form of [`CheckedMeasure`].
    Integer(i64),
    /// The number form of [`CheckedMeasure`].
    Number(f64),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedMeasure {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        let mut input = ::valawai::__private::Untagged::read(deserializer)?;
        if let Some(value) = input.attempt("Integer") {
            return Ok(Self::Integer(value));
        }
        if let Some(value) = input.attempt("Number") {
            return Ok(Self::Number(value));
        }
        Err(input.fail("CheckedMeasure"))
    }
}

/// The `merged` member of [`Checked`].
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct CheckedMerged {
    /// The `x` member.
    pub x: i64,
    /// The `y` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<BY>,
}

/// The `mixed` member of [`Checked`].
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum CheckedMixed {
    /// The integer form of [`CheckedMixed`].
    Integer(i64),
    /// The string form of [`CheckedMixed`].
    String(String),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedMixed {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        let mut input = ::valawai::__private::Untagged::read(deserializer)?;
        if let Some(value) = input.attempt("Integer") {
            return Ok(Self::Integer(value));
        }
        if let Some(value) = input.attempt("String") {
            return Ok(Self::String(value));
        }
        Err(input.fail("CheckedMixed"))
    }
}

/// The `name` member of [`Checked`].
///
/// Constraints:
///
/// - at least 2 characters long
/// - at most 5 characters long
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
pub struct CheckedName(String);

impl CheckedName {
    /// Checks a value against the constraints of the schema.
    fn check(value: &str) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::min_length(value, 2)?;
        ::valawai::__private::check::max_length(value, 5)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl ::std::ops::Deref for CheckedName {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

impl From<CheckedName> for String {
    fn from(value: CheckedName) -> Self {
        value.0
    }
}

impl TryFrom<String> for CheckedName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: String) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl TryFrom<&str> for CheckedName {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value.to_owned())
    }
}

impl ::std::str::FromStr for CheckedName {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::try_from(value)
    }
}

impl ::std::fmt::Display for CheckedName {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedName {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, String, Self>(deserializer)
    }
}

/// The `ratio` member of [`Checked`].
///
/// Constraints:
///
/// - greater than 0
/// - less than 1
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    PartialOrd,
    ::valawai::__private::serde::Serialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct CheckedRatio(f64);

impl CheckedRatio {
    /// Checks a value against the constraints of the schema.
    fn check(value: f64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::exclusive_minimum(value, 0.0)?;
        ::valawai::__private::check::exclusive_maximum(value, 1.0)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl ::std::ops::Deref for CheckedRatio {
    type Target = f64;

    fn deref(&self) -> &f64 {
        &self.0
    }
}

impl From<CheckedRatio> for f64 {
    fn from(value: CheckedRatio) -> Self {
        value.0
    }
}

impl TryFrom<f64> for CheckedRatio {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: f64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for CheckedRatio {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedRatio {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, f64, Self>(deserializer)
    }
}

/// The `step` member of [`Checked`].
///
/// Constraints:
///
/// - a multiple of 5
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
pub struct CheckedStep(i64);

impl CheckedStep {
    /// Checks a value against the constraints of the schema.
    fn check(value: i64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::multiple_of_integer(i128::from(value), 5)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl ::std::ops::Deref for CheckedStep {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.0
    }
}

impl From<CheckedStep> for i64 {
    fn from(value: CheckedStep) -> Self {
        value.0
    }
}

impl TryFrom<i64> for CheckedStep {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: i64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for CheckedStep {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedStep {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, i64, Self>(deserializer)
    }
}

/// The `tags` member of [`Checked`].
///
/// Constraints:
///
/// - at least 1 item
/// - at most 3 items
/// - no item repeated
#[derive(Debug, Clone, PartialEq, Eq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct CheckedTags(Vec<String>);

impl CheckedTags {
    /// Checks a value against the constraints of the schema.
    fn check(value: &[String]) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::min_items(value, 1)?;
        ::valawai::__private::check::max_items(value, 3)?;
        ::valawai::__private::check::unique_items(value)?;
        Ok(())
    }

    /// The value.
    pub fn into_inner(self) -> Vec<String> {
        self.0
    }
}

impl ::std::ops::Deref for CheckedTags {
    type Target = Vec<String>;

    fn deref(&self) -> &Vec<String> {
        &self.0
    }
}

impl From<CheckedTags> for Vec<String> {
    fn from(value: CheckedTags) -> Self {
        value.0
    }
}

impl TryFrom<Vec<String>> for CheckedTags {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(
        value: Vec<String>,
    ) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(&value)?;
        Ok(Self(value))
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for CheckedTags {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, Vec<String>, Self>(deserializer)
    }
}

/// The `dog` schema.
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
pub struct Dog {
    /// The `name` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<AnimalName>,
    /// The `friends` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friends: Option<Vec<Animal>>,
}

/// An integer of each Rust type the generator writes (u64, i64, i32, bounded), in a list
/// and as the other members, for JSON Schema's integers: any number without a fractional
/// part, within the type's range.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct Numbers {
    /// The `unsigned` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsigned: Option<u64>,
    /// The `signed` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<i64>,
    /// The `small` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small: Option<i32>,
    /// The `bounded` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounded: Option<NumbersBounded>,
    /// The `list` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<Vec<i64>>,
    /// The `ratio` member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
    /// The other members.
    #[serde(flatten, deserialize_with = "::valawai::__private::deserialize_wire")]
    pub extra: ::std::collections::BTreeMap<String, i64>,
}

/// The `bounded` member of [`Numbers`].
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
pub struct NumbersBounded(i64);

impl NumbersBounded {
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

impl ::std::ops::Deref for NumbersBounded {
    type Target = i64;

    fn deref(&self) -> &i64 {
        &self.0
    }
}

impl From<NumbersBounded> for i64 {
    fn from(value: NumbersBounded) -> Self {
        value.0
    }
}

impl TryFrom<i64> for NumbersBounded {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: i64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for NumbersBounded {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for NumbersBounded {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, i64, Self>(deserializer)
    }
}

/// A union whose alternatives each fix `kind`.
#[derive(Debug, Clone, PartialEq, ::valawai::__private::serde::Serialize)]
#[serde(crate = "::valawai::__private::serde", untagged)]
pub enum Shape {
    /// `kind` is `circle`.
    Circle(ShapeCircle),
    /// `kind` is `square`.
    Square(ShapeSquare),
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for Shape {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        const TAGS: &[&str] = &["circle", "square"];
        let (tag, content) = ::valawai::__private::Tagged::read(
            deserializer,
            "a `Shape` object",
            "kind",
            TAGS,
            true,
        )?;
        match tag.as_str() {
            "circle" => content.variant().map(Self::Circle),
            "square" => content.variant().map(Self::Square),
            _ => Err(content.unknown(&tag, TAGS)),
        }
    }
}

/// The `circle` variant of [`Shape`].
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct ShapeCircle {
    /// The `kind` member.
    pub kind: ShapeCircleKind,
    /// The `radius` member.
    pub radius: ShapeCircleRadius,
}

/// The `kind` member of [`ShapeCircle`].
///
/// Always `"circle"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ShapeCircleKind;

impl ShapeCircleKind {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"circle\"";
}

impl ::valawai::__private::serde::Serialize for ShapeCircleKind {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            ShapeCircleKind::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ShapeCircleKind {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            ShapeCircleKind::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// The `radius` member of [`ShapeCircle`].
///
/// Constraints:
///
/// - at least 0
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    PartialOrd,
    ::valawai::__private::serde::Serialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct ShapeCircleRadius(f64);

impl ShapeCircleRadius {
    /// Checks a value against the constraints of the schema.
    fn check(value: f64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::minimum(value, 0.0)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl ::std::ops::Deref for ShapeCircleRadius {
    type Target = f64;

    fn deref(&self) -> &f64 {
        &self.0
    }
}

impl From<ShapeCircleRadius> for f64 {
    fn from(value: ShapeCircleRadius) -> Self {
        value.0
    }
}

impl TryFrom<f64> for ShapeCircleRadius {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: f64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for ShapeCircleRadius {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ShapeCircleRadius {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, f64, Self>(deserializer)
    }
}

/// The `square` variant of [`Shape`].
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct ShapeSquare {
    /// The `kind` member.
    pub kind: ShapeSquareKind,
    /// The `side` member.
    pub side: f64,
}

/// The `kind` member of [`ShapeSquare`].
///
/// Always `"square"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ShapeSquareKind;

impl ShapeSquareKind {
    /// The value, as JSON text.
    pub const JSON: &'static str = "\"square\"";
}

impl ::valawai::__private::serde::Serialize for ShapeSquareKind {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: ::valawai::__private::serde::Serializer,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            ShapeSquareKind::JSON,
        );
        ::valawai::__private::serialize_const(&VALUE, serializer)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de> for ShapeSquareKind {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        static VALUE: ::valawai::__private::JsonLiteral = ::valawai::__private::JsonLiteral::new(
            ShapeSquareKind::JSON,
        );
        ::valawai::__private::deserialize_const(&VALUE, deserializer).map(|()| Self)
    }
}

/// Decodes a message body into `Checked`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_checked(
    body: &[u8],
) -> ::std::result::Result<Checked, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `Numbers`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_numbers(
    body: &[u8],
) -> ::std::result::Result<Numbers, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c1/constraints/data/checked`
    ///
    /// The component receives `Checked` here.
    pub const CHECKED: &str = "valawai/c1/constraints/data/checked";

    /// `valawai/c1/constraints/data/numbers`
    ///
    /// The component receives `Numbers` here.
    pub const NUMBERS: &str = "valawai/c1/constraints/data/numbers";
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
    /// Handles a message received on `valawai/c1/constraints/data/checked`.
    fn checked(
        &self,
        payload: Checked,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c1/constraints/data/numbers`.
    fn numbers(
        &self,
        payload: Numbers,
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
    /// `valawai/c1/constraints/data/checked`
    pub const CHECKED: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::CHECKED,
    );

    /// `valawai/c1/constraints/data/numbers`
    pub const NUMBERS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::NUMBERS,
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
            receive::CHECKED.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_checked,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Checked, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::checked(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::NUMBERS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_numbers,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Numbers, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::numbers(&*handlers, payload, ctx).await }
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
                receive "valawai/c1/constraints/data/checked"
                    checked CHECKED (self::Checked);
                receive "valawai/c1/constraints/data/numbers"
                    numbers NUMBERS (self::Numbers);
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

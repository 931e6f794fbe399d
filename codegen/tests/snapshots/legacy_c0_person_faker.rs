/// The current status of this component
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
pub struct ComponentStatus {
    /// If it is true this component is enabled, or false if it is disabled.
    ///
    /// Example: `false`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The frequency that this component will generate a new person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Rate>,
}

/// The `person` schema.
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
pub struct Person {
    /// A name of a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<PersonName>,
    /// The possible genders of a person
    ///
    /// Example: `"Female"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<PersonGender>,
    /// The age of the person.
    ///
    /// Example: `43`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
}

/// The possible genders of a person
///
/// Example: `"Female"`
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
pub enum PersonGender {
    /// `Female`
    Female,
    /// `Male`
    Male,
    /// `Non-binary`
    #[serde(rename = "Non-binary")]
    NonBinary,
}

impl PersonGender {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "Female",
            Self::Male => "Male",
            Self::NonBinary => "Non-binary",
        }
    }
}

impl ::std::fmt::Display for PersonGender {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PersonGender {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "Female" => Ok(Self::Female),
            "Male" => Ok(Self::Male),
            "Non-binary" => Ok(Self::NonBinary),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["Female", "Male", "Non-binary"],
                    ),
                )
            }
        }
    }
}

/// A name of a person.
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
pub struct PersonName {
    /// The prefix of the name such as Mr., Mrs., Ms., Miss, or Dr.
    ///
    /// Example: `"Dr."`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The first name (also known as a given name, forename or Christian name) is part of a person's name.
    ///
    /// Example: `"Abbey"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// The portion of a personal name that is written between the person's first name (given) and their last name (surname).
    ///
    /// Example: `"Fitzgerald"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    /// The last name (surname or family name) is the portion (in some cultures) of a personal name that indicates a person's family (or tribe or community, depending on the culture).
    ///
    /// Example: `"Smith"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// The suffix of the name such as Jr., Sr., I, II, III, IV, V, MD, DDS, PhD or DVM.
    ///
    /// Example: `"Jr."`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// The full name of the person.
    ///
    /// Example: `"Dr. Abbey Fitzgerald Smith Jr."`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
}

/// The frequency that this component will generate a new person.
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
pub struct Rate {
    /// the number of units for the sample rating
    ///
    /// Example: `5`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
    /// The possible unit for a time
    ///
    /// Example: `"SECONDS"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<TimeUnit>,
}

/// The `sampleRate` schema.
pub type SampleRate = Rate;

/// The possible unit for a time
///
/// Example: `"SECONDS"`
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
pub enum TimeUnit {
    /// `MILLISECONDS`
    #[serde(rename = "MILLISECONDS")]
    Milliseconds,
    /// `SECONDS`
    #[serde(rename = "SECONDS")]
    Seconds,
    /// `MINUTES`
    #[serde(rename = "MINUTES")]
    Minutes,
    /// `HOURS`
    #[serde(rename = "HOURS")]
    Hours,
    /// `DAYS`
    #[serde(rename = "DAYS")]
    Days,
}

impl TimeUnit {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Milliseconds => "MILLISECONDS",
            Self::Seconds => "SECONDS",
            Self::Minutes => "MINUTES",
            Self::Hours => "HOURS",
            Self::Days => "DAYS",
        }
    }
}

impl ::std::fmt::Display for TimeUnit {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for TimeUnit {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "MILLISECONDS" => Ok(Self::Milliseconds),
            "SECONDS" => Ok(Self::Seconds),
            "MINUTES" => Ok(Self::Minutes),
            "HOURS" => Ok(Self::Hours),
            "DAYS" => Ok(Self::Days),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"],
                    ),
                )
            }
        }
    }
}

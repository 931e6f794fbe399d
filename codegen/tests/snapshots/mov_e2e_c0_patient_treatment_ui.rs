/// Describe the status of a patient using some criteria.
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
pub struct PatientStatusCriteriaPayload {
    /// The range of age of the patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_range: Option<PatientStatusCriteriaPayloadAgeRange>,
    /// Check if the patient status has a Complex Cronic Disease (CCD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ccd: Option<bool>,
    /// A MACA patient status has answered no to the question: Would you be surprised if this patient died in less than 12 months?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maca: Option<bool>,
    /// The expected survival time for the patient status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_survival: Option<PatientStatusCriteriaPayloadExpectedSurvival>,
    /// The fragility index of the patient status.
    #[serde(rename = "frail_VIG", default, skip_serializing_if = "Option::is_none")]
    pub frail_vig: Option<PatientStatusCriteriaPayloadFrailVig>,
    /// The clinical risk group of the patient status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_risk_group: Option<PatientStatusCriteriaPayloadClinicalRiskGroup>,
    /// Check if the patient status has social support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_social_support: Option<bool>,
    /// The clinical risk group of the patient status.
    /// * 'TOTAL'  When the functional independence is between 0 and 20%.
    /// * 'SEVERE' When the functional independence is between 21 and 60%.
    /// * 'MODERATE' When the functional independence is between 61 and 90%.
    /// * 'MILD' When the functional independence is between 91 and 99%.
    /// * 'INDEPENDENT' When the functional independence is 100%.
    /// * 'UNKNOWN' When the functional independence is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independence_at_admission: Option<
        PatientStatusCriteriaPayloadIndependenceAtAdmission,
    >,
    /// The index that measures the independence for instrumental activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independence_instrumental_activities: Option<
        PatientStatusCriteriaPayloadIndependenceInstrumentalActivities,
    >,
    /// The answers to the question: Does the patient status have advance directives?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_advance_directives: Option<bool>,
    /// The answers to the question: Is the patient status competent to understand the instructions of health personnel?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_competent: Option<bool>,
    /// The answers to the question: To the patient status or his/her referent authorized has been informed of possible treatments and the consequences of receiving it or No.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_been_informed: Option<bool>,
    /// The answers to the question: Is it detected that the patient status has seen coerced/pressured by third parties?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_coerced: Option<bool>,
    /// Inform if the patient status has cognitive impairment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_cognitive_impairment: Option<
        PatientStatusCriteriaPayloadHasCognitiveImpairment,
    >,
    /// Inform if the patient status has emotional pain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_emocional_pain: Option<bool>,
    /// Describe the degree of discomfort of the patient status before applying any action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discomfort_degree: Option<PatientStatusCriteriaPayloadDiscomfortDegree>,
    /// Describe the level of therapeutic intensity of the patient.
    /// * 'ONE' It includes all possible measures to prolong survival
    /// * 'TWO_A' Includes all possible measures except CPR.
    /// * 'TWO_B' Includes all possible measures except CPR and ICU.
    /// * 'THREE' Includes complementary scans and non-invasive treatments.
    /// * 'FOUR' It includes empiric symptomatic treatments according to clinical suspicion, which can be agreed as temporary.
    /// * 'FIVE'  No complementary examinations or etiological treatments are carried out, only treatments for comfort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nit_level: Option<PatientStatusCriteriaPayloadNitLevel>,
}

/// The range of age of the patient.
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
#[allow(clippy::enum_variant_names)]
pub enum PatientStatusCriteriaPayloadAgeRange {
    /// `AGE_BETWEEN_0_AND_19`
    #[serde(rename = "AGE_BETWEEN_0_AND_19")]
    AgeBetween0And19,
    /// `AGE_BETWEEN_20_AND_29`
    #[serde(rename = "AGE_BETWEEN_20_AND_29")]
    AgeBetween20And29,
    /// `AGE_BETWEEN_30_AND_39`
    #[serde(rename = "AGE_BETWEEN_30_AND_39")]
    AgeBetween30And39,
    /// `AGE_BETWEEN_40_AND_49`
    #[serde(rename = "AGE_BETWEEN_40_AND_49")]
    AgeBetween40And49,
    /// `AGE_BETWEEN_50_AND_59`
    #[serde(rename = "AGE_BETWEEN_50_AND_59")]
    AgeBetween50And59,
    /// `AGE_BETWEEN_60_AND_69`
    #[serde(rename = "AGE_BETWEEN_60_AND_69")]
    AgeBetween60And69,
    /// `AGE_BETWEEN_70_AND_79`
    #[serde(rename = "AGE_BETWEEN_70_AND_79")]
    AgeBetween70And79,
    /// `AGE_BETWEEN_80_AND_89`
    #[serde(rename = "AGE_BETWEEN_80_AND_89")]
    AgeBetween80And89,
    /// `AGE_BETWEEN_90_AND_99`
    #[serde(rename = "AGE_BETWEEN_90_AND_99")]
    AgeBetween90And99,
    /// `AGE_MORE_THAN_99`
    #[serde(rename = "AGE_MORE_THAN_99")]
    AgeMoreThan99,
}

impl PatientStatusCriteriaPayloadAgeRange {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AgeBetween0And19 => "AGE_BETWEEN_0_AND_19",
            Self::AgeBetween20And29 => "AGE_BETWEEN_20_AND_29",
            Self::AgeBetween30And39 => "AGE_BETWEEN_30_AND_39",
            Self::AgeBetween40And49 => "AGE_BETWEEN_40_AND_49",
            Self::AgeBetween50And59 => "AGE_BETWEEN_50_AND_59",
            Self::AgeBetween60And69 => "AGE_BETWEEN_60_AND_69",
            Self::AgeBetween70And79 => "AGE_BETWEEN_70_AND_79",
            Self::AgeBetween80And89 => "AGE_BETWEEN_80_AND_89",
            Self::AgeBetween90And99 => "AGE_BETWEEN_90_AND_99",
            Self::AgeMoreThan99 => "AGE_MORE_THAN_99",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadAgeRange {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadAgeRange {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "AGE_BETWEEN_0_AND_19" => Ok(Self::AgeBetween0And19),
            "AGE_BETWEEN_20_AND_29" => Ok(Self::AgeBetween20And29),
            "AGE_BETWEEN_30_AND_39" => Ok(Self::AgeBetween30And39),
            "AGE_BETWEEN_40_AND_49" => Ok(Self::AgeBetween40And49),
            "AGE_BETWEEN_50_AND_59" => Ok(Self::AgeBetween50And59),
            "AGE_BETWEEN_60_AND_69" => Ok(Self::AgeBetween60And69),
            "AGE_BETWEEN_70_AND_79" => Ok(Self::AgeBetween70And79),
            "AGE_BETWEEN_80_AND_89" => Ok(Self::AgeBetween80And89),
            "AGE_BETWEEN_90_AND_99" => Ok(Self::AgeBetween90And99),
            "AGE_MORE_THAN_99" => Ok(Self::AgeMoreThan99),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &[
                            "AGE_BETWEEN_0_AND_19",
                            "AGE_BETWEEN_20_AND_29",
                            "AGE_BETWEEN_30_AND_39",
                            "AGE_BETWEEN_40_AND_49",
                            "AGE_BETWEEN_50_AND_59",
                            "AGE_BETWEEN_60_AND_69",
                            "AGE_BETWEEN_70_AND_79",
                            "AGE_BETWEEN_80_AND_89",
                            "AGE_BETWEEN_90_AND_99",
                            "AGE_MORE_THAN_99",
                        ],
                    ),
                )
            }
        }
    }
}

/// The clinical risk group of the patient status.
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
pub enum PatientStatusCriteriaPayloadClinicalRiskGroup {
    /// `PROMOTION_AND_PREVENTION`
    #[serde(rename = "PROMOTION_AND_PREVENTION")]
    PromotionAndPrevention,
    /// `SELF_MANAGEMENT_SUPPORT`
    #[serde(rename = "SELF_MANAGEMENT_SUPPORT")]
    SelfManagementSupport,
    /// `ILLNESS_MANAGEMENT`
    #[serde(rename = "ILLNESS_MANAGEMENT")]
    IllnessManagement,
    /// `CASE_MANAGEMENT`
    #[serde(rename = "CASE_MANAGEMENT")]
    CaseManagement,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl PatientStatusCriteriaPayloadClinicalRiskGroup {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PromotionAndPrevention => "PROMOTION_AND_PREVENTION",
            Self::SelfManagementSupport => "SELF_MANAGEMENT_SUPPORT",
            Self::IllnessManagement => "ILLNESS_MANAGEMENT",
            Self::CaseManagement => "CASE_MANAGEMENT",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadClinicalRiskGroup {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadClinicalRiskGroup {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "PROMOTION_AND_PREVENTION" => Ok(Self::PromotionAndPrevention),
            "SELF_MANAGEMENT_SUPPORT" => Ok(Self::SelfManagementSupport),
            "ILLNESS_MANAGEMENT" => Ok(Self::IllnessManagement),
            "CASE_MANAGEMENT" => Ok(Self::CaseManagement),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &[
                            "PROMOTION_AND_PREVENTION",
                            "SELF_MANAGEMENT_SUPPORT",
                            "ILLNESS_MANAGEMENT",
                            "CASE_MANAGEMENT",
                            "UNKNOWN",
                        ],
                    ),
                )
            }
        }
    }
}

/// Describe the degree of discomfort of the patient status before applying any action.
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
pub enum PatientStatusCriteriaPayloadDiscomfortDegree {
    /// `LOW`
    #[serde(rename = "LOW")]
    Low,
    /// `MEDIUM`
    #[serde(rename = "MEDIUM")]
    Medium,
    /// `HIGH`
    #[serde(rename = "HIGH")]
    High,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl PatientStatusCriteriaPayloadDiscomfortDegree {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "LOW",
            Self::Medium => "MEDIUM",
            Self::High => "HIGH",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadDiscomfortDegree {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadDiscomfortDegree {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "LOW" => Ok(Self::Low),
            "MEDIUM" => Ok(Self::Medium),
            "HIGH" => Ok(Self::High),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["LOW", "MEDIUM", "HIGH", "UNKNOWN"],
                    ),
                )
            }
        }
    }
}

/// The expected survival time for the patient status.
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
pub enum PatientStatusCriteriaPayloadExpectedSurvival {
    /// `LESS_THAN_12_MONTHS`
    #[serde(rename = "LESS_THAN_12_MONTHS")]
    LessThan12Months,
    /// `MORE_THAN_12_MONTHS`
    #[serde(rename = "MORE_THAN_12_MONTHS")]
    MoreThan12Months,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl PatientStatusCriteriaPayloadExpectedSurvival {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LessThan12Months => "LESS_THAN_12_MONTHS",
            Self::MoreThan12Months => "MORE_THAN_12_MONTHS",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadExpectedSurvival {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadExpectedSurvival {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "LESS_THAN_12_MONTHS" => Ok(Self::LessThan12Months),
            "MORE_THAN_12_MONTHS" => Ok(Self::MoreThan12Months),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["LESS_THAN_12_MONTHS", "MORE_THAN_12_MONTHS", "UNKNOWN"],
                    ),
                )
            }
        }
    }
}

/// The fragility index of the patient status.
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
pub enum PatientStatusCriteriaPayloadFrailVig {
    /// `LOW`
    #[serde(rename = "LOW")]
    Low,
    /// `MODERATE`
    #[serde(rename = "MODERATE")]
    Moderate,
    /// `HIGH`
    #[serde(rename = "HIGH")]
    High,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl PatientStatusCriteriaPayloadFrailVig {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "LOW",
            Self::Moderate => "MODERATE",
            Self::High => "HIGH",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadFrailVig {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadFrailVig {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "LOW" => Ok(Self::Low),
            "MODERATE" => Ok(Self::Moderate),
            "HIGH" => Ok(Self::High),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["LOW", "MODERATE", "HIGH", "UNKNOWN"],
                    ),
                )
            }
        }
    }
}

/// Inform if the patient status has cognitive impairment.
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
pub enum PatientStatusCriteriaPayloadHasCognitiveImpairment {
    /// `ABSENT`
    #[serde(rename = "ABSENT")]
    Absent,
    /// `MILD_MODERATE`
    #[serde(rename = "MILD_MODERATE")]
    MildModerate,
    /// `SEVERE`
    #[serde(rename = "SEVERE")]
    Severe,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl PatientStatusCriteriaPayloadHasCognitiveImpairment {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Absent => "ABSENT",
            Self::MildModerate => "MILD_MODERATE",
            Self::Severe => "SEVERE",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadHasCognitiveImpairment {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadHasCognitiveImpairment {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "ABSENT" => Ok(Self::Absent),
            "MILD_MODERATE" => Ok(Self::MildModerate),
            "SEVERE" => Ok(Self::Severe),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["ABSENT", "MILD_MODERATE", "SEVERE", "UNKNOWN"],
                    ),
                )
            }
        }
    }
}

/// The clinical risk group of the patient status.
/// * 'TOTAL'  When the functional independence is between 0 and 20%.
/// * 'SEVERE' When the functional independence is between 21 and 60%.
/// * 'MODERATE' When the functional independence is between 61 and 90%.
/// * 'MILD' When the functional independence is between 91 and 99%.
/// * 'INDEPENDENT' When the functional independence is 100%.
/// * 'UNKNOWN' When the functional independence is unknown.
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
pub enum PatientStatusCriteriaPayloadIndependenceAtAdmission {
    /// `TOTAL`
    #[serde(rename = "TOTAL")]
    Total,
    /// `SEVERE`
    #[serde(rename = "SEVERE")]
    Severe,
    /// `MODERATE`
    #[serde(rename = "MODERATE")]
    Moderate,
    /// `MILD`
    #[serde(rename = "MILD")]
    Mild,
    /// `INDEPENDENT`
    #[serde(rename = "INDEPENDENT")]
    Independent,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl PatientStatusCriteriaPayloadIndependenceAtAdmission {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Total => "TOTAL",
            Self::Severe => "SEVERE",
            Self::Moderate => "MODERATE",
            Self::Mild => "MILD",
            Self::Independent => "INDEPENDENT",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadIndependenceAtAdmission {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadIndependenceAtAdmission {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "TOTAL" => Ok(Self::Total),
            "SEVERE" => Ok(Self::Severe),
            "MODERATE" => Ok(Self::Moderate),
            "MILD" => Ok(Self::Mild),
            "INDEPENDENT" => Ok(Self::Independent),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &[
                            "TOTAL",
                            "SEVERE",
                            "MODERATE",
                            "MILD",
                            "INDEPENDENT",
                            "UNKNOWN",
                        ],
                    ),
                )
            }
        }
    }
}

/// The index that measures the independence for instrumental activities.
///
/// Constraints:
///
/// - at most 8
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
pub struct PatientStatusCriteriaPayloadIndependenceInstrumentalActivities(u64);

impl PatientStatusCriteriaPayloadIndependenceInstrumentalActivities {
    /// Checks a value against the constraints of the schema.
    fn check(value: u64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::maximum(value, 8)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl ::std::ops::Deref
for PatientStatusCriteriaPayloadIndependenceInstrumentalActivities {
    type Target = u64;

    fn deref(&self) -> &u64 {
        &self.0
    }
}

impl From<PatientStatusCriteriaPayloadIndependenceInstrumentalActivities> for u64 {
    fn from(
        value: PatientStatusCriteriaPayloadIndependenceInstrumentalActivities,
    ) -> Self {
        value.0
    }
}

impl TryFrom<u64> for PatientStatusCriteriaPayloadIndependenceInstrumentalActivities {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: u64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display
for PatientStatusCriteriaPayloadIndependenceInstrumentalActivities {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for PatientStatusCriteriaPayloadIndependenceInstrumentalActivities {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, u64, Self>(deserializer)
    }
}

/// Describe the level of therapeutic intensity of the patient.
/// * 'ONE' It includes all possible measures to prolong survival
/// * 'TWO_A' Includes all possible measures except CPR.
/// * 'TWO_B' Includes all possible measures except CPR and ICU.
/// * 'THREE' Includes complementary scans and non-invasive treatments.
/// * 'FOUR' It includes empiric symptomatic treatments according to clinical suspicion, which can be agreed as temporary.
/// * 'FIVE'  No complementary examinations or etiological treatments are carried out, only treatments for comfort.
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
pub enum PatientStatusCriteriaPayloadNitLevel {
    /// `ONE`
    #[serde(rename = "ONE")]
    One,
    /// `TWO_A`
    #[serde(rename = "TWO_A")]
    TwoA,
    /// `TWO_B`
    #[serde(rename = "TWO_B")]
    TwoB,
    /// `THREE`
    #[serde(rename = "THREE")]
    Three,
    /// `FOUR`
    #[serde(rename = "FOUR")]
    Four,
    /// `FIVE`
    #[serde(rename = "FIVE")]
    Five,
}

impl PatientStatusCriteriaPayloadNitLevel {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::One => "ONE",
            Self::TwoA => "TWO_A",
            Self::TwoB => "TWO_B",
            Self::Three => "THREE",
            Self::Four => "FOUR",
            Self::Five => "FIVE",
        }
    }
}

impl ::std::fmt::Display for PatientStatusCriteriaPayloadNitLevel {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PatientStatusCriteriaPayloadNitLevel {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "ONE" => Ok(Self::One),
            "TWO_A" => Ok(Self::TwoA),
            "TWO_B" => Ok(Self::TwoB),
            "THREE" => Ok(Self::Three),
            "FOUR" => Ok(Self::Four),
            "FIVE" => Ok(Self::Five),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["ONE", "TWO_A", "TWO_B", "THREE", "FOUR", "FIVE"],
                    ),
                )
            }
        }
    }
}

/// The posible treatment actions to apply over a patient.
/// * 'CPR' The patient can receive a Cardiopulmonary resuscitation.
/// * 'TRANSPLANT' The patient need an organ transplant.
/// * 'ICU' The patient can be in the intensive curing unit.
/// * 'NIMV' The patient can have non-invasive mechanical ventilation.
/// * 'VASOACTIVE_DRUGS' The patient can receive vasoactive drugs;
/// * 'DIALYSIS' The patient can have dialysis.
/// * 'SIMPLE_CLINICAL_TRIAL' The patient can receive simple clinical trials.
/// * 'MEDIUM_CLINICAL_TRIAL' The patient can receive medium clinical trials.
/// * 'ADVANCED_CLINICAL_TRIAL' The patient can receive advanced clinical trials.
/// * 'PALLIATIVE_SURGERY' The patient can have palliative surgery.
/// * 'CURE_SURGERY' The patient can have surgery with the intention of curing.
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
pub enum TreatmentAction {
    /// `CPR`
    #[serde(rename = "CPR")]
    Cpr,
    /// `TRANSPLANT`
    #[serde(rename = "TRANSPLANT")]
    Transplant,
    /// `ICU`
    #[serde(rename = "ICU")]
    Icu,
    /// `NIMV`
    #[serde(rename = "NIMV")]
    Nimv,
    /// `VASOACTIVE_DRUGS`
    #[serde(rename = "VASOACTIVE_DRUGS")]
    VasoactiveDrugs,
    /// `DIALYSIS`
    #[serde(rename = "DIALYSIS")]
    Dialysis,
    /// `SIMPLE_CLINICAL_TRIAL`
    #[serde(rename = "SIMPLE_CLINICAL_TRIAL")]
    SimpleClinicalTrial,
    /// `MEDIUM_CLINICAL_TRIAL`
    #[serde(rename = "MEDIUM_CLINICAL_TRIAL")]
    MediumClinicalTrial,
    /// `ADVANCED_CLINICAL_TRIAL`
    #[serde(rename = "ADVANCED_CLINICAL_TRIAL")]
    AdvancedClinicalTrial,
    /// `PALLIATIVE_SURGERY`
    #[serde(rename = "PALLIATIVE_SURGERY")]
    PalliativeSurgery,
    /// `CURE_SURGERY`
    #[serde(rename = "CURE_SURGERY")]
    CureSurgery,
}

impl TreatmentAction {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cpr => "CPR",
            Self::Transplant => "TRANSPLANT",
            Self::Icu => "ICU",
            Self::Nimv => "NIMV",
            Self::VasoactiveDrugs => "VASOACTIVE_DRUGS",
            Self::Dialysis => "DIALYSIS",
            Self::SimpleClinicalTrial => "SIMPLE_CLINICAL_TRIAL",
            Self::MediumClinicalTrial => "MEDIUM_CLINICAL_TRIAL",
            Self::AdvancedClinicalTrial => "ADVANCED_CLINICAL_TRIAL",
            Self::PalliativeSurgery => "PALLIATIVE_SURGERY",
            Self::CureSurgery => "CURE_SURGERY",
        }
    }
}

impl ::std::fmt::Display for TreatmentAction {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for TreatmentAction {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "CPR" => Ok(Self::Cpr),
            "TRANSPLANT" => Ok(Self::Transplant),
            "ICU" => Ok(Self::Icu),
            "NIMV" => Ok(Self::Nimv),
            "VASOACTIVE_DRUGS" => Ok(Self::VasoactiveDrugs),
            "DIALYSIS" => Ok(Self::Dialysis),
            "SIMPLE_CLINICAL_TRIAL" => Ok(Self::SimpleClinicalTrial),
            "MEDIUM_CLINICAL_TRIAL" => Ok(Self::MediumClinicalTrial),
            "ADVANCED_CLINICAL_TRIAL" => Ok(Self::AdvancedClinicalTrial),
            "PALLIATIVE_SURGERY" => Ok(Self::PalliativeSurgery),
            "CURE_SURGERY" => Ok(Self::CureSurgery),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &[
                            "CPR",
                            "TRANSPLANT",
                            "ICU",
                            "NIMV",
                            "VASOACTIVE_DRUGS",
                            "DIALYSIS",
                            "SIMPLE_CLINICAL_TRIAL",
                            "MEDIUM_CLINICAL_TRIAL",
                            "ADVANCED_CLINICAL_TRIAL",
                            "PALLIATIVE_SURGERY",
                            "CURE_SURGERY",
                        ],
                    ),
                )
            }
        }
    }
}

/// The feedback about an action of a treatment.
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
pub struct TreatmentActionFeedbackPayload {
    /// The identifier of the treatment.
    ///
    /// Example: `"1234"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment_id: Option<String>,
    /// The action to provide feedback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<TreatmentAction>,
    /// The feedbacl about if the treatment action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<TreatmentActionFeedbackPayloadFeedback>,
}

/// The feedbacl about if the treatment action.
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
pub enum TreatmentActionFeedbackPayloadFeedback {
    /// `ALLOW`
    #[serde(rename = "ALLOW")]
    Allow,
    /// `DENY`
    #[serde(rename = "DENY")]
    Deny,
    /// `UNKNOWN`
    #[serde(rename = "UNKNOWN")]
    Unknown,
}

impl TreatmentActionFeedbackPayloadFeedback {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allow => "ALLOW",
            Self::Deny => "DENY",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl ::std::fmt::Display for TreatmentActionFeedbackPayloadFeedback {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for TreatmentActionFeedbackPayloadFeedback {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "ALLOW" => Ok(Self::Allow),
            "DENY" => Ok(Self::Deny),
            "UNKNOWN" => Ok(Self::Unknown),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["ALLOW", "DENY", "UNKNOWN"],
                    ),
                )
            }
        }
    }
}

/// The payload that contains the information of a treatment.
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
pub struct TreatmentPayload {
    /// The identifier of the treatment.
    ///
    /// Example: `"1234"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The identifier of the patient to apply the treatment.
    ///
    /// Example: `"4321"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient_id: Option<String>,
    /// The epoch time, in seconds, when the patient treatment is created.
    ///
    /// Example: `1715342664`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_time: Option<i64>,
    /// The status before to apply the treatment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_status: Option<PatientStatusCriteriaPayload>,
    /// The treatment actions to apply over the patient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<TreatmentAction>>,
    /// The expected status of the patient after applying the treatment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_status: Option<PatientStatusCriteriaPayload>,
}

/// Provides the alignment of a treatment with a value.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct TreatmentValueFeedbackPayload {
    /// The identifier of the treatment.
    ///
    /// Example: `"1234"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment_id: Option<String>,
    /// The name of the value that the treatment is aligned.
    ///
    /// Example: `["Autonomy"]`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_name: Option<String>,
    /// The alignment of the value with the the treatment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<TreatmentValueFeedbackPayloadAlignment>,
}

/// The alignment of the value with the the treatment.
///
/// Constraints:
///
/// - at least -1
/// - at most 1
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    PartialOrd,
    ::valawai::__private::serde::Serialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct TreatmentValueFeedbackPayloadAlignment(f64);

impl TreatmentValueFeedbackPayloadAlignment {
    /// Checks a value against the constraints of the schema.
    fn check(value: f64) -> Result<(), ::valawai::payload::ConstraintError> {
        ::valawai::__private::check::minimum(value, -1.0)?;
        ::valawai::__private::check::maximum(value, 1.0)?;
        Ok(())
    }

    /// The value.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl ::std::ops::Deref for TreatmentValueFeedbackPayloadAlignment {
    type Target = f64;

    fn deref(&self) -> &f64 {
        &self.0
    }
}

impl From<TreatmentValueFeedbackPayloadAlignment> for f64 {
    fn from(value: TreatmentValueFeedbackPayloadAlignment) -> Self {
        value.0
    }
}

impl TryFrom<f64> for TreatmentValueFeedbackPayloadAlignment {
    type Error = ::valawai::payload::ConstraintError;

    fn try_from(value: f64) -> Result<Self, ::valawai::payload::ConstraintError> {
        Self::check(value)?;
        Ok(Self(value))
    }
}

impl ::std::fmt::Display for TreatmentValueFeedbackPayloadAlignment {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        ::std::fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> ::valawai::__private::serde::Deserialize<'de>
for TreatmentValueFeedbackPayloadAlignment {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: ::valawai::__private::serde::Deserializer<'de>,
    {
        ::valawai::__private::deserialize_try_from::<D, f64, Self>(deserializer)
    }
}

/// Decodes a message body into `TreatmentValueFeedbackPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_treatment_value_feedback_payload(
    body: &[u8],
) -> ::std::result::Result<TreatmentValueFeedbackPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `TreatmentActionFeedbackPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_treatment_action_feedback_payload(
    body: &[u8],
) -> ::std::result::Result<TreatmentActionFeedbackPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/patient_treatment_ui/control/registered`
    ///
    /// Notify this component when it has been registered.
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c0/patient_treatment_ui/control/registered";

    /// `valawai/c0/patient_treatment_ui/data/treatment`
    ///
    /// Notify about a treatment to apply to a patient.
    ///
    /// The component sends `TreatmentPayload` here.
    pub const TREATMENT: &str = "valawai/c0/patient_treatment_ui/data/treatment";

    /// `valawai/c0/patient_treatment_ui/data/treatment_value_feedback`
    ///
    /// The feedback about a value associated to a treatment.
    ///
    /// The component receives `TreatmentValueFeedbackPayload` here.
    pub const TREATMENT_VALUE_FEEDBACK: &str = "valawai/c0/patient_treatment_ui/data/treatment_value_feedback";

    /// `valawai/c0/patient_treatment_ui/data/treatment_action_feedback`
    ///
    /// The feedback about an action of a treatment.
    ///
    /// The component receives `TreatmentActionFeedbackPayload` here.
    pub const TREATMENT_ACTION_FEEDBACK: &str = "valawai/c0/patient_treatment_ui/data/treatment_action_feedback";
}

/// The component as the MOV registers it: `c0_patient_treatment_ui`, a C0 component.
///
/// C0 Patient treatment UI API `1.0.0`
///
/// This VALAWAI component provide an user interface that any doctor can use to define a treatment
/// for a patient and receive feedback about it.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c0_patient_treatment_ui",
    ::valawai::mov::protocol::ComponentType::C0,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!(
        "../../../fixtures/valawai/MOV/test-resources/e2e/c0_patient_treatment_ui_1.0.0.yml"
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
    /// Handles a message received on `valawai/c0/patient_treatment_ui/data/treatment_value_feedback`.
    ///
    /// The feedback about a value associated to a treatment.
    fn treatment_value_feedback(
        &self,
        payload: TreatmentValueFeedbackPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/patient_treatment_ui/data/treatment_action_feedback`.
    ///
    /// The feedback about an action of a treatment.
    fn treatment_action_feedback(
        &self,
        payload: TreatmentActionFeedbackPayload,
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
    /// Publishes `payload` on `valawai/c0/patient_treatment_ui/data/treatment`.
    ///
    /// Notify about a treatment to apply to a patient.
    pub async fn treatment(
        &self,
        payload: &TreatmentPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::TREATMENT, payload).await
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
    /// `valawai/c0/patient_treatment_ui/data/treatment_value_feedback`
    pub const TREATMENT_VALUE_FEEDBACK: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::TREATMENT_VALUE_FEEDBACK,
    );

    /// `valawai/c0/patient_treatment_ui/data/treatment_action_feedback`
    pub const TREATMENT_ACTION_FEEDBACK: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::TREATMENT_ACTION_FEEDBACK,
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
            receive::TREATMENT_VALUE_FEEDBACK.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_treatment_value_feedback_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: TreatmentValueFeedbackPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::treatment_value_feedback(&*handlers, payload, ctx)
                                .await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::TREATMENT_ACTION_FEEDBACK.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_treatment_action_feedback_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: TreatmentActionFeedbackPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::treatment_action_feedback(&*handlers, payload, ctx)
                                .await
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
                registered "valawai/c0/patient_treatment_ui/control/registered";
                send "valawai/c0/patient_treatment_ui/data/treatment"
                    treatment;
                receive "valawai/c0/patient_treatment_ui/data/treatment_value_feedback"
                    treatment_value_feedback TREATMENT_VALUE_FEEDBACK (self::TreatmentValueFeedbackPayload);
                receive "valawai/c0/patient_treatment_ui/data/treatment_action_feedback"
                    treatment_action_feedback TREATMENT_ACTION_FEEDBACK (self::TreatmentActionFeedbackPayload);
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

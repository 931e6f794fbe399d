/// The initialization arguments for the MEALPY optimizer.
///
/// Example: `[10000,100,0.95,0.025]`
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct OptArgsPayload(pub Vec<::valawai::payload::JsonValue>);

impl ::std::ops::Deref for OptArgsPayload {
    type Target = Vec<::valawai::payload::JsonValue>;

    fn deref(&self) -> &Vec<::valawai::payload::JsonValue> {
        &self.0
    }
}

impl From<Vec<::valawai::payload::JsonValue>> for OptArgsPayload {
    fn from(value: Vec<::valawai::payload::JsonValue>) -> Self {
        Self(value)
    }
}

/// The MEALPY optimizer
///
/// Example: `"mealpy.physics_based.SA.GaussianSA"`
pub type OptClsPayload = String;

/// The initialization keyword arguments for the MEALPY optimizer.
///
/// Example: `{"temp_init":100,"cooling rate":0.99}`
pub type OptKwargsPayload = ::valawai::payload::JsonObject;

/// The computed optimal norms and their alignment
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct OptResultPayload {
    /// The `algn` member.
    ///
    /// Example: `0.92`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algn: Option<f64>,
    /// The optimal normative parameters.
    ///
    /// Example: `{"n1":{"p11":0.2,"p12":0.4},"n2":{"p21":-0.2,"p22":0.8}}`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norms: Option<::valawai::payload::JsonObject>,
}

/// The length of the paths to compute the alignment.
///
/// Example: `10`
pub type PathLengthPayload = i64;

/// The number of paths to sample when computing the alignment.
///
/// Example: `500`
pub type PathSamplePayload = i64;

/// The termination conditions for the optimizing search.
///
/// Example: `{"max_early_stop":1,"epsilon":0.01}`
pub type TermDictPayload = ::valawai::payload::JsonObject;

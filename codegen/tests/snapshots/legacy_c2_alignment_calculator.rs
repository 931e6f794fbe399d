/// The computed alignment
///
/// Example: `0.734`
pub type AlgnPayload = f64;

/// The norms and normative parameters that regulate the model.
///
/// Example: `{"n1":{"p11":0.2,"p12":0.4},"n2":{"p21":-0.2,"p22":0.8}}`
pub type NormPayload = ::valawai::payload::JsonObject;

/// The length of the paths to compute the alignment.
///
/// Example: `10`
pub type PathLengthPayload = i64;

/// The number of paths to sample when computing the alignment.
///
/// Example: `500`
pub type PathSamplePayload = i64;

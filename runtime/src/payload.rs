//! Decoding payloads: JSON to the generated types, with errors that name the
//! JSON path and the rule broken.
//!
//! ```
//! # #[derive(serde::Deserialize, Debug)]
//! # struct Limit { #[allow(dead_code)] limit: u64 }
//! let error = valawai::payload::from_str::<Limit>(r#"{"limit": -1}"#).unwrap_err();
//! assert_eq!(error.path(), "limit");
//! assert_eq!(error.to_string(), "limit: invalid value: integer `-1`, expected u64");
//! ```

pub(crate) mod check;
mod constraint;
mod enums;
mod literal;
mod path;
mod pattern;

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed};

pub use constraint::{ConstraintError, Rule};
pub use pattern::{BACKTRACK_LIMIT, EcmaRegex};

/// Any JSON value: the type of schemas that constrain nothing.
pub type JsonValue = serde_json::Value;

/// A JSON object: the type of `type: object` schemas without properties.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// A payload that does not decode: the JSON path of the offending value and
/// what is wrong with it. Displays as `path: message`, e.g.
/// `channels[2].subscribe.type: unknown variant `FOO`, expected one of ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayloadError {
    path: String,
    message: String,
    syntax: bool,
}

impl PayloadError {
    /// The JSON path of the offending value: `channels[2].subscribe.type`,
    /// or `.` for the payload itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, e.g. `must be at most 8, found 9 (maximum)`.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether the payload is not JSON at all (as opposed to JSON that does
    /// not fit the schema). The message then ends with the line and column.
    pub fn is_syntax(&self) -> bool {
        self.syntax
    }

    fn new(mut segments: Vec<path::Segment>, error: &serde_json::Error) -> Self {
        let mut text = error.to_string();
        let syntax = !error.is_data();
        if !syntax && error.line() > 0 {
            let suffix = format!(" at line {} column {}", error.line(), error.column());
            if text.ends_with(&suffix) {
                text.truncate(text.len() - suffix.len());
            }
        }
        let message = if syntax {
            // Where the parser stopped, minus the member it could not read.
            while segments.last() == Some(&path::Segment::Unknown) {
                segments.pop();
            }
            text
        } else {
            let (inner, message) = path::split_embedded(&text);
            segments.extend(inner);
            message.to_owned()
        };
        PayloadError {
            path: path::render(&segments),
            message,
            syntax,
        }
    }

    fn tracked(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let segments = path::from_tracked(error.path());
        PayloadError::new(segments, error.inner())
    }
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for PayloadError {}

/// Decodes a payload from JSON bytes, checking every constraint of its
/// schema.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, PayloadError> {
    from_slice_seed(PhantomData::<T>, bytes)
}

/// Decodes a payload from JSON bytes with a [`DeserializeSeed`], reporting
/// errors exactly as [`from_slice`] does. `valawai validate` uses it to check
/// payloads against a spec without compiled types.
pub fn from_slice_seed<'de, S: DeserializeSeed<'de>>(
    seed: S,
    bytes: &'de [u8],
) -> Result<S::Value, PayloadError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let mut track = serde_path_to_error::Track::new();
    let value = seed
        .deserialize(serde_path_to_error::Deserializer::new(
            &mut deserializer,
            &mut track,
        ))
        .map_err(|e| PayloadError::tracked(serde_path_to_error::Error::new(track.path(), e)))?;
    deserializer
        .end()
        .map_err(|e| PayloadError::new(Vec::new(), &e))?;
    Ok(value)
}

/// Decodes a payload from JSON text. See [`from_slice`].
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, PayloadError> {
    from_slice(text.as_bytes())
}

/// Decodes a payload from a JSON value. See [`from_slice`].
pub fn from_value<T: DeserializeOwned>(value: JsonValue) -> Result<T, PayloadError> {
    serde_path_to_error::deserialize(value).map_err(PayloadError::tracked)
}

/// Items for generated code, re-exported from `valawai::__private`.
pub(crate) mod support {
    pub use super::enums::{
        Tagged, Untagged, deserialize_nullable, deserialize_try_from, unknown_variant,
    };
    pub use super::literal::{JsonLiteral, check_const, deserialize_const, serialize_const};
    pub use super::pattern::Pattern;
}

//! The payload layer of VALAWAI components: JSON message bodies decoded into the types
//! `valawai-codegen` generates from an AsyncAPI document, with errors that name the JSON path
//! and the rule broken.
//!
//! It is what generated code needs to read and check a payload, apart from the runtime (as
//! `progenitor-client` is apart from progenitor): serde and JSON only, no AMQP client, no async
//! runtime. Its users:
//!
//! - **generated code**, through the runtime (`valawai::payload`, and the hidden
//!   `valawai::__private` the generator writes paths into), so a component depends on `valawai`
//!   alone: the derived and generated `Deserialize` impls call the building blocks in
//!   [`support`] (constraint checks, patterns, `const` values, the union readers);
//! - **the runtime** (`valawai`), whose dispatcher decodes every message with [`decode_json`] or
//!   [`decode_json_object`] and warns about what [`undeclared`] collected;
//! - **the CLI** (`valawai validate`), whose validator walks the type model and makes the calls
//!   generated code makes, through [`from_slice_seed`], so it fails with the very
//!   [`PayloadError`] a component gives;
//! - **the development MOV**, for its query filters ([`EcmaRegex`]).
//!
//! Its items change with the generator: generated code and this crate go together (the runtime
//! checks the generator's version at compile time).
//!
//! # Decoding
//!
//! Numbers are read as JSON Schema defines them: an integer is any number without a
//! fractional part, so `7.0`, `1e2` and `-0.0` fit a `u64` (and are written back as `7`,
//! `100` and `0`); a value outside the Rust type's range is refused with the range.
//!
//! ```
//! # #[derive(serde::Deserialize, Debug)]
//! # struct Limit { #[allow(dead_code)] limit: u64 }
//! let limit = valawai_payload::from_str::<Limit>(r#"{"limit": 1e2}"#).unwrap();
//! # assert_eq!(limit.limit, 100);
//! let error = valawai_payload::from_str::<Limit>(r#"{"limit": -1}"#).unwrap_err();
//! assert_eq!(error.path(), "limit");
//! assert_eq!(
//!     error.to_string(),
//!     "limit: invalid value: integer `-1`, expected an integer from 0 to 18446744073709551615 (u64)"
//! );
//! ```
//!
//! A property the type does not declare is ignored, and reported to whoever collects
//! ([`undeclared`]).
//!
//! # Patterns
//!
//! A spec's `pattern` is an ECMA-262 regular expression; [`support::Pattern`] and [`EcmaRegex`] judge
//! it in time linear in the value (a translation to `fancy-regex`, which runs on
//! `regex-automata`), with a step limit ([`BACKTRACK_LIMIT`]) for what needs backtracking
//! (backreferences, lookaround).

mod check;
mod constraint;
mod decode;
mod enums;
mod literal;
mod path;
mod pattern;
pub mod undeclared;
mod wire;

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed};

pub use constraint::{ConstraintError, Rule};
pub use decode::{DecodeError, decode_json, decode_json_object};
pub use pattern::{BACKTRACK_LIMIT, EcmaRegex, PatternError};

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
    // Tracking the path costs an allocation per member on every payload, and only an error
    // needs it: a payload is decoded without it first, and one that fails is decoded again
    // with it, by the same rules, for the error's path. What the failed pass reported as
    // undeclared is forgotten (the second pass reports it again).
    let mark = undeclared::mark();
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    if let Ok(value) = T::deserialize(wire::Wire::new(&mut deserializer))
        && deserializer.end().is_ok()
    {
        return Ok(value);
    }
    undeclared::rollback(mark);
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
        .deserialize(wire::Wire::new(serde_path_to_error::Deserializer::new(
            &mut deserializer,
            &mut track,
        )))
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
    let mut track = serde_path_to_error::Track::new();
    T::deserialize(wire::Wire::new(serde_path_to_error::Deserializer::new(
        value, &mut track,
    )))
    .map_err(|e| PayloadError::tracked(serde_path_to_error::Error::new(track.path(), e)))
}

/// Deserialises with the rules payloads are read by (JSON Schema integers, undeclared members
/// noticed); generated code uses it where serde reads from a buffer of its own (flattened
/// maps).
pub fn deserialize_wire<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(wire::Wire::new(deserializer))
}

/// [`deserialize_wire`] with a [`DeserializeSeed`] instead of a type (for validating without
/// compiled types).
pub fn deserialize_wire_seed<'de, D, S>(seed: S, deserializer: D) -> Result<S::Value, D::Error>
where
    D: serde::Deserializer<'de>,
    S: DeserializeSeed<'de>,
{
    seed.deserialize(wire::Wire::new(deserializer))
}

/// A generated struct's name and the properties it declares, for the warnings about those it
/// does not (see [`undeclared`]). Generated code implements it.
pub trait Declared {
    /// The Rust type's name.
    const NAME: &'static str;
    /// The JSON names of its properties.
    const PROPERTIES: &'static [&'static str];
}

/// Reads the members of a struct generated with `keep_unknown_fields` that it does not
/// declare, reporting each to the dispatcher as [`undeclared`] (they are kept, but the
/// contract drifted all the same).
pub fn deserialize_undeclared<'de, T, D>(deserializer: D) -> Result<JsonObject, D::Error>
where
    T: Declared,
    D: serde::Deserializer<'de>,
{
    let object = <JsonObject as serde::Deserialize>::deserialize(deserializer)?;
    for key in object.keys() {
        undeclared::report(undeclared::Member {
            type_name: T::NAME,
            declared: T::PROPERTIES,
            key: undeclared::Key::Borrowed(key),
        });
    }
    Ok(object)
}

/// The pieces generated payload types are made of (re-exported for generated code from
/// `valawai::__private` under these names), for tools that check JSON against a spec without
/// compiled types: the CLI's `valawai validate` walks the generator's type model with them, so
/// it fails with the errors the generated decoders give. They change with the generator.
pub mod support {
    /// The checks validating newtypes run.
    pub mod check {
        pub use super::super::check::*;
    }

    pub use super::enums::{
        Tagged, Untagged, deserialize_nullable, deserialize_try_from, unknown_variant,
    };
    pub use super::literal::{JsonLiteral, check_const, deserialize_const, serialize_const};
    pub use super::path::{Segment as PathSegment, render as render_path};
    pub use super::pattern::Pattern;
    pub use super::{Declared, deserialize_undeclared, deserialize_wire, deserialize_wire_seed};
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Numbers {
        #[serde(default)]
        u: Option<u64>,
        #[serde(default)]
        i: Option<i64>,
        #[serde(default)]
        small: Option<i32>,
        #[serde(default)]
        list: Vec<i64>,
        #[serde(default)]
        pair: Option<(String, u64)>,
        #[serde(default)]
        ratio: Option<f64>,
        #[serde(default)]
        any: Option<JsonValue>,
        #[serde(flatten, deserialize_with = "deserialize_wire")]
        rest: BTreeMap<String, u64>,
    }

    fn decode(text: &str) -> Result<Numbers, String> {
        from_str::<Numbers>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn integers_are_numbers_without_a_fractional_part() {
        let n = decode(
            r#"{"u": 7.0, "i": -0.0, "small": 1e2, "list": [1, 2.0, -3e0], "pair": ["a", 5.0],
                "ratio": 2, "extra": 4.0}"#,
        )
        .unwrap();
        assert_eq!(n.u, Some(7));
        assert_eq!(n.i, Some(0));
        assert_eq!(n.small, Some(100));
        assert_eq!(n.list, [1, 2, -3]);
        assert_eq!(n.pair, Some(("a".to_owned(), 5)));
        assert_eq!(n.rest["extra"], 4);
        // Written back as integers.
        let written = serde_json::to_string(&n).unwrap();
        assert!(
            written.contains(r#""u":7,"i":0,"small":100,"list":[1,2,-3],"pair":["a",5]"#),
            "{written}"
        );
        // From a value and from a buffer too.
        let v: Numbers = from_value(serde_json::json!({"u": 3.0})).unwrap();
        assert_eq!(v.u, Some(3));
        assert_eq!(
            decode(r#"{"u": 18446744073709551615, "i": -9223372036854775808}"#)
                .unwrap()
                .u,
            Some(u64::MAX)
        );
    }

    #[test]
    fn fractions_and_numbers_out_of_range_name_the_rule_or_the_range() {
        let cases = [
            (
                r#"{"u": 5.5}"#,
                "u: invalid type: floating point `5.5`, expected an integer (u64)",
            ),
            (
                r#"{"u": -1}"#,
                "u: invalid value: integer `-1`, expected an integer from 0 to \
                 18446744073709551615 (u64)",
            ),
            (
                r#"{"u": 18446744073709551616}"#,
                "u: invalid value: integer `18446744073709551616`, expected an integer from 0 \
                 to 18446744073709551615 (u64)",
            ),
            (
                r#"{"i": 9223372036854775808}"#,
                "i: invalid value: integer `9223372036854775808`, expected an integer from \
                 -9223372036854775808 to 9223372036854775807 (i64)",
            ),
            (
                r#"{"small": 2147483648}"#,
                "small: invalid value: integer `2147483648`, expected an integer from \
                 -2147483648 to 2147483647 (i32)",
            ),
            (
                r#"{"small": -3e9}"#,
                "small: invalid value: integer `-3000000000`, expected an integer from \
                 -2147483648 to 2147483647 (i32)",
            ),
            (
                r#"{"list": [1, 1e400]}"#,
                "list[1]: invalid value: a number beyond the range of a 64-bit float (about \
                 ±1.8e308), expected an integer from -9223372036854775808 to \
                 9223372036854775807 (i64)",
            ),
            (
                r#"{"u": 1e300}"#,
                "u: invalid value: integer `1e300`, expected an integer from 0 to \
                 18446744073709551615 (u64)",
            ),
            (
                r#"{"ratio": -1e400}"#,
                "ratio: invalid value: a number beyond the range of a 64-bit float (about \
                 ±1.8e308), expected a number (f64)",
            ),
            (
                r#"{"any": [1e400]}"#,
                "any[0]: invalid value: a number beyond the range of a 64-bit float (about \
                 ±1.8e308), expected a number that fits a 64-bit float",
            ),
            (
                r#"{"u": "7"}"#,
                "u: invalid type: string \"7\", expected u64",
            ),
            (
                // serde reads a flattened map from a buffer of its own, out of sight of the
                // path tracker: the error is at the object.
                r#"{"extra": 0.5}"#,
                ".: invalid type: floating point `0.5`, expected an integer (u64)",
            ),
        ];
        for (text, error) in cases {
            assert_eq!(decode(text).unwrap_err(), error, "{text}");
        }
        let error = from_str::<Numbers>(r#"{"u": 1e400}"#).unwrap_err();
        assert!(!error.is_syntax(), "a number out of range is valid JSON");
        assert_eq!(error.path(), "u");
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        inner: Vec<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        #[serde(rename = "has_advance_Directives")]
        advance_directives: Option<bool>,
    }

    #[test]
    fn undeclared_properties_are_collected_while_decoding() {
        let text = r#"{"name": "x", "nmae": 1, "inner": [{"has_advance_directives": true},
            {"has_advance_directives": false, "z\u0061": [1e400]}]}"#;
        let (decoded, found) = undeclared::collect(|| from_str::<Outer>(text));
        decoded.unwrap();
        let found: Vec<(&str, &str, Option<&str>)> = found
            .iter()
            .map(|u| (u.type_name, u.property.as_str(), u.suggestion))
            .collect();
        assert_eq!(
            found,
            [
                ("Outer", "nmae", Some("name")),
                (
                    "Inner",
                    "has_advance_directives",
                    Some("has_advance_Directives")
                ),
                (
                    "Inner",
                    "has_advance_directives",
                    Some("has_advance_Directives")
                ),
                ("Inner", "za", None),
            ]
        );
        let (_, found) = undeclared::collect(|| from_str::<Outer>(r#"{"name": "x", "inner": []}"#));
        assert!(found.is_empty());
    }
}

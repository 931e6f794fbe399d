//! Message bodies: the checks before a payload decodes (UTF-8, an object where the schema wants
//! one), and the error that says which failed.

use serde::de::DeserializeOwned;

use crate::PayloadError;

/// Why a message body did not decode into its payload type. Displays as the text of the ERROR
/// log that rejects the message: `at `content`: invalid type: integer `5`, expected a string`,
/// `the body is not JSON: expected value at line 1 column 1`, `expected a JSON object, found an
/// array`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is empty (or only whitespace).
    #[error("the body is empty")]
    Empty,
    /// The body is not UTF-8, so not JSON.
    #[error("the body is not valid UTF-8 (at byte {valid_up_to})")]
    NotUtf8 {
        /// How many bytes from the start are valid UTF-8.
        valid_up_to: usize,
    },
    /// The body is JSON, but not the object the payload type is.
    #[error("expected a JSON object, found {found}")]
    NotAnObject {
        /// What it is instead: `an array`, `a string`, `a boolean`, `null` or `a number`.
        found: &'static str,
    },
    /// The body is not JSON, or JSON that does not fit the schema.
    #[error("{}", describe(.0))]
    Payload(#[from] PayloadError),
}

/// The text of a payload error in an ERROR log.
fn describe(error: &PayloadError) -> String {
    if error.is_syntax() {
        format!("the body is not JSON: {}", error.message())
    } else if error.path().is_empty() || error.path() == "." {
        error.message().to_owned()
    } else {
        format!("at `{}`: {}", error.path(), error.message())
    }
}

/// Decodes a message body into `T` with [`from_slice`](crate::from_slice) (which checks the
/// schema's constraints that the generated types carry), after checking that it is UTF-8.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeError> {
    if let Err(e) = std::str::from_utf8(body) {
        return Err(DecodeError::NotUtf8 {
            valid_up_to: e.valid_up_to(),
        });
    }
    Ok(crate::from_slice(body)?)
}

/// Like [`decode_json`], but the body must be a JSON object: serde would otherwise accept an
/// array for a struct (`["x"]` as `{"content": "x"}`).
pub fn decode_json_object<T: DeserializeOwned>(body: &[u8]) -> Result<T, DecodeError> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        Some(b'{') => decode_json(body),
        Some(_) if std::str::from_utf8(body).is_err() => decode_json(body),
        Some(b) => match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
            Ok(_) => Err(DecodeError::NotAnObject {
                found: json_kind(*b),
            }),
            Err(e) => Err(PayloadError::new(Vec::new(), &e).into()),
        },
        None => Err(DecodeError::Empty),
    }
}

/// What a JSON value starting with `first` is, for [`DecodeError::NotAnObject`].
fn json_kind(first: u8) -> &'static str {
    match first {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Echo {
        content: String,
    }

    fn err(body: &[u8]) -> String {
        decode_json_object::<Echo>(body).unwrap_err().to_string()
    }

    #[test]
    fn decodes_objects() {
        assert_eq!(
            decode_json_object::<Echo>(br#" {"content":"hi","x":1}"#).unwrap(),
            Echo {
                content: "hi".into()
            }
        );
    }

    #[test]
    fn bad_bodies_say_what_and_where() {
        assert_eq!(err(b"[\"hi\"]"), "expected a JSON object, found an array");
        assert_eq!(err(b"5"), "expected a JSON object, found a number");
        assert_eq!(
            decode_json_object::<Echo>(b" null").unwrap_err(),
            DecodeError::NotAnObject { found: "null" }
        );
        assert!(
            err(b"nope").starts_with("the body is not JSON"),
            "{}",
            err(b"nope")
        );
        assert_eq!(err(b"  "), "the body is empty");
        let e = err(br#"{"content":5}"#);
        assert!(
            e.starts_with("at `content`: invalid type: integer `5`"),
            "{e}"
        );
        let e = err(b"{\"content\":\"\xff\"}");
        assert!(e.contains("not valid UTF-8 (at byte 12)"), "{e}");
        let e = err(br#"{"content":"a"} {}"#);
        assert!(
            e.starts_with("the body is not JSON: trailing characters"),
            "{e}"
        );
        let e = err(br#"{}"#);
        assert!(e.contains("missing field `content`"), "{e}");
    }
}

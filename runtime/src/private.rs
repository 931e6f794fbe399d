//! Helpers for generated code, re-exported from `valawai::__private`. Not a stable API: the
//! generator and the runtime change together.

use std::future::Future;

use serde::de::DeserializeOwned;

use crate::context::Context;
use crate::handler::{Decoder, FnDispatcher, HandlerResult};
use crate::payload::PayloadError;
use crate::publisher::{BoxError, Publisher};

/// The dispatcher of one receive channel: `decode` turns the body into the payload (or a
/// readable reason), `handler` handles it.
pub fn dispatcher<T, P, F, Fut>(decode: Decoder<T>, handler: F) -> FnDispatcher<T, P, F>
where
    T: Send + 'static,
    P: From<Publisher> + Send + 'static,
    F: Fn(T, Context<P>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = HandlerResult> + Send + 'static,
{
    FnDispatcher::new(decode, handler)
}

/// Decodes a JSON body into `T` with [`crate::payload::from_slice`] (which checks the schema's
/// constraints that the generated types carry). Errors say what and where:
/// `at `content`: invalid type: integer `5`, expected a string`.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, BoxError> {
    if let Err(e) = std::str::from_utf8(body) {
        return Err(format!("the body is not valid UTF-8 (at byte {})", e.valid_up_to()).into());
    }
    crate::payload::from_slice(body).map_err(|e| describe(&e).into())
}

/// The text of a payload error in an ERROR log.
pub fn describe(error: &PayloadError) -> String {
    if error.is_syntax() {
        format!("the body is not JSON: {}", error.message())
    } else if error.path().is_empty() || error.path() == "." {
        error.message().to_owned()
    } else {
        format!("at `{}`: {}", error.path(), error.message())
    }
}

/// Like [`decode_json`], but the body must be a JSON object: serde would otherwise accept an
/// array for a struct (`["x"]` as `{"content": "x"}`).
pub fn decode_json_object<T: DeserializeOwned>(body: &[u8]) -> Result<T, BoxError> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        Some(b'{') => decode_json(body),
        Some(_) if std::str::from_utf8(body).is_err() => decode_json(body),
        Some(_) => match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
            Ok(_) => Err(format!("expected a JSON object, found {}", json_kind(body)).into()),
            Err(e) => Err(format!("the body is not JSON: {e}").into()),
        },
        None => Err("the body is empty".into()),
    }
}

fn json_kind(body: &[u8]) -> &'static str {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
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

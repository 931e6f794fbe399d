//! The work an echo does per message, as the VALAWAI echo example defines it: parse the body as
//! JSON, require an object whose `content` is a non-empty string, and answer
//! `{"content": <content>}` (other fields are dropped). Plus the bodies of the MOV logs the
//! upstream echo sends around each echo.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The part of an input the echo reads. Other fields are ignored, as pydantic does upstream.
#[derive(Deserialize)]
struct Incoming<'a> {
    #[serde(borrow)]
    content: Cow<'a, str>,
}

/// What the echo publishes.
#[derive(Serialize)]
struct Outgoing<'a> {
    content: &'a str,
}

/// Why an input was not echoed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot process echo, because {0}")]
pub struct Invalid(pub String);

/// Validates one input and returns the body to publish.
pub fn echo(body: &[u8]) -> Result<Vec<u8>, Invalid> {
    let incoming: Incoming<'_> =
        serde_json::from_slice(body).map_err(|e| Invalid(e.to_string()))?;
    if incoming.content.is_empty() {
        return Err(Invalid(
            "`content` must be a string of at least 1 character".to_owned(),
        ));
    }
    serde_json::to_vec(&Outgoing {
        content: &incoming.content,
    })
    .map_err(|e| Invalid(e.to_string()))
}

/// The MOV's log levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// `INFO`.
    Info,
    /// `ERROR`.
    Error,
}

/// A message for `valawai/log/add`: `{"level", "message", "payload", "component_id"}`, where
/// `payload` is the JSON text of the object as a string (as upstream's `json.dumps`). The
/// benchmark echoes are never registered, so `component_id` is `null`.
pub fn mov_log(level: Level, message: &str, payload: &[u8]) -> Vec<u8> {
    #[derive(Serialize)]
    struct Log<'a> {
        level: &'a str,
        message: &'a str,
        payload: Cow<'a, str>,
        component_id: Option<&'a str>,
    }
    let log = Log {
        level: match level {
            Level::Info => "INFO",
            Level::Error => "ERROR",
        },
        message,
        payload: String::from_utf8_lossy(payload),
        component_id: None,
    };
    serde_json::to_vec(&log).unwrap_or_default()
}

/// Upstream's first INFO log, before publishing the echo.
pub const RECEIVED_LOG: &str = "Received a message to echo";
/// Upstream's second INFO log, after publishing the echo.
pub const SENT_LOG: &str = "Sent Echoed message";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_only_the_content() {
        assert_eq!(
            echo(br#"{"content":"hi"}"#).unwrap(),
            br#"{"content":"hi"}"#
        );
        assert_eq!(
            echo(br#"{"x":1,"content":"a\"b"}"#).unwrap(),
            br#"{"content":"a\"b"}"#
        );
    }

    #[test]
    fn rejects_what_upstream_rejects() {
        for body in [
            &br#"{"content":""}"#[..],
            br"{}",
            br#"{"content":5}"#,
            br"[1]",
            br#""x""#,
            b"not json",
            b"\xff\xfe",
        ] {
            assert!(echo(body).is_err(), "{}", String::from_utf8_lossy(body));
        }
    }

    #[test]
    fn mov_logs_carry_the_payload_as_a_string() {
        let log = mov_log(Level::Info, RECEIVED_LOG, br#"{"content":"hi"}"#);
        let value: serde_json::Value = serde_json::from_slice(&log).unwrap();
        assert_eq!(value["level"], "INFO");
        assert_eq!(value["message"], RECEIVED_LOG);
        assert_eq!(value["payload"], r#"{"content":"hi"}"#);
        assert!(value["component_id"].is_null());
    }
}

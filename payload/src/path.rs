//! JSON paths in payload errors: `channels[2].subscribe.type`.
//!
//! Paths come from `serde_path_to_error`, which loses track of where it is
//! when serde buffers a value (internally tagged and untagged enums). The
//! enum helpers in [`super::enums`] deserialise the buffered value with a
//! tracker of their own and carry the inner path out in the error message as
//! `at <path>: <message>`; `split_embedded` takes it back out so that
//! [`PayloadError`](super::PayloadError) can join both halves.

use std::fmt::Write;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
    /// A step `serde_path_to_error` could not name.
    Unknown,
}

/// The segments of a path tracked by `serde_path_to_error`.
pub(crate) fn from_tracked(path: &serde_path_to_error::Path) -> Vec<Segment> {
    path.iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Segment::Index(*index),
            serde_path_to_error::Segment::Map { key } => Segment::Key(key.clone()),
            serde_path_to_error::Segment::Enum { variant } => Segment::Key(variant.clone()),
            serde_path_to_error::Segment::Unknown => Segment::Unknown,
        })
        .collect()
}

/// Renders a path: `a.b[2].c`, with keys that are not plain words quoted as
/// `["a key"]`. The empty path (the payload itself) renders as `.`.
pub fn render(segments: &[Segment]) -> String {
    if segments.is_empty() {
        return ".".to_owned();
    }
    let mut out = String::new();
    for (i, segment) in segments.iter().enumerate() {
        match segment {
            Segment::Key(key) if is_plain(key) => {
                if i > 0 {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Key(key) => {
                let quoted = serde_json::Value::String(key.clone()).to_string();
                let _ = write!(out, "[{quoted}]");
            }
            Segment::Index(index) => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Unknown => {
                if i > 0 {
                    out.push('.');
                }
                out.push('?');
            }
        }
    }
    out
}

/// Keys written without quotes: ASCII letters, digits, `_`, `-`, `$` and `@`.
fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$' | b'@'))
}

/// A message that carries the path below the point where it is raised.
pub(crate) fn embed(segments: &[Segment], message: &str) -> String {
    if segments.is_empty() {
        message.to_owned()
    } else {
        format!("[at {}] {message}", render(segments))
    }
}

/// Splits a message made by [`embed`] into its path and its message. Other
/// messages come back whole, with an empty path.
pub(crate) fn split_embedded(message: &str) -> (Vec<Segment>, &str) {
    message
        .strip_prefix("[at ")
        .and_then(parse_prefix)
        .unwrap_or((Vec::new(), message))
}

/// Parses a rendered path followed by `"] "`.
fn parse_prefix(text: &str) -> Option<(Vec<Segment>, &str)> {
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        if let Some(after) = rest.strip_prefix("] ") {
            return (!segments.is_empty()).then_some((segments, after));
        }
        if let Some(after) = rest.strip_prefix('[') {
            let (segment, after) = parse_bracket(after)?;
            segments.push(segment);
            rest = after;
            continue;
        }
        let after = if segments.is_empty() {
            rest
        } else {
            rest.strip_prefix('.')?
        };
        if let Some(after) = after.strip_prefix('?') {
            segments.push(Segment::Unknown);
            rest = after;
            continue;
        }
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$' | '@')))
            .unwrap_or(after.len());
        if end == 0 {
            return None;
        }
        segments.push(Segment::Key(after[..end].to_owned()));
        rest = &after[end..];
    }
}

/// Parses `2]` or `"a key"]` after a `[`.
fn parse_bracket(text: &str) -> Option<(Segment, &str)> {
    if text.starts_with('"') {
        let mut escaped = false;
        for (i, c) in text.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    let key: String = serde_json::from_str(&text[..=i]).ok()?;
                    let rest = text[i + 1..].strip_prefix(']')?;
                    return Some((Segment::Key(key), rest));
                }
                _ => {}
            }
        }
        None
    } else {
        let end = text.find(']')?;
        let index = text[..end].parse().ok()?;
        Some((Segment::Index(index), &text[end + 1..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Segment {
        Segment::Key(k.to_owned())
    }

    #[test]
    fn renders_plain_and_quoted_keys() {
        assert_eq!(render(&[]), ".");
        assert_eq!(
            render(&[
                key("channels"),
                Segment::Index(2),
                key("subscribe"),
                key("type")
            ]),
            "channels[2].subscribe.type"
        );
        assert_eq!(
            render(&[key("properties"), key("a b"), key("x\"]: y")]),
            r#"properties["a b"]["x\"]: y"]"#
        );
        assert_eq!(render(&[Segment::Index(0), Segment::Unknown]), "[0].?");
    }

    #[test]
    fn embedded_paths_round_trip() {
        let paths = [
            vec![key("type")],
            vec![key("channels"), Segment::Index(2), key("subscribe")],
            vec![Segment::Index(3), key("a: b"), key("c"), Segment::Unknown],
            vec![key("x\"] [at y] "), Segment::Index(10)],
        ];
        for path in paths {
            let message = embed(&path, "expected one of `A`: or `B`");
            let (parsed, rest) = split_embedded(&message);
            assert_eq!(parsed, path, "{message}");
            assert_eq!(rest, "expected one of `A`: or `B`");
        }
    }

    #[test]
    fn plain_messages_are_not_split() {
        for message in [
            "invalid type: string \"5\", expected u64",
            "missing field `type`",
            "at least: this is not a path",
            "[at ] nothing",
            "[at a b] not a path either",
            "[at a[x]] bad index",
        ] {
            assert_eq!(split_embedded(message), (Vec::new(), message));
        }
        assert_eq!(embed(&[], "missing field `a`"), "missing field `a`");
    }
}

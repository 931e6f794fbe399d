//! JSON pointers (RFC 6901), as used in `$ref`s and in diagnostics.

use std::fmt;

/// A JSON pointer such as `#/components/schemas/echo_payload`.
///
/// Segments are stored unescaped; [`Display`](fmt::Display) writes the escaped
/// URI-fragment form with a leading `#`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct JsonPointer {
    segments: Vec<String>,
}

impl JsonPointer {
    /// The pointer to the document root (`#`).
    pub fn root() -> Self {
        JsonPointer::default()
    }

    /// Parses the fragment of a `$ref` (the part after `#`).
    ///
    /// Accepts `""`, `"/"`-separated segments with `~0`/`~1` escapes and
    /// percent-encoded characters. Returns `None` when the fragment is not a
    /// JSON pointer (it does not start with `/`, or has a bad escape).
    pub fn parse_fragment(fragment: &str) -> Option<Self> {
        if fragment.is_empty() {
            return Some(Self::root());
        }
        let rest = fragment.strip_prefix('/')?;
        let decoded = percent_decode(rest)?;
        let mut segments = Vec::new();
        for raw in decoded.split('/') {
            segments.push(unescape(raw)?);
        }
        Some(JsonPointer { segments })
    }

    /// A new pointer with one more segment.
    pub fn join(&self, segment: impl Into<String>) -> Self {
        let mut segments = self.segments.clone();
        segments.push(segment.into());
        JsonPointer { segments }
    }

    /// A new pointer with an array index appended.
    pub fn index(&self, index: usize) -> Self {
        self.join(index.to_string())
    }

    /// The unescaped segments.
    pub fn segments(&self) -> &[String] {
        &self.segments
    }

    /// The last segment, if any.
    pub fn last(&self) -> Option<&str> {
        self.segments.last().map(String::as_str)
    }

    /// Whether this pointer is the document root.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("#")?;
        for segment in &self.segments {
            f.write_str("/")?;
            for c in segment.chars() {
                match c {
                    '~' => f.write_str("~0")?,
                    '/' => f.write_str("~1")?,
                    _ => write!(f, "{c}")?,
                }
            }
        }
        Ok(())
    }
}

fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_owned());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_escaped_segments() {
        let p = JsonPointer::parse_fragment("/channels/valawai~1c1~1x/a~0b").unwrap();
        assert_eq!(p.segments(), ["channels", "valawai/c1/x", "a~b"]);
        assert_eq!(p.to_string(), "#/channels/valawai~1c1~1x/a~0b");
    }

    #[test]
    fn percent_decodes_fragments() {
        let p = JsonPointer::parse_fragment("/components/schemas/a%20b").unwrap();
        assert_eq!(p.last(), Some("a b"));
    }

    #[test]
    fn rejects_bad_fragments() {
        assert_eq!(JsonPointer::parse_fragment("components"), None);
        assert_eq!(JsonPointer::parse_fragment("/a~2"), None);
        assert_eq!(JsonPointer::parse_fragment("/a%zz"), None);
        assert_eq!(JsonPointer::parse_fragment("/a%ff"), None);
        assert!(JsonPointer::parse_fragment("").unwrap().is_root());
    }
}

//! Doc comments from spec text.
//!
//! Spec text is Markdown-escaped and cleaned so that it renders as written
//! and can never escape the comment or turn into something else: no control
//! or bidirectional-override characters (rustc rejects them in comments), no
//! indented lines (rustdoc would take them for code blocks and run them as
//! doctests), no code fences, no link or HTML syntax.

use serde_json::Value as Json;

/// Characters written as `\u{..}` instead of themselves: control characters
/// and invisible formatting characters, including the bidirectional
/// overrides rustc denies in comments and literals.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E
            | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
}

/// Replaces hidden characters (see [`is_hidden`]); tabs become spaces.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The doc lines of a description ([`prose`]), or `fallback` alone when there is none (or it
/// is blank).
pub(crate) fn prose_or(
    description: Option<&str>,
    fallback: impl FnOnce() -> String,
) -> Vec<String> {
    let mut lines = description.map(prose).unwrap_or_default();
    if lines.is_empty() {
        lines.push(fallback());
    }
    lines
}

/// Spec prose as doc lines: one line per line of text, leading spaces
/// removed (so no line is an indented code block), code fences, link
/// brackets and HTML angle brackets escaped.
pub(crate) fn prose(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text
        .trim_end()
        .lines()
        .map(|line| {
            let line = clean(line.trim_start());
            let mut out = String::new();
            if line.starts_with("```") || line.starts_with("~~~") {
                out.push('\\');
            }
            for c in line.chars() {
                if matches!(c, '\\' | '[' | ']' | '<' | '>') {
                    out.push('\\');
                }
                out.push(c);
            }
            out.trim_end().to_owned()
        })
        .collect();
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    lines
}

/// `text` as inline code: a backtick fence longer than any run of
/// backticks inside, padded when the text starts or ends with one.
pub(crate) fn code(text: &str) -> String {
    let text = clean(&text.replace('\n', "\\n"));
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// A JSON value as inline code, e.g. `"C0"`.
pub(crate) fn json(value: &Json) -> String {
    code(&value.to_string())
}

/// Doc lines for `examples`: inline when every example is short, else one
/// fenced `json` block per example (never Rust, so never a doctest).
pub(crate) fn examples(values: &[Json]) -> Vec<String> {
    if values.is_empty() {
        return Vec::new();
    }
    let short = values.iter().all(|v| {
        let text = v.to_string();
        text.chars().count() <= 60 && !text.contains('`')
    });
    let label = if values.len() == 1 {
        "Example"
    } else {
        "Examples"
    };
    if short {
        let list: Vec<String> = values.iter().map(json).collect();
        return vec![format!("{label}: {}", list.join(", "))];
    }
    let mut lines = vec![format!("{label}:")];
    for value in values {
        lines.push(String::new());
        lines.push("```json".to_owned());
        let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
        lines.extend(text.lines().map(clean));
        lines.push("```".to_owned());
    }
    lines
}

/// Appends `block` to `docs` with a blank line between them.
pub(crate) fn push_block(docs: &mut Vec<String>, block: Vec<String>) {
    if block.is_empty() {
        return;
    }
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.extend(block);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_cannot_make_code_links_or_html() {
        let lines = prose(
            "  first\n    indented code?\n```rust\nfn main() {}\n```\n[link](x) <b> a\\b\r\n",
        );
        assert_eq!(
            lines,
            vec![
                "first",
                "indented code?",
                "\\```rust",
                "fn main() {}",
                "\\```",
                "\\[link\\](x) \\<b\\> a\\\\b",
            ]
        );
    }

    #[test]
    fn hidden_characters_are_shown() {
        assert_eq!(clean("a\u{202e}b\u{0}c\td"), "a\\u{202e}b\\u{0000}c d");
        assert_eq!(prose("x */ y\u{2028}z"), vec!["x */ y\\\\u{2028}z"]);
    }

    #[test]
    fn code_spans_outlast_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(code("a\nb"), "`a\\nb`");
    }

    #[test]
    fn examples_inline_or_fenced() {
        assert_eq!(
            examples(&[json!("C0"), json!(5)]),
            vec!["Examples: `\"C0\"`, `5`"]
        );
        let long = json!({"a": "x".repeat(70)});
        let lines = examples(&[long]);
        assert_eq!(lines[0], "Example:");
        assert_eq!(lines[2], "```json");
        assert_eq!(lines.last().unwrap(), "```");
    }

    use serde_json::json;
}

//! Rust names from spec text: casing, keywords, non-ASCII text, and
//! deterministic collision resolution.
//!
//! Every identifier the generator writes comes from here, so no spec text
//! can produce an invalid identifier: names are ASCII letters, digits and
//! underscores, never a keyword, never empty.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords of Rust 2024, strict and reserved. `Self` is checked separately
/// because it is the only one in upper camel case.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `name` is a Rust keyword.
pub(crate) fn is_keyword(name: &str) -> bool {
    name == "Self" || KEYWORDS.contains(&name)
}

/// Splits spec text into words that heck can case: ASCII letters and digits
/// are kept, other letters and digits become `u<hex>` words (so `名前` and
/// `名字` stay different), everything else separates words.
fn ascii_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.push_str(&format!("_u{:x}_", c as u32));
        } else {
            out.push('_');
        }
    }
    out
}

/// An upper camel case type or variant name for `text`, or `fallback` when
/// the text has no letters or digits. Names that would start with a digit
/// get `prefix` in front.
pub(crate) fn type_name(text: &str, fallback: &str, prefix: &str) -> String {
    let mut name = ascii_words(text).to_upper_camel_case();
    if name.is_empty() {
        name = fallback.to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("{prefix}{name}");
    }
    if name == "Self" {
        name = format!("Self{fallback}");
    }
    name
}

/// `text` in snake case words, ASCII only (may be empty or start with a
/// digit; [`field_name`] makes an identifier of it).
pub(crate) fn snake_words(text: &str) -> String {
    ascii_words(text).to_snake_case()
}

/// A snake case field name for `text`: keywords get a trailing `_`, text
/// without letters or digits becomes `fallback`, and names that would start
/// with a digit get an `n` in front.
pub(crate) fn field_name(text: &str, fallback: &str) -> String {
    let mut name = ascii_words(text).to_snake_case();
    if name.is_empty() {
        name = fallback.to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("n{name}");
    }
    if is_keyword(&name) {
        name.push('_');
    }
    name
}

/// Whether `name` can be used as a Rust identifier as it is (checked for
/// names given in patches).
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
        && !is_keyword(name)
}

/// Names already given in one scope (the generated module, the fields of a
/// struct, the variants of an enum). A name that is taken gets the first free
/// numeric suffix, so the result depends only on the order of requests.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scope {
    taken: HashSet<String>,
    snake: bool,
}

impl Scope {
    /// A scope for upper camel case names.
    pub(crate) fn camel() -> Self {
        Scope::default()
    }

    /// A scope for snake case names; suffixes are written `_2`.
    pub(crate) fn snake() -> Self {
        Scope {
            taken: HashSet::new(),
            snake: true,
        }
    }

    /// Marks `name` as taken without checking it.
    pub(crate) fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }

    /// Whether `name` is taken.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// Takes `name`, or the first free `name2`, `name3`... (`name_2` in a
    /// snake case scope, and after a name that ends with a digit, where
    /// `V1` and `2` would read as `V12`).
    pub(crate) fn take(&mut self, name: &str) -> String {
        let mut candidate = name.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = if name.ends_with('_') {
                format!("{name}{n}")
            } else if self.snake || name.ends_with(|c: char| c.is_ascii_digit()) {
                format!("{name}_{n}")
            } else {
                format!("{name}{n}")
            };
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing() {
        assert_eq!(
            type_name("component_payload", "Type", "T"),
            "ComponentPayload"
        );
        assert_eq!(
            type_name("AGE_BETWEEN_0_AND_19", "Value", "V"),
            "AgeBetween0And19"
        );
        assert_eq!(type_name("0", "Value", "V"), "V0");
        assert_eq!(type_name("*/", "Value", "V"), "Value");
        assert_eq!(type_name("self", "Type", "T"), "SelfType");
        assert_eq!(type_name("名前", "Type", "T"), "U540dU524d");
        assert_eq!(field_name("frail_VIG", "field"), "frail_vig");
        assert_eq!(field_name("type", "field"), "type_");
        assert_eq!(field_name("Self", "field"), "self_");
        assert_eq!(field_name("\"#}", "field"), "field");
        assert_eq!(field_name("2fa", "field"), "n2fa");
        assert_eq!(field_name("apiVersion", "field"), "api_version");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("ComponentPayload"));
        assert!(is_identifier("_x"));
        assert!(!is_identifier("type"));
        assert!(!is_identifier("a-b"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier("_"));
        assert!(!is_identifier(""));
    }

    #[test]
    fn collisions_get_deterministic_suffixes() {
        let mut scope = Scope::camel();
        assert_eq!(scope.take("Foo"), "Foo");
        assert_eq!(scope.take("Foo"), "Foo2");
        assert_eq!(scope.take("Foo"), "Foo3");
        assert_eq!(scope.take("V1"), "V1");
        assert_eq!(scope.take("V1"), "V1_2");
        let mut fields = Scope::snake();
        assert_eq!(fields.take("foo_bar"), "foo_bar");
        assert_eq!(fields.take("foo_bar"), "foo_bar_2");
        assert_eq!(fields.take("type_"), "type_");
        assert_eq!(fields.take("type_"), "type_2");
    }
}

//! Members a payload carries that its schema does not declare.
//!
//! The generated types ignore such members (unless the spec says `additionalProperties:
//! false`, or the component keeps them with `keep_unknown_fields`). Ignoring them silently
//! hides a drifted contract: a sender that spells `has_advance_directives` where the spec says
//! `has_advance_Directives` leaves the handler a `None`. The decoder reports each ignored
//! member here while a payload decodes; whoever decodes collects them around the decoder
//! ([`collect`]) and decides what to say: the runtime's dispatcher of a receive channel logs one
//! WARN per (type, property) the first time it sees one, locally and to the MOV, not one per
//! message.
//!
//! The collector is thread-local and only set while a dispatcher decodes, so decoding
//! anywhere else reports into nothing; when nothing is undeclared it costs two thread-local
//! accesses per message.

use std::cell::RefCell;

/// A member's key as the input gave it: borrowed when it could lend its text.
#[derive(Debug)]
pub(crate) enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn into_owned(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

/// A member of a struct, reported when the struct ignores its value.
#[derive(Debug)]
pub(crate) struct Member<'de> {
    /// The Rust type the struct deserialises into.
    pub(crate) type_name: &'static str,
    /// The members it declares (serde's field list).
    pub(crate) declared: &'static [&'static str],
    pub(crate) key: Key<'de>,
}

/// A property a payload carried that its type does not declare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undeclared {
    /// The type (`TreatmentPayload`).
    pub type_name: &'static str,
    /// The property (`has_advance_directives`).
    pub property: String,
    /// A declared property it is probably meant to be (`has_advance_Directives`).
    pub suggestion: Option<&'static str>,
}

/// At most this many undeclared members are collected per payload.
const PER_PAYLOAD: usize = 32;

thread_local! {
    static COLLECTOR: RefCell<Option<Vec<Undeclared>>> = const { RefCell::new(None) };
}

/// Called by [`super::wire::Wire`] for a member a struct ignored.
pub(crate) fn report(member: Member<'_>) {
    COLLECTOR.with(|c| {
        if let Some(found) = c.borrow_mut().as_mut()
            && found.len() < PER_PAYLOAD
        {
            let name = member.key.into_owned();
            found.push(Undeclared {
                type_name: member.type_name,
                suggestion: did_you_mean(&name, member.declared),
                property: name,
            });
        }
    });
}

/// Runs `decode` and returns what it returned with the undeclared members it met.
pub fn collect<T>(decode: impl FnOnce() -> T) -> (T, Vec<Undeclared>) {
    let outer = COLLECTOR.with(|c| c.replace(Some(Vec::new())));
    let value = decode();
    let found = COLLECTOR.with(|c| c.replace(outer)).unwrap_or_default();
    (value, found)
}

/// How many members have been collected so far (for [`rollback`]).
pub(crate) fn mark() -> usize {
    COLLECTOR.with(|c| c.borrow().as_ref().map_or(0, Vec::len))
}

/// Forgets what was collected since `mark`: an alternative of an untagged enum that did not
/// match says nothing about the payload.
pub(crate) fn rollback(mark: usize) {
    COLLECTOR.with(|c| {
        if let Some(found) = c.borrow_mut().as_mut() {
            found.truncate(mark);
        }
    });
}

/// The declared name `name` is probably a misspelling of: equal ignoring ASCII case, or at
/// most two edits away (one for names of up to four characters), the closest first.
pub fn did_you_mean<'a>(name: &str, declared: &[&'a str]) -> Option<&'a str> {
    if let Some(same) = declared.iter().find(|d| d.eq_ignore_ascii_case(name)) {
        return Some(same);
    }
    let limit = if name.chars().count() <= 4 { 1 } else { 2 };
    declared
        .iter()
        .map(|d| (edit_distance(name, d, limit), *d))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, d)| d)
}

/// Levenshtein distance with adjacent transpositions, stopping early past `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    // Lengths first: a long key costs no allocation.
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return limit + 1;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            row[j] = best;
        }
        if row.iter().min().is_some_and(|m| *m > limit) {
            return limit + 1;
        }
        before = std::mem::replace(&mut previous, row);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_prefer_a_case_difference_then_few_edits() {
        let declared = [
            "has_advance_Directives",
            "has_advance_directive",
            "age",
            "name",
        ];
        assert_eq!(
            did_you_mean("has_advance_directives", &declared),
            Some("has_advance_Directives")
        );
        assert_eq!(did_you_mean("nmae", &declared), Some("name"));
        assert_eq!(did_you_mean("agee", &declared), Some("age"));
        assert_eq!(did_you_mean("xyz", &declared), None);
        assert_eq!(did_you_mean("ages", &["age", "sex"]), Some("age"));
        assert_eq!(did_you_mean("id", &["ab"]), None);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("abcdef", "xyz", 2), 3);
    }

    #[test]
    fn only_a_collecting_decoder_hears_reports() {
        let member = || Member {
            type_name: "T",
            declared: &["name"],
            key: Key::Borrowed("nmae"),
        };
        report(member());
        let ((), found) = collect(|| {
            report(member());
            let at = mark();
            report(member());
            rollback(at);
        });
        assert_eq!(
            found,
            vec![Undeclared {
                type_name: "T",
                property: "nmae".into(),
                suggestion: Some("name")
            }]
        );
        let ((), found) = collect(|| ());
        assert!(found.is_empty());
    }
}

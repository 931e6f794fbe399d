//! Members a payload carries that its schema does not declare.
//!
//! The generated types ignore such members (unless the spec says `additionalProperties:
//! false`, or the component keeps them with `keep_unknown_fields`). Ignoring them silently
//! hides a drifted contract: a sender that spells `has_advance_directives` where the spec says
//! `has_advance_Directives` leaves the handler a `None`. [`super::wire::Wire`] reports each
//! ignored member here while a payload decodes; the dispatcher of a receive channel collects
//! them around its decoder ([`collect`]) and logs one WARN per (type, property) the first
//! time it sees one, locally and to the MOV ([`Sightings`]), not one per message.
//!
//! The collector is thread-local and only set while a dispatcher decodes, so decoding
//! anywhere else reports into nothing; when nothing is undeclared it costs two thread-local
//! accesses per message.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Mutex;

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

/// The (type, property) pairs a receive channel has warned about.
#[derive(Debug, Default)]
pub(crate) struct Sightings {
    seen: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    pairs: HashSet<(&'static str, String)>,
    full: bool,
}

/// Distinct undeclared properties remembered per channel; past this, one last WARN says so and
/// the channel stops warning (a sender that makes up names cannot fill the memory or the log).
const REMEMBERED: usize = 256;

/// What a channel warns about, once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Notice {
    /// A property seen for the first time on the channel.
    First(Undeclared),
    /// The channel has seen [`REMEMBERED`] of them and stops warning.
    TooMany,
}

impl Notice {
    /// The WARN message for `channel`.
    pub(crate) fn message(&self, channel: &str) -> String {
        match self {
            Notice::First(u) => {
                let hint = match u.suggestion {
                    Some(s) => format!("; did you mean `{s}`?"),
                    None => String::new(),
                };
                format!(
                    "A message on {channel} has a property `{}` that `{}` does not declare; it \
                     is ignored{hint} (said once per channel and property)",
                    u.property, u.type_name
                )
            }
            Notice::TooMany => format!(
                "{REMEMBERED} different undeclared properties seen on {channel}; no more are \
                 reported"
            ),
        }
    }

    /// The WARN's payload: what a program reading the logs needs.
    pub(crate) fn details(&self, channel: &str) -> serde_json::Value {
        match self {
            Notice::First(u) => serde_json::json!({
                "channel": channel,
                "type": u.type_name,
                "property": u.property,
                "did_you_mean": u.suggestion,
            }),
            Notice::TooMany => serde_json::json!({"channel": channel}),
        }
    }
}

impl Sightings {
    /// What to warn about in `found`: each (type, property) not seen on this channel before.
    pub(crate) fn first_seen(&self, found: Vec<Undeclared>) -> Vec<Notice> {
        let mut notices = Vec::new();
        let Ok(mut seen) = self.seen.lock() else {
            return notices;
        };
        for undeclared in found {
            if seen.full {
                break;
            }
            if seen.pairs.len() == REMEMBERED {
                seen.full = true;
                notices.push(Notice::TooMany);
                break;
            }
            if seen
                .pairs
                .insert((undeclared.type_name, undeclared.property.clone()))
            {
                notices.push(Notice::First(undeclared));
            }
        }
        notices
    }

    /// How many distinct undeclared properties this channel has warned about.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.seen.lock().map_or(0, |s| s.pairs.len())
    }
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

    #[test]
    fn a_channel_warns_once_per_type_and_property_and_remembers_a_bounded_number() {
        let found = |property: &str| Undeclared {
            type_name: "T",
            property: property.to_owned(),
            suggestion: None,
        };
        let sightings = Sightings::default();
        assert_eq!(
            sightings.first_seen(vec![found("a"), found("a")]),
            [Notice::First(found("a"))]
        );
        assert_eq!(
            sightings.first_seen(vec![found("a"), found("b")]),
            [Notice::First(found("b"))]
        );
        assert_eq!(sightings.len(), 2);
        let mut notices = Vec::new();
        for n in 0..2 * REMEMBERED {
            notices.extend(sightings.first_seen(vec![found(&format!("x{n}"))]));
        }
        assert_eq!(sightings.len(), REMEMBERED);
        assert_eq!(notices.len(), REMEMBERED - 2 + 1);
        assert_eq!(notices.last(), Some(&Notice::TooMany));
        assert_eq!(
            Notice::First(Undeclared {
                type_name: "T",
                property: "nmae".into(),
                suggestion: Some("name"),
            })
            .message("c/x"),
            "A message on c/x has a property `nmae` that `T` does not declare; it is ignored; \
             did you mean `name`? (said once per channel and property)"
        );
    }
}

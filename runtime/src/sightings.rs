//! The undeclared properties a receive channel has warned about: one WARN per (type,
//! property) the first time the channel sees it, locally and to the MOV, not one per message.
//! The payload layer collects them while a body decodes (`valawai_payload::undeclared`); this is
//! the dispatcher's memory of what it already said.

use std::collections::HashSet;
use std::sync::Mutex;

use valawai_payload::undeclared::Undeclared;

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

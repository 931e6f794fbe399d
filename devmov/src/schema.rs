//! The MOV's rules on translated payload schemas (`payload_schema` JSON): which channel is the
//! registered one, which is a C2 notification channel, and when a publisher's schema matches a
//! subscriber's (`PayloadSchema.match` in the MOV).

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

/// The properties a registered channel's payload must have (`component_payload`).
const REGISTERED_PROPERTIES: [&str; 8] = [
    "id",
    "name",
    "description",
    "version",
    "api_version",
    "type",
    "since",
    "channels",
];

/// The properties a C2 notification channel's payload must have (`sent_message_payload`).
const NOTIFICATION_PROPERTIES: [&str; 5] = [
    "connection_id",
    "source",
    "target",
    "message_payload",
    "timestamp",
];

/// What the MOV makes of a channel of a registered component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChannelRole {
    /// Where the MOV sends the registered notification.
    Registered,
    /// Where a C2 component receives what passes through connections.
    Notification,
    /// A candidate for auto-connection.
    Candidate,
}

fn object_has(schema: Option<&Value>, names: &[&str]) -> bool {
    match schema {
        Some(s) if s["type"] == "OBJECT" => {
            let properties = s["properties"].as_object();
            names
                .iter()
                .all(|n| properties.is_some_and(|p| p.contains_key(*n)))
        }
        _ => false,
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Classifies a channel as the MOV does (section 7.2 of the protocol notes), for a component of
/// type `component_type` (`C0`, `C1` or `C2`).
pub(crate) fn role(component_type: &str, name: &str, subscribe: Option<&Value>) -> ChannelRole {
    let segments: Vec<&str> = name.split('/').collect();
    let lower = component_type.to_ascii_lowercase();
    let registered = matches!(segments.as_slice(),
        ["valawai", t, n, "control", last] if *t == lower && is_word(n) && *last == "registered")
        && object_has(subscribe, &REGISTERED_PROPERTIES);
    if registered {
        ChannelRole::Registered
    } else if component_type == "C2" && object_has(subscribe, &NOTIFICATION_PROPERTIES) {
        ChannelRole::Notification
    } else {
        ChannelRole::Candidate
    }
}

/// Whether what a publisher sends (`publisher`, a `payload_schema`) can be taken by a
/// subscriber (`subscriber`): same basic format, same enum values, same constant, an object
/// with at least the publisher's properties (each matching), arrays and combinations with as
/// many items matched pairwise in any order; references resolved through the objects' ids.
///
/// Order, as in the MOV: enum values compare as sets (`TreeSet.equals`); an object's
/// properties are compared in the order they are written (the MOV's, sorted); the items of an
/// array or a combination are paired greedily in document order, each publisher item with the
/// first subscriber item left that it matches (`DiversePayloadSchema.matchPayload`), so two
/// combinations with the same items in another order can differ in whether they match.
pub fn matches(publisher: &Value, subscriber: &Value) -> bool {
    Matcher::default().matches(publisher, subscriber, 0)
}

#[derive(Default)]
struct Matcher<'a> {
    publisher_ids: HashMap<i64, &'a Value>,
    subscriber_ids: HashMap<i64, &'a Value>,
    /// The pairs of objects being compared: meeting one again through a reference means the
    /// recursion matches so far (a recursive schema against itself).
    comparing: HashSet<(*const Value, *const Value)>,
}

/// Deep enough for any real spec; a reference cycle stops here instead of overflowing.
const MAX_DEPTH: usize = 64;

impl<'a> Matcher<'a> {
    fn remember(ids: &mut HashMap<i64, &'a Value>, schema: &'a Value) {
        if let Some(id) = schema.get("id").and_then(Value::as_i64) {
            ids.entry(id).or_insert(schema);
        }
    }

    fn matches(&mut self, publisher: &'a Value, subscriber: &'a Value, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        Self::remember(&mut self.publisher_ids, publisher);
        Self::remember(&mut self.subscriber_ids, subscriber);
        let publisher = match resolve(publisher, &self.publisher_ids) {
            Some(p) => p,
            None => return false,
        };
        let subscriber = match resolve(subscriber, &self.subscriber_ids) {
            Some(s) => s,
            None => return false,
        };
        let kind = publisher["type"].as_str().unwrap_or_default();
        if subscriber["type"].as_str() != Some(kind) {
            return false;
        }
        match kind {
            "BASIC" => publisher.get("format") == subscriber.get("format"),
            "CONST" => publisher.get("value") == subscriber.get("value"),
            "ENUM" => {
                let set = |s: &Value| {
                    let mut v: Vec<String> = s["values"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(Value::to_string)
                        .collect();
                    v.sort();
                    v.dedup();
                    v
                };
                set(publisher) == set(subscriber)
            }
            "OBJECT" => {
                let pair = (publisher as *const Value, subscriber as *const Value);
                if !self.comparing.insert(pair) {
                    return true;
                }
                let Some(sent) = publisher["properties"].as_object() else {
                    return true;
                };
                let taken = subscriber["properties"].as_object();
                let matched = sent.iter().all(|(name, p)| {
                    taken
                        .and_then(|t| t.get(name))
                        .is_some_and(|s| self.matches(p, s, depth + 1))
                });
                self.comparing.remove(&pair);
                matched
            }
            "ARRAY" | "ONE_OF" | "ANY_OF" | "ALL_OF" => {
                let items = |s: &'a Value| s["items"].as_array().map_or(&[][..], Vec::as_slice);
                let (sent, taken) = (items(publisher), items(subscriber));
                sent.len() == taken.len() && self.pair_all(sent, taken, depth)
            }
            _ => false,
        }
    }

    /// Whether every item of `sent` matches a different item of `taken`, in any order.
    fn pair_all(&mut self, sent: &'a [Value], taken: &'a [Value], depth: usize) -> bool {
        let mut used = vec![false; taken.len()];
        sent.iter().all(|p| {
            let found =
                (0..taken.len()).find(|&i| !used[i] && self.matches(p, &taken[i], depth + 1));
            found.map(|i| used[i] = true).is_some()
        })
    }
}

fn resolve<'a>(schema: &'a Value, ids: &HashMap<i64, &'a Value>) -> Option<&'a Value> {
    if schema["type"] == "REF" {
        ids.get(&schema["identifier"].as_i64()?).copied()
    } else {
        Some(schema)
    }
}

/// The schema of the `sent_message_payload` the MOV sends to a C2 notification channel for a
/// connection whose source publishes `message` (`SentMessagePayload.createSentMessagePayloadSchemaFor`).
pub(crate) fn sent_message_schema(message: &Value) -> Value {
    let min_component = json!({"type": "OBJECT", "properties": {
        "id": {"type": "BASIC", "format": "STRING"},
        "name": {"type": "BASIC", "format": "STRING"},
        "type": {"type": "ENUM", "values": ["C0", "C1", "C2"]},
    }});
    json!({"type": "OBJECT", "properties": {
        "connection_id": {"type": "BASIC", "format": "STRING"},
        "source": min_component,
        "target": min_component,
        "message_payload": message,
        "timestamp": {"type": "BASIC", "format": "INTEGER"},
    }})
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    fn basic(format: &str) -> Value {
        json!({"type": "BASIC", "format": format})
    }

    #[test]
    fn basics_enums_and_consts_match_on_their_content() {
        assert!(matches(&basic("STRING"), &basic("STRING")));
        assert!(!matches(&basic("STRING"), &basic("INTEGER")));
        let e1 = json!({"type": "ENUM", "values": ["A", "B"]});
        let e2 = json!({"type": "ENUM", "values": ["B", "A"]});
        let e3 = json!({"type": "ENUM", "values": ["A"]});
        assert!(matches(&e1, &e2));
        assert!(!matches(&e1, &e3));
        assert!(matches(
            &json!({"type": "CONST", "value": "X"}),
            &json!({"type": "CONST", "value": "X"})
        ));
        assert!(!matches(
            &json!({"type": "CONST", "value": "X"}),
            &json!({"type": "CONST", "value": "Y"})
        ));
        assert!(!matches(&basic("STRING"), &e1));
    }

    #[test]
    fn an_object_matches_a_subscriber_with_at_least_its_properties() {
        let sent = json!({"type": "OBJECT", "properties": {"content": basic("STRING")}});
        let wider = json!({"type": "OBJECT", "properties": {
            "content": basic("STRING"), "extra": basic("NUMBER")}});
        assert!(matches(&sent, &sent));
        assert!(matches(&sent, &wider));
        assert!(!matches(&wider, &sent));
        let other = json!({"type": "OBJECT", "properties": {"content": basic("INTEGER")}});
        assert!(!matches(&sent, &other));
    }

    #[test]
    fn arrays_and_combinations_pair_their_items_in_any_order() {
        let a = json!({"type": "ONE_OF", "items": [basic("STRING"), basic("NUMBER")]});
        let b = json!({"type": "ONE_OF", "items": [basic("NUMBER"), basic("STRING")]});
        let c = json!({"type": "ANY_OF", "items": [basic("NUMBER"), basic("STRING")]});
        let d = json!({"type": "ONE_OF", "items": [basic("STRING"), basic("STRING")]});
        assert!(matches(&a, &b));
        assert!(!matches(&a, &c));
        assert!(!matches(&a, &d));
        let arr = json!({"type": "ARRAY", "items": [basic("STRING")]});
        assert!(matches(&arr, &arr));
        assert!(!matches(&arr, &json!({"type": "ARRAY", "items": []})));
    }

    /// The MOV pairs items greedily in document order: the publisher's `a` takes the first
    /// subscriber item it fits, which can leave `ab` nothing, while the same subscriber items
    /// in the other order pair up.
    #[test]
    fn items_pair_greedily_in_document_order_as_the_mov_pairs_them() {
        let object = |names: &[&str]| {
            json!({"type": "OBJECT", "properties": names.iter()
                .map(|n| (n.to_string(), basic("STRING"))).collect::<Map<_, _>>()})
        };
        let one_of = |items: Vec<Value>| json!({"type": "ONE_OF", "items": items});
        let sent = one_of(vec![object(&["a"]), object(&["a", "b"])]);
        let taken = one_of(vec![object(&["a", "b"]), object(&["a", "c"])]);
        let reversed = one_of(vec![object(&["a", "c"]), object(&["a", "b"])]);
        assert!(!matches(&sent, &taken));
        assert!(matches(&sent, &reversed));
        // Enum values are a set.
        let e1 = json!({"type": "ENUM", "values": ["A", "B", "B"]});
        let e2 = json!({"type": "ENUM", "values": ["B", "A"]});
        assert!(matches(&e1, &e2) && matches(&e2, &e1));
    }

    #[test]
    fn references_resolve_through_object_ids_and_cycles_terminate() {
        let tree = json!({"type": "OBJECT", "id": 0, "properties": {
            "children": {"type": "ARRAY", "items": [{"type": "REF", "identifier": 0}]}}});
        assert!(matches(&tree, &tree));
        let dangling = json!({"type": "REF", "identifier": 7});
        assert!(!matches(&dangling, &tree));
    }

    #[test]
    fn channels_are_classified_as_the_mov_does() {
        let registered = json!({"type": "OBJECT", "properties": REGISTERED_PROPERTIES
            .iter().map(|p| (p.to_string(), basic("STRING"))).collect::<Map<_, _>>()});
        let name = "valawai/c1/echo/control/registered";
        assert_eq!(role("C1", name, Some(&registered)), ChannelRole::Registered);
        // The type segment must be the registered type.
        assert_eq!(role("C0", name, Some(&registered)), ChannelRole::Candidate);
        assert_eq!(role("C1", name, None), ChannelRole::Candidate);
        let sent = sent_message_schema(&basic("STRING"));
        assert_eq!(
            role("C2", "valawai/c2/x/control/notified", Some(&sent)),
            ChannelRole::Notification
        );
        assert_eq!(
            role("C1", "valawai/c1/x/control/notified", Some(&sent)),
            ChannelRole::Candidate
        );
    }
}

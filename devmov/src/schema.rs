//! The MOV's rules on translated payload schemas (`payload_schema` JSON): which channel is the
//! registered one, which is a C2 notification channel, and when a publisher's schema matches a
//! subscriber's (`PayloadSchema.match` in the MOV).

use std::collections::{BTreeMap, HashMap, HashSet};

use valawai::conventions::parse_registered_address;
use valawai::mov::protocol::{
    BasicPayloadSchema, BasicPayloadSchemaFormat, ComponentType, EnumPayloadSchema,
    ObjectPayloadSchema, PayloadSchema,
};

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

fn object_has(schema: Option<&PayloadSchema>, names: &[&str]) -> bool {
    match schema {
        Some(PayloadSchema::Object(o)) => names
            .iter()
            .all(|n| o.properties.as_ref().is_some_and(|p| p.contains_key(*n))),
        _ => false,
    }
}

/// Classifies a channel as the MOV does (section 7.2 of the protocol notes), for a component of
/// type `component_type`: the registered channel's address is the conventions' rule
/// ([`valawai::conventions::parse_registered_address`]) with the component's type.
pub(crate) fn role(
    component_type: ComponentType,
    name: &str,
    subscribe: Option<&PayloadSchema>,
) -> ChannelRole {
    let registered = parse_registered_address(name).is_some_and(|(t, _)| t == component_type)
        && object_has(subscribe, &REGISTERED_PROPERTIES);
    if registered {
        ChannelRole::Registered
    } else if component_type == ComponentType::C2 && object_has(subscribe, &NOTIFICATION_PROPERTIES)
    {
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
pub fn matches(publisher: &PayloadSchema, subscriber: &PayloadSchema) -> bool {
    Matcher::default().matches(publisher, subscriber, 0)
}

#[derive(Default)]
struct Matcher<'a> {
    publisher_ids: HashMap<i64, &'a PayloadSchema>,
    subscriber_ids: HashMap<i64, &'a PayloadSchema>,
    /// The pairs of objects being compared: meeting one again through a reference means the
    /// recursion matches so far (a recursive schema against itself).
    comparing: HashSet<(*const ObjectPayloadSchema, *const ObjectPayloadSchema)>,
}

/// Deep enough for any real spec; a reference cycle stops here instead of overflowing.
const MAX_DEPTH: usize = 64;

/// The items of an array or a combination.
fn items(items: &Option<Vec<PayloadSchema>>) -> &[PayloadSchema] {
    items.as_deref().unwrap_or_default()
}

/// Enum values as a set.
fn value_set(e: &EnumPayloadSchema) -> Vec<&str> {
    let mut v: Vec<&str> = e.values.iter().flatten().map(String::as_str).collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl<'a> Matcher<'a> {
    fn remember(ids: &mut HashMap<i64, &'a PayloadSchema>, schema: &'a PayloadSchema) {
        if let PayloadSchema::Object(ObjectPayloadSchema { id: Some(id), .. }) = schema {
            ids.entry(*id).or_insert(schema);
        }
    }

    fn matches(
        &mut self,
        publisher: &'a PayloadSchema,
        subscriber: &'a PayloadSchema,
        depth: usize,
    ) -> bool {
        use PayloadSchema as P;
        if depth > MAX_DEPTH {
            return false;
        }
        Self::remember(&mut self.publisher_ids, publisher);
        Self::remember(&mut self.subscriber_ids, subscriber);
        let (Some(publisher), Some(subscriber)) = (
            resolve(publisher, &self.publisher_ids),
            resolve(subscriber, &self.subscriber_ids),
        ) else {
            return false;
        };
        match (publisher, subscriber) {
            (P::Basic(p), P::Basic(s)) => p.format == s.format,
            (P::Const(p), P::Const(s)) => p.value == s.value,
            (P::Enum(p), P::Enum(s)) => value_set(p) == value_set(s),
            (P::Object(p), P::Object(s)) => {
                let pair = (p as *const _, s as *const _);
                if !self.comparing.insert(pair) {
                    return true;
                }
                let Some(sent) = &p.properties else {
                    return true;
                };
                let taken = s.properties.as_ref();
                let matched = sent.iter().all(|(name, p)| {
                    taken
                        .and_then(|t| t.get(name))
                        .is_some_and(|s| self.matches(p, s, depth + 1))
                });
                self.comparing.remove(&pair);
                matched
            }
            (P::Array(p), P::Array(s)) => self.pair_all(items(&p.items), items(&s.items), depth),
            (P::OneOf(p), P::OneOf(s)) => self.pair_all(items(&p.items), items(&s.items), depth),
            (P::AnyOf(p), P::AnyOf(s)) => self.pair_all(items(&p.items), items(&s.items), depth),
            (P::AllOf(p), P::AllOf(s)) => self.pair_all(items(&p.items), items(&s.items), depth),
            _ => false,
        }
    }

    /// Whether `sent` and `taken` have as many items, and every item of `sent` matches a
    /// different item of `taken`, in any order.
    fn pair_all(
        &mut self,
        sent: &'a [PayloadSchema],
        taken: &'a [PayloadSchema],
        depth: usize,
    ) -> bool {
        if sent.len() != taken.len() {
            return false;
        }
        let mut used = vec![false; taken.len()];
        sent.iter().all(|p| {
            let found =
                (0..taken.len()).find(|&i| !used[i] && self.matches(p, &taken[i], depth + 1));
            found.map(|i| used[i] = true).is_some()
        })
    }
}

fn resolve<'a>(
    schema: &'a PayloadSchema,
    ids: &HashMap<i64, &'a PayloadSchema>,
) -> Option<&'a PayloadSchema> {
    match schema {
        PayloadSchema::Ref(r) => ids.get(&r.value?).copied(),
        _ => Some(schema),
    }
}

fn basic(format: BasicPayloadSchemaFormat) -> PayloadSchema {
    PayloadSchema::Basic(BasicPayloadSchema {
        format: Some(format),
    })
}

fn object<const N: usize>(properties: [(&str, PayloadSchema); N]) -> PayloadSchema {
    PayloadSchema::Object(ObjectPayloadSchema {
        id: None,
        properties: Some(
            properties
                .into_iter()
                .map(|(n, s)| (n.to_owned(), s))
                .collect::<BTreeMap<_, _>>(),
        ),
    })
}

/// The schema of the `sent_message_payload` the MOV sends to a C2 notification channel for a
/// connection whose source publishes `message` (`SentMessagePayload.createSentMessagePayloadSchemaFor`).
pub(crate) fn sent_message_schema(message: &PayloadSchema) -> PayloadSchema {
    use BasicPayloadSchemaFormat::{Integer, String};
    let min_component = || {
        object([
            ("id", basic(String)),
            ("name", basic(String)),
            (
                "type",
                PayloadSchema::Enum(EnumPayloadSchema {
                    values: Some(["C0", "C1", "C2"].map(Into::into).to_vec()),
                }),
            ),
        ])
    };
    object([
        ("connection_id", basic(String)),
        ("source", min_component()),
        ("target", min_component()),
        ("message_payload", message.clone()),
        ("timestamp", basic(Integer)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A schema from the MOV's JSON.
    fn schema(text: &str) -> PayloadSchema {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn string() -> PayloadSchema {
        basic(BasicPayloadSchemaFormat::String)
    }

    #[test]
    fn basics_enums_and_consts_match_on_their_content() {
        assert!(matches(&string(), &string()));
        assert!(!matches(
            &string(),
            &basic(BasicPayloadSchemaFormat::Integer)
        ));
        let e1 = schema(r#"{"type": "ENUM", "values": ["A", "B"]}"#);
        let e2 = schema(r#"{"type": "ENUM", "values": ["B", "A"]}"#);
        let e3 = schema(r#"{"type": "ENUM", "values": ["A"]}"#);
        assert!(matches(&e1, &e2));
        assert!(!matches(&e1, &e3));
        let x = schema(r#"{"type": "CONST", "value": "X"}"#);
        assert!(matches(&x, &x.clone()));
        assert!(!matches(&x, &schema(r#"{"type": "CONST", "value": "Y"}"#)));
        assert!(!matches(&string(), &e1));
    }

    #[test]
    fn an_object_matches_a_subscriber_with_at_least_its_properties() {
        let sent = object([("content", string())]);
        let wider = object([
            ("content", string()),
            ("extra", basic(BasicPayloadSchemaFormat::Number)),
        ]);
        assert!(matches(&sent, &sent));
        assert!(matches(&sent, &wider));
        assert!(!matches(&wider, &sent));
        let other = object([("content", basic(BasicPayloadSchemaFormat::Integer))]);
        assert!(!matches(&sent, &other));
    }

    #[test]
    fn arrays_and_combinations_pair_their_items_in_any_order() {
        let s = r#"{"type": "BASIC", "format": "STRING"}"#;
        let n = r#"{"type": "BASIC", "format": "NUMBER"}"#;
        let a = schema(&format!(r#"{{"type": "ONE_OF", "items": [{s}, {n}]}}"#));
        let b = schema(&format!(r#"{{"type": "ONE_OF", "items": [{n}, {s}]}}"#));
        let c = schema(&format!(r#"{{"type": "ANY_OF", "items": [{n}, {s}]}}"#));
        let d = schema(&format!(r#"{{"type": "ONE_OF", "items": [{s}, {s}]}}"#));
        assert!(matches(&a, &b));
        assert!(!matches(&a, &c));
        assert!(!matches(&a, &d));
        let arr = schema(&format!(r#"{{"type": "ARRAY", "items": [{s}]}}"#));
        assert!(matches(&arr, &arr));
        assert!(!matches(&arr, &schema(r#"{"type": "ARRAY", "items": []}"#)));
    }

    /// The MOV pairs items greedily in document order: the publisher's `a` takes the first
    /// subscriber item it fits, which can leave `ab` nothing, while the same subscriber items
    /// in the other order pair up.
    #[test]
    fn items_pair_greedily_in_document_order_as_the_mov_pairs_them() {
        let one_of = |items: Vec<PayloadSchema>| {
            PayloadSchema::OneOf(valawai::mov::protocol::OneOfPayloadSchema { items: Some(items) })
        };
        let a = || object([("a", string())]);
        let ab = || object([("a", string()), ("b", string())]);
        let ac = || object([("a", string()), ("c", string())]);
        let sent = one_of(vec![a(), ab()]);
        let taken = one_of(vec![ab(), ac()]);
        let reversed = one_of(vec![ac(), ab()]);
        assert!(!matches(&sent, &taken));
        assert!(matches(&sent, &reversed));
        // Enum values are a set.
        let e1 = schema(r#"{"type": "ENUM", "values": ["A", "B", "B"]}"#);
        let e2 = schema(r#"{"type": "ENUM", "values": ["B", "A"]}"#);
        assert!(matches(&e1, &e2) && matches(&e2, &e1));
    }

    #[test]
    fn references_resolve_through_object_ids_and_cycles_terminate() {
        let tree = schema(
            r#"{"type": "OBJECT", "id": 0, "properties": {
                "children": {"type": "ARRAY", "items": [{"type": "REF", "identifier": 0}]}}}"#,
        );
        assert!(matches(&tree, &tree));
        let dangling = schema(r#"{"type": "REF", "identifier": 7}"#);
        assert!(!matches(&dangling, &tree));
    }

    #[test]
    fn channels_are_classified_as_the_mov_does() {
        let registered = PayloadSchema::Object(ObjectPayloadSchema {
            id: None,
            properties: Some(
                REGISTERED_PROPERTIES
                    .iter()
                    .map(|p| (p.to_string(), string()))
                    .collect(),
            ),
        });
        let name = "valawai/c1/echo/control/registered";
        use ComponentType::{C0, C1, C2};
        assert_eq!(role(C1, name, Some(&registered)), ChannelRole::Registered);
        // The type segment must be the registered type.
        assert_eq!(role(C0, name, Some(&registered)), ChannelRole::Candidate);
        assert_eq!(role(C1, name, None), ChannelRole::Candidate);
        let sent = sent_message_schema(&string());
        assert_eq!(
            role(C2, "valawai/c2/x/control/notified", Some(&sent)),
            ChannelRole::Notification
        );
        assert_eq!(
            role(C1, "valawai/c1/x/control/notified", Some(&sent)),
            ChannelRole::Candidate
        );
    }
}

//! The MOV's translation of a component's AsyncAPI document.
//!
//! When a component registers, the MOV translates every channel's message
//! payloads into its own `payload_schema` tree (`BASIC`, `ENUM`, `OBJECT`,
//! `ARRAY`, `CONST`, `REF`, `ONE_OF`, `ANY_OF`, `ALL_OF`), stores it, sends it
//! back in the registered notification and matches it to connect components.
//! This module reproduces that translation rule for rule (see
//! `valawai-protocol.md`, section 8), including where the MOV gives up: a
//! spec it cannot translate makes it drop the registration silently, so here
//! that becomes a [`Diagnostic`] that says where and why.
//!
//! It works on the raw document, not on the loader's normalised model,
//! because the MOV does: it follows only local `$ref`s, does not merge
//! `allOf`, ignores `required`, `nullable` and every constraint, and treats
//! anything without a known `type` as an object. Scalars are read as the
//! MOV's YAML 1.1 parser reads them ([`super::snake`]).
//!
//! **Order.** The MOV keeps some lists in document order and sorts others,
//! and this translation does the same (`ComponentBuilder` and the
//! `PayloadSchema` classes of `eu.valawai.mov.api.v1.components`):
//!
//! - channels: document order (`ArrayList`, filled from SnakeYAML's
//!   `LinkedHashMap`);
//! - the `items` of `ARRAY`, `ONE_OF`, `ANY_OF` and `ALL_OF`: document order
//!   (`ArrayList`);
//! - an object's `properties`: sorted by name (`TreeMap<String, ..>`), but
//!   translated in document order, which decides the `REF` identifiers;
//! - enum `values`: sorted, duplicates dropped (`TreeSet<String>`).
//!
//! Java sorts strings by UTF-16 code unit ([`java_order`]), not by code
//! point as Rust does: the two differ for names that mix characters above
//! U+FFFF with characters from U+E000 to U+FFFF. The JSON the MOV sends
//! (Jackson over those classes) has these orders whatever order the spec
//! uses; the MOV's own golden files (`testNN.component.json`) list
//! properties and enum values in document order only because its test
//! reads them back into the same `TreeMap`/`TreeSet` before comparing
//! ([`as_the_mov_holds`] does that reading).

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value as Json, json};

use super::snake::{self, Scalar};
use crate::diagnostic::Diagnostic;
use crate::node::{Mapping, Node, Value};
use crate::source::{FileId, SourceMap, Span};

/// How deep the translation may recurse before the MOV would overflow its
/// stack (a schema that contains itself without an object in between).
const MAX_DEPTH: usize = 128;

/// A component as the MOV stores it after translating its spec.
#[derive(Debug, Clone, PartialEq)]
pub struct MovComponent {
    /// `info.title` (the registration's `name` replaces it).
    pub title: Option<String>,
    /// `info.description`.
    pub description: Option<String>,
    /// `info.version`, which the MOV stores as `api_version`.
    pub api_version: Option<String>,
    /// One entry per channel, in document order.
    pub channels: Vec<MovChannel>,
}

/// A channel as the MOV stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct MovChannel {
    /// The channel name (the key under `channels`).
    pub name: String,
    /// The channel's `description`.
    pub description: Option<String>,
    /// The translated payload of the `subscribe` message, if any.
    pub subscribe: Option<Json>,
    /// The translated payload of the `publish` message, if any.
    pub publish: Option<Json>,
}

impl MovChannel {
    /// The channel entry as the MOV writes it in `component_payload.channels`:
    /// `name`, then `description`, `subscribe` and `publish` when present.
    pub fn to_json(&self) -> Json {
        let mut map = Map::new();
        map.insert("name".into(), Json::String(self.name.clone()));
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            map.insert("description".into(), Json::String(d.clone()));
        }
        if let Some(s) = &self.subscribe {
            map.insert("subscribe".into(), s.clone());
        }
        if let Some(p) = &self.publish {
            map.insert("publish".into(), p.clone());
        }
        Json::Object(map)
    }
}

impl MovComponent {
    /// The channels as the MOV writes them.
    pub fn channels_json(&self) -> Json {
        Json::Array(self.channels.iter().map(MovChannel::to_json).collect())
    }
}

/// Translates the text of a spec (YAML or JSON) as the MOV does when a
/// component registers with it. The error says where the MOV gives up, which
/// it reports only in its own log as "The async API is not valid.".
pub fn translate_str(text: &str, name: &str) -> Result<MovComponent, Diagnostic> {
    let mut sources = SourceMap::default();
    let file = sources.add(PathBuf::new(), name.to_owned(), Arc::from(text));
    let mut budget = crate::yaml::Budget::new(crate::Limits::default().max_expanded_bytes);
    let root = crate::yaml::parse(&sources, file, &mut budget)?;
    translate_document(&root, &sources)
}

/// Translates an already parsed document (for example [`crate::Spec::document`]).
pub fn translate_document(root: &Node, sources: &SourceMap) -> Result<MovComponent, Diagnostic> {
    let t = Translator { root, sources };
    let Some(doc) = root.as_map() else {
        return Err(t.reject(root.span, "the document is not a mapping"));
    };
    let channels = match doc.get("channels") {
        Some(Node {
            value: Value::Map(channels),
            ..
        }) => channels,
        Some(other) => return Err(t.reject(other.span, "`channels` is not a mapping")),
        None => return Err(t.reject(root.span, "the document has no `channels`")),
    };
    let info = section(doc, "info");
    let mut out = MovComponent {
        title: info.and_then(|i| t.string(i, "title")),
        description: info.and_then(|i| t.string(i, "description")),
        api_version: info.and_then(|i| t.string(i, "version")),
        channels: Vec::new(),
    };
    for (name, entry) in channels.iter() {
        let channel = match &entry.value.value {
            Value::Map(m) => Some(m),
            Value::Null => None,
            _ => return Err(t.reject(entry.value.span, "a channel is not a mapping")),
        };
        let message = |op: &str| {
            channel
                .and_then(|c| section(c, op))
                .and_then(|o| section(o, "message"))
        };
        out.channels.push(MovChannel {
            name: name.to_owned(),
            description: channel.and_then(|c| t.string(c, "description")),
            subscribe: t.message_payload(message("subscribe"))?,
            publish: t.message_payload(message("publish"))?,
        });
    }
    Ok(out)
}

struct Translator<'a> {
    root: &'a Node,
    sources: &'a SourceMap,
}

/// An object translated within one message payload; a later object with the
/// same property names becomes a `REF` to it.
struct Object {
    id: Option<usize>,
    names: BTreeSet<String>,
    /// In the MOV's order (see the module documentation).
    properties: Vec<(String, Option<Schema>)>,
}

enum Schema {
    Basic(&'static str),
    /// In the MOV's order: sorted, without duplicates.
    Enum(Vec<String>),
    Const(Option<String>),
    Object(usize),
    Ref(usize),
    Array(Option<Vec<Schema>>),
    Combined(&'static str, Vec<Schema>),
}

impl<'a> Translator<'a> {
    /// A member that the MOV reads only when it is a string
    /// (`ComponentBuilder.stringProperty`).
    fn string(&self, map: &Mapping, key: &str) -> Option<String> {
        match snake::scalar(map.get(key)?, self.sources)? {
            Scalar::Str(s) => Some(s),
            _ => None,
        }
    }

    fn reject(&self, span: Span, why: &str) -> Diagnostic {
        Diagnostic::error(
            "mov-rejects",
            format!("the MOV cannot translate this spec: {why}"),
        )
        .at(self.sources, span, None)
        .hint("the MOV drops such a registration and only logs \"The async API is not valid.\"")
    }

    /// The payload of a message, following the message's local `$ref`.
    fn message_payload(&self, message: Option<&'a Mapping>) -> Result<Option<Json>, Diagnostic> {
        let Some(message) = message else {
            return Ok(None);
        };
        let message = match self.reference(message)? {
            Some(Node {
                value: Value::Map(target),
                ..
            }) => target,
            _ => message,
        };
        let Some(payload) = section(message, "payload") else {
            return Ok(None);
        };
        let mut objects = Vec::new();
        let schema = self.payload(payload, payload_span(message), &mut objects, 0)?;
        Ok(schema.map(|s| render(&s, &objects)))
    }

    /// The node a `$ref` string leads to, walking mappings only, as the MOV
    /// does (`#/a/b` → `a`, `b`; no escapes, no files).
    fn reference(&self, section: &Mapping) -> Result<Option<&'a Node>, Diagnostic> {
        let Some(entry) = section.entry("$ref") else {
            return Ok(None);
        };
        let Value::Str(reference) = &entry.value.value else {
            return Ok(None);
        };
        let Some(path) = reference.get(2..) else {
            return Err(self.reject(entry.value.span, "a `$ref` is shorter than `#/`"));
        };
        let mut node = self.root;
        for segment in path.split('/') {
            match node.as_map().and_then(|m| m.get(segment)) {
                Some(n) if n.as_map().is_some() => node = n,
                _ => return Ok(None),
            }
        }
        Ok(Some(node))
    }

    fn payload(
        &self,
        section: &'a Mapping,
        span: Span,
        objects: &mut Vec<Object>,
        depth: usize,
    ) -> Result<Option<Schema>, Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(self.reject(
                span,
                "a schema refers to itself without an object in between",
            ));
        }
        if let Some(target) = self.reference(section)? {
            let Value::Map(target_map) = &target.value else {
                return Ok(None);
            };
            return self.payload(target_map, target.span, objects, depth + 1);
        }
        if let Some(entry) = section.entry("const") {
            return match snake::scalar(&entry.value, self.sources) {
                Some(Scalar::Str(s)) => Ok(Some(Schema::Const(Some(s)))),
                Some(Scalar::Null) => Ok(Some(Schema::Const(None))),
                Some(Scalar::Bool(_)) => Err(self.reject(
                    entry.value.span,
                    "a `const` is not a string (the MOV reads YAML 1.1, where a plain `yes`, `no`, \
                     `on` or `off` is a boolean: quote it)",
                )),
                _ => Err(self.reject(entry.value.span, "a `const` is not a string")),
            };
        }
        if let Some(entry) = section.entry("enum") {
            let Value::Seq(values) = &entry.value.value else {
                return Err(self.reject(entry.value.span, "an `enum` is not a list"));
            };
            let values = values
                .iter()
                .map(|v| snake::scalar(v, self.sources).map(|s| s.java_string()))
                .collect::<Option<Vec<_>>>();
            return match values {
                Some(values) => Ok(Some(Schema::Enum(java_set(values)))),
                None => Err(self.reject(entry.value.span, "an `enum` holds a list or a mapping")),
            };
        }
        if let Some(entry) = section.entry("type") {
            let Value::Str(kind) = &entry.value.value else {
                return Err(self.reject(
                    entry.value.span,
                    "a `type` is not a single string (the MOV cannot read `type: [T, \"null\"]`; use `nullable: true`)",
                ));
            };
            let basic = match kind.as_str() {
                "integer" => Some("INTEGER"),
                "number" => Some("NUMBER"),
                "string" => Some("STRING"),
                "boolean" => Some("BOOLEAN"),
                _ => None,
            };
            if let Some(format) = basic {
                return Ok(Some(Schema::Basic(format)));
            }
            if kind == "object" {
                return self.object(section, span, objects, depth).map(Some);
            }
        }
        self.diverse(section, span, objects, depth)
    }

    /// Arrays and `oneOf`/`anyOf`/`allOf`; anything else is read as an object.
    fn diverse(
        &self,
        section: &'a Mapping,
        span: Span,
        objects: &mut Vec<Object>,
        depth: usize,
    ) -> Result<Option<Schema>, Diagnostic> {
        let is_array =
            matches!(section.get("type").map(|t| &t.value), Some(Value::Str(s)) if s == "array");
        let (kind, key) = if is_array {
            ("ARRAY", "items")
        } else if section.contains_key("oneOf") {
            ("ONE_OF", "oneOf")
        } else if section.contains_key("anyOf") {
            ("ANY_OF", "anyOf")
        } else if section.contains_key("allOf") {
            ("ALL_OF", "allOf")
        } else {
            return self.object(section, span, objects, depth).map(Some);
        };
        let items = match section.get(key) {
            Some(Node {
                value: Value::Seq(list),
                ..
            }) => {
                let mut items = Vec::new();
                for item in list {
                    if let Value::Map(m) = &item.value
                        && let Some(s) = self.payload(m, item.span, objects, depth + 1)?
                    {
                        items.push(s);
                    }
                }
                Some(items)
            }
            Some(Node {
                value: Value::Map(m),
                span,
            }) => self.payload(m, *span, objects, depth + 1)?.map(|s| vec![s]),
            _ => None,
        };
        if is_array {
            return Ok(Some(Schema::Array(items)));
        }
        let Some(mut items) = items else {
            let at = section.entry(key).map(|e| e.value.span).unwrap_or(span);
            return Err(self.reject(at, &format!("`{key}` is not a list of schemas")));
        };
        if items.len() == 1 {
            return Ok(items.pop());
        }
        Ok(Some(Schema::Combined(kind, items)))
    }

    fn object(
        &self,
        section: &'a Mapping,
        span: Span,
        objects: &mut Vec<Object>,
        depth: usize,
    ) -> Result<Schema, Diagnostic> {
        let properties = match section.get("properties") {
            Some(Node {
                value: Value::Map(p),
                ..
            }) => p,
            _ => {
                return Err(self.reject(
                    span,
                    "a schema is read as an object but has no `properties` mapping",
                ));
            }
        };
        let names: BTreeSet<String> = properties.iter().map(|(k, _)| k.to_owned()).collect();
        if let Some(index) = objects.iter().position(|o| o.names == names) {
            objects[index].id = Some(index);
            return Ok(Schema::Ref(index));
        }
        let index = objects.len();
        objects.push(Object {
            id: None,
            names,
            properties: Vec::new(),
        });
        // Translated in document order (which numbers the objects met on the
        // way), kept sorted by name.
        for (name, entry) in properties.iter() {
            let schema = match &entry.value.value {
                Value::Map(m) => self.payload(m, entry.value.span, objects, depth + 1)?,
                _ => None,
            };
            objects[index].properties.push((name.to_owned(), schema));
        }
        objects[index]
            .properties
            .sort_by(|(a, _), (b, _)| java_order(a, b));
        Ok(Schema::Object(index))
    }
}

fn section<'a>(map: &'a Mapping, key: &str) -> Option<&'a Mapping> {
    map.get(key).and_then(Node::as_map)
}

fn payload_span(message: &Mapping) -> Span {
    message
        .entry("payload")
        .map(|e| e.value.span)
        .unwrap_or(Span {
            file: FileId(0),
            start: Default::default(),
            end: Default::default(),
        })
}

/// Java's `String.compareTo`, by which the MOV's `TreeMap` and `TreeSet`
/// sort: UTF-16 code units.
pub fn java_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The strings as a Java `TreeSet<String>` holds them: sorted by
/// [`java_order`], each once.
fn java_set(mut values: Vec<String>) -> Vec<String> {
    values.sort_by(|a, b| java_order(a, b));
    values.dedup();
    values
}

/// The members of a `payload_schema` in the order the MOV writes them
/// (`type` first, then the fields of its class).
const SCHEMA_MEMBERS: [&str; 8] = [
    "type",
    "id",
    "format",
    "values",
    "properties",
    "items",
    "value",
    "identifier",
];

/// The members of a channel entry in the order the MOV writes them.
const CHANNEL_MEMBERS: [&str; 4] = ["name", "description", "subscribe", "publish"];

/// A component's `channels` (as in the MOV's REST answers, its golden files
/// or a registered notification) as the MOV holds them once it has read
/// them into its Java classes, and so as it sends them: each entry's
/// members in the MOV's order, every object's `properties` sorted by name
/// and every enum's `values` sorted without duplicates (by
/// [`java_order`]); channels and `items` as they are.
///
/// The translation already writes this form; comparing JSON text with
/// `as_the_mov_holds` of a golden file compares the order too.
pub fn as_the_mov_holds(channels: &Json) -> Json {
    match channels {
        Json::Array(list) => Json::Array(list.iter().map(as_the_mov_holds).collect()),
        Json::Object(channel) => {
            let mut out = ordered(channel, &CHANNEL_MEMBERS);
            for side in ["subscribe", "publish"] {
                if let Some(schema) = out.get_mut(side) {
                    *schema = schema_as_the_mov_holds(schema);
                }
            }
            Json::Object(out)
        }
        other => other.clone(),
    }
}

fn schema_as_the_mov_holds(schema: &Json) -> Json {
    let Json::Object(map) = schema else {
        return schema.clone();
    };
    let mut out = ordered(map, &SCHEMA_MEMBERS);
    if let Some(Json::Object(properties)) = out.get("properties") {
        let mut sorted: Vec<(&String, &Json)> = properties.iter().collect();
        sorted.sort_by(|(a, _), (b, _)| java_order(a, b));
        let sorted = sorted
            .into_iter()
            .map(|(k, v)| (k.clone(), schema_as_the_mov_holds(v)))
            .collect();
        out.insert("properties".into(), Json::Object(sorted));
    }
    if let Some(Json::Array(values)) = out.get("values") {
        let texts: Vec<String> = values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect();
        out.insert(
            "values".into(),
            java_set(texts).into_iter().map(Json::String).collect(),
        );
    }
    if let Some(Json::Array(items)) = out.get("items") {
        let items = items.iter().map(schema_as_the_mov_holds).collect();
        out.insert("items".into(), Json::Array(items));
    }
    Json::Object(out)
}

/// `map` with the members named in `order` first, in that order, then the
/// others as they were.
fn ordered(map: &Map<String, Json>, order: &[&str]) -> Map<String, Json> {
    let mut out = Map::new();
    for key in order {
        if let Some(v) = map.get(*key) {
            out.insert((*key).to_owned(), v.clone());
        }
    }
    for (k, v) in map {
        if !order.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// The schema as the MOV writes it: `type` first, empty and null fields
/// left out (Jackson's `NON_EMPTY`), properties and enum values in the
/// MOV's order (already so in [`Schema`]).
fn render(schema: &Schema, objects: &[Object]) -> Json {
    match schema {
        Schema::Basic(format) => json!({"type": "BASIC", "format": format}),
        Schema::Enum(values) => {
            let mut map = Map::new();
            map.insert("type".into(), "ENUM".into());
            if !values.is_empty() {
                map.insert("values".into(), values.iter().cloned().collect());
            }
            Json::Object(map)
        }
        Schema::Const(value) => {
            let mut map = Map::new();
            map.insert("type".into(), "CONST".into());
            if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
                map.insert("value".into(), Json::String(v.clone()));
            }
            Json::Object(map)
        }
        Schema::Object(index) => {
            let object = &objects[*index];
            let mut map = Map::new();
            map.insert("type".into(), "OBJECT".into());
            if let Some(id) = object.id {
                map.insert("id".into(), id.into());
            }
            if !object.properties.is_empty() {
                let properties = object
                    .properties
                    .iter()
                    .map(|(k, v)| {
                        let value = v.as_ref().map(|s| render(s, objects)).unwrap_or(Json::Null);
                        (k.clone(), value)
                    })
                    .collect();
                map.insert("properties".into(), Json::Object(properties));
            }
            Json::Object(map)
        }
        Schema::Ref(index) => json!({"type": "REF", "identifier": index}),
        Schema::Array(items) => list("ARRAY", items.as_deref(), objects),
        Schema::Combined(kind, items) => list(kind, Some(items), objects),
    }
}

fn list(kind: &str, items: Option<&[Schema]>, objects: &[Object]) -> Json {
    let mut map = Map::new();
    map.insert("type".into(), kind.into());
    if let Some(items) = items.filter(|i| !i.is_empty()) {
        map.insert(
            "items".into(),
            items.iter().map(|i| render(i, objects)).collect(),
        );
    }
    Json::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channels(spec: &str) -> Json {
        translate_str(spec, "test.yaml").unwrap().channels_json()
    }

    fn rejection(spec: &str) -> Diagnostic {
        translate_str(spec, "test.yaml").unwrap_err()
    }

    const HEAD: &str = "asyncapi: 2.6.0\ninfo: {title: T, version: 1.0.0, description: D}\n";

    #[test]
    fn translates_basic_types_enums_and_arrays() {
        let spec = format!(
            "{HEAD}channels:\n  a:\n    description: A\n    subscribe:\n      message:\n        payload:\n          type: object\n          properties:\n            n: {{type: integer}}\n            e: {{type: string, enum: [b, a, b, 1]}}\n            l: {{type: array, items: [{{type: number}}, {{type: boolean}}]}}\n            c: {{const: X}}\n"
        );
        assert_eq!(
            channels(&spec),
            json!([{"name": "a", "description": "A", "subscribe": {"type": "OBJECT", "properties": {
                "c": {"type": "CONST", "value": "X"},
                "e": {"type": "ENUM", "values": ["1", "a", "b"]},
                "l": {"type": "ARRAY", "items": [{"type": "BASIC", "format": "NUMBER"}, {"type": "BASIC", "format": "BOOLEAN"}]},
                "n": {"type": "BASIC", "format": "INTEGER"}
            }}}])
        );
    }

    /// The order rule (module documentation): channels and items in document
    /// order, properties and enum values as Java sorts them, duplicates
    /// dropped, objects numbered in document order.
    #[test]
    fn keeps_the_movs_order() {
        let spec = format!(
            "{HEAD}channels:\n  z/second:\n    publish:\n      message:\n        payload:\n          oneOf: [{{type: string}}, {{type: integer}}, {{type: boolean}}]\n  a/first:\n    subscribe:\n      message:\n        payload:\n          type: object\n          properties:\n            zeta:\n              type: object\n              properties: {{k: {{type: string}}}}\n            \"\u{FF5E}\": {{type: string, enum: [yes, b, 'a', B, 'b', \"\u{1F600}\", \"\u{FF5E}\"]}}\n            \"\u{1F600}\": {{type: number}}\n            alpha:\n              type: object\n              properties: {{k: {{type: integer}}}}\n            beta:\n              type: object\n              properties: {{k: {{type: boolean}}}}\n"
        );
        let channels = channels(&spec);
        let text = channels.to_string();
        // Channels in document order, the combination's items too.
        assert!(text.find("z/second").unwrap() < text.find("a/first").unwrap());
        assert_eq!(
            channels[0]["publish"]["items"],
            json!([{"type": "BASIC", "format": "STRING"}, {"type": "BASIC", "format": "INTEGER"},
                   {"type": "BASIC", "format": "BOOLEAN"}])
        );
        let object = &channels[1]["subscribe"];
        let names: Vec<&String> = object["properties"].as_object().unwrap().keys().collect();
        // Java compares UTF-16 code units: U+1F600 (D83D DE00) comes before U+FF5E, which
        // Rust's code-point order puts the other way round.
        assert_eq!(names, ["alpha", "beta", "zeta", "\u{1F600}", "\u{FF5E}"]);
        assert!("\u{FF5E}" < "\u{1F600}");
        // `yes` is YAML 1.1's `true`; duplicates go.
        assert_eq!(
            object["properties"]["\u{FF5E}"]["values"],
            json!(["B", "a", "b", "true", "\u{1F600}", "\u{FF5E}"])
        );
        // `beta` repeats `zeta`'s property names and `alpha` is translated before it:
        // `zeta`, first in the document, is object 1 (the payload is 0) and the others refer to
        // it, though it is written last.
        assert_eq!(object["properties"]["zeta"]["id"], 1);
        assert_eq!(
            object["properties"]["alpha"],
            json!({"type": "REF", "identifier": 1})
        );
        assert_eq!(
            object["properties"]["beta"],
            json!({"type": "REF", "identifier": 1})
        );
        // What the translation writes is already in the MOV's order.
        assert_eq!(as_the_mov_holds(&channels).to_string(), text);
    }

    #[test]
    fn golden_json_is_read_back_in_the_movs_order() {
        let golden = json!([{"subscribe": {"id": 0, "properties": {
            "b": {"values": ["C", "A", "C"], "type": "ENUM"},
            "a": {"type": "ARRAY", "items": [{"type": "BASIC", "format": "STRING"},
                                              {"format": "INTEGER", "type": "BASIC"}]}
        }, "type": "OBJECT"}, "name": "x"}]);
        assert_eq!(
            as_the_mov_holds(&golden).to_string(),
            r#"[{"name":"x","subscribe":{"type":"OBJECT","id":0,"properties":{"a":{"type":"ARRAY","items":[{"type":"BASIC","format":"STRING"},{"type":"BASIC","format":"INTEGER"}]},"b":{"type":"ENUM","values":["A","C"]}}}}]"#
        );
    }

    #[test]
    fn scalars_are_read_as_the_movs_yaml_1_1_parser_reads_them() {
        let spec = format!(
            "{HEAD}channels:\n  a:\n    description: yes\n    subscribe:\n      message:\n        payload:\n          type: object\n          properties:\n            e: {{enum: [on, 'on', 010, 1_000, 0o7, 1e2, ~]}}\n            q: {{const: 'off'}}\n"
        );
        let channels = channels(&spec);
        // `yes` is a boolean, so the MOV keeps no description.
        assert_eq!(channels[0].get("description"), None);
        assert_eq!(
            channels[0]["subscribe"]["properties"]["e"]["values"],
            json!(["0o7", "100.0", "1000", "8", "null", "on", "true"])
        );
        assert_eq!(
            channels[0]["subscribe"]["properties"]["q"],
            json!({"type": "CONST", "value": "off"})
        );
        let spec = format!(
            "{HEAD}channels:\n  a:\n    subscribe:\n      message:\n        payload:\n          const: off\n"
        );
        let d = rejection(&spec);
        assert!(d.message.contains("quote it"), "{}", d.message);
        assert_eq!(d.location.unwrap().line, 8);
    }

    #[test]
    fn repeated_objects_become_references() {
        let spec = format!(
            "{HEAD}channels:\n  a:\n    publish:\n      message:\n        $ref: '#/components/messages/m'\ncomponents:\n  messages:\n    m:\n      payload:\n        $ref: '#/components/schemas/tree'\n  schemas:\n    tree:\n      type: object\n      properties:\n        name: {{type: string}}\n        children:\n          type: array\n          items:\n            $ref: '#/components/schemas/tree'\n"
        );
        assert_eq!(
            channels(&spec),
            json!([{"name": "a", "publish": {"type": "OBJECT", "id": 0, "properties": {
                "children": {"type": "ARRAY", "items": [{"type": "REF", "identifier": 0}]},
                "name": {"type": "BASIC", "format": "STRING"}
            }}}])
        );
    }

    #[test]
    fn one_element_combinations_collapse_and_dangling_message_refs_give_no_payload() {
        let spec = format!(
            "{HEAD}channels:\n  a:\n    subscribe:\n      message:\n        payload:\n          oneOf: [{{type: string}}]\n  b:\n    subscribe:\n      message:\n        $ref: '#/components/messages/missing'\n  c:\n    publish:\n      message:\n        payload:\n          anyOf: [{{type: string}}, {{type: integer}}]\n"
        );
        assert_eq!(
            channels(&spec),
            json!([
                {"name": "a", "subscribe": {"type": "BASIC", "format": "STRING"}},
                {"name": "b"},
                {"name": "c", "publish": {"type": "ANY_OF", "items": [
                    {"type": "BASIC", "format": "STRING"}, {"type": "BASIC", "format": "INTEGER"}]}}
            ])
        );
    }

    #[test]
    fn reports_where_the_mov_gives_up() {
        let cases = [
            ("type: object", 8, "no `properties`"),
            ("type: [string, 'null']", 8, "not a single string"),
            ("const: 1", 8, "`const` is not a string"),
            ("$ref: '#/components/schemas/none'", 8, "no `properties`"),
        ];
        for (schema, line, why) in cases {
            let spec = format!(
                "{HEAD}channels:\n  a:\n    subscribe:\n      message:\n        payload:\n          {schema}\n"
            );
            let d = rejection(&spec);
            assert_eq!(d.code, "mov-rejects");
            assert!(d.message.contains(why), "{schema}: {}", d.message);
            assert_eq!(d.location.unwrap().line, line, "{schema}");
        }
        assert!(
            rejection("asyncapi: 2.6.0\n")
                .message
                .contains("no `channels`")
        );
        let looping = format!(
            "{HEAD}channels:\n  a:\n    subscribe:\n      message:\n        payload:\n          $ref: '#/components/schemas/l'\ncomponents:\n  schemas:\n    l:\n      type: array\n      items:\n        $ref: '#/components/schemas/l'\n"
        );
        assert!(rejection(&looping).message.contains("refers to itself"));
    }
}

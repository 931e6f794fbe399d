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
//! anything without a known `type` as an object.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::{Map, Value as Json, json};

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
        title: info.and_then(|i| string(i, "title")),
        description: info.and_then(|i| string(i, "description")),
        api_version: info.and_then(|i| string(i, "version")),
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
            description: channel.and_then(|c| string(c, "description")),
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
    properties: BTreeMap<String, Option<Schema>>,
}

enum Schema {
    Basic(&'static str),
    Enum(BTreeSet<String>),
    Const(Option<String>),
    Object(usize),
    Ref(usize),
    Array(Option<Vec<Schema>>),
    Combined(&'static str, Vec<Schema>),
}

impl<'a> Translator<'a> {
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
            return match &entry.value.value {
                Value::Str(s) => Ok(Some(Schema::Const(Some(s.clone())))),
                Value::Null => Ok(Some(Schema::Const(None))),
                _ => Err(self.reject(entry.value.span, "a `const` is not a string")),
            };
        }
        if let Some(entry) = section.entry("enum") {
            let Value::Seq(values) = &entry.value.value else {
                return Err(self.reject(entry.value.span, "an `enum` is not a list"));
            };
            let values = values
                .iter()
                .map(java_string)
                .collect::<Option<BTreeSet<_>>>();
            return match values {
                Some(values) => Ok(Some(Schema::Enum(values))),
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
            properties: BTreeMap::new(),
        });
        for (name, entry) in properties.iter() {
            let schema = match &entry.value.value {
                Value::Map(m) => self.payload(m, entry.value.span, objects, depth + 1)?,
                _ => None,
            };
            objects[index].properties.insert(name.to_owned(), schema);
        }
        Ok(Schema::Object(index))
    }
}

fn section<'a>(map: &'a Mapping, key: &str) -> Option<&'a Mapping> {
    map.get(key).and_then(Node::as_map)
}

fn string(map: &Mapping, key: &str) -> Option<String> {
    map.get(key).and_then(Node::as_str).map(str::to_owned)
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

/// `String.valueOf` of a scalar as SnakeYAML would have loaded it.
fn java_string(node: &Node) -> Option<String> {
    Some(match &node.value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => java_double(*f),
        Value::Str(s) => s.clone(),
        Value::Seq(_) | Value::Map(_) => return None,
    })
}

/// Java's `Double.toString`: `1.0`, `0.5`, `1.0E7`, `1.0E-4`, `NaN`, `Infinity`.
fn java_double(f: f64) -> String {
    if f.is_nan() {
        return "NaN".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let magnitude = f.abs();
    if f == 0.0 || (1e-3..1e7).contains(&magnitude) {
        let s = format!("{f}");
        return if s.contains('.') { s } else { format!("{s}.0") };
    }
    let s = format!("{f:e}");
    let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
    let mantissa = if mantissa.contains('.') {
        mantissa.to_owned()
    } else {
        format!("{mantissa}.0")
    };
    format!("{mantissa}E{exponent}")
}

/// The schema as the MOV writes it: `type` first, empty and null fields
/// left out (Jackson's `NON_EMPTY`), properties and enum values sorted.
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

    #[test]
    fn formats_doubles_like_java() {
        assert_eq!(java_double(1.0), "1.0");
        assert_eq!(java_double(0.5), "0.5");
        assert_eq!(java_double(1e7), "1.0E7");
        assert_eq!(java_double(1.5e-4), "1.5E-4");
        assert_eq!(java_double(-2.0), "-2.0");
    }
}

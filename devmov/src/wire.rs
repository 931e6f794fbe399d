//! The MOV's JSON for the MOV's typed values, written once at the edge.
//!
//! The development MOV keeps and answers with the runtime's MOV types
//! (`valawai::mov::protocol`). Their derived serialisation follows the MOV's spec; the MOV's
//! Jackson classes write three things differently, and [`Wire`] writes them as the MOV does:
//!
//! - a channel entry's name as `name` (the spec says `id`);
//! - a `REF` schema's target as `identifier` (the spec says `value`);
//! - an object's `properties` sorted as Java sorts strings (`TreeMap<String, ..>`, UTF-16 code
//!   units, [`valawai_codegen::mov::java_order`]), not in Rust's order.
//!
//! Members come in the order of the MOV's classes (`type` first), and `None` is left out, as
//! the MOV leaves out nulls. Everything else is the types' own serialisation.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use valawai::mov::protocol::{
    ChannelSchema, ComponentPayload, ComponentsPagePayload, ObjectPayloadSchema, PayloadSchema,
};
use valawai_codegen::mov::java_order;

/// A MOV value (or a slice of them) as the MOV writes it.
pub(crate) struct Wire<'a, T: ?Sized>(pub(crate) &'a T);

/// Writes `key` when `value` is there.
fn member<M, T>(map: &mut M, key: &str, value: Option<T>) -> Result<(), M::Error>
where
    M: SerializeMap,
    T: Serialize,
{
    match value {
        Some(v) => map.serialize_entry(key, &v),
        None => Ok(()),
    }
}

impl<T> Serialize for Wire<'_, [T]>
where
    for<'b> Wire<'b, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&Wire(item))?;
        }
        seq.end()
    }
}

impl Serialize for Wire<'_, ComponentPayload> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = s.serialize_map(None)?;
        member(&mut map, "id", c.id.as_ref())?;
        member(&mut map, "name", c.name.as_ref())?;
        member(&mut map, "description", c.description.as_ref())?;
        member(&mut map, "version", c.version.as_ref())?;
        member(&mut map, "api_version", c.api_version.as_ref())?;
        member(&mut map, "type", c.type_.as_ref())?;
        member(&mut map, "since", c.since.as_ref())?;
        member(&mut map, "channels", c.channels.as_deref().map(Wire))?;
        map.end()
    }
}

impl Serialize for Wire<'_, ComponentsPagePayload> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let page = self.0;
        let mut map = s.serialize_map(None)?;
        member(&mut map, "query_id", page.query_id.as_ref())?;
        member(&mut map, "total", page.total.as_ref())?;
        member(&mut map, "components", page.components.as_deref().map(Wire))?;
        map.end()
    }
}

impl Serialize for Wire<'_, ChannelSchema> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = s.serialize_map(None)?;
        member(&mut map, "name", c.id.as_ref())?;
        member(
            &mut map,
            "description",
            c.description.as_ref().filter(|d| !d.is_empty()),
        )?;
        member(&mut map, "subscribe", c.subscribe.as_ref().map(Wire))?;
        member(&mut map, "publish", c.publish.as_ref().map(Wire))?;
        map.end()
    }
}

/// The items of an array or a combination.
fn items(items: &Option<Vec<PayloadSchema>>) -> Option<Wire<'_, [PayloadSchema]>> {
    items.as_deref().map(Wire)
}

/// An object's properties in the MOV's order.
struct Properties<'a>(&'a ObjectPayloadSchema);

impl Serialize for Properties<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut sorted: Vec<_> = self.0.properties.iter().flatten().collect();
        sorted.sort_by(|(a, _), (b, _)| java_order(a, b));
        let mut map = s.serialize_map(Some(sorted.len()))?;
        for (name, schema) in sorted {
            map.serialize_entry(name, &Wire(schema))?;
        }
        map.end()
    }
}

impl Serialize for Wire<'_, PayloadSchema> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self.0 {
            PayloadSchema::Basic(b) => {
                map.serialize_entry("type", "BASIC")?;
                member(&mut map, "format", b.format.as_ref())?;
            }
            PayloadSchema::Enum(e) => {
                map.serialize_entry("type", "ENUM")?;
                member(&mut map, "values", e.values.as_ref())?;
            }
            PayloadSchema::Object(o) => {
                map.serialize_entry("type", "OBJECT")?;
                member(&mut map, "id", o.id.as_ref())?;
                member(
                    &mut map,
                    "properties",
                    o.properties.as_ref().map(|_| Properties(o)),
                )?;
            }
            PayloadSchema::Array(a) => {
                map.serialize_entry("type", "ARRAY")?;
                member(&mut map, "items", items(&a.items))?;
            }
            PayloadSchema::Const(c) => {
                map.serialize_entry("type", "CONST")?;
                member(&mut map, "value", c.value.as_ref())?;
            }
            PayloadSchema::Ref(r) => {
                map.serialize_entry("type", "REF")?;
                member(&mut map, "identifier", r.value.as_ref())?;
            }
            PayloadSchema::OneOf(c) => {
                map.serialize_entry("type", "ONE_OF")?;
                member(&mut map, "items", items(&c.items))?;
            }
            PayloadSchema::AnyOf(c) => {
                map.serialize_entry("type", "ANY_OF")?;
                member(&mut map, "items", items(&c.items))?;
            }
            PayloadSchema::AllOf(c) => {
                map.serialize_entry("type", "ALL_OF")?;
                member(&mut map, "items", items(&c.items))?;
            }
        }
        map.end()
    }
}

/// The channels of a translation, typed: the MOV's JSON read once into the MOV's types.
pub(crate) fn channels(
    translated: &valawai_codegen::mov::MovComponent,
) -> Result<Vec<ChannelSchema>, serde_json::Error> {
    serde_json::from_value(translated.channels_json())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(path: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Typed and written back, every translation is the MOV's JSON to the byte.
    #[test]
    fn typed_channels_are_written_as_the_mov_writes_them() {
        let mut specs: Vec<String> = (1..=11)
            .map(|n| {
                format!(
                    "fixtures/valawai/MOV/test-resources/api/v1/components/test{n:02}.asyncapi.yml"
                )
            })
            .collect();
        specs.extend(
            [
                "fixtures/valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
                "fixtures/valawai/C1_nit_protocol_manager/asyncapi.yaml",
                "fixtures/valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml",
                "fixtures/valawai/MOV/test-resources/e2e/c2_treatment_beneficence_valuator_1.0.2.yml",
                "fixtures/valawai/MOV/test-resources/events/components/component_16.asyncapi.yml",
                "fixtures/valawai/docs/c0_voice_to_text.asyncapi.yml",
                "examples/echo/asyncapi.yaml",
            ]
            .map(String::from),
        );
        for path in specs {
            let translated = valawai_codegen::mov::translate_str(&read(&path), &path).unwrap();
            let typed = channels(&translated).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(
                serde_json::to_string(&Wire(typed.as_slice())).unwrap(),
                translated.channels_json().to_string(),
                "{path}"
            );
        }
    }

    /// Properties in Java's order: U+FB01 sorts after U+1F600 by UTF-16 code unit, before it by
    /// code point (Rust's `BTreeMap`).
    #[test]
    fn properties_are_sorted_as_java_sorts_them() {
        let schema: PayloadSchema = serde_json::from_str(
            r#"{"type":"OBJECT","properties":{"\ufb01":{"type":"REF","value":1},"\ud83d\ude00":{"type":"BASIC","format":"STRING"}}}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&Wire(&schema)).unwrap(),
            "{\"type\":\"OBJECT\",\"properties\":{\"\u{1F600}\":{\"type\":\"BASIC\",\"format\":\"STRING\"},\"\u{FB01}\":{\"type\":\"REF\",\"identifier\":1}}}"
        );
    }
}

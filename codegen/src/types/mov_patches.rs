//! What the real MOV does differently from its own AsyncAPI document
//! (protocol reference, sections 6.6 and 7.7), as type patches for code
//! generated from `MOV/asyncapi.yaml`.

use crate::types::{FieldPatch, TypeOptions, TypePatch};

/// The patches that make types generated from the MOV's spec read and write
/// what the MOV really sends and accepts:
///
/// - channel entries of a registered component carry `name` where the spec
///   says `id`: `channel_schema.id` also accepts `name`;
/// - `REF` schemas carry `identifier` where the spec says `value`:
///   `reference_payload_schema.value` also accepts `identifier`;
/// - the golden files of the MOV's REST tests write `apiVersion`:
///   `component_payload.api_version` also accepts it;
/// - the log message has `maxLength: 1`, a spec bug no real log satisfies:
///   it is a plain `String`;
/// - the register name pattern `'c[0|1|2]_\\w+'` matches a literal
///   backslash, so no real component name: it is a plain `String`.
pub fn type_options() -> TypeOptions {
    TypeOptions::new()
        .patch(
            "channel_schema",
            TypePatch::new().field("id", FieldPatch::new().alias("name")),
        )
        .patch(
            "reference_payload_schema",
            TypePatch::new().field("value", FieldPatch::new().alias("identifier")),
        )
        .patch(
            "component_payload",
            TypePatch::new().field("api_version", FieldPatch::new().alias("apiVersion")),
        )
        .replace("AddLogPayloadMessage", "String")
        .replace("RegisterComponentPayloadName", "String")
}

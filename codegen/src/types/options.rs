//! Options for type generation: patches that rename generated types, add
//! derives and attributes, rename or alias fields, and replace a schema's
//! type with an existing Rust type.
//!
//! Patches are keyed by the schema's name under `components/schemas`
//! (`channel_schema`) or by the name the generator gives a type
//! (`AddLogPayloadMessage`), so inline schemas can be patched too. A key
//! that matches nothing is an error, so a typo does not go unnoticed.

use indexmap::IndexMap;

/// Options for [`TypeSpace::new`](super::TypeSpace::new).
#[derive(Debug, Clone)]
pub struct TypeOptions {
    patches: IndexMap<String, TypePatch>,
    replacements: IndexMap<String, String>,
    keep_unknown_fields: bool,
    mov_types: bool,
    types_from: Option<String>,
}

impl Default for TypeOptions {
    fn default() -> Self {
        TypeOptions {
            patches: IndexMap::new(),
            replacements: IndexMap::new(),
            keep_unknown_fields: false,
            mov_types: true,
            types_from: None,
        }
    }
}

impl TypeOptions {
    /// No patches.
    pub fn new() -> Self {
        TypeOptions::default()
    }

    /// Patches the type generated for the schema or type named `name`.
    /// Patches for the same name add up.
    pub fn patch(mut self, name: impl Into<String>, patch: TypePatch) -> Self {
        let entry = self.patches.entry(name.into()).or_default();
        entry.absorb(patch);
        self
    }

    /// Uses the Rust type `rust_type` (a path such as `crate::Level`,
    /// written as Rust source) wherever the schema or type named `name` is
    /// used, and generates nothing for it. The type must serialise to and
    /// deserialise from the same JSON.
    pub fn replace(mut self, name: impl Into<String>, rust_type: impl Into<String>) -> Self {
        self.replacements.insert(name.into(), rust_type.into());
        self
    }

    /// Uses the existing Rust type `rust_path` (e.g.
    /// `::valawai::mov::protocol::ComponentPayload`, written as Rust source)
    /// for the schema `schema`, and generates nothing for it: what
    /// prost-build's and tonic-build's `extern_path` do for a protobuf
    /// package generated elsewhere. `schema` is the name under
    /// `components/schemas` (`component_payload`) or its JSON pointer
    /// (`#/components/schemas/component_payload`); like [`Self::replace`], it
    /// may also be the name the generator gives an inline schema. The type
    /// must serialise to and deserialise from the same JSON.
    pub fn extern_path(self, schema: impl AsRef<str>, rust_path: impl Into<String>) -> Self {
        let schema = schema.as_ref();
        let name = schema
            .strip_prefix("#/components/schemas/")
            .map_or_else(|| schema.to_owned(), unescape_pointer);
        self.replace(name, rust_path)
    }

    /// Whether a component's schemas that are the MOV's use the runtime's
    /// MOV types (on by default). A named schema of a component's spec (one
    /// with a registered channel) that has the name of one of the MOV's
    /// schemas and the same structure (references resolved, descriptions
    /// and examples aside) is written as the runtime's type, e.g.
    /// `::valawai::mov::protocol::ComponentPayload` (an implicit
    /// [`extern_path`](Self::extern_path)); a copy that differs is generated
    /// in the module, with a doc line that says where it differs. Schemas
    /// with a patch or replacement of their own are always generated as
    /// patched, and with [`Self::keep_unknown_fields`] every schema is (the
    /// runtime's types drop undeclared members). The MOV's own spec has no
    /// registered channel, so its types are always generated.
    pub fn mov_types(mut self, use_them: bool) -> Self {
        self.mov_types = use_them;
        self
    }

    /// Uses the types already generated from the same spec with the same options in the module
    /// `module` (a path such as `::valawai::mov::protocol`, written as Rust source) for every
    /// type of the spec, and generates none: what prost-build's `extern_path` does for a whole
    /// protobuf package. The handler trait, publisher and decoders are generated as usual and
    /// name `module::Type`. The development MOV's handlers are generated this way from the MOV's
    /// spec, over the runtime's MOV types ([`crate::mov::runtime_type_options`]).
    pub fn types_from(mut self, module: impl Into<String>) -> Self {
        self.types_from = Some(module.into());
        self
    }

    /// The module every type is taken from ([`Self::types_from`]).
    pub fn types_module(&self) -> Option<&str> {
        self.types_from.as_deref()
    }

    /// Whether the MOV's schemas use the runtime's types ([`Self::mov_types`]).
    pub fn uses_mov_types(&self) -> bool {
        self.mov_types
    }

    /// Keeps the members an object does not declare: every struct that
    /// accepts undeclared members (no `additionalProperties` schema or
    /// `false`) gets a flattened `unknown_fields` JSON object, so a
    /// component that forwards what it receives writes them back. Off by
    /// default: undeclared members are ignored (and the runtime warns once
    /// per channel and member).
    pub fn keep_unknown_fields(mut self, keep: bool) -> Self {
        self.keep_unknown_fields = keep;
        self
    }

    /// Whether undeclared members are kept ([`Self::keep_unknown_fields`]).
    pub fn keeps_unknown_fields(&self) -> bool {
        self.keep_unknown_fields
    }

    /// The patches, by schema or type name.
    pub fn patches(&self) -> &IndexMap<String, TypePatch> {
        &self.patches
    }

    /// The replacements: schema or type name to Rust type.
    pub fn replacements(&self) -> &IndexMap<String, String> {
        &self.replacements
    }
}

/// A JSON pointer token as text: `~1` is `/`, `~0` is `~`.
fn unescape_pointer(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Changes to one generated type.
#[derive(Debug, Clone, Default)]
pub struct TypePatch {
    rename: Option<String>,
    derives: Vec<String>,
    attributes: Vec<String>,
    fields: IndexMap<String, FieldPatch>,
}

impl TypePatch {
    /// A patch that changes nothing yet.
    pub fn new() -> Self {
        TypePatch::default()
    }

    /// Gives the type another Rust name.
    pub fn rename(mut self, name: impl Into<String>) -> Self {
        self.rename = Some(name.into());
        self
    }

    /// Adds a derive, e.g. `Eq` or `schemars::JsonSchema` (a path, written
    /// as Rust source).
    pub fn derive(mut self, path: impl Into<String>) -> Self {
        self.derives.push(path.into());
        self
    }

    /// Adds an outer attribute, written as Rust source, e.g.
    /// `#[non_exhaustive]`.
    pub fn attribute(mut self, attribute: impl Into<String>) -> Self {
        self.attributes.push(attribute.into());
        self
    }

    /// Patches the field for the JSON property `property` (the name in the
    /// schema, not the Rust field name).
    pub fn field(mut self, property: impl Into<String>, patch: FieldPatch) -> Self {
        let entry = self.fields.entry(property.into()).or_default();
        if patch.rename.is_some() {
            entry.rename = patch.rename;
        }
        entry.aliases.extend(patch.aliases);
        self
    }

    /// The new Rust name, if any.
    pub fn new_name(&self) -> Option<&str> {
        self.rename.as_deref()
    }

    /// The extra derives.
    pub fn derives(&self) -> &[String] {
        &self.derives
    }

    /// The extra attributes.
    pub fn attributes(&self) -> &[String] {
        &self.attributes
    }

    /// The field patches, by JSON property name.
    pub fn fields(&self) -> &IndexMap<String, FieldPatch> {
        &self.fields
    }

    fn absorb(&mut self, other: TypePatch) {
        if other.rename.is_some() {
            self.rename = other.rename;
        }
        self.derives.extend(other.derives);
        self.attributes.extend(other.attributes);
        for (name, patch) in other.fields {
            *self = std::mem::take(self).field(name, patch);
        }
    }
}

/// Changes to one field of a generated struct.
#[derive(Debug, Clone, Default)]
pub struct FieldPatch {
    rename: Option<String>,
    aliases: Vec<String>,
}

impl FieldPatch {
    /// A patch that changes nothing yet.
    pub fn new() -> Self {
        FieldPatch::default()
    }

    /// Reads and writes the field under another JSON name.
    pub fn rename(mut self, json_name: impl Into<String>) -> Self {
        self.rename = Some(json_name.into());
        self
    }

    /// Also accepts the field under `json_name` when deserialising.
    pub fn alias(mut self, json_name: impl Into<String>) -> Self {
        self.aliases.push(json_name.into());
        self
    }

    /// The new JSON name, if any.
    pub fn json_name(&self) -> Option<&str> {
        self.rename.as_deref()
    }

    /// The extra JSON names accepted.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

//! The intermediate type model: what the generator will write, before it is
//! turned into tokens. Conversion builds it from the spec's schemas;
//! rendering writes it out.
//!
//! It is internal: tools read it through [`super::view`], which re-exports
//! the plain data ([`TypeId`], [`Prim`], [`Presence`], [`Checks`]).

use serde_json::{Number, Value as Json};

/// Identifies a generated type of a [`TypeSpace`](super::TypeSpace).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub(crate) usize);

impl TypeId {
    /// The type's index in the model, from 0, in the order
    /// [`TypeSpace::types`](super::TypeSpace::types) lists them.
    pub fn index(self) -> usize {
        self.0
    }
}

/// A Rust type expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// A generated type.
    Named(TypeId),
    /// A scalar.
    Prim(Prim),
    /// Any JSON value.
    Json,
    /// A JSON object with any members.
    JsonObject,
    /// `Option<T>`.
    Option(Box<Ty>),
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
    /// A tuple, for `items` lists of several schemas.
    Tuple(Vec<Ty>),
    /// `Box<T>`, inserted where a cycle needs it.
    Box(Box<Ty>),
    /// A user type named in a replacement patch (a Rust type, as text).
    External(String),
}

/// Scalar types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prim {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i32` (`format: int32`).
    I32,
    /// `i64`.
    I64,
    /// `u64` (integers with `minimum` of 0 or more).
    U64,
    /// `f64`.
    F64,
}

impl Prim {
    /// Whether the type is an integer.
    pub fn is_integer(self) -> bool {
        matches!(self, Prim::I32 | Prim::I64 | Prim::U64)
    }
}

/// A generated item.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust name.
    pub name: String,
    /// The name before patches: what patches are matched against, with the
    /// schema name.
    pub default_name: String,
    /// The `components/schemas` key, for named schemas.
    pub schema_name: Option<String>,
    /// Doc comment lines (Markdown, already made safe).
    pub docs: Vec<String>,
    /// What it is.
    pub kind: Kind,
    /// Extra derives from patches (paths, as text).
    pub derives: Vec<String>,
    /// Extra attributes from patches (`#[...]`, as text).
    pub attributes: Vec<String>,
}

/// The kinds of generated items.
#[derive(Debug, Clone)]
pub enum Kind {
    /// Being converted (only while converting a cycle).
    Pending,
    /// A struct for an object schema.
    Struct(StructDef),
    /// An enum whose variant is chosen by a string member of the object.
    Tagged(TaggedDef),
    /// An enum whose variant is the first alternative that fits.
    Untagged(UntaggedDef),
    /// An enum of strings.
    StringEnum(StringEnumDef),
    /// A newtype around another type, checked against constraints.
    Newtype(NewtypeDef),
    /// A unit struct that (de)serialises as one fixed JSON value.
    Const(Json),
    /// A type alias.
    Alias(Ty),
}

/// A struct.
#[derive(Debug, Clone)]
pub struct StructDef {
    /// The fields, in the order of the schema's properties.
    pub fields: Vec<FieldDef>,
    /// `additionalProperties: false`.
    pub deny_unknown: bool,
    /// `additionalProperties: <schema>` beside properties: a flattened map
    /// field with this name and value type.
    pub extra: Option<(String, Ty)>,
    /// With [`keep_unknown_fields`](super::TypeOptions::keep_unknown_fields):
    /// the name of the flattened JSON object field that keeps the members
    /// the schema does not declare, to write them back.
    pub unknown: Option<String>,
}

/// Whether a field must be present and may be `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// In `required`, not nullable: `T`.
    Required,
    /// In `required` and nullable: `Option<T>`, but the member must be there.
    RequiredNullable,
    /// Not in `required`: `Option<T>`, skipped when `None`.
    Optional,
}

/// A struct field.
#[derive(Debug, Clone)]
pub struct FieldDef {
    /// The Rust name.
    pub name: String,
    /// The JSON member name.
    pub json: String,
    /// The value type, without the `Option` that [`Presence`] adds.
    pub ty: Ty,
    /// Required and nullable or not.
    pub presence: Presence,
    /// Doc comment lines.
    pub docs: Vec<String>,
    /// Other JSON names accepted when deserialising (patches).
    pub aliases: Vec<String>,
}

/// An internally tagged enum.
#[derive(Debug, Clone)]
pub struct TaggedDef {
    /// The JSON member that holds the tag.
    pub tag: String,
    /// Whether the variant types keep the tag as a `const` field (unions of
    /// objects that each fix the member) rather than serde adding it
    /// (the discriminator idiom).
    pub keep_tag: bool,
    /// The variants.
    pub variants: Vec<TaggedVariant>,
}

/// A variant of a tagged enum.
#[derive(Debug, Clone)]
pub struct TaggedVariant {
    /// The Rust name.
    pub name: String,
    /// The tag value.
    pub value: String,
    /// The content; `None` for a variant with no fields of its own.
    pub content: Option<Ty>,
    /// Doc comment lines.
    pub docs: Vec<String>,
}

/// An untagged enum.
#[derive(Debug, Clone)]
pub struct UntaggedDef {
    /// The variants, in the order they are tried.
    pub variants: Vec<UntaggedVariant>,
}

/// A variant of an untagged enum.
#[derive(Debug, Clone)]
pub struct UntaggedVariant {
    /// The Rust name.
    pub name: String,
    /// The content.
    pub ty: Ty,
    /// Doc comment lines.
    pub docs: Vec<String>,
}

/// An enum of strings.
#[derive(Debug, Clone)]
pub struct StringEnumDef {
    /// The variants, in the order of the schema's `enum`.
    pub variants: Vec<StringVariant>,
}

/// A variant of a string enum.
#[derive(Debug, Clone)]
pub struct StringVariant {
    /// The Rust name.
    pub name: String,
    /// The JSON string.
    pub value: String,
}

/// A newtype.
#[derive(Debug, Clone)]
pub struct NewtypeDef {
    /// The wrapped type.
    pub inner: Ty,
    /// The checks; when there are none the field is public and the newtype
    /// only names a container type.
    pub checks: Checks,
}

/// The constraints a validating newtype checks.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Checks {
    /// `pattern`s (several when `allOf` members each have one).
    pub patterns: Vec<String>,
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minimum`.
    pub minimum: Option<Number>,
    /// `maximum`.
    pub maximum: Option<Number>,
    /// `exclusiveMinimum`.
    pub exclusive_minimum: Option<Number>,
    /// `exclusiveMaximum`.
    pub exclusive_maximum: Option<Number>,
    /// `multipleOf`.
    pub multiple_of: Option<Number>,
    /// `minItems`.
    pub min_items: Option<u64>,
    /// `maxItems`.
    pub max_items: Option<u64>,
    /// `uniqueItems`.
    pub unique_items: bool,
    /// `enum`, for values that are not a string enum.
    pub enum_values: Option<Vec<Json>>,
}

impl Checks {
    /// Whether there is nothing to check.
    pub fn is_empty(&self) -> bool {
        *self == Checks::default()
    }
}

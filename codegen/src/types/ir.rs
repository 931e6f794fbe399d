//! The intermediate type model: what the generator will write, before it is
//! turned into tokens. Conversion ([`super::convert`]) builds it from the
//! spec's schemas; rendering ([`super::render`]) writes it out.

use serde_json::{Number, Value as Json};

/// Identifies a [`TypeDef`] in [`super::TypeSpace`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct TypeId(pub(crate) usize);

/// A Rust type expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
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
pub(crate) enum Prim {
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
    pub(crate) fn is_integer(self) -> bool {
        matches!(self, Prim::I32 | Prim::I64 | Prim::U64)
    }
}

/// A generated item.
#[derive(Debug, Clone)]
pub(crate) struct TypeDef {
    /// The Rust name.
    pub(crate) name: String,
    /// The name before patches: what patches are matched against, with the
    /// schema name.
    pub(crate) default_name: String,
    /// The `components/schemas` key, for named schemas.
    pub(crate) schema_name: Option<String>,
    /// Doc comment lines (Markdown, already made safe).
    pub(crate) docs: Vec<String>,
    /// What it is.
    pub(crate) kind: Kind,
    /// Extra derives from patches (paths, as text).
    pub(crate) derives: Vec<String>,
    /// Extra attributes from patches (`#[...]`, as text).
    pub(crate) attributes: Vec<String>,
}

/// The kinds of generated items.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
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
pub(crate) struct StructDef {
    /// The fields, in the order of the schema's properties.
    pub(crate) fields: Vec<FieldDef>,
    /// `additionalProperties: false`.
    pub(crate) deny_unknown: bool,
    /// `additionalProperties: <schema>` beside properties: a flattened map
    /// field with this name and value type.
    pub(crate) extra: Option<(String, Ty)>,
}

/// Whether a field must be present and may be `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    /// In `required`, not nullable: `T`.
    Required,
    /// In `required` and nullable: `Option<T>`, but the member must be there.
    RequiredNullable,
    /// Not in `required`: `Option<T>`, skipped when `None`.
    Optional,
}

/// A struct field.
#[derive(Debug, Clone)]
pub(crate) struct FieldDef {
    /// The Rust name.
    pub(crate) name: String,
    /// The JSON member name.
    pub(crate) json: String,
    /// The value type, without the `Option` that [`Presence`] adds.
    pub(crate) ty: Ty,
    /// Required and nullable or not.
    pub(crate) presence: Presence,
    /// Doc comment lines.
    pub(crate) docs: Vec<String>,
    /// Other JSON names accepted when deserialising (patches).
    pub(crate) aliases: Vec<String>,
}

/// An internally tagged enum.
#[derive(Debug, Clone)]
pub(crate) struct TaggedDef {
    /// The JSON member that holds the tag.
    pub(crate) tag: String,
    /// Whether the variant types keep the tag as a `const` field (unions of
    /// objects that each fix the member) rather than serde adding it
    /// (the discriminator idiom).
    pub(crate) keep_tag: bool,
    /// The variants.
    pub(crate) variants: Vec<TaggedVariant>,
}

/// A variant of a tagged enum.
#[derive(Debug, Clone)]
pub(crate) struct TaggedVariant {
    /// The Rust name.
    pub(crate) name: String,
    /// The tag value.
    pub(crate) value: String,
    /// The content; `None` for a variant with no fields of its own.
    pub(crate) content: Option<Ty>,
    /// Doc comment lines.
    pub(crate) docs: Vec<String>,
}

/// An untagged enum.
#[derive(Debug, Clone)]
pub(crate) struct UntaggedDef {
    /// The variants, in the order they are tried.
    pub(crate) variants: Vec<UntaggedVariant>,
}

/// A variant of an untagged enum.
#[derive(Debug, Clone)]
pub(crate) struct UntaggedVariant {
    /// The Rust name.
    pub(crate) name: String,
    /// The content.
    pub(crate) ty: Ty,
    /// Doc comment lines.
    pub(crate) docs: Vec<String>,
}

/// An enum of strings.
#[derive(Debug, Clone)]
pub(crate) struct StringEnumDef {
    /// The variants, in the order of the schema's `enum`.
    pub(crate) variants: Vec<StringVariant>,
}

/// A variant of a string enum.
#[derive(Debug, Clone)]
pub(crate) struct StringVariant {
    /// The Rust name.
    pub(crate) name: String,
    /// The JSON string.
    pub(crate) value: String,
}

/// A newtype.
#[derive(Debug, Clone)]
pub(crate) struct NewtypeDef {
    /// The wrapped type.
    pub(crate) inner: Ty,
    /// The checks; when there are none the field is public and the newtype
    /// only names a container type.
    pub(crate) checks: Checks,
}

/// The constraints a validating newtype checks.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Checks {
    /// `pattern`s (several when `allOf` members each have one).
    pub(crate) patterns: Vec<String>,
    /// `minLength`.
    pub(crate) min_length: Option<u64>,
    /// `maxLength`.
    pub(crate) max_length: Option<u64>,
    /// `minimum`.
    pub(crate) minimum: Option<Number>,
    /// `maximum`.
    pub(crate) maximum: Option<Number>,
    /// `exclusiveMinimum`.
    pub(crate) exclusive_minimum: Option<Number>,
    /// `exclusiveMaximum`.
    pub(crate) exclusive_maximum: Option<Number>,
    /// `multipleOf`.
    pub(crate) multiple_of: Option<Number>,
    /// `minItems`.
    pub(crate) min_items: Option<u64>,
    /// `maxItems`.
    pub(crate) max_items: Option<u64>,
    /// `uniqueItems`.
    pub(crate) unique_items: bool,
    /// `enum`, for values that are not a string enum.
    pub(crate) enum_values: Option<Vec<Json>>,
}

impl Checks {
    /// Whether there is nothing to check.
    pub(crate) fn is_empty(&self) -> bool {
        *self == Checks::default()
    }
}

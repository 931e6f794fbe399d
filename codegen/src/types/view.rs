//! A read-only view of the type model, for tools that work with the payload
//! types without compiling them (typify's `TypeDetails` plays the same
//! part): `valawai validate` walks it to check JSON exactly as the generated
//! decoders do, and `valawai docs` documents it.
//!
//! Every generated type is a [`TypeView`], found by its [`TypeId`]
//! ([`TypeSpace::type_view`](super::TypeSpace::type_view)), by name
//! ([`TypeSpace::type_named`](super::TypeSpace::type_named)) or by walking
//! them all ([`TypeSpace::types`](super::TypeSpace::types)); its
//! [`details`](TypeView::details) say what it is. Where a type is used
//! (a message's payload, a field, a variant) the view gives a
//! [`TypeExpr`]: a generated type, a scalar, or a standard container around
//! them, as [`TypeExpr::shape`] tells.
//!
//! The view hides how the generator builds and renders the model (the
//! `Box`es that break cycles, types still being converted); what it shows
//! is what the generated code does with JSON.

use serde_json::Value as Json;

use super::ir::{
    FieldDef, Kind, NewtypeDef, StringEnumDef, StructDef, TaggedDef, TaggedVariant, Ty, TypeDef,
    UntaggedDef, UntaggedVariant,
};

pub use super::ir::{Checks, Presence, Prim, TypeId};

/// Any JSON: what a type still being converted reads as.
static ANY: Ty = Ty::Json;

/// A type expression: where a type is used.
#[derive(Debug, Clone, Copy)]
pub struct TypeExpr<'a> {
    ty: &'a Ty,
}

/// What a [`TypeExpr`] is.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Shape<'a> {
    /// A generated type.
    Named(TypeId),
    /// A scalar.
    Prim(Prim),
    /// Any JSON value (`valawai::payload::JsonValue`).
    Any,
    /// A JSON object with any members (`valawai::payload::JsonObject`).
    AnyObject,
    /// `Option<T>`: the value, or `null`.
    Option(TypeExpr<'a>),
    /// `Vec<T>`: an array.
    Vec(TypeExpr<'a>),
    /// `BTreeMap<String, T>`: an object with members of one type.
    Map(TypeExpr<'a>),
    /// A tuple: an array of exactly these items.
    Tuple(Vec<TypeExpr<'a>>),
    /// A user type named in a replacement patch, as Rust source; the
    /// generator cannot see into it.
    External(&'a str),
}

impl<'a> TypeExpr<'a> {
    pub(crate) fn new(ty: &'a Ty) -> Self {
        TypeExpr { ty }
    }

    /// What the expression is.
    pub fn shape(&self) -> Shape<'a> {
        let mut ty = self.ty;
        while let Ty::Box(inner) = ty {
            ty = inner;
        }
        match ty {
            Ty::Named(id) => Shape::Named(*id),
            Ty::Prim(p) => Shape::Prim(*p),
            Ty::Json => Shape::Any,
            Ty::JsonObject => Shape::AnyObject,
            Ty::Option(inner) => Shape::Option(TypeExpr::new(inner)),
            Ty::Vec(inner) => Shape::Vec(TypeExpr::new(inner)),
            Ty::Map(inner) => Shape::Map(TypeExpr::new(inner)),
            Ty::Tuple(members) => Shape::Tuple(members.iter().map(TypeExpr::new).collect()),
            Ty::External(text) => Shape::External(text),
            Ty::Box(_) => unreachable!("boxes are skipped above"),
        }
    }

    /// The generated type the expression is about: the type itself, or the
    /// one inside an `Option`, `Vec` or map.
    pub fn named(&self) -> Option<TypeId> {
        match self.shape() {
            Shape::Named(id) => Some(id),
            Shape::Option(inner) | Shape::Vec(inner) | Shape::Map(inner) => inner.named(),
            _ => None,
        }
    }

    /// Every generated type the expression names, in order.
    pub fn type_ids(&self) -> Vec<TypeId> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids(&self, out: &mut Vec<TypeId>) {
        match self.shape() {
            Shape::Named(id) => out.push(id),
            Shape::Option(inner) | Shape::Vec(inner) | Shape::Map(inner) => {
                inner.collect_ids(out);
            }
            Shape::Tuple(members) => {
                for member in members {
                    member.collect_ids(out);
                }
            }
            _ => {}
        }
    }
}

/// A generated type.
#[derive(Debug, Clone, Copy)]
pub struct TypeView<'a> {
    id: TypeId,
    def: &'a TypeDef,
}

/// What a generated type is.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum TypeDetails<'a> {
    /// A struct: a JSON object with declared members.
    Struct(StructView<'a>),
    /// An enum whose variant a string member of the object chooses.
    Tagged(TaggedView<'a>),
    /// An enum whose variant is the first alternative the value fits.
    Untagged(UntaggedView<'a>),
    /// An enum of strings.
    StringEnum(StringEnumView<'a>),
    /// A newtype around another type, checked against constraints (or,
    /// without checks, only naming it).
    Newtype(NewtypeView<'a>),
    /// A unit struct that is exactly this JSON value.
    Const(&'a Json),
    /// Another name for a type expression.
    Alias(TypeExpr<'a>),
}

impl<'a> TypeView<'a> {
    pub(crate) fn new(id: TypeId, def: &'a TypeDef) -> Self {
        TypeView { id, def }
    }

    /// The type's id.
    pub fn id(&self) -> TypeId {
        self.id
    }

    /// The Rust name.
    pub fn name(&self) -> &'a str {
        &self.def.name
    }

    /// The `components/schemas` key, for a named schema's type.
    pub fn schema_name(&self) -> Option<&'a str> {
        self.def.schema_name.as_deref()
    }

    /// The doc comment lines (Markdown).
    pub fn docs(&self) -> &'a [String] {
        &self.def.docs
    }

    /// What the type is.
    pub fn details(&self) -> TypeDetails<'a> {
        match &self.def.kind {
            Kind::Struct(s) => TypeDetails::Struct(StructView(s)),
            Kind::Tagged(t) => TypeDetails::Tagged(TaggedView(t)),
            Kind::Untagged(u) => TypeDetails::Untagged(UntaggedView(u)),
            Kind::StringEnum(e) => TypeDetails::StringEnum(StringEnumView(e)),
            Kind::Newtype(n) => TypeDetails::Newtype(NewtypeView(n)),
            Kind::Const(value) => TypeDetails::Const(value),
            Kind::Alias(ty) => TypeDetails::Alias(TypeExpr::new(ty)),
            Kind::Pending => TypeDetails::Alias(TypeExpr::new(&ANY)),
        }
    }

    /// Every generated type this one names directly (in its fields,
    /// variants, inner or aliased type), in order.
    pub fn type_ids(&self) -> Vec<TypeId> {
        let mut out = Vec::new();
        match self.details() {
            TypeDetails::Struct(s) => {
                for field in s.fields() {
                    field.ty().collect_ids(&mut out);
                }
                if let Some(extra) = s.extra() {
                    extra.collect_ids(&mut out);
                }
            }
            TypeDetails::Tagged(t) => {
                for variant in t.variants() {
                    if let Some(content) = variant.content() {
                        content.collect_ids(&mut out);
                    }
                }
            }
            TypeDetails::Untagged(u) => {
                for variant in u.variants() {
                    variant.ty().collect_ids(&mut out);
                }
            }
            TypeDetails::Newtype(n) => n.inner().collect_ids(&mut out),
            TypeDetails::Alias(ty) => ty.collect_ids(&mut out),
            TypeDetails::StringEnum(_) | TypeDetails::Const(_) => {}
        }
        out
    }
}

/// A struct.
#[derive(Debug, Clone, Copy)]
pub struct StructView<'a>(&'a StructDef);

impl<'a> StructView<'a> {
    /// The fields, in the order of the schema's properties.
    pub fn fields(&self) -> impl ExactSizeIterator<Item = FieldView<'a>> + 'a {
        self.0.fields.iter().map(FieldView)
    }

    /// The field at `index` in [`fields`](Self::fields).
    pub fn field(&self, index: usize) -> Option<FieldView<'a>> {
        self.0.fields.get(index).map(FieldView)
    }

    /// Whether a member the struct does not declare is an error
    /// (`additionalProperties: false`).
    pub fn denies_unknown(&self) -> bool {
        self.0.deny_unknown
    }

    /// The type of the members beside the declared ones, when the schema
    /// types them (`additionalProperties: <schema>`): they are kept in a
    /// map.
    pub fn extra(&self) -> Option<TypeExpr<'a>> {
        self.0.extra.as_ref().map(|(_, ty)| TypeExpr::new(ty))
    }

    /// Whether the members the struct does not declare are kept, to be
    /// written back (generated with `keep_unknown_fields`).
    pub fn keeps_unknown(&self) -> bool {
        self.0.unknown.is_some()
    }
}

/// A field of a struct.
#[derive(Debug, Clone, Copy)]
pub struct FieldView<'a>(&'a FieldDef);

impl<'a> FieldView<'a> {
    /// The Rust name.
    pub fn name(&self) -> &'a str {
        &self.0.name
    }

    /// The JSON member name.
    pub fn json_name(&self) -> &'a str {
        &self.0.json
    }

    /// Other member names accepted when reading (patches).
    pub fn aliases(&self) -> &'a [String] {
        &self.0.aliases
    }

    /// The value's type, without the `Option` that the presence adds.
    pub fn ty(&self) -> TypeExpr<'a> {
        TypeExpr::new(&self.0.ty)
    }

    /// Whether the member must be there, and whether it may be `null`.
    pub fn presence(&self) -> Presence {
        self.0.presence
    }

    /// The doc comment lines (Markdown).
    pub fn docs(&self) -> &'a [String] {
        &self.0.docs
    }
}

/// An enum whose variant a member of the object chooses.
#[derive(Debug, Clone, Copy)]
pub struct TaggedView<'a>(&'a TaggedDef);

impl<'a> TaggedView<'a> {
    /// The member that holds the tag.
    pub fn tag(&self) -> &'a str {
        &self.0.tag
    }

    /// Whether the variants' types keep the tag member (each fixes it as a
    /// constant field), rather than the enum removing it before reading
    /// the variant.
    pub fn keeps_tag(&self) -> bool {
        self.0.keep_tag
    }

    /// The variants.
    pub fn variants(&self) -> impl ExactSizeIterator<Item = TaggedVariantView<'a>> + 'a {
        self.0.variants.iter().map(TaggedVariantView)
    }
}

/// A variant of a tagged enum.
#[derive(Debug, Clone, Copy)]
pub struct TaggedVariantView<'a>(&'a TaggedVariant);

impl<'a> TaggedVariantView<'a> {
    /// The Rust name.
    pub fn name(&self) -> &'a str {
        &self.0.name
    }

    /// The tag value that chooses it.
    pub fn value(&self) -> &'a str {
        &self.0.value
    }

    /// The content's type; `None` for a variant with no fields of its own.
    pub fn content(&self) -> Option<TypeExpr<'a>> {
        self.0.content.as_ref().map(TypeExpr::new)
    }

    /// The doc comment lines (Markdown).
    pub fn docs(&self) -> &'a [String] {
        &self.0.docs
    }
}

/// An enum whose variant is the first alternative the value fits.
#[derive(Debug, Clone, Copy)]
pub struct UntaggedView<'a>(&'a UntaggedDef);

impl<'a> UntaggedView<'a> {
    /// The variants, in the order they are tried.
    pub fn variants(&self) -> impl ExactSizeIterator<Item = UntaggedVariantView<'a>> + 'a {
        self.0.variants.iter().map(UntaggedVariantView)
    }
}

/// A variant of an untagged enum.
#[derive(Debug, Clone, Copy)]
pub struct UntaggedVariantView<'a>(&'a UntaggedVariant);

impl<'a> UntaggedVariantView<'a> {
    /// The Rust name (what an error names the alternative by).
    pub fn name(&self) -> &'a str {
        &self.0.name
    }

    /// The content's type.
    pub fn ty(&self) -> TypeExpr<'a> {
        TypeExpr::new(&self.0.ty)
    }

    /// The doc comment lines (Markdown).
    pub fn docs(&self) -> &'a [String] {
        &self.0.docs
    }
}

/// An enum of strings.
#[derive(Debug, Clone, Copy)]
pub struct StringEnumView<'a>(&'a StringEnumDef);

impl<'a> StringEnumView<'a> {
    /// The JSON strings, in the order of the schema's `enum`.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        self.0.variants.iter().map(|v| v.value.as_str())
    }

    /// The Rust variant names, in the same order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        self.0.variants.iter().map(|v| v.name.as_str())
    }
}

/// A newtype.
#[derive(Debug, Clone, Copy)]
pub struct NewtypeView<'a>(&'a NewtypeDef);

impl<'a> NewtypeView<'a> {
    /// The wrapped type.
    pub fn inner(&self) -> TypeExpr<'a> {
        TypeExpr::new(&self.0.inner)
    }

    /// The constraints the newtype checks; empty when it only names its
    /// inner type.
    pub fn checks(&self) -> &'a Checks {
        &self.0.checks
    }
}

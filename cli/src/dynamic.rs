//! Checking a payload against a spec without compiled types.
//!
//! [`Validator`] walks the generator's type model through its read-only
//! view ([`valawai_codegen::types::view`]) with a serde [`DeserializeSeed`] that
//! does, step by step, what the generated `Deserialize` impls do: the same
//! serde calls (`deserialize_struct`, `deserialize_enum`, ...), the same
//! runtime helpers for unions, constants and constraints. Decoding through
//! [`valawai_payload::from_slice_seed`] therefore fails with the very
//! [`PayloadError`] the component's generated decoder gives
//! (`cli/tests/same_errors.rs` checks it on a corpus).
//!
//! It also notes each property a payload carries that its type does not
//! declare ([`Undeclared`], with its JSON path and a "did you mean"): the
//! component ignores such a property, which usually means that the sender
//! and the spec disagree.
//!
//! serde wants `'static` names for fields, variants and labels; they are
//! built once per [`Validator`] and leaked, which a command-line tool can
//! afford.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, IgnoredAny, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde_json::{Map, Value};
use valawai_codegen::model::{ChannelId, MessageId};
use valawai_codegen::types::view::{
    Checks, NewtypeView, Presence, Prim, Shape, StructView, TypeDetails, TypeExpr, TypeId, TypeView,
};
use valawai_codegen::{RustType, TypeSpace};
use valawai_payload::support::{self as rt, check};
use valawai_payload::{ConstraintError, PayloadError};

/// Checks JSON payloads against the payload types of a spec.
#[derive(Debug)]
pub struct Validator<'a> {
    types: &'a TypeSpace,
    names: Vec<Names>,
    /// What the payload being checked carries undeclared: the first
    /// [`MAX_UNDECLARED`], and how many more.
    undeclared: RefCell<(Vec<Undeclared>, usize)>,
}

/// Undeclared properties listed per payload; the others are only counted.
pub const MAX_UNDECLARED: usize = 100;

/// A property of a payload that its type does not declare: the component
/// ignores it (or keeps it, generated with `keep_unknown_fields`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undeclared {
    /// The JSON path of the property, `patient.has_advance_directives`.
    pub path: String,
    /// The generated type of the object that holds it.
    pub type_name: String,
    /// The property.
    pub property: String,
    /// The declared property it probably means, if one is close.
    pub suggestion: Option<String>,
}

impl fmt::Display for Undeclared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: `{}` does not declare the property `{}`; the component ignores it",
            self.path, self.type_name, self.property
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        Ok(())
    }
}

/// A payload that fits: the JSON value the typed payload serialises to, and
/// the properties its types do not declare.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    /// The payload as the component would write it back.
    pub value: Value,
    /// Undeclared properties, in the order met (at most [`MAX_UNDECLARED`]).
    pub undeclared: Vec<Undeclared>,
    /// How many more undeclared properties the payload has.
    pub more_undeclared: usize,
}

/// Where a value is in the payload, as a shared list from the value up.
#[derive(Debug, Clone, Default)]
struct At(Option<Rc<(At, rt::PathSegment)>>);

impl At {
    fn then(&self, segment: rt::PathSegment) -> At {
        At(Some(Rc::new((self.clone(), segment))))
    }

    fn key(&self, key: &str) -> At {
        self.then(rt::PathSegment::Key(key.to_owned()))
    }

    fn index(&self, index: usize) -> At {
        self.then(rt::PathSegment::Index(index))
    }

    fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut at = self;
        while let Some(node) = &at.0 {
            segments.push(node.1.clone());
            at = &node.0;
        }
        segments.reverse();
        rt::render_path(&segments)
    }
}

/// The `'static` names serde needs for one generated type.
#[derive(Debug, Default)]
struct Names {
    /// The Rust name.
    name: &'static str,
    /// `struct X` / `enum X` / "a `X` object".
    expecting: &'static str,
    /// Struct fields (JSON names) or enum values (JSON strings).
    members: &'static [&'static str],
    /// The tag member of a tagged union.
    tag: &'static str,
    /// Untagged variant labels.
    labels: Vec<&'static str>,
    /// Compiled patterns of a validating newtype.
    patterns: Vec<rt::Pattern>,
    /// The `enum` list of a validating newtype.
    allowed: Option<rt::JsonLiteral>,
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_all(items: Vec<&'static str>) -> &'static [&'static str] {
    Box::leak(items.into_boxed_slice())
}

impl<'a> Validator<'a> {
    /// A validator for the types of `types`.
    pub fn new(types: &'a TypeSpace) -> Self {
        let names = types.types().map(names).collect();
        Validator {
            types,
            names,
            undeclared: RefCell::new((Vec::new(), 0)),
        }
    }

    /// Checks a message's payload, given as JSON bytes, as the component's
    /// generated decoder does: a payload whose type is always an object
    /// must be a JSON object, then it must decode. A message without a
    /// payload accepts any JSON.
    pub fn validate(&self, message: MessageId, bytes: &[u8]) -> Result<Valid, Invalid> {
        self.validate_as(self.types.message_type(message), bytes)
    }

    /// Checks a payload on a channel, as the decoder of a component that
    /// receives every message of the channel does: against the channel's
    /// message, or the union of its messages when it carries several (the
    /// generated `ControlInMessage`), with the union's errors. A channel
    /// without messages accepts any JSON.
    pub fn validate_channel(&self, channel: ChannelId, bytes: &[u8]) -> Result<Valid, Invalid> {
        self.validate_as(self.types.channel_type(channel), bytes)
    }

    /// Checks bytes against a payload type; `None` is any JSON.
    fn validate_as(&self, ty: Option<RustType>, bytes: &[u8]) -> Result<Valid, Invalid> {
        let object = ty.as_ref().is_some_and(|ty| self.types.is_json_object(ty));
        if object && let Some(invalid) = not_an_object(bytes) {
            return Err(invalid);
        }
        self.undeclared.take();
        let value = match &ty {
            Some(ty) => valawai_payload::from_slice_seed(
                self.seed(Node::Expr(ty.expr()), At::default()),
                bytes,
            ),
            None => valawai_payload::from_slice::<Value>(bytes),
        }
        .map_err(Invalid::Payload)?;
        Ok(self.valid(value))
    }

    /// Checks JSON bytes against the generated type named `name`; `None`
    /// when the spec has no such type.
    pub fn validate_type(&self, name: &str, bytes: &[u8]) -> Option<Result<Valid, PayloadError>> {
        let id = self.types.type_named(name)?.id();
        self.undeclared.take();
        let value =
            valawai_payload::from_slice_seed(self.seed(Node::Type(id), At::default()), bytes);
        Some(value.map(|value| self.valid(value)))
    }

    fn valid(&self, value: Value) -> Valid {
        let (undeclared, more_undeclared) = self.undeclared.take();
        Valid {
            value,
            undeclared,
            more_undeclared,
        }
    }

    fn seed<'s>(&'s self, node: Node<'s>, at: At) -> Seed<'s> {
        Seed { v: self, node, at }
    }

    /// Notes an undeclared property of the struct `def` at `at`.
    fn note_undeclared(&self, def: TypeView<'_>, s: StructView<'_>, at: &At, property: &str) {
        let mut noted = self.undeclared.borrow_mut();
        if noted.0.len() == MAX_UNDECLARED {
            noted.1 += 1;
            return;
        }
        let declared: Vec<&str> = s
            .fields()
            .flat_map(|f| {
                std::iter::once(f.json_name()).chain(f.aliases().iter().map(String::as_str))
            })
            .collect();
        noted.0.push(Undeclared {
            path: at.key(property).render(),
            type_name: def.name().to_owned(),
            property: property.to_owned(),
            suggestion: valawai_payload::undeclared::did_you_mean(property, &declared)
                .map(str::to_owned),
        });
    }

    fn def(&self, id: TypeId) -> TypeView<'a> {
        self.types
            .type_view(id)
            .expect("the type model names only its own types")
    }
}

/// Why a payload does not fit its channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// It does not decode: the runtime's own error.
    Payload(PayloadError),
    /// It is empty, or JSON but not an object, and the payload type is
    /// always an object (the decoder refuses it before decoding, with this
    /// message).
    NotAnObject(String),
    /// It is not JSON, and does not start as an object (the decoder says
    /// so before decoding, with this message).
    NotJson(String),
}

impl Invalid {
    /// The JSON path of the offending value; `.` for the payload itself.
    pub fn path(&self) -> &str {
        match self {
            Invalid::Payload(e) => e.path(),
            Invalid::NotAnObject(_) | Invalid::NotJson(_) => ".",
        }
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        match self {
            Invalid::Payload(e) => e.message(),
            Invalid::NotAnObject(m) | Invalid::NotJson(m) => m,
        }
    }

    /// Whether the payload is not JSON at all.
    pub fn is_syntax(&self) -> bool {
        match self {
            Invalid::Payload(e) => e.is_syntax(),
            Invalid::NotAnObject(_) => false,
            Invalid::NotJson(_) => true,
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message())
    }
}

impl std::error::Error for Invalid {}

/// Why `bytes` is not a JSON object, worded as the runtime's decoder words
/// it, when it is empty or valid JSON of another kind.
fn not_an_object(bytes: &[u8]) -> Option<Invalid> {
    let Some(first) = bytes.iter().find(|b| !b.is_ascii_whitespace()) else {
        return Some(Invalid::NotAnObject("the body is empty".to_owned()));
    };
    if *first == b'{' {
        return None;
    }
    if let Err(e) = serde_json::from_slice::<IgnoredAny>(bytes) {
        return Some(Invalid::NotJson(format!("the body is not JSON: {e}")));
    }
    let kind = match first {
        b'[' => "an array",
        b'"' => "a string",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => "a number",
    };
    Some(Invalid::NotAnObject(format!(
        "expected a JSON object, found {kind}"
    )))
}

fn names(def: TypeView<'_>) -> Names {
    let name = leak(def.name().to_owned());
    let mut out = Names {
        name,
        ..Names::default()
    };
    match def.details() {
        TypeDetails::Struct(s) => {
            out.expecting = leak(format!("struct {name}"));
            let mut fields: Vec<&'static str> =
                s.fields().map(|f| leak(f.json_name().to_owned())).collect();
            fields.extend(
                s.fields()
                    .flat_map(|f| f.aliases().iter().map(|a| leak(a.clone()))),
            );
            out.members = leak_all(fields);
        }
        TypeDetails::Tagged(t) => {
            out.expecting = leak(format!("a `{name}` object"));
            out.tag = leak(t.tag().to_owned());
            out.members = leak_all(t.variants().map(|v| leak(v.value().to_owned())).collect());
        }
        TypeDetails::Untagged(u) => {
            out.labels = u.variants().map(|v| leak(v.name().to_owned())).collect();
        }
        TypeDetails::StringEnum(e) => {
            out.expecting = leak(format!("enum {name}"));
            out.members = leak_all(e.values().map(|v| leak(v.to_owned())).collect());
        }
        TypeDetails::Newtype(n) => {
            let checks = n.checks();
            out.patterns = checks
                .patterns
                .iter()
                .map(|p| rt::Pattern::new(leak(p.clone())))
                .collect();
            out.allowed = checks
                .enum_values
                .as_ref()
                .map(|v| rt::JsonLiteral::new(leak(Value::Array(v.clone()).to_string())));
        }
        TypeDetails::Const(value) => {
            out.allowed = Some(rt::JsonLiteral::new(leak(value.to_string())));
        }
        _ => {}
    }
    out
}

/// What a [`Seed`] reads: a type expression, or a generated type.
#[derive(Clone)]
enum Node<'a> {
    Expr(TypeExpr<'a>),
    Type(TypeId),
}

/// Deserialises one type of the model into the JSON value the typed value
/// would serialise to.
#[derive(Clone)]
struct Seed<'a> {
    v: &'a Validator<'a>,
    node: Node<'a>,
    at: At,
}

impl<'de, 'a> DeserializeSeed<'de> for Seed<'a> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        use serde::Deserialize;
        let expr = match self.node {
            Node::Type(id) => return self.named(id, d),
            Node::Expr(expr) => expr,
        };
        let at = self.at;
        let seed = |inner: TypeExpr<'a>| self.v.seed(Node::Expr(inner), at.clone());
        match expr.shape() {
            Shape::Named(id) => self.v.seed(Node::Type(id), at.clone()).named(id, d),
            Shape::Prim(p) => match p {
                Prim::String => String::deserialize(d).map(Value::String),
                Prim::Bool => bool::deserialize(d).map(Value::Bool),
                Prim::I32 => i32::deserialize(d).map(Value::from),
                Prim::I64 => i64::deserialize(d).map(Value::from),
                Prim::U64 => u64::deserialize(d).map(Value::from),
                Prim::F64 => f64::deserialize(d).map(Value::from),
            },
            // A user type named in a patch cannot be checked here.
            Shape::Any | Shape::External(_) => Value::deserialize(d),
            Shape::AnyObject => Map::<String, Value>::deserialize(d).map(Value::Object),
            Shape::Option(inner) => d.deserialize_option(OptionVisitor(seed(inner))),
            Shape::Vec(inner) => d.deserialize_seq(SeqVisitor(seed(inner))),
            Shape::Map(inner) => d.deserialize_map(MapVisitor(seed(inner))),
            Shape::Tuple(members) => d.deserialize_tuple(
                members.len(),
                TupleVisitor {
                    v: self.v,
                    members,
                    at: at.clone(),
                },
            ),
            // A shape a newer generator knows: read it as the JSON it is.
            _ => Value::deserialize(d),
        }
    }
}

impl<'a> Seed<'a> {
    fn named<'de, D: Deserializer<'de>>(self, id: TypeId, d: D) -> Result<Value, D::Error> {
        let def = self.v.def(id);
        let names = &self.v.names[id.index()];
        let seed = |inner: TypeExpr<'a>, at: At| self.v.seed(Node::Expr(inner), at);
        match def.details() {
            TypeDetails::Struct(s) => {
                let visitor = StructVisitor {
                    v: self.v,
                    def,
                    s,
                    names,
                    at: self.at,
                };
                if s.extra().is_some() || s.keeps_unknown() {
                    d.deserialize_map(visitor)
                } else {
                    d.deserialize_struct(names.name, names.members, visitor)
                }
            }
            TypeDetails::Tagged(t) => {
                let (tag, content) =
                    rt::Tagged::read(d, names.expecting, names.tag, names.members, t.keeps_tag())?;
                let Some(variant) = t.variants().find(|v| v.value() == tag) else {
                    return Err(content.unknown(&tag, names.members));
                };
                let mut value = match variant.content() {
                    Some(ty) => content.variant_seed(seed(ty, self.at.clone()))?,
                    None => Value::Object(Map::new()),
                };
                if !t.keeps_tag()
                    && let Value::Object(map) = &mut value
                {
                    map.insert(t.tag().to_owned(), Value::String(tag));
                }
                Ok(value)
            }
            TypeDetails::Untagged(u) => {
                let mut input = rt::Untagged::read(d)?;
                for (variant, label) in u.variants().zip(&names.labels) {
                    // An alternative that does not match says nothing undeclared.
                    let mark = self.v.undeclared.borrow().clone();
                    if let Some(value) =
                        input.attempt_seed(label, seed(variant.ty(), self.at.clone()))
                    {
                        return Ok(value);
                    }
                    *self.v.undeclared.borrow_mut() = mark;
                }
                Err(input.fail(names.name))
            }
            TypeDetails::StringEnum(_) => {
                d.deserialize_enum(names.name, names.members, EnumVisitor(names))
            }
            TypeDetails::Newtype(n) if n.checks().is_empty() => {
                seed(n.inner(), self.at).deserialize(d)
            }
            TypeDetails::Newtype(n) => {
                let value = seed(n.inner(), self.at).deserialize(d)?;
                constraints(n, names, &value).map_err(D::Error::custom)?;
                Ok(value)
            }
            TypeDetails::Const(value) => match &names.allowed {
                Some(expected) => rt::deserialize_const(expected, d).map(|()| value.clone()),
                None => serde::Deserialize::deserialize(d),
            },
            TypeDetails::Alias(ty) => seed(ty, self.at).deserialize(d),
            // A kind a newer generator knows: read it as the JSON it is.
            _ => serde::Deserialize::deserialize(d),
        }
    }
}

/// The checks of a validating newtype, in the generated order, with the
/// runtime's own functions and the generated argument types.
fn constraints(n: NewtypeView<'_>, names: &Names, value: &Value) -> Result<(), ConstraintError> {
    let c: &Checks = n.checks();
    match (n.inner().shape(), value) {
        (Shape::Prim(Prim::String), Value::String(s)) => {
            for pattern in &names.patterns {
                pattern.check(s)?;
            }
            if let Some(min) = c.min_length {
                check::min_length(s, min)?;
            }
            if let Some(max) = c.max_length {
                check::max_length(s, max)?;
            }
            if let Some(allowed) = &names.allowed {
                check::enum_values(s.as_str(), allowed)?;
            }
        }
        (Shape::Prim(p), Value::Number(number)) if p.is_integer() => {
            let x = number
                .as_i64()
                .map_or_else(|| i128::from(number.as_u64().unwrap_or(0)), i128::from);
            let bound = |b: &serde_json::Number| -> i128 {
                match (b.as_u64(), b.as_i64()) {
                    (Some(u), _) => i128::from(u),
                    (None, Some(i)) => i128::from(i),
                    _ => b.as_f64().unwrap_or(0.0) as i64 as i128,
                }
            };
            bounds(c, x, bound)?;
            if let Some(factor) = &c.multiple_of {
                let factor = factor
                    .as_i64()
                    .map_or_else(|| i128::from(factor.as_u64().unwrap_or(1)), i128::from);
                check::multiple_of_integer(x, factor)?;
            }
            if let Some(allowed) = &names.allowed {
                check::enum_values(value, allowed)?;
            }
        }
        (Shape::Prim(Prim::F64), Value::Number(number)) => {
            let x = number.as_f64().unwrap_or(0.0);
            bounds(c, x, |b| b.as_f64().unwrap_or(0.0))?;
            if let Some(factor) = &c.multiple_of {
                check::multiple_of_number(x, factor.as_f64().unwrap_or(1.0))?;
            }
            if let Some(allowed) = &names.allowed {
                check::enum_values(value, allowed)?;
            }
        }
        (_, value) => {
            if let Value::Array(items) = value {
                if let Some(min) = c.min_items {
                    check::min_items(items, min)?;
                }
                if let Some(max) = c.max_items {
                    check::max_items(items, max)?;
                }
                if c.unique_items {
                    check::unique_items(items)?;
                }
            }
            if let Some(allowed) = &names.allowed {
                check::enum_values(value, allowed)?;
            }
        }
    }
    Ok(())
}

/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
fn bounds<T: PartialOrd + fmt::Display + Copy>(
    c: &Checks,
    x: T,
    bound: impl Fn(&serde_json::Number) -> T,
) -> Result<(), ConstraintError> {
    if let Some(b) = &c.minimum {
        check::minimum(x, bound(b))?;
    }
    if let Some(b) = &c.maximum {
        check::maximum(x, bound(b))?;
    }
    if let Some(b) = &c.exclusive_minimum {
        check::exclusive_minimum(x, bound(b))?;
    }
    if let Some(b) = &c.exclusive_maximum {
        check::exclusive_maximum(x, bound(b))?;
    }
    Ok(())
}

struct OptionVisitor<'a>(Seed<'a>);

impl<'de> Visitor<'de> for OptionVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.0.deserialize(d)
    }
}

struct SeqVisitor<'a>(Seed<'a>);

impl<'de> Visitor<'de> for SeqVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        let at = self.0.at.clone();
        while let Some(item) = seq.next_element_seed(Seed {
            at: at.index(items.len()),
            ..self.0.clone()
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
}

struct MapVisitor<'a>(Seed<'a>);

impl<'de> Visitor<'de> for MapVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = std::collections::BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Seed {
                at: self.0.at.key(&key),
                ..self.0.clone()
            })?;
            entries.insert(key, value);
        }
        Ok(Value::Object(entries.into_iter().collect()))
    }
}

struct TupleVisitor<'a> {
    v: &'a Validator<'a>,
    members: Vec<TypeExpr<'a>>,
    at: At,
}

impl<'de> Visitor<'de> for TupleVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a tuple of size {}", self.members.len())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        for (i, ty) in self.members.iter().enumerate() {
            match seq.next_element_seed(self.v.seed(Node::Expr(*ty), self.at.index(i)))? {
                Some(item) => items.push(item),
                None => return Err(A::Error::invalid_length(i, &self)),
            }
        }
        Ok(Value::Array(items))
    }
}

/// A struct's member key, identified as derived code identifies it.
enum Field {
    Known(usize),
    Unknown(String),
}

struct FieldSeed<'a> {
    s: StructView<'a>,
    names: &'a Names,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = Field;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Field, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldSeed<'_> {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
        let known = self
            .s
            .fields()
            .position(|f| f.json_name() == key || f.aliases().iter().any(|a| a == key));
        match known {
            Some(i) => Ok(Field::Known(i)),
            None if self.s.denies_unknown() => Err(E::unknown_field(key, self.names.members)),
            None => Ok(Field::Unknown(key.to_owned())),
        }
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<Field, E> {
        match usize::try_from(index) {
            Ok(i) if i < self.s.fields().len() => Ok(Field::Known(i)),
            _ => Err(E::invalid_value(
                Unexpected::Unsigned(index),
                &format!("field index 0 <= i < {}", self.s.fields().len()).as_str(),
            )),
        }
    }
}

struct StructVisitor<'a> {
    v: &'a Validator<'a>,
    def: TypeView<'a>,
    s: StructView<'a>,
    names: &'a Names,
    at: At,
}

impl<'a> StructVisitor<'a> {
    /// The seed of a field's value: `Option<T>` unless required.
    fn field_seed(&self, i: usize) -> FieldValue<'a> {
        let field = self.s.field(i).expect("a field of the struct");
        FieldValue {
            seed: self
                .v
                .seed(Node::Expr(field.ty()), self.at.key(field.json_name())),
            optional: field.presence() != Presence::Required,
        }
    }
}

#[derive(Clone)]
struct FieldValue<'a> {
    seed: Seed<'a>,
    optional: bool,
}

impl<'de> DeserializeSeed<'de> for FieldValue<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        if self.optional {
            d.deserialize_option(OptionVisitor(self.seed))
        } else {
            self.seed.deserialize(d)
        }
    }
}

impl<'de> Visitor<'de> for StructVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.names.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let fields: Vec<_> = self.s.fields().collect();
        let mut found: Vec<Option<Value>> = vec![None; fields.len()];
        let mut extra = Vec::new();
        while let Some(key) = map.next_key_seed(FieldSeed {
            s: self.s,
            names: self.names,
        })? {
            match key {
                Field::Known(i) => {
                    if found[i].is_some() {
                        return Err(A::Error::duplicate_field(self.names.members[i]));
                    }
                    found[i] = Some(map.next_value_seed(self.field_seed(i))?);
                }
                Field::Unknown(key) if self.s.extra().is_some() => {
                    extra.push((key, map.next_value::<Value>()?));
                }
                Field::Unknown(key) if self.s.keeps_unknown() => {
                    self.v.note_undeclared(self.def, self.s, &self.at, &key);
                    extra.push((key, map.next_value::<Value>()?));
                }
                Field::Unknown(key) => {
                    self.v.note_undeclared(self.def, self.s, &self.at, &key);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let mut out = Map::new();
        for (i, (field, value)) in fields.iter().zip(found).enumerate() {
            let value = match value {
                Some(value) => value,
                None => match (field.presence(), field.ty().shape()) {
                    (Presence::Optional, _) | (Presence::Required, Shape::Option(_)) => continue,
                    _ => return Err(A::Error::missing_field(self.names.members[i])),
                },
            };
            if !(value.is_null() && field.presence() == Presence::Optional) {
                out.insert(field.json_name().to_owned(), value);
            }
        }
        match self.s.extra() {
            Some(ty) => {
                for (key, value) in extra {
                    let seed = self.v.seed(Node::Expr(ty), self.at.key(&key));
                    let value = rt::deserialize_wire_seed(seed, value).map_err(A::Error::custom)?;
                    out.insert(key, value);
                }
            }
            // Kept undeclared members, written back after the declared ones.
            None => out.extend(extra),
        }
        Ok(Value::Object(out))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let fields: Vec<_> = self.s.fields().collect();
        let mut out = Map::new();
        for (i, field) in fields.iter().enumerate() {
            match seq.next_element_seed(self.field_seed(i))? {
                Some(value) => {
                    if !(value.is_null() && field.presence() == Presence::Optional) {
                        out.insert(field.json_name().to_owned(), value);
                    }
                }
                None if field.presence() == Presence::Optional => {}
                None => {
                    let n = fields.len();
                    let expected = format!(
                        "{} with {n} element{}",
                        self.names.expecting,
                        if n == 1 { "" } else { "s" }
                    );
                    return Err(A::Error::invalid_length(i, &expected.as_str()));
                }
            }
        }
        Ok(Value::Object(out))
    }
}

struct EnumVisitor<'a>(&'a Names);

impl<'de> Visitor<'de> for EnumVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0.expecting)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (index, variant) = data.variant_seed(VariantSeed(self.0))?;
        variant.unit_variant()?;
        Ok(Value::String(self.0.members[index].to_owned()))
    }
}

struct VariantSeed<'a>(&'a Names);

impl<'de> DeserializeSeed<'de> for VariantSeed<'_> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for VariantSeed<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<usize, E> {
        self.0
            .members
            .iter()
            .position(|m| *m == value)
            .ok_or_else(|| E::unknown_variant(value, self.0.members))
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
        match usize::try_from(index) {
            Ok(i) if i < self.0.members.len() => Ok(i),
            _ => Err(E::invalid_value(
                Unexpected::Unsigned(index),
                &format!("variant index 0 <= i < {}", self.0.members.len()).as_str(),
            )),
        }
    }
}

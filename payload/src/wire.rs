//! The rules of JSON Schema that serde does not follow, applied while a payload is read.
//!
//! [`Wire`] wraps the deserializer every payload is read with ([`super::from_slice_seed`], the
//! buffers of tagged and untagged enums, flattened maps) and changes two things:
//!
//! - **Integers.** JSON Schema's `integer` is any number whose fractional part is zero: `7.0`,
//!   `1e2` and `-0.0` are integers, and Python components send such values. serde's integer
//!   types refuse every number written with a fraction or an exponent. Here an integer target
//!   (`u64`, `i64`, `i32`, a bounded newtype of one) reads any JSON number and takes it when it
//!   is integral and in the type's range; otherwise the error names the rule or the range:
//!   ``invalid type: floating point `5.5`, expected an integer (u64)``,
//!   ``invalid value: integer `18446744073709551616`, expected an integer from 0 to
//!   18446744073709551615 (u64)``. A number beyond `f64` (`1e400`), which `serde_json` reports
//!   as a syntax error, becomes such a value error too, with its path.
//! - **Undeclared members.** A struct ignores a member it does not declare; [`Wire`] notices
//!   (the member's value is read with `deserialize_ignored_any`) and hands the type, the member
//!   and the declared names to [`super::undeclared`], which the dispatcher reads once the
//!   payload is decoded. The member's key is kept only as a borrowed `&str` until then, so a
//!   payload without undeclared members costs no allocation.
//!
//! Everything else is passed through unchanged, so errors read as serde's do.

use std::fmt::{self, Write as _};

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

use super::undeclared::{self, Key, Member};

/// A deserializer that reads by JSON Schema's rules (see the module documentation).
pub(crate) struct Wire<'de, D> {
    de: D,
    /// Set on the value of a struct member whose key was a string: reported as undeclared if
    /// the struct ignores the value.
    member: Option<Member<'de>>,
}

impl<D> Wire<'_, D> {
    /// Wraps `de`.
    pub(crate) fn new(de: D) -> Self {
        Wire { de, member: None }
    }
}

/// The range of a Rust integer type, which is what a JSON integer must fit.
#[derive(Clone, Copy, Debug)]
struct Range {
    name: &'static str,
    min: i128,
    max: u128,
}

impl Range {
    const fn new(name: &'static str, min: i128, max: u128) -> Self {
        Range { name, min, max }
    }

    fn holds_signed(&self, v: i128) -> bool {
        v >= self.min && (v < 0 || v as u128 <= self.max)
    }

    fn holds_unsigned(&self, v: u128) -> bool {
        v <= self.max && (self.min <= 0 || v >= self.min as u128)
    }

    /// Whether an integral `f64` is in the range. The bounds of every Rust integer type are
    /// exact in `f64` or round up to the next power of two, so `v < max + 1` is exact.
    fn holds_float(&self, v: f64) -> bool {
        v >= self.min as f64 && v < self.max as f64 + 1.0
    }
}

impl Expected for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an integer from {} to {} ({})",
            self.min, self.max, self.name
        )
    }
}

/// What a fractional number is refused with: the rule, `integer`, and the Rust type.
struct Integral(&'static str);

impl Expected for Integral {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an integer ({})", self.0)
    }
}

/// The text `serde_json` starts a number that does not fit an `f64` with.
const OUT_OF_RANGE: &str = "number out of range";

/// What a number beyond `f64` is called in the error that replaces `serde_json`'s.
const BEYOND_F64: Unexpected<'static> =
    Unexpected::Other("a number beyond the range of a 64-bit float (about ±1.8e308)");

/// Whether `error` displays starting with `prefix`, without formatting all of it.
fn starts_with(error: &impl fmt::Display, prefix: &str) -> bool {
    struct Prefix<'a> {
        rest: &'a str,
        matches: bool,
    }
    impl fmt::Write for Prefix<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let n = s.len().min(self.rest.len());
            if s.as_bytes()[..n] != self.rest.as_bytes()[..n] {
                self.matches = false;
                return Err(fmt::Error);
            }
            self.rest = &self.rest[n..];
            if self.rest.is_empty() {
                // Matched: stop formatting.
                return Err(fmt::Error);
            }
            Ok(())
        }
    }
    let mut p = Prefix {
        rest: prefix,
        matches: true,
    };
    let _ = write!(p, "{error}");
    p.matches && p.rest.is_empty()
}

/// Turns `serde_json`'s syntax error for a number beyond `f64` into a value error that says
/// what was expected instead; other errors pass unchanged.
fn beyond_f64<E: de::Error>(error: E, expected: &dyn Expected) -> E {
    if starts_with(&error, OUT_OF_RANGE) {
        E::invalid_value(BEYOND_F64, expected)
    } else {
        error
    }
}

/// An integral `f64` as an integer: exact digits up to 10^20, scientific beyond.
fn integral_text(v: f64) -> String {
    if v.abs() < 1e20 {
        format!("{v:.0}")
    } else {
        format!("{v:e}")
    }
}

/// The visitor of an integer target: takes any JSON number that is an integer in `range`.
struct Integer<V> {
    visitor: V,
    range: Range,
}

impl<'de, V: Visitor<'de>> Integer<V> {
    fn signed<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        if !self.range.holds_signed(v) {
            let shown = i64::try_from(v).map_or(Unexpected::Other("integer"), Unexpected::Signed);
            return Err(E::invalid_value(shown, &self.range));
        }
        match i64::try_from(v) {
            Ok(v) => self.visitor.visit_i64(v),
            Err(_) => self.visitor.visit_i128(v),
        }
    }

    fn unsigned<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        if !self.range.holds_unsigned(v) {
            let shown = u64::try_from(v).map_or(Unexpected::Other("integer"), Unexpected::Unsigned);
            return Err(E::invalid_value(shown, &self.range));
        }
        match u64::try_from(v) {
            Ok(v) => self.visitor.visit_u64(v),
            Err(_) => self.visitor.visit_u128(v),
        }
    }
}

macro_rules! forward_visits {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<E: de::Error>(self, $($arg: $ty),*) -> Result<Self::Value, E> {
                self.visitor.$method($($arg),*)
            }
        )*
    };
}

/// Passes booleans, numbers and characters to `self.visitor` as they are.
macro_rules! forward_scalars {
    () => {
        forward_visits! {
            visit_bool(v: bool);
            visit_i8(v: i8);
            visit_i16(v: i16);
            visit_i32(v: i32);
            visit_i64(v: i64);
            visit_i128(v: i128);
            visit_u8(v: u8);
            visit_u16(v: u16);
            visit_u32(v: u32);
            visit_u64(v: u64);
            visit_u128(v: u128);
            visit_f32(v: f32);
            visit_f64(v: f64);
            visit_char(v: char);
        }
    };
}

/// Passes strings to `self.visitor` as they are.
macro_rules! forward_strings {
    () => {
        forward_visits! {
            visit_str(v: &str);
            visit_borrowed_str(v: &'de str);
            visit_string(v: String);
        }
    };
}

/// Passes bytes, `none` and `unit` to `self.visitor` as they are.
macro_rules! forward_others {
    () => {
        forward_visits! {
            visit_bytes(v: &[u8]);
            visit_borrowed_bytes(v: &'de [u8]);
            visit_byte_buf(v: Vec<u8>);
            visit_none();
            visit_unit();
        }
    };
}

/// Passes the visits of nested values (options, sequences, maps, enums) to `self.visitor`
/// as they are.
macro_rules! forward_nested {
    () => {
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
            self.visitor.visit_some(d)
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
            self.visitor.visit_newtype_struct(d)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
            self.visitor.visit_seq(seq)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.visitor.visit_map(map)
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
            self.visitor.visit_enum(data)
        }
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Integer<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.signed(i128::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        self.signed(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.unsigned(u128::from(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        self.unsigned(v)
    }

    fn visit_f32<E: de::Error>(self, v: f32) -> Result<V::Value, E> {
        self.visit_f64(f64::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        if !v.is_finite() || v.fract() != 0.0 {
            return Err(E::invalid_type(
                Unexpected::Float(v),
                &Integral(self.range.name),
            ));
        }
        if !self.range.holds_float(v) {
            let text = format!("integer `{}`", integral_text(v));
            return Err(E::invalid_value(Unexpected::Other(&text), &self.range));
        }
        // In range, so the conversions are exact (`-0.0` is 0).
        if v < 0.0 {
            self.signed(v as i128)
        } else {
            self.unsigned(v as u128)
        }
    }

    forward_visits! {
        visit_bool(v: bool);
        visit_i8(v: i8);
        visit_i16(v: i16);
        visit_i32(v: i32);
        visit_u8(v: u8);
        visit_u16(v: u16);
        visit_u32(v: u32);
        visit_char(v: char);
    }

    forward_strings!();
    forward_others!();

    forward_nested!();
}

const U8: Range = Range::new("u8", 0, u8::MAX as u128);
const U16: Range = Range::new("u16", 0, u16::MAX as u128);
const U32: Range = Range::new("u32", 0, u32::MAX as u128);
const U64: Range = Range::new("u64", 0, u64::MAX as u128);
const U128: Range = Range::new("u128", 0, u128::MAX);
const I8: Range = Range::new("i8", i8::MIN as i128, i8::MAX as u128);
const I16: Range = Range::new("i16", i16::MIN as i128, i16::MAX as u128);
const I32: Range = Range::new("i32", i32::MIN as i128, i32::MAX as u128);
const I64: Range = Range::new("i64", i64::MIN as i128, i64::MAX as u128);
const I128: Range = Range::new("i128", i128::MIN, i128::MAX as u128);

/// What a float target expects, in the error for a number beyond `f64`.
struct Float(&'static str);

impl Expected for Float {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a number ({})", self.0)
    }
}

/// What any other target expects, in the error for a number beyond `f64`.
struct AnyValue;

impl Expected for AnyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number that fits a 64-bit float")
    }
}

macro_rules! integer_methods {
    ($($method:ident => $range:expr;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.integer($range, visitor)
            }
        )*
    };
}

macro_rules! wrapped_methods {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Self::Error> {
                self.de.$method($($arg,)* WireVisitor::new(visitor))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Wire<'de, D> {
    fn integer<V: Visitor<'de>>(self, range: Range, visitor: V) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_any(Integer { visitor, range })
            .map_err(|e| beyond_f64(e, &range))
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Wire<'de, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_any(WireVisitor::new(visitor))
            .map_err(|e| beyond_f64(e, &AnyValue))
    }

    integer_methods! {
        deserialize_i8 => I8;
        deserialize_i16 => I16;
        deserialize_i32 => I32;
        deserialize_i64 => I64;
        deserialize_i128 => I128;
        deserialize_u8 => U8;
        deserialize_u16 => U16;
        deserialize_u32 => U32;
        deserialize_u64 => U64;
        deserialize_u128 => U128;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_f32(visitor)
            .map_err(|e| beyond_f64(e, &Float("f32")))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de
            .deserialize_f64(visitor)
            .map_err(|e| beyond_f64(e, &Float("f64")))
    }

    wrapped_methods! {
        deserialize_bool();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = WireVisitor {
            visitor,
            declared: Some((name, fields)),
        };
        self.de.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        if let Some(member) = self.member {
            undeclared::report(member);
        }
        self.de.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A visitor whose nested deserializers, sequences, maps and enums read by the same rules.
struct WireVisitor<V> {
    visitor: V,
    /// A struct's name and declared members, for the map of its members.
    declared: Option<(&'static str, &'static [&'static str])>,
}

impl<V> WireVisitor<V> {
    fn new(visitor: V) -> Self {
        WireVisitor {
            visitor,
            declared: None,
        }
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for WireVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_scalars!();
    forward_strings!();
    forward_others!();

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_some(Wire::new(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.visitor.visit_newtype_struct(Wire::new(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(WireSeq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(WireMap {
            map,
            declared: self.declared,
            key: None,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(WireEnum(data))
    }
}

/// A seed whose deserializer reads by the same rules.
struct WireSeed<'de, S> {
    seed: S,
    member: Option<Member<'de>>,
}

impl<S> WireSeed<'_, S> {
    fn new(seed: S) -> Self {
        WireSeed { seed, member: None }
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WireSeed<'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Wire {
            de: d,
            member: self.member,
        })
    }
}

struct WireSeq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for WireSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(WireSeed::new(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// The members of a map; of a struct's map, the key of each member is kept (borrowed when the
/// input allows) until its value shows whether the struct declares it.
struct WireMap<'de, A> {
    map: A,
    declared: Option<(&'static str, &'static [&'static str])>,
    key: Option<Key<'de>>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WireMap<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if self.declared.is_none() {
            return self.map.next_key_seed(WireSeed::new(seed));
        }
        self.key = None;
        self.map.next_key_seed(KeySeed {
            seed,
            key: &mut self.key,
        })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let member = match (self.declared, self.key.take()) {
            (Some((type_name, declared)), Some(key)) => Some(Member {
                type_name,
                declared,
                key,
            }),
            _ => None,
        };
        self.map.next_value_seed(WireSeed { seed, member })
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

struct WireEnum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for WireEnum<A> {
    type Error = A::Error;
    type Variant = WireVariant<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(WireSeed::new(seed))?;
        Ok((value, WireVariant(variant)))
    }
}

struct WireVariant<A>(A);

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for WireVariant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(WireSeed::new(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, WireVisitor::new(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, WireVisitor::new(visitor))
    }
}

/// The seed of a struct member's key: notes the key as it goes by.
struct KeySeed<'a, 'de, K> {
    seed: K,
    key: &'a mut Option<Key<'de>>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, 'de, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        self.seed.deserialize(KeyDeserializer {
            de: d,
            key: self.key,
        })
    }
}

/// The deserializer of a struct member's key: passes everything through, noting strings.
struct KeyDeserializer<'a, 'de, D> {
    de: D,
    key: &'a mut Option<Key<'de>>,
}

macro_rules! noting_methods {
    ($($method:ident;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method(KeyVisitor { visitor, key: self.key })
            }
        )*
    };
}

macro_rules! plain_methods {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method($($arg,)* visitor)
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDeserializer<'_, 'de, D> {
    type Error = D::Error;

    noting_methods! {
        deserialize_any;
        deserialize_str;
        deserialize_string;
        deserialize_identifier;
    }

    plain_methods! {
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_ignored_any();
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The visitor of a struct member's key: notes a string key, passes everything through.
struct KeyVisitor<'a, 'de, V> {
    visitor: V,
    key: &'a mut Option<Key<'de>>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.key = Some(Key::Borrowed(v));
        self.visitor.visit_borrowed_str(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        // Transient: a key with escapes, or an input that cannot lend its text.
        *self.key = Some(Key::Owned(v.to_owned()));
        self.visitor.visit_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        let value = self.visitor.visit_str(&v);
        *self.key = Some(Key::Owned(v));
        value
    }

    forward_scalars!();
    forward_others!();

    forward_nested!();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_found_without_formatting_everything() {
        assert!(starts_with(&"number out of range at line 1", OUT_OF_RANGE));
        assert!(!starts_with(&"number", OUT_OF_RANGE));
        assert!(!starts_with(&"invalid type", OUT_OF_RANGE));
        assert!(starts_with(
            &format_args!("{}{}", "number out", " of range"),
            OUT_OF_RANGE
        ));
    }

    #[test]
    fn ranges_are_exact_at_their_ends() {
        assert!(U64.holds_float(18_446_744_073_709_549_568.0));
        assert!(!U64.holds_float(18_446_744_073_709_551_616.0));
        assert!(I64.holds_float(-9_223_372_036_854_775_808.0));
        assert!(!I64.holds_float(9_223_372_036_854_775_808.0));
        assert!(I32.holds_float(2_147_483_647.0));
        assert!(!I32.holds_float(2_147_483_648.0));
        assert!(!I32.holds_float(-2_147_483_649.0));
        assert!(U64.holds_float(-0.0));
        assert!(!U64.holds_signed(-1));
        assert!(I32.holds_unsigned(2_147_483_647));
        assert!(!I32.holds_unsigned(2_147_483_648));
        assert_eq!(
            integral_text(18_446_744_073_709_551_616.0),
            "18446744073709551616"
        );
        assert_eq!(integral_text(1e300), "1e300");
    }
}

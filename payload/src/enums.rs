//! Deserialisation of the enums the generator writes for tagged and untagged
//! unions, keeping the JSON path of errors inside a variant.
//!
//! serde's derived internally tagged and untagged enums buffer the value and
//! deserialise the variant from the buffer, out of sight of
//! `serde_path_to_error`, so an error deep inside a variant is reported at
//! the enum. These helpers deserialise the variant with a tracker of their
//! own and put the path below the enum into the error message (see
//! [`super::path`]); [`from_slice`](super::from_slice) joins the two halves.

use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed, Error as _, Unexpected};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::constraint::ConstraintError;
use super::path::{self, Segment};
use super::undeclared;
use super::wire::Wire;

/// Why a buffered value did not deserialise: the path below the buffer and
/// the message.
#[derive(Debug, Clone)]
struct Failure {
    segments: Vec<Segment>,
    message: String,
}

impl Failure {
    fn new(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let mut segments = path::from_tracked(error.path());
        let text = error.into_inner().to_string();
        let (inner, message) = path::split_embedded(&text);
        segments.extend(inner);
        Failure {
            segments,
            message: message.to_owned(),
        }
    }

    fn into_message(self) -> String {
        path::embed(&self.segments, &self.message)
    }
}

/// Deserialises `T` from a buffered value, tracking the path.
fn from_buffer<T: DeserializeOwned>(value: &Value) -> Result<T, Failure> {
    from_buffer_seed(PhantomData::<T>, value)
}

/// Deserialises with `seed` from a buffered value, tracking the path.
fn from_buffer_seed<S, V>(seed: S, value: &Value) -> Result<V, Failure>
where
    S: for<'a> DeserializeSeed<'a, Value = V>,
{
    let mut track = serde_path_to_error::Track::new();
    seed.deserialize(Wire::new(serde_path_to_error::Deserializer::new(
        value, &mut track,
    )))
    .map_err(|e| Failure::new(serde_path_to_error::Error::new(track.path(), e)))
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// The content of an internally tagged enum, read and checked by
/// [`Tagged::read`]; the generated `Deserialize` matches on the tag and
/// deserialises the variant from the rest.
#[derive(Debug)]
pub struct Tagged<E> {
    content: Map<String, Value>,
    error: PhantomData<E>,
}

impl<E: serde::de::Error> Tagged<E> {
    /// Reads an object, checks that its `tag` member is one of `tags` and
    /// returns the tag with the content. With `keep_tag` the tag stays in
    /// the content (the variant types have a `const` field for it);
    /// otherwise it is removed, as serde does for `#[serde(tag = "...")]`.
    pub fn read<'de, D>(
        deserializer: D,
        expecting: &'static str,
        tag: &'static str,
        tags: &'static [&'static str],
        keep_tag: bool,
    ) -> Result<(String, Self), E>
    where
        D: Deserializer<'de, Error = E>,
    {
        let value = Value::deserialize(deserializer)?;
        let Value::Object(mut content) = value else {
            return Err(E::invalid_type(unexpected(&value), &expecting));
        };
        let found = if keep_tag {
            content.get(tag).cloned()
        } else {
            content.remove(tag)
        };
        let name = match found {
            None => return Err(E::missing_field(tag)),
            Some(Value::String(name)) => name,
            Some(other) => {
                let message = E::invalid_type(unexpected(&other), &"a string").to_string();
                return Err(E::custom(path::embed(
                    &[Segment::Key(tag.to_owned())],
                    &message,
                )));
            }
        };
        if !tags.contains(&name.as_str()) {
            let message = serde_json::Error::unknown_variant(&name, tags).to_string();
            return Err(E::custom(path::embed(
                &[Segment::Key(tag.to_owned())],
                &message,
            )));
        }
        Ok((
            name,
            Tagged {
                content,
                error: PhantomData,
            },
        ))
    }

    /// Deserialises the variant's content.
    pub fn variant<T: DeserializeOwned>(self) -> Result<T, E> {
        from_buffer(&Value::Object(self.content)).map_err(|f| E::custom(f.into_message()))
    }

    /// [`variant`](Self::variant) with a [`DeserializeSeed`] instead of a
    /// type (for validating without compiled types).
    pub fn variant_seed<S, V>(self, seed: S) -> Result<V, E>
    where
        S: for<'a> DeserializeSeed<'a, Value = V>,
    {
        from_buffer_seed(seed, &Value::Object(self.content))
            .map_err(|f| E::custom(f.into_message()))
    }

    /// The error for a tag that [`read`](Self::read) let through but the
    /// generated code does not know; it cannot happen for generated code.
    pub fn unknown(self, tag: &str, tags: &'static [&'static str]) -> E {
        E::unknown_variant(tag, tags)
    }
}

/// A value being matched against the alternatives of an untagged enum, in
/// order; the first that deserialises wins.
#[derive(Debug)]
pub struct Untagged<E> {
    value: Value,
    failures: Vec<(&'static str, Failure)>,
    error: PhantomData<E>,
}

impl<E: serde::de::Error> Untagged<E> {
    /// Reads the value.
    pub fn read<'de, D>(deserializer: D) -> Result<Self, E>
    where
        D: Deserializer<'de, Error = E>,
    {
        Ok(Untagged {
            value: Value::deserialize(deserializer)?,
            failures: Vec::new(),
            error: PhantomData,
        })
    }

    /// Tries the alternative `name`; remembers why it failed.
    pub fn attempt<T: DeserializeOwned>(&mut self, name: &'static str) -> Option<T> {
        self.attempt_seed(name, PhantomData::<T>)
    }

    /// [`attempt`](Self::attempt) with a [`DeserializeSeed`] instead of a
    /// type (for validating without compiled types).
    pub fn attempt_seed<S, V>(&mut self, name: &'static str, seed: S) -> Option<V>
    where
        S: for<'a> DeserializeSeed<'a, Value = V>,
    {
        // What an alternative that does not match found undeclared says nothing.
        let mark = undeclared::mark();
        match from_buffer_seed(seed, &self.value) {
            Ok(value) => Some(value),
            Err(failure) => {
                undeclared::rollback(mark);
                self.failures.push((name, failure));
                None
            }
        }
    }

    /// The error once every alternative of the enum `name` failed: each
    /// alternative with the reason it did not match.
    pub fn fail(self, name: &'static str) -> E {
        let reasons: Vec<String> = self
            .failures
            .into_iter()
            .map(|(variant, failure)| format!("{variant}: {}", failure.into_message()))
            .collect();
        E::custom(format!(
            "no alternative of `{name}` matches ({})",
            reasons.join("; ")
        ))
    }
}

/// Deserialises `I` and converts it with `T::try_from`, which checks the
/// schema's constraints.
pub fn deserialize_try_from<'de, D, I, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    I: Deserialize<'de>,
    T: TryFrom<I, Error = ConstraintError>,
{
    let inner = I::deserialize(deserializer)?;
    T::try_from(inner).map_err(D::Error::custom)
}

/// Deserialises a property that is required but may be `null`: unlike a
/// plain `Option` field, a missing member is an error.
pub fn deserialize_nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// The error of a generated string enum's `FromStr` for a string that is
/// not one of its values, worded as serde words it.
pub fn unknown_variant(value: &str, variants: &'static [&'static str]) -> ConstraintError {
    let message = serde_json::Error::unknown_variant(value, variants).to_string();
    ConstraintError::new(super::constraint::Rule::Enum, message)
}

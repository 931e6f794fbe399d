//! JSON values written into generated code: `const` values, `enum` lists.

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::constraint::{ConstraintError, Rule};

/// A JSON value written as text in generated code and parsed on first use.
#[derive(Debug)]
pub struct JsonLiteral {
    text: &'static str,
    value: OnceLock<Value>,
}

impl JsonLiteral {
    /// A literal from its JSON text. The generator writes the text with
    /// `serde_json`, so it always parses.
    pub const fn new(text: &'static str) -> Self {
        JsonLiteral {
            text,
            value: OnceLock::new(),
        }
    }

    /// The JSON text.
    pub fn text(&self) -> &'static str {
        self.text
    }

    /// The value.
    pub fn get(&self) -> &Value {
        self.value
            .get_or_init(|| serde_json::from_str(self.text).unwrap_or(Value::Null))
    }
}

/// JSON Schema equality: numbers compare by value (`1` equals `1.0`),
/// objects regardless of member order.
pub(crate) fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

/// Writes `value` for a short message: compact JSON, cut after 60 characters.
pub(crate) fn show(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

/// Serialises a `const` value.
pub fn serialize_const<S: Serializer>(
    value: &JsonLiteral,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.get().serialize(serializer)
}

/// Deserialises a value and checks that it is the `const` value.
pub fn deserialize_const<'de, D: Deserializer<'de>>(
    expected: &JsonLiteral,
    deserializer: D,
) -> Result<(), D::Error> {
    let found = Value::deserialize(deserializer)?;
    check_const(&found, expected).map_err(serde::de::Error::custom)
}

/// Checks that `found` is the `const` value.
pub fn check_const(found: &Value, expected: &JsonLiteral) -> Result<(), ConstraintError> {
    if json_equal(found, expected.get()) {
        Ok(())
    } else {
        Err(ConstraintError::new(
            Rule::Const,
            format!(
                "expected {}, found {} (const)",
                expected.text(),
                show(found)
            ),
        ))
    }
}

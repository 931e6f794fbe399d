//! Example payloads: what `valawai new` puts in a scaffold's "Try it" and what `valawai docs`
//! shows under each message. A schema's own example comes first (when it fits the schema's
//! type: specs in the wild give `'1709902001'` for an integer); otherwise the example is built
//! from the schema: its `const`, `default` or first `enum` value, else a value of its type
//! within its bounds, with every declared property of an object.

use serde_json::{Map, Number, Value};
use valawai_codegen::model::{Items, JsonType, MessageId, Payload, SchemaId, Spec};

/// How deep an example goes before it leaves optional members out (recursive schemas).
const OPTIONAL_DEPTH: usize = 6;
/// How deep an example goes at all.
const MAX_DEPTH: usize = 16;

/// An example payload for a message: `None` when the message has no schema (no payload, or an
/// untyped one).
pub fn message_example(spec: &Spec, message: MessageId) -> Option<Value> {
    match &spec.message(message).payload {
        Payload::Schema(id) => Some(schema_example(spec, *id, 0)),
        Payload::Untyped { .. } | Payload::None => None,
    }
}

/// An example value of the schema `id`.
pub fn schema_example(spec: &Spec, id: SchemaId, depth: usize) -> Value {
    let schema = spec.schema(id);
    if let Some(value) = &schema.const_value {
        return value.clone();
    }
    if let Some(value) = schema
        .examples
        .iter()
        .chain(&schema.default)
        .find(|v| fits(spec, id, v))
    {
        return value.clone();
    }
    if let Some(value) = schema.enum_values.as_ref().and_then(|v| v.first()) {
        return value.clone();
    }
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(target) = schema.target {
        return schema_example(spec, target, depth);
    }
    if let Some(first) = schema
        .one_of
        .as_ref()
        .or(schema.any_of.as_ref())
        .and_then(|alternatives| alternatives.first())
    {
        return schema_example(spec, *first, depth + 1);
    }
    let mut object = Map::new();
    if let Some(members) = &schema.all_of {
        for member in members {
            match schema_example(spec, *member, depth + 1) {
                Value::Object(fields) => object.extend(fields),
                other if schema.properties.is_none() => return other,
                _ => {}
            }
        }
    }
    let ty = schema.types.first().copied().or_else(|| {
        if schema.properties.is_some() || schema.all_of.is_some() {
            Some(JsonType::Object)
        } else if schema.items.is_some() {
            Some(JsonType::Array)
        } else {
            None
        }
    });
    match ty {
        Some(JsonType::Object) => {
            for (name, property) in schema.properties.iter().flatten() {
                if depth >= OPTIONAL_DEPTH && !schema.required.contains(name) {
                    continue;
                }
                object.insert(name.clone(), schema_example(spec, *property, depth + 1));
            }
            Value::Object(object)
        }
        Some(JsonType::Array) => {
            if schema.max_items == Some(0) {
                return Value::Array(Vec::new());
            }
            match &schema.items {
                Some(Items::Single(item)) => {
                    let item = schema_example(spec, *item, depth + 1);
                    let count = schema.min_items.unwrap_or(1).clamp(1, 16);
                    Value::Array(vec![item; count as usize])
                }
                Some(Items::Tuple(items)) => Value::Array(
                    items
                        .iter()
                        .map(|item| schema_example(spec, *item, depth + 1))
                        .collect(),
                ),
                None => Value::Array(Vec::new()),
            }
        }
        Some(JsonType::String) => Value::String(string_example(
            schema.format.as_deref(),
            schema.min_length,
            schema.max_length,
        )),
        Some(JsonType::Integer) => Value::Number(integer_example(spec, id)),
        Some(JsonType::Number) => Value::Number(number_example(spec, id)),
        Some(JsonType::Boolean) => Value::Bool(false),
        Some(JsonType::Null) => Value::Null,
        None if schema.nullable => Value::Null,
        None => Value::Object(object),
    }
}

/// Whether `value` has a type the schema allows, and is one of its `enum` values when it has
/// some: a shallow check, enough to skip examples of the wrong type.
fn fits(spec: &Spec, id: SchemaId, value: &Value) -> bool {
    let schema = spec.schema(spec.resolve(id));
    if value.is_null() {
        return schema.nullable || schema.types.contains(&JsonType::Null);
    }
    if let Some(values) = &schema.enum_values
        && !values.contains(value)
    {
        return false;
    }
    if schema.types.is_empty() {
        return true;
    }
    schema.types.iter().any(|ty| match ty {
        JsonType::String => value.is_string(),
        JsonType::Integer => value.is_i64() || value.is_u64(),
        JsonType::Number => value.is_number(),
        JsonType::Boolean => value.is_boolean(),
        JsonType::Object => value.is_object(),
        JsonType::Array => value.is_array(),
        JsonType::Null => false,
    })
}

fn string_example(format: Option<&str>, min: Option<u64>, max: Option<u64>) -> String {
    let text = match format {
        Some("date-time") => "2024-01-01T12:00:00Z",
        Some("date") => "2024-01-01",
        Some("time") => "12:00:00Z",
        Some("email") => "someone@example.org",
        Some("uri" | "url") => "https://example.org/",
        Some("uuid") => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        _ => "text",
    };
    let mut text = text.to_owned();
    let min = min.unwrap_or(0).min(256) as usize;
    while text.chars().count() < min {
        text.push('x');
    }
    if let Some(max) = max {
        text = text.chars().take(max as usize).collect();
    }
    text
}

/// A schema's numeric keyword as a float, when it has one.
fn float(keyword: &Option<Number>) -> Option<f64> {
    keyword.as_ref().and_then(Number::as_f64)
}

fn integer_example(spec: &Spec, id: SchemaId) -> Number {
    let schema = spec.schema(id);
    let lower = float(&schema.minimum)
        .map(f64::ceil)
        .or_else(|| float(&schema.exclusive_minimum).map(|n| n.floor() + 1.0));
    let upper = float(&schema.maximum)
        .map(f64::floor)
        .or_else(|| float(&schema.exclusive_maximum).map(|n| n.ceil() - 1.0));
    let value = match (lower, upper) {
        (Some(lower), _) => lower,
        (None, Some(upper)) if upper < 0.0 => upper,
        _ => 0.0,
    };
    Number::from(value as i64)
}

fn number_example(spec: &Spec, id: SchemaId) -> Number {
    let schema = spec.schema(id);
    let value = match (
        float(&schema.minimum),
        float(&schema.exclusive_minimum),
        float(&schema.maximum),
        float(&schema.exclusive_maximum),
    ) {
        (Some(min), _, Some(max), _) => (min + max) / 2.0,
        (Some(min), ..) => min,
        (None, Some(min), Some(max), _) | (None, Some(min), None, Some(max)) => (min + max) / 2.0,
        (None, Some(min), None, None) => min + 1.0,
        (None, None, Some(max), _) if max < 0.0 => max,
        (None, None, None, Some(max)) if max <= 0.0 => max - 1.0,
        _ => 0.0,
    };
    Number::from_f64(value).unwrap_or_else(|| Number::from(0))
}

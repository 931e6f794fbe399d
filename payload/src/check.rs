//! The checks generated newtypes run on their values. Each returns a
//! [`ConstraintError`] whose message names the rule, the bound and the value
//! found.

use std::fmt::Display;

use serde::Serialize;

use super::constraint::{ConstraintError, Rule};
use super::literal::{JsonLiteral, json_equal, show};

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `minLength`, counted in Unicode code points as JSON Schema does.
pub fn min_length(value: &str, min: u64) -> Result<(), ConstraintError> {
    // A code point takes one to four bytes: a string of `len` bytes has at least `len / 4`
    // (rounded up) of them, so most strings pass without being counted.
    if (value.len() as u64).div_ceil(4) >= min {
        return Ok(());
    }
    // Counted up to `min` at most: a count that stops short is the whole string's.
    let found = value
        .chars()
        .take(usize::try_from(min).unwrap_or(usize::MAX))
        .count() as u64;
    if found >= min {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::MinLength,
        format!(
            "must be at least {min} {} long, found {found} (minLength)",
            plural(min, "character", "characters")
        ),
    ))
}

/// `maxLength`, counted in Unicode code points as JSON Schema does.
pub fn max_length(value: &str, max: u64) -> Result<(), ConstraintError> {
    // No more code points than bytes: a string of at most `max` bytes passes uncounted.
    if value.len() as u64 <= max {
        return Ok(());
    }
    let found = value.chars().count() as u64;
    if found <= max {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::MaxLength,
        format!(
            "must be at most {max} {} long, found {found} (maxLength)",
            plural(max, "character", "characters")
        ),
    ))
}

/// `minimum`.
pub fn minimum<T: PartialOrd + Display>(value: T, min: T) -> Result<(), ConstraintError> {
    if value >= min {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::Minimum,
        format!("must be at least {min}, found {value} (minimum)"),
    ))
}

/// `maximum`.
pub fn maximum<T: PartialOrd + Display>(value: T, max: T) -> Result<(), ConstraintError> {
    if value <= max {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::Maximum,
        format!("must be at most {max}, found {value} (maximum)"),
    ))
}

/// `exclusiveMinimum`.
pub fn exclusive_minimum<T: PartialOrd + Display>(value: T, min: T) -> Result<(), ConstraintError> {
    if value > min {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::ExclusiveMinimum,
        format!("must be greater than {min}, found {value} (exclusiveMinimum)"),
    ))
}

/// `exclusiveMaximum`.
pub fn exclusive_maximum<T: PartialOrd + Display>(value: T, max: T) -> Result<(), ConstraintError> {
    if value < max {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::ExclusiveMaximum,
        format!("must be less than {max}, found {value} (exclusiveMaximum)"),
    ))
}

/// `multipleOf` for integers.
pub fn multiple_of_integer(value: i128, factor: i128) -> Result<(), ConstraintError> {
    if factor == 0 || value % factor == 0 {
        return Ok(());
    }
    Err(multiple_of_error(value, factor))
}

/// `multipleOf` for numbers: the quotient must be an integer, up to the
/// rounding error of `f64`.
pub fn multiple_of_number(value: f64, factor: f64) -> Result<(), ConstraintError> {
    if factor == 0.0 {
        return Ok(());
    }
    let quotient = value / factor;
    if (quotient - quotient.round()).abs() <= 1e-9 * quotient.abs().max(1.0) {
        return Ok(());
    }
    Err(multiple_of_error(value, factor))
}

fn multiple_of_error(value: impl Display, factor: impl Display) -> ConstraintError {
    ConstraintError::new(
        Rule::MultipleOf,
        format!("must be a multiple of {factor}, found {value} (multipleOf)"),
    )
}

/// `minItems`.
pub fn min_items<T>(value: &[T], min: u64) -> Result<(), ConstraintError> {
    let found = value.len() as u64;
    if found >= min {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::MinItems,
        format!(
            "must have at least {min} {}, found {found} (minItems)",
            plural(min, "item", "items")
        ),
    ))
}

/// `maxItems`.
pub fn max_items<T>(value: &[T], max: u64) -> Result<(), ConstraintError> {
    let found = value.len() as u64;
    if found <= max {
        return Ok(());
    }
    Err(ConstraintError::new(
        Rule::MaxItems,
        format!(
            "must have at most {max} {}, found {found} (maxItems)",
            plural(max, "item", "items")
        ),
    ))
}

/// `uniqueItems`, compared as JSON values.
pub fn unique_items<T: Serialize>(value: &[T]) -> Result<(), ConstraintError> {
    let values: Vec<serde_json::Value> = value
        .iter()
        .map(|item| serde_json::to_value(item).unwrap_or(serde_json::Value::Null))
        .collect();
    for (i, a) in values.iter().enumerate() {
        if let Some(j) = values[i + 1..].iter().position(|b| json_equal(a, b)) {
            return Err(ConstraintError::new(
                Rule::UniqueItems,
                format!(
                    "must not repeat items, but items {i} and {} are both {} (uniqueItems)",
                    i + 1 + j,
                    show(a)
                ),
            ));
        }
    }
    Ok(())
}

/// `enum` over values that are not all strings (string enums become Rust
/// enums): `allowed` is the JSON array of the schema's values.
pub fn enum_values<T: Serialize + ?Sized>(
    value: &T,
    allowed: &JsonLiteral,
) -> Result<(), ConstraintError> {
    let found = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    let list = allowed
        .get()
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    if list.iter().any(|v| json_equal(v, &found)) {
        return Ok(());
    }
    let shown: Vec<String> = list.iter().map(show).collect();
    Err(ConstraintError::new(
        Rule::Enum,
        format!(
            "expected one of {}, found {} (enum)",
            shown.join(", "),
            show(&found)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_code_points() {
        assert!(min_length("ñañ", 3).is_ok());
        assert_eq!(
            max_length("ñañ", 2).unwrap_err().to_string(),
            "must be at most 2 characters long, found 3 (maxLength)"
        );
        assert_eq!(
            max_length("ab", 1).unwrap_err().to_string(),
            "must be at most 1 character long, found 2 (maxLength)"
        );
        assert_eq!(min_length("", 1).unwrap_err().rule(), Rule::MinLength);
    }

    #[test]
    fn lengths_near_the_bounds_with_wide_code_points() {
        // Four bytes each: the byte length alone does not decide.
        assert!(min_length("😀😀", 2).is_ok());
        assert_eq!(
            min_length("😀", 2).unwrap_err().to_string(),
            "must be at least 2 characters long, found 1 (minLength)"
        );
        assert!(min_length("ab😀", 3).is_ok());
        assert_eq!(
            min_length("ab", 3).unwrap_err().to_string(),
            "must be at least 3 characters long, found 2 (minLength)"
        );
        assert!(max_length("😀😀", 2).is_ok());
        assert_eq!(
            max_length("😀😀😀", 2).unwrap_err().to_string(),
            "must be at most 2 characters long, found 3 (maxLength)"
        );
        assert!(min_length("", 0).is_ok());
        assert!(max_length("", 0).is_ok());
    }

    #[test]
    fn bounds() {
        assert!(minimum(1u64, 1).is_ok());
        assert_eq!(
            minimum(0u64, 1).unwrap_err().to_string(),
            "must be at least 1, found 0 (minimum)"
        );
        assert_eq!(
            maximum(1.5f64, 1.0).unwrap_err().to_string(),
            "must be at most 1, found 1.5 (maximum)"
        );
        assert_eq!(
            exclusive_minimum(0i64, 0).unwrap_err().rule(),
            Rule::ExclusiveMinimum
        );
        assert_eq!(
            exclusive_maximum(2i64, 2).unwrap_err().rule(),
            Rule::ExclusiveMaximum
        );
        assert!(exclusive_maximum(1i64, 2).is_ok());
    }

    #[test]
    fn multiples() {
        assert!(multiple_of_integer(10, 5).is_ok());
        assert_eq!(
            multiple_of_integer(7, 5).unwrap_err().to_string(),
            "must be a multiple of 5, found 7 (multipleOf)"
        );
        assert!(multiple_of_number(0.3, 0.1).is_ok());
        assert!(multiple_of_number(0.35, 0.1).is_err());
    }

    #[test]
    fn items() {
        assert!(min_items(&[1], 1).is_ok());
        assert_eq!(
            min_items::<u8>(&[], 1).unwrap_err().to_string(),
            "must have at least 1 item, found 0 (minItems)"
        );
        assert_eq!(max_items(&[1, 2, 3], 2).unwrap_err().rule(), Rule::MaxItems);
        assert!(unique_items(&[1, 2, 3]).is_ok());
        assert_eq!(
            unique_items(&[1.0, 2.0, 1.0]).unwrap_err().to_string(),
            "must not repeat items, but items 0 and 2 are both 1.0 (uniqueItems)"
        );
    }

    #[test]
    fn enums_compare_numbers_by_value() {
        static ALLOWED: JsonLiteral = JsonLiteral::new("[1,2.5,\"x\"]");
        assert!(enum_values(&1.0f64, &ALLOWED).is_ok());
        assert!(enum_values(&"x", &ALLOWED).is_ok());
        assert_eq!(
            enum_values(&3, &ALLOWED).unwrap_err().to_string(),
            "expected one of 1, 2.5, \"x\", found 3 (enum)"
        );
    }
}

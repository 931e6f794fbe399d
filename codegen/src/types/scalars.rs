//! Scalars, arrays and `enum`s: plain Rust types, or validating newtypes
//! when the schema constrains them.

use std::collections::HashSet;

use serde_json::{Number, Value as Json};

use crate::model::{Items, JsonType};

use super::convert::{Converter, Slot, optional};
use super::docs;
use super::effective::Effective;
use super::ir::{Checks, Kind, NewtypeDef, Prim, StringEnumDef, StringVariant, Ty};
use super::naming::{self, Scope};

impl Converter<'_> {
    /// Converts a schema that allows one type.
    pub(crate) fn typed(&mut self, eff: &Effective, ty: JsonType, slot: Slot) -> Ty {
        match ty {
            JsonType::Object => self.object(eff, slot),
            JsonType::Array => self.array(eff, slot),
            JsonType::String => {
                let checks = Checks {
                    patterns: eff.checks.patterns.clone(),
                    min_length: eff.checks.min_length,
                    max_length: eff.checks.max_length,
                    ..Checks::default()
                };
                self.scalar(eff, Prim::String, checks, slot)
            }
            JsonType::Integer => {
                let (prim, checks) = integer_checks(eff);
                self.scalar(eff, prim, checks, slot)
            }
            JsonType::Number => {
                let checks = Checks {
                    minimum: eff.checks.minimum.clone(),
                    maximum: eff.checks.maximum.clone(),
                    exclusive_minimum: eff.checks.exclusive_minimum.clone(),
                    exclusive_maximum: eff.checks.exclusive_maximum.clone(),
                    multiple_of: eff.checks.multiple_of.clone(),
                    ..Checks::default()
                };
                self.scalar(eff, Prim::F64, checks, slot)
            }
            JsonType::Boolean => self.anonymous(Ty::Prim(Prim::Bool), &slot),
            JsonType::Null => self.anonymous(Ty::Json, &slot),
        }
    }

    /// A scalar, as a validating newtype when it has checks.
    fn scalar(&mut self, eff: &Effective, prim: Prim, checks: Checks, slot: Slot) -> Ty {
        if checks.is_empty() {
            return self.anonymous(Ty::Prim(prim), &slot);
        }
        let id = self.place(eff, &slot, check_docs(&checks));
        self.types[id.0].kind = Kind::Newtype(NewtypeDef {
            inner: Ty::Prim(prim),
            checks,
        });
        Ty::Named(id)
    }

    /// An array: `Vec<T>`, a tuple, or a validating newtype of either.
    pub(crate) fn array(&mut self, eff: &Effective, slot: Slot) -> Ty {
        let checks = Checks {
            min_items: eff.checks.min_items,
            max_items: eff.checks.max_items,
            unique_items: eff.checks.unique_items,
            ..Checks::default()
        };
        let placed = (!checks.is_empty()).then(|| self.place(eff, &slot, check_docs(&checks)));
        let name = self.slot_name(&slot);
        // Only a newtype makes the array a type a doc link can point to.
        let array = if placed.is_some() {
            format!("[`{name}`]")
        } else {
            format!("`{name}`")
        };
        let inner = match &eff.items {
            None => Ty::Vec(Box::new(Ty::Json)),
            Some(Items::Single(item)) => {
                let about = format!("An item of {array}.");
                let u = self.use_schema(*item, &format!("{name}Item"), &about);
                Ty::Vec(Box::new(optional(u.ty, u.nullable)))
            }
            Some(Items::Tuple(list)) => {
                let mut members = Vec::new();
                for (i, item) in list.iter().enumerate() {
                    let about = format!("Item {i} of {array}.");
                    let u = self.use_schema(*item, &format!("{name}Item{i}"), &about);
                    members.push(optional(u.ty, u.nullable));
                }
                Ty::Tuple(members)
            }
        };
        match placed {
            Some(id) => {
                self.types[id.0].kind = Kind::Newtype(NewtypeDef { inner, checks });
                Ty::Named(id)
            }
            None => self.anonymous(inner, &slot),
        }
    }

    /// `enum`: a string enum, or a newtype checking the values.
    pub(crate) fn enumeration(&mut self, eff: &Effective, values: &[Json], slot: Slot) -> Ty {
        let values: Vec<Json> = values.iter().filter(|v| !v.is_null()).cloned().collect();
        let strings: Option<Vec<&str>> = values.iter().map(Json::as_str).collect();
        let string_typed = eff.types().is_none_or(|t| t.contains(&JsonType::String));
        match strings {
            Some(strings) if string_typed && !strings.is_empty() => {
                let id = self.place(eff, &slot, Vec::new());
                let mut scope = Scope::camel();
                let mut variants = Vec::new();
                let mut seen = HashSet::new();
                for value in strings {
                    if !seen.insert(value) {
                        continue;
                    }
                    variants.push(StringVariant {
                        name: scope.take(&naming::type_name(
                            value,
                            if value.is_empty() { "Empty" } else { "Value" },
                            "V",
                        )),
                        value: value.to_owned(),
                    });
                }
                self.types[id.0].kind = Kind::StringEnum(StringEnumDef { variants });
                Ty::Named(id)
            }
            _ => {
                let inner = match eff.types() {
                    Some([JsonType::String]) => Ty::Prim(Prim::String),
                    Some([JsonType::Integer]) => Ty::Prim(integer_checks(eff).0),
                    Some([JsonType::Number]) => Ty::Prim(Prim::F64),
                    Some([JsonType::Boolean]) => Ty::Prim(Prim::Bool),
                    _ => Ty::Json,
                };
                let checks = Checks {
                    enum_values: Some(values),
                    ..Checks::default()
                };
                let id = self.place(eff, &slot, check_docs(&checks));
                self.types[id.0].kind = Kind::Newtype(NewtypeDef { inner, checks });
                Ty::Named(id)
            }
        }
    }
}

/// The Rust integer type and the checks it still needs. `format: int32`
/// gives `i32`; a lower bound of 0 or more gives `u64`, which makes a
/// `minimum: 0` check unnecessary. Fractional bounds become inclusive
/// integer bounds.
fn integer_checks(eff: &Effective) -> (Prim, Checks) {
    let c = &eff.checks;
    let mut lower = c.minimum.as_ref().and_then(Number::as_f64).map(f64::ceil);
    if let Some(x) = c.exclusive_minimum.as_ref().and_then(Number::as_f64) {
        let bound = x.floor() + 1.0;
        lower = Some(lower.map_or(bound, |l| l.max(bound)));
    }
    let mut upper = c.maximum.as_ref().and_then(Number::as_f64).map(f64::floor);
    if let Some(x) = c.exclusive_maximum.as_ref().and_then(Number::as_f64) {
        let bound = x.ceil() - 1.0;
        upper = Some(upper.map_or(bound, |u| u.min(bound)));
    }
    let in_i32 =
        |b: Option<f64>| b.is_none_or(|b| (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&b));
    let prim = match eff.format.as_deref() {
        Some("int32") if in_i32(lower) && in_i32(upper) => Prim::I32,
        _ if lower.is_some_and(|l| l >= 0.0) && upper.is_none_or(|u| u >= 0.0) => Prim::U64,
        _ => Prim::I64,
    };
    let as_number = |x: f64| -> Option<Number> {
        if prim == Prim::U64 && x >= 0.0 {
            Some(Number::from(x as u64))
        } else {
            Some(Number::from(x as i64))
        }
    };
    let minimum = match lower {
        Some(l) if prim == Prim::U64 && l == 0.0 => None,
        Some(l) => as_number(l),
        None => None,
    };
    let checks = Checks {
        minimum,
        maximum: upper.and_then(as_number),
        multiple_of: c.multiple_of.clone(),
        ..Checks::default()
    };
    (prim, checks)
}

/// Doc lines listing the checks of a validating newtype.
pub(crate) fn check_docs(c: &Checks) -> Vec<String> {
    let mut items = Vec::new();
    for p in &c.patterns {
        items.push(format!("- matches the pattern {}", docs::code(p)));
    }
    let chars = |n: u64| if n == 1 { "character" } else { "characters" };
    let things = |n: u64| if n == 1 { "item" } else { "items" };
    if let Some(n) = c.min_length {
        items.push(format!("- at least {n} {} long", chars(n)));
    }
    if let Some(n) = c.max_length {
        items.push(format!("- at most {n} {} long", chars(n)));
    }
    if let Some(n) = &c.minimum {
        items.push(format!("- at least {n}"));
    }
    if let Some(n) = &c.exclusive_minimum {
        items.push(format!("- greater than {n}"));
    }
    if let Some(n) = &c.maximum {
        items.push(format!("- at most {n}"));
    }
    if let Some(n) = &c.exclusive_maximum {
        items.push(format!("- less than {n}"));
    }
    if let Some(n) = &c.multiple_of {
        items.push(format!("- a multiple of {n}"));
    }
    if let Some(n) = c.min_items {
        items.push(format!("- at least {n} {}", things(n)));
    }
    if let Some(n) = c.max_items {
        items.push(format!("- at most {n} {}", things(n)));
    }
    if c.unique_items {
        items.push("- no item repeated".to_owned());
    }
    if let Some(values) = &c.enum_values {
        let list: Vec<String> = values.iter().map(docs::json).collect();
        items.push(format!("- one of {}", list.join(", ")));
    }
    if items.is_empty() {
        return items;
    }
    let mut lines = vec!["Constraints:".to_owned(), String::new()];
    lines.extend(items);
    lines
}

//! The effective schema: a schema with its `allOf` members merged in, and
//! with the annotations of the reference wrappers that lead to it.
//!
//! Conversion works on this merged view, so `allOf` of objects becomes one
//! struct, `allOf` of constraints becomes one validating newtype, and a
//! property that several members define gets all their schemas.

use indexmap::IndexMap;
use serde_json::{Number, Value as Json};

use crate::model::{AdditionalProperties, Items, JsonType, Origin, Schema, SchemaId, Spec};

use super::ir::Checks;

/// A merged schema.
#[derive(Debug, Clone, Default)]
pub(crate) struct Effective {
    /// The schema the view was made from, when it was made from one.
    pub(crate) schema: Option<SchemaId>,
    /// Where it is written.
    pub(crate) origin: Option<Origin>,
    /// `title`.
    pub(crate) title: Option<String>,
    /// `description`.
    pub(crate) description: Option<String>,
    /// `examples` and `example`.
    pub(crate) examples: Vec<Json>,
    /// `default`.
    pub(crate) default: Option<Json>,
    /// `format`.
    pub(crate) format: Option<String>,
    /// Allowed types; `None` allows any.
    pub(crate) types: Option<Vec<JsonType>>,
    /// Whether `null` is allowed too.
    pub(crate) nullable: bool,
    /// `enum`.
    pub(crate) enum_values: Option<Vec<Json>>,
    /// `const`.
    pub(crate) const_value: Option<Json>,
    /// Scalar and array constraints.
    pub(crate) checks: Checks,
    /// `items`.
    pub(crate) items: Option<Items>,
    /// `properties`, each with every schema that applies to it.
    pub(crate) properties: Option<IndexMap<String, Vec<SchemaId>>>,
    /// `required`.
    pub(crate) required: Vec<String>,
    /// `additionalProperties`.
    pub(crate) additional: Option<AdditionalProperties>,
    /// `oneOf`.
    pub(crate) one_of: Option<Vec<SchemaId>>,
    /// `anyOf`.
    pub(crate) any_of: Option<Vec<SchemaId>>,
    /// `discriminator`.
    pub(crate) discriminator: Option<String>,
    /// The `allOf` members merged in, resolved, at any depth.
    pub(crate) members: Vec<SchemaId>,
    /// What could not be merged or is not supported, for warnings.
    pub(crate) problems: Vec<String>,
}

/// The annotations on the way from a use of a schema to the schema itself:
/// a `$ref` or one-element combinator can carry a description and
/// `nullable`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Wrapping {
    /// The first description met.
    pub(crate) description: Option<String>,
    /// The first title met.
    pub(crate) title: Option<String>,
    /// Examples of the first wrapper that has some.
    pub(crate) examples: Vec<Json>,
    /// The first default met.
    pub(crate) default: Option<Json>,
    /// Whether any step allows `null`.
    pub(crate) nullable: bool,
}

/// Follows the reference chain from `id`, collecting annotations, and
/// returns them with the schema that carries the structure.
pub(crate) fn unwrap(spec: &Spec, id: SchemaId) -> (Wrapping, SchemaId) {
    let mut wrapping = Wrapping::default();
    let mut current = id;
    for _ in 0..=spec.schemas.len() {
        let schema = spec.schema(current);
        wrapping.nullable |= schema.nullable;
        if wrapping.description.is_none() {
            wrapping.description.clone_from(&schema.description);
        }
        if wrapping.title.is_none() {
            wrapping.title.clone_from(&schema.title);
        }
        if wrapping.examples.is_empty() {
            wrapping.examples.clone_from(&schema.examples);
        }
        if wrapping.default.is_none() {
            wrapping.default.clone_from(&schema.default);
        }
        match schema.target {
            Some(next) => current = next,
            None => break,
        }
    }
    (wrapping, current)
}

impl Effective {
    /// The effective schema of `id` (a resolved schema): its own keywords
    /// and annotations, with its `allOf` members merged in.
    pub(crate) fn of(spec: &Spec, id: SchemaId) -> Self {
        let schema = spec.schema(id);
        let mut e = Effective {
            schema: Some(id),
            origin: schema.origin.clone(),
            title: schema.title.clone(),
            description: schema.description.clone(),
            examples: schema.examples.clone(),
            default: schema.default.clone(),
            nullable: schema.nullable,
            ..Effective::default()
        };
        let mut visiting = vec![id];
        e.merge(spec, schema, &mut visiting);
        e
    }

    /// The effective schema of several schemas that all apply (a property
    /// defined by more than one `allOf` member).
    pub(crate) fn of_all(spec: &Spec, ids: &[SchemaId]) -> Self {
        let mut e = Effective::default();
        let mut nullable = true;
        for &id in ids {
            let (wrapping, target) = unwrap(spec, id);
            nullable &= wrapping.nullable;
            if e.description.is_none() {
                e.description = wrapping.description;
            }
            if e.examples.is_empty() {
                e.examples = wrapping.examples;
            }
            if e.origin.is_none() {
                e.origin.clone_from(&spec.schema(target).origin);
            }
            let mut visiting = vec![target];
            e.merge(spec, spec.schema(target), &mut visiting);
        }
        e.nullable = nullable;
        e
    }

    fn merge(&mut self, spec: &Spec, s: &Schema, visiting: &mut Vec<SchemaId>) {
        if self.format.is_none() {
            self.format.clone_from(&s.format);
        }
        if !s.types.is_empty() {
            self.types = Some(match self.types.take() {
                None => s.types.clone(),
                Some(current) => {
                    let both = intersect_types(&current, &s.types);
                    if both.is_empty() {
                        self.problems.push(format!(
                            "the `allOf` members allow no type in common ({} and {})",
                            list(&current),
                            list(&s.types)
                        ));
                    }
                    both
                }
            });
        }
        if let Some(values) = &s.enum_values {
            self.enum_values = Some(match self.enum_values.take() {
                None => values.clone(),
                Some(current) => current.into_iter().filter(|v| values.contains(v)).collect(),
            });
        }
        if let Some(value) = &s.const_value {
            match &self.const_value {
                Some(current) if current != value => self.problems.push(format!(
                    "the `allOf` members fix different `const` values ({current} and {value})"
                )),
                _ => self.const_value = Some(value.clone()),
            }
        }
        self.merge_checks(s);
        match (&self.items, &s.items) {
            (None, Some(items)) => self.items = Some(items.clone()),
            (Some(a), Some(b)) if !same_items(spec, a, b) => self
                .problems
                .push("the `allOf` members define `items` differently; the first is used".into()),
            _ => {}
        }
        if let Some(props) = &s.properties {
            let merged = self.properties.get_or_insert_with(IndexMap::new);
            for (name, &id) in props {
                let list = merged.entry(name.clone()).or_default();
                if !list
                    .iter()
                    .any(|&other| spec.resolve(other) == spec.resolve(id))
                {
                    list.push(id);
                }
            }
        }
        for name in &s.required {
            if !self.required.contains(name) {
                self.required.push(name.clone());
            }
        }
        match (&self.additional, &s.additional_properties) {
            (_, None) => {}
            (None, Some(a)) => self.additional = Some(a.clone()),
            (Some(_), Some(AdditionalProperties::Bool(false))) => {
                self.additional = Some(AdditionalProperties::Bool(false));
            }
            _ => {}
        }
        for (mine, theirs, keyword) in [
            (&mut self.one_of, &s.one_of, "oneOf"),
            (&mut self.any_of, &s.any_of, "anyOf"),
        ] {
            match (&mine, theirs) {
                (None, Some(list)) => *mine = Some(list.clone()),
                (Some(_), Some(_)) => self.problems.push(format!(
                    "more than one `allOf` member has a `{keyword}`; the first is used"
                )),
                _ => {}
            }
        }
        if self.discriminator.is_none() {
            self.discriminator.clone_from(&s.discriminator);
        }
        if s.not.is_some() {
            self.problems
                .push("`not` is not supported and is ignored".into());
        }
        for &member in s.all_of.iter().flatten() {
            let (_, target) = unwrap(spec, member);
            if visiting.contains(&target) {
                continue;
            }
            if !self.members.contains(&target) {
                self.members.push(target);
            }
            visiting.push(target);
            self.merge(spec, spec.schema(target), visiting);
            visiting.pop();
        }
    }

    fn merge_checks(&mut self, s: &Schema) {
        let c = &mut self.checks;
        if let Some(p) = &s.pattern
            && !c.patterns.contains(p)
        {
            c.patterns.push(p.clone());
        }
        c.min_length = max_opt(c.min_length, s.min_length);
        c.max_length = min_opt(c.max_length, s.max_length);
        c.min_items = max_opt(c.min_items, s.min_items);
        c.max_items = min_opt(c.max_items, s.max_items);
        c.unique_items |= s.unique_items;
        c.minimum = tighter(c.minimum.take(), s.minimum.clone(), true);
        c.maximum = tighter(c.maximum.take(), s.maximum.clone(), false);
        c.exclusive_minimum = tighter(
            c.exclusive_minimum.take(),
            s.exclusive_minimum.clone(),
            true,
        );
        c.exclusive_maximum = tighter(
            c.exclusive_maximum.take(),
            s.exclusive_maximum.clone(),
            false,
        );
        if c.multiple_of.is_none() {
            c.multiple_of.clone_from(&s.multiple_of);
        } else if s.multiple_of.is_some() && s.multiple_of != c.multiple_of {
            self.problems
                .push("the `allOf` members have different `multipleOf`; the first is used".into());
        }
    }

    /// Whether the schema describes objects: it has properties or
    /// `additionalProperties`, or only allows objects.
    pub(crate) fn is_object(&self) -> bool {
        self.properties.is_some()
            || self.additional.is_some()
            || self.types.as_deref() == Some(&[JsonType::Object])
    }

    /// The allowed types without `null`, or `None` for any.
    pub(crate) fn types(&self) -> Option<&[JsonType]> {
        self.types.as_deref()
    }
}

fn list(types: &[JsonType]) -> String {
    types
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn intersect_types(a: &[JsonType], b: &[JsonType]) -> Vec<JsonType> {
    let mut out = Vec::new();
    for &x in a {
        for &y in b {
            let both = match (x, y) {
                _ if x == y => Some(x),
                (JsonType::Integer, JsonType::Number) | (JsonType::Number, JsonType::Integer) => {
                    Some(JsonType::Integer)
                }
                _ => None,
            };
            if let Some(t) = both
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
    }
    out
}

fn same_items(spec: &Spec, a: &Items, b: &Items) -> bool {
    match (a, b) {
        (Items::Single(x), Items::Single(y)) => spec.resolve(*x) == spec.resolve(*y),
        (Items::Tuple(x), Items::Tuple(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(x, y)| spec.resolve(*x) == spec.resolve(*y))
        }
        _ => false,
    }
}

fn max_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn min_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The tighter of two bounds: the larger lower bound or the smaller upper.
fn tighter(a: Option<Number>, b: Option<Number>, lower: bool) -> Option<Number> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            Some(if (x >= y) == lower { a } else { b })
        }
        (a, b) => a.or(b),
    }
}

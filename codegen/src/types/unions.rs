//! `oneOf`/`anyOf` and multi-type schemas: a tagged enum when every
//! alternative is an object that requires the same member with a fixed
//! string, otherwise an untagged enum whose variants are tried from the most
//! specific to the least, so that the first match is the right one.

use std::collections::HashSet;

use crate::model::{AdditionalProperties, Items, JsonType, SchemaId};

use super::convert::{Converter, Slot, optional};
use super::docs;
use super::effective::{Effective, unwrap};
use super::ir::Ty;
use super::ir::{Kind, TaggedDef, TaggedVariant, UntaggedDef, UntaggedVariant};
use super::naming::{self, Scope};

impl Converter<'_> {
    /// A `oneOf` or `anyOf`.
    pub(crate) fn union(&mut self, eff: &Effective, slot: Slot) -> Ty {
        let alternatives = eff
            .one_of
            .clone()
            .or_else(|| eff.any_of.clone())
            .unwrap_or_default();
        if eff.properties.as_ref().is_some_and(|p| !p.is_empty()) {
            self.warn(
                eff.schema,
                eff.origin.as_ref(),
                "properties beside `oneOf`/`anyOf` are ignored; put them in each alternative"
                    .into(),
            );
        }
        let id = self.place(eff, &slot, Vec::new());
        let name = self.types[id.0].name.clone();
        if let Some((tag, values)) = self.common_tag(&alternatives) {
            let mut scope = Scope::camel();
            let mut variants = Vec::new();
            for (alternative, value) in alternatives.iter().zip(values) {
                let variant = scope.take(&naming::type_name(&value, "Variant", "V"));
                let about = format!("The {} variant of [`{name}`].", docs::code(&value));
                let u = self.use_schema(*alternative, &format!("{name}{variant}"), &about);
                variants.push(TaggedVariant {
                    name: variant,
                    docs: vec![format!("{} is {}.", docs::code(&tag), docs::code(&value))],
                    value,
                    content: Some(u.ty),
                });
            }
            self.types[id.0].kind = Kind::Tagged(TaggedDef {
                tag,
                keep_tag: true,
                variants,
            });
            return Ty::Named(id);
        }
        let mut scope = Scope::camel();
        let mut ranked = Vec::new();
        for (i, alternative) in alternatives.iter().enumerate() {
            let (wrapping, target) = unwrap(self.spec, *alternative);
            let target_eff = Effective::of(self.spec, target);
            let word = match (&self.spec.schema(target).name, &wrapping.title) {
                (Some(schema_name), _) => naming::type_name(schema_name, "Variant", "V"),
                (None, Some(title)) => naming::type_name(title, "Variant", "V"),
                (None, None) => kind_word(&target_eff).to_owned(),
            };
            let variant = scope.take(&word);
            let about = match &wrapping.title {
                Some(title) => format!("The {} alternative of [`{name}`].", docs::code(title)),
                None => format!("Alternative {} of [`{name}`].", i + 1),
            };
            let u = self.use_schema(*alternative, &format!("{name}{variant}"), &about);
            let lines = docs::prose_or(wrapping.description.as_deref(), || about);
            let rank = if self.replaced.contains_key(alternative) {
                (13, 0)
            } else {
                rank(&target_eff)
            };
            ranked.push((
                rank,
                i,
                UntaggedVariant {
                    name: variant,
                    ty: optional(u.ty, u.nullable),
                    docs: lines,
                },
            ));
        }
        ranked.sort_by_key(|(rank, i, _)| (*rank, *i));
        self.types[id.0].kind = Kind::Untagged(UntaggedDef {
            variants: ranked.into_iter().map(|(_, _, v)| v).collect(),
        });
        Ty::Named(id)
    }

    /// The payload of one side of a channel that carries several messages:
    /// a union of their payloads, as a `oneOf` of them would be, with a
    /// variant per message named after it. A tagged enum when every
    /// payload is an object that fixes the same member to a distinct
    /// string; otherwise an untagged enum, the most specific payload first.
    pub(crate) fn message_union(
        &mut self,
        name: &str,
        address: &str,
        messages: Vec<MessageAlternative>,
    ) -> Ty {
        let listed: Vec<String> = messages.iter().map(|m| docs::code(&m.name)).collect();
        let schemas: Option<Vec<SchemaId>> = messages.iter().map(|m| m.schema).collect();
        let tag = schemas.as_deref().and_then(|s| self.common_tag(s));
        let how = match &tag {
            Some((tag, _)) => format!("Told apart by the member {}.", docs::code(tag)),
            None => "Received as the first of them that the body fits, the most specific first."
                .to_owned(),
        };
        let lines = vec![
            format!(
                "A message on {}: {}.",
                docs::code(address),
                listed.join(", ")
            ),
            String::new(),
            how,
        ];
        let id = self.add_type(name, None, lines);
        let mut scope = Scope::camel();
        let named: Vec<(String, MessageAlternative)> = messages
            .into_iter()
            .map(|m| (scope.take(&naming::type_name(&m.name, "Message", "M")), m))
            .collect();
        if let Some((tag, values)) = tag {
            let variants = named
                .into_iter()
                .zip(values)
                .map(|((variant, m), value)| TaggedVariant {
                    name: variant,
                    docs: vec![format!(
                        "The {} message: {} is {}.",
                        docs::code(&m.name),
                        docs::code(&tag),
                        docs::code(&value)
                    )],
                    value,
                    content: Some(m.ty),
                })
                .collect();
            self.types[id.0].kind = Kind::Tagged(TaggedDef {
                tag,
                keep_tag: true,
                variants,
            });
            return Ty::Named(id);
        }
        let mut ranked: Vec<((u8, usize), usize, UntaggedVariant)> = named
            .into_iter()
            .enumerate()
            .map(|(i, (variant, m))| {
                let rank = match m.schema {
                    Some(schema) if !self.replaced.contains_key(&schema) => {
                        rank(&Effective::of(self.spec, unwrap(self.spec, schema).1))
                    }
                    _ => (13, 0),
                };
                let docs = vec![format!("The {} message.", docs::code(&m.name))];
                (
                    rank,
                    i,
                    UntaggedVariant {
                        name: variant,
                        ty: m.ty,
                        docs,
                    },
                )
            })
            .collect();
        ranked.sort_by_key(|(rank, i, _)| (*rank, *i));
        self.types[id.0].kind = Kind::Untagged(UntaggedDef {
            variants: ranked.into_iter().map(|(_, _, v)| v).collect(),
        });
        Ty::Named(id)
    }

    /// A schema that allows several types (`type: [string, integer]`): an
    /// untagged enum with a variant per type.
    pub(crate) fn multi_type(&mut self, eff: &Effective, slot: Slot) -> Ty {
        let id = self.place(eff, &slot, Vec::new());
        let name = self.types[id.0].name.clone();
        let mut types = eff.types().unwrap_or_default().to_vec();
        types.sort_by_key(|t| type_rank(*t));
        let mut variants = Vec::new();
        for t in types {
            let word = kind_word(&Effective {
                types: Some(vec![t]),
                ..Effective::default()
            });
            let sub = Effective {
                schema: None,
                title: None,
                description: None,
                examples: Vec::new(),
                types: Some(vec![t]),
                ..eff.clone()
            };
            let about = format!("The {t} form of [`{name}`].");
            let ty = self.typed(
                &sub,
                t,
                Slot::New {
                    name: format!("{name}{word}"),
                    about: about.clone(),
                },
            );
            variants.push(UntaggedVariant {
                name: word.to_owned(),
                ty,
                docs: vec![about],
            });
        }
        self.types[id.0].kind = Kind::Untagged(UntaggedDef { variants });
        Ty::Named(id)
    }

    /// The member that tags every alternative, with each alternative's
    /// value: every alternative must be an object that requires the member
    /// and fixes it to a distinct string.
    fn common_tag(&self, alternatives: &[SchemaId]) -> Option<(String, Vec<String>)> {
        let effs: Vec<Effective> = alternatives
            .iter()
            .map(|a| Effective::of(self.spec, unwrap(self.spec, *a).1))
            .collect();
        let first = effs.first()?;
        'candidates: for candidate in &first.required {
            let mut values = Vec::new();
            for eff in &effs {
                if !eff.required.contains(candidate) {
                    continue 'candidates;
                }
                let Some(value) = self.fixed_string(eff, candidate) else {
                    continue 'candidates;
                };
                values.push(value);
            }
            let distinct: HashSet<&String> = values.iter().collect();
            if distinct.len() == values.len() {
                return Some((candidate.clone(), values));
            }
        }
        None
    }

    /// The string a property of `eff` is fixed to by `const` or a one-value
    /// `enum`.
    fn fixed_string(&self, eff: &Effective, property: &str) -> Option<String> {
        for &id in eff.properties.as_ref()?.get(property)? {
            let (_, target) = unwrap(self.spec, id);
            let schema = self.spec.schema(target);
            if let Some(value) = schema.const_value.as_ref().and_then(|v| v.as_str()) {
                return Some(value.to_owned());
            }
            if let Some([value]) = schema.enum_values.as_deref() {
                return value.as_str().map(str::to_owned);
            }
        }
        None
    }
}

/// One message of a channel that carries several, for
/// [`Converter::message_union`].
pub(crate) struct MessageAlternative {
    /// The message's name.
    pub(crate) name: String,
    /// Its payload schema; `None` for a message without a typed payload.
    pub(crate) schema: Option<SchemaId>,
    /// Its payload type.
    pub(crate) ty: Ty,
}

/// A variant name for a schema from what it is.
fn kind_word(eff: &Effective) -> &'static str {
    if eff.const_value.is_some() {
        return "Const";
    }
    if eff.enum_values.is_some() {
        return "Enum";
    }
    match eff.types() {
        Some([JsonType::String]) => "String",
        Some([JsonType::Integer]) => "Integer",
        Some([JsonType::Number]) => "Number",
        Some([JsonType::Boolean]) => "Boolean",
        Some([JsonType::Array]) => "Array",
        Some([JsonType::Object]) => "Object",
        Some([JsonType::Null]) => "Null",
        _ if eff.is_object() => "Object",
        _ if eff.items.is_some() => "Array",
        _ => "Value",
    }
}

fn type_rank(t: JsonType) -> u8 {
    match t {
        JsonType::Null => 0,
        JsonType::Boolean => 1,
        JsonType::Integer => 2,
        JsonType::Number => 3,
        JsonType::String => 4,
        JsonType::Array => 5,
        JsonType::Object => 6,
    }
}

/// Where an alternative goes in an untagged enum: values that accept less
/// come first (constants, enums, integers before numbers, constrained
/// before plain, objects with more required members before fewer), and
/// schemas that accept anything come last.
fn rank(eff: &Effective) -> (u8, usize) {
    if eff.const_value.is_some() {
        return (0, 0);
    }
    if eff.enum_values.is_some() {
        return (1, 0);
    }
    let c = &eff.checks;
    match eff.types() {
        Some([JsonType::Boolean]) => (2, 0),
        Some([JsonType::Integer]) => (3, 0),
        Some([JsonType::Number]) => (4, 0),
        Some([JsonType::String]) => {
            let constrained =
                !c.patterns.is_empty() || c.min_length.is_some() || c.max_length.is_some();
            (if constrained { 5 } else { 6 }, 0)
        }
        Some([JsonType::Array]) => {
            let constrained = matches!(eff.items, Some(Items::Tuple(_)))
                || c.min_items.is_some()
                || c.max_items.is_some();
            (if constrained { 7 } else { 8 }, 0)
        }
        _ if eff.is_object() => {
            if eff.additional == Some(AdditionalProperties::Bool(false)) {
                (9, usize::MAX - eff.required.len())
            } else if !eff.required.is_empty() {
                (10, usize::MAX - eff.required.len())
            } else if eff.properties.is_some() {
                (11, 0)
            } else {
                (12, 0)
            }
        }
        _ => (13, 0),
    }
}

//! Objects: structs, maps, and the discriminator inheritance idiom (a base
//! schema with `discriminator`, children that extend it with `allOf`),
//! which becomes one internally tagged enum.

use std::collections::HashSet;

use indexmap::IndexMap;

use crate::model::{AdditionalProperties, Schema, SchemaId};

use super::convert::{Converter, Slot, optional};
use super::docs;
use super::effective::{Effective, Wrapping, unwrap};
use super::ir::{FieldDef, Kind, Presence, StructDef, TaggedDef, TaggedVariant, Ty, TypeId};
use super::naming::{self, Scope};

impl<'a> Converter<'a> {
    /// Finds the discriminator bases and their children: schemas with
    /// `discriminator` that another schema names in its `allOf`. Named
    /// children come first, in document order.
    pub(crate) fn find_bases(&mut self) {
        let spec = self.spec;
        let mut order: Vec<SchemaId> = spec.named_schemas.values().copied().collect();
        let named: HashSet<SchemaId> = order.iter().copied().collect();
        order.extend(
            (0..spec.schemas.len())
                .map(SchemaId)
                .filter(|id| !named.contains(id)),
        );
        let mut bases: IndexMap<SchemaId, Vec<SchemaId>> = IndexMap::new();
        for id in order {
            let Some(members) = &spec.schema(id).all_of else {
                continue;
            };
            for &member in members {
                let (_, target) = unwrap(spec, member);
                if target != id && spec.schema(target).discriminator.is_some() {
                    bases.entry(target).or_default().push(id);
                    self.child_base.insert(id, target);
                    break;
                }
            }
        }
        self.bases = bases.into_iter().collect();
    }

    /// Whether `id` is a discriminator base with children.
    pub(crate) fn is_base(&self, id: SchemaId) -> bool {
        self.bases.iter().any(|(base, _)| *base == id)
    }

    /// An object schema: a struct, a map, or any JSON object.
    pub(crate) fn object(&mut self, eff: &Effective, slot: Slot) -> Ty {
        let closed = eff.additional == Some(AdditionalProperties::Bool(false));
        if eff.properties.is_some() || closed {
            let id = self.place(eff, &slot, Vec::new());
            self.fill_struct(eff, id, None);
            return Ty::Named(id);
        }
        let ty = match &eff.additional {
            Some(AdditionalProperties::Schema(values)) => {
                let name = self.slot_name(&slot);
                let about = format!("A value of [`{name}`].");
                let u = self.use_schema(*values, &format!("{name}Value"), &about);
                Ty::Map(Box::new(optional(u.ty, u.nullable)))
            }
            _ => Ty::JsonObject,
        };
        self.anonymous_object(ty, &slot)
    }

    fn anonymous_object(&mut self, ty: Ty, slot: &Slot) -> Ty {
        match slot {
            Slot::New { .. } => ty,
            Slot::Existing(id) => {
                self.types[id.0].kind = match ty {
                    Ty::Map(_) => Kind::Newtype(super::ir::NewtypeDef {
                        inner: ty,
                        checks: Default::default(),
                    }),
                    other => Kind::Alias(other),
                };
                Ty::Named(*id)
            }
        }
    }

    /// Fills type `id` with a struct of the properties of `eff`, leaving out
    /// the member `skip` (a discriminator tag).
    pub(crate) fn fill_struct(&mut self, eff: &Effective, id: TypeId, skip: Option<&str>) {
        let struct_name = self.types[id.0].name.clone();
        let mut scope = Scope::snake();
        let mut fields = Vec::new();
        for (json, ids) in eff.properties.clone().unwrap_or_default() {
            if skip == Some(json.as_str()) {
                continue;
            }
            let name = scope.take(&naming::field_name(&json, "field"));
            let owner = self.owner_name(&ids).unwrap_or_else(|| struct_name.clone());
            let inner = format!("{owner}{}", naming::type_name(&json, "Field", "F"));
            let about = format!("The {} member of [`{struct_name}`].", docs::code(&json));
            let u = self.use_all(&ids, &inner, &about);
            let presence = match (eff.required.contains(&json), u.nullable) {
                (true, false) => Presence::Required,
                (true, true) => Presence::RequiredNullable,
                (false, _) => Presence::Optional,
            };
            fields.push(FieldDef {
                name,
                docs: field_docs(&u.wrapping, &json),
                json,
                ty: u.ty,
                presence,
                aliases: Vec::new(),
            });
        }
        let extra = match &eff.additional {
            Some(AdditionalProperties::Schema(values)) => {
                let name = scope.take("extra");
                let about = format!("A value of the other members of [`{struct_name}`].");
                let u = self.use_schema(*values, &format!("{struct_name}Extra"), &about);
                Some((name, optional(u.ty, u.nullable)))
            }
            _ => None,
        };
        let deny_unknown = eff.additional == Some(AdditionalProperties::Bool(false));
        let unknown = (self.options.keeps_unknown_fields() && !deny_unknown && extra.is_none())
            .then(|| scope.take("unknown_fields"));
        self.types[id.0].kind = Kind::Struct(StructDef {
            fields,
            deny_unknown,
            extra,
            unknown,
        });
    }

    /// The type name of the named schema that defines a property directly
    /// (in its `properties`, or in those of one of its `allOf` members), so
    /// that an inherited property's type is named after the schema that
    /// declares it, not after the first struct that inherits it.
    fn owner_name(&self, ids: &[SchemaId]) -> Option<String> {
        let [id] = ids else { return None };
        let origin = self.spec.schema(*id).origin.as_ref()?;
        let segments = origin.pointer.segments();
        let key = match segments {
            [c, s, key, p, _] if c == "components" && s == "schemas" && p == "properties" => key,
            [c, s, key, a, _, p, _]
                if c == "components" && s == "schemas" && a == "allOf" && p == "properties" =>
            {
                key
            }
            _ => return None,
        };
        let owner = self.spec.named_schemas.get(key)?;
        match self.memo.get(owner) {
            Some(Ty::Named(tid)) => Some(self.types[tid.0].name.clone()),
            _ => None,
        }
    }

    /// Fills the type of a named discriminator child: a struct of its own
    /// and inherited properties, without the tag, which the union's enum
    /// reads and writes.
    pub(crate) fn fill_child(&mut self, child: SchemaId, id: TypeId) {
        let base = self.child_base[&child];
        let tag = self
            .spec
            .schema(base)
            .discriminator
            .clone()
            .unwrap_or_default();
        let eff = Effective::of(self.spec, child);
        self.fill_struct(&eff, id, Some(&tag));
    }

    /// The tag value of a discriminator child: the `const` (or one-value
    /// `enum`) of its tag property, else its schema name.
    fn tag_value(&self, child: SchemaId, tag: &str) -> Option<String> {
        let eff = Effective::of(self.spec, child);
        for schema in self.property_schemas(&eff, tag) {
            if let Some(value) = schema.const_value.as_ref().and_then(|v| v.as_str()) {
                return Some(value.to_owned());
            }
            if let Some([value]) = schema.enum_values.as_deref()
                && let Some(value) = value.as_str()
            {
                return Some(value.to_owned());
            }
        }
        self.spec.schema(child).name.clone()
    }

    /// The schemas property `name` has in `eff` (one per `allOf` member that declares it),
    /// references followed.
    fn property_schemas<'e>(
        &self,
        eff: &'e Effective,
        name: &str,
    ) -> impl Iterator<Item = &'a Schema> + use<'a, 'e> {
        let spec = self.spec;
        let ids = eff.properties.as_ref().and_then(|p| p.get(name));
        ids.into_iter()
            .flatten()
            .map(move |&id| spec.schema(unwrap(spec, id).1))
    }

    /// The string values of the `enum` of property `tag`.
    fn tag_enum(&self, eff: &Effective, tag: &str) -> Vec<String> {
        let mut values = Vec::new();
        for schema in self.property_schemas(eff, tag) {
            for value in schema.enum_values.iter().flatten() {
                if let Some(value) = value.as_str()
                    && !values.iter().any(|v| v == value)
                {
                    values.push(value.to_owned());
                }
            }
        }
        values
    }

    /// A discriminator base: an internally tagged enum with a variant per
    /// child, in the order of the base's tag `enum`, then per tag value
    /// that no child covers (carrying the base's own other properties).
    pub(crate) fn tagged_base(&mut self, eff: &Effective, base: SchemaId, slot: Slot) -> Ty {
        let tag = eff.discriminator.clone().unwrap_or_default();
        let id = self.place(
            eff,
            &slot,
            vec![format!(
                "The variant is named by the {} member.",
                docs::code(&tag)
            )],
        );
        let name = self.types[id.0].name.clone();
        let children = self
            .bases
            .iter()
            .find(|(b, _)| *b == base)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let mut by_value: IndexMap<String, SchemaId> = IndexMap::new();
        for child in children {
            let origin = self.spec.schema(child).origin.clone();
            match self.tag_value(child, &tag) {
                Some(value) if by_value.contains_key(&value) => self.warn(
                    Some(child),
                    origin.as_ref(),
                    format!("another variant of this union already has the tag {value:?}; this one is left out"),
                ),
                Some(value) => {
                    by_value.insert(value, child);
                }
                None => self.warn(
                    Some(child),
                    origin.as_ref(),
                    format!("this schema extends a discriminated union but fixes no `{tag}` value and has no name; it is left out"),
                ),
            }
        }
        let mut values = self.tag_enum(eff, &tag);
        for value in by_value.keys() {
            if !values.contains(value) {
                values.push(value.clone());
            }
        }
        let has_own_fields = eff
            .properties
            .as_ref()
            .is_some_and(|p| p.keys().any(|k| *k != tag));
        let mut scope = Scope::camel();
        let mut variants = Vec::new();
        for value in values {
            let variant = scope.take(&naming::type_name(&value, "Variant", "V"));
            let (content, docs_lines) = match by_value.get(&value) {
                Some(&child) => {
                    let content = match self.memo.get(&child) {
                        Some(ty) => ty.clone(),
                        None => {
                            let child_eff = Effective::of(self.spec, child);
                            let about =
                                format!("The {} variant of [`{name}`].", docs::code(&value));
                            let cid = self.place(
                                &child_eff,
                                &Slot::New {
                                    name: format!("{name}{variant}"),
                                    about,
                                },
                                Vec::new(),
                            );
                            self.fill_struct(&child_eff, cid, Some(&tag));
                            Ty::Named(cid)
                        }
                    };
                    let description = self.spec.schema(child).description.clone();
                    (
                        Some(content),
                        description.map(|d| docs::prose(&d)).unwrap_or_default(),
                    )
                }
                None if has_own_fields => {
                    let about = format!("The {} variant of [`{name}`].", docs::code(&value));
                    let cid = self.place(
                        &Effective {
                            schema: None,
                            ..eff.clone()
                        },
                        &Slot::New {
                            name: format!("{name}{variant}"),
                            about: about.clone(),
                        },
                        Vec::new(),
                    );
                    self.types[cid.0].docs = vec![about];
                    self.fill_struct(eff, cid, Some(&tag));
                    (Some(Ty::Named(cid)), Vec::new())
                }
                None => (None, Vec::new()),
            };
            let mut lines = vec![format!("{} is {}.", docs::code(&tag), docs::code(&value))];
            docs::push_block(&mut lines, docs_lines);
            variants.push(TaggedVariant {
                name: variant,
                value,
                content,
                docs: lines,
            });
        }
        self.types[id.0].kind = Kind::Tagged(TaggedDef {
            tag,
            keep_tag: false,
            variants,
        });
        Ty::Named(id)
    }
}

/// The docs of a field: its description (or a line naming the member),
/// default and examples.
fn field_docs(wrapping: &Wrapping, json: &str) -> Vec<String> {
    let mut lines = docs::prose_or(wrapping.description.as_deref(), || {
        format!("The {} member.", docs::code(json))
    });
    if let Some(default) = &wrapping.default {
        docs::push_block(
            &mut lines,
            vec![format!("Default: {}.", docs::json(default))],
        );
    }
    docs::push_block(&mut lines, docs::examples(&wrapping.examples));
    lines
}

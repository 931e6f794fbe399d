//! The MOV's types, generated once: a component's schema that *is* one of
//! the MOV's (same name, same structure) is written as a reference to the
//! runtime's type (`::valawai::mov::protocol::ComponentPayload`) instead of
//! being generated again, the way prost-build's `extern_path` refers to
//! types generated elsewhere.
//!
//! Real VALAWAI specs copy the MOV's schemas with small variations (a
//! pattern dropped, a member added, an enum value more); a copy that
//! differs is generated locally, with a doc line that says where it
//! differs, because the runtime's type would read or write other JSON.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use crate::loader::{LoadOptions, load_str};
use crate::model::{AdditionalProperties, Dialect, Items, SchemaId, Spec};
use crate::types::ir::{Kind, TypeDef};
use crate::types::{TypePatch, TypeSpace};

/// The module of the runtime that holds the MOV's types, as generated code
/// names it.
pub const MOV_TYPES_PATH: &str = "::valawai::mov::protocol";

/// The MOV's AsyncAPI document (`fixtures/valawai/MOV/asyncapi.yaml`), which
/// the runtime's MOV types are generated from.
pub const MOV_SPEC: &str = include_str!("mov-asyncapi.yaml");

/// The type options the runtime's MOV types (`valawai::mov::protocol`) are
/// generated with: the MOV's wire facts ([`type_options`](crate::mov::type_options))
/// and `LogLevel` for the log level.
pub fn runtime_type_options() -> crate::types::TypeOptions {
    super::mov_patches::type_options()
        .patch("AddLogPayloadLevel", TypePatch::new().rename("LogLevel"))
}

/// The MOV's spec, the runtime's name of each of its named schemas, and
/// what the generated code needs to know of the runtime's types.
struct Mov {
    spec: Spec,
    names: HashMap<String, String>,
    /// The paths of the types that derive `Eq`.
    eq: HashSet<String>,
    /// The paths of the types whose values are always JSON objects.
    objects: HashSet<String>,
}

fn mov() -> Option<&'static Mov> {
    static MOV: OnceLock<Option<Mov>> = OnceLock::new();
    MOV.get_or_init(|| {
        let spec = load_str(
            MOV_SPEC,
            "MOV/asyncapi.yaml",
            &LoadOptions::default().dialect(Dialect::Standard),
        )
        .ok()?;
        let types = TypeSpace::new(&spec, &runtime_type_options()).ok()?;
        let defs = types.type_defs();
        let names = defs
            .iter()
            .filter_map(|t| Some((t.schema_name.clone()?, t.name.clone())))
            .collect();
        let path = |t: &TypeDef| format!("{MOV_TYPES_PATH}::{}", t.name);
        let eq = defs
            .iter()
            .zip(types.derives_eq())
            .filter(|(_, eq)| *eq)
            .map(|(t, _)| path(t))
            .collect();
        let objects = defs
            .iter()
            .filter(|t| matches!(t.kind, Kind::Struct(_) | Kind::Tagged(_)))
            .map(path)
            .collect();
        Some(Mov {
            spec,
            names,
            eq,
            objects,
        })
    })
    .as_ref()
}

/// Whether the runtime's MOV type at `path` (as [`mov_matches`] writes it)
/// derives `Eq`; `false` for any other path.
pub(crate) fn extern_is_eq(path: &str) -> bool {
    path.starts_with(MOV_TYPES_PATH) && mov().is_some_and(|m| m.eq.contains(path))
}

/// Whether the values of the runtime's MOV type at `path` are always JSON
/// objects; `false` for any other path.
pub(crate) fn extern_is_object(path: &str) -> bool {
    path.starts_with(MOV_TYPES_PATH) && mov().is_some_and(|m| m.objects.contains(path))
}

/// How a component's named schema relates to the MOV's schema of the same
/// name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MovMatch {
    /// The same schema: use the runtime's type, at this path.
    Same(String),
    /// Named like the MOV's, but different (where, as a JSON pointer
    /// relative to the schema, and the runtime's type).
    Differs {
        /// The runtime's type the schema is not.
        rust_path: String,
        /// Where the schemas first differ.
        at: String,
    },
}

/// Compares each of `spec`'s named schemas with the MOV's schema of the
/// same name.
pub(crate) fn mov_matches(spec: &Spec) -> HashMap<SchemaId, MovMatch> {
    let mut found = HashMap::new();
    let Some(mov) = mov() else {
        return found;
    };
    for (key, &id) in &spec.named_schemas {
        let (Some(&mov_id), Some(name)) = (mov.spec.named_schemas.get(key), mov.names.get(key))
        else {
            continue;
        };
        let rust_path = format!("{MOV_TYPES_PATH}::{name}");
        let mut cmp = Compare {
            a: spec,
            b: &mov.spec,
            assumed: HashSet::new(),
        };
        let verdict = match cmp.same(id, mov_id, String::new()) {
            Ok(()) => MovMatch::Same(rust_path),
            Err(at) => MovMatch::Differs { rust_path, at },
        };
        found.insert(id, verdict);
    }
    found
}

/// A structural comparison of schemas in two specs: references resolved,
/// annotations (descriptions, titles, examples, `deprecated`, `readOnly`,
/// `writeOnly`) ignored. Recursive schemas compare co-inductively: a pair
/// under comparison is assumed equal when met again.
struct Compare<'a> {
    a: &'a Spec,
    b: &'a Spec,
    assumed: HashSet<(SchemaId, SchemaId)>,
}

/// The result of a comparison: the pointer where the schemas differ.
type Same = Result<(), String>;

impl Compare<'_> {
    fn same(&mut self, a: SchemaId, b: SchemaId, at: String) -> Same {
        let (na, da, ra) = chain(self.a, a);
        let (nb, db, rb) = chain(self.b, b);
        if na != nb {
            return differ(at, "nullable");
        }
        if da != db {
            return differ(at, "default");
        }
        if !self.assumed.insert((ra, rb)) {
            return Ok(());
        }
        let (x, y) = (self.a.schema(ra), self.b.schema(rb));
        let scalars = [
            ("type", x.types == y.types),
            ("nullable", x.nullable == y.nullable),
            ("format", x.format == y.format),
            ("enum", x.enum_values == y.enum_values),
            ("const", x.const_value == y.const_value),
            ("default", x.default == y.default),
            ("pattern", x.pattern == y.pattern),
            ("minLength", x.min_length == y.min_length),
            ("maxLength", x.max_length == y.max_length),
            ("minimum", x.minimum == y.minimum),
            ("maximum", x.maximum == y.maximum),
            (
                "exclusiveMinimum",
                x.exclusive_minimum == y.exclusive_minimum,
            ),
            (
                "exclusiveMaximum",
                x.exclusive_maximum == y.exclusive_maximum,
            ),
            ("multipleOf", x.multiple_of == y.multiple_of),
            ("minItems", x.min_items == y.min_items),
            ("maxItems", x.max_items == y.max_items),
            ("uniqueItems", x.unique_items == y.unique_items),
            ("minProperties", x.min_properties == y.min_properties),
            ("maxProperties", x.max_properties == y.max_properties),
            ("discriminator", x.discriminator == y.discriminator),
            (
                "required",
                x.required.iter().collect::<BTreeSet<_>>()
                    == y.required.iter().collect::<BTreeSet<_>>(),
            ),
            ("x-", x.extensions == y.extensions),
        ];
        if let Some((key, _)) = scalars.iter().find(|(_, same)| !same) {
            return differ(at, key);
        }
        match (&x.items, &y.items) {
            (None, None) => {}
            (Some(Items::Single(p)), Some(Items::Single(q))) => {
                self.same(*p, *q, format!("{at}/items"))?;
            }
            (Some(Items::Tuple(p)), Some(Items::Tuple(q))) => {
                self.list(p, q, format!("{at}/items"))?;
            }
            _ => return differ(at, "items"),
        }
        self.additional(
            &x.additional_items,
            &y.additional_items,
            &at,
            "additionalItems",
        )?;
        self.additional(
            &x.additional_properties,
            &y.additional_properties,
            &at,
            "additionalProperties",
        )?;
        match (&x.properties, &y.properties) {
            (None, None) => {}
            (Some(p), Some(q)) => {
                for name in p.keys().chain(q.keys()) {
                    let (Some(&pa), Some(&qa)) = (p.get(name), q.get(name)) else {
                        return differ(format!("{at}/properties"), name);
                    };
                    self.same(pa, qa, format!("{at}/properties/{name}"))?;
                }
            }
            _ => return differ(at, "properties"),
        }
        for (key, p, q) in [
            ("oneOf", &x.one_of, &y.one_of),
            ("anyOf", &x.any_of, &y.any_of),
            ("allOf", &x.all_of, &y.all_of),
        ] {
            match (p, q) {
                (None, None) => {}
                (Some(p), Some(q)) => self.list(p, q, format!("{at}/{key}"))?,
                _ => return differ(at, key),
            }
        }
        match (x.not, y.not) {
            (None, None) => Ok(()),
            (Some(p), Some(q)) => self.same(p, q, format!("{at}/not")),
            _ => differ(at, "not"),
        }
    }

    fn list(&mut self, p: &[SchemaId], q: &[SchemaId], at: String) -> Same {
        if p.len() != q.len() {
            return Err(at);
        }
        for (i, (&pa, &qa)) in p.iter().zip(q).enumerate() {
            self.same(pa, qa, format!("{at}/{i}"))?;
        }
        Ok(())
    }

    fn additional(
        &mut self,
        p: &Option<AdditionalProperties>,
        q: &Option<AdditionalProperties>,
        at: &str,
        key: &str,
    ) -> Same {
        match (p, q) {
            (None, None) => Ok(()),
            (Some(AdditionalProperties::Bool(p)), Some(AdditionalProperties::Bool(q)))
                if p == q =>
            {
                Ok(())
            }
            (Some(AdditionalProperties::Schema(p)), Some(AdditionalProperties::Schema(q))) => {
                self.same(*p, *q, format!("{at}/{key}"))
            }
            _ => differ(at.to_owned(), key),
        }
    }
}

fn differ(at: String, key: &str) -> Same {
    Err(format!("{at}/{key}"))
}

/// Follows a reference chain: whether it allows `null`, its first
/// `default`, and the schema at its end.
fn chain(spec: &Spec, id: SchemaId) -> (bool, Option<serde_json::Value>, SchemaId) {
    let mut nullable = false;
    let mut default = None;
    let mut current = id;
    for _ in 0..=spec.schemas.len() {
        let schema = spec.schema(current);
        nullable |= schema.nullable;
        if default.is_none() {
            default.clone_from(&schema.default);
        }
        match schema.target {
            Some(next) => current = next,
            None => break,
        }
    }
    (nullable, default, current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mov_spec_matches_itself() {
        let mov = mov().expect("the MOV spec loads and converts");
        let matches = mov_matches(&mov.spec);
        assert_eq!(matches.len(), mov.spec.named_schemas.len());
        for (key, id) in &mov.spec.named_schemas {
            assert!(
                matches!(&matches[id], MovMatch::Same(_)),
                "{key}: {:?}",
                matches[id]
            );
        }
        assert_eq!(
            matches[&mov.spec.named_schemas["component_payload"]],
            MovMatch::Same("::valawai::mov::protocol::ComponentPayload".to_owned())
        );
    }

    #[test]
    fn a_changed_copy_differs_where_it_changed() {
        let text = MOV_SPEC.replacen(
            "    component_type:\n",
            "    component_type:\n      nullable: true\n",
            1,
        );
        assert_ne!(text, MOV_SPEC, "the MOV spec has a component_type schema");
        let spec = load_str(&text, "changed.yaml", &LoadOptions::default()).unwrap();
        let matches = mov_matches(&spec);
        let id = spec.named_schemas["component_type"];
        assert!(
            matches!(&matches[&id], MovMatch::Differs { at, .. } if at == "/nullable"),
            "{:?}",
            matches[&id]
        );
        let payload = spec.named_schemas["component_payload"];
        assert!(
            matches!(&matches[&payload], MovMatch::Differs { at, .. } if at == "/properties/type/nullable"),
            "{:?}",
            matches[&payload]
        );
    }
}

//! Schemas to the type model: the conversion state and the dispatch on what
//! a schema describes. Objects are in [`super::objects`], unions in
//! [`super::unions`].

use std::collections::{HashMap, HashSet};

use serde_json::Value as Json;

use crate::diagnostic::Diagnostic;
use crate::model::{Origin, SchemaId, Spec};

use super::State;
use super::docs;
use super::effective::{Effective, Wrapping, unwrap};
use super::ir::{Checks, Kind, NewtypeDef, Ty, TypeDef, TypeId};
use super::naming::Scope;
use super::options::TypeOptions;

/// Names of the prelude that generated code uses unqualified, the type
/// parameters of generated impls (`D`, `S`), and the items the component
/// generator writes beside the types (`Handlers`, `Publisher`, `Context`),
/// which a generated type of the same name would clash with; no generated
/// type may take them.
const RESERVED: &[&str] = &[
    "D",
    "S",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "ToString",
    "ToOwned",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "Extend",
    "Default",
    "Debug",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "AsRef",
    "AsMut",
    "Into",
    "From",
    "TryFrom",
    "TryInto",
    "FromIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    // The items the component generator writes next to the types.
    "Handlers",
    "Publisher",
    "Context",
];

/// Where the result of a conversion goes.
#[derive(Debug, Clone)]
pub(crate) enum Slot {
    /// A type that already has a name (a named schema): fill it in, as an
    /// alias if the schema needs no type of its own.
    Existing(TypeId),
    /// A new type, if one is needed, named `name` and documented as `about`
    /// when the schema has no description.
    New {
        /// The name, in upper camel case.
        name: String,
        /// One line saying where the type is used.
        about: String,
    },
}

/// How a schema is used: the type, and what the way to it says.
#[derive(Debug, Clone)]
pub(crate) struct Use {
    /// The Rust type, without the `Option` for `null`.
    pub(crate) ty: Ty,
    /// Whether `null` is allowed.
    pub(crate) nullable: bool,
    /// Annotations of the reference chain (for field docs).
    pub(crate) wrapping: Wrapping,
}

/// The conversion state.
pub(crate) struct Converter<'a> {
    pub(crate) spec: &'a Spec,
    pub(crate) options: &'a TypeOptions,
    pub(crate) types: Vec<TypeDef>,
    pub(crate) names: Scope,
    pub(crate) memo: HashMap<SchemaId, Ty>,
    /// Schemas replaced by a patch, with the replacement.
    pub(crate) replaced: HashMap<SchemaId, Ty>,
    in_progress: HashSet<SchemaId>,
    /// Discriminator bases and their children, both resolved.
    pub(crate) bases: Vec<(SchemaId, Vec<SchemaId>)>,
    /// The base of each discriminator child.
    pub(crate) child_base: HashMap<SchemaId, SchemaId>,
    pub(crate) warnings: Vec<Diagnostic>,
    pub(crate) errors: Vec<Diagnostic>,
    /// Patch and replacement keys that matched something.
    pub(crate) used_keys: HashSet<String>,
    warned: HashSet<(Option<SchemaId>, String)>,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(spec: &'a Spec, options: &'a TypeOptions, state: State) -> Self {
        let State {
            types,
            names,
            memo,
            replaced,
            bases,
            child_base,
            warnings,
            used_keys,
        } = state;
        let mut names = names;
        for reserved in RESERVED {
            names.reserve(reserved);
        }
        Converter {
            spec,
            options,
            types,
            names,
            memo,
            replaced,
            in_progress: HashSet::new(),
            bases,
            child_base,
            warnings,
            errors: Vec::new(),
            used_keys,
            warned: HashSet::new(),
        }
    }

    /// The state to keep, and the errors found.
    pub(crate) fn finish(self) -> (State, Vec<Diagnostic>) {
        let state = State {
            types: self.types,
            names: self.names,
            memo: self.memo,
            replaced: self.replaced,
            bases: self.bases,
            child_base: self.child_base,
            warnings: self.warnings,
            used_keys: self.used_keys,
        };
        (state, self.errors)
    }

    /// A warning at `origin` (once per schema and message).
    pub(crate) fn warn(
        &mut self,
        schema: Option<SchemaId>,
        origin: Option<&Origin>,
        message: String,
    ) {
        if !self.warned.insert((schema, message.clone())) {
            return;
        }
        let d = match origin {
            Some(o) => self.spec.error_at("unsupported-schema", message, o),
            None => Diagnostic::error("unsupported-schema", message),
        };
        self.warnings.push(Diagnostic {
            severity: crate::diagnostic::Severity::Warning,
            ..d
        });
    }

    /// The replacement patch for a type or schema name, if any.
    pub(crate) fn replacement(&mut self, keys: &[&str]) -> Option<Ty> {
        for key in keys {
            if let Some(path) = self.options.replacements().get(*key) {
                self.used_keys.insert((*key).to_owned());
                return Some(Ty::External(path.clone()));
            }
        }
        None
    }

    /// Creates a type named `name` (or its rename patch). The kind is
    /// filled in by the caller.
    pub(crate) fn add_type(
        &mut self,
        name: &str,
        schema: Option<SchemaId>,
        docs: Vec<String>,
    ) -> TypeId {
        let schema_name = schema.and_then(|s| self.spec.schema(s).name.clone());
        let mut keys = vec![name.to_owned()];
        keys.extend(schema_name.clone());
        let mut final_name = None;
        let mut derives = Vec::new();
        let mut attributes = Vec::new();
        for key in &keys {
            if let Some(patch) = self.options.patches().get(key) {
                self.used_keys.insert(key.clone());
                if let Some(new) = patch.new_name() {
                    final_name = Some(new.to_owned());
                }
                derives.extend(patch.derives().iter().cloned());
                attributes.extend(patch.attributes().iter().cloned());
            }
        }
        let name = match final_name {
            Some(new) => {
                if self.names.contains(&new) {
                    self.errors.push(
                        Diagnostic::error(
                            "bad-patch",
                            format!("the rename patch gives `{name}` the name `{new}`, which another type has"),
                        )
                        .hint("choose a name no other generated type has"),
                    );
                }
                self.names.take(&new)
            }
            None if RESERVED.contains(&name) => self.names.take(&format!("{name}Type")),
            None => self.names.take(name),
        };
        let id = TypeId(self.types.len());
        self.types.push(TypeDef {
            name: name.clone(),
            default_name: keys[0].clone(),
            schema_name,
            docs,
            kind: Kind::Pending,
            derives,
            attributes,
        });
        id
    }

    /// The type of a use of schema `id`: follows the reference chain
    /// (stopping at replaced schemas), then converts the schema it leads
    /// to. `name` and `about` name a new type if one is needed.
    pub(crate) fn use_schema(&mut self, id: SchemaId, name: &str, about: &str) -> Use {
        let (wrapping, target) = unwrap(self.spec, id);
        let mut current = id;
        for _ in 0..=self.spec.schemas.len() {
            if let Some(ty) = self.replaced.get(&current) {
                return Use {
                    ty: ty.clone(),
                    nullable: wrapping.nullable,
                    wrapping,
                };
            }
            match self.spec.schema(current).target {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        let null_in_enum = self
            .spec
            .schema(target)
            .enum_values
            .as_ref()
            .is_some_and(|v| v.contains(&Json::Null));
        let ty = self.schema_ty(target, name, about);
        Use {
            ty,
            nullable: wrapping.nullable || null_in_enum,
            wrapping,
        }
    }

    /// The type of several schemas that all apply (merged).
    pub(crate) fn use_all(&mut self, ids: &[SchemaId], name: &str, about: &str) -> Use {
        if let [id] = ids {
            return self.use_schema(*id, name, about);
        }
        let eff = Effective::of_all(self.spec, ids);
        let nullable = eff.nullable || has_null(&eff);
        let wrapping = Wrapping {
            description: eff.description.clone(),
            examples: eff.examples.clone(),
            nullable,
            ..Wrapping::default()
        };
        let ty = self.convert(
            &eff,
            Slot::New {
                name: name.to_owned(),
                about: about.to_owned(),
            },
        );
        Use {
            ty,
            nullable,
            wrapping,
        }
    }

    /// The type of a resolved schema.
    fn schema_ty(&mut self, mut id: SchemaId, name: &str, about: &str) -> Ty {
        // A discriminator child used directly stands for its union (and a
        // base that is itself a child, for that union).
        for _ in 0..=self.spec.schemas.len() {
            let Some(&base) = self.child_base.get(&id) else {
                break;
            };
            let child = self.spec.schema(id);
            let base_name = self.spec.schema(base).name.clone().unwrap_or_default();
            let message = format!(
                "`{}` is a variant of the discriminated union `{base_name}` and is used directly; it is typed as the whole union",
                child.name.clone().unwrap_or_default()
            );
            let origin = child.origin.clone();
            self.warn(Some(id), origin.as_ref(), message);
            id = base;
        }
        if let Some(ty) = self.memo.get(&id) {
            return ty.clone();
        }
        if !self.in_progress.insert(id) {
            let origin = self.spec.schema(id).origin.clone();
            self.warn(
                Some(id),
                origin.as_ref(),
                "this schema contains itself without a named schema in between; the inner use is typed as any JSON value".into(),
            );
            return Ty::Json;
        }
        let eff = Effective::of(self.spec, id);
        let ty = self.convert(
            &eff,
            Slot::New {
                name: name.to_owned(),
                about: about.to_owned(),
            },
        );
        self.in_progress.remove(&id);
        self.memo.insert(id, ty.clone());
        ty
    }

    /// Places a named kind: fills the existing type or creates a new one.
    /// Returns the type's id; the kind is set by the caller.
    pub(crate) fn place(
        &mut self,
        eff: &Effective,
        slot: &Slot,
        extra_docs: Vec<String>,
    ) -> TypeId {
        match slot {
            Slot::Existing(id) => {
                let id = *id;
                docs::push_block(&mut self.types[id.0].docs, extra_docs);
                id
            }
            Slot::New { name, about } => {
                let docs = type_docs(eff, about, extra_docs);
                let id = self.add_type(name, eff.schema, docs);
                if let Some(schema) = eff.schema {
                    self.memo.insert(schema, Ty::Named(id));
                }
                id
            }
        }
    }

    /// Finishes an anonymous type: returns it for a new slot, or makes the
    /// existing type an alias (or, for containers, a newtype: an alias of a
    /// container cannot refer to itself).
    pub(crate) fn anonymous(&mut self, ty: Ty, slot: &Slot) -> Ty {
        match slot {
            Slot::New { .. } => ty,
            Slot::Existing(id) => {
                let kind = match ty {
                    Ty::Vec(_) | Ty::Map(_) | Ty::Tuple(_) | Ty::Option(_) => {
                        Kind::Newtype(NewtypeDef {
                            inner: ty,
                            checks: Checks::default(),
                        })
                    }
                    other => Kind::Alias(other),
                };
                self.types[id.0].kind = kind;
                Ty::Named(*id)
            }
        }
    }

    /// The name for types inside the one in `slot`.
    pub(crate) fn slot_name(&self, slot: &Slot) -> String {
        match slot {
            Slot::Existing(id) => self.types[id.0].name.clone(),
            Slot::New { name, .. } => name.clone(),
        }
    }

    /// Converts an effective schema.
    pub(crate) fn convert(&mut self, eff: &Effective, slot: Slot) -> Ty {
        for problem in eff.problems.clone() {
            self.warn(eff.schema, eff.origin.as_ref(), problem);
        }
        if let Slot::New { name, .. } = &slot
            && let Some(ty) = self.replacement(&[name.as_str()])
        {
            if let Some(schema) = eff.schema {
                self.memo.insert(schema, ty.clone());
            }
            return ty;
        }
        if let Some(value) = &eff.const_value {
            let id = self.place(eff, &slot, vec![format!("Always {}.", docs::json(value))]);
            self.types[id.0].kind = Kind::Const(value.clone());
            return Ty::Named(id);
        }
        if let Some(values) = &eff.enum_values {
            return self.enumeration(eff, values, slot);
        }
        if let Some(base) = eff
            .schema
            .filter(|s| eff.discriminator.is_some() && self.is_base(*s))
        {
            return self.tagged_base(eff, base, slot);
        }
        if eff.one_of.is_some() || eff.any_of.is_some() {
            return self.union(eff, slot);
        }
        match eff.types() {
            None if eff.is_object() => self.object(eff, slot),
            None if eff.items.is_some() => self.array(eff, slot),
            None => self.anonymous(Ty::Json, &slot),
            Some([]) => self.anonymous(Ty::Json, &slot),
            Some([single]) => self.typed(eff, *single, slot),
            Some(_) => self.multi_type(eff, slot),
        }
    }
}

/// `Option<T>` when `nullable`.
pub(crate) fn optional(ty: Ty, nullable: bool) -> Ty {
    if nullable {
        Ty::Option(Box::new(ty))
    } else {
        ty
    }
}

/// Whether the schema's `enum` lists `null`.
pub(crate) fn has_null(eff: &Effective) -> bool {
    eff.enum_values
        .as_ref()
        .is_some_and(|v| v.contains(&Json::Null))
}

/// The docs of a new type: the schema's title and description, or `about`,
/// then `extra`, then examples and default.
pub(crate) fn type_docs(eff: &Effective, about: &str, extra: Vec<String>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(title) = &eff.title {
        lines.extend(docs::prose(title));
    }
    match &eff.description {
        Some(d) if !docs::prose(d).is_empty() => docs::push_block(&mut lines, docs::prose(d)),
        _ if lines.is_empty() => lines.push(about.to_owned()),
        _ => {}
    }
    docs::push_block(&mut lines, extra);
    if let Some(default) = &eff.default {
        docs::push_block(
            &mut lines,
            vec![format!("Default: {}.", docs::json(default))],
        );
    }
    if let Some(format) = &eff.format {
        docs::push_block(&mut lines, vec![format!("Format: {}.", docs::code(format))]);
    }
    docs::push_block(&mut lines, docs::examples(&eff.examples));
    lines
}

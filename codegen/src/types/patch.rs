//! Checking patches and applying the field patches.

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;

use super::ir::{Kind, TypeDef};
use super::naming;
use super::options::TypeOptions;

fn bad(message: String) -> Diagnostic {
    Diagnostic::error("bad-patch", message)
}

/// Checks that the Rust text in the patches parses: new names are
/// identifiers, derives are paths, attributes are outer attributes and
/// replacements are types.
pub(crate) fn check_options(options: &TypeOptions) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (key, patch) in options.patches() {
        if let Some(name) = patch.new_name()
            && !naming::is_identifier(name)
        {
            errors.push(
                    bad(format!("the patch for `{key}` renames it to `{name}`, which is not a Rust identifier"))
                        .hint("use letters, digits and underscores, not starting with a digit, and not a keyword"),
                );
        }
        for derive in patch.derives() {
            if syn::parse_str::<syn::Path>(derive).is_err() {
                errors.push(bad(format!(
                    "the patch for `{key}` derives `{derive}`, which is not a Rust path"
                )));
            }
        }
        for attribute in patch.attributes() {
            let parsed = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, attribute);
            if !matches!(parsed, Ok(attrs) if !attrs.is_empty()) {
                errors.push(
                    bad(format!(
                        "the patch for `{key}` adds `{attribute}`, which is not an outer attribute"
                    ))
                    .hint("write the whole attribute, e.g. `#[non_exhaustive]`"),
                );
            }
        }
    }
    for (key, rust_type) in options.replacements() {
        if syn::parse_str::<syn::Type>(rust_type).is_err() {
            errors.push(bad(format!(
                "`{key}` is replaced with `{rust_type}`, which is not a Rust type"
            )));
        }
    }
    errors
}

/// Applies the field patches to the structs from `start` on. A field patch
/// whose property the struct does not have is an error.
pub(crate) fn apply_field_patches(
    types: &mut [TypeDef],
    options: &TypeOptions,
    start: usize,
    used: &mut HashSet<String>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for def in types.iter_mut().skip(start) {
        let keys: Vec<String> = std::iter::once(def.default_name.clone())
            .chain(def.schema_name.clone())
            .collect();
        for key in keys {
            let Some(patch) = options.patches().get(&key) else {
                continue;
            };
            if patch.fields().is_empty() {
                continue;
            }
            used.insert(key.clone());
            let Kind::Struct(s) = &mut def.kind else {
                errors.push(bad(format!(
                    "the patch for `{key}` changes fields, but `{}` is not a struct",
                    def.name
                )));
                continue;
            };
            for (property, field_patch) in patch.fields() {
                let Some(field) = s.fields.iter_mut().find(|f| f.json == *property) else {
                    let known: Vec<&str> = s.fields.iter().map(|f| f.json.as_str()).collect();
                    errors.push(
                        bad(format!("the patch for `{key}` changes the field `{property}`, which it does not have"))
                            .hint(format!("its fields are: {}", known.join(", "))),
                    );
                    continue;
                };
                if let Some(json) = field_patch.json_name() {
                    json.clone_into(&mut field.json);
                }
                for alias in field_patch.aliases() {
                    if !field.aliases.contains(alias) {
                        field.aliases.push(alias.clone());
                    }
                }
            }
        }
    }
    errors
}

/// Errors for patch and replacement keys that matched no schema or type.
pub(crate) fn unused_keys(options: &TypeOptions, used: &HashSet<String>) -> Vec<Diagnostic> {
    options
        .patches()
        .keys()
        .chain(options.replacements().keys())
        .filter(|key| !used.contains(*key))
        .map(|key| {
            bad(format!(
                "the patch for `{key}` matches no schema and no generated type"
            ))
            .hint("patches name a schema under `components/schemas` or a generated type")
        })
        .collect()
}

//! Reads Schema Objects into the [`Schema`] arena, normalising the forms
//! real VALAWAI specs use.

use indexmap::IndexMap;

use crate::model::{AdditionalProperties, Items, JsonType, Schema, SchemaId, Wrapper};
use crate::node::Value;

use super::refs::edit_distance;
use super::{Cx, Loader};

/// Keywords that give a schema structure of its own. A one-element
/// combinator collapses only when none of these sit beside it.
const STRUCTURAL: &[&str] = &[
    "type",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "required",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "not",
    "discriminator",
];

const TYPE_NAMES: &[&str] = &[
    "string", "integer", "number", "boolean", "object", "array", "null",
];

/// Deepest nesting of inline schemas accepted.
const MAX_SCHEMA_DEPTH: usize = 128;

impl Loader {
    /// Reads the schema at `cx`, or returns the id it already has.
    pub(crate) fn schema(&mut self, cx: &Cx<'_>) -> SchemaId {
        self.schema_at_depth(cx, 0)
    }

    fn schema_at_depth(&mut self, cx: &Cx<'_>, depth: usize) -> SchemaId {
        let key = (cx.file, cx.ptr.clone());
        if let Some(id) = self.schema_ids.get(&key) {
            return *id;
        }
        let id = SchemaId(self.schemas.len());
        self.schemas.push(Schema {
            origin: Some(cx.origin()),
            ..Schema::default()
        });
        self.schema_ids.insert(key, id);
        if depth > MAX_SCHEMA_DEPTH {
            let d = self.error(
                "too-deep",
                format!("schemas are nested more than {MAX_SCHEMA_DEPTH} levels deep"),
                cx,
            );
            self.push(d);
            return id;
        }
        let schema = self.read_schema(id, cx, depth);
        self.schemas[id.0] = schema;
        id
    }

    fn read_schema(&mut self, id: SchemaId, cx: &Cx<'_>, depth: usize) -> Schema {
        let mut s = Schema {
            origin: Some(cx.origin()),
            name: schema_name(cx),
            ..Schema::default()
        };
        match &cx.node.value {
            Value::Bool(true) => return s,
            Value::Bool(false) => {
                s.not = Some(self.any_schema(cx));
                return s;
            }
            Value::Map(_) => {}
            _ => {
                let d = self.error(
                    "wrong-type",
                    format!("a schema must be a mapping, found {}", cx.node.kind()),
                    cx,
                );
                self.push(d);
                return s;
            }
        }
        let next = depth + 1;

        if let Some(r) = cx.reference() {
            match self.resolve_ref(&r) {
                Ok(target) => {
                    if let Some(tcx) = target.cx() {
                        let target_id = self.schema_at_depth(&tcx, next);
                        s.target = Some(target_id);
                        s.wrapper = Some(Wrapper::Ref);
                        self.schema_refs.insert(id, (r.file, r.node.span));
                    }
                }
                Err(e) => self.push(e.diagnostic),
            }
            self.read_annotations(cx, &mut s);
            return s;
        }

        self.read_annotations(cx, &mut s);
        self.read_type(cx, &mut s);
        s.format = self.opt_string(cx, "format");
        if let Some(e) = cx.get("enum")
            && self.expect_seq(&e)
        {
            s.enum_values = Some(e.items().iter().map(|i| self.json_value(i)).collect());
        }
        s.const_value = cx.get("const").map(|c| self.json_value(&c));
        s.pattern = self.opt_string(cx, "pattern");
        if let (Some(p), Some(pcx)) = (&s.pattern, cx.get("pattern"))
            && let Err(e) = regress::Regex::new(p)
        {
            let d = self
                .error(
                    "bad-pattern",
                    format!("`{p}` is not a valid ECMA-262 regular expression: {e}"),
                    &pcx,
                )
                .hint("JSON Schema patterns use JavaScript regular expression syntax");
            self.push(d);
        }
        s.min_length = self.opt_u64(cx, "minLength");
        s.max_length = self.opt_u64(cx, "maxLength");
        s.minimum = self.opt_number(cx, "minimum");
        s.maximum = self.opt_number(cx, "maximum");
        s.exclusive_minimum = self.exclusive(cx, "exclusiveMinimum", &mut s.minimum);
        s.exclusive_maximum = self.exclusive(cx, "exclusiveMaximum", &mut s.maximum);
        s.multiple_of = self.opt_number(cx, "multipleOf");
        s.min_items = self.opt_u64(cx, "minItems");
        s.max_items = self.opt_u64(cx, "maxItems");
        s.unique_items = self.opt_bool(cx, "uniqueItems").unwrap_or(false);
        s.min_properties = self.opt_u64(cx, "minProperties");
        s.max_properties = self.opt_u64(cx, "maxProperties");

        if let Some(items) = cx.get("items") {
            s.items = match &items.node.value {
                Value::Seq(list) if list.len() == 1 => {
                    Some(Items::Single(self.schema_at_depth(&items.items()[0], next)))
                }
                Value::Seq(list) if list.is_empty() => None,
                Value::Seq(_) => Some(Items::Tuple(
                    items
                        .items()
                        .iter()
                        .map(|i| self.schema_at_depth(i, next))
                        .collect(),
                )),
                _ => Some(Items::Single(self.schema_at_depth(&items, next))),
            };
        }
        s.additional_items = cx.get("additionalItems").map(|a| self.additional(&a, next));

        if let Some(props) = cx.get("properties")
            && self.expect_map(&props)
        {
            let mut map = IndexMap::new();
            for (name, p) in props.entries() {
                map.insert(name.to_owned(), self.schema_at_depth(&p, next));
            }
            s.properties = Some(map);
        }
        s.required = self.string_list(cx, "required");
        s.additional_properties = cx
            .get("additionalProperties")
            .map(|a| self.additional(&a, next));
        s.not = cx.get("not").map(|n| self.schema_at_depth(&n, next));
        s.discriminator = match cx.get("discriminator") {
            None => None,
            Some(d) => match &d.node.value {
                Value::Str(name) => Some(name.clone()),
                Value::Map(_) => self.opt_string(&d, "propertyName"),
                _ => {
                    let diag = self.error(
                        "wrong-type",
                        format!(
                            "`discriminator` must be a property name, found {}",
                            d.node.kind()
                        ),
                        &d,
                    );
                    self.push(diag);
                    None
                }
            },
        };

        let structural = cx
            .map()
            .map(|m| m.iter().any(|(k, _)| STRUCTURAL.contains(&k)))
            .unwrap_or(false);
        let one_of = self.alternatives(cx, "oneOf", next, &mut s.nullable);
        let any_of = self.alternatives(cx, "anyOf", next, &mut s.nullable);
        let all_of = self.alternatives(cx, "allOf", next, &mut false);
        let combinators = usize::from(one_of.is_some())
            + usize::from(any_of.is_some())
            + usize::from(all_of.is_some());
        for (list, wrapper) in [
            (one_of, Wrapper::OneOf),
            (any_of, Wrapper::AnyOf),
            (all_of, Wrapper::AllOf),
        ] {
            let Some(list) = list else { continue };
            if list.len() == 1 && !structural && combinators == 1 {
                s.target = Some(list[0]);
                s.wrapper = Some(wrapper);
                continue;
            }
            match wrapper {
                Wrapper::OneOf => s.one_of = Some(list),
                Wrapper::AnyOf => s.any_of = Some(list),
                _ => s.all_of = Some(list),
            }
        }
        s
    }

    /// Reads annotations, which also apply beside a `$ref`.
    fn read_annotations(&mut self, cx: &Cx<'_>, s: &mut Schema) {
        s.title = self.opt_string(cx, "title");
        s.description = self.opt_string(cx, "description");
        s.nullable = self.opt_bool(cx, "nullable").unwrap_or(false) || s.nullable;
        s.default = cx.get("default").map(|d| self.json_value(&d));
        if let Some(examples) = cx.get("examples")
            && self.expect_seq(&examples)
        {
            s.examples = examples
                .items()
                .iter()
                .map(|e| self.json_value(e))
                .collect();
        }
        if let Some(example) = cx.get("example") {
            s.examples.push(self.json_value(&example));
        }
        s.deprecated = self.opt_bool(cx, "deprecated").unwrap_or(false);
        s.read_only = self.opt_bool(cx, "readOnly").unwrap_or(false);
        s.write_only = self.opt_bool(cx, "writeOnly").unwrap_or(false);
        if let Some(map) = cx.map() {
            for (k, e) in map.iter() {
                if k.starts_with("x-") {
                    s.extensions.insert(k.to_owned(), e.value.to_json());
                }
            }
        }
    }

    fn read_type(&mut self, cx: &Cx<'_>, s: &mut Schema) {
        let Some(t) = cx.get("type") else { return };
        let names: Vec<Cx<'_>> = match &t.node.value {
            Value::Str(_) => vec![t.clone()],
            Value::Seq(_) => t.items(),
            _ => {
                let d = self.error(
                    "wrong-type",
                    format!(
                        "`type` must be a type name or a list of them, found {}",
                        t.node.kind()
                    ),
                    &t,
                );
                self.push(d);
                return;
            }
        };
        for name_cx in names {
            let Some(name) = name_cx.node.as_str() else {
                let d = self.error(
                    "wrong-type",
                    format!(
                        "a type name must be a string, found {}",
                        name_cx.node.kind()
                    ),
                    &name_cx,
                );
                self.push(d);
                continue;
            };
            let ty = match (JsonType::parse(name), JsonType::parse_legacy(name)) {
                (Some(ty), _) => ty,
                (None, Some(ty)) => {
                    let lenient = self.options.lenient;
                    let d = legacy_type(self.error("legacy-type", "", &name_cx), name, ty, lenient);
                    self.push(d);
                    if !lenient {
                        continue;
                    }
                    ty
                }
                (None, None) => {
                    let mut d = self
                        .error(
                            "unknown-type",
                            format!("`{name}` is not a JSON Schema type"),
                            &name_cx,
                        )
                        .label("unknown type");
                    let closest = TYPE_NAMES
                        .iter()
                        .min_by_key(|candidate| edit_distance(candidate, name))
                        .filter(|c| edit_distance(c, name) <= 2);
                    d = match closest {
                        Some(c) => d.hint(format!("did you mean `{c}`?")),
                        None => d.hint(
                            "types are string, integer, number, boolean, object, array and null",
                        ),
                    };
                    self.push(d);
                    continue;
                }
            };
            match ty {
                JsonType::Null => s.nullable = true,
                ty if !s.types.contains(&ty) => s.types.push(ty),
                _ => {}
            }
        }
    }

    /// `exclusiveMinimum`/`exclusiveMaximum`: a number (draft 6+) or, in
    /// draft-04 style, `true` to make `minimum`/`maximum` exclusive.
    fn exclusive(
        &mut self,
        cx: &Cx<'_>,
        key: &str,
        bound: &mut Option<serde_json::Number>,
    ) -> Option<serde_json::Number> {
        let field = cx.get(key)?;
        match field.node.value {
            Value::Bool(true) => bound.take(),
            Value::Bool(false) => None,
            _ => self.opt_number(cx, key),
        }
    }

    fn additional(&mut self, cx: &Cx<'_>, depth: usize) -> AdditionalProperties {
        match cx.node.value {
            Value::Bool(b) => AdditionalProperties::Bool(b),
            _ => AdditionalProperties::Schema(self.schema_at_depth(cx, depth)),
        }
    }

    /// Reads a `oneOf`/`anyOf`/`allOf` list. `{type: "null"}` alternatives
    /// are dropped and set `nullable` instead.
    fn alternatives(
        &mut self,
        cx: &Cx<'_>,
        key: &str,
        depth: usize,
        nullable: &mut bool,
    ) -> Option<Vec<crate::model::SchemaId>> {
        let list = cx.get(key)?;
        if !self.expect_seq(&list) {
            return None;
        }
        let items = list.items();
        if items.is_empty() {
            let d = self.error("empty-list", format!("`{key}` must not be empty"), &list);
            self.push(d);
            return None;
        }
        let mut out = Vec::new();
        for item in &items {
            if is_null_schema(item) && key != "allOf" {
                *nullable = true;
                continue;
            }
            out.push(self.schema_at_depth(item, depth));
        }
        if out.is_empty() {
            // Every alternative is `null`: keep them so the type is `null`.
            out = items
                .iter()
                .map(|i| self.schema_at_depth(i, depth))
                .collect();
        }
        Some(out)
    }

    /// A schema that accepts anything, located at `cx`.
    fn any_schema(&mut self, cx: &Cx<'_>) -> SchemaId {
        let id = SchemaId(self.schemas.len());
        self.schemas.push(Schema {
            origin: Some(cx.origin()),
            ..Schema::default()
        });
        id
    }
}

/// The diagnostic of a type name older specs use (`float`): a warning in
/// lenient mode, where it is read as `ty`; otherwise an error whose hint
/// names the fix and `--lenient`.
fn legacy_type(
    at: crate::diagnostic::Diagnostic,
    name: &str,
    ty: JsonType,
    lenient: bool,
) -> crate::diagnostic::Diagnostic {
    let mut d = at;
    d.message = format!("`{name}` is not a JSON Schema type");
    if lenient {
        d.severity = crate::diagnostic::Severity::Warning;
        d.message
            .push_str(&format!("; read as `{ty}` (lenient mode)"));
        d.label(format!("read as `{ty}`")).hint(format!(
            "write `{ty}`: the MOV does not know `{name}` either, and drops the registration \
             of a spec whose channel payloads use it"
        ))
    } else {
        d.label("not a JSON Schema type").hint(format!(
            "write `{ty}`, or pass --lenient (`Builder::lenient(true)`) to read `{name}` as \
             `{ty}` with a warning"
        ))
    }
}

/// `{type: "null"}` alone.
fn is_null_schema(cx: &Cx<'_>) -> bool {
    let Some(map) = cx.map() else { return false };
    map.iter()
        .all(|(k, _)| k == "type" || k == "description" || k == "title")
        && map.get("type").and_then(|t| t.as_str()) == Some("null")
}

/// The name of a schema defined under `components/schemas`, `definitions` or
/// `$defs`.
fn schema_name(cx: &Cx<'_>) -> Option<String> {
    let segments = cx.ptr.segments();
    match segments {
        [.., components, schemas, name] if components == "components" && schemas == "schemas" => {
            Some(name.clone())
        }
        [.., defs, name] if defs == "definitions" || defs == "$defs" => Some(name.clone()),
        _ => None,
    }
}

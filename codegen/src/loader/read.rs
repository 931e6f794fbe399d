//! Typed reads of document fields, with a diagnostic for every value of the
//! wrong type.

use crate::model::Origin;
use crate::node::{Mapping, Node, Value};
use crate::pointer::JsonPointer;
use crate::source::FileId;

use super::Loader;

/// A node together with the file and JSON pointer it was reached by.
#[derive(Clone)]
pub(crate) struct Cx<'n> {
    pub(crate) file: FileId,
    pub(crate) ptr: JsonPointer,
    pub(crate) node: &'n Node,
}

impl<'n> Cx<'n> {
    pub(crate) fn root(file: FileId, node: &'n Node) -> Self {
        Cx {
            file,
            ptr: JsonPointer::root(),
            node,
        }
    }

    pub(crate) fn map(&self) -> Option<&'n Mapping> {
        self.node.as_map()
    }

    /// The child at `key`, when this node is a mapping that has it.
    pub(crate) fn get(&self, key: &str) -> Option<Cx<'n>> {
        let node = self.map()?.get(key)?;
        Some(Cx {
            file: self.file,
            ptr: self.ptr.join(key),
            node,
        })
    }

    /// The entries of a mapping node.
    pub(crate) fn entries(&self) -> Vec<(&'n str, Cx<'n>)> {
        match self.map() {
            Some(map) => map
                .iter()
                .map(|(k, e)| {
                    (
                        k,
                        Cx {
                            file: self.file,
                            ptr: self.ptr.join(k),
                            node: &e.value,
                        },
                    )
                })
                .collect(),
            None => Vec::new(),
        }
    }

    /// The items of a sequence node.
    pub(crate) fn items(&self) -> Vec<Cx<'n>> {
        match self.node.as_seq() {
            Some(items) => items
                .iter()
                .enumerate()
                .map(|(i, node)| Cx {
                    file: self.file,
                    ptr: self.ptr.index(i),
                    node,
                })
                .collect(),
            None => Vec::new(),
        }
    }

    pub(crate) fn origin(&self) -> Origin {
        Origin {
            span: self.node.span,
            pointer: self.ptr.clone(),
        }
    }

    /// The `$ref` string, when this node is a reference object.
    pub(crate) fn reference(&self) -> Option<Cx<'n>> {
        self.get("$ref")
    }
}

impl Loader {
    /// Reports an error unless the node is a mapping.
    pub(crate) fn expect_map(&mut self, cx: &Cx<'_>) -> bool {
        if cx.map().is_some() {
            return true;
        }
        let field = cx.ptr.last().unwrap_or("the document").to_owned();
        let d = self.error(
            "wrong-type",
            format!("`{field}` must be a mapping, found {}", cx.node.kind()),
            cx,
        );
        self.push(d);
        false
    }

    /// Reports an error unless the node is a sequence.
    pub(crate) fn expect_seq(&mut self, cx: &Cx<'_>) -> bool {
        if cx.node.as_seq().is_some() {
            return true;
        }
        let field = cx.ptr.last().unwrap_or("the document").to_owned();
        let d = self.error(
            "wrong-type",
            format!("`{field}` must be a list, found {}", cx.node.kind()),
            cx,
        );
        self.push(d);
        false
    }

    /// A string field; a value of another type is an error.
    pub(crate) fn opt_string(&mut self, cx: &Cx<'_>, key: &str) -> Option<String> {
        let field = cx.get(key)?;
        match &field.node.value {
            Value::Str(s) => Some(s.clone()),
            Value::Null => None,
            _ => {
                let hint = match &field.node.value {
                    Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                        Some(format!("quote the value to make it a string: {key}: '...'"))
                    }
                    _ => None,
                };
                let mut d = self.error(
                    "wrong-type",
                    format!("`{key}` must be a string, found {}", field.node.kind()),
                    &field,
                );
                if let Some(h) = hint {
                    d = d.hint(h);
                }
                self.push(d);
                None
            }
        }
    }

    /// A string field the specification requires.
    pub(crate) fn required_string(&mut self, cx: &Cx<'_>, key: &str) -> Option<String> {
        if cx.get(key).is_none() {
            let owner = cx.ptr.last().unwrap_or("the document").to_owned();
            let d = self
                .error("missing-field", format!("`{owner}` has no `{key}`"), cx)
                .hint(format!("AsyncAPI requires `{key}` here"));
            self.push(d);
            return None;
        }
        self.opt_string(cx, key)
    }

    /// A boolean field.
    pub(crate) fn opt_bool(&mut self, cx: &Cx<'_>, key: &str) -> Option<bool> {
        let field = cx.get(key)?;
        match field.node.value {
            Value::Bool(b) => Some(b),
            Value::Null => None,
            _ => {
                let d = self.error(
                    "wrong-type",
                    format!("`{key}` must be true or false, found {}", field.node.kind()),
                    &field,
                );
                self.push(d);
                None
            }
        }
    }

    /// A non-negative integer field.
    pub(crate) fn opt_u64(&mut self, cx: &Cx<'_>, key: &str) -> Option<u64> {
        let field = cx.get(key)?;
        match field.node.value {
            Value::Int(i) if i >= 0 => Some(i as u64),
            Value::Float(f) if f >= 0.0 && f.fract() == 0.0 && f < u64::MAX as f64 => {
                Some(f as u64)
            }
            Value::Null => None,
            _ => {
                let d = self.error(
                    "wrong-type",
                    format!(
                        "`{key}` must be a non-negative integer, found {}",
                        describe(field.node)
                    ),
                    &field,
                );
                self.push(d);
                None
            }
        }
    }

    /// A number field.
    pub(crate) fn opt_number(&mut self, cx: &Cx<'_>, key: &str) -> Option<serde_json::Number> {
        let field = cx.get(key)?;
        match field.node.value {
            Value::Int(i) => Some(i.into()),
            Value::Float(f) => match serde_json::Number::from_f64(f) {
                Some(n) => Some(n),
                None => {
                    let d = self.error(
                        "wrong-type",
                        format!("`{key}` must be a finite number"),
                        &field,
                    );
                    self.push(d);
                    None
                }
            },
            Value::Null => None,
            _ => {
                let d = self.error(
                    "wrong-type",
                    format!("`{key}` must be a number, found {}", field.node.kind()),
                    &field,
                );
                self.push(d);
                None
            }
        }
    }

    /// A value as JSON, for `const`, `enum`, `default` and `examples`. JSON has no infinite
    /// or NaN numbers, so a `.inf` or `.nan` anywhere in it is an error at its place (it would
    /// otherwise become `null`, and change what the schema accepts).
    pub(crate) fn json_value(&mut self, cx: &Cx<'_>) -> serde_json::Value {
        let mut stack = vec![cx.clone()];
        while let Some(at) = stack.pop() {
            match &at.node.value {
                Value::Float(f) if !f.is_finite() => {
                    let written = self
                        .sources
                        .get(at.file)
                        .text()
                        .get(at.node.span.start.offset..at.node.span.end.offset)
                        .unwrap_or_default()
                        .to_owned();
                    let d = self
                        .error(
                            "non-finite-number",
                            format!("`{written}` is not a finite number, and JSON has no other"),
                            &at,
                        )
                        .hint("a schema value must be a JSON value: write a finite number, or a string such as '.inf'");
                    self.push(d);
                }
                Value::Seq(_) => stack.extend(at.items()),
                Value::Map(_) => stack.extend(at.entries().into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
        cx.node.to_json()
    }

    /// A list of strings.
    pub(crate) fn string_list(&mut self, cx: &Cx<'_>, key: &str) -> Vec<String> {
        let Some(field) = cx.get(key) else {
            return Vec::new();
        };
        if !self.expect_seq(&field) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for item in field.items() {
            match item.node.as_str() {
                Some(s) => out.push(s.to_owned()),
                None => {
                    let d = self.error(
                        "wrong-type",
                        format!(
                            "items of `{key}` must be strings, found {}",
                            item.node.kind()
                        ),
                        &item,
                    );
                    self.push(d);
                }
            }
        }
        out
    }
}

fn describe(node: &Node) -> String {
    match &node.value {
        Value::Int(i) => format!("`{i}`"),
        Value::Float(f) => format!("`{f}`"),
        _ => node.kind().to_owned(),
    }
}

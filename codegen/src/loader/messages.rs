//! Messages: `$ref`s (lenient for dangling ones when asked), traits,
//! payload schema formats, and names.

use crate::model::{Message, MessageId, Payload};
use crate::node::{Mapping, Node, Value};
use crate::pointer::JsonPointer;

use super::{Cx, Loader};

/// Schema formats whose payloads are JSON Schema / AsyncAPI schemas.
fn is_json_schema_format(format: &str) -> bool {
    let format = format.trim();
    format.starts_with("application/vnd.aai.asyncapi")
        || format.starts_with("application/schema+json")
        || format.starts_with("application/schema+yaml")
}

impl Loader {
    /// Registers every entry of `components/messages`, so that unused
    /// messages exist in the model and dangling references can suggest them.
    pub(crate) fn read_component_messages(&mut self, root: &Cx<'_>) {
        let Some(messages) = root.get("components").and_then(|c| c.get("messages")) else {
            return;
        };
        if !self.expect_map(&messages) {
            return;
        }
        for (name, entry) in messages.entries() {
            self.message(&entry, name);
        }
    }

    /// Reads the message at `cx` (a Message Object or a reference to one).
    /// Returns `None` when it cannot be used; the reason is reported.
    pub(crate) fn message(&mut self, cx: &Cx<'_>, fallback_name: &str) -> Option<MessageId> {
        let resolved = match self.follow(cx) {
            Ok(r) => r,
            Err(e) if e.dangling && self.options.lenient => {
                let reference = cx
                    .reference()
                    .and_then(|r| r.node.as_str().map(str::to_owned))
                    .unwrap_or_default();
                return Some(self.untyped_message(cx, reference, e.diagnostic));
            }
            Err(e) => {
                let mut d = e.diagnostic;
                if e.dangling && d.hint.is_none() {
                    d = d.hint("pass --lenient to load it with an untyped payload");
                }
                self.push(d);
                return None;
            }
        };
        let target = match &resolved {
            Some(r) => r.cx()?,
            None => cx.clone(),
        };
        let key = (target.file, target.ptr.clone());
        if let Some(id) = self.message_ids.get(&key) {
            return Some(*id);
        }
        if !self.expect_map(&target) {
            return None;
        }
        let merged = self.apply_traits(&target);
        let msg = match &merged {
            Some(node) => Cx {
                file: target.file,
                ptr: target.ptr.clone(),
                node,
            },
            None => target.clone(),
        };
        let component_key = component_key(&target.ptr, "messages");
        let name = component_key
            .clone()
            .or_else(|| self.opt_string(&msg, "name"))
            .or_else(|| self.opt_string(&msg, "messageId"))
            .unwrap_or_else(|| fallback_name.to_owned());
        let content_type = self
            .opt_string(&msg, "contentType")
            .or_else(|| self.default_content_type.clone());
        let payload = self.payload(&msg);
        let headers = msg.get("headers").map(|h| self.schema(&h));
        let message = Message {
            name,
            component_key,
            title: self.opt_string(&msg, "title"),
            summary: self.opt_string(&msg, "summary"),
            description: self.opt_string(&msg, "description"),
            content_type,
            payload,
            headers,
            bindings: self.message_bindings(&msg),
            origin: target.origin(),
        };
        let id = MessageId(self.messages.len());
        self.messages.push(message);
        self.message_ids.insert(key, id);
        Some(id)
    }

    /// A message whose `$ref` does not resolve, loaded leniently: one per
    /// reference string, with an untyped payload and a warning.
    fn untyped_message(
        &mut self,
        cx: &Cx<'_>,
        reference: String,
        diagnostic: crate::diagnostic::Diagnostic,
    ) -> MessageId {
        let mut warning = diagnostic;
        warning.severity = crate::diagnostic::Severity::Warning;
        warning.message = format!(
            "{}; its payload is untyped JSON (lenient mode)",
            warning.message
        );
        self.push(warning);
        let key = (
            cx.file,
            JsonPointer::root().join("$untyped").join(reference.clone()),
        );
        if let Some(id) = self.message_ids.get(&key) {
            return *id;
        }
        let name = reference
            .rsplit('/')
            .next()
            .filter(|s| !s.is_empty())
            .unwrap_or("message")
            .to_owned();
        let id = MessageId(self.messages.len());
        self.messages.push(Message {
            name,
            component_key: None,
            title: None,
            summary: None,
            description: None,
            content_type: self.default_content_type.clone(),
            payload: Payload::Untyped { reference },
            headers: None,
            bindings: Default::default(),
            origin: cx.origin(),
        });
        self.message_ids.insert(key, id);
        id
    }

    fn payload(&mut self, msg: &Cx<'_>) -> Payload {
        let Some(payload) = msg.get("payload") else {
            return Payload::None;
        };
        let format = self.opt_string(msg, "schemaFormat");
        // AsyncAPI 3.0 Multi Format Schema Object: {schemaFormat, schema}.
        let (schema_cx, format) = match (payload.get("schemaFormat"), payload.get("schema")) {
            (Some(f), Some(schema)) if self.version.major == 3 => {
                (schema, f.node.as_str().map(str::to_owned))
            }
            _ => (payload, format),
        };
        if let Some(format) = &format
            && !is_json_schema_format(format)
        {
            let at = msg.get("schemaFormat").unwrap_or_else(|| schema_cx.clone());
            let d = self
                .error(
                    "schema-format",
                    format!("payloads in `{format}` are not supported"),
                    &at,
                )
                .hint("write the payload as an AsyncAPI/JSON Schema; VALAWAI messages are JSON");
            self.push(d);
            return Payload::None;
        }
        Payload::Schema(self.schema(&schema_cx))
    }

    /// Applies message or operation `traits`. AsyncAPI 2.x merges each trait
    /// into the object as a JSON Merge Patch (the trait wins); 3.0 keeps the
    /// object's own values. Returns the merged object, or `None` when there
    /// are no traits.
    pub(crate) fn apply_traits(&mut self, cx: &Cx<'_>) -> Option<Node> {
        let traits = cx.get("traits")?;
        if !self.expect_seq(&traits) {
            return None;
        }
        let mut merged = cx.node.clone();
        let trait_wins = self.version.major == 2;
        for item in traits.items() {
            let Some(target) = self.deref(&item) else {
                continue;
            };
            let Some(trait_node) = target.cx().map(|c| c.node.clone()) else {
                continue;
            };
            let Value::Map(trait_map) = trait_node.value else {
                let d = self.error(
                    "wrong-type",
                    format!("a trait must be a mapping, found {}", trait_node.kind()),
                    &item,
                );
                self.push(d);
                continue;
            };
            if let Value::Map(target) = &mut merged.value {
                merge(target, &trait_map, trait_wins);
            }
        }
        if let Value::Map(target) = &mut merged.value {
            let mut without = Mapping::default();
            for (k, e) in target.iter() {
                if k != "traits" {
                    without.insert(k.to_owned(), e.key_span, e.value.clone());
                }
            }
            *target = without;
        }
        Some(merged)
    }
}

fn merge(target: &mut Mapping, patch: &Mapping, patch_wins: bool) {
    let mut out = Mapping::default();
    for (k, e) in target.iter() {
        match patch.entry(k) {
            Some(p) if patch_wins => match (&e.value.value, &p.value.value) {
                (Value::Map(a), Value::Map(b)) => {
                    let mut a = a.clone();
                    merge(&mut a, b, true);
                    let mut node = e.value.clone();
                    node.value = Value::Map(a);
                    out.insert(k.to_owned(), e.key_span, node);
                }
                (_, Value::Null) => {}
                _ => {
                    out.insert(k.to_owned(), p.key_span, p.value.clone());
                }
            },
            _ => {
                out.insert(k.to_owned(), e.key_span, e.value.clone());
            }
        }
    }
    for (k, p) in patch.iter() {
        if !target.contains_key(k) && !matches!(p.value.value, Value::Null) {
            out.insert(k.to_owned(), p.key_span, p.value.clone());
        }
    }
    *target = out;
}

/// `name` when `ptr` is `.../components/<section>/<name>`.
pub(crate) fn component_key(ptr: &JsonPointer, section: &str) -> Option<String> {
    match ptr.segments() {
        [.., components, s, name] if components == "components" && s == section => {
            Some(name.clone())
        }
        _ => None,
    }
}

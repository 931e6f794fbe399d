//! AsyncAPI 3.0 structure: channels with `address` and `messages`, and
//! top-level `operations` with `action: send|receive`.

use crate::model::{Channel, ChannelId, Direction, Operation, OperationKeyword, Schema, SchemaId};
use crate::node::Value;

use super::bindings::is_null;
use super::refs::Resolved;
use super::{Cx, Loader};

impl Loader {
    pub(crate) fn read_v3(&mut self, root: &Cx<'_>) {
        self.read_servers(root);
        self.read_component_messages(root);
        if let Some(channels) = root.get("channels")
            && self.expect_map(&channels)
        {
            for (key, entry) in channels.entries() {
                self.channel_v3(key, &entry);
            }
        }
        if let Some(operations) = root.get("operations")
            && self.expect_map(&operations)
        {
            for (key, entry) in operations.entries() {
                self.operation_v3(key, &entry);
            }
        }
    }

    fn channel_v3(&mut self, key: &str, entry: &Cx<'_>) {
        let Some(target) = self.deref_map(entry) else {
            return;
        };
        let Some(channel) = target.cx() else { return };
        let address = match channel.get("address") {
            Some(a) if is_null(&a) => key.to_owned(),
            Some(_) => self
                .opt_string(&channel, "address")
                .unwrap_or_else(|| key.to_owned()),
            None => key.to_owned(),
        };
        let id = ChannelId(self.channels.len());
        let (channel_cx_file, channel_cx_ptr) = (channel.file, channel.ptr.clone());
        let parameters = self.parameters(&channel);
        let mut messages = Vec::new();
        if let Some(list) = channel.get("messages")
            && self.expect_map(&list)
        {
            for (name, m) in list.entries() {
                if let Some(mid) = self.message(&m, name) {
                    // Operations refer to `#/channels/<key>/messages/<name>`.
                    self.message_ids.insert((m.file, m.ptr.clone()), mid);
                    if !messages.contains(&mid) {
                        messages.push(mid);
                    }
                }
            }
        }
        let channel = Channel {
            key: key.to_owned(),
            address,
            title: self.opt_string(&channel, "title"),
            summary: self.opt_string(&channel, "summary"),
            description: self.opt_string(&channel, "description"),
            parameters,
            messages,
            bindings: self.channel_bindings(&channel),
            origin: entry.origin(),
        };
        let target_key = (channel_cx_file, channel_cx_ptr);
        self.channels.push(channel);
        self.channel_ids.insert((entry.file, entry.ptr.clone()), id);
        self.channel_ids.insert(target_key, id);
        self.check_address_parameters(id, entry);
    }

    fn operation_v3(&mut self, key: &str, entry: &Cx<'_>) {
        let Some(target) = self.deref_map(entry) else {
            return;
        };
        let Some(op) = target.cx() else { return };
        let merged = self.apply_traits(&op);
        let op = match &merged {
            Some(node) => Cx {
                file: op.file,
                ptr: op.ptr.clone(),
                node,
            },
            None => op,
        };
        let action = self.required_string(&op, "action");
        let (direction, keyword) = match action.as_deref() {
            Some("send") => (Direction::Send, OperationKeyword::Send),
            Some("receive") => (Direction::Receive, OperationKeyword::Receive),
            Some(other) => {
                let at = op.get("action").unwrap_or_else(|| op.clone());
                let d = self
                    .error(
                        "bad-action",
                        format!("`action` must be `send` or `receive`, found `{other}`"),
                        &at,
                    )
                    .hint("`send`: the component publishes; `receive`: it consumes");
                self.push(d);
                return;
            }
            None => return,
        };
        let Some(channel_ref) = op.get("channel") else {
            let d = self
                .error(
                    "missing-field",
                    format!("operation `{key}` has no `channel`"),
                    &op,
                )
                .hint("add `channel: {$ref: '#/channels/<name>'}`");
            self.push(d);
            return;
        };
        let Some(channel) = self.channel_of(&channel_ref) else {
            return;
        };
        let messages = match op.get("messages") {
            None => self.channels[channel.0].messages.clone(),
            Some(list) => {
                let mut out = Vec::new();
                if self.expect_seq(&list) {
                    for item in list.items() {
                        if let Some(m) = self.operation_message(&item, channel) {
                            out.push(m);
                        }
                    }
                }
                out
            }
        };
        let operation = Operation {
            id: Some(key.to_owned()),
            channel,
            direction,
            keyword,
            summary: self.opt_string(&op, "summary"),
            description: self.opt_string(&op, "description"),
            messages,
            bindings: self.operation_bindings(&op),
            origin: entry.origin(),
        };
        self.operations.push(operation);
    }

    /// `item`, which must be a `$ref` (a `wrong-type` error with `message` and `hint`
    /// otherwise), and what it resolves to (a dangling one is an error).
    fn required_ref<'n>(
        &mut self,
        item: &Cx<'n>,
        message: &str,
        hint: &str,
    ) -> Option<(Cx<'n>, Resolved)> {
        let Some(r) = item.reference() else {
            let d = self.error("wrong-type", message, item).hint(hint);
            self.push(d);
            return None;
        };
        match self.resolve_ref(&r) {
            Ok(target) => Some((r, target)),
            Err(e) => {
                self.push(e.diagnostic);
                None
            }
        }
    }

    /// The channel an operation's `channel: {$ref}` points at.
    fn channel_of(&mut self, channel_ref: &Cx<'_>) -> Option<ChannelId> {
        let (r, target) = self.required_ref(
            channel_ref,
            "an operation's `channel` must be a `$ref` to a channel",
            "write `channel: {$ref: '#/channels/<name>'}`",
        )?;
        if let Some(id) = self.channel_ids.get(&(target.file, target.ptr.clone())) {
            return Some(*id);
        }
        let d = self
            .error(
                "bad-ref",
                "an operation's `channel` must refer to an entry of `channels`",
                &r,
            )
            .hint("refer to `#/channels/<name>`, not to `components/channels`");
        self.push(d);
        None
    }

    /// A message of an operation: a `$ref` to one of its channel's messages.
    fn operation_message(
        &mut self,
        item: &Cx<'_>,
        channel: ChannelId,
    ) -> Option<crate::model::MessageId> {
        let (r, target) = self.required_ref(
            item,
            "an operation's messages must be `$ref`s to messages of its channel",
            "write `- $ref: '#/channels/<channel>/messages/<message>'`",
        )?;
        let id = match self.message_ids.get(&(target.file, target.ptr.clone())) {
            Some(id) => *id,
            None => {
                let cx = target.cx()?;
                let name = target.ptr.last().unwrap_or("message").to_owned();
                self.message(&cx, &name)?
            }
        };
        if !self.channels[channel.0].messages.contains(&id) {
            let address = self.channels[channel.0].address.clone();
            let d = self
                .error(
                    "message-not-in-channel",
                    format!("this message is not one of the messages of channel `{address}`"),
                    &r,
                )
                .hint("an operation may only use messages its channel lists");
            self.push(d);
            return None;
        }
        Some(id)
    }

    /// 3.0 parameters have no schema: they are strings, optionally limited
    /// by `enum`. Build the equivalent string schema.
    pub(crate) fn parameter_schema_v3(&mut self, param: &Cx<'_>) -> SchemaId {
        let mut schema = Schema {
            origin: Some(param.origin()),
            types: vec![crate::model::JsonType::String],
            ..Schema::default()
        };
        schema.description = self.opt_string(param, "description");
        if let Some(values) = param.get("enum")
            && self.expect_seq(&values)
        {
            schema.enum_values = Some(values.items().iter().map(|v| v.node.to_json()).collect());
        }
        schema.default = param.get("default").map(|d| d.node.to_json());
        if let Some(examples) = param.get("examples")
            && self.expect_seq(&examples)
        {
            schema.examples = examples
                .items()
                .iter()
                .filter(|e| matches!(e.node.value, Value::Str(_)))
                .map(|e| e.node.to_json())
                .collect();
        }
        let id = SchemaId(self.schemas.len());
        self.schemas.push(schema);
        id
    }
}

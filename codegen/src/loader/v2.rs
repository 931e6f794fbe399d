//! AsyncAPI 2.x structure: channel items with `publish`/`subscribe`.

use crate::model::{
    Channel, ChannelId, Dialect, Direction, Operation, OperationKeyword, Parameter, Server,
};

use super::{Cx, Loader};

impl Loader {
    pub(crate) fn read_v2(&mut self, root: &Cx<'_>) {
        self.read_servers(root);
        self.read_component_messages(root);
        let Some(channels) = root.get("channels") else {
            let d = self
                .error("missing-field", "the document has no `channels`", root)
                .hint("AsyncAPI 2.x requires `channels`; the MOV rejects a spec without them");
            self.push(d);
            return;
        };
        if !self.expect_map(&channels) {
            return;
        }
        for (key, entry) in channels.entries() {
            self.channel_v2(key, &entry);
        }
    }

    fn channel_v2(&mut self, key: &str, entry: &Cx<'_>) {
        let Some(target) = self.deref_map(entry) else {
            return;
        };
        let Some(item) = target.cx() else { return };
        let id = ChannelId(self.channels.len());
        let parameters = self.parameters(&item);
        let channel = Channel {
            key: key.to_owned(),
            address: key.to_owned(),
            title: None,
            summary: None,
            description: self.opt_string(&item, "description"),
            parameters,
            messages: Vec::new(),
            bindings: self.channel_bindings(&item),
            origin: entry.origin(),
        };
        self.channels.push(channel);
        self.channel_ids.insert((entry.file, entry.ptr.clone()), id);
        self.check_address_parameters(id, entry);

        for (word, keyword) in [
            ("subscribe", OperationKeyword::Subscribe),
            ("publish", OperationKeyword::Publish),
        ] {
            let Some(op) = item.get(word) else { continue };
            if !self.expect_map(&op) {
                continue;
            }
            let direction = match (self.options.dialect, keyword) {
                (Dialect::Valawai, OperationKeyword::Subscribe)
                | (Dialect::Standard, OperationKeyword::Publish) => Direction::Receive,
                _ => Direction::Send,
            };
            let merged = self.apply_traits(&op);
            let op = match &merged {
                Some(node) => Cx {
                    file: op.file,
                    ptr: op.ptr.clone(),
                    node,
                },
                None => op,
            };
            let fallback = default_message_name(key);
            let mut messages = Vec::new();
            if let Some(message) = op.get("message") {
                match message.get("oneOf") {
                    Some(list) if message.reference().is_none() => {
                        if self.expect_seq(&list) {
                            for (i, alternative) in list.items().iter().enumerate() {
                                let name = format!("{fallback}_{}", i + 1);
                                messages.extend(self.message(alternative, &name));
                            }
                        }
                    }
                    _ => messages.extend(self.message(&message, &fallback)),
                }
            }
            for m in &messages {
                if !self.channels[id.0].messages.contains(m) {
                    self.channels[id.0].messages.push(*m);
                }
            }
            let operation = Operation {
                id: self.opt_string(&op, "operationId"),
                channel: id,
                direction,
                keyword,
                summary: self.opt_string(&op, "summary"),
                description: self.opt_string(&op, "description"),
                messages,
                bindings: self.operation_bindings(&op),
                origin: op.origin(),
            };
            self.operations.push(operation);
        }
    }

    /// `parameters` of a channel: 2.x Parameter Objects with a `schema`, or
    /// 3.0 ones with `enum`/`default`/`examples`.
    pub(crate) fn parameters(&mut self, channel: &Cx<'_>) -> Vec<Parameter> {
        let Some(params) = channel.get("parameters") else {
            return Vec::new();
        };
        if !self.expect_map(&params) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (name, entry) in params.entries() {
            let Some(target) = self.deref_map(&entry) else {
                continue;
            };
            let Some(param) = target.cx() else { continue };
            let schema = if self.version.major == 2 {
                param.get("schema").map(|s| self.schema(&s))
            } else {
                Some(self.parameter_schema_v3(&param))
            };
            out.push(Parameter {
                name: name.to_owned(),
                description: self.opt_string(&param, "description"),
                schema,
                origin: entry.origin(),
            });
        }
        out
    }

    /// Every `{name}` in the address must be a declared parameter.
    pub(crate) fn check_address_parameters(&mut self, id: ChannelId, at: &Cx<'_>) {
        let channel = &self.channels[id.0];
        let used = address_parameters(&channel.address);
        let declared: Vec<String> = channel.parameters.iter().map(|p| p.name.clone()).collect();
        let address = channel.address.clone();
        for name in &used {
            if !declared.contains(name) {
                let d = self
                    .error(
                        "undeclared-parameter",
                        format!("the address `{address}` uses `{{{name}}}`, which is not in `parameters`"),
                        at,
                    )
                    .hint(format!("declare it under `parameters: {name}:` with a schema"));
                self.push(d);
            }
        }
        for param in &self.channels[id.0].parameters.clone() {
            if !used.contains(&param.name) {
                let d = crate::diagnostic::Diagnostic::warning(
                    "unused-parameter",
                    format!(
                        "parameter `{}` does not appear in the address `{address}`",
                        param.name
                    ),
                )
                .at(
                    &self.sources,
                    param.origin.span,
                    Some(param.origin.pointer.clone()),
                );
                self.push(d);
            }
        }
    }

    pub(crate) fn read_servers(&mut self, root: &Cx<'_>) {
        let Some(servers) = root.get("servers") else {
            return;
        };
        if !self.expect_map(&servers) {
            return;
        }
        for (name, entry) in servers.entries() {
            let Some(target) = self.deref_map(&entry) else {
                continue;
            };
            let Some(server) = target.cx() else { continue };
            let protocol = self
                .required_string(&server, "protocol")
                .unwrap_or_default();
            let url = if self.version.major == 2 {
                self.required_string(&server, "url").unwrap_or_default()
            } else {
                let host = self.required_string(&server, "host").unwrap_or_default();
                let path = self.opt_string(&server, "pathname").unwrap_or_default();
                format!("{protocol}://{host}{path}")
            };
            let server = Server {
                name: name.to_owned(),
                url,
                protocol,
                protocol_version: self.opt_string(&server, "protocolVersion"),
                description: self.opt_string(&server, "description"),
                origin: entry.origin(),
            };
            self.servers.push(server);
        }
    }
}

/// The `{names}` in a channel address, in order.
pub(crate) fn address_parameters(address: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = address;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.is_empty() && !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
        rest = &after[end + 1..];
    }
    out
}

/// A message name derived from a channel address, for inline messages
/// without a name: its last segment that is not a parameter.
pub(crate) fn default_message_name(address: &str) -> String {
    address
        .split(['/', '.'])
        .rev()
        .find(|s| !s.is_empty() && !s.contains('{'))
        .unwrap_or("message")
        .to_owned()
}

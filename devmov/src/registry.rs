//! What the development MOV remembers: components, connections and logs, in memory. Channels
//! are kept as the runtime's MOV types, and every record gives its MOV payload
//! (`valawai::mov::protocol`).

use valawai::mov::protocol::{
    ChannelSchema, ComponentPayload, ComponentType, ConnectionPayload, NodePayload,
    NotificationPayload,
};

/// A log record received on `valawai/log/add`.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRecord {
    /// `DEBUG`, `INFO`, `WARN` or `ERROR`.
    pub level: String,
    /// The message.
    pub message: String,
    /// The payload, a string (usually JSON).
    pub payload: Option<String>,
    /// The component that logged, when it said so.
    pub component_id: Option<String>,
    /// When the MOV received it, in seconds since the epoch.
    pub timestamp: i64,
}

/// A registered component, as the MOV stores it.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentRecord {
    /// The id the MOV gave it (24 hexadecimal digits).
    pub id: String,
    /// The registered name, e.g. `c1_echo_example_with_rust_and_lapin`.
    pub name: String,
    /// `info.description` of its spec.
    pub description: Option<String>,
    /// The registered version.
    pub version: String,
    /// `info.version` of its spec.
    pub api_version: Option<String>,
    /// Its type.
    pub component_type: ComponentType,
    /// When it registered, in seconds since the epoch.
    pub since: i64,
    /// Its channels as the MOV translated them (a channel's name is its `id`).
    pub channels: Vec<ChannelSchema>,
    /// When it unregistered; `None` while it is live.
    pub finished: Option<i64>,
}

/// The name of a translated channel.
pub(crate) fn channel_name(channel: &ChannelSchema) -> &str {
    channel.id.as_deref().unwrap_or_default()
}

impl ComponentRecord {
    /// The `component_payload` the MOV sends for it, empty fields left out as the MOV's JSON
    /// mapping does. An `api_version` that is not `\d+\.\d+\.\d+` (the payload's
    /// constraint, which a component's runtime checks) is left out too.
    pub fn to_payload(&self) -> ComponentPayload {
        ComponentPayload {
            id: self.id.as_str().try_into().ok(),
            name: Some(self.name.clone()),
            description: self.description.clone().filter(|d| !d.is_empty()),
            version: self.version.as_str().try_into().ok(),
            api_version: self.api_version.as_deref().and_then(|v| v.try_into().ok()),
            type_: Some(self.component_type),
            since: u64::try_from(self.since).ok(),
            channels: (!self.channels.is_empty()).then(|| self.channels.clone()),
        }
    }

    /// The channel named `name`.
    pub(crate) fn channel(&self, name: &str) -> Option<&ChannelSchema> {
        self.channels.iter().find(|c| channel_name(c) == name)
    }
}

/// One end of a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The component's id.
    pub component_id: String,
    /// The channel (queue) name.
    pub channel_name: String,
}

impl Node {
    /// The `node_payload` of this end.
    pub fn to_payload(&self) -> NodePayload {
        NodePayload {
            component_id: self.component_id.as_str().try_into().ok(),
            channel_name: Some(self.channel_name.clone()),
        }
    }
}

/// A C2 component told about the messages through a connection.
#[derive(Debug, Clone, PartialEq)]
pub struct NotificationRecord {
    /// The C2 component and its notification channel.
    pub target: Node,
    /// Whether messages are sent to it.
    pub enabled: bool,
    /// JavaScript to convert the message; the development MOV cannot run it.
    pub converter_js_code: Option<String>,
}

/// A connection from a channel one component publishes on to a channel another receives on.
#[derive(Debug, Clone, PartialEq)]
pub struct ConnectionRecord {
    /// The connection's id.
    pub id: String,
    /// Seconds since the epoch.
    pub create_timestamp: i64,
    /// Seconds since the epoch.
    pub update_timestamp: i64,
    /// Where messages come from.
    pub source: Node,
    /// Where they go.
    pub target: Node,
    /// Whether messages are routed.
    pub enabled: bool,
    /// JavaScript to convert the message; the development MOV cannot run it.
    pub converter_js_code: Option<String>,
    /// The C2 components told about the messages.
    pub notifications: Vec<NotificationRecord>,
}

impl ConnectionRecord {
    /// The `connection_payload` of a connection page.
    pub fn to_payload(&self) -> ConnectionPayload {
        let notifications = self
            .notifications
            .iter()
            .map(|n| NotificationPayload {
                target: Some(n.target.to_payload()),
                enabled: Some(n.enabled),
                converter_js_code: n.converter_js_code.clone(),
            })
            .collect::<Vec<_>>();
        ConnectionPayload {
            id: self.id.as_str().try_into().ok(),
            create_timestamp: Some(self.create_timestamp),
            update_timestamp: Some(self.update_timestamp),
            source: Some(self.source.to_payload()),
            target: Some(self.target.to_payload()),
            enabled: Some(self.enabled),
            converter_js_code: self.converter_js_code.clone(),
            notifications: (!notifications.is_empty()).then_some(notifications),
        }
    }
}

/// Everything the development MOV knows.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub(crate) components: Vec<ComponentRecord>,
    pub(crate) connections: Vec<ConnectionRecord>,
    pub(crate) logs: Vec<LogRecord>,
}

impl Registry {
    /// The live component with this id.
    pub(crate) fn live(&self, id: &str) -> Option<&ComponentRecord> {
        self.components
            .iter()
            .find(|c| c.id == id && c.finished.is_none())
    }

    pub(crate) fn connection_mut(&mut self, id: &str) -> Option<&mut ConnectionRecord> {
        self.connections.iter_mut().find(|c| c.id == id)
    }

    /// Whether an enabled connection still takes messages from `channel`.
    pub(crate) fn routes_from(&self, channel: &str) -> bool {
        self.connections
            .iter()
            .any(|c| c.enabled && c.source.channel_name == channel)
    }
}

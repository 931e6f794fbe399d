//! What the development MOV remembers: components, connections and logs, in memory.

use serde_json::{Map, Value, json};
use valawai_codegen::mov::MovChannel;

use crate::events::LogRecord;

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
    /// `C0`, `C1` or `C2`.
    pub component_type: String,
    /// When it registered, in seconds since the epoch.
    pub since: i64,
    /// Its channels as the MOV translated them.
    pub channels: Vec<MovChannel>,
    /// When it unregistered; `None` while it is live.
    pub finished: Option<i64>,
}

impl ComponentRecord {
    /// The `component_payload` the MOV sends for it, null and empty fields left out as the
    /// MOV's JSON mapping does.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.id));
        map.insert("name".into(), json!(self.name));
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            map.insert("description".into(), json!(d));
        }
        map.insert("version".into(), json!(self.version));
        if let Some(v) = self.api_version.as_ref().filter(|v| !v.is_empty()) {
            map.insert("api_version".into(), json!(v));
        }
        map.insert("type".into(), json!(self.component_type));
        map.insert("since".into(), json!(self.since));
        if !self.channels.is_empty() {
            let channels = self.channels.iter().map(MovChannel::to_json).collect();
            map.insert("channels".into(), Value::Array(channels));
        }
        Value::Object(map)
    }

    /// The channel named `name`.
    pub(crate) fn channel(&self, name: &str) -> Option<&MovChannel> {
        self.channels.iter().find(|c| c.name == name)
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
    pub(crate) fn to_json(&self) -> Value {
        json!({"component_id": self.component_id, "channel_name": self.channel_name})
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
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.id));
        map.insert("create_timestamp".into(), json!(self.create_timestamp));
        map.insert("update_timestamp".into(), json!(self.update_timestamp));
        map.insert("source".into(), self.source.to_json());
        map.insert("target".into(), self.target.to_json());
        map.insert("enabled".into(), json!(self.enabled));
        if let Some(code) = &self.converter_js_code {
            map.insert("converter_js_code".into(), json!(code));
        }
        if !self.notifications.is_empty() {
            let notifications = self
                .notifications
                .iter()
                .map(|n| {
                    let mut m = Map::new();
                    m.insert("target".into(), n.target.to_json());
                    m.insert("enabled".into(), json!(n.enabled));
                    if let Some(code) = &n.converter_js_code {
                        m.insert("converter_js_code".into(), json!(code));
                    }
                    Value::Object(m)
                })
                .collect();
            map.insert("notifications".into(), Value::Array(notifications));
        }
        Value::Object(map)
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

//! What happens in the development MOV, for people (`valawai mov` prints it) and for tests.

use serde_json::{Value, json};

use crate::registry::{ComponentRecord, ConnectionRecord};

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

/// Something the development MOV did or received.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// A component registered; the notification went to `channel` when it has a registered
    /// channel.
    Registered {
        /// The component as stored and sent.
        component: ComponentRecord,
        /// Its registered channel.
        channel: Option<String>,
    },
    /// A register message was refused, with the MOV's reason.
    Rejected {
        /// Why.
        reason: String,
    },
    /// A component unregistered.
    Unregistered {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
    },
    /// A log record arrived (the MOV's own logs are records too, without a component id).
    Log(LogRecord),
    /// A connection was created.
    Connected(ConnectionRecord),
    /// A connection was enabled, disabled or removed.
    ConnectionChanged {
        /// The connection.
        id: String,
        /// `ENABLE`, `DISABLE` or `REMOVE`.
        action: String,
    },
}

impl Event {
    /// The event as one JSON object, for `valawai mov --json`.
    pub fn to_json(&self) -> Value {
        match self {
            Event::Registered { component, channel } => json!({
                "event": "registered", "component": component.to_json(), "channel": channel}),
            Event::Rejected { reason } => json!({"event": "rejected", "reason": reason}),
            Event::Unregistered { id, name } => {
                json!({"event": "unregistered", "id": id, "name": name})
            }
            Event::Log(r) => json!({"event": "log", "level": r.level, "message": r.message,
                "payload": r.payload, "component_id": r.component_id, "timestamp": r.timestamp}),
            Event::Connected(c) => json!({"event": "connected", "connection": c.to_json()}),
            Event::ConnectionChanged { id, action } => {
                json!({"event": "connection_changed", "id": id, "action": action})
            }
        }
    }
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Event::Registered {
                component: c,
                channel,
            } => {
                write!(
                    f,
                    "registered {} {} ({}) as {}",
                    c.name, c.version, c.component_type, c.id
                )?;
                match channel {
                    Some(ch) => write!(f, ", notified on {ch}"),
                    None => write!(f, ", not notified: it has no registered channel"),
                }
            }
            Event::Rejected { reason } => write!(f, "refused a registration: {reason}"),
            Event::Unregistered { id, name } => write!(f, "unregistered {name} ({id})"),
            Event::Log(r) => {
                write!(f, "log {:<5} ", r.level)?;
                if let Some(id) = &r.component_id {
                    write!(f, "[{id}] ")?;
                }
                write!(f, "{}", r.message)?;
                if let Some(p) = &r.payload {
                    // Register messages carry a whole spec: show the start of long payloads.
                    match p.char_indices().nth(160) {
                        Some((cut, _)) => write!(f, " {}…", &p[..cut])?,
                        None => write!(f, " {p}")?,
                    }
                }
                Ok(())
            }
            Event::Connected(c) => write!(
                f,
                "connection {} {} -> {} ({})",
                c.id,
                c.source.channel_name,
                c.target.channel_name,
                if c.enabled { "enabled" } else { "disabled" }
            ),
            Event::ConnectionChanged { id, action } => write!(f, "connection {id}: {action}"),
        }
    }
}

//! What happens in the development MOV, for people (`valawai mov` prints it) and for tests.

use serde::Serialize;
use valawai::mov::protocol::{ComponentPayload, ConnectionPayload};

use crate::registry::{ComponentRecord, ConnectionRecord, LogRecord};
use crate::wire::Wire;

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

/// The JSON of an event: `event` names it, the other members are its fields.
#[derive(Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum View<'a> {
    Registered {
        component: Wire<'a, ComponentPayload>,
        channel: &'a Option<String>,
    },
    Rejected {
        reason: &'a str,
    },
    Unregistered {
        id: &'a str,
        name: &'a str,
    },
    Log {
        level: &'a str,
        message: &'a str,
        payload: &'a Option<String>,
        component_id: &'a Option<String>,
        timestamp: i64,
    },
    Connected {
        connection: ConnectionPayload,
    },
    ConnectionChanged {
        id: &'a str,
        action: &'a str,
    },
}

impl Event {
    /// The event as one JSON object, for `valawai mov --json`.
    pub fn to_json(&self) -> serde_json::Value {
        let component;
        let view = match self {
            Event::Registered {
                component: c,
                channel,
            } => {
                component = c.to_payload();
                View::Registered {
                    component: Wire(&component),
                    channel,
                }
            }
            Event::Rejected { reason } => View::Rejected { reason },
            Event::Unregistered { id, name } => View::Unregistered { id, name },
            Event::Log(r) => View::Log {
                level: &r.level,
                message: &r.message,
                payload: &r.payload,
                component_id: &r.component_id,
                timestamp: r.timestamp,
            },
            Event::Connected(c) => View::Connected {
                connection: c.to_payload(),
            },
            Event::ConnectionChanged { id, action } => View::ConnectionChanged { id, action },
        };
        serde_json::to_value(view).unwrap_or_default()
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

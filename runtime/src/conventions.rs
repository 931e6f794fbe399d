//! The wire conventions of VALAWAI, in one place: how a queue is declared, what a published
//! message carries, and the rule of the registered channel's address (the protocol reference,
//! sections 4 and 7.2).
//!
//! The runtime follows them, and so do the CLI, the development MOV, the benchmarks and the test
//! kit: anything here that changes, changes for all of them. The MOV's own channel addresses
//! are [`crate::protocol::channels`]; [`MOV_QUEUES`] lists those the MOV consumes.
//!
//! Where the broker is comes from the same variables everywhere ([`BrokerVariables`]); each
//! tool keeps its own defaults (a component's are the MOV's Docker ones, `mov-mq` and
//! `mov`/`password`, in [`Config`](crate::Config); the command line's and the benchmark's the
//! local broker).

use lapin::BasicProperties;
use lapin::options::QueueDeclareOptions;
use lapin::types::FieldTable;

use crate::protocol::{ComponentType, channels};

/// `content_type` of every VALAWAI message: the body is UTF-8 JSON.
pub const CONTENT_TYPE: &str = "application/json";

/// The flags the MOV declares a queue with, and so every component and tool: durable, not
/// exclusive, not auto-delete. A declaration with other flags of a queue the MOV declared fails
/// with `PRECONDITION_FAILED` and closes the channel (lapin's default is all false).
pub fn queue_declare_options() -> QueueDeclareOptions {
    QueueDeclareOptions {
        passive: false,
        durable: true,
        exclusive: false,
        auto_delete: false,
        nowait: false,
    }
}

/// The arguments the MOV declares a queue with: none. Dead-lettering, TTLs and queue types
/// on a queue the MOV may declare come from broker policies, not arguments.
pub fn queue_arguments() -> FieldTable {
    FieldTable::default()
}

/// The properties the MOV publishes with (`PublishService`): the content type and nothing
/// else, so the delivery mode is the broker's default (transient).
pub fn mov_properties() -> BasicProperties {
    BasicProperties::default().with_content_type(CONTENT_TYPE.into())
}

/// The properties a component publishes with: the content type and the delivery mode, 2
/// (persistent: written to disk by durable queues) or 1 (transient).
pub fn publish_properties(persistent: bool) -> BasicProperties {
    mov_properties().with_delivery_mode(if persistent { 2 } else { 1 })
}

/// The queues the MOV consumes: the MOV's channels it receives on (register, unregister, log,
/// queries, topology and notifications), declared by the MOV as [`queue_declare_options`] says.
pub const MOV_QUEUES: &[&str] = &[
    channels::REGISTER,
    channels::UNREGISTER,
    channels::COMPONENT_QUERY,
    channels::TOPOLOGY_CREATE,
    channels::TOPOLOGY_QUERY,
    channels::TOPOLOGY_CHANGE,
    channels::ADD,
    channels::NOTIFICATION_CREATE,
    channels::NOTIFICATION_CHANGE,
];

/// The variables that say where the broker is, as the VALAWAI components read them: a value
/// that is empty or only blanks is unset (the password excepted: an empty password is one).
///
/// `AMQP_ADDR` (one `amqp://` or `amqps://` URL, or several separated by commas) replaces the
/// `RABBITMQ_*` variables when it is set.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct BrokerVariables {
    /// `AMQP_ADDR`.
    pub amqp_addr: Option<String>,
    /// `RABBITMQ_HOST`.
    pub host: Option<String>,
    /// `RABBITMQ_PORT`, as written.
    pub port: Option<String>,
    /// `RABBITMQ_USERNAME`.
    pub username: Option<String>,
    /// `RABBITMQ_PASSWORD`.
    pub password: Option<String>,
}

impl std::fmt::Debug for BrokerVariables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // AMQP_ADDR may hold a password too.
        f.debug_struct("BrokerVariables")
            .field("amqp_addr", &self.amqp_addr.as_ref().map(|_| "<set>"))
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<set>"))
            .finish()
    }
}

/// `RABBITMQ_PORT` is not a port number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a port number")]
pub struct BadPort(pub String);

impl BrokerVariables {
    /// `AMQP_ADDR`.
    pub const AMQP_ADDR: &str = "AMQP_ADDR";
    /// `RABBITMQ_HOST`.
    pub const HOST: &str = "RABBITMQ_HOST";
    /// `RABBITMQ_PORT`.
    pub const PORT: &str = "RABBITMQ_PORT";
    /// `RABBITMQ_USERNAME`.
    pub const USERNAME: &str = "RABBITMQ_USERNAME";
    /// `RABBITMQ_PASSWORD`.
    pub const PASSWORD: &str = "RABBITMQ_PASSWORD";

    /// The variables as `lookup` gives them.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        Self {
            amqp_addr: get(Self::AMQP_ADDR),
            host: get(Self::HOST),
            port: get(Self::PORT),
            username: get(Self::USERNAME),
            password: lookup(Self::PASSWORD),
        }
    }

    /// The variables of this process's environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// The first URL of `AMQP_ADDR`.
    pub fn first_url(&self) -> Option<&str> {
        self.amqp_addr
            .as_deref()
            .and_then(|urls| urls.split(',').map(str::trim).find(|u| !u.is_empty()))
    }

    /// `RABBITMQ_PORT` as a number, when it is set.
    pub fn port(&self) -> Result<Option<u16>, BadPort> {
        self.port
            .as_deref()
            .map(|p| p.trim().parse().map_err(|_| BadPort(p.to_owned())))
            .transpose()
    }
}

/// Whether `s` is a `\w+` of the MOV's Java patterns: ASCII letters, digits and `_`, at least one.
pub fn is_word(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The address of a component's registered channel: `valawai/<c0|c1|c2>/<name>/control/registered`.
pub fn registered_address(component_type: ComponentType, name: &str) -> String {
    format!(
        "valawai/{}/{name}/control/registered",
        component_type.channel_segment()
    )
}

/// The component type and name in a registered channel's address, when `address` is one as the
/// MOV recognises it: a full match of `valawai/c[012]/\w+/control/registered`.
///
/// ```
/// use valawai::mov::protocol::ComponentType;
/// use valawai::conventions::parse_registered_address;
///
/// let parsed = parse_registered_address("valawai/c1/echo/control/registered");
/// assert_eq!(parsed, Some((ComponentType::C1, "echo")));
/// assert_eq!(parse_registered_address("valawai/c1/echo/data/in"), None);
/// ```
pub fn parse_registered_address(address: &str) -> Option<(ComponentType, &str)> {
    let rest = address.strip_prefix("valawai/")?;
    let (segment, rest) = rest.split_once('/')?;
    let name = rest.strip_suffix("/control/registered")?;
    let component_type = match segment {
        "c0" => ComponentType::C0,
        "c1" => ComponentType::C1,
        "c2" => ComponentType::C2,
        _ => return None,
    };
    is_word(name).then_some((component_type, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queues_are_declared_as_the_mov_declares_them() {
        let o = queue_declare_options();
        assert!(o.durable && !o.exclusive && !o.auto_delete && !o.passive && !o.nowait);
        assert!(queue_arguments().inner().is_empty());
    }

    #[test]
    fn published_messages_are_json() {
        let p = publish_properties(true);
        assert_eq!(
            p.content_type().as_ref().map(|c| c.as_str()),
            Some(CONTENT_TYPE)
        );
        assert_eq!(*p.delivery_mode(), Some(2));
        assert_eq!(*mov_properties().delivery_mode(), None);
    }

    #[test]
    fn broker_variables() {
        let vars = BrokerVariables::from_lookup(|name| match name {
            "AMQP_ADDR" => Some(" amqp://a, amqp://b".into()),
            "RABBITMQ_HOST" => Some("  ".into()),
            "RABBITMQ_PORT" => Some(" 5673 ".into()),
            "RABBITMQ_PASSWORD" => Some(String::new()),
            _ => None,
        });
        assert_eq!(vars.first_url(), Some("amqp://a"));
        assert_eq!(vars.host, None);
        assert_eq!(vars.port(), Ok(Some(5673)));
        assert_eq!(vars.password.as_deref(), Some(""));
        let bad = BrokerVariables {
            port: Some("x".into()),
            ..BrokerVariables::default()
        };
        assert_eq!(bad.port(), Err(BadPort("x".into())));
        assert!(!format!("{vars:?}").contains("amqp://a"));
    }

    #[test]
    fn registered_addresses() {
        let a = registered_address(ComponentType::C2, "watch");
        assert_eq!(a, "valawai/c2/watch/control/registered");
        assert_eq!(
            parse_registered_address(&a),
            Some((ComponentType::C2, "watch"))
        );
        for bad in [
            "valawai/c3/x/control/registered",
            "valawai/c1/a-b/control/registered",
            "valawai/c1//control/registered",
            "valawai/c1/x/control/registered/y",
            "valawai/c1/x/y/control/registered",
        ] {
            assert_eq!(parse_registered_address(bad), None, "{bad}");
        }
    }
}

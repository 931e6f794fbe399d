//! The wire conventions of VALAWAI, in one place: how a queue is declared, what a published
//! message carries, and the rule of the registered channel's address (the protocol reference,
//! sections 4 and 7.2).
//!
//! The runtime follows them, and so do the CLI, the development MOV, the benchmarks and the test
//! kit: anything here that changes, changes for all of them. The MOV's own channel addresses
//! are [`crate::mov::protocol::channels`].

use lapin::BasicProperties;
use lapin::options::QueueDeclareOptions;
use lapin::types::FieldTable;

use crate::mov::protocol::ComponentType;
use crate::publisher::DeliveryMode;

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

/// The properties a component publishes with: the content type and the delivery mode.
pub fn publish_properties(delivery_mode: DeliveryMode) -> BasicProperties {
    mov_properties().with_delivery_mode(delivery_mode.amqp())
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
/// use valawai::ComponentType;
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
        let p = publish_properties(DeliveryMode::Persistent);
        assert_eq!(p.content_type().as_ref().map(|c| c.as_str()), Some(CONTENT_TYPE));
        assert_eq!(*p.delivery_mode(), Some(2));
        assert_eq!(*mov_properties().delivery_mode(), None);
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

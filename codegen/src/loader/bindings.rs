//! AMQP 0-9-1 bindings of channels, operations and messages.

use crate::model::{
    AmqpChannelBinding, AmqpExchange, AmqpMessageBinding, AmqpOperationBinding, AmqpQueue,
    ChannelBindings, MessageBindings, OperationBindings,
};
use crate::node::Value;

use super::{Cx, Loader};

impl Loader {
    /// The `amqp` entry of a `bindings` object, following a `$ref` to
    /// `components/...Bindings`. Other protocols are ignored.
    fn amqp_binding<T>(
        &mut self,
        owner: &Cx<'_>,
        read: impl FnOnce(&mut Self, &Cx<'_>) -> T,
    ) -> Option<T> {
        let bindings = owner.get("bindings")?;
        let target = self.deref_map(&bindings)?;
        let bindings = target.cx()?;
        let amqp = bindings.get("amqp")?;
        if !self.expect_map(&amqp) {
            return None;
        }
        Some(read(self, &amqp))
    }

    pub(crate) fn channel_bindings(&mut self, owner: &Cx<'_>) -> ChannelBindings {
        ChannelBindings {
            amqp: self.amqp_binding(owner, |l, amqp| {
                let is = l.opt_string(amqp, "is");
                if let (Some(is), Some(at)) = (&is, amqp.get("is"))
                    && is != "queue"
                    && is != "routingKey"
                {
                    let d = l
                        .error(
                            "bad-binding",
                            format!("`is` must be `queue` or `routingKey`, found `{is}`"),
                            &at,
                        )
                        .hint("see the AMQP bindings of AsyncAPI");
                    l.push(d);
                }
                let queue = amqp.get("queue").and_then(|q| {
                    l.expect_map(&q).then(|| AmqpQueue {
                        name: l.opt_string(&q, "name"),
                        durable: l.opt_bool(&q, "durable"),
                        exclusive: l.opt_bool(&q, "exclusive"),
                        auto_delete: l.opt_bool(&q, "autoDelete"),
                        vhost: l.opt_string(&q, "vhost"),
                    })
                });
                let exchange = amqp.get("exchange").and_then(|x| {
                    l.expect_map(&x).then(|| AmqpExchange {
                        name: l.opt_string(&x, "name"),
                        kind: l.opt_string(&x, "type"),
                        durable: l.opt_bool(&x, "durable"),
                        auto_delete: l.opt_bool(&x, "autoDelete"),
                        vhost: l.opt_string(&x, "vhost"),
                    })
                });
                AmqpChannelBinding {
                    is,
                    queue,
                    exchange,
                    binding_version: l.opt_string(amqp, "bindingVersion"),
                }
            }),
        }
    }

    pub(crate) fn operation_bindings(&mut self, owner: &Cx<'_>) -> OperationBindings {
        OperationBindings {
            amqp: self.amqp_binding(owner, |l, amqp| {
                let delivery_mode = l.opt_u64(amqp, "deliveryMode").and_then(|m| {
                    if m == 1 || m == 2 {
                        Some(m as u8)
                    } else {
                        let at = amqp.get("deliveryMode").unwrap_or_else(|| amqp.clone());
                        let d = l.error(
                            "bad-binding",
                            format!(
                                "`deliveryMode` must be 1 (transient) or 2 (persistent), found {m}"
                            ),
                            &at,
                        );
                        l.push(d);
                        None
                    }
                });
                let priority = l.opt_u64(amqp, "priority").map(|p| p.min(255) as u8);
                AmqpOperationBinding {
                    expiration: l.opt_u64(amqp, "expiration"),
                    user_id: l.opt_string(amqp, "userId"),
                    cc: l.string_list(amqp, "cc"),
                    priority,
                    delivery_mode,
                    mandatory: l.opt_bool(amqp, "mandatory"),
                    bcc: l.string_list(amqp, "bcc"),
                    timestamp: l.opt_bool(amqp, "timestamp"),
                    ack: l.opt_bool(amqp, "ack"),
                    binding_version: l.opt_string(amqp, "bindingVersion"),
                }
            }),
        }
    }

    pub(crate) fn message_bindings(&mut self, owner: &Cx<'_>) -> MessageBindings {
        MessageBindings {
            amqp: self.amqp_binding(owner, |l, amqp| AmqpMessageBinding {
                content_encoding: l.opt_string(amqp, "contentEncoding"),
                message_type: l.opt_string(amqp, "messageType"),
                binding_version: l.opt_string(amqp, "bindingVersion"),
            }),
        }
    }
}

/// Whether a node is `null` (used by 3.0 `address: null`).
pub(crate) fn is_null(cx: &Cx<'_>) -> bool {
    matches!(cx.node.value, Value::Null)
}

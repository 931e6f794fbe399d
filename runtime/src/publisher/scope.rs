//! What one received message shares between the runtime and its handler: the message's
//! metadata, the confirms of what the handler published, and the watchdog on its waits.
//!
//! One allocation per message: the channel's task creates the scope when the delivery arrives
//! and keeps a reference for its watchdog; the handler's [`crate::Context`], its publisher and
//! its MOV logger hold the others.

use std::sync::Arc;

use lapin::BasicProperties;

use super::Outbox;
use crate::watchdog::Watch;

/// The metadata of the message being handled: its AMQP properties, kept as lapin delivered them
/// (no copy).
#[derive(Debug)]
pub(crate) struct MessageMeta {
    pub channel: Arc<str>,
    pub properties: BasicProperties,
    pub redelivered: bool,
}

/// The scope of one received message.
#[derive(Debug)]
pub(crate) struct MessageScope {
    pub meta: MessageMeta,
    /// What the current handler attempt published, waiting for its confirms.
    pub outbox: Outbox,
    /// The watchdog on the handler's publishes and on the confirms.
    pub watch: Watch,
}

impl MessageScope {
    pub(crate) fn new(channel: Arc<str>, properties: BasicProperties, redelivered: bool) -> Self {
        Self {
            meta: MessageMeta {
                channel,
                properties,
                redelivered,
            },
            outbox: Outbox::default(),
            watch: Watch::default(),
        }
    }

    /// Starts a handler attempt: what an earlier attempt published is no longer awaited, and
    /// the watchdog starts afresh.
    pub(crate) fn begin_attempt(&self) {
        self.outbox.clear();
        self.watch.reset();
    }
}

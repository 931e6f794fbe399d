//! What a handler gets besides its payload: a publisher, the MOV logger and the message's
//! metadata.

use std::sync::Arc;

use lapin::types::FieldTable;

use crate::mov::Mov;
use crate::publisher::Publisher;
use crate::scope::MessageScope;

/// The context of one handler call.
///
/// `P` is the publisher the handler sees: the generated typed publisher (built from the raw
/// [`Publisher`] with `From<Publisher>`), or the raw one.
#[derive(Debug)]
pub struct Context<P = Publisher> {
    publisher: P,
    mov: Mov,
    scope: Arc<MessageScope>,
    attempt: u32,
}

impl Context<Publisher> {
    pub(crate) fn new(
        publisher: Publisher,
        mov: Mov,
        scope: Arc<MessageScope>,
        attempt: u32,
    ) -> Self {
        Self {
            publisher,
            mov,
            scope,
            attempt,
        }
    }

    /// Converts the raw publisher into the typed one generated code defines.
    pub fn typed<Q: From<Publisher>>(self) -> Context<Q> {
        Context {
            publisher: Q::from(self.publisher),
            mov: self.mov,
            scope: self.scope,
            attempt: self.attempt,
        }
    }
}

impl<P> Context<P> {
    /// The publisher. Inside a handler a publish returns once the message is sent; the runtime
    /// acks the input only after the broker confirmed every message the handler published.
    pub fn publisher(&self) -> &P {
        &self.publisher
    }

    /// The MOV logger (`debug`, `info`, `warn`, `error`), with this component's id.
    pub fn mov(&self) -> &Mov {
        &self.mov
    }

    /// The channel address the message came from.
    pub fn channel(&self) -> &str {
        &self.scope.meta.channel
    }

    /// The AMQP `message_id` property, if the sender set one.
    pub fn message_id(&self) -> Option<&str> {
        self.scope
            .meta
            .properties
            .message_id()
            .as_ref()
            .map(|id| id.as_str())
    }

    /// The AMQP `correlation_id` property, if the sender set one.
    pub fn correlation_id(&self) -> Option<&str> {
        self.scope
            .meta
            .properties
            .correlation_id()
            .as_ref()
            .map(|id| id.as_str())
    }

    /// `true` if the broker delivered this message before (to this or another consumer), for
    /// example before a reconnection. Handlers should be idempotent.
    pub fn redelivered(&self) -> bool {
        self.scope.meta.redelivered
    }

    /// The AMQP headers, if any.
    pub fn headers(&self) -> Option<&FieldTable> {
        self.scope.meta.properties.headers().as_ref()
    }

    /// 1 for the first call of the handler for this message, 2 for the retry.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }
}

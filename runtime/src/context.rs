//! What a handler gets besides its payload: a publisher, the MOV logger and the message's
//! metadata.

use std::sync::Arc;

use lapin::BasicProperties;
use lapin::types::{AMQPValue, FieldTable};

use crate::mov::Mov;
use crate::properties::{MessageProperties, header_text};
use crate::publisher::Publisher;
use crate::publisher::scope::MessageScope;

/// The context of one handler call.
///
/// `P` is the publisher the handler sees: the generated typed publisher (built from the raw
/// [`Publisher`] with `From<Publisher>`), or the raw one.
#[derive(Debug)]
pub struct Context<P = Publisher> {
    publisher: P,
    /// The MOV logger; its publisher is the raw one underneath `publisher`, for
    /// [`Context::publisher_with`].
    mov: Mov,
    scope: Arc<MessageScope>,
    attempt: u32,
}

impl Context<Publisher> {
    /// The context of attempt `attempt` at the message of `scope`: `raw` and `mov` scoped to it,
    /// so that what the handler publishes and logs is awaited before the input is acked. The
    /// logger gets the same scoped publisher as the handler.
    pub(crate) fn new(raw: &Publisher, mov: &Mov, scope: Arc<MessageScope>, attempt: u32) -> Self {
        let publisher = raw.scoped(scope.clone());
        Self {
            mov: mov.with_publisher(publisher.clone()),
            publisher,
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
    /// The publisher. Inside a handler a publish returns once lapin has the message (queued for
    /// writing, in the order of the calls); the runtime acks the input only after every message
    /// the handler published was written and confirmed by the broker.
    pub fn publisher(&self) -> &P {
        &self.publisher
    }

    /// The publisher, publishing every message with `properties` (headers, `correlation_id`...):
    /// the typed publisher for generated code.
    ///
    /// ```no_run
    /// # mod echo { #[derive(Clone)] pub struct Publisher(valawai::Publisher);
    /// # impl From<valawai::Publisher> for Publisher { fn from(p: valawai::Publisher) -> Self { Self(p) } }
    /// # impl Publisher { pub async fn publish_message(&self, _: &str) -> Result<(), valawai::PublishError> { Ok(()) } } }
    /// # async fn example(ctx: valawai::Context<echo::Publisher>) -> valawai::HandlerResult {
    /// use valawai::MessageProperties;
    ///
    /// // Pass the caller's trace id on.
    /// let mut properties = MessageProperties::new();
    /// if let Some(trace) = ctx.header_str("x-trace-id") {
    ///     properties = properties.header("x-trace-id", trace);
    /// }
    /// ctx.publisher_with(properties).publish_message("hi").await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn publisher_with(&self, properties: MessageProperties) -> P
    where
        P: From<Publisher>,
    {
        P::from(self.mov.publisher().with_properties(properties))
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

    /// The value of header `name`, if the message has it.
    pub fn header(&self, name: &str) -> Option<&AMQPValue> {
        self.headers()?.inner().get(name)
    }

    /// The value of header `name` as text, if the message has it and it is a string in UTF-8.
    pub fn header_str(&self, name: &str) -> Option<&str> {
        header_text(self.header(name)?)
    }

    /// Every AMQP property of the message (`reply_to`, `timestamp`, `priority`...), as lapin
    /// reads them.
    pub fn properties(&self) -> &BasicProperties {
        &self.scope.meta.properties
    }

    /// 1 for the first call of the handler for this message, 2 for the retry.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }
}

//! AMQP headers and properties of the messages a component publishes, without going down to
//! lapin.

use std::time::Duration;

use lapin::BasicProperties;
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};

/// Headers and properties to publish a message with: see
/// [`Publisher::with_properties`](crate::Publisher::with_properties) and
/// [`Context::publisher_with`](crate::Context::publisher_with).
///
/// The runtime sets `content_type` (`application/json`), `delivery_mode` (the channel's
/// [`PublishSettings`](crate::PublishSettings)) and a unique `message_id` on every message;
/// what is set here comes on top, and a `message_id` set here replaces the runtime's. AMQP
/// short strings (the `message_id`, `correlation_id`, `reply_to`, `app_id` and header names)
/// hold at most 255 bytes: longer ones are cut.
///
/// ```
/// use std::time::Duration;
/// use valawai::MessageProperties;
///
/// let properties = MessageProperties::new()
///     .header("x-trace-id", "4bf92f3577b34da6")
///     .header("x-attempt", 2)
///     .correlation_id("request-17")
///     .expiration(Duration::from_secs(60));
/// assert!(properties.header_value("x-trace-id").is_some());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MessageProperties {
    headers: FieldTable,
    message_id: Option<ShortString>,
    correlation_id: Option<ShortString>,
    reply_to: Option<ShortString>,
    app_id: Option<ShortString>,
    priority: Option<u8>,
    expiration: Option<ShortString>,
    timestamp: Option<u64>,
}

impl MessageProperties {
    /// No header, no property.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the header `name`: a string, a boolean, an integer, a float, or any
    /// [`AMQPValue`].
    pub fn header(mut self, name: &str, value: impl IntoHeaderValue) -> Self {
        self.headers.insert(short(name), value.into_header_value());
        self
    }

    /// The value of header `name`, if set.
    pub fn header_value(&self, name: &str) -> Option<&AMQPValue> {
        self.headers.inner().get(name)
    }

    /// Sets the `message_id`, instead of the runtime's.
    pub fn message_id(mut self, id: &str) -> Self {
        self.message_id = Some(short(id));
        self
    }

    /// Sets the `correlation_id`.
    pub fn correlation_id(mut self, id: &str) -> Self {
        self.correlation_id = Some(short(id));
        self
    }

    /// Sets `reply_to`, the channel an answer is expected on.
    pub fn reply_to(mut self, channel: &str) -> Self {
        self.reply_to = Some(short(channel));
        self
    }

    /// Sets `app_id`.
    pub fn app_id(mut self, app: &str) -> Self {
        self.app_id = Some(short(app));
        self
    }

    /// Sets the priority (0 to 9 on RabbitMQ's priority queues).
    pub fn priority(mut self, priority: u8) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Sets the per-message TTL: the broker drops (or dead-letters) the message when it waited
    /// longer in a queue.
    pub fn expiration(mut self, ttl: Duration) -> Self {
        self.expiration = Some(ShortString::from(ttl.as_millis().to_string()));
        self
    }

    /// Sets the `timestamp`, in seconds since the Unix epoch.
    pub fn timestamp(mut self, seconds: u64) -> Self {
        self.timestamp = Some(seconds);
        self
    }

    /// `base` with these headers and properties on top.
    pub(crate) fn apply(&self, mut base: BasicProperties) -> BasicProperties {
        if !self.headers.inner().is_empty() {
            base = base.with_headers(self.headers.clone());
        }
        if let Some(id) = &self.message_id {
            base = base.with_message_id(id.clone());
        }
        if let Some(id) = &self.correlation_id {
            base = base.with_correlation_id(id.clone());
        }
        if let Some(to) = &self.reply_to {
            base = base.with_reply_to(to.clone());
        }
        if let Some(app) = &self.app_id {
            base = base.with_app_id(app.clone());
        }
        if let Some(priority) = self.priority {
            base = base.with_priority(priority);
        }
        if let Some(ttl) = &self.expiration {
            base = base.with_expiration(ttl.clone());
        }
        if let Some(seconds) = self.timestamp {
            base = base.with_timestamp(seconds);
        }
        base
    }
}

/// The most bytes an AMQP short string holds (a routing key, a queue name, a `message_id`).
pub(crate) const SHORT_STRING_BYTES: usize = 255;

/// `text` as an AMQP short string, cut to 255 bytes at a character boundary.
fn short(text: &str) -> ShortString {
    ShortString::from(short_prefix(text))
}

/// The longest start of `text` that fits an AMQP short string, cut at a character boundary.
pub(crate) fn short_prefix(text: &str) -> &str {
    let mut end = text.len().min(SHORT_STRING_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A value a header can hold: see [`MessageProperties::header`].
pub trait IntoHeaderValue {
    /// The AMQP value.
    fn into_header_value(self) -> AMQPValue;
}

impl IntoHeaderValue for AMQPValue {
    fn into_header_value(self) -> AMQPValue {
        self
    }
}

impl IntoHeaderValue for &str {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::LongString(LongString::from(self))
    }
}

impl IntoHeaderValue for String {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::LongString(LongString::from(self))
    }
}

impl IntoHeaderValue for bool {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::Boolean(self)
    }
}

impl IntoHeaderValue for i32 {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::LongInt(self)
    }
}

impl IntoHeaderValue for i64 {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::LongLongInt(self)
    }
}

impl IntoHeaderValue for u32 {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::LongLongInt(i64::from(self))
    }
}

impl IntoHeaderValue for f64 {
    fn into_header_value(self) -> AMQPValue {
        AMQPValue::Double(self)
    }
}

/// A header's value as text: a long or short string in UTF-8.
pub(crate) fn header_text(value: &AMQPValue) -> Option<&str> {
    match value {
        AMQPValue::LongString(s) => std::str::from_utf8(s.as_bytes()).ok(),
        AMQPValue::ShortString(s) => Some(s.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_come_on_top_of_the_runtimes() {
        let p = MessageProperties::new()
            .header("a", "x")
            .header("n", 7)
            .correlation_id("c")
            .priority(3)
            .expiration(Duration::from_millis(1500));
        let b = p.apply(BasicProperties::default().with_message_id("runtime".into()));
        assert_eq!(b.message_id().as_ref().map(|s| s.as_str()), Some("runtime"));
        assert_eq!(b.correlation_id().as_ref().map(|s| s.as_str()), Some("c"));
        assert_eq!(b.priority(), &Some(3));
        assert_eq!(b.expiration().as_ref().map(|s| s.as_str()), Some("1500"));
        let headers = b.headers().as_ref().unwrap().inner();
        assert_eq!(header_text(&headers["a"]), Some("x"));
        assert_eq!(headers["n"], AMQPValue::LongInt(7));
        let own = MessageProperties::new().message_id("mine");
        let b = own.apply(BasicProperties::default().with_message_id("runtime".into()));
        assert_eq!(b.message_id().as_ref().map(|s| s.as_str()), Some("mine"));
    }

    #[test]
    fn long_short_strings_are_cut_not_a_panic() {
        let p = MessageProperties::new().correlation_id(&"é".repeat(200));
        assert!(p.correlation_id.unwrap().as_str().len() <= 255);
    }
}

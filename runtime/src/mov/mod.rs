//! The Master Of VALAWAI: registration, logs, unregistration and the component-id file.

pub mod id_file;

pub mod protocol {
    //! The MOV's messages and channel addresses, as the MOV sends and accepts them on the wire.
    //!
    //! **Generated.** `runtime/src/protocol/generated.rs` is valawai-codegen's output for the MOV's
    //! AsyncAPI document (`fixtures/valawai/MOV/asyncapi.yaml`), committed so that the runtime
    //! builds without the generator; `codegen/tests/runtime_mov.rs` regenerates it and fails when
    //! the committed file differs (update it with `EXPECTORATE=overwrite cargo test -p
    //! valawai-codegen --test runtime_mov`). The options:
    //!
    //! - the spec is read in the standard dialect: it is the MOV's, and the runtime is the MOV's
    //!   client, so "the component sends" in the channel docs means the runtime (register,
    //!   unregister, log) and "receives" means the MOV's answers;
    //! - types and channel addresses only, no handler trait or publisher;
    //! - `valawai_codegen::mov::type_options()`, patches for what the MOV does differently from its
    //!   spec (protocol reference, sections 6.6 and 7.7): channel entries also accept `name` (the
    //!   spec says `id`), `REF` schemas also accept `identifier` (the spec says `value`), the
    //!   component payload also accepts `apiVersion` (the MOV's REST golden files), and the log
    //!   message (`maxLength: 1`) and the register name (a pattern that matches no name) are plain
    //!   `String`s;
    //! - the log level is named [`LogLevel`].
    //!
    //! Every member is optional and left out when `None`, as the MOV leaves out nulls. The runtime
    //! sends [`RegisterComponentPayload`], [`UnregisterComponentPayload`] and [`AddLogPayload`],
    //! and receives [`ComponentPayload`] on the registered channel.

    pub use crate::protocol::*;
}

pub(crate) mod restart;

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use tokio::sync::watch;

use crate::protocol::{AddLogPayload, AddLogPayloadComponentId, LogLevel};
use crate::publisher::Publisher;

/// The MOV's channel addresses.
///
/// The defaults are the protocol's. Tests that play the MOV on a shared broker give them a
/// unique prefix with [`MovChannels::with_prefix`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovChannels {
    /// `valawai/component/register`.
    pub register: String,
    /// `valawai/component/unregister`.
    pub unregister: String,
    /// `valawai/log/add`.
    pub log: String,
}

impl Default for MovChannels {
    fn default() -> Self {
        Self {
            register: protocol::channels::REGISTER.into(),
            unregister: protocol::channels::UNREGISTER.into(),
            log: protocol::channels::ADD.into(),
        }
    }
}

impl MovChannels {
    /// The protocol's channels with `prefix` in front (`prefix` + `valawai/...`).
    pub fn with_prefix(prefix: &str) -> Self {
        let d = Self::default();
        Self {
            register: format!("{prefix}{}", d.register),
            unregister: format!("{prefix}{}", d.unregister),
            log: format!("{prefix}{}", d.log),
        }
    }
}

/// The least severe level of the logs a component sends to the MOV (`VALAWAI_MOV_LOG_LEVEL`).
///
/// Logs below it, or all of them with [`MovLogLevel::Off`], are only logged locally through
/// `tracing`. The default, [`MovLogLevel::Debug`], sends everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum MovLogLevel {
    /// Send every log (the default).
    #[default]
    Debug,
    /// Send INFO, WARN and ERROR logs.
    Info,
    /// Send WARN and ERROR logs.
    Warn,
    /// Send ERROR logs only.
    Error,
    /// Send no log to the MOV.
    Off,
}

impl MovLogLevel {
    /// Whether a log at `level` goes to the MOV.
    pub fn sends(self, level: LogLevel) -> bool {
        let rank = match level {
            LogLevel::Debug => Self::Debug,
            LogLevel::Info => Self::Info,
            LogLevel::Warn => Self::Warn,
            LogLevel::Error => Self::Error,
        };
        rank >= self
    }
}

impl std::str::FromStr for MovLogLevel {
    type Err = String;

    /// `debug`, `info`, `warn` (or `warning`), `error` or `off` (or `none`), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "debug" => Ok(Self::Debug),
            "info" => Ok(Self::Info),
            "warn" | "warning" => Ok(Self::Warn),
            "error" => Ok(Self::Error),
            "off" | "none" => Ok(Self::Off),
            _ => Err(format!(
                "`{s}` is not a MOV log level (debug, info, warn, error or off)"
            )),
        }
    }
}

/// State shared by every clone of the MOV client of one component.
pub(crate) struct MovShared {
    channels: OnceLock<MovChannels>,
    level: OnceLock<MovLogLevel>,
    component_id: watch::Sender<Option<Arc<str>>>,
    /// Set while the MOV is away after it knew this component: its registration is likely
    /// lost (a MOV restart forgets every component), and the component registers again once
    /// the MOV is back.
    stale: AtomicBool,
}

impl Default for MovShared {
    fn default() -> Self {
        Self {
            channels: OnceLock::new(),
            level: OnceLock::new(),
            component_id: watch::Sender::new(None),
            stale: AtomicBool::new(false),
        }
    }
}

impl fmt::Debug for MovShared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MovShared")
            .field("component_id", &self.component_id())
            .finish_non_exhaustive()
    }
}

impl MovShared {
    pub(crate) fn configure(&self, channels: MovChannels, level: MovLogLevel) {
        let _ = self.channels.set(channels);
        let _ = self.level.set(level);
    }

    fn sends(&self, level: LogLevel) -> bool {
        self.level.get().copied().unwrap_or_default().sends(level)
    }

    pub(crate) fn channels(&self) -> &MovChannels {
        self.channels.get_or_init(MovChannels::default)
    }

    pub(crate) fn component_id(&self) -> Option<Arc<str>> {
        self.component_id.borrow().clone()
    }

    pub(crate) fn set_component_id(&self, id: Option<Arc<str>>) {
        self.component_id.send_replace(id);
    }

    pub(crate) fn stale(&self) -> bool {
        self.stale.load(Ordering::SeqCst)
    }

    pub(crate) fn set_stale(&self, stale: bool) {
        self.stale.store(stale, Ordering::SeqCst);
    }

    /// Follows the component id as registrations arrive.
    pub(crate) fn watch_component_id(&self) -> watch::Receiver<Option<Arc<str>>> {
        self.component_id.subscribe()
    }
}

/// The MOV client: logs to `valawai/log/add`, with this component's id once registered.
///
/// Each log is also logged locally through `tracing` at the same level; logs below
/// [`Config::mov_log_level`](crate::Config::mov_log_level) are only logged locally. A log is
/// built by [`Mov::info`] (or `debug`, `warn`, `error`, `log`), takes an optional payload with
/// [`MovLog::payload`], and is sent when awaited:
///
/// ```no_run
/// # async fn example(mov: valawai::mov::Mov) {
/// mov.info("Started").await;
/// mov.info("Received a message to echo")
///     .payload(&serde_json::json!({"content": "hi"}))
///     .await;
/// # }
/// ```
///
/// **A log never fails the message.** Awaiting a log returns `()`: a log the broker does not
/// take (the connection is down, the log queue refuses it, the publish times out) is logged
/// locally at WARN and counted as a failed publish on the log channel
/// ([`ComponentHandle::channel_counters`](crate::ComponentHandle::channel_counters)), and the
/// handler carries on. Inside a handler the input is acked without waiting for the log's
/// fate, so a lost log never makes the runtime handle (and publish) the message again.
#[derive(Clone, Debug)]
pub struct Mov {
    publisher: Publisher,
    shared: Arc<MovShared>,
}

impl Mov {
    pub(crate) fn new(publisher: Publisher, shared: Arc<MovShared>) -> Self {
        Self { publisher, shared }
    }

    /// The publisher its logs go through (in a handler's context, the handler's own).
    pub(crate) fn publisher(&self) -> &Publisher {
        &self.publisher
    }

    pub(crate) fn with_publisher(&self, publisher: Publisher) -> Self {
        Self {
            publisher,
            shared: self.shared.clone(),
        }
    }

    /// The id the MOV gave this component, once the registered notification arrived.
    pub fn component_id(&self) -> Option<Arc<str>> {
        self.shared.component_id()
    }

    /// A log at DEBUG level, sent when awaited.
    pub fn debug<'a>(&'a self, message: &'a str) -> MovLog<'a> {
        self.log(LogLevel::Debug, message)
    }

    /// A log at INFO level, sent when awaited.
    pub fn info<'a>(&'a self, message: &'a str) -> MovLog<'a> {
        self.log(LogLevel::Info, message)
    }

    /// A log at WARN level, sent when awaited.
    pub fn warn<'a>(&'a self, message: &'a str) -> MovLog<'a> {
        self.log(LogLevel::Warn, message)
    }

    /// A log at ERROR level, sent when awaited.
    pub fn error<'a>(&'a self, message: &'a str) -> MovLog<'a> {
        self.log(LogLevel::Error, message)
    }

    /// A log at `level`, sent when awaited.
    pub fn log<'a>(&'a self, level: LogLevel, message: &'a str) -> MovLog<'a> {
        MovLog {
            mov: self,
            level,
            message,
            payload: None,
            wanted: self.wanted(level),
        }
    }

    /// Whether a log at `level` goes anywhere: to the MOV, or to the local subscriber.
    fn wanted(&self, level: LogLevel) -> bool {
        self.shared.sends(level) || local_log_enabled(level)
    }

    /// Logs with a payload that is already a JSON text. Never fails: a log the broker does not
    /// take is logged locally at WARN (and counted by the publisher on the log channel).
    pub(crate) async fn log_raw(&self, level: LogLevel, message: &str, payload: Option<String>) {
        let p = payload.as_deref().unwrap_or("");
        match level {
            LogLevel::Error => tracing::error!(target: "valawai::mov", payload = p, "{message}"),
            LogLevel::Warn => tracing::warn!(target: "valawai::mov", payload = p, "{message}"),
            LogLevel::Info => tracing::info!(target: "valawai::mov", payload = p, "{message}"),
            LogLevel::Debug => tracing::debug!(target: "valawai::mov", payload = p, "{message}"),
        }
        if !self.shared.sends(level) {
            return;
        }
        let (message, payload) = fit_log(message, payload, MOV_LOG_MAX_BYTES);
        let record = AddLogPayload {
            level: Some(level),
            message: Some(message),
            payload,
            // The registered dispatcher kept only ids of 24 hexadecimal digits.
            component_id: self
                .component_id()
                .and_then(|id| AddLogPayloadComponentId::try_from(&*id).ok()),
        };
        let channel = &self.shared.channels().log;
        let body = match serde_json::to_vec(&record) {
            Ok(body) => body,
            Err(error) => {
                tracing::warn!(%error, "a log to the MOV could not be serialised; not sent");
                return;
            }
        };
        if let Err(error) = self.publisher.publish_log(channel, body).await {
            crate::publisher::warn_log_lost(&error);
        }
    }
}

/// One log to the MOV, sent when awaited (the await returns `()`: see [`Mov`]).
///
/// Built by [`Mov::info`] and its siblings; [`MovLog::payload`] adds a payload.
#[must_use = "a log to the MOV is sent only when awaited"]
#[derive(Debug)]
pub struct MovLog<'a> {
    mov: &'a Mov,
    level: LogLevel,
    message: &'a str,
    payload: Option<String>,
    /// Whether the log goes anywhere ([`Mov::wanted`], asked once when the log is made).
    wanted: bool,
}

impl MovLog<'_> {
    /// Adds a payload: any `Serialize` value, which travels as a JSON document encoded in a
    /// string, as the MOV expects. A value that serialises to `null` is left out, one that
    /// cannot be serialised is replaced by a note saying why.
    pub fn payload<T: Serialize + ?Sized>(mut self, payload: &T) -> Self {
        if !self.wanted {
            // Neither the MOV nor the local subscriber wants it: skip serialising the payload.
            return self;
        }
        self.payload = match serde_json::to_string(payload) {
            Ok(p) if p == "null" => None,
            Ok(p) => Some(p),
            Err(e) => Some(
                serde_json::to_string(&format!("<payload not serialisable: {e}>"))
                    .unwrap_or_default(),
            ),
        };
        self
    }

    /// Sends the log (what `.await` does).
    pub async fn send(self) {
        if !self.wanted {
            return;
        }
        self.mov
            .log_raw(self.level, self.message, self.payload)
            .await;
    }
}

impl<'a> std::future::IntoFuture for MovLog<'a> {
    type Output = ();
    type IntoFuture = MovLogSent<'a>;

    fn into_future(self) -> Self::IntoFuture {
        // A log nobody wants (the usual DEBUG, or INFO with the MOV's level above it) costs
        // no allocation: the echo logs twice per message.
        if !self.wanted {
            return MovLogSent(None);
        }
        MovLogSent(Some(Box::pin(self.mov.log_raw(
            self.level,
            self.message,
            self.payload,
        ))))
    }
}

/// The future of an awaited [`MovLog`]: done at once when nobody wants the log.
#[must_use = "futures do nothing unless polled"]
pub struct MovLogSent<'a>(
    Option<std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + 'a>>>,
);

impl std::fmt::Debug for MovLogSent<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MovLogSent")
            .field("sending", &self.0.is_some())
            .finish()
    }
}

impl std::future::Future for MovLogSent<'_> {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        match self.0.as_mut() {
            None => std::task::Poll::Ready(()),
            Some(sending) => {
                let done = sending.as_mut().poll(cx);
                if done.is_ready() {
                    self.0 = None;
                }
                done
            }
        }
    }
}

/// The largest `add_log` message sent to the MOV, in bytes. The development MOV refuses bodies
/// over 4 MiB (its channels' default `max_body_bytes`); the real MOV takes more (its RabbitMQ
/// client reads up to 64 MiB, and it stores a log as one MongoDB document, at most 16 MiB). So a
/// log is cut to fit the smaller, with room for the other members.
pub const MOV_LOG_MAX_BYTES: usize = 4 * 1024 * 1024 - 1024;

/// The message and payload of a log, cut so that the `add_log` JSON stays within `limit` bytes:
/// a payload that does not fit becomes a JSON string holding its beginning and a marker saying
/// how much was kept, and the message says so too (a message too long on its own is cut the
/// same way).
pub(crate) fn fit_log(
    message: &str,
    payload: Option<String>,
    limit: usize,
) -> (String, Option<String>) {
    // Quoted (escaped) sizes, as they appear in the add_log JSON, plus the other members.
    let quoted = |text: &str| serde_json::to_string(text).map_or(text.len(), |q| q.len());
    const OTHERS: usize = 256;
    // Escaping makes a text at most 6 times longer (`\u00XX`): most logs need no measuring.
    let bound = |text: &str| text.len().saturating_mul(6) + 2;
    if bound(message) + payload.as_deref().map_or(0, bound) + OTHERS <= limit {
        return (message.to_owned(), payload);
    }
    let payload_size = payload.as_deref().map_or(0, quoted);
    if quoted(message) + payload_size + OTHERS <= limit {
        return (message.to_owned(), payload);
    }
    let message = cut_to(message, limit / 4, quoted, |kept, all| {
        format!(" [message cut by valawai-rs to {kept} of {all} bytes]")
    });
    let Some(payload) = payload else {
        return (message, None);
    };
    let all = payload.len();
    let room = limit.saturating_sub(quoted(&message) + OTHERS + 96);
    // The payload becomes a JSON string (quoted once more inside the log).
    let twice = |text: &str| quoted(&serde_json::to_string(text).unwrap_or_default());
    let kept = cut_to(&payload, room, twice, |kept, all| {
        format!(" [payload cut by valawai-rs to {kept} of {all} bytes]")
    });
    let message = format!("{message} (payload cut to fit the MOV's limit: {all} bytes)");
    (
        message,
        Some(serde_json::to_string(&kept).unwrap_or_default()),
    )
}

/// `text` cut (at a character boundary) so that `size` of the result, a marker included, is at
/// most `room`; unchanged when it fits.
fn cut_to(
    text: &str,
    room: usize,
    size: impl Fn(&str) -> usize,
    marker: impl Fn(usize, usize) -> String,
) -> String {
    if size(text) <= room {
        return text.to_owned();
    }
    let mut end = text.len().min(room);
    loop {
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let cut = format!("{}{}", &text[..end], marker(end, text.len()));
        let found = size(&cut);
        if found <= room || end == 0 {
            return cut;
        }
        // Escapes make the text longer than its bytes: shrink in proportion and try again.
        end = ((end as u128 * room as u128 / found as u128) as usize).min(end - 1);
    }
}

/// Whether the `tracing` subscriber records `valawai::mov` events at `level`.
fn local_log_enabled(level: LogLevel) -> bool {
    match level {
        LogLevel::Error => tracing::enabled!(target: "valawai::mov", tracing::Level::ERROR),
        LogLevel::Warn => tracing::enabled!(target: "valawai::mov", tracing::Level::WARN),
        LogLevel::Info => tracing::enabled!(target: "valawai::mov", tracing::Level::INFO),
        LogLevel::Debug => tracing::enabled!(target: "valawai::mov", tracing::Level::DEBUG),
    }
}

/// The form of a received body inside a MOV log's `payload` string: the body itself when it is
/// a JSON document of at most `limit` bytes, otherwise a JSON string holding its text (invalid
/// UTF-8 replaced), cut so that the result has at most `limit` bytes plus the two quotes.
/// Returns the payload and whether the text was cut.
pub(crate) fn body_for_log(body: &[u8], limit: usize) -> (String, bool) {
    if body.len() <= limit
        && let Ok(text) = std::str::from_utf8(body)
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return (text.to_owned(), false);
    }
    let full = String::from_utf8_lossy(&body[..body.len().min(limit.saturating_mul(4))]);
    let mut text: &str = &full;
    let mut cut = body.len() > text.len();
    loop {
        let quoted = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into());
        if quoted.len() <= limit + 2 {
            return (quoted, cut);
        }
        // Escapes make the quoted text longer: drop the excess and try again.
        let mut end = text
            .len()
            .saturating_sub(quoted.len() - limit - 2)
            .min(limit);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text = &text[..end];
        cut = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_are_cut_to_the_movs_limit_with_a_marker() {
        // A valid 3.9 MB message whose text is all quotes: escaped twice in the log, it would be
        // about four times as large.
        let body = format!("{{\"content\":\"{}\"}}", "\\\"".repeat(1_300_000));
        assert!(body.len() < 4_000_000);
        let (message, payload) = fit_log(
            "Received a message to echo",
            Some(body.clone()),
            MOV_LOG_MAX_BYTES,
        );
        let record = AddLogPayload {
            level: Some(LogLevel::Info),
            message: Some(message.clone()),
            payload: payload.clone(),
            component_id: None,
        };
        let json = serde_json::to_string(&record).unwrap();
        assert!(json.len() <= MOV_LOG_MAX_BYTES, "{} bytes", json.len());
        assert!(
            json.len() > MOV_LOG_MAX_BYTES - 64 * 1024,
            "cut too much: {}",
            json.len()
        );
        assert!(
            message.starts_with("Received a message to echo (payload cut"),
            "{message}"
        );
        let kept: String = serde_json::from_str(&payload.unwrap()).unwrap();
        assert!(body.starts_with(kept.split(" [payload cut").next().unwrap()));
        assert!(
            kept.ends_with(&format!("of {} bytes]", body.len())),
            "{}",
            &kept[kept.len() - 80..]
        );

        // What fits is left alone; a huge message alone is cut too.
        assert_eq!(
            fit_log("m", Some("{}".into()), MOV_LOG_MAX_BYTES),
            ("m".to_owned(), Some("{}".to_owned()))
        );
        let long = "é".repeat(3_000_000);
        let (message, payload) = fit_log(&long, None, MOV_LOG_MAX_BYTES);
        assert!(payload.is_none());
        assert!(message.len() <= MOV_LOG_MAX_BYTES / 4, "{}", message.len());
        assert!(message.ends_with("of 6000000 bytes]"));
    }

    #[test]
    fn a_json_body_is_kept_as_is() {
        assert_eq!(
            body_for_log(br#"{"a": [1]}"#, 100),
            (r#"{"a": [1]}"#.into(), false)
        );
        assert_eq!(body_for_log(b"[1,2]", 100), ("[1,2]".into(), false));
    }

    #[test]
    fn other_bodies_become_a_json_string() {
        assert_eq!(
            body_for_log(b"not json", 100),
            (r#""not json""#.into(), false)
        );
        let (p, cut) = body_for_log(b"\xff\xfeok", 100);
        assert!(!cut);
        let back: String = serde_json::from_str(&p).unwrap();
        assert_eq!(back, "\u{FFFD}\u{FFFD}ok");
        let big = vec![b'a'; 1000];
        let (p, cut) = body_for_log(&big, 10);
        assert!(cut);
        assert_eq!(p, format!("\"{}\"", "a".repeat(10)));
        // A huge valid JSON document is cut too, and stays valid JSON within the limit.
        let doc = format!("{{\"content\":\"{}\"}}", "x".repeat(100));
        let (p, cut) = body_for_log(doc.as_bytes(), 20);
        assert!(cut);
        assert!(p.len() <= 22, "{p}");
        let back: String = serde_json::from_str(&p).unwrap();
        assert!(back.starts_with("{\"content\":\"x"), "{back}");
        // Escapes count: 30 control characters escape to 6 bytes each.
        let (p, cut) = body_for_log(&[1u8; 30], 20);
        assert!(cut && p.len() <= 22, "{p}");
        // Multi-byte characters are not split.
        let (p, _) = body_for_log("éééééééééééé".as_bytes(), 5);
        assert!(serde_json::from_str::<String>(&p).is_ok(), "{p}");
    }

    #[test]
    fn the_mov_log_level_filters_and_parses() {
        let all = [
            LogLevel::Debug,
            LogLevel::Info,
            LogLevel::Warn,
            LogLevel::Error,
        ];
        let sent = |min: MovLogLevel| all.iter().filter(|l| min.sends(**l)).count();
        assert_eq!(sent(MovLogLevel::default()), 4);
        assert_eq!(sent(MovLogLevel::Info), 3);
        assert_eq!(sent(MovLogLevel::Warn), 2);
        assert_eq!(sent(MovLogLevel::Error), 1);
        assert_eq!(sent(MovLogLevel::Off), 0);
        assert_eq!("WARNING".parse(), Ok(MovLogLevel::Warn));
        assert_eq!(" none ".parse(), Ok(MovLogLevel::Off));
        assert!("trace".parse::<MovLogLevel>().is_err());
    }

    #[test]
    fn prefixed_channels() {
        let c = MovChannels::with_prefix("t1/");
        assert_eq!(c.register, "t1/valawai/component/register");
        assert_eq!(c.log, "t1/valawai/log/add");
    }
}

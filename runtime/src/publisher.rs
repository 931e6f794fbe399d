//! The confirmed publisher.
//!
//! Every message goes to the default exchange `""` with the channel address as routing key and
//! content type `application/json`, on one AMQP channel in confirm mode. A publish survives a
//! reconnection: if the connection drops before the broker confirms, the message is sent again
//! once lapin has recovered (at-least-once, so a receiver may see it twice).
//!
//! Two ways to wait:
//! - outside a handler, [`Publisher::publish`] returns once the broker **confirmed** the message;
//! - inside a handler (the publisher of a [`crate::Context`]), it returns once the message is
//!   **sent**, and the runtime waits for every confirm of the handler's messages, all at once,
//!   before it acks the input. Confirms are thus pipelined and the input is acked only when its
//!   outputs are safe, as eventail does.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use lapin::options::BasicPublishOptions;
use lapin::types::ShortString;
use lapin::{BasicProperties, Channel, Confirmation, PublisherConfirm};
use serde::Serialize;
use tokio::sync::Notify;
use tokio::time::{Instant, timeout_at};

use crate::counters::Counters;

/// `content_type` of every message.
pub const CONTENT_TYPE: &str = "application/json";

/// An error boxed for transport across the runtime.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// AMQP delivery mode of published messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeliveryMode {
    /// Mode 1: kept in memory; lost if the broker restarts.
    Transient,
    /// Mode 2: written to disk by durable queues; survives a broker restart.
    #[default]
    Persistent,
}

impl DeliveryMode {
    fn amqp(self) -> u8 {
        match self {
            Self::Transient => 1,
            Self::Persistent => 2,
        }
    }
}

/// How messages to one channel are published.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PublishSettings {
    /// Persistent by default.
    pub delivery_mode: DeliveryMode,
    /// Ask the broker to return the message when no queue receives it; the publish then fails
    /// with [`PublishError::Unroutable`]. Off by default: in VALAWAI nobody declares a routed
    /// channel's queue until the MOV enables a connection, so "no route" is normal.
    pub mandatory: bool,
}

impl Default for PublishSettings {
    fn default() -> Self {
        Self {
            delivery_mode: DeliveryMode::Persistent,
            mandatory: false,
        }
    }
}

impl PublishSettings {
    /// Persistent, not mandatory.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the delivery mode.
    pub fn delivery_mode(mut self, mode: DeliveryMode) -> Self {
        self.delivery_mode = mode;
        self
    }

    /// Sets the `mandatory` flag.
    pub fn mandatory(mut self, mandatory: bool) -> Self {
        self.mandatory = mandatory;
        self
    }
}

/// A publish that did not reach the broker.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublishError {
    /// The payload could not be serialised to JSON.
    #[error("cannot serialise the message for channel `{channel}`: {source}")]
    Serialize {
        /// The channel address.
        channel: String,
        /// The serde error.
        source: serde_json::Error,
    },
    /// The broker did not confirm in time (a reconnection included).
    #[error("the broker did not confirm the message to channel `{channel}` within {timeout:?}")]
    Timeout {
        /// The channel address.
        channel: String,
        /// The publish timeout.
        timeout: Duration,
    },
    /// The broker returned a `mandatory` message: no queue is bound to the channel.
    #[error("no queue receives channel `{channel}` ({reply_code} {reply_text})")]
    Unroutable {
        /// The channel address.
        channel: String,
        /// The AMQP reply code (312 NO_ROUTE).
        reply_code: u16,
        /// The broker's text.
        reply_text: String,
    },
    /// The component is shutting down or its connection is closed.
    #[error("cannot publish to channel `{channel}`: the connection is closed")]
    Closed {
        /// The channel address.
        channel: String,
    },
    /// The message being handled was lost with the connection, so its outputs were not sent
    /// again; the broker redelivers the input.
    #[error("publish to `{channel}` abandoned: the input message will be redelivered")]
    Abandoned {
        /// The channel address.
        channel: String,
    },
}

#[derive(Default)]
struct Table {
    default: PublishSettings,
    channels: HashMap<String, PublishSettings>,
    timeout: Duration,
}

/// State shared by every clone of the publisher of one component.
pub(crate) struct PublisherShared {
    slot: RwLock<Option<Arc<Channel>>>,
    slot_changed: Notify,
    /// `true` once a publish found the installed channel dead; reset by `install`.
    dead: tokio::sync::watch::Sender<bool>,
    closed: AtomicBool,
    table: OnceLock<Table>,
    counters: Arc<Counters>,
    next_id: AtomicU64,
    id_prefix: String,
}

impl fmt::Debug for PublisherShared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PublisherShared")
            .field("closed", &self.closed.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

/// One message kept until its confirm arrives, so it can be sent again.
struct Outgoing {
    routing_key: ShortString,
    body: Vec<u8>,
    settings: PublishSettings,
    message_id: ShortString,
}

impl Outgoing {
    fn properties(&self) -> BasicProperties {
        BasicProperties::default()
            .with_content_type(CONTENT_TYPE.into())
            .with_delivery_mode(self.settings.delivery_mode.amqp())
            .with_message_id(self.message_id.clone())
    }

    fn channel(&self) -> String {
        self.routing_key.as_str().to_owned()
    }
}

impl PublisherShared {
    pub(crate) fn new(counters: Arc<Counters>) -> Arc<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        Arc::new(Self {
            slot: RwLock::new(None),
            slot_changed: Notify::new(),
            dead: tokio::sync::watch::Sender::new(false),
            closed: AtomicBool::new(false),
            table: OnceLock::new(),
            counters,
            next_id: AtomicU64::new(0),
            id_prefix: format!("{:x}-{:x}", std::process::id(), nanos & 0xffff_ffff),
        })
    }

    /// Sets the per-channel settings and the timeout; called once, when the component starts.
    pub(crate) fn configure(
        &self,
        default: PublishSettings,
        channels: HashMap<String, PublishSettings>,
        timeout: Duration,
    ) {
        let _ = self.table.set(Table {
            default,
            channels,
            timeout,
        });
    }

    fn timeout(&self) -> Duration {
        self.table
            .get()
            .map_or(Duration::from_secs(30), |t| t.timeout)
    }

    fn settings_for(&self, channel: &str) -> PublishSettings {
        match self.table.get() {
            Some(t) if t.channels.is_empty() => t.default.clone(),
            Some(t) => t.channels.get(channel).unwrap_or(&t.default).clone(),
            None => PublishSettings::default(),
        }
    }

    /// Installs the AMQP channel of a new session (or removes it with `None`).
    pub(crate) fn install(&self, channel: Option<Arc<Channel>>) {
        let fresh = channel.is_some();
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = channel;
        if fresh {
            self.dead.send_replace(false);
        }
        self.slot_changed.notify_waiters();
    }

    /// Makes every publish fail with [`PublishError::Closed`] from now on.
    pub(crate) fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.slot_changed.notify_waiters();
    }

    /// Resolves when a publish found the session's channel dead beyond recovery.
    pub(crate) async fn dead(&self) {
        let _ = self.dead.subscribe().wait_for(|dead| *dead).await;
    }

    fn current(&self) -> Option<Arc<Channel>> {
        self.slot.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Waits until a channel is installed (or the deadline passes).
    async fn channel(&self, name: &str, deadline: Instant) -> Result<Arc<Channel>, PublishError> {
        loop {
            if self.closed.load(Ordering::SeqCst) {
                return Err(PublishError::Closed {
                    channel: name.into(),
                });
            }
            // The usual case, without registering a waiter (a lock on the `Notify`, shared by
            // every publish of the component).
            if let Some(ch) = self.current() {
                return Ok(ch);
            }
            let changed = self.slot_changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            // Checked again once registered: an `install` in between is not missed.
            if let Some(ch) = self.current() {
                return Ok(ch);
            }
            if timeout_at(deadline, changed).await.is_err() {
                return Err(PublishError::Timeout {
                    channel: name.into(),
                    timeout: self.timeout(),
                });
            }
        }
    }

    /// Waits for lapin to recover `channel` after `error`. If it cannot, reports the session
    /// dead and removes the channel, so the next [`Self::channel`] waits for a new one.
    async fn recover(
        &self,
        channel: &Arc<Channel>,
        error: lapin::Error,
        name: &str,
        deadline: Instant,
    ) -> Result<(), PublishError> {
        let timeout = || PublishError::Timeout {
            channel: name.into(),
            timeout: self.timeout(),
        };
        tracing::debug!(channel = name, %error, "publish interrupted; waiting for recovery");
        if self.closed.load(Ordering::SeqCst) {
            return Err(PublishError::Closed {
                channel: name.into(),
            });
        }
        // The supervisor may replace the session meanwhile: stop waiting for this channel then.
        let recovered = async {
            tokio::select! {
                r = crate::recovery::recovered(channel, error) => r,
                () = self.replaced(channel) => Ok(()),
            }
        };
        match timeout_at(deadline, recovered).await {
            Err(_) => Err(timeout()),
            Ok(Ok(())) => Ok(()),
            Ok(Err(reason)) => {
                // This channel will not come back: the session is dead. Remove it, so the next
                // send waits for the channel of a new session.
                let mut slot = self.slot.write().unwrap_or_else(|e| e.into_inner());
                if slot.as_ref().is_some_and(|c| Arc::ptr_eq(c, channel)) {
                    *slot = None;
                    drop(slot);
                    tracing::warn!("publishing channel lost: {reason}");
                    self.dead.send_replace(true);
                }
                Ok(())
            }
        }
    }

    /// Resolves once the installed channel is no longer `channel`.
    async fn replaced(&self, channel: &Arc<Channel>) {
        loop {
            let changed = self.slot_changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if !self.current().is_some_and(|c| Arc::ptr_eq(&c, channel)) {
                return;
            }
            changed.await;
        }
    }

    async fn send(
        &self,
        msg: &Outgoing,
        deadline: Instant,
    ) -> Result<PublisherConfirm, PublishError> {
        let name = msg.routing_key.as_str();
        loop {
            let channel = self.channel(name, deadline).await?;
            let published = channel.basic_publish(
                ShortString::from(""),
                msg.routing_key.clone(),
                BasicPublishOptions {
                    mandatory: msg.settings.mandatory,
                    immediate: false,
                },
                &msg.body,
                msg.properties(),
            );
            match timeout_at(deadline, published).await {
                Err(_) => {
                    return Err(PublishError::Timeout {
                        channel: name.into(),
                        timeout: self.timeout(),
                    });
                }
                Ok(Ok(confirm)) => return Ok(confirm),
                Ok(Err(error)) => self.recover(&channel, error, name, deadline).await?,
            }
        }
    }

    /// Waits for the confirm of `msg`, sending it again after a lost connection or a nack.
    /// `abandon` is asked before each new send.
    async fn settle(
        &self,
        msg: Outgoing,
        mut confirm: PublisherConfirm,
        deadline: Instant,
        abandon: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), PublishError> {
        let result = loop {
            match timeout_at(deadline, &mut confirm).await {
                Err(_) => {
                    break Err(PublishError::Timeout {
                        channel: msg.channel(),
                        timeout: self.timeout(),
                    });
                }
                Ok(Ok(Confirmation::Ack(None) | Confirmation::NotRequested)) => break Ok(()),
                Ok(Ok(Confirmation::Ack(Some(returned)))) => {
                    break Err(PublishError::Unroutable {
                        channel: msg.channel(),
                        reply_code: returned.reply_code,
                        reply_text: returned.reply_text.to_string(),
                    });
                }
                Ok(Ok(Confirmation::Nack(_))) => {
                    self.counters.nacked();
                    tracing::warn!(channel = %msg.routing_key, "the broker nacked a message; sending it again");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Ok(Err(error)) => {
                    tracing::debug!(channel = %msg.routing_key, %error, "confirm lost with the connection");
                    if let Some(channel) = self.current() {
                        self.recover(&channel, error, msg.routing_key.as_str(), deadline)
                            .await?;
                    }
                }
            }
            if abandon() {
                break Err(PublishError::Abandoned {
                    channel: msg.channel(),
                });
            }
            confirm = match self.send(&msg, deadline).await {
                Ok(c) => c,
                Err(e) => break Err(e),
            };
        };
        match &result {
            Ok(()) => self.counters.channel(msg.routing_key.as_str()).published(),
            Err(PublishError::Abandoned { .. }) => {}
            Err(_) => self
                .counters
                .channel(msg.routing_key.as_str())
                .publish_failed(),
        }
        result
    }

    fn outgoing(&self, channel: &str, body: Vec<u8>) -> Outgoing {
        let n = self.next_id.fetch_add(1, Ordering::Relaxed);
        Outgoing {
            routing_key: ShortString::from(channel),
            body,
            settings: self.settings_for(channel),
            message_id: ShortString::from(format!("{}-{n:x}", self.id_prefix)),
        }
    }
}

/// Messages published by one handler attempt, waiting for their confirms.
#[derive(Default)]
pub(crate) struct Outbox {
    pending: Mutex<Vec<(Outgoing, PublisherConfirm)>>,
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.pending.lock().map(|p| p.len()).unwrap_or_default();
        write!(f, "Outbox({n} pending)")
    }
}

impl Outbox {
    /// Waits for every confirm (sending again what the broker lost). `abandon` tells whether
    /// the input was lost meanwhile, which makes sending again pointless.
    pub(crate) async fn settle(
        &self,
        shared: &PublisherShared,
        abandon: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), PublishError> {
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        if pending.is_empty() {
            return Ok(());
        }
        let deadline = Instant::now() + shared.timeout();
        let mut first_error = None;
        for (msg, confirm) in pending {
            if let Err(e) = shared.settle(msg, confirm, deadline, abandon).await {
                first_error.get_or_insert(e);
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

/// Publishes JSON messages; cheap to clone.
///
/// Generated code wraps it in a typed publisher with one method per channel the component sends
/// on (see the crate documentation).
#[derive(Clone)]
pub struct Publisher {
    shared: Arc<PublisherShared>,
    outbox: Option<Arc<Outbox>>,
}

impl fmt::Debug for Publisher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Publisher")
            .field("in_handler", &self.outbox.is_some())
            .finish()
    }
}

impl Publisher {
    pub(crate) fn new(shared: Arc<PublisherShared>) -> Self {
        Self {
            shared,
            outbox: None,
        }
    }

    /// The same publisher, collecting confirms in `outbox` instead of waiting for them.
    pub(crate) fn scoped(&self, outbox: Arc<Outbox>) -> Self {
        Self {
            shared: self.shared.clone(),
            outbox: Some(outbox),
        }
    }

    pub(crate) fn shared(&self) -> &Arc<PublisherShared> {
        &self.shared
    }

    /// Serialises `payload` to JSON and publishes it to `channel`.
    ///
    /// Outside a handler, returns when the broker confirmed the message. Inside a handler,
    /// returns when it is sent; the input is acked only after the confirm.
    pub async fn publish<T: Serialize + ?Sized>(
        &self,
        channel: &str,
        payload: &T,
    ) -> Result<(), PublishError> {
        let body = serde_json::to_vec(payload).map_err(|source| PublishError::Serialize {
            channel: channel.into(),
            source,
        })?;
        self.publish_json(channel, body).await
    }

    /// Publishes a body that is already JSON, unchanged.
    pub async fn publish_json(&self, channel: &str, body: Vec<u8>) -> Result<(), PublishError> {
        let shared = &*self.shared;
        let msg = shared.outgoing(channel, body);
        let deadline = Instant::now() + shared.timeout();
        let confirm = match shared.send(&msg, deadline).await {
            Ok(c) => c,
            Err(e) => {
                shared.counters.channel(channel).publish_failed();
                return Err(e);
            }
        };
        match &self.outbox {
            Some(outbox) => {
                outbox
                    .pending
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((msg, confirm));
                Ok(())
            }
            None => shared.settle(msg, confirm, deadline, &|| false).await,
        }
    }
}

//! The confirmed publisher.
//!
//! Every message goes to the default exchange `""` with the channel address as routing key and
//! content type `application/json`, on one AMQP channel in confirm mode. A publish survives a
//! reconnection: if the connection drops before the broker confirms, the message is sent again
//! once lapin has recovered (at-least-once, so a receiver may see it twice).
//!
//! Two ways to wait:
//! - outside a handler, [`Publisher::publish`] returns once the broker **confirmed** the message;
//! - inside a handler (the publisher of a [`crate::Context`]), it returns once lapin **has** the
//!   message (its frames are queued for writing), and the runtime waits for every write and
//!   every confirm of the handler's messages, all at once, before it acks the input. A handler's
//!   publishes and their confirms are thus pipelined (its messages go out in one write of lapin's
//!   I/O thread, not one write and one wake-up each), and the input is acked only when its
//!   outputs are safe, as eventail does. The first publish of a handler attempt waits for its
//!   own write (most handlers publish one message: the confirm comes after the write anyway);
//!   the next 15 do not; each later one waits for its own (and so for those before it), so that
//!   a handler that publishes in a loop does not pile up frames in lapin's queue.
//!
//! Every wait for the broker is bounded by the publish timeout: outside a handler by a tokio
//! timer, inside one by the message's watchdog ([`crate::watchdog`]), which costs no timer per
//! publish. The body is serialised once and kept, unchanged, until its confirm arrives: sending
//! it again after a lost connection or a nack needs no copy.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use lapin::options::BasicPublishOptions;
use lapin::types::ShortString;
use lapin::{BasicProperties, Channel, Confirmation, PublisherConfirm};
use serde::Serialize;
use tokio::sync::Notify;
use tokio::time::{Instant, timeout_at};

use crate::counters::Counters;
use crate::properties::{MessageProperties, SHORT_STRING_BYTES, short_prefix};
use crate::watchdog::Watch;
use scope::MessageScope;

#[cfg(feature = "testing")]
pub(crate) mod memory;
pub(crate) mod scope;

/// What a publish waits on for its confirm: lapin's promise, or, with the `testing` feature,
/// the in-memory transport's answer (`crate::testing`). Without the feature it is lapin's type
/// itself, so production builds carry no extra variant.
#[cfg(not(feature = "testing"))]
type Confirm = lapin::PublisherConfirm;
#[cfg(feature = "testing")]
use memory::Confirm;

/// A handler attempt's publishes after the first and before this many return without waiting
/// for lapin to write them; each later one waits for its own write, so that no more are ever
/// queued unwritten.
const UNWRITTEN_PER_MESSAGE: usize = 16;

/// A publish handed to lapin and not yet written: lapin's publish future, which owns the body
/// until the frames are written and gives it back with the confirm to wait for.
type Writing = Pin<Box<dyn Future<Output = (lapin::Result<PublisherConfirm>, Vec<u8>)> + Send>>;

/// Where a message a handler published stands when the handler goes on.
enum Sent {
    /// Written: its confirm is awaited.
    Written(Confirm),
    /// In lapin's queue; its write, then its confirm, are awaited.
    Writing(Writing),
}

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
    /// The channel address cannot name a queue: AMQP routing keys have at most 255 bytes.
    #[error(
        "cannot publish to channel `{channel}`: an address has at most 255 bytes, this one has {len}"
    )]
    InvalidChannel {
        /// The channel address: its first 255 bytes, then `…`.
        channel: String,
        /// Its length in bytes.
        len: usize,
    },
    /// The broker refused a log to the MOV (a nack: the log queue is full and refuses more,
    /// say). Logs are not sent again after a nack; other messages are, until the timeout.
    #[error("the broker refused the message to channel `{channel}` (nack)")]
    Refused {
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

/// What bounds a wait for the broker.
#[derive(Clone, Copy)]
enum Bound<'a> {
    /// A tokio timer: outside handlers.
    Deadline(Instant),
    /// The watchdog of the message being handled (no timer of its own).
    Watched(&'a Watch),
}

impl Bound<'_> {
    /// The deadline of a rare wait (a new channel, a recovery), which takes a timer in either
    /// case.
    fn deadline(self, timeout: Duration) -> Instant {
        match self {
            Self::Deadline(deadline) => deadline,
            Self::Watched(_) => Instant::now() + timeout,
        }
    }
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
    /// The in-memory transport, when a test harness runs the component (`crate::testing`):
    /// publishes go there instead of to a lapin channel.
    #[cfg(feature = "testing")]
    pub(crate) memory: OnceLock<Arc<memory::Wire>>,
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
    /// The channel (its routing key), shared with its counters: the routing key lapin takes is
    /// made from it at each send.
    channel: Arc<str>,
    body: Vec<u8>,
    settings: PublishSettings,
    /// The number in its `message_id`.
    number: u64,
    /// The `message_id`, which the first send takes; a second send writes it again.
    message_id: Option<ShortString>,
    /// The counters of its channel.
    counters: Arc<Counters>,
    /// A log to the MOV: its failure is logged and counted, never the handler's (see
    /// [`crate::mov::Mov`]), and a nack is final.
    best_effort: bool,
    /// Headers and properties the author set ([`Publisher::with_properties`]).
    properties: Option<Arc<MessageProperties>>,
}

impl Outgoing {
    fn channel(&self) -> String {
        self.channel.to_string()
    }

    /// lapin's routing key: the channel address (the exchange is always the default one).
    fn routing_key(&self) -> ShortString {
        ShortString::from(&*self.channel)
    }

    fn options(&self) -> BasicPublishOptions {
        BasicPublishOptions {
            mandatory: self.settings.mandatory,
            immediate: false,
        }
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
            #[cfg(feature = "testing")]
            memory: OnceLock::new(),
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

    pub(crate) fn timeout(&self) -> Duration {
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

    /// The installed channel, unless the publisher is closed.
    fn open_channel(&self) -> Option<Arc<Channel>> {
        if self.closed.load(Ordering::SeqCst) {
            None
        } else {
            self.current()
        }
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

    async fn send(&self, msg: &mut Outgoing, bound: Bound<'_>) -> Result<Confirm, PublishError> {
        #[cfg(feature = "testing")]
        if let Some(wire) = self.memory.get() {
            if self.closed.load(Ordering::SeqCst) {
                return Err(PublishError::Closed {
                    channel: msg.channel(),
                });
            }
            let properties = self.properties(msg);
            return Ok(wire.publish(&msg.channel, &msg.body, properties, msg.settings.mandatory));
        }
        loop {
            // The usual case first: no deadline to compute. The rare waits are boxed, so that
            // they do not make every publish's future larger.
            let channel = match self.open_channel() {
                Some(channel) => channel,
                None => {
                    Box::pin(self.channel(&msg.channel, bound.deadline(self.timeout()))).await?
                }
            };
            let properties = self.properties(msg);
            let published = std::pin::pin!(channel.basic_publish(
                ShortString::default(),
                msg.routing_key(),
                msg.options(),
                &msg.body,
                properties,
            ));
            let published = match bound {
                Bound::Deadline(deadline) => timeout_at(deadline, published).await.ok(),
                Bound::Watched(watch) => watch.guard(published).await.ok(),
            };
            match published {
                None => {
                    return Err(PublishError::Timeout {
                        channel: msg.channel(),
                        timeout: self.timeout(),
                    });
                }
                #[allow(clippy::useless_conversion)]
                Some(Ok(confirm)) => return Ok(Confirm::from(confirm)),
                Some(Err(error)) => {
                    let deadline = bound.deadline(self.timeout());
                    Box::pin(self.recover(&channel, error, &msg.channel, deadline)).await?
                }
            }
        }
    }

    /// Hands `msg` to lapin without waiting for lapin to write it (a publish inside a handler):
    /// its frames are queued, in the order of the calls, when this returns. `None` when the usual
    /// case does not hold (no open channel, an immediate error, the in-memory transport): the
    /// caller sends it the full way, which waits for the write.
    fn queue(&self, msg: &mut Outgoing) -> Option<Sent> {
        #[cfg(feature = "testing")]
        if self.memory.get().is_some() {
            return None;
        }
        let channel = self.open_channel()?;
        let (routing_key, options) = (msg.routing_key(), msg.options());
        let properties = self.properties(msg);
        let body = std::mem::take(&mut msg.body);
        let mut writing: Writing = Box::pin(async move {
            let published = channel
                .basic_publish(
                    ShortString::default(),
                    routing_key,
                    options,
                    &body,
                    properties,
                )
                .await;
            (published, body)
        });
        // The first poll queues the frames and wakes lapin's I/O thread; nobody is woken when
        // they are written (the confirm wait polls again).
        match writing
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Pending => Some(Sent::Writing(writing)),
            #[allow(clippy::useless_conversion)]
            Poll::Ready((Ok(confirm), body)) => {
                msg.body = body;
                Some(Sent::Written(Confirm::from(confirm)))
            }
            Poll::Ready((Err(_), body)) => {
                // The channel is closing: the full way recovers it and sends again.
                msg.body = body;
                None
            }
        }
    }

    /// The properties of every publish: JSON, the channel's delivery mode, the message id (the
    /// same again for a second send, which takes it), and what the author set with
    /// [`Publisher::with_properties`].
    fn properties(&self, msg: &mut Outgoing) -> BasicProperties {
        let base = crate::conventions::publish_properties(
            msg.settings.delivery_mode == DeliveryMode::Persistent,
        )
        .with_message_id(
            msg.message_id
                .take()
                .unwrap_or_else(|| self.message_id(msg.number)),
        );
        match msg.properties.as_deref() {
            None => base,
            Some(extra) => extra.apply(base),
        }
    }

    /// Sends `msg` and waits for its confirm, both within one publish timeout (a publish
    /// outside a handler).
    async fn publish_confirmed(&self, mut msg: Outgoing) -> Result<(), PublishError> {
        let deadline = Instant::now() + self.timeout();
        match self.send(&mut msg, Bound::Deadline(deadline)).await {
            Ok(confirm) => self.settle(msg, confirm, deadline).await,
            Err(e) => Err(failed(&msg, e)),
        }
    }

    /// Waits for the confirm of `msg` until `deadline`, sending it again after a lost
    /// connection or a nack.
    async fn settle(
        &self,
        msg: Outgoing,
        mut confirm: Confirm,
        deadline: Instant,
    ) -> Result<(), PublishError> {
        let confirmed = timeout_at(deadline, &mut confirm).await.ok();
        let counters = msg.counters.clone();
        let result = self
            .settle_further(msg, confirmed, Bound::Deadline(deadline), &|| false)
            .await;
        count(&counters, &result);
        result
    }

    /// Waits for one confirm; `None` when the bound ran out.
    async fn confirmed(
        confirm: &mut Confirm,
        bound: Bound<'_>,
    ) -> Option<lapin::Result<Confirmation>> {
        match bound {
            Bound::Deadline(deadline) => timeout_at(deadline, confirm).await.ok(),
            Bound::Watched(watch) => watch.guard(confirm).await.ok(),
        }
    }

    /// What follows the first outcome of a confirm wait (`None`: the bound ran out): done after
    /// a plain ack; sends again after a nack or a lost connection, until the broker takes the
    /// message or the bound runs out. `abandon` is asked before each new send.
    async fn settle_further(
        &self,
        mut msg: Outgoing,
        mut confirmed: Option<lapin::Result<Confirmation>>,
        bound: Bound<'_>,
        abandon: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), PublishError> {
        loop {
            match confirmed {
                None => {
                    return Err(PublishError::Timeout {
                        channel: msg.channel(),
                        timeout: self.timeout(),
                    });
                }
                Some(Ok(Confirmation::Ack(None) | Confirmation::NotRequested)) => return Ok(()),
                Some(Ok(Confirmation::Ack(Some(returned)))) => {
                    return Err(PublishError::Unroutable {
                        channel: msg.channel(),
                        reply_code: returned.reply_code,
                        reply_text: returned.reply_text.to_string(),
                    });
                }
                Some(Ok(Confirmation::Nack(_))) if msg.best_effort => {
                    msg.counters.nacked();
                    return Err(PublishError::Refused {
                        channel: msg.channel(),
                    });
                }
                Some(Ok(Confirmation::Nack(_))) => {
                    msg.counters.nacked();
                    tracing::warn!(channel = %msg.channel, "the broker nacked a message; sending it again");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Some(Err(error)) => {
                    tracing::debug!(channel = %msg.channel, %error, "confirm lost with the connection");
                    if let Some(channel) = self.current() {
                        let deadline = bound.deadline(self.timeout());
                        self.recover(&channel, error, &msg.channel, deadline)
                            .await?;
                    }
                }
            }
            if abandon() {
                return Err(PublishError::Abandoned {
                    channel: msg.channel(),
                });
            }
            let mut confirm = self.send(&mut msg, bound).await?;
            confirmed = Self::confirmed(&mut confirm, bound).await;
        }
    }

    fn outgoing(&self, channel: &str, body: Vec<u8>) -> Outgoing {
        let number = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (name, counters) = self.counters.channel_named(channel);
        Outgoing {
            channel: name,
            body,
            settings: self.settings_for(channel),
            number,
            message_id: Some(self.message_id(number)),
            counters,
            best_effort: false,
            properties: None,
        }
    }

    /// `<prefix>-<number in hexadecimal>`, written without the formatting machinery (once per
    /// publish).
    fn message_id(&self, number: u64) -> ShortString {
        let mut id = String::with_capacity(self.id_prefix.len() + 17);
        id.push_str(&self.id_prefix);
        id.push('-');
        push_hex(&mut id, number);
        ShortString::from(id)
    }
}

/// Refuses an address no queue can have before anything is counted or sent (lapin would panic
/// on a routing key over 255 bytes).
fn check_address(channel: &str) -> Result<(), PublishError> {
    if channel.len() <= SHORT_STRING_BYTES {
        return Ok(());
    }
    Err(PublishError::InvalidChannel {
        channel: format!("{}…", short_prefix(channel)),
        len: channel.len(),
    })
}

/// Counts a settled publish on its channel's counters (which add to the component's).
fn count(counters: &Counters, result: &Result<(), PublishError>) {
    match result {
        Ok(()) => counters.published(),
        Err(PublishError::Abandoned { .. }) => {}
        Err(_) => counters.publish_failed(),
    }
}

/// Appends `n` in lower-case hexadecimal, without leading zeros.
fn push_hex(out: &mut String, n: u64) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digits = (64 - n.leading_zeros()).div_ceil(4).max(1);
    for i in (0..digits).rev() {
        out.push(char::from(DIGITS[((n >> (i * 4)) & 0xf) as usize]));
    }
}

/// The local WARN for a log the MOV did not get.
pub(crate) fn warn_log_lost(error: &PublishError) {
    tracing::warn!(
        "a log to the MOV was not sent ({error}); the message being handled is not affected"
    );
}

/// Messages published by one handler attempt, waiting for their confirms.
#[derive(Default)]
pub(crate) struct Outbox {
    pending: Mutex<Pending>,
}

/// The first message in place (most handlers publish one or two), the others in a vector.
#[derive(Default)]
struct Pending {
    first: Option<(Outgoing, Sent)>,
    more: Vec<(Outgoing, Sent)>,
}

impl Pending {
    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.more.len()
    }
}

impl fmt::Debug for Outbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.pending.lock().map(|p| p.len()).unwrap_or_default();
        write!(f, "Outbox({n} pending)")
    }
}

impl Outbox {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, msg: Outgoing, sent: Sent) {
        let mut pending = self.lock();
        if pending.first.is_none() {
            pending.first = Some((msg, sent));
        } else {
            pending.more.push((msg, sent));
        }
    }

    fn len(&self) -> usize {
        self.lock().len()
    }

    /// Forgets what an earlier attempt published (its confirms are no longer awaited).
    pub(crate) fn clear(&self) {
        *self.lock() = Pending::default();
    }

    /// Waits for every write and every confirm (sending again what the broker lost), all within
    /// one publish timeout under the message's `watch`. `abandon` tells whether the input was
    /// lost meanwhile, which makes sending again pointless.
    pub(crate) async fn settle(
        &self,
        shared: &PublisherShared,
        watch: &Watch,
        abandon: &(dyn Fn() -> bool + Sync),
    ) -> Result<(), PublishError> {
        let Pending { first, more } = std::mem::take(&mut *self.lock());
        let Some(first) = first else {
            return Ok(());
        };
        // One publish timeout for all of them: the watch counts the message as waiting from
        // the first confirm to the last.
        let _held = watch.hold();
        let bound = Bound::Watched(watch);
        let mut first_error = None;
        for (mut msg, sent) in std::iter::once(first).chain(more) {
            let counters = msg.counters.clone();
            let best_effort = msg.best_effort;
            let written = match sent {
                Sent::Written(confirm) => Ok(confirm),
                Sent::Writing(writing) => match watch.guard(writing).await {
                    Ok((published, body)) => {
                        msg.body = body;
                        #[allow(clippy::useless_conversion)]
                        published.map(Confirm::from).map_err(|e| Some(Err(e)))
                    }
                    Err(_) => Err(None),
                },
            };
            // Anything but a plain ack is rare: boxed, so that it does not make every message's
            // future larger (nor keeps the outcome, which can hold a whole returned message).
            let outcome = match written {
                Ok(mut confirm) => match watch.guard(&mut confirm).await {
                    Ok(Ok(Confirmation::Ack(None) | Confirmation::NotRequested)) => None,
                    first => Some(first.ok()),
                },
                // Not written: lost with the connection (sent again), or out of time.
                Err(lost) => Some(lost),
            };
            let further =
                outcome.map(|first| Box::pin(shared.settle_further(msg, first, bound, abandon)));
            let result = match further {
                None => Ok(()),
                Some(further) => further.await,
            };
            count(&counters, &result);
            match result {
                // A log to the MOV never fails the message (nor makes it handled again).
                Err(e) if best_effort => warn_log_lost(&e),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
                Ok(()) => {}
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
    /// The message being handled, for the publisher of a handler's context.
    scope: Option<Arc<MessageScope>>,
    /// Headers and properties of every message it publishes.
    properties: Option<Arc<MessageProperties>>,
}

impl fmt::Debug for Publisher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Publisher")
            .field("in_handler", &self.scope.is_some())
            .field("properties", &self.properties)
            .finish()
    }
}

impl Publisher {
    pub(crate) fn new(shared: Arc<PublisherShared>) -> Self {
        Self {
            shared,
            scope: None,
            properties: None,
        }
    }

    /// The same publisher, collecting confirms in the message's outbox instead of waiting for
    /// them, and bounded by the message's watchdog.
    pub(crate) fn scoped(&self, scope: Arc<MessageScope>) -> Self {
        Self {
            shared: self.shared.clone(),
            scope: Some(scope),
            properties: None,
        }
    }

    /// The same publisher, publishing every message with `properties` (headers,
    /// `correlation_id`...). Inside a handler it keeps the handler's way of waiting: the input
    /// is acked once these messages are confirmed too.
    ///
    /// ```no_run
    /// # async fn example(handle: valawai::ComponentHandle) -> Result<(), valawai::PublishError> {
    /// use valawai::MessageProperties;
    ///
    /// let traced = handle
    ///     .publisher()
    ///     .with_properties(MessageProperties::new().header("x-trace-id", "4bf92f35"));
    /// traced
    ///     .publish("valawai/c0/sensor/data/reading", &serde_json::json!({"value": 1}))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_properties(&self, properties: MessageProperties) -> Self {
        Self {
            shared: self.shared.clone(),
            scope: self.scope.clone(),
            properties: Some(Arc::new(properties)),
        }
    }

    pub(crate) fn shared(&self) -> &Arc<PublisherShared> {
        &self.shared
    }

    /// Serialises `payload` to JSON and publishes it to `channel`.
    ///
    /// Outside a handler, returns when the broker confirmed the message. Inside a handler,
    /// returns when lapin has it (queued for writing); the input is acked only after its write
    /// and its confirm.
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
        check_address(channel)?;
        let mut msg = self.shared.outgoing(channel, body);
        msg.properties = self.properties.clone();
        self.publish_outgoing(msg).await
    }

    /// Publishes a log to the MOV: as [`Publisher::publish_json`], but inside a handler its
    /// failure is logged and counted instead of failing the message, and a nack is final.
    pub(crate) async fn publish_log(
        &self,
        channel: &str,
        body: Vec<u8>,
    ) -> Result<(), PublishError> {
        check_address(channel)?;
        let mut msg = self.shared.outgoing(channel, body);
        msg.best_effort = true;
        self.publish_outgoing(msg).await
    }

    async fn publish_outgoing(&self, mut msg: Outgoing) -> Result<(), PublishError> {
        let Some(scope) = &self.scope else {
            // Outside a handler: a timer and the wait for the confirm, in a future of their own
            // so that a handler's future (which publishes this way) carries neither.
            return Box::pin(self.shared.publish_confirmed(msg)).await;
        };
        // The first publish of an attempt waits for its write in place: most handlers publish
        // one message, and queueing it would take a box and a second poll of lapin's promise
        // (about 850 instructions) for no wait saved, since the confirm comes after the write.
        // The next ones are queued behind it, up to the bound.
        let queued = if (1..UNWRITTEN_PER_MESSAGE).contains(&scope.outbox.len()) {
            self.shared.queue(&mut msg)
        } else {
            None
        };
        let sent = match queued {
            Some(sent) => sent,
            None => match self
                .shared
                .send(&mut msg, Bound::Watched(&scope.watch))
                .await
            {
                Ok(confirm) => Sent::Written(confirm),
                Err(e) => return Err(failed(&msg, e)),
            },
        };
        scope.outbox.push(msg, sent);
        Ok(())
    }
}

/// Counts a publish that failed before it was sent.
#[cold]
fn failed(msg: &Outgoing, error: PublishError) -> PublishError {
    msg.counters.publish_failed();
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_the_prefix_and_the_counter_in_hexadecimal() {
        let mut id = String::new();
        for (n, hex) in [(0u64, "0"), (9, "9"), (10, "a"), (255, "ff"), (256, "100")] {
            id.clear();
            push_hex(&mut id, n);
            assert_eq!(id, hex);
            assert_eq!(id, format!("{n:x}"));
        }
        id.clear();
        push_hex(&mut id, u64::MAX);
        assert_eq!(id, "ffffffffffffffff");
        let shared = PublisherShared::new(Arc::new(Counters::default()));
        let id = |msg: &Outgoing| msg.message_id.as_ref().map(|id| id.to_string());
        let first = shared.outgoing("q", Vec::new());
        let second = shared.outgoing("q", Vec::new());
        assert_eq!(id(&first), Some(format!("{}-0", shared.id_prefix)));
        assert_eq!(id(&second), Some(format!("{}-1", shared.id_prefix)));
        // A second send writes the same id again.
        assert_eq!(Some(shared.message_id(second.number)), second.message_id);
    }
}

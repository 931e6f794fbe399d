//! The in-memory harness: a component's receive channels served by the runtime's own message
//! path, over the in-memory transport of [`crate::publisher::memory`].

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::Poll;
use std::time::Duration;

use lapin::BasicProperties;
use lapin::types::{AMQPValue, ShortString};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::{Notify, Semaphore, oneshot};

use crate::component::{Component, RunError};
use crate::consumer::message::{self, Incoming};
use crate::consumer::{ChannelRuntime, ChannelStart};
use crate::context::Context;
use crate::counters::CountersSnapshot;
use crate::handler::{Dispatch, DispatchError, HandlerFuture, Inline};
use crate::mov::{Mov, MovChannels, MovLogLevel};
use crate::protocol::{LogLevel, RegisterComponentPayload};
use crate::publisher::Publisher;
use crate::publisher::memory::{CAUSE, Cause, Published, Wire};
use crate::publisher::scope::MessageScope;

/// Counts the dispatcher's calls for the input being handled.
struct Counted(Arc<dyn Dispatch>);

impl Inline for Counted {
    type Future = HandlerFuture;

    fn start(&self, body: &[u8], context: Context) -> Result<HandlerFuture, DispatchError> {
        let _ = CAUSE.try_with(|cause| cause.attempts.fetch_add(1, Ordering::SeqCst));
        self.0.dispatch(body, context)
    }
}

/// A message to send to a receive channel: a body with AMQP properties, as a sender would
/// publish it.
#[derive(Clone, Debug, Default)]
pub struct Input {
    body: Vec<u8>,
    properties: BasicProperties,
    redelivered: bool,
}

impl Input {
    /// A body sent as is (it need not be JSON), with no property.
    pub fn bytes(body: impl Into<Vec<u8>>) -> Self {
        Self {
            body: body.into(),
            ..Self::default()
        }
    }

    /// `payload` serialised to JSON, with content type `application/json`, as the runtime's
    /// publishers send.
    pub fn json<T: Serialize + ?Sized>(payload: &T) -> Result<Self, serde_json::Error> {
        Ok(Self {
            body: serde_json::to_vec(payload)?,
            properties: crate::conventions::mov_properties(),
            redelivered: false,
        })
    }

    /// Replaces the AMQP properties.
    pub fn properties(mut self, properties: BasicProperties) -> Self {
        self.properties = properties;
        self
    }

    /// Adds an AMQP header.
    pub fn header(mut self, name: &str, value: AMQPValue) -> Self {
        let mut headers = self.properties.headers().clone().unwrap_or_default();
        headers.insert(ShortString::from(name), value);
        self.properties = self.properties.with_headers(headers);
        self
    }

    /// Sets the AMQP `message_id`.
    pub fn message_id(mut self, id: &str) -> Self {
        self.properties = self.properties.with_message_id(id.into());
        self
    }

    /// Marks the message as redelivered by the broker.
    pub fn redelivered(mut self, redelivered: bool) -> Self {
        self.redelivered = redelivered;
        self
    }

    /// The body.
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

/// One log the component sent to the MOV (`valawai/log/add`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MovLog {
    /// The level.
    pub level: LogLevel,
    /// The message.
    pub message: String,
    /// The payload, decoded from the JSON text the log carries (`None` without a payload; a
    /// payload that is not JSON stays a string).
    pub payload: Option<serde_json::Value>,
    /// The component id the log carried (`None` before the MOV's registered notification).
    pub component_id: Option<String>,
}

impl MovLog {
    fn parse(published: &Published) -> Option<Self> {
        let value: serde_json::Value = published.json().ok()?;
        let level = serde_json::from_value(value.get("level")?.clone()).ok()?;
        let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
        Some(Self {
            level,
            message: text("message").unwrap_or_default(),
            payload: text("payload")
                .map(|p| serde_json::from_str(&p).unwrap_or(serde_json::Value::String(p))),
            component_id: text("component_id"),
        })
    }
}

/// What happened to a message in the end.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fate {
    /// Handled, its outputs confirmed, and acked.
    Acked,
    /// Rejected without requeue: dead-lettered where the broker has a DLX policy, dropped
    /// otherwise. `reason` is the ERROR log the runtime sent to the MOV about it.
    DeadLettered {
        /// The ERROR log's message (`Invalid message on channel ...`, `Cannot process a
        /// message on channel ...`).
        reason: String,
    },
}

/// How the runtime handled one input, and what it sent meanwhile.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Outcome {
    /// Acked or dead-lettered.
    pub fate: Fate,
    /// How many times the channel's dispatcher (decode, validation, handler) ran: 0 when the
    /// input was refused before decoding (too large, bad headers), 2 after one retry.
    pub attempts: u32,
    /// What was published while the input was handled (MOV logs included), in order.
    pub published: Vec<Published>,
    /// The MOV logs sent while the input was handled, in order.
    pub mov_logs: Vec<MovLog>,
}

impl Outcome {
    /// `true` when the message was acked.
    pub fn is_acked(&self) -> bool {
        self.fate == Fate::Acked
    }

    /// The reason of a dead-lettered message, `None` when acked.
    pub fn reason(&self) -> Option<&str> {
        match &self.fate {
            Fate::Acked => None,
            Fate::DeadLettered { reason } => Some(reason),
        }
    }
}

/// An input being handled; resolves with its [`Outcome`].
#[derive(Debug)]
pub struct Sent(tokio::task::JoinHandle<Outcome>);

impl Future for Sent {
    type Output = Outcome;

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<Outcome> {
        Pin::new(&mut self.0).poll(cx).map(|joined| match joined {
            Ok(outcome) => outcome,
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            Err(error) => panic!("the harness task of an input was lost: {error}"),
        })
    }
}

/// Work still running when [`Harness::settle`] gave up.
#[derive(Debug, thiserror::Error)]
#[error("the work of {} input(s) did not finish within {timeout:?}: {}", pending.len(), pending.join("; "))]
pub struct Unsettled {
    /// The timeout.
    pub timeout: Duration,
    /// One line per input still being handled: its number, channel and the start of its body.
    pub pending: Vec<String>,
}

/// Why an input could not be sent.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SendError {
    /// The component does not receive on this channel.
    #[error("`{channel}` is not a receive channel of the component (it receives on {known})")]
    UnknownChannel {
        /// The channel asked for.
        channel: String,
        /// The receive channels.
        known: String,
    },
    /// The payload could not be serialised.
    #[error("cannot serialise the payload: {0}")]
    Serialize(#[from] serde_json::Error),
}

struct ReceiveChannel {
    rt: Arc<ChannelRuntime>,
    /// The channel's dispatcher, counting its calls.
    dispatcher: Arc<Counted>,
    /// At most `concurrency` inputs of the channel are handled at once, in the order sent.
    slots: Arc<Semaphore>,
    /// Resolves once the input pushed last holds its slot: the next one queues for a slot
    /// only then (the semaphore is fair), so inputs start in the order they were pushed.
    last: Mutex<Option<oneshot::Receiver<()>>>,
}

struct State {
    channels: HashMap<String, ReceiveChannel>,
    wire: Arc<Wire>,
    raw: Publisher,
    mov: Mov,
    mov_channels: MovChannels,
    handle: crate::ComponentHandle,
    registered_channel: Option<String>,
    next: AtomicU64,
    pending: Mutex<BTreeMap<u64, String>>,
    changed: Notify,
}

/// A component served in memory, with no broker: what you send to its receive channels goes
/// through the runtime's own decode, validation, dispatch, retry and reject path, and what it
/// publishes (MOV logs and registration included) is recorded. See the [module
/// documentation](super) for an example and for the limits.
#[derive(Clone)]
pub struct Harness {
    state: Arc<State>,
}

impl fmt::Debug for Harness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Harness")
            .field("channels", &self.state.channels.keys().collect::<Vec<_>>())
            .field("wire", &self.state.wire)
            .finish()
    }
}

impl Harness {
    /// Serves `component` in memory and publishes its register message, as `run` does once
    /// connected. Must be called inside a tokio runtime.
    ///
    /// The channel settings are the component's own (concurrency, retry policy, body limit);
    /// the environment's tuning (`VALAWAI_PREFETCH`...) does not apply. Every MOV log is sent
    /// (level DEBUG and up), on the protocol's channels.
    pub async fn start(component: Component) -> Result<Self, RunError> {
        component.check()?;
        let Component {
            info,
            receivers,
            publish_default,
            publish_channels,
            handle,
            ..
        } = component;
        let inner = handle.inner.clone();
        let wire = Arc::new(Wire::default());
        let _ = inner.publisher.memory.set(wire.clone());
        inner
            .publisher
            .configure(publish_default, publish_channels, Duration::from_secs(30));
        let mov_channels = MovChannels::default();
        inner
            .mov
            .configure(mov_channels.clone(), MovLogLevel::Debug);
        let raw = Publisher::new(inner.publisher.clone());
        let mov = Mov::new(raw.clone(), inner.mov.clone());
        let channels = receivers
            .into_iter()
            .map(|r| {
                let counters = inner.counters.channel(&r.address);
                let dispatcher = Arc::new(Counted(r.dispatcher));
                let rt = Arc::new(ChannelRuntime {
                    address: (*r.address).into(),
                    start: ChannelStart::new(dispatcher.clone()),
                    publisher: raw.clone(),
                    mov: mov.clone(),
                    counters,
                    settings: r.settings,
                });
                let slots = Arc::new(Semaphore::new(rt.settings.concurrency.max(1)));
                let receiver = ReceiveChannel {
                    rt,
                    dispatcher,
                    slots,
                    last: Mutex::new(None),
                };
                (r.address.into_owned(), receiver)
            })
            .collect();
        let state = Arc::new(State {
            channels,
            wire: wire.clone(),
            raw: raw.clone(),
            mov,
            mov_channels: mov_channels.clone(),
            handle: handle.clone(),
            registered_channel: info.as_ref().map(|i| i.registered_channel.to_string()),
            next: AtomicU64::new(1),
            pending: Mutex::new(BTreeMap::new()),
            changed: Notify::new(),
        });
        // The default exchange delivers a publish to the queue of that name: here, to a receive
        // channel of the component itself.
        let weak: Weak<State> = Arc::downgrade(&state);
        wire.set_route(Box::new(move |published| {
            if let Some(state) = weak.upgrade()
                && state.channels.contains_key(&published.channel)
            {
                let input = Input {
                    body: published.body.clone(),
                    properties: published.properties.clone(),
                    redelivered: false,
                };
                let _ = Harness { state }.push_raw(&published.channel, input);
            }
        }));
        if let Some(info) = &info {
            let register = crate::supervisor::register_payload(info);
            if let Err(e) = raw.publish(&mov_channels.register, &register).await {
                tracing::error!("cannot send the register message to the MOV: {e}");
            }
        }
        Ok(Self { state })
    }

    /// Sends `payload` as JSON to the receive channel `channel` and waits for its outcome.
    ///
    /// # Panics
    ///
    /// If `channel` is not a receive channel of the component, or `payload` does not serialise:
    /// use [`Harness::push_raw`] to handle those as errors.
    pub async fn send<T: Serialize + ?Sized>(&self, channel: &str, payload: &T) -> Outcome {
        let input = Input::json(payload)
            .unwrap_or_else(|e| panic!("cannot serialise the payload for `{channel}`: {e}"));
        self.send_raw(channel, input).await
    }

    /// Sends `input` (any bytes, any properties) to the receive channel `channel` and waits
    /// for its outcome.
    ///
    /// # Panics
    ///
    /// If `channel` is not a receive channel of the component.
    pub async fn send_raw(&self, channel: &str, input: Input) -> Outcome {
        match self.push_raw(channel, input) {
            Ok(sent) => sent.await,
            Err(e) => panic!("{e}"),
        }
    }

    /// Sends `payload` as JSON without waiting: the returned [`Sent`] resolves with the outcome.
    /// Inputs of one channel start in the order they are pushed, at most the channel's
    /// concurrency at once.
    pub fn push<T: Serialize + ?Sized>(
        &self,
        channel: &str,
        payload: &T,
    ) -> Result<Sent, SendError> {
        self.push_raw(channel, Input::json(payload)?)
    }

    /// Sends `input` without waiting: the returned [`Sent`] resolves with the outcome.
    pub fn push_raw(&self, channel: &str, input: Input) -> Result<Sent, SendError> {
        let state = &self.state;
        let Some(receiver) = state.channels.get(channel) else {
            let mut known: Vec<&str> = state.channels.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Err(SendError::UnknownChannel {
                channel: channel.into(),
                known: if known.is_empty() {
                    "no channel".into()
                } else {
                    known.join(", ")
                },
            });
        };
        let id = state.next.fetch_add(1, Ordering::SeqCst);
        let preview: String =
            String::from_utf8_lossy(&input.body[..input.body.len().min(80)]).into_owned();
        state
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, format!("input {id} on `{channel}`: {preview}"));
        let cause = Cause {
            id,
            attempts: Arc::new(AtomicU32::new(0)),
        };
        let rt = receiver.rt.clone();
        let dispatcher = receiver.dispatcher.clone();
        let slots = receiver.slots.clone();
        let (turn, next_turn) = oneshot::channel();
        let previous = receiver
            .last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .replace(next_turn);
        let done = Done {
            state: self.state.clone(),
            id,
        };
        let attempts = cause.attempts.clone();
        let handled = CAUSE.scope(cause, async move {
            if let Some(previous) = previous {
                let _ = previous.await;
            }
            let _slot = slots.acquire_owned().await;
            let _ = turn.send(());
            let Input {
                body,
                properties,
                redelivered,
            } = input;
            let properties = refuse_headers(properties);
            let acker = lapin::message::Delivery::mock(
                id,
                ShortString::from(""),
                ShortString::from(&*rt.address),
                redelivered,
                Vec::new(),
            )
            .acker;
            let scope = Arc::new(MessageScope::new(
                rt.address.clone(),
                properties,
                redelivered,
            ));
            let incoming = Incoming {
                epoch: 0,
                tag: id,
                slot: 0,
                data: body,
                acker,
                scope,
            };
            message::process(rt, dispatcher, incoming)
                .await
                .ack
                .is_some()
        });
        Ok(Sent(tokio::spawn(async move {
            let acked = handled.await;
            let state = &done.state;
            let published = state.wire.select(|p| p.cause == Some(id));
            let mov_logs: Vec<MovLog> = published
                .iter()
                .filter(|p| p.channel == state.mov_channels.log)
                .filter_map(MovLog::parse)
                .collect();
            let fate = if acked {
                Fate::Acked
            } else {
                let reason = mov_logs
                    .iter()
                    .rev()
                    .find(|log| log.level == LogLevel::Error)
                    .map_or_else(
                        || "rejected (no ERROR log was sent to the MOV)".to_owned(),
                        |log| log.message.clone(),
                    );
                Fate::DeadLettered { reason }
            };
            drop(done);
            Outcome {
                fate,
                attempts: attempts.load(Ordering::SeqCst),
                published,
                mov_logs,
            }
        })))
    }

    /// Waits until all the work the sends caused has finished: every input handled (its
    /// retries, confirms and reject included), the messages the component published to its
    /// own receive channels handled too, and the tasks the runtime spawned meanwhile (warnings
    /// about undeclared properties) given the chance to run.
    ///
    /// Fails after `timeout` with the inputs still being handled.
    pub async fn settle(&self, timeout: Duration) -> Result<(), Unsettled> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let changed = self.state.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if self.pending().is_empty() {
                // Let the tasks the handlers spawned run (their publishes are immediate here),
                // then check that they caused no new work.
                for _ in 0..4 {
                    tokio::task::yield_now().await;
                }
                if self.pending().is_empty() {
                    return Ok(());
                }
                continue;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                let pending = self.pending();
                if pending.is_empty() {
                    continue;
                }
                return Err(Unsettled { timeout, pending });
            }
        }
    }

    fn pending(&self) -> Vec<String> {
        self.state
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .cloned()
            .collect()
    }

    /// Everything published to `channel` so far, in order.
    pub fn published(&self, channel: &str) -> Vec<Published> {
        self.state.wire.select(|p| p.channel == channel)
    }

    /// The bodies published to `channel` so far, decoded from JSON into `T`.
    pub fn published_as<T: DeserializeOwned>(
        &self,
        channel: &str,
    ) -> Result<Vec<T>, serde_json::Error> {
        self.published(channel)
            .iter()
            .map(Published::json)
            .collect()
    }

    /// Everything published so far, on any channel, in order.
    pub fn published_all(&self) -> Vec<Published> {
        self.state.wire.select(|_| true)
    }

    /// Every log sent to the MOV so far, in order.
    pub fn mov_logs(&self) -> Vec<MovLog> {
        self.published(&self.state.mov_channels.log)
            .iter()
            .filter_map(MovLog::parse)
            .collect()
    }

    /// The register message the component sent at start (`None` for an unregistered
    /// service).
    pub fn registration(&self) -> Option<RegisterComponentPayload> {
        self.published(&self.state.mov_channels.register)
            .first()
            .and_then(|p| p.json().ok())
    }

    /// The channel the MOV's registered notification comes to (`None` for an unregistered
    /// service).
    pub fn registered_channel(&self) -> Option<&str> {
        self.state.registered_channel.as_deref()
    }

    /// Plays the MOV's registered notification: from now on the component's MOV logs carry
    /// `id` (24 hexadecimal digits, as the MOV's ids).
    pub fn set_component_id(&self, id: &str) {
        self.state
            .handle
            .inner
            .mov
            .set_component_id(Some(Arc::from(id)));
    }

    /// Forgets what was published so far (the registration included).
    pub fn clear(&self) {
        self.state.wire.clear();
    }

    /// The component's counters (received, handled, retried, rejected, published...).
    pub fn counters(&self) -> CountersSnapshot {
        self.state.handle.counters()
    }

    /// A raw publisher of the component, as outside a handler.
    pub fn publisher(&self) -> Publisher {
        self.state.raw.clone()
    }

    /// The context a handler of `channel` gets for a message with no property, to call one
    /// handler method directly. What the handler publishes through it is recorded (see
    /// [`Harness::published`]); its outcome is what the method returns.
    ///
    /// `P` is the publisher the handler sees: the generated module's `Context` is
    /// `valawai::Context<Publisher>` of its own typed publisher.
    pub fn context<P: From<Publisher>>(&self, channel: &str) -> Context<P> {
        self.context_with(channel, BasicProperties::default())
    }

    /// [`Harness::context`] for a message with these AMQP properties.
    pub fn context_with<P: From<Publisher>>(
        &self,
        channel: &str,
        properties: BasicProperties,
    ) -> Context<P> {
        let scope = Arc::new(MessageScope::new(channel.into(), properties, false));
        Context::new(&self.state.raw, &self.state.mov, scope, 1).typed()
    }
}

/// What the runtime's transport hands lapin for a message with these properties: they are
/// written as the content header frame the broker would send and go through the transport's
/// own check ([`crate::wire`]), which leaves out what lapin could not take and adds the
/// [`crate::wire::REFUSED_HEADERS`] mark with the reason (unchanged when nothing is wrong).
fn refuse_headers(properties: BasicProperties) -> BasicProperties {
    use amq_protocol::frame::{AMQPContentHeader, AMQPFrame, gen_frame, parse_frame};
    let frame = AMQPFrame::Header(
        1,
        AMQPContentHeader {
            class_id: 60,
            body_size: 0,
            properties: properties.clone(),
        },
    );
    gen_frame(&frame)(Vec::new().into())
        .ok()
        .and_then(|written| crate::wire::check_content_header(&written.write))
        .and_then(|rewritten| match parse_frame(&rewritten[..]) {
            Ok((_, AMQPFrame::Header(_, header))) => Some(header.properties),
            _ => None,
        })
        .unwrap_or(properties)
}

/// Marks an input done when its task ends, however it ends.
struct Done {
    state: Arc<State>,
    id: u64,
}

impl Drop for Done {
    fn drop(&mut self) {
        self.state
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.id);
        self.state.changed.notify_waiters();
    }
}

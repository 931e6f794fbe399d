//! Consuming one receive channel: prefetch, concurrent handlers, batched acks, retries and
//! rejects.
//!
//! One task per channel reads lapin's consumer stream, starts a task per message (at most
//! `concurrency` at once; 1 keeps the order) and owns the ack tracker (`acks` module). A message
//! task decodes the body, calls the handler, waits for the confirms of what the handler
//! published, and reports back; the channel task acks finished messages in batches. Invalid input and handlers that keep
//! failing are logged locally and to the MOV, then rejected without requeue.

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use futures_core::Stream;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicCancelOptions, BasicRejectOptions};
use lapin::{Acker, Channel, Consumer};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::Instant;
use tracing::Instrument;

use crate::acks::AckTracker;
use crate::context::{Context, MessageMeta};
use crate::counters::Counters;
use crate::handler::{AfterFailure, Dispatch, DispatchError, HandlerResult, RetryPolicy};
use crate::mov::protocol::LogLevel;
use crate::mov::{Mov, body_for_log};
use crate::publisher::{Outbox, PublishError, Publisher};

/// How one receive channel is consumed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChannelSettings {
    /// Unacked messages the broker may send ahead (per-consumer QoS). Default 50.
    pub prefetch: u16,
    /// Handlers running at once. 1 handles messages one after the other, in order. Default 50.
    pub concurrency: usize,
    /// Acks are sent once this many finished messages wait (one `multiple` ack). Default: a
    /// quarter of the prefetch.
    pub ack_batch: Option<usize>,
    /// The longest a finished message waits for its ack. Default 20 ms.
    pub ack_interval: Duration,
    /// Handler retries. Default: one retry after 100 ms.
    pub retry: RetryPolicy,
    /// Bodies longer than this are refused as invalid without being decoded. Default 4 MiB.
    pub max_body_bytes: usize,
    /// At most this many bytes of a refused body go into the MOV log. Default 16 KiB.
    pub log_body_bytes: usize,
}

impl Default for ChannelSettings {
    fn default() -> Self {
        Self {
            prefetch: 50,
            concurrency: 50,
            ack_batch: None,
            ack_interval: Duration::from_millis(20),
            retry: RetryPolicy::default(),
            max_body_bytes: 4 * 1024 * 1024,
            log_body_bytes: 16 * 1024,
        }
    }
}

impl ChannelSettings {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// One message at a time, in order (prefetch 10, concurrency 1).
    pub fn ordered() -> Self {
        Self {
            prefetch: 10,
            concurrency: 1,
            ..Self::default()
        }
    }

    /// Sets the prefetch (at least 1).
    pub fn prefetch(mut self, prefetch: u16) -> Self {
        self.prefetch = prefetch.max(1);
        self
    }

    /// Sets how many handlers run at once (at least 1).
    pub fn concurrency(mut self, concurrency: usize) -> Self {
        self.concurrency = concurrency.max(1);
        self
    }

    /// Sets the ack batch size.
    pub fn ack_batch(mut self, batch: usize) -> Self {
        self.ack_batch = Some(batch.max(1));
        self
    }

    /// Sets the retry policy.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets the largest accepted body.
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    pub(crate) fn batch(&self) -> usize {
        self.ack_batch
            .unwrap_or(usize::from(self.prefetch) / 4)
            .clamp(1, usize::from(self.prefetch.max(1)))
    }
}

/// Everything the tasks of one receive channel share.
pub(crate) struct ChannelRuntime {
    pub address: Arc<str>,
    pub settings: ChannelSettings,
    pub dispatcher: Arc<dyn Dispatch>,
    pub publisher: Publisher,
    pub mov: Mov,
    pub counters: Arc<Counters>,
}

/// Why a channel task ended.
#[derive(Debug)]
pub(crate) enum ConsumerExit {
    /// Stopped on request, after draining.
    Stopped,
    /// The channel is gone and lapin could not recover it.
    Failed(String),
}

/// What a message task reports: `(epoch, tag, acker to ack or None if settled)`.
type Finished = (u64, u64, Option<Acker>);

/// Stop request for the channel tasks: the deadline for in-flight handlers.
pub(crate) type StopSignal = watch::Receiver<Option<Instant>>;

async fn next_delivery(consumer: &mut Consumer) -> Option<lapin::Result<Delivery>> {
    std::future::poll_fn(|cx| Pin::new(&mut *consumer).poll_next(cx)).await
}

/// Consumes until stopped or until the channel is lost for good.
pub(crate) async fn run(
    rt: Arc<ChannelRuntime>,
    channel: Channel,
    mut consumer: Consumer,
    mut stop: StopSignal,
) -> ConsumerExit {
    let mut tracker: AckTracker<Acker> = AckTracker::new(rt.settings.batch());
    let mut tasks: JoinSet<Finished> = JoinSet::new();
    let mut epoch = 0u64;
    let mut last_tag = 0u64;
    let mut flush_at: Option<Instant> = None;
    let limit = rt.settings.concurrency.max(1);

    let deadline = loop {
        if let Some(deadline) = *stop.borrow_and_update() {
            break deadline;
        }
        tokio::select! {
            biased;
            changed = stop.changed() => {
                if changed.is_err() {
                    break Instant::now();
                }
            }
            Some(joined) = tasks.join_next(), if !tasks.is_empty() => {
                record(&mut tracker, epoch, joined, &rt.counters);
                if tracker.wants_flush() || tasks.is_empty() {
                    flush(&mut tracker, false).await;
                }
                flush_at = arm(&tracker, flush_at, rt.settings.ack_interval);
            }
            item = next_delivery(&mut consumer), if tasks.len() < limit => match item {
                Some(Ok(delivery)) => {
                    let tag = delivery.delivery_tag;
                    if tag <= last_tag {
                        // Tags restarted: lapin recovered the channel.
                        epoch += 1;
                        tracker.reset();
                    }
                    last_tag = tag;
                    tracker.delivered(tag);
                    tasks.spawn(process(rt.clone(), delivery, epoch));
                }
                Some(Err(error)) => {
                    tracing::warn!(channel = %rt.address, %error, "consumer interrupted; waiting for the connection to recover");
                    epoch += 1;
                    last_tag = 0;
                    tracker.reset();
                    flush_at = None;
                    if let Err(reason) = recover(&channel, error, &mut stop).await {
                        tasks.detach_all();
                        return ConsumerExit::Failed(reason);
                    }
                    tracing::info!(channel = %rt.address, "consumer resumed");
                }
                None => {
                    tasks.detach_all();
                    return ConsumerExit::Failed(format!(
                        "the broker cancelled the consumer of `{}` (queue deleted or channel closed)",
                        rt.address
                    ));
                }
            },
            () = sleep_until(flush_at), if flush_at.is_some() => {
                flush(&mut tracker, true).await;
                flush_at = arm(&tracker, None, rt.settings.ack_interval);
            }
        }
    };

    // Stop: no new deliveries; finish what runs, up to the deadline; flush the acks.
    let tag = consumer.tag();
    if let Err(error) = tokio::time::timeout(
        Duration::from_secs(5),
        channel.basic_cancel(tag, BasicCancelOptions::default()),
    )
    .await
    .unwrap_or_else(|_| Err(std::io::Error::other("timeout").into()))
    {
        tracing::debug!(channel = %rt.address, %error, "could not cancel the consumer");
    }
    while !tasks.is_empty() {
        tokio::select! {
            Some(joined) = tasks.join_next() => {
                record(&mut tracker, epoch, joined, &rt.counters);
                if tracker.wants_flush() {
                    flush(&mut tracker, false).await;
                }
            }
            () = tokio::time::sleep_until(deadline) => break,
        }
    }
    flush(&mut tracker, true).await;
    if !tasks.is_empty() {
        tracing::warn!(
            channel = %rt.address,
            "{} handler(s) did not finish before the shutdown deadline; their messages will be redelivered",
            tasks.len()
        );
        tasks.abort_all();
    }
    ConsumerExit::Stopped
}

fn record(
    tracker: &mut AckTracker<Acker>,
    epoch: u64,
    joined: Result<Finished, tokio::task::JoinError>,
    counters: &Counters,
) {
    match joined {
        Ok((e, tag, ack)) if e == epoch => {
            tracker.finished(tag, ack);
        }
        // A message of a previous epoch: its acker is dead, the broker redelivers it.
        Ok((_, _, Some(_))) => counters.abandoned(),
        Ok(_) => {}
        Err(error) => tracing::error!(%error, "a message task was lost"),
    }
}

fn arm(
    tracker: &AckTracker<Acker>,
    current: Option<Instant>,
    interval: Duration,
) -> Option<Instant> {
    if tracker.unsent() == 0 {
        None
    } else {
        current.or_else(|| Some(Instant::now() + interval))
    }
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// The longest an ack or a reject may wait for lapin. lapin can keep the promise of an ack sent
/// while the connection dies pending for good; the message is then redelivered anyway.
const SETTLE_TIMEOUT: Duration = Duration::from_secs(10);

/// Acks or rejects through `acker`, within [`SETTLE_TIMEOUT`]. `true` if the broker got it.
async fn settle(acker: &Acker, reject: bool, multiple: bool) -> bool {
    let sent = async {
        if reject {
            acker.reject(BasicRejectOptions { requeue: false }).await
        } else {
            acker.ack(BasicAckOptions { multiple }).await
        }
    };
    match tokio::time::timeout(SETTLE_TIMEOUT, sent).await {
        Ok(Ok(done)) => done,
        Ok(Err(error)) => {
            tracing::debug!(%error, reject, "ack or reject failed; the broker will redeliver");
            false
        }
        Err(_) => {
            tracing::warn!(
                reject,
                "no answer from lapin to an ack or reject within {SETTLE_TIMEOUT:?}; the broker will redeliver"
            );
            false
        }
    }
}

async fn flush(tracker: &mut AckTracker<Acker>, force: bool) {
    let plan = tracker.plan(force);
    if plan.is_empty() {
        return;
    }
    if let Some(acker) = plan.multiple {
        settle(&acker, false, true).await;
    }
    for acker in plan.singles {
        settle(&acker, false, false).await;
    }
}

/// Waits for lapin to recover the channel. `Err` when it cannot; `Ok` also when asked to stop.
async fn recover(
    channel: &Channel,
    error: lapin::Error,
    stop: &mut StopSignal,
) -> Result<(), String> {
    tokio::select! {
        r = crate::recovery::recovered(channel, error) => r,
        _ = stop.changed() => Ok(()),
    }
}

enum Outcome {
    Ack,
    Reject,
    Abandoned,
}

/// Handles one message: decode, call the handler (retrying), wait for its confirms.
async fn process(rt: Arc<ChannelRuntime>, delivery: Delivery, epoch: u64) -> Finished {
    let Delivery {
        delivery_tag,
        redelivered,
        properties,
        data,
        acker,
        ..
    } = delivery;
    rt.counters.received(redelivered);
    let meta = Arc::new(MessageMeta {
        channel: rt.address.clone(),
        message_id: properties.message_id().as_ref().map(|s| s.to_string()),
        correlation_id: properties.correlation_id().as_ref().map(|s| s.to_string()),
        redelivered,
        headers: properties.headers().clone(),
    });
    let span = tracing::info_span!(
        "message",
        channel = %rt.address,
        message_id = meta.message_id.as_deref().unwrap_or(""),
        tag = delivery_tag,
    );
    let outcome = handle(&rt, &data, meta, &acker).instrument(span).await;
    match outcome {
        Outcome::Ack => (epoch, delivery_tag, Some(acker)),
        Outcome::Reject => {
            if !settle(&acker, true, false).await {
                rt.counters.abandoned();
            }
            (epoch, delivery_tag, None)
        }
        Outcome::Abandoned => {
            rt.counters.abandoned();
            (epoch, delivery_tag, None)
        }
    }
}

async fn handle(
    rt: &ChannelRuntime,
    body: &[u8],
    meta: Arc<MessageMeta>,
    acker: &Acker,
) -> Outcome {
    if body.len() > rt.settings.max_body_bytes {
        let reason = format!(
            "the body has {} bytes, more than the limit of {} bytes",
            body.len(),
            rt.settings.max_body_bytes
        );
        return refuse_invalid(rt, body, &reason).await;
    }
    if let Some(reason) = crate::wire::refused_headers(meta.headers.as_ref()) {
        return refuse_invalid(
            rt,
            body,
            &format!("its AMQP headers were refused: {reason}"),
        )
        .await;
    }
    let mut attempt = 1;
    loop {
        let outbox = Arc::new(Outbox::default());
        let publisher = rt.publisher.scoped(outbox.clone());
        let context = Context::new(
            publisher.clone(),
            rt.mov.with_publisher(publisher),
            meta.clone(),
            attempt,
        );
        let dispatched =
            std::panic::catch_unwind(AssertUnwindSafe(|| rt.dispatcher.dispatch(body, context)));
        let result = match dispatched {
            Ok(Ok(future)) => CatchUnwind(future).await,
            Ok(Err(DispatchError::InvalidPayload(reason))) => {
                return refuse_invalid(rt, body, &reason.to_string()).await;
            }
            Err(panic) => Err(panic),
        };
        let (reason, retryable) = match result {
            Ok(Ok(())) => match outbox
                .settle(rt.publisher.shared(), &|| acker.poisoned())
                .await
            {
                Ok(()) => {
                    rt.counters.handled();
                    return Outcome::Ack;
                }
                Err(PublishError::Abandoned { .. }) => return Outcome::Abandoned,
                Err(e) => (
                    format!("the broker did not take a message the handler published: {e}"),
                    true,
                ),
            },
            Ok(Err(error)) => (error.to_string(), error.is_retryable()),
            Err(panic) => (
                format!("the handler panicked: {}", panic_message(&*panic)),
                true,
            ),
        };
        rt.counters.failed();
        if acker.poisoned() {
            // The connection was lost meanwhile: the broker redelivers the message.
            return Outcome::Abandoned;
        }
        match rt.settings.retry.after_failure(attempt, retryable) {
            AfterFailure::RetryAfter(delay) => {
                tracing::warn!(attempt, "handler failed, retrying in {delay:?}: {reason}");
                tokio::time::sleep(delay).await;
                rt.counters.retried();
                attempt += 1;
            }
            AfterFailure::Reject => {
                let message = format!(
                    "Cannot process a message on channel `{}` (attempt {attempt}): {reason}",
                    rt.address
                );
                log_error(rt, body, message).await;
                rt.counters.rejected(false);
                return Outcome::Reject;
            }
        }
    }
}

async fn refuse_invalid(rt: &ChannelRuntime, body: &[u8], reason: &str) -> Outcome {
    let message = format!("Invalid message on channel `{}`: {reason}", rt.address);
    log_error(rt, body, message).await;
    rt.counters.rejected(true);
    Outcome::Reject
}

/// Logs locally and to the MOV, with the body as payload.
async fn log_error(rt: &ChannelRuntime, body: &[u8], mut message: String) {
    let (payload, cut) = body_for_log(body, rt.settings.log_body_bytes);
    if cut {
        message.push_str(&format!(
            " (payload cut to {} of {} bytes)",
            rt.settings.log_body_bytes,
            body.len()
        ));
    }
    if let Err(error) = rt
        .mov
        .log_raw(LogLevel::Error, &message, Some(payload))
        .await
    {
        tracing::warn!(%error, "could not send an ERROR log to the MOV");
    }
}

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Turns a panic inside a handler's future into an error.
struct CatchUnwind(Pin<Box<dyn Future<Output = HandlerResult> + Send>>);

impl Future for CatchUnwind {
    type Output = Result<HandlerResult, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<Self::Output> {
        let future = self.0.as_mut();
        match std::panic::catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(result)) => Poll::Ready(Ok(result)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_defaults_to_a_quarter_of_the_prefetch() {
        assert_eq!(ChannelSettings::default().batch(), 12);
        assert_eq!(ChannelSettings::ordered().batch(), 2);
        assert_eq!(ChannelSettings::default().prefetch(1).batch(), 1);
        assert_eq!(
            ChannelSettings::default()
                .prefetch(10)
                .ack_batch(64)
                .batch(),
            10
        );
    }

    fn acker(tag: u64) -> Acker {
        Delivery::mock(tag, "".into(), "q".into(), false, Vec::new()).acker
    }

    #[tokio::test]
    async fn flush_acks_the_prefix_with_one_acker_and_forced_singles() {
        let ackers: Vec<Acker> = (1..=5).map(acker).collect();
        let mut tracker = AckTracker::new(2);
        for tag in 1..=5 {
            tracker.delivered(tag);
        }
        for tag in [1u64, 2, 4] {
            tracker.finished(tag, Some(ackers[tag as usize - 1].clone()));
        }
        flush(&mut tracker, false).await;
        let used: Vec<bool> = ackers.iter().map(|a| !a.usable()).collect();
        // Tag 2's acker sent one `multiple` ack for 1 and 2; 4 waits behind 3.
        assert_eq!(used, vec![false, true, false, false, false]);
        flush(&mut tracker, true).await;
        let used: Vec<bool> = ackers.iter().map(|a| !a.usable()).collect();
        assert_eq!(
            used,
            vec![false, true, false, true, false],
            "forced: 4 acked alone"
        );
        assert_eq!(tracker.unsent(), 0);
    }

    #[tokio::test]
    async fn a_panicking_future_becomes_an_error() {
        let r = CatchUnwind(Box::pin(async { panic!("boom") })).await;
        assert_eq!(panic_message(&*r.unwrap_err()), "boom");
        let r = CatchUnwind(Box::pin(async { Ok(()) })).await;
        assert!(matches!(r, Ok(Ok(()))));
    }
}

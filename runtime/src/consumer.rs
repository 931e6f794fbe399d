//! Consuming one receive channel: prefetch, concurrent handlers, batched acks, retries and
//! rejects.
//!
//! One task per receive channel reads lapin's consumer stream and runs every message it
//! delivers (the `message` module: decode, handler, retries, confirms), at most `concurrency` at
//! once (1 keeps the order). By default that task polls the messages' futures itself, in slots
//! that are reused (`slots` module): no task and no allocation per message, and the wake-ups
//! that lapin's I/O thread sends for many messages fold into one wake-up of this task.
//! [`ChannelSettings::spawn`] makes each message a tokio task of its own instead, for handlers
//! that use a lot of CPU.
//!
//! The task owns the ack tracker (`acks` module) and acks finished messages in batches with one
//! `multiple` ack, handing each ack to lapin without waiting for it to be written. It also runs
//! the channel's two timers: the ack interval, and the watchdog that bounds every message's
//! waits for the broker (`watchdog` module). Invalid input and handlers that keep failing are
//! logged locally and to the MOV, then rejected without requeue.

mod acking;
pub(crate) mod message;
mod running;
mod slots;

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_core::Stream;
use lapin::message::Delivery;
use lapin::options::BasicCancelOptions;
use lapin::{Channel, Consumer};
use tokio::sync::watch;
use tokio::time::{Instant, Sleep};

use crate::counters::Counters;
use crate::handler::{Dispatch, Inline, RetryPolicy, Visit};
use crate::mov::Mov;
use crate::publisher::Publisher;
use crate::publisher::scope::MessageScope;
use acking::Acks;
use message::{Finished, Incoming};
use running::{Running, Watched};

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
    /// Run each message as a tokio task of its own instead of inside the channel's task.
    /// Default `false`. See [`ChannelSettings::spawn`].
    pub spawn: bool,
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
            spawn: false,
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

    /// Runs each message of this channel as a tokio task of its own (`true`), or inside the
    /// channel's task (`false`, the default).
    ///
    /// By default the channel's task polls the futures of the messages it handles, up to the
    /// concurrency, itself. That is the cheapest way for handlers that mostly wait (for the
    /// broker, a database, another service): no task is spawned per message, and the wake-ups
    /// from lapin's I/O thread for many messages cost one wake-up of one task, whatever the
    /// number of tokio workers. The messages of one channel then run on one thread at a time,
    /// concurrently but not in parallel: a handler that computes for a millisecond holds up the
    /// others of its channel for that millisecond, and a handler that blocks the thread blocks
    /// them all.
    ///
    /// With `spawn(true)`, each message is a task of its own, so on a multi-threaded tokio
    /// runtime the handlers of one channel run in parallel on its workers. Choose it for
    /// CPU-heavy handlers; it costs a task per message (an allocation, the scheduler, and
    /// wake-ups between workers). Blocking code still belongs in
    /// `tokio::task::spawn_blocking`. Retries, rejects, batched acks, confirms before the ack,
    /// recovery, order at concurrency 1 and the drain on shutdown are the same either way.
    pub fn spawn(mut self, spawn: bool) -> Self {
        self.spawn = spawn;
        self
    }

    pub(crate) fn batch(&self) -> usize {
        self.ack_batch
            .unwrap_or(usize::from(self.prefetch) / 4)
            .clamp(1, usize::from(self.prefetch.max(1)))
    }
}

/// Everything the messages of one receive channel share.
pub(crate) struct ChannelRuntime {
    pub address: Arc<str>,
    pub settings: ChannelSettings,
    /// Starts the channel's task, for the type of its dispatcher.
    pub start: ChannelStart,
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

/// Stop request for the channel tasks: the deadline for in-flight handlers.
pub(crate) type StopSignal = watch::Receiver<Option<Instant>>;

/// Rounds of work (finished messages, new deliveries) the channel's task does in one poll
/// before it lets the other tasks of its thread run.
const ROUNDS_PER_POLL: usize = 8;

/// Starts the task of a receive channel for the type of its dispatcher.
#[derive(Clone)]
pub(crate) struct ChannelStart(Arc<StartFn>);

impl ChannelStart {
    pub(crate) fn new<H: Inline + ?Sized>(handler: Arc<H>) -> Self {
        Self(Arc::new(move |rt, channel, consumer, stop| {
            Box::pin(run(rt, handler.clone(), channel, consumer, stop))
        }))
    }

    /// The channel's task, for a dispatcher as [`Dispatch::accept`] hands it over.
    pub(crate) fn of<D: Dispatch>(dispatcher: Arc<D>) -> Self {
        dispatcher.accept(Starts)
    }

    pub(crate) fn start(&self) -> &StartFn {
        &*self.0
    }
}

/// Makes the [`ChannelStart`] of a dispatcher's concrete type.
struct Starts;

impl Visit for Starts {
    type Out = ChannelStart;

    fn visit<H: Inline + ?Sized>(self, handler: Arc<H>) -> ChannelStart {
        ChannelStart::new(handler)
    }
}

/// What [`ChannelStart`] holds: the channel's task, for one type of dispatcher.
pub(crate) type StartFn = dyn Fn(
        Arc<ChannelRuntime>,
        Channel,
        Consumer,
        StopSignal,
    ) -> Pin<Box<dyn Future<Output = ConsumerExit> + Send>>
    + Send
    + Sync;

/// Consumes until stopped or until the channel is lost for good.
pub(crate) async fn run<H: Inline + ?Sized>(
    rt: Arc<ChannelRuntime>,
    handler: Arc<H>,
    channel: Channel,
    consumer: Consumer,
    mut stop: StopSignal,
) -> ConsumerExit {
    let mut task = ChannelTask::new(rt, channel, consumer, move |rt, incoming| {
        message::process(rt, handler.clone(), incoming)
    });
    let ended = {
        let mut stopped = pin!(stop_requested(&mut stop));
        std::future::poll_fn(|cx| {
            if let Poll::Ready(deadline) = stopped.as_mut().poll(cx) {
                return Poll::Ready(Ok(deadline));
            }
            task.poll_work(cx).map(Err)
        })
        .await
    };
    match ended {
        Ok(deadline) => task.drain(deadline).await,
        Err(reason) => {
            task.running.abandon();
            ConsumerExit::Failed(reason)
        }
    }
}

/// Resolves with the deadline once a stop is requested (now, if the sender is gone).
async fn stop_requested(stop: &mut StopSignal) -> Instant {
    loop {
        if let Some(deadline) = *stop.borrow_and_update() {
            return deadline;
        }
        if stop.changed().await.is_err() {
            return Instant::now();
        }
    }
}

/// Records a finished message: its scope is no longer watched, its ack is due.
fn finish(watched: &mut Watched, acks: &mut Acks<Channel>, finished: Result<Finished, String>) {
    match finished {
        Ok(finished) => {
            watched.remove(finished.slot);
            acks.record(finished);
        }
        Err(error) => tracing::error!(%error, "a message task was lost"),
    }
}

/// A timer that is armed at most once at a time.
struct Timer {
    sleep: Pin<Box<Sleep>>,
    armed: bool,
}

impl Timer {
    fn new() -> Self {
        Self {
            sleep: Box::pin(tokio::time::sleep(Duration::ZERO)),
            armed: false,
        }
    }

    /// Arms the timer unless it is armed; `true` if it was armed now (it must then be polled).
    fn arm(&mut self, after: Duration) -> bool {
        if self.armed {
            return false;
        }
        self.sleep.as_mut().reset(Instant::now() + after);
        self.armed = true;
        true
    }

    /// Forgets the deadline: the next [`Timer::arm`] sets a new one.
    fn disarm(&mut self) {
        self.armed = false;
    }

    /// `true` once when an armed timer fires.
    fn fired(&mut self, cx: &mut Context<'_>) -> bool {
        if self.armed && self.sleep.as_mut().poll(cx).is_ready() {
            self.armed = false;
            return true;
        }
        false
    }
}

/// Waiting for lapin to recover a channel: `Err` with the reason when it cannot.
type Recovery = Pin<Box<dyn Future<Output = Result<(), String>> + Send>>;

/// One receive channel's task.
struct ChannelTask<F, M> {
    rt: Arc<ChannelRuntime>,
    channel: Channel,
    consumer: Consumer,
    /// Makes the future of one message.
    start: M,
    running: Running<F>,
    limit: usize,
    acks: Acks<Channel>,
    last_tag: u64,
    /// Waiting for lapin to recover the channel; no deliveries meanwhile.
    recovering: Option<Recovery>,
    /// The longest a finished message waits for its ack.
    flush: Timer,
    /// The watchdog's tick.
    watchdog: Timer,
    tick: Duration,
    /// The scopes of the messages in flight, for the watchdog.
    watched: Watched,
}

impl<F, M> ChannelTask<F, M>
where
    F: Future<Output = Finished> + Send + 'static,
    M: Fn(Arc<ChannelRuntime>, Incoming) -> F,
{
    fn new(rt: Arc<ChannelRuntime>, channel: Channel, consumer: Consumer, start: M) -> Self {
        Self {
            running: Running::new(rt.settings.spawn),
            limit: rt.settings.concurrency.max(1),
            acks: Acks::new(rt.settings.batch(), rt.counters.clone(), channel.clone()),
            tick: crate::watchdog::tick_period(rt.publisher.shared().timeout()),
            rt,
            channel,
            consumer,
            start,
            last_tag: 0,
            recovering: None,
            flush: Timer::new(),
            watchdog: Timer::new(),
            watched: Watched::default(),
        }
    }

    /// Does the work that is ready: records finished messages, sends the acks that are due,
    /// starts new deliveries up to the concurrency, follows a recovery, runs the timers.
    /// Resolves only when the channel is lost for good, with the reason.
    fn poll_work(&mut self, cx: &mut Context<'_>) -> Poll<String> {
        for _ in 0..ROUNDS_PER_POLL {
            let mut busy = false;
            while let Poll::Ready(Some(finished)) = self.running.poll_next(cx) {
                finish(&mut self.watched, &mut self.acks, finished);
                busy = true;
            }
            // Ack once a batch is complete, or at once when nothing else is in flight.
            if busy && (self.acks.tracker.wants_flush() || self.running.is_empty()) {
                self.acks.send(false);
                if self.acks.tracker.unsent() == 0 {
                    // Nothing waits for an ack any more: the interval starts again with the
                    // next finished message, instead of forcing a short ack every interval
                    // while messages keep coming.
                    self.flush.disarm();
                }
            }
            if let Some(recovery) = self.recovering.as_mut() {
                match recovery.as_mut().poll(cx) {
                    Poll::Ready(Ok(())) => {
                        self.recovering = None;
                        tracing::info!(channel = %self.rt.address, "consumer resumed");
                        busy = true;
                    }
                    Poll::Ready(Err(reason)) => return Poll::Ready(reason),
                    Poll::Pending => {}
                }
            } else {
                while self.running.len() < self.limit {
                    match Pin::new(&mut self.consumer).poll_next(cx) {
                        Poll::Ready(Some(Ok(delivery))) => self.start(delivery),
                        Poll::Ready(Some(Err(error))) => {
                            // The recovery starts: polled in the next round.
                            self.interrupted(error);
                            busy = true;
                            break;
                        }
                        Poll::Ready(None) => {
                            return Poll::Ready(format!(
                                "the broker cancelled the consumer of `{}` (queue deleted or channel closed)",
                                self.rt.address
                            ));
                        }
                        Poll::Pending => break,
                    }
                    busy = true;
                }
            }
            if !busy {
                self.poll_timers(cx);
                return Poll::Pending;
            }
        }
        // More work may be ready: come back after the other tasks of this thread.
        self.poll_timers(cx);
        cx.waker().wake_by_ref();
        Poll::Pending
    }

    fn start(&mut self, delivery: Delivery) {
        let Delivery {
            delivery_tag: tag,
            redelivered,
            properties,
            data,
            acker,
            ..
        } = delivery;
        if tag <= self.last_tag {
            // Tags restarted: lapin recovered the channel.
            self.acks.new_epoch();
        }
        self.last_tag = tag;
        self.acks.tracker.delivered(tag);
        let scope = Arc::new(MessageScope::new(
            self.rt.address.clone(),
            properties,
            redelivered,
        ));
        let slot = self.watched.insert(scope.clone());
        let incoming = Incoming {
            epoch: self.acks.epoch,
            tag,
            slot,
            data,
            acker,
            scope,
        };
        let (start, rt) = (&self.start, &self.rt);
        self.running.push_with(|| start(rt.clone(), incoming));
    }

    /// The consumer stream failed: wait for lapin to recover the channel.
    fn interrupted(&mut self, error: lapin::Error) {
        tracing::warn!(channel = %self.rt.address, %error, "consumer interrupted; waiting for the connection to recover");
        self.acks.new_epoch();
        self.last_tag = 0;
        let channel = self.channel.clone();
        self.recovering = Some(Box::pin(async move {
            crate::recovery::recovered(&channel, error).await
        }));
    }

    /// Runs the ack interval and the watchdog, and arms them while they have work.
    fn poll_timers(&mut self, cx: &mut Context<'_>) {
        loop {
            if self.flush.fired(cx) {
                self.acks.send(true);
            }
            if self.watchdog.fired(cx) {
                self.tick();
            }
            let mut armed = false;
            if self.acks.tracker.unsent() > 0 {
                armed |= self.flush.arm(self.rt.settings.ack_interval);
            }
            if !self.watched.is_empty() {
                armed |= self.watchdog.arm(self.tick);
            }
            if !armed {
                return;
            }
        }
    }

    /// One tick of the watchdog over the messages in flight.
    fn tick(&mut self) {
        let expired = self.watched.tick();
        if expired > 0 {
            tracing::debug!(channel = %self.rt.address, expired, "messages waited for the broker longer than the publish timeout");
        }
    }

    /// Stop: no new deliveries; finish what runs, up to the deadline; flush the acks.
    async fn drain(mut self, deadline: Instant) -> ConsumerExit {
        let address = self.rt.address.clone();
        let mut cancel = pin!(tokio::time::timeout(
            Duration::from_secs(5),
            self.channel
                .basic_cancel(self.consumer.tag(), BasicCancelOptions::default()),
        ));
        let mut cancelled = false;
        let mut late = pin!(tokio::time::sleep_until(deadline));
        let running = &mut self.running;
        let acks = &mut self.acks;
        let watched = &mut self.watched;
        std::future::poll_fn(|cx| {
            if !cancelled && let Poll::Ready(result) = cancel.as_mut().poll(cx) {
                cancelled = true;
                if let Err(error) =
                    result.unwrap_or_else(|_| Err(std::io::Error::other("timeout").into()))
                {
                    tracing::debug!(channel = %address, %error, "could not cancel the consumer");
                }
            }
            while let Poll::Ready(Some(finished)) = running.poll_next(cx) {
                finish(watched, acks, finished);
                if acks.tracker.wants_flush() {
                    acks.send(false);
                }
            }
            if running.is_empty() && cancelled || late.as_mut().poll(cx).is_ready() {
                return Poll::Ready(());
            }
            Poll::Pending
        })
        .await;
        self.acks.flush().await;
        if !self.running.is_empty() {
            tracing::warn!(
                channel = %self.rt.address,
                "{} handler(s) did not finish before the shutdown deadline; their messages will be redelivered",
                self.running.len()
            );
            self.running.abort();
        }
        ConsumerExit::Stopped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_disarmed_timer_counts_again_from_its_next_arming() {
        let mut timer = Timer::new();
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let interval = Duration::from_millis(20);
        assert!(timer.arm(interval));
        assert!(!timer.arm(interval), "armed already: the deadline stays");
        tokio::time::advance(Duration::from_millis(15)).await;
        assert!(!timer.fired(&mut cx));
        // Everything was acked at 15 ms; the next finished message arms it at 15 ms.
        timer.disarm();
        assert!(timer.arm(interval));
        tokio::time::advance(Duration::from_millis(10)).await;
        assert!(
            !timer.fired(&mut cx),
            "25 ms: not the first deadline any more"
        );
        tokio::time::advance(Duration::from_millis(10)).await;
        assert!(
            timer.fired(&mut cx),
            "35 ms: 20 ms after it was armed again"
        );
        assert!(!timer.fired(&mut cx), "fires once");
    }

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
}

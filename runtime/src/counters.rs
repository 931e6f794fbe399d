//! Message counters a component can read while it runs, in total and per channel, and a
//! histogram of handler run times.
//!
//! A component owns one [`Counters`] (the totals and its connection-level counts). Each channel
//! it receives or publishes on gets a child, made by [`Counters::channel`]: what is counted on
//! a child is added to the component's totals as well. The `http` feature serves them all on
//! `/metrics`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Upper bounds, in seconds, of the buckets of the handler latency histogram (a last bucket,
/// `+Inf`, takes the rest).
pub const LATENCY_BUCKETS: [f64; 16] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0,
];

/// At most this many channels are counted apart; further ones share [`OTHER_CHANNELS`]. A
/// component has a fixed set of channels, but a parameterised send channel could have many
/// addresses, and every one is a label value on `/metrics`.
const MAX_CHANNELS: usize = 256;

/// The name under which channels beyond the first 256 are counted together.
pub const OTHER_CHANNELS: &str = "<other>";

/// Counts handler run times into [`LATENCY_BUCKETS`].
#[derive(Debug, Default)]
struct Histogram {
    /// Per bucket (not cumulative); the last one is `+Inf`.
    buckets: [AtomicU64; LATENCY_BUCKETS.len() + 1],
    sum_nanos: AtomicU64,
    count: AtomicU64,
}

impl Histogram {
    fn observe(&self, took: Duration) {
        let seconds = took.as_secs_f64();
        let bucket = LATENCY_BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.buckets[bucket].fetch_add(1, Relaxed);
        let nanos = u64::try_from(took.as_nanos()).unwrap_or(u64::MAX);
        self.sum_nanos.fetch_add(nanos, Relaxed);
        self.count.fetch_add(1, Relaxed);
    }

    fn snapshot(&self) -> LatencySnapshot {
        LatencySnapshot {
            buckets: std::array::from_fn(|i| self.buckets[i].load(Relaxed)),
            sum_seconds: Duration::from_nanos(self.sum_nanos.load(Relaxed)).as_secs_f64(),
            count: self.count.load(Relaxed),
        }
    }
}

/// A copy of a handler latency histogram at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct LatencySnapshot {
    /// Handler runs per bucket of [`LATENCY_BUCKETS`] (not cumulative); the last entry counts
    /// the runs longer than the last bound.
    pub buckets: [u64; LATENCY_BUCKETS.len() + 1],
    /// The run times added up, in seconds.
    pub sum_seconds: f64,
    /// Handler runs measured.
    pub count: u64,
}

/// Live counters: a component's (its totals, with one child per channel) or a channel's (which
/// add to the component's as well).
#[derive(Debug, Default)]
pub struct Counters {
    received: AtomicU64,
    redelivered: AtomicU64,
    handled: AtomicU64,
    failed: AtomicU64,
    retried: AtomicU64,
    rejected: AtomicU64,
    invalid: AtomicU64,
    published: AtomicU64,
    publish_failed: AtomicU64,
    nacked: AtomicU64,
    abandoned: AtomicU64,
    latency: Histogram,
    reconnects: AtomicU64,
    registrations: AtomicU64,
    reregistrations: AtomicU64,
    /// The component's counters, for a channel's.
    parent: Option<Arc<Counters>>,
    /// A component's channels, by address.
    channels: RwLock<BTreeMap<Arc<str>, Arc<Counters>>>,
}

/// A copy of the counters at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct CountersSnapshot {
    /// Deliveries received on every receive channel (the registered one included).
    pub received: u64,
    /// Of those, deliveries the broker flagged as redelivered.
    pub redelivered: u64,
    /// Messages whose handler succeeded and whose outputs were confirmed (acked).
    pub handled: u64,
    /// Handler attempts that failed (an error or a panic); a retried message counts once per
    /// failed attempt.
    pub failed: u64,
    /// Handler attempts that were retries.
    pub retried: u64,
    /// Messages rejected without requeue (dead-lettered when a dead-letter policy applies to the
    /// queue, dropped otherwise): invalid input, or a handler that kept failing.
    pub rejected: u64,
    /// Of the rejected messages, those whose payload was invalid.
    pub invalid: u64,
    /// Messages this component published and the broker confirmed.
    pub published: u64,
    /// Publishes that failed (timeout, unroutable with `mandatory`, closed).
    pub publish_failed: u64,
    /// Negative confirms from the broker (the message was then sent again).
    pub nacked: u64,
    /// Deliveries neither acked nor rejected because the connection was lost meanwhile (the
    /// broker redelivers them).
    pub abandoned: u64,
    /// Handler run times (decoding excluded, waiting for confirms excluded).
    pub latency: LatencySnapshot,
    /// Connections re-established: by lapin's recovery, or replaced by the runtime. Component
    /// totals only.
    pub reconnects: u64,
    /// Registered notifications received from the MOV. Component totals only.
    pub registrations: u64,
    /// Registrations sent again because the MOV came back after it stopped consuming its
    /// register queue (a MOV restart). Component totals only.
    pub reregistrations: u64,
}

macro_rules! bump {
    ($self:ident . $field:ident) => {{
        let mut counters = Some($self);
        while let Some(c) = counters {
            c.$field.fetch_add(1, Relaxed);
            counters = c.parent.as_deref();
        }
    }};
}

impl Counters {
    /// Reads every counter.
    pub fn snapshot(&self) -> CountersSnapshot {
        CountersSnapshot {
            received: self.received.load(Relaxed),
            redelivered: self.redelivered.load(Relaxed),
            handled: self.handled.load(Relaxed),
            failed: self.failed.load(Relaxed),
            retried: self.retried.load(Relaxed),
            rejected: self.rejected.load(Relaxed),
            invalid: self.invalid.load(Relaxed),
            published: self.published.load(Relaxed),
            publish_failed: self.publish_failed.load(Relaxed),
            nacked: self.nacked.load(Relaxed),
            abandoned: self.abandoned.load(Relaxed),
            latency: self.latency.snapshot(),
            reconnects: self.reconnects.load(Relaxed),
            registrations: self.registrations.load(Relaxed),
            reregistrations: self.reregistrations.load(Relaxed),
        }
    }

    /// Every channel counted so far, by address, with its counters.
    pub fn channels(&self) -> Vec<(Arc<str>, CountersSnapshot)> {
        self.channels
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(address, c)| (address.clone(), c.snapshot()))
            .collect()
    }

    /// The counters of `address`, made on first use; what they count adds to `self` as well.
    pub(crate) fn channel(self: &Arc<Self>, address: &str) -> Arc<Counters> {
        self.channel_named(address).1
    }

    /// [`Counters::channel`], with the address as the counters keep it (shared, so that a
    /// publish can hold its channel's name without a copy). Past [`MAX_CHANNELS`] addresses,
    /// the name is made anew and the counters are those of every other channel.
    pub(crate) fn channel_named(self: &Arc<Self>, address: &str) -> (Arc<str>, Arc<Counters>) {
        if let Some((name, c)) = self
            .channels
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get_key_value(address)
        {
            return (name.clone(), c.clone());
        }
        let mut channels = self.channels.write().unwrap_or_else(|e| e.into_inner());
        if let Some((name, c)) = channels.get_key_value(address) {
            return (name.clone(), c.clone());
        }
        if channels.len() >= MAX_CHANNELS {
            let other = channels
                .entry(OTHER_CHANNELS.into())
                .or_insert_with(|| self.child())
                .clone();
            return (address.into(), other);
        }
        let name: Arc<str> = address.into();
        let c = self.child();
        channels.insert(name.clone(), c.clone());
        (name, c)
    }

    fn child(self: &Arc<Self>) -> Arc<Counters> {
        Arc::new(Counters {
            parent: Some(self.clone()),
            ..Counters::default()
        })
    }

    pub(crate) fn received(&self, redelivered: bool) {
        bump!(self.received);
        if redelivered {
            bump!(self.redelivered);
        }
    }
    pub(crate) fn handled(&self) {
        bump!(self.handled);
    }
    pub(crate) fn failed(&self) {
        bump!(self.failed);
    }
    pub(crate) fn retried(&self) {
        bump!(self.retried);
    }
    pub(crate) fn rejected(&self, invalid: bool) {
        bump!(self.rejected);
        if invalid {
            bump!(self.invalid);
        }
    }
    pub(crate) fn published(&self) {
        bump!(self.published);
    }
    pub(crate) fn publish_failed(&self) {
        bump!(self.publish_failed);
    }
    pub(crate) fn nacked(&self) {
        bump!(self.nacked);
    }
    pub(crate) fn abandoned(&self) {
        bump!(self.abandoned);
    }
    pub(crate) fn reconnected(&self) {
        bump!(self.reconnects);
    }
    pub(crate) fn registered(&self) {
        bump!(self.registrations);
    }
    pub(crate) fn reregistered(&self) {
        bump!(self.reregistrations);
    }
    /// A handler run of `took` (on a channel's counters; the component keeps no totals of
    /// run times, which add up across channels anyway).
    pub(crate) fn handler_ran(&self, took: Duration) {
        self.latency.observe(took);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_add_to_the_totals() {
        let total = Arc::new(Counters::default());
        let a = total.channel("a");
        let b = total.channel("b");
        a.received(true);
        a.handled();
        b.received(false);
        b.rejected(true);
        total.channel("a").published();
        let t = total.snapshot();
        assert_eq!(
            (
                t.received,
                t.redelivered,
                t.handled,
                t.rejected,
                t.invalid,
                t.published
            ),
            (2, 1, 1, 1, 1, 1)
        );
        let channels = total.channels();
        assert_eq!(channels.len(), 2);
        assert_eq!(&*channels[0].0, "a");
        assert_eq!((channels[0].1.received, channels[0].1.published), (1, 1));
        assert_eq!((channels[1].1.received, channels[1].1.invalid), (1, 1));
    }

    #[test]
    fn the_number_of_channels_is_bounded() {
        let total = Arc::new(Counters::default());
        for n in 0..MAX_CHANNELS + 10 {
            total.channel(&format!("c{n}")).published();
        }
        let channels = total.channels();
        assert_eq!(channels.len(), MAX_CHANNELS + 1);
        let other = channels
            .iter()
            .find(|(a, _)| &**a == OTHER_CHANNELS)
            .unwrap();
        assert_eq!(other.1.published, 10);
        assert_eq!(total.snapshot().published, (MAX_CHANNELS + 10) as u64);
    }

    #[test]
    fn latencies_fall_in_their_buckets() {
        let c = Counters::default();
        c.handler_ran(Duration::from_micros(50));
        c.handler_ran(Duration::from_micros(100));
        c.handler_ran(Duration::from_millis(3));
        c.handler_ran(Duration::from_secs(60));
        let l = c.snapshot().latency;
        assert_eq!(l.count, 4);
        assert_eq!(l.buckets[0], 2, "0.1 ms is at most the first bound");
        assert_eq!(l.buckets[5], 1, "3 ms is in (2.5 ms, 5 ms]");
        assert_eq!(l.buckets[LATENCY_BUCKETS.len()], 1, "+Inf");
        assert!((l.sum_seconds - 60.00315).abs() < 1e-9, "{}", l.sum_seconds);
    }
}

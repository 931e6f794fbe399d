//! Message counters a component can read while it runs.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Live counters, shared by every channel of a component.
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
    abandoned: AtomicU64,
}

/// A copy of the counters at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
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
    /// Messages rejected (not requeued): invalid input, or a handler that kept failing.
    pub rejected: u64,
    /// Of the rejected messages, those whose payload was invalid.
    pub invalid: u64,
    /// Messages this component published and the broker confirmed.
    pub published: u64,
    /// Publishes that failed (timeout, nack, unroutable with `mandatory`).
    pub publish_failed: u64,
    /// Deliveries neither acked nor rejected because the connection was lost meanwhile (the
    /// broker redelivers them).
    pub abandoned: u64,
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
            abandoned: self.abandoned.load(Relaxed),
        }
    }

    pub(crate) fn received(&self, redelivered: bool) {
        self.received.fetch_add(1, Relaxed);
        if redelivered {
            self.redelivered.fetch_add(1, Relaxed);
        }
    }
    pub(crate) fn handled(&self) {
        self.handled.fetch_add(1, Relaxed);
    }
    pub(crate) fn failed(&self) {
        self.failed.fetch_add(1, Relaxed);
    }
    pub(crate) fn retried(&self) {
        self.retried.fetch_add(1, Relaxed);
    }
    pub(crate) fn rejected(&self, invalid: bool) {
        self.rejected.fetch_add(1, Relaxed);
        if invalid {
            self.invalid.fetch_add(1, Relaxed);
        }
    }
    pub(crate) fn published(&self) {
        self.published.fetch_add(1, Relaxed);
    }
    pub(crate) fn publish_failed(&self) {
        self.publish_failed.fetch_add(1, Relaxed);
    }
    pub(crate) fn abandoned(&self) {
        self.abandoned.fetch_add(1, Relaxed);
    }
}

//! Sending the acks of one receive channel: the batches the ack tracker plans, handed to lapin in
//! the order they are planned.
//!
//! Acks go straight to the consuming channel (`basic.ack`), which queues the frame when the ack
//! is first polled: the channel's task does not wait for lapin to write it, and frames keep the
//! order of the calls, so that a `multiple` ack never reaches the broker before a single ack of a
//! tag it covers. A delivery whose acker lapin poisoned (its channel was lost) is never acked: the
//! tag may already name a delivery of the recovered channel.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use lapin::options::BasicAckOptions;
use lapin::{Acker, Channel};

use super::message::{Finished, SETTLE_TIMEOUT};
use crate::acks::AckTracker;
use crate::counters::Counters;

/// An ack being sent; resolves once lapin wrote it.
pub(crate) type Sending<'a> = Pin<Box<dyn Future<Output = lapin::Result<()>> + Send + 'a>>;

/// Where acks go: the consuming channel (or a recorder in tests).
pub(crate) trait AckSender: Send {
    /// Acks `tag`, and with `multiple` every earlier delivery; queued when first polled.
    fn ack(&self, tag: u64, multiple: bool) -> Sending<'_>;
}

impl AckSender for Channel {
    fn ack(&self, tag: u64, multiple: bool) -> Sending<'_> {
        Box::pin(self.basic_ack(tag, BasicAckOptions { multiple }))
    }
}

/// A finished delivery waiting for its ack.
#[derive(Debug)]
pub(crate) struct Due {
    tag: u64,
    /// Only asked whether the delivery's channel was lost since.
    acker: Acker,
}

/// The deliveries of one channel between delivery and ack, and the acks to send.
pub(crate) struct Acks<S> {
    pub tracker: AckTracker<Due>,
    /// Incremented each time lapin recovers the channel: its delivery tags restart.
    pub epoch: u64,
    counters: Arc<Counters>,
    sender: S,
}

impl<S: AckSender> Acks<S> {
    pub fn new(batch: usize, counters: Arc<Counters>, sender: S) -> Self {
        Self {
            tracker: AckTracker::new(batch),
            epoch: 0,
            counters,
            sender,
        }
    }

    /// The channel was recovered: the deliveries of the earlier epoch are the broker's again.
    pub fn new_epoch(&mut self) {
        self.epoch += 1;
        self.tracker.reset();
    }

    pub fn record(&mut self, finished: Finished) {
        if finished.epoch == self.epoch {
            let tag = finished.tag;
            let due = finished.ack.map(|acker| Due { tag, acker });
            self.tracker.finished(tag, due);
        } else if finished.ack.is_some() {
            // A message of an earlier epoch: its acker is dead, the broker redelivers it.
            self.counters.abandoned();
        }
    }

    /// Hands the planned acks to lapin, without waiting for them to be written: the channel's
    /// task goes on meanwhile. An ack that fails is lost with its connection, and the broker
    /// redelivers.
    pub fn send(&mut self, force: bool) {
        let plan = self.tracker.plan(force);
        let acks = plan.multiple.map(|due| (due, true)).into_iter();
        for (due, multiple) in acks.chain(plan.singles.into_iter().map(|due| (due, false))) {
            if let Some(mut sending) = self.start(&due, multiple)
                && let Poll::Ready(Err(error)) = sending
                    .as_mut()
                    .poll(&mut Context::from_waker(Waker::noop()))
            {
                tracing::debug!(%error, "ack failed; the broker will redeliver");
            }
        }
    }

    /// Sends every ack due and waits until lapin wrote each (within [`SETTLE_TIMEOUT`]): the
    /// last acks before the channel stops.
    pub async fn flush(&mut self) {
        let plan = self.tracker.plan(true);
        let acks = plan.multiple.map(|due| (due, true)).into_iter();
        for (due, multiple) in acks.chain(plan.singles.into_iter().map(|due| (due, false))) {
            if let Some(sending) = self.start(&due, multiple) {
                match tokio::time::timeout(SETTLE_TIMEOUT, sending).await {
                    Ok(Ok(())) => {}
                    Ok(Err(error)) => {
                        tracing::debug!(%error, "ack failed; the broker will redeliver");
                    }
                    Err(_) => tracing::warn!(
                        "no answer from lapin to an ack within {SETTLE_TIMEOUT:?}; the broker will redeliver"
                    ),
                }
            }
        }
    }

    fn start(&self, due: &Due, multiple: bool) -> Option<Sending<'_>> {
        if due.acker.poisoned() {
            tracing::debug!(
                tag = due.tag,
                "not acked: the channel was lost meanwhile; the broker will redeliver"
            );
            return None;
        }
        Some(self.sender.ack(due.tag, multiple))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Records the acks instead of sending them.
    #[derive(Default)]
    pub(crate) struct Recorder(pub Mutex<Vec<(u64, bool)>>);

    impl AckSender for Arc<Recorder> {
        fn ack(&self, tag: u64, multiple: bool) -> Sending<'_> {
            self.0.lock().unwrap().push((tag, multiple));
            Box::pin(std::future::ready(Ok(())))
        }
    }

    fn acks(batch: usize) -> (Acks<Arc<Recorder>>, Arc<Recorder>) {
        let recorder = Arc::new(Recorder::default());
        let acks = Acks::new(batch, Arc::new(Counters::default()), recorder.clone());
        (acks, recorder)
    }

    fn finished(epoch: u64, tag: u64, ack: bool) -> Finished {
        Finished {
            epoch,
            tag,
            slot: 0,
            ack: ack.then(|| {
                lapin::message::Delivery::mock(tag, "".into(), "q".into(), false, Vec::new()).acker
            }),
        }
    }

    fn sent(recorder: &Recorder) -> Vec<(u64, bool)> {
        std::mem::take(&mut *recorder.0.lock().unwrap())
    }

    #[test]
    fn the_prefix_goes_in_one_multiple_ack_and_forced_singles_in_order() {
        let (mut acks, recorder) = acks(2);
        for tag in 1..=5 {
            acks.tracker.delivered(tag);
        }
        for tag in [1u64, 2, 4] {
            acks.record(finished(0, tag, true));
        }
        acks.send(false);
        // One `multiple` ack for 1 and 2; 4 waits behind 3.
        assert_eq!(sent(&recorder), vec![(2, true)]);
        acks.send(true);
        assert_eq!(sent(&recorder), vec![(4, false)], "forced: 4 acked alone");
        assert_eq!(acks.tracker.unsent(), 0);
        // 3 finishes, 5 is rejected (settled): 3 is acked, and a multiple ack never covers 5's
        // tag before 5 is settled.
        acks.record(finished(0, 3, true));
        acks.send(false);
        assert_eq!(sent(&recorder), vec![(3, true)]);
        acks.record(finished(0, 5, false));
        acks.send(true);
        assert_eq!(sent(&recorder), vec![]);
    }

    #[test]
    fn a_message_of_an_earlier_epoch_is_never_acked() {
        let (mut acks, recorder) = acks(1);
        acks.tracker.delivered(1);
        acks.new_epoch();
        acks.tracker.delivered(1);
        // The old epoch's tag 1 finishes: it must not settle the new epoch's tag 1.
        acks.record(finished(0, 1, true));
        acks.send(true);
        assert_eq!(sent(&recorder), vec![]);
        assert_eq!(acks.counters.snapshot().abandoned, 1);
        acks.record(finished(1, 1, true));
        acks.send(false);
        assert_eq!(sent(&recorder), vec![(1, true)]);
    }

    #[tokio::test]
    async fn flush_sends_everything_due() {
        let (mut acks, recorder) = acks(10);
        for tag in 1..=3 {
            acks.tracker.delivered(tag);
        }
        acks.record(finished(0, 1, true));
        acks.record(finished(0, 3, true));
        acks.flush().await;
        assert_eq!(sent(&recorder), vec![(1, true), (3, false)]);
    }
}

//! Batched acknowledgements.
//!
//! Handlers finish out of order, but an ack with `multiple = true` settles every outstanding
//! delivery up to its tag. [`AckTracker`] keeps the deliveries of one AMQP channel in tag order
//! and plans acks that never cover a delivery still being handled: one `multiple` ack for the
//! longest finished prefix and, when forced (a timer, a shutdown), single acks for the finished
//! deliveries behind a slow one. It asks for a flush when that prefix holds a batch: deliveries
//! finished behind a slow one wait for it (or for the timer) instead of making every turn send
//! a short ack, so that acks cost the broker as few frames as the batch says. It does no I/O, so
//! the policy is tested without a broker.
//!
//! Tags restart at 1 when lapin recovers a channel; the consumer then calls
//! [`AckTracker::reset`] and ignores completions of the previous epoch (their ackers are
//! poisoned and the broker redelivers those messages).

use std::collections::VecDeque;

#[derive(Debug)]
enum Slot<A> {
    /// Delivered to a handler, not finished.
    InFlight,
    /// Finished; to be acked.
    Done(A),
    /// Already settled (rejected, or acked on its own).
    Settled,
}

/// What to send to the broker after [`AckTracker::plan`].
#[derive(Debug)]
pub(crate) struct AckPlan<A> {
    /// Ack this delivery with `multiple = true`: it settles the finished prefix.
    pub multiple: Option<A>,
    /// Ack these deliveries one by one (finished behind a delivery still in flight).
    pub singles: Vec<A>,
    /// How many deliveries the plan settles.
    pub count: usize,
}

impl<A> AckPlan<A> {
    /// `true` when nothing is to be sent.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.multiple.is_none() && self.singles.is_empty()
    }
}

/// The deliveries of one channel between delivery and ack.
#[derive(Debug)]
pub(crate) struct AckTracker<A> {
    entries: VecDeque<(u64, Slot<A>)>,
    /// Finished deliveries whose ack is not sent.
    unsent: usize,
    /// Where the first delivery in flight is in `entries` (its length if none is).
    edge: usize,
    /// Finished deliveries before `edge`: what one `multiple` ack would settle now.
    ready: usize,
    batch: usize,
}

impl<A> AckTracker<A> {
    /// A tracker that asks for a flush once `batch` deliveries wait for their ack.
    pub fn new(batch: usize) -> Self {
        Self {
            entries: VecDeque::new(),
            unsent: 0,
            edge: 0,
            ready: 0,
            batch: batch.max(1),
        }
    }

    /// Records a new delivery. Tags must increase within an epoch.
    pub fn delivered(&mut self, tag: u64) {
        debug_assert!(self.entries.back().is_none_or(|(last, _)| *last < tag));
        self.entries.push_back((tag, Slot::InFlight));
    }

    /// Records that the delivery `tag` finished: `Some(acker)` to ack it, `None` if it was already
    /// settled (rejected). Unknown tags are ignored and return `false`.
    pub fn finished(&mut self, tag: u64, ack: Option<A>) -> bool {
        let Some(i) = self.index_of(tag) else {
            return false;
        };
        let slot = &mut self.entries[i].1;
        if !matches!(slot, Slot::InFlight) {
            return false;
        }
        match ack {
            Some(a) => {
                *slot = Slot::Done(a);
                self.unsent += 1;
            }
            None => *slot = Slot::Settled,
        }
        if i == self.edge {
            // The first delivery in flight finished: the prefix grows up to the next one.
            while let Some((_, slot)) = self.entries.get(self.edge) {
                match slot {
                    Slot::InFlight => break,
                    Slot::Done(_) => self.ready += 1,
                    Slot::Settled => {}
                }
                self.edge += 1;
            }
        }
        // Settled entries at the front need no ack: drop them now.
        while matches!(self.entries.front(), Some((_, Slot::Settled))) {
            self.entries.pop_front();
            self.edge -= 1;
        }
        true
    }

    /// Where `tag` is: tags of one channel come one by one, so it is usually at its distance
    /// from the first; a search otherwise.
    fn index_of(&self, tag: u64) -> Option<usize> {
        let first = self.entries.front()?.0;
        let guess = usize::try_from(tag.checked_sub(first)?).ok()?;
        match self.entries.get(guess) {
            Some((t, _)) if *t == tag => Some(guess),
            _ => self.entries.binary_search_by_key(&tag, |(t, _)| *t).ok(),
        }
    }

    /// `true` when the finished prefix holds a batch: one `multiple` ack settles it.
    pub fn wants_flush(&self) -> bool {
        self.ready >= self.batch
    }

    /// Number of finished deliveries whose ack is not sent.
    pub fn unsent(&self) -> usize {
        self.unsent
    }

    /// Number of deliveries still being handled or waiting for their ack.
    #[cfg(test)]
    pub fn outstanding(&self) -> usize {
        self.entries.len()
    }

    /// Plans the acks to send now. Without `force`, only the finished prefix is acked (one
    /// `multiple` ack); with `force`, finished deliveries behind an in-flight one are acked
    /// singly too.
    pub fn plan(&mut self, force: bool) -> AckPlan<A> {
        let mut plan = AckPlan {
            multiple: None,
            singles: Vec::new(),
            count: 0,
        };
        while let Some((_, slot)) = self.entries.front() {
            match slot {
                Slot::InFlight => break,
                Slot::Settled => {
                    self.entries.pop_front();
                }
                Slot::Done(_) => {
                    if let Some((_, Slot::Done(a))) = self.entries.pop_front() {
                        plan.multiple = Some(a);
                        plan.count += 1;
                    }
                }
            }
        }
        // The front is in flight now (or nothing is left).
        self.edge = 0;
        self.ready = 0;
        if force {
            for (_, slot) in self.entries.iter_mut() {
                if matches!(slot, Slot::Done(_))
                    && let Slot::Done(a) = std::mem::replace(slot, Slot::Settled)
                {
                    plan.singles.push(a);
                    plan.count += 1;
                }
            }
        }
        self.unsent -= plan.count;
        plan
    }

    /// Forgets everything: the channel was recovered and its tags restart.
    pub fn reset(&mut self) {
        self.entries.clear();
        self.unsent = 0;
        self.edge = 0;
        self.ready = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tracker(tags: std::ops::RangeInclusive<u64>, batch: usize) -> AckTracker<u64> {
        let mut t = AckTracker::new(batch);
        for tag in tags {
            t.delivered(tag);
        }
        t
    }

    #[test]
    fn in_order_completions_give_one_multiple_ack() {
        let mut t = tracker(1..=4, 4);
        for tag in 1..=3 {
            t.finished(tag, Some(tag));
            assert!(!t.wants_flush());
        }
        t.finished(4, Some(4));
        assert!(t.wants_flush());
        let plan = t.plan(false);
        assert_eq!(plan.multiple, Some(4));
        assert!(plan.singles.is_empty());
        assert_eq!(plan.count, 4);
        assert_eq!(t.outstanding(), 0);
        assert_eq!(t.unsent(), 0);
    }

    #[test]
    fn never_covers_a_delivery_in_flight() {
        let mut t = tracker(1..=5, 1);
        t.finished(1, Some(1));
        t.finished(3, Some(3));
        t.finished(4, Some(4));
        // 2 is in flight: only 1 may be acked with `multiple`.
        let plan = t.plan(false);
        assert_eq!(plan.multiple, Some(1));
        assert!(plan.singles.is_empty());
        assert_eq!(t.unsent(), 2);
        // Forced: 3 and 4 are acked singly, 2 and 5 stay.
        let plan = t.plan(true);
        assert_eq!(plan.multiple, None);
        assert_eq!(plan.singles, vec![3, 4]);
        assert_eq!(t.outstanding(), 4);
        // 2 finishes: the multiple ack is 2's tag, not 4 (3 and 4 are already settled).
        t.finished(2, Some(2));
        let plan = t.plan(false);
        assert_eq!(plan.multiple, Some(2));
        assert_eq!(plan.count, 1);
        assert_eq!(t.outstanding(), 1, "5 is still in flight");
    }

    #[test]
    fn finished_deliveries_behind_one_in_flight_wait_for_it() {
        let mut t = tracker(1..=6, 3);
        for tag in 2..=6 {
            t.finished(tag, Some(tag));
        }
        // Five finished, but 1 holds them back: a flush now would ack nothing.
        assert_eq!(t.unsent(), 5);
        assert!(!t.wants_flush());
        t.finished(1, Some(1));
        assert!(t.wants_flush());
        let plan = t.plan(false);
        assert_eq!((plan.multiple, plan.count), (Some(6), 6));
        assert!(!t.wants_flush());
    }

    #[test]
    fn the_prefix_counts_only_what_one_multiple_ack_settles() {
        let mut t = tracker(1..=5, 2);
        t.finished(1, Some(1));
        t.finished(2, None); // rejected: settled, nothing to ack
        assert!(!t.wants_flush(), "one delivery to ack");
        t.finished(4, Some(4));
        assert!(!t.wants_flush(), "4 is behind 3");
        t.finished(3, Some(3));
        assert!(t.wants_flush(), "1, 3 and 4");
        assert_eq!(t.plan(false).multiple, Some(4));
        // After a forced plan, finished deliveries behind 5 were acked singly; 5 starts a new
        // prefix.
        t.delivered(6);
        t.delivered(7);
        t.finished(7, Some(7));
        assert_eq!(t.plan(true).singles, vec![7]);
        t.finished(5, Some(5));
        t.finished(6, Some(6));
        assert!(t.wants_flush());
        let plan = t.plan(false);
        assert_eq!((plan.multiple, plan.count), (Some(6), 2));
    }

    #[test]
    fn tags_with_gaps_are_found() {
        let mut t = AckTracker::new(1);
        for tag in [3, 5, 9] {
            t.delivered(tag);
        }
        assert!(t.finished(9, Some(9)));
        assert!(t.finished(5, Some(5)));
        assert!(!t.finished(4, Some(4)));
        assert!(t.finished(3, Some(3)));
        assert_eq!(t.plan(false).multiple, Some(9));
    }

    #[test]
    fn rejected_deliveries_are_skipped() {
        let mut t = tracker(1..=3, 1);
        t.finished(1, None); // rejected: settled already
        assert_eq!(t.outstanding(), 2);
        t.finished(3, Some(3));
        t.finished(2, None);
        let plan = t.plan(false);
        assert_eq!(plan.multiple, Some(3));
        assert_eq!(plan.count, 1);
        assert_eq!(t.outstanding(), 0);
    }

    #[test]
    fn a_rejected_tail_does_not_become_the_multiple_tag() {
        let mut t = tracker(1..=2, 1);
        t.finished(1, Some(1));
        t.finished(2, None);
        let plan = t.plan(false);
        assert_eq!(plan.multiple, Some(1));
    }

    #[test]
    fn unknown_and_repeated_completions_are_ignored() {
        let mut t = tracker(1..=2, 1);
        assert!(!t.finished(9, Some(9)));
        assert!(t.finished(1, Some(1)));
        assert!(!t.finished(1, Some(1)), "a second completion is refused");
        assert_eq!(t.unsent(), 1);
    }

    #[test]
    fn reset_forgets_the_old_epoch() {
        let mut t = tracker(1..=3, 1);
        t.finished(1, Some(1));
        t.reset();
        assert_eq!((t.outstanding(), t.unsent()), (0, 0));
        t.delivered(1);
        assert!(t.plan(true).is_empty());
        t.finished(1, Some(10));
        assert_eq!(t.plan(false).multiple, Some(10));
    }
}

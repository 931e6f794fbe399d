//! The futures of the messages a channel's task polls itself, in slots that are reused.
//!
//! Like `FuturesUnordered`, [`Slots`] polls only the futures that were woken, each with a waker
//! of its own. Unlike it, it allocates nothing per message: a slot's box and waker are made once
//! and the next message's future is made in place of the last one's ([`Slots::push_with`]).
//! `FuturesUnordered`'s node for a message's future is over a kilobyte, above what the
//! allocator keeps in its per-thread caches: a fresh one per message cost several hundred
//! instructions.
//!
//! A wake sets the slot's bit in a word shared by 64 slots (one atomic `fetch_or`, from lapin's
//! I/O thread for the written frames and the confirm of every message), and wakes the channel's
//! task only when the word had no bit set; the task takes a whole word at once. Nothing a waker
//! writes is per slot, so the slots' wakers stay read-only and the task's thread and lapin's do
//! not pass a slot's cache line back and forth.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use futures_util::task::AtomicWaker;

/// Slots per word of [`Word::woken`].
const SLOTS_PER_WORD: usize = 64;

/// Futures in reusable slots, polled when woken.
pub(crate) struct Slots<F> {
    slots: Vec<Slot<F>>,
    /// The woken bits of the slots, 64 to a word, in slot order.
    words: Vec<Arc<Word>>,
    /// Slots without a future.
    free: Vec<usize>,
    /// Slots to poll in this turn (taken from `words`, or new).
    due: VecDeque<usize>,
    task: Arc<AtomicWaker>,
    len: usize,
}

struct Slot<F> {
    future: Pin<Box<Option<F>>>,
    waker: Waker,
}

/// The woken bits of 64 slots, and the waker of the task that polls them.
struct Word {
    woken: AtomicU64,
    task: Arc<AtomicWaker>,
}

/// A slot's waker: its bit in its word.
struct SlotWake {
    bit: u64,
    word: Arc<Word>,
}

impl Wake for SlotWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        // The word was clear: nobody has woken the task since it last took the word.
        if self.word.woken.fetch_or(self.bit, Ordering::AcqRel) == 0 {
            self.word.task.wake();
        }
    }
}

impl<F> Default for Slots<F> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            words: Vec::new(),
            free: Vec::new(),
            due: VecDeque::new(),
            task: Arc::default(),
            len: 0,
        }
    }
}

impl<F: Future> Slots<F> {
    pub fn len(&self) -> usize {
        self.len
    }

    /// Adds a future; it is polled at the next [`Slots::poll_next`].
    #[cfg(test)]
    pub fn push(&mut self, future: F) {
        self.push_with(|| future);
    }

    /// Adds the future `make` returns, made where it is kept (a message's future is a kilobyte
    /// or more: each move copies it); it is polled at the next [`Slots::poll_next`].
    pub fn push_with(&mut self, make: impl FnOnce() -> F) {
        let index = match self.free.pop() {
            Some(index) => index,
            None => {
                let index = self.slots.len();
                if index.is_multiple_of(SLOTS_PER_WORD) {
                    self.words.push(Arc::new(Word {
                        woken: AtomicU64::new(0),
                        task: self.task.clone(),
                    }));
                }
                let wake = SlotWake {
                    bit: 1 << (index % SLOTS_PER_WORD),
                    word: self.words[index / SLOTS_PER_WORD].clone(),
                };
                self.slots.push(Slot {
                    future: Box::pin(None),
                    waker: Waker::from(Arc::new(wake)),
                });
                index
            }
        };
        let slot = &mut self.slots[index].future;
        // Empty already (a finished future is dropped at once); said here so that the compiler
        // writes the new future in place instead of building it aside and copying it.
        slot.as_mut().set(None);
        slot.as_mut().set(Some(make()));
        self.len += 1;
        self.due.push_back(index);
    }

    /// Polls the woken futures until one finishes: `Ready(Some(output))`; `Ready(None)` when
    /// there is none; `Pending` when none of the woken ones finished (the task is woken again
    /// when one of them is).
    pub fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<F::Output>> {
        if self.len == 0 {
            return Poll::Ready(None);
        }
        self.task.register(cx.waker());
        for (n, word) in self.words.iter().enumerate() {
            // Taken before the polls: a wake during a poll sets the bit again (and wakes the
            // task).
            let mut bits = word.woken.swap(0, Ordering::AcqRel);
            while bits != 0 {
                self.due
                    .push_back(n * SLOTS_PER_WORD + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        while let Some(index) = self.due.pop_front() {
            let slot = &mut self.slots[index];
            let Some(future) = slot.future.as_mut().as_pin_mut() else {
                // Woken after it finished.
                continue;
            };
            if let Poll::Ready(output) = future.poll(&mut Context::from_waker(&slot.waker)) {
                slot.future.as_mut().set(None);
                self.free.push(index);
                self.len -= 1;
                return Poll::Ready(Some(output));
            }
        }
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::oneshot;

    type Boxed<T> = Pin<Box<dyn Future<Output = T> + Send>>;

    #[tokio::test]
    async fn outputs_come_as_futures_finish_and_slots_are_reused() {
        let mut slots: Slots<Boxed<u32>> = Slots::default();
        let (tx1, rx1) = oneshot::channel::<u32>();
        let (tx2, rx2) = oneshot::channel::<u32>();
        slots.push(Box::pin(async move { rx1.await.unwrap() }));
        slots.push(Box::pin(async move { rx2.await.unwrap() }));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(slots.poll_next(&mut cx).is_pending());
        tx2.send(2).unwrap();
        assert_eq!(
            std::future::poll_fn(|cx| slots.poll_next(cx)).await,
            Some(2)
        );
        // The finished slot takes the next future: no slot is added.
        slots.push(Box::pin(async { 3 }));
        assert_eq!(slots.slots.len(), 2);
        assert_eq!(
            std::future::poll_fn(|cx| slots.poll_next(cx)).await,
            Some(3)
        );
        tx1.send(1).unwrap();
        assert_eq!(
            std::future::poll_fn(|cx| slots.poll_next(cx)).await,
            Some(1)
        );
        assert_eq!(slots.len(), 0);
        assert_eq!(std::future::poll_fn(|cx| slots.poll_next(cx)).await, None);
    }

    #[tokio::test]
    async fn only_woken_futures_are_polled() {
        use std::sync::atomic::AtomicUsize;
        let polls = Arc::new(AtomicUsize::new(0));
        let mut slots: Slots<Boxed<()>> = Slots::default();
        for _ in 0..10 {
            let polls = polls.clone();
            slots.push(Box::pin(std::future::poll_fn(move |_| {
                polls.fetch_add(1, Ordering::SeqCst);
                Poll::<()>::Pending
            })));
        }
        let (tx, rx) = oneshot::channel::<()>();
        slots.push(Box::pin(async move {
            let _ = rx.await;
        }));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(slots.poll_next(&mut cx).is_pending());
        assert_eq!(
            polls.load(Ordering::SeqCst),
            10,
            "each polled once when pushed"
        );
        tx.send(()).unwrap();
        assert_eq!(slots.poll_next(&mut cx), Poll::Ready(Some(())));
        assert_eq!(
            polls.load(Ordering::SeqCst),
            10,
            "the others were not woken"
        );
    }

    #[tokio::test]
    async fn a_slot_past_the_first_word_is_woken_alone() {
        use std::sync::atomic::AtomicUsize;
        let polls = Arc::new(AtomicUsize::new(0));
        let mut slots: Slots<Boxed<usize>> = Slots::default();
        let mut senders = Vec::new();
        for n in 0..130 {
            let (tx, mut rx) = oneshot::channel::<()>();
            senders.push(tx);
            let polls = polls.clone();
            slots.push(Box::pin(std::future::poll_fn(move |cx| {
                polls.fetch_add(1, Ordering::SeqCst);
                Pin::new(&mut rx).poll(cx).map(|_| n)
            })));
        }
        assert_eq!(slots.words.len(), 3, "64 slots to a word");
        let mut cx = Context::from_waker(Waker::noop());
        assert!(slots.poll_next(&mut cx).is_pending());
        assert_eq!(polls.load(Ordering::SeqCst), 130);
        senders.remove(100).send(()).unwrap();
        assert_eq!(slots.poll_next(&mut cx), Poll::Ready(Some(100)));
        assert_eq!(
            polls.load(Ordering::SeqCst),
            131,
            "only the woken slot was polled"
        );
        assert!(slots.poll_next(&mut cx).is_pending());
        assert_eq!(slots.len(), 129);
    }
}

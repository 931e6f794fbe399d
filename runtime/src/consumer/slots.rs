//! The futures of the messages a channel's task polls itself, in slots that are reused.
//!
//! Like `FuturesUnordered`, [`Slots`] polls only the futures that were woken, each with a waker
//! of its own. Unlike it, it allocates nothing per message: a slot's box and waker are made once
//! and the next message's future is made in place of the last one's ([`Slots::push_with`]).
//! `FuturesUnordered`'s node for a message's future is over a kilobyte, above what the
//! allocator keeps in its per-thread caches: a fresh one per message cost several hundred
//! instructions.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use futures_util::task::AtomicWaker;

/// Futures in reusable slots, polled when woken.
pub(crate) struct Slots<F> {
    slots: Vec<Slot<F>>,
    /// Slots without a future.
    free: Vec<usize>,
    /// Slots to poll in this turn (taken from `woken`, or new).
    due: VecDeque<usize>,
    woken: Arc<Woken>,
    len: usize,
}

struct Slot<F> {
    future: Pin<Box<Option<F>>>,
    wake: Arc<SlotWake>,
    waker: Waker,
}

/// The slots woken since the last turn, and the waker of the task that polls them.
#[derive(Default)]
struct Woken {
    slots: Mutex<Vec<usize>>,
    task: AtomicWaker,
}

struct SlotWake {
    index: usize,
    /// Already in `Woken::slots`: a second wake adds nothing.
    queued: AtomicBool,
    woken: Arc<Woken>,
}

impl Wake for SlotWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if !self.queued.swap(true, Ordering::AcqRel) {
            self.woken
                .slots
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(self.index);
            self.woken.task.wake();
        }
    }
}

impl<F> Default for Slots<F> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            free: Vec::new(),
            due: VecDeque::new(),
            woken: Arc::default(),
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
                let wake = Arc::new(SlotWake {
                    index,
                    queued: AtomicBool::new(false),
                    woken: self.woken.clone(),
                });
                self.slots.push(Slot {
                    future: Box::pin(None),
                    waker: Waker::from(wake.clone()),
                    wake,
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
        self.woken.task.register(cx.waker());
        {
            let mut woken = self.woken.slots.lock().unwrap_or_else(|e| e.into_inner());
            self.due.extend(woken.drain(..));
        }
        while let Some(index) = self.due.pop_front() {
            let slot = &mut self.slots[index];
            // Cleared before the poll: a wake during the poll queues the slot again.
            slot.wake.queued.store(false, Ordering::Release);
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
}

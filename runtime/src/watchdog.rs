//! The watchdog on a message's waits for the broker: one timer per receive channel instead of
//! one per publish and per confirm.
//!
//! lapin can leave the promise of a publish or of a confirm pending for good (runtime notes,
//! section 5: #409 and others), and a blocked connection holds publishes back, so a handler's
//! publishes and the confirms the runtime awaits after it must be bounded by the publish timeout.
//! A tokio timer around each of them costs a registration and a removal in the timer wheel per
//! wait, two per message at least. Instead, each message has a [`Watch`]: a wait inside the
//! message counts itself in while it is pending ([`Watch::guard`]), and the channel's task ticks
//! every in-flight message's watch on one timer of its own ([`TICKS`] ticks per publish timeout).
//! A message seen waiting, without a break, at more than [`TICKS`] ticks in a row expires: its
//! waits fail with a timeout at their next poll, and the watch wakes the message so that this
//! poll comes. A wait thus fails between 1 and 1.25 publish timeouts after it started.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use futures_util::task::AtomicWaker;

/// Ticks of the channel's watchdog per publish timeout.
pub(crate) const TICKS: u32 = 4;

/// The period of the channel's watchdog for a publish timeout (at least a millisecond).
pub(crate) fn tick_period(publish_timeout: Duration) -> Duration {
    (publish_timeout / TICKS).max(Duration::from_millis(1))
}

/// A wait outlived the publish timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expired;

/// The watchdog state of one message.
#[derive(Debug, Default)]
pub(crate) struct Watch {
    /// Waits pending right now.
    waiting: AtomicU32,
    /// Ticks seen since the message started waiting.
    ticks: AtomicU32,
    /// Set once the message waited too long; every wait then fails.
    expired: AtomicBool,
    /// The task that polls the message.
    waker: AtomicWaker,
}

impl Watch {
    /// Remembers the waker of the task that polls the message (cheap when it did not change).
    pub(crate) fn register(&self, waker: &Waker) {
        self.waker.register(waker);
    }

    /// Starts afresh, for a new handler attempt.
    pub(crate) fn reset(&self) {
        self.ticks.store(0, Ordering::Relaxed);
        self.expired.store(false, Ordering::Relaxed);
    }

    /// One tick of the channel's watchdog. Returns `true` when the message expires now; it is
    /// then woken.
    pub(crate) fn tick(&self) -> bool {
        if self.waiting.load(Ordering::Acquire) == 0 {
            return false;
        }
        let seen = self.ticks.fetch_add(1, Ordering::AcqRel) + 1;
        if seen > TICKS && !self.expired.swap(true, Ordering::AcqRel) {
            self.waker.wake();
            return true;
        }
        false
    }

    fn expired(&self) -> bool {
        self.expired.load(Ordering::Acquire)
    }

    fn enter(&self) {
        if self.waiting.fetch_add(1, Ordering::AcqRel) == 0 {
            self.ticks.store(0, Ordering::Release);
        }
    }

    fn leave(&self) {
        self.waiting.fetch_sub(1, Ordering::AcqRel);
    }

    /// Counts the message as waiting until the returned guard is dropped, so that the waits
    /// inside, one after the other, share one publish timeout.
    pub(crate) fn hold(&self) -> Waiting<'_> {
        let mut held = Waiting {
            watch: self,
            entered: false,
        };
        held.enter();
        held
    }

    /// Runs `wait` under the watch: `Err(Expired)` instead of its output once the message
    /// waited too long. `wait` counts as waiting from its first `Pending` on.
    pub(crate) fn guard<F: Future + Unpin>(&self, wait: F) -> Guard<'_, F> {
        Guard {
            wait,
            waiting: Waiting {
                watch: self,
                entered: false,
            },
        }
    }
}

/// A wait under a message's [`Watch`] ([`Watch::guard`]).
pub(crate) struct Guard<'a, F> {
    wait: F,
    waiting: Waiting<'a>,
}

impl<F: Future + Unpin> Future for Guard<'_, F> {
    type Output = Result<F::Output, Expired>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if this.waiting.watch.expired() {
            return Poll::Ready(Err(Expired));
        }
        match Pin::new(&mut this.wait).poll(cx) {
            Poll::Ready(output) => Poll::Ready(Ok(output)),
            Poll::Pending => {
                this.waiting.enter();
                Poll::Pending
            }
        }
    }
}

/// Counts one wait in while it is pending, out when it ends or is dropped.
pub(crate) struct Waiting<'a> {
    watch: &'a Watch,
    entered: bool,
}

impl Waiting<'_> {
    fn enter(&mut self) {
        if !self.entered {
            self.entered = true;
            self.watch.enter();
        }
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        if self.entered {
            self.watch.leave();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_message_that_is_not_waiting_never_expires() {
        let watch = Watch::default();
        for _ in 0..10 * TICKS {
            assert!(!watch.tick());
        }
        assert!(!watch.expired());
    }

    #[test]
    fn a_wait_expires_after_more_than_ticks_ticks_and_wakes_the_message() {
        let watch = Watch::default();
        let woken = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(woken.clone());
        let mut cx = Context::from_waker(&waker);
        watch.register(&waker);
        let mut wait = Box::pin(watch.guard(std::future::pending::<()>()));
        assert!(wait.as_mut().poll(&mut cx).is_pending());
        for _ in 0..TICKS {
            assert!(!watch.tick(), "not before {TICKS} ticks have passed");
        }
        assert_eq!(woken.0.load(Ordering::SeqCst), 0);
        assert!(watch.tick());
        assert_eq!(woken.0.load(Ordering::SeqCst), 1, "the message is woken");
        assert_eq!(wait.as_mut().poll(&mut cx), Poll::Ready(Err(Expired)));
        assert!(!watch.tick(), "expires once");
    }

    #[test]
    fn a_wait_that_ends_stops_the_count_and_a_new_one_starts_from_zero() {
        let watch = Watch::default();
        let mut cx = Context::from_waker(Waker::noop());
        let mut first = Box::pin(watch.guard(std::future::pending::<()>()));
        assert!(first.as_mut().poll(&mut cx).is_pending());
        for _ in 0..TICKS {
            watch.tick();
        }
        drop(first);
        assert!(!watch.tick(), "nothing waits");
        let mut second = Box::pin(watch.guard(std::future::pending::<()>()));
        assert!(second.as_mut().poll(&mut cx).is_pending());
        for _ in 0..TICKS {
            assert!(!watch.tick(), "a new wait gets the whole timeout");
        }
        assert!(watch.tick());
    }

    #[test]
    fn a_ready_wait_is_never_counted() {
        let watch = Watch::default();
        let mut cx = Context::from_waker(Waker::noop());
        let mut ready = Box::pin(watch.guard(std::future::ready(7)));
        assert_eq!(ready.as_mut().poll(&mut cx), Poll::Ready(Ok(7)));
        assert_eq!(watch.waiting.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn reset_gives_a_new_attempt_a_clean_watch() {
        let watch = Watch::default();
        let mut cx = Context::from_waker(Waker::noop());
        let mut wait = Box::pin(watch.guard(std::future::pending::<()>()));
        assert!(wait.as_mut().poll(&mut cx).is_pending());
        for _ in 0..=TICKS {
            watch.tick();
        }
        drop(wait);
        watch.reset();
        let mut ready = Box::pin(watch.guard(std::future::ready(())));
        assert_eq!(ready.as_mut().poll(&mut cx), Poll::Ready(Ok(())));
    }

    #[test]
    fn waits_under_a_hold_share_one_timeout() {
        let watch = Watch::default();
        let mut cx = Context::from_waker(Waker::noop());
        let held = watch.hold();
        for _ in 0..TICKS {
            let mut wait = Box::pin(watch.guard(std::future::pending::<()>()));
            assert!(wait.as_mut().poll(&mut cx).is_pending());
            assert!(!watch.tick());
        }
        let mut last = Box::pin(watch.guard(std::future::pending::<()>()));
        assert!(last.as_mut().poll(&mut cx).is_pending());
        assert!(watch.tick(), "the fifth tick of the hold expires it");
        assert_eq!(last.as_mut().poll(&mut cx), Poll::Ready(Err(Expired)));
        drop(last);
        drop(held);
        assert_eq!(watch.waiting.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn the_period_divides_the_timeout() {
        assert_eq!(
            tick_period(Duration::from_secs(30)),
            Duration::from_millis(7500)
        );
        assert_eq!(tick_period(Duration::ZERO), Duration::from_millis(1));
    }
}

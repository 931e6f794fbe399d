//! The futures that [`Component::run`](crate::Component::run) polls itself: the tasks of the
//! receive channels.
//!
//! lapin reads the socket on a thread of its own and wakes whoever waits for a delivery, a
//! written frame or a confirm. A tokio task woken from outside the runtime goes through the
//! scheduler's injection queue, and on a multi-threaded runtime an idle worker that finds it
//! wakes another one to keep searching: two thread wake-ups per wake, which cost a busy component
//! more CPU than all of its handlers. A future polled by `block_on` (where `#[tokio::main]` awaits
//! `run`) is woken directly, as a plain lapin loop in `main` is. So the channels' tasks are not
//! spawned: [`Poller::run`] polls them beside the component's own future, each only when it was
//! woken, wherever `run` is awaited (in `block_on`, or in a task if the author spawned it).
//! The one exception is a multi-threaded runtime with a single worker: there `run` spawns that
//! one future onto the worker, which also runs tokio's reactor, so that the handlers and the
//! socket's wake-ups share a thread as on a current-thread runtime (`supervisor.rs`,
//! `serve_on_the_worker`).
//!
//! [`Poller::spawn`] returns a [`Polled`] handle: it resolves with the task's output, or with an
//! error if the task panicked; [`Polled::abort`], or dropping the handle, drops the task at the
//! poller's next turn. Everything still held when the component's future ends is dropped with
//! it.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use futures_core::Stream;
use futures_util::stream::FuturesUnordered;
use futures_util::task::AtomicWaker;
use tokio::sync::oneshot;

type Task = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Where tasks are handed to the poller; cheap to clone.
#[derive(Clone, Default)]
pub(crate) struct Poller {
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    /// Tasks spawned since the poller last looked.
    new: Mutex<Vec<Task>>,
    has_new: AtomicBool,
    /// The waker of the future that polls the tasks.
    waker: AtomicWaker,
}

/// The handle of a task spawned on a [`Poller`].
pub(crate) struct Polled<T> {
    output: oneshot::Receiver<Result<T, String>>,
    stop: Arc<Stop>,
}

/// A request to stop one task, and the waker that makes the poller look at it.
#[derive(Default)]
struct Stop {
    requested: AtomicBool,
    waker: AtomicWaker,
}

impl Poller {
    /// Hands `task` to the poller; it runs once the future of [`Poller::run`] is next polled.
    pub fn spawn<T, F>(&self, task: F) -> Polled<T>
    where
        T: Send + 'static,
        F: Future<Output = T> + Send + 'static,
    {
        let (tx, output) = oneshot::channel();
        let stop = Arc::new(Stop::default());
        let stopped = stop.clone();
        let mut task = Box::pin(task);
        let mut tx = Some(tx);
        let wrapped = std::future::poll_fn(move |cx| {
            stopped.waker.register(cx.waker());
            if stopped.requested.load(Ordering::Acquire) {
                return Poll::Ready(());
            }
            let result = match std::panic::catch_unwind(AssertUnwindSafe(|| task.as_mut().poll(cx)))
            {
                Ok(Poll::Pending) => return Poll::Pending,
                Ok(Poll::Ready(output)) => Ok(output),
                Err(panic) => Err(format!("the task panicked: {}", panic_text(&*panic))),
            };
            if let Some(tx) = tx.take() {
                let _ = tx.send(result);
            }
            Poll::Ready(())
        });
        self.shared
            .new
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Box::pin(wrapped));
        self.shared.has_new.store(true, Ordering::Release);
        self.shared.waker.wake();
        Polled { output, stop }
    }

    /// Runs `main` to its end, polling the spawned tasks beside it; the tasks left are dropped
    /// when `main` ends. `main` is polled only when it was woken, the tasks only when theirs
    /// were, so that a busy channel does not make the component's own future run again.
    pub async fn run<T>(&self, main: impl Future<Output = T>) -> T {
        let mut main = std::pin::pin!(main);
        let main_wake = Arc::new(MainWake {
            // Polled on the first turn.
            woken: AtomicBool::new(true),
            shared: self.shared.clone(),
        });
        let main_waker = Waker::from(main_wake.clone());
        let mut tasks: FuturesUnordered<Task> = FuturesUnordered::new();
        std::future::poll_fn(|cx| {
            self.shared.waker.register(cx.waker());
            loop {
                if self.shared.has_new.swap(false, Ordering::AcqRel) {
                    let new = std::mem::take(
                        &mut *self.shared.new.lock().unwrap_or_else(|e| e.into_inner()),
                    );
                    tasks.extend(new);
                }
                // A finished task is gone; what it returned went through its channel.
                while let Poll::Ready(Some(())) = Pin::new(&mut tasks).poll_next(cx) {}
                if main_wake.woken.swap(false, Ordering::AcqRel)
                    && let Poll::Ready(output) =
                        main.as_mut().poll(&mut Context::from_waker(&main_waker))
                {
                    return Poll::Ready(output);
                }
                // `main` (or a task) may have spawned meanwhile: they run at once.
                if !self.shared.has_new.load(Ordering::Acquire) {
                    return Poll::Pending;
                }
            }
        })
        .await
    }
}

/// Whether the component's own future was woken; waking it wakes whoever polls the poller.
struct MainWake {
    woken: AtomicBool,
    shared: Arc<Shared>,
}

impl Wake for MainWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.shared.waker.wake();
    }
}

impl<T> Polled<T> {
    /// Stops the task: it is dropped at the poller's next turn, and the handle resolves with an
    /// error.
    pub fn abort(&self) {
        self.stop.requested.store(true, Ordering::Release);
        self.stop.waker.wake();
    }
}

impl<T> Drop for Polled<T> {
    /// The handle owns its task: dropping it stops the task, as dropping a `JoinSet` does.
    fn drop(&mut self) {
        self.abort();
    }
}

impl<T> Future for Polled<T> {
    /// The task's output, or why it has none (it panicked, or was aborted or dropped).
    type Output = Result<T, String>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.output).poll(cx).map(|r| match r {
            Ok(result) => result,
            Err(_) => Err("the task was stopped".into()),
        })
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[tokio::test]
    async fn tasks_run_beside_main_and_hand_their_output_over() {
        let poller = Poller::default();
        let p = poller.clone();
        let out = poller
            .run(async move {
                let (tx, rx) = oneshot::channel::<u32>();
                let waiting = p.spawn(async move { rx.await.unwrap() + 1 });
                // The task is polled while `main` waits on it.
                let _ = tx.send(41);
                waiting.await
            })
            .await;
        assert_eq!(out, Ok(42));
    }

    #[tokio::test]
    async fn a_panicking_task_is_an_error_not_a_panic_of_main() {
        let poller = Poller::default();
        let p = poller.clone();
        let out = poller
            .run(async move { p.spawn(async { panic!("boom") }).await })
            .await;
        let out: Result<(), String> = out;
        assert_eq!(out.unwrap_err(), "the task panicked: boom");
    }

    #[tokio::test]
    async fn an_aborted_task_is_dropped_and_its_handle_says_so() {
        struct Dropped(Arc<AtomicUsize>);
        impl Drop for Dropped {
            fn drop(&mut self) {
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
        let drops = Arc::new(AtomicUsize::new(0));
        let poller = Poller::default();
        let p = poller.clone();
        let d = drops.clone();
        let out = poller
            .run(async move {
                let guard = Dropped(d);
                let handle = p.spawn(async move {
                    let _guard = guard;
                    std::future::pending::<()>().await
                });
                tokio::task::yield_now().await;
                handle.abort();
                handle.await
            })
            .await;
        assert_eq!(out.unwrap_err(), "the task was stopped");
        assert_eq!(drops.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn main_is_polled_only_when_woken() {
        let polls = Arc::new(AtomicUsize::new(0));
        let poller = Poller::default();
        let p = poller.clone();
        let counted = polls.clone();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<()>();
        let (done_tx, done_rx) = oneshot::channel::<()>();
        // A task that wakes itself 100 times does not poll `main` again.
        let busy = p.spawn(async move {
            for _ in 0..100 {
                tokio::task::yield_now().await;
            }
            let _ = tx.send(());
        });
        let main = async move {
            let mut done_rx = done_rx;
            std::future::poll_fn(|cx| {
                counted.fetch_add(1, Ordering::SeqCst);
                Pin::new(&mut done_rx).poll(cx)
            })
            .await
        };
        tokio::select! {
            _ = poller.run(main) => unreachable!("main waits for `done`"),
            _ = rx.recv() => {}
        }
        drop(done_tx);
        assert!(busy.await.is_ok());
        assert!(
            polls.load(Ordering::SeqCst) <= 2,
            "main was polled {} times",
            polls.load(Ordering::SeqCst)
        );
    }
}

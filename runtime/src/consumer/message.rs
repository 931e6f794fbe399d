//! Handling one received message: decode, call the handler (retrying), wait for the confirms of
//! what it published, reject what cannot be handled.
//!
//! [`process`] is the future the channel's task runs for each delivery, either polled inside that
//! task or spawned as a task of its own ([`crate::ChannelSettings::spawn`]). Whatever the handler
//! does (decoding, polling, dropping its future) runs under `catch_unwind`: a panic counts as a
//! [`crate::HandlerError::Retry`].

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::{Duration, Instant};

use lapin::Acker;
use lapin::options::BasicRejectOptions;
use tracing::Instrument;

use super::ChannelRuntime;
use crate::context::Context;
use crate::handler::{AfterFailure, DispatchError, HandlerResult, Inline};
use crate::mov::body_for_log;
use crate::protocol::LogLevel;
use crate::publisher::PublishError;
use crate::publisher::scope::MessageScope;

/// A delivery, as the channel's task hands it over.
pub(crate) struct Incoming {
    /// The channel's epoch (incremented at each recovery, when delivery tags restart).
    pub epoch: u64,
    pub tag: u64,
    /// Where the channel's task keeps the message's scope.
    pub slot: usize,
    pub data: Vec<u8>,
    pub acker: Acker,
    pub scope: Arc<MessageScope>,
}

/// What a message reports to its channel's task.
#[derive(Debug)]
pub(crate) struct Finished {
    pub epoch: u64,
    pub tag: u64,
    pub slot: usize,
    /// The acker to ack with, or `None` if the message is settled (rejected, or lost with its
    /// connection).
    pub ack: Option<Acker>,
}

/// How a message ended.
enum Outcome {
    /// Handled, its outputs confirmed: to be acked.
    Ack,
    /// Invalid, or its handler kept failing: to be rejected without requeue.
    Reject,
    /// The connection was lost meanwhile: the broker redelivers it.
    Abandoned,
}

/// Handles one message: decode, call the handler (retrying), wait for its confirms.
pub(crate) async fn process<H: Inline + ?Sized>(
    rt: Arc<ChannelRuntime>,
    handler: Arc<H>,
    incoming: Incoming,
) -> Finished {
    let Incoming {
        epoch,
        tag,
        slot,
        data,
        acker,
        scope,
    } = incoming;
    let finished = |ack| Finished {
        epoch,
        tag,
        slot,
        ack,
    };
    rt.counters.received(scope.meta.redelivered);
    let span = tracing::info_span!(
        "message",
        channel = %rt.address,
        message_id = scope.meta.properties.message_id().as_ref().map_or("", |id| id.as_str()),
        tag,
    );
    let outcome = {
        // Whoever polls this message is woken by its watchdog when a wait outlives the timeout.
        let mut handled =
            std::pin::pin!(handle(&rt, &*handler, &data, &scope, &acker).instrument(span));
        std::future::poll_fn(|cx| {
            scope.watch.register(cx.waker());
            handled.as_mut().poll(cx)
        })
        .await
    };
    match outcome {
        Outcome::Ack => finished(Some(acker)),
        Outcome::Reject => {
            if !Box::pin(reject(&acker)).await {
                rt.counters.abandoned();
            }
            finished(None)
        }
        Outcome::Abandoned => {
            rt.counters.abandoned();
            finished(None)
        }
    }
}

/// Refuses a body it must not decode, calls the handler (again after a failure, as the retry
/// policy says) and waits for the confirms of what it published.
async fn handle<H: Inline + ?Sized>(
    rt: &ChannelRuntime,
    handler: &H,
    body: &[u8],
    scope: &Arc<MessageScope>,
    acker: &Acker,
) -> Outcome {
    if let Some(reason) = refusal(rt, body, scope) {
        return Box::pin(refuse_invalid(rt, body, &reason)).await;
    }
    let mut attempt = 1;
    loop {
        let context = Context::new(&rt.publisher, &rt.mov, scope.clone(), attempt);
        let dispatched =
            std::panic::catch_unwind(AssertUnwindSafe(|| handler.start(body, context)));
        let failure = match dispatched {
            Ok(Ok(future)) => {
                let started = Instant::now();
                let mut future = std::pin::pin!(Some(future));
                let ran = CatchUnwind(future.as_mut()).await;
                if ran.is_ok() {
                    rt.counters.handler_ran(started.elapsed());
                }
                match ran {
                    Ok(Ok(())) => match scope
                        .outbox
                        .settle(rt.publisher.shared(), &scope.watch, &|| acker.poisoned())
                        .await
                    {
                        Ok(()) => {
                            rt.counters.handled();
                            return Outcome::Ack;
                        }
                        Err(PublishError::Abandoned { .. }) => return Outcome::Abandoned,
                        Err(e) => Failure::Publish(e),
                    },
                    Ok(Err(error)) => Failure::Handler(error),
                    Err(panic) => Failure::Panic(panic),
                }
            }
            Ok(Err(DispatchError::InvalidPayload(reason))) => Failure::Invalid(reason),
            Err(panic) => Failure::Panic(panic),
        };
        // Anything but success is rare: out of line and boxed, so that neither its code nor
        // its state is part of every message's future.
        match Box::pin(after_failure(rt, body, acker, failure, attempt)).await {
            Some(outcome) => return outcome,
            None => {
                // What this attempt published is no longer awaited; the watch starts afresh.
                scope.begin_attempt();
                attempt += 1;
            }
        }
    }
}

/// Why a handler attempt did not end in an ack.
enum Failure {
    /// The body did not decode to the channel's payload.
    Invalid(crate::publisher::BoxError),
    /// The handler returned an error.
    Handler(crate::handler::HandlerError),
    /// The handler (or its decoding, or its future's drop) panicked.
    Panic(Box<dyn Any + Send>),
    /// The broker did not take a message the handler published.
    Publish(PublishError),
}

/// Why a message is refused before it is decoded: a body over the limit, or headers refused at
/// the wire (see [`crate::wire::refused_headers`]).
fn refusal(rt: &ChannelRuntime, body: &[u8], scope: &MessageScope) -> Option<String> {
    if body.len() > rt.settings.max_body_bytes {
        return Some(too_long(body.len(), rt.settings.max_body_bytes));
    }
    crate::wire::refused_headers(scope.meta.properties.headers().as_ref()).map(headers_refused)
}

#[cold]
fn too_long(len: usize, max: usize) -> String {
    format!("the body has {len} bytes, more than the limit of {max} bytes")
}

#[cold]
fn headers_refused(reason: String) -> String {
    format!("its AMQP headers were refused: {reason}")
}

/// After a failed attempt: `None` to try again (after the retry delay), or how the message
/// ends (rejected, or abandoned with its connection).
async fn after_failure(
    rt: &ChannelRuntime,
    body: &[u8],
    acker: &Acker,
    failure: Failure,
    attempt: u32,
) -> Option<Outcome> {
    let (reason, retryable) = match failure {
        Failure::Invalid(reason) => {
            return Some(refuse_invalid(rt, body, &reason.to_string()).await);
        }
        Failure::Publish(e) => (
            format!("the broker did not take a message the handler published: {e}"),
            true,
        ),
        Failure::Handler(error) => (error.to_string(), error.is_retryable()),
        Failure::Panic(panic) => (
            format!("the handler panicked: {}", panic_message(&*panic)),
            true,
        ),
    };
    rt.counters.failed();
    if acker.poisoned() {
        // The connection was lost meanwhile: the broker redelivers the message.
        return Some(Outcome::Abandoned);
    }
    match rt.settings.retry.after_failure(attempt, retryable) {
        AfterFailure::RetryAfter(delay) => {
            let max = rt.settings.retry.max_attempts;
            let again = if max - attempt == 1 {
                "retrying once"
            } else {
                "retrying"
            };
            tracing::warn!(
                "handler failed on channel `{}` (attempt {attempt} of {max}): {reason}; \
                 {again} in {}",
                rt.address,
                in_words(delay)
            );
            tokio::time::sleep(delay).await;
            rt.counters.retried();
            None
        }
        AfterFailure::Reject => {
            let why = if retryable {
                "no attempt left"
            } else {
                "the failure is final"
            };
            let message = format!(
                "Cannot process a message on channel `{}` (attempt {attempt}): {reason}; \
                 {why}, {REJECTED}",
                rt.address
            );
            log_error(rt, body, message).await;
            rt.counters.rejected(false);
            Some(Outcome::Reject)
        }
    }
}

async fn refuse_invalid(rt: &ChannelRuntime, body: &[u8], reason: &str) -> Outcome {
    let message = format!(
        "Invalid message on channel `{}`: {reason}; not retried (it can never pass), \
         {REJECTED}",
        rt.address
    );
    log_error(rt, body, message).await;
    rt.counters.rejected(true);
    Outcome::Reject
}

/// What becomes of a rejected message. The runtime declares its queues without arguments, as
/// the MOV does, so only a broker policy can give them a dead-letter exchange, and a policy is
/// not visible over AMQP: the log says both outcomes.
const REJECTED: &str = "rejected: dead-lettered if a broker policy gives the queue a dead-letter \
                        exchange (`valawai dlq policy`), dropped otherwise";

/// A delay as a person writes it: `100 ms`, `2 s`, `1.5 s`.
fn in_words(delay: Duration) -> String {
    let ms = delay.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{:.1} s", delay.as_secs_f64())
    }
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
    rt.mov
        .log_raw(LogLevel::Error, &message, Some(payload))
        .await;
}

/// The longest an ack or a reject may wait for lapin. lapin can keep the promise of an ack sent
/// while the connection dies pending for good; the message is then redelivered anyway.
pub(crate) const SETTLE_TIMEOUT: Duration = Duration::from_secs(10);

/// Rejects without requeue through `acker`, within [`SETTLE_TIMEOUT`]; `true` if the broker got
/// it. The channel's task acks later messages only after this returned, so a `multiple` ack
/// never overtakes the reject.
async fn reject(acker: &Acker) -> bool {
    let sent = acker.reject(BasicRejectOptions { requeue: false });
    match tokio::time::timeout(SETTLE_TIMEOUT, sent).await {
        Ok(Ok(done)) => done,
        Ok(Err(error)) => {
            tracing::debug!(%error, "reject failed; the broker will redeliver");
            false
        }
        Err(_) => {
            tracing::warn!(
                "no answer from lapin to a reject within {SETTLE_TIMEOUT:?}; the broker will redeliver"
            );
            false
        }
    }
}

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

/// Turns a panic inside a handler's future into an error. The future is also dropped under
/// `catch_unwind`, when it finished or panicked, since its drop runs the handler's code too. It
/// stays where its caller pinned it.
struct CatchUnwind<'a, F: Future>(Pin<&'a mut Option<F>>);

impl<F: Future<Output = HandlerResult>> Future for CatchUnwind<'_, F> {
    type Output = Result<HandlerResult, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<Self::Output> {
        let Some(future) = self.0.as_mut().as_pin_mut() else {
            return Poll::Ready(Err(Box::new(
                "the handler's future was polled after it ended",
            )));
        };
        let polled = std::panic::catch_unwind(AssertUnwindSafe(|| future.poll(cx)));
        let output = match polled {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(result)) => Ok(result),
            Err(panic) => Err(panic),
        };
        match (
            output,
            std::panic::catch_unwind(AssertUnwindSafe(|| self.0.as_mut().set(None))),
        ) {
            (Ok(result), Ok(())) => Poll::Ready(Ok(result)),
            (Err(panic), _) | (Ok(_), Err(panic)) => Poll::Ready(Err(panic)),
        }
    }
}

impl<F: Future> Drop for CatchUnwind<'_, F> {
    fn drop(&mut self) {
        // Cancelled while the handler runs (a shutdown deadline): its drop must not unwind
        // through the channel's task either.
        if self.0.is_some()
            && std::panic::catch_unwind(AssertUnwindSafe(|| self.0.as_mut().set(None))).is_err()
        {
            tracing::error!("a handler's future panicked while it was dropped");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_in_words() {
        assert_eq!(in_words(Duration::from_millis(100)), "100 ms");
        assert_eq!(in_words(Duration::from_secs(2)), "2 s");
        assert_eq!(in_words(Duration::from_millis(1500)), "1.5 s");
    }

    #[tokio::test]
    async fn a_panicking_future_becomes_an_error() {
        let mut f = std::pin::pin!(Some(async { panic!("boom") }));
        let r = CatchUnwind(f.as_mut()).await;
        assert_eq!(panic_message(&*r.unwrap_err()), "boom");
        assert!(f.is_none(), "dropped once it panicked");
        let mut f = std::pin::pin!(Some(async { Ok(()) }));
        let r = CatchUnwind(f.as_mut()).await;
        assert!(matches!(r, Ok(Ok(()))));
    }

    struct PanicsOnDrop;
    impl Drop for PanicsOnDrop {
        fn drop(&mut self) {
            panic!("drop")
        }
    }

    #[tokio::test]
    async fn a_future_that_panics_when_dropped_becomes_an_error_too() {
        let mut f = std::pin::pin!(Some(async {
            let _guard = PanicsOnDrop;
            Ok(())
        }));
        let r = CatchUnwind(f.as_mut()).await;
        assert_eq!(panic_message(&*r.unwrap_err()), "drop");
        // Dropped before it finished (cancelled): no unwinding out of the drop.
        let mut f = std::pin::pin!(Some(async {
            let _guard = PanicsOnDrop;
            std::future::pending::<()>().await;
            Ok(())
        }));
        let mut pending = CatchUnwind(f.as_mut());
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        assert!(Pin::new(&mut pending).poll(&mut cx).is_pending());
        drop(pending);
        assert!(f.is_none(), "dropped with the CatchUnwind that polled it");
    }
}

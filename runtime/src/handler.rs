//! Handlers, their outcome, and the dispatchers that decode a payload and call them.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use crate::context::Context;
use crate::payload::undeclared;
use crate::publisher::{BoxError, Publisher};
use crate::sightings::Sightings;

/// What a handler returns.
pub type HandlerResult = Result<(), HandlerError>;

/// The future a dispatcher returns for one message.
pub type HandlerFuture = Pin<Box<dyn Future<Output = HandlerResult> + Send + 'static>>;

/// Why a handler failed, and so what happens to the message.
///
/// `?` converts any `std::error::Error + Send + Sync + 'static` into [`HandlerError::Retry`],
/// except the errors that say a payload does not decode or does not fit its schema, which the
/// same input can never pass: `serde_json::Error`, [`crate::payload::PayloadError`] and
/// [`crate::payload::ConstraintError`] become [`HandlerError::Reject`], as does a
/// [`PublishError::Serialize`](crate::PublishError::Serialize) or a
/// [`PublishError::InvalidChannel`](crate::PublishError::InvalidChannel).
/// Like `anyhow::Error`, this type does not implement `std::error::Error` itself (that would
/// conflict with the blanket conversion); it implements `Display` and `Debug`.
#[non_exhaustive]
pub enum HandlerError {
    /// A failure that may pass: the handler is called again (once by default), then the
    /// message is rejected.
    Retry(BoxError),
    /// A failure that will not pass: the message is rejected at once (dead-lettered where the
    /// broker has a DLX policy).
    Reject(BoxError),
}

impl HandlerError {
    /// A retryable failure with a message.
    pub fn retry(message: impl fmt::Display) -> Self {
        Self::Retry(message.to_string().into())
    }

    /// A permanent failure with a message.
    pub fn reject(message: impl fmt::Display) -> Self {
        Self::Reject(message.to_string().into())
    }

    /// `true` for [`HandlerError::Retry`].
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Retry(_))
    }

    /// The underlying error.
    pub fn source(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        match self {
            Self::Retry(e) | Self::Reject(e) => &**e,
        }
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for HandlerError {
    fn from(error: E) -> Self {
        if never_passes(&error) {
            Self::Reject(Box::new(error))
        } else {
            Self::Retry(Box::new(error))
        }
    }
}

/// Whether `error` says that the input can never be handled: a payload that does not decode or
/// fit its schema, an output that cannot be serialised or an address no queue can have.
fn never_passes(error: &(dyn std::any::Any + 'static)) -> bool {
    error.is::<serde_json::Error>()
        || error.is::<crate::payload::PayloadError>()
        || error.is::<crate::payload::DecodeError>()
        || error.is::<crate::payload::ConstraintError>()
        || error.is::<serde_path_to_error::Error<serde_json::Error>>()
        || matches!(
            error.downcast_ref::<crate::PublishError>(),
            Some(
                crate::PublishError::Serialize { .. } | crate::PublishError::InvalidChannel { .. }
            )
        )
}

impl fmt::Display for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.source(), f)?;
        let mut source = self.source().source();
        while let Some(s) = source {
            write!(f, ": {s}")?;
            source = s.source();
        }
        Ok(())
    }
}

impl fmt::Debug for HandlerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Retry(e) => f.debug_tuple("Retry").field(e).finish(),
            Self::Reject(e) => f.debug_tuple("Reject").field(e).finish(),
        }
    }
}

/// Why a dispatcher did not call the handler.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DispatchError {
    /// The body is not a valid payload for the channel (not JSON, wrong shape, fails the
    /// schema). The message is logged locally and to the MOV as ERROR, then rejected.
    #[error("invalid payload: {0}")]
    InvalidPayload(BoxError),
}

impl DispatchError {
    /// An invalid payload with a message.
    pub fn invalid(message: impl fmt::Display) -> Self {
        Self::InvalidPayload(message.to_string().into())
    }
}

/// Decodes the body of a message and starts the handler of one receive channel.
///
/// Generated code provides one per receive channel (usually through
/// [`crate::__private::dispatcher`]); the runtime calls it once per attempt.
pub trait Dispatch: Send + Sync + 'static {
    /// Decodes `body` and returns the handler's future, or why the body is refused.
    fn dispatch(&self, body: &[u8], context: Context) -> Result<HandlerFuture, DispatchError>;

    /// Hands this dispatcher to `visitor` as the channel's task calls it. Implementations
    /// keep the default, which calls [`Dispatch::dispatch`]; the runtime's own dispatchers have
    /// the channel's task poll their handlers' futures in boxes that are reused.
    #[doc(hidden)]
    fn accept<V: Visit>(self: Arc<Self>, visitor: V) -> V::Out
    where
        Self: Sized,
    {
        visitor.visit::<dyn Dispatch>(self)
    }
}

/// What takes a dispatcher as [`Inline`], for its concrete type (see [`Dispatch::accept`]).
/// Not a stable API.
#[doc(hidden)]
pub trait Visit {
    /// What the visitor makes of the dispatcher.
    type Out;

    /// Takes the dispatcher.
    fn visit<H: Inline + ?Sized>(self, handler: Arc<H>) -> Self::Out;
}

/// A dispatcher as the channel's task calls it: the handler's future of a concrete type. Not a
/// stable API.
#[doc(hidden)]
pub trait Inline: Send + Sync + 'static {
    /// The handler's future.
    type Future: Future<Output = HandlerResult> + Send + 'static;

    /// Decodes `body` and returns the handler's future, or why the body is refused.
    fn start(&self, body: &[u8], context: Context) -> Result<Self::Future, DispatchError>;
}

impl Inline for dyn Dispatch {
    type Future = HandlerFuture;

    fn start(&self, body: &[u8], context: Context) -> Result<HandlerFuture, DispatchError> {
        self.dispatch(body, context)
    }
}

/// The boxes of a channel's handler futures that are not in use.
type Spare<Fut> = Arc<Mutex<Vec<Pin<Box<Option<Fut>>>>>>;

/// A handler's future in a box that goes back to its dispatcher when the future is done with,
/// for the next message: the future of a handler that publishes holds lapin's publish and is a
/// few kilobytes, above what the allocator keeps in its per-thread caches, so a fresh box per
/// message costs more than the future's own work around it.
pub struct Reused<Fut> {
    future: Option<Pin<Box<Option<Fut>>>>,
    spare: Spare<Fut>,
}

impl<Fut: Future<Output = HandlerResult>> Future for Reused<Fut> {
    type Output = HandlerResult;

    fn poll(mut self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<HandlerResult> {
        match self.future.as_mut().and_then(|f| f.as_mut().as_pin_mut()) {
            Some(future) => future.poll(cx),
            None => Poll::Ready(Err(HandlerError::retry(
                "the handler's future was polled after it ended",
            ))),
        }
    }
}

impl<Fut> Drop for Reused<Fut> {
    fn drop(&mut self) {
        if let Some(mut boxed) = self.future.take() {
            // The handler's future is dropped here, where its owner drops it (under
            // `catch_unwind` in the channel's task); a panic leaves the box to be freed.
            boxed.as_mut().set(None);
            self.spare
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(boxed);
        }
    }
}

/// A decoder: body to payload, or a readable reason.
pub type Decoder<T> = fn(&[u8]) -> Result<T, BoxError>;

/// A [`Dispatch`] made of a decoder and a closure `Fn(T, Context<P>) -> impl Future`.
///
/// It also logs one WARN the first time the payloads of its channel carry a property their
/// type does not declare (see [`crate::payload::undeclared`]).
pub struct FnDispatcher<T, P, F: FnHandler<T, P>> {
    decode: Decoder<T>,
    handler: F,
    undeclared: Sightings,
    spare: Spare<F::Future>,
    _marker: PhantomData<fn() -> (T, P)>,
}

/// A handler closure `Fn(T, Context<P>) -> impl Future`, with its future's type named.
#[doc(hidden)]
pub trait FnHandler<T, P>: Send + Sync + 'static {
    /// The handler's future.
    type Future: Future<Output = HandlerResult> + Send + 'static;

    /// Calls the handler.
    fn handle(&self, payload: T, context: Context<P>) -> Self::Future;
}

impl<T, P, F, Fut> FnHandler<T, P> for F
where
    F: Fn(T, Context<P>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = HandlerResult> + Send + 'static,
{
    type Future = Fut;

    fn handle(&self, payload: T, context: Context<P>) -> Fut {
        self(payload, context)
    }
}

impl<T, P, F: FnHandler<T, P>> FnDispatcher<T, P, F> {
    /// Builds the dispatcher.
    pub fn new(decode: Decoder<T>, handler: F) -> Self {
        Self {
            decode,
            handler,
            undeclared: Sightings::default(),
            spare: Spare::default(),
            _marker: PhantomData,
        }
    }
}

impl<T, P, F> Dispatch for FnDispatcher<T, P, F>
where
    T: Send + 'static,
    P: From<Publisher> + Send + 'static,
    F: FnHandler<T, P>,
{
    fn dispatch(&self, body: &[u8], context: Context) -> Result<HandlerFuture, DispatchError> {
        Ok(Box::pin(Inline::start(self, body, context)?))
    }

    fn accept<V: Visit>(self: Arc<Self>, visitor: V) -> V::Out {
        visitor.visit::<Self>(self)
    }
}

impl<T, P, F> Inline for FnDispatcher<T, P, F>
where
    T: Send + 'static,
    P: From<Publisher> + Send + 'static,
    F: FnHandler<T, P>,
{
    type Future = Reused<F::Future>;

    fn start(&self, body: &[u8], context: Context) -> Result<Self::Future, DispatchError> {
        let (payload, found) = undeclared::collect(|| (self.decode)(body));
        if !found.is_empty() {
            warn_undeclared(&self.undeclared, &context, found);
        }
        let payload = payload.map_err(DispatchError::InvalidPayload)?;
        let spare = self.spare.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut boxed = spare.unwrap_or_else(|| Box::pin(None));
        // The future is made where it is written (it is a few kilobytes: each move copies it).
        boxed
            .as_mut()
            .set(Some(self.handler.handle(payload, context.typed::<P>())));
        Ok(Reused {
            future: Some(boxed),
            spare: self.spare.clone(),
        })
    }
}

/// Logs (locally and to the MOV, at WARN) the undeclared properties the channel has not
/// warned about yet; off the handler's path, in a task of its own.
fn warn_undeclared(sightings: &Sightings, context: &Context, found: Vec<undeclared::Undeclared>) {
    let notices = sightings.first_seen(found);
    if notices.is_empty() {
        return;
    }
    let channel = context.channel().to_owned();
    let logs: Vec<(String, serde_json::Value)> = notices
        .iter()
        .map(|n| (n.message(&channel), n.details(&channel)))
        .collect();
    let mov = context.mov().clone();
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => {
            runtime.spawn(async move {
                for (message, details) in logs {
                    mov.warn(&message).payload(&details).await;
                }
            });
        }
        Err(_) => {
            for (message, _) in logs {
                tracing::warn!(channel, "{message}");
            }
        }
    }
}

/// How often a failing handler is called for one message, and how long to wait in between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Calls in all, the first included (2: one retry).
    pub max_attempts: u32,
    /// Wait before each retry.
    pub delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 2,
            delay: Duration::from_millis(100),
        }
    }
}

/// What to do after a handler attempt failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AfterFailure {
    /// Call the handler again after this delay.
    RetryAfter(Duration),
    /// Reject the message (requeue = false).
    Reject,
}

impl RetryPolicy {
    /// Decides after the failure of attempt `attempt` (1-based). `retryable` is `false` for
    /// [`HandlerError::Reject`].
    pub(crate) fn after_failure(&self, attempt: u32, retryable: bool) -> AfterFailure {
        if retryable && attempt < self.max_attempts {
            AfterFailure::RetryAfter(self.delay)
        } else {
            AfterFailure::Reject
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_mark_on_std_errors_means_retry() {
        fn parse(s: &str) -> HandlerResult {
            let _: u32 = s.parse()?;
            Ok(())
        }
        let err = parse("x").unwrap_err();
        assert!(err.is_retryable());
        assert_eq!(err.to_string(), "invalid digit found in string");
        assert!(!HandlerError::reject("no").is_retryable());
    }

    #[test]
    fn errors_of_a_payload_that_never_decodes_reject() {
        fn decode(body: &str) -> HandlerResult {
            let _: u32 = serde_json::from_str(body)?;
            Ok(())
        }
        assert!(!decode("\"x\"").unwrap_err().is_retryable());
        fn typed(body: &str) -> HandlerResult {
            let _: u32 = crate::payload::from_str(body)?;
            Ok(())
        }
        assert!(!typed("[]").unwrap_err().is_retryable());
        let io: HandlerError = std::io::Error::other("disk").into();
        assert!(io.is_retryable());
    }

    #[test]
    fn display_includes_the_source_chain() {
        #[derive(Debug, thiserror::Error)]
        #[error("outer")]
        struct Outer(#[source] std::io::Error);
        let err: HandlerError = Outer(std::io::Error::other("inner")).into();
        assert_eq!(err.to_string(), "outer: inner");
    }

    #[test]
    fn retry_once_then_reject() {
        let p = RetryPolicy::default();
        assert_eq!(p.after_failure(1, true), AfterFailure::RetryAfter(p.delay));
        assert_eq!(p.after_failure(2, true), AfterFailure::Reject);
        assert_eq!(
            p.after_failure(1, false),
            AfterFailure::Reject,
            "Reject is final"
        );
        let none = RetryPolicy {
            max_attempts: 1,
            delay: Duration::ZERO,
        };
        assert_eq!(none.after_failure(1, true), AfterFailure::Reject);
        let three = RetryPolicy {
            max_attempts: 3,
            delay: Duration::from_secs(1),
        };
        assert_eq!(
            three.after_failure(2, true),
            AfterFailure::RetryAfter(Duration::from_secs(1))
        );
    }
}

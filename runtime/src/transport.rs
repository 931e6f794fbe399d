//! The TCP stream under lapin, guarded against a recovery that never starts.
//!
//! lapin 4.12.3 can stay stuck after a connection dies while frames it already serialised are
//! still waiting to be written: its I/O loop keeps going as long as such frames exist, but the
//! dead socket will never take them, so it never reaches the reconnection code. Depending on the
//! socket state it either sleeps forever or spins on a zero-byte read. The fault tests of this
//! crate hit it about one cut in three.
//!
//! [`Guarded`] wraps the socket: once a read or a write fails, or the peer closed the
//! connection, every later write is accepted and dropped, reads report end of stream, and lapin's
//! reader and writer are woken (lapin marks a failed socket neither readable nor writable until
//! a waker fires). lapin then drains its frames and recovers. Dropping those
//! bytes loses nothing: the connection is gone, unacked deliveries come back, and the publisher
//! sends again what was not confirmed.
//!
//! The same happens once the connection's [`Halt`] is set (a session given up, a component
//! stopped): lapin's recovery would otherwise go on in the background after `close` failed on a
//! connection that was down, and connect again for as long as the process lived (with any
//! consumer lapin still held, which would take a prefetch of messages that nobody acks). With
//! the halt set, the socket fails at its next read or write (lapin writes a heartbeat at least
//! every half heartbeat interval), and every dial fails at once, so lapin gives the connection
//! up.
//!
//! The streams come from [`WrappingReactor`], tokio's reactor from `async-rs` with this wrapper
//! around the TCP streams it opens; the dialer uses it through `runtime::<Bare>()`, and hands
//! lapin the result (TLS on top when asked for) wrapped in [`Wire`], which watches the AMQP
//! frames (`crate::wire`). lapin runs on `runtime::<ForLapin>()`, whose reactor names that
//! stream type.

use std::io;
use std::marker::PhantomData;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use async_rs::traits::Reactor;
use async_rs::util::RuntimeParts;
use async_rs::{Runtime, Tokio};
use futures_core::Stream;
use futures_io::{AsyncRead, AsyncWrite};
use lapin::tcp::AsyncTcpStream;

use crate::wire::{Login, Wire};

/// A socket that turns into a sink once it failed, or once its connection is given up.
#[derive(Debug)]
pub(crate) struct Guarded<S> {
    inner: S,
    dead: bool,
    /// The connection's [`Halt`]: once set, the socket fails as if the peer had closed it.
    halt: Halt,
    reader: Option<Waker>,
    writer: Option<Waker>,
}

impl<S> Guarded<S> {
    fn new(inner: S, halt: Halt) -> Self {
        Self {
            inner,
            dead: false,
            halt,
            reader: None,
            writer: None,
        }
    }

    /// `true` once the socket failed or its connection was given up.
    fn is_dead(&mut self) -> bool {
        if !self.dead && self.halt.is_set() {
            self.die();
        }
        self.dead
    }

    fn die(&mut self) {
        if !self.dead {
            self.dead = true;
            tracing::debug!("connection socket closed or failed: draining lapin's pending frames");
            for waker in [self.reader.take(), self.writer.take()]
                .into_iter()
                .flatten()
            {
                waker.wake();
            }
        }
    }
}

fn remember(slot: &mut Option<Waker>, cx: &Context<'_>) {
    match slot {
        Some(w) if w.will_wake(cx.waker()) => {}
        _ => *slot = Some(cx.waker().clone()),
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Guarded<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.is_dead() {
            return Poll::Ready(Ok(0));
        }
        remember(&mut this.reader, cx);
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(0)) if !buf.is_empty() => {
                this.die();
                Poll::Ready(Ok(0))
            }
            Poll::Ready(Err(e)) if e.kind() != io::ErrorKind::Interrupted => {
                this.die();
                Poll::Ready(Err(e))
            }
            ready => ready,
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Guarded<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.is_dead() {
            return Poll::Ready(Ok(buf.len()));
        }
        remember(&mut this.writer, cx);
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Ready(Err(e)) if e.kind() != io::ErrorKind::Interrupted => {
                this.die();
                Poll::Ready(Err(e))
            }
            ready => ready,
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.is_dead() {
            return Poll::Ready(Ok(bufs.iter().map(|b| b.len()).sum()));
        }
        remember(&mut this.writer, cx);
        match Pin::new(&mut this.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(Err(e)) if e.kind() != io::ErrorKind::Interrupted => {
                this.die();
                Poll::Ready(Err(e))
            }
            ready => ready,
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.is_dead() {
            return Poll::Ready(Ok(()));
        }
        remember(&mut this.writer, cx);
        match Pin::new(&mut this.inner).poll_flush(cx) {
            Poll::Ready(Err(e)) if e.kind() != io::ErrorKind::Interrupted => {
                this.die();
                Poll::Ready(Err(e))
            }
            ready => ready,
        }
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.is_dead() {
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut this.inner).poll_close(cx)
    }
}

/// Set once a connection is over for good: its dial was abandoned, its session ended
/// (`crate::session`), or the tokio runtime is shutting down. Its sleeps and dials then end at
/// once, and its socket fails ([`Guarded`]).
///
/// lapin's I/O thread outlives the tokio runtime it was given: when a component stops while the
/// broker is down, the thread is still retrying, inside tokio's timer, as the runtime shuts down,
/// and tokio panics there ("A Tokio 1.x context was found, but it is being shutdown"). Its sleeps
/// and dials are therefore [`Halting`]: once the flag is set they end at once without touching
/// tokio, and lapin's retries run out quietly. [`Halt::on_runtime_shutdown`] sets the flag from
/// the drop of a task, which tokio runs before it shuts its timer down.
#[derive(Clone, Debug, Default)]
pub(crate) struct Halt(Arc<AtomicBool>);

impl Halt {
    /// Sets the flag.
    pub(crate) fn set(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether it is set.
    pub(crate) fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// Sets the flag when the current tokio runtime shuts down (or when `until` resolves,
    /// after which nothing needs it any more).
    pub(crate) fn on_runtime_shutdown(&self, until: impl Future<Output = ()> + Send + 'static) {
        struct SetOnDrop(Halt);
        impl Drop for SetOnDrop {
            fn drop(&mut self) {
                self.0.set();
            }
        }
        let guard = SetOnDrop(self.clone());
        tokio::spawn(async move {
            let _guard = guard;
            until.await;
        });
    }
}

/// A future that ends with `on_halt()` instead of being polled once its [`Halt`] is set.
pub(crate) struct Halting<F: Future> {
    inner: Pin<Box<F>>,
    halt: Halt,
    on_halt: fn() -> F::Output,
}

impl<F: Future> Halting<F> {
    pub(crate) fn new(inner: F, halt: Halt, on_halt: fn() -> F::Output) -> Self {
        Halting {
            inner: Box::pin(inner),
            halt,
            on_halt,
        }
    }
}

impl<F: Future> Future for Halting<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        if self.halt.is_set() {
            return Poll::Ready((self.on_halt)());
        }
        self.inner.as_mut().poll(cx)
    }
}

/// What a [`WrappingReactor`] makes of the guarded TCP streams it opens.
pub(crate) trait Wrap: Clone + std::fmt::Debug + Send + Sync + 'static {
    /// The stream type handed out.
    type Stream: AsyncRead + AsyncWrite + Send + Unpin + 'static;
    /// Wraps a freshly opened stream.
    fn wrap(stream: Guarded<TokioTcp>) -> Self::Stream;
}

type TokioTcp = <Tokio as Reactor>::TcpStream;

/// tokio's reactor from `async-rs`, handing out its TCP streams guarded and wrapped by `W`;
/// its sleeps end at once when the [`Halt`] is set.
#[derive(Clone, Debug)]
pub(crate) struct WrappingReactor<W>(Tokio, Halt, PhantomData<W>);

impl<W: Wrap> Reactor for WrappingReactor<W> {
    type TcpStream = W::Stream;
    type Sleep = Halting<<Tokio as Reactor>::Sleep>;

    /// Not used by lapin (it only opens streams with `tcp_connect`), and not implementable here:
    /// the trait's bound names a trait `async-rs` keeps private.
    fn register<H: io::Read + io::Write + Send + 'static>(
        &self,
        _socket: H,
    ) -> io::Result<impl AsyncRead + AsyncWrite + Send + Unpin + 'static> {
        Err::<Self::TcpStream, _>(io::Error::new(
            io::ErrorKind::Unsupported,
            "registering a raw socket is not supported",
        ))
    }

    fn sleep(&self, dur: Duration) -> Self::Sleep {
        Halting::new(self.0.sleep(dur), self.1.clone(), || ())
    }

    fn interval(&self, dur: Duration) -> impl Stream<Item = Instant> + Send + 'static {
        self.0.interval(dur)
    }

    fn tcp_connect_addr(
        &self,
        addr: SocketAddr,
    ) -> impl Future<Output = io::Result<Self::TcpStream>> + Send + 'static {
        let connecting = self.0.tcp_connect_addr(addr);
        let halt = self.1.clone();
        Halting::new(
            async move { connecting.await.map(|s| W::wrap(Guarded::new(s, halt))) },
            self.1.clone(),
            halted,
        )
    }
}

/// Guarded streams as they are: what the dialer opens TCP (and TLS) connections with.
#[derive(Clone, Debug)]
pub(crate) struct Bare;

impl Wrap for Bare {
    type Stream = Guarded<TokioTcp>;
    fn wrap(stream: Guarded<TokioTcp>) -> Self::Stream {
        stream
    }
}

/// What lapin reads and writes: a guarded socket (TLS on top when asked for), watched by
/// [`Wire`].
pub(crate) type LapinStream = Wire<AsyncTcpStream<Guarded<TokioTcp>>>;

/// lapin's stream type. lapin gets its streams from the dialer ([`for_lapin`]); one opened by
/// the reactor itself would have no login to fill in.
#[derive(Clone, Debug)]
pub(crate) struct ForLapin;

impl Wrap for ForLapin {
    type Stream = LapinStream;
    fn wrap(stream: Guarded<TokioTcp>) -> Self::Stream {
        Wire::new(AsyncTcpStream::Plain(stream), None)
    }
}

/// A runtime on the current tokio runtime whose reactor wraps streams with `W`.
pub(crate) type WrappingRuntime<W> = Runtime<RuntimeParts<Tokio, WrappingReactor<W>>>;

/// Builds a runtime from the current tokio runtime (panics outside one): [`Bare`] for the
/// dialer, [`ForLapin`] for lapin. Its sleeps and connections end when `halt` is set.
pub(crate) fn runtime<W: Wrap>(halt: &Halt) -> WrappingRuntime<W> {
    Runtime::new(RuntimeParts::new(
        Tokio::current(),
        WrappingReactor(Tokio::current(), halt.clone(), PhantomData),
    ))
}

/// The error of a connection attempt made after its [`Halt`].
pub(crate) fn halted<T>() -> io::Result<T> {
    Err(io::Error::new(
        io::ErrorKind::ConnectionAborted,
        "connection attempt abandoned",
    ))
}

/// Wraps a dialed stream for lapin, with the credentials for its login frame.
pub(crate) fn for_lapin(
    stream: AsyncTcpStream<Guarded<TokioTcp>>,
    login: Login,
) -> AsyncTcpStream<LapinStream> {
    AsyncTcpStream::Plain(Wire::new(stream, Some(login)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    /// A scripted stream: reads and writes answer from queues.
    struct Script {
        reads: Vec<Poll<io::Result<usize>>>,
        writes: Vec<Poll<io::Result<usize>>>,
    }

    impl AsyncRead for Script {
        fn poll_read(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            _: &mut [u8],
        ) -> Poll<io::Result<usize>> {
            self.get_mut().reads.remove(0)
        }
    }

    impl AsyncWrite for Script {
        fn poll_write(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            _: &[u8],
        ) -> Poll<io::Result<usize>> {
            self.get_mut().writes.remove(0)
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_close(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[test]
    fn a_failed_socket_wakes_the_writer_and_swallows_writes() {
        let mut s = Guarded::new(
            Script {
                reads: vec![Poll::Ready(Err(io::ErrorKind::ConnectionReset.into()))],
                writes: vec![Poll::Ready(Ok(5))],
            },
            Halt::default(),
        );
        let writer = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(writer.clone());
        let mut cx = Context::from_waker(&waker);
        let mut buf = [0u8; 8];
        // A write that went through: its waker is remembered all the same.
        assert!(matches!(
            Pin::new(&mut s).poll_write(&mut cx, b"frame"),
            Poll::Ready(Ok(5))
        ));
        let noop = Waker::noop();
        let mut read_cx = Context::from_waker(noop);
        assert!(matches!(
            Pin::new(&mut s).poll_read(&mut read_cx, &mut buf),
            Poll::Ready(Err(_))
        ));
        assert_eq!(
            writer.0.load(Ordering::SeqCst),
            1,
            "the blocked writer is woken"
        );
        assert!(matches!(
            Pin::new(&mut s).poll_write(&mut cx, b"frame"),
            Poll::Ready(Ok(5))
        ));
        assert!(matches!(
            Pin::new(&mut s).poll_read(&mut read_cx, &mut buf),
            Poll::Ready(Ok(0))
        ));
    }

    #[test]
    fn end_of_stream_kills_and_healthy_io_passes() {
        let mut s = Guarded::new(
            Script {
                reads: vec![Poll::Ready(Ok(3)), Poll::Ready(Ok(0))],
                writes: vec![Poll::Ready(Ok(2))],
            },
            Halt::default(),
        );
        let mut cx = Context::from_waker(Waker::noop());
        let mut buf = [0u8; 8];
        assert!(matches!(
            Pin::new(&mut s).poll_write(&mut cx, b"abcd"),
            Poll::Ready(Ok(2))
        ));
        assert!(matches!(
            Pin::new(&mut s).poll_read(&mut cx, &mut buf),
            Poll::Ready(Ok(3))
        ));
        assert!(!s.dead);
        assert!(matches!(
            Pin::new(&mut s).poll_read(&mut cx, &mut buf),
            Poll::Ready(Ok(0))
        ));
        assert!(s.dead);
        assert!(matches!(
            Pin::new(&mut s).poll_write(&mut cx, b"abcd"),
            Poll::Ready(Ok(4))
        ));
    }

    #[test]
    fn a_halted_socket_is_dead_without_touching_the_stream() {
        let halt = Halt::default();
        // The script has nothing to answer: the stream must not be polled once halted.
        let mut s = Guarded::new(
            Script {
                reads: vec![Poll::Ready(Ok(3))],
                writes: vec![],
            },
            halt.clone(),
        );
        let mut cx = Context::from_waker(Waker::noop());
        let mut buf = [0u8; 8];
        assert!(matches!(
            Pin::new(&mut s).poll_read(&mut cx, &mut buf),
            Poll::Ready(Ok(3))
        ));
        halt.set();
        assert!(matches!(
            Pin::new(&mut s).poll_read(&mut cx, &mut buf),
            Poll::Ready(Ok(0))
        ));
        assert!(matches!(
            Pin::new(&mut s).poll_write(&mut cx, b"frame"),
            Poll::Ready(Ok(5))
        ));
        assert!(s.dead);
    }
}

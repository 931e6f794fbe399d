//! One connection's worth of AMQP state: a confirm-mode channel for publishing and one channel
//! per receive channel, each with its own QoS and consumer task (polled by `Component::run`'s
//! own future, see `crate::poller`).
//!
//! lapin recovers all of it after a network failure. When it cannot, the supervisor in
//! [`crate::component`] drops the session and opens a new one on a new connection.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_core::Stream;
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use lapin::options::{BasicConsumeOptions, BasicQosOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{Channel, Connection, Event};
use tokio::sync::watch;
use tokio::time::{Instant, timeout};

use crate::config::QueueType;
use crate::connection::{Link, Peer};
use crate::consumer::{ChannelRuntime, ConsumerExit};
use crate::counters::Counters;
use crate::poller::{Polled, Poller};
use crate::publisher::PublisherShared;
use crate::transport::Halt;

use crate::conventions::queue_declare_options as queue_options;

/// The arguments of a receive channel's queue: none for a classic queue (as the MOV declares
/// them), `x-queue-type: quorum` for a quorum queue.
pub(crate) fn queue_arguments(queue_type: QueueType) -> FieldTable {
    let mut arguments = crate::conventions::queue_arguments();
    if queue_type == QueueType::Quorum {
        arguments.insert(
            "x-queue-type".into(),
            AMQPValue::LongString("quorum".into()),
        );
    }
    arguments
}

/// What a refused declaration of a receive queue means, when the broker's text says it.
fn declare_hint(message: &str, queue_type: QueueType) -> Option<&'static str> {
    if !message.contains("inequivalent arg 'x-queue-type'") {
        return None;
    }
    Some(match queue_type {
        QueueType::Quorum => {
            "the queue exists as a classic queue: delete it, and its messages, to make it a \
             quorum queue, or set VALAWAI_QUEUE_TYPE=classic"
        }
        QueueType::Classic => {
            "the queue exists with another type: set VALAWAI_QUEUE_TYPE=quorum, or delete the \
             queue and its messages"
        }
    })
}

/// What a session needs besides its connection.
pub(crate) struct SessionSetup<'a> {
    /// The receive channels, the registered one first.
    pub receivers: &'a [Arc<ChannelRuntime>],
    /// The MOV's queues to declare (register, unregister, log), or none.
    pub mov_queues: &'a [String],
    /// The component's name, for consumer tags.
    pub component: &'a str,
    /// The limit of every broker operation.
    pub limit: Duration,
    /// Where the publishing channel goes.
    pub publisher: &'a PublisherShared,
    /// The type of the receive channels' queues.
    pub queue_type: QueueType,
    /// The component's counters (reconnections).
    pub counters: &'a Arc<Counters>,
    /// Polls the receive channels' tasks (in `Component::run`'s own future).
    pub poller: &'a Poller,
    /// Which broker the connection is on.
    pub peer: &'a Peer,
}

/// A broker operation that failed while the component's channels were being set up
/// ([`RunError::Setup`](crate::RunError::Setup)). Displays as
/// ``declaring the queue `valawai/c1/echo/data/received_message`: <why>``.
#[derive(Debug)]
pub struct SetupError {
    /// What was being done, e.g. ``declaring the queue `valawai/c1/echo/data/received_message` ``.
    pub step: String,
    /// Why it failed.
    pub cause: SetupCause,
    /// What to do about it, when the runtime knows (a queue declared with another type).
    pub hint: Option<&'static str>,
}

/// Why a set-up step failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SetupCause {
    /// The broker refused the operation, or the connection failed during it.
    #[error(transparent)]
    Broker(lapin::Error),
    /// The broker did not answer in time ([`Config::connect_timeout`](crate::Config::connect_timeout)).
    #[error("no answer from the broker within {0:?}")]
    Timeout(Duration),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.step, self.cause)?;
        match self.hint {
            Some(hint) => write!(f, " ({hint})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for SetupError {}

async fn step<T>(
    what: impl Into<String>,
    limit: Duration,
    op: impl std::future::Future<Output = lapin::Result<T>>,
) -> Result<T, SetupError> {
    let cause = match timeout(limit, op).await {
        Ok(Ok(v)) => return Ok(v),
        Ok(Err(e)) => SetupCause::Broker(e),
        Err(_) => SetupCause::Timeout(limit),
    };
    Err(SetupError {
        step: what.into(),
        cause,
        hint: None,
    })
}

type Events = std::pin::Pin<Box<dyn Stream<Item = Event> + Send>>;

/// The task of one receive channel; resolves with its address and how it ended.
struct Consuming {
    address: Arc<str>,
    task: Polled<ConsumerExit>,
}

impl Future for Consuming {
    type Output = (Arc<str>, Result<ConsumerExit, String>);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.task)
            .poll(cx)
            .map(|exit| (self.address.clone(), exit))
    }
}

pub(crate) struct Session {
    connection: Arc<Connection>,
    /// Set once the session is over, so that lapin cannot recover its connection afterwards.
    halt: Halt,
    /// lapin's connection events: `Error` means it gave the connection up (it may still mark the
    /// connection as reconnecting afterwards, so the status alone cannot tell).
    events: Events,
    publish_channel: Arc<Channel>,
    stop: watch::Sender<Option<Instant>>,
    /// The receive channels' tasks; dropping one stops it.
    consumers: FuturesUnordered<Consuming>,
    counters: Arc<Counters>,
    peer: Peer,
    /// The peer's TCP connections counted so far (recoveries are counted once each).
    dials: u32,
}

impl Session {
    /// Declares and consumes every receive channel in order (the registered one first), opens
    /// the publishing channel and installs it in the publisher. When a step fails, the
    /// connection is closed and halted: nothing recovers it behind the supervisor's back.
    pub(crate) async fn open(link: Link, setup: SessionSetup<'_>) -> Result<Self, SetupError> {
        let Link { connection, halt } = link;
        let connection = Arc::new(connection);
        match Self::set_up(connection.clone(), halt.clone(), setup).await {
            Ok(session) => Ok(session),
            Err(e) => {
                // A set-up that timed out may meet a broker that does not answer the close
                // either, and the supervisor waits for this to try again.
                close_briefly(&connection, "set-up failed").await;
                halt.set();
                Err(e)
            }
        }
    }

    async fn set_up(
        connection: Arc<Connection>,
        halt: Halt,
        setup: SessionSetup<'_>,
    ) -> Result<Self, SetupError> {
        let SessionSetup {
            receivers,
            mov_queues,
            component,
            limit,
            publisher,
            queue_type,
            counters,
            peer,
            poller,
        } = setup;
        let events: Events = Box::pin(connection.events_listener());
        let publish_channel = step(
            "opening the publishing channel",
            limit,
            connection.create_channel(),
        )
        .await?;
        step(
            "enabling publisher confirms",
            limit,
            publish_channel.confirm_select(ConfirmSelectOptions::default()),
        )
        .await?;
        let (stop, stop_rx) = watch::channel(None);
        let consumers = FuturesUnordered::new();
        for (index, rt) in receivers.iter().enumerate() {
            let address = &*rt.address;
            let channel = step(
                format!("opening a channel for `{address}`"),
                limit,
                connection.create_channel(),
            )
            .await?;
            step(
                format!("setting the prefetch of `{address}`"),
                limit,
                channel.basic_qos(rt.settings.prefetch, BasicQosOptions { global: false }),
            )
            .await?;
            step(
                format!("declaring the queue `{address}`"),
                limit,
                channel.queue_declare(address.into(), queue_options(), queue_arguments(queue_type)),
            )
            .await
            .map_err(|mut e| {
                e.hint = declare_hint(&e.cause.to_string(), queue_type);
                e
            })?;
            let consumer = step(
                format!("consuming the queue `{address}`"),
                limit,
                channel.basic_consume(
                    address.into(),
                    // Short: lapin hashes the tag for every frame of every delivery.
                    format!("valawai-{index}").into(),
                    BasicConsumeOptions::default(),
                    FieldTable::default(),
                ),
            )
            .await?;
            tracing::debug!(component, channel = address, tag = index, "consuming");
            let task = poller.spawn((rt.start.start())(
                rt.clone(),
                channel,
                consumer,
                stop_rx.clone(),
            ));
            consumers.push(Consuming {
                address: rt.address.clone(),
                task,
            });
        }
        if !mov_queues.is_empty() {
            // On a channel of its own: a refused declare closes the channel it was made on.
            match step(
                "opening a channel for the MOV queues",
                limit,
                connection.create_channel(),
            )
            .await
            {
                Ok(channel) => {
                    for queue in mov_queues {
                        let declared = step(
                            format!("declaring the MOV queue `{queue}`"),
                            limit,
                            channel.queue_declare(
                                queue.as_str().into(),
                                queue_options(),
                                crate::conventions::queue_arguments(),
                            ),
                        )
                        .await;
                        if let Err(e) = declared {
                            tracing::warn!("{e}");
                            break;
                        }
                    }
                    let _ = timeout(limit, channel.close(200, "OK".into())).await;
                }
                Err(e) => tracing::warn!("{e}"),
            }
        }
        let publish_channel = Arc::new(publish_channel);
        publisher.install(Some(publish_channel.clone()));
        Ok(Self {
            connection,
            halt,
            events,
            publish_channel,
            stop,
            consumers,
            counters: counters.clone(),
            dials: peer.dials(),
            peer: peer.clone(),
        })
    }

    /// The connection, for the MOV watch and the readiness probe.
    pub(crate) fn connection(&self) -> Arc<Connection> {
        self.connection.clone()
    }

    /// Resolves when the session is lost for good, with the reason: a consumer stopped (its
    /// channel or the connection could not be recovered), or lapin gave the connection up.
    pub(crate) async fn failed(&mut self) -> String {
        let connection = &self.connection;
        let events = &mut self.events;
        let (counters, peer) = (&self.counters, &self.peer);
        let dials = &mut self.dials;
        let gave_up = async {
            loop {
                match std::future::poll_fn(|cx| events.as_mut().poll_next(cx)).await {
                    Some(Event::Error(error)) => {
                        return format!("lapin gave the connection up: {error}");
                    }
                    Some(Event::Connected) if peer.dials() > *dials => {
                        // A recovery dialled again; lapin may also send this event for the
                        // first connection, just after it resolved.
                        *dials = peer.dials();
                        counters.reconnected();
                        tracing::info!(
                            broker = peer.get().as_deref().unwrap_or("?"),
                            "connection to RabbitMQ recovered"
                        );
                    }
                    Some(Event::ConnectionBlocked(reason)) => {
                        tracing::warn!("the broker blocks the connection: {reason}");
                    }
                    Some(Event::ConnectionUnblocked) => {
                        tracing::info!("the broker unblocked the connection");
                    }
                    Some(_) => {}
                    None => std::future::pending::<()>().await,
                }
            }
        };
        let given_up = async {
            loop {
                let status = connection.status();
                if status.errored() || status.closed() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        };
        let consumers = async {
            match self.consumers.next().await {
                Some((_, Ok(ConsumerExit::Failed(reason)))) => reason,
                Some((address, Ok(ConsumerExit::Stopped))) => {
                    format!("the consumer of `{address}` stopped")
                }
                Some((address, Err(e))) => format!("the consumer of `{address}` ended: {e}"),
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            reason = consumers => reason,
            reason = gave_up => reason,
            () = given_up => "the connection is closed".into(),
        }
    }

    /// Stops consuming, lets handlers finish until `deadline`, flushes acks and confirms, and
    /// closes the connection.
    pub(crate) async fn stop(mut self, deadline: Instant, publisher: &PublisherShared) {
        let _ = self.stop.send(Some(deadline));
        let grace = deadline + Duration::from_secs(5);
        while tokio::time::timeout_at(grace, self.consumers.next())
            .await
            .is_ok_and(|joined| joined.is_some())
        {}
        self.consumers.clear();
        if let Err(e) = timeout(
            Duration::from_secs(5),
            self.publish_channel.wait_for_confirms(),
        )
        .await
        .unwrap_or_else(|_| Err(std::io::Error::other("timeout").into()))
        {
            tracing::warn!("waiting for the last publisher confirms: {e}");
        }
        publisher.install(None);
        match timeout(
            Duration::from_secs(5),
            self.connection.close(200, "component stopped".into()),
        )
        .await
        {
            Ok(Ok(())) => tracing::debug!("connection closed"),
            Ok(Err(e)) => tracing::debug!("closing the connection: {e}"),
            Err(_) => tracing::warn!("the broker did not answer the connection close"),
        }
        // Dropping the session now halts the connection (see `Drop`).
    }

    /// Drops a failed session: stops its tasks at once and closes what is left.
    pub(crate) async fn abort(mut self) {
        let _ = self.stop.send(Some(Instant::now()));
        self.consumers.clear();
        close_briefly(&self.connection, "reconnecting").await;
        // Dropping the session now halts the connection (see `Drop`).
    }
}

/// Closes a connection that is being given up (320, "connection forced"), waiting at most
/// [`GIVE_UP_CLOSE_WAIT`] for the broker's answer, whatever it is.
async fn close_briefly(connection: &Connection, reason: &str) {
    let _ = timeout(GIVE_UP_CLOSE_WAIT, connection.close(320, reason.into())).await;
}

/// How long a connection that is being given up waits for the broker to answer its close.
const GIVE_UP_CLOSE_WAIT: Duration = Duration::from_secs(2);

impl Drop for Session {
    /// A session that is over halts its connection. When the connection was down, `close`
    /// failed and lapin's recovery goes on in the background: it would connect again, beside
    /// the next session's connection, for as long as the process lives (with any consumer lapin
    /// still held, taking a prefetch that nobody acks). The halt makes every later dial and read
    /// or write of it fail, so lapin gives it up.
    fn drop(&mut self) {
        self.halt.set();
    }
}

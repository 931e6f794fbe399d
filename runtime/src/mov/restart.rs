//! Noticing a MOV restart, to register again.
//!
//! The MOV says nothing when it restarts, and with its production settings a restart marks
//! every component finished and deletes every connection (protocol reference, sections 11 and
//! 18, P8). What a component can see is the MOV's consumer on `valawai/component/register`:
//! a passive declare of that queue tells how many consumers it has. The watch polls it; when
//! the consumers drop to 0 while the component is registered, and come back (two polls in a
//! row, so that a MOV that just started has finished its start-up, which finishes the
//! components it knew), the component registers again.
//!
//! A restart shorter than the poll interval goes unnoticed, and so does one that happens while
//! the component itself has no connection.

use std::sync::Arc;
use std::time::Duration;

use lapin::options::QueueDeclareOptions;
use lapin::protocol::{AMQPErrorKind, AMQPSoftError};
use lapin::types::FieldTable;
use lapin::{Connection, ErrorKind};
use tokio::time::{MissedTickBehavior, timeout};

use super::MovShared;

/// What the watch makes of one more look at the register queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// Nothing changed.
    Nothing,
    /// The MOV stopped consuming. `lost`: the component was registered, so the MOV may forget
    /// it.
    Away { lost: bool },
    /// The MOV consumes again; the component was not registered when it left (its register
    /// message waited in the queue), so there is nothing to do.
    Back,
    /// The MOV consumes again after it left while the component was registered: register
    /// again.
    Reregister,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Phase {
    /// Not looked yet.
    #[default]
    Unknown,
    /// The MOV consumes the register queue.
    Present,
    /// Nobody consumes it.
    Away { lost: bool },
    /// Consumed again, seen once: wait for one more look.
    Returning { lost: bool },
}

/// The watch's state, without I/O.
#[derive(Debug, Default)]
pub(crate) struct Tracker {
    phase: Phase,
}

impl Tracker {
    /// One more look: the register queue has `consumers` consumers (0 when it is missing), and
    /// the component is `registered` (it holds an id) now.
    pub(crate) fn observe(&mut self, consumers: u32, registered: bool) -> Step {
        let present = consumers > 0;
        let (phase, step) = match (self.phase, present) {
            (Phase::Unknown, true) => (Phase::Present, Step::Nothing),
            (Phase::Unknown, false) => (Phase::Away { lost: false }, Step::Away { lost: false }),
            (Phase::Present, true) => (Phase::Present, Step::Nothing),
            (Phase::Present, false) => {
                let lost = registered;
                (Phase::Away { lost }, Step::Away { lost })
            }
            (Phase::Away { lost }, false) | (Phase::Returning { lost }, false) => {
                (Phase::Away { lost }, Step::Nothing)
            }
            (Phase::Away { lost }, true) => (Phase::Returning { lost }, Step::Nothing),
            (Phase::Returning { lost }, true) => (
                Phase::Present,
                if lost { Step::Reregister } else { Step::Back },
            ),
        };
        self.phase = phase;
        step
    }
}

/// How many consumers `queue` has: 0 when it does not exist.
///
/// The passive declare runs on a channel of its own, closed afterwards: a passive declare of a
/// missing queue closes its channel, and lapin replays every declare left on an open channel
/// when it recovers the connection, so a declare left on a long-lived channel would fail the
/// whole recovery whenever the queue is missing then (say its cluster node is down).
pub(crate) async fn consumers(
    connection: &Connection,
    queue: &str,
    limit: Duration,
) -> Result<u32, String> {
    let channel = match timeout(limit, connection.create_channel()).await {
        Ok(Ok(channel)) => channel,
        Ok(Err(e)) => return Err(format!("cannot open a channel: {e}")),
        Err(_) => return Err(format!("no channel within {limit:?}")),
    };
    let passive = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    let declared = timeout(
        limit,
        channel.queue_declare(queue.into(), passive, FieldTable::default()),
    )
    .await;
    let result = match declared {
        Ok(Ok(q)) => Ok(q.consumer_count()),
        Ok(Err(e)) if is_not_found(&e) => Ok(0),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!("no answer within {limit:?}")),
    };
    if channel.status().connected() {
        let _ = timeout(limit, channel.close(200, "OK".into())).await;
    }
    result
}

fn is_not_found(error: &lapin::Error) -> bool {
    matches!(error.kind(), ErrorKind::ProtocolError(e)
        if *e.kind() == AMQPErrorKind::Soft(AMQPSoftError::NOTFOUND))
}

/// The watch of one component: every `interval`, a look at the register queue on the
/// connection `connection` gives (none while the component is disconnected).
pub(crate) struct Watch<C> {
    mov: Arc<MovShared>,
    queue: String,
    ticker: tokio::time::Interval,
    limit: Duration,
    tracker: Tracker,
    connection: C,
}

impl<C: Fn() -> Option<Arc<Connection>>> Watch<C> {
    pub(crate) fn new(
        mov: Arc<MovShared>,
        queue: String,
        interval: Duration,
        connection: C,
    ) -> Self {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(MissedTickBehavior::Delay);
        Self {
            mov,
            queue,
            ticker,
            limit: interval.clamp(Duration::from_secs(1), Duration::from_secs(10)),
            tracker: Tracker::default(),
            connection,
        }
    }

    /// The registration that [`Watch::reregister_needed`] asked for could not be sent: ask for
    /// it again at the next look that finds the MOV consuming.
    pub(crate) fn try_again(&mut self) {
        self.tracker.phase = Phase::Returning { lost: true };
    }

    /// Looks until the MOV is back after it forgot the component: then it must register again.
    pub(crate) async fn reregister_needed(&mut self) {
        let queue = &self.queue;
        loop {
            self.ticker.tick().await;
            let Some(connection) = (self.connection)().filter(|c| c.status().connected()) else {
                continue;
            };
            let count = match consumers(&connection, queue, self.limit).await {
                Ok(n) => n,
                Err(e) => {
                    tracing::debug!("MOV watch: cannot count the consumers of `{queue}`: {e}");
                    continue;
                }
            };
            match self
                .tracker
                .observe(count, self.mov.component_id().is_some())
            {
                Step::Nothing => {}
                Step::Away { lost: true } => {
                    self.mov.set_stale(true);
                    tracing::info!(
                        "the MOV stopped consuming `{queue}` (stopped or restarting); this \
                         component registers again once it is back"
                    );
                }
                Step::Away { lost: false } => tracing::info!(
                    "the MOV does not consume `{queue}`: the register message waits there until \
                     it does"
                ),
                Step::Back => tracing::info!("the MOV consumes `{queue}` again"),
                Step::Reregister => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(looks: &[(u32, bool)]) -> Vec<Step> {
        let mut t = Tracker::default();
        looks.iter().map(|(n, r)| t.observe(*n, *r)).collect()
    }

    #[test]
    fn a_restart_of_a_mov_that_knew_the_component_registers_again() {
        use Step::*;
        assert_eq!(
            run(&[
                (1, false),
                (1, true),
                (0, true),
                (0, true),
                (1, true),
                (1, true),
                (1, true)
            ]),
            [
                Nothing,
                Nothing,
                Away { lost: true },
                Nothing,
                Nothing,
                Reregister,
                Nothing
            ]
        );
    }

    #[test]
    fn a_mov_back_for_a_single_look_is_not_trusted_yet() {
        use Step::*;
        assert_eq!(
            run(&[
                (1, true),
                (0, true),
                (2, true),
                (0, true),
                (1, true),
                (1, true)
            ]),
            [
                Nothing,
                Away { lost: true },
                Nothing,
                Nothing,
                Nothing,
                Reregister
            ]
        );
    }

    #[test]
    fn a_mov_that_never_knew_the_component_needs_nothing() {
        use Step::*;
        // Started before the MOV: the register message waits in the queue.
        assert_eq!(
            run(&[(0, false), (0, false), (1, false), (1, false)]),
            [Away { lost: false }, Nothing, Nothing, Back]
        );
        // Left before it answered the register message.
        assert_eq!(
            run(&[(1, false), (0, false), (1, false), (1, true)]),
            [Nothing, Away { lost: false }, Nothing, Back]
        );
    }
}

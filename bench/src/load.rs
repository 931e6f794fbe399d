//! The closed-loop load: keep `window` messages in flight to an echo's input queue, read the
//! echoes from its output queue, and time each round trip.
//!
//! Each message is `{"content":"<phase>:<seq>:<sent ns>"}` (about 45 bytes, like runtime-notes
//! 9.2), so an echo carries its own send time and a late echo from an earlier phase is never
//! counted twice. The driver publishes without confirms and consumes with no-ack: it must cost
//! as little as possible, and a lost message shows up as a stall.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use futures_util::{StreamExt, stream::FuturesUnordered};
use lapin::{
    BasicProperties, Channel, Connection, Consumer,
    options::{BasicConsumeOptions, BasicPublishOptions},
    types::{FieldTable, ShortString},
};
use serde::Deserialize;

use crate::{Error, amqp, policy::Queues};

/// What one phase does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhasePlan {
    /// Messages in flight.
    pub window: usize,
    /// Stop sending after this many messages, if set.
    pub messages: Option<u64>,
    /// Stop sending after this long.
    pub duration: Duration,
    /// Fail if no echo arrives for this long.
    pub stall_timeout: Duration,
}

/// What one phase measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhaseResult {
    /// Messages in flight.
    pub window: usize,
    /// Messages sent.
    pub sent: u64,
    /// Distinct messages echoed (equal to `sent` when the phase succeeds).
    pub echoed: u64,
    /// Echoes received more than once.
    pub duplicates: u64,
    /// Messages on the output queue that this phase did not send.
    pub strays: u64,
    /// From the first send to the last echo.
    pub elapsed: Duration,
    /// One round trip per echoed message.
    pub latencies: Vec<Duration>,
}

impl PhaseResult {
    /// Echoed messages per second.
    pub fn round_trips_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.echoed as f64 / secs
        } else {
            0.0
        }
    }
}

/// The driver's side of one echo: a publishing channel to its input queue and a no-ack
/// consumer on its output queue.
pub struct Load {
    channel: Channel,
    consumer: Consumer,
    input: ShortString,
    output: String,
    properties: BasicProperties,
    phase: u64,
    epoch: Instant,
}

impl Load {
    /// Opens the channels. The queues must exist (see [`amqp::declare_queue`]).
    pub async fn new(
        connection: &Connection,
        queues: &Queues,
        persistent: bool,
    ) -> Result<Self, Error> {
        let channel = amqp::open_channel(connection).await?;
        let consuming = amqp::open_channel(connection).await?;
        let consumer = no_ack_consumer(&consuming, &queues.output, "valawai-bench-echoes").await?;
        Ok(Self {
            channel,
            consumer,
            input: queues.input.as_str().into(),
            output: queues.output.clone(),
            properties: valawai::conventions::publish_properties(persistent),
            phase: 0,
            epoch: Instant::now(),
        })
    }

    /// Runs one closed-loop phase: `window` messages in flight until the plan says stop, then
    /// waits for every echo.
    pub async fn run_phase(&mut self, plan: &PhasePlan) -> Result<PhaseResult, Error> {
        self.phase += 1;
        let phase = self.phase;
        let window = plan.window.max(1) as u64;
        let start = Instant::now();
        let may_send = |sent: u64| {
            plan.messages.is_none_or(|limit| sent < limit) && start.elapsed() < plan.duration
        };
        let mut result = PhaseResult {
            window: plan.window,
            ..PhaseResult::default()
        };
        let mut seen = Seen::default();
        let mut sends = FuturesUnordered::new();
        while result.sent < window && may_send(result.sent) {
            sends.push(self.send(phase, result.sent));
            result.sent += 1;
        }
        let mut last_echo = start;
        let stall = tokio::time::sleep(plan.stall_timeout);
        let mut stall = std::pin::pin!(stall);

        while result.echoed < result.sent {
            tokio::select! {
                biased;
                Some(sent) = sends.next(), if !sends.is_empty() => sent?,
                delivery = self.consumer.next() => {
                    let delivery = delivery
                        .ok_or_else(|| Error::ConsumerCancelled { queue: self.output.clone() })?
                        .map_err(Error::amqp_on("consume", &self.output))?;
                    let now = Instant::now();
                    match parse_echo(&delivery.data) {
                        Some(echo) if echo.phase == phase && echo.seq < result.sent => {
                            if !seen.insert(echo.seq) {
                                result.duplicates += 1;
                                continue;
                            }
                            result.echoed += 1;
                            let sent_at = self.epoch + Duration::from_nanos(echo.sent_ns);
                            result.latencies.push(now.saturating_duration_since(sent_at));
                            last_echo = now;
                            if may_send(result.sent) {
                                sends.push(self.send(phase, result.sent));
                                result.sent += 1;
                            }
                        }
                        _ => result.strays += 1,
                    }
                }
                () = &mut stall => {
                    let deadline = last_echo + plan.stall_timeout;
                    if Instant::now() >= deadline {
                        return Err(Error::Stalled {
                            timeout: plan.stall_timeout,
                            outstanding: result.sent - result.echoed,
                            received: result.echoed,
                            sent: result.sent,
                        });
                    }
                    stall.as_mut().reset(deadline.into());
                }
            }
        }
        while let Some(sent) = sends.next().await {
            sent?;
        }
        result.elapsed = last_echo.saturating_duration_since(start);
        Ok(result)
    }

    /// Publishes message `seq` of `phase`, stamped with the time now.
    fn send(&self, phase: u64, seq: u64) -> impl Future<Output = Result<(), Error>> + use<> {
        let sent_ns = self.epoch.elapsed().as_nanos() as u64;
        let body = format!(r#"{{"content":"{phase}:{seq}:{sent_ns}"}}"#);
        let channel = self.channel.clone();
        let input = self.input.clone();
        let properties = self.properties.clone();
        async move {
            let confirm = channel
                .basic_publish(
                    ShortString::default(),
                    input.clone(),
                    BasicPublishOptions::default(),
                    body.as_bytes(),
                    properties,
                )
                .await
                .map_err(Error::amqp_on("basic.publish", input.as_str()))?;
            // Without confirm mode this resolves at once; awaiting it keeps lapin from parking it.
            confirm
                .await
                .map_err(Error::amqp_on("basic.publish", input.as_str()))?;
            Ok(())
        }
    }
}

/// A no-ack consumer on `queue`.
async fn no_ack_consumer(channel: &Channel, queue: &str, tag: &str) -> Result<Consumer, Error> {
    channel
        .basic_consume(
            queue.into(),
            tag.into(),
            BasicConsumeOptions {
                no_ack: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(Error::amqp_on("basic.consume", queue))
}

/// The fields of an echo the driver reads back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Echo {
    phase: u64,
    seq: u64,
    sent_ns: u64,
}

fn parse_echo(body: &[u8]) -> Option<Echo> {
    #[derive(Deserialize)]
    struct Body<'a> {
        content: &'a str,
    }
    let body: Body<'_> = serde_json::from_slice(body).ok()?;
    let mut parts = body.content.split(':').map(|p| p.parse::<u64>().ok());
    let echo = Echo {
        phase: parts.next()??,
        seq: parts.next()??,
        sent_ns: parts.next()??,
    };
    parts.next().is_none().then_some(echo)
}

/// Which sequence numbers of a phase have been echoed.
#[derive(Default)]
struct Seen(Vec<u64>);

impl Seen {
    /// Marks `seq`; false if it was already marked.
    fn insert(&mut self, seq: u64) -> bool {
        let (word, bit) = ((seq / 64) as usize, seq % 64);
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        let fresh = self.0[word] & (1 << bit) == 0;
        self.0[word] |= 1 << bit;
        fresh
    }
}

/// Drains an echo's MOV log queue (no-ack) and counts what arrives, so logs neither pile up in
/// the broker nor go unchecked.
pub struct LogDrain {
    count: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl LogDrain {
    /// Starts draining `queue`, which must exist.
    pub async fn start(connection: &Connection, queue: &str) -> Result<Self, Error> {
        let channel = amqp::open_channel(connection).await?;
        amqp::declare_queue(&channel, queue).await?;
        let mut consumer = no_ack_consumer(&channel, queue, "valawai-bench-logs").await?;
        let count = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&count);
        let task = tokio::spawn(async move {
            let _channel = channel;
            while let Some(Ok(_)) = consumer.next().await {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
        Ok(Self { count, task })
    }

    /// Logs received so far.
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

impl Drop for LogDrain {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_are_parsed_back() {
        assert_eq!(
            parse_echo(br#"{"content":"2:17:123456"}"#),
            Some(Echo {
                phase: 2,
                seq: 17,
                sent_ns: 123_456
            })
        );
        for body in [
            &br#"{"content":"2:17"}"#[..],
            br#"{"content":"2:17:1:4"}"#,
            br#"{"content":"a:b:c"}"#,
            br"{}",
        ] {
            assert_eq!(parse_echo(body), None);
        }
    }

    #[test]
    fn seen_counts_each_sequence_number_once() {
        let mut seen = Seen::default();
        assert!(seen.insert(0));
        assert!(seen.insert(200));
        assert!(!seen.insert(200));
        assert!(seen.insert(63));
        assert!(!seen.insert(0));
    }
}

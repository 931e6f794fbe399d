//! The hand-written lapin echo: the floor that generated code must not fall below.
//!
//! It does what the generated echo's runtime does, with nothing else: one connection with a
//! consuming channel (per-consumer QoS, manual acks) and a publishing channel (confirm mode
//! unless the policy says `none`); up to `concurrency` messages handled at once, each one's
//! publishes and confirms in flight together; inputs acked in delivery order, with `multiple`,
//! only after their outputs are confirmed, every `ack_every` messages or as soon as nothing else
//! is in flight. Invalid inputs are rejected without requeue (and logged to the MOV as ERROR
//! when MOV logs are on), as the runtime does.

use std::{future::Future, sync::Arc};

use futures_util::{FutureExt, StreamExt, stream::FuturesOrdered};
use lapin::{
    BasicProperties, Channel, Confirmation, PublisherConfirm,
    message::Delivery,
    options::{
        BasicAckOptions, BasicConsumeOptions, BasicPublishOptions, BasicQosOptions,
        BasicRejectOptions, ConfirmSelectOptions,
    },
    types::{FieldTable, ShortString},
};

use crate::{
    Error,
    amqp::{self, BrokerConfig},
    echo_work::{self, Level},
    policy::{ConfirmPolicy, Policy, Queues},
};

/// What the echo did before it stopped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EchoCounters {
    /// Inputs echoed (and acked).
    pub echoed: u64,
    /// Inputs rejected as invalid.
    pub rejected: u64,
    /// `basic.ack` frames sent (each acks one or more inputs).
    pub ack_frames: u64,
}

/// Runs the echo until `shutdown` completes, then finishes the messages in flight, flushes the
/// acks and closes the connection.
pub async fn run(
    broker: &BrokerConfig,
    queues: &Queues,
    policy: &Policy,
    shutdown: impl Future<Output = ()>,
) -> Result<EchoCounters, Error> {
    let connection = amqp::connect(broker, "valawai-bench:lapin-echo").await?;
    let consuming = amqp::open_channel(&connection).await?;
    let publishing = amqp::open_channel(&connection).await?;
    if policy.confirms == ConfirmPolicy::Pipelined {
        publishing
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .map_err(Error::amqp("confirm.select"))?;
    }
    amqp::declare_queue(&consuming, &queues.input).await?;
    consuming
        .basic_qos(policy.prefetch, BasicQosOptions::default())
        .await
        .map_err(Error::amqp("basic.qos"))?;
    let mut consumer = consuming
        .basic_consume(
            queues.input.as_str().into(),
            "lapin-echo".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .map_err(Error::amqp(format!("basic.consume {}", queues.input)))?;

    let publisher = Arc::new(Publisher::new(publishing, queues, policy));
    let mut acks = AckBatch::new(consuming, policy.ack_every);
    let mut counters = EchoCounters::default();
    let mut in_flight = FuturesOrdered::new();
    let concurrency = policy.concurrency.max(1);
    let mut shutdown = std::pin::pin!(shutdown);

    loop {
        tokio::select! {
            biased;
            () = &mut shutdown => break,
            Some(done) = in_flight.next(), if !in_flight.is_empty() => {
                counters.record(acks.done(done?));
                // Take everything that has already finished, then ack if the batch is full or
                // nothing else is in flight (the echo is idle).
                while let Some(Some(done)) = in_flight.next().now_or_never() {
                    counters.record(acks.done(done?));
                }
                if acks.should_flush(in_flight.is_empty()) {
                    counters.ack_frames += acks.flush().await?;
                }
            }
            delivery = consumer.next(), if in_flight.len() < concurrency => {
                let Some(delivery) = delivery else {
                    return Err(Error::ConsumerCancelled { queue: queues.input.clone() });
                };
                let delivery = delivery.map_err(Error::amqp_on("consume", &queues.input))?;
                in_flight.push_back(handle(Arc::clone(&publisher), delivery));
            }
        }
    }

    while let Some(done) = in_flight.next().await {
        counters.record(acks.done(done?));
    }
    counters.ack_frames += acks.flush().await?;
    connection
        .close(200, "shutdown".into())
        .await
        .map_err(Error::amqp("connection.close"))?;
    Ok(counters)
}

/// How one input ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Echoed and confirmed: ack this delivery tag.
    Echoed(u64),
    /// Invalid: already rejected.
    Rejected,
}

impl EchoCounters {
    fn record(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Echoed(_) => self.echoed += 1,
            Outcome::Rejected => self.rejected += 1,
        }
    }
}

/// The handler: validate, publish the echo (between the two MOV logs when they are on), wait
/// for the confirms.
async fn handle(publisher: Arc<Publisher>, delivery: Delivery) -> Result<Outcome, Error> {
    match echo_work::echo(&delivery.data) {
        Ok(body) => {
            let received_log = if publisher.mov_logs {
                let log = echo_work::mov_log(Level::Info, echo_work::RECEIVED_LOG, &delivery.data);
                Some(publisher.publish(&publisher.log, &log).await?)
            } else {
                None
            };
            let echo = publisher.publish(&publisher.output, &body).await?;
            let sent_log = if publisher.mov_logs {
                let log = echo_work::mov_log(Level::Info, echo_work::SENT_LOG, &body);
                Some(publisher.publish(&publisher.log, &log).await?)
            } else {
                None
            };
            if let Some(confirm) = received_log {
                publisher.confirmed(&publisher.log, confirm).await?;
            }
            publisher.confirmed(&publisher.output, echo).await?;
            if let Some(confirm) = sent_log {
                publisher.confirmed(&publisher.log, confirm).await?;
            }
            Ok(Outcome::Echoed(delivery.delivery_tag))
        }
        Err(invalid) => {
            delivery
                .acker
                .reject(BasicRejectOptions { requeue: false })
                .await
                .map_err(Error::amqp("basic.reject"))?;
            if publisher.mov_logs {
                let log = echo_work::mov_log(Level::Error, &invalid.to_string(), &delivery.data);
                let confirm = publisher.publish(&publisher.log, &log).await?;
                publisher.confirmed(&publisher.log, confirm).await?;
            }
            Ok(Outcome::Rejected)
        }
    }
}

/// The publishing channel and what every publish needs.
struct Publisher {
    channel: Channel,
    output: ShortString,
    log: ShortString,
    mov_logs: bool,
    properties: BasicProperties,
}

impl Publisher {
    fn new(channel: Channel, queues: &Queues, policy: &Policy) -> Self {
        Self {
            channel,
            output: queues.output.as_str().into(),
            log: queues.log.as_str().into(),
            mov_logs: policy.mov_logs,
            properties: valawai::conventions::publish_properties(policy.persistent),
        }
    }

    /// Publishes to the default exchange with routing key `queue`.
    async fn publish(&self, queue: &ShortString, body: &[u8]) -> Result<PublisherConfirm, Error> {
        self.channel
            .basic_publish(
                ShortString::default(),
                queue.clone(),
                BasicPublishOptions::default(),
                body,
                self.properties.clone(),
            )
            .await
            .map_err(Error::amqp_on("basic.publish", queue.as_str()))
    }

    /// Waits for the broker's confirm (immediate without confirm mode).
    async fn confirmed(&self, queue: &ShortString, confirm: PublisherConfirm) -> Result<(), Error> {
        match confirm
            .await
            .map_err(Error::amqp_on("confirm", queue.as_str()))?
        {
            Confirmation::Nack(_) => Err(Error::Nacked {
                queue: queue.to_string(),
            }),
            Confirmation::Ack(_) | Confirmation::NotRequested => Ok(()),
        }
    }
}

/// Acks handled inputs in delivery order with `multiple`.
struct AckBatch {
    channel: Channel,
    every: usize,
    highest: Option<u64>,
    pending: usize,
}

impl AckBatch {
    fn new(channel: Channel, every: usize) -> Self {
        Self {
            channel,
            every: every.max(1),
            highest: None,
            pending: 0,
        }
    }

    /// Notes a finished input (finished inputs arrive in delivery order).
    fn done(&mut self, outcome: Outcome) -> Outcome {
        if let Outcome::Echoed(tag) = outcome {
            self.highest = Some(tag);
            self.pending += 1;
        }
        outcome
    }

    fn should_flush(&self, idle: bool) -> bool {
        self.pending >= self.every || (idle && self.pending > 0)
    }

    /// Acks everything up to the highest finished tag; returns the number of frames sent.
    async fn flush(&mut self) -> Result<u64, Error> {
        let Some(tag) = self.highest.take() else {
            return Ok(0);
        };
        if self.pending == 0 {
            return Ok(0);
        }
        self.pending = 0;
        self.channel
            .basic_ack(tag, BasicAckOptions { multiple: true })
            .await
            .map_err(Error::amqp("basic.ack"))?;
        Ok(1)
    }
}

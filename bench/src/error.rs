//! The errors of the benchmark library.

use std::{io, path::PathBuf, time::Duration};

/// Everything that can stop a benchmark or an echo.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The broker refused or broke the connection attempt.
    #[error("cannot connect to RabbitMQ at {address}: {source}")]
    Connect {
        /// `host:port` (never the credentials).
        address: String,
        /// What lapin reported.
        source: lapin::Error,
    },
    /// The broker did not answer the connection attempt in time.
    #[error("no answer from RabbitMQ at {address} within {timeout:?}")]
    ConnectTimeout {
        /// `host:port`.
        address: String,
        /// How long we waited.
        timeout: Duration,
    },
    /// An AMQP operation failed.
    #[error("AMQP {operation}: {source}")]
    Amqp {
        /// What we were doing, with the queue name where there is one.
        operation: String,
        /// What lapin reported.
        source: lapin::Error,
    },
    /// The broker negatively acknowledged a publish.
    #[error("the broker nacked a publish to {queue}")]
    Nacked {
        /// The routing key (queue) of the publish.
        queue: String,
    },
    /// A consumer stream ended: the broker cancelled it or the channel closed.
    #[error("the consumer on {queue} was cancelled (queue deleted or channel closed)")]
    ConsumerCancelled {
        /// The queue consumed.
        queue: String,
    },
    /// The MOV that serves the generated echo's runs failed, or left messages behind.
    #[error("MOV: {0}")]
    Mov(String),
    /// An echo process could not be started.
    #[error("cannot start {name} ({command}): {source}")]
    Spawn {
        /// The implementation's label.
        name: String,
        /// The command line.
        command: String,
        /// What the operating system reported.
        source: io::Error,
    },
    /// An echo process exited while it should have been running.
    #[error("{name} exited ({status}); its output is in {}:\n{tail}", log.display())]
    EchoExited {
        /// The implementation's label.
        name: String,
        /// How it exited.
        status: String,
        /// Where its stdout and stderr went.
        log: PathBuf,
        /// The end of that output.
        tail: String,
    },
    /// An echo process did not start consuming its input queue in time.
    #[error(
        "{name} did not start consuming {queue} within {timeout:?}; its output is in {}:\n{tail}",
        log.display()
    )]
    EchoStartTimeout {
        /// The implementation's label.
        name: String,
        /// Its input queue.
        queue: String,
        /// How long we waited.
        timeout: Duration,
        /// Where its stdout and stderr went.
        log: PathBuf,
        /// The end of that output.
        tail: String,
    },
    /// Somebody else already consumes a queue the benchmark needs for itself.
    #[error("queue {queue} already has {consumers} consumer(s): another process is using it")]
    QueueBusy {
        /// The queue.
        queue: String,
        /// How many consumers the broker reported.
        consumers: u32,
    },
    /// No echo came back for too long.
    #[error(
        "no echo arrived for {timeout:?} with {outstanding} message(s) in flight \
         ({received} of {sent} echoed in this phase): the echo is stuck or lost messages"
    )]
    Stalled {
        /// The stall timeout.
        timeout: Duration,
        /// Messages sent and not yet echoed.
        outstanding: u64,
        /// Messages echoed in the phase.
        received: u64,
        /// Messages sent in the phase.
        sent: u64,
    },
    /// A `/proc` file could not be read or parsed.
    #[error("reading {}: {message}", path.display())]
    Proc {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A file or directory operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What we were doing.
        what: String,
        /// What the operating system reported.
        source: io::Error,
    },
}

impl Error {
    /// Wraps a lapin error with the operation that failed.
    pub fn amqp(operation: impl Into<String>) -> impl FnOnce(lapin::Error) -> Error {
        let operation = operation.into();
        move |source| Error::Amqp { operation, source }
    }

    /// Like [`Error::amqp`] for an operation on a queue, formatting only on failure (for hot
    /// paths).
    pub fn amqp_on<'a>(
        operation: &'static str,
        queue: &'a str,
    ) -> impl FnOnce(lapin::Error) -> Error + 'a {
        move |source| Error::Amqp {
            operation: format!("{operation} {queue}"),
            source,
        }
    }
}

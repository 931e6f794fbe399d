//! Runtime for VALAWAI components on RabbitMQ.
//!
//! It connects to the broker, consumes the channels a component receives on,
//! publishes what it sends, registers with the Master Of VALAWAI (MOV) and
//! runs the component's lifecycle. See `docs/architecture.md`, section
//! "Runtime API for generated code", for what generated code targets.

extern crate self as valawai;

// The macros crate exports nothing yet; the glob re-export stays for when it does.
#[allow(unused_imports)]
pub use valawai_macros::*;

mod acks;
pub mod component;
pub mod config;
pub mod connection;
pub mod consumer;
pub mod context;
pub mod counters;
mod handle;
pub mod handler;
mod info;
pub mod lifecycle;
pub mod mov;
pub mod payload;
mod private;
pub mod publisher;
mod recovery;
mod session;
mod shutdown;
mod supervisor;
mod transport;

pub use component::{Component, RunError};
pub use config::{Config, ConfigError, Endpoint, Secret};
pub use connection::ConnectError;
pub use consumer::ChannelSettings;
pub use context::Context;
pub use counters::CountersSnapshot;
pub use handle::ComponentHandle;
pub use handler::{
    Dispatch, DispatchError, HandlerError, HandlerFuture, HandlerResult, RetryPolicy,
};
pub use info::ComponentInfo;
pub use lifecycle::State;
pub use mov::protocol::{ComponentType, LogLevel};
pub use mov::{Mov, MovChannels};
pub use publisher::{BoxError, DeliveryMode, PublishError, PublishSettings, Publisher};

/// The AMQP client underneath, for what this crate does not wrap.
pub use lapin;

#[doc(hidden)]
pub mod __private;

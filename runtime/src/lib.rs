//! Runtime for VALAWAI components on RabbitMQ.
//!
//! It connects to the broker, consumes the channels a component receives on,
//! publishes what it sends, registers with the Master Of VALAWAI (MOV) and
//! runs the component's lifecycle. See `docs/architecture.md`, section
//! "Runtime API for generated code", for what generated code targets.

extern crate self as valawai;

/// `generate!` (the component module from a spec, in place), `#[handlers]`
/// (a module's `Handlers` from `#[receive]` methods) and the hidden
/// `__handlers!` they need.
pub use valawai_macros::*;

/// Includes the component module that `valawai_codegen::Builder` wrote from the build script,
/// `$OUT_DIR/valawai/component.rs` (or `$OUT_DIR/valawai/<name>.rs` for the builder's
/// `.module("<name>")`).
///
/// ```ignore
/// // A module `echo` with the generated code:
/// valawai::include_component!(mod echo);
/// valawai::include_component!(pub mod echo);
/// valawai::include_component!(mod mov, "mov");
///
/// // The generated items in the current module:
/// mod echo {
///     valawai::include_component!();
/// }
/// ```
///
/// The `mod` forms allow `dead_code` in the module: a binary rarely uses every channel
/// constant, decoder or publisher method the spec gives it.
#[macro_export]
macro_rules! include_component {
    () => {
        ::std::include!(::std::concat!(::std::env!("OUT_DIR"), "/valawai/component.rs"));
    };
    ($name:literal) => {
        ::std::include!(::std::concat!(::std::env!("OUT_DIR"), "/valawai/", $name, ".rs"));
    };
    ($vis:vis mod $module:ident) => {
        $crate::include_component!($vis mod $module, "component");
    };
    ($vis:vis mod $module:ident, $name:literal) => {
        /// The component module generated from its AsyncAPI document by valawai-codegen.
        #[allow(dead_code)]
        $vis mod $module {
            ::std::include!(::std::concat!(::std::env!("OUT_DIR"), "/valawai/", $name, ".rs"));
        }
    };
}

mod acks;
pub mod component;
pub mod config;
pub mod connection;
pub mod consumer;
pub mod context;
pub mod counters;
mod handle;
pub mod handler;
#[cfg(feature = "http")]
mod http;
mod info;
pub mod lifecycle;
mod message;
pub mod mov;
pub mod payload;
mod private;
pub mod publisher;
mod recovery;
mod scope;
mod session;
mod shutdown;
mod supervisor;
#[cfg(feature = "testing")]
pub mod testing;
mod transport;
mod watchdog;
pub mod wire;

pub use component::{Component, RunError};
pub use config::{Config, ConfigError, Endpoint, QueueType, Secret};
pub use connection::ConnectError;
pub use consumer::ChannelSettings;
pub use context::Context;
pub use counters::{CountersSnapshot, LatencySnapshot};
pub use handle::ComponentHandle;
pub use handler::{
    Dispatch, DispatchError, HandlerError, HandlerFuture, HandlerResult, RetryPolicy,
};
pub use info::ComponentInfo;
pub use lifecycle::State;
pub use mov::protocol::{ComponentType, LogLevel};
pub use mov::{Mov, MovChannels, MovLogLevel};
pub use publisher::{BoxError, DeliveryMode, PublishError, PublishSettings, Publisher};

/// The AMQP client underneath, for what this crate does not wrap.
pub use lapin;

#[doc(hidden)]
pub mod __private;

//! Runtime for VALAWAI components on RabbitMQ.
//!
//! It connects to the broker, consumes the channels a component receives on,
//! publishes what it sends, registers with the Master Of VALAWAI (MOV) and
//! runs the component's lifecycle.

// The macros crate exports nothing yet; the glob re-export stays for when it does.
#[allow(unused_imports)]
pub use valawai_macros::*;

pub mod payload;

#[doc(hidden)]
pub mod __private;

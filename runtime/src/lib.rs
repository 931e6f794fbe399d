//! Runtime for VALAWAI components on RabbitMQ.
//!
//! It connects to the broker, consumes the channels a component receives on,
//! publishes what it sends, registers with the Master Of VALAWAI (MOV) and
//! runs the component's lifecycle.

pub use valawai_macros::*;

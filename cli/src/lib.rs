//! The library half of the `valawai` command: what its subcommands share
//! and what tests check directly.
//!
//! - [`dynamic`]: checks a JSON payload against a spec's payload types
//!   without compiled code, with the runtime's own error text;
//! - [`example`]: example payloads, from a spec's examples or built from its schemas;
//! - [`target`]: finds the channel a command-line argument names.

pub mod dynamic;
pub mod example;
pub mod target;

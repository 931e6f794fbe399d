//! The library half of the `valawai` command: what its subcommands share
//! and what tests check directly.
//!
//! - [`dynamic`]: checks a JSON payload against a spec's payload types
//!   without compiled code, with the runtime's own error text;
//! - [`target`]: finds the channel a command-line argument names.

pub mod dynamic;
pub mod target;

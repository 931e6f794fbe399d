//! Procedural macros for VALAWAI components.
//!
//! Use them through the `valawai` crate, which re-exports them.

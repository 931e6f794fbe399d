//! The generator behind valawai-rs.
//!
//! It reads a VALAWAI component's AsyncAPI document into a normalised
//! [`model::Spec`] ([`load_path`], [`load_str`]), reporting every problem as a
//! [`Diagnostic`] that points at file, line, column and JSON pointer, and
//! turns its schemas into Rust payload types ([`TypeSpace`]).

// Diagnostics are large (they carry a resolved location, a hint and notes),
// and they travel only on the failure path of a build-time tool, so passing
// them by value in `Result`s costs nothing that matters.
#![allow(clippy::result_large_err)]

pub mod diagnostic;
mod loader;
pub mod model;
pub mod node;
pub mod pointer;
pub mod source;
pub mod types;
mod yaml;

pub use diagnostic::{Diagnostic, Error, Severity};
pub use loader::{LoadOptions, load_path, load_str};
pub use model::{Dialect, Spec};
pub use types::{FieldPatch, RustType, TypeOptions, TypePatch, TypeSpace};

//! The generator behind valawai-rs.
//!
//! It reads a VALAWAI component's AsyncAPI document into a normalised
//! [`model::Spec`] ([`load_path`], [`load_str`]), reporting every problem as a
//! [`Diagnostic`] that points at file, line, column and JSON pointer, turns
//! its schemas into Rust payload types ([`TypeSpace`]), and generates the
//! whole component module ([`generate`]): the types, the channel addresses,
//! the `Handlers` trait, the `Publisher`, the identity (`COMPONENT`) and the
//! wiring (`component(handlers)`).
//!
//! Three ways in, one generator (progenitor's layout):
//!
//! - a build script: [`Builder`] writes the module to `OUT_DIR`, and
//!   `valawai::include_component!()` includes it;
//! - a macro: `valawai::generate!("asyncapi.yaml")` expands to the module;
//! - the command line: `valawai generate asyncapi.yaml -o src/component.rs`.
//!
//! The generated code refers to the runtime by absolute path
//! (`::valawai::...`); see `docs/architecture.md`.

// Diagnostics are large (they carry a resolved location, a hint and notes),
// and they travel only on the failure path of a build-time tool, so passing
// them by value in `Result`s costs nothing that matters.
#![allow(clippy::result_large_err)]

mod builder;
mod channels;
pub mod diagnostic;
mod generate;
mod handlers;
mod identity;
mod loader;
pub mod model;
pub mod mov;
pub mod node;
pub mod pointer;
mod publisher;
pub mod scaffold;
pub mod source;
pub mod types;
mod yaml;

pub use builder::{Builder, DEFAULT_MODULE};
pub use channels::{ChannelIdents, channel_idents};
pub use diagnostic::{Diagnostic, Error, Severity};
pub use generate::{GenerateOptions, Generated, generate, generate_source, generate_tokens};
pub use identity::SpecText;
pub use loader::{Limits, LoadOptions, load_path, load_str};
pub use model::{Dialect, Spec};
pub use types::{FieldPatch, RustType, TypeOptions, TypePatch, TypeSpace};

//! The Master Of VALAWAI (MOV) as this project knows it.
//!
//! - [`translate_str`] and [`translate_document`]: what the MOV makes of a
//!   component's spec when the component registers, rule for rule, and where
//!   it silently gives up;
//! - [`type_options`]: the type patches that make code generated from the
//!   MOV's own AsyncAPI document read and write what the real MOV sends.

mod patches;
mod translate;

pub use patches::type_options;
pub use translate::{MovChannel, MovComponent, translate_document, translate_str};

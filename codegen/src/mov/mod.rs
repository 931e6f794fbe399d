//! The Master Of VALAWAI (MOV) as this project knows it.
//!
//! - [`translate_str`] and [`translate_document`]: what the MOV makes of a
//!   component's spec when the component registers, rule for rule, and where
//!   it silently gives up, with the MOV's order of channels, properties,
//!   enum values and items ([`as_the_mov_holds`] puts JSON from elsewhere,
//!   such as the MOV's golden files, in that order);
//! - [`type_options`]: the type patches that make code generated from the
//!   MOV's own AsyncAPI document read and write what the real MOV sends, and
//!   [`runtime_type_options`], those the runtime's MOV types are generated with;
//! - [`MOV_TYPES_PATH`]: where the runtime keeps the types generated from the
//!   MOV's document, which a component's module refers to for every schema
//!   that is the MOV's (see [`TypeOptions::mov_types`](crate::TypeOptions::mov_types)).

mod snake;
mod translate;

pub use crate::types::mov_patches::type_options;
pub use crate::types::mov_types::{MOV_SPEC, MOV_TYPES_PATH, runtime_type_options};
pub use translate::{
    MovChannel, MovComponent, as_the_mov_holds, java_order, translate_document, translate_str,
};

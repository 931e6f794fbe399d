//! Items that generated code refers to by absolute path. Not a stable API:
//! they change with the generator.

pub use serde;
pub use serde_json;

pub use crate::component::receive_channel;
pub use crate::handler::{Decoder, FnDispatcher};
pub use crate::info::{check_version, is_mov_version};
pub use crate::private::*;

/// The payload building blocks (`check`, `Pattern`, `JsonLiteral`, `Tagged`, `Untagged`...),
/// under the names generated code writes.
pub use valawai_payload::support::*;

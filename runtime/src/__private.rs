//! Items that generated code refers to by absolute path. Not a stable API:
//! they change with the generator.

pub use serde;
pub use serde_json;

pub use crate::component::receive_channel;
pub use crate::handler::{Decoder, FnDispatcher};
pub use crate::info::{check_version, is_mov_version};
pub use crate::private::*;

pub use valawai_payload::enums::{
    Tagged, Untagged, deserialize_nullable, deserialize_try_from, unknown_variant,
};
pub use valawai_payload::literal::{JsonLiteral, check_const, deserialize_const, serialize_const};
pub use valawai_payload::path::{Segment as PathSegment, render as render_path};
pub use valawai_payload::{
    Declared, Pattern, deserialize_undeclared, deserialize_wire, deserialize_wire_seed,
};

/// The checks validating newtypes run.
pub use valawai_payload::check;

//! Items that generated code refers to by absolute path. Not a stable API:
//! they change with the generator.

pub use serde;
pub use serde_json;

pub use crate::component::receive_channel;
pub use crate::info::{check_version, is_mov_version};
pub use crate::payload::support::*;
pub use crate::private::*;

/// The checks validating newtypes run.
pub mod check {
    pub use crate::payload::check::{
        enum_values, exclusive_maximum, exclusive_minimum, max_items, max_length, maximum,
        min_items, min_length, minimum, multiple_of_integer, multiple_of_number, unique_items,
    };
}

//! Compiles the generated types of the specs valawai-rs wrote to attack the generator (`fixtures/types/`) under
//! `deny(warnings)` and `deny(missing_docs)`, as a component crate would.

#![deny(warnings, missing_docs)]

/// Generated from `fixtures/types/hostile.asyncapi.yaml`.
pub mod hostile {
    include!("../snapshots/hostile.rs");
}

/// Generated from `fixtures/types/constraints.asyncapi.yaml`.
pub mod constraints {
    include!("../snapshots/constraints.rs");
}

fn main() {}

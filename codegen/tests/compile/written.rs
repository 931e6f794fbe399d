//! Compiles the generated types of the specs valawai-rs wrote itself (`fixtures/types/`, which
//! attack the generator, and `fixtures/loader/`, which exercise the loader) under
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

/// Generated from `fixtures/loader/v3/echo.yaml` (AsyncAPI 3.0).
pub mod loader_v3_echo {
    include!("../snapshots/loader_v3_echo.rs");
}

/// Generated from `fixtures/loader/refs/root.yaml` (relative-file references).
pub mod loader_refs {
    include!("../snapshots/loader_refs.rs");
}

/// Generated from `fixtures/loader/cycles/recursive-ok.yaml` (a recursive tree).
pub mod loader_recursive {
    include!("../snapshots/loader_recursive.rs");
}

fn main() {}

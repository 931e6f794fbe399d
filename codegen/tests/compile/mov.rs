//! Compiles the generated types of the MOV's specs and its test specs under
//! `deny(warnings)` and `deny(missing_docs)`, as a component crate would.

#![deny(warnings, missing_docs)]

/// Generated from `fixtures/valawai/MOV/asyncapi.yaml`.
pub mod mov {
    include!("../snapshots/mov.rs");
}

/// Generated from `fixtures/valawai/MOV/asyncapi.yaml` with the runtime's MOV patches.
pub mod mov_patched {
    include!("../snapshots/mov_patched.rs");
}

/// Generated from `fixtures/valawai/MOV/asyncapi-ASYNCAPI_1.2.0.yml`.
pub mod mov_asyncapi_1_2_0 {
    include!("../snapshots/mov_asyncapi_1_2_0.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test01.asyncapi.yml`.
pub mod mov_test01 {
    include!("../snapshots/mov_test01.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test02.asyncapi.yml`.
pub mod mov_test02 {
    include!("../snapshots/mov_test02.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test03.asyncapi.yml`.
pub mod mov_test03 {
    include!("../snapshots/mov_test03.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test04.asyncapi.yml`.
pub mod mov_test04 {
    include!("../snapshots/mov_test04.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test05.asyncapi.yml`.
pub mod mov_test05 {
    include!("../snapshots/mov_test05.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/e2e/c0_patient_treatment_ui_1.0.0.yml`.
pub mod mov_e2e_c0_patient_treatment_ui {
    include!("../snapshots/mov_e2e_c0_patient_treatment_ui.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/e2e/c1_nit_protocol_manager_1.0.1.yml`.
pub mod mov_e2e_c1_nit_protocol_manager {
    include!("../snapshots/mov_e2e_c1_nit_protocol_manager.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/e2e/c2_treatment_beneficence_valuator_1.0.2.yml`.
pub mod mov_e2e_c2_treatment_beneficence_valuator {
    include!("../snapshots/mov_e2e_c2_treatment_beneficence_valuator.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/events/components/component_7.asyncapi.yml`.
pub mod mov_events_component_7 {
    include!("../snapshots/mov_events_component_7.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/events/components/component_16.asyncapi.yml`.
pub mod mov_events_component_16 {
    include!("../snapshots/mov_events_component_16.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/events/components/component_17.asyncapi.yml`.
pub mod mov_events_component_17 {
    include!("../snapshots/mov_events_component_17.rs");
}

fn main() {}

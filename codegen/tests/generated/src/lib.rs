//! Every snapshot of `valawai-codegen` (`codegen/tests/snapshots/`), compiled as a component
//! crate compiles its generated code: under `deny(warnings, missing_docs)` here, and under
//! `cargo clippy --workspace --all-targets -- -D warnings` with the workspace. This is
//! progenitor's standalone output crate; `codegen/tests/snapshots.rs` checks that it includes
//! every snapshot exactly once.
//!
//! The crate mirrors the repository's layout with links, `codegen/tests/snapshots` (to
//! `../snapshots`) and `fixtures` (the specs the snapshots include), so that `cargo package`,
//! which follows links, packages and verifies it on its own too.

#![deny(warnings, missing_docs)]

/// Generated from `fixtures/valawai/C0_email_actuator/asyncapi.yaml`.
pub mod c0_email_actuator {
    include!("../codegen/tests/snapshots/c0_email_actuator.rs");
}

/// Generated from `fixtures/valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml`, leniently.
pub mod c1_echo_example_with_python_and_pika {
    include!("../codegen/tests/snapshots/c1_echo_example_with_python_and_pika.rs");
}

/// Generated from `fixtures/valawai/C1_llm_dialogue_manager/asyncapi.yaml`.
pub mod c1_llm_dialogue_manager {
    include!("../codegen/tests/snapshots/c1_llm_dialogue_manager.rs");
}

/// Generated from `fixtures/valawai/C1_nit_protocol_manager/asyncapi.yaml`.
pub mod c1_nit_protocol_manager {
    include!("../codegen/tests/snapshots/c1_nit_protocol_manager.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_autonomy_valuator/asyncapi.yaml`.
pub mod c2_treatment_autonomy_valuator {
    include!("../codegen/tests/snapshots/c2_treatment_autonomy_valuator.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_beneficence_valuator/asyncapi.yaml`.
pub mod c2_treatment_beneficence_valuator {
    include!("../codegen/tests/snapshots/c2_treatment_beneficence_valuator.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml`.
pub mod c2_treatment_nonmaleficence_valuator {
    include!("../codegen/tests/snapshots/c2_treatment_nonmaleficence_valuator.rs");
}

/// Generated from `fixtures/valawai/docs/c0_voice_to_text.asyncapi.yml`.
pub mod docs_c0_voice_to_text {
    include!("../codegen/tests/snapshots/docs_c0_voice_to_text.rs");
}

/// Generated from `fixtures/valawai/legacy/C0_person_faker/definition.yaml`.
pub mod legacy_c0_person_faker {
    include!("../codegen/tests/snapshots/legacy_c0_person_faker.rs");
}

/// Generated from `fixtures/valawai/legacy/C2_alignment_calculator/component-api.yml`.
pub mod legacy_c2_alignment_calculator {
    include!("../codegen/tests/snapshots/legacy_c2_alignment_calculator.rs");
}

/// Generated from `fixtures/valawai/legacy/C2_norm_optimizer/component-api.yml`.
pub mod legacy_c2_norm_optimizer {
    include!("../codegen/tests/snapshots/legacy_c2_norm_optimizer.rs");
}

/// Generated from `fixtures/valawai/MOV/asyncapi.yaml`.
pub mod mov {
    include!("../codegen/tests/snapshots/mov.rs");
}

/// Generated from `fixtures/valawai/MOV/asyncapi.yaml` with `valawai_codegen::mov::type_options()`.
pub mod mov_patched {
    include!("../codegen/tests/snapshots/mov_patched.rs");
}

/// Generated from `fixtures/valawai/MOV/asyncapi-ASYNCAPI_1.2.0.yml`.
pub mod mov_asyncapi_1_2_0 {
    include!("../codegen/tests/snapshots/mov_asyncapi_1_2_0.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test01.asyncapi.yml`.
pub mod mov_test01 {
    include!("../codegen/tests/snapshots/mov_test01.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test02.asyncapi.yml`.
pub mod mov_test02 {
    include!("../codegen/tests/snapshots/mov_test02.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test03.asyncapi.yml`.
pub mod mov_test03 {
    include!("../codegen/tests/snapshots/mov_test03.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test04.asyncapi.yml`.
pub mod mov_test04 {
    include!("../codegen/tests/snapshots/mov_test04.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test05.asyncapi.yml`.
pub mod mov_test05 {
    include!("../codegen/tests/snapshots/mov_test05.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test06.asyncapi.yml`.
pub mod mov_test06 {
    include!("../codegen/tests/snapshots/mov_test06.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test07.asyncapi.yml`.
pub mod mov_test07 {
    include!("../codegen/tests/snapshots/mov_test07.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test08.asyncapi.yml`.
pub mod mov_test08 {
    include!("../codegen/tests/snapshots/mov_test08.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test09.asyncapi.yml`.
pub mod mov_test09 {
    include!("../codegen/tests/snapshots/mov_test09.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test10.asyncapi.yml`.
pub mod mov_test10 {
    include!("../codegen/tests/snapshots/mov_test10.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/api/v1/components/test11.asyncapi.yml`.
pub mod mov_test11 {
    include!("../codegen/tests/snapshots/mov_test11.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/e2e/c0_patient_treatment_ui_1.0.0.yml`.
pub mod mov_e2e_c0_patient_treatment_ui {
    include!("../codegen/tests/snapshots/mov_e2e_c0_patient_treatment_ui.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/e2e/c1_nit_protocol_manager_1.0.1.yml`.
pub mod mov_e2e_c1_nit_protocol_manager {
    include!("../codegen/tests/snapshots/mov_e2e_c1_nit_protocol_manager.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/e2e/c2_treatment_beneficence_valuator_1.0.2.yml`.
pub mod mov_e2e_c2_treatment_beneficence_valuator {
    include!("../codegen/tests/snapshots/mov_e2e_c2_treatment_beneficence_valuator.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/events/components/component_7.asyncapi.yml`.
pub mod mov_events_component_7 {
    include!("../codegen/tests/snapshots/mov_events_component_7.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/events/components/component_16.asyncapi.yml`.
pub mod mov_events_component_16 {
    include!("../codegen/tests/snapshots/mov_events_component_16.rs");
}

/// Generated from `fixtures/valawai/MOV/test-resources/events/components/component_17.asyncapi.yml`.
pub mod mov_events_component_17 {
    include!("../codegen/tests/snapshots/mov_events_component_17.rs");
}

/// Generated from `fixtures/types/hostile.asyncapi.yaml`.
pub mod hostile {
    include!("../codegen/tests/snapshots/hostile.rs");
}

/// Generated from `fixtures/types/constraints.asyncapi.yaml`.
pub mod constraints {
    include!("../codegen/tests/snapshots/constraints.rs");
}

/// Generated from `fixtures/types/constraints.asyncapi.yaml` with `keep_unknown_fields`.
pub mod constraints_keep_unknown {
    include!("../codegen/tests/snapshots/constraints_keep_unknown.rs");
}

/// Generated from `fixtures/types/legacy-types.asyncapi.yaml`, leniently (`type: float`, ...).
pub mod legacy_types {
    include!("../codegen/tests/snapshots/legacy_types.rs");
}

/// Generated from `fixtures/loader/v3/echo.yaml`.
pub mod loader_v3_echo {
    include!("../codegen/tests/snapshots/loader_v3_echo.rs");
}

/// Generated from `fixtures/loader/v3/sensor-3-1.yaml` (AsyncAPI 3.1.0).
pub mod loader_v3_1_sensor {
    include!("../codegen/tests/snapshots/loader_v3_1_sensor.rs");
}

/// Generated from `fixtures/loader/refs/root.yaml`.
pub mod loader_refs {
    include!("../codegen/tests/snapshots/loader_refs.rs");
}

/// Generated from `fixtures/loader/cycles/recursive-ok.yaml`.
pub mod loader_recursive {
    include!("../codegen/tests/snapshots/loader_recursive.rs");
}

/// Generated from `fixtures/component/echo/asyncapi.yaml`.
pub mod component_echo {
    include!("../codegen/tests/snapshots/component_echo.rs");
}

/// Generated from `fixtures/component/channels.asyncapi.yaml`.
pub mod component_channels {
    include!("../codegen/tests/snapshots/component_channels.rs");
}

/// Generated from `fixtures/component/thermometer/asyncapi.yaml`.
pub mod component_thermometer {
    include!("../codegen/tests/snapshots/component_thermometer.rs");
}

/// Generated from `fixtures/component/mov_types/asyncapi.yaml`.
pub mod component_mov_types {
    include!("../codegen/tests/snapshots/component_mov_types.rs");
}

/// Generated from `fixtures/component/operation_ids.asyncapi.yaml`.
pub mod component_operation_ids {
    include!("../codegen/tests/snapshots/component_operation_ids.rs");
}

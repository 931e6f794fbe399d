//! Compiles the generated types of the VALAWAI component specs, the docs' example and the legacy specs under
//! `deny(warnings)` and `deny(missing_docs)`, as a component crate would.

#![deny(warnings, missing_docs)]

/// Generated from `fixtures/valawai/C0_email_actuator/asyncapi.yaml`.
pub mod c0_email_actuator {
    include!("../snapshots/c0_email_actuator.rs");
}

/// Generated from `fixtures/valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml`.
pub mod c1_echo_example_with_python_and_pika {
    include!("../snapshots/c1_echo_example_with_python_and_pika.rs");
}

/// Generated from `fixtures/valawai/C1_llm_dialogue_manager/asyncapi.yaml`.
pub mod c1_llm_dialogue_manager {
    include!("../snapshots/c1_llm_dialogue_manager.rs");
}

/// Generated from `fixtures/valawai/C1_nit_protocol_manager/asyncapi.yaml`.
pub mod c1_nit_protocol_manager {
    include!("../snapshots/c1_nit_protocol_manager.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_autonomy_valuator/asyncapi.yaml`.
pub mod c2_treatment_autonomy_valuator {
    include!("../snapshots/c2_treatment_autonomy_valuator.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_beneficence_valuator/asyncapi.yaml`.
pub mod c2_treatment_beneficence_valuator {
    include!("../snapshots/c2_treatment_beneficence_valuator.rs");
}

/// Generated from `fixtures/valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml`.
pub mod c2_treatment_nonmaleficence_valuator {
    include!("../snapshots/c2_treatment_nonmaleficence_valuator.rs");
}

/// Generated from `fixtures/valawai/docs/c0_voice_to_text.asyncapi.yml`.
pub mod docs_c0_voice_to_text {
    include!("../snapshots/docs_c0_voice_to_text.rs");
}

/// Generated from `fixtures/valawai/legacy/C0_person_faker/definition.yaml`.
pub mod legacy_c0_person_faker {
    include!("../snapshots/legacy_c0_person_faker.rs");
}

/// Generated from `fixtures/valawai/legacy/C2_alignment_calculator/component-api.yml`.
pub mod legacy_c2_alignment_calculator {
    include!("../snapshots/legacy_c2_alignment_calculator.rs");
}

/// Generated from `fixtures/valawai/legacy/C2_norm_optimizer/component-api.yml`.
pub mod legacy_c2_norm_optimizer {
    include!("../snapshots/legacy_c2_norm_optimizer.rs");
}

fn main() {}

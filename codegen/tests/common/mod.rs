//! The specs the snapshot tests generate, shared by the test files.

#![allow(dead_code)]

pub mod json;

use std::path::{Path, PathBuf};

use valawai_codegen::{
    GenerateOptions, LoadOptions, SpecText, TypeOptions, generate_source, load_path,
};

/// A spec whose generated module is a snapshot.
pub struct Case {
    /// The snapshot's name: `tests/snapshots/<name>.rs`.
    pub name: &'static str,
    /// The spec, relative to `fixtures/`.
    pub spec: &'static str,
    /// Load leniently: a message `$ref` that does not resolve as untyped,
    /// legacy type names as the JSON Schema types they mean.
    pub lenient: bool,
    /// Generate with the MOV patches.
    pub patched: bool,
    /// Generate with `keep_unknown_fields`.
    pub keep_unknown: bool,
}

const fn case(name: &'static str, spec: &'static str) -> Case {
    Case {
        name,
        spec,
        lenient: false,
        patched: false,
        keep_unknown: false,
    }
}

/// Every spec under `fixtures/` that the loader accepts, and the MOV spec
/// once more with the patches the runtime applies.
pub const CASES: &[Case] = &[
    case(
        "c0_email_actuator",
        "valawai/C0_email_actuator/asyncapi.yaml",
    ),
    Case {
        lenient: true,
        ..case(
            "c1_echo_example_with_python_and_pika",
            "valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
        )
    },
    case(
        "c1_llm_dialogue_manager",
        "valawai/C1_llm_dialogue_manager/asyncapi.yaml",
    ),
    case(
        "c1_nit_protocol_manager",
        "valawai/C1_nit_protocol_manager/asyncapi.yaml",
    ),
    case(
        "c2_treatment_autonomy_valuator",
        "valawai/C2_treatment_autonomy_valuator/asyncapi.yaml",
    ),
    case(
        "c2_treatment_beneficence_valuator",
        "valawai/C2_treatment_beneficence_valuator/asyncapi.yaml",
    ),
    case(
        "c2_treatment_nonmaleficence_valuator",
        "valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml",
    ),
    case(
        "docs_c0_voice_to_text",
        "valawai/docs/c0_voice_to_text.asyncapi.yml",
    ),
    case(
        "legacy_c0_person_faker",
        "valawai/legacy/C0_person_faker/definition.yaml",
    ),
    case(
        "legacy_c2_alignment_calculator",
        "valawai/legacy/C2_alignment_calculator/component-api.yml",
    ),
    case(
        "legacy_c2_norm_optimizer",
        "valawai/legacy/C2_norm_optimizer/component-api.yml",
    ),
    case("mov", "valawai/MOV/asyncapi.yaml"),
    Case {
        patched: true,
        ..case("mov_patched", "valawai/MOV/asyncapi.yaml")
    },
    case(
        "mov_asyncapi_1_2_0",
        "valawai/MOV/asyncapi-ASYNCAPI_1.2.0.yml",
    ),
    case(
        "mov_test01",
        "valawai/MOV/test-resources/api/v1/components/test01.asyncapi.yml",
    ),
    case(
        "mov_test02",
        "valawai/MOV/test-resources/api/v1/components/test02.asyncapi.yml",
    ),
    case(
        "mov_test03",
        "valawai/MOV/test-resources/api/v1/components/test03.asyncapi.yml",
    ),
    case(
        "mov_test04",
        "valawai/MOV/test-resources/api/v1/components/test04.asyncapi.yml",
    ),
    case(
        "mov_test05",
        "valawai/MOV/test-resources/api/v1/components/test05.asyncapi.yml",
    ),
    case(
        "mov_test06",
        "valawai/MOV/test-resources/api/v1/components/test06.asyncapi.yml",
    ),
    case(
        "mov_test07",
        "valawai/MOV/test-resources/api/v1/components/test07.asyncapi.yml",
    ),
    case(
        "mov_test08",
        "valawai/MOV/test-resources/api/v1/components/test08.asyncapi.yml",
    ),
    case(
        "mov_test09",
        "valawai/MOV/test-resources/api/v1/components/test09.asyncapi.yml",
    ),
    case(
        "mov_test10",
        "valawai/MOV/test-resources/api/v1/components/test10.asyncapi.yml",
    ),
    case(
        "mov_test11",
        "valawai/MOV/test-resources/api/v1/components/test11.asyncapi.yml",
    ),
    case(
        "mov_e2e_c0_patient_treatment_ui",
        "valawai/MOV/test-resources/e2e/c0_patient_treatment_ui_1.0.0.yml",
    ),
    case(
        "mov_e2e_c1_nit_protocol_manager",
        "valawai/MOV/test-resources/e2e/c1_nit_protocol_manager_1.0.1.yml",
    ),
    case(
        "mov_e2e_c2_treatment_beneficence_valuator",
        "valawai/MOV/test-resources/e2e/c2_treatment_beneficence_valuator_1.0.2.yml",
    ),
    case(
        "mov_events_component_7",
        "valawai/MOV/test-resources/events/components/component_7.asyncapi.yml",
    ),
    case(
        "mov_events_component_16",
        "valawai/MOV/test-resources/events/components/component_16.asyncapi.yml",
    ),
    case(
        "mov_events_component_17",
        "valawai/MOV/test-resources/events/components/component_17.asyncapi.yml",
    ),
    case("hostile", "types/hostile.asyncapi.yaml"),
    case("constraints", "types/constraints.asyncapi.yaml"),
    Case {
        keep_unknown: true,
        ..case(
            "constraints_keep_unknown",
            "types/constraints.asyncapi.yaml",
        )
    },
    Case {
        lenient: true,
        ..case("legacy_types", "types/legacy-types.asyncapi.yaml")
    },
    case("loader_v3_echo", "loader/v3/echo.yaml"),
    case("loader_v3_1_sensor", "loader/v3/sensor-3-1.yaml"),
    case("loader_refs", "loader/refs/root.yaml"),
    case("loader_recursive", "loader/cycles/recursive-ok.yaml"),
    case("component_echo", "component/echo/asyncapi.yaml"),
    case("component_channels", "component/channels.asyncapi.yaml"),
    case(
        "component_thermometer",
        "component/thermometer/asyncapi.yaml",
    ),
    case("component_mov_types", "component/mov_types/asyncapi.yaml"),
    case(
        "component_operation_ids",
        "component/operation_ids.asyncapi.yaml",
    ),
];

/// The `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// The patches for what the real MOV does differently from its spec.
pub fn mov_patches() -> TypeOptions {
    valawai_codegen::mov::type_options()
}

/// Loads a case's spec.
pub fn load(case: &Case) -> valawai_codegen::Spec {
    let path = fixtures().join(case.spec);
    load_path(&path, &LoadOptions::default().lenient(case.lenient))
        .unwrap_or_else(|e| panic!("{} does not load:\n{e}", case.spec))
}

/// The generated module of a case, as committed in `tests/snapshots/`: the
/// spec text is included from the fixture by a path relative to the
/// snapshot, so the snapshot compiles wherever it is included.
pub fn generate(case: &Case) -> String {
    let spec = load(case);
    let options = if case.patched {
        mov_patches()
    } else {
        TypeOptions::new()
    };
    let options = GenerateOptions::new()
        .types(options.keep_unknown_fields(case.keep_unknown))
        .spec_text(SpecText::Include(format!(
            "../../../fixtures/{}",
            case.spec
        )));
    generate_source(&spec, &options)
        .unwrap_or_else(|e| panic!("{}: the module does not generate:\n{e}", case.spec))
}

//! Feeds arbitrary bytes to the payload decoders of generated code, as a component's consumer
//! does with a message body: the constraint-heavy `Checked` type (patterns, bounds, enums,
//! unions), the hostile type names, the MOV's own messages and a real component's treatment.
//! Nothing may panic or hang, and a value that decodes must encode to JSON that decodes to the
//! same value (what a component publishes, another one accepts).
#![no_main]

use libfuzzer_sys::fuzz_target;
use valawai_generated as generated;

fuzz_target!(|data: &[u8]| {
    if let Ok(checked) = generated::constraints::decode_checked(data) {
        let again = serde_json::to_vec(&checked).expect("a decoded value encodes");
        let back = generated::constraints::decode_checked(&again)
            .unwrap_or_else(|e| panic!("its own encoding is refused: {e}"));
        assert_eq!(back, checked);
    }
    if let Ok(value) = generated::hostile::decode_type(data) {
        let again = serde_json::to_vec(&value).expect("a decoded value encodes");
        assert!(generated::hostile::decode_type(&again).is_ok());
    }
    let _ = generated::mov::decode_register_component_payload(data);
    let _ = generated::mov::decode_query_components_payload(data);
    let _ = generated::mov::decode_add_log_payload(data);
    let _ = generated::mov::decode_change_topology_payload(data);
    let _ = generated::c2_treatment_autonomy_valuator::decode_treatment_payload(data);
});

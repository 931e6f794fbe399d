//! Feeds arbitrary text to the spec loader in every mode and renders every
//! diagnostic it produces: none of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use valawai_codegen::{Dialect, LoadOptions, load_str};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for (dialect, lenient) in [(Dialect::Valawai, false), (Dialect::Standard, true)] {
        let options = LoadOptions::default().dialect(dialect).lenient(lenient);
        match load_str(text, "fuzz.yaml", &options) {
            Ok(spec) => {
                for warning in &spec.warnings {
                    let _ = warning.to_string();
                    let _ = warning.summary();
                }
                for (index, _) in spec.schemas.iter().enumerate() {
                    let _ = spec.resolve(valawai_codegen::model::SchemaId(index));
                }
            }
            Err(error) => {
                let _ = error.to_string();
                for d in error.diagnostics() {
                    let _ = d.summary();
                    let _ = miette::Diagnostic::labels(d).map(|l| l.count());
                }
            }
        }
    }
});

//! Spec patterns, differentially: the runtime's linear-time translation of an ECMA-262 pattern
//! (`valawai::payload::EcmaRegex`, what `Pattern` checks with) against `regress`, the ECMA-262 engine it replaced, on short
//! values (where backtracking costs nothing). A pattern `regress` accepts must compile, and both
//! must agree on every value, unless the step budget ran out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The pattern, then the values, separated by newlines.
    let mut lines = text.split('\n');
    let Some(pattern) = lines.next() else {
        return;
    };
    if pattern.len() > 24 {
        return;
    }
    let ours = valawai::payload::EcmaRegex::new(pattern);
    let Ok(theirs) = regress::Regex::new(pattern) else {
        return;
    };
    let ours = ours
        .unwrap_or_else(|e| panic!("regress accepts `{pattern}`, the runtime does not: {e}"));
    for value in lines.take(4) {
        if value.chars().count() > 12 {
            continue;
        }
        let expected = theirs.find(value).is_some();
        if let Some(found) = ours.is_match(value) {
            assert_eq!(
                found, expected,
                "`{pattern}` against {value:?}: the runtime says {found}, regress {expected}"
            );
        }
    }
});

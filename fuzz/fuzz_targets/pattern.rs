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
    // regress backtracks: short patterns, small counts and short values keep it fast.
    if pattern.len() > 24 || largest_count(pattern) > 5 {
        return;
    }
    // A known difference: the runtime refuses ES2025 modifier groups (`(?i:...)`, `(?-m:...)`),
    // which regress reads.
    if pattern
        .match_indices("(?")
        .any(|(i, _)| matches!(pattern[i + 2..].chars().next(), Some('a'..='z' | '-')))
    {
        return;
    }
    let ours = valawai::payload::EcmaRegex::new(pattern);
    let Ok(theirs) = regress::Regex::new(pattern) else {
        return;
    };
    let ours = match ours {
        Ok(ours) => ours,
        // A known difference: repetition counts so large (`u{414141}`, Annex B's `u` repeated
        // 414,141 times) that the automaton exceeds regex-automata's size limit, or the count
        // regex-syntax reads.
        Err(e) if e.to_string().contains("building NFA") => return,
        Err(e) => panic!("regress accepts `{pattern}`, the runtime does not: {e}"),
    };
    for value in lines.take(4) {
        if value.chars().count() > 8 {
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

/// The largest number after a `{` in the pattern.
fn largest_count(pattern: &str) -> u64 {
    pattern
        .split('{')
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (!digits.is_empty()).then(|| digits.parse().unwrap_or(u64::MAX))
        })
        .max()
        .unwrap_or(0)
}

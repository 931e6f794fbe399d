//! Spec `pattern` checks: the catastrophic `^(a+)+$` against a 31-byte value that does not
//! match (seconds of CPU on a backtracking engine), a typical id pattern, and a pattern with a
//! backreference that runs on the step-limited VM until its budget is spent.
//!
//! `cargo bench -p valawai-payload --bench pattern`. Target: the first under 10 ms (it takes
//! microseconds).

use criterion::{Criterion, criterion_group, criterion_main};
use valawai_payload::support::Pattern;

fn patterns(c: &mut Criterion) {
    let mut group = c.benchmark_group("pattern");
    static NESTED: Pattern = Pattern::new("^(a+)+$");
    let value = format!("{}!", "a".repeat(30));
    assert_eq!(value.len(), 31);
    assert!(NESTED.check(&value).is_err());
    group.bench_function("nested_quantifier_31_bytes", |b| {
        b.iter(|| NESTED.check(std::hint::black_box(&value)))
    });

    static ID: Pattern = Pattern::new("[0-9a-fA-F]{24}");
    let id = "65c1f59ea4cb169f42f5edc4";
    group.bench_function("object_id", |b| {
        b.iter(|| ID.check(std::hint::black_box(id)))
    });

    static BACKREFERENCE: Pattern = Pattern::new(r"^(a|a)+\1$");
    assert!(BACKREFERENCE.check(&value).is_err());
    group.bench_function("backreference_budget_spent_31_bytes", |b| {
        b.iter(|| BACKREFERENCE.check(std::hint::black_box(&value)))
    });
    group.finish();
}

criterion_group!(benches, patterns);
criterion_main!(benches);

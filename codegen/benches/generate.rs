//! Generation time: the echo's and the MOV's specs, and a synthetic spec with 1,000 channels and 1,000 schemas,
//! each loaded, generated (types, channels, handler trait, publisher, identity, wiring) and
//! formatted, as the build script does.
//!
//! `cargo bench -p valawai-codegen --bench generate`. The synthetic spec is also written to
//! `target/tmp/synthetic-1000.asyncapi.yaml`, so that the peak memory of the same work can be
//! measured on the command-line tool (see `docs/benchmarks.md`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use valawai_codegen::{GenerateOptions, LoadOptions, generate_source, load_path};

/// A spec with `n` channels and `n` schemas: objects with a constrained
/// string, a bounded integer, an enum, an optional reference to the previous
/// schema and an array of strings; every channel carries one of them, every
/// other channel received, the rest sent.
fn synthetic(n: usize) -> String {
    let mut s = String::from(
        "asyncapi: '2.6.0'\ninfo:\n  title: Synthetic\n  version: '1.0.0'\nchannels:\n  \
         valawai/c1/synthetic/control/registered:\n    subscribe:\n      message:\n        \
         payload:\n          type: object\n          properties:\n            id:\n              \
         type: string\n",
    );
    for i in 0..n {
        let op = if i % 2 == 0 { "subscribe" } else { "publish" };
        let _ = write!(
            s,
            "  valawai/c1/synthetic/data/channel_{i}:\n    description: Channel {i}.\n    {op}:\n      \
             message:\n        $ref: '#/components/messages/message_{i}'\n"
        );
    }
    s.push_str("components:\n  messages:\n");
    for i in 0..n {
        let _ = write!(
            s,
            "    message_{i}:\n      contentType: application/json\n      payload:\n        \
             $ref: '#/components/schemas/schema_{i}'\n"
        );
    }
    s.push_str("  schemas:\n");
    for i in 0..n {
        let _ = write!(
            s,
            "    schema_{i}:\n      type: object\n      description: Schema {i}.\n      \
             required: [name]\n      properties:\n        name:\n          type: string\n          \
             pattern: '^[a-z]+_{i}$'\n        count:\n          type: integer\n          minimum: 0\n          \
             maximum: {i}\n        kind:\n          type: string\n          enum: [A, B, C]\n        \
             tags:\n          type: array\n          items:\n            type: string\n"
        );
        if i > 0 {
            let _ = write!(
                s,
                "        previous:\n          $ref: '#/components/schemas/schema_{}'\n",
                i - 1
            );
        }
    }
    s
}

fn run(path: &Path) -> usize {
    let spec = load_path(path, &LoadOptions::default()).unwrap();
    generate_source(&spec, &GenerateOptions::new())
        .unwrap()
        .len()
}

fn benches(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let echo = root.join("fixtures/component/echo/asyncapi.yaml");
    c.bench_function("generate echo spec", |b| b.iter(|| run(&echo)));
    let mov = root.join("fixtures/valawai/MOV/asyncapi.yaml");
    c.bench_function("generate MOV spec", |b| b.iter(|| run(&mov)));

    let synthetic_path =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("synthetic-1000.asyncapi.yaml");
    std::fs::create_dir_all(synthetic_path.parent().unwrap()).unwrap();
    std::fs::write(&synthetic_path, synthetic(1000)).unwrap();
    let mut group = c.benchmark_group("synthetic");
    group.sample_size(10);
    group.bench_function("generate 1000 channels and 1000 schemas", |b| {
        b.iter(|| run(&synthetic_path))
    });
    group.finish();
}

criterion_group!(generator, benches);
criterion_main!(generator);

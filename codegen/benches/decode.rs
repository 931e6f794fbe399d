//! What decoding a payload costs: a real VALAWAI payload (the treatment of
//! `C2_treatment_autonomy_valuator`, its own test file) through the types generated from the
//! component's spec (the snapshot), read four ways:
//!
//! - `serde_json`: `serde_json::from_slice`, the floor (no JSON paths in errors, no JSON
//!   Schema integers, no undeclared properties noticed);
//! - `paths`: `serde_path_to_error` over `serde_json`, which is what
//!   `valawai::payload::from_slice` did before it read by JSON Schema's rules;
//! - `payload`: `valawai::payload::from_slice` (paths, JSON Schema integers, undeclared
//!   properties noticed);
//! - `dispatcher`: the generated decoder inside the collector of undeclared properties, which
//!   is what a receive channel's dispatcher runs per message.
//!
//! Each on the payload as its spec spells it (`clean`), as the Python components send it
//! (`has_advance_directives`, two undeclared properties: `as_sent`), and with its integers
//! written as floats (`floats`, `1736865373.0`; the floor and `paths` refuse it).
//!
//! `cargo bench -p valawai-codegen --bench decode` for times. Times are meaningless on a busy
//! machine; instruction counts are not: `VALAWAI_DECODE_COUNT=<way>:<body>:<n>` runs one
//! case `n` times and exits, so that
//! `valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/deps/decode-*`
//! counts it (subtract the count for `n` = 0; see `docs/benchmarks.md`).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};

/// Generated from `fixtures/valawai/C2_treatment_autonomy_valuator/asyncapi.yaml`.
#[allow(dead_code, missing_docs)]
mod autonomy {
    include!("../tests/snapshots/c2_treatment_autonomy_valuator.rs");
}

use autonomy::TreatmentPayload;

const AS_SENT: &str =
    include_str!("../../fixtures/valawai/C2_treatment_autonomy_valuator/tests/treatment.json");

/// The bodies: `(name, JSON)`.
fn bodies() -> Vec<(&'static str, String)> {
    let clean = AS_SENT.replace("has_advance_directives", "has_advance_Directives");
    let floats = clean.replace("1736865373", "1736865373.0");
    assert_ne!(clean, floats);
    vec![
        ("clean", clean),
        ("as_sent", AS_SENT.to_owned()),
        ("floats", floats),
    ]
}

/// One way of reading; `Err` when it refuses the body.
fn decode(way: &str, body: &[u8]) -> Result<TreatmentPayload, String> {
    match way {
        "serde_json" => serde_json::from_slice(body).map_err(|e| e.to_string()),
        "paths" => {
            let de = &mut serde_json::Deserializer::from_slice(body);
            serde_path_to_error::deserialize(de).map_err(|e| e.to_string())
        }
        "payload" => valawai::payload::from_slice(body).map_err(|e| e.to_string()),
        "dispatcher" => {
            let (decoded, found) =
                valawai::payload::undeclared::collect(|| autonomy::decode_treatment_payload(body));
            black_box(found);
            decoded.map_err(|e| e.to_string())
        }
        other => panic!("no way `{other}`"),
    }
}

const WAYS: [&str; 4] = ["serde_json", "paths", "payload", "dispatcher"];

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    for (name, body) in bodies() {
        group.throughput(Throughput::Bytes(body.len() as u64));
        for way in WAYS {
            if decode(way, body.as_bytes()).is_err() {
                continue;
            }
            group.bench_with_input(BenchmarkId::new(way, name), body.as_bytes(), |b, body| {
                b.iter(|| decode(way, black_box(body)))
            });
        }
    }
    group.finish();
}

criterion_group!(decode_benches, benches);

fn main() {
    // Every way decodes every body it accepts to the same payload.
    for (name, body) in bodies() {
        let decoded = decode("payload", body.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded.created_time, Some(1_736_865_373), "{name}");
        for way in WAYS {
            if let Ok(other) = decode(way, body.as_bytes()) {
                assert_eq!(other, decoded, "{way} on {name}");
            }
        }
    }
    if let Ok(case) = std::env::var("VALAWAI_DECODE_COUNT") {
        let mut parts = case.split(':');
        let (way, body, n) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts
                .next()
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or(0),
        );
        let body = bodies()
            .into_iter()
            .find(|(name, _)| *name == body)
            .unwrap_or_else(|| panic!("no body `{body}`"))
            .1;
        for _ in 0..n {
            let _ = black_box(decode(way, black_box(body.as_bytes())));
        }
        return;
    }
    decode_benches();
    Criterion::default().configure_from_args().final_summary();
}

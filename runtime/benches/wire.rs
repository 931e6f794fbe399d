//! What the transport's frame watch (`valawai::wire`) costs a delivery: the three frames of a
//! small VALAWAI message (`basic.deliver`, a content header with content type, message id and a
//! few headers, a 45-byte body), read in one piece, and the same with a poisoned header (the
//! content header rewritten).
//!
//! `cargo bench -p valawai --bench wire`.

use criterion::{Criterion, criterion_group, criterion_main};

fn frame(kind: u8, channel: u16, payload: &[u8]) -> Vec<u8> {
    let mut f = vec![kind];
    f.extend_from_slice(&channel.to_be_bytes());
    f.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    f.extend_from_slice(payload);
    f.push(0xCE);
    f
}

fn delivery(headers: &[u8]) -> Vec<u8> {
    // basic.deliver: consumer tag, delivery tag, redelivered, exchange, routing key.
    let mut deliver = vec![0, 60, 0, 60, 12];
    deliver.extend_from_slice(b"ctag-1234567");
    deliver.extend_from_slice(&7u64.to_be_bytes());
    deliver.push(0);
    deliver.push(0);
    let key = b"valawai/c1/echo_example_with_rust_and_lapin/data/received_message";
    deliver.push(key.len() as u8);
    deliver.extend_from_slice(key);
    let body = br#"{"content":"1234:1700000000000000000000"}...."#;
    let mut header = vec![0, 60, 0, 0];
    header.extend_from_slice(&(body.len() as u64).to_be_bytes());
    header.extend_from_slice(&((1u16 << 15) | (1 << 13) | (1 << 7)).to_be_bytes());
    header.push(16);
    header.extend_from_slice(b"application/json");
    header.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    header.extend_from_slice(headers);
    header.push(24);
    header.extend_from_slice(b"0192f3a4-5b6c-7d8e-9fa0-");
    let mut stream = frame(1, 1, &deliver);
    stream.extend(frame(2, 1, &header));
    stream.extend(frame(3, 1, body));
    stream
}

fn wire(c: &mut Criterion) {
    let mut group = c.benchmark_group("wire");
    let plain = delivery(b"\x07attempt\x49\x00\x00\x00\x01");
    group.bench_function("small_delivery", |b| {
        b.iter(|| valawai::wire::fuzz_incoming([std::hint::black_box(&plain[..])]).unwrap())
    });
    let mut deep = vec![b'I', 0, 0, 0, 7];
    for _ in 0..2_000 {
        let mut outer = vec![b'A'];
        outer.extend_from_slice(&(deep.len() as u32).to_be_bytes());
        outer.extend_from_slice(&deep);
        deep = outer;
    }
    let mut table = vec![6];
    table.extend_from_slice(b"poison");
    table.extend_from_slice(&deep);
    let poisoned = delivery(&table);
    group.bench_function("poisoned_delivery_2000_deep", |b| {
        b.iter(|| valawai::wire::fuzz_incoming([std::hint::black_box(&poisoned[..])]).unwrap())
    });
    group.finish();
}

criterion_group!(benches, wire);
criterion_main!(benches);

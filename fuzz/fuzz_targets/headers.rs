//! The header path of the runtime's transport (`valawai::wire`): arbitrary bytes as the headers
//! table of a content header frame, and as a whole byte stream read in arbitrary pieces. What the
//! transport hands lapin must parse with lapin's own (recursive) parser on a small stack: no
//! header may nest deep enough to overflow lapin's I/O thread, and nothing the transport lets
//! through may be a table lapin cannot parse (which would kill the connection for every
//! redelivery).
#![no_main]

use amq_protocol::frame::{AMQPFrame, parse_frame};
use libfuzzer_sys::fuzz_target;

/// A content header frame on channel 1: the property flags from `flags`, then `properties` as
/// the property list (so the fuzzer writes the headers table and every other property).
fn content_header(flags: u16, properties: &[u8]) -> Vec<u8> {
    let mut payload = vec![0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    payload.extend_from_slice(&flags.to_be_bytes());
    payload.extend_from_slice(properties);
    let mut frame = vec![2, 0, 1];
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    frame.extend_from_slice(&payload);
    frame.push(0xCE);
    frame
}

/// Parses every frame of `bytes` as lapin does, on a thread with a 256 KiB stack (lapin's
/// I/O thread has 2 MiB; a parse that needs more than this is a finding).
fn parse_all(bytes: Vec<u8>) -> Vec<Result<AMQPFrame, String>> {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut out = Vec::new();
            let mut rest = &bytes[..];
            while !rest.is_empty() {
                match parse_frame(rest) {
                    Ok((next, frame)) => {
                        out.push(Ok(frame));
                        rest = &rest[rest.len() - next.len()..];
                    }
                    Err(e) => {
                        out.push(Err(format!("{e:?}")));
                        break;
                    }
                }
            }
            out
        })
        .unwrap()
        .join()
        .expect("lapin's parser overflowed or panicked")
}

fuzz_target!(|data: &[u8]| {
    let [high, low, control, table @ ..] = data else {
        return;
    };
    let control = *control;
    // 1. The bytes as the properties of a content header frame.
    let frame = content_header(u16::from_be_bytes([*high, *low]), table);
    let handed = valawai::wire::fuzz_content_header(&frame).unwrap_or_else(|| frame.clone());
    let parsed = parse_all(handed.clone());
    match parsed.first() {
        Some(Ok(AMQPFrame::Header(_, header))) => {
            let _ = header.properties.headers();
        }
        // Passed unchanged or rewritten, the transport judged it sound: lapin must parse it.
        other => panic!("a content header the transport let through does not parse: {other:?}"),
    }

    // 2. The raw bytes as a stream, whole and in pieces of `control` bytes: the same result,
    //    and nothing that overflows lapin's parser.
    let whole = valawai::wire::fuzz_incoming([table]);
    let piece = usize::from(control).max(1);
    let pieces = valawai::wire::fuzz_incoming(table.chunks(piece));
    match (&whole, &pieces) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "the result depends on how the bytes were read");
            parse_all(a.clone());
        }
        (Err(_), Err(_)) => {}
        _ => panic!("whole: {whole:?}, in pieces: {pieces:?}"),
    }
});

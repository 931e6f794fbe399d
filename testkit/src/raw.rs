//! A raw AMQP 0-9-1 publisher that writes the frames itself, for messages no client library
//! would send: headers nested thousands of levels deep (lapin's own serialiser recurses, and
//! would overflow the sender's stack before the receiver's).

use std::str::FromStr;
use std::time::Duration;

use lapin::protocol::{AMQPClass, basic, channel, confirm, connection};
use lapin::types::{FieldTable, LongString, ShortString};
use lapin::uri::AMQPUri;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use amq_protocol::frame::{AMQPFrame, gen_frame, parse_frame};

/// A field value nesting `depth` field arrays around an integer: 5 bytes a level.
pub fn nested_arrays(depth: usize) -> Vec<u8> {
    let mut value = vec![b'I', 0, 0, 0, 7];
    for _ in 0..depth {
        value = wrap(b'A', &value);
    }
    value
}

/// A field value nesting `depth` field tables (each with one key `k`): 7 bytes a level.
pub fn nested_tables(depth: usize) -> Vec<u8> {
    let mut value = vec![b'V'];
    for _ in 0..depth {
        let mut entry = vec![1, b'k'];
        entry.extend_from_slice(&value);
        value = wrap(b'F', &entry);
    }
    value
}

fn wrap(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend_from_slice(&(content.len() as u32).to_be_bytes());
    out.extend_from_slice(content);
    out
}

/// The bytes of a headers table (without its length) holding `key: value`.
pub fn table_entry(key: &str, value: &[u8]) -> Vec<u8> {
    let mut entry = vec![key.len() as u8];
    entry.extend_from_slice(key.as_bytes());
    entry.extend_from_slice(value);
    entry
}

/// The frame type of a content header.
const FRAME_HEADER: u8 = 2;
/// The frame type of a content body.
const FRAME_BODY: u8 = 3;

/// One connection on which frames are written by hand.
struct Raw {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Raw {
    async fn send(&mut self, frame: &AMQPFrame) {
        let bytes = gen_frame(frame)(Vec::new().into())
            .expect("the frame serialises")
            .write;
        self.stream.write_all(&bytes).await.unwrap();
    }

    async fn method(&mut self, channel: u16, class: AMQPClass) {
        self.send(&AMQPFrame::Method(channel, class)).await;
    }

    /// Writes a frame of type `kind` on channel 1, by hand: type, channel, size, `payload`,
    /// frame end.
    async fn write_frame(&mut self, kind: u8, payload: &[u8]) {
        let mut frame = vec![kind, 0, 1];
        frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        frame.extend_from_slice(payload);
        frame.push(0xCE);
        self.stream.write_all(&frame).await.unwrap();
    }

    /// The next frame, heartbeats skipped.
    async fn receive(&mut self) -> AMQPFrame {
        loop {
            if let Ok((rest, frame)) = parse_frame(&self.buffer[..]) {
                let used = self.buffer.len() - rest.len();
                self.buffer.drain(..used);
                if matches!(frame, AMQPFrame::Heartbeat) {
                    continue;
                }
                return frame;
            }
            let mut chunk = [0u8; 4096];
            let n = tokio::time::timeout(Duration::from_secs(10), self.stream.read(&mut chunk))
                .await
                .expect("the broker answers within 10 s")
                .unwrap();
            assert!(n > 0, "the broker closed the connection");
            self.buffer.extend_from_slice(&chunk[..n]);
        }
    }
}

/// Publishes `body` to `queue` (through the default exchange) in `vhost` of the test broker
/// (`AMQP_ADDR`'s host, port and credentials), with the headers table `headers` (the entries'
/// bytes), written by hand, and waits for the broker's confirm.
pub async fn publish_with_raw_headers(vhost: &str, queue: &str, headers: &[u8], body: &[u8]) {
    let uri = AMQPUri::from_str(&crate::url()).expect("AMQP_ADDR is an AMQP URI");
    let stream = TcpStream::connect((uri.authority.host.as_str(), uri.authority.port))
        .await
        .unwrap_or_else(|e| panic!("RabbitMQ must run (see README.md): {e}"));
    let mut raw = Raw {
        stream,
        buffer: Vec::new(),
    };
    raw.stream.write_all(b"AMQP\x00\x00\x09\x01").await.unwrap();
    let AMQPFrame::Method(0, AMQPClass::Connection(connection::AMQPMethod::Start(_))) =
        raw.receive().await
    else {
        panic!("expected connection.start");
    };
    let credentials = &uri.authority.userinfo;
    let response = format!("\0{}\0{}", credentials.username, credentials.password);
    raw.method(
        0,
        AMQPClass::Connection(connection::AMQPMethod::StartOk(connection::StartOk {
            client_properties: FieldTable::default(),
            mechanism: ShortString::from("PLAIN"),
            response: LongString::from(response),
            locale: ShortString::from("en_US"),
        })),
    )
    .await;
    let AMQPFrame::Method(0, AMQPClass::Connection(connection::AMQPMethod::Tune(tune))) =
        raw.receive().await
    else {
        panic!("expected connection.tune (are the credentials right?)");
    };
    raw.method(
        0,
        AMQPClass::Connection(connection::AMQPMethod::TuneOk(connection::TuneOk {
            channel_max: tune.channel_max,
            frame_max: 131_072,
            heartbeat: 0,
        })),
    )
    .await;
    raw.method(
        0,
        AMQPClass::Connection(connection::AMQPMethod::Open(connection::Open {
            virtual_host: ShortString::from(vhost),
        })),
    )
    .await;
    let reply = raw.receive().await;
    assert!(
        matches!(
            reply,
            AMQPFrame::Method(0, AMQPClass::Connection(connection::AMQPMethod::OpenOk(_)))
        ),
        "opening vhost {vhost}: {reply:?}"
    );
    raw.method(
        1,
        AMQPClass::Channel(channel::AMQPMethod::Open(channel::Open {})),
    )
    .await;
    raw.receive().await;
    raw.method(
        1,
        AMQPClass::Confirm(confirm::AMQPMethod::Select(confirm::Select {
            nowait: false,
        })),
    )
    .await;
    raw.receive().await;
    raw.method(
        1,
        AMQPClass::Basic(basic::AMQPMethod::Publish(basic::Publish {
            exchange: ShortString::from(""),
            routing_key: ShortString::from(queue),
            mandatory: false,
            immediate: false,
        })),
    )
    .await;
    // The content header, by hand: class 60, weight 0, body size, flags for content-type and
    // headers, then both.
    let mut payload = vec![0, 60, 0, 0];
    payload.extend_from_slice(&(body.len() as u64).to_be_bytes());
    payload.extend_from_slice(&(1u16 << 15 | 1 << 13).to_be_bytes());
    payload.push(16);
    payload.extend_from_slice(b"application/json");
    payload.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    payload.extend_from_slice(headers);
    assert!(
        payload.len() + 8 <= 131_072,
        "the content header must fit one frame"
    );
    raw.write_frame(FRAME_HEADER, &payload).await;
    raw.write_frame(FRAME_BODY, body).await;
    let confirm = raw.receive().await;
    assert!(
        matches!(
            confirm,
            AMQPFrame::Method(1, AMQPClass::Basic(basic::AMQPMethod::Ack(_)))
        ),
        "the broker did not confirm the raw publish: {confirm:?}"
    );
    raw.method(
        0,
        AMQPClass::Connection(connection::AMQPMethod::Close(connection::Close {
            reply_code: 200,
            reply_text: ShortString::from("done"),
            class_id: 0,
            method_id: 0,
        })),
    )
    .await;
    let _ = raw.receive().await;
}

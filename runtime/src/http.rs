//! Health and metrics over HTTP (the `http` feature): `GET /healthz`, `GET /readyz` and
//! `GET /metrics` on [`Config::http_addr`](crate::Config::http_addr).
//!
//! The server is a small HTTP/1.1 responder on tokio rather than a framework: three fixed
//! answers to `GET` (and `HEAD`) from probes and scrapers, one request per connection
//! (`Connection: close`), a request head of at most 8 KiB read within 5 s, at most 32
//! connections at once. Nothing else is parsed, so nothing else can go wrong. The metrics are
//! encoded by `prometheus-client` in the OpenMetrics text format, which Prometheus reads.
//!
//! | path | answer |
//! |---|---|
//! | `/healthz` | `200 ok` while the component runs (it is not served once the component stopped) |
//! | `/readyz` | `200 ready` when connected to RabbitMQ and registered with the MOV; otherwise `503` and one line saying why ([`ComponentHandle::readiness`]) |
//! | `/metrics` | the counters, per channel, and the handler latency histogram |

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, MetricEncoder, NoLabelSet};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::exemplar::Exemplar;
use prometheus_client::registry::{Registry, Unit};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use crate::component::RunError;
use crate::counters::{CountersSnapshot, LATENCY_BUCKETS};
use crate::handle::ComponentHandle;

/// The largest request head read.
const MAX_HEAD: usize = 8 * 1024;
/// How long a client may take to send its request and read the answer.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections served at once; more are closed at once.
const MAX_CONNECTIONS: usize = 32;
/// The content type of `/metrics`.
const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// Listens on `addr` and serves until the returned task is aborted.
pub(crate) async fn serve(
    addr: SocketAddr,
    handle: ComponentHandle,
) -> Result<tokio::task::JoinHandle<()>, RunError> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| RunError::Http { addr, source })?;
    tracing::info!("serving /healthz, /readyz and /metrics on http://{addr}");
    let mut registry = Registry::default();
    registry.register_collector(Box::new(Metrics(handle.clone())));
    let registry = Arc::new(registry);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    Ok(tokio::spawn(async move {
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, most likely: wait instead of spinning.
                    tracing::warn!("health and metrics: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                continue;
            };
            let (handle, registry) = (handle.clone(), registry.clone());
            tokio::spawn(async move {
                let _slot = slot;
                let _ =
                    tokio::time::timeout(CLIENT_TIMEOUT, answer(stream, &handle, &registry)).await;
            });
        }
    }))
}

async fn answer(
    mut stream: TcpStream,
    handle: &ComponentHandle,
    registry: &Registry,
) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(512);
    let mut buffer = [0u8; 1024];
    let complete = loop {
        if head.windows(4).any(|w| w == b"\r\n\r\n") {
            break true;
        }
        if head.len() >= MAX_HEAD {
            break false;
        }
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buffer[..n]);
    };
    let response = if complete {
        respond(&head, handle, registry)
    } else {
        Response::text(431, "request header fields too large\n")
    };
    stream.write_all(&response.bytes()).await?;
    stream.shutdown().await
}

/// An HTTP answer.
#[derive(Debug)]
struct Response {
    status: u16,
    content_type: &'static str,
    body: String,
    /// `HEAD`: the headers only.
    head_only: bool,
}

impl Response {
    fn text(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            content_type: TEXT,
            body: body.into(),
            head_only: false,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            431 => "Request Header Fields Too Large",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "",
        };
        let allow = if self.status == 405 {
            "Allow: GET, HEAD\r\n"
        } else {
            ""
        };
        let mut out = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{allow}\
             Cache-Control: no-store\r\nConnection: close\r\n\r\n",
            self.status,
            self.content_type,
            self.body.len()
        )
        .into_bytes();
        if !self.head_only {
            out.extend_from_slice(self.body.as_bytes());
        }
        out
    }
}

/// The answer to a request head (request line and headers, without the final blank line's
/// check).
fn respond(head: &[u8], handle: &ComponentHandle, registry: &Registry) -> Response {
    let line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let mut parts = line.trim_end_matches('\r').split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Response::text(400, "bad request line\n");
    };
    if !version.starts_with("HTTP/1.") {
        return Response::text(400, "only HTTP/1.x is served\n");
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return Response::text(405, "only GET and HEAD are served\n"),
    };
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let mut response = match path {
        "/healthz" => {
            let state = handle.state();
            if state.is_final() {
                Response::text(503, format!("{state:?}\n").to_lowercase())
            } else {
                Response::text(200, "ok\n")
            }
        }
        "/readyz" => match handle.readiness() {
            Ok(()) => Response::text(200, "ready\n"),
            Err(reason) => Response::text(503, format!("{reason}\n")),
        },
        "/metrics" => {
            let mut body = String::new();
            match prometheus_client::encoding::text::encode(&mut body, registry) {
                Ok(()) => Response {
                    status: 200,
                    content_type: OPENMETRICS,
                    body,
                    head_only: false,
                },
                Err(_) => Response::text(500, "cannot encode the metrics\n"),
            }
        }
        _ => Response::text(404, "not found: try /healthz, /readyz or /metrics\n"),
    };
    response.head_only = head_only;
    response
}

/// The component's counters, read at every scrape.
#[derive(Debug)]
struct Metrics(ComponentHandle);

/// A counter family with one sample per channel.
type PerChannel = (&'static str, &'static str, fn(&CountersSnapshot) -> u64);

const PER_CHANNEL: [PerChannel; 10] = [
    (
        "valawai_messages_received",
        "Deliveries received on a receive channel.",
        |c| c.received,
    ),
    (
        "valawai_messages_redelivered",
        "Deliveries the broker flagged as redelivered.",
        |c| c.redelivered,
    ),
    (
        "valawai_messages_handled",
        "Messages handled (acked once the handler's outputs were confirmed).",
        |c| c.handled,
    ),
    (
        "valawai_handler_failures",
        "Handler attempts that failed (an error or a panic).",
        |c| c.failed,
    ),
    (
        "valawai_handler_retries",
        "Handler attempts that were retries.",
        |c| c.retried,
    ),
    (
        "valawai_messages_dead_lettered",
        "Messages rejected without requeue: dead-lettered by the broker when a dead-letter \
         policy applies to the queue, dropped otherwise.",
        |c| c.rejected,
    ),
    (
        "valawai_messages_invalid",
        "Of the dead-lettered messages, those whose payload was invalid.",
        |c| c.invalid,
    ),
    (
        "valawai_messages_abandoned",
        "Deliveries left unsettled because the connection was lost (the broker redelivers them).",
        |c| c.abandoned,
    ),
    (
        "valawai_messages_published",
        "Messages published to a channel and confirmed by the broker.",
        |c| c.published,
    ),
    (
        "valawai_publish_failures",
        "Publishes to a channel that failed (timeout, unroutable, closed).",
        |c| c.publish_failed,
    ),
];

fn counter(encoder: &mut MetricEncoder, value: u64) -> std::fmt::Result {
    encoder.encode_counter::<NoLabelSet, u64, u64>(&value, None::<&Exemplar<NoLabelSet, u64>>)
}

fn gauge(encoder: &mut MetricEncoder, value: i64) -> std::fmt::Result {
    encoder.encode_gauge(&value)
}

impl Collector for Metrics {
    fn encode(&self, mut encoder: DescriptorEncoder) -> std::fmt::Result {
        let handle = &self.0;
        let channels = handle.channel_counters();
        let total = handle.counters();
        for (name, help, value) in PER_CHANNEL {
            let mut family = encoder.encode_descriptor(name, help, None, MetricType::Counter)?;
            for (address, c) in &channels {
                let labels = [("channel", &**address)];
                counter(&mut family.encode_family(&labels)?, value(c))?;
            }
        }
        let mut family = encoder.encode_descriptor(
            "valawai_publisher_confirms",
            "Publisher confirms from the broker: ack, or nack (the message is then sent again).",
            None,
            MetricType::Counter,
        )?;
        for (result, value) in [("ack", total.published), ("nack", total.nacked)] {
            counter(&mut family.encode_family(&[("result", result)])?, value)?;
        }
        for (name, help, value) in [
            (
                "valawai_reconnects",
                "Connections to RabbitMQ re-established (recovered, or replaced).",
                total.reconnects,
            ),
            (
                "valawai_registrations",
                "Registered notifications received from the MOV.",
                total.registrations,
            ),
            (
                "valawai_reregistrations",
                "Registrations sent again after the MOV came back (a MOV restart).",
                total.reregistrations,
            ),
        ] {
            counter(
                &mut encoder.encode_descriptor(name, help, None, MetricType::Counter)?,
                value,
            )?;
        }
        for (name, help, value) in [
            (
                "valawai_connected",
                "1 while the connection to RabbitMQ is up.",
                handle.connected(),
            ),
            (
                "valawai_ready",
                "1 while the component is ready (what /readyz answers with 200).",
                handle.readiness().is_ok(),
            ),
        ] {
            gauge(
                &mut encoder.encode_descriptor(name, help, None, MetricType::Gauge)?,
                i64::from(value),
            )?;
        }
        let unit = Unit::Seconds;
        let mut family = encoder.encode_descriptor(
            "valawai_handler_duration",
            "How long handlers run (decoding and waiting for confirms excluded).",
            Some(&unit),
            MetricType::Histogram,
        )?;
        for (address, c) in &channels {
            let l = &c.latency;
            let buckets: Vec<(f64, u64)> = LATENCY_BUCKETS
                .iter()
                .copied()
                .chain([f64::INFINITY])
                .zip(l.buckets)
                .collect();
            family
                .encode_family(&[("channel", &**address)])?
                .encode_histogram::<NoLabelSet>(l.sum_seconds, l.count, &buckets, None)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ComponentType;
    use crate::{Component, ComponentInfo};

    fn handle() -> ComponentHandle {
        Component::new(ComponentInfo::new(
            "c1_probe",
            ComponentType::C1,
            "1.0.0",
            "asyncapi: 2.6.0",
            "valawai/c1/probe/control/registered",
        ))
        .handle()
    }

    fn ask(request: &str) -> Response {
        let handle = handle();
        let mut registry = Registry::default();
        registry.register_collector(Box::new(Metrics(handle.clone())));
        respond(request.as_bytes(), &handle, &registry)
    }

    #[test]
    fn the_three_paths_and_the_rest() {
        let r = ask("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assert_eq!((r.status, r.body.as_str()), (200, "ok\n"));
        let r = ask("GET /readyz?verbose HTTP/1.1\r\n\r\n");
        assert_eq!((r.status, r.body.as_str()), (503, "not started\n"));
        let r = ask("GET /metrics HTTP/1.0\r\n\r\n");
        assert_eq!(r.status, 200);
        assert!(
            r.body.contains("# TYPE valawai_reconnects counter"),
            "{}",
            r.body
        );
        assert!(r.body.contains("valawai_ready 0"), "{}", r.body);
        assert!(r.body.ends_with("# EOF\n"), "{}", r.body);
        assert_eq!(ask("GET /other HTTP/1.1\r\n\r\n").status, 404);
        assert_eq!(ask("POST /readyz HTTP/1.1\r\n\r\n").status, 405);
        assert_eq!(ask("GET /readyz\r\n\r\n").status, 400);
        assert_eq!(ask("GET /readyz SPDY/3\r\n\r\n").status, 400);
        assert_eq!(ask("\u{0}\u{1}\r\n\r\n").status, 400);
    }

    #[test]
    fn head_sends_the_headers_only() {
        let mut r = ask("HEAD /healthz HTTP/1.1\r\n\r\n");
        let bytes = String::from_utf8(r.bytes()).unwrap();
        assert!(bytes.starts_with("HTTP/1.1 200 OK\r\n"), "{bytes}");
        assert!(bytes.contains("Content-Length: 3\r\n"), "{bytes}");
        assert!(bytes.ends_with("\r\n\r\n"), "{bytes}");
        r.head_only = false;
        assert!(
            String::from_utf8(r.bytes())
                .unwrap()
                .ends_with("\r\n\r\nok\n")
        );
    }
}

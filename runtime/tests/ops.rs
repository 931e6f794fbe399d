//! The health and metrics endpoints (the `http` feature), asked over real HTTP requests: a
//! component behind a TCP relay to the broker at `AMQP_ADDR`, registered by a MOV the test plays.
//! Cutting the relay takes the broker away from the component without touching the broker.

mod support;

use std::time::Duration;

use serde_json::json;
use support::echo::EchoHandlers;
use support::{Client, PATIENCE, Relay, TestMov, next, unique};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

echo_component!(ops_echo);
impl_echo_handlers!(ops_echo);

/// An answer: status and body.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

/// `GET path` over a new connection, as curl does.
async fn get(port: u16, path: &str) -> std::io::Result<Answer> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: test\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await?;
    let text = String::from_utf8(raw).expect("UTF-8 answer");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let status = head[9..12].parse().expect("a status code");
    let header = |name: &str| {
        head.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        header("Content-Length"),
        body.len().to_string(),
        "the announced length"
    );
    Ok(Answer {
        status,
        content_type: header("Content-Type"),
        body: body.to_owned(),
    })
}

/// Asks `path` until `accept` takes the answer, or panics saying what was awaited.
async fn until(port: u16, path: &str, what: &str, accept: impl Fn(&Answer) -> bool) -> Answer {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    let mut last = None;
    loop {
        if let Ok(answer) = get(port, path).await {
            if accept(&answer) {
                return answer;
            }
            last = Some(answer);
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what} on {path}; last answer: {last:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The value of the sample `name{labels}` in a metrics page.
fn sample(page: &str, name: &str, labels: &str) -> f64 {
    let key = if labels.is_empty() {
        format!("{name} ")
    } else {
        format!("{name}{{{labels}}} ")
    };
    page.lines()
        .find_map(|l| l.strip_prefix(&key))
        .unwrap_or_else(|| panic!("no sample `{key}` in:\n{page}"))
        .trim()
        .parse()
        .unwrap()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Readiness follows the registration and the connection; the counters match the messages sent.
#[tokio::test]
async fn healthz_readyz_and_metrics_answer_over_http() {
    use ops_echo as echo;
    let prefix = unique("ops");
    let mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    client
        .declare(&echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let mut outputs = client.consume(&echo::channels::PUBLISH_MESSAGE).await;
    let relay = Relay::start().await;
    let port = free_port();
    let log_dir = support::temp_dir(&prefix);
    let mut config = support::config(&prefix, log_dir.clone());
    config.endpoints = vec![relay.endpoint()];
    config.max_retries = 100;
    config.retry_sleep = Duration::from_millis(100);
    config.retry_max_sleep = Duration::from_millis(300);
    config.heartbeat = 5;
    config.http_addr = Some(([127, 0, 0, 1], port).into());
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let mut mov = mov;
    let run = support::spawn(component.run(config));

    // Alive at once; not ready before the MOV answered.
    let health = until(port, "/healthz", "200", |a| a.status == 200).await;
    assert_eq!(
        (health.body.as_str(), health.content_type.as_str()),
        ("ok\n", "text/plain; charset=utf-8")
    );
    let register = next(&mut mov.register, "the register message").await.json();
    let waiting = until(port, "/readyz", "the wait for the MOV", |a| {
        a.body.contains("registered notification")
    })
    .await;
    assert_eq!(
        (waiting.status, waiting.body.as_str()),
        (503, "waiting for the MOV's registered notification\n")
    );
    mov.send_registered(
        &echo::channels::REGISTERED,
        "65c1f59ea4cb169f42f5edc4",
        &register,
    )
    .await;
    let ready = until(port, "/readyz", "ready", |a| a.status == 200).await;
    assert_eq!(ready.body, "ready\n");

    // 25 echoes and 3 invalid messages.
    for n in 0..25 {
        client
            .publish_json(
                &echo::channels::RECEIVED_MESSAGE,
                &json!({"content": format!("m{n}")}),
            )
            .await;
    }
    for bad in [&b"{no"[..], b"[1]", br#"{"content": ""}"#] {
        client.publish(&echo::channels::RECEIVED_MESSAGE, bad).await;
    }
    for _ in 0..25 {
        next(&mut outputs, "an echo").await;
    }
    support::wait_until("every message settled", PATIENCE, || {
        let c = handle.counters();
        c.handled == 26 && c.rejected == 3
    })
    .await;
    let metrics = until(port, "/metrics", "the metrics", |a| a.status == 200).await;
    assert_eq!(
        metrics.content_type,
        "application/openmetrics-text; version=1.0.0; charset=utf-8"
    );
    let page = &metrics.body;
    let input = format!("channel=\"{}\"", *echo::channels::RECEIVED_MESSAGE);
    let output = format!("channel=\"{}\"", *echo::channels::PUBLISH_MESSAGE);
    let registered = format!("channel=\"{}\"", *echo::channels::REGISTERED);
    let log = format!("channel=\"{}\"", mov.channels.log);
    assert_eq!(
        sample(page, "valawai_messages_received_total", &input),
        28.0
    );
    assert_eq!(sample(page, "valawai_messages_handled_total", &input), 25.0);
    assert_eq!(
        sample(page, "valawai_messages_dead_lettered_total", &input),
        3.0
    );
    assert_eq!(sample(page, "valawai_messages_invalid_total", &input), 3.0);
    assert_eq!(sample(page, "valawai_handler_failures_total", &input), 0.0);
    assert_eq!(
        sample(page, "valawai_messages_published_total", &output),
        25.0
    );
    assert_eq!(
        sample(page, "valawai_messages_received_total", &registered),
        1.0
    );
    assert_eq!(
        sample(page, "valawai_messages_handled_total", &registered),
        1.0
    );
    // Two INFO logs per echo and one ERROR log per invalid message went to the MOV.
    assert_eq!(sample(page, "valawai_messages_published_total", &log), 53.0);
    // The register message, the echoes and the logs were all confirmed.
    assert_eq!(
        sample(page, "valawai_publisher_confirms_total", "result=\"ack\""),
        1.0 + 25.0 + 53.0
    );
    assert_eq!(sample(page, "valawai_registrations_total", ""), 1.0);
    assert_eq!(sample(page, "valawai_reconnects_total", ""), 0.0);
    assert_eq!(sample(page, "valawai_connected", ""), 1.0);
    assert_eq!(sample(page, "valawai_ready", ""), 1.0);
    // The handler ran 25 times on the input channel (invalid payloads never reach it).
    assert_eq!(
        sample(page, "valawai_handler_duration_seconds_count", &input),
        25.0
    );
    assert_eq!(
        sample(
            page,
            "valawai_handler_duration_seconds_bucket",
            &format!("le=\"+Inf\",{input}")
        ),
        25.0
    );
    assert!(sample(page, "valawai_handler_duration_seconds_sum", &input) > 0.0);
    assert!(page.contains("# TYPE valawai_handler_duration_seconds histogram"));
    assert!(page.ends_with("# EOF\n"));

    // The broker goes away: alive, not ready; back: ready again.
    relay.set_refusing(true);
    relay.cut().await;
    let down = until(port, "/readyz", "not ready", |a| a.status == 503).await;
    assert!(down.body.contains("RabbitMQ"), "{}", down.body);
    assert_eq!(down.body.lines().count(), 1, "one line: {}", down.body);
    assert_eq!(get(port, "/healthz").await.unwrap().status, 200);
    let page = get(port, "/metrics").await.unwrap().body;
    assert_eq!(
        sample(&page, "valawai_connected", ""),
        0.0,
        "{down:?} {:?}",
        handle.readiness()
    );
    assert_eq!(sample(&page, "valawai_ready", ""), 0.0);
    relay.set_refusing(false);
    until(port, "/readyz", "ready again", |a| a.status == 200).await;
    // lapin marks the connection up (what /readyz reads) just before the supervisor handles
    // its `Connected` event and counts the reconnection: wait for the count, it must come.
    until(port, "/metrics", "the reconnection counted", |a| {
        a.status == 200 && sample(&a.body, "valawai_reconnects_total", "") >= 1.0
    })
    .await;
    assert_eq!(get(port, "/nowhere").await.unwrap().status, 404);

    // Stopped: the port is closed.
    support::stop(&handle, run).await;
    assert!(
        get(port, "/healthz").await.is_err(),
        "still served after the stop"
    );
    let queues = [
        &echo::channels::REGISTERED,
        &echo::channels::RECEIVED_MESSAGE,
        &echo::channels::PUBLISH_MESSAGE,
    ];
    support::clean_up(client, &queues.map(|q| q.as_str()), mov, log_dir).await;
}

/// A busy address is a clear start-up error, not a silent absence of probes.
#[tokio::test]
async fn a_busy_address_fails_the_start() {
    use ops_echo as echo;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let prefix = unique("ops_busy");
    let mut config = support::config(&prefix, support::temp_dir(&prefix));
    config.http_addr = Some(addr);
    let err = echo::component(EchoHandlers)
        .run(config)
        .await
        .expect_err("the address is taken");
    let text = err.to_string();
    assert!(
        text.contains(&addr.to_string()) && text.contains("/readyz"),
        "{text}"
    );
}

//! The whole story with processes: `valawai mov run` (the development MOV) and the echo
//! example's binary against the real broker. The echo registers, echoes, logs INFO to the MOV,
//! logs ERROR for every invalid message, and on SIGTERM unregisters and removes its id file.

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use valawai_testkit::{Client, PATIENCE, next};

mod support;
use support::{Process, echo_binary, sigterm, start_mov};

use support::ECHO;
const RECEIVED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/received_message";
const PUBLISHED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/publish_message";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_echo_registers_echoes_logs_and_unregisters_with_the_development_mov() {
    let client = Client::connect().await;
    // Nothing an earlier run left in the MOV's queues or the echo's may reach this one.
    for q in [
        "valawai/component/register",
        "valawai/component/unregister",
        "valawai/log/add",
        "valawai/topology/create",
        "valawai/topology/change",
        "valawai/c1/echo_example_with_rust_and_lapin/control/registered",
        RECEIVED,
        PUBLISHED,
    ] {
        client.fresh(q).await;
    }
    let echo_binary = tokio::task::spawn_blocking(echo_binary).await.unwrap();

    let (mov, events) = start_mov(&valawai_testkit::url());

    let log_dir = std::env::temp_dir().join(format!("valawai-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&log_dir).unwrap();
    let echo = Process(
        Command::new(&echo_binary)
            .env("RABBITMQ_HOST", "127.0.0.1")
            .env("RABBITMQ_PORT", "5672")
            .env("RABBITMQ_USERNAME", "guest")
            .env("RABBITMQ_PASSWORD", "guest")
            .env("LOG_DIR", &log_dir)
            .env("COMPONET_ID_FILE_NAME", "component_id.json")
            .spawn()
            .unwrap(),
    );

    let registered = events.wait_for("the echo's registration", |e| {
        e["event"] == "registered" && e["component"]["name"] == ECHO
    });
    let id = registered["component"]["id"].as_str().unwrap().to_owned();
    assert_eq!(registered["component"]["version"], "1.0.0");
    assert_eq!(registered["component"]["type"], "C1");
    assert_eq!(
        registered["channel"],
        "valawai/c1/echo_example_with_rust_and_lapin/control/registered"
    );
    let id_file = log_dir.join("component_id.json");
    let deadline = Instant::now() + PATIENCE;
    let written = loop {
        if let Ok(text) = std::fs::read_to_string(&id_file)
            && let Ok(value) = serde_json::from_str::<Value>(&text)
        {
            break value;
        }
        assert!(
            Instant::now() < deadline,
            "no id file at {}",
            id_file.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(written["id"], id.as_str());

    let mut echoes = client.consume(PUBLISHED).await;
    let is_log = |e: &Value, level: &str| {
        e["event"] == "log" && e["level"] == level && e["component_id"] == id.as_str()
    };

    // A valid message is echoed, its content only, between two INFO logs.
    client
        .publish(RECEIVED, br#"{"content":"hello e2e","extra":1}"#)
        .await;
    assert_eq!(
        next(&mut echoes, "an echo").await,
        json!({"content": "hello e2e"})
    );
    let received = events.wait_for("the first INFO log", |e| is_log(e, "INFO"));
    assert_eq!(received["message"], "Received a message to echo");
    let sent = events.wait_for("the second INFO log", |e| is_log(e, "INFO"));
    assert_eq!(sent["message"], "Sent Echoed message");
    let payload: Value = serde_json::from_str(sent["payload"].as_str().unwrap()).unwrap();
    assert_eq!(payload, json!({"content": "hello e2e"}));

    // Every invalid message gets an ERROR log with the body as payload, and no echo; JSON that
    // is not an object, which crashes the Python echo, included.
    let invalid: [&[u8]; 7] = [
        br#"{"content":""}"#,
        br#"{}"#,
        br#"{"content":5}"#,
        b"[1]",
        br#""x""#,
        b"5",
        b"not json",
    ];
    for body in invalid {
        client.publish(RECEIVED, body).await;
        let error = events.wait_for("an ERROR log", |e| is_log(e, "ERROR"));
        assert!(
            error["message"].as_str().unwrap().contains(RECEIVED),
            "{error}"
        );
        // The payload is the body when it is JSON, else the body as a JSON string.
        let logged = error["payload"].as_str().unwrap();
        let expected = match serde_json::from_slice::<Value>(body) {
            Ok(_) => String::from_utf8(body.to_vec()).unwrap(),
            Err(_) => Value::String(String::from_utf8(body.to_vec()).unwrap()).to_string(),
        };
        assert_eq!(logged, expected, "{error}");
    }
    // Still serving: the next echo is the next valid message.
    client
        .publish(RECEIVED, br#"{"content":"still here"}"#)
        .await;
    assert_eq!(
        next(&mut echoes, "an echo").await,
        json!({"content": "still here"})
    );

    // SIGTERM: unregister, remove the id file, exit cleanly.
    let Process(ref echo_child) = echo;
    sigterm(echo_child);
    events.wait_for("the unregistration", |e| {
        e["event"] == "unregistered" && e["id"] == id.as_str()
    });
    let mut echo = echo;
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = echo.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the echo did not stop after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "{status}");
    assert!(!id_file.exists(), "the id file is still there");

    let Process(ref mov_child) = mov;
    sigterm(mov_child);
    let mut mov = mov;
    let deadline = Instant::now() + PATIENCE;
    while mov.0.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "the development MOV did not stop"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = std::fs::remove_dir_all(&log_dir);
    let _ = client.connection.close(200, "done".into()).await;
}

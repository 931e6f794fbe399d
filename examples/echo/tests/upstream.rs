//! The upstream Python echo's own acceptance tests (`tests/test_echo_handler.py`,
//! `tests/test_mov_service.py`), run against the Rust echo binary and the development MOV.

use std::process::{Child, Command};
use std::time::{Duration, Instant};

use serde_json::json;
use valawai_devmov::{DevMov, Event};
use valawai_testkit::{Client, PATIENCE, next};

const NAME: &str = "c1_echo_example_with_rust_and_lapin";
const RECEIVED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/received_message";
const PUBLISHED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/publish_message";

struct Echo(Child);

impl Drop for Echo {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A random UUID (version 4 layout), as upstream's `uuid.uuid4()`.
fn uuid4() -> String {
    use std::hash::{BuildHasher, RandomState};
    let a = RandomState::new().hash_one(Instant::now());
    let b = RandomState::new().hash_one(std::process::id());
    let hex = format!("{a:016x}{b:016x}");
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upstream_scenarios_pass_against_the_rust_echo() {
    let client = Client::connect().await;
    for q in [
        "valawai/component/register",
        "valawai/component/unregister",
        "valawai/component/query",
        "valawai/log/add",
        "valawai/c1/echo_example_with_rust_and_lapin/control/registered",
        RECEIVED,
        PUBLISHED,
    ] {
        client.fresh(q).await;
    }
    let mut config =
        valawai::Config::new(valawai::Endpoint::parse_url(&valawai_testkit::url()).unwrap());
    config.handle_signals = false;
    let dev_mov = DevMov::new(config);
    let mov = dev_mov.handle();
    let mut events = mov.subscribe();
    let server = tokio::spawn(dev_mov.run());
    tokio::time::timeout(PATIENCE, mov.ready())
        .await
        .expect("the MOV");

    let log_dir = std::env::temp_dir().join(format!("valawai-upstream-{}", std::process::id()));
    std::fs::create_dir_all(&log_dir).unwrap();
    let echo = Echo(
        Command::new(env!("CARGO_BIN_EXE_c1_echo_example_with_rust_and_lapin"))
            .env("RABBITMQ_HOST", "127.0.0.1")
            .env("RABBITMQ_USERNAME", "guest")
            .env("RABBITMQ_PASSWORD", "guest")
            .env("LOG_DIR", &log_dir)
            .spawn()
            .unwrap(),
    );
    let id = loop {
        match tokio::time::timeout(PATIENCE, events.recv()).await {
            Ok(Ok(Event::Registered { component, .. })) if component.name == NAME => {
                break component.id;
            }
            Ok(Ok(_)) => {}
            other => panic!("no registration: {other:?}"),
        }
    };

    // test_echo_handler.py: publish {"content": <uuid>}, expect the same content back in 30 s.
    let mut echoes = client.consume(PUBLISHED).await;
    let content = uuid4();
    client
        .publish_json(RECEIVED, &json!({ "content": content }))
        .await;
    assert_eq!(next(&mut echoes, "the echo").await["content"], content);

    // test_mov_service.py: the id file is there and not empty once registered...
    let id_file = log_dir.join("component_id.json");
    let deadline = Instant::now() + PATIENCE;
    while std::fs::read_to_string(&id_file).map_or(true, |t| t.trim().is_empty()) {
        assert!(
            Instant::now() < deadline,
            "no id file at {}",
            id_file.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // ... and the component is found by a component query answered on the page channel.
    let mut pages = client.consume("valawai/component/page").await;
    let query_id = uuid4();
    let query = json!({"id": query_id, "pattern": NAME, "offset": 0, "limit": 1000});
    client.publish_json("valawai/component/query", &query).await;
    let page = loop {
        let page = next(&mut pages, "the components page").await;
        if page["query_id"] == query_id.as_str() {
            break page;
        }
    };
    let ids: Vec<&str> = page["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&id.as_str()), "{page}");

    // Unregistration: the id file goes, and so does the component from the query results.
    let status = Command::new("kill")
        .args(["-TERM", &echo.0.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    loop {
        match tokio::time::timeout(PATIENCE, events.recv()).await {
            Ok(Ok(Event::Unregistered { id: gone, .. })) if gone == id => break,
            Ok(Ok(_)) => {}
            other => panic!("no unregistration: {other:?}"),
        }
    }
    // The runtime removes the id file right after the unregister is confirmed, then stops.
    let mut echo = echo;
    let deadline = Instant::now() + PATIENCE;
    while echo.0.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "the echo did not stop after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!id_file.exists());
    let query_id = uuid4();
    let query = json!({"id": query_id, "pattern": NAME, "offset": 0, "limit": 1000});
    client.publish_json("valawai/component/query", &query).await;
    let page = loop {
        let page = next(&mut pages, "the second components page").await;
        if page["query_id"] == query_id.as_str() {
            break page;
        }
    };
    assert_eq!(page["total"], 0, "{page}");

    drop(echo);
    mov.shutdown();
    server.await.unwrap().unwrap();
    let _ = std::fs::remove_dir_all(&log_dir);
}

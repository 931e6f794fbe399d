//! A valid message of 3.9 MB through the echo example: its two INFO logs to the MOV carry it as
//! payload, which escaping would push over the development MOV's 4 MiB limit. The runtime cuts
//! them to fit, with a marker, so the MOV records both and refuses nothing.

use serde_json::Value;
use valawai::lapin::BasicProperties;
use valawai::lapin::options::BasicPublishOptions;

mod support;
use support::{EchoAndMov, Vhost, broker_at, declare};

const RECEIVED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/received_message";
const PUBLISHED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/publish_message";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_valid_message_gives_logs_the_mov_takes() {
    let vhost = Vhost::new().await;
    let mut both = EchoAndMov::start(&vhost).await;
    let events = &both.events;
    let client = broker_at(&vhost.url()).await;
    let channel = client.create_channel().await.unwrap();
    declare(&channel, PUBLISHED).await;

    // Quotes and backslashes: each byte is escaped in the payload string, and again in the log.
    let body = format!(r#"{{"content":"{}"}}"#, r#"\""#.repeat(1_950_000));
    assert!((3_800_000..4_000_000).contains(&body.len()));
    channel
        .basic_publish(
            "".into(),
            RECEIVED.into(),
            BasicPublishOptions::default(),
            body.as_bytes(),
            BasicProperties::default(),
        )
        .await
        .unwrap()
        .await
        .unwrap();
    for expected in ["Received a message to echo", "Sent Echoed message"] {
        let log = events.wait_for(expected, |e| {
            e["event"] == "log"
                && (e["level"] == "ERROR"
                    || e["message"]
                        .as_str()
                        .is_some_and(|m| m.starts_with(expected)))
        });
        assert_eq!(log["level"], "INFO", "{}", &log.to_string()[..400]);
        let message = log["message"].as_str().unwrap();
        assert!(message.contains("payload cut"), "{message}");
        let payload: Value = serde_json::from_str(log["payload"].as_str().unwrap()).unwrap();
        let kept = payload.as_str().unwrap();
        assert!(kept.starts_with(r#"{"content":"\"\"\""#));
        assert!(
            kept.contains("[payload cut by valawai-rs to "),
            "{}",
            &kept[kept.len() - 100..]
        );
    }
    both.assert_alive();
    let _ = client.close(200, "done".into()).await;
    both.stop();
}

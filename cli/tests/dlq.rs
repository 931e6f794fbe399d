//! `valawai dlq` against the real broker, in a virtual host of the test's own: the policy it
//! prints dead-letters what a consumer rejects; `list` shows the dead letters and leaves them
//! there; `replay` sends chosen ones, then all, back to their channel.

mod support;

use std::process::Command;

use serde_json::Value;
use support::{broker_at, declare, echo, text, valawai};
use valawai::lapin::options::{
    BasicGetOptions, BasicPublishOptions, BasicRejectOptions, ConfirmSelectOptions,
};
use valawai::lapin::types::AMQPValue;
use valawai_testkit::{Vhost, message_count};

const CHANNEL: &str = "valawai/c1/echo_example_with_python_and_pika/data/received_message";
const DEAD_LETTERS: &str = "valawai/c1/echo_example_with_python_and_pika/dead_letters";

/// `valawai dlq <args> <spec> --url <vhost>`.
fn dlq(args: &[&str], url: &str) -> std::process::Output {
    let spec = echo();
    let mut all = vec!["dlq", args[0], &spec, "--url", url];
    all.extend_from_slice(&args[1..]);
    valawai(&all, "")
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    text(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[tokio::test]
async fn dead_letters_are_listed_without_being_consumed_and_replayed_to_their_channel() {
    let vhost = Vhost::create("dlq");
    let url = vhost.url();

    // The policy, as printed, set with rabbitmqctl; the dead-letter queue declared by --declare.
    let out = dlq(&["policy", "--declare"], &url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let command = text(&out.stdout);
    assert!(
        command.starts_with(&format!(
            "rabbitmqctl set_policy -p '{}' --apply-to queues ",
            vhost.name()
        )),
        "{command}"
    );
    let status = Command::new("sh")
        .arg("-c")
        .arg(command.trim())
        .status()
        .unwrap();
    assert!(status.success(), "{command}");

    // Three messages on the channel, rejected (without requeue) as the runtime does.
    let connection = broker_at(&url).await;
    let channel = connection.create_channel().await.unwrap();
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .unwrap();
    declare(&channel, CHANNEL).await;
    let bodies = [
        r#"{"content": "one"}"#,
        r#"{"content": "two"}"#,
        "not json\nat all",
    ];
    for body in bodies {
        channel
            .basic_publish(
                "".into(),
                CHANNEL.into(),
                BasicPublishOptions::default(),
                body.as_bytes(),
                valawai::conventions::mov_properties()
                    .with_message_id(format!("id-{}", body.len()).into()),
            )
            .await
            .unwrap()
            .await
            .unwrap();
        let got = channel
            .basic_get(CHANNEL.into(), BasicGetOptions { no_ack: false })
            .await
            .unwrap()
            .expect("the message");
        got.delivery
            .acker
            .reject(BasicRejectOptions { requeue: false })
            .await
            .unwrap();
    }
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    while message_count(&channel, DEAD_LETTERS).await < 3 {
        assert!(tokio::time::Instant::now() < deadline, "not dead-lettered");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // Listed, twice: nothing is consumed.
    for _ in 0..2 {
        let out = dlq(&["list"], &url);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let listing = text(&out.stdout);
        assert!(
            listing.starts_with(&format!("3 dead letter(s) in `{DEAD_LETTERS}`")),
            "{listing}"
        );
        let rows: Vec<&str> = listing.lines().skip(2).collect();
        assert_eq!(rows.len(), 3, "{listing}");
        for (row, body) in rows.iter().zip([
            "{\"content\": \"one\"}",
            "{\"content\": \"two\"}",
            "not json\\u{a}at all",
        ]) {
            assert!(row.contains(CHANNEL) && row.contains("rejected"), "{row}");
            assert!(row.contains(" 20") && row.contains('Z'), "a time: {row}");
            assert!(row.ends_with(body), "{row}");
        }
        assert_eq!(message_count(&channel, DEAD_LETTERS).await, 3);
    }
    let out = dlq(&["list", "--json"], &url);
    let letters = json_lines(&out.stdout);
    assert_eq!(letters.len(), 3);
    assert_eq!(letters[1]["body"], bodies[1]);
    assert_eq!(letters[1]["channel"], CHANNEL);
    assert_eq!(letters[1]["reason"], "rejected");
    assert_eq!(letters[1]["count"], 1);
    assert_eq!(letters[1]["message_id"], format!("id-{}", bodies[1].len()));
    let key = |n: usize| letters[n]["key"].as_str().unwrap().to_owned();

    // The second one, back on its channel: its body and id, the replay counted, no death.
    let out = dlq(&["replay", &key(1)], &url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("replayed {} to {CHANNEL}", key(1))),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(message_count(&channel, DEAD_LETTERS).await, 2);
    let back = channel
        .basic_get(CHANNEL.into(), BasicGetOptions { no_ack: true })
        .await
        .unwrap()
        .expect("the replayed message");
    assert_eq!(back.delivery.data, bodies[1].as_bytes());
    let properties = &back.delivery.properties;
    assert_eq!(
        properties.message_id().as_ref().map(|s| s.as_str()),
        Some(format!("id-{}", bodies[1].len()).as_str())
    );
    let headers = properties.headers().as_ref().unwrap().inner();
    assert_eq!(
        headers.get("x-valawai-replayed"),
        Some(&AMQPValue::LongLongInt(1))
    );
    assert!(
        headers.keys().all(|k| !k.as_str().contains("death")),
        "{headers:?}"
    );

    // A dry run changes nothing; an unknown key fails; --all replays the rest in order.
    let out = dlq(&["replay", "--all", "--dry-run"], &url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 of 2 dead letter(s) would replay"));
    assert_eq!(message_count(&channel, DEAD_LETTERS).await, 2);
    let out = dlq(&["replay", "000000000000"], &url);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no dead letter has the key 000000000000"));
    assert_eq!(message_count(&channel, DEAD_LETTERS).await, 2);
    let out = dlq(&["replay", "--all", "--json"], &url);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let result: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(result["replayed"].as_array().unwrap().len(), 2, "{result}");
    assert_eq!(message_count(&channel, DEAD_LETTERS).await, 0);
    for expected in [bodies[0], bodies[2]] {
        let back = channel
            .basic_get(CHANNEL.into(), BasicGetOptions { no_ack: true })
            .await
            .unwrap()
            .expect("a replayed message");
        assert_eq!(back.delivery.data, expected.as_bytes());
    }
    let _ = connection.close(200, "done".into()).await;
}

#[test]
fn replay_wants_keys_or_all() {
    let out = valawai(
        &["dlq", "replay", &echo(), "--url", "amqp://127.0.0.1:1"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("name the dead letters to replay"),
        "{}",
        text(&out.stderr)
    );
}

//! The MOV drops a bad registration without a word: the component must say so itself when no
//! registered notification arrives in time, and still accept a late one.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::echo::EchoHandlers;
use support::{Client, PATIENCE, TestMov, next, unique};
use valawai::State;

echo_component!(silent_mov_echo);
impl_echo_handlers!(silent_mov_echo);

/// Collects everything the component logs, for assertions.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// One thread: the log subscriber set for this test sees every task of the component.
#[tokio::test(flavor = "current_thread")]
async fn a_silent_mov_gets_a_warning_and_a_late_notification_still_registers() {
    use silent_mov_echo as echo;
    support::require_broker().await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::WARN)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let prefix = unique("silent_mov");
    let mut mov = TestMov::start(&prefix).await;
    let mut config = support::config(&prefix, support::temp_dir(&prefix));
    config.registration_timeout = Duration::from_millis(300);
    let id_path = config.id_file_path();
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let run = tokio::spawn(component.run(config));

    let register = next(&mut mov.register, "the register message").await.json();
    // The MOV says nothing: after the timeout the component warns, naming the likely causes.
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !captured.text().contains("no registered notification") {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no warning; logs so far:\n{}",
            captured.text()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let warning = captured.text();
    assert!(warning.contains("WARN"), "{warning}");
    assert!(
        warning.contains(&format!("on `{}`", *echo::channels::REGISTERED)),
        "{warning}"
    );
    assert!(
        warning.contains("a version with a suffix") && warning.contains("GET /v1/logs"),
        "{warning}"
    );
    assert_eq!(
        handle.state(),
        State::Running,
        "the component keeps serving"
    );
    assert!(!id_path.exists());

    // A notification that comes late is still taken.
    let id = "65c1f59ea4cb169f42f5edc5";
    mov.send_registered(&echo::channels::REGISTERED, id, &register)
        .await;
    let got = tokio::time::timeout(PATIENCE, handle.registered())
        .await
        .expect("registered late");
    assert_eq!(&*got, id);
    assert!(id_path.exists());

    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .expect("stops")
        .unwrap()
        .unwrap();
    let client = Client::connect().await;
    client
        .delete(&[
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
            &echo::channels::REGISTERED,
        ])
        .await;
    mov.cleanup().await;
}

/// An unregistered service (the development MOV, for one) serves its channels and publishes,
/// but never speaks to the MOV: no register, no unregister, no id file, and its stop leaves
/// another component's id file alone.
#[tokio::test]
async fn an_unregistered_service_serves_without_speaking_to_the_mov() {
    support::require_broker().await;
    let prefix = unique("unregistered");
    let mut mov = TestMov::start(&prefix).await;
    let dir = support::temp_dir(&prefix);
    let config = support::config(&prefix, dir.clone());
    // Somebody else's id file in the same folder.
    let other_id_file = config.id_file_path();
    std::fs::write(&other_id_file, "{\"id\":\"65c1f59ea4cb169f42f5edc5\"}").unwrap();

    let inbox = format!("{prefix}/inbox");
    let outbox = format!("{prefix}/outbox");
    let client = Client::connect().await;
    client.declare(&outbox).await.unwrap();
    let mut echoed = client.consume(&outbox).await;
    let target = outbox.clone();
    let service = valawai::Component::unregistered("dev_service").on(
        inbox.clone(),
        move |payload: serde_json::Value, ctx: valawai::Context| {
            let target = target.clone();
            async move {
                ctx.publisher().publish(&target, &payload).await?;
                Ok(())
            }
        },
    );
    assert_eq!(service.name(), "dev_service");
    assert!(service.info().is_none());
    let handle = service.handle();
    let run = tokio::spawn(service.run(config));

    // Running: the channels are declared and consumed.
    tokio::time::timeout(PATIENCE, handle.wait_for_state(|s| s == State::Running))
        .await
        .expect("the service starts");
    client.publish(&inbox, br#"{"n":1}"#).await;
    assert_eq!(
        next(&mut echoed, "the relayed message").await.json()["n"],
        1
    );

    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .expect("stops")
        .unwrap()
        .unwrap();
    assert!(support::stays_empty(&mut mov.register, Duration::from_millis(300)).await);
    assert!(support::stays_empty(&mut mov.unregister, Duration::from_millis(1)).await);
    assert!(
        other_id_file.exists(),
        "the service removed an id file it does not own"
    );
    client.delete(&[&inbox, &outbox]).await;
    mov.cleanup().await;
}

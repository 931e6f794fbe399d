//! SIGTERM in every connection state prints no panic: while the broker cannot be reached at
//! start, while connected, and after the connection was lost (lapin retrying). lapin's I/O
//! thread outlives the tokio runtime, and used to panic inside tokio's timer as it shut down
//! ("A Tokio 1.x context was found, but it is being shutdown") in most such stops. Each stop runs
//! in a child process whose standard error is read.

mod support;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{PATIENCE, Relay, TestMov, next, unique};

echo_component!(stop_echo);

/// The component process: the echo through the relay at `VALAWAI_TEST_PORT`, stopped by SIGTERM.
#[test]
#[ignore = "helper process for the stop tests"]
fn stop_child_component() {
    struct Idle;
    impl stop_echo::Handlers for Idle {
        async fn received_message(
            &self,
            _payload: stop_echo::EchoPayload,
            _ctx: stop_echo::Context,
        ) -> valawai::HandlerResult {
            Ok(())
        }
    }
    let Ok(prefix) = std::env::var("VALAWAI_TEST_PREFIX") else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter("warn")
        .with_ansi(false)
        .with_writer(std::io::stderr)
        .try_init();
    let mut config = support::config(&prefix, support::temp_dir(&prefix));
    config.endpoints[0].host = "127.0.0.1".into();
    config.endpoints[0].port = std::env::var("VALAWAI_TEST_PORT").unwrap().parse().unwrap();
    config.handle_signals = true;
    config.max_retries = 100;
    config.retry_sleep = Duration::from_millis(200);
    config.retry_max_sleep = Duration::from_millis(400);
    config.shutdown_deadline = Duration::from_secs(2);
    config.publish_timeout = Duration::from_secs(2);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let result = runtime.block_on(stop_echo::component(Idle).run(config));
    eprintln!("run returned: {result:?}");
}

fn start_child(prefix: &str, port: u16) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "stop_child_component",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("VALAWAI_TEST_PREFIX", prefix)
        .env("VALAWAI_TEST_PORT", port.to_string())
        // The echo's queue names are made unique with the test process's id.
        .env("VALAWAI_TEST_PARENT_PID", std::process::id().to_string())
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the child component")
}

/// Sends SIGTERM, waits for the exit, and returns the child's standard error.
fn terminate(mut child: Child) -> String {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + PATIENCE;
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the component did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit status {}", output.status);
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_quiet(stderr: &str, state: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("being shutdown"),
        "a stop {state} printed a panic:\n{stderr}"
    );
    assert!(
        stderr.contains("run returned: Ok(())"),
        "a stop {state} did not end cleanly:\n{stderr}"
    );
}

/// A port nothing listens on: connections to it are refused.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[tokio::test]
async fn sigterm_while_the_broker_cannot_be_reached_prints_no_panic() {
    support::require_broker().await;
    // Several stops at different moments of the retry cycle (the panic came in 3 of 4).
    let mut children = Vec::new();
    for wait_ms in [300, 500, 700, 900, 1_100, 1_300] {
        let child = start_child(&unique("stop_refused"), closed_port());
        children.push((wait_ms, Instant::now(), child));
    }
    for (wait_ms, started, child) in children {
        tokio::time::sleep_until((started + Duration::from_millis(wait_ms)).into()).await;
        let stderr = tokio::task::spawn_blocking(move || terminate(child))
            .await
            .unwrap();
        assert_quiet(&stderr, &format!("during start-up retries ({wait_ms} ms)"));
    }
}

#[tokio::test]
async fn sigterm_when_connected_or_after_the_connection_was_lost_prints_no_panic() {
    support::require_broker().await;
    for lost in [false, true, true, true] {
        let prefix = unique("stop_lost");
        let mut mov = TestMov::start(&prefix).await;
        let relay = Relay::start().await;
        let child = start_child(&prefix, relay.port);
        let register = next(&mut mov.register, "the register message").await.json();
        mov.send_registered(
            &stop_echo::channels::REGISTERED,
            "65c1f59ea4cb169f42f5edc6",
            &register,
        )
        .await;
        let id_file = std::env::temp_dir()
            .join(format!("valawai-test-{prefix}"))
            .join("component_id.json");
        support::wait_until("the id file", PATIENCE, || id_file.exists()).await;
        if lost {
            // The broker goes away: connections cut, and new ones refused.
            relay.cut().await;
            drop(relay);
            tokio::time::sleep(Duration::from_millis(600)).await;
        }
        let stderr = tokio::task::spawn_blocking(move || terminate(child))
            .await
            .unwrap();
        let state = if lost {
            "after the connection was lost"
        } else {
            "while connected"
        };
        assert_quiet(&stderr, state);
        if lost {
            // Unregistering could not work: a warning says so.
            assert!(
                stderr.contains("WARN valawai::supervisor: cannot unregister from the MOV"),
                "no warning that unregistering failed:\n{stderr}"
            );
        } else {
            next(&mut mov.unregister, "the unregister message").await;
        }
        mov.cleanup().await;
    }
}

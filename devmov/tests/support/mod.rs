//! A broker client and a running development MOV for the tests.
//!
//! Every test that runs a development MOV takes [`serial`] first: two MOVs on one broker would
//! share (and steal from each other) the MOV's queues.

#![allow(dead_code, unused_imports)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::sync::broadcast;
use valawai::{Config, Endpoint};
use valawai_devmov::{DevMov, DevMovHandle, Event};
pub use valawai_testkit::{Client, MOV_QUEUES, PATIENCE, next, url};

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Runs one development MOV at a time in this test binary.
pub async fn serial() -> tokio::sync::MutexGuard<'static, ()> {
    SERIAL.lock().await
}

pub fn config() -> Config {
    let mut config = Config::new(Endpoint::parse_url(&url()).unwrap());
    config.max_retries = 3;
    config.retry_sleep = Duration::from_millis(200);
    config.handle_signals = false;
    config
}

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A development MOV running in this process.
pub struct Running {
    pub handle: DevMovHandle,
    pub events: broadcast::Receiver<Event>,
    task: tokio::task::JoinHandle<Result<(), valawai::RunError>>,
}

impl Running {
    pub async fn start(client: &Client) -> Self {
        for q in MOV_QUEUES {
            client.fresh(q).await;
        }
        Self::with(config()).await
    }

    /// A development MOV with `config` (a virtual host of the test's own, for example).
    pub async fn with(config: Config) -> Self {
        let dev_mov = DevMov::new(config);
        let handle = dev_mov.handle();
        let events = handle.subscribe();
        let task = tokio::spawn(dev_mov.run());
        tokio::time::timeout(PATIENCE, handle.ready())
            .await
            .expect("the development MOV starts");
        Self {
            handle,
            events,
            task,
        }
    }

    /// The next event that `accept` takes, skipping others.
    pub async fn wait_for(&mut self, what: &str, accept: impl Fn(&Event) -> bool) -> Event {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let event = tokio::time::timeout_at(deadline, self.events.recv())
                .await
                .unwrap_or_else(|_| panic!("no {what} within {PATIENCE:?}"))
                .expect("the event stream");
            if accept(&event) {
                return event;
            }
        }
    }

    pub async fn stop(self) {
        self.handle.shutdown();
        tokio::time::timeout(PATIENCE, self.task)
            .await
            .expect("the development MOV stops")
            .unwrap()
            .unwrap();
    }
}

/// A name unique to this run, usable in component names (`\w+`).
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{prefix}_{}_{nanos}", std::process::id())
}

//! How much a benchmark measures: windows, warm-up, phase length, runs and timeouts. The
//! harness follows it and the results record it.

use std::time::Duration;

/// How much to measure.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Plan {
    /// Windows (messages in flight), each measured separately.
    pub windows: Vec<usize>,
    /// Warm-up messages before each measured phase.
    pub warmup: u64,
    /// Messages per measured phase, if limited.
    pub messages: Option<u64>,
    /// Longest measured phase.
    #[serde(serialize_with = "seconds")]
    pub duration: Duration,
    /// Repetitions of the whole set.
    pub runs: usize,
    /// Fail a phase when no echo arrives for this long.
    #[serde(serialize_with = "seconds")]
    pub stall_timeout: Duration,
    /// How long an echo may take to start consuming.
    #[serde(serialize_with = "seconds")]
    pub startup_timeout: Duration,
    /// `taskset -c` CPU list for the echoes, if pinned.
    pub echo_cpus: Option<String>,
    /// Whether this is the quick smoke run.
    pub smoke: bool,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl Plan {
    /// A few hundred messages per window, for CI.
    pub fn smoke(windows: Vec<usize>) -> Self {
        Self {
            windows,
            warmup: 20,
            messages: Some(300),
            duration: Duration::from_secs(10),
            runs: 1,
            stall_timeout: Duration::from_secs(10),
            startup_timeout: Duration::from_secs(30),
            echo_cpus: None,
            smoke: true,
        }
    }
}

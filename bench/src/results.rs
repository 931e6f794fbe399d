//! What a benchmark found: per-run figures, per-window summaries over runs, per-echo status,
//! and the throughput ratios. Serialised as is for `--json`.

use crate::{
    implementations::{Kind, QueueNaming},
    machine::Machine,
    plan::Plan,
    policy::Policy,
    stats::{Latency, Spread},
};

/// The figures of one measured phase.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct RunFigures {
    /// Echoed messages per second.
    pub round_trips_per_s: f64,
    /// Round-trip latency percentiles.
    pub latency: Latency,
    /// Echo process CPU (user + system, all threads) per echoed message, in µs.
    pub echo_cpu_us_per_msg: f64,
    /// Broker CPU per echoed message, in µs, when the broker runs on this machine.
    pub broker_cpu_us_per_msg: Option<f64>,
    /// The driver's own CPU per echoed message, in µs (it shares the machine with the echo).
    pub driver_cpu_us_per_msg: f64,
    /// Echo process peak RSS (`VmHWM`) so far, in MiB.
    pub peak_rss_mib: f64,
    /// Messages sent.
    pub sent: u64,
    /// Distinct messages echoed.
    pub echoed: u64,
    /// Echoes received twice.
    pub duplicates: u64,
    /// Unexpected messages on the output queue.
    pub strays: u64,
    /// MOV logs that reached the log queue during the phase (only with MOV logs on).
    pub mov_logs_received: Option<u64>,
    /// Length of the phase, in seconds.
    pub seconds: f64,
}

/// One window of one echo, over all runs.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct WindowReport {
    /// Messages in flight.
    pub window: usize,
    /// Round trips per second.
    pub round_trips_per_s: Spread,
    /// Median latency, ms.
    pub p50_ms: Spread,
    /// 90th percentile, ms.
    pub p90_ms: Spread,
    /// 99th percentile, ms.
    pub p99_ms: Spread,
    /// 99.9th percentile, ms.
    pub p999_ms: Spread,
    /// Echo CPU per message, µs.
    pub echo_cpu_us_per_msg: Spread,
    /// Broker CPU per message, µs.
    pub broker_cpu_us_per_msg: Option<Spread>,
    /// Peak RSS, MiB.
    pub peak_rss_mib: Spread,
    /// Every run's figures.
    pub runs: Vec<RunFigures>,
}

/// Whether an echo was measured.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Measured in every run.
    Measured,
    /// Not available here (not built, pika not installed); not an error.
    Missing,
    /// Started but failed; the report says why.
    Failed,
}

/// One echo's results.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EchoReport {
    /// Which echo.
    pub kind: Kind,
    /// Its label.
    pub label: String,
    /// Whether it was measured.
    pub status: Status,
    /// Why it is missing or failed.
    pub note: Option<String>,
    /// The command that started it.
    pub command: Option<String>,
    /// Its queues.
    pub queue_naming: Option<QueueNaming>,
    /// Versions of what it runs on, where the driver can tell.
    pub versions: Option<String>,
    /// One entry per window.
    pub windows: Vec<WindowReport>,
}

impl EchoReport {
    /// The median throughput at `window`, if measured.
    pub fn median_rate(&self, window: usize) -> Option<f64> {
        (self.status == Status::Measured)
            .then(|| self.windows.iter().find(|w| w.window == window))
            .flatten()
            .map(|w| w.round_trips_per_s.median)
    }
}

/// Throughput ratios of the medians at the largest window.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Ratios {
    /// The window compared.
    pub window: usize,
    /// (a) / (b): target ≥ 0.95.
    pub generated_over_hand_written: Option<f64>,
    /// (a) / (c): target ≥ 2.
    pub generated_over_pika: Option<f64>,
    /// (b) / (c).
    pub hand_written_over_pika: Option<f64>,
}

/// Everything a benchmark found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Report {
    /// Where.
    pub machine: Machine,
    /// `host:port` of the broker.
    pub broker: String,
    /// Under which rules.
    pub policy: Policy,
    /// How much.
    pub plan: Plan,
    /// The echoes, in order (a), (b), (c).
    pub echoes: Vec<EchoReport>,
    /// The ratios.
    pub ratios: Ratios,
}

impl Report {
    /// Whether any echo failed.
    pub fn has_failures(&self) -> bool {
        self.echoes.iter().any(|e| e.status == Status::Failed)
    }

    /// Fills in [`Report::ratios`] from the medians at the largest window.
    pub fn compute_ratios(&mut self) {
        let largest = self.plan.windows.iter().copied().max().unwrap_or(1);
        self.ratios = Ratios {
            window: largest,
            generated_over_hand_written: self.ratio(Kind::Generated, Kind::HandWritten, largest),
            generated_over_pika: self.ratio(Kind::Generated, Kind::Pika, largest),
            hand_written_over_pika: self.ratio(Kind::HandWritten, Kind::Pika, largest),
        };
    }

    fn ratio(&self, top: Kind, bottom: Kind, window: usize) -> Option<f64> {
        let rate = |kind| {
            self.echoes
                .iter()
                .find(|e| e.kind == kind)
                .and_then(|e| e.median_rate(window))
        };
        Some(rate(top)? / rate(bottom).filter(|r| *r > 0.0)?)
    }
}

impl WindowReport {
    /// Fills in the spreads from the runs.
    pub fn summarise(&mut self) {
        let window = self;
        let runs = &window.runs;
        let spread = |f: fn(&RunFigures) -> f64| Spread::of(runs.iter().map(f));
        window.round_trips_per_s = spread(|r| r.round_trips_per_s);
        window.p50_ms = spread(|r| r.latency.p50_ms);
        window.p90_ms = spread(|r| r.latency.p90_ms);
        window.p99_ms = spread(|r| r.latency.p99_ms);
        window.p999_ms = spread(|r| r.latency.p999_ms);
        window.echo_cpu_us_per_msg = spread(|r| r.echo_cpu_us_per_msg);
        window.broker_cpu_us_per_msg = runs
            .iter()
            .all(|r| r.broker_cpu_us_per_msg.is_some())
            .then(|| Spread::of(runs.iter().filter_map(|r| r.broker_cpu_us_per_msg)))
            .filter(|_| !runs.is_empty());
        window.peak_rss_mib = spread(|r| r.peak_rss_mib);
    }
}

//! Facts about the machine and the software under test, recorded with every report.

use std::{
    fs,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

/// What a report states about where it was measured.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Machine {
    /// CPUs available to the driver.
    pub cpus: usize,
    /// The CPU model from `/proc/cpuinfo`.
    pub cpu_model: String,
    /// Kernel release.
    pub kernel: String,
    /// `/proc/loadavg`'s 1, 5 and 15 minute load averages when the run started.
    pub load_at_start: [f64; 3],
    /// The same when the run ended.
    pub load_at_end: [f64; 3],
    /// CPU pressure (`/proc/pressure/cpu`, "some" avg60: the share of the last minute in which
    /// something was waiting for a CPU, in %) when the run started, where the kernel reports it.
    pub cpu_pressure_at_start: Option<f64>,
    /// The same when the run ended.
    pub cpu_pressure_at_end: Option<f64>,
    /// `rabbitmqctl version`, when it answers (it needs to run as a user allowed to talk to
    /// the node).
    pub rabbitmq: Option<String>,
    /// lapin, from `Cargo.lock`.
    pub lapin: String,
    /// The rustc that built the benchmark.
    pub rustc: String,
    /// `python3 --version` and pika's version, when pika is installed.
    pub python_pika: Option<String>,
    /// Whether the driver is an optimised build (figures from a debug build mean little).
    pub release_build: bool,
}

impl Machine {
    /// Gathers the facts; `ask_broker` runs `rabbitmqctl version` (about a second).
    pub fn probe(ask_broker: bool) -> Self {
        Self {
            cpus: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_model: fs::read_to_string("/proc/cpuinfo")
                .ok()
                .and_then(|text| {
                    text.lines()
                        .find_map(|l| l.strip_prefix("model name"))
                        .and_then(|l| l.split_once(':'))
                        .map(|(_, model)| model.trim().to_owned())
                })
                .unwrap_or_default(),
            kernel: fs::read_to_string("/proc/sys/kernel/osrelease")
                .map(|s| s.trim().to_owned())
                .unwrap_or_default(),
            load_at_start: load_average(),
            load_at_end: [0.0; 3],
            cpu_pressure_at_start: cpu_pressure(),
            cpu_pressure_at_end: None,
            rabbitmq: if ask_broker {
                command_output("rabbitmqctl", &["version"], Duration::from_secs(15))
            } else {
                None
            },
            lapin: crate::LAPIN_VERSION.to_owned(),
            rustc: crate::RUSTC_VERSION.to_owned(),
            python_pika: None,
            release_build: !cfg!(debug_assertions),
        }
    }
}

/// The 1, 5 and 15 minute load averages.
pub fn load_average() -> [f64; 3] {
    let text = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut fields = text.split_whitespace().map(|f| f.parse().unwrap_or(0.0));
    [(); 3].map(|()| fields.next().unwrap_or(0.0))
}

/// The "some avg60" CPU pressure in %, if the kernel has pressure stall information.
pub fn cpu_pressure() -> Option<f64> {
    let text = fs::read_to_string("/proc/pressure/cpu").ok()?;
    parse_pressure(&text)
}

fn parse_pressure(text: &str) -> Option<f64> {
    let some = text.lines().find(|l| l.starts_with("some "))?;
    some.split_whitespace()
        .find_map(|field| field.strip_prefix("avg60="))?
        .parse()
        .ok()
}

/// The trimmed stdout of a command that succeeds within `timeout`.
pub fn command_output(program: &str, args: &[&str], timeout: Duration) -> Option<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    let output = child.wait_with_output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probing_without_the_broker_is_quick_and_filled_in() {
        let machine = Machine::probe(false);
        assert!(machine.cpus >= 1);
        assert!(machine.lapin.starts_with("4."), "{}", machine.lapin);
        assert!(machine.rustc.starts_with("rustc "), "{}", machine.rustc);
        assert_eq!(machine.rabbitmq, None);
    }

    #[test]
    fn pressure_is_the_some_avg60_figure() {
        let text = "some avg10=73.19 avg60=80.96 avg300=62.87 total=620528272\n\
                    full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";
        assert_eq!(parse_pressure(text), Some(80.96));
        assert_eq!(parse_pressure(""), None);
    }

    #[test]
    fn command_output_returns_stdout_or_none() {
        assert_eq!(
            command_output("sh", &["-c", "echo hi"], Duration::from_secs(5)).as_deref(),
            Some("hi")
        );
        assert_eq!(
            command_output("sh", &["-c", "exit 1"], Duration::from_secs(5)),
            None
        );
        assert_eq!(
            command_output("no-such-program-here", &[], Duration::from_secs(1)),
            None
        );
    }
}

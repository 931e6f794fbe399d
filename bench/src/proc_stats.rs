//! What the kernel knows about a process: CPU time (`/proc/<pid>/stat`, user + system, all
//! threads, in clock ticks) and peak resident memory (`VmHWM` in `/proc/<pid>/status`).

use std::{fs, path::PathBuf, process::Command, time::Duration};

use crate::Error;

/// Clock ticks per second for `/proc/<pid>/stat` times (`getconf CLK_TCK`; 100 on Linux when
/// that cannot be asked).
pub fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .filter(|&t| t > 0)
        .unwrap_or(100)
}

/// Converts clock ticks to a duration.
pub fn ticks_to_duration(ticks: u64, ticks_per_second: u64) -> Duration {
    Duration::from_nanos(ticks.saturating_mul(1_000_000_000) / ticks_per_second.max(1))
}

/// User + system CPU time of process `pid` so far, in clock ticks.
pub fn cpu_ticks(pid: u32) -> Result<u64, Error> {
    read_proc(
        pid,
        "stat",
        parse_stat_cpu_ticks,
        "no utime and stime fields",
    )
}

/// Reads `/proc/<pid>/<file>` and takes a figure from it; `missing` says what was not found
/// when `parse` finds nothing.
fn read_proc(
    pid: u32,
    file: &str,
    parse: impl FnOnce(&str) -> Option<u64>,
    missing: &str,
) -> Result<u64, Error> {
    let path = PathBuf::from(format!("/proc/{pid}/{file}"));
    let text = fs::read_to_string(&path).map_err(|e| Error::Proc {
        path: path.clone(),
        message: e.to_string(),
    })?;
    parse(&text).ok_or_else(|| Error::Proc {
        path,
        message: missing.to_owned(),
    })
}

/// `utime + stime` (fields 14 and 15) from the text of `/proc/<pid>/stat`. The command name in
/// field 2 may contain spaces and parentheses, so fields are counted after the last `)`.
pub fn parse_stat_cpu_ticks(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace();
    // After the name come field 3 (state) onwards: utime is field 14, the 12th from here.
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// Start time of process `pid` (field 22, in clock ticks since boot).
fn start_ticks(pid: u32) -> Option<u64> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &text[text.rfind(')')? + 1..];
    after_name.split_whitespace().nth(19)?.parse().ok()
}

/// Peak resident set size of process `pid`, in KiB (`VmHWM`).
pub fn peak_rss_kib(pid: u32) -> Result<u64, Error> {
    read_proc(
        pid,
        "status",
        |text| parse_status_kib(text, "VmHWM"),
        "no VmHWM line",
    )
}

/// The value in kB of a `Name:   1234 kB` line of `/proc/<pid>/status`.
pub fn parse_status_kib(status: &str, name: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(name)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// The RabbitMQ node on this machine, if it runs here: the longest-running `beam.smp` whose
/// command line is a RabbitMQ server (not `rabbitmqctl` and other CLI tools, which are
/// `beam.smp` too).
pub fn find_broker_pid() -> Option<u32> {
    let mut best: Option<(u64, u32)> = None;
    for entry in fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(comm) = fs::read_to_string(format!("/proc/{pid}/comm")) else {
            continue;
        };
        if comm.trim() != "beam.smp" {
            continue;
        }
        let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline);
        let is_server = cmdline.contains("rabbit")
            && ![
                "rabbitmqctl",
                "rabbitmq-plugins",
                "rabbitmq-diagnostics",
                "rabbitmq-queues",
            ]
            .iter()
            .any(|tool| cmdline.contains(tool));
        if !is_server {
            continue;
        }
        if let Some(start) = start_ticks(pid)
            && best.is_none_or(|(oldest, _)| start < oldest)
        {
            best = Some((start, pid));
        }
    }
    best.map(|(_, pid)| pid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_fields_are_counted_after_the_name() {
        let stat = "1234 (tokio (rt) x) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 17 0 0 20 0 \
                    3 0 5000 1000000 500 18446744073709551615";
        assert_eq!(parse_stat_cpu_ticks(stat), Some(267));
    }

    #[test]
    fn status_values_are_read_in_kib() {
        let status = "Name:\techo\nVmPeak:\t  20000 kB\nVmHWM:\t    7321 kB\nVmRSS:\t 7000 kB\n";
        assert_eq!(parse_status_kib(status, "VmHWM"), Some(7321));
        assert_eq!(parse_status_kib(status, "VmSwap"), None);
    }

    #[test]
    fn this_process_can_be_measured() {
        let pid = std::process::id();
        cpu_ticks(pid).unwrap();
        assert!(peak_rss_kib(pid).unwrap() > 0);
        assert_eq!(ticks_to_duration(250, 100), Duration::from_millis(2500));
    }
}

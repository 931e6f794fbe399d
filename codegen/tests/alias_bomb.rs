//! The YAML alias bomb of issue 13: a 100 KB string aliased 10 × 10 × 10 × 10 × 10 times, about
//! 100 KB of text that would expand to 10 GB. It must be refused at an alias, in well under a
//! second of CPU and 100 MB of memory.
//!
//! This file holds one test so that the process's peak memory (`VmHWM`) and CPU time are this
//! load's and nothing else's.

use valawai_codegen::{LoadOptions, load_str};

fn bomb() -> String {
    let mut text = String::from(
        "asyncapi: '2.6.0'\ninfo: {title: bomb, version: '1.0.0'}\nchannels: {}\nx-bomb:\n",
    );
    text.push_str(&format!("  s: &s '{}'\n", "x".repeat(100_000)));
    let mut previous = "s".to_owned();
    for level in 1..=5 {
        let aliases = vec![format!("*{previous}"); 10].join(", ");
        text.push_str(&format!("  a{level}: &a{level} [{aliases}]\n"));
        previous = format!("a{level}");
    }
    text
}

/// A `kB` figure from `/proc/self/status`.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// User plus system CPU time of this process, in clock ticks (fields 14 and 15 of
/// `/proc/self/stat`).
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Field 3 (state) is the first after the name: utime is field 14, stime 15.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn the_alias_bomb_is_refused_quickly_in_little_memory() {
    let text = bomb();
    assert!(
        (100_000..110_000).contains(&text.len()),
        "{} bytes",
        text.len()
    );
    let before = cpu_ticks();
    let error = load_str(&text, "bomb.yaml", &LoadOptions::default()).unwrap_err();
    let ticks = cpu_ticks() - before;
    let peak_mb = status_kb("VmHWM:") / 1024;

    let d = error.errors().next().unwrap();
    assert_eq!(d.code, "too-large", "{error}");
    let at = d.location.as_ref().unwrap();
    assert_eq!(
        (at.line, at.column),
        (8, 32),
        "at the alias that went over: {error}"
    );
    // CPU time rather than wall time, so that a busy machine does not fail the test.
    // Linux counts 100 ticks a second.
    assert!(ticks < 100, "refusing took {ticks} ticks of CPU");
    assert!(peak_mb < 100, "refusing took {peak_mb} MB at its peak");
    eprintln!("refused in {ticks} CPU ticks (1/100 s), peak {peak_mb} MB");
}

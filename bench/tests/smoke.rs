//! Smoke tests of the benchmark driver against the real broker on 127.0.0.1:5672 (or the
//! `RABBITMQ_*` variables). They fail, never skip, when no broker answers. A few hundred messages
//! per window: they check the harness works, not how fast anything is.

use std::process::{Command, Output};
use std::sync::Mutex;

use serde_json::Value;

const DRIVER: &str = env!("CARGO_BIN_EXE_valawai-bench");
const LAPIN_ECHO: &str = env!("CARGO_BIN_EXE_lapin-echo");

/// One driver at a time: a run of the generated slot uses the MOV's queues of the default
/// virtual host, and serves them with its own development MOV unless another one already does;
/// two runs side by side could then each wait for the other's MOV to take their messages.
static SERIAL: Mutex<()> = Mutex::new(());

fn run_driver(args: &[&str]) -> Output {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let output = Command::new(DRIVER)
        .args(args)
        .output()
        .expect("valawai-bench runs");
    assert!(
        output.status.success(),
        "valawai-bench {} failed (is RabbitMQ running on 127.0.0.1:5672?):\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Checks that every run of `echo` echoed all it was sent, with plausible figures.
fn assert_sane(echo: &Value) {
    assert_eq!(echo["status"], "measured", "{echo:#}");
    let windows = echo["windows"].as_array().expect("windows");
    assert_eq!(windows.len(), 2, "windows 1 and 100");
    for window in windows {
        let runs = window["runs"].as_array().expect("runs");
        assert_eq!(runs.len(), 1);
        for run in runs {
            let sent = run["sent"].as_u64().unwrap();
            assert!(sent > 0, "{run:#}");
            assert_eq!(
                run["echoed"].as_u64(),
                Some(sent),
                "every message echoed: {run:#}"
            );
            assert_eq!(run["duplicates"].as_u64(), Some(0), "{run:#}");
            assert_eq!(run["strays"].as_u64(), Some(0), "{run:#}");
            let number = |path: &[&str]| {
                path.iter()
                    .fold(run, |v, key| &v[*key])
                    .as_f64()
                    .unwrap_or_else(|| panic!("{path:?} in {run:#}"))
            };
            assert!(number(&["round_trips_per_s"]) > 0.0, "{run:#}");
            let p50 = number(&["latency", "p50_ms"]);
            assert!(
                p50 > 0.0 && p50 <= number(&["latency", "p99_ms"]),
                "{run:#}"
            );
            assert!(number(&["echo_cpu_us_per_msg"]) >= 0.0, "{run:#}");
            assert!(number(&["peak_rss_mib"]) > 0.0, "{run:#}");
        }
    }
}

#[test]
fn smoke_run_against_the_hand_written_echo() {
    let output = run_driver(&[
        "--smoke",
        "--json",
        "--only",
        "hand-written",
        "--hand-written-cmd",
        LAPIN_ECHO,
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let echoes = report["echoes"].as_array().expect("echoes");
    assert_eq!(echoes.len(), 1);
    assert_eq!(echoes[0]["kind"], "hand-written");
    assert_sane(&echoes[0]);
    assert_eq!(report["plan"]["smoke"], true);
    assert!(report["ratios"]["generated_over_hand_written"].is_null());
}

/// The (a) slot takes any command: with the hand-written echo standing in for the generated
/// one, both are measured and the table ends with the ratio line.
#[test]
fn the_generated_slot_runs_a_given_command_and_the_table_ends_with_the_ratio() {
    let output = run_driver(&[
        "--smoke",
        "--only",
        "generated,hand-written",
        "--generated-cmd",
        LAPIN_ECHO,
        "--generated-queues",
        "unique",
        "--hand-written-cmd",
        LAPIN_ECHO,
    ]);
    let table = String::from_utf8(output.stdout).expect("UTF-8 table");
    let last = table.lines().last().expect("a table");
    let ratio: f64 = last
        .strip_prefix("echo throughput ratio generated/hand-written: ")
        .unwrap_or_else(|| panic!("last line is the ratio:\n{table}"))
        .parse()
        .expect("a number");
    assert!(ratio > 0.0, "{table}");
    assert!(table.contains("(a) generated"), "{table}");
    assert!(table.contains("(b) hand-written lapin"), "{table}");
}

/// The real generated echo, built here in the test profile (the driver finds it next to
/// itself): measured under the shared policy with a development MOV answering its registration,
/// and nothing left in the MOV's queues.
#[test]
fn smoke_run_against_the_generated_echo() {
    let build = Command::new(env!("CARGO"))
        .args([
            "build",
            "--offline",
            "-p",
            "c1_echo_example_with_rust_and_lapin",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        build.status.success(),
        "cannot build the echo example:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let echo = std::path::Path::new(DRIVER).with_file_name("c1_echo_example_with_rust_and_lapin");
    let output = run_driver(&[
        "--smoke",
        "--json",
        "--only",
        "generated",
        "--generated-cmd",
        echo.to_str().expect("a UTF-8 path"),
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let echoes = report["echoes"].as_array().expect("echoes");
    assert_eq!(echoes[0]["kind"], "generated");
    assert_eq!(echoes[0]["queue_naming"], "spec");
    assert_sane(&echoes[0]);
}

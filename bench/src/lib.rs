//! Echo benchmark for valawai-rs (issue 8).
//!
//! One driver process runs, against one broker and with one fairness policy, each echo
//! implementation as a child process: (a) the generated `c1_echo_example_with_rust_and_lapin`,
//! (b) the hand-written lapin echo in this crate (`lapin-echo`), the floor generated code must not
//! fall below, and (c) a tuned pika echo (`bench/pika_echo.py`). For each it measures closed-loop
//! round trips per second and latency percentiles at several windows (messages in flight), the
//! echo's CPU time per message and its peak RSS. The method is in `docs/benchmarks.md`.

#![forbid(unsafe_code)]

pub mod amqp;
pub mod child;
pub mod dev_mov;
pub mod echo_work;
pub mod error;
pub mod harness;
pub mod implementations;
pub mod lapin_echo;
pub mod load;
pub mod machine;
pub mod plan;
pub mod policy;
pub mod proc_stats;
pub mod report;
pub mod results;
pub mod stats;

pub use error::Error;

/// The lapin version this crate was built against (read from `Cargo.lock` by the build script).
pub const LAPIN_VERSION: &str = env!("VALAWAI_BENCH_LAPIN_VERSION");

/// The rustc that built this crate (`rustc --version`, from the build script).
pub const RUSTC_VERSION: &str = env!("VALAWAI_BENCH_RUSTC_VERSION");

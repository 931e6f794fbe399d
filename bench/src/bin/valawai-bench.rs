//! The benchmark driver: runs (a) the generated echo, (b) the hand-written lapin echo and (c)
//! the tuned pika echo against one broker and prints a table whose last line is
//! `echo throughput ratio generated/hand-written: X.XX`. See `docs/benchmarks.md`.

use std::{process::ExitCode, time::Duration};

use clap::Parser;
use valawai_bench::{
    amqp::BrokerConfig,
    harness,
    implementations::{self, Kind, Overrides, QueueNaming},
    machine::Machine,
    plan::Plan,
    policy::{ConfirmPolicy, Policy},
    report,
};

/// Echo benchmark: generated component vs hand-written lapin vs tuned pika, one broker, one run.
///
/// The broker comes from RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME and RABBITMQ_PASSWORD
/// (default 127.0.0.1:5672, guest/guest). Every echo gets them, its queue names and the policy
/// below in VALAWAI_BENCH_* variables.
#[derive(Parser, Debug)]
#[command(name = "valawai-bench", version)]
struct Args {
    /// Windows (messages in flight) to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,100")]
    windows: Vec<usize>,
    /// Seconds of measurement per window (after the warm-up).
    #[arg(long, default_value_t = 10.0)]
    seconds: f64,
    /// Messages per measured window (instead of, or as well as, --seconds).
    #[arg(long)]
    messages: Option<u64>,
    /// Warm-up messages before each measured window.
    #[arg(long, default_value_t = 1000)]
    warmup: u64,
    /// How many times to run the whole set (echoes take turns within a run).
    #[arg(long, default_value_t = 1)]
    runs: usize,
    /// Only these echoes (generated, hand-written, pika), comma-separated.
    #[arg(long, value_delimiter = ',')]
    only: Vec<Kind>,

    /// Consumer prefetch (QoS) of every echo.
    #[arg(long, default_value_t = 100)]
    prefetch: u16,
    /// Messages each echo handles at once (default: the prefetch).
    #[arg(long)]
    concurrency: Option<usize>,
    /// Ack inputs with `multiple` after this many, or when idle (default: a quarter of the
    /// prefetch, as the runtime does).
    #[arg(long)]
    ack_every: Option<usize>,
    /// Publisher confirms: `pipelined` (ack an input after its outputs are confirmed, as the
    /// generated runtime does) or `none`.
    #[arg(long, default_value = "pipelined")]
    confirms: ConfirmPolicy,
    /// Also send the upstream echo's two INFO logs to the MOV per echo.
    #[arg(long)]
    mov_logs: bool,
    /// Publish persistent messages (delivery mode 2) instead of transient ones.
    #[arg(long)]
    persistent: bool,
    /// Tokio worker threads of the Rust echoes ((b) reads VALAWAI_BENCH_ECHO_WORKERS, (a)
    /// TOKIO_WORKER_THREADS); 1 runs their tasks on one thread.
    #[arg(long, default_value_t = 1)]
    echo_workers: usize,

    /// Command line of (a), split on whitespace (default: the
    /// c1_echo_example_with_rust_and_lapin binary next to this one).
    #[arg(long)]
    generated_cmd: Option<String>,
    /// Queues of (a): `spec` (its own channel names; default) or `unique` (per-run names in
    /// VALAWAI_BENCH_INPUT_QUEUE/OUTPUT_QUEUE/LOG_QUEUE, if (a) reads them).
    #[arg(long)]
    generated_queues: Option<QueueNaming>,
    /// Extra environment for (a), KEY=VALUE, repeatable (e.g. its MOV-log switch).
    #[arg(long = "generated-env", value_parser = key_value)]
    generated_env: Vec<(String, String)>,
    /// Command line of (b) (default: the lapin-echo binary next to this one).
    #[arg(long)]
    hand_written_cmd: Option<String>,
    /// Command line of (c) (default: python3 bench/pika_echo.py).
    #[arg(long)]
    pika_cmd: Option<String>,
    /// Pin the echoes to these CPUs with `taskset -c` (e.g. `1`).
    #[arg(long)]
    echo_cpus: Option<String>,

    /// Quick run for CI: 20 warm-up and 300 measured messages per window, one run.
    #[arg(long)]
    smoke: bool,
    /// Print the report as JSON on stdout (the table goes to stderr).
    #[arg(long)]
    json: bool,
    /// Fail a window when no echo arrives for this many seconds.
    #[arg(long, default_value_t = 10.0)]
    stall_timeout: f64,
    /// Seconds an echo may take to start consuming its queue.
    #[arg(long, default_value_t = 60.0)]
    startup_timeout: f64,
}

fn key_value(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("`{s}` is not KEY=VALUE"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("valawai-bench: cannot start the tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(args))
}

async fn run(args: Args) -> ExitCode {
    let plan = if args.smoke {
        Plan::smoke(args.windows.clone())
    } else {
        Plan {
            windows: args.windows.clone(),
            warmup: args.warmup,
            messages: args.messages,
            duration: Duration::from_secs_f64(args.seconds),
            runs: args.runs.max(1),
            stall_timeout: Duration::from_secs_f64(args.stall_timeout),
            startup_timeout: Duration::from_secs_f64(args.startup_timeout),
            echo_cpus: None,
            smoke: false,
        }
    };
    let plan = Plan {
        echo_cpus: args.echo_cpus.clone(),
        startup_timeout: Duration::from_secs_f64(args.startup_timeout),
        ..plan
    };
    let policy = Policy {
        prefetch: args.prefetch,
        concurrency: args.concurrency.unwrap_or(usize::from(args.prefetch)),
        ack_every: args
            .ack_every
            .unwrap_or(usize::from(args.prefetch) / 4)
            .max(1),
        confirms: args.confirms,
        mov_logs: args.mov_logs,
        persistent: args.persistent,
        echo_workers: args.echo_workers.max(1),
    };
    let overrides = Overrides {
        generated_cmd: args.generated_cmd,
        generated_queues: args.generated_queues,
        generated_env: args.generated_env,
        hand_written_cmd: args.hand_written_cmd,
        pika_cmd: args.pika_cmd,
    };
    let kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| args.only.is_empty() || args.only.contains(k))
        .collect();
    let implementations: Vec<_> = kinds
        .iter()
        .map(|&kind| implementations::discover(kind, &overrides))
        .collect();
    for imp in &implementations {
        if let Err(why) = &imp.availability {
            eprintln!("{}: {why}", imp.kind.label());
        }
    }
    let machine = Machine::probe(!args.smoke);
    if !machine.release_build && !args.smoke {
        eprintln!("warning: this is a debug build; use `cargo run --release` for real figures");
    }
    let broker = BrokerConfig::from_env();
    let report = match harness::run(&broker, &plan, &policy, &implementations, machine, |line| {
        eprintln!("{line}")
    })
    .await
    {
        Ok(report) => report,
        Err(e) => {
            eprintln!("valawai-bench: {e}");
            return ExitCode::FAILURE;
        }
    };

    let table = report::table(&report);
    if args.json {
        eprint!("\n{table}");
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("valawai-bench: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("\n{table}");
    }
    if report.has_failures() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

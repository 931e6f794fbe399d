//! The hand-written lapin echo (the benchmark's floor). It takes the broker from `RABBITMQ_*`
//! and everything else from flags or the `VALAWAI_BENCH_*` variables the driver sets; SIGTERM
//! or SIGINT stops it cleanly.

use std::process::ExitCode;

use clap::Parser;
use valawai_bench::{
    amqp::BrokerConfig,
    lapin_echo,
    policy::{self, ConfirmPolicy, Policy, Queues},
};

/// Minimal VALAWAI echo on lapin: receive `{"content": ...}`, publish `{"content": ...}`.
#[derive(Parser, Debug)]
#[command(name = "lapin-echo", version)]
struct Args {
    /// Queue to consume.
    #[arg(long, env = policy::ENV_INPUT_QUEUE)]
    input_queue: String,
    /// Queue to publish echoes to.
    #[arg(long, env = policy::ENV_OUTPUT_QUEUE)]
    output_queue: String,
    /// Queue for MOV logs.
    #[arg(long, env = policy::ENV_LOG_QUEUE, default_value = "valawai/log/add")]
    log_queue: String,
    /// Consumer prefetch (QoS).
    #[arg(long, env = policy::ENV_PREFETCH, default_value_t = 100)]
    prefetch: u16,
    /// Messages handled at once.
    #[arg(long, env = policy::ENV_CONCURRENCY, default_value_t = 100)]
    concurrency: usize,
    /// Ack with `multiple` after this many messages, or when idle.
    #[arg(long, env = policy::ENV_ACK_EVERY, default_value_t = 25)]
    ack_every: usize,
    /// `pipelined` (ack after the outputs are confirmed) or `none`.
    #[arg(long, env = policy::ENV_CONFIRMS, default_value = "pipelined")]
    confirms: ConfirmPolicy,
    /// Send the two INFO logs per echo to the MOV log queue (1 or 0).
    #[arg(long, env = policy::ENV_MOV_LOGS, default_value = "0", value_parser = flag)]
    mov_logs: bool,
    /// Publish persistent messages (1 or 0).
    #[arg(long, env = policy::ENV_PERSISTENT, default_value = "0", value_parser = flag)]
    persistent: bool,
    /// Tokio worker threads; 0 or 1 runs everything on one thread (lapin's I/O has its own
    /// thread either way).
    #[arg(long, env = policy::ENV_ECHO_WORKERS, default_value_t = 1)]
    workers: usize,
}

fn flag(s: &str) -> Result<bool, String> {
    match s {
        "1" | "true" | "on" | "yes" => Ok(true),
        "0" | "false" | "off" | "no" | "" => Ok(false),
        other => Err(format!("`{other}` is not 1 or 0")),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = if args.workers <= 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.workers)
            .enable_all()
            .build()
    };
    let runtime = match runtime {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lapin-echo: cannot start the tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let queues = Queues {
        input: args.input_queue,
        output: args.output_queue,
        log: args.log_queue,
    };
    let policy = Policy {
        prefetch: args.prefetch,
        concurrency: args.concurrency,
        ack_every: args.ack_every,
        confirms: args.confirms,
        mov_logs: args.mov_logs,
        persistent: args.persistent,
        echo_workers: args.workers.max(1),
    };
    let broker = BrokerConfig::from_env();
    eprintln!(
        "lapin-echo: {} -> {} on {}; {}",
        queues.input,
        queues.output,
        broker.address(),
        policy.describe()
    );
    match runtime.block_on(lapin_echo::run(&broker, &queues, &policy, stop_signal())) {
        Ok(counters) => {
            eprintln!(
                "lapin-echo: stopped: {} echoed, {} rejected, {} ack frames",
                counters.echoed, counters.rejected, counters.ack_frames
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lapin-echo: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Completes on SIGTERM or SIGINT.
async fn stop_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        // Without signal handlers the process still dies on SIGTERM, just not cleanly.
        return std::future::pending().await;
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}

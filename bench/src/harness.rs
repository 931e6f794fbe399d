//! One benchmark: every available echo, run after run, window after window, against one broker.
//!
//! For each run and echo: fresh queues (declared as the MOV declares them), a log drain when MOV
//! logs are on, for the generated echo a development MOV (see [`crate::dev_mov`]) and the policy
//! in the runtime's own variables, the echo started as a child process, a wait until the broker reports its
//! consumer, then for each window a warm-up phase and a measured phase. CPU time and peak RSS
//! come from `/proc` around the measured phase. Echoes take turns within a run so that slow
//! drifts in the machine's load spread over all of them.

use std::{path::PathBuf, time::Duration};

use lapin::{
    Connection,
    options::{QueueDeleteOptions, QueuePurgeOptions},
};

use crate::{
    Error,
    amqp::{self, BrokerConfig},
    child::EchoProcess,
    dev_mov::MovForRun,
    implementations::{Implementation, Kind, QueueNaming, Runnable},
    load::{LogDrain, PhasePlan, PhaseResult},
    machine::{self, Machine},
    plan::Plan,
    policy::{Policy, Queues},
    proc_stats,
    results::{EchoReport, Ratios, Report, RunFigures, Status, WindowReport},
    stats::Latency,
};

/// Runs the benchmark. Fails only when the broker cannot be reached or set up; an echo that
/// fails is reported as [`Status::Failed`] and the others still run.
pub async fn run(
    broker: &BrokerConfig,
    plan: &Plan,
    policy: &Policy,
    implementations: &[Implementation],
    mut machine: Machine,
    mut progress: impl FnMut(&str),
) -> Result<Report, Error> {
    let mut connection = amqp::connect(broker, "valawai-bench:driver").await?;
    let work_dir = std::env::temp_dir().join(format!("valawai-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work_dir).map_err(|source| Error::Io {
        what: format!("creating {}", work_dir.display()),
        source,
    })?;
    let env = Environment {
        broker,
        plan,
        policy,
        work_dir: work_dir.clone(),
        ticks_per_second: proc_stats::clock_ticks_per_second(),
        broker_pid: proc_stats::find_broker_pid(),
    };

    let mut echoes: Vec<EchoReport> = implementations
        .iter()
        .map(|imp| EchoReport {
            kind: imp.kind,
            label: imp.kind.label().to_owned(),
            status: if imp.availability.is_ok() {
                Status::Measured
            } else {
                Status::Missing
            },
            note: imp.availability.as_ref().err().cloned(),
            command: imp.availability.as_ref().ok().map(|r| r.command.display()),
            queue_naming: imp.availability.as_ref().ok().map(|r| r.queue_naming),
            versions: imp
                .availability
                .as_ref()
                .ok()
                .and_then(|r| r.versions.clone()),
            windows: plan
                .windows
                .iter()
                .map(|&window| WindowReport {
                    window,
                    ..WindowReport::default()
                })
                .collect(),
        })
        .collect();

    for run in 1..=plan.runs {
        for (imp, report) in implementations.iter().zip(echoes.iter_mut()) {
            let Ok(runnable) = &imp.availability else {
                continue;
            };
            if report.status == Status::Failed {
                continue;
            }
            progress(&format!("{}: run {run}/{}", imp.kind.label(), plan.runs));
            if !connection.status().connected() {
                // The broker closed the driver's connection (a restart, say): the echo that
                // was running is already reported as failed; the next ones get a fresh one.
                progress("reconnecting the driver");
                connection = amqp::connect(broker, "valawai-bench:driver").await?;
            }
            match run_echo(&connection, &env, imp.kind, runnable, run, &mut progress).await {
                Ok(figures) => {
                    for (window, figures) in report.windows.iter_mut().zip(figures) {
                        window.runs.push(figures);
                    }
                }
                Err(error) => {
                    progress(&format!("{}: FAILED: {error}", imp.kind.label()));
                    report.status = Status::Failed;
                    report.note = Some(error.to_string());
                }
            }
        }
    }

    for report in &mut echoes {
        for window in &mut report.windows {
            window.summarise();
        }
    }
    let _ = connection.close(200, "done".into()).await;
    machine.load_at_end = machine::load_average();
    machine.cpu_pressure_at_end = machine::cpu_pressure();
    if !echoes.iter().any(|e| e.status == Status::Failed) {
        let _ = std::fs::remove_dir_all(&work_dir);
    }

    let mut report = Report {
        machine,
        broker: broker.address(),
        policy: policy.clone(),
        plan: plan.clone(),
        echoes,
        ratios: Ratios::default(),
    };
    report.compute_ratios();
    Ok(report)
}

/// What every echo run shares.
struct Environment<'a> {
    broker: &'a BrokerConfig,
    plan: &'a Plan,
    policy: &'a Policy,
    work_dir: PathBuf,
    ticks_per_second: u64,
    broker_pid: Option<u32>,
}

/// One run of one echo over all windows.
async fn run_echo(
    connection: &Connection,
    env: &Environment<'_>,
    kind: Kind,
    runnable: &Runnable,
    run: usize,
    progress: &mut impl FnMut(&str),
) -> Result<Vec<RunFigures>, Error> {
    let tag = format!(
        "{}_{run}_{}",
        std::process::id(),
        kind.key().replace('-', "_")
    );
    let queues = runnable.queue_naming.queues(&tag);
    let admin = amqp::open_channel(connection).await?;
    prepare_queues(&admin, &queues, runnable.queue_naming, env.policy.mov_logs).await?;
    // The generated echo is a VALAWAI component: a MOV answers its register and unregister.
    let mut mov = match kind {
        Kind::Generated => Some(MovForRun::start(&admin, env.broker).await?),
        _ => None,
    };
    let mut result = drive_echo(
        connection,
        &admin,
        env,
        kind,
        runnable,
        &queues,
        &tag,
        mov.as_mut(),
        progress,
    )
    .await;
    if let Some(mov) = mov {
        // An echo's own failure explains more than what it left in the MOV's queues.
        if let (Ok(_), Err(error)) = (&result, mov.finish(&admin).await) {
            result = Err(error);
        }
    }
    // Clean up even after a failure, so failed runs leave no queues behind.
    let cleaned = cleanup_queues(&admin, &queues, runnable.queue_naming, env.policy.mov_logs).await;
    let _ = admin.close(200, "done".into()).await;
    let figures = result?;
    cleaned?;
    Ok(figures)
}

/// Starts the echo on prepared queues, measures every window and stops it.
#[allow(clippy::too_many_arguments)]
async fn drive_echo(
    connection: &Connection,
    admin: &lapin::Channel,
    env: &Environment<'_>,
    kind: Kind,
    runnable: &Runnable,
    queues: &Queues,
    tag: &str,
    mut mov: Option<&mut MovForRun>,
    progress: &mut impl FnMut(&str),
) -> Result<Vec<RunFigures>, Error> {
    let logs = if env.policy.mov_logs {
        Some(LogDrain::start(connection, &queues.log).await?)
    } else {
        None
    };
    let mut load = crate::load::Load::new(connection, queues, env.policy.persistent).await?;

    let mut command = runnable.command.clone();
    let log_dir = env.work_dir.join(format!("{tag}-logs"));
    let mut vars = env.broker.env_vars();
    vars.extend(env.policy.env_vars());
    vars.extend(queues.env_vars());
    vars.extend([
        ("LOG_DIR".to_owned(), log_dir.to_string_lossy().into_owned()),
        ("RABBITMQ_MAX_RETRIES".to_owned(), "5".to_owned()),
        ("RABBITMQ_RETRY_SLEEP".to_owned(), "1".to_owned()),
    ]);
    if kind == Kind::Generated {
        vars.extend(env.policy.runtime_env_vars());
    }
    vars.append(&mut command.env);
    command.env = vars;
    if let Some(cpus) = &env.plan.echo_cpus {
        command = command.pinned(cpus);
    }
    let mut process = EchoProcess::spawn(
        kind.label(),
        &command,
        &env.work_dir.join(format!("{tag}.log")),
    )?;
    process
        .wait_until_consuming(admin, &queues.input, env.plan.startup_timeout)
        .await?;
    // The MOV registers the echo, then stays out of the data path.
    if let Some(mov) = mov.as_deref_mut() {
        mov.pause().await?;
    }

    let mut all = Vec::with_capacity(env.plan.windows.len());
    for &window in &env.plan.windows {
        let figures = measure_window(&mut load, &mut process, env, logs.as_ref(), window).await;
        let figures = match figures {
            Ok(figures) => figures,
            Err(error) => {
                // An echo that died explains a stall better than the stall does.
                process.check_running()?;
                return Err(error);
            }
        };
        progress(&format!(
            "  window {window}: {:.0} round trips/s, p50 {:.3} ms, p99 {:.3} ms, \
             {:.1} µs CPU/msg, {:.1} MiB",
            figures.round_trips_per_s,
            figures.latency.p50_ms,
            figures.latency.p99_ms,
            figures.echo_cpu_us_per_msg,
            figures.peak_rss_mib
        ));
        all.push(figures);
    }
    process.check_running()?;
    if let Some(mov) = mov {
        mov.resume().await?;
    }
    process.stop(Duration::from_secs(10))?;
    Ok(all)
}

/// The queues a run uses: the echo's input and output, and its MOV log queue when logs are on.
fn queues_of_a_run(queues: &Queues, mov_logs: bool) -> Vec<&String> {
    let mut names = vec![&queues.input, &queues.output];
    if mov_logs {
        names.push(&queues.log);
    }
    names
}

/// Empties a queue.
async fn purge(channel: &lapin::Channel, name: &str) -> Result<(), Error> {
    channel
        .queue_purge(name.into(), QueuePurgeOptions::default())
        .await
        .map_err(Error::amqp(format!("queue.purge {name}")))?;
    Ok(())
}

/// Declares the echo's queues (as the MOV would) and makes sure they are empty and, for the
/// spec's shared names, that nobody else consumes them.
async fn prepare_queues(
    channel: &lapin::Channel,
    queues: &Queues,
    naming: QueueNaming,
    mov_logs: bool,
) -> Result<(), Error> {
    for name in queues_of_a_run(queues, mov_logs) {
        let consumers = amqp::declare_queue(channel, name).await?;
        if consumers > 0 && naming == QueueNaming::Spec {
            return Err(Error::QueueBusy {
                queue: name.clone(),
                consumers,
            });
        }
        purge(channel, name).await?;
    }
    Ok(())
}

/// Deletes per-run queues; empties the spec's shared ones.
async fn cleanup_queues(
    channel: &lapin::Channel,
    queues: &Queues,
    naming: QueueNaming,
    mov_logs: bool,
) -> Result<(), Error> {
    for name in queues_of_a_run(queues, mov_logs) {
        match naming {
            QueueNaming::Unique => {
                channel
                    .queue_delete(name.as_str().into(), QueueDeleteOptions::default())
                    .await
                    .map_err(Error::amqp(format!("queue.delete {name}")))?;
            }
            QueueNaming::Spec => purge(channel, name).await?,
        }
    }
    Ok(())
}

/// Warm-up, then one measured phase at `window`.
async fn measure_window(
    load: &mut crate::load::Load,
    process: &mut EchoProcess,
    env: &Environment<'_>,
    logs: Option<&LogDrain>,
    window: usize,
) -> Result<RunFigures, Error> {
    let plan = env.plan;
    if plan.warmup > 0 {
        load.run_phase(&PhasePlan {
            window,
            messages: Some(plan.warmup),
            duration: Duration::from_secs(3600),
            stall_timeout: plan.stall_timeout,
        })
        .await?;
    }
    process.check_running()?;
    let pid = process.pid();
    let cpu_before = proc_stats::cpu_ticks(pid)?;
    let broker_before = env.broker_pid.and_then(|p| proc_stats::cpu_ticks(p).ok());
    let driver_before = proc_stats::cpu_ticks(std::process::id())?;
    let logs_before = logs.map(LogDrain::count);
    let mut result = load
        .run_phase(&PhasePlan {
            window,
            messages: plan.messages,
            duration: plan.duration,
            stall_timeout: plan.stall_timeout,
        })
        .await?;
    let cpu_after = proc_stats::cpu_ticks(pid)?;
    let broker_after = env.broker_pid.and_then(|p| proc_stats::cpu_ticks(p).ok());
    let driver_after = proc_stats::cpu_ticks(std::process::id())?;
    let peak_rss_kib = proc_stats::peak_rss_kib(pid)?;
    let per_message = |ticks: u64, result: &PhaseResult| {
        let cpu = proc_stats::ticks_to_duration(ticks, env.ticks_per_second);
        cpu.as_secs_f64() * 1e6 / result.echoed.max(1) as f64
    };
    Ok(RunFigures {
        round_trips_per_s: result.round_trips_per_second(),
        latency: Latency::from_samples(&mut result.latencies),
        echo_cpu_us_per_msg: per_message(cpu_after.saturating_sub(cpu_before), &result),
        broker_cpu_us_per_msg: broker_before
            .zip(broker_after)
            .map(|(before, after)| per_message(after.saturating_sub(before), &result)),
        driver_cpu_us_per_msg: per_message(driver_after.saturating_sub(driver_before), &result),
        peak_rss_mib: peak_rss_kib as f64 / 1024.0,
        sent: result.sent,
        echoed: result.echoed,
        duplicates: result.duplicates,
        strays: result.strays,
        mov_logs_received: logs
            .map(LogDrain::count)
            .zip(logs_before)
            .map(|(after, before)| after - before),
        seconds: result.elapsed.as_secs_f64(),
    })
}

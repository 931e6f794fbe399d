//! `valawai mov demo`: the whole story in one command. The development MOV starts in this
//! process, the echo example as a child process; a message goes in, its echo and the logs come
//! out, then SIGTERM makes the echo unregister.

use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::Duration;

use futures_util::StreamExt;
use lapin::options::{BasicConsumeOptions, BasicPublishOptions};
use lapin::types::FieldTable;
use tokio::sync::broadcast;
use valawai_devmov::{DevMov, Event};

use crate::broker::BrokerArgs;
use crate::common::Failure;

const ECHO: &str = "c1_echo_example_with_rust_and_lapin";
const RECEIVED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/received_message";
const PUBLISHED: &str = "valawai/c1/echo_example_with_rust_and_lapin/data/publish_message";
const PATIENCE: Duration = Duration::from_secs(30);

/// Arguments of `valawai mov demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    broker: BrokerArgs,
    /// The echo example's binary. Default: built with cargo from this repository.
    #[arg(long, value_name = "PATH")]
    echo: Option<PathBuf>,
}

pub(super) async fn run(args: &Args) -> Result<ExitCode, Failure> {
    let config = args.broker.config()?;
    demo(args, config).await.map_err(Failure::new)?;
    println!("demo | done: registered, echoed, logged, refused an invalid message, unregistered");
    Ok(ExitCode::SUCCESS)
}

async fn demo(args: &Args, config: valawai::Config) -> Result<(), String> {
    let endpoint = config.endpoints[0].clone();
    let mut mov_config = config.clone();
    mov_config.handle_signals = false;
    let dev_mov = DevMov::new(mov_config);
    let handle = dev_mov.handle();
    let mut events = handle.subscribe();
    let server = tokio::spawn(dev_mov.run());
    tokio::select! {
        () = handle.ready() => {}
        result = server => {
            return Err(match result {
                Ok(Err(e)) => format!("{e}; {}", super::NO_BROKER),
                _ => "the development MOV stopped".into(),
            });
        }
    }
    println!(
        "demo | development MOV ready (a stand-in for the real MOV, for local development only)"
    );

    let binary = match &args.echo {
        Some(path) => path.clone(),
        None => build_echo()?,
    };
    let log_dir = std::env::temp_dir().join(format!("valawai-demo-{}", std::process::id()));
    std::fs::create_dir_all(&log_dir).map_err(|e| format!("{}: {e}", log_dir.display()))?;
    println!("demo | starting {}", binary.display());
    let mut echo = tokio::process::Command::new(&binary)
        // The whole endpoint, virtual host included (the RABBITMQ_* variables have none).
        .env("AMQP_ADDR", endpoint.url_with_password().expose())
        .env("LOG_DIR", &log_dir)
        .env("LOG_CONSOLE_LEVEL", "INFO")
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;

    let id = wait_for(&mut events, "the echo's registration", |e| match e {
        Event::Registered { component, .. } if component.name == ECHO => Some(component.id.clone()),
        _ => None,
    })
    .await?;
    let id_file = log_dir.join("component_id.json");
    wait_until("the id file", || id_file.exists()).await?;
    println!("demo | the echo wrote its id file {}", id_file.display());

    let connection = valawai::connection::open(&config, "valawai_demo")
        .await
        .map_err(|e| e.to_string())?;
    let channel = connection
        .create_channel()
        .await
        .map_err(|e| e.to_string())?;
    channel
        .queue_declare(
            PUBLISHED.into(),
            valawai::conventions::queue_declare_options(),
            valawai::conventions::queue_arguments(),
        )
        .await
        .map_err(|e| e.to_string())?;
    let mut echoes = channel
        .basic_consume(
            PUBLISHED.into(),
            "valawai_demo".into(),
            BasicConsumeOptions {
                no_ack: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .map_err(|e| e.to_string())?;
    let content = format!("Hello from the valawai demo {}", std::process::id());
    let message = serde_json::json!({ "content": content }).to_string();
    println!("demo | sending {message} to {RECEIVED}");
    let publish = |body: String| {
        let channel = channel.clone();
        async move {
            channel
                .basic_publish(
                    "".into(),
                    RECEIVED.into(),
                    BasicPublishOptions::default(),
                    body.as_bytes(),
                    valawai::conventions::mov_properties(),
                )
                .await
                .map_err(|e| e.to_string())
        }
    };
    publish(message).await?;
    let delivery = tokio::time::timeout(PATIENCE, echoes.next())
        .await
        .map_err(|_| format!("no echo on {PUBLISHED} within {PATIENCE:?}"))?
        .ok_or("the consumer of the echoes was cancelled")?
        .map_err(|e| e.to_string())?;
    println!(
        "demo | echoed on {PUBLISHED}: {}",
        String::from_utf8_lossy(&delivery.data)
    );
    for expected in ["Received a message to echo", "Sent Echoed message"] {
        wait_for(&mut events, expected, |e| {
            matches!(e, Event::Log(r) if r.level == "INFO" && r.message == expected && r.component_id.as_deref() == Some(id.as_str()))
                .then_some(())
        })
        .await?;
    }
    println!("demo | sending an invalid message {{\"content\": \"\"}}");
    publish(r#"{"content": ""}"#.into()).await?;
    wait_for(&mut events, "an ERROR log for the invalid message", |e| {
        matches!(e, Event::Log(r) if r.level == "ERROR" && r.component_id.as_deref() == Some(id.as_str()))
            .then_some(())
    })
    .await?;

    println!("demo | sending SIGTERM to the echo");
    terminate(&echo)?;
    wait_for(&mut events, "the echo's unregistration", |e| {
        matches!(e, Event::Unregistered { id: gone, .. } if *gone == id).then_some(())
    })
    .await?;
    let status = tokio::time::timeout(PATIENCE, echo.wait())
        .await
        .map_err(|_| "the echo did not stop")?
        .map_err(|e| e.to_string())?;
    println!(
        "demo | the echo stopped ({status}); id file removed: {}",
        !id_file.exists()
    );
    let _ = channel.close(200, "demo done".into()).await;
    let _ = connection.close(200, "demo done".into()).await;
    handle.shutdown();
    let _ = std::fs::remove_dir_all(&log_dir);
    Ok(())
}

/// Prints events until `accept` takes one, and returns what it took from it.
async fn wait_for<T>(
    events: &mut broadcast::Receiver<Event>,
    what: &str,
    accept: impl Fn(&Event) -> Option<T>,
) -> Result<T, String> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let event = tokio::time::timeout_at(deadline, events.recv())
            .await
            .map_err(|_| format!("no {what} within {PATIENCE:?}"))?
            .map_err(|e| e.to_string())?;
        println!("mov  | {event}");
        if let Some(taken) = accept(&event) {
            return Ok(taken);
        }
    }
}

async fn wait_until(what: &str, condition: impl Fn() -> bool) -> Result<(), String> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !condition() {
        if tokio::time::Instant::now() > deadline {
            return Err(format!("no {what} within {PATIENCE:?}"));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(())
}

fn terminate(child: &tokio::process::Child) -> Result<(), String> {
    let pid = child.id().ok_or("the echo has already exited")?;
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .map_err(|e| format!("cannot run kill: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("kill -TERM {pid} failed"))
}

/// Builds the echo example with the cargo that runs this command, from this repository.
///
/// Together with this command's own package and in this command's profile: cargo then resolves
/// the features of the dependencies as it did when it built this command, and reuses what it
/// built (only the echo's own crate is compiled), instead of building the dependencies again with
/// the echo's features alone.
fn build_echo() -> Result<PathBuf, String> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let manifest = workspace.join("examples/echo/Cargo.toml");
    if !manifest.exists() {
        return Err(format!(
            "the echo example is not at {}: pass --echo <path to {ECHO}>",
            manifest.display()
        ));
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let profile: &[&str] = if cfg!(debug_assertions) {
        &[]
    } else {
        &["--release"]
    };
    println!(
        "demo | building the echo example ({cargo} build -p {ECHO} -p {}{})",
        env!("CARGO_PKG_NAME"),
        if profile.is_empty() { "" } else { " --release" }
    );
    let output = std::process::Command::new(&cargo)
        .args([
            "build",
            "-p",
            ECHO,
            "-p",
            env!("CARGO_PKG_NAME"),
            "--message-format=json-render-diagnostics",
        ])
        .args(profile)
        .arg("--manifest-path")
        .arg(workspace.join("Cargo.toml"))
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {cargo}: {e}; pass --echo <path to {ECHO}>"))?;
    if !output.status.success() {
        return Err(format!("{cargo} build -p {ECHO} failed"));
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|m| m["target"]["name"] == ECHO)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| format!("{cargo} built no {ECHO} binary"))
}

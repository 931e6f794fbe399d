//! `c1_echo_example_with_rust_and_lapin`: the Rust port of VALAWAI's C1 echo example
//! (`VALAWAI/C1_echo_example_with_python_and_pika`).
//!
//! It registers with the MOV, and for every message on
//! `valawai/c1/echo_example_with_rust_and_lapin/data/received_message` that has a non-empty
//! string `content`, logs `Received a message to echo` (INFO) to the MOV, publishes
//! `{"content": ...}` on `.../data/publish_message` and logs `Sent Echoed message` (INFO). Any
//! other message, JSON that is not an object included, gets an ERROR log to the MOV and the
//! component carries on. SIGINT or SIGTERM unregisters it and removes its id file.
//!
//! Configuration comes from the environment, as for the Python components: `RABBITMQ_HOST`
//! (default `mov-mq`), `RABBITMQ_PORT`, `RABBITMQ_USERNAME`, `RABBITMQ_PASSWORD`,
//! `RABBITMQ_MAX_RETRIES`, `RABBITMQ_RETRY_SLEEP`, `LOG_DIR`, `COMPONET_ID_FILE_NAME` and
//! `LOG_CONSOLE_LEVEL` (default `INFO`).

valawai::include_component!(mod echo);

use std::process::ExitCode;

use echo::{Context, EchoPayload};
use valawai::HandlerResult;

/// The echo handlers.
struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    /// Echoes the content of a valid message; the runtime has already refused an invalid one
    /// with an ERROR log to the MOV.
    #[receive("valawai/c1/echo_example_with_rust_and_lapin/data/received_message")]
    async fn echo(&self, message: EchoPayload, ctx: Context) -> HandlerResult {
        ctx.mov()
            .info("Received a message to echo")
            .payload(&message)
            .await;
        // Only `content` is echoed: unknown members were dropped when the payload was decoded.
        let echoed = EchoPayload {
            content: message.content,
        };
        ctx.publisher().publish_message(&echoed).await?;
        ctx.mov().info("Sent Echoed message").payload(&echoed).await;
        Ok(())
    }
}

/// The handler tested in memory, without a broker (`valawai::testing`).
#[cfg(test)]
mod tests;

#[tokio::main]
async fn main() -> ExitCode {
    // LOG_CONSOLE_LEVEL (or RUST_LOG), colours only at a terminal.
    valawai::init_logging();
    let config = match valawai::Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            tracing::error!("Could not start the component: {e}");
            return ExitCode::from(2);
        }
    };
    match echo::component(Echo).run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("Could not start the component: {e}");
            ExitCode::FAILURE
        }
    }
}

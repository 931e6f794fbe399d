//! Connecting to RabbitMQ from the command line, with the VALAWAI
//! variables and a short timeout: a tool a person waits on must say quickly
//! that the broker is not there.

use std::time::Duration;

use valawai::Endpoint;
use valawai::conventions::BrokerVariables;
use valawai::lapin::Connection;

use crate::common::Failure;

/// Where the broker is.
#[derive(Debug, clap::Args)]
pub struct BrokerArgs {
    /// The broker, as `amqp://user:password@host:port/vhost`. By default
    /// `AMQP_ADDR` (its first URL), else `RABBITMQ_HOST`, `RABBITMQ_PORT`,
    /// `RABBITMQ_USERNAME` and `RABBITMQ_PASSWORD`, else
    /// `amqp://guest:guest@127.0.0.1:5672/`.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Give up connecting after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value = "5")]
    connect_timeout: f64,
}

impl BrokerArgs {
    /// The endpoint the arguments and the environment name.
    pub fn endpoint(&self) -> Result<Endpoint, Failure> {
        let vars = BrokerVariables::from_env();
        let url = self
            .url
            .clone()
            .or_else(|| vars.first_url().map(str::to_owned));
        if let Some(url) = url {
            return Endpoint::parse_url(&url).map_err(|e| {
                Failure::new(format!("bad broker URL: {e}"))
                    .hint("write it as amqp://user:password@host:port/vhost")
            });
        }
        let port = vars.port().map_err(|e| {
            Failure::new(format!("RABBITMQ_PORT: {e}"))
                .hint("set RABBITMQ_PORT to a number such as 5672, or unset it")
        })?;
        Ok(Endpoint::new(
            vars.host.unwrap_or_else(|| "127.0.0.1".to_owned()),
            port.unwrap_or(5672),
            vars.username.unwrap_or_else(|| "guest".to_owned()),
            vars.password.unwrap_or_else(|| "guest".to_owned()),
        ))
    }

    /// A runtime configuration for the broker, for the development MOV and the components the
    /// CLI starts: few retries, since a person is waiting.
    pub fn config(&self) -> Result<valawai::Config, Failure> {
        let mut config = valawai::Config::new(self.endpoint()?);
        config.max_retries = 3;
        config.retry_sleep = Duration::from_millis(500);
        config.connect_timeout = Duration::from_secs_f64(self.connect_timeout.max(0.1));
        Ok(config)
    }

    /// Connects, or fails within the connect timeout. The connection is the runtime's own (its
    /// transport keeps the password out of lapin and checks incoming headers; see
    /// `valawai::wire`), with one attempt: a person is waiting.
    pub async fn connect(&self, name: &str) -> Result<(Connection, Endpoint), Failure> {
        let mut config = self.config()?;
        config.max_retries = 1;
        let endpoint = config.endpoints[0].clone();
        if endpoint.tls {
            return Err(
                Failure::new("amqps:// is not supported by the command line yet")
                    .hint("use an amqp:// URL, or a TLS-terminating proxy"),
            );
        }
        valawai::connection::open(&config, name)
            .await
            .map(|connection| (connection, endpoint.clone()))
            .map_err(|e| {
                Failure::new(format!(
                    "cannot connect to the broker at {endpoint}: {}",
                    e.last_error
                ))
                .hint(
                    "start RabbitMQ, or point at it with --url amqp://user:password@host:port/ \
                     (or RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME, RABBITMQ_PASSWORD)",
                )
            })
    }
}

/// A tokio runtime for a subcommand that talks to the broker.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::new(format!("cannot start the async runtime: {e}")))
}

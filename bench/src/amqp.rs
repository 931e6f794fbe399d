//! Broker settings, connecting with a timeout, and VALAWAI-shaped queue declarations.

use std::time::Duration;

use lapin::{Channel, Connection, ConnectionProperties};
use valawai::conventions::{self, BrokerVariables};

use crate::Error;

/// How long a connection attempt may take before the benchmark gives up.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the broker is, from the VALAWAI variables `RABBITMQ_HOST`, `RABBITMQ_PORT`,
/// `RABBITMQ_USERNAME` and `RABBITMQ_PASSWORD`, and `RABBITMQ_VHOST` (a virtual host of the
/// benchmark's own, away from other users of the broker's queues).
///
/// The defaults are the local development broker (`127.0.0.1:5672`, `guest`/`guest`), not the
/// VALAWAI Docker defaults, because the benchmark runs next to the broker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerConfig {
    /// Host name or address.
    pub host: String,
    /// AMQP port.
    pub port: u16,
    /// User name.
    pub username: String,
    /// Password; never printed.
    pub password: String,
    /// Virtual host (`/` by default).
    pub vhost: String,
}

impl Default for BrokerConfig {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 5672,
            username: "guest".to_owned(),
            password: "guest".to_owned(),
            vhost: "/".to_owned(),
        }
    }
}

impl BrokerConfig {
    /// Reads the `RABBITMQ_*` variables, falling back to [`BrokerConfig::default`].
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`BrokerConfig::from_env`], with the variables looked up by `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let default = Self::default();
        let vhost = lookup("RABBITMQ_VHOST").filter(|v| !v.trim().is_empty());
        let vars = BrokerVariables::from_lookup(lookup);
        Self {
            port: vars.port().ok().flatten().unwrap_or(default.port),
            host: vars.host.unwrap_or(default.host),
            username: vars.username.unwrap_or(default.username),
            password: vars.password.unwrap_or(default.password),
            vhost: vhost.unwrap_or(default.vhost),
        }
    }

    /// `host:port` (and the virtual host when it is not `/`), safe to print.
    pub fn address(&self) -> String {
        if self.vhost == "/" {
            format!("{}:{}", self.host, self.port)
        } else {
            format!("{}:{} (virtual host {})", self.host, self.port, self.vhost)
        }
    }

    /// The AMQP URI without query, with the credentials and the virtual host percent-encoded.
    /// Contains the password: never print it.
    fn base_uri(&self) -> String {
        format!(
            "amqp://{}:{}@{}:{}/{}",
            percent_encode(&self.username),
            percent_encode(&self.password),
            self.host,
            self.port,
            percent_encode(&self.vhost),
        )
    }

    /// The AMQP URI the benchmark connects with. Contains the password: never print it.
    pub fn uri(&self) -> String {
        format!(
            "{}?heartbeat=30&connection_timeout={}",
            self.base_uri(),
            CONNECT_TIMEOUT.as_millis()
        )
    }

    /// The variables that hand these settings to an echo process. The valawai runtime reads
    /// no `RABBITMQ_VHOST`: another virtual host than `/` also goes in its `AMQP_ADDR`.
    pub fn env_vars(&self) -> Vec<(String, String)> {
        let mut vars = vec![
            (BrokerVariables::HOST.to_owned(), self.host.clone()),
            (BrokerVariables::PORT.to_owned(), self.port.to_string()),
            (BrokerVariables::USERNAME.to_owned(), self.username.clone()),
            (BrokerVariables::PASSWORD.to_owned(), self.password.clone()),
            ("RABBITMQ_VHOST".to_owned(), self.vhost.clone()),
        ];
        if self.vhost != "/" {
            vars.push((BrokerVariables::AMQP_ADDR.to_owned(), self.base_uri()));
        }
        vars
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Connects on the current tokio runtime, giving up after [`CONNECT_TIMEOUT`].
pub async fn connect(broker: &BrokerConfig, connection_name: &str) -> Result<Connection, Error> {
    let properties =
        ConnectionProperties::default().with_connection_name(connection_name.to_owned().into());
    match tokio::time::timeout(
        CONNECT_TIMEOUT,
        Connection::connect(&broker.uri(), properties),
    )
    .await
    {
        Ok(Ok(connection)) => Ok(connection),
        Ok(Err(source)) => Err(Error::Connect {
            address: broker.address(),
            source,
        }),
        Err(_) => Err(Error::ConnectTimeout {
            address: broker.address(),
            timeout: CONNECT_TIMEOUT,
        }),
    }
}

/// Opens a channel on `connection`.
pub async fn open_channel(connection: &Connection) -> Result<Channel, Error> {
    connection
        .create_channel()
        .await
        .map_err(Error::amqp("channel.open"))
}

/// Declares `queue` as the MOV declares component queues (durable, not exclusive, not
/// auto-delete, no arguments) and returns how many consumers it has.
pub async fn declare_queue(channel: &Channel, queue: &str) -> Result<u32, Error> {
    Ok(queue_counts(channel, queue).await?.consumers)
}

/// What the broker reports about a queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueueCounts {
    /// Messages ready for delivery (not counting delivered, unacked ones).
    pub messages: u32,
    /// Consumers.
    pub consumers: u32,
}

/// Declares `queue` like [`declare_queue`] and returns its message and consumer counts.
pub async fn queue_counts(channel: &Channel, queue: &str) -> Result<QueueCounts, Error> {
    let declared = channel
        .queue_declare(
            queue.into(),
            conventions::queue_declare_options(),
            conventions::queue_arguments(),
        )
        .await
        .map_err(Error::amqp(format!("queue.declare {queue}")))?;
    Ok(QueueCounts {
        messages: declared.message_count(),
        consumers: declared.consumer_count(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_local_broker() {
        let config = BrokerConfig::from_lookup(|_| None);
        assert_eq!(config, BrokerConfig::default());
        assert_eq!(config.address(), "127.0.0.1:5672");
    }

    #[test]
    fn variables_override_defaults_and_credentials_are_encoded() {
        let config = BrokerConfig::from_lookup(|name| match name {
            "RABBITMQ_HOST" => Some("mq".into()),
            "RABBITMQ_PORT" => Some("5673".into()),
            "RABBITMQ_USERNAME" => Some("mov".into()),
            "RABBITMQ_PASSWORD" => Some("p@ss/word".into()),
            _ => None,
        });
        assert_eq!(config.address(), "mq:5673");
        assert!(
            config
                .uri()
                .starts_with("amqp://mov:p%40ss%2Fword@mq:5673/%2F?")
        );
        assert!(
            !config
                .env_vars()
                .iter()
                .any(|(name, _)| name == "AMQP_ADDR"),
            "the default virtual host needs no AMQP_ADDR"
        );
    }

    #[test]
    fn a_virtual_host_of_its_own_reaches_every_echo() {
        let config = BrokerConfig::from_lookup(|name| match name {
            "RABBITMQ_VHOST" => Some("bench/1".into()),
            _ => None,
        });
        assert_eq!(config.address(), "127.0.0.1:5672 (virtual host bench/1)");
        assert!(
            config
                .uri()
                .starts_with("amqp://guest:guest@127.0.0.1:5672/bench%2F1?")
        );
        let vars = config.env_vars();
        let var = |name: &str| {
            vars.iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(var("RABBITMQ_VHOST"), Some("bench/1"));
        assert_eq!(
            var("AMQP_ADDR"),
            Some("amqp://guest:guest@127.0.0.1:5672/bench%2F1")
        );
    }
}

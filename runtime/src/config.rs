//! Runtime configuration: where the broker is, how to retry, where the id file goes.
//!
//! [`Config::from_env`] reads the variables the VALAWAI Python components read, with the same
//! defaults; [`Config::new`] and the `with_*` methods build one in code. A password is kept in a
//! [`Secret`], whose `Debug` and `Display` print `***`: no configuration, log line or error of this
//! crate shows it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::consumer::ChannelSettings;
use crate::mov::{MovChannels, MovLogLevel};
use crate::publisher::DeliveryMode;
pub use crate::secret::Secret;

/// Default `RABBITMQ_HOST`.
pub const DEFAULT_HOST: &str = "mov-mq";
/// Default `RABBITMQ_PORT`.
pub const DEFAULT_PORT: u16 = 5672;
/// Default `RABBITMQ_USERNAME`.
pub const DEFAULT_USERNAME: &str = "mov";
/// Default `RABBITMQ_PASSWORD`.
pub const DEFAULT_PASSWORD: &str = "password";
/// Default `RABBITMQ_MAX_RETRIES`: connection attempts before giving up.
pub const DEFAULT_MAX_RETRIES: u32 = 100;
/// Default `RABBITMQ_RETRY_SLEEP`, in seconds.
pub const DEFAULT_RETRY_SLEEP_SECS: u64 = 3;
/// Default `LOG_DIR`.
pub const DEFAULT_LOG_DIR: &str = "logs";
/// Default `COMPONET_ID_FILE_NAME` (the upstream spelling).
pub const DEFAULT_ID_FILE_NAME: &str = "component_id.json";
/// Default interval of the MOV restart watch (`VALAWAI_MOV_WATCH=on`).
pub const DEFAULT_MOV_WATCH: Duration = Duration::from_secs(2);

/// The type of the queues a component declares for its receive channels
/// (`VALAWAI_QUEUE_TYPE`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum QueueType {
    /// Classic queues, declared as the MOV and the Python components declare them: durable and
    /// without arguments. The default. A classic queue lives on one node of a cluster.
    #[default]
    Classic,
    /// Quorum queues (`x-queue-type: quorum`, durable): replicated on the nodes of a cluster,
    /// they survive the loss of a minority of them.
    Quorum,
}

impl std::str::FromStr for QueueType {
    type Err = String;

    /// `classic` or `quorum`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "classic" => Ok(Self::Classic),
            "quorum" => Ok(Self::Quorum),
            _ => Err(format!("`{s}` is not a queue type (classic or quorum)")),
        }
    }
}

/// Parses `VALAWAI_MOV_WATCH`: `on`, `off`, or an interval (`2s`, `500ms`, or seconds).
fn parse_mov_watch(value: &str) -> Result<Option<Duration>, String> {
    let v = value.trim().to_ascii_lowercase();
    let interval = match v.as_str() {
        "on" | "true" | "yes" => return Ok(Some(DEFAULT_MOV_WATCH)),
        "off" | "false" | "no" | "0" => return Ok(None),
        _ => {
            let (number, unit) = match v.strip_suffix("ms") {
                Some(n) => (n, 0.001),
                None => (v.strip_suffix('s').unwrap_or(&v), 1.0),
            };
            number
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(|n| n * unit)
                .ok_or_else(|| {
                    format!("`{value}` is not `on`, `off` or an interval such as `2s` or `500ms`")
                })?
        }
    };
    if !(0.1..=3600.0).contains(&interval) {
        return Err(format!(
            "the interval {interval} s is not between 100 ms and one hour"
        ));
    }
    Ok(Some(Duration::from_secs_f64(interval)))
}

/// One broker address: scheme, host, port, credentials and virtual host.
///
/// Its `Display` is `amqp://user@host:port/vhost`, without the password.
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `true` for `amqps://` (TLS; needs the crate's `tls` feature).
    pub tls: bool,
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// User name.
    pub username: String,
    /// Password.
    pub password: Secret,
    /// Virtual host (`/` by default).
    pub vhost: String,
}

impl Endpoint {
    /// A plain `amqp://` endpoint on the default virtual host.
    pub fn new(
        host: impl Into<String>,
        port: u16,
        username: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        Self {
            tls: false,
            host: host.into(),
            port,
            username: username.into(),
            password: Secret::new(password),
            vhost: "/".into(),
        }
    }

    /// `host:port`, the form used in logs and errors (IPv6 hosts in brackets).
    pub fn host_port(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// The endpoint as a URL with the password, everything percent-encoded, for handing it to a
    /// child process (`AMQP_ADDR`). It is a [`Secret`], so it does not get printed by mistake.
    pub fn url_with_password(&self) -> Secret {
        fn encode(text: &str) -> String {
            text.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect()
        }
        Secret::new(format!(
            "{}://{}:{}@{}/{}",
            if self.tls { "amqps" } else { "amqp" },
            encode(&self.username),
            encode(self.password.expose()),
            self.host_port(),
            encode(&self.vhost)
        ))
    }

    /// Parses `amqp://user:password@host:port/vhost` or `amqps://...`, with a real URL parser
    /// (WHATWG, the `url` crate).
    ///
    /// The user, password, host and vhost are percent-decoded, so any character can be written
    /// in them (`/` as `%2F`, `@` as `%40`, `:` as `%3A`, `%` as `%25`). Query parameters
    /// (`heartbeat`, ...) are ignored: the [`Config`] sets them. Errors never repeat the URL,
    /// which may hold a password, and a URL with an `@` after its host is refused: that is a
    /// password with an unencoded `/`, `?` or `#`, which would otherwise be read as host, port
    /// and path, and printed.
    pub fn parse_url(url: &str) -> Result<Self, UrlError> {
        let parsed = url::Url::parse(url.trim()).map_err(UrlError::Invalid)?;
        let tls = match parsed.scheme() {
            "amqp" => false,
            "amqps" => true,
            _ => return Err(UrlError::Scheme),
        };
        let after_host = [Some(parsed.path()), parsed.query(), parsed.fragment()];
        if after_host
            .into_iter()
            .flatten()
            .any(|part| part.contains('@'))
        {
            return Err(UrlError::AtAfterHost);
        }
        let host = match parsed.host() {
            Some(url::Host::Domain(d)) => percent_decode(d, "host")?,
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => String::new(),
        };
        if host.is_empty() {
            return Err(UrlError::NoHost);
        }
        let port = parsed.port().unwrap_or(if tls { 5671 } else { 5672 });
        let (username, password) = match (parsed.username(), parsed.password()) {
            ("", None) => ("guest".to_string(), "guest".to_string()),
            (user, password) => (
                percent_decode(user, "user name")?,
                percent_decode(password.unwrap_or_default(), "password")?,
            ),
        };
        let vhost = match parsed.path() {
            "" | "/" => "/".to_string(),
            p => percent_decode(&p[1..], "virtual host")?,
        };
        Ok(Self {
            tls,
            host,
            port,
            username,
            password: Secret::new(password),
            vhost,
        })
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.tls { "amqps" } else { "amqp" };
        write!(f, "{scheme}://{}@{}", self.username, self.host_port())?;
        if self.vhost != "/" {
            write!(f, "/{}", self.vhost)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Endpoint({self})")
    }
}

/// Why an AMQP URL was refused ([`Endpoint::parse_url`]). It never holds the URL, which may
/// hold a password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrlError {
    /// No URL in the list.
    #[error("no URL given")]
    Empty,
    /// Not a URL at all.
    #[error("not a valid URL: {0}")]
    Invalid(url::ParseError),
    /// A scheme other than `amqp` or `amqps`.
    #[error("the scheme must be amqp:// or amqps://")]
    Scheme,
    /// An `@` after the host: a password with an unencoded `/`, `?` or `#`.
    #[error(
        "an `@` comes after the host: a user name or password holding `/`, `?`, `#` or `@` \
         must be percent-encoded (`%2F`, `%3F`, `%23`, `%40`)"
    )]
    AtAfterHost,
    /// No host.
    #[error("the host is missing")]
    NoHost,
    /// A `%` not followed by two hexadecimal digits.
    #[error("{part}: a `%` is not followed by two hexadecimal digits")]
    BadEscape {
        /// `host`, `user name`, `password` or `virtual host`.
        part: &'static str,
    },
    /// Percent-decoding gives bytes that are not UTF-8.
    #[error("{part}: percent-decoding gives invalid UTF-8")]
    NotUtf8 {
        /// `host`, `user name`, `password` or `virtual host`.
        part: &'static str,
    },
}

fn percent_decode(s: &str, part: &'static str) -> Result<String, UrlError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or(UrlError::BadEscape { part })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| UrlError::NotUtf8 { part })
}

/// A configuration value that could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// An environment variable holds a value of the wrong form.
    #[error("environment variable {name}: {message}")]
    Invalid {
        /// The variable.
        name: &'static str,
        /// What is wrong (never the value of a password or URL).
        message: String,
    },
    /// An AMQP URL could not be parsed.
    #[error("AMQP URL number {index} in {source_name}: {source}")]
    Url {
        /// Where the URL came from (an environment variable or `Config::with_urls`).
        source_name: &'static str,
        /// 1-based position in the list.
        index: usize,
        /// What is wrong (never the URL itself).
        source: UrlError,
    },
    /// A cluster list mixes credentials or virtual hosts.
    #[error(
        "all AMQP URLs of a cluster must use the same user, password and virtual host \
         (URL number {index} differs from the first)"
    )]
    MixedCluster {
        /// 1-based position of the first URL that differs.
        index: usize,
    },
    /// A health and metrics address was given, but the crate was built without the `http`
    /// feature.
    #[error(
        "VALAWAI_HTTP_ADDR is set, but valawai was built without its `http` feature; \
         enable it in Cargo.toml (valawai = {{ features = [\"http\"] }})"
    )]
    HttpDisabled,
    /// TLS was asked for, but the crate was built without the `tls` feature.
    #[error(
        "{endpoint} uses amqps:// but valawai was built without its `tls` feature; \
         enable it in Cargo.toml (valawai = {{ features = [\"tls\"] }})"
    )]
    TlsDisabled {
        /// The endpoint, without password.
        endpoint: String,
    },
}

/// Everything the runtime needs besides the component itself.
#[derive(Clone, Debug)]
pub struct Config {
    /// Brokers tried in turn (a cluster), at start and on reconnection.
    pub endpoints: Vec<Endpoint>,
    /// Connection attempts at start (`RABBITMQ_MAX_RETRIES`); also the budget of each
    /// reconnection.
    pub max_retries: u32,
    /// Delay before the first retry (`RABBITMQ_RETRY_SLEEP`); later delays double, with jitter,
    /// up to [`Config::retry_max_sleep`].
    pub retry_sleep: Duration,
    /// Upper bound of the delay between attempts.
    pub retry_max_sleep: Duration,
    /// Timeout of each attempt (TCP connect, then the AMQP handshake).
    pub connect_timeout: Duration,
    /// AMQP heartbeat in seconds (`RABBITMQ_HEARTBEAT`); 0 disables it.
    pub heartbeat: u16,
    /// Folder of the component-id file (`LOG_DIR`).
    pub log_dir: PathBuf,
    /// Name of the component-id file (`COMPONET_ID_FILE_NAME` or `COMPONENT_ID_FILE_NAME`).
    pub id_file_name: String,
    /// How long to wait for the MOV's registered notification before warning.
    pub registration_timeout: Duration,
    /// How long in-flight handlers may run once a shutdown started.
    pub shutdown_deadline: Duration,
    /// How long a publish may wait for the broker (including a reconnection) before failing.
    pub publish_timeout: Duration,
    /// Listen to SIGINT and SIGTERM (Ctrl-C elsewhere) and shut down on the first one.
    pub handle_signals: bool,
    /// On a second signal, exit the process at once with status 130. When `false`, a second
    /// signal makes `run` return [`crate::RunError::Forced`] instead.
    pub exit_on_second_signal: bool,
    /// Declare the MOV's inbound queues (register, unregister, log) before registering, so a
    /// register sent before the MOV ever ran on this broker is queued instead of dropped.
    pub declare_mov_queues: bool,
    /// The MOV's channel names (the protocol's names by default).
    pub mov_channels: MovChannels,
    /// Certificate authorities (PEM) to trust for `amqps://` besides the system's, for a broker
    /// whose certificate a private CA signed (`RABBITMQ_TLS_CA_FILE`).
    pub tls_ca_pem: Option<String>,
    /// Prefetch of the receive channels whose settings the code left at
    /// [`ChannelSettings::default`] (`VALAWAI_PREFETCH`); `None` keeps the default.
    pub prefetch: Option<u16>,
    /// Handlers running at once on those channels (`VALAWAI_CONCURRENCY`); `None` keeps the
    /// default.
    pub concurrency: Option<usize>,
    /// Finished messages acked at once on those channels (`VALAWAI_ACK_BATCH`); `None` keeps
    /// the default, a quarter of the prefetch.
    pub ack_batch: Option<usize>,
    /// Delivery mode of messages to channels without settings of their own, unless the code set
    /// [`crate::Component::default_publish_settings`] (`VALAWAI_DELIVERY_MODE`); `None` keeps
    /// the default, persistent.
    pub delivery_mode: Option<DeliveryMode>,
    /// The least severe log sent to the MOV (`VALAWAI_MOV_LOG_LEVEL`); less severe ones only go
    /// to `tracing`. Everything by default.
    pub mov_log_level: MovLogLevel,
    /// How often to check that the MOV still consumes its register queue, to register again
    /// after a MOV restart (`VALAWAI_MOV_WATCH`); `None` turns the watch off. Every 2 s by
    /// default.
    pub mov_watch: Option<Duration>,
    /// The type of the queues declared for the receive channels (`VALAWAI_QUEUE_TYPE`);
    /// classic by default.
    pub queue_type: QueueType,
    /// Where to serve `/healthz`, `/readyz` and `/metrics` over HTTP (`VALAWAI_HTTP_ADDR`, for
    /// example `127.0.0.1:9464`); needs the crate's `http` feature. Off by default.
    pub http_addr: Option<std::net::SocketAddr>,
}

impl Config {
    /// A configuration for the given broker, with the VALAWAI defaults for everything else.
    pub fn new(endpoint: Endpoint) -> Self {
        Self {
            endpoints: vec![endpoint],
            max_retries: DEFAULT_MAX_RETRIES,
            retry_sleep: Duration::from_secs(DEFAULT_RETRY_SLEEP_SECS),
            retry_max_sleep: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            heartbeat: 60,
            log_dir: PathBuf::from(DEFAULT_LOG_DIR),
            id_file_name: DEFAULT_ID_FILE_NAME.into(),
            registration_timeout: Duration::from_secs(30),
            shutdown_deadline: Duration::from_secs(10),
            publish_timeout: Duration::from_secs(30),
            handle_signals: true,
            exit_on_second_signal: true,
            declare_mov_queues: true,
            mov_channels: MovChannels::default(),
            tls_ca_pem: None,
            prefetch: None,
            concurrency: None,
            ack_batch: None,
            delivery_mode: None,
            mov_log_level: MovLogLevel::default(),
            mov_watch: Some(DEFAULT_MOV_WATCH),
            queue_type: QueueType::Classic,
            http_addr: None,
        }
    }

    /// Reads the process environment (see [`Config::from_lookup`]).
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (a variable name to its value).
    ///
    /// | variable | default |
    /// |---|---|
    /// | `RABBITMQ_HOST` | `mov-mq` |
    /// | `RABBITMQ_PORT` | `5672` |
    /// | `RABBITMQ_USERNAME` | `mov` |
    /// | `RABBITMQ_PASSWORD` | `password` |
    /// | `RABBITMQ_MAX_RETRIES` | `100` |
    /// | `RABBITMQ_RETRY_SLEEP` | `3` (seconds) |
    /// | `RABBITMQ_HEARTBEAT` | `60` (seconds) |
    /// | `LOG_DIR` | `logs` |
    /// | `COMPONET_ID_FILE_NAME` or `COMPONENT_ID_FILE_NAME` | `component_id.json` |
    /// | `AMQP_ADDR` | unset: one `amqp://` or `amqps://` URL, or several separated by commas (a cluster, tried in turn); replaces the `RABBITMQ_HOST`... variables |
    /// | `RABBITMQ_TLS_CA_FILE` | unset: a PEM file of certificate authorities to trust for `amqps://`, besides the system's |
    ///
    /// Tuning, for receive channels whose settings the code left at [`ChannelSettings::default`]
    /// (generated code and [`crate::Component::on`] do; settings given to
    /// [`crate::Component::channel_settings`], or other settings given to
    /// [`crate::Component::receive`], are kept) and for publishing:
    ///
    /// | variable | default |
    /// |---|---|
    /// | `VALAWAI_PREFETCH` | `50`: unacked messages the broker sends ahead, per receive channel (1 to 65535) |
    /// | `VALAWAI_CONCURRENCY` | `50`: handlers running at once per receive channel; `1` handles messages in order |
    /// | `VALAWAI_ACK_BATCH` | a quarter of the prefetch: finished messages acked with one `multiple` ack |
    /// | `VALAWAI_DELIVERY_MODE` | `persistent`, or `transient`: messages to channels without publish settings of their own, unless the code set [`crate::Component::default_publish_settings`] |
    /// | `VALAWAI_MOV_LOG_LEVEL` | `debug` (everything): the least severe log sent to the MOV, `info`, `warn`, `error` or `off`; the others are only logged locally through `tracing` |
    ///
    /// Operations:
    ///
    /// | variable | default |
    /// |---|---|
    /// | `VALAWAI_MOV_WATCH` | `on` (every 2 s): register again when the MOV comes back after it stopped consuming `valawai/component/register`; `off`, or an interval such as `5s` or `500ms` |
    /// | `VALAWAI_QUEUE_TYPE` | `classic`: the type of the receive channels' queues; `quorum` for a cluster |
    /// | `VALAWAI_HTTP_ADDR` | unset: the address of the `/healthz`, `/readyz` and `/metrics` endpoints, such as `127.0.0.1:9464` (needs the `http` feature) |
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let broker = crate::conventions::BrokerVariables::from_lookup(&lookup);
        let endpoints = match broker.amqp_addr {
            Some(urls) => parse_url_list(&urls, "AMQP_ADDR")?,
            None => {
                let port = broker.port().map_err(|e| ConfigError::Invalid {
                    name: "RABBITMQ_PORT",
                    message: e.to_string(),
                })?;
                vec![Endpoint::new(
                    broker.host.unwrap_or_else(|| DEFAULT_HOST.into()),
                    port.unwrap_or(DEFAULT_PORT),
                    broker.username.unwrap_or_else(|| DEFAULT_USERNAME.into()),
                    broker.password.unwrap_or_else(|| DEFAULT_PASSWORD.into()),
                )]
            }
        };
        let mut config = Self::new(endpoints[0].clone());
        config.endpoints = endpoints;
        if let Some(v) = get("RABBITMQ_MAX_RETRIES") {
            config.max_retries = parse_number(&v, "RABBITMQ_MAX_RETRIES")?;
            if config.max_retries == 0 {
                return Err(ConfigError::Invalid {
                    name: "RABBITMQ_MAX_RETRIES",
                    message: "must be at least 1".into(),
                });
            }
        }
        if let Some(v) = get("RABBITMQ_RETRY_SLEEP") {
            let secs: f64 = v.trim().parse().map_err(|_| ConfigError::Invalid {
                name: "RABBITMQ_RETRY_SLEEP",
                message: format!("`{v}` is not a number of seconds"),
            })?;
            if !(0.0..=3600.0).contains(&secs) {
                return Err(ConfigError::Invalid {
                    name: "RABBITMQ_RETRY_SLEEP",
                    message: format!("{secs} is not between 0 and 3600 seconds"),
                });
            }
            config.retry_sleep = Duration::from_secs_f64(secs);
            config.retry_max_sleep = config.retry_max_sleep.max(config.retry_sleep);
        }
        if let Some(v) = get("RABBITMQ_HEARTBEAT") {
            config.heartbeat = parse_number(&v, "RABBITMQ_HEARTBEAT")?;
        }
        if let Some(v) = get("LOG_DIR") {
            config.log_dir = PathBuf::from(v);
        }
        if let Some(v) = get("COMPONET_ID_FILE_NAME").or_else(|| get("COMPONENT_ID_FILE_NAME")) {
            config.id_file_name = v;
        }
        if let Some(path) = get("RABBITMQ_TLS_CA_FILE") {
            config = config.with_tls_ca_file(&path)?;
        }
        if let Some(v) = get("VALAWAI_PREFETCH") {
            config.prefetch = Some(parse_positive(&v, "VALAWAI_PREFETCH")?);
        }
        if let Some(v) = get("VALAWAI_CONCURRENCY") {
            config.concurrency = Some(parse_positive(&v, "VALAWAI_CONCURRENCY")?);
        }
        if let Some(v) = get("VALAWAI_ACK_BATCH") {
            config.ack_batch = Some(parse_positive(&v, "VALAWAI_ACK_BATCH")?);
        }
        if let Some(v) = get("VALAWAI_DELIVERY_MODE") {
            config.delivery_mode = Some(match v.trim().to_ascii_lowercase().as_str() {
                "persistent" | "2" => DeliveryMode::Persistent,
                "transient" | "1" => DeliveryMode::Transient,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "VALAWAI_DELIVERY_MODE",
                        message: format!("`{v}` is not `persistent` or `transient`"),
                    });
                }
            });
        }
        if let Some(v) = get("VALAWAI_MOV_LOG_LEVEL") {
            config.mov_log_level = v.parse().map_err(|message| ConfigError::Invalid {
                name: "VALAWAI_MOV_LOG_LEVEL",
                message,
            })?;
        }
        if let Some(v) = get("VALAWAI_MOV_WATCH") {
            config.mov_watch = parse_mov_watch(&v).map_err(|message| ConfigError::Invalid {
                name: "VALAWAI_MOV_WATCH",
                message,
            })?;
        }
        if let Some(v) = get("VALAWAI_QUEUE_TYPE") {
            config.queue_type = v.parse().map_err(|message| ConfigError::Invalid {
                name: "VALAWAI_QUEUE_TYPE",
                message,
            })?;
        }
        if let Some(v) = get("VALAWAI_HTTP_ADDR") {
            config.http_addr = Some(v.trim().parse().map_err(|_| ConfigError::Invalid {
                name: "VALAWAI_HTTP_ADDR",
                message: format!("`{v}` is not an address such as 127.0.0.1:9464"),
            })?);
        }
        config.check()?;
        Ok(config)
    }

    /// Replaces the brokers with one URL or a comma-separated list of URLs (a cluster).
    pub fn with_urls(mut self, urls: &str) -> Result<Self, ConfigError> {
        self.endpoints = parse_url_list(urls, "Config::with_urls")?;
        self.check()?;
        Ok(self)
    }

    /// Sets the connection attempts and the first delay between them.
    pub fn with_retries(mut self, max_retries: u32, retry_sleep: Duration) -> Self {
        self.max_retries = max_retries.max(1);
        self.retry_sleep = retry_sleep;
        self.retry_max_sleep = self.retry_max_sleep.max(retry_sleep);
        self
    }

    /// Sets the folder of the component-id file.
    pub fn with_log_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.log_dir = dir.into();
        self
    }

    /// Trusts the certificate authorities of a PEM file for `amqps://`, besides the system's.
    pub fn with_tls_ca_file(mut self, path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let pem = std::fs::read_to_string(path).map_err(|e| ConfigError::Invalid {
            name: "RABBITMQ_TLS_CA_FILE",
            message: format!("cannot read `{}`: {e}", path.display()),
        })?;
        if !pem.contains("-----BEGIN CERTIFICATE-----") {
            return Err(ConfigError::Invalid {
                name: "RABBITMQ_TLS_CA_FILE",
                message: format!("`{}` holds no PEM certificate", path.display()),
            });
        }
        self.tls_ca_pem = Some(pem);
        Ok(self)
    }

    /// `settings` with this configuration's prefetch, concurrency and ack batch, where set: what
    /// a receive channel left at the default settings runs with.
    pub fn tune_channel(&self, mut settings: ChannelSettings) -> ChannelSettings {
        if let Some(prefetch) = self.prefetch {
            settings = settings.prefetch(prefetch);
        }
        if let Some(concurrency) = self.concurrency {
            settings = settings.concurrency(concurrency);
        }
        if let Some(batch) = self.ack_batch {
            settings = settings.ack_batch(batch);
        }
        settings
    }

    /// The path of the component-id file: `log_dir/id_file_name`.
    pub fn id_file_path(&self) -> PathBuf {
        Path::new(&self.log_dir).join(&self.id_file_name)
    }

    /// The brokers as `host:port` separated by commas, for messages.
    pub fn endpoints_display(&self) -> String {
        self.endpoints
            .iter()
            .map(Endpoint::host_port)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Checks what `from_env` and `with_urls` check: TLS availability and one set of
    /// credentials per cluster.
    pub fn check(&self) -> Result<(), ConfigError> {
        if self.http_addr.is_some() && !cfg!(feature = "http") {
            return Err(ConfigError::HttpDisabled);
        }
        let Some(first) = self.endpoints.first() else {
            return Err(ConfigError::Invalid {
                name: "AMQP_ADDR",
                message: "no broker address".into(),
            });
        };
        for (i, e) in self.endpoints.iter().enumerate() {
            if e.tls && !cfg!(feature = "tls") {
                return Err(ConfigError::TlsDisabled {
                    endpoint: e.to_string(),
                });
            }
            if e.username != first.username
                || e.password != first.password
                || e.vhost != first.vhost
            {
                return Err(ConfigError::MixedCluster { index: i + 1 });
            }
        }
        Ok(())
    }
}

fn parse_number<T: std::str::FromStr>(value: &str, name: &'static str) -> Result<T, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::Invalid {
        name,
        message: format!("`{value}` is not a valid number"),
    })
}

fn parse_positive<T: std::str::FromStr + Default + PartialEq>(
    value: &str,
    name: &'static str,
) -> Result<T, ConfigError> {
    let n: T = parse_number(value, name)?;
    if n == T::default() {
        return Err(ConfigError::Invalid {
            name,
            message: "must be at least 1".into(),
        });
    }
    Ok(n)
}

fn parse_url_list(urls: &str, source_name: &'static str) -> Result<Vec<Endpoint>, ConfigError> {
    let endpoints = urls
        .split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .enumerate()
        .map(|(i, url)| {
            Endpoint::parse_url(url).map_err(|source| ConfigError::Url {
                source_name,
                index: i + 1,
                source,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if endpoints.is_empty() {
        return Err(ConfigError::Url {
            source_name,
            index: 1,
            source: UrlError::Empty,
        });
    }
    Ok(endpoints)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn defaults_are_the_valawai_ones() {
        let c = Config::from_lookup(lookup(&[])).unwrap();
        let e = &c.endpoints[0];
        assert_eq!(
            (e.host.as_str(), e.port, e.username.as_str()),
            ("mov-mq", 5672, "mov")
        );
        assert_eq!(e.password.expose(), "password");
        assert_eq!(e.vhost, "/");
        assert_eq!(c.max_retries, 100);
        assert_eq!(c.retry_sleep, Duration::from_secs(3));
        assert_eq!(
            c.id_file_path(),
            Path::new("logs").join("component_id.json")
        );
    }

    #[test]
    fn reads_every_variable_and_both_spellings_of_the_id_file() {
        let c = Config::from_lookup(lookup(&[
            ("RABBITMQ_HOST", "broker"),
            ("RABBITMQ_PORT", "5673"),
            ("RABBITMQ_USERNAME", "u"),
            ("RABBITMQ_PASSWORD", "p@ss"),
            ("RABBITMQ_MAX_RETRIES", "7"),
            ("RABBITMQ_RETRY_SLEEP", "0.5"),
            ("RABBITMQ_HEARTBEAT", "600"),
            ("LOG_DIR", "/tmp/x"),
            ("COMPONENT_ID_FILE_NAME", "id.json"),
        ]))
        .unwrap();
        let e = &c.endpoints[0];
        assert_eq!(e.host_port(), "broker:5673");
        assert_eq!((e.username.as_str(), e.password.expose()), ("u", "p@ss"));
        assert_eq!(c.max_retries, 7);
        assert_eq!(c.retry_sleep, Duration::from_millis(500));
        assert_eq!(c.heartbeat, 600);
        assert_eq!(c.id_file_path(), Path::new("/tmp/x/id.json"));
        let upstream = Config::from_lookup(lookup(&[
            ("COMPONET_ID_FILE_NAME", "a.json"),
            ("COMPONENT_ID_FILE_NAME", "b.json"),
        ]))
        .unwrap();
        assert_eq!(
            upstream.id_file_name, "a.json",
            "the upstream spelling wins"
        );
    }

    #[test]
    fn bad_numbers_name_the_variable() {
        let err = Config::from_lookup(lookup(&[("RABBITMQ_PORT", "http")])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "environment variable RABBITMQ_PORT: `http` is not a port number"
        );
        let err = Config::from_lookup(lookup(&[("RABBITMQ_MAX_RETRIES", "0")])).unwrap_err();
        assert!(err.to_string().contains("RABBITMQ_MAX_RETRIES"), "{err}");
        let err = Config::from_lookup(lookup(&[("RABBITMQ_RETRY_SLEEP", "-1")])).unwrap_err();
        assert!(err.to_string().contains("RABBITMQ_RETRY_SLEEP"), "{err}");
    }

    #[test]
    fn amqp_addr_overrides_and_lists_a_cluster() {
        let c = Config::from_lookup(lookup(&[
            ("RABBITMQ_HOST", "ignored"),
            (
                "AMQP_ADDR",
                "amqp://guest:s%3Acret@10.0.0.1:5673/%2f, amqp://guest:s%3Acret@[::1]/%2f",
            ),
        ]))
        .unwrap();
        assert_eq!(c.endpoints.len(), 2);
        assert_eq!(c.endpoints[0].host_port(), "10.0.0.1:5673");
        assert_eq!(c.endpoints[0].password.expose(), "s:cret");
        assert_eq!(c.endpoints[0].vhost, "/");
        assert_eq!(c.endpoints[1].host_port(), "[::1]:5672");
        assert_eq!(c.endpoints_display(), "10.0.0.1:5673, [::1]:5672");
    }

    #[test]
    fn url_forms() {
        let e = Endpoint::parse_url("amqp://h").unwrap();
        assert_eq!(
            (
                e.host.as_str(),
                e.port,
                e.username.as_str(),
                e.vhost.as_str()
            ),
            ("h", 5672, "guest", "/")
        );
        let e = Endpoint::parse_url("amqps://u:p@h/vh?heartbeat=5").unwrap();
        assert!(e.tls);
        assert_eq!((e.port, e.vhost.as_str()), (5671, "vh"));
        for bad in [
            "http://h",
            "amqp://",
            "amqp://u:p@h:99999",
            "amqp://[::1",
            "amqp://h/%zz",
        ] {
            assert!(Endpoint::parse_url(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn passwords_never_show() {
        let url = "amqp://user:hunter2@host:1/%2f";
        let e = Endpoint::parse_url(url).unwrap();
        assert_eq!(e.to_string(), "amqp://user@host:1");
        assert!(!format!("{e:?}").contains("hunter2"));
        let c = Config::new(e);
        assert!(!format!("{c:?}").contains("hunter2"));
        // A broken URL holding a password: the error does not repeat it.
        let err = Config::from_lookup(lookup(&[("AMQP_ADDR", "amqp://user:hunter2@host:x")]))
            .unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
        let err = Config::from_lookup(lookup(&[(
            "AMQP_ADDR",
            "amqp://a:hunter2@h1,amqp://b:hunter2@h2",
        )]))
        .unwrap_err();
        assert!(matches!(err, ConfigError::MixedCluster { index: 2 }));
    }

    #[test]
    fn user_info_may_hold_any_character_percent_encoded() {
        let e =
            Endpoint::parse_url("amqp://us%40er:44%2F17%3ATail%25%40x@host:5673/v%2Fh").unwrap();
        assert_eq!(
            (
                e.username.as_str(),
                e.password.expose(),
                e.host.as_str(),
                e.port,
                e.vhost.as_str()
            ),
            ("us@er", "44/17:Tail%@x", "host", 5673, "v/h")
        );
        let e = Endpoint::parse_url("amqp://u:p@[::1]:5/").unwrap();
        assert_eq!(
            (e.host.as_str(), e.port, e.host_port()),
            ("::1", 5, "[::1]:5".into())
        );
        let e = Endpoint::parse_url("amqp://u:p@10.0.0.1").unwrap();
        assert_eq!(e.host, "10.0.0.1");
        // A password with a raw `/`, `?` or `#`: refused, and not repeated.
        for url in [
            "amqp://user:4417/Tail@host/",
            "amqp://user:4417?Tail@host/",
            "amqp://user:4417#Tail@host/",
        ] {
            let err = Endpoint::parse_url(url).unwrap_err();
            assert_eq!(err, UrlError::AtAfterHost);
            let err = err.to_string();
            assert!(!err.contains("4417") && !err.contains("Tail"), "{err}");
            assert!(err.contains("%2F"), "{err}");
        }
        let e =
            Endpoint::parse_url("amqp://us%40er:44%2F17%3ATail%25%40x@[::1]:5673/v%2Fh").unwrap();
        let again = Endpoint::parse_url(e.url_with_password().expose()).unwrap();
        assert_eq!(again, e);
        assert_eq!(format!("{:?}", e.url_with_password()), "***");
        let err = Endpoint::parse_url("amqp://user:4417:Tail@host:x/")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("4417") && !err.contains("Tail"), "{err}");
    }

    #[test]
    fn tuning_knobs_are_read_and_checked() {
        let c = Config::from_lookup(lookup(&[])).unwrap();
        assert_eq!(
            (c.prefetch, c.concurrency, c.ack_batch, c.delivery_mode),
            (None, None, None, None)
        );
        assert_eq!(c.mov_log_level, MovLogLevel::Debug);
        assert_eq!(
            c.tune_channel(ChannelSettings::default()),
            ChannelSettings::default()
        );
        let c = Config::from_lookup(lookup(&[
            ("VALAWAI_PREFETCH", "100"),
            ("VALAWAI_CONCURRENCY", "80"),
            ("VALAWAI_ACK_BATCH", "10"),
            ("VALAWAI_DELIVERY_MODE", "Transient"),
            ("VALAWAI_MOV_LOG_LEVEL", "warn"),
        ]))
        .unwrap();
        assert_eq!(c.delivery_mode, Some(DeliveryMode::Transient));
        assert_eq!(c.mov_log_level, MovLogLevel::Warn);
        let tuned = c.tune_channel(ChannelSettings::default());
        assert_eq!(
            (tuned.prefetch, tuned.concurrency, tuned.batch()),
            (100, 80, 10)
        );
        let c = Config::from_lookup(lookup(&[("VALAWAI_PREFETCH", "8")])).unwrap();
        let tuned = c.tune_channel(ChannelSettings::default());
        assert_eq!(
            (tuned.concurrency, tuned.batch()),
            (50, 2),
            "the rest stays"
        );
        for (name, value) in [
            ("VALAWAI_PREFETCH", "0"),
            ("VALAWAI_PREFETCH", "70000"),
            ("VALAWAI_CONCURRENCY", "many"),
            ("VALAWAI_ACK_BATCH", "0"),
            ("VALAWAI_DELIVERY_MODE", "durable"),
            ("VALAWAI_MOV_LOG_LEVEL", "trace"),
        ] {
            let err = Config::from_lookup(lookup(&[(name, value)])).unwrap_err();
            assert!(err.to_string().contains(name), "{err}");
        }
    }

    #[test]
    fn operations_variables_are_read_and_checked() {
        let c = Config::from_lookup(lookup(&[])).unwrap();
        assert_eq!(c.mov_watch, Some(DEFAULT_MOV_WATCH));
        assert_eq!(c.queue_type, QueueType::Classic);
        assert_eq!(c.http_addr, None);
        for (value, expected) in [
            ("on", Some(DEFAULT_MOV_WATCH)),
            ("OFF", None),
            ("5s", Some(Duration::from_secs(5))),
            ("500ms", Some(Duration::from_millis(500))),
            ("1.5", Some(Duration::from_millis(1500))),
        ] {
            let c = Config::from_lookup(lookup(&[("VALAWAI_MOV_WATCH", value)])).unwrap();
            assert_eq!(c.mov_watch, expected, "{value}");
        }
        let c = Config::from_lookup(lookup(&[("VALAWAI_QUEUE_TYPE", " Quorum ")])).unwrap();
        assert_eq!(c.queue_type, QueueType::Quorum);
        for (name, value) in [
            ("VALAWAI_MOV_WATCH", "sometimes"),
            ("VALAWAI_MOV_WATCH", "1ms"),
            ("VALAWAI_MOV_WATCH", "2h"),
            ("VALAWAI_QUEUE_TYPE", "stream"),
            ("VALAWAI_HTTP_ADDR", "localhost"),
        ] {
            let err = Config::from_lookup(lookup(&[(name, value)])).unwrap_err();
            assert!(err.to_string().contains(name), "{err}");
        }
        let http = Config::from_lookup(lookup(&[("VALAWAI_HTTP_ADDR", "127.0.0.1:9464")]));
        if cfg!(feature = "http") {
            assert_eq!(http.unwrap().http_addr, Some(([127, 0, 0, 1], 9464).into()));
        } else {
            assert!(matches!(http, Err(ConfigError::HttpDisabled)));
        }
    }

    #[cfg(not(feature = "tls"))]
    #[test]
    fn amqps_without_the_tls_feature_is_a_clear_error() {
        let err = Config::from_lookup(lookup(&[("AMQP_ADDR", "amqps://u:secret@h")])).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("`tls` feature") && !text.contains("secret"),
            "{text}"
        );
    }
}

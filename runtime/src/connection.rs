//! Connecting to RabbitMQ: bounded retries with backoff at start, a timeout on every attempt, and
//! lapin's automatic recovery afterwards.
//!
//! lapin dials through a function we give it ([`lapin::Connection::connector`]). Ours tries the
//! configured brokers in turn, counts and logs the attempts, and can be told to give up. lapin
//! retries that function with the backoff built from the configuration, at start and on every
//! reconnection; a watchdog here bounds the AMQP handshake, which lapin does not time out.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lapin::tcp::{AMQPUriTcpExt, OwnedTLSConfig};
use lapin::uri::{
    AMQPAuthority, AMQPQueryString, AMQPScheme, AMQPUri, AMQPUserInfo, SASLMechanism,
};
use lapin::{Connection, ConnectionProperties};

use crate::config::{Config, Endpoint};
use crate::transport::{Halt, Halting, halted};

/// The broker could not be reached.
///
/// The message names the brokers as `host:port` and never the password.
#[derive(Debug, thiserror::Error)]
#[error("cannot connect to RabbitMQ at {endpoints} after {attempts} attempt(s): {last_error}")]
pub struct ConnectError {
    /// The brokers tried, as `host:port`.
    pub endpoints: String,
    /// How many times a connection was attempted.
    pub attempts: u32,
    /// The last failure.
    pub last_error: String,
}

/// Which of the configured brokers a component's connection is on. It changes when lapin
/// recovers the connection on another broker, and tells the next connection where to start.
#[derive(Clone, Debug, Default)]
pub(crate) struct Peer(Arc<PeerInner>);

#[derive(Debug, Default)]
struct PeerInner {
    /// The index and `host:port` of the last broker a TCP connection was made to.
    last: Mutex<Option<(usize, String)>>,
    /// TCP connections made (the first one and every recovery's).
    dials: AtomicU32,
}

impl Peer {
    /// The broker, as `host:port`, of the last TCP connection made.
    pub(crate) fn get(&self) -> Option<String> {
        self.last().map(|(_, host_port)| host_port)
    }

    /// TCP connections made so far: a recovery of the connection makes one more.
    pub(crate) fn dials(&self) -> u32 {
        self.0.dials.load(Ordering::SeqCst)
    }

    fn last(&self) -> Option<(usize, String)> {
        self.0
            .last
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Where in the list of brokers the next connection starts: after the last one used, so
    /// that a replaced connection tries the other brokers of a cluster first.
    fn next_index(&self) -> usize {
        self.last().map_or(0, |(index, _)| index + 1)
    }

    fn set(&self, index: usize, endpoint: &Endpoint) {
        *self.0.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((index, endpoint.host_port()));
        self.0.dials.fetch_add(1, Ordering::SeqCst);
    }
}

/// Dials the brokers for lapin, in turn, and keeps count.
struct Dialer {
    endpoints: Vec<Endpoint>,
    next: AtomicUsize,
    attempts: AtomicU32,
    /// `true` until the first connection is established.
    starting: AtomicBool,
    /// Set when an attempt was given up, the session of its connection ended ([`Link::halt`]),
    /// or the tokio runtime shuts down: further dials and lapin's sleeps between them end at
    /// once.
    abandoned: Halt,
    /// When the last TCP connection was opened during start-up (for the handshake watchdog).
    opened_at: Mutex<Option<Instant>>,
    last_error: Mutex<Option<String>>,
    max_attempts: u32,
    peer: Peer,
    /// Dropped with the dialer, which ends the task watching for the runtime's shutdown.
    _alive: tokio::sync::oneshot::Sender<()>,
}

impl Dialer {
    fn fail(&self, endpoint: &Endpoint, attempt: u32, error: &io::Error) {
        let message = explain_io(error, endpoint);
        if self.starting.load(Ordering::SeqCst) {
            tracing::warn!(
                "connection attempt {attempt}/{} to RabbitMQ at {} failed: {message}",
                self.max_attempts,
                endpoint.host_port()
            );
        } else {
            tracing::warn!(
                "reconnection attempt to RabbitMQ at {} failed: {message}",
                endpoint.host_port()
            );
        }
        let last = if self.endpoints.len() > 1 {
            format!("{}: {message}", endpoint.host_port())
        } else {
            message
        };
        *self.last_error.lock().unwrap_or_else(|e| e.into_inner()) = Some(last);
    }

    fn last_error(&self) -> Option<String> {
        self.last_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// The URI lapin gets. It holds a placeholder instead of the password, which the transport puts
/// into the login frame (`crate::wire`): lapin logs frames and keeps its URI, so it must not
/// know the password.
fn base_uri(config: &Config) -> AMQPUri {
    let first = &config.endpoints[0];
    AMQPUri {
        scheme: if first.tls {
            AMQPScheme::AMQPS
        } else {
            AMQPScheme::AMQP
        },
        authority: AMQPAuthority {
            userinfo: AMQPUserInfo {
                username: first.username.clone(),
                password: crate::wire::PASSWORD_PLACEHOLDER.to_owned(),
            },
            host: first.host.clone(),
            port: first.port,
        },
        vhost: first.vhost.clone(),
        query: AMQPQueryString {
            heartbeat: Some(config.heartbeat),
            connection_timeout: Some(config.connect_timeout.as_millis().max(1) as u64),
            frame_max: Some(crate::wire::FRAME_MAX),
            auth_mechanism: Some(SASLMechanism::Plain),
            ..AMQPQueryString::default()
        },
    }
}

fn properties(config: &Config, name: &str) -> ConnectionProperties {
    let retries = config.max_retries.max(1) as usize - 1;
    let (min, max) = (
        config.retry_sleep,
        config.retry_max_sleep.max(config.retry_sleep),
    );
    ConnectionProperties::default()
        .with_connection_name(format!("valawai:{name}").into())
        .enable_auto_recover()
        .configure_backoff(move |b| {
            b.with_min_delay(min)
                .with_max_delay(max)
                .with_factor(2.0)
                .with_jitter()
                .with_max_times(retries)
        })
}

/// Opens a connection as a component does (the configured brokers in turn, bounded retries,
/// TLS, a timeout on every attempt), for tools and services that talk AMQP themselves beside
/// or instead of a [`Component`](crate::Component): `valawai publish`, the development MOV's
/// router. `name` labels the connection in the broker's management UI.
pub async fn open(config: &Config, name: &str) -> Result<Connection, ConnectError> {
    match connect(config, name, std::future::pending(), &Peer::default()).await? {
        Connected::Yes(link) => Ok(link.connection),
        // `pending` never completes, so nothing cancels; say so rather than panic.
        Connected::Cancelled => Err(ConnectError {
            endpoints: config.endpoints_display(),
            attempts: 0,
            last_error: "cancelled".into(),
        }),
    }
}

/// A connection, and the switch that ends it for good.
pub(crate) struct Link {
    pub connection: Connection,
    /// Set it once the connection is given up: lapin then dials no more, and the connection's
    /// socket fails at its next read or write (`crate::transport`), so that a recovery still
    /// under way cannot bring the connection back.
    pub halt: Halt,
}

/// What ended a start-up connection.
pub(crate) enum Connected {
    /// Connected.
    Yes(Box<Link>),
    /// The shutdown fired first.
    Cancelled,
}

/// Connects with the configured retries; then the connection recovers by itself.
///
/// `cancel` ends the wait early (a shutdown during start-up). The brokers are tried in turn
/// from the one after `peer`'s, and `peer` follows the broker the connection is on.
pub(crate) async fn connect(
    config: &Config,
    name: &str,
    cancel: impl std::future::Future<Output = ()>,
    peer: &Peer,
) -> Result<Connected, ConnectError> {
    tokio::pin!(cancel);
    let max = config.max_retries.max(1);
    let mut used = 0u32;
    let mut last_error = String::from("no attempt made");
    let first = peer.next_index();
    while used < max {
        let (alive, dropped) = tokio::sync::oneshot::channel();
        let halt = Halt::default();
        halt.on_runtime_shutdown(async move {
            let _ = dropped.await;
        });
        let dialer = Arc::new(Dialer {
            endpoints: config.endpoints.clone(),
            next: AtomicUsize::new(first + used as usize),
            attempts: AtomicU32::new(used),
            starting: AtomicBool::new(true),
            abandoned: halt.clone(),
            opened_at: Mutex::new(None),
            last_error: Mutex::new(None),
            max_attempts: max,
            peer: peer.clone(),
            _alive: alive,
        });
        let runtime = crate::transport::runtime::<crate::transport::ForLapin>(&halt);
        let dial_runtime = crate::transport::runtime::<crate::transport::Bare>(&halt);
        let dial_timeout = config.connect_timeout;
        let d = dialer.clone();
        let tls = OwnedTLSConfig {
            identity: None,
            cert_chain: config.tls_ca_pem.clone(),
        };
        let dial = async move |mut uri: AMQPUri, _lapin_runtime| {
            if d.abandoned.is_set() {
                return Err(halted::<()>().unwrap_err().into());
            }
            let index = d.next.fetch_add(1, Ordering::SeqCst) % d.endpoints.len();
            let endpoint = &d.endpoints[index];
            let attempt = d.attempts.fetch_add(1, Ordering::SeqCst) + 1;
            if d.starting.load(Ordering::SeqCst) && attempt > d.max_attempts {
                d.abandoned.set();
                return Err(io::Error::new(
                    io::ErrorKind::ConnectionAborted,
                    "no connection attempt left",
                )
                .into());
            }
            uri.scheme = if endpoint.tls {
                AMQPScheme::AMQPS
            } else {
                AMQPScheme::AMQP
            };
            uri.authority.host = endpoint.host.clone();
            uri.authority.port = endpoint.port;
            let dialed = Halting::new(
                tokio::time::timeout(
                    dial_timeout,
                    uri.connect_with_config_async(tls.as_ref(), &dial_runtime),
                ),
                d.abandoned.clone(),
                || Ok(halted()),
            )
            .await
            .unwrap_or_else(|_| {
                Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("no TCP connection within {dial_timeout:?}"),
                ))
            });
            match dialed {
                Ok(stream) => {
                    *d.opened_at.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
                    d.peer.set(index, endpoint);
                    let login = crate::wire::Login {
                        username: endpoint.username.clone(),
                        password: endpoint.password.clone(),
                    };
                    Ok(crate::transport::for_lapin(stream, login))
                }
                Err(error) => {
                    d.fail(endpoint, attempt, &error);
                    Err(lapin::Error::from(error))
                }
            }
        };
        let connecting =
            Connection::connector(base_uri(config), runtime, dial, properties(config, name));
        tokio::pin!(connecting);
        let handshake_timeout = config.connect_timeout;
        let watchdog = async {
            loop {
                tokio::time::sleep(Duration::from_millis(100)).await;
                let opened = *dialer.opened_at.lock().unwrap_or_else(|e| e.into_inner());
                if opened.is_some_and(|t| t.elapsed() > handshake_timeout) {
                    return;
                }
            }
        };
        let outcome = tokio::select! {
            biased;
            () = &mut cancel => {
                dialer.abandoned.set();
                return Ok(Connected::Cancelled);
            }
            result = &mut connecting => result.map_err(|e| {
                let endpoint = peer.last().and_then(|(index, _)| config.endpoints.get(index));
                match endpoint {
                    Some(endpoint) => explain(&e, endpoint),
                    None => e.to_string(),
                }
            }),
            () = watchdog => Err(format!(
                "the AMQP handshake did not finish within {handshake_timeout:?}"
            )),
        };
        match outcome {
            Ok(connection) => {
                dialer.starting.store(false, Ordering::SeqCst);
                *dialer.opened_at.lock().unwrap_or_else(|e| e.into_inner()) = None;
                tracing::info!(
                    "connected to RabbitMQ at {} (attempt {})",
                    peer.get().unwrap_or_else(|| config.endpoints_display()),
                    dialer.attempts.load(Ordering::SeqCst)
                );
                return Ok(Connected::Yes(Box::new(Link {
                    connection,
                    halt: dialer.abandoned.clone(),
                })));
            }
            Err(error) => {
                dialer.abandoned.set();
                used = dialer.attempts.load(Ordering::SeqCst).clamp(used + 1, max);
                let opened = dialer
                    .opened_at
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .is_some();
                last_error = if opened {
                    // TCP was fine, the AMQP handshake was not: the dialer did not log it.
                    tracing::warn!(
                        "connection attempt {used}/{max} to RabbitMQ at {} failed: {error}",
                        peer.get().unwrap_or_else(|| config.endpoints_display())
                    );
                    error
                } else {
                    dialer.last_error().unwrap_or(error)
                };
                if used < max {
                    let delay = backoff_delay(config, used);
                    tokio::select! {
                        biased;
                        () = &mut cancel => return Ok(Connected::Cancelled),
                        () = tokio::time::sleep(delay) => {}
                    }
                }
            }
        }
    }
    Err(ConnectError {
        endpoints: config.endpoints_display(),
        attempts: used,
        last_error,
    })
}

/// Why a connection attempt failed, in words, with what to change when the configuration is the
/// likely cause. Never the password.
fn explain(error: &lapin::Error, endpoint: &Endpoint) -> String {
    use lapin::protocol::{AMQPErrorKind, AMQPHardError, AMQPSoftError};
    match error.kind() {
        lapin::ErrorKind::ProtocolError(e) => match e.kind() {
            AMQPErrorKind::Soft(AMQPSoftError::ACCESSREFUSED) => format!(
                "login refused for user `{}`: set RABBITMQ_USERNAME/RABBITMQ_PASSWORD (or the \
                 credentials in AMQP_ADDR) (the broker said: {})",
                endpoint.username,
                e.get_message()
            ),
            AMQPErrorKind::Hard(AMQPHardError::NOTALLOWED) => format!(
                "user `{}` may not use the virtual host `{}`: give the user access to it \
                 (`rabbitmqctl set_permissions`) or name another in AMQP_ADDR (the broker \
                 said: {})",
                endpoint.username,
                endpoint.vhost,
                e.get_message()
            ),
            _ => error.to_string(),
        },
        lapin::ErrorKind::IOError(e) => explain_io(e, endpoint),
        _ => error.to_string(),
    }
}

/// Why a TCP connection failed, in words.
fn explain_io(error: &io::Error, endpoint: &Endpoint) -> String {
    let text = error.to_string();
    match error.kind() {
        io::ErrorKind::ConnectionRefused => format!(
            "connection refused: nothing listens at {}; is RabbitMQ running there? set \
             RABBITMQ_HOST/RABBITMQ_PORT",
            endpoint.host_port()
        ),
        _ if text.contains("lookup address") || text.contains("not known") => format!(
            "cannot resolve the host name `{}` ({text}): set RABBITMQ_HOST",
            endpoint.host
        ),
        _ => text,
    }
}

/// The delay before attempt `done + 1` when a whole lapin connect failed (not only its TCP
/// part, which lapin retries itself).
fn backoff_delay(config: &Config, done: u32) -> Duration {
    let factor = 2u32.saturating_pow(done.saturating_sub(1).min(16));
    config
        .retry_sleep
        .saturating_mul(factor)
        .min(config.retry_max_sleep.max(config.retry_sleep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_explained_without_the_password() {
        use lapin::protocol::{AMQPError, AMQPErrorKind, AMQPHardError, AMQPSoftError};
        let e = Endpoint::new("h", 5672, "mov", "hunter2");
        let refused = lapin::Error::from(lapin::ErrorKind::ProtocolError(AMQPError::new(
            AMQPErrorKind::Soft(AMQPSoftError::ACCESSREFUSED),
            "ACCESS_REFUSED - Login was refused".into(),
        )));
        let text = explain(&refused, &e);
        assert!(
            text.starts_with(
                "login refused for user `mov`: set RABBITMQ_USERNAME/RABBITMQ_PASSWORD"
            ),
            "{text}"
        );
        assert!(!text.contains("hunter2"));
        let vhost = lapin::Error::from(lapin::ErrorKind::ProtocolError(AMQPError::new(
            AMQPErrorKind::Hard(AMQPHardError::NOTALLOWED),
            "vhost x not found".into(),
        )));
        assert!(explain(&vhost, &e).contains("may not use the virtual host `/`"));
        let io = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(
            explain_io(&io, &e),
            "connection refused: nothing listens at h:5672; is RabbitMQ running there? set \
             RABBITMQ_HOST/RABBITMQ_PORT"
        );
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let mut c = Config::new(Endpoint::new("h", 1, "u", "p"));
        c.retry_sleep = Duration::from_secs(1);
        c.retry_max_sleep = Duration::from_secs(5);
        let delays: Vec<u64> = (1..=5).map(|n| backoff_delay(&c, n).as_secs()).collect();
        assert_eq!(delays, vec![1, 2, 4, 5, 5]);
    }

    #[test]
    fn the_uri_carries_credentials_heartbeat_and_timeout() {
        let mut c = Config::new(Endpoint::new("h", 1234, "u", "p"));
        c.heartbeat = 15;
        c.connect_timeout = Duration::from_secs(2);
        let uri = base_uri(&c);
        // lapin never gets the password (the transport fills it in).
        assert_eq!(
            uri.authority.userinfo.password,
            crate::wire::PASSWORD_PLACEHOLDER
        );
        assert_eq!(uri.query.frame_max, Some(crate::wire::FRAME_MAX));
        assert_eq!(
            (uri.authority.host.as_str(), uri.authority.port),
            ("h", 1234)
        );
        assert_eq!(uri.query.heartbeat, Some(15));
        assert_eq!(uri.query.connection_timeout, Some(2000));
        assert_eq!(uri.vhost, "/");
    }
}

//! `amqps://`: a component connects over TLS, trusting a private CA.
//!
//! The local RabbitMQ speaks plain AMQP, so the test puts a TLS-terminating relay in front of
//! it, with the test-only certificate in `fixtures/tls/` (a server certificate for `localhost`
//! signed by a test CA). Needs the `tls` feature: `cargo test -p valawai --features tls`.
#![cfg(feature = "tls")]

mod support;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use support::echo::EchoHandlers;
use support::{Client, PATIENCE, TestMov, next, unique};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio_rustls::rustls::{self, ServerConfig};
use valawai::{Config, Endpoint, RunError, State};

echo_component!(tls_echo);
impl_echo_handlers!(tls_echo);

fn tls_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/tls")
        .join(name)
}

/// Accepts TLS on a local port and relays the plain bytes to the broker. Returns the port.
async fn tls_relay() -> u16 {
    let certs = CertificateDer::pem_file_iter(tls_fixture("server.pem"))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_file(tls_fixture("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let broker = Endpoint::parse_url(&support::amqp_addr())
        .unwrap()
        .host_port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let broker = broker.clone();
            tokio::spawn(async move {
                // A client that does not trust the certificate aborts the handshake: fine.
                let Ok(mut tls) = acceptor.accept(socket).await else {
                    return;
                };
                let Ok(mut plain) = TcpStream::connect(&broker).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    port
}

/// The broker's credentials and virtual host, reached over TLS through the relay.
fn tls_config(prefix: &str, port: u16) -> Config {
    let plain = Endpoint::parse_url(&support::amqp_addr()).unwrap();
    let mut config = support::config(prefix, support::temp_dir(prefix));
    let url = format!(
        "amqps://{}:{}@localhost:{port}/{}",
        plain.username,
        plain.password.expose(),
        plain.vhost.replace('/', "%2f"),
    );
    config = config.with_urls(&url).unwrap();
    config
}

#[tokio::test]
async fn a_component_runs_over_amqps_with_a_private_ca() {
    use tls_echo as echo;
    support::init_logs();
    support::require_broker().await;
    let port = tls_relay().await;
    let prefix = unique("tls");
    let mut mov = TestMov::start(&prefix).await;
    let client = &Client::connect().await;
    client
        .declare(&echo::channels::PUBLISH_MESSAGE)
        .await
        .unwrap();
    let mut outputs = client.consume(&echo::channels::PUBLISH_MESSAGE).await;

    let config = tls_config(&prefix, port)
        .with_tls_ca_file(tls_fixture("ca.pem"))
        .unwrap();
    assert!(config.endpoints[0].tls);
    let component = echo::component(EchoHandlers);
    let handle = component.handle();
    let run = support::spawn(component.run(config));

    // Registration, an echo and its MOV logs all travel through the TLS connection.
    let register = next(&mut mov.register, "the register message over TLS").await;
    assert_eq!(register.json()["type"], "C1");
    let running = tokio::time::timeout(PATIENCE, handle.wait_for_state(|s| s == State::Running));
    assert_eq!(running.await.expect("running"), State::Running);
    client
        .publish_json(
            &echo::channels::RECEIVED_MESSAGE,
            &json!({"content": "secure"}),
        )
        .await;
    assert_eq!(
        next(&mut outputs, "the echo").await.json(),
        json!({"content": "secure"})
    );
    assert_eq!(
        mov.next_log("INFO").await["message"],
        "Received a message to echo"
    );

    handle.shutdown();
    tokio::time::timeout(PATIENCE, run)
        .await
        .expect("stops")
        .unwrap()
        .unwrap();
    client
        .delete(&[
            &echo::channels::RECEIVED_MESSAGE,
            &echo::channels::PUBLISH_MESSAGE,
            &echo::channels::REGISTERED,
        ])
        .await;
    mov.cleanup().await;
}

#[tokio::test]
async fn an_untrusted_certificate_is_refused_clearly() {
    support::require_broker().await;
    let port = tls_relay().await;
    let prefix = unique("tls_untrusted");
    // No CA given: the test CA is not among the system's roots.
    let mut config = tls_config(&prefix, port);
    config.max_retries = 2;
    config.retry_sleep = Duration::from_millis(50);
    let component = valawai::Component::new(valawai::ComponentInfo::new(
        "c1_untrusted",
        valawai::mov::protocol::ComponentType::C1,
        "1.0.0",
        "asyncapi: 2.6.0",
        "valawai/c1/untrusted/control/registered",
    ));
    let err = tokio::time::timeout(Duration::from_secs(30), component.run(config))
        .await
        .expect("gives up in time")
        .unwrap_err();
    let RunError::Connect(connect) = &err else {
        panic!("expected a connection error, got {err:?}");
    };
    let text = err.to_string();
    assert_eq!(connect.attempts, 2, "{text}");
    assert!(text.contains(&format!("localhost:{port}")), "{text}");
    assert!(text.to_lowercase().contains("certificate"), "{text}");
    assert!(!text.contains("guest@"), "{text}");
}

#[test]
fn a_ca_file_that_is_missing_or_not_pem_is_a_config_error() {
    let base = Config::new(Endpoint::new("localhost", 5671, "u", "p"));
    let missing = base
        .clone()
        .with_tls_ca_file("/no/such/ca.pem")
        .unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("RABBITMQ_TLS_CA_FILE: cannot read `/no/such/ca.pem`"),
        "{missing}"
    );
    let not_pem = base.with_tls_ca_file(tls_fixture("README.md")).unwrap_err();
    assert!(
        not_pem.to_string().contains("holds no PEM certificate"),
        "{not_pem}"
    );
}

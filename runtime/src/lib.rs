//! Runtime for VALAWAI components on RabbitMQ: the author's guide.
//!
//! A VALAWAI component is a program that receives and publishes JSON messages on the channels its
//! AsyncAPI document (`asyncapi.yaml`) names, and registers with the Master Of VALAWAI (MOV). This
//! crate runs it: it connects to RabbitMQ (with retries, TLS, a cluster), declares and consumes
//! the channels the component receives on, decodes and validates each payload, calls your handler,
//! publishes what it sends with publisher confirms, acks the input once its outputs are safe,
//! registers with the MOV, sends your logs to it, and shuts down cleanly on SIGTERM.
//!
//! Your part is the handlers. The types, channel names, typed publisher and wiring come from the
//! spec, through `valawai-codegen`: `valawai new c1_my_component` makes a crate with all of it.
//!
//! - [A component](#a-component)
//! - [Writing handlers](#writing-handlers)
//! - [Publishing outside a handler](#publishing-outside-a-handler)
//! - [Headers and properties](#headers-and-properties)
//! - [Configuration](#configuration)
//! - [TLS](#tls)
//! - [Errors, retries and dead letters](#errors-retries-and-dead-letters)
//! - [Shutdown](#shutdown)
//! - [Logs](#logs)
//! - [Testing](#testing)
//! - [Deployment](#deployment)
//!
//! # A component
//!
//! The component module is generated from the spec, by a build script
//! (`valawai_codegen::Builder::new().spec("asyncapi.yaml").compile()` in `build.rs`, then
//! [`include_component!`]) or in place by [`generate!`]. Either way it holds, for the echo of
//! VALAWAI's tutorial, `echo::EchoPayload` (the payload type, which the runtime decodes and checks
//! against the schema), `echo::channels::RECEIVED_MESSAGE` (each address), `echo::Handlers` (one
//! method per channel the component receives on), `echo::Publisher` (one method per channel it
//! sends on), `echo::Context` (what a handler gets besides the payload) and `echo::component`
//! (the component, wired).
//!
//! ```no_run
//! mod echo {
//!     valawai::generate!("../fixtures/component/echo/asyncapi.yaml");
//! }
//!
//! struct Echo;
//!
//! impl echo::Handlers for Echo {
//!     async fn received_message(
//!         &self,
//!         message: echo::EchoPayload,
//!         ctx: echo::Context,
//!     ) -> valawai::HandlerResult {
//!         ctx.mov().info("Received a message to echo").payload(&message).await;
//!         ctx.publisher().publish_message(&message).await?;
//!         Ok(())
//!     }
//! }
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     valawai::init_logging(); // LOG_CONSOLE_LEVEL or RUST_LOG
//!     let config = valawai::Config::from_env()?;
//!     echo::component(Echo).run(config).await?;
//!     Ok(())
//! }
//! ```
//!
//! [`Component::run`] connects, registers, serves until SIGINT or SIGTERM, then unregisters and
//! returns.
//!
//! # Writing handlers
//!
//! A handler is an `async` method of the generated `Handlers` trait: it gets the decoded payload
//! and a [`Context`], and returns a [`HandlerResult`]. The payload has been checked against the
//! schema already: a message that does not fit never reaches the handler (it is logged, to the MOV
//! too, and rejected). `#[handlers]` is sugar for the same implementation: methods with any name,
//! each marked with the channel it handles, checked at compile time (a missing channel, a channel
//! the component does not receive on, or a payload type that is not the spec's is a compile error
//! naming the channel):
//!
//! ```
//! mod echo {
//!     valawai::generate!("../fixtures/component/echo/asyncapi.yaml");
//! }
//!
//! struct Echo;
//!
//! #[valawai::handlers(echo)]
//! impl Echo {
//!     #[receive("valawai/c1/echo_example_with_python_and_pika/data/received_message")]
//!     async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
//!         if ctx.redelivered() {
//!             // Delivered before, to this or another consumer: handlers should be idempotent.
//!         }
//!         ctx.publisher().publish_message(&message).await?;
//!         Ok(())
//!     }
//! }
//!
//! fn main() {
//!     let component = echo::component(Echo);
//!     assert_eq!(component.info().unwrap().name, "c1_echo_example_with_python_and_pika");
//! }
//! ```
//!
//! The handler's state is `&self`: put what handlers share (a client, a cache behind a lock) in
//! the struct. Messages of one channel run concurrently (50 at once by default), so the handler
//! must be `Send`; [`ChannelSettings`] changes that per channel:
//!
//! ```no_run
//! # mod echo { valawai::generate!("../fixtures/component/echo/asyncapi.yaml"); }
//! # struct Echo;
//! # impl echo::Handlers for Echo {
//! #     async fn received_message(&self, _: echo::EchoPayload, _: echo::Context) -> valawai::HandlerResult { Ok(()) }
//! # }
//! # async fn example(config: valawai::Config) -> Result<(), valawai::RunError> {
//! use std::time::Duration;
//! use valawai::{ChannelSettings, RetryPolicy};
//!
//! echo::component(Echo)
//!     .settings(
//!         echo::receive::RECEIVED_MESSAGE, // a typo, or a send channel, does not compile
//!         ChannelSettings::ordered() // one at a time, in order
//!             .retry(RetryPolicy { max_attempts: 3, delay: Duration::from_secs(1) }),
//!     )
//!     .run(config)
//!     .await
//! # }
//! ```
//!
//! Inside a handler, `ctx.publisher().publish_message(..)` returns once lapin has the message
//! (queued for writing, in the order of the calls); the runtime acks the input only after
//! everything the handler published was written and confirmed by the broker (at-least-once: a
//! receiver may see a message twice after a reconnection). A message lost with the connection
//! or nacked is sent again; one that still does not go out within the publish timeout fails the
//! attempt, which is retried as any failure is.
//!
//! # Publishing outside a handler
//!
//! A C0 sensor publishes from a loop of its own. Take a [`ComponentHandle`] before `run`, run the
//! component in a task, and publish with the typed publisher the handle gives
//! ([`ComponentHandle::typed_publisher`]). Outside a handler a publish returns once the broker
//! confirmed it; while the connection is being recovered it waits, up to the publish timeout
//! ([`Config::publish_timeout`]), then fails with [`PublishError`].
//!
//! ```no_run
//! mod thermometer {
//!     valawai::generate!("../fixtures/component/thermometer/asyncapi.yaml");
//! }
//!
//! struct Thermometer;
//!
//! impl thermometer::Handlers for Thermometer {
//!     async fn period(
//!         &self,
//!         period: thermometer::Period,
//!         _ctx: thermometer::Context,
//!     ) -> valawai::HandlerResult {
//!         tracing::info!(?period, "new sampling period");
//!         Ok(())
//!     }
//! }
//!
//! #[tokio::main]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     valawai::init_logging();
//!     let config = valawai::Config::from_env()?;
//!     let component = thermometer::component(Thermometer);
//!     let handle = component.handle();
//!     let running = tokio::spawn(component.run(config));
//!
//!     let publisher: thermometer::Publisher = handle.typed_publisher();
//!     let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
//!     loop {
//!         tokio::select! {
//!             _ = every.tick() => {}
//!             // `run` returned: a shutdown (SIGTERM) or a failure to start.
//!             stopped = handle.wait_for_state(|s| s.is_final()) => {
//!                 tracing::info!("stopped: {stopped:?}");
//!                 break;
//!             }
//!         }
//!         let reading = thermometer::Reading {
//!             celsius: Some(21.5),
//!             room: Some("kitchen".into()),
//!         };
//!         if let Err(e) = publisher.reading(&reading).await {
//!             // Not confirmed in time (the broker is away): this reading is lost, the next
//!             // one will be tried.
//!             tracing::warn!("reading not published: {e}");
//!         }
//!     }
//!     running.await??;
//!     Ok(())
//! }
//! ```
//!
//! [`ComponentHandle::publisher`] is the raw [`Publisher`] (any channel, any `Serialize` payload),
//! [`ComponentHandle::mov`] the MOV logger.
//!
//! # Headers and properties
//!
//! The runtime publishes every message with `content_type: application/json`, the channel's
//! delivery mode (persistent by default) and a unique `message_id`. Add headers and other AMQP
//! properties with [`MessageProperties`], on any publisher: [`Publisher::with_properties`], or in
//! a handler [`Context::publisher_with`], which gives the typed publisher. Read the input's with
//! [`Context::header`], [`Context::header_str`], [`Context::message_id`],
//! [`Context::correlation_id`] and [`Context::properties`] (all of them, as lapin reads them):
//!
//! ```
//! mod echo {
//!     valawai::generate!("../fixtures/component/echo/asyncapi.yaml");
//! }
//!
//! struct Echo;
//!
//! impl echo::Handlers for Echo {
//!     async fn received_message(
//!         &self,
//!         message: echo::EchoPayload,
//!         ctx: echo::Context,
//!     ) -> valawai::HandlerResult {
//!         let mut properties = valawai::MessageProperties::new().header("x-echoed-by", "echo");
//!         // Pass the caller's trace and correlation ids on.
//!         if let Some(trace) = ctx.header_str("x-trace-id") {
//!             properties = properties.header("x-trace-id", trace);
//!         }
//!         if let Some(id) = ctx.correlation_id() {
//!             properties = properties.correlation_id(id);
//!         }
//!         ctx.publisher_with(properties).publish_message(&message).await?;
//!         Ok(())
//!     }
//! }
//! # fn main() { let _ = echo::component(Echo); }
//! ```
//!
//! Incoming headers are checked as they arrive: a message whose headers the runtime refuses
//! (nested deeper than [`wire::MAX_HEADER_DEPTH`], for one) is rejected like an invalid payload.
//!
//! # Configuration
//!
//! [`Config::from_env`] reads the environment the Python components read, and the runtime's own
//! variables; [`Config::from_lookup`] lists every one with its default. The ones you will set:
//!
//! | variable | default | |
//! |---|---|---|
//! | `RABBITMQ_HOST`, `RABBITMQ_PORT` | `mov-mq`, `5672` | the broker |
//! | `RABBITMQ_USERNAME`, `RABBITMQ_PASSWORD` | `mov`, `password` | its credentials (VALAWAI's, not RabbitMQ's `guest`) |
//! | `AMQP_ADDR` | unset | `amqp://user:pass@host:port/vhost` (or `amqps://`), several separated by commas for a cluster; replaces the `RABBITMQ_*` above |
//! | `RABBITMQ_MAX_RETRIES`, `RABBITMQ_RETRY_SLEEP` | `100`, `3` s | connection attempts at start, and the first wait between them (doubling) |
//! | `LOG_DIR`, `COMPONET_ID_FILE_NAME` | `logs`, `component_id.json` | the id file the MOV's id is written to (the Docker health check reads it) |
//! | `LOG_CONSOLE_LEVEL`, `RUST_LOG` | `INFO` | console logs ([`init_logging`]) |
//! | `VALAWAI_MOV_LOG_LEVEL` | `debug` | the least severe log sent to the MOV |
//! | `VALAWAI_PREFETCH`, `VALAWAI_CONCURRENCY` | `50`, `50` | per receive channel, unless the code set its [`ChannelSettings`] |
//! | `VALAWAI_QUEUE_TYPE` | `classic` | `quorum` for a cluster |
//! | `VALAWAI_HTTP_ADDR` | unset | `/healthz`, `/readyz`, `/metrics` (the `http` feature) |
//!
//! A value that cannot be read is an error naming the variable ([`ConfigError`]). Every field of
//! [`Config`] is public, for settings the environment does not cover:
//!
//! ```
//! use std::time::Duration;
//!
//! let mut config = valawai::Config::new(valawai::Endpoint::new("localhost", 5672, "guest", "guest"));
//! config.publish_timeout = Duration::from_secs(10);
//! config.shutdown_deadline = Duration::from_secs(20);
//! assert_eq!(config.endpoints_display(), "localhost:5672");
//! ```
//!
//! # TLS
//!
//! Build with the `tls` feature (rustls with the ring provider, the system's root certificates)
//! and give an `amqps://` URL: `AMQP_ADDR=amqps://user:pass@broker.example:5671/%2f`. For a
//! broker whose certificate a private authority signed, `RABBITMQ_TLS_CA_FILE=/path/ca.pem` (or
//! [`Config::with_tls_ca_file`]) adds that authority. Without the feature an `amqps://` URL is a
//! configuration error, not a plain connection.
//!
//! ```
//! let config = valawai::Config::from_lookup(|name| match name {
//!     "AMQP_ADDR" => Some("amqps://mov:secret@broker.example:5671/%2f".into()),
//!     _ => None,
//! });
//! # #[cfg(feature = "tls")]
//! assert!(config.unwrap().endpoints[0].tls);
//! ```
//!
//! # Errors, retries and dead letters
//!
//! A handler's result decides what becomes of the message:
//!
//! - `Ok(())`: acked, once everything it published is confirmed;
//! - [`HandlerError::Retry`], which `?` makes of most errors: the handler is called again after
//!   [`RetryPolicy::delay`] (100 ms), up to [`RetryPolicy::max_attempts`] calls in all (2), then
//!   the message is rejected; [`Context::attempt`] says which call this is;
//! - [`HandlerError::Reject`]: rejected at once. `?` makes it of the errors that can never pass
//!   for this input (a `serde_json::Error` or [`payload::PayloadError`] when the handler decodes
//!   something itself, a [`payload::ConstraintError`]); write it with [`HandlerError::reject`];
//! - a panic counts as a retryable failure.
//!
//! ```
//! use valawai::{HandlerError, HandlerResult};
//!
//! fn check(age: i64) -> HandlerResult {
//!     if age < 0 {
//!         return Err(HandlerError::reject(format!("age {age} is negative"))); // never retried
//!     }
//!     let _parsed: serde_json::Value = serde_json::from_str("{")?; // a decode error: rejected too
//!     Ok(())
//! }
//! assert!(!check(-1).unwrap_err().is_retryable());
//! assert!(!check(1).unwrap_err().is_retryable());
//! let flaky: HandlerError = std::io::Error::other("timeout").into();
//! assert!(flaky.is_retryable());
//! ```
//!
//! Every failure is logged with what becomes of the message: a WARN "retrying once in 100 ms",
//! then an ERROR (locally and to the MOV, with the payload) "rejected: dead-lettered if a broker
//! policy gives the queue a dead-letter exchange, dropped otherwise". A payload that does not
//! decode or fit the schema is never retried.
//!
//! Rejected messages are dropped unless a **broker policy** dead-letters them (the MOV declares the
//! queues without arguments, and a declaration with other arguments fails, so a policy is the only
//! way). `valawai dlq policy asyncapi.yaml --declare` declares the dead-letter queue and prints
//! the policy; for the echo it is:
//!
//! ```text
//! rabbitmqctl set_policy -p / --apply-to queues valawai-dlx-c1_echo \
//!   '^(valawai/c1/echo/data/received_message)$' \
//!   '{"dead-letter-exchange":"","dead-letter-routing-key":"valawai/c1/echo/dead_letters"}'
//! ```
//!
//! `valawai dlq list` and `valawai dlq replay` then show and resend the dead letters
//! (`docs/operations.md`, "Dead letters").
//!
//! # Shutdown
//!
//! On SIGINT or SIGTERM (or [`ComponentHandle::shutdown`]) the component unregisters from the MOV,
//! removes its id file, stops consuming, lets running handlers finish until
//! [`Config::shutdown_deadline`] (10 s; the messages of those that do not are redelivered), flushes
//! acks and confirms, closes the connection, and `run` returns `Ok(())`. A second signal exits at
//! once (status 130). Set [`Config::handle_signals`] to `false` to handle signals yourself:
//!
//! ```no_run
//! # mod echo { valawai::generate!("../fixtures/component/echo/asyncapi.yaml"); }
//! # struct Echo;
//! # impl echo::Handlers for Echo {
//! #     async fn received_message(&self, _: echo::EchoPayload, _: echo::Context) -> valawai::HandlerResult { Ok(()) }
//! # }
//! # async fn example(mut config: valawai::Config) -> Result<(), valawai::RunError> {
//! config.handle_signals = false;
//! let component = echo::component(Echo);
//! let handle = component.handle();
//! tokio::spawn(async move {
//!     let _ = tokio::signal::ctrl_c().await;
//!     handle.shutdown();
//! });
//! component.run(config).await
//! # }
//! ```
//!
//! # Logs
//!
//! **On the console**: call [`init_logging`] first thing in `main`. It installs a `tracing`
//! subscriber reading `LOG_CONSOLE_LEVEL` (`DEBUG`, `INFO`, `WARNING`, `ERROR`, as for the Python
//! components) or `RUST_LOG` (which wins), with colours only at a terminal. `run` calls it itself
//! when no subscriber is installed, so a component is never silent. Every failed connection
//! attempt is a WARN saying why, such as ``connection attempt 1/100 to RabbitMQ at mov-mq:5672
//! failed: login refused for user `mov`: set RABBITMQ_USERNAME/RABBITMQ_PASSWORD``.
//!
//! **To the MOV**: [`Context::mov`] in a handler, [`ComponentHandle::mov`] elsewhere. A log is
//! sent when awaited, with an optional payload, and also logged locally at the same level:
//!
//! ```
//! # mod echo { valawai::generate!("../fixtures/component/echo/asyncapi.yaml"); }
//! # struct Echo;
//! impl echo::Handlers for Echo {
//!     async fn received_message(
//!         &self,
//!         message: echo::EchoPayload,
//!         ctx: echo::Context,
//!     ) -> valawai::HandlerResult {
//!         ctx.mov().info("Received a message to echo").payload(&message).await;
//!         ctx.publisher().publish_message(&message).await?;
//!         ctx.mov().debug("Echoed").await; // no payload
//!         Ok(())
//!     }
//! }
//! # fn main() { let _ = echo::component(Echo); }
//! ```
//!
//! A log to the MOV never fails the message: awaiting it returns `()`, so there is nothing for
//! `?` to turn into a retry. A log the broker does not take is a local WARN and counts as a
//! failed publish on the log channel; the message is handled once and its outputs published once.
//! `VALAWAI_MOV_LOG_LEVEL` sets the least severe level sent to the MOV.
//!
//! # Testing
//!
//! **Without a broker.** `valawai::testing::Harness` (feature `testing`, for the component's
//! dev-dependencies) serves the component in memory through the runtime's own message path:
//! decode, validation, the handler, retries, confirms and the reject with its ERROR log. Send a
//! payload, read the outcome, what the handler published and what it logged to the MOV:
//!
//! ```
//! # #[cfg(feature = "testing")]
//! # mod doc {
//! mod echo {
//!     valawai::generate!("../fixtures/component/echo/asyncapi.yaml");
//! }
//!
//! struct Echo;
//!
//! impl echo::Handlers for Echo {
//!     async fn received_message(
//!         &self,
//!         message: echo::EchoPayload,
//!         ctx: echo::Context,
//!     ) -> valawai::HandlerResult {
//!         ctx.mov().info("Received a message to echo").payload(&message).await;
//!         ctx.publisher().publish_message(&message).await?;
//!         Ok(())
//!     }
//! }
//!
//! #[tokio::test]
//! # async fn dummy() {}
//! async fn echoes() -> Result<(), Box<dyn std::error::Error>> {
//!     use valawai::testing::{Fate, Harness};
//!
//!     let harness = Harness::start(echo::component(Echo)).await?;
//!     let outcome = harness
//!         .send(echo::channels::RECEIVED_MESSAGE, &serde_json::json!({"content": "hi"}))
//!         .await;
//!     assert_eq!(outcome.fate, Fate::Acked);
//!     assert_eq!(outcome.mov_logs[0].message, "Received a message to echo");
//!     let echoed: Vec<serde_json::Value> =
//!         harness.published_as(echo::channels::PUBLISH_MESSAGE)?;
//!     assert_eq!(echoed, [serde_json::json!({"content": "hi"})]);
//!     Ok(())
//! }
//! # pub fn run() {
//! #     tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
//! #         .block_on(echoes()).unwrap();
//! # }
//! # }
//! # #[cfg(feature = "testing")]
//! # doc::run();
//! ```
//!
//! The harness's limits (only the default exchange, no broker-side limits such as queue
//! lengths or policies, no prefetch) are in the documentation of `valawai::testing`. `valawai new`
//! scaffolds one such test per receive handler.
//!
//! **With the broker.** For what only RabbitMQ shows (dead-letter policies, reconnection,
//! several components and the MOV's connections), run the component whole with a [`Config`]
//! of the test's own ([`Config::handle_signals`] off, short retries). `valawai_devmov::Topology`
//! (crate `valawai-devmov`) runs the development MOV and several components in the test's
//! process, in a virtual host of their own, and waits until the MOV has connected them:
//!
//! ```no_run
//! # mod echo { valawai::generate!("../fixtures/component/echo/asyncapi.yaml"); }
//! # struct Echo;
//! # impl echo::Handlers for Echo {
//! #     async fn received_message(&self, _: echo::EchoPayload, _: echo::Context) -> valawai::HandlerResult { Ok(()) }
//! # }
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let mut config = valawai::Config::new(valawai::Endpoint::new("127.0.0.1", 5672, "guest", "guest"));
//! config.handle_signals = false;
//! config.log_dir = std::env::temp_dir().join("echo-test");
//! let component = echo::component(Echo);
//! let handle = component.handle();
//! let running = tokio::spawn(component.run(config));
//! handle.wait_for_state(|s| s == valawai::State::Running).await;
//! // ... publish to echo::channels::RECEIVED_MESSAGE, read echo::channels::PUBLISH_MESSAGE ...
//! assert_eq!(handle.counters().rejected, 0);
//! handle.shutdown();
//! running.await??;
//! # Ok(())
//! # }
//! ```
//!
//! # Deployment
//!
//! `valawai new` writes a `Dockerfile` (a release build, run on a slim Debian image with the
//! spec next to it and the VALAWAI variables at the MOV's defaults) and a `docker-compose.yml`
//! with RabbitMQ and, in the `mov` profile, the MOV. The variables above configure the
//! container. With the `http` feature, `VALAWAI_HTTP_ADDR=0.0.0.0:9464` serves `/healthz`
//! (alive), `/readyz` (connected and registered: the image's health check) and `/metrics`
//! (Prometheus), for Docker, Kubernetes probes and scraping.
//! `docs/operations.md` covers a MOV restart, a RabbitMQ cluster (`AMQP_ADDR` with several URLs,
//! `VALAWAI_QUEUE_TYPE=quorum`), metrics and dead letters.

extern crate self as valawai;

/// `generate!` (the component module from a spec, in place), `#[handlers]`
/// (a module's `Handlers` from `#[receive]` methods) and the hidden
/// `__handlers!` they need.
pub use valawai_macros::*;

/// Includes the component module that `valawai_codegen::Builder` wrote from the build script,
/// `$OUT_DIR/valawai/component.rs` (or `$OUT_DIR/valawai/<name>.rs` for the builder's
/// `.module("<name>")`). The forms (they need the `OUT_DIR` of a crate with a build script):
///
/// ```text
/// // A module `echo` with the generated code:
/// valawai::include_component!(mod echo);
/// valawai::include_component!(pub mod echo);
/// valawai::include_component!(mod mov, "mov");
///
/// // The generated items in the current module:
/// mod echo {
///     valawai::include_component!();
/// }
/// ```
///
#[macro_export]
macro_rules! include_component {
    () => {
        ::std::include!(::std::concat!(::std::env!("OUT_DIR"), "/valawai/component.rs"));
    };
    ($name:literal) => {
        ::std::include!(::std::concat!(::std::env!("OUT_DIR"), "/valawai/", $name, ".rs"));
    };
    ($vis:vis mod $module:ident) => {
        $crate::include_component!($vis mod $module, "component");
    };
    ($vis:vis mod $module:ident, $name:literal) => {
        /// The component module generated from its AsyncAPI document by valawai-codegen.
        $vis mod $module {
            ::std::include!(::std::concat!(::std::env!("OUT_DIR"), "/valawai/", $name, ".rs"));
        }
    };
}

// One public path per item: the author's everyday items are re-exported at the root, from
// private modules; the public modules below are for the rest (the MOV client and protocol, the
// payload layer, the wire conventions, a raw connection for tools, the header rules, the test
// harness).
mod acks;
mod component;
mod config;
pub mod connection;
mod consumer;
mod context;
pub mod conventions;
mod counters;
mod handle;
mod handler;
#[cfg(feature = "http")]
mod http;
mod info;
mod lifecycle;
mod logging;
pub mod mov;
mod poller;
mod private;
mod properties;
mod protocol;
mod publisher;
mod recovery;
mod registered;
mod secret;
mod session;
mod shutdown;
mod sightings;
mod supervisor;
#[cfg(feature = "testing")]
pub mod testing;
mod transport;
mod watchdog;
pub mod wire;

pub use component::{Component, ReceiveChannel, RunError};
pub use config::{Config, ConfigError, Endpoint, QueueType, Secret, UrlError};
pub use consumer::ChannelSettings;
pub use context::Context;
pub use counters::{CountersSnapshot, LATENCY_BUCKETS, LatencySnapshot};
pub use handle::{ComponentHandle, NotReady};
pub use handler::{
    Dispatch, DispatchError, HandlerError, HandlerFuture, HandlerResult, RetryPolicy,
};
pub use info::{ComponentInfo, InvalidComponent};
pub use lifecycle::State;
pub use logging::init_logging;
pub use properties::{IntoHeaderValue, MessageProperties};
pub use publisher::{BoxError, DeliveryMode, PublishError, PublishSettings, Publisher};
pub use session::{SetupCause, SetupError};

/// The payload layer: decoding with JSON paths, schema constraints, ECMA-262 patterns (the
/// `valawai-payload` crate).
pub use valawai_payload as payload;

/// The AMQP client underneath, for what this crate does not wrap.
pub use lapin;

#[doc(hidden)]
pub mod __private;

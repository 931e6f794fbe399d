//! Testing a component without a broker (the `testing` feature).
//!
//! # Testing
//!
//! [`Harness::start`] serves a component (what the generated `component(handlers)` returns) in
//! memory. What you send to one of its receive channels goes through the runtime's own
//! message path, the one `run` uses on RabbitMQ: the body limit and header checks, the
//! generated decoder and schema validation, the handler, its retries, the confirms of what it
//! published, and the reject with its ERROR log to the MOV. Only the transport underneath is
//! different: deliveries come from the harness, and what the component publishes (its MOV logs
//! and its register message included) is recorded instead of being sent.
//!
//! Add the feature to the component's dev-dependencies:
//!
//! ```toml
//! [dev-dependencies]
//! valawai = { version = "0.1", features = ["testing"] }
//! ```
//!
//! Send a payload and read what the handler published and logged:
//!
//! ```
//! mod echo {
//!     valawai::generate!("../examples/echo/asyncapi.yaml");
//! }
//!
//! struct Echo;
//!
//! #[valawai::handlers(crate::echo)]
//! impl Echo {
//!     #[receive(echo::channels::RECEIVED_MESSAGE)]
//!     async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
//!         ctx.mov().info("Received a message to echo").payload(&message).await;
//!         ctx.publisher().publish_message(&message).await?;
//!         Ok(())
//!     }
//! }
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     use serde_json::json;
//!     use valawai::testing::{Fate, Harness};
//!
//!     let harness = Harness::start(echo::component(Echo)).await?;
//!
//!     // A valid message: handled, its output confirmed, acked.
//!     let outcome = harness
//!         .send(echo::channels::RECEIVED_MESSAGE, &json!({"content": "hello"}))
//!         .await;
//!     assert_eq!(outcome.fate, Fate::Acked);
//!     assert_eq!(outcome.attempts, 1);
//!     assert_eq!(outcome.mov_logs[0].message, "Received a message to echo");
//!     let echoed: Vec<serde_json::Value> = harness.published_as(echo::channels::PUBLISH_MESSAGE)?;
//!     assert_eq!(echoed, [json!({"content": "hello"})]);
//!
//!     // An invalid one (`content` must not be empty): refused by the generated validation,
//!     // logged to the MOV as ERROR and rejected, without calling the handler.
//!     let outcome = harness
//!         .send(echo::channels::RECEIVED_MESSAGE, &json!({"content": ""}))
//!         .await;
//!     let reason = outcome.reason().unwrap();
//!     assert!(reason.starts_with("Invalid message on channel"), "{reason}");
//!
//!     // The register message the component sent at start.
//!     let registration = harness.registration().unwrap();
//!     assert_eq!(registration.name.as_deref(), Some("c1_echo_example_with_rust_and_lapin"));
//!     Ok(())
//! }
//! ```
//!
//! Raw bytes with AMQP properties go through [`Harness::send_raw`] and [`Input`];
//! [`Harness::push`] sends without waiting, and [`Harness::settle`] then waits until every
//! input, and what it caused, is done, or fails with what is still pending:
//!
//! ```
//! # mod echo {
//! #     valawai::generate!("../examples/echo/asyncapi.yaml");
//! # }
//! # struct Echo;
//! # #[valawai::handlers(crate::echo)]
//! # impl Echo {
//! #     #[receive(echo::channels::RECEIVED_MESSAGE)]
//! #     async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
//! #         ctx.publisher().publish_message(&message).await?;
//! #         Ok(())
//! #     }
//! # }
//! use std::time::Duration;
//! use valawai::testing::{Harness, Input};
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let harness = Harness::start(echo::component(Echo)).await?;
//!     let channel = echo::channels::RECEIVED_MESSAGE;
//!
//!     let outcome = harness.send_raw(channel, Input::bytes("not json")).await;
//!     assert!(!outcome.is_acked());
//!     assert_eq!(outcome.mov_logs[0].payload, Some(serde_json::json!("not json")));
//!
//!     for n in 0..10 {
//!         harness.push(channel, &serde_json::json!({"content": format!("m{n}")}))?;
//!     }
//!     harness.settle(Duration::from_secs(5)).await?;
//!     assert_eq!(harness.published(echo::channels::PUBLISH_MESSAGE).len(), 10);
//!     Ok(())
//! }
//! ```
//!
//! To call one handler method directly, [`Harness::context`] gives the context a handler of a
//! channel gets:
//!
//! ```
//! # mod echo {
//! #     valawai::generate!("../examples/echo/asyncapi.yaml");
//! # }
//! # struct Echo;
//! # #[valawai::handlers(crate::echo)]
//! # impl Echo {
//! #     #[receive(echo::channels::RECEIVED_MESSAGE)]
//! #     async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
//! #         ctx.publisher().publish_message(&message).await?;
//! #         Ok(())
//! #     }
//! # }
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let harness = valawai::testing::Harness::start(echo::component(Echo)).await?;
//!     let payload: echo::EchoPayload = serde_json::from_str(r#"{"content": "direct"}"#)?;
//!     Echo.echo(payload, harness.context(echo::channels::RECEIVED_MESSAGE))
//!         .await
//!         .unwrap();
//!     assert_eq!(harness.published(echo::channels::PUBLISH_MESSAGE).len(), 1);
//!     Ok(())
//! }
//! ```
//!
//! # Limits
//!
//! The harness is as faithful as VALAWAI's use of RabbitMQ lets it be cheaply: every message
//! goes through the default exchange to the queue named by its channel address, and that is
//! what it models. It does **not** model:
//!
//! - exchanges other than the default one, bindings, or queues other than the component's own
//!   receive channels: a publish is recorded, and delivered again only when it goes to a
//!   receive channel of the same component;
//! - anything on the broker's side: queue limits, TTLs, dead-letter exchanges (a rejected
//!   message is reported as dead-lettered, whatever the broker would do with it), `mandatory`
//!   returns (a publish always succeeds), nacks, blocked connections, lost connections and the
//!   recovery, redelivery after a crash;
//! - the consumer's transport: prefetch, batched acks and the ack timer (each input's outcome
//!   is reported as soon as it is known), the watchdog firing on a broker that does not answer;
//! - the MOV: nothing answers the register message (use [`Harness::set_component_id`] to play
//!   the registered notification), and no connection between components is made (the topology
//!   tests on a real broker do that);
//! - the environment's configuration: channel settings are the component's own, every MOV log
//!   is sent, the publish settings are the component's.
//!
//! Retries wait for the channel's retry delay (100 ms by default) on tokio's clock: a test
//! with many retries may pause the clock (`tokio::time::pause`).

mod harness;

pub use crate::publisher::memory::Published;
pub use harness::{Fate, Harness, Input, MovLog, Outcome, SendError, Sent, Unsettled};

//! An echo component written by hand exactly as the generator will emit it: payload types with
//! their decoder, channel addresses, the component's identity, a `Handlers` trait, a typed
//! publisher, `type Context`, and `component(handlers)`. It doubles as the specification for the
//! generator's author (see `docs/architecture.md`, "Runtime API for generated code").
//!
//! One difference, for tests only: generated code has `const` addresses, while each test needs
//! its own queues on the shared broker. [`echo_component!`] therefore emits one module per test,
//! whose addresses are `static`s made unique with the module name and the process id.

/// The AsyncAPI document of the echo, with the component name `{name}` filled in.
pub fn asyncapi_yaml(name: &str) -> String {
    format!(
        r#"asyncapi: '2.6.0'
info:
  title: Echo test component
  version: '1.0.0'
  description: Echoes what it receives.
channels:
  valawai/c1/{name}/control/registered:
    subscribe:
      message:
        $ref: '#/components/messages/registered_component'
  valawai/c1/{name}/data/received_message:
    subscribe:
      message:
        $ref: '#/components/messages/echo_message'
  valawai/c1/{name}/data/publish_message:
    publish:
      message:
        $ref: '#/components/messages/echo_message'
components:
  messages:
    registered_component:
      contentType: application/json
      payload:
        type: object
        properties:
          id:
            type: string
    echo_message:
      contentType: application/json
      payload:
        $ref: '#/components/schemas/echo_payload'
  schemas:
    echo_payload:
      type: object
      properties:
        content:
          type: string
          minLength: 1
"#
    )
}

/// Emits `pub mod $module { ... }`: an echo component with unique channel names.
#[macro_export]
macro_rules! echo_component {
    ($module:ident) => {
        /// An echo component with its own channels.
        pub mod $module {
            use ::std::sync::LazyLock;

            // ---- payload types (codegen/src/types) ----

            /// `#/components/schemas/echo_payload`.
            #[derive(
                Clone,
                Debug,
                PartialEq,
                ::valawai::__private::serde::Serialize,
                ::valawai::__private::serde::Deserialize,
            )]
            #[serde(crate = "::valawai::__private::serde")]
            pub struct EchoPayload {
                /// `minLength: 1`; required by the echo although the spec does not say so.
                pub content: ::std::string::String,
            }

            impl EchoPayload {
                /// The schema checks serde does not do.
                pub fn validate(&self) -> ::std::result::Result<(), ::std::string::String> {
                    if self.content.chars().count() < 1 {
                        return Err(
                            "at `content`: must have at least 1 character (minLength: 1)".into(),
                        );
                    }
                    Ok(())
                }
            }

            /// Decodes and validates a body of `echo_message`.
            pub fn decode_echo_payload(
                body: &[u8],
            ) -> ::std::result::Result<EchoPayload, ::valawai::BoxError> {
                let payload: EchoPayload = ::valawai::__private::decode_json_object(body)?;
                payload.validate()?;
                Ok(payload)
            }

            // ---- channels ----

            /// The component name, unique per test module and process (a child process of a
            /// test takes its parent's id from `VALAWAI_TEST_PARENT_PID`).
            pub static NAME: LazyLock<::std::string::String> = LazyLock::new(|| {
                let pid = ::std::env::var("VALAWAI_TEST_PARENT_PID")
                    .unwrap_or_else(|_| ::std::process::id().to_string());
                format!("{}_{pid}", stringify!($module))
            });

            /// The channel addresses.
            pub mod channels {
                use super::{LazyLock, NAME};
                /// `valawai/c1/<name>/control/registered` (consumed by the runtime).
                pub static REGISTERED: LazyLock<::std::string::String> =
                    LazyLock::new(|| format!("valawai/c1/{}/control/registered", *NAME));
                /// Receive: `valawai/c1/<name>/data/received_message`.
                pub static RECEIVED_MESSAGE: LazyLock<::std::string::String> =
                    LazyLock::new(|| format!("valawai/c1/{}/data/received_message", *NAME));
                /// Send: `valawai/c1/<name>/data/publish_message`.
                pub static PUBLISH_MESSAGE: LazyLock<::std::string::String> =
                    LazyLock::new(|| format!("valawai/c1/{}/data/publish_message", *NAME));
            }

            // ---- identity (generated: `pub const COMPONENT: ComponentInfo`) ----

            /// The AsyncAPI document, sent with the register message.
            pub static ASYNCAPI_YAML: LazyLock<::std::string::String> =
                LazyLock::new(|| $crate::support::echo::asyncapi_yaml(&NAME));

            /// Name, type, version, spec text and registered channel.
            pub fn info() -> ::valawai::ComponentInfo {
                ::valawai::ComponentInfo {
                    name: format!("c1_{}", *NAME).into(),
                    component_type: ::valawai::mov::protocol::ComponentType::C1,
                    version: "1.0.0".into(),
                    asyncapi_yaml: ASYNCAPI_YAML.as_str().into(),
                    registered_channel: channels::REGISTERED.as_str().into(),
                }
            }

            // ---- handlers, publisher, context ----

            /// What the generator emits for a component's receive channels.
            pub type Context = ::valawai::Context<Publisher>;

            /// One method per receive channel (the registered channel excepted).
            pub trait Handlers: Send + Sync + 'static {
                /// Handles a message of `valawai/c1/<name>/data/received_message`.
                fn received_message(
                    &self,
                    payload: EchoPayload,
                    ctx: Context,
                ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;
            }

            /// One method per channel the component sends on.
            #[derive(Clone, Debug)]
            pub struct Publisher(::valawai::Publisher);

            impl ::std::convert::From<::valawai::Publisher> for Publisher {
                fn from(raw: ::valawai::Publisher) -> Self {
                    Self(raw)
                }
            }

            impl Publisher {
                /// Publishes on `valawai/c1/<name>/data/publish_message`.
                pub async fn publish_message(
                    &self,
                    payload: &EchoPayload,
                ) -> ::std::result::Result<(), ::valawai::PublishError> {
                    self.0.publish(&channels::PUBLISH_MESSAGE, payload).await
                }

                /// The raw publisher underneath.
                pub fn raw(&self) -> &::valawai::Publisher {
                    &self.0
                }
            }

            /// Wires every receive channel to its handler.
            pub fn component<H: Handlers>(handlers: H) -> ::valawai::Component {
                let handlers = ::std::sync::Arc::new(handlers);
                ::valawai::Component::new(info()).receive(
                    channels::RECEIVED_MESSAGE.as_str(),
                    ::valawai::ChannelSettings::default(),
                    ::valawai::__private::dispatcher(decode_echo_payload, {
                        let handlers = handlers.clone();
                        move |payload: EchoPayload, ctx: Context| {
                            let handlers = handlers.clone();
                            async move { handlers.received_message(payload, ctx).await }
                        }
                    }),
                )
            }
        }
    };
}

/// The upstream echo's behaviour: log the input to the MOV, echo `content`, log the output.
pub struct EchoHandlers;

/// Implements the upstream echo for a module made by [`echo_component!`].
#[macro_export]
macro_rules! impl_echo_handlers {
    ($module:ident) => {
        impl $module::Handlers for $crate::support::echo::EchoHandlers {
            async fn received_message(
                &self,
                payload: $module::EchoPayload,
                ctx: $module::Context,
            ) -> ::valawai::HandlerResult {
                ctx.mov()
                    .info("Received a message to echo")
                    .payload(&payload)
                    .await;
                let echo = $module::EchoPayload {
                    content: payload.content,
                };
                ctx.publisher().publish_message(&echo).await?;
                ctx.mov().info("Sent Echoed message").payload(&echo).await;
                Ok(())
            }
        }
    };
}

//! The build-script path on the echo, as the echo component's main.rs uses it.

valawai::include_component!(mod echo);

use echo::{Context, EchoPayload};
use valawai::HandlerResult;

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    /// Echoes the content back.
    #[receive("valawai/c1/echo_example_with_python_and_pika/data/received_message")]
    async fn echo(&self, message: EchoPayload, ctx: Context) -> HandlerResult {
        ctx.mov().info("Received a message to echo").payload(&message).await;
        ctx.publisher().publish_message(&message).await?;
        Ok(())
    }

    /// Methods without `#[receive]` stay as they are.
    fn unused_helper(&self) -> usize {
        1
    }
}

fn main() {
    let component = echo::component(Echo);
    let info = component.info().expect("a registering component");
    assert_eq!(info.name, "c1_echo_example_with_python_and_pika");
    assert_eq!(info.component_type, valawai::mov::protocol::ComponentType::C1);
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        info.registered_channel,
        "valawai/c1/echo_example_with_python_and_pika/control/registered"
    );
    assert!(info.asyncapi_yaml.contains("echo_message:"));
    info.check().unwrap();
    assert_eq!(Echo.unused_helper(), 1);

    let payload = echo::decode_echo_payload(br#"{"content":"hi","x":1}"#).unwrap();
    assert_eq!(payload.content.as_deref().map(String::as_str), Some("hi"));
    let error = echo::decode_echo_payload(br#"{"content":""}"#).unwrap_err();
    assert!(error.to_string().contains("content"), "{error}");
    let error = echo::decode_echo_payload(br#"["hi"]"#).unwrap_err();
    assert_eq!(error.to_string(), "expected a JSON object, found an array");
}

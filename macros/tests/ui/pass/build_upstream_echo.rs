//! The build-script path on the upstream echo spec, loaded leniently: its dangling message
//! reference makes both data channels untyped JSON. Handlers named by their method, and one
//! without the context.

mod echo {
    valawai::include_component!("upstream_echo");
}

use valawai::payload::JsonValue;

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    async fn echo(&self, message: JsonValue) -> valawai::HandlerResult {
        let _ = message;
        Ok(())
    }
}

fn main() {
    let component = echo::component(Echo);
    assert_eq!(component.info().unwrap().name, "c1_echo_example_with_python_and_pika");
    assert_eq!(
        echo::decode_received_message(b"[1]").unwrap(),
        JsonValue::from(vec![1])
    );
}

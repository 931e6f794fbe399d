//! The macro path on the echo: `generate!` in a module, `#[handlers]` on the implementation.

mod echo {
    valawai::generate!("@FIXTURES@/component/echo/asyncapi.yaml");
}

struct Echo;

#[valawai::handlers(crate::echo)]
impl Echo {
    #[receive(echo::channels::RECEIVED_MESSAGE)]
    async fn echo(&self, message: echo::EchoPayload, ctx: echo::Context) -> valawai::HandlerResult {
        ctx.publisher().publish_message(&message).await?;
        Ok(())
    }
}

fn main() {
    let component = echo::component(Echo);
    assert_eq!(component.info().unwrap().name, "c1_echo_example_with_python_and_pika");
    component.info().unwrap().check().unwrap();
}

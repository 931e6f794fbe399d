mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    async fn echo(&self, _: echo::EchoPayload) -> valawai::HandlerResult {
        Ok(())
    }

    #[receive("valawai/c1/echo_example_with_python_and_pika/data/received_message")]
    async fn echo_again(&self, _: echo::EchoPayload) -> valawai::HandlerResult {
        Ok(())
    }
}

// A use of the type: the only error stays the one at the method.
fn main() {
    let _ = echo::component(Echo);
}

mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    fn echo(&self, _: echo::EchoPayload, _: echo::Context) -> valawai::HandlerResult {
        Ok(())
    }
}

fn main() {
    let _ = echo::component(Echo);
}

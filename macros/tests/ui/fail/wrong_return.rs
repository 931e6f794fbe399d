mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    async fn echo(&self, _: echo::EchoPayload) -> Option<()> {
        Some(())
    }
}

fn main() {
    let _ = echo::component(Echo);
}

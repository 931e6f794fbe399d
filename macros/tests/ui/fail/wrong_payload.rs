mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    async fn echo(&self, message: String, ctx: echo::Context) -> valawai::HandlerResult {
        let _ = (message, ctx);
        Ok(())
    }
}

// A use of the type: the only error stays the one at the method.
fn main() {
    let _ = echo::component(Echo);
}

// A return type the macro cannot judge by its name (an alias): the compiler's error, once, at
// the method.
mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    async fn echo(&self, _: echo::EchoPayload) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let _ = echo::component(Echo);
}

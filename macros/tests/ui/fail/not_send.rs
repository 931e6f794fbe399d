// A handler whose future is not `Send` (it holds an `Rc` across an await).
mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {
    #[receive(received_message)]
    async fn echo(&self, _: echo::EchoPayload) -> valawai::HandlerResult {
        let shared = std::rc::Rc::new(1);
        std::future::ready(()).await;
        let _ = shared;
        Ok(())
    }
}

fn main() {
    let _ = echo::component(Echo);
}

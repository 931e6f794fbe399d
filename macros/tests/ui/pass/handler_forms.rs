//! The forms a handler may take besides `async fn .. -> HandlerResult`: the channel by its
//! short name, a plain `fn` returning `impl Future`, `Result<(), HandlerError>` spelled out,
//! and an alias of the result (which the compiler checks).

valawai::include_component!(mod echo);

use std::future::Future;

use echo::{Context, EchoPayload};
use valawai::{HandlerError, HandlerResult};

struct ByName;

#[valawai::handlers(echo)]
impl ByName {
    #[receive(received_message)]
    fn echo(&self, _: EchoPayload, _: Context) -> impl Future<Output = HandlerResult> + Send {
        async { Ok(()) }
    }
}

struct SpelledOut;

#[valawai::handlers(echo)]
impl SpelledOut {
    #[receive(RECEIVED_MESSAGE)]
    async fn echo(&self, _: EchoPayload) -> Result<(), HandlerError> {
        Ok(())
    }
}

type Outcome = HandlerResult;

struct Aliased;

#[valawai::handlers(echo)]
impl Aliased {
    #[receive("valawai/c1/echo_example_with_python_and_pika/data/received_message")]
    async fn echo(&self, _: EchoPayload) -> Outcome {
        Ok(())
    }
}

fn main() {
    let _ = echo::component(ByName);
    let _ = echo::component(SpelledOut);
    let _ = echo::component(Aliased);
}

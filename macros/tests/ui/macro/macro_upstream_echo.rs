//! The macro path on the upstream echo, leniently, expanded at the crate root: `#[handlers]`
//! without a module path looks in the current module.

valawai::generate!(
    "@FIXTURES@/valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
    lenient = true,
    dialect = "valawai",
);

struct Echo;

#[valawai::handlers]
impl Echo {
    #[receive("valawai/c1/echo_example_with_python_and_pika/data/received_message")]
    async fn echo(&self, message: valawai::payload::JsonValue, ctx: Context) -> valawai::HandlerResult {
        ctx.publisher().publish_message(&message).await?;
        Ok(())
    }
}

fn main() {
    assert_eq!(COMPONENT.name, "c1_echo_example_with_python_and_pika");
    let _ = component(Echo);
}

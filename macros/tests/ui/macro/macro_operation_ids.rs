//! Method names from operationIds: `#[handlers]` finds the `Handlers` method the channel table
//! names (`handle_reading`, from `operationId: handleReading`; `target`, derived from the
//! address), and the publisher's methods carry the operationIds too.

mod thermostat {
    valawai::generate!("@FIXTURES@/component/operation_ids.asyncapi.yaml");
}

struct Thermostat;

#[valawai::handlers(crate::thermostat)]
impl Thermostat {
    #[receive("valawai/c0/thermostat/data/reading")]
    async fn reading(
        &self,
        reading: thermostat::ReadingPayload,
        ctx: thermostat::Context,
    ) -> valawai::HandlerResult {
        ctx.publisher().raise_alarm(&reading).await?;
        Ok(())
    }

    #[receive(thermostat::channels::TARGET)]
    async fn target(&self, celsius: f64, ctx: thermostat::Context) -> valawai::HandlerResult {
        ctx.publisher().heating(&(celsius > 20.0)).await?;
        Ok(())
    }
}

fn main() {
    let component = thermostat::component(Thermostat);
    assert_eq!(component.info().unwrap().name, "c0_thermostat");
}

//! The build-script path on the MOV's own spec, which names no component: no `COMPONENT`, no
//! `component()`; `wire_handlers` takes a `Component` built by the caller (the development MOV
//! will build one that does not register itself). Handlers named by address, by method and by
//! constant; a parameterised publisher method. Generated with `valawai_codegen::mov::type_options()`,
//! as the development MOV will be.

valawai::include_component!(pub mod mov, "mov");

use mov::Context;
use valawai::HandlerResult;

struct DevMov;

#[valawai::handlers(mov)]
impl DevMov {
    #[receive("valawai/component/register")]
    async fn register(&self, payload: mov::RegisterComponentPayload, ctx: Context) -> HandlerResult {
        let (Some(name), Some(component_type)) = (payload.name, payload.type_) else {
            return Ok(());
        };
        let name: mov::RegisteredName = name.parse()?;
        let segment = match component_type {
            mov::ComponentType::C0 => mov::RegisteredType::V0,
            mov::ComponentType::C1 => mov::RegisteredType::V1,
            mov::ComponentType::C2 => mov::RegisteredType::V2,
        };
        let registered = mov::ComponentPayload::default();
        ctx.publisher().registered(&segment, &name, &registered).await?;
        Ok(())
    }

    #[receive(component_query)]
    async fn query(&self, _: mov::QueryComponentsPayload, _: Context) -> HandlerResult {
        Ok(())
    }

    #[receive(UNREGISTER)]
    async fn unregister(&self, _: mov::UnregisterComponentPayload, _: Context) -> HandlerResult {
        Ok(())
    }

    #[receive(topology_create)]
    async fn create(&self, _: mov::CreateConnectionPayload) -> HandlerResult {
        Ok(())
    }

    #[receive(topology_query)]
    async fn topology_query(&self, _: mov::QueryConnectionsPayload) -> HandlerResult {
        Ok(())
    }

    #[receive(topology_change)]
    async fn change(&self, _: mov::ChangeTopologyPayload) -> HandlerResult {
        Ok(())
    }

    #[receive(add)]
    async fn log(&self, _: mov::AddLogPayload) -> HandlerResult {
        Ok(())
    }

    #[receive(notification_create)]
    async fn create_notification(&self, _: mov::CreateNotificationPayload) -> HandlerResult {
        Ok(())
    }

    #[receive(notification_change)]
    async fn change_notification(&self, _: mov::ChangeNotificationPayload) -> HandlerResult {
        Ok(())
    }
}

fn main() {
    let info = valawai::ComponentInfo::new(
        "c1_dev_mov",
        valawai::mov::protocol::ComponentType::C1,
        "1.0.0",
        "asyncapi: 2.6.0",
        "valawai/c1/dev_mov/control/registered",
    );
    let component = mov::wire_handlers(valawai::Component::new(info), DevMov);
    assert!(format!("{component:?}").contains("valawai/log/add"));
    let name: mov::RegisteredName = "echo".parse().unwrap();
    assert_eq!(
        mov::channels::registered(&mov::RegisteredType::V1, &name),
        "valawai/c1/echo/control/registered"
    );
}

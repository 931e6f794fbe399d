//! The macro path on the MOV's own spec: every channel the MOV receives on has a handler.

mod mov {
    valawai::generate!("@FIXTURES@/valawai/MOV/asyncapi.yaml");
}

use mov::*;
use valawai::HandlerResult;

struct DevMov;

#[valawai::handlers(mov)]
impl DevMov {
    #[receive(register)]
    async fn register(&self, _: RegisterComponentPayload) -> HandlerResult { Ok(()) }
    #[receive(component_query)]
    async fn component_query(&self, _: QueryComponentsPayload) -> HandlerResult { Ok(()) }
    #[receive(unregister)]
    async fn unregister(&self, _: UnregisterComponentPayload) -> HandlerResult { Ok(()) }
    #[receive(topology_create)]
    async fn topology_create(&self, _: CreateConnectionPayload) -> HandlerResult { Ok(()) }
    #[receive(topology_query)]
    async fn topology_query(&self, _: QueryConnectionsPayload) -> HandlerResult { Ok(()) }
    #[receive(topology_change)]
    async fn topology_change(&self, _: ChangeTopologyPayload) -> HandlerResult { Ok(()) }
    #[receive(add)]
    async fn add(&self, _: AddLogPayload) -> HandlerResult { Ok(()) }
    #[receive(notification_create)]
    async fn notification_create(&self, _: CreateNotificationPayload) -> HandlerResult { Ok(()) }
    #[receive(notification_change)]
    async fn notification_change(&self, _: ChangeNotificationPayload) -> HandlerResult { Ok(()) }
}

fn main() {
    let info = valawai::ComponentInfo::new(
        "c1_dev_mov",
        valawai::mov::protocol::ComponentType::C1,
        "1.0.0",
        "asyncapi: 2.6.0",
        "valawai/c1/dev_mov/control/registered",
    );
    let _ = wire_handlers(valawai::Component::new(info), DevMov);
}

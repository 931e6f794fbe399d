//! The topology harness (`valawai_devmov::Topology`): two components generated from the MOV's
//! end-to-end fixture specs, the C0 patient treatment UI and the C1 NIT protocol manager, run
//! with the development MOV in a virtual host of their own. The MOV auto-connects the UI's
//! `treatment` to the manager's `treatment` and the manager's `treatment_action_feedback` back
//! to the UI's (C0 and C1: enabled); a treatment the UI sends comes back as feedback.
//!
//! Needs the broker at `AMQP_ADDR` and `rabbitmqctl` (or `RABBITMQCTL`).

use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::mpsc;
use valawai_devmov::Topology;

mod ui {
    valawai::generate!(
        "../fixtures/valawai/MOV/test-resources/e2e/c0_patient_treatment_ui_1.0.0.yml"
    );
}

mod nit {
    valawai::generate!(
        "../fixtures/valawai/MOV/test-resources/e2e/c1_nit_protocol_manager_1.0.1.yml"
    );
}

const PATIENCE: Duration = Duration::from_secs(20);

/// The UI: records the feedback it receives.
struct Ui(mpsc::UnboundedSender<(&'static str, Value)>);

#[valawai::handlers(crate::ui)]
impl Ui {
    #[receive(ui::channels::TREATMENT_VALUE_FEEDBACK)]
    async fn value_feedback(
        &self,
        payload: ui::TreatmentValueFeedbackPayload,
        _ctx: ui::Context,
    ) -> valawai::HandlerResult {
        let _ = self.0.send(("value", serde_json::to_value(&payload)?));
        Ok(())
    }

    #[receive(ui::channels::TREATMENT_ACTION_FEEDBACK)]
    async fn action_feedback(
        &self,
        payload: ui::TreatmentActionFeedbackPayload,
        _ctx: ui::Context,
    ) -> valawai::HandlerResult {
        let _ = self.0.send(("action", serde_json::to_value(&payload)?));
        Ok(())
    }
}

/// The protocol manager: allows every treatment's first action, and says so to the MOV.
struct Nit(mpsc::UnboundedSender<Value>);

#[valawai::handlers(crate::nit)]
impl Nit {
    #[receive(nit::channels::TREATMENT)]
    async fn treatment(
        &self,
        payload: nit::TreatmentPayload,
        ctx: nit::Context,
    ) -> valawai::HandlerResult {
        let received = serde_json::to_value(&payload)?;
        let _ = self.0.send(received.clone());
        ctx.mov().info("Treatment received").payload(&payload).await;
        let feedback: nit::TreatmentActionFeedbackPayload = serde_json::from_value(json!({
            "treatment_id": received["id"],
            "action": received["actions"][0],
            "feedback": "ALLOW",
        }))?;
        ctx.publisher().treatment_action_feedback(&feedback).await?;
        Ok(())
    }
}

fn url() -> String {
    std::env::var("AMQP_ADDR").unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into())
}

fn vhost_exists(name: &str) -> bool {
    let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
    let mut parts = command.split_whitespace();
    let output = std::process::Command::new(parts.next().unwrap())
        .args(parts)
        .args(["list_vhosts", "--quiet", "--no-table-headers"])
        .output()
        .expect("rabbitmqctl runs");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .any(|line| line.trim() == name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_components_exchange_a_message_through_the_dev_mov_in_a_vhost_of_their_own() {
    let mut topology = Topology::start(&url(), "topology").await.unwrap();
    let vhost = topology.vhost().to_owned();
    assert!(vhost_exists(&vhost));

    let (ui_tx, mut ui_rx) = mpsc::unbounded_channel();
    let (nit_tx, mut nit_rx) = mpsc::unbounded_channel();
    let ui = topology.add(ui::component(Ui(ui_tx))).await.unwrap();
    let nit = topology.add(nit::component(Nit(nit_tx))).await.unwrap();
    let connections = topology.enabled_connections(2, PATIENCE).await.unwrap();
    let routes: Vec<(String, String)> = connections
        .iter()
        .map(|c| (c.source.channel_name.clone(), c.target.channel_name.clone()))
        .collect();
    assert!(
        routes.contains(&(
            ui::channels::TREATMENT.into(),
            nit::channels::TREATMENT.into()
        )),
        "{routes:?}"
    );
    assert!(
        routes.contains(&(
            nit::channels::TREATMENT_ACTION_FEEDBACK.into(),
            ui::channels::TREATMENT_ACTION_FEEDBACK.into()
        )),
        "{routes:?}"
    );

    // The UI sends a treatment with its own typed publisher.
    let treatment: ui::TreatmentPayload = serde_json::from_value(json!({
        "id": "t-1",
        "patient_id": "p-7",
        "created_time": 1_715_342_664,
        "actions": ["CPR", "ICU"],
    }))
    .unwrap();
    ui::Publisher::from(ui.publisher())
        .treatment(&treatment)
        .await
        .unwrap();
    let received = tokio::time::timeout(PATIENCE, nit_rx.recv())
        .await
        .expect("the manager got the treatment")
        .unwrap();
    assert_eq!(received["id"], "t-1");
    assert_eq!(received["actions"], json!(["CPR", "ICU"]));
    let (kind, feedback) = tokio::time::timeout(PATIENCE, ui_rx.recv())
        .await
        .expect("the UI got the feedback")
        .unwrap();
    assert_eq!(kind, "action");
    assert_eq!(
        feedback,
        json!({"treatment_id": "t-1", "action": "CPR", "feedback": "ALLOW"})
    );

    // The manager's log reached the MOV, with its id.
    let nit_id = nit.component_id().unwrap().to_string();
    let log = topology
        .wait_for_log("the manager's log", PATIENCE, |l| {
            l.message == "Treatment received"
        })
        .await
        .unwrap_or_else(|e| panic!("{e}: {:?}", topology.mov_logs()));
    assert_eq!(log.level, "INFO");
    assert_eq!(log.component_id.as_deref(), Some(nit_id.as_str()));

    // Any channel nobody else consumes can be published to and awaited.
    let mut probe = topology.subscribe::<Value>("topology/probe").await.unwrap();
    topology
        .publish("topology/probe", &json!({"n": 1}))
        .await
        .unwrap();
    assert_eq!(probe.next(PATIENCE).await.unwrap(), json!({"n": 1}));

    topology.stop().await.unwrap();
    assert!(!vhost_exists(&vhost), "the virtual host is deleted");
}

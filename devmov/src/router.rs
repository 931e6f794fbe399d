//! Routing: for every channel that is the source of an enabled connection, the development MOV
//! consumes the channel's queue (declared durable, with auto-ack, as the MOV does) and publishes
//! each message to the connections' targets and to their enabled C2 notifications.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::Arc;

use futures_core::Stream;
use lapin::options::BasicConsumeOptions;
use lapin::types::FieldTable;
use tokio::sync::Mutex;
use tokio::task::JoinHandle;
use valawai::conventions;
use valawai::mov::protocol::{MinComponentPayload, SentMessagePayload};

use crate::ids;
use crate::state::Shared;

/// The queues the development MOV consumes to route messages.
#[derive(Default)]
pub(crate) struct Router {
    state: Mutex<RouterState>,
}

#[derive(Default)]
struct RouterState {
    connection: Option<lapin::Connection>,
    consumers: HashMap<String, (lapin::Channel, JoinHandle<()>)>,
}

impl Router {
    /// Starts or stops consuming `channel`, as the enabled connections now require.
    pub(crate) async fn refresh(&self, shared: &Arc<Shared>, channel: &str) {
        let wanted = shared.lock().routes_from(channel);
        let mut state = self.state.lock().await;
        if wanted == state.consumers.contains_key(channel) {
            return;
        }
        if !wanted {
            if let Some((ch, task)) = state.consumers.remove(channel) {
                task.abort();
                let _ = ch.close(200, "no enabled connection".into()).await;
            }
            return;
        }
        if let Err(e) = consume(&mut state, shared, channel).await {
            shared.log(
                "ERROR",
                format!("Cannot route the messages of {channel}: {e}"),
                None,
            );
        }
    }

    /// Stops every consumer and closes the connection.
    pub(crate) async fn close(&self) {
        let mut state = self.state.lock().await;
        for (_, (_, task)) in state.consumers.drain() {
            task.abort();
        }
        if let Some(connection) = state.connection.take() {
            let _ = connection
                .close(200, "the development MOV stops".into())
                .await;
        }
    }
}

async fn consume(
    state: &mut RouterState,
    shared: &Arc<Shared>,
    channel: &str,
) -> Result<(), String> {
    if state
        .connection
        .as_ref()
        .is_none_or(|c| !c.status().connected())
    {
        let connection = valawai::connection::open(&shared.config, "valawai_dev_mov_router")
            .await
            .map_err(|e| e.to_string())?;
        state.connection = Some(connection);
    }
    let connection = state.connection.as_ref().ok_or("no connection")?;
    let ch = connection
        .create_channel()
        .await
        .map_err(|e| e.to_string())?;
    ch.queue_declare(
        channel.into(),
        conventions::queue_declare_options(),
        conventions::queue_arguments(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let no_ack = BasicConsumeOptions {
        no_ack: true,
        ..BasicConsumeOptions::default()
    };
    let mut consumer = ch
        .basic_consume(
            channel.into(),
            "valawai_dev_mov".into(),
            no_ack,
            FieldTable::default(),
        )
        .await
        .map_err(|e| e.to_string())?;
    let shared = shared.clone();
    let source = channel.to_owned();
    let task = tokio::spawn(async move {
        while let Some(delivery) =
            std::future::poll_fn(|cx| Pin::new(&mut consumer).poll_next(cx)).await
        {
            match delivery {
                Ok(delivery) => route(&shared, &source, &delivery.data).await,
                Err(e) => {
                    shared.log("ERROR", format!("Stopped routing {source}: {e}"), None);
                    break;
                }
            }
        }
    });
    state.consumers.insert(channel.to_owned(), (ch, task));
    Ok(())
}

/// Where one connection takes a message: its target, and the C2 notifications to send.
struct Delivery {
    target: String,
    converter: Option<String>,
    notifications: Vec<(String, SentMessagePayload)>,
}

/// Publishes a message from `source` to every enabled connection's target, then to the
/// connection's enabled C2 notifications.
async fn route(shared: &Arc<Shared>, source: &str, body: &[u8]) {
    let message: serde_json::Map<String, serde_json::Value> = match serde_json::from_slice(body) {
        Ok(m) => m,
        Err(_) => {
            shared.log(
                "ERROR",
                format!("Cannot route a message on {source}: it is not a JSON object."),
                Some(String::from_utf8_lossy(body).into_owned()),
            );
            return;
        }
    };
    let plan: Vec<Delivery> = {
        let registry = shared.lock();
        let min = |id: &str| {
            registry
                .components
                .iter()
                .find(|c| c.id == id)
                .map(|c| MinComponentPayload {
                    id: c.id.as_str().try_into().ok(),
                    name: Some(c.name.clone()),
                    type_: Some(c.component_type),
                })
        };
        registry
            .connections
            .iter()
            .filter(|c| c.enabled && c.source.channel_name == source)
            .map(|c| {
                let notifications = c
                    .notifications
                    .iter()
                    .filter(|n| n.enabled)
                    .map(|n| {
                        let sent = SentMessagePayload {
                            connection_id: c.id.as_str().try_into().ok(),
                            source: min(&c.source.component_id),
                            target: min(&c.target.component_id),
                            message_payload: Some(message.clone()),
                            timestamp: Some(ids::now()),
                        };
                        (n.target.channel_name.clone(), sent)
                    })
                    .collect();
                Delivery {
                    target: c.target.channel_name.clone(),
                    converter: c.converter_js_code.clone(),
                    notifications,
                }
            })
            .collect()
    };
    let publisher = shared.handle.publisher();
    for Delivery {
        target,
        converter,
        notifications,
    } in plan
    {
        if converter.is_some() {
            shared.log(
                "ERROR",
                format!(
                    "Cannot route a message from {source} to {target}: the development MOV \
                     cannot run converter_js_code."
                ),
                None,
            );
            continue;
        }
        if let Err(e) = publisher.publish(&target, &message).await {
            shared.log(
                "ERROR",
                format!("Cannot route a message to {target}: {e}"),
                None,
            );
        }
        for (channel, sent) in notifications {
            if let Err(e) = publisher.publish(&channel, &sent).await {
                shared.log("ERROR", format!("Cannot notify {channel}: {e}"), None);
            }
        }
    }
}

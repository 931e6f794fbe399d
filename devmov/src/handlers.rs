//! The development MOV's handlers: the generated [`mov::Handlers`] trait implemented on the
//! in-memory registry, following what the MOV's managers do (`RegisterComponentManager`,
//! `UnregisterComponentManager`, `CreateConnectionManager`, `ChangeTopologyManager`, ...).

use std::ops::Deref;
use std::sync::{Arc, LazyLock};

use serde::Serialize;
use valawai::HandlerResult;
use valawai::mov::protocol::{
    self as typed, AddLogPayload, ChangeNotificationPayload, ChangeNotificationPayloadAction,
    ChangeTopologyPayload, ChangeTopologyPayloadAction, CreateConnectionPayload,
    CreateNotificationPayload, NodePayload, QueryComponentsPayload, QueryConnectionsPayload,
    RegisterComponentPayload, UnregisterComponentPayload,
};

use crate::events::Event;
use crate::ids;
use crate::mov::{self, Context};
use crate::query::{self, Key, Pattern};
use crate::registry::{
    ComponentRecord, ConnectionRecord, LogRecord, Node, NotificationRecord, channel_name,
};
use crate::router::Router;
use crate::schema::{self, ChannelRole};
use crate::state::Shared;
use crate::wire::{self, Wire};
use valawai::payload::EcmaRegex;

/// The generated handler trait, on the shared state and the router.
pub(crate) struct MovHandlers {
    pub(crate) shared: Arc<Shared>,
    pub(crate) router: Arc<Router>,
}

/// The MOV's Java checks on a register message, as full matches; compiled once.
static NAME: LazyLock<EcmaRegex> = LazyLock::new(|| full_match(r"c[0|1|2]_\w+"));
static VERSION: LazyLock<EcmaRegex> = LazyLock::new(|| full_match(r"\d+\.\d+\.\d+"));

fn full_match(pattern: &str) -> EcmaRegex {
    EcmaRegex::new(&format!("^(?:{pattern})$")).expect("a valid constant pattern")
}

/// A connection end from its payload, when it names both the component and the channel.
fn node(payload: &NodePayload) -> Option<Node> {
    Some(Node {
        component_id: payload.component_id.as_deref().cloned()?,
        channel_name: payload.channel_name.clone()?,
    })
}

/// The id an optional id field holds, or an empty one (which names nothing) when it is absent.
fn id_or_empty<T: Deref<Target = String>>(id: &Option<T>) -> String {
    id.as_deref().cloned().unwrap_or_default()
}

fn json_string(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl Shared {
    /// Logs, as the MOV does, an error about a message it refused, with the message's payload.
    fn log_refused(&self, message: impl Into<String>, payload: &impl Serialize) {
        self.log("ERROR", message.into(), Some(json_string(payload)));
    }

    /// Checks a register message as the MOV does and builds the record.
    fn admit(&self, payload: &RegisterComponentPayload) -> Result<ComponentRecord, String> {
        let invalid = || "Received invalid register component payload.".to_owned();
        let component_type = payload.type_.ok_or_else(invalid)?;
        let name = payload.name.as_deref().ok_or_else(invalid)?;
        let version = payload.version.as_deref().ok_or_else(invalid)?;
        if NAME.is_match(name) != Some(true) || VERSION.is_match(version) != Some(true) {
            return Err(invalid());
        }
        let spec = payload
            .asyncapi_yaml
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| {
                "Received invalid register component payload, because The async API is not valid."
                    .to_owned()
            })?;
        let translated =
            valawai_codegen::mov::translate_str(spec, "asyncapi_yaml").map_err(|e| {
                tracing::debug!("translation refused: {e}");
                "Received invalid register component payload, because The async API is not valid."
                    .to_owned()
            })?;
        let channels = wire::channels(&translated).map_err(|e| {
            tracing::debug!("the translation does not read as the MOV's types: {e}");
            "Received invalid register component payload, because The async API is not valid."
                .to_owned()
        })?;
        Ok(ComponentRecord {
            id: ids::object_id(),
            name: name.to_owned(),
            description: translated.description,
            version: version.to_owned(),
            api_version: translated.api_version,
            component_type,
            since: ids::now(),
            channels,
            finished: None,
        })
    }

    /// The connections the MOV proposes for a new component: every pair of a candidate channel
    /// of the new component and a channel of a live component (itself included), in both
    /// directions, whose publish schema matches the other's subscribe schema.
    fn discover(&self, new: &ComponentRecord) -> Vec<(Node, Node, bool)> {
        let registry = self.lock();
        let candidates: Vec<_> = new
            .channels
            .iter()
            .filter(|c| {
                schema::role(new.component_type, channel_name(c), c.subscribe.as_ref())
                    == ChannelRole::Candidate
            })
            .collect();
        let mut found = Vec::new();
        let node = |c: &ComponentRecord, channel: &str| Node {
            component_id: c.id.clone(),
            channel_name: channel.to_owned(),
        };
        let live = registry.components.iter().filter(|c| c.finished.is_none());
        // Loops between two channels of the new component are proposed too.
        for other in live.chain(std::iter::once(new)) {
            let enabled = other.component_type != new.component_type;
            for mine in &candidates {
                for theirs in &other.channels {
                    let pairs = [(*mine, new, theirs, other), (theirs, other, *mine, new)];
                    for (source, source_component, target, target_component) in pairs {
                        if let (Some(p), Some(s)) = (&source.publish, &target.subscribe)
                            && schema::matches(p, s)
                        {
                            let pair = (
                                node(source_component, channel_name(source)),
                                node(target_component, channel_name(target)),
                                enabled,
                            );
                            if !found.contains(&pair) {
                                found.push(pair);
                            }
                        }
                    }
                }
            }
        }
        found
    }

    /// The C2 notification channels (component, channel) whose schema takes what `source`
    /// publishes.
    fn notification_targets(&self, source_schema: &typed::PayloadSchema) -> Vec<Node> {
        let sent = schema::sent_message_schema(source_schema);
        let registry = self.lock();
        let mut targets = Vec::new();
        for c in registry
            .components
            .iter()
            .filter(|c| c.finished.is_none() && c.component_type == typed::ComponentType::C2)
        {
            for channel in &c.channels {
                let notification = schema::role(
                    typed::ComponentType::C2,
                    channel_name(channel),
                    channel.subscribe.as_ref(),
                ) == ChannelRole::Notification;
                if notification
                    && channel
                        .subscribe
                        .as_ref()
                        .is_some_and(|s| schema::matches(&sent, s))
                {
                    targets.push(Node {
                        component_id: c.id.clone(),
                        channel_name: channel_name(channel).to_owned(),
                    });
                }
            }
        }
        targets
    }
}

/// Publishes a MOV message, written once here.
async fn publish(
    ctx: &Context,
    channel: &str,
    message: &impl Serialize,
) -> Result<(), valawai::PublishError> {
    ctx.publisher().raw().publish(channel, message).await
}

impl mov::Handlers for MovHandlers {
    async fn register(&self, payload: RegisterComponentPayload, ctx: Context) -> HandlerResult {
        let shared = &self.shared;
        let message = json_string(&payload);
        let component = match shared.admit(&payload) {
            Ok(c) => c,
            Err(reason) => {
                shared.log("ERROR", reason.clone(), Some(message));
                shared.emit(Event::Rejected { reason });
                return Ok(());
            }
        };
        shared.log(
            "INFO",
            format!("Registered component {}.", component.id),
            Some(message),
        );
        let proposals = shared.discover(&component);
        shared.lock().components.push(component.clone());
        for (source, target, enabled) in proposals {
            let create = typed::CreateConnectionPayload {
                source: Some(source.to_payload()),
                target: Some(target.to_payload()),
                enabled: Some(enabled),
                converter_js_code: None,
            };
            publish(&ctx, mov::channels::TOPOLOGY_CREATE, &create).await?;
        }
        if component.component_type == typed::ComponentType::C2 {
            let connections = shared.lock().connections.clone();
            for connection in connections {
                let schema = shared
                    .lock()
                    .live(&connection.source.component_id)
                    .and_then(|c| c.channel(&connection.source.channel_name))
                    .and_then(|c| c.publish.clone());
                let Some(schema) = schema else { continue };
                for target in shared.notification_targets(&schema) {
                    if target.component_id != component.id {
                        continue;
                    }
                    let create = typed::CreateNotificationPayload {
                        connection_id: connection.id.as_str().try_into().ok(),
                        target: Some(target.to_payload()),
                        enabled: Some(true),
                        converter_js_code: None,
                    };
                    publish(&ctx, mov::channels::NOTIFICATION_CREATE, &create).await?;
                }
            }
        }
        // The last channel that qualifies is the registered one.
        let registered = component
            .channels
            .iter()
            .rev()
            .find(|c| {
                schema::role(
                    component.component_type,
                    channel_name(c),
                    c.subscribe.as_ref(),
                ) == ChannelRole::Registered
            })
            .map(|c| channel_name(c).to_owned());
        if let Some(channel) = &registered {
            match publish(&ctx, channel, &Wire(&component.to_payload())).await {
                Ok(()) => shared.log(
                    "INFO",
                    format!(
                        "Notified to the component {} at {channel} that it has been registered.",
                        component.id
                    ),
                    None,
                ),
                Err(e) => shared.log(
                    "ERROR",
                    format!(
                        "Cannot notify to the component {} at {channel}: {e}",
                        component.id
                    ),
                    None,
                ),
            }
        }
        shared.emit(Event::Registered {
            component,
            channel: registered,
        });
        Ok(())
    }

    async fn component_query(
        &self,
        payload: QueryComponentsPayload,
        ctx: Context,
    ) -> HandlerResult {
        let shared = &self.shared;
        let answer = (|| -> Result<typed::ComponentsPagePayload, String> {
            let limit = payload
                .limit
                .map(|l| l.get())
                .ok_or("the query has no `limit` (the MOV requires one, at least 1)")?;
            let pattern = query::optional(payload.pattern.as_deref())?;
            let type_ = query::optional(payload.type_.as_deref())?;
            let keys = query::order(
                payload.order.as_deref().map(String::as_str),
                "+since",
                &["type", "name", "description", "since"],
            )?;
            let registry = shared.lock();
            let mut found: Vec<&ComponentRecord> = registry
                .components
                .iter()
                .filter(|c| c.finished.is_none())
                .filter(|c| {
                    pattern.as_ref().is_none_or(|p: &Pattern| {
                        p.is_match(&c.name)
                            || c.description.as_deref().is_some_and(|d| p.is_match(d))
                    })
                })
                .filter(|c| {
                    type_
                        .as_ref()
                        .is_none_or(|t| t.is_match(c.component_type.as_str()))
                })
                .collect();
            found.sort_by(|a, b| {
                query::compare(a, b, &keys, |c, field| match field {
                    "type" => Key::Text(c.component_type.as_str()),
                    "name" => Key::Text(&c.name),
                    "description" => c.description.as_deref().map_or(Key::Missing, Key::Text),
                    _ => Key::Number(c.since),
                })
            });
            let total = found.len();
            let components: Vec<_> = query::page(found, payload.offset.unwrap_or(0), limit)
                .into_iter()
                .map(ComponentRecord::to_payload)
                .collect();
            Ok(typed::ComponentsPagePayload {
                query_id: payload.id.clone(),
                total: Some(total as u64),
                components: (!components.is_empty()).then_some(components),
            })
        })();
        match answer {
            Ok(page) => publish(&ctx, mov::channels::COMPONENT_PAGE, &Wire(&page)).await?,
            Err(reason) => shared.log_refused(
                format!("Received invalid query components payload: {reason}"),
                &payload,
            ),
        }
        Ok(())
    }

    async fn unregister(&self, payload: UnregisterComponentPayload, ctx: Context) -> HandlerResult {
        let shared = &self.shared;
        let id = id_or_empty(&payload.component_id);
        let (name, removed) = {
            let mut registry = shared.lock();
            let Some(component) = registry
                .components
                .iter_mut()
                .find(|c| c.id == id && c.finished.is_none())
            else {
                drop(registry);
                shared.log_refused(
                    format!("Cannot unregister the undefined component {id}"),
                    &payload,
                );
                return Ok(());
            };
            component.finished = Some(ids::now());
            let name = component.name.clone();
            for connection in &mut registry.connections {
                connection
                    .notifications
                    .retain(|n| n.target.component_id != id);
            }
            let removed: Vec<String> = registry
                .connections
                .iter()
                .filter(|c| c.source.component_id == id || c.target.component_id == id)
                .map(|c| c.id.clone())
                .collect();
            (name, removed)
        };
        for connection_id in removed {
            let change = typed::ChangeTopologyPayload {
                action: Some(typed::ChangeTopologyPayloadAction::Remove),
                connection_id: connection_id.as_str().try_into().ok(),
            };
            publish(&ctx, mov::channels::TOPOLOGY_CHANGE, &change).await?;
        }
        shared.log("INFO", format!("Unregistered component {id}."), None);
        shared.emit(Event::Unregistered { id, name });
        Ok(())
    }

    async fn topology_create(
        &self,
        payload: CreateConnectionPayload,
        ctx: Context,
    ) -> HandlerResult {
        let shared = &self.shared;
        let checked = (|| -> Result<ConnectionRecord, String> {
            let end = |n: Option<&NodePayload>, what: &str| {
                n.and_then(node).ok_or(format!(
                    "the {what} needs a component_id and a channel_name"
                ))
            };
            let source = end(payload.source.as_ref(), "source")?;
            let target = end(payload.target.as_ref(), "target")?;
            let registry = shared.lock();
            let sent = registry
                .live(&source.component_id)
                .ok_or("the source component is not defined")?
                .channel(&source.channel_name)
                .and_then(|c| c.publish.as_ref())
                .ok_or("the source component does not publish on the source channel")?;
            let taken = registry
                .live(&target.component_id)
                .ok_or("the target component is not defined")?
                .channel(&target.channel_name)
                .and_then(|c| c.subscribe.as_ref())
                .ok_or("the target component does not subscribe to the target channel")?;
            if payload.converter_js_code.is_none() && !schema::matches(sent, taken) {
                return Err("the source and target payloads do not match".into());
            }
            let now = ids::now();
            Ok(ConnectionRecord {
                id: ids::object_id(),
                create_timestamp: now,
                update_timestamp: now,
                source,
                target,
                enabled: false,
                converter_js_code: payload.converter_js_code.clone(),
                notifications: Vec::new(),
            })
        })();
        let mut connection = match checked {
            Ok(c) => c,
            Err(reason) => {
                shared.log_refused(
                    format!("Cannot create the connection, because {reason}."),
                    &payload,
                );
                return Ok(());
            }
        };
        let sent = shared
            .lock()
            .live(&connection.source.component_id)
            .and_then(|c| c.channel(&connection.source.channel_name))
            .and_then(|c| c.publish.clone());
        if let Some(sent) = sent {
            connection.notifications = shared
                .notification_targets(&sent)
                .into_iter()
                .map(|target| NotificationRecord {
                    target,
                    enabled: true,
                    converter_js_code: None,
                })
                .collect();
        }
        shared.lock().connections.push(connection.clone());
        shared.log(
            "INFO",
            format!("Added connection {}.", connection.id),
            Some(json_string(&payload)),
        );
        shared.emit(Event::Connected(connection.clone()));
        if payload.enabled == Some(true) {
            let change = typed::ChangeTopologyPayload {
                action: Some(typed::ChangeTopologyPayloadAction::Enable),
                connection_id: connection.id.as_str().try_into().ok(),
            };
            publish(&ctx, mov::channels::TOPOLOGY_CHANGE, &change).await?;
        }
        Ok(())
    }

    async fn topology_query(
        &self,
        payload: QueryConnectionsPayload,
        ctx: Context,
    ) -> HandlerResult {
        let shared = &self.shared;
        let answer = (|| -> Result<typed::ConnectionsPagePayload, String> {
            let filters = [
                (
                    query::optional(payload.source_channel_name.as_deref())?,
                    "source.channelName",
                ),
                (
                    query::optional(payload.source_component_id.as_deref())?,
                    "source.componentId",
                ),
                (
                    query::optional(payload.target_channel_name.as_deref())?,
                    "target.channelName",
                ),
                (
                    query::optional(payload.target_component_id.as_deref())?,
                    "target.componentId",
                ),
            ];
            let keys = query::order(
                payload.order.as_deref().map(String::as_str),
                "-updateTimestamp",
                &[
                    "createTimestamp",
                    "updateTimestamp",
                    "enabled",
                    "source.componentId",
                    "source.channelName",
                    "target.componentId",
                    "target.channelName",
                ],
            )?;
            fn field<'a>(c: &'a ConnectionRecord, f: &str) -> Key<'a> {
                match f {
                    "createTimestamp" => Key::Number(c.create_timestamp),
                    "updateTimestamp" => Key::Number(c.update_timestamp),
                    "enabled" => Key::Flag(c.enabled),
                    "source.componentId" => Key::Text(&c.source.component_id),
                    "source.channelName" => Key::Text(&c.source.channel_name),
                    "target.componentId" => Key::Text(&c.target.component_id),
                    _ => Key::Text(&c.target.channel_name),
                }
            }
            let registry = shared.lock();
            let mut found: Vec<&ConnectionRecord> = registry
                .connections
                .iter()
                .filter(|c| {
                    filters.iter().all(|(p, f)| {
                        p.as_ref().is_none_or(|p| match field(c, f) {
                            Key::Text(text) => p.is_match(text),
                            _ => false,
                        })
                    })
                })
                .collect();
            found.sort_by(|a, b| query::compare(a, b, &keys, |c, f| field(c, f)));
            let total = found.len();
            let limit = payload.limit.map(|l| l.get()).unwrap_or(20);
            let connections = query::page(found, payload.offset.unwrap_or(0), limit)
                .into_iter()
                .map(ConnectionRecord::to_payload)
                .collect();
            Ok(typed::ConnectionsPagePayload {
                query_id: payload.id.clone(),
                total: Some(total as u64),
                connections: Some(connections),
            })
        })();
        match answer {
            Ok(page) => publish(&ctx, mov::channels::TOPOLOGY_PAGE, &page).await?,
            Err(reason) => shared.log_refused(
                format!("Received invalid query connections payload: {reason}"),
                &payload,
            ),
        }
        Ok(())
    }

    async fn topology_change(
        &self,
        payload: ChangeTopologyPayload,
        _ctx: Context,
    ) -> HandlerResult {
        let shared = &self.shared;
        let id = id_or_empty(&payload.connection_id);
        let Some(action) = payload.action else {
            shared.log_refused("Received invalid change topology payload.", &payload);
            return Ok(());
        };
        let source = {
            let mut registry = shared.lock();
            let Some(connection) = registry.connection_mut(&id) else {
                drop(registry);
                shared.log_refused(
                    format!("Cannot change the undefined connection {id}"),
                    &payload,
                );
                return Ok(());
            };
            connection.update_timestamp = ids::now();
            let source = connection.source.channel_name.clone();
            match action {
                ChangeTopologyPayloadAction::Enable => connection.enabled = true,
                ChangeTopologyPayloadAction::Disable => connection.enabled = false,
                ChangeTopologyPayloadAction::Remove => registry.connections.retain(|c| c.id != id),
            }
            source
        };
        self.router.refresh(shared, &source).await;
        shared.emit(Event::ConnectionChanged {
            id,
            action: action.as_str().to_owned(),
        });
        Ok(())
    }

    async fn add(&self, payload: AddLogPayload, _ctx: Context) -> HandlerResult {
        let (Some(level), Some(message)) = (payload.level, payload.message.clone()) else {
            self.shared
                .log_refused("Received invalid add log payload.", &payload);
            return Ok(());
        };
        self.shared.record_log(LogRecord {
            level: level.as_str().to_owned(),
            message,
            payload: payload.payload,
            component_id: payload.component_id.as_deref().cloned(),
            timestamp: ids::now(),
        });
        Ok(())
    }

    async fn notification_create(
        &self,
        payload: CreateNotificationPayload,
        _ctx: Context,
    ) -> HandlerResult {
        let shared = &self.shared;
        let id = id_or_empty(&payload.connection_id);
        let target = payload.target.as_ref().and_then(node);
        let mut registry = shared.lock();
        let target_live = target.as_ref().is_some_and(|t| {
            registry
                .live(&t.component_id)
                .is_some_and(|c| c.channel(&t.channel_name).is_some())
        });
        match (registry.connection_mut(&id), target) {
            (Some(connection), Some(target)) if target_live => {
                connection.notifications.retain(|n| n.target != target);
                connection.notifications.push(NotificationRecord {
                    target,
                    enabled: payload.enabled.unwrap_or(false),
                    converter_js_code: payload.converter_js_code.clone(),
                });
            }
            _ => {
                drop(registry);
                shared.log_refused(
                    "Cannot create the notification: unknown connection or target.",
                    &payload,
                );
            }
        }
        Ok(())
    }

    async fn notification_change(
        &self,
        payload: ChangeNotificationPayload,
        _ctx: Context,
    ) -> HandlerResult {
        let shared = &self.shared;
        let id = id_or_empty(&payload.connection_id);
        let target = payload.target.as_ref().and_then(node);
        let mut registry = shared.lock();
        let changed = match (registry.connection_mut(&id), target, payload.action) {
            (Some(connection), Some(target), Some(action)) => {
                let before = connection.notifications.len();
                match action {
                    ChangeNotificationPayloadAction::Remove => {
                        connection.notifications.retain(|n| n.target != target);
                    }
                    action => {
                        for n in connection
                            .notifications
                            .iter_mut()
                            .filter(|n| n.target == target)
                        {
                            n.enabled = action == ChangeNotificationPayloadAction::Enable;
                        }
                    }
                }
                before > 0
            }
            _ => false,
        };
        drop(registry);
        if !changed {
            shared.log_refused(
                "Cannot change the notification: unknown connection, target or action.",
                &payload,
            );
        }
        Ok(())
    }
}

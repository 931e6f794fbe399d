//! The consumer of the component's own registered channel: the MOV's answer to the register
//! message. The runtime handles it; it never reaches a user handler.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;

use crate::context::Context;
use crate::counters::Counters;
use crate::handler::{Dispatch, DispatchError, HandlerFuture};
use crate::mov::{MovShared, id_file};
use crate::protocol::{ComponentPayload, ComponentPayloadId};

/// Stores the component id and writes the id file.
pub(crate) struct RegisteredDispatcher {
    pub mov: Arc<MovShared>,
    pub id_file: PathBuf,
    pub counters: Arc<Counters>,
}

fn is_object_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The component id in a registered notification.
///
/// Only the id matters here: a notification that does not fit `component_payload` (a newer MOV
/// with a schema type this version does not know, an `apiVersion` that is not `x.y.z`) must not
/// cost the component its id, so the id is then read alone.
fn component_id(message: &Value) -> Result<String, DispatchError> {
    let id = match crate::payload::from_value::<ComponentPayload>(message.clone()) {
        Ok(payload) => payload.id.map(ComponentPayloadId::into_inner),
        Err(e) => {
            tracing::warn!(
                "the registered notification does not match component_payload ({}); \
                 reading its `id` alone",
                crate::payload::DecodeError::from(e)
            );
            message.get("id").and_then(Value::as_str).map(str::to_owned)
        }
    };
    id.filter(|id| is_object_id(id)).ok_or_else(|| {
        DispatchError::invalid("the registered notification has no `id` of 24 hexadecimal digits")
    })
}

impl Dispatch for RegisteredDispatcher {
    fn dispatch(&self, body: &[u8], _context: Context) -> Result<HandlerFuture, DispatchError> {
        let message: Value = serde_json::from_slice(body).map_err(|e| {
            DispatchError::invalid(format!("the registered notification is not JSON: {e}"))
        })?;
        if !message.is_object() {
            return Err(DispatchError::invalid(
                "the registered notification is not a JSON object",
            ));
        }
        let id = component_id(&message)?;
        let mov = self.mov.clone();
        let path = self.id_file.clone();
        let counters = self.counters.clone();
        Ok(Box::pin(async move {
            let id: Arc<str> = id.into();
            if mov.component_id().as_deref() != Some(&*id) {
                // Counted once per notification, however many attempts writing the file takes.
                counters.registered();
            }
            mov.set_component_id(Some(id.clone()));
            id_file::write(&path, &message)?;
            tracing::info!(component_id = %id, id_file = %path.display(), "registered by the MOV");
            Ok(())
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_survives_what_this_version_cannot_read() {
        let id = "65c1f59ea4cb169f42f5edc4";
        let ok = serde_json::json!({"id": id, "name": "c1_x", "apiVersion": "1.0.0"});
        assert_eq!(component_id(&ok).unwrap(), id);
        let newer = serde_json::json!({
            "id": id,
            "apiVersion": "1.0",
            "channels": [{"name": "valawai/c1/x/data/y", "subscribe": {"type": "TUPLE"}}],
        });
        assert_eq!(component_id(&newer).unwrap(), id);
        assert!(component_id(&serde_json::json!({"id": "nope"})).is_err());
        assert!(component_id(&serde_json::json!({"name": "c1_x"})).is_err());
    }

    #[test]
    fn object_ids() {
        assert!(is_object_id("65c1f59ea4cb169f42f5edc4"));
        assert!(!is_object_id("65c1f59ea4cb169f42f5edc"));
        assert!(!is_object_id("65c1f59ea4cb169f42f5edcz"));
    }
}

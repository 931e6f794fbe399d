//! The consumer of the component's own registered channel: the MOV's answer to the register
//! message. The runtime handles it; it never reaches a user handler.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;

use super::MovShared;
use super::id_file;
use super::protocol::ComponentPayload;
use crate::context::Context;
use crate::handler::{Dispatch, DispatchError, HandlerFuture};

/// Stores the component id and writes the id file.
pub(crate) struct RegisteredDispatcher {
    pub mov: Arc<MovShared>,
    pub id_file: PathBuf,
}

fn is_object_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
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
        let payload: ComponentPayload = serde_json::from_value(message.clone()).map_err(|e| {
            DispatchError::invalid(format!(
                "the registered notification does not match component_payload: {e}"
            ))
        })?;
        let id = payload.id.filter(|id| is_object_id(id)).ok_or_else(|| {
            DispatchError::invalid(
                "the registered notification has no `id` of 24 hexadecimal digits",
            )
        })?;
        let mov = self.mov.clone();
        let path = self.id_file.clone();
        Ok(Box::pin(async move {
            let id: Arc<str> = id.into();
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
    fn object_ids() {
        assert!(is_object_id("65c1f59ea4cb169f42f5edc4"));
        assert!(!is_object_id("65c1f59ea4cb169f42f5edc"));
        assert!(!is_object_id("65c1f59ea4cb169f42f5edcz"));
    }
}

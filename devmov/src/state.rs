//! What the handlers and the router share: the registry, the event stream, the broker
//! configuration and the runtime component's handle.

use std::sync::{Mutex, MutexGuard};

use tokio::sync::broadcast;
use valawai::{ComponentHandle, Config};

use crate::events::Event;
use crate::ids;
use crate::registry::{LogRecord, Registry};

/// The development MOV's state.
pub(crate) struct Shared {
    registry: Mutex<Registry>,
    events: broadcast::Sender<Event>,
    pub(crate) config: Config,
    pub(crate) handle: ComponentHandle,
}

impl Shared {
    pub(crate) fn new(config: Config, handle: ComponentHandle) -> Self {
        let (events, _) = broadcast::channel(4096);
        Self {
            registry: Mutex::default(),
            events,
            config,
            handle,
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Registry> {
        // A handler that panicked while holding the lock left consistent data behind: every
        // change is a single push, retain or assignment.
        self.registry.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn emit(&self, event: Event) {
        // Nobody listening is fine.
        let _ = self.events.send(event);
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    /// Records one of the MOV's own logs.
    pub(crate) fn log(&self, level: &str, message: String, payload: Option<String>) {
        self.record_log(LogRecord {
            level: level.into(),
            message,
            payload,
            component_id: None,
            timestamp: ids::now(),
        });
    }

    pub(crate) fn record_log(&self, record: LogRecord) {
        self.lock().logs.push(record.clone());
        self.emit(Event::Log(record));
    }
}

//! Running the development MOV: the generated handlers on an unregistered runtime component,
//! plus the router.

use std::sync::Arc;

use tokio::sync::broadcast;
use valawai::{ChannelSettings, Component, Config, RunError};

use crate::events::Event;
use crate::handlers::MovHandlers;
use crate::mov;
use crate::registry::{ComponentRecord, ConnectionRecord, LogRecord};
use crate::router::Router;
use crate::state::Shared;

/// The queues the development MOV consumes: the MOV's channels it receives on (register,
/// unregister, log, queries, topology and notifications). `valawai mov run` purges them
/// before it starts, unless told to keep their backlog.
/// (`valawai::conventions::MOV_QUEUES`.)
pub const QUEUES: &[&str] = valawai::conventions::MOV_QUEUES;

/// The development MOV, ready to run.
///
/// ```no_run
/// # async fn f() -> Result<(), Box<dyn std::error::Error>> {
/// let config = valawai::Config::from_env()?;
/// let dev_mov = valawai_devmov::DevMov::new(config);
/// let mut events = dev_mov.handle().subscribe();
/// tokio::spawn(async move {
///     while let Ok(event) = events.recv().await {
///         println!("{event}");
///     }
/// });
/// dev_mov.run().await?;
/// # Ok(()) }
/// ```
pub struct DevMov {
    component: Component,
    router: Arc<Router>,
    handle: DevMovHandle,
}

/// A handle on a running development MOV: its events, what it knows, and a way to stop it.
#[derive(Clone)]
pub struct DevMovHandle {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for DevMovHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DevMovHandle").finish_non_exhaustive()
    }
}

impl DevMov {
    /// A development MOV that will connect with `config` (the broker; MOV channel names are
    /// always the real ones).
    pub fn new(config: Config) -> Self {
        let component = Component::unregistered("valawai_dev_mov");
        let shared = Arc::new(Shared::new(config, component.handle()));
        let router = Arc::new(Router::default());
        // One message at a time on every channel, in the order sent: a component's logs are
        // kept in the order it wrote them, a register before the connections it proposes.
        let mut component = mov::wire_handlers(
            component,
            MovHandlers {
                shared: shared.clone(),
                router: router.clone(),
            },
        );
        for &channel in QUEUES {
            component = component.channel_settings(channel, ChannelSettings::ordered());
        }
        Self {
            component,
            router,
            handle: DevMovHandle { shared },
        }
    }

    /// A handle that outlives [`DevMov::run`].
    pub fn handle(&self) -> DevMovHandle {
        self.handle.clone()
    }

    /// Serves until SIGINT, SIGTERM (when the configuration handles signals) or
    /// [`DevMovHandle::shutdown`].
    pub async fn run(self) -> Result<(), RunError> {
        let config = self.handle.shared.config.clone();
        let result = self.component.run(config).await;
        self.router.close().await;
        result
    }
}

impl DevMovHandle {
    /// Every event from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.shared.subscribe()
    }

    /// Waits until the MOV consumes its channels.
    pub async fn ready(&self) {
        self.shared
            .handle
            .wait_for_state(|s| s == valawai::State::Running)
            .await;
    }

    /// Stops the development MOV.
    pub fn shutdown(&self) {
        self.shared.handle.shutdown();
    }

    /// Every component registered so far, finished ones included.
    pub fn components(&self) -> Vec<ComponentRecord> {
        self.shared.lock().components.clone()
    }

    /// Every connection.
    pub fn connections(&self) -> Vec<ConnectionRecord> {
        self.shared.lock().connections.clone()
    }

    /// Every log record received or written.
    pub fn logs(&self) -> Vec<LogRecord> {
        self.shared.lock().logs.clone()
    }
}

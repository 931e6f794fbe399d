//! The handle on a running component: stop it, read its state, readiness and counters.

use std::sync::{Arc, RwLock};

use lapin::Connection;
use tokio::sync::watch;

use crate::connection::Peer;
use crate::counters::{Counters, CountersSnapshot};
use crate::lifecycle::{self, Event, State};
use crate::mov::{Mov, MovShared};
use crate::publisher::{Publisher, PublisherShared};
use crate::shutdown::{self, Urgency};

pub(crate) struct HandleInner {
    pub(crate) urgency: watch::Sender<Urgency>,
    pub(crate) state: watch::Sender<State>,
    pub(crate) counters: Arc<Counters>,
    pub(crate) publisher: Arc<PublisherShared>,
    pub(crate) mov: Arc<MovShared>,
    /// The current connection, while a session is up.
    pub(crate) connection: RwLock<Option<Arc<Connection>>>,
    /// Which broker the connection is on.
    pub(crate) peer: Peer,
    /// Whether the component registers with the MOV (not an unregistered service).
    pub(crate) registers: bool,
}

impl HandleInner {
    pub(crate) fn set_connection(&self, connection: Option<Arc<Connection>>) {
        *self.connection.write().unwrap_or_else(|e| e.into_inner()) = connection;
    }

    pub(crate) fn current_connection(&self) -> Option<Arc<Connection>> {
        self.connection
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn connected(&self) -> bool {
        self.current_connection()
            .is_some_and(|c| c.status().connected())
    }

    fn readiness(&self) -> Result<(), NotReady> {
        let state = *self.state.borrow();
        if state != State::Running {
            return Err(NotReady::State(state));
        }
        if !self.connected() {
            return Err(NotReady::Disconnected);
        }
        if self.registers {
            if self.mov.stale() {
                return Err(NotReady::MovAway);
            }
            if self.mov.component_id().is_none() {
                return Err(NotReady::NotRegistered);
            }
        }
        Ok(())
    }

    pub(crate) fn transition(&self, event: Event) {
        self.state
            .send_if_modified(|state| match lifecycle::next(*state, event) {
                Ok(next) => {
                    let changed = next != *state;
                    if changed {
                        tracing::debug!("lifecycle: {state:?} -> {next:?}");
                    }
                    *state = next;
                    changed
                }
                Err(e) => {
                    tracing::error!("{e}");
                    false
                }
            });
    }
}

/// A handle on a component: shut it down, read its counters, follow its state. Cheap to clone;
/// take it with [`Component::handle`](crate::Component::handle) before calling [`Component::run`](crate::Component::run).
#[derive(Clone)]
pub struct ComponentHandle {
    pub(crate) inner: Arc<HandleInner>,
}

impl std::fmt::Debug for ComponentHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ComponentHandle")
            .field("state", &self.state())
            .field("component_id", &self.component_id())
            .finish()
    }
}

impl ComponentHandle {
    /// Asks the component to stop, as SIGTERM does.
    pub fn shutdown(&self) {
        shutdown::request(&self.inner.urgency, Urgency::Graceful);
    }

    /// The counters now.
    pub fn counters(&self) -> CountersSnapshot {
        self.inner.counters.snapshot()
    }

    /// The counters of every channel received or published on so far, by address.
    pub fn channel_counters(&self) -> Vec<(Arc<str>, CountersSnapshot)> {
        self.inner.counters.channels()
    }

    /// Whether the component is ready: running, connected to RabbitMQ and, for a component
    /// that registers, registered with the MOV. `Err` says in one line why not (what
    /// `/readyz` answers with the `http` feature).
    pub fn readiness(&self) -> Result<(), NotReady> {
        self.inner.readiness()
    }

    /// Whether the connection to RabbitMQ is up now.
    pub fn connected(&self) -> bool {
        self.inner.connected()
    }

    /// The broker the component's connection is on (or was last on), as `host:port`.
    pub fn broker(&self) -> Option<String> {
        self.inner.peer.get()
    }

    /// The lifecycle state now.
    pub fn state(&self) -> State {
        *self.inner.state.borrow()
    }

    /// Waits until `accept` accepts the state, and returns that state.
    pub async fn wait_for_state(&self, mut accept: impl FnMut(State) -> bool) -> State {
        let mut rx = self.inner.state.subscribe();
        *rx.wait_for(|s| accept(*s) || s.is_final())
            .await
            .expect("the handle keeps the sender alive")
    }

    /// The id the MOV gave the component, once registered.
    pub fn component_id(&self) -> Option<Arc<str>> {
        self.inner.mov.component_id()
    }

    /// Waits for the MOV's registered notification and returns the component id.
    pub async fn registered(&self) -> Arc<str> {
        let mut rx = self.inner.mov.watch_component_id();
        rx.wait_for(Option::is_some)
            .await
            .expect("the component keeps the sender alive")
            .clone()
            .expect("waited for Some")
    }

    /// A publisher usable outside handlers (each publish waits for its confirm).
    pub fn publisher(&self) -> Publisher {
        Publisher::new(self.inner.publisher.clone())
    }

    /// The component's typed publisher (the generated `Publisher`, one method per channel it
    /// sends on), usable outside handlers: a C0 sensor's loop publishes with it. Each publish
    /// returns once the broker confirmed it, and waits while the connection is being recovered,
    /// up to the publish timeout.
    ///
    /// ```no_run
    /// # mod sensor { #[derive(Clone)] pub struct Publisher(valawai::Publisher);
    /// # impl From<valawai::Publisher> for Publisher { fn from(p: valawai::Publisher) -> Self { Self(p) } } }
    /// # fn example(handle: valawai::ComponentHandle) {
    /// let publisher: sensor::Publisher = handle.typed_publisher();
    /// # }
    /// ```
    pub fn typed_publisher<P: From<Publisher>>(&self) -> P {
        P::from(self.publisher())
    }

    /// The MOV logger, usable outside handlers.
    pub fn mov(&self) -> Mov {
        Mov::new(self.publisher(), self.inner.mov.clone())
    }
}

/// Why a component is not ready ([`ComponentHandle::readiness`]); displays as the one line
/// `/readyz` answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotReady {
    /// Not running yet, or any more.
    #[error("{}", not_running(*.0))]
    State(State),
    /// Running, but the connection to RabbitMQ is down.
    #[error("the connection to RabbitMQ is down; recovering it")]
    Disconnected,
    /// The MOV stopped consuming its register queue; the component registers again once it is
    /// back.
    #[error("the MOV stopped consuming its register queue; registering again once it is back")]
    MovAway,
    /// The register message is sent, the MOV's registered notification has not come.
    #[error("waiting for the MOV's registered notification")]
    NotRegistered,
}

fn not_running(state: State) -> &'static str {
    match state {
        State::Created => "not started",
        State::Connecting => "connecting to RabbitMQ",
        State::Declaring => "declaring the queues",
        State::Registering => "sending the register message to the MOV",
        State::Reconnecting => "the connection to RabbitMQ was lost; connecting again",
        State::Stopping => "stopping",
        State::Stopped => "stopped",
        State::Failed => "failed",
        State::Running => "running",
    }
}

//! The handle on a running component: stop it, read its state and counters.

use std::sync::Arc;

use tokio::sync::watch;

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
}

impl HandleInner {
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

    /// The MOV logger, usable outside handlers.
    pub fn mov(&self) -> Mov {
        Mov::new(self.publisher(), self.inner.mov.clone())
    }
}

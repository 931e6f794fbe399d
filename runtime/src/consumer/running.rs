//! The messages one receive channel has in flight: their futures, polled by the channel's task
//! or spawned as tasks ([`Running`]), and their scopes, ticked by the channel's watchdog
//! ([`Watched`]).

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::task::JoinSet;

use super::message::Finished;
use super::slots::Slots;
use crate::publisher::scope::MessageScope;

/// The futures of the messages in flight.
pub(crate) enum Running<F> {
    /// Polled by the channel's task.
    Inline(Slots<F>),
    /// Tasks of their own ([`crate::ChannelSettings::spawn`]).
    Spawned(JoinSet<Finished>),
}

impl<F: Future<Output = Finished> + Send + 'static> Running<F> {
    pub fn new(spawn: bool) -> Self {
        if spawn {
            Self::Spawned(JoinSet::new())
        } else {
            Self::Inline(Slots::default())
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Self::Inline(set) => set.len(),
            Self::Spawned(set) => set.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs the message future `make` returns.
    pub fn push_with(&mut self, make: impl FnOnce() -> F) {
        match self {
            Self::Inline(set) => set.push_with(make),
            Self::Spawned(set) => {
                set.spawn(make());
            }
        }
    }

    /// The next finished message; `Err` when a spawned message's task was lost.
    pub fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Finished, String>>> {
        match self {
            Self::Inline(set) => set.poll_next(cx).map(|f| f.map(Ok)),
            Self::Spawned(set) => set
                .poll_join_next(cx)
                .map(|f| f.map(|r| r.map_err(|e| e.to_string()))),
        }
    }

    /// The channel is gone: messages polled here stop; spawned ones finish on their own (their
    /// acks are dead, the broker redelivers their messages).
    pub fn abandon(self) {
        if let Self::Spawned(mut set) = self {
            set.detach_all();
        }
    }

    /// The shutdown deadline passed: every message stops where it is.
    pub fn abort(self) {
        if let Self::Spawned(mut set) = self {
            set.abort_all();
        }
    }
}

/// The scopes of the messages in flight, in slots that a finished message gives back.
#[derive(Default)]
pub(crate) struct Watched {
    slots: Vec<Option<Arc<MessageScope>>>,
    free: Vec<usize>,
    len: usize,
}

impl Watched {
    /// Keeps `scope` until [`Watched::remove`] with the slot returned.
    pub fn insert(&mut self, scope: Arc<MessageScope>) -> usize {
        self.len += 1;
        match self.free.pop() {
            Some(slot) => {
                self.slots[slot] = Some(scope);
                slot
            }
            None => {
                self.slots.push(Some(scope));
                self.slots.len() - 1
            }
        }
    }

    pub fn remove(&mut self, slot: usize) {
        if let Some(entry) = self.slots.get_mut(slot)
            && entry.take().is_some()
        {
            self.len -= 1;
            self.free.push(slot);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// One tick of the watchdog; returns how many messages expired now.
    pub fn tick(&self) -> usize {
        self.slots
            .iter()
            .flatten()
            .filter(|scope| scope.watch.tick())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> Arc<MessageScope> {
        Arc::new(MessageScope::new(
            "q".into(),
            lapin::BasicProperties::default(),
            false,
        ))
    }

    #[test]
    fn slots_are_given_back_and_reused() {
        let mut watched = Watched::default();
        let a = watched.insert(scope());
        let b = watched.insert(scope());
        assert_ne!(a, b);
        watched.remove(a);
        watched.remove(a);
        assert!(!watched.is_empty());
        assert_eq!(watched.insert(scope()), a, "the free slot is reused");
        watched.remove(a);
        watched.remove(b);
        assert!(watched.is_empty());
        assert_eq!(watched.slots.len(), 2);
    }
}

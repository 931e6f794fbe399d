//! The lifecycle of a component, as a state machine without I/O.
//!
//! ```text
//! Created ─start─► Connecting ─connected─► Declaring ─declared─► Registering ─register sent─► Running
//!                                                                                              │  ▲
//!                                                                               session lost ▼  │ recovered
//!                                                                                       Reconnecting
//! any state but Stopped/Failed ─stop─► Stopping ─closed─► Stopped
//! any state but Stopped/Failed ─fatal─► Failed
//! ```
//!
//! The registration by the MOV is tracked apart (the component id), because it arrives
//! asynchronously and may never arrive.

/// Where a component is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum State {
    /// Built, not started.
    Created,
    /// Connecting to the broker (with retries).
    Connecting,
    /// Declaring and consuming the receive channels, the registered one first.
    Declaring,
    /// Sending the register message to the MOV.
    Registering,
    /// Serving messages.
    Running,
    /// The connection was lost beyond lapin's recovery; connecting again.
    Reconnecting,
    /// Unregistering, draining handlers, closing.
    Stopping,
    /// Stopped cleanly.
    Stopped,
    /// Stopped on an error.
    Failed,
}

impl State {
    /// `true` for `Stopped` and `Failed`.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Stopped | Self::Failed)
    }
}

/// What happens to a component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Event {
    Start,
    Connected,
    Declared,
    RegisterSent,
    SessionLost,
    Recovered,
    Stop,
    Closed,
    Fatal,
}

/// An event that makes no sense in the current state (a bug in the runtime).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("lifecycle: event {event:?} in state {state:?}")]
pub(crate) struct InvalidTransition {
    pub state: State,
    pub event: Event,
}

/// The next state.
pub(crate) fn next(state: State, event: Event) -> Result<State, InvalidTransition> {
    use Event as E;
    use State as S;
    let next = match (state, event) {
        (S::Stopped | S::Failed, _) => None,
        (_, E::Fatal) => Some(S::Failed),
        (S::Stopping, E::Stop | E::SessionLost) => Some(S::Stopping),
        (S::Stopping, E::Closed) => Some(S::Stopped),
        (_, E::Stop) => Some(S::Stopping),
        (S::Created, E::Start) => Some(S::Connecting),
        (S::Connecting, E::Connected) => Some(S::Declaring),
        (S::Declaring, E::Declared) => Some(S::Registering),
        (S::Registering, E::RegisterSent) => Some(S::Running),
        (S::Running | S::Registering | S::Declaring, E::SessionLost) => Some(S::Reconnecting),
        (S::Reconnecting, E::SessionLost) => Some(S::Reconnecting),
        (S::Reconnecting, E::Recovered) => Some(S::Running),
        _ => None,
    };
    next.ok_or(InvalidTransition { state, event })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Event as E;
    use State as S;

    fn run(events: &[Event]) -> Result<State, InvalidTransition> {
        events.iter().try_fold(S::Created, |s, e| next(s, *e))
    }

    #[test]
    fn the_normal_life() {
        assert_eq!(
            run(&[
                E::Start,
                E::Connected,
                E::Declared,
                E::RegisterSent,
                E::SessionLost,
                E::Recovered,
                E::Stop,
                E::Stop,
                E::Closed
            ]),
            Ok(S::Stopped)
        );
    }

    #[test]
    fn stop_is_accepted_anywhere_before_the_end() {
        for prefix in [
            &[][..],
            &[E::Start],
            &[E::Start, E::Connected],
            &[E::Start, E::Connected, E::Declared],
            &[
                E::Start,
                E::Connected,
                E::Declared,
                E::RegisterSent,
                E::SessionLost,
            ],
        ] {
            let s = run(prefix).unwrap();
            assert_eq!(next(s, E::Stop), Ok(S::Stopping), "from {s:?}");
        }
    }

    #[test]
    fn out_of_order_events_are_refused() {
        assert_eq!(
            run(&[E::Connected]),
            Err(InvalidTransition {
                state: S::Created,
                event: E::Connected
            })
        );
        assert!(run(&[E::Start, E::Connected, E::Declared, E::Recovered]).is_err());
        assert!(
            run(&[E::Start, E::Stop, E::Closed, E::Start]).is_err(),
            "Stopped is final"
        );
        assert!(
            run(&[E::Start, E::Fatal, E::Stop]).is_err(),
            "Failed is final"
        );
        assert!(run(&[E::Start, E::Closed]).is_err());
    }

    #[test]
    fn a_lost_session_during_stop_keeps_stopping() {
        assert_eq!(
            run(&[E::Start, E::Connected, E::Stop, E::SessionLost, E::Closed]),
            Ok(S::Stopped)
        );
        assert!(S::Stopped.is_final() && S::Failed.is_final() && !S::Stopping.is_final());
    }
}

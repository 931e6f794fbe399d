//! Shutdown requests: the component handle, SIGINT and SIGTERM (Ctrl-C off Unix).

use tokio::sync::watch;

/// How urgently the component must stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Urgency {
    /// Keep running.
    None,
    /// Stop cleanly: unregister, drain, close.
    Graceful,
    /// Stop now.
    Forced,
}

/// Raises the urgency (never lowers it).
pub(crate) fn request(sender: &watch::Sender<Urgency>, urgency: Urgency) {
    sender.send_if_modified(|current| {
        if urgency > *current {
            *current = urgency;
            true
        } else {
            false
        }
    });
}

/// Resolves once the urgency reaches `at_least`.
pub(crate) async fn reached(mut receiver: watch::Receiver<Urgency>, at_least: Urgency) {
    let _ = receiver.wait_for(|u| *u >= at_least).await;
}

/// Listens for termination signals: the first asks for a graceful stop; the second removes the
/// component-id file and exits the process with status 130 (`exit_on_second`), or asks for a
/// forced stop.
pub(crate) fn listen_for_signals(
    sender: watch::Sender<Urgency>,
    exit_on_second: bool,
    id_file: Option<std::path::PathBuf>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let Some(mut signals) = Signals::install() else {
            return;
        };
        let mut count = 0;
        while let Some(name) = signals.next().await {
            count += 1;
            if count == 1 {
                tracing::info!("{name} received: stopping (send it again to force the exit)");
                request(&sender, Urgency::Graceful);
            } else if exit_on_second {
                tracing::error!("{name} received again: exiting now");
                if let Some(path) = &id_file {
                    let _ = crate::mov::id_file::remove(path);
                }
                std::process::exit(130);
            } else {
                tracing::warn!("{name} received again: forcing the stop");
                request(&sender, Urgency::Forced);
                return;
            }
        }
    })
}

#[cfg(unix)]
struct Signals(tokio::signal::unix::Signal, tokio::signal::unix::Signal);

#[cfg(unix)]
impl Signals {
    fn install() -> Option<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        match (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        ) {
            (Ok(int), Ok(term)) => Some(Self(int, term)),
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!("cannot listen for SIGINT and SIGTERM: {e}");
                None
            }
        }
    }

    async fn next(&mut self) -> Option<&'static str> {
        tokio::select! {
            s = self.0.recv() => s.map(|()| "SIGINT"),
            s = self.1.recv() => s.map(|()| "SIGTERM"),
        }
    }
}

#[cfg(not(unix))]
struct Signals;

#[cfg(not(unix))]
impl Signals {
    fn install() -> Option<Self> {
        Some(Self)
    }

    async fn next(&mut self) -> Option<&'static str> {
        tokio::signal::ctrl_c().await.ok().map(|()| "Ctrl-C")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn urgency_only_rises() {
        let (tx, rx) = watch::channel(Urgency::None);
        request(&tx, Urgency::Forced);
        request(&tx, Urgency::Graceful);
        assert_eq!(*rx.borrow(), Urgency::Forced);
        reached(rx, Urgency::Graceful).await;
    }
}

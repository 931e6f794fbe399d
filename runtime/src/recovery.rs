//! Waiting for lapin to recover a channel after an error.
//!
//! lapin resolves `wait_for_recovery` when the recovery succeeds, but never when it gives up
//! (its backoff exhausted): the channel just ends in an error state. So the wait below also
//! watches the channel's state.

use std::time::Duration;

use lapin::Channel;

/// Resolves `Ok` once `channel` is usable again, `Err` once it never will be.
pub(crate) async fn recovered(channel: &Channel, error: lapin::Error) -> Result<(), String> {
    let message = error.to_string();
    let dead = async {
        loop {
            let status = channel.status();
            if status.connected() {
                return false;
            }
            if !status.initializing() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    tokio::pin!(dead);
    tokio::select! {
        waited = channel.wait_for_recovery(error) => {
            if waited.is_ok() {
                return Ok(());
            }
        }
        is_dead = &mut dead => {
            return if is_dead { Err(format!("the channel cannot be recovered: {message}")) } else { Ok(()) };
        }
    }
    // lapin refused to wait (the error has no recovery in progress): trust the state.
    if dead.await {
        Err(format!("the channel cannot be recovered: {message}"))
    } else {
        Ok(())
    }
}

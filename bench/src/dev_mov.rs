//! The development MOV during the generated echo's runs.
//!
//! The generated echo registers with the MOV when it starts (`valawai/component/register`) and
//! unregisters when it stops; with MOV logs on it also writes to `valawai/log/add`. With no MOV
//! on the broker those messages would stay in the MOV's durable queues and reach the next MOV
//! (or test) that consumes them. So each run of (a) runs the development MOV
//! (`valawai_devmov::DevMov`) in the driver process, unless a MOV already consumes the register
//! queue, and checks at the end that the MOV's queues are empty. It never purges them: they may
//! hold other processes' messages.

use std::time::Duration;

use tokio::{task::JoinHandle, time::Instant};
use valawai::{Config, Endpoint, RunError, mov::protocol::channels};
use valawai_devmov::{DevMov, DevMovHandle};

use crate::{Error, amqp::BrokerConfig, amqp::queue_counts};

/// The queues the generated echo writes to as a component.
pub const MOV_QUEUES: [&str; 3] = [channels::REGISTER, channels::UNREGISTER, channels::ADD];

/// How long the MOV may take to start, and to empty its queues after the echo stopped.
const PATIENCE: Duration = Duration::from_secs(30);

/// The MOV serving one run of the generated echo.
#[derive(Debug)]
pub struct MovForRun {
    /// Ours, when no other MOV was serving the broker.
    ours: Option<(DevMovHandle, JoinHandle<Result<(), RunError>>)>,
}

impl MovForRun {
    /// Starts the development MOV, unless another process already consumes
    /// `valawai/component/register` (a MOV on this broker then answers the echo).
    pub async fn start(channel: &lapin::Channel, broker: &BrokerConfig) -> Result<Self, Error> {
        if queue_counts(channel, channels::REGISTER).await?.consumers > 0 {
            return Ok(Self { ours: None });
        }
        let mut config = Config::new(Endpoint::new(
            broker.host.clone(),
            broker.port,
            broker.username.clone(),
            broker.password.clone(),
        ));
        config.handle_signals = false;
        config.max_retries = 3;
        config.retry_sleep = Duration::from_secs(1);
        let dev_mov = DevMov::new(config);
        let handle = dev_mov.handle();
        let mut task = tokio::spawn(dev_mov.run());
        tokio::select! {
            () = handle.ready() => Ok(Self { ours: Some((handle, task)) }),
            ended = &mut task => Err(Error::Mov(match ended {
                Ok(Ok(())) => "the development MOV stopped at once".to_owned(),
                Ok(Err(e)) => format!("the development MOV did not start: {e}"),
                Err(e) => format!("the development MOV panicked: {e}"),
            })),
            () = tokio::time::sleep(PATIENCE) => {
                task.abort();
                Err(Error::Mov(format!("the development MOV did not start within {PATIENCE:?}")))
            }
        }
    }

    /// Whether this run started its own development MOV.
    pub fn is_ours(&self) -> bool {
        self.ours.is_some()
    }

    /// After the echo stopped: waits until the MOV's queues are empty (whichever MOV consumes
    /// them), then stops ours.
    pub async fn finish(self, channel: &lapin::Channel) -> Result<(), Error> {
        let deadline = Instant::now() + PATIENCE;
        let mut left = Vec::new();
        loop {
            left.clear();
            for queue in MOV_QUEUES {
                let counts = queue_counts(channel, queue).await?;
                if counts.messages > 0 {
                    left.push(format!("{queue}: {}", counts.messages));
                }
            }
            if left.is_empty() || Instant::now() >= deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if let Some((handle, task)) = self.ours {
            handle.shutdown();
            match tokio::time::timeout(PATIENCE, task).await {
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(e))) => return Err(Error::Mov(format!("the development MOV: {e}"))),
                Ok(Err(e)) => return Err(Error::Mov(format!("the development MOV panicked: {e}"))),
                Err(_) => return Err(Error::Mov("the development MOV did not stop".to_owned())),
            }
        }
        if left.is_empty() {
            Ok(())
        } else {
            Err(Error::Mov(format!(
                "messages left in the MOV's queues after {PATIENCE:?}: {}",
                left.join(", ")
            )))
        }
    }
}

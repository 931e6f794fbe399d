//! The development MOV during the generated echo's runs.
//!
//! The generated echo registers with the MOV when it starts (`valawai/component/register`) and
//! unregisters when it stops; with MOV logs on it also writes to `valawai/log/add`. With no MOV
//! on the broker those messages would stay in the MOV's durable queues and reach the next MOV
//! (or test) that consumes them. So each run of (a) runs the development MOV
//! (`valawai_devmov::DevMov`) in the driver process, unless a MOV already consumes the register
//! queue, and checks at the end that the MOV's queues are empty. It never purges them: they may
//! hold other processes' messages.
//!
//! The MOV is kept out of the data path: it is stopped once it registered the echo and started
//! again before the echo stops, so that during the measured windows it neither takes the
//! driver's thread nor consumes `valawai/log/add` (the driver's log drain does, with MOV logs
//! on).

use std::time::Duration;

use tokio::{task::JoinHandle, time::Instant};
use valawai::{Config, Endpoint, RunError, mov::protocol::channels};
use valawai_devmov::{DevMov, DevMovHandle};

use crate::{Error, amqp::BrokerConfig, amqp::queue_counts};

/// The queues the generated echo writes to as a component.
pub const MOV_QUEUES: [&str; 3] = [channels::REGISTER, channels::UNREGISTER, channels::ADD];

/// How long the MOV may take to start, and to empty its queues after the echo stopped.
const PATIENCE: Duration = Duration::from_secs(30);

/// How long the echo may take to register once it consumes.
pub const REGISTRATION_WAIT: Duration = Duration::from_secs(5);

/// A running development MOV.
type Running = (DevMovHandle, JoinHandle<Result<(), RunError>>);

/// The MOV serving one run of the generated echo.
#[derive(Debug)]
pub struct MovForRun {
    /// `None` when another MOV serves the broker.
    broker: Option<BrokerConfig>,
    /// Ours, while it runs.
    running: Option<Running>,
}

impl MovForRun {
    /// Starts the development MOV, unless another process already consumes
    /// `valawai/component/register` (a MOV on this broker then answers the echo).
    pub async fn start(channel: &lapin::Channel, broker: &BrokerConfig) -> Result<Self, Error> {
        if queue_counts(channel, channels::REGISTER).await?.consumers > 0 {
            return Ok(Self {
                broker: None,
                running: None,
            });
        }
        Ok(Self {
            broker: Some(broker.clone()),
            running: Some(launch(broker).await?),
        })
    }

    /// Whether this run uses its own development MOV.
    pub fn is_ours(&self) -> bool {
        self.broker.is_some()
    }

    /// Once the echo consumes: waits until our MOV registered a component, then stops it for
    /// the measured windows. An echo that does not register within [`REGISTRATION_WAIT`] (a
    /// stand-in given with `--generated-cmd`) leaves the MOV running, idle.
    pub async fn pause(&mut self) -> Result<(), Error> {
        let Some((handle, _)) = &self.running else {
            return Ok(());
        };
        let registered = async {
            while handle.components().is_empty() {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        if tokio::time::timeout(REGISTRATION_WAIT, registered)
            .await
            .is_err()
        {
            return Ok(());
        }
        match self.running.take() {
            Some((handle, task)) => stop(handle, task).await,
            None => Ok(()),
        }
    }

    /// Before the echo stops: starts our MOV again, for its unregister message.
    pub async fn resume(&mut self) -> Result<(), Error> {
        if let (Some(broker), None) = (&self.broker, &self.running) {
            self.running = Some(launch(broker).await?);
        }
        Ok(())
    }

    /// After the echo stopped: waits until the MOV's queues are empty (whichever MOV consumes
    /// them), then stops ours.
    pub async fn finish(mut self, channel: &lapin::Channel) -> Result<(), Error> {
        self.resume().await?;
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
        if let Some((handle, task)) = self.running.take() {
            stop(handle, task).await?;
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

/// Starts a development MOV and waits until it consumes its channels.
async fn launch(broker: &BrokerConfig) -> Result<Running, Error> {
    let mut endpoint = Endpoint::new(
        broker.host.clone(),
        broker.port,
        broker.username.clone(),
        broker.password.clone(),
    );
    endpoint.vhost = broker.vhost.clone();
    let mut config = Config::new(endpoint);
    config.handle_signals = false;
    config.max_retries = 3;
    config.retry_sleep = Duration::from_secs(1);
    let dev_mov = DevMov::new(config);
    let handle = dev_mov.handle();
    let mut task = tokio::spawn(dev_mov.run());
    tokio::select! {
        () = handle.ready() => Ok((handle, task)),
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

/// Stops a development MOV (it lets its handlers finish and acks what they handled).
async fn stop(handle: DevMovHandle, task: JoinHandle<Result<(), RunError>>) -> Result<(), Error> {
    handle.shutdown();
    match tokio::time::timeout(PATIENCE, task).await {
        Ok(Ok(Ok(()))) => Ok(()),
        Ok(Ok(Err(e))) => Err(Error::Mov(format!("the development MOV: {e}"))),
        Ok(Err(e)) => Err(Error::Mov(format!("the development MOV panicked: {e}"))),
        Err(_) => Err(Error::Mov("the development MOV did not stop".to_owned())),
    }
}

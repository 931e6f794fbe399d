//! The in-memory transport under the test harness (`crate::testing`): what the component
//! publishes is recorded here instead of being handed to a lapin channel, and is delivered to
//! the harness's own receive channels, as the default exchange delivers to a queue of that name.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::AtomicU32;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

use lapin::{BasicProperties, Confirmation, PublisherConfirm};
use serde::de::DeserializeOwned;

/// What a publish waits on for its confirm, with the `testing` feature: lapin's promise, or the
/// in-memory transport's answer, ready at once.
pub(crate) enum Confirm {
    /// A publish to RabbitMQ.
    Broker(PublisherConfirm),
    /// A publish the in-memory transport took: confirmed.
    Memory,
}

impl From<PublisherConfirm> for Confirm {
    fn from(confirm: PublisherConfirm) -> Self {
        Self::Broker(confirm)
    }
}

impl Future for Confirm {
    type Output = lapin::Result<Confirmation>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Self::Broker(confirm) => Pin::new(confirm).poll(cx),
            Self::Memory => Poll::Ready(Ok(Confirmation::Ack(None))),
        }
    }
}

/// One message the component published, as it went on the wire.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Published {
    /// The channel address (the routing key; the exchange is always the default one).
    pub channel: String,
    /// The body, as sent.
    pub body: Vec<u8>,
    /// The AMQP properties (content type, delivery mode, message id).
    pub properties: BasicProperties,
    /// The `mandatory` flag the channel's publish settings gave it.
    pub mandatory: bool,
    /// The harness's number of the input whose handling published it (`None` outside a
    /// delivery: the registration, a test's own [`crate::testing::Harness::context`]).
    pub(crate) cause: Option<u64>,
}

impl Published {
    /// The body decoded from JSON into `T`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Called with each publish, to deliver it to a receive channel of that name.
pub(crate) type Route = Box<dyn Fn(&Published) + Send + Sync>;

/// Everything published through the in-memory transport, in order.
#[derive(Default)]
pub(crate) struct Wire {
    records: Mutex<Vec<Published>>,
    route: OnceLock<Route>,
}

/// The harness input being handled by a task: its number, and how often the channel's
/// dispatcher was called for it.
#[derive(Clone)]
pub(crate) struct Cause {
    pub(crate) id: u64,
    pub(crate) attempts: Arc<AtomicU32>,
}

tokio::task_local! {
    /// The number of the harness input being handled by the current task.
    pub(crate) static CAUSE: Cause;
}

impl Wire {
    pub(crate) fn set_route(&self, route: Route) {
        let _ = self.route.set(route);
    }

    /// Records a publish and routes it; the broker's confirm is immediate.
    pub(crate) fn publish(
        &self,
        channel: &str,
        body: &[u8],
        properties: BasicProperties,
        mandatory: bool,
    ) -> Confirm {
        let cause = CAUSE.try_with(|cause| cause.id).ok();
        let published = Published {
            channel: channel.to_owned(),
            body: body.to_vec(),
            properties,
            mandatory,
            cause,
        };
        if let Some(route) = self.route.get() {
            route(&published);
        }
        self.lock().push(published);
        Confirm::Memory
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Published>> {
        self.records.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The records that `keep` selects, in the order they were published.
    pub(crate) fn select(&self, keep: impl Fn(&Published) -> bool) -> Vec<Published> {
        self.lock().iter().filter(|p| keep(p)).cloned().collect()
    }

    /// Forgets every record.
    pub(crate) fn clear(&self) {
        self.lock().clear();
    }
}

impl std::fmt::Debug for Wire {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Wire({} published)", self.lock().len())
    }
}

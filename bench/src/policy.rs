//! The fairness policy every echo runs under, the queues it uses, and how both reach the echo
//! process (environment variables, so any implementation can read them).

use std::{fmt, str::FromStr};

/// Environment variable: the queue the echo consumes.
pub const ENV_INPUT_QUEUE: &str = "VALAWAI_BENCH_INPUT_QUEUE";
/// Environment variable: the queue the echo publishes echoes to.
pub const ENV_OUTPUT_QUEUE: &str = "VALAWAI_BENCH_OUTPUT_QUEUE";
/// Environment variable: the queue the echo publishes its MOV logs to.
pub const ENV_LOG_QUEUE: &str = "VALAWAI_BENCH_LOG_QUEUE";
/// Environment variable: the consumer prefetch (QoS).
pub const ENV_PREFETCH: &str = "VALAWAI_BENCH_PREFETCH";
/// Environment variable: how many messages the echo may handle at once.
pub const ENV_CONCURRENCY: &str = "VALAWAI_BENCH_CONCURRENCY";
/// Environment variable: ack with `multiple` after this many handled messages (or when idle).
pub const ENV_ACK_EVERY: &str = "VALAWAI_BENCH_ACK_EVERY";
/// Environment variable: `pipelined` or `none`.
pub const ENV_CONFIRMS: &str = "VALAWAI_BENCH_CONFIRMS";
/// Environment variable: `1` to send the two INFO logs per echo to the MOV log queue.
pub const ENV_MOV_LOGS: &str = "VALAWAI_BENCH_MOV_LOGS";
/// Environment variable: `1` to publish persistent messages (delivery mode 2).
pub const ENV_PERSISTENT: &str = "VALAWAI_BENCH_PERSISTENT";
/// Environment variable: tokio worker threads of a Rust echo (0 or 1: one thread).
pub const ENV_ECHO_WORKERS: &str = "VALAWAI_BENCH_ECHO_WORKERS";

/// When an echo acks its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConfirmPolicy {
    /// Publisher confirms on; an input is acked only after its outputs are confirmed, with many
    /// confirms outstanding at once (what the generated component's runtime does).
    Pipelined,
    /// No publisher confirms; an input is acked once its outputs are written.
    None,
}

impl ConfirmPolicy {
    /// The name used on command lines and in the environment.
    pub fn as_str(self) -> &'static str {
        match self {
            ConfirmPolicy::Pipelined => "pipelined",
            ConfirmPolicy::None => "none",
        }
    }
}

impl fmt::Display for ConfirmPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ConfirmPolicy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "pipelined" => Ok(ConfirmPolicy::Pipelined),
            "none" => Ok(ConfirmPolicy::None),
            other => Err(format!(
                "unknown confirm policy `{other}` (pipelined or none)"
            )),
        }
    }
}

/// What every echo implementation is told to do, so the comparison is like for like.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Policy {
    /// Consumer prefetch (QoS), per consumer.
    pub prefetch: u16,
    /// Messages handled at once (publishes and confirms outstanding).
    pub concurrency: usize,
    /// Ack with `multiple` after this many handled messages, or as soon as the echo is idle.
    pub ack_every: usize,
    /// Confirm policy.
    pub confirms: ConfirmPolicy,
    /// Whether each echo also publishes the upstream echo's two INFO logs to the MOV.
    pub mov_logs: bool,
    /// Persistent (delivery mode 2) instead of transient messages, for inputs and outputs.
    pub persistent: bool,
    /// Tokio worker threads of the Rust echoes: 1 runs their tasks on one thread (lapin's
    /// socket I/O has a thread of its own either way). Pika is single-threaded.
    pub echo_workers: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            prefetch: 100,
            concurrency: 100,
            ack_every: 25,
            confirms: ConfirmPolicy::Pipelined,
            mov_logs: false,
            persistent: false,
            echo_workers: 1,
        }
    }
}

impl Policy {
    /// The variables that carry this policy to an echo process.
    pub fn env_vars(&self) -> Vec<(String, String)> {
        let flag = |b: bool| if b { "1" } else { "0" }.to_owned();
        vec![
            (ENV_PREFETCH.to_owned(), self.prefetch.to_string()),
            (ENV_CONCURRENCY.to_owned(), self.concurrency.to_string()),
            (ENV_ACK_EVERY.to_owned(), self.ack_every.to_string()),
            (ENV_CONFIRMS.to_owned(), self.confirms.to_string()),
            (ENV_MOV_LOGS.to_owned(), flag(self.mov_logs)),
            (ENV_PERSISTENT.to_owned(), flag(self.persistent)),
            (ENV_ECHO_WORKERS.to_owned(), self.echo_workers.to_string()),
        ]
    }

    /// The same policy in the valawai runtime's own tuning variables (`VALAWAI_PREFETCH`,
    /// `_CONCURRENCY`, `_ACK_BATCH`, `_DELIVERY_MODE`, `_MOV_LOG_LEVEL`), for the generated echo,
    /// with its tokio worker threads in tokio's own `TOKIO_WORKER_THREADS`.
    ///
    /// Without MOV logs the runtime still sends WARN and ERROR logs (none in a run that sends
    /// only valid messages); its own console output is limited to warnings (`LOG_CONSOLE_LEVEL`),
    /// as the other echoes print nothing per message. The runtime has no switch for confirms:
    /// it always pipelines them, so [`ConfirmPolicy::None`] does not reach it.
    pub fn runtime_env_vars(&self) -> Vec<(String, String)> {
        let pairs = [
            ("VALAWAI_PREFETCH", self.prefetch.to_string()),
            ("VALAWAI_CONCURRENCY", self.concurrency.to_string()),
            ("VALAWAI_ACK_BATCH", self.ack_every.to_string()),
            (
                "VALAWAI_DELIVERY_MODE",
                if self.persistent {
                    "persistent"
                } else {
                    "transient"
                }
                .to_owned(),
            ),
            (
                "VALAWAI_MOV_LOG_LEVEL",
                if self.mov_logs { "debug" } else { "warn" }.to_owned(),
            ),
            ("LOG_CONSOLE_LEVEL", "warn".to_owned()),
            ("TOKIO_WORKER_THREADS", self.echo_workers.max(1).to_string()),
        ];
        pairs
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect()
    }

    /// One line for reports.
    pub fn describe(&self) -> String {
        format!(
            "prefetch {}, concurrency {}, manual acks with `multiple` every {} or when idle, \
             confirms {}, MOV logs {}, {} messages, {} tokio worker(s) in the Rust echoes",
            self.prefetch,
            self.concurrency,
            self.ack_every,
            self.confirms,
            if self.mov_logs { "on" } else { "off" },
            if self.persistent {
                "persistent"
            } else {
                "transient"
            },
            self.echo_workers
        )
    }
}

/// The queues one echo uses.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Queues {
    /// Consumed by the echo (its `received_message` channel).
    pub input: String,
    /// Published to by the echo (its `publish_message` channel).
    pub output: String,
    /// Its MOV log channel (`valawai/log/add` in production).
    pub log: String,
}

impl Queues {
    /// Queue names that no other run or test uses: `valawai/c1/bench_<tag>/data/...`.
    pub fn unique(tag: &str) -> Self {
        let base = format!("valawai/c1/bench_{tag}");
        Self {
            input: format!("{base}/data/received_message"),
            output: format!("{base}/data/publish_message"),
            log: format!("{base}/log/add"),
        }
    }

    /// The channels of a component named `c<N>_<name>` as its spec declares them, with the
    /// MOV's real log channel.
    pub fn of_component(level: &str, name: &str) -> Self {
        Self {
            input: format!("valawai/{level}/{name}/data/received_message"),
            output: format!("valawai/{level}/{name}/data/publish_message"),
            log: "valawai/log/add".to_owned(),
        }
    }

    /// The variables that carry the queue names to an echo process.
    pub fn env_vars(&self) -> Vec<(String, String)> {
        vec![
            (ENV_INPUT_QUEUE.to_owned(), self.input.clone()),
            (ENV_OUTPUT_QUEUE.to_owned(), self.output.clone()),
            (ENV_LOG_QUEUE.to_owned(), self.log.clone()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirm_policy_round_trips_through_its_name() {
        for policy in [ConfirmPolicy::Pipelined, ConfirmPolicy::None] {
            assert_eq!(policy.as_str().parse::<ConfirmPolicy>(), Ok(policy));
        }
        assert!("each".parse::<ConfirmPolicy>().is_err());
    }

    #[test]
    fn the_runtime_gets_the_policy_in_its_own_variables() {
        let vars = |policy: &Policy| -> std::collections::HashMap<String, String> {
            policy.runtime_env_vars().into_iter().collect()
        };
        let default = vars(&Policy::default());
        assert_eq!(default["VALAWAI_PREFETCH"], "100");
        assert_eq!(default["VALAWAI_CONCURRENCY"], "100");
        assert_eq!(default["VALAWAI_ACK_BATCH"], "25");
        assert_eq!(default["VALAWAI_DELIVERY_MODE"], "transient");
        assert_eq!(default["VALAWAI_MOV_LOG_LEVEL"], "warn");
        assert_eq!(default["TOKIO_WORKER_THREADS"], "1");
        let upstream = vars(&Policy {
            mov_logs: true,
            persistent: true,
            ..Policy::default()
        });
        assert_eq!(upstream["VALAWAI_DELIVERY_MODE"], "persistent");
        assert_eq!(upstream["VALAWAI_MOV_LOG_LEVEL"], "debug");
    }

    #[test]
    fn queue_names_follow_valawai_channels() {
        let q = Queues::of_component("c1", "echo_example_with_rust_and_lapin");
        assert_eq!(
            q.input,
            "valawai/c1/echo_example_with_rust_and_lapin/data/received_message"
        );
        assert_eq!(q.log, "valawai/log/add");
        let u = Queues::unique("42_1_b");
        assert_eq!(u.output, "valawai/c1/bench_42_1_b/data/publish_message");
    }
}

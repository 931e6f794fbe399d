//! Echo processes: start one with its output in a log file, wait until it consumes its input
//! queue, and stop it (SIGTERM, then SIGKILL after a grace period).

use std::{
    fs::File,
    io::{Read, Seek, SeekFrom},
    path::{Path, PathBuf},
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

use lapin::Channel;

use crate::{Error, amqp};

/// How to start an echo: a program, its arguments and extra environment variables.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct EchoCommand {
    /// The program (a path or a name looked up in `PATH`).
    pub program: String,
    /// Its arguments.
    pub args: Vec<String>,
    /// Variables added to the driver's environment.
    #[serde(skip)]
    pub env: Vec<(String, String)>,
}

impl EchoCommand {
    /// A command with no arguments.
    pub fn new(program: impl Into<String>) -> Self {
        Self {
            program: program.into(),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// Splits a command line on whitespace (no shell quoting).
    pub fn parse(line: &str) -> Option<Self> {
        let mut words = line.split_whitespace().map(str::to_owned);
        Some(Self {
            program: words.next()?,
            args: words.collect(),
            env: Vec::new(),
        })
    }

    /// Runs the command under `taskset -c <cpus>` (taskset execs it, so the pid is the echo's).
    pub fn pinned(self, cpus: &str) -> Self {
        let mut args = vec!["-c".to_owned(), cpus.to_owned(), self.program];
        args.extend(self.args);
        Self {
            program: "taskset".to_owned(),
            args,
            env: self.env,
        }
    }

    /// The command line, for messages.
    pub fn display(&self) -> String {
        std::iter::once(self.program.as_str())
            .chain(self.args.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A running echo process. Dropping it kills the process.
#[derive(Debug)]
pub struct EchoProcess {
    name: String,
    child: Child,
    log: PathBuf,
}

impl EchoProcess {
    /// Starts `command`, with stdout and stderr appended to `log`.
    pub fn spawn(name: &str, command: &EchoCommand, log: &Path) -> Result<Self, Error> {
        let io_error = |source| Error::Io {
            what: format!("creating {}", log.display()),
            source,
        };
        let stdout = File::create(log).map_err(io_error)?;
        let stderr = stdout.try_clone().map_err(io_error)?;
        let child = Command::new(&command.program)
            .args(&command.args)
            .envs(command.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .map_err(|source| Error::Spawn {
                name: name.to_owned(),
                command: command.display(),
                source,
            })?;
        Ok(Self {
            name: name.to_owned(),
            child,
            log: log.to_owned(),
        })
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The log file.
    pub fn log(&self) -> &Path {
        &self.log
    }

    /// An error if the process has exited.
    pub fn check_running(&mut self) -> Result<(), Error> {
        match self.child.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => Err(self.exited(status.to_string())),
            Err(e) => Err(self.exited(format!("cannot be waited for: {e}"))),
        }
    }

    fn exited(&self, status: String) -> Error {
        Error::EchoExited {
            name: self.name.clone(),
            status,
            log: self.log.clone(),
            tail: log_tail(&self.log),
        }
    }

    /// Polls the broker until `queue` has a consumer (the echo is ready), failing early if the
    /// process exits. Never a blind sleep: the answer is the broker's consumer count.
    pub async fn wait_until_consuming(
        &mut self,
        channel: &Channel,
        queue: &str,
        timeout: Duration,
    ) -> Result<(), Error> {
        let start = Instant::now();
        loop {
            self.check_running()?;
            if amqp::declare_queue(channel, queue).await? > 0 {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(Error::EchoStartTimeout {
                    name: self.name.clone(),
                    queue: queue.to_owned(),
                    timeout,
                    log: self.log.clone(),
                    tail: log_tail(&self.log),
                });
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Sends SIGTERM and waits up to `grace` for the exit, then kills the process.
    pub fn stop(mut self, grace: Duration) -> Result<ExitStatus, Error> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Err(self.exited(status.to_string()));
        }
        // SIGTERM through kill(1): std only sends SIGKILL, and this crate has no unsafe code.
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let start = Instant::now();
        while start.elapsed() < grace {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Ok(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        self.child.wait().map_err(|source| Error::Io {
            what: format!("waiting for {}", self.name),
            source,
        })
    }
}

impl Drop for EchoProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The last 2,000 bytes of a log file.
pub fn log_tail(path: &Path) -> String {
    const TAIL: u64 = 2000;
    let Ok(mut file) = File::open(path) else {
        return String::new();
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(TAIL)));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_split_on_whitespace_and_pin_with_taskset() {
        let cmd = EchoCommand::parse("  python3  bench/pika_echo.py --x 1 ").unwrap();
        assert_eq!(cmd.program, "python3");
        assert_eq!(cmd.args, ["bench/pika_echo.py", "--x", "1"]);
        assert_eq!(
            cmd.pinned("1").display(),
            "taskset -c 1 python3 bench/pika_echo.py --x 1"
        );
        assert!(EchoCommand::parse("   ").is_none());
    }

    #[test]
    fn a_process_that_exits_is_reported_with_its_output() {
        let dir = std::env::temp_dir().join(format!("valawai-bench-child-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("sh.log");
        let mut cmd = EchoCommand::new("sh");
        cmd.args = vec!["-c".into(), "echo boom; exit 3".into()];
        let mut process = EchoProcess::spawn("sh", &cmd, &log).unwrap();
        let deadline = Instant::now() + Duration::from_secs(5);
        let err = loop {
            match process.check_running() {
                Err(e) => break e,
                Ok(()) if Instant::now() > deadline => panic!("sh did not exit"),
                Ok(()) => std::thread::sleep(Duration::from_millis(10)),
            }
        };
        let text = err.to_string();
        assert!(
            text.contains("exit status: 3") && text.contains("boom"),
            "{text}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stop_terminates_a_running_process() {
        let dir = std::env::temp_dir().join(format!("valawai-bench-stop-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cmd = EchoCommand::new("sleep");
        cmd.args = vec!["30".into()];
        let process = EchoProcess::spawn("sleep", &cmd, &dir.join("sleep.log")).unwrap();
        let status = process.stop(Duration::from_secs(5)).unwrap();
        assert!(!status.success());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! No password at any log level: a component (the echo example) and every command that talks to
//! the broker (`publish`, `tap`, `mov run`, `mov demo`) run at TRACE level with a password
//! holding `/`, `:`, `@` and `%`, given in plain (`RABBITMQ_PASSWORD`) and in a URL
//! (percent-encoded), and with a URL that gets it wrong. The password shows up in no form
//! (plain, percent-encoded, as the decimal bytes lapin prints for a login frame, or its first
//! half alone) in standard output, standard error or the log directory.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use valawai_testkit::PATIENCE;

mod support;
use support::{echo_binary, rabbitmqctl, sigterm, unique};

/// A user of its own on a virtual host of its own; both deleted when the test ends.
struct Account {
    user: String,
    password: String,
    vhost: String,
}

impl Account {
    fn new() -> Self {
        let id = std::process::id();
        let account = Account {
            user: unique("valawai_secret_user"),
            password: format!("Pw{id}x/Tail:@%t"),
            vhost: unique("valawai_secret"),
        };
        rabbitmqctl(&["add_vhost", &account.vhost]);
        rabbitmqctl(&["add_user", &account.user, &account.password]);
        rabbitmqctl(&[
            "set_permissions",
            "-p",
            &account.vhost,
            &account.user,
            ".*",
            ".*",
            ".*",
        ]);
        account
    }

    fn encoded_password(&self) -> String {
        self.password
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    }

    fn url(&self) -> String {
        format!(
            "amqp://{}:{}@127.0.0.1:5672/{}",
            self.user,
            self.encoded_password(),
            self.vhost
        )
    }

    /// Every form the password could be printed in.
    fn forms(&self) -> Vec<String> {
        let bytes: Vec<String> = self.password.bytes().map(|b| b.to_string()).collect();
        let encoded = self.encoded_password();
        vec![
            self.password.clone(),
            encoded.clone(),
            encoded.to_lowercase(),
            self.password.replace('/', "%2F"),
            bytes.join(", "),
            bytes.join(","),
            // A password cut at its `/` (as a URL parser would): the first half alone.
            self.password.split('/').next().unwrap().to_owned(),
        ]
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        for args in [
            vec!["delete_user", self.user.as_str()],
            vec!["delete_vhost", self.vhost.as_str()],
        ] {
            let _ = Command::new("rabbitmqctl").args(args).output();
        }
    }
}

/// Where each run's output goes.
struct Logs(PathBuf);

impl Logs {
    /// Starts `command` with standard output and error in files named after `name`.
    fn spawn(&self, name: &str, command: &mut Command) -> Child {
        let out = std::fs::File::create(self.0.join(format!("{name}.stdout"))).unwrap();
        let err = std::fs::File::create(self.0.join(format!("{name}.stderr"))).unwrap();
        command
            .env("NO_COLOR", "1")
            .env("VALAWAI_LOG", "trace")
            .env("LOG_CONSOLE_LEVEL", "trace")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap()
    }

    /// Runs `command` to its end.
    fn run(&self, name: &str, command: &mut Command) {
        let mut child = self.spawn(name, command);
        wait(&mut child, name);
    }

    /// Waits until what `name` printed contains `text`.
    async fn wait_for(&self, name: &str, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let printed: String = ["stdout", "stderr"]
                .iter()
                .map(|s| {
                    std::fs::read_to_string(self.0.join(format!("{name}.{s}"))).unwrap_or_default()
                })
                .collect();
            if printed.contains(text) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "`{name}` never printed `{text}`:\n{printed}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

fn wait(child: &mut Child, name: &str) {
    let deadline = Instant::now() + PATIENCE * 2;
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "`{name}` did not finish");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn stop(mut child: Child, name: &str) {
    sigterm(&child);
    wait(&mut child, name);
}

/// A command without the broker variables this test's environment may have.
fn command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = Command::new(program);
    for name in [
        "AMQP_ADDR",
        "RABBITMQ_HOST",
        "RABBITMQ_PORT",
        "RABBITMQ_USERNAME",
        "RABBITMQ_PASSWORD",
    ] {
        command.env_remove(name);
    }
    command
}

/// The Rust echo's spec.
fn echo() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/echo/asyncapi.yaml")
        .to_str()
        .unwrap()
        .to_owned()
}

fn valawai() -> Command {
    command(env!("CARGO_BIN_EXE_valawai"))
}

/// Every file below `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_password_shows_at_trace_level_in_any_form() {
    let account = Account::new();
    let dir = std::env::temp_dir().join(unique("valawai-secrets"));
    std::fs::create_dir_all(dir.join("echo-logs")).unwrap();
    let logs = Logs(dir.clone());
    let echo_binary = tokio::task::spawn_blocking(echo_binary).await.unwrap();
    let url = account.url();

    // The development MOV, and the echo registering with it, both with the URL.
    let mov = logs.spawn(
        "mov-run",
        valawai().args(["mov", "run", "--json", "--url", &url]),
    );
    logs.wait_for("mov-run", r#""event":"ready""#).await;
    let echo_run = logs.spawn(
        "echo-url",
        command(&echo_binary)
            .env("AMQP_ADDR", &url)
            .env("LOG_DIR", dir.join("echo-logs")),
    );
    logs.wait_for("echo-url", "registered by the MOV").await;

    // publish, with the URL and with the plain variables (the user has no rights on `/`: the
    // login goes through, then opening the virtual host fails).
    let payload = dir.join("payload.json");
    std::fs::write(&payload, r#"{"content": "secret test"}"#).unwrap();
    let payload = payload.to_str().unwrap();
    let publish_with_url = |name: &str, url: &str| {
        logs.run(
            name,
            valawai().args([
                "publish",
                &echo(),
                "received_message",
                payload,
                "--url",
                url,
            ]),
        );
    };
    publish_with_url("publish-url", &url);
    logs.wait_for("publish-url", "published").await;
    logs.run(
        "publish-plain",
        valawai()
            .args(["publish", &echo(), "received_message", payload])
            .env("RABBITMQ_HOST", "127.0.0.1")
            .env("RABBITMQ_PORT", "5672")
            .env("RABBITMQ_USERNAME", &account.user)
            .env("RABBITMQ_PASSWORD", &account.password),
    );
    // A URL with the `/` not encoded, and a wrong password.
    let raw = format!(
        "amqp://{}:{}@127.0.0.1:5672/{}",
        account.user, account.password, account.vhost
    );
    publish_with_url("publish-raw-url", &raw);
    let wrong = url.replace("Tail", "Tall");
    publish_with_url("publish-wrong", &wrong);

    // tap, until it listens.
    let tap = logs.spawn(
        "tap",
        valawai().args(["tap", &echo(), "--enable-tracing", "--url", &url]),
    );
    logs.wait_for("tap", "tapping ").await;
    stop(tap, "tap");

    // The echo with the plain variables: login, then no rights on `/`.
    logs.run(
        "echo-plain",
        command(&echo_binary)
            .env("RABBITMQ_HOST", "127.0.0.1")
            .env("RABBITMQ_PORT", "5672")
            .env("RABBITMQ_USERNAME", &account.user)
            .env("RABBITMQ_PASSWORD", &account.password)
            .env("RABBITMQ_MAX_RETRIES", "1")
            .env("LOG_DIR", dir.join("echo-logs")),
    );

    stop(echo_run, "echo-url");
    stop(mov, "mov-run");

    // The demo: a development MOV and the echo, in one command.
    logs.run(
        "mov-demo",
        valawai().args([
            "mov",
            "demo",
            "--url",
            &url,
            "--echo",
            echo_binary.to_str().unwrap(),
        ]),
    );
    logs.wait_for("mov-demo", "demo | done").await;

    // The runs did log at TRACE level, lapin's frames included.
    logs.wait_for("echo-url", "TRACE").await;
    logs.wait_for("publish-url", "TRACE").await;

    let forms = account.forms();
    let mut checked = 0;
    for file in files(&dir) {
        if file.ends_with("payload.json") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        for form in &forms {
            assert!(
                !text.contains(form.as_str()),
                "{} shows the password as `{form}`",
                file.display()
            );
        }
        checked += 1;
    }
    // Standard output and error of 9 runs, and the echo's id file.
    assert!(checked >= 18, "only {checked} files checked");
    // KEEP=1 keeps the outputs, to read them.
    if std::env::var_os("KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

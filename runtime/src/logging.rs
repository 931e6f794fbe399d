//! Logging out of the box: a console subscriber for the runtime's and the component's `tracing`
//! events, set up as the Python components set up theirs.

use std::io::IsTerminal;
use std::sync::Once;

use tracing_subscriber::EnvFilter;

/// Prints the component's and the runtime's logs on the console (standard output), unless a
/// `tracing` subscriber is installed already. Call it first thing in `main`; calling it again,
/// or after another subscriber was installed, does nothing, and it never panics.
///
/// The level comes from the environment:
///
/// - `RUST_LOG`, when set, is a full [`EnvFilter`] directive (`info,valawai=debug`...) and wins;
/// - otherwise `LOG_CONSOLE_LEVEL`, the Python components' variable: `DEBUG`, `INFO`,
///   `WARNING` (or `WARN`), `ERROR`, `CRITICAL`, in any case, or a Python level number (10, 20,
///   30, 40, 50), or `TRACE` (or `NOTSET`, 0) for everything. At `DEBUG` the AMQP client
///   underneath (lapin) stays at INFO: ask for its debug logs with `RUST_LOG` or `TRACE`;
/// - otherwise INFO.
///
/// A value that cannot be read gives INFO and one WARN saying why. Colours are used only when
/// standard output is a terminal and `NO_COLOR` is not set.
///
/// [`Component::run`](crate::Component::run) calls it when the component handles signals (the
/// default for a program, [`Config::handle_signals`](crate::Config::handle_signals)) and no
/// subscriber is installed, so a component with no logging set up is never silent.
///
/// ```
/// valawai::init_logging();
/// tracing::info!("shown at INFO and below");
/// valawai::init_logging(); // does nothing
/// ```
pub fn init_logging() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if tracing::dispatcher::has_been_set() {
            return;
        }
        let rust_log = std::env::var("RUST_LOG").ok();
        let console_level = std::env::var("LOG_CONSOLE_LEVEL").ok();
        let (filter, note) = console_filter(rust_log.as_deref(), console_level.as_deref());
        let ansi = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(ansi)
            .with_env_filter(filter)
            .finish();
        if tracing::subscriber::set_global_default(subscriber).is_ok()
            && let Some(note) = note
        {
            tracing::warn!("{note}");
        }
    });
}

/// The filter for `RUST_LOG` and `LOG_CONSOLE_LEVEL`, and a note when one of them could not be
/// read.
fn console_filter(
    rust_log: Option<&str>,
    console_level: Option<&str>,
) -> (EnvFilter, Option<String>) {
    let mut note = None;
    if let Some(directives) = rust_log.map(str::trim).filter(|d| !d.is_empty()) {
        match EnvFilter::try_new(directives) {
            Ok(filter) => return (filter, None),
            Err(e) => {
                note = Some(format!(
                    "RUST_LOG=`{directives}` is not a filter ({e}); it is ignored"
                ));
            }
        }
    }
    let level = match console_level.map(str::trim).filter(|l| !l.is_empty()) {
        None => "info",
        Some(value) => python_level(value).unwrap_or_else(|| {
            note.get_or_insert(format!(
                "LOG_CONSOLE_LEVEL=`{value}` is not a level (DEBUG, INFO, WARNING, ERROR or \
                 CRITICAL); logging at INFO"
            ));
            "info"
        }),
    };
    // At DEBUG lapin's frame-by-frame output would drown the component's own; TRACE, which
    // Python has no name for, asks for everything.
    let directives = match level {
        "debug" => format!("{level},lapin=info,amq_protocol=info"),
        _ => level.to_owned(),
    };
    (EnvFilter::new(directives), note)
}

/// A Python logging level (name or number) as a `tracing` level.
fn python_level(value: &str) -> Option<&'static str> {
    if let Ok(number) = value.parse::<u32>() {
        return Some(match number {
            0 => "trace",
            1..=10 => "debug",
            11..=20 => "info",
            21..=30 => "warn",
            _ => "error",
        });
    }
    Some(match value.to_ascii_uppercase().as_str() {
        "NOTSET" | "TRACE" => "trace",
        "DEBUG" => "debug",
        "INFO" => "info",
        "WARNING" | "WARN" => "warn",
        "ERROR" | "CRITICAL" | "FATAL" => "error",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(rust_log: Option<&str>, level: Option<&str>) -> (String, Option<String>) {
        let (filter, note) = console_filter(rust_log, level);
        (filter.to_string(), note)
    }

    #[test]
    fn rust_log_wins_then_the_python_level_then_info() {
        assert_eq!(
            shown(Some("warn,valawai=debug"), Some("DEBUG")).0,
            "valawai=debug,warn"
        );
        assert_eq!(shown(None, Some("WARNING")), ("warn".into(), None));
        assert_eq!(shown(None, Some("critical")).0, "error");
        assert_eq!(shown(None, Some("30")).0, "warn");
        assert_eq!(shown(Some(""), None), ("info".into(), None));
        let debug = shown(None, Some("DEBUG")).0;
        assert!(
            debug.contains("lapin=info") && debug.contains("debug"),
            "{debug}"
        );
    }

    #[test]
    fn unreadable_values_give_info_and_a_note() {
        let (filter, note) = shown(None, Some("loud"));
        assert_eq!(filter, "info");
        assert!(note.unwrap().contains("LOG_CONSOLE_LEVEL=`loud`"));
        let (filter, note) = shown(Some("[{"), Some("ERROR"));
        assert_eq!(filter, "error");
        assert!(note.unwrap().contains("RUST_LOG=`[{`"));
    }
}

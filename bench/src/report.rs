//! The human-readable table. Its last line is the generated/hand-written throughput ratio when
//! both echoes were measured. (JSON is the [`Report`] serialised as it is.)

use std::fmt::Write as _;

use crate::{
    implementations::Kind,
    results::{EchoReport, Report, Status, WindowReport},
    stats::Spread,
};

/// The prefix of the last line, followed by the ratio with two decimals.
pub const RATIO_LINE: &str = "echo throughput ratio generated/hand-written: ";

/// Renders the report as a table with its header and ratio lines.
pub fn table(report: &Report) -> String {
    let mut out = String::new();
    let m = &report.machine;
    let _ = writeln!(
        out,
        "valawai echo benchmark: {} CPUs ({}), Linux {}, RabbitMQ {} at {}",
        m.cpus,
        m.cpu_model,
        m.kernel,
        m.rabbitmq
            .as_deref()
            .map_or("(version not asked)".to_owned(), |v| v.to_owned()),
        report.broker
    );
    let pika = report.echoes.iter().find_map(|e| {
        (e.kind == Kind::Pika)
            .then_some(e.versions.as_deref())
            .flatten()
    });
    let _ = writeln!(
        out,
        "lapin {}, {}{}; load average {} at start, {} at end{}",
        m.lapin,
        m.rustc,
        pika.map_or(String::new(), |p| format!(", {p}")),
        load(m.load_at_start),
        load(m.load_at_end),
        if m.release_build {
            ""
        } else {
            " (DEBUG BUILD: figures are not representative)"
        }
    );
    if let (Some(start), Some(end)) = (m.cpu_pressure_at_start, m.cpu_pressure_at_end) {
        let _ = writeln!(
            out,
            "CPU pressure (some, avg60): {start:.1}% at start, {end:.1}% at end \
             (time in which something waited for a CPU)"
        );
    }
    let _ = writeln!(out, "policy: {}", report.policy.describe());
    let plan = &report.plan;
    let _ = writeln!(
        out,
        "plan: windows {}; {} warm-up messages, then {} per window; {} run{}{}{}",
        plan.windows
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        plan.warmup,
        match plan.messages {
            Some(n) => format!(
                "{n} messages (at most {:.0} s)",
                plan.duration.as_secs_f64()
            ),
            None => format!("{:.0} s", plan.duration.as_secs_f64()),
        },
        plan.runs,
        if plan.runs == 1 {
            ""
        } else {
            "s (medians; ± is half the range over the median)"
        },
        plan.echo_cpus
            .as_deref()
            .map_or(String::new(), |c| format!("; echoes pinned to CPUs {c}")),
        if plan.smoke { "; SMOKE RUN" } else { "" }
    );
    let _ = writeln!(out);

    let header = [
        "echo",
        "window",
        "round trips/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "p99.9 ms",
        "echo CPU µs/msg",
        "broker CPU µs/msg",
        "peak RSS MiB",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
    let mut notes = Vec::new();
    for echo in &report.echoes {
        match echo.status {
            Status::Measured => rows.extend(echo.windows.iter().map(|w| row(echo, w))),
            Status::Missing | Status::Failed => {
                let mut cells = vec![echo.label.clone(), "-".to_owned()];
                cells.push(
                    if echo.status == Status::Missing {
                        "missing"
                    } else {
                        "FAILED"
                    }
                    .to_owned(),
                );
                cells.resize(header.len(), String::new());
                rows.push(cells);
                notes.push(format!(
                    "{}: {}",
                    echo.label,
                    echo.note.as_deref().unwrap_or("no reason given")
                ));
            }
        }
    }
    out.push_str(&render(&rows));
    for note in notes {
        let _ = writeln!(out, "note: {note}");
    }
    let _ = writeln!(out);

    let ratios = &report.ratios;
    let at = ratios.window;
    if let Some(r) = ratios.hand_written_over_pika {
        let _ = writeln!(
            out,
            "hand-written/pika throughput ratio at {at} in flight: {r:.2}"
        );
    }
    if let Some(r) = ratios.generated_over_pika {
        let _ = writeln!(
            out,
            "generated/pika throughput ratio at {at} in flight: {r:.2}"
        );
    }
    match ratios.generated_over_hand_written {
        Some(r) => {
            let _ = writeln!(out, "{RATIO_LINE}{r:.2}");
        }
        None => {
            let _ = writeln!(
                out,
                "no generated/hand-written ratio: both (a) and (b) must be measured"
            );
        }
    }
    out
}

fn row(echo: &EchoReport, w: &WindowReport) -> Vec<String> {
    let with_spread = |s: &Spread, decimals: usize| {
        if w.runs.len() > 1 {
            format!(
                "{} ±{:.0}%",
                number(s.median, decimals),
                s.plus_minus_percent
            )
        } else {
            number(s.median, decimals)
        }
    };
    vec![
        echo.label.clone(),
        w.window.to_string(),
        with_spread(&w.round_trips_per_s, 0),
        number(w.p50_ms.median, 3),
        number(w.p90_ms.median, 3),
        number(w.p99_ms.median, 3),
        number(w.p999_ms.median, 3),
        with_spread(&w.echo_cpu_us_per_msg, 1),
        w.broker_cpu_us_per_msg
            .as_ref()
            .map_or("-".to_owned(), |s| number(s.median, 1)),
        number(w.peak_rss_mib.max, 1),
    ]
}

/// Left-aligns the first column, right-aligns the others.
fn render(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn load(l: [f64; 3]) -> String {
    format!("{:.2} {:.2} {:.2}", l[0], l[1], l[2])
}

/// A number with `decimals` decimals and thousands separators.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(number(18_234.4, 0), "18,234");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(number(0.2951, 3), "0.295");
        assert_eq!(number(-1234.0, 0), "-1,234");
    }

    #[test]
    fn columns_line_up() {
        let rows = vec![
            vec!["echo".to_owned(), "rate".to_owned()],
            vec!["(b) hand-written".to_owned(), "18,000".to_owned()],
        ];
        assert_eq!(
            render(&rows),
            "echo                rate\n(b) hand-written  18,000\n"
        );
    }
}

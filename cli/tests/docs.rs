//! `valawai docs`: Markdown and HTML for the echo and the MOV, escaped
//! HTML for a hostile spec, and clear errors for bad input.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{echo, fixture, mov, text, unique, valawai};

fn out_dir() -> PathBuf {
    std::env::temp_dir().join(unique("valawai_docs"))
}

fn read(dir: &std::path::Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap()
}

#[test]
fn the_echo_is_documented() {
    let dir = out_dir();
    let out = valawai(&["docs", &echo(), "-o", dir.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("index.html"));
    let md = read(&dir, "index.md");
    assert!(
        md.starts_with("# C1 Echo example with Python and Pika 1.0.0"),
        "{md}"
    );
    assert!(
        md.contains("| name | `c1_echo_example_with_python_and_pika` |"),
        "{md}"
    );
    assert!(
        md.contains(
            "| `valawai/c1/echo_example_with_python_and_pika/data/received_message` | receives \
             | echo_message | [`EchoPayload`](#echopayload) | Receive the message to echo. |"
        ),
        "{md}"
    );
    assert!(md.contains("| publishes |"), "{md}");
    assert!(md.contains("### EchoPayload"), "{md}");
    assert!(md.contains("| `content` |"), "{md}");
    assert!(
        md.contains("Constraints: matches `[0-9a-fA-F]{24}`."),
        "{md}"
    );
    let html = read(&dir, "index.html");
    assert!(
        html.contains("<section class=\"type\" id=\"type-EchoPayload\">\n<h3>EchoPayload</h3>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"#type-EchoPayload\"><code>EchoPayload</code></a>"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_mov_is_documented() {
    let dir = out_dir();
    let out = valawai(&["docs", &mov(), "-o", dir.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = read(&dir, "index.md");
    for needle in [
        "`valawai/component/register`",
        "`valawai/c{type}/{name}/control/registered`",
        "### ComponentPayload",
        "### AddLogPayload",
        "one of several objects, chosen by the member `type`",
    ] {
        assert!(md.contains(needle), "{needle}\n{md}");
    }
    let html = read(&dir, "index.html");
    assert!(html.contains("valawai&#x2f;c{type}&#x2f;{name}&#x2f;control&#x2f;registered"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn html_escapes_what_the_spec_says() {
    let dir = out_dir();
    let hostile = fixture("types/hostile.asyncapi.yaml");
    let out = valawai(&["docs", &hostile, "-o", dir.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = read(&dir, "index.html");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script"), "{html}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_is_reported() {
    let out = valawai(&["docs", "/no/such.yaml"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read `/no/such.yaml`"));
    // An output "directory" that is a file.
    let out = valawai(&["docs", &echo(), "-o", &echo()], "");
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("cannot create"), "{stderr}");
    assert!(stderr.contains("-o"), "{stderr}");
}

#[test]
fn own_channels_and_types_come_first_the_protocol_last_and_folded() {
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    // The echo, with Markdown in a description.
    let spec = dir.join("asyncapi.yaml");
    let original = std::fs::read_to_string(echo()).unwrap();
    let marked = original.replace(
        "description: Receive the message to echo.",
        "description: 'Receive the `content` to **echo**, <b>raw</b>.'",
    );
    assert_ne!(marked, original);
    std::fs::write(&spec, marked).unwrap();
    let out = valawai(
        &["docs", spec.to_str().unwrap(), "-o", dir.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = read(&dir, "index.html");
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in\n{html}"))
    };
    // The component's own payload type before the MOV's, which are folded.
    assert!(at("id=\"type-EchoPayload\"") < at("<details>"));
    assert!(at("<details>") < at("id=\"type-ComponentPayload\""));
    assert!(at("received_message</code>") < at("<details>"));
    assert!(
        at("<details>")
            < at(
                "data-label=\"channel\"><code>valawai&#x2f;c1&#x2f;echo_example_with_python_and_pika&#x2f;control&#x2f;registered"
            )
    );
    // Markdown rendered, raw HTML shown as text.
    assert!(
        html.contains(
            "<p>Receive the <code>content</code> to <strong>echo</strong>, &lt;b&gt;raw&lt;/b&gt;.</p>"
        ),
        "{html}"
    );
    // An example payload per message, from the spec's examples.
    assert!(html.contains("Example payload:"), "{html}");
    assert!(html.contains("&quot;content&quot;: &quot;"), "{html}");
    let md = read(&dir, "index.md");
    assert!(md.find("### EchoPayload").unwrap() < md.find("## MOV protocol").unwrap());
    assert!(md.find("## MOV protocol").unwrap() < md.find("### ComponentPayload").unwrap());
    assert!(md.contains("```json\n{\n  \"content\": "), "{md}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The path of headless Chromium. Under CI (`CI` set, as `.ci/run` runs) a missing Chromium
/// fails the test; elsewhere the test says it did not run.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path).find_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"]
                .iter()
                .map(|name| dir.join(name))
                .find(|p| p.is_file())
        })
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing: .ci/run installs it (apt-get install chromium)"
        );
        eprintln!("chromium is missing: the layout test did not run (apt-get install chromium)");
    }
    found
}

/// What a page reports of its layout at a window size, in headless Chromium: the document's
/// width and the window's, and the elements that stick out of the window or of their table
/// cell (the `<details>` are opened first).
fn layout(chromium: &Path, page: &Path, width: u32, height: u32) -> serde_json::Value {
    const PROBE: &str = r#"<script>
document.querySelectorAll('details').forEach(d => { d.open = true; });
const out = { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide: [] };
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  const clipped = e.tagName === 'TD' && e.scrollWidth > e.clientWidth + 1;
  if (r.right > window.innerWidth + 1 || clipped) {
    out.wide.push(e.tagName + ' ' + Math.round(r.right) + ' ' + (e.textContent || '').slice(0, 60));
  }
}
const p = document.createElement('pre');
p.id = 'layout';
p.textContent = JSON.stringify(out);
document.body.appendChild(p);
</script>"#;
    let html = std::fs::read_to_string(page).unwrap();
    let probed = page.with_file_name(format!("probe-{width}.html"));
    std::fs::write(&probed, html.replace("</body>", &format!("{PROBE}</body>"))).unwrap();
    let profile = page.with_file_name(format!("chromium-profile-{width}"));
    let child = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            &format!("--window-size={width},{height}"),
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
        ])
        .arg(format!("file://{}", probed.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium runs");
    let out = wait_with_timeout(child, Duration::from_secs(90));
    let dom = text(&out.stdout);
    let start = dom.find("<pre id=\"layout\">").unwrap_or_else(|| {
        panic!(
            "no layout report from chromium:\n{dom}\n{}",
            text(&out.stderr)
        )
    }) + "<pre id=\"layout\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn wait_with_timeout(mut child: std::process::Child, limit: Duration) -> std::process::Output {
    let deadline = Instant::now() + limit;
    // Read the pipes on threads, so a large DOM cannot block chromium.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// The documentation fits a 1280 px window and a narrow one (500 px, the narrowest window
/// headless Chromium opens; the phone layout starts below 640 px), in a real browser: no horizontal
/// scrolling, nothing sticking out of the window or clipped in a table cell.
#[test]
fn the_html_fits_a_laptop_and_a_phone_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        return;
    };
    for spec in [
        echo(),
        fixture("valawai/C2_treatment_autonomy_valuator/asyncapi.yaml"),
        mov(),
    ] {
        let dir = out_dir();
        let out = valawai(&["docs", &spec, "-o", dir.to_str().unwrap()], "");
        assert!(out.status.success(), "{}", text(&out.stderr));
        for (width, height) in [(1280, 800), (500, 844)] {
            let report = layout(&chromium, &dir.join("index.html"), width, height);
            assert_eq!(report["innerWidth"], width, "{spec}: {report}");
            assert!(
                report["scrollWidth"].as_u64().unwrap() <= u64::from(width),
                "{spec} at {width} px scrolls sideways: {report:#}"
            );
            assert_eq!(
                report["wide"],
                serde_json::json!([]),
                "{spec} at {width} px: {report:#}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! `valawai docs`: Markdown and HTML for the echo and the MOV, escaped
//! HTML for a hostile spec, and clear errors for bad input.

mod support;

use std::path::PathBuf;

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
        html.contains("<h3 id=\"type-EchoPayload\">EchoPayload</h3>"),
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

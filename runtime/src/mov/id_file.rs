//! The component-id file: the whole registered notification, written where Docker health checks
//! look for it (`$LOG_DIR/$COMPONET_ID_FILE_NAME`), and removed on stop.
//!
//! The text is what the Python components write, `json.dumps(message, sort_keys=True,
//! indent=2)`: keys sorted, two-space indent, non-ASCII characters escaped as `\uXXXX`.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Map, Value};

/// Renders `message` as the Python components do.
pub fn render(message: &Value) -> String {
    let sorted = sort_keys(message);
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, AsciiPretty::default());
    serde::Serialize::serialize(&sorted, &mut ser).expect("a JSON value always serialises");
    String::from_utf8(out).expect("the output is ASCII")
}

/// Writes the file atomically (a temporary file renamed into place), creating its folder.
pub fn write(path: &Path, message: &Value) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(render(message).as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

/// Removes the file; a missing file is not an error.
pub fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn sort_keys(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let mut sorted = Map::with_capacity(map.len());
            for k in keys {
                sorted.insert(k.clone(), sort_keys(&map[k]));
            }
            Value::Object(sorted)
        }
        Value::Array(items) => Value::Array(items.iter().map(sort_keys).collect()),
        other => other.clone(),
    }
}

/// serde_json's pretty formatter, escaping every non-ASCII character like Python's
/// `ensure_ascii=True`.
#[derive(Default)]
struct AsciiPretty(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for AsciiPretty {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        for c in fragment.chars() {
            if c.is_ascii() {
                writer.write_all(&[c as u8])?;
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_like_python_json_dumps_sort_keys_indent_2() {
        // Expected text produced by Python 3: json.dumps(v, sort_keys=True, indent=2)
        let v = json!({
            "name": "c1_é",
            "id": "65c1f59ea4cb169f42f5edc4",
            "channels": [{"name": "a", "description": "😀"}],
            "since": 1709902001,
            "empty": {},
            "none": []
        });
        let expected = "{\n  \"channels\": [\n    {\n      \"description\": \"\\ud83d\\ude00\",\n      \"name\": \"a\"\n    }\n  ],\n  \"empty\": {},\n  \"id\": \"65c1f59ea4cb169f42f5edc4\",\n  \"name\": \"c1_\\u00e9\",\n  \"none\": [],\n  \"since\": 1709902001\n}";
        assert_eq!(render(&v), expected);
    }

    #[test]
    fn write_then_remove() {
        let dir = std::env::temp_dir().join(format!("valawai-id-file-{}", std::process::id()));
        let path = dir.join("sub").join("component_id.json");
        write(&path, &json!({"id": "x"})).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\n  \"id\": \"x\"\n}"
        );
        remove(&path).unwrap();
        assert!(!path.exists());
        remove(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

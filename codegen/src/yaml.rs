//! Parses YAML 1.2 (and therefore JSON) into a [`Node`] tree with spans.
//!
//! Built on `saphyr-parser`'s event stream rather than a serde deserializer so
//! that every node, every mapping key and every error keeps its position.
//! The builder is iterative, limits nesting depth and alias expansion (in
//! values and in bytes, see [`Budget`]), and rejects duplicate keys, so no
//! input can make it overflow the stack, blow up memory or silently lose a
//! value.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};

use crate::diagnostic::Diagnostic;
use crate::node::{Mapping, Node, Value};
use crate::source::{FileId, Pos, SourceMap, Span};

/// Deepest nesting of sequences and mappings accepted.
pub const MAX_DEPTH: usize = 256;
/// Most nodes a document may expand to, aliases included.
pub const MAX_NODES: usize = 1_000_000;
/// What one node costs in the byte budget besides its text: about the size of
/// a [`Node`] and of its place in a list or mapping.
const NODE_BYTES: u64 = 64;

/// How many bytes of node trees the documents of one load may still build.
///
/// Every scalar costs its text plus [`NODE_BYTES`], every mapping key its
/// text, and every alias the full size of what it copies; the copy an anchor
/// keeps counts too. So the memory a document can take is bounded by the
/// budget, whatever its aliases multiply, and a refusal points at the alias
/// or value that went over.
#[derive(Debug, Clone)]
pub(crate) struct Budget {
    limit: u64,
    used: u64,
}

impl Budget {
    /// A budget of `limit` bytes.
    pub(crate) fn new(limit: u64) -> Self {
        Budget { limit, used: 0 }
    }
}

enum Frame {
    Seq {
        start: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        start: Pos,
        anchor: usize,
        map: Mapping,
        key: Option<(String, Span)>,
        /// Mappings merged in with `<<`; applied when the mapping ends, so
        /// that keys written in the mapping itself win wherever they are.
        merges: Vec<Mapping>,
    },
}

/// Parses one file of a [`SourceMap`] into a node tree.
///
/// The nodes built are charged to `budget`, which the loader shares between a
/// document and the files it refers to.
pub(crate) fn parse(
    sources: &SourceMap,
    file: FileId,
    budget: &mut Budget,
) -> Result<Node, Diagnostic> {
    let source = sources.get(file);
    let text = source.text().clone();
    let mut builder = Builder {
        sources,
        file,
        stack: Vec::new(),
        anchors: Vec::new(),
        nodes: 0,
        budget,
        root: None,
        documents: 0,
    };
    let mut parser = Parser::new_from_str(&text);
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(ev)) => ev,
            Some(Err(e)) => return Err(builder.scan_error(&e)),
        };
        let start = builder.pos(span.start.line(), span.start.col());
        let end = builder.pos(span.end.line(), span.end.col());
        match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
            Event::DocumentStart(_) => {
                builder.documents += 1;
                if builder.documents > 1 {
                    return Err(builder.error(
                        "multiple-documents",
                        "the file holds more than one YAML document",
                        start,
                        end,
                        Some("keep one document per file: remove the extra `---`"),
                    ));
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let node = builder.scalar(value, style, tag.as_deref(), start, end)?;
                builder.push_node(node, anchor)?;
            }
            Event::Alias(anchor) => {
                let node = builder.alias(anchor, start, end)?;
                builder.push_node(node, 0)?;
            }
            Event::SequenceStart(anchor, _) => {
                builder.open(
                    Frame::Seq {
                        start,
                        anchor,
                        items: Vec::new(),
                    },
                    start,
                    end,
                )?;
            }
            Event::MappingStart(anchor, _) => {
                builder.open(
                    Frame::Map {
                        start,
                        anchor,
                        map: Mapping::default(),
                        key: None,
                        merges: Vec::new(),
                    },
                    start,
                    end,
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match builder.stack.pop() {
                    Some(Frame::Seq {
                        start: s,
                        anchor,
                        items,
                    }) => (builder.node(Value::Seq(items), s, end), anchor),
                    Some(Frame::Map {
                        start: s,
                        anchor,
                        mut map,
                        merges,
                        ..
                    }) => {
                        for merged in merges {
                            for (k, entry) in merged.iter() {
                                if !map.contains_key(k) {
                                    map.insert(k.to_owned(), entry.key_span, entry.value.clone());
                                }
                            }
                        }
                        (builder.node(Value::Map(map), s, end), anchor)
                    }
                    None => continue,
                };
                builder.push_node(node, anchor)?;
            }
        }
    }
    match builder.root.take() {
        Some(root) => Ok(root),
        None => {
            let end = sources.get(file).pos_of_offset(text.len());
            Err(builder.error(
                "empty-document",
                "the file is empty",
                end,
                end,
                Some("an AsyncAPI document starts with `asyncapi: 3.0.0` or `asyncapi: '2.6.0'`"),
            ))
        }
    }
}

struct Builder<'a> {
    sources: &'a SourceMap,
    file: FileId,
    stack: Vec<Frame>,
    anchors: Vec<(usize, Node)>,
    nodes: usize,
    budget: &'a mut Budget,
    root: Option<Node>,
    documents: usize,
}

impl Builder<'_> {
    fn pos(&self, line: usize, col: usize) -> Pos {
        self.sources.get(self.file).pos(line, col)
    }

    fn node(&self, value: Value, start: Pos, end: Pos) -> Node {
        Node {
            value,
            span: Span {
                file: self.file,
                start,
                end,
            },
        }
    }

    fn error(
        &self,
        code: &'static str,
        message: &str,
        start: Pos,
        end: Pos,
        hint: Option<&str>,
    ) -> Diagnostic {
        let span = Span {
            file: self.file,
            start,
            end,
        };
        let d = Diagnostic::error(code, message).at(self.sources, span, None);
        match hint {
            Some(h) => d.hint(h),
            None => d,
        }
    }

    fn scan_error(&self, e: &ScanError) -> Diagnostic {
        let pos = self.pos(e.marker().line(), e.marker().col());
        let d = self.error(
            "yaml-syntax",
            &format!("invalid YAML: {}", e.info()),
            pos,
            pos,
            Some("check the indentation and quoting around this position"),
        );
        // An unclosed `[` or `{` is found where the parser gives up, often at
        // the end of the file: point at where it was opened too.
        let flow = e.info().contains("flow sequence") || e.info().contains("flow mapping");
        let opened = self.stack.last().map(|frame| match frame {
            Frame::Seq { start, .. } => (*start, "the sequence opened here is not closed"),
            Frame::Map { start, .. } => (*start, "the mapping opened here is not closed"),
        });
        match opened {
            Some((start, message)) if flow => {
                let span = Span {
                    file: self.file,
                    start,
                    end: start,
                };
                d.note(self.sources, span, message)
            }
            _ => d,
        }
    }

    /// Charges `n` nodes of `bytes` bytes in all.
    fn count(&mut self, n: usize, bytes: u64, start: Pos, end: Pos) -> Result<(), Diagnostic> {
        self.nodes += n;
        if self.nodes > MAX_NODES {
            return Err(self.error(
                "too-large",
                &format!("the document expands to more than {MAX_NODES} values"),
                start,
                end,
                Some("YAML aliases that refer to each other can multiply a document; expand them by hand"),
            ));
        }
        self.budget.used = self.budget.used.saturating_add(bytes);
        if self.budget.used > self.budget.limit {
            return Err(self.error(
                "too-large",
                &format!(
                    "the document expands to more than {} bytes here",
                    self.budget.limit
                ),
                start,
                end,
                Some("YAML aliases copy what they refer to, and copies of copies multiply a document; expand them by hand, or raise the loader's `max_expanded_bytes`"),
            ));
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame, start: Pos, end: Pos) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(
                "too-deep",
                &format!("values are nested more than {MAX_DEPTH} levels deep"),
                start,
                end,
                None,
            ));
        }
        self.count(1, NODE_BYTES, start, end)?;
        self.stack.push(frame);
        Ok(())
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        start: Pos,
        end: Pos,
    ) -> Result<Node, Diagnostic> {
        self.count(1, NODE_BYTES + text.len() as u64, start, end)?;
        let value = match tag {
            Some(tag) if tag.is_yaml_core_schema() => match tag.suffix.as_str() {
                "str" => Value::Str(text.into_owned()),
                "null" => Value::Null,
                "bool" | "int" | "float" => match resolve_plain(&text) {
                    v @ (Value::Bool(_) | Value::Int(_) | Value::Float(_)) => v,
                    _ => {
                        return Err(self.error(
                            "yaml-tag",
                            &format!("`{text}` is not a valid !!{}", tag.suffix),
                            start,
                            end,
                            None,
                        ));
                    }
                },
                _ => Value::Str(text.into_owned()),
            },
            _ if style == ScalarStyle::Plain => resolve_plain(&text),
            _ => Value::Str(text.into_owned()),
        };
        Ok(self.node(value, start, end))
    }

    fn alias(&mut self, anchor: usize, start: Pos, end: Pos) -> Result<Node, Diagnostic> {
        let Some(index) = self.anchors.iter().rposition(|(id, _)| *id == anchor) else {
            return Err(self.error(
                "yaml-alias",
                "this alias refers to an anchor that is not defined before it",
                start,
                end,
                None,
            ));
        };
        // Charge the copy before making it, so that a refused alias costs nothing.
        let (size, bytes) = weigh(&self.anchors[index].1);
        self.count(size, bytes, start, end)?;
        let mut node = self.anchors[index].1.clone();
        node.span = Span {
            file: self.file,
            start,
            end,
        };
        Ok(node)
    }

    fn push_node(&mut self, node: Node, anchor: usize) -> Result<(), Diagnostic> {
        if anchor != 0 {
            // The anchor keeps a copy of its node: it takes memory too.
            let (_, bytes) = weigh(&node);
            self.count(0, bytes, node.span.start, node.span.end)?;
            self.anchors.push((anchor, node.clone()));
        }
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map { key: None, .. }) => {
                let key = match &node.value {
                    Value::Str(s) => s.clone(),
                    Value::Null => String::new(),
                    Value::Bool(_) | Value::Int(_) | Value::Float(_) => self
                        .sources
                        .get(self.file)
                        .text()
                        .get(node.span.start.offset..node.span.end.offset)
                        .unwrap_or_default()
                        .to_owned(),
                    Value::Seq(_) | Value::Map(_) => {
                        return Err(self.error(
                            "yaml-key",
                            "a mapping key must be a string, not a collection",
                            node.span.start,
                            node.span.end,
                            None,
                        ));
                    }
                };
                if let Some(Frame::Map { key: slot, .. }) = self.stack.last_mut() {
                    *slot = Some((key, node.span));
                }
                Ok(())
            }
            Some(Frame::Map { key: Some(_), .. }) => {
                let Some(Frame::Map { map, key, .. }) = self.stack.last_mut() else {
                    return Ok(());
                };
                let Some((key, key_span)) = key.take() else {
                    return Ok(());
                };
                if key == "<<" {
                    return self.merge(node, key_span);
                }
                if let Some(first) = map.entry_span(&key) {
                    let d = Diagnostic::error("duplicate-key", format!("duplicate key `{key}`"))
                        .at(self.sources, key_span, None)
                        .label("second definition")
                        .note(self.sources, first, "first defined here")
                        .hint("a key may appear once in a mapping; remove or rename one of them");
                    return Err(d);
                }
                map.insert(key, key_span, node);
                Ok(())
            }
        }
    }

    /// Applies a YAML merge key (`<<: *base` or `<<: [*a, *b]`): entries of the
    /// merged mappings are added unless the mapping already has them.
    fn merge(&mut self, node: Node, key_span: Span) -> Result<(), Diagnostic> {
        let sources: Vec<Mapping> = match node.value {
            Value::Map(m) => vec![m],
            Value::Seq(items) => {
                let mut maps = Vec::new();
                for item in items {
                    match item.value {
                        Value::Map(m) => maps.push(m),
                        _ => {
                            return Err(self.error(
                                "yaml-merge",
                                "a merge key (`<<`) takes a mapping or a list of mappings",
                                item.span.start,
                                item.span.end,
                                None,
                            ));
                        }
                    }
                }
                maps
            }
            _ => {
                return Err(self.error(
                    "yaml-merge",
                    "a merge key (`<<`) takes a mapping or a list of mappings",
                    key_span.start,
                    node.span.end,
                    None,
                ));
            }
        };
        if let Some(Frame::Map { merges, .. }) = self.stack.last_mut() {
            merges.extend(sources);
        }
        Ok(())
    }
}

/// How many nodes a tree has and how many bytes of the budget it takes.
fn weigh(node: &Node) -> (usize, u64) {
    let mut count = 0;
    let mut bytes = 0u64;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        count += 1;
        bytes = bytes.saturating_add(NODE_BYTES);
        match &n.value {
            Value::Seq(items) => stack.extend(items.iter()),
            Value::Map(map) => {
                for (key, entry) in map.iter() {
                    bytes = bytes.saturating_add(key.len() as u64);
                    stack.push(&entry.value);
                }
            }
            Value::Str(s) => bytes = bytes.saturating_add(s.len() as u64),
            _ => {}
        }
    }
    (count, bytes)
}

/// Resolves a plain scalar with the YAML 1.2 core schema.
fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'-') => (-1i64, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    if let Some(oct) = text.strip_prefix("0o")
        && !oct.is_empty()
        && oct.bytes().all(|b| (b'0'..=b'7').contains(&b))
        && let Ok(v) = i64::from_str_radix(oct, 8)
    {
        return Value::Int(v);
    }
    if let Some(hex) = text.strip_prefix("0x")
        && !hex.is_empty()
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
        && let Ok(v) = i64::from_str_radix(hex, 16)
    {
        return Value::Int(v);
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match digits.parse::<i64>() {
            Ok(v) => Value::Int(sign * v),
            Err(_) => text
                .parse::<f64>()
                .map(Value::Float)
                .unwrap_or_else(|_| Value::Str(text.to_owned())),
        };
    }
    if is_core_float(digits)
        && let Ok(v) = text.parse::<f64>()
    {
        return Value::Float(v);
    }
    Value::Str(text.to_owned())
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` without the sign.
fn is_core_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn load(text: &str) -> Result<Node, Diagnostic> {
        let mut sources = SourceMap::default();
        let id = sources.add(PathBuf::new(), "test.yaml".into(), text.into());
        parse(&sources, id, &mut Budget::new(4 << 20))
    }

    #[test]
    fn resolves_core_schema_scalars() {
        let node = load("a: 1\nb: '1'\nc: 1.5\nd: true\ne: ~\nf: 2.6.0\ng: 0x1f\nh: -3\ni: 1e3\n")
            .unwrap();
        let map = node.as_map().unwrap();
        let get = |k: &str| map.get(k).unwrap().value.clone();
        assert_eq!(get("a"), Value::Int(1));
        assert_eq!(get("b"), Value::Str("1".into()));
        assert_eq!(get("c"), Value::Float(1.5));
        assert_eq!(get("d"), Value::Bool(true));
        assert_eq!(get("e"), Value::Null);
        assert_eq!(get("f"), Value::Str("2.6.0".into()));
        assert_eq!(get("g"), Value::Int(31));
        assert_eq!(get("h"), Value::Int(-3));
        assert_eq!(get("i"), Value::Float(1000.0));
    }

    #[test]
    fn keeps_positions_of_values_and_keys() {
        let node = load("info:\n  title: Echo\n").unwrap();
        let info = node.as_map().unwrap().entry("info").unwrap();
        assert_eq!(
            (info.key_span.start.line, info.key_span.start.column),
            (1, 1)
        );
        let title = info.value.as_map().unwrap().get("title").unwrap();
        assert_eq!((title.span.start.line, title.span.start.column), (2, 10));
        assert_eq!(title.span.start.offset, 15);
    }

    #[test]
    fn parses_json() {
        let node = load("{\"a\": [1, \"x\", {\"b\": null}]}").unwrap();
        assert_eq!(
            node.to_json(),
            serde_json::json!({"a": [1, "x", {"b": null}]})
        );
    }

    #[test]
    fn reports_duplicate_keys_with_both_places() {
        let err = load("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(err.code, "duplicate-key");
        let l = err.location.unwrap();
        assert_eq!((l.line, l.column), (3, 1));
        assert_eq!(err.notes[0].location.line, 1);
    }

    #[test]
    fn expands_aliases_and_merge_keys() {
        let node = load("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n").unwrap();
        assert_eq!(
            node.to_json(),
            serde_json::json!({"base": {"x": 1, "y": 2}, "use": {"y": 3, "x": 1}})
        );
    }

    #[test]
    fn stops_alias_bombs() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert_eq!(load(&text).unwrap_err().code, "too-large");
    }

    #[test]
    fn stops_alias_bombs_that_copy_long_strings() {
        // Few values, many bytes: 10 KB copied 10 × 10 × 10 times.
        let mut text = format!("s: &s '{}'\n", "x".repeat(10_000));
        text.push_str("a1: &a1 [*s, *s, *s, *s, *s, *s, *s, *s, *s, *s]\n");
        text.push_str("a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n");
        text.push_str("a3: [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]\n");
        let err = load(&text).unwrap_err();
        assert_eq!(err.code, "too-large");
        assert!(err.message.contains("4194304 bytes"), "{err}");
        // The refusal points at an alias on the last line.
        assert_eq!(err.location.unwrap().line, 4);
    }

    #[test]
    fn stops_deep_nesting() {
        let text = "[".repeat(10_000);
        let err = load(&text).unwrap_err();
        assert!(err.code == "too-deep" || err.code == "yaml-syntax", "{err}");
    }

    #[test]
    fn reports_syntax_errors_with_position() {
        let err = load("a: 1\nb: [1, 2\n").unwrap_err();
        assert_eq!(err.code, "yaml-syntax");
        assert!(err.location.is_some());
    }

    #[test]
    fn rejects_empty_and_multi_document_files() {
        assert_eq!(load("").unwrap_err().code, "empty-document");
        assert_eq!(
            load("# only a comment\n").unwrap_err().code,
            "empty-document"
        );
        assert_eq!(
            load("a: 1\n---\nb: 2\n").unwrap_err().code,
            "multiple-documents"
        );
    }
}

//! Source files and positions.
//!
//! Every file the loader reads is kept here with its text, so that any
//! diagnostic can show `file:line:column` and the offending line, and so that
//! a build script can print `cargo:rerun-if-changed` for every file read.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Identifies a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub(crate) u32);

/// A position in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 1 (as rustc counts them).
    pub column: u32,
    /// Byte offset from the start of the file.
    pub offset: usize,
}

/// A range of text in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First position (inclusive).
    pub start: Pos,
    /// Last position (exclusive).
    pub end: Pos,
}

impl Span {
    /// Length of the span in bytes.
    pub fn len(&self) -> usize {
        self.end.offset.saturating_sub(self.start.offset)
    }

    /// Whether the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One file read by the loader.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    name: String,
    text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    fn new(path: PathBuf, name: String, text: Arc<str>) -> Self {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        SourceFile {
            path,
            name,
            text,
            line_starts,
        }
    }

    /// The path the file was read from (empty for documents given as text).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The name shown in diagnostics.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text of the file.
    pub fn text(&self) -> &Arc<str> {
        &self.text
    }

    /// Converts a line (1-based) and a character column (0-based), as the YAML
    /// parser reports them, into a [`Pos`].
    pub(crate) fn pos(&self, line: usize, char_col: usize) -> Pos {
        let line = line.max(1);
        let Some(&line_start) = self.line_starts.get(line - 1) else {
            let end = self.text.len();
            return self.pos_of_offset(end);
        };
        let rest = &self.text[line_start..];
        let offset = line_start
            + rest
                .char_indices()
                .nth(char_col)
                .map(|(i, _)| i)
                .unwrap_or(rest.len());
        Pos {
            line: line as u32,
            column: char_col as u32 + 1,
            offset,
        }
    }

    /// Converts a byte offset into a [`Pos`].
    pub(crate) fn pos_of_offset(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_index];
        let column = self
            .text
            .get(line_start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        Pos {
            line: line_index as u32 + 1,
            column: column as u32 + 1,
            offset,
        }
    }

    /// The text of a line (1-based), without its line break.
    pub fn line_text(&self, line: u32) -> &str {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(index) else {
            return "";
        };
        let end = self
            .line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Every file read while loading one document, in the order they were read.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub(crate) fn add(&mut self, path: PathBuf, name: String, text: Arc<str>) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile::new(path, name, text));
        id
    }

    /// The file with the given id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Finds a file by the path it was read from.
    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path && !path.as_os_str().is_empty())
            .map(|i| FileId(i as u32))
    }

    /// All files, the root document first.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// The paths of all files read from disk, for `cargo:rerun-if-changed`.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .map(|f| f.path.as_path())
            .filter(|p| !p.as_os_str().is_empty())
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

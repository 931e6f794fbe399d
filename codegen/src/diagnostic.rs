//! Diagnostics: what went wrong in a spec, where, and what to do about it.
//!
//! A [`Diagnostic`] names the file, line, column and JSON pointer of the
//! problem and carries a one-line hint. It renders like a rustc diagnostic
//! through [`Display`](fmt::Display), and implements [`miette::Diagnostic`] so
//! a binary can render it with miette's graphical handler instead.

use std::fmt;
use std::sync::Arc;

use crate::pointer::JsonPointer;
use crate::source::{SourceMap, Span};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The document cannot be used.
    Error,
    /// The document can be used, but something is probably wrong.
    Warning,
}

/// Where a diagnostic points: a resolved file position plus the JSON pointer.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file name as shown to the user.
    pub file: String,
    /// Line, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 1.
    pub column: u32,
    /// The span in the file.
    pub span: Span,
    /// The JSON pointer of the offending value, when there is one.
    pub pointer: Option<JsonPointer>,
    text: Arc<str>,
}

impl Location {
    /// Resolves a span against the files it refers to.
    pub fn new(sources: &SourceMap, span: Span, pointer: Option<JsonPointer>) -> Self {
        let file = sources.get(span.file);
        Location {
            file: file.name().to_owned(),
            line: span.start.line,
            column: span.start.column,
            span,
            pointer,
            text: file.text().clone(),
        }
    }

    fn line_text(&self, line: u32) -> &str {
        self.text
            .split_inclusive('\n')
            .nth(line.saturating_sub(1) as usize)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

/// A secondary place that helps explain a diagnostic.
#[derive(Debug, Clone)]
pub struct Note {
    /// Where.
    pub location: Location,
    /// What is there.
    pub message: String,
}

/// A problem found in a spec.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short stable code such as `dangling-ref`.
    pub code: &'static str,
    /// What went wrong, in one sentence.
    pub message: String,
    /// Where it went wrong.
    pub location: Option<Location>,
    /// A short text shown under the offending text.
    pub label: Option<String>,
    /// What to do about it, in one line.
    pub hint: Option<String>,
    /// Other places involved (the first definition of a duplicate, the steps
    /// of a `$ref` cycle...).
    pub notes: Vec<Note>,
}

impl Diagnostic {
    /// A new error.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            label: None,
            hint: None,
            notes: Vec::new(),
        }
    }

    /// A new warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Points the diagnostic at a span and JSON pointer.
    pub fn at(mut self, sources: &SourceMap, span: Span, pointer: Option<JsonPointer>) -> Self {
        self.location = Some(Location::new(sources, span, pointer));
        self
    }

    /// Sets the text shown under the offending text.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a secondary place.
    pub fn note(mut self, sources: &SourceMap, span: Span, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            location: Location::new(sources, span, None),
            message: message.into(),
        });
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: message`, on one line.
    pub fn summary(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Some(l) => format!(
                "{}:{}:{}: {severity}: {}",
                l.file, l.line, l.column, self.message
            ),
            None => format!("{severity}: {}", self.message),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// Renders the diagnostic the way rustc does, without colours.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{severity}[{}]: {}", self.code, self.message)?;
        let Some(location) = &self.location else {
            if let Some(hint) = &self.hint {
                writeln!(f, "  = hint: {hint}")?;
            }
            return Ok(());
        };
        let gutter = self
            .notes
            .iter()
            .map(|n| n.location.line)
            .chain([location.line])
            .max()
            .unwrap_or(0)
            .to_string()
            .len();
        let pad = " ".repeat(gutter);
        writeln!(
            f,
            "{pad}--> {}:{}:{}",
            location.file, location.line, location.column
        )?;
        write_snippet(f, &pad, location, self.label.as_deref())?;
        for note in &self.notes {
            let l = &note.location;
            writeln!(f, "{pad}::: {}:{}:{}", l.file, l.line, l.column)?;
            write_snippet(f, &pad, l, Some(&note.message))?;
        }
        if let Some(pointer) = &location.pointer {
            writeln!(f, "{pad} = at: {pointer}")?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{pad} = hint: {hint}")?;
        }
        Ok(())
    }
}

fn write_snippet(
    f: &mut fmt::Formatter<'_>,
    pad: &str,
    location: &Location,
    label: Option<&str>,
) -> fmt::Result {
    let line = location.line_text(location.line);
    let start_col = location.column.saturating_sub(1) as usize;
    let width = if location.span.end.line == location.span.start.line {
        (location
            .span
            .end
            .column
            .saturating_sub(location.span.start.column) as usize)
            .max(1)
    } else {
        line.chars().count().saturating_sub(start_col).max(1)
    };
    let indent: String = line
        .chars()
        .take(start_col)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    writeln!(f, "{pad} |")?;
    writeln!(f, "{:>w$} | {line}", location.line, w = pad.len())?;
    write!(f, "{pad} | {indent}{}", "^".repeat(width))?;
    match label {
        Some(label) => writeln!(f, " {label}")?,
        None => writeln!(f)?,
    }
    writeln!(f, "{pad} |")
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let pointer = self.location.as_ref().and_then(|l| l.pointer.as_ref());
        match (&self.hint, pointer) {
            (Some(hint), Some(p)) => Some(Box::new(format!("{hint}\nat: {p}"))),
            (Some(hint), None) => Some(Box::new(hint)),
            (None, Some(p)) => Some(Box::new(format!("at: {p}"))),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.location
            .as_ref()
            .map(|l| &l.text as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let location = self.location.as_ref()?;
        let primary = miette::LabeledSpan::new_primary_with_span(
            self.label.clone(),
            (location.span.start.offset, location.span.len()),
        );
        let notes = self
            .notes
            .iter()
            .filter(|n| n.location.file == location.file)
            .map(|n| {
                miette::LabeledSpan::new_with_span(
                    Some(n.message.clone()),
                    (n.location.span.start.offset, n.location.span.len()),
                )
            });
        Some(Box::new(std::iter::once(primary).chain(notes)))
    }
}

/// The error returned when a spec cannot be loaded or generated: every
/// problem found, errors and warnings alike, in the order found.
///
/// `Debug` shows the same rustc-like rendering as `Display`, because that
/// is what `fn main() -> Result<(), Box<dyn Error>>` prints, in a build
/// script too.
#[derive(Clone)]
pub struct Error {
    diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub(crate) fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Error { diagnostics }
    }

    /// All diagnostics, errors and warnings.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors().count();
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if count > 1 {
            write!(f, "\nerror: the spec has {count} errors")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

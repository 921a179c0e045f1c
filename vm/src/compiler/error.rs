//! Compile errors: syntax errors (with CPython's messages where practical) and
//! constructs outside the supported subset.

use std::fmt;

use ruff_text_size::TextRange;

use super::lines::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// Python would raise SyntaxError (or its subclass IndentationError: see
    /// [`CompileError::exception_name`]).
    SyntaxError,
    /// Valid Python that Sidewinder cannot compile yet.
    Unsupported,
}

/// CPython's IndentationError messages (the tokenizer's and the parser's).
const INDENTATION_MESSAGES: [&str; 5] = [
    "unexpected indent",
    "unexpected unindent",
    "unindent does not match any outer indentation level",
    "expected an indented block",
    "too many levels of indentation",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the caret, as in CPython's SyntaxError.offset.
    pub col: u32,
    /// 1-based end column (exclusive), as in CPython's SyntaxError.end_offset.
    pub end_col: u32,
    /// The text of the offending line, without the line terminator.
    pub source_line: String,
}

impl CompileError {
    pub(crate) fn new(kind: CompileErrorKind, message: impl Into<String>, range: TextRange, lines: &LineIndex) -> Self {
        let (line, col) = lines.line_col(range.start().to_usize());
        let (end_line, end_col) = lines.line_col(range.end().to_usize());
        let end_col = if end_line == line && end_col > col { end_col + 1 } else { col + 2 };
        CompileError { kind, message: message.into(), line, col: col + 1, end_col, source_line: lines.line_text(line) }
    }

    pub(crate) fn syntax(message: impl Into<String>, range: TextRange, lines: &LineIndex) -> Self {
        Self::new(CompileErrorKind::SyntaxError, message, range, lines)
    }

    pub(crate) fn unsupported(message: impl Into<String>, range: TextRange, lines: &LineIndex) -> Self {
        Self::new(CompileErrorKind::Unsupported, message, range, lines)
    }
}

impl CompileError {
    /// The Python exception class to report: "SyntaxError", "IndentationError", or
    /// "NotImplementedError" for unsupported constructs.
    pub fn exception_name(&self) -> &'static str {
        match self.kind {
            CompileErrorKind::Unsupported => "NotImplementedError",
            CompileErrorKind::SyntaxError => {
                if INDENTATION_MESSAGES.iter().any(|m| self.message.starts_with(m)) {
                    "IndentationError"
                } else {
                    "SyntaxError"
                }
            }
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {}, column {})", self.exception_name(), self.message, self.line, self.col)
    }
}

impl std::error::Error for CompileError {}

pub(crate) type CResult<T> = Result<T, CompileError>;

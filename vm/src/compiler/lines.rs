//! Byte offsets to line/column positions: a line-start table built once per source.

use ruff_text_size::TextRange;

use super::code::Location;

/// Maps byte offsets of one source text to 1-based lines and 0-based character columns.
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// Whether each line is pure ASCII (then columns are byte differences).
    ascii: Vec<bool>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        let ascii = (0..starts.len())
            .map(|l| {
                let end = starts.get(l + 1).copied().unwrap_or(bytes.len());
                bytes[starts[l]..end].is_ascii()
            })
            .collect();
        LineIndex { source, starts, ascii }
    }

    pub(crate) fn source(&self) -> &'s str {
        self.source
    }

    /// The number of lines (a trailing newline does not start a counted line of text,
    /// but the table keeps it so that offsets at the very end resolve).
    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line index containing `offset`.
    fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        }
    }

    /// (1-based line, 0-based character column) of a byte offset.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = if self.ascii[line] {
            offset - start
        } else {
            let mut end = offset;
            while !self.source.is_char_boundary(end) {
                end -= 1;
            }
            self.source[start..end].chars().count()
        };
        (line as u32 + 1, col as u32)
    }

    pub(crate) fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start().to_usize());
        let (end_line, end_col) = self.line_col(range.end().to_usize());
        Location { line, end_line, col, end_col }
    }

    /// The text of a 1-based line, without its line terminator.
    pub(crate) fn line_text(&self, line: u32) -> String {
        let l = (line as usize).saturating_sub(1);
        if l >= self.starts.len() {
            return String::new();
        }
        let start = self.starts[l];
        let end = self.starts.get(l + 1).copied().unwrap_or(self.source.len());
        self.source[start..end].trim_end_matches(['\n', '\r']).to_string()
    }
}

//! Byte spans into the input and on-demand line/column lookup.

use serde::Serialize;

/// A half-open byte range `start..end` into the parsed input.
///
/// Offsets are UTF-8 byte offsets and always fall on char boundaries.
/// Stored as `u32` to keep nodes small; inputs are limited to 4 GiB by
/// [`Options::max_input_bytes`](crate::Options::max_input_bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (byte offsets). Offsets past `u32::MAX`
    /// saturate; the parser rejects such inputs before building spans.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// An empty span at `at`.
    pub fn empty(at: usize) -> Self {
        Span::new(at, at)
    }

    /// Start offset as `usize`.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// End offset as `usize`.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end().saturating_sub(self.start())
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The range as `start..end`.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// The text this span covers in `src`, or `""` when it is out of bounds.
    pub fn text(self, src: &str) -> &str {
        src.get(self.range()).unwrap_or("")
    }

    /// True when `other` lies within `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span of `part`, a sub-slice of `whole`, given that `whole`
    /// starts at `base` in the input (an empty span at `base` when `part`
    /// is not inside `whole`).
    pub(crate) fn of_sub(whole: &str, part: &str, base: usize) -> Span {
        let w = whole.as_ptr() as usize;
        let p = part.as_ptr() as usize;
        if p >= w && p + part.len() <= w + whole.len() {
            let off = base + (p - w);
            Span::new(off, off + part.len())
        } else {
            Span::empty(base)
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A 1-based line and column (column counted in chars).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column in chars, starting at 1.
    pub column: usize,
}

/// Maps byte offsets to lines and columns. Built on demand (for printing
/// diagnostics), never stored in the tree.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Index the line starts of `src` (`\n`, `\r\n` and lone `\r` end lines).
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b.get(i) {
                Some(b'\n') => starts.push(i + 1),
                Some(b'\r') => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { src, starts }
    }

    /// Line and column of byte `offset` (clamped to the input).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.src.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column = self
            .src
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_and_all_line_ends() {
        let src = "一\r\n二三\rx\ny";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(5), LineCol { line: 2, column: 1 });
        assert_eq!(idx.line_col(8), LineCol { line: 2, column: 2 });
        assert_eq!(idx.line_col(12), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(14), LineCol { line: 4, column: 1 });
    }
}

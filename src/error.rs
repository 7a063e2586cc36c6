//! Errors (input that cannot be parsed at all) and diagnostics (anything odd
//! in a document that was parsed).

use std::borrow::Cow;

use serde::Serialize;

use crate::span::Span;

/// Input that cannot be parsed at all. Everything else is a [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// Input size in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The section tree is deeper than [`Options::max_depth`](crate::Options::max_depth).
    #[error("section nesting reaches depth {depth}, over the limit of {limit}")]
    TooDeep {
        /// The depth reached.
        depth: usize,
        /// The configured limit.
        limit: usize,
    },
    /// Strict mode: the document raised a diagnostic of error severity.
    #[error("strict mode: {code} at bytes {}..{}: {message}", span.start, span.end)]
    Strict {
        /// The diagnostic's code.
        code: DiagnosticCode,
        /// Where it was raised.
        span: Span,
        /// The diagnostic's message.
        message: String,
    },
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// A note on how something was read (e.g. a recovered heading).
    Info,
    /// Something is probably wrong in the source text.
    Warning,
    /// The text is damaged (mojibake, replacement characters).
    Error,
}

macro_rules! diagnostic_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident; )*) => {
        /// Stable diagnostic codes. The string form (`code.as_str()`, also the
        /// serde form) is a contract: it never changes for a given variant.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum DiagnosticCode {
            $( $(#[$doc])* $variant, )*
        }

        impl DiagnosticCode {
            /// The stable string code, e.g. `"ordinal-skip"`.
            pub fn as_str(self) -> &'static str {
                match self { $( DiagnosticCode::$variant => $code, )* }
            }

            /// The default severity of this code.
            pub fn severity(self) -> Severity {
                match self { $( DiagnosticCode::$variant => Severity::$sev, )* }
            }

            /// Every code, in declaration order.
            pub const ALL: &'static [DiagnosticCode] = &[ $( DiagnosticCode::$variant, )* ];
        }
    };
}

diagnostic_codes! {
    /// A heading whose numeral was lost (`、坚持…`) was recovered.
    HeadingNumeralLost = "heading-numeral-lost", Info;
    /// A heading whose marker was lost entirely was recovered from the sequence gap.
    HeadingMarkerLost = "heading-marker-lost", Info;
    /// A heading whose punctuation was lost (`1保障…`) was recovered.
    HeadingPunctuationLost = "heading-punctuation-lost", Info;
    /// An unnumbered line was read as the parent heading of a restarting sequence.
    HeadingUnnumbered = "heading-unnumbered", Info;
    /// A heading sequence skips ordinals (`一、` then `三、`).
    OrdinalSkip = "ordinal-skip", Warning;
    /// A heading sequence repeats an ordinal (`一、` twice).
    OrdinalRepeat = "ordinal-repeat", Warning;
    /// A heading's marker or title was split over two lines and joined.
    HeadingSplit = "heading-split", Info;
    /// An enumeration item whose numeral was lost (`是深入学习…`) was recovered.
    ItemNumeralLost = "item-numeral-lost", Info;
    /// An enumeration sequence skips or repeats an ordinal.
    ItemOrdinalSkip = "item-ordinal-skip", Warning;
    /// U+FFFD replacement characters in the text.
    ReplacementChar = "replacement-char", Error;
    /// A run of mojibake (text decoded with the wrong encoding).
    Mojibake = "mojibake", Error;
    /// Pinyin leaked after characters (`創(chuàng)建`).
    LeakedPinyin = "leaked-pinyin", Warning;
    /// Control characters (other than tab and line ends) in the text.
    ControlChar = "control-char", Warning;
    /// An injected spam or unrelated line inside the report.
    InjectedLine = "injected-line", Warning;
    /// A `《` without its `》` (or the other way round).
    UnclosedReference = "unclosed-reference", Warning;
    /// A `“` without its `”`.
    UnclosedQuote = "unclosed-quote", Warning;
    /// A number broken by a line end (`2015\n年`).
    NumberSplit = "number-split", Warning;
    /// A number too large to hold exactly.
    NumberOverflow = "number-overflow", Warning;
    /// A date that does not exist (`2022年13月`).
    InvalidDate = "invalid-date", Warning;
    /// The title is split over several lines; they were joined.
    TitleSplit = "title-split", Info;
    /// The title appears more than once; the copies are chrome.
    DuplicateTitle = "duplicate-title", Info;
    /// Nesting deeper than the configured limit.
    DepthLimit = "depth-limit", Error;
    /// The input is over the configured size limit and was not parsed.
    InputTooLarge = "input-too-large", Error;
    /// More diagnostics than [`Options::max_diagnostics`](crate::Options::max_diagnostics):
    /// the rest were counted, not kept (the message gives the count).
    DiagnosticsTruncated = "diagnostics-truncated", Warning;
}

impl std::fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DiagnosticCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Something odd in the document, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable code.
    pub code: DiagnosticCode,
    /// Severity (derived from the code).
    pub severity: Severity,
    /// Where in the input.
    pub span: Span,
    /// A human-readable message (borrowed when it is fixed text, so a
    /// flood of the same diagnostic allocates nothing per diagnostic).
    pub message: Cow<'static, str>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: DiagnosticCode, span: Span, message: impl Into<Cow<'static, str>>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            span,
            message: message.into(),
        }
    }

    /// Render as `line:col: severity[code]: message` against `src`.
    pub fn render(&self, src: &str) -> String {
        let idx = crate::span::LineIndex::new(src);
        let lc = idx.line_col(self.span.start());
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        format!(
            "{}:{}: {}[{}]: {}",
            lc.line, lc.column, sev, self.code, self.message
        )
    }
}

/// The diagnostics of one parse, capped at a maximum count so that input
/// made of nothing but anomalies (a million unclosed `《`) costs no more
/// memory than its text. Past the cap, diagnostics are counted and dropped,
/// except that the first diagnostic of error severity is always kept (so
/// strict mode still sees it); [`Diags::finish`] adds one
/// `diagnostics-truncated` diagnostic with the count.
#[derive(Debug)]
pub(crate) struct Diags {
    list: Vec<Diagnostic>,
    cap: usize,
    dropped: usize,
    /// The smallest span covering every dropped diagnostic.
    dropped_span: Option<Span>,
    has_error: bool,
}

impl Default for Diags {
    fn default() -> Self {
        Diags::new(crate::Options::default().max_diagnostics)
    }
}

impl Diags {
    /// An empty list keeping at most `cap` diagnostics.
    pub(crate) fn new(cap: usize) -> Self {
        Diags {
            list: Vec::new(),
            cap,
            dropped: 0,
            dropped_span: None,
            has_error: false,
        }
    }

    /// Like [`Diags::push`], but the message is only built when the
    /// diagnostic is kept: past the cap, a formatted message would be an
    /// allocation per anomaly for nothing.
    pub(crate) fn push_with(
        &mut self,
        code: DiagnosticCode,
        span: Span,
        message: impl FnOnce() -> String,
    ) {
        let error = code.severity() == Severity::Error;
        if self.list.len() < self.cap || (error && !self.has_error) {
            self.push(Diagnostic::new(code, span, message()));
        } else {
            self.count_dropped(1, span);
        }
    }

    /// Keep `d`, or count it if the list is full.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        let error = d.severity == Severity::Error;
        if self.list.len() < self.cap || (error && !self.has_error) {
            self.has_error |= error;
            self.list.push(d);
        } else {
            self.count_dropped(1, d.span);
        }
    }

    fn count_dropped(&mut self, n: usize, span: Span) {
        self.dropped += n;
        self.dropped_span = Some(match self.dropped_span {
            Some(s) => s.cover(span),
            None => span,
        });
    }

    /// Move everything from `other` into `self` (under `self`'s cap).
    pub(crate) fn append(&mut self, other: &mut Diags) {
        if let Some(span) = other.dropped_span.take() {
            self.count_dropped(std::mem::take(&mut other.dropped), span);
        }
        other.has_error = false;
        let room = self.cap.saturating_sub(self.list.len());
        if other.list.len() <= room {
            self.has_error |= other.list.iter().any(is_error);
            self.list.append(&mut other.list);
        } else {
            for d in other.list.drain(..) {
                self.push(d);
            }
        }
    }

    /// Drop everything (the cap stays).
    pub(crate) fn clear(&mut self) {
        self.list.clear();
        self.dropped = 0;
        self.dropped_span = None;
        self.has_error = false;
    }

    /// The list in input order, with a `diagnostics-truncated` diagnostic
    /// (spanning every dropped one) if any were dropped.
    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        let key = |d: &Diagnostic| (d.span.start, d.span.end);
        self.list.sort_by_key(key);
        if let Some(span) = self.dropped_span.filter(|_| self.dropped > 0) {
            let d = Diagnostic::new(
                DiagnosticCode::DiagnosticsTruncated,
                span,
                format!(
                    "{} more diagnostics not kept (limit {}; raise Options::max_diagnostics)",
                    self.dropped, self.cap
                ),
            );
            let at = self.list.partition_point(|x| key(x) <= key(&d));
            self.list.insert(at, d);
        }
        self.list.shrink_to_fit();
        self.list
    }
}

impl std::ops::Deref for Diags {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.list
    }
}

impl std::ops::DerefMut for Diags {
    fn deref_mut(&mut self) -> &mut [Diagnostic] {
        &mut self.list
    }
}

fn is_error(d: &Diagnostic) -> bool {
    d.severity == Severity::Error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in DiagnosticCode::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}

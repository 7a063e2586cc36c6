//! Pass 3: inline entities inside a block of text.
//!
//! (Placeholder; the entity grammar fills this in.)

use crate::Options;
use crate::entity::Entity;
use crate::error::Diagnostic;
use crate::span::Span;

/// What scanning a block of text produces.
#[derive(Debug, Default)]
pub(crate) struct InlineSink<'a> {
    /// Entities, in document order.
    pub(crate) entities: Vec<Entity<'a>>,
    /// Spans of quoted terms `“…”` (quotes included).
    pub(crate) quotes: Vec<Span>,
    /// Anything odd.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Scan `span` of `src` (a paragraph, a heading title, a title line) for
/// inline entities. Spans in the sink are absolute offsets into `src`.
/// The caller drains the sink after each call.
pub(crate) fn scan<'a>(src: &'a str, span: Span, opts: &Options, sink: &mut InlineSink<'a>) {
    let _ = (src, span, opts, sink);
}

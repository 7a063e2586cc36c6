//! Pass 3: inline entities inside a block of text.
//!
//! (Placeholder; the entity grammar fills this in.)

use crate::Options;
use crate::entity::Entity;
use crate::error::Diagnostic;
use crate::span::Span;

/// Scan `span` of `src` (a paragraph, a heading title, a title line) for
/// inline entities, appending them in document order to `out` and anything
/// odd to `diags`. Spans are absolute offsets into `src`.
pub(crate) fn scan<'a>(
    src: &'a str,
    span: Span,
    opts: &Options,
    out: &mut Vec<Entity<'a>>,
    diags: &mut Vec<Diagnostic>,
) {
    let _ = (src, span, opts, out, diags);
}

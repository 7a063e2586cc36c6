#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod artefacts;
pub mod ast;
mod block;
pub mod decimal;
pub mod entity;
pub mod error;
pub mod export;
mod grammar;
mod heap;
mod inline;
mod lexicon;
mod options;
mod skip;
pub mod span;
#[cfg(test)]
mod test_corpus;
mod tree;
pub mod validate;
pub mod value;
mod zones;

pub use ast::{
    Closing, DateLine, Document, EnumItem, Heading, ItemStyle, Line, MarkerFamily, MetaField,
    MetaKey, OutlineEntry, Paragraph, Section, Subtitle, Title, Zone, ZoneKind,
};
pub use decimal::Decimal;
pub use entity::{Entity, EntityKind};
pub use error::{Diagnostic, DiagnosticCode, Error, Severity};
pub use options::Options;
pub use span::{LineCol, LineIndex, Span};
pub use validate::InvariantError;
pub use value::Date;

/// Grammar entry points for the fuzz targets in `fuzz/`. Not part of the
/// public API: hidden, behind the `fuzzing` feature, no semver guarantees.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod __fuzz {
    use crate::decimal::Decimal;
    use crate::grammar::numeral;

    /// `numeral::number`: the text read and its value.
    pub fn number(s: &str) -> Option<(&str, Option<Decimal>)> {
        numeral::number(s).ok().map(|(_, n)| (n.text, n.value))
    }

    /// `numeral::number_unscaled`: the text read and its value.
    pub fn number_unscaled(s: &str) -> Option<(&str, Option<Decimal>)> {
        numeral::number_unscaled(s)
            .ok()
            .map(|(_, n)| (n.text, n.value))
    }

    /// `numeral::cjk_numeral`: bytes consumed and the value.
    pub fn cjk_numeral(s: &str) -> Option<(usize, Decimal)> {
        numeral::cjk_numeral(s)
            .ok()
            .map(|(rest, v)| (s.len().saturating_sub(rest.len()), v))
    }

    /// `numeral::format_cjk`.
    pub fn format_cjk(n: u128) -> String {
        numeral::format_cjk(n)
    }

    /// `quantity::quantity`: bytes consumed.
    pub fn quantity(s: &str) -> Option<usize> {
        crate::grammar::quantity::quantity(s)
            .ok()
            .map(|(rest, _)| s.len().saturating_sub(rest.len()))
    }

    /// `date::date`: bytes consumed and the date.
    pub fn date(s: &str) -> Option<(usize, crate::value::Date)> {
        crate::grammar::date::date(s)
            .ok()
            .map(|(rest, d)| (s.len().saturating_sub(rest.len()), d.date))
    }
}

/// Parse a report with the default [`Options`]. Total: every `&str` gives
/// a [`Document`]; anything odd is a [`Diagnostic`] on it.
///
/// Inputs over the default size limit (256 MiB) give a document that holds
/// only a `front_chrome` zone and an error diagnostic; use [`parse_with`] to
/// get a typed error instead.
pub fn parse(src: &str) -> Document<'_> {
    let opts = Options::default();
    match parse_with(src, &opts) {
        Ok(doc) => doc,
        Err(e) => zones::degenerate(src, e),
    }
}

/// Parse a report with explicit [`Options`].
///
/// # Errors
///
/// [`Error::InputTooLarge`] over `opts.max_input_bytes`, [`Error::TooDeep`]
/// when the section tree is deeper than `opts.max_depth`, and
/// [`Error::Strict`] in strict mode when a diagnostic of error severity is
/// raised.
pub fn parse_with<'a>(src: &'a str, opts: &Options) -> Result<Document<'a>, Error> {
    let limit = opts.max_input_bytes.min(u32::MAX as usize);
    if src.len() > limit {
        return Err(Error::InputTooLarge {
            size: src.len(),
            limit,
        });
    }
    let doc = zones::parse_document(src, opts)?;
    if opts.strict {
        if let Some(d) = doc
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
        {
            return Err(Error::Strict {
                code: d.code,
                span: d.span,
                message: d.message.to_string(),
            });
        }
    }
    Ok(doc)
}

/// Parse bytes: validates UTF-8 first (a leading BOM is kept as part of the
/// front of the document).
///
/// # Errors
///
/// [`Error::InvalidUtf8`] with the byte offset of the first invalid
/// sequence, and everything [`parse_with`] returns.
pub fn parse_bytes(bytes: &[u8]) -> Result<Document<'_>, Error> {
    parse_bytes_with(bytes, &Options::default())
}

/// [`parse_bytes`] with explicit [`Options`].
///
/// # Errors
///
/// As [`parse_bytes`].
pub fn parse_bytes_with<'a>(bytes: &'a [u8], opts: &Options) -> Result<Document<'a>, Error> {
    let src = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    parse_with(src, opts)
}

/// Entry points into the separate passes, for `benches/parse.rs` only. Not
/// part of the public API: may change or disappear in any release.
#[doc(hidden)]
pub mod __bench {
    use crate::span::Span;
    use crate::{Options, artefacts, block, inline, tree};

    /// Pass 1a: split into lines and trim them. Returns the line count.
    pub fn lines(src: &str) -> usize {
        block::lines(src).len()
    }

    /// Pass 1b: the text-artefact scan (mojibake, pinyin, control chars).
    /// Returns the number of diagnostics.
    pub fn artefacts(src: &str) -> usize {
        let mut diags = crate::error::Diags::default();
        artefacts::scan(src, &mut diags);
        diags.len()
    }

    /// Pass 2: heading candidates over every line, with recovery and
    /// levels (the zones pass normally narrows this to the body). Returns
    /// the number of headings.
    pub fn headings(src: &str) -> usize {
        let lines = block::lines(src);
        let mut diags = crate::error::Diags::default();
        let mut heads = tree::headings(src, &lines, 0, lines.len(), true, &mut diags);
        tree::assign_levels(&mut heads, &mut diags);
        heads.len()
    }

    /// Paragraph internals over every non-blank line taken as a paragraph:
    /// sentences and enumeration items, from the one walk the parser makes
    /// per paragraph. Returns sentences + items.
    pub fn blocks(src: &str) -> usize {
        let mut state = (None, 0);
        let mut scratch = block::Scratch::default();
        let mut n = 0;
        for l in block::lines(src).iter().filter(|l| !l.is_blank()) {
            let span = Span::new(l.t0(), l.t1());
            let (items, sentences) = block::paragraph(src, span, &mut state, true, &mut scratch);
            n += sentences.len() + items.len();
        }
        n
    }

    /// Pass 3: the inline scanner over every non-blank line. Returns the
    /// number of entities.
    pub fn inline(src: &str) -> usize {
        let opts = Options::default();
        let mut sink = inline::InlineSink::default();
        let mut n = 0;
        for l in block::lines(src).iter().filter(|l| !l.is_blank()) {
            inline::scan(src, Span::new(l.t0(), l.t1()), &opts, &mut sink);
            n += sink.entities.len();
            sink.entities.clear();
            sink.quotes.clear();
            sink.diagnostics.clear();
        }
        n
    }
}

//! Zones (placeholder).
use crate::{Document, Error, Options};

pub(crate) fn parse_document<'a>(src: &'a str, _opts: &Options) -> Result<Document<'a>, Error> {
    Ok(degenerate(src, Error::InvalidUtf8 { offset: 0 }))
}

pub(crate) fn degenerate(src: &str, _e: Error) -> Document<'_> {
    Document {
        source: src,
        zones: vec![],
        metadata: vec![],
        title: None,
        preamble: vec![],
        sections: vec![],
        closing: None,
        diagnostics: vec![],
    }
}

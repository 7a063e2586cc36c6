//! Parse options.

/// Options for [`parse_with`](crate::parse_with). Plain public fields with a
/// [`Default`]; build with struct update syntax (new fields may be added in
/// minor releases, so always end with `..Default::default()`):
///
/// ```
/// let opts = gongwen::Options { entities: false, ..Default::default() };
/// let doc = gongwen::parse_with("一、总体情况", &opts).unwrap();
/// assert_eq!(doc.outline().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Options {
    /// Scan paragraphs for inline entities (quantities, dates, references…).
    pub entities: bool,
    /// Recover headings whose marker, numeral or punctuation was lost.
    pub recover_headings: bool,
    /// Split paragraphs into sentences.
    pub sentences: bool,
    /// Largest input accepted, in bytes; larger input is [`Error::InputTooLarge`](crate::Error::InputTooLarge).
    /// At most `u32::MAX` (spans are `u32`).
    pub max_input_bytes: usize,
    /// Deepest section nesting accepted; deeper is [`Error::TooDeep`](crate::Error::TooDeep).
    pub max_depth: usize,
    /// Most diagnostics kept; past it they are counted in one final
    /// `diagnostics-truncated` diagnostic (the first of error severity is
    /// kept regardless, so [`strict`](Options::strict) still sees it).
    /// Bounds the memory of input that is nothing but anomalies.
    pub max_diagnostics: usize,
    /// Fail with [`Error::Strict`](crate::Error::Strict) on the first
    /// diagnostic of error severity instead of returning the document.
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            entities: true,
            recover_headings: true,
            sentences: true,
            max_input_bytes: 256 * 1024 * 1024,
            max_depth: 16,
            max_diagnostics: 10_000,
            strict: false,
        }
    }
}

impl Options {
    /// Defaults plus strict mode.
    pub fn strict() -> Self {
        Options {
            strict: true,
            ..Options::default()
        }
    }

    /// Structure only: no inline entities, no sentences (the fastest preset).
    pub fn structure_only() -> Self {
        Options {
            entities: false,
            sentences: false,
            ..Options::default()
        }
    }
}

//! Inline entities: quantities, dates, references, document numbers …
//!
//! (Placeholder shape; the entity grammar fills this in.)

use serde::Serialize;

use crate::span::Span;

/// An inline entity found in a paragraph, heading title or title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity<'a> {
    /// Exactly the input bytes of `span`.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// What it is, with its typed value.
    #[serde(flatten)]
    pub kind: EntityKind,
}

/// The kinds of entity (SPEC §5, §6).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A number with no unit.
    Number,
}

//! [`Document::heap_bytes`]: the heap memory a parsed document owns.
//!
//! Counts capacities, not lengths (what the allocator handed out), of
//! every `Vec` in the tree, the packed entity lists (32 bytes an entity,
//! plus the kinds kept whole), owned `Cow` strings and diagnostic messages.
//! Text borrowed from the input is not counted. Allocator bookkeeping is
//! not counted either, so the figure is a lower bound of the true
//! footprint.

// `&Vec` and `&Cow` on purpose: the capacity is what is measured.
#![allow(clippy::ptr_arg)]

use std::borrow::Cow;
use std::mem::size_of;

use crate::ast::{Closing, Document, Heading, Paragraph, Section, Title};
use crate::entity::{Entities, EntityKind};
use crate::error::Diagnostic;

fn vec_bytes<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

fn cow_bytes(c: &Cow<'_, str>) -> usize {
    match c {
        Cow::Borrowed(_) => 0,
        Cow::Owned(s) => s.capacity(),
    }
}

/// Heap owned by the entities of a node: the packed records, and the
/// kinds kept whole with their owned strings (a compound unit, a document
/// number's issuer code, a basis joined over a line end).
fn entities_bytes(v: &Entities<'_>) -> usize {
    let kept = v.boxed_kinds();
    v.packed_bytes()
        + if kept.is_empty() {
            0
        } else {
            size_of::<Vec<EntityKind<'_>>>()
        }
        + kept
            .iter()
            .map(|k| size_of::<EntityKind<'_>>() + kind_bytes(k))
            .sum::<usize>()
}

fn kind_bytes(k: &EntityKind<'_>) -> usize {
    match k {
        EntityKind::Quantity(q) => {
            cow_bytes(&q.unit)
                + cow_bytes(&q.unit_text)
                + q.change.as_ref().map_or(0, |c| {
                    c.basis.as_ref().map_or(0, cow_bytes) + cow_bytes(&c.verb)
                })
        }
        EntityKind::DocNumber(d) => d.issuer_code.capacity(),
        EntityKind::Ordinal(o) => o.unit.as_ref().map_or(0, cow_bytes),
        _ => 0,
    }
}

fn diagnostic_bytes(d: &Diagnostic) -> usize {
    match &d.message {
        std::borrow::Cow::Owned(s) => s.capacity(),
        std::borrow::Cow::Borrowed(_) => 0,
    }
}

fn paragraph_bytes(p: &Paragraph<'_>) -> usize {
    vec_bytes(&p.sentences)
        + vec_bytes(&p.items)
        + entities_bytes(&p.entities)
        + vec_bytes(&p.quotes)
}

fn heading_bytes(h: &Heading<'_>) -> usize {
    cow_bytes(&h.title) + entities_bytes(&h.entities)
}

fn section_bytes(s: &Section<'_>) -> usize {
    heading_bytes(&s.heading)
        + vec_bytes(&s.paragraphs)
        + s.paragraphs.iter().map(paragraph_bytes).sum::<usize>()
        + vec_bytes(&s.children)
        + s.children.iter().map(section_bytes).sum::<usize>()
}

fn title_bytes(t: &Title<'_>) -> usize {
    cow_bytes(&t.text) + entities_bytes(&t.entities)
}

fn closing_bytes(c: &Closing<'_>) -> usize {
    vec_bytes(&c.issuers) + entities_bytes(&c.entities)
}

impl Document<'_> {
    /// The heap memory this document owns, in bytes: the capacities of
    /// every list in the tree times their element sizes (entities as
    /// stored: 32 bytes each, see [`Entities`]),
    /// owned strings (joined titles, diagnostic messages), recursively. The input text
    /// itself is borrowed and not counted, nor is allocator overhead.
    ///
    /// ```
    /// let src = "一、总体情况\n今年完成投资12亿元。\n";
    /// let doc = gongwen::parse(src);
    /// assert!(doc.heap_bytes() > 0);
    /// ```
    pub fn heap_bytes(&self) -> usize {
        vec_bytes(&self.zones)
            + vec_bytes(&self.metadata)
            + self.title.as_ref().map_or(0, title_bytes)
            + vec_bytes(&self.subtitles)
            + self
                .subtitles
                .iter()
                .map(|t| entities_bytes(&t.entities))
                .sum::<usize>()
            + vec_bytes(&self.preamble)
            + self.preamble.iter().map(paragraph_bytes).sum::<usize>()
            + vec_bytes(&self.sections)
            + self.sections.iter().map(section_bytes).sum::<usize>()
            + self.closing.as_ref().map_or(0, closing_bytes)
            + vec_bytes(&self.appendix)
            + self.appendix.iter().map(paragraph_bytes).sum::<usize>()
            + vec_bytes(&self.diagnostics)
            + self.diagnostics.iter().map(diagnostic_bytes).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn heap_bytes_positive_and_monotone() {
        let small = "一、总体情况\n今年完成投资12亿元，增长5%。\n";
        let a = crate::parse(small).heap_bytes();
        assert!(a > 0);
        let big = small.repeat(20);
        let b = crate::parse(&big).heap_bytes();
        assert!(b > a, "{b} <= {a}");
        // A document with more structure: monotone again.
        let mut doc = String::from("关于2023年工作的报告\n\n");
        for k in ["一", "二", "三"] {
            doc.push_str(&format!(
                "{k}、重点工作\n（一）推进建设。一是完成投资3亿元；二是新增就业1200人。\n"
            ));
        }
        let c = crate::parse(&doc).heap_bytes();
        let d = crate::parse(&format!("{doc}\n{doc}")).heap_bytes();
        assert!(c > 0 && d > c, "{d} <= {c}");
    }
}

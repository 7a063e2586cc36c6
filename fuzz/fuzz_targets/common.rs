//! Shared by every fuzz target: the invariant check, with the input in the
//! panic message so a crash report is self-contained.

#![allow(dead_code)]

use gongwen::Document;

/// Panic (a fuzzer crash) when the tree breaks an invariant.
pub fn check(doc: &Document<'_>) {
    if let Err(e) = doc.check_invariants() {
        panic!("invariant broken: {e}\ninput: {:?}", doc.source);
    }
}

/// Depth of the section tree.
pub fn depth(doc: &Document<'_>) -> usize {
    fn walk(s: &[gongwen::Section<'_>]) -> usize {
        s.iter().map(|c| 1 + walk(&c.children)).max().unwrap_or(0)
    }
    walk(&doc.sections)
}

//! One snapshot per real document in `tests/corpus/`: zones, metadata,
//! title, the outline (levels, ordinals, titles), closing block and
//! diagnostics. Reviewed as a reader: a wrong level here is a bug.

use std::fmt::Write;

use gongwen::{Document, Section};

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out.replace('\n', "⏎").replace('\r', "")
}

/// A reviewable text rendering of a document's structure.
pub fn render(doc: &Document<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "zones:");
    for z in &doc.zones {
        let _ = writeln!(
            out,
            "  {:<14} {:>6}..{:<6} {}",
            z.kind.as_str(),
            z.span.start,
            z.span.end,
            short(z.span.text(doc.source).trim(), 24)
        );
    }
    if !doc.metadata.is_empty() {
        let _ = writeln!(out, "metadata:");
        for m in &doc.metadata {
            let date = m.date.map(|d| format!("  [{d}]")).unwrap_or_default();
            let _ = writeln!(out, "  {} = {}{date}", m.key.as_str(), short(m.value, 40));
        }
    }
    let _ = writeln!(
        out,
        "title: {}",
        doc.title
            .as_ref()
            .map(|t| t.text.as_ref())
            .unwrap_or("(none)")
    );
    for t in &doc.subtitles {
        // The dates read from the line (the delivery date).
        let dates: Vec<String> = t
            .entities
            .iter()
            .filter_map(|e| match e.kind {
                gongwen::EntityKind::Date(d) => Some(d.date.to_string()),
                _ => None,
            })
            .collect();
        let dates = if dates.is_empty() {
            String::new()
        } else {
            format!("  [{}]", dates.join(", "))
        };
        let _ = writeln!(out, "subtitle: {}{dates}", short(t.text, 40));
    }
    let _ = writeln!(out, "preamble: {} paragraph(s)", doc.preamble.len());
    let _ = writeln!(out, "outline:");
    fn walk(out: &mut String, s: &[Section<'_>]) {
        for sec in s {
            let h = &sec.heading;
            let _ = writeln!(
                out,
                "  {}L{} {} {}{} {}{}{}  [{} ¶]",
                "  ".repeat(usize::from(h.level.saturating_sub(1))),
                h.level,
                h.family.as_str(),
                if h.marker.is_empty() {
                    "∅".to_string()
                } else {
                    short(h.marker, 8)
                },
                h.ordinal.map(|o| format!("#{o}")).unwrap_or_default(),
                short(&h.title, 40),
                if h.inferred { " (inferred)" } else { "" },
                if h.run_in { " (run-in)" } else { "" },
                sec.paragraphs.len(),
            );
            walk(out, &sec.children);
        }
    }
    walk(&mut out, &doc.sections);
    if let Some(c) = &doc.closing {
        let _ = writeln!(out, "closing:");
        for l in &c.issuers {
            let _ = writeln!(out, "  issuer: {}", l.text);
        }
        if let Some(d) = &c.date {
            let _ = writeln!(
                out,
                "  date: {}{}",
                d.text,
                d.date.map(|x| format!(" [{x}]")).unwrap_or_default()
            );
        }
    }
    let mut counts = std::collections::BTreeMap::new();
    for d in &doc.diagnostics {
        *counts.entry(d.code.as_str()).or_insert(0) += 1;
    }
    if !counts.is_empty() {
        let _ = writeln!(out, "diagnostics:");
        for (k, v) in counts {
            let _ = writeln!(out, "  {k}: {v}");
        }
    }
    out
}

#[test]
fn corpus_structure_snapshots() {
    insta::glob!("corpus/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = gongwen::parse(&text);
        insta::assert_snapshot!(render(&doc));
    });
}

//! The lossless property (SPEC §2, last paragraph) as a checker.
//!
//! [`Document::check_invariants`] walks the whole tree and checks every span
//! against the source text. It is the single definition of "a well-formed
//! tree" used by the test suite, the property tests and the fuzz targets, and
//! it is public so that users who fuzz or property-test their own pipelines
//! can run it too.
//!
//! # What is checked
//!
//! * **Spans.** Every span in the tree — zones, metadata fields and their
//!   value spans, the title, paragraphs, sentences, enumeration items and
//!   their lead spans, entities, quotes, headings and their title spans,
//!   sections, closing lines and diagnostics — has `start <= end`, lies
//!   within the input, and starts and ends on char boundaries.
//! * **Text.** Borrowed text equals the bytes of its span:
//!   `Paragraph::text`, `Entity::text`, `EnumItem::lead`, `MetaField::value`
//!   are exactly `&source[span]`; text fields that are documented as "as
//!   written" (`MetaField::label`, `Heading::marker`, `EnumItem::marker`,
//!   `Line::text`, `DateLine::text`, borrowed heading and document titles)
//!   are slices of the input lying inside their node's span.
//! * **Zones.** The zones are contiguous, start at 0 and end at the input's
//!   length: every byte belongs to exactly one zone.
//! * **Placement.** Metadata fields lie inside a `metadata` zone, the title
//!   inside a `title` zone, preamble paragraphs inside a `preamble` zone,
//!   top-level sections inside a `body` zone, the closing block inside a
//!   `closing` zone and appendix paragraphs inside an `appendix` zone.
//! * **Nesting.** Children lie inside their parents: sentences, items,
//!   entities and quotes inside their paragraph; an item's lead inside the
//!   item; a heading's title span inside the heading; heading entities
//!   inside the heading's title span; a section's heading, paragraphs and
//!   subsections inside the section, which starts where its heading starts;
//!   closing lines and entities inside the closing block; title entities
//!   inside the title.
//! * **Order.** Siblings are in document order and do not overlap: zones,
//!   metadata fields, preamble and appendix paragraphs, sections, the paragraphs and
//!   subsections of a section (after its heading), sentences, items,
//!   entities, closing lines. The title, the preamble, the sections and the
//!   closing follow each other in that order (metadata fields may come
//!   before or after the title: pages put `发表时间:` lines under it). Quotes
//!   are ordered and may nest but never cross. Diagnostics are sorted by
//!   start offset.
//! * **Levels.** A heading's `level` is its depth in the tree: 1 for a
//!   top-level section, the parent's level + 1 for a subsection.
//!
//! The checker runs in time linear in the size of the tree and never panics,
//! whatever the tree holds.
//!
//! ```
//! let doc = gongwen::parse("一、总体情况\n今年完成投资3.5亿元。\n");
//! doc.check_invariants().unwrap();
//! ```

use crate::ast::{Closing, Document, EnumItem, Heading, MetaField, Paragraph, Section, ZoneKind};
use crate::entity::Entities;
use crate::span::Span;

/// A broken invariant of a [`Document`] tree: which node, what is wrong with
/// it, and the offending span.
///
/// Returned by [`Document::check_invariants`]. The `Display` form reads
/// `sections[1].children[0].paragraphs[2]: span is not inside its section
/// (section 120..300) at bytes 280..320`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message} at bytes {}..{}", span.start, span.end)]
#[non_exhaustive]
pub struct InvariantError {
    /// Where the node sits in the tree, e.g. `sections[2].paragraphs[0].entities[3]`.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
    /// The span of the offending node.
    pub span: Span,
}

impl Document<'_> {
    /// Check the lossless property and the tree invariants (see the
    /// [module documentation](crate::validate) for the full list).
    ///
    /// A document built by [`parse`](crate::parse) always passes; a failure
    /// is a bug in the parser (please report it with the input).
    ///
    /// # Errors
    ///
    /// The first broken invariant found, walking the tree in document order.
    pub fn check_invariants(&self) -> Result<(), InvariantError> {
        Checker {
            src: self.source,
            path: Vec::new(),
        }
        .document(self)
    }
}

/// One step of the path to a node.
#[derive(Clone, Copy)]
enum Step {
    Field(&'static str),
    Index(&'static str, usize),
}

struct Checker<'s> {
    src: &'s str,
    path: Vec<Step>,
}

type R = Result<(), InvariantError>;

fn show(s: Span) -> String {
    format!("{}..{}", s.start, s.end)
}

impl<'s> Checker<'s> {
    // ----- helpers -------------------------------------------------------

    fn path_string(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match *step {
                Step::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Step::Index(name, i) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        if out.is_empty() {
            out.push_str("document");
        }
        out
    }

    fn fail(&self, span: Span, message: impl Into<String>) -> R {
        Err(InvariantError {
            path: self.path_string(),
            message: message.into(),
            span,
        })
    }

    /// Run `f` with `step` pushed on the path.
    fn at(&mut self, step: Step, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(step);
        let r = f(self);
        self.path.pop();
        r
    }

    /// In bounds, ordered, on char boundaries.
    fn span(&self, s: Span) -> R {
        if s.start > s.end {
            return self.fail(s, "span starts after it ends");
        }
        if s.end() > self.src.len() {
            return self.fail(
                s,
                format!("span ends past the input ({} bytes)", self.src.len()),
            );
        }
        if !self.src.is_char_boundary(s.start()) {
            return self.fail(s, "span starts inside a UTF-8 character");
        }
        if !self.src.is_char_boundary(s.end()) {
            return self.fail(s, "span ends inside a UTF-8 character");
        }
        Ok(())
    }

    /// `child` lies within `parent`.
    fn inside(&self, child: Span, parent: Span, what: &str) -> R {
        if parent.contains(child) {
            Ok(())
        } else {
            self.fail(
                child,
                format!("span is not inside its {what} ({})", show(parent)),
            )
        }
    }

    /// `text` is exactly the bytes of `span`.
    fn text_is(&self, text: &str, span: Span, field: &str) -> R {
        match self.src.get(span.range()) {
            Some(t) if t == text => Ok(()),
            _ => self.fail(
                span,
                format!("`{field}` {text:?} is not the input text of its span"),
            ),
        }
    }

    /// `text` (non-empty) is a slice of the input lying inside `within`.
    fn slice_in(&self, text: &str, within: Span, field: &str) -> R {
        if text.is_empty() {
            return Ok(());
        }
        let base = self.src.as_ptr() as usize;
        let p = text.as_ptr() as usize;
        let inside_src = p >= base && p - base + text.len() <= self.src.len();
        if !inside_src {
            return self.fail(
                within,
                format!("`{field}` {text:?} does not borrow from the input"),
            );
        }
        let at = Span::new(p - base, p - base + text.len());
        if !within.contains(at) {
            return self.fail(
                at,
                format!(
                    "`{field}` {text:?} lies outside its node ({})",
                    show(within)
                ),
            );
        }
        Ok(())
    }

    /// The span of the first zone of `kind` that contains `s`, if any.
    fn in_zone(&self, zones: &[crate::ast::Zone], kind: ZoneKind, s: Span) -> R {
        // Zones are sorted and contiguous (checked first), so a binary search
        // finds the zone holding `s.start`.
        let i = zones.partition_point(|z| z.span.end <= s.start);
        let hit = zones
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|z| z.span.start <= s.start)
            .any(|z| z.kind == kind && z.span.contains(s));
        if hit {
            Ok(())
        } else {
            self.fail(s, format!("node is not inside a `{}` zone", kind.as_str()))
        }
    }

    /// Spans in `items` (given by `span_of`) are ordered and do not overlap,
    /// all inside `parent`.
    fn siblings<T>(
        &mut self,
        name: &'static str,
        items: &[T],
        parent: Option<(Span, &str)>,
        span_of: impl Fn(&T) -> Span,
    ) -> R {
        let mut prev: Option<Span> = None;
        for (i, it) in items.iter().enumerate() {
            let s = span_of(it);
            self.at(Step::Index(name, i), |c| {
                c.span(s)?;
                if let Some((p, what)) = parent {
                    c.inside(s, p, what)?;
                }
                if let Some(q) = prev {
                    if s.start < q.end {
                        return c.fail(
                            s,
                            format!(
                                "span overlaps or comes before the previous {name} ({})",
                                show(q)
                            ),
                        );
                    }
                }
                Ok(())
            })?;
            prev = Some(s);
        }
        Ok(())
    }

    // ----- the tree --------------------------------------------------------

    fn document(&mut self, doc: &Document<'_>) -> R {
        let len = self.src.len();
        let whole = Span::new(0, len);

        // Zones: contiguous from 0 to len.
        let mut at = 0usize;
        for (i, z) in doc.zones.iter().enumerate() {
            self.at(Step::Index("zones", i), |c| {
                c.span(z.span)?;
                if z.span.start() != at {
                    return c.fail(
                        z.span,
                        format!("zone does not start where the previous one ends (byte {at})"),
                    );
                }
                Ok(())
            })?;
            at = z.span.end();
        }
        if at != len {
            let s = Span::new(at, len);
            return self.at(Step::Field("zones"), |c| {
                c.fail(s, "bytes not covered by any zone")
            });
        }

        // Top-level parts in document order.
        let mut last_end = 0u32;
        let mut order = |c: &Self, s: Span, what: &str| -> R {
            if s.start < last_end {
                return c.fail(
                    s,
                    format!("{what} starts before the end of the part before it (byte {last_end})"),
                );
            }
            last_end = s.end;
            Ok(())
        };

        self.siblings("metadata", &doc.metadata, Some((whole, "input")), |m| {
            m.span
        })?;
        for (i, m) in doc.metadata.iter().enumerate() {
            self.at(Step::Index("metadata", i), |c| {
                c.meta_field(m)?;
                // Pages put metadata lines after the title too (`发表时间:`
                // under the title): metadata is ordered among itself only.
                c.in_zone(&doc.zones, ZoneKind::Metadata, m.span)
            })?;
        }

        if let Some(t) = &doc.title {
            self.at(Step::Field("title"), |c| {
                c.span(t.span)?;
                if let std::borrow::Cow::Borrowed(text) = &t.text {
                    c.slice_in(text, t.span, "text")?;
                }
                c.entities(&t.entities, t.span, "title")?;
                c.in_zone(&doc.zones, ZoneKind::Title, t.span)?;
                order(c, t.span, "title")
            })?;
        }
        for (i, t) in doc.subtitles.iter().enumerate() {
            self.at(Step::Index("subtitles", i), |c| {
                c.span(t.span)?;
                c.slice_in(t.text, t.span, "text")?;
                c.entities(&t.entities, t.span, "subtitle")?;
                c.in_zone(&doc.zones, ZoneKind::Title, t.span)?;
                order(c, t.span, "subtitle")
            })?;
        }

        self.siblings("preamble", &doc.preamble, Some((whole, "input")), |p| {
            p.span
        })?;
        for (i, p) in doc.preamble.iter().enumerate() {
            self.at(Step::Index("preamble", i), |c| {
                c.paragraph(p)?;
                c.in_zone(&doc.zones, ZoneKind::Preamble, p.span)?;
                order(c, p.span, "preamble paragraph")
            })?;
        }

        self.siblings("sections", &doc.sections, Some((whole, "input")), |s| {
            s.span
        })?;
        for (i, s) in doc.sections.iter().enumerate() {
            self.at(Step::Index("sections", i), |c| {
                c.section(s, 1)?;
                c.in_zone(&doc.zones, ZoneKind::Body, s.span)?;
                order(c, s.span, "section")
            })?;
        }

        if let Some(cl) = &doc.closing {
            self.at(Step::Field("closing"), |c| {
                c.closing(cl)?;
                c.in_zone(&doc.zones, ZoneKind::Closing, cl.span)?;
                order(c, cl.span, "closing")
            })?;
        }

        // Appendix paragraphs: ordered among themselves, each inside an
        // appendix zone (the zone may come before or after the closing).
        self.siblings("appendix", &doc.appendix, Some((whole, "input")), |p| {
            p.span
        })?;
        for (i, p) in doc.appendix.iter().enumerate() {
            self.at(Step::Index("appendix", i), |c| {
                c.paragraph(p)?;
                c.in_zone(&doc.zones, ZoneKind::Appendix, p.span)
            })?;
        }

        let mut prev = 0u32;
        for (i, d) in doc.diagnostics.iter().enumerate() {
            self.at(Step::Index("diagnostics", i), |c| {
                c.span(d.span)?;
                if d.span.start < prev {
                    return c.fail(
                        d.span,
                        format!(
                            "diagnostics are not in document order (previous starts at {prev})"
                        ),
                    );
                }
                Ok(())
            })?;
            prev = d.span.start;
        }
        Ok(())
    }

    fn meta_field(&mut self, m: &MetaField<'_>) -> R {
        self.span(m.span)?;
        self.at(Step::Field("value_span"), |c| {
            c.span(m.value_span)?;
            c.inside(m.value_span, m.span, "field")?;
            c.text_is(m.value, m.value_span, "value")
        })?;
        self.slice_in(m.label, m.span, "label")
    }

    fn section(&mut self, s: &Section<'_>, depth: usize) -> R {
        self.span(s.span)?;
        self.at(Step::Field("heading"), |c| {
            c.heading(&s.heading, s.span, depth)
        })?;
        if s.heading.span.start != s.span.start {
            return self.fail(
                s.span,
                format!(
                    "section does not start where its heading starts ({})",
                    show(s.heading.span)
                ),
            );
        }
        let after_heading = Span {
            start: s.heading.span.end,
            end: s.span.end,
        };
        let inner = if after_heading.start <= after_heading.end {
            after_heading
        } else {
            s.span
        };
        self.siblings(
            "paragraphs",
            &s.paragraphs,
            Some((inner, "section after its heading")),
            |p| p.span,
        )?;
        for (i, p) in s.paragraphs.iter().enumerate() {
            self.at(Step::Index("paragraphs", i), |c| c.paragraph(p))?;
        }
        let children_from = s
            .paragraphs
            .last()
            .map_or(inner.start, |p| p.span.end.max(inner.start));
        let inner_children = Span {
            start: children_from,
            end: inner.end,
        };
        self.siblings(
            "children",
            &s.children,
            Some((inner_children, "section after its heading and paragraphs")),
            |c| c.span,
        )?;
        for (i, ch) in s.children.iter().enumerate() {
            self.at(Step::Index("children", i), |c| c.section(ch, depth + 1))?;
        }
        Ok(())
    }

    fn heading(&mut self, h: &Heading<'_>, section: Span, depth: usize) -> R {
        self.span(h.span)?;
        self.inside(h.span, section, "section")?;
        if usize::from(h.level) != depth {
            return self.fail(
                h.span,
                format!(
                    "heading level is {} but its depth in the tree is {depth}",
                    h.level
                ),
            );
        }
        self.at(Step::Field("title_span"), |c| {
            c.span(h.title_span)?;
            c.inside(h.title_span, h.span, "heading")
        })?;
        if let std::borrow::Cow::Borrowed(t) = &h.title {
            self.slice_in(t, h.title_span, "title")?;
        }
        self.slice_in(h.marker, h.span, "marker")?;
        self.entities(&h.entities, h.title_span, "heading title")
    }

    fn paragraph(&mut self, p: &Paragraph<'_>) -> R {
        self.span(p.span)?;
        self.text_is(p.text, p.span, "text")?;
        self.siblings(
            "sentences",
            &p.sentences,
            Some((p.span, "paragraph")),
            |s| *s,
        )?;
        self.siblings("items", &p.items, Some((p.span, "paragraph")), |it| it.span)?;
        for (i, it) in p.items.iter().enumerate() {
            self.at(Step::Index("items", i), |c| c.item(it))?;
        }
        self.entities(&p.entities, p.span, "paragraph")?;
        self.quotes(&p.quotes, p.span)
    }

    fn item(&mut self, it: &EnumItem<'_>) -> R {
        self.slice_in(it.marker, it.span, "marker")?;
        self.at(Step::Field("lead_span"), |c| {
            c.span(it.lead_span)?;
            c.inside(it.lead_span, it.span, "item")?;
            c.text_is(it.lead, it.lead_span, "lead")
        })
    }

    fn entities(&mut self, es: &Entities<'_>, parent: Span, what: &str) -> R {
        let es = es.to_vec();
        self.siblings("entities", &es, Some((parent, what)), |e| e.span)?;
        for (i, e) in es.iter().enumerate() {
            self.at(Step::Index("entities", i), |c| {
                c.text_is(e.text, e.span, "text")
            })?;
        }
        Ok(())
    }

    /// Quotes: ordered by start, inside the paragraph, nested or disjoint
    /// but never crossing.
    fn quotes(&mut self, qs: &[Span], parent: Span) -> R {
        // Stack of the quotes still open at the current position.
        let mut open: Vec<Span> = Vec::new();
        let mut prev_start = parent.start;
        for (i, q) in qs.iter().copied().enumerate() {
            self.at(Step::Index("quotes", i), |c| {
                c.span(q)?;
                c.inside(q, parent, "paragraph")?;
                if q.start < prev_start {
                    return c.fail(q, "quotes are not in document order");
                }
                while open.last().is_some_and(|o| o.end <= q.start) {
                    open.pop();
                }
                if let Some(o) = open.last() {
                    if !o.contains(q) {
                        return c.fail(q, format!("quote crosses the quote at {}", show(*o)));
                    }
                }
                Ok(())
            })?;
            prev_start = q.start;
            open.push(q);
        }
        Ok(())
    }

    fn closing(&mut self, cl: &Closing<'_>) -> R {
        self.span(cl.span)?;
        self.siblings("issuers", &cl.issuers, Some((cl.span, "closing")), |l| {
            l.span
        })?;
        for (i, l) in cl.issuers.iter().enumerate() {
            self.at(Step::Index("issuers", i), |c| {
                c.slice_in(l.text, l.span, "text")
            })?;
        }
        if let Some(d) = &cl.date {
            self.at(Step::Field("date"), |c| {
                c.span(d.span)?;
                c.inside(d.span, cl.span, "closing")?;
                if let Some(l) = cl
                    .issuers
                    .iter()
                    .find(|l| l.span.start < d.span.end && d.span.start < l.span.end)
                {
                    return c.fail(
                        d.span,
                        format!("date line overlaps an issuer line ({})", show(l.span)),
                    );
                }
                c.slice_in(d.text, d.span, "text")
            })?;
        }
        self.entities(&cl.entities, cl.span, "closing")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::ast::{Line, MarkerFamily, Title, Zone};
    use crate::entity::{Entity, EntityKind};
    use crate::error::{Diagnostic, DiagnosticCode};

    const SRC: &str = "标题\n一、总体\n完成3项。\n（一）细节\n好。\n";

    fn zone(kind: ZoneKind, a: usize, b: usize) -> Zone {
        Zone {
            kind,
            span: Span::new(a, b),
        }
    }

    fn para(src: &str, a: usize, b: usize) -> Paragraph<'_> {
        Paragraph {
            text: &src[a..b],
            span: Span::new(a, b),
            sentences: vec![Span::new(a, b)],
            items: vec![],
            entities: Entities::default(),
            quotes: vec![],
        }
    }

    fn heading(src: &str, level: u8, a: usize, m: usize, b: usize) -> Heading<'_> {
        Heading {
            level,
            ordinal: Some(1),
            family: MarkerFamily::Cn,
            marker: &src[a..m],
            title: Cow::Borrowed(&src[m..b]),
            title_span: Span::new(m, b),
            inferred: false,
            run_in: false,
            span: Span::new(a, b),
            entities: Entities::default(),
        }
    }

    fn number(s: &str, a: usize, b: usize) -> Entity<'_> {
        Entity {
            text: &s[a..b],
            span: Span::new(a, b),
            kind: EntityKind::Number(crate::entity::Number {
                value: crate::Decimal::from_int(3),
                scale: 0,
                approx: None,
            }),
        }
    }

    /// A hand-built, valid document over `SRC`.
    fn good() -> Document<'static> {
        let s = SRC;
        let pos = |needle: &str| s.find(needle).unwrap();
        let h1 = pos("一、");
        let p1 = pos("完成");
        let h2 = pos("（一）");
        let p2 = pos("好。");
        let end_p1 = p1 + "完成3项。".len();
        let end_p2 = p2 + "好。".len();
        let mut par1 = para(s, p1, end_p1);
        let n = p1 + "完成".len();
        par1.entities = Entities::new(s, vec![number(s, n, n + 1)]);
        Document {
            source: s,
            zones: vec![
                zone(ZoneKind::Title, 0, h1),
                zone(ZoneKind::Body, h1, s.len()),
            ],
            metadata: vec![],
            title: Some(Title {
                text: Cow::Borrowed(&s[0..6]),
                span: Span::new(0, 6),
                entities: Entities::default(),
            }),
            subtitles: vec![],
            preamble: vec![],
            sections: vec![Section {
                heading: heading(s, 1, h1, h1 + "一、".len(), h1 + "一、总体".len()),
                span: Span::new(h1, end_p2),
                paragraphs: vec![par1],
                children: vec![Section {
                    heading: heading(s, 2, h2, h2 + "（一）".len(), h2 + "（一）细节".len()),
                    span: Span::new(h2, end_p2),
                    paragraphs: vec![para(s, p2, end_p2)],
                    children: vec![],
                }],
            }],
            closing: None,
            appendix: vec![],
            diagnostics: vec![Diagnostic::new(
                DiagnosticCode::OrdinalSkip,
                Span::new(h2, h2 + 3),
                "x",
            )],
        }
    }

    #[test]
    fn hand_built_document_passes() {
        good().check_invariants().unwrap();
    }

    #[test]
    fn empty_input_with_no_zones_passes() {
        let d = Document {
            source: "",
            zones: vec![],
            metadata: vec![],
            title: None,
            subtitles: vec![],
            preamble: vec![],
            sections: vec![],
            closing: None,
            appendix: vec![],
            diagnostics: vec![],
        };
        d.check_invariants().unwrap();
    }

    fn err(d: &Document<'_>) -> InvariantError {
        d.check_invariants().unwrap_err()
    }

    #[test]
    fn zone_gap_is_caught() {
        let mut d = good();
        d.zones[1].span.start += 1;
        let e = err(&d);
        assert_eq!(e.path, "zones[1]");
        d = good();
        d.zones.pop();
        assert!(err(&d).message.contains("not covered"));
    }

    #[test]
    fn off_boundary_span_is_caught() {
        let mut d = good();
        d.sections[0].paragraphs[0].sentences[0].start += 1;
        let e = err(&d);
        assert_eq!(e.path, "sections[0].paragraphs[0].sentences[0]");
        assert!(e.message.contains("UTF-8"), "{e}");
    }

    #[test]
    fn out_of_bounds_span_is_caught() {
        let mut d = good();
        d.diagnostics[0].span.end = 10_000;
        assert_eq!(err(&d).path, "diagnostics[0]");
        let mut d = good();
        d.diagnostics[0].span = Span { start: 5, end: 2 };
        assert!(err(&d).message.contains("starts after"));
    }

    #[test]
    fn wrong_text_is_caught() {
        // An entity's text is read from the source at its span, so only
        // its span can be wrong: here outside its paragraph.
        let mut d = good();
        let h = SRC.find("一、").unwrap();
        d.sections[0].paragraphs[0].entities = Entities::new(SRC, vec![number(SRC, h, h + 3)]);
        let e = err(&d);
        assert_eq!(e.path, "sections[0].paragraphs[0].entities[0]");
        let mut d = good();
        d.sections[0].paragraphs[0].text = "完成";
        assert!(err(&d).message.contains("`text`"));
    }

    #[test]
    fn foreign_slice_is_caught() {
        let mut d = good();
        d.sections[0].heading.marker = "一、";
        let e = err(&d);
        assert!(e.message.contains("does not borrow"), "{e}");
    }

    #[test]
    fn wrong_level_is_caught() {
        let mut d = good();
        d.sections[0].children[0].heading.level = 1;
        let e = err(&d);
        assert_eq!(e.path, "sections[0].children[0].heading");
        assert!(e.message.contains("depth"));
    }

    #[test]
    fn child_outside_parent_is_caught() {
        let mut d = good();
        d.sections[0].span.end = d.sections[0].children[0].span.start + 3;
        let e = err(&d);
        assert_eq!(e.path, "sections[0].children[0]");
        assert!(e.message.contains("not inside"), "{e}");
        let mut d = good();
        let h = d.sections[0].heading.span;
        d.sections[0].paragraphs[0].span = h;
        d.sections[0].paragraphs[0].text = h.text(SRC);
        assert!(err(&d).message.contains("after its heading"));
    }

    #[test]
    fn overlapping_siblings_are_caught() {
        let mut d = good();
        let p = d.sections[0].paragraphs[0].span;
        d.sections[0].paragraphs[0].sentences = vec![p, p];
        assert!(err(&d).message.contains("overlaps"));
    }

    #[test]
    fn section_in_wrong_zone_is_caught() {
        let mut d = good();
        d.zones[0].kind = ZoneKind::Body;
        d.zones[1].kind = ZoneKind::Appendix;
        assert!(err(&d).message.contains("zone"));
    }

    #[test]
    fn quotes_may_nest_but_not_cross() {
        let src = "“甲“乙”丙”";
        let mut p = para(src, 0, src.len());
        p.quotes = vec![Span::new(0, src.len()), Span::new(6, 15)];
        let mut d = Document {
            source: src,
            zones: vec![zone(ZoneKind::Preamble, 0, src.len())],
            metadata: vec![],
            title: None,
            subtitles: vec![],
            preamble: vec![p],
            sections: vec![],
            closing: None,
            appendix: vec![],
            diagnostics: vec![],
        };
        d.check_invariants().unwrap();
        d.preamble[0].quotes = vec![Span::new(0, 12), Span::new(6, 18)];
        assert!(err(&d).message.contains("crosses"));
    }

    #[test]
    fn closing_lines_are_checked() {
        let src = "某市人民政府\n2022年1月28日";
        let mut d = Document {
            source: src,
            zones: vec![zone(ZoneKind::Closing, 0, src.len())],
            metadata: vec![],
            title: None,
            subtitles: vec![],
            preamble: vec![],
            sections: vec![],
            closing: Some(Closing {
                issuers: vec![Line {
                    text: &src[0..18],
                    span: Span::new(0, 18),
                }],
                date: Some(crate::ast::DateLine {
                    text: &src[19..],
                    span: Span::new(19, src.len()),
                    date: None,
                }),
                span: Span::new(0, src.len()),
                entities: Entities::default(),
            }),
            appendix: vec![],
            diagnostics: vec![],
        };
        d.check_invariants().unwrap();
        if let Some(c) = &mut d.closing {
            c.issuers[0].span = Span::new(0, 20);
        }
        assert!(err(&d).message.contains("UTF-8") || err(&d).message.contains("overlaps"));
    }

    #[test]
    fn display_names_path_and_span() {
        let mut d = good();
        d.sections[0].children[0].heading.level = 3;
        let shown = err(&d).to_string();
        assert!(
            shown.starts_with("sections[0].children[0].heading: "),
            "{shown}"
        );
        assert!(shown.contains("at bytes"), "{shown}");
    }
}

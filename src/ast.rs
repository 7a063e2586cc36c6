//! The syntax tree: [`Document`] and its nodes. Every node carries a
//! [`Span`]; text fields borrow from the input.

use std::borrow::Cow;

use serde::Serialize;

use crate::entity::{Entities, Entity};
use crate::error::Diagnostic;
use crate::span::Span;
use crate::value::Date;

/// A parsed report.
#[derive(Debug, Clone, Serialize)]
pub struct Document<'a> {
    /// The input text (not serialized).
    #[serde(skip)]
    pub source: &'a str,
    /// The zones, in order, covering every byte of the input exactly once.
    pub zones: Vec<Zone>,
    /// Metadata pairs from the page's information table.
    pub metadata: Vec<MetaField<'a>>,
    /// The report's title, when it has one.
    pub title: Option<Title<'a>>,
    /// The lines under the title that belong to it, in order: the occasion
    /// and delivery date (`——2026年1月28日在…会议上`), the speaker
    /// (`省长　王予波`), the issuing bodies of a bulletin, a subtitle.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subtitles: Vec<Subtitle<'a>>,
    /// Paragraphs after the title and before the first heading.
    pub preamble: Vec<Paragraph<'a>>,
    /// The top-level sections of the body.
    pub sections: Vec<Section<'a>>,
    /// The closing signature block.
    pub closing: Option<Closing<'a>>,
    /// Paragraphs of the appendix, glossary and notes zones, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appendix: Vec<Paragraph<'a>>,
    /// Everything odd, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A zone of the document (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Zone {
    /// What the zone is.
    pub kind: ZoneKind,
    /// The bytes it covers.
    pub span: Span,
}

/// The kinds of zone, in the order they usually appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ZoneKind {
    /// Web page furniture before the report.
    FrontChrome,
    /// The page's information table.
    Metadata,
    /// The report's own title line(s).
    Title,
    /// Paragraphs between the title and the first heading.
    Preamble,
    /// The section tree.
    Body,
    /// The signature block: issuer and date.
    Closing,
    /// Appendices, glossaries, notes.
    Appendix,
    /// A table of contents (`目录` and its entries).
    Contents,
    /// Page furniture after the report.
    TrailerChrome,
}

impl ZoneKind {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ZoneKind::FrontChrome => "front_chrome",
            ZoneKind::Metadata => "metadata",
            ZoneKind::Title => "title",
            ZoneKind::Preamble => "preamble",
            ZoneKind::Body => "body",
            ZoneKind::Closing => "closing",
            ZoneKind::Appendix => "appendix",
            ZoneKind::Contents => "contents",
            ZoneKind::TrailerChrome => "trailer_chrome",
        }
    }
}

/// Canonical metadata keys (SPEC §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MetaKey {
    /// 索引号
    IndexNumber,
    /// 发文机构 发布机构 制发机构 来源 出处
    Issuer,
    /// 发文字号 文号
    DocNumber,
    /// 成文日期
    WrittenDate,
    /// 发布日期 发布时间 发表时间 更新时间 时间
    PublishedDate,
    /// 主题分类 体裁分类
    Category,
    /// 标题
    Title,
    /// 主题词
    Keywords,
    /// 有效性 时效性
    Validity,
    /// 作者 / 编辑 and other recognised labels without a canonical key.
    Other,
}

impl MetaKey {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MetaKey::IndexNumber => "index_number",
            MetaKey::Issuer => "issuer",
            MetaKey::DocNumber => "doc_number",
            MetaKey::WrittenDate => "written_date",
            MetaKey::PublishedDate => "published_date",
            MetaKey::Category => "category",
            MetaKey::Title => "title",
            MetaKey::Keywords => "keywords",
            MetaKey::Validity => "validity",
            MetaKey::Other => "other",
        }
    }
}

/// One label/value pair of the metadata table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetaField<'a> {
    /// Canonical key.
    pub key: MetaKey,
    /// The label as written (`索 引  号`).
    pub label: &'a str,
    /// The value as written, trimmed.
    pub value: &'a str,
    /// Span of the label through the value.
    pub span: Span,
    /// Span of the value.
    pub value_span: Span,
    /// The date in the value, when it holds one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// The report's title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Title<'a> {
    /// The title text; lines of a title split over several lines are joined.
    pub text: Cow<'a, str>,
    /// The title line(s).
    pub span: Span,
    /// Entities in the title (`2021年度`).
    #[serde(skip_serializing_if = "Entities::is_empty")]
    pub entities: Entities<'a>,
}

/// A line of the title zone under the title (see [`Document::subtitles`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subtitle<'a> {
    /// The line, trimmed.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// Entities in the line (the delivery date).
    #[serde(skip_serializing_if = "Entities::is_empty")]
    pub entities: Entities<'a>,
}

/// A section: a heading and what follows it up to the next heading of the
/// same or a higher level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section<'a> {
    /// The heading line.
    pub heading: Heading<'a>,
    /// From the heading to the end of the section's last content.
    pub span: Span,
    /// Paragraphs before the first subsection (for a run-in heading, the
    /// rest of its line comes first).
    pub paragraphs: Vec<Paragraph<'a>>,
    /// Subsections.
    pub children: Vec<Section<'a>>,
}

/// The families of heading marker (SPEC §3), in conventional rank order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarkerFamily {
    /// `第一部分` `第一章` `第一篇` `第一节`
    Part,
    /// `第一条`
    Article,
    /// `一、`
    Cn,
    /// `（一）` `(一)`
    CnParen,
    /// `1.` `1．` `1、`
    Arabic,
    /// `（1）` `(1)`
    ArabicParen,
    /// `①`
    Circled,
    /// `一是…。` as a standalone line
    Shi,
    /// `第一，` `第一、` as a standalone line
    Di,
    /// No marker: a recovered or unnumbered heading.
    None,
}

impl MarkerFamily {
    /// True for the families GB/T 9704 ranks (and parts and articles); the
    /// ordinal-word families (`一是`, `第一，`) and unnumbered headings nest
    /// purely by order of appearance.
    pub fn is_ranked(self) -> bool {
        !matches!(
            self,
            MarkerFamily::Shi | MarkerFamily::Di | MarkerFamily::None
        )
    }

    /// The conventional rank: lower is higher in the hierarchy.
    pub fn rank(self) -> u8 {
        match self {
            MarkerFamily::Part => 0,
            MarkerFamily::Article => 1,
            MarkerFamily::Cn => 2,
            MarkerFamily::Shi | MarkerFamily::Di => 3,
            MarkerFamily::CnParen => 4,
            MarkerFamily::Arabic => 5,
            MarkerFamily::ArabicParen => 6,
            MarkerFamily::Circled => 7,
            MarkerFamily::None => 2,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkerFamily::Part => "part",
            MarkerFamily::Article => "article",
            MarkerFamily::Cn => "cn",
            MarkerFamily::CnParen => "cn_paren",
            MarkerFamily::Arabic => "arabic",
            MarkerFamily::ArabicParen => "arabic_paren",
            MarkerFamily::Circled => "circled",
            MarkerFamily::Shi => "shi",
            MarkerFamily::Di => "di",
            MarkerFamily::None => "none",
        }
    }
}

/// A heading line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading<'a> {
    /// Depth in this document's tree, top = 1.
    pub level: u8,
    /// The numeral's value (`十二` → 12); `None` for unnumbered headings.
    pub ordinal: Option<u32>,
    /// The marker family.
    pub family: MarkerFamily,
    /// The marker as written (`一、`, `(二)`, `1、`); empty when lost.
    pub marker: &'a str,
    /// The title: the text without its marker, trimmed, without trailing
    /// `。：:；`; for a run-in heading, up to the first `。` or `：`.
    pub title: Cow<'a, str>,
    /// Span of the title text.
    pub title_span: Span,
    /// True when the heading was recovered (lost numeral, marker or punctuation).
    pub inferred: bool,
    /// True when body text follows on the same line.
    pub run_in: bool,
    /// The heading line (marker and title; for a run-in heading, up to the
    /// end of the title).
    pub span: Span,
    /// Entities in the title.
    #[serde(skip_serializing_if = "Entities::is_empty")]
    pub entities: Entities<'a>,
}

/// A paragraph: a run of non-blank lines, or the body text of a run-in heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph<'a> {
    /// The text as written (line breaks inside kept).
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// Sentence spans, split at `。！？；!?;` with quotes and brackets balanced.
    pub sentences: Vec<Span>,
    /// Enumeration items (`一是…二是…`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<EnumItem<'a>>,
    /// Inline entities, in order.
    #[serde(skip_serializing_if = "Entities::is_empty")]
    pub entities: Entities<'a>,
    /// Quoted terms `“…”` (spans include the quotes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Span>,
}

/// The styles of enumeration (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ItemStyle {
    /// `一是` `二是`
    Shi,
    /// `一要` `二要`
    Yao,
    /// `第一,` `第二,`
    Di,
    /// `首先` `其次` `再次` `最后`
    Sequence,
    /// `①` `②`
    Circled,
}

/// An enumeration item inside a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnumItem<'a> {
    /// Position in its run (`三是` → 3).
    pub ordinal: u32,
    /// The style.
    pub style: ItemStyle,
    /// The marker as written (`一是`; `是` when the numeral was lost).
    pub marker: &'a str,
    /// The lead: the first sentence or clause after the marker.
    pub lead: &'a str,
    /// Span of the lead.
    pub lead_span: Span,
    /// From the marker to the start of the next item or the paragraph's end.
    pub span: Span,
    /// True when the numeral was recovered.
    pub inferred: bool,
}

/// The closing signature block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Closing<'a> {
    /// Issuing body line(s).
    pub issuers: Vec<Line<'a>>,
    /// The date line.
    pub date: Option<DateLine<'a>>,
    /// The whole block.
    pub span: Span,
    /// Entities in the block (the date).
    #[serde(skip_serializing_if = "Entities::is_empty")]
    pub entities: Entities<'a>,
}

/// A line of text with its span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line<'a> {
    /// The text, trimmed.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
}

/// A line holding a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateLine<'a> {
    /// The text, trimmed.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// The date.
    pub date: Option<Date>,
}

/// One entry of [`Document::outline`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutlineEntry<'a> {
    /// Depth, top = 1.
    pub level: u8,
    /// The numeral's value.
    pub ordinal: Option<u32>,
    /// The marker as written.
    pub marker: &'a str,
    /// The marker family.
    pub family: MarkerFamily,
    /// The title.
    pub title: Cow<'a, str>,
    /// Recovered heading.
    pub inferred: bool,
    /// Run-in heading.
    pub run_in: bool,
    /// The heading's span.
    pub span: Span,
}

impl<'a> Document<'a> {
    /// All headings, depth first in document order, flattened.
    pub fn outline(&self) -> Vec<OutlineEntry<'a>> {
        fn walk<'a>(s: &[Section<'a>], out: &mut Vec<OutlineEntry<'a>>) {
            for sec in s {
                let h = &sec.heading;
                out.push(OutlineEntry {
                    level: h.level,
                    ordinal: h.ordinal,
                    marker: h.marker,
                    family: h.family,
                    title: h.title.clone(),
                    inferred: h.inferred,
                    run_in: h.run_in,
                    span: h.span,
                });
                walk(&sec.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }

    /// Every section, depth first in document order.
    pub fn sections_flat(&self) -> Vec<&Section<'a>> {
        fn walk<'s, 'a>(s: &'s [Section<'a>], out: &mut Vec<&'s Section<'a>>) {
            for sec in s {
                out.push(sec);
                walk(&sec.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }

    /// Every paragraph (preamble, body and appendix), in document order.
    pub fn paragraphs(&self) -> Vec<&Paragraph<'a>> {
        fn walk<'s, 'a>(s: &'s [Section<'a>], out: &mut Vec<&'s Paragraph<'a>>) {
            for sec in s {
                out.extend(sec.paragraphs.iter());
                walk(&sec.children, out);
            }
        }
        let mut out: Vec<&Paragraph<'a>> = self.preamble.iter().collect();
        walk(&self.sections, &mut out);
        out.extend(self.appendix.iter());
        out.sort_by_key(|p| p.span.start);
        out
    }

    /// Every inline entity (title, subtitles, headings, paragraphs,
    /// closing, appendix), in document order.
    pub fn entities(&self) -> Vec<Entity<'a>> {
        fn walk<'a>(s: &[Section<'a>], out: &mut Vec<Entity<'a>>) {
            for sec in s {
                out.extend(sec.heading.entities.iter());
                for p in &sec.paragraphs {
                    out.extend(p.entities.iter());
                }
                walk(&sec.children, out);
            }
        }
        let mut out: Vec<Entity<'a>> = Vec::new();
        if let Some(t) = &self.title {
            out.extend(t.entities.iter());
        }
        for t in &self.subtitles {
            out.extend(t.entities.iter());
        }
        for p in &self.preamble {
            out.extend(p.entities.iter());
        }
        walk(&self.sections, &mut out);
        if let Some(c) = &self.closing {
            out.extend(c.entities.iter());
        }
        for p in &self.appendix {
            out.extend(p.entities.iter());
        }
        out.sort_by_key(|e| e.span.start);
        out
    }

    /// The first metadata value under `key`.
    pub fn meta(&self, key: MetaKey) -> Option<&MetaField<'a>> {
        self.metadata.iter().find(|m| m.key == key)
    }
}

//! Inline entities: quantities, dates, references, document numbers,
//! ordinals, identifiers and plain numbers (SPEC §5, §6, §8).
//!
//! Each entity serializes as one flat JSON object:
//!
//! ```json
//! {"kind": "quantity", "text": "29000余人次", "span": {"start": 0, "end": 14},
//!  "value": 29000, "unit": "人次", "unit_text": "人次", "approx": "more_than",
//!  "clause": {"start": 0, "end": 14}}
//! ```

use std::borrow::Cow;

use serde::Serialize;

use crate::decimal::Decimal;
use crate::span::Span;
use crate::value::Date;

mod packed;

pub use packed::{Entities, Iter};
pub(crate) use packed::{Found, Kind, QuantityFields};

/// An inline entity found in a paragraph, heading title or title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity<'a> {
    /// Exactly the input bytes of `span`.
    pub text: &'a str,
    /// Where it is.
    pub span: Span,
    /// What it is, with its typed value.
    #[serde(flatten)]
    pub kind: EntityKind<'a>,
}

/// The kinds of entity (SPEC §5, §6).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind<'a> {
    /// A figure with a unit: `29000余人次`, `319.18万元`, `86.3%`,
    /// `23个百分点`, `1-2个`.
    Quantity(Quantity<'a>),
    /// A date, month, year, clock time or a range of them: `2022年1月28日`,
    /// `2021—2025年`, `8月份`, `14:37`.
    Date(DateEntity),
    /// A title in `《…》` (nested `〈…〉` kept inside).
    Reference(Reference),
    /// A document number `运政函〔2022〕3号`.
    DocNumber(DocNumber),
    /// An ordinal or rank: `第一批`, `第9名`, `全省第一` (the `第一`).
    Ordinal(Ordinal),
    /// An identifier: index number, phone number, hotline, code.
    Identifier(Identifier),
    /// A number with no unit.
    Number(Number),
}

/// How a figure is approximated (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Approx {
    /// `约 大约 左右 上下`.
    About,
    /// `超 超过 逾 余 多 以上`.
    MoreThan,
    /// `以下 以内 不足 不到`.
    LessThan,
    /// `近 将近 接近`.
    Nearly,
}

/// The low and high ends of a range (`1-2个`, `3至5家`, `两三个`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    /// The low end, in the canonical unit.
    pub low: Decimal,
    /// The high end, in the canonical unit.
    pub high: Decimal,
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// 增长 增加 提高 上升 上涨 …
    Up,
    /// 下降 减少 降低 下跌 回落 …
    Down,
}

/// A change written next to a figure: `同比下降37.1%`, `比上年提高23个百分点`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change<'a> {
    /// Up or down.
    pub direction: Direction,
    /// The comparison basis as written (`同比`, `环比`, `比上年`, `较上年末`,
    /// `年均`), when the clause names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Cow<'a, str>>,
    /// The change verb as written (`增长`, `下降`, `提高` …).
    pub verb: Cow<'static, str>,
}

/// A quantity: number, scale, approximation and unit (SPEC §5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity<'a> {
    /// The value in the canonical unit, scale applied (`319.18万元` →
    /// 3191800); for a range, its low end.
    pub value: Decimal,
    /// The canonical unit (`元`, `人次`, `%`, `百分点`, `平方米`).
    pub unit: Cow<'static, str>,
    /// The unit as written, with the scale words before it (`万元` in
    /// `319.18万元`, `亿千瓦时`, `㎡`, `個`, `元/吨`).
    pub unit_text: Cow<'a, str>,
    /// The power of ten applied by scale words (`万` → 4), when any.
    #[serde(skip_serializing_if = "is_zero")]
    pub scale: u32,
    /// Approximation, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// The two ends of a range, when the quantity is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
    /// The change the figure describes, when the wording says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change<'a>>,
    /// The clause the quantity sits in (between `,，;；。` boundaries).
    pub clause: Span,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

/// A date entity: the date's parts flattened, plus a range end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateEntity {
    /// The date (year, month, day, hour, minute, second where written).
    #[serde(flatten)]
    pub date: Date,
    /// The end of a range written as one (`2021—2025年`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_end: Option<Date>,
}

/// A `《…》` reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The title inside the brackets.
    pub title: Span,
}

/// A document number `X〔YYYY〕N号`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocNumber {
    /// The issuer code before the bracket (`运政函`); empty when absent.
    pub issuer_code: String,
    /// The year in the bracket.
    pub year: u16,
    /// The serial number before `号`.
    pub serial: u64,
}

/// An ordinal or rank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ordinal {
    /// The ordinal's value (`第七任` → 7).
    pub value: u64,
    /// The measure word after it (`批`, `名`), when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Cow<'static, str>>,
}

/// What an identifier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IdentifierScheme {
    /// A government information index number `012870556/2022-00020`.
    IndexNumber,
    /// A phone number or service hotline (`12345`, `0795-3210000`).
    Phone,
    /// Any other code (`GB/T 9704-2012`, long digit strings).
    Code,
}

/// An identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Identifier {
    /// What kind of identifier.
    pub scheme: IdentifierScheme,
}

/// A number with no unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Number {
    /// The value, scale applied (`500万` → 5000000).
    pub value: Decimal,
    /// The power of ten applied by scale words, when any.
    #[serde(skip_serializing_if = "is_zero")]
    pub scale: u32,
    /// Approximation, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
}

/// A snippet that is one numeral: `两千四百五`, `负六点六` (negative),
/// `十多万` (100000, more than).
fn whole_numeral(s: &str) -> Option<(Decimal, Option<Approx>)> {
    let (neg, body) = match s.strip_prefix(['负', '負']) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (value, approx) = match Decimal::parse_numeral(body) {
        Some(v) => (v, None),
        None => {
            // `一千多万`: a numeral, 多, then scale words only.
            let (head, tail) = body.split_once('多')?;
            let scale = Decimal::parse_numeral(&format!("一{tail}"))?;
            let v = Decimal::parse_numeral(head)?.checked_mul(scale)?;
            (v, Some(Approx::MoreThan))
        }
    };
    let value = if neg { value.checked_neg()? } else { value };
    Some((value, approx))
}

/// Scan a snippet of text (one block: a sentence, a paragraph, a title)
/// for entities, without any document structure: the same scanner the
/// parser runs on each paragraph (a line break between two words of a
/// hard-wrapped paragraph is read through: `超过⏎76%`).
///
/// ```
/// use gongwen::entity::{extract, EntityKind};
///
/// let es = extract("全年受理矛盾纠纷29000余人次，同比下降37.1%。");
/// assert_eq!(es.len(), 2);
/// let EntityKind::Quantity(q) = &es[0].kind else { panic!() };
/// assert_eq!((q.value.to_string().as_str(), &*q.unit), ("29000", "人次"));
/// ```
pub fn extract(text: &str) -> Vec<Entity<'_>> {
    let mut sink = crate::inline::InlineSink::default();
    let span = Span::new(0, text.len());
    crate::inline::wrap::scan_paragraph(text, span, &crate::Options::default(), &mut sink);
    let mut entities = sink.entities.to_vec(text);
    if entities.is_empty() {
        // A snippet that is nothing but a numeral (`两千四百五`, `壹佰伍拾`)
        // is that number: with no running text around it, a bare CJK
        // numeral cannot be part of a word.
        let trimmed = text.trim();
        if let Some((value, approx)) = whole_numeral(trimmed) {
            let start = text.len() - text.trim_start().len();
            entities.push(Entity {
                text: trimmed,
                span: Span::new(start, start + trimmed.len()),
                kind: EntityKind::Number(Number {
                    value,
                    scale: 0,
                    approx,
                }),
            });
        }
    }
    entities
}

//! [`Entities`]: the entities of one node, stored in 32 bytes each.
//!
//! A parsed report holds one entity per 40–200 input bytes, so the size of
//! the stored entity decides the size of the document. The public
//! [`Entity`] is a convenient value (owned typed fields, ~200 bytes); it is
//! not what the document stores. Each entity is kept as a [`Packed`]
//! record: its span plus the typed value packed into 24 bytes (a quantity's
//! mantissa as an `i64`, its units and change verb as indices into the
//! lexicon's strings, its written unit, basis and clause as offsets from
//! the entity). An entity that does not fit (a range, a value beyond
//! `i64`, a compound unit, a document number …) keeps its whole
//! [`EntityKind`] in a side list. Reading an entity ([`Entities::get`],
//! [`Entities::iter`]) rebuilds the [`Entity`] without allocating (a kind
//! kept whole is cloned, which allocates only for a document number's
//! issuer code or a compound unit).
//!
//! The scanner packs each entity as it finds it ([`Found`]), so no
//! [`Entity`] value is kept while a node is scanned; the few it revisits
//! (a list sharing a unit or a change) are read back and packed again.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::{
    Approx, Change, DateEntity, Direction, Entity, EntityKind, Identifier, IdentifierScheme,
    Number, Ordinal, Quantity, Reference,
};
use crate::decimal::Decimal;
use crate::grammar::unit::CharHasher;
use crate::span::Span;
use crate::value::Date;

/// The entities of one node (a paragraph, a heading title, the title, the
/// closing block), in document order.
///
/// Stored compactly (32 bytes an entity, see the module notes); each
/// access builds an [`Entity`] value:
///
/// ```
/// let doc = gongwen::parse("一、概况\n全年受理矛盾纠纷29000余人次，同比下降37.1%。\n");
/// let p = &doc.sections[0].paragraphs[0];
/// assert_eq!(p.entities.len(), 2);
/// let texts: Vec<&str> = p.entities.iter().map(|e| e.text).collect();
/// assert_eq!(texts, ["29000余人次", "37.1%"]);
/// assert_eq!(p.entities.get(1).map(|e| e.span), Some(p.entities.spans().nth(1).unwrap()));
/// ```
#[derive(Clone, Default)]
pub struct Entities<'a> {
    /// The input the spans point into.
    source: &'a str,
    packed: Box<[Packed]>,
    /// The kinds that do not pack, in order; [`Body::Boxed`] indexes here.
    /// (A thin pointer, `None` when empty: nearly every list has none, and
    /// every paragraph, heading and title holds a list.)
    #[allow(clippy::box_collection)] // a thin pointer on purpose
    boxed: Option<Box<Vec<EntityKind<'a>>>>,
}

/// One stored entity: where it is and its packed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    span: Span,
    body: Body,
}

/// A packed entity value. Each variant fits 23 bytes, so with its tag a
/// `Body` is 24 bytes and a [`Packed`] 32 (asserted below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Quantity(PQuantity),
    Number {
        mantissa: [u32; 2],
        /// Decimal places of the value.
        places: u8,
        /// The power of ten applied by scale words.
        scale: u8,
        approx: u8,
    },
    Date {
        date: PDate,
        /// [`PDate::NONE`] when there is no range end.
        end: PDate,
    },
    Reference(Span),
    Ordinal {
        value: [u32; 2],
        /// Interned measure word, 0 for none.
        unit: u16,
    },
    Identifier(IdentifierScheme),
    /// Index into [`Entities::boxed`].
    Boxed(u32),
}

/// A quantity without a range whose value fits an `i64` mantissa. Byte
/// arrays (little-endian) instead of wider integers: with alignment 1 the
/// 23 bytes sit right after the enum's tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PQuantity {
    mantissa: [u8; 8],
    /// `span.start - clause.start`.
    clause_before: [u8; 2],
    /// `clause.end - span.end`.
    clause_after: [u8; 2],
    /// Interned canonical unit.
    unit: [u8; 2],
    /// The written unit: its length and its offset from the entity's
    /// start.
    unit_text: [u8; 2],
    /// Interned change verb, 0 for no change.
    verb: [u8; 2],
    /// The basis: how far before the entity's start it starts, and its
    /// length (`basis_len` 0 for none).
    basis_before: [u8; 2],
    basis_len: u8,
    /// Decimal places of the value (low nibble) and the power of ten of
    /// the scale words (high nibble).
    places_scale: u8,
    /// Approximation (low three bits, see [`approx_code`]); bit 3 set for
    /// a downward change.
    flags: u8,
}

/// A [`Date`] in 8 bytes: year (two bytes), month, day, hour, minute,
/// second, and a mask of the parts present (bit 7: the date itself is
/// present, for [`DateEntity::range_end`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PDate([u8; 8]);

const _: () = assert!(std::mem::size_of::<Packed>() == 32, "Packed size");

impl PDate {
    const NONE: PDate = PDate([0; 8]);

    fn pack(d: &Date) -> PDate {
        let [y0, y1] = d.year.unwrap_or(0).to_le_bytes();
        let mut mask = 0x80u8;
        for (bit, present) in [
            d.year.is_some(),
            d.month.is_some(),
            d.day.is_some(),
            d.hour.is_some(),
            d.minute.is_some(),
            d.second.is_some(),
        ]
        .into_iter()
        .enumerate()
        {
            if present {
                mask |= 1 << bit;
            }
        }
        PDate([
            y0,
            y1,
            d.month.unwrap_or(0),
            d.day.unwrap_or(0),
            d.hour.unwrap_or(0),
            d.minute.unwrap_or(0),
            d.second.unwrap_or(0),
            mask,
        ])
    }

    fn unpack(self) -> Option<Date> {
        let [y0, y1, month, day, hour, minute, second, mask] = self.0;
        let has = |bit: u8| mask & (1 << bit) != 0;
        (mask & 0x80 != 0).then(|| Date {
            year: has(0).then(|| u16::from_le_bytes([y0, y1])),
            month: has(1).then_some(month),
            day: has(2).then_some(day),
            hour: has(3).then_some(hour),
            minute: has(4).then_some(minute),
            second: has(5).then_some(second),
        })
    }
}

fn approx_code(a: Option<Approx>) -> u8 {
    match a {
        None => 0,
        Some(Approx::About) => 1,
        Some(Approx::MoreThan) => 2,
        Some(Approx::LessThan) => 3,
        Some(Approx::Nearly) => 4,
    }
}

fn approx_of(code: u8) -> Option<Approx> {
    match code & 7 {
        1 => Some(Approx::About),
        2 => Some(Approx::MoreThan),
        3 => Some(Approx::LessThan),
        4 => Some(Approx::Nearly),
        _ => None,
    }
}

fn split_i64(v: i64) -> [u32; 2] {
    let bits = v as u64;
    [bits as u32, (bits >> 32) as u32]
}

fn join_i64([lo, hi]: [u32; 2]) -> i64 {
    ((u64::from(hi) << 32) | u64::from(lo)) as i64
}

/// The lexicon's strings an entity may name (units, change verbs, measure
/// words), numbered from 1 so a packed entity can hold a `u16` instead of
/// a 16-byte `&'static str`.
struct Interner {
    strings: Vec<&'static str>,
    ids: HashMap<&'static str, u16, std::hash::BuildHasherDefault<CharHasher>>,
    /// The same ids by the address and length of each lexicon copy: the
    /// strings an entity carries are those very copies, found without
    /// hashing their bytes. An open-addressed table (home slot
    /// [`address_slot`], then the next ones; at most half full, so every
    /// probe ends at a free slot, id 0).
    by_address: Vec<(usize, usize, u16)>,
}

/// The home slot of an address in a table of `mask + 1` slots (a power of
/// two): a multiplicative hash.
fn address_slot(addr: usize, mask: usize) -> usize {
    ((addr as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & mask
}

static INTERNER: LazyLock<Interner> = LazyLock::new(|| {
    let mut strings = vec![""];
    let mut ids = HashMap::default();
    let mut copies = Vec::new();
    for s in crate::grammar::static_entity_strings() {
        let id = match ids.get(s) {
            Some(&id) => id,
            None => {
                let Ok(id) = u16::try_from(strings.len()) else {
                    break;
                };
                ids.insert(s, id);
                strings.push(s);
                id
            }
        };
        copies.push((s.as_ptr() as usize, s.len(), id));
    }
    let size = (2 * copies.len()).next_power_of_two().max(2);
    let mask = size - 1;
    let mut by_address = vec![(0, 0, 0u16); size];
    for (addr, len, id) in copies {
        let mut k = address_slot(addr, mask);
        while let Some(slot) = by_address.get_mut(k) {
            if slot.2 == 0 {
                *slot = (addr, len, id);
                break;
            }
            if slot.0 == addr && slot.1 == len {
                break;
            }
            k = (k + 1) & mask;
        }
    }
    Interner {
        strings,
        ids,
        by_address,
    }
});

impl Interner {
    /// The id of a lexicon string, 0 when it is not one.
    #[inline(always)]
    fn id(&self, s: &str) -> u16 {
        let addr = s.as_ptr() as usize;
        let mask = self.by_address.len().wrapping_sub(1);
        let mut k = address_slot(addr, mask);
        while let Some(&(a, len, id)) = self.by_address.get(k) {
            if id == 0 {
                break;
            }
            if a == addr && len == s.len() {
                return id;
            }
            k = (k + 1) & mask;
        }
        self.ids.get(s).copied().unwrap_or(0)
    }

    fn get(&self, id: u16) -> &'static str {
        self.strings.get(usize::from(id)).copied().unwrap_or("")
    }
}

/// Where `part` sits in `whole`, when it is a sub-slice of it (at the same
/// address: a string that merely equals a part of `whole` is not found).
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let off = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    // Same address and length inside `whole`: the same bytes (distinct
    // live strings never overlap), and the ends of a `str` lie on char
    // boundaries of any text it is part of (no bounds check by chars).
    (off.checked_add(part.len())? <= whole.len()).then_some(off)
}

/// A quantity's fields as [`pack_fields`] reads them: borrowed from a
/// [`Quantity`], or from the scanner's parts before any [`Quantity`] is
/// built ([`Found::push_quantity`]).
pub(crate) struct QuantityFields<'q, 'a> {
    pub(crate) value: Decimal,
    pub(crate) unit: &'q Cow<'static, str>,
    pub(crate) unit_text: &'q Cow<'a, str>,
    pub(crate) scale: u32,
    pub(crate) approx: Option<Approx>,
    /// Has a range (never packed).
    pub(crate) ranged: bool,
    pub(crate) change: Option<&'q Change<'a>>,
    pub(crate) clause: Span,
}

/// Pack a quantity, when it fits.
fn pack_quantity(source: &str, span: Span, text: &str, q: &Quantity<'_>) -> Option<PQuantity> {
    let fields = QuantityFields {
        value: q.value,
        unit: &q.unit,
        unit_text: &q.unit_text,
        scale: q.scale,
        approx: q.approx,
        ranged: q.range.is_some(),
        change: q.change.as_ref(),
        clause: q.clause,
    };
    pack_fields(source, span, text, &fields)
}

/// [`pack_quantity`] on the fields (inlined into both callers).
#[inline(always)]
fn pack_fields(
    source: &str,
    span: Span,
    text: &str,
    q: &QuantityFields<'_, '_>,
) -> Option<PQuantity> {
    if q.ranged {
        return None;
    }
    let mantissa = i64::try_from(q.value.mantissa()).ok()?;
    let places = u8::try_from(q.value.scale()).ok().filter(|&p| p < 16)?;
    let scale = u8::try_from(q.scale).ok().filter(|&s| s < 16)?;
    let clause_before = u16::try_from(span.start.checked_sub(q.clause.start)?).ok()?;
    let clause_after = u16::try_from(q.clause.end.checked_sub(span.end)?).ok()?;
    let interner = &*INTERNER;
    let unit = match &q.unit {
        Cow::Borrowed(u) => interner.id(u),
        Cow::Owned(_) => 0,
    };
    if unit == 0 {
        return None;
    }
    // The written unit: a part of the text at or after the entity's start
    // (borrowed by the scanner; past the end for a figure of a list that
    // shares the unit: the `万元` of `3、5万元`), or equal to a part of the
    // entity's text.
    let unit_text: &str = q.unit_text;
    let ut_off = match offset_in(source, unit_text).and_then(|o| o.checked_sub(span.start())) {
        Some(off) => off,
        None => text.rfind(unit_text)?,
    };
    let unit_text = [
        u8::try_from(unit_text.len()).ok()?,
        u8::try_from(ut_off).ok()?,
    ];
    let (verb, basis_before, basis_len, down) = match q.change {
        None => (0, 0, 0, false),
        Some(c) => {
            let verb = match &c.verb {
                Cow::Borrowed(v) => interner.id(v),
                Cow::Owned(_) => 0,
            };
            if verb == 0 {
                return None;
            }
            let (before, len) = match &c.basis {
                None => (0, 0),
                Some(b) => {
                    let off = offset_in(source, b)?;
                    let before = u16::try_from(span.start().checked_sub(off)?).ok()?;
                    let len = u8::try_from(b.len()).ok().filter(|&l| l > 0)?;
                    (before, len)
                }
            };
            (verb, before, len, c.direction == Direction::Down)
        }
    };
    Some(PQuantity {
        mantissa: mantissa.to_le_bytes(),
        clause_before: clause_before.to_le_bytes(),
        clause_after: clause_after.to_le_bytes(),
        unit: unit.to_le_bytes(),
        unit_text,
        verb: verb.to_le_bytes(),
        basis_before: basis_before.to_le_bytes(),
        basis_len,
        places_scale: places | scale << 4,
        flags: approx_code(q.approx) | if down { 8 } else { 0 },
    })
}

fn unpack_quantity<'a>(source: &'a str, span: Span, p: &PQuantity) -> Quantity<'a> {
    let interner = &*INTERNER;
    let [ut_len, ut_off] = p.unit_text;
    let (ut_off, ut_len) = (usize::from(ut_off), usize::from(ut_len));
    let verb = u16::from_le_bytes(p.verb);
    let change = (verb != 0).then(|| Change {
        direction: if p.flags & 8 != 0 {
            Direction::Down
        } else {
            Direction::Up
        },
        basis: (p.basis_len != 0).then(|| {
            let start = span
                .start()
                .saturating_sub(usize::from(u16::from_le_bytes(p.basis_before)));
            Cow::Borrowed(
                source
                    .get(start..start + usize::from(p.basis_len))
                    .unwrap_or(""),
            )
        }),
        verb: Cow::Borrowed(interner.get(verb)),
    });
    Quantity {
        value: Decimal::new(
            i128::from(i64::from_le_bytes(p.mantissa)),
            u32::from(p.places_scale & 15),
        ),
        unit: Cow::Borrowed(interner.get(u16::from_le_bytes(p.unit))),
        unit_text: Cow::Borrowed(
            source
                .get(span.start() + ut_off..span.start() + ut_off + ut_len)
                .unwrap_or(""),
        ),
        scale: u32::from(p.places_scale >> 4),
        approx: approx_of(p.flags),
        range: None,
        change,
        clause: Span {
            start: span
                .start
                .saturating_sub(u32::from(u16::from_le_bytes(p.clause_before))),
            end: span
                .end
                .saturating_add(u32::from(u16::from_le_bytes(p.clause_after))),
        },
    }
}

/// Pack an entity's kind, when it fits (inlined: where the kind is
/// known, only its arm remains).
#[inline(always)]
fn pack_body(source: &str, span: Span, text: &str, kind: &EntityKind<'_>) -> Option<Body> {
    Some(match kind {
        EntityKind::Quantity(q) => Body::Quantity(pack_quantity(source, span, text, q)?),
        EntityKind::Number(n) => Body::Number {
            mantissa: split_i64(i64::try_from(n.value.mantissa()).ok()?),
            places: u8::try_from(n.value.scale()).ok()?,
            scale: u8::try_from(n.scale).ok()?,
            approx: approx_code(n.approx),
        },
        EntityKind::Date(d) => Body::Date {
            date: PDate::pack(&d.date),
            end: d.range_end.as_ref().map_or(PDate::NONE, PDate::pack),
        },
        EntityKind::Reference(r) => Body::Reference(r.title),
        EntityKind::Ordinal(o) => Body::Ordinal {
            value: split_i64(i64::try_from(o.value).ok()?),
            unit: match &o.unit {
                None => 0,
                Some(Cow::Borrowed(u)) => Some(INTERNER.id(u)).filter(|&id| id != 0)?,
                Some(Cow::Owned(_)) => return None,
            },
        },
        EntityKind::Identifier(i) => Body::Identifier(i.scheme),
        EntityKind::DocNumber(_) => return None,
    })
}

/// The entities a scan has found so far, in order, each packed as it is
/// found (the scanner's list: no [`Entity`] value is kept; see
/// [`Entities::pack`]). The scanner reads back the few it revisits
/// ([`Found::get`], [`Found::kind`]) and stores changed ones again
/// ([`Found::set`]).
#[derive(Debug, Default)]
pub(crate) struct Found<'a> {
    packed: Vec<Packed>,
    /// The kinds that do not pack, in entity order; [`Body::Boxed`]
    /// indexes here.
    boxed: Vec<EntityKind<'a>>,
    /// (Tests) each kind as it was pushed or last set, to compare with
    /// what reads back.
    #[cfg(test)]
    plain: Vec<EntityKind<'a>>,
}

/// What an entity is, without its value (see [`Found::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Quantity,
    Date,
    Reference,
    DocNumber,
    Ordinal,
    Identifier(IdentifierScheme),
    Number,
}

fn kind_of(kind: &EntityKind<'_>) -> Kind {
    match kind {
        EntityKind::Quantity(_) => Kind::Quantity,
        EntityKind::Date(_) => Kind::Date,
        EntityKind::Reference(_) => Kind::Reference,
        EntityKind::DocNumber(_) => Kind::DocNumber,
        EntityKind::Ordinal(_) => Kind::Ordinal,
        EntityKind::Identifier(i) => Kind::Identifier(i.scheme),
        EntityKind::Number(_) => Kind::Number,
    }
}

impl<'a> Found<'a> {
    /// Add the entity at `span` of `source` (`text`: its text), packed
    /// when it fits (inlined like [`pack_body`]).
    #[inline(always)]
    pub(crate) fn push(&mut self, source: &str, span: Span, text: &str, kind: EntityKind<'a>) {
        #[cfg(test)]
        self.plain.push(kind.clone());
        let body = match pack_body(source, span, text, &kind) {
            Some(b) => b,
            None => {
                let i = u32::try_from(self.boxed.len()).unwrap_or(u32::MAX);
                self.boxed.push(kind);
                Body::Boxed(i)
            }
        };
        self.packed.push(Packed { span, body });
    }

    /// Add the quantity at `span` of `source` (`text`: its text) from its
    /// fields, when it packs: no [`Quantity`] is built. False when it does
    /// not (nothing added: the caller pushes the whole kind).
    #[inline(always)]
    pub(crate) fn push_quantity(
        &mut self,
        source: &str,
        span: Span,
        text: &str,
        q: &QuantityFields<'_, 'a>,
    ) -> bool {
        let Some(p) = pack_fields(source, span, text, q) else {
            return false;
        };
        #[cfg(test)]
        self.plain.push(EntityKind::Quantity(Quantity {
            value: q.value,
            unit: q.unit.clone(),
            unit_text: q.unit_text.clone(),
            scale: q.scale,
            approx: q.approx,
            range: None,
            change: q.change.cloned(),
            clause: q.clause,
        }));
        self.packed.push(Packed {
            span,
            body: Body::Quantity(p),
        });
        true
    }

    /// The number of entities.
    pub(crate) fn len(&self) -> usize {
        self.packed.len()
    }

    /// True when there are none.
    pub(crate) fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Forget them all (the buffers are kept).
    pub(crate) fn clear(&mut self) {
        self.packed.clear();
        self.boxed.clear();
        #[cfg(test)]
        self.plain.clear();
    }

    /// The `i`-th entity's span and kind (without building it).
    pub(crate) fn kind(&self, i: usize) -> Option<(Span, Kind)> {
        let p = self.packed.get(i)?;
        let kind = match p.body {
            Body::Quantity(_) => Kind::Quantity,
            Body::Number { .. } => Kind::Number,
            Body::Date { .. } => Kind::Date,
            Body::Reference(_) => Kind::Reference,
            Body::Ordinal { .. } => Kind::Ordinal,
            Body::Identifier(s) => Kind::Identifier(s),
            Body::Boxed(j) => kind_of(self.boxed.get(j as usize)?),
        };
        Some((p.span, kind))
    }

    /// The `i`-th entity (`source`: the text its span points into).
    pub(crate) fn get(&self, source: &'a str, i: usize) -> Option<Entity<'a>> {
        self.packed.get(i).map(|p| unpack(source, &self.boxed, p))
    }

    /// Store `kind` as the `i`-th entity's kind (its span and text stay).
    pub(crate) fn set(&mut self, source: &'a str, i: usize, kind: EntityKind<'a>) {
        let Some(&Packed { span, body: old }) = self.packed.get(i) else {
            return;
        };
        #[cfg(test)]
        if let Some(k) = self.plain.get_mut(i) {
            k.clone_from(&kind);
        }
        let text = source.get(span.range()).unwrap_or("");
        let body = pack_body(source, span, text, &kind);
        // The boxed kinds stay in entity order: the one at `i` goes (or
        // stays) at the count of boxed kinds before it.
        let at = match old {
            Body::Boxed(j) => j as usize,
            _ => self
                .packed
                .iter()
                .take(i)
                .filter(|p| matches!(p.body, Body::Boxed(_)))
                .count(),
        };
        let shift = |list: &mut [Packed], up: bool| {
            for p in list {
                if let Body::Boxed(j) = &mut p.body {
                    *j = if up { *j + 1 } else { j.saturating_sub(1) };
                }
            }
        };
        let new = match (body, old) {
            (Some(b), Body::Boxed(_)) => {
                if at < self.boxed.len() {
                    self.boxed.remove(at);
                }
                shift(self.packed.get_mut(i + 1..).unwrap_or_default(), false);
                b
            }
            (Some(b), _) => b,
            (None, Body::Boxed(j)) => {
                if let Some(slot) = self.boxed.get_mut(at) {
                    *slot = kind;
                }
                Body::Boxed(j)
            }
            (None, _) => {
                self.boxed.insert(at.min(self.boxed.len()), kind);
                shift(self.packed.get_mut(i + 1..).unwrap_or_default(), true);
                Body::Boxed(u32::try_from(at).unwrap_or(u32::MAX))
            }
        };
        if let Some(p) = self.packed.get_mut(i) {
            p.body = new;
        }
    }

    /// All of them as values.
    pub(crate) fn to_vec(&self, source: &'a str) -> Vec<Entity<'a>> {
        self.packed
            .iter()
            .map(|p| unpack(source, &self.boxed, p))
            .collect()
    }
}

impl<'a> Entities<'a> {
    /// Store a list of entities found in `source` (built by hand, for a
    /// test or a tool). Each entity's text is read back as `source` at its
    /// span, so texts that are not exactly that are not kept.
    ///
    /// ```
    /// use gongwen::entity::{extract, Entities};
    /// let src = "完成投资12亿元";
    /// let list = Entities::new(src, extract(src));
    /// assert_eq!(list.first().map(|e| e.text), Some("12亿元"));
    /// ```
    pub fn new(source: &'a str, entities: Vec<Entity<'a>>) -> Entities<'a> {
        let mut found = Found::default();
        for e in entities {
            found.push(source, e.span, e.text, e.kind);
        }
        Entities::pack(source, &mut found)
    }

    /// Store the entities `found` in `source`, emptying the list (its
    /// buffers are kept for the next node).
    pub(crate) fn pack(source: &'a str, found: &mut Found<'a>) -> Entities<'a> {
        if found.is_empty() {
            return Entities {
                source,
                ..Entities::default()
            };
        }
        let packed: Box<[Packed]> = found.packed.as_slice().into();
        found.packed.clear();
        #[cfg(test)]
        found.plain.clear();
        let boxed = (!found.boxed.is_empty()).then(|| {
            let mut boxed = std::mem::take(&mut found.boxed);
            boxed.shrink_to_fit();
            Box::new(boxed)
        });
        Entities {
            source,
            packed,
            boxed,
        }
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// The `i`-th entity.
    pub fn get(&self, i: usize) -> Option<Entity<'a>> {
        self.packed.get(i).map(|p| self.unpack(p))
    }

    /// The first entity.
    pub fn first(&self) -> Option<Entity<'a>> {
        self.get(0)
    }

    /// The last entity.
    pub fn last(&self) -> Option<Entity<'a>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The entities, in order.
    pub fn iter(&self) -> Iter<'_, 'a> {
        Iter {
            list: self,
            inner: self.packed.iter(),
        }
    }

    /// The entities' spans, in order (without building the entities).
    pub fn spans(&self) -> impl ExactSizeIterator<Item = Span> + DoubleEndedIterator + '_ {
        self.packed.iter().map(|p| p.span)
    }

    /// All entities as a list of values.
    pub fn to_vec(&self) -> Vec<Entity<'a>> {
        self.iter().collect()
    }

    /// The bytes of the packed records (see
    /// [`Document::heap_bytes`](crate::Document::heap_bytes)).
    pub(crate) fn packed_bytes(&self) -> usize {
        self.packed.len() * std::mem::size_of::<Packed>()
    }

    /// The kinds kept whole (they own their heap).
    pub(crate) fn boxed_kinds(&self) -> &[EntityKind<'a>] {
        self.boxed.as_deref().map_or(&[], Vec::as_slice)
    }

    fn unpack(&self, p: &Packed) -> Entity<'a> {
        unpack(self.source, self.boxed_kinds(), p)
    }
}

/// The entity `p` of a list whose spans point into `source` and whose
/// kinds kept whole are `boxed`.
fn unpack<'a>(source: &'a str, boxed: &[EntityKind<'a>], p: &Packed) -> Entity<'a> {
    let span = p.span;
    let text = source.get(span.range()).unwrap_or("");
    let kind = match &p.body {
        Body::Quantity(q) => EntityKind::Quantity(unpack_quantity(source, span, q)),
        &Body::Number {
            mantissa,
            places,
            scale,
            approx,
        } => EntityKind::Number(Number {
            value: Decimal::new(i128::from(join_i64(mantissa)), u32::from(places)),
            scale: u32::from(scale),
            approx: approx_of(approx),
        }),
        Body::Date { date, end } => EntityKind::Date(DateEntity {
            date: date.unpack().unwrap_or_default(),
            range_end: end.unpack(),
        }),
        &Body::Reference(title) => EntityKind::Reference(Reference { title }),
        &Body::Ordinal { value, unit } => EntityKind::Ordinal(Ordinal {
            value: join_i64(value) as u64,
            unit: (unit != 0).then(|| Cow::Borrowed(INTERNER.get(unit))),
        }),
        &Body::Identifier(scheme) => EntityKind::Identifier(Identifier { scheme }),
        &Body::Boxed(i) => boxed
            .get(i as usize)
            .cloned()
            .unwrap_or(EntityKind::Identifier(Identifier {
                scheme: IdentifierScheme::Code,
            })),
    };
    Entity { text, span, kind }
}

/// The entities of an [`Entities`] list, in order.
#[derive(Debug, Clone)]
pub struct Iter<'l, 'a> {
    list: &'l Entities<'a>,
    inner: std::slice::Iter<'l, Packed>,
}

impl<'a> Iterator for Iter<'_, 'a> {
    type Item = Entity<'a>;

    fn next(&mut self) -> Option<Entity<'a>> {
        self.inner.next().map(|p| self.list.unpack(p))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<Entity<'a>> {
        self.inner.nth(n).map(|p| self.list.unpack(p))
    }
}

impl<'a> DoubleEndedIterator for Iter<'_, 'a> {
    fn next_back(&mut self) -> Option<Entity<'a>> {
        self.inner.next_back().map(|p| self.list.unpack(p))
    }
}

impl ExactSizeIterator for Iter<'_, '_> {}

impl std::iter::FusedIterator for Iter<'_, '_> {}

impl<'l, 'a> IntoIterator for &'l Entities<'a> {
    type Item = Entity<'a>;
    type IntoIter = Iter<'l, 'a>;

    fn into_iter(self) -> Iter<'l, 'a> {
        self.iter()
    }
}

impl PartialEq for Entities<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Entities<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for e in self.iter() {
            seq.serialize_element(&e)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<String> {
        crate::test_corpus::texts()
    }

    /// Scan `text` as one block, store the entities and read them back:
    /// (entities as found, as read back, how many packed).
    fn round_trip(text: &str) -> (Vec<Entity<'_>>, Vec<Entity<'_>>, usize) {
        let mut sink = crate::inline::InlineSink::default();
        crate::inline::scan(
            text,
            Span::new(0, text.len()),
            &Default::default(),
            &mut sink,
        );
        // The kinds as the scanner built them, before packing.
        let f = &sink.entities;
        assert_eq!(f.plain.len(), f.len());
        let found = (f.packed.iter().zip(&f.plain))
            .map(|(p, kind)| Entity {
                text: &text[p.span.range()],
                span: p.span,
                kind: kind.clone(),
            })
            .collect();
        let list = Entities::pack(text, &mut sink.entities);
        let packed = list.len() - list.boxed_kinds().len();
        (found, list.to_vec(), packed)
    }

    #[test]
    fn corpus_entities_read_back_equal_and_most_pack() {
        let (mut all, mut packed) = (0, 0);
        for text in corpus() {
            let (found, back, p) = round_trip(&text);
            assert_eq!(found, back);
            all += found.len();
            packed += p;
        }
        // Measured 2026-12-03: 6,459 of 6,526 (99 %); the rest are
        // ranges, compound units, document numbers.
        assert!(packed * 100 >= all * 97, "{packed} of {all} packed");
    }

    #[test]
    fn every_shape_reads_back_equal() {
        for text in [
            "全年受理矛盾纠纷29000余人次，同比下降37.1%。",
            "比上年提高23个百分点，达到319.18万元，约1-2个，3至5家。",
            "投资3、5、7万元，增长6.9%、4.2%和3.1%。",
            "2021—2025年，2022年1月28日14:37，8月份。",
            "《中华人民共和国行政诉讼法》，运政函〔2022〕3号，第一批，第9名，前10名。",
            "热线12345，索引号012870556/2022-00020，GB/T 9704-2012。",
            "共计123456789012345678901234567890元，0.000000000000000001吨。",
            "比上年增\n长6.1%，比\n2010\n年下降3%，与上年同期相比，增长8.9%。",
            "PM2.5浓度23微克/立方米，价格178元/月，1.5万 元。",
            "两三个，十多万人，负六点六度。",
        ] {
            let (found, back, _) = round_trip(text);
            assert!(!found.is_empty(), "{text}");
            assert_eq!(found, back, "{text}");
        }
    }

    /// The scanner packs quantities from their parts
    /// ([`Found::push_quantity`]) and boxes the whole kind when they do not
    /// pack: the stored list is the one pushing each whole kind builds, on
    /// the corpus and on the quantities that do not pack (ranges, compound
    /// units, values beyond `i64`, a written unit split by a space).
    #[test]
    fn quantities_pushed_by_parts_store_as_whole_kinds_do() {
        let tricky = [
            "比上年提高23个百分点，达到319.18万元，约1-2个，3至5家。",
            "投资3、5、7万元，增长6.9%、4.2%和3.1%，分别下降5.6%、2.3%。",
            "共计123456789012345678901234567890元，0.000000000000000001吨。",
            "PM2.5浓度23微克/立方米，价格178元/月，1.5万 元，3 万元。",
            "两三个，十多万人，负六点六度，提高3.9、2.0、2.9个百分点。",
            "比上年增\n长6.1%，比\n2010\n年下降3%，与上年同期相比，增长8.9%。",
        ];
        let corpus = corpus();
        let texts = tricky
            .iter()
            .copied()
            .chain(corpus.iter().map(String::as_str));
        let (mut quantities, mut boxed) = (0, 0);
        for text in texts {
            let mut sink = crate::inline::InlineSink::default();
            crate::inline::scan(
                text,
                Span::new(0, text.len()),
                &Default::default(),
                &mut sink,
            );
            let f = &sink.entities;
            let mut whole = Found::default();
            for (p, kind) in f.packed.iter().zip(&f.plain) {
                quantities += usize::from(matches!(kind, EntityKind::Quantity(_)));
                whole.push(text, p.span, &text[p.span.range()], kind.clone());
            }
            assert_eq!(whole.packed, f.packed, "{text}");
            assert_eq!(whole.boxed, f.boxed, "{text}");
            boxed += (f.boxed.iter())
                .filter(|k| matches!(k, EntityKind::Quantity(_)))
                .count();
        }
        assert!(quantities > 1000 && boxed > 10, "{quantities} {boxed}");
    }

    #[test]
    fn found_entities_set_again_pack_or_box_in_entity_order() {
        let text = "完成投资12亿元，1-2个，运政函〔2022〕3号，3万元，5所。";
        let mut sink = crate::inline::InlineSink::default();
        crate::inline::scan(
            text,
            Span::new(0, text.len()),
            &Default::default(),
            &mut sink,
        );
        let mut found = std::mem::take(&mut sink.entities);
        let mut want = found.to_vec(text);
        assert_eq!(want.len(), 5, "{want:?}");
        // 1-2个 (a range) and the document number are boxed.
        assert_eq!(found.boxed.len(), 2);
        let range = want[1].kind.clone();
        let plain = want[0].kind.clone();
        // Packed -> boxed, boxed -> packed, boxed -> boxed, packed ->
        // packed; each time the list reads back as set and stores as the
        // same list built whole (boxed kinds in entity order).
        for (i, kind) in [
            (3, range.clone()),
            (1, plain.clone()),
            (2, range.clone()),
            (4, want[3].kind.clone()),
            (0, range.clone()),
            (3, plain.clone()),
        ] {
            found.set(text, i, kind.clone());
            want[i].kind = kind;
            assert_eq!(found.to_vec(text), want);
            for (k, (span, kind)) in (0..found.len()).filter_map(|k| found.kind(k)).enumerate() {
                assert_eq!(span, want[k].span);
                assert_eq!(kind, kind_of(&want[k].kind));
            }
            let boxed: Vec<_> = found
                .packed
                .iter()
                .filter_map(|p| match p.body {
                    Body::Boxed(j) => Some(j),
                    _ => None,
                })
                .collect();
            assert_eq!(boxed, (0..found.boxed.len() as u32).collect::<Vec<_>>());
            let whole = Entities::new(text, want.clone());
            assert_eq!(whole.boxed_kinds(), found.boxed.as_slice());
        }
        let list = Entities::pack(text, &mut found);
        assert_eq!(list.to_vec(), want);
        assert!(found.is_empty() && found.boxed.is_empty());
    }

    #[test]
    fn a_range_end_and_an_empty_date_stay_apart() {
        let d = Date {
            year: Some(2021),
            ..Date::default()
        };
        assert_eq!(PDate::pack(&d).unpack(), Some(d));
        assert_eq!(
            PDate::pack(&Date::default()).unpack(),
            Some(Date::default())
        );
        assert_eq!(PDate::NONE.unpack(), None);
    }

    #[test]
    fn the_interner_knows_units_verbs_and_measure_words() {
        for s in ["元", "人次", "百分点", "%", "增长", "下降", "名", "号"] {
            assert_ne!(INTERNER.id(s), 0, "{s}");
            assert_eq!(INTERNER.get(INTERNER.id(s)), s);
        }
        assert_eq!(INTERNER.id("不是单位"), 0);
    }

    #[test]
    fn the_interner_finds_every_lexicon_copy_by_its_address() {
        let t = &INTERNER.by_address;
        assert!(t.len().is_power_of_two());
        // At most half full: every probe ends at a free slot.
        assert!(2 * t.iter().filter(|e| e.2 != 0).count() <= t.len());
        let mask = t.len() - 1;
        for s in crate::grammar::static_entity_strings() {
            // Found in the table itself (not by the fallback on the bytes),
            // with the id of its text.
            let (addr, mut k) = (s.as_ptr() as usize, address_slot(s.as_ptr() as usize, mask));
            while t[k].2 != 0 && (t[k].0, t[k].1) != (addr, s.len()) {
                k = (k + 1) & mask;
            }
            assert_eq!((t[k].0, t[k].1), (addr, s.len()), "{s}");
            assert_eq!(t[k].2, INTERNER.ids[s], "{s}");
            assert_eq!(INTERNER.id(s), INTERNER.ids[s], "{s}");
        }
        // An equal string elsewhere in memory is found by its text.
        let owned = String::from("人次");
        assert_eq!(INTERNER.id(&owned), INTERNER.ids["人次"]);
    }
}

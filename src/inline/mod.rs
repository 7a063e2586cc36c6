//! Pass 3: inline entities inside a block of text (SPEC §5, §6).
//!
//! The scanner walks the text once, left to right. `《》` and `“”` are
//! paired up front with a stack (references become entities, quoted names
//! mute the figures inside them). At each char that can start an entity it
//! tries, in order (`grammars/document.ebnf` §4):
//!
//! 1. `第…`: a fixed term (`第一责任人`) or an [`Ordinal`];
//! 2. an opening bracket: a [`DocNumber`] (issuer code read backwards);
//! 3. an ASCII token: index number, code, fraction, or a name (`5G`, `PM2.5`);
//! 4. a minus sign before a figure;
//! 5. words made of numerals: slogans (`两个维护`), sessions (`八次全会`),
//!    vague amounts (`几十年`), markers (`1、`), ranks (`500强`), generations,
//!    plan names (`三年行动`), decades, type designations, `1+6`, `7×24小时`;
//! 6. a date (`2022年1月28日`, `2021—2025年`, `14:37`), or a year split from
//!    its `年` by a line end;
//! 7. a quantity (figure, scale, approximation, unit, range, percent), else
//!    a bare figure: identifier (hotline, code) or plain [`Number`].
//!
//! On a match it jumps past the entity; on no match it skips the whole run of
//! numeral chars, so no run is read twice. Every production reads a bounded
//! prefix or the run itself; backward looks (approximation prefix, change
//! verb, issuer code) are bounded windows. Total, and linear in the length
//! of the text (up to the sort of the bracket pairs).

use std::borrow::Cow;
use std::cell::Cell;

use crate::Options;
use crate::decimal::Decimal;
use crate::entity::{
    Change, DateEntity, DocNumber, EntityKind, Found, Identifier, IdentifierScheme, Kind, Number,
    Ordinal, Quantity, QuantityFields, Range, Reference,
};
use crate::error::{Diagnostic, DiagnosticCode, Diags};
use crate::grammar::classify::{
    classify_token, code_token, emergency_number, led_slogan, led_slogan_may_start, ordinal,
    phone_like, slogan,
};
use crate::grammar::date::{
    DateMatch, date, date_may_follow, date_may_start, listed_date, meridiem,
};
use crate::grammar::figure::{Figure, Num, digit_value, is_cjk_numeral_char, is_cjk_numeral_def};
use crate::grammar::quantity::{
    QuantityMatch, approx_prefix, bare_scale, change_basis, change_verb, gap, quantity,
    quantity_read, small_run_stops_at,
};
use crate::grammar::reference::{RefsQuotes, doc_number, issuer_code_len, refs_and_quotes};
use crate::span::Span;

/// What scanning a block of text produces.
#[derive(Debug, Default)]
pub(crate) struct InlineSink<'a> {
    /// Entities, in document order, packed as they are found.
    pub(crate) entities: Found<'a>,
    /// Spans of quoted terms `“…”` (quotes included).
    pub(crate) quotes: Vec<Span>,
    /// Anything odd.
    pub(crate) diagnostics: Diags,
    /// The `《》“”` pairs of the text to scan, when the walk over its
    /// paragraph paired them ([`RefsQuotes::walked`] is its span); else
    /// the buffers the scan pairs them in. Boxed: it changes hands with
    /// the walk's ([`crate::block::Scratch`]) by a pointer swap.
    pub(crate) marks: Option<Box<RefsQuotes>>,
    /// The active chars of the text to scan, when the walk over its
    /// paragraph found them ([`Walked::span`] is its span); else the scan
    /// steps with [`next_active`]. Changes hands with the walk's
    /// ([`crate::block::Scratch`]) like `marks`.
    pub(crate) walked: Walked,
    /// The whole input has no `\r`: a walked paragraph without a line feed
    /// has no line end ([`wrap::scan_paragraph`] then searches no further).
    pub(crate) cr_free: bool,
}

/// The offsets (in the paragraph's text, ascending) of every active char
/// (see [`is_active`]) of the paragraph `span`, found by the walk over it
/// ([`crate::block::paragraph`] with sentences).
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// The paragraph walked; `None` when the offsets are of no text.
    pub(crate) span: Option<Span>,
    /// The offsets of its active chars.
    pub(crate) at: Vec<u32>,
    /// Whether the paragraph has a line feed (the walk stops at each).
    pub(crate) line_feed: bool,
}

impl InlineSink<'_> {
    /// An empty sink keeping at most `cap` diagnostics.
    pub(crate) fn with_cap(cap: usize) -> Self {
        InlineSink {
            diagnostics: Diags::new(cap),
            ..InlineSink::default()
        }
    }
}

/// Convert an internal exact value to the public [`Decimal`].
pub(crate) fn to_decimal(n: Num) -> Decimal {
    Decimal::new(n.m(), n.s)
}

/// `年行动`, `年规划`, `年计划`, `年攻坚`, `年纲要`: a duration naming a plan
/// (三年行动, 十年规划), part of the plan's name (traditional forms too:
/// 三年行動).
fn plan_name(after: &str) -> bool {
    after.strip_prefix('年').is_some_and(|a| {
        [
            "行动", "规划", "计划", "攻坚", "纲要", "行動", "規劃", "計劃", "攻堅", "綱要",
        ]
        .iter()
        .any(|w| a.starts_with(w))
    })
}

/// `a/b` as an exact decimal, when the division terminates.
fn fraction_value(a: &str, b: &str) -> Option<Num> {
    let a: i128 = a.parse().ok()?;
    let b: i128 = b.parse().ok()?;
    if b == 0 {
        return None;
    }
    // Scale a up until b divides it (at most 10 places: 1/1024).
    for s in 0..=10u32 {
        let m = a.checked_mul(10i128.checked_pow(s)?)?;
        if m % b == 0 {
            return Some(Num::new(m / b, s));
        }
    }
    None
}

/// The high end of a range after a negative figure `q` (`-5℃` then
/// `至3℃` / `～-1℃`): the rest, the signed high end, and its unit. The
/// units must agree (a bare low end takes the high end's unit when it
/// carries no scale), and the range must not run downwards.
fn negative_range_end<'a>(
    r: &'a str,
    q: &QuantityMatch<'a>,
) -> Option<(&'a str, Num, crate::grammar::unit::UnitMatch<'a>)> {
    let t = ["至", "到", "～", "~", "—", "-", "－"]
        .iter()
        .find_map(|c| r.strip_prefix(c))?;
    let (t, minus) = match t.strip_prefix(['-', '－', '−']) {
        Some(t) => (t, true),
        None => (t, false),
    };
    let (r2, q2) = quantity(t).ok()?;
    let u2 = q2.unit?;
    if q2.high.is_some() || q2.approx.is_some() {
        return None;
    }
    match &q.unit {
        Some(u) if u.canonical != u2.canonical || q.scale != q2.scale => return None,
        None if q2.scale != 0 || q.scale != 0 => return None,
        _ => {}
    }
    let high = if minus { q2.value?.neg() } else { q2.value? };
    let low = q.value?.neg();
    (to_decimal(low) <= to_decimal(high)).then_some((r2, high, u2))
}

/// `2.8个和5.5个百分点`: a figure of bare `个` listed right before one of
/// `个百分点` shares its unit (the look-ahead is bounded).
fn shares_point_unit(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['和', '、', '及', '与', '或', '至', '到']) else {
        return false;
    };
    let mut figure = 0usize;
    for c in rest.chars().take(16) {
        if crate::grammar::figure::digit_value(c).is_some()
            || crate::grammar::figure::is_cjk_numeral_char(c)
            || matches!(c, '.' | '．' | '点')
        {
            figure += c.len_utf8();
        } else {
            break;
        }
    }
    figure > 0
        && rest
            .get(figure..)
            .is_some_and(|r| r.starts_with("个百分点") || r.starts_with("個百分點"))
}

fn is_cjk_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

const fn is_boundary(c: char) -> bool {
    matches!(c, '，' | ';' | '；' | '。' | '！' | '？' | '!' | '?')
}

fn is_ascii_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The end of the run of numeral chars at the char boundary `i`: CJK
/// numeral chars when the first is one, else digits (ASCII and fullwidth)
/// and ASCII letters; at least the first char. Read from the bytes: every
/// CJK numeral char and fullwidth digit is three bytes long, and a lead
/// byte starts a char.
fn skip_run_at(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    // The three-byte char at `k`, when there is one.
    let char3 = |k: usize| match b.get(k..k + 3) {
        Some(&[b0 @ 0xe0..=0xef, b1, b2]) => char::from_u32(
            (u32::from(b0) & 0x0f) << 12 | (u32::from(b1) & 0x3f) << 6 | (u32::from(b2) & 0x3f),
        ),
        _ => None,
    };
    let mut end = i;
    if char3(i).is_some_and(is_cjk_numeral_char) {
        while char3(end).is_some_and(is_cjk_numeral_char) {
            end += 3;
        }
        return end;
    }
    loop {
        match b.get(end) {
            Some(x) if x.is_ascii_alphanumeric() => end += 1,
            Some(0xef) if char3(end).is_some_and(|c| digit_value(c).is_some()) => end += 3,
            _ => break,
        }
    }
    if end > i {
        return end;
    }
    // No run: the first char alone.
    i + text
        .get(i..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8)
}

/// [`skip_run_at`] char by char: the reference its test compares with.
#[cfg(test)]
fn skip_run_plain(text: &str, i: usize) -> usize {
    let rest = text.get(i..).unwrap_or("");
    let mut end = i;
    let cjk = rest.chars().next().is_some_and(is_cjk_numeral_char);
    for (k, c) in rest.char_indices() {
        let same = if cjk {
            is_cjk_numeral_char(c)
        } else {
            digit_value(c).is_some() || c.is_ascii_alphanumeric()
        };
        if same {
            end = i + k + c.len_utf8();
        } else {
            break;
        }
    }
    end.max(i + rest.chars().next().map_or(1, char::len_utf8))
}

/// Does the text after the figure of `前六` / `前10` end it as a rank (a
/// punctuation mark, a line end or nothing), rather than go on with a
/// measure word or a noun (`前三季度`, `前10个月`, `前两年`)?
fn ends_bare_rank(after: &str) -> bool {
    after.chars().next().is_none_or(|c| {
        matches!(
            c,
            '，' | '。'
                | '；'
                | '、'
                | '：'
                | '！'
                | '？'
                | '（'
                | '）'
                | '”'
                | ','
                | '.'
                | ';'
                | ':'
                | '('
                | ')'
                | '\n'
                | '\r'
        )
    })
}

/// Is `gap` the text between two figures of one list: separators from
/// `seps` and padding only (`4.0%、9.2%`, `3 和 5`), possibly broken over
/// lines by the page (`4.0%⏎、⏎9.2%`, each figure a text node of its
/// own)? Without a separator only ASCII spaces: two figures on two lines
/// alone are no list.
fn list_gap(gap: &str, seps: &[char]) -> bool {
    !gap.is_empty()
        && gap.chars().all(|c| {
            seps.contains(&c) || crate::grammar::trivia::pad(c) || matches!(c, '\n' | '\r')
        })
        && (gap.contains(seps) || gap.bytes().all(|b| b == b' '))
}

/// An ASCII or fullwidth Latin letter.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

/// True for the chars the scanner's loop may act on: clause boundaries,
/// the marks of references and quotes, and every char a production of
/// [`Scanner::try_at`] can start with. Any other char is stepped over.
const fn is_active(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_boundary(c)
        || matches!(
            c,
            ',' | '《'
                | '“'
                | '第'
                | '〔'
                | '['
                | '［'
                | '（'
                | '('
                | '【'
                | '-'
                | '－'
                | '−'
                | '负'
        )
        || digit_value(c).is_some()
        || is_cjk_numeral_def(c)
}

/// [`is_active`] on ASCII, one bit per byte value (bit `b & 63` of word
/// `b >> 6`). (Also read by the walk over a paragraph, `crate::block`.)
pub(crate) const ASCII_ACTIVE: [u64; 2] = {
    let mut m = [0u64; 2];
    let mut b = 0u8;
    while b < 128 {
        if b.is_ascii_alphanumeric() || matches!(b, b',' | b';' | b'!' | b'?' | b'[' | b'(' | b'-')
        {
            // In a constant initializer: a bad index would fail the build.
            #[allow(clippy::indexing_slicing)]
            {
                m[(b >> 6) as usize] |= 1 << (b & 63);
            }
        }
        b += 1;
    }
    m
};

/// [`is_active`] on three-byte chars (U+0800..U+FFFF, lead bytes
/// `E0..=EF`), indexed by the lead byte and the low bits of the second
/// byte, less the first lead byte (`(b0 << 6 | (b1 & 0x3f)) - (0xe0 << 6)`):
/// one bit per value of `b2 & 0x3f`. Any other lead byte falls outside the
/// table, so its bounds check is the test for a three-byte char.
/// Computed at compile time from `is_active` itself; a char is tested with
/// one load and one shift, without decoding it. (Indexing in a constant
/// initializer: a bad index would fail the build, not a parse.) The walk's
/// tables are built from it too (`crate::block`).
#[allow(clippy::indexing_slicing)]
pub(crate) const ACTIVE3_TABLE: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut cp = 0x800u32;
    while cp <= 0xffff {
        if let Some(c) = char::from_u32(cp) {
            if is_active(c) {
                t[(cp >> 6) as usize & 1023] |= 1 << (cp & 63);
            }
        }
        cp += 1;
    }
    t
};

/// [`ACTIVE3_TABLE`], once in memory.
pub(crate) static ACTIVE3: [u64; 1024] = ACTIVE3_TABLE;

/// The byte index of the first active char (see [`is_active`]) at or after
/// the char boundary `i`, or the length of `text`.
pub(crate) fn next_active(text: &str, i: usize) -> usize {
    let t3: &[u64; 1024] = &ACTIVE3;
    let b = text.as_bytes();
    let mut rest = b.get(i..).unwrap_or_default();
    loop {
        // The common case, a run of three-byte chars (all of CJK): one
        // length check, one table load and one bit test per char.
        while let &[b0, b1, b2, ref tail @ ..] = rest {
            let k = ((usize::from(b0) << 6) | usize::from(b1 & 0x3f)).wrapping_sub(0xe0 << 6);
            let Some(w) = t3.get(k) else { break };
            if w >> (b2 & 0x3f) & 1 == 1 {
                return b.len() - rest.len();
            }
            rest = tail;
        }
        let at = b.len() - rest.len();
        match rest.first() {
            None => return text.len(),
            Some(&c @ 0x00..=0x7f) => {
                let word = ASCII_ACTIVE.get(usize::from(c >> 6)).copied().unwrap_or(0);
                if word >> (c & 63) & 1 == 1 {
                    return at;
                }
                rest = rest.get(1..).unwrap_or_default();
            }
            Some(_) => {
                let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else {
                    return at;
                };
                if is_active(c) {
                    return at;
                }
                rest = rest.get(c.len_utf8()..).unwrap_or_default();
            }
        }
    }
}

/// The offsets of the active chars of `text`, stepped over with
/// [`next_active`]: what the walk over a paragraph finds ([`Walked`]).
#[cfg(test)]
pub(crate) fn active_offsets(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut i = next_active(text, 0);
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        out.push(u32::try_from(i).unwrap_or(u32::MAX));
        i = next_active(text, i + c.len_utf8());
    }
    out
}

/// [`next_active`] from the offsets of the active chars the walk found,
/// `at`, looked at from the `k`th on (`k` follows): the first at or after
/// `i`, or `len` (the length of the text).
#[inline(always)]
pub(crate) fn next_walked(at: &[u32], k: &mut usize, i: usize, len: usize) -> usize {
    while let Some(&o) = at.get(*k) {
        let o = o as usize;
        if o >= i {
            return o;
        }
        *k += 1;
    }
    len
}

/// The char at the char boundary `i` of `text`, read from its bytes when
/// it is ASCII or three bytes long (every active char is).
#[inline(always)]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i..)? {
        [b0 @ 0x00..=0x7f, ..] => Some(char::from(b0)),
        [b0 @ 0xe0..=0xef, b1, b2, ..] => char::from_u32(
            (u32::from(b0) & 0x0f) << 12 | (u32::from(b1) & 0x3f) << 6 | (u32::from(b2) & 0x3f),
        ),
        _ => text.get(i..).and_then(|r| r.chars().next()),
    }
}

/// The last chars of the meridiem words (`上午`, `下午`, `早上`, `晚上`,
/// `凌晨`, `傍晚`, `夜间` …).
fn ends_meridiem(c: char) -> bool {
    matches!(c, '午' | '上' | '晨' | '晚' | '间' | '間')
}

/// [`ends_meridiem`], or a pad char allowed between the word and the time.
fn ends_meridiem_or_pad(c: char) -> bool {
    ends_meridiem(c) || matches!(c, ' ' | '\u{3000}')
}

/// A necessary condition for a figure at the start of `s` to be followed,
/// past padding, by a line end: after the run of digits (ASCII and
/// fullwidth), digit-group separators (`,` and spaces) and padding (tab,
/// U+3000, U+00A0), the next byte is `\n` or `\r`. Checked before the
/// figure is read ([`Scanner::try_split_year`]): most figures are not.
fn figure_then_line_end(s: &str) -> bool {
    let b = s.as_bytes();
    let mut k = 0;
    loop {
        match (b.get(k), b.get(k + 1), b.get(k + 2)) {
            (Some(b'0'..=b'9' | b',' | b' ' | b'\t'), ..) => k += 1,
            (Some(0xef), Some(0xbc), Some(0x90..=0x99)) | (Some(0xe3), Some(0x80), Some(0x80)) => {
                k += 3;
            }
            (Some(0xc2), Some(0xa0), _) => k += 2,
            (Some(b'\n' | b'\r'), ..) => return true,
            _ => return false,
        }
    }
}

/// A sufficient condition for [`figure_then_line_end`] to fail on a text
/// that starts with the digit figure `f`, followed by `r`: a decimal point
/// stops its digits short of any line end, and after the figure the next
/// byte must be a line end or one it steps over (digits, `,`, pads; EF C2
/// E3 lead the wide ones).
fn no_line_end_after(r: &str, f: &Figure<'_>) -> bool {
    let goes_on = r.as_bytes().first().is_some_and(|b| {
        matches!(
            b,
            b'0'..=b'9' | b',' | b' ' | b'\t' | b'\n' | b'\r' | 0xef | 0xe3 | 0xc2
        )
    });
    f.frac || !goes_on
}

/// When the digit figure `f` (followed by `r`) is a run of ASCII digits
/// alone (no group, no decimal part: as many bytes as digits), the char
/// after that run, which is the char after the number `date_may_start`
/// reads (the same digits): `Some(next char)`; `None` for any other
/// figure.
fn digits_then(r: &str, f: &Figure<'_>) -> Option<Option<char>> {
    (!f.frac && f.text.len() == f.int_digits).then(|| r.chars().next())
}

/// `s.chars().count() <= n`, without counting a long text to its end.
fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= 4 * n && s.chars().nth(n).is_none())
}

/// Longest text a quoted term may have to count as a name (its numerals
/// are then part of the name, not figures).
const NAME_QUOTE_MAX_CHARS: usize = 24;

/// `s` without its whitespace (borrowed when it has none).
fn despaced(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_whitespace) {
        Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

struct Scanner<'a, 's> {
    /// The whole input (entity spans point into it).
    src: &'a str,
    /// The text scanned: `src` at `base..`.
    text: &'a str,
    base: usize,
    sink: &'s mut InlineSink<'a>,
    /// End of the last entity (relative).
    last_end: usize,
    /// Start of the current clause (relative).
    clause_start: usize,
    /// Cached clause end: (searched from, found end).
    clause_cache: (usize, usize),
    /// The last quantity's change and end, for lists `增长6.9%、4.2%`.
    last_change: Option<(Change<'a>, usize)>,
    /// The `digit_figure` read last: (where, what it read). The word,
    /// name and quantity productions all start by reading it.
    digit_read: Option<(usize, Option<(&'a str, Figure<'a>)>)>,
    /// Where the line ends are.
    line_ends: LineEnds<'a>,
    /// The numeral run read last: (where, its end). The CJK word rules
    /// and the figure rule both skip the run at a CJK numeral.
    run_read: (usize, usize),
}

/// Line ends (`\n` `\r`) in a text, asked about window by window: one
/// forward byte search serves every window up to the line end it found
/// (the scanner's windows move forward with the scan).
struct LineEnds<'a> {
    text: &'a str,
    /// The first line end at or after a position: (the position, where;
    /// the text's length when there is none).
    cache: Cell<(usize, usize)>,
}

impl<'a> LineEnds<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            cache: Cell::new((usize::MAX, 0)),
        }
    }

    /// Does `text[a..b]` hold a line end?
    fn within(&self, a: usize, b: usize) -> bool {
        let (from, found) = self.cache.get();
        let found = if from <= a && a <= found {
            found
        } else {
            let found = self
                .text
                .as_bytes()
                .get(a..)
                .and_then(|r| memchr::memchr2(b'\n', b'\r', r))
                .map_or(self.text.len(), |k| a + k);
            self.cache.set((a, found));
            found
        };
        found < b
    }
}

impl<'a> Scanner<'a, '_> {
    fn abs(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    /// Push an entity (inlined at every call: the ~200-byte kind is
    /// built in place rather than passed by copy).
    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, kind: EntityKind<'a>) {
        let text = self.text.get(start..end).unwrap_or("");
        let span = self.abs(start, end);
        let numeric = matches!(
            kind,
            EntityKind::Quantity(_) | EntityKind::Date(_) | EntityKind::Number(_)
        );
        if numeric {
            self.number_split(start, end, span);
        }
        self.sink.entities.push(self.src, span, text, kind);
        self.last_end = end;
    }

    /// The diagnostic of a number broken by a line end, when `start..end`
    /// (at `span`) holds one.
    #[inline(always)]
    fn number_split(&mut self, start: usize, end: usize, span: Span) {
        if self.line_ends.within(start, end) && !self.suffix_broken_off(start, end) {
            // Fixed text (the number is the text at the span): a page
            // wrapped at a fixed width breaks a number on every few lines.
            self.sink.diagnostics.push(Diagnostic::new(
                DiagnosticCode::NumberSplit,
                span,
                "number broken by a line end",
            ));
        }
    }

    /// The one line end in `start..end` parts only an approximation suffix
    /// from the quantity (`95%⏎以上`): no number is broken.
    #[inline(never)]
    fn suffix_broken_off(&self, start: usize, end: usize) -> bool {
        let t = self.text.get(start..end).unwrap_or("");
        let Some(k) = t.find(['\n', '\r']) else {
            return false;
        };
        let rest = t.get(k..).unwrap_or("").trim_start_matches(['\r', '\n']);
        let after = rest.trim_start_matches(crate::grammar::trivia::pad);
        !rest.contains(['\n', '\r'])
            && crate::grammar::quantity::approx_suffix(after).is_ok_and(|(r, _)| r.is_empty())
    }

    fn clause_end(&mut self, from: usize) -> usize {
        let (f, e) = self.clause_cache;
        if f <= from && from <= e && e > 0 {
            return e;
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let mut end = text.len();
        // Only the lead bytes of the boundary chars are looked at: `，`
        // `；` `！` `？` start with EF, `。` with E3.
        let lead = |b: u8| matches!(b, b',' | b';' | b'!' | b'?' | 0xe3 | 0xef);
        let mut k = from;
        while text.is_char_boundary(from) {
            let Some(h) = crate::skip::find_char(text, k, lead) else {
                break;
            };
            let Some(c) = text.get(h..).and_then(|r| r.chars().next()) else {
                break;
            };
            // A comma between ASCII digits groups thousands (the char
            // before is a digit only when its one byte is).
            let grouping = c == ','
                && h > from
                && bytes.get(h - 1).is_some_and(u8::is_ascii_digit)
                && bytes.get(h + 1).is_some_and(u8::is_ascii_digit);
            if is_boundary(c) || (c == ',' && !grouping) {
                end = h;
                break;
            }
            k = h + c.len_utf8();
        }
        self.clause_cache = (from, end);
        end
    }

    /// Start of the window to look back into for prefixes and change verbs.
    fn back_window(&self, at: usize, max: usize) -> usize {
        let mut s = at
            .saturating_sub(max)
            .max(self.clause_start)
            .max(self.last_end);
        while s < at && !self.text.is_char_boundary(s) {
            s += 1;
        }
        s.min(at)
    }

    /// Push a rank or numbered thing: the figure at `start..figure_end`
    /// followed by its word, one char (`前10名`, `前三位`, `15号`, `500强`,
    /// `15號`), as an ordinal with the canonical `unit`; returns where it
    /// ends.
    fn push_rank(
        &mut self,
        start: usize,
        figure_end: usize,
        value: u64,
        unit: &'static str,
    ) -> usize {
        // The word as written: one char, traditional or not.
        let written = self
            .text
            .get(figure_end..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
        let end = figure_end + written;
        let unit = Some(Cow::Borrowed(unit));
        self.push(start, end, EntityKind::Ordinal(Ordinal { value, unit }));
        end
    }

    /// Push the quantity `q` read at `start..end`; `last` is the char
    /// right before `start` (the caller has read it).
    fn emit_quantity(
        &mut self,
        start: usize,
        end: usize,
        q: &mut QuantityMatch<'a>,
        negative: bool,
        last: Option<char>,
    ) {
        // Read in place (the match is large): only the unit is taken out.
        let Some(mut value) = q.value else {
            self.overflow(start, end);
            return;
        };
        // Approximation prefix (近 约 超过 …) right before the figure (the
        // window ends with the char before it, or is empty).
        let found = if last.is_some_and(crate::grammar::quantity::ends_approx_prefix) {
            let w = self.back_window(start, 9);
            approx_prefix(self.text.get(w..start).unwrap_or(""))
        } else {
            None
        };
        let (pstart, pre) = match found {
            Some((len, a)) => (start - len, Some(a)),
            None => (start, None),
        };
        if negative {
            value = value.neg();
        }
        let approx = q.approx.or(pre);
        let mut unit = q.unit.take();
        if let Some(u) = unit.as_mut() {
            if u.canonical == "个" && shares_point_unit(self.text.get(end..).unwrap_or("")) {
                u.canonical = Cow::Borrowed("百分点");
                u.class = crate::grammar::unit::UnitClass::Percent;
            }
        }
        let Some(u) = unit else {
            let kind = EntityKind::Number(Number {
                value: to_decimal(value),
                scale: q.scale,
                approx,
            });
            self.push(pstart, end, kind);
            return;
        };
        // A list of bare figures sharing this unit: 提高3.9、2.0、2.9个百分点,
        // 3、5、7万元. The earlier figures (plain numbers so far) take the
        // unit, and the scale when they have none of their own.
        let list_start = self.distribute_unit(pstart, &u, q.scale, q.magnitude);
        // Change: a verb right before (同比下降37.1%), or inherited through a
        // list (增长6.9%、4.2%和3.1%).
        let at = list_start.unwrap_or(pstart);
        let last_at = if at == start {
            last
        } else {
            self.text.get(..at).and_then(|t| t.chars().next_back())
        };
        let mut change = self.change_before(at, last_at);
        // 提升 before a count is an upgrade done to so many things (提升39个
        // 欠发达县域, 农房风貌提升26.4万户, 林分优化提升200万亩; 加快6个
        // 电站建设 alike), not a
        // change: a change for rates, places in a ranking (排名提升4位) and
        // levels (提升2个等级), or with a basis.
        let closes = || {
            let after = self.text.get(end..).unwrap_or("");
            matches!(&*u.canonical, "位" | "名" | "级" | "位次")
                || ["等级", "等次", "位次", "个位次"]
                    .iter()
                    .any(|w| crate::grammar::fold::strip_prefix_folded(after, w).is_some())
        };
        if change.as_ref().is_some_and(|c| {
            matches!(
                &*c.verb,
                "提升" | "加快" | "放缓" | "放緩" | "减缓" | "減緩"
            ) && c.basis.is_none()
                && !closes()
                && !matches!(
                    u.class,
                    crate::grammar::unit::UnitClass::Percent
                        | crate::grammar::unit::UnitClass::Ratio
                )
        }) {
            change = None;
        }
        if let (Some(ls), Some(c)) = (list_start, &change) {
            let from = self.base + ls;
            let found = &mut self.sink.entities;
            for i in (0..found.len()).rev() {
                let Some((span, kind)) = found.kind(i) else {
                    break;
                };
                if span.start() < from {
                    break;
                }
                if kind != Kind::Quantity {
                    continue;
                }
                if let Some(crate::entity::Entity {
                    kind: EntityKind::Quantity(mut qq),
                    ..
                }) = found.get(self.src, i)
                {
                    if qq.change.is_none() {
                        qq.change = Some(c.clone());
                        found.set(self.src, i, EntityKind::Quantity(qq));
                    }
                }
            }
        }
        // 分别比上年增长5.6%、下降2.3%: a verb listed right after a changed
        // figure, with no basis of its own, shares that figure's basis.
        if let (Some(ch), Some((c, e))) = (change.as_mut(), &self.last_change) {
            if ch.basis.is_none() && c.basis.is_some() && *e >= self.clause_start {
                let between = self.text.get(*e..pstart).unwrap_or("");
                let rest = between.trim_start_matches(|c| {
                    matches!(c, '、' | '和' | '及' | '与' | '\n' | '\r')
                        || crate::grammar::trivia::pad(c)
                });
                let gap = between.get(..between.len() - rest.len()).unwrap_or("");
                if list_gap(gap, &['、', '和', '及', '与'])
                    && change_verb(rest).is_some_and(|(_, _, k)| k == 0)
                {
                    ch.basis.clone_from(&c.basis);
                }
            }
        }
        if change.is_none() {
            if let Some((c, e)) = &self.last_change {
                let between = self.text.get(*e..pstart).unwrap_or("x");
                if *e >= self.clause_start
                    && list_gap(between, &['、', '和', '及', '与', '至', '到'])
                {
                    change = Some(c.clone());
                }
            }
        }
        let clause_end = self.clause_end(end).max(end);
        let clause = self.abs(self.clause_start.min(pstart), clause_end);
        let range = q.high.map(|h| Range {
            low: to_decimal(value),
            high: to_decimal(h),
        });
        self.last_change = change.clone().map(|c| (c, end));
        let unit_text = self.written_unit(q.magnitude, u.text);
        // Packed straight from these parts when it fits (no Quantity is
        // built); the whole kind otherwise.
        let fields = QuantityFields {
            value: to_decimal(value),
            unit: &u.canonical,
            unit_text: &unit_text,
            scale: q.scale,
            approx,
            ranged: range.is_some(),
            change: change.as_ref(),
            clause,
        };
        let text = self.text.get(pstart..end).unwrap_or("");
        let span = self.abs(pstart, end);
        if self
            .sink
            .entities
            .push_quantity(self.src, span, text, &fields)
        {
            self.number_split(pstart, end, span);
            self.last_end = end;
            return;
        }
        let kind = EntityKind::Quantity(Quantity {
            value: to_decimal(value),
            unit: u.canonical,
            unit_text,
            scale: q.scale,
            approx,
            range,
            change,
            clause,
        });
        self.push(pstart, end, kind);
    }

    /// The unit as written: the scale words `magnitude` (may be empty)
    /// and the unit `unit`, both parts of the text; borrowed when they are
    /// written together (`万元`), joined otherwise (`万 元`).
    fn written_unit(&self, magnitude: &'a str, unit: &'a str) -> Cow<'a, str> {
        if magnitude.is_empty() {
            return Cow::Borrowed(unit);
        }
        let base = self.text.as_ptr() as usize;
        let m = (magnitude.as_ptr() as usize).wrapping_sub(base);
        let u = (unit.as_ptr() as usize).wrapping_sub(base);
        match self.text.get(m..u.saturating_add(unit.len())) {
            Some(both) if m + magnitude.len() == u => Cow::Borrowed(both),
            _ => Cow::Owned(format!("{magnitude}{unit}")),
        }
    }

    /// The change written right before `at` in the clause (`last`: the
    /// char right before `at`).
    fn change_before(&self, at: usize, last: Option<char>) -> Option<Change<'a>> {
        // The window ends with the char right before `at` (or is empty),
        // line ends aside (they count as pads): change_verb finds nothing
        // unless that char may end a verb.
        if !last.is_some_and(crate::grammar::quantity::may_end_change) {
            return None;
        }
        // The window ends at the entity before `at` (not at the last one
        // pushed: `at` may start a list of figures already pushed).
        // Dates may sit inside the basis (比2020年增长): only figures bound it.
        let found = &self.sink.entities;
        let floor = (0..found.len())
            .rev()
            .filter_map(|i| found.kind(i))
            .filter(|(_, k)| matches!(k, Kind::Quantity | Kind::Number))
            .map(|(span, _)| span.end())
            .find(|&e| e <= self.base + at)
            .map_or(0, |e| e.saturating_sub(self.base));
        let mut w = at.saturating_sub(60).max(self.clause_start).max(floor);
        while w < at && !self.text.is_char_boundary(w) {
            w += 1;
        }
        let w = w.min(at);
        let before: &'a str = self.text.get(w..at).unwrap_or("");
        if !self.line_ends.within(w, at) {
            // The basis is a part of the text: borrowed (spaced out, it
            // reads joined).
            return change_verb(before).map(|(verb, direction, k)| Change {
                direction,
                basis: before
                    .get(..k)
                    .and_then(change_basis)
                    .map(despaced)
                    .or_else(|| self.basis_clause_before().map(Cow::Borrowed)),
                verb: Cow::Borrowed(verb),
            });
        }
        // A verb broken by a line end (比上年增⏎长6.1%) reads joined.
        let joined: String = before.chars().filter(|&c| c != '\n' && c != '\r').collect();
        change_verb(&joined).map(|(verb, direction, k)| {
            let basis = joined
                .get(..k)
                .and_then(change_basis)
                // A basis broken over lines (比⏎2010⏎年) reads joined; one
                // that is not is borrowed.
                .map(
                    |b| match before.rfind(b).and_then(|i| before.get(i..i + b.len())) {
                        Some(written) => despaced(written),
                        None => Cow::Owned(despaced(b).into_owned()),
                    },
                )
                .or_else(|| self.basis_clause_before().map(Cow::Borrowed));
            Change {
                direction,
                basis,
                verb: Cow::Borrowed(verb),
            }
        })
    }

    /// `与上年同期相比，增长8.9%`: a clause that is only a basis, right
    /// before this one (bounded look-back).
    fn basis_clause_before(&self) -> Option<&'a str> {
        let p1 = self
            .text
            .get(..self.clause_start)?
            .strip_suffix(['，', ','])?;
        let p2 = p1.strip_suffix("相比")?;
        let mut w = p2.len().saturating_sub(36);
        while w < p2.len() && !p2.is_char_boundary(w) {
            w += 1;
        }
        let win = p2.get(w..)?;
        // 同 also starts 同期: it opens the phrase only without 与 / 和.
        let j = win.rfind(['与', '與', '和']).or_else(|| win.rfind('同'))?;
        let phrase = p1.get(w + j..)?;
        let n = phrase.chars().count();
        ((4..=14).contains(&n) && !phrase.contains(['，', ',', '、', '。', '；', '：', '\n']))
            .then_some(phrase)
    }

    /// Turn the plain numbers listed right before `at` (joined by `、` `和`
    /// `及` `与`) into quantities of unit `u`; returns the start (relative)
    /// of the first one, when there is any.
    fn distribute_unit(
        &mut self,
        at: usize,
        u: &crate::grammar::unit::UnitMatch<'a>,
        scale: u32,
        magnitude: &'a str,
    ) -> Option<usize> {
        // Most quantities follow no bare number.
        let n = self.sink.entities.len();
        if !matches!(
            n.checked_sub(1).and_then(|i| self.sink.entities.kind(i)),
            Some((_, Kind::Number))
        ) {
            return None;
        }
        let mut cur = at;
        let mut first = None;
        let mut idx = n;
        while idx > 0 {
            let Some(e) = self.sink.entities.get(self.src, idx - 1) else {
                break;
            };
            let EntityKind::Number(n) = &e.kind else {
                break;
            };
            // A fraction (1/10) is a share, no count: it takes no unit.
            if e.text.contains(['/', '／']) {
                break;
            }
            let (nvalue, nscale0, approx) = (n.value, n.scale, n.approx);
            let (es, ee) = (e.span.start(), e.span.end());
            if es < self.base || ee > self.base + cur {
                break;
            }
            let between = self.text.get(ee - self.base..cur).unwrap_or("x");
            // An ASCII comma between bare figures lists them too (3,5,7所;
            // a thousands group `3,500` is read by the figure grammar).
            if !matches!(between, "、" | "和" | "及" | "与" | ",") {
                break;
            }
            let value = if nscale0 == 0 {
                nvalue.checked_mul_pow10(scale)
            } else {
                Some(nvalue)
            };
            let Some(value) = value else { break };
            let clause_end = self.clause_end(at).max(at);
            let clause = self.abs(self.clause_start.min(es - self.base), clause_end);
            let nscale = if nscale0 == 0 { scale } else { nscale0 };
            // A figure with its own scale (3万、5亿元) takes the unit only.
            let unit_text = if nscale0 == 0 {
                self.written_unit(magnitude, u.text)
            } else {
                Cow::Borrowed(u.text)
            };
            let kind = EntityKind::Quantity(Quantity {
                value,
                unit: u.canonical.clone(),
                unit_text,
                scale: nscale,
                approx,
                range: None,
                change: None,
                clause,
            });
            self.sink.entities.set(self.src, idx - 1, kind);
            cur = es - self.base;
            first = Some(cur);
            idx -= 1;
        }
        first
    }

    fn overflow(&mut self, start: usize, end: usize) {
        let span = self.abs(start, end);
        self.sink.diagnostics.push(Diagnostic::new(
            DiagnosticCode::NumberOverflow,
            span,
            "number too large to hold exactly",
        ));
        self.last_end = end;
    }

    /// Skip the run of numeral chars (digits, CJK numerals) at `i` (read
    /// once per position).
    fn skip_run(&mut self, i: usize) -> usize {
        let (at, end) = self.run_read;
        if at == i {
            return end;
        }
        let end = skip_run_at(self.text, i);
        self.run_read = (i, end);
        end
    }

    /// True when the arabic figure at `i` is an enumeration marker (`1、`,
    /// `2.`, `(3)`, `[2]`), which is no entity.
    fn is_marker(&self, i: usize, prev: Option<char>) -> Option<usize> {
        // Both forms below need the char before to be an opening bracket
        // or a line start; most figures follow a word, and are done here.
        let opener = matches!(prev, Some('(' | '（' | '[' | '［' | '【' | '〔'));
        let at_line_start = prev.is_none_or(|p| {
            matches!(p, '\n' | '\r' | '。' | '；' | '：' | ':' | ';')
                || crate::grammar::trivia::pad(p)
        });
        if !opener && !at_line_start {
            return None;
        }
        let rest = self.text.get(i..).unwrap_or("");
        let n = rest
            .chars()
            .take_while(|c| digit_value(*c).is_some())
            .count();
        if n == 0 || n > 2 {
            return None;
        }
        let len: usize = rest.chars().take(n).map(char::len_utf8).sum();
        let after = rest.get(len..).unwrap_or("");
        let next = after.chars().next();
        let next2 = after.chars().nth(1);
        // Bracketed: (1) （1） [1] ［1］ 【1】 〔1〕
        let pairs = [
            ('(', ')'),
            ('（', '）'),
            ('[', ']'),
            ('［', '］'),
            ('【', '】'),
            ('〔', '〕'),
        ];
        if let (Some(p), Some(nx)) = (prev, next) {
            if pairs.iter().any(|&(o, c)| o == p && c == nx) {
                return Some(i + len + nx.len_utf8());
            }
        }
        // Line-initial 1、 1. 1．
        if at_line_start {
            if let Some(nx) = next {
                let dot =
                    matches!(nx, '.' | '．') && next2.is_none_or(|c| digit_value(c).is_none());
                if nx == '、' || dot || (matches!(nx, ')' | '）') && prev.is_none_or(|p| p != '('))
                {
                    return Some(i + len + nx.len_utf8());
                }
            }
        }
        None
    }

    /// Arabic name patterns: `1+6`, `7×24小时`, `5+2`: skipped whole.
    /// `digit_figure` at `i` (read once per position).
    fn digit_figure_at(&mut self, i: usize) -> Option<(&'a str, Figure<'a>)> {
        // Compared in place: the read is copied out only when it is the one.
        if let Some((at, read)) = &self.digit_read {
            if *at == i {
                return *read;
            }
        }
        // Read into the cache, then copied out once.
        let slot = &mut self.digit_read.insert((i, None)).1;
        if let Some(Ok(read)) = self.text.get(i..).map(crate::grammar::figure::digit_figure) {
            *slot = Some(read);
        }
        *slot
    }

    fn name_pattern(&mut self, i: usize) -> Option<usize> {
        let rest = self.text.get(i..).unwrap_or("");
        let (mut r, _) = self.digit_figure_at(i)?;
        // Every operator starts with one of these bytes (`×` C3, `＋`
        // `＊` EF): most figures are followed by none.
        if !r
            .as_bytes()
            .first()
            .is_some_and(|b| matches!(b, b'+' | b'*' | 0xc3 | 0xef))
        {
            return None;
        }
        let mut joined = false;
        while let Some(r2) = ['+', '×', '＋', '*', '＊']
            .iter()
            .find_map(|op| r.strip_prefix(*op))
        {
            let next = r2.strip_prefix('N').or_else(|| r2.strip_prefix('n'));
            if let Some(r3) = next {
                r = r3;
                joined = true;
                continue;
            }
            let Ok((r3, _)) = crate::grammar::figure::digit_figure(r2) else {
                break;
            };
            r = r3;
            joined = true;
        }
        if !joined {
            return None;
        }
        // The measure after 7×24 belongs to the name too.
        if let Ok((r3, _)) = crate::grammar::unit::unit(r) {
            r = r3;
        }
        Some(i + rest.len() - r.len())
    }

    /// Scan the text, whose `《》“”` pairs are `marks`, and whose active
    /// chars are at the offsets `walked` when the walk found them (else
    /// they are searched for, [`next_active`]).
    fn run(&mut self, marks: &RefsQuotes, walked: Option<&[u32]>) {
        let text = self.text;
        let (refs, quotes) = (&marks.refs, &marks.quotes);
        for &u in &refs.unclosed {
            let span = self.abs(u, u + '《'.len_utf8());
            self.sink.diagnostics.push(Diagnostic::new(
                DiagnosticCode::UnclosedReference,
                span,
                "《 without its 》",
            ));
        }
        for &u in &refs.unmatched {
            let span = self.abs(u, u + '》'.len_utf8());
            self.sink.diagnostics.push(Diagnostic::new(
                DiagnosticCode::UnclosedReference,
                span,
                "》 without its 《",
            ));
        }
        for &u in &quotes.unclosed {
            let span = self.abs(u, u + '“'.len_utf8());
            self.sink.diagnostics.push(Diagnostic::new(
                DiagnosticCode::UnclosedQuote,
                span,
                "“ without its ”",
            ));
        }
        for &(s, e) in &quotes.pairs {
            let span = self.abs(s, e);
            self.sink.quotes.push(span);
        }
        let mut ref_idx = 0usize;
        let mut quote_idx = 0usize;
        let mut suppress_end = 0usize;
        let mut i = 0usize;
        // The next of `walked` to look at.
        let mut k = 0usize;
        loop {
            // Chars that start nothing (most CJK text) are stepped over
            // without the checks below: each would only move on.
            i = match walked {
                Some(at) => next_walked(at, &mut k, i, text.len()),
                None => next_active(text, i),
            };
            let Some(c) = char_at(text, i) else {
                break;
            };
            let clen = c.len_utf8();
            // Fast path: clause boundaries (the char before is read only
            // when it matters: a `,` after a digit groups thousands).
            if is_boundary(c) {
                self.clause_start = i + clen;
                i += clen;
                continue;
            }
            // The char before is an ASCII digit exactly when its last byte
            // is one (an ASCII byte is always a whole char).
            let after_digit = || {
                i.checked_sub(1)
                    .and_then(|k| text.as_bytes().get(k))
                    .is_some_and(u8::is_ascii_digit)
            };
            if c == ',' && !after_digit() {
                self.clause_start = i + clen;
                i += clen;
                continue;
            }
            // References.
            while refs.pairs.get(ref_idx).is_some_and(|&(s, _)| s < i) {
                ref_idx += 1;
            }
            if let Some(&(s, e)) = refs.pairs.get(ref_idx) {
                if s == i && i >= self.last_end {
                    let title = self.abs(s + '《'.len_utf8(), e - '》'.len_utf8());
                    self.push(s, e, EntityKind::Reference(Reference { title }));
                    ref_idx += 1;
                    i = e;
                    continue;
                }
            }
            // Quoted names: numerals inside are part of the name.
            while quotes.pairs.get(quote_idx).is_some_and(|&(s, _)| s < i) {
                quote_idx += 1;
            }
            if let Some(&(s, e)) = quotes.pairs.get(quote_idx) {
                if s == i {
                    let inner = text
                        .get(s + '“'.len_utf8()..e - '”'.len_utf8())
                        .unwrap_or("");
                    // A name is short and on one line (a quote spanning a
                    // line break is prose, whatever the line-end style).
                    let is_name = at_most_chars(inner, NAME_QUOTE_MAX_CHARS)
                        && !inner.contains(['，', '。', '；', ',', ';', '：', '\n', '\r']);
                    if is_name {
                        suppress_end = e;
                        // “12345” / “3 15”: a bare code in quotes.
                        let code = !inner.is_empty()
                            && inner.bytes().any(|b| b.is_ascii_digit())
                            && inner.chars().all(|c| {
                                c.is_ascii_digit()
                                    || matches!(c, ' ' | '·' | '.' | '-' | '\u{3000}' | '\u{a0}')
                            });
                        // “110”: an emergency number named in quotes (“1·22”
                        // is a date-like name). Only for a code: most quoted
                        // terms are words.
                        let phone = code && {
                            let digits: String =
                                inner.chars().filter(char::is_ascii_digit).collect();
                            phone_like(&digits) || emergency_number(inner)
                        };
                        if code && (phone || inner.contains([' ', '·', '\u{3000}', '\u{a0}'])) {
                            let a = s + '“'.len_utf8();
                            let scheme = if phone {
                                IdentifierScheme::Phone
                            } else {
                                IdentifierScheme::Code
                            };
                            self.push(
                                a,
                                a + inner.len(),
                                EntityKind::Identifier(Identifier { scheme }),
                            );
                        }
                    }
                }
            }
            if i < suppress_end || i < self.last_end {
                i += clen;
                continue;
            }
            let prev = text.get(..i).and_then(|s| s.chars().next_back());
            let next = self.try_at(i, c, prev);
            match next {
                Some(n) if n > i => {
                    i = n;
                }
                _ => {
                    i += clen;
                }
            }
        }
    }

    /// Try every production at `i`, in the order of the grammar's section 4
    /// comment; returns where to continue, or `None` when nothing starts
    /// here.
    fn try_at(&mut self, i: usize, c: char, prev: Option<char>) -> Option<usize> {
        let rest = self.text.get(i..).unwrap_or("");
        if c == '第' {
            return self.try_ordinal(i, rest);
        }
        if matches!(c, '〔' | '[' | '［' | '（' | '(' | '【') {
            return self.try_doc_number(i, rest);
        }
        if c.is_ascii_alphabetic() || c.is_ascii_digit() {
            match self.try_token(i, c, prev, rest) {
                Step::Done(end) => return Some(end),
                Step::NoStart => return None,
                Step::Figure => {}
            }
        }
        let is_digit = digit_value(c).is_some();
        if is_digit && !c.is_ascii_digit() {
            if let Some(end) = self.fullwidth_token(i, prev, rest) {
                return Some(end);
            }
        }
        let is_cjk = is_cjk_numeral_char(c);
        if !is_digit && !is_cjk {
            return self.try_negative(i, c, prev, rest);
        }
        // 零下18℃: below zero, a negative quantity.
        if let Some(body) = rest.strip_prefix("零下") {
            if let Ok((r, mut q)) = quantity(body) {
                if q.unit.is_some() {
                    let end = i + rest.len() - r.len();
                    self.emit_quantity(i, end, &mut q, true, prev);
                    return Some(end);
                }
            }
        }
        if is_cjk {
            if let Some(end) = self.cjk_word(i, c, prev, rest) {
                return Some(end);
            }
            // 四是, 一定: no date goes on from the char after the run (as
            // try_date tests it) and no quantity starts here (the quick
            // reject quantity_read starts with): the run is skipped as
            // figure() would skip it.
            let end = self.skip_run(i);
            let after = self.text.get(end..).unwrap_or("");
            if !after
                .chars()
                .next()
                .is_some_and(|n| date_may_follow(n, false))
                && small_run_stops_at(rest, end - i)
            {
                return Some(end);
            }
        }
        if is_digit {
            if let Some(end) = self.arabic_word(i, prev) {
                return Some(end);
            }
        }
        if let Some(end) = self.try_date(i, c, prev, rest) {
            return Some(end);
        }
        if is_digit {
            if let Some(end) = self.try_split_year(i, rest) {
                return Some(end);
            }
        }
        Some(self.figure(i, rest, prev))
    }

    /// PM⏎2.5: does a token at `i` (after `prev`) continue the word of
    /// letters (ASCII or fullwidth) the line before ends with, whatever pads
    /// the break (trailing spaces, the next line's indent)?
    #[inline(always)]
    fn continues_word_over_line_end(&self, i: usize, prev: Option<char>) -> bool {
        // Most tokens follow a word or a digit: only a gap is looked into.
        prev.is_some_and(|p| matches!(p, '\n' | '\r') || crate::grammar::trivia::pad(p))
            && self.gap_after_word(i)
    }

    /// [`Self::continues_word_over_line_end`] once the char before `i` is
    /// a line end or a pad.
    #[inline(never)]
    fn gap_after_word(&self, i: usize) -> bool {
        // Back over the gap; most gaps are one space after a word.
        let mut line_end = false;
        for c in self.text.get(..i).unwrap_or("").chars().rev() {
            if matches!(c, '\n' | '\r') {
                line_end = true;
            } else if !crate::grammar::trivia::pad(c) {
                return line_end && is_letter(c);
            }
        }
        false
    }

    /// A token led by a fullwidth digit, read by the rules [`Self::try_token`]
    /// applies to ASCII tokens, fullwidth letters counting as letters: a
    /// figure after a letter (`ＰＭ２．５`, `G２０`) or followed by letters
    /// that are no unit (`５Ｇ`, `５G`) is a name, skipped whole; a small
    /// fraction (`１／４`) is a number. `None` when no rule takes the token
    /// (a plain figure, or a figure and a unit: `３km`, `３ｋｍ`).
    ///
    /// ```ebnf
    /// fullwidth_token ::= [０-９] ([０-９Ａ-Ｚａ-ｚA-Za-z0-9] | [.．/／])*
    /// ```
    fn fullwidth_token(&mut self, i: usize, prev: Option<char>, rest: &'a str) -> Option<usize> {
        let in_token = |c: char| {
            is_letter(c) || digit_value(c).is_some() || matches!(c, '.' | '．' | '/' | '／')
        };
        let len = rest.find(|c: char| !in_token(c)).unwrap_or(rest.len());
        let tok = rest.get(..len)?;
        let end = i + len;
        if prev.is_some_and(is_letter) || self.continues_word_over_line_end(i, prev) {
            return Some(end);
        }
        // The token in ASCII (every char of it has an ASCII form).
        let ascii: String = tok
            .chars()
            .map(|c| match c as u32 {
                0xff01..=0xff5e => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                _ => c,
            })
            .collect();
        if ascii.bytes().any(|b| b.is_ascii_alphabetic()) {
            let unit = quantity(&ascii).is_ok_and(|(r, q)| q.unit.is_some() && r.is_empty());
            return (!unit).then_some(end);
        }
        let (a, b) = ascii.split_once('/')?;
        // `８．６／１０万`: a rate, a quantity.
        if quantity(rest).is_ok_and(|(r, q)| q.unit.is_some() && r.len() <= rest.len() - len)
            || rest
                .get(len..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_cjk_numeral_char)
        {
            return None;
        }
        let small =
            |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|c| c.is_ascii_digit());
        if !(small(a) && small(b)) {
            return None;
        }
        if let Some(v) = fraction_value(a, b) {
            let value = to_decimal(v);
            self.push(
                i,
                end,
                EntityKind::Number(Number {
                    value,
                    scale: 0,
                    approx: None,
                }),
            );
        }
        Some(end)
    }

    /// `第一批`, `第9名`; fixed terms (`第一责任人`, `第三产业`) are skipped.
    fn try_ordinal(&mut self, i: usize, rest: &'a str) -> Option<usize> {
        if let Ok((r, _)) = slogan(rest) {
            return Some(i + rest.len() - r.len());
        }
        let (r, (v, unit)) = ordinal(rest).ok()?;
        let end = i + rest.len() - r.len();
        self.push(
            i,
            end,
            EntityKind::Ordinal(Ordinal {
                value: v,
                unit: unit.map(Cow::Borrowed),
            }),
        );
        Some(end)
    }

    /// `运政函〔2022〕3号`: the issuer code is read backwards.
    fn try_doc_number(&mut self, i: usize, rest: &'a str) -> Option<usize> {
        let (r, (year, serial)) = doc_number(rest).ok()?;
        let w = self.back_window(i, 40).max(self.last_end);
        let before = self.text.get(w..i).unwrap_or("");
        // 晋政办发 〔2023〕12号: one pad char between code and bracket.
        let padded = before
            .strip_suffix([' ', '\u{3000}', '\u{a0}'])
            .filter(|b| issuer_code_len(b) > 0);
        let start = match padded {
            Some(b) => w + b.len() - issuer_code_len(b),
            None => i - issuer_code_len(before),
        };
        let end = i + rest.len() - r.len();
        let issuer_code = self
            .text
            .get(start..i)
            .unwrap_or("")
            .trim_end_matches([' ', '\u{3000}', '\u{a0}'])
            .to_string();
        self.push(
            start,
            end,
            EntityKind::DocNumber(DocNumber {
                issuer_code,
                year,
                serial,
            }),
        );
        Some(end)
    }

    /// Alphanumeric tokens: index numbers, codes, fractions, names like
    /// `PM2.5` / `5G` (skipped); a token that is a figure goes on.
    fn try_token(&mut self, i: usize, c: char, prev: Option<char>, rest: &'a str) -> Step {
        let ascii_digit = c.is_ascii_digit();
        if is_ascii_alnum(prev) {
            return Step::NoStart;
        }
        let Ok((r, tok)) = code_token(rest) else {
            return Step::NoStart;
        };
        let end = i + tok.len();
        if self.continues_word_over_line_end(i, prev) {
            return Step::Done(end);
        }
        // HTML character references (&9826;) are markup, not figures.
        if matches!(prev, Some('&' | '#')) {
            return Step::Done(end);
        }
        // A plain run of digits (2022, 29000), the most common token, is
        // a figure: no rule below takes it (no letter, no slash, no
        // separator).
        if tok.bytes().all(|b| b.is_ascii_digit()) {
            return Step::Figure;
        }
        // GB/T 9704-2012, DB14/T 1234-2020: a standard's code and number
        // (the year after the dash is part of it).
        if let Some(n) = standard_number(tok, r) {
            let end = end + n;
            let scheme = IdentifierScheme::Code;
            self.push(i, end, EntityKind::Identifier(Identifier { scheme }));
            return Step::Done(end);
        }
        // A word without a digit (GDP, APP, e-Gov): every rule below needs
        // one (a figure starts the token, a fraction's parts and an
        // identifier hold digits), and a word is skipped whole.
        if !ascii_digit && !tok.bytes().any(|b| b.is_ascii_digit()) {
            return Step::Done(end);
        }
        let has_letter = tok.bytes().any(|b| b.is_ascii_alphabetic());
        // A figure followed by an ASCII unit (100km, 5t, 12.5mg/L) or a rate
        // (8.6/10万) is a quantity.
        let unit_quantity = || {
            ascii_digit
                && quantity(rest).is_ok_and(|(r2, q)| q.unit.is_some() && r2.len() <= r.len())
        };
        // Tokens are short: one byte loop finds the slash for both tests.
        let slash = tok.bytes().position(|b| b == b'/');
        if slash.is_some() && unit_quantity() {
            return Step::Figure;
        }
        // 1/10, 3/4: a fraction is a plain number when its value is exact.
        let split = slash.and_then(|k| Some((tok.get(..k)?, tok.get(k + 1..)?)));
        if let Some((a, b)) = split {
            let small =
                |x: &str| !x.is_empty() && x.len() <= 3 && x.bytes().all(|c| c.is_ascii_digit());
            if small(a) && small(b) && !has_letter {
                if let Some(v) = fraction_value(a, b) {
                    self.push(
                        i,
                        end,
                        EntityKind::Number(Number {
                            value: to_decimal(v),
                            scale: 0,
                            approx: None,
                        }),
                    );
                }
                return Step::Done(end);
            }
        }
        // A date inside the token wins over an identifier (checked only
        // for a token that is one; `date_may_start` is a cheap necessary
        // condition).
        let is_date = || {
            ascii_digit
                && !has_letter
                && date_may_start(rest)
                && date(rest).is_ok_and(|(r2, _)| r2.len() <= r.len())
        };
        if let Some(scheme) = classify_token(tok).filter(|_| !is_date()) {
            if !(has_letter && unit_quantity()) {
                self.push(i, end, EntityKind::Identifier(Identifier { scheme }));
                return Step::Done(end);
            }
        }
        if !ascii_digit || (has_letter && !unit_quantity()) {
            // Words and names: GB, 5G, 3D, 4A.
            return Step::Done(end);
        }
        Step::Figure
    }

    /// A minus sign (`-3.2%`, `负10000`, `－３．２％`) before a figure.
    fn try_negative(
        &mut self,
        i: usize,
        c: char,
        prev: Option<char>,
        rest: &'a str,
    ) -> Option<usize> {
        let body = rest.get(c.len_utf8()..).unwrap_or("");
        let is_minus = matches!(c, '-' | '－' | '−' | '负')
            && body
                .chars()
                .next()
                .is_some_and(|n| digit_value(n).is_some())
            && !prev.is_some_and(|p| {
                p.is_ascii_alphanumeric() || digit_value(p).is_some() || p == '号'
            });
        if !is_minus {
            return None;
        }
        let (mut r, mut q) = quantity(body).ok()?;
        // -5℃至3℃, -5℃～-1℃: a range with a negative low end (the grammar
        // reads 5℃至3℃ as no range).
        if q.high.is_none() {
            if let Some((r2, high, unit)) = negative_range_end(r, &q) {
                if q.unit.is_none() {
                    q.unit = Some(unit);
                }
                q.high = Some(high);
                r = r2;
            }
        }
        let end = i + rest.len() - r.len();
        self.emit_quantity(i, end, &mut q, true, prev);
        Some(end)
    }

    /// Push the top places `前六` / `前10` at `start..end` (the figure,
    /// without its `前`) as a rank without a measure word; returns `end`.
    fn push_top_rank(&mut self, start: usize, end: usize, value: u64) -> usize {
        self.push(
            start,
            end,
            EntityKind::Ordinal(Ordinal { value, unit: None }),
        );
        end
    }

    /// CJK numerals that are words, not figures: slogans, sessions
    /// (`八次全会`), vague amounts (`几十年`), decades, centuries, plan
    /// names; and bare scale words after a prefix (`近万人`). `c` is the
    /// char at `i`, `prev` the char before.
    fn cjk_word(&mut self, i: usize, c: char, prev: Option<char>, rest: &'a str) -> Option<usize> {
        if let Ok((r, _)) = slogan(rest) {
            return Some(i + rest.len() - r.len());
        }
        // 最后一公里, 约法三章: idioms whose numeral follows a lead word
        // (which ends with the char before: most numerals follow none).
        if let Some(p) = prev {
            if led_slogan_may_start(p, c) {
                let w = self.back_window(i, 12);
                // The whole numeral run is part of the idiom (最后一百米 too).
                if let Some(r) = led_slogan(self.text.get(w..i).unwrap_or(""), rest) {
                    return Some(self.skip_run(i).max(i + rest.len() - r.len()));
                }
            }
        }
        // 每百元营业收入, 每万人口: a bare scale word after 每 is the base
        // of a rate, not a figure; 每一 is "every" (每一分钱, 每一个).
        if prev == Some('每')
            && (c == '一' || crate::grammar::figure::cjk_mult(c).is_some_and(|e| e >= 2))
        {
            return Some(self.skip_run(i));
        }
        // 近万人, 超过千万人次, 突破百亿次: a bare scale word after an
        // approximation prefix or 突破.
        // (Both end with the char before, which most numerals do not
        // follow.)
        let approx_or_breach =
            prev.is_some_and(|p| crate::grammar::quantity::ends_approx_prefix(p) || p == '破');
        let before = || {
            let w = self.back_window(i, 9);
            self.text.get(w..i).unwrap_or("")
        };
        if approx_or_breach && (approx_prefix(before()).is_some() || before().ends_with("突破")) {
            if let Ok((r, mut q)) = bare_scale(rest) {
                let end = i + rest.len() - r.len();
                self.emit_quantity(i, end, &mut q, false, prev);
                return Some(end);
            }
        }
        let end = self.skip_run(i);
        let after = self.text.get(end..).unwrap_or("");
        // 前四款, 前两条: a reference to the provisions before, no figure.
        if prev == Some('前') && after.starts_with(['款', '条', '條', '项', '項']) {
            return Some(end + after.chars().next().map_or(0, char::len_utf8));
        }
        // 居全国前六（含并列）, 进入全省前十。: top places without a
        // measure word, a rank.
        if prev == Some('前') && ends_bare_rank(after) {
            let v = self
                .text
                .get(i..end)
                .and_then(crate::grammar::figure::cjk_value)
                .and_then(|(v, _)| u64::try_from(v).ok())
                .filter(|&v| v > 0);
            if let Some(v) = v {
                return Some(self.push_top_rank(i, end, v));
            }
        }
        // 前三位, 前十名: top places, a rank (as 前10位).
        if prev == Some('前') && after.starts_with(['名', '位']) {
            let v = self
                .text
                .get(i..end)
                .and_then(crate::grammar::figure::cjk_value)
                .and_then(|(v, _)| u64::try_from(v).ok())
                .filter(|&v| v > 0);
            if let Some(v) = v {
                let u = if after.starts_with('名') {
                    "名"
                } else {
                    "位"
                };
                return Some(self.push_rank(i, end, v, u));
            }
        }
        // 十二届八次全会, 三次会议: session numbers of a meeting (两次全面
        // 降准 is a count).
        let session = after.strip_prefix('次').is_some_and(|a| {
            [
                "会", "會", "全会", "全會", "全体", "全體", "大会", "大會", "代表", "全國", "全国",
            ]
            .iter()
            .any(|w| a.starts_with(w))
        });
        // 几十年, 数百家, 十几个: vague amounts have no value (数 only before
        // a scale word: 总数三年来 is a count).
        let scale_first = crate::grammar::figure::cjk_mult(c).is_some_and(|e| e >= 1);
        let vague = matches!(prev, Some('几' | '幾'))
            || (matches!(prev, Some('数' | '數')) && scale_first)
            || after.starts_with(['几', '幾']);
        let word = matches!(prev, Some('届' | '屆'))
            || session
            || vague
            || after.starts_with("年代")
            || after.starts_with("世纪")
            || after.starts_with("世紀")
            || plan_name(after);
        word.then_some(end)
    }

    /// Arabic figures that are words, ranks or markers: `1、`, `(2)`,
    /// `500强`, `前10位`, `80后`, `三年行动`, `80年代`, `2型`, `1+6`.
    fn arabic_word(&mut self, i: usize, prev: Option<char>) -> Option<usize> {
        if let Some(end) = self.is_marker(i, prev) {
            return Some(end);
        }
        if let Some((r, f)) = self.digit_figure_at(i) {
            let flen = f.text.len();
            // 1.2023年度考核结果: an item marker run into a year, not 1.2023
            // years (a year is never written with four decimals).
            if f.frac && f.int_digits <= 2 && r.starts_with('年') {
                if let Some((_, frac)) = f.text.split_once(['.', '．']) {
                    let year = frac.len() == 4
                        && frac
                            .parse::<u16>()
                            .is_ok_and(|y| (1900..=2199).contains(&y));
                    if year {
                        return Some(i + flen - frac.len());
                    }
                }
            }
            // 表1, 图2, 附件3: labels of tables, figures and annexes.
            // Skip the padding and line ends before the figure first, so
            // the window holds the same text whatever the line-end style.
            // (Each label ends with 件, 表 or 图: a figure right after
            // another char is none.)
            let gap_char = |c: char| matches!(c, '\n' | '\r') || crate::grammar::trivia::pad(c);
            let may_label = prev.is_some_and(|c| matches!(c, '件' | '表' | '图') || gap_char(c));
            if may_label && f.int_digits <= 2 && !f.frac {
                let head = self.text.get(..i).unwrap_or("").trim_end_matches(gap_char);
                let w = self.back_window(head.len(), 12);
                let before = head.get(w..).unwrap_or("");
                let cited = ["附件", "附表", "附图", "见表", "如表", "见图", "如图"]
                    .iter()
                    .any(|w| before.ends_with(w));
                // A bare 表 / 图 starting its line (代表35名 is a figure).
                let bare = before
                    .strip_suffix(['表', '图'])
                    .is_some_and(|h| h.chars().next_back().is_none_or(|p| !is_cjk_char(p)));
                if cited || bare {
                    return Some(i + flen);
                }
            }
            // 进入全国前10。, 排名前5，: top places without a measure word,
            // a rank.
            if prev == Some('前') && !f.frac && ends_bare_rank(r) {
                let v = f
                    .value
                    .and_then(Num::as_int)
                    .and_then(|v| u64::try_from(v).ok())
                    .filter(|&v| v > 0);
                if let Some(v) = v {
                    return Some(self.push_top_rank(i, i + flen, v));
                }
            }
            // Every rule below reads a word right after the figure, which
            // starts with one of these chars (traditional ones folded).
            let word = r.chars().next().map(crate::grammar::fold::simplified);
            let lead = word.is_some_and(|c| {
                matches!(
                    c,
                    '号' | '强' | '名' | '位' | '后' | '年' | '世' | '型' | '版'
                )
            });
            if !lead {
                return self.name_pattern(i);
            }
            // Ranks: 500强 (a ranking list), 前10名 / 前3位 (top places);
            // numbers naming a thing: 15号线, 598号决议, 3号机组.
            // Compared through the fold: 15號, 500強 too.
            let numbered = word == Some('号')
                && crate::grammar::fold::strip_prefix_folded(r, "号召").is_none()
                && f.int_digits <= 4
                && !f.frac;
            let rank_unit = if numbered {
                Some("号")
            } else if word == Some('强') {
                Some("强")
            } else if prev == Some('前') && r.starts_with('名') {
                Some("名")
            } else if prev == Some('前') && r.starts_with('位') {
                Some("位")
            } else {
                None
            };
            let v = f
                .value
                .and_then(Num::as_int)
                .and_then(|v| u64::try_from(v).ok());
            if let (Some(u), Some(v)) = (rank_unit, v) {
                return Some(self.push_rank(i, i + flen, v, u));
            }
            // 80后, 00后: a generation, not a figure.
            if r.starts_with('后') && f.int_digits == 2 && !f.frac && f.text.ends_with('0') {
                return Some(i + flen + '后'.len_utf8());
            }
            // 3年行动计划: a duration naming a plan (2020年行动计划 is a
            // year: the date production reads it).
            let year =
                f.int_digits == 4 && !f.frac && v.is_some_and(|y| (1900..=2199).contains(&y));
            if plan_name(r) && !year {
                return Some(i + flen + '年'.len_utf8());
            }
            // 80年代, 21世纪: decades and centuries.
            if r.starts_with("年代") || r.starts_with("世纪") || r.starts_with("世紀") {
                return Some(i + flen + "年代".len());
            }
            // 2型糖尿病: a type designation, part of a name.
            if r.starts_with('型') && f.int_digits <= 2 {
                return Some(i + flen);
            }
            // “城市大脑”2.0版, 4.0版改革: a version, part of a name.
            if r.starts_with('版') && f.frac && f.int_digits <= 2 {
                return Some(i + flen + '版'.len_utf8());
            }
        }
        self.name_pattern(i)
    }

    /// Dates, month/day forms and clock times (`prev`: the char before
    /// `i`).
    fn try_date(&mut self, i: usize, c: char, prev: Option<char>, rest: &'a str) -> Option<usize> {
        // 上午9时, 下午3:30: the part of the day before a clock time starts
        // the date (the meridiem words are two CJK chars, skipped by the
        // loop as inert text).
        let mer = self
            .meridiem_start(i, c, prev)
            .and_then(|(s, from)| Some((s, from, date(from).ok()?)));
        // At a CJK numeral, the run the word rules skipped is the number
        // `date_may_start` reads (the same chars); at a digit, the figure
        // they read is, when it is digits alone ([`digits_then`]).
        let may_start = || match (self.run_read, &self.digit_read) {
            ((at, end), _) if at == i && is_cjk_numeral_char(c) => self
                .text
                .get(end..)
                .and_then(|a| a.chars().next())
                .is_some_and(|n| date_may_follow(n, false)),
            (_, Some((at, Some((r, f))))) if *at == i => match digits_then(r, f) {
                Some(next) => next.is_some_and(|n| date_may_follow(n, f.int_digits == 4)),
                None => date_may_start(rest),
            },
            _ => date_may_start(rest),
        };
        let (i, rest, (r, m)) = match mer {
            Some(x) => x,
            None if !may_start() => return None,
            None => match date(rest) {
                Ok(x) => (i, rest, x),
                // 2022、2023年: the first year of a list.
                Err(_) => {
                    let (r, d) = listed_date(rest).ok()?;
                    let m = DateMatch {
                        date: d,
                        range_end: None,
                    };
                    (i, rest, (r, m))
                }
            },
        };
        let end = i + rest.len() - r.len();
        let dtext = rest.get(..rest.len() - r.len()).unwrap_or("");
        // A bare CJK month (三月) is a date only with a year, a day or 份.
        let cjk_lone_month = digit_value(c).is_none()
            && c != '〇'
            && m.date.year.is_none()
            && m.date.day.is_none()
            && !dtext.ends_with('份');
        if cjk_lone_month {
            return None;
        }
        if !m.date.is_valid() || m.range_end.is_some_and(|e| !e.is_valid()) {
            let span = self.abs(i, end);
            // The date as written is the text at the span.
            self.sink.diagnostics.push(Diagnostic::new(
                DiagnosticCode::InvalidDate,
                span,
                "no such date",
            ));
        }
        self.push(
            i,
            end,
            EntityKind::Date(DateEntity {
                date: m.date,
                range_end: m.range_end,
            }),
        );
        Some(end)
    }

    /// Where a clock time at `i` really starts when a meridiem word
    /// (`上午`, `下午` …, maybe one pad char apart) comes right before it.
    /// (`prev`: the char before `i`.)
    fn meridiem_start(&self, i: usize, c: char, prev: Option<char>) -> Option<(usize, &'a str)> {
        digit_value(c)?;
        // The char right before is the meridiem word's last char or a pad
        // (the caller has read it, before the window is worked out).
        let prev = prev?;
        if !ends_meridiem_or_pad(prev) {
            return None;
        }
        let w = self.back_window(i, 9);
        let before = self.text.get(w..i)?;
        let t = before.trim_end_matches([' ', '\u{3000}']);
        if !t.chars().next_back().is_some_and(ends_meridiem) {
            return None;
        }
        // Every meridiem word is two three-byte chars.
        let start = (w + t.len()).checked_sub(6)?;
        let from = self.text.get(start..)?;
        meridiem(from).ok()?;
        Some((start, from))
    }

    /// A year split from its 年 by a line end: `2015⏎年`.
    fn try_split_year(&mut self, i: usize, rest: &'a str) -> Option<usize> {
        // The figure the word rules read here, when they did.
        if let Some((at, Some((r, f)))) = &self.digit_read {
            if *at == i && no_line_end_after(r, f) {
                return None;
            }
        }
        if !figure_then_line_end(rest) {
            return None;
        }
        let (r, f) = crate::grammar::figure::digit_figure(rest).ok()?;
        let (g, crossed) = gap(r);
        let year = f
            .value
            .and_then(Num::as_int)
            .and_then(|v| u16::try_from(v).ok())
            .filter(|y| (1900..=2199).contains(y))?;
        if !crossed || f.int_digits != 4 || f.frac {
            return None;
        }
        let after = g.strip_prefix('年')?;
        let after = after.strip_prefix('度').unwrap_or(after);
        let end = i + rest.len() - after.len();
        self.push(
            i,
            end,
            EntityKind::Date(DateEntity {
                date: crate::value::Date {
                    year: Some(year),
                    ..Default::default()
                },
                range_end: None,
            }),
        );
        Some(end)
    }

    /// A quantity, or a bare figure: identifier, hotline or plain number.
    /// Returns where to continue (past the figure run when nothing matched).
    /// `prev` is the char before `i`.
    fn figure(&mut self, i: usize, rest: &'a str, prev: Option<char>) -> usize {
        // The digit figure here, when a word production has read it.
        let read = self
            .digit_read
            .as_ref()
            .filter(|&&(at, _)| at == i)
            .and_then(|(_, read)| read.as_ref());
        // Matched in place (the match is large: no copy out of the result).
        let mut read = quantity_read(rest, read);
        let Ok((r, q)) = &mut read else {
            return self.skip_run(i);
        };
        let r: &'a str = r;
        let end = i + rest.len() - r.len();
        // 二、三年来… at the start of a line or sentence: 二、 is an
        // enumeration marker, not the low end of 两、三年.
        let ftext = rest.get(..rest.len() - r.len()).unwrap_or("");
        if q.high.is_some() && ftext.contains('、') {
            let prev = self.text.get(..i).and_then(|b| b.chars().next_back());
            if prev.is_none_or(|p| {
                matches!(
                    p,
                    '\n' | '\r' | '。' | '；' | '：' | ';' | ':' | ' ' | '\u{3000}'
                )
            }) {
                if let Some(k) = ftext.find('、') {
                    return i + k + '、'.len_utf8();
                }
            }
        }
        if q.approx.is_none() && q.high.is_none() && self.unit_label(i, end) {
            return end;
        }
        // 每月15日, 次月5日: a day of the month, not a number of days.
        let after_month = q.high.is_none()
            && q.approx.is_none()
            && q.unit.as_ref().is_some_and(|u| u.canonical == "日")
            && self.text.get(..i).is_some_and(|b| b.ends_with('月'));
        let day_of_month = q
            .value
            .filter(|_| after_month)
            .and_then(Num::as_int)
            .and_then(|d| u8::try_from(d).ok())
            .filter(|d| (1..=31).contains(d));
        if let Some(day) = day_of_month {
            self.push(
                i,
                end,
                EntityKind::Date(DateEntity {
                    date: crate::value::Date {
                        day: Some(day),
                        ..Default::default()
                    },
                    range_end: None,
                }),
            );
            return end;
        }
        if q.unit.is_none() && q.high.is_none() {
            let ftext = rest.get(..rest.len() - r.len()).unwrap_or("");
            // 0359－2090000, 0359—2090000, （0359）2090000: an area code
            // and a local number joined by a mark the token rule does not
            // take.
            if let Some((start, tail)) = self.area_code_phone(i, ftext, r) {
                let end = end + tail;
                let scheme = IdentifierScheme::Phone;
                self.push(start, end, EntityKind::Identifier(Identifier { scheme }));
                return end;
            }
            if let Some(scheme) = self.bare_identifier(i, ftext, r) {
                self.push(i, end, EntityKind::Identifier(Identifier { scheme }));
                return end;
            }
            if q.value.is_none() {
                self.overflow(i, end);
                return end;
            }
        }
        self.emit_quantity(i, end, q, false, prev);
        end
    }

    /// A bare scale word and unit (`万元`, `万吨`) that labels a table
    /// column or states the unit of the figures (`单位：万元`, `（亿元）`, a
    /// line of its own) is no figure.
    fn unit_label(&self, i: usize, end: usize) -> bool {
        let text = self.text.get(i..end).unwrap_or("");
        // Only scale words may start it (the first char of the run below).
        if text
            .chars()
            .next()
            .and_then(crate::grammar::figure::cjk_mult)
            .is_none_or(|e| e < 2)
        {
            return false;
        }
        let numerals = text
            .chars()
            .take_while(|&c| crate::grammar::figure::is_cjk_numeral_char(c));
        let mut n = 0usize;
        let mut only_scales = true;
        for c in numerals {
            n += 1;
            only_scales &= crate::grammar::figure::cjk_mult(c).is_some_and(|e| e >= 2);
        }
        if n == 0 || !only_scales || text.starts_with("百分之") || text.starts_with("千分之")
        {
            return false;
        }
        let pad = [' ', '\t', '\u{3000}', '\u{a0}'];
        let before = self.text.get(..i).unwrap_or("").trim_end_matches(pad);
        let after = self.text.get(end..).unwrap_or("").trim_start_matches(pad);
        let line_alone = (before.is_empty() || before.ends_with(['\n', '\r']))
            && (after.is_empty() || after.starts_with(['\n', '\r']));
        let stated = before.ends_with("单位：")
            || before.ends_with("单位:")
            || before.ends_with("单位")
            || before.ends_with("單位：")
            || before.ends_with("單位:");
        let bracketed = (before.ends_with('（') && after.starts_with('）'))
            || (before.ends_with('(') && after.starts_with(')'));
        // A table cell: `地区生产总值  亿元  1234.5`, `| 亿元 |`.
        let raw_before = self.text.get(..i).unwrap_or("");
        let raw_after = self.text.get(end..).unwrap_or("");
        let cell_edge = ['\t', '\u{3000}', '|', '｜'];
        let cell = (raw_before.ends_with(cell_edge)
            || raw_before.ends_with("  ")
            || raw_before.ends_with(" |")
            || raw_before.ends_with("| "))
            && (raw_after.starts_with(cell_edge)
                || raw_after.starts_with("  ")
                || raw_after.starts_with(" |")
                || raw_after.starts_with("| "));
        line_alone || stated || bracketed || cell
    }

    /// An area code (`0` and 2–3 more digits) at `i` followed by a dash
    /// (`-－—–`) or a closing parenthesis opened right before it, then a
    /// local number of 7–8 digits: (where the phone starts, the bytes of
    /// `after` it takes).
    fn area_code_phone(&self, i: usize, ftext: &str, after: &str) -> Option<(usize, usize)> {
        let n = ftext.chars().count();
        if !ftext.starts_with(['0', '０'])
            || !(3..=4).contains(&n)
            || !ftext.chars().all(|c| digit_value(c).is_some())
        {
            return None;
        }
        let prev = self.text.get(..i).and_then(|b| b.chars().next_back());
        let (start, mark) = match (prev, after.chars().next()?) {
            (Some(o @ ('（' | '(')), c @ ('）' | ')')) => (i - o.len_utf8(), c),
            (_, c @ ('-' | '－' | '—' | '–')) => (i, c),
            _ => return None,
        };
        let local = after.get(mark.len_utf8()..)?;
        let local = local.strip_prefix(' ').unwrap_or(local);
        let mut len = 0usize;
        let mut digits = 0usize;
        for c in local.chars() {
            if digit_value(c).is_none() {
                break;
            }
            digits += 1;
            len += c.len_utf8();
        }
        if !(7..=8).contains(&digits) {
            return None;
        }
        Some((start, after.len() - local.len() + len))
    }

    /// A bare integer that reads as an identifier: a phone number or
    /// hotline (by form or next to 热线 电话 …), or a code (`06000141号`,
    /// ten-digit site codes).
    fn bare_identifier(&self, i: usize, ftext: &str, after: &str) -> Option<IdentifierScheme> {
        if !ftext.chars().all(|c| digit_value(c).is_some()) {
            return None;
        }
        // 拨打110、119、120: a number listed right after a phone number is
        // one too.
        let found = &self.sink.entities;
        let listed = found
            .len()
            .checked_sub(1)
            .and_then(|i| found.kind(i))
            .is_some_and(|(span, kind)| {
                kind == Kind::Identifier(IdentifierScheme::Phone)
                    && span.end() == self.base + self.last_end
            })
            && self
                .text
                .get(self.last_end..i)
                .is_some_and(|g| matches!(g, "、" | "/" | "或" | "和" | "及"));
        if listed && ftext.len() >= 3 {
            return Some(IdentifierScheme::Phone);
        }
        // Every reading below needs three digits or more (ftext is all
        // digits here): shorter figures skip the context searches.
        ftext.chars().nth(2)?;
        let ascii: String = ftext
            .chars()
            .filter_map(|c| digit_value(c).map(|d| char::from(b'0' + d)))
            .collect();
        let w = self.back_window(i, 12);
        // Folded: traditional contexts (`聯繫電話`, `編號`) read alike.
        let ctx_before = crate::grammar::fold::folded(self.text.get(w..i).unwrap_or(""));
        let ctx_after: String = after
            .chars()
            .take(4)
            .map(crate::grammar::fold::simplified)
            .collect();
        let near = |words: &[&str]| {
            words
                .iter()
                .any(|k| ctx_before.contains(k) || ctx_after.contains(k))
        };
        let hot = near(&["热线", "电话", "专线", "号码", "拨打", "传真", "手机"]);
        if phone_like(&ascii) || (hot && ascii.len() >= 3) {
            return Some(IdentifierScheme::Phone);
        }
        if near(&["邮编", "邮政编码", "编号", "代码"]) && ascii.len() >= 4 {
            return Some(IdentifierScheme::Code);
        }
        let code = (ascii.starts_with('0') && ascii.len() >= 3)
            || ascii.len() >= 9
            || (ascii.len() >= 5 && after.starts_with(['号', '號']));
        code.then_some(IdentifierScheme::Code)
    }
}

/// After a standard's code `tok` (`GB`, `GB/T`, `DB14/T`: upper-case
/// letters first), the bytes of `after` its number takes: one optional pad
/// char, then digits (dots allowed), a dash and a four-digit year.
fn standard_number(tok: &str, after: &str) -> Option<usize> {
    let b = tok.as_bytes();
    let code = b.first().is_some_and(u8::is_ascii_uppercase)
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'/');
    if !code || tok.len() > 8 {
        return None;
    }
    let num = after
        .strip_prefix([' ', '\u{3000}', '\u{a0}'])
        .unwrap_or(after);
    let (r, t) = code_token(num).ok()?;
    // GDP 2021-2025年 is a name and a range of years.
    if r.starts_with('年') {
        return None;
    }
    let (a, y) = t.rsplit_once('-')?;
    let ok = a.bytes().next().is_some_and(|c| c.is_ascii_digit())
        && a.bytes().all(|c| c.is_ascii_digit() || c == b'.')
        && y.len() == 4
        && y.bytes().all(|c| c.is_ascii_digit());
    ok.then_some(after.len() - num.len() + t.len())
}

/// What the token step decided.
enum Step {
    /// An entity or a skipped word ends here.
    Done(usize),
    /// Nothing starts here (inside a longer token).
    NoStart,
    /// The token is a figure: go on with the number productions.
    Figure,
}

/// Scan `span` of `src` (a paragraph, a heading title, a title line) for
/// inline entities. Spans in the sink are absolute offsets into `src`.
/// The caller drains the sink after each call.
pub(crate) fn scan<'a>(src: &'a str, span: Span, opts: &Options, sink: &mut InlineSink<'a>) {
    let Some(text) = src.get(span.range()) else {
        return;
    };
    let first_diag = sink.diagnostics.len();
    let mut sc = Scanner {
        src,
        text,
        base: span.start(),
        sink,
        last_end: 0,
        clause_start: 0,
        clause_cache: (0, 0),
        last_change: None,
        digit_read: None,
        line_ends: LineEnds::new(text),
        run_read: (usize::MAX, 0),
    };
    let _ = opts; // every option that matters is checked by the caller
    // The `《》“”` pairs: from the walk over this paragraph if one paired
    // them, else searched for.
    let mut marks = sc.sink.marks.take().unwrap_or_default();
    if marks.walked != Some(span) {
        refs_and_quotes(text, &mut marks);
    }
    // The active chars: from the same walk, else searched for.
    let mut walked = std::mem::take(&mut sc.sink.walked);
    sc.run(
        &marks,
        (walked.span == Some(span)).then_some(walked.at.as_slice()),
    );
    // Its vectors serve the next scan.
    marks.walked = None;
    sink.marks = Some(marks);
    walked.span = None;
    sink.walked = walked;
    // Diagnostics in document order (bracket pairing reports up front).
    if let Some(new) = sink.diagnostics.get_mut(first_diag..) {
        new.sort_by_key(|d| d.span.start);
    }
}

#[cfg(test)]
mod tests;
pub(crate) mod wrap;

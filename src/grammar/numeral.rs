//! Numerals: ASCII and fullwidth digits (`1,234,567`, `３．５`), CJK
//! numerals (`一千零五`, `两万`, `壹佰贰拾叁`, `二〇二六`, `三点五`) and the
//! mixed forms with scale words (`3.5万`, `69.45亿`, `3万4000`).
//!
//! Section 3 of `grammars/document.ebnf`; one function per production.
//! Values are exact [`Decimal`]s; nothing here panics or uses floats, and
//! every parser is linear in the length of what it reads.
//!
//! # Entry points for other grammar modules
//!
//! - [`number`]: a numeral with its scale word applied (`11660万` →
//!   116 600 000). Use it for plain numbers and after
//!   [`number_unscaled`] failed to find a unit.
//! - [`number_unscaled`]: the same numeral **without** a trailing scale
//!   word (`3千瓦` → `3`, leftover `千瓦`; `三万元` → `三`, leftover
//!   `万元`). Units that start with a scale character (`千瓦` `千米` `千克`
//!   `万元` `亿元` `百分点`) must win by longest match, so the quantity
//!   grammar tries `number_unscaled` + unit first and `number` + unit
//!   second.
//! - [`cjk_numeral`], [`arabic_number`]: one numeral form only (headings
//!   use `cjk_numeral` for `十二、`).
//! - [`scale_numeral`]: apply a unit's or scale word's power of ten to a
//!   numeral read earlier. Use it instead of
//!   [`Decimal::checked_mul_pow10`] when something stands between the
//!   numeral and the scale, as in `一亿一千多万元` (`一亿一千` + `多` +
//!   `万元` = 110 000 000 元 and more, not 1 000 010 000 000).
//!
//! # Ambiguous forms (decisions)
//!
//! - `两三`, `三四个`, `七八成` (ranges written as adjacent digits) are not
//!   numerals: `cjk_numeral` stops after the first digit (`两三` → 2,
//!   leftover `三`). The range grammar must look at the leftover.
//! - `一二三产业`: three digits without a zero are not a digit-by-digit
//!   number; only `一`. Digit-by-digit numbers (`二〇二六`, `一九九八`,
//!   `一〇八`) need four digits or more, or two or three with a zero.
//! - Colloquial abbreviations: a final digit right after `百 千 万 亿`
//!   (no `零`) is one position lower: `一万二` = 12 000, `一千五` = 1 500,
//!   `三百五` = 350, `一亿二` = 120 000 000. After `零` a final digit is
//!   units (`一千零五` = 1005).
//! - `两` is a digit only before `百 千 万 亿` or alone (`两个`); `十两`,
//!   `一万两` stop before `两` (a weight unit).
//! - A missing `零` is tolerated when the next part has its own unit
//!   (`一万二百` = 10 200, `一千二十` = 1020).
//! - `亿` multiplies everything before it: `一万亿` = 10^12, `一亿亿` =
//!   10^16 (what [`format_cjk`] writes from 10^16 on). `万万` = `亿`
//!   (older texts: `六萬萬人民`).
//! - `点` introduces a CJK decimal part (`三点五` = 3.5, `零点五` = 0.5),
//!   so idioms like `一点一滴` read as 1.1 followed by `滴`: callers that
//!   want bare CJK numbers in running text must check the context.
//! - `2022.01.28` reads as `2022.01` followed by `.28`: dates go first.

use nom::error::{ErrorKind, ParseError};

use super::{GrammarError, PResult};
use crate::decimal::Decimal;

/// How a numeral was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumeralForm {
    /// ASCII or fullwidth digits only (`2021`, `1,234.5`, `３．５`).
    Arabic,
    /// CJK numerals only (`一千零五`, `二〇二六`, `三点五万`).
    Cjk,
    /// Digits with CJK scale words (`3.5万`, `3万4000`).
    Mixed,
}

/// A numeral as read by [`number`] or [`number_unscaled`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral<'a> {
    /// The input it was read from, exactly.
    pub(crate) text: &'a str,
    /// The value with scale words applied; `None` only when it overflows
    /// (the whole numeral is still consumed, so the caller can report it).
    pub(crate) value: Option<Decimal>,
    /// How it was written.
    pub(crate) form: NumeralForm,
    /// The power of ten of the (leading) scale word: 4 for `3.5万` and
    /// `三千万`, 8 for `1亿2000万`, 0 without one.
    pub(crate) scale: u32,
}

fn fail<O>(i: &str, kind: ErrorKind) -> PResult<'_, O> {
    Err(nom::Err::Error(GrammarError::from_error_kind(i, kind)))
}

/// The slice of `whole` consumed before `rest`.
fn consumed<'a>(whole: &'a str, rest: &'a str) -> &'a str {
    whole.get(..whole.len() - rest.len()).unwrap_or("")
}

fn split_first_char(i: &str) -> Option<(char, &str)> {
    let mut chars = i.chars();
    chars.next().map(|c| (c, chars.as_str()))
}

fn arabic_digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => u8::try_from(u32::from(c) - u32::from('0')).ok(),
        '０'..='９' => u8::try_from(u32::from(c) - u32::from('０')).ok(),
        _ => None,
    }
}

/// One ASCII or fullwidth digit; its value.
///
/// ```ebnf
/// arabic_digit ::= [0-9] | [０-９]
/// ```
pub(crate) fn arabic_digit(i: &str) -> PResult<'_, u8> {
    match split_first_char(i) {
        Some((c, rest)) => match arabic_digit_value(c) {
            Some(d) => Ok((rest, d)),
            None => fail(i, ErrorKind::Digit),
        },
        None => fail(i, ErrorKind::Digit),
    }
}

/// Skip a run of arabic digits; returns (rest, count).
fn digit_run(i: &str) -> (&str, usize) {
    let mut rest = i;
    let mut n = 0usize;
    while let Ok((r, _)) = arabic_digit(rest) {
        rest = r;
        n += 1;
    }
    (rest, n)
}

/// A thousands group: an ASCII comma and exactly three digits, not followed
/// by a fourth (`,234` in `1,234,567`; `12,3` and `1,2345` have none).
///
/// ```ebnf
/// thousands_group ::= "," arabic_digit arabic_digit arabic_digit
///                     (* not followed by arabic_digit *)
/// ```
pub(crate) fn thousands_group(i: &str) -> PResult<'_, &str> {
    let Some(after_comma) = i.strip_prefix(',') else {
        return fail(i, ErrorKind::Char);
    };
    let (rest, n) = digit_run(after_comma);
    if n == 3 {
        Ok((rest, consumed(i, rest)))
    } else {
        fail(i, ErrorKind::Digit)
    }
}

/// The integer part of an arabic number: plain digits, or one to three
/// digits followed by thousands groups.
///
/// ```ebnf
/// arabic_integer ::= arabic_digit arabic_digit? arabic_digit? thousands_group+
///                  | arabic_digit+
/// ```
pub(crate) fn arabic_integer(i: &str) -> PResult<'_, &str> {
    let (mut rest, n) = digit_run(i);
    if n == 0 {
        return fail(i, ErrorKind::Digit);
    }
    if n <= 3 {
        while let Ok((r, _)) = thousands_group(rest) {
            rest = r;
        }
    }
    Ok((rest, consumed(i, rest)))
}

/// A decimal part: a point and at least one digit (`3.` has none).
///
/// ```ebnf
/// arabic_fraction ::= ( "." | "．" ) arabic_digit+
/// ```
pub(crate) fn arabic_fraction(i: &str) -> PResult<'_, &str> {
    let after = match i.strip_prefix('.').or_else(|| i.strip_prefix('．')) {
        Some(a) => a,
        None => return fail(i, ErrorKind::Char),
    };
    let (rest, n) = digit_run(after);
    if n == 0 {
        return fail(i, ErrorKind::Digit);
    }
    Ok((rest, consumed(i, rest)))
}

/// The exact value of recognised arabic-number text (digits, `,`, one
/// point); `None` on overflow. Linear: stops computing once it overflows.
fn arabic_value(text: &str) -> Option<Decimal> {
    let mut mantissa: i128 = 0;
    let mut scale: u32 = 0;
    let mut in_fraction = false;
    for c in text.chars() {
        if let Some(d) = arabic_digit_value(c) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
            if in_fraction {
                scale = scale.checked_add(1)?;
            }
        } else if c == '.' || c == '．' {
            in_fraction = true;
        }
    }
    Some(Decimal::new(mantissa, scale))
}

/// Arabic number text and its value (`None` on overflow).
fn arabic_run(i: &str) -> PResult<'_, (&str, Option<Decimal>)> {
    let (rest, _) = arabic_integer(i)?;
    let rest = match arabic_fraction(rest) {
        Ok((r, _)) => r,
        Err(_) => rest,
    };
    let text = consumed(i, rest);
    Ok((rest, (text, arabic_value(text))))
}

/// A number in ASCII or fullwidth digits, mixed freely: `2021`,
/// `1,234,567`, `86.3`, `１２３`, `３．５`. The written decimal places are
/// kept (`1.50` has scale 2).
///
/// A value that does not fit (more than 38 significant digits) is a
/// `nom::Err::Failure` at the start of the number; [`number`] instead
/// consumes it and reports `value: None`.
///
/// ```ebnf
/// arabic_number ::= arabic_integer arabic_fraction?
/// ```
#[cfg_attr(not(test), allow(dead_code))] // for the quantity and heading grammars
pub(crate) fn arabic_number(i: &str) -> PResult<'_, Decimal> {
    let (rest, (_, value)) = arabic_run(i)?;
    match value {
        Some(v) => Ok((rest, v)),
        None => Err(nom::Err::Failure(GrammarError::from_error_kind(
            i,
            ErrorKind::TooLarge,
        ))),
    }
}

/// Scale words, longest first.
const SCALE_WORDS: [(&str, u32); 18] = [
    ("万亿", 12),
    ("萬億", 12),
    ("万億", 12),
    ("萬亿", 12),
    ("千万", 7),
    ("千萬", 7),
    ("仟万", 7),
    ("百万", 6),
    ("百萬", 6),
    ("佰万", 6),
    ("亿", 8),
    ("億", 8),
    ("万", 4),
    ("萬", 4),
    ("千", 3),
    ("仟", 3),
    ("百", 2),
    ("佰", 2),
];

/// A scale word after a number; its power of ten. Longest match first
/// (`万亿` before `万`, `千万` before `千`).
///
/// ```ebnf
/// scale_word ::= "万亿" | "萬億" | "万億" | "萬亿"      (* 12 *)
///              | "千万" | "千萬" | "仟万"              (* 7 *)
///              | "百万" | "百萬" | "佰万"              (* 6 *)
///              | "亿" | "億"                          (* 8 *)
///              | "万" | "萬"                          (* 4 *)
///              | "千" | "仟"                          (* 3 *)
///              | "百" | "佰"                          (* 2 *)
/// ```
pub(crate) fn scale_word(i: &str) -> PResult<'_, u32> {
    for (word, exp) in SCALE_WORDS {
        if let Some(rest) = i.strip_prefix(word) {
            return Ok((rest, exp));
        }
    }
    fail(i, ErrorKind::Tag)
}

/// Digits after a scale word that fill the lower positions: `4000` in
/// `3万4000`, `2000万` in `1亿2000万`, `2千` in `1万2千`. `cap` is the power
/// of ten of the scale word before it. Returns the value added.
///
/// Only integers, and only when unambiguous: with a smaller scale word
/// after them, or after `零`, the digits must fit below `cap`
/// (`1亿200万` = 102 000 000, `3万零500` = 30 500, `1千零1` = 1001);
/// otherwise they must fill all `cap` positions exactly (`3万4000`, but
/// not the colloquial `1万2`, which stops after `1万`).
///
/// ```ebnf
/// scaled_remainder ::= cjk_zero? arabic_digit+ scale_word? scaled_remainder?
///                      (* positions strictly below the preceding scale word *)
/// ```
pub(crate) fn scaled_remainder(i: &str, cap: u32) -> PResult<'_, Option<i128>> {
    let mut rest = i;
    let mut cap = cap;
    let mut total: Option<i128> = Some(0);
    while cap > 0 {
        let (start, zero) = match cjk_zero(rest) {
            Ok((r, _)) => (r, true),
            Err(_) => (rest, false),
        };
        let (after_digits, n) = digit_run(start);
        if n == 0 {
            break;
        }
        let digits = consumed(start, after_digits);
        let (after_scale, sub) = match scale_word(after_digits) {
            Ok((r, s)) if s < cap => (r, s),
            _ => (after_digits, 0),
        };
        let value = arabic_value(digits).and_then(|d| d.to_i128());
        let fits = if sub == 0 && !zero {
            n == cap as usize
        } else {
            // Significant digits must fit in cap - sub positions.
            let significant = digits
                .chars()
                .skip_while(|&c| arabic_digit_value(c) == Some(0))
                .count();
            significant <= (cap - sub) as usize
        };
        if !fits {
            break;
        }
        total = total.and_then(|t| {
            let part = value?.checked_mul(10i128.checked_pow(sub)?)?;
            t.checked_add(part)
        });
        rest = after_scale;
        cap = sub;
    }
    if rest.len() == i.len() {
        return fail(i, ErrorKind::Digit);
    }
    Ok((rest, total))
}

// ---------------------------------------------------------------------
// CJK numerals
// ---------------------------------------------------------------------

fn cjk_zero_char(c: char) -> bool {
    matches!(c, '〇' | '零' | '○')
}

fn cjk_digit_value(c: char) -> Option<u8> {
    Some(match c {
        '一' | '壹' => 1,
        '二' | '贰' | '貳' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cjk_liang_char(c: char) -> bool {
    matches!(c, '两' | '兩')
}

fn cjk_small_unit_value(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(1),
        '百' | '佰' => Some(2),
        '千' | '仟' => Some(3),
        _ => None,
    }
}

fn cjk_big_unit_value(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// Zero: `〇`, `零`, or `○` (U+25CB, as in `二○一二`).
///
/// ```ebnf
/// cjk_zero ::= "〇" | "零" | "○"
/// ```
pub(crate) fn cjk_zero(i: &str) -> PResult<'_, u8> {
    match split_first_char(i) {
        Some((c, rest)) if cjk_zero_char(c) => Ok((rest, 0)),
        _ => fail(i, ErrorKind::Char),
    }
}

/// A digit from one to nine, common or financial (大写) form; its value.
/// `两` is separate ([`cjk_liang`]).
///
/// ```ebnf
/// cjk_digit ::= [一壹] | [二贰貳] | [三叁參叄] | [四肆] | [五伍]
///             | [六陆陸] | [七柒] | [八捌] | [九玖]
/// ```
pub(crate) fn cjk_digit(i: &str) -> PResult<'_, u8> {
    match split_first_char(i) {
        Some((c, rest)) => match cjk_digit_value(c) {
            Some(d) => Ok((rest, d)),
            None => fail(i, ErrorKind::Char),
        },
        None => fail(i, ErrorKind::Char),
    }
}

/// `两` (2): only alone or before `百 千 万 亿` (`两个`, `两千`, `两万`).
///
/// ```ebnf
/// cjk_liang ::= "两" | "兩"
/// ```
pub(crate) fn cjk_liang(i: &str) -> PResult<'_, u8> {
    match split_first_char(i) {
        Some((c, rest)) if cjk_liang_char(c) => Ok((rest, 2)),
        _ => fail(i, ErrorKind::Char),
    }
}

/// A unit below 万; its power of ten.
///
/// ```ebnf
/// cjk_small_unit ::= [十拾] | [百佰] | [千仟]
/// ```
pub(crate) fn cjk_small_unit(i: &str) -> PResult<'_, u32> {
    match split_first_char(i) {
        Some((c, rest)) => match cjk_small_unit_value(c) {
            Some(p) => Ok((rest, p)),
            None => fail(i, ErrorKind::Char),
        },
        None => fail(i, ErrorKind::Char),
    }
}

/// `万` or `亿`; its power of ten.
///
/// ```ebnf
/// cjk_big_unit ::= [万萬] | [亿億]
/// ```
pub(crate) fn cjk_big_unit(i: &str) -> PResult<'_, u32> {
    match split_first_char(i) {
        Some((c, rest)) => match cjk_big_unit_value(c) {
            Some(p) => Ok((rest, p)),
            None => fail(i, ErrorKind::Char),
        },
        None => fail(i, ErrorKind::Char),
    }
}

/// A digit or zero, for digit-by-digit numbers and decimal parts.
fn cjk_any_digit(i: &str) -> PResult<'_, u8> {
    match cjk_zero(i) {
        Ok(ok) => Ok(ok),
        Err(_) => cjk_digit(i),
    }
}

/// The digit-by-digit run at the start of `i` if it qualifies as a
/// [`cjk_digit_sequence`]: (rest, value or `None` on overflow).
fn cjk_digit_run(i: &str) -> Option<(&str, Option<i128>)> {
    let mut rest = i;
    let mut count = 0usize;
    let mut has_zero = false;
    let mut value: Option<i128> = Some(0);
    while let Ok((r, d)) = cjk_any_digit(rest) {
        has_zero |= d == 0;
        count += 1;
        value = value
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(i128::from(d)));
        rest = r;
    }
    // Four digits or more are always a digit-by-digit number (so a long
    // run is consumed whole and scanning text stays linear); two or three
    // need a zero and no unit after them.
    let qualifies = count >= 4 || (count >= 2 && has_zero && cjk_small_unit(rest).is_err());
    if !qualifies {
        return None;
    }
    Some((rest, value))
}

/// A number written digit by digit, as years are: `二〇二六` (2026),
/// `二○一二`, `一九九八`. At least four digits, or two or more with a zero,
/// so that ranges (`两三`, `三四`) and lists (`一二三产业`) are not read as
/// numbers; two or three digits are never followed by `十 百 千`. Overflow
/// (more than 38 digits) is a `nom::Err::Failure`.
///
/// ```ebnf
/// cjk_digit_sequence ::= ( cjk_digit | cjk_zero ) ( cjk_digit | cjk_zero )+
///                        (* four or more; or two or three containing
///                           cjk_zero and not followed by cjk_small_unit *)
/// ```
pub(crate) fn cjk_digit_sequence(i: &str) -> PResult<'_, Decimal> {
    let Some((rest, value)) = cjk_digit_run(i) else {
        return fail(i, ErrorKind::Digit);
    };
    match value {
        Some(v) => Ok((rest, Decimal::from_int(v))),
        None => Err(nom::Err::Failure(GrammarError::from_error_kind(
            i,
            ErrorKind::TooLarge,
        ))),
    }
}

/// What the previous token of a positional numeral was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Digit,
    Zero,
    Small(u32),
    Big(u32),
}

/// The state of [`cjk_positional`].
#[derive(Debug, Clone, Copy)]
struct Positional {
    /// Everything up to the last 亿, multiplied.
    acc: u128,
    /// The 万 part of the current 亿 group.
    grp: u128,
    /// The current section (below 万), from digit + unit terms.
    sec: u128,
    /// The next small unit must be below this power.
    sec_cap: u32,
    wan_seen: bool,
    /// A digit not yet given a unit: (value, is 两, token before it).
    pending: Option<(u8, bool, Prev)>,
    prev: Prev,
}

impl Positional {
    fn new() -> Positional {
        Positional {
            acc: 0,
            grp: 0,
            sec: 0,
            sec_cap: 4,
            wan_seen: false,
            pending: None,
            prev: Prev::Start,
        }
    }

    /// The value if the numeral ended here, or `None` if it cannot end
    /// here (after `零`, after a misplaced `两`, before anything).
    fn complete(&self) -> Option<u128> {
        let base = self.acc.checked_add(self.grp)?.checked_add(self.sec)?;
        match (self.prev, self.pending) {
            (Prev::Start | Prev::Zero, _) => None,
            (_, None) => Some(base),
            (_, Some((d, liang, ctx))) => {
                let pos = match ctx {
                    Prev::Start => 0,
                    _ if liang => return None,
                    // Abbreviation: 一万二 = 12000, 一千五 = 1500.
                    Prev::Small(p) | Prev::Big(p) if p >= 2 => p - 1,
                    _ => 0,
                };
                base.checked_add(u128::from(d).checked_mul(10u128.checked_pow(pos)?)?)
            }
        }
    }

    /// The pending digit as the units digit of what `万`/`亿` (power
    /// `unit`) multiplies, or `None` when it cannot be one: 两 after 十,
    /// or right after 百/千 or a big unit not above `unit` (`一千二万`,
    /// `一万二亿` are ambiguous abbreviations; `一亿二万` is 100 020 000).
    fn pending_units(&self, unit: u32) -> Option<u128> {
        match self.pending {
            None => Some(0),
            Some((_, true, Prev::Small(1))) => None,
            Some((_, _, Prev::Small(p))) if p >= 2 => None,
            Some((_, _, Prev::Big(p))) if p <= unit => None,
            Some((d, _, _)) => Some(u128::from(d)),
        }
    }

    /// Feed one token; `None` when it cannot continue the numeral.
    fn step(mut self, token: Token) -> Option<Positional> {
        match token {
            Token::Digit(d, liang) => {
                if self.pending.is_some() {
                    return None;
                }
                self.pending = Some((d, liang, self.prev));
                self.prev = Prev::Digit;
            }
            Token::Zero => {
                match self.prev {
                    Prev::Small(p) if p >= 2 => {}
                    Prev::Big(_) => {}
                    _ => return None,
                }
                self.prev = Prev::Zero;
            }
            Token::Small(p) => self = self.small_unit(p)?,
            Token::Big(p) => self = self.big_unit(p)?,
        }
        Some(self)
    }

    fn small_unit(mut self, p: u32) -> Option<Positional> {
        if p >= self.sec_cap {
            return None;
        }
        let m = match self.pending {
            Some((_, true, _)) if p == 1 => return None,
            Some((d, _, _)) => u128::from(d),
            None if p == 1 && matches!(self.prev, Prev::Start | Prev::Zero) => 1,
            None => return None,
        };
        self.sec = self
            .sec
            .checked_add(m.checked_mul(10u128.checked_pow(p)?)?)?;
        self.sec_cap = p;
        self.pending = None;
        self.prev = Prev::Small(p);
        Some(self)
    }

    fn big_unit(mut self, p: u32) -> Option<Positional> {
        if p == 8 && self.prev == Prev::Big(8) {
            // 亿亿
            self.acc = self.acc.checked_mul(100_000_000)?;
            return Some(self);
        }
        if p == 4 && self.prev == Prev::Big(4) {
            // 万万 = 亿 (older texts: 六萬萬人民)
            let v = self.grp / 10_000;
            self.acc = self.acc.checked_add(v)?.checked_mul(100_000_000)?;
            self.grp = 0;
            self.wan_seen = false;
            self.prev = Prev::Big(8);
            return Some(self);
        }
        let v = self.sec.checked_add(self.pending_units(p)?)?;
        if p == 4 {
            if self.wan_seen || v == 0 {
                return None;
            }
            self.grp = v.checked_mul(10_000)?;
            self.wan_seen = true;
        } else {
            let v = v.checked_add(self.grp)?;
            if v == 0 {
                return None;
            }
            self.acc = self.acc.checked_add(v)?.checked_mul(100_000_000)?;
            self.grp = 0;
            self.wan_seen = false;
        }
        self.sec = 0;
        self.sec_cap = 4;
        self.pending = None;
        self.prev = Prev::Big(p);
        Some(self)
    }
}

/// One token of a positional numeral.
#[derive(Debug, Clone, Copy)]
enum Token {
    /// A digit 1–9; true for 两.
    Digit(u8, bool),
    Zero,
    Small(u32),
    Big(u32),
}

/// The next positional token, through the character productions.
fn positional_token(i: &str) -> Option<(&str, Token)> {
    if let Ok((r, d)) = cjk_digit(i) {
        Some((r, Token::Digit(d, false)))
    } else if let Ok((r, d)) = cjk_liang(i) {
        Some((r, Token::Digit(d, true)))
    } else if let Ok((r, _)) = cjk_zero(i) {
        Some((r, Token::Zero))
    } else if let Ok((r, p)) = cjk_small_unit(i) {
        Some((r, Token::Small(p)))
    } else if let Ok((r, p)) = cjk_big_unit(i) {
        Some((r, Token::Big(p)))
    } else {
        None
    }
}

/// A positional CJK integer: `十二`, `二十`, `一百零五`, `两千零二十六`,
/// `三千万`, `十万八千`, `一亿二千万`, `壹佰贰拾叁`, `零`. Reads the longest
/// well-formed prefix (`十二五` → 12, leftover `五`).
///
/// ```ebnf
/// cjk_positional ::= cjk_zero
///                  | ( ( cjk_digit | cjk_liang )? cjk_small_unit
///                    | cjk_digit | cjk_liang
///                    | cjk_big_unit
///                    | cjk_zero )+
/// (* Constraints, checked while reading:
///    - small units strictly decrease within a section (千 > 百 > 十);
///      万 at most once per 亿 group (万万 = 亿, as in 六萬萬); 亿
///      multiplies everything before it (一万亿 = 10^12, 一亿亿 = 10^16);
///    - a bare unit is only 十, at the start or after 零 (十二, 一千零十);
///    - 零 only after 百 千 万 亿, once; a numeral never ends in 零;
///    - 两 only alone or before 百 千 万 亿 (两千, 两万; not 十两);
///    - two digits in a row end the numeral (两三 → 两);
///    - a final digit right after 百 千 万 亿 is one position lower
///      (一万二 = 12000, 一千五 = 1500); after 十 or 零 it is units. *)
/// ```
pub(crate) fn cjk_positional(i: &str) -> PResult<'_, Decimal> {
    if let Ok((rest, _)) = cjk_zero(i) {
        return Ok((rest, Decimal::ZERO));
    }
    let mut state = Positional::new();
    let mut best: Option<(&str, i128)> = None;
    let mut rest = i;
    while let Some((r, token)) = positional_token(rest) {
        match state.step(token) {
            Some(next) => state = next,
            None => break,
        }
        rest = r;
        if let Some(v) = state.complete().and_then(|v| i128::try_from(v).ok()) {
            best = Some((rest, v));
        }
    }
    match best {
        Some((rest, v)) => Ok((rest, Decimal::from_int(v))),
        None => fail(i, ErrorKind::Digit),
    }
}

/// A CJK decimal part: `点` and digits (`五` in `三点五`).
///
/// ```ebnf
/// cjk_fraction ::= ( "点" | "點" ) ( cjk_digit | cjk_zero )+
/// ```
pub(crate) fn cjk_fraction(i: &str) -> PResult<'_, &str> {
    let after = match i.strip_prefix('点').or_else(|| i.strip_prefix('點')) {
        Some(a) => a,
        None => return fail(i, ErrorKind::Char),
    };
    let mut rest = after;
    while let Ok((r, _)) = cjk_any_digit(rest) {
        rest = r;
    }
    if rest.len() == after.len() {
        return fail(i, ErrorKind::Digit);
    }
    Ok((rest, consumed(i, rest)))
}

/// A CJK numeral: digit by digit (`二〇二六`), or positional with an
/// optional decimal part (`一千零五`, `三点五`, `零点五`). No scale word
/// after it (see [`number`]). A digit-by-digit number too large for a
/// [`Decimal`] is a `nom::Err::Failure` ([`number`] reports it as `value:
/// None`).
///
/// ```ebnf
/// cjk_numeral ::= cjk_digit_sequence
///               | cjk_positional cjk_fraction?
/// ```
pub(crate) fn cjk_numeral(i: &str) -> PResult<'_, Decimal> {
    match cjk_digit_sequence(i) {
        Ok(ok) => return Ok(ok),
        Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
        Err(_) => {}
    }
    let (rest, int) = cjk_positional(i)?;
    if let Ok((after, frac)) = cjk_fraction(rest) {
        let mut mantissa = Some(int.mantissa());
        let mut scale = 0u32;
        for c in frac.chars() {
            let d = if cjk_zero_char(c) {
                Some(0)
            } else {
                cjk_digit_value(c)
            };
            if let Some(d) = d {
                mantissa = mantissa
                    .and_then(|m| m.checked_mul(10))
                    .and_then(|m| m.checked_add(i128::from(d)));
                scale = scale.saturating_add(1);
            }
        }
        if let Some(m) = mantissa {
            return Ok((after, Decimal::new(m, scale)));
        }
    }
    Ok((rest, int))
}

/// Characters that end a CJK numeral and can start a unit (`千瓦`, `万元`).
fn trailing_scale_char(c: char) -> Option<u32> {
    match c {
        '百' | '佰' => Some(2),
        '千' | '仟' => Some(3),
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// For a CJK numeral that ends in `百 千 万 亿` and is exactly "prefix ×
/// that unit" (`三千万` = 三千 × 万, but not `一亿二千万`): the prefix end,
/// the power of ten and the prefix value.
fn cjk_trailing_scale(text: &str, value: Decimal) -> Option<(usize, u32, Decimal)> {
    let (last_at, last) = text.char_indices().next_back()?;
    let p = trailing_scale_char(last)?;
    let prefix = text.get(..last_at)?;
    if prefix.is_empty() {
        return None;
    }
    match cjk_numeral(prefix) {
        Ok(("", v)) if v.checked_mul_pow10(p) == Some(value) => Some((last_at, p, v)),
        _ => None,
    }
}

/// A CJK digit-by-digit run too long for a value: consumed whole, `value:
/// None`. Other errors pass through.
fn cjk_overflow<'a>(i: &'a str, e: nom::Err<GrammarError<'a>>) -> PResult<'a, Numeral<'a>> {
    match (&e, cjk_digit_run(i)) {
        (nom::Err::Failure(_), Some((rest, None))) => Ok((
            rest,
            Numeral {
                text: consumed(i, rest),
                value: None,
                form: NumeralForm::Cjk,
                scale: 0,
            },
        )),
        _ => Err(e),
    }
}

/// A numeral without its trailing scale word, so that a unit starting with
/// a scale character can match: `3千瓦` → `3` (leftover `千瓦`), `三万元` →
/// `三` (leftover `万元`), `三千万元` → `三千` (leftover `万元`). A CJK final
/// `百 千 万 亿` is left only when the rest is the same number without it
/// (`一亿二千万` stays whole). `scale` is always 0.
///
/// Callers try `number_unscaled` + unit before [`number`] + unit.
///
/// ```ebnf
/// number_unscaled ::= arabic_number | cjk_numeral
///                     (* a CJK numeral minus a final 百 千 万 亿 that only scales it *)
/// ```
#[cfg_attr(not(test), allow(dead_code))] // for the quantity grammar
pub(crate) fn number_unscaled(i: &str) -> PResult<'_, Numeral<'_>> {
    if arabic_digit(i).is_ok() {
        let (rest, (text, value)) = arabic_run(i)?;
        return Ok((
            rest,
            Numeral {
                text,
                value,
                form: NumeralForm::Arabic,
                scale: 0,
            },
        ));
    }
    let (rest, value) = match cjk_numeral(i) {
        Ok(ok) => ok,
        Err(e) => return cjk_overflow(i, e),
    };
    let text = consumed(i, rest);
    if let Some((end, _, prefix_value)) = cjk_trailing_scale(text, value) {
        return Ok((
            i.get(end..).unwrap_or(""),
            Numeral {
                text: text.get(..end).unwrap_or(text),
                value: Some(prefix_value),
                form: NumeralForm::Cjk,
                scale: 0,
            },
        ));
    }
    Ok((
        rest,
        Numeral {
            text,
            value: Some(value),
            form: NumeralForm::Cjk,
            scale: 0,
        },
    ))
}

/// A numeral with its scale word applied: `3.5万` = 35 000, `11660万` =
/// 116 600 000, `69.45亿`, `3万4000` = 34 000, `1亿2000万`, `三千万`,
/// `三点五万`, `2021` (no scale word).
///
/// Only one scale word is taken (`1200万千瓦` → `1200万`, leftover
/// `千瓦`), and after a CJK numeral only when it has a decimal part
/// (`三点五万`; `十万千瓦` → `十万`, `二十五千瓦` → `二十五`). Values scaled by a word are normalized
/// (`1.50万` → `15000`); without one the written decimal places are kept.
/// On overflow `value` is `None` and the whole numeral is still consumed.
///
/// ```ebnf
/// number ::= arabic_number ( scale_word scaled_remainder? )?
///          | cjk_numeral scale_word?
///            (* scale_word only after a cjk_numeral with a cjk_fraction *)
/// ```
pub(crate) fn number(i: &str) -> PResult<'_, Numeral<'_>> {
    if arabic_digit(i).is_ok() {
        let (rest, (digits, value)) = arabic_run(i)?;
        let Ok((after_scale, exp)) = scale_word(rest) else {
            return Ok((
                rest,
                Numeral {
                    text: consumed(i, rest),
                    value,
                    form: NumeralForm::Arabic,
                    scale: 0,
                },
            ));
        };
        let mut value = value.and_then(|v| v.checked_mul_pow10(exp));
        let mut rest = after_scale;
        if !digits.contains(['.', '．']) {
            if let Ok((r, extra)) = scaled_remainder(after_scale, exp) {
                value = value.and_then(|v| v.checked_add(Decimal::from_int(extra?)));
                rest = r;
            }
        }
        return Ok((
            rest,
            Numeral {
                text: consumed(i, rest),
                value: value.map(|v| v.normalized()),
                form: NumeralForm::Mixed,
                scale: exp,
            },
        ));
    }
    let (rest, value) = match cjk_numeral(i) {
        Ok(ok) => ok,
        Err(e) => return cjk_overflow(i, e),
    };
    let text = consumed(i, rest);
    if text.contains(['点', '點']) {
        if let Ok((after, exp)) = scale_word(rest) {
            return Ok((
                after,
                Numeral {
                    text: consumed(i, after),
                    value: value.checked_mul_pow10(exp).map(|v| v.normalized()),
                    form: NumeralForm::Cjk,
                    scale: exp,
                },
            ));
        }
    }
    let scale = cjk_trailing_scale(text, value).map_or(0, |(_, p, _)| p);
    Ok((
        rest,
        Numeral {
            text,
            value: Some(value),
            form: NumeralForm::Cjk,
            scale,
        },
    ))
}

/// Apply a scale (a scale word or a unit's scale: `万元` = 10^4) that
/// follows a numeral after an interruption, as in `一亿一千多万元` (number
/// `一亿一千`, `多`, unit `万元`): for a CJK integer containing `亿`, `万`
/// scales only the part after the last `亿` (一亿 + 一千万 = 110 000 000).
/// Everything else is `value × 10^exp`
/// ([`Decimal::checked_mul_pow10`]). `None` on overflow or without a value.
#[cfg_attr(not(test), allow(dead_code))] // for the quantity grammar
pub(crate) fn scale_numeral(numeral: &Numeral<'_>, exp: u32) -> Option<Decimal> {
    let value = numeral.value?;
    let has_yi = numeral.text.contains(['亿', '億']);
    if numeral.form == NumeralForm::Cjk && has_yi && exp < 8 {
        if let Some(v) = value.to_i128() {
            let (hi, lo) = (v / 100_000_000, v % 100_000_000);
            let lo = lo.checked_mul(10i128.checked_pow(exp)?)?;
            if lo < 100_000_000 {
                return hi
                    .checked_mul(100_000_000)?
                    .checked_add(lo)
                    .map(Decimal::from_int);
            }
        }
    }
    value.checked_mul_pow10(exp)
}

const CJK_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn push_digit(out: &mut String, d: u128) {
    let idx = usize::try_from(d).unwrap_or(0);
    out.push(CJK_DIGITS.get(idx).copied().unwrap_or('零'));
}

/// A section below 万 (`n` in 1..10000).
fn format_section(n: u128, start: bool, out: &mut String) {
    let mut zero = false;
    let mut any = false;
    for (pos, unit) in [
        (3u32, Some('千')),
        (2, Some('百')),
        (1, Some('十')),
        (0, None),
    ] {
        let d = (n / 10u128.pow(pos)) % 10;
        if d == 0 {
            zero |= any;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(pos == 1 && d == 1 && start && !any) {
            push_digit(out, d);
        }
        if let Some(u) = unit {
            out.push(u);
        }
        any = true;
    }
}

/// A number below 亿 (`n` in 1..10^8).
fn format_wan(n: u128, start: bool, out: &mut String) {
    if n >= 10_000 {
        format_section(n / 10_000, start, out);
        out.push('万');
        let lo = n % 10_000;
        if lo > 0 {
            if lo < 1000 {
                out.push('零');
            }
            format_section(lo, false, out);
        }
    } else {
        format_section(n, start, out);
    }
}

fn format_any(n: u128, start: bool, out: &mut String) {
    if n >= 100_000_000 {
        format_any(n / 100_000_000, start, out);
        out.push('亿');
        let lo = n % 100_000_000;
        if lo > 0 {
            if lo < 10_000_000 {
                out.push('零');
            }
            format_wan(lo, false, out);
        }
    } else {
        format_wan(n, start, out);
    }
}

/// `n` in standard simplified CJK numerals: `零`, `十二` (not `一十二`),
/// `一百一十`, `一千零五`, `十万零一十`, `一千万五千`, `一亿零五百万`; from
/// 10^16 on, `亿` repeats (`一亿亿`). [`cjk_numeral`] reads every output
/// back to `n`.
#[cfg_attr(not(test), allow(dead_code))] // round-trip tests; rendering
pub(crate) fn format_cjk(n: u128) -> String {
    let mut out = String::new();
    if n == 0 {
        out.push('零');
    } else {
        format_any(n, true, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, expected value, expected leftover); value `None` = no match.
    type Kat = (&'static str, Option<&'static str>, &'static str);

    fn check<O: ToString>(name: &str, parser: impl Fn(&str) -> PResult<'_, O>, table: &[Kat]) {
        for &(input, expected, leftover) in table {
            let got = parser(input);
            match (expected, got) {
                (Some(v), Ok((rest, out))) => {
                    assert_eq!(
                        (out.to_string().as_str(), rest),
                        (v, leftover),
                        "{name}({input:?})"
                    );
                }
                (None, Err(_)) => {}
                (e, g) => panic!(
                    "{name}({input:?}): expected {e:?}, got {:?}",
                    g.map(|(r, o)| (r, o.to_string()))
                ),
            }
        }
    }

    #[test]
    fn arabic_number_kat() {
        check(
            "arabic_number",
            arabic_number,
            &[
                ("2021年", Some("2021"), "年"),
                ("0", Some("0"), ""),
                ("007", Some("7"), ""),
                ("86.3%", Some("86.3"), "%"),
                ("86.30％", Some("86.30"), "％"),
                ("1,234,567元", Some("1234567"), "元"),
                ("1,234,567.89元", Some("1234567.89"), "元"),
                ("12,3", Some("12"), ",3"),
                ("1,2345", Some("1"), ",2345"),
                ("1234,567", Some("1234"), ",567"),
                ("1,234,56", Some("1234"), ",56"),
                ("1,234，567", Some("1234"), "，567"),
                ("3.", Some("3"), "."),
                ("3.万", Some("3"), ".万"),
                ("3.5.6", Some("3.5"), ".6"),
                ("１２３", Some("123"), ""),
                ("３．５", Some("3.5"), ""),
                ("３.５", Some("3.5"), ""),
                ("１,２３４", Some("1234"), ""),
                ("0.05", Some("0.05"), ""),
                (
                    "170141183460469231731687303715884105727",
                    Some("170141183460469231731687303715884105727"),
                    "",
                ),
                ("a1", None, ""),
                ("", None, ""),
                (".5", None, ""),
                ("，1", None, ""),
                ("一", None, ""),
            ],
        );
        // Overflow is a failure (number() reports it as value None).
        assert!(matches!(
            arabic_number("9999999999999999999999999999999999999999999"),
            Err(nom::Err::Failure(_))
        ));
    }

    #[test]
    fn scale_word_kat() {
        check(
            "scale_word",
            scale_word,
            &[
                ("万元", Some("4"), "元"),
                ("万亿元", Some("12"), "元"),
                ("亿元", Some("8"), "元"),
                ("千万", Some("7"), ""),
                ("百万千瓦", Some("6"), "千瓦"),
                ("千瓦", Some("3"), "瓦"),
                ("百", Some("2"), ""),
                ("萬人次", Some("4"), "人次"),
                ("億", Some("8"), ""),
                ("十", None, ""),
                ("元", None, ""),
            ],
        );
    }

    #[test]
    fn cjk_numeral_kat() {
        check(
            "cjk_numeral",
            cjk_numeral,
            &[
                ("十", Some("10"), ""),
                ("十一", Some("11"), ""),
                ("十二", Some("12"), ""),
                ("一十二", Some("12"), ""),
                ("二十", Some("20"), ""),
                ("二十一万", Some("210000"), ""),
                ("一百一十", Some("110"), ""),
                ("一百零五", Some("105"), ""),
                ("一百〇五", Some("105"), ""),
                ("两千零二十六", Some("2026"), ""),
                ("二〇二六年", Some("2026"), "年"),
                ("二○一二", Some("2012"), ""),
                ("二零二六", Some("2026"), ""),
                ("一九九八年", Some("1998"), "年"),
                ("一〇八", Some("108"), ""),
                ("二〇十", Some("2"), "〇十"),
                ("一九九八十", Some("1998"), "十"),
                ("壹佰贰拾叁", Some("123"), ""),
                ("贰仟零伍拾", Some("2050"), ""),
                ("叁萬", Some("30000"), ""),
                ("三千万", Some("30000000"), ""),
                ("一万二千", Some("12000"), ""),
                ("一万二", Some("12000"), ""),
                ("一千五", Some("1500"), ""),
                ("三百五", Some("350"), ""),
                ("一亿二", Some("120000000"), ""),
                ("两万", Some("20000"), ""),
                ("两万五千", Some("25000"), ""),
                ("十万八千", Some("108000"), ""),
                ("一亿二千万", Some("120000000"), ""),
                ("一亿零五百万", Some("105000000"), ""),
                ("十万零一十", Some("100010"), ""),
                ("一千万五千", Some("10005000"), ""),
                ("一万亿", Some("1000000000000"), ""),
                ("三万五千亿元", Some("3500000000000"), "元"),
                ("一亿亿", Some("10000000000000000"), ""),
                ("六萬萬人民", Some("600000000"), "人民"),
                ("四萬萬五千萬", Some("450000000"), ""),
                ("一千零十", Some("1010"), ""),
                ("一万二百", Some("10200"), ""),
                ("零", Some("0"), ""),
                ("〇", Some("0"), ""),
                ("零点五", Some("0.5"), ""),
                ("三点五", Some("3.5"), ""),
                ("三点一四一五", Some("3.1415"), ""),
                ("十二点五万", Some("12.5"), "万"),
                ("三点意见", Some("3"), "点意见"),
                ("两", Some("2"), ""),
                ("两个", Some("2"), "个"),
                ("两三个", Some("2"), "三个"),
                ("三四个", Some("3"), "四个"),
                ("一二三产业", Some("1"), "二三产业"),
                ("十二五", Some("12"), "五"),
                ("十四五", Some("14"), "五"),
                ("十两", Some("10"), "两"),
                ("一万两", Some("10000"), "两"),
                ("一亿两万", Some("100020000"), ""),
                ("一亿零两万", Some("100020000"), ""),
                ("十两万", Some("10"), "两万"),
                ("两十", Some("2"), "十"),
                ("一百零", Some("100"), "零"),
                ("二十零", Some("20"), "零"),
                ("一千二万", Some("1200"), "万"),
                ("十万千瓦", Some("100000"), "千瓦"),
                ("三千瓦", Some("3000"), "瓦"),
                ("一是", Some("1"), "是"),
                ("第一", None, ""),
                ("百分之三十", None, ""),
                ("千方百计", None, ""),
                ("万一", None, ""),
                ("亿", None, ""),
                ("", None, ""),
            ],
        );
    }

    fn numeral_value(n: Numeral<'_>) -> String {
        match n.value {
            Some(v) => format!("{v}|{}|{:?}|{}", n.text, n.form, n.scale),
            None => format!("None|{}|{:?}|{}", n.text, n.form, n.scale),
        }
    }

    #[test]
    fn number_kat() {
        let long = "9".repeat(10_000);
        let long_unit = format!("{long}万元");
        let table: Vec<(&str, Option<&str>, &str)> = vec![
            ("3.5万", Some("35000|3.5万|Mixed|4"), ""),
            ("1.2亿", Some("120000000|1.2亿|Mixed|8"), ""),
            ("11660万元", Some("116600000|11660万|Mixed|4"), "元"),
            ("319.18万元", Some("3191800|319.18万|Mixed|4"), "元"),
            ("8.6万余条", Some("86000|8.6万|Mixed|4"), "余条"),
            ("69.45亿元", Some("6945000000|69.45亿|Mixed|8"), "元"),
            ("3万4000", Some("34000|3万4000|Mixed|4"), ""),
            ("1万2千", Some("12000|1万2千|Mixed|4"), ""),
            ("1亿2000万", Some("120000000|1亿2000万|Mixed|8"), ""),
            ("1亿200万", Some("102000000|1亿200万|Mixed|8"), ""),
            ("1亿2000万3000", Some("120003000|1亿2000万3000|Mixed|8"), ""),
            ("1万2", Some("10000|1万|Mixed|4"), "2"),
            ("3万零500元", Some("30500|3万零500|Mixed|4"), "元"),
            ("1千零1", Some("1001|1千零1|Mixed|3"), ""),
            ("1亿零500万", Some("105000000|1亿零500万|Mixed|8"), ""),
            ("5万4千6百", Some("54600|5万4千6百|Mixed|4"), ""),
            ("3万零", Some("30000|3万|Mixed|4"), "零"),
            ("3万零50000", Some("30000|3万|Mixed|4"), "零50000"),
            ("3万400元", Some("30000|3万|Mixed|4"), "400元"),
            ("1.5万3000", Some("15000|1.5万|Mixed|4"), "3000"),
            ("1.2万亿元", Some("1200000000000|1.2万亿|Mixed|12"), "元"),
            ("1200万千瓦", Some("12000000|1200万|Mixed|4"), "千瓦"),
            ("5千万元", Some("50000000|5千万|Mixed|7"), "元"),
            ("1.50万", Some("15000|1.50万|Mixed|4"), ""),
            ("2021年", Some("2021|2021|Arabic|0"), "年"),
            ("86.30%", Some("86.30|86.30|Arabic|0"), "%"),
            ("三千万元", Some("30000000|三千万|Cjk|4"), "元"),
            ("一亿二千万元", Some("120000000|一亿二千万|Cjk|0"), "元"),
            ("三点五万", Some("35000|三点五万|Cjk|4"), ""),
            ("十万千瓦", Some("100000|十万|Cjk|4"), "千瓦"),
            ("二十五千瓦", Some("25|二十五|Cjk|0"), "千瓦"),
            ("一千二万", Some("1200|一千二|Cjk|0"), "万"),
            ("一亿二万", Some("100020000|一亿二万|Cjk|0"), ""),
            ("零点五亿", Some("50000000|零点五亿|Cjk|8"), ""),
            ("二〇二六年", Some("2026|二〇二六|Cjk|0"), "年"),
            (
                "9999999999999999999999999999999999999999999",
                Some("None|9999999999999999999999999999999999999999999|Arabic|0"),
                "",
            ),
            ("年", None, ""),
        ];
        for (input, expected, leftover) in table {
            match (expected, number(input)) {
                (Some(e), Ok((rest, n))) => {
                    assert_eq!((numeral_value(n).as_str(), rest), (e, leftover), "{input}");
                }
                (None, Err(_)) => {}
                (e, g) => panic!("number({input:?}): expected {e:?}, got {g:?}"),
            }
        }
        let (rest, n) = number(&long_unit).unwrap();
        assert_eq!((rest, n.value, n.text.len()), ("元", None, long.len() + 3));
        let (rest, n) = number(&long).unwrap();
        assert_eq!((rest, n.value, n.form), ("", None, NumeralForm::Arabic));
    }

    #[test]
    fn number_unscaled_kat() {
        for (input, text, value, leftover) in [
            ("3千瓦", "3", "3", "千瓦"),
            ("11660万元", "11660", "11660", "万元"),
            ("三万元", "三", "3", "万元"),
            ("三千万元", "三千", "3000", "万元"),
            ("十万元", "十", "10", "万元"),
            ("一百二十万元", "一百二十", "120", "万元"),
            ("一亿二千万元", "一亿二千万", "120000000", "元"),
            ("一千一百米", "一千一百", "1100", "米"),
            ("二十五千瓦", "二十五", "25", "千瓦"),
            ("十二", "十二", "12", ""),
            ("十", "十", "10", ""),
        ] {
            let (rest, n) = number_unscaled(input).unwrap();
            assert_eq!(
                (n.text, n.value.map(|v| v.to_string()), rest, n.scale),
                (text, Some(value.to_string()), leftover, 0),
                "{input}"
            );
        }
    }

    #[test]
    fn scale_numeral_kat() {
        for (input, exp, expected) in [
            ("一亿一千", 4, "110000000"),
            ("一億六千", 4, "160000000"),
            ("一百", 8, "10000000000"),
            ("一千七百", 4, "17000000"),
            ("3000", 4, "30000000"),
            ("1.5", 4, "15000"),
            ("三点五", 4, "35000"),
            ("一亿零五", 3, "100005000"),
        ] {
            let (_, n) = number(input).unwrap();
            assert_eq!(
                scale_numeral(&n, exp).map(|d| d.to_string()).as_deref(),
                Some(expected),
                "{input}"
            );
        }
    }

    #[test]
    fn format_cjk_kat() {
        for (n, s) in [
            (0u128, "零"),
            (5, "五"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (1010, "一千零一十"),
            (2026, "二千零二十六"),
            (12_000, "一万二千"),
            (100_010, "十万零一十"),
            (108_000, "十万八千"),
            (10_005_000, "一千万五千"),
            (10_000_500, "一千万零五百"),
            (105_000_000, "一亿零五百万"),
            (120_000_000, "一亿二千万"),
            (1_000_000_000_000, "一万亿"),
            (10_000_000_000_000_000, "一亿亿"),
        ] {
            assert_eq!(format_cjk(n), s);
        }
    }

    #[test]
    fn long_inputs_are_linear() {
        let digits = "7".repeat(10_000);
        let (rest, v) = arabic_integer(&digits).unwrap();
        assert_eq!((rest, v.len()), ("", 10_000));
        let cjk = "二".repeat(10_000);
        assert!(matches!(cjk_numeral(&cjk), Err(nom::Err::Failure(_))));
        let (rest, n) = number(&cjk).unwrap();
        assert_eq!((rest, n.value, n.form), ("", None, NumeralForm::Cjk));
        let positional = "二十".repeat(5_000);
        let (rest, v) = cjk_numeral(&positional).unwrap();
        assert_eq!((rest.len(), v), (6 * 5_000 - 9, Decimal::from_int(22)));
        let years = "二〇".repeat(10_000);
        assert!(matches!(cjk_numeral(&years), Err(nom::Err::Failure(_))));
        let (rest, n) = number(&years).unwrap();
        assert_eq!((rest, n.value, n.text.len()), ("", None, years.len()));
        let (rest, n) = number_unscaled(&years).unwrap();
        assert_eq!((rest, n.value), ("", None));
    }

    proptest::proptest! {
        #[test]
        fn format_cjk_round_trips(n in 0u128..=10_000_000_000_000_000) {
            let text = format_cjk(n);
            let (rest, v) = cjk_numeral(&text).unwrap();
            proptest::prop_assert_eq!(rest, "");
            proptest::prop_assert_eq!(v, Decimal::from_int(n as i128));
        }

        /// Any string over the numeral alphabet: no panic, the numeral is a
        /// prefix, and reading that prefix alone gives the same numeral.
        #[test]
        fn numerals_are_stable_prefixes(
            s in "[0-9０-９.,．，一二三四五六七八九十百千万亿两零〇○点壹贰拾佰仟萬億兩多余年元瓦]{0,14}"
        ) {
            if let Ok((rest, n)) = number(&s) {
                proptest::prop_assert!(s.ends_with(rest));
                proptest::prop_assert_eq!(n.text, consumed(&s, rest));
                proptest::prop_assert!(!n.text.is_empty());
                proptest::prop_assert_eq!(number(n.text), Ok(("", n)), "{:?}", s);
            }
            // number_unscaled strips one scale character each time; its
            // text read by `number` has the same value.
            if let Ok((rest, n)) = number_unscaled(&s) {
                proptest::prop_assert!(s.ends_with(rest));
                proptest::prop_assert_eq!(n.text, consumed(&s, rest));
                let again = number(n.text).map(|(r, m)| (r, m.value));
                proptest::prop_assert_eq!(again, Ok(("", n.value)), "{:?}", s);
            }
            if let Ok((rest, v)) = cjk_numeral(&s) {
                proptest::prop_assert!(s.ends_with(rest));
                let text = consumed(&s, rest);
                proptest::prop_assert_eq!(cjk_numeral(text), Ok(("", v)), "{:?}", s);
            }
        }

        #[test]
        fn arabic_round_trips(n in 0u128..=u64::MAX as u128) {
            let ascii = n.to_string();
            let full: String = ascii
                .chars()
                .map(|c| char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap())
                .collect();
            for text in [ascii, full] {
                let (rest, v) = arabic_number(&text).unwrap();
                proptest::prop_assert_eq!(rest, "");
                proptest::prop_assert_eq!(v, Decimal::from_int(n as i128));
            }
        }
    }
}

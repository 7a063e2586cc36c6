//! Quantities (SPEC §5): figure + optional scale + approximation + unit,
//! ranges, percentages, changes.

use super::PResult;
use super::figure::{Figure, Num, cjk_digit_val, cjk_figure, cjk_mult, digit_figure};
use super::unit::{UnitClass, UnitMatch, lookup, starts_unit, unit};
use crate::entity::{Approx, Direction};

/// A quantity as read from the text (before the scanner attaches the
/// approximation prefix, change and clause).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuantityMatch<'a> {
    /// Value in the canonical unit (the low end of a range); `None` on
    /// overflow.
    pub(crate) value: Option<Num>,
    /// High end of a range.
    pub(crate) high: Option<Num>,
    /// The unit, when written.
    pub(crate) unit: Option<UnitMatch<'a>>,
    /// Power of ten applied from scale words and the unit.
    pub(crate) scale: u32,
    /// Approximation written between or after (余 多 左右 以上 …).
    pub(crate) approx: Option<Approx>,
    /// A line break was crossed between the figure and what follows.
    pub(crate) split: bool,
    /// The scale words written before the unit (`万` in `319.18万元`).
    pub(crate) magnitude: &'a str,
}

fn err(i: &str) -> nom::Err<super::GrammarError<'_>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// Skip padding and at most one line break between a figure and its
/// continuation: (rest, crossed a line break).
#[inline]
pub(crate) fn gap(i: &str) -> (&str, bool) {
    // Nothing to skip unless the text starts with a pad char or a line end
    // (by its bytes: U+3000 is E3 80 80, U+00A0 C2 A0, U+2000..U+200B and
    // U+202F E2 80 xx, U+205F E2 81 9F, U+FEFF EF BB BF): most figures run
    // straight on.
    if !matches!(
        i.as_bytes(),
        [b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c, ..]
            | [0xe3, 0x80, 0x80, ..]
            | [0xc2, 0xa0, ..]
            | [0xe2, 0x80, ..]
            | [0xe2, 0x81, 0x9f, ..]
            | [0xef, 0xbb, 0xbf, ..]
    ) {
        return (i, false);
    }
    gap_walk(i)
}

/// [`gap`] without its first-byte reject: the pads, one line break, the
/// pads after it.
fn gap_walk(i: &str) -> (&str, bool) {
    let pad = |s: &'_ str| -> usize { s.len() - s.trim_start_matches(super::trivia::pad).len() };
    let a = pad(i);
    let r = i.get(a..).unwrap_or("");
    let r2 = r
        .strip_prefix("\r\n")
        .or_else(|| r.strip_prefix('\n'))
        .or_else(|| r.strip_prefix('\r'));
    match r2 {
        Some(r2) => {
            let b = pad(r2);
            (r2.get(b..).unwrap_or(""), true)
        }
        None => (r, false),
    }
}

/// Scale words after a figure; the exponent is the product's power of ten
/// (`万` 4, `亿` 8, `千万` 7, `万亿` 12).
///
/// ```ebnf
/// quantity_magnitude ::= [百千万亿萬億]{1,3}
/// ```
pub(crate) fn quantity_magnitude(i: &str) -> PResult<'_, u32> {
    let mut exp = 0u32;
    let mut pos = 0usize;
    for (n, c) in i.chars().enumerate() {
        match cjk_mult(c) {
            Some(e) if e >= 2 && n < 3 => {
                exp += e;
                pos += c.len_utf8();
            }
            _ => break,
        }
    }
    if pos == 0 {
        return Err(err(i));
    }
    Ok((i.get(pos..).unwrap_or(""), exp))
}

/// `余` `多` between a figure and its scale or unit.
///
/// ```ebnf
/// approx_infix ::= "余" | "多" | "餘"
/// ```
pub(crate) fn approx_infix(i: &str) -> PResult<'_, Approx> {
    for s in APPROX_INFIXES {
        if let Some(r) = i.strip_prefix(s) {
            return Ok((r, Approx::MoreThan));
        }
    }
    Err(err(i))
}

/// The words of [`approx_infix`].
const APPROX_INFIXES: [&str; 3] = ["余", "多", "餘"];

/// True for the first chars of the [`APPROX_INFIXES`] (a quick reject).
fn starts_approx_infix(c: char) -> bool {
    matches!(c, '余' | '多' | '餘')
}

/// Approximation words after the unit.
///
/// ```ebnf
/// approx_suffix ::= "左右" | "上下" | "以上" | "以下" | "以内" | "之内"
///                 | "以內" | "之內" | "及以上" | "及以下"
/// ```
pub(crate) fn approx_suffix(i: &str) -> PResult<'_, Approx> {
    if !i.chars().next().is_some_and(starts_approx_suffix) {
        return Err(err(i));
    }
    for &(s, a) in APPROX_SUFFIXES {
        if let Some(r) = i.strip_prefix(s) {
            // 以上 in 以上率 / 以下简称 is not an approximation.
            if s == "以下" && r.starts_with(['简', '称', '统', '几', '方']) {
                break;
            }
            return Ok((r, a));
        }
    }
    Err(err(i))
}

/// The words of [`approx_suffix`], longest first where one starts another.
const APPROX_SUFFIXES: &[(&str, Approx)] = &[
    ("左右", Approx::About),
    ("上下", Approx::About),
    ("及以上", Approx::MoreThan),
    ("及以下", Approx::LessThan),
    ("以上", Approx::MoreThan),
    ("以下", Approx::LessThan),
    ("以内", Approx::LessThan),
    ("之内", Approx::LessThan),
    ("以內", Approx::LessThan),
    ("之內", Approx::LessThan),
];

/// True for the first chars of the [`approx_suffix`] words (a quick
/// reject).
fn starts_approx_suffix(c: char) -> bool {
    matches!(c, '左' | '上' | '及' | '以' | '之')
}

/// The words of [`approx_prefix`], longest first where one ends another.
const APPROX_PREFIXES: &[(&str, Approx)] = &[
    // Bounds: 不超过 5 年 is at most (not more than), 不低于 30% at least.
    ("不超过", Approx::LessThan),
    ("不超過", Approx::LessThan),
    ("不高于", Approx::LessThan),
    ("不高於", Approx::LessThan),
    ("不多于", Approx::LessThan),
    ("不多於", Approx::LessThan),
    ("不大于", Approx::LessThan),
    ("不大於", Approx::LessThan),
    ("最多", Approx::LessThan),
    ("不少于", Approx::MoreThan),
    ("不少於", Approx::MoreThan),
    ("不低于", Approx::MoreThan),
    ("不低於", Approx::MoreThan),
    ("不小于", Approx::MoreThan),
    ("不小於", Approx::MoreThan),
    ("至少", Approx::MoreThan),
    // 突破2000亿元: past the figure (a threshold crossed).
    ("突破了", Approx::MoreThan),
    ("突破", Approx::MoreThan),
    ("超过了", Approx::MoreThan),
    ("超過了", Approx::MoreThan),
    ("超过", Approx::MoreThan),
    ("超過", Approx::MoreThan),
    ("将近", Approx::Nearly),
    ("將近", Approx::Nearly),
    ("大约为", Approx::About),
    ("大約為", Approx::About),
    ("大约", Approx::About),
    ("大約", Approx::About),
    ("接近", Approx::Nearly),
    ("不足", Approx::LessThan),
    ("不到", Approx::LessThan),
    ("近", Approx::Nearly),
    ("约为", Approx::About),
    ("約為", Approx::About),
    ("约有", Approx::About),
    ("約有", Approx::About),
    ("约", Approx::About),
    ("約", Approx::About),
    ("超", Approx::MoreThan),
    ("逾", Approx::MoreThan),
];

/// True for the last chars of the [`APPROX_PREFIXES`] (a quick reject:
/// [`approx_prefix`] finds nothing in a text that ends with another char).
pub(crate) fn ends_approx_prefix(c: char) -> bool {
    matches!(
        c,
        '于' | '到'
            | '多'
            | '破'
            | '少'
            | '於'
            | '約'
            | '约'
            | '超'
            | '足'
            | '过'
            | '近'
            | '逾'
            | '過'
            | '了'
            | '为'
            | '為'
            | '有'
    )
}

/// Approximation words before a figure, read backwards from the figure:
/// returns the byte length of the prefix in `before` and its meaning.
///
/// ```ebnf
/// approx_prefix ::= "不超过" | "不高于" | "不多于" | "不大于" | "最多"
///                 | "不少于" | "不低于" | "不小于" | "至少"
///                 | "突破了" | "突破" | "超过了" | "超过" | "将近" | "大约" | "接近"
///                 | "不足" | "不到"
///                 | "约为" | "约有" | "近" | "约" | "超" | "逾"
/// ```
pub(crate) fn approx_prefix(before: &str) -> Option<(usize, Approx)> {
    if !before.chars().next_back().is_some_and(ends_approx_prefix) {
        return None;
    }
    let last = before.as_bytes().last();
    for &(s, a) in APPROX_PREFIXES {
        // The last byte first: most prefixes fail on it, without a memcmp.
        if s.as_bytes().last() != last {
            continue;
        }
        if let Some(head) = before.strip_suffix(s) {
            // A single-char prefix must not end a word (节约 签约 最近 附近
            // 赶超), nor may 约为 / 约有 (合约为, 签约有).
            if s.chars().count() == 1 || matches!(s, "约为" | "約為" | "约有" | "約有") {
                let prev = head.chars().next_back();
                let word = match s {
                    "约" | "約" | "约为" | "約為" | "约有" | "約有" => {
                        "节制签履合违集预特公邀践条契简相節製簽違預踐條簡"
                    }
                    "近" => "最附靠临邻亲贴就逼走",
                    "超" => "赶高",
                    _ => "",
                };
                if prev.is_some_and(|p| word.contains(p)) {
                    return None;
                }
            }
            return Some((s.len(), a));
        }
    }
    None
}

fn figure_any(i: &str) -> Option<(&str, Figure<'_>)> {
    // digit_figure reads nothing unless a digit starts the text.
    let digit_first = i
        .chars()
        .next()
        .is_some_and(|c| super::figure::digit_value(c).is_some());
    if digit_first {
        digit_figure(i).ok()
    } else {
        cjk_figure(i).ok()
    }
}

/// True when `i` starts with a run of CJK numerals that nothing after it
/// can make a quantity of: the char after the run starts no unit, no
/// `余`/`多`, no decimal part, no padding or line break and no range
/// separator ([`figure_quantity`] then fails: a CJK figure needs a unit).
///
/// A run of digits and `十` alone (no scale word: no lexicon unit starts
/// inside it, and no scale word reads big) is also turned away when the
/// unit after it is one a CJK numeral does not take ([`bars_cjk`]):
/// `两级`, `十九大`.
fn cjk_run_stops(i: &str) -> bool {
    cjk_run(i).is_some_and(|(run, small)| stops_after_run(i.get(run..).unwrap_or(""), small))
}

/// The run of CJK numerals `i` starts with: its length (bytes), and
/// whether it is small (digits and `十` alone, no scale word); `None`
/// when `i` starts with no CJK numeral.
fn cjk_run(i: &str) -> Option<(usize, bool)> {
    // Every CJK numeral char is three bytes long (U+3007, U+25CB and
    // ideographs): the run is read three bytes at a time.
    let b = i.as_bytes();
    let mut k = 0usize;
    let mut small = true;
    while let Some(&[b0 @ 0xe0..=0xef, b1, b2]) = b.get(k..k + 3) {
        let v = u32::from(b0 & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f);
        let Some(c) = char::from_u32(v).filter(|&c| super::figure::is_cjk_numeral_char(c)) else {
            break;
        };
        small &= cjk_mult(c).is_none_or(|e| e < 2);
        k += 3;
    }
    (k > 0).then_some((k, small))
}

/// The test of [`cjk_run_stops`] on the text `after` the run (`small`:
/// as [`cjk_run`] tells).
fn stops_after_run(after: &str, small: bool) -> bool {
    let Some(c) = after.chars().next() else {
        return true;
    };
    if matches!(c, '点' | '點' | '余' | '多' | '餘' | '\r' | '\n')
        || super::trivia::pad(c)
        || super::date::starts_range_sep(c)
    {
        return false;
    }
    if !starts_unit(c) {
        return true;
    }
    small && lookup(after).is_none_or(|e| bars_cjk(e, after))
}

/// True when `i` starts with a small run of CJK numerals ([`cjk_run`])
/// that [`cjk_run_stops`] turns away and no `、` follows: then no
/// alternative of [`quantity`] matches (a percent phrase starts with a
/// scale word; a CJK pair inside the run, or ending with it, is followed
/// by a digit, `十` or the text after the run, where no unit a CJK numeral
/// takes starts; `两、三年` goes on past the `、`).
#[cfg(test)]
pub(crate) fn small_run_stops(i: &str) -> bool {
    cjk_run(i).is_some_and(|(run, small)| small && small_run_ends(i.get(run..).unwrap_or("")))
}

/// [`small_run_stops`] at a text that starts with a run of CJK numerals
/// `run` bytes long (the caller has found its end).
pub(crate) fn small_run_stops_at(i: &str, run: usize) -> bool {
    let small = i
        .get(..run)
        .is_some_and(|r| r.chars().all(|c| cjk_mult(c).is_none_or(|e| e < 2)));
    small && small_run_ends(i.get(run..).unwrap_or(""))
}

/// The test of [`small_run_stops`] on the text `after` a small run.
fn small_run_ends(after: &str) -> bool {
    !after.starts_with('、') && stops_after_run(after, true)
}

/// The lexicon unit `e`, written at the start of `after` right after a
/// CJK figure without a scale word, makes no quantity of it: the unit
/// takes no CJK numeral (nor a half: not a duration), and nothing after it
/// could change that (no compound, no unit broken by a line end, no range
/// separator).
fn bars_cjk(e: &super::unit::UnitEntry, after: &str) -> bool {
    if e.cjk || e.class == UnitClass::Time {
        return false;
    }
    let rest = after.get(e.written.len()..).unwrap_or("");
    let follow = rest.as_bytes().first().copied();
    !follow.is_some_and(|b| matches!(b, b'/' | 0xef | 0xe6 | b'\r' | b'\n'))
        && !rest
            .chars()
            .next()
            .is_some_and(|c| super::trivia::pad(c) || super::date::starts_range_sep(c))
}

/// What follows a figure: approximation, scale, unit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tail<'a> {
    rest: &'a str,
    mag: &'a str,
    exp: u32,
    approx: Option<Approx>,
    unit: Option<UnitMatch<'a>>,
    split: bool,
}

fn continues(i: &str) -> bool {
    lookup(i).is_some()
        || quantity_magnitude(i).is_ok()
        || approx_infix(i).is_ok_and(|(r, _)| lookup(r).is_some() || quantity_magnitude(r).is_ok())
}

fn tail(i: &str) -> Tail<'_> {
    tail_at(i, true)
}

/// [`tail`], with or without its quick path (`quick`: the test compares
/// the two): after a figure that no padding, line break, `余`/`多` or
/// scale word follows, the tail is the unit there or nothing.
fn tail_at(i: &str, quick: bool) -> Tail<'_> {
    let plain = |c: char| {
        !(matches!(c, '\r' | '\n' | '余' | '多' | '餘') || super::trivia::pad(c))
            && cjk_mult(c).is_none_or(|e| e < 2)
    };
    if quick && i.chars().next().is_none_or(plain) {
        return match unit(i) {
            Ok((rest, u)) => Tail {
                rest,
                mag: "",
                exp: u.exp,
                approx: None,
                unit: Some(u),
                split: false,
            },
            Err(_) => Tail {
                rest: i,
                mag: "",
                exp: 0,
                approx: None,
                unit: None,
                split: false,
            },
        };
    }
    let (mut r, mut split) = {
        let (g, crossed) = gap(i);
        if g.len() != i.len() && continues(g) {
            (g, crossed)
        } else {
            (i, false)
        }
    };
    let mut approx = None;
    if let Ok((r2, a)) = approx_infix(r) {
        if lookup(r2).is_some() || quantity_magnitude(r2).is_ok() {
            r = r2;
            approx = Some(a);
        }
    }
    // Unit first, then scale word(s) + unit; the longest reading wins and a
    // lexicon unit beats a scale word of the same length (千瓦, 千米).
    let direct = unit(r).ok();
    #[allow(clippy::type_complexity)]
    let mut best: Option<(
        usize,
        u32,
        Option<Approx>,
        Option<UnitMatch<'_>>,
        usize,
        bool,
    )> = direct.map(|(r2, u)| (r.len() - r2.len(), 0, None, Some(u), 0, false));
    if quantity_magnitude(r).is_ok() {
        // Try each prefix of the scale run, shortest first.
        let mut consumed = 0usize;
        let mut exp = 0u32;
        for c in r.chars().take(3) {
            let Some(e) = cjk_mult(c).filter(|&e| e >= 2) else {
                break;
            };
            consumed += c.len_utf8();
            exp += e;
            let after = r.get(consumed..).unwrap_or("");
            // 万多人 (a unit after 多), or 14亿多中国人 (no unit: a plain
            // number, more than 14亿).
            let (after2, infix) = match approx_infix(after) {
                Ok((a2, ap))
                    if approx.is_none()
                        && (lookup(a2).is_some()
                            || !a2.starts_with(|c: char| {
                                super::figure::is_cjk_numeral_char(c) || c.is_ascii_digit()
                            })) =>
                {
                    (a2, Some(ap))
                }
                _ => (after, None),
            };
            // 3154.8亿⏎元: one line break between the scale and its unit
            // (only when none was crossed before).
            let broken = || {
                let (g, crossed) = gap(after2);
                if crossed && !split && g.starts_with(|c: char| !c.is_ascii()) {
                    unit(g).ok()
                } else {
                    None
                }
            };
            let cand = match unit(after2) {
                Ok((r3, u)) => (r.len() - r3.len(), exp, infix, Some(u), consumed, false),
                Err(_) => match broken() {
                    Some((r3, u)) => (r.len() - r3.len(), exp, infix, Some(u), consumed, true),
                    None => (r.len() - after2.len(), exp, infix, None, consumed, false),
                },
            };
            let better = match &best {
                None => true,
                Some(b) => {
                    (cand.3.is_some() && b.3.is_none())
                        || (cand.3.is_some() == b.3.is_some() && cand.0 > b.0)
                }
            };
            if better {
                best = Some(cand);
            }
        }
    }
    match best {
        Some((len, exp, infix, u, mag, broke)) => {
            let exp = exp + u.as_ref().map_or(0, |u| u.exp);
            split |= broke;
            Tail {
                rest: r.get(len..).unwrap_or(""),
                mag: r.get(..mag).unwrap_or(""),
                exp,
                approx: approx.or(infix),
                unit: u,
                split,
            }
        }
        None => Tail {
            rest: if approx.is_some() { r } else { i },
            mag: "",
            exp: 0,
            approx,
            unit: None,
            split: split && approx.is_some(),
        },
    }
}

#[inline(always)]
fn suffix(t: &mut Tail<'_>) {
    // Both readings below start with an approximation word.
    if !t
        .rest
        .chars()
        .next()
        .is_some_and(|c| starts_approx_suffix(c) || starts_approx_infix(c))
    {
        // A page that puts each figure on its own line: `95%⏎以上，`.
        if t.unit.is_some() {
            let (r, broken) = gap(t.rest);
            if broken {
                suffix_over_line_end(t, r);
            }
        }
        return;
    }
    suffix_at(t);
}

/// An approximation suffix after a unit and one line break (`r`: the text
/// after the break and its padding), when it closes the phrase
/// ([`super::unit::closes_phrase`]): `95%⏎以上，` reads 95% more_than;
/// `3个⏎以上各项` is no suffix.
#[inline(never)]
fn suffix_over_line_end<'a>(t: &mut Tail<'a>, r: &'a str) {
    if let Ok((r2, a)) = approx_suffix(r) {
        if super::unit::closes_phrase(r2) {
            t.rest = r2;
            t.approx = Some(a);
        }
    }
}

/// [`suffix`] past its quick reject.
#[inline(never)]
fn suffix_at(t: &mut Tail<'_>) {
    if let Ok((r, a)) = approx_suffix(t.rest) {
        t.rest = r;
        t.approx = Some(a);
        return;
    }
    // 3年多, 1个多月
    if let Some(u) = &t.unit {
        if let Ok((r, a)) = approx_infix(t.rest) {
            // 3年多, 九倍多 (a ratio too).
            if matches!(u.class, UnitClass::Time | UnitClass::Ratio)
                && !r.starts_with(['元', '万', '亿', '人'])
            {
                t.rest = r;
                t.approx = Some(a);
            } else if &*u.canonical == "个" {
                if let Some(e) = lookup(r).filter(|e| e.class == UnitClass::Time) {
                    let rest = r.get(e.written.len()..).unwrap_or("");
                    t.unit = Some(UnitMatch {
                        text: u.text,
                        // 1个多月: the unit is still 个月.
                        canonical: std::borrow::Cow::Borrowed(if e.canonical == "月" {
                            "个月"
                        } else {
                            e.canonical
                        }),
                        exp: e.exp,
                        class: e.class,
                        cjk: e.cjk,
                    });
                    t.rest = rest;
                    t.approx = Some(a);
                }
            }
        }
    }
}

#[inline(always)]
fn range_sep(i: &str) -> Option<&str> {
    if !i.chars().next().is_some_and(super::date::starts_range_sep) {
        return None;
    }
    range_sep_at(i)
}

/// [`range_sep`] past its quick reject.
#[inline(never)]
fn range_sep_at(i: &str) -> Option<&str> {
    for s in super::date::RANGE_SEPS {
        if let Some(r) = i.strip_prefix(s) {
            return Some(r);
        }
    }
    None
}

/// True when a CJK figure may count as a number before unit `u`.
fn cjk_ok(f: &Figure<'_>, u: &UnitMatch<'_>) -> bool {
    // 一百零八億度, 两千万方: after a big scale word, 度 (kilowatt-hours)
    // and 方 (cubic metres) are units even though a bare CJK numeral before
    // them is not (三度, 四方).
    let big = f.text.contains(['万', '萬', '亿', '億']);
    let scaled_measure = big && matches!(&*u.canonical, "度" | "立方米");
    if !(u.cjk || scaled_measure) || f.positional {
        return false;
    }
    // A lone 一 before a measure word or duration is the indefinite article
    // (一批, 一个, 一年来), not a figure.
    let lone_one = matches!(f.text, "一" | "壹");
    // A lone 二 before a measure word names a rank (二期, 二轮, 二类水质):
    // counts of two are written 两 (两个, 两轮).
    if matches!(f.text, "二" | "贰" | "貳") && u.class == UnitClass::Count {
        return false;
    }
    // A lone financial or traditional form (伍 in 队伍, 陆 in 陆续) is a word.
    if f.text.chars().count() == 1
        && !f
            .text
            .chars()
            .all(|c| "一二两兩三四五六七八九十百千万亿".contains(c))
    {
        return false;
    }
    // 零 alone is a word (零部件, 零关税, 零的突破), not a figure.
    if matches!(f.text, "零" | "〇" | "○") {
        return false;
    }
    !(lone_one && matches!(u.class, UnitClass::Count | UnitClass::Time | UnitClass::Age))
}

/// Indicators whose rate is given per bare amount: `万元GDP能耗`,
/// `亿元生产总值生产安全事故死亡率`, `万元工业增加值用水量`.
fn rate_base(after: &str) -> bool {
    after.starts_with(|c: char| c.is_ascii_alphabetic())
        || [
            "地区生产总值",
            "生产总值",
            "国内生产总值",
            "工业增加值",
            "规模以上工业增加值",
            "增加值",
            "营业收入",
            "产值",
        ]
        .iter()
        // Traditional forms too (`億元生產總值`).
        .any(|w| super::fold::strip_prefix_folded(after, w).is_some())
}

fn scaled(v: Option<Num>, exp: u32) -> Option<Num> {
    v.and_then(|n| n.mul_pow10(exp))
}

/// A CJK numeral with a big unit inside followed by a smaller scale word:
/// `二十五亿七千多万` is 25亿 + 7000万, not (25亿 + 7000) × 万.
fn cjk_scaled(text: &str, exp: u32) -> Option<Num> {
    if exp == 0 {
        return None;
    }
    let (k, c) = text
        .char_indices()
        .rev()
        .find(|&(_, c)| cjk_mult(c).is_some_and(|e| e >= 4))?;
    let big = cjk_mult(c)?;
    let cut = k + c.len_utf8();
    let tail = text.get(cut..)?;
    if tail.is_empty() || exp >= big {
        return None;
    }
    let head = super::figure::cjk_value(text.get(..cut)?)?.0;
    let tail = super::figure::cjk_value(tail)?.0;
    let v = head.checked_add(tail.checked_mul(10i128.checked_pow(exp)?)?)?;
    Some(Num::int(v))
}

/// Two adjacent CJK digits read as a range: `两三` (2–3), `三五` (3–5),
/// `一两` (1–2), and tens (`二三十` 20–30); also with a `、` between from two
/// up (`两、三倍`, `两、三年`): (rest, low, high, written with `、`).
fn cjk_pair(i: &str) -> Option<(&str, i128, i128, bool)> {
    let a = i.chars().next()?;
    let after_a = i.get(a.len_utf8()..)?;
    let (listed, from_b) = match after_a.strip_prefix('、') {
        Some(r) => (true, r),
        None => (false, after_a),
    };
    let mut it = from_b.chars();
    let b = it.next()?;
    let (x, y) = (cjk_digit_val(a)?, cjk_digit_val(b)?);
    let ok = (x >= 1 && y == x + 1 && !(x == 1 && b == '二'))
        || (x == 3 && y == 5)
        || (x == 1 && b == '两');
    if !ok || (listed && x < 2) {
        return None;
    }
    let rest = from_b.get(b.len_utf8()..)?;
    // 二三十名, 三四十万: the pair counts tens.
    let next = rest.chars().next();
    if next.is_some_and(|c| cjk_mult(c) == Some(1)) && !listed {
        let tens = rest.get(next.map_or(0, char::len_utf8)..)?;
        if tens
            .chars()
            .next()
            .is_some_and(|c| cjk_digit_val(c).is_some())
        {
            return None;
        }
        return Some((tens, i128::from(x) * 10, i128::from(y) * 10, listed));
    }
    if next.is_some_and(|c| cjk_digit_val(c).is_some() || cjk_mult(c) == Some(1)) {
        return None;
    }
    Some((rest, i128::from(x), i128::from(y), listed))
}

/// `个半月`, `个半小时`, `个半星期` after a figure (two and a half months):
/// the unit becomes the duration (`个月`) written across the 半; true when
/// it did.
fn half_inside_unit<'a>(i: &'a str, t: &mut Tail<'a>) -> bool {
    let Some(u) = &t.unit else {
        return false;
    };
    if !matches!(u.text, "个" | "個") {
        return false;
    }
    let Some(after) = t.rest.strip_prefix('半') else {
        return false;
    };
    let unit_start = (i.len() - t.rest.len()).saturating_sub(u.text.len());
    for (w, key) in [
        ("月", "个月"),
        ("小时", "个小时"),
        ("小時", "個小時"),
        ("星期", "个星期"),
        ("工作日", "个工作日"),
    ] {
        let Some(rest) = after.strip_prefix(w) else {
            continue;
        };
        let Some(e) = lookup(key) else {
            continue;
        };
        let end = i.len() - rest.len();
        t.unit = Some(UnitMatch {
            text: i.get(unit_start..end).unwrap_or(""),
            canonical: std::borrow::Cow::Borrowed(e.canonical),
            exp: e.exp,
            class: e.class,
            cjk: e.cjk,
        });
        t.rest = rest;
        return true;
    }
    false
}

/// A quantity starting with its figure.
///
/// ```ebnf
/// quantity ::= percent_phrase
///            | cjk_pair quantity_tail
///            | figure range_sep figure quantity_tail
///            | figure quantity_tail
/// ```
///
/// (`quantity_tail`, `gap`, `range_sep`, `cjk_pair` are described in the
/// grammar's comments: optional 余/多, scale words, unit and suffix after a
/// figure, a single line break joined with a `number-split` diagnostic.)
///
/// A CJK numeral counts only before a unit that allows it (`cjk` column of
/// the lexicon), never when it is a lone `一` before a measure word or a
/// duration, never when it starts with a bare scale word (`万一`, `千方百计`)
/// unless `余`/`多` and a unit follow (`百余家`).
pub(crate) fn quantity(i: &str) -> PResult<'_, QuantityMatch<'_>> {
    quantity_read(i, None)
}

/// [`quantity`], given the `digit_figure` at `i` when the caller has read
/// it already (`read` must be `digit_figure(i).ok().as_ref()` when it is
/// `Some`: borrowed from where the caller keeps it).
pub(crate) fn quantity_read<'a>(
    i: &'a str,
    read: Option<&(&'a str, Figure<'a>)>,
) -> PResult<'a, QuantityMatch<'a>> {
    // A percent phrase starts with 百 or 千 and a CJK pair with a CJK
    // digit: neither starts at a digit (most quantities).
    let digit_first = i
        .chars()
        .next()
        .is_some_and(|c| super::figure::digit_value(c).is_some());
    if digit_first {
        return figure_quantity(i, read);
    }
    quantity_cjk(i, read, true)
}

/// [`quantity_read`] at a text that starts with no digit, with or
/// without the quick reject of [`small_run_stops`] (`quick`: the test
/// compares the two).
fn quantity_cjk<'a>(
    i: &'a str,
    read: Option<&(&'a str, Figure<'a>)>,
    quick: bool,
) -> PResult<'a, QuantityMatch<'a>> {
    // After a small run with no `、` after it, the test of
    // `small_run_stops` is the one `cjk_run_stops` makes: when it lets
    // the run go on, the figure need not make it again.
    let mut passed = false;
    if quick {
        if let Some((run, true)) = cjk_run(i) {
            let after = i.get(run..).unwrap_or("");
            if small_run_ends(after) {
                return Err(err(i));
            }
            passed = !after.starts_with('、');
        }
    }
    if let Ok(r) = percent_phrase(i) {
        return Ok(r);
    }
    // 两三个
    if let Some((r, lo, hi, listed)) = cjk_pair(i) {
        let mut t = tail(r);
        // 三、四类 / 二、三级 name ranks, not a range of counts.
        let rank = |u: &UnitMatch<'_>| matches!(&*u.canonical, "类" | "级" | "期" | "批" | "档");
        if t.unit
            .as_ref()
            .is_some_and(|u| u.cjk && !(listed && rank(u)))
        {
            suffix(&mut t);
            return Ok((
                t.rest,
                QuantityMatch {
                    magnitude: t.mag,
                    value: scaled(Some(Num::int(lo)), t.exp),
                    high: scaled(Some(Num::int(hi)), t.exp),
                    unit: t.unit,
                    scale: t.exp,
                    approx: t.approx,
                    split: t.split,
                },
            ));
        }
    }
    figure_quantity_at(i, read, quick && !passed)
}

/// The `figure range_sep figure quantity_tail | figure quantity_tail`
/// alternatives of [`quantity`] (`read` as in [`quantity_read`]).
fn figure_quantity<'a>(
    i: &'a str,
    read: Option<&(&'a str, Figure<'a>)>,
) -> PResult<'a, QuantityMatch<'a>> {
    figure_quantity_at(i, read, true)
}

/// [`figure_quantity`], with or without its quick reject of CJK numerals
/// that no unit follows (`quick`: the test compares the two).
fn figure_quantity_at<'a>(
    i: &'a str,
    read: Option<&(&'a str, Figure<'a>)>,
    quick: bool,
) -> PResult<'a, QuantityMatch<'a>> {
    if quick && read.is_none() && cjk_run_stops(i) {
        return Err(err(i));
    }
    let (r, f) = match read {
        Some(&read) => read,
        None => figure_any(i).ok_or_else(|| err(i))?,
    };
    let mut f = f;
    let mut r = r;
    // A CJK figure that starts with a bare scale word (百 千 万 亿) counts only
    // as 百余家 / 千多人.
    if f.cjk {
        let first = f.text.chars().next();
        if first.and_then(cjk_mult).is_some_and(|e| e >= 2) {
            let lead = first.map_or(0, char::len_utf8);
            let after = i.get(lead..).unwrap_or("");
            let ok = approx_infix(after).is_ok_and(|(a, _)| lookup(a).is_some_and(|e| e.cjk));
            // 千亿元, 万亿元, 亿元以上: bare scale words before money or a
            // physical unit stand for one of them.
            let only_scales = f.text.chars().all(|c| cjk_mult(c).is_some_and(|e| e >= 2));
            let money = only_scales
                && lookup(i).is_none()
                && f.text.chars().count() <= 3
                && lookup(r).is_some_and(|e| {
                    matches!(e.class, UnitClass::Currency | UnitClass::Measure)
                        && e.cjk
                        // 千吨级, 万吨级: a size class, not a figure;
                        // 万元GDP能耗, 亿元生产总值: the denominator of a
                        // rate named by its indicator, not a figure.
                        && !r
                            .get(e.written.len()..)
                            .is_some_and(|x| x.starts_with(['级', '級']) || rate_base(x))
                });
            if money {
                let e: u32 = f.text.chars().filter_map(cjk_mult).sum();
                f.value = Num::int(1).mul_pow10(e);
                f.text = "";
            } else {
                if !ok || f.text.chars().count() != 1 {
                    return Err(err(i));
                }
                let e = first.and_then(cjk_mult).unwrap_or(0);
                f.value = Some(Num::int(1)).and_then(|n| n.mul_pow10(e));
                r = after;
            }
        }
        if f.value.is_none() {
            return Err(err(i));
        }
    }
    // 3万4000, 5万4千6百, 1千零1: a compound arabic numeral (section 3
    // `number`) that runs on past the first scale word.
    // (A scale word starts `r`: most figures go on with a unit.)
    let mut compound_scale = None;
    let scale_next = r.chars().next().and_then(cjk_mult).is_some_and(|e| e >= 2);
    if !f.cjk && scale_next {
        if let Ok((after_mag, _)) = quantity_magnitude(r) {
            let resumes = after_mag
                .chars()
                .next()
                .is_some_and(|c| c == '零' || super::figure::digit_value(c).is_some());
            if resumes {
                if let Ok((rn, n)) = super::numeral::number(i) {
                    if rn.len() < after_mag.len() {
                        f.value = n.value.map(|d| Num::new(d.mantissa(), d.scale()));
                        compound_scale = Some(n.scale);
                        r = rn;
                    }
                }
            }
        }
    }
    let mut t = tail(r);
    if let Some(sc) = compound_scale {
        if t.exp == 0 {
            t.exp = 0;
            let tq = QuantityMatch {
                magnitude: "",
                value: f.value,
                high: None,
                unit: t.unit.clone(),
                scale: sc,
                approx: t.approx,
                split: t.split,
            };
            suffix(&mut t);
            return Ok((
                t.rest,
                QuantityMatch {
                    unit: t.unit,
                    approx: t.approx,
                    ..tq
                },
            ));
        }
    }
    // Range: figure sep figure tail.
    if let Some(r2) = range_sep(t.rest) {
        let second = if f.cjk {
            cjk_figure(r2).ok().filter(|(_, g)| !g.positional)
        } else {
            digit_figure(r2).ok()
        };
        if let Some((r3, g)) = second {
            let mut t2 = tail(r3);
            let shared = t.unit.is_none() && t2.unit.is_some();
            let same = match (&t.unit, &t2.unit) {
                (Some(a), Some(b)) => a.canonical == b.canonical,
                _ => false,
            };
            let cjk_fits = !f.cjk || t2.unit.as_ref().is_some_and(|u| cjk_ok(&g, u));
            if (shared || same) && cjk_fits {
                let exp1 = if shared && t.exp == 0 { t2.exp } else { t.exp };
                let lo = scaled(f.value, exp1);
                let hi = scaled(g.value, t2.exp);
                if let (Some(a), Some(b)) = (lo, hi) {
                    if cmp(a, b) == std::cmp::Ordering::Less {
                        suffix(&mut t2);
                        return Ok((
                            t2.rest,
                            QuantityMatch {
                                magnitude: t2.mag,
                                value: lo,
                                high: hi,
                                unit: t2.unit,
                                scale: t2.exp,
                                approx: t2.approx.or(t.approx),
                                split: t.split || t2.split,
                            },
                        ));
                    }
                }
            }
        }
    }
    // 两个半月, 一个半小时: the half sits inside 个…月.
    let half_inside = t.exp == 0 && half_inside_unit(i, &mut t);
    // 三年半, 六倍半, 一年半: a half after a duration or a ratio (a lone 一
    // then counts: 一年半 is a year and a half).
    let half = half_inside
        || t.exp == 0
            && t.unit
                .as_ref()
                .is_some_and(|u| matches!(u.class, UnitClass::Time | UnitClass::Ratio))
            && t.rest.starts_with('半');
    if f.cjk {
        match &t.unit {
            Some(u) if cjk_ok(&f, u) => {}
            Some(u) if half && matches!(f.text, "一" | "壹") && u.class == UnitClass::Time => {}
            _ => return Err(err(i)),
        }
    }
    if half && !half_inside {
        t.rest = t.rest.get('半'.len_utf8()..).unwrap_or("");
    }
    suffix(&mut t);
    let value = if f.cjk {
        cjk_scaled(f.text, t.exp).or_else(|| scaled(f.value, t.exp))
    } else {
        scaled(f.value, t.exp)
    };
    let value = if half {
        value.and_then(|v| {
            let s = v.s.max(1);
            let m = up(v, s)?.checked_add(up(Num::new(5, 1), s)?)?;
            Some(Num::new(m, s))
        })
    } else {
        value
    };
    Ok((
        t.rest,
        QuantityMatch {
            magnitude: t.mag,
            value,
            high: None,
            unit: t.unit,
            scale: t.exp,
            approx: t.approx,
            split: t.split,
        },
    ))
}

/// Bare scale words standing for one of them after an approximation
/// prefix (the scanner checks the prefix): 近万人, 超千家, 逾百项.
///
/// ```ebnf
/// bare_scale ::= [百千万亿萬億]{1,3} unit approx_suffix?
/// ```
pub(crate) fn bare_scale(i: &str) -> PResult<'_, QuantityMatch<'_>> {
    if lookup(i).is_some() {
        return Err(err(i));
    }
    let (r, exp) = quantity_magnitude(i)?;
    let (r2, u) = unit(r)?;
    if !u.cjk || r2.starts_with('级') || u.class == UnitClass::Percent {
        return Err(err(i));
    }
    let mut t = Tail {
        rest: r2,
        mag: i.get(..i.len() - r.len()).unwrap_or(""),
        exp: exp + u.exp,
        approx: None,
        unit: Some(u),
        split: false,
    };
    suffix(&mut t);
    Ok((
        t.rest,
        QuantityMatch {
            magnitude: t.mag,
            value: Num::int(1).mul_pow10(t.exp),
            high: None,
            unit: t.unit,
            scale: t.exp,
            approx: t.approx,
            split: false,
        },
    ))
}

fn cmp(a: Num, b: Num) -> std::cmp::Ordering {
    let s = a.s.max(b.s);
    let x = a.mul_pow10(0).and_then(|x| up(x, s));
    let y = up(b, s);
    match (x, y) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => std::cmp::Ordering::Equal,
    }
}

fn up(n: Num, s: u32) -> Option<i128> {
    n.m().checked_mul(10i128.checked_pow(s.checked_sub(n.s)?)?)
}

/// `百分之三十`, `百分之12.5`, `千分之五`.
///
/// ```ebnf
/// percent_phrase ::= ("百分之" | "千分之") (figure | "百")
///                    (range_sep (percent_phrase | figure))? approx_suffix?
/// ```
pub(crate) fn percent_phrase(i: &str) -> PResult<'_, QuantityMatch<'_>> {
    percent_phrase_at(i, true)
}

/// `percent_phrase`, with or without its range part (the high end of a
/// range is read without one: no recursion on chains of ranges).
fn percent_phrase_at(i: &str, ranged: bool) -> PResult<'_, QuantityMatch<'_>> {
    let (r, canon) = if let Some(r) = i.strip_prefix("百分之") {
        (r, "%")
    } else if let Some(r) = i.strip_prefix("千分之") {
        (r, "‰")
    } else {
        return Err(err(i));
    };
    let (r2, value) = if let Some(r2) = r.strip_prefix('百') {
        (r2, Some(Num::int(100)))
    } else {
        let (mut r2, mut f) = figure_any(r).ok_or_else(|| err(i))?;
        // 百分之七十百分位: the run took one char too many.
        if f.cjk && f.value.is_none() && f.int_digits > 1 {
            let last = f.text.chars().next_back().map_or(0, char::len_utf8);
            let shorter = r.get(..f.text.len() - last).unwrap_or("");
            if let Ok((_, g)) = cjk_figure(shorter) {
                r2 = r.get(g.text.len()..).unwrap_or("");
                f = g;
            }
        }
        if f.positional || f.value.is_none() {
            return Err(err(i));
        }
        (r2, f.value)
    };
    // 百分之四到五, 百分之十至百分之十五: a range of percentages.
    let mut high = None;
    let mut r2 = r2;
    if let Some(r4) = range_sep(r2).filter(|_| ranged) {
        let second = match percent_phrase_at(r4, false) {
            Ok((r5, m))
                if m.approx.is_none()
                    && m.high.is_none()
                    && m.unit.as_ref().is_some_and(|u| u.canonical == canon) =>
            {
                m.value.map(|v| (r5, v))
            }
            Ok(_) => None,
            Err(_) => figure_any(r4)
                .filter(|(r5, g)| {
                    !g.positional && lookup(r5).is_none() && quantity_magnitude(r5).is_err()
                })
                .and_then(|(r5, g)| g.value.map(|v| (r5, v))),
        };
        if let (Some((r5, h)), Some(lo)) = (second, value) {
            if cmp(lo, h) == std::cmp::Ordering::Less {
                high = Some(h);
                r2 = r5;
            }
        }
    }
    let (r3, approx) = match approx_suffix(r2) {
        Ok((r3, a)) => (r3, Some(a)),
        Err(_) => (r2, None),
    };
    let text = i.get(..i.len() - r.len()).unwrap_or("");
    Ok((
        r3,
        QuantityMatch {
            magnitude: "",
            value,
            high,
            unit: Some(UnitMatch {
                text,
                canonical: std::borrow::Cow::Borrowed(canon),
                exp: 0,
                class: UnitClass::Percent,
                cjk: true,
            }),
            scale: 0,
            approx,
            split: false,
        },
    ))
}

/// The change verbs.
pub(crate) fn change_verbs() -> impl Iterator<Item = &'static str> {
    CHANGE_VERBS.iter().map(|&(v, _)| v)
}

/// Change verbs: (verb, direction).
const CHANGE_VERBS: &[(&str, Direction)] = &[
    ("增长", Direction::Up),
    ("增長", Direction::Up),
    ("上漲", Direction::Up),
    ("擴大", Direction::Up),
    ("減少", Direction::Down),
    ("縮小", Direction::Down),
    ("減產", Direction::Down),
    ("增產", Direction::Up),
    ("增加", Direction::Up),
    ("偏高", Direction::Up),
    ("偏多", Direction::Up),
    ("偏低", Direction::Down),
    ("偏少", Direction::Down),
    ("提高", Direction::Up),
    ("上升", Direction::Up),
    ("上涨", Direction::Up),
    ("提升", Direction::Up),
    ("扩大", Direction::Up),
    ("增产", Direction::Up),
    ("增收", Direction::Up),
    ("增幅为", Direction::Up),
    ("增速为", Direction::Up),
    ("增幅", Direction::Up),
    ("增速", Direction::Up),
    ("多增", Direction::Up),
    ("少增", Direction::Down),
    ("净增", Direction::Up),
    ("淨增", Direction::Up),
    ("净减", Direction::Down),
    ("淨減", Direction::Down),
    ("加快", Direction::Up),
    ("回升", Direction::Up),
    ("放缓", Direction::Down),
    ("放緩", Direction::Down),
    ("减缓", Direction::Down),
    ("減緩", Direction::Down),
    ("增", Direction::Up),
    ("涨", Direction::Up),
    ("升", Direction::Up),
    ("多", Direction::Up),
    ("下降", Direction::Down),
    ("减少", Direction::Down),
    ("压缩", Direction::Down),
    ("壓縮", Direction::Down),
    ("缩短", Direction::Down),
    ("縮短", Direction::Down),
    ("压减", Direction::Down),
    ("削减", Direction::Down),
    ("削減", Direction::Down),
    ("降幅为", Direction::Down),
    ("降幅", Direction::Down),
    ("降低", Direction::Down),
    ("下跌", Direction::Down),
    ("回落", Direction::Down),
    ("缩小", Direction::Down),
    ("下滑", Direction::Down),
    ("收窄", Direction::Down),
    ("减产", Direction::Down),
    ("缩减", Direction::Down),
    ("縮減", Direction::Down),
    ("减", Direction::Down),
    ("減", Direction::Down),
    ("漲", Direction::Up),
    ("降", Direction::Down),
    ("跌", Direction::Down),
    ("少", Direction::Down),
];

/// True for the last chars of the [`CHANGE_VERBS`] (a quick reject).
fn ends_change_verb(c: char) -> bool {
    matches!(
        c,
        '为' | '产'
            | '快'
            | '缓'
            | '緩'
            | '低'
            | '减'
            | '加'
            | '升'
            | '增'
            | '多'
            | '大'
            | '小'
            | '少'
            | '幅'
            | '收'
            | '涨'
            | '減'
            | '滑'
            | '漲'
            | '產'
            | '短'
            | '窄'
            | '縮'
            | '缩'
            | '落'
            | '跌'
            | '速'
            | '長'
            | '长'
            | '降'
            | '高'
    )
}

/// Words allowed between a change verb and its figure.
const CHANGE_FILLERS: &[&str] = &["了", "分别", "均", "达", "约"];

/// The change verb that ends `before` (padding and fillers skipped):
/// (verb, direction, byte offset of the verb in `before`).
///
/// ```ebnf
/// change_verb ::= ("增长" | "增加" | "提高" | "上升" | "上涨" | "提升" | "扩大"
///                 | "增产" | "增收" | "下降" | "减少" | "降低" | "下跌" | "回落"
///                 | "缩小" | "下滑" | "收窄" | "减产" | "缩减" | …)
///                 ("了" | "分别" | "均" | "达" | "约")*
/// ```
pub(crate) fn change_verb(before: &str) -> Option<(&'static str, Direction, usize)> {
    change_verb_at(before, true)
}

/// True for the chars [`change_verb`] trims off the end before it looks
/// for fillers.
fn change_pad(c: char) -> bool {
    matches!(c, '\n' | '\r') || super::trivia::pad(c)
}

/// True for the last chars of the [`CHANGE_FILLERS`].
fn ends_change_filler(c: char) -> bool {
    matches!(c, '了' | '别' | '均' | '达' | '约')
}

/// True for the chars a text [`change_verb`] finds a verb in may end
/// with: a pad, a filler's or a verb's last char (its quick reject; the
/// scanner's too).
pub(crate) fn may_end_change(c: char) -> bool {
    change_pad(c) || ends_change_filler(c) || ends_change_verb(c)
}

/// [`change_verb`], with or without its quick reject (`quick`: the test
/// compares the two): unless the text ends with a pad, a filler or a
/// verb, nothing is trimmed or stripped and no verb ends it.
fn change_verb_at(before: &str, quick: bool) -> Option<(&'static str, Direction, usize)> {
    if quick && !before.chars().next_back().is_some_and(may_end_change) {
        return None;
    }
    let mut b = before.trim_end_matches(change_pad);
    loop {
        let mut stripped = false;
        for f in CHANGE_FILLERS {
            if f.as_bytes().last() != b.as_bytes().last() {
                continue;
            }
            if let Some(h) = b.strip_suffix(f) {
                b = h.trim_end_matches(change_pad);
                stripped = true;
            }
        }
        if !stripped {
            break;
        }
    }
    if !b.chars().next_back().is_some_and(ends_change_verb) {
        return None;
    }
    let last = b.as_bytes().last();
    for &(v, d) in CHANGE_VERBS {
        // The last byte first: most verbs fail on it, without a memcmp.
        if v.as_bytes().last() != last {
            continue;
        }
        if let Some(h) = b.strip_suffix(v) {
            // 增 / 升 / 多 / 少 / 降 / 减 alone only after a basis word
            // (比上年增 …), after 再 / 又 (资费再降10%), or as the last char
            // of a two-char verb.
            if v.chars().count() == 1 {
                let prev = h.chars().next_back();
                let ok = prev.is_some_and(|p| "年比末期同环均月度再又".contains(p));
                if !ok {
                    return None;
                }
            }
            // 负增长1.2%: a growth below zero is a fall.
            if d == Direction::Up {
                if let Some(h2) = h.strip_suffix(['负', '負']) {
                    return Some((v, Direction::Down, h2.len()));
                }
            }
            return Some((v, d, h.len()));
        }
    }
    None
}

/// The byte offset of the last `a` immediately followed by `b` in `s`
/// (`s.rfind("ab")` by a char search: no substring searcher is built).
fn rfind_pair(s: &str, a: char, b: char) -> Option<usize> {
    s.rmatch_indices(b).find_map(|(k, _)| {
        s.get(..k)
            .filter(|h| h.ends_with(a))
            .map(|_| k - a.len_utf8())
    })
}

/// The comparison basis in the clause text before a change verb: `同比`,
/// `环比`, `比上年`, `较上年末`, `比2020年`, `年均`.
///
/// ```ebnf
/// change_basis ::= "同比" | "环比" | ("比" | "较") [^,，、：]{1,9}
///                | ("与" | "和") [^,，、：]{1,9} "相比"? | "年均"
/// ```
pub(crate) fn change_basis(before_verb: &str) -> Option<&str> {
    // Look at most 16 chars back.
    let start = before_verb
        .char_indices()
        .rev()
        .nth(15)
        .map_or(0, |(k, _)| k);
    let w = before_verb.get(start..)?;
    for (a, b) in [('同', '比'), ('环', '比'), ('環', '比')] {
        if let Some(k) = rfind_pair(w, a, b) {
            return w.get(k..k + a.len_utf8() + b.len_utf8());
        }
    }
    // 与上年相比, 和去年同期相比, 与上年 (相比 left out).
    if let Some(j) = w.rfind(['与', '與', '和']) {
        let s = w.get(j..)?.trim_end();
        let s = s.strip_suffix("分别").unwrap_or(s).trim_end();
        let s = s.strip_suffix(['，', ',']).unwrap_or(s);
        let n = s.chars().count();
        let names_period = || {
            [
                "上年",
                "去年",
                "上一年",
                "前一年",
                "同期",
                "年初",
                "年末",
                "上月",
                "上季",
            ]
            .iter()
            .any(|p| s.contains(p))
        };
        // 和化学制品制造业比上年: the basis is the 比 phrase, read below.
        let inner = s.strip_suffix("相比").unwrap_or(s);
        if (2..=12).contains(&n)
            && !s.contains(['，', ',', '、', '：'])
            && !inner.contains(['比', '较', '較'])
            && names_period()
        {
            return Some(s);
        }
    }
    let mut best: Option<usize> = None;
    for key in ['比', '较', '較'] {
        if let Some(k) = w.rfind(key) {
            if best.is_none_or(|b| k > b) {
                best = Some(k);
            }
        }
    }
    if let Some(k) = best {
        // 占比 / 对比 / 比重 / 比例 are words, not a comparison basis.
        let prev = w.get(..k).and_then(|h| h.chars().next_back());
        let after = w.get(k..).unwrap_or("");
        let next = after.chars().nth(1);
        if prev.is_some_and(|p| "占对相无类好可".contains(p))
            || next.is_some_and(|n| "重例率值分较".contains(n))
        {
            return None;
        }
        let s = w.get(k..)?.trim_end();
        let s = s.strip_suffix("分别").unwrap_or(s);
        // 比上年名义增长 / 实际增长: the kind of growth, not the basis.
        let s = ["名义", "实际", "名義", "實際"]
            .iter()
            .find_map(|a| s.strip_suffix(a))
            .unwrap_or(s);
        let n = s.chars().count();
        if (2..=10).contains(&n) && !s.contains(['，', ',', '、', '：']) {
            return Some(s);
        }
    }
    if w.ends_with("年均") {
        return w.get(w.len() - "年均".len()..);
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfind_pair_is_rfind() {
        for s in [
            "同比增长",
            "比上年同比同比",
            "x同同比比",
            "比同",
            "",
            "同",
            "环比同比",
        ] {
            for (a, b) in [('同', '比'), ('环', '比'), ('比', '同')] {
                assert_eq!(
                    super::rfind_pair(s, a, b),
                    s.rfind(&format!("{a}{b}")),
                    "{s}"
                );
            }
        }
    }

    /// The compound-numeral check runs only when a scale word starts the
    /// text after the figure: exactly when `quantity_magnitude` reads one.
    #[test]
    fn scale_word_first_is_a_magnitude() {
        let mut heads: Vec<String> = super::super::unit::all_strings()
            .map(str::to_string)
            .collect();
        for w in [
            "百", "千", "万", "亿", "萬", "億", "佰", "仟", "十", "拾", "一", "两", "零",
        ] {
            heads.push(w.to_string());
            heads.push(format!("{w}元"));
            heads.push(format!("{w}万元"));
        }
        heads.extend(["", "，", "a", "1", " ", "\n", "余万", "多亿"].map(str::to_string));
        for h in &heads {
            let first = h.chars().next().and_then(cjk_mult).is_some_and(|e| e >= 2);
            assert_eq!(quantity_magnitude(h).is_ok(), first, "{h}");
        }
    }

    /// `small_run_stops_at`, given the run's end, reads as
    /// `small_run_stops` finds it.
    #[test]
    fn small_run_stops_at_a_known_run_end() {
        let mut checked = 0;
        let mut texts = crate::test_corpus::texts();
        texts.push("四是，两级，十九大，三千米，二、三年，百分之五，〇，一二三四".to_string());
        for t in &texts {
            for (k, c) in t.char_indices() {
                if !crate::grammar::figure::is_cjk_numeral_char(c) {
                    continue;
                }
                let rest = &t[k..];
                let run = rest
                    .char_indices()
                    .find(|&(_, c)| !crate::grammar::figure::is_cjk_numeral_char(c))
                    .map_or(rest.len(), |(j, _)| j);
                assert_eq!(super::cjk_run(rest).map(|r| r.0), Some(run), "{rest:.20}");
                assert_eq!(
                    super::small_run_stops_at(rest, run),
                    super::small_run_stops(rest),
                    "{rest:.20}"
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The quick rejects at CJK numerals ([`super::cjk_run_stops`],
    /// [`super::small_run_stops`]) read as the plain alternatives do.
    #[test]
    fn cjk_quick_reject_is_the_plain_reading() {
        let runs = [
            "一",
            "二",
            "两",
            "三",
            "十",
            "二十",
            "三百",
            "五千",
            "一万",
            "十万",
            "百",
            "千",
            "万",
            "亿",
            "千万",
            "二〇二六",
            "零",
            "伍",
            "一点五",
            "三點",
            "几",
            "十九",
            "〇",
            "一二",
            "十十",
            // CJK pairs, plain, listed and of tens.
            "两三",
            "三四",
            "三五",
            "一两",
            "二三十",
            "三四十",
            "两、三",
            "三、四",
            "三四千",
            "百分之",
            "千分之",
        ];
        let mut follows: Vec<String> = super::super::unit::all_strings()
            .flat_map(|w| [w.to_string(), w.chars().take(1).collect()])
            .collect();
        follows.extend(super::super::date::RANGE_SEPS.iter().map(|s| s.to_string()));
        for f in [
            "",
            "余",
            "多",
            "餘",
            "点五",
            "點",
            "、",
            "。",
            "，",
            "的",
            "是",
            "步",
            "些",
            "a",
            "1",
            " ",
            "\t",
            "\u{3000}",
            "\u{a0}",
            "\u{2003}",
            "\u{200b}",
            "\u{feff}",
            "\n",
            "\r\n",
            " 元",
            "\u{200b}元",
            "\n万元",
            "左右",
            "以上",
            "半",
            "个半月",
            "、三年",
            "至五年",
            "到十个",
            "分之",
            "百分之五",
            "五",
        ] {
            follows.push(f.to_string());
        }
        for run in runs {
            for f in &follows {
                // After a unit: a compound, a line end, a range (the
                // rejects of `bars_cjk` look at these).
                for tail in [
                    "",
                    "元",
                    "以上",
                    "，",
                    "/吨",
                    "／吨",
                    "每人",
                    "\n次",
                    " \n次",
                    "\u{3000}元",
                    "\u{feff}\n次",
                    "至五级",
                    "—三级",
                    "-3级",
                    "半",
                ] {
                    let s = format!("{run}{f}{tail}");
                    assert_eq!(
                        super::figure_quantity_at(&s, None, true),
                        super::figure_quantity_at(&s, None, false),
                        "{s}"
                    );
                    assert_eq!(
                        super::quantity_cjk(&s, None, true),
                        super::quantity_cjk(&s, None, false),
                        "{s}"
                    );
                }
            }
        }
    }

    #[test]
    fn change_verb_quick_reject_is_the_plain_reading() {
        for f in super::CHANGE_FILLERS {
            assert!(
                f.chars().next_back().is_some_and(super::ends_change_filler),
                "{f}"
            );
        }
        let mut ends: Vec<char> = (0..=0xffff).filter_map(char::from_u32).collect();
        ends.push('𝄞');
        for head in [
            "",
            "比上年",
            "比上年增长",
            "增长了",
            "同比",
            "负增长",
            "增长 \n",
            "下降分别",
        ] {
            for &c in &ends {
                let s = format!("{head}{c}");
                assert_eq!(
                    super::change_verb_at(&s, true),
                    super::change_verb_at(&s, false),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn tail_quick_path_is_the_plain_reading() {
        let mut firsts: Vec<char> = (0..=0xffff).filter_map(char::from_u32).collect();
        firsts.push('𝄞');
        for &c in &firsts {
            for after in [
                "", "元", "人次", "/吨", "\n次。", "以上", "余人", "万元", "a", "3",
            ] {
                let s = format!("{c}{after}");
                assert_eq!(super::tail_at(&s, true), super::tail_at(&s, false), "{s}");
            }
        }
        for s in [
            "",
            "元",
            "％",
            "个百分点",
            "万元",
            " 元",
            "\n元",
            "余人",
            "多万元",
        ] {
            assert_eq!(super::tail_at(s, true), super::tail_at(s, false), "{s}");
        }
    }

    #[test]
    fn quick_rejects_keep_every_word() {
        for (v, _) in super::CHANGE_VERBS {
            assert!(
                v.chars().next_back().is_some_and(super::ends_change_verb),
                "{v}"
            );
        }
        for s in super::APPROX_INFIXES {
            assert!(
                s.chars().next().is_some_and(super::starts_approx_infix),
                "{s}"
            );
        }
        for (s, _) in super::APPROX_SUFFIXES {
            assert!(
                s.chars().next().is_some_and(super::starts_approx_suffix),
                "{s}"
            );
        }
        for (p, _) in super::APPROX_PREFIXES {
            assert!(
                p.chars().next_back().is_some_and(super::ends_approx_prefix),
                "{p}"
            );
        }
    }

    use super::*;

    fn q(s: &str) -> (String, String, Option<Approx>, Option<String>, &str) {
        let (r, m) = quantity(s).unwrap_or_else(|_| panic!("should parse {s}"));
        let show = |n: Option<Num>| {
            n.map(|n| {
                if n.s == 0 {
                    n.m().to_string()
                } else {
                    format!("{}e-{}", n.m(), n.s)
                }
            })
            .unwrap_or_default()
        };
        (
            show(m.value),
            m.unit.map(|u| u.canonical.into_owned()).unwrap_or_default(),
            m.approx,
            m.high.map(|h| show(Some(h))),
            r,
        )
    }

    #[test]
    fn quick_rejects_admit_every_match() {
        // gap: every start (pads, line ends, chars sharing their lead
        // bytes, others) gives the plain reading.
        let starts = [
            " ", "\t", "\u{3000}", "\u{a0}", "\n", "\r", "\r\n", "、", "〜", "¥", "元", "a", "",
        ];
        for a in starts {
            for b in starts {
                let s = format!("{a}{b}万元");
                assert_eq!(gap(&s), gap_walk(&s), "{s:?}");
            }
        }
        for (w, _) in APPROX_SUFFIXES {
            assert!(w.chars().next().is_some_and(starts_approx_suffix), "{w}");
        }
        for w in super::super::date::RANGE_SEPS {
            assert!(
                w.chars()
                    .next()
                    .is_some_and(super::super::date::starts_range_sep),
                "{w}"
            );
        }
    }

    #[test]
    fn no_percent_phrase_or_cjk_pair_starts_at_a_digit() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if super::super::figure::digit_value(c).is_some() {
                assert!(
                    !matches!(c, '百' | '千') && cjk_digit_val(c).is_none(),
                    "{c}"
                );
                let s = format!("{c}{c}分之三十、两三个");
                assert!(percent_phrase(&s).is_err() && cjk_pair(&s).is_none(), "{c}");
            }
        }
    }

    #[test]
    fn quantity_read_is_quantity() {
        for s in [
            "3.5万元",
            "12%",
            "2、3年",
            "3万4000人",
            "5至8倍",
            "10-20吨",
            "2.5个百分点",
            "7×24小时",
            "3年多",
            "1个半月",
            "15号",
            "2015\n年",
            "100",
            "2,500万元以上",
            "３．２％",
            "5亿\n元",
            "0359-2090000",
        ] {
            let read = digit_figure(s).ok();
            assert!(read.is_some(), "{s}");
            assert_eq!(quantity_read(s, read.as_ref()), quantity(s), "{s}");
        }
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn known_answers() {
        use Approx::*;
        let cases: &[(&str, &str, &str, Option<Approx>, Option<&str>, &str)] = &[
            ("29000余人次，", "29000", "人次", Some(MoreThan), None, "，"),
            ("319.18万元", "3191800", "元", None, None, ""),
            ("11660万元", "116600000", "元", None, None, ""),
            ("8.6万余条", "86000", "条", Some(MoreThan), None, ""),
            ("69.45亿元", "6945000000", "元", None, None, ""),
            ("50多个", "50", "个", Some(MoreThan), None, ""),
            ("100人以上", "100", "人", Some(MoreThan), None, ""),
            ("86.3%", "863e-1", "%", None, None, ""),
            ("86.3％", "863e-1", "%", None, None, ""),
            ("5‰", "5", "‰", None, None, ""),
            ("23个百分点", "23", "百分点", None, None, ""),
            ("1-2个", "1", "个", None, Some("2"), ""),
            ("1～2个", "1", "个", None, Some("2"), ""),
            ("3至5家", "3", "家", None, Some("5"), ""),
            ("两三个", "2", "个", None, Some("3"), ""),
            ("3-5万元", "30000", "元", None, Some("50000"), ""),
            ("10%-20%", "10", "%", None, Some("20"), ""),
            ("百分之三十", "30", "%", None, None, ""),
            ("千分之五", "5", "‰", None, None, ""),
            ("3776.4千公顷", "3776400", "公顷", None, None, ""),
            ("100千瓦", "100", "千瓦", None, None, ""),
            ("1.5万千瓦", "15000", "千瓦", None, None, ""),
            ("5亿千瓦时", "500000000", "千瓦时", None, None, ""),
            ("20多万人", "200000", "人", Some(MoreThan), None, ""),
            ("2000余万元", "20000000", "元", Some(MoreThan), None, ""),
            ("3年", "3", "年", None, None, ""),
            ("3年多来", "3", "年", Some(MoreThan), None, "来"),
            ("1个多月", "1", "个月", Some(MoreThan), None, ""),
            ("二十个", "20", "个", None, None, ""),
            ("五千万元", "50000000", "元", None, None, ""),
            ("百余家", "100", "家", Some(MoreThan), None, ""),
            (
                "二十五億七千多萬元",
                "2570000000",
                "元",
                Some(MoreThan),
                None,
                "",
            ),
            ("千亿元", "100000000000", "元", None, None, ""),
            ("亿元以上", "100000000", "元", Some(MoreThan), None, ""),
            ("万亿元", "1000000000000", "元", None, None, ""),
            ("1102284\n万元，", "11022840000", "元", None, None, "，"),
            ("16.0\n％，", "160e-1", "%", None, None, "，"),
            ("8.8 %", "88e-1", "%", None, None, ""),
            ("100㎡", "100", "平方米", None, None, ""),
            ("35微克/立方米", "35", "微克/立方米", None, None, ""),
            ("60岁以上", "60", "岁", Some(MoreThan), None, ""),
            ("1.5倍", "15e-1", "倍", None, None, ""),
            ("12個", "12", "个", None, None, ""),
            ("3萬人次", "30000", "人次", None, None, ""),
            ("15个工作日", "15", "工作日", None, None, ""),
            ("500万", "5000000", "", None, None, ""),
            ("3万4000人", "34000", "人", None, None, ""),
            ("5万4千6百元", "54600", "元", None, None, ""),
        ];
        for &(input, v, u, a, hi, rest) in cases {
            let got = q(input);
            assert_eq!(
                got,
                (
                    v.to_string(),
                    u.to_string(),
                    a,
                    hi.map(str::to_string),
                    rest
                ),
                "should read {input:?}"
            );
        }
    }

    #[test]
    fn cjk_numerals_need_a_unit() {
        for s in [
            "一些",
            "统一",
            "一般",
            "万一",
            "十分",
            "千方百计",
            "一批",
            "一个",
            "一年来",
            "十四五",
            "二〇二二年",
        ] {
            let r = quantity(s);
            assert!(
                r.is_err() || r.as_ref().is_ok_and(|(_, m)| m.unit.is_none()),
                "{s} should not be a quantity"
            );
        }
    }

    #[test]
    fn prefixes_and_changes() {
        assert_eq!(approx_prefix("全县近"), Some(("近".len(), Approx::Nearly)));
        assert_eq!(approx_prefix("最近"), None);
        assert_eq!(approx_prefix("节约"), None);
        assert_eq!(
            approx_prefix("超过"),
            Some(("超过".len(), Approx::MoreThan))
        );
        let (v, d, at) = change_verb("比上年增长").unwrap();
        assert_eq!((v, d), ("增长", Direction::Up));
        assert_eq!(change_basis(&"比上年增长"[..at]), Some("比上年"));
        assert_eq!(change_basis("同比"), Some("同比"));
        assert!(change_verb("同比下降").is_some());
        assert!(change_verb("增长到").is_none());
        assert!(change_verb("比上年末增加\n").is_some());
        assert!(change_verb("全省").is_none());
        assert_eq!(change_basis("占比分别"), None);
        assert_eq!(change_basis("比上年分别"), Some("比上年"));
    }
}

//! Dates and times (SPEC §6): `2022年1月28日`, `2022-02-09`,
//! `2024-01-24 14:37`, `2023年12月`, `2021年度`, `8月份`,
//! `二〇二六年一月二十七日`, and ranges `2021—2025年`, `2023年1-6月`,
//! `2020年2月1日—2020年2月29日`.

use super::PResult;
use super::figure::{cjk_digit_val, cjk_value, digit_value, is_cjk_numeral_char};
use crate::value::Date;

/// A date as read: the point, an optional range end, and the bytes used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    /// The (first) date.
    pub(crate) date: Date,
    /// The end of a range written as one (`2021—2025年`).
    pub(crate) range_end: Option<Date>,
}

fn err(i: &str) -> nom::Err<super::GrammarError<'_>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// [`date_num`] of some text, computed once for the productions that all
/// start with it.
type DateNum<'a> = Option<(&'a str, u32, usize, bool)>;

/// A run of arabic digits (no separators) or CJK numerals: (rest, value,
/// length in chars, is CJK, positional CJK).
fn date_num(i: &str) -> Option<(&str, u32, usize, bool)> {
    let mut pos = 0;
    let mut n = 0usize;
    let mut v: u32 = 0;
    // Digits by their bytes: ASCII `0`–`9`, fullwidth `０`–`９` (EF BC 90–99).
    let b = i.as_bytes();
    loop {
        let (d, len) = match b.get(pos) {
            Some(&x) if x.is_ascii_digit() => (x - b'0', 1),
            Some(0xef) => match (b.get(pos + 1), b.get(pos + 2)) {
                (Some(0xbc), Some(&x @ 0x90..=0x99)) => (x - 0x90, 3),
                _ => break,
            },
            _ => break,
        };
        v = v.checked_mul(10)?.checked_add(u32::from(d))?;
        pos += len;
        n += 1;
    }
    if n > 0 {
        return Some((i.get(pos..)?, v, n, false));
    }
    for c in i.chars() {
        if !is_cjk_numeral_char(c) {
            break;
        }
        pos += c.len_utf8();
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let text = i.get(..pos)?;
    let (val, _) = cjk_value(text)?;
    Some((i.get(pos..)?, u32::try_from(val).ok()?, n, true))
}

/// A year number: four arabic digits or four positional CJK digits, 1900–2199
/// (the CJK form also 1000–2199 for historical texts is not needed).
///
/// `dn` is the [`date_num`] of `i`.
fn year_num_of<'a>(i: &'a str, dn: DateNum<'a>) -> Option<(&'a str, u16)> {
    let (rest, v, n, cjk) = dn?;
    if n != 4 || !(1900..=2199).contains(&v) {
        return None;
    }
    if cjk && !i.chars().take(4).all(|c| cjk_digit_val(c).is_some()) {
        return None;
    }
    Some((rest, u16::try_from(v).ok()?))
}

/// The separators of a range (`2021—2025年`, `1-6月`, `3至5家`), longest
/// first: the `range_sep` of dates and of quantities.
pub(crate) const RANGE_SEPS: [&str; 10] = ["——", "—", "–", "-", "－", "～", "~", "〜", "至", "到"];

/// True for the first chars of the [`RANGE_SEPS`] (a quick reject).
pub(crate) fn starts_range_sep(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '－' | '～' | '~' | '〜' | '至' | '到')
}

fn range_sep(i: &str) -> Option<&str> {
    if !i.chars().next().is_some_and(starts_range_sep) {
        return None;
    }
    for s in RANGE_SEPS {
        if let Some(r) = i.strip_prefix(s) {
            return Some(r);
        }
    }
    None
}

/// The second year of a school year, `2023学年` / `2023学年度` (after
/// `2022—`): the whole range is one date.
fn school_year(i: &str) -> Option<(&str, u16)> {
    let (r, y) = year_num_of(i, date_num(i))?;
    let r = r.strip_prefix("学年").or_else(|| r.strip_prefix("學年"))?;
    Some((r.strip_prefix('度').unwrap_or(r), y))
}

/// `年` after a year number, with an optional `度`.
///
/// ```ebnf
/// year_part ::= ([0-9０-９]{4} | [〇○零一二三四五六七八九]{4}) pad? "年" "度"?
/// ```
pub(crate) fn year_part(i: &str) -> PResult<'_, u16> {
    year_part_of(i, date_num(i))
}

/// [`year_part`] given `dn`, the [`date_num`] of `i`.
fn year_part_of<'a>(i: &'a str, dn: DateNum<'a>) -> PResult<'a, u16> {
    let (rest, y) = year_num_of(i, dn).ok_or_else(|| err(i))?;
    let rest = pad1(rest).strip_prefix('年').ok_or_else(|| err(i))?;
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    Ok((rest, y))
}

/// A month, 1–12, with `月` and an optional `份`.
///
/// ```ebnf
/// month_part ::= (([0-9]{1,2} | cjk_figure) pad? "月" | "元月") "份"?
/// ```
pub(crate) fn month_part(i: &str) -> PResult<'_, u8> {
    month_part_of(i, date_num(i))
}

/// [`month_part`] given `dn`, the [`date_num`] of `i`.
fn month_part_of<'a>(i: &'a str, dn: DateNum<'a>) -> PResult<'a, u8> {
    // 元月: the first month.
    if let Some(rest) = i.strip_prefix("元月") {
        return Ok((rest.strip_prefix('份').unwrap_or(rest), 1));
    }
    let (rest, v, n, _) = dn.ok_or_else(|| err(i))?;
    if n > 2 || !(1..=12).contains(&v) {
        return Err(err(i));
    }
    let rest = pad1(rest).strip_prefix('月').ok_or_else(|| err(i))?;
    let rest = rest.strip_prefix('份').unwrap_or(rest);
    Ok((rest, u8::try_from(v).map_err(|_| err(i))?))
}

/// A day of the month, 1–31, with `日` or `号`.
///
/// ```ebnf
/// day_part ::= ([0-9]{1,2} | cjk_figure) pad? ("日" | "号" | "號")
/// ```
pub(crate) fn day_part(i: &str) -> PResult<'_, u8> {
    let (rest, v, n, cjk) = date_num(i).ok_or_else(|| err(i))?;
    if (!cjk && n > 2) || !(1..=31).contains(&v) {
        return Err(err(i));
    }
    let rest = pad1(rest);
    let rest = rest
        .strip_prefix('日')
        .or_else(|| rest.strip_prefix('号'))
        .or_else(|| rest.strip_prefix('號'))
        .ok_or_else(|| err(i))?;
    Ok((rest, u8::try_from(v).map_err(|_| err(i))?))
}

/// `i` past one pad char (`2023 年 5 月 6 日`: pages space dates out).
fn pad1(i: &str) -> &str {
    i.strip_prefix([' ', '\u{3000}', '\u{a0}']).unwrap_or(i)
}

fn two_digits(i: &str) -> Option<(&str, u8)> {
    let b = i.as_bytes();
    let (a, c) = (b.first()?, b.get(1)?);
    if !a.is_ascii_digit() || !c.is_ascii_digit() || b.get(2).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((i.get(2..)?, (a - b'0') * 10 + (c - b'0')))
}

/// A clock time `14:37`, `9:05:30`, or `14时30分`.
///
/// ```ebnf
/// time_part ::= [0-9]{1,2} [:：] [0-9]{2} ([:：] [0-9]{2})?
///             | figure ("时" | "時" | "點") (figure "分")?
/// ```
pub(crate) fn time_part(i: &str) -> PResult<'_, (u8, Option<u8>, Option<u8>)> {
    time_part_of(i, date_num(i))
}

/// [`time_part`] given `dn`, the [`date_num`] of `i`.
fn time_part_of<'a>(i: &'a str, dn: DateNum<'a>) -> PResult<'a, (u8, Option<u8>, Option<u8>)> {
    let (rest, h, n, cjk) = dn.ok_or_else(|| err(i))?;
    if n > 2 || h > 23 {
        return Err(err(i));
    }
    let h = u8::try_from(h).map_err(|_| err(i))?;
    if !cjk {
        for colon in [":", "："] {
            if let Some(r) = rest.strip_prefix(colon) {
                let (r, m) = two_digits(r).ok_or_else(|| err(i))?;
                if m > 59 {
                    return Err(err(i));
                }
                let mut sec = None;
                let mut r = r;
                for c2 in [":", "："] {
                    if let Some(r2) = r.strip_prefix(c2) {
                        if let Some((r3, s)) = two_digits(r2).filter(|x| x.1 < 60) {
                            sec = Some(s);
                            r = r3;
                        }
                    }
                }
                if r.starts_with(|c: char| c == '.' || c == ':' || digit_value(c).is_some()) {
                    return Err(err(i));
                }
                return Ok((r, (h, Some(m), sec)));
            }
        }
    }
    let rest = rest
        .strip_prefix(['时', '時', '點'])
        .ok_or_else(|| err(i))?;
    if let Some((r, m, mn, _)) = date_num(rest) {
        if mn <= 2 && m < 60 {
            if let Some(r) = r.strip_prefix('分') {
                return Ok((r, (h, u8::try_from(m).ok(), None)));
            }
        }
    }
    // 9时: the hour alone, no minute written.
    Ok((rest, (h, None, None)))
}

/// An ISO-style date `2022-02-09`, `2024/1/5`, `2022.01.28`.
///
/// ```ebnf
/// iso_date ::= [0-9]{4} [-/.] [0-9]{1,2} [-/.] [0-9]{1,2}
/// ```
pub(crate) fn iso_date(i: &str) -> PResult<'_, Date> {
    let b = i.as_bytes();
    let year_ok = b.len() >= 4 && b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit));
    if !year_ok || b.get(4).is_some_and(u8::is_ascii_digit) {
        return Err(err(i));
    }
    let y: u16 = i
        .get(..4)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| err(i))?;
    let sep = *b.get(4).ok_or_else(|| err(i))?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return Err(err(i));
    }
    let mut pos = 5;
    let mut parts = [0u8; 2];
    for (k, part) in parts.iter_mut().enumerate() {
        let start = pos;
        while b.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        let len = pos - start;
        if !(1..=2).contains(&len) {
            return Err(err(i));
        }
        *part = i
            .get(start..pos)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| err(i))?;
        if k == 0 {
            if b.get(pos) != Some(&sep) {
                return Err(err(i));
            }
            pos += 1;
        }
    }
    // Not a longer identifier (`2022-01-2800`) or a decimal.
    if b.get(pos).is_some_and(|c| c.is_ascii_alphanumeric())
        || (b.get(pos) == Some(&sep) && b.get(pos + 1).is_some_and(u8::is_ascii_digit))
    {
        return Err(err(i));
    }
    let d = Date::ymd(y, parts[0], parts[1]);
    if !(1900..=2199).contains(&y) || !d.is_valid() {
        return Err(err(i));
    }
    Ok((i.get(pos..).unwrap_or(""), d))
}

/// Can [`date`] or [`listed_date`] match at `i`, which starts with a digit
/// or a CJK numeral? A necessary condition, checked before either is
/// tried (most figures in running text are no dates): every production
/// that starts with a number ([`date_num`]) goes on, right after the
/// number, with a pad char, `年`, `月`, a day mark, a clock separator, an
/// ISO separator (after four digits), a range separator or a list
/// separator. Productions that
/// start with a word (`上午`, `元月`) cannot start at a numeral.
pub(crate) fn date_may_start(i: &str) -> bool {
    // The end of the number run, as `date_num` reads it (its value is
    // not needed here: a run whose value does not fit fails later).
    let b = i.as_bytes();
    let mut pos = 0;
    loop {
        match b.get(pos) {
            Some(x) if x.is_ascii_digit() => pos += 1,
            Some(0xef)
                if matches!(
                    (b.get(pos + 1), b.get(pos + 2)),
                    (Some(0xbc), Some(0x90..=0x99))
                ) =>
            {
                pos += 3;
            }
            _ => break,
        }
    }
    let mut rest = i.get(pos..).unwrap_or("").chars();
    let mut c = rest.next();
    if pos == 0 {
        while c.is_some_and(is_cjk_numeral_char) {
            c = rest.next();
        }
        if c.is_none() || rest.as_str().len() + c.map_or(0, char::len_utf8) == i.len() {
            return false;
        }
    }
    c.is_some_and(|c| date_may_follow(c, pos == 4))
}

/// May `c`, right after the number a date production starts with, go on
/// with one? (The test of [`date_may_start`]; `four_digits`: the number is
/// four ASCII digits, as the year of an ISO date.)
pub(crate) fn date_may_follow(c: char, four_digits: bool) -> bool {
    // `.` and `/` separate only the parts of an ISO date, whose year is
    // four ASCII digits (not a decimal: 86.3%, 7.5万元).
    if matches!(c, '.' | '/') {
        return four_digits;
    }
    // Pad, 年 月 日 号, clock separators, list separators, and the first
    // char of every `RANGE_SEPS` entry (the test below checks each).
    matches!(
        c,
        ' ' | '\u{3000}'
            | '\u{a0}'
            | '年'
            | '月'
            | '日'
            | '号'
            | '號'
            | ':'
            | '：'
            | '时'
            | '時'
            | '點'
            | '、'
            | '和'
            | '与'
            | '及'
            | '—'
            | '–'
            | '-'
            | '－'
            | '～'
            | '~'
            | '〜'
            | '至'
            | '到'
    )
}

/// [`listed_year`] or [`listed_month`], tried only when the number is
/// followed by a list separator (the scanner tries this after every failed
/// [`date`]: most figures are no dates and stop at the first check).
pub(crate) fn listed_date(i: &str) -> PResult<'_, Date> {
    let dn = date_num(i);
    let listed = dn.is_some_and(|(r, ..)| r.starts_with(['、', '和', '与', '及']));
    if !listed {
        return Err(err(i));
    }
    listed_year(i).or_else(|_| listed_month(i))
}

/// A year listed before another year, which carries the `年` for both:
/// `2022、2023年`, `2022和2023年` (returns the first year; the rest starts at
/// the separator).
///
/// ```ebnf
/// listed_year ::= [0-9]{4} ("、" | "和" | "与" | "及") &year_part
/// ```
pub(crate) fn listed_year(i: &str) -> PResult<'_, Date> {
    let (r, y) = year_num_of(i, date_num(i)).ok_or_else(|| err(i))?;
    let next = ["、", "和", "与", "及"]
        .iter()
        .find_map(|s| r.strip_prefix(s))
        .ok_or_else(|| err(i))?;
    year_part(next)?;
    Ok((
        r,
        Date {
            year: Some(y),
            ..Date::default()
        },
    ))
}

/// A month listed before another month, which carries the `月` for both:
/// `7、8月份` (arabic digits only; returns the first month).
///
/// ```ebnf
/// listed_month ::= [0-9]{1,2} "、" &month_part
/// ```
pub(crate) fn listed_month(i: &str) -> PResult<'_, Date> {
    let (r, v, n, cjk) = date_num(i).ok_or_else(|| err(i))?;
    if cjk || n > 2 || !(1..=12).contains(&v) {
        return Err(err(i));
    }
    let next = r.strip_prefix('、').ok_or_else(|| err(i))?;
    let (_, m2) = month_part(next)?;
    if u32::from(m2) <= v || next.starts_with("元月") {
        return Err(err(i));
    }
    Ok((
        r,
        Date {
            month: u8::try_from(v).ok(),
            ..Date::default()
        },
    ))
}

/// Date parts after a year: month, day, clock time.
fn after_year<'a>(i: &'a str, d: &mut Date) -> &'a str {
    let mut rest = i;
    if let Ok((r, m)) = month_part(pad1(rest)) {
        d.month = Some(m);
        rest = r;
        if let Ok((r, day)) = day_part(pad1(rest)) {
            d.day = Some(day);
            rest = after_day(r, d);
        }
    }
    rest
}

fn after_day<'a>(i: &'a str, d: &mut Date) -> &'a str {
    // 24时 closes the day: read as part of the date, with no clock time.
    if let Some(r) = i.strip_prefix("24时") {
        return r;
    }
    let t = i.trim_start_matches([' ', '\u{3000}']);
    // 3月15日上午10时30分: a part of the day may come before the time.
    let (t, mer) = match meridiem(t) {
        Ok((r, m)) => (r.trim_start_matches([' ', '\u{3000}']), Some(m)),
        Err(_) => (t, None),
    };
    if let Ok((r, (h, m, s))) = time_part(t) {
        d.hour = Some(clock_hour(mer, h));
        d.minute = m;
        d.second = s;
        return r;
    }
    i
}

/// Which half of the day a [`meridiem`] word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    /// 上午 凌晨 早上 早晨: the hour as written.
    Morning,
    /// 中午: 12时, or 1时–2时 after noon.
    Noon,
    /// 下午 晚上 傍晚 夜间: hours 1–11 are after noon.
    Evening,
}

/// A part of the day written before a clock time (`上午9时`, `下午3:30`).
///
/// ```ebnf
/// meridiem ::= "上午" | "下午" | "中午" | "晚上" | "凌晨" | "早上" | "早晨" | "傍晚" | "夜间" | "夜間"
/// ```
pub(crate) fn meridiem(i: &str) -> PResult<'_, Meridiem> {
    const WORDS: [(&str, Meridiem); 10] = [
        ("上午", Meridiem::Morning),
        ("凌晨", Meridiem::Morning),
        ("早上", Meridiem::Morning),
        ("早晨", Meridiem::Morning),
        ("中午", Meridiem::Noon),
        ("下午", Meridiem::Evening),
        ("晚上", Meridiem::Evening),
        ("傍晚", Meridiem::Evening),
        ("夜间", Meridiem::Evening),
        ("夜間", Meridiem::Evening),
    ];
    // Every word starts with one of these chars: most calls stop here.
    if !i.starts_with(['上', '凌', '早', '中', '下', '晚', '傍', '夜']) {
        return Err(err(i));
    }
    for (w, m) in WORDS {
        if let Some(r) = i.strip_prefix(w) {
            return Ok((r, m));
        }
    }
    Err(err(i))
}

/// The 24-hour clock hour of `h` written after `mer` (`下午3时` → 15).
fn clock_hour(mer: Option<Meridiem>, h: u8) -> u8 {
    match mer {
        Some(Meridiem::Evening) if (1..12).contains(&h) => h + 12,
        Some(Meridiem::Noon) if (1..=2).contains(&h) => h + 12,
        _ => h,
    }
}

/// A clock time after a part of the day: `上午9时`, `下午3:30`, `晚上8时`
/// (the hour alone is enough after the meridiem word).
///
/// ```ebnf
/// meridiem_time ::= meridiem pad? time_part
/// ```
pub(crate) fn meridiem_time(i: &str) -> PResult<'_, Date> {
    let (r, mer) = meridiem(i)?;
    let r = r.trim_start_matches([' ', '\u{3000}']);
    let (r, (h, m, s)) = time_part(r)?;
    Ok((
        r,
        Date {
            hour: Some(clock_hour(Some(mer), h)),
            minute: m,
            second: s,
            ..Date::default()
        },
    ))
}

/// The end of a clock-time range after a point with a time: `9:30-11:30`,
/// `2023年7月8日14:00至16:00`, `上午9时至下午5时` (the end keeps the
/// start's date and must come after it).
fn time_range_end(i: &str, d: Date) -> Option<(&str, Date)> {
    d.hour?;
    let r = range_sep(i)?;
    let (r, mer) = match meridiem(r) {
        Ok((r2, m)) => (r2, Some(m)),
        Err(_) => (r, None),
    };
    let (r, (h, m, s)) = time_part(r).ok()?;
    let e = Date {
        hour: Some(clock_hour(mer, h)),
        minute: m,
        second: s,
        ..d
    };
    (e > d).then_some((r, e))
}

/// One date: year (month (day (time)?)?)?, an ISO date, a month with an
/// optional day, or a clock time.
///
/// ```ebnf
/// date_point ::= iso_date ((" " | "T")? time_part)?
///              | year_part (pad? month_part (pad? day_part (pad? meridiem? time_part)?)?)?
///              | month_part (pad? day_part (pad? meridiem? time_part)?)?
///              | time_part
/// ```
pub(crate) fn date_point(i: &str) -> PResult<'_, Date> {
    date_point_of(i, date_num(i))
}

/// [`date_point`] given `dn`, the [`date_num`] of `i`.
fn date_point_of<'a>(i: &'a str, dn: DateNum<'a>) -> PResult<'a, Date> {
    if let Ok((r, mut d)) = iso_date(i) {
        let t = r.strip_prefix(['T', ' ']).unwrap_or(r);
        if let Ok((r2, (h, m, s))) = time_part(t) {
            if t.len() < r.len() {
                d.hour = Some(h);
                d.minute = m;
                d.second = s;
                return Ok((r2, d));
            }
        }
        return Ok((r, d));
    }
    if let Ok((r, y)) = year_part_of(i, dn) {
        let mut d = Date {
            year: Some(y),
            ..Date::default()
        };
        let r = if i
            .get(..i.len() - r.len())
            .is_some_and(|s| s.ends_with('度'))
        {
            r
        } else {
            after_year(r, &mut d)
        };
        return Ok((r, d));
    }
    if let Ok((r, m)) = month_part_of(i, dn) {
        let mut d = Date {
            month: Some(m),
            ..Date::default()
        };
        let mut r = r;
        if let Ok((r2, day)) = day_part(pad1(r)) {
            d.day = Some(day);
            r = after_day(r2, &mut d);
        }
        return Ok((r, d));
    }
    if let Ok((r, (h, m, s))) = time_part_of(i, dn) {
        // A bare clock time needs the colon form or hours and minutes
        // (9时30分).
        if i.get(..i.len() - r.len()).is_some_and(|t| {
            t.contains(':') || t.contains('：') || (t.contains(['时', '時']) && t.ends_with('分'))
        }) {
            let d = Date {
                hour: Some(h),
                minute: m,
                second: s,
                ..Date::default()
            };
            return Ok((r, d));
        }
    }
    Err(err(i))
}

/// A date or a range of dates written as one.
///
/// ```ebnf
/// date ::= meridiem_time (range_sep meridiem? time_part)?
///        | [0-9]{4} range_sep (year_part | [0-9]{4} "学年" "度"?)
///        | year_part? [0-9]{1,2} range_sep month_part
///        | date_point range_sep meridiem? time_part
///        | date_point (range_sep (date_point | day_part))?
/// ```
///
/// (`range_sep` is one of `— —— – - － ～ ~ 至 到`.)
pub(crate) fn date(i: &str) -> PResult<'_, DateMatch> {
    // 上午9时, 下午3:30-5:00
    if let Ok((r, d)) = meridiem_time(i) {
        let (r, range_end) = match time_range_end(r, d) {
            Some((r2, e)) => (r2, Some(e)),
            None => (r, None),
        };
        return Ok((r, DateMatch { date: d, range_end }));
    }
    // 2021—2025年, 2021-2025年度
    // Every production starts with the same number: read it once.
    let dn = date_num(i);
    if let Some((r, y1)) = year_num_of(i, dn) {
        if let Some(r) = range_sep(r) {
            if let Some((r2, y2)) = year_part(r).ok().or_else(|| school_year(r)) {
                if y2 > y1 {
                    return Ok((
                        r2,
                        DateMatch {
                            date: Date {
                                year: Some(y1),
                                ..Date::default()
                            },
                            range_end: Some(Date {
                                year: Some(y2),
                                ..Date::default()
                            }),
                        },
                    ));
                }
            }
        }
    }
    // [2023年]1-6月
    let (after_y, year) = match year_part_of(i, dn) {
        Ok((r, y))
            if !i
                .get(..i.len() - r.len())
                .is_some_and(|s| s.ends_with('度')) =>
        {
            (r, Some(y))
        }
        _ => (i, None),
    };
    let dn_after_y = if after_y.len() == i.len() {
        dn
    } else {
        date_num(after_y)
    };
    if let Some((r, m1, n, _)) = dn_after_y {
        if n <= 2 && (1..=12).contains(&m1) {
            if let Some(r) = range_sep(r) {
                if let Ok((r2, m2)) = month_part(r) {
                    if u32::from(m2) > m1 {
                        let m1 = u8::try_from(m1).unwrap_or(0);
                        return Ok((
                            r2,
                            DateMatch {
                                date: Date {
                                    year,
                                    month: Some(m1),
                                    ..Date::default()
                                },
                                range_end: Some(Date {
                                    year,
                                    month: Some(m2),
                                    ..Date::default()
                                }),
                            },
                        ));
                    }
                }
            }
        }
    }
    let (r, d) = date_point_of(i, dn)?;
    // 9:30-11:30, 2023年7月8日14:00至16:00: a range of clock times.
    if let Some((r2, e)) = time_range_end(r, d) {
        return Ok((
            r2,
            DateMatch {
                date: d,
                range_end: Some(e),
            },
        ));
    }
    // Range: a second point, or a bare day / month-day inheriting the rest.
    if d.year.is_some() || d.month.is_some() {
        if let Some(r2) = range_sep(r) {
            if let Ok((r3, mut e)) = date_point(r2) {
                if e.hour.is_none() || d.hour.is_some() {
                    if e.year.is_none() && e.month.is_some() && d.year.is_some() {
                        e.year = d.year;
                    }
                    let shape_ok = e.year.is_some() || d.day.is_some() == e.day.is_some();
                    if shape_ok && e > d || e.year.is_none() && e.month >= d.month {
                        return Ok((
                            r3,
                            DateMatch {
                                date: d,
                                range_end: Some(e),
                            },
                        ));
                    }
                }
            }
            if d.day.is_some() {
                if let Ok((r3, day)) = day_part(r2) {
                    if Some(day) > d.day {
                        let e = Date {
                            day: Some(day),
                            ..d
                        };
                        return Ok((
                            r3,
                            DateMatch {
                                date: d,
                                range_end: Some(e),
                            },
                        ));
                    }
                }
            }
        }
    }
    Ok((
        r,
        DateMatch {
            date: d,
            range_end: None,
        },
    ))
}

/// The date at the start of `s` (leading padding skipped, the rest of the
/// string ignored): `2022年01月28日`, `2022-02-09`, `2024-03-28 09:18`,
/// `2024/1/5`, `二〇二六年一月二十七日`. `None` when `s` does not start with a
/// date that has at least a year.
#[allow(dead_code)] // for the metadata and closing-line parsers
pub(crate) fn parse_date_text(s: &str) -> Option<Date> {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
    let (_, d) = date_point(t).ok()?;
    (d.year.is_some() && d.is_valid()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `date_may_start` is necessary on generated text dense in
        /// numerals, digits, date marks and separators.
        #[test]
        fn date_may_start_is_necessary_generated(
            s in "[0-9０-９一二三四五六七八九十〇零两年月日号号時时點点分份度学:：/. 　\u{a0}、和与及—–～~〜至到-]{1,14}"
        ) {
            if !date_may_start(&s) {
                proptest::prop_assert!(date(&s).is_err(), "date at {}", s);
                proptest::prop_assert!(listed_date(&s).is_err(), "listed at {}", s);
            }
        }
    }

    /// `date_may_start` is a necessary condition: wherever it says no,
    /// neither `date` nor `listed_date` matches (checked at every numeral
    /// of the seed reports and of tricky snippets).
    #[test]
    fn date_may_start_is_necessary() {
        let mut texts = crate::test_corpus::seeds_and_bulletin();
        texts.push(
            "2023 年 5 月 6 日，2021—2025年，1-6月，二〇二六年一月，9时30分，14:37，\
             2022-02-09，2024/1/5，2022.01.28，2022、2023年，7、8月份，三月份，2022学年，\
             86.3%，7.5万元，12/31，2022/3，202.3.4，20221.2.3，２０２２.1.2，\
             3年，一年，十年，20223年，２０２3年，２０２３年，二〇二三年，二〇二三四年，一九九九年度"
                .to_string(),
        );
        let mut checked = 0;
        for t in &texts {
            for (k, c) in t.char_indices() {
                if !(c.is_ascii_digit() || crate::grammar::figure::is_cjk_numeral_char(c)) {
                    continue;
                }
                let rest = &t[k..];
                if !date_may_start(rest) {
                    assert!(date(rest).is_err(), "date at {rest:.20}");
                    assert!(listed_date(rest).is_err(), "listed at {rest:.20}");
                }
                checked += 1;
            }
        }
        assert!(checked > 1000);
        for sep in RANGE_SEPS {
            assert!(range_sep(&format!("{sep}5月")).is_some());
            assert!(date_may_start(&format!("3{sep}5月")), "{sep}");
            assert!(date_may_start(&format!("三{sep}五月")), "{sep}");
        }
    }

    fn full(y: u16, m: u8, d: u8) -> Date {
        Date::ymd(y, m, d)
    }

    #[test]
    fn date_text_forms() {
        assert_eq!(parse_date_text("2022年01月28日"), Some(full(2022, 1, 28)));
        assert_eq!(parse_date_text(" 2022-02-09"), Some(full(2022, 2, 9)));
        let mut dt = full(2024, 3, 28);
        dt.hour = Some(9);
        dt.minute = Some(18);
        assert_eq!(parse_date_text("2024-03-28 09:18"), Some(dt));
        assert_eq!(parse_date_text("2024/1/5 来源"), Some(full(2024, 1, 5)));
        assert_eq!(
            parse_date_text("二〇二六年一月二十七日"),
            Some(full(2026, 1, 27))
        );
        assert_eq!(parse_date_text("二○一二年一月九日"), Some(full(2012, 1, 9)));
        assert_eq!(
            parse_date_text("１９９６年"),
            Some(Date {
                year: Some(1996),
                ..Date::default()
            })
        );
        assert_eq!(parse_date_text("主动公开"), None);
        assert_eq!(parse_date_text("12345"), None);
    }

    fn d(s: &str) -> (String, String, &str) {
        let (r, m) = date(s).unwrap();
        (
            m.date.to_string(),
            m.range_end.map(|e| e.to_string()).unwrap_or_default(),
            r,
        )
    }

    #[test]
    fn ranges_and_points() {
        assert_eq!(d("2021—2025年规划"), ("2021".into(), "2025".into(), "规划"));
        assert_eq!(
            d("2023年1-6月，"),
            ("2023-01".into(), "2023-06".into(), "，")
        );
        assert_eq!(d("1-11月，"), ("--01".into(), "--11".into(), "，"));
        assert_eq!(d("8月份"), ("--08".into(), String::new(), ""));
        assert_eq!(d("2021年度法治"), ("2021".into(), String::new(), "法治"));
        assert_eq!(
            d("2020年2月1日—2020年2月29日生产"),
            ("2020-02-01".into(), "2020-02-29".into(), "生产")
        );
        assert_eq!(
            d("2024-01-24 14:37"),
            ("2024-01-24T14:37".into(), String::new(), "")
        );
        assert_eq!(d("14:37"), ("14:37".into(), String::new(), ""));
        assert_eq!(d("9时30分"), ("09:30".into(), String::new(), ""));
        assert!(date("9时").is_err());
        assert!(date("7.6:44.8").is_err());
        assert!(date("1:1").is_err());
        assert!(date("3年").is_err());
        assert!(date("13月").is_err());
    }
}

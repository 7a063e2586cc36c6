//! Whole-value dates for metadata and closing lines (`2022年01月28日`,
//! `2024-03-28 09:18`, `二〇二六年一月二十七日`).

use super::heading::cn_ordinal;
use crate::value::Date;

fn digit_val(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        Some(c as u32 - '0' as u32)
    } else if ('０'..='９').contains(&c) {
        Some(c as u32 - '０' as u32)
    } else {
        None
    }
}

fn cjk_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' | 'O' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Digits (ASCII or fullwidth) at the start: (value, chars consumed, bytes).
fn digits(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut v: u32 = 0;
    let mut bytes = 0;
    for (n, c) in s.chars().enumerate() {
        if n >= max {
            break;
        }
        match digit_val(c) {
            Some(d) => {
                v = v * 10 + d;
                bytes += c.len_utf8();
            }
            None => break,
        }
    }
    (bytes > 0).then_some((v, bytes))
}

/// A year written digit by digit in CJK numerals (`二〇二六`).
fn cjk_year(s: &str) -> Option<(u32, usize)> {
    let mut v = 0;
    let mut bytes = 0;
    let mut n = 0;
    for c in s.chars() {
        match cjk_digit(c) {
            Some(d) if n < 4 => {
                v = v * 10 + d;
                bytes += c.len_utf8();
                n += 1;
            }
            _ => break,
        }
    }
    (n == 4).then_some((v, bytes))
}

/// Can a date ([`value_date`]) start with `c`: a digit of its year (ASCII,
/// fullwidth or CJK)?
pub(crate) fn may_start_date(c: char) -> bool {
    digit_val(c).is_some() || cjk_digit(c).is_some()
}

/// A month or day in CJK numerals (`十二`, `二十七`).
fn cjk_small(s: &str) -> Option<(u32, usize)> {
    let (rest, v) = cn_ordinal(s).ok()?;
    Some((v, s.len() - rest.len()))
}

/// The date at the start of `s` (the rest is ignored), or `None`.
///
/// ```ebnf
/// value_date ::= year ("年" (month | "元") ("月" (day ("日" | "号"))?)?)?
///              | year [-/.] month ([-/.] day (pad+ hour ":" minute (":" second)?)?)?
/// ```
pub(crate) fn value_date(s: &str) -> Option<Date> {
    value_date_prefix(s.trim()).map(|(d, _)| d)
}

/// Is the whole of `s` (trimmed) one date?
pub(crate) fn whole_date(s: &str) -> Option<Date> {
    let t = s.trim();
    value_date_prefix(t)
        .filter(|(_, n)| *n == t.len())
        .map(|(d, _)| d)
}

/// The date at the start of `s` and the bytes it takes.
fn value_date_prefix(s: &str) -> Option<(Date, usize)> {
    let (year, yl) = match digits(s, 4) {
        Some((y, l)) if s.get(..l).is_some_and(|t| t.chars().count() == 4) => (y, l),
        Some(_) => return None,
        None => cjk_year(s)?,
    };
    if !(1000..=2999).contains(&year) {
        return None;
    }
    let mut d = Date {
        year: u16::try_from(year).ok(),
        ..Date::default()
    };
    let mut end = yl;
    let rest = s.get(yl..)?;
    let num = |t: &str| digits(t, 2).or_else(|| cjk_small(t));
    // `元月`: the first month (`二〇二四年元月五日`).
    let month = |t: &str| num(t).or_else(|| t.starts_with('元').then_some((1, '元'.len_utf8())));
    if let Some(r) = rest.strip_prefix('年') {
        end += '年'.len_utf8();
        if let Some((m, ml)) = month(r) {
            if let Some(r2) = r.get(ml..).and_then(|x| x.strip_prefix('月')) {
                d.month = u8::try_from(m).ok();
                end += ml + '月'.len_utf8();
                if let Some((day, dl)) = num(r2) {
                    if let Some(c) = r2
                        .get(dl..)
                        .and_then(|x| x.chars().next())
                        .filter(|c| matches!(c, '日' | '号'))
                    {
                        d.day = u8::try_from(day).ok();
                        end += dl + c.len_utf8();
                        // ` 07时41分`
                        let after = r2.get(dl + c.len_utf8()..).unwrap_or("");
                        let t = after.trim_start_matches([' ', '\u{3000}']);
                        let gap = after.len() - t.len();
                        if let Some((h, hl)) = digits(t, 2) {
                            if let Some(r3) = t
                                .get(hl..)
                                .and_then(|x| x.strip_prefix(['时', '時', ':', '：']))
                            {
                                if let Some((mi, ml2)) = digits(r3, 2) {
                                    d.hour = u8::try_from(h).ok();
                                    d.minute = u8::try_from(mi).ok();
                                    end += gap + (t.len() - r3.len()) + ml2;
                                    if r3.get(ml2..).is_some_and(|x| x.starts_with('分')) {
                                        end += '分'.len_utf8();
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return d.is_valid().then_some((d, end));
    }
    let sep = rest.chars().next()?;
    if !matches!(sep, '-' | '/' | '.' | '－' | '．') {
        return None;
    }
    let r = rest.get(sep.len_utf8()..)?;
    let (m, ml) = digits(r, 2)?;
    d.month = u8::try_from(m).ok();
    end += sep.len_utf8() + ml;
    let r = r.get(ml..)?;
    if let Some(r) = r.strip_prefix(sep) {
        if let Some((day, dl)) = digits(r, 2) {
            d.day = u8::try_from(day).ok();
            end += sep.len_utf8() + dl;
            let r = r.get(dl..).unwrap_or("");
            let trimmed = r.trim_start_matches([' ', '\u{3000}', 'T']);
            let gap = r.len() - trimmed.len();
            if let Some((h, hl)) = digits(trimmed, 2) {
                if let Some(r) = trimmed.get(hl..).and_then(|x| x.strip_prefix([':', '：'])) {
                    if let Some((mi, mil)) = digits(r, 2) {
                        d.hour = u8::try_from(h).ok();
                        d.minute = u8::try_from(mi).ok();
                        end += gap + hl + 1 + mil;
                        if let Some(r) = r.get(mil..).and_then(|x| x.strip_prefix(':')) {
                            if let Some((sec, sl)) = digits(r, 2) {
                                d.second = u8::try_from(sec).ok();
                                end += 1 + sl;
                            }
                        }
                    }
                }
            }
        }
    }
    d.is_valid().then_some((d, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_answers() {
        let ymd = |y, m, d| Some(Date::ymd(y, m, d));
        assert_eq!(value_date("2022年01月28日"), ymd(2022, 1, 28));
        assert_eq!(value_date("2022-02-09"), ymd(2022, 2, 9));
        assert_eq!(value_date("二〇二六年一月二十七日"), ymd(2026, 1, 27));
        assert_eq!(value_date("二○一二年一月九日"), ymd(2012, 1, 9));
        assert_eq!(value_date("２０２２年１月２８日"), ymd(2022, 1, 28));
        // `元月` is the first month.
        assert_eq!(value_date("二〇二四年元月五日"), ymd(2024, 1, 5));
        assert_eq!(value_date("2024年元月5日"), ymd(2024, 1, 5));
        assert_eq!(value_date("2024年元旦"), value_date("2024年"));
        let d = value_date("2024-03-28 09:18").unwrap_or_default();
        assert_eq!((d.hour, d.minute), (Some(9), Some(18)));
        assert_eq!(
            value_date("2023年12月").map(|d| (d.year, d.month, d.day)),
            Some((Some(2023), Some(12), None))
        );
        assert_eq!(value_date("2022年13月"), None);
        assert_eq!(value_date("12345"), None);
        assert!(whole_date("2022年1月28日").is_some());
        assert!(whole_date("2024-01-24 14:37").is_some());
        assert!(whole_date("2020年2月份.xlsx附件预览").is_none());
        let d = whole_date("2026年02月10日 07时41分").unwrap_or_default();
        assert_eq!((d.day, d.hour, d.minute), (Some(10), Some(7), Some(41)));
        assert_eq!(value_date("运城市"), None);
    }

    /// `may_start_date` is true of the first char of every date and of no
    /// other char that starts one of these near misses.
    #[test]
    fn dates_start_where_may_start_date_says() {
        for s in [
            "2022年01月28日",
            "２０２２年１月２８日",
            "二〇二六年一月二十七日",
            "○一二三年",
            "Ｏ一二三年",
            "O一二三年",
            "零一二三年",
            "2024-03-28 09:18",
            "运城市",
            "年1月",
            "十二月",
            "（2024年）",
            "元月",
            "",
        ] {
            let first = s.trim().chars().next();
            if value_date(s).is_some() {
                assert!(first.is_some_and(may_start_date), "{s}");
            }
            if first.is_some_and(|c| !may_start_date(c)) {
                assert_eq!(value_date(s), None, "{s}");
            }
        }
    }
}

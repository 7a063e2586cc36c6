//! Heading markers (SPEC §3): `第一部分` `第一条` `一、` `（一）` `1.` `（1）` `①`
//! and the standalone `一是…。` line.

use nom::Parser;
use nom::branch::alt;
#[cfg(test)]
use nom::bytes::complete::tag;
use nom::character::complete::{char, satisfy};
#[cfg(test)]
use nom::combinator::not;
use nom::combinator::{peek, recognize, verify};
use nom::multi::many1_count;

use super::PResult;
use crate::ast::MarkerFamily;

/// A heading marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub(crate) family: MarkerFamily,
    /// `None` when the numeral was lost (`、坚持…`).
    pub(crate) ordinal: Option<u32>,
}

/// The value of one CJK digit (`〇`–`九`, `两`, financial and traditional forms).
fn cjk_digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
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

fn cjk_unit_value(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        _ => return None,
    })
}

/// A char of a CJK ordinal numeral: a digit or a unit. (For the tested reference.)
#[cfg(test)]
fn cn_numeral_char(c: char) -> bool {
    cjk_digit_value(c).is_some() || cjk_unit_value(c).is_some()
}

/// A CJK ordinal numeral below one thousand (`一` … `九百九十九`), as used in
/// heading markers.
///
/// ```ebnf
/// cn_ordinal ::= [〇零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]+
/// ```
pub(crate) fn cn_ordinal(i: &str) -> PResult<'_, u32> {
    // One pass: each char is looked up once, and its value taken at once
    // (the rules of `cjk_small_value`, which `cn_ordinal_reference` runs
    // after finding the numeral's end).
    let verify_error = || {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )))
    };
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut last_unit = u32::MAX;
    let mut end = i.len();
    for (k, c) in i.char_indices() {
        if let Some(d) = cjk_digit_value(c) {
            if digit.is_some() && d != 0 {
                return verify_error();
            }
            digit = if d == 0 { None } else { Some(d) };
        } else if let Some(u) = cjk_unit_value(c) {
            if u >= last_unit {
                return verify_error();
            }
            let Some(t) = digit
                .unwrap_or(1)
                .checked_mul(u)
                .and_then(|x| total.checked_add(x))
            else {
                return verify_error();
            };
            total = t;
            digit = None;
            last_unit = u;
        } else {
            end = k;
            break;
        }
    }
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Many1Count,
        )));
    }
    match total.checked_add(digit.unwrap_or(0)) {
        Some(v) if v > 0 => Ok((i.get(end..).unwrap_or(""), v)),
        _ => verify_error(),
    }
}

/// [`cn_ordinal`] in two passes: the numeral's end, then its value (the
/// tested reference).
#[cfg(test)]
fn cn_ordinal_reference(i: &str) -> PResult<'_, u32> {
    // Fast reject (most calls): the first char is no numeral.
    if !i.chars().next().is_some_and(cn_numeral_char) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Many1Count,
        )));
    }
    let end = i
        .char_indices()
        .find(|&(_, c)| !cn_numeral_char(c))
        .map_or(i.len(), |(k, _)| k);
    let (text, rest) = (i.get(..end).unwrap_or(""), i.get(end..).unwrap_or(""));
    match cjk_small_value(text) {
        Some(v) if v > 0 => Ok((rest, v)),
        _ => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// Value of a small positional CJK numeral (`十二` = 12, `一百零五` = 105). (For the tested reference.)
#[cfg(test)]
fn cjk_small_value(s: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in s.chars() {
        if let Some(d) = cjk_digit_value(c) {
            if digit.is_some() && d != 0 {
                return None;
            }
            digit = if d == 0 { None } else { Some(d) };
        } else if let Some(u) = cjk_unit_value(c) {
            if u >= last_unit {
                return None;
            }
            total = total.checked_add(digit.unwrap_or(1).checked_mul(u)?)?;
            digit = None;
            last_unit = u;
        } else {
            return None;
        }
    }
    total.checked_add(digit.unwrap_or(0))
}

/// ASCII or fullwidth decimal digits as an ordinal (at most 3 digits).
///
/// ```ebnf
/// arabic_ordinal ::= [0-9０-９]{1,3}
/// ```
pub(crate) fn arabic_ordinal(i: &str) -> PResult<'_, u32> {
    let (rest, text) = recognize(many1_count(satisfy(is_digit))).parse(i)?;
    // At most three digits: longer runs are numbers, not ordinals (and are
    // never multiplied out, so a 10,000-digit run cannot overflow).
    if text.chars().nth(3).is_some() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let v = text.chars().fold(0u32, |v, c| v * 10 + digit_value(c));
    Ok((rest, v))
}

pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn digit_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        (c as u32).saturating_sub('０' as u32)
    }
}

/// One space (ASCII or ideographic) a page may put inside a marker:
/// `二 、`, `2 . `, `（ 四 ）` (text from word processors and PDF).
///
/// ```ebnf
/// marker_gap ::= (" " | "\u{3000}")?
/// ```
#[cfg(test)]
pub(crate) fn marker_gap(i: &str) -> PResult<'_, Option<char>> {
    nom::combinator::opt(alt((char(' '), char('\u{3000}')))).parse(i)
}

/// [`marker_gap`] by hand: `s` without one leading space.
fn skip_gap(s: &str) -> &str {
    s.strip_prefix([' ', '\u{3000}']).unwrap_or(s)
}

/// ```ebnf
/// open_paren ::= "（" | "(" | "〔" | "［"
/// ```
pub(crate) fn open_paren(i: &str) -> PResult<'_, char> {
    alt((char('（'), char('('), char('〔'), char('［'))).parse(i)
}

/// ```ebnf
/// close_paren ::= "）" | ")" | "〕" | "］"
/// ```
pub(crate) fn close_paren(i: &str) -> PResult<'_, char> {
    alt((char('）'), char(')'), char('〕'), char('］'))).parse(i)
}

/// ```ebnf
/// part_marker ::= "第" cn_ordinal ("部分" | "章" | "篇" | "节" | "節")
/// ```
#[cfg(test)]
pub(crate) fn part_marker(i: &str) -> PResult<'_, Marker> {
    (
        char('第'),
        alt((cn_ordinal, arabic_ordinal)),
        alt((tag("部分"), tag("章"), tag("篇"), tag("节"), tag("節"))),
    )
        .map(|(_, n, _)| Marker {
            family: MarkerFamily::Part,
            ordinal: Some(n),
        })
        .parse(i)
}

/// ```ebnf
/// article_marker ::= "第" cn_ordinal ("条" | "條")
/// ```
#[cfg(test)]
pub(crate) fn article_marker(i: &str) -> PResult<'_, Marker> {
    (
        char('第'),
        alt((cn_ordinal, arabic_ordinal)),
        alt((char('条'), char('條'))),
    )
        .map(|(_, n, _)| Marker {
            family: MarkerFamily::Article,
            ordinal: Some(n),
        })
        .parse(i)
}

/// A financial-form numeral (`壹 貳 參 肆 …`): `壹、` heads the level
/// above `一、` (港澳台-style reports: 壹、 > 一、 > （一） > 1.).
fn financial_digit(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '叄'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
    )
}

/// ```ebnf
/// cn_marker ::= cn_ordinal marker_gap ("、" | ("." | "．") (* not followed by a digit, except a year `2024年` *))
///   (* led by a financial-form numeral `壹、` it ranks with the parts *)
/// ```
#[cfg(test)]
pub(crate) fn cn_marker(i: &str) -> PResult<'_, Marker> {
    let financial = i.chars().next().is_some_and(financial_digit);
    (
        cn_ordinal,
        marker_gap,
        alt((
            char('、'),
            // `一.5` is not a marker: after a dot, no digit may follow,
            // except a year (`三.2024年工作计划`).
            (
                alt((char('．'), char('.'))),
                alt((
                    not(peek(satisfy(is_digit))),
                    peek((
                        satisfy(is_digit).and(satisfy(is_digit)),
                        satisfy(is_digit).and(satisfy(is_digit)),
                        char('年'),
                    ))
                    .map(|_| ()),
                )),
            )
                .map(|(c, _)| c),
        )),
    )
        .map(|(n, _, _)| Marker {
            family: if financial {
                MarkerFamily::Part
            } else {
                MarkerFamily::Cn
            },
            ordinal: Some(n),
        })
        .parse(i)
}

/// ```ebnf
/// cn_paren_marker ::= open_paren marker_gap cn_ordinal marker_gap close_paren
/// ```
#[cfg(test)]
pub(crate) fn cn_paren_marker(i: &str) -> PResult<'_, Marker> {
    (open_paren, marker_gap, cn_ordinal, marker_gap, close_paren)
        .map(|(_, _, n, _, _)| Marker {
            family: MarkerFamily::CnParen,
            ordinal: Some(n),
        })
        .parse(i)
}

/// ```ebnf
/// arabic_marker ::= arabic_ordinal marker_gap ("." | "．" | "、") (* not followed by a digit *)
/// ```
#[cfg(test)]
pub(crate) fn arabic_marker(i: &str) -> PResult<'_, Marker> {
    (
        verify(arabic_ordinal, |n| *n > 0),
        marker_gap,
        alt((char('.'), char('．'), char('、'))),
        not(peek(satisfy(is_digit))),
    )
        .map(|(n, _, _, _)| Marker {
            family: MarkerFamily::Arabic,
            ordinal: Some(n),
        })
        .parse(i)
}

/// `（1）`, `(1)`, and the half form `1）` / `1)`.
///
/// ```ebnf
/// arabic_paren_marker ::= open_paren marker_gap arabic_ordinal marker_gap close_paren
///                       | arabic_ordinal close_paren
/// ```
#[cfg(test)]
pub(crate) fn arabic_paren_marker(i: &str) -> PResult<'_, Marker> {
    alt((
        (
            open_paren,
            marker_gap,
            verify(arabic_ordinal, |n| *n > 0),
            marker_gap,
            close_paren,
        )
            .map(|(_, _, n, _, _)| n),
        (
            verify(arabic_ordinal, |n| *n > 0),
            alt((char('）'), char(')'))),
        )
            .map(|(n, _)| n),
    ))
    .map(|n| Marker {
        family: MarkerFamily::ArabicParen,
        ordinal: Some(n),
    })
    .parse(i)
}

/// ```ebnf
/// circled_marker ::= [①-⑳]
/// ```
#[cfg(test)]
pub(crate) fn circled_marker(i: &str) -> PResult<'_, Marker> {
    satisfy(|c| ('①'..='⑳').contains(&c))
        .map(|c| Marker {
            family: MarkerFamily::Circled,
            ordinal: Some(c as u32 - '①' as u32 + 1),
        })
        .parse(i)
}

/// ```ebnf
/// shi_marker ::= cn_ordinal ("是" | "要")
/// ```
pub(crate) fn shi_marker(i: &str) -> PResult<'_, Marker> {
    (cn_ordinal, alt((char('是'), char('要'))))
        .map(|(n, _)| Marker {
            family: MarkerFamily::Shi,
            ordinal: Some(n),
        })
        .parse(i)
}

/// ```ebnf
/// di_marker ::= "第" cn_ordinal ("，" | "," | "、")
/// ```
pub(crate) fn di_marker(i: &str) -> PResult<'_, Marker> {
    (
        char('第'),
        cn_ordinal,
        alt((char('，'), char(','), char('、'))),
    )
        .map(|(_, n, _)| Marker {
            family: MarkerFamily::Di,
            ordinal: Some(n),
        })
        .parse(i)
}

/// A marker whose numeral was lost: `、坚持…`, `（）…`.
///
/// ```ebnf
/// lost_numeral_marker ::= "、" | open_paren close_paren
/// ```
///
/// Every alternative starts with a char led by byte `E3` (`、` `〔`), `EF`
/// (`（` `［`) or `(`: a line starting with any other byte fails at once.
pub(crate) fn lost_numeral_marker(i: &str) -> PResult<'_, Marker> {
    if !matches!(i.as_bytes().first(), Some(0xe3 | 0xef | b'(')) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alt,
        )));
    }
    alt((
        char('、').map(|_| MarkerFamily::Cn),
        (open_paren, close_paren).map(|_| MarkerFamily::CnParen),
    ))
    .map(|family| Marker {
        family,
        ordinal: None,
    })
    .parse(i)
}

/// Any heading marker at the start of a (trimmed) line, longest family
/// first. `shi_marker` is not included: whether `一是…` starts a heading
/// depends on the whole line.
///
/// ```ebnf
/// heading_marker ::= part_marker | article_marker | cn_paren_marker
///                  | arabic_paren_marker | cn_marker | arabic_marker
///                  | circled_marker
/// ```
pub(crate) fn heading_marker(i: &str) -> PResult<'_, Marker> {
    // Written out by hand (the nom combinators cost about two hundred
    // instructions a call, and every line of the body is tried);
    // `heading_marker_reference` is the same grammar in nom, and a property
    // test compares the two. The first char decides which alternatives can
    // match at all (each starts with its own kind of char).
    marker_at(i)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alt)))
}

const OPEN_PARENS: [char; 4] = ['（', '(', '〔', '［'];
const CLOSE_PARENS: [char; 4] = ['）', ')', '〕', '］'];

/// [`arabic_ordinal`] without nom: all the leading digits, at most three.
pub(crate) fn arabic_ordinal_at(s: &str) -> Option<(&str, u32)> {
    let mut v = 0u32;
    let mut n = 0usize;
    let mut end = s.len();
    for (k, c) in s.char_indices() {
        if !is_digit(c) {
            end = k;
            break;
        }
        n += 1;
        if n > 3 {
            return None;
        }
        v = v * 10 + digit_value(c);
    }
    if n == 0 {
        return None;
    }
    Some((s.get(end..)?, v))
}

/// [`heading_marker`]'s grammar, by hand: the rest and the marker.
fn marker_at(i: &str) -> Option<(&str, Marker)> {
    let c = i.chars().next()?;
    let mk = |family, n| Marker {
        family,
        ordinal: Some(n),
    };
    let after = i.get(c.len_utf8()..)?;
    match c {
        // part_marker | article_marker
        '第' => {
            let (r, n) = cn_ordinal(after)
                .ok()
                .or_else(|| arabic_ordinal_at(after))?;
            match ["部分", "章", "篇", "节", "節"]
                .iter()
                .find_map(|t| r.strip_prefix(t))
            {
                Some(r) => Some((r, mk(MarkerFamily::Part, n))),
                None => Some((r.strip_prefix(['条', '條'])?, mk(MarkerFamily::Article, n))),
            }
        }
        // cn_paren_marker | arabic_paren_marker (its bracketed form)
        c if OPEN_PARENS.contains(&c) => {
            let after = skip_gap(after);
            if let Ok((r, n)) = cn_ordinal(after) {
                if let Some(r) = skip_gap(r).strip_prefix(CLOSE_PARENS) {
                    return Some((r, mk(MarkerFamily::CnParen, n)));
                }
            }
            let (r, n) = arabic_ordinal_at(after).filter(|&(_, n)| n > 0)?;
            Some((
                skip_gap(r).strip_prefix(CLOSE_PARENS)?,
                mk(MarkerFamily::ArabicParen, n),
            ))
        }
        '①'..='⑳' => Some((after, mk(MarkerFamily::Circled, c as u32 - '①' as u32 + 1))),
        // arabic_paren_marker (its half form) | arabic_marker
        c if is_digit(c) => {
            let (r, n) = arabic_ordinal_at(i).filter(|&(_, n)| n > 0)?;
            if let Some(r) = r.strip_prefix(['）', ')']) {
                return Some((r, mk(MarkerFamily::ArabicParen, n)));
            }
            let r = skip_gap(r).strip_prefix(['.', '．', '、'])?;
            if r.chars().next().is_some_and(is_digit) {
                return None;
            }
            Some((r, mk(MarkerFamily::Arabic, n)))
        }
        // cn_marker
        c if cjk_digit_value(c).is_some() || cjk_unit_value(c).is_some() => {
            let (r, n) = cn_ordinal(i).ok()?;
            let r = skip_gap(r);
            let r = match r.strip_prefix('、') {
                Some(r) => r,
                None => {
                    let r = r.strip_prefix(['．', '.'])?;
                    // After a dot, no digit, except a year (`2024年`).
                    if r.chars().next().is_some_and(is_digit) {
                        let mut cs = r.chars();
                        let year = (0..4).all(|_| cs.next().is_some_and(is_digit))
                            && cs.next() == Some('年');
                        if !year {
                            return None;
                        }
                    }
                    r
                }
            };
            let family = if financial_digit(c) {
                MarkerFamily::Part
            } else {
                MarkerFamily::Cn
            };
            Some((r, mk(family, n)))
        }
        _ => None,
    }
}

/// [`heading_marker`] in nom combinators (the tested reference).
#[cfg(test)]
fn heading_marker_reference(i: &str) -> PResult<'_, Marker> {
    // Most lines cannot start a marker, and the first char decides which
    // alternatives can match at all (each starts with its own kind of
    // char), so dispatch on it instead of trying them in turn.
    let fail = || {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alt,
        )))
    };
    let Some(c) = i.chars().next() else {
        return fail();
    };
    match c {
        '第' => alt((part_marker, article_marker)).parse(i),
        '（' | '(' | '〔' | '［' => alt((cn_paren_marker, arabic_paren_marker)).parse(i),
        '①'..='⑳' => circled_marker(i),
        c if is_digit(c) => alt((arabic_paren_marker, arabic_marker)).parse(i),
        c if cjk_digit_value(c).is_some() || cjk_unit_value(c).is_some() => cn_marker(i),
        _ => fail(),
    }
}

/// An arabic ordinal whose punctuation was lost (`1保障粮油生产`): digits
/// directly followed by a CJK character. Whether it is a heading depends on
/// the sequence (see `tree`).
///
/// ```ebnf
/// bare_arabic_marker ::= arabic_ordinal (* followed by a CJK character *)
/// ```
pub(crate) fn bare_arabic_marker(i: &str) -> PResult<'_, Marker> {
    (
        verify(arabic_ordinal, |n| *n > 0),
        peek(satisfy(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))),
    )
        .map(|(n, _)| Marker {
            family: MarkerFamily::Arabic,
            ordinal: Some(n),
        })
        .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn cn_ordinal_matches_its_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "〇", "零", "○", "Ｏ", "一", "壹", "二", "两", "三", "四", "五", "六", "七",
                "八", "九", "十", "拾", "百", "佰", "千", "万", "是", "、", "a", "1", "中",
            ]), 0..8)
        ) {
            let t = parts.concat();
            proptest::prop_assert_eq!(cn_ordinal(&t), cn_ordinal_reference(&t));
        }
    }

    proptest::proptest! {
        #[test]
        fn heading_marker_matches_its_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "第", "一", "二", "十", "百", "零", "〇", "壹", "贰", "拾", "两", "九",
                "1", "2", "0", "9", "０", "９", "部分", "部", "章", "篇", "节", "節", "条",
                "條", "（", "(", "〔", "［", "）", ")", "〕", "］", "、", ".", "．", "，",
                "年", "①", "⑳", "⑴", "是", "a", " ", "中", "2024",
            ]), 0..7)
        ) {
            let t = parts.concat();
            proptest::prop_assert_eq!(heading_marker(&t).ok(), heading_marker_reference(&t).ok());
        }
    }

    fn m(f: MarkerFamily, n: u32) -> Marker {
        Marker {
            family: f,
            ordinal: Some(n),
        }
    }

    #[test]
    fn lost_numeral_marker_lead_bytes() {
        for m in ["、", "（", "(", "〔", "［"] {
            assert!(matches!(m.as_bytes()[0], 0xe3 | 0xef | b'('), "{m}");
        }
        for t in ["、坚持", "（）加强", "()加强", "〔〕加强", "［］加强"] {
            assert!(lost_numeral_marker(t).is_ok(), "{t}");
        }
        assert!(lost_numeral_marker("坚持").is_err());
    }

    #[test]
    fn known_answers() {
        use MarkerFamily::{Arabic, ArabicParen, Article, Circled, Cn, CnParen, Part};
        let table: &[(&str, Option<(Marker, &str)>)] = &[
            ("一、加强", Some((m(Cn, 1), "加强"))),
            ("十二、总结", Some((m(Cn, 12), "总结"))),
            ("二十一．x", Some((m(Cn, 21), "x"))),
            ("（一）依法", Some((m(CnParen, 1), "依法"))),
            ("(八)行政", Some((m(CnParen, 8), "行政"))),
            ("1、落实", Some((m(Arabic, 1), "落实"))),
            ("12.标题", Some((m(Arabic, 12), "标题"))),
            ("１．全角", Some((m(Arabic, 1), "全角"))),
            ("（3）x", Some((m(ArabicParen, 3), "x"))),
            ("(10)x", Some((m(ArabicParen, 10), "x"))),
            // One space inside a marker (text from word processors, PDF).
            ("二 、存在问题", Some((m(Cn, 2), "存在问题"))),
            ("二　、存在问题", Some((m(Cn, 2), "存在问题"))),
            ("2 . 矛盾调解", Some((m(Arabic, 2), " 矛盾调解"))),
            ("（ 四 ）其他", Some((m(CnParen, 4), "其他"))),
            ("( 3 )x", Some((m(ArabicParen, 3), "x"))),
            // Two spaces, or a space before a digit: no marker.
            ("二  、存在问题", None),
            ("2 .5万元", None),
            ("1 2、x", None),
            ("2）x", Some((m(ArabicParen, 2), "x"))),
            ("⑤x", Some((m(Circled, 5), "x"))),
            ("第二部分 安排", Some((m(Part, 2), " 安排"))),
            ("第一章 总则", Some((m(Part, 1), " 总则"))),
            ("第三条 本办法", Some((m(Article, 3), " 本办法"))),
            ("第十二条", Some((m(Article, 12), ""))),
            // Not markers.
            ("3.5万元", None),
            ("2020年", None),
            ("1、2月", None),
            ("一是加强", None),
            ("第一批", None),
            ("1234.x", None),
            ("4294967296、x", None),
            ("0.x", None),
        ];
        for (input, want) in table {
            let got = heading_marker(input).ok().map(|(rest, m)| (m, rest));
            assert_eq!(got, *want, "should parse marker of {input:?}");
        }
    }

    #[test]
    fn cn_ordinal_values() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("九十九", 99),
            ("一百零五", 105),
            ("壹拾贰", 12),
        ] {
            assert_eq!(cn_ordinal(s).map(|r| r.1), Ok(v), "should read {s}");
        }
        assert!(cn_ordinal("〇").is_err());
        assert!(cn_ordinal("十十").is_err());
    }

    #[test]
    fn lost_and_bare_markers() {
        assert_eq!(
            lost_numeral_marker("、坚持").map(|r| r.1.family),
            Ok(MarkerFamily::Cn)
        );
        assert_eq!(
            bare_arabic_marker("1保障").map(|r| r.1.ordinal),
            Ok(Some(1))
        );
        assert!(bare_arabic_marker("1.保障").is_err());
        assert_eq!(shi_marker("三是完善").map(|r| r.1.ordinal), Ok(Some(3)));
    }
}

//! Classification of numerals that are not quantities (SPEC §5): ordinals
//! and ranks, identifiers (index numbers, phone numbers, hotlines, codes),
//! slogans and names.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::PResult;
use super::figure::{cjk_figure, digit_figure};
use super::fold::{
    decode_at, ends_with_folded, has_pair_within, simplified, simplified_u32, strip_prefix_folded,
};
use super::unit::{CharHasher, CharMap, UnitClass, lookup};
use crate::entity::IdentifierScheme;

const SLOGANS_TXT: &str = include_str!("../../grammars/lexicon/slogans.txt");

/// The key of a slogan in [`SLOGANS`]: its first two chars, folded to
/// simplified ones ([`super::fold`]).
fn pair_key(s: &str) -> Option<u64> {
    let mut cs = s.chars();
    let (a, b) = (simplified(cs.next()?), simplified(cs.next()?));
    Some(u64::from(a) << 32 | u64::from(b))
}

/// Slogans keyed by their first two chars ([`pair_key`]; every slogan has
/// at least two), longest first: a numeral that starts none is told so by
/// one look-up, without comparing slogans.
static SLOGANS: LazyLock<HashMap<u64, Vec<&'static str>, BuildHasherDefault<CharHasher>>> =
    LazyLock::new(|| {
        let mut map: HashMap<u64, Vec<&'static str>, BuildHasherDefault<CharHasher>> =
            HashMap::default();
        for line in SLOGANS_TXT.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if l.contains('|') {
                continue;
            }
            if let Some(k) = pair_key(l) {
                map.entry(k).or_default().push(l);
            }
        }
        for v in map.values_mut() {
            v.sort_by_key(|b| std::cmp::Reverse(b.len()));
        }
        map
    });

/// Idioms whose numeral follows a lead word (`约法|三章`, `最后|一公里`):
/// (lead, the part from the numeral on), keyed by the numeral part's first
/// char, longest first.
static LED_SLOGANS: LazyLock<CharMap<Vec<(&'static str, &'static str)>>> = LazyLock::new(|| {
    let mut map: CharMap<Vec<(&'static str, &'static str)>> = CharMap::default();
    for line in SLOGANS_TXT.lines() {
        let l = line.trim();
        if l.starts_with('#') {
            continue;
        }
        if let Some((lead, rest)) = l.split_once('|') {
            if let Some(c) = rest.chars().next() {
                map.entry(simplified(c)).or_default().push((lead, rest));
            }
        }
    }
    for v in map.values_mut() {
        v.sort_by_key(|(_, r)| std::cmp::Reverse(r.len()));
    }
    map
});

/// A line of the slogan lexicon, read at compile time ([`SLOGAN_LINES`]):
/// (first char, second char, is a led idiom, lead's last char, term's
/// first char).
type SloganLine = (u32, u32, bool, u32, u32);

/// The lexicon's lines read at compile time: for each line that is not
/// blank nor a comment, its first two chars (`u32::MAX` for a missing
/// one), and for a led idiom (`lead|term`) the last char of the lead and
/// the first of the term. (Indexing in a constant initializer: a bad
/// index would fail the build, not a parse.)
#[allow(clippy::indexing_slicing)]
const SLOGAN_LINES: ([SloganLine; 256], usize) = {
    // The char starting at byte `k`, folded to simplified, and its length.
    const fn decode(b: &[u8], k: usize) -> (u32, usize) {
        let (c, l) = decode_at(b, k);
        (simplified_u32(c), l)
    }
    let b = SLOGANS_TXT.as_bytes();
    let mut out = [(0u32, 0u32, false, 0u32, 0u32); 256];
    let mut n = 0;
    let mut start = 0;
    while start < b.len() {
        let mut end = start;
        while end < b.len() && b[end] != b'\n' {
            end += 1;
        }
        // ASCII blanks around the line (the lexicon has no other).
        let (mut s, mut e) = (start, end);
        while s < e && matches!(b[s], b' ' | b'\t' | b'\r') {
            s += 1;
        }
        while e > s && matches!(b[e - 1], b' ' | b'\t' | b'\r') {
            e -= 1;
        }
        if s < e && b[s] != b'#' {
            let mut bar = s;
            while bar < e && b[bar] != b'|' {
                bar += 1;
            }
            let (c0, l0) = decode(b, s);
            let c1 = if s + l0 < e {
                decode(b, s + l0).0
            } else {
                u32::MAX
            };
            let (mut lead_last, mut term_first) = (0, 0);
            if bar < e {
                assert!(bar > s, "a led idiom starts with its lead");
                let mut k = bar - 1;
                while b[k] & 0xc0 == 0x80 {
                    k -= 1;
                }
                lead_last = decode(b, k).0;
                term_first = if bar + 1 < e {
                    decode(b, bar + 1).0
                } else {
                    u32::MAX
                };
            }
            out[n] = (c0, c1, bar < e, lead_last, term_first);
            n += 1;
        }
        start = end + 1;
    }
    (out, n)
};

/// The bit of a slogan key ([`pair_key`]) in [`SLOGAN_KEY_BITS`].
const fn slogan_key_bit(k: u64) -> usize {
    (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize
}

/// One bit per slogan key (hashed, [`slogan_key_bit`]): a quick reject
/// for [`slogan`], built at compile time. (Indexing in a constant
/// initializer: a bad index would fail the build, not a parse.)
#[allow(clippy::indexing_slicing)]
static SLOGAN_KEY_BITS: [u64; 16] = {
    let (lines, n) = SLOGAN_LINES;
    let mut t = [0u64; 16];
    let mut k = 0;
    while k < n {
        let (c0, c1, led, _, _) = lines[k];
        if !led && c1 != u32::MAX {
            let bit = slogan_key_bit((c0 as u64) << 32 | c1 as u64);
            t[bit >> 6] |= 1 << (bit & 63);
        }
        k += 1;
    }
    t
};

/// The (last char of the lead, first char of the term) of every led idiom
/// of the lexicon (see [`LED_SLOGANS`]), and how many there are: a quick
/// reject for [`led_slogan`]. (Indexing in a constant initializer: a bad
/// index would fail the build, not a parse.)
#[allow(clippy::indexing_slicing)]
static LED_PAIRS: ([(u32, u32); 16], usize) = {
    let (lines, n) = SLOGAN_LINES;
    let mut t = [(u32::MAX, u32::MAX); 16];
    let mut m = 0;
    let mut k = 0;
    while k < n {
        let (_, _, led, last, first) = lines[k];
        if led {
            t[m] = (last, first);
            m += 1;
        }
        k += 1;
    }
    (t, m)
};

fn err(i: &str) -> nom::Err<super::GrammarError<'_>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// A fixed formula from the slogan lexicon (`两个维护`, `四个意识`,
/// `五年规划`): its numerals are part of a name, not figures.
///
/// ```ebnf
/// slogan ::= LEXICON(slogans)
/// ```
pub(crate) fn slogan(i: &str) -> PResult<'_, &str> {
    let k = pair_key(i).ok_or_else(|| err(i))?;
    // Most numerals start no slogan: one bit tells most of them.
    let bit = slogan_key_bit(k);
    let word = SLOGAN_KEY_BITS.get(bit >> 6).copied().unwrap_or(0);
    if word >> (bit & 63) & 1 == 0 {
        return Err(err(i));
    }
    let list = SLOGANS.get(&k).ok_or_else(|| err(i))?;
    // Through the fold only where the text holds a traditional char (the
    // list is longest first: its first slogan is the longest).
    let longest = list.first().map_or(0, |s| s.chars().count());
    let fold = has_pair_within(i, longest);
    for s in list {
        let r = if fold {
            strip_prefix_folded(i, s)
        } else {
            i.strip_prefix(s)
        };
        if let Some(r) = r {
            return Ok((r, s));
        }
    }
    Err(err(i))
}

/// An idiom of the slogan lexicon written with a lead (`约法|三章`): `i`
/// starts at its numeral and `before` ends with the lead. Returns the rest
/// after the idiom.
///
/// ```ebnf
/// led_slogan ::= LEXICON(slogans: lead "|" term) (* the lead before the numeral *)
/// ```
pub(crate) fn led_slogan<'i>(before: &str, i: &'i str) -> Option<&'i str> {
    let c = simplified(i.chars().next()?);
    LED_SLOGANS
        .get(&c)?
        .iter()
        .find(|(lead, _)| ends_with_folded(before, lead))
        .and_then(|(_, term)| strip_prefix_folded(i, term))
}

/// Can [`led_slogan`] match a numeral that starts with `first` right
/// after the char `prev`? (A necessary condition: some idiom's lead ends
/// with `prev` and its term starts with `first`.)
pub(crate) fn led_slogan_may_start(prev: char, first: char) -> bool {
    let (pairs, n) = &LED_PAIRS;
    pairs
        .get(..*n)
        .unwrap_or(&[])
        .contains(&(u32::from(simplified(prev)), u32::from(simplified(first))))
}

/// An ordinal: `第` + figure + an optional measure word (`第一批`, `第9名`,
/// `第七`, `第十四届`).
///
/// ```ebnf
/// ordinal ::= "第" (pad{1,2} digit_figure pad? | figure) ("号" | "號" | LEXICON(units:count))?
/// ```
pub(crate) fn ordinal(i: &str) -> PResult<'_, (u64, Option<&'static str>)> {
    let r = i.strip_prefix('第').ok_or_else(|| err(i))?;
    // 第 3 名: a page may space the digits out (one or two pad chars).
    let pad = [' ', '\u{a0}', '\u{3000}'];
    let spaced = r
        .strip_prefix(pad)
        .map(|t| t.strip_prefix(pad).unwrap_or(t));
    let (r, f) = match spaced {
        Some(t) => {
            let (r, f) = digit_figure(t)?;
            let r = r
                .strip_prefix(pad)
                .filter(|u| lookup(u).is_some_and(|e| e.class == UnitClass::Count && e.exp == 0))
                .unwrap_or(r);
            (r, f)
        }
        None => digit_figure(r).or_else(|_| cjk_figure(r))?,
    };
    if f.frac {
        return Err(err(i));
    }
    let v = f
        .value
        .and_then(|n| n.as_int())
        .and_then(|v| u64::try_from(v).ok())
        .filter(|&v| v > 0)
        .ok_or_else(|| err(i))?;
    // 国务院令第752号, 第3号公告: the number of a decree or notice.
    // The unit is canonical: 號 is 号.
    for w in ["号", "號"] {
        if let Some(rest) = r.strip_prefix(w) {
            if !rest.starts_with(['召', '称', '稱']) {
                return Ok((rest, (v, Some("号"))));
            }
        }
    }
    match lookup(r) {
        // 第一人民医院: 人民 names the institution, not the first person.
        Some(e)
            if e.written == "人"
                && r.get(e.written.len()..)
                    .is_some_and(|a| a.starts_with('民')) =>
        {
            Ok((r, (v, None)))
        }
        Some(e) if e.class == UnitClass::Count && e.exp == 0 => {
            let rest = r.get(e.written.len()..).unwrap_or("");
            Ok((rest, (v, Some(e.canonical))))
        }
        _ => Ok((r, (v, None))),
    }
}

/// An alphanumeric code token starting at an ASCII letter or digit: letters,
/// digits and inner `- / _ . :` (`012870556/2022-00020`,
/// `014717475N/2023-0032866`, `GB/T`, `PM2.5`). Returns the token.
///
/// ```ebnf
/// code_token ::= [A-Za-z0-9]+ ([-/_.:] [A-Za-z0-9]+)*
/// ```
pub(crate) fn code_token(i: &str) -> PResult<'_, &str> {
    let b = i.as_bytes();
    let mut pos = 0usize;
    loop {
        let start = pos;
        while b.get(pos).is_some_and(u8::is_ascii_alphanumeric) {
            pos += 1;
        }
        if pos == start {
            if start == 0 {
                return Err(err(i));
            }
            // Back off the dangling separator.
            pos = start - 1;
            break;
        }
        if b.get(pos)
            .is_some_and(|c| matches!(c, b'-' | b'/' | b'_' | b'.' | b':'))
            && b.get(pos + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            pos += 1;
            continue;
        }
        break;
    }
    Ok((i.get(pos..).unwrap_or(""), i.get(..pos).unwrap_or("")))
}

/// How a code token reads: `Some(scheme)` for an identifier, `None` for a
/// name (`5G`, `PM2.5`, `COVID-19`) or something the number rules handle.
pub(crate) fn classify_token(tok: &str) -> Option<IdentifierScheme> {
    // One pass over the bytes counts what the rules below ask about.
    let (mut digits, mut letters, mut dashes) = (0usize, 0usize, 0usize);
    let (mut slash, mut underscore) = (false, false);
    for b in tok.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'a'..=b'z' | b'A'..=b'Z' => letters += 1,
            b'-' => dashes += 1,
            b'/' => slash = true,
            b'_' => underscore = true,
            _ => {}
        }
    }
    if digits == 0 {
        return None;
    }
    if slash && digits >= 6 && letters <= 1 {
        return Some(IdentifierScheme::IndexNumber);
    }
    // 0795-3210000, 010-12345678 (the parts are read in place: no list is
    // built for every figure).
    let n_parts = dashes + 1;
    if n_parts == 2 && letters == 0 {
        let (a, b) = tok.split_once('-')?;
        if a.starts_with('0')
            && (3..=4).contains(&a.len())
            && (7..=8).contains(&b.len())
            && b.bytes().all(|c| c.is_ascii_digit())
        {
            return Some(IdentifierScheme::Phone);
        }
    }
    // 400-123-4567, 800-820-8820: national service numbers.
    if n_parts == 3
        && letters == 0
        && digits == 10
        && matches!(tok.split_once('-'), Some(("400" | "800", _)))
    {
        return Some(IdentifierScheme::Phone);
    }
    if letters > 0 {
        return (digits >= 4).then_some(IdentifierScheme::Code);
    }
    if n_parts >= 3 || slash || underscore {
        return Some(IdentifierScheme::Code);
    }
    None
}

/// True for a bare integer that reads as a phone number or hotline: an
/// 11-digit mobile number or a service number `12xxx` / `96xxx`.
pub(crate) fn phone_like(digits: &str) -> bool {
    let n = digits.len();
    let b = digits.as_bytes();
    (n == 11 && b.first() == Some(&b'1') && b.get(1).is_some_and(|c| (b'3'..=b'9').contains(c)))
        || (n == 5 && (digits.starts_with("12") || digits.starts_with("96")))
}

/// True for the emergency numbers 110, 119, 120 and 122 (read as phone
/// numbers where the text names them: in quotes, or listed after another
/// phone number).
pub(crate) fn emergency_number(digits: &str) -> bool {
    matches!(digits, "110" | "119" | "120" | "122")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables built at compile time hold what the look-ups built at
    /// run time do: every slogan's key has its bit, and the led idioms'
    /// (lead's last char, term's first char) pairs are the same.
    #[test]
    fn compile_time_slogan_tables_match_the_lexicon() {
        let mut keys = 0;
        for (&k, list) in SLOGANS.iter() {
            let bit = slogan_key_bit(k);
            assert!(SLOGAN_KEY_BITS[bit >> 6] >> (bit & 63) & 1 == 1, "{list:?}");
            for s in list {
                assert_eq!(slogan(s), Ok(("", *s)));
                keys += 1;
            }
        }
        let mut want: Vec<(u32, u32)> = LED_SLOGANS
            .iter()
            .flat_map(|(&c, v)| {
                v.iter().map(move |(lead, _)| {
                    let last = simplified(lead.chars().next_back().unwrap());
                    (u32::from(last), u32::from(c))
                })
            })
            .collect();
        let (pairs, n) = &LED_PAIRS;
        let mut got = pairs[..*n].to_vec();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want);
        let lines = SLOGANS_TXT
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
            .count();
        assert_eq!(SLOGAN_LINES.1, lines);
        assert_eq!(keys + want.len(), lines);
        for (lead, term) in LED_SLOGANS.values().flatten() {
            let (p, f) = (
                lead.chars().next_back().unwrap(),
                term.chars().next().unwrap(),
            );
            assert!(led_slogan_may_start(p, f), "{lead}|{term}");
            assert_eq!(led_slogan(lead, term), Some(""));
        }
        assert!(slogan("一些").is_err());
        assert!(!led_slogan_may_start('的', '一'));
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("第一批"), Ok(("", (1, Some("批")))));
        assert_eq!(ordinal("第9名，"), Ok(("，", (9, Some("名")))));
        assert_eq!(ordinal("第七任"), Ok(("任", (7, None))));
        assert_eq!(ordinal("第十四届"), Ok(("", (14, Some("届")))));
        assert_eq!(ordinal("第752号公布"), Ok(("公布", (752, Some("号")))));
        assert_eq!(ordinal("第3號"), Ok(("", (3, Some("号")))));
        assert_eq!(ordinal("第一号召"), Ok(("号召", (1, None))));
        assert!(ordinal("第三").is_ok());
        assert!(ordinal("第 ").is_err());
    }

    /// `classify_token` before its one-pass count.
    fn classify_token_plain(tok: &str) -> Option<IdentifierScheme> {
        let digits = tok.bytes().filter(u8::is_ascii_digit).count();
        let letters = tok.bytes().filter(u8::is_ascii_alphabetic).count();
        if digits == 0 {
            return None;
        }
        if tok.contains('/') && digits >= 6 && letters <= 1 {
            return Some(IdentifierScheme::IndexNumber);
        }
        // 0795-3210000, 010-12345678 (the parts are counted and read in
        // place: no list is built for every figure).
        let mut parts = tok.split('-');
        let (first, second) = (parts.next(), parts.next());
        let n_parts = usize::from(first.is_some()) + usize::from(second.is_some()) + parts.count();
        if n_parts == 2 && letters == 0 {
            let (a, b) = (first?, second?);
            if a.starts_with('0')
                && (3..=4).contains(&a.len())
                && (7..=8).contains(&b.len())
                && b.bytes().all(|c| c.is_ascii_digit())
            {
                return Some(IdentifierScheme::Phone);
            }
        }
        // 400-123-4567, 800-820-8820: national service numbers.
        if n_parts == 3 && letters == 0 && digits == 10 && matches!(first, Some("400" | "800")) {
            return Some(IdentifierScheme::Phone);
        }
        if letters > 0 {
            return (digits >= 4).then_some(IdentifierScheme::Code);
        }
        if n_parts >= 3 || tok.contains('/') || tok.contains('_') {
            return Some(IdentifierScheme::Code);
        }
        None
    }

    #[test]
    fn classify_token_is_the_plain_reading() {
        let parts = [
            "0", "010", "0795", "400", "800", "12345678", "3210000", "123", "4567", "2022", "GB",
            "T", "N", "PM2", "5", "a1", "",
        ];
        let seps = ["-", "/", "_", ".", ":"];
        let mut toks = Vec::new();
        for a in parts {
            toks.push(a.to_string());
            for s in seps {
                for b in parts {
                    toks.push(format!("{a}{s}{b}"));
                    for t in seps {
                        for c in ["123", "4567", "X", "00020"] {
                            toks.push(format!("{a}{s}{b}{t}{c}"));
                        }
                    }
                }
            }
        }
        for t in &toks {
            assert_eq!(classify_token(t), classify_token_plain(t), "{t}");
        }
    }

    #[test]
    fn tokens() {
        let (_, t) = code_token("012870556/2022-00020 发文").unwrap();
        assert_eq!(t, "012870556/2022-00020");
        assert_eq!(classify_token(t), Some(IdentifierScheme::IndexNumber));
        let (_, t) = code_token("014717475N/2023-0032866").unwrap();
        assert_eq!(classify_token(t), Some(IdentifierScheme::IndexNumber));
        assert_eq!(classify_token("PM2.5"), None);
        assert_eq!(classify_token("5G"), None);
        assert_eq!(
            classify_token("0795-3210000"),
            Some(IdentifierScheme::Phone)
        );
        let (r, t) = code_token("2.5.").unwrap();
        assert_eq!((t, r), ("2.5", "."));
        assert!(phone_like("12345"));
        assert!(!phone_like("29000"));
        assert_eq!(slogan("两个维护，"), Ok(("，", "两个维护")));
    }

    /// Every slogan of the lexicon (two chars at least, so none is lost
    /// to the two-char key) is read whole: where one is a prefix of
    /// another, the longer is tried first.
    #[test]
    fn every_lexicon_slogan_reads_whole() {
        let mut n = 0;
        for l in SLOGANS_TXT.lines().map(str::trim) {
            if l.is_empty() || l.starts_with('#') || l.contains('|') {
                continue;
            }
            assert!(l.chars().count() >= 2, "{l}");
            let text = format!("{l}，");
            assert_eq!(slogan(&text), Ok(("，", l)), "{l}");
            n += 1;
        }
        assert!(n > 50);
        assert!(slogan("一步").is_err());
        assert!(slogan("一").is_err());
    }
}

//! Units of measure and measure words (SPEC §5), from the lexicon
//! `grammars/lexicon/units.tsv`, loaded once into a table keyed by first
//! char (longest match first).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::PResult;
use super::fold::simplified;

/// What a unit measures; decides how figures before it are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// 元, 美元 …
    Currency,
    /// Physical units: 公里, 吨, 千瓦时 …
    Measure,
    /// Durations: 年, 个月, 天, 小时 …
    Time,
    /// Measure words that count things: 个, 项, 件, 人 …
    Count,
    /// `%`, `‰`, 百分点.
    Percent,
    /// 倍, 成.
    Ratio,
    /// 岁.
    Age,
}

/// One line of the unit lexicon.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitEntry {
    /// The written form.
    pub(crate) written: &'static str,
    /// The canonical (simplified) unit.
    pub(crate) canonical: &'static str,
    /// Power of ten the written form carries.
    pub(crate) exp: u32,
    /// What it measures.
    pub(crate) class: UnitClass,
    /// May follow a CJK numeral.
    pub(crate) cjk: bool,
    /// Chars that must not follow the written form (it then starts a word).
    pub(crate) not_before: &'static str,
}

/// A unit matched in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnitMatch<'a> {
    /// The unit as written.
    pub(crate) text: &'a str,
    /// The canonical unit (`元/吨` for compounds).
    pub(crate) canonical: Cow<'static, str>,
    /// Power of ten carried by the written unit.
    pub(crate) exp: u32,
    /// What it measures (the numerator's class for compounds).
    pub(crate) class: UnitClass,
    /// May follow a CJK numeral.
    pub(crate) cjk: bool,
}

const UNITS_TSV: &str = include_str!("../../grammars/lexicon/units.tsv");

fn parse_class(s: &str) -> Option<UnitClass> {
    Some(match s {
        "currency" => UnitClass::Currency,
        "measure" => UnitClass::Measure,
        "time" => UnitClass::Time,
        "count" => UnitClass::Count,
        "percent" => UnitClass::Percent,
        "ratio" => UnitClass::Ratio,
        "age" => UnitClass::Age,
        _ => return None,
    })
}

/// A hasher for small keys (a char, an address, a short word): one
/// multiply per word (the default SipHash costs more than the rest of a
/// lexicon lookup). Only for lookups; these maps are never iterated in an
/// order that shows.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct CharHasher(u64);

impl std::hash::Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u32(u32::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A map keyed by a char, hashed by [`CharHasher`].
pub(crate) type CharMap<V> = HashMap<char, V, std::hash::BuildHasherDefault<CharHasher>>;

/// The unit table: the entries grouped by first char (longest written
/// form first in each group), found through an open-addressed index on
/// that char.
struct Units {
    /// Index by first char (home slot [`slot_of`], then the next ones):
    /// the char and its group in `entries`; a free slot holds `'\0'`.
    slots: Vec<Slot>,
    /// The entries, group after group.
    entries: Vec<UnitEntry>,
    /// How each entry (same index) is matched.
    keys: Vec<Key>,
    /// The `not_before` chars of every entry, one after another.
    blocked: Vec<char>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    first: char,
    start: u16,
    end: u16,
}

/// How an entry is matched: the bytes of its written form after the
/// first char (the group's char).
#[derive(Debug, Clone, Copy)]
struct Key {
    /// The first four of them (fewer: zeros), little-endian, and the mask
    /// of those written: a word compare rejects most entries.
    head: u32,
    mask: u32,
    /// All of them (compared when there are more than four).
    more: &'static [u8],
    /// The written form ends with an ASCII letter or digit.
    last_ascii: bool,
    /// Its `not_before` chars in `blocked` (start, end).
    blocked: (u16, u16),
}

/// log2 of the index size (a few times the number of first chars: most
/// chars find their slot, or a free one, at the first probe).
const SLOT_BITS: u32 = 10;

/// The home slot of a first char (a multiplicative hash).
fn slot_of(c: char) -> usize {
    (u32::from(c).wrapping_mul(0x9e37_79b9) >> (32 - SLOT_BITS)) as usize
}

/// The first four bytes of `b` as a little-endian word (zeros past its
/// end).
fn head_word(b: &[u8]) -> u32 {
    if let Some(&[b0, b1, b2, b3]) = b.get(..4) {
        return u32::from_le_bytes([b0, b1, b2, b3]);
    }
    let mut w = [0u8; 4];
    for (d, s) in w.iter_mut().zip(b) {
        *d = *s;
    }
    u32::from_le_bytes(w)
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut map: CharMap<Vec<UnitEntry>> = CharMap::default();
    for line in UNITS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(written), Some(canonical), Some(exp), Some(class), Some(cjk)) = (
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
        ) else {
            continue;
        };
        let (Ok(exp), Some(class)) = (exp.parse::<u32>(), parse_class(class)) else {
            continue;
        };
        let not_before = cols.next().unwrap_or("");
        let Some(first) = written.chars().next() else {
            continue;
        };
        map.entry(first).or_default().push(UnitEntry {
            written,
            canonical,
            exp,
            class,
            cjk: cjk == "y",
            not_before,
        });
    }
    let mut groups: Vec<(char, Vec<UnitEntry>)> = map.into_iter().collect();
    groups.sort_by_key(|g| g.0);
    let free = Slot {
        first: '\0',
        start: 0,
        end: 0,
    };
    let mut t = Units {
        slots: vec![free; 1 << SLOT_BITS],
        entries: Vec::new(),
        keys: Vec::new(),
        blocked: Vec::new(),
    };
    let mask = (1usize << SLOT_BITS) - 1;
    let index = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    for (first, mut v) in groups {
        v.sort_by_key(|b| std::cmp::Reverse(b.written.len()));
        let start = index(t.entries.len());
        for e in v {
            let more = e.written.as_bytes().get(first.len_utf8()..).unwrap_or(&[]);
            let b0 = index(t.blocked.len());
            t.blocked.extend(e.not_before.chars());
            let shown = more.len().min(4);
            t.keys.push(Key {
                head: head_word(more),
                mask: u32::MAX.checked_shr(32 - 8 * shown as u32).unwrap_or(0),
                more,
                last_ascii: e
                    .written
                    .bytes()
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric()),
                blocked: (b0, index(t.blocked.len())),
            });
            t.entries.push(e);
        }
        let end = index(t.entries.len());
        let mut k = slot_of(first);
        while t.slots.get(k).is_some_and(|s| s.first != '\0') {
            k = (k + 1) & mask;
        }
        if let Some(s) = t.slots.get_mut(k) {
            *s = Slot { first, start, end };
        }
    }
    t
});

/// The written and canonical forms of every lexicon entry.
pub(crate) fn all_strings() -> impl Iterator<Item = &'static str> {
    UNITS.entries.iter().flat_map(|e| [e.written, e.canonical])
}

impl Units {
    /// Where the entries whose written form starts with `first` sit in
    /// `entries` (an empty range when there are none).
    fn group(&self, first: char) -> std::ops::Range<usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut k = slot_of(first);
        while let Some(s) = self.slots.get(k) {
            if s.first == first {
                return usize::from(s.start)..usize::from(s.end);
            }
            if s.first == '\0' {
                break;
            }
            k = (k + 1) & mask;
        }
        0..0
    }

    /// An entry written at the start of the text ends there as a unit
    /// when `after` follows: an ASCII unit does not run on into more ASCII
    /// letters or digits, and no char of its `not_before` follows.
    fn ends_unit(&self, key: &Key, after: &str) -> bool {
        if key.last_ascii
            && after
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            return false;
        }
        let (b0, b1) = key.blocked;
        if b0 == b1 {
            return true;
        }
        let blocked = self
            .blocked
            .get(usize::from(b0)..usize::from(b1))
            .unwrap_or(&[]);
        // Traditional forms too, through the fold (76萬群眾 like 76万群众).
        !after.chars().next().is_some_and(|c| {
            blocked.contains(&c) || {
                let s = simplified(c);
                s != c && blocked.contains(&s)
            }
        })
    }
}

/// True when some lexicon entry starts with `c` (a quick reject for
/// [`lookup`]: it finds nothing when this is false).
pub(crate) fn starts_unit(c: char) -> bool {
    !UNITS.group(c).is_empty()
}

/// The longest lexicon entry at the start of `i` (an ASCII unit must not
/// run on into more ASCII letters or digits: `t` but not `to`).
pub(crate) fn lookup(i: &str) -> Option<&'static UnitEntry> {
    let first = i.chars().next()?;
    let t = &*UNITS;
    let group = t.group(first);
    // Every entry of the group starts with `first`: only the bytes after
    // it are compared, four at once first.
    let n = first.len_utf8();
    let after_first = i.as_bytes().get(n..).unwrap_or(&[]);
    let x = head_word(after_first);
    let keys = t.keys.get(group.clone())?;
    let entries = t.entries.get(group)?;
    for (key, e) in keys.iter().zip(entries) {
        if x & key.mask != key.head
            || (key.more.len() > 4 && !starts_with_bytes(after_first, key.more))
        {
            continue;
        }
        if t.ends_unit(key, i.get(n + key.more.len()..).unwrap_or("")) {
            return Some(e);
        }
    }
    None
}

/// Entry `e`, written at the start of the text, ends there as a unit when
/// `after` follows (the plain reading of [`Units::ends_unit`]).
#[cfg(test)]
fn ends_unit(e: &UnitEntry, after: &str) -> bool {
    let last_ascii = e
        .written
        .bytes()
        .last()
        .is_some_and(|b| b.is_ascii_alphanumeric());
    let runs_on = last_ascii
        && after
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric());
    let blocked = !e.not_before.is_empty()
        && after
            .chars()
            .next()
            .is_some_and(|c| e.not_before.chars().any(|x| x == c || x == simplified(c)));
    !runs_on && !blocked
}

/// `hay` starts with `prefix` (byte by byte: the lexicon's words are a
/// few bytes long, shorter than a call to `memcmp`).
fn starts_with_bytes(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay.iter().zip(prefix).all(|(a, b)| a == b)
}

/// Symbols read only as the denominator of a compound written in ASCII
/// (`mg/L`, `km/h`, `m3/s`, `t/d`): alone they would be words or codes.
fn ascii_denominator(i: &str) -> Option<(&'static str, &'static str)> {
    const DENOMINATORS: [(&str, &str); 4] = [("L", "升"), ("h", "小时"), ("s", "秒"), ("d", "日")];
    DENOMINATORS.iter().copied().find(|(w, _)| {
        i.strip_prefix(w)
            .is_some_and(|a| !a.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric()))
    })
}

fn err(i: &str) -> nom::Err<super::GrammarError<'_>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))
}

/// A unit `e` at the start of `i` continued on the next line into a longer
/// lexicon unit (`人⏎次` → 人次) that ends at punctuation or the line end:
/// the end in `i` (bytes) and the longer entry.
fn broken_unit(i: &str, e: &'static UnitEntry) -> Option<(usize, &'static UnitEntry)> {
    let rest = i.get(e.written.len()..)?;
    let next = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix(['\n', '\r']))?;
    let brk = rest.len() - next.len();
    let head: String = next.chars().take(4).collect();
    let joined = format!("{}{}", e.written, head);
    let e2 = lookup(&joined)?;
    let cont = e2
        .written
        .strip_prefix(e.written)
        .filter(|c| !c.is_empty())?;
    let after = next.strip_prefix(cont)?;
    closes_phrase(after).then_some((e.written.len() + brk + cont.len(), e2))
}

/// Does the text `after` a word end the phrase there: the end, a line end,
/// padding, or a clause or bracket closing punctuation? (A word read over
/// a line end must close its phrase: `人⏎次。`, `95%⏎以上，`.)
pub(crate) fn closes_phrase(after: &str) -> bool {
    after.chars().next().is_none_or(|c| {
        c.is_whitespace() || super::trivia::pad(c) || "，。；、,.;）)：:".contains(c)
    })
}

/// The separators between a unit and its denominator (`元/吨`, `人每`).
const RATE_SEPS: [&str; 3] = ["/", "／", "每"];

/// A unit from the lexicon, longest match, optionally divided by a second
/// unit (`元/吨`, `微克/立方米`, `千瓦时/万元`).
///
/// ```ebnf
/// unit ::= LEXICON(units) (("/" | "／" | "每") [万亿千百]? LEXICON(units))?
/// (a longer unit broken by one line end, 人⏎次, when it closes the phrase)
/// ```
pub(crate) fn unit(i: &str) -> PResult<'_, UnitMatch<'_>> {
    let e = lookup(i).ok_or_else(|| err(i))?;
    let rest = i.get(e.written.len()..).unwrap_or("");
    let mut m = UnitMatch {
        text: i.get(..e.written.len()).unwrap_or(""),
        canonical: Cow::Borrowed(e.canonical),
        exp: e.exp,
        class: e.class,
        cjk: e.cjk,
    };
    // Most units end at a char that starts neither a line end (for
    // broken_unit) nor a separator (every one starts with one of these
    // bytes: `/`, `／` EF, `每` E6).
    let follow = rest.as_bytes().first().copied();
    if !follow.is_some_and(|b| matches!(b, b'/' | 0xef | 0xe6 | b'\r' | b'\n')) {
        return Ok((rest, m));
    }
    // 3.2万人⏎次: a longer unit broken by a line end, when it closes the
    // phrase on the next line (人次。).
    if let Some((end, e2)) = broken_unit(i, e) {
        m.text = i.get(..end).unwrap_or("");
        m.canonical = Cow::Borrowed(e2.canonical);
        m.exp = e2.exp;
        m.class = e2.class;
        m.cjk = e2.cjk;
        return Ok((i.get(end..).unwrap_or(""), m));
    }
    // Compound: 元/吨, 元/平方米, 千瓦时/万元.
    for sep in RATE_SEPS {
        if let Some(after) = rest.strip_prefix(sep) {
            // The denominator as written (千瓦时), or a scale word and a
            // unit (万元, 百人); the longer reading wins (千瓦时, not 千 瓦).
            let plain = lookup(after).map(|d| ("", after, d.written, d.canonical));
            let scaled = ["万", "亿", "千", "百", "萬", "億"].iter().find_map(|s| {
                let a = after.strip_prefix(s)?;
                lookup(a).map(|d| (*s, a, d.written, d.canonical))
            });
            let den = match (plain, scaled) {
                (Some(p), Some(s)) => Some(if s.0.len() + s.2.len() > p.2.len() {
                    s
                } else {
                    p
                }),
                (p, s) => p.or(s),
            }
            .or_else(|| {
                (sep == "/")
                    .then(|| ascii_denominator(after))
                    .flatten()
                    .map(|(w, c)| ("", after, w, c))
            });
            if let Some((scale, den_start, written, canonical)) = den {
                let end = i.len() - den_start.len() + written.len();
                m.text = i.get(..end).unwrap_or("");
                m.canonical = Cow::Owned(format!("{}/{}{}", e.canonical, scale, canonical));
                let rest2 = i.get(end..).unwrap_or("");
                return Ok((rest2, m));
            }
        }
    }
    Ok((rest, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let (r, u) = unit("人次以上").unwrap();
        assert_eq!((u.text, &*u.canonical, r), ("人次", "人次", "以上"));
        let (_, u) = unit("千瓦时").unwrap();
        assert_eq!(&*u.canonical, "千瓦时");
        let (_, u) = unit("個百分點").unwrap();
        assert_eq!(&*u.canonical, "百分点");
        let (_, u) = unit("㎡").unwrap();
        assert_eq!(&*u.canonical, "平方米");
        let (_, u) = unit("元/吨，").unwrap();
        assert_eq!((u.text, &*u.canonical), ("元/吨", "元/吨"));
        let (_, u) = unit("千瓦时/万元").unwrap();
        assert_eq!(&*u.canonical, "千瓦时/万元");
        assert!(unit("to").is_err());
        assert!(unit("t，").is_ok());
        assert!(unit("的").is_err());
        assert!(unit("群众").is_err());
        assert_eq!(unit("部门").unwrap().1.canonical, "部门");
        assert_eq!(unit("分/千瓦时").unwrap().1.canonical, "分/千瓦时");
        assert_eq!(unit("元/万元").unwrap().1.canonical, "元/万元");
        assert_eq!(unit("mg/L。").unwrap().1.canonical, "毫克/升");
        assert_eq!(unit("km/h").unwrap().1.canonical, "公里/小时");
        assert_eq!(unit("m3/s").unwrap().1.canonical, "立方米/秒");
        assert_eq!(unit("千克/hour").unwrap().1.canonical, "千克");
    }

    /// The reading of `lookup` before its tail-only comparison: the whole
    /// word compared.
    fn lookup_plain(i: &str) -> Option<&'static UnitEntry> {
        UNITS.entries.iter().find(|e| {
            i.starts_with(e.written) && ends_unit(e, i.get(e.written.len()..).unwrap_or(""))
        })
    }

    #[test]
    fn lookup_is_the_plain_reading() {
        let mut nexts: Vec<String> = ["", "a", "1", "，", "以上", "/吨", "\n"]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        for e in &UNITS.entries {
            nexts.extend(e.not_before.chars().map(String::from));
        }
        for e in &UNITS.entries {
            let w = e.written;
            let cut: String = w
                .chars()
                .take(w.chars().count().saturating_sub(1))
                .collect();
            for head in [w, cut.as_str()] {
                for n in &nexts {
                    let s = format!("{head}{n}");
                    let a = lookup(&s).map(|e| e.written);
                    let b = lookup_plain(&s).map(|e| e.written);
                    assert_eq!(a, b, "{s}");
                }
            }
        }
    }

    /// The first-char index stays at most half full (every probe ends at a
    /// free slot, so a lookup and an insertion end), and the entries and
    /// their blocked chars fit the `u16` offsets.
    #[test]
    fn unit_index_has_room() {
        let used = UNITS.slots.iter().filter(|s| s.first != '\0').count();
        assert!(used > 50, "{used}");
        assert!(
            2 * used <= UNITS.slots.len(),
            "{used} of {}",
            UNITS.slots.len()
        );
        assert!(UNITS.entries.len() < usize::from(u16::MAX));
        assert!(UNITS.blocked.len() < usize::from(u16::MAX));
    }

    #[test]
    fn starts_unit_is_a_first_char() {
        let mut chars: Vec<char> = all_strings().flat_map(str::chars).collect();
        chars.extend(['\0', 'a', 'z', '的', '万', '亿', '，', '\n', '𝄞']);
        for c in chars {
            let plain = UNITS.entries.iter().any(|e| e.written.starts_with(c));
            assert_eq!(starts_unit(c), plain, "{c}");
        }
    }

    #[test]
    fn separators_start_with_the_pre_checked_bytes() {
        for sep in RATE_SEPS {
            assert!(matches!(sep.as_bytes()[0], b'/' | 0xef | 0xe6), "{sep}");
        }
    }
}

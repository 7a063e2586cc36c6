//! Traditional characters folded to simplified ones (SPEC §1: `項 個 萬 億
//! 戶 條 場 輛 於 為` work like `项 个 万 亿 户 条 场 辆 于 为`), for the lexicons
//! written in simplified characters and matched char by char through the
//! fold: a traditional or mixed text (`八項規定`, `四個现代化`) matches them.
//!
//! The pairs come from `grammars/lexicon/traditional.tsv`, read at compile
//! time into a table sorted by the traditional char and a bit per
//! ideograph that has a pair, so most chars are told by one bit look-up.

const TRADITIONAL_TSV: &str = include_str!("../../grammars/lexicon/traditional.tsv");

/// At most this many pairs (a larger lexicon fails the build).
const MAX_PAIRS: usize = 512;

/// The char starting at byte `k` of well-formed UTF-8, with its length.
/// (Indexing in a constant evaluation: a bad index fails the build.)
#[allow(clippy::indexing_slicing)]
pub(crate) const fn decode_at(b: &[u8], k: usize) -> (u32, usize) {
    let b0 = b[k] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | (b[k + 1] as u32 & 0x3f), 2)
    } else if b0 < 0xf0 {
        let c = ((b0 & 0x0f) << 12) | ((b[k + 1] as u32 & 0x3f) << 6);
        (c | (b[k + 2] as u32 & 0x3f), 3)
    } else {
        let c = ((b0 & 0x07) << 18) | ((b[k + 1] as u32 & 0x3f) << 12);
        (
            c | ((b[k + 2] as u32 & 0x3f) << 6) | (b[k + 3] as u32 & 0x3f),
            4,
        )
    }
}

/// The (traditional, simplified) pairs of the lexicon, sorted by the
/// traditional char, and how many there are. Each line that is not blank
/// nor a comment is `traditional<TAB>simplified`.
#[allow(clippy::indexing_slicing)]
const PAIRS: ([(u32, u32); MAX_PAIRS], usize) = {
    let b = TRADITIONAL_TSV.as_bytes();
    let mut out = [(0u32, 0u32); MAX_PAIRS];
    let mut n = 0;
    let mut start = 0;
    while start < b.len() {
        let mut end = start;
        while end < b.len() && b[end] != b'\n' {
            end += 1;
        }
        if end > start && b[start] != b'#' && b[start] != b'\r' {
            let (t, tl) = decode_at(b, start);
            assert!(b[start + tl] == b'\t', "traditional.tsv: one char, a tab");
            let (s, _) = decode_at(b, start + tl + 1);
            // Insertion sort: the lexicon is small and this runs once, in
            // the compiler.
            let mut k = n;
            while k > 0 && out[k - 1].0 > t {
                out[k] = out[k - 1];
                k -= 1;
            }
            assert!(k == 0 || out[k - 1].0 != t, "traditional.tsv: a char twice");
            out[k] = (t, s);
            n += 1;
        }
        start = end + 1;
    }
    (out, n)
};

/// The first ideograph of the bit table and how many it covers
/// (U+3400..U+9FFF: the extension A and the unified ideographs).
const BASE: u32 = 0x3400;
const WORDS: usize = (0xa000 - BASE as usize) / 64;

/// One bit per ideograph that has a pair (bit `d & 63` of word `d >> 6`,
/// `d` the offset from [`BASE`]).
#[allow(clippy::indexing_slicing)]
static HAS_PAIR: [u64; WORDS] = {
    let (pairs, n) = PAIRS;
    let mut t = [0u64; WORDS];
    let mut k = 0;
    while k < n {
        let d = pairs[k].0 - BASE;
        t[(d >> 6) as usize] |= 1 << (d & 63);
        k += 1;
    }
    t
};

/// The simplified form of the code point `u`, or `u` itself (usable at
/// compile time: the lexicon tables fold their keys with it).
#[allow(clippy::indexing_slicing)]
pub(crate) const fn simplified_u32(u: u32) -> u32 {
    let (pairs, n) = &PAIRS;
    let (mut lo, mut hi) = (0, *n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (t, s) = pairs[mid];
        if t == u {
            return s;
        }
        if t < u {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    u
}

/// Is `c` a traditional char of the lexicon (one bit look-up)?
#[inline]
fn has_pair(c: char) -> bool {
    let d = (c as u32).wrapping_sub(BASE);
    HAS_PAIR
        .get((d >> 6) as usize)
        .is_some_and(|w| w >> (d & 63) & 1 == 1)
}

/// The simplified form of `c` (`個` → `个`), or `c`.
#[inline]
pub(crate) fn simplified(c: char) -> char {
    if !has_pair(c) {
        return c;
    }
    char::from_u32(simplified_u32(c as u32)).unwrap_or(c)
}

/// `text` without the prefix `word`, both compared through the fold:
/// `strip_prefix_folded("八項規定，", "八项规定")` is `Some("，")`.
pub(crate) fn strip_prefix_folded<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let mut cs = text.chars();
    for w in word.chars() {
        if simplified(cs.next()?) != simplified(w) {
            return None;
        }
    }
    Some(cs.as_str())
}

/// Does any of the first `n` chars of `text` have a pair (is it a
/// traditional char of the lexicon)? When none does, the fold changes
/// nothing there and a plain comparison serves.
pub(crate) fn has_pair_within(text: &str, n: usize) -> bool {
    text.chars().take(n).any(has_pair)
}

/// `text` folded to simplified chars: borrowed as it is when it has no
/// traditional char of the lexicon (the common case: no copy), else a
/// folded copy. For matching lexicons of simplified words with a plain
/// search (`contains`, an automaton) in traditional or mixed text.
pub(crate) fn folded(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| has_pair(c)) {
        None => std::borrow::Cow::Borrowed(text),
        Some((k, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(text.get(..k).unwrap_or(""));
            out.extend(text.get(k..).unwrap_or("").chars().map(simplified));
            std::borrow::Cow::Owned(out)
        }
    }
}

/// Does `text` end with `word`, both compared through the fold?
pub(crate) fn ends_with_folded(text: &str, word: &str) -> bool {
    let mut cs = text.chars().rev();
    word.chars()
        .rev()
        .all(|w| cs.next().is_some_and(|c| simplified(c) == simplified(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_borrows_simplified_text_and_folds_the_rest() {
        assert!(matches!(
            folded("政府工作报告"),
            std::borrow::Cow::Borrowed("政府工作报告")
        ));
        assert_eq!(folded("政府工作報告"), "政府工作报告");
        assert_eq!(folded("a個b"), "a个b");
        assert_eq!(folded(""), "");
    }

    /// The tables built at compile time hold the lexicon: every pair is
    /// found, both ways of looking up agree on every ideograph, and a
    /// simplified form never folds further.
    #[test]
    fn the_tables_hold_the_lexicon() {
        let rows: Vec<(char, char)> = TRADITIONAL_TSV
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let mut cs = l.chars();
                let t = cs.next().unwrap();
                assert_eq!(cs.next(), Some('\t'), "{l}");
                (t, cs.next().unwrap())
            })
            .collect();
        assert_eq!(rows.len(), PAIRS.1);
        for &(t, s) in &rows {
            assert_ne!(t, s);
            assert_eq!(simplified(t), s, "{t}");
            assert_eq!(simplified(s), s, "{s} folds further");
        }
        for u in 0x3000..0xa100u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(simplified(c) as u32, simplified_u32(u), "{c}");
        }
        for c in ['項', '個', '萬', '億', '戶', '條', '場', '輛', '於', '為'] {
            assert_ne!(simplified(c), c, "SPEC §1 names {c}");
        }
    }

    #[test]
    fn folded_prefixes_and_suffixes() {
        assert_eq!(strip_prefix_folded("八項規定，", "八项规定"), Some("，"));
        assert_eq!(strip_prefix_folded("八项规定", "八项规定"), Some(""));
        assert_eq!(strip_prefix_folded("四個现代化", "四个现代化"), Some(""));
        assert_eq!(strip_prefix_folded("五年计划", "五年計劃"), Some(""));
        assert_eq!(strip_prefix_folded("八项", "八项规定"), None);
        assert_eq!(strip_prefix_folded("八條規定", "八项规定"), None);
        assert!(ends_with_folded("打通最後", "最后"));
        assert!(ends_with_folded("最后", "最后"));
        assert!(!ends_with_folded("后", "最后"));
    }
}

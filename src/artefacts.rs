//! Text artefacts (SPEC §7): replacement characters, control characters,
//! leaked pinyin, mojibake. Reported as diagnostics, never changed.
//!
//! One pass over the bytes: only the few bytes that can start an artefact
//! (ASCII controls, `(`, `?`, `!`, lowercase letters, the lead bytes of
//! U+FFFD and of C1 controls) are looked at more closely. The same pass
//! notes where the line ends (`\n`, `\r`) are, for the line split.

use std::sync::LazyLock;

use crate::error::{Diagnostic, DiagnosticCode, Diags};
use crate::lexicon::WordSearch;
use crate::skip;
use crate::span::Span;

/// The letters with a pinyin tone mark ([`is_tone_mark`] is their `match`).
#[cfg(test)]
const TONE_MARKS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// Is `d` a vowel or consonant with a pinyin tone mark ([`TONE_MARKS`])?
/// A `match` over the same chars (compiled to a few range tests; the test
/// `tone_marks_match_the_list` holds the two together).
fn is_tone_mark(d: char) -> bool {
    matches!(
        d,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

/// Pinyin leaked in brackets after an ideograph, read from the byte after
/// the opening bracket: syllables of lowercase letters and tone-marked
/// vowels (`chuàng`, `jiàn shè`) one space apart, a tone mark among them,
/// then `)` or `）`. Returns the bytes up to the closing bracket, with it.
fn bracketed_pinyin(rest: &str) -> Option<usize> {
    let (mut len, mut tone, mut after_space) = (0usize, false, true);
    for (n, c) in rest.chars().enumerate() {
        match c {
            // Most chars of a syllable: plain letters, tested first.
            'a'..='z' | 'ü' => after_space = false,
            ')' | '）' if tone && !after_space => return Some(len + c.len_utf8()),
            ' ' if !after_space => after_space = true,
            c if is_tone_mark(c) => {
                tone = true;
                after_space = false;
            }
            _ => return None,
        }
        len += c.len_utf8();
        if n >= 24 {
            return None;
        }
    }
    None
}

/// The diagnostic for pinyin leaked at `start..end` (brackets included).
/// Fixed text (the pinyin is the text at the span): a page can leak pinyin
/// on every other word.
fn leaked_pinyin(start: usize, end: usize) -> Diagnostic {
    Diagnostic::new(
        DiagnosticCode::LeakedPinyin,
        Span::new(start, end),
        "pinyin leaked into the text",
    )
}

/// Bytes worth a closer look. (Indexing here runs at compile time: an out
/// of bounds index would be a compile error, not a panic.)
#[allow(clippy::indexing_slicing)]
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
        b += 1;
    }
    t[0x7f] = true;
    t[b'(' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    let mut c = b'a';
    while c <= b'z' {
        t[c as usize] = true;
        c += 1;
    }
    t[0xc2] = true; // C1 controls U+0080–U+009F
    t[0xef] = true; // U+FFFD
    t
};

fn interesting(c: u8) -> bool {
    INTERESTING.get(usize::from(c)).copied().unwrap_or(false)
}

/// Note the line end at `at` (`\n` or `\r`) unless it is noted already:
/// a stretch of text can be walked twice (see [`NextStop::find`]), and
/// `ends` stays ascending without repeats.
#[inline(always)]
fn note_end(ends: &mut Vec<usize>, at: usize) {
    if ends.last().is_none_or(|&l| l < at) {
        ends.push(at);
    }
}

/// The first byte at or after `from` that is an [`interesting`] ASCII
/// byte. Thirty-two bytes at a time: a block without an ASCII byte (most
/// of them in Chinese text) is skipped whole. Every ASCII byte is a char
/// boundary. The line ends walked over on the way are noted in `ends`.
/// Out of line: the loop keeps its offsets in registers (inlined into the
/// scan, it reloaded them from the stack at every block).
#[inline(never)]
fn next_ascii(b: &[u8], from: usize, ends: &mut Vec<usize>) -> Option<usize> {
    /// The high bit of every byte of a word.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(block) = b.get(i..i + 32) {
        // A word that cannot be read is 0: all its bytes are looked at.
        let word = |k: usize| {
            block
                .get(k..k + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .map_or(0, u64::from_le_bytes)
        };
        let x = [word(0), word(8), word(16), word(24)];
        if !(x[0] & x[1] & x[2] & x[3]) & HIGH != 0 {
            for (k, w) in x.into_iter().enumerate() {
                // The high bit of each byte below 0x80.
                let mut ascii = !w & HIGH;
                while ascii != 0 {
                    let at = i + 8 * k + (ascii.trailing_zeros() / 8) as usize;
                    match b.get(at) {
                        Some(&c) if interesting(c) => return Some(at),
                        Some(b'\n' | b'\r') => note_end(ends, at),
                        _ => {}
                    }
                    ascii &= ascii - 1;
                }
            }
        }
        i += 32;
    }
    while let Some(&c) = b.get(i) {
        if c < 0x80 && interesting(c) {
            return Some(i);
        }
        if c == b'\n' || c == b'\r' {
            note_end(ends, i);
        }
        i += 1;
    }
    None
}

/// The first C1 control (`C2 80..=C2 9F`) at or after `from`.
fn next_c1(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        let p = i + memchr::memchr(0xc2, b.get(i..)?)?;
        if b.get(p + 1).is_some_and(|x| (0x80..=0x9f).contains(x)) {
            return Some(p);
        }
        i = p + 1;
    }
}

/// The first U+FFFD (`EF BF BD`) at or after `from`.
fn next_fffd(b: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, "\u{fffd}".as_bytes()).map(|p| from + p)
}

/// Where the scan stops next: the next [`interesting`] byte that can start
/// an artefact. The non-ASCII [`interesting`] bytes (`C2`, `EF`) start one
/// only as a C1 control or U+FFFD, which are found by a search of their
/// own (and remembered until the scan passes them); every other
/// [`interesting`] byte is ASCII. The scan meets the same artefacts as when
/// it stops at every [`interesting`] char: at a `C2` or `EF` that starts
/// neither, it only stepped over the char.
struct NextStop {
    /// The next C1 control and U+FFFD at or after `from`, as found from
    /// `from` (`None`: not searched yet; `Some((0, None))`: none at all).
    c1: Option<(usize, Option<usize>)>,
    fffd: Option<(usize, Option<usize>)>,
}

impl NextStop {
    /// Does the scan stop at `i`, an [`interesting`] byte? (What
    /// [`NextStop::find`] finds, for its test.)
    #[cfg(test)]
    fn stops_at(b: &[u8], i: usize) -> bool {
        match b.get(i) {
            Some(0xc2) => b.get(i + 1).is_some_and(|x| (0x80..=0x9f).contains(x)),
            Some(0xef) => b.get(i..i + 3) == Some(&[0xef, 0xbf, 0xbd]),
            _ => true,
        }
    }

    /// The first stop at or after `i`. The line ends from `i` to the
    /// first [`interesting`] ASCII byte (or the end) are noted in `ends`:
    /// past a stop before that byte, they are walked over again.
    fn find(&mut self, b: &[u8], i: usize, ends: &mut Vec<usize>) -> Option<usize> {
        let c1 = Self::cached(&mut self.c1, b, i, next_c1);
        let fffd = Self::cached(&mut self.fffd, b, i, next_fffd);
        let ascii = next_ascii(b, i, ends);
        first_of(first_of(c1, fffd), ascii)
    }

    /// `search(b, i)`, from the last answer when it still holds: one found
    /// at or after `i`, or none found from before `i`.
    fn cached(
        slot: &mut Option<(usize, Option<usize>)>,
        b: &[u8],
        i: usize,
        search: fn(&[u8], usize) -> Option<usize>,
    ) -> Option<usize> {
        match *slot {
            Some((from, found)) if from <= i && found.is_none_or(|p| p >= i) => found,
            _ => {
                let found = search(b, i);
                *slot = Some((i, found));
                found
            }
        }
    }
}

/// The lesser of two offsets, either one possibly missing (not
/// `Option::min`, for which `None` is the least).
#[inline(always)]
fn first_of(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Is the char ending just before byte `i` a CJK ideograph?
fn cjk_before(src: &str, i: usize) -> bool {
    src.get(..i)
        .and_then(|p| p.chars().next_back())
        .is_some_and(is_cjk)
}

/// Is the char starting at byte `i` a CJK ideograph?
fn cjk_at(src: &str, i: usize) -> bool {
    src.get(i..)
        .and_then(|p| p.chars().next())
        .is_some_and(is_cjk)
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Widen `[start, end)` by up to `n` chars on each side, staying in `src`.
fn widen(src: &str, start: usize, end: usize, n: usize) -> Span {
    let s = src
        .get(..start)
        .map(|p| {
            p.char_indices()
                .rev()
                .take(n)
                .take_while(|&(_, c)| c != '\n' && c != '\r')
                .last()
                .map_or(start, |(k, _)| k)
        })
        .unwrap_or(start);
    let e = src
        .get(end..)
        .map(|r| {
            r.char_indices()
                .take(n)
                .take_while(|&(_, c)| c != '\n' && c != '\r')
                .last()
                .map_or(end, |(k, c)| end + k + c.len_utf8())
        })
        .unwrap_or(end);
    Span::new(s, e)
}

/// U+FFFD (`EF BF BD`) or uninitialised memory read as GBK.
const GBK_MARKERS: [&str; 3] = ["锟斤拷", "烫烫烫", "屯屯屯"];

/// One search for U+FFFD and any of [`GBK_MARKERS`] (`None` only if it
/// could not be compiled; then each is searched for from the start).
static NON_ASCII_SEARCH: LazyLock<Option<WordSearch>> = LazyLock::new(|| {
    let mut words = vec!["\u{fffd}"];
    words.extend(GBK_MARKERS);
    WordSearch::new(words)
});

/// Scan the whole input once. Returns the offsets of every `\n` and `\r`
/// in `src`, ascending (for [`crate::grammar::trivia::line_ends_at`]).
pub(crate) fn scan(src: &str, diags: &mut Diags) -> Vec<usize> {
    scan_with::<false>(src, diags)
}

/// [`scan`] stopping at every [`interesting`] char and searching for each
/// GBK marker from the start (the tested reference for [`NextStop`] and
/// the one search that rules out U+FFFD and the markers); the line ends
/// found by a search of their own.
#[cfg(test)]
fn scan_reference(src: &str, diags: &mut Diags) -> Vec<usize> {
    scan_with::<true>(src, diags)
}

/// [`scan`], or with `REFERENCE` its tested reference.
fn scan_with<const REFERENCE: bool>(src: &str, diags: &mut Diags) -> Vec<usize> {
    let b = src.as_bytes();
    // Line ends, noted by `NextStop::find` as it walks: every byte of the
    // text is walked by it but for those the rules below step over (the
    // rest of an artefact, which holds no line end).
    // Room for a line end every 128 bytes: a report's lines are longer
    // (no regrowth, which copies every offset so far), a text of shorter
    // lines grows it as usual.
    let mut ends: Vec<usize> = Vec::with_capacity(src.len() / 128 + 16);
    // Mojibake signals: offsets of `?`/`!` inside ideographs and of lone
    // lowercase letters between ideographs. Two within a short window make
    // a mojibake run.
    // (start, end, strong): a lone letter between ideographs or `?` before a
    // letter is strong; `?`/`!` before an ideograph is weak.
    let mut signals: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    // Most texts hold no U+FFFD and none of the GBK markers: one search
    // for all four says so (and where the first one is).
    let first = match NON_ASCII_SEARCH.as_ref() {
        Some(s) if !REFERENCE => s.first_start(src),
        _ => Some(0),
    };
    let mut next = NextStop {
        c1: None,
        fffd: first.map_or(Some((0, None)), |_| None),
    };
    while i < b.len() {
        if !REFERENCE {
            // Jump to the next byte where a rule can fire (the rules below
            // step over the char there if none does: the scan moves on).
            match next.find(b, i, &mut ends) {
                Some(j) => i = j,
                None => break,
            }
        }
        let Some(&c) = b.get(i) else { break };
        if REFERENCE && !interesting(c) {
            // Jump to the next interesting byte, ideographs skipped whole.
            match skip::find_char(src, i, interesting) {
                Some(j) => i = j,
                None => break,
            }
            continue;
        }
        match c {
            0xef if b.get(i + 1..i + 3) == Some(&[0xbf, 0xbd]) => {
                let mut end = i + 3;
                while b.get(end..end + 3) == Some(&[0xef, 0xbf, 0xbd]) {
                    end += 3;
                }
                diags.push(Diagnostic::new(
                    DiagnosticCode::ReplacementChar,
                    Span::new(i, end),
                    "U+FFFD replacement character: the text was decoded with errors",
                ));
                i = end;
                continue;
            }
            b'(' if cjk_before(src, i) => {
                // `創(chuàng)`: lowercase pinyin with a tone mark, in brackets.
                if let Some(len) = bracketed_pinyin(src.get(i + 1..).unwrap_or("")) {
                    diags.push(leaked_pinyin(i, i + 1 + len));
                    i += 1 + len;
                    continue;
                }
            }
            b'?' | b'!' if cjk_before(src, i) => {
                let next_lower = b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
                if next_lower || cjk_at(src, i + 1) {
                    signals.push((i, i + 1, next_lower));
                }
            }
            // `創（chuàng）建`: the same in fullwidth brackets (the scan
            // stops at the pinyin's first letter).
            b'a'..=b'z'
                if src.get(..i).is_some_and(|p| p.ends_with('（'))
                    && cjk_before(src, i - '（'.len_utf8()) =>
            {
                if let Some(len) = bracketed_pinyin(src.get(i..).unwrap_or("")) {
                    diags.push(leaked_pinyin(i - '（'.len_utf8(), i + len));
                    i += len;
                    continue;
                }
                i += 1;
                continue;
            }
            b'a'..=b'z' => {
                let run = b.get(i..).map_or(0, |r| {
                    r.iter().take_while(|x| x.is_ascii_lowercase()).count()
                });
                if run <= 2 && cjk_before(src, i) && cjk_at(src, i + run) {
                    signals.push((i, i + run, true));
                }
                i += run.max(1);
                continue;
            }
            0xc2 if b.get(i + 1).is_some_and(|x| (0x80..=0x9f).contains(x)) => {
                control_run(src, i, diags, &mut i);
                continue;
            }
            _ if c < 0x20 || c == 0x7f => {
                control_run(src, i, diags, &mut i);
                continue;
            }
            _ => {}
        }
        // Past the whole char: `C2` and `EF` lead 2- and 3-byte chars.
        i += match c {
            0xc2 => 2,
            0xef => 3,
            _ => 1,
        };
    }
    // Clusters of signals within 24 bytes of each other (8 ideographs).
    let mut k = 0;
    while k < signals.len() {
        let Some(&(s0, mut e0, strong0)) = signals.get(k) else {
            break;
        };
        let mut count = 1;
        let mut strong = strong0;
        let mut j = k + 1;
        while let Some(&(s1, e1, st)) = signals.get(j) {
            if s1 > e0 + 24 {
                break;
            }
            e0 = e1;
            count += 1;
            strong |= st;
            j += 1;
        }
        if count >= 2 && strong {
            diags.push(Diagnostic::new(
                DiagnosticCode::Mojibake,
                widen(src, s0, e0, 3),
                "mojibake: text decoded with the wrong encoding",
            ));
        }
        k = j;
    }
    if REFERENCE {
        ends = memchr::memchr2_iter(b'\n', b'\r', b).collect();
    }
    // Most texts hold none of the markers: one search for all three says
    // so (and where the first one is).
    let Some(first) = first else { return ends };
    for marker in GBK_MARKERS {
        let mut from = first;
        while let Some(p) = src
            .as_bytes()
            .get(from..)
            .and_then(|r| memchr::memmem::find(r, marker.as_bytes()))
        {
            let start = from + p;
            let mut end = start + marker.len();
            while src
                .get(end..)
                .is_some_and(|r| r.starts_with(['锟', '斤', '拷', '烫', '屯']))
            {
                end += 3;
            }
            diags.push(Diagnostic::new(
                DiagnosticCode::Mojibake,
                Span::new(start, end),
                "mojibake: bytes of U+FFFD or uninitialised memory read as GBK",
            ));
            from = end;
        }
    }
    ends
}

/// One diagnostic per run of control characters (other than tab and line
/// ends); moves `i` past the run.
fn control_run(src: &str, start: usize, diags: &mut Diags, i: &mut usize) {
    let rest = src.get(start..).unwrap_or("");
    let mut end = start;
    let mut first = None;
    for c in rest.chars() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            first.get_or_insert(c);
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let end = end.max(start + 1).min(src.len());
    diags.push_with(DiagnosticCode::ControlChar, Span::new(start, end), || {
        format!("control character U+{:04X}", first.map_or(0, |c| c as u32))
    });
    *i = end;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<(DiagnosticCode, &str)> {
        let mut d = Diags::default();
        scan(s, &mut d);
        d.iter().map(|x| (x.code, x.span.text(s))).collect()
    }

    /// Pinyin in fullwidth brackets, and of two syllables, is leaked
    /// pinyin too; letters in brackets without a tone mark are not.
    #[test]
    fn pinyin_in_fullwidth_brackets_and_two_syllables() {
        let leaked = |s| {
            codes(s)
                .into_iter()
                .filter(|c| c.0 == DiagnosticCode::LeakedPinyin)
        };
        assert_eq!(
            leaked("示范創（chuàng）建")
                .map(|c| c.1)
                .collect::<Vec<_>>(),
            ["（chuàng）"]
        );
        assert_eq!(
            leaked("推进建設(jiàn shè)工作")
                .map(|c| c.1)
                .collect::<Vec<_>>(),
            ["(jiàn shè)"]
        );
        assert_eq!(
            leaked("推进建設（jiàn shè）工作")
                .map(|c| c.1)
                .collect::<Vec<_>>(),
            ["（jiàn shè）"]
        );
        for clean in [
            "采用（PPP）模式",
            "网络（wifi）覆盖",
            "单位（kg）",
            "项目（ a ）",
            "建（chuàng",
        ] {
            assert_eq!(leaked(clean).count(), 0, "{clean}");
        }
    }

    #[test]
    fn pinyin_mojibake_controls_replacement() {
        assert_eq!(
            codes("示范創(chuàng)建"),
            vec![(DiagnosticCode::LeakedPinyin, "(chuàng)")]
        );
        assert!(
            codes("交通運輸?shù)葓?zhí)法領域")
                .iter()
                .any(|c| c.0 == DiagnosticCode::Mojibake)
        );
        assert!(
            codes("关于!队裣谐鞘懈聴l例》的")
                .iter()
                .any(|c| c.0 == DiagnosticCode::Mojibake)
        );
        assert_eq!(
            codes("a\u{0}\u{1}b"),
            vec![(DiagnosticCode::ControlChar, "\u{0}\u{1}")]
        );
        assert_eq!(
            codes("x\u{fffd}\u{fffd}y"),
            vec![(DiagnosticCode::ReplacementChar, "\u{fffd}\u{fffd}")]
        );
        assert_eq!(codes("锟斤拷锟斤拷").len(), 1);
        assert_eq!(
            codes("正文烫烫烫，锟斤拷锟斤拷屯屯屯。"),
            vec![
                (DiagnosticCode::Mojibake, "锟斤拷锟斤拷屯屯屯"),
                (DiagnosticCode::Mojibake, "烫烫烫"),
                (DiagnosticCode::Mojibake, "屯屯屯"),
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn scan_matches_its_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "中", "文", "創", "(", ")", "?", "!", "a", "x", "ab", "chuàng", "ǚ", "ü", "ḿ",
                "\u{fffd}", "\u{85}", "\u{9f}", "\u{a0}", "·", "，", "（", "\u{0}", "\u{1}",
                "\u{7f}", "\t", "\n", "\r", "锟斤拷", "烫烫烫", "屯屯屯", "锟", "烫", "屯", "1",
                " ", "é", "𝄞", "\u{ffef}", "\u{efbf}",
            ]), 0..120)
        ) {
            let s = parts.concat();
            let mut fast = Diags::default();
            let mut slow = Diags::default();
            let fast_ends = scan(&s, &mut fast);
            let slow_ends = scan_reference(&s, &mut slow);
            let fast: Vec<Diagnostic> = fast.iter().cloned().collect();
            let slow: Vec<Diagnostic> = slow.iter().cloned().collect();
            proptest::prop_assert_eq!(fast, slow);
            proptest::prop_assert_eq!(fast_ends, slow_ends);
        }
    }

    #[test]
    fn next_stop_finds_every_interesting_byte_that_starts_an_artefact() {
        // Every interesting byte is ASCII, or `C2`/`EF`, which start an
        // artefact only as a C1 control or U+FFFD.
        for c in 0..=255u8 {
            if interesting(c) {
                assert!(c < 0x80 || c == 0xc2 || c == 0xef, "{c:#x}");
            }
        }
        let s = "中a\u{85}文\u{fffd}，·(x".repeat(9);
        let b = s.as_bytes();
        for from in 0..=b.len() {
            let want = (from..b.len()).find(|&k| {
                s.is_char_boundary(k)
                    && b.get(k).is_some_and(|&c| interesting(c))
                    && NextStop::stops_at(b, k)
            });
            let mut next = NextStop {
                c1: None,
                fffd: None,
            };
            let mut ends = Vec::new();
            assert_eq!(next.find(b, from, &mut ends), want, "from {from}");
        }
    }

    #[test]
    fn first_of_is_the_least_present() {
        for (a, b, want) in [
            (None, None, None),
            (Some(3), None, Some(3)),
            (None, Some(2), Some(2)),
            (Some(3), Some(2), Some(2)),
            (Some(1), Some(2), Some(1)),
        ] {
            assert_eq!(first_of(a, b), want);
            assert_eq!(first_of(a, b), [a, b].into_iter().flatten().min());
        }
    }

    #[test]
    fn tone_marks_match_the_list() {
        for d in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_tone_mark(d), TONE_MARKS.contains(d), "{d}");
        }
        assert!(!is_tone_mark('中') && !is_tone_mark('a') && !is_tone_mark('ü'));
    }

    #[test]
    fn ordinary_text_is_clean() {
        for s in [
            "PM2.5浓度下降，5G基站建成。",
            "他问：为什么?我们回答。好!大家鼓掌。",
            "建设(含改扩建)项目(abc)",
            "e政务平台上线",
            "iPhone用户",
        ] {
            assert!(
                codes(s).is_empty(),
                "{s:?} should raise nothing: {:?}",
                codes(s)
            );
        }
    }
}

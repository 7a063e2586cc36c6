//! Pass 1: lines and blocks. Splits the input into lines, and builds
//! paragraphs (with sentences and enumeration items) from runs of lines.

use crate::ast::{EnumItem, ItemStyle};
use crate::grammar::heading::cn_ordinal;
use crate::grammar::reference::RefsQuotes;
use crate::grammar::trivia::{RawLine, line_end, line_ends_at, pad, trim_range};
#[cfg(test)]
use crate::skip;
use crate::span::Span;

/// A line with its trimmed text. Offsets are `u32` (inputs are at most
/// `u32::MAX` bytes, like [`Span`]): one entry per line of a document with
/// a million short lines is 40 bytes, not 64.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineInfo<'a> {
    /// The trimmed text.
    pub(crate) text: &'a str,
    /// Start of the line's content.
    start: u32,
    /// End of the line's content (start of its terminator).
    end: u32,
    /// Start of the next line (end of the terminator).
    next: u32,
    /// Absolute start of the trimmed text.
    s0: u32,
    /// Absolute end of the trimmed text.
    s1: u32,
}

impl LineInfo<'_> {
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Number of chars in the trimmed text, saturating at [`CHARS_CAP`]:
    /// the rules only compare it with small bounds (at most 100). Counted
    /// when asked, not for every line: most lines are never asked.
    pub(crate) fn chars(&self) -> u32 {
        char_count(self.text)
    }

    /// `self.chars() <= n`; counted only when the byte length does not say
    /// (a char is one to four bytes long; the count saturates at
    /// [`CHARS_CAP`], so a larger `n` always counts).
    pub(crate) fn chars_at_most(&self, n: u32) -> bool {
        let len = self.text.len();
        len <= n as usize || (len <= 4 * n as usize || n >= CHARS_CAP) && self.chars() <= n
    }

    /// The raw line: content and terminator.
    pub(crate) fn raw(&self) -> RawLine {
        RawLine {
            start: self.start as usize,
            end: self.end as usize,
            next: self.next as usize,
        }
    }

    /// A blank line of zero-width chars alone (`U+200B`, `U+FEFF`,
    /// `U+2060`, `U+200C`, `U+200D`), one line, no run of blank lines:
    /// what pages converted from wiki markup put inside a sentence, where
    /// no paragraph ends.
    pub(crate) fn is_zero_width(&self, src: &str) -> bool {
        self.is_blank()
            && src
                .get(self.start as usize..self.end as usize)
                .is_some_and(|raw| {
                    !raw.is_empty()
                        && raw.chars().all(|c| {
                            matches!(
                                c,
                                '\u{200b}' | '\u{feff}' | '\u{2060}' | '\u{200c}' | '\u{200d}'
                            )
                        })
                })
    }

    /// The same line seen with other text (a part of its own, for a rule
    /// that looks at what follows a marker); offsets unchanged.
    pub(crate) fn with_text<'b>(&self, text: &'b str) -> LineInfo<'b> {
        LineInfo {
            text,
            start: self.start,
            end: self.end,
            next: self.next,
            s0: self.s0,
            s1: self.s1,
        }
    }

    /// Absolute start of the trimmed text.
    pub(crate) fn t0(&self) -> usize {
        self.s0 as usize
    }

    /// Absolute end of the trimmed text.
    pub(crate) fn t1(&self) -> usize {
        self.s1 as usize
    }
}

/// `n` as `u32`, saturating (offsets and counts of an input the size limit
/// keeps under `u32::MAX`).
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Offset `n` into a paragraph's text as `u32`, for the active chars the
/// walk notes: exact, as a parsed input is at most `u32::MAX` bytes
/// ([`crate::parse_with`] refuses larger ones), so [`u32_of`]'s saturation
/// is never reached there. A plain cast: no compare and select for each
/// active char (a tenth of the chars of a report).
#[inline(always)]
#[allow(clippy::cast_possible_truncation)]
fn offset32(n: usize) -> u32 {
    n as u32
}

/// Where [`LineInfo::chars`] stops counting: above every bound a rule
/// compares it with.
pub(crate) const CHARS_CAP: u32 = 127;

/// The char count of `s`, saturating at [`CHARS_CAP`]. A text of more
/// than `4 * CHARS_CAP` bytes has more than `CHARS_CAP` chars (a char is
/// at most 4 bytes): a long line is not counted at all.
pub(crate) fn char_count(s: &str) -> u32 {
    if s.len() > 4 * CHARS_CAP as usize {
        CHARS_CAP
    } else {
        u32_of(s.chars().count()).min(CHARS_CAP)
    }
}

/// Split `src` into lines with their trimmed text.
///
/// A run of consecutive blank lines (empty or whitespace only) becomes one
/// blank [`LineInfo`] covering the whole run: no rule looks at how many
/// blank lines there are, only whether there is one, and a page of empty
/// lines then costs one entry instead of one per line end.
pub(crate) fn lines(src: &str) -> Vec<LineInfo<'_>> {
    // One memchr pass for the capacity: no regrowth of a large vector.
    let cap = memchr::memchr_iter(b'\n', src.as_bytes()).count() + 1;
    lines_from(src, line_end(src), cap)
}

/// [`lines`] from the offsets of every line-end byte of `src` (`\n` and
/// `\r`, ascending: what [`crate::artefacts::scan`] returns), without a
/// search of its own.
pub(crate) fn lines_at<'a>(src: &'a str, ends: &[usize]) -> Vec<LineInfo<'a>> {
    lines_from(src, line_ends_at(src, ends), ends.len() + 1)
}

/// [`lines`] from the raw lines of `src`, `cap` at most (the capacity).
/// The offsets are cast to `u32` ([`offset32`]): lines are built for a
/// parsed input, at most `u32::MAX` bytes ([`crate::parse_with`] refuses
/// larger ones), and for the small inputs of the bench entry points.
fn lines_from(src: &str, raws: impl Iterator<Item = RawLine>, cap: usize) -> Vec<LineInfo<'_>> {
    let mut out: Vec<LineInfo<'_>> = Vec::with_capacity(cap);
    for raw in raws {
        let content = src.get(raw.start..raw.end).unwrap_or("");
        let (a, b) = trim_range(content);
        let text = content.get(a..b).unwrap_or("");
        if text.is_empty() {
            if let Some(prev) = out.last_mut().filter(|p| p.is_blank()) {
                prev.end = offset32(raw.end);
                prev.next = offset32(raw.next);
                prev.s0 = offset32(raw.end);
                prev.s1 = offset32(raw.end);
                continue;
            }
        }
        out.push(LineInfo {
            text,
            start: offset32(raw.start),
            end: offset32(raw.end),
            next: offset32(raw.next),
            s0: offset32(raw.start + a),
            s1: offset32(raw.start + b),
        });
    }
    out
}

/// Opening quotes and brackets: the sentence rules count their depth.
const OPENERS: [char; 9] = ['“', '‘', '「', '『', '（', '(', '《', '【', '〈'];
/// Closing quotes and brackets.
const CLOSING: [char; 9] = ['”', '’', '」', '』', '）', ')', '》', '】', '〉'];
/// Sentence-final punctuation.
const ENDS: [char; 7] = ['。', '！', '？', '!', '?', '；', ';'];
/// Terminators a closing quote right after ends the sentence with (`“好。”`).
const TERMS: [char; 5] = ['。', '！', '？', '!', '?'];
/// Closing quotes and brackets that stay with the sentence before them.
const CLOSERS: [char; 10] = ['”', '’', '」', '』', '）', ')', '》', '】', '"', '\''];
/// Where a clause of a paragraph ends (and the next may start with an
/// enumeration marker).
const CLAUSE_BREAKS: [char; 10] = ['。', '；', '：', '，', '！', '？', ';', ':', ',', '\n'];

/// Char class bits (see [`char_class`]).
const OPEN: u8 = 1;
const CLOSE: u8 = 2;
const END: u8 = 4;
const TERM: u8 = 8;
const CLOSER: u8 = 16;
const CLAUSE: u8 = 32;

/// The 64-char blocks that hold every char of the lists above: ASCII
/// (two blocks), U+2000.., U+3000.., U+FF00.., by `code point >> 6`.
const CLASS_BLOCKS: [u32; 5] = [0, 1, 0x2000 >> 6, 0x3000 >> 6, 0xff00 >> 6];

/// Each char list with its class bit.
const CLASS_LISTS: [(&[char], u8); 6] = [
    (&OPENERS, OPEN),
    (&CLOSING, CLOSE),
    (&ENDS, END),
    (&TERMS, TERM),
    (&CLOSERS, CLOSER),
    (&CLAUSE_BREAKS, CLAUSE),
];

/// The char classes of [`CLASS_BLOCKS`]: [`OPENERS`] are [`OPEN`],
/// [`CLOSING`] [`CLOSE`], and so on. (Indexing here runs at compile time:
/// out of bounds would be a compile error, not a panic; so is a list char
/// outside the blocks, whose block search runs off the end.)
#[allow(clippy::indexing_slicing)]
const CLASSES: [[u8; 64]; 5] = {
    let mut t = [[0u8; 64]; 5];
    let lists = CLASS_LISTS;
    let mut l = 0;
    while l < lists.len() {
        let (list, bit) = lists[l];
        let mut k = 0;
        while k < list.len() {
            let c = list[k] as u32;
            let mut b = 0;
            while CLASS_BLOCKS[b] != c >> 6 {
                b += 1;
            }
            t[b][(c & 63) as usize] |= bit;
            k += 1;
        }
        l += 1;
    }
    t
};

/// The class bits of the char with code point `cp`. (The arms are
/// [`CLASS_BLOCKS`]; `char_classes_are_the_lists` checks every char.)
#[inline(always)]
fn class_of(cp: u32) -> u8 {
    let block = match cp >> 6 {
        0 => 0,
        1 => 1,
        0x80 => 2,
        0xc0 => 3,
        0x3fc => 4,
        _ => return 0,
    };
    CLASSES
        .get(block)
        .and_then(|t| t.get((cp & 63) as usize))
        .copied()
        .unwrap_or(0)
}

/// The class bits of `c`.
fn char_class(c: char) -> u8 {
    class_of(c as u32)
}

/// The class bits and length of the char starting at byte `i` of `bytes`
/// (a char boundary), read from its bytes: every char with a class is ASCII
/// or three bytes long. `(0, 1)` past the end or for a char of another
/// length (no class).
#[inline(always)]
fn class_at(bytes: &[u8], i: usize) -> (u8, usize) {
    match bytes.get(i..) {
        Some(&[b0 @ 0..=0x7f, ..]) => (class_of(u32::from(b0)), 1),
        Some(&[b0 @ 0xe0..=0xef, b1, b2, ..]) => {
            let cp =
                (u32::from(b0) & 0x0f) << 12 | (u32::from(b1) & 0x3f) << 6 | (u32::from(b2) & 0x3f);
            (class_of(cp), 3)
        }
        _ => (0, 1),
    }
}

/// Sentence-final punctuation ([`ENDS`]). (For the tested reference.)
#[cfg(test)]
fn is_sentence_end(c: char) -> bool {
    char_class(c) & END != 0
}

/// Closing quotes and brackets that stay with the sentence before them
/// ([`CLOSERS`]).
fn is_closer(c: char) -> bool {
    char_class(c) & CLOSER != 0
}

/// Does the line end a paragraph by its own punctuation (`。！？`, possibly
/// followed by closing quotes or brackets)?
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(is_closer);
    t.ends_with(['。', '！', '？', '!', '?'])
        // `…全部报送备案.`: a full stop typed as `.` after a CJK character.
        || t.strip_suffix(['.', '．']).is_some_and(|r| {
            r.chars()
                .next_back()
                .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        })
}

/// Does the line `text` introduce a list whose first item starts the next
/// line `next` (`…重点抓了五个方面工作：⏎一是…`)? Then the line ends its
/// paragraph: the lead-in is not glued to the first item alone while the
/// items after it start paragraphs of their own. A lone `是` (a lost
/// numeral) does not count: after a colon it is more often prose.
pub(crate) fn leads_into_items(text: &str, next: &str) -> bool {
    text.ends_with(['：', ':']) && enum_marker(next).is_some_and(|(_, n, _)| n != 0)
}

/// Does the text contain sentence punctuation anywhere (prose)? `。` is
/// `E3 80 82`, `！` `EF BC 81`, `？` `EF BC 9F`: a search for their lead
/// bytes (never continuation bytes: each one found starts a char), then
/// two byte compares.
pub(crate) fn has_sentence_punct(text: &str) -> bool {
    let b = text.as_bytes();
    let mut at = 0;
    while let Some(p) = b.get(at..).and_then(|r| memchr::memchr2(0xe3, 0xef, r)) {
        let i = at + p;
        if matches!(
            b.get(i..i + 3),
            Some([0xe3, 0x80, 0x82] | [0xef, 0xbc, 0x81 | 0x9f])
        ) {
            return true;
        }
        at = i + 1;
    }
    false
}

/// Bytes that can start a char the sentence rules react to inside a sentence:
/// the lead bytes of `“‘”’` (`E2`), `。「」『』《》【】〈〉` (`E3`) and
/// `（）！？；` (`EF`), and ASCII `()"'!?;`. (For the tested reference.)
#[cfg(test)]
fn sentence_byte(b: u8) -> bool {
    (b == 0xe2)
        | (b == 0xe3)
        | (b == 0xef)
        | (b == b'(')
        | (b == b')')
        | (b == b'"')
        | (b == b'\'')
        | (b == b'!')
        | (b == b'?')
        | (b == b';')
}

/// Split the paragraph `span` of `src` into sentences at `。！？；!?;`,
/// keeping quotes and brackets balanced; closing quotes after the
/// terminator stay with the sentence. Leading padding and line breaks are
/// not part of a sentence. (A paragraph takes its sentences and items from
/// one walk, [`paragraph`].)
#[cfg(test)]
pub(crate) fn sentences(src: &str, span: Span) -> Vec<Span> {
    paragraph(src, span, &mut (None, 0), true, &mut Scratch::default()).1
}

/// The sentence rules of [`walk`] as a walk of their own (the tested
/// reference). Splits the paragraph `span` of `src` into sentences at `。！？；!?;`,
/// keeping quotes and brackets balanced; closing quotes after the
/// terminator stay with the sentence. Leading padding and line breaks are
/// not part of a sentence.
#[cfg(test)]
fn sentences_reference(src: &str, span: Span) -> Vec<Span> {
    let text = span.text(src);
    let base = span.start();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut depth: i32 = 0;
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        if start.is_none() {
            if pad(c) || c == '\n' || c == '\r' {
                i += c.len_utf8();
                continue;
            }
            start = Some(i);
        } else if !bytes.get(i).is_some_and(|&b| sentence_byte(b)) {
            // Inside a sentence, a char that is no bracket, quote or
            // terminator only makes `prev` something else: skip such
            // chars bytewise (`sentence_byte`s are char boundaries).
            match skip::find_char(text, i, sentence_byte) {
                Some(p) => {
                    prev = None;
                    i = p;
                    continue;
                }
                None => break,
            }
        }
        let quote_closes_sentence = bracket(c, &mut depth, prev);
        prev = Some(c);
        i += c.len_utf8();
        if (is_sentence_end(c) || quote_closes_sentence) && depth == 0 {
            for d in text.get(i..).unwrap_or("").chars() {
                if is_closer(d) || is_sentence_end(d) {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            if let Some(s) = start.take() {
                out.push(Span::new(base + s, base + i));
            }
        }
    }
    if let Some(s) = start {
        let rest = text.get(s..).unwrap_or("");
        let t = rest.trim_end_matches(|c: char| pad(c) || c == '\n' || c == '\r');
        if !t.is_empty() {
            out.push(Span::new(base + s, base + s + t.len()));
        }
    }
    // Held by the paragraph for the document's lifetime: no spare room.
    out.shrink_to_fit();
    out
}

/// Can a clause break start with byte `b`: the lead bytes `E3` (`。`) and
/// `EF` (`；：，！？`), and ASCII `;:,` and line feed? (For the tested
/// reference.)
#[cfg(test)]
fn clause_byte(b: u8) -> bool {
    (b == 0xe3) | (b == 0xef) | (b == b';') | (b == b':') | (b == b',') | (b == b'\n')
}

/// The length of the clause break `。；：，！？;:,` or line feed starting at
/// byte `i` of `bytes`, compared as UTF-8 bytes (`。` is `E3 80 82`, the
/// fullwidth forms are `EF BC xx`): no char is decoded.
#[inline(always)]
fn clause_break_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..)? {
        [b';' | b':' | b',' | b'\n', ..] => Some(1),
        [0xe3, 0x80, 0x82, ..] | [0xef, 0xbc, 0x9b | 0x9a | 0x8c | 0x81 | 0x9f, ..] => Some(3),
        _ => None,
    }
}

/// Where a clause may start inside a paragraph: its start, or after
/// `。；：，！？` and their ASCII forms, or a line break. (The tested
/// reference for the clause starts [`walk`] finds.)
#[cfg(test)]
fn clause_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    // `clause_byte`s are char boundaries: compare bytes only there.
    let next = move || {
        loop {
            let i = skip::find_char(text, at, clause_byte)?;
            match clause_break_len(bytes, i) {
                Some(len) => {
                    at = i + len;
                    return Some(at);
                }
                // Another char led by `E3`/`EF` (3 bytes long).
                None => at = i + 3,
            }
        }
    };
    std::iter::once(0).chain(std::iter::from_fn(next))
}

/// The length of the padding and `\r` at the start of `s`. A char led by a
/// byte `E4..=E9` (a CJK ideograph) or an ASCII letter or digit is neither
/// (padding is ASCII space, tab, `0B`, `0C`, or led by `C2`, `E2`, `E3`,
/// `EF`): most clauses start with one, and are answered without decoding.
#[inline(always)]
fn lead_pad_len(s: &str) -> usize {
    match s.as_bytes().first() {
        None | Some(0xe4..=0xe9 | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z') => 0,
        Some(_) => s.len() - s.trim_start_matches(|c: char| pad(c) || c == '\r').len(),
    }
}

/// A candidate item: (offset, style, ordinal, marker length).
type Cand = (usize, ItemStyle, u32, usize);

/// What [`walk`] does at a byte: pass over it ([`PASS`]), take it as a
/// clause break and nothing else ([`CLAUSE_ONLY`]: ASCII `,:` and line
/// feed), or read the char it starts ([`READ`]): the ASCII chars with a
/// class and the lead bytes of the other chars with a class (`E2`, `E3`,
/// `EF`; none is `E4..=E9`, which leads an ideograph, nor a continuation
/// byte). [`next_stop`] reads its ASCII half ([`ASCII_WALK`]) and stops at
/// a three-byte char when it has a class ([`class_of`]).
#[allow(clippy::indexing_slicing)]
const STOPS: [u8; 256] = {
    let mut t = [PASS; 256];
    let mut b = 0;
    while b < 5 {
        let mut k = 0;
        while k < 64 {
            let class = CLASSES[b][k];
            if class != 0 {
                let cp = CLASS_BLOCKS[b] << 6 | k as u32;
                if cp < 0x80 {
                    t[cp as usize] = if class == CLAUSE { CLAUSE_ONLY } else { READ };
                } else {
                    // Three bytes (`CLASS_BLOCKS` lie in U+0800..U+FFFF).
                    t[(0xe0 | cp >> 12) as usize] = READ;
                }
            }
            k += 1;
        }
        b += 1;
    }
    t
};
const PASS: u8 = 0;
const CLAUSE_ONLY: u8 = 1;
const READ: u8 = 2;

/// [`STOPS`] of `b`. (For the tests: [`next_stop`] reads [`ASCII_WALK`].)
#[cfg(test)]
fn stop_kind(b: u8) -> u8 {
    STOPS.get(usize::from(b)).copied().unwrap_or(PASS)
}

/// Is the three-byte char with code point `cp` active for the inline scan?
#[inline(always)]
fn active3(cp: u32) -> bool {
    crate::inline::ACTIVE3
        .get((cp >> 6) as usize & 1023)
        .is_some_and(|w| w >> (cp & 63) & 1 == 1)
}

/// Is the ASCII char `b` active for the inline scan?
#[inline(always)]
fn active1(b: u8) -> bool {
    crate::inline::ASCII_ACTIVE
        .get(usize::from(b >> 6))
        .is_some_and(|w| w >> (b & 63) & 1 == 1)
}

/// Is the char starting at byte `i` of `bytes` active for the inline scan?
/// (Every active char is ASCII or three bytes long.)
#[inline(always)]
fn active_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..) {
        Some(&[b0 @ 0..=0x7f, ..]) => active1(b0),
        Some(&[b0 @ 0xe0..=0xef, b1, b2, ..]) => active3(
            (u32::from(b0) & 0x0f) << 12 | (u32::from(b1) & 0x3f) << 6 | (u32::from(b2) & 0x3f),
        ),
        _ => false,
    }
}

/// The three-byte chars led by `E3..=E9` (U+3000..U+9FFF: CJK
/// punctuation, kana, the ideographs) that [`skip_ideographs`] may not
/// pass, by their last two bytes alone: bit `b2 & 63` of word `b1` is set
/// when some such char ends with `b1 b2`. An ideograph (`E4..=E9`) may
/// not be passed when active for the inline scan; a char led by `E3` when
/// active or of a class (`。《》「」` …): `、`, the ideographic space and
/// the like pass, not ending a run of ideographs. A superset (a char
/// with the same last bytes as one in it is in it too): [`next_stop`]
/// tests the chars it finds exactly. (Indexing here runs at compile time:
/// out of bounds would be a compile error.)
#[allow(clippy::indexing_slicing)]
static IDEO_TAILS: [u64; 256] = {
    let act = crate::inline::ACTIVE3_TABLE;
    let mut t = [0u64; 256];
    let mut cp = 0x3000u32;
    while cp <= 0x9fff {
        let active = act[(cp >> 6) as usize & 1023] >> (cp & 63) & 1 == 1;
        // The one `CLASS_BLOCKS` block in U+3000..U+9FFF.
        let class = if cp >> 6 == CLASS_BLOCKS[3] {
            CLASSES[3][(cp & 63) as usize]
        } else {
            0
        };
        if active || class != 0 {
            t[(0x80 | (cp >> 6 & 63)) as usize] |= 1 << (cp & 63);
        }
        cp += 1;
    }
    t
};

/// What [`next_stop`] does at an ASCII byte: bit 0 set when the char is
/// active for the inline scan, the [`STOPS`] kind in the bits above.
#[allow(clippy::indexing_slicing)]
const ASCII_WALK: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let active = crate::inline::ASCII_ACTIVE[b >> 6] >> (b & 63) & 1 == 1;
        t[b] = (STOPS[b] << 1) | active as u8;
        b += 1;
    }
    t
};

/// The first byte at or after `i` (a char boundary) that does not start a
/// char led by `E3..=E9` (an ideograph, CJK punctuation, kana) outside
/// [`IDEO_TAILS`]: such a char has no class and is not active, as
/// [`next_stop`] would pass it. Out of line: the loop keeps its few
/// registers.
#[inline(never)]
fn skip_ideographs(bytes: &[u8], i: usize) -> usize {
    let tails: &[u64; 256] = &IDEO_TAILS;
    // Passed: a char led by `E3..=E9` outside `IDEO_TAILS`.
    let plain = |b0: u8, b1: u8, b2: u8| {
        b0.wrapping_sub(0xe3) < 7
            && tails.get(usize::from(b1)).copied().unwrap_or(0) >> (b2 & 0x3f) & 1 == 0
    };
    let Some(rest) = bytes.get(i..) else {
        return i;
    };
    // Two chars a round: one length check for both.
    let mut r = rest;
    while let &[a0, a1, a2, b0, b1, b2, ref tail @ ..] = r {
        if !plain(a0, a1, a2) {
            break;
        }
        if !plain(b0, b1, b2) {
            return bytes.len() - r.len() + 3;
        }
        r = tail;
    }
    match *r {
        [b0, b1, b2, ..] if plain(b0, b1, b2) => bytes.len() - r.len() + 3,
        _ => bytes.len() - r.len(),
    }
}

/// The first char at or after byte `i` (a char boundary) that [`walk`] does
/// not pass over: where, what it is ([`STOPS`]), its class (when it is
/// [`READ`]) and length. The active chars passed (and
/// the one stopped at, if active) join `act`. Runs of ideographs
/// (`E4..=E9`) are passed with one look-up each, two a round, with the
/// `、` and other plain chars led by `E3` among them
/// ([`skip_ideographs`]).
#[inline(always)]
fn next_stop(bytes: &[u8], mut i: usize, act: &mut Vec<u32>) -> Option<(usize, u8, u8, usize)> {
    let tails: &[u64; 256] = &IDEO_TAILS;
    loop {
        i += match *bytes.get(i..)? {
            [b0 @ 0xe4..=0xe9, b1, b2, ..] => {
                let w = tails.get(usize::from(b1)).copied().unwrap_or(0);
                if w >> (b2 & 0x3f) & 1 == 0 {
                    i = skip_ideographs(bytes, i + 3);
                    continue;
                }
                // An ideograph in `IDEO_TAILS`: no class, maybe active.
                if active3(
                    (u32::from(b0) & 0x0f) << 12
                        | (u32::from(b1) & 0x3f) << 6
                        | (u32::from(b2) & 0x3f),
                ) {
                    act.push(offset32(i));
                }
                3
            }
            [0x00..=0x7f, ..] => {
                // A run of ASCII (figures, codes, words): byte by byte.
                while let Some(&b @ 0x00..=0x7f) = bytes.get(i) {
                    let k = ASCII_WALK.get(usize::from(b)).copied().unwrap_or(0);
                    if k & 1 != 0 {
                        act.push(offset32(i));
                    }
                    if k >> 1 != PASS {
                        return Some((i, k >> 1, class_of(u32::from(b)), 1));
                    }
                    i += 1;
                }
                0
            }
            [b0 @ 0xe0..=0xef, b1, b2, ..] => {
                let cp = (u32::from(b0) & 0x0f) << 12
                    | (u32::from(b1) & 0x3f) << 6
                    | (u32::from(b2) & 0x3f);
                if active3(cp) {
                    act.push(offset32(i));
                }
                let class = class_of(cp);
                if class != 0 {
                    return Some((i, READ, class, 3));
                }
                3
            }
            [] => return None,
            [0x80..=0xdf, ..] => 2,
            [0xe0..=0xef, ..] => 3,
            _ => 4,
        };
    }
}

/// The enumeration marker, if any, of the clause starting at byte `at` of
/// `text` (after its padding) joins `cands`.
#[inline(always)]
fn candidate(text: &str, at: usize, cands: &mut Vec<Cand>) {
    let Some(rest) = text.get(at..) else { return };
    let skip = lead_pad_len(rest);
    let Some(s) = rest.get(skip..) else { return };
    if let Some((style, n, len)) = enum_marker(s) {
        cands.push((at + skip, style, n, len));
    }
}

/// The sentence rules for quotes and brackets: `c` opens or closes one
/// (`depth` follows); true when it closes a quote right after a
/// terminator at depth 0 (`“好。”` ends the sentence with its closing
/// quote). `prev` is the char before `c`, when the walk knows it. (The
/// tested reference reads chars; [`walk`] their classes, [`bracket_class`].)
#[cfg(test)]
fn bracket(c: char, depth: &mut i32, prev: Option<char>) -> bool {
    bracket_class(
        char_class(c),
        depth,
        prev.is_some_and(|p| char_class(p) & TERM != 0),
    )
}

/// [`bracket`] for a char of class `class`, after a [`TERM`] char when
/// `after_term`.
#[inline(always)]
fn bracket_class(class: u8, depth: &mut i32, after_term: bool) -> bool {
    if class & OPEN != 0 {
        *depth += 1;
        false
    } else if class & CLOSE != 0 {
        *depth = (*depth - 1).max(0);
        *depth == 0 && after_term
    } else {
        false
    }
}

/// One walk over a paragraph's `text` for its sentences (into `sents`,
/// offset by `base`, when asked) and its item candidates (into `cands`).
///
/// Sentences: split at `。！？；!?;` outside quotes and brackets, closing
/// quotes and brackets after the terminator kept with the sentence, `“好。”`
/// ended by its closing quote; leading padding and line breaks are not part
/// of a sentence. Clauses start at the paragraph start and after
/// `。；：，！？;:,` and line feeds; each clause start is tried for an
/// enumeration marker. Between the chars these rules react to the walk
/// skips ideographs by their bytes ([`next_stop`]), noting on its way the
/// offsets of the chars active for the inline scan into `act` (every one,
/// ascending: the scan of the same text steps through them instead of
/// searching, [`crate::inline::Walked`]). The `《》“”` it passes (every
/// one: they are quotes and brackets) are paired into `marks`, for the
/// inline scan of the same text. Returns whether the text has a line
/// feed (every one is a clause break or padding before a sentence).
fn walk(
    text: &str,
    base: usize,
    mut sents: Option<&mut Vec<Span>>,
    cands: &mut Vec<Cand>,
    marks: &mut RefsQuotes,
    act: &mut Vec<u32>,
) -> bool {
    let bytes = text.as_bytes();
    // A line feed passed (the pads before a sentence, a clause break).
    let mut line_feed = false;
    candidate(text, 0, cands);
    let mut depth: i32 = 0;
    let mut start: Option<usize> = None;
    // Whether the last char the sentence rules looked at is a [`TERM`],
    // and where it ends: it is the char before the next one only when that
    // one starts there.
    let mut after_term = false;
    let mut last = 0;
    let mut at = 0;
    loop {
        if start.is_none() {
            // Most sentences start with an ideograph, an ASCII letter or
            // digit: no padding nor line end to skip (see `lead_pad_len`).
            let plain = matches!(
                bytes.get(at),
                Some(0xe4..=0xe9 | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z')
            );
            if !plain {
                while let Some(c) = text.get(at..).and_then(|r| r.chars().next()) {
                    if !(pad(c) || c == '\n' || c == '\r') {
                        break;
                    }
                    at += c.len_utf8();
                    if c == '\n' {
                        line_feed = true;
                        candidate(text, at, cands);
                    }
                }
            }
            if at >= text.len() {
                break;
            }
            // The padding skipped keeps `after_term`: the sentence's first
            // char follows the one that ended the last sentence.
            start = Some(at);
            last = at;
        }
        let Some((h, stop, class, len)) = next_stop(bytes, at, act) else {
            break;
        };
        if stop == CLAUSE_ONLY {
            // `,` `:` or a line feed: a clause break, nothing to sentences.
            line_feed |= bytes.get(h) == Some(&b'\n');
            at = h + 1;
            candidate(text, at, cands);
            continue;
        }
        if h != last {
            after_term = false;
        }
        at = h + len;
        if class & CLAUSE != 0 {
            candidate(text, at, cands);
        }
        if class & (OPEN | CLOSE) != 0 {
            marks.mark(bytes, h);
        }
        let quote_closes_sentence = bracket_class(class, &mut depth, after_term);
        after_term = class & TERM != 0;
        last = at;
        if (class & END != 0 || quote_closes_sentence) && depth == 0 {
            loop {
                let (d, len) = class_at(bytes, at);
                if d & (CLOSER | END) == 0 {
                    break;
                }
                if d & CLOSER != 0 {
                    marks.mark(bytes, at);
                }
                if active_at(bytes, at) {
                    act.push(offset32(at));
                }
                at += len;
                // `。！？；;`: a sentence end that is a clause break.
                if d & END != 0 && d & CLAUSE != 0 {
                    candidate(text, at, cands);
                }
            }
            if let (Some(s), Some(out)) = (start.take(), sents.as_deref_mut()) {
                out.push(Span::new(base + s, base + at));
            }
        }
    }
    if let (Some(s), Some(out)) = (start, sents) {
        let rest = text.get(s..).unwrap_or("");
        let t = rest.trim_end_matches(|c: char| pad(c) || c == '\n' || c == '\r');
        if !t.is_empty() {
            out.push(Span::new(base + s, base + s + t.len()));
        }
    }
    line_feed
}

/// [`walk`] without sentences: the item candidates alone, at the start and
/// after every clause break (`。；：，！？;:,` and line feeds), where
/// [`walk`] tries them too (the quotes, brackets and sentence ends it
/// also follows only decide sentences). Stops only at the bytes a clause
/// break starts with (`E3`, `EF`, `;:,` and line feed); ideographs are
/// passed by their lead byte.
fn walk_clauses(text: &str, cands: &mut Vec<Cand>) {
    let bytes = text.as_bytes();
    candidate(text, 0, cands);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += match b {
            0xe4..=0xe9 => 3,
            b';' | b':' | b',' | b'\n' => {
                candidate(text, i + 1, cands);
                1
            }
            0xe3 | 0xef => {
                if clause_break_len(bytes, i).is_some() {
                    candidate(text, i + 3, cands);
                }
                3
            }
            0x00..=0x7f => 1,
            0x80..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
    }
}

/// Buffers [`paragraph`] fills and empties again, kept from one paragraph
/// to the next so that a paragraph's walk does not grow new vectors.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    sents: Vec<Span>,
    cands: Vec<Cand>,
    keep: Vec<Kept>,
    /// The `《》“”` pairs of the paragraph walked last (with sentences),
    /// for its inline scan to take ([`RefsQuotes::walked`]). Boxed: it
    /// changes hands with the scan's by a pointer swap.
    pub(crate) marks: Option<Box<RefsQuotes>>,
    /// The active chars of the paragraph walked last (with sentences), for
    /// its inline scan to take ([`crate::inline::Walked`]).
    pub(crate) walked: crate::inline::Walked,
}

/// A candidate kept by [`runs`]: offset, style, ordinal, marker length,
/// inferred.
type Kept = (usize, ItemStyle, u32, usize, bool);

/// A paragraph's enumeration items (see `items`) and, when `want_sentences`,
/// its sentences (see `sentences`; empty otherwise), from one walk over
/// its text.
pub(crate) fn paragraph<'a>(
    src: &'a str,
    span: Span,
    prev: &mut (Option<ItemStyle>, u32),
    want_sentences: bool,
    scratch: &mut Scratch,
) -> (Vec<EnumItem<'a>>, Vec<Span>) {
    let text = span.text(src);
    scratch.sents.clear();
    scratch.cands.clear();
    let marks = scratch.marks.get_or_insert_with(Box::default);
    marks.clear();
    scratch.walked.at.clear();
    scratch.walked.span = None;
    scratch.walked.line_feed = false;
    if want_sentences {
        scratch.walked.line_feed = walk(
            text,
            span.start(),
            Some(&mut scratch.sents),
            &mut scratch.cands,
            marks,
            &mut scratch.walked.at,
        );
        marks.walked = Some(span);
        scratch.walked.span = Some(span);
    } else {
        walk_clauses(text, &mut scratch.cands);
    }
    // Held by the paragraph for the document's lifetime: an exact-size copy.
    let sents = scratch.sents.to_vec();
    let items = runs(text, span.start(), &scratch.cands, prev, &mut scratch.keep);
    (items, sents)
}

/// An enumeration marker at the start of `s`: `一是` `二要` `第一，` `首先`
/// `其次` `①`, or `是` alone (a lost numeral). Returns the style, the
/// ordinal (0 for a lost numeral, to be recovered) and the marker length.
///
/// ```ebnf
/// enum_marker ::= cn_ordinal ("是" | "要") | "第" cn_ordinal ("，" | "," | "、")
///               | "首先" | "其次" | "再次" | "最后" | [①-⑳] | "是"
/// ```
#[inline(always)]
pub(crate) fn enum_marker(s: &str) -> Option<(ItemStyle, u32, usize)> {
    // Most clauses start with none of the marker chars: one look-up,
    // inlined at the call (an ideograph's by its last two bytes,
    // `MARKER_TAILS`, before any decoding). Every marker char is three
    // bytes long (led by `E2..=E9`): read from its bytes, no other char is
    // decoded.
    match *s.as_bytes() {
        // An ideograph: by its last two bytes first (most fail there).
        [0xe4..=0xe9, b1, b2, ..]
            if MARKER_TAILS.get(usize::from(b1)).copied().unwrap_or(0) >> (b2 & 0x3f) & 1 == 0 =>
        {
            return None;
        }
        [b0 @ 0xe2..=0xe9, b1, b2, ..] => {
            let c =
                (u32::from(b0) & 0x0f) << 12 | (u32::from(b1) & 0x3f) << 6 | (u32::from(b2) & 0x3f);
            if !char::from_u32(c).is_some_and(may_start_marker) {
                return None;
            }
        }
        _ => return None,
    }
    enum_marker_body(s)
}

/// The ideographs (U+4E00..U+9FFF) that can start an [`enum_marker`]: the
/// CJK numeral chars (`figure::is_cjk_numeral_char`) and `第首其再最是`.
const MARKER_IDEOGRAPHS: [char; 40] = [
    '零', '一', '壹', '二', '两', '贰', '貳', '兩', '三', '叁', '參', '四', '肆', '五', '伍', '六',
    '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千', '仟', '万', '萬',
    '亿', '億', '第', '首', '其', '再', '最', '是',
];

/// [`MARKER_IDEOGRAPHS`] as a bit set over U+4E00..U+9FFF. (Indexing here runs at compile time:
/// out of bounds would be a compile error, not a panic.)
#[allow(clippy::indexing_slicing)]
const MARKER_IDEOGRAPH_BITS: [u64; 328] = {
    let mut t = [0u64; 328];
    let mut k = 0;
    while k < MARKER_IDEOGRAPHS.len() {
        let c = MARKER_IDEOGRAPHS[k] as u32;
        if c >= 0x4e00 && c <= 0x9fff {
            let d = c - 0x4e00;
            t[(d / 64) as usize] |= 1 << (d % 64);
        }
        k += 1;
    }
    t
};

/// [`MARKER_IDEOGRAPHS`] by their last two bytes alone (lead bytes
/// `E4..=E9`): bit `b2 & 63` of word `b1` is set when some of them ends
/// with `b1 b2`. A superset: [`enum_marker`] passes the ideographs outside
/// it at once, and tests the others exactly ([`may_start_marker`]).
/// (Indexing here runs at compile time: out of bounds would be a compile
/// error, not a panic.)
#[allow(clippy::indexing_slicing)]
static MARKER_TAILS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut k = 0;
    while k < MARKER_IDEOGRAPHS.len() {
        let c = MARKER_IDEOGRAPHS[k] as u32;
        t[(0x80 | (c >> 6 & 63)) as usize] |= 1 << (c & 63);
        k += 1;
    }
    t
};

/// Can `c` start an [`enum_marker`]: a CJK numeral char, one of
/// `第首其再最是`, or `①..⑳`? A bit-set look-up for ideographs.
#[inline(always)]
fn may_start_marker(c: char) -> bool {
    let d = (c as u32).wrapping_sub(0x4e00);
    if d < 0x5200 {
        MARKER_IDEOGRAPH_BITS
            .get((d / 64) as usize)
            .is_some_and(|w| w >> (d % 64) & 1 == 1)
    } else {
        matches!(c, '〇' | '○' | '①'..='⑳')
    }
}

/// [`enum_marker`] past its first-char check.
fn enum_marker_body(s: &str) -> Option<(ItemStyle, u32, usize)> {
    if let Ok((rest, n)) = cn_ordinal(s) {
        if n <= 20 {
            if let Some(r) = rest.strip_prefix('是') {
                // Not `一是一` style phrases, nor `是否`.
                if !r.starts_with(['否', '不']) {
                    return Some((ItemStyle::Shi, n, s.len() - r.len()));
                }
            }
            if let Some(r) = rest.strip_prefix('要') {
                if !r.starts_with(['求', '素', '点', '是', '把', '按']) {
                    return Some((ItemStyle::Yao, n, s.len() - r.len()));
                }
            }
        }
        return None;
    }
    if let Some(r) = s.strip_prefix('第') {
        if let Ok((rest, n)) = cn_ordinal(r) {
            if n <= 20 {
                if let Some(c) = rest.chars().next() {
                    if matches!(c, '，' | ',' | '、') {
                        return Some((ItemStyle::Di, n, s.len() - rest.len() + c.len_utf8()));
                    }
                }
            }
        }
        return None;
    }
    for (w, n) in [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)] {
        if let Some(r) = s.strip_prefix(w) {
            if r.starts_with(['，', ',', '、']) {
                return Some((ItemStyle::Sequence, n, w.len()));
            }
        }
    }
    if let Some(c) = s.chars().next() {
        if ('①'..='⑳').contains(&c) {
            return Some((ItemStyle::Circled, c as u32 - '①' as u32 + 1, c.len_utf8()));
        }
    }
    if s.starts_with('是') && !s.starts_with("是否") && !s.starts_with("是不") {
        return Some((ItemStyle::Shi, 0, '是'.len_utf8()));
    }
    None
}

/// The lead of an item: its first sentence or clause (up to `。；！？：`,
/// or the first comma when that sentence is long).
fn lead_end(body: &str) -> usize {
    let mut w = LeadWalk::default();
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0xe4..=0xe9).contains(&b) {
            // An ideograph (U+4000..U+9FFF), read from its lead byte: no
            // bracket, stop or comma.
            w.count += 1;
            i += 3;
            continue;
        }
        let Some(c) = body.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        if let Some(end) = w.step(i, c) {
            return end;
        }
        i += c.len_utf8();
    }
    w.end(body.len())
}

/// The state of [`lead_end`]'s walk and its rules for one char.
#[derive(Default)]
struct LeadWalk {
    first_comma: Option<usize>,
    depth: i32,
    /// Chars read so far.
    count: usize,
}

impl LeadWalk {
    /// The char `c` at `i`: where the lead ends, if here.
    fn step(&mut self, i: usize, c: char) -> Option<usize> {
        match c {
            '“' | '（' | '(' | '《' => self.depth += 1,
            '”' | '）' | ')' | '》' => self.depth = (self.depth - 1).max(0),
            _ => {}
        }
        if self.depth == 0 {
            if matches!(c, '。' | '；' | '！' | '？' | '：' | ';' | ':' | '\n') {
                return Some(self.end(i));
            }
            if matches!(c, '，' | ',') && self.first_comma.is_none() {
                self.first_comma = Some(i);
            }
        }
        self.count += 1;
        None
    }

    /// The lead's end for a sentence ending at `at`: the first comma
    /// when the sentence is long.
    fn end(&self, at: usize) -> usize {
        if self.count > 40 {
            self.first_comma.unwrap_or(at)
        } else {
            at
        }
    }
}

/// [`lead_end`] decoding every char (the tested reference for its
/// lead-byte skip).
#[cfg(test)]
fn lead_end_reference(body: &str) -> usize {
    let mut w = LeadWalk::default();
    for (i, c) in body.char_indices() {
        if let Some(end) = w.step(i, c) {
            return end;
        }
    }
    w.end(body.len())
}

/// Find the enumeration items of a paragraph. `prev` is the last ordinal
/// of the run continuing from earlier paragraphs of the same section (so
/// `二是…` paragraphs after a `一是…` paragraph continue the run). Items
/// whose numeral was recovered are marked `inferred`. (A paragraph takes
/// its items and sentences from one walk, [`paragraph`].)
#[cfg(test)]
pub(crate) fn items<'a>(
    src: &'a str,
    span: Span,
    prev: &mut (Option<ItemStyle>, u32),
) -> Vec<EnumItem<'a>> {
    paragraph(src, span, prev, false, &mut Scratch::default()).0
}

/// The items of a paragraph `text` (at `base`) from its candidates, in
/// order: see `items`.
fn runs<'a>(
    text: &'a str,
    base: usize,
    cands: &[Cand],
    prev: &mut (Option<ItemStyle>, u32),
    keep: &mut Vec<Kept>,
) -> Vec<EnumItem<'a>> {
    // Keep the candidates that form runs: ordinals 1, 2, 3… of one style
    // (or continuing the run from earlier paragraphs). A lost numeral
    // (ordinal 0) is kept when the item after it is the next ordinal.
    // (`keep` is a scratch buffer kept from one paragraph to the next.)
    keep.clear();
    let (mut style_run, mut last) = *prev;
    for (k, &(off, style, n, len)) in cands.iter().enumerate() {
        let continues = style_run == Some(style) || (style_run.is_none() && n <= 1);
        let expected = if style_run == Some(style) {
            last + 1
        } else {
            1
        };
        if n == 0 && style == ItemStyle::Shi {
            // `是…` where `expected是` is due: the next candidate must be
            // expected + 1 of the same style.
            let next_ok = cands
                .get(k + 1)
                .is_some_and(|&(_, s2, n2, _)| s2 == style && n2 == expected + 1);
            if next_ok && (off == 0 || expected > 1) {
                keep.push((off, style, expected, len, true));
                style_run = Some(style);
                last = expected;
            }
            continue;
        }
        if style == ItemStyle::Sequence && n == 0 {
            // 最后: closes a 首先/其次 run.
            if style_run == Some(style) {
                keep.push((off, style, last + 1, len, false));
                last += 1;
            }
            continue;
        }
        if n == expected && (continues || n == 1) {
            keep.push((off, style, n, len, false));
            style_run = Some(style);
            last = n;
        } else if n == 1 {
            keep.push((off, style, 1, len, false));
            style_run = Some(style);
            last = 1;
        }
    }
    // A single `一是` at the start of a paragraph with nothing after it
    // still counts: the run may continue in the next paragraphs.
    *prev = (style_run, last);
    let mut out = Vec::with_capacity(keep.len());
    for (k, &(off, style, n, len, inferred)) in keep.iter().enumerate() {
        let end = keep.get(k + 1).map(|x| x.0).unwrap_or(text.len());
        let item_text = text.get(off..end).unwrap_or("");
        let item_trim = item_text.trim_end_matches(|c: char| pad(c) || c == '\n' || c == '\r');
        let after = item_trim.get(len..).unwrap_or("");
        // A marker alone on its line (`一是⏎企业…`): the lead is the
        // clause on the next line, not the empty rest of the marker's.
        let skip = after.len()
            - after
                .trim_start_matches(|c: char| pad(c) || c == '\n' || c == '\r')
                .len();
        let body = after.get(skip..).unwrap_or("");
        let le = lead_end(body);
        let lead = body.get(..le).unwrap_or("");
        let lead_start = base + off + len + skip;
        out.push(EnumItem {
            ordinal: n,
            style,
            marker: item_trim.get(..len).unwrap_or(""),
            lead,
            lead_span: Span::new(lead_start, lead_start + lead.len()),
            span: Span::new(base + off, base + off + item_trim.len()),
            inferred,
        });
    }
    out
}

/// [`items`] from [`clause_starts`] (the tested reference).
#[cfg(test)]
fn items_reference<'a>(
    src: &'a str,
    span: Span,
    prev: &mut (Option<ItemStyle>, u32),
) -> Vec<EnumItem<'a>> {
    let text = span.text(src);
    let mut cands = Vec::new();
    for at in clause_starts(text) {
        candidate(text, at, &mut cands);
    }
    runs(text, span.start(), &cands, prev, &mut Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_start_marker_is_the_marker_first_char_set() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let want = crate::grammar::figure::is_cjk_numeral_char(c)
                || matches!(c, '第' | '首' | '其' | '再' | '最' | '是')
                || ('①'..='⑳').contains(&c);
            assert_eq!(may_start_marker(c), want, "{c:?}");
        }
    }

    #[test]
    fn enum_marker_prefilter_admits_every_ordinal_char() {
        // The first-char check in `enum_marker` must let through every char
        // `cn_ordinal` reads (a superset is fine).
        for c in "〇零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰".chars()
        {
            assert!(
                crate::grammar::figure::is_cjk_numeral_char(c),
                "{c} is an ordinal char"
            );
        }
        assert_eq!(enum_marker("壹是加强"), Some((ItemStyle::Shi, 1, 6)));
        assert_eq!(enum_marker("加强"), None);
    }

    /// `MARKER_TAILS` holds every ideograph a marker may start with: an
    /// ideograph it turns away (by its last two bytes) is none of them,
    /// and `enum_marker` answers as without the tails test; those sharing
    /// their tails with a marker char (`丁` and `一`, E4 B8 81 and 80 …)
    /// go on to the exact test.
    #[test]
    fn marker_tails_turn_away_no_marker_char() {
        for c in ('\u{4000}'..='\u{9fff}').filter(|c| !c.is_control()) {
            let mut buf = [0; 3];
            let s = c.encode_utf8(&mut buf).as_bytes();
            let tail = MARKER_TAILS[usize::from(s[1])] >> (s[2] & 0x3f) & 1 == 1;
            assert!(tail || !may_start_marker(c), "{c:?}");
            if !tail {
                for after in ["是加强", "、", "，", ""] {
                    assert_eq!(enum_marker(&format!("{c}{after}")), None, "{c:?}");
                }
            }
        }
        for t in [
            "一是加强",
            "第一，",
            "首先，",
            "其次，",
            "是加强",
            "丁是",
            "丐是",
        ] {
            assert_eq!(enum_marker(t), enum_marker_body(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lead_end_matches_its_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "加", "强", "。", "；", "！", "？", "：", ";", ":", "\n", "，", ",", "“", "”", "（",
                "）", "(", ")", "《", "》", "a", "é", "𝄞", "䷀", " ",
            ]), 0..80)
        ) {
            let body = parts.concat();
            proptest::prop_assert_eq!(lead_end(&body), lead_end_reference(&body));
        }
    }

    #[test]
    fn char_classes_are_the_lists() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let want = CLASS_LISTS
                .iter()
                .filter(|(list, _)| list.contains(&c))
                .fold(0, |acc, &(_, bit)| acc | bit);
            assert_eq!(char_class(c), want, "{c:?}");
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            // Read from the bytes: the class for a char with one, no class
            // for the others.
            let (class, len) = class_at(bytes, 0);
            assert_eq!(class, want, "{c:?}");
            if want != 0 {
                assert_eq!(len, c.len_utf8(), "{c:?}");
            }
            // `walk` stops at the first byte of every char with a class,
            // and the ASCII bytes it only takes as clause breaks are those.
            let stop = stop_kind(bytes[0]);
            if want != 0 {
                assert_ne!(stop, PASS, "{c:?}");
            }
            if stop != PASS {
                assert!(!(0xe4..=0xe9).contains(&bytes[0]), "{c:?}");
            }
            if c.is_ascii() {
                assert_eq!(stop == CLAUSE_ONLY, want == CLAUSE, "{c:?}");
                assert_eq!(stop == PASS, want == 0, "{c:?}");
            }
        }
        // Continuation bytes are never stops.
        for b in 0x80..=0xbfu8 {
            assert_eq!(stop_kind(b), PASS, "{b:#x}");
        }
    }

    /// The walk's tables agree with the scan's `is_active` (through
    /// `next_active`): every active char led by `E3..=E9` and every one
    /// with a class is in `IDEO_TAILS`, no
    /// active char is two or four bytes long, and `ASCII_WALK` is `STOPS`
    /// with the ASCII activity.
    /// `skip_ideographs` takes two chars a round: it stops at the first
    /// char it may not pass whatever its position (odd or even) and the
    /// run's length, and at a char cut off by the end of the text.
    #[test]
    fn skip_ideographs_stops_at_any_position() {
        for n in 0..9 {
            for stop in ["一", "A", "，", "。", "\u{e9}"] {
                for p in 0..=n {
                    let s: String = (0..n).map(|k| if k == p { stop } else { "为" }).collect();
                    assert_eq!(skip_ideographs(s.as_bytes(), 0), 3 * p, "{s:?}");
                    assert_eq!(skip_ideographs(s.as_bytes(), s.len()), s.len());
                }
            }
            // `、` and kana inside the run are passed too.
            let s: String = (0..n).map(|k| ["为", "、", "ぁ"][k % 3]).collect();
            assert_eq!(
                skip_ideographs(format!("{s}。").as_bytes(), 0),
                s.len(),
                "{s:?}"
            );
            // The last char cut off by the end of the bytes.
            let s = "为".repeat(n);
            let cut = &s.as_bytes()[..s.len().saturating_sub(1)];
            assert_eq!(skip_ideographs(cut, 0), 3 * n.saturating_sub(1), "{n}");
        }
    }

    #[test]
    fn walk_tables_cover_the_active_chars() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            let active = crate::inline::next_active(s, 0) == 0;
            assert_eq!(active_at(s.as_bytes(), 0), active, "{c:?}");
            if active {
                assert!(c.len_utf8() == 1 || c.len_utf8() == 3, "{c:?}");
            }
            if let &[0xe3..=0xe9, b1, b2] = s.as_bytes() {
                let tail = IDEO_TAILS[usize::from(b1)] >> (b2 & 0x3f) & 1 == 1;
                // A char passed is one `next_stop` passes: no class, not
                // active.
                assert!(tail || !active && char_class(c) == 0, "{c:?}");
                // `skip_ideographs` stops exactly at the tails.
                assert_eq!(skip_ideographs(s.as_bytes(), 0), if tail { 0 } else { 3 });
            }
            if c.is_ascii() {
                let k = ASCII_WALK[c as usize];
                assert_eq!(k >> 1, stop_kind(c as u8), "{c:?}");
                assert_eq!(k & 1 == 1, active, "{c:?}");
            }
        }
    }

    /// The scan's `char_at` reads every char as `chars` does, and nothing
    /// inside a char or past the end.
    #[test]
    fn scan_reads_chars_from_their_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            for i in 0..=s.len() {
                let want = s.get(i..).and_then(|r| r.chars().next());
                assert_eq!(crate::inline::char_at(&s, i), want, "{c:?} at {i}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn walk_clauses_finds_the_candidates_of_walk(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "中", "文", "a", "1", "(", ")", ",", ":", ";", "!", "?", "\n", "\r", " ",
                "“", "”", "‘", "’", "。", "，", "、", "（", "）", "：", "；", "！", "？",
                "《", "》", "\u{3000}", "㐀", "\u{ff5e}", "é", "𝄞", "\u{feff}", "一是",
                "二是", "三要", "第一，", "第二、", "首先", "其次", "最后", "①", "②", "是",
                "“好。”", "。”", "！）",
            ]), 0..50)
        ) {
            let text = parts.concat();
            let mut want = Vec::new();
            walk(&text, 0, None, &mut want, &mut RefsQuotes::default(), &mut Vec::new());
            let mut got = Vec::new();
            walk_clauses(&text, &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn char_count_saturates_exactly() {
        for n in [0, 1, 100, 126, 127, 128, 200, 400, 600] {
            for unit in ["a", "é", "中", "𝄞"] {
                let s = unit.repeat(n);
                let want = u32::try_from(s.chars().count()).unwrap().min(CHARS_CAP);
                assert_eq!(char_count(&s), want, "{n} x {unit}");
            }
        }
    }

    #[test]
    fn has_sentence_punct_is_contains() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            for t in [c.to_string(), format!("中{c}a"), format!("{c}{c}")] {
                assert_eq!(
                    has_sentence_punct(&t),
                    t.contains(['。', '！', '？']),
                    "{c:?}"
                );
            }
        }
        for t in [
            "",
            "加强领导，完善制度",
            "一、总体情况",
            "好。",
            "“是吗？”",
            "！",
        ] {
            assert_eq!(has_sentence_punct(t), t.contains(['。', '！', '？']), "{t}");
        }
    }

    #[test]
    fn chars_at_most_is_the_count_compared() {
        let src = "";
        for n in [0, 1, 2, 3, 5, 30, 40, 100, 126, 127, 128, 200, 400, 600] {
            for unit in ["a", "é", "中", "𝄞", "a中", "é𝄞中"] {
                let s = unit.repeat(n);
                let l = lines(src).first().copied().map(|l| l.with_text(&s));
                let l = l.unwrap_or(LineInfo {
                    text: &s,
                    start: 0,
                    end: 0,
                    next: 0,
                    s0: 0,
                    s1: 0,
                });
                for bound in [
                    0, 1, 2, 4, 8, 12, 20, 24, 40, 60, 80, 100, 126, 127, 128, 300,
                ] {
                    assert_eq!(
                        l.chars_at_most(bound),
                        l.chars() <= bound,
                        "{n} x {unit} <= {bound}"
                    );
                }
            }
        }
    }

    #[test]
    fn clause_starts_match_a_char_walk() {
        let text = "一是加强，二是：完善；三是,推进;四是:落实\n五是。六！七？八、“九”（十）①【注】";
        let want: Vec<usize> = std::iter::once(0)
            .chain(
                text.char_indices()
                    .filter(|&(_, c)| {
                        matches!(
                            c,
                            '。' | '；' | '：' | '，' | ';' | ':' | ',' | '！' | '？' | '\n'
                        )
                    })
                    .map(|(i, c)| i + c.len_utf8()),
            )
            .collect();
        assert_eq!(clause_starts(text).collect::<Vec<_>>(), want);
    }

    #[test]
    fn lead_pad_len_matches_trim() {
        let pads: String = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| pad(c) || c == '\r')
            .collect();
        for c in pads.chars() {
            let b = c.to_string().as_bytes()[0];
            assert!(
                !matches!(b, 0xe4..=0xe9 | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z'),
                "{c:?} starts with a byte the fast path rejects"
            );
        }
        for s in ["　\r 一是", "\u{feff}二是", "三是", "", "a b", "\u{a0}x"] {
            let want = s.len() - s.trim_start_matches(|c: char| pad(c) || c == '\r').len();
            assert_eq!(lead_pad_len(s), want, "{s:?}");
        }
    }

    /// Paragraph text made of the chars the walk reacts to, padding, line
    /// ends, markers and ideographs.
    fn para_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let alphabet: Vec<&str> = vec![
            "。",
            "！",
            "？",
            "；",
            "：",
            "，",
            "、",
            "!",
            "?",
            ";",
            ":",
            ",",
            ".",
            "“",
            "”",
            "‘",
            "’",
            "「",
            "」",
            "『",
            "』",
            "（",
            "）",
            "(",
            ")",
            "《",
            "》",
            "【",
            "】",
            "〈",
            "〉",
            "\"",
            "'",
            "\n",
            "\r",
            " ",
            "\t",
            "\u{3000}",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "一是",
            "二是",
            "三是",
            "是",
            "是否",
            "一要",
            "第一，",
            "第二、",
            "首先，",
            "其次，",
            "最后，",
            "①",
            "②",
            "加强",
            "工作",
            "a",
            "1",
            "é",
            "𝄞",
            "\u{85}",
            "、",
            "…",
            "—",
            "〔",
            "〕",
            "·",
            "％",
            "\u{ff5e}",
            "〇是",
            "①",
            // What the inline scan reacts to (`crate::inline::is_active`).
            "2023",
            "7",
            "１２",
            "x",
            "Q",
            "%",
            "-",
            "－",
            "−",
            "[",
            "［",
            "]",
            "第",
            "负",
            "零",
            "〇",
            "○",
            "十",
            "百",
            "万",
            "亿",
            "两",
            "肆",
            "億",
            // Ideographs sharing their last two bytes with numerals
            // (`IDEO_TAILS`): `丁` (E4 B8 81, `一` is E4 B8 80 .. `七` E4 B8 83)
            // and others of the same tails under other lead bytes.
            "丁",
            "万",
            "与",
            "丏",
            "伀",
            "侀",
            "倀",
            "傀",
            // Chars led by `E3` that runs of ideographs pass (`、`, kana,
            // the ideographic space above), and ideographs sharing their
            // last two bytes with the `E3` chars they stop at (`适` E9 80
            // 82 and `。` E3 80 82, `选` and `〉`, `而` and `「`).
            "ぁ",
            "ㄅ",
            "适",
            "选",
            "而",
            "怎",
        ];
        prop::collection::vec(prop::sample::select(alphabet), 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn one_walk_matches_the_reference_walks(text in para_text(), pre in "[ab]{0,2}") {
            // A paragraph inside a larger source, as in a document.
            let src = format!("{pre}{text}");
            let span = Span::new(pre.len(), src.len());
            let mut p1 = (None, 0);
            let mut p2 = (None, 0);
            let mut scratch = Scratch::default();
            let (its, ss) = paragraph(&src, span, &mut p1, true, &mut scratch);
            proptest::prop_assert_eq!(ss, sentences_reference(&src, span));
            proptest::prop_assert_eq!(its, items_reference(&src, span, &mut p2));
            proptest::prop_assert_eq!(p1, p2);
            // The walk's `《》“”` pairs are the byte search's.
            let (refs, quotes) = crate::grammar::reference::refs_and_quotes_reference(&text);
            let marks = scratch.marks.as_deref().unwrap();
            proptest::prop_assert_eq!(marks.walked, Some(span));
            for (a, b) in [(&marks.refs, refs), (&marks.quotes, quotes)] {
                proptest::prop_assert_eq!(&a.pairs, &b.pairs);
                proptest::prop_assert_eq!(&a.unclosed, &b.unclosed);
                proptest::prop_assert_eq!(&a.unmatched, &b.unmatched);
            }
            // The walk's active chars are those `next_active` steps to,
            // and the scan steps through them as it would search.
            proptest::prop_assert_eq!(scratch.walked.span, Some(span));
            proptest::prop_assert_eq!(scratch.walked.line_feed, text.contains('\n'));
            let at = &scratch.walked.at;
            proptest::prop_assert_eq!(at, &crate::inline::active_offsets(&text));
            let mut k = 0;
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(
                    crate::inline::next_walked(at, &mut k, i, text.len()),
                    crate::inline::next_active(&text, i),
                    "from {}", i
                );
            }
            let (its2, ss2) = paragraph(&src, span, &mut (None, 0), false, &mut scratch);
            proptest::prop_assert_eq!(scratch.walked.span, None);
            proptest::prop_assert!(ss2.is_empty());
            proptest::prop_assert_eq!(scratch.marks.as_deref().unwrap().walked, None);
            proptest::prop_assert_eq!(its2, items_reference(&src, span, &mut (None, 0)));
        }
    }

    fn sents(s: &str) -> Vec<&str> {
        sentences(s, Span::new(0, s.len()))
            .into_iter()
            .map(|sp| sp.text(s))
            .collect()
    }

    #[test]
    fn sentences_split_with_balanced_quotes() {
        assert_eq!(
            sents("建立“零距离。服务”机制。推进改革；完成任务！剩余"),
            vec![
                "建立“零距离。服务”机制。",
                "推进改革；",
                "完成任务！",
                "剩余"
            ]
        );
        assert_eq!(
            sents("他说：“好。”然后走了。"),
            vec!["他说：“好。”", "然后走了。"]
        );
        assert_eq!(sents("  \n"), Vec::<&str>::new());
    }

    fn its(s: &str) -> Vec<(u32, &str, &str, bool)> {
        let mut prev = (None, 0);
        items(s, Span::new(0, s.len()), &mut prev)
            .into_iter()
            .map(|i| (i.ordinal, i.marker, i.lead, i.inferred))
            .collect()
    }

    #[test]
    fn shi_items_with_leads() {
        assert_eq!(
            its("一是全面推进审批。加强监管。二是优化环境,提升服务。三是完善制度。"),
            vec![
                (1, "一是", "全面推进审批", false),
                (2, "二是", "优化环境,提升服务", false),
                (3, "三是", "完善制度", false)
            ]
        );
    }

    /// A marker set on a line of its own (a bold marker in the page
    /// source): the lead is the clause on the next line, and its span is
    /// that text.
    #[test]
    fn marker_alone_on_its_line_leads_with_the_next_line() {
        let s = "一是\n企业机制不适应要求。不少企业落后。\n二是\r\n　结构调整滞后。";
        assert_eq!(
            its(s),
            vec![
                (1, "一是", "企业机制不适应要求", false),
                (2, "二是", "结构调整滞后", false)
            ]
        );
        let mut prev = (None, 0);
        for it in items(s, Span::new(0, s.len()), &mut prev) {
            assert_eq!(it.lead_span.text(s), it.lead);
        }
        let di = "第一，\n这次改革着眼于职能。第二，\n精简机构。";
        assert_eq!(
            its(di),
            vec![
                (1, "第一，", "这次改革着眼于职能", false),
                (2, "第二，", "精简机构", false)
            ]
        );
    }

    #[test]
    fn lost_numeral_item_recovered() {
        assert_eq!(
            its("是深入学习法治思想。二是加强领导。"),
            vec![
                (1, "是", "深入学习法治思想", true),
                (2, "二是", "加强领导", false)
            ]
        );
    }

    #[test]
    fn words_are_not_items() {
        assert!(its("这是一项工作,也是统一要求。").is_empty());
        assert!(its("统一是关键").is_empty());
    }

    #[test]
    fn di_and_sequence_items() {
        assert_eq!(
            its("第一，加强领导。第二，完善制度。")
                .iter()
                .map(|x| x.0)
                .collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(
            its("首先，学习。其次，落实。最后，总结。")
                .iter()
                .map(|x| x.0)
                .collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
    }
}

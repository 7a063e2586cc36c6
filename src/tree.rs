//! Pass 2: headings and the section tree.
//!
//! Heading candidates come from the marker grammar line by line; the
//! recovery rules (lost numeral, lost marker, lost punctuation,
//! unnumbered parents) look at the sequence; levels come from a plain
//! stack of open marker families (SPEC §3): the first family seen is level
//! 1, a new family nests below the current one, a family seen before
//! closes back to its level, and the conventional rank settles conflicts.

use std::borrow::Cow;

use nom::Parser;

use crate::ast::MarkerFamily;
use crate::block::{LineInfo, ends_sentence, has_sentence_punct};
use crate::error::{Diagnostic, DiagnosticCode, Diags};
use crate::grammar::heading::{
    Marker, arabic_ordinal, arabic_ordinal_at, bare_arabic_marker, close_paren, cn_ordinal,
    di_marker, heading_marker, is_digit, lost_numeral_marker, shi_marker,
};
use crate::grammar::trivia::pad;
use crate::span::Span;

/// A heading found in the body.
#[derive(Debug, Clone)]
pub(crate) struct HeadingCand<'a> {
    /// First and last line index the heading occupies.
    pub(crate) first_line: usize,
    pub(crate) last_line: usize,
    pub(crate) family: MarkerFamily,
    pub(crate) ordinal: Option<u32>,
    pub(crate) marker: Span,
    pub(crate) title: Span,
    pub(crate) title_text: Cow<'a, str>,
    /// Where the heading ends (after the title and its final punctuation).
    pub(crate) end: usize,
    /// For a run-in heading: where the body text on the same line starts.
    pub(crate) run_in: Option<usize>,
    pub(crate) inferred: bool,
    /// The family an unnumbered heading is the parent of.
    pub(crate) parent_of: Option<MarkerFamily>,
    pub(crate) level: u8,
}

/// The greatest number of chars in a heading title that is not run-in.
const MAX_TITLE_CHARS: usize = 80;
/// The greatest number of chars of a line that can be a recovered heading.
const MAX_RECOVERED_CHARS: usize = 45;
// `LineInfo::chars` saturates: the bounds it is compared with stay below.
const _: () = assert!(MAX_TITLE_CHARS < crate::block::CHARS_CAP as usize);

/// A CJK ideograph (the unified block and extension A).
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The number of chars in `t` and of the [`is_cjk`] ones among them, read
/// from their bytes: CJK are the chars led by `E5..=E9` (U+5000..U+9FFF),
/// `E4` but for `E4 B7` (U+4DC0..U+4DFF, the hexagrams), `E3` with a
/// second byte from `90` (U+3400..U+3FFF).
fn char_and_cjk_counts(t: &str) -> (usize, usize) {
    let b = t.as_bytes();
    let (mut chars, mut cjk, mut i) = (0, 0, 0);
    while let Some(&x) = b.get(i) {
        chars += 1;
        i += match x {
            0xe3..=0xe9 => {
                let b1 = b.get(i + 1).copied().unwrap_or(0);
                cjk += usize::from(match x {
                    0xe3 => b1 >= 0x90,
                    0xe4 => b1 != 0xb7,
                    _ => true,
                });
                3
            }
            0x00..=0x7f => 1,
            0x80..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
    }
    (chars, cjk)
}

/// Does `t` contain padding? Only chars led by the bytes padding starts
/// with (`09 0B 0C 20 C2 E2 E3 EF`) are decoded; ideographs are skipped
/// by their lead byte.
fn has_pad(t: &str) -> bool {
    let lead = |b: u8| matches!(b, 0x09 | 0x0b | 0x0c | 0x20 | 0xc2 | 0xe2 | 0xe3 | 0xef);
    let mut at = 0;
    while let Some(i) = crate::skip::find_char(t, at, lead) {
        match t.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if pad(c) => return true,
            Some(c) => at = i + c.len_utf8(),
            None => return false,
        }
    }
    false
}

/// A title spaced out letter by letter (`总　则`, `综　合`, `附　　则`):
/// every run between the padding is one CJK character. It reads without
/// the padding; any other title is kept as written.
fn despaced(title: &str) -> Cow<'_, str> {
    let spaced = has_pad(title)
        && title
            .split(pad)
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().count() == 1 && w.chars().all(is_cjk));
    if spaced {
        Cow::Owned(title.chars().filter(|&c| !pad(c)).collect())
    } else {
        Cow::Borrowed(title)
    }
}

/// Split the text after a marker into title and run-in body.
/// Returns (title start, title end, heading end, run-in body start),
/// offsets relative to `rest`.
fn split_title(rest: &str) -> (usize, usize, usize, Option<usize>) {
    let mut w = TitleWalk::new(rest);
    let body = rest.get(w.lead..).unwrap_or("");
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // `may_glue` needs a lead byte `E4` among the ideographs (`一`):
        // the others (`E5..=E9`) are not looked at.
        if (b == 0xe4 || !(0xe5..=0xe9).contains(&b)) && w.glued(body, i, may_glue(bytes, i)) {
            return w.glued_at(i);
        }
        if (0xe4..=0xe9).contains(&b) {
            // U+4000..U+9FFF, read from the lead byte: no bracket, stop or
            // dot, and CJK (see `is_cjk`) but for U+4DC0..U+4DFF
            // (`E4 B7 xx`).
            w.prev_cjk = if b == 0xe4 && bytes.get(i + 1) == Some(&0xb7) {
                0
            } else {
                w.prev_cjk + 1
            };
            i += 3;
            continue;
        }
        let Some(c) = body.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        if let Some(found) = w.step(body, i, c) {
            return found;
        }
        i += c.len_utf8();
    }
    w.end(body)
}

/// The state of [`split_title`]'s walk over the text after a marker, and
/// its rules for one char: the title ends at the first `。` or `：`,
/// outside quotes and brackets, or where the page glued the first
/// paragraph to the title (line break lost): see `glued_body`.
struct TitleWalk {
    /// Padding and colons before the title.
    lead: usize,
    /// Quote and bracket depth.
    depth: i32,
    /// CJK chars right before the current one.
    prev_cjk: usize,
    /// A comma seen outside quotes and brackets: a colon after it is
    /// inside a sentence (`…报送县应急管理局，联系人：王明`), not the
    /// title's end.
    comma: bool,
}

impl TitleWalk {
    fn new(rest: &str) -> TitleWalk {
        let lead = rest.len()
            - rest
                .trim_start_matches(|c: char| pad(c) || c == '：' || c == ':')
                .len();
        TitleWalk {
            lead,
            depth: 0,
            prev_cjk: 0,
            comma: false,
        }
    }

    /// Does a glued body start at `i` of `body`? `may` is a necessary
    /// condition the caller has checked (or `true`).
    fn glued(&self, body: &str, i: usize, may: bool) -> bool {
        self.depth == 0 && self.prev_cjk >= 2 && may && glued_body(body, i)
    }

    fn glued_at(&self, i: usize) -> (usize, usize, usize, Option<usize>) {
        let at = self.lead + i;
        (self.lead, at, at, Some(at))
    }

    /// The char `c` at `i` of `body`: where the title stops, if here.
    fn step(
        &mut self,
        body: &str,
        i: usize,
        c: char,
    ) -> Option<(usize, usize, usize, Option<usize>)> {
        let lead = self.lead;
        let cjk_before = self.prev_cjk;
        self.prev_cjk = if is_cjk(c) { self.prev_cjk + 1 } else { 0 };
        match c {
            '“' | '（' | '(' | '《' | '‘' => self.depth += 1,
            '”' | '）' | ')' | '》' | '’' => self.depth = (self.depth - 1).max(0),
            _ => {}
        }
        // An ASCII or fullwidth full stop typed for `。` (`完善制度.制定…`):
        // after a CJK character, before a CJK character or the line end.
        let dot_stop = matches!(c, '.' | '．')
            && cjk_before >= 2
            && body
                .get(i + c.len_utf8()..)
                .and_then(|r| r.trim_start_matches(pad).chars().next())
                .is_none_or(is_cjk);
        let colon = matches!(c, '：' | ':') && !self.comma;
        if self.depth == 0 && matches!(c, '，' | ',') {
            self.comma = true;
        }
        if self.depth == 0 && (matches!(c, '。' | '！' | '？') || colon || dot_stop) {
            let after = i + c.len_utf8();
            let tail = body.get(after..).unwrap_or("");
            let tail_trim = tail.trim_start_matches(pad);
            let run_in =
                (!tail_trim.is_empty()).then(|| lead + after + (tail.len() - tail_trim.len()));
            return Some((lead, lead + i, lead + after, run_in));
        }
        None
    }

    /// No stop in `body`: the whole text is the title, trailing padding
    /// and `；，：` left out.
    fn end(&self, body: &str) -> (usize, usize, usize, Option<usize>) {
        let t = body.trim_end_matches(|c: char| {
            pad(c) || matches!(c, '；' | ';' | '，' | ',' | '：' | ':')
        });
        (self.lead, self.lead + t.len(), self.lead + body.len(), None)
    }
}

/// [`split_title`] decoding every char and trying `glued_body` at each
/// (the tested reference for its lead-byte skip and `may_glue`).
#[cfg(test)]
fn split_title_reference(rest: &str) -> (usize, usize, usize, Option<usize>) {
    let mut w = TitleWalk::new(rest);
    let body = rest.get(w.lead..).unwrap_or("");
    for (i, c) in body.char_indices() {
        if w.glued(body, i, true) {
            return w.glued_at(i);
        }
        if let Some(found) = w.step(body, i, c) {
            return found;
        }
    }
    w.end(body)
}

/// Is a marked line ending in `；` a heading (`（一）兜牢民生底线；` then a
/// paragraph) rather than a list item: a short title with no other clause
/// punctuation, and the next non-blank line is prose that is neither a
/// marked line nor another `；` item.
fn semicolon_heading(lines: &[LineInfo<'_>], i: usize, hi: usize, body: &str) -> bool {
    let title = body.trim_end_matches(|c: char| pad(c) || matches!(c, '；' | ';'));
    let short = (2..=24).contains(&title.chars().count())
        && !title.contains(['，', ',', '。', '；', ';', '：', ':', '、']);
    let next = (i + 1..hi)
        .filter_map(|k| lines.get(k))
        .find(|x| !x.is_blank());
    short
        && next.is_some_and(|n| {
            heading_marker(n.text).is_err()
                && shi_marker(n.text).is_err()
                && !n.text.ends_with(['；', ';'])
                && ends_sentence(n.text)
        })
}

/// Does a paragraph glued to the heading's title (its line break lost)
/// start at byte `i` of `body`, right after two or more CJK characters: a
/// year clause `2023年，…`, a first sub-heading `（一）…`, or a first
/// enumeration item `一是…` with a `二是` after it?
fn glued_body(body: &str, i: usize) -> bool {
    let Some(t) = body.get(i..) else { return false };
    let year_clause = after_year(t).is_some_and(|r| r.starts_with("年，") || r.starts_with("年,"));
    year_clause
        || t.starts_with("（一）")
        || t.starts_with("(一)")
        || t.starts_with("一是") && t.contains("二是")
}

/// A necessary condition for [`glued_body`] at byte `i`: every form it
/// accepts starts with an ASCII digit, a fullwidth one (`EF BC 90..99`),
/// `（` (`EF BC 88`), `(` or `一` (`E4 B8 80`). One or two byte compares for
/// the ideographs of a title.
#[inline(always)]
fn may_glue(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..),
        Some(
            [b'0'..=b'9' | b'(', ..]
                | [0xef, 0xbc, 0x88 | 0x90..=0x99, ..]
                | [0xe4, 0xb8, 0x80, ..]
        )
    )
}

/// Is the line a short standalone line that could be a heading whose
/// marker was lost, or an unnumbered heading: no sentence punctuation,
/// not ending in `：；，`, not led by `——`, not too long.
pub(crate) fn heading_like(l: &LineInfo<'_>, max_chars: usize) -> bool {
    let t = l.text;
    // The byte length first (a char is at most four bytes: a longer text
    // has too many chars; the count saturates at `CHARS_CAP`), then the
    // tests on the ends, then the chars counted once, then the walks over
    // the whole text.
    if max_chars < crate::block::CHARS_CAP as usize && t.len() > 4 * max_chars {
        return false;
    }
    if t.ends_with(['：', ':', '；', ';', '，', ',', '、'])
        || t.starts_with(['—', '―', '-', '（', '(', '《', '注', '*', '●'])
        || !t
            .chars()
            .next()
            .is_some_and(|c| is_cjk(c) || c == '“' || is_digit(c))
    {
        return false;
    }
    // (A short text: both counts from one walk. The count `LineInfo`
    // gives saturates, above `max_chars` only.)
    let (chars, cjk) = if max_chars < crate::block::CHARS_CAP as usize {
        char_and_cjk_counts(t)
    } else {
        (l.chars() as usize, char_and_cjk_counts(t).1)
    };
    chars >= 2 && chars <= max_chars && !has_sentence_punct(t) && cjk * 2 >= chars
}

/// Is line `i` set off from the paragraphs around it: the previous and the
/// next non-blank lines are separate blocks (a blank line between, or they
/// end/start a sentence or are headings)?
fn standalone(lines: &[LineInfo<'_>], i: usize, lo: usize, hi: usize) -> bool {
    let prev_ok = i == lo
        || lines.get(i - 1).is_some_and(|p| {
            p.is_blank()
                || ends_sentence(p.text)
                || p.chars_at_most(MAX_TITLE_CHARS as u32) && !has_sentence_punct(p.text)
        });
    let next_ok = i + 1 >= hi
        || lines
            .get(i + 1)
            .is_some_and(|n| n.is_blank() || !n.chars_at_most(0));
    prev_ok && next_ok
}

/// The line after heading line `i`, when it is the rest of a title broken
/// by a line end: right below it, short, no sentence punctuation, colon or
/// digits, no marker, and then a blank line (or the end); when the heading
/// line ends in `，`/`、` (the break is mid-clause), a marked line or a
/// full sentence may follow instead; on a wrapped page, where the
/// heading's full line runs on into it ([`logical_last`]), anything.
fn title_continuation<'l, 'a>(
    lines: &'l [LineInfo<'a>],
    i: usize,
    hi: usize,
) -> Option<&'l LineInfo<'a>> {
    let l = lines.get(i)?;
    let c = lines.get(i + 1).filter(|_| i + 1 < hi)?;
    let t = c.text;
    let ok = !c.is_blank()
        && heading_like(c, 20)
        && !t.contains(['：', ':'])
        && !t
            .chars()
            .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
        && !t.starts_with(['表', '图', '注', '附'])
        && !t.starts_with("单位")
        && heading_marker(t).is_err()
        && shi_marker(t).is_err()
        && di_marker(t).is_err()
        && lost_numeral_marker(t).is_err();
    if !ok {
        return None;
    }
    let mid_clause = l.text.ends_with(['，', ',', '、']);
    let after_ok = i + 2 >= hi
        || lines.get(i + 2).is_none_or(|a| {
            a.is_blank() || mid_clause && (heading_marker(a.text).is_ok() || ends_sentence(a.text))
        })
        // On a wrapped page the title's full first line runs on into its
        // short rest, and the body follows.
        || logical_last(lines, i, hi) == i + 1;
    after_ok.then_some(c)
}

/// Does the text after a circled or arabic-paren marker go on to the next
/// marker of its sequence after a clause end (`①深化改革；②推进…`)? Then
/// the line is an enumeration inside a paragraph.
fn inline_enumeration(m: Marker, body: &str) -> bool {
    let Some(n) = m.ordinal else { return false };
    let k = n + 1;
    let starts_next = |rest: &str| match m.family {
        MarkerFamily::Circled => char::from_u32(0x2460 + n)
            .filter(|c| ('①'..='⑳').contains(c))
            .is_some_and(|c| rest.starts_with(c)),
        MarkerFamily::ArabicParen => {
            let Some(inner) = rest.strip_prefix(['（', '(']) else {
                return false;
            };
            arabic_ordinal_at(inner).is_some_and(|(r, v)| v == k && r.starts_with(['）', ')']))
        }
        _ => false,
    };
    if !matches!(m.family, MarkerFamily::Circled | MarkerFamily::ArabicParen) {
        return false;
    }
    body.char_indices()
        .filter(|&(_, c)| matches!(c, '；' | ';' | '。' | '，' | ','))
        .any(|(at, c)| {
            body.get(at + c.len_utf8()..)
                .is_some_and(|r| starts_next(r.trim_start_matches(pad)))
        })
}

/// Recognise the heading on line `i`, if its marker says it is one.
/// `marker` is `heading_marker` of the line's text (the caller has it).
fn marked_heading<'a>(
    src: &'a str,
    lines: &[LineInfo<'a>],
    i: usize,
    hi: usize,
    marker: Option<(&'a str, Marker)>,
) -> Option<HeadingCand<'a>> {
    let l = lines.get(i)?;
    let t = l.text;
    let mk = |m: Marker, mlen: usize, rest: &'a str, inferred: bool| -> Option<HeadingCand<'a>> {
        let rest_base = l.t0() + mlen;
        let (ts, te, he, run) = split_title(rest);
        let title = rest.get(ts..te).unwrap_or("");
        Some(HeadingCand {
            first_line: i,
            last_line: i,
            family: m.family,
            ordinal: m.ordinal,
            marker: Span::new(l.t0(), l.t0() + mlen),
            title: Span::new(rest_base + ts, rest_base + te),
            title_text: despaced(title),
            end: rest_base + he,
            run_in: run.map(|r| rest_base + r),
            inferred,
            parent_of: None,
            level: 0,
        })
    };
    if let Some((rest, m)) = marker {
        let mlen = t.len() - rest.len();
        let body = rest.trim_start_matches(pad);
        // In-body list lines (`二、…；`) and dates/quantities are not headings.
        // A short one-clause line ending in `；` followed by a prose line
        // (not the next item) is a heading written with a stray `；`.
        if logical_end(lines, i, hi).ends_with(['；', ';'])
            && m.family != MarkerFamily::Article
            && !semicolon_heading(lines, i, hi, body)
        {
            return None;
        }
        // `①…；②…；③…。` on one line: an inline enumeration, not a heading.
        if inline_enumeration(m, body) {
            return None;
        }
        // `第二十条第（一）项`, `第三章之二`: a citation, not a heading.
        if matches!(m.family, MarkerFamily::Article | MarkerFamily::Part)
            && body.starts_with(['第', '之', '款', '项', '（', '('])
        {
            return None;
        }
        if m.family == MarkerFamily::Cn
            && body.starts_with(|c: char| cn_ordinal(c.encode_utf8(&mut [0; 4])).is_ok())
            && body
                .chars()
                .nth(1)
                .is_some_and(|c| matches!(c, '季' | '月' | '类' | '种' | '项' | '级' | '批' | '档'))
        {
            return None;
        }
        // A marker alone on its line with its title on the next line
        // (`（一）` / `加强领导`): one heading split over two lines.
        if body.is_empty() {
            let next = (i + 1..hi).find(|&k| lines.get(k).is_some_and(|x| !x.is_blank()));
            if let Some((k, tl)) = next.and_then(|k| lines.get(k).map(|tl| (k, tl))) {
                if k == i + 1
                    && heading_like(tl, MAX_RECOVERED_CHARS)
                    && heading_marker(tl.text).is_err()
                {
                    return Some(HeadingCand {
                        first_line: i,
                        last_line: k,
                        family: m.family,
                        ordinal: m.ordinal,
                        marker: Span::new(l.t0(), l.t0() + mlen),
                        title: Span::new(tl.t0(), tl.t1()),
                        title_text: Cow::Borrowed(tl.text),
                        end: tl.t1(),
                        run_in: None,
                        inferred: false,
                        parent_of: None,
                        level: 0,
                    });
                }
            }
        }
        let mut h = mk(m, mlen, rest, false)?;
        if h.run_in.is_none() && h.title.len() / 3 > MAX_TITLE_CHARS * 2 {
            return None;
        }
        // A title broken by a line end (`一、坚持系统谋划，营商环境` /
        // `制度体系持续完善` / blank line): the short continuation is part
        // of the title.
        if h.run_in.is_none()
            && h.end == l.t1()
            && m.family != MarkerFamily::Article
            && !t.ends_with(['。', '：', ':', '；', ';', '！', '？', '.', '．'])
        {
            if let Some(c) = title_continuation(lines, i, hi) {
                let title_chars = h.title_text.chars().count() + c.chars() as usize;
                if title_chars <= MAX_RECOVERED_CHARS {
                    let mut joined = h.title_text.into_owned();
                    joined.push_str(c.text);
                    h.title_text = Cow::Owned(joined);
                    h.title = Span::new(h.title.start(), c.t1());
                    h.end = c.t1();
                    h.last_line = i + 1;
                }
            }
        }
        return Some(h);
    }
    // A standalone `一是…。` / `第一，…` line (nothing after its first
    // sentence). A marker alone on its line is a split enumeration item.
    if let Ok((rest, m)) = shi_marker(t).or_else(|_| di_marker(t)) {
        let mlen = t.len() - rest.len();
        // On a wrapped page the item may run over lines: its logical line
        // is the line the rule reads (a standalone item broken by the
        // page is a heading; the first line of a longer item is not).
        let last = logical_last(lines, i, hi);
        if last > i {
            return wrapped_item_heading(lines, i, last, m, mlen);
        }
        // The cheap tests first: the title walk only for a short line.
        let one_sentence =
            l.chars_at_most(60) && !rest.contains(['；', ';']) && split_title(rest).3.is_none();
        if one_sentence
            && !rest.trim_matches(pad).is_empty()
            && (ends_sentence(t) || !has_sentence_punct(rest) && l.chars_at_most(40))
        {
            return mk(m, mlen, rest, false);
        }
        return None;
    }
    // `（` alone, then `三）…`: a paren marker split over two lines.
    if matches!(t, "（" | "(") {
        let next = lines.get(i + 1).filter(|_| i + 1 < hi)?;
        let (rest, n) = (cn_ordinal, close_paren)
            .map(|(n, _)| n)
            .parse(next.text)
            .ok()?;
        let m = Marker {
            family: MarkerFamily::CnParen,
            ordinal: Some(n),
        };
        let mlen = next.text.len() - rest.len();
        let (ts, te, he, run) = split_title(rest);
        let base = next.t0() + mlen;
        return Some(HeadingCand {
            first_line: i,
            last_line: i + 1,
            family: m.family,
            ordinal: m.ordinal,
            marker: Span::new(l.t0(), base),
            title: Span::new(base + ts, base + te),
            title_text: Cow::Borrowed(rest.get(ts..te).unwrap_or("")),
            end: base + he,
            run_in: run.map(|r| base + r),
            inferred: false,
            parent_of: None,
            level: 0,
        });
    }
    // A bare CJK numeral line: `一` alone, possibly followed by a `、`
    // line and the title line (a heading split over lines).
    if let Ok((rest, n)) = cn_ordinal(t) {
        if rest.is_empty() && n <= 50 {
            let m = Marker {
                family: MarkerFamily::Cn,
                ordinal: Some(n),
            };
            let mut j = i + 1;
            while j < hi && lines.get(j).is_some_and(|x| x.is_blank()) {
                j += 1;
            }
            if let Some(p) = lines
                .get(j)
                .filter(|p| j < hi && matches!(p.text, "、" | "." | "．"))
            {
                let mut k = j + 1;
                while k < hi && lines.get(k).is_some_and(|x| x.is_blank()) {
                    k += 1;
                }
                if let Some(tl) = lines
                    .get(k)
                    .filter(|tl| k < hi && heading_like(tl, MAX_TITLE_CHARS))
                {
                    return Some(HeadingCand {
                        first_line: i,
                        last_line: k,
                        family: m.family,
                        ordinal: m.ordinal,
                        marker: Span::new(l.t0(), p.t1()),
                        title: Span::new(tl.t0(), tl.t1()),
                        title_text: Cow::Borrowed(tl.text),
                        end: tl.t1(),
                        run_in: None,
                        inferred: false,
                        parent_of: None,
                        level: 0,
                    });
                }
            }
            let _ = src;
            return Some(HeadingCand {
                first_line: i,
                last_line: i,
                family: m.family,
                ordinal: m.ordinal,
                marker: Span::new(l.t0(), l.t1()),
                title: Span::empty(l.t1()),
                title_text: Cow::Borrowed(""),
                end: l.t1(),
                run_in: None,
                inferred: false,
                parent_of: None,
                level: 0,
            });
        }
    }
    None
}

/// The narrowest line a wrapped page's full line can be, in columns
/// ([`crate::inline::wrap::columns`]): 20 ideographs.
const WRAPPED_MIN_COLUMNS: usize = 40;

/// Line `i` (with a heading marker) goes on a sentence that a page wrapped
/// at a fixed width broke (PDF text): the line before it is body text (no
/// heading) that ends in a word char, a clause mark (`，` `、` `；`) or a
/// closing quote or bracket, at least [`WRAPPED_MIN_COLUMNS`]
/// wide, and a full line of its page: about as wide as line `i` or as
/// the line before it. `…全市共办理案件` / `三、四类案件同比下降…` is one
/// sentence, not a heading `三、`.
fn wrapped_continuation(
    lines: &[LineInfo<'_>],
    lo: usize,
    i: usize,
    out: &[HeadingCand<'_>],
) -> bool {
    use crate::inline::wrap::{columns, word};
    if i <= lo || out.last().is_some_and(|h| h.last_line + 1 == i) {
        return false;
    }
    let Some(p) = lines.get(i - 1).filter(|p| !p.is_blank()) else {
        return false;
    };
    // Mid-sentence: a word char, a clause mark or a closing quote or
    // bracket last (a full line ending in `；` runs on too: an in-body
    // list's item is no heading either way).
    if !p
        .text
        .trim_end_matches(pad)
        .chars()
        .next_back()
        .is_some_and(|c| {
            word(c)
                || matches!(
                    c,
                    '，' | '、' | ',' | '；' | ';' | '”' | '’' | '》' | '）' | ')'
                )
        })
    {
        return false;
    }
    let wp = columns(p.text);
    if wp < WRAPPED_MIN_COLUMNS {
        return false;
    }
    let slack = (wp / 5).max(4);
    let full = |w: usize| w + slack >= wp && w <= wp + slack;
    lines.get(i).is_some_and(|l| columns(l.text) + slack >= wp)
        || i - 1 > lo
            && lines
                .get(i - 2)
                .is_some_and(|q| !q.is_blank() && full(columns(q.text)))
}

/// The narrowest full line [`logical_last`] runs on from, in columns (15
/// ideographs: a PDF page of two or three text columns); below
/// [`WRAPPED_MIN_COLUMNS`] only into another full line.
const NARROW_WRAPPED_COLUMNS: usize = 30;

/// The most lines [`logical_last`] joins into one logical line.
const MAX_LOGICAL_LINES: usize = 32;

/// The last line of the logical line that line `i` starts: on a page
/// wrapped at a fixed width, a full line (at least [`WRAPPED_MIN_COLUMNS`],
/// or [`NARROW_WRAPPED_COLUMNS`] when the next line is as full as it)
/// that does not end a sentence or clause runs on into the next
/// (non-blank, unmarked, not wider) line, and so on while the lines stay
/// full (a paragraph's last line is short). `i` itself when it does not
/// run on.
fn logical_last(lines: &[LineInfo<'_>], i: usize, hi: usize) -> usize {
    use crate::inline::wrap::columns;
    const TERMINAL: [char; 9] = ['。', '！', '？', '；', ';', '：', ':', '!', '?'];
    // The cheap tests first: most lines end a sentence, are short (a
    // column takes at least a byte) or have no unmarked line after them.
    let Some(first) = lines.get(i) else {
        return i;
    };
    let runs_on_at_all = first.text.len() >= NARROW_WRAPPED_COLUMNS
        && !first.text.trim_end_matches(pad).ends_with(TERMINAL)
        && i + 1 < hi
        && lines
            .get(i + 1)
            .is_some_and(|n| !n.is_blank() && heading_marker(n.text).is_err());
    if !runs_on_at_all {
        return i;
    }
    let width = columns(first.text);
    if width < NARROW_WRAPPED_COLUMNS {
        return i;
    }
    let slack = (width / 5).max(4);
    // A narrow line runs on only into a full line: a title over a short
    // line (a web page's `恢复窄屏`, a date) is no wrapped paragraph.
    if width < WRAPPED_MIN_COLUMNS
        && lines
            .get(i + 1)
            .is_none_or(|n| columns(n.text) + slack < width)
    {
        return i;
    }
    let mut k = i;
    // Bounded: asked at every marker line, a walk to the end of a long run
    // of full lines at each would be quadratic.
    let stop = hi.min(i.saturating_add(MAX_LOGICAL_LINES));
    while k + 1 < stop {
        let Some(next) = lines.get(k + 1).filter(|n| !n.is_blank()) else {
            break;
        };
        if heading_marker(next.text).is_err() {
            let wn = columns(next.text);
            // No line of a wrapped page is wider than its full lines: a
            // wider next line is a web page's paragraph (after a heading).
            if wn > width + slack {
                break;
            }
            k += 1;
            // The line joined goes on only when it is full itself (a
            // paragraph's last line is short).
            if wn + slack < width {
                break;
            }
        } else {
            break;
        }
    }
    k
}

/// A standalone `一是…。` / `第一，…` item over lines `i..=last` (one
/// logical line of a wrapped page, marker `m` of `mlen` bytes): read as
/// [`marked_heading`] reads one line, the title joined over the lines.
fn wrapped_item_heading<'a>(
    lines: &[LineInfo<'a>],
    i: usize,
    last: usize,
    m: Marker,
    mlen: usize,
) -> Option<HeadingCand<'a>> {
    // The joined text, and where each line's part of it starts.
    let mut joined = String::new();
    let mut parts: Vec<(usize, usize, usize)> = Vec::new(); // (offset, len, source start)
    for k in i..=last {
        let x = lines.get(k)?;
        parts.push((joined.len(), x.text.len(), x.t0()));
        joined.push_str(x.text);
    }
    let rest = joined.get(mlen..)?;
    let chars = joined.chars().count();
    let one_sentence = chars <= 60 && !rest.contains(['；', ';']) && split_title(rest).3.is_none();
    if !(one_sentence
        && !rest.trim_matches(pad).is_empty()
        && (ends_sentence(&joined) || !has_sentence_punct(rest) && chars <= 40))
    {
        return None;
    }
    // An offset of the joined text as an input offset (an end at a line's
    // end stays on that line).
    let at = |x: usize| {
        parts
            .iter()
            .find(|&&(o, n, _)| x <= o + n)
            .map_or(0, |&(o, _, s)| s + (x - o))
    };
    let (ts, te, he, _) = split_title(rest);
    let first = lines.get(i)?;
    Some(HeadingCand {
        first_line: i,
        last_line: last,
        family: m.family,
        ordinal: m.ordinal,
        marker: Span::new(first.t0(), first.t0() + mlen),
        title: Span::new(at(mlen + ts).max(first.t0() + mlen), at(mlen + te)),
        title_text: Cow::Owned(despaced(rest.get(ts..te).unwrap_or("")).into_owned()),
        end: at(mlen + he),
        run_in: None,
        inferred: false,
        parent_of: None,
        level: 0,
    })
}

/// Does line `i` run on into a full line ([`logical_last`]): the first
/// line of a wrapped paragraph of three lines or more, or of two equally
/// full ones? (A line running on into a short one may be a title over a
/// short line.)
fn runs_into_full_line(lines: &[LineInfo<'_>], i: usize, hi: usize) -> bool {
    use crate::inline::wrap::columns;
    let last = logical_last(lines, i, hi);
    last > i + 1
        || last == i + 1
            && lines.get(i).zip(lines.get(i + 1)).is_some_and(|(l, n)| {
                let w = columns(l.text);
                columns(n.text) + (w / 5).max(4) >= w
            })
}

/// The text of the last line of the logical line line `i` starts
/// ([`logical_last`]).
fn logical_end<'a>(lines: &[LineInfo<'a>], i: usize, hi: usize) -> &'a str {
    lines.get(logical_last(lines, i, hi)).map_or("", |l| l.text)
}

/// The most headings [`headings`] reserves room for at once.
const MAX_HEADINGS_RESERVED: usize = 1 << 12;

/// Find every heading in lines `lo..hi` and give each its level.
pub(crate) fn headings<'a>(
    src: &'a str,
    lines: &[LineInfo<'a>],
    lo: usize,
    hi: usize,
    recover: bool,
    diags: &mut Diags,
) -> Vec<HeadingCand<'a>> {
    // At most one heading a non-blank line: room for that many, so that
    // the list is not regrown (each regrowth copied every heading so far);
    // past `MAX_HEADINGS_RESERVED` it grows as usual (a text of a million
    // short lines does not reserve room for a million headings at once).
    let cap = lines.get(lo..hi).map_or(0, |b| {
        b.iter()
            .filter(|l| !l.is_blank())
            .count()
            .min(MAX_HEADINGS_RESERVED)
    });
    let mut out: Vec<HeadingCand<'a>> = Vec::with_capacity(cap);
    let mut list_run: Option<(MarkerFamily, u32, bool)> = None;
    let mut i = lo;
    while i < hi {
        let Some(l) = lines.get(i) else { break };
        if l.is_blank() {
            i += 1;
            continue;
        }
        // In-body lists: `一、…；` `二、…；` … `五、…。` after a line ending
        // in `：` are list items, the last one (ending in `。`) included.
        let marker = heading_marker(l.text).ok();
        if let Some((rest, m)) = marker {
            let continues =
                list_run.is_some_and(|(f, n, _)| f == m.family && m.ordinal == Some(n + 1));
            let any_end = continues && list_run.is_some_and(|r| r.2);
            // On a wrapped page the item runs over its logical line.
            let last = logical_last(lines, i, hi);
            let end = lines.get(last).map_or(l.text, |e| e.text);
            if end.ends_with(['；', ';'])
                && (m.family == MarkerFamily::Article
                    || !semicolon_heading(lines, i, hi, rest.trim_start_matches(pad)))
                || continues && (any_end || ends_sentence(end) || end.ends_with(['；', ';']))
            {
                list_run = m.ordinal.map(|n| (m.family, n, any_end));
                i = last + 1;
                continue;
            }
        }
        list_run = None;
        // A marker a wrapped page moved to a line's start, mid-sentence.
        if marker.is_some() && wrapped_continuation(lines, lo, i, &out) {
            i += 1;
            continue;
        }
        // `附件：1.…` starts a list of attachment titles: `2.…` `3.…` after
        // it are list items, not headings.
        if let Some(rest) = l
            .text
            .strip_prefix("附件")
            .and_then(|r| r.strip_prefix(['：', ':']))
        {
            let rest = rest.trim_start_matches(pad);
            // `附件：1.2024年…`: the item's title may start with digits.
            let numbered = (arabic_ordinal, nom::character::complete::one_of(".．、"))
                .map(|(n, _)| Marker {
                    family: MarkerFamily::Arabic,
                    ordinal: Some(n),
                })
                .parse(rest);
            if let Ok((_, m)) = heading_marker(rest).or(numbered) {
                list_run = m.ordinal.map(|n| (m.family, n, true));
                i += 1;
                continue;
            }
        }
        if let Some(h) = marked_heading(src, lines, i, hi, marker) {
            if h.last_line > h.first_line {
                diags.push(Diagnostic::new(
                    DiagnosticCode::HeadingSplit,
                    Span::new(l.t0(), h.end),
                    "heading split over several lines, joined",
                ));
            }
            i = h.last_line + 1;
            out.push(h);
            continue;
        }
        if recover {
            // Numeral lost: `、坚持…`.
            if let Ok((rest, m)) = lost_numeral_marker(l.text) {
                let (ts, te, he, run) = split_title(rest);
                let as_line = |t: &'a str| l.with_text(t);
                // The line must start a block: after a blank line, a full
                // sentence, a colon or a heading line (not a run-in one,
                // whose body runs on). (A line wrapped by the page
                // just before a `、` starts with one too, mid-sentence.) Then
                // a short title, or a run-in or full-stopped one
                // (`（）加强执法监督。…`), counts.
                let starts_block = i == lo
                    || lines.get(i - 1).is_some_and(|p| {
                        p.is_blank() || ends_sentence(p.text) || p.text.ends_with(['：', ':'])
                    })
                    || out
                        .last()
                        .is_some_and(|h| h.last_line + 1 == i && h.run_in.is_none());
                if starts_block
                    && (heading_like(&as_line(rest), MAX_RECOVERED_CHARS)
                        || heading_like(
                            &as_line(rest.get(ts..te).unwrap_or("")),
                            MAX_RECOVERED_CHARS,
                        ))
                {
                    let mlen = l.text.len() - rest.len();
                    let base = l.t0() + mlen;
                    out.push(HeadingCand {
                        first_line: i,
                        last_line: i,
                        family: m.family,
                        ordinal: None,
                        marker: Span::new(l.t0(), base),
                        title: Span::new(base + ts, base + te),
                        title_text: Cow::Borrowed(rest.get(ts..te).unwrap_or("")),
                        end: base + he,
                        run_in: run.map(|r| base + r),
                        inferred: true,
                        parent_of: None,
                        level: 0,
                    });
                    i += 1;
                    continue;
                }
            }
            // Punctuation lost: `1保障粮油生产。…`, kept only when the
            // arabic sequence expects exactly this ordinal.
            if let Ok((rest, m)) = bare_arabic_marker(l.text) {
                let expected = out
                    .iter()
                    .rev()
                    .find(|h| h.family.rank() <= MarkerFamily::Arabic.rank())
                    .filter(|h| h.family == MarkerFamily::Arabic)
                    .and_then(|h| h.ordinal)
                    .map(|n| n + 1);
                // `01综合` / `０１综合`: a zero-padded number is never a
                // quantity.
                let zero_padded = l.text.starts_with(['0', '０'])
                    && l.text
                        .get(..l.text.len() - rest.len())
                        .is_some_and(|m| m.chars().count() == 2);
                let short_title = heading_like(&l.with_text(rest), 20);
                if (expected.is_some() && expected == m.ordinal || zero_padded && short_title)
                    && !starts_with_unit(rest)
                {
                    let mlen = l.text.len() - rest.len();
                    let (ts, te, he, run) = split_title(rest);
                    let base = l.t0() + mlen;
                    diags.push_with(
                        DiagnosticCode::HeadingPunctuationLost,
                        Span::new(l.t0(), base),
                        || {
                            format!(
                                "heading marker without punctuation read as `{}.`",
                                m.ordinal.unwrap_or(0)
                            )
                        },
                    );
                    out.push(HeadingCand {
                        first_line: i,
                        last_line: i,
                        family: m.family,
                        ordinal: m.ordinal,
                        marker: Span::new(l.t0(), base),
                        title: Span::new(base + ts, base + te),
                        title_text: Cow::Borrowed(rest.get(ts..te).unwrap_or("")),
                        end: base + he,
                        run_in: run.map(|r| base + r),
                        inferred: true,
                        parent_of: None,
                        level: 0,
                    });
                    i += 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    keep_word_runs(&mut out);
    keep_article_runs(&mut out);
    if recover {
        number_lost_numerals(&mut out, diags);
        fill_gaps(lines, lo, hi, &mut out, diags);
        unnumbered_parents(lines, lo, hi, &mut out, diags);
    }
    out
}

/// Articles (`第一条`) are numbered through a regulation from 1: an
/// article that neither starts that count nor continues it (a lone
/// `第二十条` in a report, citing a regulation) is not a heading.
fn keep_article_runs(out: &mut Vec<HeadingCand<'_>>) {
    let mut last: Option<u32> = None;
    out.retain(|h| {
        if h.family != MarkerFamily::Article {
            return true;
        }
        let n = h.ordinal.unwrap_or(0);
        let ok = n == 1 || last.is_some_and(|l| n > l && n <= l + 3);
        if ok {
            last = Some(n);
        }
        ok
    });
}

/// Standalone `一是…。` / `第一，…` lines are headings only in runs:
/// ordinal 1 followed by 2, or continuing the previous one. A lone
/// `五是…。` after `一是…` paragraphs is the last enumeration item, not a
/// heading.
fn keep_word_runs(out: &mut Vec<HeadingCand<'_>>) {
    let mut keep = vec![true; out.len()];
    for fam in [MarkerFamily::Shi, MarkerFamily::Di] {
        let mut last_kept: Option<u32> = None;
        for k in 0..out.len() {
            let Some(h) = out.get(k) else { continue };
            if h.family != fam {
                if h.family.is_ranked() && h.family.rank() < fam.rank() {
                    last_kept = None;
                }
                continue;
            }
            let n = h.ordinal.unwrap_or(0);
            let next_is_successor = out
                .get(k + 1..)
                .unwrap_or(&[])
                .iter()
                .take_while(|x| !x.family.is_ranked() || x.family.rank() > fam.rank())
                .find(|x| x.family == fam)
                .is_some_and(|x| x.ordinal == Some(n + 1));
            let ok = last_kept == Some(n.saturating_sub(1)) && n > 1 || n == 1 && next_is_successor;
            if let Some(slot) = keep.get_mut(k) {
                *slot = ok;
            }
            if ok {
                last_kept = Some(n);
            }
        }
    }
    let mut it = keep.into_iter();
    out.retain(|_| it.next().unwrap_or(true));
}

/// Does `s` start with a character that makes the digits before it a
/// quantity or date rather than a heading number?
fn starts_with_unit(s: &str) -> bool {
    s.starts_with([
        '年', '月', '日', '号', '时', '分', '秒', '万', '亿', '千', '百', '十', '个', '项', '件',
        '名', '人', '次', '家', '户', '条', '元', '多', '余', '届', '期', '批', '倍', '类', '天',
        '周', '岁', '位', '所', '座', '台', '辆', '吨', '亩', '米', '公', '平', '立', '千', '场',
        '起', '宗', '份', '篇', '部', '本', '床', '套', '间',
    ])
}

/// Give headings whose numeral was lost the ordinal the sequence expects.
fn number_lost_numerals(out: &mut [HeadingCand<'_>], diags: &mut Diags) {
    for k in 0..out.len() {
        let Some(h) = out.get(k) else { continue };
        if h.ordinal.is_some() || h.family == MarkerFamily::None {
            continue;
        }
        let fam = h.family;
        // The previous sibling of the same family, unless a higher family
        // intervened (which restarts the sequence).
        let mut prev = 0;
        for p in out.get(..k).unwrap_or(&[]).iter().rev() {
            if p.family == fam {
                prev = p.ordinal.unwrap_or(prev);
                break;
            }
            if p.family.rank() < fam.rank() {
                break;
            }
        }
        let n = prev + 1;
        let span = h.marker;
        if let Some(h) = out.get_mut(k) {
            h.ordinal = Some(n);
        }
        diags.push_with(DiagnosticCode::HeadingNumeralLost, span, || {
            format!("heading numeral lost; read as ordinal {n} from the sequence")
        });
    }
}

/// Fill gaps in a sequence (`四、` … `六、`) with short standalone lines
/// between the two that are followed by content: headings whose marker
/// was lost entirely.
fn fill_gaps<'a>(
    lines: &[LineInfo<'a>],
    lo: usize,
    hi: usize,
    out: &mut Vec<HeadingCand<'a>>,
    diags: &mut Diags,
) {
    let mut inserts: Vec<HeadingCand<'a>> = Vec::new();
    // Lines headings take, including the ones recovered here (a line is
    // recovered once, for the first gap that claims it).
    let mut taken = taken_lines(out, lines.len());
    for k in 0..out.len() {
        let Some(h) = out.get(k) else { continue };
        let (fam, Some(n)) = (h.family, h.ordinal) else {
            continue;
        };
        if n < 2
            || !matches!(
                fam,
                MarkerFamily::Cn | MarkerFamily::CnParen | MarkerFamily::Part
            )
        {
            continue;
        }
        // Previous sibling: same family with no higher family between.
        let mut prev: Option<(usize, u32)> = None;
        let mut boundary_line = lo;
        for p in out.get(..k).unwrap_or(&[]).iter().rev() {
            if p.family == fam {
                prev = p.ordinal.map(|o| (p.last_line, o));
                break;
            }
            if p.family.rank() < fam.rank() {
                boundary_line = p.last_line + 1;
                break;
            }
        }
        let (from_line, prev_n) = match prev {
            Some((line, o)) => (line + 1, o),
            None if fam == MarkerFamily::Cn || boundary_line > lo => (boundary_line, 0),
            None => continue,
        };
        if n <= prev_n + 1 || n - prev_n > 3 {
            continue;
        }
        let mut want = prev_n + 1;
        let mut j = from_line;
        while j < h.first_line && want < n {
            let Some(l) = lines.get(j) else { break };
            if !l.is_blank()
                && !taken.get(j).copied().unwrap_or(false)
                && heading_like(l, MAX_RECOVERED_CHARS)
                && standalone(lines, j, lo, hi)
                && logical_last(lines, j, hi) == j
                && followed_by_content(lines, j, h.first_line)
                && (prev.is_some() || want > 1 || j > from_line)
            {
                let mut c = HeadingCand {
                    first_line: j,
                    last_line: j,
                    family: fam,
                    ordinal: Some(want),
                    marker: Span::empty(l.t0()),
                    title: Span::new(l.t0(), l.t1()),
                    title_text: Cow::Borrowed(l.text),
                    end: l.t1(),
                    run_in: None,
                    inferred: true,
                    parent_of: None,
                    level: 0,
                };
                c.title_text = Cow::Borrowed(l.text.trim_end_matches(['。', '：', ':', '；']));
                diags.push_with(
                    DiagnosticCode::HeadingMarkerLost,
                    Span::new(l.t0(), l.t1()),
                    || format!("heading marker lost; line fills ordinal {want} of the sequence"),
                );
                inserts.push(c);
                if let Some(t) = taken.get_mut(j) {
                    *t = true;
                }
                want += 1;
            }
            j += 1;
        }
    }
    if !inserts.is_empty() {
        out.extend(inserts);
        out.sort_by_key(|h| h.first_line);
    }
}

/// Which lines headings already take.
fn taken_lines(out: &[HeadingCand<'_>], n: usize) -> Vec<bool> {
    let mut taken = vec![false; n];
    for h in out {
        for t in taken.iter_mut().take(h.last_line + 1).skip(h.first_line) {
            *t = true;
        }
    }
    taken
}

/// Is line `j` followed (before line `end`) by a non-blank line?
fn followed_by_content(lines: &[LineInfo<'_>], j: usize, end: usize) -> bool {
    (j + 1..end).any(|k| lines.get(k).is_some_and(|l| !l.is_blank()))
}

/// Is the line a candidate unnumbered heading: short, standalone, no
/// sentence punctuation and no comma, not a caption or a note?
fn unnumbered_candidate(lines: &[LineInfo<'_>], j: usize, lo: usize, hi: usize) -> bool {
    let Some(l) = lines.get(j) else { return false };
    heading_like(l, 24)
        && !l.text.contains(['，', ',', '；', ';', '：', ':'])
        && !l.text.starts_with(['表', '图', '附', '注'])
        && heading_marker(l.text).is_err()
        && !l.text.starts_with("资料来源")
        && !l.text.starts_with("数据来源")
        && standalone(lines, j, lo, hi)
        && !runs_into_full_line(lines, j, hi)
        && lines.get(j + 1).is_some_and(|n| {
            n.is_blank()
                || starts_with_year(n.text)
                || !n.text.starts_with(|c: char| {
                    c.is_ascii_digit()
                        || ('０'..='９').contains(&c)
                        || matches!(
                            c,
                            '，' | '。' | '、' | '）' | ')' | '”' | '」' | '%' | '％' | '.'
                        )
                })
        })
        && lines.get(j.wrapping_sub(1)).is_none_or(|p| {
            j == lo || p.is_blank() || ends_sentence(p.text) || p.text.ends_with(['：', ':'])
        })
        // An issuer over a date line (`东陵市人民政府办公室` / `2024年2月20日`,
        // the signature of a notice that prints a document after it) signs
        // what comes before: it heads nothing.
        && (j + 1..hi)
            .filter_map(|k| lines.get(k))
            .find(|x| !x.is_blank())
            .is_none_or(|x| crate::zones::date_line(x).is_none())
        // A date line (a signature's, or one alone) dates what is above.
        && crate::zones::date_line(l).is_none()
}

/// Does the text start with a year (`2024年…`): a new sentence, not a
/// number cut from the line above?
fn starts_with_year(t: &str) -> bool {
    t.starts_with(['1', '2', '１', '２']) && after_year(t).is_some_and(|r| r.starts_with('年'))
}

/// The text after four leading digits, ASCII or fullwidth (`2024`,
/// `２０２４`), or `None`.
fn after_year(t: &str) -> Option<&str> {
    // ASCII digits by their bytes (nearly every year); fullwidth ones by
    // chars.
    if let Some(b) = t.as_bytes().get(..4) {
        if b.iter().all(u8::is_ascii_digit) {
            return t.get(4..);
        }
        if b.first().is_some_and(u8::is_ascii) {
            return None;
        }
    }
    let mut cs = t.chars();
    (cs.by_ref().take(4).filter(|&c| is_digit(c)).count() == 4).then_some(cs.as_str())
}

fn blank_around(lines: &[LineInfo<'_>], j: usize) -> bool {
    j > 0
        && lines.get(j - 1).is_some_and(|p| p.is_blank())
        && lines.get(j + 1).is_some_and(|n| n.is_blank())
}

/// Unnumbered headings (SPEC §3): short standalone lines that head the
/// numbered sequences (`“十四五”时期工作回顾` then `一、…`), or follow the
/// last one (`结束语`). A candidate is kept only where it does not break a
/// running sequence: the next numbered heading after it restarts the top
/// numbered family at 1, or there is none. One candidate alone must also be
/// set off by blank lines and be short.
fn unnumbered_parents<'a>(
    lines: &[LineInfo<'a>],
    lo: usize,
    hi: usize,
    out: &mut Vec<HeadingCand<'a>>,
    diags: &mut Diags,
) {
    let Some(top) = out
        .iter()
        .map(|h| h.family)
        .find(|f| *f != MarkerFamily::None)
    else {
        return;
    };
    let taken = taken_lines(out, lines.len());
    let no_blank = (lo..hi).all(|k| lines.get(k).is_none_or(|l| !l.is_blank()));
    let mut accepted = Vec::new();
    let mut next_head = 0;
    for j in lo..hi {
        while out.get(next_head).is_some_and(|h| h.last_line < j) {
            next_head += 1;
        }
        if taken.get(j).copied().unwrap_or(false) || !unnumbered_candidate(lines, j, lo, hi) {
            continue;
        }
        // After the last sequence (`结束语`), only a line set off by blank
        // lines: page markup breaks sentences into short lines too.
        // Where the page has no blank lines at all (one paragraph per
        // line), a line after parents already found, followed by a full
        // sentence, stands in for the blank lines.
        let ok = match out.get(next_head) {
            None => {
                blank_around(lines, j)
                    || !accepted.is_empty()
                        && no_blank
                        && lines
                            .get(j + 1)
                            .is_some_and(|n| j + 1 < hi && ends_sentence(n.text))
            }
            Some(h) => h.family == top && h.ordinal == Some(1),
        };
        if ok {
            accepted.push(j);
        }
    }
    if accepted.len() == 1 {
        // A lone line before the first numbered heading restarts nothing:
        // it is a title (of a document printed after a notice), not a part.
        let single_ok = accepted.first().is_some_and(|&j| {
            blank_around(lines, j)
                && lines.get(j).is_some_and(|l| l.chars_at_most(12))
                && out.first().is_some_and(|h| h.first_line < j)
        });
        if !single_ok {
            return;
        }
    }
    for j in accepted {
        let Some(l) = lines.get(j) else { continue };
        diags.push(Diagnostic::new(
            DiagnosticCode::HeadingUnnumbered,
            Span::new(l.t0(), l.t1()),
            "unnumbered line read as a heading at the level above the numbered sequences",
        ));
        out.push(HeadingCand {
            first_line: j,
            last_line: j,
            family: MarkerFamily::None,
            ordinal: None,
            marker: Span::empty(l.t0()),
            title: Span::new(l.t0(), l.t1()),
            title_text: Cow::Borrowed(l.text),
            end: l.t1(),
            run_in: None,
            inferred: false,
            parent_of: Some(top),
            level: 0,
        });
    }
    out.sort_by_key(|h| h.first_line);
}

/// Give every heading its level with a stack of open families, and report
/// skips and repeats. Returns the deepest level reached.
pub(crate) fn assign_levels(out: &mut [HeadingCand<'_>], diags: &mut Diags) -> usize {
    // Stack of (family, last ordinal).
    let mut stack: Vec<(MarkerFamily, u32)> = Vec::new();
    let mut deepest = 0;
    let mut last_article: Option<u32> = None;
    for h in out.iter_mut() {
        if h.family == MarkerFamily::None {
            // An unnumbered parent: close the family it parents (and below),
            // then sit as a sibling of the previous unnumbered heading.
            if let Some(child) = h.parent_of {
                if let Some(p) = stack.iter().position(|(f, _)| *f == child) {
                    stack.truncate(p);
                }
            }
            if let Some(p) = stack.iter().position(|(f, _)| *f == MarkerFamily::None) {
                stack.truncate(p);
            }
            stack.push((MarkerFamily::None, 0));
            h.level = u8::try_from(stack.len()).unwrap_or(u8::MAX);
            deepest = deepest.max(stack.len());
            continue;
        }
        let n = h.ordinal.unwrap_or(0);
        if let Some(p) = stack.iter().position(|(f, _)| *f == h.family) {
            stack.truncate(p + 1);
            if let Some(top) = stack.last_mut() {
                let last = top.1;
                if n == last + 1 || h.ordinal.is_none() {
                    // In sequence.
                } else if n <= last {
                    diags.push_with(
                        DiagnosticCode::OrdinalRepeat,
                        h.marker.cover(h.title),
                        || format!("ordinal {n} after {last}: the sequence repeats or restarts"),
                    );
                } else {
                    diags.push_with(DiagnosticCode::OrdinalSkip, h.marker.cover(h.title), || {
                        format!("ordinal {n} after {last}: the sequence skips")
                    });
                }
                top.1 = n;
            }
        } else if h.family == MarkerFamily::Article && last_article.is_some() {
            // Articles are numbered through the whole document: a chapter's
            // first article continues the count.
            let last = last_article.unwrap_or(0);
            if n != last + 1 {
                diags.push_with(
                    if n <= last {
                        DiagnosticCode::OrdinalRepeat
                    } else {
                        DiagnosticCode::OrdinalSkip
                    },
                    h.marker.cover(h.title),
                    || format!("article {n} after article {last}"),
                );
            }
            stack.push((h.family, n));
        } else {
            // A new family: nest below the current one, unless it ranks
            // above families on the stack (close those first).
            while h.family.is_ranked()
                && stack
                    .last()
                    .is_some_and(|(f, _)| f.is_ranked() && f.rank() > h.family.rank())
            {
                stack.pop();
            }
            if n > 1 {
                diags.push_with(DiagnosticCode::OrdinalSkip, h.marker.cover(h.title), || {
                    format!("sequence starts at ordinal {n}")
                });
            }
            stack.push((h.family, n));
        }
        if h.family == MarkerFamily::Article {
            last_article = h.ordinal;
        }
        h.level = u8::try_from(stack.len()).unwrap_or(u8::MAX);
        deepest = deepest.max(stack.len());
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn split_title_matches_its_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "加", "强", "领", "导", "一", "是", "二是", "䷀", "㐀", "。", "：", ":", "！", "？",
                ".", "．", "“", "”", "（", "）", "(", ")", "《", "》", "‘", "’", "（一）", "(一)",
                "2023年，", "2023年,", "1", " ", "\u{3000}", "；", "，", ",", "a", "é", "𝄞",
            ]), 0..24)
        ) {
            let rest = parts.concat();
            proptest::prop_assert_eq!(split_title(&rest), split_title_reference(&rest));
        }
    }

    #[test]
    fn char_and_cjk_counts_count_chars_and_is_cjk() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let t = format!("a{c}中{c}é");
            let want = (t.chars().count(), t.chars().filter(|&d| is_cjk(d)).count());
            assert_eq!(char_and_cjk_counts(&t), want, "{c:?}");
        }
    }

    #[test]
    fn heading_like_counts_like_the_line() {
        let text = "加强领导\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n“十”ab\n𝄞中\n中\n";
        for l in crate::block::lines(text) {
            for max in [1, 2, 4, 20, 24, 45, 80, 126, 127, 200] {
                let t = l.text;
                let chars = l.chars() as usize;
                let want = chars >= 2
                    && chars <= max
                    && !has_sentence_punct(t)
                    && !t.ends_with(['：', ':', '；', ';', '，', ',', '、'])
                    && !t.starts_with(['—', '―', '-', '（', '(', '《', '注', '*', '●'])
                    && t.chars()
                        .next()
                        .is_some_and(|c| is_cjk(c) || c == '“' || c.is_ascii_digit())
                    && t.chars().filter(|c| is_cjk(*c)).count() * 2 >= chars;
                assert_eq!(heading_like(&l, max), want, "{t} {max}");
            }
        }
    }

    #[test]
    fn has_pad_is_contains_pad() {
        for c in (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|&c| pad(c))
        {
            let t = format!("总{c}则");
            assert!(has_pad(&t), "{c:?}");
        }
        for t in ["总则", "", "a，b。“c”", "é𝄞中"] {
            assert_eq!(has_pad(t), t.contains(pad), "{t}");
        }
    }

    #[test]
    fn may_glue_admits_every_glued_body() {
        for t in [
            "2023年，全市",
            "2023年,全市",
            "（一）加强",
            "(一)加强",
            "一是加强，二是完善",
        ] {
            let body = format!("加强领导{t}");
            let i = "加强领导".len();
            assert!(glued_body(&body, i), "{body}");
            assert!(may_glue(body.as_bytes(), i), "{body}");
        }
        assert!(!may_glue("加强领导".as_bytes(), 3));
        // `split_title` skips the ideographs led by `E5..=E9`.
        for lead in 0xe5..=0xe9u8 {
            for b1 in 0x80..=0xbfu8 {
                assert!(!may_glue(&[lead, b1, 0x80], 0));
            }
        }
    }

    #[test]
    fn split_title_run_in() {
        let s = "落实学法机制。建立健全";
        let (ts, te, he, run) = split_title(s);
        assert_eq!(&s[ts..te], "落实学法机制");
        assert_eq!(&s[he..], "建立健全");
        assert_eq!(run, Some(he));
        let (ts, te, _, run) = split_title("加强党的领导,法治政府建设稳步推进");
        assert_eq!(te - ts, "加强党的领导,法治政府建设稳步推进".len());
        assert_eq!(run, None);
        // A colon ends the title before any comma (`加强领导：成立…`), not
        // after one: there it is inside a sentence (`…，联系人：王明。`).
        let s = "加强领导：成立领导小组。";
        let (ts, te, _, run) = split_title(s);
        assert_eq!((&s[ts..te], run.is_some()), ("加强领导", true));
        let s = "请于6月5日前报送县应急管理局，联系人：王明，电话：5521234。";
        let (ts, te, _, run) = split_title(s);
        assert_eq!(&s[ts..te], s.trim_end_matches('。'));
        assert_eq!(run, None);
        // No stop at all: a closing colon is not the title's.
        let s = "违反本办法，有下列行为之一的，依法追究责任：";
        let (ts, te, _, _) = split_title(s);
        assert_eq!(&s[ts..te], s.trim_end_matches('：'));
    }
}

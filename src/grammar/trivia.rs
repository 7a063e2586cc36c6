//! Trivia: padding and line ends. The only place that decides what
//! counts as white space.

/// Is `c` padding (SPEC §1): spaces of every width, tabs, no-break space,
/// zero-width space and the BOM / zero-width no-break space.
///
/// ```ebnf
/// pad ::= [#x20#x09#xA0#x3000#x2000-#x200B#x202F#x205F#xFEFF]
/// ```
#[inline]
pub(crate) fn pad(c: char) -> bool {
    // Most chars tested are ideographs, above every pad but U+FEFF: one
    // compare turns them away.
    let u = c as u32;
    if u > 0x3000 {
        return u == 0xfeff;
    }
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\u{2000}'
            ..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{0b}' | '\u{0c}'
    )
}

/// The length of the first char of `b` (UTF-8) when it is [`pad`], else
/// 0. Read from its bytes: no char is decoded.
#[inline(always)]
fn pad_first(b: &[u8]) -> usize {
    match b {
        [b' ' | b'\t' | 0x0b | 0x0c, ..] => 1,
        [0xc2, 0xa0, ..] => 2,
        [0xe2, 0x80, 0x80..=0x8b | 0xaf, ..]
        | [0xe2, 0x81, 0x9f, ..]
        | [0xe3, 0x80, 0x80, ..]
        | [0xef, 0xbb, 0xbf, ..] => 3,
        _ => 0,
    }
}

/// The length of the last char of `b` (UTF-8) when it is [`pad`], else 0,
/// like [`pad_first`] (a whole encoding at the end is the last char: no
/// continuation byte is a lead byte).
#[inline(always)]
fn pad_last(b: &[u8]) -> usize {
    match b {
        [.., b' ' | b'\t' | 0x0b | 0x0c] => 1,
        [.., 0xc2, 0xa0] => 2,
        [.., 0xe2, 0x80, 0x80..=0x8b | 0xaf]
        | [.., 0xe2, 0x81, 0x9f]
        | [.., 0xe3, 0x80, 0x80]
        | [.., 0xef, 0xbb, 0xbf] => 3,
        _ => 0,
    }
}

/// The byte range of `s` without leading and trailing padding, as offsets
/// into `s`, read from its bytes ([`pad_first`], [`pad_last`]).
pub(crate) fn trim_range(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let mut start = 0;
    while let Some(rest) = b.get(start..) {
        match pad_first(rest) {
            0 => break,
            n => start += n,
        }
    }
    let mut end = b.len();
    while let Some(head) = b.get(..end) {
        match pad_last(head) {
            0 => break,
            n => end -= n,
        }
    }
    if end < start {
        (start, start)
    } else {
        (start, end)
    }
}

/// A line of the input: `start..end` is the content, `end..next` the line
/// terminator (`\n`, `\r\n`, `\r`, or nothing at the end of input).
///
/// ```ebnf
/// line_end ::= #xD #xA | #xA | #xD
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawLine {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) next: usize,
}

/// Split `src` into lines. Every byte belongs to exactly one line (content
/// or terminator). An input ending in a line end has no empty last line.
pub(crate) fn line_end(src: &str) -> LineEnds<'_> {
    LineEnds {
        b: src.as_bytes(),
        pos: 0,
    }
}

/// The lines of a text, in order (see [`line_end`]): one memchr jump per
/// line, nothing allocated.
pub(crate) struct LineEnds<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Iterator for LineEnds<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        let start = self.pos;
        let rest = self.b.get(start..).filter(|r| !r.is_empty())?;
        let Some(p) = memchr::memchr2(b'\n', b'\r', rest) else {
            self.pos = self.b.len();
            return Some(RawLine {
                start,
                end: self.b.len(),
                next: self.b.len(),
            });
        };
        let end = start + p;
        let next = if rest.get(p) == Some(&b'\r') && rest.get(p + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        self.pos = next;
        Some(RawLine { start, end, next })
    }
}

/// The lines of `src` (as [`line_end`] splits them) from the offsets of
/// its line-end bytes: `ends` must hold every `\n` and `\r` of `src`,
/// ascending (what [`crate::artefacts::scan`] returns).
pub(crate) fn line_ends_at<'e>(src: &'e str, ends: &'e [usize]) -> LineEndsAt<'e> {
    LineEndsAt {
        len: src.len(),
        crlf: src.as_bytes(),
        ends: ends.iter(),
        pos: 0,
    }
}

/// See [`line_ends_at`]: the same lines as [`LineEnds`], no search.
pub(crate) struct LineEndsAt<'e> {
    len: usize,
    crlf: &'e [u8],
    ends: std::slice::Iter<'e, usize>,
    pos: usize,
}

impl Iterator for LineEndsAt<'_> {
    type Item = RawLine;

    fn next(&mut self) -> Option<RawLine> {
        let start = self.pos;
        if start >= self.len {
            return None;
        }
        let Some(&end) = self.ends.next() else {
            self.pos = self.len;
            return Some(RawLine {
                start,
                end: self.len,
                next: self.len,
            });
        };
        let next = if self.crlf.get(end) == Some(&b'\r') && self.crlf.get(end + 1) == Some(&b'\n') {
            // The `\n` of `\r\n` is the next offset: part of this end.
            self.ends.next();
            end + 2
        } else {
            end + 1
        };
        self.pos = next;
        Some(RawLine { start, end, next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn line_ends_at_matches_line_end(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "中", "\n", "\r", "\r\n", " ", "\u{85}", "\u{2028}",
            ]), 0..40)
        ) {
            let src = parts.concat();
            let ends: Vec<usize> = memchr::memchr2_iter(b'\n', b'\r', src.as_bytes()).collect();
            let want: Vec<RawLine> = line_end(&src).collect();
            let got: Vec<RawLine> = line_ends_at(&src, &ends).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn lines_cover_input_with_all_line_ends() {
        let src = "a\r\nb\rc\n\nd";
        let ls: Vec<RawLine> = line_end(src).collect();
        let got: Vec<_> = ls.iter().map(|l| &src[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert_eq!(ls.last().map(|l| l.next), Some(src.len()));
        for w in ls.windows(2) {
            assert_eq!(w[0].next, w[1].start);
        }
        // A line end last: no empty line after it; empty input: no lines.
        assert_eq!(line_end("a\r\n").count(), 1);
        assert_eq!(line_end("").count(), 0);
        assert_eq!(line_end("\r\r\n\n").count(), 3);
    }

    #[test]
    fn pad_first_and_last_are_pad() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            for t in [format!("{c}中a"), format!("a中{c}"), c.to_string()] {
                let len = if pad(c) { c.len_utf8() } else { 0 };
                assert_eq!(
                    pad_first(t.as_bytes()),
                    len * usize::from(t.starts_with(c)),
                    "{c:?}"
                );
                assert_eq!(
                    pad_last(t.as_bytes()),
                    len * usize::from(t.ends_with(c)),
                    "{c:?}"
                );
            }
        }
        assert_eq!((pad_first(b""), pad_last(b"")), (0, 0));
    }

    proptest::proptest! {
        #[test]
        fn trim_range_matches_the_trims(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "中", "。", " ", "\t", "\u{a0}", "\u{3000}", "\u{2000}", "\u{200b}",
                "\u{200c}", "\u{202f}", "\u{205f}", "\u{feff}", "\u{0b}", "\u{0c}", "\u{85}",
                "\u{3001}", "\u{ff0c}", "\u{2028}", "𝄞",
            ]), 0..12)
        ) {
            let s = parts.concat();
            let start = s.len() - s.trim_start_matches(pad).len();
            let end = s.trim_end_matches(pad).len().max(start);
            proptest::prop_assert_eq!(trim_range(&s), (start, end));
        }
    }

    #[test]
    fn trim_removes_every_padding_kind() {
        let s = "\u{feff}\u{3000} \u{a0}\t一、总体\u{200b} ";
        let (a, b) = trim_range(s);
        assert_eq!(&s[a..b], "一、总体");
        assert_eq!(trim_range("  "), (2, 2));
    }
}

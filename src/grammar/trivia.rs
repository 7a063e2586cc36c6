//! Trivia: padding and line ends. The only place that decides what
//! counts as white space.

/// Is `c` padding (SPEC §1): spaces of every width, tabs, no-break space,
/// zero-width space and the BOM / zero-width no-break space.
///
/// ```ebnf
/// pad ::= [#x20#x09#xA0#x3000#x2000-#x200B#x202F#x205F#xFEFF]
/// ```
pub(crate) fn pad(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\u{2000}'
            ..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{feff}' | '\u{0b}' | '\u{0c}'
    )
}

/// The byte range of `s` without leading and trailing padding, as offsets
/// into `s`.
pub(crate) fn trim_range(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(pad).len();
    let end = s.trim_end_matches(pad).len();
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
pub(crate) fn line_end(src: &str) -> Vec<RawLine> {
    let b = src.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b.get(i) {
            Some(b'\n') => {
                out.push(RawLine {
                    start,
                    end: i,
                    next: i + 1,
                });
                start = i + 1;
                i += 1;
            }
            Some(b'\r') => {
                let next = if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push(RawLine {
                    start,
                    end: i,
                    next,
                });
                start = next;
                i = next;
            }
            _ => {
                // Jump to the next line-end byte.
                match b
                    .get(i..)
                    .and_then(|rest| memchr::memchr2(b'\n', b'\r', rest))
                {
                    Some(p) => i += p,
                    None => i = b.len(),
                }
            }
        }
    }
    if start < b.len() {
        out.push(RawLine {
            start,
            end: b.len(),
            next: b.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_cover_input_with_all_line_ends() {
        let src = "a\r\nb\rc\n\nd";
        let ls = line_end(src);
        let got: Vec<_> = ls.iter().map(|l| &src[l.start..l.end]).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert_eq!(ls.last().map(|l| l.next), Some(src.len()));
        for w in ls.windows(2) {
            assert_eq!(w[0].next, w[1].start);
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

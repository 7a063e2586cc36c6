//! Fast skipping for the scanners: find the next char a scanner may react
//! to without decoding the ideographs in between.

/// The byte index of the first char of `s`, at or after byte `from`, whose
/// first byte satisfies `pred` (inside a char, `from` moves on to the next
/// char). Steps char by char on the lead bytes alone, and skips CJK
/// ideographs (U+4000..U+9FFF, lead bytes `E4..=E9`) without calling
/// `pred`: `pred` must be false for those lead bytes and for continuation
/// bytes (`80..=BF`). Only lead bytes and ASCII are tested, so a hit is a
/// char boundary.
#[inline(always)]
pub(crate) fn find_char(s: &str, from: usize, pred: impl Fn(u8) -> bool) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = from;
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    while let Some(&b) = bytes.get(i) {
        i += match b {
            0xe4..=0xe9 => 3,
            _ if pred(b) => return Some(i),
            0x00..=0x7f => 1,
            0x80..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn find_char_matches_a_plain_search() {
        let pred = |x: u8| matches!(x, 0x00..=0x1f | b'(' | b'?' | 0xc2 | 0xef);
        let text = "中文（測試）a(b?c\u{85}d\u{1}é𝄞，".repeat(7);
        for from in 0..=text.len() + 1 {
            let want = (from..=text.len())
                .find(|&k| text.is_char_boundary(k))
                .and_then(|k| {
                    text[k..]
                        .char_indices()
                        .find(|&(_, c)| {
                            let mut buf = [0; 4];
                            pred(c.encode_utf8(&mut buf).as_bytes()[0])
                        })
                        .map(|(p, _)| k + p)
                });
            assert_eq!(super::find_char(&text, from, pred), want, "from {from}");
        }
    }
}

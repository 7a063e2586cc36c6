//! References `《…》` (nested `〈…〉` and `《…》` kept inside), quoted terms
//! `“…”`, and document numbers `X〔YYYY〕N号` (SPEC §6).

use super::PResult;
use super::figure::digit_value;
use crate::span::Span;

/// Matched pairs of an open/close mark in `text` (byte offsets, close mark
/// included in the end), outermost pairs only, in order; plus the offsets
/// of opens left unclosed and closes left unmatched. Pairs may span line
/// breaks (text taken from web pages breaks lines inside titles: `《⏎…⏎》`);
/// the caller scans one paragraph at a time. One pass with a stack, then a
/// sort of the pairs: O(n log n) worst case. The reference implementation
/// that [`refs_and_quotes`] is tested against.
#[cfg(test)]
pub(crate) fn pair_marks(text: &str, open: char, close: char) -> Marks {
    let mut p = Pairer::default();
    let (mut ob, mut cb) = ([0u8; 4], [0u8; 4]);
    let (ob, cb) = (
        open.encode_utf8(&mut ob).as_bytes(),
        close.encode_utf8(&mut cb).as_bytes(),
    );
    let bytes = text.as_bytes();
    // Only the lead bytes of the two marks can start one: find them with
    // memchr (a lead byte is always a char boundary) and check the rest.
    let (lo, lc) = (ob.first().copied(), cb.first().copied());
    let (Some(lo), Some(lc)) = (lo, lc) else {
        return Marks::default();
    };
    // Byte by byte: most lead bytes found are other chars, told apart by
    // their second byte (no memcmp call).
    let is =
        |at: &[u8], mark: &[u8]| at.len() >= mark.len() && at.iter().zip(mark).all(|(a, m)| a == m);
    for k in memchr::memchr2_iter(lo, lc, bytes) {
        let at = bytes.get(k..).unwrap_or(&[]);
        if is(at, ob) {
            p.open(k);
        } else if is(at, cb) {
            p.close(k, cb.len());
        }
    }
    p.finish()
}

/// `pair_marks` for `《》` and for `“”` at once, in one byte search of
/// `text` for their lead bytes (`E3` and `E2`), told apart by the bytes
/// after them, into `out` (emptied first; its vectors are reused). A
/// paragraph's walk passes these marks anyway and pairs them as it goes
/// ([`RefsQuotes::mark`]): this search is for the texts no walk went over.
pub(crate) fn refs_and_quotes(text: &str, out: &mut RefsQuotes) {
    out.clear();
    let bytes = text.as_bytes();
    for k in memchr::memchr2_iter(0xe2, 0xe3, bytes) {
        out.mark(bytes, k);
    }
}

/// [`refs_and_quotes`] with a stack per mark and a sort of the pairs at
/// the end (the tested reference for its in-place pairing).
#[cfg(test)]
pub(crate) fn refs_and_quotes_reference(text: &str) -> (Marks, Marks) {
    let (mut refs, mut quotes) = (Pairer::default(), Pairer::default());
    let bytes = text.as_bytes();
    for k in memchr::memchr2_iter(0xe2, 0xe3, bytes) {
        // 《 E3 80 8A, 》 E3 80 8B, “ E2 80 9C, ” E2 80 9D.
        match bytes.get(k..k + 3) {
            Some([0xe3, 0x80, 0x8a]) => refs.open(k),
            Some([0xe3, 0x80, 0x8b]) => refs.close(k, 3),
            Some([0xe2, 0x80, 0x9c]) => quotes.open(k),
            Some([0xe2, 0x80, 0x9d]) => quotes.close(k, 3),
            _ => {}
        }
    }
    (refs.finish(), quotes.finish())
}

/// The `《》` and `“”` pairs of a text, built mark by mark in text order;
/// kept from one text to the next, so that its vectors are reused.
#[derive(Debug, Default)]
pub(crate) struct RefsQuotes {
    /// The `《》` pairs.
    pub(crate) refs: Marks,
    /// The `“”` pairs.
    pub(crate) quotes: Marks,
    /// The span of the text a paragraph's walk paired these for, if one
    /// did: a scan of that span takes them instead of searching the text.
    pub(crate) walked: Option<Span>,
}

impl RefsQuotes {
    /// Empty, for no text.
    pub(crate) fn clear(&mut self) {
        for m in [&mut self.refs, &mut self.quotes] {
            m.pairs.clear();
            m.unclosed.clear();
            m.unmatched.clear();
        }
        self.walked = None;
    }

    /// The char at byte `k` of `bytes` (a char boundary) joins the pairing
    /// if it is one of `《》“”`. Marks are given in text order.
    #[inline(always)]
    pub(crate) fn mark(&mut self, bytes: &[u8], k: usize) {
        // 《 E3 80 8A, 》 E3 80 8B, “ E2 80 9C, ” E2 80 9D.
        match bytes.get(k..k + 3) {
            Some([0xe3, 0x80, 0x8a]) => self.refs.unclosed.push(k),
            Some([0xe3, 0x80, 0x8b]) => self.refs.close(k, 3),
            Some([0xe2, 0x80, 0x9c]) => self.quotes.unclosed.push(k),
            Some([0xe2, 0x80, 0x9d]) => self.quotes.close(k, 3),
            _ => {}
        }
    }
}

impl Marks {
    /// A close at `at` (`len` bytes long) pairs with the last open still
    /// unclosed ([`Marks::unclosed`] is the stack of opens), or is
    /// unmatched. The pairs kept are the outermost so far, in order: the
    /// pairs the new one encloses (opened after its open, all closed
    /// since: the last ones) give way to it.
    #[inline]
    fn close(&mut self, at: usize, len: usize) {
        match self.unclosed.pop() {
            Some(s) => {
                while self.pairs.last().is_some_and(|&(p, _)| p > s) {
                    self.pairs.pop();
                }
                self.pairs.push((s, at + len));
            }
            None => self.unmatched.push(at),
        }
    }
}

/// The stack that pairs opens with closes, in text order (the tested
/// reference's).
#[cfg(test)]
#[derive(Debug, Default)]
struct Pairer {
    stack: Vec<usize>,
    pairs: Vec<(usize, usize)>,
    unmatched: Vec<usize>,
}

#[cfg(test)]
impl Pairer {
    fn open(&mut self, at: usize) {
        self.stack.push(at);
    }

    fn close(&mut self, at: usize, len: usize) {
        match self.stack.pop() {
            Some(s) => self.pairs.push((s, at + len)),
            None => self.unmatched.push(at),
        }
    }

    /// The outermost pairs in order, and the leftovers.
    fn finish(self) -> Marks {
        let Pairer {
            stack: mut unclosed,
            mut pairs,
            unmatched,
        } = self;
        if pairs.is_empty() && unclosed.is_empty() && unmatched.is_empty() {
            return Marks::default();
        }
        pairs.sort_unstable();
        // Pairs sorted by start: a nested pair follows its outer one.
        let mut reach = 0usize;
        let mut first = true;
        pairs.retain(|&(s, e)| {
            let keep = first || s >= reach;
            if keep {
                first = false;
                reach = e;
            }
            keep
        });
        unclosed.sort_unstable();
        Marks {
            pairs,
            unclosed,
            unmatched,
        }
    }
}

/// The pairs of one mark and its leftovers: what `pair_marks` returns,
/// and the two parts of [`RefsQuotes`].
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// Outermost matched pairs `(start, end)`, in order.
    pub(crate) pairs: Vec<(usize, usize)>,
    /// Offsets of opens without a close.
    pub(crate) unclosed: Vec<usize>,
    /// Offsets of closes without an open.
    pub(crate) unmatched: Vec<usize>,
}

fn err(i: &str) -> nom::Err<super::GrammarError<'_>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// The bracketed year and serial of a document number: `〔2022〕3号`,
/// `[2022]3号`, `（2012）24号`. Returns (year, serial).
///
/// ```ebnf
/// doc_number ::= "〔" [0-9]{4} "〕" pad? "第"? [0-9]+ pad? ("号" | "號")
///              | "[" [0-9]{4} "]" pad? "第"? [0-9]+ pad? ("号" | "號")
///              | "［" [0-9]{4} "］" pad? "第"? [0-9]+ pad? ("号" | "號")
///              | "（" [0-9]{4} "）" pad? "第"? [0-9]+ pad? ("号" | "號")
///              | "(" [0-9]{4} ")" pad? "第"? [0-9]+ pad? ("号" | "號")
///              | "【" [0-9]{4} "】" pad? "第"? [0-9]+ pad? ("号" | "號")
/// ```
///
/// The issuer code before the bracket is found by [`issuer_code_len`].
pub(crate) fn doc_number(i: &str) -> PResult<'_, (u16, u64)> {
    let mut chars = i.chars();
    let open = chars.next().ok_or_else(|| err(i))?;
    let close = match open {
        '〔' => '〕',
        '[' => ']',
        '［' => '］',
        '（' => '）',
        '(' => ')',
        '【' => '】',
        _ => return Err(err(i)),
    };
    let r = i.get(open.len_utf8()..).ok_or_else(|| err(i))?;
    let mut year: u32 = 0;
    let mut n = 0usize;
    let mut pos = 0usize;
    for c in r.chars() {
        let Some(d) = digit_value(c) else { break };
        year = year * 10 + u32::from(d);
        n += 1;
        pos += c.len_utf8();
        if n > 4 {
            return Err(err(i));
        }
    }
    if n != 4 || !(1900..=2199).contains(&year) {
        return Err(err(i));
    }
    let r = r
        .get(pos..)
        .and_then(|r| r.strip_prefix(close))
        .ok_or_else(|| err(i))?;
    // 〔2023〕 12 号: a page may pad the parts apart (one pad char each).
    let r = pad1(r);
    let r = r.strip_prefix('第').unwrap_or(r);
    let mut serial: u64 = 0;
    let mut m = 0usize;
    let mut pos = 0usize;
    for c in r.chars() {
        let Some(d) = digit_value(c) else { break };
        serial = serial
            .checked_mul(10)
            .and_then(|s| s.checked_add(u64::from(d)))
            .ok_or_else(|| err(i))?;
        m += 1;
        pos += c.len_utf8();
    }
    if m == 0 {
        return Err(err(i));
    }
    let r = r
        .get(pos..)
        .map(pad1)
        .and_then(|r| r.strip_prefix('号').or_else(|| r.strip_prefix('號')))
        .ok_or_else(|| err(i))?;
    Ok((r, (u16::try_from(year).map_err(|_| err(i))?, serial)))
}

/// `i` past one pad char.
fn pad1(i: &str) -> &str {
    i.strip_prefix([' ', '\u{3000}', '\u{a0}']).unwrap_or(i)
}

/// The byte length of the issuer code that ends `before` (`运政函` in
/// `…:运政函`): CJK letters, at most 10, stopping at punctuation, spaces and
/// function words.
pub(crate) fn issuer_code_len(before: &str) -> usize {
    let mut len = 0usize;
    let mut it = before.chars().rev().enumerate().peekable();
    while let Some((n, c)) = it.next() {
        let cjk = ('\u{4e00}'..='\u{9fff}').contains(&c);
        if !cjk || n >= 10 || "的了和与及按据照见是在为由将对经根依于号".contains(c)
        {
            break;
        }
        // 印发 / 转发 before the code is the verb, not the issuer.
        if c == '发' && it.peek().is_some_and(|&(_, p)| p == '印' || p == '转') {
            break;
        }
        len += c.len_utf8();
    }
    // 执行财办库〔…〕, 国务院安委会办公室安委办〔…〕: a verb or the full
    // name of a body before the code is not part of it.
    let code = before.get(before.len() - len..).unwrap_or("");
    ISSUER_CODE_STOPS
        .iter()
        .filter_map(|w| code.rfind(w).map(|k| code.len() - k - w.len()))
        .min()
        .unwrap_or(len)
}

/// Words that end the text before an issuer code: verbs (`执行`, `落实`)
/// and the full names of bodies (`办公室`, `人民政府`), which codes
/// abbreviate.
const ISSUER_CODE_STOPS: [&str; 22] = [
    "执行",
    "執行",
    "落实",
    "落實",
    "贯彻",
    "貫徹",
    "参照",
    "參照",
    "对照",
    "對照",
    "下发",
    "下發",
    "出台",
    "发布",
    "發布",
    "办公室",
    "辦公室",
    "办公厅",
    "辦公廳",
    "委员会",
    "委員會",
    "人民政府",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_nest_and_reset() {
        let m = pair_marks("《a〈b〉》x《c《d》e》《f\n》》", '《', '》');
        assert_eq!(m.pairs.len(), 3);
        assert_eq!(m.unclosed.len(), 0);
        assert_eq!(m.unmatched.len(), 1);
        let m = pair_marks("《a《b》c", '《', '》');
        assert_eq!(m.pairs.len(), 1);
        assert_eq!(m.unclosed, vec![0]);
    }

    /// [`refs_and_quotes`] and its reference, and `pair_marks` for each
    /// mark, agree on `t`.
    fn check_agree(t: &str) {
        let mut got = RefsQuotes::default();
        // Left over from another text: emptied first.
        refs_and_quotes("《《“x", &mut got);
        refs_and_quotes(t, &mut got);
        let (r, q) = refs_and_quotes_reference(t);
        let (r2, q2) = (pair_marks(t, '《', '》'), pair_marks(t, '“', '”'));
        for (a, b, c) in [(&got.refs, r, r2), (&got.quotes, q, q2)] {
            assert_eq!(a.pairs, b.pairs, "{t}");
            assert_eq!(a.unclosed, b.unclosed, "{t}");
            assert_eq!(a.unmatched, b.unmatched, "{t}");
            assert_eq!(b.pairs, c.pairs, "{t}");
            assert_eq!(b.unclosed, c.unclosed, "{t}");
            assert_eq!(b.unmatched, c.unmatched, "{t}");
        }
    }

    #[test]
    fn refs_and_quotes_agree_with_pair_marks() {
        for t in [
            "《a〈b〉》x《c《d》e》《f\n》》“g”“h",
            "”“《》“《“”》”、。「」《",
            "关于印发《“十四五”规划》的通知，“放管服”改革。",
            "《a《b》c《d》》《",
            "",
        ] {
            check_agree(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn refs_and_quotes_match_the_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "《", "》", "“", "”", "〈", "〉", "‘", "’", "。", "、", "「", "」", "\n", "\r",
                "a", "中", "—", "…", "\u{2028}", "\u{3000}", "𝄞",
            ]), 0..60)
        ) {
            check_agree(&parts.concat());
        }
    }

    #[test]
    fn doc_numbers() {
        assert_eq!(doc_number("〔2022〕3号文件"), Ok(("文件", (2022, 3))));
        assert_eq!(doc_number("[2012]24号"), Ok(("", (2012, 24))));
        assert_eq!(doc_number("〔2012〕第24号"), Ok(("", (2012, 24))));
        assert_eq!(doc_number("（2010）79号）"), Ok(("）", (2010, 79))));
        assert!(doc_number("（2020-2025年）").is_err());
        assert!(doc_number("[2]32074").is_err());
        assert_eq!(doc_number("〔2023〕 12 号文"), Ok(("文", (2023, 12))));
        assert_eq!(issuer_code_len(":运政函"), "运政函".len());
        assert_eq!(issuer_code_len("根据余府发"), "余府发".len());
        assert_eq!(issuer_code_len("印发国办发"), "国办发".len());
        assert_eq!(issuer_code_len("执行财办库"), "财办库".len());
        assert_eq!(issuer_code_len("院安委会办公室安委办"), "安委办".len());
        assert_eq!(issuer_code_len("晋政办发"), "晋政办发".len());
    }
}

//! Figures as they appear inside entities: runs of ASCII or fullwidth
//! digits (`1,234.5`, `１９９６`) and runs of CJK numerals (`三千五百`,
//! `二〇二六`), with their exact values. The scanner reads each run once.

use super::PResult;

/// An exact decimal `m × 10^-s`, used while a figure is being built.
///
/// The `i128` mantissa is kept as two 64-bit halves (low, high), as in
/// [`crate::Decimal`]: an `i128` field would align the struct, and every
/// figure and quantity match holding one, to 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Num {
    /// Mantissa, low and high halves.
    halves: [u64; 2],
    /// Digits after the decimal point.
    pub(crate) s: u32,
}

impl Num {
    /// `m × 10^-s`.
    #[inline]
    pub(crate) const fn new(m: i128, s: u32) -> Num {
        let bits = m as u128;
        Num {
            halves: [bits as u64, (bits >> 64) as u64],
            s,
        }
    }

    /// The mantissa.
    #[inline]
    pub(crate) const fn m(self) -> i128 {
        let [lo, hi] = self.halves;
        ((hi as u128) << 64 | lo as u128) as i128
    }

    /// An integer.
    pub(crate) fn int(v: i128) -> Num {
        Num::new(v, 0)
    }

    /// Multiply by `10^e`, moving the scale first (exact, checked).
    pub(crate) fn mul_pow10(self, e: u32) -> Option<Num> {
        if self.s >= e {
            Some(Num::new(self.m(), self.s - e))
        } else {
            let k = e - self.s;
            let f = 10i128.checked_pow(k)?;
            Some(Num::new(self.m().checked_mul(f)?, 0))
        }
    }

    /// The integer value, when it has no fractional part.
    pub(crate) fn as_int(self) -> Option<i128> {
        let m = self.m();
        if self.s == 0 {
            Some(m)
        } else {
            let f = 10i128.checked_pow(self.s)?;
            (m % f == 0).then_some(m / f)
        }
    }

    /// Negate.
    pub(crate) fn neg(self) -> Num {
        Num::new(-self.m(), self.s)
    }
}

/// Value of an ASCII or fullwidth digit.
pub(crate) const fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        // At most 9: the cast keeps the value.
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Value of a CJK digit (`〇`–`九`, `两`, financial and traditional forms).
pub(crate) const fn cjk_digit_val(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Power of ten of a CJK multiplier (`十 百 千 万 亿`).
pub(crate) const fn cjk_mult(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// True for chars that can be part of a CJK numeral: the definition, for
/// tables built at compile time. [`is_cjk_numeral_char`] is the same test
/// by one bit look-up.
pub(crate) const fn is_cjk_numeral_def(c: char) -> bool {
    cjk_digit_val(c).is_some() || cjk_mult(c).is_some()
}

/// [`is_cjk_numeral_def`] over the ideographs U+4E00..U+9FFF, one bit per
/// char (bit `d & 63` of word `d >> 6`, `d` the offset from U+4E00).
/// (Indexing here runs at compile time: out of bounds would be a compile
/// error, not a panic.)
#[allow(clippy::indexing_slicing)]
const CJK_NUMERAL_BITS: [u64; 328] = {
    let mut t = [0u64; 328];
    let mut d = 0u32;
    while d < 328 * 64 {
        if let Some(c) = char::from_u32(0x4e00 + d) {
            if is_cjk_numeral_def(c) {
                t[(d >> 6) as usize] |= 1 << (d & 63);
            }
        }
        d += 1;
    }
    t
};

/// True for chars that can be part of a CJK numeral (`一`…`九`, `〇`, `零`,
/// `两`, `十百千万亿`, financial and traditional forms): a bit look-up for
/// the ideographs, which hold all of them but `〇` and `○`.
#[inline]
pub(crate) fn is_cjk_numeral_char(c: char) -> bool {
    let d = (c as u32).wrapping_sub(0x4e00);
    match CJK_NUMERAL_BITS.get((d >> 6) as usize) {
        Some(w) => w >> (d & 63) & 1 == 1,
        None => matches!(c, '〇' | '○'),
    }
}

/// A figure read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure<'a> {
    /// As written.
    pub(crate) text: &'a str,
    /// Exact value; `None` on overflow or an ill-formed CJK numeral.
    pub(crate) value: Option<Num>,
    /// Digits before the decimal point (arabic) or chars (CJK).
    pub(crate) int_digits: usize,
    /// Has a decimal part.
    pub(crate) frac: bool,
    /// Arabic with a leading `0` and more digits (`012870556`).
    pub(crate) leading_zero: bool,
    /// Written in CJK numerals.
    pub(crate) cjk: bool,
    /// CJK digits without multipliers (`二〇二六`, `一九五四`): positional.
    pub(crate) positional: bool,
}

fn err(i: &str) -> nom::Err<super::GrammarError<'_>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit))
}

/// A run of ASCII or fullwidth digits, with `,` thousands groups and a
/// decimal part.
///
/// ```ebnf
/// digit_figure ::= [0-9０-９]+ (("," [0-9]{3})* | (" " [0-9]{3})*) ([.．] [0-9０-９]+)?
/// ```
pub(crate) fn digit_figure(i: &str) -> PResult<'_, Figure<'_>> {
    // Byte by byte (every char read here is ASCII or a three-byte
    // fullwidth digit `０`–`９`, EF BC 90–99, or `．`, EF BC 8E); each
    // optional part is entered only when its first byte is there, so a
    // plain figure (`2022`, `37.1`) is one pass over its bytes.
    let b = i.as_bytes();
    let mut m: Option<i128> = Some(0);
    let mut n = 0usize;
    let mut pos = 0usize;
    // The first 18 digits add up in a u64 (no overflow below 10^18), the
    // rest in the checked i128.
    const FAST: usize = 18;
    let mut acc: u64 = 0;
    while let Some((d, len)) = wide_or_ascii_digit(b, pos) {
        if n < FAST {
            acc = acc * 10 + u64::from(d);
        } else {
            if n == FAST {
                m = Some(i128::from(acc));
            }
            m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(d)));
        }
        n += 1;
        pos += len;
    }
    if n == 0 {
        return Err(err(i));
    }
    if n <= FAST {
        m = Some(i128::from(acc));
    }
    let first = wide_or_ascii_digit(b, 0).map(|(d, _)| d);
    // Thousands groups: exactly three ASCII digits after each comma, and the
    // group must not run on into a fourth digit.
    if n <= 3 {
        while b.get(pos) == Some(&b',') {
            let is_group = b
                .get(pos + 1..pos + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(pos + 4).is_some_and(u8::is_ascii_digit);
            if !is_group {
                break;
            }
            for &g in b.get(pos + 1..pos + 4).unwrap_or(&[]) {
                m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(g - b'0')));
            }
            pos += 4;
        }
    }
    // Space groups (`12 345`, `1 234 567`, with a space, no-break or thin
    // space): exactly three ASCII digits after each one, not running on
    // into a digit; a row of table columns (`56 123 5.6`) is no group.
    // (A group needs a space right after the digits, whose first byte is
    // 20, C2 or E2: most figures have none, and skip the rest of this
    // check.)
    if n <= 3
        && matches!(b.get(pos), Some(b' ' | 0xc2 | 0xe2))
        && i.get(pos..).is_some_and(|r| r.starts_with(SPACE_GROUP))
    {
        let (gm, gpos) = space_groups(i, pos, m);
        let tail = i.get(gpos..).unwrap_or("");
        let column = tail
            .strip_prefix(SPACE_GROUP)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| digit_value(c).is_some());
        if gpos > pos && !column && !i.get(..pos).unwrap_or("").contains(',') {
            m = gm;
            pos = gpos;
        }
    }
    let mut s = 0u32;
    let mut frac = false;
    // The decimal point: `.` or `．` (EF BC 8E).
    let dot = match (b.get(pos), b.get(pos + 1), b.get(pos + 2)) {
        (Some(b'.'), ..) => 1,
        (Some(0xef), Some(0xbc), Some(0x8e)) => 3,
        _ => 0,
    };
    if dot > 0 {
        let after = i.get(pos + dot..).unwrap_or("");
        // 2156.⏎3亿元: a decimal part broken by a line end (not a list
        // marker `3.` `3、` on the next line).
        let (after, brk) = match broken_decimal(after) {
            Some(a) => (a, after.len() - a.len()),
            None => (after, 0),
        };
        let a = after.as_bytes();
        let mut k = 0usize;
        while let Some((d, len)) = wide_or_ascii_digit(a, k) {
            m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(d)));
            s = s.saturating_add(1);
            k += len;
        }
        let fp = brk + k;
        if fp > 0 {
            frac = true;
            pos += dot + fp;
        }
    }
    Ok((
        i.get(pos..).unwrap_or(""),
        Figure {
            text: i.get(..pos).unwrap_or(""),
            value: m.map(|m| Num::new(m, s)),
            int_digits: n,
            frac,
            leading_zero: first == Some(0) && n > 1,
            cjk: false,
            positional: false,
        },
    ))
}

/// The ASCII or fullwidth digit (EF BC 90–99) at byte `k` of `b`: its
/// value and length.
#[inline(always)]
fn wide_or_ascii_digit(b: &[u8], k: usize) -> Option<(u8, usize)> {
    match b.get(k) {
        Some(&x) if x.is_ascii_digit() => Some((x - b'0', 1)),
        Some(0xef) => match (b.get(k + 1), b.get(k + 2)) {
            (Some(0xbc), Some(&x @ 0x90..=0x99)) => Some((x - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// [`digit_figure`] char by char: the reference its test compares with.
#[cfg(test)]
fn digit_figure_plain(i: &str) -> PResult<'_, Figure<'_>> {
    let mut m: Option<i128> = Some(0);
    let mut n = 0usize;
    let mut pos = 0usize;
    let mut first = None;
    // Digits by their bytes: ASCII `0`–`9`, fullwidth `０`–`９` (EF BC
    // 90–99). The first 18 digits add up in a u64 (no overflow below
    // 10^18), the rest in the checked i128.
    const FAST: usize = 18;
    let mut acc: u64 = 0;
    let b = i.as_bytes();
    loop {
        let (d, len) = match b.get(pos) {
            Some(&x) if x.is_ascii_digit() => (x - b'0', 1),
            Some(0xef) => match (b.get(pos + 1), b.get(pos + 2)) {
                (Some(0xbc), Some(&x @ 0x90..=0x99)) => (x - 0x90, 3),
                _ => break,
            },
            _ => break,
        };
        if first.is_none() {
            first = Some(d);
        }
        if n < FAST {
            acc = acc * 10 + u64::from(d);
        } else {
            if n == FAST {
                m = Some(i128::from(acc));
            }
            m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(d)));
        }
        n += 1;
        pos += len;
    }
    if n == 0 {
        return Err(err(i));
    }
    if n <= FAST {
        m = Some(i128::from(acc));
    }
    // Thousands groups: exactly three ASCII digits after each comma, and the
    // group must not run on into a fourth digit.
    loop {
        let rest = i.get(pos..).unwrap_or("");
        let b = rest.as_bytes();
        let is_group = b.first() == Some(&b',')
            && b.get(1..4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(4).is_some_and(u8::is_ascii_digit);
        if !is_group || n > 3 {
            break;
        }
        for &g in b.get(1..4).unwrap_or(&[]) {
            m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(g - b'0')));
        }
        pos += 4;
    }
    // Space groups (`12 345`, `1 234 567`, with a space, no-break or thin
    // space): exactly three ASCII digits after each one, not running on
    // into a digit; a row of table columns (`56 123 5.6`) is no group.
    // (A group needs a space right after the digits: most figures have
    // none, and skip the rest of this check.)
    if n <= 3 && i.get(pos..).is_some_and(|r| r.starts_with(SPACE_GROUP)) {
        let (gm, gpos) = space_groups(i, pos, m);
        let tail = i.get(gpos..).unwrap_or("");
        let column = tail
            .strip_prefix(SPACE_GROUP)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| digit_value(c).is_some());
        if gpos > pos && !column && !i.get(..pos).unwrap_or("").contains(',') {
            m = gm;
            pos = gpos;
        }
    }
    let mut s = 0u32;
    let mut frac = false;
    let rest = i.get(pos..).unwrap_or("");
    for dot in ['.', '．'] {
        if let Some(after) = rest.strip_prefix(dot) {
            // 2156.⏎3亿元: a decimal part broken by a line end (not a list
            // marker `3.` `3、` on the next line).
            let (after, brk) = match broken_decimal(after) {
                Some(a) => (a, after.len() - a.len()),
                None => (after, 0),
            };
            let mut fp = brk;
            for c in after.chars() {
                let Some(d) = digit_value(c) else { break };
                m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(d)));
                s = s.saturating_add(1);
                fp += c.len_utf8();
            }
            if fp > 0 {
                frac = true;
                pos += dot.len_utf8() + fp;
            }
            break;
        }
    }
    let text = i.get(..pos).unwrap_or("");
    Ok((
        i.get(pos..).unwrap_or(""),
        Figure {
            text,
            value: m.map(|m| Num::new(m, s)),
            int_digits: n,
            frac,
            leading_zero: first == Some(0) && n > 1,
            cjk: false,
            positional: false,
        },
    ))
}

/// The next line's digits after a decimal point at a line end, when they
/// go on into something other than a marker (`3.`, `3、`, `3)`) or a space.
fn broken_decimal(after: &str) -> Option<&str> {
    let next = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix(['\n', '\r']))?;
    let digits = next
        .char_indices()
        .find(|&(_, c)| digit_value(c).is_none())
        .map_or(next.len(), |(k, _)| k);
    let follow = next.get(digits..).and_then(|t| t.chars().next());
    (digits > 0
        && follow.is_some_and(|c| {
            !c.is_whitespace() && !matches!(c, '.' | '．' | '、' | ')' | '）' | '，' | ',')
        }))
    .then_some(next)
}

const SPACE_GROUP: [char; 4] = [' ', '\u{a0}', '\u{2009}', '\u{202f}'];

/// The space-separated thousands groups from `pos`: the value and the end.
fn space_groups(i: &str, mut pos: usize, mut m: Option<i128>) -> (Option<i128>, usize) {
    loop {
        let rest = i.get(pos..).unwrap_or("");
        let Some(sep) = rest.chars().next().filter(|c| SPACE_GROUP.contains(c)) else {
            break;
        };
        let b = rest.get(sep.len_utf8()..).unwrap_or("").as_bytes();
        let is_group = b.get(..3).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(3).is_some_and(u8::is_ascii_digit);
        if !is_group {
            break;
        }
        for &g in b.get(..3).unwrap_or(&[]) {
            m = m.and_then(|v| v.checked_mul(10)?.checked_add(i128::from(g - b'0')));
        }
        pos += sep.len_utf8() + 3;
    }
    (m, pos)
}

/// Evaluate a CJK numeral (`三千五百`, `一亿二千万`, `十五`); positional
/// digit strings (`二〇二六`) read digit by digit. `None` when ill-formed
/// (`十四五`, `万一`).
pub(crate) fn cjk_value(s: &str) -> Option<(i128, bool)> {
    if s.chars().all(|c| cjk_digit_val(c).is_some()) {
        let n = s.chars().count();
        if n == 1 {
            return cjk_digit_val(s.chars().next()?).map(|d| (i128::from(d), false));
        }
        if n == 2 {
            return None;
        }
        let mut v: i128 = 0;
        for c in s.chars() {
            v = v
                .checked_mul(10)?
                .checked_add(i128::from(cjk_digit_val(c)?))?;
        }
        return Some((v, true));
    }
    let mut total: i128 = 0;
    let mut section: i128 = 0;
    let mut number: Option<i128> = None;
    let mut last_was_digit = false;
    let mut started = false;
    let mut last_small_exp = u32::MAX;
    let mut prev_wan = false;
    for c in s.chars() {
        // 万万 (older texts: 四万万同胞, 六萬萬人民) is 亿.
        if prev_wan && matches!(c, '万' | '萬') && section == 0 && number.is_none() {
            total = total.checked_mul(10_000)?;
            prev_wan = false;
            continue;
        }
        prev_wan = matches!(c, '万' | '萬');
        if let Some(d) = cjk_digit_val(c) {
            if last_was_digit && number.is_some_and(|n| n != 0) {
                return None;
            }
            number = Some(i128::from(d));
            last_was_digit = true;
            started = true;
        } else if let Some(e) = cjk_mult(c) {
            last_was_digit = false;
            match e {
                1..=3 => {
                    // 十 may stand alone (十五 = 15); 百 千 need a digit.
                    let n = match number {
                        Some(n) => n,
                        None if e == 1 && (!started || section % 100 == 0) => 1,
                        None => return None,
                    };
                    if e >= last_small_exp && section != 0 {
                        return None;
                    }
                    last_small_exp = e;
                    section = section.checked_add(n.checked_mul(10i128.checked_pow(e)?)?)?;
                    number = None;
                    started = true;
                }
                4 => {
                    let base = section.checked_add(number.unwrap_or(0))?;
                    if base == 0 {
                        return None;
                    }
                    total = total.checked_add(base.checked_mul(10_000)?)?;
                    section = 0;
                    number = None;
                    last_small_exp = u32::MAX;
                }
                _ => {
                    let base = total
                        .checked_add(section)?
                        .checked_add(number.unwrap_or(0))?;
                    if base == 0 {
                        return None;
                    }
                    total = base.checked_mul(100_000_000)?;
                    section = 0;
                    number = None;
                    last_small_exp = u32::MAX;
                }
            }
        } else {
            return None;
        }
    }
    let v = total
        .checked_add(section)?
        .checked_add(number.unwrap_or(0))?;
    Some((v, false))
}

/// A run of CJK numerals with an optional decimal part (`三点五`).
///
/// ```ebnf
/// cjk_figure ::= [〇○零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參陸]+
///                ([点點] [〇○零一二三四五六七八九]+)?
/// ```
pub(crate) fn cjk_figure(i: &str) -> PResult<'_, Figure<'_>> {
    let mut pos = 0usize;
    let mut n = 0usize;
    for c in i.chars() {
        if !is_cjk_numeral_char(c) {
            break;
        }
        pos += c.len_utf8();
        n += 1;
    }
    if n == 0 {
        return Err(err(i));
    }
    let int_text = i.get(..pos).unwrap_or("");
    let parsed = cjk_value(int_text);
    let mut value = parsed.map(|(v, _)| Num::int(v));
    let positional = parsed.is_some_and(|(_, p)| p);
    let mut frac = false;
    let rest = i.get(pos..).unwrap_or("");
    if !positional {
        for dot in ['点', '點'] {
            if let Some(after) = rest.strip_prefix(dot) {
                let mut fp = 0usize;
                let mut v = value;
                for c in after.chars() {
                    let Some(d) = cjk_digit_val(c).filter(|_| c != '两' && c != '兩') else {
                        break;
                    };
                    // Append the digit: m·10 + d, one more decimal place.
                    v = v.and_then(|x| {
                        Some(Num::new(
                            x.m().checked_mul(10)?.checked_add(i128::from(d))?,
                            x.s + 1,
                        ))
                    });
                    fp += c.len_utf8();
                }
                if fp > 0 && value.is_some() {
                    value = v;
                    frac = true;
                    pos += dot.len_utf8() + fp;
                }
            }
        }
    }
    Ok((
        i.get(pos..).unwrap_or(""),
        Figure {
            text: i.get(..pos).unwrap_or(""),
            value,
            int_digits: n,
            frac,
            leading_zero: false,
            cjk: true,
            positional,
        },
    ))
}

#[cfg(test)]
mod tests {
    /// The bit look-up agrees with the definition on every char.
    #[test]
    fn cjk_numeral_lookup_is_the_definition() {
        let mut n = 0;
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let want = super::is_cjk_numeral_def(c);
            assert_eq!(super::is_cjk_numeral_char(c), want, "{c:?}");
            n += usize::from(want);
        }
        assert_eq!(n, 36);
    }

    #[test]
    fn long_digit_runs_read_exactly_or_overflow() {
        for n in 1..=45 {
            let digits: String = (0..n).map(|k| char::from(b'1' + (k % 9) as u8)).collect();
            let want = digits.parse::<i128>().ok();
            let (_, f) = super::digit_figure(&digits).unwrap();
            assert_eq!(f.value.map(|v| v.m()), want, "{n} digits");
            assert_eq!(f.int_digits, n);
            let wide: String = digits
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap())
                .collect();
            let (r, g) = super::digit_figure(&wide).unwrap();
            assert_eq!((r, g.value, g.int_digits), ("", f.value, n));
        }
    }

    /// The byte reading agrees with the char by char one on figures with
    /// every optional part and near miss (groups, spaces, both decimal
    /// points, line ends, fullwidth digits, text around).
    #[test]
    fn digit_figure_bytes_are_the_plain_reading() {
        let parts = [
            "0",
            "1",
            "12",
            "123",
            "1234",
            "０",
            "１２",
            "9",
            ",",
            ",000",
            ",12",
            ",1234",
            " ",
            " 345",
            "\u{a0}678",
            "\u{2009}901",
            "\u{202f}234",
            ".",
            "．",
            "5",
            "５",
            "\n",
            "\r\n",
            "3、",
            "万元",
            "%",
            "a",
            "一",
            "—",
            ",",
            "00",
        ];
        let mut n = 0;
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in ["", "7", "\n4亿", "."] {
                        let s = format!("{a}{b}{c}{d}");
                        assert_eq!(digit_figure(&s), digit_figure_plain(&s), "{s:?}");
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 100_000);
        for text in crate::test_corpus::texts() {
            for (k, _) in text.char_indices() {
                let s = &text[k..];
                assert_eq!(
                    digit_figure(s),
                    digit_figure_plain(s),
                    "{:?}",
                    &s[..s.len().min(40)]
                );
            }
        }
    }

    use super::*;

    fn v(s: &str) -> Option<(i128, u32)> {
        let (_, f) = digit_figure(s).ok()?;
        f.value.map(|n| (n.m(), n.s))
    }

    #[test]
    fn digits() {
        assert_eq!(v("319.18万"), Some((31918, 2)));
        assert_eq!(v("1,234,567元"), Some((1234567, 0)));
        assert_eq!(v("１９９６年"), Some((1996, 0)));
        assert_eq!(v("3,5"), Some((3, 0)));
        assert_eq!(v("7．5％"), Some((75, 1)));
        let (r, f) = digit_figure("2.").unwrap();
        assert_eq!((r, f.text), (".", "2"));
    }

    #[test]
    fn cjk() {
        for (s, want) in [
            ("十", 10),
            ("十五", 15),
            ("二十", 20),
            ("一百零五", 105),
            ("三千五百", 3500),
            ("一亿二千万", 120_000_000),
            ("三亿五千万", 350_000_000),
            ("一万亿", 1_000_000_000_000),
            ("两", 2),
            ("二〇二六", 2026),
            ("一九五四", 1954),
            ("一百一十", 110),
            ("四万万", 400_000_000),
            ("六萬萬", 600_000_000),
        ] {
            assert_eq!(cjk_value(s).map(|x| x.0), Some(want), "{s}");
        }
        for s in ["十四五", "万一", "千方"] {
            assert_eq!(cjk_value(s), None, "{s}");
        }
        let (_, f) = cjk_figure("三点五倍").unwrap();
        assert_eq!(f.value, Some(Num::new(35, 1)));
        // Several decimal digits: 十七點三一 is 17.31, not 1.74.
        let (_, f) = cjk_figure("十七點三一").unwrap();
        assert_eq!(f.value, Some(Num::new(1731, 2)));
        let (_, f) = cjk_figure("八十四点零一").unwrap();
        assert_eq!(f.value, Some(Num::new(8401, 2)));
    }
}

//! Exact decimal numbers.
//!
//! Every value the parser reads from a report (`319.18万元`, `86.3%`,
//! `一千零五`) is kept as an exact [`Decimal`]: an `i128` mantissa and a
//! power-of-ten scale. Arithmetic is checked and never goes through floats,
//! so `319.18万` is exactly `3191800`, not `3191800.0000000005`.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use serde::{Serialize, Serializer};

/// An exact decimal value: `mantissa × 10^-scale`.
///
/// The representation keeps the scale it was written with (`1.50` has
/// mantissa `150` and scale `2`, and [`Display`](fmt::Display) prints
/// `1.50`), but equality, ordering and hashing are by **value**: `1.50 ==
/// 1.5`. Arithmetic is checked (`checked_*` methods return `None` on
/// overflow) and never uses floating point.
///
/// Serialized with serde as a **JSON number**: integral values that fit
/// `i64`/`u64` as integers, everything else as the nearest `f64` (so
/// `86.3` serializes as `86.3`).
///
/// ```
/// use gongwen::Decimal;
///
/// let v: Decimal = "319.18".parse()?;
/// let wan = v.checked_mul_pow10(4).ok_or("overflow")?; // 万 = 10^4
/// assert_eq!(wan.to_string(), "3191800");
/// assert_eq!(wan.to_i128(), Some(3_191_800));
/// assert_eq!(Decimal::new(150, 2), Decimal::new(15, 1)); // 1.50 == 1.5
/// assert_eq!(Decimal::parse_numeral("3.5万"), Some(Decimal::from_int(35_000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Default)]
pub struct Decimal {
    /// The `i128` mantissa as two 64-bit halves (low, high): an `i128`
    /// field would align the struct, and every entity holding one, to 16
    /// bytes (32 bytes where 24 are enough).
    halves: [u64; 2],
    scale: u32,
}

/// The error of [`Decimal::from_str`]: the text is not an ASCII decimal
/// number, or its value does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseDecimalError {
    /// Empty input, a stray character, or a missing digit (`""`, `"-"`,
    /// `"3."`, `".5"`, `"1,000"`).
    #[error("invalid decimal number")]
    Invalid,
    /// The digits do not fit an `i128` mantissa.
    #[error("decimal number too large")]
    Overflow,
}

/// `10^exp` as an `i128`, or `None` when it does not fit (`exp > 38`).
fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

impl Decimal {
    /// Zero (`0`).
    pub const ZERO: Decimal = Decimal::new(0, 0);

    /// One (`1`).
    pub const ONE: Decimal = Decimal::new(1, 0);

    /// The value `mantissa × 10^-scale`, kept with exactly that scale.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::new(863, 1).to_string(), "86.3");
    /// assert_eq!(Decimal::new(-5, 1).to_string(), "-0.5");
    /// assert_eq!(Decimal::new(150, 2).to_string(), "1.50");
    /// ```
    pub const fn new(mantissa: i128, scale: u32) -> Decimal {
        let bits = mantissa as u128;
        Decimal {
            halves: [bits as u64, (bits >> 64) as u64],
            scale,
        }
    }

    /// An integer value (scale 0).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::from_int(12291).to_string(), "12291");
    /// ```
    pub const fn from_int(value: i128) -> Decimal {
        Decimal::new(value, 0)
    }

    /// The mantissa as stored (`1.50` → `150`).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::new(150, 2).mantissa(), 150);
    /// ```
    pub const fn mantissa(&self) -> i128 {
        let [lo, hi] = self.halves;
        ((hi as u128) << 64 | lo as u128) as i128
    }

    /// The number of decimal places as stored (`1.50` → `2`).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::new(150, 2).scale(), 2);
    /// ```
    pub const fn scale(&self) -> u32 {
        self.scale
    }

    /// True for zero.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert!(Decimal::new(0, 3).is_zero());
    /// ```
    pub const fn is_zero(&self) -> bool {
        self.mantissa() == 0
    }

    /// True below zero.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert!(Decimal::new(-5, 1).is_negative());
    /// ```
    pub const fn is_negative(&self) -> bool {
        self.mantissa() < 0
    }

    /// The same value with trailing fractional zeros removed (`1.50` →
    /// `1.5`, `2.000` → `2`). Integers keep their trailing zeros (`100`
    /// stays `100`). Two decimals are equal exactly when their normalized
    /// forms have the same mantissa and scale.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// let d = Decimal::new(2000, 3).normalized();
    /// assert_eq!((d.mantissa(), d.scale()), (2, 0));
    /// ```
    pub const fn normalized(&self) -> Decimal {
        let mut mantissa = self.mantissa();
        let mut scale = self.scale;
        if mantissa == 0 {
            return Decimal::ZERO;
        }
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal::new(mantissa, scale)
    }

    /// True when the value is a whole number (`3.00` is).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert!(Decimal::new(300, 2).is_integer());
    /// assert!(!Decimal::new(35, 1).is_integer());
    /// ```
    pub const fn is_integer(&self) -> bool {
        self.normalized().scale == 0
    }

    /// The value as an `i128` when it is a whole number.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::new(3_191_800_00, 2).to_i128(), Some(3_191_800));
    /// assert_eq!(Decimal::new(35, 1).to_i128(), None);
    /// ```
    pub const fn to_i128(&self) -> Option<i128> {
        let n = self.normalized();
        if n.scale == 0 {
            Some(n.mantissa())
        } else {
            None
        }
    }

    /// The nearest `f64` (correctly rounded; for display and JSON only, never
    /// for arithmetic).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::new(863, 1).to_f64(), 86.3);
    /// ```
    pub fn to_f64(&self) -> f64 {
        // Rust's float parser is correctly rounded, and the exponent form
        // avoids writing out huge scales.
        let text = format!("{}e-{}", self.mantissa(), self.scale);
        match text.parse::<f64>() {
            Ok(v) => v,
            // Unreachable for this text; fall back to a rough value.
            Err(_) => self.mantissa() as f64 / 10f64.powi(self.scale.min(400) as i32),
        }
    }

    /// Bring both operands to the same scale, or `None` on overflow.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        match self.scale.cmp(&other.scale) {
            Ordering::Equal => Some((self.mantissa(), other.mantissa(), self.scale)),
            Ordering::Less => {
                let f = pow10(other.scale - self.scale)?;
                Some((
                    self.mantissa().checked_mul(f)?,
                    other.mantissa(),
                    other.scale,
                ))
            }
            Ordering::Greater => {
                let f = pow10(self.scale - other.scale)?;
                Some((
                    self.mantissa(),
                    other.mantissa().checked_mul(f)?,
                    self.scale,
                ))
            }
        }
    }

    /// `self + other`, or `None` on overflow. The result has the larger of
    /// the two scales (`1.50 + 1` = `2.50`).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// let sum = Decimal::new(150, 2).checked_add(Decimal::ONE);
    /// assert_eq!(sum.map(|d| d.to_string()), Some("2.50".to_string()));
    /// assert_eq!(Decimal::from_int(i128::MAX).checked_add(Decimal::ONE), None);
    /// ```
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let direct = self
            .aligned(other)
            .and_then(|(a, b, scale)| Some(Decimal::new(a.checked_add(b)?, scale)));
        direct.or_else(|| {
            let (a, b) = (self.normalized(), other.normalized());
            let (a, b, scale) = a.aligned(b)?;
            Some(Decimal::new(a.checked_add(b)?, scale))
        })
    }

    /// `self - other`, or `None` on overflow.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// let d = Decimal::from_int(3).checked_sub(Decimal::new(5, 1));
    /// assert_eq!(d, Some(Decimal::new(25, 1)));
    /// ```
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other.checked_neg()?)
    }

    /// `-self`, or `None` on overflow (only for the mantissa `i128::MIN`).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::new(5, 1).checked_neg(), Some(Decimal::new(-5, 1)));
    /// ```
    pub const fn checked_neg(self) -> Option<Decimal> {
        match self.mantissa().checked_neg() {
            Some(mantissa) => Some(Decimal::new(mantissa, self.scale)),
            None => None,
        }
    }

    /// `self × other`, or `None` on overflow. Scales add (`1.5 × 1.5` =
    /// `2.25`).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// let d = Decimal::new(15, 1).checked_mul(Decimal::new(15, 1));
    /// assert_eq!(d, Some(Decimal::new(225, 2)));
    /// ```
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let raw = |a: Decimal, b: Decimal| {
            Some(Decimal::new(
                a.mantissa().checked_mul(b.mantissa())?,
                a.scale.checked_add(b.scale)?,
            ))
        };
        raw(self, other).or_else(|| raw(self.normalized(), other.normalized()))
    }

    /// `self × 10^exp` (the scale words: 万 = 10^4, 亿 = 10^8), or `None` on
    /// overflow. Exact: the decimal point moves; `3.5 × 10^4` = `35000`.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// let d = Decimal::new(6945, 2).checked_mul_pow10(8); // 69.45亿
    /// assert_eq!(d.map(|d| d.to_string()), Some("6945000000".to_string()));
    /// let d = Decimal::new(123456, 5).checked_mul_pow10(4); // 1.23456万
    /// assert_eq!(d.map(|d| d.to_string()), Some("12345.6".to_string()));
    /// ```
    pub fn checked_mul_pow10(self, exp: u32) -> Option<Decimal> {
        if exp <= self.scale {
            return Some(Decimal::new(self.mantissa(), self.scale - exp));
        }
        let f = pow10(exp - self.scale);
        match f.and_then(|f| self.mantissa().checked_mul(f)) {
            Some(mantissa) => Some(Decimal::new(mantissa, 0)),
            // `0 × 10^huge` is still zero.
            None if self.mantissa() == 0 => Some(Decimal::ZERO),
            None => None,
        }
    }

    /// Parse a whole string written in any numeral form the grammar knows,
    /// with scale words applied: ASCII or fullwidth digits (`1,234,567`,
    /// `３．５`), CJK numerals (`一千零五`, `两万`, `壹佰贰拾叁`, `二〇二六`,
    /// `三点五`) and mixed forms (`3.5万`, `69.45亿`, `3万4000`,
    /// `1亿2000万`). `None` when anything is left over (including spaces or
    /// a sign: numerals in reports carry no sign), the string is not a
    /// numeral, or the value overflows.
    ///
    /// ```
    /// use gongwen::Decimal;
    /// assert_eq!(Decimal::parse_numeral("11660万"), Some(Decimal::from_int(116_600_000)));
    /// assert_eq!(Decimal::parse_numeral("一百零五"), Some(Decimal::from_int(105)));
    /// assert_eq!(Decimal::parse_numeral("二〇二六"), Some(Decimal::from_int(2026)));
    /// assert_eq!(Decimal::parse_numeral("2021年"), None);
    /// ```
    pub fn parse_numeral(text: &str) -> Option<Decimal> {
        match crate::grammar::numeral::number(text) {
            Ok(("", numeral)) => numeral.value,
            _ => None,
        }
    }

    /// The decimal digits of `|mantissa|` in a stack buffer.
    fn abs_digits(&self) -> ([u8; 40], usize) {
        let mut buf = [b'0'; 40];
        let mut v = self.mantissa().unsigned_abs();
        let mut start = buf.len();
        loop {
            start -= 1;
            if let Some(slot) = buf.get_mut(start) {
                *slot = b'0' + (v % 10) as u8;
            }
            v /= 10;
            if v == 0 || start == 0 {
                break;
            }
        }
        let len = buf.len() - start;
        buf.rotate_left(start);
        (buf, len)
    }

    /// Compare absolute values without overflow: by the position of the
    /// leading digit, then digit by digit.
    fn cmp_abs(&self, other: &Decimal) -> Ordering {
        let (a, b) = (self.normalized(), other.normalized());
        match (a.mantissa() == 0, b.mantissa() == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (false, false) => {}
        }
        let (da, la) = a.abs_digits();
        let (db, lb) = b.abs_digits();
        // Exponent of the leading digit: digits - scale.
        let ea = la as i64 - i64::from(a.scale);
        let eb = lb as i64 - i64::from(b.scale);
        ea.cmp(&eb).then_with(|| {
            let sa = da.get(..la).unwrap_or(&[]);
            let sb = db.get(..lb).unwrap_or(&[]);
            // Trailing zeros only occur in integers, where they are
            // significant positions; compare with implicit zero padding.
            let trim =
                |s: &[u8]| -> usize { s.iter().rposition(|&c| c != b'0').map_or(0, |p| p + 1) };
            let sa = sa.get(..trim(sa)).unwrap_or(&[]);
            let sb = sb.get(..trim(sb)).unwrap_or(&[]);
            sa.cmp(sb)
        })
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        let (a, b) = (self.normalized(), other.normalized());
        a.mantissa() == b.mantissa() && a.scale == b.scale
    }
}

impl Eq for Decimal {}

impl Hash for Decimal {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let n = self.normalized();
        n.mantissa().hash(state);
        n.scale.hash(state);
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        match (self.mantissa().signum(), other.mantissa().signum()) {
            (a, b) if a != b => a.cmp(&b),
            (-1, _) => other.cmp_abs(self),
            _ => self.cmp_abs(other),
        }
    }
}

impl fmt::Display for Decimal {
    /// Exact, with the stored scale: `3191800`, `86.3`, `-0.5`, `1.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (buf, len) = self.abs_digits();
        let digits = buf.get(..len).unwrap_or(&[]);
        let digits = core::str::from_utf8(digits).map_err(|_| fmt::Error)?;
        if self.mantissa() < 0 {
            f.write_str("-")?;
        }
        let scale = self.scale as usize;
        if scale == 0 {
            f.write_str(digits)
        } else if len > scale {
            let (int, frac) = digits.split_at(len - scale);
            f.write_str(int)?;
            f.write_str(".")?;
            f.write_str(frac)
        } else {
            f.write_str("0.")?;
            for _ in 0..(scale - len) {
                f.write_str("0")?;
            }
            f.write_str(digits)
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Decimal({self})")
    }
}

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    /// Parse an ASCII decimal: optional sign, digits, optional `.` and
    /// digits (`-0.5`, `+3`, `86.30`). The written scale is kept. No
    /// thousands separators, exponents or fullwidth digits (use
    /// [`Decimal::parse_numeral`] for report text).
    ///
    /// ```
    /// use gongwen::Decimal;
    /// let d: Decimal = "-0.50".parse()?;
    /// assert_eq!((d.mantissa(), d.scale()), (-50, 2));
    /// assert!("3.".parse::<Decimal>().is_err());
    /// # Ok::<(), gongwen::decimal::ParseDecimalError>(())
    /// ```
    fn from_str(s: &str) -> Result<Decimal, ParseDecimalError> {
        let (negative, body) = match s.as_bytes().first() {
            Some(b'-') => (true, s.get(1..).unwrap_or("")),
            Some(b'+') => (false, s.get(1..).unwrap_or("")),
            _ => (false, s),
        };
        let (int, frac) = match body.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (body, None),
        };
        let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || frac.is_some_and(|f| !all_digits(f)) {
            return Err(ParseDecimalError::Invalid);
        }
        let frac = frac.unwrap_or("");
        let scale = u32::try_from(frac.len()).map_err(|_| ParseDecimalError::Overflow)?;
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            let d = i128::from(b - b'0');
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| {
                    if negative {
                        m.checked_sub(d)
                    } else {
                        m.checked_add(d)
                    }
                })
                .ok_or(ParseDecimalError::Overflow)?;
        }
        Ok(Decimal::new(mantissa, scale))
    }
}

impl Serialize for Decimal {
    /// A JSON number: integers that fit `i64`/`u64` exactly, other values as
    /// the nearest `f64`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(int) = self.to_i128() {
            if let Ok(v) = i64::try_from(int) {
                return serializer.serialize_i64(v);
            }
            if let Ok(v) = u64::try_from(int) {
                return serializer.serialize_u64(v);
            }
        }
        serializer.serialize_f64(self.to_f64())
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Decimal {
            fn from(v: $t) -> Decimal {
                Decimal::from_int(i128::from(v))
            }
        }
    )*};
}
from_int!(i8, i16, i32, i64, i128, u8, u16, u32, u64);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn display_and_parse() {
        for (m, s, text) in [
            (3_191_800, 0, "3191800"),
            (863, 1, "86.3"),
            (-5, 1, "-0.5"),
            (150, 2, "1.50"),
            (5, 3, "0.005"),
            (0, 0, "0"),
            (0, 2, "0.00"),
            (i128::MIN, 0, "-170141183460469231731687303715884105728"),
            (i128::MAX, 38, "1.70141183460469231731687303715884105727"),
            (1, 40, "0.0000000000000000000000000000000000000001"),
        ] {
            assert_eq!(Decimal::new(m, s).to_string(), text);
            let back: Decimal = text.parse().unwrap();
            assert_eq!((back.mantissa(), back.scale()), (m, s), "{text}");
        }
        for bad in [
            "", "-", "+", "3.", ".5", "1,000", "1e3", "３", " 1", "1.2.3", "--1",
        ] {
            assert_eq!(
                bad.parse::<Decimal>(),
                Err(ParseDecimalError::Invalid),
                "{bad:?}"
            );
        }
        assert_eq!(
            "170141183460469231731687303715884105728".parse::<Decimal>(),
            Err(ParseDecimalError::Overflow)
        );
    }

    #[test]
    fn value_semantics() {
        assert_eq!(d("1.50"), d("1.5"));
        assert_eq!(d("100"), d("100.000"));
        assert_ne!(d("100"), d("10"));
        assert!(d("0.5") < d("1"));
        assert!(d("-0.5") > d("-1"));
        assert!(d("-2") < d("0"));
        assert!(d("10") > d("9.999"));
        assert!(d("1.01") > d("1.009"));
        assert_eq!(d("2.50").cmp(&d("2.5")), Ordering::Equal);
        assert!(Decimal::new(1, 40) < Decimal::new(1, 39));
        assert!(Decimal::new(1, 40) > Decimal::ZERO);
        assert!(Decimal::from_int(i128::MAX) > Decimal::new(i128::MAX, 1));
        use std::collections::HashSet;
        let set: HashSet<Decimal> = [d("1.50"), d("1.5"), d("1.500")].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn arithmetic() {
        assert_eq!(d("319.18").checked_mul_pow10(4), Some(d("3191800")));
        assert_eq!(d("69.45").checked_mul_pow10(8), Some(d("6945000000")));
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("1").checked_mul_pow10(39), None);
        assert_eq!(Decimal::ZERO.checked_mul_pow10(1000), Some(Decimal::ZERO));
        assert_eq!(
            Decimal::from_int(i128::MAX).checked_add(Decimal::new(0, 5)),
            Some(Decimal::from_int(i128::MAX))
        );
        assert_eq!(Decimal::from_int(i128::MIN).checked_neg(), None);
        assert_eq!(d("2").checked_mul(d("0.25")), Some(d("0.5")));
        assert_eq!(d("12.0").to_i128(), Some(12));
        assert!(!d("12.5").is_integer());
        assert_eq!(d("86.3").to_f64(), 86.3);
        assert_eq!(Decimal::new(1, 400).to_f64(), 0.0);
    }
}

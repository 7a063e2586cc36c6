//! Numerals through the public API: `Decimal` and `Decimal::parse_numeral`.
//!
//! The known-answer tables for the crate-internal grammar productions
//! (with expected leftover input) live in `src/grammar/numeral.rs`; here
//! `parse_numeral` must accept the same forms as whole strings.
//!
//! Property tests: (2) an independent reference reader agrees with
//! `parse_numeral` on generated CJK numerals (两, 〇/零, financial forms,
//! 一十) up to 10^16; (3) arabic numbers, ASCII and fullwidth, with and
//! without thousands separators and decimals; (4) `Display`/`FromStr` round
//! trips and value semantics of `Decimal`. (1), `format_cjk` round trips,
//! is in `src/grammar/numeral.rs`.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use gongwen::Decimal;
use proptest::prelude::*;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

// ---------------------------------------------------------------------
// Known answers
// ---------------------------------------------------------------------

#[test]
fn parse_numeral_known_answers() {
    let long = "9".repeat(10_000);
    let table: Vec<(&str, Option<&str>)> = vec![
        // Arabic
        ("2021", Some("2021")),
        ("2021年", None),
        ("1,234,567", Some("1234567")),
        ("1,234,567元", None),
        ("1,234,567.5", Some("1234567.5")),
        ("12,3", None),
        ("3.", None),
        ("3.5", Some("3.5")),
        ("86.30", Some("86.30")),
        ("１２３", Some("123")),
        ("３．５", Some("3.5")),
        ("０.５", Some("0.5")),
        ("1，234", None),
        ("9999999999999999999999999999999999999999999", None),
        (&long, None),
        // Mixed
        ("3.5万", Some("35000")),
        ("1.2亿", Some("120000000")),
        ("11660万", Some("116600000")),
        ("319.18万", Some("3191800")),
        ("8.6万", Some("86000")),
        ("69.45亿", Some("6945000000")),
        ("3万4000", Some("34000")),
        ("1亿2000万", Some("120000000")),
        ("1.2万亿", Some("1200000000000")),
        ("5千万", Some("50000000")),
        ("3千", Some("3000")),
        ("1万2", None),
        ("3万千瓦", None),
        // CJK
        ("十", Some("10")),
        ("十一", Some("11")),
        ("一十一", Some("11")),
        ("一百一十", Some("110")),
        ("一百零五", Some("105")),
        ("两千零二十六", Some("2026")),
        ("二〇二六", Some("2026")),
        ("二〇二六年", None),
        ("二○一二", Some("2012")),
        ("一九九八", Some("1998")),
        ("壹佰贰拾叁", Some("123")),
        ("壹仟零贰拾", Some("1020")),
        ("贰萬", Some("20000")),
        ("三千万", Some("30000000")),
        ("一万二千", Some("12000")),
        ("一万二", Some("12000")),
        ("两万", Some("20000")),
        ("十万八千", Some("108000")),
        ("一亿二千万", Some("120000000")),
        ("一万亿", Some("1000000000000")),
        ("零", Some("0")),
        ("三点五", Some("3.5")),
        ("三点五万", Some("35000")),
        ("百分之三十", None),
        ("两三", None),
        ("十四五", None),
        ("一二三", None),
        ("", None),
        ("万", None),
    ];
    for (input, expected) in table {
        let got = Decimal::parse_numeral(input);
        assert_eq!(
            got.map(|d| d.to_string()),
            expected.map(str::to_string),
            "parse_numeral({input:?})"
        );
    }
}

#[test]
fn decimal_known_answers() {
    assert_eq!(
        dec("319.18").checked_mul_pow10(4).unwrap().to_string(),
        "3191800"
    );
    assert_eq!(Decimal::new(-5, 1).to_string(), "-0.5");
    assert_eq!(dec("1.50"), dec("1.5"));
    assert_eq!(dec("1.50").to_string(), "1.50");
    assert_eq!(dec("1.50").normalized().to_string(), "1.5");
    assert!(dec("2.5") > dec("2.49"));
    assert_eq!(dec("12.000").to_i128(), Some(12));
    assert_eq!(dec("12.5").to_i128(), None);
    assert!(dec("7.0").is_integer());
}

#[test]
fn decimal_serializes_as_json_number() {
    let json = |d: Decimal| serde_json::to_string(&d).unwrap();
    assert_eq!(json(dec("29000")), "29000");
    assert_eq!(json(dec("86.3")), "86.3");
    assert_eq!(json(dec("86.30")), "86.3");
    assert_eq!(json(dec("3191800.00")), "3191800");
    assert_eq!(json(dec("-0.5")), "-0.5");
    assert_eq!(json(dec("18446744073709551615")), "18446744073709551615");
    assert_eq!(json(Decimal::parse_numeral("319.18万").unwrap()), "3191800");
    // Beyond u64: the nearest f64, still a JSON number.
    let big = json(dec("100000000000000000000000"));
    assert!(big.parse::<f64>().is_ok(), "{big}");
}

// ---------------------------------------------------------------------
// (2) Reference reader and generated CJK numerals
// ---------------------------------------------------------------------

/// An independent reader for well-formed positional CJK numerals: one pass,
/// a pending digit, a section below 万, the 万 part, and everything before
/// the last 亿 (which 亿 multiplies).
fn reference(s: &str) -> Option<u128> {
    let (mut before_yi, mut wan, mut section, mut digit) = (0u128, 0u128, 0u128, 0u128);
    for c in s.chars() {
        match c {
            '〇' | '零' | '○' => digit = 0,
            '一' | '壹' => digit = 1,
            '二' | '贰' | '两' | '兩' | '貳' => digit = 2,
            '三' | '叁' | '參' => digit = 3,
            '四' | '肆' => digit = 4,
            '五' | '伍' => digit = 5,
            '六' | '陆' | '陸' => digit = 6,
            '七' | '柒' => digit = 7,
            '八' | '捌' => digit = 8,
            '九' | '玖' => digit = 9,
            '十' | '拾' => {
                section += digit.max(1) * 10;
                digit = 0;
            }
            '百' | '佰' => {
                section += digit * 100;
                digit = 0;
            }
            '千' | '仟' => {
                section += digit * 1000;
                digit = 0;
            }
            '万' | '萬' => {
                wan = (section + digit) * 10_000;
                section = 0;
                digit = 0;
            }
            '亿' | '億' => {
                before_yi = (before_yi + wan + section + digit) * 100_000_000;
                wan = 0;
                section = 0;
                digit = 0;
            }
            _ => return None,
        }
    }
    Some(before_yi + wan + section + digit)
}

/// How a generated numeral is written.
#[derive(Debug, Clone, Copy)]
struct Style {
    zero: char,
    financial: bool,
    traditional_big: bool,
    /// Start 10–19 with 一十 instead of 十.
    yi_shi: bool,
    /// Bits choosing 两 for a leading 2 where it is idiomatic.
    liang: u64,
}

impl Style {
    fn digit(&self, d: u128) -> char {
        let common = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let fin = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
        let table = if self.financial { fin } else { common };
        table[d as usize]
    }

    fn unit(&self, pos: u32) -> char {
        match (pos, self.financial) {
            (1, false) => '十',
            (2, false) => '百',
            (3, false) => '千',
            (1, true) => '拾',
            (2, true) => '佰',
            _ => '仟',
        }
    }

    fn big(&self, pos: u32) -> char {
        match (pos, self.traditional_big) {
            (4, false) => '万',
            (4, true) => '萬',
            (_, false) => '亿',
            (_, true) => '億',
        }
    }

    fn take_liang(&mut self) -> bool {
        let bit = self.liang & 1 == 1;
        self.liang = self.liang.rotate_right(1);
        bit
    }
}

/// Section `n` (1..10000). `start`: first section of the numeral.
/// `before_big`: followed by 万 or 亿.
fn write_section(n: u128, start: bool, before_big: bool, st: &mut Style, out: &mut String) {
    let digits = [(n / 1000) % 10, (n / 100) % 10, (n / 10) % 10, n % 10];
    let mut started = false;
    let mut gap = false;
    for (k, &d) in digits.iter().enumerate() {
        let pos = 3 - k as u32;
        if d == 0 {
            gap |= started;
            continue;
        }
        if gap {
            out.push(st.zero);
            gap = false;
        }
        let lone_two = pos == 0 && n == 2 && (before_big || start);
        if d == 2 && (pos >= 2 || lone_two) && st.take_liang() {
            out.push('两');
        } else if !(pos == 1 && d == 1 && start && !started && !st.yi_shi) {
            out.push(st.digit(d));
        }
        if pos > 0 {
            out.push(st.unit(pos));
        }
        started = true;
    }
}

fn write_below_yi(n: u128, start: bool, before_big: bool, st: &mut Style, out: &mut String) {
    let (hi, lo) = (n / 10_000, n % 10_000);
    if hi > 0 {
        write_section(hi, start, true, st, out);
        out.push(st.big(4));
        if lo > 0 {
            if lo < 1000 {
                out.push(st.zero);
            }
            write_section(lo, false, before_big, st, out);
        }
    } else {
        write_section(lo, start, before_big, st, out);
    }
}

fn write_any(n: u128, start: bool, st: &mut Style, out: &mut String) {
    let (hi, lo) = (n / 100_000_000, n % 100_000_000);
    if hi > 0 {
        if hi >= 100_000_000 {
            write_any(hi, start, st, out);
        } else {
            write_below_yi(hi, start, true, st, out);
        }
        out.push(st.big(8));
        if lo > 0 {
            if lo < 10_000_000 {
                out.push(st.zero);
            }
            write_below_yi(lo, false, false, st, out);
        }
    } else {
        write_below_yi(lo, start, false, st, out);
    }
}

fn write_cjk(n: u128, mut st: Style) -> String {
    let mut out = String::new();
    if n == 0 {
        out.push(st.zero);
    } else {
        write_any(n, true, &mut st, &mut out);
    }
    out
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop_oneof![Just('零'), Just('〇')],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(zero, financial, traditional_big, yi_shi, liang)| Style {
            zero,
            financial,
            traditional_big,
            yi_shi,
            liang,
        })
}

/// Values up to 10^16, biased towards short and round numbers.
fn cjk_value() -> impl Strategy<Value = u128> {
    prop_oneof![
        0u128..=100,
        0u128..=100_000,
        0u128..=10_000_000_000_000_000,
        (1u128..=99, 0u32..=14).prop_map(|(m, e)| m * 10u128.pow(e)),
        (1u128..=9_999, 1u128..=9_999, 4u32..=12).prop_map(|(a, b, e)| a * 10u128.pow(e) + b),
        Just(10_000_000_000_000_000u128),
    ]
}

#[test]
fn reference_reader_sanity() {
    let plain = Style {
        zero: '零',
        financial: false,
        traditional_big: false,
        yi_shi: false,
        liang: 0,
    };
    for (n, text) in [
        (0, "零"),
        (12, "十二"),
        (105, "一百零五"),
        (110, "一百一十"),
        (100_010, "十万零一十"),
        (10_005_000, "一千万五千"),
        (120_000_000, "一亿二千万"),
        (1_000_000_000_000, "一万亿"),
        (10_000_000_000_000_000, "一亿亿"),
    ] {
        assert_eq!(write_cjk(n, plain), text);
        assert_eq!(reference(text), Some(n), "{text}");
    }
    let fancy = Style {
        zero: '〇',
        financial: true,
        traditional_big: true,
        yi_shi: true,
        liang: u64::MAX,
    };
    assert_eq!(write_cjk(2_222, fancy), "两仟两佰贰拾贰");
    assert_eq!(write_cjk(20_012, fancy), "两萬〇壹拾贰");
    assert_eq!(write_cjk(2, fancy), "两");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// (2) The reference reader and `parse_numeral` agree on generated
    /// well-formed CJK numerals.
    #[test]
    fn cjk_agrees_with_reference(n in cjk_value(), st in style()) {
        let text = write_cjk(n, st);
        prop_assert_eq!(reference(&text), Some(n), "reference on {}", text);
        let got = Decimal::parse_numeral(&text);
        prop_assert_eq!(got, Some(Decimal::from_int(n as i128)), "parse_numeral on {}", text);
    }
}

// ---------------------------------------------------------------------
// (3) Arabic numbers
// ---------------------------------------------------------------------

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap(),
            '.' => '．',
            c => c,
        })
        .collect()
}

fn with_separators(s: &str) -> String {
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn arabic_integers(n in 0u128..=i128::MAX as u128) {
        let ascii = n.to_string();
        let expected = Some(Decimal::from_int(n as i128));
        prop_assert_eq!(Decimal::parse_numeral(&ascii), expected);
        prop_assert_eq!(Decimal::parse_numeral(&fullwidth(&ascii)), expected);
        prop_assert_eq!(Decimal::parse_numeral(&with_separators(&ascii)), expected);
    }

    #[test]
    fn arabic_decimals(m in 0i128..=i128::MAX, scale in 0u32..=38) {
        let d = Decimal::new(m, scale);
        let text = d.to_string();
        let got = Decimal::parse_numeral(&text).unwrap();
        prop_assert_eq!(got, d);
        prop_assert_eq!((got.mantissa(), got.scale()), (m, scale));
        prop_assert_eq!(Decimal::parse_numeral(&fullwidth(&text)), Some(d));
    }

    #[test]
    fn scale_words_multiply(m in 0i128..=999_999_999, scale in 0u32..=4) {
        let d = Decimal::new(m, scale);
        for (word, exp) in [("万", 4), ("亿", 8), ("万亿", 12), ("千万", 7), ("百万", 6)] {
            let text = format!("{d}{word}");
            prop_assert_eq!(Decimal::parse_numeral(&text), d.checked_mul_pow10(exp), "{}", text);
        }
    }
}

// ---------------------------------------------------------------------
// (4) Decimal value semantics
// ---------------------------------------------------------------------

fn hash_of(d: Decimal) -> u64 {
    let mut h = DefaultHasher::new();
    d.hash(&mut h);
    h.finish()
}

proptest! {
    #[test]
    fn display_from_str_round_trip(m in any::<i128>(), scale in 0u32..=60) {
        let d = Decimal::new(m, scale);
        let text = d.to_string();
        let back: Decimal = text.parse().unwrap();
        prop_assert_eq!((back.mantissa(), back.scale()), (m, scale), "{}", text);
    }

    #[test]
    fn rescaling_keeps_value(m in -999_999_999_999i128..=999_999_999_999, s in 0u32..=10, k in 0u32..=10) {
        let a = Decimal::new(m, s);
        let b = Decimal::new(m * 10i128.pow(k), s + k);
        prop_assert_eq!(a, b);
        prop_assert_eq!(hash_of(a), hash_of(b));
        prop_assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
        prop_assert_eq!(a.to_string().parse::<Decimal>().unwrap(), b);
    }

    #[test]
    fn order_matches_integers(
        ma in any::<i64>(), sa in 0u32..=18,
        mb in any::<i64>(), sb in 0u32..=18,
    ) {
        let (a, b) = (Decimal::new(ma.into(), sa), Decimal::new(mb.into(), sb));
        let top = sa.max(sb);
        let ia = i128::from(ma) * 10i128.pow(top - sa);
        let ib = i128::from(mb) * 10i128.pow(top - sb);
        prop_assert_eq!(a.cmp(&b), ia.cmp(&ib));
        prop_assert_eq!(a == b, ia == ib);
        let sum = a.checked_add(b).unwrap();
        prop_assert_eq!(sum, Decimal::new(ia + ib, top));
    }

    #[test]
    fn to_f64_is_nearest(m in any::<i64>(), scale in 0u32..=12) {
        let d = Decimal::new(m.into(), scale);
        let expected: f64 = d.to_string().parse().unwrap();
        prop_assert_eq!(d.to_f64(), expected);
    }
}

//! The numeral, quantity and date grammars alone (through `gongwen::__fuzz`, feature `fuzzing`)
//! and inside the parser.
//!
//! * `number` / `number_unscaled` read a prefix of the input, on a char
//!   boundary; a value prints and parses back exactly (`Display` →
//!   `FromStr`), and `Decimal::parse_numeral` of exactly that text agrees.
//! * `format_cjk(n)` reads back to `n` through `cjk_numeral`, consuming all.
//! * `quantity` and `date` consume a non-empty prefix ending on a char
//!   boundary.
//! * The same strings parse as documents with valid trees.
//!
//! Inputs are token soups of numerals, scale words, units and markers with
//! a short raw tail, so most runs exercise the numeral paths.
#![no_main]

use arbitrary::Arbitrary;
use gongwen::{Decimal, __fuzz};
use libfuzzer_sys::fuzz_target;

mod common;

const TOKENS: &[&str] = &[
    "0", "1", "2", "3", "5", "9", "12", "100", "2021", "2022", "1,234", "3.5", ".", "．", ",", "，",
    "０", "１", "９", "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    "百", "千", "万", "亿", "壹", "贰", "叁", "拾", "佰", "仟", "萬", "億", "点", "元", "万元", "亿元",
    "人次", "人", "个", "件", "项", "个百分点", "百分点", "%", "％", "‰", "㎡", "m2", "km", "年",
    "月", "日", "年度", "月份", "余", "多", "左右", "以上", "近", "约", "超过", "-", "～", "至",
    "—", "同比", "增长", "下降", "比上年", "百分之", "千分之", "第", "、", "（", "）", "(", ")",
    "是", "〔", "〕", "号", "《", "》", "“", "”", "\n", " ", "\u{3000}", "9999999999999999999999",
];

#[derive(Debug, Arbitrary)]
struct Input {
    tokens: Vec<u8>,
    raw: String,
    n: u128,
}

fn check_numeral(s: &str, read: Option<(&str, Option<Decimal>)>) {
    let Some((text, value)) = read else { return };
    assert!(s.starts_with(text), "numeral text {text:?} should be a prefix of {s:?}");
    if let Some(v) = value {
        let shown = v.to_string();
        assert_eq!(shown.parse::<Decimal>().ok(), Some(v), "{v} should print and parse back");
    }
}

fn check_number(s: &str) {
    let read = __fuzz::number(s);
    check_numeral(s, read);
    if let Some((text, value)) = read {
        if value.is_some() {
            assert_eq!(
                Decimal::parse_numeral(text),
                value,
                "parse_numeral({text:?}) should agree with number()"
            );
        }
    }
    check_numeral(s, __fuzz::number_unscaled(s));
    if let Some((used, _)) = __fuzz::cjk_numeral(s) {
        assert!(s.is_char_boundary(used) && used <= s.len());
    }
    if let Some(used) = __fuzz::quantity(s) {
        assert!(used > 0 && s.is_char_boundary(used), "quantity consumed {used} of {s:?}");
    }
    if let Some((used, _)) = __fuzz::date(s) {
        assert!(used > 0 && s.is_char_boundary(used), "date consumed {used} of {s:?}");
    }
}

fuzz_target!(|input: Input| {
    let mut s = String::new();
    for t in input.tokens.iter().take(64) {
        if let Some(tok) = TOKENS.get(usize::from(*t) % TOKENS.len()) {
            s.push_str(tok);
        }
    }
    s.push_str(&input.raw.chars().take(16).collect::<String>());

    // Every suffix starting on a char boundary, as the scanner would try.
    for (i, _) in s.char_indices().take(32) {
        if let Some(rest) = s.get(i..) {
            check_number(rest);
        }
    }
    check_number(&input.raw);

    // format_cjk round trip (values past i128 cannot be held by Decimal).
    let n = input.n;
    let cjk = __fuzz::format_cjk(n);
    if let Ok(v) = i128::try_from(n) {
        match __fuzz::cjk_numeral(&cjk) {
            Some((used, d)) => {
                assert_eq!(used, cjk.len(), "{cjk:?} ({n}) should be read whole");
                assert_eq!(d, Decimal::from_int(v), "{cjk:?} should read back as {n}");
            }
            None => panic!("format_cjk({n}) = {cjk:?} does not read back"),
        }
    }

    for text in [s.clone(), format!("一、情况\n完成{s}。\n")] {
        let doc = gongwen::parse(&text);
        common::check(&doc);
    }
});

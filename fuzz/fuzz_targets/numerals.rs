//! The numeral and quantity grammar. Until the grammar exposes its entry
//! points (through `gongwen::__fuzz`), this builds short numeric strings
//! from numeral, unit and marker tokens and runs the whole parser on them:
//! the numeral paths get most of the coverage that way.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

mod common;

const TOKENS: &[&str] = &[
    "0", "1", "2", "3", "5", "9", "12", "100", "2021", "2022", "1,234", "3.5", ".", "．", ",", "，",
    "０", "１", "９", "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十",
    "百", "千", "万", "亿", "壹", "贰", "叁", "拾", "佰", "仟", "萬", "億", "元", "万元", "亿元",
    "人次", "人", "个", "件", "项", "个百分点", "百分点", "%", "％", "‰", "㎡", "m2", "km", "年",
    "月", "日", "年度", "月份", "余", "多", "左右", "以上", "近", "约", "超过", "-", "～", "至",
    "—", "同比", "增长", "下降", "比上年", "百分之", "千分之", "第", "、", "（", "）", "(", ")",
    "是", "〔", "〕", "号", "《", "》", "“", "”", "\n", " ", "\u{3000}", "9999999999999999999999",
];

#[derive(Debug, Arbitrary)]
struct Input {
    tokens: Vec<u8>,
    raw: String,
}

fuzz_target!(|input: Input| {
    let mut s = String::new();
    for t in input.tokens.iter().take(64) {
        if let Some(tok) = TOKENS.get(usize::from(*t) % TOKENS.len()) {
            s.push_str(tok);
        }
    }
    s.push_str(&input.raw.chars().take(16).collect::<String>());
    for text in [s.clone(), format!("一、情况\n完成{s}。\n")] {
        let doc = gongwen::parse(&text);
        common::check(&doc);
    }
});

//! Property tests (issue #4): the parser is total, the tree always satisfies
//! [`Document::check_invariants`], parsing is deterministic, and CRLF line
//! ends give the same structure as LF.
//!
//! Case counts are modest (256; `PROPTEST_CASES=5000` for a longer run) and
//! strings short so CI stays fast; the fuzz
//! targets in `fuzz/` run the same checks for longer. Failing cases are
//! saved next to this file in `properties.proptest-regressions` (committed).

use std::path::Path;

use gongwen::{Document, Options, parse, parse_with};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Panic with the broken invariant and the input.
fn check(doc: &Document<'_>) {
    if let Err(e) = doc.check_invariants() {
        panic!("invariant broken: {e}\ninput: {:?}", doc.source);
    }
}

/// Heading and item markers, numerals, units, punctuation, words.
const TOKENS: &[&str] = &[
    // heading markers
    "一、",
    "二、",
    "三、",
    "十二、",
    "、",
    "（一）",
    "（二）",
    "（三）",
    "(一)",
    "(二)",
    "1.",
    "2.",
    "3．",
    "1、",
    "2、",
    "（1）",
    "（2）",
    "(1)",
    "(3)",
    "①",
    "②",
    "③",
    "一是",
    "二是",
    "三是",
    "是",
    "一要",
    "第一条",
    "第一节",
    "第一篇",
    "第二条",
    "第一章",
    "第二章",
    "第一部分",
    "第二部分",
    "第一，",
    "第二，",
    "首先",
    "其次",
    "最后",
    "——",
    // numerals
    "0",
    "1",
    "7",
    "12",
    "2021",
    "2022年",
    "1,234,567",
    "3.5",
    "１２",
    "〇",
    "两",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "壹",
    "拾",
    "百分之三十",
    // units
    "万元",
    "亿元",
    "元",
    "人次",
    "人",
    "个",
    "件",
    "项",
    "个百分点",
    "%",
    "％",
    "‰",
    "㎡",
    "年",
    "月",
    "日",
    "年度",
    "余",
    "多",
    "左右",
    "以上",
    "近",
    "同比增长",
    "下降",
    // punctuation
    "。",
    "，",
    "、",
    "；",
    "：",
    "“",
    "”",
    "《",
    "》",
    "〈",
    "〉",
    "〔",
    "〕",
    "—",
    "～",
    "-",
    "！",
    "？",
    ":",
    ";",
    "(",
    ")",
    "|",
    // words
    "工作",
    "加强党的领导",
    "法治政府建设",
    "总体情况",
    "完成",
    "投资",
    "索引号",
    "发布日期",
    "标题",
    "人民政府",
    "报告",
    "附件",
    "当前位置",
    "打印本页",
    "附件1",
    "目录",
    "名词解释",
    "要闻",
    "下载",
    "结束语",
];

/// Figures, units, approximation and change words, quotes and brackets:
/// the inline grammar's material, for wrapped paragraphs.
const FIGURE_WORDS: &[&str] = &[
    "全市",
    "完成",
    "投资",
    "超过",
    "不少于",
    "约",
    "近",
    "增长",
    "下降",
    "比上年",
    "12",
    "3.5",
    "2.6",
    "１２",
    "一九四九",
    "三十二",
    "百分之三点二",
    "两三",
    "万",
    "亿",
    "元",
    "万元",
    "亿元",
    "%",
    "％",
    "个",
    "项",
    "人次",
    "个百分点",
    "年",
    "月",
    "日",
    "以上",
    "左右",
    "余",
    "多",
    "，",
    "。",
    "；",
    "、",
    "“",
    "”",
    "《",
    "》",
    "〔2012〕",
    "号",
    "－",
    "-",
    "/",
    "第",
    "十三",
    "届",
    " ",
    "\u{3000}",
    "1.",
    "二、",
    "（三）",
];

/// Line ends and whitespace variants.
const SPACES: &[&str] = &[
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "\u{3000}",
    "\u{3000}\u{3000}",
    "\u{a0}",
    "\t",
    "\u{200b}",
    "\u{feff}",
];

/// LF-only variants (for the CRLF comparison).
const LF_SPACES: &[&str] = &["\n", "\n", "\n\n", " ", "\u{3000}", "\u{a0}", "\t"];

fn tokens(spaces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let tok = prop_oneof![
        4 => prop::sample::select(TOKENS).prop_map(str::to_owned),
        2 => prop::sample::select(spaces).prop_map(str::to_owned),
        1 => "[\\p{Han}]{1,6}",
    ];
    prop::collection::vec(tok, 0..max).prop_map(|v| v.concat())
}

/// The shape of a document that should not depend on line ends.
#[derive(Debug, PartialEq)]
struct Shape {
    outline: Vec<(u8, Option<u32>, String, String)>,
    paragraphs: usize,
    entities: Vec<String>,
}

fn shape(doc: &Document<'_>) -> Shape {
    let strip = |s: &str| s.replace('\r', "");
    Shape {
        outline: doc
            .outline()
            .into_iter()
            .map(|h| (h.level, h.ordinal, strip(h.marker), strip(&h.title)))
            .collect(),
        paragraphs: doc.paragraphs().len(),
        entities: doc.entities().iter().map(|e| strip(e.text)).collect(),
    }
}

fn json(doc: &Document<'_>) -> String {
    serde_json::to_string(doc).unwrap()
}

fn crlf(lf: &str) -> String {
    lf.replace('\n', "\r\n")
}

/// Every corpus document, its line ends normalised to `\n`.
fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
    out.sort();
    assert!(!out.is_empty(), "tests/corpus should hold documents");
    out
}

/// 256 cases, or `PROPTEST_CASES` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(Config { cases: cases(), ..Config::default() })]

    #[test]
    fn any_printable_text_parses_to_a_valid_tree(s in "\\PC{0,300}") {
        check(&parse(&s));
    }

    #[test]
    fn marker_soup_parses_to_a_valid_tree(s in tokens(SPACES, 120)) {
        check(&parse(&s));
    }

    #[test]
    fn marker_soup_is_valid_under_every_option(
        s in tokens(SPACES, 60),
        entities: bool,
        recover: bool,
        sentences: bool,
        strict: bool,
        depth in 0usize..6,
    ) {
        let o = Options {
            entities,
            recover_headings: recover,
            sentences,
            strict,
            max_depth: depth,
            ..Options::default()
        };
        if let Ok(doc) = parse_with(&s, &o) {
            check(&doc);
            if !entities {
                prop_assert!(doc.entities().is_empty(), "entities off should find none");
            }
            if !sentences {
                prop_assert!(
                    doc.paragraphs().iter().all(|p| p.sentences.is_empty()),
                    "sentences off should split none"
                );
            }
        }
    }

    #[test]
    fn bytes_and_str_entry_points_agree(s in tokens(SPACES, 60)) {
        let a = parse(&s);
        let b = gongwen::parse_bytes(s.as_bytes()).unwrap();
        let c = parse_with(&s, &Options::default()).unwrap();
        prop_assert_eq!(json(&a), json(&b));
        prop_assert_eq!(json(&a), json(&c));
    }

    #[test]
    fn parsing_is_deterministic(s in tokens(SPACES, 120)) {
        let a = parse(&s);
        let b = parse(&s);
        prop_assert_eq!(json(&a), json(&b));
        prop_assert_eq!(&a.diagnostics, &b.diagnostics);
    }

    /// Hard-wrapped paragraphs of figures, units and approximation words
    /// (the joined view of `src/inline/wrap.rs`) keep every invariant,
    /// and read alike with CRLF and CR line ends.
    #[test]
    fn wrapped_figure_soup_parses_to_a_valid_tree(
        words in prop::collection::vec(prop::sample::select(FIGURE_WORDS), 1..80),
        width in 4usize..40,
    ) {
        let text: String = words.concat();
        let chars: Vec<char> = text.chars().collect();
        let wrapped = format!(
            "一、情况\n{}\n",
            chars
                .chunks(width)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n")
        );
        let doc = parse(&wrapped);
        check(&doc);
        let crlf = wrapped.replace('\n', "\r\n");
        let other = parse(&crlf);
        check(&other);
        prop_assert_eq!(shape(&doc), shape(&other));
        let cr = wrapped.replace('\n', "\r");
        let other = parse(&cr);
        check(&other);
        prop_assert_eq!(doc.entities().len(), other.entities().len());
    }

    #[test]
    fn crlf_gives_the_same_structure(s in tokens(LF_SPACES, 120)) {
        let lf = parse(&s);
        let c = crlf(&s);
        let cr = parse(&c);
        check(&cr);
        prop_assert_eq!(shape(&lf), shape(&cr));
    }
}

#[test]
fn corpus_documents_satisfy_the_invariants() {
    for (name, text) in corpus() {
        let doc = parse(&text);
        if let Err(e) = doc.check_invariants() {
            panic!("{name}: invariant broken: {e}");
        }
        let doc = parse_with(&text, &Options::structure_only()).unwrap();
        if let Err(e) = doc.check_invariants() {
            panic!("{name} (structure only): invariant broken: {e}");
        }
    }
}

#[test]
fn corpus_documents_parse_deterministically() {
    for (name, text) in corpus() {
        assert_eq!(
            json(&parse(&text)),
            json(&parse(&text)),
            "{name}: two parses should serialize identically"
        );
    }
}

#[test]
fn corpus_documents_have_the_same_structure_with_crlf() {
    for (name, text) in corpus() {
        let lf = text.replace("\r\n", "\n").replace('\r', "\n");
        let c = crlf(&lf);
        let a = parse(&lf);
        let b = parse(&c);
        if let Err(e) = b.check_invariants() {
            panic!("{name} (CRLF): invariant broken: {e}");
        }
        assert_eq!(
            shape(&a),
            shape(&b),
            "{name}: CRLF line ends should give the same structure as LF"
        );
    }
}

//! Hostile inputs (issue #4): whatever a crawler found, the parser must not
//! panic, must finish, must keep the tree valid, and must say what was wrong.
//!
//! Sizes are scaled so the whole file runs in seconds in a debug build; the
//! full sizes (50 MB single line, 1,000,000 heading lines, …) and the
//! scaling ratios live in `benches/hostile.rs`. No timing assertions here.

use gongwen::{
    DiagnosticCode, Document, Error, Options, parse, parse_bytes, parse_bytes_with, parse_with,
};

/// Panic with the broken invariant (and a prefix of the input).
fn check(doc: &Document<'_>) {
    if let Err(e) = doc.check_invariants() {
        let head: String = doc.source.chars().take(200).collect();
        panic!(
            "invariant broken: {e}\ninput ({} bytes) starts {head:?}",
            doc.source.len()
        );
    }
    assert!(
        doc.diagnostics.len() <= doc.source.len().max(1),
        "should not raise more diagnostics ({}) than there are bytes ({})",
        doc.diagnostics.len(),
        doc.source.len()
    );
}

/// Parse with the defaults and with structure only; check both.
fn parse_both(src: &str) -> Document<'_> {
    let fast = parse_with(src, &Options::structure_only()).unwrap();
    check(&fast);
    let doc = parse(src);
    check(&doc);
    doc
}

fn has(doc: &Document<'_>, code: DiagnosticCode) -> bool {
    doc.diagnostics.iter().any(|d| d.code == code)
}

fn depth(doc: &Document<'_>) -> usize {
    fn walk(s: &[gongwen::Section<'_>]) -> usize {
        s.iter().map(|c| 1 + walk(&c.children)).max().unwrap_or(0)
    }
    walk(&doc.sections)
}

/// `s` repeated until the result is at least `bytes` long.
fn fill(s: &str, bytes: usize) -> String {
    s.repeat(bytes.div_ceil(s.len()))
}

#[test]
fn single_line_of_five_megabytes() {
    let src = fill("加强法治政府建设完成投资3.5亿元同比增长12%，", 5 << 20);
    assert!(!src.contains('\n'));
    parse_both(&src);
}

#[test]
fn single_line_without_any_punctuation() {
    parse_both(&fill("法治政府建设", 2 << 20));
}

#[test]
fn a_hundred_thousand_heading_lines() {
    let mut src = String::new();
    for i in 1..=100_000u32 {
        src.push_str(&format!("{i}.加强工作\n"));
    }
    let doc = parse_both(&src);
    assert!(depth(&doc) <= Options::default().max_depth);
}

#[test]
fn a_hundred_thousand_repeated_cn_headings() {
    let src = "一、总体情况\n".repeat(100_000);
    let doc = parse_both(&src);
    assert!(depth(&doc) <= Options::default().max_depth);
}

#[test]
fn a_million_unclosed_book_title_marks() {
    parse_both(&"《".repeat(1_000_000));
    parse_both(&"《关于".repeat(200_000));
}

#[test]
fn unclosed_quotes_and_brackets() {
    parse_both(&"“".repeat(300_000));
    parse_both(&format!("{}。", "（".repeat(300_000)));
    parse_both(&format!("{}。", "〈".repeat(300_000)));
    parse_both(&"〔2022".repeat(100_000));
    parse_both(&"》”）〉〕".repeat(100_000));
}

#[test]
fn a_hundred_thousand_nested_looking_markers() {
    // 25,000 cycles of four marker lines = 100,000 markers.
    let src = "（一）工作\n1.工作\n（1）工作\n①工作\n".repeat(25_000);
    let doc = parse_both(&src);
    assert!(depth(&doc) <= Options::default().max_depth);
    // The same markers run together on one line.
    parse_both(&"（一）1.（1）①".repeat(25_000));
}

#[test]
fn a_hundred_thousand_enumeration_items_in_one_paragraph() {
    parse_both(&"一是加强领导，二是完善制度；三是".repeat(33_000));
    parse_both(&"是".repeat(300_000));
}

#[test]
fn a_ten_thousand_digit_number() {
    let digits = "9".repeat(10_000);
    let src = format!("一、总体情况\n共完成投资{digits}万元。\n");
    let doc = parse_both(&src);
    // The value cannot be held exactly: it is either not a quantity or
    // flagged; it never wraps silently. (SPEC §5: number-overflow.)
    let _ = has(&doc, DiagnosticCode::NumberOverflow);
    parse_both(&format!("{digits}.{digits}%"));
    parse_both(&"一二三四五六七八九十百千万亿".repeat(1_000));
    parse_both(&format!("第{}条", "九".repeat(10_000)));
    parse_both(&format!("{digits}年{digits}月{digits}日"));
    parse_both(&format!("（{digits}）工作\n{digits}、工作\n"));
}

#[test]
fn nul_bytes_and_control_characters() {
    let nul = "\0".repeat(100_000);
    let doc = parse_both(&nul);
    assert!(
        has(&doc, DiagnosticCode::ControlChar),
        "NUL bytes should raise a control-char diagnostic"
    );
    let mixed = fill(
        "一、\u{1}工作\u{7}\u{1b}[0m\u{7f}\u{85}\u{8}完成3项\u{0}。\n",
        1 << 20,
    );
    let doc = parse_both(&mixed);
    assert!(
        has(&doc, DiagnosticCode::ControlChar),
        "control characters should raise a control-char diagnostic"
    );
    parse_both("\u{0}");
    parse_both("\u{0}\r\u{0}\n");
}

#[test]
fn only_whitespace() {
    for ws in [
        " ", "\u{3000}", "\t", "\n", "\r\n", "\r", "\u{a0}", "\u{200b}", "\u{feff}",
    ] {
        let src = ws.repeat(100_000);
        let doc = parse_both(&src);
        assert!(
            doc.sections.is_empty(),
            "whitespace {ws:?} should hold no sections"
        );
    }
    parse_both(&fill(" \u{3000}\t\n\r\n\u{a0}\u{200b}\u{feff}\r", 1 << 20));
    parse_both("");
}

#[test]
fn only_punctuation() {
    parse_both(&fill(
        "。，、；：“”《》〈〉〔〕—～！？（）()|:;.,-%％‰",
        1 << 20,
    ));
    parse_both(&"。".repeat(300_000));
    parse_both(&"——".repeat(200_000));
}

#[test]
fn replacement_characters_are_reported() {
    let src = fill("一、总体\u{fffd}\u{fffd}情况\n", 100_000);
    let doc = parse_both(&src);
    assert!(
        has(&doc, DiagnosticCode::ReplacementChar),
        "U+FFFD should raise a replacement-char diagnostic"
    );
}

#[test]
fn invalid_utf8_at_start_middle_and_end() {
    let text = "一、总体情况\n完成3项。\n".as_bytes();
    let cases: Vec<(Vec<u8>, usize)> = vec![
        ([&[0xff][..], text].concat(), 0),
        ([&text[..9], &[0xc0, 0x80], &text[9..]].concat(), 9),
        ([text, &[0xe4, 0xb8][..]].concat(), text.len()),
        ([text, &[0x80][..]].concat(), text.len()),
        (vec![0xed, 0xa0, 0x80], 0), // a UTF-16 surrogate
        ([&text[..3], &[0xf8, 0x88, 0x80, 0x80, 0x80]].concat(), 3),
    ];
    for (bytes, offset) in cases {
        assert_eq!(
            std::str::from_utf8(&bytes).unwrap_err().valid_up_to(),
            offset,
            "test case should be invalid at {offset}"
        );
        match parse_bytes(&bytes) {
            Err(Error::InvalidUtf8 { offset: got }) => {
                assert_eq!(got, offset, "InvalidUtf8 should report the first bad byte")
            }
            Err(e) => panic!("invalid UTF-8 should be InvalidUtf8, got {e}"),
            Ok(_) => panic!("invalid UTF-8 at {offset} should be rejected"),
        }
    }
    // Valid bytes with a BOM parse.
    let bom = [&[0xef, 0xbb, 0xbf][..], text].concat();
    check(&parse_bytes(&bom).unwrap());
    // The error message names the offset.
    let e = parse_bytes(&[b'a', 0xff]).unwrap_err();
    assert!(
        e.to_string().contains('1'),
        "message should name the offset: {e}"
    );
}

#[test]
fn input_over_the_size_limit_is_an_error() {
    let mut o = Options {
        max_input_bytes: 10,
        ..Options::default()
    };
    assert_eq!(
        parse_with("12345678901", &o).unwrap_err(),
        Error::InputTooLarge {
            size: 11,
            limit: 10
        }
    );
    assert_eq!(
        parse_bytes_with(b"12345678901", &o).unwrap_err(),
        Error::InputTooLarge {
            size: 11,
            limit: 10
        }
    );
    check(&parse_with("1234567890", &o).unwrap());
    // Multibyte: 4 chars, 12 bytes.
    assert!(matches!(
        parse_with("一二三四", &o),
        Err(Error::InputTooLarge {
            size: 12,
            limit: 10
        })
    ));
    o.max_input_bytes = 0;
    check(&parse_with("", &o).unwrap());
    assert!(matches!(
        parse_with("a", &o),
        Err(Error::InputTooLarge { size: 1, limit: 0 })
    ));
}

const DEEP: &str = "一、总体情况\n\
（一）主要工作\n\
1.加强领导\n\
（1）完善制度\n\
①健全机制\n\
各项工作稳步推进。\n\
（2）强化监督\n\
各项工作稳步推进。\n\
2.依法行政\n\
各项工作稳步推进。\n\
二、存在问题\n\
各项工作稳步推进。\n";

#[test]
fn a_tree_deeper_than_max_depth_is_an_error() {
    let doc = parse(DEEP);
    check(&doc);
    let full = depth(&doc);
    assert!(
        full >= 3,
        "the test document should nest at least 3 deep, got {full}"
    );
    let mut o = Options {
        max_depth: full,
        ..Options::default()
    };
    check(&parse_with(DEEP, &o).unwrap());
    for limit in [0, 1, full - 1] {
        o.max_depth = limit;
        match parse_with(DEEP, &o) {
            Err(Error::TooDeep { depth, limit: l }) => {
                assert_eq!(l, limit, "TooDeep should report the configured limit");
                assert!(depth > limit, "TooDeep depth {depth} should exceed {limit}");
            }
            other => panic!("depth {full} over max_depth {limit} should be TooDeep, got {other:?}"),
        }
    }
}

#[test]
fn strict_mode_reports_damaged_text() {
    let src = "一、总体\u{fffd}情况\n完成3项。\n";
    match parse_with(src, &Options::strict()) {
        Err(Error::Strict { code, span, .. }) => {
            assert_eq!(code, DiagnosticCode::ReplacementChar);
            assert!(
                span.text(src).contains('\u{fffd}'),
                "span should cover U+FFFD"
            );
        }
        other => panic!("strict mode should fail on U+FFFD, got {other:?}"),
    }
    check(&parse_with("一、总体情况\n完成3项。\n", &Options::strict()).unwrap());
}

#[test]
fn a_flood_of_diagnostics_is_capped_and_counted() {
    // 300,000 unclosed `“`: one diagnostic each would be 40 bytes per
    // 3 bytes of input. The list stops at `max_diagnostics` and one final
    // `diagnostics-truncated` says how many more there were.
    let src = "“".repeat(300_000);
    let cap = Options::default().max_diagnostics;
    let doc = parse_both(&src);
    assert_eq!(doc.diagnostics.len(), cap + 1);
    let last = doc
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::DiagnosticsTruncated)
        .unwrap();
    // It spans the dropped ones: the quotes after the first `cap`.
    assert_eq!(last.span.start as usize, cap * "“".len());
    assert_eq!(last.span.end as usize, src.len());
    assert!(
        last.message.starts_with(&format!("{} more", 300_000 - cap)),
        "{}",
        last.message
    );
    // Below the cap nothing is dropped and there is no summary.
    let opts = Options {
        max_diagnostics: 1_000_000,
        ..Options::default()
    };
    let all = parse_with(&src, &opts).unwrap();
    assert_eq!(all.diagnostics.len(), 300_000);
    assert!(!has(&all, DiagnosticCode::DiagnosticsTruncated));
}

#[test]
fn the_cap_keeps_the_first_error_for_strict_mode() {
    // Warnings fill the list before the U+FFFD error is reached by the
    // passes; the error is still kept, so strict mode still fails on it.
    let src = format!("{}\n一、总体\u{fffd}情况\n", "“".repeat(50));
    let opts = Options {
        max_diagnostics: 3,
        ..Options::default()
    };
    let doc = parse_with(&src, &opts).unwrap();
    check(&doc);
    assert!(has(&doc, DiagnosticCode::ReplacementChar));
    assert!(has(&doc, DiagnosticCode::DiagnosticsTruncated));
    let strict = Options {
        strict: true,
        ..opts
    };
    assert!(matches!(
        parse_with(&src, &strict),
        Err(Error::Strict {
            code: DiagnosticCode::ReplacementChar,
            ..
        })
    ));
    // A cap of zero keeps no warnings at all, only the summary.
    let ten = "“".repeat(10);
    let zero = Options {
        max_diagnostics: 0,
        ..Options::default()
    };
    let none = parse_with(&ten, &zero).unwrap();
    assert_eq!(none.diagnostics.len(), 1);
    assert_eq!(
        none.diagnostics[0].code,
        DiagnosticCode::DiagnosticsTruncated
    );
}

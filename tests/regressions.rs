//! Every crash, hang or broken invariant found by the fuzzers, the property
//! tests or a bug report, as a named test with its (minimised) input inline.
//!
//! Name each test after what broke, note where it was found, and keep the
//! input as small as the minimiser got it.

use gongwen::{Document, Options, parse, parse_bytes, parse_with};

/// Parse with the defaults, structure only and every option off; check the
/// invariants of each tree.
fn check_all(src: &str) -> Document<'_> {
    let off = Options {
        entities: false,
        sentences: false,
        recover_headings: false,
        ..Options::default()
    };
    for o in [Options::structure_only(), off] {
        if let Ok(doc) = parse_with(src, &o) {
            assert_valid(&doc);
        }
    }
    let doc = parse(src);
    assert_valid(&doc);
    doc
}

fn assert_valid(doc: &Document<'_>) {
    if let Err(e) = doc.check_invariants() {
        panic!("invariant broken: {e}\ninput: {:?}", doc.source);
    }
}

/// fuzz/parse, first minute on the skeleton: a lone line end must still be
/// covered by a zone (the placeholder returned no zones at all).
#[test]
fn lone_newline_is_covered_by_a_zone() {
    let doc = check_all("\n");
    assert!(!doc.zones.is_empty(), "a non-empty input should have zones");
}

/// fuzz/parse_bytes: a BOM alone and a BOM before a line end.
#[test]
fn bom_only() {
    check_all("\u{feff}");
    check_all("\u{feff}\n");
    assert_valid(&parse_bytes(&[0xef, 0xbb, 0xbf]).unwrap());
}

/// Line-end edge cases: a lone CR, CR before LF split across "lines".
#[test]
fn lone_carriage_returns() {
    check_all("\r");
    check_all("\r\r\n\n\r");
    check_all("一、总体\r（一）工作\r完成3项。\r");
}

/// tests/hostile.rs `a_ten_thousand_digit_number`: `arabic_ordinal` in
/// src/grammar/heading.rs multiplies a u32 digit by digit before checking
/// the 3-digit limit: "attempt to multiply with overflow" (debug builds; it
/// wraps silently in release) on any input starting with a digit run over
/// u32::MAX. Minimal input: `4294967296`.
#[test]
fn ten_digit_line_start_does_not_overflow_the_ordinal() {
    check_all("4294967296");
    check_all("9999999999");
    check_all("9999999999.工作\n");
    check_all("（9999999999）工作\n");
    check_all(&format!("{}、工作\n", "9".repeat(10_000)));
}

/// benches/hostile.rs `repeated_headings` and `nested_markers` (ratio
/// t(10×)/t(1×) ≈ 20–30, ~4× per doubling): `unnumbered_parents` in
/// src/tree.rs checks every line against every heading
/// (`taken.iter().any(..)`), O(lines × headings). 80,000 `一、总体情况`
/// lines took 2.4 s in release, 20,000 nested marker cycles 5.9 s. No timing
/// assertion: this finishes either way, but is slow in debug while the bug
/// is there.
#[test]
fn many_heading_lines_are_not_quadratic() {
    check_all(&"一、总体情况\n".repeat(20_000));
    check_all(&"（一）工作\n1.工作\n（1）工作\n①工作\n".repeat(5_000));
}

/// fuzz/parse (round 1, 12 min): one line recovered as a lost-marker
/// heading twice (`heading-marker-lost` raised twice on the same span,
/// once as `cn_paren` and once as `cn`), so two sibling sections start on
/// the same line and overlap, and the first one's paragraph swallows the
/// second one's subsection (src/tree.rs `fill_gaps`). Found as "child
/// section not inside its parent" and "siblings overlap".
#[test]
fn marker_lost_line_is_recovered_once() {
    check_all("（二）工作\n第一节\n\n工作情况\n完成。\n（二）工作\n二、工作");
    check_all("（二）:\n第一节\n\n要闻\n全\n（二）\n二");
    check_all(&format!(
        "{}\n第一节\n\n要闻\n2\n（二）\n二\nn",
        "A".repeat(100)
    ));
    // fuzz/parse_bytes, same bug, CR line ends.
    check_all("第一篇刚\n\n下载\n印\n（二）\r三\r;");
}

/// tests/properties.rs `crlf_gives_the_same_structure` (proptest seed
/// committed): a quote of at most 24 chars is a name and numbers inside it
/// are not entities (src/inline/mod.rs `NAME_QUOTE_MAX_CHARS`), but the
/// count includes the `\r` of a CRLF line end inside the quote, so the
/// same text finds no entity with `\n` and `3万元` with `\r\n`.
#[test]
fn crlf_inside_a_quote_does_not_change_entities() {
    let lf = format!("！“{}\n3万元”", "中".repeat(20));
    let crlf = lf.replace('\n', "\r\n");
    let texts = |s: &str| -> Vec<String> {
        let doc = check_all(s);
        doc.entities().iter().map(|e| e.text.to_owned()).collect()
    };
    assert_eq!(
        texts(&lf),
        texts(&crlf),
        "line ends should not change entities"
    );
}

/// tests/properties.rs `crlf_gives_the_same_structure` (proptest seed
/// committed): a number right after `附件` / `附表` / `见表` … is an annex
/// or table label, not an entity, but the look-back is a fixed 12-byte
/// window (src/inline/mod.rs `arabic_word`, `back_window(i, 12)`) that
/// counts the line end: with `\r\n` the `附` falls out of the window and
/// the `0` becomes an entity.
#[test]
fn crlf_before_an_annex_label_does_not_change_entities() {
    let lf = "。一、十二、附件\n\u{3000}\u{a0}0";
    let crlf = lf.replace('\n', "\r\n");
    let texts = |s: &str| -> Vec<String> {
        let doc = check_all(s);
        doc.entities().iter().map(|e| e.text.to_owned()).collect()
    };
    assert_eq!(
        texts(lf),
        texts(&crlf),
        "line ends should not change entities"
    );
}

/// benches/hostile.rs (`blank_lines`, `whitespace`): a run of blank and
/// whitespace-only lines is now one line entry; the zones must still cover
/// every byte of the run, in every line-end style, and the structure
/// around it must not change.
#[test]
fn runs_of_blank_lines_keep_zones_and_structure() {
    let gap = "\n \r\n\u{3000}\r\r\n\u{a0}\u{200b}\n\n";
    let src = format!("一、总体{gap}完成3项。{gap}二、工作{gap}（一）制度{gap}共12件。{gap}");
    let doc = check_all(&src);
    let outline: Vec<_> = doc
        .outline()
        .iter()
        .map(|h| (h.level, h.ordinal, h.title.to_string()))
        .collect();
    assert_eq!(
        outline,
        [
            (1, Some(1), "总体".to_string()),
            (1, Some(2), "工作".to_string()),
            (2, Some(1), "制度".to_string()),
        ]
    );
    assert_eq!(
        doc.zones.last().map(|z| z.span.end as usize),
        Some(src.len())
    );
    let plain = "一、总体\n\n完成3项。\n\n二、工作\n\n（一）制度\n\n共12件。\n";
    let texts = |d: &Document<'_>| -> Vec<String> {
        d.paragraphs().iter().map(|p| p.text.to_string()).collect()
    };
    assert_eq!(texts(&doc), texts(&parse(plain)));
}

//! The five seed reports: their outlines exactly as the structure issue
//! requires.

use gongwen::{MarkerFamily, MetaKey, ZoneKind};

fn load(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let entry = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no corpus file {prefix}*"));
    std::fs::read_to_string(entry.path()).unwrap()
}

/// (level, ordinal, title, inferred) of every heading.
fn outline(text: &str) -> Vec<(u8, Option<u32>, String, bool)> {
    gongwen::parse(text)
        .outline()
        .into_iter()
        .map(|h| (h.level, h.ordinal, h.title.to_string(), h.inferred))
        .collect()
}

fn level(text: &str, l: u8) -> Vec<(Option<u32>, String)> {
    outline(text)
        .into_iter()
        .filter(|h| h.0 == l)
        .map(|h| (h.1, h.2))
        .collect()
}

#[test]
fn seed_000_yuncheng() {
    let text = load("000_");
    let doc = gongwen::parse(&text);
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_ref()),
        Some("运城市人民政府 关于2021年度法治政府建设情况的报告")
    );
    let meta = |k| doc.meta(k).map(|m| m.value);
    assert_eq!(meta(MetaKey::IndexNumber), Some("012870556/2022-00020"));
    assert_eq!(meta(MetaKey::Issuer), Some("市人民政府办公室"));
    assert_eq!(meta(MetaKey::DocNumber), Some("运政函〔2022〕3号"));
    assert_eq!(
        doc.meta(MetaKey::WrittenDate).and_then(|m| m.date),
        Some(gongwen::Date::ymd(2022, 1, 28))
    );
    assert_eq!(
        doc.meta(MetaKey::PublishedDate).and_then(|m| m.date),
        Some(gongwen::Date::ymd(2022, 2, 9))
    );
    let out = outline(&text);
    assert_eq!(out.len(), 9, "should have nine sections: {out:#?}");
    for (i, h) in out.iter().enumerate() {
        assert_eq!(h.0, 1, "all level 1");
        assert_eq!(h.1, Some(i as u32 + 1), "ordinals 1..9");
        assert_eq!(h.3, i == 4, "only 五 is inferred");
    }
    assert_eq!(out[4].2, "严格决策程序,决策公信力执行力持续提升");
    let closing = doc.closing.as_ref().expect("closing block");
    assert_eq!(
        closing.issuers.iter().map(|l| l.text).collect::<Vec<_>>(),
        ["运城市人民政府"]
    );
    assert_eq!(closing.date.as_ref().map(|d| d.text), Some("2022年1月28日"));
    let last = doc.zones.last().unwrap();
    assert_eq!(last.kind, ZoneKind::TrailerChrome);
    assert_eq!(last.span.text(&text).trim(), "相关解读");
}

#[test]
fn seed_001_wubu() {
    let text = load("001_");
    assert_eq!(level(&text, 1).len(), 3);
    let out = outline(&text);
    let l2: Vec<_> = out.iter().filter(|h| h.0 == 2).collect();
    assert_eq!(l2.len(), 8, "(一)…(八) under the first section");
    assert!(
        out.iter().all(|h| h.0 <= 2),
        "一是… runs are items, not sections"
    );
    let doc = gongwen::parse(&text);
    let first = &doc.sections[0];
    assert_eq!(first.children.len(), 8);
    let items: usize = first
        .children
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.items.len())
        .sum();
    assert!(
        items >= 8,
        "the 一是…二是… runs are enumeration items, found {items}"
    );
}

#[test]
fn seed_002_chengqu() {
    let text = load("002_");
    let doc = gongwen::parse(&text);
    assert_eq!(
        doc.zones.first().map(|z| z.kind),
        Some(ZoneKind::FrontChrome),
        "navigation is chrome"
    );
    assert_eq!(doc.sections.len(), 3);
    assert_eq!(doc.sections[0].children.len(), 8);
    let arabic: Vec<_> = doc
        .outline()
        .into_iter()
        .filter(|h| h.family == MarkerFamily::Arabic)
        .collect();
    assert!(!arabic.is_empty());
    assert!(
        arabic.iter().all(|h| h.level == 3 && h.run_in),
        "1、…。 lines are run-in level 3"
    );
    assert_eq!(arabic[0].title, "落实领导干部学法长效机制");
    let third = &doc.sections[2];
    assert!(
        third.children.is_empty(),
        "一是… paragraphs under 三、 are items"
    );
    let items: Vec<u32> = third
        .paragraphs
        .iter()
        .flat_map(|p| p.items.iter().map(|i| i.ordinal))
        .collect();
    assert_eq!(items, (1..=7).collect::<Vec<_>>());
}

#[test]
fn seed_003_taiyuan() {
    let text = load("003_");
    let l1 = level(&text, 1);
    assert_eq!(l1.len(), 3, "{l1:#?}");
    assert_eq!(l1[0].0, Some(1));
    assert!(l1[0].1.starts_with("坚持党的全面领导"));
    assert_eq!(l1[1].0, Some(2));
    assert!(l1[1].1.starts_with("持续巩固深化") && l1[1].1.ends_with("全面突破"));
    assert_eq!(l1[2].0, Some(3));
    let out = outline(&text);
    assert!(out[0].3 && out[1].3, "the first two are recovered");
    let doc = gongwen::parse(&text);
    assert_eq!(doc.sections[1].children.len(), 7);
}

#[test]
fn seed_004_yuxi_traditional() {
    let text = load("004_");
    let l1 = level(&text, 1);
    assert_eq!(l1.len(), 6, "six 一是…。 lines are the sections");
    assert_eq!(l1[0].1, "堅持高位推動,黨對法治政府建設的領導全面加強");
    let doc = gongwen::parse(&text);
    let codes: Vec<_> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"leaked-pinyin"), "創(chuàng) is reported");
    assert!(codes.contains(&"mojibake"), "the mojibake run is reported");
}

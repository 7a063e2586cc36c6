//! Known-answer tests for the structure: one small hand-made document per
//! marker family and per recovery rule.

use gongwen::{DiagnosticCode, MarkerFamily, ZoneKind};

/// (level, family, ordinal, title, inferred, run_in) per heading.
fn outline(text: &str) -> Vec<(u8, MarkerFamily, Option<u32>, String, bool, bool)> {
    gongwen::parse(text)
        .outline()
        .into_iter()
        .map(|h| {
            (
                h.level,
                h.family,
                h.ordinal,
                h.title.to_string(),
                h.inferred,
                h.run_in,
            )
        })
        .collect()
}

fn codes(text: &str) -> Vec<DiagnosticCode> {
    gongwen::parse(text)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

const BODY: &str = "工作取得明显成效，各项任务全面完成。";

#[test]
fn every_family_in_ascii_and_fullwidth_forms() {
    use MarkerFamily::*;
    let cases: &[(&str, MarkerFamily, u32, &str)] = &[
        ("第二部分 二〇二三年工作安排", Part, 2, "二〇二三年工作安排"),
        ("第三章　附则", Part, 3, "附则"),
        ("十二、加强党的领导", Cn, 12, "加强党的领导"),
        ("三．深化改革", Cn, 3, "深化改革"),
        (
            "（二）依法全面履行政府职能",
            CnParen,
            2,
            "依法全面履行政府职能",
        ),
        (
            "(二)依法全面履行政府职能",
            CnParen,
            2,
            "依法全面履行政府职能",
        ),
        ("1、落实领导干部学法机制", Arabic, 1, "落实领导干部学法机制"),
        ("2.加强监管", Arabic, 2, "加强监管"),
        ("３．全角数字", Arabic, 3, "全角数字"),
        ("（1）展厅运维经费", ArabicParen, 1, "展厅运维经费"),
        ("(4)展厅运维经费", ArabicParen, 4, "展厅运维经费"),
        ("⑤第五项", Circled, 5, "第五项"),
    ];
    for &(line, family, ordinal, title) in cases {
        let text = format!("{line}\n{BODY}\n");
        let out = outline(&text);
        assert_eq!(out.len(), 1, "should find one heading in {line:?}: {out:?}");
        let h = &out[0];
        assert_eq!(
            (h.1, h.2, h.3.as_str()),
            (family, Some(ordinal), title),
            "should read {line:?}"
        );
        assert_eq!(h.0, 1, "the first family seen is level 1");
    }
}

#[test]
fn articles_follow_the_general_title_rule_and_count_through_chapters() {
    let text = "第一章 总则\n第一条 为了加强管理，制定本办法。\n第二条 本办法适用于全市。其他规定另行制定。\n第二章 设计\n第三条 设计单位应当执行标准。\n";
    let out = outline(text);
    assert_eq!(out.len(), 5);
    assert_eq!(
        (out[1].0, out[1].1, out[1].2),
        (2, MarkerFamily::Article, Some(1))
    );
    assert_eq!(
        (out[1].3.as_str(), out[1].5),
        ("为了加强管理，制定本办法", false)
    );
    assert_eq!(
        (out[2].3.as_str(), out[2].5),
        ("本办法适用于全市", true),
        "run-in only when text follows"
    );
    assert_eq!(out[4].2, Some(3));
    assert!(
        !codes(text).contains(&DiagnosticCode::OrdinalSkip),
        "a chapter's first article continues the document's count"
    );
}

#[test]
fn levels_follow_the_documents_own_order() {
    let text = "一、总体情况\n概述。\n（一）第一项\n内容。\n1. 细目\n内容。\n（1）子目\n内容。\n（二）第二项\n内容。\n二、下一步\n内容。\n";
    let levels: Vec<u8> = outline(text).iter().map(|h| h.0).collect();
    assert_eq!(levels, [1, 2, 3, 4, 2, 1]);
    // A document whose top family is （一）.
    let text = "（一）关于经济\n内容。\n（1）一\n内容。\n（二）关于外交\n内容。\n";
    let levels: Vec<u8> = outline(text).iter().map(|h| h.0).collect();
    assert_eq!(levels, [1, 2, 1]);
}

#[test]
fn run_in_heading_title_ends_at_first_full_stop() {
    let text = "一、工作情况\n1、落实学法机制。建立健全学法制度，全年学法12次。\n";
    let doc = gongwen::parse(text);
    let out = doc.outline();
    assert_eq!(out[1].title, "落实学法机制");
    assert!(out[1].run_in);
    let p = &doc.sections[0].children[0].paragraphs[0];
    assert_eq!(p.text, "建立健全学法制度，全年学法12次。");
}

#[test]
fn numeral_lost_is_recovered_from_the_sequence() {
    let text = "、坚持党的全面领导\n内容。\n二、深化改革\n内容。\n";
    let out = outline(text);
    assert_eq!(
        (out[0].1, out[0].2, out[0].4),
        (MarkerFamily::Cn, Some(1), true)
    );
    assert_eq!(out[0].3, "坚持党的全面领导");
    assert!(codes(text).contains(&DiagnosticCode::HeadingNumeralLost));
}

#[test]
fn marker_lost_fills_a_gap() {
    let text = "一、第一部分工作\n内容一。\n\n严格决策程序,决策公信力持续提升\n\n内容二。\n\n三、第三部分工作\n内容三。\n";
    let out = outline(text);
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(
        (out[1].2, out[1].3.as_str(), out[1].4),
        (Some(2), "严格决策程序,决策公信力持续提升", true)
    );
    assert!(codes(text).contains(&DiagnosticCode::HeadingMarkerLost));
}

#[test]
fn a_long_sentence_does_not_fill_a_gap() {
    let text = "一、第一部分\n内容一。\n这一年我们做了大量工作，取得了显著成效。\n三、第三部分\n内容三。\n";
    let out = outline(text);
    assert_eq!(out.len(), 2);
    assert!(codes(text).contains(&DiagnosticCode::OrdinalSkip));
}

#[test]
fn punctuation_lost_where_the_sequence_expects_it() {
    let text = "一、粮食\n1.稳定面积。内容。\n2保障粮油生产。内容。\n3.加强储备。内容。\n";
    let out = outline(text);
    assert_eq!(out.len(), 4, "{out:?}");
    assert_eq!(
        (out[2].1, out[2].2, out[2].3.as_str(), out[2].4),
        (MarkerFamily::Arabic, Some(2), "保障粮油生产", true)
    );
    assert!(codes(text).contains(&DiagnosticCode::HeadingPunctuationLost));
    // Not where a quantity is written.
    let text = "一、粮食\n1.稳定面积。内容。\n2万亩良田建成。\n";
    assert_eq!(outline(text).len(), 2);
}

#[test]
fn skips_and_repeats_are_reported_not_hidden() {
    let text = "一、甲\n内容。\n一、乙\n内容。\n三、丙\n内容。\n";
    let out = outline(text);
    let ords: Vec<_> = out.iter().map(|h| h.2).collect();
    assert_eq!(ords, [Some(1), Some(1), Some(3)], "ordinals as written");
    let c = codes(text);
    assert!(c.contains(&DiagnosticCode::OrdinalRepeat));
    assert!(c.contains(&DiagnosticCode::OrdinalSkip));
}

#[test]
fn shi_lines_are_headings_only_as_standalone_runs() {
    let text = "一是坚持高位推动。\n内容一。\n二是坚持服务为民。\n内容二。\n";
    let out = outline(text);
    assert_eq!(out.len(), 2);
    assert_eq!(
        (out[0].1, out[0].3.as_str()),
        (MarkerFamily::Shi, "坚持高位推动")
    );
    // Lines that go on past their first sentence are items.
    let text = "三、下一步\n一是加强培训。通过举办培训班提升水平。\n二是完善制度。健全机制。\n";
    let doc = gongwen::parse(text);
    assert_eq!(doc.outline().len(), 1);
    let items: Vec<_> = doc.sections[0]
        .paragraphs
        .iter()
        .flat_map(|p| &p.items)
        .map(|i| (i.ordinal, i.lead))
        .collect();
    assert_eq!(items, [(1, "加强培训"), (2, "完善制度")]);
}

#[test]
fn unnumbered_parents_of_restarting_sequences() {
    let text = "各位代表：\n现在，我代表省人民政府向大会报告工作。\n\n“十四五”时期工作回顾\n\n一、经济\n内容。\n二、民生\n内容。\n\n2026年重点工作\n\n一、扩大内需\n内容。\n二、改革开放\n内容。\n";
    let out = outline(text);
    let got: Vec<_> = out.iter().map(|h| (h.0, h.1, h.3.as_str())).collect();
    assert_eq!(
        got,
        [
            (1, MarkerFamily::None, "“十四五”时期工作回顾"),
            (2, MarkerFamily::Cn, "经济"),
            (2, MarkerFamily::Cn, "民生"),
            (1, MarkerFamily::None, "2026年重点工作"),
            (2, MarkerFamily::Cn, "扩大内需"),
            (2, MarkerFamily::Cn, "改革开放"),
        ]
    );
}

#[test]
fn heading_split_over_lines_is_joined() {
    let text = "一\n、\n综合\n初步核算，全年生产总值增长。\n二\n、\n农业\n全年农业增长。\n";
    let out = outline(text);
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!((out[0].2, out[0].3.as_str()), (Some(1), "综合"));
    assert!(codes(text).contains(&DiagnosticCode::HeadingSplit));
}

#[test]
fn marker_alone_with_its_title_on_the_next_line() {
    let text = "一、总体\n内容。\n（一）\n加强领导\n全年召开会议12次。\n（二）\n完善制度\n内容。\n";
    let out = outline(text);
    let got: Vec<_> = out.iter().map(|h| (h.0, h.2, h.3.as_str())).collect();
    assert_eq!(
        got,
        [
            (1, Some(1), "总体"),
            (2, Some(1), "加强领导"),
            (2, Some(2), "完善制度")
        ]
    );
}

#[test]
fn half_paren_arabic_markers() {
    let out = outline("一、总体\n1）加强领导\n内容。\n2）完善制度\n内容。\n");
    assert_eq!(
        out.iter().map(|h| (h.1, h.2)).collect::<Vec<_>>(),
        [
            (MarkerFamily::Cn, Some(1)),
            (MarkerFamily::ArabicParen, Some(1)),
            (MarkerFamily::ArabicParen, Some(2))
        ]
    );
}

#[test]
fn quantities_and_dates_do_not_start_headings() {
    for line in [
        "2020年，全市经济增长。",
        "3.5万元用于建设。",
        "1-2个项目完成。",
        "一是加强领导，完善制度，狠抓落实，取得成效。二是深化改革。",
    ] {
        assert!(
            outline(&format!("{line}\n")).is_empty(),
            "{line:?} is not a heading"
        );
    }
}

#[test]
fn bare_metadata_and_addressee_lines_under_the_title() {
    let text = "某局关于加强宣传工作的通知\n（某质监办发〔2012〕24号）\n各地、州、市质量技术监督局，各直属单位：\n为进一步规范宣传工作，现通知如下。\n一、充分认识重要性\n内容。\n";
    let doc = gongwen::parse(text);
    assert_eq!(
        doc.meta(gongwen::MetaKey::DocNumber).map(|m| m.value),
        Some("某质监办发〔2012〕24号")
    );
    assert!(
        doc.preamble[0].text.starts_with("各地、州、市"),
        "the addressee starts the preamble"
    );
    let text = "政府工作报告\n2026-02-03 09:02:33\n各位代表！\n现在，我代表省人民政府向大会报告工作。\n一、回顾\n内容。\n";
    let doc = gongwen::parse(text);
    assert_eq!(
        doc.meta(gongwen::MetaKey::PublishedDate)
            .and_then(|m| m.date)
            .map(|d| d.to_string()),
        Some("2026-02-03T09:02:33".to_string())
    );
    assert!(
        doc.preamble[0].text.starts_with("各位代表！"),
        "a salutation is not chrome"
    );
}

#[test]
fn in_body_lists_are_not_headings() {
    let text = "一、总体\n采取以下措施：\n一、继续坚持改革；\n二、加强管理；\n三、完善制度。\n二、下一步\n内容。\n";
    let out = outline(text);
    let titles: Vec<_> = out.iter().map(|h| h.3.as_str()).collect();
    assert_eq!(titles, ["总体", "下一步"]);
    assert!(!codes(text).contains(&DiagnosticCode::OrdinalRepeat));
}

#[test]
fn a_table_of_contents_is_its_own_zone() {
    let text = "某市政府工作报告\n目  录\n一、总体情况……………1\n二、下一步工作……………5\n一、总体情况\n全市经济增长。\n二、下一步工作\n继续努力。\n";
    let doc = gongwen::parse(text);
    let kinds: Vec<ZoneKind> = doc.zones.iter().map(|z| z.kind).collect();
    assert_eq!(kinds, [ZoneKind::Title, ZoneKind::Contents, ZoneKind::Body]);
    assert_eq!(doc.outline().len(), 2, "contents entries are not sections");
}

#[test]
fn zones_of_a_web_page() {
    let text = "网站支持IPv6\n当前位置:首页 > 政府信息公开\n发布日期:2022-02-09\n某市2021年法治政府建设年度报告\n\n2021年，我市坚持依法行政。\n\n一、加强领导\n\n内容。\n\n某市人民政府\n\n2022年1月28日\n\n相关解读\n";
    let doc = gongwen::parse(text);
    let kinds: Vec<ZoneKind> = doc.zones.iter().map(|z| z.kind).collect();
    assert_eq!(
        kinds,
        [
            ZoneKind::FrontChrome,
            ZoneKind::Metadata,
            ZoneKind::Title,
            ZoneKind::Preamble,
            ZoneKind::Body,
            ZoneKind::Closing,
            ZoneKind::TrailerChrome
        ]
    );
    assert_eq!(doc.zones.first().map(|z| z.span.start), Some(0));
    assert_eq!(
        doc.zones.last().map(|z| z.span.end as usize),
        Some(text.len())
    );
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_ref()),
        Some("某市2021年法治政府建设年度报告")
    );
}

#[test]
fn crlf_and_padding_variants() {
    let text = "\u{feff}\u{3000}\u{3000}一、总体\r\n\u{a0}内容。\r\n\t（一）分项\r\n内容。\r\n";
    let out = outline(text);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].0, 2);
}

#[test]
fn parse_bytes_reports_the_offset_of_invalid_utf8() {
    let mut bytes = "一、总体".as_bytes().to_vec();
    bytes.push(0xff);
    match gongwen::parse_bytes(&bytes) {
        Err(gongwen::Error::InvalidUtf8 { offset }) => assert_eq!(offset, "一、总体".len()),
        other => panic!("should fail with the offset, got {other:?}"),
    }
}

#[test]
fn input_over_the_size_limit_is_a_typed_error() {
    let opts = gongwen::Options {
        max_input_bytes: 4,
        ..Default::default()
    };
    assert!(matches!(
        gongwen::parse_with("一、总体情况", &opts),
        Err(gongwen::Error::InputTooLarge { limit: 4, .. })
    ));
}

/// Found by fuzzing (robustness work): one line filled the gaps of two
/// sequences and became two overlapping sections.
#[test]
fn a_line_fills_at_most_one_gap() {
    for text in [
        "（二）工作\n第一节\n\n工作情况\n完成。\n（二）工作\n二、工作",
        "（二）:\n第一节\n\n要闻\n全\n（二）\n二",
    ] {
        let doc = gongwen::parse(text);
        let starts: Vec<u32> = doc.outline().iter().map(|h| h.span.start).collect();
        let mut dedup = starts.clone();
        dedup.dedup();
        assert_eq!(
            starts,
            dedup,
            "no two headings on one line: {:?}",
            doc.outline()
        );
    }
}

#[test]
fn a_cited_article_is_not_a_heading() {
    let text = "一、总体情况\n内容。\n二、主动公开情况\n第二十条第（一）项\n信息内容 | 本年制发件数\n规章 | 0\n三、依申请公开\n内容。\n";
    let out = outline(text);
    assert_eq!(
        out.iter().map(|h| (h.0, h.2)).collect::<Vec<_>>(),
        [(1, Some(1)), (1, Some(2)), (1, Some(3))]
    );
    // A lone article number in a report, not a regulation.
    let out = outline("一、总体情况\n第十二条　依照本法规定执行。\n二、下一步\n内容。\n");
    assert!(out.iter().all(|h| h.1 == MarkerFamily::Cn), "{out:?}");
}

// --- Audit against unseen report styles ---

/// `政 府 工 作 报 告`: a title spaced out for the page layout still
/// carries its title word.
#[test]
fn a_spaced_out_title_is_the_title() {
    let text = "政 府 工 作 报 告\n\n——2023年1月12日在某市第七届人民代表大会第三次会议上\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n一、过去五年工作回顾\n\n内容。\n";
    let doc = gongwen::parse(text);
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_ref()),
        Some("政 府 工 作 报 告")
    );
    assert_eq!(doc.zones.first().map(|z| z.kind), Some(ZoneKind::Title));
}

/// `（）加强行政执法监督。` between `（一）…。` and `（三）…。`: headings
/// that end in a full stop (or run in) lose their numeral too.
#[test]
fn numeral_lost_on_a_full_stopped_or_run_in_heading() {
    let text = "一、严格执法\n（一）深化执法体制改革。\n整合执法队伍6支。\n（）加强行政执法监督。\n评查案卷320卷。\n（三）推进柔性执法。\n内容。\n";
    let out = outline(text);
    assert_eq!(
        out.iter()
            .map(|h| (h.0, h.2, h.3.as_str(), h.4))
            .collect::<Vec<_>>(),
        [
            (1, Some(1), "严格执法", false),
            (2, Some(1), "深化执法体制改革", false),
            (2, Some(2), "加强行政执法监督", true),
            (2, Some(3), "推进柔性执法", false),
        ]
    );
    let out =
        outline("一、加强领导\n内容。\n、强化监督。全年开展检查12次。\n三、深化改革\n内容。\n");
    assert_eq!(
        out.iter()
            .map(|h| (h.2, h.3.as_str(), h.5))
            .collect::<Vec<_>>(),
        [
            (Some(1), "加强领导", false),
            (Some(2), "强化监督", true),
            (Some(3), "深化改革", false),
        ]
    );
    // Mid-sentence, a line starting with `、` is no heading.
    let out = outline("一、加强领导\n我们推进了审批改革\n、监管改革。全年开展检查12次。\n");
    assert_eq!(out.len(), 1, "{out:?}");
}

/// `述职人：李明` / `2024年1月8日`: a labelled signature is the issuer.
#[test]
fn a_labelled_signature_is_the_closing_issuer() {
    let text = "2023年度述职报告\n一、加强学习\n内容。\n二、履职尽责\n内容。\n述职人：李明\n2024年1月8日\n";
    let doc = gongwen::parse(text);
    let closing = doc.closing.as_ref().expect("a closing block");
    assert_eq!(
        closing
            .issuers
            .iter()
            .map(|i| i.text)
            .collect::<Vec<&str>>(),
        ["述职人：李明"]
    );
    // A sentence with a colon is not a signature.
    let doc = gongwen::parse("一、加强学习\n内容。\n主要做法：加强学习\n2024年1月8日\n");
    assert!(doc.closing.as_ref().is_none_or(|c| c.issuers.is_empty()));
}

/// `①深化改革；②推进河湖长制；③加强监管。` on one line is an enumeration,
/// not a circled heading; so is `（1）…；（2）…`.
#[test]
fn an_inline_enumeration_line_is_not_a_heading() {
    let text = "一、深化水利改革\n①深化农业水价综合改革；②推进河湖长制工作；③加强水利行业监管。\n二、强化防御\n（1）完善责任体系；（2）加强山洪防治。\n";
    let out = outline(text);
    assert_eq!(
        out.iter().map(|h| (h.0, h.3.as_str())).collect::<Vec<_>>(),
        [(1, "深化水利改革"), (1, "强化防御")]
    );
    // A circled heading with a run-in body stays a heading.
    let out = outline("一、总体\n①加强领导。全年召开会议3次。\n②强化保障。内容。\n");
    assert_eq!(out.len(), 3, "{out:?}");
}

/// `附件：1.2024年…活动安排表` / `2.…总结报表`: the notice's attachment
/// list, even when the first title starts with a year.
#[test]
fn an_attachment_list_starting_with_a_year_is_not_headings() {
    let text = "一、活动主题\n内容。\n二、工作要求\n内容。\n附件：1.2024年安全生产月活动安排表\n2.安全生产月活动总结报表\n县安委会办公室\n2024年5月20日\n附件1\n2024年安全生产月活动安排表\n";
    let out = outline(text);
    assert_eq!(
        out.iter().map(|h| (h.0, h.3.as_str())).collect::<Vec<_>>(),
        [(1, "活动主题"), (1, "工作要求")]
    );
}

/// A 公文 title broken after `关于…` or after the issuing body is one title.
#[test]
fn a_title_broken_after_its_issuer_or_guanyu_is_joined() {
    for (text, title) in [
        (
            "某市人民政府办公厅关于印发某市\n进一步优化营商环境若干措施的通知\n各县（市）区人民政府：\n现将措施印发给你们，请认真组织实施。\n一、提升政务服务效能\n内容。\n",
            "某市人民政府办公厅关于印发某市进一步优化营商环境若干措施的通知",
        ),
        (
            "某市人民政府\n关于2022年度法治政府建设情况的报告\n省人民政府：\n现将有关情况报告如下。\n一、主要举措\n内容。\n",
            "某市人民政府关于2022年度法治政府建设情况的报告",
        ),
    ] {
        let doc = gongwen::parse(text);
        assert_eq!(doc.title.as_ref().map(|t| t.text.as_ref()), Some(title));
    }
}

fn closing_of(text: &str) -> Option<(Vec<String>, Option<String>)> {
    gongwen::parse(text).closing.map(|c| {
        (
            c.issuers.iter().map(|i| i.text.to_string()).collect(),
            c.date.map(|d| d.text.to_string()),
        )
    })
}

/// Two bodies side by side on one signature line are two issuers; a seal
/// note is no issuer; contact and distribution lines after the date keep
/// the block a closing.
#[test]
fn closing_variants_two_issuers_seal_note_and_trailing_notes() {
    let head = "关于2023年度工作情况的报告\n一、主要工作\n内容。\n二、下一步打算\n内容。\n";
    let two = format!("{head}中共某县委办公室　　某县人民政府办公室\n2024年1月15日\n");
    assert_eq!(
        closing_of(&two),
        Some((
            vec!["中共某县委办公室".into(), "某县人民政府办公室".into()],
            Some("2024年1月15日".into())
        ))
    );
    // Near miss: a name with a wide gap in it is not split.
    let one = format!("{head}某县人民政府　　（代章）\n2024年1月15日\n");
    assert_eq!(
        closing_of(&one).map(|c| c.0),
        Some(vec!["某县人民政府　　（代章）".to_string()])
    );
    let seal = format!("{head}某县人民政府\n（盖章）\n二〇二四年一月五日\n");
    assert_eq!(
        closing_of(&seal),
        Some((
            vec!["某县人民政府".into()],
            Some("二〇二四年一月五日".into())
        ))
    );
    let cc = format!(
        "{head}某区人民政府\n2024-01-05\n抄送：市司法局，区人大常委会办公室。\n某区人民政府办公室　　2024年1月5日印发\n"
    );
    assert_eq!(
        closing_of(&cc),
        Some((vec!["某区人民政府".into()], Some("2024-01-05".into())))
    );
    let contact =
        format!("{head}某县发展和改革局\n2024年1月9日\n（联系人：李明　联系电话：0746-7221234）\n");
    assert_eq!(
        closing_of(&contact),
        Some((vec!["某县发展和改革局".into()], Some("2024年1月9日".into())))
    );
    // Near miss: a body paragraph about 抄送 is no trailing note.
    let prose = format!("{head}某县人民政府\n2024年1月9日\n全年抄送文件120件，均按时办结。\n");
    assert_eq!(closing_of(&prose), None);
}

/// The issuer and the date right-aligned on one line by the page are the
/// closing's issuer and date, each with its own span; two bodies before
/// the date are two issuers; a spaced-out date stays whole. Near misses: a
/// person's name or a sentence before the date is no signature.
#[test]
fn issuer_and_date_on_one_line_are_the_closing() {
    let head = "关于2023年度工作情况的报告\n一、主要工作\n内容。\n二、下一步打算\n内容。\n";
    let one = format!("{head}某某县人民政府　　2024年1月5日\n");
    assert_eq!(
        closing_of(&one),
        Some((vec!["某某县人民政府".into()], Some("2024年1月5日".into())))
    );
    let doc = gongwen::parse(&one);
    let c = doc.closing.as_ref().expect("a closing block");
    assert_eq!(c.issuers[0].span.text(&one), "某某县人民政府");
    let d = c.date.as_ref().expect("a date");
    assert_eq!(d.span.text(&one), "2024年1月5日");
    assert_eq!(d.date.and_then(|x| x.day), Some(5));
    assert_eq!(c.span.text(&one), "某某县人民政府　　2024年1月5日");
    let two = format!("{head}中共某县委办公室　　某县人民政府办公室　　2024年1月15日\n");
    assert_eq!(
        closing_of(&two),
        Some((
            vec!["中共某县委办公室".into(), "某县人民政府办公室".into()],
            Some("2024年1月15日".into())
        ))
    );
    let spaced = format!("{head}中共某县委\n某县人民政府 2024 年 1 月 5 日\n");
    assert_eq!(
        closing_of(&spaced),
        Some((
            vec!["中共某县委".into(), "某县人民政府".into()],
            Some("2024 年 1 月 5 日".into())
        ))
    );
    for miss in [
        format!("{head}张三　　2024年1月5日\n"),
        format!("{head}全年办结率达到百分之百，　2024年1月5日\n"),
        format!("{head}某县人民政府　　2024年工作要点\n"),
    ] {
        assert!(
            closing_of(&miss).is_none_or(|c| c.1.is_none()),
            "{miss:?}: {:?}",
            closing_of(&miss)
        );
    }
}

/// A table caption between prose lines with no blank lines (a bulletin
/// whose page puts each text node on a line) is a paragraph of its own, on
/// one line or with `表` alone on the line before the number; prose citing
/// a table is not a caption.
#[test]
fn a_table_caption_is_a_paragraph_of_its_own() {
    let head = "2022年统计公报\n一、综合\n";
    let texts = |t: &str| -> Vec<String> {
        let doc = gongwen::parse(t);
        doc.sections[0]
            .paragraphs
            .iter()
            .map(|p| p.text.to_string())
            .collect()
    };
    let doc = format!(
        "{head}年末全省常住人口\n4527.98万人，比上年末增加10.58万人\n表1  2022年年末常住人口数及其构成\n全年城镇新增就业\n45.2万人。\n"
    );
    assert_eq!(
        texts(&doc),
        [
            "年末全省常住人口\n4527.98万人，比上年末增加10.58万人",
            "表1  2022年年末常住人口数及其构成",
            "全年城镇新增就业\n45.2万人。"
        ]
    );
    let split =
        format!("{head}表\n2　2022年居民消费价格分类别涨跌幅度\n全年居民消费价格上涨2.0%。\n");
    assert_eq!(
        texts(&split),
        [
            "表\n2　2022年居民消费价格分类别涨跌幅度",
            "全年居民消费价格上涨2.0%。"
        ]
    );
    let quantity = gongwen::parse(&doc);
    let q = quantity.sections[0].paragraphs[2]
        .entities
        .iter()
        .find(|e| e.text == "45.2万人")
        .expect("the quantity after the caption");
    let gongwen::EntityKind::Quantity(q) = q.kind else {
        panic!("a quantity")
    };
    assert_eq!(q.clause.text(&doc), "全年城镇新增就业\n45.2万人");
    for prose in [
        "{head}如表1所示\n全年增长5%。\n",
        "{head}表1显示，全年增长5%\n其中农业增长3%。\n",
        "{head}图1  全年增长5%，其中农业增长3%\n其余持平。\n",
    ] {
        let t = prose.replace("{head}", head);
        assert_eq!(texts(&t).len(), 1, "{t:?}");
    }
}

/// A whole-line date starting a paragraph (the date under a notice that
/// issues rules, the rules' title on the next line) is a paragraph of its
/// own; a date line that the next line goes on from is not.
#[test]
fn a_lone_date_line_is_a_paragraph_of_its_own() {
    let t = "关于印发《某市管理办法》的通知\n各县（区）人民政府：\n\n现将《某市管理办法》印发给你们，请认真贯彻执行。\n二○一二年一月九日\n某市管理办法\n第一章　总则\n第一条　为了加强管理，制定本办法。\n";
    let doc = gongwen::parse(t);
    let pre: Vec<&str> = doc.preamble.iter().map(|p| p.text).collect();
    assert_eq!(
        pre,
        [
            "各县（区）人民政府：",
            "现将《某市管理办法》印发给你们，请认真贯彻执行。",
            "二○一二年一月九日",
            "某市管理办法"
        ]
    );
    let goes_on = "2023年工作总结\n一、概况\n2023年12月\n，全县完成投资10亿元。\n";
    let doc = gongwen::parse(goes_on);
    assert_eq!(doc.sections[0].paragraphs.len(), 1);
}

/// The salutation opening a speech or the addressee line of a notice is a
/// paragraph of its own on a page with no blank lines too; a colon line
/// later in the text (`其中：`) stays with the line after it.
#[test]
fn the_opening_salutation_is_a_paragraph_of_its_own() {
    let t = "2026年政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、过去一年的工作\n全省生产总值增长5%。其中：\n第一产业增长3%。\n";
    let doc = gongwen::parse(t);
    let pre: Vec<&str> = doc.preamble.iter().map(|p| p.text).collect();
    assert_eq!(
        pre,
        [
            "各位代表：",
            "现在，我代表省人民政府，向大会报告工作，请予审议。"
        ]
    );
    let body: Vec<&str> = doc.sections[0].paragraphs.iter().map(|p| p.text).collect();
    assert_eq!(body, ["全省生产总值增长5%。其中：\n第一产业增长3%。"]);
    // Not a colon line: the opening sentence goes on over the line break.
    let prose = "2026年政府工作报告\n现在，我代表省人民政府\n向大会报告工作。\n一、过去一年的工作\n内容。\n";
    assert_eq!(gongwen::parse(prose).preamble.len(), 1);
}

/// Second reading of the layout rules (issuer and date on one line,
/// captions, lone dates, salutations): the variants real pages write and
/// the near misses that are prose or tables.
#[test]
fn layout_rules_variants_and_near_misses() {
    let head = "关于开展安全生产检查的通知\n\n各乡镇人民政府：\n为做好安全生产工作，现通知如下。\n一、检查安排\n";
    // Rows of a table of bodies and dates are no signature.
    let rows = format!(
        "{head}检查按以下时间进行：\n县教育局　　2024年3月1日\n县卫健委　　2024年3月2日\n县交通运输局　　2024年3月3日\n"
    );
    assert_eq!(closing_of(&rows), None);
    // A seal note after the issuer or after the date is not the issuer's.
    for seal in [
        "某县人民政府（盖章）　2024年1月5日",
        "某县人民政府　　2024年1月5日　　（盖章）",
    ] {
        let t = format!("{head}各单位要高度重视。\n特此通知。\n{seal}\n");
        assert_eq!(
            closing_of(&t),
            Some((vec!["某县人民政府".into()], Some("2024年1月5日".into()))),
            "{seal}"
        );
    }
    let bulletin = "2023年统计公报\n一、综合\n全年增长5%。\n";
    let texts = |t: &str| -> Vec<String> {
        gongwen::parse(t).sections[0]
            .paragraphs
            .iter()
            .map(|p| p.text.to_string())
            .collect()
    };
    for (caption, want) in [
        (
            "表1\n2023年年末常住人口数及其构成",
            "表1\n2023年年末常住人口数及其构成",
        ),
        (
            "表1：\n2023年年末常住人口数及其构成",
            "表1：\n2023年年末常住人口数及其构成",
        ),
        (
            "表\n1\n2023年年末常住人口数及其构成",
            "表\n1\n2023年年末常住人口数及其构成",
        ),
        ("表1-1  2023年主要农产品产量", "表1-1  2023年主要农产品产量"),
        ("表1.2023年主要农产品产量", "表1.2023年主要农产品产量"),
        (
            "表1  2023年主要农产品产量（单位：万吨，%）",
            "表1  2023年主要农产品产量（单位：万吨，%）",
        ),
        (
            "图表1  2019-2023年地区生产总值及增速",
            "图表1  2019-2023年地区生产总值及增速",
        ),
    ] {
        let t = format!("{bulletin}{caption}\n全年粮食产量增加。\n");
        assert_eq!(
            texts(&t),
            ["全年增长5%。", want, "全年粮食产量增加。"],
            "{caption:?}"
        );
    }
    // Wrapped prose citing tables is one paragraph.
    let prose = format!(
        "{bulletin}全年粮食产量增长3%，具体数据见\n表 1 和表 2 中的分地区\n数据及其构成情况。\n"
    );
    assert_eq!(texts(&prose).len(), 2);
    // A date line the next line goes on from stays in its paragraph.
    for next in [
        "至7日，县政府组织专项检查。",
        "底，全县共排查隐患1200处。",
        "以来，全县共排查隐患。",
        "—1月7日，全县开展检查。",
        "起施行的原办法同时废止。",
        "上午，县委召开会议。",
    ] {
        let t = format!("{bulletin}2024年1月5日\n{next}\n");
        assert_eq!(texts(&t).len(), 2, "{next}");
    }
    // The signature under a notice, issuer then date, before the title of
    // the rules it issues: the date ends the paragraph.
    let notice = "某县人民政府关于印发某县安全生产管理办法的通知\n\n各乡镇人民政府：\n现将《某县安全生产管理办法》印发给你们，请认真贯彻执行。\n某县人民政府\n2024年1月5日\n某县安全生产管理办法\n第一条　为加强管理，制定本办法。\n第二条　本办法由县应急局负责解释。\n";
    let pre: Vec<&str> = gongwen::parse(notice)
        .preamble
        .iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(
        pre.get(2..),
        Some(&["某县人民政府\n2024年1月5日", "某县安全生产管理办法"][..])
    );
    // A line introducing a quotation is no salutation.
    let quote = "在全县经济工作会议上的讲话\n\n习近平总书记指出：\n“发展是第一要务。”我们要深入贯彻。\n一、主要成绩\n全年完成任务。\n";
    assert_eq!(gongwen::parse(quote).preamble.len(), 1);
}

/// The addressee (`县人大常委会：`) and the lead-in (`现将…报告如下：`) of a
/// report start its text: they are neither subtitles nor the title (a
/// title never ends in a colon), with or without a blank line after the
/// title.
#[test]
fn addressee_and_lead_in_start_the_text() {
    for gap in ["", "\n"] {
        for (lines, pre) in [
            (
                "县人大常委会：\n现将2023年工作情况报告如下：\n",
                &["县人大常委会：", "现将2023年工作情况报告如下："][..],
            ),
            (
                "全县财政收入情况如下：\n单位：万元\n",
                &["全县财政收入情况如下：", "单位：万元"][..],
            ),
            (
                "根据县委要求，现将有关情况报告如下：\n",
                &["根据县委要求，现将有关情况报告如下："][..],
            ),
        ] {
            let t = format!("关于2023年工作情况的报告\n{gap}{lines}一、主要成绩\n全年完成任务。\n");
            let doc = gongwen::parse(&t);
            assert_eq!(
                doc.title.as_ref().map(|x| x.text.as_ref()),
                Some("关于2023年工作情况的报告"),
                "{t:?}"
            );
            assert!(doc.subtitles.is_empty(), "{t:?}");
            let got: Vec<&str> = doc.preamble.iter().map(|p| p.text).collect();
            assert_eq!(got, pre, "{t:?}");
        }
    }
}

/// From a survey of page shapes outside the corpus: the long forms of
/// address to a standing committee start the text (not subtitles); a
/// publication note between the issuer and the date is no issuer; a
/// document number alone under the title, without brackets, is metadata
/// (once, when the metadata table has it too).
#[test]
fn survey_shapes_address_note_and_doc_number() {
    for address in [
        "主任、各位副主任、各位委员：",
        "尊敬的主任、各位副主任、秘书长、各位委员：",
    ] {
        let t = format!(
            "关于全县教育工作情况的汇报\n{address}\n受县人民政府委托，现将有关情况汇报如下。\n一、基本情况\n全县现有学校68所。\n"
        );
        let doc = gongwen::parse(&t);
        assert!(doc.subtitles.is_empty(), "{address}");
        assert_eq!(doc.preamble.first().map(|p| p.text), Some(address));
    }
    let head = "关于2023年度工作情况的报告\n一、主要工作\n内容。\n二、下一步打算\n内容。\n";
    let note = format!("{head}某县人民政府\n（此件公开发布）\n2024年1月15日\n");
    assert_eq!(
        closing_of(&note),
        Some((vec!["某县人民政府".into()], Some("2024年1月15日".into())))
    );
    let t = "关于开展2024年安全生产大检查的通知\n县政府办发〔2024〕21号\n各乡镇人民政府：\n现将有关事项通知如下。\n一、检查范围\n全县企业。\n";
    let doc = gongwen::parse(t);
    assert_eq!(
        doc.meta(gongwen::MetaKey::DocNumber).map(|m| m.value),
        Some("县政府办发〔2024〕21号")
    );
    assert!(doc.subtitles.is_empty());
    let twice = format!("文号：县政府办发〔2024〕21号\n{t}");
    let doc = gongwen::parse(&twice);
    let numbers = doc
        .metadata
        .iter()
        .filter(|m| m.key == gongwen::MetaKey::DocNumber)
        .count();
    assert_eq!(numbers, 1);
    // Near miss: a sentence citing a document number is no metadata.
    let cited = "关于开展检查的通知\n根据县政府办发〔2024〕21号文件要求，现通知如下。\n一、检查范围\n全县企业。\n";
    assert!(
        gongwen::parse(cited)
            .meta(gongwen::MetaKey::DocNumber)
            .is_none()
    );
}

/// A breadcrumb trail without its `当前位置` label is front chrome, not the
/// title; a title that merely starts with 首页 is kept.
#[test]
fn an_unlabelled_breadcrumb_is_front_chrome() {
    for crumb in [
        "首页>>政府信息公开>>年报",
        "首页 » 政务公开 » 年报",
        "网站首页 → 信息公开 → 计划总结",
    ] {
        let text = format!("{crumb}\n某县2023年政府信息公开工作年度报告\n一、总体情况\n内容。\n");
        let doc = gongwen::parse(&text);
        assert_eq!(
            doc.title.map(|t| t.text.to_string()).as_deref(),
            Some("某县2023年政府信息公开工作年度报告"),
            "{crumb}"
        );
        assert_eq!(
            doc.zones.first().map(|z| z.kind),
            Some(ZoneKind::FrontChrome)
        );
    }
    // Near miss: `首页` followed by words, not a separator.
    let doc = gongwen::parse("首页设计规范工作报告\n一、总体情况\n内容。\n");
    assert_eq!(
        doc.title.map(|t| t.text.to_string()).as_deref(),
        Some("首页设计规范工作报告")
    );
}

/// Unnumbered parts on a page with one paragraph per line and no blank
/// lines: the part after which a paragraph starts with a year, and the last
/// part after the numbered sequences.
#[test]
fn unnumbered_parts_without_blank_lines() {
    let text = "政府工作报告\n各位代表：\n现在，我代表县人民政府报告工作。\n过去一年工作回顾\n2023年是开局之年。\n一、经济运行稳中向好\n增长6.2%。\n二、产业结构持续优化\n项目42个。\n今年主要目标任务\n2024年主要预期目标是增长6%左右。\n一、全力扩大有效投资\n实施项目120个。\n二、持续保障改善民生\n新增就业6000人。\n全面加强政府自身建设\n我们将坚持党的全面领导。\n";
    let got: Vec<(u8, Option<u32>, String)> =
        outline(text).into_iter().map(|h| (h.0, h.2, h.3)).collect();
    let want: Vec<(u8, Option<u32>, String)> = vec![
        (1, None, "过去一年工作回顾".into()),
        (2, Some(1), "经济运行稳中向好".into()),
        (2, Some(2), "产业结构持续优化".into()),
        (1, None, "今年主要目标任务".into()),
        (2, Some(1), "全力扩大有效投资".into()),
        (2, Some(2), "持续保障改善民生".into()),
        (1, None, "全面加强政府自身建设".into()),
    ];
    assert_eq!(got, want);
    // Near miss: without earlier unnumbered parts, a short line after the
    // last sequence on a blank-less page stays a paragraph.
    let text = "某县工作总结\n一、经济运行\n增长6.2%。\n二、产业结构\n项目42个。\n加强自身建设\n我们将坚持党的全面领导。\n";
    assert_eq!(outline(text).len(), 2);
}

/// Fullwidth digits (`１２３`, SPEC §1) work wherever ASCII ones do: in a
/// zero-padded marker whose punctuation was lost (`０１综合`), and in the
/// year of an unnumbered heading (`２０２４年重点工作`), a year clause
/// glued to a title, and an inline `（１）…；（２）…` enumeration.
#[test]
fn fullwidth_digits_in_markers_and_years() {
    let fw = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                _ => c,
            })
            .collect()
    };
    for text in [
        "某省统计公报\n\n全年经济运行总体平稳。\n\n01综合\n\n全年地区生产总值增长5.9%。\n\n02农业\n\n全年粮食产量增长1.8%。\n\n03工业\n\n全年工业增加值增长5.0%。\n",
        "政府工作报告\n各位代表：\n现在，我代表县人民政府报告工作。\n过去一年工作回顾\n2023年是开局之年。\n一、经济运行稳中向好\n增长6.2%。\n二、产业结构持续优化\n项目42个。\n2024年重点工作\n2024年主要预期目标是增长6%左右。\n一、全力扩大有效投资\n实施项目120个。\n二、持续保障改善民生\n新增就业6000人。\n",
        "某县工作报告\n一、主要做法\n主要措施有：（1）兜牢民生底线；（2）提升养老服务水平；（3）完善救助体系。\n二、下步打算\n内容。\n",
    ] {
        let want = outline(text);
        assert!(want.len() >= 2, "{want:?}");
        let got: Vec<_> = outline(&fw(text))
            .into_iter()
            .map(|h| (h.0, h.1, h.2, h.3.replace(|c: char| c.is_ascii_digit(), "")))
            .collect();
        let want: Vec<_> = want
            .into_iter()
            .map(|h| (h.0, h.1, h.2, h.3.replace(|c: char| c.is_ascii_digit(), "")))
            .collect();
        let got: Vec<_> = got
            .into_iter()
            .map(|(a, b, c, d)| (a, b, c, d.replace(|c: char| ('０'..='９').contains(&c), "")))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

/// A page wrapped at a fixed width (text taken from a PDF) can break a line
/// right before a `、`: the line that starts with it continues a sentence
/// and is no heading whose numeral was lost (that needs a line starting a
/// block: after a blank line, a full sentence, a colon or a heading line).
#[test]
fn a_wrapped_line_starting_with_a_dunhao_is_no_lost_numeral_heading() {
    let text = "某县法治政府建设年度报告\n一、加强党的领导\n全年召开常务会议12次，研究法治议题5项，完善权责清单\n、负面清单制度，推进政务公开和信息\n发布工作。\n二、转变政府职能\n深化放管服改革，推进政务服务标准化\n、规范化、便利化\n建设。\n三、健全依法决策机制\n内容。\n";
    let got: Vec<(Option<u32>, String, bool)> =
        outline(text).into_iter().map(|h| (h.2, h.3, h.4)).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "加强党的领导".into(), false),
            (Some(2), "转变政府职能".into(), false),
            (Some(3), "健全依法决策机制".into(), false),
        ]
    );
    // The lost numeral itself, after a full sentence, is still recovered.
    let text = "某县法治政府建设年度报告\n一、加强党的领导\n全年召开常务会议12次。\n、转变政府职能\n深化放管服改革。\n三、健全依法决策机制\n内容。\n";
    let got: Vec<(Option<u32>, bool)> = outline(text).into_iter().map(|h| (h.2, h.4)).collect();
    assert_eq!(
        got,
        vec![(Some(1), false), (Some(2), true), (Some(3), false)]
    );
}

/// A page in traditional characters (SPEC §1): its metadata labels
/// (`發布時間`, `來源`, matched through the fold of
/// `grammars/lexicon/traditional.tsv`) and its subtitle (`…會議上`) are
/// read like their simplified forms.
#[test]
fn traditional_metadata_labels_and_subtitle() {
    let text = "政府工作報告\n——2024年1月20日在某市第十屆人民代表大會第四次會議上\n發布時間：2024-01-28 09:18\n來源：市政府辦公室\n各位代表：\n現在，我代表市人民政府報告工作。\n一、過去一年工作回顧\n內容。\n";
    let doc = gongwen::parse(text);
    let meta: Vec<(gongwen::MetaKey, &str)> =
        doc.metadata.iter().map(|m| (m.key, m.value)).collect();
    assert_eq!(
        meta,
        vec![
            (gongwen::MetaKey::PublishedDate, "2024-01-28 09:18"),
            (gongwen::MetaKey::Issuer, "市政府辦公室"),
        ]
    );
    let subtitles: Vec<&str> = doc.subtitles.iter().map(|s| s.text).collect();
    assert_eq!(
        subtitles,
        ["——2024年1月20日在某市第十屆人民代表大會第四次會議上"]
    );
    assert_eq!(doc.outline().len(), 1);
}

/// `壹、` … `貳、` head the level above `一、`; a plain `一、` report is
/// unchanged.
#[test]
fn financial_numerals_rank_above_cn_markers() {
    let text = "某縣施政工作報告\n壹、前言\n本府推動各項建設。\n一、財政狀況\n歲入三百億元。\n（一）推動觀光\n旅客增加。\n二、社會福利\n發放津貼。\n貳、結語\n持續精進。\n";
    let got: Vec<(u8, MarkerFamily, Option<u32>, String)> = outline(text)
        .into_iter()
        .map(|h| (h.0, h.1, h.2, h.3))
        .collect();
    use MarkerFamily::*;
    assert_eq!(
        got,
        vec![
            (1, Part, Some(1), "前言".into()),
            (2, Cn, Some(1), "財政狀況".into()),
            (3, CnParen, Some(1), "推動觀光".into()),
            (2, Cn, Some(2), "社會福利".into()),
            (1, Part, Some(2), "結語".into()),
        ]
    );
    // Near miss: `一、` … `二、` alone stay the top cn family.
    let got = outline("某县工作报告\n一、前言\n内容。\n二、结语\n内容。\n");
    assert!(got.iter().all(|h| h.1 == Cn && h.0 == 1));
}

/// A heading glued to its first paragraph (line break lost): the title ends
/// where a year clause, a `（一）` or an `一是…二是` run starts.
#[test]
fn a_paragraph_glued_to_its_heading_is_run_in_body() {
    let text = "某县工作总结\n一、总体情况2023年，我县经济平稳发展。\n二、主要工作（一）狠抓项目建设。\n三、存在问题一是总量偏小；二是结构不优。\n四、深入推进2024年重点项目建设\n内容。\n";
    let got: Vec<(Option<u32>, String, bool)> =
        outline(text).into_iter().map(|h| (h.2, h.3, h.5)).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "总体情况".into(), true),
            (Some(2), "主要工作".into(), true),
            (Some(3), "存在问题".into(), true),
            // Near miss: a year inside a title, not a clause, stays.
            (Some(4), "深入推进2024年重点项目建设".into(), false),
        ]
    );
    // Near miss: `统一是…` without a `二是` is no enumeration.
    let got = outline("某县工作总结\n一、坚持标准统一是关键\n内容。\n");
    assert_eq!(
        got.first().map(|h| h.3.as_str()),
        Some("坚持标准统一是关键")
    );
}

/// `（一）兜牢民生底线；` followed by a paragraph is a heading with a stray
/// `；`; the same lines followed by the next item are a list.
#[test]
fn a_stray_semicolon_after_a_heading_title() {
    let text = "某县工作报告\n一、主要做法\n（一）兜牢民生底线；\n全年发放低保金1.2亿元。\n（二）提升养老服务水平；\n新建养老服务站12个。\n";
    let got: Vec<(u8, String)> = outline(text).into_iter().map(|h| (h.0, h.3)).collect();
    assert_eq!(
        got,
        vec![
            (1, "主要做法".into()),
            (2, "兜牢民生底线".into()),
            (2, "提升养老服务水平".into()),
        ]
    );
    // Near miss: a list of `；` items ending in `。` stays a list.
    let text = "某县工作报告\n一、主要做法\n主要措施有：\n（一）兜牢民生底线；\n（二）提升养老服务水平；\n（三）完善救助体系。\n全年发放低保金1.2亿元。\n";
    assert_eq!(outline(text).len(), 1);
}

/// A notice that prints the document it issues after its own signature
/// (`东陵市人民政府办公室` / `2024年2月20日` / `某某实施方案` / `一、…`): the
/// signature heads nothing, and the printed document's `一、` stays level 1.
#[test]
fn an_issuer_over_a_date_line_is_not_an_unnumbered_heading() {
    let text = "关于印发《某市实施方案》的通知\n\n各县（区）人民政府：\n\n《某市实施方案》已经市政府同意，现印发给你们。\n\n某市人民政府办公室\n2024年2月20日\n\n某市数字政府建设实施方案\n\n为推进数字政府建设，制定本方案。\n\n一、总体要求\n\n内容。\n\n二、重点任务\n\n内容。\n";
    let got: Vec<(u8, String)> = outline(text).into_iter().map(|h| (h.0, h.3)).collect();
    assert_eq!(got, vec![(1, "总体要求".into()), (1, "重点任务".into())]);
}

/// The same notice signed by its date alone (`二○一二年一月九日`, set off
/// by blank lines like every line of some pages): a date line heads
/// nothing, nor does the printed document's title alone before `第一章`.
#[test]
fn a_date_line_is_not_an_unnumbered_heading() {
    let text = "关于印发《某市管理办法》的通知\n\n各县（区）人民政府：\n\n《某市管理办法》已经市政府同意，现予印发。\n\n二○一二年一月九日\n\n某市管理办法\n\n第一章　总则\n\n第一条　为了加强管理，制定本办法。\n\n第二条　本办法适用于本市。\n\n第二章　附则\n\n第三条　本办法自发布之日起施行。\n";
    let got: Vec<(u8, MarkerFamily, String)> =
        outline(text).into_iter().map(|h| (h.0, h.1, h.3)).collect();
    assert_eq!(
        got.first(),
        Some(&(1, MarkerFamily::Part, "总则".to_string()))
    );
    assert!(got.iter().all(|h| h.1 != MarkerFamily::None), "{got:?}");
}

/// `三、四类数据资源目录…` (third and fourth classes) is a number pair like
/// `三、四季度`, not heading 三.
#[test]
fn a_pair_of_numerals_before_a_classifier_is_not_a_heading() {
    let text = "一、总体要求\n内容。\n二、重点任务\n三、四类数据资源目录于6月底前编制完成。\n三、保障措施\n内容。\n";
    let got: Vec<(Option<u32>, String)> = outline(text).into_iter().map(|h| (h.2, h.3)).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "总体要求".into()),
            (Some(2), "重点任务".into()),
            (Some(3), "保障措施".into()),
        ]
    );
}

/// `注：1.本公报中…` / `2.…` after the last section: the notes zone starts
/// at the label even when the first note shares its line; a table note in
/// the middle of the body (a `二、` follows) stays a paragraph.
#[test]
fn a_notes_label_with_its_first_note_on_the_line_starts_the_notes() {
    let text = "某市统计公报\n一、综合\n全年地区生产总值增长5.9%。\n二、农业\n全年粮食产量增长1.8%。\n注：1.本公报中部分数据因四舍五入的原因，存在总计与分项合计不等的情况。\n2.地区生产总值增长速度按不变价格计算。\n";
    let doc = gongwen::parse(text);
    let got: Vec<String> = doc.outline().iter().map(|h| h.title.to_string()).collect();
    assert_eq!(got, ["综合", "农业"]);
    assert!(doc.zones.iter().any(|z| z.kind == ZoneKind::Appendix));
    let text = "某市统计公报\n一、综合\n全年地区生产总值增长5.9%。\n注：1.表中数据为初步统计数。\n二、农业\n全年粮食产量增长1.8%。\n";
    let got: Vec<String> = gongwen::parse(text)
        .outline()
        .iter()
        .map(|h| h.title.to_string())
        .collect();
    assert_eq!(got, ["综合", "农业"]);
}

/// `第一章　总　则`, `一、综　合`: a title spaced out letter by letter reads
/// without the spaces; a title with words between spaces keeps them.
#[test]
fn a_title_spaced_out_letter_by_letter_reads_without_the_spaces() {
    let text = "第一章　总　则\n第一条　为了加强管理，制定本办法。\n第二章　附　　则\n第二条　本办法自发布之日起施行。\n";
    let got: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(
        got,
        [
            "总则",
            "为了加强管理，制定本办法",
            "附则",
            "本办法自发布之日起施行"
        ]
    );
    let got: Vec<String> = outline("一、综　合\n全年增长5.9%。\n二、2024年 重点工作\n内容。\n")
        .into_iter()
        .map(|h| h.3)
        .collect();
    assert_eq!(got, ["综合", "2024年 重点工作"]);
}

/// `一、坚持系统谋划，营商环境` / `制度体系持续完善` / blank line: a heading
/// title broken by a line end is one title (heading-split); a short body
/// line after a heading, or one with a figure, is not joined.
#[test]
fn a_heading_title_broken_by_a_line_end_is_joined() {
    let text = "某市工作报告\n\n一、坚持系统谋划，营商环境\n制度体系持续完善\n\n出台专项政策12项。\n\n二、坚持改革创新，政务服务效能\n显著提升\n\n网上可办率达到99.2%。\n";
    let got: Vec<(Option<u32>, String)> = outline(text).into_iter().map(|h| (h.2, h.3)).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "坚持系统谋划，营商环境制度体系持续完善".into()),
            (Some(2), "坚持改革创新，政务服务效能显著提升".into()),
        ]
    );
    assert!(codes(text).contains(&DiagnosticCode::HeadingSplit));
    // Near misses: a paragraph line with a figure, a sentence, a line run
    // on to the next without a blank line.
    for text in [
        "一、主要工作\n全年办理案件56件\n\n二、存在问题\n内容。\n",
        "一、主要工作\n全年办理案件较多。\n\n二、存在问题\n内容。\n",
        "一、主要工作\n我局认真贯彻落实\n上级决策部署。\n二、存在问题\n内容。\n",
    ] {
        let got: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
        assert_eq!(got, ["主要工作", "存在问题"], "{text:?}");
    }
}

/// A report typed with ASCII punctuation (`,` `.` `:` for `，` `。` `：`):
/// the run-in title ends at the `.` after a CJK character (not at a
/// decimal point), and the lead-in under the title is the preamble.
#[test]
fn an_ascii_full_stop_ends_a_run_in_title() {
    let text = "XX区2023年度依法行政工作报告\n\n2023年,我区扎实推进依法行政各项工作.现将有关情况报告如下:\n\n一、主要工作情况\n\n(一)完善制度体系.制定修订规范性文件9件.\n\n(二)规范执法行为\n\n1.深化执法改革.整合执法事项210项.\n\n2.执法事项精简3.5个百分点\n\n二、下一步工作打算\n\n(一)加强法治队伍建设.\n";
    let doc = gongwen::parse(text);
    assert_eq!(doc.preamble.len(), 1);
    let got: Vec<(u8, String, bool)> = outline(text).into_iter().map(|h| (h.0, h.3, h.5)).collect();
    assert_eq!(
        got,
        vec![
            (1, "主要工作情况".into(), false),
            (2, "完善制度体系".into(), true),
            (2, "规范执法行为".into(), false),
            (3, "深化执法改革".into(), true),
            (3, "执法事项精简3.5个百分点".into(), false),
            (1, "下一步工作打算".into(), false),
            (2, "加强法治队伍建设".into(), false),
        ]
    );
}

/// A title in traditional characters (`政府工作報告`, `…工作總結`) is found
/// by its title word above a subtitle and a speaker line.
#[test]
fn a_traditional_title_word_marks_the_title() {
    let text = "2024年政府工作報告\n\n——2024年1月15日在某市第八屆人民代表大會第四次會議上\n\n市長　黃偉明\n\n各位代表：\n\n現在，我代表市人民政府向大會報告工作，請予審議。\n\n一、工作回顧\n\n內容。\n";
    let doc = gongwen::parse(text);
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_ref()),
        Some("2024年政府工作報告")
    );
}

/// `三.2024年工作计划`: a CJK numeral and a dot before a year is a heading;
/// before other digits (`一.5`) it is not.
#[test]
fn a_cn_dot_marker_before_a_year_is_a_heading() {
    let text = "一.主要工作\n内容。\n二.存在问题\n内容。\n三.2024年工作计划\n内容。\n";
    let got: Vec<(Option<u32>, String)> = outline(text).into_iter().map(|h| (h.2, h.3)).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), "主要工作".into()),
            (Some(2), "存在问题".into()),
            (Some(3), "2024年工作计划".into()),
        ]
    );
    assert!(outline("一.5倍\n内容。\n").is_empty());
}

/// `附件：自查表` above the signature, the attachment itself after it:
/// the note stays in the body, the closing is found, the appendix starts
/// at the later `附件` line.
#[test]
fn an_unnumbered_attachment_note_above_the_signature_stays_in_the_body() {
    let text = "关于开展专项检查的通知\n\n各学校：\n\n现将有关事项通知如下：\n\n一、检查内容\n\n内容。\n\n二、工作要求\n\n内容。\n\n附件：校园食品安全自查表\n\n县市场监督管理局　　　　县教育局\n2024年2月26日\n\n附件\n\n校园食品安全自查表\n\n1　食品经营许可证是否在有效期内\n";
    let doc = gongwen::parse(text);
    let closing = doc.closing.as_ref().expect("a closing block");
    assert_eq!(
        closing.issuers.iter().map(|i| i.text).collect::<Vec<_>>(),
        ["县市场监督管理局", "县教育局"]
    );
    assert_eq!(doc.outline().len(), 2);
    assert!(doc.zones.iter().any(|z| z.kind == ZoneKind::Appendix));
}

/// A line ending in a colon that introduces a list whose first item starts
/// the next line ends its paragraph, as the items after the first start
/// paragraphs of their own: the lead-in is not glued to item 1 alone.
#[test]
fn lead_in_colon_line_stands_apart_from_its_items() {
    let items = [
        "一是突出打好攻坚战，经济稳中向好。组织开展扩大有效投资专项行动，完成投资12亿元。",
        "二是改革开放不断深化。坚持以改革强动力，统筹推进重点改革，新增经营主体3万户。",
        "三是民生保障更加有力。城乡居民收入稳步增长，新增就业1200人，社会大局和谐稳定。",
    ];
    let src = format!(
        "一、工作回顾\n一年来，我们重点抓了三个方面工作：\n{}\n",
        items.join("\n")
    );
    let doc = gongwen::parse(&src);
    let paras = &doc.sections[0].paragraphs;
    let texts: Vec<&str> = paras.iter().map(|p| p.text).collect();
    assert_eq!(
        texts,
        [
            "一年来，我们重点抓了三个方面工作：",
            items[0],
            items[1],
            items[2]
        ]
    );
    let ordinals: Vec<Vec<u32>> = paras
        .iter()
        .map(|p| p.items.iter().map(|i| i.ordinal).collect())
        .collect();
    assert_eq!(ordinals, [vec![], vec![1], vec![2], vec![3]]);
    // A colon line not followed by an item still runs on (a hard-wrapped
    // paragraph).
    let wrapped = gongwen::parse("一、工作回顾\n主要做法包括：\n加强统筹协调，形成工作合力。\n");
    assert_eq!(wrapped.sections[0].paragraphs.len(), 1);
}

/// The lines under the title (the occasion with the delivery date, the
/// speaker) are subtitles with their entities: the delivery date is read
/// there, not lost between the title and the preamble.
#[test]
fn subtitle_lines_keep_the_delivery_date() {
    let src = "2026年政府工作报告\n——2026年1月28日在省第十四届人民代表大会第四次会议上\n省长　王某\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、工作回顾\n过去一年，地区生产总值增长5.2%。\n";
    let doc = gongwen::parse(src);
    assert_eq!(
        doc.title.as_ref().map(|t| t.text.as_ref()),
        Some("2026年政府工作报告")
    );
    let lines: Vec<&str> = doc.subtitles.iter().map(|t| t.text).collect();
    assert_eq!(
        lines,
        [
            "——2026年1月28日在省第十四届人民代表大会第四次会议上",
            "省长　王某"
        ]
    );
    let date = doc.subtitles[0].entities.first().expect("a date");
    assert_eq!(date.text, "2026年1月28日");
    match date.kind {
        gongwen::EntityKind::Date(d) => {
            assert_eq!(
                (d.date.year, d.date.month, d.date.day),
                (Some(2026), Some(1), Some(28))
            )
        }
        ref k => panic!("not a date: {k:?}"),
    }
    // In document order among every entity, after the title's.
    let all: Vec<&str> = doc.entities().iter().map(|e| e.text).collect();
    assert_eq!(all.get(..2), Some(&["2026年", "2026年1月28日"][..]));
    assert_eq!(doc.check_invariants(), Ok(()));
}

/// A metadata label left empty at the end of its line (`来源：`) takes
/// the next line as its value only when that line is no report text: a
/// paragraph, a heading or a salutation after it stays where it is.
#[test]
fn empty_metadata_label_takes_no_paragraph() {
    let title = "关于2023年法治政府建设情况的报告\n";
    let body = "一、主要工作\n（一）加强领导。我们召开会议3次。\n";
    for (after, preamble) in [
        (
            "2023年，我市全面推进法治政府建设。现将有关情况报告如下。\n",
            1,
        ),
        // The salutation and the sentence: two paragraphs.
        ("各位代表：\n现在，我代表市人民政府报告工作。\n", 2),
        ("", 0),
    ] {
        let src = format!("{title}发布时间：2024-01-21 来源：\n{after}{body}");
        let doc = gongwen::parse(&src);
        let issuer = doc.meta(gongwen::MetaKey::Issuer).map(|m| m.value);
        assert!(
            issuer.is_none_or(|v| v.is_empty() || v.chars().count() < 10),
            "{issuer:?} in {src}"
        );
        assert_eq!(doc.preamble.len(), preamble, "{src}");
        assert_eq!(doc.sections.len(), 1, "{src}");
    }
    // The page layout with the value on the next line still reads it.
    let src = format!("{title}来源：\n云南日报\n{body}");
    let doc = gongwen::parse(&src);
    assert_eq!(
        doc.meta(gongwen::MetaKey::Issuer).map(|m| m.value),
        Some("云南日报")
    );
}

/// A line of nothing but zero-width spaces inside a sentence (text taken
/// from wiki pages) is no paragraph break; an empty line still is.
#[test]
fn zero_width_line_is_no_paragraph_break() {
    let src = "一、工作回顾\n过去一年极不平凡。面对疫情，我们交出一份人\n\u{200b}\n民满意的答卷。全年目标较好完成。\n\n在抗疫历程中，坚持人民至上。\n";
    let doc = gongwen::parse(src);
    let texts: Vec<&str> = doc.sections[0].paragraphs.iter().map(|p| p.text).collect();
    assert_eq!(
        texts,
        [
            "过去一年极不平凡。面对疫情，我们交出一份人\n\u{200b}\n民满意的答卷。全年目标较好完成。",
            "在抗疫历程中，坚持人民至上。"
        ]
    );
    let sentences = &doc.sections[0].paragraphs[0].sentences;
    assert_eq!(sentences.len(), 3);
    assert_eq!(doc.check_invariants(), Ok(()));
}

/// A body sentence that starts by citing an attachment or a table is no
/// appendix: the sections after it stay sections.
#[test]
fn sentence_citing_an_attachment_opens_no_appendix() {
    for cite in [
        "附件1所列重点项目全部开工。",
        "附表1显示，全年完成投资12亿元",
        "附件2中的任务已分解落实。",
    ] {
        let src = format!(
            "一、主要工作\n（一）加强领导。我们召开会议3次。\n{cite}\n二、存在问题\n（一）基础薄弱。部分地区投入不足。\n三、下一步打算\n（一）强化保障。加大投入力度。\n"
        );
        let doc = gongwen::parse(&src);
        assert_eq!(doc.sections.len(), 3, "{cite}");
        assert!(doc.appendix.is_empty(), "{cite}");
    }
    // An attachment heading after the body still opens the appendix.
    let src = "一、主要工作\n（一）加强领导。我们召开会议3次。\n二、存在问题\n（一）基础薄弱。部分地区投入不足。\n\n附件1：重点项目名单\n1.某某路改造工程\n";
    let doc = gongwen::parse(src);
    assert_eq!(doc.sections.len(), 2);
    assert!(!doc.appendix.is_empty());
}

/// `特此报告` without its full stop right above the signature is the body's
/// closing formula, not an issuing body.
#[test]
fn closing_formula_is_no_issuer() {
    for formula in ["特此报告", "特此通知", "此复", "特此报告。"] {
        let src = format!(
            "关于2023年法治政府建设情况的报告\n一、主要工作\n（一）加强领导。我们召开会议3次。\n二、下一步打算\n继续加强法治建设。\n{formula}\nXX市人民政府\n2024年3月1日\n"
        );
        let doc = gongwen::parse(&src);
        let closing = doc.closing.as_ref().expect("a closing");
        let issuers: Vec<&str> = closing.issuers.iter().map(|l| l.text).collect();
        assert_eq!(issuers, ["XX市人民政府"], "{formula}");
        let last = doc
            .sections
            .last()
            .and_then(|s| s.paragraphs.last())
            .map(|p| p.text);
        assert!(
            last.is_some_and(|t| t.ends_with(formula)),
            "{formula}: {last:?}"
        );
    }
}

/// A signature date spaced out for the page layout (`2024 年 3 月 1 日`)
/// still closes the report.
#[test]
fn spaced_signature_date_closes_the_report() {
    let src = "关于2023年工作的报告\n一、主要工作\n（一）加强领导。我们召开会议3次。\n\nXX市司法局\n2024 年 3 月 1 日\n";
    let doc = gongwen::parse(src);
    let closing = doc.closing.as_ref().expect("a closing");
    assert_eq!(
        closing.issuers.iter().map(|l| l.text).collect::<Vec<_>>(),
        ["XX市司法局"]
    );
    let date = closing.date.as_ref().expect("a date line");
    assert_eq!(date.text, "2024 年 3 月 1 日");
    let d = date.date.expect("its value");
    assert_eq!((d.year, d.month, d.day), (Some(2024), Some(3), Some(1)));
}

/// A page wrapped at a fixed width (PDF text) can move a marker of the
/// running text to a line's start: `…分别居全国第二、第` / `七、第九。…`.
/// After a full line that ends mid-sentence it is no heading; after a
/// line ending a sentence it is.
#[test]
fn a_marker_a_wrapped_page_moved_to_a_line_start_is_no_heading() {
    let text = "一、总体情况\n\
        全年实现地区生产总值5696亿元，增长5.3%，超过全国平均水平。一产、二\n\
        产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第\n\
        七、第九。固定资产投资增长6%，居全国第四。\n\
        二、主要做法\n\
        加强组织领导。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(titles, ["总体情况", "主要做法"]);
    // So after a line ending in a clause comma.
    let text = "一、总体情况\n\
        全年实现地区生产总值5696亿元，增长5.3%，超过全国平均水平。一产、二\n\
        产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、\n\
        九、十位。固定资产投资增长6%，居全国第四。\n\
        二、主要做法\n\
        加强组织领导。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(titles, ["总体情况", "主要做法"]);
    // After a sentence's end the marker heads a section.
    let text = "一、总体情况\n\
        全年实现地区生产总值5696亿元，增长5.3%，超过全国平均水平。一产、二\n\
        产、三产增加值分别增长6%、5.2%、5.2%，分别居全国前列。\n\
        二、工作措施\n\
        加强组织领导。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(titles, ["总体情况", "工作措施"]);
}

/// On a wrapped page a marker-led list item runs over several full lines:
/// its logical line's end (`；`) makes it an in-body list item, and a full
/// line that runs on is no short standalone line to fill a gap with.
#[test]
fn a_wrapped_page_reads_marker_lines_by_their_logical_line() {
    let text = "一、物价\n\
        国务院决定在物价问题上采取以下的综合配套措施：\n\
        （一）继续坚持有计划有步骤地改革不合理的价格体系，逐步调整农副产品价格，理\n\
        顺工业品与农产品的比价关系，稳定市场物价水平，保障人民群众的基本生活需要；\n\
        （二）加强物价管理和工商行政管理，建立和健全群众性的社会监督制度，严肃查\n\
        处违法违纪行为。\n\
        二、财政\n\
        加强财政管理。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(titles, ["物价", "财政"]);
    let text = "一、经济\n\
        发展经济。\n\
        \n\
        我们要为经济振兴打好基础，必须使基本建设保持必要的规模，但这个规模一定\n\
        要同国力相适应，不能超过财力负担和物资供应的可能。\n\
        三、财政\n\
        加强财政管理。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(titles, ["经济", "财政"]);
}

/// A standalone `一是…。` item on a wrapped page is read on its logical
/// line: broken over two lines it is still a heading (its title joined);
/// the first line of a longer item, with no sentence end of its own, is
/// none.
#[test]
fn wrapped_standalone_items_are_read_on_their_logical_line() {
    let text = "一、工作回顾\n\
        过去一年，我们主要做了以下工作。全市上下认真贯彻落实各项决策部署，取得\n\
        明显成效，经济社会发展稳中有进，人民生活持续改善，社会大局保持稳定。\n\
        一是坚持高位推动，党对法治政府建设的领导全面加强，各项制度不断完善\n\
        健全。\n\
        党委常委会会议专题研究法治政府建设工作，制定出台实施意见和工作方案。\n\
        二是坚持服务为民，营商环境不断优化。\n\
        全年新增市场主体1.2万户，增长8%，政务服务事项全部实现网上可办，群众\n\
        办事更加便捷高效，满意度持续提升，社会评价不断向好。\n\
        三是坚持依法行政，全年新增市场主体1.2万户，政务服务事项全部实现网上\n\
        可办。群众办事更加便捷高效，满意度持续提升，社会评价不断向好。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(
        titles,
        [
            "工作回顾",
            "坚持高位推动，党对法治政府建设的领导全面加强，各项制度不断完善健全",
            "坚持服务为民，营商环境不断优化"
        ]
    );
}

/// A heading title a wrapped page broke: the heading's full line runs on
/// into the title's short rest, and the body follows with no blank line.
#[test]
fn a_title_a_wrapped_page_broke_is_joined() {
    let text = "一、总体情况\n\
        （一）扎实推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接和\n\
        全面推进\n\
        全年脱贫人口人均纯收入增长百分之十二，各项帮扶政策保持总体稳定。\n\
        （二）加强组织领导\n\
        党委常委会会议专题研究法治政府建设工作。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(
        titles,
        [
            "总体情况",
            "扎实推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接和全面推进",
            "加强组织领导"
        ]
    );
}

/// A page wrapped narrow (a PDF of two or three text columns, 15 to 20
/// ideographs a line): a paragraph's first line, with no comma and after
/// a sentence's end, runs on into the full line below it; it is no
/// unnumbered heading.
#[test]
fn a_narrow_wrapped_paragraph_start_is_no_unnumbered_heading() {
    let text = "国家经济实力继续得到显著增强。\n\
        国民生产总值一九八七年达到一万亿\n\
        元以上，按可比价格计算平均每年增长百\n\
        分之十一。经济发展速度比较高。\n\
        对外贸易有了很大的发展和扩大。\n\
        全国进出口总额比上一年增长了很\n\
        多，平均每年增长百分之十四，对外贸\n\
        易市场日趋扩大。\n\
        一、继续深化改革\n\
        加强管理。\n\
        二、加强法制建设\n\
        完善制度。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(titles, ["继续深化改革", "加强法制建设"]);
    // A narrow line over a short one does not run on (a title, not a
    // wrapped paragraph): it still fills a gap in the sequence.
    let text = "一、工作情况\n\
        加强管理。\n\
        推进法治政府建设工作的主要做法和成效\n\
        主要内容\n\
        加强管理。\n\
        三、存在问题\n\
        加强管理。\n";
    let titles: Vec<String> = outline(text).into_iter().map(|h| h.3).collect();
    assert_eq!(
        titles,
        [
            "工作情况",
            "推进法治政府建设工作的主要做法和成效",
            "存在问题"
        ]
    );
}

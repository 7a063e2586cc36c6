//! Known-answer tests for the inline scanner.

use super::*;

/// Scan `s` whole and render one line per entity:
/// `kind text [unit] [approx] [change]`.
pub(crate) fn render(s: &str) -> Vec<String> {
    let mut sink = InlineSink::default();
    scan(s, Span::new(0, s.len()), &Options::default(), &mut sink);
    sink.entities
        .to_vec(s)
        .iter()
        .map(|e| {
            let mut line = String::new();
            match &e.kind {
                EntityKind::Quantity(q) => {
                    line.push_str(&format!("quantity {} = {} {}", e.text, q.value, q.unit));
                    if let Some(r) = q.range.as_ref() {
                        line.push_str(&format!(" [{}..{}]", r.low, r.high));
                    }
                    if let Some(a) = q.approx {
                        line.push_str(&format!(" {a:?}"));
                    }
                    if let Some(c) = &q.change {
                        line.push_str(&format!(
                            " {:?}/{}",
                            c.direction,
                            c.basis.as_deref().unwrap_or("-")
                        ));
                    }
                }
                EntityKind::Date(d) => {
                    line.push_str(&format!("date {} {}", e.text, d.date));
                    if let Some(r) = d.range_end {
                        line.push_str(&format!("..{r}"));
                    }
                }
                EntityKind::Reference(_) => line.push_str(&format!("reference {}", e.text)),
                EntityKind::DocNumber(d) => line.push_str(&format!(
                    "doc_number {} {}/{}/{}",
                    e.text, d.issuer_code, d.year, d.serial
                )),
                EntityKind::Ordinal(o) => line.push_str(&format!("ordinal {} {}", e.text, o.value)),
                EntityKind::Identifier(i) => {
                    line.push_str(&format!("identifier {} {:?}", e.text, i.scheme))
                }
                EntityKind::Number(n) => line.push_str(&format!("number {} = {}", e.text, n.value)),
            }
            line
        })
        .collect()
}

#[test]
fn traps_are_not_quantities() {
    for s in [
        "2021年",
        "2021年度",
        "2022年1月28日",
        "8月份",
        "2021—2025年",
        "14:37",
        "〔2022〕3号",
        "012870556/2022-00020",
        "拨打12345热线",
        "第七任",
        "全省第一",
        "一是加强",
        "“十四五”时期",
        "“八五”普法",
        "“两个维护”",
        "“1+6”工作方案",
        "7×24小时",
        "一些",
        "统一部署",
        "一般",
        "万一",
        "十分重要",
        "千方百计",
        "一带一路",
        "做到两个维护",
        "一体化",
        "一把手",
        "第一责任人",
        "四个意识",
        "1、落实",
        "（1）加强",
        "[2]",
        "（3）",
        "5G基站",
        "PM2.5浓度",
    ] {
        let got = render(s);
        assert!(
            got.iter()
                .all(|l| !l.starts_with("quantity") && !l.starts_with("number")),
            "{s} should have no quantity or number: {got:?}"
        );
    }
}

#[test]
fn known_answers() {
    let cases: &[(&str, &[&str])] = &[
        (
            "受理矛盾纠纷29000余人次。",
            &["quantity 29000余人次 = 29000 人次 MoreThan"],
        ),
        ("比上年增长4.7%。", &["quantity 4.7% = 4.7 % Up/比上年"]),
        ("同比下降37.1%", &["quantity 37.1% = 37.1 % Down/同比"]),
        (
            "比上年提高23个百分点",
            &["quantity 23个百分点 = 23 百分点 Up/比上年"],
        ),
        (
            "分别增长6.9%、49.9%和43.2%。",
            &[
                "quantity 6.9% = 6.9 % Up/-",
                "quantity 49.9% = 49.9 % Up/-",
                "quantity 43.2% = 43.2 % Up/-",
            ],
        ),
        ("近3年", &["quantity 近3年 = 3 年 Nearly"]),
        ("节约3000元", &["quantity 3000元 = 3000 元"]),
        ("增长到5000亿元", &["quantity 5000亿元 = 500000000000 元"]),
        (
            "运政函〔2022〕3号",
            &["doc_number 运政函〔2022〕3号 运政函/2022/3"],
        ),
        (
            "《关于印发〈办法〉的通知》",
            &["reference 《关于印发〈办法〉的通知》"],
        ),
        (
            "索引号:012870556/2022-00020",
            &["identifier 012870556/2022-00020 IndexNumber"],
        ),
        ("2023年1-6月", &["date 2023年1-6月 2023-01..2023-06"]),
        ("（2020-2025年）", &["date 2020-2025年 2020..2025"]),
        (
            "二〇二六年一月二十七日",
            &["date 二〇二六年一月二十七日 2026-01-27"],
        ),
        ("１９９６年", &["date １９９６年 1996"]),
        ("第一批", &["ordinal 第一批 1"]),
        ("全省第一", &["ordinal 第一 1"]),
        ("第9名", &["ordinal 第9名 9"]),
        (
            "三次产业结构为7.6:44.8:47.6",
            &[
                "number 7.6 = 7.6",
                "number 44.8 = 44.8",
                "number 47.6 = 47.6",
            ],
        ),
        ("2015\n年全县", &["date 2015\n年 2015"]),
        ("增长\n-3.2%", &["quantity -3.2% = -3.2 % Up/-"]),
        (
            "超过五千万元",
            &["quantity 超过五千万元 = 50000000 元 MoreThan"],
        ),
        ("两三个", &["quantity 两三个 = 2 个 [2..3]"]),
        ("百分之三十", &["quantity 百分之三十 = 30 %"]),
        ("3年", &["quantity 3年 = 3 年"]),
    ];
    for (input, want) in cases {
        assert_eq!(&render(input), want, "should read {input:?}");
    }
}

#[test]
fn linear_on_pathological_input() {
    let s = "《".repeat(200_000);
    let mut sink = InlineSink::with_cap(usize::MAX);
    scan(&s, Span::new(0, s.len()), &Options::default(), &mut sink);
    assert_eq!(sink.diagnostics.len(), 200_000);
    let s = "9".repeat(10_000) + "元";
    let mut sink = InlineSink::default();
    scan(&s, Span::new(0, s.len()), &Options::default(), &mut sink);
    assert!(sink.entities.is_empty());
    assert_eq!(sink.diagnostics.len(), 1);
    let s = "一".repeat(100_000);
    assert!(render(&s).is_empty());
    let s = "1、".repeat(100_000);
    let _ = render(&s);
    let s = "“".repeat(100_000);
    let _ = render(&s);
}

/// Dump every corpus line through the scanner (for review):
/// `cargo test --lib dump_corpus -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump_corpus() {
    let only = std::env::var("DUMP").unwrap_or_default();
    for (name, text) in crate::test_corpus::documents() {
        if !name.contains(&only) {
            continue;
        }
        println!("=== {name}");
        let mut sink = InlineSink::default();
        scan(
            &text,
            Span::new(0, text.len()),
            &Options::default(),
            &mut sink,
        );
        let lines = render(&text);
        for (l, e) in lines.iter().zip(&sink.entities.to_vec(&text)) {
            let after: String = text[e.span.end()..].chars().take(6).collect();
            let b = text[..e.span.start()]
                .char_indices()
                .rev()
                .nth(5)
                .map_or(0, |x| x.0);
            let before = &text[b..e.span.start()];
            println!(
                "{}\t«{}|{}»",
                l.replace('\n', "⏎"),
                before.replace('\n', "⏎"),
                after.replace('\n', "⏎")
            );
        }
        // Digits no entity covers.
        let mut covered = vec![false; text.len()];
        for e in &sink.entities.to_vec(&text) {
            for k in e.span.range() {
                covered[k] = true;
            }
        }
        let cjk = |c: char| "〇零一二两三四五六七八九十百千万亿萬億兩".contains(c);
        for (k, c) in text.char_indices() {
            if std::env::var("DUMP_CJK").is_ok()
                && cjk(c)
                && !covered[k]
                && !text[..k].ends_with(cjk)
            {
                let run: String = text[k..].chars().take_while(|&c| cjk(c)).collect();
                let next = text[k + run.len()..].chars().next().unwrap_or(' ');
                if "个项件元年人家户次名所条倍吨亩天种部批座台套期位".contains(next)
                {
                    let b = text[..k].char_indices().rev().nth(5).map_or(0, |x| x.0);
                    let after: String = text[k..].chars().take(8).collect();
                    println!(
                        "MISSCJK\t«{}|{}»",
                        text[b..k].replace('\n', "⏎"),
                        after.replace('\n', "⏎")
                    );
                }
            }
            if c.is_ascii_digit()
                && !covered[k]
                && !text[..k].ends_with(|p: char| p.is_ascii_digit())
            {
                let b = text[..k].char_indices().rev().nth(7).map_or(0, |x| x.0);
                let after: String = text[k..].chars().take(10).collect();
                println!(
                    "MISS\t«{}|{}»",
                    text[b..k].replace('\n', "⏎"),
                    after.replace('\n', "⏎")
                );
            }
        }
    }
}

#[test]
fn active_tables_agree_with_is_active() {
    for cp in 0..=0x10ffff_u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        let want = if is_active(c) { 0 } else { s.len() };
        assert_eq!(next_active(s, 0), want, "U+{cp:04X}");
    }
}

#[test]
fn next_active_agrees_with_is_active_inside_text() {
    // Mixed widths (ASCII, two-, three- and four-byte chars), so every exit
    // and re-entry of the three-byte run is taken, from every start.
    let text =
        "第一章 总则\n今年GDP增长5.2%，达到１２３亿元；“十四五”·é𝄞规划（2021—2025年）负3、a,b中文";
    for (i, _) in text.char_indices() {
        let want = text
            .char_indices()
            .find(|&(j, c)| j >= i && is_active(c))
            .map_or(text.len(), |(j, _)| j);
        assert_eq!(next_active(text, i), want, "from {i}");
    }
    assert_eq!(next_active(text, text.len()), text.len());
}

#[test]
fn figure_then_line_end_admits_every_split_year() {
    // The pre-check must let through every figure that `gap` finds a line
    // end after (a superset is fine).
    for s in [
        "2015\n年",
        "2015\r\n年",
        "2015 \n年",
        "２０１５\n年",
        "2015\u{3000}\n年",
        "2015\u{a0}\r年",
        "2,015\n年",
        "2 015\t\n年",
    ] {
        assert!(figure_then_line_end(s), "{s:?}");
        let (r, _) = crate::grammar::figure::digit_figure(s).unwrap();
        assert!(crate::grammar::quantity::gap(r).1, "{s:?}");
    }
    for s in ["2015年", "2015.5\n年", "2015，\n"] {
        assert!(!figure_then_line_end(s), "{s:?}");
    }
    // A year split from its 年 is still read as a year.
    let es = crate::entity::extract("截至2015\n年底");
    assert!(matches!(
        es.first().map(|e| &e.kind),
        Some(EntityKind::Date(_))
    ));
}

#[test]
fn at_most_chars_counts_chars() {
    for s in [
        "",
        "a",
        "一二三",
        "abc一二",
        &"字".repeat(24),
        &"字".repeat(25),
        &"a".repeat(97),
    ] {
        for n in [0, 1, 3, 5, 24, 25, 30] {
            assert_eq!(at_most_chars(s, n), s.chars().count() <= n, "{s} {n}");
        }
    }
}

#[test]
fn line_ends_within_is_a_byte_search() {
    // Windows asked in any order (forward, backward, overlapping, empty)
    // give the plain answer.
    let text = "增长\n5%，比上年\r\n下降3.2个百分点。同比增长6%\n";
    let plain = |a: usize, b: usize| {
        text.as_bytes()
            .get(a..b)
            .is_some_and(|w| w.iter().any(|&c| c == b'\n' || c == b'\r'))
    };
    let ends = LineEnds::new(text);
    let n = text.len();
    let mut windows = Vec::new();
    for a in 0..=n {
        for b in a..=n {
            windows.push((a, b));
        }
    }
    // Forward, then backward, then interleaved.
    let back: Vec<_> = windows.iter().rev().copied().collect();
    let mixed: Vec<_> = windows
        .iter()
        .zip(back.iter())
        .flat_map(|(x, y)| [*x, *y])
        .collect();
    for (a, b) in windows.iter().chain(&back).chain(&mixed) {
        assert_eq!(ends.within(*a, *b), plain(*a, *b), "{a}..{b}");
    }
}

#[test]
fn every_meridiem_word_ends_in_a_meridiem_char() {
    // `meridiem_start` looks further only when the char before the time
    // ends a meridiem word (or pads it): the check must admit every word
    // the production reads.
    for s in ['上', '凌', '早', '中', '下', '晚', '傍', '夜'] {
        for c in (0x3000..=0x9fff).filter_map(char::from_u32) {
            let w = format!("{s}{c}");
            if crate::grammar::date::meridiem(&w).is_ok_and(|(r, _)| r.is_empty()) {
                assert!(ends_meridiem(c), "{w}");
            }
        }
    }
    assert!(ends_meridiem_or_pad(' ') && ends_meridiem_or_pad('\u{3000}'));
}

#[test]
fn markers_after_brackets_and_line_starts_are_no_entities() {
    // is_marker returns early unless the char before is an opening bracket
    // or a line start: the markers it must still find are found.
    for s in [
        "(1)推进改革",
        "（2）推进改革",
        "[3]推进改革",
        "［4］推进改革",
        "【5】推进改革",
        "〔6〕推进改革",
        "7、推进改革",
        "推进\n8.推进改革",
        "推进。9、推进改革",
        "推进；10）推进改革",
        "推进 11．推进改革",
    ] {
        assert!(render(s).is_empty(), "{s:?}: {:?}", render(s));
    }
    // After a word the same figures are read.
    assert!(!render("推进7、8项改革").is_empty());
}

#[test]
fn arabic_words_after_the_lead_char_gate() {
    // arabic_word goes straight to the name patterns unless the figure is
    // followed by a char some rule reads: each rule still fires.
    for (s, want) in [
        ("建成15号线", vec!["ordinal 15号"]),
        ("中国500强企业", vec!["ordinal 500强"]),
        ("排名前10名", vec!["ordinal 10名"]),
        ("排在前3位", vec!["ordinal 3位"]),
        ("80后青年", vec![]),
        ("实施3年行动计划", vec![]),
        ("上世纪80年代", vec![]),
        ("进入21世纪", vec![]),
        ("防治2型糖尿病", vec![]),
        ("城市大脑2.0版", vec![]),
    ] {
        let got = render(s);
        assert_eq!(got.len(), want.len(), "{s:?}: {got:?}");
        for (g, w) in got.iter().zip(&want) {
            assert!(g.starts_with(w), "{s:?}: {got:?}");
        }
    }
}

#[test]
fn labels_and_name_patterns_after_their_quick_rejects() {
    // The table-label rule is tried only after 件 表 图 or padding, and
    // the name patterns only before `+` `*` `×` `＋` `＊`: the labels and
    // names they must find are still skipped, the figures next to them
    // still read.
    for s in [
        "详见表1",
        "如图2所示",
        "附件3",
        "附表 4",
        "见图\u{3000}5",
        "表\n6",
        "附件\r\n7",
        "\t表8",
        "“1+6”工作方案",
        "实行5+2模式",
        "7×24小时",
        "3＋1",
        "2*3",
        "4＊5",
        "1+N",
    ] {
        let got = render(s);
        assert!(
            got.iter()
                .all(|l| !l.starts_with("quantity") && !l.starts_with("number")),
            "{s:?}: {got:?}"
        );
    }
    for (s, want) in [
        ("代表35名", "quantity 35名"),
        ("事件12起", "quantity 12起"),
        ("外表3处", "quantity 3处"),
        ("共3个", "quantity 3个"),
        ("3×", "number 3"),
        ("增加5-", "number 5"),
    ] {
        let got = render(s);
        assert!(
            got.first().is_some_and(|g| g.starts_with(want)),
            "{s:?}: {got:?}"
        );
    }
}

proptest::proptest! {
    /// A token of digits alone goes straight to the figure rules: none of
    /// the token rules it skips (standard number, fraction, identifier
    /// classes) takes one, whatever follows.
    #[test]
    fn digit_tokens_skip_no_token_rule(
        tok in "[0-9]{1,20}",
        after in "[-/ 0-9A-Z年号.]{0,12}"
    ) {
        proptest::prop_assert!(crate::grammar::classify::classify_token(&tok).is_none());
        proptest::prop_assert!(standard_number(&tok, &after).is_none());
        proptest::prop_assert!(!tok.contains('/'));
    }
}

proptest::proptest! {
    /// The split year's quick reject from the figure already read is
    /// sound: wherever it rules a line end out, `figure_then_line_end`
    /// finds none.
    #[test]
    fn no_line_end_after_implies_no_split_year(
        s in "[0-9０-９][0-9０-９,. 　\u{a0}\u{2009}\t\n\r年x]{0,14}"
    ) {
        if let Ok((r, f)) = crate::grammar::figure::digit_figure(&s) {
            if no_line_end_after(r, &f) {
                proptest::prop_assert!(!figure_then_line_end(&s), "{:?}", s);
            }
        }
    }
}

#[test]
fn split_years_after_the_figure_reject() {
    for s in [
        "在2015\n年",
        "在2015 \n年",
        "１９９６\r\n年度",
        "2015\u{3000}\n年",
    ] {
        let got = render(s);
        assert!(got.iter().any(|g| g.starts_with("date ")), "{s:?}: {got:?}");
    }
    assert!(render("2015.5\n年").iter().all(|g| !g.starts_with("date ")));
}

proptest::proptest! {
    /// `skip_run_at` reads the run from the bytes as the char-by-char
    /// walk does, at every char boundary of text mixing numerals, digits
    /// of both widths, letters and other chars.
    #[test]
    fn skip_run_reads_bytes_as_chars(
        s in "[一二三十百千万亿两零〇○壹佰萬億0-9０-９a-zA-Z年个步，。 -]{0,16}"
    ) {
        for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
            proptest::prop_assert_eq!(skip_run_at(&s, i), skip_run_plain(&s, i), "at {} of {:?}", i, s);
        }
    }
}

#[test]
fn digit_tokens_read_as_figures() {
    // Plain digit runs skip the token rules: hotlines, mobile numbers,
    // dates and quantities among them are still read.
    for (s, want) in [
        ("拨打12345热线", "identifier 12345 Phone"),
        ("手机13912345678", "identifier 13912345678 Phone"),
        ("2022年", "date 2022年"),
        ("共29000人", "quantity 29000人"),
        ("0359－2090000", "identifier 0359－2090000 Phone"),
    ] {
        let got = render(s);
        assert!(
            got.first().is_some_and(|g| g.starts_with(want)),
            "{s:?}: {got:?}"
        );
    }
}

proptest::proptest! {
    /// The quick rejects of `cjk_word` read only the char before the
    /// numeral: an idiom with a lead, an approximation prefix or 突破
    /// matches only when that char may end one.
    #[test]
    fn cjk_word_rejects_by_the_char_before(
        before in "[最后後约約法突破近超过過逾了为為有多少于於到足每前一年的 ]{0,5}",
        i in "[一三两十百千万亿][一三两十百千万亿公里章米人元]{0,3}",
    ) {
        let prev = before.chars().next_back();
        let first = i.chars().next();
        if led_slogan(&before, &i).is_some() {
            let ok = prev.zip(first).is_some_and(|(p, f)| led_slogan_may_start(p, f));
            proptest::prop_assert!(ok, "{:?} {:?}", before, i);
        }
        if approx_prefix(&before).is_some() || before.ends_with("突破") {
            let ok = prev.is_some_and(|p| {
                crate::grammar::quantity::ends_approx_prefix(p) || p == '破'
            });
            proptest::prop_assert!(ok, "{:?}", before);
        }
    }
}

#[test]
fn cjk_words_after_a_lead_or_prefix_still_read() {
    // Led idioms: no figure.
    assert!(render("打通最后一公里。").is_empty());
    assert!(render("做到约法三章，").is_empty());
    // Bare scale words after a prefix or 突破: quantities.
    let got = render("服务近万人，突破百亿次。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|g| g.starts_with("quantity ")), "{got:?}");
    // A numeral after none of them is read as before.
    assert!(render("进一步统一思想").is_empty());
}

/// The date check at a CJK numeral, from the run `skip_run_at` read.
fn date_may_start_after_run(t: &str, k: usize) -> bool {
    let end = skip_run_at(t, k);
    t.get(end..)
        .and_then(|a| a.chars().next())
        .is_some_and(|n| date_may_follow(n, false))
}

/// The date check at a digit, from the figure `digit_figure` read (the
/// scanner's path; `date_may_start` when the figure is not digits alone).
fn date_may_start_after_figure(t: &str) -> bool {
    match crate::grammar::figure::digit_figure(t) {
        Ok((r, f)) => match digits_then(r, &f) {
            Some(next) => next.is_some_and(|n| date_may_follow(n, f.int_digits == 4)),
            None => date_may_start(t),
        },
        Err(_) => date_may_start(t),
    }
}

#[test]
fn date_check_after_a_figure_on_tricky_figures_and_the_corpus() {
    for t in [
        "2022年",
        "2022.1.5",
        "2022/1/5",
        "1234",
        "1,234年",
        "12 345年",
        "１９９６年",
        "1９96年",
        "2022",
        "202年",
        "20221年",
        "3.5%",
        "5—6月",
        "8月",
        "2022\n年",
        "12:30",
        "1、",
        "2022 年",
        "2022　年",
        "7,000",
        "1.",
        "0.5",
        "2022-2025",
        "15号",
        "5至8日",
    ] {
        assert_eq!(date_may_start_after_figure(t), date_may_start(t), "{t:?}");
    }
    let mut checked = 0;
    for text in crate::test_corpus::texts() {
        for (k, c) in text.char_indices() {
            if digit_value(c).is_some() {
                let t = &text[k..];
                assert_eq!(
                    date_may_start_after_figure(t),
                    date_may_start(t),
                    "{:.12}",
                    t
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000);
}

proptest::proptest! {
    /// At a digit, the check from the figure read says what
    /// `date_may_start` says.
    #[test]
    fn date_check_after_a_figure_is_date_may_start(
        s in "[0-9０-９,. 　\u{a0}\u{2009}年月日号时:：/、和与及—–～~〜至到x一]{1,12}"
    ) {
        for (k, c) in s.char_indices() {
            if digit_value(c).is_some() {
                proptest::prop_assert_eq!(
                    date_may_start_after_figure(&s[k..]),
                    date_may_start(&s[k..]),
                    "{:?} at {}", s, k
                );
            }
        }
    }

    /// At a CJK numeral, `date_may_follow` after the run `skip_run_at`
    /// reads says what `date_may_start` says.
    #[test]
    fn date_check_after_a_cjk_run_is_date_may_start(
        s in "[-一二三四五六七八九十百千万亿〇○零两0-9０-９年月日号时點份度:：/. 　、和与及—–～~〜至到x]{1,12}"
    ) {
        for (k, c) in s.char_indices() {
            if is_cjk_numeral_char(c) {
                proptest::prop_assert_eq!(
                    date_may_start_after_run(&s, k),
                    date_may_start(&s[k..]),
                    "{:?} at {}", s, k
                );
            }
        }
    }
}

#[test]
fn date_check_after_a_cjk_run_on_the_seeds() {
    let texts = crate::test_corpus::seeds_and_bulletin();
    let mut checked = 0;
    for (t, (k, c)) in texts
        .iter()
        .flat_map(|t| t.char_indices().map(move |x| (t.as_str(), x)))
    {
        if is_cjk_numeral_char(c) {
            assert_eq!(
                date_may_start_after_run(t, k),
                date_may_start(&t[k..]),
                "{:.12}",
                &t[k..]
            );
            checked += 1;
        }
    }
    assert!(checked > 100);
}

#[test]
fn words_without_a_digit_are_skipped_whole() {
    // Skipped: no entity, and nothing inside is read.
    for s in [
        "推进GDP增长",
        "APP上线",
        "e-Gov平台",
        "A/B测试",
        "km/h以内",
        "abc-def。",
    ] {
        assert!(render(s).is_empty(), "{s:?}: {:?}", render(s));
    }
    // Tokens with a digit, or a standard's code, go on as before.
    let got = render("按GB/T 9704-2012执行");
    assert!(
        got.iter()
            .any(|g| g.starts_with("identifier GB/T 9704-2012")),
        "{got:?}"
    );
    assert!(render("PM2.5浓度").is_empty());
    assert!(render("5G基站").is_empty());
}

/// The skip of a CJK numeral run in `try_at` (no date may follow the
/// run, `small_run_stops_at`) leaves out nothing: wherever it skips, neither
/// a date, a listed date nor a quantity starts (checked at every CJK
/// numeral of the corpus and of tricky snippets).
#[test]
fn skipped_cjk_runs_start_no_date_or_quantity() {
    let mut texts = crate::test_corpus::texts();
    texts.push(
        "四是，一定，五中全会，两级，十九大，二、三年，两三个，二三十名，三四千瓦，\
         百分之五，一月，三月份，二〇二六年，十二月五日，三至五年，一年半，一个半月，\
         两个多月，三 年，五\n年，七、八月，九点，十时，五一，六·一八，一、二，三—五级"
            .to_string(),
    );
    let mut skipped = 0;
    for t in &texts {
        for (k, c) in t.char_indices() {
            if !is_cjk_numeral_char(c) {
                continue;
            }
            let rest = &t[k..];
            let end = skip_run_at(t, k);
            let after = t.get(end..).unwrap_or("");
            let no_date = !after
                .chars()
                .next()
                .is_some_and(|n| date_may_follow(n, false));
            if no_date && small_run_stops_at(rest, end - k) {
                assert!(date(rest).is_err(), "date at {rest:.20}");
                assert!(listed_date(rest).is_err(), "listed date at {rest:.20}");
                assert!(quantity(rest).is_err(), "quantity at {rest:.20}");
                skipped += 1;
            }
        }
    }
    assert!(skipped > 100, "{skipped}");
}

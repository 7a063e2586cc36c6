//! Known answers for inline entities (SPEC §5, §6, §8) through the public
//! surface: `gongwen::entity::extract` on snippets and `gongwen::parse` on
//! documents.

use gongwen::entity::{Approx, Direction, EntityKind, extract};

/// One entity as a compact line: `kind text = value unit approx change`.
fn line(e: &gongwen::Entity<'_>) -> String {
    match &e.kind {
        EntityKind::Quantity(q) => {
            let mut s = format!("quantity {} = {} {}", e.text, q.value, q.unit);
            if let Some(r) = q.range.as_ref() {
                s.push_str(&format!(" [{}..{}]", r.low, r.high));
            }
            if let Some(a) = q.approx {
                s.push_str(&format!(" {}", approx(a)));
            }
            if let Some(c) = &q.change {
                let d = match c.direction {
                    Direction::Up => "up",
                    Direction::Down => "down",
                    _ => "?",
                };
                s.push_str(&format!(" {d}"));
                if let Some(b) = &c.basis {
                    s.push_str(&format!("/{b}"));
                }
            }
            s
        }
        EntityKind::Number(n) => format!("number {} = {}", e.text, n.value),
        EntityKind::Date(d) => match d.range_end {
            Some(end) => format!("date {} = {}..{}", e.text, d.date, end),
            None => format!("date {} = {}", e.text, d.date),
        },
        EntityKind::Reference(_) => format!("reference {}", e.text),
        EntityKind::DocNumber(d) => format!(
            "doc_number {} = {}/{}/{}",
            e.text, d.issuer_code, d.year, d.serial
        ),
        EntityKind::Ordinal(o) => format!("ordinal {} = {}", e.text, o.value),
        EntityKind::Identifier(_) => format!("identifier {}", e.text),
        _ => format!("other {}", e.text),
    }
}

fn approx(a: Approx) -> &'static str {
    match a {
        Approx::About => "about",
        Approx::MoreThan => "more_than",
        Approx::LessThan => "less_than",
        Approx::Nearly => "nearly",
        _ => "?",
    }
}

fn lines(s: &str) -> Vec<String> {
    extract(s).iter().map(line).collect()
}

fn check(cases: &[(&str, &[&str])]) {
    for (input, want) in cases {
        assert_eq!(&lines(input), want, "should read {input:?}");
    }
}

#[test]
fn quantities_scale_and_units() {
    check(&[
        (
            "29000余人次",
            &["quantity 29000余人次 = 29000 人次 more_than"],
        ),
        ("319.18万元", &["quantity 319.18万元 = 3191800 元"]),
        ("11660万元", &["quantity 11660万元 = 116600000 元"]),
        ("8.6万余条", &["quantity 8.6万余条 = 86000 条 more_than"]),
        ("69.45亿元", &["quantity 69.45亿元 = 6945000000 元"]),
        ("50多个", &["quantity 50多个 = 50 个 more_than"]),
        ("100人以上", &["quantity 100人以上 = 100 人 more_than"]),
        ("约3000家", &["quantity 约3000家 = 3000 家 about"]),
        ("逾200名", &["quantity 逾200名 = 200 名 more_than"]),
        ("将近10万户", &["quantity 将近10万户 = 100000 户 nearly"]),
        ("3萬人次", &["quantity 3萬人次 = 30000 人次"]),
        ("12個項目", &["quantity 12個 = 12 个"]),
        ("当选人大代表35名", &["quantity 35名 = 35 名"]),
        ("500㎡", &["quantity 500㎡ = 500 平方米"]),
        ("500m2", &["quantity 500m2 = 500 平方米"]),
        ("12km", &["quantity 12km = 12 公里"]),
        ("１２km", &["quantity １２km = 12 公里"]),
        ("30kg", &["quantity 30kg = 30 千克"]),
        ("5t", &["quantity 5t = 5 吨"]),
        ("1.2万吨", &["quantity 1.2万吨 = 12000 吨"]),
        (
            "35.6亿千瓦时",
            &["quantity 35.6亿千瓦时 = 3560000000 千瓦时"],
        ),
        ("120万千瓦", &["quantity 120万千瓦 = 1200000 千瓦"]),
        ("100千瓦", &["quantity 100千瓦 = 100 千瓦"]),
        ("3.5平方公里", &["quantity 3.5平方公里 = 3.5 平方公里"]),
        ("76.8万亩", &["quantity 76.8万亩 = 768000 亩"]),
        ("15个工作日", &["quantity 15个工作日 = 15 工作日"]),
        ("12.5亿美元", &["quantity 12.5亿美元 = 1250000000 美元"]),
        ("2.5倍", &["quantity 2.5倍 = 2.5 倍"]),
        ("60岁以上", &["quantity 60岁以上 = 60 岁 more_than"]),
        (
            "35微克/立方米",
            &["quantity 35微克/立方米 = 35 微克/立方米"],
        ),
        ("1,234,567元", &["quantity 1,234,567元 = 1234567 元"]),
        ("3万4000人", &["quantity 3万4000人 = 34000 人"]),
        ("3年", &["quantity 3年 = 3 年"]),
        ("3年多来", &["quantity 3年多 = 3 年 more_than"]),
        ("二十个", &["quantity 二十个 = 20 个"]),
        ("五千万元", &["quantity 五千万元 = 50000000 元"]),
        ("百余家", &["quantity 百余家 = 100 家 more_than"]),
        ("惠及近万人", &["quantity 近万人 = 10000 人 nearly"]),
        ("超千家企业", &["quantity 超千家 = 1000 家 more_than"]),
        ("500万", &["number 500万 = 5000000"]),
        ("12部门联合", &["quantity 12部门 = 12 部门"]),
        ("76万群众", &["number 76万 = 760000"]),
        ("76萬群眾", &["number 76萬 = 760000"]),
        ("占3/4", &["number 3/4 = 0.75"]),
        ("占３／４", &["number ３／４ = 0.75"]),
        (
            "约占全国1/10,4386万名务工人员",
            &["number 1/10 = 0.1", "quantity 4386万名 = 43860000 名"],
        ),
    ]);
}

/// Units and compounds from statistical bulletins: ASCII compounds whose
/// denominator is a bare symbol, the longest denominator, rates per
/// population, measure words of transport, trade and gas volumes.
#[test]
fn bulletin_units() {
    check(&[
        ("浓度为12.5mg/L。", &["quantity 12.5mg/L = 12.5 毫克/升"]),
        ("设计速度80km/h。", &["quantity 80km/h = 80 公里/小时"]),
        ("流量为15m3/s，", &["quantity 15m3/s = 15 立方米/秒"]),
        (
            "电价降低2分/千瓦时。",
            &["quantity 2分/千瓦时 = 2 分/千瓦时 down"],
        ),
        (
            "孕产妇死亡率为8.6/10万，",
            &["quantity 8.6/10万 = 8.6 /10万"],
        ),
        ("公交车2800标台。", &["quantity 2800标台 = 2800 标台"]),
        ("申报单量56.3万票。", &["quantity 56.3万票 = 563000 票"]),
        (
            "平板玻璃1256万重量箱。",
            &["quantity 1256万重量箱 = 12560000 重量箱"],
        ),
        (
            "义务植树3200万株次。",
            &["quantity 3200万株次 = 32000000 株次"],
        ),
        ("接听来电12.6万通。", &["quantity 12.6万通 = 126000 通"]),
        ("清淤土方12万立方。", &["quantity 12万立方 = 120000 立方米"]),
        (
            "年输气能力30亿标方。",
            &["quantity 30亿标方 = 3000000000 立方米"],
        ),
        // Approximations written with a verb: 超过了, 约为, 约有.
        ("比例超过了60%。", &["quantity 超过了60% = 60 % more_than"]),
        (
            "总人口约为356万人",
            &["quantity 约为356万人 = 3560000 人 about"],
        ),
        ("大约为20%", &["quantity 大约为20% = 20 % about"]),
        (
            "全市约有3000家企业",
            &["quantity 约有3000家 = 3000 家 about"],
        ),
        ("合约为3年", &["quantity 3年 = 3 年"]),
        // A fullwidth minus before fullwidth digits.
        ("增长－３．２％。", &["quantity －３．２％ = -3.2 % up"]),
        // Below zero.
        ("最低气温零下18℃。", &["quantity 零下18℃ = -18 摄氏度"]),
        ("零部件12个", &["quantity 12个 = 12 个"]),
        // School systems name their years.
        ("九年义务教育巩固率达到98.6%", &["quantity 98.6% = 98.6 %"]),
        ("新建九年一贯制学校3所", &["quantity 3所 = 3 所"]),
        // Tens in a CJK pair; a half inside 个…月.
        (
            "每村安排二三十名网格员",
            &["quantity 二三十名 = 20 名 [20..30]"],
        ),
        (
            "三四十万元",
            &["quantity 三四十万元 = 300000 元 [300000..400000]"],
        ),
        ("两个半月完成搬迁", &["quantity 两个半月 = 2.5 个月"]),
        ("用时3个半小时", &["quantity 3个半小时 = 3.5 小时"]),
        ("二三十年代", &[]),
        // Not units: a word starts at the unit char.
        ("全市5星级饭店3家", &["number 5 = 5", "quantity 3家 = 3 家"]),
        ("56.3万票据", &["number 56.3万 = 563000"]),
        (
            "3条高速公路12通车",
            &["quantity 3条 = 3 条", "number 12 = 12"],
        ),
    ]);
}

#[test]
fn percentages_ranges_changes() {
    check(&[
        ("86.3%", &["quantity 86.3% = 86.3 %"]),
        ("86.3％", &["quantity 86.3％ = 86.3 %"]),
        ("5‰", &["quantity 5‰ = 5 ‰"]),
        ("百分之三十", &["quantity 百分之三十 = 30 %"]),
        ("千分之五", &["quantity 千分之五 = 5 ‰"]),
        ("23个百分点", &["quantity 23个百分点 = 23 百分点"]),
        ("80%以上", &["quantity 80%以上 = 80 % more_than"]),
        ("1-2个", &["quantity 1-2个 = 1 个 [1..2]"]),
        ("1～2个", &["quantity 1～2个 = 1 个 [1..2]"]),
        ("3至5家", &["quantity 3至5家 = 3 家 [3..5]"]),
        ("两三个", &["quantity 两三个 = 2 个 [2..3]"]),
        ("3-5万元", &["quantity 3-5万元 = 30000 元 [30000..50000]"]),
        ("10%-20%", &["quantity 10%-20% = 10 % [10..20]"]),
        ("同比下降37.1%", &["quantity 37.1% = 37.1 % down/同比"]),
        (
            "比上年提高23个百分点",
            &["quantity 23个百分点 = 23 百分点 up/比上年"],
        ),
        ("增长204%", &["quantity 204% = 204 % up"]),
        ("增长10.2%", &["quantity 10.2% = 10.2 % up"]),
        (
            "较上年末增加10.58万人",
            &["quantity 10.58万人 = 105800 人 up/较上年末"],
        ),
        ("环比下降0.3%", &["quantity 0.3% = 0.3 % down/环比"]),
        (
            "比2020年增长12%",
            &["date 2020年 = 2020", "quantity 12% = 12 % up/比2020年"],
        ),
        ("增长到5000亿元", &["quantity 5000亿元 = 500000000000 元"]),
        (
            "分别增长6.9%、4.2%和3.1%",
            &[
                "quantity 6.9% = 6.9 % up",
                "quantity 4.2% = 4.2 % up",
                "quantity 3.1% = 3.1 % up",
            ],
        ),
        ("增长-3.2%", &["quantity -3.2% = -3.2 % up"]),
        ("比上年增長8.3%", &["quantity 8.3% = 8.3 % up/比上年"]),
        (
            "較上年減少1.2萬戶",
            &["quantity 1.2萬戶 = 12000 户 down/較上年"],
        ),
    ]);
}

#[test]
fn dates_and_references() {
    check(&[
        ("2022年1月28日", &["date 2022年1月28日 = 2022-01-28"]),
        ("2022年01月28日", &["date 2022年01月28日 = 2022-01-28"]),
        ("2022-02-09", &["date 2022-02-09 = 2022-02-09"]),
        (
            "2024-01-24 14:37",
            &["date 2024-01-24 14:37 = 2024-01-24T14:37"],
        ),
        ("2023年12月", &["date 2023年12月 = 2023-12"]),
        ("2023年", &["date 2023年 = 2023"]),
        ("2021年度", &["date 2021年度 = 2021"]),
        ("8月份", &["date 8月份 = --08"]),
        ("2021—2025年", &["date 2021—2025年 = 2021..2025"]),
        ("(2020-2025年)", &["date 2020-2025年 = 2020..2025"]),
        ("2023年1-6月", &["date 2023年1-6月 = 2023-01..2023-06"]),
        ("1-11月", &["date 1-11月 = --01..--11"]),
        (
            "二〇二六年一月二十七日",
            &["date 二〇二六年一月二十七日 = 2026-01-27"],
        ),
        (
            "二○一二年一月九日",
            &["date 二○一二年一月九日 = 2012-01-09"],
        ),
        ("１９９６年", &["date １９９６年 = 1996"]),
        ("14:37", &["date 14:37 = 14:37"]),
        (
            "2022年12月31日24时",
            &["date 2022年12月31日24时 = 2022-12-31"],
        ),
        (
            "《国务院关于印发〈全面推进依法行政实施纲要〉的通知》",
            &["reference 《国务院关于印发〈全面推进依法行政实施纲要〉的通知》"],
        ),
        (
            "运政函〔2022〕3号",
            &["doc_number 运政函〔2022〕3号 = 运政函/2022/3"],
        ),
        (
            "（新政办发[2010]79号）",
            &["doc_number 新政办发[2010]79号 = 新政办发/2010/79"],
        ),
        (
            "索引号：012870556/2022-00020",
            &["identifier 012870556/2022-00020"],
        ),
        ("拨打12345热线", &["identifier 12345"]),
        ("约占全国1/10", &["number 1/10 = 0.1"]),
        ("赣ICP备06000141号", &["identifier 06000141"]),
        ("传真：68724683", &["identifier 68724683"]),
        ("邮编：336000", &["identifier 336000"]),
        ("网站标识码：3609000002", &["identifier 3609000002"]),
        ("“12345”政务服务热线", &["identifier 12345"]),
        (
            "在“3\u{a0}15”“3 8”等节点",
            &["identifier 3\u{a0}15", "identifier 3 8"],
        ),
        ("第一批", &["ordinal 第一批 = 1"]),
        ("全省第一", &["ordinal 第一 = 1"]),
        ("落实第一责任人职责", &[]),
        ("第一产业增加值", &[]),
        ("第9名", &["ordinal 第9名 = 9"]),
        ("第七任", &["ordinal 第七 = 7"]),
        ("世界500强企业", &["ordinal 500强 = 500"]),
        ("排名全国前10位", &["ordinal 10位 = 10"]),
    ]);
}

/// Fixed terms, plan names and meeting sessions read the same in
/// simplified, traditional and mixed characters (SPEC §1; the lexicons are
/// matched through the fold of `grammars/lexicon/traditional.tsv`): no
/// entity in any of them.
#[test]
fn fixed_terms_in_traditional_characters_are_no_entities() {
    for s in [
        "严格落实中央八项规定精神",
        "嚴格落實中央八項規定精神",
        "实现四个现代化",
        "實現四個現代化",
        "實現四個现代化",
        "履行推进法治建设第一责任人职责",
        "履行推進法治建設第一責任人職責",
        "第一時間回應",
        "第二產業增加值",
        "实施城市更新三年行动",
        "實施城市更新三年行動",
        "鞏固九年義務教育成果",
        "省十四屆人大三次會議",
        "面向21世紀",
    ] {
        assert_eq!(lines(s), Vec::<String>::new(), "{s}");
    }
}

/// A bulletin whose figures, units and table numbers fall on lines of
/// their own reads the same whatever pads start its lines (SPEC §1: spaces,
/// U+3000, U+00A0, tabs, U+200B, U+FEFF): the figure joins its unit over
/// the line end, `表⏎1` labels a table, `1.` starts a note.
#[test]
fn line_start_pads_of_every_kind_read_alike() {
    let want = [
        "quantity 1102284\n万元 = 11022840000 元",
        "quantity 9.3\n％ = 9.3 % up/比上年",
    ];
    for pad in [
        "",
        " ",
        "\u{3000}\u{3000}",
        "\u{a0}\u{a0}",
        "\t",
        "\u{200b}",
        "\u{feff}",
    ] {
        let text = [
            "某县统计公报",
            "一、综合",
            "全年实现生产总值",
            "1102284",
            "万元，比上年增长",
            "9.3",
            "％。",
            "表",
            "1",
            "注释：",
            "1.本公报中数据均为初步统计数。",
        ]
        .map(|l| format!("{pad}{l}"))
        .join("\n");
        let got: Vec<String> = lines(&text)
            .into_iter()
            .map(|l| l.replace(pad, ""))
            .collect();
        let want: Vec<String> = want
            .iter()
            .map(|w| w.replace("\n", &format!("\n{pad}")).replace(pad, ""))
            .collect();
        assert_eq!(got, want, "pad {pad:?}");
    }
}

/// SPEC §5 "not quantities", and CJK numerals inside ordinary words.
#[test]
fn traps_are_not_figures() {
    for s in [
        "2021年",
        "2021年度",
        "2022年1月28日",
        "8月份",
        "2021—2025年",
        "14:37",
        "〔2022〕3号",
        "012870556/2022-00020",
        "12345",
        "第七任",
        "全省第一",
        "一是加强领导",
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
        "坚决做到两个维护",
        "增强四个意识",
        "一体化",
        "一把手",
        "第一责任人",
        "一批项目",
        "零部件",
        "队伍600",
        "危机四伏",
        "1、落实",
        "（1）加强",
        "[2]",
        "5G基站",
        "PM2.5浓度",
        "滇中引水二期工程",
        "省委十二届八次全会",
        "第十四个五年规划",
        "每千瓦时",
        "八十年代初",
        "表\n1  2022年年末常住人口",
        "附件2",
        "如图3所示",
        "土地二轮延包",
        "水质稳定保持二类",
        "80后",
        "00后创业者",
        "保持两位数增长",
        "利用国内国际两个市场两种资源",
        "实施国企改革三年行动",
        "基础研究十年规划",
        "3年行动计划",
        "前三季度",
        "需要几十年时间",
        "数百家企业",
        "十几个县",
        "80年代",
        "面向21世纪",
        "七届全国人大三次会议",
        "每千米",
        "千家万户",
        // PM⏎2.5: a name broken by a line end, whatever pads the break
        // (trailing spaces, the next line's indent).
        "以PM\n2.5\n年均浓度为核心",
        "以PM  \n2.5  \n年均浓度为核心",
        "细颗粒物（PM\r\n\u{3000}\u{3000}2.5\r\n）平均浓度",
        // The same names in fullwidth digits and letters (SPEC §1).
        "PM２．５浓度",
        "ＰＭ２．５浓度",
        "以PM\n２．５\n年均浓度为核心",
        "G２０峰会",
        "５G基站",
        "５Ｇ基站建设",
    ] {
        let got = lines(s);
        assert!(
            got.iter()
                .all(|l| !l.starts_with("quantity") && !l.starts_with("number")
                    || s == "队伍600" && l == "number 600 = 600"),
            "{s} should have no quantity or number: {got:?}"
        );
    }
}

/// Known answers for the second reading of the corpus (one case per rule).
#[test]
fn second_reading() {
    check(&[
        // CJK decimals with several digits after 點/点.
        ("百分之十七點三一", &["quantity 百分之十七點三一 = 17.31 %"]),
        (
            "百分之八十四点零一",
            &["quantity 百分之八十四点零一 = 84.01 %"],
        ),
        // A year before 年行动计划 is a date, not the length of a plan.
        ("“1+6”2020年行动计划", &["date 2020年 = 2020"]),
        // Traditional 以內; 工作時 (working hours) is a unit.
        (
            "壓縮至0.5個工作時以內",
            &["quantity 0.5個工作時以內 = 0.5 工作时 less_than"],
        ),
        // 千升 is a unit: alone (a table's unit column) it is no figure.
        ("饮料酒\n千升\n", &[]),
        ("15767千升", &["quantity 15767千升 = 15767 千升"]),
        // A bare amount naming the base of a rate is no figure.
        ("万元GDP能耗下降3.5%", &["quantity 3.5% = 3.5 % down"]),
        (
            "每百元营业收入中的成本为84.5元",
            &["quantity 84.5元 = 84.5 元"],
        ),
        ("亿元生产总值生产安全事故死亡率", &[]),
        // 突破: a threshold crossed, more than the figure.
        (
            "经济总量突破千亿元",
            &["quantity 突破千亿元 = 100000000000 元 more_than"],
        ),
        (
            "地区生产总值首次突破2000亿元",
            &["quantity 突破2000亿元 = 200000000000 元 more_than"],
        ),
        // Near miss: 突破 as a noun before no figure.
        ("实现零的突破，全年3项", &["quantity 3项 = 3 项"]),
        // 提升 before a count is an upgrade, before a rate a change.
        (
            "推动农房风貌提升26.4万户",
            &["quantity 26.4万户 = 264000 户"],
        ),
        ("提升39个欠发达县域", &["quantity 39个 = 39 个"]),
        ("排名提升4位，", &["quantity 4位 = 4 位 up"]),
        ("林分优化提升200万亩、", &["quantity 200万亩 = 2000000 亩"]),
        ("指数提升2个等级", &["quantity 2个 = 2 个 up"]),
        ("满意度提升5个百分点", &["quantity 5个百分点 = 5 百分点 up"]),
        // 半 after a duration or a ratio; 多 after a ratio.
        (
            "一九五〇年的六倍半",
            &["date 一九五〇年 = 1950", "quantity 六倍半 = 6.5 倍"],
        ),
        ("用了一年半时间", &["quantity 一年半 = 1.5 年"]),
        ("3年半", &["quantity 3年半 = 3.5 年"]),
        ("是那年的九倍多", &["quantity 九倍多 = 9 倍 more_than"]),
        ("半年", &[]),
        // 与上年相比 is a basis; 增速 / 增幅 name a growth rate.
        ("与上年相比增长5%", &["quantity 5% = 5 % up/与上年相比"]),
        ("与上年增长10.3%", &["quantity 10.3% = 10.3 % up/与上年"]),
        ("生产和销售分别增长5%", &["quantity 5% = 5 % up"]),
        (
            "化学原料和化学制品制造业比上年增长17.2%",
            &["quantity 17.2% = 17.2 % up/比上年"],
        ),
        ("增速为5.3%", &["quantity 5.3% = 5.3 % up"]),
        // N号 names a thing (a line, a resolution, a unit): an ordinal.
        ("西安地铁15号线通车", &["ordinal 15号 = 15"]),
        ("安理会598号决议", &["ordinal 598号 = 598"]),
        ("5月12号", &["date 5月12号 = --05-12"]),
        // 发 (rounds) and 回 (circuits) are measure words after digits.
        ("连续12发圆满成功", &["quantity 12发 = 12 发"]),
        ("累计建成15回高电压等级线路", &["quantity 15回 = 15 回"]),
        // 及以上 / 及以下 are approximations; 人口 counts people.
        (
            "年主营业务收入2000万元及以上的工业企业",
            &["quantity 2000万元及以上 = 20000000 元 more_than"],
        ),
        (
            "实现30万人口以上的县特教学校全覆盖",
            &["quantity 30万人口以上 = 300000 人 more_than"],
        ),
        // 每一 is "every".
        ("把每一分钱都用在刀刃上", &[]),
        ("每两年举办一次", &["quantity 两年 = 2 年"]),
        // A noun after a figure is no unit: a plain number, value exact.
        ("惠及76万群众", &["number 76万 = 760000"]),
        ("100多万群众住上了安全房", &["number 100多万 = 1000000"]),
        // 再降 / 又增 are changes.
        ("专线平均资费再降10%", &["quantity 10% = 10 % down"]),
        // Bounds: 不超过 is at most, 不低于 / 至少 at least.
        ("期限不超过5年", &["quantity 不超过5年 = 5 年 less_than"]),
        ("比例不低于30%", &["quantity 不低于30% = 30 % more_than"]),
        ("每年至少3次", &["quantity 至少3次 = 3 次 more_than"]),
        // 压缩 / 缩短 / 降幅 are changes down.
        ("审批时限压缩50%", &["quantity 50% = 50 % down"]),
        (
            "审批时限压缩至3个工作日",
            &["quantity 3个工作日 = 3 工作日"],
        ),
        ("降幅为2.1%", &["quantity 2.1% = 2.1 % down"]),
        // 首 and 轮次 are measure words.
        ("创作歌曲100首", &["quantity 100首 = 100 首"]),
        ("开展3轮次检查", &["quantity 3轮次 = 3 轮次"]),
        // 年级 is a grade; 件事 counts things.
        ("3年级学生", &["number 3 = 3"]),
        ("办好10件事", &["quantity 10件 = 10 件"]),
        ("一件事一次办", &[]),
        // N日 after 月 (每月15日) is a day of the month; else days.
        ("每月15日前报送", &["date 15日 = ---15"]),
        ("三十日内作出决定", &["quantity 三十日 = 30 日"]),
        // 多 after a scale word with no unit: a plain number, more than.
        ("把14亿多中国人的饭碗端牢", &["number 14亿多 = 1400000000"]),
        // Sports named by team size are names.
        ("村超、三人篮球、广场舞", &[]),
        ("“五人制”足球比赛", &[]),
        // A bare scale and unit labelling a table column is no figure.
        ("产量\n万吨\n1575\n", &["number 1575 = 1575"]),
        ("单位：万元", &[]),
        ("投资额（亿元）", &[]),
        (
            "突破千亿元",
            &["quantity 突破千亿元 = 100000000000 元 more_than"],
        ),
        // Traditional forms of compound measure words.
        ("共12層", &["quantity 12層 = 12 层"]),
        ("檢查3500戶次", &["quantity 3500戶次 = 3500 户次"]),
        ("發放手套200双", &["quantity 200双 = 200 双"]),
        // Place names and terms that start with a numeral and a measure word.
        ("三门峡市、七台河市、五台山、五家渠市、二十四节气", &[]),
        ("新增两台设备", &["quantity 两台 = 2 台"]),
        // 前四款 refers to the provisions before.
        ("鼓励前四款以外的建筑", &[]),
        // 最后一公里 is an idiom.
        ("打通服务群众最后一公里", &[]),
        ("修建道路一公里", &["quantity 一公里 = 1 公里"]),
        // 度 and 方 after a big CJK scale word.
        (
            "電力一百零八億度",
            &["quantity 一百零八億度 = 10800000000 度"],
        ),
        ("四面八方", &[]),
        ("零下三度", &[]),
        // 万万 is 亿 in older texts.
        ("六萬萬元", &["quantity 六萬萬元 = 600000000 元"]),
        // Ranges of percentages and listed CJK digits.
        (
            "每年要增长百分之四到五，",
            &["quantity 百分之四到五 = 4 % [4..5] up"],
        ),
        (
            "增长百分之十至百分之十五",
            &["quantity 百分之十至百分之十五 = 10 % [10..15] up"],
        ),
        ("增加两、三倍", &["quantity 两、三倍 = 2 倍 [2..3] up"]),
        ("在两、三年内", &["quantity 两、三年 = 2 年 [2..3]"]),
        ("。二、三年来的工作", &["quantity 三年 = 3 年"]),
        // 数 makes a vague amount only before a scale word.
        (
            "在校生总数三年来增加两倍",
            &["quantity 三年 = 3 年", "quantity 两倍 = 2 倍 up"],
        ),
        ("需要数十年", &[]),
        // 次 + 全面 is a count, 次 + 全会 a session.
        ("两次全面降准", &["quantity 两次 = 2 次"]),
        ("省委十二届八次全会", &[]),
        ("五届人大五次会议", &[]),
        // Bare scale words after 超过 or 突破.
        (
            "运量超过千万人次",
            &["quantity 超过千万人次 = 10000000 人次 more_than"],
        ),
        (
            "传播量突破百亿次",
            &["quantity 突破百亿次 = 10000000000 次 more_than"],
        ),
        // 一元化 is a word.
        ("党的一元化领导", &[]),
        // 偏高 / 偏少 are changes; 幅 and 点 are measure words.
        (
            "偏高0.7℃，偏少1.2成",
            &[
                "quantity 0.7℃ = 0.7 摄氏度 up",
                "quantity 1.2成 = 1.2 成 down",
            ],
        ),
        (
            "地形图4062幅，测绘基准成果591点",
            &["quantity 4062幅 = 4062 幅", "quantity 591点 = 591 点"],
        ),
    ]);
}

/// Second entity audit (dense bulletin paragraphs, page noise, traps).
#[test]
fn dense_paragraphs_and_page_noise() {
    check(&[
        // 个 listed before 个百分点 shares the unit.
        (
            "分别高于全部规上工业2.8个和5.5个百分点",
            &[
                "quantity 2.8个 = 2.8 百分点",
                "quantity 5.5个百分点 = 5.5 百分点",
            ],
        ),
        (
            "提高3个至5个百分点",
            &[
                "quantity 3个 = 3 百分点 up",
                "quantity 5个百分点 = 5 百分点 up",
            ],
        ),
        (
            "新建3个和5个村",
            &["quantity 3个 = 3 个", "quantity 5个 = 5 个"],
        ),
        // An ASCII comma lists bare figures too.
        (
            "分别新建学校3,5,7所",
            &[
                "quantity 3 = 3 所",
                "quantity 5 = 5 所",
                "quantity 7所 = 7 所",
            ],
        ),
        ("共有企业3,500家", &["quantity 3,500家 = 3500 家"]),
        // Space-separated thousands groups; table columns stay apart.
        (
            "全年新增就业12 356人，发放补贴1 256万元",
            &[
                "quantity 12 356人 = 12356 人",
                "quantity 1 256万元 = 12560000 元",
            ],
        ),
        (
            "列 56 123 5.6",
            &["number 56 = 56", "number 123 = 123", "number 5.6 = 5.6"],
        ),
        (
            "共 12 3456 件",
            &["number 12 = 12", "quantity 3456 件 = 3456 件"],
        ),
        // 第 and spaced digits are an ordinal.
        (
            "第 3 季度增长6.5%，全市排名第 3 名",
            &[
                "ordinal 第 3 = 3",
                "quantity 6.5% = 6.5 % up",
                "ordinal 第 3 名 = 3",
            ],
        ),
        // 加快 / 放缓 are changes; 名义 / 实际 are no part of the basis.
        (
            "增速比前三季度加快1.2个百分点，比上年放缓0.5个百分点",
            &[
                "quantity 1.2个百分点 = 1.2 百分点 up/比前三季度",
                "quantity 0.5个百分点 = 0.5 百分点 down/比上年",
            ],
        ),
        ("加快6个抽水蓄能电站建设", &["quantity 6个 = 6 个"]),
        (
            "比上年名义增长5.1%，扣除价格因素实际增长4.8%",
            &[
                "quantity 5.1% = 5.1 % up/比上年",
                "quantity 4.8% = 4.8 % up",
            ],
        ),
        // A range from a negative low end.
        (
            "平均气温为-5℃至3℃，最低-5℃～-1℃",
            &[
                "quantity -5℃至3℃ = -5 摄氏度 [-5..3]",
                "quantity -5℃～-1℃ = -5 摄氏度 [-5..-1]",
            ],
        ),
        ("气温-5至3℃", &["quantity -5至3℃ = -5 摄氏度 [-5..3]"]),
        (
            "气温-1℃至-5℃",
            &["quantity -1℃ = -1 摄氏度", "quantity -5℃ = -5 摄氏度"],
        ),
        // A line end after a decimal point or between a scale and its unit.
        (
            "第二产业增加值2156.\n3亿元，第三产业增加值3154.8亿\n元",
            &[
                "quantity 2156.\n3亿元 = 215630000000 元",
                "quantity 3154.8亿\n元 = 315480000000 元",
            ],
        ),
        ("增长5.\n2、加强", &["number 5 = 5"]),
        // CR alone ends a line too (a property test found this).
        (
            "增加值2156.\r3亿元",
            &["quantity 2156.\r3亿元 = 215630000000 元"],
        ),
        ("接待3.2万人\r次，", &["quantity 3.2万人\r次 = 32000 人次"]),
        // A unit or a change verb broken by a line end.
        (
            "接待游客3.2万人\n次，比上年增\n长6.1%",
            &[
                "quantity 3.2万人\n次 = 32000 人次",
                "quantity 6.1% = 6.1 % up/比上年",
            ],
        ),
        ("3人\n次日到岗", &["quantity 3人 = 3 人"]),
        // Listed verbs share the basis; 少增 is a change down.
        (
            "分别比上年增长5.6%、下降2.3%和增长1.2%",
            &[
                "quantity 5.6% = 5.6 % up/比上年",
                "quantity 2.3% = 2.3 % down/比上年",
                "quantity 1.2% = 1.2 % up/比上年",
            ],
        ),
        (
            "增长5.6%，下降2.3%",
            &["quantity 5.6% = 5.6 % up", "quantity 2.3% = 2.3 % down"],
        ),
        // The same lists on a page that puts each figure and each `、` on
        // a line of its own; two figures on two lines with no separator
        // are no list.
        (
            "分别比上年增长\n4.0%\n、\n9.2%\n、\n12.3%\n。",
            &[
                "quantity 4.0% = 4.0 % up/比上年",
                "quantity 9.2% = 9.2 % up/比上年",
                "quantity 12.3% = 12.3 % up/比上年",
            ],
        ),
        (
            "分别比上年增长\n5.6%\n、\n下降\n2.3%",
            &[
                "quantity 5.6% = 5.6 % up/比上年",
                "quantity 2.3% = 2.3 % down/比上年",
            ],
        ),
        // Units in traditional characters (a unit row of the lexicon has
        // its traditional form).
        ("接種38.6萬劑次", &["quantity 38.6萬劑次 = 386000 剂次"]),
        ("建成2個鄉鎮", &["quantity 2個鄉鎮 = 2 乡镇"]),
        (
            "比上年增长5.6%\n2.3%",
            &["quantity 5.6% = 5.6 % up/比上年", "quantity 2.3% = 2.3 %"],
        ),
        (
            "存款余额同比少增23亿元",
            &["quantity 23亿元 = 2300000000 元 down/同比"],
        ),
        // A clause that is only a basis lends it to the next clause.
        (
            "与上年同期相比，增长8.9%",
            &["quantity 8.9% = 8.9 % up/与上年同期相比"],
        ),
        (
            "2022年同2018年相比，粮食增长16%",
            &[
                "date 2022年 = 2022",
                "date 2018年 = 2018",
                "quantity 16% = 16 % up/同2018年相比",
            ],
        ),
        // A bare scale and unit in a table cell is the column's unit.
        (
            "地区生产总值  亿元  1234.5  5.2",
            &["number 1234.5 = 1234.5", "number 5.2 = 5.2"],
        ),
        (
            "规模以上工业增加值 | 亿元 | 456.3 | 6.8",
            &["number 456.3 = 456.3", "number 6.8 = 6.8"],
        ),
    ]);
}

/// Chains of ranges are read pairwise, without recursion or rescans.
#[test]
fn long_range_chains_stay_flat() {
    let s = "百分之一到百分之二到".repeat(20_000);
    let es = extract(&s);
    assert_eq!(es.len(), 20_000);
    let s = "两、三倍，".repeat(20_000);
    assert_eq!(extract(&s).len(), 20_000);
}

#[test]
fn json_contract() {
    let es = extract("受理矛盾纠纷29000余人次");
    let v = serde_json::to_value(&es[0]).unwrap();
    assert_eq!(v["kind"], "quantity");
    assert_eq!(v["text"], "29000余人次");
    assert_eq!(v["value"], 29000);
    assert_eq!(v["unit"], "人次");
    assert_eq!(v["approx"], "more_than");
    assert_eq!(v["span"]["start"], 18);
    assert_eq!(v["span"]["end"], 32);
    assert_eq!(v["clause"]["start"], 0);
    let es = extract("比上年增长4.7%");
    let v = serde_json::to_value(&es[0]).unwrap();
    assert_eq!(v["value"], serde_json::json!(4.7));
    assert_eq!(v["change"]["direction"], "up");
    assert_eq!(v["change"]["basis"], "比上年");
    let es = extract("2022年1月28日");
    let v = serde_json::to_value(&es[0]).unwrap();
    assert_eq!(v["kind"], "date");
    assert_eq!(
        (v["year"].clone(), v["month"].clone(), v["day"].clone()),
        (2022.into(), 1.into(), 28.into())
    );
    let es = extract("运政函〔2022〕3号");
    let v = serde_json::to_value(&es[0]).unwrap();
    assert_eq!(v["kind"], "doc_number");
    assert_eq!(v["issuer_code"], "运政函");
    assert_eq!(v["year"], 2022);
    assert_eq!(v["serial"], 3);
}

/// Spans are on char boundaries, in order, non-overlapping, and `text` is
/// exactly the bytes of `span`.
#[test]
fn spans_are_exact() {
    let s = "全年地区生产总值\n[2]32074.7亿元，比上年增长4.7%。《关于〈x〉的通知》（国发〔2022〕3号）要求近3年内完成“十四五”规划。";
    let es = extract(s);
    let mut last = 0;
    for e in &es {
        assert!(e.span.start() >= last);
        assert_eq!(&s[e.span.range()], e.text);
        last = e.span.end();
    }
    assert_eq!(es.len(), 5, "{:?}", es.iter().map(line).collect::<Vec<_>>());
}

#[test]
fn document_level_entities_and_diagnostics() {
    let text = "关于2021年度法治政府建设情况的报告\n\n一、主要成效\n全年受理矛盾纠纷12291件，同比下降37.1%。全县实现生产总值\n1102284\n万元。\n\n二、存在问题\n《法治政府建设实施纲要\n";
    let doc = gongwen::parse(text);
    let es: Vec<String> = doc.entities().iter().map(line).collect();
    assert!(
        es.contains(&"quantity 12291件 = 12291 件".to_string()),
        "{es:?}"
    );
    assert!(
        es.contains(&"quantity 37.1% = 37.1 % down/同比".to_string()),
        "{es:?}"
    );
    assert!(
        es.contains(&"quantity 1102284\n万元 = 11022840000 元".to_string()),
        "{es:?}"
    );
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"number-split"), "{codes:?}");
    assert!(codes.contains(&"unclosed-reference"), "{codes:?}");
}

/// Prose lines wrapped right under the title (no full stop yet) are text:
/// their figures are not lost to the title.
#[test]
fn wrapped_prose_under_the_title_is_text() {
    for (text, want) in [
        (
            "某市工作报告\n\n全年完成投资1256\n万元，增长12.5%。",
            "quantity 1256\n万元 = 12560000 元",
        ),
        (
            "某市统计公报\n\n全年全市地区生产总值5623.5亿元，按不变价格计算，比上年增\n长6.1%。",
            "quantity 5623.5亿元 = 562350000000 元",
        ),
    ] {
        let doc = gongwen::parse(text);
        let es: Vec<String> = doc.entities().iter().map(line).collect();
        assert!(es.contains(&want.to_string()), "{es:?}");
        assert!(
            es.iter()
                .any(|e| e.starts_with("quantity") && e.contains(" up")),
            "{es:?}"
        );
    }
}

mod properties {
    use proptest::prelude::*;

    const TOKENS: &[&str] = &[
        "1",
        "23",
        "2021",
        "0.5",
        "1,234",
        "３",
        "一",
        "二十",
        "两",
        "三",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "〇",
        "零",
        "年",
        "月",
        "日",
        "份",
        "度",
        "个",
        "人次",
        "万元",
        "%",
        "％",
        "‰",
        "个百分点",
        "余",
        "多",
        "约",
        "近",
        "超过",
        "以上",
        "左右",
        "-",
        "—",
        "～",
        "至",
        "、",
        "，",
        "。",
        "；",
        "《",
        "》",
        "〈",
        "〉",
        "“",
        "”",
        "〔",
        "〕",
        "[",
        "]",
        "（",
        "）",
        "(",
        ")",
        "号",
        "第",
        "批",
        "名",
        "增长",
        "下降",
        "同比",
        "比上年",
        "\n",
        "\r\n",
        " ",
        "\u{3000}",
        ":",
        "/",
        "A",
        "PM",
        "km",
        "t",
        "㎡",
        "元/吨",
        "型",
        "年代",
        "次会议",
        "几",
        "数",
        "负",
        "×",
        "+",
        "百分之",
        "千分之",
        "万亿",
        "12345",
        "012870556/2022-00020",
        "运政函",
        "届",
        "&",
        "#",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Total: never panics; spans in order, on char boundaries, exact.
        #[test]
        fn scanner_is_total_and_spans_are_exact(s in text()) {
            let es = gongwen::entity::extract(&s);
            let mut last = 0;
            for e in &es {
                prop_assert!(e.span.start() >= last);
                prop_assert_eq!(s.get(e.span.range()), Some(e.text));
                last = e.span.end();
            }
            // The whole pipeline too: structure, then the scanner per block.
            let doc = gongwen::parse(&s);
            let mut last = 0;
            for e in doc.entities() {
                prop_assert!(e.span.start() >= last);
                prop_assert_eq!(s.get(e.span.range()), Some(e.text));
                last = e.span.end();
            }
        }

        /// The packed store gives back exactly the entities stored (every
        /// kind, ranges, changes with borrowed and joined bases, units
        /// written apart from their scale words).
        #[test]
        fn stored_entities_read_back_equal(s in text()) {
            let es = gongwen::entity::extract(&s);
            let list = gongwen::entity::Entities::new(&s, es.clone());
            prop_assert_eq!(list.len(), es.len());
            prop_assert_eq!(list.to_vec(), es.clone());
            prop_assert_eq!(list.iter().rev().collect::<Vec<_>>(), es.iter().rev().cloned().collect::<Vec<_>>());
            prop_assert_eq!(list.spans().collect::<Vec<_>>(), es.iter().map(|e| e.span).collect::<Vec<_>>());
        }

        #[test]
        fn scanner_is_total_on_any_text(s in "\\PC{0,60}") {
            let es = gongwen::entity::extract(&s);
            for e in &es {
                prop_assert_eq!(s.get(e.span.range()), Some(e.text));
            }
        }
    }
}

#[test]
fn a_snippet_that_is_one_numeral_is_that_number() {
    use gongwen::entity::{EntityKind, extract};
    let value = |s: &str| match extract(s).first().map(|e| &e.kind) {
        Some(EntityKind::Number(n)) => Some((n.value.to_string(), n.approx.is_some())),
        _ => None,
    };
    assert_eq!(value("两千四百五"), Some(("2450".to_string(), false)));
    assert_eq!(value("负六点六"), Some(("-6.6".to_string(), false)));
    assert_eq!(value("十多万"), Some(("100000".to_string(), true)));
    assert_eq!(value("一些"), None, "a word is not a numeral");
    // Inside running text a bare CJK numeral is still not a figure.
    assert!(
        extract("统一思想，一是加强领导")
            .iter()
            .all(|e| !matches!(e.kind, EntityKind::Number(_)))
    );
}

/// Known answers from the third entity audit (one case per rule).
#[test]
fn audit_e3() {
    check(&[
        // 净增 / 净减: a net change.
        (
            "比上年末净增862家",
            &["quantity 862家 = 862 家 up/比上年末"],
        ),
        ("净减3户", &["quantity 3户 = 3 户 down"]),
        // 前三位 / 前十名: top places, a rank like 前10位.
        ("保持在全省前三位", &["ordinal 三位 = 3"]),
        ("进入全国前十名", &["ordinal 十名 = 10"]),
        // Top places without a measure word, before a punctuation mark or
        // a line end: a rank too (前三季度, 前10个月, 前两年 are periods).
        (
            "增幅连续4年居全国前六（含并列）",
            &["quantity 4年 = 4 年", "ordinal 六 = 6"],
        ),
        ("位列国内前三。", &["ordinal 三 = 3"]),
        (
            "进入全国前10，排名前5\n",
            &["ordinal 10 = 10", "ordinal 5 = 5"],
        ),
        ("前三季度", &[]),
        ("前10个月", &["quantity 10个月 = 10 个月"]),
        ("前两年", &["quantity 两年 = 2 年"]),
        // Units: 章 (chapters), 字 (characters, after digits), 位次 (places
        // in a ranking); an ordinal before 人民 (a hospital, a court) has no
        // unit.
        (
            "共7章62条",
            &["quantity 7章 = 7 章", "quantity 62条 = 62 条"],
        ),
        (
            "共五章三十六条",
            &["quantity 五章 = 5 章", "quantity 三十六条 = 36 条"],
        ),
        ("与群众约法三章", &[]),
        // Idioms led by a word before the numeral come from the slogan
        // lexicon (`lead|term`), traditional forms included.
        ("與群眾約法三章", &[]),
        ("跑好最后一百米", &[]),
        ("打通最後一公里", &[]),
        ("共三章", &["quantity 三章 = 3 章"]),
        ("审查文稿约12万字", &["quantity 约12万字 = 120000 字 about"]),
        ("坚持八字方针", &[]),
        ("前进5个位次", &["quantity 5个位次 = 5 位次"]),
        ("某市第一人民医院", &["ordinal 第一 = 1"]),
        ("第二人民法院", &["ordinal 第二 = 2"]),
        ("中国六亿人民", &["quantity 六亿人 = 600000000 人"]),
        // 负增长: a growth below zero is a fall.
        ("增加值同比负增长1.2%", &["quantity 1.2% = 1.2 % down/同比"]),
        // A decimal before 版 is a version, part of a name.
        ("建成“城市大脑”2.0版", &[]),
        ("推出4.0版改革事项128项", &["quantity 128项 = 128 项"]),
        ("刊发3版", &["quantity 3版 = 3 版"]),
        // A school year is a range of years.
        (
            "2022—2023学年度招收新生6.5万人",
            &[
                "date 2022—2023学年度 = 2022..2023",
                "quantity 6.5万人 = 65000 人",
            ],
        ),
    ]);
}

#[test]
fn clock_times_with_meridiem_and_ranges() {
    check(&[
        ("下午3时召开", &["date 下午3时 = 15:00"]),
        ("晚上8时", &["date 晚上8时 = 20:00"]),
        ("中午12时", &["date 中午12时 = 12:00"]),
        ("上午 9:30", &["date 上午 9:30 = 09:30"]),
        (
            "3月15日上午10时30分",
            &["date 3月15日上午10时30分 = --03-15T10:30"],
        ),
        ("每日9:30-11:30", &["date 9:30-11:30 = 09:30..11:30"]),
        (
            "上午9时至下午5时",
            &["date 上午9时至下午5时 = 09:00..17:00"],
        ),
        (
            "2023年7月8日14:00至16:00",
            &["date 2023年7月8日14:00至16:00 = 2023-07-08T14:00..2023-07-08T16:00"],
        ),
        // A later time only: 22:00-6:00 is two times.
        ("22:00-6:00", &["date 22:00 = 22:00", "date 6:00 = 06:00"]),
        // A meridiem word with no time after it is no date.
        ("4月12日上午，调研", &["date 4月12日 = --04-12"]),
    ]);
    // The minute is set only when written.
    let es = extract("下午3时");
    let EntityKind::Date(d) = &es[0].kind else {
        panic!("not a date: {es:?}")
    };
    assert_eq!((d.date.hour, d.date.minute), (Some(15), None));
}

#[test]
fn phone_numbers_in_other_forms() {
    check(&[
        ("电话：0359－2090000", &["identifier 0359－2090000"]),
        ("电话：0359—2090000", &["identifier 0359—2090000"]),
        (
            "电话：０３５９－２０９００００",
            &["identifier ０３５９－２０９００００"],
        ),
        ("咨询电话（0359）2090000。", &["identifier （0359）2090000"]),
        ("服务热线400-123-4567", &["identifier 400-123-4567"]),
        (
            "请拨打110、119、120",
            &["identifier 110", "identifier 119", "identifier 120"],
        ),
        (
            "“12345”与“110”对接",
            &["identifier 12345", "identifier 110"],
        ),
        // Not a phone: no area code, or a count after a phone number.
        ("（2023）5号", &["doc_number （2023）5号 = /2023/5"]),
        (
            "拨打12345，共受理120件",
            &["identifier 12345", "quantity 120件 = 120 件"],
        ),
    ]);
}

#[test]
fn dotted_date_names_in_quotes_are_not_emergency_numbers() {
    let es = extract("镇雄“1·22”山体滑坡");
    assert!(
        es.iter().all(|e| !matches!(
            e.kind,
            EntityKind::Identifier(gongwen::entity::Identifier {
                scheme: gongwen::entity::IdentifierScheme::Phone
            })
        )),
        "{es:?}"
    );
}

#[test]
fn dates_spaced_out_and_first_month() {
    check(&[
        (
            "2023 年 5 月 6 日，",
            &["date 2023 年 5 月 6 日 = 2023-05-06"],
        ),
        ("2023年 5月6日", &["date 2023年 5月6日 = 2023-05-06"]),
        (
            "二〇二四年元月八日",
            &["date 二〇二四年元月八日 = 2024-01-08"],
        ),
        // A pad is not a date: 2023 alone, 5 个月 a duration.
        (
            "2023 年共5 个月",
            &["date 2023 年 = 2023", "quantity 5 个月 = 5 个月"],
        ),
    ]);
}

#[test]
fn ordinal_numbers_of_decrees() {
    check(&[
        ("国务院令第752号公布", &["ordinal 第752号 = 752"]),
        ("市政府第5号令", &["ordinal 第5号 = 5"]),
    ]);
    let es = extract("司法部令第148号");
    let EntityKind::Ordinal(o) = &es[0].kind else {
        panic!("not an ordinal: {es:?}")
    };
    assert_eq!(o.unit.as_deref(), Some("号"));
}

#[test]
fn issuer_codes_stop_at_verbs_and_full_names() {
    check(&[
        (
            "执行财办库〔2023〕1号规定",
            &["doc_number 财办库〔2023〕1号 = 财办库/2023/1"],
        ),
        (
            "转发国务院安委会办公室安委办〔2023〕6号文件",
            &["doc_number 安委办〔2023〕6号 = 安委办/2023/6"],
        ),
        (
            "晋政办发〔2023〕12号",
            &["doc_number 晋政办发〔2023〕12号 = 晋政办发/2023/12"],
        ),
    ]);
}

#[test]
fn doc_numbers_padded_apart() {
    check(&[
        (
            "编号为晋政办发 〔2023〕 12号。",
            &["doc_number 晋政办发 〔2023〕 12号 = 晋政办发/2023/12"],
        ),
        (
            "晋政办发〔2023〕12 号文件",
            &["doc_number 晋政办发〔2023〕12 号 = 晋政办发/2023/12"],
        ),
    ]);
}

#[test]
fn years_listed_before_the_year_with_nian() {
    check(&[
        (
            "2022、2023年连续两年",
            &[
                "date 2022 = 2022",
                "date 2023年 = 2023",
                "quantity 两年 = 2 年",
            ],
        ),
        // A count before a year stays a count.
        ("共12、2023年", &["number 12 = 12", "date 2023年 = 2023"]),
    ]);
}

#[test]
fn standard_numbers_are_codes() {
    check(&[
        ("（GB/T 9704-2012）", &["identifier GB/T 9704-2012"]),
        ("DB14/T 1234-2020标准", &["identifier DB14/T 1234-2020"]),
        ("GDP 2021-2025年", &["date 2021-2025年 = 2021..2025"]),
    ]);
}

#[test]
fn item_marker_run_into_a_year() {
    check(&[
        ("附件：1.2023年度考核结果", &["date 2023年度 = 2023"]),
        ("2.2024年工作计划", &["date 2024年 = 2024"]),
        ("平均1.25年", &["quantity 1.25年 = 1.25 年"]),
    ]);
}

#[test]
fn months_listed_before_the_month_with_yue() {
    check(&[(
        "2023年7、8月份",
        &["date 2023年 = 2023", "date 7 = --07", "date 8月份 = --08"],
    )]);
    // Not a later month: the 12 of 12、3月 is no date.
    let es = extract("12、3月");
    assert!(
        es.iter()
            .all(|e| e.text != "12" || !matches!(e.kind, EntityKind::Date(_))),
        "{es:?}"
    );
}

/// Hard-wrapped paragraphs (grammar `soft_break`): a line break where a
/// page's width ran out, inside a numeral or between a figure and its
/// approximation, reads as if the text went on; the entity spans the break.
/// (Each case follows a full line of 30 columns: only a line about as wide
/// as the paragraph's widest was wrapped.)
#[test]
fn hard_wrapped_paragraphs_read_through_their_breaks() {
    const FILL: &str = "全年各级各部门扎实推进各项工作";
    let cases: &[(&str, &[&str])] = &[
        (
            "减负超过\n2.6万亿元。",
            &["quantity 超过\n2.6万亿元 = 2600000000000 元 more_than"],
        ),
        (
            "覆盖率达95%\n以上。",
            &["quantity 95%\n以上 = 95 % more_than"],
        ),
        (
            "覆盖率达95%以\r\n上。",
            &["quantity 95%以\r\n上 = 95 % more_than"],
        ),
        ("从一九四\n九年起", &["date 一九四\n九年 = 1949"]),
        (
            "新建学校三十\u{3000}\n  二所",
            &["quantity 三十\u{3000}\n  二所 = 32 所"],
        ),
        ("占百分之三\n点二。", &["quantity 百分之三\n点二 = 3.2 %"]),
        (
            "出口２\n３６００多亿元",
            &["quantity ２\n３６００多亿元 = 2360000000000 元 more_than"],
        ),
        ("第十\n三届", &["ordinal 第十\n三届 = 13"]),
        (
            "2020年3月1日－\n2020年3月31日",
            &["date 2020年3月1日－\n2020年3月31日 = 2020-03-01..2020-03-31"],
        ),
        // Hard breaks: two ASCII digits, a sentence end, a marker line.
        ("共计3\n4个", &["number 3 = 3", "quantity 4个 = 4 个"]),
        (
            "完成3个。\n4个",
            &["quantity 3个 = 3 个", "quantity 4个 = 4 个"],
        ),
        ("主要措施\n2.加强3项", &["quantity 3项 = 3 项"]),
        // Wrapped text reads as the same text unwrapped would.
        ("到岗3人\n次日到岗", &["quantity 3人\n次 = 3 人次"]),
        ("“三项改\n革”", &[]),
    ];
    for (input, want) in cases {
        let text = format!("{FILL}{input}");
        assert_eq!(&lines(&text), want, "should read {input:?}");
    }
    // A short line ended where its writer ended it: the grammar reads the
    // break (a unit broken there joins only when it closes the phrase; so
    // does an approximation suffix on a page with each figure on its own
    // line).
    check(&[
        (
            "减负超过\n2.6万亿元。",
            &["quantity 2.6万亿元 = 2600000000000 元"],
        ),
        ("到岗3人\n次日到岗", &["quantity 3人 = 3 人"]),
        (
            "覆盖率达\n95%\n以上，通",
            &["quantity 95%\n以上 = 95 % more_than"],
        ),
        (
            "覆盖率达\n95%  \n以上。",
            &["quantity 95%  \n以上 = 95 % more_than"],
        ),
        ("共3个\n以上各项", &["quantity 3个 = 3 个"]),
    ]);
    // In a document: the spans are the input's, and a figure cut by the
    // break is reported (an approximation word parted from it is not).
    let src = "一、总体情况\n全年各级各部门扎实推进减税降费减负超过\n2.6万亿元，新建和改扩建中小学校共三十\n二所。\n";
    let doc = gongwen::parse(src);
    let es = doc.entities();
    let texts: Vec<&str> = es.iter().map(|e| &src[e.span.range()]).collect();
    assert_eq!(texts, ["超过\n2.6万亿元", "三十\n二所"]);
    let split: Vec<&str> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == gongwen::DiagnosticCode::NumberSplit)
        .map(|d| &src[d.span.range()])
        .collect();
    assert_eq!(split, ["三十\n二所"]);
    // An approximation suffix on the next line breaks no number.
    let page = "一、总体情况\n电视覆盖率达\n95%\n以上，广播覆盖率达\n100%\n。\n";
    let bulletin = gongwen::parse(page);
    let texts: Vec<&str> = bulletin
        .entities()
        .iter()
        .map(|e| &page[e.span.range()])
        .collect();
    assert_eq!(texts, ["95%\n以上", "100%"]);
    assert!(
        !bulletin
            .diagnostics
            .iter()
            .any(|d| d.code == gongwen::DiagnosticCode::NumberSplit),
        "{:?}",
        bulletin.diagnostics
    );
    // Line ends of every style (CR alone as on old Mac pages).
    for eol in ["\r\n", "\r"] {
        let src = src.replace('\n', eol);
        let doc = gongwen::parse(&src);
        let texts: Vec<String> = doc
            .entities()
            .iter()
            .map(|e| src[e.span.range()].replace(eol, "⏎"))
            .collect();
        assert_eq!(texts, ["超过⏎2.6万亿元", "三十⏎二所"], "{eol:?}");
    }
}

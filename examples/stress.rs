//! Linear-time sanity check on large inputs (review aid, not a benchmark).
fn main() {
    let cases: Vec<(&str, String)> = vec![
        (
            "quantities",
            "比上年增长3.5%，完成投资12.3亿元、".repeat(300_000),
        ),
        ("open refs", "《".repeat(5_000_000)),
        ("open quotes", "“".repeat(5_000_000)),
        ("cjk run", "一".repeat(5_000_000)),
        ("digit run", "9".repeat(10_000_000)),
        ("markers", "1、".repeat(3_000_000)),
        ("lists", "3、".repeat(3_000_000) + "5个"),
        ("approx", "超".repeat(5_000_000) + "3个"),
        ("brackets", "〔2022〕".repeat(1_000_000)),
        ("no clause end", "增长3.5%".repeat(1_000_000)),
    ];
    for (name, s) in cases {
        let t = std::time::Instant::now();
        let es = gongwen::entity::extract(&s);
        println!(
            "{name:14} {:>9} bytes {:>8} entities {:?}",
            s.len(),
            es.len(),
            t.elapsed()
        );
    }
}

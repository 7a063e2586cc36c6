//! Print diagnostics of given codes for a file (review aid).
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let code = std::env::args().nth(2).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = gongwen::parse(&text);
    for d in &doc.diagnostics {
        if d.code.as_str().contains(&code) {
            let s = d.span.start();
            let a = text[..s].char_indices().rev().nth(20).map_or(0, |x| x.0);
            let e: String = text[s..].chars().take(30).collect();
            println!(
                "{} «{}|{}»",
                d.code,
                text[a..s].replace('\n', "⏎"),
                e.replace('\n', "⏎")
            );
        }
    }
}

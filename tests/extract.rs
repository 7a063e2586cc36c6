//! One snapshot per real document in `tests/corpus/`: every entity of
//! `gongwen::parse(&text).entities()`, one compact line each
//! (`quantity 29000余人次 = 29000 人次 more_than`).

use gongwen::entity::{Approx, Direction, EntityKind};

fn approx(a: Approx) -> &'static str {
    match a {
        Approx::About => "about",
        Approx::MoreThan => "more_than",
        Approx::LessThan => "less_than",
        Approx::Nearly => "nearly",
        _ => "?",
    }
}

fn render(text: &str) -> String {
    let doc = gongwen::parse(text);
    let mut out = String::new();
    for e in doc.entities() {
        let t = e.text.replace('\n', "⏎").replace('\r', "");
        let l = match &e.kind {
            EntityKind::Quantity(q) => {
                let mut s = format!("quantity {t} = {} {}", q.value, q.unit);
                if let Some(r) = q.range.as_ref() {
                    s.push_str(&format!(" [{}..{}]", r.low, r.high));
                }
                if let Some(a) = q.approx {
                    s.push(' ');
                    s.push_str(approx(a));
                }
                if let Some(c) = &q.change {
                    s.push_str(match c.direction {
                        Direction::Up => " up",
                        Direction::Down => " down",
                        _ => " ?",
                    });
                    if let Some(b) = &c.basis {
                        s.push('/');
                        s.push_str(b);
                    }
                }
                s
            }
            EntityKind::Number(n) => format!("number {t} = {}", n.value),
            EntityKind::Date(d) => match d.range_end {
                Some(end) => format!("date {t} = {}..{end}", d.date),
                None => format!("date {t} = {}", d.date),
            },
            EntityKind::Reference(_) => format!("reference {t}"),
            EntityKind::DocNumber(d) => {
                format!("doc_number {t} = {}/{}/{}", d.issuer_code, d.year, d.serial)
            }
            EntityKind::Ordinal(o) => format!("ordinal {t} = {}", o.value),
            EntityKind::Identifier(i) => format!("identifier {t} {:?}", i.scheme),
            _ => format!("other {t}"),
        };
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Entity spans are in order, non-overlapping, on char boundaries, and
/// `text` is exactly the bytes of `span`.
#[test]
fn corpus_entity_spans_are_exact() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = gongwen::parse(&text);
        let mut last = 0usize;
        for en in doc.entities() {
            assert!(
                en.span.start() >= last,
                "{}: overlap at {:?}",
                p.display(),
                en.span
            );
            assert_eq!(text.get(en.span.range()), Some(en.text), "{}", p.display());
            last = en.span.end();
        }
        for d in &doc.diagnostics {
            assert!(text.is_char_boundary(d.span.start()) && text.is_char_boundary(d.span.end()));
        }
    }
}

#[test]
fn corpus_extract_snapshots() {
    insta::glob!("corpus/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(render(&text));
    });
}

//! Print a document with its entities marked inline, one source line per
//! output line (lines without entities or digits are skipped):
//! `cargo run --example annotate -- FILE`.
//!
//! Marks: `⟦Q 90个=90个⟧` quantity (value, unit, ~approx, range, ↑/↓ change),
//! `⟦N …⟧` plain number, `⟦D …⟧` date, `⟦O …⟧` ordinal, `⟦I …⟧` identifier,
//! `⟦R⟧`/`⟦#⟧` reference / document number (text only).

use gongwen::entity::{Approx, Direction, EntityKind};

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let doc = gongwen::parse(&text);
    let mut out = String::new();
    let mut at = 0usize;
    for e in doc.entities() {
        let (s, end) = (e.span.start(), e.span.end());
        out.push_str(&text[at..s]);
        let t = e.text;
        let m = match &e.kind {
            EntityKind::Quantity(q) => {
                let mut m = format!("⟦Q {t}={}{}", q.value, q.unit);
                if let Some(r) = q.range.as_ref() {
                    m.push_str(&format!("[{}..{}]", r.low, r.high));
                }
                if let Some(a) = q.approx {
                    m.push_str(match a {
                        Approx::About => "~约",
                        Approx::MoreThan => "~>",
                        Approx::LessThan => "~<",
                        Approx::Nearly => "~近",
                        _ => "~?",
                    });
                }
                if let Some(c) = &q.change {
                    m.push_str(if c.direction == Direction::Up {
                        "↑"
                    } else {
                        "↓"
                    });
                    if let Some(b) = &c.basis {
                        m.push_str(b);
                    }
                }
                m + "⟧"
            }
            EntityKind::Number(n) => format!("⟦N {t}={}⟧", n.value),
            EntityKind::Date(_) => format!("⟦D {t}⟧"),
            EntityKind::Ordinal(_) => format!("⟦O {t}⟧"),
            EntityKind::Identifier(_) => format!("⟦I {t}⟧"),
            EntityKind::Reference(_) => "⟦R⟧".to_string(),
            EntityKind::DocNumber(_) => format!("⟦# {t}⟧"),
            _ => format!("⟦? {t}⟧"),
        };
        out.push_str(&m);
        at = end;
    }
    out.push_str(&text[at..]);
    let numeral = |c: char| c.is_ascii_digit() || "０１２３４５６７８９".contains(c);
    for line in out.lines() {
        if line.contains('⟦') || line.chars().any(numeral) {
            println!("{line}");
        }
    }
}

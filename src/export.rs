//! Export of a document's entities as CSV (SPEC §8, `gongwen extract
//! --format csv`).

use std::io::{self, Write};

use crate::ast::Document;
use crate::entity::{Approx, Direction, Entity, EntityKind, IdentifierScheme};

/// The CSV header, one column per field (empty when a field does not apply
/// to the entity's kind).
pub const CSV_HEADER: &[&str] = &[
    "kind",
    "text",
    "value",
    "unit",
    "approx",
    "start",
    "end",
    "unit_text",
    "scale",
    "range_low",
    "range_high",
    "change",
    "basis",
    "clause_start",
    "clause_end",
    "date",
    "range_end",
    "issuer_code",
    "year",
    "serial",
    "scheme",
];

/// Write every entity of `doc` (document order, as [`Document::entities`])
/// as CSV: a header row, then one row per entity, quoted per RFC 4180
/// (fields with `,` `"` or line ends are quoted, `"` doubled; rows end with
/// CRLF).
///
/// # Errors
///
/// Any error of the writer.
pub fn write_entities_csv<W: Write>(doc: &Document<'_>, w: W) -> io::Result<()> {
    write_csv(doc.entities(), w)
}

/// Write the given entities as CSV (see [`write_entities_csv`]).
///
/// # Errors
///
/// Any error of the writer.
pub fn write_csv<'a, I, W>(entities: I, mut w: W) -> io::Result<()>
where
    I: IntoIterator,
    I::Item: std::borrow::Borrow<Entity<'a>>,
    W: Write,
{
    write_row(&mut w, CSV_HEADER.iter().map(|s| (*s).to_string()))?;
    for e in entities {
        write_row(&mut w, row(std::borrow::Borrow::borrow(&e)).into_iter())?;
    }
    w.flush()
}

fn approx_str(a: Approx) -> &'static str {
    match a {
        Approx::About => "about",
        Approx::MoreThan => "more_than",
        Approx::LessThan => "less_than",
        Approx::Nearly => "nearly",
    }
}

fn row(e: &Entity<'_>) -> Vec<String> {
    let mut r = vec![String::new(); CSV_HEADER.len()];
    let mut set = |col: &str, v: String| {
        if let Some(k) = CSV_HEADER.iter().position(|c| *c == col) {
            if let Some(slot) = r.get_mut(k) {
                *slot = v;
            }
        }
    };
    set("text", e.text.to_string());
    set("start", e.span.start.to_string());
    set("end", e.span.end.to_string());
    let kind = match &e.kind {
        EntityKind::Quantity(q) => {
            set("value", q.value.to_string());
            set("unit", q.unit.to_string());
            set("unit_text", q.unit_text.to_string());
            if q.scale != 0 {
                set("scale", q.scale.to_string());
            }
            if let Some(a) = q.approx {
                set("approx", approx_str(a).to_string());
            }
            if let Some(rg) = q.range.as_ref() {
                set("range_low", rg.low.to_string());
                set("range_high", rg.high.to_string());
            }
            if let Some(c) = &q.change {
                let d = match c.direction {
                    Direction::Up => "up",
                    Direction::Down => "down",
                };
                set("change", d.to_string());
                if let Some(b) = &c.basis {
                    set("basis", b.to_string());
                }
            }
            set("clause_start", q.clause.start.to_string());
            set("clause_end", q.clause.end.to_string());
            "quantity"
        }
        EntityKind::Date(d) => {
            set("date", d.date.to_string());
            if let Some(end) = d.range_end {
                set("range_end", end.to_string());
            }
            if let Some(y) = d.date.year {
                set("year", y.to_string());
            }
            "date"
        }
        EntityKind::Reference(_) => "reference",
        EntityKind::DocNumber(d) => {
            set("issuer_code", d.issuer_code.clone());
            set("year", d.year.to_string());
            set("serial", d.serial.to_string());
            "doc_number"
        }
        EntityKind::Ordinal(o) => {
            set("value", o.value.to_string());
            if let Some(u) = &o.unit {
                set("unit", u.to_string());
            }
            "ordinal"
        }
        EntityKind::Identifier(i) => {
            let s = match i.scheme {
                IdentifierScheme::IndexNumber => "index_number",
                IdentifierScheme::Phone => "phone",
                IdentifierScheme::Code => "code",
            };
            set("scheme", s.to_string());
            "identifier"
        }
        EntityKind::Number(n) => {
            set("value", n.value.to_string());
            if n.scale != 0 {
                set("scale", n.scale.to_string());
            }
            if let Some(a) = n.approx {
                set("approx", approx_str(a).to_string());
            }
            "number"
        }
    };
    if let Some(first) = r.first_mut() {
        *first = kind.to_string();
    }
    r
}

fn write_row<W: Write>(w: &mut W, fields: impl Iterator<Item = String>) -> io::Result<()> {
    let mut first = true;
    for f in fields {
        if !first {
            w.write_all(b",")?;
        }
        first = false;
        if f.contains([',', '"', '\n', '\r']) {
            w.write_all(b"\"")?;
            w.write_all(f.replace('"', "\"\"").as_bytes())?;
            w.write_all(b"\"")?;
        } else {
            w.write_all(f.as_bytes())?;
        }
    }
    w.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{Number, Reference};
    use crate::span::Span;

    #[test]
    fn quotes_per_rfc4180() {
        let es = [
            Entity {
                text: "1,234",
                span: Span::new(0, 5),
                kind: EntityKind::Number(Number {
                    value: crate::Decimal::from_int(1234),
                    scale: 0,
                    approx: None,
                }),
            },
            Entity {
                text: "《\"a\"\n》",
                span: Span::new(5, 20),
                kind: EntityKind::Reference(Reference {
                    title: Span::new(8, 17),
                }),
            },
        ];
        let mut out = Vec::new();
        write_csv(es.iter(), &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.split("\r\n").collect();
        assert!(lines[0].starts_with("kind,text,value,unit,approx,start,end"));
        assert!(lines[1].starts_with("number,\"1,234\",1234,,,0,5"));
        assert!(lines[2].starts_with("reference,\"《\"\"a\"\"\n》\",,,,5,20"));
    }
}

//! Export helpers (placeholder; the entity work fills this in).

use crate::Document;

/// Write every entity of `doc` as CSV (header row first).
///
/// # Errors
///
/// Any error from the writer.
pub fn write_entities_csv<W: std::io::Write>(doc: &Document<'_>, mut w: W) -> std::io::Result<()> {
    writeln!(w, "kind,text,start,end")?;
    for e in doc.entities() {
        writeln!(
            w,
            "entity,\"{}\",{},{}",
            e.text.replace('"', "\"\""),
            e.span.start,
            e.span.end
        )?;
    }
    Ok(())
}

//! The `gongwen` command-line tool (SPEC §8).
//!
//! ```text
//! gongwen parse   FILE [--format tree|json|stats]
//! gongwen outline FILE [--format json|tree]
//! gongwen extract FILE [--format json|jsonl|csv]
//! ```
//!
//! `FILE` may be `-` for standard input. Output goes to stdout; errors go to
//! stderr as one line naming the file and the problem, with a distinct exit
//! code, and nothing is written to stdout.

use std::io::{Read, Write};
use std::process::ExitCode;

use gongwen::{Document, EntityKind, Section};

/// Exit codes (documented in the README).
mod exit {
    pub const USAGE: u8 = 2;
    pub const NOT_FOUND: u8 = 3;
    pub const IS_DIRECTORY: u8 = 4;
    pub const UNREADABLE: u8 = 5;
    pub const INVALID_UTF8: u8 = 6;
    pub const TOO_LARGE: u8 = 7;
    pub const OUTPUT: u8 = 8;
}

const USAGE: &str = "usage: gongwen <parse|outline|extract> FILE [--format FORMAT]
  parse   FILE [--format tree|json|stats]   the whole document (default: tree)
  outline FILE [--format json|tree]         the headings (default: json)
  extract FILE [--format json|jsonl|csv]    every entity (default: json)
FILE may be - for standard input.";

struct Failure {
    code: u8,
    message: String,
}

fn fail(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        code,
        message: message.into(),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&out).and_then(|_| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("gongwen: cannot write output: {e}");
                    ExitCode::from(exit::OUTPUT)
                }
            }
        }
        Err(f) => {
            eprintln!("{}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            fail(
                exit::UNREADABLE,
                format!("gongwen: -: cannot read standard input: {e}"),
            )
        })?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            fail(exit::NOT_FOUND, format!("gongwen: {path}: no such file"))
        }
        _ => fail(
            exit::UNREADABLE,
            format!("gongwen: {path}: cannot read: {e}"),
        ),
    })?;
    if meta.is_dir() {
        return Err(fail(
            exit::IS_DIRECTORY,
            format!("gongwen: {path}: is a directory"),
        ));
    }
    std::fs::read(path).map_err(|e| {
        fail(
            exit::UNREADABLE,
            format!("gongwen: {path}: cannot read: {e}"),
        )
    })
}

fn run(args: &[String]) -> Result<Vec<u8>, Failure> {
    let mut positional = Vec::new();
    let mut format: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Ok(format!("{USAGE}\n").into_bytes()),
            "-V" | "--version" => {
                return Ok(format!("gongwen {}\n", env!("CARGO_PKG_VERSION")).into_bytes());
            }
            "--format" | "-f" => {
                format = Some(it.next().cloned().ok_or_else(|| {
                    fail(
                        exit::USAGE,
                        format!("gongwen: --format needs a value\n{USAGE}"),
                    )
                })?);
            }
            s if s.starts_with("--format=") => {
                format = Some(s.trim_start_matches("--format=").to_string())
            }
            s if s.starts_with('-') && s != "-" => {
                return Err(fail(
                    exit::USAGE,
                    format!("gongwen: unknown option {s}\n{USAGE}"),
                ));
            }
            _ => positional.push(a.clone()),
        }
    }
    let [command, path] = positional.as_slice() else {
        return Err(fail(exit::USAGE, USAGE));
    };
    let allowed: &[&str] = match command.as_str() {
        "parse" => &["tree", "json", "stats"],
        "outline" => &["json", "tree"],
        "extract" => &["json", "jsonl", "csv"],
        other => {
            return Err(fail(
                exit::USAGE,
                format!("gongwen: unknown command {other}\n{USAGE}"),
            ));
        }
    };
    let format =
        format.unwrap_or_else(|| allowed.first().map(|s| s.to_string()).unwrap_or_default());
    if !allowed.contains(&format.as_str()) {
        return Err(fail(
            exit::USAGE,
            format!(
                "gongwen: {command} does not support --format {format} (use one of: {})",
                allowed.join(", ")
            ),
        ));
    }
    let bytes = read_input(path)?;
    let doc = gongwen::parse_bytes(&bytes).map_err(|e| match e {
        gongwen::Error::InvalidUtf8 { offset } => fail(
            exit::INVALID_UTF8,
            format!("gongwen: {path}: invalid UTF-8 at byte offset {offset}"),
        ),
        gongwen::Error::InputTooLarge { .. } => {
            fail(exit::TOO_LARGE, format!("gongwen: {path}: {e}"))
        }
        other => fail(exit::UNREADABLE, format!("gongwen: {path}: {other}")),
    })?;
    let json = |v: &dyn erased::Ser| -> Result<Vec<u8>, Failure> {
        let mut s = v.to_json().map_err(|e| {
            fail(
                exit::OUTPUT,
                format!("gongwen: {path}: cannot serialize: {e}"),
            )
        })?;
        s.push(b'\n');
        Ok(s)
    };
    match (command.as_str(), format.as_str()) {
        ("parse", "json") => json(&doc),
        ("parse", "stats") => Ok(stats(&doc, bytes.len()).into_bytes()),
        ("parse", _) => Ok(tree(&doc).into_bytes()),
        ("outline", "json") => json(&doc.outline()),
        ("outline", _) => Ok(outline_tree(&doc).into_bytes()),
        ("extract", "jsonl") => {
            let mut out = Vec::new();
            for e in doc.entities() {
                out.extend(json(&e)?);
            }
            Ok(out)
        }
        ("extract", "csv") => {
            let mut out = Vec::new();
            write_csv(&doc, &mut out)
                .map_err(|e| fail(exit::OUTPUT, format!("gongwen: {path}: {e}")))?;
            Ok(out)
        }
        ("extract", _) => json(&doc.entities()),
        _ => Err(fail(exit::USAGE, USAGE)),
    }
}

mod erased {
    /// Serialize anything serde can, behind a trait object.
    pub trait Ser {
        fn to_json(&self) -> serde_json::Result<Vec<u8>>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_json(&self) -> serde_json::Result<Vec<u8>> {
            serde_json::to_vec(self)
        }
    }
}

fn write_csv(doc: &Document<'_>, out: &mut Vec<u8>) -> std::io::Result<()> {
    gongwen::export::write_entities_csv(doc, out)
}

fn stats(doc: &Document<'_>, bytes: usize) -> String {
    let mut by_level = std::collections::BTreeMap::new();
    for h in doc.outline() {
        *by_level.entry(h.level).or_insert(0usize) += 1;
    }
    let mut by_kind = std::collections::BTreeMap::new();
    for e in doc.entities() {
        let k = match &e.kind {
            EntityKind::Quantity(_) => "quantity",
            EntityKind::Date(_) => "date",
            EntityKind::Reference(_) => "reference",
            EntityKind::DocNumber(_) => "doc_number",
            EntityKind::Ordinal(_) => "ordinal",
            EntityKind::Identifier(_) => "identifier",
            EntityKind::Number(_) => "number",
            _ => "other",
        };
        *by_kind.entry(k).or_insert(0usize) += 1;
    }
    let levels: Vec<String> = by_level.iter().map(|(l, n)| format!("h{l}={n}")).collect();
    let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k}={n}")).collect();
    format!(
        "bytes={bytes} headings={} {} paragraphs={} entities={} {} diagnostics={}\n",
        by_level.values().sum::<usize>(),
        levels.join(" "),
        doc.paragraphs().len(),
        by_kind.values().sum::<usize>(),
        kinds.join(" "),
        doc.diagnostics.len()
    )
}

fn short(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out.replace('\n', "⏎")
}

fn outline_tree(doc: &Document<'_>) -> String {
    let mut out = String::new();
    for h in doc.outline() {
        out.push_str(&"  ".repeat(usize::from(h.level.saturating_sub(1))));
        out.push_str(&format!(
            "{}{} {}{}{}\n",
            if h.marker.is_empty() { "∅" } else { h.marker },
            h.ordinal.map(|o| format!("[{o}]")).unwrap_or_default(),
            h.title,
            if h.inferred { "  (inferred)" } else { "" },
            if h.run_in { "  (run-in)" } else { "" },
        ));
    }
    out
}

fn tree(doc: &Document<'_>) -> String {
    let mut out = String::new();
    for z in &doc.zones {
        out.push_str(&format!(
            "zone {:<14} {:>6}..{:<6} {}\n",
            format!("{:?}", z.kind),
            z.span.start,
            z.span.end,
            short(gongwen::span::Span::text(z.span, doc.source).trim(), 30)
        ));
    }
    for m in &doc.metadata {
        out.push_str(&format!("meta {:?} = {}\n", m.key, m.value));
    }
    if let Some(t) = &doc.title {
        out.push_str(&format!("title {}\n", t.text));
    }
    for t in &doc.subtitles {
        out.push_str(&format!("subtitle {}\n", short(t.text, 40)));
    }
    for p in &doc.preamble {
        out.push_str(&format!("preamble ¶ {}\n", short(p.text, 40)));
    }
    fn walk(out: &mut String, s: &[Section<'_>]) {
        for sec in s {
            let h = &sec.heading;
            let ind = "  ".repeat(usize::from(h.level.saturating_sub(1)));
            out.push_str(&format!(
                "{ind}§ L{} {}{} {}{}{}\n",
                h.level,
                if h.marker.is_empty() { "∅" } else { h.marker },
                h.ordinal.map(|o| format!("[{o}]")).unwrap_or_default(),
                h.title,
                if h.inferred { "  (inferred)" } else { "" },
                if h.run_in { "  (run-in)" } else { "" },
            ));
            for p in &sec.paragraphs {
                out.push_str(&format!(
                    "{ind}  ¶ {} [{} sentences, {} items, {} entities]\n",
                    short(p.text, 30),
                    p.sentences.len(),
                    p.items.len(),
                    p.entities.len()
                ));
            }
            walk(out, &sec.children);
        }
    }
    walk(&mut out, &doc.sections);
    if let Some(c) = &doc.closing {
        for l in &c.issuers {
            out.push_str(&format!("closing issuer {}\n", l.text));
        }
        if let Some(d) = &c.date {
            out.push_str(&format!("closing date {}\n", d.text));
        }
    }
    for d in &doc.diagnostics {
        out.push_str(&format!("diagnostic {}\n", d.render(doc.source)));
    }
    out
}

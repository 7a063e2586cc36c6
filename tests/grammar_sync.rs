//! `grammars/document.ebnf` and the grammar functions stay in sync: every
//! production has a function of that name whose doc comment quotes it in
//! an ```` ```ebnf ```` block, and every such function has a production.

use std::collections::BTreeSet;
use std::path::Path;

fn productions() -> BTreeSet<String> {
    let ebnf = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/grammars/document.ebnf"
    ))
    .unwrap();
    // Strip (* comments *).
    let mut text = String::new();
    let mut rest = ebnf.as_str();
    while let Some(i) = rest.find("(*") {
        text.push_str(&rest[..i]);
        rest = match rest[i..].find("*)") {
            Some(j) => &rest[i + j + 2..],
            None => "",
        };
    }
    text.push_str(rest);
    text.lines()
        .filter_map(|l| l.split_once("::=").map(|(name, _)| name.trim().to_string()))
        .filter(|n| !n.is_empty())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every function name in `src/`, the functions whose doc comment has an
/// ```ebnf block (with the first production they quote), and every
/// production quoted in those blocks.
fn functions() -> (BTreeSet<String>, Vec<(String, String)>, BTreeSet<String>) {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut all = BTreeSet::new();
    let mut documented = Vec::new();
    let mut quoted = BTreeSet::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let mut in_block = false;
        let mut first_quoted: Option<String> = None;
        for line in src.lines() {
            let t = line.trim();
            if let Some(doc) = t.strip_prefix("///") {
                let doc = doc.trim();
                if doc.starts_with("```ebnf") {
                    in_block = true;
                } else if doc.starts_with("```") {
                    in_block = false;
                } else if in_block {
                    if let Some((name, _)) = doc.split_once("::=") {
                        let name = name.trim().to_string();
                        quoted.insert(name.clone());
                        first_quoted.get_or_insert(name);
                    }
                }
                continue;
            }
            if t.starts_with("#[") {
                continue;
            }
            let sig = t
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ");
            if let Some(rest) = sig.strip_prefix("fn ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                all.insert(name.clone());
                if let Some(q) = first_quoted.take() {
                    documented.push((name, q));
                }
            }
            first_quoted = None;
            in_block = false;
        }
    }
    (all, documented, quoted)
}

#[test]
fn every_production_has_a_function_and_back() {
    let prods = productions();
    assert!(
        prods.len() > 10,
        "the grammar should have productions: {prods:?}"
    );
    let (all, documented, quoted) = functions();
    let missing_fn: Vec<_> = prods.iter().filter(|p| !all.contains(*p)).collect();
    assert!(
        missing_fn.is_empty(),
        "productions without a grammar function of that name: {missing_fn:?}"
    );
    let missing_prod: Vec<_> = documented
        .iter()
        .filter(|(f, _)| !prods.contains(f))
        .map(|(f, _)| f)
        .collect();
    assert!(
        missing_prod.is_empty(),
        "grammar functions without a production: {missing_prod:?}"
    );
    let wrong: Vec<_> = documented.iter().filter(|(f, q)| f != q).collect();
    assert!(
        wrong.is_empty(),
        "functions whose doc does not quote their own rule first: {wrong:?}"
    );
    let stale: Vec<_> = quoted.iter().filter(|q| !prods.contains(*q)).collect();
    assert!(
        stale.is_empty(),
        "rules quoted in doc comments but missing from document.ebnf: {stale:?}"
    );
}

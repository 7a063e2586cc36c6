//! (Tests) the documents under `tests/corpus/`, for the unit tests that
//! compare a fast path with its reference at every position of real text.

/// Every `tests/corpus/*.txt` document in file-name order: (name, text).
pub(crate) fn documents() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("corpus document");
            (name, text)
        })
        .collect();
    out.sort();
    out
}

/// The texts of every corpus document.
pub(crate) fn texts() -> Vec<String> {
    documents().into_iter().map(|(_, t)| t).collect()
}

/// The five seed reports (`00*`) and the provincial statistical bulletin
/// (`h094*`, dense in dates and figures).
pub(crate) fn seeds_and_bulletin() -> Vec<String> {
    documents()
        .into_iter()
        .filter(|(n, _)| n.starts_with("00") || n.starts_with("h094"))
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn the_corpus_is_there() {
    assert_eq!(seeds_and_bulletin().len(), 6);
    assert!(documents().len() >= 30);
}

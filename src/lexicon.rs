//! Lexicons loaded at compile time from `grammars/lexicon/` and parsed once.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::ast::MetaKey;

const METADATA_LABELS: &str = include_str!("../grammars/lexicon/metadata_labels.tsv");
const BOILERPLATE: &str = include_str!("../grammars/lexicon/boilerplate.tsv");
const TITLE_WORDS_TXT: &str = include_str!("../grammars/lexicon/title_words.txt");
const SPAM_TXT: &str = include_str!("../grammars/lexicon/spam.txt");
const DATE_CONTINUATIONS_TXT: &str = include_str!("../grammars/lexicon/date_continuations.txt");
const SPEECH_VERBS_TXT: &str = include_str!("../grammars/lexicon/speech_verbs.txt");
const CAPTION_PROSE_TXT: &str = include_str!("../grammars/lexicon/caption_prose_words.txt");

/// Words that mark an injected spam line, as one searcher (`None` only if
/// the lexicon could not be compiled, which a test rules out).
pub(crate) static SPAM_WORDS: LazyLock<Option<WordSearch>> =
    LazyLock::new(|| WordSearch::new(word_list(SPAM_TXT)));

/// A search for any of a few words. The words here are CJK, whose lead
/// bytes are everywhere in the text, so the automaton's byte prefilters
/// keep firing; the packed (Teddy, SIMD) searcher matches on the first
/// bytes of every word at once and is about ten times faster. The
/// automaton is the fallback where Teddy is not available.
#[derive(Debug)]
pub(crate) enum WordSearch {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

impl WordSearch {
    pub(crate) fn new(words: Vec<&'static str>) -> Option<Self> {
        match aho_corasick::packed::Searcher::new(words.iter()) {
            Some(s) => Some(WordSearch::Packed(s)),
            None => aho_corasick::AhoCorasick::new(words)
                .ok()
                .map(WordSearch::Automaton),
        }
    }

    /// The start of the first match, if any.
    pub(crate) fn first_start(&self, text: &str) -> Option<usize> {
        match self {
            WordSearch::Packed(s) => s.find(text).map(|m| m.start()),
            WordSearch::Automaton(ac) => ac.find(text).map(|m| m.start()),
        }
    }

    /// Calls `f` with the start of each match, left to right, matches not
    /// overlapping. (Which of two overlapping words is reported differs
    /// between the two searchers; whether a line holds a word does not.)
    pub(crate) fn for_each_start(&self, text: &str, mut f: impl FnMut(usize)) {
        match self {
            WordSearch::Packed(s) => s.find_iter(text).for_each(|m| f(m.start())),
            WordSearch::Automaton(ac) => ac.find_iter(text).for_each(|m| f(m.start())),
        }
    }
}

fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Starts of a line that goes on with a whole-line date before it.
pub(crate) static DATE_CONTINUATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(DATE_CONTINUATIONS_TXT));

/// Verbs that introduce a quotation (no salutation ends with one).
pub(crate) static SPEECH_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(SPEECH_VERBS_TXT));

/// Words that start prose, not a caption's title, after `表1`.
pub(crate) static CAPTION_PROSE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(CAPTION_PROSE_TXT));

/// Words that mark a header line as a document title.
pub(crate) static TITLE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(TITLE_WORDS_TXT));

/// The title words as one automaton (`None` only if the lexicon could not
/// be compiled, which a test rules out).
pub(crate) static TITLE_WORDS_AC: LazyLock<Option<aho_corasick::AhoCorasick>> =
    LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(TITLE_WORDS.iter())
            .ok()
    });

/// Rows of a TSV lexicon: comment (`#`) and blank lines skipped, fields split at tabs.
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn meta_key(name: &str) -> Option<MetaKey> {
    Some(match name {
        "index_number" => MetaKey::IndexNumber,
        "issuer" => MetaKey::Issuer,
        "doc_number" => MetaKey::DocNumber,
        "written_date" => MetaKey::WrittenDate,
        "published_date" => MetaKey::PublishedDate,
        "category" => MetaKey::Category,
        "title" => MetaKey::Title,
        "keywords" => MetaKey::Keywords,
        "validity" => MetaKey::Validity,
        "other" => MetaKey::Other,
        _ => return None,
    })
}

/// Metadata labels (folded to simplified chars, [`crate::grammar::fold`]),
/// keyed by their first character; each list is sorted longest label
/// first so the first match is the longest.
pub(crate) struct MetaLabels {
    by_first: HashMap<char, Vec<(Vec<char>, MetaKey)>>,
}

impl MetaLabels {
    /// The labels that start with `c` (a simplified char), longest first.
    pub(crate) fn starting_with(&self, c: char) -> &[(Vec<char>, MetaKey)] {
        self.by_first.get(&c).map(Vec::as_slice).unwrap_or(&[])
    }
}

pub(crate) static META_LABELS: LazyLock<MetaLabels> = LazyLock::new(|| {
    let mut by_first: HashMap<char, Vec<(Vec<char>, MetaKey)>> = HashMap::new();
    for row in rows(METADATA_LABELS) {
        let (Some(key), Some(label)) = (row.first().and_then(|k| meta_key(k)), row.get(1)) else {
            continue;
        };
        // Folded to simplified chars: labels are matched through the fold.
        let chars: Vec<char> = label
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(crate::grammar::fold::simplified)
            .collect();
        if let Some(&first) = chars.first() {
            by_first.entry(first).or_default().push((chars, key));
        }
    }
    for v in by_first.values_mut() {
        v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        v.dedup_by(|a, b| a.0 == b.0);
    }
    MetaLabels { by_first }
});

/// Where a boilerplate line may appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Where {
    Front,
    Trailer,
    Any,
}

/// The longest line [`Boilerplate::matches`] folds from traditional
/// characters to match.
const MAX_FOLDED_CHROME_BYTES: usize = 600;

pub(crate) struct Boilerplate {
    /// Whole lines.
    exact: HashMap<&'static str, Where>,
    /// Prefixes, keyed by their first char.
    prefix: HashMap<char, Vec<(&'static str, Where)>>,
    /// Substrings: one automaton, with where each pattern applies.
    contains: Option<(aho_corasick::AhoCorasick, Vec<Where>)>,
}

impl Boilerplate {
    /// Does the trimmed line match an entry allowed at `place`
    /// (`Front` or `Trailer`)?
    pub(crate) fn matches(&self, line: &str, place: Where) -> bool {
        if self.matches_as_written(line, place) {
            return true;
        }
        // A site's traditional-character view: the same lines, folded to
        // the lexicon's simplified characters (short lines only: chrome
        // is short, and the fold copies the line).
        line.len() <= MAX_FOLDED_CHROME_BYTES
            && match crate::grammar::fold::folded(line) {
                std::borrow::Cow::Owned(f) => self.matches_as_written(&f, place),
                std::borrow::Cow::Borrowed(_) => false,
            }
    }

    /// [`Self::matches`] without the fold.
    fn matches_as_written(&self, line: &str, place: Where) -> bool {
        let ok = |w: Where| w == Where::Any || w == place;
        if self.exact.get(line).is_some_and(|&w| ok(w)) {
            return true;
        }
        if let Some(list) = line.chars().next().and_then(|c| self.prefix.get(&c)) {
            if list.iter().any(|&(p, w)| ok(w) && line.starts_with(p)) {
                return true;
            }
        }
        self.contains.as_ref().is_some_and(|(ac, places)| {
            ac.find_overlapping_iter(line)
                .any(|m| places.get(m.pattern().as_usize()).is_some_and(|&w| ok(w)))
        })
    }
}

pub(crate) static BOILERPLATE_LINES: LazyLock<Boilerplate> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let mut prefix: HashMap<char, Vec<(&'static str, Where)>> = HashMap::new();
    let mut contains_pats = Vec::new();
    let mut contains_places = Vec::new();
    for row in rows(BOILERPLATE) {
        let (Some(how), Some(place), Some(text)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let place = match *place {
            "front" => Where::Front,
            "trailer" => Where::Trailer,
            _ => Where::Any,
        };
        match *how {
            "exact" => {
                exact.insert(*text, place);
            }
            "prefix" => {
                if let Some(c) = text.chars().next() {
                    prefix.entry(c).or_default().push((*text, place));
                }
            }
            "contains" => {
                contains_pats.push(*text);
                contains_places.push(place);
            }
            _ => {}
        }
    }
    let contains = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(&contains_pats)
        .ok()
        .map(|ac| (ac, contains_places));
    Boilerplate {
        exact,
        prefix,
        contains,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_search_packed_and_automaton_flag_the_same_lines() {
        let words = word_list(SPAM_TXT);
        let auto = aho_corasick::AhoCorasick::new(words.clone()).map(WordSearch::Automaton);
        let packed = aho_corasick::packed::Searcher::new(words.iter()).map(WordSearch::Packed);
        let text = "正文，博彩娱乐城百家乐。\n无\n威尼斯人太阳城集团\n代开发票办证刻章\n博\n";
        let lines = |w: &WordSearch| {
            let mut v = Vec::new();
            w.for_each_start(text, |at| v.push(text[..at].matches('\n').count()));
            v.dedup();
            v
        };
        if let (Ok(a), Some(p)) = (auto, packed) {
            assert_eq!(lines(&a), vec![0, 2, 3]);
            assert_eq!(lines(&a), lines(&p));
        }
    }

    #[test]
    fn lexicons_parse_and_have_no_bad_rows() {
        for row in rows(METADATA_LABELS) {
            assert!(
                row.len() >= 2,
                "metadata row should have key and label: {row:?}"
            );
            assert!(
                row.first().and_then(|k| meta_key(k)).is_some(),
                "unknown metadata key in {row:?}"
            );
        }
        for row in rows(BOILERPLATE) {
            assert!(
                row.len() >= 3,
                "boilerplate row should have 3 fields: {row:?}"
            );
            assert!(matches!(row[0], "exact" | "prefix" | "contains"), "{row:?}");
            assert!(matches!(row[1], "front" | "trailer" | "any"), "{row:?}");
        }
        assert!(!META_LABELS.starting_with('索').is_empty());
        assert!(SPAM_WORDS.is_some(), "the spam lexicon compiles");
        assert!(
            word_list(SPAM_TXT)
                .iter()
                .all(|w| !w.is_empty() && !w.contains(['\n', '\r'])),
            "a spam word lies inside one line (zones searches runs of lines)"
        );
        assert!(TITLE_WORDS_AC.is_some(), "the title words compile");
        assert!(
            BOILERPLATE_LINES.contains.is_some(),
            "the boilerplate substrings compile"
        );
    }
}

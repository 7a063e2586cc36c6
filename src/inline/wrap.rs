//! Hard-wrapped paragraphs (`soft_break` in grammars/document.ebnf,
//! section 4): text extracted from a PDF or a fixed-width page breaks its
//! lines wherever the width ran out, inside a numeral (`一九四⏎九年`), between
//! a figure and its approximation (`超过⏎76%`, `11%以⏎上`) or inside a
//! percent phrase (`百分之三⏎点二`). The scanner reads such a paragraph
//! through a joined view: every soft break (with the padding around it) is
//! left out, the entities are read from the joined text, and their spans
//! are mapped back to the input, so an entity over a break spans it (and
//! raises `number-split` when the break cuts the figure or parts it from
//! its scale or unit, as a number broken by a line end does).
//!
//! A break is soft when it parts a range after its dash or a document
//! number after its year (`1日－⏎2020年`, `〔2011〕⏎7号`), or when the chars on
//! both sides of it are word chars (ideographs, digits, letters, `%`) and it
//! does not part two ASCII or fullwidth alphanumerics other than two
//! fullwidth digits (set like ideographs: `２⏎３６００多亿元`): the grammar joins
//! those or keeps them apart by its own rules (`2156.⏎3`, `PM⏎2.5`, a table
//! row of figures). No break before a line that starts with a heading
//! marker (`1.`, `2、`, `三、`) is soft.

use super::{InlineSink, scan};
use crate::Options;
use crate::entity::{Change, EntityKind, Quantity, Reference};
use crate::error::{Diagnostic, DiagnosticCode};
use crate::grammar::figure::{digit_value, is_cjk_numeral_char};
use crate::grammar::trivia::pad;
use crate::span::Span;
use std::borrow::Cow;

/// A paragraph's text with its soft breaks left out.
#[derive(Debug, PartialEq, Eq)]
struct Joined {
    text: String,
    /// For each soft break left out: where in `text` the text after it
    /// goes on, and the bytes left out up to there (ascending).
    gaps: Vec<(usize, usize)>,
}

impl Joined {
    /// Bytes left out before an entity starting at `at` of the joined text.
    fn shift_start(&self, at: usize) -> usize {
        let k = self.gaps.partition_point(|&(j, _)| j <= at);
        k.checked_sub(1)
            .and_then(|k| self.gaps.get(k))
            .map_or(0, |&(_, cum)| cum)
    }

    /// Bytes left out before an entity ending at `at` (exclusive): a gap
    /// right after the entity is not inside it.
    fn shift_end(&self, at: usize) -> usize {
        let k = self.gaps.partition_point(|&(j, _)| j < at);
        k.checked_sub(1)
            .and_then(|k| self.gaps.get(k))
            .map_or(0, |&(_, cum)| cum)
    }

    /// `s` (relative to the joined text) as a span of the input, whose
    /// paragraph starts at `base`.
    fn map(&self, base: usize, s: Span) -> Span {
        Span::new(
            base + s.start() + self.shift_start(s.start()),
            base + s.end() + self.shift_end(s.end()),
        )
    }

    /// True when a soft break was left out inside `s` (joined text) right
    /// after a numeral char: the break cuts a figure, or parts it from its
    /// scale, unit or `年` (not an approximation word from its figure:
    /// `超过⏎76%`, `95%⏎以上`).
    fn breaks_figure(&self, s: Span) -> bool {
        self.gaps.iter().any(|&(j, _)| {
            s.start() < j
                && j < s.end()
                && self
                    .text
                    .get(..j)
                    .and_then(|t| t.chars().next_back())
                    .is_some_and(|c| {
                        digit_value(c).is_some()
                            || is_cjk_numeral_char(c)
                            || matches!(c, '点' | '點')
                    })
        })
    }
}

/// A word char: text runs on through a break between two of them.
pub(crate) fn word(c: char) -> bool {
    crate::tree::is_cjk(c) || matches!(c, '〇' | '○' | '%' | '％' | '‰') || alnum(c)
}

/// An ASCII or fullwidth digit or letter.
fn alnum(c: char) -> bool {
    digit_value(c).is_some() || super::is_letter(c)
}

/// Is the line break between `head` (the text before it, padding aside)
/// and the line `next` (padding aside) soft?
///
/// ```ebnf
/// soft_break ::= pad* line_end pad*
/// ```
///
/// (between two word chars, or after a range dash, a `/` or a closing `〕`;
/// see the module doc).
fn soft_break(head: &str, next: &str) -> bool {
    let (Some(before), Some(after)) = (head.chars().next_back(), next.chars().next()) else {
        return false;
    };
    // Before a marker line (`1.` `2、` `三、` `（一）`) a break is the
    // writer's.
    if crate::grammar::heading::heading_marker(next).is_ok() {
        return false;
    }
    if word(before) && word(after) {
        return !(alnum(before) && alnum(after))
            || fullwidth_digit(before) && fullwidth_digit(after);
    }
    // A range or a document number broken after its dash or its year's
    // bracket (`2020年3月1日－⏎2020年3月31日`, `〔2011〕⏎7号`), a compound unit
    // after its `/` (`645元/⏎月`).
    match before {
        '-' | '－' | '—' | '–' | '～' | '~' | '〕' | '］' | ']' => {
            digit_value(after).is_some() || is_cjk_numeral_char(after)
        }
        '/' | '／' => word(after) && !alnum(after),
        _ => false,
    }
}

/// `０`–`９`: set like ideographs, a page may break between any two.
fn fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// The columns `line` takes on a page, its padding aside: one for an
/// ASCII char, two for a char of three bytes (ideographs, fullwidth forms,
/// CJK punctuation), as (bytes + chars) / 2: exact for those, in between
/// for the rare others. The char count is std's, a word at a time.
pub(crate) fn columns(line: &str) -> usize {
    let line = line.trim_matches(pad);
    (line.len() + line.chars().count()) / 2
}

/// The widest line of `text`, in [`columns`].
fn widest(text: &str) -> usize {
    line_ranges(text)
        .map(|(s, e, _)| columns(text.get(s..e).unwrap_or("")))
        .max()
        .unwrap_or(0)
}

/// The narrowest page a paragraph can have been wrapped at, in columns:
/// a table's label lines (`产量`, `万吨`, `1575`) are no wrapped text.
const MIN_WRAP_COLUMNS: usize = 20;

/// How much narrower than the paragraph's widest line a wrapped line may
/// be, as a fraction (1/`WRAP_SLACK_DIV`) of the widest: a justified page
/// stretches a line whose last word (a long figure, a Latin word) went to
/// the next line, and text extraction drops the stretch.
const WRAP_SLACK_DIV: usize = 5;

/// The lines of `text`: (start, end before the line end, start of the
/// next line).
fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        if from > text.len() {
            return None;
        }
        let start = from;
        let Some(k) = bytes
            .get(from..)
            .and_then(|b| memchr::memchr2(b'\n', b'\r', b))
        else {
            from = text.len() + 1;
            return Some((start, text.len(), text.len()));
        };
        let le = start + k;
        from = if bytes.get(le..le + 2) == Some(b"\r\n") {
            le + 2
        } else {
            le + 1
        };
        Some((start, le, from))
    })
}

/// `text` with its soft breaks left out; `None` when it has none.
///
/// Only the breaks of a wrapped page are soft: the line before the break
/// is (nearly) as wide as the paragraph's widest line, which is at least
/// [`MIN_WRAP_COLUMNS`] wide. A line that ends short ended where its
/// writer ended it.
fn join(text: &str) -> Option<Joined> {
    // Measured when a break could be soft (most breaks of a web page's
    // text follow punctuation).
    let mut page: Option<usize> = None;
    let mut out = String::new();
    let mut gaps = Vec::new();
    // The text up to `copied` is in `out` (or left out).
    let mut copied = 0;
    let mut removed = 0;
    for (start, le, next_start) in line_ranges(text) {
        if next_start >= text.len() || le < copied {
            continue;
        }
        let (Some(line), Some(tail)) = (text.get(start..le), text.get(next_start..)) else {
            continue;
        };
        let head = text.get(copied..le).unwrap_or("").trim_end_matches(pad);
        let next = tail.trim_start_matches(pad);
        if !soft_break(head, next) {
            continue;
        }
        let widest = *page.get_or_insert_with(|| widest(text));
        if widest < MIN_WRAP_COLUMNS {
            return None;
        }
        if columns(line) + (widest / WRAP_SLACK_DIV).max(4) < widest {
            continue;
        }
        let (gap_start, gap_end) = (copied + head.len(), text.len() - next.len());
        if out.is_empty() {
            out.reserve(text.len());
        }
        out.push_str(text.get(copied..gap_start).unwrap_or(""));
        removed += gap_end - gap_start;
        gaps.push((out.len(), removed));
        copied = gap_end;
    }
    if gaps.is_empty() {
        return None;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Some(Joined { text: out, gaps })
}

/// Scan the paragraph at `span` of `src` for inline entities like
/// [`scan`], through the joined view when it has soft breaks.
pub(crate) fn scan_paragraph<'a>(
    src: &'a str,
    span: Span,
    opts: &Options,
    sink: &mut InlineSink<'a>,
) {
    // The walk over the paragraph saw its line feeds; with no `\r` in the
    // input that is all a line end can be.
    let walked = sink.walked.span == Some(span) && sink.cr_free;
    let joined = src
        .get(span.range())
        .filter(|t| {
            if walked {
                sink.walked.line_feed
            } else {
                memchr::memchr2(b'\n', b'\r', t.as_bytes()).is_some()
            }
        })
        .and_then(join);
    let Some(joined) = joined else {
        scan(src, span, opts, sink);
        return;
    };
    // What the walk over the paragraph found is of the text with its
    // breaks: the joined text is paired and stepped on its own.
    if let Some(m) = sink.marks.as_mut() {
        m.walked = None;
    }
    sink.walked.span = None;
    let first_diag = sink.diagnostics.len();
    let j = joined.text.as_str();
    let mut inner = InlineSink::with_cap(opts.max_diagnostics);
    scan(j, Span::new(0, j.len()), opts, &mut inner);
    let base = span.start();
    for i in 0..inner.entities.len() {
        let Some(e) = inner.entities.get(j, i) else {
            continue;
        };
        let at = joined.map(base, e.span);
        let kind = rehome(src, j, &joined, base, e.kind);
        let numeric = matches!(
            kind,
            EntityKind::Quantity(_) | EntityKind::Date(_) | EntityKind::Number(_)
        );
        if numeric && joined.breaks_figure(e.span) {
            sink.diagnostics.push(Diagnostic::new(
                DiagnosticCode::NumberSplit,
                at,
                "number broken by a line end",
            ));
        }
        sink.entities.push(src, at, at.text(src), kind);
    }
    sink.quotes
        .extend(inner.quotes.iter().map(|&q| joined.map(base, q)));
    for d in inner.diagnostics.iter_mut() {
        d.span = joined.map(base, d.span);
    }
    sink.diagnostics.append(&mut inner.diagnostics);
    // In document order, as `scan` leaves them.
    if let Some(new) = sink.diagnostics.get_mut(first_diag..) {
        new.sort_by_key(|d| d.span.start);
    }
}

/// A slice of the joined text `j` as the same text of the input when no
/// break was left out inside it, else owned.
fn rehome_str<'a>(src: &'a str, j: &str, joined: &Joined, base: usize, s: &str) -> Cow<'a, str> {
    let at = (s.as_ptr() as usize).wrapping_sub(j.as_ptr() as usize);
    if at <= j.len() {
        let mapped = joined.map(base, Span::new(at, at + s.len()));
        if let Some(t) = src.get(mapped.range()).filter(|t| *t == s) {
            return Cow::Borrowed(t);
        }
    }
    Cow::Owned(s.to_owned())
}

/// An entity kind read from the joined text, its spans and borrowed text
/// moved onto the input.
fn rehome<'a>(
    src: &'a str,
    j: &str,
    joined: &Joined,
    base: usize,
    kind: EntityKind<'_>,
) -> EntityKind<'a> {
    let cow = |c: Cow<'_, str>| match c {
        Cow::Borrowed(s) => rehome_str(src, j, joined, base, s),
        Cow::Owned(s) => Cow::Owned(s),
    };
    match kind {
        EntityKind::Quantity(q) => EntityKind::Quantity(Quantity {
            value: q.value,
            unit: q.unit,
            unit_text: cow(q.unit_text),
            scale: q.scale,
            approx: q.approx,
            range: q.range,
            change: q.change.map(|c| Change {
                direction: c.direction,
                basis: c.basis.map(cow),
                verb: c.verb,
            }),
            clause: joined.map(base, q.clause),
        }),
        EntityKind::Reference(r) => EntityKind::Reference(Reference {
            title: joined.map(base, r.title),
        }),
        EntityKind::Date(d) => EntityKind::Date(d),
        EntityKind::DocNumber(d) => EntityKind::DocNumber(d),
        EntityKind::Ordinal(o) => EntityKind::Ordinal(o),
        EntityKind::Identifier(x) => EntityKind::Identifier(x),
        EntityKind::Number(n) => EntityKind::Number(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of 30 columns: what precedes a break in these tests, so the
    /// line before it is a full line of a wrapped page.
    const FILL: &str = "全年各级各部门扎实推进各项工作";

    /// `s` after a full line's text, joined; without the fill.
    fn joined(s: &str) -> Option<String> {
        let j = join(&format!("{FILL}{s}"))?;
        Some(j.text.strip_prefix(FILL).unwrap_or(&j.text).to_owned())
    }

    #[test]
    fn soft_breaks_are_between_word_chars() {
        // Three lines of 34, 31 and 4 columns.
        let text = format!("{FILL}增长\n76%，各级部门扎实推进各项一九四\r\n九年");
        let j = join(&text).expect("two soft breaks");
        assert_eq!(
            j.text,
            format!("{FILL}增长76%，各级部门扎实推进各项一九四九年")
        );
        let first = FILL.len() + "增长".len();
        let second = first + "76%，各级部门扎实推进各项一九四".len();
        assert_eq!(j.gaps, vec![(first, 1), (second, 3)]);
        for (wrapped, read) in [
            // Padding around a break goes with it.
            ("超过  \n\u{3000}\u{3000}76%", "超过76%"),
            ("超过\n2.6万亿元", "超过2.6万亿元"),
            ("95%以\n上", "95%以上"),
            ("减负超\n过7", "减负超过7"),
            ("第\n十三届", "第十三届"),
            ("二○○○\n年", "二○○○年"),
            ("２\n３６００多亿元", "２３６００多亿元"),
            ("〔2011〕\n7号", "〔2011〕7号"),
            ("1日－\n2020年", "1日－2020年"),
            ("200多\n亿元", "200多亿元"),
            ("645元/\n月", "645元/月"),
            ("2980平方公\n里，", "2980平方公里，"),
            ("降低了百分\n之三", "降低了百分之三"),
            ("“三项改\n革”", "“三项改革”"),
            ("第一人\n民医院", "第一人民医院"),
        ] {
            assert_eq!(joined(wrapped).as_deref(), Some(read), "{wrapped:?}");
        }
        for hard in [
            "完成。\n新建",
            "共计3\n4个",
            "共计３\n４．加强",
            "PM\n2.5",
            "情况\n1.加强",
            "情况－\n1.加强",
            "〔2011〕\n（一）",
            "情况\n2、加强",
            "情况\n三、加强",
            "情况\n（一）加强",
            "2156.\n3亿元",
            "一行\n",
        ] {
            assert_eq!(joined(hard), None, "{hard:?}");
        }
    }

    #[test]
    fn columns_count_wide_chars_twice() {
        for (line, cols) in [
            ("", 0),
            ("abc", 3),
            ("增长76%", 7),
            ("\u{3000}全年\u{a0}", 4),
            ("２０，", 6),
        ] {
            assert_eq!(columns(line), cols, "{line:?}");
        }
    }

    #[test]
    fn only_the_breaks_of_full_lines_are_soft() {
        // A table's label lines: no page is that narrow.
        assert_eq!(join("产量\n万吨\n1575"), None);
        // A line that ends well short of the widest ended there.
        let j = join(&format!("情况\n{FILL}三十\n二所")).expect("one soft break");
        assert_eq!(j.text, format!("情况\n{FILL}三十二所"));
        // A web page's line break after a short line is the writer's: the
        // grammar reads it (a unit broken there joins only when it closes
        // the phrase).
        assert_eq!(join("到岗人数为3人\n次日到岗"), None);
    }

    #[test]
    fn spans_map_back_over_the_gaps() {
        let text = format!("{FILL}超过\n76%{FILL}以\n上");
        let j = join(&text).expect("soft");
        let f = FILL.len();
        assert_eq!(j.text, format!("{FILL}超过76%{FILL}以上"));
        // Whole text: starts at 0, ends at the input's end.
        assert_eq!(
            j.map(10, Span::new(0, j.text.len())),
            Span::new(10, 10 + text.len())
        );
        // An entity ending right before a gap does not take it; one
        // starting right after it starts after it.
        let k = f + "超过".len();
        assert_eq!(j.map(0, Span::new(f, k)), Span::new(f, k));
        assert_eq!(j.map(0, Span::new(k, k + 3)), Span::new(k + 1, k + 4));
        // Not a figure broken: an approximation word parted from it.
        assert!(!j.breaks_figure(Span::new(f, k + 3)));
        let j = join(&format!("{FILL}一九四\n九年，三十{FILL}\n二所")).expect("soft");
        assert!(j.breaks_figure(Span::new(f, f + "一九四九年".len())));
        assert!(!j.breaks_figure(Span::new(f, f + "一九四".len())));
    }
}

//! Zones (SPEC §2) and the assembly of the whole [`Document`]: front
//! chrome, metadata, title, preamble, body, closing, appendix, trailer.

use std::borrow::Cow;

use crate::ast::{
    Closing, DateLine, Document, Heading, Line, MetaField, MetaKey, Paragraph, Section, Title,
    Zone, ZoneKind,
};
use crate::block::{self, LineInfo, ends_sentence, has_sentence_punct};
use crate::error::{Diagnostic, DiagnosticCode, Error};
use crate::grammar::date_text::{value_date, whole_date};
use crate::grammar::heading::{cn_ordinal, heading_marker, lost_numeral_marker, shi_marker};
use crate::grammar::metadata::metadata_line;
use crate::inline::{self, InlineSink};
use crate::lexicon::{BOILERPLATE_LINES, TITLE_WORDS, Where};
use crate::span::Span;
use crate::tree::{self, HeadingCand};
use crate::{Options, artefacts};

/// The document of an input that could not be parsed: one chrome zone and
/// the error as a diagnostic.
pub(crate) fn degenerate(src: &str, e: Error) -> Document<'_> {
    let span = Span::new(0, src.len());
    Document {
        source: src,
        zones: if src.is_empty() {
            vec![]
        } else {
            vec![Zone {
                kind: ZoneKind::FrontChrome,
                span,
            }]
        },
        metadata: vec![],
        title: None,
        preamble: vec![],
        sections: vec![],
        closing: None,
        diagnostics: vec![Diagnostic::new(
            match e {
                Error::TooDeep { .. } => DiagnosticCode::DepthLimit,
                _ => DiagnosticCode::InputTooLarge,
            },
            Span::empty(0),
            e.to_string(),
        )],
    }
}

/// What the head of the document (before the report's text) holds.
struct Head<'a> {
    /// Line index where the report's text starts.
    content_start: usize,
    title: Option<(usize, usize)>,
    title_text: Option<Cow<'a, str>>,
    metadata: Vec<MetaField<'a>>,
}

fn is_boilerplate(l: &LineInfo<'_>, place: Where) -> bool {
    !l.is_blank()
        && (BOILERPLATE_LINES.matches(l.text, place) || place == Where::Front && caption_like(l))
}

/// Does the line start the report's text: a heading or prose?
fn starts_content(l: &LineInfo<'_>) -> bool {
    let t = l.text;
    if heading_marker(t).is_ok_and(|(rest, _)| !rest.trim().is_empty()) {
        return true;
    }
    if shi_marker(t).is_ok() && ends_sentence(t) {
        return true;
    }
    // `、坚持…` (numeral lost) and `一` alone (a bare numeral heading).
    if lost_numeral_marker(t).is_ok_and(|(rest, _)| {
        tree::heading_like(
            &LineInfo {
                text: rest,
                chars: rest.chars().count(),
                ..*l
            },
            45,
        )
    }) || cn_ordinal(t).is_ok_and(|(rest, n)| rest.is_empty() && n <= 50)
    {
        return true;
    }
    (has_sentence_punct(t) && l.chars >= 8) || l.chars >= 100
}

fn has_title_word(t: &str) -> bool {
    TITLE_WORDS.iter().any(|w| t.contains(w))
}

/// A footnote mark after a title (`[1]`).
fn is_footnote(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '[' | ']' | '［' | '］')
}

/// A subtitle line: `——2026年1月27日在…大会上`, `（2026年1月26日在…会议上）`.
fn subtitle_like(t: &str) -> bool {
    t.starts_with(['—', '―', '－'])
        || t.contains('在') && (t.contains("会议") || t.contains("大会"))
}

/// A photo or news caption (`…记者 李森 摄`).
fn caption_like(l: &LineInfo<'_>) -> bool {
    l.chars <= 60
        && (l.text.ends_with('摄') || l.text.contains("记者 ") || l.text.contains("记者\u{3000}"))
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
        .collect()
}

/// Find where the text starts, the metadata and the title.
fn head<'a>(
    src: &'a str,
    lines: &[LineInfo<'a>],
    kinds: &mut [ZoneKind],
    diags: &mut Vec<Diagnostic>,
) -> Head<'a> {
    let n = lines.len();
    let mut metadata = Vec::new();
    let mut is_meta = vec![false; n];
    let mut content_start = n;
    let mut i = 0;
    while i < n {
        let Some(l) = lines.get(i) else { break };
        if l.is_blank() {
            i += 1;
            continue;
        }
        if let Some(pairs) = metadata_line(l.text) {
            let base = l.t0;
            let count = pairs.len();
            for (k, p) in pairs.into_iter().enumerate() {
                let mut value_span = Span::new(base + p.value.0, base + p.value.1);
                // A label alone on its line: the value is the next line.
                if k + 1 == count && value_span.is_empty() {
                    if let Some(next) = lines.get(i + 1).filter(|x| {
                        !x.is_blank()
                            && x.chars <= 60
                            && metadata_line(x.text).is_none()
                            && !is_boilerplate(x, Where::Front)
                    }) {
                        value_span = Span::new(next.t0, next.t1);
                        if let Some(m) = is_meta.get_mut(i + 1) {
                            *m = true;
                        }
                    }
                }
                let value = value_span.text(src);
                metadata.push(MetaField {
                    key: p.key,
                    label: src.get(base + p.label.0..base + p.label.1).unwrap_or(""),
                    value,
                    span: Span::new(base + p.label.0, value_span.end().max(base + p.label.1)),
                    value_span,
                    date: if matches!(p.key, MetaKey::WrittenDate | MetaKey::PublishedDate) {
                        value_date(value)
                    } else {
                        None
                    },
                });
            }
            if let Some(m) = is_meta.get_mut(i) {
                *m = true;
            }
            i += 1;
            if is_meta.get(i).copied().unwrap_or(false) {
                i += 1;
            }
            continue;
        }
        if is_boilerplate(l, Where::Front) {
            i += 1;
            continue;
        }
        if starts_content(l) {
            content_start = i;
            break;
        }
        i += 1;
    }
    // A salutation (`各位代表：`) just before the text belongs to it.
    if let Some(p) = (0..content_start)
        .rev()
        .find(|&k| lines.get(k).is_some_and(|l| !l.is_blank()))
    {
        if let Some(l) = lines.get(p) {
            if l.text.ends_with(['：', ':'])
                && l.chars <= 12
                && !is_meta.get(p).copied().unwrap_or(false)
                && !is_boilerplate(l, Where::Front)
            {
                content_start = p;
            }
        }
    }
    // A number cut from its unit by the page markup (`2015` / `年，全县…`)
    // belongs to the text after it.
    if let Some(p) = content_start.checked_sub(1) {
        if lines.get(p).is_some_and(|l| {
            !l.is_blank()
                && l.text
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
        }) && !is_meta.get(p).copied().unwrap_or(false)
        {
            content_start = p;
        }
    }
    // Title: the metadata title's line, else the last line with a title
    // word (or two adjacent lines that form one), else a lone candidate.
    let cand = |k: usize| -> bool {
        lines.get(k).is_some_and(|l| {
            !l.is_blank()
                && !is_meta.get(k).copied().unwrap_or(false)
                && !is_boilerplate(l, Where::Front)
        })
    };
    let meta_title = metadata
        .iter()
        .find(|m: &&MetaField<'_>| m.key == MetaKey::Title)
        .map(|m| compact(m.value));
    let mut title: Option<(usize, usize)> = None;
    if let Some(mt) = &meta_title {
        title = (0..content_start)
            .rev()
            .find(|&k| cand(k) && lines.get(k).is_some_and(|l| compact(l.text) == *mt))
            .map(|k| (k, k));
    }
    if title.is_none() {
        // Score every candidate; the best wins, the last on ties.
        let mut best: Option<(i32, (usize, usize))> = None;
        for k in 0..content_start {
            let Some(l) = lines.get(k) else { continue };
            if !cand(k) || l.chars > 80 {
                continue;
            }
            let mut range = (k, k);
            let mut text = Cow::Borrowed(l.text);
            if !has_title_word(l.text) {
                // A title split over two lines (`政府工作报` / `告`).
                match lines
                    .get(k + 1)
                    .filter(|_| cand(k + 1) && k + 1 < content_start)
                {
                    Some(nl)
                        if nl.chars <= 4 && has_title_word(&format!("{}{}", l.text, nl.text)) =>
                    {
                        range = (k, k + 1);
                        text = Cow::Owned(format!("{}{}", l.text, nl.text));
                    }
                    _ => continue,
                }
            } else if let Some((p, pl)) = k
                .checked_sub(1)
                .filter(|&p| cand(p))
                .and_then(|p| lines.get(p).map(|pl| (p, pl)))
            {
                // Join with the line before when the joined text is the
                // title seen elsewhere (`宜春市` / `2022年…统计公报`).
                if pl.chars <= 20 && !has_title_word(pl.text) && !pl.text.ends_with(['：', ':']) {
                    let j = compact(&format!("{}{}", pl.text, l.text));
                    if (0..content_start).any(|q| {
                        q != k && q != p && lines.get(q).is_some_and(|x| compact(x.text) == j)
                    }) || meta_title.as_deref() == Some(j.as_str())
                    {
                        range = (p, k);
                    }
                }
            }
            let t = text.as_ref();
            let mut score = 2;
            if TITLE_WORDS
                .iter()
                .any(|w| t.trim_end_matches(is_footnote).ends_with(w))
            {
                score += 1;
            }
            // A subtitle right under it (`——2026年1月27日在…大会上`).
            let next =
                (range.1 + 1..content_start).find(|&q| lines.get(q).is_some_and(|x| !x.is_blank()));
            if next
                .and_then(|q| lines.get(q))
                .is_some_and(|x| subtitle_like(x.text))
            {
                score += 2;
            }
            // A news caption (`省长赵刚作政府工作报告`).
            if t.contains('作') && t.find('作') < t.rfind("报告") && !t.contains("工作报告")
                || t.contains("作政府工作报告")
            {
                score -= 2;
            }
            if best.is_none_or(|(b, _)| score >= b) {
                best = Some((score, range));
            }
        }
        title = best.map(|(_, r)| r);
    }
    if title.is_none() {
        let cands: Vec<usize> = (0..content_start).filter(|&k| cand(k)).collect();
        if let [only] = cands.as_slice() {
            if lines
                .get(*only)
                .is_some_and(|l| l.chars <= 60 && !has_sentence_punct(l.text))
            {
                title = Some((*only, *only));
            }
        }
    }
    let title_text: Option<Cow<'a, str>> = title.map(|(a, b)| {
        if a == b {
            Cow::Borrowed(lines.get(a).map(|l| l.text).unwrap_or(""))
        } else {
            Cow::Owned(
                (a..=b)
                    .filter_map(|k| lines.get(k))
                    .map(|l| l.text)
                    .collect::<String>(),
            )
        }
    });
    // Line kinds of the head.
    let title_compact = title_text.as_deref().map(compact);
    for k in 0..content_start {
        let Some(kind) = kinds.get_mut(k) else {
            continue;
        };
        let Some(l) = lines.get(k) else { continue };
        *kind = if is_meta.get(k).copied().unwrap_or(false) {
            ZoneKind::Metadata
        } else if let Some((a, b)) = title {
            if (a..=b).contains(&k) {
                ZoneKind::Title
            } else if k > b
                && cand(k)
                && title_compact.as_deref() != Some(compact(l.text).as_str())
                && (l.chars >= 2 || l.text.starts_with(['（', '(']))
                && !(whole_date(l.text).is_some() && l.text.contains(['-', ':', '/']))
            {
                // Subtitles, speaker and date lines under the title.
                ZoneKind::Title
            } else {
                if !l.is_blank() && title_compact.as_deref() == Some(compact(l.text).as_str()) {
                    diags.push(Diagnostic::new(
                        DiagnosticCode::DuplicateTitle,
                        Span::new(l.t0, l.t1),
                        "title repeated; this copy is page chrome",
                    ));
                }
                ZoneKind::FrontChrome
            }
        } else {
            ZoneKind::FrontChrome
        };
    }
    Head {
        content_start,
        title,
        title_text,
        metadata,
    }
}

/// Where the trailer chrome starts: the earliest boilerplate line after
/// which only chrome-like lines follow.
fn trailer_start(lines: &[LineInfo<'_>], lo: usize, title: Option<&str>) -> usize {
    let n = lines.len();
    let mut t = n;
    let title = title.map(compact);
    let mut i = n;
    while i > lo {
        i -= 1;
        let Some(l) = lines.get(i) else { break };
        if l.is_blank() {
            continue;
        }
        if is_boilerplate(l, Where::Trailer) || title.as_deref() == Some(compact(l.text).as_str()) {
            t = i;
            continue;
        }
        let chrome_like = l.chars <= 3
            || (l.chars <= 40
                && !has_sentence_punct(l.text)
                && value_date(l.text).is_none()
                && heading_marker(l.text).is_err());
        if chrome_like {
            continue;
        }
        break;
    }
    t
}

/// Is the whole line a date (`2022年1月28日`, `二〇二六年一月二十七日`), possibly in brackets?
fn date_line(l: &LineInfo<'_>) -> Option<crate::value::Date> {
    if l.chars > 24 {
        return None;
    }
    let t = l.text.trim_matches(['（', '(', '）', ')']);
    let d = whole_date(t)?;
    (d.year.is_some() && d.month.is_some()).then_some(d)
}

fn issuer_like(l: &LineInfo<'_>) -> bool {
    !l.is_blank()
        && l.chars <= 30
        && !l
            .text
            .contains(['。', '，', ',', '；', '：', ':', '！', '？', '、'])
        && heading_marker(l.text).is_err()
        && date_line(l).is_none()
}

const ORG_SUFFIXES: &[&str] = &[
    "政府",
    "委员会",
    "局",
    "办公室",
    "办公厅",
    "厅",
    "部",
    "院",
    "委",
    "办",
    "中心",
    "公司",
    "小组",
    "队",
    "会",
    "署",
    "所",
    "处",
];

/// The closing signature block ending just before line `end`:
/// (first line, issuer lines, date line).
fn closing(
    lines: &[LineInfo<'_>],
    lo: usize,
    end: usize,
) -> Option<(usize, Vec<usize>, Option<usize>)> {
    let mut i = end;
    let prev_nonblank = |mut k: usize| -> Option<usize> {
        while k > lo {
            k -= 1;
            if lines.get(k).is_some_and(|l| !l.is_blank()) {
                return Some(k);
            }
        }
        None
    };
    i = prev_nonblank(i)?;
    // A trailing note `（此件公开发布）` belongs to the block.
    let mut last = i;
    if lines
        .get(i)
        .is_some_and(|l| l.text.starts_with(['（', '(']) && l.text.contains("此件"))
    {
        i = prev_nonblank(i)?;
        last = i;
    }
    let _ = last;
    let l = lines.get(i)?;
    let mut issuers = Vec::new();
    let date = if date_line(l).is_some() {
        let d = i;
        let mut k = i;
        while issuers.len() < 3 {
            match prev_nonblank(k) {
                Some(p) if lines.get(p).is_some_and(issuer_like) => {
                    issuers.push(p);
                    k = p;
                }
                _ => break,
            }
        }
        Some(d)
    } else if issuer_like(l)
        && ORG_SUFFIXES
            .iter()
            .any(|s| l.text.trim_matches(['（', '(', '）', ')']).ends_with(s))
        && l.chars <= 20
    {
        issuers.push(i);
        None
    } else {
        return None;
    };
    issuers.reverse();
    let first = issuers.first().copied().or(date)?;
    Some((first, issuers, date))
}

/// Lines that start an appendix, glossary or notes zone.
fn appendix_marker(l: &LineInfo<'_>) -> bool {
    let t = l.text;
    if l.chars > 40 {
        return false;
    }
    let t2 = t.trim_start_matches(['【', '[', '［']);
    t2.starts_with("附件")
        || t2.starts_with("附录")
        || t2.starts_with("附表")
        || t2.starts_with("附：")
        || matches!(
            t2.trim_end_matches(['：', ':', '】', ']', '］']),
            "名词解释" | "注释" | "注" | "资料来源" | "说明" | "附" | "名词注释" | "注解"
        )
}

/// Parse a document: zones, metadata, title, sections, closing.
pub(crate) fn parse_document<'a>(src: &'a str, opts: &Options) -> Result<Document<'a>, Error> {
    let lines = block::lines(src);
    let n = lines.len();
    let mut diags = Vec::new();
    artefacts::scan(src, &mut diags);
    let mut kinds = vec![ZoneKind::Body; n];
    let head = head(src, &lines, &mut kinds, &mut diags);
    let cs = head.content_start;

    // Tail: trailer chrome, closing, appendix.
    let ts = trailer_start(&lines, cs, head.title_text.as_deref());
    let mut body_end = ts;
    let mut closing_lines: Option<(usize, Vec<usize>, Option<usize>, usize)> = None;
    let appendix = (cs + 1..ts).find(|&k| lines.get(k).is_some_and(appendix_marker));
    if let Some((first, iss, date)) = closing(&lines, cs, ts) {
        if appendix.is_none_or(|a| first > a) {
            closing_lines = Some((first, iss, date, ts));
        }
    }
    if let Some(a) = appendix {
        if closing_lines.is_none() {
            if let Some((first, iss, date)) = closing(&lines, cs, a) {
                closing_lines = Some((first, iss, date, a));
            }
        }
        body_end = body_end.min(a);
    }
    if let Some((first, ..)) = &closing_lines {
        body_end = body_end.min(*first);
    }
    for k in body_end..n {
        if let Some(kind) = kinds.get_mut(k) {
            *kind = if k >= ts {
                ZoneKind::TrailerChrome
            } else if closing_lines.as_ref().is_some_and(|c| k >= c.0 && k < c.3) {
                ZoneKind::Closing
            } else {
                ZoneKind::Appendix
            };
        }
    }

    // Headings and levels.
    let mut heads = tree::headings(src, &lines, cs, body_end, opts.recover_headings, &mut diags);
    let depth = tree::assign_levels(&mut heads, &mut diags);
    if depth > opts.max_depth {
        return Err(Error::TooDeep {
            depth,
            limit: opts.max_depth,
        });
    }
    let first_heading_line = heads.first().map(|h| h.first_line).unwrap_or(body_end);
    for k in cs..first_heading_line.min(body_end) {
        if let Some(kind) = kinds.get_mut(k) {
            *kind = ZoneKind::Preamble;
        }
    }

    // Paragraphs, each owned by the preamble (None) or a heading.
    let mut sink = InlineSink::default();
    let mut paras: Vec<(Option<usize>, Paragraph<'a>)> = Vec::new();
    let mut owner: Option<usize> = None;
    let mut next_head = 0;
    let mut cur: Option<(usize, usize)> = None; // (start, end) abs
    let mut item_state = (None, 0);
    let flush = |cur: &mut Option<(usize, usize)>,
                 owner: Option<usize>,
                 paras: &mut Vec<(Option<usize>, Paragraph<'a>)>,
                 sink: &mut InlineSink<'a>,
                 diags: &mut Vec<Diagnostic>,
                 item_state: &mut (Option<crate::ast::ItemStyle>, u32)| {
        if let Some((s, e)) = cur.take() {
            paras.push((
                owner,
                make_paragraph(src, Span::new(s, e), opts, sink, diags, item_state),
            ));
        }
    };
    let mut k = cs;
    while k < body_end {
        let Some(l) = lines.get(k) else { break };
        if let Some(h) = heads.get(next_head).filter(|h| h.first_line == k) {
            flush(
                &mut cur,
                owner,
                &mut paras,
                &mut sink,
                &mut diags,
                &mut item_state,
            );
            owner = Some(next_head);
            item_state = (None, 0);
            if let Some(r) = h.run_in {
                if let Some(last) = lines.get(h.last_line) {
                    cur = Some((r, last.t1));
                    if ends_sentence(last.text) {
                        flush(
                            &mut cur,
                            owner,
                            &mut paras,
                            &mut sink,
                            &mut diags,
                            &mut item_state,
                        );
                    }
                }
            }
            k = h.last_line + 1;
            next_head += 1;
            continue;
        }
        if l.is_blank() {
            flush(
                &mut cur,
                owner,
                &mut paras,
                &mut sink,
                &mut diags,
                &mut item_state,
            );
        } else {
            cur = Some(match cur {
                Some((s, _)) => (s, l.t1),
                None => (l.t0, l.t1),
            });
            if ends_sentence(l.text) {
                flush(
                    &mut cur,
                    owner,
                    &mut paras,
                    &mut sink,
                    &mut diags,
                    &mut item_state,
                );
            }
        }
        k += 1;
    }
    flush(
        &mut cur,
        owner,
        &mut paras,
        &mut sink,
        &mut diags,
        &mut item_state,
    );

    // Headings → nodes.
    let mut flat: Vec<(u8, Heading<'a>, Vec<Paragraph<'a>>)> = heads
        .iter()
        .map(|h| {
            (
                h.level,
                make_heading(src, h, opts, &mut sink, &mut diags),
                Vec::new(),
            )
        })
        .collect();
    let mut preamble = Vec::new();
    for (o, p) in paras {
        match o.and_then(|i| flat.get_mut(i)) {
            Some(entry) => entry.2.push(p),
            None => preamble.push(p),
        }
    }
    let sections = build_sections(flat);

    // Title node.
    let title = match (head.title, head.title_text) {
        (Some((a, b)), Some(text)) => {
            let span = Span::new(
                lines.get(a).map(|l| l.t0).unwrap_or(0),
                lines.get(b).map(|l| l.t1).unwrap_or(0),
            );
            let mut entities = Vec::new();
            if opts.entities {
                inline::scan(src, span, opts, &mut sink);
                entities = std::mem::take(&mut sink.entities);
                sink.quotes.clear();
                diags.append(&mut sink.diagnostics);
            }
            Some(Title {
                text,
                span,
                entities,
            })
        }
        _ => None,
    };

    // Closing node.
    let closing = closing_lines.map(|(first, iss, date, _)| {
        let line = |k: usize| {
            lines.get(k).map(|l| Line {
                text: l.text,
                span: Span::new(l.t0, l.t1),
            })
        };
        let issuers: Vec<Line<'a>> = iss.iter().filter_map(|&k| line(k)).collect();
        let date = date.and_then(|k| lines.get(k)).map(|l| DateLine {
            text: l.text,
            span: Span::new(l.t0, l.t1),
            date: date_line(l),
        });
        let start = lines.get(first).map(|l| l.t0).unwrap_or(0);
        let end = date
            .as_ref()
            .map(|d| d.span.end())
            .or(issuers.last().map(|l| l.span.end()))
            .unwrap_or(start);
        Closing {
            issuers,
            date,
            span: Span::new(start, end),
        }
    });

    diags.sort_by_key(|d| (d.span.start, d.span.end));
    Ok(Document {
        source: src,
        zones: zones_from_kinds(src, &lines, &kinds),
        metadata: head.metadata,
        title,
        preamble,
        sections,
        closing,
        diagnostics: diags,
    })
}

fn make_paragraph<'a>(
    src: &'a str,
    span: Span,
    opts: &Options,
    sink: &mut InlineSink<'a>,
    diags: &mut Vec<Diagnostic>,
    item_state: &mut (Option<crate::ast::ItemStyle>, u32),
) -> Paragraph<'a> {
    let items = block::items(src, span, item_state);
    for it in items.iter().filter(|it| it.inferred) {
        diags.push(Diagnostic::new(
            DiagnosticCode::ItemNumeralLost,
            Span::new(it.span.start(), it.span.start() + it.marker.len()),
            format!("enumeration numeral lost; read as item {}", it.ordinal),
        ));
    }
    let (entities, quotes) = if opts.entities {
        inline::scan(src, span, opts, sink);
        diags.append(&mut sink.diagnostics);
        (
            std::mem::take(&mut sink.entities),
            std::mem::take(&mut sink.quotes),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Paragraph {
        text: span.text(src),
        span,
        sentences: if opts.sentences {
            block::sentences(src, span)
        } else {
            Vec::new()
        },
        items,
        entities,
        quotes,
    }
}

fn make_heading<'a>(
    src: &'a str,
    h: &HeadingCand<'a>,
    opts: &Options,
    sink: &mut InlineSink<'a>,
    diags: &mut Vec<Diagnostic>,
) -> Heading<'a> {
    let mut entities = Vec::new();
    if opts.entities && !h.title.is_empty() {
        inline::scan(src, h.title, opts, sink);
        entities = std::mem::take(&mut sink.entities);
        sink.quotes.clear();
        diags.append(&mut sink.diagnostics);
    }
    let title = match &h.title_text {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim_end_matches(['。', '：', ':', '；', ';'])),
        Cow::Owned(t) => Cow::Owned(t.trim_end_matches(['。', '：', ':', '；', ';']).to_string()),
    };
    Heading {
        level: h.level,
        ordinal: h.ordinal,
        family: h.family,
        marker: h.marker.text(src),
        title,
        title_span: h.title,
        inferred: h.inferred,
        run_in: h.run_in.is_some(),
        span: h.marker.cover(Span::new(h.title.start(), h.end)),
        entities,
    }
}

/// Nest a flat list of (level, heading, paragraphs) with a stack.
fn build_sections<'a>(flat: Vec<(u8, Heading<'a>, Vec<Paragraph<'a>>)>) -> Vec<Section<'a>> {
    let mut roots: Vec<Section<'a>> = Vec::new();
    let mut stack: Vec<Section<'a>> = Vec::new();
    fn close<'a>(stack: &mut Vec<Section<'a>>, roots: &mut Vec<Section<'a>>) {
        if let Some(mut s) = stack.pop() {
            let end = s
                .children
                .last()
                .map(|c| c.span.end)
                .into_iter()
                .chain(s.paragraphs.last().map(|p| p.span.end))
                .max()
                .unwrap_or(s.heading.span.end);
            s.span = Span {
                start: s.heading.span.start,
                end: end.max(s.heading.span.end),
            };
            match stack.last_mut() {
                Some(parent) => parent.children.push(s),
                None => roots.push(s),
            }
        }
    }
    for (level, heading, paragraphs) in flat {
        while stack.last().is_some_and(|s| s.heading.level >= level) {
            close(&mut stack, &mut roots);
        }
        let span = heading.span;
        stack.push(Section {
            heading,
            span,
            paragraphs,
            children: Vec::new(),
        });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

/// Merge line kinds into zones; blank lines join the zone before them (or
/// after them at the start).
fn zones_from_kinds(src: &str, lines: &[LineInfo<'_>], kinds: &[ZoneKind]) -> Vec<Zone> {
    let mut eff: Vec<ZoneKind> = Vec::with_capacity(lines.len());
    let mut last: Option<ZoneKind> = None;
    for (l, k) in lines.iter().zip(kinds) {
        if l.is_blank() {
            eff.push(last.unwrap_or(*k));
        } else {
            eff.push(*k);
            last = Some(*k);
        }
    }
    // Leading blank lines take the kind of the first non-blank line.
    if let Some(first) = lines
        .iter()
        .zip(kinds)
        .find(|(l, _)| !l.is_blank())
        .map(|(_, k)| *k)
    {
        for (e, l) in eff.iter_mut().zip(lines) {
            if !l.is_blank() {
                break;
            }
            *e = first;
        }
    }
    let mut zones: Vec<Zone> = Vec::new();
    for (l, k) in lines.iter().zip(eff) {
        match zones.last_mut() {
            Some(z) if z.kind == k => z.span.end = Span::new(0, l.raw.next).end,
            _ => zones.push(Zone {
                kind: k,
                span: Span::new(l.raw.start, l.raw.next),
            }),
        }
    }
    if let Some(z) = zones.last_mut() {
        z.span.end = Span::new(0, src.len()).end;
    }
    zones
}

//! Zones (SPEC §2) and the assembly of the whole [`Document`]: front
//! chrome, metadata, title, preamble, body, closing, appendix, trailer.

use std::borrow::Cow;

use crate::ast::{
    Closing, DateLine, Document, Heading, Line, MetaField, MetaKey, Paragraph, Section, Subtitle,
    Title, Zone, ZoneKind,
};
use crate::block::{self, LineInfo, ends_sentence, has_sentence_punct};
use crate::entity::Entities;
use crate::error::{Diagnostic, DiagnosticCode, Diags, Error};
use crate::grammar::date_text::{may_start_date, value_date, whole_date};
use crate::grammar::heading::{cn_ordinal, heading_marker, lost_numeral_marker, shi_marker};
use crate::grammar::metadata::metadata_line;
use crate::inline::{self, InlineSink};
use crate::lexicon::{
    BOILERPLATE_LINES, CAPTION_PROSE_WORDS, DATE_CONTINUATIONS, SPAM_WORDS, SPEECH_VERBS,
    TITLE_WORDS, TITLE_WORDS_AC, Where,
};
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
        subtitles: vec![],
        preamble: vec![],
        sections: vec![],
        closing: None,
        appendix: vec![],
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
        && (BOILERPLATE_LINES.matches(l.text, place)
            || place == Where::Front && (caption_like(l) || breadcrumb(l)))
}

/// A breadcrumb trail without its `当前位置` label: `首页>>政府信息公开>>…`,
/// `网站首页 → 信息公开 → …`, `首页 » 政务公开 » …`.
fn breadcrumb(l: &LineInfo<'_>) -> bool {
    let t = ["网站首页", "首页", "主页"]
        .iter()
        .find_map(|h| crate::grammar::fold::strip_prefix_folded(l.text, h))
        .map(|r| r.trim_start_matches(crate::grammar::trivia::pad));
    l.chars_at_most(100) && t.is_some_and(|r| r.starts_with(['>', '＞', '»', '›', '→', '/', '-']))
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
    if lost_numeral_marker(t).is_ok_and(|(rest, _)| tree::heading_like(&l.with_text(rest), 45))
        || cn_ordinal(t).is_ok_and(|(rest, n)| rest.is_empty() && n <= 50)
    {
        return true;
    }
    if salutation_like(t) {
        return true;
    }
    // An addressee line broken by the page (`各省、自治区、直辖市人民政府，…
    // 国务院各部委、` / `各直属机构：`).
    if l.chars_at_most(80)
        && t.starts_with('各')
        && t.ends_with(['、', '，', ','])
        && !t.contains('。')
    {
        return true;
    }
    // The addressee of a report (`县人大常委会：`, a body by name) or its
    // lead-in (`现将有关情况报告如下：`): a title never ends in a colon.
    if l.chars_at_most(60) && !has_sentence_punct(t) {
        if let Some(b) = t.strip_suffix(['：', ':']) {
            if org_named(b) || b.ends_with("如下") {
                return true;
            }
        }
    }
    // A wrapped prose line with no full stop yet: clauses and a figure
    // (`全年全市地区生产总值5623.5亿元，按不变价格计算，比上年增`).
    let prose = l.chars() >= 20
        && t.contains(['，', ','])
        && t.chars().any(|c| c.is_ascii_digit())
        && !has_title_word(t);
    // A lead-in with clauses ending in a colon (`…，现将有关情况报告如下：`,
    // also typed with ASCII `,` `.` `:`).
    let lead_in = l.chars() >= 20 && t.contains(['，', ',']) && t.ends_with(['：', ':']);
    ((has_sentence_punct(t) || ends_sentence(t)) && l.chars() >= 8)
        || l.chars() >= 100
        || prose
        || lead_in
}

fn has_title_word(t: &str) -> bool {
    // In traditional characters (`政府工作報告`) too: folded.
    let found = |t: &str| {
        TITLE_WORDS_AC
            .as_ref()
            .is_some_and(|ac| ac.is_match(crate::grammar::fold::folded(t).as_ref()))
    };
    // A title spaced out for the page layout (`政 府 工 作 报 告`).
    found(t) || t.contains(char::is_whitespace) && found(&compact(t))
}

/// A head line that is metadata without a label: a bare date-time
/// (`2026-02-03 09:02:33`, `2026年02月10日 07时41分`) is the publication
/// date; a document number alone on its line, bracketed or not
/// (`（余府发〔2012〕3号）`, `县政府办发〔2024〕21号`), is the document number.
fn bare_meta(l: &LineInfo<'_>) -> Option<(MetaKey, Span)> {
    let t = l.text;
    if l.chars_at_most(30)
        && (t.contains(['-', ':', '/', '时', '時']) || t.contains(char::is_whitespace))
        && whole_date(t).is_some()
    {
        return Some((MetaKey::PublishedDate, Span::new(l.t0(), l.t1())));
    }
    let doc_number = |inner: &str| {
        l.chars_at_most(40)
            && inner.ends_with(['号', '號'])
            && (inner.contains('〔') && inner.contains('〕')
                || inner.contains('[') && inner.contains(']'))
    };
    let open = t.chars().next().filter(|c| matches!(c, '（' | '('));
    let Some(open) = open else {
        // `县政府办发〔2024〕21号` alone on its line: the issuer code is
        // one word (no padding nor punctuation), the year four digits.
        let plain = doc_number(t)
            && l.chars_at_most(30)
            && t.split(['〔', '[']).next().is_some_and(|code| {
                !code.is_empty() && code.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            })
            && t.split(['〔', '[']).nth(1).is_some_and(|r| {
                r.split(['〕', ']'])
                    .next()
                    .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            });
        return plain.then(|| (MetaKey::DocNumber, Span::new(l.t0(), l.t1())));
    };
    let inner = t.strip_prefix(open)?.strip_suffix(['）', ')'])?;
    doc_number(inner).then(|| {
        let start = l.t0() + open.len_utf8();
        (MetaKey::DocNumber, Span::new(start, start + inner.len()))
    })
}

/// Where a table of contents that starts with the `目录` line at `start`
/// ends: at the first prose line, or at the first entry written again (the
/// real heading, without dot leaders and page numbers).
fn contents_end(lines: &[LineInfo<'_>], start: usize) -> usize {
    let entry = |t: &str| -> String {
        compact(t)
            .trim_end_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '.' | '…' | '·' | '-' | '—' | '．')
            })
            .to_string()
    };
    let mut first: Option<String> = None;
    let mut k = start + 1;
    while let Some(l) = lines.get(k) {
        if !l.is_blank() {
            if has_sentence_punct(l.text) && l.chars() >= 8 && !l.text.contains("……") {
                return k;
            }
            let e = entry(l.text);
            match &first {
                None => first = Some(e),
                Some(f) if *f == e && !f.is_empty() => return k,
                Some(_) => {}
            }
        }
        k += 1;
    }
    start + 1
}

/// A salutation (`各位代表：`, `同志们！`) or an addressee line
/// (`各县（区）人民政府、市直各单位：`): the report's text starts here.
fn salutation_like(t: &str) -> bool {
    let n = t.chars().count();
    // `各位代表：`, and the longer forms of address to a committee
    // (`尊敬的主任、各位副主任、秘书长、各位委员：`).
    let short = n <= 40
        && !t.contains(['。', '，', ','])
        && (t.contains("代表")
            || t.contains("同志")
            || t.contains("各位")
            || t.contains("朋友")
            || t.starts_with("尊敬的"));
    let addressee = n <= 80 && t.starts_with('各') && t.contains(['、', '，']) && !t.contains('。');
    t.ends_with(['：', ':', '！', '!']) && (short || addressee)
}

/// `s` without a trailing footnote mark (`[1]`, `［2］`).
fn strip_footnote(s: &str) -> &str {
    let t = s.trim_end();
    for (open, close) in [('[', ']'), ('［', '］'), ('〔', '〕')] {
        if let Some(inner_end) = t.strip_suffix(close) {
            if let Some(k) = inner_end.rfind(open) {
                let digits = inner_end.get(k + open.len_utf8()..).unwrap_or("");
                if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                    return inner_end.get(..k).unwrap_or(t);
                }
            }
        }
    }
    t
}

/// A subtitle line: `——2026年1月27日在…大会上`, `（2026年1月26日在…会议上）`
/// (traditional `會議`, `大會` too).
fn subtitle_like(t: &str) -> bool {
    t.starts_with(['—', '―', '－'])
        || t.contains('在') && {
            let t = crate::grammar::fold::folded(t);
            t.contains("会议") || t.contains("大会")
        }
}

/// A photo or news caption (`…记者 李森 摄`).
fn caption_like(l: &LineInfo<'_>) -> bool {
    if !l.chars_at_most(60) {
        return false;
    }
    // Traditional captions (`…記者 … 攝`) too: folded.
    let folded = crate::grammar::fold::folded(l.text);
    let t = folded.as_ref();
    // `省长赵刚作政府工作报告`: a `作` that is not part of `工作`, then a report.
    let delivers = t.char_indices().any(|(k, c)| {
        c == '作'
            && t.get(..k).is_some_and(|p| !p.ends_with('工'))
            && t.get(k..).is_some_and(|r| r.contains("报告"))
    });
    t.ends_with('摄')
        || t.contains("记者 ")
        || t.contains("记者\u{3000}")
        || delivers && l.chars_at_most(24) && !has_sentence_punct(t)
}

fn compact(s: &str) -> String {
    compact_chars(s).collect()
}

/// The chars of [`compact`]`(s)`, without building the string.
fn compact_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    strip_footnote(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
}

/// `compact(s) == t`, without building the string (asked of most lines of
/// the head and the tail).
fn compact_eq(s: &str, t: &str) -> bool {
    compact_chars(s).eq(t.chars())
}

/// Find where the text starts, the metadata and the title.
fn head<'a>(
    src: &'a str,
    lines: &[LineInfo<'a>],
    kinds: &mut [ZoneKind],
    diags: &mut Diags,
) -> Head<'a> {
    let n = lines.len();
    let mut metadata = Vec::new();
    let mut is_meta = vec![false; n];
    let mut is_toc = vec![false; n];
    let mut content_start = n;
    let mut i = 0;
    while i < n {
        let Some(l) = lines.get(i) else { break };
        if l.is_blank() {
            i += 1;
            continue;
        }
        if let Some(pairs) = metadata_line(l.text) {
            let base = l.t0();
            let count = pairs.len();
            for (k, p) in pairs.into_iter().enumerate() {
                let mut value_span = Span::new(base + p.value.0, base + p.value.1);
                // A label alone on its line: the value is the next line,
                // unless that line is the report's text (prose, a heading,
                // a salutation or lead-in ending in a colon): a label left
                // empty (`来源：`) takes no paragraph as its value.
                if k + 1 == count && value_span.is_empty() {
                    if let Some(next) = lines.get(i + 1).filter(|x| {
                        !x.is_blank()
                            && x.chars_at_most(60)
                            && !has_sentence_punct(x.text)
                            && !x.text.ends_with(['：', ':', '，', ','])
                            && heading_marker(x.text).is_err()
                            && metadata_line(x.text).is_none()
                            && !is_boilerplate(x, Where::Front)
                    }) {
                        value_span = Span::new(next.t0(), next.t1());
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
        // A table of contents: `目录` and its entries, up to the first
        // prose line or the first entry seen again as the real heading.
        if compact_eq(l.text, "目录") {
            let end = contents_end(lines, i);
            for k in i..end {
                if let Some(t) = is_toc.get_mut(k) {
                    *t = true;
                }
            }
            i = end.max(i + 1);
            continue;
        }
        if let Some((key, value_span)) = bare_meta(l) {
            let value = value_span.text(src);
            // The document number under the title repeats the table's:
            // one field (the line is metadata all the same).
            let seen = metadata
                .iter()
                .any(|m: &MetaField<'_>| m.key == key && compact_eq(m.value, &compact(value)));
            if seen {
                if let Some(m) = is_meta.get_mut(i) {
                    *m = true;
                }
                i += 1;
                continue;
            }
            metadata.push(MetaField {
                key,
                label: "",
                value,
                span: value_span,
                value_span,
                date: (key == MetaKey::PublishedDate)
                    .then(|| value_date(value))
                    .flatten(),
            });
            if let Some(m) = is_meta.get_mut(i) {
                *m = true;
            }
            i += 1;
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
                && l.chars_at_most(12)
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
        // So does a prose line cut right after its figure (`全年完成投资
        // 1256` / `万元，增长12.5%。`).
        let unit_next = lines
            .get(content_start)
            .and_then(|l| l.text.chars().next())
            .is_some_and(|c| matches!(c, '万' | '亿' | '元' | '人' | '个' | '家' | '%' | '％'));
        if lines.get(p).is_some_and(|l| {
            !l.is_blank()
                && (l
                    .text
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
                    || (unit_next
                        && l.text.ends_with(|c: char| c.is_ascii_digit())
                        && !has_title_word(l.text)))
        }) && !is_meta.get(p).copied().unwrap_or(false)
        {
            content_start = p;
        }
    }
    // Title: the metadata title's line, else the last line with a title
    // word (or two adjacent lines that form one), else a lone candidate.
    // Candidate title lines: not blank, metadata, contents or chrome
    // (computed once per head line).
    let cands: Vec<bool> = lines
        .get(..content_start)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(k, l)| {
            !l.is_blank()
                && !is_meta.get(k).copied().unwrap_or(false)
                && !is_toc.get(k).copied().unwrap_or(false)
                && !is_boilerplate(l, Where::Front)
        })
        .collect();
    let cand = |k: usize| -> bool { cands.get(k).copied().unwrap_or(false) };
    let meta_title = metadata
        .iter()
        .find(|m: &&MetaField<'_>| m.key == MetaKey::Title)
        .map(|m| compact(m.value));
    let mut title: Option<(usize, usize)> = None;
    if let Some(mt) = &meta_title {
        title = (0..content_start)
            .rev()
            .find(|&k| cand(k) && lines.get(k).is_some_and(|l| compact_eq(l.text, mt)))
            .map(|k| (k, k));
    }
    if title.is_none() {
        // The head's lines by their compacted text, to find copies.
        let mut head_texts: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for q in 0..content_start {
            if let Some(x) = lines
                .get(q)
                .filter(|x| !x.is_blank() && x.chars_at_most(80))
            {
                head_texts.entry(compact(x.text)).or_default().push(q);
            }
        }
        // Score every candidate; the best wins, the last on ties.
        let mut best: Option<(i32, (usize, usize))> = None;
        for k in 0..content_start {
            let Some(l) = lines.get(k) else { continue };
            // A title never ends in a colon (`全县财政收入情况如下：`).
            if !cand(k) || !l.chars_at_most(80) || l.text.ends_with(['：', ':']) {
                continue;
            }
            let mut range = (k, k);
            let mut text = Cow::Borrowed(l.text);
            if !has_title_word(l.text) {
                // A title split over two lines (`政府工作报` / `告`).
                match lines
                    .get(k + 1)
                    .filter(|nl| nl.chars_at_most(4) && cand(k + 1) && k + 1 < content_start)
                {
                    Some(nl)
                        if nl.chars_at_most(4)
                            && has_title_word(&format!("{}{}", l.text, nl.text)) =>
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
                if pl.chars_at_most(20)
                    && !has_title_word(pl.text)
                    && !pl.text.ends_with(['：', ':'])
                {
                    let j = compact(&format!("{}{}", pl.text, l.text));
                    if head_texts
                        .get(j.as_str())
                        .is_some_and(|qs| qs.iter().any(|&q| q != k && q != p))
                        || meta_title.as_deref() == Some(j.as_str())
                    {
                        range = (p, k);
                    }
                }
                // A 公文 title `发文机关关于事由的文种` broken after `关于…`
                // or after the issuing body (`某市人民政府` / `关于…的报告`).
                let org = ORG_SUFFIXES.iter().any(|s| pl.text.ends_with(s));
                if range == (k, k)
                    && pl.chars_at_most(40)
                    && !has_title_word(pl.text)
                    && !has_sentence_punct(pl.text)
                    && !pl.text.ends_with(['：', ':', '，', ','])
                    && heading_marker(pl.text).is_err()
                    && (pl.text.contains("关于") && !l.text.contains("关于")
                        || org && l.text.starts_with("关于"))
                {
                    range = (p, k);
                }
            }
            let t = text.as_ref();
            let mut score = 2;
            let tc = compact(t);
            if TITLE_WORDS
                .iter()
                .any(|w| crate::grammar::fold::ends_with_folded(&tc, w))
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
                .is_some_and(|l| l.chars_at_most(60) && !has_sentence_punct(l.text))
            {
                title = Some((*only, *only));
            }
        }
    }
    let title_text: Option<Cow<'a, str>> = title.map(|(a, b)| {
        if a == b {
            Cow::Borrowed(strip_footnote(lines.get(a).map(|l| l.text).unwrap_or("")))
        } else {
            if let (Some(la), Some(lb)) = (lines.get(a), lines.get(b)) {
                diags.push(Diagnostic::new(
                    DiagnosticCode::TitleSplit,
                    Span::new(la.t0(), lb.t1()),
                    "title split over several lines, joined",
                ));
            }
            let joined: String = (a..=b)
                .filter_map(|k| lines.get(k))
                .map(|l| l.text)
                .collect();
            Cow::Owned(strip_footnote(&joined).to_string())
        }
    });
    // Line kinds of the head.
    let title_compact = title_text.as_deref().map(compact);
    for k in 0..content_start {
        let Some(kind) = kinds.get_mut(k) else {
            continue;
        };
        let Some(l) = lines.get(k) else { continue };
        *kind = if is_toc.get(k).copied().unwrap_or(false) {
            ZoneKind::Contents
        } else if is_meta.get(k).copied().unwrap_or(false) {
            ZoneKind::Metadata
        } else if let Some((a, b)) = title {
            if (a..=b).contains(&k) {
                ZoneKind::Title
            } else if k > b
                && cand(k)
                && !title_compact
                    .as_deref()
                    .is_some_and(|tc| compact_eq(l.text, tc))
                && (l.chars() >= 2 || l.text.starts_with(['（', '(']))
                && !(whole_date(l.text).is_some() && l.text.contains(['-', ':', '/']))
            {
                // Subtitles, speaker and date lines under the title.
                ZoneKind::Title
            } else {
                if !l.is_blank()
                    && title_compact
                        .as_deref()
                        .is_some_and(|tc| compact_eq(l.text, tc))
                {
                    diags.push(Diagnostic::new(
                        DiagnosticCode::DuplicateTitle,
                        Span::new(l.t0(), l.t1()),
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
    /// How many chrome-like lines may stand between two boilerplate lines
    /// (footer link lists); also bounds the scan on documents without a
    /// trailer.
    const MAX_GAP: usize = 120;
    let n = lines.len();
    let mut t = n;
    let title = title.map(compact);
    let mut gap = 0;
    let mut i = n;
    while i > lo && gap <= MAX_GAP {
        i -= 1;
        let Some(l) = lines.get(i) else { break };
        if l.is_blank() {
            continue;
        }
        let is_title_copy = title
            .as_deref()
            .is_some_and(|tt| l.chars_at_most(80) && compact_eq(l.text, tt));
        if is_boilerplate(l, Where::Trailer) || is_title_copy {
            t = i;
            gap = 0;
            continue;
        }
        let chrome_like = heading_marker(l.text).is_err()
            && (l.chars_at_most(3)
                || l.chars_at_most(40)
                    && !has_sentence_punct(l.text)
                    && value_date(l.text).is_none());
        if chrome_like {
            gap += 1;
            continue;
        }
        break;
    }
    t
}

/// Is the whole line a date (`2022年1月28日`, `二〇二六年一月二十七日`), possibly in brackets?
pub(crate) fn date_line(l: &LineInfo<'_>) -> Option<crate::value::Date> {
    if !l.chars_at_most(24) {
        return None;
    }
    let t = l.text.trim_matches(['（', '(', '）', ')']);
    // Both readings below need a date's first char first (most lines
    // start with a word).
    if !(t.trim_start().chars().next().is_some_and(may_start_date)
        || compact_chars(t).next().is_some_and(may_start_date))
    {
        return None;
    }
    // `2024 年 3 月 1 日`: a date spaced out for the page layout.
    // (A spaced line is compacted only when it starts like a date.)
    let d = whole_date(t).or_else(|| {
        (t.contains([' ', '\u{3000}', '\u{a0}'])
            && compact_chars(t).next().is_some_and(may_start_date))
        .then(|| whole_date(&compact(t)))
        .flatten()
    })?;
    (d.year.is_some() && d.month.is_some()).then_some(d)
}

fn issuer_like(l: &LineInfo<'_>) -> bool {
    // A labelled signature (`述职人：李明`, `报告单位：县财政局`): the
    // label names who signs, the value is checked like a bare issuer.
    let value = l
        .text
        .split_once(['：', ':'])
        .filter(|(label, _)| {
            label.chars().count() <= 5
                && (label.ends_with('人') || label.ends_with("单位") || label.ends_with("机关"))
        })
        .map_or(l.text, |(_, v)| v.trim_matches(crate::grammar::trivia::pad));
    !l.is_blank()
        && !value.is_empty()
        && l.chars_at_most(30)
        && !value.contains(['。', '，', ',', '；', '：', ':', '！', '？', '、'])
        && !closing_formula(value)
        && heading_marker(l.text).is_err()
        && date_line(l).is_none()
        // `县卫健委　　2024年3月2日`: a row of a table of bodies and dates.
        && !value_date_in(value)
}

/// A signature on one line: the issuing body, padding, then the date
/// (`某某县人民政府　　2024年1月5日`, the two right-aligned on one line by
/// the page). Returns the issuer and the date, each trimmed; the split is
/// at the first run of padding after which the rest of the line is a whole
/// date, so a date spaced out for the layout (`2024 年 1 月 5 日`) stays
/// whole.
fn issuer_and_date<'b>(l: &LineInfo<'b>) -> Option<(&'b str, &'b str)> {
    let pad = crate::grammar::trivia::pad;
    if !l.chars_at_most(48) {
        return None;
    }
    // `某县人民政府　　2024年1月5日　　（盖章）`: a seal note after the date.
    let t = without_seal(l.text);
    let mut after_pad = false;
    for (k, c) in t.char_indices() {
        if !pad(c) {
            after_pad = false;
            continue;
        }
        if after_pad {
            continue;
        }
        after_pad = true;
        let issuer = t.get(..k).unwrap_or("").trim_end_matches(pad);
        let date = t.get(k..).unwrap_or("").trim_start_matches(pad);
        if date.is_empty() || issuer.is_empty() {
            continue;
        }
        // `某县人民政府（盖章）`: the seal note is not the issuer's.
        let issuer = without_seal(issuer);
        if org_named(issuer)
            && date_line(&l.with_text(date)).is_some()
            && issuer_like(&l.with_text(issuer))
        {
            return Some((issuer, date));
        }
    }
    None
}

/// Does `t` end like the name of an organisation (`政府`, `局`, `委员会`
/// …, brackets aside)?
fn org_named(t: &str) -> bool {
    let t = t.trim_matches(['（', '(', '）', ')']);
    ORG_SUFFIXES.iter().any(|s| t.ends_with(s))
}

/// `t` without a seal note at its end (`某县人民政府（盖章）`).
fn without_seal(t: &str) -> &str {
    let pad = crate::grammar::trivia::pad;
    t.strip_suffix(['）', ')'])
        .and_then(|r| r.rfind(['（', '(']).map(|o| (r, o)))
        .filter(|&(_, o)| t.get(o..).is_some_and(seal_text))
        .and_then(|(r, o)| r.get(..o))
        .map_or(t, |i| i.trim_end_matches(pad))
}

/// The formula that ends a report or a letter (`特此报告`, `特此通知`,
/// `专此报告`, `此复`, `此致`, `敬礼`): the body's last words, not who
/// signs, even when written without a full stop.
fn closing_formula(t: &str) -> bool {
    t.starts_with("特此")
        || t.starts_with("专此")
        || t.starts_with("專此")
        || matches!(t, "此复" | "此覆" | "此致" | "敬礼" | "此致敬礼")
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

/// A seal or signature note in a signature block: `（盖章）`, `（公章）`,
/// `(签字盖章)`.
fn seal_note(l: &LineInfo<'_>) -> bool {
    l.chars_at_most(8) && seal_text(l.text)
}

/// Is `t` a seal note, brackets and all (`（盖章）`, `(签字盖章)`)?
fn seal_text(t: &str) -> bool {
    let inner = t.trim_matches(|c: char| {
        matches!(c, '（' | '(' | '）' | ')') || crate::grammar::trivia::pad(c)
    });
    !inner.is_empty()
        && inner.len() < t.len()
        && inner.chars().all(|c| {
            matches!(
                c,
                '盖' | '章' | '印' | '公' | '签' | '字' | '名' | '单' | '位' | '及' | '和' | '、'
            )
        })
        && (inner.contains('章') || inner.contains('签'))
}

/// A line that may follow the signature block and belongs to it: a
/// publication note `（此件公开发布）`, a seal note, a contact line
/// (`联系人：…`, `联系电话：…`, bracketed or not), the distribution lines
/// of a 公文 (`抄送：…`, `…2024年1月5日印发`).
fn closing_note(l: &LineInfo<'_>) -> bool {
    let t = l.text.trim_start_matches(['（', '(']);
    let bracketed = t.len() < l.text.len();
    bracketed && t.contains("此件")
        || seal_note(l)
        || l.chars_at_most(80)
            && (t.starts_with("联系人") || t.starts_with("联系电话") || t.starts_with("联系方式"))
            && t.contains(['：', ':'])
        || t.starts_with("抄送") && t.contains(['：', ':'])
        || l.chars_at_most(60) && l.text.ends_with("印发") && value_date_in(l.text)
}

/// Does the text hold a date (`2024年1月5日`, `2024-01-05`) somewhere?
fn value_date_in(t: &str) -> bool {
    t.contains('年') && t.contains('月') || t.chars().filter(char::is_ascii_digit).count() >= 6
}

/// The parts of a line holding several issuing bodies side by side,
/// separated by runs of two or more spaces; a single part when any part
/// does not end like a body (`政府`, `局`, `办公室` …).
fn side_by_side(t: &str) -> Vec<&str> {
    let pad = crate::grammar::trivia::pad;
    let mut parts = Vec::new();
    let mut start = None;
    let mut gap = 0;
    let mut last_end = 0;
    for (k, c) in t.char_indices() {
        if pad(c) {
            gap += 1;
            continue;
        }
        match start {
            None => start = Some(k),
            Some(s0) if gap >= 2 => {
                if let Some(p) = t.get(s0..last_end) {
                    parts.push(p);
                }
                start = Some(k);
            }
            _ => {}
        }
        gap = 0;
        last_end = k + c.len_utf8();
    }
    if let Some(p) = start.and_then(|s0| t.get(s0..last_end)) {
        parts.push(p);
    }
    let all_bodies = parts.len() > 1
        && parts
            .iter()
            .all(|p| p.chars().count() >= 3 && ORG_SUFFIXES.iter().any(|s| p.ends_with(s)));
    if all_bodies { parts } else { vec![t] }
}

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
    // Trailing notes belong to the block: `（此件公开发布）`, a seal note
    // `（盖章）`, a contact line `（联系人：李明　联系电话：…）`, the
    // distribution lines `抄送：…` / `…办公室　2024年1月5日印发`.
    let mut tail = 0;
    while tail < 4 && lines.get(i).is_some_and(closing_note) {
        i = prev_nonblank(i)?;
        tail += 1;
    }
    let l = lines.get(i)?;
    let mut issuers = Vec::new();
    // The issuer and the date on one line, unless the line above is one
    // too (rows of a table of bodies and dates, not a signature).
    let same_line = date_line(l).is_none()
        && issuer_and_date(l).is_some()
        && prev_nonblank(i)
            .and_then(|p| lines.get(p))
            .is_none_or(|p| issuer_and_date(p).is_none());
    let date = if date_line(l).is_some() || same_line {
        let d = i;
        let mut k = i;
        // The line holds the (last) issuer too.
        if same_line {
            issuers.push(i);
        }
        while issuers.len() < 3 {
            match prev_nonblank(k) {
                // A seal note or a publication note (`（此件公开发布）`)
                // between the issuer and the date is no issuer.
                Some(p) if lines.get(p).is_some_and(closing_note) => k = p,
                // Above a one-line signature, only bodies by name (not a
                // table's header row `检查单位　　检查时间`).
                Some(p)
                    if lines
                        .get(p)
                        .is_some_and(|x| issuer_like(x) && (!same_line || org_named(x.text))) =>
                {
                    issuers.push(p);
                    k = p;
                }
                _ => break,
            }
        }
        Some(d)
    } else if issuer_like(l) && org_named(l.text) && l.chars_at_most(20) {
        issuers.push(i);
        None
    } else {
        return None;
    };
    issuers.reverse();
    let first = issuers.first().copied().or(date)?;
    Some((first, issuers, date))
}

/// Does a line go on with the sentence of a date on the line before it
/// (`，…`, `至7日，…`, `底，…`, `以来，…`, `起施行。`, `上午，…`)? The starts
/// are LEXICON(date_continuations).
fn continues_date(t: &str) -> bool {
    DATE_CONTINUATIONS.iter().any(|w| t.starts_with(w))
}

/// A table or figure caption starting at line `k` (before line `end`):
/// `表1  2022年年末常住人口数及其构成`, `图 3：…`, `图表1-2 …`, or split
/// over lines by a page that puts each text node on a line of its own
/// (`表` / `1  title`, `表1` / `title`, `表` / `1` / `title`). Returns the
/// caption's last line. The number (digits, `1-1` / `2.1` parts, or
/// `一`..`十`) is followed by padding, a colon, a dot or a line end, then a
/// title of 2 to 50 chars with no sentence or clause punctuation outside a
/// trailing `（单位：万吨，%）` note. Prose is not a caption: `表1显示，…`
/// (no separator), `表 1 和表 2 中的…` (a title starting with a function
/// word).
#[inline]
fn caption_lines(lines: &[LineInfo<'_>], k: usize, end: usize) -> Option<usize> {
    let pad = crate::grammar::trivia::pad;
    let l = lines.get(k)?;
    // `表` is `E8 A1 A8`, `图` `E5 9B BE`: most lines are answered by
    // their first byte.
    if !matches!(l.text.as_bytes().first(), Some(0xe8 | 0xe5)) {
        return None;
    }
    let rest = l
        .text
        .strip_prefix("图表")
        .or_else(|| l.text.strip_prefix(['表', '图']))?;
    // The next line of the caption, when the page broke it there.
    let mut last = k;
    let next_line = |last: &mut usize| {
        let n = *last + 1;
        let line = lines.get(n).filter(|x| n < end && !x.is_blank())?;
        *last = n;
        Some(line.text)
    };
    let mut rest = rest.trim_start_matches(pad);
    if rest.is_empty() {
        rest = next_line(&mut last)?;
    }
    // The number with its `-`/`.` parts, else its first digits alone
    // (`表1.2022年…`: a dot after the number, then the title).
    let (long, short) = caption_number(rest);
    let numerals = [long, short];
    let title = numerals.iter().filter(|&&n| n > 0).find_map(|&n| {
        let after = rest.get(n..)?;
        match after.strip_prefix(['：', ':', '.', '．', '、']) {
            Some(t) => Some(t),
            None if after.is_empty() || after.starts_with(pad) => Some(after),
            None => None,
        }
    })?;
    let mut title = title.trim_start_matches(pad);
    if title.is_empty() {
        title = next_line(&mut last)?;
    }
    // A unit note closing the title may hold commas: `（单位：万吨，%）`.
    let bare = match title.strip_suffix(['）', ')']) {
        Some(t) => t
            .rfind(['（', '('])
            .and_then(|o| t.get(..o))
            .unwrap_or(title),
        None => title,
    };
    let chars = title.chars().count();
    let function_word = CAPTION_PROSE_WORDS.iter().any(|w| title.starts_with(w));
    ((2..=50).contains(&chars)
        && !function_word
        && !bare.contains(['。', '！', '？', '；', ';', '，', ',']))
    .then_some(last)
}

/// The length of a caption's number at the start of `s`: with its
/// `-`/`.` parts (`1-1`, `2.1`, fullwidth digits too), and without them;
/// a CJK ordinal ([`cn_ordinal`]: `表一`, `表十二`) for both. 0 when there is none.
fn caption_number(s: &str) -> (usize, usize) {
    let is_num = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let digits = s.len() - s.trim_start_matches(is_num).len();
    if digits == 0 {
        let n = cn_ordinal(s).map_or(0, |(r, _)| s.len() - r.len());
        return (n, n);
    }
    let mut n = digits;
    while let Some(after) = s
        .get(n..)
        .and_then(|r| r.strip_prefix(['-', '－', '.', '．']))
    {
        let more = after.len() - after.trim_start_matches(is_num).len();
        if more == 0 {
            break;
        }
        n = s.len() - after.len() + more;
    }
    (n, digits)
}

/// Lines that start an appendix, glossary or notes zone.
fn appendix_marker(l: &LineInfo<'_>) -> bool {
    let t = l.text;
    use crate::grammar::fold::{simplified, strip_prefix_folded};
    let t2 = t.trim_start_matches(['【', '[', '［']);
    // Compared through the traditional fold (`附錄`, `名詞解釋`); most
    // lines start with none of the words' first chars.
    if !t2
        .chars()
        .next()
        .is_some_and(|c| matches!(simplified(c), '附' | '名' | '注' | '资' | '说'))
    {
        return false;
    }
    let bare = t2.trim_end_matches(['：', ':', '】', ']', '］']);
    let marked = ["附件", "附录", "附表", "附："]
        .iter()
        .any(|w| strip_prefix_folded(t2, w).is_some())
        || [
            "名词解释",
            "注释",
            "注",
            "资料来源",
            "说明",
            "附",
            "名词注释",
            "注解",
        ]
        .iter()
        .any(|w| strip_prefix_folded(bare, w) == Some(""));
    // A sentence citing an attachment is body text (`附件1所列项目全部
    // 开工。`, `附表1显示，…`); a list of attachments after a colon may
    // hold commas (`附件：1.名单，2.清单`).
    marked
        && l.chars_at_most(40)
        && !(has_sentence_punct(t) || t.contains(['，', ',']) && !t.contains(['：', ':']))
}

/// `注：1.本公报中…` / `注释：①…`: a notes label with its first numbered
/// note on the same line starts the notes zone, when no `一、` heading
/// follows (a note under a table inside the body is a paragraph).
fn inline_notes(lines: &[LineInfo<'_>], k: usize, end: usize) -> bool {
    let Some(l) = lines.get(k) else { return false };
    let Some(rest) = ["注释", "注解", "注", "说明"]
        .iter()
        .find_map(|w| l.text.strip_prefix(w))
        .and_then(|r| r.strip_prefix(['：', ':']))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(crate::grammar::trivia::pad);
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let digits_then = |t: &str, ends: &[char]| {
        let d = t.len() - t.trim_start_matches(is_digit).len();
        d > 0 && t.get(d..).is_some_and(|r| r.starts_with(ends))
    };
    let numbered = rest.starts_with('①')
        || rest
            .strip_prefix(['（', '('])
            .is_some_and(|r| digits_then(r, &['）', ')']))
        || digits_then(rest, &['.', '．', '、']);
    numbered
        && !(k + 1..end).any(|q| {
            lines.get(q).is_some_and(|x| {
                crate::grammar::heading::heading_marker(x.text).is_ok_and(|(_, m)| {
                    matches!(
                        m.family,
                        crate::ast::MarkerFamily::Cn | crate::ast::MarkerFamily::Part
                    )
                })
            })
        })
}

/// `附件：1.…` followed by numbered attachment titles, with a later
/// `附件1` line: the notice's own list of attachments (附件说明), which
/// stays in the body; the appendix starts at the later line.
fn attachment_list(lines: &[LineInfo<'_>], k: usize, end: usize) -> bool {
    let Some(l) = lines.get(k) else { return false };
    let Some(rest) = l
        .text
        .strip_prefix("附件")
        .and_then(|r| r.strip_prefix(['：', ':']))
    else {
        return false;
    };
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    // `1.标题`: a number, a dot or comma, then text.
    let numbered = |t: &str| {
        let d = t.len() - t.trim_start_matches(is_digit).len();
        d > 0
            && t.get(d..)
                .is_some_and(|r| r.starts_with(['.', '．', '、']) && r.chars().count() > 1)
    };
    let next_list = (k + 1..end)
        .find(|&q| lines.get(q).is_some_and(|x| !x.is_blank()))
        .and_then(|q| lines.get(q))
        .is_some_and(|x| numbered(x.text) && x.chars_at_most(60));
    let numbered_appendix_later = (k + 1..end).any(|q| {
        lines.get(q).is_some_and(|x| {
            appendix_marker(x)
                && x.text.trim_start_matches("附件").starts_with(|c: char| {
                    is_digit(c) || matches!(c, '一' | '二' | '三' | '四' | '五')
                })
        })
    });
    // `附件：自查表` above the signature (`…局` / `2024年2月26日`) and the
    // attachment itself after it (`附件`): the note stays in the body.
    let signed_before_later = || {
        (k + 1..end).any(|d| {
            lines.get(d).is_some_and(|x| date_line(x).is_some())
                && (d + 1..end).any(|q| {
                    lines
                        .get(q)
                        .is_some_and(|x| appendix_marker(x) && x.text.starts_with("附件"))
                })
        })
    };
    (numbered(rest) || rest.is_empty() && next_list) && numbered_appendix_later
        || !rest.trim_matches(crate::grammar::trivia::pad).is_empty()
            && l.chars_at_most(40)
            && signed_before_later()
}

/// Injected spam lines inside the text (lines `lo..hi`): short lines (link
/// text pasted into the page), not paragraphs of prose. One search over
/// each run of short lines (no spam word holds a line end, so a match lies
/// inside one line, and a long line is never flagged), one diagnostic per
/// line.
fn injected_lines(src: &str, lines: &[LineInfo<'_>], lo: usize, hi: usize, diags: &mut Diags) {
    let short = |k: usize| lines.get(k).is_some_and(|l| l.text.len() <= MAX_SPAM_LINE);
    let mut k = lo;
    while k < hi {
        if !short(k) {
            k += 1;
            continue;
        }
        let j = (k..hi).find(|&j| !short(j)).unwrap_or(hi);
        flag_spam_lines(src, lines, k, j, diags);
        k = j;
    }
}

/// One search for spam words over `lines[lo..hi]`, one diagnostic per
/// short line holding a match.
fn flag_spam_lines(src: &str, lines: &[LineInfo<'_>], lo: usize, hi: usize, diags: &mut Diags) {
    let (Some(ac), Some(first), Some(last)) = (
        SPAM_WORDS.as_ref(),
        lines.get(lo),
        hi.checked_sub(1).and_then(|k| lines.get(k)),
    ) else {
        return;
    };
    let base = first.raw().start;
    let text = src.get(base..last.raw().end).unwrap_or("");
    let mut last_line = usize::MAX;
    ac.for_each_start(text, |m| {
        let at = base + m;
        let q = lines.partition_point(|l| l.raw().next <= at);
        if q != last_line {
            if let Some(l) = lines.get(q).filter(|l| l.text.len() <= MAX_SPAM_LINE) {
                diags.push(Diagnostic::new(
                    DiagnosticCode::InjectedLine,
                    Span::new(l.t0(), l.t1()),
                    "a line that looks injected (spam) inside the report",
                ));
            }
            last_line = q;
        }
    });
}

/// [`injected_lines`] with one search over all the lines (the tested
/// reference for its split into runs of short lines).
#[cfg(test)]
fn injected_lines_reference(
    src: &str,
    lines: &[LineInfo<'_>],
    lo: usize,
    hi: usize,
    diags: &mut Diags,
) {
    flag_spam_lines(src, lines, lo, hi, diags);
}

/// The longest line (bytes of trimmed text) flagged as injected spam.
const MAX_SPAM_LINE: usize = 240;

/// Parse a document: zones, metadata, title, sections, closing.
pub(crate) fn parse_document<'a>(src: &'a str, opts: &Options) -> Result<Document<'a>, Error> {
    let mut diags = Diags::new(opts.max_diagnostics);
    // One walk for the artefacts and the line ends.
    let ends = artefacts::scan(src, &mut diags);
    let lines = block::lines_at(src, &ends);
    drop(ends);
    let n = lines.len();
    let mut kinds = vec![ZoneKind::Body; n];
    let head = head(src, &lines, &mut kinds, &mut diags);
    let cs = head.content_start;

    // Tail: trailer chrome, closing, appendix.
    let ts = trailer_start(&lines, cs, head.title_text.as_deref());
    let mut body_end = ts;
    let mut closing_lines: Option<(usize, Vec<usize>, Option<usize>, usize)> = None;
    let appendix = (cs + 1..ts).find(|&k| {
        lines.get(k).is_some_and(appendix_marker) && !attachment_list(&lines, k, ts)
            || inline_notes(&lines, k, ts)
    });
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
    // Page chrome (`相关解读：` and its links) between the body and an
    // appendix or notes zone.
    if let Some(a) = appendix.filter(|&a| a == body_end) {
        let mut k = a;
        let mut chrome_from = a;
        while k > cs {
            k -= 1;
            let Some(l) = lines.get(k) else { break };
            if l.is_blank() {
                continue;
            }
            if is_boilerplate(l, Where::Trailer) {
                chrome_from = k;
                continue;
            }
            if l.chars_at_most(40) && !has_sentence_punct(l.text) && k + 4 > chrome_from {
                continue;
            }
            break;
        }
        for q in chrome_from..a {
            if let Some(kind) = kinds.get_mut(q) {
                *kind = ZoneKind::TrailerChrome;
            }
        }
        body_end = chrome_from;
    }
    for k in body_end..n {
        if k < appendix.unwrap_or(n) && kinds.get(k) == Some(&ZoneKind::TrailerChrome) {
            continue;
        }
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

    injected_lines(src, &lines, cs, body_end, &mut diags);

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
    let mut sink = InlineSink::with_cap(opts.max_diagnostics);
    sink.cr_free = memchr::memchr(b'\r', src.as_bytes()).is_none();
    // Buffers a paragraph's walk fills, kept for the next paragraph.
    let mut scratch = block::Scratch::default();
    // Every paragraph holds a non-blank line of the body of its own: their
    // count bounds the paragraphs', so the list is never regrown (each
    // regrowth copied every paragraph so far).
    let body_lines = lines
        .get(cs..body_end)
        .map_or(0, |b| b.iter().filter(|l| !l.is_blank()).count());
    let mut paras: Vec<(Option<usize>, Paragraph<'a>)> = Vec::with_capacity(body_lines);
    let mut owner: Option<usize> = None;
    let mut next_head = 0;
    let mut cur: Option<(usize, usize)> = None; // (start, end) abs
    let mut item_state = (None, 0);
    let flush = |cur: &mut Option<(usize, usize)>,
                 owner: Option<usize>,
                 paras: &mut Vec<(Option<usize>, Paragraph<'a>)>,
                 sink: &mut InlineSink<'a>,
                 diags: &mut Diags,
                 item_state: &mut (Option<crate::ast::ItemStyle>, u32),
                 scratch: &mut block::Scratch| {
        if let Some((s, e)) = cur.take() {
            paras.push((
                owner,
                make_paragraph(src, Span::new(s, e), opts, sink, diags, item_state, scratch),
            ));
        }
    };
    // The first line of the text after the head (title, metadata).
    let first_text_line = (cs..body_end).find(|&q| lines.get(q).is_some_and(|x| !x.is_blank()));
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
                &mut scratch,
            );
            owner = Some(next_head);
            item_state = (None, 0);
            if let Some(r) = h.run_in {
                if let Some(last) = lines.get(h.last_line) {
                    cur = Some((r, last.t1()));
                    if ends_sentence(last.text) {
                        flush(
                            &mut cur,
                            owner,
                            &mut paras,
                            &mut sink,
                            &mut diags,
                            &mut item_state,
                            &mut scratch,
                        );
                    }
                }
            }
            k = h.last_line + 1;
            next_head += 1;
            continue;
        }
        if let Some(last) = caption_lines(&lines, k, body_end).filter(|&e| {
            // Not a heading's line (a caption broken over two lines does
            // not run into one).
            heads.get(next_head).is_none_or(|h| h.first_line > e)
        }) {
            // A table or figure caption is a paragraph of its own, never
            // glued to the prose before or after it.
            flush(
                &mut cur,
                owner,
                &mut paras,
                &mut sink,
                &mut diags,
                &mut item_state,
                &mut scratch,
            );
            cur = lines.get(last).map(|e| (l.t0(), e.t1()));
            flush(
                &mut cur,
                owner,
                &mut paras,
                &mut sink,
                &mut diags,
                &mut item_state,
                &mut scratch,
            );
            k = last + 1;
            continue;
        }
        if l.is_zero_width(src) {
            // A line of zero-width chars alone is no paragraph break (a
            // page converted from wiki markup puts one inside a sentence).
        } else if l.is_blank() {
            flush(
                &mut cur,
                owner,
                &mut paras,
                &mut sink,
                &mut diags,
                &mut item_state,
                &mut scratch,
            );
        } else {
            cur = Some(match cur {
                Some((s, _)) => (s, l.t1()),
                None => (l.t0(), l.t1()),
            });
            let lead_in = || {
                lines
                    .get(k + 1)
                    .is_some_and(|n| block::leads_into_items(l.text, n.text))
            };
            // A whole-line date starting a paragraph (the date under a
            // notice, before the rules it issues) is one of its own, unless
            // the next line goes on with the sentence (`，…` / `、…`).
            // A whole-line date starting a paragraph, or right under the
            // one issuer line that starts it (the signature under a notice,
            // before the title of the rules it issues), is a paragraph of
            // its own, unless the next line goes on with the sentence.
            let lone_date = || {
                // The cheap test first: most lines are no date (or too
                // long to be one).
                date_line(l).is_some()
                    && cur.is_some_and(|(s, _)| {
                        s == l.t0()
                            || k > 0
                                && lines.get(k - 1).is_some_and(|p| {
                                    p.t0() == s && org_named(p.text) && issuer_like(p)
                                })
                    })
                    && lines.get(k + 1).is_none_or(|n| !continues_date(n.text))
            };
            // The salutation or addressee line opening the text
            // (`各位代表：`, `各县（区）人民政府，市直各单位：`) is a paragraph of
            // its own, also on a page with no blank lines; not a line that
            // introduces a quotation (`…指出：` / `“…”`).
            // (An addressee broken over lines ending in `、`/`，` ends
            // on its colon line.)
            let opens_text = || {
                first_text_line.is_some_and(|f| {
                    k == f
                        || k <= f + 2
                            && cur.is_some_and(|(s, _)| lines.get(f).is_some_and(|x| x.t0() == s))
                            && (f..k).all(|q| {
                                lines
                                    .get(q)
                                    .is_some_and(|x| x.text.ends_with(['、', '，', ',']))
                            })
                })
            };
            let salutation = || {
                owner.is_none()
                    && opens_text()
                    && l.text.ends_with(['：', ':'])
                    && l.chars_at_most(60)
                    && !has_sentence_punct(l.text)
                    && !SPEECH_VERBS.iter().any(|v| {
                        l.text
                            .strip_suffix(['：', ':'])
                            .is_some_and(|t| t.ends_with(v))
                    })
                    && lines
                        .get(k + 1)
                        .is_none_or(|n| !n.text.starts_with(['“', '「', '‘', '"']))
            };
            if ends_sentence(l.text) || lead_in() || lone_date() || salutation() {
                flush(
                    &mut cur,
                    owner,
                    &mut paras,
                    &mut sink,
                    &mut diags,
                    &mut item_state,
                    &mut scratch,
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
        &mut scratch,
    );

    // Appendix, glossary and notes zones: paragraphs (their numbered
    // lines are not sections), scanned for entities like the body.
    let mut appendix_paras: Vec<Paragraph<'a>> = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    let mut item_state = (None, 0);
    for k in body_end..n {
        let Some(l) = lines.get(k) else { break };
        let in_appendix = kinds.get(k) == Some(&ZoneKind::Appendix);
        if !in_appendix || l.is_blank() {
            if let Some((s0, e0)) = cur.take() {
                appendix_paras.push(make_paragraph(
                    src,
                    Span::new(s0, e0),
                    opts,
                    &mut sink,
                    &mut diags,
                    &mut item_state,
                    &mut scratch,
                ));
            }
            continue;
        }
        cur = Some(match cur {
            Some((s0, _)) => (s0, l.t1()),
            None => (l.t0(), l.t1()),
        });
        if ends_sentence(l.text) {
            if let Some((s0, e0)) = cur.take() {
                appendix_paras.push(make_paragraph(
                    src,
                    Span::new(s0, e0),
                    opts,
                    &mut sink,
                    &mut diags,
                    &mut item_state,
                    &mut scratch,
                ));
            }
        }
    }
    if let Some((s0, e0)) = cur.take() {
        appendix_paras.push(make_paragraph(
            src,
            Span::new(s0, e0),
            opts,
            &mut sink,
            &mut diags,
            &mut item_state,
            &mut scratch,
        ));
    }

    // Headings → nodes, streamed into the tree: each heading is made and
    // given its paragraphs as the tree builder takes it, so no flat list
    // of nodes exists next to the tree.
    let levels: Vec<u8> = heads.iter().map(|h| h.level).collect();
    // Exact capacities: a section holds few paragraphs, and a list grown
    // by pushing would hold room for at least four.
    let mut counts = vec![0usize; heads.len()];
    let mut in_preamble = 0;
    for (o, _) in &paras {
        match o.and_then(|i| counts.get_mut(i)) {
            Some(c) => *c += 1,
            None => in_preamble += 1,
        }
    }
    let mut preamble = Vec::with_capacity(in_preamble);
    let mut paras_it = paras.into_iter().peekable();
    let nodes = heads.iter().enumerate().map(|(i, h)| {
        let heading = make_heading(src, h, opts, &mut sink, &mut diags);
        let mut own = Vec::with_capacity(counts.get(i).copied().unwrap_or(0));
        // Owners ascend through the text (None, the preamble, first).
        while let Some((o, _)) = paras_it.peek() {
            match *o {
                Some(x) if x > i => break,
                Some(_) => own.extend(paras_it.next().map(|(_, p)| p)),
                None => preamble.extend(paras_it.next().map(|(_, p)| p)),
            }
        }
        (h.level, heading, own)
    });
    let sections = build_sections(&levels, nodes);
    drop(heads);
    preamble.extend(paras_it.map(|(_, p)| p));

    // Title node.
    let title = match (head.title, head.title_text) {
        (Some((a, b)), Some(text)) => {
            let span = Span::new(
                lines.get(a).map(|l| l.t0()).unwrap_or(0),
                lines.get(b).map(|l| l.t1()).unwrap_or(0),
            );
            Some(Title {
                text,
                span,
                entities: line_entities(src, span, opts, &mut sink, &mut diags),
            })
        }
        _ => None,
    };
    // Subtitle nodes: the other lines of the title zone.
    let title_lines = head.title.map(|(a, b)| a..=b);
    let subtitles: Vec<Subtitle<'a>> = lines
        .iter()
        .enumerate()
        .take(head.content_start)
        .filter(|&(k, l)| {
            kinds.get(k) == Some(&ZoneKind::Title)
                && !l.is_blank()
                && !title_lines.as_ref().is_some_and(|r| r.contains(&k))
        })
        .map(|(_, l)| {
            let span = Span::new(l.t0(), l.t1());
            Subtitle {
                text: l.text,
                span,
                entities: line_entities(src, span, opts, &mut sink, &mut diags),
            }
        })
        .collect();

    // Closing node.
    let closing = closing_lines.map(|(first, iss, date, _)| {
        // The issuer and the date on one line (see `issuer_and_date`).
        let shared = date
            .filter(|d| iss.contains(d))
            .and_then(|d| lines.get(d))
            .and_then(issuer_and_date);
        let line = |k: usize| {
            lines.get(k).map(|l| {
                let own = match shared {
                    Some((issuer, _)) if Some(k) == date => issuer,
                    _ => l.text,
                };
                // `（万载县统计局）`: the issuer without its brackets.
                let inner = own
                    .strip_prefix(['（', '('])
                    .and_then(|t| t.strip_suffix(['）', ')']))
                    .unwrap_or(own);
                let start = Span::of_sub(l.text, inner, l.t0());
                Line {
                    text: inner,
                    span: start,
                }
            })
        };
        // Two issuers side by side on one line (`中共某县委办公室　　某县人民
        //政府办公室`): one issuer each, when every part names a body.
        let issuers: Vec<Line<'a>> = iss
            .iter()
            .filter_map(|&k| line(k))
            .flat_map(|l| {
                let parts = side_by_side(l.text);
                if parts.len() > 1 {
                    parts
                        .into_iter()
                        .map(|p| Line {
                            text: p,
                            span: Span::of_sub(l.text, p, l.span.start()),
                        })
                        .collect()
                } else {
                    vec![l]
                }
            })
            .collect();
        let date = date.and_then(|k| lines.get(k)).map(|l| match shared {
            Some((_, d)) => DateLine {
                text: d,
                span: Span::of_sub(l.text, d, l.t0()),
                date: date_line(&l.with_text(d)),
            },
            None => DateLine {
                text: l.text,
                span: Span::new(l.t0(), l.t1()),
                date: date_line(l),
            },
        });
        let start = lines.get(first).map(|l| l.t0()).unwrap_or(0);
        let end = date
            .as_ref()
            .map(|d| d.span.end())
            .or(issuers.last().map(|l| l.span.end()))
            .unwrap_or(start);
        let mut entities = Entities::default();
        if opts.entities {
            if let Some(d) = &date {
                inline::scan(src, d.span, opts, &mut sink);
                entities = Entities::pack(src, &mut sink.entities);
                sink.quotes.clear();
                diags.append(&mut sink.diagnostics);
            }
        }
        Closing {
            issuers,
            date,
            span: Span::new(start, end),
            entities,
        }
    });

    let diags = diags.finish();
    appendix_paras.shrink_to_fit();
    Ok(Document {
        source: src,
        zones: zones_from_kinds(src, &lines, &kinds),
        metadata: head.metadata,
        title,
        subtitles,
        preamble,
        sections,
        closing,
        appendix: appendix_paras,
        diagnostics: diags,
    })
}

/// The entities of a line-like node at `span` (a title, a subtitle), when
/// the options ask for entities; its diagnostics go to `diags`.
fn line_entities<'a>(
    src: &'a str,
    span: Span,
    opts: &Options,
    sink: &mut InlineSink<'a>,
    diags: &mut Diags,
) -> Entities<'a> {
    if !opts.entities {
        return Entities::default();
    }
    inline::scan(src, span, opts, sink);
    let entities = Entities::pack(src, &mut sink.entities);
    sink.quotes.clear();
    diags.append(&mut sink.diagnostics);
    entities
}

fn make_paragraph<'a>(
    src: &'a str,
    span: Span,
    opts: &Options,
    sink: &mut InlineSink<'a>,
    diags: &mut Diags,
    item_state: &mut (Option<crate::ast::ItemStyle>, u32),
    scratch: &mut block::Scratch,
) -> Paragraph<'a> {
    let (items, sentences) = block::paragraph(src, span, item_state, opts.sentences, scratch);
    for it in items.iter().filter(|it| it.inferred) {
        diags.push_with(
            DiagnosticCode::ItemNumeralLost,
            Span::new(it.span.start(), it.span.start() + it.marker.len()),
            || format!("enumeration numeral lost; read as item {}", it.ordinal),
        );
    }
    let (entities, quotes) = if opts.entities {
        // The `《》“”` pairs the walk found (with sentences), for the scan.
        std::mem::swap(&mut sink.marks, &mut scratch.marks);
        std::mem::swap(&mut sink.walked, &mut scratch.walked);
        inline::wrap::scan_paragraph(src, span, opts, sink);
        diags.append(&mut sink.diagnostics);
        // Exact-size copies; the sink keeps its buffers for the next block.
        (
            Entities::pack(src, &mut sink.entities),
            sink.quotes.drain(..).collect(),
        )
    } else {
        (Entities::default(), Vec::new())
    };
    Paragraph {
        text: span.text(src),
        span,
        sentences,
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
    diags: &mut Diags,
) -> Heading<'a> {
    let mut entities = Entities::default();
    if opts.entities && !h.title.is_empty() {
        inline::scan(src, h.title, opts, sink);
        entities = Entities::pack(src, &mut sink.entities);
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

/// Nest (level, heading, paragraphs) nodes, in document order, with a
/// stack. `levels` are the nodes' levels, read first to count each
/// section's children, so every list is allocated once at its exact size
/// (a tree of a million headings would otherwise regrow and then shrink a
/// million lists).
fn build_sections<'a>(
    levels: &[u8],
    nodes: impl Iterator<Item = (u8, Heading<'a>, Vec<Paragraph<'a>>)>,
) -> Vec<Section<'a>> {
    let mut n_children = vec![0u32; levels.len()];
    let mut n_roots = 0usize;
    let mut open: Vec<(u8, usize)> = Vec::new();
    for (i, level) in levels.iter().enumerate() {
        while open.last().is_some_and(|&(l, _)| l >= *level) {
            open.pop();
        }
        match open.last().and_then(|&(_, p)| n_children.get_mut(p)) {
            Some(c) => *c += 1,
            None => n_roots += 1,
        }
        open.push((*level, i));
    }
    drop(open);
    let mut roots: Vec<Section<'a>> = Vec::with_capacity(n_roots);
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
    for ((level, heading, paragraphs), n) in nodes.zip(n_children) {
        while stack.last().is_some_and(|s| s.heading.level >= level) {
            close(&mut stack, &mut roots);
        }
        let span = heading.span;
        stack.push(Section {
            heading,
            span,
            paragraphs,
            children: Vec::with_capacity(n as usize),
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
            Some(z) if z.kind == k => z.span.end = Span::new(0, l.raw().next).end,
            _ => zones.push(Zone {
                kind: k,
                span: Span::new(l.raw().start, l.raw().next),
            }),
        }
    }
    if let Some(z) = zones.last_mut() {
        z.span.end = Span::new(0, src.len()).end;
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn injected_lines_match_the_one_search_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "博彩", "百家乐", "娱乐城", "太阳城集团", "博", "彩", "加强领导，", "。",
                "\n", "\r\n", "\r", " ", "\u{3000}", "\u{200b}", "\n\n",
                "二〇二三年全面推进依法行政工作取得新成效，", "a",
            ]), 0..120),
            lo_frac in 0usize..4,
            hi_frac in 0usize..4,
        ) {
            let src = parts.concat();
            let lines = block::lines(&src);
            let n = lines.len();
            let lo = n * lo_frac / 4;
            let hi = (n * hi_frac / 4).max(lo).max(n.min(lo + 1));
            let mut a = Diags::default();
            let mut b = Diags::default();
            injected_lines(&src, &lines, lo, hi, &mut a);
            injected_lines_reference(&src, &lines, lo, hi, &mut b);
            let spans = |d: &Diags| d.iter().map(|x| x.span).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&a), spans(&b));
        }
    }

    proptest::proptest! {
        /// A paragraph's scan takes the `《》“”` pairs its walk found when
        /// sentences are split, and searches for them when not: the
        /// entities, quotes and diagnostics are the same either way.
        #[test]
        fn walked_marks_scan_like_searched_ones(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "《", "》", "“", "”", "〈", "〉", "‘", "’", "（", "）", "。", "，", "、", "；",
                "\n", "\r\n", "\n\n", " ", "\u{3000}", "一、", "（二）", "1.", "一是",
                "关于", "通知", "国发〔2023〕3号", "2023年5月", "增长6.9%", "“放管服”",
                "《中华人民共和国宪法》", "a", "中",
            ]), 0..80),
        ) {
            let src = parts.concat();
            let off = Options { sentences: false, ..Options::default() };
            let (Ok(a), Ok(b)) = (crate::parse_with(&src, &Options::default()), crate::parse_with(&src, &off)) else {
                proptest::prop_assert!(false, "{src:?} does not parse");
                return Ok(());
            };
            proptest::prop_assert_eq!(format!("{:?}", a.entities()), format!("{:?}", b.entities()));
            let quotes = |d: &crate::Document<'_>| {
                d.paragraphs().iter().map(|p| p.quotes.clone()).collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(quotes(&a), quotes(&b));
            proptest::prop_assert_eq!(format!("{:?}", a.diagnostics), format!("{:?}", b.diagnostics));
        }
    }
}

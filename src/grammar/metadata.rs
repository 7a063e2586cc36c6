//! Metadata lines (SPEC §2.2): `索 引  号 :012870556/2022-00020 发文机构 :市人民政府办公室`.

use super::fold::simplified;
use super::trivia::pad;
use crate::ast::MetaKey;
use crate::lexicon::META_LABELS;

/// One label/value pair found on a line; offsets relative to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawPair {
    pub(crate) key: MetaKey,
    pub(crate) label: (usize, usize),
    pub(crate) value: (usize, usize),
}

/// A metadata label at the start of `s`, letters possibly spaced out
/// (`索 引  号`), followed by optional padding and a separator. Returns the
/// key, the label's byte length and the byte length through the separator.
///
/// ```ebnf
/// meta_label ::= FOLD(LEXICON(metadata_labels)) pad* (":" | "：" | "|")
/// ```
pub(crate) fn meta_label(s: &str) -> Option<(MetaKey, usize, usize)> {
    // Compared through the fold: traditional labels (發布時間) match.
    let first = simplified(s.chars().next()?);
    'labels: for (chars, key) in META_LABELS.starting_with(first) {
        let mut it = s.char_indices().peekable();
        let mut label_end = 0;
        for (n, want) in chars.iter().enumerate() {
            if n > 0 {
                while let Some(&(_, c)) = it.peek() {
                    if pad(c) {
                        it.next();
                    } else {
                        break;
                    }
                }
            }
            match it.next() {
                Some((i, c)) if simplified(c) == *want => label_end = i + c.len_utf8(),
                _ => continue 'labels,
            }
        }
        let mut sep_end = None;
        for (i, c) in it {
            if pad(c) {
                continue;
            }
            if matches!(c, ':' | '：' | '|') {
                sep_end = Some(i + c.len_utf8());
            }
            break;
        }
        if let Some(sep_end) = sep_end {
            return Some((*key, label_end, sep_end));
        }
    }
    None
}

/// Parse a whole (untrimmed) line as metadata pairs. The line may start
/// with a `- ` or `|` bullet; several pairs may share the line, each label
/// after padding or `|`. Returns `None` unless the line starts with a label.
///
/// ```ebnf
/// metadata_line ::= pad* ("-" | "|")? pad* meta_label pad* value
///                   ((pad+ | "|") meta_label pad* value)*
///   (* value: up to the next (pad+ | "|") meta_label, an unknown
///      `label:` after padding (chrome such as `字号:`), or the line end *)
/// ```
pub(crate) fn metadata_line(line: &str) -> Option<Vec<RawPair>> {
    let lead = line.len()
        - line
            .trim_start_matches(|c: char| pad(c) || c == '-' || c == '|' || c == '·' || c == '•')
            .len();
    let rest = line.get(lead..)?;
    let (key, label_len, sep_len) = meta_label(rest)?;
    let mut pairs = Vec::new();
    let mut cur = (key, lead, lead + label_len, lead + sep_len);
    let mut prev_sep = true;
    let mut iter = line.char_indices().skip_while(|&(i, _)| i < cur.3);
    let mut found_next: Vec<(MetaKey, usize, usize, usize)> = Vec::new();
    let mut stops: Vec<usize> = Vec::new();
    // Scan for later labels; a label counts only after padding or `|`.
    for (i, c) in iter.by_ref() {
        if pad(c) || c == '|' {
            prev_sep = true;
            continue;
        }
        if prev_sep {
            if let Some(tail) = line.get(i..) {
                if let Some((k, ll, sl)) = meta_label(tail) {
                    found_next.push((k, i, i + ll, i + sl));
                } else if unknown_label(tail) {
                    // An unknown `字号:` after a gap ends the value (chrome).
                    stops.push(i);
                }
            }
        }
        prev_sep = false;
    }
    // Skip labels that fall inside the separator region of the previous one.
    let stop_after = |from: usize, to: usize| {
        stops
            .iter()
            .copied()
            .find(|&s| s > from && s < to)
            .unwrap_or(to)
    };
    for next in found_next {
        if next.1 < cur.3 {
            continue;
        }
        pairs.push(make_pair(line, cur, stop_after(cur.3, next.1)));
        cur = next;
    }
    pairs.push(make_pair(line, cur, stop_after(cur.3, line.len())));
    Some(pairs)
}

/// A short unknown label (`字号:`): one to six ideographs and a colon.
fn unknown_label(s: &str) -> bool {
    for (n, c) in s.chars().enumerate() {
        if matches!(c, ':' | '：') {
            return n >= 1;
        }
        if !('\u{4e00}'..='\u{9fff}').contains(&c) || n >= 6 {
            return false;
        }
    }
    false
}

fn make_pair(line: &str, cur: (MetaKey, usize, usize, usize), end: usize) -> RawPair {
    let (key, lstart, lend, vstart) = cur;
    let v = line.get(vstart..end).unwrap_or("");
    let trimmed_start =
        vstart + (v.len() - v.trim_start_matches(|c: char| pad(c) || c == '|').len());
    let trimmed_end = vstart + v.trim_end_matches(|c: char| pad(c) || c == '|').len();
    RawPair {
        key,
        label: (lstart, lend),
        value: (trimmed_start, trimmed_end.max(trimmed_start)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(line: &str) -> Vec<(MetaKey, &str, &str)> {
        metadata_line(line)
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                (
                    p.key,
                    &line[p.label.0..p.label.1],
                    &line[p.value.0..p.value.1],
                )
            })
            .collect()
    }

    #[test]
    fn spaced_labels_and_several_pairs() {
        assert_eq!(
            pairs("索 引  号 :012870556/2022-00020 发文机构 :市人民政府办公室"),
            vec![
                (MetaKey::IndexNumber, "索 引  号", "012870556/2022-00020"),
                (MetaKey::Issuer, "发文机构", "市人民政府办公室"),
            ]
        );
        assert_eq!(
            pairs("来源:静海区人民政府办公室 发布时间:2024-03-28 09:18"),
            vec![
                (MetaKey::Issuer, "来源", "静海区人民政府办公室"),
                (MetaKey::PublishedDate, "发布时间", "2024-03-28 09:18"),
            ]
        );
        assert_eq!(
            pairs("来源: 太原市司法局       字号:[ ]"),
            vec![(MetaKey::Issuer, "来源", "太原市司法局")]
        );
        assert_eq!(
            pairs("- 发布日期: 2025-04-29"),
            vec![(MetaKey::PublishedDate, "发布日期", "2025-04-29")]
        );
        assert_eq!(
            pairs("标       题 :运城市人民政府 关于2021年度法治政府建设情况的报告"),
            vec![(
                MetaKey::Title,
                "标       题",
                "运城市人民政府 关于2021年度法治政府建设情况的报告"
            )]
        );
    }

    #[test]
    fn prose_is_not_metadata() {
        assert!(metadata_line("2021年,运城市政府坚持以习近平新时代").is_none());
        assert!(metadata_line("时间紧任务重").is_none());
    }

    #[test]
    fn label_with_empty_value() {
        assert_eq!(pairs("发布机构："), vec![(MetaKey::Issuer, "发布机构", "")]);
    }
}

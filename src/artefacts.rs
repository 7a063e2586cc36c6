//! Text artefacts (SPEC §7): replacement characters, control characters,
//! leaked pinyin, mojibake. Reported as diagnostics, never changed.

use crate::error::{Diagnostic, DiagnosticCode};
use crate::skip;
use crate::span::Span;

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ".contains(c)
}

fn is_tone_mark(c: char) -> bool {
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".contains(c)
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Can a char that starts with byte `b` be one `scan` looks at: `(`, `?`,
/// a C0 control or DEL, a C1 control (`C2 80..9F`), U+FFFD (`EF BF BD`)?
/// Everything else (ideographs, most punctuation) is skipped bytewise.
#[inline(always)]
fn maybe_artefact(b: u8) -> bool {
    (b < 0x20) | (b == 0x7f) | (b == b'(') | (b == b'?') | (b == 0xc2) | (b == 0xef)
}

/// Scan the whole input once.
pub(crate) fn scan(src: &str, diags: &mut Vec<Diagnostic>) {
    let mut at = 0;
    // `maybe_artefact` bytes are ASCII or UTF-8 lead bytes: char boundaries.
    while let Some(i) = skip::find_char(src, at, maybe_artefact) {
        let Some(rest) = src.get(i..) else { break };
        let mut it = rest.char_indices().map(|(k, c)| (i + k, c)).peekable();
        let Some((_, c)) = it.next() else { break };
        at = i + c.len_utf8();
        let prev = src.get(..i).and_then(|p| p.chars().next_back());
        match c {
            '\u{fffd}' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d == '\u{fffd}' {
                        end = j + d.len_utf8();
                        at = end;
                        it.next();
                    } else {
                        break;
                    }
                }
                diags.push(Diagnostic::new(
                    DiagnosticCode::ReplacementChar,
                    Span::new(i, end),
                    "U+FFFD replacement character: the text was decoded with errors",
                ));
            }
            '(' if prev.is_some_and(is_cjk) => {
                // `創(chuàng)`: lowercase pinyin with a tone mark in brackets.
                let rest = src.get(i + 1..).unwrap_or("");
                let word: usize = rest
                    .chars()
                    .take_while(|&d| is_pinyin_letter(d))
                    .map(char::len_utf8)
                    .sum();
                let w = rest.get(..word).unwrap_or("");
                if (1..=8).contains(&w.chars().count())
                    && w.chars().any(is_tone_mark)
                    && rest.get(word..).is_some_and(|r| r.starts_with(')'))
                {
                    diags.push(Diagnostic::new(
                        DiagnosticCode::LeakedPinyin,
                        Span::new(i, i + 1 + word + 1),
                        format!("pinyin `{w}` leaked into the text"),
                    ));
                }
            }
            '?' if prev.is_some_and(is_cjk) => {
                // A `?` between ideographs, with ASCII letters after it, is
                // mojibake (`輸?shù)葓`), not a question mark.
                let rest = src.get(i + 1..).unwrap_or("");
                if rest.starts_with(|d: char| d.is_ascii_lowercase()) {
                    let start = src
                        .get(..i)
                        .and_then(|p| p.char_indices().next_back())
                        .map(|(k, _)| k)
                        .unwrap_or(i);
                    let end = rest
                        .char_indices()
                        .find(|&(_, d)| matches!(d, '，' | '。' | ',' | '、' | '；' | '\n'))
                        .map(|(k, _)| i + 1 + k)
                        .unwrap_or(src.len())
                        .min(i + 1 + 24);
                    let end = (i + 1..=end)
                        .rev()
                        .find(|&k| src.is_char_boundary(k))
                        .unwrap_or(i + 1);
                    diags.push(Diagnostic::new(
                        DiagnosticCode::Mojibake,
                        Span::new(start, end),
                        "mojibake: text decoded with the wrong encoding",
                    ));
                }
            }
            c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => {
                // One diagnostic per run of control characters.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_control() && !matches!(d, '\n' | '\r' | '\t') {
                        end = j + d.len_utf8();
                        at = end;
                        it.next();
                    } else {
                        break;
                    }
                }
                diags.push(Diagnostic::new(
                    DiagnosticCode::ControlChar,
                    Span::new(i, end),
                    format!("control character U+{:04X}", c as u32),
                ));
            }
            _ => {}
        }
    }
}

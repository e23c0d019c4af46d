//! The non-empty lines of a text, with their line numbers, minus what only the printed page had
//! (page numbers 「— 2 —」, rules of dashes).

use super::spacing::key;

/// One non-empty line, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the file.
    pub no: usize,
    /// The text without leading or trailing space (full-width spaces included).
    pub text: String,
}

/// Lines numbered from 1, for unit tests of the parsers.
#[cfg(test)]
pub(crate) fn numbered(texts: &[&str]) -> Vec<Line> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: (*t).into(),
        })
        .collect()
}

impl Line {
    /// The line without spaces and with full-width forms folded (see `spacing::key`).
    pub fn key(&self) -> String {
        key(&self.text)
    }
}

/// Splits text into its non-empty lines. LF, CRLF, CR and form feeds (pdftotext's page breaks) end lines.
pub fn split(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // CRLF and LF files split on LF (the CR is trimmed); old Mac files have CR alone.
    let sep = if text.contains('\n') { '\n' } else { '\r' };
    let mut out = Vec::new();
    for (i, raw) in text.split(sep).enumerate() {
        for part in raw.split('\x0c') {
            let trimmed = part.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            if !trimmed.is_empty() && !is_page_furniture(trimmed) {
                out.push(Line {
                    no: i + 1,
                    text: trimmed.to_owned(),
                });
            }
        }
    }
    out
}

/// A page number 「— 2 —」 / 「- 2 -」 / 「第 2 页」, or a rule made of dashes.
fn is_page_furniture(text: &str) -> bool {
    let dash = |c: char| {
        matches!(
            c,
            '—' | '-' | '–' | '－' | '─' | '━' | '═' | '_' | '＿' | '=' | '＝'
        )
    };
    if text.chars().all(|c| dash(c) || c.is_whitespace()) {
        return true;
    }
    let inner = text.trim_matches(|c: char| dash(c) || c.is_whitespace());
    let digits = !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit());
    if digits && text.starts_with(dash) && text.ends_with(dash) {
        return true;
    }
    let k = key(text);
    k.strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_numbers() {
        let lines = split("\u{feff}\n\n温州科协信息\r\n\r\n第 4 期\n\u{3000}\u{3000}正文\n— 2 —\n-3-\n第 4 页\n————\n");
        let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(got, [(3, "温州科协信息"), (5, "第 4 期"), (6, "正文")]);
    }

    #[test]
    fn cr_only_and_form_feeds() {
        let lines = split("甲\r乙\r\r丙\x0c丁");
        let got: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(got, ["甲", "乙", "丙", "丁"]);
    }
}

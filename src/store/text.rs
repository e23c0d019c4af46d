//! The searchable words of an issue and the snippet shown for a search hit.

use std::ops::Range;

use crate::model::Issue;

/// Everything an editor may search for, one paragraph per line: headlines, TOC texts, body blocks,
/// bylines, briefs with their sources, and the closing rows.
pub fn searchable(issue: &Issue) -> String {
    let mut lines: Vec<String> = Vec::new();
    for a in &issue.articles {
        lines.push(a.headline_text());
        lines.extend(a.toc_text.iter().cloned());
        lines.extend(a.blocks.iter().map(|b| b.text.clone()));
        lines.extend(a.byline.iter().cloned());
    }
    lines.extend(issue.briefs.iter().map(|b| b.paragraph_text()));
    lines.extend(
        issue
            .closing
            .rows()
            .into_iter()
            .map(|(label, text)| format!("{label}：{text}")),
    );
    lines.retain(|l| !l.trim().is_empty());
    lines.join("\n")
}

/// The text as one token per character, for the character index (`issue_chars`): letters,
/// digits and Han characters stand for themselves, every other character (punctuation, spaces,
/// line breaks) becomes `u<hex>`, so that a phrase of a word's tokens matches exactly where the
/// word occurs, whatever its length. Trigrams cannot answer words of one or two characters.
pub fn char_tokens(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if !out.is_empty() {
            out.push(' ');
        }
        if c.is_alphanumeric() {
            out.push(c);
        } else {
            let _ = write!(out, "u{:x}", c as u32);
        }
    }
    out
}

/// The words of a query: split at white space (ASCII or full-width), empty ones dropped.
pub fn terms(query: &str) -> Vec<String> {
    query
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Where `needle` first occurs in `hay`, ignoring ASCII case (byte range in `hay`).
pub fn find(hay: &str, needle: &str) -> Option<Range<usize>> {
    // ASCII folding keeps byte offsets, so positions in the folded text are positions in `hay`.
    let start = hay
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())?;
    Some(start..start + needle.len())
}

/// Characters of context kept on each side of the match in a snippet.
const CONTEXT: usize = 24;

/// Where a sentence ends: the text after one of these starts a new sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// The sentence around the first match of `term` in `body` (within its line), cut to a window of
/// context with 「…」 where a long sentence was cut, and the byte range of the match inside the
/// returned snippet.
pub fn snippet(body: &str, term: &str) -> Option<(String, Range<usize>)> {
    let hit = find(body, term)?;
    let line_start = body[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[hit.end..]
        .find('\n')
        .map_or(body.len(), |i| hit.end + i);
    let sentence_start = body[line_start..hit.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_sentence(c))
        .map_or(line_start, |(i, c)| line_start + i + c.len_utf8());
    let sentence_end = body[hit.end..line_end]
        .char_indices()
        .find(|&(_, c)| ends_sentence(c))
        .map_or(line_end, |(i, c)| hit.end + i + c.len_utf8());
    let before: Vec<(usize, char)> = body[sentence_start..hit.start].char_indices().collect();
    let from = if before.len() > CONTEXT {
        sentence_start + before[before.len() - CONTEXT].0
    } else {
        sentence_start
    };
    let to = body[hit.end..sentence_end]
        .char_indices()
        .nth(CONTEXT)
        .map_or(sentence_end, |(i, _)| hit.end + i);
    let mut s = String::new();
    if from > sentence_start {
        s.push('…');
    }
    let offset = s.len() + hit.start - from;
    s.push_str(&body[from..to]);
    if to < sentence_end {
        s.push('…');
    }
    Some((s, offset..offset + hit.len()))
}

/// Every place in `snippet` where one of `terms` occurs (ignoring ASCII case), as sorted,
/// non-overlapping byte ranges, for highlighting all words of a query.
pub fn highlights(snippet: &str, terms: &[String]) -> Vec<Range<usize>> {
    let folded = snippet.to_ascii_lowercase();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for t in terms {
        let t = t.to_ascii_lowercase();
        if t.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = folded[from..].find(&t) {
            ranges.push(from + i..from + i + t.len());
            from += i + t.len();
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_token_per_character() {
        assert_eq!(char_tokens("科协，AI 2020"), "科 协 uff0c A I u20 2 0 2 0");
        assert_eq!(char_tokens("甲\n乙"), "甲 ua 乙");
        assert_eq!(char_tokens(""), "");
    }

    #[test]
    fn terms_split_at_ascii_and_full_width_spaces() {
        assert_eq!(terms(" 科协\u{3000}峰会  AI "), vec!["科协", "峰会", "AI"]);
        assert!(terms(" \u{3000} ").is_empty());
    }

    #[test]
    fn snippet_cuts_long_lines_and_marks_the_match() {
        let body = format!(
            "标题\n{}世界青年科学家峰会{}\n下一段",
            "甲".repeat(40),
            "乙".repeat(40)
        );
        let (s, r) = snippet(&body, "青年科学家").unwrap();
        assert_eq!(&s[r.clone()], "青年科学家");
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(s.chars().filter(|&c| c == '甲').count(), CONTEXT - 2);
        assert!(!s.contains('\n'));
        let (s, r) = snippet("About the AI Summit", "ai summit").unwrap();
        assert_eq!((&s[r], s.as_str()), ("AI Summit", "About the AI Summit"));
        assert!(snippet("没有", "科协").is_none());
    }

    #[test]
    fn snippet_is_the_sentence_of_the_match() {
        let body = "标题\n会议由主任主持。市科协召开党建工作会议，部署全年工作！随后参观。\n下一段";
        let (s, r) = snippet(body, "党建").unwrap();
        assert_eq!(s, "市科协召开党建工作会议，部署全年工作！");
        assert_eq!(&s[r], "党建");
        let (s, _) = snippet("只有一句没有句号", "一句").unwrap();
        assert_eq!(s, "只有一句没有句号");
    }

    #[test]
    fn highlights_cover_every_word_merged_and_sorted() {
        let s = "AI峰会与ai论坛，峰会闭幕";
        let h = highlights(s, &["峰会".into(), "ai".into(), "会与".into()]);
        let marked: Vec<&str> = h.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(marked, vec!["AI", "峰会与", "ai", "峰会"]);
        assert!(highlights(s, &["没有".into()]).is_empty());
    }
}

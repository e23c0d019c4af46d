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

/// The line around the first match of `term` in `body`, cut to a window of context with 「…」
/// where text was left out, and the byte range of the match inside the returned snippet.
pub fn snippet(body: &str, term: &str) -> Option<(String, Range<usize>)> {
    let hit = find(body, term)?;
    let line_start = body[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[hit.end..]
        .find('\n')
        .map_or(body.len(), |i| hit.end + i);
    let before: Vec<(usize, char)> = body[line_start..hit.start].char_indices().collect();
    let from = if before.len() > CONTEXT {
        line_start + before[before.len() - CONTEXT].0
    } else {
        line_start
    };
    let to = body[hit.end..line_end]
        .char_indices()
        .nth(CONTEXT)
        .map_or(line_end, |(i, _)| hit.end + i);
    let mut s = String::new();
    if from > line_start {
        s.push('…');
    }
    let offset = s.len() + hit.start - from;
    s.push_str(&body[from..to]);
    if to < line_end {
        s.push('…');
    }
    Some((s, offset..offset + hit.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

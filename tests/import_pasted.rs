//! Text pasted into the editor reads as the importer reads the same text inside a whole issue:
//! every article of every past issue in tests/data, cut out of the file as an editor would copy it
//! (from its headline to the next headline), pastes as that one article; the 简讯 section pastes
//! as the issue's briefs.

use std::path::Path;

use bulletin::import::encoding::decode;
use bulletin::import::pasted::{read, PasteKind};
use bulletin::import::read_path;
use bulletin::model::{Article, Issue};

fn past_issues() -> Vec<(String, Issue, Vec<String>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("tests/data").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let issue = read_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let text = decode(&std::fs::read(&path).unwrap()).unwrap().text;
            let lines = text.lines().map(str::to_owned).collect();
            out.push((name(&path), issue, lines));
        }
    }
    assert!(out.len() >= 5, "the past issues in tests/data");
    out
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn spaceless(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The file's line where the body text of `article` starts: the last line at or before `before`
/// that begins its headline (the 本期要目 entry, earlier, may begin it too).
fn headline_line(lines: &[String], article: &Article, before: usize) -> usize {
    let headline = spaceless(&article.headline.concat());
    (0..before)
        .rev()
        .find(|&i| {
            let line = spaceless(&lines[i]);
            line.chars().count() >= 4 && headline.starts_with(&line)
        })
        .unwrap_or_else(|| panic!("the headline 「{headline}」 in the file"))
}

/// What the editor copies of an article: from its headline to the next one's, or to the end.
fn article_texts(issue: &Issue, lines: &[String], end: usize) -> Vec<String> {
    let mut next = end;
    let mut texts = Vec::new();
    for article in issue.articles.iter().rev() {
        let start = headline_line(lines, article, next);
        texts.push(lines[start..next].join("\n"));
        next = start;
    }
    texts.reverse();
    texts
}

fn is_briefs_heading(line: &str) -> bool {
    let key = spaceless(line);
    let key = key.trim_matches(|c| matches!(c, '【' | '】'));
    key.ends_with("简讯") && key.chars().count() <= 6
}

fn is_closing(line: &str) -> bool {
    let key = spaceless(line);
    ["报：", "送：", "发：", "抄送：", "抄报：", "（共印"]
        .iter()
        .any(|p| key.starts_with(p))
}

/// Comparable: the headline as text (its split into lines is the 本期要目's doing, which a paste
/// does not have) and no 本期要目 override.
fn comparable(article: &Article) -> Article {
    Article {
        headline: vec![spaceless(&article.headline.concat())],
        toc_text: None,
        ..article.clone()
    }
}

#[test]
fn every_article_pastes_as_it_imports() {
    let mut checked = 0;
    for (file, issue, lines) in past_issues() {
        let briefs_at = lines
            .iter()
            .rposition(|l| is_briefs_heading(l))
            .unwrap_or(lines.len());
        let closing_at = lines
            .iter()
            .position(|l| is_closing(l))
            .unwrap_or(lines.len());
        let end = if issue.briefs.is_empty() {
            closing_at
        } else {
            briefs_at
        };
        for (i, text) in article_texts(&issue, &lines, end).iter().enumerate() {
            let pasted = read(text, PasteKind::Articles).unwrap();
            assert!(pasted.briefs.is_empty());
            let got: Vec<Article> = pasted.articles.iter().map(comparable).collect();
            assert_eq!(
                got,
                [comparable(&issue.articles[i])],
                "{file}, article {}: the pasted text\n{text}",
                i + 1
            );
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked} articles");
}

#[test]
fn the_briefs_section_pastes_as_it_imports() {
    let mut checked = 0;
    for (file, issue, lines) in past_issues() {
        let Some(at) = lines.iter().rposition(|l| is_briefs_heading(l)) else {
            continue;
        };
        let end = at
            + lines[at..]
                .iter()
                .position(|l| is_closing(l))
                .unwrap_or(lines.len() - at);
        let text = lines[at..end].join("\n");
        let pasted = read(&text, PasteKind::Briefs).unwrap();
        assert!(pasted.articles.is_empty());
        assert_eq!(
            pasted.briefs, issue.briefs,
            "{file}: the pasted text\n{text}"
        );
        checked += pasted.briefs.len();
    }
    assert!(checked >= 15, "{checked} briefs");
}

#[test]
fn the_whole_articles_part_pastes_as_all_its_articles() {
    // Copying all the articles at once (the sample: six, each ending with its byline).
    let (_, issue, lines) = past_issues()
        .into_iter()
        .find(|(f, ..)| f == "issue-2020-04-245.txt")
        .unwrap();
    let end = lines
        .iter()
        .rposition(|l| is_briefs_heading(l))
        .unwrap_or(lines.len());
    let first = article_texts(&issue, &lines, end);
    let text = first.join("\n");
    let pasted = read(&text, PasteKind::Articles).unwrap();
    let got: Vec<Article> = pasted.articles.iter().map(comparable).collect();
    let want: Vec<Article> = issue.articles.iter().map(comparable).collect();
    assert_eq!(got, want);
}

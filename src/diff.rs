//! Differences between two versions of an issue (proof rounds), character by character:
//! Chinese text has no spaces, so a word diff would mark whole sentences.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::model::Issue;

/// A stretch of text that is the same, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Segment {
    /// In both versions.
    Equal(String),
    /// Only in the newer version.
    Insert(String),
    /// Only in the older version.
    Delete(String),
}

/// The changes in one part of the issue (an article, a brief, the masthead, the closing block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartDiff {
    /// 「第2篇文章」, 「第3条简讯」, 「报头」, 「版记」.
    pub part: String,
    /// The part's text with its changes, in order.
    pub segments: Vec<Segment>,
}

/// The character diff of two texts, with neighbouring changes of one kind merged.
pub fn diff_text(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::from_chars(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let s = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Segment::Equal(t)))
            | (ChangeTag::Insert, Some(Segment::Insert(t)))
            | (ChangeTag::Delete, Some(Segment::Delete(t))) => t.push_str(s),
            (ChangeTag::Equal, _) => out.push(Segment::Equal(s.to_string())),
            (ChangeTag::Insert, _) => out.push(Segment::Insert(s.to_string())),
            (ChangeTag::Delete, _) => out.push(Segment::Delete(s.to_string())),
        }
    }
    out
}

fn masthead_text(issue: &Issue) -> String {
    let m = &issue.masthead;
    format!(
        "{}\n{}{}\n{}\n{}",
        m.name,
        m.number_label(),
        m.total_label(),
        m.editor,
        m.date_label()
    )
}

fn article_text(issue: &Issue, i: usize) -> String {
    issue.articles.get(i).map_or_else(String::new, |a| {
        let mut lines = vec![a.headline.join(" / ")];
        lines.extend(a.blocks.iter().map(|b| b.text.clone()));
        if let Some(b) = a.byline_label() {
            lines.push(b);
        }
        lines.join("\n")
    })
}

fn closing_text(issue: &Issue) -> String {
    let c = &issue.closing;
    let mut lines: Vec<String> = c
        .rows()
        .into_iter()
        .map(|(l, t)| format!("{l}：{t}"))
        .collect();
    lines.extend(c.copies_label());
    lines.join("\n")
}

/// The parts of two issue versions that differ, in reading order (articles and briefs are
/// compared by position).
pub fn diff_issues(old: &Issue, new: &Issue) -> Vec<PartDiff> {
    let mut parts = vec![("报头".to_string(), masthead_text(old), masthead_text(new))];
    for i in 0..old.articles.len().max(new.articles.len()) {
        parts.push((
            format!("第{}篇文章", i + 1),
            article_text(old, i),
            article_text(new, i),
        ));
    }
    for i in 0..old.briefs.len().max(new.briefs.len()) {
        let text = |issue: &Issue| {
            issue
                .briefs
                .get(i)
                .map(|b| b.paragraph_text())
                .unwrap_or_default()
        };
        parts.push((format!("第{}条简讯", i + 1), text(old), text(new)));
    }
    parts.push(("版记".to_string(), closing_text(old), closing_text(new)));
    parts
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(part, a, b)| PartDiff {
            part,
            segments: diff_text(&a, &b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, Brief};

    #[test]
    fn character_diff_of_chinese_text() {
        let d = diff_text("市科协召开党建工作会议", "市科协召开党建工作部署会议");
        assert_eq!(
            d,
            vec![
                Segment::Equal("市科协召开党建工作".into()),
                Segment::Insert("部署".into()),
                Segment::Equal("会议".into())
            ]
        );
        let d = diff_text("4月27日,赴乐清", "4月27日，赴乐清");
        assert_eq!(
            d[1..3],
            [Segment::Delete(",".into()), Segment::Insert("，".into())]
        );
    }

    #[test]
    fn only_changed_parts_are_listed() {
        let json = include_str!("../tests/data/minimal-issue.json");
        let old = crate::json::from_str(json).unwrap();
        assert!(diff_issues(&old, &old).is_empty());
        let mut new = old.clone();
        new.articles.push(Article {
            headline: vec!["新文章".into()],
            toc_text: None,
            blocks: vec![Block::paragraph("正文。")],
            byline: None,
            byline_parens: Default::default(),
        });
        new.briefs.push(Brief {
            date_text: "5月1日".into(),
            text: "开会。".into(),
            source: None,
            source_parens: Default::default(),
            style: Default::default(),
        });
        let d = diff_issues(&old, &new);
        let parts: Vec<&str> = d.iter().map(|p| p.part.as_str()).collect();
        assert_eq!(parts, vec!["第1篇文章", "第1条简讯"]);
        assert_eq!(
            d[0].segments,
            vec![Segment::Insert("新文章\n正文。".into())]
        );
        let d = diff_issues(&new, &old);
        assert_eq!(
            d[1].segments,
            vec![Segment::Delete("5月1日，开会。".into())]
        );
    }
}

//! Text pasted into the editor (from Word, a web page, a chat message): one or more articles, or
//! a run of 简讯, read by the same rules as the importer reads them inside a whole issue, so that a
//! pasted article comes out as it would from a past issue's file.

use serde::{Deserialize, Serialize};

use super::briefs::{brief, is_briefs_heading, starts_brief};
use super::lines::split;
use super::repair::{join_cut, Part};
use super::text::{articles_by_byline, units};
use crate::model::{Article, Brief};

/// Longest text read from one paste, in characters: some fifty issues' worth. A larger paste is a
/// mistake (a whole document's worth of something else), refused before any work.
pub const MAX_PASTE_CHARS: usize = 500_000;

/// What the pasted text is to become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasteKind {
    /// Articles: headline lines, paragraphs, sub-headings, the byline.
    Articles,
    /// 简讯: one paragraph each, each starting with its date.
    Briefs,
}

/// What was read from a paste: articles or briefs, as asked (the other list is empty).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pasted {
    /// The articles, in the order of the text.
    pub articles: Vec<Article>,
    /// The briefs, in the order of the text.
    pub briefs: Vec<Brief>,
}

/// Why a paste gives nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    /// Only spaces and blank lines.
    #[error("粘贴的内容是空的：请先复制文章或简讯的文字。")]
    Empty,
    /// More than `MAX_PASTE_CHARS`.
    #[error("粘贴的文字太长（{chars} 字，最多 {limit} 字）：请一次粘贴一篇或几篇文章。")]
    TooLong {
        /// Characters in the paste.
        chars: usize,
        /// The limit.
        limit: usize,
    },
}

/// Reads pasted `text` as `kind`.
pub fn read(text: &str, kind: PasteKind) -> Result<Pasted, PasteError> {
    let chars = text.chars().count();
    if chars > MAX_PASTE_CHARS {
        return Err(PasteError::TooLong {
            chars,
            limit: MAX_PASTE_CHARS,
        });
    }
    let lines = split(text);
    if lines.is_empty() {
        return Err(PasteError::Empty);
    }
    Ok(match kind {
        PasteKind::Articles => Pasted {
            articles: articles_by_byline(units(&lines))
                .into_iter()
                .map(|(_, a)| a)
                .collect(),
            briefs: Vec::new(),
        },
        PasteKind::Briefs => {
            // A 「简讯」 heading copied along with them is the section's, not a brief.
            let body: Vec<_> = lines
                .into_iter()
                .filter(|l| !is_briefs_heading(l))
                .collect();
            Pasted {
                articles: Vec::new(),
                briefs: join_cut(units(&body), Part::Briefs, starts_brief)
                    .iter()
                    .map(|u| brief(&u.text))
                    .collect(),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    #[test]
    fn an_article_with_headings_and_byline() {
        let text = "\u{3000}\u{3000}我市召开科普工作会议\r\n\r\n\
                    \u{3000}\u{3000}4月20日，市科协召开全市科普工作会议。\r\n\
                    一、总结去年工作\r\n\
                    会议总结了去年的科普工作，\r\n部署了今年的任务。\r\n\
                    （叶贤挺）\r\n";
        let got = read(text, PasteKind::Articles).unwrap();
        assert!(got.briefs.is_empty());
        let [a] = &got.articles[..] else {
            panic!("one article: {got:?}")
        };
        assert_eq!(a.headline, ["我市召开科普工作会议"]);
        let kinds: Vec<_> = a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (
                    BlockKind::Paragraph,
                    "4月20日，市科协召开全市科普工作会议。"
                ),
                (BlockKind::Heading1, "一、总结去年工作"),
                (
                    BlockKind::Paragraph,
                    "会议总结了去年的科普工作，部署了今年的任务。"
                ),
            ]
        );
        assert_eq!(a.byline.as_deref(), Some("叶贤挺"));
    }

    #[test]
    fn two_articles_split_at_the_byline() {
        let text = "第一篇标题\n第一段正文。（甲）\n第二篇标题\n第二段正文。（乙）";
        let got = read(text, PasteKind::Articles).unwrap();
        let heads: Vec<_> = got.articles.iter().map(|a| a.headline.concat()).collect();
        assert_eq!(heads, ["第一篇标题", "第二篇标题"]);
        let bylines: Vec<_> = got.articles.iter().map(|a| a.byline.clone()).collect();
        assert_eq!(bylines, [Some("甲".into()), Some("乙".into())]);
    }

    #[test]
    fn body_without_headline_keeps_every_word() {
        let text = "会议指出，要进一步加强科普工作。会议要求，各地要抓好落实。";
        let got = read(text, PasteKind::Articles).unwrap();
        let [a] = &got.articles[..] else {
            panic!("one article: {got:?}")
        };
        assert!(a.headline.is_empty());
        assert_eq!(a.blocks[0].text, text);
    }

    #[test]
    fn briefs_split_at_their_dates_and_lose_the_heading() {
        let text = "简讯\n4月9日，市科协召开党组会议，\n传达学习有关精神。（市科协办公室）\n\
                    4月15日-16日，市科协举办培训班。（学会部）";
        let got = read(text, PasteKind::Briefs).unwrap();
        assert!(got.articles.is_empty());
        let dates: Vec<_> = got.briefs.iter().map(|b| b.date_text.as_str()).collect();
        assert_eq!(dates, ["4月9日", "4月15日-16日"]);
        assert!(got.briefs[0].text.contains("党组会议，传达学习"));
    }

    #[test]
    fn empty_and_huge_pastes_are_refused() {
        assert_eq!(
            read(" \n\u{3000}\r\n", PasteKind::Articles),
            Err(PasteError::Empty)
        );
        let huge = "字".repeat(MAX_PASTE_CHARS + 1);
        assert!(matches!(
            read(&huge, PasteKind::Briefs),
            Err(PasteError::TooLong { chars, .. }) if chars == MAX_PASTE_CHARS + 1
        ));
    }
}

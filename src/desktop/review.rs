//! The app's 审阅意见 operations (issue 16): importing a commented proof PDF, listing its comments
//! against the editor's current text, applying a suggestion (the UI records the result as one
//! undoable step, like a 校对助手 fix) and closing a comment as 已处理 or 不采纳 with a reply.

use std::path::Path;

use serde::Serialize;

use super::{parse_id, Desktop, DesktopError, Result, Version};
use crate::lint::{Fix, Place};
use crate::model::Issue;
use crate::review::reanchor::{self, Located};
use crate::review::suggestion::Suggestion;
use crate::review::{Comment, Reply, Spot};
use crate::store::{CommentStatus, ProofRound, StoredComment};

/// One comment as the 审阅意见 panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewItem {
    /// The store's number of the comment.
    pub id: i64,
    /// The proof round it was made on.
    pub round: u32,
    /// 「高亮」, 「删除线」, 「附注」…
    pub kind_label: String,
    /// Who made it.
    pub author: String,
    /// When, 「2020-04-28 15:30」.
    pub date: Option<String>,
    /// What it says.
    pub text: String,
    /// The replies in the PDF.
    pub replies: Vec<Reply>,
    /// The proof page.
    pub page: u32,
    /// Where in words: 「第1篇文章 第2段」; empty when not anchored.
    pub part: String,
    /// The text it is about, as the round had it.
    pub quote: String,
    /// The field it is in now, when found (for selecting it in the editor).
    pub place: Option<Place>,
    /// Its first character in that field now, in UTF-16 code units.
    pub start: usize,
    /// One past its last, in UTF-16 code units.
    pub end: usize,
    /// 「原文已改动」 when the text it is about was edited since the round; else empty.
    pub changed: String,
    /// The change it proposes, in words (「“本年度”改为“2020年度”」); empty without one.
    pub proposal: String,
    /// Whether 「采纳」 can apply the proposal to the current text.
    pub applicable: bool,
    /// 待处理, 已处理 or 不采纳.
    pub status: CommentStatus,
    /// The status in words.
    pub status_label: String,
    /// The editor's reply.
    pub reply: String,
    /// Where the mark lies on the proof's pages, while the text is as the round had it (the
    /// preview then draws the same pages); empty once the text changed.
    pub spots: Vec<Spot>,
}

/// What importing a commented PDF gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewImported {
    /// The outcome in words.
    pub message: String,
    /// A warning (an older round), if any.
    pub warning: Option<String>,
    /// Every comment on the issue now.
    pub items: Vec<ReviewItem>,
}

fn utf16(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

/// The fix a comment's suggestion makes in `current`, if it can be applied there.
fn current_fix(c: &StoredComment<Comment>, round: &Issue, current: &Issue) -> Option<(Place, Fix)> {
    let anchor = c.comment.anchor.as_ref()?;
    let (place, fix) = c.comment.suggestion.as_ref()?.fix(anchor)?;
    match reanchor::locate(round, current, anchor) {
        Located::Found {
            place: now,
            start,
            end,
        } if now == place => {
            let (start, len) = match c.comment.suggestion {
                Some(Suggestion::Insert(_)) => (end, 0),
                _ => (start, end - start),
            };
            Some((
                place,
                Fix {
                    start,
                    len,
                    with: fix.with,
                },
            ))
        }
        _ => None,
    }
}

/// The rounds whose text is the current text still (their pages are the preview's).
fn unchanged_rounds(rounds: &[ProofRound], current: &Issue) -> Vec<u32> {
    rounds
        .iter()
        .filter(|r| crate::diff::diff_issues(&r.issue, current).is_empty())
        .map(|r| r.round)
        .collect()
}

fn item(
    c: &StoredComment<Comment>,
    rounds: &[ProofRound],
    unchanged: &[u32],
    current: &Issue,
) -> ReviewItem {
    let round = rounds.iter().find(|r| r.round == c.round).map(|r| &r.issue);
    let anchor = c.comment.anchor.as_ref();
    let located = match (round, anchor) {
        (Some(r), Some(a)) => reanchor::locate(r, current, a),
        _ => Located::Unplaced,
    };
    let texts = crate::lint::texts(current);
    let (place, start, end) = match &located {
        Located::Found { place, start, end } => {
            let text = texts
                .iter()
                .find(|(p, _)| p == place)
                .map(|(_, t)| t.as_ref())
                .unwrap_or_default();
            (Some(*place), utf16(text, *start), utf16(text, *end))
        }
        _ => (None, 0, 0),
    };
    let quote = anchor.map(|a| a.quote()).unwrap_or_default();
    let applicable = c.status == CommentStatus::Open
        && round.is_some_and(|r| current_fix(c, r, current).is_some());
    ReviewItem {
        id: c.id,
        round: c.round,
        kind_label: c.comment.kind.label().into(),
        author: c.comment.author.clone(),
        date: c.comment.date.clone(),
        text: c.comment.text.clone(),
        replies: c.comment.replies.clone(),
        page: c.comment.page,
        part: anchor.map(|a| a.part()).unwrap_or_default(),
        proposal: c
            .comment
            .suggestion
            .as_ref()
            .map(|s| s.label(&quote))
            .unwrap_or_default(),
        quote,
        place,
        start,
        end,
        changed: match located {
            Located::Changed => "原文已改动".into(),
            _ => String::new(),
        },
        applicable,
        status: c.status,
        status_label: c.status.label().into(),
        reply: c.reply.clone(),
        spots: match unchanged.contains(&c.round) {
            true => c.comment.spots.clone(),
            false => Vec::new(),
        },
    }
}

impl Desktop {
    /// 导入审阅意见…: reads the commented proof at `path` into issue `id`'s comments and lists
    /// them all against the editor's `current` text.
    pub fn import_review(&self, id: &str, path: &Path, current: &Issue) -> Result<ReviewImported> {
        let issue_id = parse_id(id)?;
        let bytes = std::fs::read(path).map_err(|e| {
            DesktopError::new(format!(
                "无法读取文件 {}（{}）。请确认文件还在、可以打开。",
                path.display(),
                crate::store::io_reason(&e)
            ))
        })?;
        let fonts = self.fonts()?;
        let imported = crate::review::import(&mut self.store(), issue_id, &bytes, &fonts)
            .map_err(|e| DesktopError::new(e.to_string()))?;
        Ok(ReviewImported {
            message: imported.message(),
            warning: imported.review.warning.clone(),
            items: self.review_comments(id, current)?,
        })
    }

    /// The comments on issue `id`, located in the editor's `current` text.
    pub fn review_comments(&self, id: &str, current: &Issue) -> Result<Vec<ReviewItem>> {
        let id = parse_id(id)?;
        let store = self.store();
        let rounds = store.list_proofs(id)?;
        let comments: Vec<StoredComment<Comment>> = store.comments(id)?;
        let unchanged = unchanged_rounds(&rounds, current);
        Ok(comments
            .iter()
            .map(|c| item(c, &rounds, &unchanged, current))
            .collect())
    }

    /// 采纳: applies comment `comment`'s suggestion to the editor's `current` text and marks it
    /// 已处理; returns the changed issue (the UI records it as one undoable step and saves it).
    pub fn apply_comment(&self, id: &str, comment: i64, current: &Issue) -> Result<Issue> {
        let issue_id = parse_id(id)?;
        let mut store = self.store();
        let stored: Vec<StoredComment<Comment>> = store.comments(issue_id)?;
        let c = stored
            .iter()
            .find(|c| c.id == comment)
            .ok_or(crate::store::StoreError::NoComment(comment))?;
        let round = store.load_proof(issue_id, c.round)?;
        let Some((place, fix)) = current_fix(c, &round.issue, current) else {
            return Err(DesktopError::new(
                "这条意见所指的文字已经改动，或意见没有可以直接采纳的修改。请对照原文手动修改，再标为「已处理」。",
            ));
        };
        let mut changed = current.clone();
        if !crate::lint::apply(&mut changed, &place, &fix) {
            return Err(DesktopError::new(
                "这条意见所指的文字已经改动，无法自动采纳。请对照原文手动修改。",
            ));
        }
        store.set_comment_status(issue_id, comment, CommentStatus::Done, &c.reply)?;
        Ok(changed)
    }

    /// Marks comment `comment` of issue `id` 已处理, 不采纳 or open again, with the editor's reply.
    pub fn set_comment_status(
        &self,
        id: &str,
        comment: i64,
        status: CommentStatus,
        reply: &str,
    ) -> Result<()> {
        Ok(self
            .store()
            .set_comment_status(parse_id(id)?, comment, status, reply)?)
    }

    /// The comments made on round `from` whose text the changes to `to` answered (edited), one
    /// line each, for the 比较 view; none when `from` is the current text.
    pub fn answered_comments(
        &self,
        id: &str,
        from: Version,
        to: Version,
        current: &Issue,
    ) -> Result<Vec<String>> {
        let Version::Round(n) = from else {
            return Ok(Vec::new());
        };
        let id = parse_id(id)?;
        let store = self.store();
        let then = store.load_proof(id, n)?.issue;
        let now = match to {
            Version::Round(m) => store.load_proof(id, m)?.issue,
            Version::Current => current.clone(),
        };
        let comments: Vec<StoredComment<Comment>> = store.comments(id)?;
        Ok(crate::review::rounds::answered(&comments, n, &then, &now)
            .into_iter()
            .map(crate::review::rounds::line)
            .collect())
    }

    /// How many comments on issue `id` are still open (the count on the 校样 tab; 送审 lists them).
    pub fn open_comment_count(&self, id: &str) -> Result<usize> {
        let comments: Vec<StoredComment<Comment>> = self.store().comments(parse_id(id)?)?;
        Ok(comments
            .iter()
            .filter(|c| c.status == CommentStatus::Open)
            .count())
    }
}

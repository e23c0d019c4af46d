//! 审阅意见: a proof PDF that reviewers marked up in their PDF reader comes back as a list of
//! comments anchored to the text. Our layout is deterministic, so laying the stored round out
//! again tells which character lies under every point of every proof page.
//!
//! `read` takes the annotations out of the PDF, `anchor` maps them to fields and characters,
//! `suggestion` reads what a mark asks to change; `review` does all three for one file.

pub mod anchor;
pub mod read;
pub mod reanchor;
pub mod rounds;
pub mod suggestion;

use serde::{Deserialize, Serialize};

use crate::fonts::FontBook;
use crate::store::{IssueId, ProofRound};
use anchor::{Anchor, TextMap};
use suggestion::Suggestion;

/// The kind of a mark, as the reader drew it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// A sticky note (Text annotation).
    Note,
    /// Text typed on the page (FreeText).
    FreeText,
    /// A highlight.
    Highlight,
    /// An underline.
    Underline,
    /// A strike-out.
    StrikeOut,
    /// A squiggly underline.
    Squiggly,
    /// An insertion mark (Caret).
    Caret,
    /// A freehand drawing (Ink).
    Ink,
    /// A rectangle.
    Square,
    /// An ellipse.
    Circle,
    /// 「替换文字」: a strike-out and an insertion mark grouped (/RT /Group), one suggestion.
    Replace,
}

impl MarkKind {
    /// The kind in words, for the panel and the command line.
    pub fn label(self) -> &'static str {
        match self {
            MarkKind::Note => "附注",
            MarkKind::FreeText => "文本框",
            MarkKind::Highlight => "高亮",
            MarkKind::Underline => "下划线",
            MarkKind::StrikeOut => "删除线",
            MarkKind::Squiggly => "波浪线",
            MarkKind::Caret => "插入",
            MarkKind::Ink => "手绘",
            MarkKind::Square => "矩形",
            MarkKind::Circle => "椭圆",
            MarkKind::Replace => "替换",
        }
    }

    /// Whether the mark covers characters of text (and may go on over a page break).
    pub fn marks_text(self) -> bool {
        matches!(
            self,
            MarkKind::Highlight
                | MarkKind::Underline
                | MarkKind::StrikeOut
                | MarkKind::Squiggly
                | MarkKind::Replace
        )
    }
}

/// A rectangle on a page in points, from the top-left corner, y down (as `crate::page`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

/// Where a mark lies on a proof page: for highlighting it on the preview, which draws the same
/// pages while the text is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spot {
    /// 1-based page.
    pub page: u32,
    /// The rectangle, in points from the page's top-left corner.
    pub area: Area,
}

/// A reply to a mark (/IRT), as a reader's comment thread shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// Who wrote it (/T).
    pub author: String,
    /// When (/M), 「2020-04-28 15:30」.
    pub date: Option<String>,
    /// What it says.
    pub text: String,
}

/// One mark as found in the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Its kind.
    pub kind: MarkKind,
    /// 1-based page.
    pub page: u32,
    /// Who made it (/T).
    pub author: String,
    /// When (/M), 「2020-04-28 15:30」.
    pub date: Option<String>,
    /// The comment (/Contents, else /RC as plain text); a 替换 group's replacement.
    pub text: String,
    /// Where: the quads of a text markup, else its /Rect.
    pub areas: Vec<Area>,
    /// For a 替换 group, the text that replaces the struck one.
    pub replacement: Option<String>,
    /// The replies, in the order the PDF lists them.
    pub replies: Vec<Reply>,
}

/// One review comment: a mark with its place in the text and what it proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Its kind.
    pub kind: MarkKind,
    /// 1-based page of the proof (the first, for a mark over a page break).
    pub page: u32,
    /// Who made it.
    pub author: String,
    /// When, 「2020-04-28 15:30」.
    pub date: Option<String>,
    /// What it says.
    pub text: String,
    /// The replies.
    pub replies: Vec<Reply>,
    /// Where it sits in the text; `None` on a page with no text it could belong to.
    pub anchor: Option<Anchor>,
    /// The change it proposes, when it spells one out.
    pub suggestion: Option<Suggestion>,
    /// Where the mark lies on the proof's pages.
    #[serde(default)]
    pub spots: Vec<Spot>,
}

// A spot's numbers come from a parsed PDF and are never NaN, so equality is total.
impl Eq for Spot {}

/// What reading one commented proof gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    /// The proof round the PDF shows.
    pub round: u32,
    /// Something the editor should know (an older round), in words.
    pub warning: Option<String>,
    /// The comments in page order; empty when the reviewers made no marks.
    pub comments: Vec<Comment>,
}

/// Why a PDF's marks cannot be read into this issue. Nothing is stored when one occurs.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// Not a PDF, or one lopdf cannot read.
    #[error("无法读取这个 PDF 文件（{0}）：文件可能已损坏或没有传完整。请让审阅人重新发送，或用 PDF 阅读器打开后另存一份再导入")]
    Damaged(String),
    /// A PDF without the identity our proofs carry.
    #[error("这个 PDF 不是本软件导出的校样（文件里没有期刊和校样次数的记录），批注无法对应到文字。请在「校样」面板（或 bulletin proof --pdf）导出校样发给审阅人")]
    NotAProof,
    /// The proof of another issue.
    #[error("这个 PDF 是另一期简报的校样（{title}），不是这一期的。请打开那一期再导入审阅意见")]
    OtherIssue {
        /// The issue the PDF names.
        found: IssueId,
        /// Its title as the PDF gives it, or its id.
        title: String,
    },
    /// A round the store does not have.
    #[error("这一期没有第{0}次校样的记录，批注无法对应到文字。请确认导入的是这一期导出的校样")]
    NoRound(u32),
    /// The round's stored content is not what the PDF shows.
    #[error("这个 PDF 与存档的第{0}次校样内容不一致（导出后校样记录被改动过），批注的位置对不上，没有导入。请重新导出第{0}次校样请审阅人批注")]
    RoundChanged(u32),
    /// The round cannot be laid out again.
    #[error(transparent)]
    Layout(#[from] crate::layout::LayoutError),
    /// The store could not read the rounds or keep the comments.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// What importing a commented proof into the store did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// What the PDF held.
    pub review: Review,
    /// How many comments were new (the rest were kept already).
    pub added: usize,
}

impl Imported {
    /// The outcome in words: 「第1次校样：读到 5 条审阅意见，新增 5 条」.
    pub fn message(&self) -> String {
        let r = &self.review;
        if r.comments.is_empty() {
            return format!(
                "这个 PDF（第{}次校样）里没有批注：审阅人没有做任何标记，或保存时没有保留批注。",
                r.round
            );
        }
        let kept = r.comments.len() - self.added;
        let mut s = format!(
            "第{}次校样：读到 {} 条审阅意见，新增 {} 条",
            r.round,
            r.comments.len(),
            self.added
        );
        if kept > 0 {
            s.push_str(&format!("（{kept} 条之前已导入过）"));
        }
        s
    }
}

/// Reads the commented proof `bytes` of issue `id` and keeps its comments in `store` with
/// their round. A refused PDF (another issue's, a changed round, a damaged file) changes nothing.
pub fn import(
    store: &mut crate::store::Store,
    id: IssueId,
    bytes: &[u8],
    fonts: &FontBook,
) -> Result<Imported, ReviewError> {
    let rounds = store.list_proofs(id)?;
    let review = review(bytes, id, &rounds, fonts)?;
    let added = store.add_comments(id, review.round, &review.comments)?;
    Ok(Imported { review, added })
}

/// Reads the marks of the commented proof `bytes` of issue `issue_id` (whose proof rounds are
/// `rounds`) and anchors each to the text of the round it shows, laid out with `fonts`.
pub fn review(
    bytes: &[u8],
    issue_id: IssueId,
    rounds: &[ProofRound],
    fonts: &FontBook,
) -> Result<Review, ReviewError> {
    let pdf = read::marks(bytes)?;
    let identity = pdf.identity.as_ref().ok_or(ReviewError::NotAProof)?;
    if identity.issue_id != issue_id {
        return Err(ReviewError::OtherIssue {
            found: identity.issue_id,
            title: pdf
                .title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| identity.issue_id.short()),
        });
    }
    let round = rounds
        .iter()
        .find(|r| r.round == identity.round)
        .ok_or(ReviewError::NoRound(identity.round))?;
    if crate::proof::content_hash(&round.issue) != identity.content_hash {
        return Err(ReviewError::RoundChanged(round.round));
    }
    let latest = rounds.iter().map(|r| r.round).max().unwrap_or(round.round);
    let mut warnings = Vec::new();
    if latest > round.round {
        warnings.push(format!(
            "这是第{}次校样的审阅意见，这一期已经送审到第{latest}次。意见按第{}次校样的文字定位，之后改过的地方会标出「原文已改动」",
            round.round, round.round
        ));
    }
    let options = crate::pdf::proof_layout(round);
    let doc = crate::layout::layout_with(&round.issue, fonts, &options)?;
    // The same text set in other faces (the font choice changed since the export) puts the
    // glyphs elsewhere; the first /ID, a hash of the pages, tells.
    if pdf
        .first_id
        .as_deref()
        .is_some_and(|id| id != crate::pdf::document_id(&doc, fonts))
    {
        warnings.push(
            "这个 PDF 的版面与现在重新排出的不同（导出校样后字体设置可能改过），意见对应的位置可能有偏差，请逐条核对原文".into(),
        );
    }
    let warning = (!warnings.is_empty()).then(|| warnings.join("；"));
    let map = TextMap::new(&round.issue, &doc, options.bullet, fonts);
    Ok(Review {
        round: round.round,
        warning,
        comments: comments(&map, pdf.marks),
    })
}

/// The marks anchored, a mark over a page break (two annotations) joined into one.
pub fn comments(map: &TextMap, marks: Vec<Mark>) -> Vec<Comment> {
    let mut out: Vec<(Comment, u32)> = Vec::new();
    for mark in marks {
        let anchor = map.anchor(&mark);
        // The first half of a mark over a page break: a mark of the same kind and author on the
        // page before whose text this one continues.
        let before = anchor.as_ref().and_then(|a| {
            out.iter_mut().rev().find(|(prev, last_page)| {
                mark.kind.marks_text()
                    && prev.kind == mark.kind
                    && prev.author == mark.author
                    && *last_page + 1 == mark.page
                    && (mark.text.is_empty() || prev.text.is_empty() || mark.text == prev.text)
                    && prev.anchor.as_ref().is_some_and(|p| map.continues(p, a))
            })
        });
        if let (Some((prev, last_page)), Some(a)) = (before, &anchor) {
            {
                let joined = map.joined(prev.anchor.as_ref().expect("checked"), a);
                prev.anchor = Some(joined);
                if prev.text.is_empty() {
                    prev.text = mark.text.clone();
                }
                prev.replies.extend(mark.replies.iter().cloned());
                prev.spots.extend(spots(&mark));
                prev.suggestion = suggestion_of(prev.kind, &prev.text, prev.anchor.as_ref());
                *last_page = mark.page;
                continue;
            }
        }
        let text = mark
            .replacement
            .clone()
            .unwrap_or_else(|| mark.text.clone());
        let suggestion = suggestion_of(mark.kind, &text, anchor.as_ref());
        let spots = spots(&mark);
        out.push((
            Comment {
                kind: mark.kind,
                page: mark.page,
                author: mark.author,
                date: mark.date,
                text,
                replies: mark.replies,
                anchor,
                suggestion,
                spots,
            },
            mark.page,
        ));
    }
    out.into_iter().map(|(c, _)| c).collect()
}

fn spots(mark: &Mark) -> Vec<Spot> {
    mark.areas
        .iter()
        .map(|&area| Spot {
            page: mark.page,
            area,
        })
        .collect()
}

fn suggestion_of(kind: MarkKind, text: &str, anchor: Option<&Anchor>) -> Option<Suggestion> {
    anchor.filter(|a| !a.nearest_line)?;
    suggestion::of(kind, text)
}

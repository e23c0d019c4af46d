//! The store's side of 审阅意见: the reviewers' comments read from a commented proof PDF, kept
//! with the proof round they were made on, each open, 已处理 or 不采纳 with the editor's reply.
//!
//! The store keeps a comment as JSON and does not look inside it (the review module defines
//! what a comment is), so its functions take and give any serde type.

use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{now, IssueId, Store, StoreError};

/// Where the editor stands on a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    /// Not dealt with yet.
    Open,
    /// 已处理: taken into the text.
    Done,
    /// 不采纳: declined.
    Rejected,
}

impl CommentStatus {
    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            CommentStatus::Open => "待处理",
            CommentStatus::Done => "已处理",
            CommentStatus::Rejected => "不采纳",
        }
    }

    fn as_sql(self) -> &'static str {
        match self {
            CommentStatus::Open => "open",
            CommentStatus::Done => "done",
            CommentStatus::Rejected => "rejected",
        }
    }

    fn from_sql(s: &str) -> CommentStatus {
        match s {
            "done" => CommentStatus::Done,
            "rejected" => CommentStatus::Rejected,
            _ => CommentStatus::Open,
        }
    }
}

/// One stored comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredComment<C> {
    /// The store's number of the comment.
    pub id: i64,
    /// The proof round it was made on.
    pub round: u32,
    /// The comment as read.
    pub comment: C,
    /// Open, 已处理 or 不采纳.
    pub status: CommentStatus,
    /// The editor's reply, possibly empty.
    pub reply: String,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: String,
}

impl Store {
    /// Keeps `comments` (read from a proof of round `round` of issue `id`) in one transaction;
    /// a comment already kept (the same PDF imported again) is not added twice. Returns how many
    /// were new.
    pub fn add_comments<C: Serialize>(
        &mut self,
        id: IssueId,
        round: u32,
        comments: &[C],
    ) -> Result<usize, StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let known: Option<u32> = tx
            .query_row(
                "SELECT round FROM proof_rounds WHERE issue_id = ?1 AND round = ?2",
                params![id.to_string(), round],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        if known.is_none() {
            return Err(StoreError::NoProofRound { id, round });
        }
        let at = now();
        let mut added = 0;
        for c in comments {
            let json = serde_json::to_string(c).expect("a comment serialises");
            added += tx
                .execute(
                    "INSERT OR IGNORE INTO review_comments (issue_id, round, comment, imported_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![id.to_string(), round, json, at],
                )
                .map_err(sql)?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// The comments on issue `id`, by round and then in the order they were read.
    pub fn comments<C: DeserializeOwned>(
        &self,
        id: IssueId,
    ) -> Result<Vec<StoredComment<C>>, StoreError> {
        if !self.exists(id)? {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let sql = |e| self.sql(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT seq, round, comment, status, reply, imported_at FROM review_comments
                 WHERE issue_id = ?1 ORDER BY round, seq",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([id.to_string()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .map_err(sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, round, json, status, reply, imported_at) = row.map_err(sql)?;
            let comment = serde_json::from_str(&json).map_err(|e| StoreError::BadComment {
                id,
                detail: e.to_string(),
            })?;
            out.push(StoredComment {
                id: seq,
                round,
                comment,
                status: CommentStatus::from_sql(&status),
                reply,
                imported_at,
            });
        }
        Ok(out)
    }

    /// Sets comment `comment` of issue `id` to `status` with the editor's `reply`.
    pub fn set_comment_status(
        &mut self,
        id: IssueId,
        comment: i64,
        status: CommentStatus,
        reply: &str,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let n = tx
            .execute(
                "UPDATE review_comments SET status = ?3, reply = ?4 WHERE issue_id = ?1 AND seq = ?2",
                params![id.to_string(), comment, status.as_sql(), reply.trim()],
            )
            .map_err(sql)?;
        if n == 0 {
            return Err(StoreError::NoComment(comment));
        }
        tx.commit()
    }
}

//! The store's side of proofing and the archive: proof rounds (校样) frozen for review, the
//! record of each publication with the SHA-256 of its files, and the small settings table.
//!
//! An issue with an open publication (published and no correction started) is locked: `save`
//! refuses it, so what was printed and archived stays what the store says was printed.

use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{images, now, status_text, IssueId, Store, StoreError};
use crate::model::{Issue, Status};

/// One proof round: the issue as it was sent for review (送审).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProofRound {
    /// 第N次校样, counted from 1 per issue.
    pub round: u32,
    /// The day it was sent (the date on the proof stamp).
    pub date: NaiveDate,
    /// The editor's note, possibly empty.
    pub note: String,
    /// When it was frozen (RFC 3339, UTC).
    pub created_at: String,
    /// The frozen content.
    pub issue: Issue,
}

/// One archived file: its name in the publication's folder, its SHA-256 (lower-case hex) and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedFile {
    /// File name inside `Publication::dir`.
    pub name: String,
    /// SHA-256 of the bytes written, 64 lower-case hex digits.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// A face the PDF of a publication used, and for which role (the office's installed face, a
/// bundled one, or the fallback for rare characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PublishedFace {
    /// The role it set: 小标宋, 仿宋, 黑体, 楷体, 宋体, 西文.
    pub role: String,
    /// Its family name, e.g. 「FandolFang」 or 「方正小标宋简体」.
    pub family: String,
    /// Its PostScript name, as pdffonts shows it.
    pub postscript: String,
    /// Its file (and index in a collection).
    pub file: String,
}

/// One publication (印发) of an issue: revision 1, or a later correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// The issue published.
    pub issue_id: IssueId,
    /// 1 for the first publication, 2 for the first correction, …
    pub revision: u32,
    /// The folder the files were written to.
    pub dir: PathBuf,
    /// When it was published (RFC 3339, UTC).
    pub published_at: String,
    /// When a correction of it was started, if one was.
    pub superseded_at: Option<String>,
    /// The files written, by name.
    pub files: Vec<ArchivedFile>,
    /// The faces its PDF used (empty for publications recorded before version 6 of the store).
    pub faces: Vec<PublishedFace>,
    /// The issue as published.
    pub issue: Issue,
}

impl Publication {
    /// The full path of one archived file.
    pub fn path_of(&self, file: &ArchivedFile) -> PathBuf {
        self.dir.join(&file.name)
    }
}

fn sql_err(path: &std::path::Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| StoreError::from_sqlite(e, path)
}

/// Whether issue `id` has a publication that no correction superseded.
pub(super) fn is_locked(tx: &Transaction<'_>, id: IssueId) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT 1 FROM publications WHERE issue_id = ?1 AND superseded_at IS NULL",
        [id.to_string()],
        |_| Ok(()),
    )
    .optional()
    .map(|r| r.is_some())
}

/// The stored content of `id`, parsed, inside a transaction.
fn content_in(
    tx: &Transaction<'_>,
    id: IssueId,
    path: &std::path::Path,
) -> Result<Issue, StoreError> {
    let content: Option<String> = tx
        .query_row(
            "SELECT content FROM issues WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql_err(path))?;
    let content = content.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    parse_issue(tx, path, id, &content)
}

/// Sets the status of `id` in its row and its content (the text index does not change).
fn set_status_in(
    tx: &Transaction<'_>,
    id: IssueId,
    issue: &mut Issue,
    status: Status,
) -> rusqlite::Result<()> {
    issue.status = status;
    tx.execute(
        "UPDATE issues SET status = ?2, content = ?3, updated_at = ?4 WHERE id = ?1",
        params![
            id.to_string(),
            status_text(status),
            images::content(issue),
            now()
        ],
    )
    .map(|_| ())
}

/// Issue `id` from its stored JSON, with its figures' pictures from the store.
fn parse_issue(
    conn: &rusqlite::Connection,
    path: &std::path::Path,
    id: IssueId,
    content: &str,
) -> Result<Issue, StoreError> {
    let mut issue = crate::json::from_str(content).map_err(|e| StoreError::BadContent {
        id,
        detail: e.to_string(),
    })?;
    images::fill(conn, &mut issue).map_err(sql_err(path))?;
    Ok(issue)
}

impl Store {
    /// 送审: freezes the current content of issue `id` as its next proof round (1, 2, …), dated
    /// today, and sets the issue's status to 校对中. A published issue is refused.
    pub fn freeze_proof(&mut self, id: IssueId, note: &str) -> Result<ProofRound, StoreError> {
        self.freeze_proof_on(id, note, chrono::Local::now().date_naive())
    }

    /// `freeze_proof` with the stamp's date given.
    pub fn freeze_proof_on(
        &mut self,
        id: IssueId,
        note: &str,
        date: NaiveDate,
    ) -> Result<ProofRound, StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let mut issue = content_in(&tx, id, tx.path())?;
        if is_locked(&tx, id).map_err(&sql)? {
            return Err(StoreError::Published(id));
        }
        set_status_in(&tx, id, &mut issue, Status::InProof).map_err(&sql)?;
        let round: u32 = tx
            .query_row(
                "SELECT coalesce(max(round), 0) + 1 FROM proof_rounds WHERE issue_id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .map_err(&sql)?;
        let created_at = now();
        let note = note.trim().to_string();
        tx.execute(
            "INSERT INTO proof_rounds (issue_id, round, date, note, content, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id.to_string(),
                round,
                date.to_string(),
                note,
                images::content(&issue),
                created_at
            ],
        )
        .map_err(&sql)?;
        tx.commit()?;
        Ok(ProofRound {
            round,
            date,
            note,
            created_at,
            issue,
        })
    }

    fn proof_rounds(&self, id: IssueId, round: Option<u32>) -> Result<Vec<ProofRound>, StoreError> {
        let sql = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT round, date, note, created_at, content FROM proof_rounds
                 WHERE issue_id = ?1 AND (?2 IS NULL OR round = ?2) ORDER BY round",
            )
            .map_err(&sql)?;
        let rows = stmt
            .query_map(params![id.to_string(), round], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })
            .map_err(&sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (round, date, note, created_at, content) = row.map_err(&sql)?;
            let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|e| {
                StoreError::BadContent {
                    id,
                    detail: format!("第{round}次校样的日期「{date}」：{e}"),
                }
            })?;
            out.push(ProofRound {
                round,
                date,
                note,
                created_at,
                issue: parse_issue(&self.conn, &self.path, id, &content)?,
            });
        }
        Ok(out)
    }

    /// The proof rounds of issue `id`, oldest first (empty when it was never sent for review).
    pub fn list_proofs(&self, id: IssueId) -> Result<Vec<ProofRound>, StoreError> {
        if !self.exists(id)? {
            return Err(StoreError::NotFound(id.to_string()));
        }
        self.proof_rounds(id, None)
    }

    /// Proof round `round` of issue `id`.
    pub fn load_proof(&self, id: IssueId, round: u32) -> Result<ProofRound, StoreError> {
        if !self.exists(id)? {
            return Err(StoreError::NotFound(id.to_string()));
        }
        self.proof_rounds(id, Some(round))?
            .pop()
            .ok_or(StoreError::NoProofRound { id, round })
    }

    /// The value of setting `key`, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql_err(&self.path))
    }

    /// Sets setting `key` to `value`, or removes it with `None`.
    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        let sql = sql_err(&self.path);
        match value {
            Some(v) => self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            ),
            None => self
                .conn
                .execute("DELETE FROM settings WHERE key = ?1", [key]),
        }
        .map(|_| ())
        .map_err(sql)
    }

    /// Whether issue `id` is published and locked (no correction started since).
    pub fn is_published(&self, id: IssueId) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM publications WHERE issue_id = ?1 AND superseded_at IS NULL",
                [id.to_string()],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(sql_err(&self.path))
    }

    /// The revision number the next publication of issue `id` gets (1 when never published).
    pub fn next_revision(&self, id: IssueId) -> Result<u32, StoreError> {
        self.conn
            .query_row(
                "SELECT coalesce(max(revision), 0) + 1 FROM publications WHERE issue_id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .map_err(sql_err(&self.path))
    }

    /// Records that issue `id` was published as revision `revision` into `dir` with `files`
    /// set in `faces`, and sets its status to 已印发, which locks it. Fails when it is already published, or when
    /// `revision` is not the next one (another publication came first).
    pub fn record_publication(
        &mut self,
        id: IssueId,
        revision: u32,
        dir: &std::path::Path,
        files: &[ArchivedFile],
        faces: &[PublishedFace],
    ) -> Result<Publication, StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let mut issue = content_in(&tx, id, tx.path())?;
        if is_locked(&tx, id).map_err(&sql)? {
            return Err(StoreError::Published(id));
        }
        set_status_in(&tx, id, &mut issue, Status::Published).map_err(&sql)?;
        let published_at = now();
        let seq: i64 = tx
            .query_row(
                "INSERT INTO publications (issue_id, revision, dir, content, published_at, faces)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING seq",
                params![
                    id.to_string(),
                    revision,
                    dir.to_string_lossy(),
                    images::content(&issue),
                    published_at,
                    serde_json::to_string(faces).unwrap_or_else(|_| "[]".into())
                ],
                |r| r.get(0),
            )
            .map_err(&sql)?;
        for f in files {
            tx.execute(
                "INSERT INTO archive_files (publication, name, sha256, size) VALUES (?1, ?2, ?3, ?4)",
                params![seq, f.name, f.sha256, f.size],
            )
            .map_err(&sql)?;
        }
        tx.commit()?;
        Ok(Publication {
            issue_id: id,
            revision,
            dir: dir.to_path_buf(),
            published_at,
            superseded_at: None,
            files: files.to_vec(),
            faces: faces.to_vec(),
            issue,
        })
    }

    /// Starts a correction of published issue `id`: its publication stays in the archive (files
    /// and hashes), marked superseded, and the issue becomes a 草稿 again; the next publication is
    /// a new revision. Returns that revision's number.
    pub fn start_correction(&mut self, id: IssueId) -> Result<u32, StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let mut issue = content_in(&tx, id, tx.path())?;
        let changed = tx
            .execute(
                "UPDATE publications SET superseded_at = ?2
                 WHERE issue_id = ?1 AND superseded_at IS NULL",
                params![id.to_string(), now()],
            )
            .map_err(&sql)?;
        if changed == 0 {
            return Err(StoreError::NotPublished(id));
        }
        set_status_in(&tx, id, &mut issue, Status::Draft).map_err(&sql)?;
        let next: u32 = tx
            .query_row(
                "SELECT coalesce(max(revision), 0) + 1 FROM publications WHERE issue_id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .map_err(&sql)?;
        tx.commit()?;
        Ok(next)
    }

    /// The publications of issue `id` (or of every issue with `None`), oldest first.
    pub fn publications(&self, id: Option<IssueId>) -> Result<Vec<Publication>, StoreError> {
        let sql = sql_err(&self.path);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT seq, issue_id, revision, dir, published_at, superseded_at, content, faces
                 FROM publications WHERE ?1 IS NULL OR issue_id = ?1 ORDER BY seq",
            )
            .map_err(&sql)?;
        let rows = stmt
            .query_map([id.map(|i| i.to_string())], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })
            .map_err(&sql)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(&sql)?;
        let mut files_stmt = self
            .conn
            .prepare(
                "SELECT name, sha256, size FROM archive_files WHERE publication = ?1 ORDER BY rowid",
            )
            .map_err(&sql)?;
        let mut out = Vec::new();
        for (seq, issue_id, revision, dir, published_at, superseded_at, content, faces) in rows {
            let issue_id: IssueId = issue_id
                .parse()
                .map_err(|_| StoreError::NotFound(issue_id.clone()))?;
            let files = files_stmt
                .query_map([seq], |r| {
                    Ok(ArchivedFile {
                        name: r.get(0)?,
                        sha256: r.get(1)?,
                        size: r.get(2)?,
                    })
                })
                .map_err(&sql)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(&sql)?;
            out.push(Publication {
                issue_id,
                revision,
                dir: PathBuf::from(dir),
                published_at,
                superseded_at,
                files,
                // A record this program cannot read names no faces rather than hiding the rest.
                faces: serde_json::from_str(&faces).unwrap_or_default(),
                issue: parse_issue(&self.conn, &self.path, issue_id, &content)?,
            });
        }
        Ok(out)
    }
}

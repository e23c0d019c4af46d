//! The local archive: one SQLite file holding every issue, with a recycle bin and text search.
//!
//! Opening creates the file (and its directory) on first use and migrates older schemas forward,
//! after a backup copy made with SQLite's backup API. Every write is one transaction in WAL mode
//! with `synchronous = FULL`: a save that returned is on disk, and a crash (or power loss) keeps
//! exactly the saves that returned. FULL rather than NORMAL costs one fsync per save, which an
//! editor saving a few times a minute never notices, and NORMAL could lose the last returned saves
//! on power loss, which the promise "nothing typed is lost" does not allow.

mod aliases;
mod comments;
mod error;
mod id;
mod images;
mod revisions;
mod schema;
mod text;

use std::fs;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Row, Transaction, TransactionBehavior,
};
use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::model::{Issue, Status};

pub use aliases::UnitAlias;
pub use comments::{CommentStatus, StoredComment};
pub use error::{io_reason, StoreError};
pub use id::{IssueId, IssueIdError};
pub use revisions::{ArchivedFile, ProofRound, Publication, PublishedFace};
pub use schema::{APPLICATION_ID, LATEST as SCHEMA_VERSION};

/// The environment variable that names the database file, overriding the default location.
pub const DB_ENV: &str = "BULLETIN_DB";

/// The open archive.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// An issue as stored: its id, its content and when it was created, changed and deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredIssue {
    /// The store's id of the issue.
    pub id: IssueId,
    /// The content.
    pub issue: Issue,
    /// When it was first stored (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last saved (RFC 3339, UTC).
    pub updated_at: String,
    /// When it was moved to the recycle bin, if it is there.
    pub deleted_at: Option<String>,
}

/// One line of the list of issues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueSummary {
    /// The store's id of the issue.
    pub id: IssueId,
    /// 第N期.
    pub number: u32,
    /// 总第M期.
    pub total_number: u32,
    /// The masthead date.
    pub date: NaiveDate,
    /// 草稿 / 校对中 / 已印发.
    pub status: Status,
    /// The first article's headline on one line, if there is an article.
    pub first_headline: Option<String>,
    /// When it was last saved (RFC 3339, UTC).
    pub updated_at: String,
    /// When it was moved to the recycle bin, if it is there.
    pub deleted_at: Option<String>,
}

/// What `Store::import` did with an issue read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// Stored as a new issue. `same_total`: the other issues (not in the recycle bin) with its
    /// 总第M期, whose content differs — a second version, or a wrong number, for the editor to check.
    New {
        /// The new issue.
        id: IssueId,
        /// Other issues with the same 总第M期.
        same_total: Vec<IssueId>,
    },
    /// The archive already holds an issue with exactly this content: nothing was written.
    AlreadyStored(IssueId),
}

/// An issue that contains every word of a search, with the text around the first word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The issue found.
    pub id: IssueId,
    /// Its line in the list.
    pub summary: IssueSummary,
    /// The sentence around the first word of the query, cut to a short window.
    pub snippet: String,
    /// Byte range of that word inside `snippet`, for highlighting.
    pub highlight: Range<usize>,
    /// Byte ranges of every word of the query inside `snippet` (sorted, not overlapping).
    pub highlights: Vec<Range<usize>>,
}

/// One page of search results.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    /// How many issues match in all.
    pub total: usize,
    /// The first hits, newest first, with their text.
    pub hits: Vec<SearchHit>,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const SUMMARY_COLUMNS: &str =
    "id, number, total_number, date, status, first_headline, updated_at, deleted_at";

/// Now, as stored: RFC 3339 in UTC with milliseconds.
fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// (Re)writes an issue's rows in both search indexes (trigram and per-character) inside the
/// caller's transaction; one place, so insert and save keep the indexes alike.
fn write_search_text(tx: &rusqlite::Transaction<'_>, seq: i64, body: &str) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM issue_text WHERE rowid = ?1", [seq])?;
    tx.execute(
        "INSERT INTO issue_text (rowid, body) VALUES (?1, ?2)",
        params![seq, body],
    )?;
    tx.execute("DELETE FROM issue_chars WHERE rowid = ?1", [seq])?;
    tx.execute(
        "INSERT INTO issue_chars (rowid, body) VALUES (?1, ?2)",
        params![seq, text::char_tokens(body)],
    )?;
    Ok(())
}

/// A path beside the database `db` no file holds: `<name><label>.bak`, or `<name><label>-2.bak`,
/// … when earlier copies are there (a kept copy is never overwritten).
fn unused_bak_path(db: &Path, label: &str) -> PathBuf {
    let name = db.file_name().unwrap_or_default().to_string_lossy();
    let mut candidate = db.with_file_name(format!("{name}{label}.bak"));
    let mut n = 2;
    while candidate.exists() {
        candidate = db.with_file_name(format!("{name}{label}-{n}.bak"));
        n += 1;
    }
    candidate
}

fn status_text(status: Status) -> String {
    match serde_json::to_value(status) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("Status serialises as a string"),
    }
}

fn first_headline(issue: &Issue) -> Option<String> {
    issue
        .articles
        .first()
        .map(|a| a.headline_text())
        .filter(|h| !h.trim().is_empty())
}

/// A write transaction, taken at once (`BEGIN IMMEDIATE`: no other writer interleaves between
/// its reads and writes), with the database's path for error messages. Dropped without
/// `commit`, it rolls back: nothing of a failed save is left half-written.
pub(crate) struct Write<'a> {
    tx: Transaction<'a>,
    path: &'a Path,
}

impl<'a> Write<'a> {
    /// Turns an SQLite error into the store's error, naming the database file.
    fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + Copy + 'a {
        let path = self.path;
        move |e| StoreError::from_sqlite(e, path)
    }

    /// The database file.
    fn path(&self) -> &'a Path {
        self.path
    }

    /// Makes every change of the transaction durable.
    fn commit(self) -> Result<(), StoreError> {
        let sql = self.sql();
        self.tx.commit().map_err(sql)
    }
}

impl<'a> std::ops::Deref for Write<'a> {
    type Target = Transaction<'a>;
    fn deref(&self) -> &Transaction<'a> {
        &self.tx
    }
}

impl Store {
    /// Starts a write transaction (see `Write`).
    fn write(&mut self) -> Result<Write<'_>, StoreError> {
        let path = &self.path;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::from_sqlite(e, path))?;
        Ok(Write { tx, path })
    }

    /// Opens the database at `path`, creating it (and its directory) if needed and migrating an
    /// older schema after a backup. Files that are not ours, or are newer, are refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let path = path.to_path_buf();
        if Self::probe(&path)?.is_none() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir).map_err(|source| StoreError::CannotCreateDir {
                    dir: dir.to_path_buf(),
                    source,
                })?;
            }
        }
        let sql = |e| StoreError::from_sqlite(e, &path);
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql)?;
        // SQLite silently falls back to read-only when the file cannot be written.
        if conn.is_readonly("main").map_err(sql)? {
            return Err(StoreError::ReadOnly { path });
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql)?;
        // The header may lag behind a write-ahead log left by a crash: check again through SQLite
        // before anything is written.
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql)?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(sql)?;
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(sql)?;
        Self::check_identity(&path, version, app_id, objects > 0)?;
        if version > 0 && version < schema::LATEST {
            Self::backup_before_migration(&conn, &path, version)?;
        }
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        let mut store = Store { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// Looks at an existing, non-empty file through its 100-byte header only, so that a refused
    /// file is not touched at all (not even by SQLite's side files): is it an SQLite database, is
    /// it ours, is it from a newer program? Its schema version, or `None` when nothing is there.
    fn probe(path: &Path) -> Result<Option<u32>, StoreError> {
        let cannot_open = |e: std::io::Error| StoreError::CannotOpen {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(cannot_open(e)),
        };
        if meta.is_dir() {
            return Err(StoreError::CannotOpen {
                path: path.to_path_buf(),
                detail: "这是一个目录，不是文件".into(),
            });
        }
        if meta.len() == 0 {
            return Ok(None);
        }
        let not_a_database = || StoreError::NotADatabase {
            path: path.to_path_buf(),
        };
        // The database header (https://sqlite.org/fileformat.html#the_database_header).
        let mut header = [0u8; 100];
        let mut f = fs::File::open(path).map_err(cannot_open)?;
        if meta.len() < 100 || f.read_exact(&mut header).is_err() || &header[..16] != SQLITE_MAGIC {
            return Err(not_a_database());
        }
        let be32 = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().expect("4 bytes"));
        let page_size = match u16::from_be_bytes([header[16], header[17]]) {
            1 => 65536,
            n if n >= 512 && n.is_power_of_two() => u64::from(n),
            _ => {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                })
            }
        };
        let version = be32(60);
        let app_id = be32(68) as i32;
        Self::check_identity(path, version, app_id, meta.len() > page_size)?;
        Ok(Some(version))
    }

    /// Refuses some other program's SQLite file (an application id not ours, on a database that
    /// is not empty) and a database from a newer program.
    fn check_identity(
        path: &Path,
        version: u32,
        app_id: i32,
        has_content: bool,
    ) -> Result<(), StoreError> {
        if app_id != schema::APPLICATION_ID && (version != 0 || has_content) {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
            });
        }
        if version > schema::LATEST {
            return Err(StoreError::NewerVersion {
                path: path.to_path_buf(),
                found: version,
                known: schema::LATEST,
            });
        }
        Ok(())
    }

    /// Copies the database beside itself as `<name>.v<version>.bak` (or `.v<version>-2.bak`, …
    /// when an older backup is there) with SQLite's backup API, before a migration changes it.
    fn backup_before_migration(
        conn: &Connection,
        path: &Path,
        version: u32,
    ) -> Result<PathBuf, StoreError> {
        let backup = unused_bak_path(path, &format!(".v{version}"));
        conn.backup("main", &backup, None).map_err(|e| {
            let _ = fs::remove_file(&backup);
            StoreError::Backup {
                backup: backup.clone(),
                detail: e.to_string(),
            }
        })?;
        Ok(backup)
    }

    /// Writes a complete copy of the database to `dest` with SQLite's online backup (a consistent
    /// snapshot even while another window saves), atomically: `dest` is left as it was or holds
    /// the whole copy, never half of one. The copy is a database of its own: `--db` opens it.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        let fail = |detail: String| StoreError::BackupTo {
            dest: dest.to_path_buf(),
            detail,
        };
        let tmp = atomic_file::temporary_beside(dest).map_err(|e| fail(io_reason(&e)))?;
        let result = self
            .conn
            .backup("main", &tmp, None)
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DiskFull) => "磁盘已满".to_string(),
                Some(rusqlite::ErrorCode::CannotOpen) => "无法在这里创建文件".to_string(),
                _ => e.to_string(),
            })
            .and_then(|()| atomic_file::install(&tmp, dest).map_err(|e| io_reason(&e)));
        result.map_err(|detail| {
            let _ = fs::remove_file(&tmp);
            fail(detail)
        })
    }

    /// Replaces the whole database with the backup at `src` (SQLite's backup run the other way,
    /// under the database's own locks: all of it or, on failure, none), after copying the current
    /// database beside itself as `<name>.before-restore-<time>.bak`, whose path is returned: a
    /// restore loses nothing. A file that is not a backup of ours, or is from a newer program, is
    /// refused before anything changes; an older backup is migrated.
    pub fn restore_from(&mut self, src: &Path) -> Result<PathBuf, StoreError> {
        let refuse = |reason: &str| StoreError::NotABackup {
            path: src.to_path_buf(),
            reason: reason.into(),
        };
        match Self::probe(src) {
            Ok(Some(_)) => {}
            Ok(None) => return Err(refuse("文件是空的或不存在")),
            Err(StoreError::NotADatabase { .. }) => return Err(refuse("它不是数据库文件")),
            Err(StoreError::ForeignDatabase { .. }) => {
                return Err(refuse("它是其他程序的数据库，不是本程序的数据备份"))
            }
            Err(StoreError::NewerVersion { .. }) => {
                return Err(refuse("它由更新版本的程序创建，请先升级本程序"))
            }
            Err(StoreError::Corrupt { .. }) => return Err(refuse("文件已损坏")),
            Err(e) => return Err(e),
        }
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let kept = unused_bak_path(&self.path, &format!(".before-restore-{stamp}"));
        self.backup_to(&kept)?;
        self.conn
            .restore("main", src, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| StoreError::from_sqlite(e, src))?;
        self.migrate()?;
        Ok(kept)
    }

    /// Brings the schema to the newest version in one transaction: all steps or none.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        // Read again under the write lock: another process may have migrated meanwhile.
        let version: u32 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql)?;
        if version > schema::LATEST {
            return Err(StoreError::NewerVersion {
                path: tx.path().to_path_buf(),
                found: version,
                known: schema::LATEST,
            });
        }
        if version < schema::LATEST {
            schema::migrate(&tx, version).map_err(sql)?;
        }
        tx.commit()
    }

    /// The database file used when none is given: `$BULLETIN_DB`, else
    /// `<data dir>/bulletin/bulletin.sqlite3` (e.g. `~/.local/share/bulletin/bulletin.sqlite3`).
    pub fn default_path() -> Result<PathBuf, StoreError> {
        if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        dirs::data_dir()
            .map(|d| d.join("bulletin").join("bulletin.sqlite3"))
            .ok_or(StoreError::NoDataDir)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sql(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(e, &self.path)
    }

    /// Stores a new issue and returns its id.
    pub fn insert(&mut self, issue: &Issue) -> Result<IssueId, StoreError> {
        let id = IssueId::new();
        let content = images::content(issue);
        let body = text::searchable(issue);
        let t = now();
        let tx = self.write()?;
        let sql = tx.sql();
        tx.execute(
            "INSERT INTO issues (id, number, total_number, date, status, first_headline, content,
                                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id.to_string(),
                issue.masthead.number.get(),
                issue.masthead.total_number.get(),
                issue.masthead.date.to_string(),
                status_text(issue.status),
                first_headline(issue),
                content,
                t,
            ],
        )
        .map_err(sql)?;
        let seq = tx.last_insert_rowid();
        write_search_text(&tx, seq, &body).map_err(sql)?;
        images::put_used(&tx, issue).map_err(sql)?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores an issue read from a file, unless the archive already holds it word for word (not
    /// in the recycle bin): importing the same folder twice adds nothing.
    pub fn import(&mut self, issue: &Issue) -> Result<Imported, StoreError> {
        let total = issue.masthead.total_number.get();
        let mut same_total = Vec::new();
        // Pictures no figure shows are not stored, so they do not count.
        let mut compared = issue.clone();
        compared.images = issue.used_images();
        for s in self.list()?.into_iter().filter(|s| s.total_number == total) {
            if self.load(s.id)?.issue == compared {
                return Ok(Imported::AlreadyStored(s.id));
            }
            same_total.push(s.id);
        }
        let id = self.insert(issue)?;
        Ok(Imported::New { id, same_total })
    }

    /// Replaces the content of issue `id`, in one transaction: when this returns `Ok`, the new
    /// content is on disk; when it fails, the previous content is intact. An issue in the recycle
    /// bin may be saved too (it stays there), so an editor still open on it loses nothing.
    /// A published issue is refused (`StoreError::Published`) until `start_correction`.
    pub fn save(&mut self, id: IssueId, issue: &Issue) -> Result<(), StoreError> {
        let content = images::content(issue);
        let body = text::searchable(issue);
        let t = now();
        let tx = self.write()?;
        let sql = tx.sql();
        // What was printed stays as archived: a correction starts a new revision first.
        if revisions::is_locked(&tx, id).map_err(sql)? {
            return Err(StoreError::Published(id));
        }
        let seq: Option<i64> = tx
            .query_row(
                "UPDATE issues SET number = ?2, total_number = ?3, date = ?4, status = ?5,
                        first_headline = ?6, content = ?7, updated_at = ?8
                 WHERE id = ?1 RETURNING seq",
                params![
                    id.to_string(),
                    issue.masthead.number.get(),
                    issue.masthead.total_number.get(),
                    issue.masthead.date.to_string(),
                    status_text(issue.status),
                    first_headline(issue),
                    content,
                    t,
                ],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        let Some(seq) = seq else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        write_search_text(&tx, seq, &body).map_err(sql)?;
        images::put_used(&tx, issue).map_err(sql)?;
        tx.commit()
    }

    /// Reads issue `id` (also from the recycle bin).
    pub fn load(&self, id: IssueId) -> Result<StoredIssue, StoreError> {
        let row: Option<(String, String, String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT content, created_at, updated_at, deleted_at FROM issues WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        let (content, created_at, updated_at, deleted_at) =
            row.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let mut issue = crate::json::from_str(&content).map_err(|e| StoreError::BadContent {
            id,
            detail: e.to_string(),
        })?;
        self.fill_images(&mut issue)?;
        Ok(StoredIssue {
            id,
            issue,
            created_at,
            updated_at,
            deleted_at,
        })
    }

    fn summaries(&self, filter_and_order: &str) -> Result<Vec<IssueSummary>, StoreError> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM issues {filter_and_order}");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| Ok(RawSummary::read(r, 0)))
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(
                row.map_err(|e| self.sql(e))?
                    .map_err(|e| self.sql(e))?
                    .check()?,
            );
        }
        Ok(out)
    }

    /// The issues not in the recycle bin, newest (总第M期 descending) first.
    pub fn list(&self) -> Result<Vec<IssueSummary>, StoreError> {
        self.summaries(
            "WHERE deleted_at IS NULL ORDER BY total_number DESC, date DESC, updated_at DESC",
        )
    }

    /// How many issues the store holds, the recycle bin's included.
    pub fn issue_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM issues", [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    /// The recycle bin, most recently deleted first.
    pub fn list_deleted(&self) -> Result<Vec<IssueSummary>, StoreError> {
        self.summaries("WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, total_number DESC")
    }

    /// The newest issue not in the recycle bin (highest 总第M期), if any.
    pub fn latest(&self) -> Result<Option<IssueSummary>, StoreError> {
        Ok(self.list()?.into_iter().next())
    }

    /// Sets or clears `deleted_at` of issue `id`, in one transaction.
    fn set_deleted(&mut self, id: IssueId, delete: bool) -> Result<(), StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let deleted_at: Option<Option<String>> = tx
            .query_row(
                "SELECT deleted_at FROM issues WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        match (deleted_at, delete) {
            (None, _) => return Err(StoreError::NotFound(id.to_string())),
            (Some(Some(_)), true) => return Err(StoreError::AlreadyDeleted(id)),
            (Some(None), false) => return Err(StoreError::NotDeleted(id)),
            _ => {}
        }
        let value = delete.then(now);
        tx.execute(
            "UPDATE issues SET deleted_at = ?2 WHERE id = ?1",
            params![id.to_string(), value],
        )
        .map_err(sql)?;
        tx.commit()
    }

    /// Moves issue `id` to the recycle bin.
    pub fn delete(&mut self, id: IssueId) -> Result<(), StoreError> {
        self.set_deleted(id, true)
    }

    /// Brings issue `id` back from the recycle bin.
    pub fn restore(&mut self, id: IssueId) -> Result<(), StoreError> {
        self.set_deleted(id, false)
    }

    /// Removes issue `id` for good; only an issue already in the recycle bin can be purged.
    pub fn purge(&mut self, id: IssueId) -> Result<(), StoreError> {
        let tx = self.write()?;
        let sql = tx.sql();
        let row: Option<(i64, Option<String>)> = tx
            .query_row(
                "SELECT seq, deleted_at FROM issues WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql)?;
        match row {
            None => Err(StoreError::NotFound(id.to_string())),
            Some((_, None)) => Err(StoreError::NotDeleted(id)),
            Some((seq, Some(_))) => {
                tx.execute("DELETE FROM issue_text WHERE rowid = ?1", [seq])
                    .map_err(sql)?;
                tx.execute("DELETE FROM issue_chars WHERE rowid = ?1", [seq])
                    .map_err(sql)?;
                tx.execute("DELETE FROM issues WHERE seq = ?1", [seq])
                    .map_err(sql)?;
                images::collect_garbage(&tx).map_err(sql)?;
                tx.commit()
            }
        }
    }

    /// 「新建下一期」: stores `Issue::next_issue` of issue `from` (第N期 + 1, or 1 in a new year;
    /// 总第M期 + 1; masthead and closing copied; content empty) dated `date`, or today.
    pub fn new_next(
        &mut self,
        from: IssueId,
        date: Option<NaiveDate>,
    ) -> Result<IssueId, StoreError> {
        let base = self.load(from)?;
        let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
        self.insert(&base.issue.next_issue(date))
    }

    /// The id of the one issue whose id is `text` or starts with `text` (at least 4 characters),
    /// in the list or in the recycle bin.
    pub fn resolve(&self, text: &str) -> Result<IssueId, StoreError> {
        let text = text.trim().to_ascii_lowercase();
        let not_found = || StoreError::NotFound(text.clone());
        if let Ok(id) = text.parse::<IssueId>() {
            return self
                .exists(id)?
                .then_some(id)
                .ok_or_else(|| StoreError::NotFound(id.to_string()));
        }
        if text.len() < 4 || !text.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(not_found());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM issues WHERE substr(id, 1, length(?1)) = ?1 LIMIT 2")
            .map_err(|e| self.sql(e))?;
        let ids: Vec<String> = stmt
            .query_map([&text], |r| r.get(0))
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql(e))?;
        match ids.as_slice() {
            [] => Err(not_found()),
            [one] => one.parse().map_err(|_| not_found()),
            _ => {
                let count: usize = self
                    .conn
                    .query_row(
                        "SELECT count(*) FROM issues WHERE substr(id, 1, length(?1)) = ?1",
                        [&text],
                        |r| r.get(0),
                    )
                    .map_err(|e| self.sql(e))?;
                Err(StoreError::AmbiguousId {
                    prefix: text,
                    count,
                })
            }
        }
    }

    /// Whether issue `id` is stored (in the list or the recycle bin).
    pub fn exists(&self, id: IssueId) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM issues WHERE id = ?1",
                [id.to_string()],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.sql(e))
    }

    /// The issues (not in the recycle bin) that contain every word of `query` (words are split at
    /// spaces; case is ignored for Latin letters; Chinese needs no segmentation), newest first,
    /// each with the sentence around the first word and every word highlighted. A blank query
    /// finds nothing.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, StoreError> {
        Ok(self.search_page(query, usize::MAX)?.hits)
    }

    /// Like `search`, but with the text of only the first `limit` hits (what a result list
    /// shows), and how many issues match in all.
    pub fn search_page(&self, query: &str, limit: usize) -> Result<SearchPage, StoreError> {
        let terms = text::terms(query);
        let Some(first) = terms.first() else {
            return Ok(SearchPage::default());
        };
        // Words of three characters or more go to the trigram index, shorter ones to the
        // character index; both answer from the index alone, without reading the texts.
        let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
        let long: Vec<String> = terms
            .iter()
            .filter(|t| t.chars().count() >= 3)
            .map(|t| quote(t))
            .collect();
        let short: Vec<String> = terms
            .iter()
            .filter(|t| t.chars().count() < 3)
            .map(|t| quote(&text::char_tokens(t)))
            .collect();
        let mut filters = String::new();
        let mut args = Vec::new();
        for (table, words) in [("issue_text", long), ("issue_chars", short)] {
            if !words.is_empty() {
                args.push(words.join(" AND "));
                filters.push_str(&format!(
                    " AND i.seq IN (SELECT rowid FROM {table} WHERE {table} MATCH ?{})",
                    args.len()
                ));
            }
        }
        let columns = SUMMARY_COLUMNS
            .split(", ")
            .map(|c| format!("i.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            // The covering index, not a row lookup per match: reading a row's later columns
            // means reading its whole JSON content first.
            "SELECT {columns}, i.seq FROM issues i INDEXED BY issues_listing
             WHERE i.deleted_at IS NULL {filters}
             ORDER BY i.total_number DESC, i.date DESC, i.updated_at DESC"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.sql(e))?;
        let found: Vec<(Result<RawSummary, rusqlite::Error>, i64)> = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok((RawSummary::read(r, 0), r.get(8)?))
            })
            .map_err(|e| self.sql(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sql(e))?;
        let mut page = SearchPage {
            total: found.len(),
            hits: Vec::new(),
        };
        let mut body_of = self
            .conn
            .prepare("SELECT body FROM issue_text WHERE rowid = ?1")
            .map_err(|e| self.sql(e))?;
        for (raw, seq) in found {
            if page.hits.len() >= limit {
                break;
            }
            let body: String = body_of
                .query_row([seq], |r| r.get(0))
                .map_err(|e| self.sql(e))?;
            // The indexes fold case beyond ASCII; the hits shown match as `text::find` does.
            if !terms.iter().all(|t| text::find(&body, t).is_some()) {
                page.total -= 1;
                continue;
            }
            let summary = raw.map_err(|e| self.sql(e))?.check()?;
            let (snippet, highlight) = text::snippet(&body, first).unwrap_or_default();
            let highlights = text::highlights(&snippet, &terms);
            page.hits.push(SearchHit {
                id: summary.id,
                summary,
                snippet,
                highlight,
                highlights,
            });
        }
        Ok(page)
    }

    /// Test hook: limits the database to `pages` pages for this connection (SQLite's
    /// `max_page_count`), so tests can make the disk "full". Returns the limit now in force.
    #[doc(hidden)]
    pub fn set_max_page_count(&self, pages: u64) -> Result<u64, StoreError> {
        self.conn
            .pragma_update_and_check(None, "max_page_count", pages, |r| r.get(0))
            .map_err(|e| self.sql(e))
    }
}

/// A summary row as SQLite gives it, before its text columns are checked.
struct RawSummary {
    id: String,
    number: u32,
    total_number: u32,
    date: String,
    status: String,
    first_headline: Option<String>,
    updated_at: String,
    deleted_at: Option<String>,
}

impl RawSummary {
    fn read(r: &Row<'_>, at: usize) -> rusqlite::Result<RawSummary> {
        Ok(RawSummary {
            id: r.get(at)?,
            number: r.get(at + 1)?,
            total_number: r.get(at + 2)?,
            date: r.get(at + 3)?,
            status: r.get(at + 4)?,
            first_headline: r.get(at + 5)?,
            updated_at: r.get(at + 6)?,
            deleted_at: r.get(at + 7)?,
        })
    }

    fn check(self) -> Result<IssueSummary, StoreError> {
        let id: IssueId = self
            .id
            .parse()
            .map_err(|_| StoreError::NotFound(self.id.clone()))?;
        let bad = |detail: String| StoreError::BadContent { id, detail };
        let date = NaiveDate::parse_from_str(&self.date, "%Y-%m-%d")
            .map_err(|e| bad(format!("日期「{}」：{e}", self.date)))?;
        let status: Status = serde_json::from_value(serde_json::Value::String(self.status.clone()))
            .map_err(|_| bad(format!("状态「{}」", self.status)))?;
        Ok(IssueSummary {
            id,
            number: self.number,
            total_number: self.total_number,
            date,
            status,
            first_headline: self.first_headline,
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
        })
    }
}

//! The database schema and its forward-only migrations, versioned with `PRAGMA user_version`.
//!
//! Migration N takes a database at version N-1 to version N. Never edit a released migration:
//! add a new one, so every older database reaches the newest schema by the same steps.

use rusqlite::Transaction;

use super::text;

/// `PRAGMA application_id` of a Bulletin database: "BLTN" in ASCII, so we never adopt (and never
/// alter) some other program's SQLite file.
pub const APPLICATION_ID: i32 = 0x424C_544E;

/// One migration step: the SQL or code that takes the database from `version - 1` to `version`.
struct Migration {
    version: u32,
    apply: fn(&Transaction<'_>) -> rusqlite::Result<()>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        apply: v1_issues,
    },
    Migration {
        version: 2,
        apply: v2_full_text,
    },
    Migration {
        version: 3,
        apply: v3_proofs_and_archive,
    },
    Migration {
        version: 4,
        apply: v4_search_indexes,
    },
    Migration {
        version: 5,
        apply: v5_review_comments,
    },
    Migration {
        version: 6,
        apply: v6_published_faces,
    },
    Migration {
        version: 7,
        apply: v7_images,
    },
    Migration {
        version: 8,
        apply: v8_unit_aliases,
    },
];

/// The newest schema version this program knows.
pub const LATEST: u32 = 8;

/// Version 1: one row per issue. The content is the JSON interchange form (`crate::json`), so the
/// model can grow without a migration; the columns beside it are what lists sort and show.
fn v1_issues(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.execute_batch(
        "CREATE TABLE issues (
            seq            INTEGER PRIMARY KEY,  -- stable rowid (VACUUM keeps it), for the text index
            id             TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
            number         INTEGER NOT NULL CHECK (number >= 1),
            total_number   INTEGER NOT NULL CHECK (total_number >= 1),
            date           TEXT NOT NULL,        -- YYYY-MM-DD
            status         TEXT NOT NULL,
            first_headline TEXT,
            content        TEXT NOT NULL,        -- JSON interchange form of the issue
            created_at     TEXT NOT NULL,        -- RFC 3339, UTC
            updated_at     TEXT NOT NULL,
            deleted_at     TEXT                  -- set while in the recycle bin
        );
        CREATE INDEX issues_by_total ON issues (total_number DESC, date DESC);",
    )
}

/// Version 2: a trigram full-text index of each issue's words. Trigrams need no word segmentation,
/// which Chinese text does not have; searches shorter than three characters scan instead.
fn v2_full_text(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE VIRTUAL TABLE issue_text USING fts5 (body, tokenize = 'trigram case_sensitive 0');",
    )?;
    let rows: Vec<(i64, String)> = tx
        .prepare("SELECT seq, content FROM issues")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = tx.prepare("INSERT INTO issue_text (rowid, body) VALUES (?1, ?2)")?;
    for (seq, content) in rows {
        // An unreadable row keeps an empty index entry rather than blocking the upgrade; loading
        // it reports the problem with its id.
        let body = crate::json::from_str(&content)
            .map(|issue| text::searchable(&issue))
            .unwrap_or_default();
        insert.execute(rusqlite::params![seq, body])?;
    }
    Ok(())
}

/// Version 3: proof rounds (frozen copies of an issue sent for review), settings, and the archive
/// of published issues: each publication (one per revision of an issue) and the SHA-256 of every
/// file it wrote.
fn v3_proofs_and_archive(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE proof_rounds (
            issue_id   TEXT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
            round      INTEGER NOT NULL CHECK (round >= 1),
            date       TEXT NOT NULL,        -- YYYY-MM-DD, local date of 送审 (the proof stamp)
            note       TEXT NOT NULL,
            content    TEXT NOT NULL,        -- JSON interchange form of the frozen issue
            created_at TEXT NOT NULL,        -- RFC 3339, UTC
            PRIMARY KEY (issue_id, round)
        );
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE publications (
            seq           INTEGER PRIMARY KEY,
            issue_id      TEXT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
            revision      INTEGER NOT NULL CHECK (revision >= 1),
            dir           TEXT NOT NULL,     -- absolute folder the files were written to
            content       TEXT NOT NULL,     -- JSON interchange form of the published issue
            published_at  TEXT NOT NULL,     -- RFC 3339, UTC
            superseded_at TEXT,              -- set when a correction (new revision) was started
            UNIQUE (issue_id, revision)
        );
        CREATE TABLE archive_files (
            publication INTEGER NOT NULL REFERENCES publications (seq) ON DELETE CASCADE,
            name        TEXT NOT NULL,
            sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
            size        INTEGER NOT NULL CHECK (size >= 0),
            PRIMARY KEY (publication, name)
        );",
    )
}

/// Version 4: what makes search fast over a thousand issues. A character index answers words of
/// one or two characters (see `text::char_tokens`), which the trigram index cannot; it is
/// contentless, as the text is in `issue_text` already. A covering index holds the columns lists
/// and search results read, since reading a row's later columns means reading its whole JSON
/// content first.
fn v4_search_indexes(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE INDEX issues_listing ON issues (
            total_number DESC, date DESC, updated_at DESC,
            deleted_at, id, number, status, first_headline
        );
        CREATE VIRTUAL TABLE issue_chars USING fts5 (
            body, content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );",
    )?;
    let rows: Vec<(i64, String)> = tx
        .prepare("SELECT rowid, body FROM issue_text")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = tx.prepare("INSERT INTO issue_chars (rowid, body) VALUES (?1, ?2)")?;
    for (seq, body) in rows {
        insert.execute(rusqlite::params![seq, text::char_tokens(&body)])?;
    }
    Ok(())
}

/// Version 5: the reviewers' comments (审阅意见) read from commented proof PDFs, each kept with
/// the proof round it was made on. The comment is JSON (`crate::review::Comment`), so it can
/// grow without a migration; importing the same PDF twice adds nothing (the unique key).
fn v5_review_comments(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE review_comments (
            seq         INTEGER PRIMARY KEY,
            issue_id    TEXT NOT NULL,
            round       INTEGER NOT NULL,
            comment     TEXT NOT NULL,       -- JSON of the comment as read and anchored
            status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'rejected')),
            reply       TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,       -- RFC 3339, UTC
            FOREIGN KEY (issue_id, round) REFERENCES proof_rounds (issue_id, round) ON DELETE CASCADE,
            UNIQUE (issue_id, round, comment)
        );",
    )
}

/// Version 6: each publication names the faces its PDF used (JSON of
/// `store::PublishedFace`); publications recorded before keep an empty list.
fn v6_published_faces(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch("ALTER TABLE publications ADD COLUMN faces TEXT NOT NULL DEFAULT '[]';")
}

/// Version 7: the pictures of the articles' figures (issue 24), each kept once by the SHA-256 of
/// its bytes, which are the editor's file untouched; the issues' JSON names them by that id
/// (`store::images`). Older issues have no figures, so nothing is carried over.
fn v7_images(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE images (
            sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
            width_px   INTEGER NOT NULL CHECK (width_px >= 1),   -- as shown (EXIF orientation applied)
            height_px  INTEGER NOT NULL CHECK (height_px >= 1),
            bytes      BLOB NOT NULL,
            added_at   TEXT NOT NULL                             -- RFC 3339, UTC
        );",
    )
}

/// Version 8: the alias table of 信息采用统计 (`crate::stats::units`): a unit's or a person's
/// canonical name → the unit it counts as.
fn v8_unit_aliases(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE unit_aliases (
            alias      TEXT PRIMARY KEY CHECK (length(alias) > 0),
            unit       TEXT NOT NULL CHECK (length(unit) > 0 AND unit <> alias),
            updated_at TEXT NOT NULL         -- RFC 3339, UTC
        );",
    )
}

/// Applies every migration above `from`, in order, inside `tx`, and sets `user_version`.
pub fn migrate(tx: &Transaction<'_>, from: u32) -> rusqlite::Result<()> {
    for m in MIGRATIONS.iter().filter(|m| m.version > from) {
        (m.apply)(tx)?;
        tx.pragma_update(None, "user_version", m.version)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_numbered_one_by_one_up_to_latest() {
        for (i, m) in super::MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
        }
        assert_eq!(super::MIGRATIONS.last().unwrap().version, super::LATEST);
    }
}

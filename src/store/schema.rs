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
];

/// The newest schema version this program knows.
pub const LATEST: u32 = 2;

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

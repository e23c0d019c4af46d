//! 备份数据 and 从备份恢复 in the app: a copy of the whole store — every issue, the recycle bin,
//! proof rounds and publications — in a file the office keeps elsewhere (a USB stick, a network
//! share), and the store put back from such a copy.

use std::path::Path;

use serde::Serialize;

use super::{ensure_extension, Desktop, Result};

/// The backup file's extension: it is an SQLite database, which `bulletin --db FILE` opens.
pub const BACKUP_EXTENSION: &str = "sqlite3";

/// A written backup, as the app reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackedUp {
    /// The file written.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// How many issues it holds (the recycle bin's included).
    pub issues: usize,
}

/// A finished restore, as the app reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// How many issues the store holds now (the recycle bin's included).
    pub issues: usize,
    /// Where the data from before the restore was kept.
    pub kept: String,
}

impl Desktop {
    /// 备份数据: writes a copy of the store to `path` (its extension made `.sqlite3`), atomically.
    pub fn backup(&self, path: &Path) -> Result<BackedUp> {
        let path = ensure_extension(path, BACKUP_EXTENSION);
        let store = self.store();
        store.backup_to(&path)?;
        let issues = store.issue_count()?;
        Ok(BackedUp {
            bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
            path: path.display().to_string(),
            issues,
        })
    }

    /// 从备份恢复: replaces the store with the backup at `path`; the data from before is kept
    /// beside the database first (`Store::restore_from`).
    pub fn restore(&self, path: &Path) -> Result<Restored> {
        let mut store = self.store();
        let kept = store.restore_from(path)?;
        self.forget_font_book();
        Ok(Restored {
            issues: store.issue_count()?,
            kept: kept.display().to_string(),
        })
    }
}

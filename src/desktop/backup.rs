//! 备份数据 in the app: a copy of the whole store — every issue, the recycle bin, proof rounds and
//! publications — in a file the office keeps elsewhere (a USB stick, a network share).

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
}

//! Reading issues from files: the JSON interchange format and the office's plain-text archive.
//!
//! Public API (used by the CLI and the app): `read_path` and `parse_text`.
//! The plain-text importer is being written (see issue 3); until then text files are refused.

use std::path::{Path, PathBuf};

use crate::model::Issue;

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("无法读取文件 {path}：{source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A JSON file that is not an issue.
    #[error("{path}：{source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// What is wrong and where.
        source: crate::json::JsonError,
    },
    /// Text that is not a bulletin issue.
    #[error("{path}：{message}")]
    NotABulletin {
        /// The file.
        path: PathBuf,
        /// What is missing.
        message: String,
    },
}

/// Reads an issue from a JSON or plain-text file (detected from its content).
pub fn read_path(path: &Path) -> Result<Issue, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.into(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        return crate::json::from_str(trimmed).map_err(|source| ImportError::Json {
            path: path.into(),
            source,
        });
    }
    parse_text(&text).map_err(|e| match e {
        ImportError::NotABulletin { message, .. } => ImportError::NotABulletin {
            path: path.into(),
            message,
        },
        other => other,
    })
}

/// Recovers an issue's structure from plain text in the archive's format.
pub fn parse_text(_text: &str) -> Result<Issue, ImportError> {
    Err(ImportError::NotABulletin {
        path: PathBuf::new(),
        message: "纯文本导入尚未实现".into(),
    })
}

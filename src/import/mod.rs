//! Reading issues from files: the JSON interchange format, the office's plain-text archive and
//! past issues kept as Word documents (.docx, whose text `docx` takes out; Word 97–2003 .doc,
//! read by `doc`).
//!
//! Public API (used by the CLI and the app): `read_path` and `parse_text`; `pasted` reads articles
//! or briefs pasted into the editor by the same rules.
//! Text is read in UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK (`encoding`);
//! its structure is recovered by `text` with the help of `masthead`, `headline`, `repair`,
//! `briefs` and `closing`.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::Issue;

mod briefs;
mod closing;
mod doc;
mod docx;
pub mod encoding;
pub mod folder;
mod headline;
mod lines;
mod masthead;
pub mod pasted;
mod pictures;
mod repair;
pub mod report;
mod spacing;
mod text;

pub use report::{Parsed, Warning, WarningKind};

/// Largest file read (16 MiB). An issue's text is some tens of kilobytes; a file this large was
/// chosen by mistake, and refusing it before reading keeps memory and time bounded.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

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
    #[error("{}{message}", place(.path))]
    NotABulletin {
        /// The file.
        path: PathBuf,
        /// What is missing.
        message: String,
    },
    /// Bytes that are text in none of the encodings read.
    #[error("{}第{line}行有无法识别的字节：{}", place(.path), undecodable_advice(.encoding))]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first undecodable bytes.
        line: usize,
        /// The encoding the file looks most like.
        encoding: &'static str,
    },
    /// A UTF-8 file cut off in the middle of a character.
    #[error("{}第{line}行：文件在一个字符的中间结束，已被截断。请找到完整的文件再导入。", place(.path))]
    Truncated {
        /// The file.
        path: PathBuf,
        /// 1-based line of the last, incomplete character.
        line: usize,
    },
    /// Not a text file at all (control characters such as NUL).
    #[error("{}第{line}行含有控制字符（如 NUL），这不是纯文本文件。请选择简报的 .txt 文本或 .json 文件。", place(.path))]
    Binary {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first control character.
        line: usize,
    },
    /// A Word document whose text could not be taken out.
    #[error("{}{detail}。请在 Word 或 WPS 中打开并另存为 .docx 或纯文本（.txt）后再导入。", place(.path))]
    Docx {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// A Word 97–2003 (.doc) file whose text could not be read, or another OLE compound file
    /// (.xls, .ppt, a Works .wps).
    #[error("{}{detail}。", place(.path))]
    Doc {
        /// The file.
        path: PathBuf,
        /// What is wrong with it and what to do.
        detail: String,
    },
    /// A file or text larger than any issue.
    #[error("{}文件太大（超过 {}），一期简报的文本只有几十 KB。请确认选择的文件是否正确。", place(.path), megabytes(*.limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (for a device or pipe: how much was read before giving up).
        size: u64,
        /// The limit, `MAX_FILE_BYTES`.
        limit: u64,
    },
}

/// 「path：」 before a message, or nothing for text that came from no file.
fn place(path: &Path) -> String {
    if path.as_os_str().is_empty() {
        String::new()
    } else {
        format!("{}：", path.display())
    }
}

/// 「16 MB」.
fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// What to do about bytes that are not text, by the encoding the file looked like.
fn undecodable_advice(encoding: &str) -> &'static str {
    if encoding == "UTF-8" {
        "文件是 UTF-8 文本，但这里的字节已损坏。请找到未损坏的文件，或在编辑器中修正这一行后再导入。"
    } else {
        "这个文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本，可能是二进制文件或已损坏。如果它是文本文件，请用记事本或 WPS 另存为 UTF-8 后再导入。"
    }
}

impl ImportError {
    /// The same error, naming the file it came from.
    fn in_file(self, file: &Path) -> Self {
        let file = file.to_path_buf();
        match self {
            ImportError::NotABulletin { message, .. } => ImportError::NotABulletin {
                path: file,
                message,
            },
            ImportError::TooLarge { size, limit, .. } => ImportError::TooLarge {
                path: file,
                size,
                limit,
            },
            other => other,
        }
    }
}

/// Reads an issue from a JSON, plain-text or Word (.docx, .doc) file (detected from its content).
pub fn read_path(path: &Path) -> Result<Issue, ImportError> {
    read_path_report(path).map(|p| p.issue)
}

/// Like `read_path`, with the warnings for what the reading guessed (none for JSON).
pub fn read_path_report(path: &Path) -> Result<Parsed, ImportError> {
    let read_error = |source| ImportError::Read {
        path: path.into(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.into(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    // Read at most one byte past the limit: a device or pipe (`/dev/zero`) reports no size.
    let mut bytes = Vec::with_capacity(size as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.into(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = match docx::kind(&bytes) {
        docx::Kind::Zip => {
            let text = docx::text(&bytes).map_err(|e| ImportError::Docx {
                path: path.into(),
                detail: e.to_string(),
            })?;
            let media = docx::Media::read(&bytes);
            return parse_text_report_with(&text, &|r| media.get(r)).map_err(|e| e.in_file(path));
        }
        docx::Kind::LegacyOffice => {
            let text = doc::text(&bytes).map_err(|e| ImportError::Doc {
                path: path.into(),
                detail: e.to_string(),
            })?;
            return parse_text_report_with(&text, &pictures::doc_media)
                .map_err(|e| e.in_file(path));
        }
        docx::Kind::Other => encoding::decode(&bytes),
    };
    let text = text
        .map_err(|e| match e {
            encoding::DecodeError::Malformed { line, encoding } => ImportError::Undecodable {
                path: path.into(),
                line,
                encoding,
            },
            encoding::DecodeError::TruncatedCharacter { line } => ImportError::Truncated {
                path: path.into(),
                line,
            },
            encoding::DecodeError::Binary { line } => ImportError::Binary {
                path: path.into(),
                line,
            },
        })?
        .text;
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        return crate::json::from_str(trimmed)
            .map(|issue| Parsed {
                issue,
                warnings: Vec::new(),
            })
            .map_err(|source| ImportError::Json {
                path: path.into(),
                source,
            });
    }
    parse_text_report(&text).map_err(|e| e.in_file(path))
}

/// Recovers an issue's structure from plain text in the archive's format.
pub fn parse_text(text: &str) -> Result<Issue, ImportError> {
    parse_text_report(text).map(|p| p.issue)
}

/// Like `parse_text`, with the warnings for what the reading guessed.
pub fn parse_text_report(text: &str) -> Result<Parsed, ImportError> {
    parse_text_report_with(text, &pictures::no_media)
}

/// `parse_text_report` of a Word file's text, with its pictures' bytes by reference.
fn parse_text_report_with(text: &str, media: pictures::Media<'_>) -> Result<Parsed, ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: PathBuf::new(),
            size: text.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    text::parse_with(text, media).map_err(|e| match e {
        text::TextError::NotABulletin(message) => ImportError::NotABulletin {
            path: PathBuf::new(),
            message,
        },
    })
}

//! The archive of published issues (已印发): each publication's final files in a folder of their
//! own, `<root>/<year>/第N期（总第M期）/`, with every file's SHA-256 recorded in the store so
//! that `verify` can tell later whether a file was changed or lost.
//!
//! The formats written are passed in as `Exporter`s, so the archive does not depend on the PDF
//! or DOCX backends; the JSON interchange form (`Exporter::json`) is always available.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{Issue, Status};
use crate::store::{
    io_reason, ArchivedFile, IssueId, Publication, PublishedFace, Store, StoreError,
};

/// The store setting that holds the archive folder chosen by the editor.
pub const ROOT_SETTING: &str = "archive_root";

/// Turns an issue into the bytes of one file, or says in Chinese why it cannot.
pub type Render = Box<dyn Fn(&Issue) -> Result<Vec<u8>, String>>;

/// One format written into the archive: the end of the file name (e.g. `.pdf`, `（PDFA）.pdf`)
/// and how to render it.
pub struct Exporter {
    /// Appended to the issue's title to name the file.
    pub suffix: String,
    /// The renderer.
    pub render: Render,
}

impl Exporter {
    /// An exporter writing files named `<title><suffix>`.
    pub fn new(
        suffix: impl Into<String>,
        render: impl Fn(&Issue) -> Result<Vec<u8>, String> + 'static,
    ) -> Exporter {
        Exporter {
            suffix: suffix.into(),
            render: Box::new(render),
        }
    }

    /// The JSON interchange form (`crate::json`), named `<title>.json`.
    pub fn json() -> Exporter {
        Exporter::new(".json", |issue| {
            Ok(crate::json::to_string(issue).into_bytes())
        })
    }
}

impl std::fmt::Debug for Exporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exporter")
            .field("suffix", &self.suffix)
            .finish_non_exhaustive()
    }
}

/// Why publishing or checking the archive failed.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The store refused or failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// One format could not be rendered; nothing was written or recorded.
    #[error("无法生成「{name}」：{message}。没有写出任何文件，这一期仍未印发。")]
    Export {
        /// The file that was to be written.
        name: String,
        /// What the renderer said.
        message: String,
    },
    /// A file or folder of the archive could not be written; the issue was not marked published.
    #[error(
        "无法写入归档文件 {path}（{}）。这一期没有标记为已印发：请检查归档目录是否可写、磁盘空间是否足够后重试。",
        io_reason(.source)
    )]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// No documents folder is known and no archive folder was set.
    #[error("找不到“文档”目录，无法确定归档位置。请用 --archive 目录 或在设置中指定归档目录。")]
    NoDocumentDir,
    /// Publishing needs at least one file to archive.
    #[error("没有指定要归档的文件格式。")]
    NoExporters,
    /// Another issue's publication already fills this folder (e.g. the same issue imported
    /// twice); its files are not overwritten.
    #[error(
        "归档目录 {dir} 已经存放着另一期（编号 {other}）印发的文件，为保护它们没有写入任何文件。\
         如果两期是重复的，请把多余的一期移到回收站；否则请检查期号和总期号。"
    )]
    FolderTaken {
        /// The folder.
        dir: PathBuf,
        /// The issue whose files are there.
        other: IssueId,
    },
    /// Issues in the recycle bin are not published.
    #[error("编号为 {0} 的简报在回收站中，不能印发。请先恢复（bulletin restore 编号）。")]
    Deleted(IssueId),
}

/// SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The archive folder used when none is set: `<documents>/温州科协信息` (e.g. `~/文档/温州科协信息`).
pub fn default_root() -> Option<PathBuf> {
    dirs::document_dir().map(|d| d.join("温州科协信息"))
}

/// The archive folder: the one set in the store, else `default_root`.
pub fn root(store: &Store) -> Result<PathBuf, ArchiveError> {
    match store.setting(ROOT_SETTING)? {
        Some(dir) if !dir.trim().is_empty() => Ok(PathBuf::from(dir)),
        _ => default_root().ok_or(ArchiveError::NoDocumentDir),
    }
}

/// Sets the archive folder (made absolute), or goes back to the default with `None`.
pub fn set_root(store: &mut Store, dir: Option<&Path>) -> Result<(), ArchiveError> {
    match dir {
        Some(d) => {
            let d = std::path::absolute(d).map_err(|source| ArchiveError::Write {
                path: d.to_path_buf(),
                source,
            })?;
            store.set_setting(ROOT_SETTING, Some(&d.to_string_lossy()))?;
        }
        None => store.set_setting(ROOT_SETTING, None)?,
    }
    Ok(())
}

/// The folder of one publication inside the archive: `<year>/第4期（总第245期）`, and for a
/// correction `<year>/第4期（总第245期）修订2`.
pub fn folder(issue: &Issue, revision: u32) -> PathBuf {
    let m = &issue.masthead;
    let mut name = format!("{}{}", m.number_label(), m.total_label());
    if revision > 1 {
        name.push_str(&format!("修订{revision}"));
    }
    PathBuf::from(chrono::Datelike::year(&m.date).to_string()).join(name)
}

/// The name of an archived file: the issue's title (「温州科协信息 2020年第4期（总第245期）」)
/// with the exporter's suffix, with characters no file system accepts replaced.
pub fn file_name(issue: &Issue, suffix: &str) -> String {
    format!("{}{suffix}", issue.masthead.title())
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\0' => '_',
            c => c,
        })
        .collect()
}

/// 已印发: renders issue `id` with every exporter, writes the files into the archive under `root`
/// (see `folder`), records their SHA-256 and the `faces` its PDF used in the store and marks the
/// issue published, which locks it against edits until `start_correction`. Nothing is recorded
/// unless every file was written.
pub fn publish(
    store: &mut Store,
    id: IssueId,
    root: &Path,
    exporters: &[Exporter],
    faces: &[PublishedFace],
) -> Result<Publication, ArchiveError> {
    if exporters.is_empty() {
        return Err(ArchiveError::NoExporters);
    }
    let stored = store.load(id)?;
    if stored.deleted_at.is_some() {
        return Err(ArchiveError::Deleted(id));
    }
    if store.is_published(id)? {
        return Err(StoreError::Published(id).into());
    }
    let mut issue = stored.issue;
    issue.status = Status::Published;
    // Render everything before writing anything, so a failing format leaves no partial folder.
    let mut rendered = Vec::new();
    for e in exporters {
        let name = file_name(&issue, &e.suffix);
        let bytes = (e.render)(&issue).map_err(|message| ArchiveError::Export {
            name: name.clone(),
            message,
        })?;
        rendered.push((name, bytes));
    }
    let revision = store.next_revision(id)?;
    let root = std::path::absolute(root).map_err(|source| ArchiveError::Write {
        path: root.to_path_buf(),
        source,
    })?;
    let dir = root.join(folder(&issue, revision));
    if let Some(other) = store
        .publications(None)?
        .into_iter()
        .find(|p| p.dir == dir && p.issue_id != id)
    {
        return Err(ArchiveError::FolderTaken {
            dir,
            other: other.issue_id,
        });
    }
    std::fs::create_dir_all(&dir).map_err(|source| ArchiveError::Write {
        path: dir.clone(),
        source,
    })?;
    let mut files = Vec::new();
    for (name, bytes) in rendered {
        let path = dir.join(&name);
        crate::atomic_file::write(&path, &bytes)
            .map_err(|source| ArchiveError::Write { path, source })?;
        files.push(ArchivedFile {
            sha256: sha256_hex(&bytes),
            size: bytes.len() as u64,
            name,
        });
    }
    Ok(store.record_publication(id, revision, &dir, &files, faces)?)
}

/// Starts a correction of published issue `id` (a new revision; the archived files and their
/// record stay as they are). Returns the number the next publication will have.
pub fn start_correction(store: &mut Store, id: IssueId) -> Result<u32, ArchiveError> {
    Ok(store.start_correction(id)?)
}

/// What is wrong with one archived file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The file is there but its content is not what was archived.
    Changed {
        /// The SHA-256 recorded.
        expected: String,
        /// The SHA-256 found now.
        actual: String,
    },
    /// The file is not there.
    Missing,
    /// The file could not be read.
    Unreadable {
        /// What the system said.
        reason: String,
    },
}

impl Problem {
    /// The problem in the editor's words.
    pub fn label(&self) -> String {
        match self {
            Problem::Changed { .. } => "内容已被改动".into(),
            Problem::Missing => "文件不见了".into(),
            Problem::Unreadable { reason } => format!("无法读取（{reason}）"),
        }
    }
}

/// One archived file that failed the check.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileProblem {
    /// The issue it belongs to.
    pub issue_id: IssueId,
    /// Its publication's revision.
    pub revision: u32,
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub problem: Problem,
}

/// The result of checking the whole archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct VerifyReport {
    /// How many recorded files were checked.
    pub checked: usize,
    /// The files changed, missing or unreadable.
    pub problems: Vec<FileProblem>,
}

/// Recomputes the SHA-256 of every archived file of every publication (corrections' earlier
/// revisions included) and reports those changed, missing or unreadable.
pub fn verify(store: &Store) -> Result<VerifyReport, ArchiveError> {
    let mut report = VerifyReport::default();
    for p in store.publications(None)? {
        for f in &p.files {
            report.checked += 1;
            let path = p.path_of(f);
            let problem = match std::fs::read(&path) {
                Ok(bytes) => {
                    let actual = sha256_hex(&bytes);
                    (actual != f.sha256).then(|| Problem::Changed {
                        expected: f.sha256.clone(),
                        actual,
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(Problem::Missing),
                Err(e) => Some(Problem::Unreadable {
                    reason: io_reason(&e),
                }),
            };
            if let Some(problem) = problem {
                report.problems.push(FileProblem {
                    issue_id: p.issue_id,
                    revision: p.revision,
                    path,
                    problem,
                });
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_inputs() {
        // FIPS 180-2 test vectors.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn folder_and_file_names_follow_the_masthead() {
        let issue =
            crate::json::from_str(include_str!("../tests/data/minimal-issue.json")).unwrap();
        assert_eq!(folder(&issue, 1), Path::new("2020/第4期（总第245期）"));
        assert_eq!(folder(&issue, 2), Path::new("2020/第4期（总第245期）修订2"));
        let mut odd = issue.clone();
        odd.masthead.name = "科协/信息".into();
        assert_eq!(
            file_name(&odd, ".pdf"),
            "科协_信息 2020年第4期（总第245期）.pdf"
        );
    }
}

//! Importing many files at once — an office's archive, folder by folder: the walk
//! (`import::folder`), then each file read and stored on its own, so one bad file never stops the
//! rest. `bulletin import` and the app's 导入 share this loop; each shows the progress its way.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::import::{folder, Parsed};
use crate::model::Issue;
use crate::store::{Imported, IssueId, StoreError};

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored as a new issue; `same_total`: other issues with its 总第M期 but other content.
    New {
        /// The new issue.
        id: IssueId,
        /// Other issues with the same 总第M期.
        same_total: Vec<IssueId>,
    },
    /// The archive already holds this issue word for word: nothing stored.
    AlreadyStored(IssueId),
    /// Read in a dry run: nothing stored.
    Read,
    /// Not imported, with the reason in plain Chinese.
    Refused(String),
}

/// One file of an import and what became of it.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// The file.
    pub path: PathBuf,
    /// What became of it.
    pub outcome: Outcome,
    /// What was read from it (none when it could not be read).
    pub parsed: Option<Parsed>,
}

impl FileOutcome {
    /// How many things the reading guessed, for the editor to check.
    pub fn warnings(&self) -> usize {
        self.parsed.as_ref().map_or(0, |p| p.warnings.len())
    }
}

/// How far an import is: file `done` of `total` is being read.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Files finished before this one.
    pub done: usize,
    /// Files in the import.
    pub total: usize,
    /// The file being read now.
    pub file: String,
}

impl Progress {
    /// 「正在导入 12/48：第4期.txt」.
    pub fn label(&self) -> String {
        let name = Path::new(&self.file)
            .file_name()
            .map_or_else(|| self.file.clone(), |n| n.to_string_lossy().into_owned());
        format!("正在导入 {}/{}：{name}", self.done + 1, self.total)
    }
}

/// An import of many paths: every file's outcome, and the files the walk skipped.
#[derive(Debug, Clone, Default)]
pub struct BatchImport {
    /// Each file taken, in order.
    pub files: Vec<FileOutcome>,
    /// Files in the folders that are no past issue by their extension, not read.
    pub skipped: Vec<PathBuf>,
}

impl BatchImport {
    /// Whether any file (or folder) was refused.
    pub fn any_refused(&self) -> bool {
        self.files
            .iter()
            .any(|f| matches!(f.outcome, Outcome::Refused(_)))
    }

    /// How many files had each outcome: (new, already stored, read in a dry run, refused).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let count = |p: fn(&Outcome) -> bool| self.files.iter().filter(|f| p(&f.outcome)).count();
        (
            count(|o| matches!(o, Outcome::New { .. })),
            count(|o| matches!(o, Outcome::AlreadyStored(_))),
            count(|o| matches!(o, Outcome::Read)),
            count(|o| matches!(o, Outcome::Refused(_))),
        )
    }
}

/// Stores one issue read from a file (`Store::import` in the end): the store itself for the
/// command line, the app's shared store locked for that one file.
pub type StoreOne<'a> = &'a mut dyn FnMut(&Issue) -> Result<Imported, StoreError>;

/// Imports every file `paths` name or hold (folders walked recursively, `import::folder`):
/// each file is read and handed to `store` (none: a dry run, nothing stored); `progress` is told
/// before each file. A file that cannot be read or stored is refused with the reason and the
/// rest go on; a folder that cannot be read is refused the same way.
pub fn import_paths(
    paths: &[PathBuf],
    mut store: Option<StoreOne<'_>>,
    progress: &mut dyn FnMut(&Progress),
) -> BatchImport {
    let found = folder::collect(paths);
    let total = found.files.len();
    let mut files: Vec<FileOutcome> = found
        .unreadable
        .into_iter()
        .map(|(path, reason)| FileOutcome {
            outcome: Outcome::Refused(format!("无法读取文件夹 {}：{reason}", path.display())),
            path,
            parsed: None,
        })
        .collect();
    for (done, path) in found.files.into_iter().enumerate() {
        progress(&Progress {
            done,
            total,
            file: path.display().to_string(),
        });
        let parsed = match crate::import::read_path_report(&path) {
            Ok(p) => p,
            Err(e) => {
                files.push(FileOutcome {
                    path,
                    outcome: Outcome::Refused(e.to_string()),
                    parsed: None,
                });
                continue;
            }
        };
        let outcome = match store.as_mut() {
            None => Outcome::Read,
            Some(store) => match store(&parsed.issue) {
                Ok(Imported::New { id, same_total }) => Outcome::New { id, same_total },
                Ok(Imported::AlreadyStored(id)) => Outcome::AlreadyStored(id),
                Err(e) => Outcome::Refused(e.to_string()),
            },
        };
        files.push(FileOutcome {
            path,
            outcome,
            parsed: Some(parsed),
        });
    }
    BatchImport {
        files,
        skipped: found.skipped,
    }
}

/// What became of a file, for the app's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Stored as a new issue.
    New,
    /// The archive holds it already.
    AlreadyStored,
    /// Read, not stored (a dry run).
    Read,
    /// Not imported.
    Refused,
}

impl Outcome {
    /// The outcome's kind.
    pub fn status(&self) -> FileStatus {
        match self {
            Outcome::New { .. } => FileStatus::New,
            Outcome::AlreadyStored(_) => FileStatus::AlreadyStored,
            Outcome::Read => FileStatus::Read,
            Outcome::Refused(_) => FileStatus::Refused,
        }
    }
}

/// What became of one file, in plain Chinese: 「已导入」, 「总第245期已在档案中（编号 …），内容相同，未重复导入」,
/// 「档案中已有1期总第245期，内容与此不同，已另存为一期，请核对」, the reason it was refused.
pub fn message(file: &FileOutcome) -> String {
    let total = file
        .parsed
        .as_ref()
        .map_or(0, |p| p.issue.masthead.total_number.get());
    match &file.outcome {
        Outcome::New { same_total, .. } if !same_total.is_empty() => format!(
            "档案中已有{}期总第{total}期，内容与此不同，已另存为一期，请核对",
            same_total.len()
        ),
        Outcome::New { .. } => "已导入".into(),
        Outcome::AlreadyStored(id) => format!(
            "总第{total}期已在档案中（编号 {}），内容相同，未重复导入",
            id.short()
        ),
        Outcome::Read => "已读取（试运行，未保存）".into(),
        Outcome::Refused(reason) => reason.clone(),
    }
}

/// The app's report of a batch: the ids stored, the notes per kind, and every file's lines.
pub fn report(batch: &BatchImport) -> super::ImportReport {
    use super::{FileNote, FileReport, ImportReport};
    let mut report = ImportReport {
        skipped: batch.skipped.len(),
        ..ImportReport::default()
    };
    for file in &batch.files {
        let name = file.path.file_name().map_or_else(
            || file.path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let text = message(file);
        let note = FileNote {
            path: file.path.display().to_string(),
            message: format!("{name}：{text}。"),
        };
        match &file.outcome {
            Outcome::New { id, same_total } => {
                report.imported.push(*id);
                if !same_total.is_empty() {
                    report.same_total.push(note);
                }
            }
            Outcome::AlreadyStored(_) => report.already_stored.push(note),
            Outcome::Read => {}
            Outcome::Refused(reason) => report.failed.push(FileNote {
                path: note.path,
                message: reason.clone(),
            }),
        }
        report.files.push(FileReport {
            path: file.path.display().to_string(),
            recognised: file
                .parsed
                .as_ref()
                .map(|p| crate::import::report::recognised(&p.issue))
                .unwrap_or_default(),
            warnings: file
                .parsed
                .iter()
                .flat_map(|p| &p.warnings)
                .map(|w| w.to_string())
                .collect(),
            status: file.outcome.status(),
            message: text,
        });
    }
    report
}

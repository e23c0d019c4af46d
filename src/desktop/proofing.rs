//! The app's proofing and archive operations (issue 8): proof rounds (送审), their PDFs with the
//! stamp, character diffs, the punctuation check (校对助手) with its fixes, publishing (已印发),
//! corrections (更正) and the archive check (校验存档).

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{parse_id, with_extension, Desktop, DesktopError, ExportKind, Exported, Result};
use crate::archive::{self, ArchiveError};
use crate::diff::PartDiff;
use crate::lint::{self, Fix, Place, Rule};
use crate::model::{Issue, Masthead};
use crate::proof::Stamp;
use crate::store::{IssueId, ProofRound};

impl From<ArchiveError> for DesktopError {
    fn from(e: ArchiveError) -> Self {
        Self(e.to_string())
    }
}

/// One proof round as the 校样 panel lists it (without its frozen content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundInfo {
    /// 第N次校样.
    pub round: u32,
    /// The day it was sent for review.
    pub date: NaiveDate,
    /// The editor's note, possibly empty.
    pub note: String,
    /// When it was frozen (RFC 3339).
    pub created_at: String,
    /// The stamp its PDF carries: 「校样 第2次 2020-04-28」.
    pub stamp: String,
}

impl RoundInfo {
    fn of(r: &ProofRound) -> RoundInfo {
        RoundInfo {
            round: r.round,
            date: r.date,
            note: r.note.clone(),
            created_at: r.created_at.clone(),
            stamp: Stamp::of(r).label(),
        }
    }
}

/// One side of a comparison: a proof round, or the text in the editor now (当前稿).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Version {
    /// 第N次校样.
    Round(u32),
    /// The editor's text.
    Current,
}

/// A finding of the 校对助手, with where it is and what fixing it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LintItem {
    /// Which check found it.
    pub rule: Rule,
    /// Where the text is.
    pub place: Place,
    /// The place in words: 「第2条简讯 正文」.
    pub place_label: String,
    /// The problem's first character in that text, in UTF-16 code units (for selecting it).
    pub start: usize,
    /// The end of the characters the fix replaces (or `start` + 1), in UTF-16 code units.
    pub end: usize,
    /// The text around the problem.
    pub excerpt: String,
    /// What is wrong.
    pub message: String,
    /// The proposed fix (character offsets, as the engine applies it), if one is certain.
    pub fix: Option<Fix>,
    /// The fix in words: 「“,”改为“，”」; empty without a fix.
    pub proposal: String,
}

/// The issue after fixes, and how many were applied.
#[derive(Debug, Clone, Serialize)]
pub struct Fixed {
    /// The issue with the fixes applied (the UI records it as one undoable step).
    pub issue: Issue,
    /// How many fixes were applied.
    pub applied: usize,
}

/// The archive folder and whether it is the default one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveDir {
    /// The folder, if one is known.
    pub dir: Option<String>,
    /// The default folder (`~/文档/温州科协信息`), if a documents folder exists.
    pub default_dir: Option<String>,
    /// Whether `dir` is the default (none was set).
    pub is_default: bool,
}

/// One file written by a publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchivedFileInfo {
    /// The file's full path.
    pub path: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Its size.
    pub bytes: u64,
}

/// What publishing wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// 1, or the correction's revision.
    pub revision: u32,
    /// The folder.
    pub dir: String,
    /// The files with their hashes.
    pub files: Vec<ArchivedFileInfo>,
}

/// One archived file that failed the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DamagedFile {
    /// The file.
    pub path: String,
    /// The issue it belongs to.
    pub issue_id: IssueId,
    /// The publication's revision.
    pub revision: u32,
    /// `changed`, `missing` or `unreadable`.
    pub kind: String,
    /// The problem in words: 「内容已被改动」, 「文件不见了」.
    pub label: String,
}

/// The result of 校验存档.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verified {
    /// How many archived files were checked.
    pub checked: usize,
    /// The files changed, missing or unreadable.
    pub problems: Vec<DamagedFile>,
}

fn utf16_len(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

fn lint_item(issue: &Issue, f: lint::Finding) -> LintItem {
    let text = lint::texts(issue)
        .into_iter()
        .find(|(p, _)| *p == f.place)
        .map(|(_, t)| t)
        .unwrap_or_default();
    let (start, end) = match &f.fix {
        Some(fix) => (fix.start, fix.start + fix.len.max(1)),
        None => (f.start, f.start + 1),
    };
    let proposal = f.fix.as_ref().map_or_else(String::new, |fix| {
        let old: String = text.chars().skip(fix.start).take(fix.len).collect();
        match (old.is_empty(), fix.with.is_empty()) {
            (true, _) => format!("插入“{}”", fix.with),
            (false, true) => format!("删除“{old}”"),
            (false, false) => format!("“{old}”改为“{}”", fix.with),
        }
    });
    LintItem {
        rule: f.rule,
        place: f.place,
        place_label: f.place.label(),
        start: utf16_len(&text, start),
        end: utf16_len(&text, end),
        excerpt: f.excerpt,
        message: f.message,
        fix: f.fix,
        proposal,
    }
}

impl Desktop {
    /// 送审: saves the editor's `issue` as issue `id`, then freezes it as the next proof round
    /// (dated today; the issue becomes 校对中).
    pub fn start_proof(&self, id: &str, issue: &Issue, note: &str) -> Result<RoundInfo> {
        self.start_proof_on(id, issue, note, chrono::Local::now().date_naive())
    }

    /// `start_proof` with the stamp's date given.
    pub fn start_proof_on(
        &self,
        id: &str,
        issue: &Issue,
        note: &str,
        date: NaiveDate,
    ) -> Result<RoundInfo> {
        let id = parse_id(id)?;
        let mut store = self.store();
        store.save(id, issue)?;
        Ok(RoundInfo::of(&store.freeze_proof_on(id, note, date)?))
    }

    /// The proof rounds of issue `id`, oldest first.
    pub fn list_proofs(&self, id: &str) -> Result<Vec<RoundInfo>> {
        let rounds = self.store().list_proofs(parse_id(id)?)?;
        Ok(rounds.iter().map(RoundInfo::of).collect())
    }

    /// The PDF of proof round `round`, with its stamp in the top margin and the round's identity
    /// in its metadata (for reading the reviewers' marks back), written to `path`.
    pub fn export_proof(&self, id: &str, round: u32, path: &Path) -> Result<Exported> {
        let id = parse_id(id)?;
        let r = self.store().load_proof(id, round)?;
        let fonts = self.fonts()?;
        let path = with_extension(path, ExportKind::Pdf);
        crate::pdf::export_proof_with(id, &r, &fonts, &path)
            .map_err(|e| DesktopError::new(e.to_string()))?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Exported {
            path: path.display().to_string(),
            bytes,
        })
    }

    /// The changes from `from` to `to`, per article and brief, character by character;
    /// `current` is the editor's text (当前稿).
    pub fn diff(
        &self,
        id: &str,
        from: Version,
        to: Version,
        current: &Issue,
    ) -> Result<Vec<PartDiff>> {
        let id = parse_id(id)?;
        let store = self.store();
        let version = |v: Version| -> Result<Issue> {
            Ok(match v {
                Version::Round(n) => store.load_proof(id, n)?.issue,
                Version::Current => current.clone(),
            })
        };
        Ok(crate::diff::diff_issues(&version(from)?, &version(to)?))
    }

    /// The 校对助手's findings in the editor's `issue` (its 总第M期 against the issue before it).
    pub fn lint(&self, id: &str, issue: &Issue) -> Result<Vec<LintItem>> {
        let previous = self.previous_masthead(parse_id(id)?, issue)?;
        Ok(lint::check(issue, previous.as_ref())
            .into_iter()
            .map(|f| lint_item(issue, f))
            .collect())
    }

    fn previous_masthead(&self, id: IssueId, issue: &Issue) -> Result<Option<Masthead>> {
        let Some(prev) = self.previous_of(id, issue)? else {
            return Ok(None);
        };
        let store = self.store();
        let found = store
            .list()?
            .into_iter()
            .find(|s| s.id != id && s.total_number == prev.total_number && s.date == prev.date);
        Ok(match found {
            Some(s) => Some(store.load(s.id)?.issue.masthead),
            None => None,
        })
    }

    /// Applies one finding's fix to the editor's `issue` and returns the result.
    pub fn fix_one(&self, issue: &Issue, place: &Place, fix: &Fix) -> Result<Issue> {
        let mut fixed = issue.clone();
        if !lint::apply(&mut fixed, place, fix) {
            return Err(DesktopError::new(
                "这处文字在检查后已经改动，无法自动修正。请重新运行校对助手。",
            ));
        }
        Ok(fixed)
    }

    /// Applies every certain fix to the editor's `issue`.
    pub fn fix_all(&self, id: &str, issue: &Issue) -> Result<Fixed> {
        let previous = self.previous_masthead(parse_id(id)?, issue)?;
        let findings = lint::check(issue, previous.as_ref());
        let mut fixed = issue.clone();
        let applied = lint::apply_all(&mut fixed, &findings);
        Ok(Fixed {
            issue: fixed,
            applied,
        })
    }

    /// The archive folder (set in the app, else the engine's default).
    pub fn archive_dir(&self) -> Result<ArchiveDir> {
        let store = self.store();
        let set = store
            .setting(archive::ROOT_SETTING)?
            .filter(|d| !d.trim().is_empty());
        let default_dir = archive::default_root().map(|d| d.display().to_string());
        Ok(ArchiveDir {
            is_default: set.is_none(),
            dir: set.or_else(|| default_dir.clone()),
            default_dir,
        })
    }

    /// Sets the archive folder, or goes back to the default with `None`.
    pub fn set_archive_dir(&self, dir: Option<&Path>) -> Result<ArchiveDir> {
        archive::set_root(&mut self.store(), dir)?;
        self.archive_dir()
    }

    /// 已印发: saves the editor's `issue`, writes its final PDF, PDF/A-2b copy, DOCX and JSON
    /// (`formats::archive_exporters`) into the archive folder with their SHA-256 recorded, and
    /// locks it against edits.
    pub fn publish(&self, id: &str, issue: &Issue) -> Result<Published> {
        let id = parse_id(id)?;
        // The window's issue has no pictures' bytes; the archived files need them.
        let issue = &self.with_images(issue);
        let fonts = self.fonts()?;
        let mut store = self.store();
        store.save(id, issue)?;
        let root = archive::root(&store)?;
        let formats = crate::formats::archive_exporters(issue, &fonts)
            .map_err(|e| DesktopError::new(e.to_string()))?;
        let p = archive::publish(&mut store, id, &root, &formats.exporters, &formats.faces)?;
        Ok(Published {
            revision: p.revision,
            dir: p.dir.display().to_string(),
            files: p
                .files
                .iter()
                .map(|f| ArchivedFileInfo {
                    path: p.path_of(f).display().to_string(),
                    sha256: f.sha256.clone(),
                    bytes: f.size,
                })
                .collect(),
        })
    }

    /// 更正: starts a correction of published issue `id` (a new revision; the archived files
    /// stay) and returns it reopened for editing.
    pub fn correct(&self, id: &str) -> Result<super::OpenedIssue> {
        archive::start_correction(&mut self.store(), parse_id(id)?)?;
        self.open_issue(id)
    }

    /// 校验存档: recomputes the SHA-256 of every archived file.
    pub fn verify_archive(&self) -> Result<Verified> {
        let report = archive::verify(&self.store())?;
        Ok(Verified {
            checked: report.checked,
            problems: report
                .problems
                .into_iter()
                .map(|p| DamagedFile {
                    path: p.path.display().to_string(),
                    issue_id: p.issue_id,
                    revision: p.revision,
                    kind: match p.problem {
                        archive::Problem::Changed { .. } => "changed",
                        archive::Problem::Missing => "missing",
                        archive::Problem::Unreadable { .. } => "unreadable",
                    }
                    .into(),
                    label: p.problem.label(),
                })
                .collect(),
        })
    }
}

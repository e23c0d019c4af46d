//! The desktop app's operations: what each Tauri command does, as plain functions over `Desktop`
//! (the open store and the fonts), so they are tested without a window or the `app` feature.
//!
//! Every error is a `DesktopError`: one sentence of plain Chinese for the editor, never a trace.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod backup;
mod fonts;
mod images;
pub mod importing;
mod preview;
mod proofing;
mod review;
mod stats;
mod volume;

pub use backup::{BackedUp, Restored, BACKUP_EXTENSION};
pub use fonts::{Coverage, FaceOption, FontSettings, RoleFont, RoleOption};
pub use images::{AddedImage, ImagePreview, PREVIEW_MAX_PX};
pub use proofing::{
    ArchiveDir, ArchivedFileInfo, DamagedFile, Fixed, LintItem, Published, RoundInfo, Verified,
    Version,
};
pub use review::{ReviewImported, ReviewItem};
pub use stats::{StatsFile, StatsItem, StatsQuery, StatsRow, StatsView};
pub use volume::VolumeExported;

use crate::fonts::{FontBook, FontChoices};
use crate::import::pasted::{self, PasteKind, Pasted};
use crate::model::Issue;
use crate::preflight::{self, Finding, Previous};
use crate::store::{IssueId, IssueSummary, Store};

/// A failure, worded for the editor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[error("{0}")]
#[serde(transparent)]
pub struct DesktopError(pub String);

impl DesktopError {
    fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl From<crate::store::StoreError> for DesktopError {
    fn from(e: crate::store::StoreError) -> Self {
        Self(e.to_string())
    }
}

type Result<T> = std::result::Result<T, DesktopError>;

/// Environment variable: export into this directory without showing the save dialog (automated
/// runs such as the end-to-end test; the file gets the suggested name).
pub const EXPORT_DIR_ENV: &str = "BULLETIN_EXPORT_DIR";

/// What the app shows about itself.
#[derive(Debug, Clone, Serialize)]
pub struct AppInfo {
    /// The program version.
    pub version: String,
    /// The database file.
    pub db_path: String,
    /// The fonts directory.
    pub fonts_dir: String,
    /// Milliseconds from the program's start to this call (the UI asks once the archive shows).
    pub uptime_ms: u64,
}

/// One search result in the archive.
#[derive(Debug, Clone, Serialize)]
pub struct SearchRow {
    /// The issue.
    pub id: IssueId,
    /// 第N期.
    pub number: u32,
    /// 总第M期.
    pub total_number: u32,
    /// Its date.
    pub date: NaiveDate,
    /// Its status.
    pub status: crate::model::Status,
    /// Its first headline.
    pub first_headline: Option<String>,
    /// The sentence around the first word searched for.
    pub snippet: String,
    /// Where the words searched for are in `snippet`, as `[start, end)` offsets in UTF-16 code
    /// units (what the UI's strings count), sorted and not overlapping.
    pub highlights: Vec<[usize; 2]>,
    /// Whether it is in the recycle bin.
    pub deleted: bool,
}

/// An issue opened in the editor.
#[derive(Debug, Clone, Serialize)]
pub struct OpenedIssue {
    /// Its id.
    pub id: IssueId,
    /// Its content.
    pub issue: Issue,
    /// When it was last saved (RFC 3339).
    pub updated_at: String,
    /// Whether it is published (已印发) and locked against edits until a correction.
    pub locked: bool,
}

/// What an import of several files did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// The ids of the issues stored, in the order of the files.
    pub imported: Vec<IssueId>,
    /// Files whose issue the archive already holds word for word: not stored again.
    pub already_stored: Vec<FileNote>,
    /// Files stored beside other issues with the same 总第M期 but other content: to check.
    pub same_total: Vec<FileNote>,
    /// The files refused, each with the reason.
    pub failed: Vec<FileNote>,
    /// Every file taken, refused ones too, with what was recognised in it and what the editor
    /// should check.
    pub files: Vec<FileReport>,
    /// How many files in the folders were no past issue by their extension, and not read.
    pub skipped: usize,
}

/// What was read from one file of an import.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The file.
    pub path: String,
    /// What was recognised, a line each: 「温州科协信息 第4期（总第245期） 2020年4月30日」, the
    /// articles with their bylines, the briefs with their sources.
    pub recognised: Vec<String>,
    /// What was guessed, each with its line: 「第204行：最后一段…没有结束标点，请核对是否完整」.
    pub warnings: Vec<String>,
    /// What became of the file.
    pub status: importing::FileStatus,
    /// What became of it, in plain Chinese: 「已导入」, 「总第245期已在档案中，内容相同，未重复导入。」, the
    /// reason it was refused.
    pub message: String,
}

/// A file of an import, with what there is to say about it.
#[derive(Debug, Clone, Serialize)]
pub struct FileNote {
    /// The file.
    pub path: String,
    /// What happened or why, in plain Chinese.
    pub message: String,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    /// PDF.
    Pdf,
    /// Word document.
    Docx,
}

impl ExportKind {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Pdf => "pdf",
            ExportKind::Docx => "docx",
        }
    }

    /// The name shown in the save dialog's filter.
    pub fn filter_name(self) -> &'static str {
        match self {
            ExportKind::Pdf => "PDF 文件",
            ExportKind::Docx => "Word 文档",
        }
    }
}

/// A finished export.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    /// The file written.
    pub path: String,
    /// Its size.
    pub bytes: u64,
}

/// One page of the live preview.
#[derive(Debug, Clone, Serialize)]
pub struct PreviewPage {
    /// The page as an SVG document, drawn from the same positioned page as the PDF.
    pub svg: String,
    /// The page's text, line by line (the page image's accessible description).
    pub text: String,
}

/// The live preview of an issue.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    /// The pages in order.
    pub pages: Vec<PreviewPage>,
}

/// The open store and the fonts: the state behind every command.
pub struct Desktop {
    store: Mutex<Store>,
    fonts_dir: PathBuf,
    fonts: OnceLock<std::result::Result<FontBook, String>>,
    /// The font book with the stored choice applied, and the choice it was made for.
    chosen: Mutex<Option<(FontChoices, Arc<FontBook>)>>,
    /// The live preview's sessions (`preview_update`).
    previews: Mutex<preview::Previews>,
    /// The pictures at hand (`images`): the window edits issues without their bytes.
    images: Mutex<images::ImageCache>,
    started: Instant,
}

impl std::fmt::Debug for Desktop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desktop")
            .field("fonts_dir", &self.fonts_dir)
            .finish()
    }
}

impl Desktop {
    /// Opens (creating on first start) the store at `db`; a store created now gets the demo
    /// issue, so a first start shows a real bulletin. Fonts are loaded on first use.
    pub fn open(db: &Path, fonts_dir: PathBuf) -> Result<Desktop> {
        let first_start = !db.exists();
        let mut store = Store::open(db)?;
        if first_start {
            store.insert(&crate::demo::issue())?;
        }
        Ok(Desktop {
            store: Mutex::new(store),
            fonts_dir,
            fonts: OnceLock::new(),
            chosen: Mutex::new(None),
            previews: Mutex::default(),
            images: Mutex::default(),
            started: Instant::now(),
        })
    }

    /// Counts `uptime_ms` from `started` (the program's first instant) instead of from `open`.
    pub fn started_at(mut self, started: Instant) -> Self {
        self.started = started;
        self
    }

    /// The database the app uses: `$BULLETIN_DB`, else the file in the user's data directory.
    pub fn default_db_path() -> Result<PathBuf> {
        Ok(Store::default_path()?)
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave the store half-written (SQLite transactions).
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Loads the fonts now (called in the background at start so the first preview is quick).
    pub fn warm_up(&self) {
        let _ = self.bundled_fonts();
    }

    /// What the app shows about itself.
    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: self.store().path().display().to_string(),
            fonts_dir: self.fonts_dir.display().to_string(),
            uptime_ms: self.started.elapsed().as_millis() as u64,
        }
    }

    /// 期刊档案: every issue not in the recycle bin, newest first.
    pub fn list_issues(&self) -> Result<Vec<IssueSummary>> {
        Ok(self.store().list()?)
    }

    /// 回收站.
    pub fn list_deleted(&self) -> Result<Vec<IssueSummary>> {
        Ok(self.store().list_deleted()?)
    }

    /// Search over all text of all issues.
    pub fn search(&self, query: &str) -> Result<Vec<SearchRow>> {
        let hits = self.store().search(query)?;
        Ok(hits
            .into_iter()
            .map(|h| SearchRow {
                id: h.id,
                number: h.summary.number,
                total_number: h.summary.total_number,
                date: h.summary.date,
                status: h.summary.status,
                first_headline: h.summary.first_headline,
                highlights: h
                    .highlights
                    .iter()
                    .map(|r| utf16_range(&h.snippet, r.clone()))
                    .collect(),
                snippet: h.snippet,
                deleted: h.summary.deleted_at.is_some(),
            })
            .collect())
    }

    /// Opens an issue for editing.
    pub fn open_issue(&self, id: &str) -> Result<OpenedIssue> {
        let store = self.store();
        let stored = store.load(parse_id(id)?)?;
        let locked = store.is_published(stored.id)?;
        drop(store);
        Ok(OpenedIssue {
            id: stored.id,
            locked,
            issue: self.keep_images(stored.issue),
            updated_at: stored.updated_at,
        })
    }

    /// Saves the editor's issue; returns the new time of last change.
    pub fn save_issue(&self, id: &str, issue: &Issue) -> Result<String> {
        let id = parse_id(id)?;
        let mut store = self.store();
        store.save(id, issue)?;
        Ok(store.load(id)?.updated_at)
    }

    /// 新建下一期 from the newest issue (numbers carried on), dated `date` or today.
    pub fn new_next_issue(&self, date: Option<NaiveDate>) -> Result<IssueId> {
        let mut store = self.store();
        let Some(latest) = store.latest()? else {
            // An empty archive: start from the demo's masthead, as the office's own bulletin.
            let mut issue = crate::demo::issue();
            issue.articles.clear();
            issue.briefs.clear();
            issue.status = crate::model::Status::Draft;
            issue.masthead.date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
            return Ok(store.insert(&issue)?);
        };
        Ok(store.new_next(latest.id, date)?)
    }

    /// Moves an issue to the recycle bin.
    pub fn delete_issue(&self, id: &str) -> Result<()> {
        Ok(self.store().delete(parse_id(id)?)?)
    }

    /// Brings an issue back from the recycle bin.
    pub fn restore_issue(&self, id: &str) -> Result<()> {
        Ok(self.store().restore(parse_id(id)?)?)
    }

    /// Imports files and folders (walked recursively), each file as a new issue; a bad file does
    /// not stop the others.
    pub fn import_files(&self, paths: &[PathBuf]) -> ImportReport {
        self.import_files_with_progress(paths, &mut |_| {})
    }

    /// `import_files`, telling `progress` before each file (the app shows 「正在导入 12/48：…」).
    /// The store is locked for one file at a time, so the app's other commands go on between.
    pub fn import_files_with_progress(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&importing::Progress),
    ) -> ImportReport {
        let mut store_one = |issue: &Issue| self.store().import(issue);
        let batch = importing::import_paths(paths, Some(&mut store_one), progress);
        importing::report(&batch)
    }

    /// The pre-export check of the editor's issue `id` (its numbers against the issue before it).
    pub fn check(&self, id: &str, issue: &Issue) -> Result<Vec<Finding>> {
        let id = parse_id(id)?;
        let previous = self.previous_of(id, issue)?;
        let fonts = self.fonts().ok();
        let issue = &self.with_images(issue);
        let mut findings = preflight::check(issue, previous, fonts.as_deref());
        findings.extend(
            self.unavailable_faces()?
                .iter()
                .map(|(role, reason)| preflight::face_unavailable(*role, reason)),
        );
        Ok(findings)
    }

    /// Articles or briefs read from text pasted into the editor (「粘贴文章…」, 「粘贴简讯…」),
    /// for the form to add; nothing is stored until the editor saves.
    pub fn read_pasted(&self, text: &str, kind: PasteKind) -> Result<Pasted> {
        pasted::read(text, kind).map_err(|e| DesktopError::new(e.to_string()))
    }

    /// The issue before `issue` in the archive: the latest-dated other issue dated before it
    /// (by 总第M期 when dates tie).
    fn previous_of(&self, id: IssueId, issue: &Issue) -> Result<Option<Previous>> {
        let list = self.store().list()?;
        let date = issue.masthead.date;
        Ok(list
            .into_iter()
            .filter(|s| s.id != id && s.date < date)
            .max_by_key(|s| (s.date, s.total_number))
            .map(|s| Previous {
                number: s.number,
                total_number: s.total_number,
                date: s.date,
            }))
    }

    /// The live preview: the issue laid out once, each page drawn as SVG.
    pub fn preview(&self, issue: &Issue) -> Result<Preview> {
        let fonts = self.fonts()?;
        let issue = &self.with_images(issue);
        let doc =
            crate::layout::layout(issue, &fonts).map_err(|e| DesktopError::new(e.to_string()))?;
        let pages = doc
            .pages
            .iter()
            .map(|page| PreviewPage {
                svg: crate::svg::render_page(page, &fonts),
                text: page
                    .lines
                    .iter()
                    .map(|l| l.text())
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect();
        Ok(Preview { pages })
    }

    /// Exports the issue to `path` (PDF or DOCX; the extension is added if missing).
    pub fn export(&self, kind: ExportKind, issue: &Issue, path: &Path) -> Result<Exported> {
        let path = with_extension(path, kind);
        let issue = &self.with_images(issue);
        match kind {
            ExportKind::Docx => {
                // The faces the PDF uses, by name.
                let names = crate::docx::FontNames::of(&*self.fonts()?);
                crate::docx::write_with(
                    &crate::layout::with_headline_breaks(issue, &*self.fonts()?),
                    &names,
                    &path,
                )
                .map_err(|e| DesktopError::new(e.to_string()))?
            }
            ExportKind::Pdf => {
                let fonts = self.fonts()?;
                let doc = crate::layout::layout(issue, &fonts)
                    .map_err(|e| DesktopError::new(e.to_string()))?;
                crate::pdf::write(&doc, &fonts, &crate::pdf::PdfOptions::default(), &path)
                    .map_err(|e| DesktopError::new(e.to_string()))?
            }
        }
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Exported {
            path: path.display().to_string(),
            bytes,
        })
    }

    /// Where an export goes without a dialog (`$BULLETIN_EXPORT_DIR`), if automation asks for it.
    pub fn automatic_export_path(suggested_name: &str) -> Option<PathBuf> {
        let dir = std::env::var_os(EXPORT_DIR_ENV).filter(|d| !d.is_empty())?;
        Some(PathBuf::from(dir).join(safe_file_name(suggested_name)))
    }
}

/// A file name with the characters no file system takes replaced.
pub fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}

/// Adds `.ext` unless the path already ends with it (a save dialog may drop it).
pub fn with_extension(path: &Path, kind: ExportKind) -> PathBuf {
    ensure_extension(path, kind.extension())
}

/// `path`, ending in `.ext` (added unless it ends so already, in any case).
pub fn ensure_extension(path: &Path, ext: &str) -> PathBuf {
    match path.extension() {
        Some(e) if e.eq_ignore_ascii_case(ext) => path.to_path_buf(),
        _ => {
            let mut s = path.as_os_str().to_os_string();
            s.push(".");
            s.push(ext);
            PathBuf::from(s)
        }
    }
}

/// The byte range `r` of `text` as UTF-16 offsets.
fn utf16_range(text: &str, r: std::ops::Range<usize>) -> [usize; 2] {
    let at = |b: usize| text.get(..b).map_or(0, |t| t.encode_utf16().count());
    [at(r.start), at(r.end)]
}

fn parse_id(id: &str) -> Result<IssueId> {
    id.parse::<IssueId>().map_err(|_| {
        DesktopError::new(format!(
            "「{id}」不是有效的简报编号。请回到期刊档案重新打开。"
        ))
    })
}

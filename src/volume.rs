//! 年度合订本: the issues of one year marked 已印发, in one PDF with a cover and the contents of
//! every issue. The store chooses the issues, `layout::volume` lays the volume out, and the PDF
//! backend draws it like any other document.
//!
//! Which issues: those whose status is 已印发 and whose masthead date is in the year, not in the
//! recycle bin, in the order of 总第M期. An issue under correction is a 草稿 again until it is
//! published anew, so it is left out (and named, so the editor knows); drafts and issues in proof
//! are left out too.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde::Serialize;

use crate::fonts::FontBook;
use crate::layout::volume::{layout_volume, ContentsIssue, Volume, VolumeLayoutError};
use crate::model::{Issue, Status};
use crate::pdf::{PdfError, PdfOptions};
use crate::store::{IssueSummary, Store, StoreError};

/// Why a volume could not be made.
#[derive(Debug, thiserror::Error)]
pub enum VolumeError {
    /// The year has no published issue.
    #[error(
        "{year}年没有已印发的简报，无法生成合订本{}。请先印发（bulletin publish 编号），或检查年份（bulletin list 列出各期的日期和状态）。",
        if *.unpublished > 0 { format!("（这一年有 {} 期尚未印发）", .unpublished) } else { String::new() }
    )]
    NoPublishedIssues {
        /// The year asked for.
        year: i32,
        /// How many issues of that year are not published (drafts, in proof).
        unpublished: usize,
    },
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An issue could not be laid out.
    #[error("{0}")]
    Layout(#[from] VolumeLayoutError),
    /// The PDF could not be made or written.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// A year's issues from the store: those that go into the volume, and those that do not.
#[derive(Debug, Clone)]
pub struct YearIssues {
    /// The published issues, by 总第M期.
    pub published: Vec<Issue>,
    /// The year's other issues (drafts, in proof, under correction), by 总第M期.
    pub left_out: Vec<IssueSummary>,
}

/// The issues of `year` in `store` (see the module's doc for which go in).
pub fn issues_of_year(store: &Store, year: i32) -> Result<YearIssues, StoreError> {
    let mut rows: Vec<IssueSummary> = store
        .list()?
        .into_iter()
        .filter(|s| s.date.year() == year)
        .collect();
    rows.sort_by_key(|s| (s.total_number, s.number, s.date));
    let (published, left_out): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|s| s.status == Status::Published);
    let published = published
        .iter()
        .map(|s| store.load(s.id).map(|stored| stored.issue))
        .collect::<Result<_, _>>()?;
    Ok(YearIssues {
        published,
        left_out,
    })
}

/// What `export_year` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct VolumeReport {
    /// The file written.
    pub path: PathBuf,
    /// The year.
    pub year: i32,
    /// Pages in all: the cover, the contents, every issue.
    pub pages: u32,
    /// The issues in it, with their contents and pages.
    pub contents: Vec<ContentsIssue>,
    /// The year's issues not in it (not published).
    pub left_out: Vec<IssueSummary>,
}

/// Lays out the volume of `year` from the store's published issues of that year.
pub fn layout_year(
    store: &Store,
    year: i32,
    fonts: &FontBook,
) -> Result<(Volume, YearIssues), VolumeError> {
    let issues = issues_of_year(store, year)?;
    if issues.published.is_empty() {
        return Err(VolumeError::NoPublishedIssues {
            year,
            unpublished: issues.left_out.len(),
        });
    }
    let volume = layout_volume(year, &issues.published, fonts)?;
    Ok((volume, issues))
}

/// 「导出合订本」: writes the PDF of `year`'s volume to `path` atomically (a failure leaves any
/// older file there untouched): the one call the command line and the app make.
pub fn export_year(store: &Store, year: i32, path: &Path) -> Result<VolumeReport, VolumeError> {
    let fonts = FontBook::global().map_err(PdfError::from)?;
    write_year(store, year, fonts, path)
}

/// Like `export_year`, with the given fonts (the app's, which may come from its bundle).
pub fn write_year(
    store: &Store,
    year: i32,
    fonts: &FontBook,
    path: &Path,
) -> Result<VolumeReport, VolumeError> {
    let (volume, issues) = layout_year(store, year, fonts)?;
    crate::pdf::write(&volume.document, fonts, &PdfOptions::default(), path)?;
    Ok(VolumeReport {
        path: path.to_path_buf(),
        year,
        pages: volume.document.pages.len() as u32,
        contents: volume.contents,
        left_out: issues.left_out,
    })
}

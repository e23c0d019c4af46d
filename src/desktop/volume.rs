//! 年度合订本 in the app: which years have published issues, and one year's volume as a PDF.

use std::path::Path;

use serde::Serialize;

use super::{with_extension, Desktop, DesktopError, ExportKind, Result};
use crate::model::Status;

/// A written volume, as the app reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VolumeExported {
    /// The file written.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// Pages in all: the cover, the contents, every issue.
    pub pages: u32,
    /// How many issues it holds.
    pub issues: u32,
    /// The year's issues left out because they are not published (「第5期（总第246期）」).
    pub left_out: Vec<String>,
}

impl Desktop {
    /// The years that have at least one published issue outside the recycle bin, newest first:
    /// the years a volume can be made of.
    pub fn volume_years(&self) -> Result<Vec<i32>> {
        let mut years: Vec<i32> = self
            .list_issues()?
            .into_iter()
            .filter(|s| s.status == Status::Published && s.deleted_at.is_none())
            .map(|s| chrono::Datelike::year(&s.date))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        Ok(years)
    }

    /// 导出合订本: writes the PDF of `year`'s volume to `path` (its extension made `.pdf`).
    pub fn export_volume(&self, year: i32, path: &Path) -> Result<VolumeExported> {
        let fonts = self.fonts()?;
        let path = with_extension(path, ExportKind::Pdf);
        let report = crate::volume::write_year(&self.store(), year, &fonts, &path)
            .map_err(|e| DesktopError::new(e.to_string()))?;
        Ok(VolumeExported {
            bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
            path: path.display().to_string(),
            pages: report.pages,
            issues: report.contents.len() as u32,
            left_out: report
                .left_out
                .iter()
                .map(|s| format!("第{}期（总第{}期）", s.number, s.total_number))
                .collect(),
        })
    }
}

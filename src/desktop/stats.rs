//! 信息采用统计 in the app: a period's counts as the 统计 view shows them, the alias table's
//! edits, and the XLSX and DOCX exports.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Desktop, DesktopError, Result};
use crate::stats::{self, Period, Scope};
use crate::store::UnitAlias;

/// What the view asks for: a year, its months, and whether drafts count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct StatsQuery {
    /// The year.
    pub year: i32,
    /// First month (1–12).
    pub from: u32,
    /// Last month (1–12).
    pub to: u32,
    /// Every issue, not only 已印发.
    pub all: bool,
}

/// One item a count came from, as the view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatsItem {
    /// 「第4期（总第293期）」.
    pub issue: String,
    /// The issue's date, YYYY-MM-DD.
    pub date: String,
    /// 文章 or 简讯.
    pub kind: String,
    /// The headline or the brief's first words.
    pub title: String,
    /// The byline or source as written.
    pub written: String,
}

/// One row of the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatsRow {
    /// The canonical name.
    pub name: String,
    /// Whether a person (个人) rather than a unit.
    pub person: bool,
    /// Articles per month of the period.
    pub articles_by_month: Vec<u32>,
    /// Briefs per month of the period.
    pub briefs_by_month: Vec<u32>,
    /// Articles.
    pub articles: u32,
    /// Briefs.
    pub briefs: u32,
    /// The items counted.
    pub items: Vec<StatsItem>,
}

/// The 统计 view's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatsView {
    /// 「2024年」, 「2024年1—6月」.
    pub label: String,
    /// The months shown (1–12).
    pub months: Vec<u32>,
    /// Issues counted.
    pub issues: u32,
    /// Articles in them.
    pub articles: u32,
    /// Briefs in them.
    pub briefs: u32,
    /// Issues of the period not counted (not published).
    pub left_out: u32,
    /// The rows, by total.
    pub rows: Vec<StatsRow>,
    /// Items without byline or source.
    pub unsigned: Vec<StatsItem>,
}

/// Which file an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatsFile {
    /// The spreadsheet.
    Xlsx,
    /// The 通报.
    Docx,
}

impl StatsFile {
    /// The extension.
    pub fn extension(self) -> &'static str {
        match self {
            StatsFile::Xlsx => "xlsx",
            StatsFile::Docx => "docx",
        }
    }

    /// The save dialog's filter name.
    pub fn filter_name(self) -> &'static str {
        match self {
            StatsFile::Xlsx => "Excel 工作簿",
            StatsFile::Docx => "Word 文档",
        }
    }
}

fn err(e: impl std::fmt::Display) -> DesktopError {
    DesktopError::new(e.to_string())
}

fn compute(d: &Desktop, q: StatsQuery) -> Result<stats::Stats> {
    let period = Period::months(q.year, q.from, q.to).map_err(err)?;
    let scope = if q.all { Scope::All } else { Scope::Published };
    stats::of_store(&d.store(), period, scope).map_err(err)
}

impl Desktop {
    /// The counts of the query's period.
    pub fn statistics(&self, q: StatsQuery) -> Result<StatsView> {
        let s = compute(self, q)?;
        let item = |i: &stats::Item| {
            let issue = &s.issues[i.issue];
            StatsItem {
                issue: issue.label(),
                date: issue.date.format("%Y-%m-%d").to_string(),
                kind: i.kind.label().into(),
                title: i.title.clone(),
                written: i.written.clone(),
            }
        };
        Ok(StatsView {
            label: s.period.label(),
            months: s.period.month_list(),
            issues: s.issues.len() as u32,
            articles: s.articles,
            briefs: s.briefs,
            left_out: s.left_out as u32,
            rows: s
                .rows
                .iter()
                .map(|r| StatsRow {
                    name: r.contributor.name.clone(),
                    person: r.contributor.kind == stats::Kind::Person,
                    articles_by_month: r.articles_by_month.clone(),
                    briefs_by_month: r.briefs_by_month.clone(),
                    articles: r.articles,
                    briefs: r.briefs,
                    items: r.items.iter().map(item).collect(),
                })
                .collect(),
            unsigned: s.unsigned.iter().map(item).collect(),
        })
    }

    /// The alias table.
    pub fn unit_aliases(&self) -> Result<Vec<UnitAlias>> {
        Ok(self.store().unit_aliases()?)
    }

    /// Adds or changes an alias (merging a unit into another is mapping it to the other).
    pub fn set_unit_alias(&self, alias: &str, unit: &str) -> Result<Vec<UnitAlias>> {
        stats::set_alias(&mut self.store(), alias, unit).map_err(err)?;
        self.unit_aliases()
    }

    /// Deletes an alias.
    pub fn delete_unit_alias(&self, alias: &str) -> Result<Vec<UnitAlias>> {
        stats::delete_alias(&mut self.store(), alias).map_err(err)?;
        self.unit_aliases()
    }

    /// 导出统计: writes the query's counts as XLSX or the 通报 as DOCX to `path` (its extension
    /// made right); the file written.
    pub fn export_statistics(&self, q: StatsQuery, file: StatsFile, path: &Path) -> Result<String> {
        let s = compute(self, q)?;
        let path: PathBuf = super::ensure_extension(path, file.extension());
        match file {
            StatsFile::Xlsx => {
                let aliases = self.unit_aliases()?;
                stats::xlsx::write(&s, &aliases, &path).map_err(err)?
            }
            StatsFile::Docx => stats::report_docx::write(&s, &path).map_err(err)?,
        }
        Ok(path.display().to_string())
    }
}

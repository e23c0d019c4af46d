//! 信息采用统计: which units' (and persons') articles and briefs the bulletin adopted, per month
//! and in a year, from the bylines and sources of the store's issues — the basis of the annual
//! 信息工作 review. `units` reads and normalises the names, `count` counts, `xlsx` and
//! `report_docx` write the spreadsheet and the 通报; the alias table is kept by the store.

pub mod count;
pub mod report_docx;
pub mod units;
pub mod xlsx;

use crate::model::Status;
use crate::store::{Store, StoreError, UnitAlias};

pub use count::{count, IssueRef, Item, ItemKind, Period, PeriodError, Row, Scope, Stats};
pub use units::{Aliases, Contributor, Kind};

/// Why statistics could not be made or the alias table not changed.
#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    /// A bad period.
    #[error(transparent)]
    Period(#[from] PeriodError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An alias that is empty once normalised.
    #[error("名称不能为空，请写出单位或人名，例如 苍南科协")]
    EmptyName,
    /// An alias mapped to itself.
    #[error("「{0}」经规范化后与目标单位相同，无需设置别名")]
    SameName(String),
    /// A name mapped to a person.
    #[error("「{0}」看起来是人名：别名只能归并到单位，请写单位名称，例如 苍南县科协")]
    TargetIsPerson(String),
    /// Deleting an alias that is not in the table.
    #[error("别名表中没有「{0}」。bulletin stats aliases 列出现有别名")]
    NoAlias(String),
    /// The spreadsheet could not be made or written.
    #[error("无法写出 Excel 文件 {path}（{detail}）。请检查目录是否存在、是否可写，以及文件是否正被 Excel 打开；原有的文件没有被改动。")]
    Xlsx {
        /// The target file.
        path: std::path::PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The 通报 could not be written.
    #[error(transparent)]
    Docx(#[from] crate::docx::DocxError),
}

/// The store's alias table as `Aliases`.
pub fn aliases(store: &Store) -> Result<Aliases, StoreError> {
    let rows = store.unit_aliases()?;
    Ok(Aliases::new(
        rows.iter().map(|r| (r.alias.as_str(), r.unit.as_str())),
    ))
}

/// Counts the store's issues of `period` (not those in the recycle bin): under
/// `Scope::Published` only those whose status is 已印发.
pub fn of_store(store: &Store, period: Period, scope: Scope) -> Result<Stats, StatsError> {
    let mut issues = Vec::new();
    let mut left_out = 0;
    for s in store.list()? {
        if !period.contains(s.date) {
            continue;
        }
        if scope == Scope::Published && s.status != Status::Published {
            left_out += 1;
            continue;
        }
        let issue = store.load(s.id)?.issue;
        let r = IssueRef {
            id: s.id,
            number: issue.masthead.number.get(),
            total_number: issue.masthead.total_number.get(),
            date: issue.masthead.date,
        };
        issues.push((r, issue));
    }
    let mut stats = count(&issues, period, scope, &aliases(store)?);
    stats.left_out = left_out;
    Ok(stats)
}

/// Saves 「`alias` counts as `unit`」, both brought to canonical form; the row saved.
pub fn set_alias(store: &mut Store, alias: &str, unit: &str) -> Result<UnitAlias, StatsError> {
    let a = units::canonical(alias);
    let u = units::classify(unit);
    if a.is_empty() || u.name.is_empty() {
        return Err(StatsError::EmptyName);
    }
    if u.kind == Kind::Person {
        return Err(StatsError::TargetIsPerson(u.name));
    }
    if a == u.name {
        return Err(StatsError::SameName(alias.trim().to_string()));
    }
    store.set_unit_alias(&a, &u.name)?;
    let row = store
        .unit_aliases()?
        .into_iter()
        .find(|r| r.alias == a)
        .unwrap_or(UnitAlias {
            alias: a,
            unit: u.name,
        });
    Ok(row)
}

/// Removes `alias` (written in any form the rules bring to its canonical one).
pub fn delete_alias(store: &mut Store, alias: &str) -> Result<(), StatsError> {
    let a = units::canonical(alias);
    if store.delete_unit_alias(&a)? || store.delete_unit_alias(alias.trim())? {
        Ok(())
    } else {
        Err(StatsError::NoAlias(alias.trim().to_string()))
    }
}

//! Counting: every article's byline and every brief's source in the chosen issues is a
//! contribution of the units (and persons) it names; per contributor, the articles and briefs
//! adopted per month and in all, and the items they were.
//!
//! The month of an item is the month of its issue's masthead date (印发日期), the date the
//! issue went out: an issue dated 2024-04-30 counts in April, whatever the events it reports.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::Issue;
use crate::store::IssueId;

use super::units::{contributors, Aliases, Contributor};

/// A year and a range of its months (both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    year: i32,
    from: u32,
    to: u32,
}

/// Why a period cannot be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// A month not written YYYY-MM.
    #[error("月份「{0}」写法不对，请写成 YYYY-MM，例如 2024-01")]
    BadMonth(String),
    /// A month of another year.
    #[error(
        "月份 {month} 不在 {year} 年内，请写这一年的月份，例如 --from {year}-01 --to {year}-06"
    )]
    OtherYear {
        /// The year asked for.
        year: i32,
        /// The month given.
        month: String,
    },
    /// The range ends before it starts.
    #[error("起始月份 {from} 月晚于结束月份 {to} 月，请交换 --from 和 --to")]
    Backwards {
        /// First month.
        from: u32,
        /// Last month.
        to: u32,
    },
}

impl Period {
    /// The whole of `year`.
    pub fn year(year: i32) -> Period {
        Period {
            year,
            from: 1,
            to: 12,
        }
    }

    /// Months `from..=to` of `year`.
    pub fn months(year: i32, from: u32, to: u32) -> Result<Period, PeriodError> {
        for m in [from, to] {
            if !(1..=12).contains(&m) {
                return Err(PeriodError::BadMonth(format!("{year}-{m:02}")));
            }
        }
        if from > to {
            return Err(PeriodError::Backwards { from, to });
        }
        Ok(Period { year, from, to })
    }

    /// `year` limited by optional 「YYYY-MM」 ends (the command line's --from and --to).
    pub fn parse(year: i32, from: Option<&str>, to: Option<&str>) -> Result<Period, PeriodError> {
        let month = |s: Option<&str>, default: u32| -> Result<u32, PeriodError> {
            let Some(s) = s else { return Ok(default) };
            let s = s.trim();
            let (y, m) = s
                .split_once('-')
                .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
                .filter(|(_, m)| (1..=12).contains(m))
                .ok_or_else(|| PeriodError::BadMonth(s.to_string()))?;
            if y != year {
                return Err(PeriodError::OtherYear {
                    year,
                    month: s.to_string(),
                });
            }
            Ok(m)
        };
        Period::months(year, month(from, 1)?, month(to, 12)?)
    }

    /// The year.
    pub fn the_year(&self) -> i32 {
        self.year
    }

    /// The first month.
    pub fn from(&self) -> u32 {
        self.from
    }

    /// The last month.
    pub fn to(&self) -> u32 {
        self.to
    }

    /// Whether `date` falls in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        date.year() == self.year && (self.from..=self.to).contains(&date.month())
    }

    /// The months, in order.
    pub fn month_list(&self) -> Vec<u32> {
        (self.from..=self.to).collect()
    }

    /// 「2024年」 or 「2024年1—6月」 or 「2024年3月」.
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (1, 12) => format!("{}年", self.year),
            (f, t) if f == t => format!("{}年{}月", self.year, f),
            (f, t) => format!("{}年{}—{}月", self.year, f, t),
        }
    }
}

/// An issue counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssueRef {
    /// The store's id.
    pub id: IssueId,
    /// 第N期.
    pub number: u32,
    /// 总第M期.
    pub total_number: u32,
    /// The masthead date, whose month the issue's items count in.
    pub date: NaiveDate,
}

impl IssueRef {
    /// 「第4期（总第293期）」.
    pub fn label(&self) -> String {
        format!("第{}期（总第{}期）", self.number, self.total_number)
    }
}

/// Article or brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// 文章.
    Article,
    /// 简讯.
    Brief,
}

impl ItemKind {
    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Article => "文章",
            ItemKind::Brief => "简讯",
        }
    }
}

/// One adopted item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Index into `Stats::issues`.
    pub issue: usize,
    /// Article or brief.
    pub kind: ItemKind,
    /// The headline, or the brief's first words.
    pub title: String,
    /// The byline or source as written.
    pub written: String,
}

/// One contributor's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Who.
    pub contributor: Contributor,
    /// Articles per month of the period (index 0 is `Period::from`).
    pub articles_by_month: Vec<u32>,
    /// Briefs per month of the period.
    pub briefs_by_month: Vec<u32>,
    /// Articles in all.
    pub articles: u32,
    /// Briefs in all.
    pub briefs: u32,
    /// The items, in issue order.
    pub items: Vec<Item>,
}

impl Row {
    /// Articles and briefs.
    pub fn total(&self) -> u32 {
        self.articles + self.briefs
    }
}

/// Which issues count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Only 已印发 (the default).
    Published,
    /// Every issue, drafts too.
    All,
}

/// The counts of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// The period.
    pub period: Period,
    /// Which issues counted.
    pub scope: Scope,
    /// The issues counted, by 总第M期.
    pub issues: Vec<IssueRef>,
    /// Per contributor, by total (then articles, then name).
    pub rows: Vec<Row>,
    /// Items without byline or source.
    pub unsigned: Vec<Item>,
    /// Issues of the period left out (not published) under `Scope::Published`.
    pub left_out: usize,
    /// Articles in the issues counted (each once, signed or not).
    pub articles: u32,
    /// Briefs in the issues counted.
    pub briefs: u32,
    /// The bulletin's name, from the last issue counted.
    pub bulletin: Option<String>,
}

impl Stats {
    /// Articles, briefs, and both, summed over the rows (an item with two units counts for each).
    pub fn totals(&self) -> (u32, u32, u32) {
        let a = self.rows.iter().map(|r| r.articles).sum();
        let b = self.rows.iter().map(|r| r.briefs).sum();
        (a, b, a + b)
    }
}

/// Counts `issues` (each with its reference) in `period` through `aliases`.
pub fn count(
    issues: &[(IssueRef, Issue)],
    period: Period,
    scope: Scope,
    aliases: &Aliases,
) -> Stats {
    let mut refs: Vec<&(IssueRef, Issue)> = issues
        .iter()
        .filter(|(r, _)| period.contains(r.date))
        .collect();
    refs.sort_by_key(|(r, _)| (r.total_number, r.number, r.date));
    let months = (period.to - period.from + 1) as usize;
    let mut rows: BTreeMap<Contributor, Row> = BTreeMap::new();
    let mut unsigned = Vec::new();
    for (i, (r, issue)) in refs.iter().enumerate() {
        let month = (r.date.month() - period.from) as usize;
        let articles = issue
            .articles
            .iter()
            .map(|a| (ItemKind::Article, a.headline_text(), a.byline.clone()));
        let briefs = issue.briefs.iter().map(|b| {
            (
                ItemKind::Brief,
                brief_title(&format!("{}{}", b.lead(), b.text)),
                b.source.clone(),
            )
        });
        for (kind, title, written) in articles.chain(briefs) {
            let written = written.unwrap_or_default();
            let mut who: Vec<Contributor> = Vec::new();
            for c in contributors(&written).into_iter().map(|c| aliases.apply(c)) {
                if !who.contains(&c) {
                    who.push(c);
                }
            }
            let item = Item {
                issue: i,
                kind,
                title,
                written: written.trim().to_string(),
            };
            if who.is_empty() {
                unsigned.push(item);
                continue;
            }
            for c in who {
                let row = rows.entry(c.clone()).or_insert_with(|| Row {
                    contributor: c,
                    articles_by_month: vec![0; months],
                    briefs_by_month: vec![0; months],
                    articles: 0,
                    briefs: 0,
                    items: Vec::new(),
                });
                match kind {
                    ItemKind::Article => {
                        row.articles += 1;
                        row.articles_by_month[month] += 1;
                    }
                    ItemKind::Brief => {
                        row.briefs += 1;
                        row.briefs_by_month[month] += 1;
                    }
                }
                row.items.push(item.clone());
            }
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.total()
            .cmp(&a.total())
            .then(b.articles.cmp(&a.articles))
            .then(a.contributor.kind.cmp(&b.contributor.kind))
            .then(a.contributor.name.cmp(&b.contributor.name))
    });
    Stats {
        period,
        scope,
        issues: refs.iter().map(|(r, _)| r.clone()).collect(),
        rows,
        unsigned,
        left_out: 0,
        articles: refs.iter().map(|(_, i)| i.articles.len() as u32).sum(),
        briefs: refs.iter().map(|(_, i)| i.briefs.len() as u32).sum(),
        bulletin: refs.last().map(|(_, i)| i.masthead.name.trim().to_string()),
    }
}

/// A brief's first words, enough to know it again (20 characters).
fn brief_title(lead: &str) -> String {
    let lead = lead.trim();
    let mut t: String = lead.chars().take(20).collect();
    if lead.chars().count() > 20 {
        t.push('…');
    }
    t
}

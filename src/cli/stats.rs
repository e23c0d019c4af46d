//! `bulletin stats`: 信息采用统计 of a year (or some of its months) printed as a table and
//! written to XLSX and DOCX, and `bulletin stats alias|unalias|aliases` for the alias table.

use std::path::{Path, PathBuf};

use bulletin::stats::{self, report_docx, Period, Scope, Stats};
use clap::{Args, Subcommand};

use super::{note, open_store, say, table, CliError, HELP_TEMPLATE};

/// The arguments of `bulletin stats`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct StatsArgs {
    #[command(subcommand)]
    action: Option<AliasAction>,
    #[arg(
        value_name = "YEAR",
        required = true,
        help_heading = "参数",
        value_parser = clap::value_parser!(i32).range(1..=9999),
        help = "年份，例如 2024"
    )]
    year: Option<i32>,
    #[arg(
        long,
        value_name = "YYYY-MM",
        help = "起始月份，例如 2024-01（默认一月）"
    )]
    from: Option<String>,
    #[arg(
        long,
        value_name = "YYYY-MM",
        help = "结束月份，例如 2024-06（默认十二月）"
    )]
    to: Option<String>,
    #[arg(long, help = "统计所有各期（包括草稿、送审中的），默认只统计已印发的")]
    all: bool,
    #[arg(
        long,
        value_name = "OUT",
        help = "写出 Excel 统计表（.xlsx：按单位、按期、别名表）"
    )]
    xlsx: Option<PathBuf>,
    #[arg(
        long,
        value_name = "OUT",
        help = "写出 Word 通报（.docx：标题、说明和按合计排序的表格）"
    )]
    docx: Option<PathBuf>,
}

/// The alias table's subcommands.
#[derive(Debug, Subcommand)]
#[command(help_template = HELP_TEMPLATE)]
enum AliasAction {
    /// Maps a name to the unit it counts as.
    #[command(
        about = "设置别名：让某个名称（单位简称或人名）计入某个单位，例如 bulletin stats alias 叶贤挺 苍南县科协",
        help_template = HELP_TEMPLATE
    )]
    Alias {
        #[arg(
            value_name = "NAME",
            help_heading = "参数",
            help = "别名（单位简称、旧称或人名）"
        )]
        alias: String,
        #[arg(value_name = "UNIT", help_heading = "参数", help = "计入的单位")]
        unit: String,
    },
    /// Removes a name from the alias table.
    #[command(about = "删除别名", help_template = HELP_TEMPLATE)]
    Unalias {
        #[arg(value_name = "NAME", help_heading = "参数", help = "要删除的别名")]
        alias: String,
    },
    /// Lists the alias table.
    #[command(about = "列出别名表", help_template = HELP_TEMPLATE)]
    Aliases,
}

/// Runs `bulletin stats`.
pub fn run(db: Option<&Path>, args: StatsArgs) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    match args.action {
        Some(AliasAction::Alias { alias, unit }) => {
            let row = stats::set_alias(&mut store, &alias, &unit)?;
            return say(format!("已设置别名：{} → {}", row.alias, row.unit));
        }
        Some(AliasAction::Unalias { alias }) => {
            stats::delete_alias(&mut store, &alias)?;
            return say(format!("已删除别名：{}", alias.trim()));
        }
        Some(AliasAction::Aliases) => {
            let rows = store.unit_aliases()?;
            if rows.is_empty() {
                return say("别名表为空。用 bulletin stats alias 别名 单位 添加。");
            }
            let mut cells = vec![vec!["别名".to_string(), "计入单位".into()]];
            cells.extend(rows.into_iter().map(|r| vec![r.alias, r.unit]));
            return say(table::render(&cells).trim_end());
        }
        None => {}
    }
    let year = args.year.expect("clap requires YEAR without a subcommand");
    let period = Period::parse(year, args.from.as_deref(), args.to.as_deref())
        .map_err(stats::StatsError::from)?;
    let scope = if args.all {
        Scope::All
    } else {
        Scope::Published
    };
    let stats = stats::of_store(&store, period, scope)?;
    if stats.left_out > 0 {
        note(format!(
            "注意：{}有 {} 期尚未印发，没有计入（加 --all 一并统计）。",
            stats.period.label(),
            stats.left_out
        ));
    }
    say(render(&stats).trim_end())?;
    if let Some(path) = &args.xlsx {
        stats::xlsx::write(&stats, &store.unit_aliases()?, path)?;
        say(format!("已写出：{}", path.display()))?;
    }
    if let Some(path) = &args.docx {
        report_docx::write(&stats, path)?;
        say(format!("已写出：{}", path.display()))?;
    }
    Ok(())
}

/// The counts as a terminal table, with the issues counted and the items without a source.
fn render(stats: &Stats) -> String {
    let mut out = format!(
        "{}信息采用情况：{} 期，文章 {} 篇、简讯 {} 条\n",
        stats.period.label(),
        stats.issues.len(),
        stats.articles,
        stats.briefs
    );
    if stats.issues.is_empty() {
        out.push_str("这段时间没有可统计的简报。\n");
        return out;
    }
    let mut cells = vec![["序号", "单位", "类别", "文章", "简讯", "合计", "见于"]
        .map(String::from)
        .to_vec()];
    for (i, r) in stats.rows.iter().enumerate() {
        let mut seen: Vec<String> = Vec::new();
        for item in &r.items {
            let label = stats.issues[item.issue].label();
            if !seen.contains(&label) {
                seen.push(label);
            }
        }
        cells.push(vec![
            (i + 1).to_string(),
            r.contributor.name.clone(),
            r.contributor.kind.label().into(),
            r.articles.to_string(),
            r.briefs.to_string(),
            r.total().to_string(),
            seen.join("、"),
        ]);
    }
    let (a, b, t) = stats.totals();
    cells.push(vec![
        String::new(),
        "合计".into(),
        String::new(),
        a.to_string(),
        b.to_string(),
        t.to_string(),
    ]);
    out.push_str(&table::render(&cells));
    if !stats.unsigned.is_empty() {
        out.push_str(&format!("未署名（未计入）：{} 条\n", stats.unsigned.len()));
        for item in &stats.unsigned {
            out.push_str(&format!(
                "  {} {} {}\n",
                stats.issues[item.issue].label(),
                item.kind.label(),
                item.title
            ));
        }
    }
    out
}

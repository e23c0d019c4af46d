//! The `bulletin` command line: the archive (import, list, show, new, delete, restore, trash,
//! search, export), file-to-file rendering, and proofing (proof, proofs, diff, lint, publish,
//! correct, verify, archive-dir; see `proofing`) and the yearly volume (volume), over
//! `bulletin::store`, `bulletin::import` and `bulletin::volume`.

mod command;
mod error;
mod fonts;
mod importing;
mod outputs;
mod proofing;
mod review;
mod save_loop;
mod stats;
mod table;

use std::fmt::Display;
use std::io::Write;
use std::path::{Path, PathBuf};

use bulletin::model::Issue;
use bulletin::store::{IssueId, IssueSummary, Store};
use clap::{ArgAction, Parser};

use command::Command;

pub use error::{usage_message, CliError};

/// How many hits `search` lists with their sentences: the text of every hit of a common word
/// over a thousand issues takes ten times as long as a page of them (README, search speed).
const SEARCH_PAGE: usize = 50;

const HELP_TEMPLATE: &str = "{about}\n\n用法：{usage}\n\n{all-args}";

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "bulletin",
    version,
    about = "信息简报（如《温州科协信息》）的归档、导入与导出",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "命令",
    next_help_heading = "选项",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// The database file, overriding `$BULLETIN_DB` and the data directory.
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        help = "数据库文件（默认为环境变量 BULLETIN_DB，否则为用户数据目录下的 bulletin/bulletin.sqlite3）"
    )]
    db: Option<PathBuf>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help, help = "显示帮助")]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version, help = "显示版本")]
    version: Option<bool>,
    #[command(subcommand)]
    command: Command,
}

/// Writes one line to standard output.
fn say(line: impl Display) -> Result<(), CliError> {
    writeln!(std::io::stdout().lock(), "{line}").map_err(CliError::Stdout)
}

/// Writes a notice to standard error (it is not the command's result).
fn note(line: impl Display) {
    eprintln!("{line}");
}

fn open_store(db: Option<&Path>) -> Result<Store, CliError> {
    let path = match db {
        Some(p) => p.to_path_buf(),
        None => Store::default_path()?,
    };
    Ok(Store::open(&path)?)
}

/// 「第4期（总第245期）」.
fn numbers(issue: &Issue) -> String {
    format!(
        "{}{}",
        issue.masthead.number_label(),
        issue.masthead.total_label()
    )
}

/// Warns when another issue in the list already has this 总第M期 (a repeated import, or a
/// 「新建下一期」 from an older issue): allowed, but the editor should know.
fn warn_same_total(store: &Store, id: IssueId, issue: &Issue) -> Result<(), CliError> {
    let total = issue.masthead.total_number.get();
    let others: Vec<IssueId> = store
        .list()?
        .into_iter()
        .filter(|s| s.total_number == total && s.id != id)
        .map(|s| s.id)
        .collect();
    note_same_total(total, &others);
    Ok(())
}

/// Warns that other issues carry the same 总第M期.
fn note_same_total(total: u32, others: &[IssueId]) {
    if !others.is_empty() {
        let ids: Vec<String> = others.iter().map(|id| id.short()).collect();
        note(format!(
            "注意：总第{total}期已经有 {} 期（编号 {}），请确认不是重复。",
            others.len(),
            ids.join("、")
        ));
    }
}

/// The list as aligned columns.
fn summary_table(rows: &[IssueSummary], deleted: bool) -> String {
    let local = |t: &str| {
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|d| {
                d.with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_else(|_| t.to_string())
    };
    let mut cells = vec![vec![
        "编号".to_string(),
        "期号".into(),
        "总期号".into(),
        "日期".into(),
        "状态".into(),
        if deleted {
            "删除时间"
        } else {
            "最后修改"
        }
        .into(),
        "首篇标题".into(),
    ]];
    for s in rows {
        let changed = if deleted {
            s.deleted_at.as_deref().unwrap_or_default()
        } else {
            s.updated_at.as_str()
        };
        cells.push(vec![
            s.id.short(),
            format!("第{}期", s.number),
            format!("总第{}期", s.total_number),
            s.date.to_string(),
            s.status.label().to_string(),
            local(changed),
            s.first_headline
                .clone()
                .unwrap_or_else(|| "（无文章）".into()),
        ]);
    }
    table::render(&cells)
}

/// Runs one command.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let db = cli.db.as_deref();
    match cli.command {
        Command::Import { files, dry_run } => importing::run(db, &files, dry_run)?,
        Command::List => {
            let store = open_store(db)?;
            let rows = store.list()?;
            if rows.is_empty() {
                say("（还没有简报。用 bulletin import 文件 导入。）")?;
            } else {
                write!(std::io::stdout().lock(), "{}", summary_table(&rows, false))
                    .map_err(CliError::Stdout)?;
            }
        }
        Command::Trash => {
            let store = open_store(db)?;
            let rows = store.list_deleted()?;
            if rows.is_empty() {
                say("（回收站是空的。）")?;
            } else {
                write!(std::io::stdout().lock(), "{}", summary_table(&rows, true))
                    .map_err(CliError::Stdout)?;
            }
        }
        Command::Show { id } => {
            let store = open_store(db)?;
            let stored = store.load(store.resolve(&id)?)?;
            if stored.deleted_at.is_some() {
                note("（这一期在回收站中。）");
            }
            write!(
                std::io::stdout().lock(),
                "{}",
                bulletin::json::to_string(&stored.issue)
            )
            .map_err(CliError::Stdout)?;
        }
        Command::New { from, date } => {
            let mut store = open_store(db)?;
            let from = store.resolve(&from)?;
            let id = store.new_next(from, date)?;
            let issue = store.load(id)?.issue;
            say(format!(
                "{id}\t{}\t{}",
                numbers(&issue),
                issue.masthead.date_label()
            ))?;
            warn_same_total(&store, id, &issue)?;
        }
        Command::Delete { id } => {
            let mut store = open_store(db)?;
            let id = store.resolve(&id)?;
            store.delete(id)?;
            say(format!(
                "已移到回收站：{id}（可用 bulletin restore {} 恢复）",
                id.short()
            ))?;
        }
        Command::Restore { id } => {
            let mut store = open_store(db)?;
            let id = store.resolve(&id)?;
            store.restore(id)?;
            say(format!("已恢复：{id}"))?;
        }
        Command::Search { words } => {
            let store = open_store(db)?;
            let query = words.join(" ");
            let page = store.search_page(&query, SEARCH_PAGE)?;
            if page.hits.is_empty() {
                say(format!("没有找到包含「{query}」的简报。"))?;
            }
            if page.total > page.hits.len() {
                note(format!(
                    "共有 {} 期包含「{query}」，下面列出最新的 {} 期；请多加词语缩小范围。",
                    page.total,
                    page.hits.len()
                ));
            }
            for h in page.hits {
                let s = &h.summary;
                let mut snippet = h.snippet.clone();
                // Back to front, so earlier ranges stay valid.
                for r in h.highlights.iter().rev() {
                    if r.end <= snippet.len() && r.start < r.end {
                        snippet.insert(r.end, '】');
                        snippet.insert(r.start, '【');
                    }
                }
                say(format!(
                    "{}  第{}期（总第{}期）  {}  {}",
                    s.id.short(),
                    s.number,
                    s.total_number,
                    s.date,
                    snippet
                ))?;
            }
        }
        Command::Export { id, outputs, fonts } => {
            let store = open_store(db)?;
            let stored = store.load(store.resolve(&id)?)?;
            let book = fonts.book_for_store(&store)?;
            for path in outputs.write_all(&stored.issue, &book)? {
                say(format!("已写出：{}", path.display()))?;
            }
        }
        Command::Render {
            input,
            outputs,
            fonts,
            diagnostics,
        } => {
            let parsed = bulletin::import::read_path_report(&input)?;
            importing::note_warnings(&input, &parsed);
            let issue = parsed.issue;
            let book = fonts.book(&bulletin::fonts::FontChoices::bundled())?;
            if diagnostics {
                let options = bulletin::layout::Options::default();
                let (_, notes) = bulletin::layout::layout_with_diagnostics(&issue, &book, &options)
                    .map_err(bulletin::pdf::PdfError::from)?;
                for d in &notes {
                    note(format!("排版：{d}"));
                }
                if notes.is_empty() {
                    note("排版：所有段落逐行排定，没有孤字，没有自动转行的标题".to_string());
                }
            }
            for path in outputs.write_all(&issue, &book)? {
                say(format!("已写出：{}", path.display()))?;
            }
        }
        Command::Proof {
            id,
            note,
            pdf,
            fonts,
        } => proofing::proof(db, &id, note.as_deref(), pdf.as_deref(), &fonts)?,
        Command::Proofs { id } => proofing::proofs(db, &id)?,
        Command::Diff { id, from, to } => proofing::diff(db, &id, from, to)?,
        Command::Lint { target, fix } => proofing::lint(db, &target, fix)?,
        Command::Review { id, file, json } => review::review(db, &id, &file, json)?,
        Command::Publish { id, archive } => proofing::publish(db, &id, archive.as_deref())?,
        Command::Correct { id } => proofing::correct(db, &id)?,
        Command::Verify => proofing::verify(db)?,
        Command::Backup { out } => {
            let store = open_store(db)?;
            store.backup_to(&out)?;
            let issues = store.issue_count()?;
            say(format!("已备份 {issues} 期简报到 {}", out.display()))?;
        }
        Command::RestoreBackup { file } => {
            let mut store = open_store(db)?;
            let kept = store.restore_from(&file)?;
            say(format!(
                "已从 {} 恢复 {} 期简报；恢复前的数据另存为 {}",
                file.display(),
                store.issue_count()?,
                kept.display()
            ))?;
        }
        Command::ArchiveDir { dir, reset } => proofing::archive_dir(db, dir, reset)?,
        Command::Volume { year, pdf } => {
            let store = open_store(db)?;
            let report = bulletin::volume::export_year(&store, year, &pdf)?;
            for s in &report.left_out {
                note(format!(
                    "注意：第{}期（总第{}期，{}）状态为{}，没有收入合订本。",
                    s.number,
                    s.total_number,
                    s.date,
                    s.status.label()
                ));
            }
            say(format!(
                "已写出：{}（{}年合订本，{} 期，共 {} 页）",
                report.path.display(),
                report.year,
                report.contents.len(),
                report.pages
            ))?;
        }
        Command::Fonts { set, reset } => fonts::fonts(db, &set, &reset)?,
        Command::Stats(args) => stats::run(db, args)?,
        Command::SaveLoop => save_loop::run(&mut open_store(db)?)?,
    }
    Ok(())
}

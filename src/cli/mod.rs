//! The `bulletin` command line: the archive (import, list, show, new, delete, restore, trash,
//! search, export), file-to-file rendering, and proofing (proof, proofs, diff, lint, publish,
//! correct, verify, archive-dir; see `proofing`) and the yearly volume (volume), over
//! `bulletin::store`, `bulletin::import` and `bulletin::volume`.

mod error;
mod outputs;
mod proofing;
mod save_loop;
mod table;

use std::fmt::Display;
use std::io::Write;
use std::path::{Path, PathBuf};

use bulletin::model::Issue;
use bulletin::store::{Imported, IssueId, IssueSummary, Store};
use chrono::NaiveDate;
use clap::{ArgAction, Parser, Subcommand};

pub use error::{usage_message, CliError};
use outputs::Outputs;

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

#[derive(Debug, Subcommand)]
#[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
enum Command {
    /// Imports text or JSON files as new issues, each file on its own; prints the new ids.
    #[command(
        about = "导入文本、Word（.docx）或 JSON 文件，每个文件成为新的一期并显示其编号（档案中已有内容完全相同的一期时不再重复导入）。某个文件出错时，其余文件照常导入，最后以非零状态退出",
        help_template = HELP_TEMPLATE
    )]
    Import {
        #[arg(
            required = true,
            value_name = "FILE",
            help_heading = "参数",
            help = "要导入的文件（纯文本、Word .docx 或 JSON）"
        )]
        files: Vec<PathBuf>,
    },
    /// Lists the issues, newest first.
    #[command(about = "列出简报（最新的在前）", help_template = HELP_TEMPLATE)]
    List,
    /// Prints one issue as JSON.
    #[command(about = "以 JSON 显示一期简报", help_template = HELP_TEMPLATE)]
    Show {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
    },
    /// 新建下一期.
    #[command(
        about = "新建下一期：期号和总期号各加一（跨年时期号从 1 开始），沿用版头和版记，内容为空",
        help_template = HELP_TEMPLATE
    )]
    New {
        #[arg(long, value_name = "ID", help = "以哪一期为基础")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, help = "新一期的日期（默认今天）")]
        date: Option<NaiveDate>,
    },
    /// Moves an issue to the recycle bin.
    #[command(about = "把一期简报移到回收站", help_template = HELP_TEMPLATE)]
    Delete {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
    },
    /// Brings an issue back from the recycle bin.
    #[command(about = "从回收站恢复一期简报", help_template = HELP_TEMPLATE)]
    Restore {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
    },
    /// Lists the recycle bin.
    #[command(about = "列出回收站中的简报", help_template = HELP_TEMPLATE)]
    Trash,
    /// Finds the issues that contain every word.
    #[command(about = "查找包含所有这些词语的简报", help_template = HELP_TEMPLATE)]
    Search {
        #[arg(
            required = true,
            value_name = "WORDS",
            help_heading = "参数",
            help = "要查找的词语"
        )]
        words: Vec<String>,
    },
    /// Writes a stored issue to files.
    #[command(about = "把一期简报导出为文件", help_template = HELP_TEMPLATE)]
    Export {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
        #[command(flatten)]
        outputs: Outputs,
    },
    /// Reads a file and writes the outputs, without the database.
    #[command(
        about = "读入一个文本、Word（.docx）或 JSON 文件并直接写出结果，不使用数据库",
        help_template = HELP_TEMPLATE
    )]
    Render {
        #[arg(
            value_name = "INPUT",
            help_heading = "参数",
            help = "输入文件（纯文本、Word .docx 或 JSON）"
        )]
        input: PathBuf,
        #[command(flatten)]
        outputs: Outputs,
    },
    /// 送审: freezes the current text as the next proof round.
    #[command(
        about = "送审：把当前文本定为下一次校样（第1次、第2次……），状态改为校对中",
        help_template = HELP_TEMPLATE
    )]
    Proof {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
        #[arg(long, value_name = "TEXT", help = "备注，例如送审对象")]
        note: Option<String>,
        #[arg(
            long,
            value_name = "OUT",
            help = "同时写出这次校样的 PDF（每页页眉处印「校样 第N次 日期」）"
        )]
        pdf: Option<PathBuf>,
    },
    /// Lists the proof rounds of an issue.
    #[command(about = "列出一期简报的各次校样", help_template = HELP_TEMPLATE)]
    Proofs {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
    },
    /// Character diff between two proof rounds, or a round and the current text.
    #[command(
        about = "逐字比较两次校样（或某次校样与当前文本）的差别：[+新增+] [-删除-]",
        help_template = HELP_TEMPLATE
    )]
    Diff {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
        #[arg(long, value_name = "N", help = "从第几次校样比较（默认最近一次）")]
        from: Option<u32>,
        #[arg(
            long,
            value_name = "N|current",
            default_value = "current",
            value_parser = proofing::parse_version,
            help = "比较到第几次校样，或 current（当前文本，默认）"
        )]
        to: proofing::Version,
    },
    /// 校对助手: punctuation and form check of a stored issue or a file.
    #[command(
        about = "校对助手：检查标点和格式（半角标点、括号引号配对、重复标点、破折号、全角数字、日期写法、汉字间空格、总期号连续）。发现问题时以非零状态退出",
        help_template = HELP_TEMPLATE
    )]
    Lint {
        #[arg(
            value_name = "ID|FILE",
            help_heading = "参数",
            help = "简报编号（可只写开头几位），或一个文本 / Word / JSON 文件"
        )]
        target: String,
        #[arg(long, help = "自动修正所有能确定的问题并保存（只用于数据库中的简报）")]
        fix: bool,
    },
    /// 已印发: archives the final files with their SHA-256 and locks the issue.
    #[command(
        about = "印发：把最终文件写入归档目录（年份/第N期（总第M期）/），记录每个文件的 SHA-256，状态改为已印发",
        help_template = HELP_TEMPLATE
    )]
    Publish {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
        #[arg(
            long,
            value_name = "DIR",
            help = "这次使用的归档目录（默认见 bulletin archive-dir）"
        )]
        archive: Option<PathBuf>,
    },
    /// Starts a correction (new revision) of a published issue.
    #[command(
        about = "为已印发的简报创建修订版：恢复为草稿以便修改，原归档文件保持不变",
        help_template = HELP_TEMPLATE
    )]
    Correct {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
    },
    /// Copies the whole database to a file.
    #[command(
        about = "备份数据：把整个数据库（各期、回收站、校样和印发记录）复制到一个文件；用 --db 文件 可直接打开备份",
        help_template = HELP_TEMPLATE
    )]
    Backup {
        #[arg(
            value_name = "OUT",
            help_heading = "参数",
            help = "备份文件，例如 备份.sqlite3"
        )]
        out: PathBuf,
    },
    /// Replaces the database with a backup.
    #[command(
        name = "restore-backup",
        about = "从备份恢复：用备份文件替换整个数据库；恢复前的数据先另存在数据库旁（*.before-restore-*.bak）",
        help_template = HELP_TEMPLATE
    )]
    RestoreBackup {
        #[arg(
            value_name = "FILE",
            help_heading = "参数",
            help = "用 bulletin backup 或程序中「备份数据」写出的备份文件"
        )]
        file: PathBuf,
    },
    /// Recomputes every archived file's hash.
    #[command(
        about = "检查归档：重新计算每个归档文件的 SHA-256，报告被改动或缺失的文件（有问题时以非零状态退出）",
        help_template = HELP_TEMPLATE
    )]
    Verify,
    /// Shows or sets the archive folder.
    #[command(name = "archive-dir", about = "显示或设置归档目录", help_template = HELP_TEMPLATE)]
    ArchiveDir {
        #[arg(value_name = "DIR", help_heading = "参数", help = "新的归档目录")]
        dir: Option<PathBuf>,
        #[arg(
            long,
            conflicts_with = "dir",
            help = "恢复默认归档目录（文档/温州科协信息）"
        )]
        reset: bool,
    },
    /// 年度合订本: one PDF of a year's published issues.
    #[command(
        about = "生成年度合订本：把某一年已印发的各期合成一个 PDF（封面、各期文章目录、各期全文，页码全册连续）",
        help_template = HELP_TEMPLATE
    )]
    Volume {
        #[arg(
            value_name = "YEAR",
            help_heading = "参数",
            value_parser = clap::value_parser!(i32).range(1..=9999),
            help = "年份，例如 2020"
        )]
        year: i32,
        #[arg(
            long,
            value_name = "OUT",
            required = true,
            help = "写出合订本 PDF 文件"
        )]
        pdf: PathBuf,
    },
    /// For the crash-safety test: saves in a loop, printing a line after each committed save.
    #[command(name = "__save-loop", hide = true)]
    SaveLoop,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| "不是有效的日期，请写成 YYYY-MM-DD，例如 2020-04-30".to_string())
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
        Command::Import { files } => {
            let mut store = open_store(db)?;
            let mut failed = 0;
            for file in &files {
                let result = bulletin::import::read_path(file)
                    .map_err(CliError::from)
                    .and_then(|issue| Ok((store.import(&issue)?, issue)));
                match result {
                    Ok((Imported::New { id, same_total }, issue)) => {
                        say(format!("{id}\t{}\t{}", numbers(&issue), file.display()))?;
                        note_same_total(issue.masthead.total_number.get(), &same_total);
                    }
                    Ok((Imported::AlreadyStored(id), issue)) => note(format!(
                        "{}：{}已在档案中（编号 {}），未重复导入。",
                        file.display(),
                        numbers(&issue),
                        id.short()
                    )),
                    Err(e) => {
                        failed += 1;
                        note(format!("错误：{e}"));
                    }
                }
            }
            if failed > 0 {
                return Err(CliError::SomeImportsFailed {
                    failed,
                    total: files.len(),
                });
            }
        }
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
        Command::Export { id, outputs } => {
            let store = open_store(db)?;
            let stored = store.load(store.resolve(&id)?)?;
            for path in outputs.write_all(&stored.issue)? {
                say(format!("已写出：{}", path.display()))?;
            }
        }
        Command::Render { input, outputs } => {
            let issue = bulletin::import::read_path(&input)?;
            for path in outputs.write_all(&issue)? {
                say(format!("已写出：{}", path.display()))?;
            }
        }
        Command::Proof { id, note, pdf } => {
            proofing::proof(db, &id, note.as_deref(), pdf.as_deref())?
        }
        Command::Proofs { id } => proofing::proofs(db, &id)?,
        Command::Diff { id, from, to } => proofing::diff(db, &id, from, to)?,
        Command::Lint { target, fix } => proofing::lint(db, &target, fix)?,
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
        Command::SaveLoop => save_loop::run(&mut open_store(db)?)?,
    }
    Ok(())
}

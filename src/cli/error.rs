//! What the command line reports when something fails, in plain Chinese, and clap's usage
//! errors translated.

use std::path::PathBuf;

use bulletin::import::ImportError;
use bulletin::store::StoreError;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// A failed command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The database refused or failed.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// An input file could not be read as an issue.
    #[error("{0}")]
    Import(#[from] ImportError),
    /// An output file could not be written.
    #[error(
        "无法写出文件 {path}（{}）。请检查目录是否存在、是否可写，以及磁盘空间；原有的文件没有被改动。",
        bulletin::store::io_reason(.source)
    )]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The DOCX export failed (its message says what to do).
    #[error("{0}")]
    Docx(#[from] bulletin::docx::DocxError),
    /// The PDF export failed (its message says what to do).
    #[error("{0}")]
    Pdf(#[from] bulletin::pdf::PdfError),
    /// A font chosen with `--font` or `fonts --set` cannot be used (its message says why).
    #[error("{0}")]
    Font(#[from] bulletin::fonts::FontError),
    /// Some files of an import failed (each was reported already).
    #[error("{total} 个文件中有 {failed} 个没有导入（原因见上）；其余的已经导入。")]
    SomeImportsFailed {
        /// How many failed.
        failed: usize,
        /// How many were given.
        total: usize,
    },
    /// Publishing or checking the archive failed.
    #[error("{0}")]
    Archive(#[from] bulletin::archive::ArchiveError),
    /// `diff` without `--from` on an issue never sent for review.
    #[error("编号为 {0} 的简报还没有送审过的校样。请先用 bulletin proof 编号 送审。")]
    NoProofs(bulletin::store::IssueId),
    /// `lint --fix` on a file.
    #[error("--fix 只能修正数据库中的简报：请先用 bulletin import 导入文件，再用 bulletin lint 编号 --fix。")]
    FixNeedsStore,
    /// The check found problems (each was printed).
    #[error("发现 {count} 处标点或格式问题（见上），其中 {fixable} 处可以用 --fix 自动修正。")]
    LintFindings {
        /// How many findings.
        count: usize,
        /// How many have a fix.
        fixable: usize,
    },
    /// Archived files changed or missing (each was printed).
    #[error("{checked} 个归档文件中有 {bad} 个被改动或缺失（见上）。请从备份恢复这些文件。")]
    ArchiveDamaged {
        /// How many files failed.
        bad: usize,
        /// How many were checked.
        checked: usize,
    },
    /// The yearly volume could not be made (its message says what to do).
    #[error("{0}")]
    Volume(#[from] bulletin::volume::VolumeError),
    /// 信息采用统计 failed (its message says what to do).
    #[error("{0}")]
    Stats(#[from] bulletin::stats::StatsError),
    /// A commented proof could not be read into the issue (its message says why and what to do).
    #[error("{0}")]
    Review(#[from] bulletin::review::ReviewError),
    /// The commented PDF could not be read from disk.
    #[error("无法读取文件 {path}（{}）。请确认文件名和路径。", bulletin::store::io_reason(.source))]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Standard output could not be written (e.g. the reader went away).
    #[error("无法输出结果：{0}")]
    Stdout(std::io::Error),
}

impl CliError {
    /// Whether this is only the reader of our output going away (`bulletin list | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Stdout(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A usage error from clap in Chinese words, with a pointer to `--help`.
pub fn usage_message(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "没有「{}」这个命令。",
            context(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("不认识的选项或参数「{arg}」。"),
        ErrorKind::MissingRequiredArgument if arg.contains("--json") => {
            "请至少给出一个输出文件，例如 --json 输出.json。".to_string()
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}。"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "请给出要执行的命令。".to_string()
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            format!("{arg} 的值「{value}」不正确：{why}")
        }
        ErrorKind::InvalidValue => format!("{arg} 的值「{value}」不正确。"),
        ErrorKind::ArgumentConflict => format!("选项 {arg} 不能和其他选项同时使用。"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} 给出的值个数不对。")
        }
        ErrorKind::NoEquals => format!("{arg} 需要用「=」给出值。"),
        ErrorKind::InvalidUtf8 => "参数中含有无法识别的字符（不是 UTF-8）。".to_string(),
        _ => "命令行参数有误。".to_string(),
    };
    if let Some(s) = context(e, ContextKind::SuggestedSubcommand) {
        msg.push_str(&format!("是不是想用「{s}」？"));
    } else if let Some(s) = context(e, ContextKind::SuggestedArg) {
        msg.push_str(&format!("是不是想用「{s}」？"));
    }
    msg.push_str("\n用 bulletin --help 查看用法。");
    msg
}

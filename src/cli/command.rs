//! The subcommands of `bulletin` and their arguments (help texts in Chinese).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::fonts::FontArgs;
use super::outputs::Outputs;
use super::{proofing, HELP_TEMPLATE};

#[derive(Debug, Subcommand)]
#[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
pub enum Command {
    /// Imports files and folders (walked recursively) as new issues, each file on its own; prints
    /// the new ids and a summary table.
    #[command(
        about = "导入文本、Word（.docx/.doc）或 JSON 文件，也可以是整个文件夹（含子文件夹），每个文件成为新的一期并显示其编号（档案中已有内容完全相同的一期时不再重复导入），最后列出每个文件的结果。某个文件出错时，其余文件照常导入，最后以非零状态退出",
        help_template = HELP_TEMPLATE
    )]
    Import {
        #[arg(
            required = true,
            value_name = "PATH",
            help_heading = "参数",
            help = "要导入的文件或文件夹（纯文本、Word .docx/.doc 或 JSON；文件夹里其他类型的文件跳过）"
        )]
        files: Vec<PathBuf>,
        /// Prints what would be imported and what was guessed; stores nothing.
        #[arg(
            long = "dry-run",
            help = "只显示识别结果（期号、文章与署名、简讯与来源）和需要核对的地方，不存入档案"
        )]
        dry_run: bool,
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
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Reads a file and writes the outputs, without the database.
    #[command(
        about = "读入一个文本、Word（.docx、.doc）或 JSON 文件并直接写出结果，不使用数据库",
        help_template = HELP_TEMPLATE
    )]
    Render {
        #[arg(
            value_name = "INPUT",
            help_heading = "参数",
            help = "输入文件（纯文本、Word .docx、.doc 或 JSON）"
        )]
        input: PathBuf,
        #[command(flatten)]
        outputs: Outputs,
        #[command(flatten)]
        fonts: FontArgs,
        #[arg(
            long,
            help = "列出排版时的断行决定：整段重排以避免孤字的段落、仍有孤字的段落、自动转行的标题"
        )]
        diagnostics: bool,
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
        #[command(flatten)]
        fonts: FontArgs,
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
    /// 审阅意见: reads a commented proof PDF into the review comments.
    #[command(
        about = "导入审阅意见：读出审阅人在校样 PDF 上做的批注（高亮、删除线、插入、附注、文本框、手绘等），对应到文章、段落和文字，保存到这一期并列出",
        help_template = HELP_TEMPLATE
    )]
    Review {
        #[arg(
            value_name = "ID",
            help_heading = "参数",
            help = "简报编号（可只写开头几位）"
        )]
        id: String,
        #[arg(
            value_name = "FILE.pdf",
            help_heading = "参数",
            help = "审阅人批注过的校样 PDF（本软件导出的校样）"
        )]
        file: PathBuf,
        #[arg(long, help = "以 JSON 输出读到的意见")]
        json: bool,
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
    /// 信息采用统计: per unit, the articles and briefs adopted in a year.
    #[command(
        about = "信息采用统计：某年（或其中几个月）已印发各期中，各单位被采用的文章和简讯数，按月和合计；可写出 Excel 和 Word 通报；alias / unalias / aliases 编辑别名表",
        help_template = HELP_TEMPLATE
    )]
    Stats(super::stats::StatsArgs),
    /// The fonts: each role's face and fallbacks, the installed Chinese faces, the choice.
    #[command(
        about = "字体：列出各角色（小标宋、仿宋、黑体、楷体、宋体，以及西文字母和数字所用的西文）所用的字体和缺字时的替补字体、已安装的中文字体及其授权；--set / --reset 修改保存的选择",
        help_template = HELP_TEMPLATE
    )]
    Fonts {
        #[arg(
            long,
            value_name = "角色=字体",
            help = "为角色选用已安装的字体（字体名称或字体文件，集合文件可加 #序号），保存到数据库，例如 --set 仿宋=仿宋_GB2312（可重复）"
        )]
        set: Vec<String>,
        #[arg(
            long,
            value_name = "角色",
            help = "让角色恢复使用内置字体；写「全部」恢复所有角色（可重复）"
        )]
        reset: Vec<String>,
    },
    /// For the crash-safety test: saves in a loop, printing a line after each committed save.
    #[command(name = "__save-loop", hide = true)]
    SaveLoop,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| "不是有效的日期，请写成 YYYY-MM-DD，例如 2020-04-30".to_string())
}

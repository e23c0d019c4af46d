//! `StoreError`: what can go wrong with the database, in words that tell the editor what to do.

use std::path::PathBuf;

use rusqlite::ErrorCode;

use super::IssueId;

/// Why a store operation failed. Every message says whether data was touched and what to do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer program; it is left untouched.
    #[error(
        "数据库 {path} 由更新版本的程序创建（数据库版本 {found}，本程序只支持到版本 {known}）。\
         为保护数据，文件没有被改动：请升级程序后再打开。"
    )]
    NewerVersion {
        /// The database file.
        path: PathBuf,
        /// Its `user_version`.
        found: u32,
        /// The newest version this program knows.
        known: u32,
    },
    /// The file is not an SQLite database at all.
    #[error(
        "{path} 不是简报数据库（不是 SQLite 文件）。文件没有被改动：\
         请检查路径，或用 --db / BULLETIN_DB 指定另一个数据库文件。"
    )]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// An SQLite database of some other program.
    #[error(
        "{path} 是其他程序的 SQLite 数据库，不是简报数据库。文件没有被改动：\
         请用 --db / BULLETIN_DB 指定另一个数据库文件。"
    )]
    ForeignDatabase {
        /// The file.
        path: PathBuf,
    },
    /// SQLite found the file damaged.
    #[error(
        "数据库 {path} 已损坏，无法读取。请不要继续写入：用同目录下的备份（*.bak）恢复，或联系技术支持。"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
    },
    /// The directory for the database could not be created.
    #[error(
        "无法创建数据库所在的目录 {dir}（{}）。请检查该位置是否可写，\
         或用 --db / BULLETIN_DB 指定别的位置。",
        io_reason(.source)
    )]
    CannotCreateDir {
        /// The directory.
        dir: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The database (or its directory) cannot be written.
    #[error(
        "数据库 {path} 只能读取、不能写入（文件或所在目录是只读的）。没有任何内容被改动：\
         请检查文件和目录的写权限，或用 --db / BULLETIN_DB 指定可写的位置。"
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The database file could not be opened or created.
    #[error(
        "无法打开或创建数据库 {path}（{detail}）。请检查路径和所在目录的写权限，\
         或用 --db / BULLETIN_DB 指定别的位置。"
    )]
    CannotOpen {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// The disk (or the database's size limit) is full; the failed save wrote nothing.
    #[error(
        "磁盘已满，这次保存没有写入。之前保存的内容完好无损，正在编辑的内容也没有丢失：\
         请清理磁盘空间后重试。"
    )]
    DiskFull,
    /// Another program holds the database locked.
    #[error("数据库正被另一个程序使用，请稍后重试（或关闭另一个正在使用它的窗口）。")]
    Busy,
    /// The backup before a migration failed; the database is untouched.
    #[error(
        "升级数据库前无法把备份写到 {backup}（{detail}）。数据库没有被改动：\
         请检查磁盘空间和目录写权限后重试。"
    )]
    Backup {
        /// The backup file we tried to write.
        backup: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// A backup copy the editor asked for could not be written; the database is untouched.
    #[error(
        "无法把数据备份写到 {dest}（{detail}）。数据库没有被改动：\
         请检查磁盘空间、目录写权限或换一个位置后重试。"
    )]
    BackupTo {
        /// Where the copy was to go.
        dest: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// A file chosen to restore from that is not a backup this program can restore; nothing
    /// was changed.
    #[error("{path} 不能用来恢复：{reason}。当前数据没有被改动。")]
    NotABackup {
        /// The file.
        path: PathBuf,
        /// Why, in a few words.
        reason: String,
    },
    /// No data directory is known for this user.
    #[error("找不到用户数据目录。请用 --db 或环境变量 BULLETIN_DB 指定数据库文件的位置。")]
    NoDataDir,
    /// No issue has this id.
    #[error("找不到编号为 {0} 的简报。请检查编号（bulletin list 列出现有简报，bulletin trash 列出回收站）。")]
    NotFound(String),
    /// A prefix that matches several issues.
    #[error("编号开头「{prefix}」对应 {count} 期简报，请多输入几位。")]
    AmbiguousId {
        /// What was typed.
        prefix: String,
        /// How many issues match.
        count: usize,
    },
    /// The issue is already in the recycle bin.
    #[error("编号为 {0} 的简报已经在回收站中。")]
    AlreadyDeleted(IssueId),
    /// The issue is not in the recycle bin, so it cannot be restored.
    #[error("编号为 {0} 的简报不在回收站中，无需恢复。")]
    NotDeleted(IssueId),
    /// A stored issue whose content cannot be read back.
    #[error("数据库中编号为 {id} 的简报内容无法读取（{detail}）。请用备份（*.bak）恢复，或联系技术支持。")]
    BadContent {
        /// The issue.
        id: IssueId,
        /// What is wrong.
        detail: String,
    },
    /// A published issue is archived as it was printed and cannot be saved over.
    #[error(
        "编号为 {0} 的简报已印发，不能直接修改。修改已印发的期刊请先创建修订版\
         （bulletin correct 编号，或在程序中点「创建修订版」），已归档的文件保持不变。"
    )]
    Published(IssueId),
    /// A correction was asked for an issue that is not published.
    #[error("编号为 {0} 的简报还没有印发，可以直接修改，不需要创建修订版。")]
    NotPublished(IssueId),
    /// No proof round with this number.
    #[error("编号为 {id} 的简报没有第{round}次校样（bulletin proofs 编号 列出已有的校样）。")]
    NoProofRound {
        /// The issue.
        id: IssueId,
        /// The round asked for.
        round: u32,
    },
    /// A review comment that is not (or no longer) stored.
    #[error("这条审阅意见已不存在（可能属于已删除的校样）。请重新打开审阅意见列表。")]
    NoComment(i64),
    /// A review comment the store cannot read back.
    #[error("编号为 {id} 的简报有一条审阅意见无法读取（{detail}）。请重新导入这次校样的批注。")]
    BadComment {
        /// The issue.
        id: IssueId,
        /// What is wrong.
        detail: String,
    },
    /// Any other SQLite failure.
    #[error("数据库出错：{0}。请重试；如果问题一直出现，请联系技术支持。")]
    Sqlite(rusqlite::Error),
}

/// A system error in the editor's words (the system's own text for the rare ones).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "路径不存在".into(),
        K::PermissionDenied => "没有权限".into(),
        K::AlreadyExists => "已经存在".into(),
        K::StorageFull => "磁盘已满".into(),
        K::ReadOnlyFilesystem => "所在的磁盘是只读的".into(),
        K::NotADirectory => "路径中有一部分不是目录".into(),
        K::IsADirectory => "这是一个目录".into(),
        _ => e.to_string(),
    }
}

impl StoreError {
    /// Classifies an SQLite error on the database at `path` into the cases the editor can act on.
    pub(crate) fn from_sqlite(e: rusqlite::Error, path: &std::path::Path) -> Self {
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => {
                StoreError::CannotOpen {
                    path,
                    detail: e.to_string(),
                }
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

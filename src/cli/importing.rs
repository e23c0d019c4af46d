//! `bulletin import [--dry-run] FILE…`: each file read, its report printed, and (unless a dry run)
//! the issue stored.

use std::path::{Path, PathBuf};

use bulletin::import::{report, Parsed};
use bulletin::store::Imported;

use super::{note, note_same_total, numbers, open_store, say, CliError};

/// Imports the files one by one; a bad file does not stop the others. A dry run prints each
/// file's report (what was recognised, what to check) on standard output and stores nothing.
pub(super) fn run(db: Option<&Path>, files: &[PathBuf], dry_run: bool) -> Result<(), CliError> {
    let mut store = if dry_run { None } else { Some(open_store(db)?) };
    let mut failed = 0;
    for file in files {
        let parsed = match bulletin::import::read_path_report(file) {
            Ok(p) => p,
            Err(e) => {
                failed += 1;
                note(format!("错误：{e}"));
                continue;
            }
        };
        let Some(store) = store.as_mut() else {
            say(format!("{}：", file.display()))?;
            for line in report::describe(&parsed) {
                say(format!("  {line}"))?;
            }
            continue;
        };
        note_warnings(file, &parsed);
        let issue = parsed.issue;
        match store.import(&issue) {
            Ok(Imported::New { id, same_total }) => {
                say(format!("{id}\t{}\t{}", numbers(&issue), file.display()))?;
                note_same_total(issue.masthead.total_number.get(), &same_total);
            }
            Ok(Imported::AlreadyStored(id)) => note(format!(
                "{}：{}已在档案中（编号 {}），未重复导入。",
                file.display(),
                numbers(&issue),
                id.short()
            )),
            Err(e) => {
                failed += 1;
                note(format!("错误：{}", CliError::from(e)));
            }
        }
    }
    if failed > 0 {
        return Err(CliError::SomeImportsFailed {
            failed,
            total: files.len(),
        });
    }
    Ok(())
}

/// What the reading of a file guessed, on standard error: the editor is to check it.
pub(super) fn note_warnings(file: &Path, parsed: &Parsed) {
    if parsed.warnings.is_empty() {
        return;
    }
    note(format!(
        "{}：导入时有 {} 处需要核对（用 bulletin import --dry-run 查看识别结果）：",
        file.display(),
        parsed.warnings.len()
    ));
    for w in &parsed.warnings {
        note(format!("  {w}"));
    }
}

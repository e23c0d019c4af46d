//! `bulletin import [--dry-run] PATH…`: files and folders (walked recursively, .txt .docx .doc
//! .json) imported one by one through the engine's loop (`desktop::importing`), a progress bar
//! on standard error while it runs, and a summary table of every file at the end.

use std::path::{Path, PathBuf};

use bulletin::desktop::importing::{self, BatchImport, Outcome};
use bulletin::import::{report, Parsed};
use bulletin::model::Issue;
use bulletin::store::{Imported, StoreError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{note, note_same_total, numbers, open_store, say, table, CliError};

/// Imports the files and folders; a bad file does not stop the others. Each new issue's id is
/// printed on standard output as before (「ID\t第4期（总第245期）\tFILE」); a dry run prints each
/// file's report there instead and stores nothing. Warnings, the progress bar (only on a
/// terminal) and the summary table go to standard error.
pub(super) fn run(db: Option<&Path>, paths: &[PathBuf], dry_run: bool) -> Result<(), CliError> {
    let mut store = if dry_run { None } else { Some(open_store(db)?) };
    // indicatif draws nothing when standard error is not a terminal (a pipe, the tests).
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
            .expect("a valid template")
            .progress_chars("█▉ "),
    );
    let mut progress = |p: &importing::Progress| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.label());
    };
    let mut store_one = |issue: &Issue| -> Result<Imported, StoreError> {
        store.as_mut().expect("not a dry run").import(issue)
    };
    let batch = importing::import_paths(
        paths,
        (!dry_run).then_some(&mut store_one as importing::StoreOne<'_>),
        &mut progress,
    );
    bar.finish_and_clear();
    for file in &batch.files {
        if let Outcome::Refused(reason) = &file.outcome {
            note(format!("错误：{}：{reason}", file.path.display()));
        }
        let Some(parsed) = &file.parsed else {
            continue;
        };
        match &file.outcome {
            Outcome::Read => {
                say(format!("{}：", file.path.display()))?;
                for line in report::describe(parsed) {
                    say(format!("  {line}"))?;
                }
            }
            Outcome::New { id, same_total } => {
                say(format!(
                    "{id}\t{}\t{}",
                    numbers(&parsed.issue),
                    file.path.display()
                ))?;
                note_warnings(&file.path, parsed);
                note_same_total(parsed.issue.masthead.total_number.get(), same_total);
            }
            Outcome::AlreadyStored(_) | Outcome::Refused(_) => note_warnings(&file.path, parsed),
        }
    }
    note(summary(&batch).trim_end());
    let (_, _, _, refused) = batch.counts();
    if refused > 0 {
        return Err(CliError::SomeImportsFailed {
            failed: refused,
            total: batch.files.len(),
        });
    }
    Ok(())
}

/// The table of every file — 文件, 结果, 期号, 需核对 — and a line of totals, skipped files
/// counted: what `bulletin import` prints at the end.
pub(super) fn summary(batch: &BatchImport) -> String {
    let mut rows = vec![vec![
        "文件".to_string(),
        "期号".into(),
        "需核对".into(),
        "结果".into(),
    ]];
    for file in &batch.files {
        rows.push(vec![
            file.path.display().to_string(),
            file.parsed
                .as_ref()
                .map_or_else(|| "—".into(), |p| numbers(&p.issue)),
            file.warnings().to_string(),
            importing::message(file),
        ]);
    }
    let (new, same, read, refused) = batch.counts();
    let warnings: usize = batch.files.iter().map(|f| f.warnings()).sum();
    let mut totals = vec![format!("共 {} 个文件", batch.files.len())];
    if new > 0 {
        totals.push(format!("新导入 {new} 个"));
    }
    if same > 0 {
        totals.push(format!("已在档案中 {same} 个"));
    }
    if read > 0 {
        totals.push(format!("试运行读取 {read} 个"));
    }
    if refused > 0 {
        totals.push(format!("未导入 {refused} 个"));
    }
    if warnings > 0 {
        totals.push(format!("需核对 {warnings} 处"));
    }
    if !batch.skipped.is_empty() {
        totals.push(format!("跳过非简报文件 {} 个", batch.skipped.len()));
    }
    format!("{}{}。\n", table::render(&rows), totals.join("，"))
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

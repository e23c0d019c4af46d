//! The proofing and archive commands: proof rounds (proof, proofs, diff), the punctuation check
//! (lint), and the archive (publish, correct, verify, archive-dir).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use bulletin::archive;
use bulletin::diff::{PartDiff, Segment};
use bulletin::lint::{self, Finding};
use bulletin::model::{Issue, Masthead};
use bulletin::review::Comment;
use bulletin::store::{IssueId, Store, StoredComment};

use super::{numbers, open_store, say, table, CliError};

/// What `diff --to` compares with: a proof round or the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// 第N次校样.
    Round(u32),
    /// The text as it is now.
    Current,
}

/// Parses `--to`: a round number, or `current` / `当前`.
pub fn parse_version(s: &str) -> Result<Version, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("current") || s == "当前" {
        return Ok(Version::Current);
    }
    match s.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(Version::Round(n)),
        _ => Err("应为校样的次数（1、2、…）或 current（当前文本）".into()),
    }
}

/// Whether to colour the output: stdout is a terminal and `NO_COLOR` is not set.
fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The lines of one part's diff that contain a change, insertions as `[+…+]` and deletions as
/// `[-…-]` (also green / red struck through when `colour`).
pub fn changed_lines(part: &PartDiff, colour: bool) -> Vec<String> {
    let mut lines: Vec<(String, bool)> = vec![(String::new(), false)];
    for seg in &part.segments {
        let (text, open, close, changed) = match seg {
            Segment::Equal(t) => (t, "", "", false),
            Segment::Insert(t) if colour => (t, "\x1b[32m[+", "+]\x1b[0m", true),
            Segment::Insert(t) => (t, "[+", "+]", true),
            Segment::Delete(t) if colour => (t, "\x1b[31;9m[-", "-]\x1b[0m", true),
            Segment::Delete(t) => (t, "[-", "-]", true),
        };
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                if changed {
                    // A line break added or removed: show it where it was.
                    let last = lines.last_mut().expect("never empty");
                    last.0.push_str(&format!("{open}↵{close}"));
                    last.1 = true;
                }
                lines.push((String::new(), false));
            }
            if !piece.is_empty() {
                let last = lines.last_mut().expect("never empty");
                last.0.push_str(open);
                last.0.push_str(piece);
                last.0.push_str(close);
                last.1 |= changed;
            }
        }
    }
    lines
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(l, _)| l)
        .collect()
}

/// `bulletin proof ID [--note]`.
pub fn proof(
    db: Option<&Path>,
    id: &str,
    note: Option<&str>,
    pdf: Option<&Path>,
    fonts: &super::fonts::FontArgs,
) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    // The fonts first: a face that cannot be used stops before the round is frozen.
    let book = match pdf {
        Some(_) => Some(fonts.book_for_store(&store)?),
        None => None,
    };
    let id = store.resolve(id)?;
    let round = store.freeze_proof(id, note.unwrap_or_default())?;
    let label = bulletin::proof::Stamp::of(&round).label();
    say(format!(
        "已送审：{} 第{}次校样（{label}）",
        numbers(&round.issue),
        round.round,
    ))?;
    if let (Some(path), Some(book)) = (pdf, &book) {
        bulletin::pdf::export_proof_with(id, &round, book, path)?;
        say(format!("已写出：{}", path.display()))?;
    }
    let comments: Vec<StoredComment<Comment>> = store.comments(id)?;
    let open = bulletin::review::rounds::open(&comments);
    if !open.is_empty() {
        say(format!(
            "还有 {} 条审阅意见没有处理（已处理或不采纳的不列出）：",
            open.len()
        ))?;
        for c in open {
            say(format!("  {}", bulletin::review::rounds::line(c)))?;
        }
    }
    Ok(())
}

/// `bulletin proofs ID`.
pub fn proofs(db: Option<&Path>, id: &str) -> Result<(), CliError> {
    let store = open_store(db)?;
    let id = store.resolve(id)?;
    let rounds = store.list_proofs(id)?;
    if rounds.is_empty() {
        return say("（这一期还没有送审过。用 bulletin proof 编号 送审。）");
    }
    let mut cells = vec![vec!["校样".to_string(), "日期".into(), "备注".into()]];
    for r in &rounds {
        cells.push(vec![
            format!("第{}次", r.round),
            r.date.to_string(),
            r.note.clone(),
        ]);
    }
    write_out(&table::render(&cells))
}

fn write_out(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    write!(std::io::stdout().lock(), "{text}").map_err(CliError::Stdout)
}

/// `bulletin diff ID [--from N] [--to N|current]`.
pub fn diff(db: Option<&Path>, id: &str, from: Option<u32>, to: Version) -> Result<(), CliError> {
    let store = open_store(db)?;
    let id = store.resolve(id)?;
    let from = match from {
        Some(n) => store.load_proof(id, n)?,
        None => store.list_proofs(id)?.pop().ok_or(CliError::NoProofs(id))?,
    };
    let (to_issue, to_label) = match to {
        Version::Round(n) => (store.load_proof(id, n)?.issue, format!("第{n}次校样")),
        Version::Current => (store.load(id)?.issue, "当前文本".to_string()),
    };
    let parts = bulletin::diff::diff_issues(&from.issue, &to_issue);
    say(format!("第{}次校样 → {to_label}", from.round))?;
    if parts.is_empty() {
        return say("两个版本没有差别。");
    }
    let colour = colour();
    for part in &parts {
        say(format!("== {} ==", part.part))?;
        for line in changed_lines(part, colour) {
            say(format!("  {line}"))?;
        }
    }
    let comments: Vec<StoredComment<Comment>> = store.comments(id)?;
    let answered =
        bulletin::review::rounds::answered(&comments, from.round, &from.issue, &to_issue);
    if !answered.is_empty() {
        say(format!("这些改动回应了第{}次校样的审阅意见：", from.round))?;
        for c in answered {
            say(format!("  {}", bulletin::review::rounds::line(c)))?;
        }
    }
    Ok(())
}

/// The masthead of the issue before `id`: the one with the largest 总第M期 below its own.
fn previous_masthead(
    store: &Store,
    id: IssueId,
    issue: &Issue,
) -> Result<Option<Masthead>, CliError> {
    let total = issue.masthead.total_number.get();
    let prev = store
        .list()?
        .into_iter()
        .find(|s| s.id != id && s.total_number < total);
    Ok(match prev {
        Some(s) => Some(store.load(s.id)?.issue.masthead),
        None => None,
    })
}

/// One finding as printed: place, excerpt, message and the proposed fix.
fn finding_line(issue: &Issue, f: &Finding) -> String {
    let mut line = format!("{}：「{}」{}", f.place.label(), f.excerpt, f.message);
    if let Some(fix) = &f.fix {
        let text = lint::texts(issue)
            .into_iter()
            .find(|(p, _)| *p == f.place)
            .map(|(_, t)| t.chars().skip(fix.start).take(fix.len).collect::<String>())
            .unwrap_or_default();
        let proposal = match (text.is_empty(), fix.with.is_empty()) {
            (true, _) => format!("插入「{}」", fix.with),
            (false, true) => format!("删除「{text}」"),
            (false, false) => format!("「{text}」改为「{}」", fix.with),
        };
        line.push_str(&format!("。建议：{proposal}"));
    }
    line
}

/// `bulletin lint ID|FILE [--fix]`.
pub fn lint(db: Option<&Path>, target: &str, fix: bool) -> Result<(), CliError> {
    let file = Path::new(target);
    if file.exists() {
        if fix {
            return Err(CliError::FixNeedsStore);
        }
        let issue = bulletin::import::read_path(file)?;
        return report(&issue, &lint::check(&issue, None));
    }
    let mut store = open_store(db)?;
    let id = store.resolve(target)?;
    let mut issue = store.load(id)?.issue;
    let previous = previous_masthead(&store, id, &issue)?;
    let mut findings = lint::check(&issue, previous.as_ref());
    if fix && findings.iter().any(|f| f.fix.is_some()) {
        let applied = lint::apply_all(&mut issue, &findings);
        store.save(id, &issue)?;
        say(format!("已修正 {applied} 处并保存。"))?;
        findings = lint::check(&issue, previous.as_ref());
    }
    report(&issue, &findings)
}

fn report(issue: &Issue, findings: &[Finding]) -> Result<(), CliError> {
    if findings.is_empty() {
        return say("没有发现标点或格式问题。");
    }
    for f in findings {
        say(finding_line(issue, f))?;
    }
    let fixable = findings.iter().filter(|f| f.fix.is_some()).count();
    Err(CliError::LintFindings {
        count: findings.len(),
        fixable,
    })
}

/// `bulletin publish ID [--archive DIR]`.
pub fn publish(db: Option<&Path>, id: &str, dir: Option<&Path>) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    let id = store.resolve(id)?;
    let root = match dir {
        Some(d) => d.to_path_buf(),
        None => archive::root(&store)?,
    };
    let issue = store.load(id)?.issue;
    let fonts = super::fonts::FontArgs::default().book_for_store(&store)?;
    let formats = bulletin::formats::archive_exporters(&issue, &fonts)?;
    let p = archive::publish(&mut store, id, &root, &formats.exporters, &formats.faces)?;
    let revision = if p.revision > 1 {
        format!("（修订{}）", p.revision)
    } else {
        String::new()
    };
    say(format!(
        "已印发：{}{revision}，归档于 {}",
        numbers(&p.issue),
        p.dir.display()
    ))?;
    for f in &p.files {
        say(format!("  {}  SHA-256 {}", f.name, f.sha256))?;
    }
    for f in &p.faces {
        say(format!("  字体：{}  {}（{}）", f.role, f.family, f.file))?;
    }
    Ok(())
}

/// `bulletin correct ID`.
pub fn correct(db: Option<&Path>, id: &str) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    let id = store.resolve(id)?;
    let next = archive::start_correction(&mut store, id)?;
    say(format!(
        "已创建修订版：这一期恢复为草稿，可以修改；再次印发时归档为修订{next}，原归档文件保持不变。"
    ))
}

/// `bulletin verify`.
pub fn verify(db: Option<&Path>) -> Result<(), CliError> {
    let store = open_store(db)?;
    let report = archive::verify(&store)?;
    for p in &report.problems {
        say(format!(
            "{}：{}（编号 {}，修订{}）",
            p.path.display(),
            p.problem.label(),
            p.issue_id.short(),
            p.revision
        ))?;
    }
    if report.problems.is_empty() {
        return say(format!("检查了 {} 个归档文件，全部完好。", report.checked));
    }
    Err(CliError::ArchiveDamaged {
        bad: report.problems.len(),
        checked: report.checked,
    })
}

/// `bulletin archive-dir [DIR] [--reset]`.
pub fn archive_dir(db: Option<&Path>, dir: Option<PathBuf>, reset: bool) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    if reset {
        archive::set_root(&mut store, None)?;
    } else if let Some(d) = &dir {
        archive::set_root(&mut store, Some(d))?;
    }
    match archive::root(&store) {
        Ok(root) => say(root.display()),
        Err(archive::ArchiveError::NoDocumentDir) => {
            say("（未设置归档目录，也找不到“文档”目录：请用 bulletin archive-dir 目录 设置。）")
        }
        Err(e) => Err(e.into()),
    }
}

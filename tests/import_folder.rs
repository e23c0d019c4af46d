//! Importing a folder tree (`desktop::importing`, `bulletin import DIR`): nested folders walked,
//! a bad file refused while the rest go on, a file the archive already holds, an old .doc handed
//! to the reader, other files skipped and counted; into a real SQLite store.

use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::desktop::importing::{import_paths, Outcome, Progress};
use bulletin::model::Issue;
use bulletin::store::Store;

fn past(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/past")
        .join(name)
}

const A: &str = "issue-2013-10-128-toc-leaders.txt";
const B: &str = "issue-2014-02-131-dotted-toc.txt";

/// The tree: 2013/A, 2013/下半年/B, 2014/{broken.json, dup.txt (A again), old.doc, 封面.jpg},
/// 说明.pdf. Returns the root.
fn tree(dir: &Path) -> PathBuf {
    let root = dir.join("档案");
    std::fs::create_dir_all(root.join("2013/下半年")).unwrap();
    std::fs::create_dir_all(root.join("2014")).unwrap();
    std::fs::copy(past(A), root.join("2013").join(A)).unwrap();
    std::fs::copy(past(B), root.join("2013/下半年").join(B)).unwrap();
    std::fs::write(root.join("2014/broken.json"), "{\"masthead\": 3}").unwrap();
    std::fs::copy(past(A), root.join("2014/dup.txt")).unwrap();
    // An OLE header and nothing else: a damaged Word 97 file, whichever reader takes it.
    std::fs::write(
        root.join("2014/old.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap();
    std::fs::write(root.join("2014/封面.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    std::fs::write(root.join("说明.pdf"), "%PDF-1.4").unwrap();
    root
}

#[test]
fn a_folder_tree_imports_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = tree(dir.path());
    let mut store = Store::open(&dir.path().join("bulletin.sqlite3")).unwrap();
    let mut seen: Vec<(usize, usize, String)> = Vec::new();
    let mut store_one = |issue: &Issue| store.import(issue);
    let batch = import_paths(
        std::slice::from_ref(&root),
        Some(&mut store_one),
        &mut |p: &Progress| seen.push((p.done, p.total, p.label())),
    );
    let got: Vec<(PathBuf, &str)> = batch
        .files
        .iter()
        .map(|f| {
            let kind = match &f.outcome {
                Outcome::New { .. } => "new",
                Outcome::AlreadyStored(_) => "same",
                Outcome::Read => "read",
                Outcome::Refused(_) => "refused",
            };
            (f.path.strip_prefix(&root).unwrap().to_path_buf(), kind)
        })
        .collect();
    let want: Vec<(PathBuf, &str)> = [
        (format!("2013/{A}"), "new"),
        (format!("2013/下半年/{B}"), "new"),
        ("2014/broken.json".into(), "refused"),
        ("2014/dup.txt".into(), "same"),
        ("2014/old.doc".into(), "refused"),
    ]
    .into_iter()
    .map(|(p, k)| (PathBuf::from(p), k))
    .collect();
    assert_eq!(got, want);
    assert_eq!(
        batch.skipped,
        [root.join("2014/封面.jpg"), root.join("说明.pdf")]
    );
    assert!(batch.any_refused());
    assert_eq!(batch.counts(), (2, 1, 0, 2));
    // The progress before each file: 「正在导入 1/5：…」 to 「正在导入 5/5：old.doc」.
    assert_eq!(seen.len(), 5);
    assert_eq!(seen[0], (0, 5, format!("正在导入 1/5：{A}")));
    assert_eq!(seen[4], (4, 5, "正在导入 5/5：old.doc".to_string()));
    // The refusals say why; the duplicate names the issue it is.
    let Outcome::Refused(why) = &batch.files[2].outcome else {
        unreachable!()
    };
    assert!(why.contains("JSON"), "{why}");
    let Outcome::AlreadyStored(id) = batch.files[3].outcome else {
        unreachable!()
    };
    let Outcome::New { id: first, .. } = batch.files[0].outcome else {
        unreachable!()
    };
    assert_eq!(id, first);
    // Two issues in the store, 总第128期 and 总第131期.
    let mut totals: Vec<u32> = store
        .list()
        .unwrap()
        .iter()
        .map(|s| s.total_number)
        .collect();
    totals.sort();
    assert_eq!(totals, [128, 131]);
}

#[test]
fn a_dry_run_reads_every_file_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = tree(dir.path());
    let batch = import_paths(
        &[root.join("2013"), root.join("2014/dup.txt")],
        None,
        &mut |_| {},
    );
    assert_eq!(batch.counts(), (0, 0, 3, 0));
    assert!(!batch.any_refused());
    assert!(batch.files.iter().all(|f| f.parsed.is_some()));
}

#[test]
fn the_app_reports_every_file_with_its_result_and_progress() {
    let dir = tempfile::tempdir().unwrap();
    let root = tree(dir.path());
    let d = bulletin::desktop::Desktop::open(
        &dir.path().join("app.sqlite3"),
        bulletin::fonts::FontBook::default_dir(),
    )
    .unwrap();
    let mut labels = Vec::new();
    let report =
        d.import_files_with_progress(std::slice::from_ref(&root), &mut |p| labels.push(p.label()));
    assert_eq!(labels.len(), 5);
    assert_eq!(report.imported.len(), 2);
    assert_eq!(report.already_stored.len(), 1);
    assert_eq!(report.failed.len(), 2);
    assert_eq!(report.skipped, 2);
    assert_eq!(report.files.len(), 5);
    let status: Vec<String> = report
        .files
        .iter()
        .map(|f| {
            serde_json::to_value(f.status)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        status,
        ["new", "new", "refused", "already_stored", "refused"]
    );
    assert_eq!(report.files[0].message, "已导入");
    assert!(report.files[3].message.contains("总第128期已在档案中"));
}

#[test]
fn the_command_line_prints_a_table_and_fails_when_a_file_was_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = tree(dir.path());
    let db = dir.path().join("cli.sqlite3");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let root_arg = root.to_str().unwrap();
    let out = run(&["import", root_arg]);
    assert!(!out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The new ids on standard output, one line a new issue.
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.contains("第10期（总第128期）"), "{stdout}");
    // The table: a heading, a row a file, the totals; no progress bar off a terminal.
    assert!(
        stderr.contains("文件") && stderr.contains("结果"),
        "{stderr}"
    );
    let row = |name: &str| {
        stderr
            .lines()
            .find(|l| l.contains(name) && !l.starts_with("错误"))
            .unwrap_or_else(|| panic!("no row for {name}: {stderr}"))
            .to_owned()
    };
    assert!(row("dup.txt").contains("已在档案中"), "{stderr}");
    assert!(row("broken.json").contains("JSON"), "{stderr}");
    assert!(row(B).contains("已导入"), "{stderr}");
    assert!(
        stderr.contains(
            "共 5 个文件，新导入 2 个，已在档案中 1 个，未导入 2 个，跳过非简报文件 2 个"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains('█'), "{stderr}");
    // Again: everything is in the archive already, the two bad files still refused.
    let again = run(&["import", root_arg]);
    assert!(!again.status.success());
    assert!(String::from_utf8(again.stdout).unwrap().is_empty());
    // Only the good folder: success; --dry-run reads without storing.
    let good = root.join("2013");
    let dry = run(&["import", "--dry-run", good.to_str().unwrap()]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let dry_out = String::from_utf8(dry.stdout).unwrap();
    assert!(dry_out.contains(A) && dry_out.contains(B), "{dry_out}");
    assert!(String::from_utf8(dry.stderr)
        .unwrap()
        .contains("试运行读取 2 个"));
}

//! The import report: what was recognised in each file and what was guessed, each with its line —
//! printed by `bulletin import --dry-run` (which stores nothing), named on standard error by
//! `bulletin import`, and returned to the app's import dialog by `Desktop::import_files`.

use std::path::PathBuf;
use std::process::Command;

use bulletin::desktop::Desktop;
use bulletin::fonts::FontBook;

fn past(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/past")
        .join(name)
}

fn bulletin(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(args)
        .env_remove("BULLETIN_DB")
        .output()
        .unwrap()
}

/// `bulletin --db DB import ARGS…`, which must succeed: its (stdout, stderr).
fn import_ok(db: &std::path::Path, args: &[&std::ffi::OsStr]) -> (String, String) {
    let mut all: Vec<&std::ffi::OsStr> = vec!["--db".as_ref(), db.as_os_str(), "import".as_ref()];
    all.extend(args);
    let out = bulletin(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn dry_run_prints_the_report_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite3");
    let file = past("issue-2024-04-293-missing-stop.txt");
    let (stdout, _) = import_ok(&db, &["--dry-run".as_ref(), file.as_os_str()]);
    for want in [
        "温州科协信息 第4期（总第293期） 2024年4月30日",
        "文章 3 篇：",
        "2. 扎根基层三十年 服务群众暖人心（叶贤挺）",
        "3. 市科协赴乐清洽谈科技经济融合项目（赵理恒）",
        "简讯 2 条：",
        "1. 4月8日 市科协召开党组会议，研究部署近期…（来源：市科协）",
        "2. 4月16日 市科协组织开展“科技工作者日”筹…（无来源）",
        "需要核对 3 处：",
        "第25行：本期要目第2条「扎根基层　服务群众」与正文标题不完全一致，按相近取为「扎根基层三十年 服务群众暖人心」，请核对",
        "第37行：文末「（赵理恒）」前没有句号，已当作署名，请核对",
        "第43行：最后一段「…“科技工作者日”筹备工作」没有结束标点，请核对是否完整",
    ] {
        assert!(stdout.contains(want), "missing {want}:\n{stdout}");
    }
    assert!(!db.exists(), "a dry run created the store");
    // A file that is no bulletin is still refused, clearly, and the run fails.
    let poem = dir.path().join("poem.txt");
    std::fs::write(&poem, "静夜思\n\n床前明月光，疑是地上霜。\n").unwrap();
    let out = bulletin(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        "--dry-run".as_ref(),
        poem.as_os_str(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("这不是一期简报"), "{stderr}");
}

#[test]
fn import_stores_the_file_and_names_the_warnings_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite3");
    let file = past("issue-2022-06-271-title-briefs.txt");
    let (stdout, stderr) = import_ok(&db, &[file.as_os_str()]);
    assert!(stdout.contains("第6期（总第271期）"), "{stdout}");
    assert!(stderr.contains("导入时有 3 处需要核对"), "{stderr}");
    assert!(
        stderr.contains("第55行：「惠民活动（平阳县科协）…」与上一段连成一段"),
        "{stderr}"
    );
}

#[test]
fn the_apps_import_report_carries_each_files_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let d = Desktop::open(&dir.path().join("store.sqlite3"), FontBook::default_dir()).unwrap();
    let report = d.import_files(&[
        past("issue-2024-04-293-missing-stop.txt"),
        past("issue-2016-05-160-dash-sources.txt"),
        past("issue-2021-11-262-gbk.txt"),
    ]);
    assert_eq!(report.imported.len(), 3);
    assert!(report.failed.is_empty());
    assert_eq!(report.files.len(), 3);
    let first = &report.files[0];
    assert!(first.path.ends_with("issue-2024-04-293-missing-stop.txt"));
    assert_eq!(
        first.warnings.last().map(String::as_str),
        Some("第43行：最后一段「…“科技工作者日”筹备工作」没有结束标点，请核对是否完整")
    );
    assert!(first.recognised[0].contains("第4期（总第293期）"));
    assert!(report.files[1].warnings.is_empty());
    assert!(report.files[1]
        .recognised
        .iter()
        .any(|l| l.contains("5月11—13日") && l.contains("来源：乐清市科协")));
    // The store keeps each brief's style: the title-style briefs come back as titles.
    let stored = d.open_issue(&report.imported[2].to_string()).unwrap();
    assert_eq!(stored.issue.briefs.len(), 4);
    assert!(stored
        .issue
        .briefs
        .iter()
        .all(|b| b.style == bulletin::model::BriefStyle::Title));
    assert_eq!(stored.issue.briefs[1].source.as_deref(), Some("龙港市科协"));
}

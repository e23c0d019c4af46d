//! The `bulletin` binary end to end, against a database in a temporary directory.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bulletin::model::Issue;

const ISSUE_245: &str = r#"{
  "masthead": {"name": "温州科协信息", "number": 4, "total_number": 245,
               "editor": "温州市科学技术协会编", "date": "2020-04-30"},
  "articles": [
    {"headline": ["市政府专题研究2020世界青年科学家峰会", "筹备进展情况"],
     "blocks": [{"kind": "paragraph", "text": "4月16日，市政府召开专题会议，研究峰会筹备工作。"},
                {"kind": "heading1", "text": "一、总体安排"}],
     "byline": "叶贤挺"},
    {"headline": ["市科协召开党组（扩大）会议"], "toc_text": "市科协召开党组会议",
     "blocks": [{"kind": "paragraph", "text": "会议传达学习了有关精神。"}]}
  ],
  "briefs": [{"date_text": "4月7日", "text": "市委组织部到市科协对接人才工作。", "source": "市科协"}],
  "closing": {"report_to": "中国科协", "distribute_to": "各县（市、区）科协", "copies": 80},
  "status": "published"
}"#;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("data/bulletin.sqlite3")
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    }

    /// Runs `bulletin --db <db> args…`.
    fn run(&self, args: &[&str]) -> Output {
        let db = self.db();
        let mut all = vec!["--db", db.to_str().unwrap()];
        all.extend_from_slice(args);
        run_plain(&all, None)
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "bulletin {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects failure with exit code `code`; returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "bulletin {args:?}: {stderr}");
        assert_plain_error(&stderr);
        stderr
    }

    /// Imports the text as a JSON file; returns the new id.
    fn import(&self, name: &str, json: &str) -> String {
        let f = self.file(name, json);
        let out = self.ok(&["import", f.to_str().unwrap()]);
        let id = out.split('\t').next().unwrap().to_string();
        assert_eq!(id.len(), 36, "{out}");
        id
    }
}

fn run_plain(args: &[&str], db_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bulletin"));
    cmd.args(args)
        .env_remove("BULLETIN_DB")
        .env("RUST_BACKTRACE", "1");
    if let Some(p) = db_env {
        cmd.env("BULLETIN_DB", p);
    }
    cmd.output().unwrap()
}

/// An error for people: Chinese words, no panic, no backtrace.
fn assert_plain_error(stderr: &str) {
    assert!(stderr.starts_with("错误："), "{stderr}");
    for bad in [
        "panicked",
        "stack backtrace",
        "RUST_BACKTRACE",
        "Error {",
        "Os {",
    ] {
        assert!(!stderr.contains(bad), "{stderr}");
    }
}

fn issue(json: &str) -> Issue {
    bulletin::json::from_str(json).unwrap()
}

/// Terminal columns of a string (Chinese characters are two wide).
fn width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2E80}' { 2 } else { 1 }).sum()
}

#[test]
fn import_list_show_export_round_trip() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);
    assert!(
        env.db().exists(),
        "the database and its directory are created on first use"
    );

    let list = env.ok(&["list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    let row = lines[1];
    assert!(row.starts_with(&id[..8]), "{row}");
    for part in [
        "第4期",
        "总第245期",
        "2020-04-30",
        "已印发",
        "市政府专题研究2020世界青年科学家峰会筹备进展情况",
    ] {
        assert!(row.contains(part), "{part} missing in {row}");
    }
    // Columns line up: the date starts at the same terminal column as its heading.
    let at = |line: &str, word: &str| width(&line[..line.find(word).unwrap()]);
    assert_eq!(at(lines[0], "日期"), at(row, "2020-04-30"));
    assert_eq!(at(lines[0], "首篇标题"), at(row, "市政府"));

    // show prints the issue as JSON, equal to what was imported; a unique prefix is enough.
    let shown = env.ok(&["show", &id[..8]]);
    assert_eq!(issue(&shown), issue(ISSUE_245));
    assert_eq!(env.ok(&["show", &id]), shown);

    // export writes the same JSON; importing that and exporting again gives identical bytes.
    let out = env.dir.path().join("out.json");
    env.ok(&["export", &id, "--json", out.to_str().unwrap()]);
    let exported = fs::read_to_string(&out).unwrap();
    assert_eq!(exported, shown);
    let again_file = env.file("again.json", &exported);

    // Importing the same issue again adds nothing, and says which stored issue it is.
    let o = env.run(&["import", again_file.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let notice = String::from_utf8(o.stderr).unwrap();
    assert!(
        notice.contains("已在档案中") && notice.contains(&id[..8]),
        "{notice}"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 2);

    // Into another database it is a new issue, which exports to the same bytes.
    let other = Env::new();
    let again = other.import("again.json", &exported);
    assert_ne!(again, id);
    let out2 = env.dir.path().join("out2.json");
    other.ok(&["export", &again[..8], "--json", out2.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(&out2).unwrap(), exported);

    // The same 总第245期 with other content is stored, and flagged.
    let mut changed = issue(&exported);
    changed.articles[0].headline = vec!["另一篇文章".into()];
    let changed_file = env.file("changed.json", &bulletin::json::to_string(&changed));
    let o = env.run(&["import", changed_file.to_str().unwrap()]);
    assert!(o.status.success());
    let warning = String::from_utf8(o.stderr).unwrap();
    assert!(
        warning.contains("总第245期已经有") && warning.contains(&id[..8]),
        "{warning}"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 3);
}

#[test]
fn new_from_counts_on_and_resets_in_a_new_year() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);
    let out = env.ok(&["new", "--from", &id[..8], "--date", "2020-05-31"]);
    let next = out.split('\t').next().unwrap();
    assert!(out.contains("第5期（总第246期）"), "{out}");
    let n = issue(&env.ok(&["show", next]));
    assert_eq!(
        (n.masthead.number.get(), n.masthead.total_number.get()),
        (5, 246)
    );
    assert_eq!(n.masthead.date.to_string(), "2020-05-31");
    assert_eq!(n.closing, issue(ISSUE_245).closing);
    assert!(n.articles.is_empty() && n.briefs.is_empty());

    let out = env.ok(&["new", "--from", next, "--date", "2021-01-15"]);
    let y = issue(&env.ok(&["show", out.split('\t').next().unwrap()]));
    assert_eq!(
        (y.masthead.number.get(), y.masthead.total_number.get()),
        (1, 247)
    );

    // Newest first; the new issues have no article yet.
    let list = env.ok(&["list"]);
    let totals: Vec<&str> = list
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(totals, vec!["总第247期", "总第246期", "总第245期"]);

    let e = env.fails(&["new", "--from", &id, "--date", "2020-02-30"], 2);
    assert!(e.contains("YYYY-MM-DD"), "{e}");
    let e = env.fails(&["new", "--from", "deadbeef"], 1);
    assert!(e.contains("找不到"), "{e}");
}

#[test]
fn backup_writes_a_database_that_db_opens() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);
    let out = env.dir.path().join("备份.sqlite3");
    let said = env.ok(&["backup", out.to_str().unwrap()]);
    assert!(said.contains("已备份 1 期简报"), "{said}");
    let list = String::from_utf8(run_plain(&["--db", out.to_str().unwrap(), "list"], None).stdout)
        .unwrap();
    assert!(list.lines().nth(1).unwrap().starts_with(&id[..8]), "{list}");

    let bad = env.dir.path().join("没有这个目录/备份.sqlite3");
    let e = env.fails(&["backup", bad.to_str().unwrap()], 1);
    assert!(
        e.contains("无法把数据备份写到") && e.contains("数据库没有被改动"),
        "{e}"
    );

    // restore-backup puts it back: the issue deleted since comes back.
    env.ok(&["delete", &id]);
    let said = env.ok(&["restore-backup", out.to_str().unwrap()]);
    assert!(
        said.contains("恢复 1 期简报") && said.contains(".before-restore-"),
        "{said}"
    );
    assert!(env
        .ok(&["list"])
        .lines()
        .nth(1)
        .unwrap()
        .starts_with(&id[..8]));
    let e = env.fails(&["restore-backup", bad.to_str().unwrap()], 1);
    assert!(e.contains("不能用来恢复"), "{e}");
}

#[test]
fn delete_restore_and_trash() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);
    assert!(env.ok(&["trash"]).contains("回收站是空的"));
    env.ok(&["delete", &id[..8]]);
    assert!(!env.ok(&["list"]).contains(&id[..8]));
    let trash = env.ok(&["trash"]);
    assert!(
        trash.contains(&id[..8]) && trash.contains("删除时间"),
        "{trash}"
    );
    // A deleted issue can still be shown and exported.
    assert_eq!(issue(&env.ok(&["show", &id])), issue(ISSUE_245));
    let e = env.fails(&["delete", &id], 1);
    assert!(e.contains("已经在回收站"), "{e}");

    env.ok(&["restore", &id[..8]]);
    assert!(env.ok(&["list"]).contains(&id[..8]));
    assert!(env.ok(&["trash"]).contains("回收站是空的"));
    let e = env.fails(&["restore", &id], 1);
    assert!(e.contains("不在回收站"), "{e}");
}

#[test]
fn search_marks_the_words_found() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);
    let out = env.ok(&["search", "青年科学家"]);
    assert!(out.starts_with(&id[..8]), "{out}");
    assert!(
        out.contains("【青年科学家】") && out.contains("总第245期"),
        "{out}"
    );
    let out = env.ok(&["search", "科协", "人才"]);
    assert!(out.contains("【科协】"), "{out}");
    assert!(env.ok(&["search", "没有这个词"]).contains("没有找到"));
}

#[test]
fn render_reads_a_file_and_writes_json_without_a_database() {
    let env = Env::new();
    let input = env.file("in.json", ISSUE_245);
    let out = env.dir.path().join("out.json");
    let db = env.dir.path().join("never.sqlite3");
    let o = run_plain(
        &[
            "render",
            input.to_str().unwrap(),
            "--json",
            out.to_str().unwrap(),
        ],
        Some(&db),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(issue(&fs::read_to_string(&out).unwrap()), issue(ISSUE_245));
    assert!(!db.exists(), "render must not touch the store");

    // An output is required; a file that is not an issue is an error naming the file.
    let e = env.fails(&["render", input.to_str().unwrap()], 2);
    assert!(e.contains("--json"), "{e}");
    let bad = env.file("bad.json", "{\"masthead\": {\"name\": 1}}");
    let e = env.fails(
        &[
            "render",
            bad.to_str().unwrap(),
            "--json",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(e.contains("bad.json"), "{e}");
    // The earlier output is still there, whole.
    assert_eq!(issue(&fs::read_to_string(&out).unwrap()), issue(ISSUE_245));
}

#[test]
fn the_database_comes_from_bulletin_db_when_no_option_is_given() {
    let env = Env::new();
    let input = env.file("in.json", ISSUE_245);
    let db = env.dir.path().join("from-env/b.sqlite3");
    let o = run_plain(&["import", input.to_str().unwrap()], Some(&db));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(db.exists());
    let o = run_plain(&["list"], Some(&db));
    assert!(String::from_utf8(o.stdout).unwrap().contains("总第245期"));
}

#[test]
fn import_goes_on_after_a_bad_file_and_fails_at_the_end() {
    let env = Env::new();
    let good = env.file("good.json", ISSUE_245);
    let broken = env.file(
        "broken.json",
        &ISSUE_245[..ISSUE_245.char_indices().nth(150).unwrap().0],
    );
    let missing = env.dir.path().join("missing.json");
    let out = env.run(&[
        "import",
        broken.to_str().unwrap(),
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_plain_error(&stderr);
    assert!(
        stderr.contains("broken.json") && stderr.contains("missing.json"),
        "{stderr}"
    );
    assert!(stderr.contains("3 个文件中有 2 个没有导入"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("good.json"));
    assert_eq!(env.ok(&["list"]).lines().count(), 2);
}

#[test]
fn errors_are_plain_words_with_a_non_zero_exit() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);

    assert!(env.fails(&["show", "0123456789"], 1).contains("找不到"));
    assert!(env.fails(&["show", "zz"], 1).contains("找不到"));
    assert!(env
        .fails(&["frobnicate"], 2)
        .contains("没有「frobnicate」这个命令"));
    assert!(env.fails(&["list", "--colour"], 2).contains("--colour"));
    env.fails(&[], 2);

    // Export into a directory that does not exist: error, nothing written.
    let out = env.dir.path().join("no/such/dir/out.json");
    let e = env.fails(&["export", &id, "--json", out.to_str().unwrap()], 1);
    assert!(e.contains("无法写出文件"), "{e}");
    assert!(!out.exists());

    // A database path that is not a database: refused, file untouched.
    let not_db = env.file("notes.txt", "这不是数据库。");
    let o = run_plain(&["--db", not_db.to_str().unwrap(), "list"], None);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_plain_error(&stderr);
    assert!(stderr.contains("不是简报数据库"), "{stderr}");
    assert_eq!(fs::read_to_string(&not_db).unwrap(), "这不是数据库。");

    // A database from a newer program: refused, with what to do.
    let newer = env.dir.path().join("newer.sqlite3");
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "application_id", bulletin::store::APPLICATION_ID)
            .unwrap();
        c.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = fs::read(&newer).unwrap();
    let o = run_plain(&["--db", newer.to_str().unwrap(), "list"], None);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr.contains("请升级程序"), "{stderr}");
    assert_eq!(fs::read(&newer).unwrap(), before);

    // --help is Chinese and succeeds.
    let help = env.ok(&["--help"]);
    assert!(help.contains("用法") && help.contains("导入"), "{help}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let env = Env::new();
    for n in 0..30 {
        env.import(
            &format!("{n}.json"),
            &ISSUE_245.replace("245", &(300 + n).to_string()),
        );
    }
    let db = env.db();
    // As in `bulletin list | head -n 1`: the reader has gone before the output is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(&db)
        .arg("search")
        .arg("科协")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn publish_archives_pdf_pdfa_docx_and_json_and_verify_notices_a_lost_file() {
    let env = Env::new();
    let id = env.import("245.json", ISSUE_245);
    let root = env.dir.path().join("归档");
    env.ok(&["publish", &id, "--archive", root.to_str().unwrap()]);
    let dir = root.join("2020/第4期（总第245期）");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let title = "温州科协信息 2020年第4期（总第245期）";
    let mut want = vec![
        format!("{title}.docx"),
        format!("{title}.json"),
        format!("{title}.pdf"),
        format!("{title}（PDFA）.pdf"),
    ];
    want.sort();
    assert_eq!(names, want);
    // The PDF/A copy says so in its XMP, as poppler reads it; the final PDF does not.
    let meta = |name: &str| {
        let out = Command::new("pdfinfo")
            .arg("-meta")
            .arg(dir.join(name))
            .output()
            .expect("pdfinfo (poppler-utils)");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(meta(&format!("{title}（PDFA）.pdf")).contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(!meta(&format!("{title}.pdf")).contains("pdfaid"));
    assert!(env.ok(&["verify"]).contains("4 个归档文件"));

    fs::remove_file(dir.join(format!("{title}（PDFA）.pdf"))).unwrap();
    let out = env.run(&["verify"]);
    assert!(!out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("（PDFA）.pdf：文件不见了"), "{stdout}");
}

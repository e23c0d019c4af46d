//! `bulletin lint ID|FILE [--fix]` end to end: findings printed with place, excerpt, message and
//! fix, the exit status, the 总第M期 sequence against the previous stored issue, and `--fix`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bulletin::lint::Rule;
use bulletin::store::Store;

fn issue_json(number: u32, total: u32, paragraph: &str) -> String {
    format!(
        r#"{{
  "masthead": {{"name": "温州科协信息", "number": {number}, "total_number": {total},
               "editor": "温州市科学技术协会编", "date": "2020-04-30"}},
  "articles": [
    {{"headline": ["市科协召开党建工作会议"],
     "blocks": [{{"kind": "paragraph", "text": "{paragraph}"}}],
     "byline": "叶贤挺"}}
  ],
  "briefs": [{{"date_text": "4月7日", "text": "市委组织部到市科协对接人才工作。", "source": "市科协"}}]
}}"#
    )
}

const FAULTY: &str = "4月27日,市科协召开会议（夏细绸)。会议强调，，要抓好落实。";
const CLEAN: &str = "4月27日，市科协召开会议（夏细绸）。会议强调，要抓好落实。";

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
        self.dir.path().join("b.sqlite3")
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        fs::write(&p, text).unwrap();
        p
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("BULLETIN_DB")
            .output()
            .unwrap()
    }

    /// Runs; returns (exit code, stdout, stderr).
    fn out(&self, args: &[&str]) -> (i32, String, String) {
        let o = self.run(args);
        (
            o.status.code().unwrap(),
            String::from_utf8(o.stdout).unwrap(),
            String::from_utf8(o.stderr).unwrap(),
        )
    }

    fn import(&self, name: &str, json: &str) -> String {
        let f = self.file(name, json);
        let (code, out, err) = self.out(&["import", f.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        out[..36].to_string()
    }
}

#[test]
fn a_file_with_faults_prints_each_finding_and_fails() {
    let env = Env::new();
    let f = env.file("a.json", &issue_json(4, 245, FAULTY));
    let (code, out, err) = env.out(&["lint", f.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(
        lines[0],
        "第1篇文章 第1段：「4月27日,市科协召开」中文中使用了半角标点「,」，应为「，」。建议：「,」改为「，」"
    );
    assert!(lines[1].contains("「)」改为「）」"), "{out}");
    assert!(
        lines[2].contains("重复") && lines[2].contains("「，，」改为「，」"),
        "{out}"
    );
    assert!(
        err.contains("发现 3 处") && err.contains("3 处可以用 --fix"),
        "{err}"
    );
    // Nothing was stored: the file was checked directly.
    assert!(!env.db().exists());

    let (code, _, err) = env.out(&["lint", f.to_str().unwrap(), "--fix"]);
    assert_eq!(code, 1);
    assert!(err.contains("--fix 只能修正数据库中的简报"), "{err}");
}

#[test]
fn a_correct_file_passes() {
    let env = Env::new();
    let f = env.file("a.json", &issue_json(4, 245, CLEAN));
    let (code, out, err) = env.out(&["lint", f.to_str().unwrap()]);
    assert_eq!(
        (code, out.as_str()),
        (0, "没有发现标点或格式问题。\n"),
        "{err}"
    );
}

#[test]
fn a_stored_issue_is_checked_against_the_previous_total_number_and_fixed_in_one_save() {
    let env = Env::new();
    env.import("243.json", &issue_json(2, 243, CLEAN));
    env.import("244.json", &issue_json(3, 244, CLEAN));
    // 总第247期 after 总第244期 (there is no 245 or 246); a later issue does not count.
    let id = env.import("247.json", &issue_json(4, 247, FAULTY));
    env.import("300.json", &issue_json(9, 300, CLEAN));

    let (code, out, _) = env.out(&["lint", &id[..8]]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(
        out.contains(
            "报头 期号：「（总第247期）」总第247期与上一期（总第244期）不连续，应为总第245期"
        ),
        "{out}"
    );

    let before = {
        let store = Store::open(&env.db()).unwrap();
        store.load(id.parse().unwrap()).unwrap()
    };
    let (code, out, err) = env.out(&["lint", &id, "--fix"]);
    // The sequence finding has no fix and remains, so the command still fails.
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("已修正 3 处并保存。\n"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        err.contains("发现 1 处") && err.contains("其中 0 处"),
        "{err}"
    );

    let store = Store::open(&env.db()).unwrap();
    let after = store.load(id.parse().unwrap()).unwrap();
    assert_eq!(after.issue.articles[0].blocks[0].text, CLEAN);
    assert_eq!(after.created_at, before.created_at);
    let left: Vec<Rule> = bulletin::lint::check(&after.issue, None)
        .into_iter()
        .map(|f| f.rule)
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // The first issue in the store has no previous one to follow.
    let first = store.list().unwrap().last().unwrap().id.to_string();
    let (code, _, err) = env.out(&["lint", &first]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn fixing_a_published_issue_is_refused_and_changes_nothing() {
    let env = Env::new();
    let id = env.import("a.json", &issue_json(4, 245, FAULTY));
    let root = env.dir.path().join("archive");
    let (code, _, err) = env.out(&["publish", &id, "--archive", root.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = env.out(&["lint", &id, "--fix"]);
    assert_eq!(code, 1);
    assert!(err.contains("修改已印发的期刊请先创建修订版"), "{err}");
    let store = Store::open(&env.db()).unwrap();
    assert_eq!(
        store.load(id.parse().unwrap()).unwrap().issue.articles[0].blocks[0].text,
        FAULTY
    );
}

#[test]
fn neither_a_file_nor_an_issue() {
    let env = Env::new();
    let (code, _, err) = env.out(&["lint", "no-such-file.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("找不到"), "{err}");
}

fn sample() -> (PathBuf, bulletin::model::Issue) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/issue-2020-04-245.txt");
    let issue = bulletin::import::read_path(&path).unwrap();
    (path, issue)
}

#[test]
fn the_sample_issue_has_the_half_width_comma_after_4_27() {
    let (path, issue) = sample();
    let findings = bulletin::lint::check(&issue, None);
    let brief = issue
        .briefs
        .iter()
        .position(|b| b.date_text == "4月27日")
        .expect("the brief of 4月27日");
    let f = findings
        .iter()
        .find(|f| f.place == bulletin::lint::Place::BriefText { brief })
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert_eq!((f.rule, f.start), (Rule::HalfWidthPunctuation, 0));

    // And through the command line, on the text file itself.
    let env = Env::new();
    let (code, out, _) = env.out(&["lint", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "第{}条简讯 正文：「4月27日,市科协赴乐」",
            brief + 1
        )),
        "{out}"
    );
}

#[test]
fn the_sample_issue_has_the_mixed_brackets_around_xia_xichou() {
    // The source has 「（夏」 at the end of one line and 「细绸)」 on the next: the importer joins
    // them and keeps the parentheses as written.
    let (path, issue) = sample();
    let findings = bulletin::lint::check(&issue, None);
    assert!(
        findings.iter().any(|f| f.excerpt.contains("夏细绸)")),
        "{findings:#?}"
    );
    let brief = issue
        .briefs
        .iter()
        .position(|b| b.source.as_deref() == Some("夏细绸"))
        .expect("the brief by 夏细绸");
    let place = bulletin::lint::Place::BriefSource { brief };
    let f = findings
        .iter()
        .find(|f| f.place == place)
        .unwrap_or_else(|| panic!("{findings:#?}"));
    assert_eq!(
        (f.rule, f.start, f.excerpt.as_str()),
        (Rule::HalfWidthPunctuation, 4, "（夏细绸)")
    );
    // Printed as written until the proofreader fixes it.
    assert!(
        issue.briefs[brief]
            .paragraph_text()
            .ends_with("一行参观交流。（夏细绸)"),
        "{}",
        issue.briefs[brief].paragraph_text()
    );

    // The command line prints both findings the issue names, on the text file itself.
    let env = Env::new();
    let file = path.to_str().unwrap();
    let (code, out, _) = env.out(&["lint", file]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "第{}条简讯 来源：「（夏细绸)」中文中使用了半角标点「)」，应为「）」。建议：「)」改为「）」",
            brief + 1
        )),
        "{out}"
    );
    assert!(out.contains("正文：「4月27日,市科协赴乐」"), "{out}");

    // Stored, `--fix` gives the canonical 「（夏细绸）」 back.
    let (code, out, err) = env.out(&["import", file]);
    assert_eq!(code, 0, "{err}");
    let id = out[..36].to_string();
    let (_, out, err) = env.out(&["lint", &id, "--fix"]);
    assert!(out.starts_with("已修正"), "{out}{err}");
    let store = Store::open(&env.db()).unwrap();
    let fixed = store.load(id.parse().unwrap()).unwrap().issue;
    let b = &fixed.briefs[brief];
    assert_eq!(b.source.as_deref(), Some("夏细绸"));
    assert!(b.source_parens.is_full());
    assert!(b.paragraph_text().ends_with("一行参观交流。（夏细绸）"));
    // The headlines' clause spaces (「…大会召开 市科协获多项表彰」) are no stray spaces: kept.
    for (a, fixed) in issue.articles.iter().zip(&fixed.articles) {
        assert_eq!(a.headline, fixed.headline);
    }
    assert!(
        bulletin::lint::check(&fixed, None).is_empty(),
        "{:#?}",
        bulletin::lint::check(&fixed, None)
    );
}

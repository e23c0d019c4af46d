//! 信息采用统计 on the past issues of tests/data (imported by `bulletin import` into a real store
//! in a temp dir; imported past issues are 已印发). Every expected count below was written by
//! hand from reading the text files, e.g. tests/data/past/issue-2022-05-270-no-blank-lines.txt
//! (articles 市科协学会部, 市科协组织部, 吴晓; briefs 市科协学会部, 瑞安市科协, 平阳县科协,
//! 乐清市科协, 苍南县科协) and issue-2022-06-271-title-briefs.txt (articles 市科协学会部,
//! 王刚, 苍南县科协; briefs 市科协学会部, 瑞安市科协, 平阳县科协, 苍南县科协). The XLSX is read
//! back with openpyxl and the DOCX with python-docx (scripts/docx-test-env.sh).

mod docx_support;

use std::path::{Path, PathBuf};

use bulletin::model::Status;
use bulletin::stats::{self, Kind, Period, Scope, Stats};
use bulletin::store::{Store, SCHEMA_VERSION};

mod cli_support;
use cli_support::bulletin;

/// A store holding every past issue of tests/data/past and the text issues of tests/data.
fn store_with_past_issues(dir: &Path) -> PathBuf {
    let db = dir.join("stats.sqlite3");
    let root = docx_support::root();
    let mut files: Vec<String> = Vec::new();
    for d in ["tests/data/past", "tests/data"] {
        for e in std::fs::read_dir(root.join(d)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = bulletin(&db, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// (name, kind, articles, briefs) of every row, in the order of the table.
fn rows(s: &Stats) -> Vec<(String, Kind, u32, u32)> {
    s.rows
        .iter()
        .map(|r| {
            (
                r.contributor.name.clone(),
                r.contributor.kind,
                r.articles,
                r.briefs,
            )
        })
        .collect()
}

fn row(name: &str, kind: Kind, a: u32, b: u32) -> (String, Kind, u32, u32) {
    (name.to_string(), kind, a, b)
}

#[test]
fn a_year_counted_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&store_with_past_issues(dir.path())).unwrap();
    let s = stats::of_store(&store, Period::year(2022), Scope::Published).unwrap();
    let labels: Vec<String> = s.issues.iter().map(|i| i.label()).collect();
    assert_eq!(labels, ["第5期（总第270期）", "第6期（总第271期）"]);
    assert_eq!((s.articles, s.briefs), (6, 9));
    assert_eq!(
        rows(&s),
        vec![
            row("温州市科协学会部", Kind::Unit, 2, 2),
            row("苍南县科协", Kind::Unit, 1, 2),
            row("平阳县科协", Kind::Unit, 0, 2),
            row("瑞安市科协", Kind::Unit, 0, 2),
            row("温州市科协组织部", Kind::Unit, 1, 0),
            row("吴晓", Kind::Person, 1, 0),
            row("王刚", Kind::Person, 1, 0),
            row("乐清市科协", Kind::Unit, 0, 1),
        ]
    );
    // Per month: the issue's masthead date (270 is dated 2022-05-31, 271 2022-06-30).
    let cangnan = &s.rows[1];
    assert_eq!(cangnan.articles_by_month[4..6], [0, 1]);
    assert_eq!(cangnan.briefs_by_month[4..6], [1, 1]);
    assert_eq!(cangnan.articles_by_month.iter().sum::<u32>(), 1);
    let issues: Vec<u32> = cangnan
        .items
        .iter()
        .map(|i| s.issues[i.issue].total_number)
        .collect();
    assert_eq!(issues, [270, 271, 271]);
    assert_eq!(s.totals(), (6, 9, 15));
    assert!(s.unsigned.is_empty());

    // 2024: issue 293's second brief has no source; it is listed, not counted.
    let s = stats::of_store(&store, Period::year(2024), Scope::Published).unwrap();
    assert_eq!((s.articles, s.briefs), (3, 2));
    assert_eq!(s.unsigned.len(), 1);
    assert_eq!(
        rows(&s),
        vec![
            row("叶贤挺", Kind::Person, 1, 0),
            row("林素芬", Kind::Person, 1, 0),
            row("赵理恒", Kind::Person, 1, 0),
            row("温州市科协", Kind::Unit, 0, 1),
        ]
    );
}

#[test]
fn a_month_range_and_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&store_with_past_issues(dir.path())).unwrap();
    // June only: issue 271.
    let june = Period::parse(2022, Some("2022-06"), Some("2022-06")).unwrap();
    let s = stats::of_store(&store, june, Scope::Published).unwrap();
    assert_eq!(s.issues.len(), 1);
    assert_eq!(s.issues[0].total_number, 271);
    assert_eq!((s.articles, s.briefs), (3, 4));
    assert_eq!(s.rows[0].contributor.name, "温州市科协学会部");
    assert_eq!(s.rows[0].articles_by_month, [1]);
    // January to April has no issue.
    let early = Period::parse(2022, Some("2022-01"), Some("2022-04")).unwrap();
    assert!(stats::of_store(&store, early, Scope::Published)
        .unwrap()
        .issues
        .is_empty());

    // A draft of the year (a copy of 271 as 第7期 dated 2022-07-29) is left out by default.
    let mut draft = store
        .load(
            store
                .list()
                .unwrap()
                .iter()
                .find(|s| s.total_number == 271)
                .unwrap()
                .id,
        )
        .unwrap()
        .issue
        .next_issue(chrono::NaiveDate::from_ymd_opt(2022, 7, 29).unwrap());
    draft.articles = vec![bulletin::model::Article {
        headline: vec!["七月的一篇".into()],
        toc_text: None,
        blocks: vec![bulletin::model::Block::paragraph("正文。")],
        byline: Some("苍南科协".into()),
        byline_parens: Default::default(),
    }];
    draft.briefs.clear();
    assert_eq!(draft.status, Status::Draft);
    store.insert(&draft).unwrap();
    let s = stats::of_store(&store, Period::year(2022), Scope::Published).unwrap();
    assert_eq!((s.issues.len(), s.left_out), (2, 1));
    assert_eq!(rows(&s)[1], row("苍南县科协", Kind::Unit, 1, 2));
    let s = stats::of_store(&store, Period::year(2022), Scope::All).unwrap();
    assert_eq!((s.issues.len(), s.left_out), (3, 0));
    // 苍南科协 is 苍南县科协: one row, now with two articles, the second in July.
    let r = s
        .rows
        .iter()
        .find(|r| r.contributor.name == "苍南县科协")
        .unwrap();
    assert_eq!((r.articles, r.briefs), (2, 2));
    assert_eq!(r.articles_by_month[6], 1);

    assert!(Period::parse(2022, Some("2023-01"), None).is_err());
    assert!(Period::parse(2022, Some("2022-07"), Some("2022-03")).is_err());
    assert!(Period::parse(2022, Some("2022-13"), None).is_err());
}

#[test]
fn the_alias_table_maps_persons_and_merges_units() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&store_with_past_issues(dir.path())).unwrap();
    // 王刚 writes for 苍南县科协; written in a short form, saved in the canonical one.
    let saved = stats::set_alias(&mut store, "王刚", "苍南科协").unwrap();
    assert_eq!(
        (saved.alias.as_str(), saved.unit.as_str()),
        ("王刚", "苍南县科协")
    );
    let s = stats::of_store(&store, Period::year(2022), Scope::Published).unwrap();
    assert_eq!(rows(&s)[0], row("温州市科协学会部", Kind::Unit, 2, 2));
    assert_eq!(rows(&s)[1], row("苍南县科协", Kind::Unit, 2, 2));
    assert!(!rows(&s).iter().any(|r| r.0 == "王刚"));
    // Merging 苍南县科协 into 温州市科协学会部 takes 王刚 along (the table stays one level).
    stats::set_alias(&mut store, "苍南县科协", "市科协学会部").unwrap();
    let table: Vec<(String, String)> = store
        .unit_aliases()
        .unwrap()
        .into_iter()
        .map(|a| (a.alias, a.unit))
        .collect();
    assert_eq!(
        table,
        [
            ("王刚".to_string(), "温州市科协学会部".to_string()),
            ("苍南县科协".to_string(), "温州市科协学会部".to_string()),
        ]
    );
    let s = stats::of_store(&store, Period::year(2022), Scope::Published).unwrap();
    assert_eq!(rows(&s)[0], row("温州市科协学会部", Kind::Unit, 4, 4));
    // Mapping back the other way replaces the old mapping instead of making a loop.
    stats::set_alias(&mut store, "温州市科协学会部", "苍南县科协").unwrap();
    let s = stats::of_store(&store, Period::year(2022), Scope::Published).unwrap();
    assert_eq!(rows(&s)[0], row("苍南县科协", Kind::Unit, 4, 4));
    // Refused: a person as the target, a name onto itself, an empty name, an unknown alias.
    assert!(matches!(
        stats::set_alias(&mut store, "苍南县科协", "吴晓"),
        Err(stats::StatsError::TargetIsPerson(_))
    ));
    assert!(matches!(
        stats::set_alias(&mut store, "苍南科协", "苍南县科学技术协会"),
        Err(stats::StatsError::SameName(_))
    ));
    assert!(stats::set_alias(&mut store, " ", "苍南县科协").is_err());
    assert!(matches!(
        stats::delete_alias(&mut store, "没有的"),
        Err(stats::StatsError::NoAlias(_))
    ));
    stats::delete_alias(&mut store, "王刚").unwrap();
    let s = stats::of_store(&store, Period::year(2022), Scope::Published).unwrap();
    assert!(rows(&s).contains(&row("王刚", Kind::Person, 1, 0)));
}

#[test]
fn the_alias_table_arrives_by_migration_from_version_7() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_with_past_issues(dir.path());
    let before = Store::open(&path).unwrap().list().unwrap().len();
    // Back to version 7, as the program before this one left it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TABLE unit_aliases; PRAGMA user_version = 7;")
        .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    let v: u32 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    assert_eq!(store.list().unwrap().len(), before);
    assert!(store.unit_aliases().unwrap().is_empty());
    stats::set_alias(&mut store, "叶贤挺", "市科协").unwrap();
    assert_eq!(store.unit_aliases().unwrap().len(), 1);
}

#[test]
fn the_command_line_prints_and_writes_xlsx_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_past_issues(dir.path());
    let xlsx = dir.path().join("统计.xlsx");
    let docx = dir.path().join("通报.docx");
    let out = bulletin(&db, &["stats", "alias", "王刚", "苍南科协"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("王刚 → 苍南县科协"));
    let out = bulletin(
        &db,
        &[
            "stats",
            "2022",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--docx",
            docx.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2022年信息采用情况：2 期，文章 6 篇、简讯 9 条"),
        "{text}"
    );
    let line = text.lines().find(|l| l.contains("苍南县科协")).unwrap();
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        cells[..6],
        ["2", "苍南县科协", "单位", "2", "2", "4"],
        "{line}"
    );
    assert!(
        line.contains("第5期（总第270期）、第6期（总第271期）"),
        "{line}"
    );

    // The spreadsheet, read by openpyxl: sheets, frozen header, widths, counts.
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("|".join(wb.sheetnames))
for ws in wb.worksheets:
    print(ws.title, ws.freeze_panes, ws.column_dimensions["B"].width > 10)
ws = wb["按单位"]
for row in ws.iter_rows(values_only=True):
    print("\t".join("" if v is None else str(v) for v in row))
print("issues", wb["按期"].max_row - 1)
for row in wb["别名表"].iter_rows(min_row=2, values_only=True):
    print("alias", *row)
"#;
    // The venv's Python (scripts/docx-test-env.sh) has openpyxl beside python-docx.
    let got = docx_support::python_docx(script, &[&xlsx]);
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines[0], "按单位|按期|别名表");
    for l in &lines[1..4] {
        assert!(l.ends_with(" A2 True"), "{l}");
    }
    let cols = |name: &str| -> Vec<String> {
        let l = lines
            .iter()
            .find(|l| l.split('\t').nth(1) == Some(name))
            .unwrap();
        l.split('\t').map(String::from).collect()
    };
    // 序号 单位 类别 1月…12月 文章 简讯 合计: 苍南县科协 with 王刚's article, May 1, June 3.
    let header: Vec<&str> = lines[4].split('\t').collect();
    assert_eq!(header.len(), 3 + 12 + 3);
    assert_eq!((header[7], header[8]), ("5月", "6月"));
    let c = cols("苍南县科协");
    assert_eq!((c[7].as_str(), c[8].as_str()), ("1", "3"));
    assert_eq!(c[15..], ["2", "2", "4"]);
    let t = cols("合计");
    assert_eq!(t[15..], ["6", "9", "15"]);
    // One line per item and unit: 15 items, none of them with two units.
    assert!(lines.contains(&"issues 15"), "{got}");
    assert!(lines.contains(&"alias 王刚 苍南县科协"), "{got}");

    // The 通报, read by python-docx.
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    if p.text.strip():
        print("P", p.style.name, p.text)
t = d.tables[0]
for r in t.rows:
    print("R", "|".join(c.text for c in r.cells))
"#;
    let got = docx_support::python_docx(script, &[&docx]);
    let lines: Vec<&str> = got.lines().collect();
    assert!(
        lines[0].starts_with("P ") && lines[0].ends_with("2022年度信息采用情况通报"),
        "{got}"
    );
    assert!(
        got.contains("共印发2期，采用信息15条（文章6篇、简讯9条）"),
        "{got}"
    );
    let table: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("R "))
        .copied()
        .collect();
    assert_eq!(table[0], "R 序号|单位|文章|简讯|合计");
    assert_eq!(table[1], "R 1|温州市科协学会部|2|2|4");
    assert_eq!(table[2], "R 2|苍南县科协|2|2|4");
    assert_eq!(table[6], "R 6|吴晓（个人）|1|0|1");
    assert_eq!(table[7], "R 7|乐清市科协|0|1|1");
    assert_eq!(table[table.len() - 1], "R |合计|6|9|15");
    assert_eq!(table.len(), 1 + 7 + 1);
}

#[test]
fn the_command_line_says_what_is_wrong_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.sqlite3");
    let out = bulletin(&db, &["stats", "2022", "--from", "2023-01"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("不在 2022 年内"), "{err}");
    let out = bulletin(&db, &["stats", "unalias", "苍南科协"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("别名表中没有"));
    let out = bulletin(&db, &["stats", "2022"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("没有可统计的简报"));
}

#[test]
fn the_app_operations_count_edit_aliases_and_export() {
    use bulletin::desktop::{Desktop, StatsFile, StatsQuery};
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_past_issues(dir.path());
    let d = Desktop::open(&db, bulletin::fonts::FontBook::default_dir()).unwrap();
    let q = StatsQuery {
        year: 2022,
        from: 5,
        to: 6,
        all: false,
    };
    let v = d.statistics(q).unwrap();
    assert_eq!(
        (v.label.as_str(), v.issues, v.articles, v.briefs),
        ("2022年5—6月", 2, 6, 9)
    );
    assert_eq!(v.months, [5, 6]);
    let cangnan = v.rows.iter().find(|r| r.name == "苍南县科协").unwrap();
    assert_eq!(
        (
            cangnan.articles_by_month.clone(),
            cangnan.briefs_by_month.clone()
        ),
        (vec![0, 1], vec![1, 1])
    );
    let issues: Vec<&str> = cangnan.items.iter().map(|i| i.issue.as_str()).collect();
    assert_eq!(
        issues,
        [
            "第5期（总第270期）",
            "第6期（总第271期）",
            "第6期（总第271期）"
        ]
    );
    assert!(v.rows.iter().any(|r| r.name == "吴晓" && r.person));

    let table = d.set_unit_alias("吴晓", "鹿城科协").unwrap();
    assert_eq!(
        (table[0].alias.as_str(), table[0].unit.as_str()),
        ("吴晓", "鹿城区科协")
    );
    let v = d.statistics(q).unwrap();
    assert!(v
        .rows
        .iter()
        .any(|r| r.name == "鹿城区科协" && !r.person && r.articles == 1));
    assert!(d.delete_unit_alias("吴晓").unwrap().is_empty());
    assert!(d.set_unit_alias("吴晓", "王刚").is_err());

    let xlsx = d
        .export_statistics(q, StatsFile::Xlsx, &dir.path().join("统计"))
        .unwrap();
    assert!(xlsx.ends_with("统计.xlsx"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let docx = d
        .export_statistics(q, StatsFile::Docx, &dir.path().join("通报.docx"))
        .unwrap();
    let got = docx_support::python_docx(
        "import sys, docx; print(docx.Document(sys.argv[1]).paragraphs[0].text)",
        &[Path::new(&docx)],
    );
    assert_eq!(got.trim(), "2022年5—6月信息采用情况通报");
    let bad = StatsQuery {
        from: 7,
        to: 3,
        ..q
    };
    assert!(d.statistics(bad).unwrap_err().0.contains("晚于"));
}

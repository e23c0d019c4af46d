//! The store against a real SQLite file: create, save, list, recycle bin, 新建下一期, search.

use std::path::Path;

use bulletin::model::{
    Article, Block, BlockKind, Brief, Closing, Copies, Issue, IssueNumber, Masthead, Status,
    TotalNumber,
};
use bulletin::store::{Imported, IssueId, Store, StoreError, SCHEMA_VERSION};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn issue(number: u32, total: u32, day: NaiveDate, headline: &str) -> Issue {
    Issue {
        masthead: Masthead {
            name: "温州科协信息".into(),
            number: IssueNumber::new(number).unwrap(),
            total_number: TotalNumber::new(total).unwrap(),
            editor: "温州市科学技术协会编".into(),
            date: day,
        },
        articles: vec![Article {
            headline: vec![headline.into(), "筹备进展情况".into()],
            toc_text: None,
            blocks: vec![
                Block {
                    kind: BlockKind::Heading1,
                    text: "一、总体安排".into(),
                    figure: None,
                },
                Block::paragraph(
                    "4月16日，市政府召开专题会议，研究峰会筹备工作。About the AI Summit.",
                ),
            ],
            byline: Some("叶贤挺".into()),
            byline_parens: Default::default(),
        }],
        briefs: vec![Brief {
            date_text: "4月7日".into(),
            text: "市委组织部到市科协对接人才工作。".into(),
            source: Some("市科协".into()),
            source_parens: Default::default(),
            style: Default::default(),
        }],
        closing: Closing {
            report_to: Some("中国科协".into()),
            send_to: None,
            distribute_to: Some("各县（市、区）科协".into()),
            copies: Copies::new(80),
        },
        status: Status::Published,
        images: Default::default(),
    }
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("bulletin.sqlite3")).unwrap()
}

#[test]
fn first_open_creates_directories_and_a_wal_database_at_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/bulletin.sqlite3");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.path(), path);
    assert!(store.list().unwrap().is_empty());
    assert_eq!(store.latest().unwrap(), None);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!((v, mode.as_str()), (SCHEMA_VERSION, "wal"));
    // No backup for a database that had nothing to lose.
    let backups = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(backups, 0);
}

#[test]
fn saved_issues_come_back_equal_after_reopening_and_list_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = issue(
        4,
        245,
        date(2020, 4, 30),
        "市政府专题研究2020世界青年科学家峰会",
    );
    let b = issue(5, 246, date(2020, 5, 29), "市科协召开全委会");
    let ida = store.insert(&a).unwrap();
    let idb = store.insert(&b).unwrap();
    assert_ne!(ida, idb);
    drop(store);

    let mut store = open(dir.path());
    let loaded = store.load(ida).unwrap();
    assert_eq!(loaded.issue, a);
    assert_eq!(loaded.id, ida);
    assert_eq!(loaded.deleted_at, None);
    assert_eq!(loaded.created_at, loaded.updated_at);
    let list = store.list().unwrap();
    assert_eq!(
        list.iter()
            .map(|s| (s.id, s.number, s.total_number))
            .collect::<Vec<_>>(),
        vec![(idb, 5, 246), (ida, 4, 245)]
    );
    assert_eq!(list[1].date, date(2020, 4, 30));
    assert_eq!(list[1].status, Status::Published);
    assert_eq!(
        list[1].first_headline.as_deref(),
        Some("市政府专题研究2020世界青年科学家峰会筹备进展情况")
    );
    assert!(list[1].updated_at.ends_with('Z'), "{}", list[1].updated_at);
    assert_eq!(store.latest().unwrap().unwrap().id, idb);

    // Save replaces the content and the listed columns, keeps created_at.
    let mut changed = a.clone();
    changed.articles.clear();
    changed.status = Status::Draft;
    changed.masthead.total_number = TotalNumber::new(300).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    store.save(ida, &changed).unwrap();
    let again = store.load(ida).unwrap();
    assert_eq!(again.issue, changed);
    assert_eq!(again.created_at, loaded.created_at);
    assert!(again.updated_at > loaded.updated_at);
    let first = &store.list().unwrap()[0];
    assert_eq!(
        (first.id, first.total_number, first.status),
        (ida, 300, Status::Draft)
    );
    assert_eq!(first.first_headline, None);

    let missing = IssueId::new();
    assert!(matches!(
        store.save(missing, &a),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(store.load(missing), Err(StoreError::NotFound(_))));
}

#[test]
fn import_stores_an_issue_once_and_flags_another_with_the_same_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let first = issue(4, 245, date(2020, 4, 30), "甲");
    let Imported::New { id, same_total } = store.import(&first).unwrap() else {
        panic!("the first import stores the issue");
    };
    assert!(same_total.is_empty());

    // The same content again: nothing written, the stored issue named.
    assert_eq!(store.import(&first).unwrap(), Imported::AlreadyStored(id));
    assert_eq!(store.list().unwrap().len(), 1);

    // The same 总第M期 with other content: stored, with the other issue named.
    let second = issue(4, 245, date(2020, 4, 30), "乙");
    let Imported::New {
        id: second_id,
        same_total,
    } = store.import(&second).unwrap()
    else {
        panic!("other content is stored");
    };
    assert_eq!(same_total, vec![id]);
    assert_eq!(store.list().unwrap().len(), 2);

    // An issue in the recycle bin does not hold an import back.
    store.delete(id).unwrap();
    let Imported::New { same_total, .. } = store.import(&first).unwrap() else {
        panic!("the recycle bin is not the archive");
    };
    assert_eq!(same_total, vec![second_id]);
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn a_backup_is_a_whole_database_of_its_own_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("live"));
    let kept = store
        .insert(&issue(4, 245, date(2020, 4, 30), "甲"))
        .unwrap();
    let binned = store
        .insert(&issue(5, 246, date(2020, 5, 29), "乙"))
        .unwrap();
    store.delete(binned).unwrap();
    assert_eq!(store.issue_count().unwrap(), 2);

    let dest = dir.path().join("备份.sqlite3");
    std::fs::write(&dest, "an older backup").unwrap();
    store.backup_to(&dest).unwrap();
    // Saving on after the backup does not reach it.
    store
        .insert(&issue(6, 247, date(2020, 6, 30), "丙"))
        .unwrap();

    let copy = Store::open(&dest).unwrap();
    assert_eq!(copy.issue_count().unwrap(), 2);
    assert_eq!(
        copy.load(kept).unwrap().issue,
        store.load(kept).unwrap().issue
    );
    assert_eq!(copy.list_deleted().unwrap()[0].id, binned);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "no temporary file left: {names:?}"
    );

    // Where no file can be made: a plain error naming the place; nothing is left behind.
    let nowhere = dir.path().join("没有这个目录/备份.sqlite3");
    let e = store.backup_to(&nowhere).unwrap_err();
    assert!(matches!(e, StoreError::BackupTo { .. }), "{e:?}");
    let message = e.to_string();
    assert!(
        message.contains("没有这个目录") && message.contains("数据库没有被改动"),
        "{message}"
    );
    assert_eq!(store.issue_count().unwrap(), 3);
}

#[test]
fn recycle_bin_delete_restore_and_purge() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store
        .insert(&issue(4, 245, date(2020, 4, 30), "甲"))
        .unwrap();
    let other = store
        .insert(&issue(5, 246, date(2020, 5, 29), "乙"))
        .unwrap();

    store.delete(id).unwrap();
    assert_eq!(
        store
            .list()
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        vec![other]
    );
    let bin = store.list_deleted().unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].id, id);
    assert!(bin[0].deleted_at.is_some());
    assert!(store.load(id).unwrap().deleted_at.is_some());
    let e = store.delete(id).unwrap_err();
    assert!(matches!(e, StoreError::AlreadyDeleted(_)), "{e}");
    assert!(e.to_string().contains("回收站"), "{e}");

    store.restore(id).unwrap();
    assert_eq!(store.list().unwrap().len(), 2);
    assert!(store.list_deleted().unwrap().is_empty());
    assert_eq!(store.load(id).unwrap().deleted_at, None);
    assert!(matches!(store.restore(id), Err(StoreError::NotDeleted(_))));
    assert!(matches!(store.purge(id), Err(StoreError::NotDeleted(_))));

    store.delete(id).unwrap();
    store.purge(id).unwrap();
    assert!(matches!(store.load(id), Err(StoreError::NotFound(_))));
    assert!(store.list_deleted().unwrap().is_empty());
    assert!(matches!(
        store.delete(IssueId::new()),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn new_next_counts_on_and_restarts_the_number_in_a_new_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let base = issue(4, 245, date(2020, 4, 30), "甲");
    let id = store.insert(&base).unwrap();

    let next = store.new_next(id, Some(date(2020, 5, 31))).unwrap();
    let n = store.load(next).unwrap().issue;
    assert_eq!(
        (n.masthead.number.get(), n.masthead.total_number.get()),
        (5, 246)
    );
    assert_eq!(n.masthead.date, date(2020, 5, 31));
    assert_eq!(n.masthead.name, base.masthead.name);
    assert_eq!(n.masthead.editor, base.masthead.editor);
    assert_eq!(n.closing, base.closing);
    assert!(n.articles.is_empty() && n.briefs.is_empty());
    assert_eq!(n.status, Status::Draft);
    assert_eq!(store.latest().unwrap().unwrap().id, next);

    let new_year = store.new_next(next, Some(date(2021, 1, 31))).unwrap();
    let y = store.load(new_year).unwrap().issue;
    assert_eq!(
        (y.masthead.number.get(), y.masthead.total_number.get()),
        (1, 247)
    );

    let today = store.new_next(id, None).unwrap();
    assert_eq!(
        store.load(today).unwrap().issue.masthead.date,
        chrono::Local::now().date_naive()
    );
    assert!(matches!(
        store.new_next(IssueId::new(), None),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn search_finds_chinese_words_of_any_length_and_skips_the_recycle_bin() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = store
        .insert(&issue(
            4,
            245,
            date(2020, 4, 30),
            "市政府专题研究2020世界青年科学家峰会",
        ))
        .unwrap();
    let mut other = issue(5, 246, date(2020, 5, 29), "市科协召开全委会");
    other.articles[0].blocks = vec![Block::paragraph("会议总结了一年来的工作。")];
    other.briefs.clear();
    let b = store.insert(&other).unwrap();

    fn ids_in(store: &Store, q: &str) -> Vec<IssueId> {
        store.search(q).unwrap().iter().map(|h| h.id).collect()
    }
    let ids = |q: &str| ids_in(&store, q);
    // Two characters (shorter than a trigram), three and more, in headlines, body, briefs, closing.
    assert_eq!(ids("峰会"), vec![a]);
    assert_eq!(ids("青年科学家"), vec![a]);
    assert_eq!(ids("科协"), vec![b, a]);
    assert_eq!(ids("组织部"), vec![a]);
    assert_eq!(ids("各县"), vec![b, a]);
    assert_eq!(ids("叶贤挺"), vec![b, a]);
    // Every word must occur; Latin letters ignore case.
    assert_eq!(ids("科协 一年来"), vec![b]);
    assert_eq!(ids("全委会 峰会"), Vec::<IssueId>::new());
    assert_eq!(ids("ai summit"), vec![a]);
    assert_eq!(ids("峰"), vec![a]);
    assert!(ids("  ").is_empty());
    assert!(ids("不存在的词语").is_empty());
    // Quotes and FTS syntax are searched as text, not parsed.
    assert!(ids("\"AND\" OR*").is_empty());

    let hit = &store.search("青年科学家").unwrap()[0];
    assert_eq!(&hit.snippet[hit.highlight.clone()], "青年科学家");
    assert_eq!(hit.summary.total_number, 245);

    // Saving re-indexes; deleting hides.
    let mut changed = store.load(a).unwrap().issue;
    changed.articles[0].headline = vec!["科技馆开馆".into()];
    store.save(a, &changed).unwrap();
    assert!(ids_in(&store, "青年科学家").is_empty());
    assert_eq!(ids_in(&store, "科技馆开馆"), vec![a]);
    store.delete(a).unwrap();
    assert!(ids_in(&store, "科技馆开馆").is_empty());
    store.restore(a).unwrap();
    assert_eq!(ids_in(&store, "科技馆开馆"), vec![a]);
}

#[test]
fn ids_resolve_from_a_unique_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let id = store
        .insert(&issue(4, 245, date(2020, 4, 30), "甲"))
        .unwrap();
    let full = id.to_string();
    assert_eq!(store.resolve(&full).unwrap(), id);
    assert_eq!(store.resolve(&full[..8]).unwrap(), id);
    assert_eq!(store.resolve(&full[..8].to_uppercase()).unwrap(), id);
    assert!(matches!(
        store.resolve(&full[..3]),
        Err(StoreError::NotFound(_))
    ));
    assert!(matches!(
        store.resolve("zzzzzzzz"),
        Err(StoreError::NotFound(_))
    ));
    let other = IssueId::new().to_string();
    assert!(matches!(
        store.resolve(&other),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn two_open_stores_on_one_file_see_each_others_saves() {
    // The app and the command line may have the same database open at once.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.sqlite3");
    let mut app = Store::open(&path).unwrap();
    let mut cli = Store::open(&path).unwrap();
    let id = app.insert(&issue(4, 245, date(2020, 4, 30), "甲")).unwrap();
    assert_eq!(cli.load(id).unwrap().issue.masthead.total_number.get(), 245);

    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                for n in 0..20 {
                    s.insert(&issue(1, 1000 + w * 100 + n, date(2021, 1, 1), "并发"))
                        .unwrap();
                }
            })
        })
        .collect();
    for n in 0..20 {
        let mut changed = issue(4, 245, date(2020, 4, 30), &format!("第{n}版"));
        changed.status = Status::InProof;
        cli.save(id, &changed).unwrap();
    }
    for w in writers {
        w.join().unwrap();
    }
    assert_eq!(app.list().unwrap().len(), 41);
    assert_eq!(
        app.load(id).unwrap().issue.articles[0].headline[0],
        "第19版"
    );
    app.delete(id).unwrap();
    assert_eq!(cli.list_deleted().unwrap()[0].id, id);
}

//! Proof rounds (校样) in a real store, and `bulletin proof / proofs / diff` end to end.

use bulletin::diff::Segment;
use bulletin::model::{Issue, Status};
use bulletin::proof::Stamp;
use bulletin::store::{Store, StoreError};
use chrono::NaiveDate;

mod cli_support;
use cli_support::{bulletin, ok};

const ISSUE: &str = r#"{
  "masthead": {"name": "温州科协信息", "number": 4, "total_number": 245,
               "editor": "温州市科学技术协会编", "date": "2020-04-30"},
  "articles": [
    {"headline": ["市科协召开党建工作会议"],
     "blocks": [{"kind": "paragraph", "text": "4月27日,市科协召开党建工作会议。"},
                {"kind": "paragraph", "text": "会议由夏细绸主持。"}],
     "byline": "叶贤挺"}
  ],
  "briefs": [{"date_text": "4月7日", "text": "市委组织部到市科协对接人才工作。", "source": "市科协"}]
}"#;

fn issue() -> Issue {
    bulletin::json::from_str(ISSUE).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 4, d).unwrap()
}

#[test]
fn rounds_are_numbered_per_issue_frozen_and_kept_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let a = store.insert(&issue()).unwrap();
    let b = store.insert(&issue()).unwrap();
    assert!(store.list_proofs(a).unwrap().is_empty());

    let r1 = store.freeze_proof_on(a, "  送主任审阅 ", day(27)).unwrap();
    assert_eq!(
        (r1.round, r1.date, r1.note.as_str()),
        (1, day(27), "送主任审阅")
    );
    assert_eq!(r1.issue.status, Status::InProof);
    assert_eq!(store.load(a).unwrap().issue.status, Status::InProof);

    // Editing after 送审 does not touch the frozen round.
    let mut edited = store.load(a).unwrap().issue;
    edited.articles[0].blocks[0].text = "4月27日，市科协召开党建工作部署会议。".into();
    store.save(a, &edited).unwrap();
    let r2 = store.freeze_proof_on(a, "", day(28)).unwrap();
    assert_eq!(r2.round, 2);
    // The other issue counts its own rounds.
    assert_eq!(store.freeze_proof(b, "").unwrap().round, 1);
    drop(store);

    let store = Store::open(&path).unwrap();
    let rounds = store.list_proofs(a).unwrap();
    assert_eq!(
        rounds.iter().map(|r| (r.round, r.date)).collect::<Vec<_>>(),
        vec![(1, day(27)), (2, day(28))]
    );
    assert_eq!(
        store.load_proof(a, 1).unwrap().issue.articles[0].blocks[0].text,
        "4月27日,市科协召开党建工作会议。"
    );
    assert_eq!(store.load_proof(a, 2).unwrap().issue, {
        let mut e = edited.clone();
        e.status = Status::InProof;
        e
    });
    assert!(matches!(
        store.load_proof(a, 3),
        Err(StoreError::NoProofRound { round: 3, .. })
    ));
    let missing = bulletin::store::IssueId::new();
    assert!(matches!(
        store.list_proofs(missing),
        Err(StoreError::NotFound(_))
    ));

    // The stamp the PDF draws for round 2.
    assert_eq!(
        Stamp::of(&store.load_proof(a, 2).unwrap()).label(),
        "校样 第2次 2020-04-28"
    );

    // Round 1 → round 2: the known edits, character by character.
    let d = bulletin::proof::diff_rounds(&rounds[0], &rounds[1].issue);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].part, "第1篇文章");
    let changes: Vec<&Segment> = d[0]
        .segments
        .iter()
        .filter(|s| !matches!(s, Segment::Equal(_)))
        .collect();
    assert_eq!(
        changes,
        vec![
            &Segment::Delete(",".into()),
            &Segment::Insert("，".into()),
            &Segment::Insert("部署".into())
        ]
    );
}

#[test]
fn freezing_an_unknown_issue_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let missing = bulletin::store::IssueId::new();
    assert!(matches!(
        store.freeze_proof(missing, "x"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn cli_proof_rounds_and_character_diff() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let file = dir.path().join("a.json");
    std::fs::write(&file, ISSUE).unwrap();
    let id = ok(&db, &["import", file.to_str().unwrap()])
        .split('\t')
        .next()
        .unwrap()
        .to_string();

    let out = ok(&db, &["proofs", &id]);
    assert!(out.contains("还没有送审"), "{out}");
    let o = bulletin(&db, &["diff", &id]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("还没有送审过的校样"));

    let out = ok(&db, &["proof", &id, "--note", "送主任"]);
    assert!(out.contains("第1次校样"), "{out}");
    // Edit between the rounds through the store, as the app does.
    {
        let mut store = Store::open(&db).unwrap();
        let id = store.resolve(&id).unwrap();
        let mut i = store.load(id).unwrap().issue;
        i.articles[0].blocks[0].text = "4月27日，市科协召开党建工作部署会议。".into();
        i.briefs.clear();
        store.save(id, &i).unwrap();
    }
    // Round 1 against the current text (the default --to).
    let out = ok(&db, &["diff", &id]);
    assert!(out.starts_with("第1次校样 → 当前文本\n"), "{out}");
    assert!(
        out.contains("== 第1篇文章 ==\n  4月27日[-,-][+，+]市科协召开党建工作[+部署+]会议。\n"),
        "{out}"
    );
    // Unchanged lines of a changed part are not printed.
    assert!(!out.contains("夏细绸"), "{out}");
    assert!(
        out.contains("== 第1条简讯 ==\n  [-4月7日，市委组织部到市科协对接人才工作。（市科协）-]"),
        "{out}"
    );
    // Output to a pipe has no colour codes.
    assert!(!out.contains('\x1b'));

    ok(&db, &["proof", &id, "--note", "第二次"]);
    let out = ok(&db, &["proofs", &id]);
    assert!(
        out.contains("第1次") && out.contains("送主任") && out.contains("第2次"),
        "{out}"
    );
    let out = ok(&db, &["diff", &id, "--from", "1", "--to", "2"]);
    assert!(out.starts_with("第1次校样 → 第2次校样\n"), "{out}");
    assert!(out.contains("[+部署+]"), "{out}");
    let out = ok(&db, &["diff", &id, "--from", "2"]);
    assert!(out.contains("两个版本没有差别"), "{out}");
    let o = bulletin(&db, &["diff", &id, "--from", "1", "--to", "7"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("没有第7次校样"));
    let o = bulletin(&db, &["diff", &id, "--to", "最后"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--to"));
}

//! 审阅意见 in the store and the app's operations: a commented proof imported, its comments kept
//! with their round, located in the edited text or flagged 「原文已改动」, a suggestion applied and
//! undone, comments closed with a reply; refused PDFs change nothing. A real SQLite file, the
//! real fonts, PyMuPDF writing the marks.

#[path = "pdfcheck/mod.rs"]
#[allow(dead_code)]
mod pdfcheck;
#[allow(dead_code)]
mod review_support;

use std::path::{Path, PathBuf};

use bulletin::desktop::{Desktop, ReviewItem};
use bulletin::fonts::FontBook;
use bulletin::lint::Place;
use bulletin::model::Issue;
use bulletin::store::{CommentStatus, IssueId, Store, SCHEMA_VERSION};
use chrono::NaiveDate;
use review_support::annotate;
use serde_json::json;

fn issue() -> Issue {
    bulletin::json::from_str(include_str!("data/review-issue.json")).unwrap()
}

/// A store with the review issue sent for review once, opened by the app, and the round's PDF.
fn setup() -> (tempfile::TempDir, Desktop, IssueId, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let id = Store::open(&db).unwrap().insert(&issue()).unwrap();
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    d.start_proof_on(
        &id.to_string(),
        &issue(),
        "",
        NaiveDate::from_ymd_opt(2020, 4, 28).unwrap(),
    )
    .unwrap();
    let pdf = dir.path().join("校样.pdf");
    d.export_proof(&id.to_string(), 1, &pdf).unwrap();
    (dir, d, id, pdf)
}

fn commented(pdf: &Path) -> PathBuf {
    let (bytes, _) = annotate(
        pdf,
        json!([
            {"kind": "replace", "phrase": "本年度", "with": "2020年度"},
            {"kind": "highlight", "phrase": "传达学习上级有关会议精神", "comment": "请核对"},
            {"kind": "strikeout", "phrase": "机关全体党员参加"},
            {"kind": "margin_note", "beside": "各支部要压实管党治党责任", "comment": "这一段太长"}
        ]),
    );
    let out = pdf.with_file_name("批注后.pdf");
    std::fs::write(&out, bytes).unwrap();
    out
}

fn by_text<'a>(items: &'a [ReviewItem], text: &str) -> &'a ReviewItem {
    items
        .iter()
        .find(|i| i.text == text)
        .unwrap_or_else(|| panic!("no 「{text}」 in {items:#?}"))
}

fn utf16_offset(text: &str, phrase: &str) -> usize {
    let byte = text.find(phrase).unwrap();
    text[..byte].encode_utf16().count()
}

#[test]
fn comments_are_kept_with_their_round_applied_undone_and_closed() {
    let (_dir, d, id, pdf) = setup();
    let id = id.to_string();
    let original = d.open_issue(&id).unwrap().issue;
    let marked = commented(&pdf);

    let imported = d.import_review(&id, &marked, &original).unwrap();
    assert_eq!(imported.message, "第1次校样：读到 4 条审阅意见，新增 4 条");
    assert_eq!(imported.warning, None);
    assert_eq!(imported.items.len(), 4);
    assert_eq!(d.open_comment_count(&id).unwrap(), 4);
    // The same PDF again adds nothing.
    let again = d.import_review(&id, &marked, &original).unwrap();
    assert_eq!(
        again.message,
        "第1次校样：读到 4 条审阅意见，新增 0 条（4 条之前已导入过）"
    );
    assert_eq!(again.items.len(), 4);

    let block0 = original.articles[0].blocks[0].text.clone();
    let replace = by_text(&imported.items, "2020年度");
    assert_eq!(replace.proposal, "“本年度”改为“2020年度”");
    assert!(replace.applicable);
    assert_eq!(
        (replace.place, replace.start, replace.end),
        (
            Some(Place::Block {
                article: 0,
                block: 0
            }),
            utf16_offset(&block0, "本年度"),
            utf16_offset(&block0, "本年度") + 3
        )
    );

    // Where the mark is on the proof page, for the preview (it draws the same pages while the
    // text is unchanged): on page 1, inside the text block (A4; 28 mm margins left and right).
    assert!(!replace.spots.is_empty());
    for s in &replace.spots {
        assert_eq!(s.page, 1);
        assert!(
            s.area.x0 >= 79.0 && s.area.x1 <= 516.0 && s.area.y0 < s.area.y1,
            "{s:?}"
        );
    }

    // 采纳: exactly the intended text; saved, then undone by saving the text before (as the
    // editor's Ctrl+Z does), the store has the original again.
    let applied = d.apply_comment(&id, replace.id, &original).unwrap();
    assert_eq!(
        applied.articles[0].blocks[0].text,
        "4月27日，市科协召开党建工作会议，传达学习上级有关会议精神，部署2020年度党建工作任务。市科协党组书记主持会议，机关全体党员参加。"
    );
    let mut rest = applied.clone();
    rest.articles[0].blocks[0].text = block0.clone();
    assert_eq!(rest, original, "only the one paragraph changed");
    d.save_issue(&id, &applied).unwrap();
    assert_eq!(d.open_issue(&id).unwrap().issue, applied);
    d.save_issue(&id, &original).unwrap();
    assert_eq!(d.open_issue(&id).unwrap().issue, original);

    let items = d.review_comments(&id, &applied).unwrap();
    let done = by_text(&items, "2020年度");
    assert_eq!(
        (done.status, done.status_label.as_str()),
        (CommentStatus::Done, "已处理")
    );
    assert!(!done.applicable);
    assert_eq!(d.open_comment_count(&id).unwrap(), 3);

    // 不采纳 with a reply.
    let note = by_text(&items, "这一段太长");
    d.set_comment_status(&id, note.id, CommentStatus::Rejected, "  内容完整，保留  ")
        .unwrap();
    let items = d.review_comments(&id, &original).unwrap();
    let note = by_text(&items, "这一段太长");
    assert_eq!(
        (note.status_label.as_str(), note.reply.as_str()),
        ("不采纳", "内容完整，保留")
    );
    assert_eq!(d.open_comment_count(&id).unwrap(), 2);

    // The text edited since the round: a comment follows its characters, or is flagged.
    let mut edited = original.clone();
    edited.articles[0].blocks[0].text = "4月27日，市科协召开党建工作会议，认真传达学习上级有关会议精神，部署本年度党建工作任务。市科协党组书记主持会议，全体干部参加。".into();
    let items = d.review_comments(&id, &edited).unwrap();
    let moved = by_text(&items, "请核对");
    let now = &edited.articles[0].blocks[0].text;
    let at = utf16_offset(now, "传达学习上级有关会议精神");
    assert_eq!(
        (moved.start, moved.end, moved.changed.as_str()),
        (at, at + 12, "")
    );
    assert_eq!(moved.quote, "传达学习上级有关会议精神");
    assert!(moved.spots.is_empty(), "the pages moved with the edit");
    let struck = items.iter().find(|i| i.kind_label == "删除线").unwrap();
    assert_eq!(struck.changed, "原文已改动");
    assert_eq!(struck.place, None);
    assert!(!struck.applicable);
    let e = d.apply_comment(&id, struck.id, &edited).unwrap_err();
    assert!(e.0.contains("已经改动"), "{e}");
    // The 比较 view from round 1 names the comment the edit answered.
    use bulletin::desktop::Version;
    let answered = d
        .answered_comments(&id, Version::Round(1), Version::Current, &edited)
        .unwrap();
    assert_eq!(
        answered,
        vec!["[删除线] 第1次校样 第1篇文章 第1段「机关全体党员参加」（审阅人甲）"]
    );
    assert!(d
        .answered_comments(&id, Version::Current, Version::Round(1), &edited)
        .unwrap()
        .is_empty());
}

#[test]
fn a_refused_pdf_changes_nothing() {
    let (dir, d, id, pdf) = setup();
    let id_s = id.to_string();
    let original = d.open_issue(&id_s).unwrap().issue;
    d.import_review(&id_s, &commented(&pdf), &original).unwrap();
    let before = d.review_comments(&id_s, &original).unwrap();

    // Another issue's proof.
    let mut other = issue();
    other.masthead.total_number = bulletin::model::TotalNumber::new(300).unwrap();
    let db = dir.path().join("b.sqlite3");
    let other_id = Store::open(&db).unwrap().insert(&other).unwrap();
    d.start_proof_on(
        &other_id.to_string(),
        &other,
        "",
        NaiveDate::from_ymd_opt(2020, 4, 28).unwrap(),
    )
    .unwrap();
    let other_pdf = dir.path().join("另一期.pdf");
    d.export_proof(&other_id.to_string(), 1, &other_pdf)
        .unwrap();
    let e = d.import_review(&id_s, &other_pdf, &original).unwrap_err();
    assert!(
        e.0.contains("另一期简报的校样") && e.0.contains("总第300期"),
        "{e}"
    );

    // Damaged: cut short in transit.
    let bytes = std::fs::read(&pdf).unwrap();
    let cut = dir.path().join("半个.pdf");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let e = d.import_review(&id_s, &cut, &original).unwrap_err();
    assert!(e.0.contains("无法读取这个 PDF"), "{e}");
    // Not there at all.
    let e = d
        .import_review(&id_s, &dir.path().join("没有.pdf"), &original)
        .unwrap_err();
    assert!(
        e.0.contains("无法读取文件") && e.0.contains("路径不存在"),
        "{e}"
    );

    assert_eq!(d.review_comments(&id_s, &original).unwrap(), before);
    assert_eq!(d.open_issue(&id_s).unwrap().issue, original);

    // An older round, commented after the next was sent: read, with a warning.
    let second = d.start_proof(&id_s, &original, "二校").unwrap();
    assert_eq!(second.round, 2);
    let r = d.import_review(&id_s, &commented(&pdf), &original).unwrap();
    assert!(r.warning.unwrap().contains("已经送审到第2次"));
}

#[test]
fn a_version_4_database_gains_the_comments_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let id = {
        let mut store = Store::open(&path).unwrap();
        let id = store.insert(&issue()).unwrap();
        store.freeze_proof(id, "").unwrap();
        id
    };
    // Back to version 4, as the program before this one left it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE review_comments; ALTER TABLE publications DROP COLUMN faces;
         DROP TABLE images; DROP TABLE unit_aliases; PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);

    let mut store = Store::open(&path).unwrap();
    let v: u32 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    assert_eq!(store.load(id).unwrap().issue, {
        let mut i = issue();
        i.status = bulletin::model::Status::InProof;
        i
    });
    assert_eq!(
        store
            .add_comments(id, 1, &[json!({"text": "甲"}), json!({"text": "甲"})])
            .unwrap(),
        1
    );
    let kept: Vec<bulletin::store::StoredComment<serde_json::Value>> = store.comments(id).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].comment, json!({"text": "甲"}));
    // Comments need their round.
    assert!(store.add_comments(id, 9, &[json!({})]).is_err());
}

fn bulletin(db: &Path, args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BULLETIN_DB")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_proofs_and_reads_the_marks_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let id = Store::open(&db).unwrap().insert(&issue()).unwrap();
    let pdf = dir.path().join("校样.pdf");
    let os = |s: &str| std::ffi::OsString::from(s);
    let run = |args: &[std::ffi::OsString]| {
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        bulletin(&db, &refs)
    };
    let short = id.short();
    let o = run(&[os("proof"), os(&short), os("--pdf"), pdf.clone().into()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // The proof itself: no marks, said so.
    let o = run(&[os("review"), os(&short), pdf.clone().into()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("里没有批注"), "{out}");

    let marked = commented(&pdf);
    let o = run(&[os("review"), os(&short), marked.clone().into()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with("第1次校样：读到 4 条审阅意见，新增 4 条\n"),
        "{out}"
    );
    assert!(
        out.contains("[替换] 第1页 · 第1篇文章 第1段 · 审阅人甲 2020-04-28 15:30"),
        "{out}"
    );
    assert!(out.contains("   原文：「本年度」\n"), "{out}");
    assert!(out.contains("   建议：“本年度”改为“2020年度”\n"), "{out}");
    assert!(out.contains("（页边，按最近的一行）"), "{out}");

    let o = run(&[os("review"), os(&short), marked.into(), os("--json")]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["added"], 0);
    assert_eq!(v["review"]["comments"].as_array().unwrap().len(), 4);

    // The next round closes the loop: the diff names the comments its changes answered, and
    // 送审 lists those still open.
    {
        let mut store = Store::open(&db).unwrap();
        let mut edited = store.load(id).unwrap().issue;
        let p = &mut edited.articles[0].blocks[0].text;
        *p = p.replace("机关全体党员参加", "全体干部参加");
        store.save(id, &edited).unwrap();
    }
    let o = run(&[os("diff"), os(&short), os("--from"), os("1")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("这些改动回应了第1次校样的审阅意见：\n  [删除线] 第1次校样 第1篇文章 第1段「机关全体党员参加」（审阅人甲）\n"), "{out}");
    assert!(!out.contains("本年度」"), "{out}");
    let o = run(&[os("proof"), os(&short)]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("还有 4 条审阅意见没有处理"), "{out}");
    assert!(
        out.contains("  [替换] 第1次校样 第1篇文章 第1段「本年度」：2020年度（审阅人甲）\n"),
        "{out}"
    );

    // A file that is not a proof, and one that is not there.
    let plain = dir.path().join("定稿.pdf");
    bulletin::pdf::export_issue_with(&issue(), FontBook::global().unwrap(), &plain).unwrap();
    let o = run(&[os("review"), os(&short), plain.into()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("不是本软件导出的校样"));
    let o = run(&[os("review"), os(&short), dir.path().join("无.pdf").into()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法读取文件"));
}

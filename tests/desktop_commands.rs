//! Every operation behind the app's Tauri commands (`bulletin::desktop`), against a real SQLite
//! file in a temporary directory and the real bundled fonts.

use std::path::PathBuf;

use bulletin::desktop::{with_extension, Desktop, ExportKind};
use bulletin::fonts::FontBook;
use bulletin::model::{Article, Block, Brief, Status};
use chrono::NaiveDate;

fn desktop() -> (tempfile::TempDir, Desktop) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    (dir, d)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn first_start_creates_the_store_with_the_demo_issue_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new").join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    assert!(db.is_file());
    let rows = d.list_issues().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].number, rows[0].total_number), (4, 245));
    assert_eq!(rows[0].date, date(2020, 4, 30));
    assert_eq!(
        rows[0].first_headline.as_deref(),
        Some("市政府专题研究2020世界青年科学家峰会筹备进展情况")
    );
    assert!(d.info().db_path.ends_with("bulletin.sqlite3"));
    drop(d);
    // A second start on the same file adds nothing, even when the archive was emptied.
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    let id = d.list_issues().unwrap()[0].id.to_string();
    d.delete_issue(&id).unwrap();
    drop(d);
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    assert_eq!(d.list_issues().unwrap().len(), 0);
    assert_eq!(d.list_deleted().unwrap().len(), 1);
}

#[test]
fn open_edit_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    let id = d.list_issues().unwrap()[0].id.to_string();
    let opened = d.open_issue(&id).unwrap();
    let mut issue = opened.issue;
    issue.articles[0].headline = vec!["<img src=x onerror=alert(1)>".into()];
    issue.briefs.swap(0, 1);
    issue.status = Status::InProof;
    let before = opened.updated_at;
    let after = d.save_issue(&id, &issue).unwrap();
    assert!(after >= before, "{after} < {before}");
    drop(d);
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    let again = d.open_issue(&id).unwrap();
    assert_eq!(again.issue, issue);
    let row = &d.list_issues().unwrap()[0];
    assert_eq!(
        row.first_headline.as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    assert_eq!(row.status, Status::InProof);
}

#[test]
fn bad_ids_give_plain_chinese_errors() {
    let (_dir, d) = desktop();
    let e = d.open_issue("not-an-id").unwrap_err();
    assert!(e.0.contains("不是有效的简报编号"), "{e}");
    let e = d
        .open_issue("00000000-0000-4000-8000-000000000000")
        .unwrap_err();
    assert!(e.0.contains("找不到"), "{e}");
    let e = d
        .save_issue(
            "00000000-0000-4000-8000-000000000000",
            &bulletin::demo::issue(),
        )
        .unwrap_err();
    assert!(e.0.contains("找不到"), "{e}");
}

#[test]
fn new_next_issue_carries_the_numbers_on() {
    let (_dir, d) = desktop();
    let id = d.new_next_issue(Some(date(2020, 5, 29))).unwrap();
    let next = d.open_issue(&id.to_string()).unwrap().issue;
    assert_eq!(next.masthead.number.get(), 5);
    assert_eq!(next.masthead.total_number.get(), 246);
    assert_eq!(next.masthead.name, "温州科协信息");
    assert!(next.articles.is_empty() && next.briefs.is_empty());
    assert_eq!(next.status, Status::Draft);
    let rows = d.list_issues().unwrap();
    assert_eq!(rows[0].id, id, "newest first");
    // And from that one, in a new year.
    let id2 = d.new_next_issue(Some(date(2021, 1, 15))).unwrap();
    let n2 = d.open_issue(&id2.to_string()).unwrap().issue;
    assert_eq!(
        (n2.masthead.number.get(), n2.masthead.total_number.get()),
        (1, 247)
    );
}

#[test]
fn new_next_issue_in_an_empty_archive_starts_from_the_masthead() {
    let (_dir, d) = desktop();
    let id = d.list_issues().unwrap()[0].id.to_string();
    d.delete_issue(&id).unwrap();
    let new = d.new_next_issue(Some(date(2026, 11, 24))).unwrap();
    let issue = d.open_issue(&new.to_string()).unwrap().issue;
    assert_eq!(issue.masthead.name, "温州科协信息");
    assert_eq!(issue.masthead.date, date(2026, 11, 24));
    assert!(issue.articles.is_empty());
}

#[test]
fn delete_to_the_recycle_bin_and_restore() {
    let (_dir, d) = desktop();
    let id = d.list_issues().unwrap()[0].id.to_string();
    d.delete_issue(&id).unwrap();
    assert!(d.list_issues().unwrap().is_empty());
    let bin = d.list_deleted().unwrap();
    assert_eq!(bin.len(), 1);
    assert!(bin[0].deleted_at.is_some());
    let e = d.delete_issue(&id).unwrap_err();
    assert!(e.0.contains("已经在回收站"), "{e}");
    d.restore_issue(&id).unwrap();
    assert_eq!(d.list_issues().unwrap().len(), 1);
    assert!(d.list_deleted().unwrap().is_empty());
    let e = d.restore_issue(&id).unwrap_err();
    assert!(e.0.contains("不在回收站"), "{e}");
}

#[test]
fn search_finds_text_anywhere_in_an_issue() {
    let (_dir, d) = desktop();
    let hits = d.search("农技云培训").unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.contains("农技云培训"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(hits[0].total_number, 245);
    assert!(!hits[0].deleted);
    assert!(d.search("不存在的词语组合").unwrap().is_empty());
    assert!(d.search("  ").unwrap().is_empty());
}

#[test]
fn import_stores_good_files_and_reports_bad_ones() {
    let (dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    issue.masthead.total_number = 300.try_into().unwrap();
    let good = dir.path().join("issue.json");
    std::fs::write(&good, bulletin::json::to_string(&issue)).unwrap();
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"masthead\": 3}").unwrap();
    let missing = dir.path().join("missing.txt");
    let report = d.import_files(&[good, bad.clone(), missing.clone()]);
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 2);
    assert_eq!(report.failed[0].path, bad.display().to_string());
    assert!(
        report.failed[0].message.contains("JSON"),
        "{}",
        report.failed[0].message
    );
    assert!(
        report.failed[1].message.contains("无法读取"),
        "{}",
        report.failed[1].message
    );
    let stored = d.open_issue(&report.imported[0].to_string()).unwrap();
    assert_eq!(stored.issue, issue);
    assert_eq!(d.list_issues().unwrap()[0].total_number, 300);
}

#[test]
fn import_reads_word_documents_and_explains_old_doc_files() {
    let (dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    issue.masthead.total_number = 301.try_into().unwrap();
    let word = dir.path().join("往期.docx");
    bulletin::docx::write(&issue, &word).unwrap();
    let old = dir.path().join("往期.doc");
    std::fs::write(&old, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let report = d.import_files(&[word, old.clone()]);
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].path, old.display().to_string());
    assert!(
        report.failed[0].message.contains("另存为 .docx"),
        "{}",
        report.failed[0].message
    );
    let stored = d.open_issue(&report.imported[0].to_string()).unwrap();
    assert_eq!(stored.issue.masthead, issue.masthead);
    assert_eq!(stored.issue.articles, issue.articles);
    assert_eq!(stored.issue.briefs, issue.briefs);
    assert_eq!(stored.issue.closing, issue.closing);
}

#[test]
fn importing_a_folder_twice_adds_nothing_the_second_time() {
    let (dir, d) = desktop();
    let before = d.list_issues().unwrap().len();
    let mut issue = bulletin::demo::issue();
    issue.masthead.total_number = 400.try_into().unwrap();
    let file = dir.path().join("400.json");
    std::fs::write(&file, bulletin::json::to_string(&issue)).unwrap();
    let mut changed = issue.clone();
    changed.articles[0].headline = vec!["另一篇文章".into()];
    let other = dir.path().join("400-改.json");
    std::fs::write(&other, bulletin::json::to_string(&changed)).unwrap();

    let first = d.import_files(std::slice::from_ref(&file));
    assert_eq!(first.imported.len(), 1);
    assert!(first.already_stored.is_empty() && first.same_total.is_empty());

    let second = d.import_files(&[file.clone(), other.clone()]);
    assert_eq!(second.imported.len(), 1, "only the changed file is stored");
    assert_eq!(second.already_stored.len(), 1);
    assert_eq!(second.already_stored[0].path, file.display().to_string());
    assert!(
        second.already_stored[0].message.contains("400.json")
            && second.already_stored[0].message.contains("未重复导入"),
        "{}",
        second.already_stored[0].message
    );
    assert_eq!(second.same_total.len(), 1);
    assert_eq!(second.same_total[0].path, other.display().to_string());
    assert!(
        second.same_total[0].message.contains("请核对"),
        "{}",
        second.same_total[0].message
    );
    assert!(second.failed.is_empty());
    assert_eq!(d.list_issues().unwrap().len(), before + 2);
}

#[test]
fn backup_copies_the_store_to_the_chosen_file() {
    let (dir, d) = desktop();
    let done = d.backup(&dir.path().join("备份")).unwrap();
    let path = dir.path().join("备份.sqlite3");
    assert_eq!(
        done.path,
        path.display().to_string(),
        "the extension is added"
    );
    assert_eq!(done.issues, d.list_issues().unwrap().len());
    assert_eq!(done.bytes, std::fs::metadata(&path).unwrap().len());
    let copy = bulletin::store::Store::open(&path).unwrap();
    assert_eq!(copy.list().unwrap(), d.list_issues().unwrap());
    drop(copy);

    // 从备份恢复: the issue made after the backup is gone, and kept in the copy made first.
    let before = d.list_issues().unwrap();
    let later = d.new_next_issue(None).unwrap();
    let restored = d.restore(&path).unwrap();
    assert_eq!(d.list_issues().unwrap(), before);
    assert_eq!(restored.issues, before.len());
    let kept = bulletin::store::Store::open(std::path::Path::new(&restored.kept)).unwrap();
    assert!(kept.list().unwrap().iter().any(|s| s.id == later));
}

#[test]
fn check_points_at_problems_and_compares_with_the_previous_issue() {
    let (_dir, d) = desktop();
    let next = d
        .new_next_issue(Some(date(2020, 5, 29)))
        .unwrap()
        .to_string();
    let mut issue = d.open_issue(&next).unwrap().issue;
    // Empty: no article yet.
    let found = d.check(&next, &issue).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("还没有文章"));
    issue.articles.push(Article {
        headline: vec!["新标题".into()],
        toc_text: None,
        blocks: vec![Block::paragraph("正文。")],
        byline: None,
        byline_parens: Default::default(),
    });
    issue.briefs.push(Brief {
        date_text: "".into(),
        text: "内容𪚥".into(),
        source: None,
        source_parens: Default::default(),
        style: Default::default(),
    });
    issue.masthead.total_number = 250.try_into().unwrap();
    let found = d.check(&next, &issue).unwrap();
    let fields: Vec<&str> = found.iter().map(|f| f.place.field).collect();
    assert_eq!(
        fields,
        vec!["date_text", "total_number", "text"],
        "{found:?}"
    );
    assert!(
        found[1].message.contains("应为总第246期"),
        "{}",
        found[1].message
    );
    assert!(found[2].message.contains("𪚥"));
    // The JSON the UI receives names the place.
    let json = serde_json::to_value(&found[0]).unwrap();
    assert_eq!(json["place"]["section"], "brief");
    assert_eq!(json["place"]["index"], 0);
}

#[test]
fn export_paths_get_their_extension_and_safe_names() {
    assert_eq!(
        with_extension(&PathBuf::from("/tmp/a"), ExportKind::Pdf),
        PathBuf::from("/tmp/a.pdf")
    );
    assert_eq!(
        with_extension(&PathBuf::from("/tmp/a.PDF"), ExportKind::Pdf),
        PathBuf::from("/tmp/a.PDF")
    );
    assert_eq!(
        with_extension(&PathBuf::from("/tmp/a.pdf"), ExportKind::Docx),
        PathBuf::from("/tmp/a.pdf.docx")
    );
    assert_eq!(
        bulletin::desktop::safe_file_name("a/b:c?.pdf"),
        "a_b_c_.pdf"
    );
}

#[test]
fn export_docx_writes_a_word_file_with_the_edits() {
    let (dir, d) = desktop();
    let id = d.list_issues().unwrap()[0].id.to_string();
    let mut issue = d.open_issue(&id).unwrap().issue;
    issue.articles[0].headline = vec!["导出测试标题<b>".into()];
    let out = d
        .export(ExportKind::Docx, &issue, &dir.path().join("第4期"))
        .unwrap();
    assert_eq!(
        out.path,
        dir.path().join("第4期.docx").display().to_string()
    );
    assert!(out.bytes > 1000, "{}", out.bytes);
    let file = std::fs::File::open(&out.path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains("导出测试标题&lt;b&gt;"),
        "headline not in document.xml"
    );
}

#[test]
fn export_into_a_missing_folder_says_so_in_chinese() {
    let (dir, d) = desktop();
    let issue = bulletin::demo::issue();
    let e = d
        .export(
            ExportKind::Docx,
            &issue,
            &dir.path().join("no-such-dir").join("x.docx"),
        )
        .unwrap_err();
    assert!(e.0.contains("no-such-dir") && e.0.contains("目录"), "{e}");
}

#[test]
fn export_pdf_holds_the_edited_headline() {
    let (dir, d) = desktop();
    let id = d.list_issues().unwrap()[0].id.to_string();
    let mut issue = d.open_issue(&id).unwrap().issue;
    issue.articles[0].headline = vec!["<img src=x onerror=alert(1)>".into()];
    let out = d
        .export(ExportKind::Pdf, &issue, &dir.path().join("issue.pdf"))
        .unwrap();
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", &out.path, "-"])
        .output()
        .expect("pdftotext (poppler-utils, scripts/install-system-packages.sh)");
    let text: String = String::from_utf8(text.stdout)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(text.contains("<imgsrc=xonerror=alert(1)>"), "{text}");
    assert!(text.contains("省科协、北欧创新中心来温对接峰会筹备工作"));
}

#[test]
fn a_character_no_font_has_is_refused_with_its_place() {
    let (dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    issue.briefs[0].text.push('𪚥');
    let e = d
        .export(ExportKind::Pdf, &issue, &dir.path().join("x.pdf"))
        .unwrap_err();
    assert!(e.0.contains("𪚥"), "{e}");
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn preview_draws_the_pages_the_pdf_has() {
    let (_dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    issue.articles[0].headline = vec!["<img src=x onerror=alert(1)>".into()];
    let preview = d.preview(&issue).unwrap();
    let fonts = d.fonts().unwrap();
    let doc = bulletin::layout::layout(&issue, &fonts).unwrap();
    assert_eq!(preview.pages.len(), doc.pages.len());
    assert!(preview.pages.len() >= 3, "{}", preview.pages.len());
    for (p, page) in preview.pages.iter().zip(&doc.pages) {
        assert!(p.svg.trim_start().starts_with("<svg") || p.svg.starts_with("<?xml"));
        let lines: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
        assert_eq!(p.text, lines.join("\n"));
        // Markup typed by the editor is escaped text in the SVG, never an element.
        assert!(!p.svg.contains("<img"), "markup leaked into the SVG");
    }
    assert!(preview.pages[0].text.contains("温州科协信息"));
    assert!(preview.pages[0]
        .svg
        .contains("&lt;img src=x onerror=alert(1)&gt;"));
    // A character no font has: the preview says what and where.
    issue.briefs[0].text.push('𪚥');
    let e = d.preview(&issue).unwrap_err();
    assert!(e.0.contains("𪚥"), "{e}");
}

// ---- proofing and the archive (issue 8) ----

fn demo_id(d: &Desktop) -> String {
    d.list_issues().unwrap()[0].id.to_string()
}

#[test]
fn start_proof_saves_the_editors_text_and_freezes_numbered_rounds() {
    let (_dir, d) = desktop();
    let id = demo_id(&d);
    let mut issue = d.open_issue(&id).unwrap().issue;
    issue.articles[0].headline = vec!["送审前改过的标题".into()];
    let r1 = d
        .start_proof_on(&id, &issue, "  请主任审阅  ", date(2020, 4, 28))
        .unwrap();
    assert_eq!((r1.round, r1.note.as_str()), (1, "请主任审阅"));
    assert_eq!(r1.stamp, "校样 第1次 2020-04-28");
    // The editor's text was saved, and the issue is now 校对中.
    let stored = d.open_issue(&id).unwrap();
    assert_eq!(stored.issue.articles[0].headline, ["送审前改过的标题"]);
    assert_eq!(stored.issue.status, Status::InProof);
    assert!(!stored.locked);
    let r2 = d
        .start_proof_on(&id, &stored.issue, "", date(2020, 4, 29))
        .unwrap();
    assert_eq!(r2.round, 2);
    let rounds = d.list_proofs(&id).unwrap();
    assert_eq!(rounds, vec![r1, r2]);
    assert!(d.list_proofs("not-an-id").is_err());
}

#[test]
fn a_rounds_pdf_carries_its_stamp_and_its_frozen_text() {
    let (dir, d) = desktop();
    let id = demo_id(&d);
    let mut issue = d.open_issue(&id).unwrap().issue;
    issue.articles[0].headline = vec!["第一次校样的标题".into()];
    d.start_proof_on(&id, &issue, "", date(2020, 4, 28))
        .unwrap();
    // Later edits do not reach round 1's PDF.
    issue.articles[0].headline = vec!["之后才改的标题".into()];
    d.save_issue(&id, &issue).unwrap();
    let out = d.export_proof(&id, 1, &dir.path().join("校样1")).unwrap();
    assert!(out.path.ends_with("校样1.pdf"), "{}", out.path);
    let text = pdftotext(&out.path);
    assert!(text.contains("校样第1次2020-04-28"), "{text}");
    assert!(text.contains("第一次校样的标题"));
    assert!(!text.contains("之后才改的标题"));
    // The final export never has the stamp.
    let fin = d
        .export(ExportKind::Pdf, &issue, &dir.path().join("final.pdf"))
        .unwrap();
    assert!(!pdftotext(&fin.path).contains("校样"));
    let e = d
        .export_proof(&id, 7, &dir.path().join("x.pdf"))
        .unwrap_err();
    assert!(e.0.contains("第7次校样"), "{e}");
}

fn pdftotext(path: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", path, "-"])
        .output()
        .expect("pdftotext (poppler-utils, scripts/install-system-packages.sh)");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect()
}

#[test]
fn diff_between_rounds_and_the_current_text_is_by_character() {
    use bulletin::desktop::Version;
    use bulletin::diff::Segment;
    let (_dir, d) = desktop();
    let id = demo_id(&d);
    let mut issue = d.open_issue(&id).unwrap().issue;
    d.start_proof_on(&id, &issue, "", date(2020, 4, 28))
        .unwrap();
    issue.briefs[1].text = "温州科技馆接待平阳科技馆一行来访交流。".into();
    d.start_proof_on(&id, &issue, "", date(2020, 4, 29))
        .unwrap();
    let parts = d
        .diff(&id, Version::Round(1), Version::Round(2), &issue)
        .unwrap();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].part, "第2条简讯");
    assert!(parts[0].segments.contains(&Segment::Delete("参观".into())));
    assert!(parts[0].segments.contains(&Segment::Insert("来访".into())));
    // Round 2 against the editor's unsaved text.
    let mut current = issue.clone();
    current.articles[0].headline[0].push_str("（续）");
    let parts = d
        .diff(&id, Version::Round(2), Version::Current, &current)
        .unwrap();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].part, "第1篇文章");
    assert!(parts[0]
        .segments
        .contains(&Segment::Insert("（续）".into())));
    assert!(d
        .diff(&id, Version::Round(2), Version::Round(2), &current)
        .unwrap()
        .is_empty());
    let e = d
        .diff(&id, Version::Round(3), Version::Current, &current)
        .unwrap_err();
    assert!(e.0.contains("第3次校样"), "{e}");
}

#[test]
fn lint_findings_have_places_ranges_and_fixes_that_apply() {
    use bulletin::lint::{Place, Rule};
    let (_dir, d) = desktop();
    let id = demo_id(&d);
    let issue = d.open_issue(&id).unwrap().issue;
    let items = d.lint(&id, &issue).unwrap();
    // The sample's 「4月27日,」: the brief's text begins with a half-width comma.
    let comma = items
        .iter()
        .find(|f| f.place == Place::BriefText { brief: 2 })
        .expect("the comma after 4月27日");
    assert_eq!(comma.rule, Rule::HalfWidthPunctuation);
    assert_eq!(comma.place_label, "第3条简讯 正文");
    assert_eq!((comma.start, comma.end), (0, 1));
    assert_eq!(comma.proposal, "“,”改为“，”");
    let fix = comma.fix.clone().unwrap();
    let fixed = d.fix_one(&issue, &comma.place, &fix).unwrap();
    assert_eq!(
        fixed.briefs[2].text,
        "，市科协赴乐清洽谈科技经济融合项目合作事宜。"
    );
    // Only that text changed, and the finding is gone.
    let mut expected = issue.clone();
    expected.briefs[2].text = fixed.briefs[2].text.clone();
    assert_eq!(fixed, expected);
    assert!(!d
        .lint(&id, &fixed)
        .unwrap()
        .iter()
        .any(|f| f.place == Place::BriefText { brief: 2 }));
    // A fix for text that has changed since the check is refused.
    let mut edited = issue.clone();
    edited.briefs[2].text = String::new();
    let e = d.fix_one(&edited, &comma.place, &fix).unwrap_err();
    assert!(e.0.contains("重新运行校对助手"), "{e}");
    // Ranges count UTF-16 units, as the UI's strings do (𠀀 is two).
    let mut wide = issue.clone();
    wide.briefs[0].text = "𠀀𠀀说明,如下。".into();
    let item = d
        .lint(&id, &wide)
        .unwrap()
        .into_iter()
        .find(|f| f.place == Place::BriefText { brief: 0 })
        .unwrap();
    assert_eq!((item.start, item.end), (6, 7));
    assert_eq!(item.fix.unwrap().start, 4);
}

#[test]
fn fix_all_clears_every_fixable_finding_and_nothing_else() {
    let (_dir, d) = desktop();
    let id = demo_id(&d);
    let issue = d.open_issue(&id).unwrap().issue;
    let before = d.lint(&id, &issue).unwrap();
    let fixable = before.iter().filter(|f| f.fix.is_some()).count();
    assert!(fixable >= 6, "{before:?}");
    let fixed = d.fix_all(&id, &issue).unwrap();
    assert_eq!(fixed.applied, fixable);
    assert!(d
        .lint(&id, &fixed.issue)
        .unwrap()
        .iter()
        .all(|f| f.fix.is_none()));
    assert!(fixed.issue.briefs[2].text.starts_with('，'));
    assert_eq!(fixed.issue.masthead, issue.masthead);
    assert_eq!(fixed.issue.briefs.len(), issue.briefs.len());
    // The store is untouched: the UI records the result as an undoable edit and saves it.
    assert_eq!(d.open_issue(&id).unwrap().issue, issue);
}

#[test]
fn archive_folder_has_a_default_and_can_be_set() {
    let (dir, d) = desktop();
    let shown = d.archive_dir().unwrap();
    assert!(shown.is_default);
    assert_eq!(shown.dir, shown.default_dir);
    if let Some(def) = &shown.default_dir {
        assert!(def.ends_with("温州科协信息"), "{def}");
    }
    let chosen = dir.path().join("归档");
    let shown = d.set_archive_dir(Some(&chosen)).unwrap();
    assert!(!shown.is_default);
    assert_eq!(shown.dir.as_deref(), Some(chosen.to_str().unwrap()));
    let shown = d.set_archive_dir(None).unwrap();
    assert!(shown.is_default);
}

#[test]
fn publish_archives_hashed_files_locks_the_issue_and_correct_reopens_it() {
    let (dir, d) = desktop();
    let id = demo_id(&d);
    let root = dir.path().join("归档");
    d.set_archive_dir(Some(&root)).unwrap();
    let mut issue = d.open_issue(&id).unwrap().issue;
    issue.articles[0].headline = vec!["印发前最后改的标题".into()];
    let p = d.publish(&id, &issue).unwrap();
    assert_eq!(p.revision, 1);
    assert_eq!(
        std::path::Path::new(&p.dir),
        root.join("2020").join("第4期（总第245期）")
    );
    let names: Vec<String> = p
        .files
        .iter()
        .map(|f| {
            std::path::Path::new(&f.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "温州科协信息 2020年第4期（总第245期）.pdf",
            "温州科协信息 2020年第4期（总第245期）（PDFA）.pdf",
            "温州科协信息 2020年第4期（总第245期）.docx",
            "温州科协信息 2020年第4期（总第245期）.json"
        ]
    );
    for f in &p.files {
        let bytes = std::fs::read(&f.path).unwrap();
        assert_eq!(bytes.len() as u64, f.bytes);
        assert_eq!(bulletin::archive::sha256_hex(&bytes), f.sha256);
    }
    // The editor's last edit was saved before publishing and is in the archived PDF.
    assert!(pdftotext(&p.files[0].path).contains("印发前最后改的标题"));
    assert!(pdftotext(&p.files[1].path).contains("印发前最后改的标题"));
    let opened = d.open_issue(&id).unwrap();
    assert!(opened.locked);
    assert_eq!(opened.issue.status, Status::Published);
    // A published issue refuses saves, proofs and a second publication, in plain Chinese.
    let e = d.save_issue(&id, &opened.issue).unwrap_err();
    assert!(e.0.contains("已印发") && e.0.contains("修订"), "{e}");
    assert!(d.start_proof(&id, &opened.issue, "").is_err());
    assert!(d.publish(&id, &opened.issue).is_err());
    // 更正: editable again, the archived files stay.
    let again = d.correct(&id).unwrap();
    assert!(!again.locked);
    assert_eq!(again.issue.status, Status::Draft);
    d.save_issue(&id, &again.issue).unwrap();
    assert!(std::path::Path::new(&p.files[0].path).is_file());
    let e = d.correct(&id).unwrap_err();
    assert!(e.0.contains("还没有印发"), "{e}");
    let p2 = d.publish(&id, &again.issue).unwrap();
    assert_eq!(p2.revision, 2);
    assert!(p2.dir.ends_with("修订2"), "{}", p2.dir);
}

#[test]
fn verify_reports_changed_and_missing_archive_files() {
    let (dir, d) = desktop();
    let id = demo_id(&d);
    d.set_archive_dir(Some(&dir.path().join("归档"))).unwrap();
    let issue = d.open_issue(&id).unwrap().issue;
    let ok = d.verify_archive().unwrap();
    assert_eq!((ok.checked, ok.problems.len()), (0, 0));
    let p = d.publish(&id, &issue).unwrap();
    let ok = d.verify_archive().unwrap();
    assert_eq!((ok.checked, ok.problems.len()), (4, 0));
    let mut docx = std::fs::read(&p.files[1].path).unwrap();
    docx.push(0);
    std::fs::write(&p.files[1].path, docx).unwrap();
    std::fs::remove_file(&p.files[2].path).unwrap();
    let bad = d.verify_archive().unwrap();
    assert_eq!(bad.checked, 4);
    let found: Vec<(&str, &str, &str)> = bad
        .problems
        .iter()
        .map(|f| (f.path.as_str(), f.kind.as_str(), f.label.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (p.files[1].path.as_str(), "changed", "内容已被改动"),
            (p.files[2].path.as_str(), "missing", "文件不见了")
        ]
    );
    assert_eq!(bad.problems[0].issue_id.to_string(), id);
}

#[test]
fn search_rows_carry_utf16_ranges_of_every_word() {
    let (_dir, d) = desktop();
    let hits = d.search("农技云 培训").unwrap();
    assert_eq!(hits.len(), 1);
    let snippet: Vec<u16> = hits[0].snippet.encode_utf16().collect();
    let marked: Vec<String> = hits[0]
        .highlights
        .iter()
        .map(|[a, b]| String::from_utf16(&snippet[*a..*b]).unwrap())
        .collect();
    assert!(!marked.is_empty());
    assert!(
        marked
            .iter()
            .all(|m| m == "农技云" || m == "培训" || m == "农技云培训"),
        "{marked:?} in {}",
        hits[0].snippet
    );
    assert!(marked.iter().any(|m| m.contains("农技云")));
}

#[test]
fn the_yearly_volume_holds_the_published_issues_and_names_the_drafts_left_out() {
    let (dir, d) = desktop();
    // The demo (the sample, imported as a past issue) is published.
    assert_eq!(d.volume_years().unwrap(), vec![2020]);
    let sample_pages = {
        let issue = d.open_issue(&demo_id(&d)).unwrap().issue;
        bulletin::layout::layout(&issue, FontBook::global().unwrap())
            .unwrap()
            .pages
            .len() as u32
    };
    d.new_next_issue(Some(date(2020, 5, 29))).unwrap();
    let v = d.export_volume(2020, &dir.path().join("合订本")).unwrap();
    assert!(v.path.ends_with("合订本.pdf"), "{}", v.path);
    assert_eq!(v.issues, 1);
    assert_eq!(v.left_out, vec!["第5期（总第246期）".to_string()]);
    // Cover + contents + the issue itself.
    assert!(v.pages >= sample_pages + 2, "{} pages", v.pages);
    assert_eq!(std::fs::metadata(&v.path).unwrap().len(), v.bytes);
    let text = pdftotext(&v.path);
    assert!(text.contains("2020年合订本"), "{text}");
    assert!(text.contains("第4期（总第245期）"));

    let err = d.export_volume(2019, &dir.path().join("x")).unwrap_err();
    assert!(err.0.contains("2019年没有已印发的简报"), "{}", err.0);
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn a_pasted_article_and_briefs_join_the_issue_and_are_stored() {
    use bulletin::import::pasted::PasteKind;
    let (_dir, d) = desktop();
    let id = d
        .new_next_issue(Some(date(2020, 5, 31)))
        .unwrap()
        .to_string();
    let mut issue = d.open_issue(&id).unwrap().issue;
    let pasted = d
        .read_pasted(
            "我市举办科技活动周\n5月18日，全市科技活动周开幕。\n一、活动安排\n活动为期一周。（王刚）",
            PasteKind::Articles,
        )
        .unwrap();
    assert!(pasted.briefs.is_empty());
    issue.articles.extend(pasted.articles);
    let pasted = d
        .read_pasted(
            "5月20日，市科协召开会议。（办公室）\n5月21日，市科协举办讲座。",
            PasteKind::Briefs,
        )
        .unwrap();
    issue.briefs.extend(pasted.briefs);
    d.save_issue(&id, &issue).unwrap();
    let stored = d.open_issue(&id).unwrap().issue;
    let a = stored.articles.last().unwrap();
    assert_eq!(a.headline, ["我市举办科技活动周"]);
    assert_eq!(a.blocks.len(), 3);
    assert_eq!(a.byline.as_deref(), Some("王刚"));
    let dates: Vec<_> = stored.briefs.iter().map(|b| b.date_text.as_str()).collect();
    assert!(dates.ends_with(&["5月20日", "5月21日"]), "{dates:?}");
    // Nothing to read is a message to show, not an empty list.
    let e = d.read_pasted("\n \n", PasteKind::Briefs).unwrap_err();
    assert!(e.0.contains("粘贴的内容是空的"), "{}", e.0);
}

//! 审阅意见: proof PDFs that know what they are, and the marks reviewers make on them read back
//! and anchored to the text. The commented PDFs are written by PyMuPDF (the dictionaries Acrobat
//! writes) and by lopdf in the ways other readers write them; every expected place is written
//! here from the input text in tests/data/review-issue.json.

#[path = "pdfcheck/mod.rs"]
#[allow(dead_code)]
mod pdfcheck;
mod review_support;

use std::path::PathBuf;
use std::process::Command;

use bulletin::fonts::FontBook;
use bulletin::lint::Place;
use bulletin::model::Issue;
use bulletin::review::suggestion::Suggestion;
use bulletin::review::{self, Comment, MarkKind};
use bulletin::store::{IssueId, ProofRound, Store};
use chrono::NaiveDate;
use review_support::{annotate, annotate_incrementally, locate};
use serde_json::{json, Value};

fn issue() -> Issue {
    bulletin::json::from_str(include_str!("data/review-issue.json")).unwrap()
}

fn fonts() -> &'static FontBook {
    FontBook::global().unwrap()
}

/// A store holding the review issue with one proof round, and that round's PDF.
struct Proofed {
    dir: tempfile::TempDir,
    store: Store,
    id: IssueId,
    round: ProofRound,
    pdf: PathBuf,
}

fn proofed() -> Proofed {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let id = store.insert(&issue()).unwrap();
    let round = store
        .freeze_proof_on(id, "", NaiveDate::from_ymd_opt(2020, 4, 28).unwrap())
        .unwrap();
    let pdf = dir.path().join("校样1.pdf");
    bulletin::pdf::export_proof_with(id, &round, fonts(), &pdf).unwrap();
    Proofed {
        dir,
        store,
        id,
        round,
        pdf,
    }
}

/// The text of `place` in the input, and the character offset of `phrase` in it.
fn offset_in(issue: &Issue, place: Place, phrase: &str) -> (usize, usize) {
    let texts = bulletin::lint::texts(issue);
    let text = &texts.iter().find(|(p, _)| *p == place).unwrap().1;
    let byte = text
        .find(phrase)
        .unwrap_or_else(|| panic!("「{phrase}」 not in {place:?}"));
    let start = text[..byte].chars().count();
    (start, start + phrase.chars().count())
}

/// The one field of the input whose text holds `phrase`.
fn field_of(issue: &Issue, phrase: &str) -> Place {
    let hits: Vec<Place> = bulletin::lint::texts(issue)
        .into_iter()
        .filter(|(_, t)| t.contains(phrase))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(hits.len(), 1, "「{phrase}」 in {hits:?}");
    hits[0]
}

/// Asserts `c` is anchored to exactly `phrase` in `place`.
fn assert_exact(c: &Comment, place: Place, phrase: &str) {
    let a = c.anchor.as_ref().expect("anchored");
    assert_eq!(a.spans.len(), 1, "{c:?}");
    let s = &a.spans[0];
    let (start, end) = offset_in(&issue(), place, phrase);
    assert_eq!(
        (s.place, s.start, s.end),
        (Some(place), start, end),
        "{c:?}"
    );
    assert_eq!(a.quote(), phrase);
    assert!(!a.nearest_line);
}

/// Asserts `c` is anchored to a whole line of `place` holding the first character of `phrase`.
fn assert_line_of(c: &Comment, place: Place, phrase: &str) {
    let a = c.anchor.as_ref().expect("anchored");
    assert_eq!(a.spans.len(), 1, "{c:?}");
    let s = &a.spans[0];
    let (start, _) = offset_in(&issue(), place, phrase);
    assert_eq!(s.place, Some(place), "{c:?}");
    assert!(s.start <= start && start < s.end, "{c:?}");
    // A body line holds up to 28 characters; a first line 26.
    assert!((10..=28).contains(&(s.end - s.start)), "{c:?}");
}

fn find_kind(comments: &[Comment], kind: MarkKind) -> &Comment {
    comments.iter().find(|c| c.kind == kind).unwrap()
}

fn block(article: usize, block: usize) -> Place {
    Place::Block { article, block }
}

#[test]
fn a_proof_pdf_records_its_issue_round_and_content_and_the_final_pdf_does_not() {
    let p = proofed();
    let bytes = std::fs::read(&p.pdf).unwrap();
    let read = review::read::marks(&bytes).unwrap();
    let identity = read.identity.expect("a proof names itself");
    assert_eq!(identity.issue_id, p.id);
    assert_eq!(identity.round, 1);
    assert_eq!(
        identity.content_hash,
        bulletin::proof::content_hash(&p.round.issue)
    );
    assert!(read.marks.is_empty());

    // An independent reader sees the same in the Info dictionary and the XMP packet.
    let script = r#"
import sys, pymupdf as fitz
d = fitz.open(sys.argv[1])
info = d.xref_get_key(-1, "Info")[1].split()[0]
print(d.xref_get_key(int(info), "BulletinIssue")[1])
print(d.xref_get_key(int(info), "BulletinProofRound")[1])
print("<bulletin:IssueId>" in d.get_xml_metadata())
"#;
    let out = Command::new(pdfcheck::venv_python())
        .arg("-c")
        .arg(script)
        .arg(&p.pdf)
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, vec![p.id.to_string().as_str(), "1", "True"], "{out}");

    let final_pdf = p.dir.path().join("定稿.pdf");
    bulletin::pdf::export_issue_with(&issue(), fonts(), &final_pdf).unwrap();
    let final_bytes = std::fs::read(&final_pdf).unwrap();
    assert!(review::read::marks(&final_bytes)
        .unwrap()
        .identity
        .is_none());
    assert!(!String::from_utf8_lossy(&final_bytes).contains("Bulletin"));
}

fn pymupdf_spec() -> Value {
    json!([
        {"kind": "highlight", "phrase": "传达学习上级有关会议精神", "comment": "请核对会议名称"},
        {"kind": "strikeout", "phrase": "机关全体党员参加"},
        {"kind": "caret", "after": "市科协党组书记", "comment": "此处加「同志」"},
        {"kind": "note", "on": "模范机关创建活动", "comment": "请核实活动名称"},
        {"kind": "margin_note", "beside": "各支部要压实管党治党责任", "comment": "这一段太长"},
        {"kind": "freetext", "beside": "警示教育片", "comment": "片名加书名号"},
        {"kind": "ink", "around": "科普示范基地"},
        {"kind": "replace", "phrase": "本年度", "with": "2020年度"},
        {"kind": "reply", "to": 0, "comment": "同意，已核对", "author": "编辑乙"},
        {"kind": "line_break", "in": "推动理论武装往深里走", "chars": 3},
        {"kind": "page_break", "page": 1, "tail": 4, "head": 4, "comment": "跨页"},
        {"kind": "highlight", "phrase": "二十余家市级学会", "comment": "改为“三十余家市级学会”"},
        {"kind": "underline", "phrase": "赴乐清调研"},
        {"kind": "squiggly", "phrase": "（叶贤挺）", "author": "审阅人丙"}
    ])
}

#[test]
fn marks_made_with_pymupdf_are_anchored_to_their_fields_and_characters() {
    let p = proofed();
    let (bytes, report) = annotate(&p.pdf, pymupdf_spec());
    let r = review::review(&bytes, p.id, std::slice::from_ref(&p.round), fonts()).unwrap();
    assert_eq!(r.round, 1);
    assert_eq!(r.warning, None);
    // 14 marks, 13 comments: the reply joins its mark, the halves of the page-break highlight join.
    let kinds: Vec<MarkKind> = r.comments.iter().map(|c| c.kind).collect();
    use MarkKind::*;
    let expected = vec![
        Highlight, StrikeOut, Caret, Note, Note, FreeText, Ink, Replace, Highlight, Highlight,
        Highlight, Underline, Squiggly,
    ];
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| format!("{k:?}"));
    let mut want = expected.clone();
    want.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(sorted, want, "{:#?}", r.comments);

    let by_text = |t: &str| -> &Comment {
        r.comments
            .iter()
            .find(|c| c.text == t)
            .unwrap_or_else(|| panic!("no comment 「{t}」 in {:#?}", r.comments))
    };
    let h = by_text("请核对会议名称");
    assert_exact(h, block(0, 0), "传达学习上级有关会议精神");
    assert_eq!(
        (h.author.as_str(), h.date.as_deref()),
        ("审阅人甲", Some("2020-04-28 15:30"))
    );
    assert_eq!(h.replies.len(), 1);
    assert_eq!(
        (h.replies[0].author.as_str(), h.replies[0].text.as_str()),
        ("编辑乙", "同意，已核对")
    );
    assert_eq!(h.suggestion, None);

    let s = r.comments.iter().find(|c| c.kind == StrikeOut).unwrap();
    assert_exact(s, block(0, 0), "机关全体党员参加");
    assert_eq!(s.suggestion, Some(Suggestion::Delete));

    let caret = by_text("此处加「同志」");
    let a = caret.anchor.as_ref().unwrap();
    let (_, after) = offset_in(&issue(), block(0, 0), "市科协党组书记");
    assert_eq!(
        (a.spans[0].place, a.spans[0].start, a.spans[0].end),
        (Some(block(0, 0)), after, after)
    );
    assert_eq!(caret.suggestion, Some(Suggestion::Insert("同志".into())));

    assert_line_of(by_text("请核实活动名称"), block(0, 2), "模范机关创建活动");
    let margin = by_text("这一段太长");
    assert_line_of(margin, block(0, 3), "各支部要压实管党治党责任");
    assert!(margin.anchor.as_ref().unwrap().nearest_line);
    assert_eq!(margin.suggestion, None);
    assert_line_of(by_text("片名加书名号"), block(0, 4), "警示教育片");

    let ink = r.comments.iter().find(|c| c.kind == Ink).unwrap();
    assert_exact(ink, block(1, 0), "科普示范基地");

    let replace = r.comments.iter().find(|c| c.kind == Replace).unwrap();
    assert_exact(replace, block(0, 0), "本年度");
    assert_eq!(
        replace.suggestion,
        Some(Suggestion::Replace("2020年度".into()))
    );

    // Across a line break: one range in the paragraph.
    let across_line = report[9]["text"].as_str().unwrap();
    assert_eq!(across_line.chars().count(), 6);
    let c = r
        .comments
        .iter()
        .find(|c| c.anchor.as_ref().is_some_and(|a| a.quote() == across_line))
        .unwrap_or_else(|| panic!("「{across_line}」 not anchored: {:#?}", r.comments));
    assert_exact(c, block(0, 2), across_line);

    // Across the page break: one comment, one range.
    let across_page = report[10]["text"].as_str().unwrap();
    assert_eq!(across_page.chars().count(), 8);
    let c = by_text("跨页");
    assert_exact(c, field_of(&issue(), across_page), across_page);
    assert_eq!(c.page, 1);

    let brief = by_text("改为“三十余家市级学会”");
    assert_exact(brief, Place::BriefText { brief: 1 }, "二十余家市级学会");
    assert_eq!(
        brief.suggestion,
        Some(Suggestion::Replace("三十余家市级学会".into()))
    );
    // The first 「赴乐清调研」 on the proof is the 本期要目 entry: the headline's text.
    let toc = r.comments.iter().find(|c| c.kind == Underline).unwrap();
    assert_exact(
        toc,
        Place::Headline {
            article: 1,
            line: 0,
        },
        "赴乐清调研",
    );
    let byline = r.comments.iter().find(|c| c.kind == Squiggly).unwrap();
    assert_exact(byline, Place::Byline { article: 0 }, "（叶贤挺）");
    assert_eq!(byline.author, "审阅人丙");
}

/// Adds the annotation `dict` to page `page` (1-based) of `doc`.
fn add_annot(doc: &mut lopdf::Document, page: u32, dict: lopdf::Dictionary) {
    let page_id = doc.get_pages()[&page];
    let annot = doc.add_object(dict);
    let page = doc.get_dictionary_mut(page_id).unwrap();
    match page.get_mut(b"Annots") {
        Ok(lopdf::Object::Array(a)) => a.push(annot.into()),
        _ => page.set("Annots", vec![lopdf::Object::Reference(annot)]),
    }
}

fn union(boxes: &[[f32; 4]]) -> [f32; 4] {
    boxes
        .iter()
        .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |u, b| {
            [
                u[0].min(b[0]),
                u[1].min(b[1]),
                u[2].max(b[2]),
                u[3].max(b[3]),
            ]
        })
}

fn quad_points(b: [f32; 4]) -> Vec<lopdf::Object> {
    // Acrobat's order: upper left, upper right, lower left, lower right.
    [b[0], b[3], b[2], b[3], b[0], b[1], b[2], b[1]]
        .into_iter()
        .map(lopdf::Object::Real)
        .collect()
}

fn rect(b: [f32; 4]) -> Vec<lopdf::Object> {
    b.into_iter().map(lopdf::Object::Real).collect()
}

#[test]
fn raw_dictionaries_as_other_readers_write_them_are_anchored() {
    use lopdf::{dictionary, Object};
    let p = proofed();
    let phrases = ["召开学会工作座谈会", "市委组织部", "围绕科技创新"];
    let found = locate(&p.pdf, &phrases);
    let mut doc = lopdf::Document::load(&p.pdf).unwrap();
    // A highlight with /Rect only, no /QuadPoints.
    add_annot(
        &mut doc,
        found[0].0,
        dictionary! {
            "Type" => "Annot", "Subtype" => "Highlight",
            "Rect" => rect(union(&found[0].1)),
            "T" => lopdf::text_string("福昕用户"),
            "Contents" => lopdf::text_string("会议名称请核对"),
            "M" => Object::string_literal("D:20200429090000+08'00'"),
        },
    );
    // Rich text (/RC) and no /Contents.
    add_annot(
        &mut doc,
        found[1].0,
        dictionary! {
            "Type" => "Annot", "Subtype" => "Underline",
            "Rect" => rect(union(&found[1].1)),
            "QuadPoints" => quad_points(union(&found[1].1)),
            "T" => lopdf::text_string("WPS用户"),
            "RC" => lopdf::text_string("<?xml version=\"1.0\"?><body xmlns=\"http://www.w3.org/1999/xhtml\"><p>改为<span style=\"color:#FF0000\">“市委人才办”</span></p></body>"),
        },
    );
    // A page turned by /Rotate: annotations stay in the page's unrotated space.
    let rotated = doc.get_pages()[&found[2].0];
    doc.get_dictionary_mut(rotated).unwrap().set("Rotate", 90);
    add_annot(
        &mut doc,
        found[2].0,
        dictionary! {
            "Type" => "Annot", "Subtype" => "Squiggly",
            "Rect" => rect(union(&found[2].1)),
            "QuadPoints" => quad_points(union(&found[2].1)),
            "Contents" => Object::string_literal("ok"),
        },
    );
    // A callout (FreeText with /CL) in the margin whose line points at the middle of 「市委组织部」.
    let target = union(&found[1].1);
    let (tx, ty) = ((target[0] + target[2]) / 2.0, (target[1] + target[3]) / 2.0);
    add_annot(
        &mut doc,
        found[1].0,
        dictionary! {
            "Type" => "Annot", "Subtype" => "FreeText",
            "Rect" => rect([520.0, ty + 60.0, 590.0, ty + 90.0]),
            "CL" => vec![tx.into(), ty.into(), Object::Real(530.0), Object::Real(ty + 70.0)],
            "IT" => "FreeTextCallout",
            "Contents" => lopdf::text_string("单位名称核对"),
        },
    );
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let r = review::review(&bytes, p.id, std::slice::from_ref(&p.round), fonts()).unwrap();
    assert_eq!(r.comments.len(), 4, "{:#?}", r.comments);
    // It points at the middle of the five characters: 「组」.
    assert_exact(
        find_kind(&r.comments, MarkKind::FreeText),
        Place::BriefText { brief: 0 },
        "组",
    );
    let find = |k: MarkKind| r.comments.iter().find(|c| c.kind == k).unwrap();
    let h = find(MarkKind::Highlight);
    assert_exact(h, Place::BriefText { brief: 1 }, "召开学会工作座谈会");
    assert_eq!(
        (h.author.as_str(), h.text.as_str(), h.date.as_deref()),
        ("福昕用户", "会议名称请核对", Some("2020-04-29 09:00"))
    );
    let u = find(MarkKind::Underline);
    assert_exact(u, Place::BriefText { brief: 0 }, "市委组织部");
    assert_eq!(u.text, "改为“市委人才办”");
    assert_eq!(u.suggestion, Some(Suggestion::Replace("市委人才办".into())));
    assert_exact(find(MarkKind::Squiggly), block(0, 3), "围绕科技创新");
}

fn review_error(bytes: &[u8], id: IssueId, rounds: &[ProofRound]) -> String {
    match review::review(bytes, id, rounds, fonts()) {
        Ok(r) => panic!("read: {r:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn another_issue_an_outdated_round_a_changed_round_and_a_damaged_file_are_named() {
    let mut p = proofed();
    let bytes = std::fs::read(&p.pdf).unwrap();
    let rounds = vec![p.round.clone()];

    // A proof of another issue.
    let mut other = issue();
    other.masthead.number = bulletin::model::IssueNumber::new(3).unwrap();
    other.masthead.total_number = bulletin::model::TotalNumber::new(244).unwrap();
    let other_id = p.store.insert(&other).unwrap();
    let other_round = p.store.freeze_proof(other_id, "").unwrap();
    let other_pdf = p.dir.path().join("另一期.pdf");
    bulletin::pdf::export_proof_with(other_id, &other_round, fonts(), &other_pdf).unwrap();
    let e = review_error(&std::fs::read(&other_pdf).unwrap(), p.id, &rounds);
    assert!(e.contains("另一期简报的校样"), "{e}");
    assert!(e.contains("2020年第3期（总第244期）"), "{e}");

    // No marks: an empty list, said by the caller.
    let r = review::review(&bytes, p.id, &rounds, fonts()).unwrap();
    assert!(r.comments.is_empty());

    // Round 1 commented after round 2 was sent: read, with a warning.
    let r2 = p.store.freeze_proof(p.id, "二校").unwrap();
    let both = vec![p.round.clone(), r2];
    let r = review::review(&bytes, p.id, &both, fonts()).unwrap();
    assert_eq!(r.round, 1);
    let w = r.warning.unwrap();
    assert!(w.contains("第1次校样") && w.contains("第2次"), "{w}");

    // Pages that are not the ones laid out now (another font choice): read, with a warning.
    let mut doc = lopdf::Document::load_mem(&bytes).unwrap();
    doc.trailer.set(
        "ID",
        vec![
            lopdf::Object::String(vec![0; 16], lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(vec![0; 16], lopdf::StringFormat::Hexadecimal),
        ],
    );
    let mut moved = Vec::new();
    doc.save_to(&mut moved).unwrap();
    let w = review::review(&moved, p.id, &rounds, fonts())
        .unwrap()
        .warning
        .unwrap();
    assert!(w.contains("版面与现在重新排出的不同"), "{w}");

    // A round the store does not have, and one whose content is not what the PDF shows.
    let e = review_error(&bytes, p.id, &[]);
    assert!(e.contains("没有第1次校样"), "{e}");
    let mut changed = p.round.clone();
    changed.issue.articles[0].blocks[0].text.push('。');
    let e = review_error(&bytes, p.id, &[changed]);
    assert!(
        e.contains("内容不一致") && e.contains("重新导出第1次校样"),
        "{e}"
    );

    // Damaged or not a PDF at all; a final PDF (no proof identity).
    let e = review_error(&bytes[..bytes.len() / 3], p.id, &rounds);
    assert!(e.contains("无法读取这个 PDF"), "{e}");
    let e = review_error(b"%PDF-1.7 garbage", p.id, &rounds);
    assert!(e.contains("无法读取这个 PDF"), "{e}");
    let final_pdf = p.dir.path().join("定稿.pdf");
    bulletin::pdf::export_issue_with(&issue(), fonts(), &final_pdf).unwrap();
    let e = review_error(&std::fs::read(final_pdf).unwrap(), p.id, &rounds);
    assert!(e.contains("不是本软件导出的校样"), "{e}");
}

#[test]
fn marks_saved_incrementally_as_readers_save_are_read() {
    let p = proofed();
    let original = std::fs::read(&p.pdf).unwrap();
    let (bytes, _) = annotate_incrementally(
        &p.pdf,
        json!([
            {"kind": "replace", "phrase": "本年度", "with": "2020年度"},
            {"kind": "underline", "phrase": "围绕科技创新", "comment": "删除"}
        ]),
    );
    // The original bytes are kept and the marks come after them.
    assert!(bytes.len() > original.len());
    assert_eq!(&bytes[..original.len()], &original[..]);
    let r = review::review(&bytes, p.id, std::slice::from_ref(&p.round), fonts()).unwrap();
    assert_eq!(r.warning, None);
    assert_eq!(r.comments.len(), 2, "{:#?}", r.comments);
    assert_exact(&r.comments[0], block(0, 0), "本年度");
    assert_eq!(
        r.comments[0].suggestion,
        Some(Suggestion::Replace("2020年度".into()))
    );
    assert_exact(&r.comments[1], block(0, 3), "围绕科技创新");
    assert_eq!(r.comments[1].suggestion, Some(Suggestion::Delete));
}

#[test]
fn marks_on_the_sample_issue_find_its_headline_spaced_digits_and_byline_as_written() {
    let sample = bulletin::import::parse_text(include_str!("data/issue-2020-04-245.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let mut draft = sample.clone();
    draft.status = bulletin::model::Status::Draft;
    let id = store.insert(&draft).unwrap();
    let round = store.freeze_proof(id, "").unwrap();
    let pdf = dir.path().join("校样.pdf");
    bulletin::pdf::export_proof_with(id, &round, fonts(), &pdf).unwrap();
    let (bytes, _) = annotate(
        &pdf,
        json!([
            // Printed first in 本期要目, then in the headline (centred, with its clause spaces).
            {"kind": "highlight", "phrase": "筹备进展情况", "occurrence": 2, "comment": "标题"},
            {"kind": "highlight", "phrase": "筹备进展情况", "occurrence": 1, "comment": "要目"},
            // Digits among Han characters are set a quarter em apart (§8).
            {"kind": "underline", "phrase": "4月2日上午", "comment": "日期"},
            // The byline in the half-width parentheses the archive had.
            {"kind": "squiggly", "phrase": "(叶贤挺)", "comment": "署名"}
        ]),
    );
    let r = review::review(&bytes, id, std::slice::from_ref(&round), fonts()).unwrap();
    let by = |t: &str| r.comments.iter().find(|c| c.text == t).unwrap();
    let line = sample.articles[0]
        .headline
        .iter()
        .position(|l| l.contains("筹备进展情况"))
        .unwrap();
    let headline = Place::Headline { article: 0, line };
    let texts = bulletin::lint::texts(&sample);
    let text_of = |p: Place| texts.iter().find(|(q, _)| *q == p).unwrap().1.to_string();
    let at = |p: Place, phrase: &str| {
        let t = text_of(p);
        let start = t[..t.find(phrase).unwrap()].chars().count();
        (Some(p), start, start + phrase.chars().count())
    };
    for t in ["标题", "要目"] {
        let s = &by(t).anchor.as_ref().unwrap().spans[0];
        assert_eq!(
            (s.place, s.start, s.end),
            at(headline, "筹备进展情况"),
            "{t}"
        );
    }
    assert_eq!(
        by("要目").anchor.as_ref().unwrap().spans[0].part,
        "本期要目 第1条"
    );
    let s = &by("日期").anchor.as_ref().unwrap().spans[0];
    assert_eq!((s.place, s.start, s.end), at(block(0, 0), "4月2日上午"));
    let s = &by("署名").anchor.as_ref().unwrap().spans[0];
    assert_eq!(
        (s.place, s.start, s.end, s.text.as_str()),
        (Some(Place::Byline { article: 0 }), 0, 5, "(叶贤挺)")
    );
}

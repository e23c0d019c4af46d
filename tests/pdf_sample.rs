//! The sample issue (tests/data/issue-2020-04-245.txt, read by the layout tests' parser) laid out
//! by `layout` and exported to PDF, measured with poppler and pdfcheck.py against docs/layout.md.

#[path = "layout_common/mod.rs"]
mod layout_common;
mod pdfcheck;

use std::path::{Path, PathBuf};

use bulletin::model::Issue;
use bulletin::page::{Document, Element};
use bulletin::pdf::{self, PdfOptions};
use pdfcheck::pdfcheck;
use serde_json::{json, Value};

fn sample() -> (tempfile::TempDir, Document, PathBuf) {
    let fonts = layout_common::fonts();
    let issue = layout_common::sample_issue();
    let doc = bulletin::layout::layout(&issue, fonts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.pdf");
    pdf::write(&doc, fonts, &PdfOptions::default(), &path).unwrap();
    (dir, doc, path)
}

fn near(v: &Value, want: f64, tol: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() <= tol)
}

#[test]
fn sample_pdf_meets_every_figure_of_the_spec() {
    let (dir, doc, path) = sample();
    let r = assert_meets_spec(&layout_common::sample_issue(), &doc, &path, dir.path());
    // The sample has pages of body text only: they fill all 22 lines of the grid.
    assert_eq!(r["body_lines_per_page_max"], 22, "{r:#}");
    // 李校堃: the fallback face is embedded because, and only because, a glyph needs it.
    let fonts = r["fonts"].as_object().unwrap();
    assert!(
        fonts.keys().any(|k| k.ends_with("+NotoSerifCJKsc-Regular")),
        "{r:#}"
    );
}

/// Issue 4: "unseen past issues of the same bulletin do too" — every other past issue in
/// tests/data, read by the importer as an editor would, measures as docs/layout.md says.
#[test]
fn past_issues_meet_every_figure_of_the_spec() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut checked = 0;
    // tests/data/past: the formats of other years (issue 13), each with its structure by hand.
    let inputs = std::fs::read_dir(&data)
        .unwrap()
        .chain(std::fs::read_dir(data.join("past")).unwrap());
    for entry in inputs {
        let input = entry.unwrap().path();
        if input.extension().is_none_or(|e| e != "txt") || input.ends_with("issue-2020-04-245.txt")
        {
            continue;
        }
        let issue = bulletin::import::read_path(&input).unwrap();
        let fonts = layout_common::fonts();
        let doc = bulletin::layout::layout(&issue, fonts).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issue.pdf");
        pdf::write(&doc, fonts, &PdfOptions::default(), &path).unwrap();
        eprintln!("{}: {} pages", input.display(), doc.pages.len());
        assert_meets_spec(&issue, &doc, &path, dir.path());
        checked += 1;
    }
    assert!(
        checked >= 12,
        "only {checked} past issues in {}",
        data.display()
    );
}

/// Measures `pdf` (the export of `doc`, laid out from `issue`) with pdfcheck.py and asserts every
/// figure of docs/layout.md; returns the report.
fn assert_meets_spec(issue: &Issue, doc: &Document, pdf: &Path, scratch: &Path) -> Value {
    let source = scratch.join("source.txt");
    std::fs::write(&source, layout_common::expected_text(issue)).unwrap();
    let r = pdfcheck(pdf, &source);
    let show = format!(
        "{}\n{}",
        pdf.display(),
        serde_json::to_string_pretty(&r).unwrap()
    );

    assert_eq!(r["pages"], doc.pages.len(), "{show}");
    assert_eq!(r["page_mm"], json!([[210, 297]]), "{show}");
    let fonts = r["fonts"].as_object().unwrap();
    assert!(
        fonts
            .values()
            .all(|f| f["embedded"] == true && f["subset"] == true),
        "{show}"
    );
    assert_eq!(r["notdef_glyphs"], json!({}), "{show}");
    assert_eq!(
        r["red_chars"],
        issue.masthead.name.chars().count(),
        "{show}"
    );
    assert!(r["red_rules"].as_u64().unwrap() >= 1, "{show}");
    assert_eq!(r["body_size_pt"], 16.0, "{show}");
    assert_eq!(r["body_protruding_lines"], 0, "{show}");
    assert!(near(&r["body_left_mm"], 28.0, 0.3), "{show}");
    assert!(near(&r["body_right_margin_mm"], 26.0, 0.3), "{show}");
    assert!(near(&r["body_line_pitch_pt"], 28.99, 0.05), "{show}");
    // A page with a headline or heading holds fewer 16 pt lines; none holds more than the grid.
    assert!(
        r["body_lines_per_page_max"].as_u64().unwrap() <= 22,
        "{show}"
    );
    // 28 characters a full line. On a short issue of two-line paragraphs the first lines,
    // indented 2 characters (26 left), can be the most common full line.
    let mode = r["full_line_han_chars_mode"].as_u64().unwrap();
    if r["full_lines"].as_u64().unwrap() >= 30 {
        assert_eq!(mode, 28, "{show}");
    } else {
        assert!(mode == 28 || mode == 26, "{show}");
    }
    assert_eq!(r["kinsoku_start_violations"], 0, "{show}");
    assert_eq!(r["kinsoku_end_violations"], 0, "{show}");
    assert_eq!(r["page_numbers_ok"], true, "{show}");
    for (i, p) in r["page_numbers"].as_array().unwrap().iter().enumerate() {
        let side = if i % 2 == 0 { "right" } else { "left" };
        assert_eq!(p, &json!([i + 1, side]), "{show}");
    }
    assert_eq!(r["missing_chars"], 0, "{show}");
    // What a proofreader marks (docs/layout.md §4.1, §8.2, §8.3): no 孤字, no name cut in two,
    // no headline broken inside quotes or a word (the editor's breaks in tests/data are all
    // between words, so every break counts).
    assert_eq!(r["single_char_last_lines"], 0, "{show}");
    assert_eq!(r["split_parentheticals"], 0, "{show}");
    assert_eq!(r["headline_breaks_in_quotes"], 0, "{show}");
    assert_eq!(r["headline_breaks_in_words"], 0, "{show}");
    // The page numbers are on the page and not in the source; so are the TOC entries, which
    // repeat the headlines.
    let numbers: usize = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| matches!(l.element, Element::PageNumber | Element::TocEntry))
        .map(|l| l.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    let toc_in_source: usize = issue
        .toc()
        .iter()
        .map(|e| e.chars().filter(|c| !c.is_whitespace()).count() + 1)
        .sum();
    assert_eq!(
        r["extra_chars"].as_u64().unwrap() as usize,
        numbers - toc_in_source,
        "{show}"
    );
    r
}

#[test]
fn sample_exports_the_same_bytes_every_time() {
    let fonts = layout_common::fonts();
    let doc = bulletin::layout::layout(&layout_common::sample_issue(), fonts).unwrap();
    let a = pdf::render(&doc, fonts, &PdfOptions::default()).unwrap();
    let b = pdf::render(&doc, fonts, &PdfOptions::default()).unwrap();
    assert!(a == b);
}

/// Spec (issue 4): the sample's PDF is at most 200 KB. Not met: the FandolFang subset alone is
/// ≈ 325 KB deflated (its outlines average ≈ 590 bytes a glyph and the sample uses 701 distinct
/// body characters); see the README's PDF section and `docs/size-study/`.
#[test]
#[ignore = "Fandol's outlines are too large for 200 KB; see README (PDF size)"]
fn sample_pdf_is_at_most_200_kb() {
    let (_dir, _doc, path) = sample();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size <= 200 * 1024, "{size} bytes");
}

//! Measures exported PDFs the way a reviewer with a ruler would (tests/tools/pdfcheck.py, a copy
//! of ../shared/tools/pdfcheck.py, on PyMuPDF in the venv that scripts/pdfcheck-env.sh makes).

mod pdf_fixture;
mod pdfcheck;

use bulletin::fonts::FontBook;
use bulletin::pdf::{self, PdfOptions};
use pdf_fixture::*;
use pdfcheck::pdfcheck;
use serde_json::Value;

fn near(v: &Value, want: f64, tol: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() <= tol)
}

#[test]
fn a_hand_laid_grid_page_measures_as_the_spec_says() {
    let fonts = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
    let doc = document(fonts);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.pdf");
    pdf::write(&doc, fonts, &PdfOptions::default(), &path).unwrap();
    let source = dir.path().join("source.txt");
    let text: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.element != bulletin::page::Element::PageNumber)
        .map(|l| l.text())
        .collect();
    std::fs::write(&source, text.join("\n")).unwrap();

    let r = pdfcheck(&path, &source);
    let show = serde_json::to_string_pretty(&r).unwrap();
    assert_eq!(r["pages"], 2, "{show}");
    assert_eq!(r["page_mm"], serde_json::json!([[210, 297]]), "{show}");
    let fonts = r["fonts"].as_object().unwrap();
    assert_eq!(fonts.len(), 6, "{show}");
    assert!(
        fonts
            .values()
            .all(|f| f["embedded"] == true && f["subset"] == true),
        "{show}"
    );
    assert_eq!(r["notdef_glyphs"], serde_json::json!({}), "{show}");
    assert_eq!(r["red_chars"], "温州科协信息".chars().count(), "{show}");
    assert_eq!(r["red_rules"], 1, "{show}");
    assert_eq!(r["body_size_pt"], 16.0, "{show}");
    assert_eq!(r["body_protruding_lines"], 0, "{show}");
    // Margins ±0.3 mm, 28.99 pt pitch, 28 characters a full line (docs/layout.md §1).
    assert!(near(&r["body_left_mm"], 28.0, 0.3), "{show}");
    assert!(near(&r["body_right_margin_mm"], 26.0, 0.3), "{show}");
    assert!(near(&r["body_line_pitch_pt"], 28.99, 0.05), "{show}");
    assert_eq!(r["full_line_han_chars_mode"], 28, "{show}");
    assert_eq!(r["kinsoku_start_violations"], 0, "{show}");
    assert_eq!(r["kinsoku_end_violations"], 0, "{show}");
    assert_eq!(
        r["page_numbers"],
        serde_json::json!([[1, "right"], [2, "left"]]),
        "{show}"
    );
    assert_eq!(r["missing_chars"], 0, "{show}");
    // Only the page numbers are on the page and not in the source.
    let numbers = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.element == bulletin::page::Element::PageNumber)
        .flat_map(|l| l.text().chars().collect::<Vec<_>>())
        .filter(|c| !c.is_whitespace())
        .count();
    assert_eq!(r["extra_chars"], numbers, "{show}");
}

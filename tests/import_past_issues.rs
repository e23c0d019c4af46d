//! Past issues in the formats the bulletin has used over the years (tests/data/past): each imports
//! to the structure written out by hand beside it (NAME.json: the issue in the interchange format,
//! and the warnings as [line, kind]), compared field by field; each is rendered to PDF and DOCX
//! by `bulletin render`. One of them is also read from a Word document LibreOffice made of it.

mod docx_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::import::{self, Parsed};
use bulletin::model::Issue;
use serde_json::Value;

fn past() -> PathBuf {
    docx_support::root().join("tests/data/past")
}

/// The past issues (text files), sorted.
fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(past())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn at_least_eight_past_issues() {
    let files = inputs();
    assert!(files.len() >= 8, "{files:?}");
    for f in &files {
        assert!(
            f.with_extension("json").is_file(),
            "{}: no expectation",
            f.display()
        );
    }
}

/// The hand-written expectation beside `input`: the issue and the warnings as (line, kind).
fn expected(input: &Path) -> (Issue, Vec<(usize, String)>) {
    let text = std::fs::read_to_string(input.with_extension("json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let issue = bulletin::json::from_str(&v["issue"].to_string())
        .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    let warnings = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w[0].as_u64().unwrap() as usize,
                w[1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (issue, warnings)
}

/// The warnings as (line, kind), kind as in the report's JSON.
fn warnings(parsed: &Parsed) -> Vec<(usize, String)> {
    parsed
        .warnings
        .iter()
        .map(|w| {
            let v = serde_json::to_value(w).unwrap();
            (w.line, v["kind"]["kind"].as_str().unwrap().to_owned())
        })
        .collect()
}

/// Field by field, so a failure names the field.
fn assert_same(got: &Issue, want: &Issue, file: &str) {
    assert_eq!(got.masthead, want.masthead, "{file}: masthead");
    assert_eq!(
        got.articles.len(),
        want.articles.len(),
        "{file}: articles {:#?}",
        got.articles
    );
    for (i, (g, w)) in got.articles.iter().zip(&want.articles).enumerate() {
        let at = format!("{file}: article {}", i + 1);
        assert_eq!(g.headline, w.headline, "{at} headline");
        assert_eq!(g.toc_text, w.toc_text, "{at} toc_text");
        assert_eq!(
            g.blocks.len(),
            w.blocks.len(),
            "{at} blocks {:#?}",
            g.blocks
        );
        for (j, (gb, wb)) in g.blocks.iter().zip(&w.blocks).enumerate() {
            assert_eq!(gb, wb, "{at} block {}", j + 1);
        }
        assert_eq!(g.byline, w.byline, "{at} byline");
        assert_eq!(g.byline_parens, w.byline_parens, "{at} byline parentheses");
    }
    assert_eq!(
        got.briefs.len(),
        want.briefs.len(),
        "{file}: briefs {:#?}",
        got.briefs
    );
    for (i, (g, w)) in got.briefs.iter().zip(&want.briefs).enumerate() {
        let at = format!("{file}: brief {}", i + 1);
        assert_eq!(g.date_text, w.date_text, "{at} date");
        assert_eq!(g.text, w.text, "{at} text");
        assert_eq!(g.source, w.source, "{at} source");
        assert_eq!(g.source_parens, w.source_parens, "{at} source parentheses");
        assert_eq!(g.style, w.style, "{at} style");
    }
    assert_eq!(got.closing, want.closing, "{file}: closing");
    assert_eq!(got, want, "{file}");
}

#[test]
fn every_past_issue_imports_to_its_hand_written_structure() {
    for input in inputs() {
        let file = input.file_name().unwrap().to_string_lossy().into_owned();
        let parsed = import::read_path_report(&input).unwrap_or_else(|e| panic!("{file}: {e}"));
        let (issue, want_warnings) = expected(&input);
        assert_same(&parsed.issue, &issue, &file);
        assert_eq!(
            warnings(&parsed),
            want_warnings,
            "{file}: warnings {:#?}",
            parsed
                .warnings
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_word_document_of_a_past_issue_reads_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = past().join("issue-2022-06-271-title-briefs.txt");
    let docx = docx_support::libreoffice_convert(
        &input,
        &["--infilter=Text (encoded):UTF8,,,"],
        "docx",
        dir.path(),
    );
    let parsed = import::read_path_report(&docx).unwrap();
    let (issue, _) = expected(&input);
    assert_same(&parsed.issue, &issue, "issue-2022-06-271-title-briefs.docx");
}

#[test]
fn every_past_issue_renders_to_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    for input in inputs() {
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = dir.path().join(format!("{stem}.pdf"));
        let docx = dir.path().join(format!("{stem}.docx"));
        let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .arg("render")
            .arg(&input)
            .arg("--pdf")
            .arg(&pdf)
            .arg("--docx")
            .arg(&docx)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"), "{stem}");
        // Our DOCX reads back to the same issue: every field survives the Word round trip. Its
        // headlines carry the lines our PDF sets them in (docs/layout.md §4.1).
        // (A break inside a headline's paragraph reads back as a clause space, where layout
        // breaks it again: so both sides are compared as layout sets them.)
        let (issue, _) = expected(&input);
        let fonts = bulletin::fonts::FontBook::global().unwrap();
        let issue = bulletin::layout::with_headline_breaks(&issue, fonts);
        let back = import::read_path(&docx).unwrap_or_else(|e| panic!("{stem}.docx: {e}"));
        let back = bulletin::layout::with_headline_breaks(&back, fonts);
        assert_same(&back, &issue, &format!("{stem}.docx"));
    }
}

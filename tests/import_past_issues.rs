//! Past issues in the formats the bulletin has used over the years (tests/data/past): each imports
//! to the structure written out by hand beside it (NAME.json: the issue in the interchange format,
//! and the warnings as [line, kind]), compared field by field; each is rendered to PDF and DOCX
//! by `bulletin render`. One of them is also read from a Word document LibreOffice made of it.

mod docx_support;
mod past_support;

use std::process::Command;

use bulletin::import;
use past_support::{assert_same, expected, inputs, past, warnings};

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

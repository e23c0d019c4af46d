//! The proof stamp 「校样 第N次 日期」: on every page of a proof's PDF, in the top margin, red;
//! never on the final PDF.

use std::path::Path;
use std::process::Command;

use bulletin::fonts::FontBook;
use bulletin::layout::{layout, layout_with, Options};
use bulletin::page::{Element, Rgb};
use bulletin::units::Mm;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/issue-2020-04-245.txt"
);

fn sample() -> bulletin::model::Issue {
    bulletin::import::read_path(Path::new(SAMPLE)).expect("the sample imports")
}

#[test]
fn stamp_is_on_every_page_in_the_top_margin_and_only_when_asked() {
    let fonts = FontBook::global().unwrap();
    let issue = sample();
    let plain = layout(&issue, fonts).unwrap();
    assert!(plain
        .pages
        .iter()
        .all(|p| p.lines.iter().all(|l| l.element != Element::Stamp)));

    let options = Options {
        stamp: Some("校样 第2次 2020-04-28".into()),
        ..Options::default()
    };
    let proof = layout_with(&issue, fonts, &options).unwrap();
    assert_eq!(
        proof.pages.len(),
        plain.pages.len(),
        "the stamp moves nothing"
    );
    let top_margin = Mm(37.0).to_pt().0;
    let right_edge = Mm(210.0 - 26.0).to_pt().0;
    for page in &proof.pages {
        let stamps: Vec<_> = page
            .lines
            .iter()
            .filter(|l| l.element == Element::Stamp)
            .collect();
        assert_eq!(stamps.len(), 1, "page {}", page.number);
        let s = stamps[0];
        assert_eq!(s.text(), "校样 第2次 2020-04-28");
        assert_eq!(s.color, Rgb::RED);
        assert!(
            s.baseline.0 < top_margin - s.size.0,
            "inside the top margin"
        );
        let last = s.glyphs.last().unwrap();
        let end = last.x.0 + fonts.advance_em(last.face, last.ch) * s.size.0;
        assert!(
            (end - right_edge).abs() < 0.5,
            "right-aligned with the text block: {end}"
        );
        // Everything else is where the final PDF has it.
        let others: Vec<_> = page
            .lines
            .iter()
            .filter(|l| l.element != Element::Stamp)
            .collect();
        let plain_page = &plain.pages[page.number as usize - 1];
        assert_eq!(others.len(), plain_page.lines.len());
    }
}

#[test]
fn bulletin_proof_writes_a_stamped_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let id = run(&["import", SAMPLE])
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let pdf = dir.path().join("proof.pdf");
    run(&[
        "proof",
        &id,
        "--note",
        "初校",
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    // pdftotext shows the quarter-em spacing between Han and digits as spaces.
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let stamp = format!("校样第1次{today}");
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(pages >= 10, "{pages}");
    assert_eq!(
        squash(&text).matches(&stamp).count(),
        pages,
        "one stamp a page"
    );

    // The final export has none.
    let final_pdf = dir.path().join("final.pdf");
    run(&["export", &id, "--pdf", final_pdf.to_str().unwrap()]);
    let out = Command::new("pdftotext")
        .arg(&final_pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("校样"));
}

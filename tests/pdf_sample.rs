//! The sample issue (tests/data/issue-2020-04-245.txt) laid out by `layout` and exported to PDF,
//! measured with poppler and pdfcheck.py against the spec.

#[path = "layout_common/mod.rs"]
mod layout_common;

use std::path::Path;
use std::process::Command;

use bulletin::pdf::{self, PdfOptions};
use serde_json::Value;

fn pdfcheck(pdf: &Path, source: &Path) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let env = Command::new(root.join("scripts/pdfcheck-env.sh"))
        .output()
        .expect("scripts/pdfcheck-env.sh (needs python3-venv)");
    assert!(env.status.success(), "{}", String::from_utf8_lossy(&env.stderr));
    let python = String::from_utf8(env.stdout).unwrap().trim().to_string();
    let out = Command::new(python)
        .arg(root.join("tests/tools/pdfcheck.py"))
        .arg(pdf)
        .arg("--source")
        .arg(source)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sample_pdf_meets_the_spec_figures() {
    let fonts = layout_common::fonts();
    let issue = layout_common::sample_issue();
    let doc = bulletin::layout::layout(&issue, fonts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.pdf");
    pdf::write(&doc, fonts, &PdfOptions::default(), &path).unwrap();
    std::fs::copy(&path, "/tmp/sample.pdf").ok();
    let r = pdfcheck(&path, Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/issue-2020-04-245.txt")));
    println!("{}", serde_json::to_string_pretty(&r).unwrap());
    println!("size {}", std::fs::metadata(&path).unwrap().len());
}

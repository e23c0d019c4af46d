//! The archive's texts come out of PDFs. Here each test issue is printed to PDF by LibreOffice and
//! extracted again by poppler's pdftotext — real page breaks (form feeds), lines wrapped at the page
//! width, blank lines gone, spaces around digits — and must import to the same structure as the text
//! it was printed from. Needs `soffice` and `pdftotext` (scripts/install-system-packages.sh).
//!
//! Where a printed line happens to end with 「。」, the extracted text cannot tell whether the
//! paragraph ends there, so paragraphs are compared as each article's running text.

use std::path::Path;
use std::process::Command;

use bulletin::import::{encoding, read_path};
use bulletin::model::{BlockKind, Issue};

const ISSUES: [&str; 5] = [
    "issue-2018-06-218-no-toc",
    "issue-2019-12-237",
    "issue-2020-01-242-bom",
    "issue-2020-04-245",
    "issue-2021-01-254-gbk",
];

/// What survives printing and extraction: everything but where paragraphs end.
fn structure(issue: &Issue) -> String {
    let mut s = format!("{:?}\n", issue.masthead);
    for a in &issue.articles {
        s += &format!(
            "headline {:?} toc {:?} byline {:?}\n",
            a.headline, a.toc_text, a.byline
        );
        let mut running = String::new();
        for b in &a.blocks {
            if b.kind == BlockKind::Paragraph {
                running.push_str(&b.text);
            } else {
                s += &format!("  {:?} {}\n", b.kind, b.text);
            }
        }
        s += &format!("  text {running}\n");
    }
    for b in &issue.briefs {
        s += &format!("brief {b:?}\n");
    }
    s + &format!("{:?}\n", issue.closing)
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("cannot run {cmd:?} ({e}); run scripts/install-system-packages.sh")
    });
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn issues_printed_to_pdf_and_extracted_import_to_the_same_structure() {
    let dir = tempfile::tempdir().unwrap();
    // LibreOffice reads UTF-8 text; the GBK issue is decoded first.
    let mut texts = Vec::new();
    for name in ISSUES {
        let bytes = std::fs::read(format!("tests/data/{name}.txt")).unwrap();
        let text = encoding::decode(&bytes).unwrap().text.replace("\r\n", "\n");
        let path = dir.path().join(format!("{name}.txt"));
        std::fs::write(&path, text).unwrap();
        texts.push(path);
    }
    // A profile of its own, so LibreOffice runs beside other tests' instances.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    run(Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .args(&texts));
    // pdftotext's three modes: reading order (default), content-stream order, physical layout.
    let modes = ["", "-raw", "-layout"];
    for (name, mode) in ISSUES.iter().flat_map(|n| modes.map(|m| (n, m))) {
        let pdf = dir.path().join(format!("{name}.pdf"));
        let extracted = dir.path().join(format!("{name}{mode}.txt"));
        let mut cmd = Command::new("pdftotext");
        if !mode.is_empty() {
            cmd.arg(mode);
        }
        run(cmd.arg(&pdf).arg(&extracted));
        let extracted_text = std::fs::read_to_string(&extracted).unwrap();
        assert!(
            extracted_text.contains('\x0c'),
            "{name}: no page break in the extracted text"
        );
        let want = read_path(Path::new(&format!("tests/data/{name}.txt"))).unwrap();
        let got = read_path(&extracted)
            .unwrap_or_else(|e| panic!("{name} {mode}: {e}\n{extracted_text}"));
        assert_eq!(
            structure(&got),
            structure(&want),
            "{name}:\n{extracted_text}"
        );
    }
}

//! The exported DOCX read by real clients: LibreOffice converts it to PDF (with the bundled fonts
//! standing in for the office fonts, tests/fontconfig/fonts.conf), poppler reads that PDF back,
//! and python-docx checks the styles, grid, footers and properties. Set-up:
//! `bash scripts/install-system-packages.sh && bash scripts/docx-test-env.sh`.

mod docx_support;

use std::path::Path;

use docx_support::*;

fn export(issue: &bulletin::model::Issue, dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    bulletin::docx::write(issue, &path).unwrap();
    path
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn python_docx_finds_every_style_and_setting() {
    let dir = tempfile::tempdir().unwrap();
    let docx = export(&sample_with_closing(), dir.path(), "sample.docx");
    let script = root().join("tests/docx_support/check_docx.py");
    let out = python_docx(
        &std::fs::read_to_string(&script).unwrap(),
        &[docx.as_path()],
    );
    assert!(out.contains("all checks passed"), "{out}");
}

#[test]
fn libreoffice_lays_out_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let docx = export(&sample_with_closing(), dir.path(), "sample.docx");
    let pdf = libreoffice_pdf(&docx, dir.path());
    let info = pdfinfo(&pdf);
    assert!(
        info.contains("Page size:       595.3") && info.contains("x 841.89"),
        "{info}"
    );
    assert!(
        info.contains("温州科协信息 2020年第4期（总第245期）"),
        "title: {info}"
    );
    let pages = page_count(&pdf);
    eprintln!("LibreOffice: the sample's DOCX has {pages} pages");

    // Every headline line, paragraph and brief is there, in order (page numbers taken out).
    let text: String = (1..=pages)
        .map(|p| squash(&pdftotext(&pdf, Some(p))).replace(&format!("—{p}—"), ""))
        .collect();
    let issue = sample_with_closing();
    let mut at = 0;
    let mut expect = vec!["温州科协信息".to_string(), "本期要目".into()];
    for a in &issue.articles {
        expect.extend(a.headline.iter().cloned());
        expect.extend(a.blocks.iter().map(|b| b.text.clone()));
    }
    expect.push("简讯".into());
    expect.extend(issue.briefs.iter().map(|b| b.paragraph_text()));
    expect.extend(["报：省科协".into(), "（共印80份）".into()]);
    for e in expect {
        let e = squash(&e);
        let found = text[at..]
            .find(&e)
            .unwrap_or_else(|| panic!("not found in LibreOffice's PDF after byte {at}: {e}"));
        at += found + e.len();
    }

    // Every page carries its number, at the right on odd pages and at the left on even ones.
    for page in 1..=pages {
        let (w, h, px) = render_page(&pdf, page, 40, dir.path());
        let t = pdftotext(&pdf, Some(page));
        assert!(
            t.contains(&format!("— {page} —")) || squash(&t).contains(&format!("—{page}—")),
            "page {page}: {t}"
        );
        // The page number is the only ink in the bottom margin: find its horizontal extent.
        let (top, bottom) = (h * 262 / 297, h * 280 / 297);
        let mut xs = Vec::new();
        for y in top..bottom {
            for x in 0..w {
                let i = (y * w + x) * 3;
                if px[i] < 128 && px[i + 1] < 128 && px[i + 2] < 128 {
                    xs.push(x);
                }
            }
        }
        assert!(
            !xs.is_empty(),
            "page {page}: no page number below the text block"
        );
        let (min, max) = (*xs.iter().min().unwrap(), *xs.iter().max().unwrap());
        if page % 2 == 1 {
            assert!(
                min > w / 2,
                "page {page} (odd): number at the right, found x {min}..{max} of {w}"
            );
        } else {
            assert!(
                max < w / 2,
                "page {page} (even): number at the left, found x {min}..{max} of {w}"
            );
        }
    }

    // The masthead name is red, and the red rule spans the text block below it.
    let (w, h, px) = render_page(&pdf, 1, 50, dir.path());
    let red = |x: usize, y: usize| {
        let i = (y * w + x) * 3;
        px[i] > 200 && px[i + 1] < 90 && px[i + 2] < 90
    };
    let name_band = (h * 37 / 297)..(h * 60 / 297);
    let red_in_name = name_band
        .clone()
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| red(x, y))
        .count();
    assert!(
        red_in_name > 500,
        "the bulletin name is not red ({red_in_name} red pixels)"
    );
    let rule_row = (h * 60 / 297..h * 110 / 297).find(|&y| {
        let n = (0..w).filter(|&x| red(x, y)).count();
        n > w * 60 / 100 * 156 / 210
    });
    assert!(
        rule_row.is_some(),
        "no red rule across the text block on page 1"
    );
}

#[test]
fn libreoffice_converts_empty_and_extreme_issues() {
    let dir = tempfile::tempdir().unwrap();
    let empty = export(&empty_issue(), dir.path(), "empty.docx");
    let pdf = libreoffice_pdf(&empty, dir.path());
    assert_eq!(page_count(&pdf), 1);
    assert!(squash(&pdftotext(&pdf, None)).contains("温州科协信息"));

    let stress = export(&stress_issue(), dir.path(), "stress.docx");
    let pdf = libreoffice_pdf(&stress, dir.path());
    let text = squash(&pdftotext(&pdf, None));
    assert!(page_count(&pdf) > 10, "300 briefs take many pages");
    for needle in [
        "第299条简讯",
        "第五行李校堃",
        "很长的段落很长的段落",
        "（共印80份）",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the stress issue's PDF"
        );
    }
}

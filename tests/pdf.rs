//! The PDF backend, read back with poppler (pdfinfo, pdffonts, pdftotext): what a reviewer's
//! reader sees, not what we think we wrote.

mod pdf_fixture;

use std::path::Path;
use std::process::Command;

use bulletin::fonts::{FaceId, FontBook, FontRole};
use bulletin::page::{Element, Glyph, Rgb};
use bulletin::pdf::{self, PdfError, PdfOptions};
use bulletin::units::Pt;
use pdf_fixture::*;

fn fonts() -> &'static FontBook {
    FontBook::global().expect("fonts in assets/fonts (scripts/fetch-fonts.sh)")
}

fn tool(name: &str, args: &[&str], file: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(file)
        .args(if name == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{name} (poppler-utils, scripts/install-system-packages.sh): {e}")
        });
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn exported(doc: &bulletin::page::Document) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("第4期.pdf");
    pdf::write(doc, fonts(), &PdfOptions::default(), &path).unwrap();
    (dir, path)
}

#[test]
fn pages_are_a4_with_title_author_and_the_issue_date() {
    let (_d, path) = exported(&document(fonts()));
    let info = tool("pdfinfo", &["-isodates"], &path);
    let field = |k: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}:")).map(str::trim))
            .unwrap_or_else(|| panic!("no {k} in\n{info}"))
            .to_string()
    };
    assert_eq!(field("Pages"), "2");
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    assert_eq!(field("Title"), TITLE);
    assert_eq!(field("Author"), AUTHOR);
    assert_eq!(field("CreationDate"), "2020-04-30T00:00:00Z");
    assert_eq!(field("ModDate"), "2020-04-30T00:00:00Z");
    // Nothing claims a conformance the file does not have (printpdf's empty PDF/X key).
    assert!(!info.contains("PDF/X"), "{info}");
    for n in 1..=2 {
        let p = tool(
            "pdfinfo",
            &["-f", &n.to_string(), "-l", &n.to_string(), "-box"],
            &path,
        );
        let media = format!("Page {n:4} MediaBox:      0.00     0.00   595.28   841.89");
        assert!(p.contains(&media), "{p}");
    }
}

#[test]
fn every_font_is_an_embedded_subset_with_a_unicode_map() {
    let (_d, path) = exported(&document(fonts()));
    let table = tool("pdffonts", &[], &path);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    let mut names: Vec<&str> = rows
        .iter()
        .map(|r| {
            let cols: Vec<&str> = r.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(
                &cols[n - 5..n - 2],
                ["yes", "yes", "yes"],
                "emb sub uni: {r}"
            );
            let (tag, name) = cols[0].split_once('+').expect("subset tag");
            assert!(
                tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
                "{r}"
            );
            name
        })
        .collect();
    names.sort();
    // The fixture uses every role and 堃, which only the Noto fallback has.
    assert_eq!(
        names,
        [
            "FandolFang-Regular",
            "FandolHei-Regular",
            "FandolKai-Regular",
            "FandolSong-Bold",
            "FandolSong-Regular",
            "NotoSerifCJKsc-Regular"
        ]
    );
}

#[test]
fn only_the_faces_a_document_uses_are_embedded() {
    let f = fonts();
    let mut doc = document(f);
    // Keep only body lines without 堃: one face, no fallback.
    for p in &mut doc.pages {
        p.lines
            .retain(|l| l.element == Element::Body && !l.text().contains('堃'));
    }
    let (_d, path) = exported(&doc);
    let table = tool("pdffonts", &[], &path);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{table}");
    assert!(rows[0].contains("+FandolFang-Regular"), "{table}");
}

#[test]
fn text_reads_back_line_by_line_in_reading_order_without_stray_spaces() {
    let f = fonts();
    let doc = document(f);
    let (_d, path) = exported(&doc);
    let text = tool("pdftotext", &[], &path);
    let got: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains('\u{c}'))
        .collect();
    for (i, body) in BODY.iter().enumerate() {
        assert!(
            got.contains(body),
            "body line {i} «{body}» not read back as one line:\n{text}"
        );
    }
    // Reading order: every line of the document appears after the one before it.
    let flat = text.replace(char::is_whitespace, "");
    let mut from = 0;
    for page in &doc.pages {
        for line in &page.lines {
            if line.element == Element::PageNumber {
                continue;
            }
            let want: String = line.text().replace(char::is_whitespace, "");
            let at = flat[from..]
                .find(&want)
                .unwrap_or_else(|| panic!("«{want}» missing or out of order in\n{text}"));
            from += at + want.len();
        }
    }
}

/// Words from `pdftotext -bbox`: (page, xMin, yMin, xMax, yMax, text).
fn words(path: &Path) -> Vec<(usize, f32, f32, f32, f32, String)> {
    let html = tool("pdftotext", &["-bbox"], path);
    let mut page = 0;
    let mut out = Vec::new();
    for l in html.lines() {
        if l.contains("<page ") {
            page += 1;
        }
        if let Some(rest) = l.trim().strip_prefix("<word ") {
            let num = |k: &str| -> f32 {
                let s = &rest[rest.find(&format!("{k}=\"")).unwrap() + k.len() + 2..];
                s[..s.find('"').unwrap()].parse().unwrap()
            };
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</word>").unwrap()];
            out.push((
                page,
                num("xMin"),
                num("yMin"),
                num("xMax"),
                num("yMax"),
                text.to_string(),
            ));
        }
    }
    out
}

#[test]
fn glyphs_sit_exactly_where_the_layout_put_them() {
    let f = fonts();
    let doc = document(f);
    let (_d, path) = exported(&doc);
    let ws = words(&path);
    for page in &doc.pages {
        for line in &page.lines {
            if line.element == Element::PageNumber {
                continue;
            }
            let text = line.text();
            let first = &line.glyphs[0];
            let last = line.glyphs.last().unwrap();
            let w = ws
                .iter()
                .find(|w| w.0 == page.number as usize && text.starts_with(w.5.as_str()))
                .unwrap_or_else(|| panic!("«{text}» not found in {ws:?}"));
            assert!(
                (w.1 - first.x.0).abs() < 0.01,
                "«{text}» starts at {} not {}",
                w.1,
                first.x.0
            );
            // The em box of a 16 pt body line sits on its baseline (ascent 0.88 em in Fandol).
            assert!(
                w.4 > line.baseline.0 - 1.0 && w.2 < line.baseline.0,
                "«{text}»: {w:?}"
            );
            if line.element == Element::Body {
                let end = last.x.0 + f.advance_em(last.face, last.ch) * line.size.0;
                assert!(
                    (w.3 - end).abs() < 0.01,
                    "«{text}» ends at {} not {end}",
                    w.3
                );
            }
        }
    }
    // Page numbers: odd pages right, even pages left, one character (14 pt) in (docs/layout.md §7).
    let right = LEFT + MEASURE - 14.0;
    let p1: Vec<_> = ws
        .iter()
        .filter(|w| w.0 == 1 && w.2 > PAGE_H * 0.85)
        .collect();
    let p2: Vec<_> = ws
        .iter()
        .filter(|w| w.0 == 2 && w.2 > PAGE_H * 0.85)
        .collect();
    assert!((p1.last().unwrap().3 - right).abs() < 0.01, "{p1:?}");
    assert!((p2[0].1 - (LEFT + 14.0)).abs() < 0.01, "{p2:?}");
    assert_eq!(p1.iter().map(|w| w.5.as_str()).collect::<String>(), "—1—");
}

#[test]
fn squeezed_and_spread_glyphs_keep_their_x() {
    // A line whose gaps vary glyph by glyph (as docs/layout.md §8.1's squeezing and spreading make
    // them).
    let f = fonts();
    let mut doc = document(f);
    let text = "，。、温州“科协”（信息）2020年";
    let mut x = LEFT;
    doc.pages[1].lines[0].glyphs = text
        .chars()
        .enumerate()
        .map(|(i, ch)| {
            let g = Glyph {
                ch,
                face: f.resolve(FontRole::FangSong, ch).unwrap(),
                x: Pt(x),
            };
            x += f.advance_em(g.face, ch) * 16.0 + [-5.0, 0.0, 3.3, 7.25][i % 4];
            g
        })
        .collect();
    let (_d, path) = exported(&doc);
    let line = &doc.pages[1].lines[0];
    // poppler splits a line into words at wide gaps; each word must start at its glyph's x.
    let ws: Vec<_> = words(&path)
        .into_iter()
        .filter(|w| w.0 == 2 && w.2 < 140.0)
        .collect();
    let mut i = 0;
    for w in &ws {
        let n = w.5.chars().count();
        assert!(
            (w.1 - line.glyphs[i].x.0).abs() < 0.01,
            "{w:?} vs {:?}",
            line.glyphs[i]
        );
        i += n;
    }
    assert_eq!(i, text.chars().count(), "{ws:?}");
}

#[test]
fn same_document_gives_the_same_bytes_and_a_changed_one_does_not() {
    let f = fonts();
    let doc = document(f);
    let a = pdf::render(&doc, f, &PdfOptions::default()).unwrap();
    let b = pdf::render(&doc, f, &PdfOptions::default()).unwrap();
    assert!(a == b, "two renders differ");
    let mut other = doc.clone();
    other.meta.title.push('X');
    let c = pdf::render(&other, f, &PdfOptions::default()).unwrap();
    assert_ne!(a, c);
    assert!(a.len() < 200 * 1024, "{} bytes", a.len());
}

#[test]
fn red_text_and_rules_are_pure_red() {
    let f = fonts();
    let doc = document(f);
    assert_eq!(doc.pages[0].lines[0].color, Rgb::RED);
    let bytes = pdf::render(&doc, f, &PdfOptions::default()).unwrap();
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    let page = *lo.get_pages().get(&1).unwrap();
    let content = lo.get_and_decode_page_content(page).unwrap();
    let ops: Vec<(String, Vec<f32>)> = content
        .operations
        .iter()
        .map(|o| {
            (
                o.operator.clone(),
                o.operands
                    .iter()
                    .filter_map(|x| x.as_float().ok())
                    .collect(),
            )
        })
        .collect();
    assert!(
        ops.contains(&("RG".into(), vec![1.0, 0.0, 0.0])),
        "rule stroke colour"
    );
    assert!(
        ops.contains(&("rg".into(), vec![1.0, 0.0, 0.0])),
        "masthead fill colour"
    );
    assert!(ops.iter().any(|(o, _)| o == "S"), "rule stroked");
}

#[test]
fn a_character_without_a_glyph_is_an_error_that_names_it() {
    let f = fonts();
    let mut doc = document(f);
    doc.pages[1].lines[0].glyphs[3].ch = '𪚥';
    doc.pages[1].lines[0].glyphs[3].face = FaceId::NotoSerifSc;
    let err = pdf::render(&doc, f, &PdfOptions::default()).unwrap_err();
    assert!(
        matches!(err, PdfError::MissingGlyph { page: 2, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains('𪚥') && msg.contains("U+2A6A5"), "{msg}");
}

#[test]
fn writing_into_a_missing_directory_fails_cleanly() {
    let f = fonts();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/out.pdf");
    let err = pdf::write(&document(f), f, &PdfOptions::default(), &path).unwrap_err();
    assert!(err.to_string().contains("out.pdf"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

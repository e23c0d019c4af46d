//! Figures in the DOCX (docs/layout.md §11.4, issue 24): inline pictures at the PDF's size, in
//! their own centred paragraph, the caption in the style 「图片说明」; python-docx sees the inline
//! shapes and their sizes in EMU, LibreOffice converts the DOCX to a PDF with the pictures in it
//! (pdfimages), and the same issue gives the same bytes.

mod docx_support;
mod images_support;

use std::process::Command;

use bulletin::model::Issue;
use images_support::{add_figure, jpeg, jpeg_with_orientation, png_alpha, webp};

/// The sample with a 3 : 2 JPEG at full width under article 1 (captioned), a PNG with
/// transparency at 50 % under article 2 (no caption), a WebP 4 : 3 at full width and a JPEG
/// turned by its EXIF orientation (300 × 200 stored, 200 × 300 shown) at 40 % under article 3.
fn issue() -> Issue {
    let mut issue = docx_support::sample();
    add_figure(
        &mut issue,
        0,
        &jpeg(600, 400),
        100,
        "图为峰会筹备工作专题会议现场。",
    );
    add_figure(&mut issue, 1, &png_alpha(400, 400), 50, "");
    add_figure(&mut issue, 2, &webp(400, 300), 100, "图为WebP照片。");
    add_figure(
        &mut issue,
        2,
        &jpeg_with_orientation(300, 200, 6),
        40,
        "图为竖拍的照片。",
    );
    issue
}

/// EMU of `pt` points (12 700 an inch-seventy-second).
fn emu(pt: f64) -> i64 {
    (pt * 12_700.0).round() as i64
}

#[test]
fn python_docx_sees_the_inline_pictures_at_the_layout_s_size_with_their_captions() {
    let bytes = bulletin::docx::render(&issue()).unwrap();
    assert_eq!(
        bytes,
        bulletin::docx::render(&issue()).unwrap(),
        "same bytes"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.docx");
    std::fs::write(&path, &bytes).unwrap();
    let out = docx_support::python_docx(
        r#"
import sys, docx
d = docx.Document(sys.argv[1])
for s in d.inline_shapes:
    print("shape", s.width, s.height)
for p in d.paragraphs:
    if p.style.name in ("图片", "图片说明"):
        print("para", p.style.name, p.style.paragraph_format.alignment, p.text, len(p._p.xpath(".//pic:pic")))
for r in d.part.rels.values():
    if "image" in r.reltype:
        print("media", r.target_part.partname, r.target_part.content_type)
"#,
        &[&path],
    );
    let shapes: Vec<(i64, i64)> = out
        .lines()
        .filter_map(|l| l.strip_prefix("shape "))
        .map(|l| {
            let (w, h) = l.split_once(' ').unwrap();
            (w.parse().unwrap(), h.parse().unwrap())
        })
        .collect();
    // Grid lines of 225 mm / 22 = 28.99 pt; n lines hold a picture n × 28.99 − 12.99 pt tall
    // (docs/layout.md §11.1). The measure is 156 mm = 442.2 pt.
    let pitch = 225.0 / 25.4 * 72.0 / 22.0;
    let lines = |n: f64| n * pitch - (pitch - 16.0);
    let measure = 156.0 / 25.4 * 72.0;
    // 3 : 2 at full width: 294.8 pt natural → 10 lines.
    let h1 = lines(10.0);
    // 1 : 1 at 50 %: 221.1 pt natural → 8 lines (218.9 pt).
    let h2 = lines(8.0);
    // 4 : 3 at full width: 331.7 pt natural → 11 lines.
    let h3 = lines(11.0);
    // 2 : 3 (turned) at 40 %: 176.9 pt wide, 265.3 pt natural → 9 lines (247.9 pt).
    let h4 = lines(9.0);
    assert!(measure * 0.4 * 1.5 > h4 && measure * 0.4 * 1.5 < lines(10.0));
    let want = [
        (emu(h1 * 1.5), emu(h1)),
        (emu(h2), emu(h2)),
        (emu(h3 * 4.0 / 3.0), emu(h3)),
        (emu(h4 * 2.0 / 3.0), emu(h4)),
    ];
    assert_eq!(shapes.len(), 4, "{out}");
    for (got, want) in shapes.iter().zip(want) {
        assert!(
            (got.0 - want.0).abs() <= 200 && (got.1 - want.1).abs() <= 200,
            "{got:?} vs {want:?}\n{out}"
        );
    }
    assert!(
        out.contains("para 图片说明 CENTER (1) 图为峰会筹备工作专题会议现场。 0"),
        "{out}"
    );
    assert!(
        out.contains("para 图片说明 CENTER (1) 图为竖拍的照片。 0"),
        "{out}"
    );
    assert_eq!(out.matches("para 图片 ").count(), 4, "{out}");
    // The JPEG as a JPEG part; the WebP and the turned JPEG made portable (PNG, upright JPEG).
    assert_eq!(out.matches("image/jpeg").count(), 2, "{out}");
    assert_eq!(out.matches("image/png").count(), 2, "{out}");
}

#[test]
fn libreoffice_prints_the_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.docx");
    std::fs::write(&path, bulletin::docx::render(&issue()).unwrap()).unwrap();
    let pdf = docx_support::libreoffice_convert(&path, &[], "pdf", dir.path());
    let list = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .filter(|f: &Vec<&str>| f[2] == "image")
        .collect();
    let sizes: Vec<(u32, u32)> = rows
        .iter()
        .map(|f| (f[3].parse().unwrap(), f[4].parse().unwrap()))
        .collect();
    for want in [(600, 400), (400, 400), (400, 300), (200, 300)] {
        assert!(sizes.contains(&want), "{want:?} in\n{list}");
    }
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace([' ', '\n'], "");
    assert!(text.contains("图为峰会筹备工作专题会议现场。"), "{text}");
}

/// The parts under `word/media/` of `docx` by name.
fn media_parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/"))
        .map(str::to_owned)
        .collect();
    names
        .into_iter()
        .map(|n| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut zip.by_name(&n).unwrap(), &mut bytes).unwrap();
            (n, bytes)
        })
        .collect()
}

#[test]
fn a_photo_finer_than_300_dpi_is_carried_at_300_dpi_and_a_small_one_as_it_is() {
    let mut issue = docx_support::sample();
    let big = jpeg(3000, 2000);
    let small = jpeg(600, 400);
    let alpha = png_alpha(2000, 2000);
    let big_id = add_figure(&mut issue, 0, &big, 100, "图为大照片。");
    let small_id = add_figure(&mut issue, 1, &small, 100, "图为小照片。");
    let alpha_id = add_figure(&mut issue, 2, &alpha, 50, "");
    let bytes = bulletin::docx::render(&issue).unwrap();
    assert_eq!(bytes, bulletin::docx::render(&issue).unwrap(), "same bytes");
    let parts = media_parts(&bytes);
    let part = |id: &bulletin::images::ImageId| {
        let hex = &id.to_string()[..16];
        parts
            .iter()
            .find(|(n, _)| n.contains(hex))
            .unwrap_or_else(|| {
                panic!(
                    "{hex} in {:?}",
                    parts.iter().map(|p| &p.0).collect::<Vec<_>>()
                )
            })
    };
    // Grid lines of 225 mm / 22 (docs/layout.md §11.1): n lines hold a picture n × pitch − 12.99
    // pt tall, in mm here. 3 : 2 at full width (156 mm) is 294.8 pt natural → 10 lines, so it
    // prints 1.5 × 10 lines wide: 146.5 mm → 146.5 / 25.4 × 300 = 1730.8 px.
    let pitch_mm = 225.0 / 22.0;
    let lines_mm = |n: f64| n * pitch_mm - (pitch_mm - 16.0 / 72.0 * 25.4);
    let big_mm = lines_mm(10.0) * 1.5;
    let big_px = big_mm / 25.4 * 300.0;
    let (name, data) = part(&big_id);
    assert!(name.ends_with(".jpeg"), "{name}");
    let img = image::load_from_memory(data).unwrap();
    assert_eq!(image::guess_format(data).unwrap(), image::ImageFormat::Jpeg);
    assert!(
        (img.width() as f64 - big_px).abs() <= 1.0,
        "{} px wide, want {big_px:.1}",
        img.width()
    );
    assert!(
        (img.height() as f64 - big_px / 1.5).abs() <= 1.0,
        "{} px tall, want {:.1}",
        img.height(),
        big_px / 1.5
    );
    // 600 px over 146.5 mm is 104 dpi: the file as the editor gave it.
    assert_eq!(part(&small_id).1, small);
    // The 1 : 1 picture with transparency at 50 % (78 mm, 221.1 pt natural) → 8 lines, 77.2 mm:
    // 912 px, still a PNG with its alpha.
    let alpha_px = lines_mm(8.0) / 25.4 * 300.0;
    let (name, data) = part(&alpha_id);
    assert!(name.ends_with(".png"), "{name}");
    assert_eq!(image::guess_format(data).unwrap(), image::ImageFormat::Png);
    let img = image::load_from_memory(data).unwrap();
    assert!(img.color().has_alpha(), "{:?}", img.color());
    assert!(
        (img.width() as f64 - alpha_px).abs() <= 1.0 && img.width() == img.height(),
        "{} × {} px, want {alpha_px:.1}",
        img.width(),
        img.height()
    );
}

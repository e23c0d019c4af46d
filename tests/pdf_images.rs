//! Pictures in the PDF (docs/layout.md §11, issue 24), read back with poppler (pdfimages,
//! pdftotext), lopdf and pdfcheck: a JPEG embedded byte for byte, a 12-megapixel photo brought
//! down to 300 dpi, a PNG's transparency as a soft mask, one object for a picture placed twice,
//! the same bytes every time, the caption as text, the grid intact, the PDF/A copy sound.

mod images_support;
mod layout_common;
mod pdfcheck;

use std::process::Command;

use bulletin::images::MediaType;
use bulletin::model::Issue;
use bulletin::page::Element;
use bulletin::pdf::{self, PdfOptions};
use images_support::{add_figure, jpeg, png_alpha, webp};

/// One row of `pdfimages -list`.
#[derive(Debug)]
struct Listed {
    page: u32,
    kind: String,
    width: u32,
    height: u32,
    object: u32,
    x_ppi: u32,
    encoding: String,
}

fn pdfimages(path: &std::path::Path) -> Vec<Listed> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(path)
        .output()
        .expect("pdfimages (poppler-utils)");
    assert!(out.status.success());
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Listed {
                page: f[0].parse().unwrap(),
                kind: f[2].into(),
                width: f[3].parse().unwrap(),
                height: f[4].parse().unwrap(),
                encoding: f[8].into(),
                object: f[10].parse().unwrap(),
                x_ppi: f[12].parse().unwrap(),
            }
        })
        .collect()
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8(out.stdout).unwrap()
}

struct Photos {
    issue: Issue,
    small_jpeg: Vec<u8>,
}

/// The sample with: a 900 × 600 JPEG (full width, printed 6.1 in wide: 147 dpi, kept as is)
/// under the first article, the same JPEG again at 50 % in the second, a 4000 × 3000 photo
/// (12 MP) in the third, a transparent PNG and a WebP in the fourth.
fn photos() -> Photos {
    let mut issue = layout_common::sample_issue();
    let small_jpeg = jpeg(900, 600);
    add_figure(
        &mut issue,
        0,
        &small_jpeg,
        100,
        "图为峰会筹备工作专题会议现场。",
    );
    add_figure(&mut issue, 1, &small_jpeg, 50, "图为同一张照片，半栏宽。");
    add_figure(
        &mut issue,
        2,
        &jpeg(4000, 3000),
        100,
        "图为手机拍摄的现场照片。",
    );
    add_figure(
        &mut issue,
        3,
        &png_alpha(300, 200),
        40,
        "图为透明底的标志。",
    );
    add_figure(&mut issue, 3, &webp(320, 240), 60, "图为WebP格式的照片。");
    Photos { issue, small_jpeg }
}

fn render(issue: &Issue, archival: bool) -> Vec<u8> {
    layout_common::pdf(issue, archival)
}

#[test]
fn pictures_are_embedded_once_each_at_no_more_than_300_dpi() {
    let p = photos();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.pdf");
    let bytes = render(&p.issue, false);
    std::fs::write(&path, &bytes).unwrap();
    let list = pdfimages(&path);
    let images: Vec<&Listed> = list.iter().filter(|l| l.kind == "image").collect();
    let smasks: Vec<&Listed> = list.iter().filter(|l| l.kind == "smask").collect();
    assert_eq!(images.len(), 5, "{list:#?}");
    // The 900 × 600 JPEG twice, one object, as DCT.
    let small: Vec<_> = images.iter().filter(|l| l.width == 900).collect();
    assert_eq!(small.len(), 2, "{list:#?}");
    assert_eq!(small[0].object, small[1].object);
    assert_eq!(small[0].encoding, "jpeg");
    // Full width, 3 : 2 over the 442.2 pt measure is 294.8 pt tall; snapped down to 10 lines it
    // is 10 × 28.99 − 12.99 = 276.9 pt tall and 415.4 pt (5.77 in) wide: 900 px ≈ 156 dpi.
    assert!((154..=158).contains(&small[0].x_ppi), "{:?}", small[0]);
    // The 12 MP photo (4 : 3): 331.7 pt natural, 11 lines = 305.9 pt tall, 407.8 pt (5.66 in)
    // wide, so at 300 dpi 1700 px wide (never more than the 1843 px of the full measure).
    let big = images
        .iter()
        .find(|l| l.width > 1000 && l.width != 900)
        .unwrap_or_else(|| panic!("{list:#?}"));
    assert!((1695..=1705).contains(&big.width), "{big:?}");
    assert!(
        (i64::from(big.width) * 3 - i64::from(big.height) * 4).abs() <= 4,
        "4:3 kept: {big:?}"
    );
    assert!((290..=301).contains(&big.x_ppi), "{big:?}");
    assert_eq!(big.encoding, "jpeg");
    // The PNG with transparency: Flate with a soft mask of its size.
    let logo = images.iter().find(|l| l.width == 300).unwrap();
    assert_eq!(logo.encoding, "image");
    assert_eq!(smasks.len(), 1, "{list:#?}");
    assert_eq!((smasks[0].width, smasks[0].height), (300, 200));
    let webp = images.iter().find(|l| l.width == 320).unwrap();
    assert_eq!((webp.height, webp.encoding.as_str()), (240, "image"));
    assert!(images.iter().all(|l| l.page >= 1));
    // A 12 MP photo does not make a big file: the sample is ~0.3 MB, the photo at 300 dpi adds
    // well under 2 MB.
    assert!(bytes.len() < 3_000_000, "{}", bytes.len());
}

#[test]
fn a_jpeg_goes_in_byte_for_byte_and_the_same_input_gives_the_same_bytes() {
    let p = photos();
    let bytes = render(&p.issue, false);
    assert_eq!(bytes, render(&p.issue, false));
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    let dct: Vec<&lopdf::Stream> = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").ok().and_then(|v| v.as_name().ok()) == Some(&b"Image"[..])
                && s.dict.get(b"Filter").ok().and_then(|v| v.as_name().ok())
                    == Some(&b"DCTDecode"[..])
        })
        .collect();
    assert!(
        dct.iter().any(|s| s.content == p.small_jpeg),
        "the JPEG's own bytes"
    );
    // The photo's id names it: a different picture gives a different file and /ID.
    let mut other = p.issue.clone();
    let first = other.articles[0].blocks.pop().unwrap();
    assert!(first.figure.is_some());
    add_figure(&mut other, 0, &jpeg(901, 600), 100, &first.text);
    let changed = render(&other, false);
    assert_ne!(changed, bytes);
    let id = |b: &[u8]| {
        lopdf::Document::load_mem(b)
            .unwrap()
            .trailer
            .get(b"ID")
            .unwrap()
            .clone()
    };
    assert_ne!(id(&changed), id(&bytes));
    assert!(p
        .issue
        .images
        .iter()
        .any(|(_, i)| i.media_type == MediaType::Webp));
}

#[test]
fn the_captions_are_text_and_the_pages_keep_their_grid() {
    let p = photos();
    let fonts = layout_common::fonts();
    let doc = bulletin::layout::layout(&p.issue, fonts).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.pdf");
    pdf::write(&doc, fonts, &PdfOptions::default(), &path).unwrap();
    let text = pdftotext(&path);
    for caption in [
        "图为峰会筹备工作专题会议现场。",
        "图为手机拍摄的现场照片。",
        "图为透明底的标志。",
    ] {
        assert!(
            text.replace(' ', "").contains(caption),
            "{caption} in\n{text}"
        );
    }
    let source = dir.path().join("source.txt");
    let lines: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.element != Element::PageNumber)
        .map(|l| l.text())
        .collect();
    std::fs::write(&source, lines.join("\n")).unwrap();
    let r = pdfcheck::pdfcheck(&path, &source);
    let show = serde_json::to_string_pretty(&r).unwrap();
    assert_eq!(r["body_size_pt"], 16.0, "{show}");
    assert!(
        (r["body_line_pitch_pt"].as_f64().unwrap() - 28.99).abs() < 0.05,
        "{show}"
    );
    assert!(
        r["body_lines_per_page_max"].as_u64().unwrap() <= 22,
        "{show}"
    );
    assert_eq!(r["body_protruding_lines"], 0, "{show}");
    assert!(
        (r["body_left_mm"].as_f64().unwrap() - 28.0).abs() <= 0.3,
        "{show}"
    );
    assert_eq!(r["full_line_han_chars_mode"], 28, "{show}");
    assert_eq!(r["missing_chars"], 0, "{show}");
    assert_eq!(r["page_numbers_ok"], true, "{show}");
    assert_eq!(r["kinsoku_start_violations"], 0, "{show}");
    // Every body line (captions included) sits on a grid line: its baseline 20.57 pt below the
    // top of one of the 22 cells from 37 mm (docs/layout.md §1).
    let top = 37.0 * 72.0 / 25.4;
    let pitch = 225.0 * 72.0 / 25.4 / 22.0;
    for page in &doc.pages {
        for l in page
            .lines
            .iter()
            .filter(|l| l.size.0 == 16.0 && l.element != Element::PageNumber)
        {
            let k = (l.baseline.0 - top - 20.57) / pitch;
            assert!(
                (k - k.round()).abs() < 0.01,
                "{} off the grid: {k}",
                l.text()
            );
        }
    }
}

#[test]
fn the_pdfa_copy_with_pictures_keeps_its_claims_and_plain_image_dictionaries() {
    let p = photos();
    let bytes = render(&p.issue, true);
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    let root = lo.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let catalog = lo.get_dictionary(root).unwrap();
    assert!(catalog.get(b"OutputIntents").is_ok());
    assert!(catalog.get(b"Metadata").is_ok());
    let images: Vec<&lopdf::Dictionary> = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .map(|s| &s.dict)
        .filter(|d| d.get(b"Subtype").ok().and_then(|v| v.as_name().ok()) == Some(&b"Image"[..]))
        .collect();
    assert_eq!(images.len(), 5, "4 pictures + 1 soft mask");
    for d in images {
        // ISO 19005-2 §6.2.8: no alternates, no OPI, no interpolation; 8-bit device colour
        // (made device-independent by the sRGB output intent).
        for key in [&b"Alternates"[..], b"OPI", b"Interpolate"] {
            assert!(d.get(key).is_err());
        }
        let cs = d.get(b"ColorSpace").unwrap().as_name().unwrap();
        assert!(cs == b"DeviceRGB" || cs == b"DeviceGray");
        assert_eq!(d.get(b"BitsPerComponent").unwrap().as_i64().unwrap(), 8);
    }
}

#[test]
fn a_photo_turned_by_its_exif_orientation_is_printed_upright_as_a_jpeg() {
    let mut issue = layout_common::sample_issue();
    // Stored 300 × 200 with orientation 6: shown (and embedded) 200 × 300.
    add_figure(
        &mut issue,
        0,
        &images_support::jpeg_with_orientation(300, 200, 6),
        40,
        "图为竖拍的照片。",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("turned.pdf");
    std::fs::write(&path, render(&issue, false)).unwrap();
    let list = pdfimages(&path);
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(
        (list[0].width, list[0].height, list[0].encoding.as_str()),
        (200, 300, "jpeg")
    );
}

//! Rendering the sample with 10 photos (`cargo bench --bench figures`, issue 24): ten different
//! 3000 × 2000 JPEGs (6 MP phone photos, ~1–2 MB each) made at the start, two under each of the
//! first articles at full width. Prints layout, PDF and DOCX time and sizes, and checks the
//! target: the PDF stays under 10 MB because each photo is brought down to 300 dpi at its
//! printed size (docs/layout.md §11.4), while the sample alone is the baseline.

#[path = "../tests/layout_common/mod.rs"]
mod layout_common;

use std::io::Cursor;
use std::time::{Duration, Instant};

use bulletin::images::Image;
use bulletin::model::{Block, FigureWidth, Issue};

/// The PDF of the sample with ten photos must stay below this (the issue's 「a 12-megapixel
/// phone photo must not make a 10 MB issue」).
const PDF_TARGET_BYTES: usize = 10_000_000;

/// A 3000 × 2000 JPEG at quality 90 whose colours depend on `seed`: a photo-like gradient with
/// fine detail, so it compresses like a photo, not like a flat picture.
fn photo(seed: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(3000, 2000, |x, y| {
        let n = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(2_654_435_761))
            % 41;
        image::Rgb([
            ((x / 12 + seed * 40) % 256) as u8,
            ((y / 8 + n) % 256) as u8,
            (((x + y) / 20 + seed * 17 + n) % 256) as u8,
        ])
    });
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out.into_inner()
}

fn median(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let t = Instant::now();
    f();
    let first = t.elapsed();
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    all.sort();
    (first, all[runs / 2])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let fonts = bulletin::fonts::FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
    let sample = layout_common::sample_issue();
    let t = Instant::now();
    let photos: Vec<Vec<u8>> = (0..10).map(photo).collect();
    let total: usize = photos.iter().map(Vec::len).sum();
    println!(
        "10 photos 3000 × 2000 made in {:.0} ms, {:.1} MB of JPEG",
        ms(t.elapsed()),
        total as f64 / 1e6
    );
    let mut issue: Issue = sample.clone();
    let t = Instant::now();
    for (i, bytes) in photos.into_iter().enumerate() {
        let id = issue.images.insert(Image::from_bytes(bytes).unwrap());
        let article = i / 2 % issue.articles.len();
        let at = 1.min(issue.articles[article].blocks.len());
        issue.articles[article].blocks.insert(
            at,
            Block::figure(id, FigureWidth::FULL, format!("图为第{}张照片。", i + 1)),
        );
    }
    println!(
        "Image::from_bytes ×10 (decode, size): {:.0} ms",
        ms(t.elapsed())
    );

    let opts = bulletin::pdf::PdfOptions::default();
    for (name, issue) in [("sample", &sample), ("sample + 10 photos", &issue)] {
        let (_, layout) = median(5, || {
            std::hint::black_box(bulletin::layout::layout(issue, fonts).unwrap());
        });
        let doc = bulletin::layout::layout(issue, fonts).unwrap();
        let (first, pdf) = median(3, || {
            std::hint::black_box(bulletin::pdf::render(&doc, fonts, &opts).unwrap());
        });
        let bytes = bulletin::pdf::render(&doc, fonts, &opts).unwrap();
        let (_, docx) = median(3, || {
            std::hint::black_box(bulletin::docx::render(issue).unwrap());
        });
        let docx_bytes = bulletin::docx::render(issue).unwrap();
        println!(
            "{name}: {} pages; layout median {:.1} ms; pdf::render first {:.0} ms, median {:.0} ms, {:.2} MB; docx::render median {:.0} ms, {:.2} MB",
            doc.pages.len(),
            ms(layout),
            ms(first),
            ms(pdf),
            bytes.len() as f64 / 1e6,
            ms(docx),
            docx_bytes.len() as f64 / 1e6
        );
        if issue.images.len() == 10 {
            assert!(
                bytes.len() < PDF_TARGET_BYTES,
                "target: the PDF with 10 photos under {PDF_TARGET_BYTES} bytes, got {}",
                bytes.len()
            );
            println!("target met: PDF under {} MB", PDF_TARGET_BYTES / 1_000_000);
        }
    }
}

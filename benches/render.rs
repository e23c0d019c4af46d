//! Time to render laid-out pages to PDF and SVG (release: `cargo bench --bench render`).
//! Prints the first call in the process (what `bulletin render … --pdf` pays) and the median
//! of repeated calls (what the app pays on every export or preview).

#[path = "../tests/pdf_fixture/mod.rs"]
mod pdf_fixture;

#[path = "../tests/layout_common/mod.rs"]
mod layout_common;

use std::time::{Duration, Instant};

use bulletin::fonts::FontBook;
use bulletin::page::Document;
use bulletin::{pdf, svg};

/// (first call, median, fastest) of `runs` calls after the first. The fastest is the figure
/// least disturbed by other work on a shared machine.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Duration) {
    let t = Instant::now();
    std::hint::black_box(f());
    let first = t.elapsed();
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    all.sort();
    (first, all[runs / 2], all[0])
}

fn report(name: &str, doc: &Document, fonts: &FontBook) {
    let opts = pdf::PdfOptions::default();
    let (first, median, fastest) = time(20, || pdf::render(doc, fonts, &opts).unwrap());
    let bytes = pdf::render(doc, fonts, &opts).unwrap();
    println!(
        "{name}: pdf::render {} pages, {} bytes: first {:.2} ms, median {:.2} ms, fastest {:.2} ms",
        doc.pages.len(),
        bytes.len(),
        first.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        fastest.as_secs_f64() * 1e3
    );
    let (first, median, _) = time(20, || svg::render_document(doc, fonts));
    // (the first SVG call fills the process-wide outline cache)
    let size: usize = svg::render_document(doc, fonts)
        .iter()
        .map(String::len)
        .sum();
    println!(
        "{name}: svg::render_document {size} bytes: first {:.2} ms, median {:.2} ms",
        first.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3
    );
}

fn main() {
    let t = Instant::now();
    let fonts = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
    println!("FontBook::global {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let issue = layout_common::sample_issue();
    let (first, median, fastest) = time(20, || {
        let doc = bulletin::layout::layout(&issue, fonts).unwrap();
        pdf::render(&doc, fonts, &pdf::PdfOptions::default()).unwrap()
    });
    println!(
        "sample: layout + pdf::render: first {:.2} ms, median {:.2} ms, fastest {:.2} ms",
        first.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        fastest.as_secs_f64() * 1e3
    );
    let (_, layout_median, _) = time(20, || bulletin::layout::layout(&issue, fonts).unwrap());
    println!(
        "sample: layout alone: median {:.2} ms",
        layout_median.as_secs_f64() * 1e3
    );
    report(
        "sample",
        &bulletin::layout::layout(&issue, fonts).unwrap(),
        fonts,
    );
    report("fixture", &pdf_fixture::document(fonts), fonts);
}

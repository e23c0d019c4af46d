//! The live preview's engine side per keystroke (release: `cargo bench --bench preview`): the issue
//! laid out again, every page drawn and hashed, the changed page's drawing and any new glyph
//! outlines serialised as the webview receives them. For the demo issue and the sample ×4 (its
//! articles four times, some 40 pages); prints the median time and the bytes per one-character
//! edit, beside what the whole-SVG preview sent. And for the demo with 10 photos (issue 24): a
//! page names its pictures by id, the bytes never travel with an update.

#[path = "../tests/images_support/mod.rs"]
mod images_support;
#[path = "../tests/layout_common/mod.rs"]
mod layout_common;

use std::time::{Duration, Instant};

use bulletin::fonts::FontBook;
use bulletin::model::Issue;
use bulletin::preview::{GlyphTable, PreviewState};

const EDITS: usize = 40;

fn report(name: &str, issue: &Issue, fonts: &FontBook) {
    let mut table = GlyphTable::default();
    let mut state = PreviewState::default();
    let doc = bulletin::layout::layout(issue, fonts).unwrap();
    let first = state.update(&doc, fonts, &mut table);
    let first_bytes = serde_json::to_vec(&first).unwrap().len();
    let whole_svg: usize = bulletin::svg::render_document(&doc, fonts)
        .iter()
        .map(String::len)
        .sum();

    // Type into the first paragraph of the first article, one character at a time.
    let mut issue = issue.clone();
    let mut times: Vec<Duration> = Vec::with_capacity(EDITS);
    let mut bytes: Vec<usize> = Vec::with_capacity(EDITS);
    let mut drawn: Vec<usize> = Vec::with_capacity(EDITS);
    for i in 0..EDITS {
        let text = &mut issue.articles[0].blocks[0].text;
        let at = text.char_indices().nth(2).map_or(text.len(), |(b, _)| b);
        text.insert(at, if i % 2 == 0 { '新' } else { '闻' });
        let t = Instant::now();
        let doc = bulletin::layout::layout(&issue, fonts).unwrap();
        let update = state.update(&doc, fonts, &mut table);
        let json = serde_json::to_vec(&update).unwrap();
        times.push(t.elapsed());
        bytes.push(json.len());
        drawn.push(update.drawn());
        std::hint::black_box(json);
    }
    times.sort();
    bytes.sort();
    drawn.sort();
    println!(
        "{name}: {} pages; first update {} KB (glyph sheet {} outlines), whole-SVG preview {} KB",
        doc.pages.len(),
        first_bytes / 1024,
        table.len(),
        whole_svg / 1024
    );
    println!(
        "{name}: per keystroke: layout + hashes + changed pages: median {:.2} ms, fastest {:.2} ms; \
         sent median {:.1} KB (max {:.1} KB), pages redrawn median {} (max {})",
        times[EDITS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        bytes[EDITS / 2] as f64 / 1024.0,
        bytes[EDITS - 1] as f64 / 1024.0,
        drawn[EDITS / 2],
        drawn[EDITS - 1]
    );
}

fn main() {
    let fonts = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
    report("demo", &bulletin::demo::issue(), fonts);
    let mut photos = bulletin::demo::issue();
    for k in 0..10 {
        // Phone-photo proportions, each picture different; spread over the articles.
        let bytes = images_support::jpeg(1600 + 16 * k, 1200);
        let article = k as usize % photos.articles.len();
        images_support::add_figure(&mut photos, article, &bytes, 100, "图为活动现场");
    }
    report("demo + 10 photos", &photos, fonts);
    let mut big = layout_common::sample_issue();
    let articles = big.articles.clone();
    for _ in 0..3 {
        big.articles.extend(articles.iter().cloned());
    }
    report("sample x4", &big, fonts);
}

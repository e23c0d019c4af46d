//! Figures on the grid (docs/layout.md §11), laid out with the real fonts and measured in
//! millimetres: a picture takes whole grid lines and keeps its aspect, its caption is centred
//! under it in 楷体, a figure that does not fit waits for the next page while the text flows on,
//! a waiting figure is placed before the next article starts, a page-tall picture is scaled.

mod images_support;
mod layout_common;

use bulletin::fonts::FontRole;
use bulletin::layout::layout;
use bulletin::model::{Block, Issue};
use bulletin::page::{Document, Element, PlacedImage, TextLine};
use images_support::{add_figure, article, png};

const MM: f32 = 72.0 / 25.4;
const TOP: f32 = 37.0 * MM;
const PITCH: f32 = 225.0 * MM / 22.0;
const MEASURE: f32 = 156.0 * MM;
const CENTRE: f32 = (28.0 + 78.0) * MM;
/// A 16 pt line's baseline below the top of its cell: (28.99 − 16) / 2 + 0.88 × 16 (§1).
const BODY_BASELINE: f32 = (225.0 * MM / 22.0 - 16.0) / 2.0 + 0.88 * 16.0;

/// The grid line (0–21) a 16 pt line sits on.
fn cell(l: &TextLine) -> u32 {
    let k = (l.baseline.0 - TOP - BODY_BASELINE) / PITCH;
    assert!((k - k.round()).abs() < 0.01, "{} off the grid", l.text());
    k.round() as u32
}

/// Paragraph `i` (0-based): 26 copies of one character, exactly one first line (indent 2 + 26).
fn para(i: usize) -> String {
    let ch = char::from_u32(0x4E00 + 0x100 + i as u32 * 7).unwrap();
    std::iter::repeat_n(ch, 26).collect()
}

/// The issue with one article of `n` one-line paragraphs.
fn issue(n: usize) -> Issue {
    let mut issue = bulletin::demo::issue();
    issue.briefs.clear();
    issue.closing = Default::default();
    issue.articles = vec![article(
        "图片排版测试",
        (0..n).map(|i| Block::paragraph(para(i))).collect(),
    )];
    issue
}

/// (page index, line) of paragraph `i`'s line.
fn find(doc: &Document, i: usize) -> (usize, &TextLine) {
    let want = para(i);
    doc.pages
        .iter()
        .enumerate()
        .find_map(|(p, page)| page.lines.iter().find(|l| l.text() == want).map(|l| (p, l)))
        .unwrap_or_else(|| panic!("paragraph {i}"))
}

fn images(doc: &Document) -> Vec<(usize, PlacedImage)> {
    doc.pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| page.images.iter().map(move |i| (p, *i)))
        .collect()
}

/// The paragraph of `issue(60)` on grid line 14 of page 2 (page 2 holds one paragraph a line
/// from its top): after it 7 lines are left, too few for a 10-line picture and its caption.
fn on_line_14_of_page_2() -> usize {
    let plain = layout(&issue(60), layout_common::fonts()).unwrap();
    (0..60)
        .find(|&i| {
            let (p, l) = find(&plain, i);
            p == 1 && cell(l) == 14
        })
        .unwrap()
}

/// The figure inserted after paragraph `after`, as blocks go: the picture block moved there.
fn insert_figure(issue: &mut Issue, after: usize, w: u32, h: u32, caption: &str) {
    add_figure(issue, 0, &png(w, h), 100, caption);
    let fig = issue.articles[0].blocks.pop().unwrap();
    issue.articles[0].blocks.insert(after + 1, fig);
}

#[test]
fn a_picture_fits_whole_lines_with_its_caption_centred_under_it() {
    let plain = layout(&issue(40), layout_common::fonts()).unwrap();
    // Paragraph 0 is on page 1, its grid line read from the plain layout; the picture's 10
    // lines, the caption and paragraph 1 fit under it.
    let (p, line) = find(&plain, 0);
    let at = cell(line);
    assert!(p == 0 && at + 12 <= 21, "line {at}");
    let mut with = issue(40);
    insert_figure(&mut with, 0, 300, 200, "图为会议现场。");
    let doc = layout(&with, layout_common::fonts()).unwrap();
    let imgs = images(&doc);
    assert_eq!(imgs.len(), 1);
    let (page, img) = imgs[0];
    assert_eq!(page, 0, "it fits on page 1 after paragraph 0 (line {at})");
    // 3 : 2 at full width: 294.8 pt natural, 10 lines of 28.99 pt hold 276.9 pt.
    let height = 10.0 * PITCH - (PITCH - 16.0);
    assert!((img.height.0 - height).abs() < 0.05, "{img:?}");
    assert!((img.width.0 - height * 1.5).abs() < 0.05, "{img:?}");
    assert!(img.width.0 <= MEASURE);
    // Its top is the em-box top of the line after paragraph 0; centred across the measure.
    let top = TOP + (at + 1) as f32 * PITCH + (PITCH - 16.0) / 2.0;
    assert!((img.y.0 - top).abs() < 0.05, "{img:?} vs {top}");
    assert!((img.x.0 + img.width.0 / 2.0 - CENTRE).abs() < 0.05);
    // The caption on the next line after the picture's 10, in 楷体, centred.
    let caption = doc.pages[0]
        .lines
        .iter()
        .find(|l| l.element == Element::Caption)
        .unwrap();
    assert_eq!(caption.text(), "图为会议现场。");
    assert_eq!(caption.role, FontRole::Kai);
    assert_eq!(cell(caption), at + 11);
    let first = caption.glyphs[0].x.0;
    let last = caption.glyphs.last().unwrap().x.0 + 16.0;
    assert!(
        ((first + last) / 2.0 - CENTRE).abs() < 1.0,
        "{first} {last}"
    );
    // Paragraph 1 follows on the next line, on the grid.
    let (p4, l4) = find(&doc, 1);
    assert_eq!((p4, cell(l4)), (0, at + 12));
}

#[test]
fn a_figure_that_does_not_fit_waits_for_the_next_page_and_the_text_flows_on() {
    let k = on_line_14_of_page_2();
    let mut with = issue(60);
    insert_figure(&mut with, k, 300, 200, "图为会议现场。");
    let doc = layout(&with, layout_common::fonts()).unwrap();
    // The text after the figure fills page 2: paragraphs k+1 … k+7 on lines 15 … 21.
    for j in 1..=7 {
        let (p, l) = find(&doc, k + j);
        assert_eq!((p, cell(l)), (1, 14 + j as u32), "paragraph {}", k + j);
    }
    // The figure opens page 3: the picture on lines 0–9, the caption on 10, the text after.
    let imgs = images(&doc);
    assert_eq!(imgs.len(), 1);
    let (page, img) = imgs[0];
    assert_eq!(page, 2);
    assert!((img.y.0 - (TOP + (PITCH - 16.0) / 2.0)).abs() < 0.05);
    let caption = doc.pages[2]
        .lines
        .iter()
        .find(|l| l.element == Element::Caption)
        .unwrap();
    assert_eq!(cell(caption), 10);
    let (p, l) = find(&doc, k + 8);
    assert_eq!((p, cell(l)), (2, 11));
    // Nothing of the picture or caption is left on page 2.
    assert!(doc.pages[1].images.is_empty());
    assert!(doc.pages[1]
        .lines
        .iter()
        .all(|l| l.element != Element::Caption));
}

#[test]
fn a_waiting_figure_goes_before_the_next_article() {
    let k = on_line_14_of_page_2();
    // The article ends two paragraphs after the figure; a second article follows.
    let mut with = issue(k + 3);
    insert_figure(&mut with, k, 300, 200, "图为会议现场。");
    with.articles
        .push(article("第二篇文章", vec![Block::paragraph(para(99))]));
    let doc = layout(&with, layout_common::fonts()).unwrap();
    let (p, _) = find(&doc, k + 2);
    assert_eq!(p, 1, "the article's last text stays on page 2");
    let (page, _) = images(&doc)[0];
    assert_eq!(page, 2);
    let headline = doc.pages[2]
        .lines
        .iter()
        .find(|l| l.element == Element::Headline)
        .expect("the next article starts on page 3, after the figure");
    let caption = doc.pages[2]
        .lines
        .iter()
        .find(|l| l.element == Element::Caption)
        .unwrap();
    assert!(headline.baseline.0 > caption.baseline.0);
    assert!(doc.pages[1]
        .lines
        .iter()
        .all(|l| l.element != Element::Headline || l.text() != "第二篇文章"));
}

#[test]
fn a_picture_taller_than_a_page_is_scaled_to_fit_with_its_caption() {
    let mut with = issue(3);
    insert_figure(&mut with, 2, 100, 1000, "图为一张很高的图片。");
    let doc = layout(&with, layout_common::fonts()).unwrap();
    let (page, img) = images(&doc)[0];
    // 22 lines less the caption's one: 21 × 28.99 − 12.99 pt tall, 1 : 10 kept.
    let height = 21.0 * PITCH - (PITCH - 16.0);
    assert!((img.height.0 - height).abs() < 0.05, "{img:?}");
    assert!((img.height.0 / img.width.0 - 10.0).abs() < 0.01);
    assert!(img.y.0 + img.height.0 <= TOP + 225.0 * MM);
    let caption = doc.pages[page]
        .lines
        .iter()
        .find(|l| l.element == Element::Caption)
        .unwrap();
    assert_eq!(cell(caption), 21);
}

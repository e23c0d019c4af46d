//! Articles (§4): the 小标宋 headline centred over the lines the editor chose, then paragraphs
//! and headings on the body grid, the byline appended to the last paragraph.

use crate::fonts::FontRole;
use crate::images::ImageSet;
use crate::model::{Article, BlockKind};
use crate::page::Element;

use super::grid;
use super::paginate::{Chunk, Row};
use super::text::{SetLine, Setter};

/// The headline's size: 小标宋 2号 = 22 pt (§4).
pub(crate) const HEADLINE_SIZE: f32 = 22.0;
/// Body lines a headline keeps with it on its page (§4).
pub(crate) const HEADLINE_KEEP: u32 = 2;
/// Lines a heading keeps with it (§4: a heading alone at a page's foot reads as badly as a headline).
pub(crate) const HEADING_KEEP: u32 = 2;

/// One line of a centred element (headline, bulletin name): when too long for the measure it
/// is broken between words, in balanced lines (§4.1).
pub(crate) fn centred_lines(text: &str, role: FontRole, size: f32, set: &Setter) -> Vec<SetLine> {
    let line = set.line(text, role, size, 0.0);
    if line.right <= grid::MEASURE + 0.01 {
        return vec![line];
    }
    let (lines, note) = super::headline::break_headline(text, role, size, grid::MEASURE, set);
    set.note(note);
    lines
}

/// Centred rows of `text` in `role` at `size` (see `centred_lines`).
pub(crate) fn centred_rows(
    text: &str,
    element: Element,
    role: FontRole,
    size: f32,
    set: &Setter,
) -> Vec<Row> {
    centred_lines(text, role, size, set)
        .into_iter()
        .map(|line| {
            let dx = grid::LEFT + (grid::MEASURE - line.right) / 2.0;
            Row::new(element, role, size, line.shifted(dx))
        })
        .collect()
}

/// A paragraph on the body grid: first line indented 2 characters, justified (§1).
pub(crate) fn paragraph_rows(
    text: &str,
    element: Element,
    role: FontRole,
    set: &Setter,
) -> Vec<Row> {
    let mut params = set.body_params();
    params.first_indent = 2.0 * grid::CHAR;
    set.lines(text, role, grid::BODY_SIZE, &params)
        .into_iter()
        .map(|line| Row::new(element, role, grid::BODY_SIZE, line.shifted(grid::LEFT)))
        .collect()
}

/// The article's chunks: its headline, then one per block (a figure's picture sized from `images`).
pub(crate) fn chunks(article: &Article, images: &ImageSet, set: &Setter) -> Vec<Chunk> {
    let mut out = Vec::new();
    let headline: Vec<Row> = article
        .headline
        .iter()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| {
            centred_rows(
                l.trim(),
                Element::Headline,
                FontRole::XiaoBiaoSong,
                HEADLINE_SIZE,
                set,
            )
        })
        .collect();
    // One empty grid line before the headline (§4), none at the top of a page (see flow).
    let mut space_before = 1;
    if !headline.is_empty() {
        out.push(Chunk {
            rows: headline,
            space_before,
            keep_together: true,
            keep_with_next: HEADLINE_KEEP,
            float: false,
        });
        space_before = 0;
    }
    let byline = article.byline_label();
    let last_para = article
        .blocks
        .iter()
        .rposition(|b| b.kind == BlockKind::Paragraph && !b.text.trim().is_empty());
    let appended = matches!(last_para, Some(i) if i + 1 == article.blocks.len());
    for (i, block) in article.blocks.iter().enumerate() {
        if let Some(figure) = &block.figure {
            out.push(super::figure::chunk(figure, &block.text, images, set));
            continue;
        }
        let text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        let (rows, keep) = match block.kind {
            BlockKind::Paragraph => {
                let text = match (&byline, appended && Some(i) == last_para) {
                    (Some(b), true) => format!("{text}{b}"),
                    _ => text.to_string(),
                };
                (
                    paragraph_rows(&text, Element::Body, FontRole::FangSong, set),
                    0,
                )
            }
            BlockKind::Heading1 => (
                paragraph_rows(text, Element::Heading1, FontRole::Hei, set),
                HEADING_KEEP,
            ),
            BlockKind::Heading2 => (
                paragraph_rows(text, Element::Heading2, FontRole::Kai, set),
                HEADING_KEEP,
            ),
            // A figure block without its picture (not made by JSON or the store): its caption.
            BlockKind::Figure => (
                centred_rows(text, Element::Caption, FontRole::Kai, grid::BODY_SIZE, set),
                0,
            ),
        };
        out.push(Chunk {
            rows,
            space_before,
            keep_together: false,
            keep_with_next: keep,
            float: false,
        });
        space_before = 0;
    }
    // A byline with no paragraph to end: a paragraph of its own.
    if let (Some(b), false) = (&byline, appended) {
        out.push(Chunk {
            rows: paragraph_rows(b, Element::Body, FontRole::FangSong, set),
            space_before,
            ..Chunk::default()
        });
    }
    out
}

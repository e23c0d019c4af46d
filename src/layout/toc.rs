//! 本期要目 (§3): a framed box across the text block, its 黑体 heading centred and letter-spaced,
//! then one 楷体 entry per article, each starting with a bullet and wrapping with a hanging indent.

use crate::fonts::FontRole;
use crate::model::Issue;
use crate::page::Element;

use super::grid;
use super::paginate::{Chunk, Row};
use super::text::Setter;
use super::Options;

/// The heading's text (§3).
pub(crate) const HEADING: &str = "本期要目";
/// Extra letter-spacing of the heading, in em (§3 asks for letter-spaced; half an em).
const HEADING_SPACING_EM: f32 = 0.5;

/// The box's chunks (none when the issue has no articles).
pub(crate) fn chunks(issue: &Issue, set: &Setter, opts: &Options) -> Vec<Chunk> {
    // An article without a headline (still being written) has no entry.
    let entries: Vec<String> = issue
        .toc()
        .into_iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect();
    if entries.is_empty() {
        return Vec::new();
    }
    let size = grid::BODY_SIZE;
    let frame = Some(opts.toc_frame.0);
    let heading = set.line(
        HEADING,
        FontRole::Hei,
        size,
        grid::TRACKING + HEADING_SPACING_EM * size,
    );
    let dx = grid::LEFT + (grid::MEASURE - heading.right) / 2.0;
    let mut row = Row::new(
        Element::TocHeading,
        FontRole::Hei,
        size,
        heading.shifted(dx),
    );
    row.frame = frame;
    let head = Chunk {
        rows: vec![row],
        keep_with_next: 2,
        ..Chunk::default()
    };
    // Entries inside the frame, one grid character in from each side; continuation lines hang
    // under the text after the bullet, wrapping between words as headlines do (§4.1).
    let mut params = set.params(size, grid::MEASURE - 2.0 * grid::CHAR, grid::TRACKING);
    params.indent = grid::CHAR;
    let mut rows = Vec::new();
    for entry in entries {
        let text = format!("{}{entry}", opts.bullet);
        for line in set.lines_at_words(&text, FontRole::Kai, size, &params) {
            let mut row = Row::new(
                Element::TocEntry,
                FontRole::Kai,
                size,
                line.shifted(grid::LEFT + grid::CHAR),
            );
            row.frame = frame;
            rows.push(row);
        }
    }
    vec![
        head,
        Chunk {
            rows,
            ..Chunk::default()
        },
    ]
}

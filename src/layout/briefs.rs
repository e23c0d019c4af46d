//! 简讯 (§5): a 黑体 heading centred after an empty grid line, then one indented paragraph per brief.

use crate::fonts::FontRole;
use crate::model::Brief;
use crate::page::Element;

use super::article::{centred_rows, paragraph_rows};
use super::grid;
use super::paginate::Chunk;
use super::text::Setter;

/// The heading's text (§5).
pub(crate) const HEADING: &str = "简讯";

/// The briefs' chunks (none without briefs).
pub(crate) fn chunks(briefs: &[Brief], set: &Setter) -> Vec<Chunk> {
    let paragraphs: Vec<String> = briefs
        .iter()
        .map(Brief::paragraph_text)
        .filter(|t| !t.trim().is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Chunk {
        rows: centred_rows(
            HEADING,
            Element::BriefsHeading,
            FontRole::Hei,
            grid::BODY_SIZE,
            set,
        ),
        space_before: 1,
        keep_together: true,
        keep_with_next: 2,
        float: false,
    }];
    for text in paragraphs {
        out.push(Chunk {
            rows: paragraph_rows(text.trim(), Element::Brief, FontRole::FangSong, set),
            ..Chunk::default()
        });
    }
    out
}

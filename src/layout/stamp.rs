//! The proof stamp 「校样 第2次 2020-04-28」 (issue 8): small red 黑体 in the top margin of every
//! page of a proof's PDF, right-aligned with the text block, so loose pages still say which round
//! they are. Never on a final PDF: layout draws it only when `Options::stamp` is set.

use crate::fonts::FontRole;
use crate::page::{Element, Rgb, TextLine};
use crate::units::{Pt, PT_PER_MM};

use super::grid;
use super::text::Setter;

/// 五号 = 10.5 pt: small enough to stay out of the reader's way.
const SIZE: f32 = 10.5;
/// Baseline 20 mm from the top edge: inside the 37 mm top margin (§1), clear of the masthead.
const BASELINE: f32 = 20.0 * PT_PER_MM;

/// The stamp line for one page.
pub(crate) fn line(label: &str, set: &Setter) -> TextLine {
    let line = set.line(label, FontRole::Hei, SIZE, 0.0);
    let x = grid::RIGHT - line.right;
    TextLine {
        element: Element::Stamp,
        role: FontRole::Hei,
        size: Pt(SIZE),
        color: Rgb::RED,
        baseline: Pt(BASELINE),
        glyphs: line.shifted(x).glyphs,
    }
}

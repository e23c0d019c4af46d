//! Page numbers 「— 1 —」 (§7): 宋体 4号 half-width digits between em dashes, 7 mm below the
//! text block, odd pages at the right and even pages at the left, one character in.

use crate::fonts::FontRole;
use crate::page::{Element, Rgb, TextLine};
use crate::units::{Pt, PT_PER_MM};

use super::grid;
use super::text::Setter;

/// 宋体 4号 = 14 pt (§7).
pub(crate) const SIZE: f32 = 14.0;
/// From the text block's bottom edge to the top of the number's em box: 7 mm (§7, GB/T 9704
/// §7.5). The top of the em box is where a reader's ruler meets the line of type.
pub(crate) const GAP: f32 = 7.0 * PT_PER_MM;
/// The indent from the outer side: one character of the number's size (§7).
const INDENT: f32 = SIZE;

/// The baseline of every page number.
pub(crate) fn baseline() -> f32 {
    grid::BOTTOM + GAP + grid::EM_ASCENT * SIZE
}

/// The page number line of page `n` (1-based).
pub(crate) fn line(n: u32, set: &Setter) -> TextLine {
    let text = format!("— {n} —");
    let line = set.line(&text, FontRole::Song, SIZE, 0.0);
    let x = if n % 2 == 1 {
        grid::RIGHT - INDENT - line.right
    } else {
        grid::LEFT + INDENT
    };
    let line = line.shifted(x);
    TextLine {
        element: Element::PageNumber,
        role: FontRole::Song,
        size: Pt(SIZE),
        color: Rgb::BLACK,
        baseline: Pt(baseline()),
        glyphs: line.glyphs,
    }
}

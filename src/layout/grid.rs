//! The page and its grid (docs/layout.md §1): every length the layout places things by, in points
//! from the page's top-left corner.
//!
//! Vertical placement: the text block holds 22 grid cells of 225 mm / 22 = 28.99 pt. A line of
//! type takes as many whole cells as its size needs (one for everything up to 28.99 pt, two for
//! the 42 pt name) and its ideographic em box (0.88 em above the baseline, 0.12 em below: the
//! ascender and descender of the Fandol faces) is centred vertically in them. So a 16 pt body
//! line's baseline lies 20.57 pt below the top of its cell, on every page and for every element.
//!
//! Horizontal placement: the grid has 28 characters a line. A full line of 28 full-width 16 pt
//! cells must fill the 156 mm measure exactly (the last glyph's right edge on the right edge of
//! the text block), so adjacent full-width characters are tracked by (156 mm − 28 × 16 pt) / 27 =
//! −0.21 pt, a character pitch of 15.79 pt (§1).

use crate::units::PT_PER_MM;

/// Page width: A4, 210 mm (§1).
pub const PAGE_WIDTH: f32 = 210.0 * PT_PER_MM;
/// Page height: A4, 297 mm (§1).
pub const PAGE_HEIGHT: f32 = 297.0 * PT_PER_MM;
/// Left edge of the text block: margin 28 mm (§1).
pub const LEFT: f32 = 28.0 * PT_PER_MM;
/// Top edge of the text block: margin 37 mm (§1).
pub const TOP: f32 = 37.0 * PT_PER_MM;
/// Width of the text block, the measure: 156 mm (§1); the right margin is 210 − 28 − 156 = 26 mm.
pub const MEASURE: f32 = 156.0 * PT_PER_MM;
/// Height of the text block: 225 mm (§1); the bottom margin is 297 − 37 − 225 = 35 mm.
pub const BLOCK_HEIGHT: f32 = 225.0 * PT_PER_MM;
/// Right edge of the text block (184 mm).
pub const RIGHT: f32 = LEFT + MEASURE;
/// Bottom edge of the text block (262 mm).
pub const BOTTOM: f32 = TOP + BLOCK_HEIGHT;
/// Grid lines a page (§1).
pub const LINES: u32 = 22;
/// Characters a full body line (§1).
pub const CHARS: u32 = 28;
/// Line pitch: 225 mm / 22 = 28.99 pt (§1).
pub const PITCH: f32 = BLOCK_HEIGHT / LINES as f32;
/// Body type: 仿宋 3号 = 16 pt (§1).
pub const BODY_SIZE: f32 = 16.0;
/// Tracking between adjacent full-width 16 pt characters so that 28 fill the measure (§1).
pub const TRACKING: f32 = (MEASURE - CHARS as f32 * BODY_SIZE) / (CHARS as f32 - 1.0);
/// One character of the grid (the pitch of 16 pt characters), the unit of indents (§1).
pub const CHAR: f32 = BODY_SIZE + TRACKING;
/// The ideographic em box's top above the baseline, in em.
pub const EM_ASCENT: f32 = 0.88;
/// The ideographic em box's bottom below the baseline, in em.
pub const EM_DESCENT: f32 = 0.12;

/// How many grid cells a line of `size` pt takes (§1: as many as it needs).
pub fn cells_for(size: f32) -> u32 {
    ((size / PITCH) - 1e-3).ceil().max(1.0) as u32
}

/// The top of grid cell `cell` (0-based from the top of the text block).
pub fn cell_top(cell: u32) -> f32 {
    TOP + cell as f32 * PITCH
}

/// The baseline of a line of `size` pt taking `cells` cells from `cell`: its em box centred in them.
pub fn baseline(cell: u32, cells: u32, size: f32) -> f32 {
    cell_top(cell) + (cells as f32 * PITCH - size) / 2.0 + EM_ASCENT * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_figures_match_the_spec() {
        assert!((PITCH - 28.99).abs() < 0.01, "{PITCH}");
        assert!((CHAR - 15.79).abs() < 0.01, "{CHAR}");
        assert!((TRACKING + 0.21).abs() < 0.01, "{TRACKING}");
        assert!(((PAGE_WIDTH - RIGHT) / PT_PER_MM - 26.0).abs() < 1e-3);
        assert!(((PAGE_HEIGHT - BOTTOM) / PT_PER_MM - 35.0).abs() < 1e-3);
        assert_eq!(cells_for(16.0), 1);
        assert_eq!(cells_for(22.0), 1);
        assert_eq!(cells_for(42.0), 2);
        // The body em box is centred in its cell.
        let b = baseline(3, 1, 16.0);
        let top = b - EM_ASCENT * 16.0 - cell_top(3);
        let bottom = cell_top(4) - (b + EM_DESCENT * 16.0);
        assert!((top - bottom).abs() < 1e-3);
    }
}

//! The items a paragraph is set from, and how to set it.

use super::class::{classify, Class};

/// One character to set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The character.
    pub ch: char,
    /// Its class.
    pub class: Class,
    /// The width of its box on the line, in pt: 1 em for full-width items, the advance otherwise.
    pub width: f32,
    /// Where its glyph's origin sits from the left of its box (a narrow glyph in a full cell:
    /// opening marks to the right, closing marks to the left, others centred).
    pub offset: f32,
}

impl Item {
    /// The item for `ch`, whose glyph advance is `advance` pt, set in `size` pt.
    pub fn new(ch: char, advance: f32, size: f32) -> Item {
        let class = classify(ch, if size > 0.0 { advance / size } else { 0.0 });
        let (width, offset) = if class.is_full_width() {
            let spare = (size - advance).max(0.0);
            let offset = match class {
                Class::Opening => spare,
                Class::Closing => 0.0,
                _ => spare / 2.0,
            };
            (size, offset)
        } else {
            (advance, 0.0)
        };
        Item {
            ch,
            class,
            width,
            offset,
        }
    }

    /// How much of its width squeezing may remove (half a full-width mark, else nothing).
    pub(super) fn squeezable(&self) -> f32 {
        match self.class {
            Class::Opening | Class::Closing => self.width / 2.0,
            _ => 0.0,
        }
    }
}

/// How to set a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// The full line length, in pt.
    pub measure: f32,
    /// Where the first line starts, from the measure's left edge.
    pub first_indent: f32,
    /// Where every other line starts (a hanging indent for TOC entries).
    pub indent: f32,
    /// Extra space between any two adjacent items, letter-spacing (negative: tighter).
    pub tracking: f32,
    /// Space between a Latin letter or digit and a Han character (a quarter em, §8), or 0.
    pub latin_gap: f32,
    /// Whether lines but the last are spread to fill the measure exactly.
    pub justify: bool,
}

/// Tolerance for "fits", in pt.
pub const EPSILON: f32 = 0.005;

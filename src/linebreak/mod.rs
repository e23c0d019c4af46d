//! Chinese line breaking (docs/layout.md §8, after clreq and GB/T 15834; every § in this module
//! refers to docs/layout.md): a pure function from characters with their widths to lines with x
//! positions, independent of pages and fonts, so the page layout, the DOCX export and the app's
//! preview all break lines the same way.
//!
//! Model: every item takes a box on the line. Full-width items (Han characters and full-width
//! punctuation) take one cell of 1 em; Latin letters, digits and half-width marks take their own
//! proportional advance (§8). Between two adjacent items there is a natural gap: the grid's
//! tracking (−0.21 pt for the 16 pt body, §1), plus a quarter em between a Latin letter or digit
//! and a Han character (§8). Tracking is letter-spacing after every item, as Word's and
//! LibreOffice's character spacing is: so a digit between two Han characters (8 pt and two
//! quarter ems, each gap tracked) takes exactly one 15.79 pt cell, and a line of 27 Han characters
//! and one digit fills the measure as 28 Han characters do.
//!
//! Lines are first filled greedily (first fit, §8.1). When the break after the last item that
//! fits is forbidden (a character that may not start or end a line, or a break inside 「……」
//! 「——」, a name in parentheses, a number with its unit, or a Latin word, §8.3), the line is fixed in one of two ways, whichever changes it less (§8.1):
//! pulling the next characters up by squeezing full-width punctuation inside the line (each by at
//! most half its width), or pushing the last characters down and spreading the remaining gaps;
//! on a tie, closing marks are pulled up and other characters pushed down. Every line but a
//! paragraph's last then fills the measure exactly when justifying.
//!
//! When first fit leaves a 孤字 — a last line of one character besides punctuation — the whole
//! paragraph's breaks are chosen again together (total fit, §8.2, `total_fit`); where no set of
//! allowed breaks avoids it, first fit stands and `Method` says so.
//!
//! A mark at a line's edge is never squeezed: PDF readers (and pdfcheck) measure a glyph by its
//! advance, so a half-width 「。」 at the end would stick out past the measure by half a cell, and
//! a squeezed 「（」 at the start past the left edge.

mod class;
mod greedy;
mod item;
mod line;
mod measure;
mod opportunity;
mod runt;
mod total_fit;

pub use class::{classify, is_wide, Class};
pub use item::{Item, Params, EPSILON};
pub use line::{Fix, Line};
pub use opportunity::{can_break, Breaks, NAME_MAX};
pub use runt::ends_in_runt;

/// How a paragraph's breaks were chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// First fit, which left no 孤字.
    FirstFit,
    /// Total fit, because first fit left a 孤字 (§8.2).
    TotalFit,
    /// First fit with its 孤字: no allowed set of breaks avoids it.
    FirstFitKept,
}

/// A paragraph's set lines, and how they were chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Broken {
    /// The lines.
    pub lines: Vec<Line>,
    /// How their breaks were chosen.
    pub method: Method,
}

/// Breaks `items` into lines and positions them (§8, §8.2).
pub fn break_lines(items: &[Item], params: &Params) -> Vec<Line> {
    break_paragraph(&Breaks { items, words: None }, params).lines
}

/// Breaks a paragraph where `breaks` allows: first fit, then total fit when first fit leaves a
/// 孤字 (§8.2).
pub fn break_paragraph(breaks: &Breaks, params: &Params) -> Broken {
    let first = greedy::first_fit(breaks, params);
    if !ends_in_runt(breaks.items, &first) {
        return Broken {
            lines: first,
            method: Method::FirstFit,
        };
    }
    match total_fit::total_fit(breaks, params) {
        Some(lines) => Broken {
            lines,
            method: Method::TotalFit,
        },
        None => Broken {
            lines: first,
            method: Method::FirstFitKept,
        },
    }
}

#[cfg(test)]
mod tests;

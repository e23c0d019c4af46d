//! Setting text: characters to line-breaking items with the faces' real advances, and broken
//! lines to positioned glyphs.

use std::cell::RefCell;

use crate::fonts::{FaceId, FontRole};
use crate::linebreak::{self, Breaks, Class, Item, Method, Params};
use crate::page::Glyph;

use super::diagnostics::{start_of, Diagnostic};
use super::faces::Faces;
use super::grid;

/// Characters that are never drawn: zero-width spaces and joiners, the byte-order mark,
/// variation selectors. Layout drops them and the coverage check ignores them.
pub(crate) fn is_invisible(ch: char) -> bool {
    matches!(ch as u32,
        0x00..=0x08 | 0x0B..=0x0C | 0x0E..=0x1F | 0x7F
        | 0x200B..=0x200F | 0x2060..=0x2064 | 0xFEFF
        | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
}

/// A line of glyphs, x from the left edge of the measure it was set in.
#[derive(Debug, Clone, Default)]
pub(crate) struct SetLine {
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
    /// The right edge of the last glyph's box.
    pub right: f32,
}

impl SetLine {
    /// The same line moved right by `dx`.
    pub(crate) fn shifted(mut self, dx: f32) -> SetLine {
        for g in &mut self.glyphs {
            g.x.0 += dx;
        }
        self.right += dx;
        self
    }
}

/// Sets text in the bundled faces.
pub(crate) struct Setter<'f> {
    /// The parsed faces.
    pub faces: Faces<'f>,
    /// Whether a quarter em separates Latin letters and digits from Han characters (§8, default on).
    pub latin_han_spacing: bool,
    /// What layout decided that a proofreader may want to check.
    pub notes: RefCell<Vec<Diagnostic>>,
}

impl<'f> Setter<'f> {
    /// A setter in `faces`.
    pub(crate) fn new(faces: Faces<'f>, latin_han_spacing: bool) -> Setter<'f> {
        Setter {
            faces,
            latin_han_spacing,
            notes: RefCell::new(Vec::new()),
        }
    }

    /// Records a decision for the layout's diagnostics.
    pub(crate) fn note(&self, d: Diagnostic) {
        self.notes.borrow_mut().push(d);
    }

    /// The items of `text` in `role` at `size`, with the face drawing each.
    pub(crate) fn items(&self, text: &str, role: FontRole, size: f32) -> (Vec<Item>, Vec<FaceId>) {
        let mut items = Vec::with_capacity(text.len() / 3 + 1);
        let mut faces = Vec::with_capacity(text.len() / 3 + 1);
        for ch in text.chars() {
            if is_invisible(ch) {
                continue;
            }
            let ch = if ch.is_whitespace() && ch != '\u{3000}' {
                ' '
            } else {
                ch
            };
            // The coverage check runs before layout, so a missing character cannot reach here;
            // the role's face is only a guard.
            let face = self
                .faces
                .resolve(role, ch)
                .unwrap_or_else(|| self.faces.primary(role));
            let advance = self.faces.advance_em(face, ch) * size;
            items.push(Item::new(ch, advance, size));
            faces.push(face);
        }
        // A space between two full-width characters is a clause space (e.g. in a headline): one cell.
        for k in 1..items.len().saturating_sub(1) {
            if items[k].class == Class::Space
                && items[k - 1].class.is_full_width()
                && items[k + 1].class.is_full_width()
            {
                items[k].width = size;
            }
        }
        (items, faces)
    }

    /// The line-breaking parameters for `size` pt type in a measure of `measure` pt, tracked by
    /// `tracking` between full-width characters.
    pub(crate) fn params(&self, size: f32, measure: f32, tracking: f32) -> Params {
        Params {
            measure,
            first_indent: 0.0,
            indent: 0.0,
            tracking,
            latin_gap: if self.latin_han_spacing {
                size / 4.0
            } else {
                0.0
            },
            justify: true,
        }
    }

    /// The parameters of a 16 pt line on the body grid (§1): 28 characters fill 156 mm.
    pub(crate) fn body_params(&self) -> Params {
        self.params(grid::BODY_SIZE, grid::MEASURE, grid::TRACKING)
    }

    /// `text` broken into lines by `params` (§8, §8.2).
    pub(crate) fn lines(
        &self,
        text: &str,
        role: FontRole,
        size: f32,
        params: &Params,
    ) -> Vec<SetLine> {
        self.lines_where(text, role, size, params, |_| None)
    }

    /// `text` broken into lines by `params`, only between words and outside quotes (a 本期要目
    /// entry, §4.1).
    pub(crate) fn lines_at_words(
        &self,
        text: &str,
        role: FontRole,
        size: f32,
        params: &Params,
    ) -> Vec<SetLine> {
        self.lines_where(text, role, size, params, |items| {
            let chars: Vec<char> = items.iter().map(|i| i.ch).collect();
            Some(super::headline::word_breaks(&chars))
        })
    }

    /// `text` broken into lines by `params` where `words` (given the items) allows.
    fn lines_where(
        &self,
        text: &str,
        role: FontRole,
        size: f32,
        params: &Params,
        words: impl FnOnce(&[Item]) -> Option<Vec<bool>>,
    ) -> Vec<SetLine> {
        let (items, faces) = self.items(text, role, size);
        let words = words(&items);
        let broken = linebreak::break_paragraph(
            &Breaks {
                items: &items,
                words: words.as_deref(),
            },
            params,
        );
        match broken.method {
            Method::FirstFit => {}
            Method::TotalFit => self.note(Diagnostic::TotalFit {
                start: start_of(text),
            }),
            Method::FirstFitKept => self.note(Diagnostic::RuntKept {
                start: start_of(text),
            }),
        }
        broken
            .lines
            .into_iter()
            .map(|l| SetLine {
                glyphs: (l.start..l.end)
                    .zip(&l.x)
                    .map(|(k, &x)| Glyph {
                        ch: items[k].ch,
                        face: faces[k],
                        x: crate::units::Pt(x),
                    })
                    .collect(),
                right: l.right,
            })
            .collect()
    }

    /// `text` on one line at its natural width (never broken), starting at 0.
    pub(crate) fn line(&self, text: &str, role: FontRole, size: f32, tracking: f32) -> SetLine {
        let params = Params {
            justify: false,
            ..self.params(size, f32::MAX, tracking)
        };
        let mut lines = self.lines(text, role, size, &params);
        match lines.len() {
            0 => SetLine {
                glyphs: Vec::new(),
                right: 0.0,
            },
            _ => lines.swap_remove(0),
        }
    }
}

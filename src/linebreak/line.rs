//! Set lines, and placing their items on the measure.

use super::class::Class;
use super::item::{Item, Params, EPSILON};
use super::measure::{gap, natural, squeeze_capacity, stretchable};

/// How a line's end was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// The greedy break was allowed (or the paragraph ended).
    None,
    /// Characters were pulled up into the line by squeezing its punctuation.
    Squeezed,
    /// Characters were pushed down to the next line and the line spread.
    Spread,
    /// No allowed break exists near the end (a line of only punctuation, a word longer than the
    /// measure): broken where the line is full.
    Forced,
}

/// One set line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The first item on the line (spaces at a break are dropped).
    pub start: usize,
    /// One past the last item on the line.
    pub end: usize,
    /// The glyph origin of each item in `start..end`, from the measure's left edge.
    pub x: Vec<f32>,
    /// The right edge of the line's last box, from the measure's left edge.
    pub right: f32,
    /// Whether this is the paragraph's last line.
    pub last: bool,
    /// How the break was chosen.
    pub fix: Fix,
}

/// Positions `items[a..b]` starting at `indent`: squeezed to `avail` if too long, spread to it
/// when justifying a line that is not the last, else at natural width.
#[allow(clippy::too_many_arguments)]
pub(super) fn position(
    items: &[Item],
    a: usize,
    b: usize,
    indent: f32,
    avail: f32,
    last: bool,
    fix: Fix,
    params: &Params,
) -> Line {
    let nat = natural(items, a, b, params);
    let count = b - a;
    // Per-item squeeze and per-gap extra space.
    let mut squeeze = vec![0.0f32; count];
    let mut extra = 0.0f32;
    let mut stretch_gaps = 0usize;
    let excess = nat - avail;
    if excess > EPSILON {
        let cap = squeeze_capacity(items, a, b);
        if cap > 0.0 {
            let ratio = (excess / cap).min(1.0);
            for (k, s) in squeeze.iter_mut().enumerate().take(count - 1).skip(1) {
                *s = items[a + k].squeezable() * ratio;
            }
        }
    } else if params.justify && !last && count > 1 {
        stretch_gaps = (a + 1..b).filter(|&k| stretchable(items, k)).count();
        let gaps = if stretch_gaps == 0 {
            count - 1
        } else {
            stretch_gaps
        };
        extra = (avail - nat) / gaps as f32;
    }
    let mut x = Vec::with_capacity(count);
    let mut pos = indent;
    for (i, k) in (a..b).enumerate() {
        if k > a {
            pos += gap(items, k, params);
            if extra != 0.0 && (stretch_gaps == 0 || stretchable(items, k)) {
                pos += extra;
            }
        }
        let item = &items[k];
        // A squeezed opening mark loses its left half: its glyph moves left with the cut.
        let shift = if item.class == Class::Opening {
            squeeze[i]
        } else {
            0.0
        };
        x.push(pos + item.offset - shift);
        pos += item.width - squeeze[i];
    }
    Line {
        start: a,
        end: b,
        x,
        right: pos,
        last,
        fix,
    }
}

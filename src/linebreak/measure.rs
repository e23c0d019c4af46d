//! Widths of runs of items: gaps, natural width, what squeezing can remove.

use super::class::Class;
use super::item::{Item, Params};

/// The natural gap between `items[k - 1]` and `items[k]`.
pub(super) fn gap(items: &[Item], k: usize, params: &Params) -> f32 {
    let (p, c) = (&items[k - 1], &items[k]);
    if (p.class == Class::Latin && c.class == Class::Ideographic)
        || (p.class == Class::Ideographic && c.class == Class::Latin)
    {
        params.tracking + params.latin_gap
    } else {
        params.tracking
    }
}

/// Whether justification may widen the gap before `items[k]` (not inside a word or a two-em dash).
pub(super) fn stretchable(items: &[Item], k: usize) -> bool {
    let (p, c) = (&items[k - 1], &items[k]);
    let in_word = p.class.in_word() && c.class.in_word();
    let in_dash = p.ch == c.ch && matches!(c.ch, '…' | '—' | '―' | '‥');
    !in_word && !in_dash
}

/// The natural width of `items[a..b]` (no edge spaces expected).
pub(super) fn natural(items: &[Item], a: usize, b: usize, params: &Params) -> f32 {
    let mut w = 0.0;
    for k in a..b {
        if k > a {
            w += gap(items, k, params);
        }
        w += items[k].width;
    }
    w
}

/// `b` moved back over spaces, so that a line `a..b` has none at its end.
pub(super) fn trim_end(items: &[Item], a: usize, mut b: usize) -> usize {
    while b > a && items[b - 1].class == Class::Space {
        b -= 1;
    }
    b
}

/// What squeezing can remove from `items[a..b]`: its full-width marks but the first and the last
/// (a squeezed mark at a line's edge would stick out of the measure).
pub(super) fn squeeze_capacity(items: &[Item], a: usize, b: usize) -> f32 {
    if b <= a + 2 {
        return 0.0;
    }
    items[a + 1..b - 1].iter().map(Item::squeezable).sum()
}

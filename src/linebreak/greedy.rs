//! First fit: each line takes as much as fits, fixed at a forbidden break (docs/layout.md §8.1).

use super::class::Class;
use super::item::{Params, EPSILON};
use super::line::{position, Fix, Line};
use super::measure::{gap, natural, squeeze_capacity, trim_end};
use super::opportunity::Breaks;

/// Breaks the items of `breaks` into lines, first fit, and positions them.
pub(super) fn first_fit(breaks: &Breaks, params: &Params) -> Vec<Line> {
    let items = breaks.items;
    let n = items.len();
    let mut lines = Vec::new();
    let mut a = 0;
    while a < n && items[a].class == Class::Space {
        a += 1;
    }
    while a < n {
        let indent = if lines.is_empty() {
            params.first_indent
        } else {
            params.indent
        };
        let avail = params.measure - indent;
        // Greedy: the most items that fit at their natural width (at least one).
        let mut b = a + 1;
        let mut w = items[a].width;
        while b < n {
            let next = w + gap(items, b, params) + items[b].width;
            if next > avail + EPSILON && items[b].class != Class::Space {
                break;
            }
            w = next;
            b += 1;
        }
        let (end, fix) = if b >= n || breaks.allowed(b) {
            (b, Fix::None)
        } else {
            choose_break(breaks, a, b, avail, params)
        };
        let trimmed = trim_end(items, a, end);
        let last = end >= n || items[end..].iter().all(|i| i.class == Class::Space);
        lines.push(position(
            items,
            a,
            trimmed,
            indent,
            avail,
            last && fix == Fix::None,
            fix,
            params,
        ));
        if let Some(l) = lines.last_mut() {
            l.last = last;
        }
        a = end;
        while a < n && items[a].class == Class::Space {
            a += 1;
        }
    }
    lines
}

/// The best allowed break for a line starting at `a` whose greedy break `b` is forbidden.
fn choose_break(breaks: &Breaks, a: usize, b: usize, avail: f32, params: &Params) -> (usize, Fix) {
    let items = breaks.items;
    let n = items.len();
    // Pull up: the first allowed break after b, if squeezing the line's marks makes room.
    let mut pull = None;
    let mut k = b + 1;
    while k <= n {
        if k == n || breaks.allowed(k) {
            let e = trim_end(items, a, k);
            let need = natural(items, a, e, params) - avail;
            if need <= squeeze_capacity(items, a, e) + EPSILON {
                pull = Some((k, need.max(0.0)));
            }
            break;
        }
        k += 1;
    }
    // Push down: the last allowed break before b.
    let mut push = None;
    let mut k = b - 1;
    while k > a {
        if breaks.allowed(k) {
            let e = trim_end(items, a, k);
            if e > a {
                push = Some((k, avail - natural(items, a, e, params)));
                break;
            }
        }
        k -= 1;
    }
    match (pull, push) {
        (Some((kp, squeeze)), Some((kd, spread))) => {
            // On a tie, squeeze only to pull up the marks that close the line's text (a comma, a
            // closing bracket); a character is pushed down rather than pulled up by squeezing
            // a cell out of the marks before it, and the spread shares the cell among all the
            // line's gaps.
            let pulls_marks = items[b..kp]
                .iter()
                .all(|i| i.class.no_start() || i.class == Class::Space);
            if squeeze < spread - EPSILON || (squeeze <= spread + EPSILON && pulls_marks) {
                (kp, Fix::Squeezed)
            } else {
                (kd, Fix::Spread)
            }
        }
        (Some((kp, _)), None) => (kp, Fix::Squeezed),
        (None, Some((kd, _))) => (kd, Fix::Spread),
        (None, None) => (b, Fix::Forced),
    }
}

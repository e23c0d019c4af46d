//! Total fit: the breaks of a whole paragraph chosen together, so that its last line is no 孤字
//! while every other line still fills the measure (docs/layout.md §8.2).
//!
//! A dynamic-programming table over the allowed break points: each entry holds the cheapest way
//! to set the paragraph up to that break. A line costs what it changes from natural spacing:
//! squeezed punctuation costs its width, spreading costs twice as much, and spreading by more
//! than one cell far more (it shows as gaps). A 孤字 last line is not allowed at all.

use super::class::Class;
use super::item::{Params, EPSILON};
use super::line::{position, Fix, Line};
use super::measure::{natural, squeeze_capacity, trim_end};
use super::opportunity::Breaks;
use super::runt::is_runt;

/// Cost of one pt of squeezing (the first fix, §8.2).
const SQUEEZE: f32 = 1.0;
/// Cost of one pt of spreading (the second fix).
const SPREAD: f32 = 2.0;
/// Extra cost of a line spread by more than one cell.
const WIDE_SPREAD: f32 = 1000.0;
/// Lines spread by more than this many cells are not tried: room for a name of `NAME_MAX`
/// characters in parentheses moved whole to the next line, as first fit does (§8.3).
const MAX_SPREAD_CELLS: f32 = (super::opportunity::NAME_MAX + 2) as f32;

/// The cheapest lines for `breaks` with no 孤字 last line, or `None` when there are none.
pub(super) fn total_fit(breaks: &Breaks, params: &Params) -> Option<Vec<Line>> {
    let items = breaks.items;
    let n = items.len();
    let cell = items
        .iter()
        .find(|i| i.class.is_full_width())
        .map_or(params.measure / 28.0, |i| i.width + params.tracking);
    let skip = |mut k: usize| {
        while k < n && items[k].class == Class::Space {
            k += 1;
        }
        k
    };
    // best[k]: (cost, previous break, this line's fix) of the cheapest setting up to break k.
    let mut best: Vec<Option<(f32, usize, Fix)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0, Fix::None));
    for from in 0..n {
        let Some((cost, _, _)) = best[from] else {
            continue;
        };
        if from > 0 && !breaks.allowed(from) {
            continue;
        }
        let a = skip(from);
        if a >= n {
            continue;
        }
        let avail = params.measure
            - if from == 0 {
                params.first_indent
            } else {
                params.indent
            };
        for to in a + 1..=n {
            if to < n && !breaks.allowed(to) {
                continue;
            }
            let last = skip(to) >= n;
            let e = trim_end(items, a, to);
            if e == a {
                continue;
            }
            let w = natural(items, a, e, params);
            let (line_cost, fix) = if w > avail + EPSILON {
                let need = w - avail;
                if need > squeeze_capacity(items, a, e) + EPSILON {
                    break; // wider only gets worse
                }
                (need * SQUEEZE, Fix::Squeezed)
            } else if last {
                if from > 0 && is_runt(items, a, e) {
                    continue;
                }
                (0.0, Fix::None)
            } else {
                let spread = avail - w;
                if spread > MAX_SPREAD_CELLS * cell {
                    continue;
                }
                let wide = if spread > cell + EPSILON {
                    WIDE_SPREAD
                } else {
                    0.0
                };
                let fix = if spread > EPSILON {
                    Fix::Spread
                } else {
                    Fix::None
                };
                (spread * SPREAD + wide, fix)
            };
            let total = cost + line_cost;
            let end = if last { n } else { to };
            if best[end].is_none_or(|(c, _, _)| total < c - EPSILON) {
                best[end] = Some((total, from, fix));
            }
            if last {
                break;
            }
        }
    }
    // Walk back from the end.
    let mut ends = Vec::new();
    let mut k = n;
    while k > 0 {
        let (_, from, fix) = best[k]?;
        ends.push((from, k, fix));
        k = from;
    }
    ends.reverse();
    let count = ends.len();
    Some(
        ends.into_iter()
            .enumerate()
            .map(|(i, (from, to, fix))| {
                let a = skip(from);
                let e = trim_end(items, a, to);
                let indent = if from == 0 {
                    params.first_indent
                } else {
                    params.indent
                };
                let last = i + 1 == count;
                let mut line = position(
                    items,
                    a,
                    e,
                    indent,
                    params.measure - indent,
                    last,
                    fix,
                    params,
                );
                line.last = last;
                line
            })
            .collect(),
    )
}

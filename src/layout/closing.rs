//! The closing block 版记 (§6) at the foot of the last page: rows of 仿宋 4号 between rules as
//! wide as the text block, the last rule on the block's bottom edge.

use crate::fonts::FontRole;
use crate::model::Closing;
use crate::page::{Element, Rgb, Rule};
use crate::units::{Pt, PT_PER_MM};

use super::grid;
use super::paginate::{Pages, Row};
use super::text::{SetLine, Setter};

/// Row type: 仿宋 4号 = 14 pt (§6).
pub(crate) const SIZE: f32 = 14.0;
/// The first and last rules: 0.35 mm (§6).
pub(crate) const THICK: f32 = 0.35 * PT_PER_MM;
/// The rules between rows: 0.25 mm (§6).
pub(crate) const THIN: f32 = 0.25 * PT_PER_MM;
/// The rows' indent from each side: one character of the row's size (§6).
const INDENT: f32 = SIZE;

/// The rows of each entry (报/送/发, then 共印N份), each entry one or more lines.
fn entries(closing: &Closing, set: &Setter) -> Vec<Vec<Row>> {
    let measure = grid::MEASURE - 2.0 * INDENT;
    let mut out: Vec<Vec<Row>> = Vec::new();
    for (label, text) in closing.rows() {
        let label = format!("{label}：");
        let hang = set.line(&label, FontRole::FangSong, SIZE, 0.0).right;
        let mut params = set.params(SIZE, measure, 0.0);
        params.indent = hang;
        let rows = set
            .lines(&format!("{label}{text}"), FontRole::FangSong, SIZE, &params)
            .into_iter()
            .map(|l| {
                Row::new(
                    Element::Closing,
                    FontRole::FangSong,
                    SIZE,
                    l.shifted(grid::LEFT + INDENT),
                )
            })
            .collect();
        out.push(rows);
    }
    if let Some(copies) = closing.copies_label() {
        let line = set.line(&copies, FontRole::FangSong, SIZE, 0.0);
        let line = line.clone().shifted(grid::RIGHT - INDENT - line.right);
        let x0 = line.glyphs.first().map_or(grid::RIGHT, |g| g.x.0);
        // On the last row if it has room (a character's gap at least), else on a row of its own.
        match out.last_mut().and_then(|rows| rows.last_mut()) {
            Some(row) if row.line.right + SIZE <= x0 => {
                row.line.glyphs.extend(line.glyphs);
                row.line.right = line.right;
            }
            _ => out.push(vec![Row::new(
                Element::Closing,
                FontRole::FangSong,
                SIZE,
                SetLine {
                    glyphs: line.glyphs,
                    right: line.right,
                },
            )]),
        }
    }
    out
}

fn rule(y: f32, thickness: f32) -> Rule {
    Rule {
        x0: Pt(grid::LEFT),
        x1: Pt(grid::RIGHT),
        y: Pt(y),
        thickness: Pt(thickness),
        color: Rgb::BLACK,
    }
}

/// Places the closing block at the foot of the last page, or of a new page without room (§6).
pub(crate) fn place(closing: &Closing, set: &Setter, pages: &mut Pages) {
    if closing.is_empty() {
        return;
    }
    let entries = entries(closing, set);
    let cells: u32 = entries.iter().flatten().map(|r| r.cells).sum();
    if cells > grid::LINES {
        // Longer than a page (never in practice): flow it from the next free cell.
        for row in entries.iter().flatten() {
            pages.place(row);
        }
        return;
    }
    if pages.cell() + cells > grid::LINES {
        pages.new_page();
    }
    let mut cell = grid::LINES - cells;
    // The first rule on top of the block's first row, thin rules between entries, the last one
    // inside the text block with its lower edge on the block's bottom edge (§6).
    pages.rule(rule(grid::cell_top(cell) + THICK / 2.0, THICK));
    for (i, rows) in entries.iter().enumerate() {
        if i > 0 {
            pages.rule(rule(grid::cell_top(cell), THIN));
        }
        for row in rows {
            pages.place_at(row, cell);
            cell += row.cells;
        }
    }
    pages.rule(rule(grid::BOTTOM - THICK / 2.0, THICK));
}

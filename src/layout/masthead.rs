//! The masthead 版头 on the first page (§2): red name, 第N期 and （总第M期）, the editing body
//! and the date, and the red rule 4 mm below them.

use crate::fonts::FontRole;
use crate::model::Masthead;
use crate::page::{Element, Rgb, Rule};
use crate::units::PT_PER_MM;

use super::grid;
use super::paginate::{Pages, Row};
use super::text::Setter;
use super::Options;

/// The gap between the editor's line and the red rule: 4 mm (§2, GB/T 9704 §7.2.5), measured
/// from the bottom of the line's em box to the rule's centre line.
pub(crate) const RULE_GAP: f32 = 4.0 * PT_PER_MM;

/// Places the masthead at the top of the first page; the next free cell is below the rule.
pub(crate) fn place(m: &Masthead, set: &Setter, opts: &Options, pages: &mut Pages) {
    let size = opts.name_size.0;
    // The name: centred at the top of the text block, as many grid lines as it needs (§2).
    for line in super::article::centred_lines(m.name.trim(), FontRole::XiaoBiaoSong, size, set) {
        let dx = grid::LEFT + (grid::MEASURE - line.right) / 2.0;
        let mut row = Row::new(
            Element::MastheadName,
            FontRole::XiaoBiaoSong,
            size,
            line.shifted(dx),
        );
        row.color = Rgb::RED;
        pages.place(&row);
    }
    // 第4期 and （总第245期）, centred on the next line (or two lines), 仿宋 3号 (§2).
    let body = grid::BODY_SIZE;
    let numbers = if opts.total_on_own_line {
        vec![m.number_label(), m.total_label()]
    } else {
        vec![format!("{}{}", m.number_label(), m.total_label())]
    };
    for text in numbers {
        let line = set.line(&text, FontRole::FangSong, body, grid::TRACKING);
        let dx = grid::LEFT + (grid::MEASURE - line.right) / 2.0;
        pages.place(&Row::new(
            Element::MastheadNumber,
            FontRole::FangSong,
            body,
            line.shifted(dx),
        ));
    }
    // The editing body indented 1 character, the date 1 character from the right edge, on one line.
    let editor = set.line(&m.editor, FontRole::FangSong, body, grid::TRACKING);
    let date = set.line(&m.date_label(), FontRole::FangSong, body, grid::TRACKING);
    let editor = editor.shifted(grid::LEFT + grid::CHAR);
    let date = date.clone().shifted(grid::RIGHT - grid::CHAR - date.right);
    let mut glyphs = editor.glyphs;
    glyphs.extend(date.glyphs.iter().copied());
    let row = Row::new(
        Element::MastheadEditorDate,
        FontRole::FangSong,
        body,
        super::text::SetLine {
            glyphs,
            right: date.right,
        },
    );
    let cell = pages.cell();
    pages.place(&row);
    // The red rule 4 mm below the editor's line (§2).
    let em_bottom = grid::baseline(cell, row.cells, body) + grid::EM_DESCENT * body;
    let t = opts.masthead_rule.0;
    let y = em_bottom + RULE_GAP;
    pages.rule(Rule {
        x0: crate::units::Pt(grid::LEFT),
        x1: crate::units::Pt(grid::RIGHT),
        y: crate::units::Pt(y),
        thickness: crate::units::Pt(t),
        color: Rgb::RED,
    });
    // What follows starts on the first grid line wholly below the rule.
    let below = y + t / 2.0 - grid::TOP;
    pages.advance_to((below / grid::PITCH).ceil() as u32);
}

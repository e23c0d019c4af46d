//! The closing block 版记 (docs/layout.md §6): a table across the text block whose rules are its
//! borders (first and last thick, those between thin), floated to the foot of the page that holds
//! the end of the issue. Word keeps a floating table with the paragraph it is anchored to, so when
//! the last page has no room the block moves to the foot of a new page, as §6 asks.

use docx_rs::{
    BorderType, Paragraph, Run, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TablePositionProperty, TableRow, WidthType,
};

use crate::model::Closing;

use super::geometry::{border, CHAR_PITCH, TEXT_WIDTH};
use super::styles;
use super::xml::clean_text;

/// The hanging indent of a wrapped row, so continuation lines start under the text after 「报：」
/// (two 14 pt characters).
const LABEL_WIDTH: i32 = 2 * 280;

/// The closing block and the hairline paragraph it is anchored to, or `None` when it has
/// nothing to print.
pub fn closing(c: &Closing) -> Option<(Table, Paragraph)> {
    if c.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    for (label, text) in c.rows() {
        let p = Paragraph::new()
            .style(styles::CLOSING.0)
            .indent(
                Some(CHAR_PITCH + LABEL_WIDTH),
                Some(docx_rs::SpecialIndentType::Hanging(LABEL_WIDTH)),
                Some(CHAR_PITCH),
                None,
            )
            .add_run(Run::new().add_text(format!("{label}：{}", clean_text(text))));
        rows.push(row(p));
    }
    if let Some(copies) = c.copies_label() {
        // 「（共印N份）」 at the right, 1 character in (§6).
        let p = Paragraph::new()
            .style(styles::CLOSING.0)
            .align(docx_rs::AlignmentType::Right)
            .indent(Some(0), None, Some(CHAR_PITCH), None)
            .add_run(Run::new().add_text(copies));
        rows.push(row(p));
    }
    let rule = |pos, size| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(size)
            .color("000000")
    };
    let borders = TableBorders::with_empty()
        .set(rule(TableBorderPosition::Top, border::CLOSING_THICK))
        .set(rule(TableBorderPosition::InsideH, border::CLOSING_THIN))
        .set(rule(TableBorderPosition::Bottom, border::CLOSING_THICK));
    let foot = TablePositionProperty::new()
        .vertical_anchor("margin")
        .horizontal_anchor("margin")
        .position_y_alignment("bottom")
        .position_x_alignment("center");
    let table = Table::new(rows)
        .set_grid(vec![TEXT_WIDTH as usize])
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(
            TableCellMargins::new()
                .margin_left(0, WidthType::Dxa)
                .margin_right(0, WidthType::Dxa),
        )
        .set_borders(borders)
        .position(foot);
    let anchor = Paragraph::new().style(styles::CLOSING.0).line_spacing(
        docx_rs::LineSpacing::new()
            .line_rule(docx_rs::LineSpacingType::Exact)
            .line(20),
    );
    Some((table, anchor))
}

fn row(p: Paragraph) -> TableRow {
    TableRow::new(vec![TableCell::new()
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .add_paragraph(p)])
    .cant_split()
}

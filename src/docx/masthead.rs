//! The masthead 版头 (docs/layout.md §2) and the 本期要目 box (§3).

use docx_rs::{
    BorderType, Paragraph, Run, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use crate::model::Issue;

use super::geometry::{border, TEXT_WIDTH};
use super::styles::{self, StyleId};
use super::xml::clean_text;

/// A paragraph in a style with one run of text.
pub fn styled(style: StyleId, text: &str) -> Paragraph {
    let p = Paragraph::new().style(style.0);
    let text = clean_text(text);
    if text.is_empty() {
        p
    } else {
        p.add_run(Run::new().add_text(text))
    }
}

/// The name (red, 小标宋), 「第N期（总第M期）」, and the editor's line with the date at the
/// right and the red rule below it (a bottom border of the 编印单位 style).
pub fn masthead(issue: &Issue) -> Vec<Paragraph> {
    let m = &issue.masthead;
    let editor_line = Paragraph::new()
        .style(styles::EDITOR_LINE.0)
        .add_run(Run::new().add_tab().add_text(clean_text(m.editor.trim())))
        .add_run(Run::new().add_tab())
        .add_run(
            Run::new()
                .style(styles::ISSUE_DATE.0)
                .add_text(m.date_label()),
        );
    vec![
        styled(styles::BULLETIN_NAME, m.name.trim()),
        // 「第4期（总第245期）」 on one line, as the PDF sets it by default (§2 allows both).
        styled(
            styles::ISSUE_NUMBER,
            &format!("{}{}", m.number_label(), m.total_label()),
        ),
        editor_line,
    ]
}

/// The bullet before each TOC entry (§3, default).
pub const TOC_BULLET: char = '◆';

/// 本期要目 as a one-cell table framed in 0.75 pt black across the text block (§3); `None` when
/// the issue has no articles.
pub fn toc_box(issue: &Issue) -> Option<Table> {
    let entries = issue.toc();
    if entries.is_empty() {
        return None;
    }
    let mut cell = TableCell::new()
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .add_paragraph(styled(styles::TOC_HEADING, "本期要目"));
    for entry in entries {
        cell = cell.add_paragraph(styled(
            styles::TOC_ENTRY,
            &format!("{TOC_BULLET}{}", entry.trim()),
        ));
    }
    let line = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(border::TOC_FRAME)
            .color("000000")
    };
    let borders = TableBorders::with_empty()
        .set(line(TableBorderPosition::Top))
        .set(line(TableBorderPosition::Left))
        .set(line(TableBorderPosition::Bottom))
        .set(line(TableBorderPosition::Right));
    Some(
        Table::new(vec![TableRow::new(vec![cell])])
            .set_grid(vec![TEXT_WIDTH as usize])
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(borders),
    )
}

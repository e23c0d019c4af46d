//! The 信息采用情况通报 as a Word document on the bulletin's page and in its styles (docs/layout.md §12):
//! the title in 小标宋 (docs/layout.md §4), a lead sentence in 仿宋, and the table 序号, 单位,
//! 文章, 简讯, 合计 in the order of the totals, headed in 黑体 (§9), with a 合计 row.

use std::path::Path;

use docx_rs::{
    AlignmentType, BorderType, Docx, Paragraph, Run, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::docx::geometry::TEXT_WIDTH;
use crate::docx::styles::{self, StyleId};
use crate::docx::{DocxError, FontNames};

use super::{Kind, Stats};

/// The columns and their share of the text width, in 28ths (the grid's characters, docs/layout.md §1, §12).
const COLUMNS: [(&str, i32); 5] = [
    ("序号", 3),
    ("单位", 13),
    ("文章", 4),
    ("简讯", 4),
    ("合计", 4),
];

/// 「2024年度信息采用情况通报」, or 「2024年1—6月信息采用情况通报」 for part of a year.
pub fn title(stats: &Stats) -> String {
    let p = &stats.period;
    if (p.from(), p.to()) == (1, 12) {
        format!("{}年度信息采用情况通报", p.the_year())
    } else {
        format!("{}信息采用情况通报", p.label())
    }
}

/// The lead sentence: what was counted.
pub fn lead(stats: &Stats) -> String {
    let name = stats
        .bulletin
        .as_deref()
        .map(|n| format!("《{}》", n.trim_matches(['《', '》'])))
        .unwrap_or_else(|| "简报".into());
    format!(
        "{}，{}共印发{}期，采用信息{}条（文章{}篇、简讯{}条）。现将各单位信息采用情况通报如下（多个单位联合供稿的，各计一条）：",
        stats.period.label(),
        name,
        stats.issues.len(),
        stats.articles + stats.briefs,
        stats.articles,
        stats.briefs
    )
}

/// The name a row is printed with: a person not mapped to a unit says so.
pub fn row_name(kind: Kind, name: &str) -> String {
    match kind {
        Kind::Unit => name.to_string(),
        Kind::Person => format!("{name}（个人）"),
    }
}

/// The 通报 as DOCX bytes.
pub fn render(stats: &Stats, names: &FontNames) -> Result<Vec<u8>, DocxError> {
    let title = title(stats);
    let date = stats
        .issues
        .last()
        .map(|i| i.date)
        .or_else(|| chrono::NaiveDate::from_ymd_opt(stats.period.the_year(), 1, 1))
        .unwrap_or_default();
    let author = stats.bulletin.clone().unwrap_or_default();
    let lead = lead(stats);
    crate::docx::render_document(
        |docx: Docx| {
            docx.add_paragraph(para(styles::HEADLINE, &title, None))
                .add_paragraph(para(styles::BODY, &lead, None))
                .add_table(table(stats))
        },
        &title,
        &author,
        date,
        names,
    )
}

/// Writes the 通报 to `path` atomically.
pub fn write(stats: &Stats, path: &Path) -> Result<(), DocxError> {
    let bytes = render(stats, &FontNames::office())?;
    crate::atomic_file::write(path, &bytes).map_err(|source| DocxError::Write {
        path: path.to_path_buf(),
        source,
    })
}

fn para(style: StyleId, text: &str, align: Option<AlignmentType>) -> Paragraph {
    let mut p = Paragraph::new()
        .style(style.0)
        .add_run(Run::new().add_text(text));
    if let Some(a) = align {
        p = p.align(a);
    }
    p
}

fn table(stats: &Stats) -> Table {
    let unit = TEXT_WIDTH / 28;
    let cell = |text: String, style: StyleId, width: i32, align: AlignmentType| {
        TableCell::new()
            .width(width as usize, WidthType::Dxa)
            .add_paragraph(para(style, &text, Some(align)))
    };
    let row = |cells: [String; 5], style: StyleId| {
        TableRow::new(
            cells
                .into_iter()
                .zip(COLUMNS)
                .map(|(text, (_, w))| {
                    let align = if w == 13 && style.0 != styles::TOC_HEADING.0 {
                        AlignmentType::Left
                    } else {
                        AlignmentType::Center
                    };
                    cell(text, style, w * unit, align)
                })
                .collect(),
        )
    };
    let mut rows = vec![row(
        COLUMNS.map(|(h, _)| h.to_string()),
        styles::TOC_HEADING,
    )];
    for (i, r) in stats.rows.iter().enumerate() {
        rows.push(row(
            [
                (i + 1).to_string(),
                row_name(r.contributor.kind, &r.contributor.name),
                r.articles.to_string(),
                r.briefs.to_string(),
                r.total().to_string(),
            ],
            styles::CLOSING,
        ));
    }
    let (a, b, t) = stats.totals();
    rows.push(row(
        [
            String::new(),
            "合计".into(),
            a.to_string(),
            b.to_string(),
            t.to_string(),
        ],
        styles::CLOSING,
    ));
    let line = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4) // eighths of a point: 0.5 pt (docs/layout.md §12)
            .color("000000")
    };
    let borders = TableBorders::with_empty()
        .set(line(TableBorderPosition::Top))
        .set(line(TableBorderPosition::Bottom))
        .set(line(TableBorderPosition::Left))
        .set(line(TableBorderPosition::Right))
        .set(line(TableBorderPosition::InsideH))
        .set(line(TableBorderPosition::InsideV));
    Table::new(rows)
        .layout(TableLayoutType::Fixed)
        .set_grid(COLUMNS.iter().map(|(_, w)| (w * unit) as usize).collect())
        .width((28 * unit) as usize, WidthType::Dxa)
        .set_borders(borders)
        .align(docx_rs::TableAlignmentType::Center)
}

//! The spreadsheet of a period's counts (rust_xlsxwriter): a sheet per view — 按单位 (a row per
//! unit or person, a column per month, then 文章, 简讯, 合计, and a 合计 row), 按期 (a row per
//! adopted item and contributor, in issue order), 别名表 (the alias table the counts applied).
//! Every sheet has its header row frozen and its column widths set; totals are numbers we
//! computed, not formulas, so any reader shows them without recalculating.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::store::UnitAlias;

use super::{Stats, StatsError};

/// The sheets' names, in order.
pub const SHEETS: [&str; 3] = ["按单位", "按期", "别名表"];

/// The workbook as bytes.
pub fn render(stats: &Stats, aliases: &[UnitAlias]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}信息采用情况", stats.period.label()))
            .set_author("Bulletin"),
    );
    let head = Format::new().set_bold().set_align(FormatAlign::Center);
    by_unit(wb.add_worksheet(), stats, &head)?;
    by_issue(wb.add_worksheet(), stats, &head)?;
    alias_sheet(wb.add_worksheet(), aliases, &head)?;
    wb.save_to_buffer()
}

/// Writes the workbook to `path` atomically.
pub fn write(stats: &Stats, aliases: &[UnitAlias], path: &Path) -> Result<(), StatsError> {
    let fail = |detail: String| StatsError::Xlsx {
        path: path.to_path_buf(),
        detail,
    };
    let bytes = render(stats, aliases).map_err(|e| fail(e.to_string()))?;
    crate::atomic_file::write(path, &bytes).map_err(|e| fail(crate::store::io_reason(&e)))
}

fn header(
    ws: &mut Worksheet,
    cells: &[String],
    widths: &[f64],
    head: &Format,
) -> Result<(), XlsxError> {
    for (c, (text, w)) in cells.iter().zip(widths).enumerate() {
        ws.write_string_with_format(0, c as u16, text, head)?;
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn by_unit(ws: &mut Worksheet, stats: &Stats, head: &Format) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[0])?;
    let months = stats.period.month_list();
    let mut cells: Vec<String> = vec!["序号".into(), "单位".into(), "类别".into()];
    let mut widths = vec![6.0, 28.0, 6.0];
    for m in &months {
        cells.push(format!("{m}月"));
        widths.push(6.0);
    }
    for t in ["文章", "简讯", "合计"] {
        cells.push(t.into());
        widths.push(7.0);
    }
    header(ws, &cells, &widths, head)?;
    let n = months.len() as u16;
    for (i, row) in stats.rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, &row.contributor.name)?;
        ws.write_string(r, 2, row.contributor.kind.label())?;
        for m in 0..months.len() {
            let v = row.articles_by_month[m] + row.briefs_by_month[m];
            ws.write_number(r, 3 + m as u16, v as f64)?;
        }
        ws.write_number(r, 3 + n, row.articles as f64)?;
        ws.write_number(r, 4 + n, row.briefs as f64)?;
        ws.write_number(r, 5 + n, row.total() as f64)?;
    }
    let r = stats.rows.len() as u32 + 1;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(r, 1, "合计", &bold)?;
    for m in 0..months.len() {
        let v: u32 = stats
            .rows
            .iter()
            .map(|row| row.articles_by_month[m] + row.briefs_by_month[m])
            .sum();
        ws.write_number_with_format(r, 3 + m as u16, v as f64, &bold)?;
    }
    let (a, b, t) = stats.totals();
    ws.write_number_with_format(r, 3 + n, a as f64, &bold)?;
    ws.write_number_with_format(r, 4 + n, b as f64, &bold)?;
    ws.write_number_with_format(r, 5 + n, t as f64, &bold)?;
    Ok(())
}

fn by_issue(ws: &mut Worksheet, stats: &Stats, head: &Format) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[1])?;
    let cells: Vec<String> = ["期号", "日期", "类型", "标题", "署名或来源（原文）", "计入"]
        .map(String::from)
        .to_vec();
    header(ws, &cells, &[20.0, 12.0, 6.0, 44.0, 24.0, 28.0], head)?;
    let mut lines: Vec<(usize, usize, &str, &super::Item)> = Vec::new();
    for (ri, row) in stats.rows.iter().enumerate() {
        for item in &row.items {
            lines.push((item.issue, ri, &row.contributor.name, item));
        }
    }
    // In issue order, articles before briefs, the units in the order of the first sheet.
    lines.sort_by_key(|(issue, ri, _, item)| (*issue, item.kind as u8, *ri));
    for (i, (issue, _, name, item)) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        let issue = &stats.issues[*issue];
        ws.write_string(r, 0, issue.label())?;
        ws.write_string(r, 1, issue.date.format("%Y-%m-%d").to_string())?;
        ws.write_string(r, 2, item.kind.label())?;
        ws.write_string(r, 3, &item.title)?;
        ws.write_string(r, 4, &item.written)?;
        ws.write_string(r, 5, *name)?;
    }
    Ok(())
}

fn alias_sheet(ws: &mut Worksheet, aliases: &[UnitAlias], head: &Format) -> Result<(), XlsxError> {
    ws.set_name(SHEETS[2])?;
    let cells: Vec<String> = ["别名", "计入单位"].map(String::from).to_vec();
    header(ws, &cells, &[28.0, 28.0], head)?;
    for (i, a) in aliases.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, &a.alias)?;
        ws.write_string(i as u32 + 1, 1, &a.unit)?;
    }
    Ok(())
}

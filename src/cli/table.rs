//! Aligned columns for the terminal, counting a Chinese character as two columns wide.

/// How many terminal columns `s` takes: East Asian wide and full-width characters count 2.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    // The same table of full-cell characters as line breaking uses.
    if bulletin::linebreak::is_wide(c) {
        2
    } else {
        1
    }
}

/// Rows of cells laid out in columns two spaces apart; the last column is not padded.
pub fn render(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - display_width(cell) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double_and_columns_line_up() {
        assert_eq!(display_width("第4期"), 5);
        assert_eq!(display_width("（总第245期）"), 13);
        let t = render(&[
            vec!["编号".into(), "期号".into(), "标题".into()],
            vec!["ab12".into(), "第12期".into(), "峰会".into()],
        ]);
        let lines: Vec<&str> = t.lines().collect();
        // The third column starts at the same display column on every line.
        let start = |l: &str| display_width(&l[..l.rfind("  ").unwrap() + 2]);
        assert_eq!(start(lines[0]), start(lines[1]));
        assert_eq!(lines[1], "ab12  第12期  峰会");
    }
}

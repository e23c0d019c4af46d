//! Aligned columns for the terminal, counting a Chinese character as two columns wide.

/// How many terminal columns `s` takes: East Asian wide and full-width characters count 2.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD);
    if wide {
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

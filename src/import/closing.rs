//! The closing block 版记 at the end of an issue: 「报：…」, 「送：…」, 「发：…」 rows (a row may wrap
//! onto more lines), 「（共印N份）」, and the 「…印发」 line, which the model derives and does not keep.

use super::lines::Line;
use super::repair::ends_paragraph;
use super::spacing::{fold_width, key, tidy};
use crate::model::{Closing, Copies};

/// How far from the end the closing block may start (in lines).
const MAX_LINES: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Report,
    Send,
    Distribute,
}

/// The labels of the rows, longest first so 「抄送」 is not read as 「送」.
const LABELS: [(&str, Row); 7] = [
    ("抄报", Row::Report),
    ("抄送", Row::Send),
    ("主送", Row::Send),
    ("分送", Row::Send),
    ("报", Row::Report),
    ("送", Row::Send),
    ("发", Row::Distribute),
];

fn label(text: &str) -> Option<(Row, &str)> {
    LABELS.iter().find_map(|(l, row)| {
        text.strip_prefix(l)
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix(['：', ':']))
            .map(|rest| (*row, rest.trim()))
    })
}

/// 「共印80份」 anywhere in a line: the number and the line without it (and its brackets).
fn copies(text: &str) -> Option<(u32, String)> {
    let k = key(text);
    let at = k.find("共印")?;
    let digits: String = k[at + "共印".len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if digits.is_empty() || !k[at + "共印".len() + digits.len()..].starts_with('份') {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    // Drop 「（共印80份）」 from the original text, whatever its spacing.
    let start = text.find("共印")?;
    let end = text[start..].find('份')? + start + '份'.len_utf8();
    let mut rest = format!("{}{}", &text[..start], &text[end..]);
    for pair in ["（）", "()", "（)", "(）"] {
        rest = rest.replace(pair, "");
    }
    Some((n, tidy(&rest)))
}

/// The 「温州市科学技术协会办公室 2020年4月30日印发」 line.
fn is_issued_line(text: &str) -> bool {
    let k = key(text);
    k.ends_with("印发") && k.chars().any(|c| fold_width(c).is_ascii_digit())
}

/// Index of the first line of the closing block in `lines[from..]`, or `lines.len()` if there is none.
pub fn find_start(lines: &[Line], from: usize) -> usize {
    let mut start = lines.len();
    let floor = from.max(lines.len().saturating_sub(MAX_LINES));
    let mut i = lines.len();
    while i > floor {
        let t = tidy(&lines[i - 1].text);
        if label(&t).is_some() || copies(&t).is_some() || is_issued_line(&t) {
            start = i - 1;
        } else if ends_paragraph(&t)
            || super::briefs::starts_brief(&t)
            || super::briefs::brief_source(&t).is_some()
        {
            // A finished paragraph or a brief (a title-style one has no stop) is no closing row.
            break;
        }
        i -= 1;
    }
    start
}

/// Reads the closing block's lines.
pub fn parse(lines: &[Line]) -> Closing {
    let mut closing = Closing::default();
    let mut current: Option<Row> = None;
    for line in lines {
        let mut t = tidy(&line.text);
        if let Some((n, rest)) = copies(&t) {
            closing.copies = Copies::new(n);
            t = rest;
        }
        if is_issued_line(&t) || t.is_empty() {
            continue;
        }
        let (row, text) = match label(&t) {
            Some((row, text)) => (row, text.to_owned()),
            // A wrapped row continues on the next line.
            None => match current {
                Some(row) => (row, t.clone()),
                None => continue,
            },
        };
        current = Some(row);
        let slot = match row {
            Row::Report => &mut closing.report_to,
            Row::Send => &mut closing.send_to,
            Row::Distribute => &mut closing.distribute_to,
        };
        match slot {
            Some(existing) if label(&t).is_some() => {
                existing.push('；');
                existing.push_str(&text);
            }
            Some(existing) => existing.push_str(&text),
            None => *slot = Some(text),
        }
    }
    closing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::numbered as lines;

    #[test]
    fn rows_wraps_and_copies() {
        let l = lines(&[
            "最后一条简讯。（市科协）",
            "报：省科协，市委、市政府领导",
            "送：市委办公室，市政府办公室，",
            "市人大办公室，市政协办公室",
            "发：各县（市、区）科协，市级学会",
            "温州市科学技术协会办公室 2020 年 4 月 30 日印发",
            "（共印 80 份）",
        ]);
        let start = find_start(&l, 0);
        assert_eq!(start, 1);
        let c = parse(&l[start..]);
        assert_eq!(c.report_to.as_deref(), Some("省科协，市委、市政府领导"));
        assert_eq!(
            c.send_to.as_deref(),
            Some("市委办公室，市政府办公室，市人大办公室，市政协办公室")
        );
        assert_eq!(
            c.distribute_to.as_deref(),
            Some("各县（市、区）科协，市级学会")
        );
        assert_eq!(c.copies.map(|n| n.get()), Some(80));
    }

    #[test]
    fn a_copies_line_above_the_briefs_does_not_take_them() {
        let l = lines(&[
            "（共印 100 份）",
            "简讯",
            "5月11日，市科协举办培训班（市科协学会部）",
            "报：省科协",
        ]);
        assert_eq!(find_start(&l, 0), 3);
    }

    #[test]
    fn no_closing_block() {
        let l = lines(&["正文。", "最后一条。（市科协）"]);
        assert_eq!(find_start(&l, 0), 2);
    }

    #[test]
    fn copies_on_a_row() {
        let c = parse(&lines(&["发：各县（市、区）科协 （共印100份）"]));
        assert_eq!(c.distribute_to.as_deref(), Some("各县（市、区）科协"));
        assert_eq!(c.copies.map(|n| n.get()), Some(100));
    }
}

//! The masthead lines at the top of an issue: name, 第N期, （总第M期）, 「…编」 and the date, in whatever
//! spacing and bracket widths PDF extraction left (`第 4 期`, `(总第 245 期)`, `2020 年 4 月 30 日`).

use chrono::NaiveDate;

use super::lines::Line;
use super::spacing::{fold_width, is_han, tidy};
use crate::model::{IssueNumber, Masthead, TotalNumber};

/// What the masthead lines gave: the masthead, the index of the first line after it, and the
/// lines among it that are not part of it (text misplaced into the masthead), which the caller keeps.
#[derive(Debug)]
pub struct Read {
    /// The masthead.
    pub masthead: Masthead,
    /// Index of the first line after the masthead.
    pub end: usize,
    /// Indices (before `end`) of lines that are neither masthead fields nor circulation marks.
    pub stray: Vec<usize>,
    /// The numbers the masthead lacked and what was taken for them.
    pub guessed: Vec<Guess>,
}

/// The masthead, the index of the first line after it, and the lines in it that are not its own.
pub fn parse(lines: &[Line]) -> Result<Read, String> {
    let mut name: Option<String> = None;
    let mut number = None;
    let mut total = None;
    let mut date = None;
    let mut editor: Option<String> = None;
    let mut end = 0;
    let mut seen_text = false;
    let mut unused = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut chars: Vec<char> = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut used = false;
        if total.is_none() {
            // 「总第245期」, or in some years 「总245期」.
            let found = take_number(&mut chars, "总第", '期', |_| true)
                .or_else(|| take_number(&mut chars, "总", '期', |_| true));
            if let Some((n, at)) = found {
                total = Some((n, line.no));
                remove_empty_brackets(&mut chars, at);
                used = true;
            }
        }
        if number.is_none() {
            if let Some((n, _)) =
                take_number(&mut chars, "第", '期', |before| before != Some('总'))
            {
                number = Some((n, line.no));
                used = true;
            }
        }
        if date.is_none() {
            if let Some(d) = take_date(&mut chars) {
                date = Some((d, line.no));
                used = true;
            }
        }
        let rest: String = chars.iter().collect();
        if !used && is_boilerplate(&rest) {
            continue;
        }
        let first = !seen_text;
        seen_text = true;
        if name.is_none() && first && !rest.is_empty() {
            name = Some(if used { rest } else { squeeze_han(&line.text) });
            used = true;
        } else if editor.is_none() && is_editor(&rest) {
            editor = Some(rest);
            used = true;
        }
        if used {
            end = i + 1;
        } else {
            unused.push(i);
        }
    }
    unused.retain(|&i| i < end);
    let mut missing = Vec::new();
    if name.is_none() {
        missing.push("简报名称（第一行，如「温州科协信息」）");
    }
    if number.is_none() {
        missing.push("期号（如「第4期」）");
    }
    if total.is_none() {
        missing.push("总期号（如「（总第245期）」）");
    }
    if date.is_none() {
        missing.push("日期（如「2020年4月30日」）");
    }
    // A masthead with its name and date but without 第N期 or 总第M期 (a line lost, or a year that
    // printed only one of them) is still a bulletin: the missing number is guessed and named.
    let mut guessed = Vec::new();
    if let (Some(_), Some(((_, m, _), line))) = (&name, date) {
        if number.is_none() {
            number = Some((m, line));
            guessed.push(Guess::Number(m));
        }
        if total.is_none() {
            total = Some((1, line));
            guessed.push(Guess::Total(1));
        }
        missing.clear();
    }
    if !missing.is_empty() {
        return Err(format!(
            "这不是一期简报：文件开头的版头里找不到{}。请确认选择的是简报的纯文本文件。",
            missing.join("、")
        ));
    }
    let (number, number_line) = number.expect("checked above");
    let (total, total_line) = total.expect("checked above");
    let ((y, m, d), date_line) = date.expect("checked above");
    let number = IssueNumber::new(number)
        .ok_or_else(|| format!("第{number_line}行：期号不能是0（应为「第1期」或更大）"))?;
    let total_number = TotalNumber::new(total)
        .ok_or_else(|| format!("第{total_line}行：总期号不能是0（应为「总第1期」或更大）"))?;
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        format!("第{date_line}行：版头日期「{y}年{m}月{d}日」不存在，请检查年月日。")
    })?;
    Ok(Read {
        masthead: Masthead {
            name: name.expect("checked above"),
            number,
            total_number,
            editor: editor.unwrap_or_default(),
            date,
        },
        end,
        stray: unused,
        guessed,
    })
}

/// A masthead number the text did not have, and the value taken instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// No 第N期: the month of the masthead date is taken (the bulletin is monthly).
    Number(u32),
    /// No 总第M期: 1 is taken, for the editor to correct.
    Total(u32),
}

/// 「温州市科学技术协会编」, 「…编印」, or a labelled 「主办：温州市科学技术协会」.
fn is_editor(text: &str) -> bool {
    let labelled = ["主办", "主办单位", "编印", "编印单位", "编辑"]
        .iter()
        .any(|l| {
            text.strip_prefix(l)
                .is_some_and(|r| r.starts_with(['：', ':']))
        });
    labelled || (text.ends_with('编') || text.ends_with("编印")) && text.chars().nth(1).is_some()
}

/// Security and circulation marks printed above the name: 「内部资料 注意保存」.
fn is_boilerplate(text: &str) -> bool {
    ["内部资料", "注意保存", "内部刊物", "内部参阅", "妥善保管"]
        .iter()
        .any(|m| text.contains(m))
        || matches!(text, "秘密" | "机密" | "绝密")
}

/// 「温 州 科 协 信 息」 → 「温州科协信息」; Latin words keep their spaces.
fn squeeze_han(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = String::new();
    let mut prev: Option<char> = None;
    for c in tidy(text).chars() {
        if c.is_whitespace() {
            pending.push(c);
            continue;
        }
        if !pending.is_empty() {
            if !(prev.is_some_and(is_han) && is_han(c)) {
                out.push_str(&pending);
            }
            pending.clear();
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Finds `prefix` + number + `suffix` (「第4期」, 「第四期」), removes it from `chars` and returns the
/// number and where it was.
fn take_number(
    chars: &mut Vec<char>,
    prefix: &str,
    suffix: char,
    before_ok: impl Fn(Option<char>) -> bool,
) -> Option<(u32, usize)> {
    let prefix: Vec<char> = prefix.chars().collect();
    let mut i = 0;
    while i + prefix.len() < chars.len() {
        if chars[i..].starts_with(&prefix) && before_ok(i.checked_sub(1).map(|j| chars[j])) {
            let start = i + prefix.len();
            let len = chars[start..]
                .iter()
                .take_while(|c| fold_width(**c).is_ascii_digit() || cn_digit(**c).is_some())
                .count();
            if len > 0 && chars.get(start + len) == Some(&suffix) {
                if let Some(n) = parse_number(&chars[start..start + len]) {
                    chars.drain(i..start + len + 1);
                    return Some((n, i));
                }
            }
        }
        i += 1;
    }
    None
}

/// 「(」「)」 left around a removed 「总第245期」.
fn remove_empty_brackets(chars: &mut Vec<char>, at: usize) {
    if at > 0
        && matches!(chars.get(at - 1), Some('(' | '（'))
        && matches!(chars.get(at), Some(')' | '）'))
    {
        chars.drain(at - 1..at + 1);
    }
}

/// Finds a date 「2020年4月30日」 (or, in older issues, 「二〇一一年四月三十日」), removes it and
/// returns (year, month, day).
fn take_date(chars: &mut Vec<char>) -> Option<(i32, u32, u32)> {
    let digit = |c: char| fold_width(c).is_ascii_digit() || cn_digit(c).is_some_and(|d| d <= 10);
    let mut i = 0;
    while i < chars.len() {
        let run = |from: usize| {
            chars[from.min(chars.len())..]
                .iter()
                .take_while(|c| digit(**c))
                .count()
        };
        let y = run(i);
        if y == 4 && chars.get(i + 4) == Some(&'年') {
            let m_at = i + 5;
            let m = run(m_at);
            if (1..=2).contains(&m) && chars.get(m_at + m) == Some(&'月') {
                let d_at = m_at + m + 1;
                let d = run(d_at);
                if (1..=3).contains(&d) && chars.get(d_at + d) == Some(&'日') {
                    let num = |a: usize, n: usize| parse_number(&chars[a..a + n]);
                    let (year, month, day) = (num(i, 4)?, num(m_at, m)?, num(d_at, d)?);
                    chars.drain(i..d_at + d + 1);
                    return Some((year as i32, month, day));
                }
            }
        }
        i += y.max(1);
    }
    None
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
        .or(match c {
            '零' => Some(0),
            '十' => Some(10),
            '百' => Some(100),
            _ => None,
        })
}

/// Arabic (half- or full-width) or Chinese numerals (「四」, 「十二」, 「二百四十五」) up to a million.
fn parse_number(chars: &[char]) -> Option<u32> {
    if chars.iter().all(|c| fold_width(*c).is_ascii_digit()) {
        let s: String = chars.iter().map(|c| fold_width(*c)).collect();
        return s.parse().ok().filter(|n| *n < 1_000_000);
    }
    let (mut total, mut current) = (0u32, 0u32);
    for &c in chars {
        match cn_digit(c)? {
            10 => {
                total += current.max(1) * 10;
                current = 0;
            }
            100 => {
                total += current.max(1) * 100;
                current = 0;
            }
            d => current = current * 10 + d,
        }
        if total > 1_000_000 || current > 1_000_000 {
            return None;
        }
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::numbered as lines;

    #[test]
    fn extracted_masthead() {
        let Read {
            masthead: m, end, ..
        } = parse(&lines(&[
            "温州科协信息",
            "第 4 期",
            "(总第 245 期)",
            "温州市科学技术协会编",
            "2020 年 4 月 30 日",
            "本 期 要 目",
        ]))
        .unwrap();
        assert_eq!(m.name, "温州科协信息");
        assert_eq!((m.number.get(), m.total_number.get()), (4, 245));
        assert_eq!(m.editor, "温州市科学技术协会编");
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2020, 4, 30).unwrap());
        assert_eq!(end, 5);
    }

    #[test]
    fn fields_sharing_lines_and_chinese_numerals() {
        let Read { masthead: m, .. } = parse(&lines(&[
            "温 州 科 协 信 息",
            "第十二期（总第２３７期）",
            "温州市科学技术协会编      2019年12月31日",
        ]))
        .unwrap();
        assert_eq!(m.name, "温州科协信息");
        assert_eq!((m.number.get(), m.total_number.get()), (12, 237));
        assert_eq!(m.editor, "温州市科学技术协会编");
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2019, 12, 31).unwrap());
    }

    #[test]
    fn circulation_marks_are_not_the_name() {
        let Read { masthead: m, .. } = parse(&lines(&[
            "内部资料 注意保存",
            "温州科协信息",
            "第 4 期",
            "(总第 245 期)",
            "2020 年 4 月 30 日",
        ]))
        .unwrap();
        assert_eq!(m.name, "温州科协信息");
        assert_eq!(m.editor, "");
        assert!(is_editor("主办：温州市科学技术协会"));
        assert!(is_editor("温州市科协办公室编印"));
        assert!(!is_editor("编"));
        assert!(!is_editor("汇编资料"));
    }

    #[test]
    fn dates_in_chinese_numerals() {
        let Read { masthead: m, .. } = parse(&lines(&[
            "温州科协信息",
            "第六期",
            "（总第一百零五期）",
            "二〇一一年十二月三十一日",
        ]))
        .unwrap();
        assert_eq!((m.number.get(), m.total_number.get()), (6, 105));
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2011, 12, 31).unwrap());
    }

    #[test]
    fn text_misplaced_into_the_masthead_is_kept_apart() {
        let read = parse(&lines(&[
            "温州科协信息",
            "第 4 期",
            "会议认为，今年党建工作要紧紧围绕峰会筹备工作。",
            "(总第 245 期)",
            "2020 年 4 月 30 日",
        ]))
        .unwrap();
        assert_eq!(read.stray, [2]);
        assert_eq!(read.end, 5);
    }

    #[test]
    fn missing_and_impossible_fields_are_named() {
        let err = parse(&lines(&["床前明月光", "疑是地上霜"])).unwrap_err();
        assert!(
            err.contains("期号") && err.contains("总期号") && err.contains("日期"),
            "{err}"
        );
        // A name and a date, but no numbers: a bulletin whose numbers are guessed.
        let read = parse(&lines(&["温州科协信息", "2022年6月30日"])).unwrap();
        assert_eq!(read.guessed, [Guess::Number(6), Guess::Total(1)]);
        assert_eq!(read.masthead.number.get(), 6);
        let read = parse(&lines(&["温州科协信息", "第6期 总271期", "2022年6月30日"])).unwrap();
        assert_eq!(read.masthead.total_number.get(), 271);
        assert!(read.guessed.is_empty());
        let err = parse(&lines(&["简报", "第4期", "(总第5期)", "2021年2月30日"])).unwrap_err();
        assert!(err.contains("第4行") && err.contains("不存在"), "{err}");
        let err = parse(&lines(&["简报", "第0期", "(总第5期)", "2021年2月3日"])).unwrap_err();
        assert!(err.contains("不能是0"), "{err}");
    }

    #[test]
    fn numbers() {
        let n = |s: &str| parse_number(&s.chars().collect::<Vec<_>>());
        assert_eq!(n("四"), Some(4));
        assert_eq!(n("十二"), Some(12));
        assert_eq!(n("二十"), Some(20));
        assert_eq!(n("二百四十五"), Some(245));
        assert_eq!(n("２４５"), Some(245));
        assert_eq!(n("99999999999"), None);
    }
}

//! 简讯: the heading that starts them, and each brief's date, text and source.

use super::lines::Line;
use super::repair::final_byline;
use super::spacing::is_han;
use crate::model::{Brief, Parens};

/// Whether a line is the 简讯 heading (「简讯」, 「【简讯】」, 「简 讯」, 「工作简讯」).
pub fn is_briefs_heading(line: &Line) -> bool {
    let k = line.key();
    let k =
        k.trim_matches(|c: char| matches!(c, '【' | '】' | '[' | ']' | '〖' | '〗' | ':' | '：'));
    k.ends_with("简讯") && k.chars().count() <= 6
}

/// Words that stand for a date at the start of a brief.
const DATE_WORDS: [&str; 5] = ["近日", "日前", "近期", "本月", "月初"];
/// Parts of a month that stand for a day: 「4月上旬」.
const MONTH_PARTS: [&str; 8] = ["上中旬", "中下旬", "上旬", "中旬", "下旬", "初", "中", "底"];
/// Dashes and words that join a date range: 「4月9日—27日」, 「4月15日-16日」, 「4月9日至12日」.
const RANGE_MARKS: [char; 8] = ['—', '–', '-', '－', '~', '～', '至', '到'];
/// The separators that may follow the date; only 「，」 is implied by the model, the rest are kept.
const SEPARATORS: [char; 5] = ['，', ',', '：', ':', '、'];

/// Whether the text starts with a date followed by its separator: the start of a brief.
pub fn starts_brief(text: &str) -> bool {
    date_prefix(text)
        .map(|end| with_time_of_day(text, end))
        .is_some_and(|end| text[end..].starts_with(SEPARATORS))
}

/// A time of day before the separator belongs to the date: 「4月7日上午，」.
fn with_time_of_day(text: &str, end: usize) -> usize {
    if let Some(sep) = text[end..].find(SEPARATORS) {
        let between = &text[end..end + sep];
        if (1..=4).contains(&between.chars().count()) && between.chars().all(is_han) {
            return end + sep;
        }
    }
    end
}

/// Byte length of the date at the start: 「4月7日」, 「2019年12月5日」, 「4月9日—27日」, 「4月上旬」.
pub fn date_prefix(text: &str) -> Option<usize> {
    if let Some(w) = DATE_WORDS.iter().find(|w| text.starts_with(**w)) {
        return Some(w.len());
    }
    let mut at = 0;
    // An optional year: 「2019年」.
    if let Some(n) = digits(&text[at..]) {
        if n == 4 && text[at + n..].starts_with('年') {
            at += n + '年'.len_utf8();
        }
    }
    let end = month_day(text, at)?;
    // An optional range: 「—27日」, 「-16日」, 「至5月2日」; extraction may leave spaces around a
    // half-width dash: 「4月15日 - 16日」.
    let spaces = |from: usize| text[from..].len() - text[from..].trim_start_matches(' ').len();
    let mut range_end = None;
    let mark_at = end + spaces(end);
    if let Some(mark) = text[mark_at..]
        .chars()
        .next()
        .filter(|c| RANGE_MARKS.contains(c))
    {
        let mut from = mark_at + mark.len_utf8();
        // 「——」 written as two dashes.
        if text[from..].starts_with(mark) && mark == '—' {
            from += mark.len_utf8();
        }
        from += spaces(from);
        range_end = month_day(text, from).or_else(|| day(text, from));
    }
    Some(range_end.unwrap_or(end))
}

/// 「4月7日」, 「4月15-16日」 or 「4月上旬」 at `at`: returns where it ends.
fn month_day(text: &str, at: usize) -> Option<usize> {
    let m = digits(&text[at..]).filter(|n| (1..=2).contains(n))?;
    let after_m = at + m;
    let rest = text[after_m..].strip_prefix('月')?;
    let after_month = after_m + '月'.len_utf8();
    if let Some(end) = day(text, after_month) {
        return Some(end);
    }
    // A range of days sharing one 「日」: 「15-16日」, 「9—27日」.
    if let Some(d) = digits(rest).filter(|n| (1..=2).contains(n)) {
        let after_d = after_month + d;
        if let Some(mark) = text[after_d..]
            .chars()
            .next()
            .filter(|c| RANGE_MARKS.contains(c))
        {
            if let Some(end) = day(text, after_d + mark.len_utf8()) {
                return Some(end);
            }
        }
    }
    MONTH_PARTS
        .iter()
        .find(|p| rest.starts_with(**p))
        .map(|p| after_month + p.len())
}

/// 「27日」 at `at`.
fn day(text: &str, at: usize) -> Option<usize> {
    let d = digits(&text[at..]).filter(|n| (1..=2).contains(n))?;
    text[at + d..]
        .starts_with('日')
        .then_some(at + d + '日'.len_utf8())
}

/// Number of leading ASCII digits (bytes and characters alike).
fn digits(text: &str) -> Option<usize> {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0).then_some(n)
}

/// A brief from its (joined, tidied) text: 「4月7日，…。（叶贤挺）」.
pub fn brief(text: &str) -> Brief {
    let (body, source, source_parens) = match final_byline(text) {
        Some((before, name, parens)) => (before, Some(name), parens),
        None => (text, None, Parens::FULL),
    };
    let Some(end) = date_prefix(body) else {
        return Brief {
            date_text: String::new(),
            text: body.to_owned(),
            source,
            source_parens,
        };
    };
    let end = with_time_of_day(body, end);
    let rest = &body[end..];
    Brief {
        date_text: body[..end].chars().filter(|c| !c.is_whitespace()).collect(),
        text: rest.strip_prefix('，').unwrap_or(rest).to_owned(),
        source,
        source_parens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (String, String, Option<String>) {
        let b = brief(text);
        (b.date_text, b.text, b.source)
    }

    #[test]
    fn dates_sources_and_separators() {
        assert_eq!(
            parts("4月7日，市委组织部到市科协对接。（叶贤挺）"),
            (
                "4月7日".into(),
                "市委组织部到市科协对接。".into(),
                Some("叶贤挺".into())
            )
        );
        assert_eq!(
            parts("4月27日,市科协赴乐清洽谈。(赵理恒)"),
            (
                "4月27日".into(),
                ",市科协赴乐清洽谈。".into(),
                Some("赵理恒".into())
            )
        );
        assert_eq!(parts("4月9日—27日,推出。").0, "4月9日—27日");
        assert_eq!(parts("4月15日-16日，调研。").0, "4月15日-16日");
        assert_eq!(parts("4月15日 - 16日，调研。").0, "4月15日-16日");
        assert_eq!(parts("4月15-16日，调研。").0, "4月15-16日");
        assert_eq!(parts("4月9—27日,推出。").0, "4月9—27日");
        assert_eq!(parts("12月28日至1月3日，值班。").0, "12月28日至1月3日");
        assert_eq!(parts("2019年12月5日，召开。").0, "2019年12月5日");
        assert_eq!(parts("4月上旬，开展。").0, "4月上旬");
        assert_eq!(
            parts("4月7日上午，对接。"),
            ("4月7日上午".into(), "对接。".into(), None)
        );
        assert_eq!(parts("近日，获评。").0, "近日");
        assert_eq!(parts("没有日期的一条。").0, "");
    }

    #[test]
    fn brief_starts() {
        assert!(starts_brief("4月7日，市委"));
        assert!(starts_brief("4月9日—27日,市科协"));
        assert!(!starts_brief("5月10日举行"));
        assert!(!starts_brief("市科协"));
        assert!(starts_brief("4月7日上午，市委"));
    }
}

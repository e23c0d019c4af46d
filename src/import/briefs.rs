//! 简讯: the heading that starts them, and each brief's date, text and source.

use super::lines::Line;
use super::repair::final_byline;
use super::spacing::is_han;
use crate::model::{Brief, BriefStyle, ParenWidth, Parens};

/// Whether a line is the 简讯 heading (「简讯」, 「【简讯】」, 「简 讯」, 「工作简讯」, and in other years
/// 「短讯」, 「快讯」, 「工作动态」).
pub fn is_briefs_heading(line: &Line) -> bool {
    let k = line.key();
    let k = undecorated(&k);
    ["简讯", "短讯", "快讯", "动态"]
        .iter()
        .any(|w| k.ends_with(w))
        && k.chars().count() <= 6
}

/// A section heading without the brackets and marks set around it: 「【简讯】」, 「◆简讯◆」, 「★简讯」,
/// 「〖图片新闻〗：」.
pub fn undecorated(key: &str) -> &str {
    key.trim_matches(|c: char| {
        matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '〖'
                | '〗'
                | ':'
                | '：'
                | '◆'
                | '◇'
                | '★'
                | '☆'
                | '■'
                | '□'
                | '●'
                | '○'
                | '▲'
                | '△'
                | '※'
                | '◎'
        )
    })
}

/// Words that stand for a date at the start of a brief.
const DATE_WORDS: [&str; 5] = ["近日", "日前", "近期", "本月", "月初"];
/// Parts of a month that stand for a day: 「4月上旬」.
const MONTH_PARTS: [&str; 8] = ["上中旬", "中下旬", "上旬", "中旬", "下旬", "初", "中", "底"];
/// Dashes and words that join a date range: 「4月9日—27日」, 「4月15日-16日」, 「4月9日至12日」.
const RANGE_MARKS: [char; 8] = ['—', '–', '-', '－', '~', '～', '至', '到'];
/// The separators that may follow the date; only 「，」 is implied by the model, the rest are kept.
const SEPARATORS: [char; 5] = ['，', ',', '：', ':', '、'];

/// Whether the text starts a brief: a date followed by its separator, or a brief's number
/// (「1.」, 「一、」) before a date or a title.
pub fn starts_brief(text: &str) -> bool {
    if let Some(after) = number_prefix(text) {
        return !text[after..].trim_start().is_empty();
    }
    starts_with_date(leading_label(text).0)
}

/// A date and its separator at the start: 「4月7日，」.
fn starts_with_date(text: &str) -> bool {
    date_prefix(text)
        .map(|end| with_time_of_day(text, end))
        .is_some_and(|end| text[end..].starts_with(SEPARATORS))
}

/// Byte length of a brief's number at the start: 「1.」, 「12、」, 「（3）」, 「一、」 (and a space after).
fn number_prefix(text: &str) -> Option<usize> {
    let leading = digits(text).map_or((0, 0), |d| d);
    let end = if (1..=2).contains(&leading.1) {
        let rest = &text[leading.0..];
        let mark = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '．' | '、'))?;
        // 「1.5亿元」 is a number, not a brief's; 「1.5月11日」 is a brief's number and its date.
        let after = &rest[mark.len_utf8()..];
        if digits(after).is_some() && date_prefix(after).is_none() {
            return None;
        }
        leading.0 + mark.len_utf8()
    } else if let Some(inner) = text.strip_prefix(['（', '(']) {
        let n = inner.bytes().take_while(u8::is_ascii_digit).count();
        let close = inner[n..]
            .chars()
            .next()
            .filter(|c| matches!(c, '）' | ')'))?;
        if !(1..=2).contains(&n) {
            return None;
        }
        text.len() - inner.len() + n + close.len_utf8()
    } else {
        let numerals: usize = text
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum();
        if numerals == 0 || numerals > 3 * '十'.len_utf8() || !text[numerals..].starts_with('、')
        {
            return None;
        }
        numerals + '、'.len_utf8()
    };
    let rest = &text[end..];
    Some(end + rest.len() - rest.trim_start().len())
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
    if let Some((n, count)) = digits(&text[at..]) {
        if count == 4 && text[at + n..].starts_with('年') {
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
    let (m, _) = digits(&text[at..]).filter(|(_, n)| (1..=2).contains(n))?;
    let after_m = at + m;
    let rest = text[after_m..].strip_prefix('月')?;
    let after_month = after_m + '月'.len_utf8();
    if let Some(end) = day(text, after_month) {
        return Some(end);
    }
    // A range of days sharing one 「日」: 「15-16日」, 「9—27日」.
    if let Some((d, _)) = digits(rest).filter(|(_, n)| (1..=2).contains(n)) {
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
    let (d, _) = digits(&text[at..]).filter(|(_, n)| (1..=2).contains(n))?;
    text[at + d..]
        .starts_with('日')
        .then_some(at + d + '日'.len_utf8())
}

/// The leading digits, half- or full-width (Word users type 「５月３０日」): (bytes, digits).
fn digits(text: &str) -> Option<(usize, usize)> {
    let run: Vec<char> = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .collect();
    let bytes = run.iter().map(|c| c.len_utf8()).sum();
    (!run.is_empty()).then_some((bytes, run.len()))
}

/// Marks that end a brief written as a sentence.
fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';' | '.' | '．'
    )
}

/// Closing quotes and brackets that may follow a stop.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '"')
}

/// Whether the text ends with a stop, looking through closing quotes: 「…。」, 「…。”」.
pub fn ends_with_stop(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|c| !is_closer(*c) && !c.is_whitespace())
        .is_some_and(is_stop)
}

/// Whether a source's inner text can be a source: a name or unit, 2–20 characters, with Han,
/// no digits and no sentence punctuation (「（筹）」 or 「（2020年）」 are not sources).
fn is_source_name(inner: &str) -> bool {
    let n = inner.chars().count();
    (2..=20).contains(&n)
        && inner.chars().any(is_han)
        && !inner.chars().any(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '，' | ','
                        | '。'
                        | '；'
                        | ';'
                        | '（'
                        | '('
                        | '）'
                        | ')'
                        | '！'
                        | '？'
                        | '【'
                        | '】'
                        | '“'
                        | '”'
                        | '、'
                )
        })
}

/// The source at the end of a brief in any of its styles: 「…。（叶贤挺）」, 「…活动（苍南县科协）」,
/// 「…(市科协)」, 「…。【市科协】」, 「…。——市科协」. Returns the text before it, the name and the
/// parentheses to print it in (【】 and dashes become the house style's full-width parentheses).
pub fn brief_source(text: &str) -> Option<(&str, String, Parens)> {
    if let Some(found) = final_byline(text) {
        return Some(found);
    }
    let t = text.trim_end();
    let (before, inner, parens) = if let Some(body) = t.strip_suffix('】') {
        let open = body.rfind('【')?;
        (&body[..open], &body[open + '【'.len_utf8()..], Parens::FULL)
    } else if let Some(body) = t.strip_suffix(['）', ')']) {
        let open = body.rfind(['（', '('])?;
        let open_char = body[open..].chars().next()?;
        let parens = Parens {
            open: width(open_char == '('),
            close: width(t.ends_with(')')),
        };
        (&body[..open], &body[open + open_char.len_utf8()..], parens)
    } else {
        // A dash: 「——市科协」, 「—市科协」, 「－市科协」; not a range of dates or numbers.
        let at = t.rfind(['—', '－', '-', '–'])?;
        let mark_len = t[at..].chars().next()?.len_utf8();
        let inner = &t[at + mark_len..];
        let before = t[..at].trim_end_matches(['—', '－', '-', '–']);
        if before.ends_with(|c: char| c.is_ascii_digit()) || before.trim_end().is_empty() {
            return None;
        }
        (before, inner, Parens::FULL)
    };
    let inner = inner.trim();
    let before = before.trim_end();
    if before.is_empty() || !is_source_name(inner) {
        return None;
    }
    Some((before, inner.split_whitespace().collect(), parens))
}

fn width(half: bool) -> ParenWidth {
    if half {
        ParenWidth::Half
    } else {
        ParenWidth::Full
    }
}

/// A line that is nothing but a source, left on its own line: 「【市科协】」, 「——市科协」.
pub fn is_standalone_source(text: &str) -> bool {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('【').and_then(|r| r.strip_suffix('】')) {
        return is_source_name(inner.trim());
    }
    let after = t.trim_start_matches(['—', '－', '-', '–']);
    after.len() < t.len() && is_source_name(after.trim())
}

/// A brief from its (joined, tidied) text: 「4月7日，…。（叶贤挺）」 or, in the title style,
/// 「5月30日，某县开展走访慰问活动（某县科协）」; a number 「1.」 before it and a source in 【】
/// before the date 「【市科协】4月7日，…」 are read too.
pub fn brief(text: &str) -> Brief {
    let text = number_prefix(text).map_or(text, |end| &text[end..]);
    let (text, leading_source) = leading_label(text);
    let (body, source, source_parens) = match brief_source(text) {
        Some((before, name, parens)) => (before, Some(name), parens),
        None => (text, leading_source, Parens::FULL),
    };
    let style = if ends_with_stop(body) {
        BriefStyle::Sentence
    } else {
        BriefStyle::Title
    };
    let Some(end) = date_prefix(body) else {
        return Brief {
            date_text: String::new(),
            text: body.to_owned(),
            source,
            source_parens,
            style,
        };
    };
    let end = with_time_of_day(body, end);
    let rest = &body[end..];
    Brief {
        date_text: body[..end].chars().filter(|c| !c.is_whitespace()).collect(),
        text: rest.strip_prefix('，').unwrap_or(rest).to_owned(),
        source,
        source_parens,
        style,
    }
}

/// 「【市科协】4月7日，…」: a source in 【】 before the date.
fn leading_label(text: &str) -> (&str, Option<String>) {
    if let Some(inner) = text.strip_prefix('【') {
        if let Some(close) = inner.find('】') {
            let name = inner[..close].trim();
            let rest = inner[close + '】'.len_utf8()..].trim_start();
            if is_source_name(name) && date_prefix(rest).is_some() {
                return (rest, Some(name.to_owned()));
            }
        }
    }
    (text, None)
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
        assert_eq!(
            parts("５月３０日，市科协召开会议。（市科协）"),
            (
                "５月３０日".into(),
                "市科协召开会议。".into(),
                Some("市科协".into())
            )
        );
        assert_eq!(
            parts("2022年５月11日-12日，调研。").0,
            "2022年５月11日-12日"
        );
        assert_eq!(parts("没有日期的一条。").0, "");
    }

    #[test]
    fn styles_and_sources() {
        let b = brief("5月30日，苍南县开展“科技之春”走访慰问活动（苍南县科协）");
        assert_eq!(
            (
                b.date_text.as_str(),
                b.text.as_str(),
                b.source.as_deref(),
                b.style
            ),
            (
                "5月30日",
                "苍南县开展“科技之春”走访慰问活动",
                Some("苍南县科协"),
                BriefStyle::Title
            )
        );
        let b = brief("4月7日，市委组织部到市科协对接。（叶贤挺）");
        assert_eq!(b.style, BriefStyle::Sentence);
        let b = brief("4月7日，市科协召开会议。【市科协办公室】");
        assert_eq!(b.source.as_deref(), Some("市科协办公室"));
        assert_eq!(b.text, "市科协召开会议。");
        let b = brief("5月11日-12日，市科协举办培训班。——市科协学会部");
        assert_eq!(
            (b.date_text.as_str(), b.text.as_str(), b.source.as_deref()),
            ("5月11日-12日", "市科协举办培训班。", Some("市科协学会部"))
        );
        let b = brief("1. 5月11日至13日，瑞安市科协举办科普周活动（瑞安市科协）");
        assert_eq!(
            (b.date_text.as_str(), b.source.as_deref(), b.style),
            ("5月11日至13日", Some("瑞安市科协"), BriefStyle::Title)
        );
        let b = brief("一、5月下旬，市科协开展调研。（市科协）");
        assert_eq!(
            (b.date_text.as_str(), b.text.as_str()),
            ("5月下旬", "市科协开展调研。")
        );
        let b = brief("【乐清市科协】日前，乐清市科协获评先进集体。");
        assert_eq!(
            (b.date_text.as_str(), b.source.as_deref()),
            ("日前", Some("乐清市科协"))
        );
        // Not sources: a date range's dash, a note in brackets of one character.
        assert_eq!(brief("4月9日—27日，推出三期培训。").source, None);
        assert_eq!(brief("5月9日，成立了研究院（筹）").source, None);
    }

    #[test]
    fn sources_on_their_own_line() {
        assert!(is_standalone_source("【市科协】"));
        assert!(is_standalone_source("——市科协办公室"));
        assert!(!is_standalone_source("市科协"));
        assert!(!is_standalone_source("—27日，推出"));
    }

    #[test]
    fn headings_of_other_years() {
        let line = |t: &str| Line {
            no: 1,
            text: t.into(),
        };
        for h in [
            "简讯",
            "【简讯】",
            "简 讯",
            "工作简讯",
            "短讯",
            "工作动态",
            "【基层动态】",
        ] {
            assert!(is_briefs_heading(&line(h)), "{h}");
        }
        assert!(!is_briefs_heading(&line("全市科协系统工作动态汇总")));
    }

    #[test]
    fn brief_starts() {
        assert!(starts_brief("1. 5月11日，市科协"));
        assert!(starts_brief("１．５月１１日，市科协"));
        assert!(starts_brief("一、近日，市科协"));
        assert!(starts_brief("（2）市科协召开会议"));
        assert!(!starts_brief("1.5亿元资金"));
        assert!(starts_brief(
            "【瑞安市科协】3月12日，瑞安市科协举办培训班。"
        ));
        assert!(!starts_brief("惠民活动（某县科协）"));
        assert!(starts_brief("4月7日，市委"));
        assert!(starts_brief("4月9日—27日,市科协"));
        assert!(!starts_brief("5月10日举行"));
        assert!(!starts_brief("市科协"));
        assert!(starts_brief("4月7日上午，市委"));
    }
}

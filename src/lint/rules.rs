//! The checks themselves: each rule over one text, finding what is wrong and where.

use super::{excerpt, Finding, Fix, Place, Rule};
use crate::model::{Brief, BriefStyle};

const HALF_TO_FULL: [(char, char); 7] = [
    (',', '，'),
    (':', '：'),
    (';', '；'),
    ('(', '（'),
    (')', '）'),
    ('?', '？'),
    ('!', '！'),
];
const PAIRS: [(char, char); 7] = [
    ('（', '）'),
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('「', '」'),
    ('【', '】'),
    ('〔', '〕'),
];
const DOUBLED: &str = "，。、；：？！";

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// Whether a character belongs to Chinese running text (Han or full-width punctuation).
fn is_cjk_context(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

/// Whether a character is a full-width digit or Latin letter (U+FF10–FF19, FF21–FF3A, FF41–FF5A).
fn is_full_width_alphanumeric(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Whether `chars[i]` belongs to a run of full-width digits and letters: one of them, or the
/// full-width point between two digits 「１．５」.
fn in_full_width_run(chars: &[char], i: usize) -> bool {
    let digit = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| ('０'..='９').contains(c))
    };
    is_full_width_alphanumeric(chars[i])
        || chars[i] == '．' && digit(i.checked_sub(1)) && digit(Some(i + 1))
}

/// One finding, with one fix, for the run of full-width digits and letters starting at `at`:
/// 「２０２４年」 → 「2024年」, 「ＡＩ」 → 「AI」, 「１．５亿」 → 「1.5亿」.
///
/// The masthead's name and editing body are left alone: they are the bulletin's and the office's
/// registered names, set as the office wants them, not running text. Everywhere else — body,
/// headlines, TOC text, bylines and a brief's date as written — a full-width digit or letter is
/// never meant: GB/T 15834 and the bulletin's style set Arabic numerals and Latin letters
/// half-width in horizontal Chinese text, and the importer keeps 「４月７日」 verbatim, so the
/// date would print full-width unless fixed here.
fn check_full_width_run(place: Place, chars: &[char], at: usize, out: &mut Vec<Finding>) {
    if matches!(place, Place::MastheadName | Place::MastheadEditor) {
        return;
    }
    let len = (at..chars.len())
        .take_while(|&j| in_full_width_run(chars, j))
        .count();
    let run: String = chars[at..at + len].iter().collect();
    let half: String = run
        .chars()
        .map(|c| char::from_u32(c as u32 - 0xFEE0).unwrap_or(c))
        .collect();
    push(
        out,
        Rule::FullWidthAlphanumeric,
        place,
        chars,
        at,
        format!("全角数字或字母「{run}」应为半角「{half}」"),
        Some(Fix {
            start: at,
            len,
            with: half,
        }),
    );
}

pub(super) fn push(
    out: &mut Vec<Finding>,
    rule: Rule,
    place: Place,
    chars: &[char],
    at: usize,
    message: String,
    fix: Option<Fix>,
) {
    out.push(Finding {
        rule,
        place,
        start: at,
        excerpt: excerpt(chars, at),
        message,
        fix,
    });
}

/// Every rule that looks at one text alone.
pub(super) fn check_text(place: Place, text: &str, out: &mut Vec<Finding>) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let near_cjk = |i: usize| {
        (i > 0 && is_cjk_context(chars[i - 1])) || (i + 1 < n && is_cjk_context(chars[i + 1]))
    };
    for i in 0..n {
        let c = chars[i];
        // Half-width punctuation beside Chinese text; `:` between digits (10:30) is a time.
        if let Some(&(_, full)) = HALF_TO_FULL.iter().find(|(h, _)| *h == c) {
            let is_time = c == ':'
                && i > 0
                && i + 1 < n
                && chars[i - 1].is_ascii_digit()
                && chars[i + 1].is_ascii_digit();
            if !is_time && near_cjk(i) {
                push(
                    out,
                    Rule::HalfWidthPunctuation,
                    place,
                    &chars,
                    i,
                    format!("中文中使用了半角标点「{c}」，应为「{full}」"),
                    Some(Fix {
                        start: i,
                        len: 1,
                        with: full.to_string(),
                    }),
                );
            }
        }
        if is_full_width_alphanumeric(c) && (i == 0 || !in_full_width_run(&chars, i - 1)) {
            check_full_width_run(place, &chars, i, out);
        }
        if i + 1 < n && c == chars[i + 1] && DOUBLED.contains(c) {
            push(
                out,
                Rule::DoubledPunctuation,
                place,
                &chars,
                i,
                format!("标点「{c}」重复"),
                Some(Fix {
                    start: i,
                    len: 2,
                    with: c.to_string(),
                }),
            );
        }
        if c == ' ' || c == '\u{3000}' {
            let prev = chars[..i]
                .iter()
                .rev()
                .find(|&&x| x != ' ' && x != '\u{3000}');
            let run = chars[i..]
                .iter()
                .take_while(|&&x| x == ' ' || x == '\u{3000}')
                .count();
            let next = chars.get(i + run);
            let starts_run = i == 0 || (chars[i - 1] != ' ' && chars[i - 1] != '\u{3000}');
            // In a headline one space between clauses is the convention (docs/layout.md §3: 「…大会召开
            // 市科协获多项表彰」), not a stray one.
            let clause_space =
                run == 1 && matches!(place, Place::Headline { .. } | Place::TocText { .. });
            // So is one space between the phrases of a slogan in quotes: 「“科技惠企 创新赋能”」.
            let slogan_space = run == 1 && inside_quotes(&chars, i);
            if starts_run
                && !clause_space
                && !slogan_space
                && prev.is_some_and(|&p| is_han(p))
                && next.is_some_and(|&x| is_han(x))
            {
                push(
                    out,
                    Rule::SpaceBetweenHan,
                    place,
                    &chars,
                    i,
                    "汉字之间有多余的空格".into(),
                    Some(Fix {
                        start: i,
                        len: run,
                        with: String::new(),
                    }),
                );
            }
        }
        // A lone dash between Han characters: 「——」 is meant. A dash after a date or number
        // (4月9日—27日, 15-16日) is a range and fine.
        if matches!(c, '—' | '－')
            && (i == 0 || chars[i - 1] != '—')
            && chars.get(i + 1) != Some(&'—')
        {
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let next = chars.get(i + 1).copied();
            let range = prev
                .is_some_and(|p| p.is_ascii_digit() || p == '日' || p == '月' || p == '年')
                && next.is_some_and(|x| x.is_ascii_digit());
            if !range && prev.is_some_and(is_han) && next.is_some_and(is_han) {
                push(
                    out,
                    Rule::SingleDash,
                    place,
                    &chars,
                    i,
                    "单个破折线，破折号应为「——」".into(),
                    Some(Fix {
                        start: i,
                        len: 1,
                        with: "——".into(),
                    }),
                );
            }
        }
    }
    check_pairs(place, &chars, out);
    check_dates(place, &chars, out);
    check_ranges(place, &chars, out);
}

/// Whether position `at` lies between an opening 「“」 and its 「”」.
fn inside_quotes(chars: &[char], at: usize) -> bool {
    let before = &chars[..at];
    let opened = before.iter().filter(|&&c| c == '“').count();
    let closed = before.iter().filter(|&&c| c == '”').count();
    opened > closed && chars[at..].contains(&'”')
}

/// Hyphens that join a range of dates: 「5月11日-12日」, 「4月15-16日」. GB/T 15834-2011 writes
/// such a range with the 连接号 「—」 (a 一字线).
fn check_ranges(place: Place, chars: &[char], out: &mut Vec<Finding>) {
    let n = chars.len();
    for i in 1..n.saturating_sub(1) {
        if !matches!(chars[i], '-' | '－' | '–') {
            continue;
        }
        let prev = chars[i - 1];
        // The other end: digits, then 日 or 月 (「12日」, 「6月」).
        let digits = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let unit = chars.get(i + 1 + digits).copied();
        if digits == 0 || digits > 2 || !matches!(unit, Some('日' | '月')) {
            continue;
        }
        let date_before = match prev {
            '日' | '月' => true,
            // 「15-16日」: the first day's digits follow a 月.
            d if d.is_ascii_digit() => {
                let start = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                i > start && chars[i - start - 1] == '月'
            }
            _ => false,
        };
        if date_before {
            let c = chars[i];
            push(
                out,
                Rule::RangeHyphen,
                place,
                chars,
                i,
                format!("日期范围用了连字符「{c}」，应为连接号「—」（GB/T 15834-2011）"),
                Some(Fix {
                    start: i,
                    len: 1,
                    with: "—".into(),
                }),
            );
        }
    }
}

/// A brief in the sentence style ends with its stop; one in the title style has none by design.
pub(super) fn check_brief_stop(place: Place, brief: &Brief, out: &mut Vec<Finding>) {
    if brief.style == BriefStyle::Title {
        return;
    }
    let text = brief.text.trim_end();
    let chars: Vec<char> = text.chars().collect();
    let last = chars
        .iter()
        .rev()
        .find(|c| !matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》'));
    if chars.is_empty() || last.is_some_and(|c| "。！？…；.!?".contains(*c)) {
        return;
    }
    push(
        out,
        Rule::MissingStop,
        place,
        &chars,
        chars.len().saturating_sub(1),
        "简讯末尾没有句号（如果这条简讯是一行标题，请勾选这条简讯的“标题式（不加句号）”）".into(),
        Some(Fix {
            start: chars.len(),
            len: 0,
            with: "。".into(),
        }),
    );
}

fn check_pairs(place: Place, chars: &[char], out: &mut Vec<Finding>) {
    // Treat half-width parentheses as their full-width forms here, so 「（夏细绸)」 is one pair that
    // the half-width rule reports, and 「（夏细绸」 alone is unpaired.
    let norm = |c: char| match c {
        '(' => '（',
        ')' => '）',
        other => other,
    };
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, &raw) in chars.iter().enumerate() {
        let c = norm(raw);
        if let Some(&(open, _)) = PAIRS.iter().find(|(o, _)| *o == c) {
            stack.push((open, i));
        } else if let Some(&(open, close)) = PAIRS.iter().find(|(_, cl)| *cl == c) {
            match stack.iter().rposition(|(o, _)| *o == open) {
                Some(pos) => {
                    stack.truncate(pos);
                }
                None => push(
                    out,
                    Rule::UnpairedBracket,
                    place,
                    chars,
                    i,
                    format!("「{close}」没有对应的「{open}」"),
                    None,
                ),
            }
        }
    }
    for (open, i) in stack {
        let close = PAIRS
            .iter()
            .find(|(o, _)| *o == open)
            .map(|p| p.1)
            .unwrap_or(open);
        push(
            out,
            Rule::UnpairedBracket,
            place,
            chars,
            i,
            format!("「{open}」没有对应的「{close}」"),
            None,
        );
    }
}

fn check_dates(place: Place, chars: &[char], out: &mut Vec<Finding>) {
    let n = chars.len();
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < n {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let y = digits(i);
        // 2020-4-30, 2020.04.30, 2020/4/30
        if y == 4 && i + y < n && matches!(chars[i + y], '-' | '.' | '/') {
            let sep = chars[i + y];
            let m_at = i + y + 1;
            let m = digits(m_at.min(n));
            if (1..=2).contains(&m) && m_at + m < n && chars[m_at + m] == sep {
                let d_at = m_at + m + 1;
                let d = digits(d_at.min(n));
                if (1..=2).contains(&d) {
                    let num = |a: usize, l: usize| {
                        chars[a..a + l]
                            .iter()
                            .collect::<String>()
                            .parse::<u32>()
                            .unwrap_or(0)
                    };
                    let (yy, mm, dd) = (num(i, y), num(m_at, m), num(d_at, d));
                    if (1..=12).contains(&mm) && (1..=31).contains(&dd) {
                        push(
                            out,
                            Rule::DateForm,
                            place,
                            chars,
                            i,
                            format!("日期应写作「{yy}年{mm}月{dd}日」"),
                            Some(Fix {
                                start: i,
                                len: d_at + d - i,
                                with: format!("{yy}年{mm}月{dd}日"),
                            }),
                        );
                        i = d_at + d;
                        continue;
                    }
                }
            }
        }
        // Leading zeros: 04月, 05日.
        if y == 2 && chars[i] == '0' && i + 2 < n && matches!(chars[i + 2], '月' | '日') {
            push(
                out,
                Rule::DateForm,
                place,
                chars,
                i,
                format!("日期不用前导零：「{}{}」", chars[i + 1], chars[i + 2]),
                Some(Fix {
                    start: i,
                    len: 1,
                    with: String::new(),
                }),
            );
        }
        i += y.max(1);
    }
}

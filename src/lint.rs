//! 校对助手: punctuation and form checks over all text of an issue, each finding with its place
//! and, where one is certain, a proposed fix that can be applied alone or all at once.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::{Issue, Masthead, Parens};

/// Where in an issue a text lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// The bulletin name.
    MastheadName,
    /// The editing body.
    MastheadEditor,
    /// The masthead's numbers (no text of its own to fix).
    MastheadNumbers,
    /// Line `line` of article `article`'s headline (0-based).
    Headline {
        /// Article index.
        article: usize,
        /// Headline line index.
        line: usize,
    },
    /// The TOC text override of an article.
    TocText {
        /// Article index.
        article: usize,
    },
    /// Block `block` of article `article`.
    Block {
        /// Article index.
        article: usize,
        /// Block index.
        block: usize,
    },
    /// An article's byline.
    Byline {
        /// Article index.
        article: usize,
    },
    /// A brief's date.
    BriefDate {
        /// Brief index.
        brief: usize,
    },
    /// A brief's text.
    BriefText {
        /// Brief index.
        brief: usize,
    },
    /// A brief's source.
    BriefSource {
        /// Brief index.
        brief: usize,
    },
}

impl Place {
    /// The place as an editor reads it: 「第2篇文章 第3段」.
    pub fn label(&self) -> String {
        match *self {
            Place::MastheadName => "报头 简报名称".into(),
            Place::MastheadEditor => "报头 编印单位".into(),
            Place::MastheadNumbers => "报头 期号".into(),
            Place::Headline { article, line } => {
                format!("第{}篇文章 标题第{}行", article + 1, line + 1)
            }
            Place::TocText { article } => format!("第{}篇文章 要目文字", article + 1),
            Place::Block { article, block } => format!("第{}篇文章 第{}段", article + 1, block + 1),
            Place::Byline { article } => format!("第{}篇文章 署名", article + 1),
            Place::BriefDate { brief } => format!("第{}条简讯 日期", brief + 1),
            Place::BriefText { brief } => format!("第{}条简讯 正文", brief + 1),
            Place::BriefSource { brief } => format!("第{}条简讯 来源", brief + 1),
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `,` `:` `;` `(` `)` `?` `!` among Han text.
    HalfWidthPunctuation,
    /// A bracket or quote without its partner.
    UnpairedBracket,
    /// The same punctuation twice in a row.
    DoubledPunctuation,
    /// A single dash or hyphen where 「——」 is meant.
    SingleDash,
    /// ０–９ instead of 0–9.
    FullWidthDigit,
    /// A date not written as 2020年4月30日.
    DateForm,
    /// A space between two Han characters.
    SpaceBetweenHan,
    /// 总第M期 not following the previous issue's.
    TotalNumberSequence,
}

/// A proposed replacement of `len` characters at `start` (character offsets) by `with`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// First character replaced.
    pub start: usize,
    /// How many characters are replaced.
    pub len: usize,
    /// The replacement.
    pub with: String,
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Which check found it.
    pub rule: Rule,
    /// Where the text is.
    pub place: Place,
    /// Character offset of the problem in that text.
    pub start: usize,
    /// The surrounding text, e.g. 「4月27日,市科协」.
    pub excerpt: String,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The fix, when it is certain.
    pub fix: Option<Fix>,
}

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

/// Every text of the issue with its place, in reading order. A byline and a brief's source are
/// checked as printed, in their parentheses as written (「（夏细绸)」): offsets of findings there
/// count from the opening parenthesis.
pub fn texts(issue: &Issue) -> Vec<(Place, Cow<'_, str>)> {
    let mut out: Vec<(Place, Cow<'_, str>)> = vec![
        (Place::MastheadName, issue.masthead.name.as_str().into()),
        (Place::MastheadEditor, issue.masthead.editor.as_str().into()),
    ];
    for (a, art) in issue.articles.iter().enumerate() {
        for (l, line) in art.headline.iter().enumerate() {
            out.push((
                Place::Headline {
                    article: a,
                    line: l,
                },
                line.as_str().into(),
            ));
        }
        if let Some(t) = &art.toc_text {
            out.push((Place::TocText { article: a }, t.as_str().into()));
        }
        for (b, block) in art.blocks.iter().enumerate() {
            out.push((
                Place::Block {
                    article: a,
                    block: b,
                },
                block.text.as_str().into(),
            ));
        }
        if let Some(t) = &art.byline {
            out.push((
                Place::Byline { article: a },
                art.byline_parens.wrap(t).into(),
            ));
        }
    }
    for (b, brief) in issue.briefs.iter().enumerate() {
        out.push((
            Place::BriefDate { brief: b },
            brief.date_text.as_str().into(),
        ));
        out.push((Place::BriefText { brief: b }, brief.text.as_str().into()));
        if let Some(s) = &brief.source {
            out.push((
                Place::BriefSource { brief: b },
                brief.source_parens.wrap(s).into(),
            ));
        }
    }
    out
}

/// The name and parentheses of the byline or source at `place`, if it is one.
fn byline_mut<'a>(
    issue: &'a mut Issue,
    place: &Place,
) -> Option<(&'a mut Option<String>, &'a mut Parens)> {
    match *place {
        Place::Byline { article } => {
            let a = issue.articles.get_mut(article)?;
            Some((&mut a.byline, &mut a.byline_parens))
        }
        Place::BriefSource { brief } => {
            let b = issue.briefs.get_mut(brief)?;
            Some((&mut b.source, &mut b.source_parens))
        }
        _ => None,
    }
}

fn text_mut<'a>(issue: &'a mut Issue, place: &Place) -> Option<&'a mut String> {
    match *place {
        Place::MastheadName => Some(&mut issue.masthead.name),
        Place::MastheadEditor => Some(&mut issue.masthead.editor),
        Place::MastheadNumbers => None,
        Place::Headline { article, line } => {
            issue.articles.get_mut(article)?.headline.get_mut(line)
        }
        Place::TocText { article } => issue.articles.get_mut(article)?.toc_text.as_mut(),
        Place::Block { article, block } => {
            Some(&mut issue.articles.get_mut(article)?.blocks.get_mut(block)?.text)
        }
        Place::Byline { .. } | Place::BriefSource { .. } => None,
        Place::BriefDate { brief } => Some(&mut issue.briefs.get_mut(brief)?.date_text),
        Place::BriefText { brief } => Some(&mut issue.briefs.get_mut(brief)?.text),
    }
}

/// Characters an excerpt shows on each side of a finding.
const EXCERPT_SIDE: usize = 6;

fn excerpt(chars: &[char], at: usize) -> String {
    let from = at.saturating_sub(EXCERPT_SIDE);
    let to = (at + EXCERPT_SIDE).min(chars.len());
    chars[from..to].iter().collect()
}

/// Checks every text of `issue`; `previous` is the masthead of the issue before it, if known.
pub fn check(issue: &Issue, previous: Option<&Masthead>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (place, text) in texts(issue) {
        let from = out.len();
        check_text(place, &text, &mut out);
        // A finding near the start of a brief's text shows the date before it, as printed:
        // 「4月27日,市科协赴乐」 says which brief better than 「,市科协赴乐」.
        if let Place::BriefText { brief } = place {
            let lead = issue.briefs[brief].lead();
            for f in &mut out[from..] {
                if f.start < EXCERPT_SIDE {
                    f.excerpt.insert_str(0, &lead);
                }
            }
        }
    }
    if let Some(prev) = previous {
        let want = prev.total_number.get() + 1;
        let got = issue.masthead.total_number.get();
        if got != want {
            out.push(Finding {
                rule: Rule::TotalNumberSequence,
                place: Place::MastheadNumbers,
                start: 0,
                excerpt: issue.masthead.total_label(),
                message: format!(
                    "总第{got}期与上一期（总第{}期）不连续，应为总第{want}期",
                    prev.total_number
                ),
                fix: None,
            });
        }
    }
    out
}

fn push(
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

fn check_text(place: Place, text: &str, out: &mut Vec<Finding>) {
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
        if ('０'..='９').contains(&c) {
            let half = char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c);
            push(
                out,
                Rule::FullWidthDigit,
                place,
                &chars,
                i,
                format!("全角数字「{c}」应为半角「{half}」"),
                Some(Fix {
                    start: i,
                    len: 1,
                    with: half.to_string(),
                }),
            );
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
            // In a headline one space between clauses is the convention (spec §3: 「…大会召开
            // 市科协获多项表彰」), not a stray one.
            let clause_space =
                run == 1 && matches!(place, Place::Headline { .. } | Place::TocText { .. });
            if starts_run
                && !clause_space
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

/// `text` with `fix` applied; `None` when it no longer reaches that far.
fn fixed(text: &str, fix: &Fix) -> Option<String> {
    let mut chars: Vec<char> = text.chars().collect();
    if fix.start + fix.len > chars.len() {
        return None;
    }
    chars.splice(fix.start..fix.start + fix.len, fix.with.chars());
    Some(chars.into_iter().collect())
}

/// Applies one fix to the text at `place`; false when the text changed since the check.
pub fn apply(issue: &mut Issue, place: &Place, fix: &Fix) -> bool {
    // A byline is checked as printed, 「（夏细绸)」: fix that, then keep the name and the
    // parentheses apart again (a fixed pair is the canonical full-width one).
    if let Some((name, parens)) = byline_mut(issue, place) {
        let Some(current) = name.as_deref() else {
            return false;
        };
        let Some(new) = fixed(&parens.wrap(current), fix) else {
            return false;
        };
        match Parens::split(&new) {
            Some((p, inner)) => {
                *name = Some(inner.to_string());
                *parens = p;
            }
            // No fix removes a parenthesis; were one to, the text is the name, printed in （）.
            None => {
                *name = Some(new);
                *parens = Parens::FULL;
            }
        }
        return true;
    }
    let Some(text) = text_mut(issue, place) else {
        return false;
    };
    let Some(new) = fixed(text, fix) else {
        return false;
    };
    *text = new;
    true
}

/// Applies every fixable finding (back to front within each text, so offsets stay valid);
/// returns how many fixes were applied.
pub fn apply_all(issue: &mut Issue, findings: &[Finding]) -> usize {
    let mut fixable: Vec<&Finding> = findings.iter().filter(|f| f.fix.is_some()).collect();
    fixable.sort_by_key(|f| std::cmp::Reverse(f.fix.as_ref().map(|x| x.start)));
    let mut applied = 0;
    let mut last_start: std::collections::HashMap<Place, usize> = std::collections::HashMap::new();
    for f in fixable {
        let fix = f.fix.as_ref().expect("filtered");
        // Skip fixes that overlap one already applied in the same text.
        if last_start
            .get(&f.place)
            .is_some_and(|&s| fix.start + fix.len > s)
        {
            continue;
        }
        if apply(issue, &f.place, fix) {
            last_start.insert(f.place, fix.start);
            applied += 1;
        }
    }
    applied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, Brief, Closing, IssueNumber, Status, TotalNumber};
    use chrono::NaiveDate;

    fn issue_with(paragraphs: &[&str]) -> Issue {
        Issue {
            masthead: Masthead {
                name: "温州科协信息".into(),
                number: IssueNumber::new(4).unwrap(),
                total_number: TotalNumber::new(245).unwrap(),
                editor: "温州市科学技术协会编".into(),
                date: NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
            },
            articles: vec![Article {
                headline: vec!["市科协召开党建工作部署会议".into()],
                toc_text: None,
                blocks: paragraphs.iter().map(|p| Block::paragraph(*p)).collect(),
                byline: Some("朱哲汝".into()),
                byline_parens: Default::default(),
            }],
            briefs: vec![],
            closing: Closing::default(),
            status: Status::Draft,
        }
    }

    fn rules(text: &str) -> Vec<Rule> {
        check(&issue_with(&[text]), None)
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn correct_text_has_no_finding() {
        for ok in [
            "4月29日，温州市科协召开党建工作部署会议，认真总结回顾2019年党建工作。",
            "以贯彻落实《中国共产党党和国家机关基层组织工作条例》为契机，形成“一对多”“多对一”服务网格。",
            "4月9日—27日，市科协推出三期“农技云培训”——助力春耕。",
            "4月15日-16日，会议于10:30开始，Hello, World (test) 不算中文标点。",
            "2020年4月30日印发。",
        ] {
            assert_eq!(rules(ok), vec![], "{ok}");
        }
    }

    #[test]
    fn each_rule_finds_its_case_and_fixes_it() {
        let cases: [(&str, Rule, &str); 9] = [
            (
                "4月27日,市科协赴乐清。",
                Rule::HalfWidthPunctuation,
                "4月27日，市科协赴乐清。",
            ),
            (
                "会议要求:一要牢记使命。",
                Rule::HalfWidthPunctuation,
                "会议要求：一要牢记使命。",
            ),
            ("参加会议。。", Rule::DoubledPunctuation, "参加会议。"),
            ("科技—助力发展。", Rule::SingleDash, "科技——助力发展。"),
            ("签约２项。", Rule::FullWidthDigit, "签约2项。"),
            ("于2020-4-30召开。", Rule::DateForm, "于2020年4月30日召开。"),
            (
                "于2020.04.30召开。",
                Rule::DateForm,
                "于2020年4月30日召开。",
            ),
            ("于04月召开。", Rule::DateForm, "于4月召开。"),
            (
                "市科协 召开会议。",
                Rule::SpaceBetweenHan,
                "市科协召开会议。",
            ),
        ];
        for (text, rule, fixed) in cases {
            let mut issue = issue_with(&[text]);
            let found = check(&issue, None);
            assert_eq!(
                found.iter().map(|f| f.rule).collect::<Vec<_>>(),
                vec![rule],
                "{text}"
            );
            assert_eq!(found[0].place.label(), "第1篇文章 第1段");
            assert_eq!(apply_all(&mut issue, &found), 1);
            assert_eq!(issue.articles[0].blocks[0].text, fixed);
            assert!(check(&issue, None).is_empty(), "{fixed}");
        }
    }

    #[test]
    fn unpaired_brackets_and_the_mixed_pair_of_the_sample() {
        assert_eq!(rules("（夏细绸"), vec![Rule::UnpairedBracket]);
        assert_eq!(rules("夏细绸）"), vec![Rule::UnpairedBracket]);
        assert_eq!(rules("“一家人”思想"), vec![]);
        // 「（夏细绸)」: one pair, its closing half-width: a half-width finding, not unpaired.
        let mut issue = issue_with(&["温州科技馆接待平阳科技馆一行。（夏细绸)"]);
        let found = check(&issue, None);
        assert_eq!(
            found.iter().map(|f| f.rule).collect::<Vec<_>>(),
            vec![Rule::HalfWidthPunctuation]
        );
        apply_all(&mut issue, &found);
        assert_eq!(
            issue.articles[0].blocks[0].text,
            "温州科技馆接待平阳科技馆一行。（夏细绸）"
        );
    }

    #[test]
    fn bylines_are_checked_in_their_parentheses_as_written() {
        use crate::model::ParenWidth::{Full, Half};
        let mut issue = issue_with(&["温州科技馆接待平阳科技馆一行参观交流。"]);
        issue.articles[0].byline = Some("夏细绸".into());
        issue.articles[0].byline_parens = Parens {
            open: Full,
            close: Half,
        };
        issue.briefs.push(Brief {
            date_text: "4月27日".into(),
            text: "市科协赴乐清。".into(),
            source: Some("赵理恒".into()),
            source_parens: Parens {
                open: Half,
                close: Half,
            },
            style: Default::default(),
        });
        let found = check(&issue, None);
        let seen: Vec<(Rule, String, usize, &str)> = found
            .iter()
            .map(|f| (f.rule, f.place.label(), f.start, f.excerpt.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (
                    Rule::HalfWidthPunctuation,
                    "第1篇文章 署名".into(),
                    4,
                    "（夏细绸)"
                ),
                (
                    Rule::HalfWidthPunctuation,
                    "第1条简讯 来源".into(),
                    0,
                    "(赵理恒)"
                ),
                (
                    Rule::HalfWidthPunctuation,
                    "第1条简讯 来源".into(),
                    4,
                    "(赵理恒)"
                ),
            ]
        );
        assert_eq!(apply_all(&mut issue, &found), 3);
        assert_eq!(issue.articles[0].byline.as_deref(), Some("夏细绸"));
        assert_eq!(issue.articles[0].byline_parens, Parens::FULL);
        assert_eq!(issue.briefs[0].source.as_deref(), Some("赵理恒"));
        assert_eq!(issue.briefs[0].source_parens, Parens::FULL);
        assert!(check(&issue, None).is_empty());

        // Another fix inside a byline keeps its parentheses apart from the name.
        issue.articles[0].byline = Some("夏 细绸".into());
        let found = check(&issue, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, Rule::SpaceBetweenHan);
        assert!(apply(
            &mut issue,
            &found[0].place,
            found[0].fix.as_ref().unwrap()
        ));
        assert_eq!(issue.articles[0].byline.as_deref(), Some("夏细绸"));
        assert_eq!(issue.articles[0].byline_parens, Parens::FULL);
    }

    #[test]
    fn a_clause_space_in_a_headline_is_no_finding() {
        let mut issue = issue_with(&["正文。"]);
        issue.articles[0].headline = vec!["温州市激扬温州人精神大会召开 市科协获多项表彰".into()];
        issue.articles[0].toc_text = Some("大会召开\u{3000}市科协获表彰".into());
        assert!(check(&issue, None).is_empty());
        // Two spaces are one too many, and in body text any space between Han characters is.
        issue.articles[0].headline = vec!["大会召开  市科协获多项表彰".into()];
        issue.articles[0].blocks[0].text = "大会召开 市科协获表彰。".into();
        let found: Vec<String> = check(&issue, None)
            .iter()
            .map(|f| format!("{:?} {}", f.rule, f.place.label()))
            .collect();
        assert_eq!(
            found,
            vec![
                "SpaceBetweenHan 第1篇文章 标题第1行",
                "SpaceBetweenHan 第1篇文章 第1段"
            ]
        );
    }

    #[test]
    fn all_fixes_at_once_in_one_text_keep_offsets_right() {
        let mut issue = issue_with(&["一是,二是:三是。。 四是２。"]);
        let found = check(&issue, None);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(apply_all(&mut issue, &found), 4);
        assert_eq!(
            issue.articles[0].blocks[0].text,
            "一是，二是：三是。 四是2。"
        );
    }

    #[test]
    fn briefs_and_numbers_are_checked() {
        let mut issue = issue_with(&[]);
        issue.briefs.push(Brief {
            date_text: "4月27日".into(),
            text: ",赴乐清。".into(),
            source: Some("赵理恒".into()),
            source_parens: Default::default(),
            style: Default::default(),
        });
        let prev = Masthead {
            total_number: TotalNumber::new(243).unwrap(),
            ..issue.masthead.clone()
        };
        let found = check(&issue, Some(&prev));
        let labels: Vec<String> = found
            .iter()
            .map(|f| format!("{:?} {}", f.rule, f.place.label()))
            .collect();
        assert_eq!(
            labels,
            vec![
                "HalfWidthPunctuation 第1条简讯 正文",
                "TotalNumberSequence 报头 期号"
            ]
        );
        assert!(found[1].message.contains("应为总第244期"));
        // The date before the text, as printed, says which brief it is.
        assert_eq!(found[0].excerpt, "4月27日,赴乐清。");
        let prev = Masthead {
            total_number: TotalNumber::new(244).unwrap(),
            ..issue.masthead.clone()
        };
        assert!(check(&issue, Some(&prev))
            .iter()
            .all(|f| f.rule != Rule::TotalNumberSequence));
    }
}

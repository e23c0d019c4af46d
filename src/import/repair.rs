//! Undoing what page breaks and extraction did to the paragraphs of an issue: paragraphs cut in two,
//! bylines standing alone or split, and telling headings from paragraphs.

use super::spacing::is_han;
use crate::model::{ParenWidth, Parens};

/// One piece of text with the line of the file where it starts (for error messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The text, spaces already tidied.
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// Punctuation that ends a paragraph: sentence ends, and a colon that introduces what follows.
fn is_final_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';' | '.' | '．' | '：' | ':'
    )
}

/// Closing quotes and brackets that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '〉' | '】' | '"' | '\''
    )
}

/// How far from the end of a text its ending is looked at (in bytes; a byline is at most 20
/// characters). Paragraphs grow as page-break pieces are joined, so looking only at the tail keeps
/// the joining linear in the length of the text.
const TAIL_BYTES: usize = 128;

/// The last `TAIL_BYTES` or so of a text, cut at a character boundary.
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(TAIL_BYTES);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Whether the text ends a sentence (「…。」, 「…。”」) or ends with a byline 「…。（叶贤挺）」.
pub fn ends_paragraph(text: &str) -> bool {
    if trailing_byline(text).is_some() {
        return true;
    }
    ends_sentence(text)
}

/// Whether the last mark, looking through closing quotes and brackets, ends a sentence.
fn ends_sentence(text: &str) -> bool {
    tail(text)
        .chars()
        .rev()
        .find(|&c| !is_closer(c) && !c.is_whitespace())
        .is_some_and(is_final_mark)
}

/// Whether an opening bracket at the end was never closed: 「…交流。（夏」 continues on the next page.
pub fn ends_open(text: &str) -> bool {
    for c in tail(text).chars().rev() {
        match c {
            '（' | '(' => return true,
            '）' | ')' => return false,
            _ => {}
        }
    }
    false
}

/// The text before a trailing byline and the name in it: 「…。（叶贤挺）」 → (「…。」, 「叶贤挺」).
/// The byline must follow a sentence end (or stand alone), so 「成立了研究院（筹）」 is no byline.
pub fn trailing_byline(text: &str) -> Option<(&str, String, Parens)> {
    byline_at_end(text, false)
}

/// Like `trailing_byline`, for the very end of an article or brief, where a person's name (2–4 Han
/// characters) is a byline even when the full stop before it was left out: 「…合作事宜(赵理恒)」.
/// Not used to decide page-break joins: there a bracket may just end a page mid-sentence.
pub fn final_byline(text: &str) -> Option<(&str, String, Parens)> {
    byline_at_end(text, true)
}

fn byline_at_end(text: &str, loose: bool) -> Option<(&str, String, Parens)> {
    let t = text.trim_end();
    let close = if t.ends_with(')') {
        ParenWidth::Half
    } else {
        ParenWidth::Full
    };
    let body = t.strip_suffix(['）', ')'])?;
    let open = body.len() - tail(body).len() + tail(body).rfind(['（', '('])?;
    let open_char = body[open..].chars().next().unwrap_or('（');
    let open_len = open_char.len_utf8();
    let inner = body[open + open_len..].trim();
    let before = body[..open].trim_end();
    let count = inner.chars().count();
    if count == 0 || count > 20 || !inner.chars().any(is_han) {
        return None;
    }
    // 「（一）」 is a heading number, not a name.
    if inner.chars().all(|c| "一二三四五六七八九十".contains(c)) {
        return None;
    }
    // Colons are allowed: 「（供稿：市科协）」.
    if inner.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '，' | ',' | '。' | '；' | ';' | '（' | '(' | '）' | ')' | '！' | '？'
            )
    }) {
        return None;
    }
    let after_sentence = before.is_empty() || ends_sentence(before);
    let a_name = (2..=4).contains(&count) && inner.chars().all(is_han);
    if !(after_sentence || loose && a_name) {
        return None;
    }
    // The parentheses as written: the mixed 「（夏细绸)」 is the proofreader's to fix (lint), not ours.
    let open = if open_char == '(' {
        ParenWidth::Half
    } else {
        ParenWidth::Full
    };
    Some((before, byline_name(inner), Parens { open, close }))
}

/// 「夏 细绸」 (split by a page break) → 「夏细绸」; 「叶贤挺 王刚」 (two names) stays.
fn byline_name(inner: &str) -> String {
    let parts: Vec<&str> = inner.split_whitespace().collect();
    if parts.len() > 1 && parts.iter().all(|p| p.chars().count() >= 2) {
        parts.join(" ")
    } else {
        parts.concat()
    }
}

/// A unit that is nothing but a byline: 「(叶贤挺)」.
pub fn is_standalone_byline(text: &str) -> bool {
    trailing_byline(text).is_some_and(|(before, _, _)| before.is_empty())
}

/// The level of a numbered heading: 「一、」 → 1, 「（一）」 → 2.
pub fn numbered_level(text: &str) -> Option<u8> {
    const NUMERALS: &str = "一二三四五六七八九十";
    let mut chars = text.chars();
    let first = chars.next()?;
    if NUMERALS.contains(first) {
        let rest: String = chars
            .skip_while(|c| NUMERALS.contains(*c))
            .take(1)
            .collect();
        return (rest == "、" || rest == "．").then_some(1);
    }
    if matches!(first, '（' | '(') {
        let mut n = 0;
        for c in chars {
            if NUMERALS.contains(c) {
                n += 1;
            } else {
                return (n > 0 && matches!(c, '）' | ')')).then_some(2);
            }
        }
    }
    None
}

/// A numbered heading: 「一、…」 or 「（一）…」, short, not ending a sentence.
pub fn is_numbered_heading(text: &str) -> bool {
    numbered_level(text).is_some() && text.chars().nth(40).is_none() && !ends_sentence(text)
}

/// A short title-like line without numbering: no sentence punctuation at all, at most 20 characters.
/// The last line of a page is a full grid line (docs/layout.md §1: 28 characters), so a paragraph
/// cut by a page break is longer than this.
pub fn is_title_like(text: &str) -> bool {
    let n = text.chars().take(21).count();
    (2..=20).contains(&n)
        && text.chars().any(is_han)
        && !text
            .chars()
            .any(|c| matches!(c, '，' | ',' | '。' | '；' | ';' | '！' | '？' | '：' | ':'))
        && !ends_open(text)
}

/// A short lead-in line 「一是…」「二是…」 that introduces the paragraph after it.
fn is_lead_in(text: &str) -> bool {
    let mut chars = text.chars();
    let numbered = chars
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && chars.next() == Some('是');
    numbered && text.chars().nth(30).is_none()
}

/// How units in a part of the issue continue across page breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Article bodies: headings are never joined.
    Article,
    /// Briefs: each starts with its date, so a unit starting with a date is never a continuation.
    Briefs,
}

/// Joins paragraphs cut by page breaks and bylines left on their own line.
pub fn join_cut(units: Vec<Unit>, part: Part, starts_brief: impl Fn(&str) -> bool) -> Vec<Unit> {
    join_cut_noting(units, part, starts_brief, &mut Vec::new())
}

/// `join_cut`, noting each unit joined to the one before it (for the import report).
pub fn join_cut_noting(
    units: Vec<Unit>,
    part: Part,
    starts_brief: impl Fn(&str) -> bool,
    joined: &mut Vec<Unit>,
) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for unit in units {
        if let Some(prev) = out.last_mut() {
            if continues(&prev.text, &unit.text, part, &starts_brief) {
                joined.push(Unit {
                    text: unit.text.chars().take(12).collect(),
                    line: unit.line,
                });
                if prev.text.ends_with(|c: char| c.is_ascii_alphabetic())
                    && unit.text.starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    prev.text.push(' ');
                }
                prev.text.push_str(&unit.text);
                continue;
            }
        }
        out.push(unit);
    }
    out
}

fn continues(prev: &str, next: &str, part: Part, starts_brief: &impl Fn(&str) -> bool) -> bool {
    // Nothing continues into the next brief or heading, even after an unclosed bracket.
    let starts_anew = match part {
        Part::Briefs => starts_brief(next),
        Part::Article => is_numbered_heading(next),
    };
    if ends_open(prev) {
        return !starts_anew;
    }
    if part == Part::Briefs && super::briefs::is_standalone_source(next) {
        return true;
    }
    // 「一是典型经验交流，营造争先创业氛围」: a lead-in line stands as its own paragraph.
    if part == Part::Article && is_lead_in(prev) {
        return false;
    }
    if is_standalone_byline(next) {
        return match part {
            Part::Article => !is_numbered_heading(prev),
            Part::Briefs => true,
        };
    }
    if ends_paragraph(prev) {
        return false;
    }
    match part {
        // A brief that already ends with its source (the title style has no stop) is complete.
        Part::Briefs => !starts_anew && super::briefs::brief_source(prev).is_none(),
        Part::Article => !starts_anew && !is_numbered_heading(prev) && !is_title_like(prev),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(texts: &[&str]) -> Vec<Unit> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Unit {
                text: (*t).into(),
                line: i + 1,
            })
            .collect()
    }

    fn texts(units: &[Unit]) -> Vec<&str> {
        units.iter().map(|u| u.text.as_str()).collect()
    }

    #[test]
    fn bylines() {
        assert_eq!(
            trailing_byline("参加座谈。（叶贤挺）"),
            Some(("参加座谈。", "叶贤挺".into(), Parens::FULL))
        );
        let half = Parens {
            open: ParenWidth::Half,
            close: ParenWidth::Half,
        };
        assert_eq!(
            trailing_byline("(市科协)"),
            Some(("", "市科协".into(), half))
        );
        // The sample's mixed pair is kept as written, for the proofreader.
        assert_eq!(
            trailing_byline("交流。（夏细绸)"),
            Some((
                "交流。",
                "夏细绸".into(),
                Parens {
                    open: ParenWidth::Full,
                    close: ParenWidth::Half
                }
            ))
        );
        assert_eq!(
            trailing_byline("交流。（叶贤挺 王刚）").map(|b| b.1),
            Some("叶贤挺 王刚".into())
        );
        assert_eq!(trailing_byline("成立了研究院（筹）"), None);
        assert_eq!(trailing_byline("见附件。（2020年）"), None);
        assert_eq!(trailing_byline("没有括号。"), None);
        assert_eq!(trailing_byline("（一）"), None);
        assert_eq!(
            trailing_byline("交流。（供稿：市科协）").map(|b| b.1),
            Some("供稿：市科协".into())
        );
        assert_eq!(trailing_byline("合作事宜(赵理恒)"), None);
        assert_eq!(
            final_byline("合作事宜(赵理恒)"),
            Some(("合作事宜", "赵理恒".into(), half))
        );
        assert_eq!(final_byline("世界青年科学家峰会（温州市科技馆）"), None);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_paragraph("工作。"));
        assert!(ends_paragraph("“两个维护”。”"));
        assert!(ends_paragraph("主要内容如下："));
        assert!(!ends_paragraph("一个品"));
        assert!(!ends_paragraph("10个创新联盟，"));
        assert!(!ends_paragraph("致2019"));
        assert!(ends_open("交流。（夏"));
        assert!(!ends_open("县（市）调研"));
    }

    #[test]
    fn headings() {
        assert_eq!(numbered_level("一、加强组织领导"), Some(1));
        assert_eq!(numbered_level("十二、其他"), Some(1));
        assert_eq!(numbered_level("（三）压实责任"), Some(2));
        assert_eq!(numbered_level("一是不负重托"), None);
        assert_eq!(numbered_level("（市）"), None);
        assert!(is_numbered_heading("一、加强组织领导"));
        assert!(!is_numbered_heading("一、加强组织领导。要……。"));
        assert!(is_title_like("会议要求"));
        assert!(!is_title_like("会议要求，一要牢记使命"));
    }

    #[test]
    fn page_break_cuts_are_joined() {
        let joined = join_cut(
            units(&[
                "要按照陈伟俊书记提出的将峰会打造成“践行总书记重要指示精神的一个示范、新时代全国科协系统的一个品",
                "牌、浙江及温州高质量发展的一个平台。",
                "一、加强领导",
                "会议认为。",
                "参观交流。（夏",
                "细绸)",
                "事宜。",
                "(赵理恒)",
            ]),
            Part::Article,
            |_| false,
        );
        assert_eq!(
            texts(&joined),
            [
                "要按照陈伟俊书记提出的将峰会打造成“践行总书记重要指示精神的一个示范、新时代全国科协系统的一个品牌、浙江及温州高质量发展的一个平台。",
                "一、加强领导",
                "会议认为。",
                "参观交流。（夏细绸)",
                "事宜。(赵理恒)"
            ]
        );
        assert_eq!(joined[3].line, 5);
    }

    #[test]
    fn briefs_never_swallow_the_next_date() {
        let joined = join_cut(
            units(&["4月7日，没有句号", "4月8日，下一条。"]),
            Part::Briefs,
            |t| t.starts_with("4月8日"),
        );
        assert_eq!(joined.len(), 2);
        let joined = join_cut(
            units(&["4月7日，参观交流。（夏", "4月8日，下一条。"]),
            Part::Briefs,
            |t| t.starts_with("4月8日"),
        );
        assert_eq!(joined.len(), 2);
        // The title style: a line without a date continues a brief that has no source yet.
        let mut noted = Vec::new();
        let joined = join_cut_noting(
            units(&[
                "5月20日，某县开展“科技进万家”主题宣传系列",
                "惠民活动（某县科协）",
                "市科协召开会议（市科协）",
            ]),
            Part::Briefs,
            |t| t.starts_with("5月"),
            &mut noted,
        );
        assert_eq!(
            texts(&joined),
            [
                "5月20日，某县开展“科技进万家”主题宣传系列惠民活动（某县科协）",
                "市科协召开会议（市科协）"
            ]
        );
        assert_eq!(noted.len(), 1);
        assert_eq!(noted[0].line, 2);
        // A source left on its own line joins its brief.
        for source in ["【市科协】", "——市科协办公室"] {
            let joined = join_cut(
                units(&["5月20日，市科协召开会议。", source, "5月21日，下一条。"]),
                Part::Briefs,
                |t| t.starts_with("5月"),
            );
            assert_eq!(
                texts(&joined),
                [
                    format!("5月20日，市科协召开会议。{source}").as_str(),
                    "5月21日，下一条。"
                ]
            );
        }
    }

    #[test]
    fn lead_in_lines_stand_alone() {
        let joined = join_cut(
            units(&[
                "一是典型经验交流，营造争先创业氛围",
                "会上，六家学会作了交流发言。",
            ]),
            Part::Article,
            |_| false,
        );
        assert_eq!(joined.len(), 2);
    }
}

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
    /// Full-width digits or Latin letters 「２０２４」「ＡＩ」 instead of half-width ones, one finding a run.
    FullWidthAlphanumeric,
    /// A date not written as 2020年4月30日.
    DateForm,
    /// A space between two Han characters.
    SpaceBetweenHan,
    /// 总第M期 not following the previous issue's.
    TotalNumberSequence,
    /// A range of dates joined by a hyphen 「5月11日-12日」 instead of the 连接号 「—」.
    RangeHyphen,
    /// A brief in the sentence style without its final stop (title-style briefs have none).
    MissingStop,
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

mod rules;

use rules::{check_brief_stop, check_text};

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
        if let Place::BriefText { brief } = place {
            check_brief_stop(place, &issue.briefs[brief], &mut out);
        }
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
mod tests;

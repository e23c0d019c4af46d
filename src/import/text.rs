//! The plain-text archive format: masthead, 本期要目, articles, 简讯, closing block, in that order,
//! as PDF extraction leaves them (one paragraph a line, blank lines between, page breaks as blank
//! lines inside paragraphs). Each part is recovered by its own module; this one puts them together.

use super::briefs::{brief, brief_source, is_briefs_heading, starts_brief};
use super::headline::{
    is_toc_heading, locate, names_section, read_toc_keeping, Located, SectionEntry, Toc, TocSection,
};
use super::lines::{split, Line};
use super::repair::{
    ends_paragraph, final_byline, is_numbered_heading, is_title_like, join_cut_noting,
    numbered_level, trailing_byline, Part, Unit,
};
use super::report::{self, Parsed, Warning, WarningKind};
use super::spacing::{key, tidy};
use super::{closing, masthead, pictures};
use crate::model::{Article, Block, BlockKind, Brief, BriefStyle, Issue, Parens, Status};

/// How many lines from the top the masthead and the 本期要目 heading may be looked for.
const HEAD_LINES: usize = 40;
/// How many lines the masthead may have when there is no 本期要目.
const MASTHEAD_LINES: usize = 12;
/// Longest line (in characters) read as a headline when there is no 本期要目.
const MAX_HEADLINE_CHARS: usize = 60;
/// Longest headline line with a comma: about one line of 22 pt headline type on the 156 mm measure
/// (docs/layout.md §1, §4), with room for extraction's spaces.
const SHORT_HEADLINE_CHARS: usize = 26;

/// Why a text is not an issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// Not a bulletin at all, or its structure cannot be recovered.
    NotABulletin(String),
}

/// Recovers an issue from text in the archive's format, with what had to be guessed. Only text
/// without a bulletin's structure (no masthead, or nothing after it) is refused.
/// A Word file's pictures' bytes `media` gives by their reference (`pictures::no_media` for
/// plain text): each one in a format we take becomes a figure (with its caption) where it stood.
pub fn parse_with(text: &str, media: pictures::Media<'_>) -> Result<Parsed, TextError> {
    let mut warnings = Vec::new();
    let (lines, pictures) = pictures::take(split(text));
    if lines.is_empty() {
        return Err(TextError::NotABulletin("文件是空的，没有任何文字。".into()));
    }
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let toc_at = head.iter().position(is_toc_heading);
    let region = toc_at.unwrap_or(lines.len().min(MASTHEAD_LINES));
    let masthead::Read {
        masthead,
        end: masthead_end,
        stray,
        guessed,
    } = masthead::parse(&lines[..region]).map_err(TextError::NotABulletin)?;
    warnings.extend(guessed.into_iter().map(|g| Warning {
        line: lines[0].no,
        kind: match g {
            masthead::Guess::Number(n) => WarningKind::NumberGuessed { number: n },
            masthead::Guess::Total(n) => WarningKind::TotalGuessed { total: n },
        },
    }));
    // Text in the masthead, or between it and 本期要目, is no part of either: it is kept at the
    // head of the body (nothing the editor wrote is lost) and named in a warning.
    let mut misplaced: Vec<Line> = stray.iter().map(|&i| lines[i].clone()).collect();
    if let Some(at) = toc_at {
        misplaced.extend(lines[masthead_end.min(at)..at].iter().cloned());
    }

    let toc = match toc_at {
        Some(at) => read_toc_keeping(&lines, at + 1),
        // Entries with bullets right under the masthead are a 本期要目 printed without its heading.
        None if starts_bulleted_toc(&lines, masthead_end) => read_toc_keeping(&lines, masthead_end),
        None => Toc {
            next: masthead_end,
            ..Toc::default()
        },
    };
    misplaced.extend(toc.stray);
    let (entries, body_start, sections) = (toc.entries, toc.next, toc.sections);
    let closing_start = closing::find_start(&lines, body_start);
    let closing = closing::parse(&lines[closing_start..]);
    // Running heads (the bulletin's name repeated at the top of each page) are page furniture.
    let name_key = key(&masthead.name);
    misplaced.retain(|l| l.key() != name_key);
    warnings.extend(misplaced.iter().map(|l| Warning {
        line: l.no,
        kind: WarningKind::Misplaced {
            start: report::head(&tidy(&l.text), 12),
        },
    }));
    let body_lines: Vec<Line> = misplaced
        .into_iter()
        .chain(
            lines[body_start.min(closing_start)..closing_start]
                .iter()
                .filter(|l| l.key() != name_key)
                .cloned(),
        )
        .collect();
    // An entry that matches no headline is named in a warning (`note_toc`) and left out: moving
    // it into an article would put TOC text into the body.
    let located = locate(&entries, &body_lines);
    let body = &body_lines[..];

    let (articles, briefs_at) = if entries.is_empty() {
        let briefs_at = briefs_heading(body, 0);
        (
            articles_without_toc(&body[..briefs_at], &mut warnings),
            briefs_at,
        )
    } else {
        note_toc(&entries, &located, body, &mut warnings);
        let last_end = located.last().map_or(0, |l| l.end);
        let briefs_at = briefs_heading(body, last_end);
        let articles = if located.is_empty() {
            // No entry found its headline: read the articles as if there were no TOC.
            articles_without_toc(&body[..briefs_at], &mut warnings)
        } else {
            articles_from_toc(&located, &body[..briefs_at], &mut warnings)
        };
        (articles, briefs_at)
    };

    let mut joined = Vec::new();
    let brief_units = join_cut_noting(
        units(body.get(briefs_at + 1..).unwrap_or(&[])),
        Part::Briefs,
        starts_brief,
        &mut joined,
    );
    note_joined(joined, &mut warnings);
    let last_unit = brief_units.last().cloned();
    let mut briefs: Vec<Brief> = brief_units.iter().map(|u| brief(&u.text)).collect();
    settle_styles(&mut briefs);
    note_sections(&sections, &briefs, body, &mut warnings);
    let mut issue = Issue {
        masthead,
        articles,
        briefs,
        closing,
        status: Status::Published,
        images: Default::default(),
    };
    check_complete(&issue, last_unit.as_ref(), body, &mut warnings)?;
    pictures::report(&mut issue, &pictures, &lines, &mut warnings, media);
    warnings.sort_by_key(|w| w.line);
    Ok(Parsed { issue, warnings })
}

/// Where the 简讯 section starts in `body`, looking from `from`: the first 简讯 heading with a brief
/// under it (a heading line out of its place, with no brief after it, is not the section), else
/// the first heading; the end of the body when there is none.
fn briefs_heading(body: &[Line], from: usize) -> usize {
    let rest = body.get(from..).unwrap_or(&[]);
    let heading_with_brief = rest.iter().enumerate().position(|(i, l)| {
        is_briefs_heading(l) && rest.get(i + 1).is_some_and(|n| starts_brief(&n.text))
    });
    heading_with_brief
        .or_else(|| rest.iter().position(is_briefs_heading))
        .map_or(body.len(), |p| p + from)
}

/// Whether two bulleted lines start at `at` (a 本期要目 without its heading).
fn starts_bulleted_toc(lines: &[Line], at: usize) -> bool {
    let bulleted = |i: usize| {
        lines
            .get(i)
            .is_some_and(|l| super::headline::is_bulleted_entry(&l.text))
    };
    bulleted(at) && bulleted(at + 1)
}

/// A brief with neither a stop nor a source could be a title or a sentence missing its stop: it
/// takes the style of the issue's other briefs (those with a source say which they are).
fn settle_styles(briefs: &mut [Brief]) {
    let sourced = briefs.iter().filter(|b| b.source.is_some());
    let titles = sourced
        .clone()
        .filter(|b| b.style == BriefStyle::Title)
        .count();
    let sentences = sourced.count() - titles;
    if sentences > titles {
        for b in briefs.iter_mut().filter(|b| b.source.is_none()) {
            b.style = BriefStyle::Sentence;
        }
    }
}

/// Warnings for TOC entries matched by similarity or not at all.
fn note_toc(
    entries: &[super::headline::TocEntry],
    located: &[Located],
    body: &[Line],
    warnings: &mut Vec<Warning>,
) {
    let mut found = located.iter().peekable();
    for (n, e) in entries.iter().enumerate() {
        match found.next_if(|l| l.entry == n) {
            Some(l) if l.by_similarity => warnings.push(Warning {
                line: body.get(l.start).map_or(e.line, |b| b.no),
                kind: WarningKind::HeadlineBySimilarity {
                    entry: n + 1,
                    text: tidy(&e.raw),
                    headline: l.headline.concat(),
                },
            }),
            Some(_) => {}
            None => warnings.push(Warning {
                line: e.line,
                kind: WarningKind::TocUnmatched {
                    entry: n + 1,
                    text: tidy(&e.raw),
                },
            }),
        }
    }
}

/// Warnings for TOC entries naming a section the issue does not have (「简讯」 with no briefs,
/// 「图片新闻」 with no such heading in the text); an entry naming a section it has is matched.
fn note_sections(
    sections: &[SectionEntry],
    briefs: &[Brief],
    body: &[Line],
    warnings: &mut Vec<Warning>,
) {
    for s in sections {
        let present = match s.section {
            TocSection::Briefs => !briefs.is_empty(),
            TocSection::Pictures => body
                .iter()
                .any(|l| names_section(&l.text) == Some(TocSection::Pictures)),
        };
        if !present {
            warnings.push(Warning {
                line: s.line,
                kind: WarningKind::TocSectionMissing {
                    text: s.text.clone(),
                },
            });
        }
    }
}

/// Warnings for units joined to the one before.
fn note_joined(joined: Vec<Unit>, warnings: &mut Vec<Warning>) {
    warnings.extend(joined.into_iter().map(|u| Warning {
        line: u.line,
        kind: WarningKind::Joined { start: u.text },
    }));
}

/// Tidied units of the non-empty lines.
pub(super) fn units(lines: &[Line]) -> Vec<Unit> {
    lines
        .iter()
        .map(|l| Unit {
            text: tidy(&l.text),
            line: l.no,
        })
        .collect()
}

fn articles_from_toc(
    located: &[Located],
    body: &[Line],
    warnings: &mut Vec<Warning>,
) -> Vec<Article> {
    located
        .iter()
        .enumerate()
        .map(|(i, loc)| {
            // Text before the first headline (an editor's note, say) is kept at the head of the
            // first article rather than lost; the editor can move it.
            let before = if i == 0 { body.get(..loc.start) } else { None };
            let end = located
                .get(i + 1)
                .map_or(body.len(), |next| next.start)
                .max(loc.end);
            let mut body_units = units(before.unwrap_or(&[]));
            body_units.extend(units(body.get(loc.end..end).unwrap_or(&[])));
            let mut headline = loc.headline.clone();
            let mut toc_text = loc.toc_text.clone();
            // A subtitle 「——记…」 right under the headline belongs to it; the TOC keeps the title only.
            if body_units.first().is_some_and(|u| is_subtitle(&u.text)) {
                let subtitle = body_units.remove(0);
                if toc_text.is_none() {
                    toc_text = Some(headline.concat());
                }
                headline.push(subtitle.text);
            }
            article(headline, toc_text, body_units, warnings)
        })
        .collect()
}

/// 「——记温州市优秀科技工作者」: a subtitle line under a headline.
fn is_subtitle(text: &str) -> bool {
    text.starts_with(['—', '－', '-']) && text.chars().count() <= 40 && !ends_paragraph(text)
}

/// An article from its headline and the units of its body.
fn article(
    headline: Vec<String>,
    toc_text: Option<String>,
    units: Vec<Unit>,
    warnings: &mut Vec<Warning>,
) -> Article {
    let last_line = units.last().map_or(0, |u| u.line);
    let mut joined = Vec::new();
    let merged = join_cut_noting(units, Part::Article, |_| false, &mut joined);
    note_joined(joined, warnings);
    let has_numbered = merged.iter().any(|u| numbered_level(&u.text) == Some(1));
    let mut blocks: Vec<Block> = Vec::with_capacity(merged.len());
    for (i, unit) in merged.iter().enumerate() {
        let next_is_paragraph = merged
            .get(i + 1)
            .is_some_and(|n| !is_numbered_heading(&n.text) && !is_title_like(&n.text));
        let kind = if is_numbered_heading(&unit.text) && i + 1 < merged.len() {
            match numbered_level(&unit.text) {
                Some(1) => BlockKind::Heading1,
                _ => BlockKind::Heading2,
            }
        } else if is_title_like(&unit.text) && next_is_paragraph {
            // An unnumbered sub-title: the top level, unless the article numbers its top level.
            if has_numbered {
                BlockKind::Heading2
            } else {
                BlockKind::Heading1
            }
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block::text(kind, unit.text.clone()));
    }
    let mut byline = None;
    let mut byline_parens = Parens::FULL;
    if let Some(last) = blocks.last_mut() {
        if last.kind == BlockKind::Paragraph {
            if let Some((before, name, parens)) = final_byline(&last.text)
                .or_else(|| unit_byline(&last.text))
                .or_else(|| marked_byline(&last.text))
            {
                if !before.is_empty() && !ends_paragraph(before) {
                    warnings.push(Warning {
                        line: last_line,
                        kind: WarningKind::GuessedByline { name: name.clone() },
                    });
                }
                last.text = before.to_owned();
                byline = Some(name);
                byline_parens = parens;
            }
        }
    }
    blocks.retain(|b| !b.text.is_empty());
    Article {
        headline,
        toc_text,
        blocks,
        byline,
        byline_parens,
    }
}

/// Words a unit's name ends with: 「市科协学会部」, 「苍南县科协」, 「市科技馆」.
const UNIT_ENDS: [&str; 14] = [
    "科协",
    "学会",
    "协会",
    "研究会",
    "部",
    "办",
    "办公室",
    "局",
    "中心",
    "馆",
    "站",
    "委",
    "院",
    "处",
];

/// A unit's name in parentheses at the very end of an article, with no stop before it:
/// 「…走访慰问活动（苍南县科协）」 (a person's name is `final_byline`'s).
fn unit_byline(text: &str) -> Option<(&str, String, Parens)> {
    if !text.trim_end().ends_with(['）', ')']) {
        return None;
    }
    brief_source(text).filter(|(_, name, _)| UNIT_ENDS.iter().any(|w| name.ends_with(w)))
}

/// A byline in 【】 or after a dash, following the last sentence: 「…。【市科协】」, 「…。——市科协」.
fn marked_byline(text: &str) -> Option<(&str, String, Parens)> {
    if text.trim_end().ends_with(['）', ')']) {
        return None;
    }
    brief_source(text).filter(|(before, _, _)| ends_paragraph(before))
}

/// Articles when there is no 本期要目: an article starts with the headline-like lines at the top
/// and after each byline, and runs to its own byline. One whose headline cannot be told is kept
/// (nothing the editor wrote is lost) with a warning.
fn articles_without_toc(body: &[Line], warnings: &mut Vec<Warning>) -> Vec<Article> {
    let articles = articles_by_byline_noting(units(body), warnings);
    for (line, _) in articles.iter().filter(|(_, a)| a.headline.is_empty()) {
        warnings.push(Warning {
            line: *line,
            kind: WarningKind::NoHeadline,
        });
    }
    articles.into_iter().map(|(_, a)| a).collect()
}

/// Articles in a run of units: the headline-like units (at most three) at the top and after each
/// byline are a headline, the rest runs to the next byline. Each article comes with the line of
/// its first unit; one whose text starts without a headline-like line has an empty headline.
pub(super) fn articles_by_byline(units: Vec<Unit>) -> Vec<(usize, Article)> {
    articles_by_byline_noting(units, &mut Vec::new())
}

fn articles_by_byline_noting(
    units: Vec<Unit>,
    warnings: &mut Vec<Warning>,
) -> Vec<(usize, Article)> {
    let mut articles = Vec::new();
    let mut first_line = None;
    let mut headline: Vec<String> = Vec::new();
    let mut pending: Vec<Unit> = Vec::new();
    let mut in_headline = true;
    for unit in units {
        first_line.get_or_insert(unit.line);
        if in_headline && looks_like_headline(&unit.text) && headline.len() < 3 {
            headline.push(unit.text);
            continue;
        }
        in_headline = false;
        let ends_article =
            trailing_byline(&unit.text).is_some() || marked_byline(&unit.text).is_some();
        pending.push(unit);
        if ends_article {
            let line = first_line.take().unwrap_or_default();
            articles.push((
                line,
                article(
                    std::mem::take(&mut headline),
                    None,
                    std::mem::take(&mut pending),
                    warnings,
                ),
            ));
            in_headline = true;
        }
    }
    if !headline.is_empty() || !pending.is_empty() {
        let line = first_line.unwrap_or_default();
        articles.push((line, article(headline, None, pending, warnings)));
    }
    articles
}

/// A line that may be (part of) a headline when there is no 本期要目 to say so: no sentence
/// punctuation, and a comma only in a short line (a line of body text wrapped by extraction is long
/// and has commas).
fn looks_like_headline(text: &str) -> bool {
    let n = text.chars().take(MAX_HEADLINE_CHARS + 1).count();
    let too_long = n > MAX_HEADLINE_CHARS || n > SHORT_HEADLINE_CHARS && text.contains(['，', ',']);
    let sentences = text.contains(['。', '；', '：', '！', '？', ';', ':']) || ends_paragraph(text);
    !too_long && !sentences && numbered_level(text).is_none()
}

/// A bulletin ends with a finished sentence, a byline or (in the title style) a brief's source;
/// a text that stops mid-sentence may have been cut off, which the editor is warned of.
fn check_complete(
    issue: &Issue,
    last_brief: Option<&Unit>,
    body: &[Line],
    warnings: &mut Vec<Warning>,
) -> Result<(), TextError> {
    if issue.articles.is_empty() && issue.briefs.is_empty() {
        return Err(TextError::NotABulletin(
            "版头之后没有任何文章或简讯。".into(),
        ));
    }
    let last_line = body.last().map_or(0, |l| l.no);
    let (text, line) = match last_brief {
        Some(u) => (u.text.clone(), u.line),
        None => {
            let Some(a) = issue.articles.last() else {
                return Ok(());
            };
            if a.byline.is_some() {
                return Ok(());
            }
            match a.blocks.last() {
                Some(b) if b.kind == BlockKind::Paragraph => (b.text.clone(), last_line),
                Some(b) => (b.text.clone(), last_line),
                None => (a.headline_text(), last_line),
            }
        }
    };
    let sourced = last_brief.is_some() && brief_source(&text).is_some();
    if ends_paragraph(&text) || final_byline(&text).is_some() || sourced {
        return Ok(());
    }
    warnings.push(Warning {
        line: line.max(last_line),
        kind: WarningKind::MissingStop {
            tail: report::tail(&text, 12),
        },
    });
    Ok(())
}

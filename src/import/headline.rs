//! 本期要目 and the headlines it names: reading the entries, finding each article's headline in the
//! text, and recovering where the headline breaks from the spaces the two spellings differ in.

use std::collections::{HashMap, HashSet};

use super::lines::Line;
use super::repair::ends_paragraph;
use super::spacing::{is_latin_or_digit, key, tidy};

/// Most entries a TOC may have: a bulletin has a handful; more means the text is not a TOC.
const MAX_ENTRIES: usize = 200;
/// Longest TOC entry (in characters) tried as a headline split over several lines.
const MAX_SPLIT_KEY: usize = 200;
/// How many physical lines one headline may span in the text.
const MAX_HEADLINE_LINES: usize = 4;
/// Characters an entry and a headline must share at their start when they are not spelled alike.
const FUZZY_PREFIX: usize = 8;

/// One entry of 本期要目, as written (bullet removed).
#[derive(Debug, Clone)]
pub struct TocEntry {
    /// The entry's text with its extraction spaces.
    pub raw: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// Whether a line is the 本期要目 heading (「本 期 要 目」 after extraction).
pub fn is_toc_heading(line: &Line) -> bool {
    let k = line.key();
    let k =
        k.trim_matches(|c: char| matches!(c, '【' | '】' | '[' | ']' | '〖' | '〗' | ':' | '：'));
    matches!(k, "本期要目" | "要目" | "本期目录" | "目录")
}

/// Whether a line is a TOC entry with a bullet mark 「◆」「★」「- 」 (numbers 「1.」 are not enough:
/// numbered headings and briefs have them too).
pub fn is_bulleted_entry(text: &str) -> bool {
    let t = text.trim_start();
    strip_bullet(t).is_some()
        && !t.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// The text of an entry without its bullet: 「- 」, 「◆」, 「1.」, 「（1）」…
fn strip_bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if matches!(
        first,
        '-' | '—'
            | '–'
            | '·'
            | '•'
            | '●'
            | '◆'
            | '◇'
            | '■'
            | '□'
            | '★'
            | '☆'
            | '○'
            | '*'
            | '▪'
            | '►'
            | '▶'
            | '※'
            | '◎'
    ) {
        let rest = t[first.len_utf8()..]
            .trim_start_matches(['-', '—'])
            .trim_start();
        return (!rest.is_empty()).then_some(rest);
    }
    // 「一、」 numbering in the TOC itself.
    let numerals = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    if (1..=3).contains(&numerals) {
        let skip: usize = t.chars().take(numerals).map(char::len_utf8).sum();
        if let Some(r) = t[skip..].strip_prefix('、') {
            return (!r.trim().is_empty()).then_some(r.trim_start());
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(['.', '、', '．']) {
            return (!r.trim().is_empty()).then_some(r.trim_start());
        }
    }
    None
}

/// Characters a TOC leader is made of: 「……」, 「…」, 「...」, 「···」, 「．．．」, 「⋯」, with spaces between
/// or not.
const LEADER_CHARS: [char; 10] = ['.', '…', '·', '．', '⋯', '・', '•', '-', ' ', '\u{3000}'];
/// A run of at least this many leader characters (spaces not counted) ends an entry even with no
/// page number after it; a shorter one may be a headline's own ellipsis 「……」.
const BARE_LEADER: usize = 3;

/// Whether a character is a page number's digit, half- or full-width.
fn is_page_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether a character belongs to a leader: a dot or ellipsis of `LEADER_CHARS`, or any space
/// (a tab too).
fn is_leader(c: char) -> bool {
    LEADER_CHARS.contains(&c) || c.is_whitespace()
}

/// The text before a page number at the end of `text`, and the number's digits: bare 「3」,
/// 「１２」, or written 「(3)」, 「（３）」, 「第3页」, 「3页」.
fn split_page_number(text: &str) -> (&str, usize) {
    let digits_before = |t: &str| {
        let before = t.trim_end_matches(is_page_digit);
        (before.len(), t[before.len()..].chars().count())
    };
    for (open, close) in [("(", ")"), ("（", "）"), ("第", "页"), ("", "页")] {
        if let Some(inner) = text.strip_suffix(close) {
            let (at, n) = digits_before(inner);
            if let Some(before) = inner[..at].strip_suffix(open).filter(|_| n > 0) {
                return (before, n);
            }
        }
    }
    let (at, n) = digits_before(text);
    (&text[..at], n)
}

/// The entry without dot leaders and a page number: 「市科协召开党建工作部署会议……3」,
/// 「…………１」, 「. . . 12」, 「·····(1)」, 「………… 第1页」, or a page number set off by spaces or
/// tabs 「市科协召开党建工作部署会议　　3」.
fn without_page_number(text: &str) -> &str {
    let trimmed = text.trim_end();
    let (no_digits, digits) = split_page_number(trimmed);
    let leaders = no_digits.trim_end_matches(is_leader);
    let gap = &no_digits[leaders.len()..];
    let marks = gap.chars().filter(|c| !c.is_whitespace()).count();
    // 「召开2020-」 or 「温州 2」: a number that is the headline's own, not a page's.
    let after_text = leaders.ends_with(|c: char| !c.is_ascii_alphanumeric() && !is_page_digit(c));
    let spaced = (1..=2).contains(&digits)
        && !gap.is_empty()
        && gap.chars().all(char::is_whitespace)
        && after_text;
    let stripped = if digits > 0 {
        marks >= 2 || marks == 1 && after_text || spaced
    } else {
        marks >= BARE_LEADER
    };
    if stripped && !leaders.is_empty() {
        leaders
    } else {
        text
    }
}

/// A section of the issue a TOC entry may name instead of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TocSection {
    /// 简讯 (短讯, 快讯, 工作动态…): the briefs.
    Briefs,
    /// 图片新闻: photos with their captions.
    Pictures,
}

/// The section an entry names: 「简讯」, 「【简讯】」, 「◆简讯◆」, 「★工作动态」, 「图片新闻」.
pub fn names_section(text: &str) -> Option<TocSection> {
    let line = Line {
        no: 0,
        text: text.to_owned(),
    };
    if super::briefs::is_briefs_heading(&line) {
        return Some(TocSection::Briefs);
    }
    (super::briefs::undecorated(&line.key()) == "图片新闻").then_some(TocSection::Pictures)
}

/// A TOC entry that names a section, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionEntry {
    /// The section named.
    pub section: TocSection,
    /// The entry as written (without leaders and page number).
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// What the 本期要目 holds.
#[derive(Debug, Clone, Default)]
pub struct Toc {
    /// The entries naming articles.
    pub entries: Vec<TocEntry>,
    /// The entries naming sections (简讯, 图片新闻), which have no headline to find.
    pub sections: Vec<SectionEntry>,
    /// Index of the first line after the TOC (the first headline).
    pub next: usize,
    /// Sentences found among the entries (text misplaced into the TOC, which the caller keeps in
    /// the body).
    pub stray: Vec<Line>,
}

/// Reads the entries after the 本期要目 heading at `from`; returns them and the index of the first
/// line after the TOC (the first headline).
#[cfg(test)]
pub fn read_toc(lines: &[Line], from: usize) -> (Vec<TocEntry>, usize) {
    let toc = read_toc_keeping(lines, from);
    (toc.entries, toc.next)
}

/// `read_toc`, also returning the section entries and the sentences found among the entries.
pub fn read_toc_keeping(lines: &[Line], from: usize) -> Toc {
    let mut sections: Vec<SectionEntry> = Vec::new();
    let mut stray: Vec<Line> = Vec::new();
    let mut entries: Vec<TocEntry> = Vec::new();
    let mut bulleted = false;
    let mut first_key = String::new();
    let mut i = from;
    while i < lines.len() && entries.len() < MAX_ENTRIES {
        let line = &lines[i];
        let k = line.key();
        let stripped = strip_bullet(&line.text).map(without_page_number);
        let base = strip_bullet(&line.text).unwrap_or(&line.text);
        let plain = without_page_number(base);
        // Leaders or a page number make a line an entry wherever it stands.
        let led = plain.len() != base.len();
        // 「★简讯」, 「【简讯】……4」: the TOC names a section, which has no headline to find; a 简讯
        // heading followed by a brief is the section itself (a text with a TOC and briefs only).
        if let Some(section) = names_section(plain) {
            let brief_next = lines
                .get(i + 1)
                .is_some_and(|n| super::briefs::starts_brief(&n.text));
            let entry = led || stripped.is_some() && !entries.is_empty();
            if !entry && (entries.is_empty() || brief_next) {
                break;
            }
            sections.push(SectionEntry {
                section,
                text: tidy(plain),
                line: line.no,
            });
            i += 1;
            continue;
        }
        // An unbulleted line before bulleted entries, or a sentence between them, is text out of
        // its place.
        let bullet_next = lines
            .get(i + 1)
            .is_some_and(|n| strip_bullet(&n.text).is_some());
        if stripped.is_none()
            && bullet_next
            && (entries.is_empty() || bulleted && ends_paragraph(&line.text))
        {
            stray.push(line.clone());
            i += 1;
            continue;
        }
        // A brief 「5月11日，…」 is never a TOC entry: the TOC ended (or had no entries).
        if stripped.is_none() && super::briefs::starts_brief(&line.text) {
            break;
        }
        if entries.is_empty() {
            bulleted = stripped.is_some();
            let text = stripped.unwrap_or_else(|| without_page_number(&line.text));
            first_key = key(text);
            entries.push(TocEntry {
                raw: text.to_owned(),
                line: line.no,
            });
        } else if bulleted {
            match stripped {
                Some(text) => entries.push(TocEntry {
                    raw: text.to_owned(),
                    line: line.no,
                }),
                // An unbulleted line is the first headline, or the wrapped end of the last entry;
                // it is the wrapped end only if more entries, or the first headline, follow it.
                None => {
                    let only_one = entries.len() == 1;
                    let last = entries.last_mut().expect("not empty");
                    let first_if_wrapped = if only_one {
                        key(&format!("{}{}", last.raw, line.text))
                    } else {
                        first_key.clone()
                    };
                    let next = lines.get(i + 1);
                    let more_entries = next.is_some_and(|n| strip_bullet(&n.text).is_some());
                    let headline_next = next.is_some_and(|n| {
                        let nk = n.key();
                        !nk.is_empty() && first_if_wrapped.starts_with(&nk)
                    });
                    if first_key.starts_with(&k)
                        || ends_paragraph(&line.text)
                        || !(more_entries || headline_next)
                    {
                        break;
                    }
                    last.raw.push_str(&line.text);
                    first_key = first_if_wrapped;
                }
            }
        } else if first_key.starts_with(&k) || ends_paragraph(&line.text) {
            // Entries without bullets end where the first headline repeats the first entry.
            break;
        } else {
            entries.push(TocEntry {
                raw: without_page_number(&line.text).to_owned(),
                line: line.no,
            });
        }
        i += 1;
    }
    Toc {
        entries,
        sections,
        next: i,
        stray,
    }
}

/// Where an article's headline is: lines `start..end` of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// First headline line (index into the body lines).
    pub start: usize,
    /// First line after the headline.
    pub end: usize,
    /// The headline's lines as the editor broke it.
    pub headline: Vec<String>,
    /// The TOC entry, when it is not the headline on one line.
    pub toc_text: Option<String>,
    /// Index of the entry.
    pub entry: usize,
    /// Whether the headline was found by similarity (first characters, characters in order, or
    /// position), not by its spelling.
    pub by_similarity: bool,
}

/// How many headline-like lines after the last headline are tried for an entry spelled otherwise.
const SIMILAR_CANDIDATES: usize = 20;
/// Longest line (in characters) taken as a headline by similarity.
const SIMILAR_MAX_CHARS: usize = 60;

/// Finds each entry's headline in order: word for word (over up to four lines), by its first
/// characters, or by similarity (the entry's characters in order in a headline-like line, or
/// else the next headline-like line before the following entry's headline). Entries that match
/// nothing are left out.
pub fn locate(entries: &[TocEntry], lines: &[Line]) -> Vec<Located> {
    let keys: Vec<String> = lines.iter().map(Line::key).collect();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        by_key.entry(k.as_str()).or_default().push(i);
        if k.chars().count() >= FUZZY_PREFIX {
            by_prefix
                .entry(k.chars().take(FUZZY_PREFIX).collect())
                .or_default()
                .push(i);
        }
    }
    let after = |v: Option<&Vec<usize>>, cursor: usize| -> Vec<usize> {
        v.map(|v| {
            let from = v.partition_point(|&i| i < cursor);
            v[from..].iter().take(3).copied().collect()
        })
        .unwrap_or_default()
    };
    let mut cursor = 0;
    let mut out = Vec::with_capacity(entries.len());
    for (n, entry) in entries.iter().enumerate() {
        let k = key(&entry.raw);
        let mut best: Option<(usize, usize)> = after(by_key.get(k.as_str()), cursor)
            .first()
            .map(|&i| (i, i + 1));
        // A headline split over several lines of the text: its first line is a prefix of the entry.
        let bounds: Vec<usize> = k
            .char_indices()
            .map(|(b, _)| b)
            .skip(2)
            .take(MAX_SPLIT_KEY)
            .collect();
        for &b in &bounds {
            for start in after(by_key.get(&k[..b]), cursor) {
                if best.is_some_and(|(s, _)| s <= start) {
                    break;
                }
                let mut joined = String::new();
                for (j, line_key) in keys.iter().enumerate().skip(start).take(MAX_HEADLINE_LINES) {
                    joined.push_str(line_key);
                    if joined == k {
                        best = Some((start, j + 1));
                        break;
                    }
                    if !k.starts_with(&joined) {
                        break;
                    }
                }
            }
        }
        let located = match best {
            Some((start, end)) => {
                let raws: Vec<&str> = lines[start..end].iter().map(|l| l.text.as_str()).collect();
                Located {
                    start,
                    end,
                    headline: split_headline(&raws, &entry.raw),
                    toc_text: None,
                    entry: n,
                    by_similarity: false,
                }
            }
            None => {
                // Spelled differently (a shorter TOC text, a typo): the first headline-like line that
                // starts like the entry.
                let prefix: String = k.chars().take(FUZZY_PREFIX).collect();
                let candidates = by_prefix.get(&prefix);
                let found = candidates.and_then(|v| {
                    let from = v.partition_point(|&i| i < cursor);
                    v[from..].iter().copied().find(|&i| {
                        !ends_paragraph(&lines[i].text) && lines[i].text.chars().count() <= 80
                    })
                });
                let by_prefix = found.filter(|_| k.chars().count() >= FUZZY_PREFIX);
                let (start, by_similarity) = match by_prefix {
                    Some(start) => (start, true),
                    None => {
                        let next_key = entries.get(n + 1).map(|e| key(&e.raw));
                        let limit = next_key
                            .and_then(|nk| after(by_key.get(nk.as_str()), cursor).first().copied())
                            .unwrap_or(lines.len());
                        match similar(&k, &keys, lines, cursor, limit) {
                            Some(start) => (start, true),
                            None => continue,
                        }
                    }
                };
                Located {
                    start,
                    end: start + 1,
                    headline: vec![tidy(&lines[start].text)],
                    toc_text: Some(tidy(&entry.raw)),
                    entry: n,
                    by_similarity,
                }
            }
        };
        cursor = located.end;
        out.push(located);
    }
    out
}

/// A headline-like line: it starts a paragraph after a finished one and is short and unfinished
/// itself, with no sentence punctuation and not the 简讯 heading.
fn headline_like(lines: &[Line], i: usize) -> bool {
    let text = &lines[i].text;
    let after_end = i == 0 || ends_paragraph(&lines[i - 1].text);
    after_end
        && text.chars().nth(SIMILAR_MAX_CHARS).is_none()
        && !ends_paragraph(text)
        && !text.contains(['。', '；', '！', '？'])
        && super::repair::numbered_level(text).is_none()
        && !super::briefs::is_briefs_heading(&lines[i])
}

/// The headline for an entry spelled otherwise, among the headline-like lines from `cursor` to
/// `limit`: the one sharing most of its characters in order with the entry, or else the first.
fn similar(k: &str, keys: &[String], lines: &[Line], cursor: usize, limit: usize) -> Option<usize> {
    let entry: Vec<char> = k.chars().take(MAX_SPLIT_KEY).collect();
    if entry.is_empty() {
        return None;
    }
    let candidates: Vec<usize> = (cursor..limit.min(lines.len()))
        .filter(|&i| headline_like(lines, i))
        .take(SIMILAR_CANDIDATES)
        .collect();
    let best = candidates
        .iter()
        .map(|&i| {
            let line: Vec<char> = keys[i].chars().collect();
            let common = common_in_order(&entry, &line);
            let shorter = entry.len().min(line.len()).max(1);
            let longer = entry.len().max(line.len()).max(1);
            (
                i,
                common * 5 >= shorter * 4 || common * 5 >= longer * 3,
                common,
            )
        })
        .filter(|(_, alike, _)| *alike)
        .max_by_key(|(i, _, common)| (*common, std::cmp::Reverse(*i)))
        .map(|(i, _, _)| i);
    best.or_else(|| candidates.first().copied())
}

/// The length of the longest run of characters the two texts share in order (LCS).
fn common_in_order(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &ca in a {
        let mut diagonal = 0;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if ca == cb {
                diagonal + 1
            } else {
                row[j + 1].max(row[j])
            };
            diagonal = up;
        }
    }
    row[b.len()]
}

/// Positions (in characters of the key) where a text has spaces.
fn gaps(text: &str) -> HashSet<usize> {
    let mut out = HashSet::new();
    let mut pos = 0;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && pos > 0 {
                out.insert(pos);
            }
            space = false;
            pos += 1;
        }
    }
    out
}

/// The headline's lines: a new line at each physical line of the text, and at each space the TOC
/// entry does not have, unless the space touches a digit or Latin letter (extraction puts those
/// around numbers in either spelling, e.g. 「温州 2 项目」 in the TOC and 「温州2项目」 in the headline).
pub fn split_headline(raw_lines: &[&str], toc: &str) -> Vec<String> {
    let toc_gaps = gaps(toc);
    let mut lines = Vec::new();
    let mut pos = 0;
    for raw in raw_lines {
        let mut current = String::new();
        let mut pending = String::new();
        let mut prev: Option<char> = None;
        for c in raw.chars() {
            if c.is_whitespace() {
                pending.push(c);
                continue;
            }
            if !pending.is_empty() {
                let at_break = prev.is_some_and(|p| !is_latin_or_digit(p))
                    && !is_latin_or_digit(c)
                    && !toc_gaps.contains(&pos);
                if at_break {
                    lines.push(tidy(&current));
                    current.clear();
                } else {
                    current.push_str(&pending);
                }
                pending.clear();
            }
            current.push(c);
            prev = Some(c);
            pos += 1;
        }
        lines.push(tidy(&current));
    }
    lines.retain(|l| !l.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::numbered as lines;

    #[test]
    fn breaks_come_from_spaces_the_toc_lacks() {
        assert_eq!(
            split_headline(
                &["市政府专题研究 2020 世界青年科学家峰会 筹备进展情况"],
                "市政府专题研究 2020 世界青年科学家峰会筹备进展情况"
            ),
            ["市政府专题研究2020世界青年科学家峰会", "筹备进展情况"]
        );
        assert_eq!(
            split_headline(
                &["市科协参加中国科协“科技服务团”启动 暨产学研用协同创新联盟在线签约仪式 温州2项目成功签约"],
                "市科协参加中国科协“科技服务团”启动暨产学研用协同创新联盟在线签约仪式 温州 2 项目成功签约"
            ),
            [
                "市科协参加中国科协“科技服务团”启动",
                "暨产学研用协同创新联盟在线签约仪式 温州2项目成功签约"
            ]
        );
        assert_eq!(
            split_headline(
                &["温州市激扬温州人精神大会召开 市科协获多项表彰"],
                "温州市激扬温州人精神大会召开 市科协获多项表彰"
            ),
            ["温州市激扬温州人精神大会召开 市科协获多项表彰"]
        );
        // A digit next to the extra space: an extraction artefact, not a break.
        assert_eq!(
            split_headline(&["召开 2020 年会"], "召开2020年会"),
            ["召开2020年会"]
        );
        assert_eq!(
            split_headline(&["市科协召开", "党建工作会议"], "市科协召开党建工作会议"),
            ["市科协召开", "党建工作会议"]
        );
    }

    #[test]
    fn toc_with_bullets_then_headlines() {
        let l = lines(&[
            "- 甲乙丙丁 2020 会议",
            "- 第二篇文章的标题很长很长",
            "的结尾",
            "甲乙丙丁 2020 会议",
            "正文。",
            "第二篇文章的标题",
            "很长很长的结尾",
            "正文。",
        ]);
        let (entries, next) = read_toc(&l, 0);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].raw, "第二篇文章的标题很长很长的结尾");
        assert_eq!(next, 3);
        let found = locate(&entries, &l[next..]);
        assert_eq!((found[0].start, found[0].end), (0, 1));
        assert_eq!(found[0].headline, ["甲乙丙丁2020会议"]);
        assert_eq!((found[1].start, found[1].end), (2, 4));
        assert_eq!(found[1].headline, ["第二篇文章的标题", "很长很长的结尾"]);
    }

    #[test]
    fn toc_without_bullets_and_a_shorter_toc_text() {
        let l = lines(&[
            "市科协召开党建工作部署会议",
            "市科协赴县调研指导",
            "市科协召开党建工作部署会议",
            "正文。",
            "市科协赴县调研指导峰会筹备工作",
            "正文。",
        ]);
        let (entries, next) = read_toc(&l, 0);
        assert_eq!(entries.len(), 2);
        let found = locate(&entries, &l[next..]);
        assert_eq!(found[1].headline, ["市科协赴县调研指导峰会筹备工作"]);
        assert_eq!(found[1].toc_text.as_deref(), Some("市科协赴县调研指导"));
    }

    #[test]
    fn bullets_numbers_and_page_numbers() {
        assert_eq!(strip_bullet("- 甲"), Some("甲"));
        assert_eq!(strip_bullet("◆甲"), Some("甲"));
        assert_eq!(strip_bullet("2. 甲"), Some("甲"));
        assert_eq!(strip_bullet("一、甲"), Some("甲"));
        assert_eq!(strip_bullet("甲"), None);
        assert_eq!(
            without_page_number("市科协召开会议……………3"),
            "市科协召开会议"
        );
        assert_eq!(
            without_page_number("市科协召开会议 ........ 12"),
            "市科协召开会议"
        );
        assert_eq!(without_page_number("温州 2 项目"), "温州 2 项目");
        assert_eq!(without_page_number("市科协召开会议　3"), "市科协召开会议");
        assert_eq!(without_page_number("市科协召开会议 12"), "市科协召开会议");
        assert_eq!(without_page_number("召开 2020"), "召开 2020");
        assert_eq!(without_page_number("2020"), "2020");
    }

    #[test]
    fn a_missing_headline_is_left_out() {
        let l = lines(&["- 甲篇标题", "- 乙篇标题", "甲篇标题", "正文。"]);
        let (entries, next) = read_toc(&l, 0);
        let found = locate(&entries, &l[next..]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, 0);
    }

    #[test]
    fn a_toc_entry_for_the_briefs_is_no_article() {
        for entry in ["★简讯", "简讯"] {
            let l = lines(&[
                "★甲乙丙丁会议召开",
                entry,
                "甲乙丙丁会议召开",
                "正文。",
                "简讯",
                "4月7日，对接。",
            ]);
            let (entries, next) = read_toc(&l, 0);
            assert_eq!(entries.len(), 1, "{entry}");
            assert_eq!(next, 2, "{entry}");
        }
    }

    #[test]
    fn reworded_entries_are_matched_by_similarity() {
        let l = lines(&[
            "- 市科协召开党建工作会议",
            "- 苍南县科协走访慰问一线科技工作者",
            "- 学会工作",
            "市科协召开2022年党建工作部署会议",
            "正文。",
            "苍南县科协开展走访慰问优秀科技工作者活动",
            "正文。",
            "市科协学会部开展学会年检",
            "正文。",
        ]);
        let (entries, next) = read_toc(&l, 0);
        let found = locate(&entries, &l[next..]);
        let got: Vec<(usize, bool)> = found.iter().map(|f| (f.start, f.by_similarity)).collect();
        assert_eq!(got, [(0, true), (2, true), (4, true)]);
        assert_eq!(
            found[1].headline,
            ["苍南县科协开展走访慰问优秀科技工作者活动"]
        );
        assert_eq!(
            found[1].toc_text.as_deref(),
            Some("苍南县科协走访慰问一线科技工作者")
        );
    }

    #[test]
    fn leaders_and_page_numbers_in_every_style_go() {
        for (written, want) in [
            ("市科协召开……会议…………１", "市科协召开……会议"),
            ("市科协召开会议…………１２", "市科协召开会议"),
            ("市科协召开会议……3", "市科协召开会议"),
            ("市科协召开会议…3", "市科协召开会议"),
            ("市科协召开会议...4", "市科协召开会议"),
            ("市科协召开会议 . . . . 4", "市科协召开会议"),
            ("市科协召开会议·····5", "市科协召开会议"),
            ("市科协召开会议．．．．６", "市科协召开会议"),
            ("市科协召开会议 …… ……  7", "市科协召开会议"),
            ("市科协召开会议　　　８", "市科协召开会议"),
            ("市科协召开会议…………", "市科协召开会议"),
            ("市科协召开会议 ......", "市科协召开会议"),
            ("市科协召开会议·····(1)", "市科协召开会议"),
            ("市科协召开会议……（１２）", "市科协召开会议"),
            ("市科协召开会议 ………… 第1页", "市科协召开会议"),
            ("市科协召开会议……3页", "市科协召开会议"),
            ("市科协召开会议\t\t1", "市科协召开会议"),
            ("市科协召开会议\t…\t3", "市科协召开会议"),
        ] {
            assert_eq!(without_page_number(written), want, "{written}");
        }
        // A headline's own ellipsis, numbers that are the headline's, and full-width years stay.
        for kept in [
            "科技创新永无止境……",
            "召开 ２０２０",
            "温州 ２ 项目",
            "第１",
            "１２",
            "科普讲座（2）",
            "全市建成5G基站第1页",
        ] {
            assert_eq!(without_page_number(kept), kept, "{kept}");
        }
    }

    #[test]
    fn entries_naming_sections_are_no_articles() {
        for (entry, section) in [
            ("【简讯】…………４", TocSection::Briefs),
            ("◆简讯◆", TocSection::Briefs),
            ("★简讯", TocSection::Briefs),
            ("简讯……5", TocSection::Briefs),
            ("◆图片新闻……６", TocSection::Pictures),
            ("★工作动态", TocSection::Briefs),
            ("◆快讯", TocSection::Briefs),
        ] {
            let l = lines(&[
                "◆市科协召开会议…………１",
                entry,
                "◆市科协赴县调研…………２",
                "市科协召开会议",
                "正文。",
            ]);
            let toc = read_toc_keeping(&l, 0);
            let raws: Vec<&str> = toc.entries.iter().map(|e| e.raw.as_str()).collect();
            assert_eq!(raws, ["市科协召开会议", "市科协赴县调研"], "{entry}");
            assert_eq!(toc.sections.len(), 1, "{entry}");
            assert_eq!(toc.sections[0].section, section, "{entry}");
            assert_eq!(toc.sections[0].line, 2, "{entry}");
            assert_eq!(toc.next, 3, "{entry}");
        }
        // Without bullets: 「【简讯】……4」 among plain entries is the section's entry too.
        let l = lines(&[
            "市科协召开会议……1",
            "【简讯】……4",
            "市科协召开会议",
            "正文。",
        ]);
        let toc = read_toc_keeping(&l, 0);
        assert_eq!(toc.entries.len(), 1);
        assert_eq!(toc.sections.len(), 1);
        assert_eq!(toc.next, 2);
    }
}

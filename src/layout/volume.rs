//! 年度合订本: a year's issues in one document — a cover, the contents (目录) of every issue, then
//! every issue's pages exactly as `layout` sets them.
//!
//! Page numbers run on through the volume: the printed 「— N —」 is the PDF's own page N, so a
//! reader's "go to page" and the contents agree. The cover is page 1 and, as covers are, carries
//! no number; the contents follow from page 2; each issue's pages replace their own numbers with
//! the volume's (still odd at the right, even at the left, §7). An issue keeps everything else
//! it printed, its masthead included, so 第N期（总第M期） still says which issue a page is from.
//!
//! The cover and the contents use the layout's grid (§1), type (§2–§4, §9) and red (§2); the
//! layout has no cover, so where it puts things is this module's choice, said at each constant.

use chrono::NaiveDate;
use serde::Serialize;

use crate::fonts::{FaceId, FontBook, FontRole};
use crate::model::Issue;
use crate::page::{Bookmark, Document, DocumentMeta, Element, Glyph, Page, Rgb, Rule};
use crate::units::Pt;

use super::article::{centred_rows, HEADLINE_SIZE};
use super::faces::Faces;
use super::grid;
use super::paginate::{Chunk, Pages, Row};
use super::text::{is_invisible, SetLine, Setter};
use super::{page_number, LayoutError, Options};

/// The contents' heading (set letter-spaced).
pub const CONTENTS_HEADING: &str = "目录";
/// The entry for an issue's 简讯, when it has any.
pub const BRIEFS_ENTRY: &str = "简讯";
/// The leader between an entry and its page number: 「…」 in every free cell of the character grid
/// (「……」 is the Chinese leader; on the grid the dots of all lines stand in columns).
const LEADER: char = '…';
/// Grid cell of the cover's name: a fifth of the way down the text block.
const COVER_NAME_CELL: u32 = 4;
/// Grid cell of the cover's editing body: the last line of the text block.
const COVER_EDITOR_CELL: u32 = grid::LINES - 1;
/// Width kept free at the right of every contents line for the leader and the page number:
/// four grid characters (three digits of 16 pt type need under two).
const NUMBER_COLUMN: f32 = 4.0 * grid::CHAR;
/// Indent of an article's entry under its issue's line: two characters, as a paragraph (§1).
const ENTRY_INDENT: f32 = 2.0 * grid::CHAR;

/// One line of the contents: what it names and the volume page it is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentsEntry {
    /// The article's 本期要目 text (its headline on one line, or the editor's shorter text), or
    /// 「简讯」.
    pub text: String,
    /// The volume page (1-based, as printed) where its headline is.
    pub page: u32,
    /// Where the text may break when it needs more than one line: the headline's lines as the
    /// editor broke them (§4), or the one TOC text.
    #[serde(skip)]
    pub(crate) parts: Vec<String>,
}

/// One issue in the contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentsIssue {
    /// 「第4期（总第245期）」.
    pub label: String,
    /// The issue's date.
    pub date: NaiveDate,
    /// The volume page of its first page (its masthead).
    pub first_page: u32,
    /// How many pages it has.
    pub pages: u32,
    /// Its articles, then its 简讯 if any.
    pub entries: Vec<ContentsEntry>,
}

/// A laid-out volume: the pages, and the contents as data (for the app and for bookmarks).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Volume {
    /// Every page: the cover, the contents, the issues.
    pub document: Document,
    /// The issues in order, with the page of each entry.
    pub contents: Vec<ContentsIssue>,
    /// How many pages the contents take (they start on page 2).
    pub contents_pages: u32,
}

impl Volume {
    /// The bookmarks a PDF reader shows (the document's outline): 目录, then each issue.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.document.bookmarks
    }
}

/// 目录 on page 2, then each issue at its first page.
fn outline(contents: &[ContentsIssue]) -> Vec<Bookmark> {
    let mut out = vec![Bookmark {
        title: CONTENTS_HEADING.to_string(),
        page: 2,
    }];
    out.extend(contents.iter().map(|i| Bookmark {
        title: format!("{}\u{3000}{}", i.label, crate::model::chinese_date(i.date)),
        page: i.first_page,
    }));
    out
}

/// Why a volume cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VolumeLayoutError {
    /// No issues were given.
    #[error("合订本中没有任何一期简报")]
    Empty,
    /// One issue cannot be laid out.
    #[error("{title}无法排版：{source}")]
    Issue {
        /// 「温州科协信息 2020年第4期（总第245期）」.
        title: String,
        /// Why.
        source: LayoutError,
    },
}

/// Lays out the volume of `year` from `issues`, in the order given (the caller sorts them).
pub fn layout_volume(
    year: i32,
    issues: &[Issue],
    fonts: &FontBook,
) -> Result<Volume, VolumeLayoutError> {
    let last = issues.last().ok_or(VolumeLayoutError::Empty)?;
    let mut laid = Vec::with_capacity(issues.len());
    for issue in issues {
        let doc = super::layout(issue, fonts).map_err(|source| VolumeLayoutError::Issue {
            title: issue.masthead.title(),
            source,
        })?;
        laid.push(doc);
    }
    let set = Setter::new(Faces::new(fonts), Options::default().latin_han_spacing);

    // The contents' length does not depend on the page numbers in it (they sit in a column of
    // their own), so a second pass with the right count is always the last.
    let mut contents_pages = 1;
    let (contents, pages) = loop {
        // The cover is page 1, the contents follow.
        let contents = contents(issues, &laid, 2 + contents_pages);
        let pages = contents_pages_of(&contents, &set);
        if pages.len() as u32 == contents_pages {
            break (contents, pages);
        }
        contents_pages = pages.len() as u32;
    };

    let mut out = vec![cover(year, issues, &set)];
    out.extend(pages);
    let mut images = crate::images::ImageSet::new();
    for doc in laid {
        for (_, image) in doc.images.iter() {
            images.insert(image.clone());
        }
        for mut page in doc.pages {
            let n = out.len() as u32 + 1;
            renumber(&mut page, n, &set);
            out.push(page);
        }
    }
    let m = &last.masthead;
    Ok(Volume {
        document: Document {
            meta: DocumentMeta {
                title: format!("{} {}", m.name.trim(), volume_label(year)),
                author: m.editor.clone(),
                date: m.date,
            },
            pages: out,
            bookmarks: outline(&contents),
            images,
        },
        contents,
        contents_pages,
    })
}

/// 「2020年合订本」.
pub fn volume_label(year: i32) -> String {
    format!("{year}年合订本")
}

/// Gives `page` the volume's page number `n`.
fn renumber(page: &mut Page, n: u32, set: &Setter) {
    page.number = n;
    page.lines.retain(|l| l.element != Element::PageNumber);
    page.lines.push(page_number::line(n, set));
}

/// The contents of every issue, its first page being volume page `first_page`.
fn contents(issues: &[Issue], laid: &[Document], first_page: u32) -> Vec<ContentsIssue> {
    let mut page = first_page;
    let mut out = Vec::with_capacity(issues.len());
    for (issue, doc) in issues.iter().zip(laid) {
        let headline_pages = headline_pages(issue, doc);
        let mut entries = Vec::new();
        for (article, at) in issue.articles.iter().zip(headline_pages) {
            let text = article.toc_entry().trim().to_string();
            if text.is_empty() {
                continue;
            }
            let parts = match &article.toc_text {
                Some(t) if !t.trim().is_empty() => vec![text.clone()],
                _ => article.headline.clone(),
            };
            entries.push(ContentsEntry {
                text,
                parts,
                // An article without a headline has no page of its own to name: its issue's.
                page: page + at.unwrap_or(0),
            });
        }
        if let Some(at) = element_page(doc, Element::BriefsHeading) {
            entries.push(ContentsEntry {
                text: BRIEFS_ENTRY.into(),
                page: page + at,
                parts: vec![BRIEFS_ENTRY.into()],
            });
        }
        let m = &issue.masthead;
        out.push(ContentsIssue {
            label: format!("{}{}", m.number_label(), m.total_label()),
            date: m.date,
            first_page: page,
            pages: doc.pages.len() as u32,
            entries,
        });
        page += doc.pages.len() as u32;
    }
    out
}

/// The text a line shows, for matching: no spaces, nothing invisible.
fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .collect()
}

/// The page (0-based in `doc`) where each article's headline starts; `None` for an article
/// without a headline. Headline lines are matched in order against the articles' headlines.
fn headline_pages(issue: &Issue, doc: &Document) -> Vec<Option<u32>> {
    let lines: Vec<(u32, String)> = doc
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.lines
                .iter()
                .filter(|l| l.element == Element::Headline)
                .map(move |l| (i as u32, squashed(&l.text())))
        })
        .collect();
    let mut next = 0;
    issue
        .articles
        .iter()
        .map(|a| {
            let want = squashed(&a.headline.concat());
            if want.is_empty() {
                return None;
            }
            let page = lines.get(next)?.0;
            let mut got = String::new();
            while got.len() < want.len() && next < lines.len() {
                got.push_str(&lines[next].1);
                next += 1;
            }
            Some(page)
        })
        .collect()
}

/// The first page (0-based) with a line of `element`.
fn element_page(doc: &Document, element: Element) -> Option<u32> {
    doc.pages
        .iter()
        .position(|p| p.lines.iter().any(|l| l.element == element))
        .map(|i| i as u32)
}

/// The cover: the bulletin's name in red 小标宋 (§2), 「2020年合订本」 in 小标宋 2号 (§4), the
/// issues it holds in 仿宋 3号 over a red rule (§2), and the editing body at the foot.
fn cover(year: i32, issues: &[Issue], set: &Setter) -> Page {
    let first = &issues[0].masthead;
    let last = &issues[issues.len() - 1].masthead;
    let mut pages = Pages::new();
    pages.advance_to(COVER_NAME_CELL);
    let name_size = Options::default().name_size.0;
    for mut row in centred_rows(
        last.name.trim(),
        Element::MastheadName,
        FontRole::XiaoBiaoSong,
        name_size,
        set,
    ) {
        row.color = Rgb::RED;
        pages.place(&row);
    }
    // One empty grid line, then the title.
    pages.advance_to(pages.cell() + 1);
    let title = volume_label(year);
    for row in centred_rows(
        &title,
        Element::MastheadNumber,
        FontRole::XiaoBiaoSong,
        HEADLINE_SIZE,
        set,
    ) {
        pages.place(&row);
    }
    let range = if issues.len() == 1 {
        format!("{}{}", first.number_label(), first.total_label())
    } else {
        format!(
            "{}至{}（总第{}期至总第{}期）",
            first.number_label(),
            last.number_label(),
            first.total_number,
            last.total_number
        )
    };
    let cell = pages.cell();
    let line = set.line(&range, FontRole::FangSong, grid::BODY_SIZE, grid::TRACKING);
    let dx = grid::LEFT + (grid::MEASURE - line.right) / 2.0;
    pages.place(&Row::new(
        Element::MastheadNumber,
        FontRole::FangSong,
        grid::BODY_SIZE,
        line.shifted(dx),
    ));
    // The red rule 4 mm below that line, as under the masthead (§2).
    let em_bottom = grid::baseline(cell, 1, grid::BODY_SIZE) + grid::EM_DESCENT * grid::BODY_SIZE;
    pages.rule(Rule {
        x0: Pt(grid::LEFT),
        x1: Pt(grid::RIGHT),
        y: Pt(em_bottom + super::masthead::RULE_GAP),
        thickness: Options::default().masthead_rule,
        color: Rgb::RED,
    });
    let editor = set.line(
        last.editor.trim(),
        FontRole::FangSong,
        grid::BODY_SIZE,
        grid::TRACKING,
    );
    let dx = grid::LEFT + (grid::MEASURE - editor.right) / 2.0;
    pages.place_at(
        &Row::new(
            Element::MastheadEditorDate,
            FontRole::FangSong,
            grid::BODY_SIZE,
            editor.shifted(dx),
        ),
        COVER_EDITOR_CELL,
    );
    let mut page = pages.finish(|n| page_number::line(n, set)).swap_remove(0);
    // A cover carries no page number.
    page.lines.retain(|l| l.element != Element::PageNumber);
    page
}

/// The contents pages, numbered from 2: the heading 「目录」 in 小标宋 2号 (§4), then per issue
/// its 「第N期（总第M期）」 and date in 黑体 3号 (§4 level 1) and its entries in 楷体 3号 (§3),
/// each with a dotted leader to its page number at the right edge of the text block.
fn contents_pages_of(contents: &[ContentsIssue], set: &Setter) -> Vec<Page> {
    let size = grid::BODY_SIZE;
    let heading = set.line(
        CONTENTS_HEADING,
        FontRole::XiaoBiaoSong,
        HEADLINE_SIZE,
        HEADLINE_SIZE,
    );
    let dx = grid::LEFT + (grid::MEASURE - heading.right) / 2.0;
    let mut chunks = vec![Chunk {
        rows: vec![Row::new(
            Element::TocHeading,
            FontRole::XiaoBiaoSong,
            HEADLINE_SIZE,
            heading.shifted(dx),
        )],
        keep_with_next: 1,
        ..Chunk::default()
    }];
    for issue in contents {
        let label = format!(
            "{}\u{3000}{}",
            issue.label,
            crate::model::chinese_date(issue.date)
        );
        let line = set.line(&label, FontRole::Hei, size, grid::TRACKING);
        chunks.push(Chunk {
            rows: vec![numbered_row(
                Element::Heading1,
                FontRole::Hei,
                line.shifted(grid::LEFT),
                issue.first_page,
                set,
            )],
            space_before: 1,
            keep_with_next: 1,
            ..Chunk::default()
        });
        for entry in &issue.entries {
            let lines = entry_lines(entry, set);
            let n = lines.len();
            let rows = lines
                .into_iter()
                .enumerate()
                .map(|(k, line)| {
                    let line = line.shifted(grid::LEFT + ENTRY_INDENT);
                    if k + 1 == n {
                        numbered_row(Element::TocEntry, FontRole::Kai, line, entry.page, set)
                    } else {
                        Row::new(Element::TocEntry, FontRole::Kai, size, line)
                    }
                })
                .collect();
            chunks.push(Chunk {
                rows,
                keep_together: true,
                ..Chunk::default()
            });
        }
    }
    let mut pages = Pages::new();
    pages.flow(&chunks);
    let mut out = pages.finish(|n| page_number::line(n + 1, set));
    for page in &mut out {
        page.number += 1;
    }
    out
}

/// The lines of a contents entry in 楷体 3号 (§3), ragged right (a justified line would open a
/// headline's clause space wide): one when it fits; else broken where the editor broke the
/// headline and at its clause spaces, packing as many pieces on a line as fit (as headlines
/// are, §4: words kept whole); a piece too long for a line wraps.
fn entry_lines(entry: &ContentsEntry, set: &Setter) -> Vec<SetLine> {
    let size = grid::BODY_SIZE;
    let measure = grid::MEASURE - ENTRY_INDENT - NUMBER_COLUMN;
    let line = |t: &str| set.line(t, FontRole::Kai, size, grid::TRACKING);
    let fits = |t: &str| line(t).right <= measure + 0.01;
    if fits(&entry.text) {
        return vec![line(&entry.text)];
    }
    let mut params = set.params(size, measure, grid::TRACKING);
    params.justify = false;
    // Pieces with what joins each to the one before: nothing across the editor's line break
    // (the contents show a headline on one line, §3), the clause space inside a line.
    let mut pieces: Vec<(&str, &str)> = Vec::new();
    for part in &entry.parts {
        for (k, seg) in part
            .split([' ', '\u{3000}'])
            .filter(|s| !s.is_empty())
            .enumerate()
        {
            pieces.push((if k == 0 { "" } else { " " }, seg));
        }
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for (join, piece) in pieces {
        let joined = if current.is_empty() {
            piece.to_string()
        } else {
            format!("{current}{join}{piece}")
        };
        if fits(&joined) {
            current = joined;
            continue;
        }
        if !current.is_empty() {
            out.push(line(&current));
        }
        if fits(piece) {
            current = piece.to_string();
        } else {
            out.extend(set.lines_at_words(piece, FontRole::Kai, size, &params));
            current.clear();
        }
    }
    if !current.is_empty() {
        out.push(line(&current));
    }
    out
}

/// A contents row: `line`, a leader, and page number `page` ending at the text block's right
/// edge (half-width digits in the line's own face, as page numbers are, §7).
fn numbered_row(element: Element, role: FontRole, line: SetLine, page: u32, set: &Setter) -> Row {
    let size = grid::BODY_SIZE;
    let number = set.line(&page.to_string(), role, size, 0.0);
    let number = number.clone().shifted(grid::RIGHT - number.right);
    let number_left = number.glyphs.first().map_or(grid::RIGHT, |g| g.x.0);
    let mut glyphs = line.glyphs;
    // One leader in each grid cell (§1) from the first one free after the text to the last one
    // a quarter character clear of the number.
    let gap = grid::CHAR / 4.0;
    let face = set
        .faces
        .resolve(role, LEADER)
        .unwrap_or(FaceId::NotoSerifSc);
    let dot = set.faces.advance_em(face, LEADER) * size;
    let mut k = ((line.right + gap - grid::LEFT) / grid::CHAR - 1e-3)
        .ceil()
        .max(0.0) as u32;
    loop {
        let x = grid::LEFT + k as f32 * grid::CHAR;
        if x + dot > number_left - gap {
            break;
        }
        glyphs.push(Glyph {
            ch: LEADER,
            face,
            x: Pt(x),
        });
        k += 1;
    }
    glyphs.extend(number.glyphs);
    Row::new(
        element,
        role,
        size,
        SetLine {
            glyphs,
            right: grid::RIGHT,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cover and the contents add text of their own (not checked with any issue's
    /// coverage): every character of it must be in the face that sets it.
    #[test]
    fn the_volumes_own_text_is_in_its_faces() {
        let book = FontBook::global().expect("fonts in assets/fonts");
        let faces = Faces::new(book);
        let own = [
            (FontRole::XiaoBiaoSong, "目录0123456789年合订本"),
            (FontRole::FangSong, "第0123456789期至（总）"),
            (FontRole::Hei, "第0123456789期（总）年月日\u{3000}"),
            (FontRole::Kai, "简讯0123456789…"),
        ];
        for (role, text) in own {
            for ch in text.chars().filter(|c| !c.is_whitespace()) {
                assert_eq!(faces.resolve(role, ch), Some(role.face()), "{role:?} {ch}");
            }
        }
        // The leader is one grid cell wide, like the characters it stands among (§1).
        assert!((faces.advance_em(FontRole::Kai.face(), LEADER) - 1.0).abs() < 1e-3);
    }

    fn sample() -> Issue {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/issue-2020-04-245.txt");
        crate::import::read_path(&path).expect("the sample")
    }

    fn right_edge(line: &crate::page::TextLine, faces: &Faces) -> f32 {
        let g = line.glyphs.last().expect("a glyph");
        g.x.0 + faces.advance_em(g.face, g.ch) * line.size.0
    }

    #[test]
    fn contents_sit_on_the_grid_with_numbers_at_the_right_edge() {
        let book = FontBook::global().expect("fonts in assets/fonts");
        let faces = Faces::new(book);
        let mut a = sample();
        // A shorter TOC text names the article in the contents too; an article without a
        // headline has no entry.
        a.articles[1].toc_text = Some("北欧创新中心来温".into());
        a.articles[4].headline.clear();
        let mut b = sample();
        b.masthead.number = crate::model::IssueNumber::new(5).unwrap();
        b.masthead.total_number = crate::model::TotalNumber::new(246).unwrap();
        let v = layout_volume(2020, &[a.clone(), b], book).expect("layout");
        let own = super::super::layout(&a, book).unwrap().pages.len() as u32;

        let texts: Vec<&str> = v.contents[0]
            .entries
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert_eq!(texts[1], "北欧创新中心来温");
        assert_eq!(texts[5], BRIEFS_ENTRY);
        assert_eq!(v.contents[0].first_page, 2 + v.contents_pages);
        assert_eq!(v.contents[1].first_page, 2 + v.contents_pages + own);
        let marks = v.bookmarks();
        assert_eq!(marks.len(), 3);
        assert_eq!(marks[2].title, "第5期（总第246期）\u{3000}2020年4月30日");
        assert_eq!(marks[2].page, v.contents[1].first_page);
        let pages = &v.document.pages;
        assert_eq!(pages.len() as u32, 1 + v.contents_pages + 2 * own);

        for (i, page) in pages.iter().enumerate() {
            let n = i as u32 + 1;
            assert_eq!(page.number, n);
            let numbers: Vec<String> = page
                .lines
                .iter()
                .filter(|l| l.element == Element::PageNumber)
                .map(|l| l.text())
                .collect();
            let want = if n == 1 {
                vec![]
            } else {
                vec![format!("— {n} —")]
            };
            assert_eq!(numbers, want, "page {n}");
        }
        for page in &pages[1..=v.contents_pages as usize] {
            for line in page
                .lines
                .iter()
                .filter(|l| l.element != Element::PageNumber)
            {
                // On a grid line (§1).
                let on_grid = (0..grid::LINES)
                    .any(|c| (grid::baseline(c, 1, line.size.0) - line.baseline.0).abs() < 0.01);
                assert!(on_grid, "{} at {}", line.text(), line.baseline.0);
                if !line.text().contains(LEADER) {
                    continue;
                }
                // The number ends on the text block's right edge; the leader clears the text.
                assert!(
                    (right_edge(line, &faces) - grid::RIGHT).abs() < 0.01,
                    "{}",
                    line.text()
                );
                let first_dot = line.glyphs.iter().position(|g| g.ch == LEADER).unwrap();
                let before = &line.glyphs[first_dot - 1];
                let end = before.x.0 + faces.advance_em(before.face, before.ch) * line.size.0;
                assert!(line.glyphs[first_dot].x.0 >= end + grid::CHAR / 4.0 - 0.01);
            }
        }
    }
}

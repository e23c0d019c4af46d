//! Typesetting: an issue becomes positioned pages on the GB/T 9704 grid, once, for every backend
//! to draw. The layout is the one `docs/layout.md` describes: every `§N` in this module and its
//! submodules is a section of that file.
//!
//! Order of a document: the masthead and 本期要目 on the first page, the articles, the briefs,
//! the closing block at the foot of the last page, a page number on every page. Every line sits
//! on a grid cell (see `grid` for where the baseline sits in a cell) and every body line but a
//! paragraph's last fills the 156 mm measure (see `crate::linebreak`).

mod article;
mod briefs;
mod closing;
pub mod diagnostics;
pub(crate) mod faces;
mod figure;

pub use figure::{figure_size, FigureSize};
pub mod grid;
mod headline;
mod masthead;
mod page_number;
mod paginate;
mod stamp;
pub(crate) mod text;
mod toc;
pub mod volume;

use crate::coverage::{self, MissingGlyph};
use crate::fonts::FontBook;
use crate::model::Issue;
use crate::page::{Document, DocumentMeta};
use crate::units::Pt;

/// The settings docs/layout.md marks *default*, which an editor may change per publication.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Size of the bulletin name: 初号 42 pt (§2).
    pub name_size: Pt,
    /// Thickness of the red rule under the masthead: 1.0 pt (§2).
    pub masthead_rule: Pt,
    /// Thickness of the 本期要目 frame: 0.75 pt (§3).
    pub toc_frame: Pt,
    /// The bullet before each 本期要目 entry: 「◆」 (§3).
    pub bullet: char,
    /// A quarter em between Latin letters or digits and Han characters (§8).
    pub latin_han_spacing: bool,
    /// 「（总第245期）」 on its own line under 「第4期」 rather than after it (§2 allows both).
    pub total_on_own_line: bool,
    /// The proof stamp 「校样 第2次 2020-04-28」 for a proof's PDF; `None` for the final PDF.
    pub stamp: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            name_size: Pt(42.0),
            masthead_rule: Pt(1.0),
            toc_frame: Pt(0.75),
            bullet: '◆',
            latin_han_spacing: true,
            total_on_own_line: false,
            stamp: None,
        }
    }
}

/// Why an issue cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// Characters that no bundled font has (they would print as empty boxes).
    #[error("{}", missing_message(.0))]
    MissingGlyphs(Vec<MissingGlyph>),
}

fn missing_message(missing: &[MissingGlyph]) -> String {
    let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
    format!(
        "有{}处字符没有任何内置字体能显示，无法排版：{}。请改用常用写法（如拆字、同音字加注）后再导出",
        missing.len(),
        list.join("；")
    )
}

/// Lays out `issue` with the default settings.
pub fn layout(issue: &Issue, fonts: &FontBook) -> Result<Document, LayoutError> {
    layout_with(issue, fonts, &Options::default())
}

/// Lays out `issue` with `options`.
pub fn layout_with(
    issue: &Issue,
    fonts: &FontBook,
    options: &Options,
) -> Result<Document, LayoutError> {
    layout_with_diagnostics(issue, fonts, options).map(|(doc, _)| doc)
}

/// `issue` with each article's headline as the lines layout sets it: a headline line too long
/// for its line is split where layout breaks it automatically (§4.1), so that the DOCX carries
/// the same breaks as explicit line breaks and Word shows the headline as our PDF does.
pub fn with_headline_breaks(issue: &Issue, fonts: &FontBook) -> Issue {
    let set = text::Setter::new(
        faces::Faces::new(fonts),
        Options::default().latin_han_spacing,
    );
    let mut out = issue.clone();
    for article in &mut out.articles {
        article.headline = article
            .headline
            .iter()
            .filter(|l| !l.trim().is_empty())
            .flat_map(|l| {
                article::centred_lines(
                    l.trim(),
                    crate::fonts::FontRole::XiaoBiaoSong,
                    article::HEADLINE_SIZE,
                    &set,
                )
                .into_iter()
                .map(|line| line.glyphs.iter().map(|g| g.ch).collect::<String>())
            })
            .collect();
    }
    out
}

/// For each article of `issue`, the lines layout sets its headline in where it had to break one
/// of the editor's lines (§4.1), else `None`.
pub fn automatic_headline_breaks(issue: &Issue, fonts: &FontBook) -> Vec<Option<Vec<String>>> {
    let set = with_headline_breaks(issue, fonts);
    issue
        .articles
        .iter()
        .zip(set.articles)
        .map(|(given, laid)| {
            let editor: Vec<&str> = given
                .headline
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            (editor != laid.headline).then_some(laid.headline)
        })
        .collect()
}

/// Lays out `issue` with `options`, and says what a proofreader may want to check: paragraphs
/// set by total fit or left with a 孤字, headlines broken automatically.
pub fn layout_with_diagnostics(
    issue: &Issue,
    fonts: &FontBook,
    options: &Options,
) -> Result<(Document, Vec<diagnostics::Diagnostic>), LayoutError> {
    let faces = faces::Faces::new(fonts);
    let missing = coverage::check_faces(issue, &faces, options.bullet);
    if !missing.is_empty() {
        return Err(LayoutError::MissingGlyphs(missing));
    }
    let set = text::Setter::new(faces, options.latin_han_spacing);
    let mut pages = paginate::Pages::new();
    masthead::place(&issue.masthead, &set, options, &mut pages);
    let mut chunks = toc::chunks(issue, &set, options);
    for article in &issue.articles {
        chunks.extend(article::chunks(article, &issue.images, &set));
    }
    chunks.extend(briefs::chunks(&issue.briefs, &set));
    pages.flow(&chunks);
    closing::place(&issue.closing, &set, &mut pages);
    let mut pages = pages.finish(|n| page_number::line(n, &set));
    if let Some(label) = options.stamp.as_deref().filter(|l| !l.trim().is_empty()) {
        for page in &mut pages {
            page.lines.insert(0, stamp::line(label, &set));
        }
    }
    let m = &issue.masthead;
    let doc = Document {
        meta: DocumentMeta {
            title: m.title(),
            author: m.editor.clone(),
            date: m.date,
        },
        pages,
        bookmarks: Vec::new(),
        images: issue.used_images(),
    };
    Ok((doc, set.notes.into_inner()))
}

//! DOCX export (docs/layout.md §10): the issue as a Word document that lays itself out like our
//! PDF — same page, margins and 22 × 28 document grid, a named style for every element, the
//! masthead, rule, TOC box, closing block and page numbers built from Word's own features. Every
//! `§N` in this module and its submodules is a section of docs/layout.md.
//!
//! The DOCX is built from the model, not from laid-out pages: Word and WPS break lines and pages
//! themselves, on the same grid. docx-rs writes the document body, footers and section; the parts
//! docx-rs cannot express (styles with `w:firstLineChars` and Chinese line-breaking switches,
//! settings, font table, properties) are written by `styles`, `settings` and `properties`, and
//! `package` zips everything deterministically.
//!
//! Public API: [`render`] and [`write`], and [`render_with`] and [`write_with`] for an issue set
//! in installed faces ([`FontNames::of`] the font book the PDF used).

mod body;
mod closing;
mod figure;
mod font_names;
mod footers;
pub mod geometry;
mod masthead;
mod package;
mod properties;
pub mod settings;
pub mod styles;
mod xml;

use std::path::{Path, PathBuf};

use docx_rs::{DocGrid, DocGridType, Docx, PageMargin};

use crate::model::Issue;

pub use font_names::FontNames;

/// Why an issue could not be exported to DOCX.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// Packing the document failed (an internal error: nothing here depends on the input).
    #[error("生成 Word 文件失败：{0}")]
    Pack(#[from] zip::result::ZipError),
    /// The file could not be written (full disk, no permission, missing folder).
    #[error(
        "无法写出 Word 文件 {path}（{}）。请检查目录是否存在、是否可写，以及磁盘空间；原有的文件没有被改动。",
        crate::store::io_reason(.source)
    )]
    Write {
        /// The target file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The issue as DOCX bytes naming the office fonts; the same issue always gives the same bytes.
pub fn render(issue: &Issue) -> Result<Vec<u8>, DocxError> {
    render_with(issue, &FontNames::office())
}

/// The issue as DOCX bytes naming the fonts `names` gives each role.
pub fn render_with(issue: &Issue, names: &FontNames) -> Result<Vec<u8>, DocxError> {
    let mut docx = page();
    for p in masthead::masthead(issue) {
        docx = docx.add_paragraph(p);
    }
    if let Some(toc) = masthead::toc_box(issue) {
        docx = docx.add_table(toc);
    }
    for a in &issue.articles {
        for p in body::article(a, &issue.images) {
            docx = docx.add_paragraph(p);
        }
    }
    for p in body::briefs(&issue.briefs) {
        docx = docx.add_paragraph(p);
    }
    if let Some((table, anchor)) = closing::closing(&issue.closing) {
        docx = docx.add_table(table).add_paragraph(anchor);
    }
    let parts = package::parts(docx.build(), issue, names);
    Ok(package::zip(parts, package::entry_time(issue))?)
}

/// A document with the bulletin's page: A4, margins, odd/even page-number footers and the
/// 22 × 28 grid (§1, §7).
fn page() -> Docx {
    let mut docx = Docx::new()
        .page_size(geometry::PAGE_WIDTH as u32, geometry::PAGE_HEIGHT as u32)
        .page_margin(PageMargin {
            top: geometry::MARGIN_TOP,
            left: geometry::MARGIN_LEFT,
            bottom: geometry::MARGIN_BOTTOM,
            right: geometry::MARGIN_RIGHT,
            header: geometry::MARGIN_TOP / 2,
            footer: geometry::footer_distance(),
            gutter: 0,
        })
        .footer(footers::odd())
        .even_footer(footers::even());
    docx.document = docx.document.doc_grid(
        DocGrid::with_empty()
            .grid_type(DocGridType::LinesAndChars)
            .line_pitch(geometry::LINE_PITCH as usize)
            .char_space(geometry::char_space()),
    );
    docx
}

/// A document that is not an issue (e.g. the 信息采用情况通报) on the bulletin's page, in its
/// styles: `build` adds the body to a document with the page set; the properties name `title`,
/// `author` and the date.
pub fn render_document(
    build: impl FnOnce(Docx) -> Docx,
    title: &str,
    author: &str,
    date: chrono::NaiveDate,
    names: &FontNames,
) -> Result<Vec<u8>, DocxError> {
    let docx = build(page());
    let when = format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
    let core = properties::core_xml_of(title, author, &when);
    let app = properties::app_xml_of(author);
    let parts = package::parts_with_properties(docx.build(), core, app, names);
    Ok(package::zip(parts, package::date_time(date))?)
}

/// Renders the issue and writes it to `path` atomically (a crash never leaves half a file).
pub fn write(issue: &Issue, path: &Path) -> Result<(), DocxError> {
    write_with(issue, &FontNames::office(), path)
}

/// As `write`, naming the fonts `names` gives each role.
pub fn write_with(issue: &Issue, names: &FontNames, path: &Path) -> Result<(), DocxError> {
    let bytes = render_with(issue, names)?;
    crate::atomic_file::write(path, &bytes).map_err(|source| DocxError::Write {
        path: path.to_path_buf(),
        source,
    })
}

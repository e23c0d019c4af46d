//! The formats an issue is archived in when it is published (已印发, docs/layout.md §10): the final
//! PDF, its PDF/A-2b copy, the DOCX and the JSON interchange form, as `archive::Exporter`s. The
//! command line and the app both publish through this one list.

use crate::archive::Exporter;
use crate::fonts::{FontBook, FontRole};
use crate::model::Issue;
use crate::page::Document;
use crate::pdf::{PdfError, PdfOptions};
use crate::store::PublishedFace;

/// What publishing an issue writes: the exporters, and the faces its PDF uses (for the record).
pub struct ArchiveFormats {
    /// The exporters, one per archived file.
    pub exporters: Vec<Exporter>,
    /// The faces the PDF uses, by role.
    pub faces: Vec<PublishedFace>,
}

/// The faces `doc` draws with, each with the role it sets (a fallback face once per role).
pub fn faces_used(doc: &Document, fonts: &FontBook) -> Vec<PublishedFace> {
    let mut used: Vec<(FontRole, crate::fonts::FaceId)> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| l.glyphs.iter().map(move |g| (l.role, g.face)))
        .collect();
    used.sort_by_key(|&(r, f)| (r.slot(), f.slot()));
    used.dedup();
    used.into_iter()
        .map(|(role, face)| PublishedFace {
            role: role.label().to_string(),
            family: fonts.family(face),
            postscript: fonts.postscript_name(face),
            file: fonts.file_label(face),
        })
        .collect()
}

/// The exporters for `issue`. Its pages are laid out once here and drawn twice (the PDF and the
/// PDF/A copy), so a problem with the layout or the fonts shows before anything is archived.
pub fn archive_exporters(issue: &Issue, fonts: &FontBook) -> Result<ArchiveFormats, PdfError> {
    let doc = crate::layout::layout(issue, fonts)?;
    let faces = faces_used(&doc, fonts);
    let render = |archival| {
        crate::pdf::render(
            &doc,
            fonts,
            &PdfOptions {
                archival,
                ..PdfOptions::default()
            },
        )
    };
    let (pdf, pdfa) = (render(false)?, render(true)?);
    let names = crate::docx::FontNames::of(fonts);
    let headlines: Vec<Vec<String>> = crate::layout::with_headline_breaks(issue, fonts)
        .articles
        .into_iter()
        .map(|a| a.headline)
        .collect();
    let exporters = vec![
        Exporter::new(".pdf", move |_| Ok(pdf.clone())),
        Exporter::new("（PDFA）.pdf", move |_| Ok(pdfa.clone())),
        // The DOCX names the faces the PDF embeds (the office fonts where a role keeps its
        // bundled face).
        // The headline lines as layout sets them, so Word breaks them where the PDF does (the
        // issue archived is the one laid out here, its status aside).
        Exporter::new(".docx", move |issue| {
            let mut issue = issue.clone();
            for (a, lines) in issue.articles.iter_mut().zip(&headlines) {
                a.headline = lines.clone();
            }
            crate::docx::render_with(&issue, &names).map_err(|e| e.to_string())
        }),
        Exporter::json(),
    ];
    Ok(ArchiveFormats { exporters, faces })
}

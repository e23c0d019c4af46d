//! The DOCX package: docx-rs's parts with ours in place of styles, settings, font table and
//! properties, zipped in a fixed order with fixed timestamps so the same issue gives the same
//! bytes (docs/layout.md §10).

use std::io::{Cursor, Write};

use chrono::Datelike;
use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::model::Issue;

/// The package's parts, in the order they are written (`[Content_Types].xml` first, as Word and
/// most readers expect).
pub fn parts(xml: XMLDocx, issue: &Issue, names: &super::FontNames) -> Vec<(String, Vec<u8>)> {
    let core = super::properties::core_xml(issue);
    let app = super::properties::app_xml(issue);
    parts_with_properties(xml, core, app, names)
}

/// As `parts`, with the property parts given (a document that is not an issue).
pub fn parts_with_properties(
    xml: XMLDocx,
    core: String,
    app: String,
    names: &super::FontNames,
) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), app.into_bytes()),
        ("docProps/core.xml".into(), core.into_bytes()),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        (
            "word/_rels/document.xml.rels".into(),
            media_targets(xml.document_rels, &xml.media),
        ),
        (
            "word/document.xml".into(),
            number_drawings(strip_para_ids(xml.document)),
        ),
        (
            "word/styles.xml".into(),
            super::styles::styles_xml(names).into_bytes(),
        ),
        (
            "word/settings.xml".into(),
            super::settings::settings_xml().into_bytes(),
        ),
        (
            "word/fontTable.xml".into(),
            super::settings::font_table_xml(names).into_bytes(),
        ),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    for (id, bytes) in &xml.media {
        out.push((
            format!("word/media/{id}.{}", media_extension(bytes)),
            bytes.clone(),
        ));
    }
    for (i, h) in xml.headers.into_iter().enumerate() {
        out.push((format!("word/header{}.xml", i + 1), h));
    }
    for (i, r) in xml.header_rels.into_iter().enumerate() {
        out.push((format!("word/_rels/header{}.xml.rels", i + 1), r));
    }
    for (i, f) in xml.footers.into_iter().enumerate() {
        out.push((format!("word/footer{}.xml", i + 1), strip_para_ids(f)));
    }
    for (i, r) in xml.footer_rels.into_iter().enumerate() {
        out.push((format!("word/_rels/footer{}.xml.rels", i + 1), r));
    }
    out
}

/// The extension a picture's part gets, by its bytes: docx-rs names every picture `.png`, but a
/// JPEG must be named so for its content type (`jpeg` → image/jpeg in [Content_Types].xml).
fn media_extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        "jpeg"
    } else {
        "png"
    }
}

/// The relationships with each picture's target named by its real extension.
fn media_targets(rels: Vec<u8>, media: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut text = String::from_utf8(rels).expect("docx-rs writes UTF-8");
    for (id, bytes) in media {
        let ext = media_extension(bytes);
        if ext != "png" {
            text = text.replace(
                &format!("Target=\"media/{id}.png\""),
                &format!("Target=\"media/{id}.{ext}\""),
            );
        }
    }
    text.into_bytes()
}

/// Gives each drawing its own `wp:docPr` id (docx-rs writes 1 for all; Word wants them unique).
fn number_drawings(xml: Vec<u8>) -> Vec<u8> {
    const MARK: &str = "<wp:docPr id=\"1\"";
    let text = String::from_utf8(xml).expect("docx-rs writes UTF-8");
    if !text.contains(MARK) {
        return text.into_bytes();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for (i, part) in text.split(MARK).enumerate() {
        if i > 0 {
            out.push_str(&format!("<wp:docPr id=\"{i}\""));
        }
        out.push_str(part);
    }
    out.into_bytes()
}

/// Removes docx-rs's `w14:paraId` attributes: optional (Word assigns its own), and drawn from a
/// per-thread counter that does not restart per document, so they would differ between exports.
pub fn strip_para_ids(xml: Vec<u8>) -> Vec<u8> {
    const ATTR: &[u8] = b" w14:paraId=\"";
    let mut out = Vec::with_capacity(xml.len());
    let mut i = 0;
    while i < xml.len() {
        if xml[i..].starts_with(ATTR) {
            let value_start = i + ATTR.len();
            if let Some(len) = xml[value_start..].iter().position(|&b| b == b'"') {
                i = value_start + len + 1;
                continue;
            }
        }
        out.push(xml[i]);
        i += 1;
    }
    out
}

/// The zip timestamp of every entry: the issue's date at midnight (zip cannot hold dates before
/// 1980 or after 2107; such an issue gets the nearest end of that range).
pub fn entry_time(issue: &Issue) -> DateTime {
    date_time(issue.masthead.date)
}

/// A date at midnight as a zip timestamp, clamped to the years zip can hold.
pub fn date_time(d: chrono::NaiveDate) -> DateTime {
    let year = d.year().clamp(1980, 2107) as u16;
    DateTime::from_date_and_time(year, d.month() as u8, d.day() as u8, 0, 0, 0).unwrap_or_default()
}

/// Zips the parts (deflated, fixed time, fixed permissions).
pub fn zip(parts: Vec<(String, Vec<u8>)>, time: DateTime) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        w.start_file(name, options)?;
        w.write_all(&bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraph_ids_are_removed_and_nothing_else() {
        let xml = br#"<w:p w14:paraId="0000002f"><w:t>w14:paraId</w:t></w:p><w:p w14:paraId="00000030"/>"#;
        assert_eq!(
            super::strip_para_ids(xml.to_vec()),
            br#"<w:p><w:t>w14:paraId</w:t></w:p><w:p/>"#.to_vec()
        );
    }
}

//! The text of a Word document (.docx), for importing past issues the office kept as Word files:
//! one line a paragraph, in document order (tables and text boxes included), which the plain-text
//! reader then structures like any other archived issue.

use std::io::Read;

use quick_xml::events::Event;
use quick_xml::Reader;

/// The first bytes of every ZIP archive, and so of every .docx.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file: Word 97–2003 (.doc), WPS (.wps), Excel (.xls).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// The main part of a WordprocessingML package.
const DOCUMENT_PART: &str = "word/document.xml";
/// Largest main part read when unpacked (the package itself is limited by `MAX_FILE_BYTES`):
/// an issue's document.xml is well under a megabyte; a zip bomb is refused before it fills memory.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// What kind of office file `bytes` is, judged by its first bytes.
pub(crate) enum Kind {
    /// A ZIP package: maybe a .docx.
    Zip,
    /// An OLE compound file: a .doc (read by `doc`), .wps, .xls or the like.
    LegacyOffice,
    /// Neither: read as text.
    Other,
}

/// Tells a ZIP package or an old binary Office file from text.
pub(crate) fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(ZIP_MAGIC) {
        Kind::Zip
    } else if bytes.starts_with(OLE_MAGIC) {
        Kind::LegacyOffice
    } else {
        Kind::Other
    }
}

/// Why a ZIP package gave no text.
#[derive(Debug, thiserror::Error)]
pub(crate) enum DocxError {
    /// Not a readable ZIP archive (cut off, or damaged).
    #[error("文件是 ZIP 压缩包，但已损坏或不完整（{0}）")]
    Zip(String),
    /// A ZIP archive without a Word document in it (an .xlsx, .pptx, or any .zip).
    #[error("文件是压缩包，但不是 Word 文档（其中没有 word/document.xml）")]
    NotWord,
    /// The document part is not well-formed XML.
    #[error("Word 文档的内容已损坏（{0}）")]
    Xml(String),
    /// The document part unpacks to more than any issue.
    #[error("Word 文档解压后过大（超过 {} MB）", MAX_PART_BYTES / (1024 * 1024))]
    TooLarge,
}

/// The text of the .docx in `bytes`: one line a paragraph.
pub(crate) fn text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    let part = archive.by_name(DOCUMENT_PART).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => DocxError::NotWord,
        other => DocxError::Zip(other.to_string()),
    })?;
    let mut xml = String::new();
    part.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|e| DocxError::Zip(e.to_string()))?;
    if xml.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooLarge);
    }
    paragraphs(&xml).map_err(|e| DocxError::Xml(e.to_string()))
}

/// The main part's relationships: which part (word/media/…) each picture's id names.
const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";
/// Largest picture read from a package (a photo is a few MB; a larger part is not taken).
const MAX_MEDIA_BYTES: u64 = 64 * 1024 * 1024;

/// The pictures of a .docx by relationship id: the bytes of each part the document's
/// relationships name, read when asked for.
pub(crate) struct Media {
    /// The package, if it opens.
    archive: Option<std::cell::RefCell<zip::ZipArchive<std::io::Cursor<Vec<u8>>>>>,
    /// Relationship id → part name inside the package (None: an external link).
    targets: std::collections::BTreeMap<String, Option<String>>,
}

impl Media {
    /// The relationships of the package in `bytes` (none when it has no readable ones).
    pub(crate) fn read(bytes: &[u8]) -> Media {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).ok();
        let mut targets = std::collections::BTreeMap::new();
        if let Some(a) = archive.as_mut() {
            let mut xml = String::new();
            if let Ok(part) = a.by_name(DOCUMENT_RELS) {
                let _ = part.take(MAX_PART_BYTES).read_to_string(&mut xml);
            }
            targets = relationships(&xml);
        }
        Media {
            archive: archive.map(std::cell::RefCell::new),
            targets,
        }
    }

    /// The bytes of picture `id`, or why there are none (in words for the import report).
    pub(crate) fn get(&self, id: &str) -> Result<Vec<u8>, String> {
        let missing = || "Word 文件中找不到这张图片的数据".to_owned();
        if id.is_empty() {
            return Err(missing());
        }
        let target = match self.targets.get(id) {
            Some(Some(t)) => t,
            Some(None) => return Err("图片是链接到文件外的，Word 文件中没有它的数据".into()),
            None => return Err(missing()),
        };
        let archive = self.archive.as_ref().ok_or_else(missing)?;
        let mut archive = archive.borrow_mut();
        let part = archive.by_name(target).map_err(|_| missing())?;
        let mut bytes = Vec::new();
        part.take(MAX_MEDIA_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| missing())?;
        if bytes.len() as u64 > MAX_MEDIA_BYTES {
            return Err("图片超过 64 MB".into());
        }
        Ok(bytes)
    }
}

/// Relationship id → part name (resolved against word/), `None` for an external target.
fn relationships(xml: &str) -> std::collections::BTreeMap<String, Option<String>> {
    let mut out = std::collections::BTreeMap::new();
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                let (Some(id), Some(target)) = (attr(b"Id"), attr(b"Target")) else {
                    continue;
                };
                let external = attr(b"TargetMode").is_some_and(|m| m == "External");
                out.insert(id, (!external).then(|| part_name(&target)));
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// A relationship target of the main part as a part name: 「media/image1.png」 →
/// 「word/media/image1.png」, 「/word/media/x.png」 → 「word/media/x.png」, 「../media/x」 → 「media/x」.
fn part_name(target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(abs) = target.strip_prefix('/') {
        abs.split('/').collect()
    } else {
        std::iter::once("word").chain(target.split('/')).collect()
    };
    let mut out: Vec<&str> = Vec::new();
    for p in parts.drain(..) {
        match p {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

/// Paragraph styles of an article's headline: ours, and Word's title styles.
const HEADLINE_STYLES: [&[u8]; 3] = [b"Headline", b"Title", "标题".as_bytes()];

/// Elements that hold one picture: DrawingML's `w:drawing`, VML's `w:pict`, an embedded object.
const PICTURE_HOLDERS: [&[u8]; 3] = [b"w:drawing", b"w:pict", b"w:object"];

/// The relationship id of an image, if `e` is an image reference: DrawingML's `a:blip r:embed`,
/// VML's `v:imagedata r:id`.
fn image_reference(e: &quick_xml::events::BytesStart) -> Option<String> {
    let attribute = match e.name().as_ref() {
        b"a:blip" => b"r:embed".as_slice(),
        b"v:imagedata" => b"r:id".as_slice(),
        _ => return None,
    };
    let value = e
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == attribute)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
    Some(value.unwrap_or_default())
}

/// Walks WordprocessingML: the text of `w:t` runs, tabs and breaks inside runs, a line end after
/// each paragraph. Skips `mc:Fallback`, which repeats a text box's content for older readers.
/// Each picture becomes a line of its own after its paragraph: U+FFFC and its relationship id
/// (`pictures::marker_line`); a drawing with no image in it (a text box, a shape) is none.
fn paragraphs(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    // Pictures of the paragraph being read, written after its line end.
    let mut pictures: Vec<String> = Vec::new();
    // Inside a picture holder: the image reference found in it so far.
    let mut holder = 0u32;
    let mut holder_image: Option<String> = None;
    let mut in_text = false;
    let mut in_run = 0u32;
    let mut fallback = 0u32;
    // Inside a headline's paragraph, a line break is where the headline's lines meet (our DOCX
    // carries the PDF's headline breaks so, docs/layout.md §4.1): kept as a clause space, so that
    // the headline reads back as one, not as a headline and a heading.
    let mut in_headline = false;
    loop {
        let event = reader.read_event()?;
        if fallback == 0 {
            if let Event::Start(e) | Event::Empty(e) = &event {
                if let Some(reference) = image_reference(e) {
                    if holder > 0 {
                        holder_image.get_or_insert(reference);
                    } else {
                        pictures.push(reference);
                    }
                }
            }
            match &event {
                Event::Start(e) if PICTURE_HOLDERS.contains(&e.name().as_ref()) => holder += 1,
                Event::End(e) if holder > 0 && PICTURE_HOLDERS.contains(&e.name().as_ref()) => {
                    holder -= 1;
                    if holder == 0 {
                        pictures.extend(holder_image.take());
                    }
                }
                _ => {}
            }
        }
        match event {
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                in_headline = e.attributes().flatten().any(|a| {
                    a.key.as_ref() == b"w:val" && HEADLINE_STYLES.contains(&a.value.as_ref())
                });
            }
            Event::Start(e) => match e.name().as_ref() {
                b"mc:Fallback" => fallback += 1,
                b"w:p" => in_headline = false,
                b"w:t" => in_text = true,
                b"w:r" => in_run += 1,
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"mc:Fallback" => fallback = fallback.saturating_sub(1),
                b"w:t" => in_text = false,
                b"w:r" => in_run = in_run.saturating_sub(1),
                b"w:p" if fallback == 0 => {
                    out.push('\n');
                    // A picture's line stands after the paragraph it was in (its text boxes'
                    // paragraphs included: their pictures wait for the holder to close).
                    if holder == 0 {
                        for reference in pictures.drain(..) {
                            out.push_str(&super::pictures::marker_line(&reference));
                            out.push('\n');
                        }
                    }
                }
                _ => {}
            },
            // An empty paragraph is an empty line.
            Event::Empty(e) if fallback == 0 && e.name().as_ref() == b"w:p" => out.push('\n'),
            Event::Empty(e) if fallback == 0 && in_run > 0 => match e.name().as_ref() {
                // A tab inside a run separates e.g. the editing body from the date.
                b"w:tab" => out.push('\t'),
                b"w:br" | b"w:cr" if in_headline => out.push('\u{3000}'),
                b"w:br" | b"w:cr" => out.push('\n'),
                b"w:noBreakHyphen" => out.push('-'),
                _ => {}
            },
            Event::Text(t) if in_text && fallback == 0 => {
                out.push_str(&t.decode().map_err(quick_xml::Error::from)?)
            }
            Event::GeneralRef(r) if in_text && fallback == 0 => {
                if let Some(c) = r.resolve_char_ref()? {
                    out.push(c);
                } else {
                    let name: &[u8] = &r;
                    out.push(match name {
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        _ => '\u{fffd}',
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A picture outside any paragraph (there should be none) still gets its line.
    for reference in pictures {
        out.push_str(&super::pictures::marker_line(&reference));
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{inner}</w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_become_lines_with_runs_joined() {
        let xml = body(
            r#"<w:p><w:r><w:t>温州</w:t></w:r><w:r><w:t xml:space="preserve">科协 信息</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>第4期</w:t></w:r></w:p>"#,
        );
        assert_eq!(paragraphs(&xml).unwrap(), "温州科协 信息\n\n第4期\n");
    }

    #[test]
    fn tabs_and_breaks_count_only_inside_runs() {
        // A tab stop in the paragraph's properties is not text; a tab in a run is.
        let xml = body(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="8800"/></w:tabs></w:pPr><w:r><w:t>编</w:t><w:tab/><w:t>2020年</w:t><w:br/><w:t>下</w:t></w:r></w:p>"#,
        );
        assert_eq!(paragraphs(&xml).unwrap(), "编\t2020年\n下\n");
    }

    #[test]
    fn a_break_inside_a_headline_is_where_its_lines_meet() {
        let xml = body(
            r#"<w:p><w:pPr><w:pStyle w:val="Headline"/></w:pPr><w:r><w:t>市科协与温州理工学院就“科创中国”</w:t><w:br w:type="textWrapping"/><w:t>工作进行对接交流</w:t></w:r></w:p><w:p><w:r><w:t>正文</w:t><w:br/><w:t>下</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            paragraphs(&xml).unwrap(),
            "市科协与温州理工学院就“科创中国”\u{3000}工作进行对接交流\n正文\n下\n"
        );
    }

    #[test]
    fn entities_are_resolved_and_field_codes_and_deletions_left_out() {
        let xml = body(
            r#"<w:p><w:r><w:t>A&amp;B &#x4E2D;&#22269;</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>"#,
        );
        assert_eq!(paragraphs(&xml).unwrap(), "A&B 中国\n");
    }

    #[test]
    fn a_text_box_is_read_once_not_again_from_its_fallback() {
        let xml = body(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>报头</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>报头</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        );
        assert_eq!(paragraphs(&xml).unwrap(), "报头\n\n");
    }

    #[test]
    fn each_picture_is_a_line_of_its_own_after_its_paragraph() {
        // A DrawingML picture with its VML fallback (read once), a VML picture, and a drawing
        // that is a text box with no image (no picture).
        let xml = body(
            r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId7"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:imagedata r:id="rId8"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p><w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId9"/></v:shape></w:pict></w:r></w:p><w:p><w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p>"#,
        );
        assert_eq!(
            paragraphs(&xml).unwrap(),
            "前后\n\u{FFFC}rId7\n\n\u{FFFC}rId9\n框\n\n"
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(paragraphs(&body("<w:p><w:r><w:t>半</w:r></w:t></w:p>")).is_err());
    }

    #[test]
    fn kinds_by_first_bytes() {
        assert!(matches!(kind(b"PK\x03\x04rest"), Kind::Zip));
        assert!(matches!(kind(OLE_MAGIC), Kind::LegacyOffice));
        assert!(matches!(kind("温州".as_bytes()), Kind::Other));
    }

    #[test]
    fn a_zip_without_a_document_is_not_word() {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        w.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.finish().unwrap();
        assert!(matches!(text(buf.get_ref()), Err(DocxError::NotWord)));
        assert!(matches!(text(b"PK\x03\x04cut"), Err(DocxError::Zip(_))));
    }
}

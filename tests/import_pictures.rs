//! Pictures in an imported Word file are never dropped silently: a .docx that python-docx makes of
//! a past issue, with real PNG pictures (a logo above the masthead, a photo and its caption 「图为……」
//! under a paragraph, two photos together, one inside a paragraph's text), imports to the issue its
//! text gives with a figure block where each picture in an article stood (the caption its
//! caption, issue 24), and the report names the picture it could not take (the logo, outside any
//! article) by its place, as `bulletin import --dry-run` and the app's import dialog show it; the
//! .doc LibreOffice makes of the same document, whose pictures' bytes are not read, keeps the
//! caption as a paragraph and names every picture. A JPEG comes in as a figure too; a GIF is
//! named as a format we do not take.

mod cli_support;
mod docx_support;
mod images_support;
mod past_support;

use std::path::{Path, PathBuf};

use bulletin::images::Image;
use bulletin::import;
use bulletin::model::{Block, FigureWidth, Issue};
use past_support::{assert_same, expected, past};

/// The past issue the document is made of.
const ISSUE: &str = "issue-2022-06-271-title-briefs.txt";
/// The caption under the photo in article 2.
const CAPTION: &str = "图为专家在茶园开展技术指导。";

/// Writes `NAME.docx` of the past issue with python-docx, a paragraph a line, with pictures: an
/// 8×6 PNG written by the script itself (a real image, so the document is a real one).
fn word_with_pictures(dir: &Path) -> PathBuf {
    let docx = dir.join("图片.docx");
    let png = dir.join("photo.png");
    let script = format!(
        r#"
import sys, struct, zlib, docx
from docx.shared import Cm
src, out, png = sys.argv[1:4]
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
rows = b''.join(b'\x00' + bytes([200, 30, 30]) * 8 for _ in range(6))
with open(png, 'wb') as f:
    f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 8, 6, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
d = docx.Document()
def pictures(n):
    for _ in range(n):
        d.add_paragraph().add_run().add_picture(png, width=Cm(4))
pictures(1)  # the office's logo above the masthead
for line in open(src, encoding='utf-8'):
    line = line.strip()
    if not line:
        continue
    p = d.add_paragraph(line)
    if line.startswith('近年来，我市科协系统'):
        pictures(1)
        d.add_paragraph('{CAPTION}')
    if line.startswith('下一步，将继续坚持'):
        pictures(2)
    if line.startswith('近日，苍南县科协深入'):
        p.add_run().add_picture(png, width=Cm(3))
d.save(out)
"#
    );
    docx_support::python_docx(&script, &[&past().join(ISSUE), &docx, &png]);
    docx
}

/// The warnings about pictures and captions, as the report prints them.
fn picture_warnings(warnings: &[String]) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| w.contains("图片"))
        .map(|w| w.split_once('：').map_or(w.clone(), |(_, m)| m.to_owned()))
        .collect()
}

/// What the report of the .docx must say, written by hand from where the script put the
/// pictures: only the logo above the masthead is left out.
fn want_docx_warnings() -> Vec<String> {
    vec![
        "文件开头有1张图片，未导入（图片不在任何一篇文章中，只有文章能放图片），请核对是否需要"
            .to_owned(),
    ]
}

/// What the report of the .doc must say: no picture's bytes are read from a .doc.
fn want_doc_warnings() -> Vec<String> {
    let doc = ".doc 文件中的图片取不出来，请在 Word 中另存为 .docx 后再导入，或导入后再插入图片";
    vec![
        "文件开头有1张图片，未导入（图片不在任何一篇文章中，只有文章能放图片），请核对是否需要"
            .to_owned(),
        format!("第2篇文章第1段后有1张图片，未导入（{doc}），请核对是否需要"),
        "第2篇文章第2段「图为专家在茶园开展技术指导。…」像是图片说明，已作为正文段落保留，请核对"
            .to_owned(),
        format!("第3篇文章第1段后有2张图片，未导入（{doc}），请核对是否需要"),
        format!("第3篇文章第2段后有1张图片，未导入（{doc}），请核对是否需要"),
    ]
}

/// The issue the .docx must give: the text's, with the PNG as figures where the script put it
/// (after article 2's first paragraph with the caption; twice after article 3's first paragraph
/// and once after its second, uncaptioned), at full width.
fn want_with_figures(png: &[u8]) -> Issue {
    let (mut want, _) = expected(&past().join(ISSUE));
    let id = want.images.insert(Image::from_bytes(png.to_vec()).unwrap());
    let fig = |caption: &str| Block::figure(id, FigureWidth::FULL, caption);
    want.articles[1].blocks.insert(1, fig(CAPTION));
    want.articles[2].blocks.insert(2, fig(""));
    want.articles[2].blocks.insert(1, fig(""));
    want.articles[2].blocks.insert(1, fig(""));
    want
}

#[test]
fn pictures_are_named_by_their_place_and_the_caption_stays_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let docx = word_with_pictures(dir.path());
    let parsed = import::read_path_report(&docx).unwrap();

    let png = std::fs::read(dir.path().join("photo.png")).unwrap();
    assert_same(&parsed.issue, &want_with_figures(&png), "图片.docx");
    // No picture's marker is left in any text.
    let json = bulletin::json::to_string(&parsed.issue);
    assert!(!json.contains('\u{FFFC}'), "{json}");

    let shown: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(picture_warnings(&shown), want_docx_warnings(), "{shown:#?}");
    // The text's own warnings are all still there, and the caption was not called joined.
    let kinds = |w: &[import::Warning]| -> Vec<String> {
        w.iter()
            .map(|w| {
                serde_json::to_value(w).unwrap()["kind"]["kind"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .filter(|k| k != "pictures_left_out" && k != "caption_kept")
            .collect()
    };
    assert_eq!(
        kinds(&parsed.warnings),
        ["joined", "headline_by_similarity", "joined"],
        "{shown:#?}"
    );
}

#[test]
fn a_doc_libreoffice_makes_of_it_names_the_same_pictures() {
    // In a .doc a picture is a special character (0x01 inline, 0x08 drawn): its line carries no
    // reference, and the report is the same.
    let dir = tempfile::tempdir().unwrap();
    let docx = word_with_pictures(dir.path());
    let doc = docx_support::libreoffice_convert(&docx, &[], "doc", dir.path());
    let parsed = import::read_path_report(&doc).unwrap();
    let (mut want, _) = expected(&past().join(ISSUE));
    want.articles[1].blocks.insert(1, Block::paragraph(CAPTION));
    assert_same(&parsed.issue, &want, "图片.doc");
    let shown: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(picture_warnings(&shown), want_doc_warnings(), "{shown:#?}");
}

#[test]
fn bulletin_import_and_the_app_s_import_list_the_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let docx = word_with_pictures(dir.path());
    let db = dir.path().join("store.sqlite3");

    let out = cli_support::bulletin(&db, &["import", "--dry-run", docx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for w in want_docx_warnings() {
        assert!(printed.contains(&w), "{w} not in:\n{printed}");
    }

    let app =
        bulletin::desktop::Desktop::open(&db, bulletin::fonts::FontBook::default_dir()).unwrap();
    let report = app.import_files(&[docx]);
    assert_eq!(report.files.len(), 1, "{report:?}");
    assert_eq!(
        picture_warnings(&report.files[0].warnings),
        want_docx_warnings()
    );
    // Imported into the store with its pictures, which the figures name.
    let id = report.imported[0].to_string();
    let opened = app.open_issue(&id).unwrap().issue;
    assert_eq!(opened.figures().count(), 4);
    assert_eq!(app.with_images(&opened).images.len(), 1);
}

#[test]
fn a_jpeg_comes_in_as_a_figure_and_a_gif_is_named_as_a_format_we_do_not_take() {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = dir.path().join("photo.jpg");
    let photo = images_support::jpeg(64, 48);
    std::fs::write(&jpeg, &photo).unwrap();
    let gif = dir.path().join("logo.gif");
    // A 1 × 1 GIF89a, byte by byte.
    std::fs::write(
        &gif,
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
    )
    .unwrap();
    let docx = dir.path().join("照片.docx");
    let script = r#"
import sys, docx
from docx.shared import Cm
src, out, jpeg, gif = sys.argv[1:5]
d = docx.Document()
for line in open(src, encoding='utf-8'):
    line = line.strip()
    if not line:
        continue
    d.add_paragraph(line)
    if line.startswith('近年来，我市科协系统'):
        d.add_paragraph().add_run().add_picture(jpeg, width=Cm(12))
        d.add_paragraph('图为培训现场。')
    if line.startswith('下一步，将继续坚持'):
        d.add_paragraph().add_run().add_picture(gif, width=Cm(2))
d.save(out)
"#;
    docx_support::python_docx(script, &[&past().join(ISSUE), &docx, &jpeg, &gif]);
    let parsed = import::read_path_report(&docx).unwrap();
    let (mut want, _) = expected(&past().join(ISSUE));
    let id = want
        .images
        .insert(Image::from_bytes(photo.clone()).unwrap());
    want.articles[1]
        .blocks
        .insert(1, Block::figure(id, FigureWidth::FULL, "图为培训现场。"));
    assert_same(&parsed.issue, &want, "照片.docx");
    assert_eq!(&*parsed.issue.images.get(&id).unwrap().bytes, &photo[..]);
    let shown: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        picture_warnings(&shown),
        ["第3篇文章第1段后有1张图片，未导入（图片格式为 GIF，不能导入，请另存为 JPEG 或 PNG 后在编辑器中插入），请核对是否需要"],
        "{shown:#?}"
    );
}

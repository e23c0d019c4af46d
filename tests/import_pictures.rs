//! Pictures in an imported Word file are never dropped silently: a .docx that python-docx makes of
//! a past issue, with real PNG pictures (a logo above the masthead, a photo and its caption 「图为……」
//! under a paragraph, two photos together, one inside a paragraph's text), imports to the issue its
//! text gives plus the caption as a paragraph of its own, and the report names each picture and
//! the caption by its place, as `bulletin import --dry-run` and the app's import dialog show it;
//! the .doc LibreOffice makes of the same document gives the same report.

mod docx_support;
mod past_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::import;
use bulletin::model::Block;
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

/// What the report must say, written by hand from where the script put the pictures.
fn want_picture_warnings() -> Vec<String> {
    vec![
        "文件开头有1张图片，未导入（简报正文暂不能放图片），请核对是否需要".to_owned(),
        "第2篇文章第1段后有1张图片，未导入（简报正文暂不能放图片），请核对是否需要".to_owned(),
        "第2篇文章第2段「图为专家在茶园开展技术指导。…」像是图片说明，已作为正文段落保留，请核对"
            .to_owned(),
        "第3篇文章第1段后有2张图片，未导入（简报正文暂不能放图片），请核对是否需要".to_owned(),
        "第3篇文章第2段后有1张图片，未导入（简报正文暂不能放图片），请核对是否需要".to_owned(),
    ]
}

#[test]
fn pictures_are_named_by_their_place_and_the_caption_stays_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let docx = word_with_pictures(dir.path());
    let parsed = import::read_path_report(&docx).unwrap();

    // The issue is the text's, with the caption as article 2's second paragraph.
    let (mut want, _) = expected(&past().join(ISSUE));
    want.articles[1].blocks.insert(1, Block::paragraph(CAPTION));
    assert_same(&parsed.issue, &want, "图片.docx");
    // No picture's marker is left in any text.
    let json = bulletin::json::to_string(&parsed.issue);
    assert!(!json.contains('\u{FFFC}'), "{json}");

    let shown: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        picture_warnings(&shown),
        want_picture_warnings(),
        "{shown:#?}"
    );
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
    assert_eq!(
        picture_warnings(&shown),
        want_picture_warnings(),
        "{shown:#?}"
    );
}

#[test]
fn bulletin_import_and_the_app_s_import_list_the_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let docx = word_with_pictures(dir.path());
    let db = dir.path().join("store.sqlite3");

    let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(&db)
        .args(["import", "--dry-run"])
        .arg(&docx)
        .output()
        .unwrap();
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
    for w in want_picture_warnings() {
        assert!(printed.contains(&w), "{w} not in:\n{printed}");
    }

    let app =
        bulletin::desktop::Desktop::open(&db, bulletin::fonts::FontBook::default_dir()).unwrap();
    let report = app.import_files(&[docx]);
    assert_eq!(report.files.len(), 1, "{report:?}");
    assert_eq!(
        picture_warnings(&report.files[0].warnings),
        want_picture_warnings()
    );
}

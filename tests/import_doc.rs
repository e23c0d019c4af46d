//! Word 97–2003 (.doc) files read natively: every past issue in tests/data/past, written as a .doc
//! by LibreOffice (`soffice --convert-to doc`, at test time: the files under test are what a real
//! Word writer makes of the current fixtures, and no binary copies of them are kept), imports to
//! the structure written by hand beside it, field by field and warning by warning; a tracked
//! deletion LibreOffice keeps in the .doc is left out; text boxes are read where they are anchored; a damaged file, random bytes with the OLE
//! signature, an encrypted file and an Excel workbook are refused with a message, and nothing is stored.

mod cli_support;
mod docx_support;
mod past_support;

use std::io::Write;
use std::path::{Path, PathBuf};

use bulletin::import::{self, ImportError};
use past_support::{assert_same, expected, inputs, warnings};

/// A UTF-8 copy of `input` in `dir` (LibreOffice is told the text's encoding; one past issue is GBK).
fn utf8_copy(input: &Path, dir: &Path) -> PathBuf {
    let bytes = std::fs::read(input).unwrap();
    let text = import::encoding::decode(&bytes).unwrap().text;
    let copy = dir.join(input.file_name().unwrap());
    std::fs::write(&copy, text).unwrap();
    copy
}

/// The .doc LibreOffice writes of a text file.
fn doc_of_text(input: &Path, dir: &Path) -> PathBuf {
    docx_support::libreoffice_convert(
        &utf8_copy(input, dir),
        &["--infilter=Text (encoded):UTF8,,,"],
        "doc",
        dir,
    )
}

#[test]
fn every_past_issue_as_a_libreoffice_doc_imports_to_its_hand_written_structure() {
    let files = inputs();
    assert!(files.len() >= 8, "{files:?}");
    for input in files {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc_of_text(&input, dir.path());
        assert!(
            std::fs::read(&doc)
                .unwrap()
                .starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
            "{}: LibreOffice did not write an OLE file",
            doc.display()
        );
        let name = doc.file_name().unwrap().to_string_lossy().into_owned();
        let parsed = import::read_path_report(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (issue, want_warnings) = expected(&input);
        assert_same(&parsed.issue, &issue, &name);
        // LibreOffice makes every line of the text a paragraph, blank ones too: the warnings
        // name the same lines as for the text.
        assert_eq!(warnings(&parsed), want_warnings, "{name}");
    }
}

/// Escapes text for WordprocessingML.
fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A minimal .docx package with `body` as the document's body.
fn docx_package(body: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "word/document.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}</w:body></w:document>"#
            ),
        ),
    ];
    for (name, content) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    buf.into_inner()
}

/// The past issue used for the documents built here.
fn title_briefs() -> PathBuf {
    past_support::past().join("issue-2022-06-271-title-briefs.txt")
}

/// A .docx of the past issue's text, a paragraph a line, with `edit` giving the XML of the
/// paragraphs it wants otherwise; and the .doc LibreOffice makes of it.
fn word_of_issue(
    dir: &Path,
    name: &str,
    edit: impl Fn(&str) -> Option<String>,
) -> (PathBuf, PathBuf) {
    let text = std::fs::read_to_string(title_briefs()).unwrap();
    let mut body = String::new();
    let mut edited = false;
    for line in text.lines() {
        let line = xml_text(line.trim());
        match edit(&line) {
            Some(xml) => {
                edited = true;
                body.push_str(&xml);
            }
            None => body.push_str(&format!("<w:p><w:r><w:t>{line}</w:t></w:r></w:p>")),
        }
    }
    assert!(edited, "{name}: no paragraph was edited");
    let docx = dir.join(format!("{name}.docx"));
    std::fs::write(&docx, docx_package(&body)).unwrap();
    let doc = docx_support::libreoffice_convert(&docx, &[], "doc", dir);
    (docx, doc)
}

#[test]
fn a_tracked_deletion_libreoffice_keeps_in_the_doc_is_left_out() {
    // Tracked changes in article 1: a sentence deleted (still in the file, marked
    // sprmCFRMarkDel) and the end of a paragraph inserted (kept, as Word shows it).
    const DELETED: &str = "这一句在审阅时已被删除。";
    let dir = tempfile::tempdir().unwrap();
    let (_, doc) = word_of_issue(dir.path(), "修订", |line| {
        let rest = line.strip_prefix("会上，市医学会、")?;
        Some(format!(
            r#"<w:p><w:r><w:t>会上，市医学会、</w:t></w:r><w:del w:id="1" w:author="编辑" w:date="2022-06-20T09:00:00Z"><w:r><w:delText>{DELETED}</w:delText></w:r></w:del><w:ins w:id="2" w:author="编辑" w:date="2022-06-20T09:00:00Z"><w:r><w:t>{rest}</w:t></w:r></w:ins></w:p>"#
        ))
    });
    // The deleted words are in the file (LibreOffice writes tracked deletions into .doc)...
    let bytes = std::fs::read(&doc).unwrap();
    let utf16: Vec<u8> = DELETED.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert!(
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice()),
        "LibreOffice no longer writes the deletion into the .doc: this test checks nothing"
    );
    // ...and not in the issue, which is the text's.
    let parsed = import::read_path_report(&doc).unwrap();
    let (issue, _) = expected(&title_briefs());
    assert_same(&parsed.issue, &issue, "修订.doc");
}

#[test]
fn text_boxes_are_read_where_they_are_anchored() {
    // Two paragraphs of article 1 set in floating text boxes (VML, as Word 2003 and LibreOffice
    // write them), each anchored in a paragraph of its own: the .doc keeps the boxes' text in
    // its text-box document, found through the anchors, and reads like the .docx.
    let text_box = |paragraphs: &[&str]| {
        let inner: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        format!(
            r##"<w:p><w:r><w:pict><v:shape id="box{}" style="position:absolute;width:400pt;height:80pt" type="#_x0000_t202"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"##,
            inner.len()
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let (docx, doc) = word_of_issue(dir.path(), "文本框", |line| {
        (line.starts_with("会议指出，") || line.starts_with("会议要求，"))
            .then(|| text_box(&[line]))
    });
    let (issue, _) = expected(&title_briefs());
    assert_same(&import::read_path(&docx).unwrap(), &issue, "文本框.docx");
    let parsed = import::read_path_report(&doc).unwrap();
    assert_same(&parsed.issue, &issue, "文本框.doc");
    assert!(
        !parsed
            .warnings
            .iter()
            .any(|w| w.to_string().contains("图片")),
        "{:?}",
        parsed.warnings
    );
}

/// `bulletin import FILE` into a fresh store: fails, with the message on standard error, and the
/// store holds no issue.
fn refused_and_nothing_stored(file: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.sqlite3");
    let out = cli_support::bulletin(&db, &["import", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{}: imported", file.display());
    assert!(
        stderr.contains(&*file.file_name().unwrap().to_string_lossy()),
        "{stderr}"
    );
    if db.exists() {
        let store = bulletin::store::Store::open(&db).unwrap();
        assert!(
            store.list().unwrap().is_empty(),
            "{}: stored",
            file.display()
        );
    }
    stderr
}

/// The message `read_path` gives for `bytes` saved as `name`, which must be a `Doc` error.
fn doc_error(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    match import::read_path(&path) {
        Err(e @ ImportError::Doc { .. }) => {
            let message = e.to_string();
            assert!(message.contains(name), "{message}");
            refused_and_nothing_stored(&path);
            message
        }
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn damaged_random_and_non_word_ole_files_are_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc_of_text(&title_briefs(), dir.path());
    let whole = std::fs::read(&doc).unwrap();

    // Cut in half: the compound file's sectors or the Word streams end early.
    let m = doc_error(dir.path(), "半个.doc", &whole[..whole.len() / 2]);
    assert!(m.contains("已损坏或不完整"), "{m}");
    // The OLE signature, then noise.
    let mut noise = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    noise.extend((0..8192).map(|_| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 24) as u8
    }));
    let m = doc_error(dir.path(), "乱码.doc", &noise);
    assert!(m.contains("已损坏或不完整"), "{m}");
    // The FIB says encrypted (fEncrypted): the same file with that bit set.
    let at = find_word_document(&whole);
    let mut encrypted = whole.clone();
    encrypted[at + 0x0B] |= 0x01;
    let m = doc_error(dir.path(), "加密.doc", &encrypted);
    assert!(m.contains("设有打开密码"), "{m}");

    // An Excel workbook is an OLE file too: its data in a "Workbook" stream. (The Debian package
    // CI installs is LibreOffice's Writer only, which cannot write .xls: the compound file is made
    // with the cfb crate, holding the BIFF8 BOF record a workbook starts with.)
    let mut xls = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    let mut stream = xls.create_stream("Workbook").unwrap();
    stream
        .write_all(&[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00])
        .unwrap();
    stream.write_all(&[0; 12]).unwrap();
    drop(stream);
    let bytes = xls.into_inner().into_inner();
    let m = doc_error(dir.path(), "名单.xls", &bytes);
    assert!(m.contains("Excel 表格（.xls），不是 Word 文档"), "{m}");
}

/// Where the WordDocument stream's FIB starts in a small .doc LibreOffice wrote: the first
/// sector that starts with wIdent 0xA5EC (LibreOffice 7 writes nFib 0x0101 after it).
fn find_word_document(bytes: &[u8]) -> usize {
    (512..bytes.len())
        .step_by(512)
        .find(|&at| bytes[at..].starts_with(&[0xEC, 0xA5]))
        .expect("no FIB at a sector start")
}

#[test]
fn the_app_s_import_and_bulletin_import_store_a_doc() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc_of_text(&title_briefs(), dir.path());
    let (want, _) = expected(&title_briefs());

    let app_db = dir.path().join("app.sqlite3");
    let app = bulletin::desktop::Desktop::open(&app_db, bulletin::fonts::FontBook::default_dir())
        .unwrap();
    let report = app.import_files(std::slice::from_ref(&doc));
    assert_eq!(report.imported.len(), 1, "{report:?}");
    let stored = app.open_issue(&report.imported[0].to_string()).unwrap();
    assert_same(&stored.issue, &want, "the app's import");

    let cli_db = dir.path().join("cli.sqlite3");
    cli_support::ok(&cli_db, &["import", doc.to_str().unwrap()]);
    let store = bulletin::store::Store::open(&cli_db).unwrap();
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].total_number, 271);
}

//! Importing past issues kept as Word documents (.docx): ours, and one LibreOffice wrote from the
//! archived text as an office's Word would, read back to the same issue as the text itself;
//! old .doc files and damaged packages give advice, not a crash.

mod docx_support;

use std::path::{Path, PathBuf};

use bulletin::import::{self, ImportError};

fn data() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(docx_support::root().join("tests/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    files
}

#[test]
fn our_own_docx_reads_back_to_the_same_issue() {
    let dir = tempfile::tempdir().unwrap();
    for txt in data() {
        let issue = import::read_path(&txt).unwrap();
        let docx = dir.path().join("issue.docx");
        bulletin::docx::write(&issue, &docx).unwrap();
        let back = import::read_path(&docx).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        assert_eq!(back, issue, "{}", txt.display());
    }
}

#[test]
fn a_docx_libreoffice_made_from_the_archived_text_reads_as_the_text_does() {
    let dir = tempfile::tempdir().unwrap();
    for txt in data() {
        let docx = docx_support::libreoffice_convert(
            &txt,
            &["--infilter=Text (encoded):UTF8,,,"],
            "docx",
            dir.path(),
        );
        let from_text = import::read_path(&txt).unwrap();
        let from_word =
            import::read_path(&docx).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        assert_eq!(from_word, from_text, "{}", txt.display());
    }
}

fn import_error(bytes: &[u8], dir: &Path) -> String {
    let path = dir.join("往期.docx");
    std::fs::write(&path, bytes).unwrap();
    let e = import::read_path(&path).unwrap_err();
    let message = e.to_string();
    assert!(message.contains("往期.docx"), "{message}");
    match e {
        ImportError::Docx { .. } | ImportError::Doc { .. } => message,
        other => panic!("{other:?}"),
    }
}

#[test]
fn old_doc_files_and_damaged_packages_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // A Word 97–2003 file starts with the OLE signature.
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend_from_slice(&[0; 504]);
    let m = import_error(&doc, dir.path());
    assert!(m.contains("Word 97-2003") && m.contains("另存为"), "{m}");

    // A .docx cut off half way.
    let issue = import::read_path(&data()[0]).unwrap();
    let whole = dir.path().join("whole.docx");
    bulletin::docx::write(&issue, &whole).unwrap();
    let bytes = std::fs::read(&whole).unwrap();
    let m = import_error(&bytes[..bytes.len() / 2], dir.path());
    assert!(m.contains("损坏或不完整") && m.contains("另存为"), "{m}");

    // A workbook is a ZIP package too, but not a Word document.
    let mut xlsx = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut xlsx);
    w.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    w.finish().unwrap();
    let m = import_error(xlsx.get_ref(), dir.path());
    assert!(m.contains("不是 Word 文档"), "{m}");
}

#[test]
fn a_word_document_that_is_not_a_bulletin_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "会议纪要\n\n今天开了一个会。\n").unwrap();
    let docx = docx_support::libreoffice_convert(
        &notes,
        &["--infilter=Text (encoded):UTF8,,,"],
        "docx",
        dir.path(),
    );
    let e = import::read_path(&docx).unwrap_err();
    assert!(matches!(e, ImportError::NotABulletin { .. }), "{e:?}");
    assert!(e.to_string().contains("notes.docx"), "{e}");
}

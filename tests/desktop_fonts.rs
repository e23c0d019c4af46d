//! 设置 › 字体 behind the app (`bulletin::desktop`): the stored choice, what the dialog shows of
//! each installed face, and that the preview, the PDF and the DOCX all follow the choice. The
//! "installed" faces are Debian's stand-ins for an office's (fonts-arphic-gkai00mp,
//! fonts-arphic-gbsn00lp, fonts-wqy-zenhei, from scripts/install-system-packages.sh), found by
//! fontdb through the system's fontconfig, as the app finds them.

use std::path::Path;
use std::process::Command;

use bulletin::desktop::{Desktop, ExportKind};
use bulletin::fonts::{FaceChoice, FontBook, FontRole};

const KAI: &str = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";

fn desktop() -> (tempfile::TempDir, Desktop) {
    assert!(
        Path::new(KAI).is_file(),
        "{KAI} is missing: run scripts/install-system-packages.sh"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    (dir, d)
}

fn pdffonts(pdf: &Path) -> String {
    let out = Command::new("pdffonts").arg(pdf).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_dialog_lists_roles_faces_coverage_and_licence() {
    let (_dir, d) = desktop();
    let issue = bulletin::demo::issue();
    let s = d.font_settings(Some(&issue)).unwrap();
    assert_eq!(s.roles.len(), FontRole::ALL.len());
    for r in &s.roles {
        // Nothing chosen: the bundled face, whole coverage of what it sets (the demo issue has
        // nothing beyond the bundled faces but 堃, which Noto draws).
        assert!(r.choice.is_none() && r.problem.is_none(), "{r:?}");
        assert_eq!(r.current, r.bundled);
        assert!(r.sample_svg.contains("<path"), "{:?}", r.role);
        assert_eq!(r.options.len(), s.faces.len());
    }
    let kai = s
        .faces
        .iter()
        .position(|f| f.path == KAI)
        .expect("文鼎ＰＬ简中楷 is listed");
    let face = &s.faces[kai];
    assert_eq!(face.family, "文鼎ＰＬ简中楷");
    assert_eq!(face.format, "TrueType");
    assert!(face.allowed);
    assert!(face.sample_svg.contains("<path"));
    // Its coverage of the body text, and what it lacks, agree with the font file itself.
    let data = std::fs::read(KAI).unwrap();
    let ttf = ttf_parser::Face::parse(&data, 0).unwrap();
    let fang = s
        .roles
        .iter()
        .find(|r| r.role == FontRole::FangSong)
        .unwrap();
    let c = fang.options[kai].coverage.as_ref().unwrap();
    assert!(c.has < c.total, "{c:?}");
    assert_eq!(c.missing.len(), c.total - c.has);
    for ch in &c.missing {
        let ch = ch.chars().next().unwrap();
        assert!(ttf.glyph_index(ch).is_none_or(|g| g.0 == 0), "{ch}");
    }
}

#[test]
fn a_chosen_face_is_stored_and_used_by_preview_pdf_and_docx() {
    let (dir, d) = desktop();
    let issue = bulletin::demo::issue();
    let before = d.preview(&issue).unwrap();
    let s = d
        .set_font(
            FontRole::Kai,
            Some(FaceChoice::Family {
                name: "AR PL KaitiM GB".into(),
            }),
            Some(&issue),
        )
        .unwrap();
    let kai = s.roles.iter().find(|r| r.role == FontRole::Kai).unwrap();
    assert_eq!(kai.current, "文鼎ＰＬ简中楷");
    assert_eq!(kai.fallback, ["FandolKai", "Noto Serif CJK SC"]);

    // The preview draws the 楷体 lines (本期要目's entries) in the chosen face: other outlines.
    let after = d.preview(&issue).unwrap();
    assert_eq!(before.pages.len(), after.pages.len());
    assert_ne!(before.pages[0].svg, after.pages[0].svg);
    assert_eq!(before.pages[0].text, after.pages[0].text);

    // The PDF embeds it, the DOCX names it.
    let pdf = d
        .export(ExportKind::Pdf, &issue, &dir.path().join("out.pdf"))
        .unwrap();
    assert!(pdffonts(Path::new(&pdf.path)).contains("+GBZenKai-Medium"));
    let docx = d
        .export(ExportKind::Docx, &issue, &dir.path().join("out.docx"))
        .unwrap();
    let bytes = std::fs::read(&docx.path).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains(r#"w:eastAsia="文鼎ＰＬ简中楷""#));

    // Back to the bundled face.
    d.set_font(FontRole::Kai, None, None).unwrap();
    let pdf = d
        .export(ExportKind::Pdf, &issue, &dir.path().join("back.pdf"))
        .unwrap();
    let fonts = pdffonts(Path::new(&pdf.path));
    assert!(
        !fonts.contains("GBZenKai") && fonts.contains("+FandolKai-Regular"),
        "{fonts}"
    );
}

#[test]
fn a_face_that_cannot_be_used_is_refused_and_nothing_changes() {
    let (dir, d) = desktop();
    let not_a_font = dir.path().join("假字体.ttf");
    std::fs::write(&not_a_font, b"not a font").unwrap();
    for choice in [
        FaceChoice::File {
            path: not_a_font.clone(),
            index: 0,
        },
        FaceChoice::Family {
            name: "方正不存在的字体".into(),
        },
    ] {
        let err = d
            .set_font(FontRole::FangSong, Some(choice), None)
            .unwrap_err();
        assert!(
            err.0.contains("假字体.ttf") || err.0.contains("没有安装"),
            "{err}"
        );
    }
    assert!(d.font_choices().unwrap().is_bundled());
}

/// A face chosen for a role and since removed is named by the pre-export check, which points at
/// 设置 › 字体 (issue 15), and the export falls back to the bundled face.
#[test]
fn the_pre_export_check_names_a_chosen_face_that_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bulletin.sqlite3");
    let copy = dir.path().join("kai-copy.ttf");
    std::fs::copy(KAI, &copy).unwrap();
    // Chosen in another process (as in an earlier session), then the face is uninstalled.
    let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(&db)
        .args(["fonts", "--set"])
        .arg(format!("楷体={}", copy.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_file(&copy).unwrap();

    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    let issue = bulletin::demo::issue();
    let id = d.new_next_issue(None).unwrap().to_string();
    let found: Vec<_> = d
        .check(&id, &issue)
        .unwrap()
        .into_iter()
        .filter(|f| f.place.section == bulletin::preflight::Section::Fonts)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("楷体"), "{}", found[0].message);
    assert!(
        found[0].message.contains("设置 › 字体"),
        "{}",
        found[0].message
    );
    // The export still works, in the bundled 楷体.
    let pdf = dir.path().join("out.pdf");
    d.export(ExportKind::Pdf, &issue, &pdf).unwrap();
    assert!(pdffonts(&pdf).contains("FandolKai"));
}

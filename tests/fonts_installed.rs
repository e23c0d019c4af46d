//! Installed faces (issue 15), with Debian's GB2312 TrueType faces standing in for an office's:
//! fonts-arphic-gbsn00lp (文鼎ＰＬ简报宋, for 宋体 and 仿宋), fonts-arphic-gkai00mp (文鼎ＰＬ简中楷,
//! for 楷体) and fonts-wqy-zenhei (文泉驿正黑, a collection, for 黑体), installed by
//! scripts/install-system-packages.sh. Each test gives the command line its own fontconfig file
//! (`FONTCONFIG_FILE`) listing a folder of those faces, so what is "installed" is known.
//!
//! Checked with real readers: poppler's pdffonts and pdftotext, pdfcheck.py (PyMuPDF), ttf-parser
//! on the font files themselves, python-docx; the copy whose licence forbids embedding is made
//! by fontTools (tests/tools/patch_font.py, in the venv of scripts/pdfcheck-env.sh).

#[path = "docx_support/mod.rs"]
mod docx_support;
#[path = "layout_common/mod.rs"]
mod layout_common;
mod pdfcheck;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bulletin::fonts::{Embedding, FaceChoice, FontChoices, FontRole, InstalledFace};

const SUNG: &str = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
const KAI: &str = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf";
const ZENHEI: &str = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample_path() -> PathBuf {
    root().join("tests/data/issue-2020-04-245.txt")
}

/// A folder of "installed" fonts with its fontconfig file, a database and a HOME.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// The three Debian faces, linked into a fonts folder.
    fn new() -> Fixture {
        for f in [SUNG, KAI, ZENHEI] {
            assert!(
                Path::new(f).is_file(),
                "{f} is missing: run scripts/install-system-packages.sh \
                 (fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei)"
            );
        }
        let fx = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(fx.fonts()).unwrap();
        for f in [SUNG, KAI, ZENHEI] {
            let name = Path::new(f).file_name().unwrap();
            std::os::unix::fs::symlink(f, fx.fonts().join(name)).unwrap();
        }
        std::fs::write(
            fx.path("fonts.conf"),
            format!(
                r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{}</dir><cachedir>{}</cachedir></fontconfig>
"#,
                fx.fonts().display(),
                fx.path("fc-cache").display()
            ),
        )
        .unwrap();
        fx
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn fonts(&self) -> PathBuf {
        self.path("fonts")
    }

    /// Runs `bulletin ARGS` with this fixture's fonts, database and HOME.
    /// `bulletin render` of the sample to `output` (after `flag`: --pdf or --docx) in CHOICES's faces.
    fn render_sample_in_choices(&self, flag: &str, output: &Path) -> Output {
        self.render_sample(&[(flag, output)], &CHOICES)
    }

    /// `bulletin render` of the sample to each (flag, output), with `fonts` (`--font ROLE=…` pairs).
    fn render_sample(&self, outputs: &[(&str, &Path)], fonts: &[&str]) -> Output {
        let sample = sample_path();
        let mut args = vec!["render", sample.to_str().unwrap()];
        for (flag, output) in outputs {
            args.push(flag);
            args.push(output.to_str().unwrap());
        }
        args.extend(fonts);
        self.bulletin(&args)
    }

    fn bulletin(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .args(args)
            .env("FONTCONFIG_FILE", self.path("fonts.conf"))
            .env("BULLETIN_DB", self.path("bulletin.sqlite3"))
            .env("HOME", self.dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .output()
            .unwrap()
    }

    /// A copy of 文鼎ＰＬ简中楷 named `family`, with OS/2 fsType `fs_type`, made by fontTools.
    fn patched_kai(&self, file: &str, family: &str, fs_type: u16) -> PathBuf {
        let python = pdfcheck::venv_python();
        let dst = self.fonts().join(file);
        let out = Command::new(python)
            .arg(root().join("tests/tools/patch_font.py"))
            .arg(KAI)
            .arg(&dst)
            .arg(family)
            .arg("--fstype")
            .arg(fs_type.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "fontTools: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        dst
    }
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\n{}\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// One row of `pdffonts`: name, type, embedded, subset, unicode map.
#[derive(Debug)]
struct PdfFont {
    name: String,
    kind: String,
    emb: bool,
    sub: bool,
    uni: bool,
}

fn pdffonts(pdf: &Path) -> Vec<PdfFont> {
    let out = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils)");
    assert_ok(&out);
    // name, type (one or more words), encoding, emb, sub, uni, object, generation.
    text(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() >= 8).then(|| {
                let n = w.len();
                PdfFont {
                    name: w[0].to_string(),
                    kind: w[1..n - 6].join(" "),
                    emb: w[n - 5] == "yes",
                    sub: w[n - 4] == "yes",
                    uni: w[n - 3] == "yes",
                }
            })
        })
        .collect()
}

/// The distinct characters of the sample's body paragraphs (set in 仿宋) that the font file
/// itself (read by ttf-parser) has no glyph for.
fn body_chars_lacking(font: &str, index: u32) -> Vec<char> {
    let data = std::fs::read(font).unwrap();
    let face = ttf_parser::Face::parse(&data, index).unwrap();
    let issue = bulletin::import::read_path(&sample_path()).unwrap();
    let mut out: Vec<char> = Vec::new();
    for a in &issue.articles {
        for b in &a.blocks {
            if b.kind != bulletin::model::BlockKind::Paragraph {
                continue;
            }
            for ch in b.text.chars().filter(|c| !c.is_whitespace()) {
                let has = face.glyph_index(ch).is_some_and(|g| g.0 != 0);
                if !has && !out.contains(&ch) {
                    out.push(ch);
                }
            }
        }
    }
    out
}

/// `--font` arguments setting every role but 小标宋 in the stand-ins: by family name, by file,
/// and a face of a collection by its family.
const CHOICES: [&str; 8] = [
    "--font",
    "宋体=AR PL SungtiL GB",
    "--font",
    "仿宋=文鼎ＰＬ简报宋",
    "--font",
    "楷体=/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    "--font",
    "黑体=WenQuanYi Zen Hei",
];

#[test]
fn the_sample_exports_in_installed_faces_embedded_as_truetype_subsets() {
    let fx = Fixture::new();
    let pdf = fx.path("sample.pdf");
    let out = fx.render_sample_in_choices("--pdf", &pdf);
    assert_ok(&out);

    // pdffonts: each stand-in embedded as a TrueType CID subset with a Unicode map.
    let fonts = pdffonts(&pdf);
    for postscript in ["BousungEG-Light-GB", "GBZenKai-Medium", "WenQuanYiZenHei"] {
        let f = fonts
            .iter()
            .find(|f| f.name.ends_with(&format!("+{postscript}")))
            .unwrap_or_else(|| panic!("{postscript} not in the PDF: {fonts:#?}"));
        assert_eq!(f.kind, "CID TrueType", "{f:?}");
        assert!(f.emb && f.sub && f.uni, "{f:?}");
        assert!(
            f.name.split('+').next().unwrap().len() == 6,
            "subset tag: {f:?}"
        );
    }
    assert!(fonts.iter().all(|f| f.emb && f.sub && f.uni), "{fonts:#?}");

    // pdfcheck: the grid, margins and text hold with the faces' own metrics.
    let source = fx.path("source.txt");
    let issue = bulletin::import::read_path(&sample_path()).unwrap();
    std::fs::write(&source, layout_common::expected_text(&issue)).unwrap();
    let r = pdfcheck::pdfcheck(&pdf, &source);
    let show = serde_json::to_string_pretty(&r).unwrap();
    let near =
        |k: &str, want: f64, tol: f64| r[k].as_f64().is_some_and(|x| (x - want).abs() <= tol);
    assert_eq!(r["page_mm"], serde_json::json!([[210, 297]]), "{show}");
    assert_eq!(r["notdef_glyphs"], serde_json::json!({}), "{show}");
    assert_eq!(r["missing_chars"], 0, "{show}");
    assert_eq!(r["body_size_pt"], 16.0, "{show}");
    assert_eq!(r["body_lines_per_page_max"], 22, "{show}");
    assert_eq!(r["full_line_han_chars_mode"], 28, "{show}");
    assert_eq!(r["body_protruding_lines"], 0, "{show}");
    assert!(near("body_left_mm", 28.0, 0.3), "{show}");
    assert!(near("body_right_margin_mm", 26.0, 0.3), "{show}");
    assert!(near("body_line_pitch_pt", 28.99, 0.05), "{show}");
    assert_eq!(r["kinsoku_start_violations"], 0, "{show}");
    assert_eq!(r["kinsoku_end_violations"], 0, "{show}");
    assert_eq!(r["page_numbers_ok"], true, "{show}");
    // With the faces' own advances, still nothing a proofreader marks (docs/layout.md §8.2, §8.3).
    assert_eq!(r["single_char_last_lines"], 0, "{show}");
    assert_eq!(r["split_parentheticals"], 0, "{show}");

    // pdftotext gives the body back: every paragraph, whitespace aside.
    let got = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let got = squash(&text(&got.stdout));
    for a in &issue.articles {
        for b in &a.blocks {
            let want = squash(&b.text);
            // Page breaks put a page number between the halves of a paragraph; check its start.
            let head: String = want.chars().take(20).collect();
            assert!(got.contains(&head), "not in pdftotext: {head}");
        }
    }
}

#[test]
fn characters_a_chosen_face_lacks_fall_back_and_are_listed() {
    // What the GB2312 face lacks, read from the font file itself.
    let lacking = body_chars_lacking(SUNG, 0);
    assert!(
        !lacking.is_empty(),
        "the sample's body should hold a character beyond GB2312 (李校堃)"
    );
    let fx = Fixture::new();
    let pdf = fx.path("sample.pdf");
    let out = fx.render_sample_in_choices("--pdf", &pdf);
    assert_ok(&out);
    let notes = text(&out.stderr);
    for ch in &lacking {
        assert!(
            notes.contains(&format!("「{ch}」")),
            "{ch} not noted: {notes}"
        );
    }
    // Drawn all the same, by a face that has them (PyMuPDF sees no .notdef), and readable.
    let got = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let got = text(&got.stdout);
    for ch in &lacking {
        assert!(got.contains(*ch), "{ch} not in the PDF's text");
    }

    // The pre-export check lists them, each in its field, naming the chosen face.
    let mut choices = FontChoices::bundled();
    choices.set(
        FontRole::FangSong,
        Some(FaceChoice::File {
            path: SUNG.into(),
            index: 0,
        }),
    );
    let book = choices
        .apply_strict(layout_common::fonts())
        .expect("文鼎ＰＬ简报宋 may be embedded");
    let issue = bulletin::import::read_path(&sample_path()).unwrap();
    assert!(bulletin::coverage::check(&issue, &book).is_empty());
    let findings = bulletin::preflight::check(&issue, None, Some(&book));
    for ch in &lacking {
        assert!(
            findings
                .iter()
                .any(|f| f.message.contains(&format!("「{ch}」")) && f.message.contains("文鼎")),
            "{ch} not in the pre-export check: {findings:#?}"
        );
    }
    // With the bundled faces only, nothing falls back from a chosen face.
    assert!(bulletin::coverage::fallbacks(&issue, layout_common::fonts()).is_empty());
}

#[test]
fn a_face_whose_licence_forbids_embedding_is_refused() {
    let fx = Fixture::new();
    let restricted = fx.patched_kai("restricted-kai.ttf", "Restricted Kai", 2);
    let face = InstalledFace::open(&restricted, 0).unwrap();
    assert_eq!(face.embedding, Embedding::Restricted);
    let err = face.usable().unwrap_err().to_string();
    assert!(
        err.contains("Restricted Kai") && err.contains("不允许嵌入"),
        "{err}"
    );

    let sample = sample_path();
    for choice in [
        "楷体=Restricted Kai",
        &format!("楷体={}", restricted.display()),
    ] {
        let pdf = fx.path("refused.pdf");
        let out = fx.bulletin(&[
            "render",
            sample.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
            "--font",
            choice,
        ]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{choice}: {}",
            text(&out.stderr)
        );
        let err = text(&out.stderr);
        assert!(
            err.contains("Restricted Kai") && err.contains("授权不允许嵌入"),
            "{choice}: {err}"
        );
        assert!(!pdf.exists(), "nothing is written");
    }

    // Listed, with the reason; and it cannot be stored as the choice.
    let out = fx.bulletin(&["fonts"]);
    assert_ok(&out);
    let list = text(&out.stdout);
    let row = list
        .lines()
        .find(|l| l.starts_with("Restricted Kai"))
        .unwrap_or_else(|| panic!("not listed: {list}"));
    assert!(row.contains("授权不允许嵌入"), "{row}");
    let out = fx.bulletin(&["fonts", "--set", "楷体=Restricted Kai"]);
    assert_eq!(out.status.code(), Some(1));
    let out = fx.bulletin(&["fonts"]);
    let kai_row = text(&out.stdout)
        .lines()
        .find(|l| l.starts_with("楷体"))
        .unwrap()
        .to_string();
    assert!(kai_row.contains("内置"), "{kai_row}");
}

#[test]
fn a_face_that_does_not_parse_is_skipped_with_a_warning() {
    let fx = Fixture::new();
    // A copy of a real face whose hhea table is gone (its tag renamed): fontdb still lists it by
    // its names, ttf-parser cannot lay out with it.
    let mut data = std::fs::read(KAI).unwrap();
    let tables = u16::from_be_bytes([data[4], data[5]]) as usize;
    for i in 0..tables {
        let r = 12 + 16 * i;
        if &data[r..r + 4] == b"hhea" {
            data[r..r + 4].copy_from_slice(b"hhez");
        }
    }
    let damaged = fx.fonts().join("damaged-kai.ttf");
    std::fs::write(&damaged, &data).unwrap();
    std::fs::write(fx.fonts().join("not-a-font.ttf"), b"not a font at all").unwrap();

    let out = fx.bulletin(&["fonts"]);
    assert_ok(&out);
    let warnings = text(&out.stderr);
    assert!(
        warnings.contains("damaged-kai.ttf") && warnings.contains("已跳过"),
        "{warnings}"
    );
    // The good faces are still there.
    assert!(
        text(&out.stdout).contains("文鼎ＰＬ简中楷"),
        "{}",
        text(&out.stdout)
    );

    // Chosen for a run, it stops the run with a message, not a crash.
    let sample = sample_path();
    for file in ["damaged-kai.ttf", "not-a-font.ttf"] {
        let path = fx.fonts().join(file);
        let out = fx.bulletin(&[
            "render",
            sample.to_str().unwrap(),
            "--pdf",
            fx.path("x.pdf").to_str().unwrap(),
            "--font",
            &format!("楷体={}", path.display()),
        ]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains(file), "{}", text(&out.stderr));
    }
}

#[test]
fn fonts_lists_the_installed_faces_and_the_choice() {
    let fx = Fixture::new();
    let out = fx.bulletin(&["fonts"]);
    assert_ok(&out);
    let list = text(&out.stdout);
    for role in FontRole::ALL {
        let row = list
            .lines()
            .find(|l| l.starts_with(role.label()))
            .unwrap_or_else(|| panic!("{role:?} not listed: {list}"));
        assert!(row.contains("内置"), "{row}");
        assert!(row.contains("Noto Serif CJK SC"), "fallback: {row}");
    }
    // Each stand-in, by its Chinese name, with its format, licence and file; both faces of the
    // collection.
    for (family, file) in [
        ("文鼎ＰＬ简报宋", "gbsn00lp.ttf"),
        ("文鼎ＰＬ简中楷", "gkai00mp.ttf"),
        ("文泉驿正黑", "wqy-zenhei.ttc"),
        ("文泉驿等宽正黑", "wqy-zenhei.ttc#1"),
    ] {
        let row = list
            .lines()
            .find(|l| l.starts_with(family))
            .unwrap_or_else(|| panic!("{family} not listed: {list}"));
        assert!(row.contains("TrueType") && row.contains(file), "{row}");
        assert!(row.contains("可嵌入"), "{row}");
    }

    // A stored choice shows, is used by export, and --reset takes it back.
    let out = fx.bulletin(&["fonts", "--set", "黑体=WenQuanYi Zen Hei"]);
    assert_ok(&out);
    let hei = |out: &Output| {
        text(&out.stdout)
            .lines()
            .find(|l| l.starts_with("黑体"))
            .unwrap()
            .to_string()
    };
    assert!(hei(&out).contains("文泉驿正黑"), "{}", hei(&out));
    let out = fx.bulletin(&["import", sample_path().to_str().unwrap()]);
    assert_ok(&out);
    let id = text(&out.stdout).split('\t').next().unwrap().to_string();
    let pdf = fx.path("stored.pdf");
    assert_ok(&fx.bulletin(&["export", &id, "--pdf", pdf.to_str().unwrap()]));
    assert!(pdffonts(&pdf)
        .iter()
        .any(|f| f.name.ends_with("+WenQuanYiZenHei")));
    let out = fx.bulletin(&["fonts", "--reset", "黑体"]);
    assert_ok(&out);
    assert!(hei(&out).contains("内置"), "{}", hei(&out));
    assert_ok(&fx.bulletin(&["export", &id, "--pdf", pdf.to_str().unwrap()]));
    assert!(!pdffonts(&pdf).iter().any(|f| f.name.contains("WenQuanYi")));
}

#[test]
fn the_docx_names_the_faces_the_pdf_used() {
    let fx = Fixture::new();
    let docx = fx.path("sample.docx");
    assert_ok(&fx.render_sample_in_choices("--docx", &docx));
    let out = docx_support::python_docx(
        r#"
import sys
from docx import Document
from docx.oxml.ns import qn
doc = Document(sys.argv[1])
for name in ["正文", "文章标题", "一级标题", "二级标题", "页码"]:
    rpr = doc.styles[name].element.rPr
    print(name, rpr.rFonts.get(qn("w:eastAsia")))
"#,
        &[docx.as_path()],
    );
    let font_of = |style: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(&format!("{style} ")))
            .unwrap_or_else(|| panic!("{style}: {out}"))
            .to_string()
    };
    // The installed faces by the family names their files carry; the role left alone keeps the
    // office's name.
    assert_eq!(font_of("正文"), "文鼎ＰＬ简报宋");
    assert_eq!(font_of("二级标题"), "文鼎ＰＬ简中楷");
    assert_eq!(font_of("一级标题"), "文泉驿正黑");
    assert_eq!(font_of("页码"), "文鼎ＰＬ简报宋");
    assert_eq!(font_of("文章标题"), FontRole::XiaoBiaoSong.docx_name());
}

/// The DOCX of the sample with installed faces chosen, as LibreOffice lays it out with those
/// faces installed, against our PDF in the same faces: the same pages, each starting and ending
/// with the same characters (as `docx_pdf_compare.rs` checks for the bundled faces).
#[test]
fn libreoffice_with_the_chosen_faces_lays_out_the_pages_of_our_pdf() {
    let fx = Fixture::new();
    let mut choices = FontChoices::bundled();
    for (role, file) in [
        (FontRole::FangSong, SUNG),
        (FontRole::Song, SUNG),
        (FontRole::Kai, KAI),
    ] {
        choices.set(
            role,
            Some(FaceChoice::File {
                path: file.into(),
                index: 0,
            }),
        );
    }
    choices.set(
        FontRole::Hei,
        Some(FaceChoice::File {
            path: ZENHEI.into(),
            index: 0,
        }),
    );
    let book = choices.apply_strict(layout_common::fonts()).unwrap();
    let issue = docx_support::sample();
    let doc = bulletin::layout::layout(&issue, &book).unwrap();
    let ours = fx.path("ours.pdf");
    bulletin::pdf::write(&doc, &book, &bulletin::pdf::PdfOptions::default(), &ours).unwrap();
    let docx = fx.path("chosen.docx");
    bulletin::docx::write_with(&issue, &bulletin::docx::FontNames::of(&book), &docx).unwrap();

    // LibreOffice sees the bundled faces (as for the other DOCX tests) and the installed ones,
    // in their own folders (it did not find the collection through a symbolic link).
    let dirs: String = [SUNG, KAI, ZENHEI]
        .iter()
        .map(|f| format!("<dir>{}</dir>", Path::new(f).parent().unwrap().display()))
        .collect();
    let conf = fx.path("lo-fonts.conf");
    std::fs::write(
        &conf,
        format!(
            r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><include ignore_missing="no">{}</include>{dirs}</fontconfig>
"#,
            docx_support::fontconfig_file().display(),
        ),
    )
    .unwrap();
    let theirs = docx_support::libreoffice_convert_with(&docx, &[], "pdf", fx.dir.path(), &conf);
    // LibreOffice embedded the installed faces the DOCX names: it found them.
    let their_fonts = pdffonts(&theirs);
    for postscript in ["BousungEG-Light-GB", "GBZenKai-Medium", "WenQuanYiZenHei"] {
        assert!(
            their_fonts.iter().any(|f| f.name.contains(postscript)),
            "LibreOffice did not use {postscript}: {their_fonts:#?}"
        );
    }
    let pages = docx_support::page_count(&theirs);
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let page_text = |pdf: &Path, p: usize| {
        squash(&docx_support::pdftotext(pdf, Some(p))).replace(&format!("—{p}—"), "")
    };
    let n = doc.pages.len();
    eprintln!("chosen faces: our PDF {n} pages, LibreOffice {pages}");
    for p in 1..=n.min(pages) {
        let (a, b) = (page_text(&ours, p), page_text(&theirs, p));
        eprintln!(
            "page {p}: ours …{}  LibreOffice …{}",
            a.chars().rev().take(4).collect::<String>(),
            b.chars().rev().take(4).collect::<String>()
        );
    }
    assert_eq!(pages, n, "page count");
    // The pages start and end with the same characters until the first paragraph our total fit
    // set in one line fewer than LibreOffice's first fit can (docs/layout.md §8.2: the sample's
    // 「赛。」 on page 3); from there LibreOffice's pages run a line later. Measured: pages 1–2
    // alike, then the issue ends on the same characters.
    let first = |s: &str| s.chars().take(8).collect::<String>();
    let last = |s: &str| s.chars().rev().take(4).collect::<String>();
    for p in 1..=2 {
        let (a, b) = (page_text(&ours, p), page_text(&theirs, p));
        assert_eq!((first(&a), last(&a)), (first(&b), last(&b)), "page {p}");
    }
    assert_eq!(
        last(&page_text(&ours, n)),
        last(&page_text(&theirs, n)),
        "the issue's last characters"
    );
}

/// The archive's record of a publication names the faces its PDF used: the installed face the
/// office chose for a role, the bundled faces of the others (issue 15).
#[test]
fn the_publication_record_names_the_faces_its_pdf_used() {
    let fx = Fixture::new();
    assert_ok(&fx.bulletin(&["fonts", "--set", &format!("楷体={KAI}")]));
    let sample = sample_path();
    assert_ok(&fx.bulletin(&["import", sample.to_str().unwrap()]));
    let store = bulletin::store::Store::open(&fx.path("bulletin.sqlite3")).unwrap();
    let id = store.list().unwrap()[0].id;
    drop(store);
    let archive = fx.path("归档");
    let out = fx.bulletin(&[
        "publish",
        &id.to_string(),
        "--archive",
        archive.to_str().unwrap(),
    ]);
    assert_ok(&out);
    let said = text(&out.stdout);
    assert!(said.contains("字体：楷体"), "{said}");
    let store = bulletin::store::Store::open(&fx.path("bulletin.sqlite3")).unwrap();
    let p = store.publications(Some(id)).unwrap().remove(0);
    let kai = p.faces.iter().find(|f| f.role == "楷体").unwrap();
    assert!(kai.file.contains("gkai00mp.ttf"), "{:?}", p.faces);
    let fang = p.faces.iter().find(|f| f.role == "仿宋").unwrap();
    assert_eq!(fang.file, "FandolFang-Regular.otf", "{:?}", p.faces);
    // Every face the record names is in the archived PDF, as poppler lists it, and back.
    let pdf = p
        .files
        .iter()
        .find(|f| f.name.ends_with(".pdf") && !f.name.contains("PDFA"))
        .map(|f| p.path_of(f))
        .unwrap();
    let embedded = pdffonts(&pdf);
    for f in &p.faces {
        assert!(
            embedded.iter().any(|e| e.name.ends_with(&f.postscript)),
            "{} not in {embedded:#?}",
            f.postscript
        );
    }
    for e in &embedded {
        assert!(
            p.faces.iter().any(|f| e.name.ends_with(&f.postscript)),
            "{} embedded but not recorded: {:?}",
            e.name,
            p.faces
        );
    }
}

/// One installed face chosen for two roles is embedded once (issue 15).
#[test]
fn a_face_chosen_for_two_roles_is_embedded_once() {
    let fx = Fixture::new();
    let pdf = fx.path("two-roles.pdf");
    let (fang, song) = (format!("仿宋={SUNG}"), format!("宋体={SUNG}"));
    let out = fx.render_sample(&[("--pdf", &pdf)], &["--font", &fang, "--font", &song]);
    assert_ok(&out);
    let fonts = pdffonts(&pdf);
    let sung: Vec<&PdfFont> = fonts
        .iter()
        .filter(|f| f.name.contains("BousungEG-Light-GB"))
        .collect();
    assert_eq!(sung.len(), 1, "{fonts:#?}");
    assert!(sung[0].emb && sung[0].sub && sung[0].uni, "{fonts:#?}");
}

/// Liberation Serif: Times New Roman's metrics, Debian's stand-in for an office's 西文 face.
const LATIN: &str = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";

/// The 西文 role (issue 15: Times New Roman for Latin letters and digits): chosen by family
/// name, it sets every Latin letter and digit of the issue in every role, embedded as a subset;
/// the grid holds with its own advances; the DOCX names it for Latin text.
#[test]
fn a_latin_face_sets_the_letters_and_digits_of_every_role() {
    assert!(
        Path::new(LATIN).is_file(),
        "{LATIN} is missing: run scripts/install-system-packages.sh (fonts-liberation2)"
    );
    let fx = Fixture::new();
    std::os::unix::fs::symlink(LATIN, fx.fonts().join("LiberationSerif-Regular.ttf")).unwrap();
    let pdf = fx.path("latin.pdf");
    let docx = fx.path("latin.docx");
    let sample = sample_path();
    let out = fx.render_sample(
        &[("--pdf", &pdf), ("--docx", &docx)],
        &["--font", "西文=Liberation Serif"],
    );
    assert_ok(&out);
    let fonts = pdffonts(&pdf);
    let latin = fonts
        .iter()
        .find(|f| f.name.ends_with("+LiberationSerif"))
        .unwrap_or_else(|| panic!("Liberation Serif not in the PDF: {fonts:#?}"));
    assert_eq!(latin.kind, "CID TrueType", "{latin:?}");
    assert!(latin.emb && latin.sub && latin.uni, "{latin:?}");
    // The subset holds the issue's Latin letters and digits, not its Han characters: the
    // digits of 「2020」 come from it, checked with PyMuPDF's spans.
    let py = pdfcheck::venv_python();
    let script = r#"
import sys, pymupdf
doc = pymupdf.open(sys.argv[1])
latin, han = set(), set()
for page in doc:
    for b in page.get_text("rawdict")["blocks"]:
        for l in b.get("lines", []):
            for s in l["spans"]:
                if s["font"].endswith("LiberationSerif"):
                    for c in s["chars"]:
                        (latin if c["c"].isascii() else han).add(c["c"])
print("".join(sorted(latin)), len(han))
"#;
    let got = Command::new(py)
        .args(["-c", script])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(got.status.success(), "{}", text(&got.stderr));
    let said = text(&got.stdout);
    let (letters, han) = said.trim().rsplit_once(' ').unwrap();
    assert!(letters.contains('2') && letters.contains('0'), "{said}");
    assert_eq!(han, "0", "Han characters set in the Latin face: {said}");
    // The grid holds with the face's own advances.
    let source = fx.path("source.txt");
    let issue = bulletin::import::read_path(&sample).unwrap();
    std::fs::write(&source, layout_common::expected_text(&issue)).unwrap();
    let r = pdfcheck::pdfcheck(&pdf, &source);
    let show = serde_json::to_string_pretty(&r).unwrap();
    assert_eq!(r["notdef_glyphs"], serde_json::json!({}), "{show}");
    assert_eq!(r["missing_chars"], 0, "{show}");
    assert_eq!(r["body_lines_per_page_max"], 22, "{show}");
    assert_eq!(r["full_line_han_chars_mode"], 28, "{show}");
    assert_eq!(r["body_protruding_lines"], 0, "{show}");
    // The DOCX names it for Latin text, in every style, and in its font table.
    let bytes = std::fs::read(&docx).unwrap();
    let styles = docx_support::part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"w:ascii="Liberation Serif""#)
            && !styles.contains(r#"w:ascii="Times New Roman""#),
        "{styles}"
    );
    assert!(docx_support::part(&bytes, "word/fontTable.xml").contains("Liberation Serif"));
}

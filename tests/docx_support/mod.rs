//! Shared by the DOCX tests: the sample issue, extreme issues, reading parts back, and the real
//! clients (LibreOffice, poppler, python-docx) with a clear message when one is missing.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::model::{Article, Block, BlockKind, Brief, Closing, Copies, Issue};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample issue (tests/data/sample-issue.json, from the archived text of 2020 第4期).
pub fn sample() -> Issue {
    let text = std::fs::read_to_string(root().join("tests/data/sample-issue.json")).unwrap();
    bulletin::json::from_str(&text).unwrap()
}

/// A closing block with every row, for tests that need one (the archived text has none).
pub fn full_closing() -> Closing {
    Closing {
        report_to: Some("省科协，市委、市政府领导".into()),
        send_to: Some("市委组织部、市委宣传部、市科技局，各县（市、区）科协".into()),
        distribute_to: Some("市级学会、协会、研究会，市科协各部室".into()),
        copies: Copies::new(80),
    }
}

/// The sample with its closing block.
pub fn sample_with_closing() -> Issue {
    let mut i = sample();
    i.closing = full_closing();
    i
}

/// An issue with nothing but its masthead.
pub fn empty_issue() -> Issue {
    let mut i = sample();
    i.articles.clear();
    i.briefs.clear();
    i.closing = Closing::default();
    i
}

/// Extreme content: 300 briefs, a five-line headline, rare characters (堃, Ext-B 𠀋, 𪚥 that no
/// bundled font has), markup characters, control characters, empty headline lines and blocks,
/// an article with only a byline, a heading last.
pub fn stress_issue() -> Issue {
    let mut i = sample_with_closing();
    i.masthead.name = "温州科协信息<&>\"'".into();
    i.articles.push(Article {
        headline: vec![
            "第一行".into(),
            "".into(),
            "第二行𠀋".into(),
            "第三行 & <b>".into(),
            "第四行\u{1}\u{7}".into(),
            "第五行李校堃、𪚥、㐀".into(),
        ],
        toc_text: Some("  ".into()),
        blocks: vec![
            Block {
                kind: BlockKind::Heading1,
                text: "一、总体情况".into(),
                figure: None,
            },
            Block::paragraph("　"),
            Block {
                kind: BlockKind::Heading2,
                text: "（一）具体做法".into(),
                figure: None,
            },
            Block::paragraph("很长的段落".repeat(400)),
            Block::paragraph("Latin words like internationalization and 2020年4月30日 mixed."),
            Block {
                kind: BlockKind::Heading1,
                text: "二、下一步".into(),
                figure: None,
            },
        ],
        byline: Some("记者".into()),
        byline_parens: Default::default(),
    });
    i.articles.push(Article {
        headline: vec![],
        toc_text: None,
        blocks: vec![],
        byline: Some("无名".into()),
        byline_parens: Default::default(),
    });
    for n in 0..300 {
        i.briefs.push(Brief {
            date_text: format!("4月{}日", n % 30 + 1),
            text: format!("第{n}条简讯，内容“引号”与（括号）。"),
            source: if n % 3 == 0 {
                None
            } else {
                Some("市科协".into())
            },
            source_parens: Default::default(),
            style: Default::default(),
        });
    }
    i
}

/// One part of a DOCX package as text.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing from the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// Runs a tool, failing the test with what to install when it is missing.
fn run(cmd: &mut Command, install: &str) -> std::process::Output {
    let program = cmd.get_program().to_string_lossy().into_owned();
    match cmd.output() {
        Ok(o) => o,
        Err(e) => panic!(
            "cannot run {program} ({e}): this test needs it — install with {install} \
             (bash scripts/install-system-packages.sh && bash scripts/docx-test-env.sh)"
        ),
    }
}

/// The fontconfig configuration that maps the office font names to the bundled fonts.
pub fn fontconfig_file() -> PathBuf {
    std::fs::create_dir_all(root().join("target/fontconfig-cache")).unwrap();
    root().join("tests/fontconfig/fonts.conf")
}

/// Converts a DOCX to PDF with LibreOffice, headless, in a fresh profile, with our fontconfig;
/// returns the PDF's path (in `dir`).
pub fn libreoffice_pdf(docx: &Path, dir: &Path) -> PathBuf {
    libreoffice_convert(docx, &[], "pdf", dir)
}

/// Converts `input` with LibreOffice (headless, a fresh profile, our fontconfig) to the format
/// `to` (an extension LibreOffice knows), after the `options` (e.g. an import filter); returns
/// the new file's path (in `dir`).
pub fn libreoffice_convert(input: &Path, options: &[&str], to: &str, dir: &Path) -> PathBuf {
    libreoffice_convert_with(input, options, to, dir, &fontconfig_file())
}

/// As `libreoffice_convert`, with the fontconfig configuration `fontconfig` (e.g. one that adds
/// installed faces to ours).
pub fn libreoffice_convert_with(
    input: &Path,
    options: &[&str],
    to: &str,
    dir: &Path,
    fontconfig: &Path,
) -> PathBuf {
    let profile = dir.join("lo-profile");
    let out = run(
        Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--norestore"])
            .args(options)
            .args(["--convert-to", to, "--outdir"])
            .arg(dir)
            .arg(input)
            .env("FONTCONFIG_FILE", fontconfig)
            .env("HOME", dir),
        "apt-get install libreoffice-writer-nogui",
    );
    let converted = dir.join(input.with_extension(to).file_name().unwrap());
    assert!(
        out.status.success() && converted.is_file(),
        "LibreOffice did not convert {}: {}{}",
        input.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    converted
}

/// `pdfinfo`'s fields.
pub fn pdfinfo(pdf: &Path) -> String {
    let out = run(
        Command::new("pdfinfo").arg(pdf),
        "apt-get install poppler-utils",
    );
    assert!(out.status.success(), "pdfinfo failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The number of pages of a PDF.
pub fn page_count(pdf: &Path) -> usize {
    pdfinfo(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// The text of one page (1-based), or of all pages with `None`.
pub fn pdftotext(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = run(cmd.arg(pdf).arg("-"), "apt-get install poppler-utils");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The RGB pixels of one page rendered at `dpi`, as (width, height, bytes).
pub fn render_page(pdf: &Path, page: usize, dpi: u32, dir: &Path) -> (usize, usize, Vec<u8>) {
    let prefix = dir.join(format!("page{page}"));
    let out = run(
        Command::new("pdftoppm")
            .args([
                "-r",
                &dpi.to_string(),
                "-f",
                &page.to_string(),
                "-l",
                &page.to_string(),
            ])
            .args(["-singlefile"])
            .arg(pdf)
            .arg(&prefix),
        "apt-get install poppler-utils",
    );
    assert!(out.status.success(), "pdftoppm failed");
    let ppm = std::fs::read(prefix.with_extension("ppm")).unwrap();
    parse_ppm(&ppm)
}

fn parse_ppm(data: &[u8]) -> (usize, usize, Vec<u8>) {
    // P6\n<w> <h>\n<max>\n<bytes>
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P6");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, data[i + 1..i + 1 + w * h * 3].to_vec())
}

/// The Python of the test venv (scripts/docx-test-env.sh), or DOCX_TEST_PYTHON.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("DOCX_TEST_PYTHON") {
        return PathBuf::from(p);
    }
    let p = root().join("target/docx-test-venv/bin/python");
    assert!(
        p.is_file(),
        "python-docx is not set up: run `bash scripts/docx-test-env.sh` (it makes {})",
        p.display()
    );
    p
}

/// Runs a Python script with python-docx; returns stdout, failing with stderr.
pub fn python_docx(script: &str, args: &[&Path]) -> String {
    let out = run(
        Command::new(python()).arg("-c").arg(script).args(args),
        "bash scripts/docx-test-env.sh",
    );
    assert!(
        out.status.success(),
        "python-docx check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

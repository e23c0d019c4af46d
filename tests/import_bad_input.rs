//! Bad input gets a clear error that names the file and, where it can, the line; nothing panics.

mod docx_support;

use std::io::Write;
use std::path::{Path, PathBuf};

use bulletin::import::{
    parse_text, parse_text_report, read_path, read_path_report, ImportError, WarningKind,
    MAX_FILE_BYTES,
};

const SAMPLE: &str = "tests/data/issue-2020-04-245.txt";

fn sample_text() -> String {
    std::fs::read_to_string(SAMPLE).unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The error and its message, which must name the file.
fn refused(path: &Path) -> (ImportError, String) {
    let err = read_path(path).expect_err("must be refused");
    let message = err.to_string();
    assert!(
        message.contains(&*path.file_name().unwrap().to_string_lossy()),
        "the message does not name the file: {message}"
    );
    (err, message)
}

/// Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced.
fn random_bytes(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b"\n\n  \r\n\t\n"),
        ("bom.txt", b"\xEF\xBB\xBF"),
    ] {
        let (err, message) = refused(&write(&dir, name, bytes));
        assert!(matches!(err, ImportError::NotABulletin { .. }), "{message}");
        assert!(message.contains("空"), "{message}");
    }
}

#[test]
fn random_bytes_are_not_text() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 1..=20u64 {
        let path = write(
            &dir,
            &format!("random-{seed}.bin"),
            &random_bytes(4096, seed),
        );
        let (err, message) = refused(&path);
        assert!(
            matches!(
                err,
                ImportError::Undecodable { .. } | ImportError::Binary { .. }
            ),
            "{message}"
        );
        assert!(
            message.contains("第") && message.contains("行"),
            "{message}"
        );
    }
}

#[test]
fn binary_and_damaged_files_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    // A NUL on line 3 (a UTF-16 file without BOM looks like this).
    let (err, message) = refused(&write(&dir, "nul.txt", b"line one\nline two\nthree\x00\n"));
    assert!(
        matches!(err, ImportError::Binary { line: 3, .. }),
        "{message}"
    );
    // A UTF-8 sample with one byte destroyed on line 24.
    let mut bytes = sample_text().into_bytes();
    let line_24 = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(22)
        .unwrap()
        .0
        + 1;
    bytes[line_24 + 1] = 0xFF;
    let (err, message) = refused(&write(&dir, "damaged.txt", &bytes));
    assert!(
        matches!(
            err,
            ImportError::Undecodable {
                line: 24,
                encoding: "UTF-8",
                ..
            }
        ),
        "{message}"
    );
    assert!(message.contains("第24行"), "{message}");
}

#[test]
fn truncated_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text();
    // Half the bytes: cut inside a character (refused), or on a boundary in the middle of
    // article 3 (imported, with the missing stop named).
    let half = &text.as_bytes()[..text.len() / 2];
    let path = write(&dir, "half-bytes.txt", half);
    match read_path_report(&path) {
        Err(err) => assert!(matches!(err, ImportError::Truncated { .. }), "{err}"),
        Ok(parsed) => assert!(parsed
            .warnings
            .iter()
            .any(|w| matches!(w.kind, WarningKind::MissingStop { .. }))),
    }
    // Half the lines: the articles named by the last TOC entries are missing; the file imports
    // with the first three articles and a warning for each entry that has no headline.
    let lines: Vec<&str> = text.lines().collect();
    let half_lines = lines[..lines.len() / 2].join("\n");
    let parsed = read_path_report(&write(&dir, "half-lines.txt", half_lines.as_bytes())).unwrap();
    assert_eq!(parsed.issue.articles.len(), 3);
    let unmatched: Vec<(usize, usize)> = parsed
        .warnings
        .iter()
        .filter_map(|w| match w.kind {
            WarningKind::TocUnmatched { entry, .. } => Some((w.line, entry)),
            _ => None,
        })
        .collect();
    assert_eq!(unmatched, [(18, 4), (19, 5), (20, 6)]);
    // They are left out of the body (TOC text is never moved into an article), and the warnings
    // keep their text: the first article starts with its own first paragraph.
    assert!(
        parsed.issue.articles[0].blocks[0]
            .text
            .starts_with("为贯彻落实陈伟俊书记在书记专题会议上的讲话精神"),
        "{:?}",
        parsed.issue.articles[0].blocks[0]
    );
    assert!(parsed.issue.articles.iter().all(|a| a
        .blocks
        .iter()
        .all(|b| b.text != "市科协召开党建工作部署会议")));
    let first = parsed
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::TocUnmatched { .. }))
        .unwrap()
        .to_string();
    assert!(
        first.starts_with("第18行：本期要目第4条「市科协参加中国科协"),
        "{first}"
    );
    // Cut on a character boundary inside the last brief: imported, the cut brief kept as it is
    // and named in a warning at its line.
    let cut = (0..text.len() - 40)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let parsed = read_path_report(&write(&dir, "cut-brief.txt", &text.as_bytes()[..cut])).unwrap();
    assert_eq!(parsed.issue.briefs.len(), 8);
    let last = parsed.issue.briefs.last().unwrap();
    assert_eq!(last.date_text, "4月30日");
    assert!(text[..cut].ends_with(&last.text), "{}", last.text);
    let warning = parsed.warnings.last().unwrap();
    assert_eq!(warning.line, 123);
    assert!(matches!(warning.kind, WarningKind::MissingStop { .. }));
    assert!(
        warning.to_string().starts_with("第123行：最后一段「…")
            && warning.to_string().contains("没有结束标点，请核对是否完整"),
        "{warning}"
    );
    // Cut inside a multi-byte character at the end of a UTF-8 file.
    let mid_char = text.len() - 2;
    assert!(!text.is_char_boundary(mid_char));
    let (err, message) = refused(&write(&dir, "mid-char.txt", &text.as_bytes()[..mid_char]));
    assert!(
        matches!(err, ImportError::Truncated { line: 123, .. }),
        "{message}"
    );
}

#[test]
fn a_poem_is_not_a_bulletin() {
    let dir = tempfile::tempdir().unwrap();
    let poem = "静夜思\n\n李白\n\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n";
    let (err, message) = refused(&write(&dir, "poem.txt", poem.as_bytes()));
    assert!(matches!(err, ImportError::NotABulletin { .. }), "{message}");
    for missing in ["期号", "总期号", "日期"] {
        assert!(message.contains(missing), "{message}");
    }
    // The same in GBK gets the same error: it is decoded, then found not to be a bulletin.
    let (gbk, _, _) = encoding_rs::GB18030.encode(poem);
    let (err, _) = refused(&write(&dir, "poem-gbk.txt", &gbk));
    assert!(matches!(err, ImportError::NotABulletin { .. }));
    // A masthead and nothing else.
    let head = "温州科协信息\n第 4 期\n(总第 245 期)\n温州市科学技术协会编\n2020 年 4 月 30 日\n";
    let (err, message) = refused(&write(&dir, "masthead-only.txt", head.as_bytes()));
    assert!(matches!(err, ImportError::NotABulletin { .. }), "{message}");
}

#[test]
fn a_50_mb_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let text = sample_text();
    let mut written = 0;
    while written < 50 * 1024 * 1024 {
        file.write_all(text.as_bytes()).unwrap();
        written += text.len();
    }
    drop(file);
    let (err, message) = refused(&path);
    assert!(
        matches!(err, ImportError::TooLarge { size, limit, .. } if size > limit && limit == MAX_FILE_BYTES),
        "{message}"
    );
    assert!(message.contains("文件太大"), "{message}");
    // The text API refuses as much text too.
    let big = "温".repeat(MAX_FILE_BYTES as usize / 3 + 1);
    assert!(matches!(
        parse_text(&big),
        Err(ImportError::TooLarge { .. })
    ));
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_without_reading_it_all() {
    let err = read_path(Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
}

#[test]
fn a_missing_file() {
    let err = read_path(Path::new("tests/data/no-such-issue.txt")).unwrap_err();
    assert!(matches!(err, ImportError::Read { .. }));
    assert!(err.to_string().contains("no-such-issue.txt"));
}

#[test]
fn large_inputs_under_the_limit_finish() {
    // Linear work: a few MB of pathological text must not hang (quadratic code would take hours).
    let one_line = "温州 2 项目，".repeat(100_000);
    assert!(parse_text(&one_line).is_err());
    let text = sample_text();
    let (head, rest) = text.split_at(text.find("简讯").unwrap());
    let mut long = head.to_owned();
    for _ in 0..400 {
        long.push_str("\n会议认为，今年党建工作要紧紧围绕峰会筹备工作主题主线，以政治建设为统领，以建设清廉机关为目标\n\n");
    }
    long.push_str(rest);
    let issue = parse_text(&long).unwrap();
    assert_eq!(issue.briefs.len(), 8);
    // Hundreds of thousands of lines that each continue the one before: joined in linear time.
    let pieces = format!(
        "{head}{}",
        "与会的科技工作者代表参加座谈会并先后作了交流发言\n\n".repeat(40_000)
    );
    let parsed = parse_text_report(&pieces).unwrap();
    assert!(parsed
        .warnings
        .iter()
        .any(|w| matches!(w.kind, WarningKind::MissingStop { .. })));
    // Many TOC entries that match nothing.
    let toc = format!(
        "温州科协信息\n第 4 期\n(总第 245 期)\n2020 年 4 月 30 日\n本期要目\n{}",
        (0..5000)
            .map(|i| format!("- 标题{i}\n"))
            .collect::<String>()
    );
    // The first 200 are read as the TOC, the rest as text: the first entry takes the first line
    // that looks like a headline, the other 199 match nothing and are each named in a warning.
    let parsed = parse_text_report(&toc).unwrap();
    assert_eq!(parsed.issue.articles.len(), 1);
    let unmatched = parsed
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::TocUnmatched { .. }))
        .count();
    assert_eq!(unmatched, 199);
}

#[test]
fn a_doc_cut_short_or_with_its_fib_damaged_is_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let doc = docx_support::libreoffice_convert(
        Path::new("tests/data/past/issue-2022-06-271-title-briefs.txt"),
        &["--infilter=Text (encoded):UTF8,,,"],
        "doc",
        dir.path(),
    );
    let whole = std::fs::read(&doc).unwrap();
    assert!(read_path(&doc).is_ok());
    // Cut anywhere: the compound file's sectors, its directory or the Word streams end early.
    for cut in (0..whole.len()).step_by(251).chain([whole.len() - 1]) {
        let path = write(&dir, &format!("cut-{cut}.doc"), &whole[..cut]);
        match read_path(&path) {
            Err(ImportError::Doc { .. }) if cut >= 8 => {}
            // Fewer bytes than the OLE signature: not recognised as one, read as text.
            Err(_) if cut < 8 => {}
            other => panic!("cut at {cut} of {}: {other:?}", whole.len()),
        }
    }
    // Every byte of the WordDocument stream's FIB set to 0xFF in turn (offsets and lengths out of
    // range, flags flipped): an error or an issue, never a panic or a hang.
    let fib = (512..whole.len())
        .step_by(512)
        .find(|&at| whole[at..].starts_with(&[0xEC, 0xA5]))
        .unwrap();
    for i in 0..600 {
        let mut bytes = whole.clone();
        bytes[fib + i] = 0xFF;
        let path = write(&dir, "fib.doc", &bytes);
        if let Err(e) = read_path(&path) {
            assert!(e.to_string().contains("fib.doc"), "{e}");
        }
    }
}

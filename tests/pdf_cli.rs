//! `bulletin render INPUT --pdf OUT` as a user runs it: a real process, a real file, poppler.

#[path = "layout_common/mod.rs"]
mod layout_common;

use std::process::Command;

fn bulletin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulletin"))
}

#[test]
fn render_writes_the_sample_as_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sample.json");
    let issue = layout_common::sample_issue();
    std::fs::write(&input, bulletin::json::to_string(&issue)).unwrap();
    let out = dir.path().join("温州科协信息 第4期.pdf");
    let run = bulletin()
        .arg("render")
        .arg(&input)
        .arg("--pdf")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("已写出"));
    let info = Command::new("pdfinfo")
        .arg(&out)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(
        info.contains("温州科协信息 2020年第4期（总第245期）"),
        "{info}"
    );
    let text = Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout)
        .unwrap()
        .replace(char::is_whitespace, "");
    let headline = issue.articles[0]
        .headline
        .concat()
        .replace(char::is_whitespace, "");
    assert!(text.contains(&headline), "«{headline}» not in the PDF text");
}

#[test]
fn an_unwritable_output_is_a_plain_error_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sample.json");
    std::fs::write(
        &input,
        bulletin::json::to_string(&layout_common::sample_issue()),
    )
    .unwrap();
    let out = dir.path().join("missing/dir/out.pdf");
    let run = bulletin()
        .arg("render")
        .arg(&input)
        .arg("--pdf")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains("out.pdf") && err.contains("路径不存在"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

//! Runs tests/tools/pdfcheck.py (a copy of ../shared/tools/pdfcheck.py) on PyMuPDF in the venv
//! that scripts/pdfcheck-env.sh makes, for the PDF tests.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The figures pdfcheck.py reports for `pdf`, compared against `source`.
pub fn pdfcheck(pdf: &Path, source: &Path) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = venv_python();
    let out = Command::new(python)
        .arg(root.join("tests/tools/pdfcheck.py"))
        .arg(pdf)
        .arg("--source")
        .arg(source)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The Python of the test venv (PyMuPDF, jieba, fontTools) that scripts/pdfcheck-env.sh makes and prints.
pub fn venv_python() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let env = Command::new(root.join("scripts/pdfcheck-env.sh"))
        .output()
        .expect("scripts/pdfcheck-env.sh (needs python3-venv)");
    assert!(
        env.status.success(),
        "{}",
        String::from_utf8_lossy(&env.stderr)
    );
    String::from_utf8(env.stdout).unwrap().trim().to_string()
}

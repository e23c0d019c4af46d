//! Commented proofs for the 审阅意见 tests: tests/tools/annotate_proof.py run on PyMuPDF.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use super::pdfcheck;

/// Marks up `pdf` with PyMuPDF per `spec`; the commented file and what each mark covers.
pub fn annotate(pdf: &Path, spec: Value) -> (Vec<u8>, Vec<Value>) {
    annotate_with(pdf, spec, &[])
}

/// As `annotate`, saved as readers save (the marks appended to the original bytes).
pub fn annotate_incrementally(pdf: &Path, spec: Value) -> (Vec<u8>, Vec<Value>) {
    annotate_with(pdf, spec, &["--incremental"])
}

/// What tests/tools/annotate_proof.py prints for `args`, run in the test venv (it must succeed).
fn annotate_proof(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let run = Command::new(pdfcheck::venv_python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/annotate_proof.py"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run.stdout
}

fn annotate_with(pdf: &Path, spec: Value, extra: &[&str]) -> (Vec<u8>, Vec<Value>) {
    let dir = pdf.parent().unwrap();
    let spec_path = dir.join("spec.json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    let out = dir.join("批注.pdf");
    let mut args = vec![pdf.as_os_str(), out.as_os_str(), spec_path.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let report: Vec<Value> = serde_json::from_slice(&annotate_proof(&args)).unwrap();
    (std::fs::read(out).unwrap(), report)
}

/// The page and PDF-space boxes of each phrase, as PyMuPDF finds them.
pub fn locate(pdf: &Path, phrases: &[&str]) -> Vec<(u32, Vec<[f32; 4]>)> {
    let spec_path = pdf.parent().unwrap().join("phrases.json");
    std::fs::write(&spec_path, json!(phrases).to_string()).unwrap();
    let args = [pdf.as_os_str(), "--locate".as_ref(), spec_path.as_os_str()];
    let found: Vec<Value> = serde_json::from_slice(&annotate_proof(&args)).unwrap();
    found
        .iter()
        .map(|f| {
            let boxes = f["boxes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| {
                    let v: Vec<f32> = b
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|n| n.as_f64().unwrap() as f32)
                        .collect();
                    [v[0], v[1], v[2], v[3]]
                })
                .collect();
            (f["page"].as_u64().unwrap() as u32, boxes)
        })
        .collect()
}

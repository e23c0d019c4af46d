//! Shared by the tests of past issues (tests/data/past): the inputs, the structure written by hand
//! beside each (NAME.json), and the field-by-field comparison.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use bulletin::import::Parsed;
use bulletin::model::Issue;
use serde_json::Value;

/// tests/data/past.
pub fn past() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/past")
}

/// The past issues (text files), sorted.
pub fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(past())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The hand-written expectation beside `input`: the issue and the warnings as (line, kind).
pub fn expected(input: &Path) -> (Issue, Vec<(usize, String)>) {
    let text = std::fs::read_to_string(input.with_extension("json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let issue = bulletin::json::from_str(&v["issue"].to_string())
        .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    let warnings = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w[0].as_u64().unwrap() as usize,
                w[1].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (issue, warnings)
}

/// The warnings as (line, kind), kind as in the report's JSON.
pub fn warnings(parsed: &Parsed) -> Vec<(usize, String)> {
    parsed
        .warnings
        .iter()
        .map(|w| {
            let v = serde_json::to_value(w).unwrap();
            (w.line, v["kind"]["kind"].as_str().unwrap().to_owned())
        })
        .collect()
}

/// Field by field, so a failure names the field.
pub fn assert_same(got: &Issue, want: &Issue, file: &str) {
    assert_eq!(got.masthead, want.masthead, "{file}: masthead");
    assert_eq!(
        got.articles.len(),
        want.articles.len(),
        "{file}: articles {:#?}",
        got.articles
    );
    for (i, (g, w)) in got.articles.iter().zip(&want.articles).enumerate() {
        let at = format!("{file}: article {}", i + 1);
        assert_eq!(g.headline, w.headline, "{at} headline");
        assert_eq!(g.toc_text, w.toc_text, "{at} toc_text");
        assert_eq!(
            g.blocks.len(),
            w.blocks.len(),
            "{at} blocks {:#?}",
            g.blocks
        );
        for (j, (gb, wb)) in g.blocks.iter().zip(&w.blocks).enumerate() {
            assert_eq!(gb, wb, "{at} block {}", j + 1);
        }
        assert_eq!(g.byline, w.byline, "{at} byline");
        assert_eq!(g.byline_parens, w.byline_parens, "{at} byline parentheses");
    }
    assert_eq!(
        got.briefs.len(),
        want.briefs.len(),
        "{file}: briefs {:#?}",
        got.briefs
    );
    for (i, (g, w)) in got.briefs.iter().zip(&want.briefs).enumerate() {
        let at = format!("{file}: brief {}", i + 1);
        assert_eq!(g.date_text, w.date_text, "{at} date");
        assert_eq!(g.text, w.text, "{at} text");
        assert_eq!(g.source, w.source, "{at} source");
        assert_eq!(g.source_parens, w.source_parens, "{at} source parentheses");
        assert_eq!(g.style, w.style, "{at} style");
    }
    assert_eq!(got.closing, want.closing, "{file}: closing");
    assert_eq!(got, want, "{file}");
}

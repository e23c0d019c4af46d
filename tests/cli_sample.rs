//! The sample text through the real binary and a real store: text → store → JSON → store → JSON.

use std::path::Path;
use std::process::Command;

fn bulletin(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("bulletin runs");
    assert!(
        out.status.success(),
        "bulletin {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn sample_text_round_trips_through_store_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store/bulletin.sqlite3");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/issue-2020-04-245.txt"
    );

    let id = bulletin(&db, &["import", sample]);
    let id = id
        .split_whitespace()
        .next()
        .expect("an id is printed")
        .to_string();
    let first = dir.path().join("first.json");
    bulletin(&db, &["export", &id, "--json", first.to_str().unwrap()]);

    let issue = bulletin::json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    assert_eq!(
        (
            issue.masthead.number.get(),
            issue.masthead.total_number.get()
        ),
        (4, 245)
    );
    assert_eq!(issue.masthead.date.to_string(), "2020-04-30");
    let bylines: Vec<&str> = issue
        .articles
        .iter()
        .filter_map(|a| a.byline.as_deref())
        .collect();
    assert_eq!(
        bylines,
        ["叶贤挺", "叶贤挺", "叶贤挺", "王刚", "朱哲汝", "赵理恒"]
    );
    assert_eq!(issue.briefs.len(), 8);

    // The same issue again adds nothing to this store; into another one it round-trips.
    assert_eq!(bulletin(&db, &["import", first.to_str().unwrap()]), "");
    let other = dir.path().join("other/bulletin.sqlite3");
    let again = bulletin(&other, &["import", first.to_str().unwrap()]);
    let again = again.split_whitespace().next().unwrap().to_string();
    assert_ne!(again, id);
    let second = dir.path().join("second.json");
    bulletin(
        &other,
        &["export", &again, "--json", second.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
}

//! The `bulletin` command line run on a store, as the integration tests run it.

#![allow(dead_code)] // each test file uses what it needs

use std::path::Path;
use std::process::{Command, Output};

/// `bulletin --db DB ARGS…`, with `BULLETIN_DB` unset so the user's store is never touched.
pub fn bulletin(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BULLETIN_DB")
        .output()
        .unwrap()
}

/// The same, failing the test with its standard error unless it succeeded; its standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = bulletin(db, args);
    assert!(
        o.status.success(),
        "bulletin {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

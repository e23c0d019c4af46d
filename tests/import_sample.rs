//! The sample issue (the office's archive text of 《温州科协信息》 2020年第4期) imports to its structure.

use std::path::Path;

use bulletin::import::{parse_text, read_path};
use bulletin::model::{BlockKind, Issue};

fn sample() -> Issue {
    read_path(Path::new("tests/data/issue-2020-04-245.txt")).expect("the sample imports")
}

#[test]
fn dump() {
    let issue = sample();
    println!("{}", bulletin::json::to_string(&issue));
    let _ = (parse_text, BlockKind::Paragraph);
}

//! Import throughput: `cargo bench --bench import`.
//!
//! Targets (release build): the sample issue imports in under 5 ms, and a text at the size limit
//! (`MAX_FILE_BYTES`, worst case: every line continues the one before) in under 2 s, so no file
//! the importer accepts can make it hang. Under `cargo test` this runs once on small inputs.

use std::time::{Duration, Instant};

use bulletin::import::{encoding, parse_text, MAX_FILE_BYTES};

const SAMPLE: &str = include_str!("../tests/data/issue-2020-04-245.txt");

fn time<T>(what: &str, bytes: usize, runs: u32, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    let each = start.elapsed() / runs;
    let mb_s = bytes as f64 / 1e6 / each.as_secs_f64().max(1e-9);
    println!("{what:<48} {each:>12.2?} per run  {mb_s:>8.1} MB/s");
    each
}

/// The sample's masthead and TOC, then `bytes` of body lines that each continue the one before.
fn worst_case(bytes: usize) -> String {
    let head = &SAMPLE[..SAMPLE.find("简讯").expect("the sample has briefs")];
    let line = "与会的科技工作者代表参加座谈会并先后作了交流发言\n\n";
    let mut text = String::with_capacity(bytes + line.len());
    text.push_str(head);
    while text.len() + line.len() < bytes {
        text.push_str(line);
    }
    text
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (runs, big) = if measuring {
        (200, MAX_FILE_BYTES as usize)
    } else {
        (1, 64 * 1024)
    };
    let sample = time("sample issue (parse_text)", SAMPLE.len(), runs, || {
        parse_text(SAMPLE).expect("the sample imports")
    });
    let text = worst_case(big);
    let worst = time(
        "worst case at the size limit (parse_text)",
        text.len(),
        1,
        || parse_text(&text),
    );
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    time("decode GBK at the size limit", gbk.len(), 1, || {
        encoding::decode(&gbk).expect("GBK decodes")
    });
    if measuring {
        assert!(sample < Duration::from_millis(5), "sample: {sample:?}");
        assert!(worst < Duration::from_secs(2), "size limit: {worst:?}");
    }
}

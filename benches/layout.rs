//! Time to lay out the sample issue (target ≤ 5 ms in release, of the 15 ms layout + PDF budget).
//! Run with `cargo bench --bench layout`.

#[path = "../tests/layout_common/mod.rs"]
mod layout_common;

use std::time::{Duration, Instant};

fn main() {
    let fonts = layout_common::fonts();
    let issue = layout_common::sample_issue();
    // The first call in the process pays what `bulletin render` pays once: jieba's dictionary
    // opened for the headlines and 本期要目 entries that break automatically (docs/layout.md §4.1).
    let t = Instant::now();
    let doc = bulletin::layout::layout(&issue, fonts).expect("the sample lays out");
    let first = t.elapsed();
    let pages = doc.pages.len();
    // Warm up (page cache of the memory-mapped fonts, allocator).
    for _ in 0..20 {
        std::hint::black_box(bulletin::layout::layout(&issue, fonts).unwrap());
    }
    let mut times: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(
                bulletin::layout::layout(std::hint::black_box(&issue), fonts).unwrap(),
            );
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!(
        "layout of the sample ({pages} pages): first {:.3} ms, median {:.3} ms, p95 {:.3} ms, min {:.3} ms",
        first.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
}

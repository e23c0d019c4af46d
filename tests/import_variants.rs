//! The sample as other extraction tools and office habits leave it: the same issue must come out.

use bulletin::import::parse_text;
use bulletin::model::Issue;

const SAMPLE: &str = include_str!("data/issue-2020-04-245.txt");

fn sample() -> Issue {
    parse_text(SAMPLE).unwrap()
}

#[test]
fn indents_marks_page_numbers_and_toc_page_references() {
    let mut out = String::from("内部资料　注意保存\n\n");
    let mut page = 1;
    let mut blanks = 0;
    for line in SAMPLE.lines() {
        let t = line.trim();
        if let Some(entry) = t.strip_prefix("- ") {
            // 「◆…………3」 entries, as a word processor's TOC prints them.
            out.push_str(&format!("◆{entry}……………{page}\n"));
            page += 1;
        } else if t == "简讯" {
            out.push_str("【简讯】\n");
        } else if t.is_empty() {
            // Page numbers between some paragraphs.
            out.push('\n');
            blanks += 1;
            if blanks % 5 == 0 {
                out.push_str(&format!("\n— {} —\n\n", blanks / 5));
            }
        } else if t.starts_with("本 期") || t.len() < 30 {
            out.push_str(t);
            out.push('\n');
        } else {
            // Full-width paragraph indents and trailing spaces.
            out.push_str(&format!("\u{3000}\u{3000}{t}  \n"));
        }
    }
    assert!(out.contains("— 3 —") && out.contains("………6\n"));
    assert_eq!(parse_text(&out).unwrap(), sample());
}

#[test]
fn hard_wrapped_lines_without_blank_lines() {
    // pdftotext without -layout: every printed line is a line of text, 28 characters a line.
    let mut out = String::new();
    let mut after_toc = false;
    for line in SAMPLE.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let chars: Vec<char> = t.chars().collect();
        let headline_or_short = chars.len() <= 28 || t.starts_with("- ") || !after_toc;
        if t.starts_with("市政府专题研究") && !t.starts_with("- ") {
            after_toc = true;
        }
        if headline_or_short || !after_toc || !t.contains('，') {
            out.push_str(t);
            out.push('\n');
            continue;
        }
        for piece in chars.chunks(28) {
            out.extend(piece);
            out.push('\n');
        }
    }
    let got = parse_text(&out).unwrap();
    let want = sample();
    assert_eq!(got.masthead, want.masthead);
    let heads = |i: &Issue| {
        i.articles
            .iter()
            .map(|a| (a.headline.clone(), a.byline.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(heads(&got), heads(&want));
    assert_eq!(got.briefs, want.briefs);
    // Paragraphs are joined back wherever a printed line did not end a sentence.
    for (g, w) in got.articles.iter().zip(&want.articles) {
        assert_eq!(g.blocks.concat_text(), w.blocks.concat_text());
    }
}

trait ConcatText {
    fn concat_text(&self) -> String;
}

impl ConcatText for Vec<bulletin::model::Block> {
    fn concat_text(&self) -> String {
        self.iter().map(|b| b.text.as_str()).collect()
    }
}

#[test]
fn subtitle_and_editors_note() {
    let text = SAMPLE
        .replace(
            "省科协、北欧创新中心来温对接峰会筹备工作\n\n4月1日",
            "省科协、北欧创新中心来温对接峰会筹备工作\n\n——峰会筹备系列报道之一\n\n4月1日",
        )
        .replacen(
            "\n\n市政府专题研究 2020 世界青年科学家峰会 筹备进展情况",
            "\n\n编者按：本期集中报道峰会筹备工作。\n\n市政府专题研究 2020 世界青年科学家峰会 筹备进展情况",
            1,
        );
    let issue = parse_text(&text).unwrap();
    let a = &issue.articles[1];
    assert_eq!(
        a.headline,
        [
            "省科协、北欧创新中心来温对接峰会筹备工作",
            "——峰会筹备系列报道之一"
        ]
    );
    assert_eq!(
        a.toc_text.as_deref(),
        Some("省科协、北欧创新中心来温对接峰会筹备工作")
    );
    assert_eq!(issue.toc(), sample().toc());
    // The editor's note is kept, at the head of the first article.
    assert_eq!(
        issue.articles[0].blocks[0].text,
        "编者按：本期集中报道峰会筹备工作。"
    );
    assert_eq!(issue.articles[0].blocks.len(), 6);
}

#[test]
fn a_full_stop_missing_before_the_last_byline() {
    let text = SAMPLE.replace("常委会议。(市科协)", "常委会议(市科协)");
    let issue = parse_text(&text).unwrap();
    let last = issue.briefs.last().unwrap();
    assert_eq!(last.source.as_deref(), Some("市科协"));
    assert!(last.text.ends_with("十届四次常委会议"));
}

#[test]
fn running_heads_and_rules_are_page_furniture() {
    let text = SAMPLE
        .replace("本 期 要 目", "══════════════\n\n本 期 要 目")
        .replace(
            "\n\n省科协二级巡视员戴力介绍了",
            "\n\n— 1 —\n\n温州科协信息\n\n省科协二级巡视员戴力介绍了",
        )
        .replace("\n\n细绸)", "\n\n— 4 —\n\n温 州 科 协 信 息\n\n细绸)");
    assert_eq!(text.matches(" —\n").count(), 2);
    assert_eq!(text.matches("温州科协信息").count(), 2);
    assert_eq!(parse_text(&text).unwrap(), sample());
}

#[test]
fn a_shorter_toc_text_for_the_first_article() {
    let text = SAMPLE.replace(
        "- 市政府专题研究 2020 世界青年科学家峰会筹备进展情况",
        "- 市政府专题研究 2020 峰会筹备",
    );
    let issue = parse_text(&text).unwrap();
    let a = &issue.articles[0];
    assert_eq!(a.toc_text.as_deref(), Some("市政府专题研究2020峰会筹备"));
    assert_eq!(
        a.headline.concat(),
        "市政府专题研究2020世界青年科学家峰会 筹备进展情况"
    );
    assert_eq!(a.blocks, sample().articles[0].blocks);
    assert_eq!(issue.articles.len(), 6);
}

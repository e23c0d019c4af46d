//! Whatever text comes in, the importer answers with an issue or an error, never a panic.

use bulletin::import::{parse_text, parse_text_report, WarningKind};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("data/issue-2020-04-245.txt");

/// Characters that exercise the parser: the sample's own, brackets, digits, dashes, spaces, line ends.
fn bulletin_chars() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "第期总年月日编本要目简讯报送发共印份（）()—-，,。：:、 \u{3000}\n\r\x0c0123456789一二十温州科协信息叶贤挺◆“”"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..400)
        .prop_map(|v| v.into_iter().collect())
}

/// Every text of an issue, in reading order, each brief as printed.
fn printed(issue: &bulletin::model::Issue) -> String {
    let m = &issue.masthead;
    let mut out = vec![
        m.name.clone(),
        m.editor.clone(),
        m.date.format("%Y年%-m月%-d日").to_string(),
        // The numbers' line as some years print it: 「2022年第5期（总第270期）」.
        format!(
            "{}年第{}期总第{}期",
            m.date.format("%Y"),
            m.number.get(),
            m.total_number.get()
        ),
    ];
    for a in &issue.articles {
        out.extend(a.headline.iter().cloned());
        out.extend(a.toc_text.iter().cloned());
        out.extend(a.blocks.iter().map(|b| b.text.clone()));
        out.extend(a.byline.iter().cloned());
    }
    out.extend(issue.briefs.iter().map(|b| b.paragraph_text()));
    out.extend(
        issue
            .closing
            .rows()
            .iter()
            .map(|(l, t)| format!("{l}：{t}")),
    );
    out.concat()
}

/// A line that may be a 本期要目 entry (bulleted or numbered): its bullet is not kept, and an entry
/// that matches a headline is that headline, so such lines are not looked for.
fn is_toc_like(line: &str) -> bool {
    let t = line.trim_start();
    let numbered = {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let numerals = t
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count();
        (digits > 0 && t[digits..].starts_with(['.', '、', '．']))
            || (numerals > 0 && t.chars().nth(numerals) == Some('、'))
    };
    numbered || t.starts_with(['-', '◆', '★', '●', '■', '◇', '□', '·', '•'])
}

/// Text without spaces and brackets, commas folded to full width.
fn loose(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !"（）()【】—".contains(*c))
        .map(|c| if c == ',' { '，' } else { c })
        .collect()
}

/// Past issues of other years (tests/data/past) mutated like the sample.
const PAST: [&str; 3] = [
    include_str!("data/past/issue-2022-06-271-title-briefs.txt"),
    include_str!("data/past/issue-2022-05-270-no-blank-lines.txt"),
    include_str!("data/past/issue-2016-05-160-dash-sources.txt"),
];

/// The sample with lines deleted, duplicated, swapped or cut short.
fn mutated_sample() -> impl Strategy<Value = String> {
    mutated(SAMPLE)
}

/// The sample or a past issue of another year, mutated.
fn mutated_any() -> impl Strategy<Value = String> {
    prop_oneof![
        mutated(SAMPLE),
        mutated(PAST[0]),
        mutated(PAST[1]),
        mutated(PAST[2])
    ]
}

/// `text` with lines deleted, duplicated, swapped or cut short.
fn mutated(text: &'static str) -> impl Strategy<Value = String> {
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let n = lines.len();
    proptest::collection::vec((0..4u8, 0..n, 0..n, 0..200usize), 1..12).prop_map(move |ops| {
        let mut lines = lines.clone();
        for (op, a, b, cut) in ops {
            if lines.is_empty() {
                break;
            }
            let (a, b) = (a % lines.len(), b % lines.len());
            match op {
                0 => {
                    lines.remove(a);
                }
                1 => {
                    let l = lines[a].clone();
                    lines.insert(b, l);
                }
                2 => lines.swap(a, b),
                _ => {
                    let keep: String = lines[a].chars().take(cut).collect();
                    lines[a] = keep;
                }
            }
        }
        lines.join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_text(&text);
    }

    #[test]
    fn bulletin_like_text_never_panics(text in bulletin_chars()) {
        let _ = parse_text(&text);
    }

    #[test]
    fn a_masthead_then_anything_never_panics(body in bulletin_chars()) {
        let text = format!("温州科协信息\n第 4 期\n(总第 245 期)\n温州市科学技术协会编\n2020 年 4 月 30 日\n{body}");
        let _ = parse_text(&text);
    }

    #[test]
    fn mutations_of_the_sample_never_panic(text in mutated_sample()) {
        if let Ok(issue) = parse_text(&text) {
            // What comes out is a well-formed issue: JSON round-trips it.
            let json = bulletin::json::to_string(&issue);
            prop_assert_eq!(bulletin::json::from_str(&json).unwrap(), issue);
        }
    }

    /// Nothing the editor wrote is lost: with lines deleted, repeated, swapped or cut short, every
    /// line of the sample or a past issue that imports has its end in the issue (TOC entries repeat headlines, or are
    /// reported when they match none; brackets, spaces and comma widths are compared loosely).
    #[test]
    fn mutations_of_the_sample_lose_no_text(text in mutated_any()) {
        if let Ok(parsed) = parse_text_report(&text) {
            // A 本期要目 entry that matches nothing is left out and reported: the report keeps it.
            let reported: String = parsed
                .warnings
                .iter()
                .filter_map(|w| match &w.kind {
                    WarningKind::TocUnmatched { text, .. } | WarningKind::TocSectionMissing { text } => {
                        Some(text.as_str())
                    }
                    _ => None,
                })
                .collect();
            let got = loose(&(printed(&parsed.issue) + &reported));
            for line in text.lines() {
                let k = loose(line);
                let han = k.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
                // The masthead's number line is read into numbers (a cut one is guessed and warned).
                let numbers_line = k.contains('第') && k.chars().count() < 20;
                if han < 4 || is_toc_like(line) || k == "本期要目" || numbers_line {
                    continue;
                }
                let end: String = {
                    let chars: Vec<char> = k.chars().collect();
                    chars[chars.len().saturating_sub(10)..].iter().collect()
                };
                prop_assert!(got.contains(&end), "lost 「{}」 of\n{}", line, text);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = bulletin::import::encoding::decode(&bytes);
    }
}

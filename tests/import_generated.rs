//! Generated past issues: random issues are written out in the archive's format, with the damage PDF
//! extraction does (spaces around digits, paragraphs cut by page breaks, bylines alone or split over
//! a page break, headlines broken by a space), and must import back to exactly the issue written —
//! bylines in the parentheses they were written with (full-width, half-width or mixed).

use bulletin::import::parse_text;
use bulletin::model::{
    Article, Block, BlockKind, Brief, Closing, Copies, Issue, IssueNumber, Masthead, ParenWidth,
    Parens, Status, TotalNumber,
};
use chrono::NaiveDate;
use proptest::prelude::*;

/// Han characters that carry no structure (no 第/期/年/月/日/编/简讯/报/送/发/印/份, no numerals).
const POOL: &str = "科协技术创新会议组织工作推进服务企业发展学会人才平台项目合作交流调研活动建设专家温州市省国家重点领域开展落实部署研究提升能力质量产业融合青年峰会筹备";

fn han(min: usize, max: usize) -> impl Strategy<Value = String> {
    let pool: Vec<char> = POOL.chars().collect();
    proptest::collection::vec(proptest::sample::select(pool), min..=max)
        .prop_map(|v| v.into_iter().collect())
}

/// A sentence: Han text with an optional number or Latin words and a comma inside, ending with 「。」.
fn sentence() -> impl Strategy<Value = String> {
    let inner = prop_oneof![
        Just(String::new()),
        (1u32..3000).prop_map(|n| n.to_string()),
        Just("Hello World".to_string()),
        Just("AI".to_string()),
    ];
    (han(4, 20), inner, han(4, 20), any::<bool>())
        .prop_map(|(a, n, b, comma)| format!("{a}{n}{}{b}。", if comma { "，" } else { "" }))
}

/// A headline line: Han text, perhaps a number inside, perhaps a clause space 「召开 市科协」.
fn headline_line() -> impl Strategy<Value = String> {
    (
        han(4, 10),
        proptest::option::of(1u32..2100),
        han(2, 8),
        proptest::option::of(han(3, 8)),
    )
        .prop_map(|(a, n, b, clause)| {
            let n = n.map(|n| n.to_string()).unwrap_or_default();
            let clause = clause.map(|c| format!(" {c}")).unwrap_or_default();
            format!("{a}{n}{b}{clause}")
        })
}

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(sentence(), 1..4).prop_map(|v| v.concat())
}

fn block() -> impl Strategy<Value = Vec<Block>> {
    let heading = (0..2u8, 0..9usize, han(4, 12)).prop_map(|(level, n, t)| {
        let numeral = "一二三四五六七八九".chars().nth(n).unwrap();
        if level == 0 {
            Block {
                kind: BlockKind::Heading1,
                text: format!("{numeral}、{t}"),
                figure: None,
            }
        } else {
            Block {
                kind: BlockKind::Heading2,
                text: format!("（{numeral}）{t}"),
                figure: None,
            }
        }
    });
    // A heading is always followed by a paragraph.
    (proptest::option::weighted(0.3, heading), paragraph()).prop_map(|(h, p)| {
        h.into_iter()
            .chain(std::iter::once(Block::paragraph(p)))
            .collect()
    })
}

/// The parentheses of a byline as an editor may have typed them.
fn parens() -> impl Strategy<Value = Parens> {
    let width = || prop_oneof![Just(ParenWidth::Full), Just(ParenWidth::Half)];
    (width(), width()).prop_map(|(open, close)| Parens { open, close })
}

fn article() -> impl Strategy<Value = Article> {
    (
        proptest::collection::vec(headline_line(), 1..3),
        proptest::collection::vec(block(), 1..5),
        han(2, 3),
        parens(),
    )
        .prop_map(|(headline, blocks, byline, byline_parens)| Article {
            headline,
            toc_text: None,
            blocks: blocks.concat(),
            byline: Some(byline),
            byline_parens,
        })
}

fn brief() -> impl Strategy<Value = Brief> {
    (
        1u32..=12,
        1u32..=20,
        proptest::option::of(21u32..=28),
        0..3u8,
        sentence(),
        han(2, 3),
        any::<bool>(),
        parens(),
    )
        .prop_map(
            |(m, d, to, dash, text, source, half_width, source_parens)| {
                let dash = ["—", "-", "至"][dash as usize];
                let date_text = match to {
                    Some(to) => format!("{m}月{d}日{dash}{to}日"),
                    None => format!("{m}月{d}日"),
                };
                Brief {
                    date_text,
                    text: if half_width { format!(",{text}") } else { text },
                    source: Some(source),
                    source_parens,
                    style: Default::default(),
                }
            },
        )
}

fn closing() -> impl Strategy<Value = Closing> {
    (
        proptest::option::of(han(4, 30)),
        proptest::option::of(han(4, 60)),
        proptest::option::of(han(4, 30)),
        proptest::option::of(1u32..1000),
    )
        .prop_map(|(report_to, send_to, distribute_to, copies)| Closing {
            report_to,
            send_to,
            distribute_to,
            copies: copies.and_then(Copies::new),
        })
}

fn issue() -> impl Strategy<Value = Issue> {
    (
        1u32..=24,
        1u32..=999,
        (2000i32..2040, 1u32..=12, 1u32..=28),
        proptest::collection::vec(article(), 1..6),
        proptest::collection::vec(brief(), 0..8),
        closing(),
    )
        .prop_map(
            |(number, total, (y, m, d), articles, briefs, closing)| Issue {
                masthead: Masthead {
                    name: "温州科协信息".into(),
                    number: IssueNumber::new(number).unwrap(),
                    total_number: TotalNumber::new(total).unwrap(),
                    editor: "温州市科学技术协会编".into(),
                    date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
                },
                articles,
                briefs,
                closing,
                status: Status::Published,
                images: Default::default(),
            },
        )
}

/// How extraction damages the text, decided by a stream of random numbers.
struct Damage(Vec<u32>, usize);

impl Damage {
    fn next(&mut self, n: u32) -> u32 {
        self.1 += 1;
        self.0[self.1 % self.0.len()] % n.max(1)
    }

    /// Spaces around digit runs, as PDF extraction leaves them (sometimes).
    fn space_digits(&mut self, text: &str) -> String {
        let mut out = String::new();
        let mut prev_digit = false;
        for c in text.chars() {
            let digit = c.is_ascii_digit();
            if digit != prev_digit && !out.is_empty() && self.next(2) == 0 {
                out.push(' ');
            }
            out.push(c);
            prev_digit = digit;
        }
        out
    }

    /// A paragraph, perhaps cut by a page break: the first part is a full printed line or more
    /// (over 20 characters) and does not end a sentence.
    fn cut(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        if chars.len() < 30 || self.next(3) != 0 {
            return self.space_digits(text);
        }
        let at = 22 + self.next((chars.len() - 24) as u32) as usize;
        // Pages do not end inside a Latin word (only between words).
        let in_word = chars[at - 1].is_ascii_alphabetic() && chars[at].is_ascii_alphabetic();
        if matches!(chars[at - 1], '。' | '，') || in_word {
            return self.space_digits(text);
        }
        let (a, b): (String, String) = (chars[..at].iter().collect(), chars[at..].iter().collect());
        format!("{}\n\n{}", self.space_digits(&a), self.space_digits(&b))
    }

    /// A byline in its parentheses after the last paragraph: inline, alone on the next line, or
    /// split over a page break.
    fn byline(&mut self, name: &str, parens: Parens) -> String {
        let written = parens.wrap(name);
        let chars: Vec<char> = written.chars().collect();
        match self.next(4) {
            0 => written,
            1 => format!("\n{written}"),
            2 => format!("\n\n{written}"),
            _ => format!(
                "{}\n\n{}",
                chars[..2].iter().collect::<String>(),
                chars[2..].iter().collect::<String>()
            ),
        }
    }
}

fn write_archive(issue: &Issue, damage: &mut Damage) -> String {
    let m = &issue.masthead;
    let mut t = format!(
        "\n\n{}\n\n第 {} 期\n\n(总第 {} 期)\n\n{}\n\n{}\n\n本 期 要 目\n\n",
        m.name,
        m.number,
        m.total_number,
        m.editor,
        damage.space_digits(&m.date_label())
    );
    for a in &issue.articles {
        let entry = a.headline.concat();
        t.push_str(&format!("- {}\n", damage.space_digits(&entry)));
    }
    for a in &issue.articles {
        // The headline's lines joined by the space that marks its breaks.
        let headline = a.headline.join(" ");
        t.push_str(&format!("\n{}\n\n", damage.space_digits(&headline)));
        for (i, b) in a.blocks.iter().enumerate() {
            t.push_str(&damage.cut(&b.text));
            if i + 1 == a.blocks.len() {
                t.push_str(&damage.byline(a.byline.as_deref().unwrap(), a.byline_parens));
            }
            t.push_str("\n\n");
        }
    }
    if !issue.briefs.is_empty() {
        t.push_str("简讯\n\n");
        for b in &issue.briefs {
            let sep = if b.text.starts_with(',') { "" } else { "，" };
            let body = format!("{}{sep}{}", b.date_text, b.text);
            t.push_str(&damage.cut(&body));
            t.push_str(&damage.byline(b.source.as_deref().unwrap(), b.source_parens));
            t.push_str("\n\n");
        }
    }
    let c = &issue.closing;
    for (label, row) in [
        ("报", &c.report_to),
        ("送", &c.send_to),
        ("发", &c.distribute_to),
    ] {
        if let Some(row) = row {
            t.push_str(&format!("{label}：{row}\n\n"));
        }
    }
    if let Some(n) = c.copies {
        t.push_str(&format!("（共印 {n} 份）\n"));
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn generated_issues_import_to_what_was_written(
        issue in issue(),
        noise in proptest::collection::vec(any::<u32>(), 1..64),
    ) {
        let text = write_archive(&issue, &mut Damage(noise.clone(), 0));
        let got = parse_text(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&got, &issue, "{}", text);
        // The same file as an office saves it: GBK, a UTF-8 BOM, CRLF line ends.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issue.txt");
        let bytes = match noise[0] % 3 {
            0 => encoding_rs::GB18030.encode(&text.replace('\n', "\r\n")).0.into_owned(),
            1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            _ => text.replace('\n', "\r\n").into_bytes(),
        };
        std::fs::write(&path, bytes).unwrap();
        let read = bulletin::import::read_path(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read, issue);
    }
}

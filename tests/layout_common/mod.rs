//! Shared by the layout tests: the sample issue as a model, read from the archive's plain text
//! by a small test-only parser (the real importer is `bulletin::import`).

#![allow(dead_code)]

use bulletin::fonts::FontBook;
use bulletin::model::*;
use chrono::NaiveDate;

/// The bundled fonts.
pub fn fonts() -> &'static FontBook {
    FontBook::global().expect("fonts in assets/fonts (scripts/fetch-fonts.sh)")
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Drops the spaces a PDF-to-text conversion put around digits and Latin letters; keeps a space
/// between two Han characters (a clause space); full-width parentheses.
pub fn norm(s: &str) -> String {
    let cs: Vec<char> = s.trim().chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        if c == ' ' {
            let p = cs[..i].iter().rev().find(|&&c| c != ' ');
            let n = cs[i + 1..].iter().find(|&&c| c != ' ');
            match (p, n) {
                (Some(&p), Some(&n))
                    if !is_ascii_word(p) && !is_ascii_word(n) && !out.ends_with(' ') =>
                {
                    out.push(' ')
                }
                _ => {}
            }
        } else {
            out.push(match c {
                '(' => '（',
                ')' => '）',
                c => c,
            });
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The trailing 「（name）」 of `s`, if the name is short (a byline or a brief's source).
fn trailing_name(s: &str) -> Option<(String, String)> {
    let body = s.strip_suffix('）')?;
    let open = body.rfind('（')?;
    let name = &body[open + '（'.len_utf8()..];
    (!name.is_empty() && name.chars().count() <= 5 && !name.contains('，'))
        .then(|| (body[..open].to_string(), name.to_string()))
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['。', '）', '！', '？'])
}

/// The sample issue (tests/data/issue-2020-04-245.txt) with a closing block added.
/// `issue` laid out and drawn as the final PDF, or as the PDF/A-2b archive copy when `archival`.
pub fn pdf(issue: &Issue, archival: bool) -> Vec<u8> {
    let fonts = fonts();
    let doc = bulletin::layout::layout(issue, fonts).unwrap();
    bulletin::pdf::render(
        &doc,
        fonts,
        &bulletin::pdf::PdfOptions {
            archival,
            ..bulletin::pdf::PdfOptions::default()
        },
    )
    .unwrap()
}

pub fn sample_issue() -> Issue {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/issue-2020-04-245.txt"
    ))
    .unwrap();
    // Blank lines separate paragraphs; a TOC entry is a line of its own.
    let chunks: Vec<String> = text
        .split("\n\n")
        .flat_map(|c| {
            if c.trim_start().starts_with("- ") {
                c.lines().map(str::to_string).collect()
            } else {
                vec![c.replace('\n', "")]
            }
        })
        .map(|c| norm(&c))
        .filter(|c| !c.is_empty())
        .collect();
    let digits = |s: &str| -> u32 {
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    let masthead = Masthead {
        name: chunks[0].clone(),
        number: IssueNumber::new(digits(&chunks[1])).unwrap(),
        total_number: TotalNumber::new(digits(&chunks[2])).unwrap(),
        editor: chunks[3].clone(),
        date: NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
    };
    assert_eq!(squash(&chunks[5]), "本期要目");
    let mut i = 6;
    let mut toc = Vec::new();
    while let Some(e) = chunks[i].strip_prefix("- ") {
        toc.push(e.to_string());
        i += 1;
    }
    let mut articles: Vec<Article> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut briefs_text: Vec<String> = Vec::new();
    let mut in_briefs = false;
    let finish = |paragraphs: &mut Vec<String>, articles: &mut Vec<Article>| {
        if let Some(a) = articles.last_mut() {
            let mut byline = None;
            if let Some(last) = paragraphs.last().cloned() {
                if let Some((rest, name)) = trailing_name(&last) {
                    byline = Some(name);
                    if rest.is_empty() {
                        paragraphs.pop();
                    } else {
                        *paragraphs.last_mut().unwrap() = rest;
                    }
                }
            }
            a.byline = byline;
            a.blocks = paragraphs.drain(..).map(Block::paragraph).collect();
        }
    };
    for c in &chunks[i..] {
        if in_briefs {
            match briefs_text.last_mut() {
                Some(prev) if !ends_sentence(prev) || c.starts_with('（') => prev.push_str(c),
                _ => briefs_text.push(c.clone()),
            }
        } else if squash(c) == "简讯" {
            finish(&mut paragraphs, &mut articles);
            in_briefs = true;
        } else if let Some(entry) = toc.iter().find(|e| squash(e) == squash(c)) {
            finish(&mut paragraphs, &mut articles);
            // A space in the headline that the TOC entry lacks is a line break the editor chose.
            let entry: Vec<char> = entry.chars().collect();
            let mut lines = vec![String::new()];
            let mut k = 0;
            for ch in c.chars() {
                if ch == ' ' && entry.get(k) != Some(&' ') {
                    lines.push(String::new());
                    continue;
                }
                lines.last_mut().unwrap().push(ch);
                k += 1;
            }
            articles.push(Article {
                headline: lines,
                toc_text: None,
                blocks: Vec::new(),
                byline: None,
                byline_parens: Default::default(),
            });
        } else {
            match paragraphs.last_mut() {
                Some(prev) if !ends_sentence(prev) => prev.push_str(c),
                _ => paragraphs.push(c.clone()),
            }
        }
    }
    let briefs = briefs_text
        .iter()
        .map(|b| {
            let (rest, source) = match trailing_name(b) {
                Some((r, n)) => (r, Some(n)),
                None => (b.clone(), None),
            };
            let end = rest.find('日').unwrap() + '日'.len_utf8();
            let (mut date, mut text) = (rest[..end].to_string(), rest[end..].to_string());
            if let Some(t) = text.strip_prefix('—') {
                let e = t.find('日').unwrap() + '日'.len_utf8();
                date = format!("{date}—{}", &t[..e]);
                text = t[e..].to_string();
            }
            let text = text.strip_prefix('，').unwrap_or(&text).to_string();
            Brief {
                date_text: date,
                text,
                source,
                source_parens: Default::default(),
                style: Default::default(),
            }
        })
        .collect();
    Issue {
        masthead,
        articles,
        briefs,
        closing: Closing {
            report_to: Some("市委、市政府领导，省科协".into()),
            send_to: Some("市级有关部门，各县（市、区）委、政府".into()),
            distribute_to: Some("各县（市、区）科协，市级学会".into()),
            copies: Copies::new(120),
        },
        status: Status::Published,
        images: Default::default(),
    }
}

/// The issue's text in reading order, as docs/layout.md says each part is shown (§2–§7 minus page
/// numbers), without spaces.
pub fn expected_text(issue: &Issue) -> String {
    let m = &issue.masthead;
    let mut s = format!(
        "{}{}{}{}{}",
        m.name,
        m.number_label(),
        m.total_label(),
        m.editor,
        m.date_label()
    );
    let toc: Vec<String> = issue
        .toc()
        .into_iter()
        .filter(|e| !e.trim().is_empty())
        .collect();
    if !toc.is_empty() {
        s.push_str("本期要目");
        for e in toc {
            s.push('◆');
            s.push_str(&e);
        }
    }
    for a in &issue.articles {
        for l in &a.headline {
            s.push_str(l);
        }
        for b in &a.blocks {
            s.push_str(&b.text);
        }
        if let Some(b) = a.byline_label() {
            s.push_str(&b);
        }
    }
    if !issue.briefs.is_empty() {
        s.push_str("简讯");
        for b in &issue.briefs {
            s.push_str(&b.paragraph_text());
        }
    }
    for (label, text) in issue.closing.rows() {
        s.push_str(label);
        s.push('：');
        s.push_str(text);
    }
    if let Some(c) = issue.closing.copies_label() {
        s.push_str(&c);
    }
    squash(&s)
}

/// The document's text in order, without page numbers and spaces.
pub fn document_text(doc: &bulletin::page::Document) -> String {
    let mut s = String::new();
    for p in &doc.pages {
        for l in &p.lines {
            if l.element != bulletin::page::Element::PageNumber {
                s.push_str(&l.text());
            }
        }
    }
    squash(&s)
}

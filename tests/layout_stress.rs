//! A stress issue: a five-line headline, a 30-page article, 300 briefs, an empty article, rare
//! characters from the fallback face; and a character no font has.

mod layout_common;
mod pdfcheck;

use bulletin::coverage;
use bulletin::fonts::FaceId;
use bulletin::layout::{layout, LayoutError};
use bulletin::model::*;
use bulletin::page::{Document, Element};
use layout_common::*;

const MM: f32 = 72.0 / 25.4;
const PITCH: f32 = 225.0 * MM / 22.0;

/// Sentences cycled into long text, with numbers, Latin words, quotes and brackets.
const SENTENCES: [&str; 6] = [
    "温州市科协组织召开2020世界青年科学家峰会筹备工作会议，部署下一步工作。",
    "会议指出，要以“一园一器一基金”为抓手，推动科技经济融合发展（见附件）。",
    "中国工程院院士李校堃、王喆、陈镕等专家出席，并就“卡脖子”问题展开讨论……",
    "University Startup World Cup 2020 决赛将于10月在温州举行——这是首次离开哥本哈根。",
    "全年共开展科普活动75场次，参与人数达12.5万人次，同比增长30%。",
    "《纲要》要求：进一步完善组织架构、制定时间节点；有条不紊、全力以赴抓好落实！",
];

fn long_text(chars: usize) -> String {
    let mut s = String::new();
    for sentence in SENTENCES.iter().cycle() {
        if s.chars().count() >= chars {
            break;
        }
        s.push_str(sentence);
    }
    s
}

fn stress_issue() -> Issue {
    let mut issue = sample_issue();
    // 30 pages of body at most 28 × 22 characters a page, in paragraphs of ~600 characters.
    let blocks = (0..30)
        .map(|i| match i % 10 {
            0 => Block {
                kind: BlockKind::Heading1,
                text: "一、突出政治建设，切实树牢“四个意识”".into(),
                figure: None,
            },
            5 => Block {
                kind: BlockKind::Heading2,
                text: "（一）加强党建引领，凝心聚力谋发展".into(),
                figure: None,
            },
            _ => Block::paragraph(long_text(28 * 22 + 40)),
        })
        .collect();
    issue.articles.insert(
        0,
        Article {
            headline: vec![
                "市科协参加中国科协“科技服务团”启动".into(),
                "暨产学研用协同创新联盟在线签约仪式".into(),
                "温州2项目成功签约".into(),
                "堃喆镕𠀋等罕用字进入标题".into(),
                "第五行标题".into(),
            ],
            toc_text: None,
            blocks,
            byline: Some("叶贤挺".into()),
            byline_parens: Default::default(),
        },
    );
    issue.articles.push(Article {
        headline: vec![],
        toc_text: None,
        blocks: vec![],
        byline: None,
        byline_parens: Default::default(),
    });
    issue.articles.push(Article {
        headline: vec!["只有标题的文章".into()],
        toc_text: Some("要目短文字".into()),
        blocks: vec![],
        byline: None,
        byline_parens: Default::default(),
    });
    issue.briefs = (0..300)
        .map(|i| Brief {
            date_text: format!("4月{}日", i % 30 + 1),
            text: long_text(20 + (i * 37) % 150),
            source: Some(["叶贤挺", "市科协", "陈喆"][i % 3].into()),
            source_parens: Default::default(),
            style: Default::default(),
        })
        .collect();
    issue
}

fn check_on_grid(doc: &Document, issue: &Issue) {
    let top = 37.0 * MM;
    let (left, right) = (28.0 * MM, 184.0 * MM);
    for p in &doc.pages {
        for l in &p.lines {
            let first = l.glyphs.first().expect("no empty line");
            let last = l.glyphs.last().unwrap();
            let end = last.x.0 + l.size.0 * fonts().advance_em(last.face, last.ch);
            if l.element == Element::PageNumber {
                continue;
            }
            assert!(
                first.x.0 >= left - 0.01 && end <= right + 0.01,
                "{}",
                l.text()
            );
            let cells = (l.size.0 / PITCH).ceil();
            let em_top = l.baseline.0 - 0.88 * l.size.0;
            let cell = (em_top - (cells * PITCH - l.size.0) / 2.0 - top) / PITCH;
            assert!((cell - cell.round()).abs() < 1e-3, "off grid: {}", l.text());
            assert!(cell.round() >= 0.0 && cell.round() + cells <= 22.0);
        }
    }
    // Line breaking (docs/layout.md §8): no forbidden start or end, no split number or Latin word,
    // 「……」 and 「——」 whole.
    let lines: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| matches!(l.element, Element::Body | Element::Brief))
        .map(|l| l.text())
        .collect();
    let source = serde_json::to_string(issue).unwrap();
    let words: Vec<&str> = source
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for w in lines.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (end, start) = (a.chars().last().unwrap(), b.chars().next().unwrap());
        assert!(
            !"，。、；：？！）」』】〉》〕］｝”’…—～·％%‰,.;:?!)]}".contains(start),
            "{b}"
        );
        assert!(!"（「『【〈《〔［｛“‘([{".contains(end), "{a}");
        // A Latin word or number at a line's edge is one of the source's whole words.
        let tail: String = a
            .chars()
            .rev()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let tail: String = tail.chars().rev().collect();
        let head: String = b.chars().take_while(char::is_ascii_alphanumeric).collect();
        for w in [tail, head] {
            assert!(w.is_empty() || words.contains(&w.as_str()), "{w}: {a}|{b}");
        }
        assert!(
            !(end.is_ascii_digit() && "年月日个人场万".contains(start)),
            "{a}|{b}"
        );
    }
}

#[test]
fn the_stress_issue_lays_out_on_the_grid() {
    let issue = stress_issue();
    assert!(coverage::check(&issue, fonts()).is_empty());
    let doc = layout(&issue, fonts()).expect("lays out");
    assert!(doc.pages.len() > 60, "{} pages", doc.pages.len());
    check_on_grid(&doc, &issue);
    assert_eq!(document_text(&doc), expected_text(&issue));
    // The rare characters come from the fallback face.
    let rare: Vec<_> = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.glyphs)
        .filter(|g| "堃喆镕𠀋".contains(g.ch))
        .collect();
    assert!(rare.len() > 100);
    assert!(rare.iter().all(|g| g.face == FaceId::NotoSerifSc));
    // The five-line headline stays on one page with two body lines after it.
    let p = doc
        .pages
        .iter()
        .find(|p| p.lines.iter().any(|l| l.text() == "第五行标题"))
        .unwrap();
    let i = p
        .lines
        .iter()
        .position(|l| l.text() == "第五行标题")
        .unwrap();
    assert_eq!(
        p.lines[i - 4..i]
            .iter()
            .filter(|l| l.element == Element::Headline)
            .count(),
        4
    );
    assert!(p.lines[i + 1..i + 3]
        .iter()
        .all(|l| matches!(l.element, Element::Heading1 | Element::Body)));
    // The article without a headline has no TOC entry; the one with a TOC text shows it.
    let toc: Vec<String> = doc.pages[0]
        .lines
        .iter()
        .filter(|l| l.element == Element::TocEntry)
        .map(|l| l.text())
        .collect();
    assert!(toc.iter().all(|t| t.chars().count() > 1), "{toc:?}");
    assert_eq!(toc.iter().filter(|t| t.starts_with('◆')).count(), 8);
    assert_eq!(toc.last().unwrap(), "◆要目短文字");
    // Every page is numbered, and the closing block is on the last.
    for (k, p) in doc.pages.iter().enumerate() {
        let n = p
            .lines
            .iter()
            .filter(|l| l.element == Element::PageNumber)
            .count();
        assert_eq!(n, 1, "page {}", k + 1);
    }
    assert!(doc
        .pages
        .last()
        .unwrap()
        .lines
        .iter()
        .any(|l| l.element == Element::Closing));
}

#[test]
fn an_issue_with_nothing_but_a_masthead_lays_out() {
    let mut issue = sample_issue();
    issue.articles.clear();
    issue.briefs.clear();
    issue.closing = Closing::default();
    let doc = layout(&issue, fonts()).unwrap();
    assert_eq!(doc.pages.len(), 1);
    assert!(doc.pages[0].frames.is_empty());
    check_on_grid(&doc, &issue);
}

#[test]
fn a_closing_block_without_room_goes_to_the_foot_of_a_new_page() {
    let mut issue = sample_issue();
    let cell = |l: &bulletin::page::TextLine| {
        ((l.baseline.0 - 0.88 * l.size.0 - (PITCH - l.size.0) / 2.0 - 37.0 * MM) / PITCH).round()
            as i32
    };
    // Add briefs until the last page's text meets the closing block.
    for _ in 0..60 {
        let doc = layout(&issue, fonts()).unwrap();
        let page = doc.pages.last().unwrap();
        let rows: Vec<i32> = page
            .lines
            .iter()
            .filter(|l| l.element == Element::Closing)
            .map(cell)
            .collect();
        assert_eq!(rows, [19, 20, 21]);
        let text: Vec<i32> = page
            .lines
            .iter()
            .filter(|l| !matches!(l.element, Element::Closing | Element::PageNumber))
            .map(cell)
            .collect();
        assert!(text.iter().all(|&c| c < 19), "{text:?}");
        if text.is_empty() {
            // The previous page is too full for it.
            let prev = &doc.pages[doc.pages.len() - 2];
            let end = prev
                .lines
                .iter()
                .filter(|l| l.element == Element::Brief)
                .map(cell)
                .max();
            assert!(end.unwrap() > 21 - 3, "{end:?}");
            return;
        }
        issue.briefs.push(Brief {
            date_text: "4月30日".into(),
            text: "市科协召开会议。".into(),
            source: None,
            source_parens: Default::default(),
            style: Default::default(),
        });
    }
    panic!("the closing block never moved to a page of its own");
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it_and_its_place() {
    let mut issue = sample_issue();
    issue.articles[2].blocks[1].text.push_str("这是𪚥字。");
    let missing = coverage::check(&issue, fonts());
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].ch, '𪚥');
    assert_eq!(missing[0].code_point, "U+2A6A5");
    assert_eq!(missing[0].place, "第3篇文章 第2段");
    match layout(&issue, fonts()) {
        Err(LayoutError::MissingGlyphs(m)) => assert_eq!(m, missing),
        other => panic!("{other:?}"),
    }
    let message = layout(&issue, fonts()).unwrap_err().to_string();
    for part in ["𪚥", "U+2A6A5", "第3篇文章 第2段"] {
        assert!(message.contains(part), "{message}");
    }
}

/// The stress issue's PDF measured as a proofreader would (pdfcheck.py): no 孤字, no name cut in
/// two, no headline broken inside quotes or words (docs/layout.md §4.1, §8.2, §8.3).
#[test]
fn the_stress_issue_has_nothing_a_proofreader_marks() {
    let issue = stress_issue();
    let doc = layout(&issue, fonts()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("stress.pdf");
    bulletin::pdf::write(&doc, fonts(), &Default::default(), &pdf).unwrap();
    let source = dir.path().join("source.txt");
    std::fs::write(&source, expected_text(&issue)).unwrap();
    let r = pdfcheck::pdfcheck(&pdf, &source);
    let show = serde_json::to_string_pretty(&r).unwrap();
    assert_eq!(r["single_char_last_lines"], 0, "{show}");
    assert_eq!(r["split_parentheticals"], 0, "{show}");
    assert_eq!(r["headline_breaks_in_quotes"], 0, "{show}");
    assert_eq!(r["headline_breaks_in_words"], 0, "{show}");
    assert_eq!(r["kinsoku_start_violations"], 0, "{show}");
    assert_eq!(r["kinsoku_end_violations"], 0, "{show}");
}

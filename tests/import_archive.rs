//! Past issues of the same bulletin that the importer was not written against: written by hand in the
//! archive's format (tests/data/), with the features the sample lacks — headings 一、/（一）, a headline
//! on two physical lines, split bylines, date ranges, a closing block, GBK with CRLF, a UTF-8 BOM with
//! full-width indents and page numbers, and an older issue without 本期要目.

use std::path::Path;

use bulletin::import::read_path;
use bulletin::model::{BlockKind, Issue};
use chrono::NaiveDate;

fn import(name: &str) -> Issue {
    let path = Path::new("tests/data").join(name);
    read_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn kinds(issue: &Issue, article: usize) -> Vec<BlockKind> {
    issue.articles[article]
        .blocks
        .iter()
        .map(|b| b.kind)
        .collect()
}

fn headlines(issue: &Issue) -> Vec<Vec<&str>> {
    issue
        .articles
        .iter()
        .map(|a| a.headline.iter().map(String::as_str).collect())
        .collect()
}

fn bylines(issue: &Issue) -> Vec<&str> {
    issue
        .articles
        .iter()
        .map(|a| a.byline.as_deref().unwrap_or("-"))
        .collect()
}

fn briefs(issue: &Issue) -> Vec<(&str, &str)> {
    issue
        .briefs
        .iter()
        .map(|b| (b.date_text.as_str(), b.source.as_deref().unwrap_or("-")))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn december_2019_with_headings_and_a_closing_block() {
    let issue = import("issue-2019-12-237.txt");
    let m = &issue.masthead;
    assert_eq!(
        (m.number.get(), m.total_number.get(), m.date),
        (12, 237, date(2019, 12, 31))
    );
    assert_eq!(m.editor, "温州市科学技术协会编");
    assert_eq!(
        headlines(&issue),
        [
            vec!["市科协召开十届五次全体委员会议", "暨2020年工作务虚会"],
            vec!["温州市首届青少年科技创新大赛", "颁奖仪式举行"],
            vec!["市科协开展“科技工作者日”走访慰问活动"],
            vec!["市科协举办AI与Python编程公益讲座"],
        ]
    );
    assert_eq!(bylines(&issue), ["叶贤挺", "潘晓东", "林素芬", "周婷婷"]);
    use BlockKind::*;
    assert_eq!(
        kinds(&issue, 0),
        [
            Paragraph, Heading1, Paragraph, Heading2, Paragraph, Heading2, Paragraph, Heading1,
            Paragraph, Paragraph
        ]
    );
    let a = &issue.articles[0];
    assert_eq!(a.blocks[1].text, "一、2019年工作回顾");
    assert_eq!(a.blocks[3].text, "（一）峰会筹办取得圆满成功");
    assert!(
        a.blocks[6].text.ends_with("提供了有力的科学素质支撑。"),
        "{}",
        a.blocks[6].text
    );
    // Cut paragraphs joined (one ending mid-word, one ending with a comma).
    assert_eq!(kinds(&issue, 1), [Paragraph; 3]);
    assert!(issue.articles[1].blocks[1]
        .text
        .contains("《一种可调节高度的课桌椅》"));
    assert_eq!(kinds(&issue, 2), [Paragraph; 3]);
    assert!(issue.articles[2].blocks[2]
        .text
        .ends_with("长效机制，切实为科技工作者办实事、解难题。"));
    // Latin text keeps its own spaces.
    assert!(issue.articles[3].blocks[1]
        .text
        .contains("从最简单的Hello World程序讲起"));
    assert_eq!(
        briefs(&issue),
        [
            ("12月2日—6日", "市科协"),
            ("12月10日-11日", "赵理恒"),
            ("12月16日", "市科协"),
            ("12月18日上午", "叶贤挺"),
            ("12月27日", "刘诗梦"),
        ]
    );
    assert_eq!(
        issue.briefs[2].text,
        ",市科协党组召开“不忘初心、牢记使命”主题教育专题民主生活会。"
    );
    let c = &issue.closing;
    assert_eq!(
        c.report_to.as_deref(),
        Some("中国科协，省科协，市委、市人大、市政府、市政协领导")
    );
    assert_eq!(
        c.send_to.as_deref(),
        Some("市委办公室，市人大常委会办公室，市政府办公室，市政协办公室，市委组织部，市委宣传部，市科技局")
    );
    assert_eq!(
        c.distribute_to.as_deref(),
        Some("各县（市、区）科协，市级学会（协会、研究会），各高校科协")
    );
    assert_eq!(c.copies.map(|n| n.get()), Some(120));
}

#[test]
fn january_2021_saved_in_gbk_with_crlf() {
    let bytes = std::fs::read("tests/data/issue-2021-01-254-gbk.txt").unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test file must really be GBK"
    );
    let issue = import("issue-2021-01-254-gbk.txt");
    let m = &issue.masthead;
    assert_eq!(
        (m.number.get(), m.total_number.get(), m.date),
        (1, 254, date(2021, 1, 29))
    );
    assert_eq!(m.name, "温州科协信息");
    assert_eq!(
        headlines(&issue),
        [
            vec!["市科协召开2021年工作会议"],
            vec!["我市3个项目入选", "中国科协“科创中国”试点城市建设重点项目"],
            vec!["温州科技馆推出寒假系列科普活动"],
        ]
    );
    assert_eq!(bylines(&issue), ["叶贤挺", "王刚", "夏细绸"]);
    use BlockKind::*;
    assert_eq!(
        kinds(&issue, 0),
        [Paragraph, Heading2, Paragraph, Heading2, Paragraph, Paragraph]
    );
    assert!(issue.articles[0].blocks[4]
        .text
        .ends_with("营造崇尚科学、勇于创新的良好社会氛围。"));
    assert_eq!(
        briefs(&issue),
        [
            ("1月4日—8日", "市科协"),
            ("1月12日", "刘诗梦"),
            ("1月下旬", "范成武")
        ]
    );
    assert_eq!(issue.closing.send_to.as_deref(), Some("省科协办公室"));
    assert_eq!(
        issue.closing.distribute_to.as_deref(),
        Some("各县（市、区）科协，市级学会")
    );
    assert_eq!(issue.closing.report_to, None);
    assert_eq!(issue.closing.copies.map(|n| n.get()), Some(100));
}

#[test]
fn january_2020_with_bom_indents_page_numbers_and_shared_masthead_lines() {
    let issue = import("issue-2020-01-242-bom.txt");
    let m = &issue.masthead;
    assert_eq!(m.name, "温州科协信息");
    assert_eq!(
        (m.number.get(), m.total_number.get(), m.date),
        (1, 242, date(2020, 1, 22))
    );
    assert_eq!(m.editor, "温州市科学技术协会编");
    assert_eq!(
        headlines(&issue),
        [
            vec!["市科协召开党组（扩大）会议 部署春节前后重点工作"],
            vec!["全市科协系统迎新春科普下乡活动启动"],
            vec!["温州市科学技术协会第十次代表大会", "第四次全体会议召开"],
        ]
    );
    assert_eq!(bylines(&issue), ["叶贤挺", "范成武", "王刚"]);
    use BlockKind::*;
    // Unnumbered sub-titles in an article without numbered headings are top-level headings.
    assert_eq!(
        kinds(&issue, 0),
        [Paragraph, Paragraph, Heading1, Paragraph, Heading1, Paragraph]
    );
    assert_eq!(issue.articles[0].blocks[2].text, "抓好安全生产");
    // The page number 「— 2 —」 is gone and the paragraph across the page is one.
    assert_eq!(kinds(&issue, 1), [Paragraph]);
    assert!(issue.articles[1].blocks[0]
        .text
        .contains("陆续开展形式多样的科普下乡活动"));
    assert!(issue.briefs.is_empty());
    assert_eq!(
        issue.closing.distribute_to.as_deref(),
        Some("各县（市、区）科协")
    );
    assert_eq!(issue.closing.copies.map(|n| n.get()), Some(80));
}

#[test]
fn june_2018_without_a_table_of_contents() {
    let issue = import("issue-2018-06-218-no-toc.txt");
    let m = &issue.masthead;
    assert_eq!(
        (m.number.get(), m.total_number.get(), m.date),
        (6, 218, date(2018, 6, 29))
    );
    assert_eq!(m.editor, "温州市科学技术协会编");
    assert_eq!(
        headlines(&issue),
        [
            vec!["市科协举办全国科技工作者日座谈会"],
            vec!["2018年全国科普日温州活动", "筹备工作启动"],
        ]
    );
    assert_eq!(bylines(&issue), ["叶贤挺", "林素芬"]);
    assert!(issue.articles[0].blocks[1]
        .text
        .ends_with("等方面的意见建议15条。"));
    assert_eq!(
        briefs(&issue),
        [("6月8日", "市科协"), ("6月21日—22日", "赵理恒")]
    );
    assert_eq!(
        issue.closing.report_to.as_deref(),
        Some("省科协，市委、市政府领导")
    );
}

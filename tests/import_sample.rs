//! The sample issue (the office's archive text of 《温州科协信息》 2020年第4期) imports to its structure.
//! Expectations are read off the sample text itself (tests/data/issue-2020-04-245.txt).

use std::path::Path;

use bulletin::import::{parse_text, read_path};
use bulletin::json;
use bulletin::model::{BlockKind, Issue};
use chrono::NaiveDate;

const SAMPLE: &str = "tests/data/issue-2020-04-245.txt";

fn sample() -> Issue {
    read_path(Path::new(SAMPLE)).expect("the sample imports")
}

/// All the text of an article's blocks.
fn paragraphs(issue: &Issue) -> Vec<&str> {
    issue
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.text.as_str()))
        .collect()
}

#[test]
fn masthead() {
    let m = sample().masthead;
    assert_eq!(m.name, "温州科协信息");
    assert_eq!(m.number.get(), 4);
    assert_eq!(m.total_number.get(), 245);
    assert_eq!(m.editor, "温州市科学技术协会编");
    assert_eq!(m.date, NaiveDate::from_ymd_opt(2020, 4, 30).unwrap());
}

#[test]
fn six_articles_with_their_bylines_and_headlines() {
    let issue = sample();
    let bylines: Vec<Option<&str>> = issue.articles.iter().map(|a| a.byline.as_deref()).collect();
    assert_eq!(
        bylines,
        [
            Some("叶贤挺"),
            Some("叶贤挺"),
            Some("叶贤挺"),
            Some("王刚"),
            Some("朱哲汝"),
            Some("赵理恒")
        ]
    );
    // The space after 峰会 is not in the TOC entry: the headline breaks there.
    assert_eq!(
        issue.articles[0].headline,
        ["市政府专题研究2020世界青年科学家峰会", "筹备进展情况"]
    );
    assert_eq!(
        issue.articles[1].headline,
        ["省科协、北欧创新中心来温对接峰会筹备工作"]
    );
    // A clause space that the TOC entry has too stays inside the line.
    assert_eq!(
        issue.articles[2].headline,
        ["温州市激扬温州人精神大会召开 市科协获多项表彰"]
    );
    // Break after 启动 (not in the TOC); 「温州 2 项目」 vs 「温州2项目」 is only extraction spacing.
    assert_eq!(
        issue.articles[3].headline,
        [
            "市科协参加中国科协“科技服务团”启动",
            "暨产学研用协同创新联盟在线签约仪式 温州2项目成功签约"
        ]
    );
    assert_eq!(issue.articles[4].headline, ["市科协召开党建工作部署会议"]);
    assert_eq!(
        issue.articles[5].headline,
        ["市科协赴县（市）调研指导2020世界青年科学家峰会筹备工作"]
    );
    // The TOC is derived from the headlines and reads as the sample's TOC, spaces tidied.
    assert_eq!(
        issue.toc(),
        [
            "市政府专题研究2020世界青年科学家峰会筹备进展情况",
            "省科协、北欧创新中心来温对接峰会筹备工作",
            "温州市激扬温州人精神大会召开 市科协获多项表彰",
            "市科协参加中国科协“科技服务团”启动暨产学研用协同创新联盟在线签约仪式 温州2项目成功签约",
            "市科协召开党建工作部署会议",
            "市科协赴县（市）调研指导2020世界青年科学家峰会筹备工作",
        ]
    );
    assert!(issue.articles.iter().all(|a| a.toc_text.is_none()));
}

#[test]
fn paragraphs_cut_by_page_breaks_are_joined() {
    let issue = sample();
    let all = paragraphs(&issue);
    let containing =
        |s: &str| -> Vec<&str> { all.iter().copied().filter(|p| p.contains(s)).collect() };
    // Each join: the paragraph holding the words on both sides of the break exists once.
    for across in [
        "的一个品牌、浙江及温州",
        "系列生命健康子论坛",
        "2019年度全面从严治党",
        "项目合作方（中国汽车工程学会",
        "致2019年世界青年科学家峰会贺信",
        "10个创新联盟，100个项目",
    ] {
        assert_eq!(containing(across).len(), 1, "{across} is not one paragraph");
    }
    // Article 1: five paragraphs (the cut one counted once), byline removed from the text.
    assert_eq!(issue.articles[0].blocks.len(), 5);
    assert_eq!(issue.articles[5].blocks.len(), 4);
    // No paragraph is left ending mid-sentence.
    for p in &all {
        assert!(
            p.ends_with(['。', '：', '”']),
            "paragraph left unfinished: …{}",
            p.chars().rev().take(10).collect::<String>()
        );
    }
    assert!(issue
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .all(|b| b.kind == BlockKind::Paragraph));
}

#[test]
fn bylines_leave_the_text() {
    let issue = sample();
    for p in paragraphs(&issue) {
        assert!(
            !p.ends_with('）') && !p.ends_with(')'),
            "byline left in: {p}"
        );
    }
    assert!(issue.articles[1].blocks[3]
        .text
        .ends_with("温州职业技术学院副校长王志梅参加座谈。"));
}

#[test]
fn extraction_spaces_are_removed() {
    let issue = sample();
    let p = &issue.articles[2].blocks[0].text;
    assert!(
        p.starts_with("4月16日上午，全市激扬温州人精神大会召开。市科协获2019年度考绩优秀单位"),
        "{p}"
    );
    let p = &issue.articles[5].blocks[0].text;
    assert!(
        p.contains("办好2020世界青年科学家峰会活动，4月15日-16日，市科协副主席戴维文一行3人"),
        "{p}"
    );
    for p in paragraphs(&issue) {
        assert!(!p.contains(' '), "space left in: {p}");
    }
}

#[test]
fn eight_briefs() {
    let issue = sample();
    assert_eq!(issue.briefs.len(), 8);
    let dates: Vec<&str> = issue.briefs.iter().map(|b| b.date_text.as_str()).collect();
    assert_eq!(
        dates,
        [
            "4月7日",
            "4月17日",
            "4月27日",
            "4月28日",
            "4月29日",
            "4月9日—27日",
            "4月29日",
            "4月30日"
        ]
    );
    let sources: Vec<Option<&str>> = issue.briefs.iter().map(|b| b.source.as_deref()).collect();
    assert_eq!(
        sources,
        [
            Some("叶贤挺"),
            Some("夏细绸"),
            Some("赵理恒"),
            Some("市科协"),
            Some("市科协"),
            Some("范成武"),
            Some("刘诗梦"),
            Some("市科协")
        ]
    );
    // The usual 「，」 after the date is implied; the half-width 「,」 as written is kept.
    assert_eq!(
        issue.briefs[0].text,
        "市委组织部（人才办）、鹿城区区长白洪楞一行到市科协对接2020青年峰会。"
    );
    assert_eq!(
        issue.briefs[1].text,
        "温州科技馆接待平阳科技馆一行参观交流。"
    );
    assert_eq!(
        issue.briefs[2].text,
        ",市科协赴乐清洽谈科技经济融合项目合作事宜。"
    );
    assert_eq!(
        issue.briefs[0].paragraph_text(),
        "4月7日，市委组织部（人才办）、鹿城区区长白洪楞一行到市科协对接2020青年峰会。（叶贤挺）"
    );
    assert!(issue.closing.is_empty());
}

#[test]
fn json_round_trip_is_identical() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let issue = parse_text(&text).unwrap();
    let first = json::to_string(&issue);
    let again = json::to_string(&json::from_str(&first).unwrap());
    assert_eq!(first, again);
    // And the JSON file reads back through the same door as text files.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("issue.json");
    std::fs::write(&path, &first).unwrap();
    assert_eq!(read_path(&path).unwrap(), issue);
}

#[test]
fn the_same_text_in_other_encodings_and_line_ends() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let expected = parse_text(&text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: Vec<u8>| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    for path in [
        write("gbk.txt", gbk.into_owned()),
        write("bom.txt", bom),
        write("crlf.txt", text.replace('\n', "\r\n").into_bytes()),
        write("utf16.txt", utf16),
    ] {
        assert_eq!(read_path(&path).unwrap(), expected, "{}", path.display());
    }
}

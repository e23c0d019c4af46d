//! 本期要目 entries in other offices' styles: leaders and page numbers go before matching, entries
//! naming a section match the section, and an entry that matches nothing is reported and left out
//! (never moved into an article). Inputs and expectations written by hand.

use bulletin::import::{parse_text_report, WarningKind};

const MASTHEAD: &str = "温州科协信息\n第4期\n（总第245期）\n温州市科学技术协会编\n2020年4月30日\n";

const BODY: &str =
    "市科协召开党建工作部署会议\n\n4月2日，市科协召开党建工作部署会议。（叶贤挺）\n\n\
市科协赴县调研指导峰会筹备工作\n\n4月9日，市科协赴瑞安调研。（市科协学会部）\n\n\
简讯\n\n4月7日，市科协对接峰会筹备工作。（叶贤挺）\n\n报：省科协\n";

#[test]
fn leaders_page_numbers_and_section_entries_match_without_a_warning() {
    for toc in [
        "本期要目\n◆市科协召开党建工作部署会议…………１\n◆市科协赴县调研指导峰会筹备工作……２\n◆【简讯】…………４\n",
        "本期要目\n市科协召开党建工作部署会议 ........ 1\n市科协赴县调研指导峰会筹备工作 . . . . 2\n【简讯】…………４\n",
        "本期要目\n★市科协召开党建工作部署会议．．．．．１\n★市科协赴县调研指导峰会筹备工作·····3\n★简讯\n",
        "本期要目\n◆市科协召开党建工作部署会议　　１\n◆◆简讯◆　　４\n◆市科协赴县调研指导峰会筹备工作　　２\n",
        "本期要目\n·市科协召开党建工作部署会议·····(1)\n·市科协赴县调研指导峰会筹备工作·····（２）\n·简讯·····(4)\n",
        "目  录\n◆ 市科协召开党建工作部署会议 ………… 第1页\n◆ 市科协赴县调研指导峰会筹备工作 ………… 第2页\n◆ 简　讯 ………… 第4页\n",
        "本期要目\n市科协召开党建工作部署会议\t\t1\n市科协赴县调研指导峰会筹备工作\t2\n〖简讯〗\t4\n",
        "本期要目\n1．市科协召开党建工作部署会议……………１\n2．市科协赴县调研指导峰会筹备工作… … … ２\n3．简讯………４\n",
    ] {
        let text = format!("{MASTHEAD}{toc}{BODY}");
        let parsed = parse_text_report(&text).unwrap();
        let issue = &parsed.issue;
        assert!(parsed.warnings.is_empty(), "{toc}: {:?}", parsed.warnings);
        let headlines: Vec<String> = issue.articles.iter().map(|a| a.headline.concat()).collect();
        assert_eq!(
            headlines,
            ["市科协召开党建工作部署会议", "市科协赴县调研指导峰会筹备工作"],
            "{toc}"
        );
        // The TOC prints the headlines, not the old page numbers.
        assert!(issue.articles.iter().all(|a| a.toc_text.is_none()), "{toc}");
        assert_eq!(
            issue.articles[0].blocks[0].text,
            "4月2日，市科协召开党建工作部署会议。",
            "{toc}"
        );
        assert_eq!(issue.briefs.len(), 1, "{toc}");
    }
}

#[test]
fn an_entry_that_matches_nothing_is_reported_and_left_out() {
    // Entry 2's article was dropped from the issue; entry 3 names 简讯, which this issue has.
    let toc = "本期要目\n◆市科协召开党建工作部署会议……1\n◆苍南县科协开展院士专家企业行……2\n\
◆市科协赴县调研指导峰会筹备工作……3\n◆【简讯】……4\n";
    let body = "市科协召开党建工作部署会议\n\n4月2日，市科协召开党建工作部署会议。（叶贤挺）\n\n\
市科协赴县调研指导峰会筹备工作\n\n4月9日，市科协赴瑞安调研。（市科协学会部）\n\n\
简讯\n\n4月7日，市科协对接峰会筹备工作。（叶贤挺）\n\n报：省科协\n";
    let parsed = parse_text_report(&format!("{MASTHEAD}{toc}{body}")).unwrap();
    let issue = &parsed.issue;
    assert_eq!(issue.articles.len(), 2);
    assert_eq!(
        issue.articles[0].blocks.len(),
        1,
        "{:?}",
        issue.articles[0].blocks
    );
    assert!(issue
        .articles
        .iter()
        .flat_map(|a| &a.blocks)
        .all(|b| !b.text.contains("苍南县科协")));
    let reported: Vec<(usize, String)> = parsed
        .warnings
        .iter()
        .map(|w| (w.line, w.to_string()))
        .collect();
    // Line 8 of the file: masthead 5 lines, 本期要目, entry 1, entry 2.
    assert_eq!(reported.len(), 1, "{reported:?}");
    assert_eq!(reported[0].0, 8);
    assert!(
        reported[0]
            .1
            .contains("本期要目第2条「苍南县科协开展院士专家企业行」")
            && reported[0].1.contains("未导入"),
        "{}",
        reported[0].1
    );
}

#[test]
fn an_entry_naming_a_section_the_issue_lacks_is_reported() {
    let toc = "本期要目\n◆市科协召开党建工作部署会议……1\n◆图片新闻……2\n";
    let body = "市科协召开党建工作部署会议\n\n4月2日，市科协召开党建工作部署会议。（叶贤挺）\n\n报：省科协\n";
    let parsed = parse_text_report(&format!("{MASTHEAD}{toc}{body}")).unwrap();
    assert_eq!(parsed.issue.articles.len(), 1);
    assert_eq!(parsed.issue.articles[0].blocks.len(), 1);
    let kinds: Vec<(usize, &WarningKind)> =
        parsed.warnings.iter().map(|w| (w.line, &w.kind)).collect();
    assert_eq!(
        kinds,
        [(
            8,
            &WarningKind::TocSectionMissing {
                text: "图片新闻".into()
            }
        )]
    );
}

//! The lint's rules, each on its case and its fix.
use super::*;
use crate::model::{Article, Block, Brief, BriefStyle, Closing, IssueNumber, Status, TotalNumber};
use chrono::NaiveDate;

fn issue_with(paragraphs: &[&str]) -> Issue {
    Issue {
        masthead: Masthead {
            name: "温州科协信息".into(),
            number: IssueNumber::new(4).unwrap(),
            total_number: TotalNumber::new(245).unwrap(),
            editor: "温州市科学技术协会编".into(),
            date: NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
        },
        articles: vec![Article {
            headline: vec!["市科协召开党建工作部署会议".into()],
            toc_text: None,
            blocks: paragraphs.iter().map(|p| Block::paragraph(*p)).collect(),
            byline: Some("朱哲汝".into()),
            byline_parens: Default::default(),
        }],
        briefs: vec![],
        closing: Closing::default(),
        status: Status::Draft,
        images: Default::default(),
    }
}

fn rules(text: &str) -> Vec<Rule> {
    check(&issue_with(&[text]), None)
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn correct_text_has_no_finding() {
    for ok in [
        "4月29日，温州市科协召开党建工作部署会议，认真总结回顾2019年党建工作。",
        "以贯彻落实《中国共产党党和国家机关基层组织工作条例》为契机，形成“一对多”“多对一”服务网格。",
        "4月9日—27日，市科协推出三期“农技云培训”——助力春耕。",
        "4月15日—16日，会议于10:30开始，Hello, World (test) 不算中文标点。",
        // One space between the phrases of a slogan in quotes is the convention.
        "市科协举办“科技惠企 创新赋能”主题活动。",
        // A hyphen that joins no dates: a standard's number, a model number.
        "依据GB/T 15834-2011，型号X-12。",
        "2020年4月30日印发。",
    ] {
        assert_eq!(rules(ok), vec![], "{ok}");
    }
}

#[test]
fn each_rule_finds_its_case_and_fixes_it() {
    let cases: [(&str, Rule, &str); 13] = [
        (
            "4月27日,市科协赴乐清。",
            Rule::HalfWidthPunctuation,
            "4月27日，市科协赴乐清。",
        ),
        (
            "会议要求:一要牢记使命。",
            Rule::HalfWidthPunctuation,
            "会议要求：一要牢记使命。",
        ),
        ("参加会议。。", Rule::DoubledPunctuation, "参加会议。"),
        ("科技—助力发展。", Rule::SingleDash, "科技——助力发展。"),
        ("签约２项。", Rule::FullWidthAlphanumeric, "签约2项。"),
        (
            "于２０２４年召开。",
            Rule::FullWidthAlphanumeric,
            "于2024年召开。",
        ),
        (
            "推广ＡＩ技术。",
            Rule::FullWidthAlphanumeric,
            "推广AI技术。",
        ),
        (
            "投入１．５亿元。",
            Rule::FullWidthAlphanumeric,
            "投入1.5亿元。",
        ),
        (
            "建成５Ｇ基站。",
            Rule::FullWidthAlphanumeric,
            "建成5G基站。",
        ),
        ("于2020-4-30召开。", Rule::DateForm, "于2020年4月30日召开。"),
        (
            "于2020.04.30召开。",
            Rule::DateForm,
            "于2020年4月30日召开。",
        ),
        ("于04月召开。", Rule::DateForm, "于4月召开。"),
        (
            "市科协 召开会议。",
            Rule::SpaceBetweenHan,
            "市科协召开会议。",
        ),
    ];
    for (text, rule, fixed) in cases {
        let mut issue = issue_with(&[text]);
        let found = check(&issue, None);
        assert_eq!(
            found.iter().map(|f| f.rule).collect::<Vec<_>>(),
            vec![rule],
            "{text}"
        );
        assert_eq!(found[0].place.label(), "第1篇文章 第1段");
        assert_eq!(apply_all(&mut issue, &found), 1);
        assert_eq!(issue.articles[0].blocks[0].text, fixed);
        assert!(check(&issue, None).is_empty(), "{fixed}");
    }
}

#[test]
fn unpaired_brackets_and_the_mixed_pair_of_the_sample() {
    assert_eq!(rules("（夏细绸"), vec![Rule::UnpairedBracket]);
    assert_eq!(rules("夏细绸）"), vec![Rule::UnpairedBracket]);
    assert_eq!(rules("“一家人”思想"), vec![]);
    // 「（夏细绸)」: one pair, its closing half-width: a half-width finding, not unpaired.
    let mut issue = issue_with(&["温州科技馆接待平阳科技馆一行。（夏细绸)"]);
    let found = check(&issue, None);
    assert_eq!(
        found.iter().map(|f| f.rule).collect::<Vec<_>>(),
        vec![Rule::HalfWidthPunctuation]
    );
    apply_all(&mut issue, &found);
    assert_eq!(
        issue.articles[0].blocks[0].text,
        "温州科技馆接待平阳科技馆一行。（夏细绸）"
    );
}

#[test]
fn bylines_are_checked_in_their_parentheses_as_written() {
    use crate::model::ParenWidth::{Full, Half};
    let mut issue = issue_with(&["温州科技馆接待平阳科技馆一行参观交流。"]);
    issue.articles[0].byline = Some("夏细绸".into());
    issue.articles[0].byline_parens = Parens {
        open: Full,
        close: Half,
    };
    issue.briefs.push(Brief {
        date_text: "4月27日".into(),
        text: "市科协赴乐清。".into(),
        source: Some("赵理恒".into()),
        source_parens: Parens {
            open: Half,
            close: Half,
        },
        style: Default::default(),
    });
    let found = check(&issue, None);
    let seen: Vec<(Rule, String, usize, &str)> = found
        .iter()
        .map(|f| (f.rule, f.place.label(), f.start, f.excerpt.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                Rule::HalfWidthPunctuation,
                "第1篇文章 署名".into(),
                4,
                "（夏细绸)"
            ),
            (
                Rule::HalfWidthPunctuation,
                "第1条简讯 来源".into(),
                0,
                "(赵理恒)"
            ),
            (
                Rule::HalfWidthPunctuation,
                "第1条简讯 来源".into(),
                4,
                "(赵理恒)"
            ),
        ]
    );
    assert_eq!(apply_all(&mut issue, &found), 3);
    assert_eq!(issue.articles[0].byline.as_deref(), Some("夏细绸"));
    assert_eq!(issue.articles[0].byline_parens, Parens::FULL);
    assert_eq!(issue.briefs[0].source.as_deref(), Some("赵理恒"));
    assert_eq!(issue.briefs[0].source_parens, Parens::FULL);
    assert!(check(&issue, None).is_empty());

    // Another fix inside a byline keeps its parentheses apart from the name.
    issue.articles[0].byline = Some("夏 细绸".into());
    let found = check(&issue, None);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, Rule::SpaceBetweenHan);
    assert!(apply(
        &mut issue,
        &found[0].place,
        found[0].fix.as_ref().unwrap()
    ));
    assert_eq!(issue.articles[0].byline.as_deref(), Some("夏细绸"));
    assert_eq!(issue.articles[0].byline_parens, Parens::FULL);
}

#[test]
fn a_clause_space_in_a_headline_is_no_finding() {
    let mut issue = issue_with(&["正文。"]);
    issue.articles[0].headline = vec!["温州市激扬温州人精神大会召开 市科协获多项表彰".into()];
    issue.articles[0].toc_text = Some("大会召开\u{3000}市科协获表彰".into());
    assert!(check(&issue, None).is_empty());
    // Two spaces are one too many, and in body text any space between Han characters is.
    issue.articles[0].headline = vec!["大会召开  市科协获多项表彰".into()];
    issue.articles[0].blocks[0].text = "大会召开 市科协获表彰。".into();
    let found: Vec<String> = check(&issue, None)
        .iter()
        .map(|f| format!("{:?} {}", f.rule, f.place.label()))
        .collect();
    assert_eq!(
        found,
        vec![
            "SpaceBetweenHan 第1篇文章 标题第1行",
            "SpaceBetweenHan 第1篇文章 第1段"
        ]
    );
}

#[test]
fn all_fixes_at_once_in_one_text_keep_offsets_right() {
    let mut issue = issue_with(&["一是,二是:三是。。 四是２。"]);
    let found = check(&issue, None);
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(apply_all(&mut issue, &found), 4);
    assert_eq!(
        issue.articles[0].blocks[0].text,
        "一是，二是：三是。 四是2。"
    );
}

#[test]
fn a_range_of_dates_takes_the_connecting_dash() {
    for (text, at) in [
        ("5月11日-12日，市科协举办培训班。", 5),
        ("5月11日－13日，市科协举办培训班。", 5),
        ("4月15-16日，调研。", 4),
    ] {
        let mut issue = issue_with(&[text]);
        let found = check(&issue, None);
        let ranges: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule == Rule::RangeHyphen)
            .collect();
        assert_eq!(ranges.len(), 1, "{text}: {found:?}");
        assert_eq!(ranges[0].start, at, "{text}");
        assert!(
            ranges[0].message.contains("连接号"),
            "{}",
            ranges[0].message
        );
        apply_all(&mut issue, &found);
        let fixed = &issue.articles[0].blocks[0].text;
        assert_eq!(fixed.chars().nth(at), Some('—'), "{fixed}");
    }
    // A brief's date is fixed in its own field.
    let mut issue = issue_with(&[]);
    issue.briefs.push(Brief {
        date_text: "5月11日-12日".into(),
        text: "市科协举办培训班".into(),
        source: Some("市科协学会部".into()),
        source_parens: Default::default(),
        style: BriefStyle::Title,
    });
    let found = check(&issue, None);
    let rules: Vec<Rule> = found.iter().map(|f| f.rule).collect();
    // The title style has no stop, and is not told to add one.
    assert_eq!(rules, [Rule::RangeHyphen], "{found:?}");
    assert_eq!(found[0].place.label(), "第1条简讯 日期");
    apply_all(&mut issue, &found);
    assert_eq!(issue.briefs[0].date_text, "5月11日—12日");
}

#[test]
fn a_sentence_brief_without_its_stop_is_reported_and_a_title_is_not() {
    let brief = |text: &str, style| Brief {
        date_text: "4月16日".into(),
        text: text.into(),
        source: None,
        source_parens: Default::default(),
        style,
    };
    let mut issue = issue_with(&[]);
    issue
        .briefs
        .push(brief("市科协组织开展筹备工作", BriefStyle::Sentence));
    issue
        .briefs
        .push(brief("市科协组织开展筹备工作", BriefStyle::Title));
    issue.briefs.push(brief(
        "市科协负责人表示：“要抓好落实。”",
        BriefStyle::Sentence,
    ));
    let found = check(&issue, None);
    let seen: Vec<(Rule, String)> = found.iter().map(|f| (f.rule, f.place.label())).collect();
    assert_eq!(seen, [(Rule::MissingStop, "第1条简讯 正文".to_string())]);
    apply_all(&mut issue, &found);
    assert_eq!(issue.briefs[0].text, "市科协组织开展筹备工作。");
    assert_eq!(issue.briefs[1].text, "市科协组织开展筹备工作");
}

#[test]
fn briefs_and_numbers_are_checked() {
    let mut issue = issue_with(&[]);
    issue.briefs.push(Brief {
        date_text: "4月27日".into(),
        text: ",赴乐清。".into(),
        source: Some("赵理恒".into()),
        source_parens: Default::default(),
        style: Default::default(),
    });
    let prev = Masthead {
        total_number: TotalNumber::new(243).unwrap(),
        ..issue.masthead.clone()
    };
    let found = check(&issue, Some(&prev));
    let labels: Vec<String> = found
        .iter()
        .map(|f| format!("{:?} {}", f.rule, f.place.label()))
        .collect();
    assert_eq!(
        labels,
        vec![
            "HalfWidthPunctuation 第1条简讯 正文",
            "TotalNumberSequence 报头 期号"
        ]
    );
    assert!(found[1].message.contains("应为总第244期"));
    // The date before the text, as printed, says which brief it is.
    assert_eq!(found[0].excerpt, "4月27日,赴乐清。");
    let prev = Masthead {
        total_number: TotalNumber::new(244).unwrap(),
        ..issue.masthead.clone()
    };
    assert!(check(&issue, Some(&prev))
        .iter()
        .all(|f| f.rule != Rule::TotalNumberSequence));
}

#[test]
fn full_width_runs_are_one_finding_each_in_headlines_briefs_and_body() {
    let mut issue = issue_with(&["２０２４年，全市建成５Ｇ基站１２００个，推广ＡＩ应用。"]);
    issue.articles[0].headline = vec!["市科协召开２０２４年ＡＩ科普工作会议".into()];
    issue.briefs.push(Brief {
        date_text: "４月７日".into(),
        text: "市科协赴乐清调研。".into(),
        source: None,
        source_parens: Parens::FULL,
        style: BriefStyle::Sentence,
    });
    // The masthead's registered names are left as the office sets them.
    issue.masthead.editor = "温州市科学技术协会编（ＷＺＡＳＴ）".into();
    let found = check(&issue, None);
    let seen: Vec<(String, usize, usize, &str)> = found
        .iter()
        .map(|f| {
            assert_eq!(f.rule, Rule::FullWidthAlphanumeric);
            let fix = f.fix.as_ref().unwrap();
            (f.place.label(), fix.start, fix.len, fix.with.as_str())
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("第1篇文章 标题第1行".to_string(), 5, 4, "2024"),
            ("第1篇文章 标题第1行".to_string(), 10, 2, "AI"),
            ("第1篇文章 第1段".to_string(), 0, 4, "2024"),
            ("第1篇文章 第1段".to_string(), 10, 2, "5G"),
            ("第1篇文章 第1段".to_string(), 14, 4, "1200"),
            ("第1篇文章 第1段".to_string(), 22, 2, "AI"),
            ("第1条简讯 日期".to_string(), 0, 1, "4"),
            ("第1条简讯 日期".to_string(), 2, 1, "7"),
        ]
    );
    assert_eq!(
        found[0].message,
        "全角数字或字母「２０２４」应为半角「2024」"
    );
    assert_eq!(apply_all(&mut issue, &found), 8);
    assert_eq!(
        issue.articles[0].headline[0],
        "市科协召开2024年AI科普工作会议"
    );
    assert_eq!(
        issue.articles[0].blocks[0].text,
        "2024年，全市建成5G基站1200个，推广AI应用。"
    );
    assert_eq!(issue.briefs[0].date_text, "4月7日");
    assert!(check(&issue, None).is_empty());
}

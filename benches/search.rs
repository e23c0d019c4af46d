//! Search speed over an archive of 1,000 generated issues (target: ≤ 20 ms per query, issue 8).
//!
//! Run with `cargo bench --bench search` (release; `cargo test` only runs a small smoke version). The issues are generated deterministically
//! from phrases of the kind a 科协 bulletin is made of: about five articles of several
//! paragraphs and six briefs each, ~7,000 characters per issue. Prints, per query, the number of
//! hits, the median and worst time of a first page of 50 hits with their sentences (the target),
//! and the median time with the sentences of all hits; exits non-zero if a page median is over
//! the target.

use std::time::{Duration, Instant};

use bulletin::model::{
    Article, Block, BlockKind, Brief, Closing, Copies, Issue, IssueNumber, Masthead, Status,
    TotalNumber,
};
use bulletin::store::Store;
use chrono::NaiveDate;

const ISSUES: u32 = 1_000;
const RUNS: usize = 15;
const TARGET: Duration = Duration::from_millis(20);
/// Hits shown with their text, as the archive screen's first page.
const PAGE: usize = 50;

/// A small deterministic generator (xorshift64*), so every run searches the same archive.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WHO: &[&str] = &[
    "市科协",
    "省科协",
    "中国科协",
    "市委组织部",
    "温州医科大学",
    "温州大学",
    "市科技局",
    "各县（市、区）科协",
    "市老科协",
    "温州科技馆",
    "市青少年科技中心",
    "北欧创新中心",
    "中国汽车工程学会",
    "中国复合材料学会",
    "瑞安市科协",
    "乐清市科协",
    "龙港市科协",
];
const DID: &[&str] = &[
    "召开党组理论中心组专题学习会",
    "赴县（市）调研指导峰会筹备工作",
    "举行科技经济融合项目签约仪式",
    "开展“科技服务团”进企业活动",
    "组织院士专家工作站评估",
    "召开全市学会工作会议",
    "举办青少年科技创新大赛",
    "开展全国科技工作者日系列活动",
    "推出“农技云培训”助力春耕复产",
    "对接2020世界青年科学家峰会子活动",
    "召开十届六次常委会议",
    "开展科普志愿服务",
    "组织海智专家对接会",
    "推进“一器一园一基金”建设",
    "举办学术年会",
];
const WHY: &[&str] = &[
    "进一步深化会地合作",
    "推动科技经济大融合",
    "助力民营经济高质量发展",
    "提升全民科学素质",
    "服务创新驱动发展战略",
    "加强基层科协组织建设",
    "打造人才集聚高地",
    "落实市委市政府决策部署",
];
const DETAIL: &[&str] = &[
    "会议传达学习了习近平总书记重要讲话精神，研究部署了下一阶段重点工作",
    "与会人员围绕产业需求、人才引进、平台建设等方面进行了深入交流",
    "双方就合作机制、项目落地和成果转化达成了初步意向",
    "活动共吸引二百余名科技工作者参加，取得了良好的社会反响",
    "要坚持问题导向、需求导向和目标导向，全力做好各项筹备工作",
    "要突出重点区域和产业，围绕电气、鞋革、服装等传统产业开展服务",
    "下一步将建立常态化联络机制，推动更多优质科技资源向基层流动",
    "会上还通报了上半年工作进展情况，并对存在的问题提出了整改要求",
    "参观了企业研发中心和生产车间，详细了解企业技术攻关情况",
    "专家组对泵阀、汽摩配、智能装备等产业的技术瓶颈进行了现场诊断",
];
const PEOPLE: &[&str] = &[
    "叶贤挺",
    "王刚",
    "朱哲汝",
    "赵理恒",
    "夏细绸",
    "范成武",
    "刘诗梦",
    "戴维文",
    "陈晓东",
];

fn paragraph(r: &mut Rng) -> String {
    let mut p = format!(
        "{}月{}日，{}{}，",
        1 + r.below(12),
        1 + r.below(28),
        r.pick(WHO),
        r.pick(DID)
    );
    for _ in 0..2 + r.below(3) {
        p.push_str(r.pick(DETAIL));
        p.push('，');
    }
    p.push_str(&format!("旨在{}。", r.pick(WHY)));
    p
}

fn issue(r: &mut Rng, i: u32) -> Issue {
    let year = 2000 + (i / 12) as i32;
    let month = i % 12 + 1;
    let articles = (0..4 + r.below(3))
        .map(|_| Article {
            headline: vec![format!("{}{}", r.pick(WHO), r.pick(DID))],
            toc_text: None,
            blocks: (0..4 + r.below(5))
                .map(|k| {
                    if k == 2 {
                        Block {
                            kind: BlockKind::Heading1,
                            text: "一、主要做法".into(),
                            figure: None,
                        }
                    } else {
                        Block::paragraph(paragraph(r))
                    }
                })
                .collect(),
            byline: Some(r.pick(PEOPLE).into()),
            byline_parens: Default::default(),
        })
        .collect();
    let briefs = (0..6)
        .map(|_| Brief {
            date_text: format!("{}月{}日", month, 1 + r.below(28)),
            text: format!("{}{}。", r.pick(WHO), r.pick(DID)),
            source: Some(r.pick(PEOPLE).into()),
            source_parens: Default::default(),
            style: Default::default(),
        })
        .collect();
    Issue {
        masthead: Masthead {
            name: "温州科协信息".into(),
            number: IssueNumber::new(month).unwrap(),
            total_number: TotalNumber::new(i + 1).unwrap(),
            editor: "温州市科学技术协会编".into(),
            date: NaiveDate::from_ymd_opt(year, month, 28).unwrap(),
        },
        articles,
        briefs,
        closing: Closing {
            report_to: Some("中国科协，省科协，市委、市人大、市政府、市政协领导".into()),
            send_to: Some("市委办、市府办，各县（市、区）科协".into()),
            distribute_to: Some("各市级学会（协会、研究会），市科协各部门".into()),
            copies: Copies::new(80),
        },
        status: Status::Published,
        images: Default::default(),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; under `cargo test --all-targets` this is an unoptimised
    // smoke run on a small archive with no time budget.
    let measuring = std::env::args().any(|a| a == "--bench");
    let issues = if measuring { ISSUES } else { 50 };
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("bench.sqlite3");
    let mut store = Store::open(&path).expect("store");
    let mut r = Rng(0x5EED_2020_0430_0245);
    // One issue that is the only one with a rare phrase.
    let start = Instant::now();
    let mut chars = 0usize;
    for i in 0..issues {
        let mut issue = issue(&mut r, i);
        if i == issues / 4 {
            issue.articles[0].blocks[0].text =
                "4月16日，市政府召开专题会议，研究首届世界青年科学家峰会筹备工作。".into();
        }
        chars += bulletin::json::to_string(&issue).chars().count();
        store.insert(&issue).expect("insert");
    }
    println!(
        "{} issues generated and stored in {:.1} s (~{} characters of JSON each); database {:.1} MB",
        issues,
        start.elapsed().as_secs_f64(),
        chars / issues as usize,
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );

    let queries = [
        "首届世界青年",  // rare, long: the trigram index answers
        "科技经济融合",  // common, long
        "峰会",          // two characters: no trigram
        "科协",          // two characters, in every issue
        "泵阀 签约",     // two short words together
        "海智专家 乐清", // long and short
        "院",            // one character
        "不存在的词语",  // nothing
        "Xyz",           // Latin, nothing
    ];
    let mut over = Vec::new();
    println!(
        "{:<16} {:>6} {:>14} {:>12} {:>16} {:>14}",
        "query", "hits", "first 50: med", "worst", "all hits: med", "count: med"
    );
    for q in queries {
        let time = |limit: usize| {
            let mut times = Vec::with_capacity(RUNS);
            let mut total = 0;
            for _ in 0..RUNS {
                let t = Instant::now();
                total = store.search_page(q, limit).expect("search").total;
                times.push(t.elapsed());
            }
            times.sort();
            (total, times[RUNS / 2], times[RUNS - 1])
        };
        let (hits, median, worst) = time(PAGE);
        let (_, all_median, _) = time(usize::MAX);
        let (_, count_median, _) = time(0);
        println!(
            "{:<16} {:>6} {:>12.2}ms {:>10.2}ms {:>14.2}ms {:>12.2}ms",
            q,
            hits,
            median.as_secs_f64() * 1e3,
            worst.as_secs_f64() * 1e3,
            all_median.as_secs_f64() * 1e3,
            count_median.as_secs_f64() * 1e3
        );
        if median > TARGET {
            over.push(q);
        }
        // Every query finds the same issues, whether or not all hits get their text.
        assert_eq!(
            store.search(q).expect("search").len(),
            hits,
            "{q}: page total and full search differ"
        );
    }
    if !measuring {
        return;
    }
    if !over.is_empty() {
        eprintln!("over the {} ms target: {over:?}", TARGET.as_millis());
        std::process::exit(1);
    }
    println!("every query within {} ms", TARGET.as_millis());
}

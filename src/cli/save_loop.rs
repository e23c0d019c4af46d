//! `bulletin __save-loop` (hidden): the process the crash-safety test kills. It saves and inserts
//! in turn, printing one line after each transaction has committed:
//! `base ID`, then `saved N` (issue ID now holds save N) and `inserted N ID` (a new issue with
//! 总第N期), until it is killed.

use bulletin::model::{Article, Block, Issue, IssueNumber, Masthead, TotalNumber};
use bulletin::store::Store;
use chrono::NaiveDate;

use super::{say, CliError};

fn issue(n: u32) -> Issue {
    Issue {
        masthead: Masthead {
            name: "温州科协信息".into(),
            number: IssueNumber::new(n % 12 + 1).expect("≥ 1"),
            total_number: TotalNumber::new(n.max(1)).expect("≥ 1"),
            editor: "温州市科学技术协会编".into(),
            date: NaiveDate::from_ymd_opt(2020, 4, 30).expect("a real date"),
        },
        articles: vec![Article {
            headline: vec![format!("第{n}次保存")],
            toc_text: None,
            // Enough text that a save spans several pages, so a kill can land inside one.
            blocks: (0..40)
                .map(|i| Block::paragraph(format!("第{n}次保存的第{i}段。{}", "科协".repeat(60))))
                .collect(),
            byline: Some("测试".into()),
            byline_parens: Default::default(),
        }],
        briefs: Vec::new(),
        closing: Default::default(),
        status: Default::default(),
        images: Default::default(),
    }
}

/// Saves until killed.
pub fn run(store: &mut Store) -> Result<(), CliError> {
    let base = store.insert(&issue(0))?;
    say(format!("base {base}"))?;
    for n in 1u32.. {
        store.save(base, &issue(n))?;
        say(format!("saved {n}"))?;
        let id = store.insert(&issue(n))?;
        say(format!("inserted {n} {id}"))?;
    }
    Ok(())
}

//! The demo issue a first start puts into an empty store: the sample issue 2020 第4期（总第245期）.

use crate::model::Issue;

/// The sample issue as the office's plain-text archive holds it, bundled into the program.
const SAMPLE_TEXT: &str = include_str!("../tests/data/issue-2020-04-245.txt");

/// The demo issue (the bundled sample, read by the plain-text importer).
pub fn issue() -> Issue {
    crate::import::parse_text(SAMPLE_TEXT).expect("the bundled sample issue imports")
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_is_the_sample_issue() {
        let issue = super::issue();
        assert_eq!(
            issue.masthead.title(),
            "温州科协信息 2020年第4期（总第245期）"
        );
        assert_eq!(issue.articles.len(), 6);
        assert_eq!(issue.briefs.len(), 8);
        assert_eq!(issue.articles[0].byline.as_deref(), Some("叶贤挺"));
        assert_eq!(
            issue.articles[0].headline_text(),
            "市政府专题研究2020世界青年科学家峰会筹备进展情况"
        );
    }
}

//! The demo issue a first start puts into an empty store: the sample issue 2020 第4期（总第245期）.

use crate::model::Issue;

/// The sample issue, bundled into the program so a first start needs no file.
// Until the plain-text importer lands this is the sample converted to the JSON interchange format;
// then it becomes `include_str!("../tests/data/issue-2020-04-245.txt")` read by `import::parse_text`.
const SAMPLE_JSON: &str = include_str!("demo/issue-2020-04-245.json");

/// The demo issue (the bundled sample).
pub fn issue() -> Issue {
    crate::json::from_str(SAMPLE_JSON).expect("the bundled sample issue is valid")
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_is_the_sample_issue() {
        let issue = super::issue();
        assert_eq!(issue.masthead.title(), "温州科协信息 2020年第4期（总第245期）");
        assert_eq!(issue.articles.len(), 6);
        assert_eq!(issue.briefs.len(), 8);
        assert_eq!(issue.articles[0].byline.as_deref(), Some("叶贤挺"));
    }
}

//! The JSON interchange format: the serde form of `model::Issue`, pretty-printed, stable.

use crate::model::Issue;

/// Why a JSON document is not an issue.
#[derive(Debug, thiserror::Error)]
#[error("JSON 格式不正确（第{line}行第{column}列）：{message}")]
pub struct JsonError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column of the problem.
    pub column: usize,
    /// What serde found wrong.
    pub message: String,
}

/// Reads an issue from JSON text.
pub fn from_str(text: &str) -> Result<Issue, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Writes an issue as pretty JSON with a trailing newline; the same issue gives the same text.
pub fn to_string(issue: &Issue) -> String {
    let mut s = serde_json::to_string_pretty(issue).expect("an issue always serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn minimal_document_reads_and_round_trips() {
        let text = r#"{"masthead": {"name": "温州科协信息", "number": 4, "total_number": 245,
            "editor": "温州市科学技术协会编", "date": "2020-04-30"}}"#;
        let issue = super::from_str(text).unwrap();
        assert_eq!(issue.masthead.total_number.get(), 245);
        let out = super::to_string(&issue);
        assert_eq!(super::to_string(&super::from_str(&out).unwrap()), out);
    }

    #[test]
    fn bad_values_are_refused_with_position() {
        let text = "{\"masthead\": {\"name\": \"x\", \"number\": 0, \"total_number\": 1,\n \"editor\": \"y\", \"date\": \"2020-02-30\"}}";
        let err = super::from_str(text).unwrap_err();
        assert_eq!(err.line, 1);
        let text = "{\"masthead\": {\"name\": \"x\", \"number\": 1, \"total_number\": 1,\n \"editor\": \"y\", \"date\": \"2020-02-30\"}}";
        let err = super::from_str(text).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }
}

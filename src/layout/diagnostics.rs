//! What layout decided that a proofreader may want to check: paragraphs set by total fit or left
//! with a 孤字 (docs/layout.md §8.2), headlines broken automatically (§4.1).

use std::fmt;

/// One decision of layout, with the text it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Diagnostic {
    /// First fit left a 孤字; the paragraph's breaks were chosen together instead.
    TotalFit {
        /// The paragraph's first characters.
        start: String,
    },
    /// First fit left a 孤字 and no allowed set of breaks avoids it.
    RuntKept {
        /// The paragraph's first characters.
        start: String,
    },
    /// A headline (or the bulletin's name) longer than its line, broken where the editor gave
    /// no break.
    HeadlineBroken {
        /// The lines it was broken into.
        lines: Vec<String>,
        /// Whether the break keeps words whole (else no break between words fitted, §4.1).
        between_words: bool,
    },
}

/// The first characters of `text`, for a diagnostic.
pub(crate) fn start_of(text: &str) -> String {
    let mut s: String = text.chars().take(16).collect();
    if text.chars().count() > 16 {
        s.push('…');
    }
    s
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diagnostic::TotalFit { start } => {
                write!(f, "「{start}」：逐行排会剩孤字，已整段重排断行")
            }
            Diagnostic::RuntKept { start } => write!(
                f,
                "「{start}」：末行仍是孤字（找不到符合断行规则的排法），可删改一两个字避免"
            ),
            Diagnostic::HeadlineBroken {
                lines,
                between_words: true,
            } => write!(f, "标题自动转行：{}", lines.join(" / ")),
            Diagnostic::HeadlineBroken {
                lines,
                between_words: false,
            } => write!(
                f,
                "标题自动转行（无法在词间转行，请在标题中手动分行）：{}",
                lines.join(" / ")
            ),
        }
    }
}

//! What a mark asks to change, when it says so plainly: a 「替换文字」 group, a struck-out stretch,
//! an insertion mark with its text, or a comment that reads 「改为……」, 「删除」, 「此处加……」.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use super::MarkKind;
use crate::lint::{Fix, Place};

/// A change the reviewer proposed, ready to be applied with one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Suggestion {
    /// Replace the marked text by this.
    Replace(String),
    /// Delete the marked text.
    Delete,
    /// Insert this at the mark (after the marked text, for a range).
    Insert(String),
}

impl Suggestion {
    /// The suggestion in words: 「“部署”改为“安排”」.
    pub fn label(&self, quote: &str) -> String {
        match self {
            Suggestion::Replace(with) => format!("“{quote}”改为“{with}”"),
            Suggestion::Delete => format!("删除“{quote}”"),
            Suggestion::Insert(text) => format!("插入“{text}”"),
        }
    }

    /// The fix that makes the change in the anchored field; `None` when the mark spans several
    /// fields or one the editor does not edit (those are applied by hand).
    pub fn fix(&self, anchor: &Anchor) -> Option<(Place, Fix)> {
        let [span] = anchor.spans.as_slice() else {
            return None;
        };
        let place = span.place.filter(|p| *p != Place::MastheadNumbers)?;
        let len = span.end - span.start;
        let fix = match self {
            Suggestion::Replace(with) => Fix {
                start: span.start,
                len,
                with: with.clone(),
            },
            Suggestion::Delete => Fix {
                start: span.start,
                len,
                with: String::new(),
            },
            Suggestion::Insert(text) => Fix {
                start: span.end,
                len: 0,
                with: text.clone(),
            },
        };
        Some((place, fix))
    }
}

/// The suggestion of a mark of `kind` with comment `text` (a 替换 group's text is its
/// replacement). Marks that cover no exact characters (notes, shapes, drawings) make none:
/// their 「改为……」 says nothing about which characters.
pub fn of(kind: MarkKind, text: &str) -> Option<Suggestion> {
    let said = said(text);
    match kind {
        MarkKind::Replace => Some(match unquote(text) {
            t if t.is_empty() => Suggestion::Delete,
            t => Suggestion::Replace(t),
        }),
        MarkKind::StrikeOut if text.trim().is_empty() => Some(Suggestion::Delete),
        MarkKind::Caret => match said {
            Some(s) => Some(s),
            None if !text.trim().is_empty() => Some(Suggestion::Insert(unquote(text))),
            None => None,
        },
        MarkKind::Highlight | MarkKind::Underline | MarkKind::StrikeOut | MarkKind::Squiggly => {
            said
        }
        _ => None,
    }
}

/// The suggestion a comment spells out, if it does.
fn said(text: &str) -> Option<Suggestion> {
    let t = text.trim().trim_end_matches(['。', '.', '！', '!']).trim();
    const REPLACE: [&str; 6] = ["改为", "改成", "应为", "换成", "更正为", "替换为"];
    const DELETE: [&str; 5] = ["删除", "删去", "删掉", "去掉", "删"];
    const INSERT: [&str; 7] = [
        "此处加",
        "此处增加",
        "此处插入",
        "此处补",
        "此处添加",
        "插入",
        "添加",
    ];
    if DELETE.contains(&t) {
        return Some(Suggestion::Delete);
    }
    for p in REPLACE {
        if let Some(rest) = t.strip_prefix(p) {
            return Some(match unquote(rest) {
                r if r.is_empty() => Suggestion::Delete,
                r => Suggestion::Replace(r),
            });
        }
    }
    // The longest prefix first: 「此处增加」 before 「此处加」 would not matter, but 「插入」 inside
    // 「此处插入」 would.
    let mut inserts = INSERT;
    inserts.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    for p in inserts {
        if let Some(rest) = t.strip_prefix(p) {
            let rest = unquote(rest);
            if !rest.is_empty() {
                return Some(Suggestion::Insert(rest));
            }
        }
    }
    None
}

/// `text` without the colon and quotation marks around it: 「：“部署”」 → 「部署」.
fn unquote(text: &str) -> String {
    let t = text.trim().trim_start_matches(['：', ':']).trim();
    let pairs = [
        ('“', '”'),
        ('「', '」'),
        ('"', '"'),
        ('‘', '’'),
        ('『', '』'),
    ];
    for (open, close) in pairs {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_that_spell_out_a_change() {
        let h = MarkKind::Highlight;
        assert_eq!(
            of(h, "改为“部署”"),
            Some(Suggestion::Replace("部署".into()))
        );
        assert_eq!(
            of(h, "改成：安排。"),
            Some(Suggestion::Replace("安排".into()))
        );
        assert_eq!(of(h, "删除"), Some(Suggestion::Delete));
        assert_eq!(
            of(h, "此处加「全体」"),
            Some(Suggestion::Insert("全体".into()))
        );
        assert_eq!(
            of(h, "此处插入：党员"),
            Some(Suggestion::Insert("党员".into()))
        );
        assert_eq!(of(h, "这句话是否太长？"), None);
        assert_eq!(of(MarkKind::Note, "改为部署"), None);
        assert_eq!(of(MarkKind::StrikeOut, ""), Some(Suggestion::Delete));
        assert_eq!(of(MarkKind::StrikeOut, "重复了"), None);
        assert_eq!(
            of(MarkKind::Caret, "全体"),
            Some(Suggestion::Insert("全体".into()))
        );
        assert_eq!(of(MarkKind::Caret, ""), None);
        assert_eq!(
            of(MarkKind::Replace, "“安排”"),
            Some(Suggestion::Replace("安排".into()))
        );
        assert_eq!(of(MarkKind::Replace, ""), Some(Suggestion::Delete));
    }
}

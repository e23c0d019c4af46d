//! The next round closes the loop: 送审 lists the comments still open, and the diff between two
//! rounds names the comments whose text the changes touched (answered them).

use super::reanchor::{self, Located};
use super::Comment;
use crate::model::Issue;
use crate::store::{CommentStatus, StoredComment};

/// The comments still open, oldest round first.
pub fn open(comments: &[StoredComment<Comment>]) -> Vec<&StoredComment<Comment>> {
    comments
        .iter()
        .filter(|c| c.status == CommentStatus::Open)
        .collect()
}

/// The comments made on round `round` (whose text was `then`) that the changes to `now` answered:
/// the characters they are about were edited.
pub fn answered<'a>(
    comments: &'a [StoredComment<Comment>],
    round: u32,
    then: &Issue,
    now: &Issue,
) -> Vec<&'a StoredComment<Comment>> {
    comments
        .iter()
        .filter(|c| c.round == round)
        .filter(|c| {
            c.comment
                .anchor
                .as_ref()
                .is_some_and(|a| reanchor::locate(then, now, a) == Located::Changed)
        })
        .collect()
}

/// One comment on one line: 「[高亮] 第1次校样 第1篇文章 第1段「传达学习」：请核对（审阅人甲）」.
pub fn line(c: &StoredComment<Comment>) -> String {
    let k = &c.comment;
    let mut s = format!("[{}] 第{}次校样", k.kind.label(), c.round);
    if let Some(a) = &k.anchor {
        s.push_str(&format!(" {}", a.part()));
        let q = a.quote();
        if !q.is_empty() {
            s.push_str(&format!("「{q}」"));
        }
    } else {
        s.push_str(&format!(" 第{}页", k.page));
    }
    if !k.text.is_empty() {
        s.push_str(&format!("：{}", k.text.replace('\n', " ")));
    }
    if !k.author.is_empty() {
        s.push_str(&format!("（{}）", k.author));
    }
    s
}

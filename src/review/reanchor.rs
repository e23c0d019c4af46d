//! Where a comment's text is now: the editor may have changed the issue since the round the
//! reviewer marked. Each field's text then is compared with its text now, character by character
//! (`crate::diff`); the comment follows its characters, or is flagged 「原文已改动」 when they
//! changed.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use crate::diff::{diff_text, Segment};
use crate::lint::{self, Place};
use crate::model::Issue;

/// Where an anchored comment's text lies in the current issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Located {
    /// The characters are still there (perhaps moved): offsets in the field's current text.
    Found {
        /// The field.
        place: Place,
        /// First character.
        start: usize,
        /// One past the last.
        end: usize,
    },
    /// 「原文已改动」: the characters the comment is about were edited or deleted.
    Changed,
    /// Not in an editable field (a masthead date, the 版记), or not anchored at all.
    Unplaced,
}

fn text_of(issue: &Issue, place: Place) -> Option<String> {
    lint::texts(issue)
        .into_iter()
        .find(|(p, _)| *p == place)
        .map(|(_, t)| t.into_owned())
}

/// Where the first span of `anchor` (made on `round`) lies in `current`.
pub fn locate(round: &Issue, current: &Issue, anchor: &Anchor) -> Located {
    let Some(span) = anchor.spans.first() else {
        return Located::Unplaced;
    };
    let Some(place) = span.place else {
        return Located::Unplaced;
    };
    let (Some(old), Some(new)) = (text_of(round, place), text_of(current, place)) else {
        return Located::Changed;
    };
    let found = |start, end| Located::Found { place, start, end };
    if old == new {
        return found(span.start, span.end);
    }
    match map_range(&diff_text(&old, &new), span.start, span.end) {
        Some((start, end)) => {
            let now: String = new.chars().skip(start).take(end - start).collect();
            if now == span.text {
                found(start, end)
            } else {
                Located::Changed
            }
        }
        None => Located::Changed,
    }
}

/// The old character range `start..end` in the new text, or `None` when a change falls inside it.
fn map_range(segments: &[Segment], start: usize, end: usize) -> Option<(usize, usize)> {
    let (mut o, mut n) = (0usize, 0usize);
    let (mut new_start, mut new_end) = (None, None);
    for seg in segments {
        match seg {
            Segment::Equal(t) => {
                let k = t.chars().count();
                if new_start.is_none() && o <= start && start < o + k {
                    new_start = Some(n + start - o);
                }
                if new_end.is_none() && o < end && end <= o + k {
                    new_end = Some(n + end - o);
                }
                o += k;
                n += k;
            }
            Segment::Delete(t) => {
                let k = t.chars().count();
                let touches = if start == end {
                    o < start && start < o + k
                } else {
                    o < end && o + k > start
                };
                if touches {
                    return None;
                }
                o += k;
            }
            Segment::Insert(t) => {
                if start < o && o < end {
                    return None;
                }
                n += t.chars().count();
            }
        }
    }
    let new_start = new_start.unwrap_or(n);
    let new_end = if start == end {
        new_start
    } else {
        new_end.unwrap_or(if end == 0 { 0 } else { n })
    };
    Some((new_start, new_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(old: &str, new: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        map_range(&diff_text(old, new), start, end)
    }

    #[test]
    fn ranges_follow_their_characters_or_are_lost_with_them() {
        // 「部署」 at 5..7.
        let old = "会议要求：部署工作。";
        assert_eq!(map(old, "会议明确要求：部署工作。", 5, 7), Some((7, 9)));
        assert_eq!(map(old, "会议要求：部署工作任务。", 5, 7), Some((5, 7)));
        assert_eq!(map(old, "会议要求：安排工作。", 5, 7), None);
        assert_eq!(map(old, "会议要求：部署好工作。", 5, 8), None);
        // An insertion point after 「要求」.
        assert_eq!(map(old, "大会要求：部署工作。", 4, 4), Some((4, 4)));
        assert_eq!(map(old, "会要求：部署工作。", 4, 4), Some((3, 3)));
    }
}

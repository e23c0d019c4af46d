//! 孤字: a paragraph's last line holding a single character besides punctuation (docs/layout.md §8.2).

use super::class::Class;
use super::item::Item;
use super::line::Line;

/// Whether `class` is punctuation or space, which a 孤字 line may hold besides its one character.
fn is_mark(class: Class) -> bool {
    matches!(
        class,
        Class::Opening
            | Class::Closing
            | Class::NoStart
            | Class::HalfOpening
            | Class::HalfClosing
            | Class::Space
    )
}

/// Whether `items[a..b]`, a last line, holds exactly one character besides punctuation.
pub(super) fn is_runt(items: &[Item], a: usize, b: usize) -> bool {
    items[a..b].iter().filter(|i| !is_mark(i.class)).count() == 1
}

/// Whether the set `lines` end in a 孤字 line (a paragraph of one line never does).
pub fn ends_in_runt(items: &[Item], lines: &[Line]) -> bool {
    match lines {
        [_, .., last] => is_runt(items, last.start, last.end),
        _ => false,
    }
}

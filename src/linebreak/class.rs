//! Character classes for breaking and spacing (docs/layout.md §8).

/// What a character is for breaking and spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A full-width character taking one cell: Han, kana, full-width letters, em-wide symbols.
    Ideographic,
    /// Full-width opening bracket or quote 「（「『【〈《〔［｛“‘」: never at a line's end; its ink
    /// sits in the right half of its cell, so its left half may be squeezed away.
    Opening,
    /// Full-width closing bracket, quote or pause/stop mark 「，。、；：！）」』】〉》〕］｝”’」:
    /// never at a line's start; its ink sits in the left half, so its right half may be squeezed.
    Closing,
    /// Other full-width marks never at a line's start, with centred ink (never squeezed):
    /// 「？…—～·％」.
    NoStart,
    /// A Latin letter or digit, in its proportional width; runs of them are words or numbers.
    Latin,
    /// Half-width opening mark `( [ {`: never at a line's end.
    HalfOpening,
    /// Half-width mark never at a line's start: `, . ; : ? ! ) ] } % ‰`.
    HalfClosing,
    /// Any other proportional character (signs, symbols): part of the word it touches.
    Symbol,
    /// A breakable space, dropped where a line breaks.
    Space,
}

impl Class {
    /// Whether the item takes one full-width cell.
    pub fn is_full_width(self) -> bool {
        matches!(
            self,
            Class::Ideographic | Class::Opening | Class::Closing | Class::NoStart
        )
    }

    /// Whether the item may not start a line (docs/layout.md §8).
    pub fn no_start(self) -> bool {
        matches!(self, Class::Closing | Class::NoStart | Class::HalfClosing)
    }

    /// Whether the item may not end a line (docs/layout.md §8).
    pub fn no_end(self) -> bool {
        matches!(self, Class::Opening | Class::HalfOpening)
    }

    /// Whether the item is part of a proportional word (Latin word, number, URL…), which never splits.
    pub(super) fn in_word(self) -> bool {
        matches!(
            self,
            Class::Latin | Class::HalfOpening | Class::HalfClosing | Class::Symbol
        )
    }
}

/// Full-width marks never at a line's start whose ink is in the left half (squeezable) (§8).
const CLOSING: &str = "，。、；：！）」』】〉》〕］｝〗〙〛｠”’";
/// Full-width marks never at a line's end, ink in the right half (squeezable) (§8).
const OPENING: &str = "（「『【〈《〔［｛〖〘〚｟“‘";
/// Other marks never at a line's start, taking a full cell with centred ink (§8).
const NO_START_FULL: &str = "？…—―⸺～·・‧％‥";
/// Half-width forms of the marks never at a line's start (§8).
const HALF_CLOSING: &str = ",.;:?!)]}%‰";
/// Half-width forms of the marks never at a line's end (§8).
const HALF_OPENING: &str = "([{";

/// Whether `ch` is in a block of characters that take a full cell (Han, kana, Hangul, CJK
/// symbols, full-width forms).
pub fn is_wide(ch: char) -> bool {
    matches!(ch as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The class of `ch`; `advance_em` (its advance in em) decides whether a symbol outside the CJK
/// blocks (e.g. 「◆」) takes a full cell.
pub fn classify(ch: char, advance_em: f32) -> Class {
    if CLOSING.contains(ch) {
        Class::Closing
    } else if OPENING.contains(ch) {
        Class::Opening
    } else if NO_START_FULL.contains(ch) {
        Class::NoStart
    } else if HALF_CLOSING.contains(ch) {
        Class::HalfClosing
    } else if HALF_OPENING.contains(ch) {
        Class::HalfOpening
    } else if ch == ' ' || (ch.is_whitespace() && ch != '\u{3000}' && ch != '\u{a0}') {
        Class::Space
    } else if is_wide(ch) {
        Class::Ideographic
    } else if ch.is_alphanumeric() {
        Class::Latin
    } else if advance_em >= 0.9 {
        Class::Ideographic
    } else {
        Class::Symbol
    }
}

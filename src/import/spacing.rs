//! Spaces that PDF extraction leaves in Chinese text, and the character classes that decide them.
//!
//! Extraction puts spaces around digits and Latin words set between Han characters (`4 月 16 日`) and
//! after full-width punctuation; the layout adds its own spacing there (docs/layout.md §8), so
//! these go. A space between two Han characters is kept: in a headline it is a clause space
//! (docs/layout.md §3), elsewhere it is a proofing matter. Spaces inside Latin text (`Hello World`)
//! are kept.

/// A Han character (CJK ideographs, extensions, compatibility ideographs and 〇).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Full-width punctuation: CJK symbols (、。「」《》…) and the full-width forms block (，（）：…).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '—' | '…' | '·')
        && c != '\u{3007}'
}

/// Han or full-width punctuation: the characters next to which extraction spaces are dropped.
fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Removes extraction spaces (see the module doc) and zero-width characters; trims the ends.
pub fn tidy(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut pending = String::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if matches!(c, '\u{200B}' | '\u{FEFF}') {
            continue;
        }
        if c.is_whitespace() {
            pending.push(c);
            continue;
        }
        if !pending.is_empty() {
            if let Some(p) = prev {
                if keeps_space(p, c) {
                    out.push_str(&pending);
                }
            }
            pending.clear();
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Whether a space between `a` and `b` is kept: between two Han characters, or where neither is CJK.
pub fn keeps_space(a: char, b: char) -> bool {
    (is_han(a) && is_han(b)) || (!is_cjk(a) && !is_cjk(b))
}

/// The text with every space removed and full-width ASCII forms folded: what two spellings of the
/// same headline have in common (used to match 本期要目 entries with headlines).
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .map(fold_width)
        .collect()
}

/// Folds a full-width ASCII form (０, （, ：) to its ASCII counterpart.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// An ASCII digit or letter (after width folding).
pub fn is_latin_or_digit(c: char) -> bool {
    fold_width(c).is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extraction_spaces_go() {
        assert_eq!(tidy("4 月 16 日上午"), "4月16日上午");
        assert_eq!(tidy("2020 年 4 月 30 日"), "2020年4月30日");
        assert_eq!(tidy("温州 2 项目"), "温州2项目");
        assert_eq!(tidy("4 月 15 日-16 日，市科协"), "4月15日-16日，市科协");
        assert_eq!(tidy("县（市） 调研， 指导"), "县（市）调研，指导");
        assert_eq!(tidy("启动 “科技服务团” 工作"), "启动“科技服务团”工作");
        assert_eq!(tidy("采用 5G 技术"), "采用5G技术");
    }

    #[test]
    fn meaningful_spaces_stay() {
        assert_eq!(tidy("Hello World"), "Hello World");
        assert_eq!(
            tidy("大会召开 市科协获多项表彰"),
            "大会召开 市科协获多项表彰"
        );
        assert_eq!(tidy("  前后空白\u{3000}"), "前后空白");
        assert_eq!(tidy("Version 2.0 released"), "Version 2.0 released");
    }

    #[test]
    fn keys_ignore_spaces_and_width() {
        assert_eq!(key("温州 2 项目（市）"), "温州2项目(市)");
        assert_eq!(key("第 ４ 期"), "第4期");
    }
}

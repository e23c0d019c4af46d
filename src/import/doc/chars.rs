//! A .doc's characters as lines ([MS-DOC] 2.4.1 and 2.8.25): paragraph and cell marks end a line,
//! fields keep their result and lose their instructions, pictures become lines of their own, the
//! other special characters go.

use crate::import::pictures::marker_line;

/// Field begin, separator and end ([MS-DOC] 2.8.25 PlcFld).
const FIELD_BEGIN: char = '\u{13}';
const FIELD_SEPARATOR: char = '\u{14}';
const FIELD_END: char = '\u{15}';

/// The lines of the text in `units` (UTF-16; an unpaired surrogate becomes U+FFFD).
pub fn lines(units: impl IntoIterator<Item = u16>) -> String {
    let mut out = String::new();
    // One entry per open field: whether its result has started (what is shown), as opposed to
    // its instructions (the field code, e.g. 「PAGE」 or 「HYPERLINK "…"」).
    let mut fields: Vec<bool> = Vec::new();
    let mut pictures = 0usize;
    for c in char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')) {
        match c {
            FIELD_BEGIN => {
                fields.push(false);
                continue;
            }
            FIELD_SEPARATOR => {
                if let Some(top) = fields.last_mut() {
                    *top = true;
                }
                continue;
            }
            FIELD_END => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if !fields.iter().all(|&shown| shown) {
            continue;
        }
        match c {
            // Paragraph mark, cell or row mark, page or section break: the line ends, and the
            // pictures met in it follow on lines of their own.
            '\r' | '\u{7}' | '\u{c}' => {
                out.push('\n');
                for _ in 0..std::mem::take(&mut pictures) {
                    out.push_str(&marker_line(""));
                    out.push('\n');
                }
            }
            // A line break inside a paragraph.
            '\u{b}' => out.push('\n'),
            '\t' => out.push('\t'),
            // An inline picture, a drawn object (a floating picture or shape).
            '\u{1}' | '\u{8}' => pictures += 1,
            // Non-breaking hyphen.
            '\u{1e}' => out.push('-'),
            // Footnote and annotation references, optional hyphens, other controls.
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
    for _ in 0..pictures {
        out.push_str(&marker_line(""));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> String {
        lines(s.encode_utf16())
    }

    #[test]
    fn marks_breaks_and_special_characters() {
        assert_eq!(
            read("温州\r甲\u{7}乙\u{7}\u{7}丙\u{b}丁\u{c}编\t日\u{2}期\u{1e}\u{1f}\r"),
            "温州\n甲\n乙\n\n丙\n丁\n编\t日期-\n"
        );
    }

    #[test]
    fn fields_keep_their_result_nested_or_not() {
        assert_eq!(read("第\u{13} PAGE \u{14}2\u{15}页\r"), "第2页\n");
        // A field without a result, and one nested in another's instructions, show nothing; one
        // nested in a result shows its own result.
        assert_eq!(read("a\u{13} TC \u{15}b\r"), "ab\n");
        assert_eq!(
            read("\u{13} IF \u{13} DATE \u{14}x\u{15} \u{14}是\u{13} REF \u{14}的\u{15}\u{15}\r"),
            "是的\n"
        );
    }

    #[test]
    fn pictures_follow_their_paragraph() {
        assert_eq!(
            read("前\u{1}后\r\u{8}\u{8}\r图为\r"),
            "前后\n\u{FFFC}\n\n\u{FFFC}\n\u{FFFC}\n图为\n"
        );
        // A picture in a field's result (INCLUDEPICTURE) counts once; in its instructions, not.
        assert_eq!(
            read("\u{13} INCLUDEPICTURE \"a.png\" \u{14}\u{1}\u{15}\r"),
            "\n\u{FFFC}\n"
        );
    }
}

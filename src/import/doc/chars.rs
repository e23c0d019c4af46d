//! A .doc's characters as lines ([MS-DOC] 2.4.1 and 2.8.25): paragraph and cell marks end a line,
//! fields keep their result and lose their instructions, pictures become lines of their own, the
//! other special characters go.

use crate::import::pictures::marker_line;

/// Field begin, separator and end ([MS-DOC] 2.8.25 PlcFld).
const FIELD_BEGIN: char = '\u{13}';
const FIELD_SEPARATOR: char = '\u{14}';
const FIELD_END: char = '\u{15}';

/// The lines of the text in `units` (UTF-16 code units with their character positions; an unpaired
/// surrogate becomes U+FFFD). A drawn object whose position `textbox` gives lines for is a text
/// box: its lines stand in its place, on lines of their own.
pub fn lines(
    units: impl IntoIterator<Item = (u16, u32)>,
    textbox: impl Fn(u32) -> Option<String>,
) -> String {
    let mut out = String::new();
    // One entry per open field: whether its result has started (what is shown), as opposed to
    // its instructions (the field code, e.g. 「PAGE」 or 「HYPERLINK "…"」).
    let mut fields: Vec<bool> = Vec::new();
    let mut pictures = 0usize;
    let units: Vec<(u16, u32)> = units.into_iter().collect();
    let mut i = 0;
    while i < units.len() {
        let (unit, cp) = units[i];
        let pair = units.get(i + 1).map(|u| u.0);
        let (c, used) = match char::decode_utf16([unit].into_iter().chain(pair)).next() {
            Some(Ok(c)) => (c, c.len_utf16()),
            _ => ('\u{FFFD}', 1),
        };
        i += used;
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
            // A drawn object that is a text box: its text in its place.
            '\u{8}' if let Some(text) = textbox(cp) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&text);
            }
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
        lines(s.encode_utf16().zip(0..), |_| None)
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
    fn a_text_box_stands_in_its_place_and_other_drawn_objects_are_pictures() {
        let text = lines("前\u{8}后\r\u{8}\r".encode_utf16().zip(0..), |cp| {
            (cp == 1).then(|| "框\n".to_owned())
        });
        assert_eq!(text, "前\n框\n后\n\n\u{FFFC}\n");
        // A character outside the BMP is a surrogate pair; a lone surrogate is replaced.
        let units = [0xD840, 0xDC0B, 0xD800, 0x41, 0x0D];
        assert_eq!(lines(units.into_iter().zip(0..), |_| None), "𠀋\u{FFFD}A\n");
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

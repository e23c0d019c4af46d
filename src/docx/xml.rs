//! Escaping text for the XML parts this module writes itself.

/// Escapes `&`, `<`, `>`, `"` and `'` for element text and attribute values; drops characters
/// XML 1.0 cannot carry at all (C0 controls other than tab, newline, carriage return), which
/// Word would refuse as a corrupt file.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether XML 1.0 allows the character in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text as the document may carry it: characters XML cannot hold dropped, line breaks and tabs
/// (which a paragraph of the model never has) turned into spaces.
pub fn clean_text(s: &str) -> String {
    s.chars()
        .filter(|&c| is_xml_char(c))
        .map(|c| {
            if c.is_whitespace() && c != ' ' && c != '\u{3000}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            super::escape("a<b>&\"'\u{1}c"),
            "a&lt;b&gt;&amp;&quot;&apos;c"
        );
        assert_eq!(
            super::clean_text("一\u{0}二\t三\n四\u{3000}"),
            "一二 三 四\u{3000}"
        );
    }
}

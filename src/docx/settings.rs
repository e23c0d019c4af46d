//! `word/settings.xml` and `word/fontTable.xml`, written here because docx-rs puts
//! `w:characterSpacingControl` inside `w:compat` (where Word does not read it) and has no
//! `w:noLineBreaksBefore/After`, and its font table lists only Times New Roman, Symbol and Arial.

use super::FontNames;
use crate::fonts::FontRole;

use super::xml::escape;

/// Characters that never start a line (docs/layout.md §8), full- and half-width.
pub const NO_BREAK_BEFORE: &str = "，。、；：？！）」』】〉》〕］｝”’…—～·％%‰,.;:?!)]}";
/// Characters that never end a line (docs/layout.md §8), full- and half-width.
pub const NO_BREAK_AFTER: &str = "（「『【〈《〔［｛“‘([{";

/// The whole `word/settings.xml`, elements in the schema's order: odd and even footers
/// (`w:evenAndOddHeaders`, §7), punctuation compression (`compressPunctuation`: Word squeezes
/// punctuation to keep a forbidden character off a line's start, as the PDF does, §8.1), the
/// Chinese first/last character lists of §8, East Asian layout compatibility.
pub fn settings_xml() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:zoom w:percent="100"/>"#,
            r#"<w:defaultTabStop w:val="420"/>"#,
            r#"<w:evenAndOddHeaders/>"#,
            r#"<w:characterSpacingControl w:val="compressPunctuation"/>"#,
            r#"<w:noLineBreaksAfter w:lang="zh-CN" w:val="{after}"/>"#,
            r#"<w:noLineBreaksBefore w:lang="zh-CN" w:val="{before}"/>"#,
            r#"<w:compat><w:spaceForUL/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>"#,
            r#"<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>"#,
            r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
            r#"<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
            r#"</w:compat>"#,
            r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#,
            r#"<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>"#,
            r#"</w:settings>"#
        ),
        after = escape(NO_BREAK_AFTER),
        before = escape(NO_BREAK_BEFORE),
    )
}

/// The whole `word/fontTable.xml`: every font the styles name, the Chinese ones with the GB2312
/// character set and the name Word falls back to where an office lacks the _GB2312 font (§9:
/// 仿宋_GB2312, then 仿宋).
pub fn font_table_xml(names: &FontNames) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    s.push_str(&format!(
        r#"<w:font w:name="{}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
        escape(names.get(FontRole::Latin))
    ));
    for role in FontRole::ALL.into_iter().filter(|&r| r != FontRole::Latin) {
        let alt = match role {
            _ if !names.is_office(role) => None,
            FontRole::FangSong => Some("仿宋"),
            FontRole::Kai => Some("楷体"),
            FontRole::Hei => Some("SimHei"),
            FontRole::Song => Some("SimSun"),
            FontRole::XiaoBiaoSong | FontRole::Latin => None,
        };
        s.push_str(&format!(r#"<w:font w:name="{}">"#, escape(names.get(role))));
        if let Some(alt) = alt {
            s.push_str(&format!(r#"<w:altName w:val="{alt}"/>"#));
        }
        s.push_str(r#"<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#);
    }
    s.push_str("</w:fonts>");
    s
}

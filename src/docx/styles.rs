//! The named styles of the exported DOCX (`word/styles.xml`), one per element of the issue, so an
//! editor can restyle the whole issue in Word (docs/layout.md §10).
//!
//! Written here rather than with docx-rs's `Style`: docx-rs cannot express `w:firstLineChars`,
//! `w:lang`, or the East Asian line-breaking switches (`w:kinsoku`, `w:overflowPunct`,
//! `w:autoSpaceDE/DN`) in the document defaults, and always adds an empty "Normal" of its own.

use super::FontNames;
use crate::fonts::FontRole;

use super::geometry::{border, BODY_SIZE_HALF_PT, CHAR_PITCH, LINE_PITCH, TEXT_WIDTH, TRACKING};
use super::xml::escape;

/// A paragraph or character style the document refers to by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleId(pub &'static str);

/// 报头名称: the bulletin name, red 小标宋 42 pt (§2).
pub const BULLETIN_NAME: StyleId = StyleId("BulletinName");
/// 期号: 「第4期」 and 「（总第245期）」 (§2).
pub const ISSUE_NUMBER: StyleId = StyleId("IssueNumber");
/// 编印单位: the editor's line with the date and the red rule below it (§2).
pub const EDITOR_LINE: StyleId = StyleId("EditorLine");
/// 印发日期 (character style): the date on the editor's line (§2).
pub const ISSUE_DATE: StyleId = StyleId("IssueDate");
/// 要目标题: 「本期要目」 (§3).
pub const TOC_HEADING: StyleId = StyleId("TocHeading");
/// 要目: one entry of 本期要目 (§3).
pub const TOC_ENTRY: StyleId = StyleId("TocEntry");
/// 文章标题: an article's headline (§4).
pub const HEADLINE: StyleId = StyleId("Headline");
/// 正文: a body paragraph (§1, §4).
pub const BODY: StyleId = StyleId("BodyText");
/// 一级标题: 「一、…」 (§4).
pub const LEVEL1: StyleId = StyleId("Level1Heading");
/// 二级标题: 「（一）…」 (§4).
pub const LEVEL2: StyleId = StyleId("Level2Heading");
/// 署名 (character style): the byline 「（叶贤挺）」 (§4).
pub const BYLINE: StyleId = StyleId("Byline");
/// 简讯标题: 「简讯」 (§5).
pub const BRIEFS_HEADING: StyleId = StyleId("BriefsHeading");
/// 简讯: one brief (§5).
pub const BRIEF: StyleId = StyleId("Brief");
/// 版记: a row of the closing block (§6).
pub const CLOSING: StyleId = StyleId("Closing");
/// 页码: 「— 1 —」 in the footers (§7).
pub const PAGE_NUMBER: StyleId = StyleId("PageNumber");
/// 图片: the centred paragraph holding a figure's picture (§11.4).
pub const FIGURE: StyleId = StyleId("Figure");
/// 图片说明: a figure's caption, 楷体 centred (§11.2).
pub const CAPTION: StyleId = StyleId("FigureCaption");

/// Red, RGB (255, 0, 0) (§2).
pub const RED: &str = "FF0000";

/// Every style this module defines, as (id, display name): what tests and editors look for.
pub const NAMES: &[(StyleId, &str)] = &[
    (BULLETIN_NAME, "报头名称"),
    (ISSUE_NUMBER, "期号"),
    (EDITOR_LINE, "编印单位"),
    (ISSUE_DATE, "印发日期"),
    (TOC_HEADING, "要目标题"),
    (TOC_ENTRY, "要目"),
    (HEADLINE, "文章标题"),
    (BODY, "正文"),
    (LEVEL1, "一级标题"),
    (LEVEL2, "二级标题"),
    (BYLINE, "署名"),
    (BRIEFS_HEADING, "简讯标题"),
    (BRIEF, "简讯"),
    (CLOSING, "版记"),
    (PAGE_NUMBER, "页码"),
    (FIGURE, "图片"),
    (CAPTION, "图片说明"),
];

/// The display name of a style.
pub fn name(id: StyleId) -> &'static str {
    NAMES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, n)| *n)
        .expect("every style id has a name")
}

/// Line spacing of a paragraph style: every style sets its lines exactly, in whole grid lines,
/// and keeps off Word's character grid (see `geometry::TRACKING` for why): so each line of every
/// element starts on a grid line of the page (§1) in Word, WPS and LibreOffice alike.
#[derive(Debug, Clone, Copy)]
enum Spacing {
    /// Exactly this many twips a line.
    Exact(i32),
}

/// A paragraph style's settings; `None`/`false` means "as the document defaults".
#[derive(Debug, Clone, Copy)]
struct Para {
    id: StyleId,
    role: FontRole,
    size_half_pt: usize,
    color: Option<&'static str>,
    jc: &'static str,
    spacing: Spacing,
    before: i32,
    after: i32,
    keep_next: bool,
    first_line_chars: i32,
    outline: Option<u8>,
    /// Letter-spacing in twips (w:spacing in rPr).
    tracking: i32,
    /// A `w:ind` element overriding the first-line indent.
    ind: &'static str,
}

const BASE: Para = Para {
    id: BODY,
    role: FontRole::FangSong,
    size_half_pt: BODY_SIZE_HALF_PT,
    color: None,
    jc: "both",
    spacing: Spacing::Exact(LINE_PITCH),
    before: 0,
    after: 0,
    keep_next: false,
    first_line_chars: 0,
    outline: None,
    tracking: 0,
    ind: "",
};

fn paragraph_styles() -> Vec<Para> {
    vec![
        Para {
            id: BULLETIN_NAME,
            role: FontRole::XiaoBiaoSong,
            size_half_pt: 84,
            color: Some(RED),
            jc: "center",
            // 42 pt takes two grid lines, the name centred in them (§1, §2).
            spacing: Spacing::Exact(2 * LINE_PITCH),
            ..BASE
        },
        Para {
            id: ISSUE_NUMBER,
            jc: "center",
            ..BASE
        },
        Para {
            id: EDITOR_LINE,
            jc: "left",
            // Half a grid line below the rule before the 本期要目 box, so the two never touch.
            after: LINE_PITCH / 2,
            ..BASE
        },
        Para {
            id: TOC_HEADING,
            role: FontRole::Hei,
            jc: "center",
            keep_next: true,
            // "letter-spaced" (§3): half a character between the four characters.
            tracking: CHAR_PITCH / 2,
            ..BASE
        },
        Para {
            id: TOC_ENTRY,
            role: FontRole::Kai,
            jc: "both",
            // Each entry starts with its bullet and wraps with a hanging indent of one cell (§3).
            ind: r#"<w:ind w:leftChars="100" w:left="316" w:hangingChars="100" w:hanging="316"/>"#,
            ..BASE
        },
        Para {
            id: HEADLINE,
            role: FontRole::XiaoBiaoSong,
            size_half_pt: 44,
            jc: "center",
            // One grid line per headline line, one empty grid line before (§4).
            spacing: Spacing::Exact(LINE_PITCH),
            before: LINE_PITCH,
            keep_next: true,
            outline: Some(0),
            ..BASE
        },
        Para {
            first_line_chars: 200,
            ..BASE
        },
        Para {
            id: LEVEL1,
            role: FontRole::Hei,
            first_line_chars: 200,
            keep_next: true,
            outline: Some(1),
            ..BASE
        },
        Para {
            id: LEVEL2,
            role: FontRole::Kai,
            first_line_chars: 200,
            keep_next: true,
            outline: Some(2),
            ..BASE
        },
        Para {
            id: BRIEFS_HEADING,
            role: FontRole::Hei,
            jc: "center",
            before: LINE_PITCH,
            keep_next: true,
            outline: Some(0),
            ..BASE
        },
        Para {
            id: BRIEF,
            first_line_chars: 200,
            ..BASE
        },
        Para {
            id: CLOSING,
            size_half_pt: 28,
            jc: "left",
            spacing: Spacing::Exact(LINE_PITCH),
            ..BASE
        },
        Para {
            id: PAGE_NUMBER,
            role: FontRole::Song,
            size_half_pt: 28,
            jc: "right",
            spacing: Spacing::Exact(super::geometry::PAGE_NUMBER_LINE),
            ..BASE
        },
        // The picture's paragraph sets its own exact height, its grid lines (§11.1), and stays
        // with its caption (§11.2).
        Para {
            id: FIGURE,
            jc: "center",
            keep_next: true,
            ..BASE
        },
        Para {
            id: CAPTION,
            role: FontRole::Kai,
            jc: "center",
            ..BASE
        },
    ]
}

/// `w:rFonts` for a role: the office font name in the East Asian slot (§9), the 西文 face (Times
/// New Roman unless another was chosen) for Latin; `w:hint="eastAsia"` so that shared punctuation
/// (“”、—) takes the Chinese font's full-width forms, as in the PDF (§8).
pub fn run_fonts(role: FontRole, names: &FontNames) -> String {
    let ea = escape(names.get(role));
    let latin = escape(names.get(FontRole::Latin));
    format!(
        r#"<w:rFonts w:ascii="{latin}" w:eastAsia="{ea}" w:hAnsi="{latin}" w:cs="{latin}" w:hint="eastAsia"/>"#
    )
}

fn paragraph_style_xml(p: &Para, names: &FontNames) -> String {
    let mut ppr = String::new();
    if p.keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    if p.id == EDITOR_LINE {
        // The red rule: a bottom border 1.0 pt, as near 4 mm below the line's type as Word
        // allows (§2): the text's descent leaves ~2 mm, the border's space gives the rest.
        ppr.push_str(&format!(
            r#"<w:pBdr><w:bottom w:val="single" w:sz="{}" w:space="6" w:color="{RED}"/></w:pBdr>"#,
            border::RULE
        ));
        // The editor 1 character in at the left, the date 1 character in at the right (§2).
        ppr.push_str(&format!(
            r#"<w:tabs><w:tab w:val="left" w:pos="{}"/><w:tab w:val="right" w:pos="{}"/></w:tabs>"#,
            CHAR_PITCH,
            TEXT_WIDTH - CHAR_PITCH
        ));
    }
    let Spacing::Exact(line) = p.spacing;
    ppr.push_str(&format!(
        r#"<w:snapToGrid w:val="0"/><w:spacing w:before="{}" w:after="{}" w:line="{line}" w:lineRule="exact"/>"#,
        p.before, p.after
    ));
    if !p.ind.is_empty() {
        ppr.push_str(p.ind);
    } else if p.first_line_chars > 0 {
        ppr.push_str(&format!(
            r#"<w:ind w:firstLineChars="{}" w:firstLine="{}"/>"#,
            p.first_line_chars,
            p.first_line_chars * CHAR_PITCH / 100
        ));
    } else if p.id == PAGE_NUMBER {
        // Odd pages: at the right, 1 character in (§7); even footers override to the left.
        ppr.push_str(&format!(r#"<w:ind w:right="{CHAR_PITCH}"/>"#));
    }
    ppr.push_str(&format!(r#"<w:jc w:val="{}"/>"#, p.jc));
    if let Some(level) = p.outline {
        ppr.push_str(&format!(r#"<w:outlineLvl w:val="{level}"/>"#));
    }
    let mut rpr = run_fonts(p.role, names);
    if let Some(c) = p.color {
        rpr.push_str(&format!(r#"<w:color w:val="{c}"/>"#));
    }
    // 16 pt type is tracked to the grid's character pitch; other sizes are set solid.
    let tracking = if p.tracking != 0 {
        p.tracking
    } else if p.size_half_pt == BODY_SIZE_HALF_PT {
        TRACKING
    } else {
        0
    };
    if tracking != 0 {
        rpr.push_str(&format!(r#"<w:spacing w:val="{tracking}"/>"#));
    }
    rpr.push_str(&format!(
        r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#,
        p.size_half_pt
    ));
    format!(
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="{next}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#,
        id = p.id.0,
        name = name(p.id),
        next = if p.keep_next { BODY.0 } else { p.id.0 },
    )
}

fn character_style_xml(id: StyleId, rpr: &str) -> String {
    format!(
        r#"<w:style w:type="character" w:customStyle="1" w:styleId="{}"><w:name w:val="{}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>"#,
        id.0,
        name(id)
    )
}

/// The document defaults: 仿宋 16 pt body type with Times New Roman for Latin, Chinese as the
/// East Asian language, and Chinese line breaking switched on (§8): `w:kinsoku` (the first/last
/// character rules), quarter-em spacing between Han and Latin/digits (`w:autoSpaceDE/DN`), whole
/// Latin words (`w:wordWrap`); lines exactly one grid line, 16 pt type tracked to the grid's
/// character pitch.
///
/// `w:overflowPunct` is off: punctuation never hangs past the measure (§8.1: "the line still fills
/// the measure"), so Word squeezes it (`compressPunctuation`) as the PDF does. LibreOffice reads
/// this switch inverted (its DOCX import sets "allow hanging punctuation" when `w:overflowPunct` is
/// 0, LibreOffice 7.4 and still so in its current source), and so hangs 「，。、：；！？」 at the end
/// of a line where it cannot squeeze: the line breaks after the same character as in the PDF,
/// where with hanging off LibreOffice pushes the last character down instead (measured with the
/// sample issue: 78 % of body lines break alike instead of 63 %).
fn doc_defaults(names: &FontNames) -> String {
    format!(
        r#"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:spacing w:val="{tracking}"/><w:kern w:val="2"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:kinsoku/><w:wordWrap/><w:overflowPunct w:val="0"/><w:topLinePunct w:val="0"/><w:autoSpaceDE/><w:autoSpaceDN/><w:adjustRightInd w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        fonts = run_fonts(FontRole::FangSong, names),
        sz = BODY_SIZE_HALF_PT,
        tracking = TRACKING,
        pitch = LINE_PITCH,
    )
}

/// The whole `word/styles.xml`, naming the fonts `names` gives each role.
pub fn styles_xml(names: &FontNames) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    s.push_str(&doc_defaults(names));
    // Normal repeats the body size: Word and LibreOffice take the document grid's character
    // pitch as Normal's East Asian size plus `w:charSpace` (LibreOffice reads Normal only, not
    // the document defaults, and would assume 12 pt).
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>{fonts}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr></w:style>"#,
        fonts = run_fonts(FontRole::FangSong, names),
        sz = BODY_SIZE_HALF_PT
    ));
    s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#);
    s.push_str(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    for p in paragraph_styles() {
        s.push_str(&paragraph_style_xml(&p, names));
    }
    s.push_str(&character_style_xml(ISSUE_DATE, ""));
    s.push_str(&character_style_xml(BYLINE, ""));
    s.push_str("</w:styles>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_style_is_defined_once() {
        let xml = styles_xml(&FontNames::office());
        for (id, n) in NAMES {
            let tag = format!(r#"w:styleId="{}""#, id.0);
            assert_eq!(xml.matches(&tag).count(), 1, "{}", id.0);
            assert!(xml.contains(&format!(r#"<w:name w:val="{n}"/>"#)), "{n}");
        }
        assert_eq!(xml.matches("<w:style ").count(), NAMES.len() + 3);
    }

    #[test]
    fn fonts_and_sizes_follow_the_spec() {
        let xml = styles_xml(&FontNames::office());
        let style = |id: StyleId| {
            let start = xml.find(&format!(r#"w:styleId="{}""#, id.0)).unwrap();
            let end = start + xml[start..].find("</w:style>").unwrap();
            xml[start..end].to_string()
        };
        let name = style(BULLETIN_NAME);
        assert!(name.contains(r#"w:eastAsia="方正小标宋简体""#));
        assert!(name.contains(r#"<w:sz w:val="84"/>"#) && name.contains(RED));
        assert!(style(HEADLINE).contains(r#"<w:sz w:val="44"/>"#));
        assert!(style(HEADLINE).contains("<w:keepNext/>"));
        assert!(style(BODY).contains(r#"w:firstLineChars="200""#));
        assert!(style(LEVEL1).contains(r#"w:eastAsia="黑体""#));
        assert!(style(LEVEL2).contains(r#"w:eastAsia="楷体_GB2312""#));
        assert!(style(CLOSING).contains(r#"<w:sz w:val="28"/>"#));
        assert!(style(PAGE_NUMBER).contains(r#"w:eastAsia="宋体""#));
        assert!(xml.contains("<w:kinsoku/>") && xml.contains(r#"w:eastAsia="zh-CN""#));
    }
}

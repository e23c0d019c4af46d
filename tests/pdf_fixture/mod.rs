//! A two-page document laid out by hand on the grid of docs/layout.md (until the layout module
//! lands), for the PDF and SVG backend tests. Shared with `mod pdf_fixture;`.
#![allow(dead_code)]

use bulletin::fonts::{FontBook, FontRole};
use bulletin::page::{Document, DocumentMeta, Element, Frame, Glyph, Page, Rgb, Rule, TextLine};
use bulletin::units::{Mm, Pt};
use chrono::NaiveDate;

/// A4 in points.
pub const PAGE_W: f32 = 595.2756;
/// A4 in points.
pub const PAGE_H: f32 = 841.8898;
/// Left margin, 28 mm (docs/layout.md §1).
pub const LEFT: f32 = 28.0 * 72.0 / 25.4;
/// Text block width, 156 mm.
pub const MEASURE: f32 = 156.0 * 72.0 / 25.4;
/// Top margin, 37 mm.
pub const TOP: f32 = 37.0 * 72.0 / 25.4;
/// Line pitch, 225 mm / 22.
pub const PITCH: f32 = 225.0 / 22.0 * 72.0 / 25.4;
/// Character pitch of a full body line, 156 mm / 28.
pub const CELL: f32 = MEASURE / 28.0;

pub const TITLE: &str = "温州科协信息 2020年第4期（总第245期）";
pub const AUTHOR: &str = "温州市科学技术协会";

/// Glyphs of `text` in `role` at `size`, starting at `x`, each advancing by its own width
/// plus `tracking`.
pub fn glyphs(
    fonts: &FontBook,
    role: FontRole,
    size: f32,
    x: f32,
    tracking: f32,
    text: &str,
) -> Vec<Glyph> {
    let mut x = x;
    text.chars()
        .map(|ch| {
            let face = fonts
                .resolve(role, ch)
                .expect("bundled fonts cover the fixture");
            let g = Glyph { ch, face, x: Pt(x) };
            x += fonts.advance_em(face, ch) * size + tracking;
            g
        })
        .collect()
}

pub fn width(fonts: &FontBook, role: FontRole, size: f32, tracking: f32, text: &str) -> f32 {
    text.chars()
        .map(|ch| fonts.advance_em(fonts.resolve(role, ch).unwrap(), ch) * size + tracking)
        .sum::<f32>()
        - tracking
}

pub fn line(
    element: Element,
    role: FontRole,
    size: f32,
    color: Rgb,
    baseline: f32,
    glyphs: Vec<Glyph>,
) -> TextLine {
    TextLine {
        element,
        role,
        size: Pt(size),
        color,
        baseline: Pt(baseline),
        glyphs,
    }
}

/// A full body line: 28 characters on the 15.79 pt grid.
pub fn body(fonts: &FontBook, n: usize, text: &str) -> TextLine {
    assert_eq!(text.chars().count(), 28, "{text}");
    line(
        Element::Body,
        FontRole::FangSong,
        16.0,
        Rgb::BLACK,
        baseline(n),
        glyphs(fonts, FontRole::FangSong, 16.0, LEFT, CELL - 16.0, text),
    )
}

/// The baseline of grid line `n` (0-based) of a page.
pub fn baseline(n: usize) -> f32 {
    TOP + PITCH * n as f32 + PITCH * 0.75
}

pub fn page_number(fonts: &FontBook, n: u32) -> TextLine {
    let text = format!("— {n} —");
    let w = width(fonts, FontRole::Song, 14.0, 0.0, &text);
    let x = if n % 2 == 1 {
        LEFT + MEASURE - 14.0 - w
    } else {
        LEFT + 14.0
    };
    let y = PAGE_H - Mm(35.0).to_pt().0 + Mm(7.0).to_pt().0 + 10.0;
    line(
        Element::PageNumber,
        FontRole::Song,
        14.0,
        Rgb::BLACK,
        y,
        glyphs(fonts, FontRole::Song, 14.0, x, 0.0, &text),
    )
}

pub const BODY: [&str; 6] = [
    "为贯彻落实陈伟俊书记在书记专题会议上讲话精神，４月２日上",
    "午，市政府副市长汪驰召开会议专题研究世界青年科学家峰会筹",
    "备进展情况。省科协二级巡视员戴力，市科协、市科技局等相关",
    "部门负责人参加会议。温州医科大学李校堃院士团队介绍了相关",
    "进展情况并就下一步工作提出打算，要求各部门配合形成合力。",
    "省科协二级巡视员戴力介绍了峰会总体目标安排，他指出要充分",
];

/// The hand-laid two-page document.
pub fn document(fonts: &FontBook) -> Document {
    let red = Rgb::RED;
    let centre =
        |role, size, text: &str| LEFT + (MEASURE - width(fonts, role, size, 0.0, text)) / 2.0;
    let mut p1 = Vec::new();
    let name = "温州科协信息";
    p1.push(line(
        Element::MastheadName,
        FontRole::XiaoBiaoSong,
        42.0,
        red,
        TOP + PITCH * 1.5,
        glyphs(
            fonts,
            FontRole::XiaoBiaoSong,
            42.0,
            centre(FontRole::XiaoBiaoSong, 42.0, name),
            0.0,
            name,
        ),
    ));
    let num = "第4期（总第245期）";
    p1.push(line(
        Element::MastheadNumber,
        FontRole::FangSong,
        16.0,
        Rgb::BLACK,
        baseline(2),
        glyphs(
            fonts,
            FontRole::FangSong,
            16.0,
            centre(FontRole::FangSong, 16.0, num),
            0.0,
            num,
        ),
    ));
    let mut ed = glyphs(
        fonts,
        FontRole::FangSong,
        16.0,
        LEFT + 16.0,
        0.0,
        "温州市科学技术协会编",
    );
    let date = "2020年4月30日";
    let dx = LEFT + MEASURE - 16.0 - width(fonts, FontRole::FangSong, 16.0, 0.0, date);
    ed.extend(glyphs(fonts, FontRole::FangSong, 16.0, dx, 0.0, date));
    p1.push(line(
        Element::MastheadEditorDate,
        FontRole::FangSong,
        16.0,
        Rgb::BLACK,
        baseline(3),
        ed,
    ));
    let rule_y = baseline(3) + 4.0 * 72.0 / 25.4;
    let toc = "本期要目";
    p1.push(line(
        Element::TocHeading,
        FontRole::Hei,
        16.0,
        Rgb::BLACK,
        baseline(5),
        glyphs(
            fonts,
            FontRole::Hei,
            16.0,
            centre(FontRole::Hei, 16.0, toc),
            0.0,
            toc,
        ),
    ));
    let entry = "◆市政府专题研究世界青年科学家峰会筹备进展情况";
    p1.push(line(
        Element::TocEntry,
        FontRole::Kai,
        16.0,
        Rgb::BLACK,
        baseline(6),
        glyphs(fonts, FontRole::Kai, 16.0, LEFT + 16.0, 0.0, entry),
    ));
    let headline = "市政府专题研究峰会筹备进展情况";
    p1.push(line(
        Element::Headline,
        FontRole::XiaoBiaoSong,
        22.0,
        Rgb::BLACK,
        baseline(9),
        glyphs(
            fonts,
            FontRole::XiaoBiaoSong,
            22.0,
            centre(FontRole::XiaoBiaoSong, 22.0, headline),
            0.0,
            headline,
        ),
    ));
    for (i, t) in BODY[..4].iter().enumerate() {
        p1.push(body(fonts, 10 + i, t));
    }
    p1.push(page_number(fonts, 1));
    let page1 = Page {
        number: 1,
        width: Pt(PAGE_W),
        height: Pt(PAGE_H),
        lines: p1,
        rules: vec![Rule {
            x0: Pt(LEFT),
            x1: Pt(LEFT + MEASURE),
            y: Pt(rule_y),
            thickness: Pt(1.0),
            color: red,
        }],
        frames: vec![Frame {
            x: Pt(LEFT),
            y: Pt(baseline(4) + 6.0),
            width: Pt(MEASURE),
            height: Pt(PITCH * 3.0),
            thickness: Pt(0.75),
            color: Rgb::BLACK,
        }],
        images: Vec::new(),
    };
    let mut p2: Vec<TextLine> = BODY[4..]
        .iter()
        .enumerate()
        .map(|(i, t)| body(fonts, i, t))
        .collect();
    p2.push(page_number(fonts, 2));
    let page2 = Page {
        number: 2,
        width: Pt(PAGE_W),
        height: Pt(PAGE_H),
        lines: p2,
        rules: vec![],
        frames: vec![],
        images: Vec::new(),
    };
    Document {
        meta: DocumentMeta {
            title: TITLE.to_string(),
            author: AUTHOR.to_string(),
            date: NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
        },
        pages: vec![page1, page2],
        bookmarks: Vec::new(),
        images: Default::default(),
    }
}

//! Positioned pages: what layout produces once and every backend (PDF, SVG preview) only draws.
//!
//! Coordinates are points from the page's top-left corner, y growing downwards; a text line's
//! `baseline` is its glyphs' common baseline.

use chrono::NaiveDate;
use serde::Serialize;

use crate::fonts::{FaceId, FontRole};
use crate::images::{ImageId, ImageSet};
use crate::units::Pt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Rgb {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Rgb {
    /// Black, for body text and frames.
    pub const BLACK: Rgb = Rgb { r: 0, g: 0, b: 0 };
    /// The masthead red, RGB (255, 0, 0) (docs/layout.md §2).
    pub const RED: Rgb = Rgb { r: 255, g: 0, b: 0 };
}

/// Which element of the issue a line belongs to (for tests, the preview and proofing tools).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// The bulletin name in the masthead.
    MastheadName,
    /// 「第4期」 and 「（总第245期）」.
    MastheadNumber,
    /// The editing body (left) and the date (right).
    MastheadEditorDate,
    /// 「本期要目」.
    TocHeading,
    /// One line of a TOC entry.
    TocEntry,
    /// One line of an article headline.
    Headline,
    /// A level-1 heading 「一、…」.
    Heading1,
    /// A level-2 heading 「（一）…」.
    Heading2,
    /// A line of an article's body paragraph.
    Body,
    /// A line of a figure's caption 「图为……」 (楷体, centred under the picture).
    Caption,
    /// 「简讯」.
    BriefsHeading,
    /// A line of a brief.
    Brief,
    /// A row of the closing block.
    Closing,
    /// 「— 1 —」.
    PageNumber,
    /// A proof stamp in the top margin (never on a final PDF).
    Stamp,
}

/// One glyph placed on a line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Glyph {
    /// The character it shows (its Unicode text for search and copy).
    pub ch: char,
    /// The face that draws it (the role's face or the fallback).
    pub face: FaceId,
    /// The x of the glyph's origin (left edge of its advance), from the page's left edge.
    pub x: Pt,
}

/// A run of glyphs on one baseline, in one size and colour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// What the line is part of.
    pub element: Element,
    /// The role whose font it is set in (glyphs may still fall back to another face).
    pub role: FontRole,
    /// Font size.
    pub size: Pt,
    /// Text colour.
    pub color: Rgb,
    /// Baseline y, from the page's top edge.
    pub baseline: Pt,
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
}

impl TextLine {
    /// The line's text.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.ch).collect()
    }
}

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rule {
    /// Left end x.
    pub x0: Pt,
    /// Right end x.
    pub x1: Pt,
    /// Centre line y, from the top edge.
    pub y: Pt,
    /// Stroke thickness.
    pub thickness: Pt,
    /// Colour.
    pub color: Rgb,
}

/// A rectangular frame (the 本期要目 box).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Frame {
    /// Left x.
    pub x: Pt,
    /// Top y.
    pub y: Pt,
    /// Width.
    pub width: Pt,
    /// Height.
    pub height: Pt,
    /// Stroke thickness.
    pub thickness: Pt,
    /// Colour.
    pub color: Rgb,
}

/// A picture placed on a page: the image (its bytes are in `Document::images`) scaled into this
/// box, which keeps its aspect ratio (docs/layout.md §11).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PlacedImage {
    /// The image, by the SHA-256 of its bytes.
    pub image: ImageId,
    /// Left x, from the page's left edge.
    pub x: Pt,
    /// Top y, from the page's top edge.
    pub y: Pt,
    /// Width.
    pub width: Pt,
    /// Height.
    pub height: Pt,
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width (A4: 210 mm).
    pub width: Pt,
    /// Page height (A4: 297 mm).
    pub height: Pt,
    /// Text lines in reading order.
    pub lines: Vec<TextLine>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Frames.
    pub frames: Vec<Frame>,
    /// Pictures, top to bottom.
    #[serde(default)]
    pub images: Vec<PlacedImage>,
}

/// Document properties every backend writes (docs/layout.md §10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentMeta {
    /// 「温州科协信息 2020年第4期（总第245期）」.
    pub title: String,
    /// The editing body.
    pub author: String,
    /// The date: creation and modification dates derive from it (same input, same bytes).
    pub date: NaiveDate,
}

/// A laid-out issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Properties.
    pub meta: DocumentMeta,
    /// Pages in order.
    pub pages: Vec<Page>,
    /// The document outline (PDF bookmarks), in order; empty for a single issue.
    pub bookmarks: Vec<Bookmark>,
    /// The bytes of the pictures the pages place (left out of the serde form: pages name them by id).
    #[serde(skip)]
    pub images: ImageSet,
}

/// One entry of the document outline: a title and the 1-based page it opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bookmark {
    /// What the reader's outline shows.
    pub title: String,
    /// 1-based page number.
    pub page: u32,
}

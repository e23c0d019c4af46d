//! A page as the webview draws it: its text lines as positioned glyph ids and characters, its
//! rules, frames and pictures — no outlines (those are in the glyph table, sent once per session)
//! and no image bytes (a picture is its id and box; the webview fetches each image's preview copy
//! once, `Desktop::image_preview`), so a page is a few kilobytes. Drawn from the same `page::Page` as the PDF and the SVG backend, so line and
//! page breaks cannot differ.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::glyphs::{GlyphId, GlyphTable};
use crate::fonts::FontBook;
use crate::page::{Element, Page, Rgb};

/// One page, in points from its top-left corner (y down).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageDrawing {
    /// 1-based page number.
    pub number: u32,
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Text lines in reading order.
    pub lines: Vec<LineDrawing>,
    /// Horizontal rules.
    pub rules: Vec<RuleDrawing>,
    /// Rectangular frames.
    pub frames: Vec<FrameDrawing>,
    /// Pictures, by image id (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageDrawing>,
}

/// A picture on the page: which image and the box it fills (its aspect ratio, docs/layout.md §11).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImageDrawing {
    /// The image's id (SHA-256, hex): the webview's key for its preview copy.
    pub id: String,
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// A text line. Keys are one letter: a page holds some 30 lines and travels on every change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineDrawing {
    /// What the line is part of.
    #[serde(rename = "e")]
    pub element: Element,
    /// Fill colour, `#rrggbb`.
    #[serde(rename = "c")]
    pub color: String,
    /// Font size in points (the glyph table's outlines are 1 unit to the em).
    #[serde(rename = "s")]
    pub size: f32,
    /// Baseline y.
    #[serde(rename = "y")]
    pub baseline: f32,
    /// The line's characters (text for the invisible, selectable layer; never markup).
    #[serde(rename = "t")]
    pub text: String,
    /// One x per character of `text`.
    #[serde(rename = "x")]
    pub xs: Vec<f32>,
    /// One glyph per character of `text`; 0 where nothing is drawn (a space).
    #[serde(rename = "g")]
    pub glyphs: Vec<GlyphId>,
}

/// A horizontal rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleDrawing {
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Centre line.
    pub y: f32,
    /// Stroke width.
    pub thickness: f32,
    /// `#rrggbb`.
    pub color: String,
}

/// A rectangular frame.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrameDrawing {
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Stroke width.
    pub thickness: f32,
    /// `#rrggbb`.
    pub color: String,
}

impl PageDrawing {
    /// Draws `page`, registering the glyphs it uses in `table`.
    pub fn of(page: &Page, fonts: &FontBook, table: &mut GlyphTable) -> PageDrawing {
        let lines = page
            .lines
            .iter()
            .map(|line| LineDrawing {
                element: line.element,
                color: hex(line.color),
                size: round(line.size.0),
                baseline: round(line.baseline.0),
                text: line.text(),
                xs: line.glyphs.iter().map(|g| round(g.x.0)).collect(),
                glyphs: line
                    .glyphs
                    .iter()
                    .map(|g| table.glyph(fonts, g.face, g.ch))
                    .collect(),
            })
            .collect();
        PageDrawing {
            number: page.number,
            width: round(page.width.0),
            height: round(page.height.0),
            lines,
            rules: page
                .rules
                .iter()
                .map(|r| RuleDrawing {
                    x0: round(r.x0.0),
                    x1: round(r.x1.0),
                    y: round(r.y.0),
                    thickness: round(r.thickness.0),
                    color: hex(r.color),
                })
                .collect(),
            frames: page
                .frames
                .iter()
                .map(|f| FrameDrawing {
                    x: round(f.x.0),
                    y: round(f.y.0),
                    width: round(f.width.0),
                    height: round(f.height.0),
                    thickness: round(f.thickness.0),
                    color: hex(f.color),
                })
                .collect(),
            images: page
                .images
                .iter()
                .map(|i| ImageDrawing {
                    id: i.image.to_string(),
                    x: round(i.x.0),
                    y: round(i.y.0),
                    width: round(i.width.0),
                    height: round(i.height.0),
                })
                .collect(),
        }
    }

    /// The ids of the pictures the page places.
    pub fn image_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.images.iter().map(|i| i.id.as_str())
    }

    /// The page's text, line by line (its accessible description).
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A hash of everything drawn: equal hashes, equal pages (the webview keeps what it has).
    pub fn hash(&self) -> String {
        let bytes = serde_json::to_vec(self).expect("a drawing serialises");
        let digest = Sha256::digest(&bytes);
        digest[..12].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The glyphs the page draws.
    pub fn glyph_ids(&self) -> impl Iterator<Item = GlyphId> + '_ {
        self.lines
            .iter()
            .flat_map(|l| l.glyphs.iter().copied())
            .filter(|&g| g != 0)
    }
}

/// Two decimals of a point (0.0035 mm): exact enough to draw, short to send.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

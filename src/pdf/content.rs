//! One page's content stream: rules, frames and positioned glyphs as printpdf operations.
//!
//! Page coordinates are top-down (page.rs); PDF's are bottom-up, so every y is flipped here.

use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, Line, LinePoint, Op, PdfFontHandle, Point, Pt, TextItem, TextMatrix,
};

use super::subset::FaceSubset;
use crate::fonts::{FaceId, FontBook};
use crate::page::{Page, Rgb};

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.r) / 255.0,
        g: f32::from(c.g) / 255.0,
        b: f32::from(c.b) / 255.0,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

/// The operations that draw `page`. Every glyph of `page` has a subset in `subsets` and a
/// glyph id in `fonts` (checked by the caller).
pub(super) fn page_ops(
    page: &Page,
    fonts: &FontBook,
    subsets: &BTreeMap<FaceId, &FaceSubset>,
) -> Vec<Op> {
    let h = page.height.0;
    let mut ops = Vec::new();

    for rule in &page.rules {
        ops.push(Op::SetOutlineColor {
            col: color(rule.color),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(rule.thickness.0),
        });
        let y = h - rule.y.0;
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(rule.x0.0, y), point(rule.x1.0, y)],
                is_closed: false,
            },
        });
    }
    for f in &page.frames {
        ops.push(Op::SetOutlineColor {
            col: color(f.color),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(f.thickness.0),
        });
        let (x0, x1) = (f.x.0, f.x.0 + f.width.0);
        let (top, bottom) = (h - f.y.0, h - f.y.0 - f.height.0);
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    point(x0, top),
                    point(x1, top),
                    point(x1, bottom),
                    point(x0, bottom),
                ],
                is_closed: true,
            },
        });
    }

    if page.lines.iter().all(|l| l.glyphs.is_empty()) {
        return ops;
    }
    ops.push(Op::StartTextSection);
    let mut fill: Option<Rgb> = None;
    let mut font: Option<(FaceId, f32)> = None;
    for line in &page.lines {
        if fill != Some(line.color) {
            ops.push(Op::SetFillColor {
                col: color(line.color),
            });
            fill = Some(line.color);
        }
        let y = Pt(h - line.baseline.0);
        for g in &line.glyphs {
            let sub = subsets[&g.face];
            if font != Some((g.face, line.size.0)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(sub.id.clone()),
                    size: Pt(line.size.0),
                });
                font = Some((g.face, line.size.0));
            }
            let gid = fonts
                .glyph_id(g.face, g.ch)
                .expect("checked by pdf::used_glyphs");
            // One absolute text matrix per glyph: printpdf folds a baseline's run of these
            // into a single TJ whose kerns land each glyph exactly at its x, so the layout's
            // squeezing and spreading survive and readers still see one line of text.
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(g.x.0), y),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                    sub.gids[&gid],
                    0.0,
                    g.ch.to_string(),
                )])],
            });
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

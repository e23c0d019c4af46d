//! One page's content stream: rules, frames and positioned glyphs as printpdf operations.
//!
//! Page coordinates are top-down (page.rs); PDF's are bottom-up, so every y is flipped here.

use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, CurTransMat, FontId, Line, LinePoint, Op, PdfFontHandle, Point, Pt, TextItem,
    TextMatrix, XObjectId, XObjectTransform,
};

use super::subset::FaceSubset;
use crate::fonts::FaceId;
use crate::images::ImageSet;
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
/// A picture whose bytes `images` lacks is left out (preflight names its figure).
pub(super) fn page_ops(
    page: &Page,
    subsets: &BTreeMap<FaceId, &FaceSubset>,
    images: &ImageSet,
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

    for placed in page.images.iter().filter(|i| images.contains(&i.image)) {
        // The image space's unit square scaled onto the picture's box (y flipped).
        let bottom = h - placed.y.0 - placed.height.0;
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw([
                placed.width.0,
                0.0,
                0.0,
                placed.height.0,
                placed.x.0,
                bottom,
            ]),
        });
        ops.push(Op::UseXobject {
            id: XObjectId(super::images::resource_name(&placed.image)),
            transform: XObjectTransform {
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
        ops.push(Op::RestoreGraphicsState);
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
        let size = line.size.0;
        // One text object per run of a line in one face: a Tm at the run's first glyph, then
        // one TJ whose kerns put every following glyph exactly at the x the layout gave it
        // (its squeezing and spreading survive) while readers still see one line of text.
        for run in line.glyphs.chunk_by(|a, b| a.face == b.face) {
            let sub = subsets[&run[0].face];
            if font != Some((sub.face, size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(FontId(sub.resource.clone())),
                    size: Pt(size),
                });
                font = Some((sub.face, size));
            }
            let x0 = run[0].x.0;
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x0), y),
            });
            // The pen, in thousandths of an em from x0, after each glyph and its kern.
            let mut pen = 0.0f64;
            let mut items = Vec::with_capacity(run.len());
            for (i, g) in run.iter().enumerate() {
                let (cid, width) = sub.chars[&g.ch];
                pen += width as f64;
                // A TJ number n moves the pen by −n/1000 em.
                let kern = match run.get(i + 1) {
                    Some(next) => {
                        let target = f64::from(next.x.0 - x0) * 1000.0 / f64::from(size);
                        let k = (pen - target) as f32;
                        pen -= f64::from(k);
                        k
                    }
                    None => 0.0,
                };
                items.push(Codepoint::with_cid(cid, kern, g.ch.to_string()));
            }
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(items)],
            });
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

//! The preview backend: one SVG per laid-out page, drawn from the same `page::Page` as the PDF
//! (as typst-svg sits beside typst-pdf), so the preview cannot disagree with the export.
//!
//! Glyphs are drawn as outline paths taken from the faces the layout chose (bundled or
//! installed), so the webview needs no fonts of its own; each (face, glyph) is defined once per page in `<defs>` and placed with
//! `<use>`. An invisible `<text>` per line, with one x per character, keeps the page searchable
//! and selectable. Everything the editor typed is escaped: it can only ever be text.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::{Mutex, OnceLock};

use base64::Engine as _;

use crate::fonts::{FaceId, FontBook};
use crate::images::ImageSet;
use crate::page::{Document, Page, Rgb};

/// The SVG of each page of `doc`, in order, its pictures drawn from `doc.images`.
pub fn render_document(doc: &Document, fonts: &FontBook) -> Vec<String> {
    doc.pages
        .iter()
        .map(|p| render_page_with_images(p, fonts, &doc.images))
        .collect()
}

/// The SVG of one page, in points (`viewBox="0 0 595.28 841.89"` for A4), y growing downwards
/// as in `page.rs`. Its pictures are drawn as empty boxes (`class="picture"`, `data-image` the
/// image's id) for a caller that shows the pictures itself (the app's preview).
pub fn render_page(page: &Page, fonts: &FontBook) -> String {
    render_page_with_images(page, fonts, &ImageSet::new())
}

/// `render_page` with each picture `images` has drawn as an `<image>` of its bytes (a data URL)
/// in the box the layout gave it (docs/layout.md §11).
pub fn render_page_with_images(page: &Page, fonts: &FontBook, images: &ImageSet) -> String {
    let (w, h) = (page.width.0, page.height.0);
    let mut defs = String::new();
    let mut body = String::new();
    let mut defined: BTreeMap<(FaceId, u16), String> = BTreeMap::new();

    for rule in &page.rules {
        let _ = writeln!(
            body,
            r#"<line class="rule" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
            num(rule.x0.0),
            num(rule.y.0),
            num(rule.x1.0),
            num(rule.y.0),
            hex(rule.color),
            num(rule.thickness.0)
        );
    }
    for f in &page.frames {
        let _ = writeln!(
            body,
            r#"<rect class="frame" x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
            num(f.x.0),
            num(f.y.0),
            num(f.width.0),
            num(f.height.0),
            hex(f.color),
            num(f.thickness.0)
        );
    }

    for placed in &page.images {
        let (x, y, pw, ph) = (
            num(placed.x.0),
            num(placed.y.0),
            num(placed.width.0),
            num(placed.height.0),
        );
        let portable = images.get(&placed.image).and_then(|i| i.portable().ok());
        match portable {
            Some((kind, bytes)) => {
                let _ = writeln!(
                    body,
                    r#"<image class="picture" data-image="{}" x="{x}" y="{y}" width="{pw}" height="{ph}" preserveAspectRatio="none" href="data:{};base64,{}"/>"#,
                    placed.image,
                    kind.mime(),
                    base64::engine::general_purpose::STANDARD.encode(&bytes)
                );
            }
            None => {
                let _ = writeln!(
                    body,
                    r##"<rect class="picture" data-image="{}" x="{x}" y="{y}" width="{pw}" height="{ph}" fill="#f0f0f0"/>"##,
                    placed.image
                );
            }
        }
    }

    for line in &page.lines {
        let element = serde_json::to_value(line.element)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(
            body,
            r#"<g class="line" data-element="{}" fill="{}">"#,
            escape(&element),
            hex(line.color)
        );
        for g in &line.glyphs {
            let face = fonts.parsed(g.face);
            let Some(gid) = face.glyph_index(g.ch) else {
                continue;
            };
            let key = (g.face, gid.0);
            let id = defined.entry(key).or_insert_with(|| {
                match outline(FaceKey::of(fonts, g.face), face, gid) {
                    Some(d) => {
                        let id = format!("p{}f{}g{}", page.number, g.face.slot(), gid.0);
                        let _ = writeln!(defs, r#"<path id="{id}" d="{d}"/>"#);
                        id
                    }
                    // A blank glyph (a space): nothing to draw.
                    None => String::new(),
                }
            });
            if id.is_empty() {
                continue;
            }
            let scale = line.size.0 / f32::from(face.units_per_em());
            let _ = writeln!(
                body,
                r##"<use href="#{id}" transform="translate({} {}) scale({} {})"/>"##,
                num(g.x.0),
                num(line.baseline.0),
                num6(scale),
                num6(-scale)
            );
        }
        // Invisible text over the outlines, one x per character: search, selection, tests.
        let xs: Vec<String> = line.glyphs.iter().map(|g| num(g.x.0)).collect();
        let text: String = line.glyphs.iter().map(|g| g.ch).collect();
        let _ = writeln!(
            body,
            r#"<text x="{}" y="{}" font-size="{}" fill="none" xml:space="preserve">{}</text>"#,
            xs.join(" "),
            num(line.baseline.0),
            num(line.size.0),
            escape(&text)
        );
        body.push_str("</g>\n");
    }

    let mut out = String::with_capacity(defs.len() + body.len() + 256);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="page" data-page="{}" width="{}pt" height="{}pt" viewBox="0 0 {} {}">"#,
        page.number,
        num(w),
        num(h),
        num(w),
        num(h)
    );
    let _ = writeln!(
        out,
        r##"<rect class="paper" width="{}" height="{}" fill="#ffffff"/>"##,
        num(w),
        num(h)
    );
    out.push_str("<defs>\n");
    out.push_str(&defs);
    out.push_str("</defs>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// A sample line of `text` in `face` alone at `size` pt, as an SVG (the 设置 › 字体 dialog shows
/// each face so); characters the face lacks are left as gaps, since a sample shows the face.
pub fn render_sample(fonts: &FontBook, face: FaceId, text: &str, size: f32) -> String {
    let parsed = fonts.parsed(face);
    let scale = size / f32::from(parsed.units_per_em());
    let baseline = size * 1.15;
    let mut x = 0.0f32;
    let mut body = String::new();
    for ch in text.chars() {
        let advance = fonts.advance_em(face, ch) * size;
        if let Some(gid) = parsed.glyph_index(ch).filter(|g| g.0 != 0) {
            if let Some(d) = outline(FaceKey::of(fonts, face), parsed, gid) {
                let _ = writeln!(
                    body,
                    r#"<path d="{d}" transform="translate({} {}) scale({} {})"/>"#,
                    num(x),
                    num(baseline),
                    num6(scale),
                    num6(-scale)
                );
            }
        }
        x += advance;
    }
    let (w, h) = (x.max(1.0), size * 1.5);
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="sample" width="{}pt" height="{}pt" viewBox="0 0 {} {}"><g fill="#000000">
{body}</g></svg>
"##,
        num(w),
        num(h),
        num(w),
        num(h)
    )
}

/// A face as the outline cache knows it: its file's bytes (mapped once and never unmapped, so
/// their address names the file for the process) and its index, since the face playing a role
/// changes when the editor chooses another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FaceKey(usize, u32);

impl FaceKey {
    pub(crate) fn of(fonts: &FontBook, face: FaceId) -> FaceKey {
        FaceKey(fonts.bytes(face).as_ptr() as usize, fonts.face_index(face))
    }
}

/// The glyph's outline as SVG path data in font units (y up), cached for the process: the app
/// re-renders the preview on every keystroke and the same characters recur.
pub(crate) fn outline(
    face_id: FaceKey,
    face: &ttf_parser::Face<'_>,
    gid: ttf_parser::GlyphId,
) -> Option<String> {
    type Cache = Mutex<HashMap<(FaceKey, u16), Option<String>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().expect("outline cache").get(&(face_id, gid.0)) {
        return hit.clone();
    }
    let mut path = PathData(String::new());
    let d = face.outline_glyph(gid, &mut path).map(|_| path.0);
    cache
        .lock()
        .expect("outline cache")
        .insert((face_id, gid.0), d.clone());
    d
}

struct PathData(String);

impl PathData {
    /// Appends `op` and its coordinates; font units are almost always whole numbers, written
    /// without going through float formatting (the preview re-renders on every keystroke).
    fn op(&mut self, op: char, coords: &[f32]) {
        self.0.push(op);
        for (i, &v) in coords.iter().enumerate() {
            if i > 0 {
                self.0.push(' ');
            }
            if v.fract() == 0.0 && v.abs() < 1e6 {
                let _ = write!(self.0, "{}", v as i32);
            } else {
                self.0.push_str(&num(v));
            }
        }
    }
}

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        self.op('M', &[x, y]);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.op('L', &[x, y]);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.op('Q', &[x1, y1, x, y]);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.op('C', &[x1, y1, x2, y2, x, y]);
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// `#rrggbb`.
fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

/// A coordinate with at most 3 decimals and no trailing zeros.
fn num(v: f32) -> String {
    trim(format!("{v:.3}"))
}

fn num6(v: f32) -> String {
    trim(format!("{v:.6}"))
}

fn trim(s: String) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0').trim_end_matches('.');
        if t == "-0" {
            "0".to_string()
        } else {
            t.to_string()
        }
    } else {
        s
    }
}

/// Escapes text for SVG character data and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids outright; the layout should never place them.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_enough() {
        assert_eq!(num(79.370_08), "79.37");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num6(0.016), "0.016");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)">&'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape("a\u{1}b"), "a\u{fffd}b");
    }
}

//! The glyph table: every (face, glyph) the preview has drawn gets a number for the process, and
//! its outline is kept once. Pages name glyphs by number; the webview receives each outline once
//! per session and keeps it in its glyph sheet.

use std::collections::HashMap;

use serde::Serialize;

use crate::fonts::{FaceId, FontBook};
use crate::svg::{outline, FaceKey};

/// A glyph's number in the table; 0 is "nothing to draw" (a space, a missing glyph).
pub type GlyphId = u32;

/// One glyph's outline as the webview's glyph sheet holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GlyphDef {
    /// Its number.
    pub id: GlyphId,
    /// SVG path data in font units, y up.
    pub d: String,
    /// 1 / units per em: drawn at `scale(scale, -scale)` the outline is 1 unit to the em, y down.
    pub scale: f32,
}

/// Glyph numbers and outlines for the process (faces are told apart by their mapped file, so a
/// face chosen for a role later gets numbers of its own).
#[derive(Debug, Default)]
pub struct GlyphTable {
    ids: HashMap<(FaceKey, u16), GlyphId>,
    defs: Vec<GlyphDef>,
}

impl GlyphTable {
    /// The number of `ch` drawn in `face`, registering its outline on first use.
    pub fn glyph(&mut self, fonts: &FontBook, face: FaceId, ch: char) -> GlyphId {
        let parsed = fonts.parsed(face);
        let Some(gid) = parsed.glyph_index(ch) else {
            return 0;
        };
        let key = (FaceKey::of(fonts, face), gid.0);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = match outline(key.0, parsed, gid) {
            Some(d) => {
                let id = self.defs.len() as GlyphId + 1;
                self.defs.push(GlyphDef {
                    id,
                    d,
                    scale: 1.0 / f32::from(parsed.units_per_em()),
                });
                id
            }
            None => 0,
        };
        self.ids.insert(key, id);
        id
    }

    /// The outline numbered `id`.
    pub fn def(&self, id: GlyphId) -> Option<&GlyphDef> {
        id.checked_sub(1).and_then(|i| self.defs.get(i as usize))
    }

    /// How many outlines the table holds.
    pub fn len(&self) -> usize {
        self.defs.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }
}

//! The live preview at the speed of typing: the last layout of an editing session is kept, each
//! page is hashed, and an update carries only the pages whose hash changed and the glyph outlines
//! the webview has not had yet. `svg` stays the full-page backend (tests, the fonts dialog).

mod drawing;
mod glyphs;

use std::collections::HashSet;
use std::sync::Arc;

use serde::Serialize;

pub use drawing::{FrameDrawing, ImageDrawing, LineDrawing, PageDrawing, RuleDrawing};
pub use glyphs::{GlyphDef, GlyphId, GlyphTable};

use crate::fonts::FontBook;
use crate::page::Document;

/// One page of an update: its hash always, its drawing when the webview does not have it.
#[derive(Debug, Clone, Serialize)]
pub struct PageState {
    /// The hash of the page's drawing.
    pub hash: String,
    /// The drawing, sent when the page changed (or was asked for).
    pub drawing: Option<PageDrawing>,
}

/// What the webview receives after a change.
#[derive(Debug, Clone, Serialize)]
pub struct PreviewUpdate {
    /// Every page in order, with its hash.
    pub pages: Vec<PageState>,
    /// The outlines of glyphs the drawings sent use and this session has not had yet.
    pub glyphs: Vec<GlyphDef>,
    /// For each article, the lines its headline is set in where layout broke it automatically
    /// (docs/layout.md §4.1), else `None`: the form shows the editor where the breaks fall.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headlines: Vec<Option<Vec<String>>>,
}

impl PreviewUpdate {
    /// How many pages carry their drawing.
    pub fn drawn(&self) -> usize {
        self.pages.iter().filter(|p| p.drawing.is_some()).count()
    }
}

/// One editing session's preview: the pages last laid out and the glyphs it has been sent.
#[derive(Debug, Default)]
pub struct PreviewState {
    pages: Vec<(String, Arc<PageDrawing>)>,
    sent: HashSet<GlyphId>,
}

impl PreviewState {
    /// Draws `doc` and returns every page's hash, with the drawing of each page that differs from
    /// the last update's page at the same place.
    pub fn update(
        &mut self,
        doc: &Document,
        fonts: &FontBook,
        table: &mut GlyphTable,
    ) -> PreviewUpdate {
        let pages: Vec<(String, Arc<PageDrawing>)> = doc
            .pages
            .iter()
            .map(|page| {
                let drawing = PageDrawing::of(page, fonts, table);
                (drawing.hash(), Arc::new(drawing))
            })
            .collect();
        let states = pages
            .iter()
            .enumerate()
            .map(|(i, (hash, drawing))| {
                let same = self.pages.get(i).is_some_and(|(h, _)| h == hash);
                PageState {
                    hash: hash.clone(),
                    drawing: (!same).then(|| PageDrawing::clone(drawing)),
                }
            })
            .collect();
        self.pages = pages;
        self.reply(states, table)
    }

    /// The pages at `indices` of the last update, with their drawings (the webview asks for a
    /// page it no longer holds); indices past the end are left out.
    pub fn pages(&mut self, indices: &[usize], table: &GlyphTable) -> PreviewUpdate {
        let states = self
            .pages
            .iter()
            .enumerate()
            .map(|(i, (hash, drawing))| PageState {
                hash: hash.clone(),
                drawing: indices.contains(&i).then(|| PageDrawing::clone(drawing)),
            })
            .collect();
        self.reply(states, table)
    }

    /// Forgets which glyphs were sent (the webview lost its sheet).
    pub fn forget_glyphs(&mut self) {
        self.sent.clear();
    }

    fn reply(&mut self, pages: Vec<PageState>, table: &GlyphTable) -> PreviewUpdate {
        let mut glyphs = Vec::new();
        for drawing in pages.iter().filter_map(|p| p.drawing.as_ref()) {
            for id in drawing.glyph_ids() {
                if self.sent.insert(id) {
                    if let Some(def) = table.def(id) {
                        glyphs.push(def.clone());
                    }
                }
            }
        }
        PreviewUpdate {
            pages,
            glyphs,
            headlines: Vec::new(),
        }
    }
}

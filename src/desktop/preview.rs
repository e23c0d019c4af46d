//! The live preview's operations: per editing session (a token the webview makes when it starts)
//! the last layout is kept, so a keystroke sends only the pages it changed and glyph outlines the
//! session has not had (`crate::preview`).

use std::sync::{Arc, MutexGuard, TryLockError};

use super::{Desktop, DesktopError, Result};
use crate::fonts::FontBook;
use crate::model::Issue;
use crate::preview::{GlyphTable, PreviewState, PreviewUpdate};

/// How many sessions are remembered (a reloaded webview starts a new one; old ones age out).
const SESSIONS: usize = 4;

/// The glyph table and the sessions' last layouts, most recently used last.
#[derive(Debug, Default)]
pub(super) struct Previews {
    table: GlyphTable,
    sessions: Vec<(String, PreviewState)>,
}

impl Previews {
    /// The session `key`, made (and the oldest forgotten) if new, moved to the end.
    fn session(&mut self, key: &str) -> (&mut PreviewState, &mut GlyphTable) {
        let state = match self.sessions.iter().position(|(k, _)| k == key) {
            Some(i) => self.sessions.remove(i).1,
            None => PreviewState::default(),
        };
        if self.sessions.len() >= SESSIONS {
            self.sessions.remove(0);
        }
        self.sessions.push((key.to_string(), state));
        let last = self.sessions.last_mut().expect("just pushed");
        (&mut last.1, &mut self.table)
    }
}

impl Desktop {
    fn previews(&self) -> MutexGuard<'_, Previews> {
        self.previews.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The font book for the preview. Typing must not wait behind an autosave holding the store
    /// (a transaction written to disk): while the store is busy the book made for the current
    /// choice serves, which `set_font` and `restore` drop when they change the choice.
    fn preview_fonts(&self) -> Result<Arc<FontBook>> {
        if let Err(TryLockError::WouldBlock) = self.store.try_lock() {
            let chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((_, book)) = chosen.as_ref() {
                return Ok(Arc::clone(book));
            }
        }
        self.fonts()
    }

    /// The live preview after a change: `issue` laid out, every page's hash, and the drawing of
    /// each page that differs from the last update of `session` (all of them for a new session).
    pub fn preview_update(&self, session: &str, issue: &Issue) -> Result<PreviewUpdate> {
        let fonts = self.preview_fonts()?;
        let issue = &self.with_images(issue);
        let doc =
            crate::layout::layout(issue, &fonts).map_err(|e| DesktopError::new(e.to_string()))?;
        let mut previews = self.previews();
        let (state, table) = previews.session(session);
        let mut update = state.update(&doc, &fonts, table);
        update.headlines = crate::layout::automatic_headline_breaks(issue, &fonts);
        Ok(update)
    }

    /// The drawings of the pages at `indices` of `session`'s last update (the webview asks for a
    /// page it no longer holds).
    pub fn preview_pages(&self, session: &str, indices: &[usize]) -> Result<PreviewUpdate> {
        let mut previews = self.previews();
        if !previews.sessions.iter().any(|(k, _)| k == session) {
            return Err(DesktopError::new(
                "预览已过期，请稍候，预览会重新生成。如果一直不更新，请关闭并重新打开这期简报。",
            ));
        }
        let (state, table) = previews.session(session);
        Ok(state.pages(indices, table))
    }
}

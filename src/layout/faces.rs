//! The faces of a font book parsed once per layout: glyph lookups and advances straight on the
//! parsed tables, with the role's fallback chain resolved as `FontBook::resolve` does.

use crate::fonts::{FaceId, FontBook, FontRole};

/// Every face of a font book (bundled and installed), parsed, by `FaceId::slot`.
pub(crate) struct Faces<'f> {
    book: &'f FontBook,
    faces: Vec<Option<ttf_parser::Face<'static>>>,
}

impl<'f> Faces<'f> {
    /// The faces of `book` (each parsed when the book was made; this copies the parsed tables).
    pub(crate) fn new(book: &'f FontBook) -> Faces<'f> {
        let mut faces = vec![None; FaceId::BUNDLED.len() + FontRole::ALL.len()];
        for id in book.faces() {
            faces[id.slot()] = Some(book.parsed(id).clone());
        }
        Faces { book, faces }
    }

    fn face(&self, id: FaceId) -> &ttf_parser::Face<'static> {
        self.faces[id.slot()]
            .as_ref()
            .unwrap_or_else(|| self.book.parsed(id))
    }

    fn has_glyph(&self, id: FaceId, ch: char) -> bool {
        matches!(self.face(id).glyph_index(ch), Some(g) if g.0 != 0)
    }

    /// The face that plays `role` first (the installed one chosen, else the bundled one).
    pub(crate) fn primary(&self, role: FontRole) -> FaceId {
        self.book.primary(role)
    }

    /// The face that draws `ch` in `role`, as `FontBook::resolve` decides: the first face of
    /// the role's chain that has it, else none.
    pub(crate) fn resolve(&self, role: FontRole, ch: char) -> Option<FaceId> {
        self.book
            .chain_for(role, ch)
            .find(|&f| self.has_glyph(f, ch))
    }

    /// The advance of `ch` in `face`, in em (1 em when the face lacks it).
    pub(crate) fn advance_em(&self, id: FaceId, ch: char) -> f32 {
        let f = self.face(id);
        let upem = f32::from(f.units_per_em());
        f.glyph_index(ch)
            .and_then(|g| f.glyph_hor_advance(g))
            .map(|a| f32::from(a) / upem)
            .unwrap_or(1.0)
    }

    /// The horizontal extent of `ch`'s ink in `face`, in em from its origin, if it has any.
    #[cfg(test)]
    pub(crate) fn ink_em(&self, id: FaceId, ch: char) -> Option<(f32, f32)> {
        let f = self.face(id);
        let upem = f32::from(f.units_per_em());
        let bb = f.glyph_bounding_box(f.glyph_index(ch)?)?;
        Some((f32::from(bb.x_min) / upem, f32::from(bb.x_max) / upem))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_and_measures_like_the_font_book() {
        let book = FontBook::global().expect("fonts in assets/fonts");
        let faces = Faces::new(book);
        for role in FontRole::ALL {
            for ch in "温州堃喆镕𠀋𪚥，“（2aW◆— ".chars() {
                let r = faces.resolve(role, ch);
                assert_eq!(r, book.resolve(role, ch), "{role:?} {ch}");
                if let Some(face) = r {
                    assert_eq!(faces.advance_em(face, ch), book.advance_em(face, ch));
                }
            }
        }
    }

    /// Squeezing removes the blank half of a full-width mark (linebreak::Class): its ink must lie
    /// in the other half, in every role's face, or a squeezed mark would overlap its neighbour.
    #[test]
    fn squeezable_marks_have_their_ink_in_the_kept_half() {
        use crate::linebreak::{classify, Class};
        let book = FontBook::global().expect("fonts in assets/fonts");
        let faces = Faces::new(book);
        for role in FontRole::ALL {
            let face = role.face();
            for ch in "，。、；：！）」』】〉》〕］｝”’（「『【〈《〔［｛“‘".chars()
            {
                assert_eq!(faces.resolve(role, ch), Some(face), "{role:?} lacks {ch}");
                assert!((faces.advance_em(face, ch) - 1.0).abs() < 1e-3);
                let (x0, x1) = faces.ink_em(face, ch).expect("a mark has ink");
                match classify(ch, 1.0) {
                    Class::Closing => assert!(x1 <= 0.5, "{role:?} {ch}: ink to {x1}"),
                    Class::Opening => assert!(x0 >= 0.5, "{role:?} {ch}: ink from {x0}"),
                    c => panic!("{ch} is {c:?}"),
                }
            }
        }
    }
}

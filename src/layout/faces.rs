//! The bundled faces parsed once per layout: glyph lookups and advances without re-parsing a
//! font per character (FontBook parses on every call, which costs a microsecond a character).

use crate::fonts::{FaceId, FontBook, FontRole};

/// Every bundled face, parsed from the font book's memory maps.
pub(crate) struct Faces<'f> {
    faces: Vec<ttf_parser::Face<'f>>,
}

fn slot(face: FaceId) -> usize {
    FaceId::ALL
        .iter()
        .position(|&f| f == face)
        .expect("every face is in FaceId::ALL")
}

impl<'f> Faces<'f> {
    /// Parses every face of `book`.
    pub(crate) fn new(book: &'f FontBook) -> Faces<'f> {
        let faces = FaceId::ALL
            .iter()
            .map(|&id| {
                // FontBook::load parsed every face already, so this cannot fail.
                ttf_parser::Face::parse(book.bytes(id), id.face_index())
                    .expect("face parsed when the font book was loaded")
            })
            .collect();
        Faces { faces }
    }

    fn face(&self, id: FaceId) -> &ttf_parser::Face<'f> {
        &self.faces[slot(id)]
    }

    fn has_glyph(&self, id: FaceId, ch: char) -> bool {
        matches!(self.face(id).glyph_index(ch), Some(g) if g.0 != 0)
    }

    /// The face that draws `ch` in `role`, as `FontBook::resolve` decides: the role's own face,
    /// else the fallback, else none.
    pub(crate) fn resolve(&self, role: FontRole, ch: char) -> Option<FaceId> {
        let own = role.face();
        if self.has_glyph(own, ch) {
            Some(own)
        } else if self.has_glyph(FaceId::NotoSerifSc, ch) {
            Some(FaceId::NotoSerifSc)
        } else {
            None
        }
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

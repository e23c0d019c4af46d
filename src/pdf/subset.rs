//! Cutting each bundled face down to the glyphs one document uses, before printpdf sees it.
//!
//! printpdf parses every font it is given in full (measured in release: ≈ 32 ms for FandolFang,
//! ≈ 110 ms for the Noto Serif CJK SC face on this machine under load), which alone would blow
//! the export budget. Subsetting first with allsorts (the subsetter printpdf itself uses) costs
//! a few milliseconds per face, and parsing the few-hundred-glyph result well under one; the
//! faces are cut in parallel.

use std::collections::BTreeMap;

use printpdf::{FontId, ParsedFont};

use crate::fonts::{FaceId, FontBook};

use super::PdfError;

/// One face, cut down to the glyphs a document uses.
pub(crate) struct FaceSubset {
    /// The face it was cut from.
    pub face: FaceId,
    /// The font's resource name in the PDF; its first six letters are the subset tag.
    pub id: FontId,
    /// The subset, parsed for printpdf.
    pub font: ParsedFont,
    /// Original glyph id → glyph id in the subset.
    pub gids: BTreeMap<u16, u16>,
}

/// The glyphs of one face a document uses: original glyph id → the character it shows.
pub(crate) type UsedGlyphs = BTreeMap<u16, char>;

/// Cuts every face in `used` (in `FaceId` order, so output is stable), in parallel.
pub(crate) fn subset_all(
    fonts: &FontBook,
    used: &BTreeMap<FaceId, UsedGlyphs>,
) -> Result<Vec<FaceSubset>, PdfError> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = used
            .iter()
            .map(|(&face, glyphs)| scope.spawn(move || subset_face(fonts, face, glyphs)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("font subsetting thread panicked"))
            .collect()
    })
}

fn subset_face(
    fonts: &FontBook,
    face: FaceId,
    glyphs: &UsedGlyphs,
) -> Result<FaceSubset, PdfError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};

    let failed = |message: String| PdfError::Font {
        face: face.file_name(),
        message,
    };
    // Glyph 0 (.notdef) first, then the used glyphs in ascending order: allsorts renumbers
    // each to its position in this list.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(glyphs.keys().copied().filter(|&g| g != 0))
        .collect();
    let data = ReadScope::new(fonts.bytes(face))
        .read::<FontData<'_>>()
        .map_err(|e| failed(e.to_string()))?;
    let provider = data
        .table_provider(face.face_index() as usize)
        .map_err(|e| failed(e.to_string()))?;
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| failed(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| failed(format!("printpdf could not read the subset: {warnings:?}")))?;
    font.font_name = Some(postscript_name(face).to_string());
    let gids = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u16))
        .collect();
    Ok(FaceSubset {
        face,
        id: FontId(format!("{}{}", subset_tag(face, &ids), short_name(face))),
        font,
        gids,
    })
}

/// The name the PDF gives the font (after the subset tag).
fn postscript_name(face: FaceId) -> &'static str {
    match face {
        FaceId::FandolSongBold => "FandolSong-Bold",
        FaceId::FandolFang => "FandolFang-Regular",
        FaceId::FandolHei => "FandolHei-Regular",
        FaceId::FandolKai => "FandolKai-Regular",
        FaceId::FandolSong => "FandolSong-Regular",
        FaceId::NotoSerifSc => "NotoSerifCJKsc-Regular",
    }
}

fn short_name(face: FaceId) -> &'static str {
    match face {
        FaceId::FandolSongBold => "SongBold",
        FaceId::FandolFang => "Fang",
        FaceId::FandolHei => "Hei",
        FaceId::FandolKai => "Kai",
        FaceId::FandolSong => "Song",
        FaceId::NotoSerifSc => "Noto",
    }
}

/// Six capital letters naming this subset (ISO 32000-1 §9.6.4): derived from the face and its
/// glyph set, so the same document always gets the same tag and different subsets differ.
fn subset_tag(face: FaceId, ids: &[u16]) -> String {
    let mut h = super::Fnv::new();
    h.write(postscript_name(face).as_bytes());
    for id in ids {
        h.write(&id.to_be_bytes());
    }
    let mut n = h.finish();
    (0..6)
        .map(|_| {
            let c = (b'A' + (n % 26) as u8) as char;
            n /= 26;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_is_six_capitals_stable_and_depends_on_the_glyphs() {
        let a = subset_tag(FaceId::FandolFang, &[0, 5, 9]);
        assert_eq!(a.len(), 6);
        assert!(a.bytes().all(|b| b.is_ascii_uppercase()), "{a}");
        assert_eq!(a, subset_tag(FaceId::FandolFang, &[0, 5, 9]));
        assert_ne!(a, subset_tag(FaceId::FandolFang, &[0, 5, 10]));
        assert_ne!(a, subset_tag(FaceId::FandolKai, &[0, 5, 9]));
    }

    #[test]
    fn subset_keeps_advances_and_renumbers_in_order() {
        let book = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
        let mut used = UsedGlyphs::new();
        for ch in ['温', '州', 'A', '，'] {
            used.insert(book.glyph_id(FaceId::FandolFang, ch).unwrap(), ch);
        }
        let mut all = BTreeMap::new();
        all.insert(FaceId::FandolFang, used.clone());
        let subs = subset_all(book, &all).unwrap();
        assert_eq!(subs.len(), 1);
        let s = &subs[0];
        assert_eq!(s.font.num_glyphs, 5);
        let news: Vec<u16> = used.keys().map(|g| s.gids[g]).collect();
        assert_eq!(news, vec![1, 2, 3, 4]);
        for (&old, &new) in &s.gids {
            let upm = s.font.pdf_font_metrics.units_per_em as f32;
            let adv = s.font.get_horizontal_advance(new) as f32 / upm;
            let want = book.glyph_advance_em(FaceId::FandolFang, old);
            assert!((adv - want).abs() < 1e-3, "gid {old}: {adv} vs {want}");
        }
    }
}

//! Embedding a face subset as a composite font (ISO 32000-1 §9.7): a Type0 font with the
//! Identity-H encoding over a CIDFontType0 whose program is the bare CFF subset, or over a
//! CIDFontType2 whose program is the TrueType subset (CIDToGIDMap /Identity: CID k is glyph k of
//! the subset), with /W widths and a ToUnicode map so readers (`pdftotext`, search, copy) get
//! the text back.
//!
//! printpdf draws the pages and names each font only by its resource name; the font objects
//! are ours, because printpdf can only embed fonts it can parse in full, and parsing (then
//! subsetting again) is where most of the export time went.

use std::fmt::Write as _;

use lopdf::{dictionary, Document as LoDocument, Object, ObjectId, Stream};

use crate::fonts::{FontBook, Outlines};

use super::subset::{width_units, FaceSubset, UsedGlyphs};

/// Adds the Type0 font for `subset` to `doc` and returns its object id.
pub(crate) fn add_font(
    doc: &mut LoDocument,
    fonts: &FontBook,
    subset: &FaceSubset,
    glyphs: &UsedGlyphs,
) -> ObjectId {
    let metrics = Metrics::of(fonts, subset);
    // Already deflated on the subsetting thread; `compress` leaves streams with a /Filter.
    let (program_dict, file_key, cid_subtype) = match subset.outlines {
        Outlines::Cff => (
            dictionary! { "Subtype" => "CIDFontType0C", "Filter" => "FlateDecode" },
            "FontFile3",
            "CIDFontType0",
        ),
        Outlines::TrueType => (
            dictionary! {
                "Length1" => subset.program_len as i64,
                "Filter" => "FlateDecode",
            },
            "FontFile2",
            "CIDFontType2",
        ),
    };
    let program = doc.add_object(
        Stream::new(program_dict, subset.program_deflated.clone()).with_compression(false),
    );
    let mut descriptor = dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(subset.base_font.clone().into_bytes()),
        // Symbolic (bit 3): glyphs outside the standard Latin set.
        "Flags" => 4,
        "FontBBox" => metrics.bbox.iter().map(|&v| Object::Integer(v)).collect::<Vec<_>>(),
        "ItalicAngle" => 0,
        "Ascent" => metrics.ascent,
        "Descent" => metrics.descent,
        "CapHeight" => metrics.ascent,
        "StemV" => 80,
    };
    descriptor.set(file_key, program);
    let descriptor = doc.add_object(descriptor);
    let mut cid_font = dictionary! {
        "Type" => "Font",
        "Subtype" => cid_subtype,
        "BaseFont" => Object::Name(subset.base_font.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => widths(fonts, subset),
    };
    if subset.outlines == Outlines::TrueType {
        cid_font.set("CIDToGIDMap", "Identity");
    }
    let cid_font = doc.add_object(cid_font);
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, to_unicode(subset, glyphs)));
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(subset.base_font.clone().into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => to_unicode,
    })
}

/// The face's vertical metrics and bounding box in thousandths of an em.
struct Metrics {
    ascent: i64,
    descent: i64,
    bbox: [i64; 4],
}

impl Metrics {
    fn of(fonts: &FontBook, subset: &FaceSubset) -> Metrics {
        let units = |em: f32| (em * 1000.0).round() as i64;
        Metrics {
            ascent: units(fonts.ascender_em(subset.face)),
            descent: units(fonts.descender_em(subset.face)),
            bbox: fonts.bbox_em(subset.face).map(units),
        }
    }
}

/// /W: `c [w1 w2 …]` runs for consecutive CIDs whose width is not the default 1000.
fn widths(fonts: &FontBook, subset: &FaceSubset) -> Vec<Object> {
    let mut out = Vec::new();
    let mut run: Option<(u16, Vec<Object>)> = None;
    let mut last: Option<u16> = None;
    for (&gid, &cid) in &subset.cids {
        let w = width_units(fonts, subset.face, gid);
        let contiguous = last.is_some_and(|l| l + 1 == cid);
        last = Some(cid);
        if w == 1000 || !contiguous {
            if let Some((start, ws)) = run.take() {
                out.push(Object::Integer(i64::from(start)));
                out.push(Object::Array(ws));
            }
        }
        if w == 1000 {
            continue;
        }
        run.get_or_insert_with(|| (cid, Vec::new()))
            .1
            .push(Object::Integer(w));
    }
    if let Some((start, ws)) = run {
        out.push(Object::Integer(i64::from(start)));
        out.push(Object::Array(ws));
    }
    out
}

/// The ToUnicode CMap (ISO 32000-1 §9.10.3): each CID → the UTF-16BE of its character.
fn to_unicode(subset: &FaceSubset, glyphs: &UsedGlyphs) -> Vec<u8> {
    let pairs: Vec<(u16, char)> = glyphs
        .by_gid
        .iter()
        .filter_map(|(gid, &ch)| Some((*subset.cids.get(gid)?, ch)))
        .collect();
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // At most 100 entries per block (the CMap format's limit).
    for chunk in pairs.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for &(cid, ch) in chunk {
            let mut units = [0u16; 2];
            let hex: String = ch
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(s, "<{cid:04X}> <{hex}>");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

/// Puts the fonts into the /Font dictionary every page's resources point at (printpdf writes
/// one, shared by all pages, or none when it embedded no font itself).
pub(crate) fn attach_to_pages(doc: &mut LoDocument, fonts: &[(String, ObjectId)]) {
    let mut font_dict = lopdf::Dictionary::new();
    for (name, id) in fonts {
        font_dict.set(name.as_bytes().to_vec(), Object::Reference(*id));
    }
    let font_dict = doc.add_object(font_dict);
    set_page_resource(doc, "Font", font_dict);
}

/// Sets resource category `key` (/Font, /XObject) of every page's resources to the dictionary
/// `value` (printpdf writes one resources dictionary shared by all pages, or one per page).
pub(crate) fn set_page_resource(doc: &mut LoDocument, key: &str, value: ObjectId) {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in pages {
        let resources = match doc.get_dictionary(page).and_then(|p| p.get(b"Resources")) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let res = match resources {
            Some(id) => doc.get_dictionary_mut(id),
            None => doc
                .get_dictionary_mut(page)
                .and_then(|p| p.get_mut(b"Resources"))
                .and_then(Object::as_dict_mut),
        };
        if let Ok(res) = res {
            res.set(key, Object::Reference(value));
        }
    }
}

//! A fast subset of a CID-keyed CFF font without subroutines (Adobe TN 5176), the kind the
//! Fandol faces are: the used glyphs' charstrings are copied byte for byte, since with no
//! subroutines a charstring stands alone. That skips decompiling and re-encoding every outline,
//! which was half the time of a PDF export. Any other font (subroutines, name-keyed, several
//! font dictionaries with local subroutines…) gets `None`, and the caller uses `subsetter`.
//!
//! The result is CID-keyed with CID = new glyph id (glyph k of the list is CID k), the same
//! contract as `subsetter`'s output.

/// The subset of `cff` (a bare 'CFF ' table) holding `gids` in that order (`gids[0]` must be
/// 0, .notdef), or `None` when the font is not of the kind this handles.
pub(crate) fn subset_without_subroutines(cff: &[u8], gids: &[u16]) -> Option<Vec<u8>> {
    if gids.first() != Some(&0) {
        return None;
    }
    let header_size = usize::from(*cff.get(2)?);
    let names = Index::read(cff, header_size)?;
    let top_dicts = Index::read(cff, names.end)?;
    let strings = Index::read(cff, top_dicts.end)?;
    let global_subrs = Index::read(cff, strings.end)?;
    if global_subrs.count() != 0 || top_dicts.count() != 1 {
        return None;
    }
    let top = Dict::parse(top_dicts.get(cff, 0)?)?;
    // CID-keyed (ROS), Type 2 charstrings, the default font matrix (1000 units to the em):
    // the subset's top DICT states nothing else.
    if top.get(ROS).is_none()
        || top.get(CHARSTRING_TYPE).is_some_and(|v| v != [2.0])
        || top.get(FONT_MATRIX).is_some()
    {
        return None;
    }
    let charstrings = Index::read(cff, top.offset(CHARSTRINGS)?)?;
    let fd_array = Index::read(cff, top.offset(FD_ARRAY)?)?;
    let fd_select = FdSelect::read(cff, top.offset(FD_SELECT)?, charstrings.count())?;

    // Every font dictionary's private dictionary, kept as is (no local subroutines allowed).
    let mut privates = Vec::new();
    for i in 0..fd_array.count() {
        let fd = Dict::parse(fd_array.get(cff, i)?)?;
        if fd.get(FONT_MATRIX).is_some() {
            return None;
        }
        let &[size, offset] = fd.get(PRIVATE)? else {
            return None;
        };
        let (size, offset) = (size as usize, offset as usize);
        let private = cff.get(offset..offset.checked_add(size)?)?;
        if Dict::parse(private)?.get(SUBRS).is_some() {
            return None;
        }
        privates.push(private);
    }

    let mut glyphs = Vec::with_capacity(gids.len());
    let mut fds = Vec::with_capacity(gids.len());
    for &gid in gids {
        glyphs.push(charstrings.get(cff, usize::from(gid))?);
        fds.push(fd_select.fd(usize::from(gid))?);
    }
    Some(write(&glyphs, &fds, &privates))
}

// Top DICT and Private DICT operators (TN 5176 Table 9, 23); two-byte ones are 1200 + b1.
const ROS: u16 = 1230;
const CHARSTRING_TYPE: u16 = 1206;
const CHARSTRINGS: u16 = 17;
const PRIVATE: u16 = 18;
const SUBRS: u16 = 19;
const FD_ARRAY: u16 = 1236;
const FD_SELECT: u16 = 1237;
const CID_COUNT: u16 = 1234;
const CHARSET: u16 = 15;
const FONT_MATRIX: u16 = 1207;

/// A CFF INDEX: where its data lie.
struct Index {
    offsets: Vec<usize>,
    /// Where the object data begin, minus one (offsets are 1-based).
    data: usize,
    /// The first byte after the INDEX.
    end: usize,
}

impl Index {
    fn read(b: &[u8], at: usize) -> Option<Index> {
        let count = usize::from(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?));
        if count == 0 {
            return Some(Index {
                offsets: vec![1],
                data: at + 2,
                end: at + 2,
            });
        }
        let size = usize::from(*b.get(at + 2)?);
        if !(1..=4).contains(&size) {
            return None;
        }
        let start = at + 3;
        let offsets: Vec<usize> = (0..=count)
            .map(|i| {
                let o = start + i * size;
                b.get(o..o + size)
                    .map(|s| s.iter().fold(0usize, |a, &x| (a << 8) | usize::from(x)))
            })
            .collect::<Option<_>>()?;
        let data = start + (count + 1) * size - 1;
        let end = data + *offsets.last()?;
        (end <= b.len()).then_some(Index { offsets, data, end })
    }

    fn count(&self) -> usize {
        self.offsets.len() - 1
    }

    fn get<'a>(&self, b: &'a [u8], i: usize) -> Option<&'a [u8]> {
        let (s, e) = (*self.offsets.get(i)?, *self.offsets.get(i + 1)?);
        b.get(self.data + s..self.data + e)
    }
}

/// A DICT's operators and their operands (numbers only: nothing here needs more).
struct Dict(Vec<(u16, Vec<f64>)>);

impl Dict {
    fn parse(b: &[u8]) -> Option<Dict> {
        let mut entries = Vec::new();
        let mut operands = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let b0 = b[i];
            match b0 {
                0..=21 => {
                    let op = if b0 == 12 {
                        i += 1;
                        1200 + u16::from(*b.get(i)?)
                    } else {
                        u16::from(b0)
                    };
                    entries.push((op, std::mem::take(&mut operands)));
                    i += 1;
                }
                28 => {
                    operands.push(f64::from(i16::from_be_bytes(
                        b.get(i + 1..i + 3)?.try_into().ok()?,
                    )));
                    i += 3;
                }
                29 => {
                    operands.push(f64::from(i32::from_be_bytes(
                        b.get(i + 1..i + 5)?.try_into().ok()?,
                    )));
                    i += 5;
                }
                30 => {
                    // A real: nibbles up to 0xf. Its value is not needed, only skipped.
                    i += 1;
                    loop {
                        let n = *b.get(i)?;
                        i += 1;
                        if n & 0x0f == 0x0f || n >> 4 == 0x0f {
                            break;
                        }
                    }
                    operands.push(f64::NAN);
                }
                32..=246 => {
                    operands.push(f64::from(i32::from(b0) - 139));
                    i += 1;
                }
                247..=250 => {
                    let b1 = i32::from(*b.get(i + 1)?);
                    operands.push(f64::from((i32::from(b0) - 247) * 256 + b1 + 108));
                    i += 2;
                }
                251..=254 => {
                    let b1 = i32::from(*b.get(i + 1)?);
                    operands.push(f64::from(-(i32::from(b0) - 251) * 256 - b1 - 108));
                    i += 2;
                }
                _ => return None,
            }
        }
        Some(Dict(entries))
    }

    fn get(&self, op: u16) -> Option<&[f64]> {
        self.0
            .iter()
            .find(|(o, _)| *o == op)
            .map(|(_, v)| v.as_slice())
    }

    fn offset(&self, op: u16) -> Option<usize> {
        match self.get(op)? {
            &[v] if v >= 0.0 && v.fract() == 0.0 => Some(v as usize),
            _ => None,
        }
    }
}

/// Which font dictionary each glyph uses.
enum FdSelect {
    PerGlyph(Vec<u8>),
    Ranges(Vec<(usize, u8)>, usize),
}

impl FdSelect {
    fn read(b: &[u8], at: usize, glyphs: usize) -> Option<FdSelect> {
        match *b.get(at)? {
            0 => Some(FdSelect::PerGlyph(b.get(at + 1..at + 1 + glyphs)?.to_vec())),
            3 => {
                let n = usize::from(u16::from_be_bytes(b.get(at + 1..at + 3)?.try_into().ok()?));
                let ranges = (0..n)
                    .map(|i| {
                        let o = at + 3 + 3 * i;
                        let first =
                            usize::from(u16::from_be_bytes(b.get(o..o + 2)?.try_into().ok()?));
                        Some((first, *b.get(o + 2)?))
                    })
                    .collect::<Option<_>>()?;
                let o = at + 3 + 3 * n;
                let sentinel = usize::from(u16::from_be_bytes(b.get(o..o + 2)?.try_into().ok()?));
                Some(FdSelect::Ranges(ranges, sentinel))
            }
            _ => None,
        }
    }

    fn fd(&self, gid: usize) -> Option<u8> {
        match self {
            FdSelect::PerGlyph(v) => v.get(gid).copied(),
            FdSelect::Ranges(r, sentinel) => {
                if gid >= *sentinel {
                    return None;
                }
                r.iter()
                    .rev()
                    .find(|(first, _)| *first <= gid)
                    .map(|(_, fd)| *fd)
            }
        }
    }
}

/// An INDEX of `items` with 4-byte offsets.
fn index(out: &mut Vec<u8>, items: &[&[u8]]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    if items.is_empty() {
        return;
    }
    out.push(4);
    let mut offset = 1u32;
    out.extend_from_slice(&offset.to_be_bytes());
    for item in items {
        offset += item.len() as u32;
        out.extend_from_slice(&offset.to_be_bytes());
    }
    for item in items {
        out.extend_from_slice(item);
    }
}

/// The byte length of an INDEX of `items` as `index` writes it.
fn index_len(items: &[&[u8]]) -> usize {
    if items.is_empty() {
        2
    } else {
        3 + 4 * (items.len() + 1) + items.iter().map(|i| i.len()).sum::<usize>()
    }
}

/// An integer operand in its 5-byte form, so a DICT's size does not depend on its values.
fn int5(out: &mut Vec<u8>, v: usize) {
    out.push(29);
    out.extend_from_slice(&(v as i32).to_be_bytes());
}

fn op(out: &mut Vec<u8>, op: u16) {
    if op >= 1200 {
        out.extend_from_slice(&[12, (op - 1200) as u8]);
    } else {
        out.push(op as u8);
    }
}

/// Writes the subset: header, names, top DICT, strings, (empty) global subroutines, charset,
/// FDSelect, charstrings, font DICTs, private DICTs.
fn write(glyphs: &[&[u8]], fds: &[u8], privates: &[&[u8]]) -> Vec<u8> {
    let n = glyphs.len();
    let name: &[u8] = b"Subset";
    let strings: [&[u8]; 2] = [b"Adobe", b"Identity"];
    // Top DICT: ROS (SIDs 391, 392: the two strings above, supplement 0), CIDCount, and the
    // offsets of charset, FDSelect, CharStrings and FDArray, every number in 5 bytes.
    let top_for = |charset: usize, fd_select: usize, charstrings: usize, fd_array: usize| {
        let mut t = Vec::new();
        int5(&mut t, 391);
        int5(&mut t, 392);
        int5(&mut t, 0);
        op(&mut t, ROS);
        int5(&mut t, n);
        op(&mut t, CID_COUNT);
        int5(&mut t, charset);
        op(&mut t, CHARSET);
        int5(&mut t, fd_select);
        op(&mut t, FD_SELECT);
        int5(&mut t, charstrings);
        op(&mut t, CHARSTRINGS);
        int5(&mut t, fd_array);
        op(&mut t, FD_ARRAY);
        t
    };
    let top_size = top_for(0, 0, 0, 0).len();
    let header = 4;
    let charset_at = header
        + index_len(&[name])
        + index_len(&[&vec![0; top_size]])
        + index_len(&strings)
        + index_len(&[]);
    let charset_len = 1 + 2 * (n - 1);
    let fd_select_at = charset_at + charset_len;
    let fd_select_len = 1 + n;
    let charstrings_at = fd_select_at + fd_select_len;
    let fd_array_at = charstrings_at + index_len(glyphs);
    // Each font DICT: Private (size, offset), both 5-byte.
    let fd_dict_len = 5 + 5 + 1;
    let fd_dicts_len = index_len(&vec![&[0u8; 11][..]; privates.len()]);
    let mut private_at = fd_array_at + fd_dicts_len;
    let fd_dicts: Vec<Vec<u8>> = privates
        .iter()
        .map(|p| {
            let mut d = Vec::with_capacity(fd_dict_len);
            int5(&mut d, p.len());
            int5(&mut d, private_at);
            op(&mut d, PRIVATE);
            private_at += p.len();
            d
        })
        .collect();

    let mut out = Vec::with_capacity(private_at);
    out.extend_from_slice(&[1, 0, 4, 4]);
    index(&mut out, &[name]);
    let top = top_for(charset_at, fd_select_at, charstrings_at, fd_array_at);
    index(&mut out, &[&top]);
    index(&mut out, &strings);
    index(&mut out, &[]);
    debug_assert_eq!(out.len(), charset_at);
    // charset format 0: glyph k (k ≥ 1) is CID k.
    out.push(0);
    for cid in 1..n as u16 {
        out.extend_from_slice(&cid.to_be_bytes());
    }
    // FDSelect format 0: one font DICT index per glyph.
    out.push(0);
    out.extend_from_slice(fds);
    index(&mut out, glyphs);
    let fd_refs: Vec<&[u8]> = fd_dicts.iter().map(Vec::as_slice).collect();
    index(&mut out, &fd_refs);
    for p in privates {
        out.extend_from_slice(p);
    }
    debug_assert_eq!(out.len(), private_at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FaceId, FontBook};

    fn cff_of(face: FaceId) -> &'static [u8] {
        let book = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
        let data = book.bytes(face);
        super::super::subset::cff_table(data).expect("an OpenType CFF font")
    }

    /// Every Fandol face is of the kind this handles, and each copied glyph draws exactly as
    /// in the original (same outline bounds through ttf-parser's CFF reader).
    #[test]
    fn fandol_subsets_keep_every_outline() {
        let book = FontBook::global().unwrap();
        for face in [
            FaceId::FandolFang,
            FaceId::FandolSong,
            FaceId::FandolSongBold,
            FaceId::FandolHei,
            FaceId::FandolKai,
        ] {
            let original = ttf_parser::Face::parse(book.bytes(face), 0).unwrap();
            let mut gids = vec![0u16];
            gids.extend(
                "温州科协信息，。（）2020年A"
                    .chars()
                    .filter_map(|c| book.glyph_id(face, c)),
            );
            let sub = subset_without_subroutines(cff_of(face), &gids)
                .unwrap_or_else(|| panic!("{face:?} takes the fast path"));
            let table = ttf_parser::cff::Table::parse(&sub).expect("a valid CFF");
            assert_eq!(table.number_of_glyphs() as usize, gids.len());
            for (new, &old) in gids.iter().enumerate() {
                let got = table
                    .outline(ttf_parser::GlyphId(new as u16), &mut Sink)
                    .ok();
                let want = original.glyph_bounding_box(ttf_parser::GlyphId(old));
                if old != 0 {
                    assert_eq!(got, want, "{face:?} glyph {old} → {new}");
                }
            }
        }
    }

    #[test]
    fn fonts_with_subroutines_and_bad_input_are_left_to_subsetter() {
        let book = FontBook::global().unwrap();
        let noto = ttf_parser::Face::parse(
            book.bytes(FaceId::NotoSerifSc),
            book.face_index(FaceId::NotoSerifSc),
        )
        .unwrap();
        let cff = noto
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"CFF "))
            .unwrap();
        assert!(
            subset_without_subroutines(cff, &[0, 5]).is_none(),
            "Noto has subroutines"
        );
        assert!(subset_without_subroutines(&[1, 0, 4, 4, 0], &[0]).is_none());
        assert!(
            subset_without_subroutines(cff_of(FaceId::FandolFang), &[3]).is_none(),
            ".notdef first"
        );
        assert!(subset_without_subroutines(cff_of(FaceId::FandolFang), &[0, u16::MAX]).is_none());
    }

    struct Sink;

    impl ttf_parser::OutlineBuilder for Sink {
        fn move_to(&mut self, _: f32, _: f32) {}
        fn line_to(&mut self, _: f32, _: f32) {}
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
        fn close(&mut self) {}
    }
}

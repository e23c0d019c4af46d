//! Deleted text (tracked changes): the runs whose character properties carry sprmCFRMarkDel, read
//! from the CHPX FKPs that the bin table PlcfBteChpx points to ([MS-DOC] 2.8.5, 2.9.32 ChpxFkp).

use super::bytes::{u16_at, u32_at};

/// sprmCFRMarkDel ([MS-DOC] 2.6.1): the text is a deletion marked while tracking changes.
const SPRM_CF_RMARK_DEL: u16 = 0x0800;
/// An FKP is one 512-byte page of the WordDocument stream.
const PAGE: usize = 512;

/// The stream ranges (`fc` start..end) of deleted text, sorted. A damaged table gives what could be
/// read: the text is never refused for its revision marks.
pub fn deleted(bte: &[u8], word: &[u8]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    if bte.len() < 4 || !(bte.len() - 4).is_multiple_of(8) {
        return out;
    }
    let n = (bte.len() - 4) / 8;
    for i in 0..n {
        let Some(pn) = u32_at(bte, 4 * (n + 1) + 4 * i) else {
            continue;
        };
        let at = (pn & 0x003F_FFFF) as usize * PAGE;
        if let Some(page) = word.get(at..at + PAGE) {
            read_page(page, &mut out);
        }
    }
    out.sort_unstable();
    out
}

/// The deleted runs of one ChpxFkp page.
fn read_page(page: &[u8], out: &mut Vec<(u32, u32)>) {
    let crun = usize::from(page[PAGE - 1]);
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, 4 * i), u32_at(page, 4 * (i + 1))) else {
            return;
        };
        // The word offset of run i's CHPX follows the crun + 1 boundaries; 0: no properties.
        let Some(&offset) = page.get(4 * (crun + 1) + i) else {
            return;
        };
        let at = usize::from(offset) * 2;
        if at == 0 {
            continue;
        }
        let Some(&cb) = page.get(at) else { continue };
        let Some(grpprl) = page.get(at + 1..at + 1 + usize::from(cb)) else {
            continue;
        };
        if marks_deleted(grpprl) {
            out.push((start, end));
        }
    }
}

/// Whether a CHPX's property list turns sprmCFRMarkDel on (1, or 0x81: the opposite of the style's,
/// which never has it).
fn marks_deleted(grpprl: &[u8]) -> bool {
    let mut at = 0;
    while let Some(sprm) = u16_at(grpprl, at) {
        let operand = at + 2;
        if sprm == SPRM_CF_RMARK_DEL {
            return grpprl.get(operand).is_some_and(|&v| v == 1 || v == 0x81);
        }
        // The operand's size by spra, the top three bits ([MS-DOC] 2.2.5.1).
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match grpprl.get(operand) {
                Some(&n) => 1 + usize::from(n),
                None => return false,
            },
        };
        at = operand + size;
    }
    false
}

/// Whether the byte at stream offset `fc` is in one of the sorted `ranges`.
pub fn contains(ranges: &[(u32, u32)], fc: u32) -> bool {
    let i = ranges.partition_point(|r| r.0 <= fc);
    i > 0 && fc < ranges[i - 1].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_marked_deleted_among_other_properties() {
        // sprmCFBold (0x0835) on, then sprmCFRMarkDel on; a run with sprmCRgFtc0 (0x4A4F) only.
        let mut page = vec![0u8; PAGE];
        for (i, fc) in [100u32, 110, 120].iter().enumerate() {
            page[4 * i..4 * i + 4].copy_from_slice(&fc.to_le_bytes());
        }
        page[PAGE - 1] = 2;
        page[12] = 100; // run 0's CHPX at byte 200
        page[13] = 110; // run 1's at byte 220
        page[200..206].copy_from_slice(&[6, 0x35, 0x08, 1, 0x00, 0x08]);
        page[206] = 1;
        page[220..224].copy_from_slice(&[3, 0x4F, 0x4A, 0x01]);
        let mut runs = Vec::new();
        read_page(&page, &mut runs);
        assert_eq!(runs, [(100, 110)]);
        assert!(contains(&runs, 100) && contains(&runs, 109));
        assert!(!contains(&runs, 110) && !contains(&runs, 99));
    }

    #[test]
    fn a_cut_bin_table_marks_nothing() {
        assert!(deleted(&[1, 2, 3], &[]).is_empty());
        assert!(deleted(&[0; 12], &[0; 100]).is_empty());
    }
}

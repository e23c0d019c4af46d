//! The piece table ([MS-DOC] 2.4.1, 2.9.38 Clx, 2.9.177 PlcPcd): where in the WordDocument stream
//! each run of the document's characters is kept, as UTF-16LE or as "compressed" 8-bit text.

use super::bytes::{u16_at, u32_at};
use super::DocError;

/// One piece: the characters `cp_start..cp_end` of the document, stored from byte `fc` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// First character position.
    pub cp_start: u32,
    /// One past the last character position.
    pub cp_end: u32,
    /// Byte offset of the first character in the WordDocument stream.
    pub fc: u32,
    /// One byte a character (cp1252-like, `compressed_char`) instead of two (UTF-16LE).
    pub compressed: bool,
}

/// The pieces of the CLX `clx` (the bytes at `fcClx`, `lcbClx` long in the table stream).
pub fn read(clx: &[u8]) -> Result<Vec<Piece>, DocError> {
    let damaged = |what: &str| DocError::Damaged(format!("片段表（{what}）不完整"));
    let mut at = 0usize;
    // Prc entries (clxt 1: property modifiers of fast-saved files) come before the Pcdt (clxt 2).
    let plc = loop {
        match clx.get(at) {
            Some(1) => {
                let cb = u16_at(clx, at + 1).ok_or_else(|| damaged("Prc"))?;
                at += 3 + usize::from(cb);
            }
            Some(2) => {
                let lcb = u32_at(clx, at + 1).ok_or_else(|| damaged("Pcdt"))? as usize;
                let start = at + 5;
                break clx
                    .get(start..start.saturating_add(lcb))
                    .ok_or_else(|| damaged("PlcPcd"))?;
            }
            _ => return Err(damaged("CLX")),
        }
    };
    // n + 1 character positions, then n 8-byte piece descriptors.
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(12) {
        return Err(damaged("PlcPcd"));
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, 4 * i).unwrap_or(0);
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (cp_start, cp_end) = (cp(i), cp(i + 1));
        if cp_end < cp_start {
            return Err(damaged("字符位置"));
        }
        let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2).unwrap_or(0);
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        pieces.push(Piece {
            cp_start,
            cp_end,
            // A compressed piece's fc counts half bytes ([MS-DOC] 2.9.73 FcCompressed).
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(pieces)
}

/// A compressed piece's byte as a character: Latin-1, except the bytes the spec maps to the
/// characters Windows-1252 has there ([MS-DOC] 2.9.73). Never GBK: see `doc` (module doc).
pub fn compressed_char(b: u8) -> u16 {
    let mapped: u16 = match b {
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9F => 0x0178,
        other => u16::from(other),
    };
    mapped
}

/// The main document's characters `0..ccp_text` as UTF-16 code units, each with the stream offset
/// of its bytes (which the character properties are keyed by).
pub fn units(pieces: &[Piece], word: &[u8], ccp_text: u32) -> Result<Vec<(u16, u32)>, DocError> {
    let mut out = Vec::new();
    for p in pieces {
        let end = p.cp_end.min(ccp_text);
        if p.cp_start >= end {
            continue;
        }
        let count = (end - p.cp_start) as usize;
        let width = if p.compressed { 1 } else { 2 };
        let start = p.fc as usize;
        let bytes = start
            .checked_add(count * width)
            .and_then(|stop| word.get(start..stop))
            .ok_or_else(|| DocError::Damaged("正文的一段超出了文件末尾".into()))?;
        out.reserve(count);
        for i in 0..count {
            let fc = p.fc + (i * width) as u32;
            let unit = if p.compressed {
                compressed_char(bytes[i])
            } else {
                u16::from_le_bytes([bytes[2 * i], bytes[2 * i + 1]])
            };
            out.push((unit, fc));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CLX with one Prc and the given pieces (cp ranges, raw FcCompressed values).
    pub(crate) fn clx(cps: &[u32], fcs: &[u32]) -> Vec<u8> {
        let mut b = vec![1u8, 2, 0, 0xAA, 0xBB];
        let mut plc = Vec::new();
        cps.iter()
            .for_each(|c| plc.extend_from_slice(&c.to_le_bytes()));
        for fc in fcs {
            plc.extend_from_slice(&0u16.to_le_bytes());
            plc.extend_from_slice(&fc.to_le_bytes());
            plc.extend_from_slice(&0u16.to_le_bytes());
        }
        b.push(2);
        b.extend_from_slice(&(plc.len() as u32).to_le_bytes());
        b.extend_from_slice(&plc);
        b
    }

    #[test]
    fn unicode_and_compressed_pieces() {
        // "温州" in UTF-16 at byte 10; then "A“B" compressed at byte 20 (raw fc 40 | fCompressed).
        let mut word = vec![0u8; 30];
        word[10..14].copy_from_slice(&[0x29, 0x6E, 0xDE, 0x5D]);
        word[20..23].copy_from_slice(&[b'A', 0x93, b'B']);
        let pieces = read(&clx(&[0, 2, 5], &[10, 40 | 0x4000_0000])).unwrap();
        assert_eq!(pieces[1].fc, 20);
        assert!(pieces[1].compressed);
        let units = units(&pieces, &word, 5).unwrap();
        let text: String = char::decode_utf16(units.iter().map(|u| u.0))
            .map(|c| c.unwrap())
            .collect();
        assert_eq!(text, "温州A“B");
        assert_eq!(units[3], (0x201C, 21));
        // Only the main document's characters are taken.
        assert_eq!(super::units(&pieces, &word, 3).unwrap().len(), 3);
    }

    #[test]
    fn damaged_tables_are_errors() {
        assert!(read(&[3, 0, 0]).is_err());
        let mut cut = clx(&[0, 2], &[10]);
        cut.truncate(cut.len() - 3);
        assert!(read(&cut).is_err());
        let pieces = read(&clx(&[0, 9], &[10])).unwrap();
        assert!(units(&pieces, &[0; 12], 9).is_err());
    }
}

//! The File Information Block at the start of the WordDocument stream ([MS-DOC] 2.5.1): which
//! table stream holds the piece table, where the CLX and the character properties are, how long
//! the main document's text is, and whether the file is encrypted.

use super::bytes::{u16_at, u32_at};
use super::DocError;

/// `wIdent` of every Word binary file.
const W_IDENT: u16 = 0xA5EC;
/// `nFib` of Word 97 ([MS-DOC] 2.5.2: Word 97 and later write 0x00C1 in the FibBase); Word 6 and
/// 95 wrote 101–105 and lay the FIB out differently.
const NFIB_WORD97: u16 = 0x00C1;
/// Where `FibRgW97` starts: after the 32-byte FibBase and its 2-byte count `csw`.
const RG_W_AT: usize = 34;
/// Index of `ccpText` in `FibRgLw97` ([MS-DOC] 2.5.4).
const CCP_TEXT: usize = 3;
/// Index of the `fcPlcfBteChpx`/`lcbPlcfBteChpx` pair in `FibRgFcLcb97` ([MS-DOC] 2.5.6).
const PLCF_BTE_CHPX: usize = 12;
/// Index of the `fcClx`/`lcbClx` pair in `FibRgFcLcb97`.
const CLX: usize = 33;

/// A place and length in the table stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Offset in the table stream.
    pub fc: u32,
    /// Length in bytes.
    pub lcb: u32,
}

/// What the reader needs of the FIB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fib {
    /// The table stream's name: "1Table" when `fWhichTblStm` is set, else "0Table".
    pub table: &'static str,
    /// Characters in the main document (`ccpText`): the footnotes, headers and text boxes follow it.
    pub ccp_text: u32,
    /// Characters in the main document's text boxes (`ccpTxbx`), which are not read.
    pub ccp_txbx: u32,
    /// The CLX (the piece table) in the table stream.
    pub clx: Span,
    /// The bin table of character properties (PlcfBteChpx) in the table stream.
    pub chpx: Span,
    /// The install language (`lid`), e.g. 0x0804 for Simplified Chinese.
    pub lid: u16,
}

/// Reads the FIB at the start of the WordDocument stream.
pub fn read(stream: &[u8]) -> Result<Fib, DocError> {
    let damaged = || DocError::Damaged("文件信息块（FIB）不完整".into());
    let ident = u16_at(stream, 0).ok_or_else(damaged)?;
    if ident != W_IDENT {
        return Err(DocError::Damaged("WordDocument 流的标识不对".into()));
    }
    let n_fib = u16_at(stream, 2).ok_or_else(damaged)?;
    if n_fib < NFIB_WORD97 {
        return Err(DocError::TooOld);
    }
    let lid = u16_at(stream, 6).ok_or_else(damaged)?;
    let flags = u16_at(stream, 0x0A).ok_or_else(damaged)?;
    // fEncrypted (bit 8) covers both real encryption and XOR obfuscation (fObfuscated, bit 15).
    if flags & 0x0100 != 0 {
        return Err(DocError::Encrypted);
    }
    let table = if flags & 0x0200 != 0 {
        "1Table"
    } else {
        "0Table"
    };
    let csw = usize::from(u16_at(stream, 32).ok_or_else(damaged)?);
    let cslw_at = RG_W_AT + 2 * csw;
    let cslw = usize::from(u16_at(stream, cslw_at).ok_or_else(damaged)?);
    let rg_lw = cslw_at + 2;
    let lw = |i: usize| -> Result<u32, DocError> {
        if i >= cslw {
            return Err(damaged());
        }
        u32_at(stream, rg_lw + 4 * i).ok_or_else(damaged)
    };
    let ccp_text = lw(CCP_TEXT)?;
    let ccp_txbx = lw(9)?;
    let cb_at = rg_lw + 4 * cslw;
    let cb_rg_fc_lcb = usize::from(u16_at(stream, cb_at).ok_or_else(damaged)?);
    let rg_fc_lcb = cb_at + 2;
    let pair = |i: usize| -> Result<Span, DocError> {
        if i >= cb_rg_fc_lcb {
            return Err(damaged());
        }
        let at = rg_fc_lcb + 8 * i;
        Ok(Span {
            fc: u32_at(stream, at).ok_or_else(damaged)?,
            lcb: u32_at(stream, at + 4).ok_or_else(damaged)?,
        })
    };
    Ok(Fib {
        table,
        ccp_text,
        ccp_txbx,
        clx: pair(CLX)?,
        chpx: pair(PLCF_BTE_CHPX)?,
        lid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A FIB as Word 97 lays it out: 14 words, 22 longs, 93 pairs.
    pub(crate) fn fib_bytes(flags: u16, ccp_text: u32, clx: (u32, u32)) -> Vec<u8> {
        let mut b = vec![0u8; 32];
        b[0..2].copy_from_slice(&W_IDENT.to_le_bytes());
        b[2..4].copy_from_slice(&NFIB_WORD97.to_le_bytes());
        b[6..8].copy_from_slice(&0x0804u16.to_le_bytes());
        b[0x0A..0x0C].copy_from_slice(&flags.to_le_bytes());
        b.extend_from_slice(&14u16.to_le_bytes());
        b.extend_from_slice(&[0; 28]);
        b.extend_from_slice(&22u16.to_le_bytes());
        let mut lw = [0u32; 22];
        lw[CCP_TEXT] = ccp_text;
        lw.iter()
            .for_each(|v| b.extend_from_slice(&v.to_le_bytes()));
        b.extend_from_slice(&93u16.to_le_bytes());
        let mut pairs = [(0u32, 0u32); 93];
        pairs[CLX] = clx;
        pairs[PLCF_BTE_CHPX] = (7, 8);
        for (fc, lcb) in pairs {
            b.extend_from_slice(&fc.to_le_bytes());
            b.extend_from_slice(&lcb.to_le_bytes());
        }
        b
    }

    #[test]
    fn the_fields_word_97_puts_where_the_spec_says() {
        let fib = read(&fib_bytes(0x0200, 1234, (100, 21))).unwrap();
        assert_eq!(fib.table, "1Table");
        assert_eq!(fib.ccp_text, 1234);
        assert_eq!(fib.clx, Span { fc: 100, lcb: 21 });
        assert_eq!(fib.chpx, Span { fc: 7, lcb: 8 });
        assert_eq!(fib.lid, 0x0804);
        assert_eq!(read(&fib_bytes(0, 1, (0, 0))).unwrap().table, "0Table");
    }

    #[test]
    fn encrypted_old_and_cut_fibs_are_refused() {
        assert!(matches!(
            read(&fib_bytes(0x0100, 1, (0, 0))),
            Err(DocError::Encrypted)
        ));
        let mut word95 = fib_bytes(0, 1, (0, 0));
        word95[2..4].copy_from_slice(&104u16.to_le_bytes());
        assert!(matches!(read(&word95), Err(DocError::TooOld)));
        let whole = fib_bytes(0, 1, (0, 0));
        assert!(matches!(read(&whole[..100]), Err(DocError::Damaged(_))));
        assert!(matches!(read(&[0; 40]), Err(DocError::Damaged(_))));
    }
}

//! The main document's text boxes ([MS-DOC] 2.3.6): their text is a document of its own after the
//! endnotes; each box's range (PlcftxbxTxt) names its shape by `lid`, and each shape's anchor in
//! the main document (PlcSpaMom, a drawn-object character 0x08) names it by `spid`. So a box's text
//! can be read where its anchor stands, as the .docx reader reads a text box in place.

use std::collections::HashMap;
use std::ops::Range;

use super::bytes::{u16_at, u32_at};
use super::fib::Fib;

/// Bytes of an FSPA (a shape anchor's data, [MS-DOC] 2.9.93) and of an FTXBXS ([MS-DOC] 2.9.106).
const FSPA_BYTES: usize = 26;
const FTXBXS_BYTES: usize = 22;

/// The text boxes by the character position of their anchor in the main document.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TextBoxes(HashMap<u32, Range<u32>>);

impl TextBoxes {
    /// The character positions of the text of the box anchored at `cp`, if one is.
    pub fn at(&self, cp: u32) -> Option<Range<u32>> {
        self.0.get(&cp).cloned()
    }
}

/// A PLC's character positions and data elements of `size` bytes, if `plc` is one.
fn plc(plc: &[u8], size: usize) -> Option<(Vec<u32>, Vec<&[u8]>)> {
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(4 + size) {
        return None;
    }
    let n = (plc.len() - 4) / (4 + size);
    let cps = (0..=n)
        .map(|i| u32_at(plc, 4 * i))
        .collect::<Option<Vec<_>>>()?;
    let data = (0..n)
        .map(|i| &plc[4 * (n + 1) + size * i..4 * (n + 1) + size * (i + 1)])
        .collect();
    Some((cps, data))
}

/// The text boxes of the document: the shapes anchored in the main document whose id a text box
/// names. Damaged tables give none (the anchors are then read as pictures).
pub fn read(fib: &Fib, spa: &[u8], txbx: &[u8]) -> TextBoxes {
    let mut out = HashMap::new();
    let (Some((anchors, shapes)), Some((starts, boxes))) =
        (plc(spa, FSPA_BYTES), plc(txbx, FTXBXS_BYTES))
    else {
        return TextBoxes::default();
    };
    let end = fib.txbx_start.saturating_add(fib.ccp_txbx);
    let mut by_shape = HashMap::new();
    // The last FTXBXS is always a spare one, as is any marked reusable.
    for (i, b) in boxes.iter().enumerate().take(boxes.len().saturating_sub(1)) {
        let (Some(reusable), Some(lid)) = (u16_at(b, 8), u32_at(b, 14)) else {
            continue;
        };
        let range =
            fib.txbx_start.saturating_add(starts[i])..fib.txbx_start.saturating_add(starts[i + 1]);
        if reusable == 0 && range.start < range.end && range.end <= end {
            by_shape.insert(lid, range);
        }
    }
    for (cp, shape) in anchors.iter().zip(&shapes) {
        if let Some(range) = u32_at(shape, 0).and_then(|spid| by_shape.get(&spid)) {
            out.insert(*cp, range.clone());
        }
    }
    TextBoxes(out)
}

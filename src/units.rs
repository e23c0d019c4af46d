//! Lengths: millimetres as docs/layout.md gives them, points as PDF and fonts use them.

use serde::{Deserialize, Serialize};

/// Points per millimetre (1 pt = 1/72 inch).
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// A length in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mm(pub f32);

/// A length in PostScript points.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pt(pub f32);

impl Mm {
    /// The same length in points.
    pub fn to_pt(self) -> Pt {
        Pt(self.0 * PT_PER_MM)
    }
}

impl Pt {
    /// The same length in millimetres.
    pub fn to_mm(self) -> Mm {
        Mm(self.0 / PT_PER_MM)
    }
}

impl From<Mm> for Pt {
    fn from(mm: Mm) -> Pt {
        mm.to_pt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_width_in_points() {
        assert!((Mm(210.0).to_pt().0 - 595.2756).abs() < 1e-3);
        assert!((Pt(72.0).to_mm().0 - 25.4).abs() < 1e-4);
    }
}

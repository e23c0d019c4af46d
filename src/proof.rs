//! Proof rounds (校样): what layout and the PDF need to mark a proof, and the differences
//! between two versions of an issue. The rounds themselves are kept by the store
//! (`Store::freeze_proof`, `list_proofs`, `load_proof`).

use chrono::NaiveDate;
use serde::Serialize;

use crate::diff::{diff_issues, PartDiff};
use crate::store::ProofRound;

/// The stamp in the top margin of a proof's PDF, e.g. 「校样 第2次 2020-04-28」; never drawn on
/// the final PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stamp {
    /// The proof round.
    pub round: u32,
    /// The day it was sent for review.
    pub date: NaiveDate,
}

impl Stamp {
    /// The stamp of a stored proof round.
    pub fn of(round: &ProofRound) -> Stamp {
        Stamp {
            round: round.round,
            date: round.date,
        }
    }

    /// The text drawn: 「校样 第2次 2020-04-28」.
    pub fn label(&self) -> String {
        format!("校样 第{}次 {}", self.round, self.date.format("%Y-%m-%d"))
    }
}

/// The changes from proof round `from` to `to` (a later round, or the current text), per part.
pub fn diff_rounds(from: &ProofRound, to: &crate::model::Issue) -> Vec<PartDiff> {
    diff_issues(&from.issue, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_label_has_round_and_iso_date() {
        let s = Stamp {
            round: 2,
            date: NaiveDate::from_ymd_opt(2020, 4, 28).unwrap(),
        };
        assert_eq!(s.label(), "校样 第2次 2020-04-28");
    }
}

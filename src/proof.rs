//! Proof rounds (校样): what layout and the PDF need to mark a proof, and the differences
//! between two versions of an issue. The rounds themselves are kept by the store
//! (`Store::freeze_proof`, `list_proofs`, `load_proof`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diff::{diff_issues, PartDiff};
use crate::model::Issue;
use crate::store::{IssueId, ProofRound};

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

/// What a proof PDF records about itself (in its XMP metadata and document info), so that a
/// copy a reviewer marked up can be matched to the issue and round it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofIdentity {
    /// The stored issue.
    pub issue_id: IssueId,
    /// The proof round.
    pub round: u32,
    /// `content_hash` of the round's frozen content.
    pub content_hash: String,
}

impl ProofIdentity {
    /// The identity of round `round` of issue `issue_id`.
    pub fn of(issue_id: IssueId, round: &ProofRound) -> ProofIdentity {
        ProofIdentity {
            issue_id,
            round: round.round,
            content_hash: content_hash(&round.issue),
        }
    }
}

/// SHA-256 (lower-case hex) of an issue's JSON interchange form: the same content, the same hash.
/// The pictures count by their ids (themselves SHA-256 of the bytes), whether or not the issue
/// carries their bytes at hand.
pub fn content_hash(issue: &Issue) -> String {
    let json = if issue.images.is_empty() {
        crate::json::to_string(issue)
    } else {
        crate::json::to_string(&issue.without_images())
    };
    let digest = Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
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

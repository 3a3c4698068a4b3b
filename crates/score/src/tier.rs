//! Tiers of reuse.

use serde::{Deserialize, Serialize};

/// How a statement was reused between two units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Equal after normalization: wire copy.
    Verbatim,
    /// Lightly edited copy.
    NearDuplicate,
    /// A clause or passage of one unit is reused inside the other.
    Partial,
    /// The same claim, reworded.
    Paraphrase,
    /// The same frame, but a number, a negation or a date differs.
    Conflicting,
}

impl Tier {
    /// The snake_case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Verbatim => "verbatim",
            Tier::NearDuplicate => "near_duplicate",
            Tier::Partial => "partial",
            Tier::Paraphrase => "paraphrase",
            Tier::Conflicting => "conflicting",
        }
    }

    /// How much text the tier implies was reused, for `--min-tier` and
    /// "strongest tier": verbatim 4, near-duplicate and conflicting 3,
    /// partial 2, paraphrase 1. A changed fact (`conflicting`) needs
    /// near-duplicate overlap to be detected at all, so it ranks with
    /// `near_duplicate`: asking for partial or stronger keeps changed facts,
    /// which are often what a fact-checker is looking for.
    pub fn strength(self) -> u8 {
        match self {
            Tier::Verbatim => 4,
            Tier::NearDuplicate | Tier::Conflicting => 3,
            Tier::Partial => 2,
            Tier::Paraphrase => 1,
        }
    }
}

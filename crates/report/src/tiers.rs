//! Ordering tiers by strength of reuse, for `--min-tier` and "strongest tier".
//!
//! The scorer's [`Tier`] says *how* text was reused; filters need *how much*.
//! A changed fact (`conflicting`) needs near-duplicate overlap to be detected
//! at all, so it ranks with `near_duplicate`: asking for `--min-tier partial`
//! keeps changed facts, which are often what a fact-checker is looking for.

use isnad_score::Tier;

/// Every tier, strongest first.
pub const ALL_TIERS: [Tier; 5] = [
    Tier::Verbatim,
    Tier::NearDuplicate,
    Tier::Conflicting,
    Tier::Partial,
    Tier::Paraphrase,
];

/// How much text a tier implies was reused: verbatim 4, near-duplicate and
/// conflicting 3, partial 2, paraphrase 1 ([`Tier::strength`]).
pub fn tier_strength(tier: Tier) -> u8 {
    tier.strength()
}

/// The stronger of two tiers; between equally strong tiers, `conflicting`
/// wins so a changed fact is never hidden behind a near-duplicate.
pub fn tier_strongest(a: Tier, b: Tier) -> Tier {
    match tier_strength(a).cmp(&tier_strength(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal if b == Tier::Conflicting => b,
        std::cmp::Ordering::Equal => a,
    }
}

/// The tier with this snake_case name (`verbatim`, `near_duplicate`, …).
pub fn parse_tier(name: &str) -> Option<Tier> {
    ALL_TIERS.into_iter().find(|t| t.as_str() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in ALL_TIERS {
            assert_eq!(parse_tier(t.as_str()), Some(t));
        }
        assert_eq!(parse_tier("exact"), None);
    }

    #[test]
    fn a_changed_fact_outranks_a_near_duplicate_of_equal_strength() {
        assert_eq!(
            tier_strongest(Tier::NearDuplicate, Tier::Conflicting),
            Tier::Conflicting
        );
        assert_eq!(
            tier_strongest(Tier::Verbatim, Tier::Conflicting),
            Tier::Verbatim
        );
        assert_eq!(
            tier_strongest(Tier::Paraphrase, Tier::Partial),
            Tier::Partial
        );
    }
}

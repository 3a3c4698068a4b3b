//! Cross-source statement matching.
//!
//! Given the units of many articles from many outlets, find every pair of
//! units from different outlets that carry the same statement, say *how* it
//! was reused ([`Tier`]), where ([`Match::spans_a`], [`Match::spans_b`]), and
//! group the pairs into [`Statement`]s a reader can follow across outlets.
//!
//! ```
//! use isnad_score::{compare, Tier};
//! let a = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية";
//! let scored = compare(a, a);
//! assert_eq!(scored.tier, Some(Tier::Verbatim));
//! ```

mod candidates;
mod features;
mod index;
mod matcher;
mod pair;
mod statements;
mod stem;
mod tier;

pub use features::{Features, features};
pub use candidates::{EXHAUSTIVE_MAX_KEYS, MIN_CONTAINMENT, posting_cap};
pub use matcher::{
    CandidateMode, Match, MatchOptions, MatchSet, MatchStats, Progress, UnitRef, find_match_set,
    find_matches, find_matches_with_progress, find_matches_with_stats,
};
pub use pair::{Scored, compare, score_features};
pub use statements::{LINKAGE, Statement, group_match_set, group_statements};
pub use stem::light_stem;
pub use tier::Tier;

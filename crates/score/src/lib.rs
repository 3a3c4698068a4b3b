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

mod align;
mod candidates;
mod components;
mod document;
mod features;
mod hash;
mod held;
mod idf;
mod index;
mod latin;
mod matcher;
mod names;
mod negation;
mod numbers;
mod pair;
mod prior;
mod statements;
mod stem;
mod stopwords;
mod tier;
mod window;

pub use candidates::{
    CONTAINED_SHARE, COPIES_MIN_CONTAINMENT, EXHAUSTIVE_MAX_KEYS, MIN_CONTAINMENT,
    MIN_OTHER_CONTAINMENT, posting_cap,
};
pub use components::Components;
pub use document::compare_documents;
pub use features::{Features, features, stem_hash};
pub use hash::{TOKEN_SEED, h64};
pub use idf::{Idf, MAX_WEIGHT, MIN_CORPUS_UNITS, MIN_WEIGHT};
pub use matcher::{
    CandidateMode, MIN_CONTENT_WORDS, Match, MatchOptions, MatchSet, MatchStats,
    PHRASE_MIN_CONTAINMENT, Progress, UnitRef, find_match_set, find_matches,
    find_matches_with_progress, find_matches_with_stats,
};
pub use names::skeleton;
pub use negation::is_negator;
pub use pair::{
    Conflict, MIN_COVER, NEAR_DUP_MIN_CHAR, NEAR_DUP_MIN_COVER, PARAPHRASE_MIN_ALIGNED_TOKENS,
    PARAPHRASE_MIN_SCORE, PARTIAL_MIN_CONTAINMENT, PARTIAL_MIN_TOKENS, PASSAGE_MAX_COVER,
    PASSAGE_MIN_CONTAINMENT, PASSAGE_MIN_DENSITY, PASSAGE_MIN_MASS, PASSAGE_MIN_TOKENS,
    PassageSignals, SCORE_SOFT_WEIGHT, Scored, Signals, TEMPLATE_MIN_CHANGED_FIGURES, compare,
    containment, passage, quick_reject, score_features, score_features_passages,
    score_features_with_idf, signals,
};
pub use statements::{LINKAGE, Statement, group_match_set, group_statements};
pub use stem::{light_stem, light_stem_str};
pub use stopwords::is_stopword;
pub use tier::Tier;
pub use window::{
    ANCHOR_MIN_CONTAINMENT, ANCHOR_MIN_UNITS, ANCHOR_RATIO, LONG_WINDOW_RATIO, MAX_DIRECT_UNITS,
    TOP_ANCHORS, TOP_WINDOWS, WINDOW_MIN_CONTAINMENT, WINDOW_SIZES, Window, WindowCover, Windows,
    window_cover,
};

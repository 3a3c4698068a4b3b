//! Token weights: built-in defaults and corpus IDF.
//!
//! The pair scorer weighs each content token by how informative it is, so
//! that two sentences sharing `سورية`, `الإرهاب` and `قال` do not look alike
//! while sharing `لافرينتييف` and `2254` does. Two sources of weights:
//!
//! - **built-in**: used by [`crate::score_features`] and [`crate::compare`],
//!   so scoring works on two sentences with no corpus. Arabic content words
//!   weigh the smoothed IDF of their stem in a background table of news
//!   (`crate::prior`, counted on ANT multi-source); numbers, negators, month
//!   names and Latin words keep [`default_weight`], a heuristic on the
//!   stem's length (longer stems are rarer);
//! - **corpus** ([`Idf`]): document frequencies over the units of the run,
//!   passed to [`crate::score_features_with_idf`]. It only replaces the
//!   built-in weight once the corpus has [`MIN_CORPUS_UNITS`] units; on 5
//!   articles the counts say nothing.
//!
//! Both are on the same scale (a smoothed IDF clipped to
//! [`MIN_WEIGHT`]..=[`MAX_WEIGHT`]), so thresholds fitted with one hold with
//! the other. Measured (`cargo run --release -p isnad-eval -- q2q`): with a
//! corpus IDF over the 23,994 Q2Q questions and the shipped constants,
//! held-out F1 0.719 and ROC AUC 0.810, against 0.711 / 0.779 with the
//! built-in weights (refitting the constants for the corpus IDF: 0.736).
//! No command of the tool passes a corpus IDF yet: the matcher and
//! `isnad score` use the built-in weights, so that a pair scores the same
//! whatever else is in the run.

use crate::features::{Features, LATIN, NEGATOR, NUMBER};
use std::collections::HashMap;

/// Smallest weight of a content token.
pub const MIN_WEIGHT: f32 = 0.3;
/// Largest weight of a content token.
pub const MAX_WEIGHT: f32 = 3.0;
/// Units a corpus needs before its IDF replaces the built-in weights.
pub const MIN_CORPUS_UNITS: u32 = 2000;

/// Built-in weight of a content token from its stem.
///
/// Numbers weigh 1.5 (a shared number is strong evidence), negators 1.0;
/// other stems `0.5 + 0.25·min(letters, 8)`: 1.0 for two letters, 2.5 for
/// eight or more — a crude stand-in for IDF that never lets a short,
/// frequent word outweigh a long name.
pub(crate) fn default_weight(stem: u64, stem_str: &str, flags: u8) -> f32 {
    let _ = stem;
    if flags & NUMBER != 0 {
        return 1.5;
    }
    if flags & NEGATOR != 0 {
        return 1.0;
    }
    let letters = if flags & LATIN != 0 {
        // Latin words are about twice as long in letters for the same information.
        stem_str.len().div_ceil(2)
    } else {
        stem_str.chars().count()
    };
    0.5 + 0.25 * letters.min(8) as f32
}

/// Document frequencies of stems over a corpus of units.
///
/// Build it from the features of every unit of a run (in parallel with
/// [`Idf::merge`]) and pass it to [`crate::score_features_with_idf`].
#[derive(Debug, Clone, Default)]
pub struct Idf {
    df: HashMap<u64, u32>,
    units: u32,
}

impl Idf {
    /// An empty table.
    pub fn new() -> Idf {
        Idf::default()
    }

    /// Counts the stems of many units.
    pub fn from_features<'a>(units: impl IntoIterator<Item = &'a Features>) -> Idf {
        let mut idf = Idf::new();
        for f in units {
            idf.add(f);
        }
        idf
    }

    /// Counts the distinct stems of one unit.
    pub fn add(&mut self, f: &Features) {
        self.units = self.units.saturating_add(1);
        let mut seen: Vec<u64> = f.stems().to_vec();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            *self.df.entry(s).or_insert(0) += 1;
        }
    }

    /// Adds the counts of another table (for parallel building).
    pub fn merge(mut self, other: Idf) -> Idf {
        self.units = self.units.saturating_add(other.units);
        for (k, v) in other.df {
            *self.df.entry(k).or_insert(0) += v;
        }
        self
    }

    /// Number of units counted.
    pub fn units(&self) -> u32 {
        self.units
    }

    /// Whether the corpus is large enough to replace the built-in weights.
    pub fn is_informative(&self) -> bool {
        self.units >= MIN_CORPUS_UNITS
    }

    /// Weight of a stem (a value of [`Features::stems`]): a smoothed IDF
    /// `ln((N + 1) / (df + 1))`, scaled so a stem in one unit of 10,000 weighs
    /// about as much as the built-in weight of a 6–7-letter stem, and clipped
    /// to [`MIN_WEIGHT`]..=[`MAX_WEIGHT`].
    pub fn weight(&self, stem: u64) -> f32 {
        let df = self.df.get(&stem).copied().unwrap_or(0) as f32;
        let n = self.units as f32;
        let idf = ((n + 1.0) / (df + 1.0)).ln();
        // ln(10_000) ≈ 9.2 → 2.2
        (idf * 0.24).clamp(MIN_WEIGHT, MAX_WEIGHT)
    }
}

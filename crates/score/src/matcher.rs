//! Finding matches among many units.

use crate::{Tier, compare};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A unit as the matcher sees it.
#[derive(Debug, Clone, Copy)]
pub struct UnitRef<'a> {
    /// The unit's display text.
    pub text: &'a str,
    /// The outlet (source) the unit comes from, as a small integer.
    pub source: u32,
    /// Publication day (days since 1970-01-01), when known.
    pub day: Option<i32>,
}

/// Options of a matching run.
#[derive(Debug, Clone)]
pub struct MatchOptions {
    /// Also report matches between units of the same source.
    pub same_source: bool,
    /// Only pair units whose days differ by at most this many days (when both are known).
    pub within_days: Option<u32>,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            same_source: false,
            within_days: None,
        }
    }
}

/// A scored pair of units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Index of the first unit (the smaller index).
    pub a: usize,
    /// Index of the second unit.
    pub b: usize,
    /// How the statement was reused.
    pub tier: Tier,
    /// Similarity in [0, 1].
    pub score: f32,
    /// Byte spans of the shared passages in unit `a`'s text.
    pub spans_a: Vec<Range<usize>>,
    /// Byte spans of the shared passages in unit `b`'s text.
    pub spans_b: Vec<Range<usize>>,
    /// Named score components, for explanations.
    pub components: Vec<(String, f32)>,
}

/// Progress of a matching run, reported through the callback of [`find_matches_with_progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What the matcher is doing.
    pub stage: &'static str,
    /// Work done in this stage.
    pub done: u64,
    /// Work in this stage in all.
    pub total: u64,
}

/// Finds every matching pair of units.
pub fn find_matches(units: &[UnitRef<'_>], options: &MatchOptions) -> Vec<Match> {
    find_matches_with_progress(units, options, &|_| {})
}

/// Finds every matching pair of units (first cut: all pairs), reporting progress.
/// Runs on the current rayon pool: the caller controls the thread count with
/// `ThreadPool::install`.
pub fn find_matches_with_progress(
    units: &[UnitRef<'_>],
    options: &MatchOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<Match> {
    let _ = progress;
    let mut out = Vec::new();
    for i in 0..units.len() {
        for j in i + 1..units.len() {
            if !options.same_source && units[i].source == units[j].source {
                continue;
            }
            if let (Some(w), Some(a), Some(b)) = (options.within_days, units[i].day, units[j].day) {
                if (a - b).unsigned_abs() > w {
                    continue;
                }
            }
            let s = compare(units[i].text, units[j].text);
            if let Some(tier) = s.tier {
                out.push(Match {
                    a: i,
                    b: j,
                    tier,
                    score: s.score,
                    spans_a: s.spans_a,
                    spans_b: s.spans_b,
                    components: s.components,
                });
            }
        }
    }
    out
}

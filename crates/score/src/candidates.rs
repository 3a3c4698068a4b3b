//! Candidate pairs without comparing all pairs.
//!
//! Scoring every pair of units is quadratic: 300,000 distinct sentences make
//! 45 billion pairs. Candidate generation keeps only pairs that *could* be
//! accepted by the scorer, using a set-similarity join over light stems
//! (prefix filtering, as in AllPairs/PPJoin):
//!
//! - every unit's stem set is ordered rarest-first by document frequency;
//! - a pair is worth scoring when the stems they share make up at least
//!   [`MIN_CONTAINMENT`] of the *smaller* set. Every reuse tier needs that:
//!   verbatim and near-duplicate copies share nearly all stems, a `partial`
//!   match contains most of the shorter unit inside the longer one, and a
//!   paraphrase keeps the names, numbers and rare content words;
//! - if the shared stems are at least `ceil(c·n)` of the shorter set's `n`,
//!   then at least one of that set's `n - ceil(c·n) + 1` rarest stems is
//!   shared. So the shorter unit only has to *probe* the postings of its
//!   rarest stems, and the rare stems have short posting lists;
//! - every probe hit is verified by an exact merge of the two sorted sets.
//!
//! Boilerplate cannot explode the join: stems whose posting list is longer
//! than the cap ([`posting_cap`]) are never probed. A unit whose rarest stems
//! are all that common is made only of very common words; the number of
//! such probes is counted in [`crate::MatchStats`] so a run can tell how much
//! it skipped. (Exact copies never need the index at all: the matcher groups
//! units by match key before candidate generation, so a sentence repeated
//! 300 times is one item here.)
//!
//! Compared with MinHash-LSH over character n-grams (the datasketch peer),
//! the join is exact for its containment threshold (no banding false
//! negatives), finds short clauses inside long sentences (Jaccard cannot),
//! and is deterministic by construction. `isnad-eval candidates` measures its
//! recall against exhaustive scoring on real data.

use crate::index::{Postings, TokenSets, overlap};

/// Minimum share of the smaller unit's stems that a candidate pair must have in common.
pub const MIN_CONTAINMENT: f32 = 0.5;

/// Below this many distinct match keys the matcher scores all pairs
/// (at most about 125,000 pair scorings, well under a second), so small
/// comparisons of a handful of articles never depend on the index.
pub const EXHAUSTIVE_MAX_KEYS: usize = 500;

/// The posting-list cap for a collection of `items` stem sets: stems in more
/// sets than this are too common to probe. Grows with the collection so a
/// larger corpus is not cut harder, but sublinearly so probing stays near
/// linear overall.
pub fn posting_cap(items: usize) -> u32 {
    let grow = (items as f64).sqrt() * 4.0;
    grow.clamp(1_000.0, 20_000.0) as u32
}

/// Number of rarest stems of an `n`-stem set that must be probed.
pub(crate) fn prefix_len(n: usize, min_containment: f32) -> usize {
    if n == 0 {
        return 0;
    }
    let need = required_overlap(n, min_containment);
    (n + 1 - need).clamp(1, n)
}

/// Stems a pair must share when the smaller set has `n` stems.
pub(crate) fn required_overlap(n: usize, min_containment: f32) -> usize {
    ((min_containment * n as f32).ceil() as usize).max(1)
}

/// What one probe found.
#[derive(Debug, Default)]
pub(crate) struct Probe {
    /// Items `y` that pass the containment check with the probing item, ascending.
    pub(crate) found: Vec<u32>,
    /// Prefix stems that were over the posting cap and not probed.
    pub(crate) capped: u32,
}

/// The inverted index the matcher probes.
pub(crate) struct CandidateIndex<'s> {
    sets: &'s TokenSets,
    postings: Postings,
    min_containment: f32,
}

impl<'s> CandidateIndex<'s> {
    /// Indexes `sets` with the given posting cap.
    pub(crate) fn new(sets: &'s TokenSets, cap: u32, min_containment: f32) -> Self {
        CandidateIndex {
            sets,
            postings: Postings::build(sets, cap),
            min_containment,
        }
    }

    /// Items to compare with `x`: those whose set is larger than `x`'s
    /// (ties: larger index), that share a probed stem, that `allowed` accepts,
    /// and that share at least [`required_overlap`] of `x`'s stems.
    /// Each unordered pair is found from exactly one side.
    pub(crate) fn probe(&self, x: usize, allowed: impl Fn(usize) -> bool) -> Probe {
        let sx = self.sets.set(x);
        let n = sx.len();
        let mut out = Probe::default();
        if n == 0 {
            return out;
        }
        let key = |i: usize| (self.sets.set(i).len(), i);
        let kx = key(x);
        let mut hits: Vec<u32> = Vec::new();
        for &t in &sx[..prefix_len(n, self.min_containment)] {
            match self.postings.get(t, self.sets.df(t)) {
                None => out.capped += 1,
                Some(list) => hits.extend(list.iter().copied().filter(|&y| key(y as usize) > kx)),
            }
        }
        hits.sort_unstable();
        hits.dedup();
        let need = required_overlap(n, self.min_containment);
        out.found = hits
            .into_iter()
            .filter(|&y| allowed(y as usize) && overlap(sx, self.sets.set(y as usize)) >= need)
            .collect();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(items: &[&[u64]]) -> TokenSets {
        TokenSets::build(&items.iter().map(|s| s.to_vec()).collect::<Vec<_>>())
    }

    #[test]
    fn prefix_guarantees_a_shared_probe() {
        for n in 1..40 {
            let p = prefix_len(n, MIN_CONTAINMENT);
            let need = required_overlap(n, MIN_CONTAINMENT);
            // the stems outside the prefix are fewer than the required overlap
            assert!(n - p < need, "n={n} p={p} need={need}");
        }
    }

    #[test]
    fn finds_contained_clause_and_skips_unrelated() {
        // 0: a clause; 1: a long sentence containing it; 2: unrelated but shares one word.
        let s = sets(&[
            &[10, 11, 12, 13],
            &[10, 11, 12, 13, 20, 21, 22, 23, 24, 25],
            &[13, 30, 31, 32, 33],
        ]);
        let idx = CandidateIndex::new(&s, 1000, MIN_CONTAINMENT);
        assert_eq!(idx.probe(0, |_| true).found, vec![1]);
        // the pair is found from the smaller side only
        assert!(idx.probe(1, |_| true).found.is_empty());
        assert!(idx.probe(2, |_| true).found.is_empty());
        assert!(idx.probe(0, |y| y != 1).found.is_empty());
    }

    #[test]
    fn capped_stems_are_counted() {
        let s = sets(&[&[1, 2], &[1, 2], &[1, 2]]);
        let idx = CandidateIndex::new(&s, 2, MIN_CONTAINMENT);
        let p = idx.probe(0, |_| true);
        assert!(p.found.is_empty());
        assert_eq!(p.capped, 2);
    }
}

//! Candidate pairs without comparing all pairs.
//!
//! Scoring every pair of units is quadratic: 300,000 distinct sentences make
//! 45 billion pairs. Candidate generation keeps only pairs that *could* be
//! accepted by the scorer, using a weighted set-similarity join over light
//! stems (prefix filtering, as in AllPairs/PPJoin, with IDF weights):
//!
//! - every unit's stem set is ordered rarest-first; a stem weighs its IDF
//!   `ln((N + 1) / df)` in the run's own collection;
//! - a pair is worth scoring when the stems they share carry at least
//!   [`MIN_CONTAINMENT`] of the stem weight of one of the two units. Every
//!   reuse tier needs that: verbatim and near-duplicate copies share nearly
//!   all stems, a `partial` match holds most of one unit inside the other,
//!   and a paraphrase keeps the names, numbers and rare content words;
//! - a unit only has to *probe* its shortest rarest-first prefix whose
//!   complement weighs less than that share: a pair above the threshold
//!   must share a prefix stem. Rare stems carry most of the weight and have
//!   short posting lists, so probing is cheap;
//! - every probe hit is verified by an exact weighted merge of the two
//!   sorted sets, and each pair is reported once.
//!
//! Boilerplate cannot explode the join: stems whose posting list is longer
//! than the cap ([`posting_cap`]) are never probed. A unit whose rarest stems
//! are all that common is made only of very common words; the number of
//! such skipped probes is counted in [`crate::MatchStats`]. (Exact copies
//! never need the index at all: the matcher groups units by match key before
//! candidate generation, so a sentence repeated 300 times is one item here.)
//!
//! Compared with MinHash-LSH over character n-grams (the datasketch peer),
//! the join is exact for its threshold (no banding false negatives), finds
//! short clauses inside long sentences (Jaccard cannot), and is
//! deterministic by construction. `isnad-eval candidates` measures its
//! recall against exhaustive scoring on real data.

use crate::index::{Postings, TokenSets};

/// Minimum share of a unit's stem weight (IDF-weighted) that a candidate
/// pair must have in common, on at least one side.
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
    let grow = (items as f64).sqrt() * 0.5;
    grow.clamp(200.0, 5_000.0) as u32
}

/// IDF weight of a stem in `df` of `n` sets: `ln((n + 1) / df)`, at least 0.05.
pub(crate) fn idf(df: u32, n: usize) -> f32 {
    (((n as f64 + 1.0) / f64::from(df.max(1))).ln() as f32).max(0.05)
}

/// What one probe found.
#[derive(Debug, Default)]
pub(crate) struct Probe {
    /// Items `y` paired with the probing item, ascending.
    pub(crate) found: Vec<u32>,
    /// Prefix stems that were over the posting cap and not probed.
    pub(crate) capped: u32,
}

/// The inverted index the matcher probes.
pub(crate) struct CandidateIndex<'s> {
    sets: &'s TokenSets,
    postings: Postings,
    /// IDF weight of each token rank (non-increasing).
    weight: Vec<f32>,
    /// Length of each item's probe prefix.
    prefix: Vec<u16>,
    /// Total stem weight of each item.
    total: Vec<f32>,
    /// Flat like the token sets: weight of an item's tokens from this position on.
    suffix: Vec<f32>,
    min_containment: f32,
}

impl<'s> CandidateIndex<'s> {
    /// Indexes `sets` with the given posting cap.
    pub(crate) fn new(sets: &'s TokenSets, cap: u32, min_containment: f32) -> Self {
        let n = sets.len();
        let weight: Vec<f32> = (0..sets.vocabulary() as u32)
            .map(|t| idf(sets.df(t), n))
            .collect();
        let mut prefix = Vec::with_capacity(n);
        let mut total = Vec::with_capacity(n);
        for i in 0..n {
            let s = sets.set(i);
            let w: f32 = s.iter().map(|&t| weight[t as usize]).sum();
            // Shortest rarest-first prefix whose complement weighs less than c·W:
            // a pair sharing at least c·W of this set's weight shares a prefix stem.
            let mut rest = w;
            let mut p = 0;
            while p < s.len() && rest >= min_containment * w {
                rest -= weight[s[p] as usize];
                p += 1;
            }
            prefix.push(
                p.clamp(usize::from(!s.is_empty()), s.len())
                    .min(u16::MAX as usize) as u16,
            );
            total.push(w);
        }
        let mut suffix = vec![0.0f32; sets.entries()];
        for i in 0..n {
            let (s, start) = (sets.set(i), sets.start(i));
            let mut acc = 0.0f32;
            for k in (0..s.len()).rev() {
                acc += weight[s[k] as usize];
                suffix[start + k] = acc;
            }
        }
        CandidateIndex {
            sets,
            postings: Postings::build(sets, cap),
            weight,
            prefix,
            total,
            suffix,
            min_containment,
        }
    }

    /// Weight of item `i`'s tokens after position `k`.
    fn rest_after(&self, i: usize, k: usize) -> f32 {
        let s = self.sets.set(i);
        if k + 1 < s.len() {
            self.suffix[self.sets.start(i) + k + 1]
        } else {
            0.0
        }
    }

    fn weighted_overlap(&self, a: &[u32], b: &[u32]) -> f32 {
        let (mut i, mut j, mut w) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    w += self.weight[a[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        w
    }

    /// Whether `x`'s probe reaches `y`: they share an uncapped prefix stem of `x`.
    fn reaches(&self, x: usize, y: usize) -> bool {
        let sy = self.sets.set(y);
        self.sets.set(x)[..usize::from(self.prefix[x])]
            .iter()
            .any(|&t| self.postings.indexed(self.sets.df(t)) && sy.binary_search(&t).is_ok())
    }

    /// Items to compare with `x`: those that share an uncapped prefix stem of
    /// `x`, that `allowed` accepts, and with which `x` shares at least
    /// [`MIN_CONTAINMENT`] of its stem weight. A pair that qualifies from both
    /// sides is reported by the smaller index only, so each unordered pair
    /// is found once.
    ///
    /// Probing accumulates, per hit, the weight of the prefix stems it
    /// shares and where the last one sits in both sets; a hit whose
    /// accumulated weight plus the smaller of the two remaining suffix
    /// weights cannot reach the threshold (PPJoin's positional filter, with
    /// weights) is dropped without a merge.
    pub(crate) fn probe(
        &self,
        x: usize,
        allowed: impl Fn(usize) -> bool,
        scratch: &mut Scratch,
    ) -> Probe {
        let sx = self.sets.set(x);
        let mut out = Probe::default();
        if sx.is_empty() {
            return out;
        }
        scratch.prepare(self.sets.len());
        let p = usize::from(self.prefix[x]);
        let mut capped_weight = 0.0f32;
        for (i, &t) in sx[..p].iter().enumerate() {
            let w = self.weight[t as usize];
            match self.postings.get(t, self.sets.df(t)) {
                None => {
                    out.capped += 1;
                    capped_weight += w;
                }
                Some((items, positions)) => {
                    for (&y, &j) in items.iter().zip(positions) {
                        if y as usize == x {
                            continue;
                        }
                        let slot = &mut scratch.acc[y as usize];
                        if slot.0 == 0.0 {
                            scratch.touched.push(y);
                        }
                        *slot = (slot.0 + w, i as u16, j);
                    }
                }
            }
        }
        let need = self.min_containment * self.total[x];
        scratch.touched.sort_unstable();
        for &y in &scratch.touched {
            let (acc, i, j) = scratch.acc[y as usize];
            scratch.acc[y as usize] = (0.0, 0, 0);
            let y = y as usize;
            // Positional bound (PPJoin): shared stems after the last shared
            // prefix stem lie after it in both sets.
            let later = self
                .rest_after(x, usize::from(i))
                .min(self.rest_after(y, usize::from(j)));
            if acc + later + capped_weight + 1e-4 < need || !allowed(y) {
                continue;
            }
            let shared = self.weighted_overlap(sx, self.sets.set(y));
            if shared < need {
                continue;
            }
            // Found from y's side too? Then the smaller index reports it.
            let y_qualifies = shared >= self.min_containment * self.total[y] && self.reaches(y, x);
            if !(y_qualifies && y < x) {
                out.found.push(y as u32);
            }
        }
        scratch.touched.clear();
        out
    }
}

/// Per-thread buffers of [`CandidateIndex::probe`] (reused across probes).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Per item: weight of the probe's prefix stems it shares, and the
    /// positions (in the probe, in the item) of the last one.
    acc: Vec<(f32, u16, u16)>,
    touched: Vec<u32>,
}

impl Scratch {
    fn prepare(&mut self, n: usize) {
        if self.acc.len() < n {
            self.acc.resize(n, (0.0, 0, 0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(items: &[&[u64]]) -> TokenSets {
        TokenSets::build(&items.iter().map(|s| s.to_vec()).collect::<Vec<_>>())
    }

    #[test]
    fn prefix_leaves_less_than_the_required_weight() {
        let items: Vec<Vec<u64>> = (0..50u64)
            .map(|i| (0..=(i % 12)).map(|k| k * 7 + i % 3).collect())
            .collect();
        let s = TokenSets::build(&items);
        let idx = CandidateIndex::new(&s, 1000, MIN_CONTAINMENT);
        for i in 0..s.len() {
            let set = s.set(i);
            let p = usize::from(idx.prefix[i]);
            assert!(p >= 1 && p <= set.len());
            let rest: f32 = set[p..].iter().map(|&t| idx.weight[t as usize]).sum();
            assert!(rest < MIN_CONTAINMENT * idx.total[i] + 1e-4, "item {i}");
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
        assert_eq!(
            idx.probe(0, |_| true, &mut Scratch::default()).found,
            vec![1]
        );
        // the pair is found once
        assert!(
            idx.probe(1, |_| true, &mut Scratch::default())
                .found
                .is_empty()
        );
        assert!(
            idx.probe(2, |_| true, &mut Scratch::default())
                .found
                .is_empty()
        );
        assert!(
            idx.probe(0, |y| y != 1, &mut Scratch::default())
                .found
                .is_empty()
        );
    }

    #[test]
    fn capped_stems_are_counted() {
        let s = sets(&[&[1, 2], &[1, 2], &[1, 2]]);
        let idx = CandidateIndex::new(&s, 2, MIN_CONTAINMENT);
        let p = idx.probe(0, |_| true, &mut Scratch::default());
        assert!(p.found.is_empty());
        assert!(p.capped >= 1);
    }
}

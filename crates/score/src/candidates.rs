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
//! - a pair that shares that much of one unit only must also share
//!   [`MIN_OTHER_CONTAINMENT`] of the other's, unless it holds
//!   [`CONTAINED_SHARE`] of the first: paraphrases share a good part of
//!   *both* units, and partial copies hold most of one unit inside the
//!   other. A short sentence whose few rare words recur in a long,
//!   unrelated one is neither, and such pairs were most of what the
//!   one-sided join proposed;
//! - a unit probes only the units before it: the first stem a qualifying
//!   pair shares is in the prefix of the side it qualifies from, so the
//!   later unit meets the earlier one through its own prefix stems (every
//!   posting) or through its other stems (the postings of units whose
//!   prefix holds the stem). Each pair is read once, by its later unit,
//!   about half of what probing both ways read;
//! - every probe hit is verified by an exact weighted merge of the two
//!   sorted sets.
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

use crate::index::{Posting, Postings, TokenSets};
use rayon::prelude::*;

/// Minimum share of a unit's stem weight (IDF-weighted) that a candidate
/// pair must have in common, on at least one side.
///
/// Measured with `isnad-eval candidates --min-containment 0.45,0.4,0.35,0.3`
/// against exhaustive scoring of two seeded 400-article SaudiNewsNet samples
/// (2015-07-21 seed 7: 165 accepted key pairs; 2015-08-04 seed 11: 343):
/// recall 0.909 / 0.936 at 0.5, 0.988 / 0.985 at 0.4, 1.000 / 1.000 at
/// 0.35. The misses above 0.35 are paraphrases the scorer accepts on
/// shared phrasing of common words (titles, formulae), whose stems weigh
/// little by IDF. 0.35 scores about 3× the candidate pairs of 0.5.
pub const MIN_CONTAINMENT: f32 = 0.35;

/// Share of the *other* unit's stem weight that a pair meeting
/// [`MIN_CONTAINMENT`] on one side must also have in common, unless it
/// holds [`CONTAINED_SHARE`] of the first unit's.
///
/// The scorer accepts a pair when it is a near duplicate (both sides
/// covered ≥ 0.8), a paraphrase (a mixed score of the smaller side's cover
/// and char 4-grams ≥ 0.395) or a partial copy (≥ 0.75 of one side aligned
/// in the other), so an accepted pair either shares a good part of both
/// units or holds most of one. Measured on the stem join's own weights
/// against what the scorer accepted (all 1.34 million pairs the one-sided
/// join proposed on SaudiNewsNet, 0.80 million on ANT multi-source):
/// - no accepted paraphrase shares less than 0.20 of its smaller side's
///   weight (lowest 0.205 on SaudiNewsNet, 0.229 on ANT);
/// - of the accepted pairs below 0.15 on one side, none holds less than
///   0.50 of the other, except one ANT `partial` at 0.14 / 0.44;
/// - the rule at 0.15 / 0.50 drops 44 % of SaudiNewsNet's proposed pairs
///   and 40 % of ANT's, of which the scorer accepted none on SaudiNewsNet
///   and that one on ANT (of 189,353 and 42,775 accepted).
///
/// The margins (0.15 against 0.20; 0.50 against the scorer's 0.75) leave
/// room for the scorer's other weights (built-in IDF, soft matches of
/// names and variants), which the join does not see.
/// `isnad-eval candidates` measures recall against exhaustive scoring.
pub const MIN_OTHER_CONTAINMENT: f32 = 0.15;

/// Share of one unit's stem weight that makes a pair a candidate whatever
/// it shares of the other (see [`MIN_OTHER_CONTAINMENT`]): a clause copied
/// into a long sentence.
pub const CONTAINED_SHARE: f32 = 0.5;

/// [`MIN_CONTAINMENT`] when paraphrases are not wanted (a `min_tier` of
/// partial or stronger in [`MatchOptions`](crate::MatchOptions)): a copy,
/// whole or inside a longer sentence, keeps most of its stems, so a
/// stricter join loses almost none of them and leaves far fewer pairs to
/// probe and score. The low default exists for paraphrases that share
/// only common, lightly weighted words.
///
/// Measured on all of SaudiNewsNet against the default run (`isnad
/// compare` with and without `--min-tier partial`, compared with
/// `scripts/cap-recall.py`): at 0.6 the copies run finds 1.000 of the
/// default's `near_duplicate` and `partial` unit matches and 0.996 of its
/// `conflicting` ones, from 328,000 candidate pairs instead of 1.38
/// million; 0.7 and 0.8 lose 1.7 % and 4.4 % of `conflicting` (a changed
/// figure in a reworded frame shares fewer stems) for 15 % and 25 % less
/// CPU.
pub const COPIES_MIN_CONTAINMENT: f32 = 0.6;

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

/// The shares of common stem weight a pair must reach to be a candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Join {
    /// Of one unit's weight (the join's prefix filter is built on it).
    pub(crate) share: f32,
    /// Of the other unit's weight, unless [`Join::contained`] of the first
    /// is shared (0: no condition on the other unit).
    pub(crate) other: f32,
    /// Of the first unit's weight, which makes [`Join::other`] moot.
    pub(crate) contained: f32,
}

impl Join {
    /// A join on one side's share alone.
    pub(crate) fn one_sided(share: f32) -> Self {
        Join {
            share,
            other: 0.0,
            contained: share,
        }
    }

    /// The two-sided stem join at `share` ([`MIN_OTHER_CONTAINMENT`],
    /// [`CONTAINED_SHARE`]; `other` overrides the first).
    pub(crate) fn two_sided(share: f32, other: Option<f32>) -> Self {
        Join {
            share,
            other: other.unwrap_or(MIN_OTHER_CONTAINMENT),
            contained: CONTAINED_SHARE,
        }
    }

    /// Weight a pair of units with stem weights `w_x` and `w_y` must share
    /// to qualify from `x`'s side.
    fn need(&self, w_x: f32, w_y: f32) -> f32 {
        let first = self.share * w_x;
        first.max((self.other * w_y).min(self.contained * w_x))
    }
}

/// What one probe found.
#[derive(Debug, Default)]
pub(crate) struct Probe {
    /// Items `y` paired with the probing item, ascending.
    pub(crate) found: Vec<u32>,
    /// Prefix stems that were over the posting cap and not probed.
    pub(crate) capped: u32,
    /// Hits that passed the positional bound and were verified by a merge.
    pub(crate) verified: u32,
}

/// Tag of an item that any other item may be paired with (see [`CandidateIndex::new`]).
pub(crate) const ANY_TAG: u16 = u16::MAX;

/// The inverted index the matcher probes.
pub(crate) struct CandidateIndex<'s> {
    sets: &'s TokenSets,
    postings: Postings,
    /// IDF weight of each token rank (non-increasing).
    weight: Vec<f32>,
    /// Length of each item's probe prefix.
    prefix: Vec<u16>,
    /// Flat like the token sets: weight of an item's tokens from this position on.
    suffix: Vec<f32>,
    /// Tag of each item (items with one tag below [`ANY_TAG`] are never paired).
    tags: Vec<u16>,
    /// Bloom signature of each item's set ([`sig_bit`] of every token),
    /// with the item's total stem weight: the signature pass reads both
    /// with one miss.
    sigs: Vec<ItemSig>,
    join: Join,
}

impl<'s> CandidateIndex<'s> {
    /// Indexes `sets` for `join` with the given posting cap. `tag(i)` is a number
    /// below [`ANY_TAG`] when items with equal tags are never to be paired
    /// (units of one source), [`ANY_TAG`] otherwise: the probe skips such
    /// items while it reads the postings, before any other work.
    pub(crate) fn new(
        sets: &'s TokenSets,
        cap: u32,
        join: Join,
        tag: impl Fn(usize) -> u16,
    ) -> Self {
        let min_containment = join.share;
        let n = sets.len();
        let weight: Vec<f32> = (0..sets.vocabulary() as u32)
            .map(|t| idf(sets.df(t), n))
            .collect();
        // Per item: the probe prefix and the total weight, then the weight
        // after each position, then the signature; all on all threads (on
        // the phrase sets' 3 million shingles, every weight read is a cache
        // miss).
        let (prefix, total): (Vec<u16>, Vec<f32>) = (0..n)
            .into_par_iter()
            .map(|i| {
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
                let p = p
                    .clamp(usize::from(!s.is_empty()), s.len())
                    .min(u16::MAX as usize);
                (p as u16, w)
            })
            .unzip();
        let mut suffix = vec![0.0f32; sets.entries()];
        sets.per_item(&mut suffix)
            .into_par_iter()
            .enumerate()
            .for_each(|(i, out)| {
                let mut acc = 0.0f32;
                for (k, &t) in sets.set(i).iter().enumerate().rev() {
                    acc += weight[t as usize];
                    out[k] = acc;
                }
            });
        let rest_after = |i: usize, k: usize| {
            if k + 1 < sets.set(i).len() {
                suffix[sets.start(i) + k + 1]
            } else {
                0.0
            }
        };
        let tags: Vec<u16> = (0..n).map(&tag).collect();
        let uncapped = sets.ranks_up_to_df(cap);
        let sigs: Vec<ItemSig> = (0..n)
            .into_par_iter()
            .map(|i| {
                let mut sig = [0u64; SIG_WORDS];
                for &t in sets.set(i) {
                    let (w, bit) = sig_bit(t);
                    sig[w] |= bit;
                }
                // Capped stems are the most common, so they end a set.
                let p = &sets.set(i)[..usize::from(prefix[i])];
                ItemSig {
                    bits: sig,
                    total: total[i],
                    indexed: p.partition_point(|&t| t < uncapped) as u16,
                }
            })
            .collect();
        let postings = Postings::build(
            sets,
            cap,
            rest_after,
            |i| usize::from(prefix[i]),
            |i| tags[i],
        );
        CandidateIndex {
            sets,
            postings,
            weight,
            prefix,
            suffix,
            tags,
            sigs,
            join,
        }
    }

    /// Total stem weight of item `i`.
    fn total(&self, i: usize) -> f32 {
        self.sigs[i].total
    }

    /// Weight of item `i`'s tokens from position `k` on.
    fn rest_from(&self, i: usize, k: usize) -> f32 {
        if k < self.sets.set(i).len() {
            self.suffix[self.sets.start(i) + k]
        } else {
            0.0
        }
    }

    /// Items to pair with `x`, among the items before it: those that share
    /// an uncapped stem of either one's probe prefix, that `early` and
    /// `allowed` accept, and with which `x` shares what the join asks of
    /// one of the two sides ([`Join::need`]). Probing every item finds every
    /// pair once, by its later item.
    ///
    /// Why the later item alone suffices: in one global token order, the
    /// first stem a qualifying pair shares lies in the probe prefix of the
    /// side it qualifies from (the prefix leaves less weight than that side
    /// needs). So `x` meets the earlier items through its prefix stems in
    /// their whole posting lists, and through its other stems in the
    /// entries whose own prefix holds the stem. Both probe lists are cut at
    /// `x` (postings ascend by item), which halves what a probe reads
    /// against probing every item in both directions.
    ///
    /// Probing accumulates, per hit, the weight of the stems it was met by
    /// and the weight of the hit's stems after the last of them. Every
    /// shared stem up to the later of the two prefixes' last uncapped stems
    /// is met and none after it, so a hit whose accumulated weight plus the
    /// smaller of the two weights still unexamined (x's stems after its
    /// indexed prefix, the hit's after the last stem met: PPJoin's
    /// positional filter, with weights) cannot reach the threshold is
    /// dropped without a merge, and so is one whose set signature (a
    /// 256-bit Bloom filter) rules out enough of x's unprobed stems.
    /// Survivors are verified by resuming the sorted merge after that stem,
    /// and the merge stops as soon as the threshold is reached or can no
    /// longer be.
    ///
    /// `early` is tested on every hit that passes the positional bound,
    /// `allowed` only on those the merge keeps: each reads the hit's
    /// record, a cache miss, so a test that rejects few hits belongs in
    /// `allowed` and one that rejects most (a day window over a long
    /// collection) in `early`, where it saves the other bounds and the merge.
    pub(crate) fn probe(
        &self,
        x: usize,
        early: impl Fn(usize) -> bool,
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
        let tag = self.tags[x];
        // Capped stems are the most common ones, so they sort after every
        // indexed stem: the indexed part of the prefix is `sx[..indexed]`.
        let mut indexed = p;
        for (i, &t) in sx.iter().enumerate() {
            let Some(list) = self.postings.get(t) else {
                // This stem and every later one are over the cap.
                if i < p {
                    out.capped = (p - i) as u32;
                    indexed = i;
                }
                break;
            };
            let w = self.weight[t as usize];
            // Of a stem after x's prefix, only the items whose prefix holds it.
            let other: &[Posting] = if i < p { list.other } else { &[] };
            for entries in [list.prefix, other] {
                for e in entries {
                    if e.item as usize >= x {
                        break;
                    }
                    if tag != ANY_TAG && e.tag == tag {
                        continue;
                    }
                    let slot = &mut scratch.acc[e.item as usize];
                    if slot.acc == 0.0 {
                        scratch.touched.push(e.item);
                    }
                    *slot = Hit {
                        acc: slot.acc + w,
                        rest_y: e.rest,
                    };
                }
            }
        }
        let w_x = self.total(x);
        let share = self.join.share;
        // Every shared stem of x's indexed prefix was met, so x can share at
        // most the rest of its weight besides.
        let rest_x = self.rest_from(x, indexed);
        // x's unprobed stems as a signature mask, with the weight of the
        // stems on each bit.
        let mut rest_mask: Sig = [0; SIG_WORDS];
        scratch.bit_weight.fill(0.0);
        for &t in &sx[indexed..] {
            let (word, bit) = sig_bit(t);
            rest_mask[word] |= bit;
            scratch.bit_weight[word * 64 + bit.trailing_zeros() as usize] +=
                self.weight[t as usize];
        }
        // Three passes over the hits, cheapest test first: each pass runs
        // only on the hits the previous one kept, in a loop of its own.
        // 1. Positional bound: what was accumulated plus what is left on
        //    both sides (shared stems not met lie after the last stem met,
        //    in y too: PPJoin's positional filter, with weights); then
        //    `early`. y's own weight is not read here (a cache miss per
        //    hit): it is at least what was met plus what follows.
        scratch.survivors.clear();
        for &y in &scratch.touched {
            let hit = std::mem::take(&mut scratch.acc[y as usize]);
            let need = share * w_x.min(hit.acc + hit.rest_y);
            if hit.acc + rest_x.min(hit.rest_y) + 1e-4 >= need && early(y as usize) {
                scratch.survivors.push((y, hit));
            }
        }
        // 2. Signature bound: of x's unprobed stems, only those whose bit is
        //    in y's signature can be shared (a few words read, instead of
        //    y's whole set). Only the bits both have are visited: most of
        //    x's unprobed stems are not in y.
        let bit_weight = &scratch.bit_weight;
        let passes = |sig: &ItemSig, acc: f32| {
            let mut possible = acc;
            for (k, (&s, &m)) in sig.bits.iter().zip(&rest_mask).enumerate() {
                let mut common = s & m;
                while common != 0 {
                    possible += bit_weight[k * 64 + common.trailing_zeros() as usize];
                    common &= common - 1;
                }
            }
            possible + 1e-3 >= self.pair_need(w_x, sig.total)
        };
        // The signatures are read a batch at a time, before any is tested:
        // each read is a cache miss, and loads with no branch between them
        // are in flight together (the tests' branches would serialise them).
        let survivors = &mut scratch.survivors;
        let mut kept = 0;
        for start in (0..survivors.len()).step_by(SIG_BATCH) {
            let end = (start + SIG_BATCH).min(survivors.len());
            let mut batch = [ItemSig::default(); SIG_BATCH];
            for (sig, &(y, _)) in batch.iter_mut().zip(&survivors[start..end]) {
                *sig = self.sigs[y as usize];
            }
            for (sig, k) in batch.iter().zip(start..end) {
                let s = survivors[k];
                if passes(sig, s.1.acc) {
                    survivors[kept] = s;
                    kept += 1;
                }
            }
        }
        survivors.truncate(kept);
        // 3. Verification by merge, resumed after the later of the two
        //    prefixes' last uncapped stems: every shared stem up to it was
        //    met, none after it.
        for &(y, hit) in &scratch.survivors {
            let y = y as usize;
            out.verified += 1;
            let ItemSig {
                total, indexed: ey, ..
            } = self.sigs[y];
            let need = self.pair_need(w_x, total);
            let sy = self.sets.set(y);
            // y was met, so its first stem is indexed: `ey >= 1`.
            let ey = usize::from(ey);
            let (last_x, last_y) = (sx[indexed - 1], sy[ey - 1]);
            let (i, j) = if last_x >= last_y {
                (indexed, sy.partition_point(|&t| t <= last_x))
            } else {
                (
                    indexed + sx[indexed..].partition_point(|&t| t <= last_y),
                    ey,
                )
            };
            let shared = self.resume_overlap(
                sx,
                sy,
                i,
                j,
                hit.acc,
                self.rest_from(x, i),
                self.rest_from(y, j),
                need,
                need,
            );
            // `allowed` last: it reads the item's record, a cache miss
            // that most hits never need.
            if shared >= need && allowed(y) {
                out.found.push(y as u32);
            }
        }
        scratch.touched.clear();
        out.found.sort_unstable();
        out
    }

    /// Weight a pair of items with stem weights `w_x` and `w_y` must share
    /// to qualify from either side.
    fn pair_need(&self, w_x: f32, w_y: f32) -> f32 {
        self.join.need(w_x, w_y).min(self.join.need(w_y, w_x))
    }

    /// Continues the weighted merge of `a` and `b` from positions `i`, `j`
    /// with `acc` already shared; `rest_a`/`rest_b` are the weights of
    /// `a[i..]`/`b[j..]`. Returns the shared weight, exact unless the merge
    /// stopped early: at once when it reaches `stop_at` (the result is then
    /// at least `stop_at`), or when it can no longer reach `need` (the result
    /// is then below `need`).
    #[allow(clippy::too_many_arguments)]
    fn resume_overlap(
        &self,
        a: &[u32],
        b: &[u32],
        mut i: usize,
        mut j: usize,
        mut acc: f32,
        mut rest_a: f32,
        mut rest_b: f32,
        need: f32,
        stop_at: f32,
    ) -> f32 {
        // Tolerance on the running bounds (they are sums in another order).
        const EPS: f32 = 1e-3;
        while i < a.len() && j < b.len() {
            if acc >= stop_at {
                return acc;
            }
            let (ta, tb) = (a[i], b[j]);
            if ta == tb {
                let w = self.weight[ta as usize];
                acc += w;
                rest_a -= w;
                rest_b -= w;
                i += 1;
                j += 1;
            } else {
                if ta < tb {
                    rest_a -= self.weight[ta as usize];
                    i += 1;
                } else {
                    rest_b -= self.weight[tb as usize];
                    j += 1;
                }
                if acc + rest_a.min(rest_b) + EPS < need {
                    return acc.min(need - EPS);
                }
            }
        }
        acc
    }
}

/// What a probe has accumulated for one item.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hit {
    /// Weight of the stems the probe met the item by.
    acc: f32,
    /// Weight of the item's stems after the last of them.
    rest_y: f32,
}

/// Per-thread buffers of [`CandidateIndex::probe`] (reused across probes).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Per item: what the current probe has accumulated (all zero between probes).
    acc: Vec<Hit>,
    touched: Vec<u32>,
    /// Per signature bit: weight of the probe's unprobed stems on that bit.
    bit_weight: Vec<f32>,
    /// Hits that passed the bounds checked so far.
    survivors: Vec<(u32, Hit)>,
}

/// Words of a set signature: 256 bits, so that a set of 20–40 stems sets
/// few enough of them for the signature to rule out most unshared stems.
const SIG_WORDS: usize = 4;

/// Signatures read ahead at once by the probe's signature pass.
const SIG_BATCH: usize = 16;

/// A set signature (a Bloom filter with one hash).
type Sig = [u64; SIG_WORDS];

/// An item's set signature, total stem weight and the length of its probe
/// prefix without capped stems (in what would be the record's padding).
#[derive(Debug, Clone, Copy, Default)]
struct ItemSig {
    bits: Sig,
    total: f32,
    indexed: u16,
}

/// The word and bit of token rank `t` in a set signature (a fixed
/// multiplicative hash).
fn sig_bit(t: u32) -> (usize, u64) {
    let h = t.wrapping_mul(0x9E37_79B1) >> 24;
    ((h >> 6) as usize, 1u64 << (h & 63))
}

thread_local! {
    /// Each thread's probe scratch, kept from one block of probes to the
    /// next. It holds an entry per item (7.7 MB on both corpora, 646,000
    /// keys); made afresh for every rayon job, as it was, it was allocated
    /// and filled several times per block, a cost that grows with the number
    /// of blocks times the number of items (on half of both corpora, 2.3 %
    /// of the CPU time, 2 alternating runs).
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's probe scratch (see [`release_scratch`]).
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|s| f(&mut s.borrow_mut()))
}

/// Frees this thread's probe scratch (after the last probe of a run).
pub(crate) fn release_scratch() {
    SCRATCH.with(|s| *s.borrow_mut() = Scratch::default());
}

impl Scratch {
    fn prepare(&mut self, n: usize) {
        if self.acc.len() < n {
            self.acc.resize(n, Hit::default());
        }
        self.bit_weight.resize(SIG_WORDS * 64, 0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(items: &[&[u64]]) -> TokenSets {
        TokenSets::build(items.iter().map(|s| s.to_vec()).collect())
    }

    #[test]
    fn prefix_leaves_less_than_the_required_weight() {
        let items: Vec<Vec<u64>> = (0..50u64)
            .map(|i| (0..=(i % 12)).map(|k| k * 7 + i % 3).collect())
            .collect();
        let s = TokenSets::build(items);
        let idx = CandidateIndex::new(&s, 1000, Join::two_sided(MIN_CONTAINMENT, None), |_| {
            ANY_TAG
        });
        for i in 0..s.len() {
            let set = s.set(i);
            let p = usize::from(idx.prefix[i]);
            assert!(p >= 1 && p <= set.len());
            let rest: f32 = set[p..].iter().map(|&t| idx.weight[t as usize]).sum();
            assert!(rest < MIN_CONTAINMENT * idx.total(i) + 1e-4, "item {i}");
        }
    }

    /// Every pair the probes of all items find, as (earlier, later): each
    /// pair must be found once, by its later item.
    fn all_pairs(idx: &CandidateIndex, n: usize) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for x in 0..n {
            let found = idx
                .probe(x, |_| true, |_| true, &mut Scratch::default())
                .found;
            for y in found {
                assert!((y as usize) < x, "{x} found the later item {y}");
                pairs.push((y as usize, x));
            }
        }
        let len = pairs.len();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), len, "a pair was found twice");
        pairs
    }

    #[test]
    fn finds_contained_clause_and_skips_unrelated() {
        // 0: a long sentence; 1: a clause of it; 2: unrelated but shares one word.
        let s = sets(&[
            &[10, 11, 12, 13, 20, 21, 22, 23, 24, 25],
            &[10, 11, 12, 13],
            &[13, 30, 31, 32, 33],
        ]);
        let idx = CandidateIndex::new(&s, 1000, Join::two_sided(MIN_CONTAINMENT, None), |_| {
            ANY_TAG
        });
        // Found once, by the later item.
        assert_eq!(all_pairs(&idx, 3), vec![(0, 1)]);
        let late = idx.probe(1, |_| true, |y| y != 0, &mut Scratch::default());
        assert!(late.found.is_empty());
        assert_eq!(late.verified, 1, "`allowed` is tested after the merge");
        let early = idx.probe(1, |y| y != 0, |_| true, &mut Scratch::default());
        assert!(early.found.is_empty());
        assert_eq!(early.verified, 0, "`early` is tested before the merge");
        // Items of one tag are never paired.
        let tagged = CandidateIndex::new(&s, 1000, Join::two_sided(MIN_CONTAINMENT, None), |_| 7);
        assert!(all_pairs(&tagged, 3).is_empty());
    }

    #[test]
    fn a_pair_shares_a_part_of_both_sides_or_most_of_one() {
        // x: 4 stems shared with y, 5 of its own (about 0.4 of its weight
        // shared, under CONTAINED_SHARE); y_long: the 4 and 41 of its own
        // (about 0.07 of its weight shared); y_short: the 4 and 10 of its own
        // (about 0.25). 48 unrelated items set the stems' IDF.
        let x: Vec<u64> = (1..=4).chain(5..=9).collect();
        let y_long: Vec<u64> = (1..=4).chain(100..141).collect();
        let y_short: Vec<u64> = (1..=4).chain(200..210).collect();
        let mut items = vec![x, y_long, y_short];
        items.extend((0..48u64).map(|i| vec![1000 + i]));
        let s = TokenSets::build(items);
        let with_x = |join: Join| {
            let idx = CandidateIndex::new(&s, 1000, join, |_| ANY_TAG);
            all_pairs(&idx, s.len())
                .into_iter()
                .filter(|p| p.0 == 0)
                .map(|p| p.1)
                .collect::<Vec<_>>()
        };
        assert_eq!(with_x(Join::one_sided(MIN_CONTAINMENT)), vec![1, 2]);
        // Neither y shares MIN_CONTAINMENT of its own weight with x, and
        // y_long not MIN_OTHER_CONTAINMENT either.
        assert_eq!(with_x(Join::two_sided(MIN_CONTAINMENT, None)), vec![2]);
        // Most of x inside y_long makes the pair whatever y_long's share.
        let contained = Join {
            contained: 0.35,
            ..Join::two_sided(MIN_CONTAINMENT, None)
        };
        assert_eq!(with_x(contained), vec![1, 2]);
    }

    proptest::proptest! {
        /// The probes find exactly the pairs whose shared stem weight meets
        /// the join from one side, and whose first shared stem is under the
        /// cap (a pair made only of capped stems is not looked up).
        #[test]
        fn probes_find_the_join_exactly(
            items in proptest::collection::vec(
                proptest::collection::vec(0u64..40, 1..14), 2..40),
            cap in 3u32..40,
            share in 0.2f32..0.7,
            other in 0.0f32..0.4,
        ) {
            let n = items.len();
            let s = TokenSets::build(items);
            let join = Join { share, other, contained: share.max(0.5) };
            let idx = CandidateIndex::new(&s, cap, join, |_| ANY_TAG);
            let found = all_pairs(&idx, n);
            let weight = |t: u32| idx.weight[t as usize];
            for y in 0..n {
                for x in y + 1..n {
                    let (sx, sy) = (s.set(x), s.set(y));
                    let common: Vec<u32> =
                        sx.iter().copied().filter(|t| sy.contains(t)).collect();
                    let shared: f32 = common.iter().map(|&t| weight(t)).sum();
                    let need = idx.pair_need(idx.total(x), idx.total(y));
                    let reachable = common.first().is_some_and(|&t| s.df(t) <= cap);
                    let is_found = found.binary_search(&(y, x)).is_ok();
                    if reachable && shared >= need + 1e-3 {
                        proptest::prop_assert!(is_found, "missed ({y}, {x})");
                    }
                    if !reachable || shared < need - 1e-3 {
                        proptest::prop_assert!(!is_found, "({y}, {x}) found");
                    }
                }
            }
        }
    }

    #[test]
    fn capped_stems_are_counted() {
        let s = sets(&[&[1, 2], &[1, 2], &[1, 2]]);
        let idx = CandidateIndex::new(&s, 2, Join::two_sided(MIN_CONTAINMENT, None), |_| ANY_TAG);
        let p = idx.probe(2, |_| true, |_| true, &mut Scratch::default());
        assert!(p.found.is_empty());
        assert!(p.capped >= 1);
    }
}

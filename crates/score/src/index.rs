//! Compact token sets for candidate generation.
//!
//! Candidate generation never touches strings in its hot loops: every unit's
//! light stems are hashed once with seeded xxh3 (stable across machines and
//! runs), mapped to dense ranks ordered by document frequency (rarest first),
//! and stored in one flat CSR array. Sets are sorted ascending, so the first
//! elements of a set are its rarest tokens (the *prefix* used for probing)
//! and two sets can be intersected with a linear merge.

use rayon::prelude::*;
use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Seed of the token hash. Fixed so token ids are the same on every machine and run.
const TOKEN_SEED: u64 = 0x69_73_6e_61_64_5f_74_6b; // "isnad_tk"

/// Anything a feature extractor may hand out as a stem: a string, or an id
/// that is already hashed. Lets candidate generation follow the stem
/// representation of [`crate::Features::stems`] without caring which it is.
pub(crate) trait StemId {
    /// A stable 64-bit id of the stem.
    fn stem_id(&self) -> u64;
}

impl StemId for String {
    fn stem_id(&self) -> u64 {
        xxh3_64_with_seed(self.as_bytes(), TOKEN_SEED)
    }
}

impl StemId for &str {
    fn stem_id(&self) -> u64 {
        xxh3_64_with_seed(self.as_bytes(), TOKEN_SEED)
    }
}

impl StemId for u32 {
    fn stem_id(&self) -> u64 {
        u64::from(*self)
    }
}

impl StemId for u64 {
    fn stem_id(&self) -> u64 {
        *self
    }
}

/// A token hash and an item holding it, in 12 bytes (a `(u64, u32)` takes
/// 16): `[hash high, hash low, item]`, so arrays order as `(hash, item)`.
/// A plain array, not a struct: `vec![[0; 3]; n]` is allocated zeroed by
/// the system (its pages are touched by the threads that fill them), where
/// a struct would be written over once first, on one thread.
type Entry = [u32; 3];

fn entry(hash: u64, item: u32) -> Entry {
    [(hash >> 32) as u32, hash as u32, item]
}

fn entry_hash(e: &Entry) -> u64 {
    u64::from(e[0]) << 32 | u64::from(e[1])
}

const ITEM: usize = 2;

/// `flat` cut into consecutive parts of the given lengths (to fill them in
/// parallel).
fn split_parts<T>(flat: &mut [T], lengths: impl IntoIterator<Item = usize>) -> Vec<&mut [T]> {
    let mut parts = Vec::new();
    let mut rest = flat;
    for len in lengths {
        let (part, tail) = rest.split_at_mut(len);
        parts.push(part);
        rest = tail;
    }
    parts
}

/// `flat`, whose parts `offsets` delimits (ascending, from 0), cut into
/// one run of consecutive parts per thread with about the same number of
/// entries: each run's part indices and its slice of `flat`.
fn per_thread<'a, T>(flat: &'a mut [T], offsets: &[u32]) -> Vec<(Range<usize>, &'a mut [T])> {
    let parts = offsets.len() - 1;
    let total = offsets.last().map_or(0, |&o| o as usize);
    let threads = rayon::current_num_threads().max(1);
    let mut bounds: Vec<usize> = (0..threads)
        .map(|k| {
            offsets
                .partition_point(|&o| (o as usize) * threads < total * k)
                .min(parts)
        })
        .collect();
    bounds.push(parts);
    bounds.dedup();
    let runs = bounds.windows(2).map(|b| b[0]..b[1]);
    let slices = split_parts(
        flat,
        bounds
            .windows(2)
            .map(|b| (offsets[b[1]] - offsets[b[0]]) as usize),
    );
    runs.zip(slices).collect()
}

/// The lengths of the parts `offsets` (ascending, from 0) delimit.
fn lengths(offsets: &[u32]) -> impl Iterator<Item = usize> + '_ {
    offsets.windows(2).map(|w| (w[1] - w[0]) as usize)
}

/// Token sets of many items, as ranks (0 = rarest token in the collection).
#[derive(Debug, Default)]
pub(crate) struct TokenSets {
    /// `tokens[offsets[i]..offsets[i + 1]]` is item `i`'s set, ascending rank.
    offsets: Vec<u32>,
    tokens: Vec<u32>,
    /// Document frequency of each rank (non-decreasing).
    df: Vec<u32>,
}

impl TokenSets {
    /// Builds the sets from each item's (possibly repeated) token hashes.
    ///
    /// One sort of all `(hash, item)` entries gives the vocabulary, every
    /// token's document frequency and its postings in one pass: no lookup
    /// of each entry in the vocabulary (a binary search per entry was most
    /// of the cost on corpora of millions of entries).
    ///
    /// Takes the items by value: each item's hashes are deduplicated in
    /// place and freed as they are copied into the sort, so the build holds
    /// one copy of them besides its sort entries (the phrase shingles of
    /// SaudiNewsNet are about 10 million; the build was the run's peak).
    pub(crate) fn build(mut items: Vec<Vec<u64>>) -> TokenSets {
        // Distinct hashes per item.
        items.par_iter_mut().for_each(|h| {
            h.sort_unstable();
            h.dedup();
        });
        let mut offsets = Vec::with_capacity(items.len() + 1);
        offsets.push(0u32);
        let mut total = 0u32;
        for h in &items {
            total += h.len() as u32;
            offsets.push(total);
        }
        let mut entries: Vec<Entry> = vec![[0; 3]; total as usize];
        items
            .into_par_iter()
            .zip(split_parts(&mut entries, lengths(&offsets)))
            .enumerate()
            .for_each(|(i, (h, part))| {
                for (e, &x) in part.iter_mut().zip(&h) {
                    *e = entry(x, i as u32);
                }
            });
        entries.par_sort_unstable();
        // Runs of equal hashes: the vocabulary, with each token's df.
        let mut runs: Vec<u32> = Vec::new();
        for (k, e) in entries.iter().enumerate() {
            if k == 0 || entry_hash(&entries[k - 1]) != entry_hash(e) {
                runs.push(k as u32);
            }
        }
        runs.push(entries.len() as u32);
        let df_by_id: Vec<u32> = runs.windows(2).map(|r| r[1] - r[0]).collect();
        // Rank tokens by (df, hash): rarest first, ties broken by the stable
        // hash. Token ids ascend by hash already, so this is a counting
        // sort by df (a comparison sort of the phrase index's 3.1 million
        // shingles read two entries per comparison, a cache miss each).
        let max_df = df_by_id.iter().copied().max().unwrap_or(0) as usize;
        let mut next = vec![0u32; max_df + 2];
        for &d in &df_by_id {
            next[d as usize + 1] += 1;
        }
        for d in 1..next.len() {
            next[d] += next[d - 1];
        }
        let df: Vec<u32> = (0..=max_df)
            .flat_map(|d| std::iter::repeat_n(d as u32, (next[d + 1] - next[d]) as usize))
            .collect();
        let rank: Vec<u32> = df_by_id
            .iter()
            .map(|&d| {
                let r = next[d as usize];
                next[d as usize] += 1;
                r
            })
            .collect();
        drop(next);
        drop(df_by_id);
        // Each entry's rank into its item's slot, then each set sorted.
        // Each thread fills the sets of one range of items (about equal
        // numbers of entries), reading every entry but writing only its own
        // part: the writes scatter, so they, not the reads, are the cost.
        let mut tokens = vec![0u32; total as usize];
        per_thread(&mut tokens, &offsets)
            .into_par_iter()
            .for_each(|(range, part)| {
                let base = offsets[range.start];
                let mut fill: Vec<u32> = offsets[range.clone()].iter().map(|&o| o - base).collect();
                let (first, end) = (range.start as u32, range.end as u32);
                for (id, r) in runs.windows(2).enumerate() {
                    for e in &entries[r[0] as usize..r[1] as usize] {
                        if (first..end).contains(&e[ITEM]) {
                            let slot = &mut fill[(e[ITEM] - first) as usize];
                            part[*slot as usize] = rank[id];
                            *slot += 1;
                        }
                    }
                }
            });
        drop(entries);
        split_parts(&mut tokens, lengths(&offsets))
            .into_par_iter()
            .for_each(|set| set.sort_unstable());
        TokenSets {
            offsets,
            tokens,
            df,
        }
    }

    /// Number of items.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Item `i`'s token set, rarest first.
    pub(crate) fn set(&self, i: usize) -> &[u32] {
        &self.tokens[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Where item `i`'s set starts in the flat token array.
    pub(crate) fn start(&self, i: usize) -> usize {
        self.offsets[i] as usize
    }

    /// A flat array with one value per entry, split into each item's part
    /// (for filling the parts in parallel).
    pub(crate) fn per_item<'a, T>(&self, flat: &'a mut [T]) -> Vec<&'a mut [T]> {
        assert_eq!(flat.len(), self.tokens.len());
        split_parts(flat, lengths(&self.offsets))
    }

    /// Total number of (item, token) entries.
    pub(crate) fn entries(&self) -> usize {
        self.tokens.len()
    }

    /// Document frequency of a token rank.
    pub(crate) fn df(&self, token: u32) -> u32 {
        self.df[token as usize]
    }

    /// Number of distinct tokens.
    pub(crate) fn vocabulary(&self) -> usize {
        self.df.len()
    }

    /// Number of token ranks with a document frequency of at most `df`:
    /// ranks ascend by document frequency, so these are ranks `0..` it.
    pub(crate) fn ranks_up_to_df(&self, df: u32) -> u32 {
        self.df.partition_point(|&d| d <= df) as u32
    }
}

/// Size of the intersection of two ascending sets (no repeated values).
///
/// Branch-free: each step advances the side with the smaller value (both
/// when equal) by adding comparison results. On the char 4-gram sets the
/// pair scorer compares (a few hundred values each), a `match` on the
/// comparison mispredicts about every other step.
pub(crate) fn overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// One entry of a posting list: an item containing the token, the weight
/// of the item's tokens after the token, and the item's tag (so the
/// prober's positional bound and its same-source filter need no random
/// reads).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Posting {
    /// The item.
    pub(crate) item: u32,
    /// Weight of the item's tokens after this one.
    pub(crate) rest: f32,
    /// The item's tag (see [`Postings::build`]).
    pub(crate) tag: u16,
}

/// The posting list of one token, in two parts, each ascending by item.
#[derive(Debug, Clone, Copy)]
pub(crate) struct List<'p> {
    /// Items that hold the token in their probe prefix.
    pub(crate) prefix: &'p [Posting],
    /// Items that hold it after their probe prefix.
    pub(crate) other: &'p [Posting],
}

/// Postings: for every token rank with `df <= cap`, the items that contain
/// it, with the weight of what follows the token in each item's set, split
/// by whether the token is in the item's probe prefix.
///
/// Why split: a probe reads the whole list of a token in its own prefix,
/// but of its other tokens only the entries of items whose prefix holds
/// the token (see `CandidateIndex::probe`). On SaudiNewsNet those other
/// tokens' lists are mostly entries of the second kind (103 of 106 million
/// entries read), which one flat list with a flag made the probe read and
/// skip.
#[derive(Debug)]
pub(crate) struct Postings {
    /// Ranks below this are indexed (ranks ascend by document frequency,
    /// so the capped ones are all the others).
    indexed: u32,
    /// Token `t`'s entries are `entries[offsets[t]..offsets[t + 1]]`.
    offsets: Vec<u32>,
    /// Where token `t`'s entries of [`List::other`] start.
    others: Vec<u32>,
    entries: Vec<Posting>,
}

impl Postings {
    /// Indexes every token of every set whose document frequency is at most
    /// `cap`; `rest_after(item, pos)` gives the weight stored with each
    /// entry, `prefix(item)` the length of the item's probe prefix, and
    /// `tag(item)` a small number stored with it (the matcher's source
    /// filter).
    pub(crate) fn build(
        sets: &TokenSets,
        cap: u32,
        rest_after: impl Fn(usize, usize) -> f32 + Sync,
        prefix: impl Fn(usize) -> usize + Sync,
        tag: impl Fn(usize) -> u16 + Sync,
    ) -> Postings {
        let indexed = sets.ranks_up_to_df(cap);
        let vocabulary = indexed as usize;
        let mut offsets = Vec::with_capacity(vocabulary + 1);
        offsets.push(0u32);
        let mut total = 0u32;
        for t in 0..indexed {
            total += sets.df(t);
            offsets.push(total);
        }
        // Each thread fills the lists of one range of tokens (about equal
        // numbers of entries), reading every set but writing only its own
        // part: the writes scatter over the whole array, so they, not the
        // reads, are the cost. Lists come out in item order either way.
        let mut entries = vec![Posting::default(); total as usize];
        // The run of each set's tokens in `tokens` (sets ascend).
        let run = |set: &[u32], tokens: &Range<u32>| {
            let from = set.partition_point(|&t| t < tokens.start);
            from..from + set[from..].partition_point(|&t| t < tokens.end)
        };
        let others: Vec<Vec<u32>> = per_thread(&mut entries, &offsets)
            .into_par_iter()
            .map(|(tokens, part)| {
                let tokens = tokens.start as u32..tokens.end as u32;
                let base = offsets[tokens.start as usize];
                // Prefix entries first: count them, then fill both parts.
                let mut prefix_fill: Vec<u32> = offsets[tokens.start as usize..tokens.end as usize]
                    .iter()
                    .map(|&o| o - base)
                    .collect();
                let mut other_fill = prefix_fill.clone();
                for i in 0..sets.len() {
                    let set = sets.set(i);
                    for &t in &set[run(&set[..prefix(i).min(set.len())], &tokens)] {
                        other_fill[(t - tokens.start) as usize] += 1;
                    }
                }
                let others: Vec<u32> = other_fill.iter().map(|&o| o + base).collect();
                for i in 0..sets.len() {
                    let set = sets.set(i);
                    let within = run(set, &tokens);
                    if within.is_empty() {
                        continue;
                    }
                    let (tag, prefix) = (tag(i), prefix(i));
                    for k in within {
                        let t = set[k];
                        let fill = if k < prefix {
                            &mut prefix_fill
                        } else {
                            &mut other_fill
                        };
                        let slot = &mut fill[(t - tokens.start) as usize];
                        part[*slot as usize] = Posting {
                            item: i as u32,
                            rest: rest_after(i, k),
                            tag,
                        };
                        *slot += 1;
                    }
                }
                others
            })
            .collect();
        Postings {
            indexed,
            offsets,
            others: others.concat(),
            entries,
        }
    }

    /// The posting list of `token`, or `None` when the token was over the
    /// cap.
    pub(crate) fn get(&self, token: u32) -> Option<List<'_>> {
        if token >= self.indexed {
            return None;
        }
        let t = token as usize;
        let (start, other, end) = (
            self.offsets[t] as usize,
            self.others[t] as usize,
            self.offsets[t + 1] as usize,
        );
        Some(List {
            prefix: &self.entries[start..other],
            other: &self.entries[other..end],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_rarest_first_and_overlap_counts() {
        let items = vec![vec![1, 2, 3, 3], vec![2, 3, 4], vec![3, 5]];
        let s = TokenSets::build(items);
        assert_eq!(s.len(), 3);
        assert_eq!(s.vocabulary(), 5);
        // token 3 is in all three items: it must have the largest rank.
        let last = s.vocabulary() as u32 - 1;
        assert_eq!(s.df(last), 3);
        assert!(s.set(0).ends_with(&[last]));
        assert_eq!(overlap(s.set(0), s.set(1)), 2);
        assert_eq!(overlap(s.set(0), s.set(2)), 1);
        let p = Postings::build(&s, 2, |i, k| (i * 10 + k) as f32, |_| 1, |i| i as u16);
        assert!(p.get(last).is_none());
        let t2 = s.set(0)[s.set(0).len() - 2];
        let e = p.get(t2).unwrap();
        assert!(e.prefix.is_empty());
        assert_eq!(e.other.iter().map(|e| e.item).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(e.other[0].rest, (s.set(0).len() - 2) as f32);
        assert_eq!(e.other[1].tag, 1);
        let first = s.set(1)[0];
        assert!(p.get(first).unwrap().prefix.iter().any(|e| e.item == 1));
    }

    proptest::proptest! {
        #[test]
        fn overlap_counts_common_values(
            a in proptest::collection::btree_set(0u32..200, 0..60),
            b in proptest::collection::btree_set(0u32..200, 0..60),
        ) {
            let (a, b): (Vec<u32>, Vec<u32>) = (a.into_iter().collect(), b.into_iter().collect());
            let common = a.iter().filter(|x| b.contains(x)).count();
            proptest::prop_assert_eq!(overlap(&a, &b), common);
            proptest::prop_assert_eq!(overlap(&b, &a), common);
        }

        #[test]
        fn postings_list_every_item_once_in_the_right_part(
            items in proptest::collection::vec(proptest::collection::vec(0u64..40, 0..12), 1..40),
            cap in 1u32..12,
            prefix_of in proptest::collection::vec(0usize..14, 40),
        ) {
            let s = TokenSets::build(items);
            let prefix = |i: usize| prefix_of[i];
            let p = Postings::build(&s, cap, |i, k| (i * 100 + k) as f32, prefix, |i| i as u16);
            for t in 0..s.vocabulary() as u32 {
                let Some(list) = p.get(t) else {
                    proptest::prop_assert!(s.df(t) > cap);
                    continue;
                };
                proptest::prop_assert!(s.df(t) <= cap);
                for (part, in_prefix) in [(list.prefix, true), (list.other, false)] {
                    let expected: Vec<(u32, f32, u16)> = (0..s.len())
                        .filter_map(|i| {
                            let k = s.set(i).iter().position(|&u| u == t)?;
                            ((k < prefix(i)) == in_prefix)
                                .then_some((i as u32, (i * 100 + k) as f32, i as u16))
                        })
                        .collect();
                    let got: Vec<(u32, f32, u16)> =
                        part.iter().map(|e| (e.item, e.rest, e.tag)).collect();
                    proptest::prop_assert_eq!(got, expected);
                }
            }
        }
    }
}

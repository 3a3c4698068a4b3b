//! Finding matches among many units, in parallel and deterministically.
//!
//! The pipeline, each stage parallel with rayon on the *current* pool (the
//! caller picks the thread count with `ThreadPool::install`):
//!
//! 1. **Copies first.** Units with byte-identical text share one feature
//!    extraction; units with the same match key form one *key group*. A
//!    sentence repeated 300 times is one item for candidate generation and
//!    scoring, so it costs O(300), not O(300²).
//! 2. **Candidates** between key groups: exhaustive for small inputs
//!    (≤ [`EXHAUSTIVE_MAX_KEYS`](crate::EXHAUSTIVE_MAX_KEYS) distinct keys), otherwise the stem index of
//!    [`crate::candidates`]-module docs, joined by a second index over
//!    adjacent word pairs for copies made of common words (see
//!    [`PHRASE_MIN_CONTAINMENT`]). The indexes need only each text's
//!    match key and stems, so full features are computed afterwards, and
//!    only for the key groups that meet a candidate or may hold copies:
//!    at corpus scale most texts never do, and full features of all of
//!    them would be most of the run's memory. They are computed per scoring
//!    block and held for later blocks within a byte budget (see step 4 in
//!    `Run::new`): memory then follows the blocks, not the corpus.
//! 3. **Scoring** of each candidate pair of group representatives with
//!    [`score_features_passages`], block by block; `same_source` and `within_days`
//!    are applied before scoring, at group level, and again exactly per
//!    unit pair.
//! 4. **Expansion** (only in [`find_matches`]): every allowed unit pair of
//!    two matched groups, and every allowed pair inside a key group
//!    (verbatim copies), becomes a [`Match`] with spans in its own texts;
//!    the representatives' results are reused, other texts of a group are
//!    scored on their own.
//!
//! [`find_match_set`] returns the compact form instead — matches between
//! group representatives plus the membership of each key group — whose size
//! is linear in the input even when one sentence is copied hundreds of times
//! by many outlets. Both forms are sorted, and identical for any thread count:
//! every parallel step collects in input order and ties are broken by index.

use crate::candidates::{
    ANY_TAG, CandidateIndex, EXHAUSTIVE_MAX_KEYS, Join, posting_cap, release_scratch, with_scratch,
};
use crate::features::key_and_stems;
use crate::held::Held;
use crate::index::{StemId, TokenSets};
use crate::pair::{no_match, score_for_matching};
use crate::{Components, Features, Tier, features, quick_reject};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use xxhash_rust::xxh3::xxh3_128_with_seed;

/// Seed for grouping identical texts and keys (any fixed value; only equality matters).
const GROUP_SEED: u64 = 0x69_73_6e_61_64_5f_67_72; // "isnad_gr"

/// Key groups probed per block: bounds the candidate pairs held at once.
const BLOCK: usize = 4096;

/// Units with fewer distinct content words (stems of words that are not
/// stopwords; numbers count) are never matched, not even as verbatim
/// copies: `لماذا؟`, `كيف؟`, `نعم.`, `وسلامتكم.`, `إلخ.` or a lone name carry no
/// statement a reader could follow between outlets. On the first 10,000
/// SaudiNewsNet articles this rule removes 143 of 94,434 matches (120
/// verbatim, 23 paraphrase; all read: question words, greetings, `انتهى`,
/// `إلخ`, a lone country or abbreviation letter) and no other match
/// changes; 34 statements made only of such units go. [`crate::compare`] and
/// `isnad score` still score such pairs: a user asking about two texts gets
/// their similarity (`ما هو الحب؟` / `ما الحب؟` is the same question).
pub const MIN_CONTENT_WORDS: usize = 2;

/// Minimum share of a unit's *phrase* weight (its adjacent match-key word
/// pairs, IDF-weighted) that a pair must have in common to be a candidate
/// through the phrase index.
///
/// Why a second index: the stem index never probes a stem found in more
/// units than its posting cap, so two copies of a sentence made only of a
/// corpus's everyday words (`الجسر الإغاثي مستمر ضمن خطط وبرامج أعدت لهذا
/// الغرض …` in a year of Saudi news: every word is in hundreds of units)
/// were never compared. On SaudiNewsNet, raising the cap from 283 to 800
/// found 4,580 more `near_duplicate` and 22,841 more `partial` unit
/// matches: copies the default missed. Word pairs are far rarer than
/// words, so the same cap rarely binds on them, and a copy keeps most of
/// them in order; a reworded paraphrase does not, and is left to the stem
/// index. A pair either index finds is scored the same way.
pub const PHRASE_MIN_CONTAINMENT: f32 = 0.5;

/// Hashes of the adjacent word pairs of a match key (its phrase shingles).
fn phrase_shingles(key: &str) -> Vec<u64> {
    let words: Vec<u64> = key
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(crate::hash::h64)
        .collect();
    words
        .windows(2)
        .map(|w| w[0].rotate_left(21) ^ w[1].wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .collect()
}

/// Number of distinct values in `v`.
fn distinct_count(v: &[u64]) -> usize {
    let mut seen: Vec<u64> = v.to_vec();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// Heap bytes of full features kept between scoring blocks for key groups
/// that a later block scores again, per distinct match key of the input
/// (see [`features_budget`]). Over the budget, the features needed farthest
/// ahead are dropped (and computed again when that block comes).
///
/// Measured with `isnad compare --stats` on both corpora (SaudiNewsNet and
/// ANT, 646,161 keys): a fixed 128 MB budget spent 130 s CPU in scoring,
/// against 82 s when every feature is held to its last use (peak 2.0 GB
/// instead of 1.5): the features a corpus needs again grow with it, so a
/// fixed budget turns into recomputation that grows faster than the input.
/// At 400 bytes per key (258 MB there) scoring takes 94 s, peak 1.49 GB;
/// 600 bytes gave 88 s but raised SaudiNewsNet's peak from 920 to 969 MiB.
const FEATURES_BUDGET_PER_KEY: usize = 400;

/// The features budget is never below this (small inputs hold everything).
const FEATURES_BUDGET_MIN: usize = 128 << 20;

/// Bytes of features held between blocks for `keys` distinct match keys.
fn features_budget(keys: usize) -> usize {
    keys.saturating_mul(FEATURES_BUDGET_PER_KEY)
        .max(FEATURES_BUDGET_MIN)
}

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

/// How candidate pairs are generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateMode {
    /// All pairs for small inputs (≤ [`EXHAUSTIVE_MAX_KEYS`](crate::EXHAUSTIVE_MAX_KEYS) distinct keys), the index otherwise.
    #[default]
    Auto,
    /// Always the stem index (for measuring it on small samples).
    Indexed,
    /// Always all pairs (quadratic: for evaluation on samples only).
    Exhaustive,
}

/// Options of a matching run.
#[derive(Debug, Clone, Default)]
pub struct MatchOptions {
    /// Also report matches between units of the same source.
    pub same_source: bool,
    /// Only pair units whose days differ by at most this many days (when both are known).
    pub within_days: Option<u32>,
    /// How candidate pairs are generated (default: [`CandidateMode::Auto`]).
    pub candidates: CandidateMode,
    /// Share of stem weight a candidate pair must have in common (default
    /// [`MIN_CONTAINMENT`](crate::MIN_CONTAINMENT)); for measuring the
    /// index's recall against its cost (`isnad-eval candidates`).
    pub min_containment: Option<f32>,
    /// Share of the other unit's stem weight a candidate pair must also
    /// have in common unless it holds most of one unit (default
    /// [`MIN_OTHER_CONTAINMENT`](crate::MIN_OTHER_CONTAINMENT); 0: none);
    /// for the same measurements.
    pub min_other_containment: Option<f32>,
    /// Posting-list cap of the index (default [`posting_cap`](crate::posting_cap)
    /// of the number of distinct keys); for the same measurements.
    pub posting_cap: Option<u32>,
    /// Also accept matches that rest only on a reworded passage inside two
    /// long sentences ([`Scored::via_passage`](crate::Scored::via_passage)).
    /// Off by default: a hand check of SaudiNewsNet (3,000 articles of
    /// 2015-07-21) found about 1 in 10 of them right, against about 3 in 4
    /// for the other non-verbatim tiers; on a handful of articles about one
    /// event they find reworded claims that nothing else links.
    pub passages: bool,
    /// Only matches at least this strong are wanted ([`Tier::strength`]);
    /// weaker ones are not returned, and the work that can only find them
    /// is skipped: without paraphrases the stem index joins at
    /// [`COPIES_MIN_CONTAINMENT`](crate::COPIES_MIN_CONTAINMENT) instead of
    /// [`MIN_CONTAINMENT`](crate::MIN_CONTAINMENT), and `verbatim` pairs
    /// only units with equal match keys (no index, no pair scoring).
    pub min_tier: Option<Tier>,
}

impl MatchOptions {
    /// Whether matches of `tier` are wanted (see [`MatchOptions::min_tier`]).
    pub fn wants(&self, tier: Tier) -> bool {
        self.min_tier
            .is_none_or(|m| tier.strength() >= m.strength())
    }

    /// Whether units with different match keys can make a wanted match
    /// (only verbatim copies share a key).
    fn pairs_keys(&self) -> bool {
        self.wants(Tier::NearDuplicate)
    }

    /// The shares of stem weight the stem index joins at.
    fn stem_join(&self) -> Join {
        let share = self
            .min_containment
            .unwrap_or(if self.wants(Tier::Paraphrase) {
                crate::MIN_CONTAINMENT
            } else {
                crate::COPIES_MIN_CONTAINMENT
            });
        Join::two_sided(share, self.min_other_containment)
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
    /// Named score components, for explanations (shared by the unit pairs
    /// of one scored pair of distinct texts).
    pub components: Components,
}

/// Progress of a matching run, reported through the callback of [`find_matches_with_progress`].
///
/// Stages, in order: `features` (distinct texts), `candidates` (key groups
/// probed in the index; not reported when all pairs are scored), `scoring`
/// (key groups whose candidate pairs were scored), `expand` (matches
/// expanded to unit pairs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What the matcher is doing.
    pub stage: &'static str,
    /// Work done in this stage.
    pub done: u64,
    /// Work in this stage in all.
    pub total: u64,
}

/// Counts of a matching run, for progress reports and corpus benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchStats {
    /// Units given.
    pub units: u64,
    /// Distinct unit texts (features are extracted once per text).
    pub distinct_texts: u64,
    /// Distinct match keys (items of candidate generation).
    pub distinct_keys: u64,
    /// Whether all pairs of keys were scored (small input or [`CandidateMode::Exhaustive`]).
    pub exhaustive: bool,
    /// Posting-list cap of the stem index (0 when exhaustive, or when no
    /// index was built: only verbatim matches wanted).
    pub posting_cap: u32,
    /// Probed stems skipped because they were over the cap (boilerplate guard).
    pub capped_probes: u64,
    /// Key groups that had at least one probe skipped by the cap.
    pub capped_keys: u64,
    /// Index hits verified by a merge of the two stem sets (0 when exhaustive).
    pub verified_pairs: u64,
    /// Candidate pairs found by the phrase index only (see
    /// [`PHRASE_MIN_CONTAINMENT`]); included in `candidate_pairs`.
    pub phrase_pairs: u64,
    /// Candidate pairs of key groups scored.
    pub candidate_pairs: u64,
    /// Candidate pairs the scorer accepted (matches between key groups).
    pub key_matches: u64,
    /// Key groups with several units that the scorer accepts as verbatim copies.
    pub copy_groups: u64,
}

/// The compact result of a run: matches between key-group representatives
/// plus the groups of verbatim copies.
///
/// Every unit pair [`find_matches`] would report is recoverable: a pair
/// inside one of `copies` (allowed by the options) is a verbatim match, and a
/// pair `(u, v)` with `u` in the key group of `m.a` and `v` in that of `m.b`
/// for some `m` in `matches` carries `m`'s statement (its tier and spans are
/// those of the representatives; unit-level spans need [`find_matches`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MatchSet {
    /// Key group of each unit: `group[u]` indexes `members`.
    pub group: Vec<u32>,
    /// Units of each key group, ascending; the first is the representative.
    /// Groups are ordered by representative.
    pub members: Vec<Vec<usize>>,
    /// Indices into `members` of the groups of two or more units that the
    /// scorer accepts as verbatim copies of each other.
    pub copies: Vec<u32>,
    /// Matches between the representatives of two key groups, sorted by `(a, b)`.
    pub matches: Vec<Match>,
    /// Counts of the run.
    pub stats: MatchStats,
}

/// Finds every matching pair of units.
pub fn find_matches(units: &[UnitRef<'_>], options: &MatchOptions) -> Vec<Match> {
    find_matches_with_progress(units, options, &|_| {})
}

/// Finds every matching pair of units, reporting progress.
///
/// Runs on the current rayon pool: the caller controls the thread count with
/// `ThreadPool::install`. The output is sorted by `(a, b)` and the same for
/// any thread count.
pub fn find_matches_with_progress(
    units: &[UnitRef<'_>],
    options: &MatchOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<Match> {
    find_matches_with_stats(units, options, progress).0
}

/// [`find_matches_with_progress`] that also returns the run's counts.
pub fn find_matches_with_stats(
    units: &[UnitRef<'_>],
    options: &MatchOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> (Vec<Match>, MatchStats) {
    let run = Run::new(units, options, progress, Tuning::DEFAULT);
    let matches = run.expand(progress);
    (matches, run.set.stats)
}

/// Finds matches in the compact form (see [`MatchSet`]), reporting progress.
pub fn find_match_set(
    units: &[UnitRef<'_>],
    options: &MatchOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> MatchSet {
    Run::new(units, options, progress, Tuning::DEFAULT).set
}

/// Sizes that bound the run's memory; they never change its result.
#[derive(Debug, Clone, Copy)]
struct Tuning {
    /// Key groups probed and scored per block.
    block: usize,
    /// Bytes of features held for later blocks (`None`: [`features_budget`]
    /// of the input's distinct keys).
    features_budget: Option<usize>,
}

impl Tuning {
    const DEFAULT: Tuning = Tuning {
        block: BLOCK,
        features_budget: None,
    };
}

/// Everything a run computed, kept for expansion.
struct Run<'u, 'a> {
    units: &'u [UnitRef<'a>],
    options: MatchOptions,
    /// Whether all pairs of key groups are scored (no index: the scorer's
    /// quick pre-filter then pays off).
    exhaustive: bool,
    /// Distinct text of each unit.
    variant: Vec<u32>,
    /// Representative unit of each distinct text (its first occurrence).
    variant_rep: Vec<usize>,
    /// Features of each distinct text (after matching: only of those the
    /// expansion needs, the rest dropped).
    /// Boxed: most entries are `None` at any time, and a `Features` inline
    /// takes about 160 bytes (53 MB of mostly empty slots for SaudiNewsNet's
    /// 332,904 distinct texts).
    feats: Vec<Option<Box<Features>>>,
    /// The scorer's result for each copy group (parallel to `set.copies`).
    copy_scores: Vec<Found>,
    set: MatchSet,
}

/// What the scorer said about an accepted pair of distinct texts.
#[derive(Debug, Clone)]
struct Found {
    tier: Tier,
    score: f32,
    spans_a: Vec<Range<usize>>,
    spans_b: Vec<Range<usize>>,
    components: Components,
}

impl Found {
    fn of(s: crate::Scored) -> Option<Found> {
        Some(Found {
            tier: s.tier?,
            score: s.score,
            spans_a: s.spans_a,
            spans_b: s.spans_b,
            components: Components::new(s.components),
        })
    }

    fn of_match(m: &Match) -> Found {
        Found {
            tier: m.tier,
            score: m.score,
            spans_a: m.spans_a.clone(),
            spans_b: m.spans_b.clone(),
            components: m.components.clone(),
        }
    }
}

impl<'u, 'a> Run<'u, 'a> {
    fn new(
        units: &'u [UnitRef<'a>],
        options: &MatchOptions,
        progress: &(dyn Fn(Progress) + Sync),
        tuning: Tuning,
    ) -> Self {
        let Tuning {
            block: block_size,
            features_budget,
        } = tuning;
        // 1. Distinct texts. A first pass over their features keeps only
        //    each text's match key and content stems: full features of every
        //    text at once would be most of the run's memory, and most texts
        //    never meet a candidate.
        let (variant, variant_rep) = group_equal(units.len(), |u| units[u].text);
        let total = variant_rep.len() as u64;
        progress(Progress {
            stage: "features",
            done: 0,
            total,
        });
        // Without pairs of different keys (only verbatim copies wanted)
        // there is nothing to index or score, so no phrase shingles either.
        let pairs_keys = options.pairs_keys();
        // The key is kept as its 128-bit hash (about 300 bytes less per
        // text: 0.2 GB on 660,000 texts); texts with equal hashes are told
        // apart by recomputing their keys.
        let mut light: Vec<(u128, Vec<u64>, Vec<u64>)> = variant_rep
            .par_iter()
            .map(|&u| {
                let (key, stems) = key_and_stems(units[u].text);
                (
                    xxh3_128_with_seed(key.as_bytes(), GROUP_SEED),
                    stems.iter().map(StemId::stem_id).collect(),
                    if pairs_keys {
                        phrase_shingles(&key)
                    } else {
                        Vec::new()
                    },
                )
            })
            .collect();
        progress(Progress {
            stage: "features",
            done: total,
            total,
        });
        // 2. Key groups over distinct texts; groups ordered by first unit.
        let key_hashes: Vec<u128> = light.iter().map(|l| l.0).collect();
        let key_of = |v: usize| isnad_segment::normalize::match_key(units[variant_rep[v]].text);
        let (key_of_variant, key_rep_variant) =
            group_hashed(&key_hashes, |v, w| key_of(v) == key_of(w));
        drop(key_hashes);
        let group: Vec<u32> = variant
            .iter()
            .map(|&v| key_of_variant[v as usize])
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); key_rep_variant.len()];
        for (u, &g) in group.iter().enumerate() {
            members[g as usize].push(u);
        }
        let info: Vec<GroupInfo> = members
            .par_iter()
            .zip(&key_rep_variant)
            .map(|(m, &v)| {
                let mut info = GroupInfo::of(units, m);
                info.thin = distinct_count(&light[v].1) < MIN_CONTENT_WORDS;
                info
            })
            .collect();
        let n = key_rep_variant.len();
        let features_budget = features_budget.unwrap_or_else(|| self::features_budget(n));
        let exhaustive = pairs_keys
            && match options.candidates {
                CandidateMode::Exhaustive => true,
                CandidateMode::Indexed => false,
                CandidateMode::Auto => n <= EXHAUSTIVE_MAX_KEYS,
            };
        // The token sets of each key group's representative, for an index.
        type Light = (u128, Vec<u64>, Vec<u64>);
        let mut sets_of = |tokens: fn(&mut Light) -> &mut Vec<u64>| {
            (!exhaustive && pairs_keys).then(|| {
                let hashes: Vec<Vec<u64>> = key_rep_variant
                    .iter()
                    .map(|&v| std::mem::take(tokens(&mut light[v])))
                    .collect();
                TokenSets::build(hashes)
            })
        };
        let stem_sets: Option<TokenSets> = sets_of(|l| &mut l.1);
        let phrase_sets: Option<TokenSets> = sets_of(|l| &mut l.2);
        drop(light);
        let mut run = Run {
            units,
            options: options.clone(),
            exhaustive,
            variant,
            variant_rep,
            feats: Vec::new(),
            copy_scores: Vec::new(),
            set: MatchSet {
                group,
                members,
                copies: Vec::new(),
                matches: Vec::new(),
                stats: MatchStats::default(),
            },
        };
        let stats = &mut run.set.stats;
        stats.units = units.len() as u64;
        stats.distinct_texts = run.variant_rep.len() as u64;
        stats.distinct_keys = n as u64;

        // 3. Candidates between key groups (the index; exhaustive: all pairs, later).
        let cap = options.posting_cap.unwrap_or_else(|| posting_cap(n));
        // Key groups of one source only are never paired unless same-source
        // matches were asked for: the index skips them by tag.
        let tag = |g: usize| {
            let i = &info[g];
            if options.same_source || i.multi_source || i.source >= u32::from(ANY_TAG) {
                ANY_TAG
            } else {
                i.source as u16
            }
        };
        let index = stem_sets
            .as_ref()
            .map(|s| CandidateIndex::new(s, cap, options.stem_join(), tag));
        // Whether the probes may pair key groups `x` and `y`. With a day
        // window most hits of a long collection fall outside it, so it is
        // tested on every hit, before the bounds and merge it saves;
        // otherwise it rejects few, and is tested only on the hits a merge
        // keeps (see `CandidateIndex::probe`).
        let possible = |x: usize, y: usize| info[x].pair_possible(&info[y], options);
        let windowed = options.within_days.is_some();
        let near = |x: usize, y: usize| !windowed || possible(x, y);
        let (mut capped, mut capped_keys, mut verified) = (0u64, 0u64, 0u64);
        let mut found: Vec<Vec<u32>> = Vec::new();
        // The stage's progress counts the probes of both indexes.
        let probe_passes = u64::from(index.is_some()) + u64::from(phrase_sets.is_some());
        let probes_total = probe_passes * n as u64;
        if let Some(idx) = &index {
            found.reserve(n);
            for block in 0..n.div_ceil(block_size) {
                let range = block_range(block, block_size, n);
                let done = range.end as u64;
                let probes: Vec<crate::candidates::Probe> = range
                    .into_par_iter()
                    .map(|x| {
                        let allowed = |y: usize| windowed || possible(x, y);
                        with_scratch(|scratch| idx.probe(x, |y| near(x, y), allowed, scratch))
                    })
                    .collect();
                for p in probes {
                    capped += u64::from(p.capped);
                    capped_keys += u64::from(p.capped > 0);
                    verified += u64::from(p.verified);
                    found.push(p.found);
                }
                progress(Progress {
                    stage: "candidates",
                    done,
                    total: probes_total,
                });
            }
        }
        drop(index);
        drop(stem_sets);
        if !exhaustive {
            // No index (only verbatim copies wanted): no candidates.
            found.resize_with(n, Vec::new);
        }
        // 3b. The phrase index: pairs that share most of one side's word
        //     pairs but that the stem index could not reach (see
        //     [`PHRASE_MIN_CONTAINMENT`]), added to the stem index's pairs.
        let phrase_index = phrase_sets
            .as_ref()
            .map(|s| CandidateIndex::new(s, cap, Join::one_sided(PHRASE_MIN_CONTAINMENT), tag));
        let mut phrase_pairs = 0u64;
        if let Some(idx) = &phrase_index {
            // Both indexes report a pair by its later key group, so a pair
            // the stem index found is in `found[x]` of the probing `x`.
            let known = |x: usize, y: usize| found[x].binary_search(&(y as u32)).is_ok();
            // In blocks, for progress; the pairs are added after the last
            // block, so `known` sees the stem index's pairs only.
            let done_before = probes_total - n as u64;
            let mut more: Vec<Vec<u32>> = Vec::with_capacity(n);
            for block in 0..n.div_ceil(block_size) {
                let range = block_range(block, block_size, n);
                let done = done_before + range.end as u64;
                more.par_extend(range.into_par_iter().map(|x| {
                    let allowed = |y: usize| (windowed || possible(x, y)) && !known(x, y);
                    with_scratch(|scratch| idx.probe(x, |y| near(x, y), allowed, scratch)).found
                }));
                progress(Progress {
                    stage: "candidates",
                    done,
                    total: probes_total,
                });
            }
            for (x, more) in more.into_iter().enumerate() {
                if !more.is_empty() {
                    phrase_pairs += more.len() as u64;
                    found[x].extend(more);
                    found[x].sort_unstable();
                }
            }
        }
        if phrase_index.is_some() {
            rayon::broadcast(|_| release_scratch());
        }
        drop(phrase_index);
        drop(phrase_sets);

        // 4. Full features are computed block by block, just before a block
        //    that scores a key group. After the block they go when no later
        //    block needs them (unless expansion will, see `keep_group`);
        //    those needed again are held within `features_budget`, dropping
        //    the ones needed farthest ahead first (Belady's rule: all future
        //    uses are known). Holding the features of every scored group at
        //    once was the largest part of the run's memory (about 0.5 GB of
        //    1.45 on SaudiNewsNet), and recurring sentences pair with groups
        //    weeks apart, so holding each until its last use kept most alive.
        let blocks = n.div_ceil(block_size);
        // Key groups each block scores (exhaustive: the block's own groups
        // and every later one, which they are paired with).
        let needed_groups: Vec<Vec<u32>> = (0..blocks)
            .into_par_iter()
            .map(|block| {
                let range = block_range(block, block_size, n);
                if exhaustive {
                    return (range.start as u32..n as u32).collect();
                }
                let mut v: Vec<u32> = range
                    .filter(|&x| !found[x].is_empty())
                    .flat_map(|x| std::iter::once(x as u32).chain(found[x].iter().copied()))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        // The blocks that score each group, in order (a cursor walks them).
        const NEVER: u32 = u32::MAX;
        let mut uses: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (block, gs) in needed_groups.iter().enumerate() {
            for &g in gs {
                uses[g as usize].push(block as u32);
            }
        }
        let mut cursor = vec![0u32; n];
        let next_use =
            |g: usize, cursor: &[u32]| uses[g].get(cursor[g] as usize).copied().unwrap_or(NEVER);
        run.feats = (0..run.variant_rep.len()).map(|_| None).collect();
        // Groups whose features are kept for expansion: those of a match or
        // copy group whose unit pairs include texts not scored yet.
        let mut keep_group = vec![false; n];

        // 5. Copy groups: several units with one key that the scorer accepts as a repeat.
        let copy_candidates: Vec<usize> = (0..n)
            .filter(|&g| {
                run.set.members[g].len() >= 2 && info[g].pair_possible(&info[g], &run.options)
            })
            .collect();
        run.fill_features(copy_candidates.iter().map(|&g| key_rep_variant[g]));
        let copies: Vec<(u32, Found)> = copy_candidates
            .par_iter()
            .filter_map(|&g| {
                let v = key_rep_variant[g];
                run.wanted(run.score_variants(v, v)).map(|f| (g as u32, f))
            })
            .collect();
        for &(g, _) in &copies {
            let v = key_rep_variant[g as usize] as u32;
            if run.expansion_scores(g as usize, g as usize, (v, v)) {
                keep_group[g as usize] = true;
            }
        }
        // Groups whose features are held for a later block, within the budget.
        let mut held = Held::new(n, blocks);
        for &g in &copy_candidates {
            if keep_group[g] {
                continue;
            }
            match next_use(g, &cursor) {
                NEVER => run.feats[key_rep_variant[g]] = None,
                next => {
                    if let Some(f) = &run.feats[key_rep_variant[g]] {
                        held.hold(g as u32, next, f.heap_bytes());
                    }
                }
            }
        }
        drop(copy_candidates);
        run.set.stats.copy_groups = copies.len() as u64;
        (run.set.copies, run.copy_scores) = copies.into_iter().unzip();

        // 6. Scoring of the candidate pairs, block by block.
        let mut matches: Vec<Match> = Vec::new();
        let mut candidates = 0u64;
        for (block, needed) in needed_groups.iter().enumerate() {
            let range = block_range(block, block_size, n);
            let done = range.end as u64;
            run.fill_features(needed.iter().map(|&g| key_rep_variant[g as usize]));
            let scored: Vec<(u64, Vec<Match>)> = range
                .into_par_iter()
                .map(|x| {
                    let ys: Vec<u32> = if exhaustive {
                        (x + 1..n)
                            .filter(|&y| info[x].pair_possible(&info[y], &run.options))
                            .map(|y| y as u32)
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let ys = if exhaustive { &ys } else { &found[x] };
                    let scored = ys
                        .iter()
                        .filter_map(|&y| {
                            let y = y as usize;
                            let (g1, g2) = (x.min(y), x.max(y));
                            let (v1, v2) = (key_rep_variant[g1], key_rep_variant[g2]);
                            let s = run.score_variants(v1, v2);
                            let tier = s.tier.filter(|&t| run.options.wants(t))?;
                            Some(Match {
                                a: run.variant_rep[v1],
                                b: run.variant_rep[v2],
                                tier,
                                score: s.score,
                                spans_a: s.spans_a,
                                spans_b: s.spans_b,
                                components: Components::new(s.components),
                            })
                        })
                        .collect();
                    (ys.len() as u64, scored)
                })
                .collect();
            for (c, m) in scored {
                candidates += c;
                for found_match in &m {
                    let (g, h) = (
                        run.set.group[found_match.a] as usize,
                        run.set.group[found_match.b] as usize,
                    );
                    let key = (run.variant[found_match.a], run.variant[found_match.b]);
                    if run.expansion_scores(g, h, key) {
                        keep_group[g] = true;
                        keep_group[h] = true;
                        held.release(g as u32);
                        held.release(h as u32);
                    }
                }
                matches.extend(m);
            }
            // Features no later block needs go; the others are held, within
            // the budget, dropping those needed farthest ahead first.
            for &g in needed {
                let g = g as usize;
                cursor[g] += 1;
                if keep_group[g] {
                    continue;
                }
                let v = key_rep_variant[g];
                match (next_use(g, &cursor), &run.feats[v]) {
                    (NEVER, _) | (_, None) => {
                        held.release(g as u32);
                        run.feats[v] = None;
                    }
                    (next, Some(f)) => held.hold(g as u32, next, f.heap_bytes()),
                }
            }
            let feats = &mut run.feats;
            held.evict_over(features_budget, |g| {
                feats[key_rep_variant[g as usize]] = None
            });
            held.finish_block(block);
            progress(Progress {
                stage: "scoring",
                done,
                total: n as u64,
            });
        }
        drop(found);
        matches.par_sort_unstable_by_key(|m| (m.a, m.b));
        let stats = &mut run.set.stats;
        stats.exhaustive = exhaustive;
        stats.posting_cap = if exhaustive || !pairs_keys { 0 } else { cap };
        stats.capped_probes = capped;
        stats.capped_keys = capped_keys;
        stats.candidate_pairs = candidates;
        stats.verified_pairs = verified;
        stats.phrase_pairs = phrase_pairs;
        stats.key_matches = matches.len() as u64;
        run.set.matches = matches;
        run.keep_features_for_expansion(&keep_group);
        run
    }

    /// Computes, in parallel, the features of the distinct texts `vs` that
    /// are not already present.
    fn fill_features(&mut self, vs: impl Iterator<Item = usize>) {
        let missing: Vec<usize> = vs.filter(|&v| self.feats[v].is_none()).collect();
        let computed: Vec<Box<Features>> = missing
            .par_iter()
            .map(|&v| Box::new(features(self.units[self.variant_rep[v]].text)))
            .collect();
        for (v, f) in missing.into_iter().zip(computed) {
            self.feats[v] = Some(f);
        }
    }

    /// Features of the distinct texts marked in `wanted`, reusing those in
    /// `have` (the others are `None`).
    fn compute_features(
        &self,
        wanted: &[bool],
        have: Option<Vec<Option<Box<Features>>>>,
    ) -> Vec<Option<Box<Features>>> {
        let mut have = have.unwrap_or_default();
        have.resize_with(wanted.len(), || None);
        have.into_par_iter()
            .zip(wanted)
            .enumerate()
            .map(|(v, (f, &w))| match (w, f) {
                (false, _) => None,
                (true, Some(f)) => Some(f),
                (true, None) => Some(Box::new(features(self.units[self.variant_rep[v]].text))),
            })
            .collect()
    }

    /// Features of distinct text `v` (present until expansion drops unneeded ones).
    fn feat(&self, v: usize) -> &Features {
        match &self.feats[v] {
            Some(f) => f,
            None => unreachable!("features of distinct text {v} were dropped but are needed"),
        }
    }

    /// Keeps the features expansion needs and only those: of every
    /// distinct text of the key groups marked in `needed` (those with a
    /// unit pair whose texts were not scored yet, see
    /// [`Run::expansion_scores`]), computing the missing ones.
    fn keep_features_for_expansion(&mut self, needed: &[bool]) {
        let set = &self.set;
        let mut keep = vec![false; self.feats.len()];
        for (g, members) in set.members.iter().enumerate() {
            if needed[g] {
                for &u in members {
                    keep[self.variant[u] as usize] = true;
                }
            }
        }
        let have = std::mem::take(&mut self.feats);
        self.feats = self.compute_features(&keep, Some(have));
    }

    /// Whether expanding key groups `g` and `h` (`g == h`: one group) into
    /// unit pairs will score a pair of distinct texts other than `key`,
    /// the one already scored (as [`Run::expand_pair`] decides): only
    /// then does it need features. Most groups hold one distinct text.
    fn expansion_scores(&self, g: usize, h: usize, key: (u32, u32)) -> bool {
        self.unit_pairs(g, h)
            .any(|(a, b)| (self.variant[a], self.variant[b]) != key)
    }

    /// The allowed unit pairs `(a, b)`, `a < b`, of key groups `g` and `h`
    /// (`g == h`: of one group), in member order.
    fn unit_pairs(&self, g: usize, h: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let (mg, mh) = (&self.set.members[g], &self.set.members[h]);
        mg.iter().enumerate().flat_map(move |(i, &u)| {
            let rest = if g == h { &mh[i + 1..] } else { &mh[..] };
            rest.iter()
                .filter(move |&&v| self.unit_pair_allowed(u, v))
                .map(move |&v| (u.min(v), u.max(v)))
        })
    }

    /// The scorer's result, if it gives a tier the options want.
    fn wanted(&self, s: crate::Scored) -> Option<Found> {
        Found::of(s).filter(|f| self.options.wants(f.tier))
    }

    /// Scores two distinct texts (by variant id), the one with the smaller representative first.
    fn score_variants(&self, v1: usize, v2: usize) -> crate::Scored {
        let (t1, t2) = (
            self.units[self.variant_rep[v1]].text,
            self.units[self.variant_rep[v2]].text,
        );
        let (f1, f2) = (self.feat(v1), self.feat(v2));
        // The scorer's own pre-filter (it never rejects a pair the scorer
        // would accept) pays off only on all-pairs runs: pairs from the
        // index already share a third of their stem weight, and it rejected
        // 512 of 330,326 of them on 10,000 SaudiNewsNet articles while
        // costing about a fifth of the scoring time.
        if self.exhaustive && quick_reject(f1, f2) {
            return no_match();
        }
        score_for_matching(f1, t1, f2, t2, self.options.passages)
    }

    /// Whether the options allow comparing units `u` and `v`.
    fn unit_pair_allowed(&self, u: usize, v: usize) -> bool {
        let (a, b) = (&self.units[u], &self.units[v]);
        if !self.options.same_source && a.source == b.source {
            return false;
        }
        match (self.options.within_days, a.day, b.day) {
            (Some(w), Some(da), Some(db)) => {
                (i64::from(da) - i64::from(db)).unsigned_abs() <= u64::from(w)
            }
            _ => true,
        }
    }

    /// Every allowed unit pair of matched key groups and of copy groups.
    fn expand(&self, progress: &(dyn Fn(Progress) + Sync)) -> Vec<Match> {
        let set = &self.set;
        let total = (set.matches.len() + set.copies.len()) as u64;
        progress(Progress {
            stage: "expand",
            done: 0,
            total,
        });
        // Work items: a key-level match (group pair) or a copy group (group with itself).
        // Each carries the scorer's result for its representatives, already known.
        let items: Vec<(usize, usize, &Match)> = set
            .matches
            .iter()
            .map(|m| (set.group[m.a] as usize, set.group[m.b] as usize, m))
            .collect();
        let mut out: Vec<Match> = items
            .par_iter()
            .flat_map_iter(|&(g, h, m)| {
                let key = (self.variant[m.a], self.variant[m.b]);
                self.expand_pair(g, h, key, Found::of_match(m))
            })
            .chain(
                set.copies
                    .par_iter()
                    .zip(&self.copy_scores)
                    .flat_map_iter(|(&g, found)| {
                        let v = self.variant[set.members[g as usize][0]];
                        self.expand_pair(g as usize, g as usize, (v, v), found.clone())
                    }),
            )
            .collect();
        out.par_sort_unstable_by_key(|m| (m.a, m.b));
        progress(Progress {
            stage: "expand",
            done: total,
            total,
        });
        out
    }

    /// Unit-level matches between key groups `g` and `h` (`g == h`: inside
    /// one group), given the scorer's result `known` for the pair of
    /// distinct texts `key` (the representatives').
    fn expand_pair(&self, g: usize, h: usize, key: (u32, u32), known: Found) -> Vec<Match> {
        // Scores of the distinct-text pairs met so far (few per group pair).
        let mut cache: Vec<((u32, u32), Option<Found>)> = vec![(key, Some(known))];
        let mut out = Vec::new();
        for (a, b) in self.unit_pairs(g, h) {
            let key = (self.variant[a], self.variant[b]);
            let pos = match cache.iter().position(|(k, _)| *k == key) {
                Some(p) => p,
                None => {
                    let s = self.score_variants(key.0 as usize, key.1 as usize);
                    cache.push((key, self.wanted(s)));
                    cache.len() - 1
                }
            };
            if let Some(s) = &cache[pos].1 {
                out.push(Match {
                    a,
                    b,
                    tier: s.tier,
                    score: s.score,
                    spans_a: s.spans_a.clone(),
                    spans_b: s.spans_b.clone(),
                    components: s.components.clone(),
                });
            }
        }
        out
    }
}

/// Sources and days of a key group, to skip group pairs the options rule out.
#[derive(Debug, Clone, Copy)]
struct GroupInfo {
    /// Fewer than [`MIN_CONTENT_WORDS`] distinct content words: never paired.
    thin: bool,
    source: u32,
    multi_source: bool,
    /// Earliest and latest known day.
    days: Option<(i32, i32)>,
    /// Some unit has no day (so the day window cannot rule the group out).
    undated: bool,
}

impl GroupInfo {
    fn of(units: &[UnitRef<'_>], members: &[usize]) -> Self {
        let source = units[members[0]].source;
        let mut info = GroupInfo {
            thin: false,
            source,
            multi_source: false,
            days: None,
            undated: false,
        };
        for &u in members {
            info.multi_source |= units[u].source != source;
            match units[u].day {
                None => info.undated = true,
                Some(d) => {
                    info.days = Some(info.days.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
                }
            }
        }
        info
    }

    /// Whether some unit of `self` and some unit of `other` may be paired
    /// (for `self` and `other` the same group: two of its units).
    fn pair_possible(&self, other: &GroupInfo, options: &MatchOptions) -> bool {
        if self.thin || other.thin {
            return false;
        }
        if !options.same_source
            && !self.multi_source
            && !other.multi_source
            && self.source == other.source
        {
            return false;
        }
        match (options.within_days, self.days, other.days) {
            (Some(w), Some((lo1, hi1)), Some((lo2, hi2))) if !self.undated && !other.undated => {
                let gap = i64::from(lo1.max(lo2)) - i64::from(hi1.min(hi2));
                gap <= i64::from(w)
            }
            _ => true,
        }
    }
}

/// Key groups `block` of `n` covers when they are probed or scored
/// `size` at a time.
fn block_range(block: usize, size: usize, n: usize) -> std::ops::Range<usize> {
    block * size..((block + 1) * size).min(n)
}

/// Groups items by an equal string: returns each item's group and each
/// group's first item, groups numbered in order of their first item.
fn group_equal<'s>(n: usize, text: impl Fn(usize) -> &'s str + Sync) -> (Vec<u32>, Vec<usize>) {
    let hashes: Vec<u128> = (0..n)
        .into_par_iter()
        .map(|i| xxh3_128_with_seed(text(i).as_bytes(), GROUP_SEED))
        .collect();
    group_hashed(&hashes, |i, j| text(i) == text(j))
}

/// [`group_equal`] of items given by their 128-bit hashes: `same(i, j)`
/// confirms that two items with equal hashes are equal, so a (never
/// observed) collision cannot merge different items. It is only called on
/// items of equal hash.
fn group_hashed(hashes: &[u128], same: impl Fn(usize, usize) -> bool) -> (Vec<u32>, Vec<usize>) {
    let n = hashes.len();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.par_sort_unstable_by_key(|&i| (hashes[i as usize], i));
    // First item of each run of equal items.
    let mut first_of = vec![0u32; n];
    let mut start = 0usize;
    for k in 0..n {
        let i = order[k] as usize;
        let s = order[start] as usize;
        if k > start && (hashes[i] != hashes[s] || !same(i, s)) {
            start = k;
        }
        first_of[i] = order[start];
    }
    // Number groups by first item (ascending).
    let mut id = vec![u32::MAX; n];
    let mut reps = Vec::new();
    let mut group = vec![0u32; n];
    for i in 0..n {
        let f = first_of[i] as usize;
        if id[f] == u32::MAX {
            id[f] = reps.len() as u32;
            reps.push(f);
        }
        group[i] = id[f];
    }
    (group, reps)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Units of the bundled SaudiNewsNet sample (8 articles), one source per outlet.
    fn sample_units() -> Vec<(String, u32)> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/inputs/saudinewsnet-sample.jsonl");
        let text =
            std::fs::read_to_string(path).expect("fixtures/inputs/saudinewsnet-sample.jsonl");
        let mut outlets: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSONL");
            let outlet = v["outlet"].as_str().expect("outlet").to_string();
            let source = match outlets.iter().position(|o| *o == outlet) {
                Some(i) => i,
                None => {
                    outlets.push(outlet);
                    outlets.len() - 1
                }
            } as u32;
            let body = v["text"].as_str().expect("text");
            for u in isnad_segment::segment(body) {
                out.push((body[u.span].to_string(), source));
            }
        }
        out
    }

    #[test]
    fn small_blocks_and_small_feature_budgets_give_the_same_matches() {
        let texts = sample_units();
        assert!(texts.len() > 100, "sample units: {}", texts.len());
        let units: Vec<UnitRef<'_>> = texts
            .iter()
            .map(|(t, s)| UnitRef {
                text: t,
                source: *s,
                day: None,
            })
            .collect();
        // Both modes: exhaustive scoring also runs block by block (a block
        // scores its groups against every later group).
        for mode in [CandidateMode::Indexed, CandidateMode::Exhaustive] {
            let options = MatchOptions {
                candidates: mode,
                ..MatchOptions::default()
            };
            let run = |tuning| {
                let run = Run::new(&units, &options, &|_| {}, tuning);
                run.expand(&|_| {})
            };
            let whole = run(Tuning::DEFAULT);
            // Blocks of 4 key groups, nothing held between blocks: every
            // group's features are dropped and computed again.
            let tight = run(Tuning {
                block: 4,
                features_budget: Some(0),
            });
            // A budget that holds some features: the farthest-needed go first.
            let partial = run(Tuning {
                block: 4,
                features_budget: Some(16 << 10),
            });
            assert!(!whole.is_empty());
            assert_eq!(whole, tight, "{mode:?}");
            assert_eq!(whole, partial, "{mode:?}");
        }
    }

    #[test]
    fn matches_only_scoring_agrees_with_full_scoring() {
        // Every pair of the sample's units that shares a content word: the
        // matcher's scoring (which skips the alignment of pairs that surely
        // get no tier) must give exactly the full scorer's result on every
        // pair with a tier, and no tier where the full scorer gives none.
        let texts = sample_units();
        let feats: Vec<Features> = texts.iter().map(|(t, _)| features(t)).collect();
        let (mut tiers, mut partial, mut none) = (0, 0, 0);
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                let (a, b) = (&feats[i], &feats[j]);
                if quick_reject(a, b) {
                    continue;
                }
                let (ta, tb) = (texts[i].0.as_str(), texts[j].0.as_str());
                let full = crate::score_features_passages(a, ta, b, tb, false);
                let fast = score_for_matching(a, ta, b, tb, false);
                match full.tier {
                    Some(t) => {
                        tiers += 1;
                        partial += usize::from(t == Tier::Partial);
                        assert_eq!(full, fast, "{ta} | {tb}");
                    }
                    None => {
                        none += 1;
                        assert_eq!(fast.tier, None, "{ta} | {tb}");
                    }
                }
            }
        }
        assert!(
            tiers > 50 && partial > 5 && none > 500,
            "{tiers} {partial} {none}"
        );
    }

    #[test]
    fn group_equal_numbers_groups_by_first_item() {
        let texts = ["b", "a", "b", "c", "a"];
        let (g, reps) = group_equal(texts.len(), |i| texts[i]);
        assert_eq!(g, vec![0, 1, 0, 2, 1]);
        assert_eq!(reps, vec![0, 1, 3]);
    }
}

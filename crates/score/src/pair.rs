//! Scoring one pair of units: score, tier, explanation, aligned spans.
//!
//! The signals (research notes §4.3):
//! - **soft overlap**: IDF-weighted one-to-one matching of content tokens —
//!   equal forms, equal light stems, a word equal to the other's stem once
//!   a one-letter preposition is taken off (`لموناكو`/`موناكو`), equal name
//!   skeletons confirmed by Jaro-Winkler ([`crate::names`]), or
//!   morphological variants (same first three stem letters, close by
//!   Jaro-Winkler; weighted 0.7). `cover_a` is the weighted share of `a`'s
//!   content found in `b`, `cover_b` the reverse; the smaller of the two is
//!   the word-order-tolerant paraphrase signal of the score (their harmonic
//!   mean, `soft`, is shown as a component);
//! - **char 4-gram Dice** over the match keys: robust to clitics and
//!   spelling, high only for light edits;
//! - **local alignment** ([`crate::align`]): the best ordered shared passage;
//!   `aligned_a`/`aligned_b` are the weighted shares of each unit inside it;
//! - **conflict checks**: numbers/dates substituted in the same slot (same
//!   neighbouring word), and negators present on one side only.
//!
//! The tier, in order: `verbatim` (equal match keys) → `near_duplicate` (both
//! covers and the char Dice high) → `partial` (one unit's content lies in an
//! ordered shared passage, the other's only partly) → `paraphrase` (the
//! score reaches [`PARAPHRASE_MIN_SCORE`]). Any of the last three becomes
//! `conflicting` when a conflict check fires: a repeated statement with a
//! changed fact is never reported as a plain repeat.
//!
//! The score is `SCORE_SOFT_WEIGHT·min(cover_a, cover_b) + (1 −
//! SCORE_SOFT_WEIGHT)·char4`, 1.0 for verbatim copies: a graded similarity,
//! not a probability. It is symmetric, and what one side says that the
//! other does not lowers it: a sentence and a longer one that contains it
//! and adds another claim are alike, not the same. [`compare`] and
//! [`signals`] grade every pair (the char n-grams are compared even when the
//! words barely overlap); the matcher's scorer skips that for pairs that get
//! no tier.

use crate::Tier;
use crate::align::{
    Alignment, Passage, best_passage, display_tokens, equal_key_runs, local_align, spans_of,
    tokens_match,
};
use crate::features::{Features, KeyOrders, MAY_NEGATE, NEGATES, NUMBER, Tok, features};
use crate::idf::Idf;
use crate::names;
use crate::numbers::NumberMention;
use crate::stem::light_stem_str;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Weight of the smaller cover (`min(cover_a, cover_b)`) in the score; the
/// rest is the char 4-gram Dice. Fitted with [`PARAPHRASE_MIN_SCORE`] by
/// `cargo run --release -p isnad-eval -- q2q` (grid 0.0..=1.0 step 0.05 on
/// the fit half, threshold step 0.005): held-out F1 0.711 (0.712 for the
/// tiers), ROC AUC 0.779.
///
/// History, all on the same split: the harmonic mean of the covers with
/// weight 0.2 (the previous score) gave held-out F1 0.704, AUC 0.751; with
/// the preposition pass of the soft matching 0.707 / 0.754, and refitted
/// at weight 0.5 0.711 / 0.765. The smaller cover ranks better (AUC 0.780
/// alone against 0.764 for the harmonic mean): an added specifier
/// (`… الفاصوليا البيضاء` / `… الفاصوليا الخضراء`, a contained question
/// plus another) is another claim. On graded English reuse
/// (`isnad-eval clough`) the document score rose 0.803 → 0.827 and the
/// reuse score 0.800 → 0.824, while `compare` on two whole answers fell
/// 0.734 → 0.687 (a short answer inside a long source: the smaller cover
/// is the source's, by design).
///
/// Measured and not shipped (`isnad-eval q2q` prints the first as a
/// diagnostic row): a logistic model adding the char bigram cosine
/// (held-out 0.715, but bigrams saturate on long or Latin texts: Clough
/// `compare` 0.734 → 0.644, document 0.803 → 0.783 when mixed in); char
/// 3- and 4-gram Dice averaged (0.706 against 0.704 at the time, Clough
/// document 0.832 → 0.801); the geometric mean of the covers (below both);
/// a power of the built-in weights (0.5–3: no gain); a fixed low weight for
/// interrogatives (AUC +0.01, F1 unchanged, and a question-only effect).
pub const SCORE_SOFT_WEIGHT: f32 = 0.65;

/// Minimum score for `paraphrase`.
/// Fitted by `cargo run --release -p isnad-eval -- q2q` with
/// [`SCORE_SOFT_WEIGHT`] (F1-optimal threshold, step 0.005, on the fit
/// half; held-out F1 0.711 — questions, not news, so a floor for news
/// paraphrase rather than a tuned operating point).
pub const PARAPHRASE_MIN_SCORE: f32 = 0.395;

/// `near_duplicate` needs both covers at least this high …
/// (design value, research notes §4.3: "≥ ~0.8"; not fitted).
pub const NEAR_DUP_MIN_COVER: f32 = 0.8;
/// … and the char 4-gram Dice at least this high (design value, not fitted).
pub const NEAR_DUP_MIN_CHAR: f32 = 0.7;

/// `partial` needs one unit's content to lie at least this much inside the
/// ordered aligned passage (and the other unit's less). Design value: an
/// ordered alignment is what a copied clause gives; `isnad-eval exaraplagdet`
/// measures the order-free [`containment`] instead (see
/// [`PASSAGE_MIN_CONTAINMENT`]), which also finds shuffled reuse but is too
/// loose to call a news sentence pair "partial" on its own.
pub const PARTIAL_MIN_CONTAINMENT: f32 = 0.75;
/// Passage-level reuse: the lowest [`containment`] of a sentence in a window
/// of adjacent source sentences that at most 5% of non-reused sentences
/// reach. Fitted by `isnad-eval exaraplagdet` (full run at commit 426cc89, 601 suspicious
/// documents: threshold 0.382; recall none 1.000, phrase shuffling 0.997,
/// word shuffling 0.852, synonym substitution 0.964, manual paraphrase 0.988).
pub const PASSAGE_MIN_CONTAINMENT: f32 = 0.382;
/// `partial` needs at least this many aligned content tokens, so that a
/// two-word unit is not "contained" in every sentence naming the same people.
pub const PARTIAL_MIN_TOKENS: u32 = 5;

/// A pair whose two sides both lie inside the aligned passage is a
/// paraphrase only when the passage has at least this many content tokens
/// (design value: below it, a shared name or two is not a claim).
pub const PARAPHRASE_MIN_ALIGNED_TOKENS: u32 = 3;

/// A reworded passage (the `Passage` of the alignment module): the smallest
/// weighted share of the two windows' content that must be matched …
///
/// Fitted by `isnad-eval exaraplagdet` (passage table, at commit 6a916ce
/// with the symmetric passage search): of the densities 0.5/0.6/0.7, the one
/// with the highest recall of reused sentences (0.662 vs 0.646/0.629)
/// against single source sentences at ≤ 0.2% of non-reused sentences
/// matched.
pub const PASSAGE_MIN_DENSITY: f32 = 0.5;
/// … the matched weight the passage must carry (mean of the two sides; a
/// rare word weighs up to 3.0, a common one 0.3–1, a specific number 2.5) …
/// Fitted with [`PASSAGE_MIN_DENSITY`]: the lowest mass at which at most
/// 0.2% of non-reused ExAraPlagDet sentences are matched (8.2901).
pub const PASSAGE_MIN_MASS: f32 = 8.29;
/// … and neither unit may have this much of its content matched in the
/// other. The passage rule is for two long sentences that each carry the
/// same claim in a reworded passage; a unit mostly found inside the other is
/// judged by the partial and paraphrase rules alone. Hand-checking 30
/// passage matches on SaudiNewsNet without this bound found 9 right: the
/// rest were one unit's name-and-title phrase or a formula (condolences,
/// "handed over to the competent authority") found inside the other.
/// Design value (the share the candidate index requires, `MIN_CONTAINMENT`).
pub const PASSAGE_MAX_COVER: f32 = 0.5;
/// … and the matched content tokens it must have (design value, as
/// [`PARTIAL_MIN_TOKENS`]: fewer shared words are a name, not a claim).
pub const PASSAGE_MIN_TOKENS: u32 = 5;

/// A pair whose figures all differ — at least this many numbers or dates
/// changed in the same slots and no specific figure shared (a shared year,
/// month or small count such as `2014` or `3` does not count: the sections
/// of one annual report all say `2014` and `2013`) — is a template filled in
/// again (daily market closes, weather, tolls), not a repeated statement
/// with a changed fact: it gets no tier. Design value, checked on the
/// SaudiNewsNet `conflicting` matches (`isnad-eval saudinewsnet`): of 437
/// sampled, 97 had ≥ 2 changed figures and none shared, 83 of them between
/// articles of different days. A single changed figure (`قتل 12` / `قتل 21`)
/// stays `conflicting`.
pub const TEMPLATE_MIN_CHANGED_FIGURES: usize = 2;

/// No tier is given to a pair whose larger cover is below this; it is also
/// the bound [`quick_reject`] checks.
pub const MIN_COVER: f32 = 0.25;

/// Similarity of tokens matched by stem (not form) and by skeleton.
const STEM_SIM: f32 = 0.95;
const SKELETON_SIM: f32 = 0.85;
/// Similarity of morphological variants (same first three stem letters).
const VARIANT_SIM: f32 = 0.7;
/// Jaro-Winkler of two stems that confirms a morphological variant.
const VARIANT_JARO_WINKLER: f64 = 0.85;
/// Unmatched tokens bridged when merging matched tokens into display spans.
const SPAN_GAP: usize = 2;

/// A changed fact between two otherwise matching units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// `number`, `date` or `negation`.
    pub kind: String,
    /// What the first unit says (`12`, `m6` for June, or the negator count).
    pub a: String,
    /// What the second unit says.
    pub b: String,
}

/// The result of comparing two texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    /// Similarity in [0, 1].
    pub score: f32,
    /// The tier, or `None` when the texts do not carry the same statement.
    pub tier: Option<Tier>,
    /// Named score components, for explanations.
    pub components: Vec<(String, f32)>,
    /// Byte spans of the shared passages in the first text.
    pub spans_a: Vec<Range<usize>>,
    /// Byte spans of the shared passages in the second text.
    pub spans_b: Vec<Range<usize>>,
    /// Changed facts found (the reason for [`Tier::Conflicting`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

impl Scored {
    /// Whether the match rests only on a reworded passage (the `passage_match`
    /// component): two long sentences sharing a dense, heavy window of words
    /// but otherwise unlike. Weak evidence at corpus scale, so the matcher
    /// keeps these only when [`MatchOptions::passages`](crate::MatchOptions::passages) asks for them.
    pub fn via_passage(&self) -> bool {
        self.tier.is_some() && self.components.iter().any(|(k, _)| k == "passage_match")
    }
}

/// The raw signals of a pair, before any threshold (used by the evaluations
/// that fit the thresholds, and shown as components).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Signals {
    /// Weighted share of `a`'s content tokens matched in `b`.
    pub cover_a: f32,
    /// Weighted share of `b`'s content tokens matched in `a`.
    pub cover_b: f32,
    /// Harmonic mean of the two covers.
    pub soft: f32,
    /// Dice coefficient of the char 4-gram sets of the match keys.
    pub char4: f32,
    /// Weighted share of `a`'s content inside the aligned passage.
    pub aligned_a: f32,
    /// Weighted share of `b`'s content inside the aligned passage.
    pub aligned_b: f32,
    /// Content tokens aligned.
    pub aligned_tokens: u32,
    /// Density of the best word-order-free shared passage (see
    /// [`PASSAGE_MIN_DENSITY`]); 0 when none reaches it.
    pub passage_density: f32,
    /// Matched weight of that passage.
    pub passage_mass: f32,
    /// Matched content tokens in that passage.
    pub passage_tokens: u32,
    /// The combined score (see the module docs).
    pub score: f32,
}

/// Everything computed for a pair, kept for tiering and spans.
struct Analysis {
    signals: Signals,
    /// For each token of `a`, its soft match in `b`.
    match_a: Vec<Option<usize>>,
    alignment: Alignment,
    passage: Passage,
}

/// Per-token weights and whether they are the built-in ones.
fn weights(f: &Features, idf: Option<&Idf>) -> (Vec<f32>, bool) {
    match idf {
        Some(idf) if idf.is_informative() => (
            f.toks()
                .iter()
                .map(|t| {
                    if t.is_content() {
                        idf.weight(t.stem)
                    } else {
                        0.0
                    }
                })
                .collect(),
            false,
        ),
        _ => (f.toks().iter().map(|t| t.weight).collect(), true),
    }
}

/// Most pairs of one key group a confirmed pass of [`soft_match`] may try
/// (a group of two 64-token runs of one name skeleton); larger groups, found
/// only in over-long units, try [`MAX_CONFIRM_TRIES`] per token.
const MAX_CONFIRM_GROUP: usize = 64 * 64;
/// Candidates each token of an over-large key group tries.
const MAX_CONFIRM_TRIES: usize = 8;

/// One-to-one soft matching of content tokens: equal forms first, then equal
/// stems, then stems equal once a one-letter preposition is taken off one
/// or both words (`لموناكو`/`موناكو`, `بنظام`/`النظام`: see
/// `features::proclitic_stem`), then equal name skeletons (confirmed by Jaro-Winkler
/// when `confirm`), then morphological variants Light10 leaves apart
/// (`صنع`/`صناعه`: stems sharing their first three letters, confirmed by
/// Jaro-Winkler ≥ 0.85 when `confirm`).
/// Returns per-token match and similarity. Each pass sorts the unmatched
/// tokens of both sides by key and pairs equal keys in text order, so a pair
/// costs O((n + m) log(n + m)), not O(n·m), even for huge units.
fn soft_match(a: &Features, b: &Features, confirm: bool) -> (Vec<Option<usize>>, Vec<f32>) {
    /// Passes in order: form, stem, stem or stem without a preposition,
    /// skeleton, stem prefix.
    const SIM: [f32; 5] = [1.0, STEM_SIM, STEM_SIM, SKELETON_SIM, VARIANT_SIM];
    let (ta, tb) = (a.toks(), b.toks());
    let mut match_a: Vec<Option<usize>> = vec![None; ta.len()];
    let mut sim_a = vec![0f32; ta.len()];
    let mut used_b = vec![false; tb.len()];
    let mut words_a: Option<Vec<&str>> = None;
    let mut words_b: Option<Vec<&str>> = None;
    let mut ka: Vec<(u64, usize)> = Vec::with_capacity(ta.len());
    let mut kb: Vec<(u64, usize)> = Vec::with_capacity(tb.len());
    let (oa, ob) = (a.key_orders(), b.key_orders());
    for (pass, &sim) in SIM.iter().enumerate() {
        if pass == 2 {
            // `ka`/`kb` still hold pass 1's keys (stems), sorted.
            match_stripped(a, b, &ka, &kb, &mut match_a, &mut sim_a, &mut used_b, sim);
            continue;
        }
        let kind = match pass {
            0 => KeyOrders::WORD,
            1 => KeyOrders::STEM,
            3 => KeyOrders::SKELETON,
            _ => KeyOrders::PREFIX,
        };
        // The free content tokens of each side by (key, index): from the
        // unit's precomputed order when it has one, else sorted here.
        let keyed = |toks: &[Tok],
                     orders: Option<&KeyOrders>,
                     free: &dyn Fn(usize) -> bool,
                     out: &mut Vec<(u64, usize)>| {
            out.clear();
            match orders {
                Some(o) => out.extend(
                    o.sorted(kind)
                        .iter()
                        .map(|&i| usize::from(i))
                        .filter(|&i| free(i))
                        .map(|i| (KeyOrders::key(kind, &toks[i]), i)),
                ),
                None => out.extend(
                    KeyOrders::keyed(toks, kind)
                        .into_iter()
                        .filter(|&(_, i)| free(i)),
                ),
            }
        };
        keyed(ta, oa, &|i| match_a[i].is_none(), &mut ka);
        keyed(tb, ob, &|j| !used_b[j], &mut kb);
        if ka.is_empty() || kb.is_empty() {
            break;
        }
        for (ra, rb) in equal_key_runs(&ka, &kb) {
            if pass < 3 || !confirm {
                // Every pair is accepted, and the group's tokens of
                // `b` were all free when the pass began: the k-th
                // token of `a` takes the k-th of `b`. O(p + q), where
                // the scan below would be O(p·q) on a key repeated
                // through a huge unit (a table's rows).
                for (&(_, i), &(_, j)) in ka[ra].iter().zip(&kb[rb]) {
                    match_a[i] = Some(j);
                    sim_a[i] = sim;
                    used_b[j] = true;
                }
                continue;
            }
            // Confirmed passes: each token of `a` tries the free
            // tokens of `b` in order; in a group larger than
            // MAX_CONFIRM_GROUP pairs (never within real sentences)
            // only the next MAX_CONFIRM_TRIES from the first free one.
            let capped = ra.len() * rb.len() > MAX_CONFIRM_GROUP;
            let mut first_free = rb.start;
            for &(_, i) in &ka[ra] {
                while first_free < rb.end && used_b[kb[first_free].1] {
                    first_free += 1;
                }
                let tries = if capped {
                    MAX_CONFIRM_TRIES
                } else {
                    usize::MAX
                };
                for &(_, j) in kb[first_free..rb.end].iter().take(tries) {
                    if used_b[j] {
                        continue;
                    }
                    let ok = {
                        let wa = words_a.get_or_insert_with(|| a.key_tokens().collect());
                        let wb = words_b.get_or_insert_with(|| b.key_tokens().collect());
                        if pass == 3 {
                            names::confirm(wa[i], wb[j])
                        } else {
                            strsim::jaro_winkler(light_stem_str(wa[i]), light_stem_str(wb[j]))
                                >= VARIANT_JARO_WINKLER
                        }
                    };
                    if ok {
                        match_a[i] = Some(j);
                        sim_a[i] = sim;
                        used_b[j] = true;
                        break;
                    }
                }
            }
        }
    }
    (match_a, sim_a)
}

/// The preposition pass of [`soft_match`]: a word of one side without its
/// one-letter preposition against the other side's stems (`ka`/`kb`: the
/// stem keys of pass 1, sorted, some now matched), then the reverse, then
/// two such words against each other. Binary searches over pass 1's keys,
/// so the pass costs O(p·log n) for p prefixed words, not another sort.
#[allow(clippy::too_many_arguments)] // the matching state of soft_match
fn match_stripped(
    a: &Features,
    b: &Features,
    ka: &[(u64, usize)],
    kb: &[(u64, usize)],
    match_a: &mut [Option<usize>],
    sim_a: &mut [f32],
    used_b: &mut [bool],
    sim: f32,
) {
    fn stripped(f: &Features, free: impl Fn(usize) -> bool) -> Vec<(u64, usize)> {
        f.proclitic_stems()
            .iter()
            .filter(|&&(i, _)| free(i as usize))
            .map(|&(i, k)| (k, i as usize))
            .collect()
    }
    let mut sa = stripped(a, |i| match_a[i].is_none());
    let mut sb = stripped(b, |j| !used_b[j]);
    if sa.is_empty() && sb.is_empty() {
        return;
    }
    // The first entry of `keys` with key `k` whose token is still free.
    fn find(keys: &[(u64, usize)], k: u64, free: impl Fn(usize) -> bool) -> Option<usize> {
        let start = keys.partition_point(|e| e.0 < k);
        keys[start..]
            .iter()
            .take_while(|e| e.0 == k)
            .map(|e| e.1)
            .find(|&x| free(x))
    }
    for &(k, i) in &sa {
        if match_a[i].is_none()
            && let Some(j) = find(kb, k, |j| !used_b[j])
        {
            match_a[i] = Some(j);
            sim_a[i] = sim;
            used_b[j] = true;
        }
    }
    for &(k, j) in &sb {
        if !used_b[j]
            && let Some(i) = find(ka, k, |i| match_a[i].is_none())
        {
            match_a[i] = Some(j);
            sim_a[i] = sim;
            used_b[j] = true;
        }
    }
    sa.retain(|e| match_a[e.1].is_none());
    sb.retain(|e| !used_b[e.1]);
    sb.sort_unstable();
    for &(k, i) in &sa {
        if let Some(j) = find(&sb, k, |j| !used_b[j]) {
            match_a[i] = Some(j);
            sim_a[i] = sim;
            used_b[j] = true;
        }
    }
}

/// Matched weight on each side (similarity × weight).
fn matched_weight(wa: &[f32], wb: &[f32], match_a: &[Option<usize>], sim_a: &[f32]) -> (f32, f32) {
    let (mut got_a, mut got_b) = (0f32, 0f32);
    for (i, m) in match_a.iter().enumerate() {
        if let Some(j) = *m {
            got_a += sim_a[i] * wa[i];
            got_b += sim_a[i] * wb[j];
        }
    }
    (got_a, got_b)
}

fn share(got: f32, total: f32) -> f32 {
    if total > 0.0 {
        (got / total).min(1.0)
    } else {
        0.0
    }
}

fn dice(x: &[u32], y: &[u32]) -> f32 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    2.0 * crate::index::overlap(x, y) as f32 / (x.len() + y.len()) as f32
}

/// How much of a pair the scorer works out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Every signal of every pair, so that the score grades unlike pairs
    /// too ([`compare`], [`signals`]).
    Graded,
    /// The char n-grams of a pair too unlike for any tier are not compared
    /// ([`score_features_passages`]).
    Tiered,
    /// Only pairs that get a tier matter (the matcher): a pair that surely
    /// gets none is not aligned, and comes back without components.
    MatchesOnly,
}

/// The combined score of a pair (see the module docs).
fn mixed_score(cover_a: f32, cover_b: f32, char4: f32) -> f32 {
    (SCORE_SOFT_WEIGHT * cover_a.min(cover_b) + (1.0 - SCORE_SOFT_WEIGHT) * char4).clamp(0.0, 1.0)
}

/// Whether a pair with these signals can still get a tier from
/// [`score_pair`] once aligned (passage matching off). It mirrors the tier
/// rules there: near-duplicate and paraphrase-by-score need no alignment;
/// partial and paraphrase-by-alignment need one side at least
/// [`PARTIAL_MIN_CONTAINMENT`] inside the aligned passage, which
/// [`may_align`] bounds. The test
/// `matches_only_scoring_agrees_with_full_scoring` (crate::matcher) holds
/// the two together.
fn may_get_tier(s: &Signals, a: (&Features, &[f32], f32), b: (&Features, &[f32], f32)) -> bool {
    (s.cover_a.min(s.cover_b) >= NEAR_DUP_MIN_COVER && s.char4 >= NEAR_DUP_MIN_CHAR)
        || s.score >= PARAPHRASE_MIN_SCORE
        || may_align(a, b.0)
        || may_align(b, a.0)
}

/// Whether [`PARTIAL_MIN_CONTAINMENT`] of `a`'s content weight (`a` =
/// features, token weights, total content weight) can lie in an alignment
/// with `b`: the alignment pairs only content tokens of `a` that match (as
/// [`crate::align::tokens_match`] decides) some content token of `b`, each
/// once, so it cannot when the others weigh more than the rest. Gives up on
/// `a` as soon as they do (most pairs here share a third of their words, so
/// that comes early); no allocation, as it runs for most scored pairs,
/// except for over-long units (more than `align::MAX_FULL_CELLS` token
/// pairs), which look tokens up in sorted keys instead of scanning.
fn may_align((a, wa, tot_a): (&Features, &[f32], f32), b: &Features) -> bool {
    // Slack for sums taken in another order.
    const EPS: f32 = 1e-3;
    let allowed = tot_a * (1.0 - PARTIAL_MIN_CONTAINMENT) + EPS;
    let mut missed = 0f32;
    // Over-long units: the keys of `b`'s content tokens, sorted, so each
    // lookup is a binary search instead of a scan of `b` (O(n·m) time).
    let keys = (a.len().saturating_mul(b.len()) > crate::align::MAX_FULL_CELLS).then(|| {
        let content = || b.toks().iter().filter(|u| u.is_content());
        let sorted = |mut v: Vec<u64>| {
            v.sort_unstable();
            v
        };
        (
            sorted(content().map(|u| u.word).collect()),
            sorted(content().map(|u| u.stem).collect()),
            sorted(
                content()
                    .filter(|u| u.skel != 0)
                    .map(|u| u64::from(u.skel))
                    .collect(),
            ),
        )
    });
    for (t, &w) in a.toks().iter().zip(wa) {
        let found = |t: &Tok| match &keys {
            // The same test as `tokens_match` against every content token.
            Some((words, stems, skels)) => {
                words.binary_search(&t.word).is_ok()
                    || stems.binary_search(&t.stem).is_ok()
                    || (t.skel != 0 && skels.binary_search(&u64::from(t.skel)).is_ok())
            }
            None => b
                .toks()
                .iter()
                .any(|u| u.is_content() && tokens_match(t, u)),
        };
        if !t.is_content() || found(t) {
            continue;
        }
        missed += w;
        if missed > allowed {
            return false;
        }
    }
    true
}

/// `detail`: see [`Detail`]. With [`Detail::MatchesOnly`] the signals of a
/// pair that surely gets no tier are left incomplete.
fn analyse(
    a: &Features,
    b: &Features,
    idf: Option<&Idf>,
    passages: bool,
    detail: Detail,
) -> Analysis {
    let ((wa, builtin), (wb, _)) = (weights(a, idf), weights(b, idf));
    let (tot_a, tot_b) = (
        content_weight(a, &wa, builtin),
        content_weight(b, &wb, builtin),
    );
    let (match_a, sim_a) = soft_match(a, b, true);
    let (got_a, got_b) = matched_weight(&wa, &wb, &match_a, &sim_a);
    let (cover_a, cover_b) = (share(got_a, tot_a), share(got_b, tot_b));
    let soft = if cover_a + cover_b > 0.0 {
        2.0 * cover_a * cover_b / (cover_a + cover_b)
    } else {
        0.0
    };
    let mut signals = Signals {
        cover_a,
        cover_b,
        soft,
        ..Signals::default()
    };
    let mut alignment = Alignment::default();
    let mut passage = Passage::default();
    let full = cover_a.max(cover_b) >= MIN_COVER;
    let heavy = passages && 0.5 * (got_a + got_b) >= PASSAGE_MIN_MASS;
    if full || heavy || detail == Detail::Graded {
        signals.char4 = dice(a.grams(), b.grams());
    }
    signals.score = mixed_score(cover_a, cover_b, signals.char4);
    if detail == Detail::MatchesOnly
        && !passages
        && !may_get_tier(&signals, (a, &wa, tot_a), (b, &wb, tot_b))
    {
        return Analysis {
            signals,
            match_a,
            alignment,
            passage,
        };
    }
    if full || heavy {
        alignment = local_align(a.toks(), &wa, b.toks(), &wb);
        let (mut al_a, mut al_b, mut n) = (0f32, 0f32, 0u32);
        for &(i, j) in &alignment.pairs {
            if a.toks()[i].is_content() && b.toks()[j].is_content() {
                al_a += wa[i];
                al_b += wb[j];
                n += 1;
            }
        }
        signals.aligned_a = share(al_a, tot_a);
        signals.aligned_b = share(al_b, tot_b);
        signals.aligned_tokens = n;
        if passages {
            passage = best_passage(&wa, &wb, &match_a, &sim_a, PASSAGE_MIN_DENSITY);
            signals.passage_density = passage.density();
            signals.passage_mass = passage.mass();
            signals.passage_tokens = passage.pairs.len() as u32;
        }
    }
    Analysis {
        signals,
        match_a,
        alignment,
        passage,
    }
}

/// The raw signals of a pair (no thresholds), with built-in weights or a
/// corpus [`Idf`].
pub fn signals(a: &Features, b: &Features, idf: Option<&Idf>) -> Signals {
    analyse(a, b, idf, true, Detail::Graded).signals
}

/// Weighted share of `a`'s content found in `b` (the `cover_a` signal
/// alone: no alignment, no char n-grams). Word-order free, so it also finds
/// shuffled reuse; used for passage-level matching where `b` is a window of
/// several sentences.
pub fn containment(a: &Features, b: &Features, idf: Option<&Idf>) -> f32 {
    let ((wa, builtin), (wb, _)) = (weights(a, idf), weights(b, idf));
    let (match_a, sim_a) = soft_match(a, b, true);
    let (got_a, _) = matched_weight(&wa, &wb, &match_a, &sim_a);
    share(got_a, content_weight(a, &wa, builtin))
}

/// The best word-order-free shared passage of two units (see
/// [`PASSAGE_MIN_DENSITY`]) at a given minimum density, with built-in
/// weights; for the evaluation that fits the passage thresholds.
pub fn passage(a: &Features, b: &Features, min_density: f32) -> PassageSignals {
    let ((wa, _), (wb, _)) = (weights(a, None), weights(b, None));
    let (match_a, sim_a) = soft_match(a, b, true);
    let p = best_passage(&wa, &wb, &match_a, &sim_a, min_density);
    PassageSignals {
        density: p.density(),
        mass: p.mass(),
        tokens: p.pairs.len() as u32,
    }
}

/// What [`passage`] found.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PassageSignals {
    /// Weighted share of the two windows' content that is matched.
    pub density: f32,
    /// Matched weight (mean of the two sides).
    pub mass: f32,
    /// Matched content tokens.
    pub tokens: u32,
}

/// Cheap pre-filter for candidate pairs: `true` when the pair certainly gets
/// no tier from [`score_features`] (no form/stem/skeleton overlap reaching
/// [`MIN_COVER`] on either side, nor [`PASSAGE_MIN_MASS`] of matched weight,
/// with built-in weights), so the caller can skip it. It never rejects a
/// pair that [`score_features`] would accept; it does no alignment, char
/// n-grams or Jaro-Winkler.
pub fn quick_reject(a: &Features, b: &Features) -> bool {
    if a.key() == b.key() {
        return a.is_empty();
    }
    let (match_a, sim_a) = soft_match(a, b, false);
    // Built-in weights straight from the tokens (no per-pair weight vectors).
    let (ta, tb) = (a.toks(), b.toks());
    let (mut got_a, mut got_b) = (0f32, 0f32);
    for (i, m) in match_a.iter().enumerate() {
        if let Some(j) = *m {
            got_a += sim_a[i] * ta[i].weight;
            got_b += sim_a[i] * tb[j].weight;
        }
    }
    share(got_a, a.content_weight()).max(share(got_b, b.content_weight())) < MIN_COVER
        && 0.5 * (got_a + got_b) < PASSAGE_MIN_MASS
}

/// Compares two texts directly (features computed on the fly).
pub fn compare(a: &str, b: &str) -> Scored {
    score_features(&features(a), a, &features(b), b)
}

/// Scores two units from their precomputed features, with built-in weights.
/// `text_a`/`text_b` are the display texts the features were computed from;
/// spans are byte ranges into them.
pub fn score_features(a: &Features, text_a: &str, b: &Features, text_b: &str) -> Scored {
    score_features_with_idf(a, text_a, b, text_b, None)
}

/// Like [`score_features`], with corpus document frequencies; `idf` is used
/// only when it counts enough units ([`Idf::is_informative`]).
pub fn score_features_with_idf(
    a: &Features,
    text_a: &str,
    b: &Features,
    text_b: &str,
    idf: Option<&Idf>,
) -> Scored {
    score_pair(a, text_a, b, text_b, idf, true, Detail::Graded)
}

/// Like [`score_features`], with the reworded-passage search on or off.
/// Off, no match rests on a shared passage alone
/// ([`Scored::via_passage`] is never true) and the search's cost is saved:
/// the matcher's default (see `MatchOptions::passages`). The score of a
/// pair that gets no tier is not graded here (its char n-grams are not
/// compared: the matcher drops such pairs); a tiered pair's score is the
/// same as [`score_features`]'.
pub fn score_features_passages(
    a: &Features,
    text_a: &str,
    b: &Features,
    text_b: &str,
    passages: bool,
) -> Scored {
    score_pair(a, text_a, b, text_b, None, passages, Detail::Tiered)
}

/// [`score_features_passages`] for callers that keep only pairs with a
/// tier (the matcher): a pair without one comes back with score 0, no
/// components and no spans, and most are settled without the alignment.
/// Pairs with a tier get exactly what [`score_features_passages`] gives.
pub(crate) fn score_for_matching(
    a: &Features,
    text_a: &str,
    b: &Features,
    text_b: &str,
    passages: bool,
) -> Scored {
    score_pair(a, text_a, b, text_b, None, passages, Detail::MatchesOnly)
}

/// The result for a pair without a tier when only matches are wanted.
pub(crate) fn no_match() -> Scored {
    Scored {
        score: 0.0,
        tier: None,
        components: Vec::new(),
        spans_a: Vec::new(),
        spans_b: Vec::new(),
        conflicts: Vec::new(),
    }
}

fn score_pair(
    a: &Features,
    text_a: &str,
    b: &Features,
    text_b: &str,
    idf: Option<&Idf>,
    passages: bool,
    detail: Detail,
) -> Scored {
    if a.is_empty() || b.is_empty() {
        return Scored {
            score: 0.0,
            tier: None,
            components: vec![("score".to_string(), 0.0)],
            spans_a: vec![],
            spans_b: vec![],
            conflicts: vec![],
        };
    }
    if a.key() == b.key() {
        let all = |f: &Features, t: &str| {
            spans_of(
                &(0..f.len()).collect::<Vec<_>>(),
                display_tokens(f, t),
                usize::MAX / 2,
            )
        };
        return Scored {
            score: 1.0,
            tier: Some(Tier::Verbatim),
            components: vec![
                ("score".to_string(), 1.0),
                ("equal_match_keys".to_string(), 1.0),
            ],
            spans_a: all(a, text_a),
            spans_b: all(b, text_b),
            conflicts: vec![],
        };
    }
    let an = analyse(a, b, idf, passages, detail);
    let s = an.signals;
    let max_cover = s.cover_a.max(s.cover_b);
    let min_cover = s.cover_a.min(s.cover_b);
    let contain = s.aligned_a.max(s.aligned_b);
    let mut via_passage = false;
    let base = if max_cover < MIN_COVER {
        None
    } else if min_cover >= NEAR_DUP_MIN_COVER && s.char4 >= NEAR_DUP_MIN_CHAR {
        Some(Tier::NearDuplicate)
    } else if contain >= PARTIAL_MIN_CONTAINMENT
        && s.aligned_tokens >= PARTIAL_MIN_TOKENS
        && s.aligned_a.min(s.aligned_b) < PARTIAL_MIN_CONTAINMENT
    {
        Some(Tier::Partial)
    } else if s.score >= PARAPHRASE_MIN_SCORE
        || (s.aligned_a.min(s.aligned_b) >= PARTIAL_MIN_CONTAINMENT
            && s.aligned_tokens >= PARAPHRASE_MIN_ALIGNED_TOKENS)
    {
        // (Both sides inside the aligned passage but the edits too heavy for
        // near_duplicate: the same claim, reworded. One side alone inside the
        // passage is not enough: a one-word unit such as «بوش.» lies inside
        // every sentence that names him.)
        Some(Tier::Paraphrase)
    } else {
        None
    };
    let mut base = match base {
        None if passage_accepted(&s) && !passage_numbers_differ(a, b, &an.passage) => {
            // A passage of each unit carries the same claim, reworded, inside
            // sentences that otherwise say different things.
            via_passage = true;
            Some(Tier::Paraphrase)
        }
        other => other,
    };
    let mut conflicts = Vec::new();
    if base.is_some() {
        let region = if via_passage {
            Some((&an.passage.region_a, &an.passage.region_b))
        } else if base == Some(Tier::Partial) {
            Some((&an.alignment.region_a, &an.alignment.region_b))
        } else {
            None
        };
        conflicts = find_conflicts((a, text_a), (b, text_b), region, !via_passage, &an.match_a);
    }
    let figures = conflicts.iter().filter(|c| c.kind != "negation").count();
    if figures >= TEMPLATE_MIN_CHANGED_FIGURES && !shares_a_specific_number(a, b) {
        // Every figure differs: a recurring template (the market close, the
        // weather, the daily toll) filled in for another day or place —
        // another report, not a repeated statement with a changed fact.
        base = None;
        conflicts.clear();
    }
    if !conflicts.is_empty() && base == Some(Tier::Paraphrase) && s.char4 < NEAR_DUP_MIN_CHAR {
        // A changed figure or negation needs a frame that is kept, not
        // reworded (its characters as close as a near-duplicate's): in a
        // hand check of SaudiNewsNet `conflicting` matches (27 read,
        // 2015-07-21) nearly all wrong ones were reworded frames — another
        // fund of the same annual report, another club's training camp,
        // another article of the same law — that is, other facts.
        base = None;
        conflicts.clear();
    }
    let tier = if !conflicts.is_empty() {
        Some(Tier::Conflicting)
    } else {
        base
    };
    if detail == Detail::MatchesOnly && tier.is_none() {
        return no_match();
    }
    let (spans_a, spans_b) = match base {
        None => (vec![], vec![]),
        Some(_) if via_passage => {
            let pa: Vec<usize> = an.passage.pairs.iter().map(|p| p.0).collect();
            let pb: Vec<usize> = an.passage.pairs.iter().map(|p| p.1).collect();
            (
                spans_of(&pa, display_tokens(a, text_a), SPAN_GAP + 1),
                spans_of(&pb, display_tokens(b, text_b), SPAN_GAP + 1),
            )
        }
        Some(Tier::Partial) => {
            let pa: Vec<usize> = an.alignment.pairs.iter().map(|p| p.0).collect();
            let pb: Vec<usize> = an.alignment.pairs.iter().map(|p| p.1).collect();
            (
                spans_of(&pa, display_tokens(a, text_a), SPAN_GAP + 1),
                spans_of(&pb, display_tokens(b, text_b), SPAN_GAP + 1),
            )
        }
        Some(_) => {
            let pa: Vec<usize> = (0..a.len()).filter(|&i| an.match_a[i].is_some()).collect();
            let pb: Vec<usize> = an.match_a.iter().filter_map(|m| *m).collect();
            (
                spans_of(&pa, display_tokens(a, text_a), SPAN_GAP),
                spans_of(&pb, display_tokens(b, text_b), SPAN_GAP),
            )
        }
    };
    let mut components = vec![
        ("score".to_string(), s.score),
        ("soft_overlap".to_string(), s.soft),
        ("cover_a".to_string(), s.cover_a),
        ("cover_b".to_string(), s.cover_b),
        ("char4_dice".to_string(), s.char4),
        ("aligned_a".to_string(), s.aligned_a),
        ("aligned_b".to_string(), s.aligned_b),
        ("aligned_tokens".to_string(), s.aligned_tokens as f32),
        ("passage_density".to_string(), s.passage_density),
        ("passage_mass".to_string(), s.passage_mass),
        ("passage_tokens".to_string(), s.passage_tokens as f32),
    ];
    if via_passage {
        // The tier comes from the shared passage alone (the sentences as a
        // whole are not alike): explanations and candidate checks can tell.
        components.push(("passage_match".to_string(), 1.0));
    }
    for c in &conflicts {
        let name = format!("{}_conflict", c.kind);
        if !components.iter().any(|(n, _)| *n == name) {
            components.push((name, 1.0));
        }
    }
    Scored {
        score: s.score,
        tier,
        components,
        spans_a,
        spans_b,
        conflicts,
    }
}

/// Whether one mention is a year (1900–2100) and the other the same year
/// with its last digits lost (`العام 201م` for `العام 2012م`): a typo that
/// outlets copying one wire carry on, not another year (6 of 50 sampled
/// SaudiNewsNet `conflicting` matches were one such typo, copied).
fn truncated_year(x: &NumberMention, y: &NumberMention) -> bool {
    let cut = |short: &str, year: &str| {
        year.parse::<u32>()
            .is_ok_and(|n| (1900..=2100).contains(&n))
            && short.len() >= 2
            && short.len() < year.len()
            && short.bytes().all(|b| b.is_ascii_digit())
            && year.starts_with(short)
    };
    cut(&x.value, &y.value) || cut(&y.value, &x.value)
}

/// Whether two mentions in one slot can be one figure changed: not a full
/// date against a plain number (`حتى 15 أغسطس` / `حتى 1436/10/30هـ`: one
/// day in two calendars), and not one number with and without its percent
/// sign (`من 13 إلى 23 في المائة` / `من 13% إلى 23%`: the sign is shared).
fn comparable(x: &NumberMention, y: &NumberMention) -> bool {
    let full_date = |m: &NumberMention| m.value.matches('.').count() >= 2;
    full_date(x) == full_date(y)
        && x.value.trim_end_matches('%') != y.value.trim_end_matches('%')
        && !one_time(&x.value, &y.value)
        && !one_time(&y.value, &x.value)
}

/// Whether `clock` is a time of day read after `الساعة` (`h·100 + mm`, see
/// `numbers.rs`) and `other` the same time where the other outlet wrote no
/// clock word (`الساعة 6` = `600` / `6 صباحا`; `الساعة 9:30` / `9.30 مساء`).
fn one_time(clock: &str, other: &str) -> bool {
    let (Ok(n), Ok(f)) = (clock.parse::<u32>(), other.parse::<f64>()) else {
        return false;
    };
    let (h, m) = (n / 100, n % 100);
    n >= 100 && h <= 24 && m < 60 && (f - (f64::from(h) + f64::from(m) / 100.0)).abs() < 1e-9
}

/// Whether two mentions sit in the same slot (same word before or after).
fn same_slot(x: &NumberMention, y: &NumberMention) -> bool {
    (x.prev != 0 && x.prev == y.prev) || (x.next != 0 && x.next == y.next)
}

fn display_value(v: &str) -> String {
    match v.strip_prefix('m') {
        Some(m) if m.parse::<u8>().is_ok() => format!("month {m}"),
        _ => v.to_string(),
    }
}

/// Whether the two units share a specific figure: a number other than a
/// year or a small count (see `numbers::number_weight`), not a month.
fn shares_a_specific_number(a: &Features, b: &Features) -> bool {
    let nb = sorted_values(b.number_mentions());
    a.number_mentions()
        .iter()
        .filter(|x| !x.is_month() && crate::numbers::number_weight(&x.value) > 1.0)
        .any(|x| nb.binary_search(&&*x.value).is_ok())
}

/// The canonical values of `v`, sorted: a figure is looked up in O(log n),
/// so a table of thousands of figures costs O(n log n), not O(n²).
fn sorted_values(v: &[NumberMention]) -> Vec<&str> {
    let mut s: Vec<&str> = v.iter().map(|y| &*y.value).collect();
    s.sort_unstable();
    s
}

/// Whether the passage signals alone reach the passage thresholds.
fn passage_accepted(s: &Signals) -> bool {
    s.cover_a.max(s.cover_b) < PASSAGE_MAX_COVER
        && s.passage_density >= PASSAGE_MIN_DENSITY
        && s.passage_mass >= PASSAGE_MIN_MASS
        && s.passage_tokens >= PASSAGE_MIN_TOKENS
}

/// Whether each side of the passage has a number the other lacks
/// (`الجولة الثانية عشرة` / `الجولة الـ16`): two reworded passages that
/// differ in a number are more often two facts (another round, another day)
/// than one fact changed, so the passage is no match at all.
///
/// Also when both units mention numbers and share none: the passage is
/// weak evidence (the sentences as a whole are not alike), and two
/// sentences whose every figure differs report different facts.
fn passage_numbers_differ(a: &Features, b: &Features, p: &Passage) -> bool {
    let (na, nb) = (a.number_mentions(), b.number_mentions());
    if !na.is_empty() && !nb.is_empty() && {
        let values_b = sorted_values(nb);
        !na.iter()
            .any(|x| values_b.binary_search(&&*x.value).is_ok())
    } {
        return true;
    }
    // Sorted, so that a huge passage costs O(n log n), not O(n²).
    let mut in_b: Vec<usize> = p.pairs.iter().map(|x| x.1).collect();
    let mut in_a: Vec<usize> = p.pairs.iter().map(|x| x.0).collect();
    in_a.sort_unstable();
    in_b.sort_unstable();
    let lone = |f: &Features, r: &Range<usize>, matched: &[usize]| {
        r.clone()
            .any(|k| f.toks()[k].flags & NUMBER != 0 && matched.binary_search(&k).is_err())
    };
    lone(a, &p.region_a, &in_a) && lone(b, &p.region_b, &in_b)
}

/// Pairs of lone figures [`find_conflicts`] compares one by one (a sentence
/// has a few figures; 1,000 a side is a table).
const MAX_FIGURE_PAIRS: usize = 1 << 20;
/// Figures of the same slot each lone figure of an over-long unit is
/// compared with.
const MAX_SLOT_TRIES: usize = 64;

/// Changed facts between two units: numbers/dates in the same slot, and a
/// different count of negators — over the whole units, or, when `region`
/// is given (partial reuse, a shared passage), over the two regions plus the
/// two tokens before each (where a negator of the shared verb stands).
/// `numbers: false` skips the number check (a shared passage checks its own
/// numbers in [`passage_numbers_differ`]; numbers elsewhere in the two
/// sentences belong to other claims).
fn find_conflicts(
    (a, text_a): (&Features, &str),
    (b, text_b): (&Features, &str),
    region: Option<(&Range<usize>, &Range<usize>)>,
    numbers: bool,
    match_a: &[Option<usize>],
) -> Vec<Conflict> {
    let mut out = Vec::new();
    let in_a: Vec<bool> = match_a.iter().map(Option::is_some).collect();
    let mut in_b = vec![false; b.len()];
    for j in match_a.iter().flatten() {
        in_b[*j] = true;
    }

    let (na, nb) = (a.number_mentions(), b.number_mentions());
    // A figure the other unit lacks, unless it is the bracketed conversion
    // of (or converted into) a figure both share: an outlet that adds, drops
    // or rounds `(26.7 مليون دولار)` after a shared `100 مليون ريال` changes
    // no fact (6 of 50 sampled SaudiNewsNet `conflicting` matches).
    let (values_a, values_b) = (sorted_values(na), sorted_values(nb));
    let lone = |x: &NumberMention, other: &[&str]| {
        other.binary_search(&&*x.value).is_err()
            && x.gloss
                .as_ref()
                .is_none_or(|g| other.binary_search(&&**g).is_err())
    };
    let only_a: Vec<&NumberMention> = na.iter().filter(|x| lone(x, &values_b)).collect();
    let only_b: Vec<&NumberMention> = nb.iter().filter(|y| lone(y, &values_a)).collect();
    let conflicting = |x: &NumberMention, y: &NumberMention| {
        y.is_month() == x.is_month() && same_slot(x, y) && !truncated_year(x, y) && comparable(x, y)
    };
    // Each lone figure of `a` against every lone figure of `b` (a few each
    // in a sentence); in over-long units only against those of `b` in the
    // same slot, the first MAX_SLOT_TRIES of them.
    let slots = (only_a.len().saturating_mul(only_b.len()) > MAX_FIGURE_PAIRS).then(|| {
        let mut by_slot: Vec<(u64, usize)> = Vec::new();
        for (k, y) in only_b.iter().enumerate() {
            by_slot.extend([(y.prev, k), (y.next, k)].into_iter().filter(|e| e.0 != 0));
        }
        by_slot.sort_unstable();
        by_slot
    });
    let first_conflict = |x: &NumberMention| -> Option<&NumberMention> {
        let Some(by_slot) = &slots else {
            return only_b.iter().copied().find(|y| conflicting(x, y));
        };
        let of = |key: u64| {
            let from = by_slot.partition_point(|e| e.0 < key);
            by_slot[from..]
                .iter()
                .take_while(move |e| e.0 == key && key != 0)
                .map(|e| e.1)
                .take(MAX_SLOT_TRIES)
        };
        let mut ks: Vec<usize> = of(x.prev).chain(of(x.next)).collect();
        ks.sort_unstable();
        ks.into_iter()
            .map(|k| only_b[k])
            .find(|y| conflicting(x, y))
    };
    for x in only_a.iter().filter(|_| numbers) {
        if let Some(y) = first_conflict(x) {
            out.push(Conflict {
                kind: if x.is_month() { "date" } else { "number" }.to_string(),
                a: display_value(&x.value),
                b: display_value(&y.value),
            });
        }
    }
    // Over the two regions plus the two tokens before each, or the whole units.
    let ext = |r: &Range<usize>, len: usize| r.start.saturating_sub(2)..r.end.min(len);
    let (range_a, range_b) = match region {
        Some((ra, rb)) => (ext(ra, a.len()), ext(rb, b.len())),
        None => (0..a.len(), 0..b.len()),
    };
    let count = |f: &Features, r: Range<usize>, flag: u8| {
        f.toks()[r].iter().filter(|t| t.flags & flag != 0).count()
    };
    let (neg_a, neg_b) = match region {
        Some(_) => (
            count(a, range_a.clone(), NEGATES),
            count(b, range_b.clone(), NEGATES),
        ),
        None => (a.negators(), b.negators()),
    };
    let (amb_a, amb_b) = (count(a, range_a, MAY_NEGATE), count(b, range_b, MAY_NEGATE));
    // `ألا مكان` / `بأن لا مكان`: the side with fewer negators may hold
    // them fused into `ألا`, which cancels the difference.
    let explained =
        (neg_a < neg_b && amb_a >= neg_b - neg_a) || (neg_b < neg_a && amb_b >= neg_a - neg_b);
    if neg_a != neg_b
        && !explained
        && (attached_negator(a, text_a, &in_a, region.map(|r| r.0))
            || attached_negator(b, text_b, &in_b, region.map(|r| r.1)))
    {
        out.push(Conflict {
            kind: "negation".to_string(),
            a: format!("{neg_a} negator(s)"),
            b: format!("{neg_b} negator(s)"),
        });
    }
    out
}

/// Whether `f` has a negator that the other unit lacks and that negates the
/// shared material: it is not matched itself, lies inside the shared
/// region (the span of matched tokens, or `region` plus the two tokens
/// before it), and one of the next two content tokens is matched, with no
/// clause mark (`، , ؛ ; : . ! ?`) between the negator and that token. A
/// negator elsewhere in a long sentence (`غير العادية` in another clause,
/// `لم` of another claim, `ليست مشبوهة، كان العلم …` where only what follows
/// the comma is shared) does not change the shared statement.
fn attached_negator(
    f: &Features,
    text: &str,
    matched: &[bool],
    region: Option<&Range<usize>>,
) -> bool {
    let toks = f.toks();
    let display = display_tokens(f, text);
    // Whether a clause mark stands between tokens `x` < `y` in the text.
    let across_clause = |x: usize, y: usize| {
        display.len() == toks.len()
            && text
                .get(display[x].end..display[y].start)
                .is_some_and(|gap| gap.contains(CLAUSE_MARKS))
    };
    let hull = match region {
        Some(r) => r.start.saturating_sub(2)..r.end.min(toks.len()),
        None => {
            let first = matched.iter().position(|&m| m);
            let last = matched.iter().rposition(|&m| m);
            match (first, last) {
                (Some(x), Some(y)) => x.saturating_sub(2)..y + 1,
                _ => return false,
            }
        }
    };
    hull.clone().any(|k| {
        toks[k].flags & NEGATES != 0
            && !matched[k]
            && toks[k + 1..]
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_content())
                .take(2)
                .any(|(d, _)| matched[k + 1 + d] && !across_clause(k, k + 1 + d))
    })
}

/// Marks that end a clause: a negator does not reach past them.
const CLAUSE_MARKS: &[char] = &['،', ',', '؛', ';', ':', '.', '!', '?', '؟'];

/// Total weight of a unit's content tokens (`w` holds one weight per token;
/// with the built-in weights the total is precomputed in the features).
fn content_weight(f: &Features, w: &[f32], builtin: bool) -> f32 {
    if builtin {
        return f.content_weight();
    }
    f.toks()
        .iter()
        .zip(w)
        .filter(|(t, _)| t.is_content())
        .map(|(_, w)| *w)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "أكد وزير الخارجية الروسي أن المحادثات حول سورية ستستأنف في جنيف الأسبوع المقبل";
    const EDIT: &str = "أكد وزير الخارجية الروسي أن محادثات سورية ستستأنف في جنيف الأسبوع القادم";
    const REWORD: &str = "قال لافروف إن جولة جديدة من المحادثات بشأن سورية ستعقد في جنيف بعد أسبوع";
    const OTHER: &str = "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج";

    fn score(a: &str, b: &str) -> f32 {
        signals(&features(a), &features(b), None).score
    }

    #[test]
    fn score_is_symmetric_and_graded() {
        for (x, y) in [(A, EDIT), (A, REWORD), (A, OTHER), (REWORD, OTHER)] {
            let (sxy, syx) = (score(x, y), score(y, x));
            assert!((sxy - syx).abs() < 1e-6, "{sxy} {syx}");
            assert!((0.0..1.0).contains(&sxy), "{sxy}");
        }
        let (edit, reword, other) = (score(A, EDIT), score(A, REWORD), score(A, OTHER));
        assert!(edit > reword && reword > other, "{edit} {reword} {other}");
        assert!(edit >= PARAPHRASE_MIN_SCORE, "{edit}");
        assert!(other < PARAPHRASE_MIN_SCORE, "{other}");
    }
}

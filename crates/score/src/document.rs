//! A reuse score for two texts of any length: [`compare_documents`].
//!
//! [`compare`](crate::compare) is a *sentence-pair* scorer: its score mixes
//! token cover and character 4-gram overlap of two units, and its tiers are
//! thresholds fitted on sentence pairs (Q2Q, ExAraPlagDet). Given two whole
//! paragraphs it measures how alike their vocabularies are, not how much of
//! one was reused in the other: on the Clough–Stevenson graded-reuse answers
//! (`isnad-eval clough`) it ranks worse than a one-line word-trigram
//! containment baseline, because two texts on the same topic share most
//! character 4-grams whether or not one copied the other.
//!
//! What a user of `isnad score` or `isnad explain` wants from two paragraphs
//! is how much of one text the other reuses. So:
//!
//! 1. Both texts are segmented ([`isnad_segment::segment`]). When neither has
//!    more than one sentence-level statement unit, the result is exactly
//!    [`compare`](crate::compare) of the two texts: nothing changes for
//!    sentence pairs.
//! 2. Otherwise the statement units of both (sentences, headlines and the
//!    clauses of long sentences) are matched as two outlets
//!    ([`find_matches`](crate::find_matches), default options) — the same
//!    matching `isnad compare` does between articles, so a pair of paragraphs
//!    gets the same evidence a report shows. All pairs of units are scored up
//!    to [`EXHAUSTIVE_MAX_KEYS`](crate::EXHAUSTIVE_MAX_KEYS) distinct unit
//!    texts (every paragraph and article pair: the result is exactly that of
//!    [`CandidateMode::Exhaustive`](crate::CandidateMode::Exhaustive)); above
//!    that the matcher's index picks the candidates
//!    ([`CandidateMode::Auto`](crate::CandidateMode::Auto)), so one huge
//!    input line cannot make the scoring quadratic.
//! 3. Every word (maximal run of letters and digits) of a text is credited
//!    with the score of the best match whose span covers it, 0 when none does;
//!    a side's **reuse** is the mean credit of its words, its **cover** the
//!    share of its words under any match.
//! 4. The **score** is the reuse of the *shorter* text (fewer words; the mean
//!    of both sides when they are equally long). Reuse cannot exceed the
//!    smaller text, so the share of the smaller text found in the other is
//!    the natural, symmetric measure of "how much one reuses the other": a
//!    short report wholly lifted from a long article scores 1, and an
//!    unrelated pair 0 however alike their topics. Weighting by the match
//!    score keeps the grades apart (verbatim copy above light edits above
//!    paraphrase). This was chosen before measuring; it is the per-answer
//!    signal `isnad-eval clough` already reported as "isnad reuse", made
//!    symmetric.
//! 5. The **tier** is the tier of the matches that cover most words of the
//!    shorter text (the stronger tier on a tie); `None` when nothing matched.
//!    Spans are the matched passages mapped back to byte offsets of the
//!    original texts (a span may contain a line break when the segmenter
//!    joined a wrapped line).
//!
//! Scale: a single-unit pair keeps [`compare`](crate::compare)'s score, which
//! is above 0 for unrelated sentences, while an unrelated multi-unit pair
//! scores 0; scores of the two kinds agree on matched pairs (a verbatim copy
//! is 1 in both) but are not calibrated against each other below the match
//! thresholds.

use crate::align::merge_ranges;
use crate::matcher::{CandidateMode, MatchOptions, UnitRef, find_matches};
use crate::pair::{Scored, compare};
use crate::tier::Tier;
use isnad_segment::{Unit, UnitKind, segment, word_spans};
use std::ops::Range;

/// One side of a document comparison.
struct Side {
    /// Statement units (sentence-level and clauses), in segment order.
    units: Vec<Unit>,
    /// Words of the whole text.
    words: Vec<Range<usize>>,
    /// Per word: best covering match score and its tier.
    credit: Vec<Option<(f32, Tier)>>,
    /// Matched spans, in text offsets.
    spans: Vec<Range<usize>>,
    /// Sentence-level units (by index into `units`) with a match.
    matched: Vec<bool>,
}

impl Side {
    fn new(text: &str) -> Self {
        let units: Vec<Unit> = segment(text)
            .into_iter()
            .filter(|u| u.kind.is_statement())
            .collect();
        let words: Vec<Range<usize>> = word_spans(text).collect();
        let n = words.len();
        let m = units.len();
        Side {
            units,
            words,
            credit: vec![None; n],
            spans: Vec::new(),
            matched: vec![false; m],
        }
    }

    /// Sentence-level statement units (clauses not counted).
    fn sentences(&self) -> usize {
        self.units
            .iter()
            .filter(|u| u.kind != UnitKind::Clause)
            .count()
    }

    /// Records a match on unit `k` (index into `units`) with spans relative to the unit.
    fn add(&mut self, k: usize, spans: &[Range<usize>], score: f32, tier: Tier) {
        let unit = &self.units[k];
        let sentence = match unit.parent {
            // The clause's parent is an index into the full unit list, and
            // `units` keeps that list's order: search it by index.
            Some(p) => self
                .units
                .binary_search_by_key(&p, |u| u.index)
                .unwrap_or(k),
            None => k,
        };
        self.matched[sentence] = true;
        let base = unit.span.start;
        for s in spans {
            let span = base + s.start..base + s.end;
            let first = self.words.partition_point(|w| w.end <= span.start);
            for (w, c) in self.words[first..]
                .iter()
                .zip(&mut self.credit[first..])
                .take_while(|(w, _)| w.start < span.end)
            {
                debug_assert!(w.end > span.start);
                let better = match *c {
                    None => true,
                    Some((s, t)) => score > s || (score == s && rank(tier) > rank(t)),
                };
                if better {
                    *c = Some((score, tier));
                }
            }
            self.spans.push(span);
        }
    }

    /// Mean credit of the words (score-weighted coverage).
    fn reuse(&self) -> f32 {
        mean(self.credit.iter().map(|c| c.map_or(0.0, |(s, _)| s)))
    }

    /// Share of the words under a match.
    fn cover(&self) -> f32 {
        mean(
            self.credit
                .iter()
                .map(|c| if c.is_some() { 1.0 } else { 0.0 }),
        )
    }

    /// Words per tier of their best covering match: the tier that covers
    /// most (the stronger tier on a tie; none when no word is covered).
    fn main_tier(&self) -> Option<Tier> {
        let mut counts = [0usize; 5];
        for (_, t) in self.credit.iter().flatten() {
            counts[BY_RANK.iter().position(|x| x == t).unwrap_or(0)] += 1;
        }
        // `BY_RANK` is strongest first, so a strict `>` keeps the stronger on a tie.
        let mut best: Option<(usize, Tier)> = None;
        for (&n, &t) in counts.iter().zip(&BY_RANK) {
            if n > 0 && best.is_none_or(|(b, _)| n > b) {
                best = Some((n, t));
            }
        }
        best.map(|(_, t)| t)
    }
}

/// Tiers by [`rank`], strongest first (paraphrase before conflicting).
const BY_RANK: [Tier; 5] = [
    Tier::Verbatim,
    Tier::NearDuplicate,
    Tier::Partial,
    Tier::Paraphrase,
    Tier::Conflicting,
];

fn mean(xs: impl ExactSizeIterator<Item = f32>) -> f32 {
    let n = xs.len();
    if n == 0 {
        return 0.0;
    }
    (xs.map(f64::from).sum::<f64>() / n as f64) as f32
}

/// Strength of a tier, for ties (verbatim strongest; a conflicting repeat
/// ranks with paraphrase here, while `isnad_report::tier_strength` ranks it
/// with near_duplicate).
fn rank(t: Tier) -> u8 {
    match t {
        Tier::Verbatim => 4,
        Tier::NearDuplicate => 3,
        Tier::Partial => 2,
        Tier::Paraphrase | Tier::Conflicting => 1,
    }
}

/// Scores how much of one text reuses the other, for texts of any length
/// (see the module docs): [`compare`] when both are single sentences, the
/// score-weighted share of the shorter text covered by unit matches
/// otherwise.
///
/// The components of a multi-unit result are `units_a`/`units_b` (sentence
/// units), `matched_units_a`/`matched_units_b`, `matches` (unit pairs),
/// `cover_a`/`cover_b` (share of words under a match), `reuse_a`/`reuse_b`
/// (score-weighted cover) and `score`.
///
/// ```
/// use isnad_score::{compare, compare_documents};
/// let a = "أكد الوزير أن المحادثات كانت مثمرة.";
/// let b = "أكد الوزير أن المحادثات كانت مثمرة وبناءة.";
/// assert_eq!(compare_documents(a, b), compare(a, b));
/// ```
pub fn compare_documents(a: &str, b: &str) -> Scored {
    let mut sa = Side::new(a);
    let mut sb = Side::new(b);
    if sa.sentences() <= 1 && sb.sentences() <= 1 {
        return compare(a, b);
    }
    let refs: Vec<UnitRef<'_>> = sa
        .units
        .iter()
        .map(|u| UnitRef {
            text: &a[u.span.clone()],
            source: 0,
            day: None,
        })
        .chain(sb.units.iter().map(|u| UnitRef {
            text: &b[u.span.clone()],
            source: 1,
            day: None,
        }))
        .collect();
    let options = MatchOptions {
        candidates: CandidateMode::Auto,
        ..MatchOptions::default()
    };
    let na = sa.units.len();
    let mut matches = 0usize;
    let mut conflicts = Vec::new();
    for m in find_matches(&refs, &options) {
        let (ia, ib, spans_a, spans_b) = match (m.a < na, m.b < na) {
            (true, false) => (m.a, m.b - na, &m.spans_a, &m.spans_b),
            (false, true) => (m.b, m.a - na, &m.spans_b, &m.spans_a),
            // Same-text pairs are not matched with the default options.
            _ => continue,
        };
        matches += 1;
        sa.add(ia, spans_a, m.score, m.tier);
        sb.add(ib, spans_b, m.score, m.tier);
        if m.tier == Tier::Conflicting {
            // The changed facts, in A/B order (the matcher keeps none).
            let ua = &sa.units[ia];
            let ub = &sb.units[ib];
            for c in compare(&a[ua.span.clone()], &b[ub.span.clone()]).conflicts {
                if !conflicts.contains(&c) {
                    conflicts.push(c);
                }
            }
        }
    }
    let (na_words, nb_words) = (sa.words.len(), sb.words.len());
    let (reuse_a, reuse_b) = (sa.reuse(), sb.reuse());
    let (score, tier) = match na_words.cmp(&nb_words) {
        std::cmp::Ordering::Less => (reuse_a, sa.main_tier()),
        std::cmp::Ordering::Greater => (reuse_b, sb.main_tier()),
        std::cmp::Ordering::Equal => {
            let t = match (sa.main_tier(), sb.main_tier()) {
                (Some(x), Some(y)) => Some(if rank(y) > rank(x) { y } else { x }),
                (x, y) => x.or(y),
            };
            ((reuse_a + reuse_b) / 2.0, t)
        }
    };
    let count = |s: &Side| s.matched.iter().filter(|&&m| m).count() as f32;
    let components = vec![
        ("cover_a".to_string(), sa.cover()),
        ("cover_b".to_string(), sb.cover()),
        ("matched_units_a".to_string(), count(&sa)),
        ("matched_units_b".to_string(), count(&sb)),
        ("matches".to_string(), matches as f32),
        ("reuse_a".to_string(), reuse_a),
        ("reuse_b".to_string(), reuse_b),
        ("score".to_string(), score),
        ("units_a".to_string(), sa.sentences() as f32),
        ("units_b".to_string(), sb.sentences() as f32),
    ];
    Scored {
        score,
        tier,
        components,
        spans_a: merge_ranges(std::mem::take(&mut sa.spans)),
        spans_b: merge_ranges(std::mem::take(&mut sb.spans)),
        conflicts,
    }
}

//! Passage-level containment: is a unit of document A reused somewhere in
//! document B, even when its words were moved across sentence boundaries?
//!
//! [`containment`] compares one unit with one text. That is enough when a
//! sentence was copied, edited or reworded inside its own bounds, but not
//! when an outlet reorders a wire story's words or clauses *across* sentence
//! boundaries: each of its sentences is then a sample of words drawn from a
//! whole passage of the source, several hundred tokens long, and no single
//! source sentence (nor two or three) contains it. Comparing a short unit
//! with every long stretch of the source is no answer either: a long window
//! contains most of any short unit's common words by chance.
//!
//! So the search is done at passage level, the way a reader would: both
//! documents are cut into [`Windows`] of adjacent sentence-level units
//! ([`WINDOW_SIZES`]). A unit of A is scored ([`window_cover`]) as the best
//! of
//! - **direct** containment in a window of B that has at most
//!   [`MAX_DIRECT_UNITS`] units or at most [`LONG_WINDOW_RATIO`] times the
//!   unit's tokens (a clause or sentence reused inside one to three source
//!   sentences, or a long reworded run drawn from a few more), and
//! - **anchored** containment: every long window of A
//!   ([`ANCHOR_MIN_UNITS`] units or more) that holds the unit is first matched
//!   to the window of B of at most [`ANCHOR_RATIO`] times its tokens that
//!   contains most of it (its *anchor*; a reordered passage keeps its
//!   length). When at least [`ANCHOR_MIN_CONTAINMENT`] of the window is
//!   found in its anchor, the unit's own containment in that anchor counts.
//!   The passage around the unit picks the source passage, and the unit must
//!   still bring its own words: a sentence next to a reused passage, but not
//!   reused itself, finds the right source passage and little of its own
//!   text in it.
//!
//! Direct containment is [`containment`] (IDF-weighted soft share of the
//! unit's content found in the window, word-order free, built-in weights).
//! Anchored containment counts only equal forms and equal light stems
//! (same weights): the soft passes of [`containment`] (name skeletons,
//! morphological variants) find a match for almost any word in a window of
//! several hundred tokens, and on the first 150 ExAraPlagDet documents
//! they raised the 5 % false-positive threshold from 0.40 to 0.52. Which windows are scored is
//! decided by a cheap prefilter through an inverted index: the windows
//! sharing most distinct content stems with the query ([`TOP_WINDOWS`],
//! [`TOP_ANCHORS`]).
//!
//! The threshold [`WINDOW_MIN_CONTAINMENT`] is fitted by
//! `cargo run --release -p isnad-eval -- exaraplagdet` at ≤ 5 % of
//! non-reused sentences matched.

use crate::features::{Features, features};
use crate::pair::containment;
use std::ops::Range;

/// Window sizes, in sentence-level units. Windows of up to
/// [`MAX_DIRECT_UNITS`] units start at every unit; longer ones every
/// `size / 2` units (and one window covers a document shorter than the size).
pub const WINDOW_SIZES: &[usize] = &[1, 2, 3, 4, 6, 8, 12, 16, 24, 32];
/// Windows of B of up to this many units are compared with every unit of A.
pub const MAX_DIRECT_UNITS: usize = 3;
/// A longer window of B is compared directly only with units of A that have
/// at least `1 / LONG_WINDOW_RATIO` of its tokens: a short unit must not be
/// "contained" in a long stretch of text by chance.
pub const LONG_WINDOW_RATIO: f32 = 2.0;
/// The anchor of a window of A has at most this many times its tokens. A
/// reordered passage keeps its length, but windows start only every
/// `size / 2` units, so the one that covers the whole source passage is
/// often longer than it (1.0 gave 0.956 recall of word-shuffled
/// ExAraPlagDet sentences, 1.5 gives 0.971 at the same false-positive
/// budget).
pub const ANCHOR_RATIO: f32 = 1.5;
/// A window of A is anchored only when at least this share of its content
/// is found in its best window of B (by form or stem): the passage around a
/// unit must itself be reused before the unit is looked for in it, or any
/// sentence of a document on the same topic as B would find its common
/// words in some long window of B.
pub const ANCHOR_MIN_CONTAINMENT: f32 = 0.5;
/// Windows of A with at least this many units look for an anchor in B.
pub const ANCHOR_MIN_UNITS: usize = 8;
/// Windows scored with [`containment`] per query (those sharing most
/// distinct content stems with it).
pub const TOP_WINDOWS: usize = 12;
/// Windows of B scored per window of A when looking for its anchor.
pub const TOP_ANCHORS: usize = 4;
/// A unit whose [`WindowCover::score`] reaches this is reused in B: the
/// lowest score that at most 5 % of the non-reused sentences of
/// ExAraPlagDet reach (0.4126 on all 601 suspicious documents; recall
/// 0.971 of word-shuffled, 0.955 of synonym-substituted and 0.952 of
/// manually paraphrased sentences, 1.000 verbatim, 0.996 phrase-shuffled).
pub const WINDOW_MIN_CONTAINMENT: f32 = 0.4126;

/// One window of adjacent units of a document.
#[derive(Debug, Clone)]
pub struct Window {
    /// Indexes of the units it spans (into the spans given to [`Windows::new`]).
    pub units: Range<usize>,
    /// Byte range in the document text (first unit's start to last unit's end).
    pub span: Range<usize>,
    /// Features of that text.
    pub features: Features,
    /// Sorted distinct content stems (the prefilter's keys).
    stems: Box<[u64]>,
}

/// A document cut into windows of adjacent units ([`WINDOW_SIZES`]), with
/// an inverted index from content stems to windows.
#[derive(Debug, Clone)]
pub struct Windows {
    windows: Vec<Window>,
    /// (content stem, window index), sorted.
    postings: Vec<(u64, u32)>,
}

/// The content tokens of a window as counted word and stem hashes, for
/// [`exact_containment`].
struct Bag {
    words: Vec<(u64, u32)>,
    stems: Vec<(u64, u32)>,
}

fn counted(mut v: Vec<u64>) -> Vec<(u64, u32)> {
    v.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::new();
    for h in v {
        match out.last_mut() {
            Some(last) if last.0 == h => last.1 += 1,
            _ => out.push((h, 1)),
        }
    }
    out
}

impl Bag {
    fn new(f: &Features) -> Bag {
        let content = || f.toks().iter().filter(|t| t.is_content());
        Bag {
            words: counted(content().map(|t| t.word).collect()),
            stems: counted(content().map(|t| t.stem).collect()),
        }
    }
}

/// Weighted share of `f`'s content found in `bag` by equal form or equal
/// light stem only (one-to-one, built-in weights): [`containment`] without
/// its name-skeleton and morphological-variant matches, which a window of
/// hundreds of tokens satisfies by chance.
fn exact_containment(f: &Features, bag: &Bag) -> f32 {
    let total = f.content_weight();
    if total <= 0.0 {
        return 0.0;
    }
    let available = |v: &[(u64, u32)], h: u64| -> u32 {
        v.binary_search_by_key(&h, |e| e.0).map_or(0, |i| v[i].1)
    };
    // (word, stem, weight) of the content tokens, grouped by word: equal
    // forms are matched first, as many as the bag holds.
    let mut toks: Vec<(u64, u64, f32)> = f
        .toks()
        .iter()
        .filter(|t| t.is_content())
        .map(|t| (t.word, t.stem, t.weight))
        .collect();
    toks.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    let mut got = 0f32;
    let mut used: Vec<u64> = Vec::new(); // stems of the tokens matched by form
    let mut left: Vec<(u64, f32)> = Vec::new(); // (stem, weight) unmatched
    for group in toks.chunk_by(|x, y| x.0 == y.0) {
        let m = (available(&bag.words, group[0].0) as usize).min(group.len());
        for t in &group[..m] {
            got += t.2;
            used.push(t.1);
        }
        left.extend(group[m..].iter().map(|t| (t.1, t.2)));
    }
    used.sort_unstable();
    left.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    for group in left.chunk_by(|x, y| x.0 == y.0) {
        let stem = group[0].0;
        let taken = used.partition_point(|&s| s <= stem) - used.partition_point(|&s| s < stem);
        let m = (available(&bag.stems, stem) as usize)
            .saturating_sub(taken)
            .min(group.len());
        got += STEM_SIM * group[..m].iter().map(|t| t.1).sum::<f32>();
    }
    (got / total).min(1.0)
}

/// Similarity credited to a match by light stem only (as in the pair scorer).
const STEM_SIM: f32 = 0.95;

fn distinct_stems(f: &Features) -> Box<[u64]> {
    let mut v = f.stems().to_vec();
    v.sort_unstable();
    v.dedup();
    v.into_boxed_slice()
}

impl Windows {
    /// Cuts `text` into windows of its sentence-level `units` (byte spans,
    /// in document order, not overlapping: e.g. the non-clause units of
    /// `isnad_segment::segment`). Windows of one unit with no tokens are
    /// left out.
    pub fn new(text: &str, units: &[Range<usize>]) -> Windows {
        Windows::of_sizes(text, units, WINDOW_SIZES)
    }

    /// Like [`Windows::new`], with only the windows of at least
    /// [`ANCHOR_MIN_UNITS`] units: all [`window_cover`] needs of the
    /// document whose units are scored.
    pub fn long(text: &str, units: &[Range<usize>]) -> Windows {
        let from = WINDOW_SIZES.partition_point(|&w| w < ANCHOR_MIN_UNITS);
        Windows::of_sizes(text, units, &WINDOW_SIZES[from..])
    }

    fn of_sizes(text: &str, units: &[Range<usize>], sizes: &[usize]) -> Windows {
        let mut windows = Vec::new();
        let n = units.len();
        let mut whole = false;
        for &w in sizes {
            let stride = if w <= MAX_DIRECT_UNITS { 1 } else { w / 2 };
            // A size larger than the document gives one window over all of
            // it (once), unless it is a direct size.
            if w > n && (w <= MAX_DIRECT_UNITS || n == 0 || whole) {
                continue;
            }
            let mut i = 0;
            loop {
                let end = (i + w).min(n);
                whole |= i == 0 && end == n;
                let span = units[i].start..units[end - 1].end;
                let f = features(&text[span.clone()]);
                if !f.is_empty() {
                    windows.push(Window {
                        units: i..end,
                        span,
                        stems: distinct_stems(&f),
                        features: f,
                    });
                }
                if i + w >= n {
                    break;
                }
                i += stride;
            }
        }
        let mut postings: Vec<(u64, u32)> = windows
            .iter()
            .enumerate()
            .flat_map(|(k, w)| w.stems.iter().map(move |&s| (s, k as u32)))
            .collect();
        postings.sort_unstable();
        Windows { windows, postings }
    }

    /// The windows, by size then position.
    pub fn windows(&self) -> &[Window] {
        &self.windows
    }

    /// Indexes of up to `top` windows accepted by `allow` that share most
    /// distinct stems with `stems` (at least one), best first, ties by index.
    fn best_by_stems(
        &self,
        stems: &[u64],
        top: usize,
        counts: &mut Vec<u32>,
        allow: impl Fn(&Window) -> bool,
    ) -> Vec<usize> {
        counts.clear();
        counts.resize(self.windows.len(), 0);
        for &s in stems {
            let from = self.postings.partition_point(|p| p.0 < s);
            for p in self.postings[from..].iter().take_while(|p| p.0 == s) {
                counts[p.1 as usize] += 1;
            }
        }
        let mut hit: Vec<(u32, usize)> = counts
            .iter()
            .enumerate()
            .filter(|&(k, &c)| c > 0 && allow(&self.windows[k]))
            .map(|(k, &c)| (c, k))
            .collect();
        hit.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        hit.truncate(top);
        hit.into_iter().map(|(_, k)| k).collect()
    }
}

/// How a unit of A is contained in B.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowCover {
    /// Best containment found: the larger of `direct` and `anchored`.
    pub score: f32,
    /// Best containment in a window of B compared with the unit directly.
    pub direct: f32,
    /// Best containment in the anchor of a long window of A holding the unit.
    pub anchored: f32,
    /// Units of B (indexes into its spans) of the window giving `score`;
    /// empty when nothing was found.
    pub window: Range<usize>,
}

/// Scores units of document A against document B (see the module docs).
///
/// `a` and `b` are the windows of the two documents; `units` are the units
/// of A to score, each as its byte span in A's text and its features (any
/// units: sentences, or clauses inside them). Returns one [`WindowCover`]
/// per unit, in order.
pub fn window_cover(
    a: &Windows,
    units: &[(Range<usize>, &Features)],
    b: &Windows,
) -> Vec<WindowCover> {
    let mut counts = Vec::new();
    // The anchor of every long window of A.
    let anchors: Vec<Option<usize>> = a
        .windows
        .iter()
        .map(|wa| {
            if wa.units.len() < ANCHOR_MIN_UNITS {
                return None;
            }
            let limit = ANCHOR_RATIO * wa.features.len() as f32;
            let mut best: Option<(f32, usize)> = None;
            for k in b.best_by_stems(&wa.stems, TOP_ANCHORS, &mut counts, |wb| {
                wb.features.len() as f32 <= limit
            }) {
                let c = exact_containment(&wa.features, &Bag::new(&b.windows[k].features));
                if best.is_none_or(|(bc, _)| c > bc) {
                    best = Some((c, k));
                }
            }
            best.filter(|&(c, _)| c >= ANCHOR_MIN_CONTAINMENT)
                .map(|(_, k)| k)
        })
        .collect();
    let mut bags: Vec<Option<Bag>> = (0..b.windows.len()).map(|_| None).collect();
    units
        .iter()
        .map(|(span, f)| {
            let mut out = WindowCover {
                score: 0.0,
                direct: 0.0,
                anchored: 0.0,
                window: 0..0,
            };
            if f.is_empty() {
                return out;
            }
            let mut best_k = None;
            let limit = LONG_WINDOW_RATIO * f.len() as f32;
            for k in b.best_by_stems(&distinct_stems(f), TOP_WINDOWS, &mut counts, |wb| {
                wb.units.len() <= MAX_DIRECT_UNITS || wb.features.len() as f32 <= limit
            }) {
                let c = containment(f, &b.windows[k].features, None);
                if c > out.direct {
                    out.direct = c;
                    best_k = Some(k);
                }
            }
            let mut seen: Vec<usize> = Vec::new();
            for (wa, anchor) in a.windows.iter().zip(&anchors) {
                let Some(k) = *anchor else { continue };
                if wa.span.start > span.start || wa.span.end < span.end || seen.contains(&k) {
                    continue;
                }
                seen.push(k);
                let bag = bags[k].get_or_insert_with(|| Bag::new(&b.windows[k].features));
                let c = exact_containment(f, bag);
                if c > out.anchored {
                    out.anchored = c;
                    if c > out.direct {
                        best_k = Some(k);
                    }
                }
            }
            out.score = out.direct.max(out.anchored);
            out.window = best_k.map_or(0..0, |k| b.windows[k].units.clone());
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_containment_counts_forms_then_stems_one_to_one() {
        let window = features("أكد وزير الخارجية الروسي أن المحادثات حول سورية ستستأنف في جنيف");
        let bag = Bag::new(&window);
        // Word order does not matter.
        let same = features("ستستأنف المحادثات حول سورية في جنيف أكد وزير الخارجية الروسي");
        assert!((exact_containment(&same, &bag) - 1.0).abs() < 1e-5);
        // A repeated word is found once only (one-to-one).
        let twice = features("سورية سورية جنيف");
        let c = exact_containment(&twice, &bag);
        assert!(c > 0.3 && c < 0.99, "{c}");
        // Nothing shared.
        let other = features("ارتفعت أسعار النفط في الأسواق العالمية");
        assert_eq!(exact_containment(&other, &bag), 0.0);
        // Another form of the same light stem is credited STEM_SIM.
        let stem = features("المحادثة");
        assert!((exact_containment(&stem, &bag) - STEM_SIM).abs() < 1e-5);
    }
}

//! Token alignment and display spans.
//!
//! Two jobs:
//! - [`local_align`]: Smith-Waterman local alignment over the token
//!   sequences of two units. Tokens match when their forms, light stems or
//!   name skeletons are equal; a match scores the tokens' weight (stopwords a
//!   little), a substitution or gap costs a fixed penalty. The best-scoring
//!   region is the shared passage: for a long sentence that copies a clause
//!   it is that clause, which the ordered alignment finds even when the rest
//!   of the sentence shares scattered words (research notes §4.3: PAN-style
//!   seed-and-extend; a DP over ≤ a few hundred tokens is cheaper than
//!   seeding and exact).
//! - [`display_tokens`]: maps match-key token positions back to byte spans of
//!   the display text, so reports highlight the original characters.

use crate::features::{Features, Tok};
use std::ops::Range;

/// Score of a matched stopword pair.
const STOP_MATCH: f32 = 0.2;
/// Cost of a substituted token inside the region.
const MISMATCH: f32 = 0.5;
/// Cost of a token skipped on one side.
const GAP: f32 = 0.4;

/// Whether two tokens count as the same word for alignment.
pub(crate) fn tokens_match(a: &Tok, b: &Tok) -> bool {
    a.word == b.word || a.stem == b.stem || (a.skel != 0 && a.skel == b.skel)
}

/// The best local alignment of two token sequences.
#[derive(Debug, Clone, Default)]
pub(crate) struct Alignment {
    /// Aligned token pairs `(i in a, j in b)`, ascending.
    pub pairs: Vec<(usize, usize)>,
    /// Token range of the aligned region in `a`.
    pub region_a: Range<usize>,
    /// Token range of the aligned region in `b`.
    pub region_b: Range<usize>,
}

/// Smith-Waterman over `a` and `b` with per-token weights `wa`, `wb`.
pub(crate) fn local_align(a: &[Tok], wa: &[f32], b: &[Tok], wb: &[f32]) -> Alignment {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Alignment::default();
    }
    let w = m + 1;
    let mut h = vec![0f32; (n + 1) * w];
    // 0 = stop, 1 = diagonal match, 2 = diagonal mismatch, 3 = up, 4 = left
    let mut dir = vec![0u8; (n + 1) * w];
    let (mut best, mut bi, mut bj) = (0f32, 0usize, 0usize);
    for i in 1..=n {
        let ta = &a[i - 1];
        for j in 1..=m {
            let tb = &b[j - 1];
            let (diag, d) = if tokens_match(ta, tb) {
                let s = if ta.is_content() && tb.is_content() {
                    0.5 * (wa[i - 1] + wb[j - 1])
                } else {
                    STOP_MATCH
                };
                (h[(i - 1) * w + j - 1] + s, 1u8)
            } else {
                (h[(i - 1) * w + j - 1] - MISMATCH, 2u8)
            };
            let up = h[(i - 1) * w + j] - GAP;
            let left = h[i * w + j - 1] - GAP;
            let (mut v, mut dv) = (0f32, 0u8);
            if diag > v {
                v = diag;
                dv = d;
            }
            if up > v {
                v = up;
                dv = 3;
            }
            if left > v {
                v = left;
                dv = 4;
            }
            h[i * w + j] = v;
            dir[i * w + j] = dv;
            if v > best {
                best = v;
                bi = i;
                bj = j;
            }
        }
    }
    if best <= 0.0 {
        return Alignment::default();
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (bi, bj);
    while i > 0 && j > 0 && h[i * w + j] > 0.0 {
        match dir[i * w + j] {
            1 => {
                pairs.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            2 => {
                i -= 1;
                j -= 1;
            }
            3 => i -= 1,
            4 => j -= 1,
            _ => break,
        }
    }
    pairs.reverse();
    let (Some(first), Some(last)) = (pairs.first().copied(), pairs.last().copied()) else {
        return Alignment::default();
    };
    Alignment {
        region_a: first.0..last.0 + 1,
        region_b: first.1..last.1 + 1,
        pairs,
    }
}

/// Byte span in the display text of every match-key token of `f`.
///
/// `text` must be the text `f` was computed from: the spans are computed on
/// the first call and kept in `f` (a unit in many matches needs them for
/// every one).
///
/// The display text is cut at whitespace; each chunk's match key gives the
/// tokens it contributes, and each of those gets the chunk's span (trimmed to
/// its first and last letter or digit). When the count differs from the
/// features' token count (a normalization that joins or splits across
/// whitespace), positions are mapped proportionally — spans then stay close
/// but may be off by a word.
pub(crate) fn display_tokens<'f>(f: &'f Features, text: &str) -> &'f [Range<usize>] {
    f.display_cache()
        .get_or_init(|| compute_display_tokens(f.len(), text).into_boxed_slice())
}

fn compute_display_tokens(n: usize, text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(n);
    let mut key = String::new();
    let mut push_chunk = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let chunk = &text[s..e];
        isnad_segment::normalize::match_key_into(chunk, &mut key);
        let count = key.split(' ').filter(|t| !t.is_empty()).count();
        if count == 0 {
            return;
        }
        let lead = chunk
            .char_indices()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(0, |(i, _)| i);
        let trail = chunk
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map_or(chunk.len(), |(i, c)| i + c.len_utf8());
        let mut end = s + trail;
        // Keep trailing combining marks (harakat) with their letter.
        for c in text[end..e].chars() {
            if is_mark(c) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        for _ in 0..count {
            out.push(s + lead..end);
        }
    };
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                push_chunk(s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push_chunk(s, text.len(), &mut out);
    }
    if out.len() == n || out.is_empty() {
        return out;
    }
    let d = out.len();
    (0..n)
        .map(|i| out[(i * d / n).min(d - 1)].clone())
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{0640}')
}

/// Merges token positions into runs (allowing gaps of up to `max_gap`
/// unmatched tokens) and returns their display spans.
pub(crate) fn spans_of(
    positions: &[usize],
    display: &[Range<usize>],
    max_gap: usize,
) -> Vec<Range<usize>> {
    let mut pos: Vec<usize> = positions
        .iter()
        .copied()
        .filter(|&p| p < display.len())
        .collect();
    pos.sort_unstable();
    pos.dedup();
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for p in pos {
        run = match run {
            Some((s, e)) if p <= e + 1 + max_gap => Some((s, p)),
            Some((s, e)) => {
                spans.push(display[s].start..display[e].end);
                Some((p, p))
            }
            None => Some((p, p)),
        };
    }
    if let Some((s, e)) = run {
        spans.push(display[s].start..display[e].end);
    }
    // Chunks shared by two tokens can make neighbouring spans touch: merge.
    merge_ranges(spans)
}

/// `spans` sorted, with overlapping or touching ranges merged.
pub(crate) fn merge_ranges(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// The densest large shared passage of two units, word order free.
///
/// Where [`local_align`] needs the shared words in the same order, a
/// reworded claim keeps its names, numbers and rare words but moves them
/// around (`أنهى مسار أستانا في سوتشي جولته الخامسة عشرة` /
/// `اختتمت … لمسار أستانة … الجولة الـ15 … في مدينة سوتشي`). So: given the
/// one-to-one soft token matching of the pair, consider every window of `a`
/// that starts and ends at a matched token, and with it the smallest window
/// of `b` holding the partners; the window pair's **density** is the
/// weighted share of the two windows' content that is matched. Among the
/// window pairs with density ≥ `min_density`, the passage is the one with
/// the most matched weight (ties: the shorter, then the earlier). O(k²) in
/// the k matched tokens.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Passage {
    /// Matched token pairs `(i in a, j in b)` inside the passage, ascending in `i`.
    pub pairs: Vec<(usize, usize)>,
    /// Token range of the passage in `a`.
    pub region_a: Range<usize>,
    /// Token range of the passage in `b`.
    pub region_b: Range<usize>,
    /// Matched weight on `a`'s side (similarity × weight).
    pub matched_a: f32,
    /// Matched weight on `b`'s side.
    pub matched_b: f32,
    /// Content weight of `region_a`.
    pub weight_a: f32,
    /// Content weight of `region_b`.
    pub weight_b: f32,
}

impl Passage {
    /// Weighted share of the two windows' content that is matched.
    pub(crate) fn density(&self) -> f32 {
        let w = self.weight_a + self.weight_b;
        if w > 0.0 {
            ((self.matched_a + self.matched_b) / w).min(1.0)
        } else {
            0.0
        }
    }

    /// Matched weight, the mean of the two sides.
    pub(crate) fn mass(&self) -> f32 {
        0.5 * (self.matched_a + self.matched_b)
    }
}

/// See [`Passage`]: the better (more matched weight, then denser) of the
/// passages found with windows over `a` and with windows over `b`, so the
/// result does not depend on the order of the two units.
pub(crate) fn best_passage(
    wa: &[f32],
    wb: &[f32],
    match_a: &[Option<usize>],
    sim_a: &[f32],
    min_density: f32,
) -> Passage {
    let p1 = passage_over_a(wa, wb, match_a, sim_a, min_density);
    let mut match_b = vec![None; wb.len()];
    let mut sim_b = vec![0f32; wb.len()];
    for (i, m) in match_a.iter().enumerate() {
        if let Some(j) = *m {
            match_b[j] = Some(i);
            sim_b[j] = sim_a[i];
        }
    }
    let p2 = passage_over_a(wb, wa, &match_b, &sim_b, min_density);
    let key = |p: &Passage| (p.matched_a + p.matched_b, p.density());
    let (k1, k2) = (key(&p1), key(&p2));
    if k2.0 > k1.0 + 1e-5 || ((k2.0 - k1.0).abs() <= 1e-5 && k2.1 > k1.1 + 1e-5) {
        let mut pairs: Vec<(usize, usize)> = p2.pairs.iter().map(|&(j, i)| (i, j)).collect();
        pairs.sort_unstable();
        Passage {
            pairs,
            region_a: p2.region_b,
            region_b: p2.region_a,
            matched_a: p2.matched_b,
            matched_b: p2.matched_a,
            weight_a: p2.weight_b,
            weight_b: p2.weight_a,
        }
    } else {
        p1
    }
}

/// The passage with windows over `a` (see [`best_passage`]).
fn passage_over_a(
    wa: &[f32],
    wb: &[f32],
    match_a: &[Option<usize>],
    sim_a: &[f32],
    min_density: f32,
) -> Passage {
    let matched: Vec<(usize, usize)> = match_a
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|j| (i, j)))
        .collect();
    if matched.is_empty() {
        return Passage::default();
    }
    let prefix = |w: &[f32]| -> Vec<f32> {
        let mut p = Vec::with_capacity(w.len() + 1);
        let mut acc = 0f32;
        p.push(0.0);
        for x in w {
            acc += x;
            p.push(acc);
        }
        p
    };
    let (pa, pb) = (prefix(wa), prefix(wb));
    // (mass, -window weight, -start) of the best window so far, and its bounds.
    let mut best: Option<(f32, f32, usize, usize)> = None;
    for k1 in 0..matched.len() {
        let (mut lo, mut hi) = (usize::MAX, 0usize);
        let (mut ma, mut mb) = (0f32, 0f32);
        for k2 in k1..matched.len() {
            let (i, j) = matched[k2];
            lo = lo.min(j);
            hi = hi.max(j);
            ma += sim_a[i] * wa[i];
            mb += sim_a[i] * wb[j];
            let wa_win = pa[i + 1] - pa[matched[k1].0];
            let wb_win = pb[hi + 1] - pb[lo];
            let w = wa_win + wb_win;
            if w <= 0.0 || (ma + mb) < min_density * w {
                continue;
            }
            let better = match best {
                None => true,
                Some((bm, bw, _, _)) => {
                    ma + mb > bm + 1e-6 || ((ma + mb - bm).abs() <= 1e-6 && w < bw - 1e-6)
                }
            };
            if better {
                best = Some((ma + mb, w, k1, k2));
            }
        }
    }
    let Some((_, _, k1, k2)) = best else {
        return Passage::default();
    };
    let pairs: Vec<(usize, usize)> = matched[k1..=k2].to_vec();
    let lo = pairs.iter().map(|p| p.1).min().unwrap_or(0);
    let hi = pairs.iter().map(|p| p.1).max().unwrap_or(0);
    let (i0, i1) = (pairs[0].0, pairs[pairs.len() - 1].0);
    let matched_a = pairs.iter().map(|&(i, _)| sim_a[i] * wa[i]).sum();
    let matched_b = pairs.iter().map(|&(i, j)| sim_a[i] * wb[j]).sum();
    Passage {
        region_a: i0..i1 + 1,
        region_b: lo..hi + 1,
        weight_a: pa[i1 + 1] - pa[i0],
        weight_b: pb[hi + 1] - pb[lo],
        matched_a,
        matched_b,
        pairs,
    }
}

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
//!
//! ## Over-long units
//!
//! The full DP keeps a score and a direction per cell, about 5 bytes for
//! each of the (n+1)·(m+1) cells: two 10,000-word units would need 0.5 GB,
//! and one 200,000-word line without punctuation (a scraped page, a table,
//! a transcript) against its first half 80 GB, which aborted the whole run.
//! Real sentences are far below the bound: over the 96,406 units of 10,000
//! SaudiNewsNet articles the median is 26 words, the 99.99th percentile 352
//! and the longest 558. So pairs with at most [`MAX_FULL_CELLS`] cells (two
//! units of 2,000 tokens) keep the exact DP, unchanged, and larger pairs are
//! aligned in a **band around a chain of shared seeds**: word trigrams that
//! occur (at most [`MAX_SEED_REPEAT`] times) in both units give anchor
//! points, the longest chain of anchors that is ordered in both units (a
//! longest increasing subsequence) is the backbone of the copied text, and
//! the same Smith-Waterman recurrence runs only on the cells within a few
//! tokens of that backbone ([`MAX_BAND_CELLS`] cells at most, the band
//! narrowing as the units grow). Cells outside the band count as 0, the
//! local-alignment floor, so the band can only miss an alignment that
//! strays from every chained seed; for a copied or lightly edited passage
//! the backbone runs through it and the band finds the same region and
//! pairs as the full DP (tested against it). Memory and time per pair stay
//! linear in the units' lengths whatever they are.
//!
//! [`best_passage`] likewise scans its O(k²) window pairs over single
//! matched tokens only up to [`MAX_PASSAGE_STARTS`] matched tokens; beyond,
//! windows start and end at block boundaries of consecutive matched tokens
//! (at most that many blocks), so the passage of a huge pair is found at a
//! block's precision instead of not at all.

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

/// Pairs with at most this many DP cells ((n+1)·(m+1), about 5 bytes
/// each) are aligned exactly; larger ones in a band (see the module docs).
/// 2,000 tokens a side, far above the longest real sentence measured.
pub(crate) const MAX_FULL_CELLS: usize = 1 << 22;
/// Most cells the band of an over-long pair may hold (one direction byte
/// each, plus two score rows): about 16 MB per pair.
pub(crate) const MAX_BAND_CELLS: usize = 1 << 24;
/// Widest band: tokens on each side of the seed chain (shifts by inserted
/// or dropped words between two anchors).
const MAX_BAND_HALF_WIDTH: usize = 64;
/// A trigram occurring more often than this in either unit is no seed (the
/// repeated rows of a table would give p·q anchors).
pub(crate) const MAX_SEED_REPEAT: usize = 8;

/// Smith-Waterman over `a` and `b` with per-token weights `wa`, `wb`: exact
/// up to [`MAX_FULL_CELLS`] cells, banded around the seed chain beyond.
pub(crate) fn local_align(a: &[Tok], wa: &[f32], b: &[Tok], wb: &[f32]) -> Alignment {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Alignment::default();
    }
    if (n + 1).saturating_mul(m + 1) > MAX_FULL_CELLS {
        let band = seed_band(a, b, MAX_BAND_CELLS);
        return banded_align(a, wa, b, wb, &band);
    }
    full_align(a, wa, b, wb)
}

/// The exact Smith-Waterman of [`local_align`] over all (n+1)·(m+1) cells.
///
/// Only the directions are kept per cell: a cell's direction is 0 exactly
/// when its score is 0 (every other direction needs a positive score), so
/// the trace back reads the directions alone, and two rows of scores
/// suffice. The direction matrix lives in a per-thread buffer that only
/// grows: every cell the trace back reads (rows and columns from 1) is
/// written before, so it is never cleared, and most scored pairs, which
/// used to allocate and zero a fresh matrix, allocate nothing. It holds at
/// most [`MAX_FULL_CELLS`] bytes (4 MiB) per thread.
fn full_align(a: &[Tok], wa: &[f32], b: &[Tok], wb: &[f32]) -> Alignment {
    thread_local! {
        static DIRECTIONS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    DIRECTIONS.with_borrow_mut(|dir| full_align_in(a, wa, b, wb, dir))
}

/// [`full_align`] with the direction matrix in `dir` (grown as needed; its
/// contents on entry do not matter).
fn full_align_in(a: &[Tok], wa: &[f32], b: &[Tok], wb: &[f32], dir: &mut Vec<u8>) -> Alignment {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    if dir.len() < (n + 1) * w {
        dir.resize((n + 1) * w, 0);
    }
    // Scores of the row above and of the current row (column 0 stays 0).
    let mut prev = vec![0f32; w];
    let mut cur = vec![0f32; w];
    // 0 = stop, 1 = diagonal match, 2 = diagonal mismatch, 3 = up, 4 = left
    let (mut best, mut bi, mut bj) = (0f32, 0usize, 0usize);
    for i in 1..=n {
        let (ta, wai) = (&a[i - 1], wa[i - 1]);
        // Row i from row i - 1, walked as slices (no index arithmetic or
        // bounds checks in the inner loop, which runs for every cell of
        // every aligned pair).
        let dir_row = &mut dir[i * w..(i + 1) * w];
        let mut left_h = 0f32;
        let cells = b
            .iter()
            .zip(wb)
            .zip(prev.windows(2))
            .zip(cur[1..].iter_mut().zip(&mut dir_row[1..]));
        for (j, (((tb, &wbj), diag_up), (cell, cell_dir))) in cells.enumerate() {
            let (diag, d) = if tokens_match(ta, tb) {
                let s = if ta.is_content() && tb.is_content() {
                    0.5 * (wai + wbj)
                } else {
                    STOP_MATCH
                };
                (diag_up[0] + s, 1u8)
            } else {
                (diag_up[0] - MISMATCH, 2u8)
            };
            let up = diag_up[1] - GAP;
            let left = left_h - GAP;
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
            *cell = v;
            *cell_dir = dv;
            left_h = v;
            if v > best {
                best = v;
                bi = i;
                bj = j + 1;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    if best <= 0.0 {
        return Alignment::default();
    }
    trace_back(bi, bj, |i, j| dir[i * w + j])
}

/// The alignment that ends at DP cell `(bi, bj)`, followed back through
/// `dir_at(i, j)`: 1 a matched pair, 2 a substitution, 3 a gap in `b`, 4 a
/// gap in `a`, 0 the start (a cell scored 0 or outside the band).
fn trace_back(bi: usize, bj: usize, dir_at: impl Fn(usize, usize) -> u8) -> Alignment {
    let mut pairs = Vec::new();
    let (mut i, mut j) = (bi, bj);
    while i > 0 && j > 0 {
        match dir_at(i, j) {
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

/// The cells of the DP an over-long pair is aligned on: for token `i` of
/// `a` (DP row `i + 1`), columns `lo[i]..=hi[i]` of `b` (1-based like the
/// DP's columns; empty when `lo > hi`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    /// Every cell: the band on which [`banded_align`] is the full DP.
    #[cfg(test)]
    fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![1; n],
            hi: vec![m; n],
        }
    }

    /// Number of cells.
    #[cfg(test)]
    fn cells(&self) -> usize {
        self.lo
            .iter()
            .zip(&self.hi)
            .map(|(&l, &h)| (h + 1).saturating_sub(l))
            .sum()
    }
}

/// Hash of the `k` tokens of `a` starting at each position, with the
/// position, sorted; only content tokens when `k == 1`.
fn gram_keys(t: &[Tok], k: usize) -> Vec<(u64, usize)> {
    if t.len() < k {
        return Vec::new();
    }
    let mut keys: Vec<(u64, usize)> = (0..=t.len() - k)
        .filter(|&i| k > 1 || t[i].is_content())
        .map(|i| {
            let h = t[i..i + k]
                .iter()
                .fold(0u64, |h, x| h.rotate_left(21) ^ x.word);
            (h, i)
        })
        .collect();
    keys.sort_unstable();
    keys
}

/// The runs of equal keys that two key-sorted lists share, as index ranges
/// into each (a sorted merge join), in key order.
pub(crate) fn equal_key_runs<'k>(
    ka: &'k [(u64, usize)],
    kb: &'k [(u64, usize)],
) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + 'k {
    let (mut x, mut y) = (0, 0);
    std::iter::from_fn(move || {
        while x < ka.len() && y < kb.len() {
            match ka[x].0.cmp(&kb[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    let key = ka[x].0;
                    let x_end = x + ka[x..].partition_point(|e| e.0 == key);
                    let y_end = y + kb[y..].partition_point(|e| e.0 == key);
                    let runs = (x..x_end, y..y_end);
                    (x, y) = (x_end, y_end);
                    return Some(runs);
                }
            }
        }
        None
    })
}

/// Anchor points `(i, j)`: equal word trigrams of `a` and `b` (equal words
/// when no trigram is shared), each occurring at most [`MAX_SEED_REPEAT`]
/// times in either unit.
fn seeds(a: &[Tok], b: &[Tok]) -> Vec<(usize, usize)> {
    for k in [3, 1] {
        let (ka, kb) = (gram_keys(a, k), gram_keys(b, k));
        let mut out = Vec::new();
        for (ra, rb) in equal_key_runs(&ka, &kb) {
            if ra.len() <= MAX_SEED_REPEAT && rb.len() <= MAX_SEED_REPEAT {
                for &(_, i) in &ka[ra] {
                    out.extend(kb[rb.clone()].iter().map(|&(_, j)| (i, j)));
                }
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

/// The longest chain of `seeds` strictly increasing in both coordinates
/// (longest increasing subsequence, O(s log s)), ascending.
fn chain(mut seeds: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    // Ascending i, and within one i descending j, so one i is used once.
    seeds.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = vec![usize::MAX; seeds.len()];
    for (k, &(_, j)) in seeds.iter().enumerate() {
        let pos = tails.partition_point(|&t| seeds[t].1 < j);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        out.push(seeds[k]);
        k = prev[k];
    }
    out.reverse();
    out
}

/// The band of an over-long pair: within `w` columns of the seed chain
/// (linear between anchors, diagonal before the first and after the last),
/// `w` as wide as `max_cells` allows (at most [`MAX_BAND_HALF_WIDTH`]).
/// Empty when the units share no seed.
pub(crate) fn seed_band(a: &[Tok], b: &[Tok], max_cells: usize) -> Band {
    let (n, m) = (a.len(), b.len());
    let anchors = chain(seeds(a, b));
    let (Some(&first), Some(&last)) = (anchors.first(), anchors.last()) else {
        return Band::default();
    };
    // Each row spans its own centre to the next one's (at most m in all)
    // plus `w` on each side.
    let w = (max_cells.saturating_sub(2 * n + m) / (2 * n)).min(MAX_BAND_HALF_WIDTH) as isize;
    // Centre column (0-based in `b`) of token row `i`, for i in 0..=n.
    let mut centre: Vec<isize> = Vec::with_capacity(n + 1);
    let mut next = 0; // anchors[next] is the first anchor with i >= row
    for i in 0..=n {
        while next < anchors.len() && anchors[next].0 < i {
            next += 1;
        }
        let c = if i <= first.0 {
            first.1 as isize - (first.0 - i) as isize
        } else if next == anchors.len() {
            (last.1 + (i - last.0)) as isize
        } else {
            let (i0, j0) = anchors[next - 1];
            let (i1, j1) = anchors[next];
            (j0 + (i - i0) * (j1 - j0) / (i1 - i0)) as isize
        };
        centre.push(c);
    }
    let (mut lo, mut hi) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        // DP columns are 1-based.
        let l = (centre[i] + 1 - w).max(1);
        let h = (centre[i + 1] + 1 + w).min(m as isize);
        if l > h {
            lo.push(1);
            hi.push(0);
        } else {
            lo.push(l as usize);
            hi.push(h as usize);
        }
    }
    Band { lo, hi }
}

/// The Smith-Waterman of [`full_align`] on the cells of `band` only (the
/// others count as 0): one direction byte per band cell and two score rows.
pub(crate) fn banded_align(a: &[Tok], wa: &[f32], b: &[Tok], wb: &[f32], band: &Band) -> Alignment {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 || band.lo.len() != n {
        return Alignment::default();
    }
    let mut start = Vec::with_capacity(n + 1);
    let mut total = 0usize;
    start.push(0);
    for i in 0..n {
        total += (band.hi[i] + 1).saturating_sub(band.lo[i]);
        start.push(total);
    }
    // 0 = stop (or outside the band), 1 = diagonal match, 2 = diagonal
    // mismatch, 3 = up, 4 = left
    let mut dir = vec![0u8; total];
    // `prev` holds row i-1 on `prev_iv`, `cur` row i-2 on `stale` (cleared
    // before row i is written); every other entry is 0.
    let mut prev = vec![0f32; m + 1];
    let mut cur = vec![0f32; m + 1];
    let (mut prev_iv, mut stale) = ((1usize, 0usize), (1usize, 0usize));
    let (mut best, mut bi, mut bj) = (0f32, 0usize, 0usize);
    for i in 1..=n {
        let (lo, hi) = (band.lo[i - 1], band.hi[i - 1]);
        if stale.0 <= stale.1 {
            cur[stale.0..=stale.1].fill(0.0);
        }
        let ta = &a[i - 1];
        let row = &mut dir[start[i - 1]..start[i]];
        for j in lo..=hi {
            let tb = &b[j - 1];
            let (diag, d) = if tokens_match(ta, tb) {
                let s = if ta.is_content() && tb.is_content() {
                    0.5 * (wa[i - 1] + wb[j - 1])
                } else {
                    STOP_MATCH
                };
                (prev[j - 1] + s, 1u8)
            } else {
                (prev[j - 1] - MISMATCH, 2u8)
            };
            let up = prev[j] - GAP;
            let left = cur[j - 1] - GAP;
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
            cur[j] = v;
            row[j - lo] = dv;
            if v > best {
                best = v;
                bi = i;
                bj = j;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
        stale = prev_iv;
        prev_iv = (lo, hi);
    }
    if best <= 0.0 {
        return Alignment::default();
    }
    let dir_at = |i: usize, j: usize| -> u8 {
        let (lo, hi) = (band.lo[i - 1], band.hi[i - 1]);
        if (lo..=hi).contains(&j) {
            dir[start[i - 1] + j - lo]
        } else {
            0
        }
    };
    trace_back(bi, bj, dir_at)
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
            .find(|&(_, c)| is_alphanumeric(c))
            .map_or(0, |(i, _)| i);
        let trail = chunk
            .char_indices()
            .rev()
            .find(|&(_, c)| is_alphanumeric(c))
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

/// `char::is_alphanumeric`, answered without the Unicode tables for the
/// letters of the Arabic alphabet (most of what it sees; the tables' search
/// was a third of the time of mapping tokens back to display text).
fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
        || (!c.is_ascii() && c.is_alphanumeric())
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

/// Above this many matched tokens, [`best_passage`] considers windows
/// between blocks of consecutive matched tokens (at most this many blocks)
/// instead of between single tokens: O(k²) stays bounded.
pub(crate) const MAX_PASSAGE_STARTS: usize = 2048;

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
    best_passage_capped(wa, wb, match_a, sim_a, min_density, MAX_PASSAGE_STARTS)
}

/// [`best_passage`] with block windows above `max_starts` matched tokens.
fn best_passage_capped(
    wa: &[f32],
    wb: &[f32],
    match_a: &[Option<usize>],
    sim_a: &[f32],
    min_density: f32,
    max_starts: usize,
) -> Passage {
    let p1 = passage_over_a(wa, wb, match_a, sim_a, min_density, max_starts);
    let mut match_b = vec![None; wb.len()];
    let mut sim_b = vec![0f32; wb.len()];
    for (i, m) in match_a.iter().enumerate() {
        if let Some(j) = *m {
            match_b[j] = Some(i);
            sim_b[j] = sim_a[i];
        }
    }
    let p2 = passage_over_a(wb, wa, &match_b, &sim_b, min_density, max_starts);
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
    max_starts: usize,
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
    // Up to `max_starts` matched tokens every window is scanned (blocks of
    // one token); beyond, windows start and end at block bounds.
    let best = best_block_window(
        (wa, &pa),
        (wb, &pb),
        sim_a,
        &matched,
        min_density,
        max_starts.min(matched.len()),
    );
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

/// The best window of [`passage_over_a`]: windows start at the first
/// matched token of a block of consecutive ones and end at the last of a
/// block, with at most `max_starts` blocks (with `max_starts` equal to the
/// number of matched tokens, every block is one token: the exact scan).
/// Returns (mass, window weight, first, last matched index); `pa`, `pb` are
/// the prefix sums of `wa`, `wb`.
fn best_block_window(
    (wa, pa): (&[f32], &[f32]),
    (wb, pb): (&[f32], &[f32]),
    sim_a: &[f32],
    matched: &[(usize, usize)],
    min_density: f32,
    max_starts: usize,
) -> Option<(f32, f32, usize, usize)> {
    let size = matched.len().div_ceil(max_starts);
    // Per block: first and last matched index, lowest and highest j, and
    // the matched weight on each side.
    let blocks: Vec<(usize, usize, usize, usize, f32, f32)> = (0..matched.len())
        .step_by(size)
        .map(|s| {
            let e = (s + size).min(matched.len()) - 1;
            let part = &matched[s..=e];
            let lo = part.iter().map(|p| p.1).min().unwrap_or(0);
            let hi = part.iter().map(|p| p.1).max().unwrap_or(0);
            let ma = part.iter().map(|&(i, _)| sim_a[i] * wa[i]).sum();
            let mb = part.iter().map(|&(i, j)| sim_a[i] * wb[j]).sum();
            (s, e, lo, hi, ma, mb)
        })
        .collect();
    let mut best: Option<(f32, f32, usize, usize)> = None;
    for b1 in 0..blocks.len() {
        let (mut lo, mut hi) = (usize::MAX, 0usize);
        let (mut ma, mut mb) = (0f32, 0f32);
        let start = blocks[b1].0;
        for &(_, e, blo, bhi, bma, bmb) in &blocks[b1..] {
            lo = lo.min(blo);
            hi = hi.max(bhi);
            ma += bma;
            mb += bmb;
            let wa_win = pa[matched[e].0 + 1] - pa[matched[start].0];
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
                best = Some((ma + mb, w, start, e));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::features;

    /// `n` words drawn from a vocabulary of `vocab` made-up Arabic words.
    fn words(seed: &mut u64, n: usize, vocab: u64) -> Vec<String> {
        const LETTERS: [char; 12] = ['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'م', 'ن'];
        (0..n)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let mut k = (*seed >> 33) % vocab;
                let mut w = String::new();
                for _ in 0..4 {
                    w.push(LETTERS[(k % 12) as usize]);
                    k /= 12;
                }
                w
            })
            .collect()
    }

    fn toks(text: &str) -> (Vec<Tok>, Vec<f32>) {
        let f = features(text);
        let t = f.toks().to_vec();
        let w = t.iter().map(|t| t.weight).collect();
        (t, w)
    }

    fn same(x: &Alignment, y: &Alignment) -> bool {
        x.pairs == y.pairs && x.region_a == y.region_a && x.region_b == y.region_b
    }

    /// `a` = filler, shared, filler; `b` = other filler, the shared words
    /// with every 37th replaced and a word inserted every 101, other filler.
    fn copied_pair(seed: &mut u64, filler: usize, shared: usize) -> (String, String) {
        let s = words(seed, shared, 3000);
        let mut edited = Vec::new();
        for (k, w) in s.iter().enumerate() {
            if k % 101 == 50 {
                edited.push("زائدة".to_string());
            }
            edited.push(if k % 37 == 20 {
                "مختلفة".to_string()
            } else {
                w.clone()
            });
        }
        let a = [words(seed, filler, 3000), s, words(seed, filler, 3000)].concat();
        let b = [
            words(seed, filler / 3, 3000),
            edited,
            words(seed, filler / 3, 3000),
        ]
        .concat();
        (a.join(" "), b.join(" "))
    }

    #[test]
    fn alphanumeric_fast_path_is_the_standard_library_s() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn banded_align_on_the_full_band_is_the_full_dp() {
        let mut seed = 1;
        for round in 0..40 {
            let (n, m) = (1 + round * 3 % 70, 1 + round * 7 % 90);
            // A small vocabulary: many matches, many ties.
            let (a, wa) = toks(&words(&mut seed, n, 20).join(" "));
            let (b, wb) = toks(&words(&mut seed, m, 20).join(" "));
            let full = full_align(&a, &wa, &b, &wb);
            let banded = banded_align(&a, &wa, &b, &wb, &Band::full(a.len(), b.len()));
            assert!(same(&full, &banded), "{full:?}\n{banded:?}");
            // The reused direction buffer may hold anything on entry.
            for junk in 0..5u8 {
                let mut dir = vec![junk; (n + 2) * (m + 2)];
                let dirty = full_align_in(&a, &wa, &b, &wb, &mut dir);
                assert!(same(&dirty, &banded), "{dirty:?}\n{banded:?}");
            }
        }
    }

    #[test]
    fn the_seed_band_finds_the_full_alignment_of_a_copied_passage() {
        let mut seed = 7;
        for (filler, shared) in [(300, 400), (50, 900), (600, 120)] {
            let (ta, tb) = copied_pair(&mut seed, filler, shared);
            let ((a, wa), (b, wb)) = (toks(&ta), toks(&tb));
            let full = full_align(&a, &wa, &b, &wb);
            let band = seed_band(&a, &b, MAX_BAND_CELLS);
            assert!(band.cells() < a.len() * b.len() / 2, "{}", band.cells());
            let banded = banded_align(&a, &wa, &b, &wb, &band);
            assert!(full.pairs.len() > shared * 9 / 10, "{:?}", full.region_a);
            assert!(same(&full, &banded), "{full:?}\n{banded:?}");
            // A band squeezed to its narrowest still follows the copy.
            let thin = seed_band(&a, &b, 0);
            let banded = banded_align(&a, &wa, &b, &wb, &thin);
            assert!(thin.cells() <= 2 * a.len() + b.len(), "{}", thin.cells());
            assert!(
                banded.pairs.len() > shared * 8 / 10,
                "{:?} {:?}",
                banded.region_a,
                full.region_a
            );
        }
    }

    #[test]
    fn the_seed_band_follows_a_copy_across_an_insertion_and_a_cut() {
        let mut seed = 13;
        let s = words(&mut seed, 900, 3000);
        let a = [
            words(&mut seed, 400, 3000),
            s.clone(),
            words(&mut seed, 400, 3000),
        ]
        .concat();
        // 60 new words after the copy's 300th, its words 500..580 cut.
        let b = [
            words(&mut seed, 100, 3000),
            s[..300].to_vec(),
            words(&mut seed, 60, 3000),
            s[300..500].to_vec(),
            s[580..].to_vec(),
            words(&mut seed, 100, 3000),
        ]
        .concat();
        let ((a, wa), (b, wb)) = (toks(&a.join(" ")), toks(&b.join(" ")));
        let full = full_align(&a, &wa, &b, &wb);
        assert!(full.pairs.len() >= 800, "{:?}", full.region_a);
        let banded = banded_align(&a, &wa, &b, &wb, &seed_band(&a, &b, MAX_BAND_CELLS));
        assert!(same(&full, &banded), "{full:?}\n{banded:?}");
    }

    #[test]
    fn pairs_up_to_the_cell_bound_get_the_exact_dp() {
        let mut seed = 3;
        // (n+1)·(m+1) = MAX_FULL_CELLS exactly, then one token more.
        let (ta, tb) = copied_pair(&mut seed, 700, 800);
        let ((mut a, mut wa), (mut b, mut wb)) = (toks(&ta), toks(&tb));
        a.truncate(2047);
        wa.truncate(2047);
        b.resize(2047, b[0]);
        wb.resize(2047, wb[0]);
        assert_eq!((a.len() + 1) * (b.len() + 1), MAX_FULL_CELLS);
        let exact = full_align(&a, &wa, &b, &wb);
        assert!(same(&local_align(&a, &wa, &b, &wb), &exact));
        assert!(exact.pairs.len() > 700);
        // Above the bound: banded, and here still the same alignment.
        a.push(a[0]);
        wa.push(wa[0]);
        let exact = full_align(&a, &wa, &b, &wb);
        assert!(same(&local_align(&a, &wa, &b, &wb), &exact));
    }

    #[test]
    fn the_band_keeps_to_its_cell_budget() {
        let mut seed = 11;
        let (ta, tb) = copied_pair(&mut seed, 9000, 3000);
        let ((a, _), (b, _)) = (toks(&ta), toks(&tb));
        for budget in [0, 1 << 16, 1 << 20, MAX_BAND_CELLS] {
            let cells = seed_band(&a, &b, budget).cells();
            assert!(
                cells <= budget.max(2 * a.len() + b.len()),
                "{cells} > {budget}"
            );
        }
        // Nothing shared: no band, no alignment.
        let (c, _) = toks(&"كلمة ".repeat(50));
        assert_eq!(seed_band(&a, &c, MAX_BAND_CELLS).cells(), 0);
    }

    #[test]
    fn block_windows_find_the_dense_passage_of_a_huge_pair() {
        // 12,000 tokens a side; a dense copied run of 3,000 in the middle
        // of `a` (at 9,000 in `b`), and a matched token every 10 elsewhere.
        let n = 12_000;
        let w = vec![1f32; n];
        let mut match_a = vec![None; n];
        for i in (0..n).step_by(10) {
            match_a[i] = Some((i * 7919) % n / 10 * 10 + 1);
        }
        for (k, m) in match_a[4000..7000].iter_mut().enumerate() {
            *m = Some(9000 - 3000 + k / 2 * 2 + k % 2);
        }
        // Keep it one-to-one.
        let mut used = vec![false; n];
        for m in &mut match_a {
            if let Some(j) = *m {
                if used[j] {
                    *m = None;
                } else {
                    used[j] = true;
                }
            }
        }
        let sim = vec![1f32; n];
        let exact = best_passage_capped(&w, &w, &match_a, &sim, 0.5, usize::MAX);
        let blocked = best_passage_capped(&w, &w, &match_a, &sim, 0.5, 64);
        assert!(exact.pairs.len() >= 3000, "{:?}", exact.region_a);
        assert!(blocked.density() >= 0.5);
        assert!(blocked.mass() >= 0.97 * exact.mass(), "{blocked:?}");
        assert!(blocked.region_a.start + 200 >= exact.region_a.start);
        assert!(blocked.region_a.end <= exact.region_a.end + 200);
        // At most `max_starts` matched tokens: the exact scan.
        let few: Vec<Option<usize>> = match_a[..3000].to_vec();
        let w3 = &w[..3000];
        assert_eq!(
            best_passage_capped(w3, &w, &few, &sim, 0.5, usize::MAX),
            best_passage_capped(w3, &w, &few, &sim, 0.5, MAX_PASSAGE_STARTS)
        );
    }
}

//! Over-long units (a scraped page, table or transcript without
//! punctuation is one "sentence" of tens of thousands of words) are scored
//! in bounded memory: the alignment of such a pair once allocated a full
//! (n+1)·(m+1) DP matrix, 1.1 GB for the pair below and 80 GB for a
//! 200,000-word line against its first half, which aborted the run.
//!
//! Each test checks the peak resident memory of this test binary (`VmHWM`
//! in `/proc/self/status`; skipped with a printed reason where that file
//! does not exist), which the old matrix, written in full, would have
//! pushed above a gigabyte.

use isnad_score::{Tier, compare, features, passage};

/// Peak resident memory allowed: the inputs are a few MB, their features
/// some tens; the old DP matrix of the first pair was 889 MB of scores plus
/// 222 MB of directions.
const MAX_PEAK_BYTES: u64 = 256 << 20;

/// Peak resident memory of this process so far, where Linux reports it.
fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[allow(clippy::print_stderr)]
fn assert_peak_bounded() {
    match peak_resident_bytes() {
        Some(peak) => assert!(peak < MAX_PEAK_BYTES, "peak resident memory {peak} bytes"),
        None => eprintln!("skipping the memory check: no VmHWM in /proc/self/status"),
    }
}

/// `n` words drawn from 3,000 made-up Arabic words (deterministic).
fn words(seed: &mut u64, n: usize) -> Vec<String> {
    const LETTERS: [char; 12] = ['ب', 'ت', 'ج', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'م', 'ن'];
    (0..n)
        .map(|_| {
            *seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let mut k = (*seed >> 33) % 3000;
            let mut w = String::new();
            for _ in 0..4 {
                w.push(LETTERS[(k % 12) as usize]);
                k /= 12;
            }
            w
        })
        .collect()
}

/// Byte length of `words` joined by single spaces, plus the joining space.
fn joined_len(words: &[String]) -> usize {
    words.iter().map(|w| w.len() + 1).sum()
}

/// Bytes of `range` covered by `spans`.
fn covered(spans: &[std::ops::Range<usize>], range: &std::ops::Range<usize>) -> usize {
    spans
        .iter()
        .map(|s| {
            s.end
                .min(range.end)
                .saturating_sub(s.start.max(range.start))
        })
        .sum()
}

#[test]
fn a_passage_copied_into_a_huge_unit_is_found_without_a_huge_allocation() {
    let mut seed = 5;
    // 22,000 words: 6,000 filler, the 10,000 shared words, 6,000 filler.
    let (before, shared, after) = (
        words(&mut seed, 6000),
        words(&mut seed, 10_000),
        words(&mut seed, 6000),
    );
    let a = [before.clone(), shared.clone(), after].concat().join(" ");
    // The shared words lightly edited: every 37th replaced, a word added every 101.
    let mut edited = Vec::new();
    for (k, w) in shared.iter().enumerate() {
        if k % 101 == 50 {
            edited.push("زائدة".to_string());
        }
        edited.push(if k % 37 == 20 {
            "مختلفة".to_string()
        } else {
            w.clone()
        });
    }
    let b = edited.join(" ");
    let fa = features(&a);
    assert!(
        fa.len() * features(&b).len() * 5 > 1 << 30,
        "too small to test the bound"
    );

    let scored = compare(&a, &b);
    assert_eq!(scored.tier, Some(Tier::Partial), "{:?}", scored.components);
    let start = joined_len(&before);
    let region = start..start + joined_len(&shared) - 1;
    let in_a = covered(&scored.spans_a, &region);
    assert!(
        in_a * 100 >= region.len() * 99,
        "{in_a} of {region:?}: {:?}",
        scored.spans_a
    );
    let outside = scored.spans_a.iter().map(|s| s.len()).sum::<usize>() - in_a;
    assert!(
        outside < 100,
        "{outside} bytes outside the copy: {:?}",
        scored.spans_a
    );
    let in_b = covered(&scored.spans_b, &(0..b.len()));
    assert!(
        in_b * 100 >= b.len() * 99,
        "{in_b} of {}: {:?}",
        b.len(),
        scored.spans_b
    );

    // The word-order-free passage finds the copy too.
    let p = passage(&fa, &features(&b), 0.5);
    assert!(p.tokens >= 9000, "{p:?}");
    assert_peak_bounded();
}

#[test]
fn a_table_repeating_few_words_through_huge_units_is_scored_in_bounded_memory() {
    // One key repeated tens of thousands of times on both sides: no seed
    // (too frequent), and the soft matching pairs the repeats in order.
    let row = "الحكومة محمد محمود 2015 ";
    let a = row.repeat(12_000);
    let b = format!("{}{}", row.repeat(9_000), "أحمد حامد ".repeat(3_000));
    let scored = compare(&a, &b);
    assert!(scored.tier.is_some(), "{:?}", scored.components);
    assert!(!scored.spans_a.is_empty() && !scored.spans_b.is_empty());
    assert_peak_bounded();
}

#[test]
fn a_table_of_figures_is_checked_for_changed_figures_in_bounded_memory() {
    // `ريال 0 ريال 1 …` against the same table shifted by a tenth of its
    // rows: most figures shared, a tenth changed in the same slot. 200 rows
    // are compared figure by figure, 12,000 (1.44 million pairs of changed
    // figures) through the slot index; both find the same changes.
    for rows in [200usize, 12_000] {
        let table = |from: usize| {
            (from..from + rows)
                .map(|k| format!("ريال {k}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let shift = rows / 10;
        let scored = compare(&table(0), &table(shift));
        assert_eq!(
            scored.tier,
            Some(Tier::Conflicting),
            "{:?}",
            scored.components
        );
        let changed: Vec<(&str, &str)> = scored
            .conflicts
            .iter()
            .map(|c| (c.a.as_str(), c.b.as_str()))
            .collect();
        // Each figure of `a` that `b` lacks (0..shift) pairs with one that
        // `a` lacks (rows..rows + shift) in the same slot.
        assert_eq!(changed.len(), shift, "{changed:?}");
        for (k, (a, b)) in changed.iter().enumerate() {
            assert_eq!(*a, k.to_string(), "{changed:?}");
            let b: usize = b.parse().expect("a figure");
            assert!((rows..rows + shift).contains(&b), "{changed:?}");
        }
    }
    assert_peak_bounded();
}

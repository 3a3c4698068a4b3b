//! Identical output for 1, 2 and 8 threads, on the seed articles and on a
//! larger synthetic mix that forces the stem index (not the exhaustive
//! fallback) and copy groups.

use isnad_score::{
    CandidateMode, MatchOptions, UnitRef, find_match_set, find_matches, group_match_set,
    group_statements,
};
use std::path::Path;

fn seed_texts() -> Vec<(u32, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).expect("manifest");
    manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).expect("manifest line");
            let file = v["file"].as_str().expect("file");
            (
                i as u32,
                std::fs::read_to_string(dir.join(file)).expect("seed"),
            )
        })
        .collect()
}

/// Seed sentences, each also republished by other "outlets" with light edits
/// (a dropped first word, a swapped pair of words), plus exact copies.
fn corpus(texts: &[(u32, String)]) -> Vec<(String, u32, Option<i32>)> {
    let mut out = Vec::new();
    for (src, text) in texts {
        for u in isnad_segment::segment(text) {
            if !u.kind.is_statement() {
                continue;
            }
            let s = text[u.span.clone()].to_string();
            let words: Vec<&str> = s.split_whitespace().collect();
            out.push((s.clone(), *src, Some(100 + *src as i32)));
            out.push((s.clone(), src + 10, Some(101)));
            if words.len() > 4 {
                out.push((words[1..].join(" "), src + 20, Some(102)));
                let mut w = words.clone();
                w.swap(1, 2);
                out.push((w.join(" "), src + 30, None));
            }
        }
    }
    out
}

fn in_pool<T: Send>(n: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .expect("pool")
        .install(f)
}

#[test]
fn same_output_for_1_2_and_8_threads() {
    let texts = seed_texts();
    let owned = corpus(&texts);
    let units: Vec<UnitRef> = owned
        .iter()
        .map(|(t, s, d)| UnitRef {
            text: t,
            source: *s,
            day: *d,
        })
        .collect();
    // The index on everything; the exhaustive fallback on a slice (it is
    // quadratic, and this test runs in debug builds).
    for (mode, units) in [
        (CandidateMode::Indexed, &units[..]),
        (CandidateMode::Exhaustive, &units[..units.len().min(80)]),
    ] {
        let opts = MatchOptions {
            candidates: mode,
            within_days: Some(1),
            ..MatchOptions::default()
        };
        let run = |n| {
            in_pool(n, || {
                let m = find_matches(units, &opts);
                let st = group_statements(units, &m);
                let set = find_match_set(units, &opts, &|_| {});
                let st2 = group_match_set(units, &set);
                (m, st, set, st2)
            })
        };
        let one = run(1);
        assert!(!one.0.is_empty() && !one.1.is_empty(), "nothing matched");
        assert!(
            one.0
                .windows(2)
                .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b))
        );
        assert!(one.0.iter().all(|m| m.a < m.b));
        for n in [2, 8] {
            let other = run(n);
            assert!(one.0 == other.0, "matches differ at {n} threads ({mode:?})");
            assert!(
                one.1 == other.1,
                "statements differ at {n} threads ({mode:?})"
            );
            assert!(
                one.2 == other.2,
                "match sets differ at {n} threads ({mode:?})"
            );
            assert!(
                one.3 == other.3,
                "compact statements differ at {n} threads ({mode:?})"
            );
        }
    }
}

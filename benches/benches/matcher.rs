//! Criterion benchmarks of many-unit matching: candidate generation plus
//! scoring in compact form (`find_match_set`), the expanded unit-pair form
//! (`find_matches`) and statement grouping, in units/s — on the seed
//! articles and, when `../shared/data/saudinewsnet` is present, on the
//! articles of one SaudiNewsNet day (so the stem index, not the exhaustive
//! fallback, is exercised).
//!
//! Run: `cargo bench -p isnad-bench --bench matcher`.
//! Candidate and scored pair counts of the measured inputs are printed once
//! to stderr, so pairs/s follow from the time per iteration.
#![allow(clippy::print_stderr, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_score::{
    CandidateMode, MatchOptions, UnitRef, find_match_set, find_matches, group_match_set,
};
use std::hint::black_box;

use isnad_bench::SEEDS;

/// Statement units of `(source, text)` articles.
fn units_of(articles: &[(u32, String)]) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for (src, text) in articles {
        for u in isnad_segment::segment(text) {
            if u.kind.is_statement() {
                out.push((*src, text[u.span.clone()].to_string()));
            }
        }
    }
    out
}

/// Articles of the first SaudiNewsNet day (up to `n`), outlets numbered by name, or why not.
fn saudinewsnet_articles(n: usize) -> Result<Vec<(u32, String)>, String> {
    let articles = isnad_bench::saudinewsnet_first_day()?;
    let mut outlets: Vec<&str> = articles
        .iter()
        .filter_map(|a| a.get("source").and_then(|s| s.as_str()))
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    Ok(articles
        .iter()
        .take(n)
        .filter_map(|a| {
            let src = a.get("source")?.as_str()?;
            let text = a.get("content")?.as_str()?;
            Some((
                outlets.binary_search(&src).unwrap_or(0) as u32,
                text.to_string(),
            ))
        })
        .collect())
}

fn bench_units(c: &mut Criterion, name: &str, owned: &[(u32, String)], mode: CandidateMode) {
    let units: Vec<UnitRef> = owned
        .iter()
        .map(|(s, t)| UnitRef {
            text: t,
            source: *s,
            day: None,
        })
        .collect();
    let opts = MatchOptions {
        candidates: mode,
        ..MatchOptions::default()
    };
    let set = find_match_set(&units, &opts, &|_| {});
    eprintln!(
        "{name}: {} units, {} distinct keys, {} candidate pairs scored, {} key matches, {} copy groups",
        set.stats.units,
        set.stats.distinct_keys,
        set.stats.candidate_pairs,
        set.stats.key_matches,
        set.stats.copy_groups
    );
    let mut g = c.benchmark_group(format!("matcher/{name}"));
    g.sample_size(10);
    g.throughput(Throughput::Elements(units.len() as u64));
    g.bench_function("find_match_set", |b| {
        b.iter(|| find_match_set(black_box(&units), &opts, &|_| {}))
    });
    g.bench_function("find_matches", |b| {
        b.iter(|| find_matches(black_box(&units), &opts))
    });
    g.bench_function("group_match_set", |b| {
        b.iter(|| group_match_set(black_box(&units), &set))
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let seeds: Vec<(u32, String)> = SEEDS
        .iter()
        .enumerate()
        .map(|(i, t)| (i as u32, t.to_string()))
        .collect();
    let seed_units = units_of(&seeds);
    bench_units(c, "seeds", &seed_units, CandidateMode::Auto);
    bench_units(c, "seeds-indexed", &seed_units, CandidateMode::Indexed);
    match saudinewsnet_articles(1000) {
        Ok(a) if !a.is_empty() => {
            bench_units(c, "saudinewsnet-1000", &units_of(&a), CandidateMode::Auto)
        }
        Ok(_) => eprintln!("skipped saudinewsnet bench: no articles"),
        Err(e) => eprintln!("skipped saudinewsnet bench: {e}"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

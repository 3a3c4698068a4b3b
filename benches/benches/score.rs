//! Criterion benchmarks of pair-level scoring: feature extraction (units/s)
//! and pair scoring (pairs/s), on the seed articles' sentences and, when
//! `../shared/data/saudinewsnet` is present, on SaudiNewsNet sentences.
//!
//! Run: `cargo bench -p isnad-bench --bench score`.
#![allow(clippy::print_stderr, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_score::{Features, features, quick_reject, score_features};
use std::hint::black_box;

use isnad_bench::SEEDS;

/// Sentences of the seed articles, with the article index.
fn seed_units() -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, text) in SEEDS.iter().enumerate() {
        for u in isnad_segment::segment(text) {
            out.push((i, text[u.span.clone()].to_string()));
        }
    }
    out
}

/// Up to `n` sentences (≥ 8 words) of the first SaudiNewsNet day, or why not.
fn saudinewsnet_units(n: usize) -> Result<Vec<String>, String> {
    let articles = isnad_bench::saudinewsnet_first_day()?;
    let mut out = Vec::new();
    for a in &articles {
        let Some(text) = a.get("content").and_then(|c| c.as_str()) else {
            continue;
        };
        for u in isnad_segment::segment(text) {
            let s = &text[u.span.clone()];
            if s.split_whitespace().count() >= 8 {
                out.push(s.to_string());
                if out.len() == n {
                    return Ok(out);
                }
            }
        }
    }
    Ok(out)
}

fn bench_set(c: &mut Criterion, name: &str, units: &[String], pairs: &[(usize, usize)]) {
    let mut g = c.benchmark_group(format!("score/{name}"));
    g.throughput(Throughput::Elements(units.len() as u64));
    g.bench_function("features (units)", |b| {
        b.iter(|| {
            units
                .iter()
                .map(|u| features(black_box(u)))
                .collect::<Vec<_>>()
        })
    });
    let feats: Vec<Features> = units.iter().map(|u| features(u)).collect();
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("score_features (pairs)", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter(|&&(i, j)| {
                    score_features(&feats[i], &units[i], &feats[j], &units[j])
                        .tier
                        .is_some()
                })
                .count()
        })
    });
    g.bench_function("quick_reject (pairs)", |b| {
        b.iter(|| {
            pairs
                .iter()
                .filter(|&&(i, j)| quick_reject(&feats[i], &feats[j]))
                .count()
        })
    });
    g.finish();
    let tiered = pairs
        .iter()
        .filter(|&&(i, j)| {
            score_features(&feats[i], &units[i], &feats[j], &units[j])
                .tier
                .is_some()
        })
        .count();
    let rejected = pairs
        .iter()
        .filter(|&&(i, j)| quick_reject(&feats[i], &feats[j]))
        .count();
    eprintln!(
        "score/{name}: {} units, {} pairs, {tiered} with a tier, {rejected} quick-rejected",
        units.len(),
        pairs.len()
    );
}

fn bench(c: &mut Criterion) {
    let seeds = seed_units();
    let texts: Vec<String> = seeds.iter().map(|(_, t)| t.clone()).collect();
    // All cross-article pairs of seed sentences.
    let mut pairs = Vec::new();
    for i in 0..seeds.len() {
        for j in i + 1..seeds.len() {
            if seeds[i].0 != seeds[j].0 {
                pairs.push((i, j));
            }
        }
    }
    bench_set(c, "seeds", &texts, &pairs);

    match saudinewsnet_units(2000) {
        Ok(units) if units.len() >= 100 => {
            // Neighbouring sentences (same topic, often same article) and a
            // fixed stride of far pairs: a mix of near and unrelated pairs.
            let n = units.len();
            let mut pairs: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
            pairs.extend(
                (0..n)
                    .map(|i| (i, (i * 7919 + 13) % n))
                    .filter(|(i, j)| i != j),
            );
            bench_set(c, "saudinewsnet", &units, &pairs);
        }
        Ok(units) => eprintln!(
            "skipped saudinewsnet bench: only {} sentences found",
            units.len()
        ),
        Err(e) => eprintln!("skipped saudinewsnet bench: {e}"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

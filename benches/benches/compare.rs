//! End-to-end `compare` (`isnad_report::build` plus the JSON renderer), the
//! library path that `isnad compare` runs after reading its input.
//!
//! Two inputs:
//! - the five seed articles of `fixtures/seeds/` with their manifest's
//!   outlets and dates (always present);
//! - the first [`SAMPLE_ARTICLES`] SaudiNewsNet articles (file order of the
//!   first day's zip in `../shared/data/saudinewsnet/dataset`) when that data
//!   is present: many outlets on one day, with wire copy, so candidate
//!   generation, scoring and statement grouping all do real work.
//!
//! Throughput is in input bytes (article text). Whole-corpus runs are too
//! long for criterion; `scripts/corpus-bench.py` measures those with the
//! release binary (see BENCHMARKS.md).
//!
//! Run: `cargo bench -p isnad-bench --bench compare`.
#![allow(clippy::print_stderr, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_bench::repo_root;
use isnad_report::{Content, Format, InputArticle, Options, RenderOptions};
use std::hint::black_box;

/// How many SaudiNewsNet articles the corpus sample holds.
const SAMPLE_ARTICLES: usize = 600;

fn article(id: String, outlet: String, date: Option<String>, text: String) -> InputArticle {
    InputArticle {
        id,
        path: "bench".to_string(),
        outlet,
        date,
        content: Content::Text(text),
        ..InputArticle::default()
    }
}

/// The seed articles, with outlet and date from `fixtures/seeds/manifest.jsonl`.
fn seed_articles() -> Vec<InputArticle> {
    let dir = repo_root().join("fixtures/seeds");
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("manifest.jsonl").display()));
    manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("manifest line is JSON");
            let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            let file = field("file").expect("manifest line has file");
            let text =
                std::fs::read_to_string(dir.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            article(
                file.trim_end_matches(".txt").to_string(),
                field("outlet").unwrap_or_default(),
                field("date"),
                text,
            )
        })
        .collect()
}

/// The first `n` non-empty SaudiNewsNet articles of the first day, or why not.
fn saudinewsnet_articles(n: usize) -> Result<Vec<InputArticle>, String> {
    let records = isnad_bench::saudinewsnet_first_day()?;
    let mut out = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let field = |k: &str| r.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let text = field("content");
        if text.trim().is_empty() {
            continue;
        }
        let date = field("date_extracted").get(..10).map(str::to_string);
        out.push(article(format!("snn{i}"), field("source"), date, text));
        if out.len() == n {
            break;
        }
    }
    Ok(out)
}

fn options() -> Options {
    Options {
        sources: isnad_report::provenance::SourceTable::builtin(),
        ..Options::default()
    }
}

fn bench_input(c: &mut Criterion, name: &str, input: &[InputArticle], samples: usize) {
    let bytes: usize = input
        .iter()
        .map(|a| match &a.content {
            Content::Text(t) => t.len(),
            Content::Skipped(_) => 0,
        })
        .sum();
    let options = options();
    let mut g = c.benchmark_group(format!("compare/{name}"));
    g.sample_size(samples);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("build", |b| {
        b.iter(|| isnad_report::build(black_box(input.to_vec()), &options, &|_| {}).unwrap())
    });
    g.bench_function("build + json", |b| {
        b.iter(|| {
            let report = isnad_report::build(black_box(input.to_vec()), &options, &|_| {}).unwrap();
            let mut out = Vec::new();
            isnad_report::render(&report, Format::Json, &RenderOptions::default(), &mut out)
                .unwrap();
            out.len()
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    bench_input(c, "seeds", &seed_articles(), 30);
    match saudinewsnet_articles(SAMPLE_ARTICLES) {
        Ok(articles) => bench_input(
            c,
            &format!("saudinewsnet-{}", articles.len()),
            &articles,
            10,
        ),
        Err(why) => eprintln!("skipping the SaudiNewsNet compare bench: {why}"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

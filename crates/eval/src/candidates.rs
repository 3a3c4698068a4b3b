//! Recall of candidate generation against exhaustive scoring.
//!
//! The stem index must not lose what the scorer would accept. On a seeded
//! sample of SaudiNewsNet articles from one day (small enough that scoring
//! all pairs is feasible), both runs score with the same scorer; recall is
//! the share of key-group pairs accepted by the exhaustive run that the
//! indexed run also accepts, overall and per tier. Missed pairs are printed
//! so a reader can see what kind of reuse the index misses.

use crate::data::{self, SplitMix};
use crate::saudinewsnet::{corpus, stderr_progress};
use isnad_score::{CandidateMode, MatchOptions, Tier};
use std::path::Path;
use std::time::Instant;

/// Options of the candidate-recall evaluation.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Daily zip to sample from (file stem, e.g. 2015-07-21).
    #[arg(long, default_value = "2015-07-21")]
    pub day: String,
    /// Articles to sample (all-pairs cost grows with the square).
    #[arg(long, default_value_t = 400)]
    pub articles: usize,
    /// Seed of the sample.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Missed pairs to print.
    #[arg(long, default_value_t = 10)]
    pub show: usize,
    /// Also measure the index at these shares of common stem weight (comma
    /// separated; the default share is always measured first).
    #[arg(long, value_delimiter = ',')]
    pub min_containment: Vec<f32>,
    /// Also measure the index at the default share with these shares of the
    /// other unit's stem weight (comma separated; 0 is the one-sided join).
    #[arg(long, value_delimiter = ',')]
    pub min_other_containment: Vec<f32>,
    /// Posting-list cap of the index (default: the matcher's, from the number of keys).
    #[arg(long)]
    pub posting_cap: Option<u32>,
}

/// Runs the evaluation.
pub fn run(data: &Path, args: &Args) -> anyhow::Result<()> {
    let zip = data::saudinewsnet_dir(data).join(format!("{}.zip", args.day));
    if !zip.is_file() {
        println!("skipped: {} is absent", zip.display());
        return Ok(());
    }
    let mut articles = data::read_saudinewsnet_zip(&zip)?;
    let mut order: Vec<usize> = (0..articles.len()).collect();
    SplitMix(args.seed).shuffle(&mut order);
    order.truncate(args.articles);
    order.sort_unstable();
    let mut keep = vec![false; articles.len()];
    for &i in &order {
        keep[i] = true;
    }
    let mut k = 0;
    articles.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    let c = corpus(&articles);
    println!(
        "sample: {} articles of {} (seed {}), {} units",
        articles.len(),
        args.day,
        args.seed,
        c.units.len()
    );
    let t0 = Instant::now();
    let run = |mode: CandidateMode, min_containment: Option<f32>, min_other: Option<f32>| {
        let opts = MatchOptions {
            candidates: mode,
            min_containment,
            min_other_containment: min_other,
            posting_cap: args.posting_cap,
            ..MatchOptions::default()
        };
        let t = Instant::now();
        let set = isnad_score::find_match_set(&c.units, &opts, &stderr_progress(t0));
        (set, t.elapsed().as_secs_f64())
    };
    let (ex, t_ex) = run(CandidateMode::Exhaustive, None, None);
    let shares = (args.min_containment.iter())
        .map(|&c| (format!("min containment {c:.2}"), Some(c), None))
        .chain(args.min_other_containment.iter().map(|&o| {
            let name = format!("min other containment {o:.2}");
            (name, None, Some(o))
        }));
    for (name, c, o) in shares {
        let (ix, t_ix) = run(CandidateMode::Indexed, c, o);
        let r = Recall::of(&ex, &ix);
        println!(
            "{name}: recall {}/{} = {:.4}; {} key pairs scored, {} index hits verified, {:.2}s",
            r.got(),
            r.all(),
            r.got() as f64 / r.all().max(1) as f64,
            ix.stats.candidate_pairs,
            ix.stats.verified_pairs,
            t_ix
        );
        // Per tier, so a stricter share can be judged on the copies alone
        // (the paraphrases are what a strict share gives up first).
        let per_tier: Vec<String> = TIERS
            .iter()
            .enumerate()
            .filter(|&(i, _)| r.total[i] > 0)
            .map(|(i, t)| format!("{} {}/{}", t.as_str(), r.hit[i], r.total[i]))
            .collect();
        println!("  by tier: {}", per_tier.join(", "));
    }
    let (ix, t_ix) = run(CandidateMode::Indexed, None, None);
    println!(
        "exhaustive: {} key pairs scored, {} accepted, {:.2}s",
        ex.stats.candidate_pairs, ex.stats.key_matches, t_ex
    );
    println!(
        "indexed:    {} key pairs scored, {} accepted, {:.2}s (posting cap {}, capped probes {})",
        ix.stats.candidate_pairs,
        ix.stats.key_matches,
        t_ix,
        ix.stats.posting_cap,
        ix.stats.capped_probes
    );
    let r = Recall::of(&ex, &ix);
    let found = &r.found;
    println!(
        "candidate recall: {}/{} = {:.4}",
        r.got(),
        r.all(),
        r.got() as f64 / r.all().max(1) as f64
    );
    for (i, t) in TIERS.iter().enumerate() {
        if r.total[i] > 0 {
            println!(
                "  {:<15} {}/{} = {:.4}",
                t.as_str(),
                r.hit[i],
                r.total[i],
                r.hit[i] as f64 / r.total[i] as f64
            );
        }
    }
    // By score band: a tier given at a very low score says more about the
    // scorer than about candidate generation.
    for (lo, hi) in [(0.0f32, 0.2f32), (0.2, 0.5), (0.5, 1.01)] {
        let band: Vec<_> = ex
            .matches
            .iter()
            .filter(|m| m.score >= lo && m.score < hi)
            .collect();
        let got = band
            .iter()
            .filter(|m| found.binary_search(&(m.a, m.b)).is_ok())
            .count();
        println!(
            "  score in [{lo:.1}, {:.1}): {}/{} = {:.4}",
            hi.min(1.0),
            got,
            band.len(),
            got as f64 / band.len().max(1) as f64
        );
    }
    println!(
        "scoring saved: {:.1}x fewer pairs",
        ex.stats.candidate_pairs as f64 / ix.stats.candidate_pairs.max(1) as f64
    );
    for m in r.missed.iter().take(args.show) {
        println!(
            "missed {} {:.3}\n  A: {}\n  B: {}",
            m.tier.as_str(),
            m.score,
            c.units[m.a].text,
            c.units[m.b].text
        );
    }
    Ok(())
}

/// The tiers, in the order recall is reported.
const TIERS: [Tier; 5] = [
    Tier::Verbatim,
    Tier::NearDuplicate,
    Tier::Partial,
    Tier::Paraphrase,
    Tier::Conflicting,
];

/// How many of the exhaustive run's accepted key pairs an indexed run also
/// accepted, per tier of the exhaustive run ([`TIERS`] order).
struct Recall<'a> {
    total: [usize; 5],
    hit: [usize; 5],
    /// The exhaustive run's matches the indexed run lacks.
    missed: Vec<&'a isnad_score::Match>,
    /// The indexed run's pairs, sorted.
    found: Vec<(usize, usize)>,
}

impl<'a> Recall<'a> {
    fn of(ex: &'a isnad_score::MatchSet, ix: &isnad_score::MatchSet) -> Self {
        let mut r = Recall {
            total: [0; 5],
            hit: [0; 5],
            missed: Vec::new(),
            found: ix.matches.iter().map(|m| (m.a, m.b)).collect(),
        };
        for m in &ex.matches {
            let t = TIERS.iter().position(|&t| t == m.tier).unwrap_or(0);
            r.total[t] += 1;
            if r.found.binary_search(&(m.a, m.b)).is_ok() {
                r.hit[t] += 1;
            } else {
                r.missed.push(m);
            }
        }
        r
    }

    fn all(&self) -> usize {
        self.total.iter().sum()
    }

    fn got(&self) -> usize {
        self.hit.iter().sum()
    }
}

//! SaudiNewsNet: how much of each newspaper repeats the Saudi Press Agency, and
//! whether it says so.
//!
//! SaudiNewsNet holds SPA's own wire (outlet `was`, from `واس`) next to the
//! newspapers that reprint it, so it is the real-data check of provenance:
//! the full pipeline ([`isnad_report::build`]: segmentation, matching,
//! statements, provenance) runs over the articles, and for every newspaper
//! the command reports
//!
//! - its sentence units (headline, sentence, quote continuation; clauses are
//!   sub-units and not counted),
//! - how many of them are in a statement that also holds an SPA unit
//!   ("repeat an SPA sentence", any tier kept by `--min-tier`),
//! - how many of those are credited to SPA (dateline `الرياض - واس`, credit
//!   line, `(واس)` signature or in-text `وفقاً لوكالة الأنباء السعودية`), and
//!   the `provenance` the report gives them (against the earliest unit of
//!   another outlet that explains them, SPA or a newspaper; units that came
//!   first or on SPA's day without a time have none and show `appearance`),
//! - the repeats that do not credit SPA, most widely carried first, to read
//!   by hand.

use crate::data::{self, SaudiArticle};
use isnad_report::{Content, InputArticle, Options, Report};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// Options of `isnad-eval spa`.
///
/// SPA's own articles (`was`) are only in the last two daily files
/// (2015-08-10 and 2015-08-11), so `--from 2015-08-09` gives the same SPA
/// repeats as the full corpus minus the repeats printed before SPA's days.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Use only the first N daily files of the corpus (18 in all).
    #[arg(long)]
    pub days: Option<usize>,
    /// Use only daily files from this date on (`YYYY-MM-DD`).
    #[arg(long)]
    pub from: Option<String>,
    /// Uncredited repeats to print per newspaper.
    #[arg(long, default_value_t = 3)]
    pub top: usize,
    /// Count only matches at least this strong (default: every tier).
    #[arg(long)]
    pub min_tier: Option<String>,
    /// The outlet that is SPA's own wire.
    #[arg(long, default_value = "was")]
    pub spa_outlet: String,
}

/// Counts for one newspaper.
#[derive(Default)]
struct Row {
    articles: usize,
    sentences: usize,
    repeats: usize,
    credit_spa: usize,
    spa_first: usize,
    by_class: BTreeMap<String, usize>,
}

/// Runs the check and prints the table and the uncredited examples.
pub fn run(data_dir: &Path, args: &Args) -> anyhow::Result<()> {
    if !data::saudinewsnet_dir(data_dir).is_dir() {
        println!(
            "skipped: SaudiNewsNet not found in {}",
            data::saudinewsnet_dir(data_dir).display()
        );
        return Ok(());
    }
    let t0 = Instant::now();
    let mut zips = data::saudinewsnet_zips(data_dir)?;
    anyhow::ensure!(!zips.is_empty(), "no daily zip in the SaudiNewsNet folder");
    let total_days = zips.len();
    if let Some(from) = &args.from {
        zips.retain(|z| {
            z.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s >= from.as_str())
        });
    }
    if let Some(n) = args.days {
        zips.truncate(n);
    }
    let mut articles: Vec<SaudiArticle> = Vec::new();
    for z in &zips {
        articles.extend(data::read_saudinewsnet_zip(z)?);
    }
    let input: Vec<InputArticle> = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| InputArticle {
            id: format!("{}/{i:05}", a.source),
            path: a.url.clone(),
            outlet: a.source,
            date: (!a.date_extracted.is_empty()).then_some(a.date_extracted),
            url: (!a.url.is_empty()).then_some(a.url),
            // The byline carries most SPA credits (`الرياض - واس`); provenance reads it.
            extra: std::iter::once(("author".to_string(), serde_json::Value::String(a.author)))
                .collect(),
            content: if a.content.trim().is_empty() {
                Content::Skipped("empty content".into())
            } else {
                Content::Text(a.content)
            },
            ..Default::default()
        })
        .collect();
    let n_articles = input.len();
    let min_tier = match &args.min_tier {
        Some(t) => {
            Some(isnad_report::parse_tier(t).ok_or_else(|| anyhow::anyhow!("unknown tier {t}"))?)
        }
        None => None,
    };
    let options = Options {
        min_tier,
        ..Options::default()
    };
    let progress = |p: isnad_report::Progress| {
        if p.done == p.total {
            eprintln!(
                "[{:7.1}s] {} {}/{}",
                t0.elapsed().as_secs_f64(),
                p.stage,
                p.done,
                p.total
            );
        }
    };
    let report = isnad_report::build(input, &options, &progress)?;
    let secs = t0.elapsed().as_secs_f64();

    let spa = args.spa_outlet.as_str();
    let (rows, uncredited) = tabulate(&report, spa);
    println!(
        "SaudiNewsNet, {} of {} daily files, {} articles; pipeline {:.1}s; SPA outlet `{spa}`; tiers: {}",
        zips.len(),
        total_days,
        n_articles,
        secs,
        args.min_tier.as_deref().unwrap_or("all")
    );
    println!(
        "{:<14} {:>8} {:>9} {:>8} {:>7} {:>11} {:>9} {:>9}  provenance of the repeats",
        "newspaper",
        "articles",
        "sentences",
        "repeats",
        "share",
        "credit SPA",
        "credited",
        "SPA first"
    );
    for (outlet, r) in &rows {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "–".to_string()
            } else {
                format!("{:.1}%", 100.0 * a as f64 / b as f64)
            }
        };
        let classes = r
            .by_class
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "{:<14} {:>8} {:>9} {:>8} {:>7} {:>11} {:>9} {:>9}  {classes}",
            outlet,
            r.articles,
            r.sentences,
            r.repeats,
            pct(r.repeats, r.sentences),
            r.credit_spa,
            pct(r.credit_spa, r.repeats),
            r.spa_first,
        );
    }
    println!("\nTop uncredited repeats of SPA sentences (most widely carried first):");
    for (outlet, list) in &uncredited {
        for ex in list.iter().take(args.top) {
            println!(
                "- {outlet} {} [{} outlets, {}, {}]\n    {}: {}\n    SPA {}: {}",
                ex.unit,
                ex.outlets,
                ex.tier,
                ex.class,
                ex.url,
                one_line(&ex.text),
                ex.spa_unit,
                one_line(&ex.spa_text)
            );
        }
    }
    if let Some(mib) = data::peak_rss_mib() {
        eprintln!("peak RSS {mib:.0} MiB");
    }
    Ok(())
}

/// An uncredited repeat, for reading by hand.
struct Example {
    unit: String,
    url: String,
    text: String,
    spa_unit: String,
    spa_text: String,
    outlets: usize,
    tier: String,
    /// `appearance`/`provenance` of the unit in the report.
    class: String,
}

fn one_line(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(220) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}

/// Per newspaper: the counts, and the uncredited repeats sorted for reading.
fn tabulate(report: &Report, spa: &str) -> (BTreeMap<String, Row>, BTreeMap<String, Vec<Example>>) {
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    let mut examples: BTreeMap<String, Vec<Example>> = BTreeMap::new();
    for a in report
        .articles
        .iter()
        .filter(|a| a.outlet != spa && a.status == isnad_report::Status::Used)
    {
        rows.entry(a.outlet.clone()).or_default().articles += 1;
    }
    let day = |ui: usize| report.articles[report.units[ui].article_index].day;
    let statement_of: BTreeMap<&str, usize> = report
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| (&*s.id, i))
        .collect();
    for (ui, u) in report.units.iter().enumerate() {
        if &*u.outlet == spa || !matches!(u.kind, "headline" | "sentence" | "quote_continuation") {
            continue;
        }
        let row = rows.entry(u.outlet.to_string()).or_default();
        row.sentences += 1;
        let Some(&si) = u.statement.as_deref().and_then(|s| statement_of.get(s)) else {
            continue;
        };
        let st = &report.statements[si];
        let spa_units: Vec<usize> = st
            .unit_indices
            .iter()
            .copied()
            .filter(|&v| &*report.units[v].outlet == spa)
            .collect();
        let Some(&first_spa) = spa_units
            .iter()
            .min_by_key(|&&v| (day(v).is_none(), day(v), v))
        else {
            continue;
        };
        row.repeats += 1;
        let credits_spa = u.credited_to.iter().any(|c| c == "spa");
        if credits_spa {
            row.credit_spa += 1;
        }
        if matches!((day(first_spa), day(ui)), (Some(s), Some(d)) if s <= d) {
            row.spa_first += 1;
        }
        // The unit's provenance in the report (against the earliest other
        // outlet that explains it, SPA or not); first/same-day/undated units have none.
        let class = u.provenance.or(u.appearance).unwrap_or("first").to_string();
        *row.by_class.entry(class).or_default() += 1;
        if !credits_spa {
            examples
                .entry(u.outlet.to_string())
                .or_default()
                .push(Example {
                    unit: u.id.to_string(),
                    url: report.articles[u.article_index]
                        .url
                        .clone()
                        .unwrap_or_default(),
                    text: u.text.to_string(),
                    spa_unit: report.units[first_spa].id.to_string(),
                    spa_text: report.units[first_spa].text.to_string(),
                    outlets: st.outlets.len(),
                    tier: u.tier.unwrap_or_default().to_string(),
                    class: format!(
                        "{}/{}",
                        u.appearance.unwrap_or("-"),
                        u.provenance.unwrap_or("-")
                    ),
                });
        }
    }
    for list in examples.values_mut() {
        list.sort_by(|a, b| {
            b.outlets
                .cmp(&a.outlets)
                .then(b.text.len().cmp(&a.text.len()))
                .then(a.unit.cmp(&b.unit))
        });
    }
    (rows, examples)
}

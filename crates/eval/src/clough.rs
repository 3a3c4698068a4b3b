//! Clough & Stevenson (2011) Corpus of Plagiarised Short Answers: graded
//! reuse in English.
//!
//! What it measures: whether isnad's document-level evidence of reuse grows
//! with how much of a text was reused. 95 short answers were written from 5
//! Wikipedia source texts in four ways — `cut` (copy-paste), `light` (light
//! revision), `heavy` (heavy revision / paraphrase) and `non` (written
//! independently from other material) — so the category is an ordinal label
//! of reuse (cut 3 > light 2 > heavy 1 > non 0). It is the closest public
//! stand-in for graded reuse between outlets, and the one test of isnad on
//! Latin script.
//!
//! Precisely, for each answer and its task's source:
//! 1. Both texts are segmented with `isnad_segment::segment`; the statement
//!    units of the answer (outlet 0) and of the source (outlet 1) go to
//!    `isnad_score::find_matches` with all pairs scored
//!    (`CandidateMode::Exhaustive`) and the library's default options
//!    (as `isnad compare` runs them).
//! 2. **isnad reuse** (the headline signal, chosen before looking at the
//!    results): every word of the answer (maximal run of alphanumeric
//!    characters) gets the highest score of the matches whose answer-side
//!    spans cover it, 0 when none does; the document score is the mean over
//!    the answer's words. **isnad coverage** is the same without the score
//!    (the share of the answer's words inside a matched span).
//! 3. **compare score**: `isnad_score::compare(answer, source)` on the two
//!    whole texts (the pair scorer used outside its sentence-level design);
//!    **document score**: `isnad_score::compare_documents(answer, source)`,
//!    what `isnad score` and `isnad explain` report for multi-sentence texts:
//!    the matching of step 1 and the score-weighted word coverage of the
//!    *shorter* of the two texts (so symmetric; usually the answer, but for
//!    answers longer than their source it is the source's side).
//! 4. **trigram containment** (baseline, as in the dataset README): the
//!    share of the answer's distinct word trigrams (match-key tokens) found
//!    in the source.
//!
//! Reported per signal: Spearman's ρ with the ordinal category (average
//! ranks for ties), the mean per category, and classification accuracy —
//! 4-way (ordered thresholds) and binary (reused = cut/light/heavy vs non) —
//! with thresholds fitted by **leave-one-out**: each answer is classified by
//! thresholds fitted on the other 94, so no item is scored by thresholds it
//! helped choose. Fitting maximizes training accuracy over all ordered
//! threshold sets (dynamic programming over the sorted scores; a threshold
//! sits midway between two adjacent distinct scores).
//!
//! Data quirk: 17 answers are Windows-1252 (smart quotes, dashes), not UTF-8.
//! A file that is not valid UTF-8 is decoded as Windows-1252 and counted in
//! the output; an undefined Windows-1252 byte is an error.
//!
//! Run: `cargo run --release -p isnad-eval -- clough` (add `--per-answer`
//! for one line per answer, `--explain FILE` for one answer's units, and
//! `--unwrap` to join every single line break before segmenting — the
//! upper bound of the segmenter's own soft-wrap rule, which joins a line break
//! only on evidence that the sentence goes on: 20 answers are hard-wrapped).

use anyhow::{Context, bail};
use isnad_score::{
    CandidateMode, MatchOptions, Tier, UnitRef, compare, compare_documents, find_matches,
};
use isnad_segment::segment;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

/// Options of the evaluation.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print one line per answer (file, category, every signal, best tier).
    #[arg(long)]
    per_answer: bool,
    /// Explain one answer (file name, e.g. `g0pA_taskb.txt`): each of its
    /// units with the best-scoring source unit, the pair's score, tier and components.
    #[arg(long, value_name = "FILE")]
    explain: Option<String>,
    /// Join hard-wrapped lines before segmenting: every single line break
    /// becomes a space (blank lines still separate paragraphs). 20 of the 95
    /// answers are wrapped at ~60 characters; the segmenter joins a wrapped
    /// line only on evidence (lowercase continuation, a line ending in a word
    /// that cannot end a sentence), so this is its upper bound.
    #[arg(long)]
    unwrap: bool,
}

/// The reuse categories, in ordinal order (index = ordinal value).
pub const CATEGORIES: [&str; 4] = ["non", "heavy", "light", "cut"];

/// Signals reported, in table order.
const SIGNALS: [&str; 5] = [
    "isnad reuse (score-weighted span coverage)",
    "isnad coverage (share of words in a matched span)",
    "compare(answer, source) score",
    "document score (isnad score / explain)",
    "word-trigram containment (baseline)",
];

struct Answer {
    file: String,
    task: String,
    /// Ordinal category (index into [`CATEGORIES`]).
    category: usize,
    text: String,
}

/// What isnad found for one answer.
struct Found {
    signals: [f64; 5],
    /// Strongest tier among the answer's matches.
    best_tier: Option<Tier>,
    /// Matches between answer units and source units.
    matches: usize,
}

/// Windows-1252 code points of bytes 0x80..=0x9F (`None`: undefined).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decodes a file as UTF-8, or as Windows-1252 when it is not valid UTF-8.
/// Returns the text and whether the fallback was used.
fn decode(path: &Path) -> anyhow::Result<(String, bool)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut out = String::with_capacity(bytes.len() + 16);
            for (i, &b) in bytes.iter().enumerate() {
                let c = match b {
                    0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)].with_context(|| {
                        format!(
                            "{}: byte {i}: 0x{b:02X} is neither UTF-8 nor Windows-1252",
                            path.display()
                        )
                    })?,
                    _ => char::from(b),
                };
                out.push(c);
            }
            Ok((out, true))
        }
    }
}

/// Reads `file_information.csv` and the texts it names.
fn read(dir: &Path) -> anyhow::Result<(BTreeMap<String, String>, Vec<Answer>, usize)> {
    let index = dir.join("file_information.csv");
    let mut rdr =
        csv::Reader::from_path(&index).with_context(|| format!("reading {}", index.display()))?;
    let headers = rdr
        .headers()
        .with_context(|| format!("{}: header", index.display()))?
        .clone();
    if headers.iter().collect::<Vec<_>>() != ["File", "Task", "Category"] {
        bail!(
            "{}: header is {:?}, expected File,Task,Category",
            index.display(),
            headers
        );
    }
    let mut sources = BTreeMap::new();
    let mut answers = Vec::new();
    let mut cp1252 = 0;
    let mut seen = BTreeSet::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.with_context(|| format!("{}: line {line}", index.display()))?;
        let (file, task, category) = (rec[0].trim(), rec[1].trim(), rec[2].trim());
        if !seen.insert(file.to_string()) {
            bail!("{}: line {line}: {file} listed twice", index.display());
        }
        if !matches!(task, "a" | "b" | "c" | "d" | "e") {
            bail!(
                "{}: line {line}: task {task:?} is not a..e",
                index.display()
            );
        }
        let (text, fallback) =
            decode(&dir.join(file)).with_context(|| format!("{}: line {line}", index.display()))?;
        cp1252 += usize::from(fallback);
        if text.trim().is_empty() {
            bail!("{}: {file} is empty", dir.display());
        }
        if category == "orig" {
            if sources.insert(task.to_string(), text).is_some() {
                bail!(
                    "{}: line {line}: a second source of task {task}",
                    index.display()
                );
            }
            continue;
        }
        let Some(category) = CATEGORIES.iter().position(|c| *c == category) else {
            bail!(
                "{}: line {line}: category {category:?} is not orig/cut/light/heavy/non",
                index.display()
            );
        };
        answers.push(Answer {
            file: file.to_string(),
            task: task.to_string(),
            category,
            text,
        });
    }
    for a in &answers {
        if !sources.contains_key(&a.task) {
            bail!(
                "{}: no orig row for task {} ({})",
                index.display(),
                a.task,
                a.file
            );
        }
    }
    for (k, name) in CATEGORIES.iter().enumerate() {
        if !answers.iter().any(|a| a.category == k) {
            bail!("{}: no answer of category {name}", index.display());
        }
    }
    Ok((sources, answers, cp1252))
}

/// `text` with every single line break (one not next to another) replaced
/// by a space; runs of two or more line breaks (paragraph breaks) are kept.
fn unwrap_lines(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let single =
            c == '\n' && (i == 0 || b[i - 1] != b'\n') && b.get(i + 1).is_none_or(|&n| n != b'\n');
        out.push(if single { ' ' } else { c });
    }
    out
}

/// Byte ranges of the words of `text` (the segmenter's word spans).
fn words(text: &str) -> Vec<Range<usize>> {
    isnad_segment::word_spans(text).collect()
}

/// Distinct word trigrams of the match key.
fn trigrams(text: &str) -> BTreeSet<(String, String, String)> {
    let key = isnad_segment::normalize::match_key(text);
    let toks: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
    toks.windows(3)
        .map(|w| (w[0].to_string(), w[1].to_string(), w[2].to_string()))
        .collect()
}

/// Share of the answer's distinct word trigrams found in the source.
fn trigram_containment(answer: &str, source: &str) -> f64 {
    let a = trigrams(answer);
    if a.is_empty() {
        return 0.0;
    }
    let s = trigrams(source);
    a.intersection(&s).count() as f64 / a.len() as f64
}

/// Statement units of a text: (byte span, text).
fn statement_units(text: &str) -> Vec<Range<usize>> {
    segment(text)
        .into_iter()
        .filter(|u| u.kind.is_statement())
        .map(|u| u.span)
        .collect()
}

/// Rank of a tier for "strongest tier" (verbatim strongest; conflicting is
/// a repeat with a changed fact, ranked with paraphrase).
fn tier_rank(t: Tier) -> u8 {
    match t {
        Tier::Verbatim => 4,
        Tier::NearDuplicate => 3,
        Tier::Partial => 2,
        Tier::Paraphrase | Tier::Conflicting => 1,
    }
}

fn score_answer(answer: &str, source: &str) -> Found {
    let a_units = statement_units(answer);
    let s_units = statement_units(source);
    let refs: Vec<UnitRef<'_>> = a_units
        .iter()
        .map(|r| UnitRef {
            text: &answer[r.clone()],
            source: 0,
            day: None,
        })
        .chain(s_units.iter().map(|r| UnitRef {
            text: &source[r.clone()],
            source: 1,
            day: None,
        }))
        .collect();
    let options = MatchOptions {
        candidates: CandidateMode::Exhaustive,
        ..MatchOptions::default()
    };
    let matches = find_matches(&refs, &options);
    let na = a_units.len();
    // Answer-side spans (in answer offsets) and score of every match.
    let mut spans: Vec<(Range<usize>, f64)> = Vec::new();
    let mut best_tier = None;
    let mut n = 0;
    for m in &matches {
        let (unit, unit_spans) = match (m.a < na, m.b < na) {
            (true, false) => (m.a, &m.spans_a),
            (false, true) => (m.b, &m.spans_b),
            // Same-outlet pairs are not reported with the default options.
            _ => continue,
        };
        n += 1;
        if best_tier.is_none_or(|b| tier_rank(m.tier) > tier_rank(b)) {
            best_tier = Some(m.tier);
        }
        let base = a_units[unit].start;
        for s in unit_spans {
            spans.push((base + s.start..base + s.end, f64::from(m.score)));
        }
    }
    let ws = words(answer);
    let (mut weighted, mut covered) = (0f64, 0f64);
    for w in &ws {
        let best = spans
            .iter()
            .filter(|(s, _)| s.start < w.end && w.start < s.end)
            .map(|&(_, v)| v)
            .fold(None, |acc: Option<f64>, v| {
                Some(acc.map_or(v, |a| a.max(v)))
            });
        if let Some(v) = best {
            weighted += v;
            covered += 1.0;
        }
    }
    let nw = ws.len().max(1) as f64;
    Found {
        signals: [
            weighted / nw,
            covered / nw,
            f64::from(compare(answer, source).score),
            f64::from(compare_documents(answer, source).score),
            trigram_containment(answer, source),
        ],
        best_tier,
        matches: n,
    }
}

/// Prints each unit of an answer with its best-scoring source unit.
fn explain(answer: &Answer, source: &str) {
    println!(
        "{} ({}, task {})",
        answer.file, CATEGORIES[answer.category], answer.task
    );
    let s_units = statement_units(source);
    for r in statement_units(&answer.text) {
        let a = &answer.text[r];
        let best = s_units
            .iter()
            .map(|s| (compare(a, &source[s.clone()]), s.clone()))
            .max_by(|x, y| x.0.score.total_cmp(&y.0.score));
        println!("\n  answer: {a}");
        if let Some((scored, s)) = best {
            let comps: Vec<String> = scored
                .components
                .iter()
                .map(|(k, v)| format!("{k}={v:.2}"))
                .collect();
            println!(
                "  source: {}\n  score {:.3}, tier {}, {}",
                &source[s],
                scored.score,
                scored.tier.map_or("-", Tier::as_str),
                comps.join(" ")
            );
        }
    }
}

/// Average ranks (1-based; ties share their mean rank).
fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    idx.sort_by(|&i, &j| xs[i].total_cmp(&xs[j]).then(i.cmp(&j)));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Spearman's ρ (Pearson correlation of average ranks).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

/// Ordered thresholds (`k − 1` of them, ascending) for `k` classes that
/// classify the most `(score, class)` items right: class `c` is predicted
/// for scores in `[t[c−1], t[c])`. Items with equal scores get the same
/// class; thresholds sit midway between adjacent distinct scores. Ties
/// between equally good fits go to the lowest thresholds.
pub fn fit_thresholds(items: &[(f64, usize)], k: usize) -> Vec<f64> {
    // Groups of equal scores, ascending, with per-class counts.
    let mut sorted: Vec<(f64, usize)> = items.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut groups: Vec<(f64, Vec<u32>)> = Vec::new();
    for (s, c) in sorted {
        if groups.last().is_none_or(|g| g.0 != s) {
            groups.push((s, vec![0; k]));
        }
        if let Some(g) = groups.last_mut() {
            g.1[c] += 1;
        }
    }
    let m = groups.len();
    if m == 0 {
        return vec![0.0; k - 1];
    }
    // dp[i][c]: best count for groups 0..=i with group i in class c.
    let mut dp: Vec<Vec<u32>> = vec![groups[0].1.clone()];
    let mut from = vec![vec![0usize; k]];
    for g in &groups[1..] {
        let prev = &dp[dp.len() - 1];
        let (mut row, mut back) = (Vec::with_capacity(k), Vec::with_capacity(k));
        for (c, &here) in g.1.iter().enumerate() {
            // Best previous class ≤ c; among equals the lowest (lowest thresholds).
            let (p, best) = prev[..=c]
                .iter()
                .enumerate()
                .fold(
                    (0, prev[0]),
                    |acc, (p, &v)| if v > acc.1 { (p, v) } else { acc },
                );
            row.push(best + here);
            back.push(p);
        }
        dp.push(row);
        from.push(back);
    }
    // Among equally good fits, the lowest final class (deterministic).
    let last = &dp[m - 1];
    let mut c = 0;
    for (cc, &v) in last.iter().enumerate() {
        if v > last[c] {
            c = cc;
        }
    }
    let mut class = vec![0usize; m];
    for i in (0..m).rev() {
        class[i] = c;
        if i > 0 {
            c = from[i][c];
        }
    }
    // Threshold t[c-1] is where class c (or higher) starts.
    let mut t = vec![f64::INFINITY; k - 1];
    for i in 0..m {
        for cc in 1..k {
            if class[i] >= cc && t[cc - 1].is_infinite() {
                t[cc - 1] = if i == 0 {
                    f64::NEG_INFINITY
                } else {
                    (groups[i - 1].0 + groups[i].0) / 2.0
                };
            }
        }
    }
    t
}

/// Class of a score under ordered thresholds.
pub fn classify(score: f64, thresholds: &[f64]) -> usize {
    thresholds.iter().filter(|&&t| score >= t).count()
}

/// Leave-one-out accuracy: each item classified by thresholds fitted on the others.
pub fn loo_accuracy(items: &[(f64, usize)], k: usize) -> f64 {
    let mut right = 0;
    for i in 0..items.len() {
        let train: Vec<(f64, usize)> = items
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, &x)| x)
            .collect();
        let t = fit_thresholds(&train, k);
        right += usize::from(classify(items[i].0, &t) == items[i].1);
    }
    right as f64 / items.len().max(1) as f64
}

/// Runs the evaluation and prints the tables.
pub fn run(data: &Path, args: &Args) -> anyhow::Result<()> {
    let dir = data.join("clough-stevenson/data");
    if !dir.join("file_information.csv").is_file() {
        println!(
            "skipped: {} is absent",
            dir.join("file_information.csv").display()
        );
        return Ok(());
    }
    let (mut sources, mut answers, cp1252) = read(&dir)?;
    if args.unwrap {
        for t in sources.values_mut() {
            *t = unwrap_lines(t);
        }
        for a in &mut answers {
            a.text = unwrap_lines(&a.text);
        }
    }
    println!(
        "Clough & Stevenson short answers: {} answers, {} sources ({} files decoded as Windows-1252){}",
        answers.len(),
        sources.len(),
        cp1252,
        if args.unwrap {
            "; hard-wrapped lines joined (--unwrap)"
        } else {
            ""
        }
    );
    if let Some(file) = &args.explain {
        let Some(a) = answers.iter().find(|a| &a.file == file) else {
            bail!("{file} is not an answer in {}", dir.display());
        };
        explain(a, &sources[&a.task]);
        return Ok(());
    }
    let found: Vec<Found> = answers
        .iter()
        .map(|a| score_answer(&a.text, &sources[&a.task]))
        .collect();
    if args.per_answer {
        println!(
            "\n{:<16} {:<6} {:>7} {:>7} {:>7} {:>7} {:>7} {:>3}  best tier",
            "file", "cat", "reuse", "cover", "compare", "doc", "tri3", "n"
        );
        for (a, f) in answers.iter().zip(&found) {
            println!(
                "{:<16} {:<6} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>7.3} {:>3}  {}",
                a.file,
                CATEGORIES[a.category],
                f.signals[0],
                f.signals[1],
                f.signals[2],
                f.signals[3],
                f.signals[4],
                f.matches,
                f.best_tier.map_or("-", Tier::as_str)
            );
        }
    }
    let ordinal: Vec<f64> = answers.iter().map(|a| a.category as f64).collect();
    println!(
        "\n{:<52} {:>8} {:>6} {:>6} {:>6} {:>6} {:>9} {:>9}",
        "signal", "spearman", "cut", "light", "heavy", "non", "acc4 LOO", "acc2 LOO"
    );
    for (s, name) in SIGNALS.iter().enumerate() {
        let xs: Vec<f64> = found.iter().map(|f| f.signals[s]).collect();
        let mean = |k: usize| {
            let v: Vec<f64> = answers
                .iter()
                .zip(&xs)
                .filter(|(a, _)| a.category == k)
                .map(|(_, &x)| x)
                .collect();
            v.iter().sum::<f64>() / v.len() as f64
        };
        let four: Vec<(f64, usize)> = xs
            .iter()
            .zip(&answers)
            .map(|(&x, a)| (x, a.category))
            .collect();
        let two: Vec<(f64, usize)> = four.iter().map(|&(x, c)| (x, usize::from(c > 0))).collect();
        println!(
            "{:<52} {:>8.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>9.3} {:>9.3}",
            name,
            spearman(&xs, &ordinal),
            mean(3),
            mean(2),
            mean(1),
            mean(0),
            loo_accuracy(&four, 4),
            loo_accuracy(&two, 2)
        );
    }
    println!(
        "\nThresholds fitted on all answers (operating points; the accuracies above are leave-one-out):"
    );
    for (s, name) in SIGNALS.iter().enumerate() {
        let four: Vec<(f64, usize)> = found
            .iter()
            .zip(&answers)
            .map(|(f, a)| (f.signals[s], a.category))
            .collect();
        let two: Vec<(f64, usize)> = four.iter().map(|&(x, c)| (x, usize::from(c > 0))).collect();
        let fmt = |t: Vec<f64>| {
            t.iter()
                .map(|x| format!("{x:.3}"))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        println!(
            "  {name}: heavy/light/cut from {}; reused from {}",
            fmt(fit_thresholds(&four, 4)),
            fmt(fit_thresholds(&two, 2))
        );
    }
    // Strongest tier per category.
    println!("\nStrongest isnad tier of each answer's matches, per category:");
    let tiers = [
        Some(Tier::Verbatim),
        Some(Tier::NearDuplicate),
        Some(Tier::Partial),
        Some(Tier::Paraphrase),
        Some(Tier::Conflicting),
        None,
    ];
    print!("  {:<6}", "");
    for t in &tiers {
        print!(" {:>15}", t.map_or("no match", Tier::as_str));
    }
    println!();
    for k in (0..4).rev() {
        print!("  {:<6}", CATEGORIES[k]);
        for t in &tiers {
            let n = answers
                .iter()
                .zip(&found)
                .filter(|(a, f)| a.category == k && f.best_tier == *t)
                .count();
            print!(" {n:>15}");
        }
        println!();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_with_ties() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[3.0, 2.0, 1.0], &[10.0, 20.0, 30.0]) + 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[5.0, 1.0, 5.0, 2.0]), [3.5, 1.0, 3.5, 2.0]);
    }

    #[test]
    fn thresholds_separate_ordered_classes() {
        let items = [(0.1, 0), (0.2, 0), (0.4, 1), (0.5, 1), (0.8, 2), (0.9, 2)];
        let t = fit_thresholds(&items, 3);
        assert!((t[0] - 0.3).abs() < 1e-12 && (t[1] - 0.65).abs() < 1e-12);
        assert_eq!(classify(0.45, &t), 1);
        assert_eq!(loo_accuracy(&items, 3), 1.0);
        // One class left out of the training data is never predicted.
        let t = fit_thresholds(&[(0.1, 0), (0.9, 2)], 3);
        assert_eq!(classify(0.9, &t), 2);
    }

    #[test]
    fn unwrap_keeps_paragraphs() {
        assert_eq!(unwrap_lines("a b\nc d\n\ne\r\nf"), "a b c d\n\ne f");
    }

    #[test]
    fn words_and_trigrams() {
        let t = "Don't stop—now, 2 cats.";
        let w: Vec<&str> = words(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(w, ["Don", "t", "stop", "now", "2", "cats"]);
        assert_eq!(trigram_containment("a b c d", "x a b c"), 0.5);
    }
}

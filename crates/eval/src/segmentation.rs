//! `isnad-eval segmentation`: sentence-boundary precision, recall and F1 of
//! `isnad-segment` against the gold in `segmentation/`.
//!
//! Gold sets (one sentence per line, as distributed by ersatz/wtpsplit):
//! - `news-commentary-v15.dev.ar` — News Commentary (edited opinion/news prose);
//! - `iwsltt2017.ar` — TED talk transcripts (IWSLT 2017);
//! - `ar_pud-ud-test.conllu` — UD Arabic-PUD, the `# text = ` line of each sentence.
//!
//! Each set is scored twice: on all gold lines (the sentences joined with
//! single spaces), and on the lines that end with sentence-final punctuation
//! only — the protocol of the ersatz paper, because a line without final
//! punctuation (a title, a subtitle cut mid-sentence) gives no signal to any
//! punctuation-based splitter. The first row is the headline figure.

use anyhow::{Context, bail};
use isnad_segment::eval::{BoundaryScores, boundary_scores, is_punctuated};
use std::path::Path;

/// The gold sets: name, file, and how sentences are read from it.
pub const SETS: &[(&str, &str, Format)] = &[
    (
        "News Commentary",
        "news-commentary-v15.dev.ar",
        Format::Lines,
    ),
    ("TED (IWSLT 2017)", "iwsltt2017.ar", Format::Lines),
    ("UD Arabic-PUD", "ar_pud-ud-test.conllu", Format::Conllu),
];

/// How a gold file lists its sentences.
#[derive(Clone, Copy)]
pub enum Format {
    /// One sentence per line.
    Lines,
    /// CoNLL-U: the `# text = ` comment of each sentence.
    Conllu,
}

/// Reads the gold sentences of one file.
pub fn read_gold(path: &Path, format: Format) -> anyhow::Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let sentences: Vec<String> = match format {
        Format::Lines => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        Format::Conllu => text
            .lines()
            .filter_map(|l| l.strip_prefix("# text = "))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    };
    if sentences.len() < 2 {
        bail!(
            "{}: fewer than two gold sentences; is this the right file?",
            path.display()
        );
    }
    Ok(sentences)
}

pub fn run(data: &Path) -> anyhow::Result<()> {
    let dir = data.join("segmentation");
    if !dir.is_dir() {
        println!("skipped: {} is absent", dir.display());
        return Ok(());
    }
    println!(
        "Sentence-boundary scores of isnad-segment (gold sentences joined with single spaces)"
    );
    println!();
    println!(
        "{:<18} {:<16} {:>9} {:>7} {:>9} {:>7} {:>9} {:>7} {:>7}",
        "set", "lines", "sentences", "gold", "predicted", "correct", "precision", "recall", "F1"
    );
    let mut total = BoundaryScores::default();
    for &(name, file, format) in SETS {
        let path = dir.join(file);
        if !path.is_file() {
            println!("{name:<18} skipped: {} is absent", path.display());
            continue;
        }
        let gold = read_gold(&path, format)?;
        let all = boundary_scores(&gold);
        let punctuated: Vec<&String> = gold.iter().filter(|s| is_punctuated(s)).collect();
        let punct = boundary_scores(&punctuated);
        total.add(all);
        print_row(name, "all", &all);
        print_row("", "punctuated only", &punct);
    }
    print_row("micro-average", "all", &total);
    println!();
    println!("Targets (issue 2, all lines): News Commentary >= 0.99, TED >= 0.95, UD-PUD >= 0.97.");
    Ok(())
}

fn print_row(name: &str, lines: &str, s: &BoundaryScores) {
    println!(
        "{:<18} {:<16} {:>9} {:>7} {:>9} {:>7} {:>9.4} {:>7.4} {:>7.4}",
        name,
        lines,
        s.sentences,
        s.gold,
        s.predicted,
        s.correct,
        s.precision(),
        s.recall(),
        s.f1()
    );
}

//! `isnad-eval`: quality figures of isnad on the public datasets in `../shared/data`.
//!
//! Every figure quoted in the README or an issue note comes from one of these
//! subcommands, so anyone can reproduce it with one command. Each subcommand
//! prints a reason and exits 0 when the data it needs is absent (a user's
//! clone has no `../shared`), and fails loudly when the data is there but wrong.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod candidates;
mod clough;
mod data;
mod exaraplagdet;
mod q2q;
mod saudinewsnet;
mod segmentation;
mod spa;
mod stem_df;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "isnad-eval",
    about = "Evaluate isnad on the public datasets in ../shared/data"
)]
struct Cli {
    /// Folder holding the datasets (default: ../shared/data beside the workspace).
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// NSURL-2019 Q2Q: F1 of the pair score on a seeded held-out half; fits the paraphrase mix and threshold.
    Q2q,
    /// ExAraPlagDet-2015: recall of reused passages per obfuscation at <= 5% of non-reused sentences matched.
    Exaraplagdet(exaraplagdet::Args),
    /// Sentence-boundary precision/recall/F1 against the gold in segmentation/.
    Segmentation,
    /// SaudiNewsNet: recall of verbatim cross-outlet sentences, a sample of non-verbatim matches, time and size.
    Saudinewsnet(saudinewsnet::Args),
    /// Candidate recall of the stem index against exhaustive scoring on a SaudiNewsNet sample.
    Candidates(candidates::Args),
    /// SaudiNewsNet provenance: per newspaper, sentences repeating SPA (`was`), how many credit SPA, top uncredited.
    Spa(spa::Args),
    /// Regenerates isnad-score's built-in background stem frequencies (crates/score/data/stem_df.tsv) from ANT multi-source.
    StemDf(stem_df::Args),
    /// Clough & Stevenson short answers (English): document reuse score vs cut/light/heavy/non.
    Clough(clough::Args),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let data = cli.data.unwrap_or_else(data::default_dir);
    match cli.command {
        Command::Q2q => q2q::run(&data),
        Command::Exaraplagdet(args) => exaraplagdet::run(&data, &args),
        Command::Segmentation => segmentation::run(&data),
        Command::Saudinewsnet(args) => saudinewsnet::run(&data, &args),
        Command::Candidates(args) => candidates::run(&data, &args),
        Command::Spa(args) => spa::run(&data, &args),
        Command::StemDf(args) => stem_df::run(&data, &args),
        Command::Clough(args) => clough::run(&data, &args),
    }
}

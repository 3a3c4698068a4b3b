//! The `isnad` command line: which statements repeat between news outlets.
//!
//! A thin binary in the ripgrep/ruff mould: parse arguments (clap), install
//! the thread pool, run one command, and turn the outcome into an exit status
//! (0 success, 1 error, 2 usage, 130 interrupted; a closed output pipe counts
//! as success). The
//! pipeline itself lives in the library crates; input reading, progress bars
//! and terminal decisions (colors, TTYs) live here because libraries do no I/O.

mod args;
mod commands;
mod input;
mod interrupt;
mod output;
mod progress;
mod stats;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: a run allocates and frees
/// millions of small feature vectors on rayon's threads. On 10,000
/// SaudiNewsNet articles, alternating with the glibc build, it took 12 %
/// less CPU and 18 % less wall time, for 13 % more peak memory (398 against
/// 352 MiB).
///
/// Version 2 of mimalloc (the crate's `v2` feature), not 3: v3 keeps freed
/// pages for a second before it returns them (`purge_delay` 1,000 ms, v2:
/// 10 ms), so the report, built just after the matcher frees its working
/// set, was stacked on memory the process no longer used. On SaudiNewsNet
/// the peak varied from 800 to 1,005 MiB from run to run with v3 (median
/// 987 in 4 runs) and is 767–790 MiB with v2 (median 777), for about 2 %
/// more CPU time (median ratio 1.026, 4 alternating runs each: more pages
/// returned and faulted in again).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            output::error(&format!("{err:#}"));
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = cli.threads {
        // At least 1 (checked by the argument parser): rayon reads 0 as "all cores".
        pool = pool.num_threads(n);
    }
    let pool = pool.build()?;
    let global = output::Global {
        quiet: cli.quiet,
        color: cli.color,
    };
    pool.install(|| match cli.command {
        Command::Compare(args) => commands::compare::run(args, &global),
        Command::Segment(args) => commands::segment::run(args),
        Command::Score(args) => commands::score::run(args),
        Command::Explain(args) => commands::explain::run(args, &global),
    })
}

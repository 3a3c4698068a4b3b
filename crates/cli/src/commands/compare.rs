//! `isnad compare`: read articles, build the report, render it.

use crate::args::CompareArgs;
use crate::input;
use crate::output::{self, Global};
use crate::progress::Bars;
use crate::stats::StageClock;
use anyhow::{Result, anyhow};
use isnad_report::{Format, Options, RenderOptions, Status};
use isnad_score::MatchOptions;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// At most this many skipped articles, and this many article warnings, are
/// named on stderr (a 100,000-article corpus with dd/mm/yyyy dates would
/// otherwise print 100,000 lines); the text and JSON reports list all.
const MAX_WARNINGS: usize = 20;

/// Runs `isnad compare`.
pub fn run(args: CompareArgs, global: &Global) -> Result<ExitCode> {
    let format = match (&args.format, &args.output) {
        (Some(name), output) => {
            let format = Format::from_name(name).ok_or_else(|| anyhow!("unknown format {name}"))?;
            // `-f json -o out.csv`: the user (or the next program) will
            // take the file for what its name says.
            if let Some(path) = output.as_ref().filter(|p| *p != Path::new("-"))
                && let Some(named) = Format::from_extension(path).filter(|f| *f != format)
            {
                global.warn(&format!(
                    "{}: the extension names the {} format, but --format {} is given: writing the {} report",
                    path.display(),
                    named.name(),
                    format.name(),
                    format.name()
                ));
            }
            format
        }
        (None, Some(path)) => Format::from_extension(path).unwrap_or_else(|| {
            if let Some(ext) = path.extension().filter(|_| path != Path::new("-")) {
                global.warn(&unknown_extension(path, &ext.to_string_lossy()));
            }
            Format::Text
        }),
        (None, None) => Format::Text,
    };
    let min_tier = match &args.min_tier {
        Some(name) => {
            Some(isnad_report::parse_tier(name).ok_or_else(|| anyhow!("unknown tier {name}"))?)
        }
        None => None,
    };

    // Checked before the run, so a mistyped folder fails now, not after
    // the analysis; an existing file is replaced only once the report is written.
    // Installed before the temporary report file exists, so Ctrl-C at any
    // point removes it (see `interrupt`).
    crate::interrupt::install()?;
    let destination = output::Destination::prepare(args.output.as_deref())?;
    crate::interrupt::watch(destination.temp_path().map(Path::to_path_buf));
    let own = input::OwnFiles {
        report: destination.report_path().map(Path::to_path_buf),
        temp: destination.temp_path().map(Path::to_path_buf),
    };

    let bars = Bars::new(!global.quiet && std::io::stderr().is_terminal());
    let clock = StageClock::start("reading");
    let inputs = input::read_all(
        &args.paths,
        args.manifest.as_deref(),
        args.max_article_bytes,
        &own,
        &|n| bars.update("reading", n, None),
    );
    let inputs = match inputs {
        Ok(i) => i,
        Err(e) => {
            bars.finish();
            return Err(e);
        }
    };
    bars.update("reading", inputs.articles.len() as u64, None);
    for note in &inputs.notes {
        global.warn(note);
    }
    // Only a run across outlets has nothing to compare when all share one.
    if let Some(note) = inputs.one_outlet.as_ref().filter(|_| !args.same_outlet) {
        global.warn(note);
    }

    // `..default()` so options the matcher adds later keep their defaults.
    #[allow(clippy::needless_update)]
    let matching = MatchOptions {
        same_source: args.same_outlet,
        within_days: args.within_days,
        passages: args.passages,
        posting_cap: args.posting_cap,
        ..MatchOptions::default()
    };
    let mut sources = isnad_report::provenance::SourceTable::builtin();
    if let Some(path) = &args.agencies {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow!("--agencies {}: {e}", path.display()))?;
        isnad_report::provenance::load_sources(&text, &mut sources)
            .map_err(|e| anyhow!("--agencies {}:{e}", path.display()))?;
    }
    let options = Options {
        matching,
        min_tier,
        min_score: args.min_score,
        sources,
    };
    let report = isnad_report::build(inputs.articles, &options, &|p| {
        clock.enter(p.stage);
        bars.update(p.stage, p.done, Some(p.total))
    });
    bars.finish();
    let report = report?;
    clock.enter("writing");

    let skipped: Vec<_> = report
        .articles
        .iter()
        .filter(|a| a.status == Status::Skipped)
        .collect();
    for a in skipped.iter().take(MAX_WARNINGS) {
        global.warn(&format!(
            "skipped {}",
            a.reason.as_deref().unwrap_or(a.id.as_str())
        ));
    }
    if skipped.len() > MAX_WARNINGS {
        global.warn(&format!(
            "… and {} more skipped articles ({})",
            skipped.len() - MAX_WARNINGS,
            where_listed(format)
        ));
    }
    let warnings: Vec<_> = report
        .articles
        .iter()
        .flat_map(|a| a.warnings.iter().map(move |w| (a, w)))
        .collect();
    for (a, w) in warnings.iter().take(MAX_WARNINGS) {
        // File (and line of a JSONL/CSV record), then the id.
        let place = match a.line {
            Some(line) => format!("{}:{line}", a.path),
            None => a.path.clone(),
        };
        global.warn(&format!("{place}: {}: {w}", a.id));
    }
    if warnings.len() > MAX_WARNINGS {
        global.warn(&format!(
            "… and {} more article warnings ({})",
            warnings.len() - MAX_WARNINGS,
            where_listed(format)
        ));
    }

    let render_options = RenderOptions {
        color: format == Format::Text && global.color_for(destination.is_terminal()),
    };
    destination.write(|out| isnad_report::render(&report, format, &render_options, out))?;
    if args.stats {
        // Printed even with --quiet: the user asked for it.
        #[allow(clippy::print_stderr)]
        {
            eprint!("{}", clock.table());
            let m = &report.summary.matching;
            eprintln!(
                "units {}, distinct texts {}, match keys {}, candidate pairs {} ({}), matches between keys {}, copy groups {}, report matches {}",
                m.units,
                m.distinct_texts,
                m.distinct_keys,
                m.candidate_pairs,
                if m.exhaustive {
                    "all pairs".to_string()
                } else if m.posting_cap == 0 {
                    "no index: only sentences with equal match keys".to_string()
                } else {
                    format!(
                        "posting cap {}, {} capped probes in {} keys, {} index hits verified, {} pairs by phrase only",
                        m.posting_cap,
                        m.capped_probes,
                        m.capped_keys,
                        m.verified_pairs,
                        m.phrase_pairs
                    )
                },
                m.key_matches,
                m.copy_groups,
                report.summary.matches
            );
        }
    }

    if let Some(path) = args.output.as_ref().filter(|p| *p != Path::new("-")) {
        let s = &report.summary;
        global.note(&format!(
            "wrote {} ({}): {} articles ({} skipped), {} matches, {} statements carried by 2+ outlets",
            path.display(),
            format.name(),
            s.articles,
            s.articles_skipped,
            s.matches,
            s.cross_outlet_statements
        ));
    }
    if args.strict && !skipped.is_empty() {
        output::error(&format!(
            "{} article(s) skipped and --strict is set",
            skipped.len()
        ));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the articles a capped stderr list leaves out can be read in full.
fn where_listed(format: Format) -> &'static str {
    match format {
        Format::Text | Format::Json => "all are listed in the report",
        // CSV and JSONL hold one match per row; HTML lists the first 500 skips.
        _ => "`--format json` or `text` lists them all",
    }
}

/// The warning for an `--output` file whose extension names no format:
/// the text report is written, which a user expecting XML (say) should
/// hear before the run rather than from the next program that reads it.
fn unknown_extension(path: &Path, ext: &str) -> String {
    format!(
        "{}: `.{ext}` is not a report format, writing the text report (choose with --format: {})",
        path.display(),
        Format::ALL.map(|f| f.name()).join(", ")
    )
}

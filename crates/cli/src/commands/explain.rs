//! `isnad explain "A" "B"`: how two texts compare, for a person.
//!
//! Sentence pairs are explained by the pair scorer; texts of several
//! sentences by the document score ([`isnad_score::compare_documents`]),
//! with a line saying so and which text's share the score is.

use crate::args::{ExplainArgs, ExplainFormat};
use crate::output::Global;
use anyhow::Result;
use isnad_report::{merge_spans, shared_text, terminal_text};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Words as the document score counts them (maximal runs of letters and digits).
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Runs `isnad explain`.
pub fn run(args: ExplainArgs, global: &Global) -> Result<ExitCode> {
    let s = isnad_score::compare_documents(&args.a, &args.b);
    let spans_a = merge_spans(s.spans_a.iter().map(|r| [r.start, r.end]).collect());
    let spans_b = merge_spans(s.spans_b.iter().map(|r| [r.start, r.end]).collect());
    let stdout = std::io::stdout();
    let color = global.color_for(stdout.is_terminal());
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ExplainFormat::Json => {
            let v = serde_json::json!({
                "score": s.score,
                "tier": s.tier.map(|t| t.as_str()),
                "components": s.components.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
                "spans_a": spans_a,
                "spans_b": spans_b,
                "shared_a": shared_text(&args.a, &spans_a),
                "shared_b": shared_text(&args.b, &spans_b),
            });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        ExplainFormat::Text => {
            match s.tier {
                Some(t) => writeln!(out, "tier:  {}", t.as_str())?,
                None => writeln!(out, "tier:  none (not the same statement)")?,
            }
            writeln!(out, "score: {:.4}", s.score)?;
            let get = |k: &str| s.components.iter().find(|(n, _)| n == k).map(|x| x.1);
            if let (Some(ua), Some(ub), Some(m)) = (get("units_a"), get("units_b"), get("matches"))
            {
                let shorter = match word_count(&args.a).cmp(&word_count(&args.b)) {
                    std::cmp::Ordering::Less => "A",
                    std::cmp::Ordering::Greater => "B",
                    std::cmp::Ordering::Equal => "A and B (mean)",
                };
                writeln!(
                    out,
                    "compared as documents: A has {ua} sentence unit(s), B has {ub}; {m} matched unit pair(s)"
                )?;
                writeln!(
                    out,
                    "score = share of {shorter}'s words inside a matched passage, weighted by the match score"
                )?;
            }
            writeln!(out)?;
            writeln!(out, "components:")?;
            let width = s.components.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
            for (k, v) in &s.components {
                writeln!(out, "  {k:<width$}  {v:.4}")?;
            }
            for (label, text, spans) in [("A", &args.a, &spans_a), ("B", &args.b, &spans_b)] {
                writeln!(out)?;
                let covered: usize = spans.iter().map(|r| r[1] - r[0]).sum();
                let share = if text.is_empty() {
                    0.0
                } else {
                    covered as f64 / text.len() as f64 * 100.0
                };
                writeln!(
                    out,
                    "{label} ({} shared passage(s), {share:.0}% of its bytes):",
                    spans.len()
                )?;
                writeln!(out, "    {}", terminal_text(text, spans, color))?;
                for r in spans.iter() {
                    writeln!(out, "  {label} {}..{}:", r[0], r[1])?;
                    writeln!(out, "    {}", terminal_text(&text[r[0]..r[1]], &[], false))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

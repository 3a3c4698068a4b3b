//! `isnad explain "A" "B"`: how two texts compare, for a person.

use crate::args::{ExplainArgs, ExplainFormat};
use crate::output::Global;
use anyhow::Result;
use isnad_report::{merge_spans, shared_text, terminal_text};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Runs `isnad explain`.
pub fn run(args: ExplainArgs, global: &Global) -> Result<ExitCode> {
    let s = isnad_score::compare(&args.a, &args.b);
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

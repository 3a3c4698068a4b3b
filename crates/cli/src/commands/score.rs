//! `isnad score --pairs`: score many pairs of texts, one per line, in order.
//!
//! Each pair goes through [`isnad_score::compare_documents`]: the pair
//! scorer for two sentences, the document score (score-weighted share of the
//! shorter text reused in the other) when either text has several sentences.

use crate::args::{ScoreArgs, ScoreFormat};
use anyhow::{Result, bail};
use isnad_report::{merge_spans, shared_text};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct ScoreLine<'t> {
    line: usize,
    score: f32,
    tier: &'static str,
    components: BTreeMap<&'t str, f32>,
    spans_a: Vec<[usize; 2]>,
    spans_b: Vec<[usize; 2]>,
    shared_a: String,
    shared_b: String,
}

/// Splits the input into `(a, b)` pairs; any malformed line is an error naming it.
fn parse_pairs<'t>(name: &str, text: &'t str) -> Result<Vec<(&'t str, &'t str)>> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut fields = line.split('\t');
        if line.trim().is_empty() {
            // Output line i is the score of input line i: a blank line cannot be skipped.
            bail!(
                "{name}:{}: empty line; expected text_a<TAB>text_b (one pair per line, no blank lines)",
                i + 1
            );
        }
        match (fields.next(), fields.next(), fields.next()) {
            (Some(a), Some(b), None) => pairs.push((a, b)),
            (_, _, Some(_)) => bail!(
                "{name}:{}: more than one tab; expected text_a<TAB>text_b",
                i + 1
            ),
            _ => bail!("{name}:{}: no tab; expected text_a<TAB>text_b", i + 1),
        }
    }
    Ok(pairs)
}

fn spans(v: &[std::ops::Range<usize>]) -> Vec<[usize; 2]> {
    merge_spans(v.iter().map(|r| [r.start, r.end]).collect())
}

/// Runs `isnad score`.
pub fn run(args: ScoreArgs) -> Result<ExitCode> {
    let (name, text) = super::read_utf8(Some(&args.pairs))?;
    let pairs = parse_pairs(&name, &text)?;
    let scored: Vec<isnad_score::Scored> = pairs
        .par_iter()
        .map(|(a, b)| isnad_score::compare_documents(a, b))
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, (s, (a, b))) in scored.iter().zip(&pairs).enumerate() {
        let tier = s.tier.map_or("none", |t| t.as_str());
        match args.format {
            ScoreFormat::Tsv => writeln!(out, "{:.4}\t{tier}", s.score)?,
            ScoreFormat::Jsonl => {
                let (sa, sb) = (spans(&s.spans_a), spans(&s.spans_b));
                let line = ScoreLine {
                    line: i + 1,
                    score: s.score,
                    tier,
                    components: s.components.iter().map(|(k, v)| (k.as_str(), *v)).collect(),
                    shared_a: shared_text(a, &sa),
                    shared_b: shared_text(b, &sb),
                    spans_a: sa,
                    spans_b: sb,
                };
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_pair_lines_are_named() {
        assert_eq!(
            parse_pairs("p", "a\tb\r\nc\td\n").unwrap(),
            vec![("a", "b"), ("c", "d")]
        );
        assert_eq!(
            parse_pairs("p", "a\tb\nno tab\n").unwrap_err().to_string(),
            "p:2: no tab; expected text_a<TAB>text_b"
        );
        assert!(parse_pairs("p", "a\tb\tc").is_err());
    }
}

//! `isnad segment`: the units of one article, for inspection and scripting.

use crate::args::{SegmentArgs, SegmentFormat};
use anyhow::Result;
use isnad_segment::UnitKind;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct UnitLine<'t> {
    id: usize,
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'t str,
    parent: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'t str>,
    /// A piece of text without a sentence end, cut for length (`Unit::cut`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cut: bool,
}

/// Runs `isnad segment`.
pub fn run(args: SegmentArgs) -> Result<ExitCode> {
    let (_, text) = super::read_utf8(args.file.as_deref())?;
    let units = isnad_segment::segment(&text);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for u in &units {
        let Some(unit_text) = text.get(u.span.clone()) else {
            continue;
        };
        match args.format {
            SegmentFormat::Lines => {
                if u.kind == UnitKind::Clause {
                    continue;
                }
                let line: String = unit_text
                    .chars()
                    .map(|c| {
                        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect();
                writeln!(out, "{line}")?;
            }
            SegmentFormat::Jsonl => {
                serde_json::to_writer(
                    &mut out,
                    &UnitLine {
                        id: u.index,
                        kind: u.kind.as_str(),
                        start: u.span.start,
                        end: u.span.end,
                        text: unit_text,
                        parent: u.parent,
                        speaker: u.speaker.as_deref(),
                        cut: u.cut,
                    },
                )?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

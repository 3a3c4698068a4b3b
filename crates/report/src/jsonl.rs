//! `--format jsonl`: one match per line, each line self-contained.
//!
//! A line carries everything needed to read the match without the rest of
//! the report (both unit texts, outlets, dates, spans, the shared passages),
//! so the output can be grepped, split, or loaded line by line.

use crate::model::{MatchEntry, Report, Span};
use crate::view::shared_text;
use serde::Serialize;
use std::io::{self, Write};

/// One side of a match, as written in JSONL and CSV.
#[derive(Serialize)]
pub(crate) struct Side<'r> {
    pub unit: &'r str,
    pub article: &'r str,
    pub outlet: &'r str,
    pub date: Option<&'r str>,
    pub kind: &'r str,
    /// Unit offsets in the article text.
    pub start: usize,
    pub end: usize,
    pub text: &'r str,
    /// Shared passages, byte ranges into `text`.
    pub spans: &'r [Span],
    pub shared: String,
    /// `first`, `later`, `same_day` or `undated` (statements of 2+ outlets; see `provenance`).
    pub appearance: Option<&'r str>,
    /// `credited`, `common_source`, `shared_quote` or `uncredited`; `null` for a first unit.
    pub provenance: Option<&'r str>,
    /// Source ids the unit is credited to (dateline, credit line, in-text attribution).
    pub credited_to: &'r [String],
    /// A piece of an over-long unit without a sentence end (see
    /// [`crate::UnitEntry::cut`]); written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
}

#[derive(Serialize)]
struct Line<'r> {
    statement: Option<&'r str>,
    tier: &'r str,
    score: f32,
    a: Side<'r>,
    b: Side<'r>,
    components: &'r isnad_score::Components,
}

pub(crate) fn side<'r>(report: &'r Report, unit_index: usize, spans: &'r [Span]) -> Side<'r> {
    let u = &report.units[unit_index];
    let a = report.article_of_unit(unit_index);
    Side {
        unit: &u.id,
        article: &u.article,
        outlet: &u.outlet,
        date: a.date.as_deref(),
        kind: u.kind,
        start: u.start,
        end: u.end,
        text: &u.text,
        spans,
        shared: shared_text(&u.text, spans),
        appearance: u.appearance,
        provenance: u.provenance,
        credited_to: &u.credited_to,
        cut: u.cut,
    }
}

pub(crate) fn sides<'r>(report: &'r Report, m: &'r MatchEntry) -> (Side<'r>, Side<'r>) {
    (
        side(report, m.a_index, &m.spans_a),
        side(report, m.b_index, &m.spans_b),
    )
}

/// Writes one JSON object per match (through a buffer of its own type, as
/// [`crate::json`] does), rendered on all threads ([`crate::ordered`]).
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    crate::ordered::write_rendered(&mut out, &report.matches, |_, m, buf| {
        let (a, b) = sides(report, m);
        let line = Line {
            statement: m.statement.as_deref(),
            tier: m.tier,
            score: m.score,
            a,
            b,
            components: &m.components,
        };
        serde_json::to_writer(&mut *buf, &line)?;
        buf.push(b'\n');
        Ok(())
    })?;
    out.flush()
}

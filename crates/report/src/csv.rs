//! `--format csv`: one match per row, each row self-contained.
//!
//! Same content as JSONL, flattened for spreadsheets: `a_*` and `b_*` columns
//! for the two units; spans as `start-end` pairs separated by `;`, byte
//! offsets into the unit text; components as `name=value` pairs;
//! `credited_to` as source ids separated by `;`.
//!
//! The last two columns, `a_cut` and `b_cut`, say `true` when that unit is a
//! piece of an over-long unit cut by the segmenter (JSONL's `cut`), and are
//! empty otherwise, as `appearance` and `provenance` are when they do not
//! apply. They come after `components` rather than with the other side
//! columns so that every earlier column keeps its position: a script that
//! reads the CSV by column number reads what it read before.

use crate::jsonl::{Side, sides};
use crate::model::Report;
use std::io::{self, Write};

const SIDE_COLUMNS: [&str; 13] = [
    "unit",
    "article",
    "outlet",
    "date",
    "kind",
    "start",
    "end",
    "spans",
    "shared",
    "text",
    "appearance",
    "provenance",
    "credited_to",
];

fn side_fields(s: &Side<'_>) -> [String; 13] {
    [
        s.unit.to_string(),
        s.article.to_string(),
        s.outlet.to_string(),
        s.date.unwrap_or_default().to_string(),
        s.kind.to_string(),
        s.start.to_string(),
        s.end.to_string(),
        s.spans
            .iter()
            .map(|r| format!("{}-{}", r[0], r[1]))
            .collect::<Vec<_>>()
            .join(";"),
        s.shared.clone(),
        s.text.to_string(),
        s.appearance.unwrap_or_default().to_string(),
        s.provenance.unwrap_or_default().to_string(),
        s.credited_to.join(";"),
    ]
}

/// A yes/no column: `true`, or empty for no.
fn flag(b: bool) -> String {
    if b { "true".into() } else { String::new() }
}

/// Writes a header row and one row per match, rendered on all threads
/// ([`crate::ordered`]).
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut header: Vec<String> = vec!["statement".into(), "tier".into(), "score".into()];
    for p in ["a", "b"] {
        header.extend(SIDE_COLUMNS.iter().map(|c| format!("{p}_{c}")));
    }
    header.push("components".into());
    header.extend(["a_cut".into(), "b_cut".into()]);
    write_row(&mut out, &header)?;
    crate::ordered::write_rendered(&mut out, &report.matches, |_, m, buf| {
        let (a, b) = sides(report, m);
        let mut row: Vec<String> = vec![
            m.statement.as_deref().unwrap_or_default().to_string(),
            m.tier.to_string(),
            m.score.to_string(),
        ];
        row.extend(side_fields(&a));
        row.extend(side_fields(&b));
        row.push(
            m.components
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(";"),
        );
        row.extend([flag(a.cut), flag(b.cut)]);
        write_row(buf, &row)
    })?;
    out.flush()
}

/// Writes one CSV record with the `csv` crate's default settings (quoting
/// where needed, its line end), as one writer for the whole file would.
fn write_row(out: &mut impl Write, row: &[String]) -> io::Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .buffer_capacity(4096)
        .from_writer(out);
    w.write_record(row)?;
    w.flush()
}

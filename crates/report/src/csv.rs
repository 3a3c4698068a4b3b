//! `--format csv`: one match per row, each row self-contained.
//!
//! Same content as JSONL, flattened for spreadsheets: `a_*` and `b_*` columns
//! for the two units; spans as `start-end` pairs separated by `;`, byte
//! offsets into the unit text; components as `name=value` pairs;
//! `credited_to` as source ids separated by `;`.

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

/// Writes a header row and one row per match.
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    let mut header: Vec<String> = vec!["statement".into(), "tier".into(), "score".into()];
    for p in ["a", "b"] {
        header.extend(SIDE_COLUMNS.iter().map(|c| format!("{p}_{c}")));
    }
    header.push("components".into());
    w.write_record(&header)?;
    for m in &report.matches {
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
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

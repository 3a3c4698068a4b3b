//! `--format json`: the whole [`Report`] as one pretty-printed JSON object.

use crate::model::Report;
use std::io::{self, Write};

/// Writes the report as one JSON object followed by a newline.
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

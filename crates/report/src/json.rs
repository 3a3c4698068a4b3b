//! `--format json`: the whole [`Report`] as one pretty-printed JSON object.

use crate::model::Report;
use std::io::{self, Write};

/// Writes the report as one JSON object followed by a newline.
///
/// serde_json writes a few bytes at a time; through `&mut dyn Write` each of
/// those is a virtual call, so it writes into a buffer of its own type
/// first (the writing stage of a 460 MB report took 2–3 s before).
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    out.flush()
}

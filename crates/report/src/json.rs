//! `--format json`: the whole [`Report`] as one pretty-printed JSON object.
//!
//! The report's four lists (articles, units, matches, statements) are
//! written by all threads: each element is rendered on its own, in
//! parallel, and the renderings are written in order. The output is
//! byte for byte what `serde_json::to_writer_pretty` writes for the whole
//! report (a test holds the two together). Serializing 460 MB of
//! SaudiNewsNet matches on one thread took 1.3 s, the longest serial
//! stretch of a run.
//!
//! Why rendering elements apart gives the same bytes: serde_json's pretty
//! printer indents every line by two spaces per level and never writes a
//! raw newline inside a string (it escapes it), so an element rendered at
//! level 0 becomes the element at level 2 by putting four spaces after
//! each of its newlines.

use crate::model::Report;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Elements rendered per parallel task.
const TASK: usize = 512;

/// Elements rendered before their bytes are written: bounds the rendered
/// bytes held at once (a few MB; a whole list of matches is hundreds).
const WINDOW: usize = 64 * TASK;

/// Writes the report as one JSON object followed by a newline.
///
/// The output goes through a buffer of this function's own type: serde_json
/// writes a few bytes at a time, and through `&mut dyn Write` each of those
/// would be a virtual call.
pub(crate) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{")?;
    list(&mut out, "articles", &report.articles)?;
    out.write_all(b",")?;
    list(&mut out, "units", &report.units)?;
    out.write_all(b",")?;
    list(&mut out, "matches", &report.matches)?;
    out.write_all(b",")?;
    list(&mut out, "statements", &report.statements)?;
    out.write_all(b",")?;
    key(&mut out, "summary")?;
    let mut rendered = Vec::new();
    indented(&report.summary, "  ", &mut rendered)?;
    out.write_all(&rendered)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Writes `"name": ` on a new line at level 1.
fn key(out: &mut impl Write, name: &str) -> io::Result<()> {
    out.write_all(b"\n  ")?;
    serde_json::to_writer(&mut *out, name)?;
    out.write_all(b": ")
}

/// Writes the field `name` holding `items` at level 1, rendering the items in parallel.
fn list<T: Serialize + Sync>(out: &mut impl Write, name: &str, items: &[T]) -> io::Result<()> {
    key(out, name)?;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    // Each window is rendered while the one before it is written.
    let mut pending: Vec<Vec<u8>> = Vec::new();
    for (w, window) in items.chunks(WINDOW).enumerate() {
        // The output is not `Send` (a `dyn Write`): it is written on this
        // thread while the pool renders.
        let mut rendered = Ok(Vec::new());
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| rendered = render(w, window));
            pending.iter().try_for_each(|buf| out.write_all(buf))
        })?;
        pending = rendered?;
    }
    pending.iter().try_for_each(|buf| out.write_all(buf))?;
    out.write_all(b"\n  ]")
}

/// Renders window `w` of a list, in tasks of [`TASK`] elements: each
/// element on a new line at level 2, after a comma unless it is the
/// list's first.
fn render<T: Serialize + Sync>(w: usize, window: &[T]) -> io::Result<Vec<Vec<u8>>> {
    window
        .par_chunks(TASK)
        .enumerate()
        .map(|(t, task)| {
            let mut buf = Vec::new();
            for (k, item) in task.iter().enumerate() {
                let first = w == 0 && t == 0 && k == 0;
                buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                indented(item, "    ", &mut buf)?;
            }
            Ok(buf)
        })
        .collect()
}

/// Appends `value` pretty-printed as if it stood at the level `indent`
/// gives (its first line is not indented: it follows a key or a newline
/// the caller wrote).
fn indented<T: Serialize>(value: &T, indent: &str, buf: &mut Vec<u8>) -> io::Result<()> {
    let mut flat = Vec::new();
    serde_json::to_writer_pretty(&mut flat, value)?;
    let mut lines = flat.split(|&b| b == b'\n');
    if let Some(first) = lines.next() {
        buf.extend_from_slice(first);
    }
    for line in lines {
        buf.push(b'\n');
        buf.extend_from_slice(indent.as_bytes());
        buf.extend_from_slice(line);
    }
    Ok(())
}

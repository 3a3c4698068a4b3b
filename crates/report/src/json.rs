//! `--format json`: the whole [`Report`] as one pretty-printed JSON object.
//!
//! The report's four lists (articles, units, matches, statements) are
//! rendered on all threads ([`crate::ordered`]). The output is byte for
//! byte what `serde_json::to_writer_pretty` writes for the whole report (a
//! test holds the two together, and fails when a field of [`Report`] is
//! missing here).
//!
//! The elements are rendered by a copy of serde_json's pretty formatter
//! that starts at the element's level (serde_json's own always starts at
//! the top).

use crate::model::Report;
use serde::Serialize;
use std::io::{self, Write};

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
    indented(&report.summary, 1, &mut out)?;
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
    crate::ordered::write_rendered(out, items, |i, item, buf| {
        // A comma before every element but the first.
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        indented(item, 2, buf)
    })?;
    out.write_all(b"\n  ]")
}

/// Appends `value` pretty-printed as if it stood at `level` (its first
/// line is not indented: it follows a key or a newline the caller wrote).
fn indented<T: Serialize>(value: &T, level: usize, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        out,
        Pretty {
            level,
            has_value: false,
        },
    );
    value.serialize(&mut ser)?;
    Ok(())
}

/// serde_json's `PrettyFormatter` (two spaces a level), starting at a
/// given level instead of 0; its methods are that formatter's, step for
/// step.
struct Pretty {
    level: usize,
    has_value: bool,
}

impl Pretty {
    fn newline<W: ?Sized + Write>(&self, out: &mut W, comma: bool) -> io::Result<()> {
        out.write_all(if comma { b",\n" } else { b"\n" })?;
        for _ in 0..self.level {
            out.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(out, false)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.newline(out, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.newline(out, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

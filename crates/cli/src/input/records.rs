//! Article records: JSONL (one object per line) and CSV (one row per article).
//!
//! Both carry the same fields: `id`, `text`, `outlet` (or passim's `series`),
//! optional `date`, `title`, `url`; any other field is kept in the article's
//! `extra`. A record that cannot be used is a skipped article whose reason
//! names the file and line.

use super::{Reader, check_text, skipped};
use anyhow::{Context, Result, bail};
use isnad_report::{Content, InputArticle};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::BufRead;
use std::path::Path;

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads one line into `buf`, keeping at most `cap` bytes (the rest of an
/// overlong line is consumed and counted). Returns the full line length
/// including the newline, or 0 at end of input.
fn read_capped_line<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<usize> {
    buf.clear();
    let mut total = 0usize;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = cap.saturating_add(1).saturating_sub(buf.len());
        buf.extend_from_slice(&chunk[..take.min(room)]);
        r.consume(take);
        total += take;
        if done {
            return Ok(total);
        }
    }
}

/// 1-based line numbers of byte offsets, counted incrementally (offsets
/// only grow as a file is read, so the whole count is linear).
#[derive(Default)]
pub(super) struct LineCounter {
    upto: usize,
    newlines: u64,
}

impl LineCounter {
    /// The line a record starting at `offset` is on; a record start that
    /// falls on the `\n` of a CRLF belongs to the next line.
    pub(super) fn line_at(&mut self, bytes: &[u8], offset: u64) -> u64 {
        let mut at = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        if at < self.upto {
            *self = LineCounter::default();
        }
        self.newlines += bytes[self.upto..at].iter().filter(|&&b| b == b'\n').count() as u64;
        self.upto = at;
        self.newlines + 1
    }
}

/// The field separator: a comma, unless the header row has none but has
/// semicolons (spreadsheets in locales with a decimal comma) or tabs.
pub(super) fn separator(bytes: &[u8]) -> u8 {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |c: u8| header.iter().filter(|&&b| b == c).count();
    if count(b',') > 0 {
        b','
    } else if count(b';') > count(b'\t') {
        b';'
    } else if count(b'\t') > 0 {
        b'\t'
    } else {
        b','
    }
}

/// Checks the quoting of one raw CSV row (its bytes in the file) the way
/// RFC 4180 and Python's `csv` in strict mode do. The csv crate parses
/// leniently: text after a closing quote is glued to the field, and an
/// unclosed quote runs to the end of the file, so one stray `"` can turn the
/// following rows into the text of this one and they vanish without a
/// word. A quote inside an unquoted field (`He said "no"`) is fine.
pub(super) fn quote_problem(raw: &[u8], sep: u8) -> Option<&'static str> {
    let mut i = 0;
    let mut field_start = true;
    while i < raw.len() {
        if field_start && raw[i] == b'"' {
            i += 1;
            loop {
                let Some(j) = raw[i..].iter().position(|&b| b == b'"') else {
                    return Some(
                        "a quoted field is never closed: it runs to the end of the file, taking every following row into this one",
                    );
                };
                i += j + 1;
                if raw.get(i) == Some(&b'"') {
                    i += 1; // `""` is an escaped quote
                } else {
                    break;
                }
            }
            if !matches!(raw.get(i), None | Some(b'\r' | b'\n')) && raw.get(i) != Some(&sep) {
                return Some(
                    "text after the closing quote of a quoted field: an unbalanced `\"` may have joined the following rows into this one",
                );
            }
            field_start = false;
            continue;
        }
        field_start = matches!(raw[i], b'\r' | b'\n') || raw[i] == sep;
        i += 1;
    }
    None
}

/// A serde_json error without its "at line 1 column N" (the line is ours to name).
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m);
    format!("{msg} (column {})", e.column())
}

fn place(path: &str, line: u64) -> String {
    format!("{path}:{line}")
}

/// A hint when a field is there under another case (`Text`, `OUTLET`, from
/// spreadsheet headers): field names are matched exactly.
fn other_case(fields: &Map<String, Value>, name: &str) -> String {
    fields
        .keys()
        .find(|k| k.eq_ignore_ascii_case(name))
        .map(|k| format!(" (there is `{k}`: field names are lower case)"))
        .unwrap_or_default()
}

/// Turns one record's fields into an article; `path`/`line` name where it came from.
fn record_article(
    mut fields: Map<String, Value>,
    path: &str,
    line: u64,
    max_bytes: u64,
) -> InputArticle {
    let at = place(path, line);
    // Surrounding spaces are export noise: `"sana "` and `"sana"` are one outlet.
    let mut take_string = |k: &str| -> Option<String> {
        match fields.remove(k)? {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.trim().to_string()),
            v => Some(v.to_string()),
        }
    };
    let id = take_string("id");
    let outlet = take_string("outlet").or_else(|| take_string("series"));
    let date = take_string("date");
    let title = take_string("title");
    let url = take_string("url");
    let text = fields.remove("text");
    let content = match text {
        None => Content::Skipped(format!(
            "{at}: no `text` field{}",
            other_case(&fields, "text")
        )),
        Some(Value::String(t)) if t.len() as u64 > max_bytes => Content::Skipped(format!(
            "{at}: text is {} bytes, over the limit of {max_bytes} bytes per article (--max-article-bytes)",
            t.len()
        )),
        Some(Value::String(t)) => match check_text(t.into_bytes(), 0) {
            Ok(t) => Content::Text(t),
            Err(why) => Content::Skipped(format!("{at}: text is {why}")),
        },
        Some(v) => Content::Skipped(format!(
            "{at}: `text` is not a string but {}",
            match v {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::Array(_) => "an array",
                Value::Object(_) => "an object",
                Value::String(_) => "a string",
            }
        )),
    };
    let content = match (&content, &outlet) {
        (Content::Text(_), None) => Content::Skipped(format!(
            "{at}: no `outlet` (or `series`) field{}",
            other_case(&fields, "outlet")
        )),
        _ => content,
    };
    InputArticle {
        id: id.unwrap_or_else(|| at.clone()),
        path: path.to_string(),
        line: Some(line),
        outlet: outlet.unwrap_or_default(),
        date,
        title,
        url,
        extra: fields.into_iter().collect(),
        content,
    }
}

/// JSONL lines parsed together, on all threads.
const BATCH_BYTES: usize = 8 << 20;

/// A JSONL line as read: already an article (a skipped one), or its bytes
/// (without line end and byte-order mark) with its line number and the
/// byte offset of its first byte in the file.
enum Record {
    Read(InputArticle),
    Line {
        line: u64,
        offset: u64,
        bytes: Vec<u8>,
    },
}

/// The article of one JSONL line's bytes; `name` is the file name shown in reasons.
fn parse_line(bytes: &[u8], name: &str, line: u64, offset: u64, max_bytes: u64) -> InputArticle {
    let at = place(name, line);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let reason = format!(
                "{at}: not valid UTF-8 (byte offset {} in the file)",
                offset + e.valid_up_to() as u64
            );
            return skipped(at, name.to_string(), Some(line), reason);
        }
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => record_article(map, name, line, max_bytes),
        Ok(_) => skipped(
            at.clone(),
            name.to_string(),
            Some(line),
            format!("{at}: not a JSON object"),
        ),
        Err(e) => skipped(
            at.clone(),
            name.to_string(),
            Some(line),
            format!("{at}: not valid JSON: {}", json_error(&e)),
        ),
    }
}

/// Where a JSONL file is being read: the line buffer and the counts that
/// go on from one batch to the next.
struct LineCursor {
    buf: Vec<u8>,
    line_no: u64,
    offset: u64,
    records: usize,
    cap: usize,
}

impl LineCursor {
    /// Reads lines until a batch holds [`BATCH_BYTES`] or the input ends;
    /// returns the batch and whether the input ended.
    fn read_batch<R: BufRead>(&mut self, r: &mut R, name: &str) -> Result<(Vec<Record>, bool)> {
        let mut batch: Vec<Record> = Vec::new();
        let mut batch_bytes = 0usize;
        loop {
            let n = read_capped_line(r, &mut self.buf, self.cap)
                .with_context(|| format!("cannot read {name} (after line {})", self.line_no))?;
            if n == 0 {
                return Ok((batch, true));
            }
            self.line_no += 1;
            let line_offset = self.offset;
            self.offset += n as u64;
            let buf = &mut self.buf;
            if buf.len() > self.cap {
                self.records += 1;
                let at = place(name, self.line_no);
                batch.push(Record::Read(skipped(
                    at.clone(),
                    name.to_string(),
                    Some(self.line_no),
                    format!(
                        "{at}: line is {n} bytes, over the limit of {} bytes per article (--max-article-bytes)",
                        self.cap
                    ),
                )));
                continue;
            }
            while buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                buf.pop();
            }
            // A byte-order mark (Windows editors, Excel) opens a file, not a record;
            // files joined with `cat` carry theirs to the start of a later line.
            let bom = if buf.starts_with(BOM) {
                buf.drain(..BOM.len());
                BOM.len() as u64
            } else {
                0
            };
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.records += 1;
            batch_bytes += buf.len();
            batch.push(Record::Line {
                line: self.line_no,
                offset: line_offset + bom,
                bytes: std::mem::take(buf),
            });
            if batch_bytes >= BATCH_BYTES {
                return Ok((batch, false));
            }
        }
    }
}

/// The articles of a batch of JSONL records, parsed on all threads, in order.
fn parse_batch(batch: Vec<Record>, name: &str, max_bytes: u64) -> Vec<InputArticle> {
    batch
        .into_par_iter()
        .map(|r| match r {
            Record::Read(article) => article,
            Record::Line {
                line,
                offset,
                bytes,
            } => parse_line(&bytes, name, line, offset, max_bytes),
        })
        .collect()
}

impl Reader<'_> {
    /// Reads JSONL from any reader; `name` is the file name shown in reasons (`-` for stdin).
    pub(super) fn read_jsonl_from<R: BufRead>(&mut self, mut r: R, name: &str) -> Result<()> {
        let start = r
            .fill_buf()
            .with_context(|| format!("cannot read {name}"))?;
        if let Some(why) = super::utf16_problem(start) {
            bail!("{name}: {why}");
        }
        let max_bytes = self.max_bytes;
        let mut cursor = LineCursor {
            buf: Vec::new(),
            line_no: 0,
            offset: 0,
            records: 0,
            cap: usize::try_from(max_bytes).unwrap_or(usize::MAX),
        };
        // Lines are read here and parsed a batch at a time on all threads
        // (JSON parsing and text checks were a serial second on
        // SaudiNewsNet's 106 MB); articles are kept in input order. While
        // one batch is parsed, this thread adds the articles of the batch
        // before it and reads the next one (both ran on this thread alone
        // while the pool waited).
        let (mut batch, mut ended) = cursor.read_batch(&mut r, name)?;
        let mut parsed: Vec<InputArticle> = Vec::new();
        loop {
            let mut next = None;
            let mut now_parsed = Vec::new();
            rayon::in_place_scope(|s| {
                let batch = std::mem::take(&mut batch);
                let out = &mut now_parsed;
                s.spawn(move |_| *out = parse_batch(batch, name, max_bytes));
                for article in parsed.drain(..) {
                    self.push(article);
                }
                if !ended {
                    next = Some(cursor.read_batch(&mut r, name));
                }
            });
            parsed = now_parsed;
            match next {
                Some(read) => (batch, ended) = read?,
                None => break,
            }
        }
        for article in parsed {
            self.push(article);
        }
        if cursor.records == 0 {
            self.push(skipped(
                name.to_string(),
                name.to_string(),
                None,
                format!("{name}: empty: no articles"),
            ));
        }
        Ok(())
    }

    /// Reads a CSV file with a header row; the header must have a `text` column.
    pub(super) fn read_csv(&mut self, path: &Path) -> Result<()> {
        let name = path.display().to_string();
        // Read whole: the csv crate's line numbers are off by one after CRLF
        // line ends, so lines are counted here from byte offsets instead.
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
        if let Some(why) = super::utf16_problem(&bytes) {
            bail!("{name}: {why}");
        }
        let mut lines = LineCounter::default();
        let sep = separator(&bytes);
        if sep != b',' {
            self.out.notes.push(format!(
                "{name}: the header row has no comma but `{}`: read as {}-separated",
                if sep == b'\t' { "\\t" } else { ";" },
                if sep == b'\t' { "tab" } else { "semicolon" },
            ));
        }
        let mut rd = csv::ReaderBuilder::new()
            .delimiter(sep)
            .has_headers(true)
            .from_reader(bytes.as_slice());
        let headers = rd
            .byte_headers()
            .with_context(|| format!("{name}: cannot read the header row"))?
            .clone();
        if headers.is_empty() {
            self.push(skipped(
                name.clone(),
                name.clone(),
                None,
                format!("{name}: empty: no articles"),
            ));
            return Ok(());
        }
        let headers: Vec<String> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                std::str::from_utf8(h)
                    .map(|s| s.trim_start_matches('\u{FEFF}').to_string())
                    .map_err(|_| {
                        anyhow::anyhow!("{name}: header column {} is not valid UTF-8", i + 1)
                    })
            })
            .collect::<Result<_>>()?;
        // Without these columns every row would be skipped for the same reason.
        for (need, label) in [
            (&["text"][..], "`text`"),
            (&["outlet", "series"][..], "`outlet` or `series`"),
        ] {
            if !headers.iter().any(|h| need.contains(&h.as_str())) {
                bail!(
                    "{name}: the header row has no {label} column (columns: {})",
                    headers.join(", ")
                );
            }
        }
        let mut records = 0usize;
        let mut rec = csv::ByteRecord::new();
        loop {
            let pos_line = lines.line_at(&bytes, rd.position().byte());
            match rd.read_byte_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let (line, why) = match e.kind() {
                        csv::ErrorKind::UnequalLengths {
                            pos,
                            expected_len,
                            len,
                        } => (
                            pos.as_ref()
                                .map_or(pos_line, |p| lines.line_at(&bytes, p.byte())),
                            format!("row has {len} fields, the header has {expected_len}"),
                        ),
                        _ => (pos_line, e.to_string()),
                    };
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        return Err(e).with_context(|| format!("cannot read {name}"));
                    }
                    records += 1;
                    let at = place(&name, line);
                    self.push(skipped(
                        at.clone(),
                        name.clone(),
                        Some(line),
                        format!("{at}: malformed CSV row: {why}"),
                    ));
                    continue;
                }
            }
            records += 1;
            let line = rec
                .position()
                .map_or(pos_line, |p| lines.line_at(&bytes, p.byte()));
            let at = place(&name, line);
            let start = rec.position().map_or(0, |p| p.byte());
            let raw = usize::try_from(start)
                .ok()
                .and_then(|s| bytes.get(s..usize::try_from(rd.position().byte()).ok()?))
                .unwrap_or_default();
            if let Some(why) = quote_problem(raw, sep) {
                let body = raw.trim_ascii();
                let last = line + body.iter().filter(|&&b| b == b'\n').count() as u64;
                let lines = if last > line {
                    format!(" (lines {line}–{last})")
                } else {
                    String::new()
                };
                self.push(skipped(
                    at.clone(),
                    name.clone(),
                    Some(line),
                    format!("{at}: malformed CSV row{lines}: {why}"),
                ));
                continue;
            }
            if rec.as_slice().len() as u64 > self.max_bytes {
                self.push(skipped(
                    at.clone(),
                    name.clone(),
                    Some(line),
                    format!(
                        "{at}: row is {} bytes, over the limit of {} bytes per article (--max-article-bytes)",
                        rec.as_slice().len(),
                        self.max_bytes
                    ),
                ));
                continue;
            }
            let mut map = Map::new();
            let mut bad = None;
            for (h, field) in headers.iter().zip(rec.iter()) {
                match std::str::from_utf8(field) {
                    Ok(s) => {
                        map.insert(h.clone(), Value::String(s.to_string()));
                    }
                    Err(e) => {
                        // Offsets inside a parsed record do not map back to the
                        // file exactly (quotes, escapes): name the field's byte.
                        bad = Some(format!(
                            "{at}: column `{h}` is not valid UTF-8 (byte {} of the field; the row starts at byte offset {} in the file)",
                            e.valid_up_to(),
                            rec.position().map_or(0, |p| p.byte())
                        ));
                        break;
                    }
                }
            }
            let article = match bad {
                Some(reason) => skipped(at, name.clone(), Some(line), reason),
                None => record_article(map, &name, line, self.max_bytes),
            };
            self.push(article);
        }
        if records == 0 {
            self.push(skipped(
                name.clone(),
                name.clone(),
                None,
                format!("{name}: no articles after the header"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_lines_are_cut_but_fully_consumed() {
        let mut r = std::io::Cursor::new(b"0123456789\nab\n".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_capped_line(&mut r, &mut buf, 4).unwrap(), 11);
        assert_eq!(buf.len(), 5);
        assert_eq!(read_capped_line(&mut r, &mut buf, 4).unwrap(), 3);
        assert_eq!(buf, b"ab\n");
        assert_eq!(read_capped_line(&mut r, &mut buf, 4).unwrap(), 0);
    }

    #[test]
    fn csv_quoting_is_checked_strictly() {
        assert_eq!(quote_problem(b"a,\"b, \"\"c\"\"\",d\r\n", b','), None);
        assert_eq!(quote_problem(b"a,He said \"no\" twice,d\n", b','), None);
        assert_eq!(quote_problem(b"a,\"multi\nline\"\n", b','), None);
        assert_eq!(quote_problem(b"\"\",x", b','), None);
        assert!(quote_problem(b"a,\"b\nc,\"d\"\n", b',').is_some());
        assert!(quote_problem(b"a,\"never closed\nb,c\n", b',').is_some());
        assert_eq!(quote_problem(b"a;\"b; c\";d\n", b';'), None);
        assert!(quote_problem(b"a;\"b\";\"c\"d\n", b';').is_some());
        assert_eq!(separator(b"id;outlet;text\r\n1;a;b,c"), b';');
        assert_eq!(separator(b"id,outlet;x,text\n"), b',');
        assert_eq!(separator(b"id\toutlet\ttext\n"), b'\t');
    }

    #[test]
    fn a_record_without_text_is_skipped_with_its_place() {
        let map: Map<String, Value> =
            serde_json::from_str(r#"{"id":"x","outlet":"sana"}"#).unwrap();
        let a = record_article(map, "in.jsonl", 4, 1 << 20);
        match a.content {
            Content::Skipped(r) => assert_eq!(r, "in.jsonl:4: no `text` field"),
            Content::Text(_) => panic!("should be skipped"),
        }
    }

    #[test]
    fn passim_series_is_the_outlet_and_unknown_fields_are_kept() {
        let map: Map<String, Value> =
            serde_json::from_str(r#"{"id":"x","series":"sana","text":"نص","seq":3}"#).unwrap();
        let a = record_article(map, "in.jsonl", 1, 1 << 20);
        assert_eq!(a.outlet, "sana");
        assert_eq!(a.extra.get("seq"), Some(&Value::from(3)));
    }

    #[test]
    fn batches_keep_input_order_and_every_line_is_accounted_for() {
        // Over two batches of good lines, with bad ones between them.
        let text = "نص ".repeat(700);
        let mut input = Vec::new();
        let mut expected: Vec<(u64, bool)> = Vec::new();
        let mut line = 0u64;
        while input.len() < 2 * BATCH_BYTES + BATCH_BYTES / 2 {
            line += 1;
            match line % 97 {
                10 => input.extend_from_slice(b"{not json"),
                20 => input.extend_from_slice(b"{\"id\":\"\xff\"}"),
                30 => {
                    // A blank line is no article.
                    input.push(b'\n');
                    continue;
                }
                _ => input.extend_from_slice(
                    format!(
                        r#"{{"id":"a{line}","outlet":"o{}","text":"{text}"}}"#,
                        line % 3
                    )
                    .as_bytes(),
                ),
            }
            input.push(b'\n');
            expected.push((line, !matches!(line % 97, 10 | 20)));
        }
        let own = super::super::OwnFiles::default();
        let on_article = |_: u64| {};
        let mut reader = Reader::new(1 << 20, &own, &on_article);
        reader
            .read_jsonl_from(std::io::Cursor::new(input), "in.jsonl")
            .unwrap();
        let articles = reader.finish().articles;
        let got: Vec<(u64, bool)> = articles
            .iter()
            .map(|a| (a.line.unwrap(), matches!(a.content, Content::Text(_))))
            .collect();
        assert_eq!(got, expected);
        for a in articles
            .iter()
            .filter(|a| matches!(a.content, Content::Text(_)))
        {
            assert_eq!(a.id, format!("a{}", a.line.unwrap()));
        }
    }
}

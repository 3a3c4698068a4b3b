//! Reading articles from folders, text files, JSONL, CSV and manifests.
//!
//! The rule here is that nothing is dropped silently: every file or record
//! that looks like an article becomes an [`InputArticle`], and one that
//! cannot be used becomes [`Content::Skipped`] with a reason naming the file
//! (and line, and byte offset where it applies). Only problems that make the
//! whole run untrustworthy are errors: a path that does not exist, a folder
//! that cannot be listed, a manifest or CSV header that cannot be read.

mod files;
mod records;

use anyhow::{Context, Result, bail};
use isnad_report::{Content, InputArticle};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use files::ManifestEntry;

/// Articles longer than this are skipped (64 MiB): a bigger "article" is
/// almost always a mis-exported dump, and segmenting it would hold the run.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 64 << 20;

/// What the reader found.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Every article, in input order.
    pub articles: Vec<InputArticle>,
    /// Things worth telling the user that are not about one article.
    pub notes: Vec<String>,
    /// A note when every readable article has one outlet (a flat folder,
    /// usually), kept apart from `notes` because it only matters to a run
    /// that looks for repeats across outlets (not `--same-outlet`).
    pub one_outlet: Option<String>,
}

/// The files this run writes, which a folder given as input must not read
/// back: `isnad compare corpus/ -o corpus/report.txt` run twice would
/// otherwise read the first run's report as an article.
#[derive(Debug, Default, Clone)]
pub struct OwnFiles {
    /// The `--output` file (it may not exist yet).
    pub report: Option<PathBuf>,
    /// The hidden temporary file the report is written to before it replaces `report`.
    pub temp: Option<PathBuf>,
}

/// The suffix of isnad's hidden temporary report files
/// (`.NAME.XXXXXX.isnad-tmp`, see `output::Destination`).
pub const TEMP_SUFFIX: &str = ".isnad-tmp";

/// The reader: options plus state shared across paths (manifest metadata, files already read).
pub struct Reader<'p> {
    max_bytes: u64,
    /// Canonical paths of this run's own output files ([`OwnFiles`]), never read.
    own: Vec<PathBuf>,
    /// Manifest metadata by canonical file path.
    meta: HashMap<PathBuf, ManifestEntry>,
    /// Canonical paths already read, so a file named twice is read once.
    seen: HashSet<PathBuf>,
    /// Ids of the articles read so far (for folder ids that would clash).
    ids: HashSet<String>,
    stdin_used: bool,
    out: Inputs,
    on_article: &'p dyn Fn(u64),
}

impl<'p> Reader<'p> {
    /// A reader skipping articles over `max_bytes` and this run's own files;
    /// `on_article` is called with the running count.
    pub fn new(max_bytes: u64, own: &OwnFiles, on_article: &'p dyn Fn(u64)) -> Self {
        Reader {
            max_bytes,
            own: [&own.report, &own.temp]
                .into_iter()
                .flatten()
                .filter_map(|p| p.canonicalize().ok())
                .collect(),
            meta: HashMap::new(),
            seen: HashSet::new(),
            ids: HashSet::new(),
            stdin_used: false,
            out: Inputs::default(),
            on_article,
        }
    }

    fn push(&mut self, article: InputArticle) {
        self.ids.insert(article.id.clone());
        self.out.articles.push(article);
        (self.on_article)(self.out.articles.len() as u64);
    }

    /// Reads an explicit manifest: its metadata applies to files read later,
    /// and the files it lists are read.
    pub fn read_manifest(&mut self, manifest: &Path) -> Result<()> {
        let entries = files::load_manifest(manifest)?;
        let base = manifest.parent().unwrap_or(Path::new("."));
        for e in &entries {
            if let Ok(c) = base.join(&e.file).canonicalize() {
                self.meta.insert(c, e.clone());
            }
        }
        for e in entries {
            self.read_manifest_entry(base, &e);
        }
        Ok(())
    }

    /// Reads one command-line path: `-`, a folder, or a file by its extension.
    pub fn read_path(&mut self, path: &Path) -> Result<()> {
        if path == Path::new("-") {
            if self.stdin_used {
                bail!("`-` (stdin) given more than once");
            }
            self.stdin_used = true;
            let stdin = std::io::stdin().lock();
            return self.read_jsonl_from(stdin, "-");
        }
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            self.read_dir(path)
        } else {
            // The same file twice (overlapping globs) is read once, as in folders,
            // rather than failing on "duplicate ids" naming one place twice.
            if let Ok(c) = path.canonicalize() {
                if self.seen.contains(&c) {
                    self.out.notes.push(format!(
                        "{}: already read (named twice, or inside a folder given too); read once",
                        path.display()
                    ));
                    return Ok(());
                }
                if extension(path) != "txt" {
                    self.seen.insert(c);
                }
            }
            match extension(path).as_str() {
                "jsonl" | "ndjson" => {
                    let file = std::fs::File::open(path)
                        .with_context(|| format!("cannot open {}", path.display()))?;
                    self.read_jsonl_from(std::io::BufReader::new(file), &path.display().to_string())
                }
                "csv" => self.read_csv(path),
                "txt" => {
                    let id = strip_txt(&slash_path(path));
                    let outlet = folder_outlet(path);
                    self.read_text(path, id, outlet);
                    Ok(())
                }
                // Reading anything else as one plain-text article would turn a
                // JSON array or a TSV export into a single bogus article.
                other => bail!("{}", unsupported_file(path, other)),
            }
        }
    }

    /// Everything read so far.
    pub fn finish(self) -> Inputs {
        self.out
    }
}

/// Reads every path (and the explicit manifest first, if any).
pub fn read_all(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    max_bytes: u64,
    own: &OwnFiles,
    on_article: &dyn Fn(u64),
) -> Result<Inputs> {
    if paths.is_empty() && manifest.is_none() {
        bail!("no input: give folders, .jsonl/.csv/.txt files, `-` for stdin, or --manifest FILE");
    }
    let mut reader = Reader::new(max_bytes, own, on_article);
    if let Some(m) = manifest {
        reader.read_manifest(m)?;
    }
    for p in paths {
        reader.read_path(p)?;
    }
    let mut inputs = reader.finish();
    if inputs.articles.is_empty() {
        let mut msg = format!(
            "no articles found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        for note in &inputs.notes {
            msg.push_str("\n  ");
            msg.push_str(note);
        }
        bail!(msg);
    }
    if !inputs
        .articles
        .iter()
        .any(|a| matches!(a.content, Content::Text(_)))
    {
        // A report of nothing but skips would pass for a clean run (exit 0).
        bail!(nothing_usable(&inputs));
    }
    inputs.one_outlet = one_outlet_note(&inputs.articles);
    Ok(inputs)
}

/// The error when every article read was skipped: the first reasons, and the notes.
fn nothing_usable(inputs: &Inputs) -> String {
    const SHOWN: usize = 5;
    let n = inputs.articles.len();
    let mut msg = format!("none of the {n} article(s) read can be used:");
    for a in inputs.articles.iter().take(SHOWN) {
        if let Content::Skipped(why) = &a.content {
            msg.push_str("\n  ");
            msg.push_str(why);
        }
    }
    if n > SHOWN {
        msg.push_str(&format!("\n  … and {} more", n - SHOWN));
    }
    for note in &inputs.notes {
        msg.push_str("\n  ");
        msg.push_str(note);
    }
    msg
}

/// A note when every readable article has the same outlet: repeats are
/// looked for across outlets by default, so such a run finds nothing, and
/// the usual cause is a flat folder of `.txt` files (outlet = folder name).
fn one_outlet_note(articles: &[InputArticle]) -> Option<String> {
    let mut readable = articles
        .iter()
        .filter(|a| matches!(a.content, Content::Text(_)));
    let first = readable.next()?;
    let mut count = 1usize;
    for a in readable {
        if a.outlet != first.outlet {
            return None;
        }
        count += 1;
    }
    (count >= 2).then(|| {
        format!(
            "all {count} readable articles are from one outlet ({}): repeats are looked for across outlets unless --same-outlet is given; for .txt files the outlet is the parent folder's name, so put each outlet's files in a folder of its own",
            first.outlet
        )
    })
}

/// Why a file given on the command line is not read, with what to do instead.
fn unsupported_file(path: &Path, ext: &str) -> String {
    let kind = if ext.is_empty() {
        "a file without an extension".to_string()
    } else {
        format!("a `.{ext}` file")
    };
    let hint = match ext {
        "json" => format!(
            " (for a JSON array of articles: `jq -c '.[]' {} > articles.jsonl`)",
            path.display()
        ),
        "" => " (pipe JSONL into `-`)".to_string(),
        _ => String::new(),
    };
    format!(
        "{}: cannot tell how to read {kind}: give folders, .txt, .jsonl (.ndjson) or .csv files, or `-` for JSONL on stdin{hint}",
        path.display()
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A path with `/` separators, for ids that read the same on every platform.
fn slash_path(path: &Path) -> String {
    use std::path::Component;
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        // The root is the empty name before the first `/` (not a second `/`).
        .map(|c| match c {
            Component::RootDir => "".into(),
            c => c.as_os_str().to_string_lossy(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn strip_txt(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    if lower.ends_with(".txt") {
        s[..s.len() - 4].to_string()
    } else {
        s.to_string()
    }
}

/// The outlet of a plain text file: the name of the folder it is in.
fn folder_outlet(path: &Path) -> String {
    path.parent()
        .and_then(|p| {
            if p.as_os_str().is_empty() {
                std::env::current_dir()
                    .ok()?
                    .file_name()
                    .map(|n| n.to_owned())
            } else {
                p.canonicalize()
                    .ok()
                    .and_then(|c| c.file_name().map(|n| n.to_owned()))
                    .or_else(|| p.file_name().map(|n| n.to_owned()))
            }
        })
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "unknown".to_string())
}

/// `text` without a leading byte-order mark (removed in place: no copy of
/// a large file).
pub(crate) fn without_bom(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    text
}

/// What to say about a file that starts with a UTF-16 byte-order mark
/// (Windows Notepad's "Unicode"): otherwise its NUL bytes make it look
/// binary and its first bytes invalid UTF-8, which hides the easy fix.
pub(crate) fn utf16_problem(bytes: &[u8]) -> Option<String> {
    let kind = match bytes {
        [0xFF, 0xFE, ..] => "UTF-16LE",
        [0xFE, 0xFF, ..] => "UTF-16BE",
        _ => return None,
    };
    Some(format!(
        "{kind} text (it starts with a byte-order mark), isnad reads UTF-8: convert it first, e.g. `iconv -f UTF-16 -t UTF-8`"
    ))
}

/// Checks raw bytes as article text: not binary, valid UTF-8, not empty.
/// `offset` is added to reported byte offsets (for records inside a larger file).
pub(crate) fn check_text(bytes: Vec<u8>, offset: u64) -> Result<String, String> {
    if let Some(why) = utf16_problem(&bytes) {
        return Err(why);
    }
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary data (NUL byte at byte offset {})",
            offset + i as u64
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (byte offset {})",
            offset + e.utf8_error().valid_up_to() as u64
        )
    })?;
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err(if text.is_empty() {
            "empty".to_string()
        } else {
            "empty (only whitespace)".to_string()
        });
    }
    Ok(text)
}

pub(crate) fn skipped(id: String, path: String, line: Option<u64>, reason: String) -> InputArticle {
    InputArticle {
        id,
        path,
        line,
        content: Content::Skipped(reason),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_checks_name_the_byte_offset() {
        assert_eq!(
            check_text(b"ab\xffcd".to_vec(), 10).unwrap_err(),
            "not valid UTF-8 (byte offset 12)"
        );
        assert_eq!(
            check_text(b"ab\0cd".to_vec(), 0).unwrap_err(),
            "binary data (NUL byte at byte offset 2)"
        );
        assert_eq!(
            check_text(b" \n".to_vec(), 0).unwrap_err(),
            "empty (only whitespace)"
        );
        assert_eq!(
            check_text("\u{FEFF}نص".as_bytes().to_vec(), 0).unwrap(),
            "نص"
        );
    }

    #[test]
    fn ids_drop_txt_and_use_slashes() {
        assert_eq!(strip_txt("a/b.TXT"), "a/b");
        assert_eq!(slash_path(Path::new("./a/b.txt")), "a/b.txt");
        assert_eq!(slash_path(Path::new("/a/./b.txt")), "/a/b.txt");
    }
}

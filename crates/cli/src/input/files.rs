//! Plain text articles: folders of `.txt` files and manifests describing them.
//!
//! A folder tree is the simplest way to hand isnad a collection: one folder
//! per outlet, one file per article. Dates and titles cannot live in a file
//! name reliably, so a `manifest.jsonl` or `manifest.csv` in a folder (or
//! `--manifest FILE`) maps each file to its outlet, date and title.

use super::records::{LineCounter, quote_problem, separator};
use super::{Reader, check_text, extension, folder_outlet, skipped, slash_path, strip_txt};
use anyhow::{Context, Result, bail};
use isnad_report::{Content, InputArticle};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Names a folder's manifest may have, in order of preference.
const MANIFEST_NAMES: [&str; 2] = ["manifest.jsonl", "manifest.csv"];

/// One line of a manifest: which file, and what is known about it.
#[derive(Debug, Clone, Default)]
pub struct ManifestEntry {
    /// The file, relative to the manifest's folder.
    pub file: String,
    /// Article id (default: the file path without `.txt`).
    pub id: Option<String>,
    /// Outlet (default: the file's folder name).
    pub outlet: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Other columns, kept in the article's `extra`.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Where this entry is (`manifest.jsonl:3`).
    pub place: String,
}

/// Reads a manifest (JSONL or CSV by extension). A malformed manifest line is
/// an error: the metadata of the whole collection is then in doubt.
pub fn load_manifest(path: &Path) -> Result<Vec<ManifestEntry>> {
    let bytes =
        std::fs::read(path).with_context(|| format!("cannot read manifest {}", path.display()))?;
    if let Some(why) = super::utf16_problem(&bytes) {
        bail!("manifest {}: {why}", path.display());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "manifest {} is not valid UTF-8 (byte offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let text = super::without_bom(text);
    let mut records: Vec<(u64, serde_json::Map<String, serde_json::Value>)> = Vec::new();
    if extension(path) == "csv" {
        // As for CSV articles: line numbers from byte offsets (the csv crate
        // miscounts after CRLF), strict quoting (a stray quote would glue the
        // following entries into one field), `;` or tab when the header has no comma.
        let bytes = text.as_bytes();
        let sep = separator(bytes);
        let mut rd = csv::ReaderBuilder::new().delimiter(sep).from_reader(bytes);
        let headers = rd
            .headers()
            .with_context(|| format!("manifest {}: cannot read the header row", path.display()))?
            .clone();
        let mut lines = LineCounter::default();
        let mut rec = csv::StringRecord::new();
        loop {
            let line = lines.line_at(bytes, rd.position().byte());
            match rd.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => bail!("manifest {}:{line}: malformed CSV row: {e}", path.display()),
            }
            let start = rec.position().map_or(0, |p| p.byte());
            let line = lines.line_at(bytes, start);
            let raw = usize::try_from(start)
                .ok()
                .and_then(|s| bytes.get(s..usize::try_from(rd.position().byte()).ok()?))
                .unwrap_or_default();
            if let Some(why) = quote_problem(raw, sep) {
                bail!(
                    "manifest {}:{line}: malformed CSV row: {why}",
                    path.display()
                );
            }
            let map = headers
                .iter()
                .zip(rec.iter())
                .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
                .collect();
            records.push((line, map));
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = serde_json::from_str(line).with_context(|| {
                format!("manifest {}:{}: not valid JSON", path.display(), i + 1)
            })?;
            let serde_json::Value::Object(map) = value else {
                bail!("manifest {}:{}: not a JSON object", path.display(), i + 1);
            };
            records.push((i as u64 + 1, map));
        }
    }
    let mut out = Vec::with_capacity(records.len());
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, mut map) in records {
        let place = format!("{}:{}", path.display(), line);
        let mut take = |k: &str| -> Option<String> {
            match map.remove(k)? {
                serde_json::Value::String(s) if s.trim().is_empty() => None,
                serde_json::Value::String(s) => Some(s.trim().to_string()),
                serde_json::Value::Null => None,
                v => Some(v.to_string()),
            }
        };
        let Some(file) = take("file").or_else(|| take("path")) else {
            bail!("{place}: manifest entry has no `file` field");
        };
        let entry = ManifestEntry {
            file,
            id: take("id"),
            outlet: take("outlet").or_else(|| take("series")),
            date: take("date"),
            title: take("title"),
            url: take("url"),
            extra: map.into_iter().collect(),
            place,
        };
        // Only the first entry of a file is used: a later one that says
        // something else would be dropped without a word.
        let key = slash_path(Path::new(&entry.file));
        if let Some(&i) = index.get(&key) {
            let first: &ManifestEntry = &out[i];
            if !same_metadata(first, &entry) {
                bail!(
                    "{}: manifest lists {} again with other metadata (first at {})",
                    entry.place,
                    entry.file,
                    first.place
                );
            }
            continue;
        }
        index.insert(key, out.len());
        out.push(entry);
    }
    Ok(out)
}

fn same_metadata(a: &ManifestEntry, b: &ManifestEntry) -> bool {
    (&a.id, &a.outlet, &a.date, &a.title, &a.url, &a.extra)
        == (&b.id, &b.outlet, &b.date, &b.title, &b.url, &b.extra)
}

/// What [`walk`] finds in a folder tree.
#[derive(Default)]
struct Walked {
    /// Files, sorted, without hidden files and manifests.
    files: Vec<PathBuf>,
    /// Manifests, one per folder at most.
    manifests: Vec<PathBuf>,
    /// isnad's hidden temporary report files (`.NAME.XXXXXX.isnad-tmp`).
    temps: Vec<PathBuf>,
}

/// Files of a folder tree, sorted, without hidden files and folders.
/// Symlinked folders are not followed (no cycles).
fn walk(dir: &Path, found: &mut Walked) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list folder {}", dir.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("cannot list folder {}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for name in MANIFEST_NAMES {
        if entries.iter().any(|e| e.file_name() == name) {
            found.manifests.push(dir.join(name));
            break;
        }
    }
    for e in entries {
        let name = e.file_name();
        let ty = e.file_type()?;
        let shown = name.to_string_lossy();
        if shown.starts_with('.') {
            if shown.ends_with(super::TEMP_SUFFIX) && ty.is_file() {
                found.temps.push(e.path());
            }
            continue;
        }
        let path = e.path();
        if ty.is_dir() {
            walk(&path, found)?;
        } else if !MANIFEST_NAMES.iter().any(|m| name == *m) {
            found.files.push(path);
        }
    }
    Ok(())
}

impl Reader<'_> {
    /// Reads a folder tree: every `.txt` file, with metadata from manifests found on the way.
    pub(super) fn read_dir(&mut self, root: &Path) -> Result<()> {
        let mut walked = Walked::default();
        walk(root, &mut walked)?;
        let Walked {
            mut files,
            manifests,
            temps,
        } = walked;
        // This run's own report (from an earlier run) is no article.
        if !self.own.is_empty() {
            // Names first: a canonical path costs a system call per file.
            let own = |f: &PathBuf| {
                self.own.iter().any(|o| o.file_name() == f.file_name())
                    && f.canonicalize().is_ok_and(|c| self.own.contains(&c))
            };
            let (skipped, kept): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(own);
            for f in &skipped {
                self.out.notes.push(format!(
                    "{}: not read: it is this run's --output file (an earlier report); write reports outside the input folder",
                    f.display()
                ));
            }
            files = kept;
        }
        // Temporary files of other isnad runs are never articles; this run's is not worth a word.
        let stale: Vec<&PathBuf> = temps
            .iter()
            .filter(|t| !t.canonicalize().is_ok_and(|c| self.own.contains(&c)))
            .collect();
        if let Some(first) = stale.first() {
            self.out.notes.push(format!(
                "{}: not read: {} isnad temporary report file(s) ({}{}), left by an interrupted run or being written by another one",
                root.display(),
                stale.len(),
                first.display(),
                if stale.len() > 1 { ", …" } else { "" }
            ));
        }
        // Entries of a folder's own manifest, to read listed files the walk does not cover.
        let mut listed: Vec<(PathBuf, ManifestEntry)> = Vec::new();
        for m in &manifests {
            let base = m.parent().unwrap_or(root).to_path_buf();
            for e in load_manifest(m)? {
                if let Ok(c) = base.join(&e.file).canonicalize() {
                    self.meta.entry(c).or_insert_with(|| e.clone());
                }
                listed.push((base.clone(), e));
            }
        }
        let ignored = files.iter().filter(|f| extension(f) != "txt").count();
        files.retain(|f| extension(f) == "txt");
        let texts = files.len();
        let listed_none = listed.is_empty();
        // Ids are paths relative to the folder, so two folders of the same
        // layout (`day1/sana/001.txt`, `day2/sana/001.txt`) would clash; then
        // this folder's ids keep the folder's own path.
        let relative = |f: &Path| strip_txt(&slash_path(f.strip_prefix(root).unwrap_or(f)));
        let clash = files.iter().any(|f| self.ids.contains(&relative(f)));
        if clash {
            self.out.notes.push(format!(
                "{}: file names also read from another input, so this folder's article ids include its path ({})",
                root.display(),
                strip_txt(&slash_path(&files[0]))
            ));
        }
        for f in files {
            let id = if clash {
                strip_txt(&slash_path(&f))
            } else {
                relative(&f)
            };
            let outlet = folder_outlet(&f);
            self.read_text(&f, id, outlet);
        }
        for (base, e) in listed {
            self.read_manifest_entry(&base, &e);
        }
        // A mistyped folder among other inputs would otherwise go unnoticed.
        let none = if texts == 0 && listed_none {
            "no .txt files in this folder"
        } else {
            ""
        };
        let note = match (none, ignored) {
            ("", 0) => None,
            (none, 0) => Some(none.to_string()),
            (none, n) => Some(format!(
                "{none}{}ignored {n} file(s) that are not .txt (give .jsonl/.csv files as separate arguments)",
                if none.is_empty() { "" } else { "; " }
            )),
        };
        if let Some(note) = note {
            self.out.notes.push(format!("{}: {note}", root.display()));
        }
        Ok(())
    }

    /// Reads a file a manifest lists, unless it was read already; a missing file is a skipped article.
    pub(super) fn read_manifest_entry(&mut self, base: &Path, e: &ManifestEntry) {
        let path = base.join(&e.file);
        let id = e.id.clone().unwrap_or_else(|| strip_txt(&e.file));
        match path.canonicalize() {
            Ok(c) if self.seen.contains(&c) => {}
            Ok(_) => {
                let outlet = folder_outlet(&path);
                self.read_text(&path, id, outlet);
            }
            Err(err) => {
                let mut a = skipped(
                    id,
                    slash_path(&path),
                    None,
                    format!(
                        "{}: listed in {} but cannot be read: {err}",
                        path.display(),
                        e.place
                    ),
                );
                a.outlet = e.outlet.clone().unwrap_or_default();
                a.date = e.date.clone();
                self.push(a);
            }
        }
    }

    /// Reads one plain text article; manifest metadata, when there is some, wins over the defaults.
    pub(super) fn read_text(&mut self, path: &Path, default_id: String, default_outlet: String) {
        let canonical = path.canonicalize().ok();
        if let Some(c) = &canonical
            && !self.seen.insert(c.clone())
        {
            return;
        }
        let entry = canonical
            .as_ref()
            .and_then(|c| self.meta.get(c))
            .cloned()
            .unwrap_or_default();
        let shown = slash_path(path);
        let content = match std::fs::metadata(path) {
            Err(e) => Content::Skipped(format!("{shown}: cannot read: {e}")),
            Ok(m) if m.len() > self.max_bytes => Content::Skipped(format!(
                "{shown}: {} bytes, over the limit of {} bytes per article (--max-article-bytes)",
                m.len(),
                self.max_bytes
            )),
            Ok(_) => match std::fs::read(path) {
                Err(e) => Content::Skipped(format!("{shown}: cannot read: {e}")),
                Ok(bytes) => match check_text(bytes, 0) {
                    Ok(text) => Content::Text(text),
                    Err(why) => Content::Skipped(format!("{shown}: {why}")),
                },
            },
        };
        let article = InputArticle {
            id: entry.id.unwrap_or(default_id),
            path: shown,
            line: None,
            outlet: entry.outlet.unwrap_or(default_outlet),
            date: entry.date,
            title: entry.title,
            url: entry.url,
            extra: entry.extra,
            content,
        };
        self.push(article);
    }
}

//! The isnad report: which statements repeat between outlets, and its renderings.
//!
//! The last stage of the pipeline (articles → units → matches → statements →
//! **report**). [`build`] runs the pipeline libraries over the articles the CLI
//! read and returns a [`Report`]: plain data with stable ids (article ids from
//! the input, unit ids `<article>#<index>`, statement ids `s1`, `s2`, … with
//! `s1` the most widely carried). Every output format is a module that reads
//! that model and writes to any [`std::io::Write`]; [`Format`] and [`render`]
//! are the single place that lists them, so adding a format is one variant
//! and one match arm. The library prints nothing: progress goes through the
//! callback given to [`build`].
//!
//! ```
//! use isnad_report::{Content, Format, InputArticle, Options, RenderOptions, build, render};
//! let s = "أكد الرئيسان خلال اتصال هاتفي دعمهما غير المشروط للإجراءات التي تتخذها سورية.";
//! let article = |id: &str, outlet: &str, date: &str| InputArticle {
//!     id: id.into(),
//!     path: format!("{id}.txt"),
//!     outlet: outlet.into(),
//!     date: Some(date.into()),
//!     content: Content::Text(s.into()),
//!     ..Default::default()
//! };
//! let report = build(
//!     vec![article("a", "sana", "2021-02-17"), article("b", "alwatan", "2021-02-18")],
//!     &Options::default(),
//!     &|_| {},
//! )?;
//! assert_eq!(report.statements[0].first_outlet.as_deref(), Some("sana"));
//! let mut out = Vec::new();
//! render(&report, Format::Json, &RenderOptions::default(), &mut out)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
mod csv;
mod html;
mod json;
mod jsonl;
mod model;
mod ordered;
pub mod provenance;
mod text;
mod tiers;
mod view;

pub use build::{BuildError, Content, InputArticle, Options, build, parse_day};
pub use isnad_score::Progress;
pub use model::{
    ArticleEntry, MatchEntry, OptionsEcho, OutletEntry, OutletPair, Report, Span, StatementEntry,
    Status, Summary, UnitEntry, UnitText,
};
pub use text::terminal_text;
pub use tiers::{ALL_TIERS, parse_tier, tier_strength, tier_strongest};
pub use view::{merge_spans, shared_text, word_coverage};

use std::io::{self, Write};
use std::path::Path;

/// An output format of `isnad compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Readable terminal report.
    Text,
    /// One JSON object with articles, units, matches, statements, summary.
    Json,
    /// One match per line, self-contained.
    Jsonl,
    /// One match per row, self-contained.
    Csv,
    /// One self-contained HTML page: summary, heatmap, timeline, statements, articles.
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Html,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format an output file name implies (`report.json` → JSON); `.txt` is text.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "ndjson" => Some(Format::Jsonl),
            "htm" => Some(Format::Html),
            e => Format::from_name(e),
        }
    }
}

/// How to render, beyond the format.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use ANSI colors (text format only). The caller decides (TTY, `NO_COLOR`).
    pub color: bool,
}

/// Writes `report` in `format` to `out`.
pub fn render(
    report: &Report,
    format: Format,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Text => text::write(report, options, out),
        Format::Json => json::write(report, out),
        Format::Jsonl => jsonl::write(report, out),
        Format::Csv => csv::write(report, out),
        Format::Html => html::write(report, out),
    }
}

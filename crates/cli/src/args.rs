//! Command-line arguments (clap derive). Validation that needs more than
//! parsing (e.g. output format from a file extension) happens in `commands/`.

use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const COMPARE_EXAMPLES: &str = "\
Examples:
  isnad compare fixtures/seeds
      Folder of .txt files: the outlet is the parent folder's name; a
      manifest.jsonl or manifest.csv in the folder supplies outlet, date, title.
  isnad compare articles.jsonl --format json --output report.json
  cat export.jsonl | isnad compare - --min-tier near_duplicate --within-days 3
  isnad compare a.csv b.jsonl texts/ --format csv > matches.csv

Inputs:
  folder        every .txt below it (hidden files skipped); outlet = parent folder
  *.txt         one article; outlet = parent folder
  *.jsonl       one article per line: id, text, outlet (or passim's series),
                optional date (ISO), title, url; other fields are kept
  *.csv         same columns, with a header row
  -             JSONL on stdin
  --manifest F  CSV/JSONL mapping file → outlet, date, title (id, url optional)
Files must be UTF-8 (a leading byte-order mark is fine); other file types
(.json, .tsv, …) are an error. Unreadable articles are skipped with a
reason naming file and line, listed in the report and warned about.

Exit status: 0 success (also when output is cut short by a closed pipe),
1 error (unreadable input, duplicate ids, no usable article, or --strict
with skipped articles),
2 usage error.";

const SEGMENT_EXAMPLES: &str = "\
Examples:
  isnad segment fixtures/seeds/sana/003_424fbe4dbe17e1ac.txt
  echo 'قال الوزير إن الاجتماع انتهى. وأضاف أن الجولة المقبلة في أيار.' | isnad segment
  isnad segment article.txt --format jsonl | jq .kind

`lines` prints every sentence-level unit (headline, sentence, quote
continuation, dateline, credit, furniture; not clause sub-units), one per
line. `jsonl` prints every unit, clauses included, with byte offsets.";

const SCORE_EXAMPLES: &str = "\
Examples:
  printf 'النص الأول\\tالنص الثاني\\n' | isnad score --pairs -
  isnad score --pairs pairs.tsv --format jsonl

Each input line is `text_a<TAB>text_b`; each output line is
`score<TAB>tier` (tier `none` when the texts do not carry the same
statement), in input order. Any malformed line is an error naming it.

Two single sentences are scored as one sentence pair. When either text has
several sentences, both are split into sentences, the sentences are matched
as `isnad compare` matches them between outlets, and the score is the share
of the shorter text's words inside a matched passage, each weighted by its
match's score: how much of one text the other reuses (0 when no sentence
matches). The tier is the tier of the matches that cover most of the shorter
text; `--format jsonl` adds units_a/units_b, matches, cover_a/cover_b and
reuse_a/reuse_b.";

const EXPLAIN_EXAMPLES: &str = "\
Example:
  isnad explain 'قال الوزير إن 30 شخصاً قتلوا' 'قال الوزير إن 40 شخصاً قتلوا'

Texts of several sentences are compared as documents (see `isnad score
--help`): sentences matched across the two texts, score = score-weighted
share of the shorter text inside a matched passage.";

/// isnad: which statements repeat between news outlets.
#[derive(Parser, Debug)]
#[command(name = "isnad", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Run `isnad compare --help` for the main command.")]
pub struct Cli {
    /// Number of worker threads (default: all cores).
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// No progress bars and no warnings on stderr (errors are still printed).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// When to use colors: auto (only on a terminal, never with NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

/// When to color output.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colors on a terminal unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Report which statements repeat between outlets.
    #[command(after_help = COMPARE_EXAMPLES)]
    Compare(CompareArgs),
    /// Split one article into units (sentences, headline, dateline, credit, …).
    #[command(after_help = SEGMENT_EXAMPLES)]
    Segment(SegmentArgs),
    /// Score tab-separated pairs of texts (sentences or whole paragraphs), one pair per line.
    #[command(after_help = SCORE_EXAMPLES)]
    Score(ScoreArgs),
    /// Explain how two texts (sentences or paragraphs) compare: tier, score components, shared passages.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
}

/// `isnad compare`.
#[derive(Args, Debug)]
pub struct CompareArgs {
    /// Folders, .txt, .jsonl or .csv files, or `-` for JSONL on stdin.
    #[arg(value_name = "PATH", required_unless_present = "manifest")]
    pub paths: Vec<PathBuf>,
    /// A manifest (CSV or JSONL) mapping `file` to outlet, date, title; files are relative to it.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Output format (default: text, or what the --output file's extension says).
    #[arg(long, short = 'f', value_parser = PossibleValuesParser::new(isnad_report::Format::ALL.map(|f| f.name())))]
    pub format: Option<String>,
    /// Write the report to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep only matches at least this strong: verbatim > near_duplicate = conflicting > partial > paraphrase.
    ///
    /// Also faster on large inputs: without paraphrases, pairs are looked up
    /// by more shared words (on SaudiNewsNet `partial` takes about 40% less
    /// CPU and finds all the copies a full run finds but 0.4% of its changed
    /// facts), and `verbatim` compares only sentences equal once normalized.
    #[arg(long, value_name = "TIER", value_parser = PossibleValuesParser::new(isnad_report::ALL_TIERS.map(|t| t.as_str())))]
    pub min_tier: Option<String>,
    /// Keep only matches with at least this score (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0, value_parser = parse_unit_interval)]
    pub min_score: f32,
    /// Also report repeats within one outlet (default: only across outlets).
    #[arg(long)]
    pub same_outlet: bool,
    /// Only pair articles published at most N days apart (undated articles are always paired).
    /// Also the way to keep months or years of news fast: out-of-window pairs are skipped early.
    #[arg(long, value_name = "N")]
    pub within_days: Option<u32>,
    /// Also link two long sentences that share only a reworded passage (a dense window of the
    /// same names, numbers and words). Finds reworded claims in a few articles about one event;
    /// noisy on large mixed collections (about 1 in 10 right on a SaudiNewsNet day).
    #[arg(long)]
    pub passages: bool,
    /// Words found in more than N sentences are too common to look up pairs by (the
    /// default grows with the input: half the square root of its number of distinct
    /// sentences, at least 200). A larger N finds more reworded statements about recurring topics, at a
    /// cost in time: 800 on SaudiNewsNet finds 15% more matches (mostly paraphrases) in about
    /// twice the CPU time.
    #[arg(long, value_name = "N", value_parser = parse_posting_cap)]
    pub posting_cap: Option<u32>,
    /// Exit with status 1 if any article was skipped (the report is still written).
    #[arg(long)]
    pub strict: bool,
    /// Skip articles longer than this many bytes (64 MiB by default), saying so in the report.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: u64,
    /// Extra agencies/outlets that articles credit, merged with the built-in table: TSV
    /// (`id<TAB>name<TAB>…`, fields `outlet:ID`, `name:TEXT`) or JSON (`{"id": ["name", …]}`).
    #[arg(long, value_name = "FILE")]
    pub agencies: Option<std::path::PathBuf>,
    /// Print on stderr, when done, the wall and CPU seconds of each stage (reading,
    /// segmenting, features, candidates, scoring, expand, statements, provenance, writing) and
    /// the peak memory.
    #[arg(long)]
    pub stats: bool,
}

/// `--threads`: a count of at least 1, so `0` is a usage error (exit 2)
/// like any other bad value, not a failure of the run.
fn parse_threads(s: &str) -> Result<usize, String> {
    match s.parse::<usize>().map_err(|e| format!("{e}"))? {
        0 => Err("must be at least 1 (leave it out to use all cores)".into()),
        n => Ok(n),
    }
}

/// `--posting-cap`: at least 1 (a cap of 0 would never look anything up).
fn parse_posting_cap(s: &str) -> Result<u32, String> {
    match s.parse::<u32>().map_err(|e| format!("{e}"))? {
        0 => Err("must be at least 1".into()),
        n => Ok(n),
    }
}

fn parse_unit_interval(s: &str) -> Result<f32, String> {
    let x: f32 = s.parse().map_err(|e| format!("{e}"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err("must be between 0 and 1".into())
    }
}

/// `isnad segment`.
#[derive(Args, Debug)]
pub struct SegmentArgs {
    /// The article (UTF-8 text); `-` or nothing for stdin.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// `lines`: one sentence-level unit per line; `jsonl`: one object per unit.
    #[arg(long, short = 'f', value_enum, default_value_t = SegmentFormat::Lines)]
    pub format: SegmentFormat,
}

/// Output of `isnad segment`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentFormat {
    /// One unit per line.
    Lines,
    /// One JSON object per unit.
    Jsonl,
}

/// `isnad score`.
#[derive(Args, Debug)]
pub struct ScoreArgs {
    /// File of `text_a<TAB>text_b` lines, or `-` for stdin.
    #[arg(long, value_name = "FILE")]
    pub pairs: PathBuf,
    /// `tsv`: score and tier; `jsonl`: also components and spans.
    #[arg(long, short = 'f', value_enum, default_value_t = ScoreFormat::Tsv)]
    pub format: ScoreFormat,
}

/// Output of `isnad score`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreFormat {
    /// `score<TAB>tier`.
    Tsv,
    /// One JSON object per pair.
    Jsonl,
}

/// `isnad explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The first text.
    pub a: String,
    /// The second text.
    pub b: String,
    /// `text` for people, `json` for scripts.
    #[arg(long, short = 'f', value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// Output of `isnad explain`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainFormat {
    /// Readable.
    Text,
    /// One JSON object.
    Json,
}
